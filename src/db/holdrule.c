/* SPDX-License-Identifier: GPL-3.0-or-later */
/* holdrule.c (db) -- the days the hold rules read, and the proposals
 * kept; see db/holdrule.h. */
#include "db/holdrule.h"

#include <math.h>
#include <string.h>

#include "db_int.h"

/* The rated days over [?1, ?2]: each day's ratings added up and counted
 * (day_sum, kept by the writes: schema_v9.c), a row a day.  A day's
 * level is the mean of its ratings, as SQLite's avg(value) gives it (the
 * integer sum over the count); the windows' means are then made in C
 * (core/holdrule.h), the same numbers the old query per window gave:
 *   SELECT avg(v), count(*) FROM (SELECT avg(value) AS v FROM rating
 *    WHERE date BETWEEN ?1 AND ?2 GROUP BY date)
 * (tests/unit/test_db_holdrule.c compares them to the bit), but each
 * day is read once, whatever the windows' overlaps, by one prepared
 * statement run once per span (wn_holdrule_spans). */
static const char q_days[] =
	"SELECT date, sum, n FROM day_sum WHERE date BETWEEN ?1 AND ?2 ORDER BY date";
static const char q_sleep[] =
	"SELECT date, sleep FROM checkin WHERE date BETWEEN ?1 AND ?2 AND sleep IS NOT NULL";

static int read_span(struct wn_db *db, struct wn_holdrule_in *in, wn_date from,
                     wn_date to, struct wn_err *err)
{
	sqlite3_stmt *st;
	int rc = wn_db_stmt(db, q_days, &st, err);
	if (rc != WN_OK)
		return rc;
	wn_db_bind_date(st, 1, from);
	wn_db_bind_date(st, 2, to);
	while (wn_db_row(db, st, "read the ratings", &rc, err)) {
		wn_date d = wn_db_col_date(st, 0);
		sqlite3_int64 n = sqlite3_column_int64(st, 2);
		if (n > 0 && d != WN_DATE_NONE)
			wn_holdrule_day(in, d, (double)sqlite3_column_int64(st, 1) / (double)n);
	}
	sqlite3_reset(st);
	return rc;
}

static int read_windows(struct wn_db *db, struct wn_holdrule_in *in, struct wn_err *err)
{
	wn_date from[2 + WN_HOLDRULE_CUTS], to[2 + WN_HOLDRULE_CUTS];
	int n = wn_holdrule_spans(in, from, to), rc = WN_OK;
	for (int k = 0; rc == WN_OK && k < n; k++)
		rc = read_span(db, in, from[k], to[k], err);
	wn_holdrule_means(in);
	return rc;
}

static int read_sleep(struct wn_db *db, struct wn_holdrule_in *in, struct wn_err *err)
{
	sqlite3_stmt *st;
	if (in->n_sleep <= 0)
		return WN_OK;
	int rc = wn_db_stmt(db, q_sleep, &st, err);
	if (rc != WN_OK)
		return rc;
	wn_db_bind_date(st, 1, in->day - in->n_sleep + 1);
	wn_db_bind_date(st, 2, in->day);
	while (wn_db_row(db, st, "read the sleep", &rc, err)) {
		wn_date d = wn_db_col_date(st, 0);
		if (d != WN_DATE_NONE && d <= in->day && in->day - d < in->n_sleep)
			in->sleep[in->day - d] = sqlite3_column_double(st, 1);
	}
	sqlite3_reset(st);
	return rc;
}

int wn_db_holdrule(struct wn_db *db, const struct wn_config *cfg,
                   const struct wn_schedule *s, wn_date day,
                   struct wn_holdrule_in *in, struct wn_holdrule_out *out,
                   struct wn_err *err)
{
	memset(out, 0, sizeof *out);
	if (!wn_holdrule_windows(cfg, s, day, in))
		return WN_OK;
	int rc = read_windows(db, in, err);
	if (rc == WN_OK)
		rc = read_sleep(db, in, err);
	if (rc == WN_OK)
		wn_holdrule_check(in, out);
	return rc;
}

/* ---- proposals ------------------------------------------------------------ */

static const char *const state_names[] = { "shown", "accepted", "dismissed" };

const char *wn_proposal_state_name(enum wn_proposal_state s)
{
	return (unsigned)s < 3 ? state_names[s] : "?";
}

int wn_db_proposal_shown(struct wn_db *db, long med_id, wn_date day, const char *why,
                         struct wn_err *err)
{
	static const char q[] =
		"INSERT INTO hold_proposal(med_id, date, reason) VALUES (?1, ?2, ?3)"
		" ON CONFLICT (med_id, date) DO UPDATE SET reason = excluded.reason"
		" WHERE reason IS NOT excluded.reason";
	sqlite3_stmt *st;
	int rc = wn_db_stmt(db, q, &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, med_id);
	wn_db_bind_date(st, 2, day);
	sqlite3_bind_text(st, 3, why && *why ? why : "-", -1, SQLITE_TRANSIENT);
	wn_db_row(db, st, "keep the proposal", &rc, err);
	sqlite3_reset(st);
	return rc;
}

