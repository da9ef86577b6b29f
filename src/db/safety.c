/* SPDX-License-Identifier: GPL-3.0-or-later */
/* safety.c (db) -- the days the crisis line rests on; see db/safety.h. */
#include "db/safety.h"

#include <string.h>

#include "db_int.h"

static const char q_moods[] =
	"SELECT date, mood FROM checkin WHERE date <= ?1 AND date > ?2"
	" AND mood IS NOT NULL ORDER BY date DESC LIMIT ?3";
static const char q_item[] =
	"SELECT max(r.date) FROM rating r JOIN symptom s ON s.id = r.symptom_id"
	" WHERE s.name = ?3 AND r.value > 0 AND r.date <= ?1 AND r.date > ?2";

static int read_moods(struct wn_db *db, wn_date day, wn_date *dates, int *moods,
                      size_t *n, struct wn_err *err)
{
	sqlite3_stmt *st;
	int rc = wn_db_stmt(db, q_moods, &st, err);
	if (rc != WN_OK)
		return rc;
	wn_db_bind_date(st, 1, day);
	wn_db_bind_date(st, 2, day - WN_SAFETY_LOOKBACK);
	sqlite3_bind_int(st, 3, WN_SAFETY_WINDOW);
	*n = 0;
	while (wn_db_row(db, st, "read the moods", &rc, err) && *n < WN_SAFETY_WINDOW) {
		dates[*n] = wn_db_col_date(st, 0);
		moods[(*n)++] = sqlite3_column_int(st, 1);
	}
	sqlite3_reset(st);
	return rc;
}

static int read_item(struct wn_db *db, wn_date day, wn_date *last, struct wn_err *err)
{
	sqlite3_stmt *st;
	int rc = wn_db_stmt(db, q_item, &st, err);
	if (rc != WN_OK)
		return rc;
	wn_db_bind_date(st, 1, day);
	wn_db_bind_date(st, 2, day - WN_SAFETY_SELF_HARM_DAYS);
	sqlite3_bind_text(st, 3, WN_SAFETY_SELF_HARM, -1, SQLITE_STATIC);
	*last = WN_DATE_NONE;
	if (wn_db_row(db, st, "read the ratings", &rc, err))
		*last = wn_db_col_date(st, 0);
	sqlite3_reset(st);
	return rc;
}

int wn_db_safety(struct wn_db *db, wn_date day, int low_mood,
                 struct wn_safety_out *out, struct wn_err *err)
{
	wn_date dates[WN_SAFETY_WINDOW];
	int moods[WN_SAFETY_WINDOW];
	struct wn_safety_in in = { .day = day, .mood_days = dates, .moods = moods,
	                           .low_mood = low_mood };
	memset(out, 0, sizeof *out);
	int rc = read_moods(db, day, dates, moods, &in.n, err);
	if (rc == WN_OK)
		rc = read_item(db, day, &in.self_harm_last, err);
	if (rc == WN_OK)
		wn_safety_check(&in, out);
	return rc;
}

static const char q_counts[] =
	"SELECT (SELECT count(*) FROM checkin WHERE date BETWEEN ?1 AND ?2"
	"        AND mood <= ?3),"
	" (SELECT count(DISTINCT r.date) FROM rating r JOIN symptom s ON s.id = r.symptom_id"
	"  WHERE s.name = ?4 AND r.value > 0 AND r.date BETWEEN ?1 AND ?2)";

int wn_db_safety_counts(struct wn_db *db, wn_date from, wn_date to, int low_mood,
                        struct wn_safety_counts *out, struct wn_err *err)
{
	sqlite3_stmt *st;
	memset(out, 0, sizeof *out);
	int rc = wn_db_stmt(db, q_counts, &st, err);
	if (rc != WN_OK)
		return rc;
	wn_db_bind_date(st, 1, from);
	wn_db_bind_date(st, 2, to);
	sqlite3_bind_int(st, 3, low_mood);
	sqlite3_bind_text(st, 4, WN_SAFETY_SELF_HARM, -1, SQLITE_STATIC);
	if (wn_db_row(db, st, "count the days", &rc, err)) {
		out->low_mood_days = sqlite3_column_int(st, 0);
		out->item_days = sqlite3_column_int(st, 1);
	}
	sqlite3_reset(st);
	return rc;
}