int wn_db_proposal_answer(struct wn_db *db, long med_id, wn_date day,
                          enum wn_proposal_state state, struct wn_err *err)
{
	static const char q[] =
		"UPDATE hold_proposal SET state = ?3, updated = strftime('%Y-%m-%d %H:%M:%S','now')"
		" WHERE id = (SELECT id FROM hold_proposal WHERE med_id = ?1 AND date <= ?2"
		"  AND date > ?4 ORDER BY date DESC LIMIT 1)";
	sqlite3_stmt *st;
	int rc = wn_db_stmt(db, q, &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, med_id);
	wn_db_bind_date(st, 2, day);
	sqlite3_bind_text(st, 3, wn_proposal_state_name(state), -1, SQLITE_STATIC);
	wn_db_bind_date(st, 4, day - 14);
	wn_db_row(db, st, "answer the proposal", &rc, err);
	sqlite3_reset(st);
	if (rc == WN_OK && sqlite3_changes(wn_db_sqlite(db)) == 0)
		rc = WN_NOINPUT;
	return rc;
}

static enum wn_proposal_state state_of(const char *s)
{
	for (int k = 0; k < 3; k++)
		if (s && strcmp(s, state_names[k]) == 0)
			return (enum wn_proposal_state)k;
	return WN_PROPOSAL_SHOWN;
}

int wn_db_proposal_get(struct wn_db *db, long med_id, wn_date day,
                       enum wn_proposal_state *state, struct wn_err *err)
{
	static const char q[] = "SELECT state FROM hold_proposal WHERE med_id = ?1 AND date = ?2";
	sqlite3_stmt *st;
	int rc = wn_db_stmt(db, q, &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, med_id);
	wn_db_bind_date(st, 2, day);
	if (wn_db_row(db, st, "read the proposal", &rc, err))
		*state = state_of((const char *)sqlite3_column_text(st, 0));
	else if (rc == WN_OK)
		rc = WN_NOINPUT;
	sqlite3_reset(st);
	return rc;
}

int wn_db_proposal_seen(struct wn_db *db, struct wn_proposal *p, bool keep,
                        struct wn_err *err)
{
	static const char q[] =
		"SELECT state, reason FROM hold_proposal WHERE med_id = ?1 AND date = ?2";
	const char *why = *p->why ? p->why : "-";
	sqlite3_stmt *st;
	bool same = false;
	p->state = WN_PROPOSAL_SHOWN;
	int rc = wn_db_stmt(db, q, &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, p->med_id);
	wn_db_bind_date(st, 2, p->date);
	if (wn_db_row(db, st, "read the proposal", &rc, err)) {
		const char *r = (const char *)sqlite3_column_text(st, 1);
		p->state = state_of((const char *)sqlite3_column_text(st, 0));
		same = r && strcmp(r, why) == 0;
	}
	sqlite3_reset(st);
	if (rc != WN_OK || !keep || same || p->state == WN_PROPOSAL_DISMISSED)
		return rc;
	return wn_db_proposal_shown(db, p->med_id, p->date, why, err);
}

static int read_proposal(sqlite3_stmt *st, void *item)
{
	struct wn_proposal *p = item;
	p->med_id = (long)sqlite3_column_int64(st, 0);
	p->date = wn_db_col_date(st, 1);
	wn_db_col_copy(st, 2, p->why, sizeof p->why);
	p->state = state_of((const char *)sqlite3_column_text(st, 3));
	return 0;
}

int wn_db_proposals(struct wn_db *db, wn_date from, wn_date to,
                    struct wn_proposal **out, size_t *n, struct wn_err *err)
{
	static const struct wn_db_rows rows = {
		sizeof(struct wn_proposal), read_proposal, "read the hold proposals"
	};
	sqlite3_stmt *st;
	void *items = NULL;
	*out = NULL;
	*n = 0;
	int rc = wn_db_prepare(db, "SELECT med_id, date, reason, state FROM hold_proposal"
	                       " WHERE date BETWEEN ?1 AND ?2 ORDER BY date, id", &st, err);
	if (rc != WN_OK)
		return rc;
	wn_db_bind_date(st, 1, from);
	wn_db_bind_date(st, 2, to);
	rc = wn_db_collect(db, st, &rows, &items, n, err);
	sqlite3_finalize(st);
	*out = items;
	return rc;
}
