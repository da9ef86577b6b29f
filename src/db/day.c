/* SPDX-License-Identifier: GPL-3.0-or-later */
/* storage_day.c -- the records of one day: loading a day, writing its
 * check-in, ratings, metrics, doses and notes, and reading date ranges.
 * Opening, transactions and the shared helpers are in storage.c. */
#include "db_int.h"
#include "core/records.h"
#include "db/day.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- one day --------------------------------------------------------- */

static int load_checkin(struct wn_db *db, struct wn_checkin *ci,
                        struct wn_err *err)
{
	static const char sql[] = "SELECT mood, anxiety, energy, sleep, note, flag,"
		" created, updated FROM checkin WHERE date = ?1";
	sqlite3_stmt *st;
	int rc = wn_db_stmt(db, sql, &st, err);
	if (rc != WN_OK)
		return rc;
	wn_db_bind_date(st, 1, ci->date);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		int *lv[3] = { &ci->mood, &ci->anxiety, &ci->energy };
		for (int i = 0; i < 3; i++)
			*lv[i] = sqlite3_column_type(st, i) == SQLITE_NULL ? WN_UNSET :
			         sqlite3_column_int(st, i);
		ci->exists = true;
		ci->sleep = sqlite3_column_type(st, 3) == SQLITE_NULL ? NAN :
		            sqlite3_column_double(st, 3);
		ci->flag = sqlite3_column_int(st, 5) != 0;
		wn_db_col_copy(st, 6, ci->created, sizeof ci->created);
		wn_db_col_copy(st, 7, ci->updated, sizeof ci->updated);
		if (wn_db_col_dup(st, 4, &ci->note) != 0) {
			sqlite3_reset(st);
			return wn_err_set(err, WN_ERR,
			                  "cannot read the day: out of memory");
		}
	}
	return wn_db_finish(db, st, rc, "read the check-in", err);
}

static int read_rating(sqlite3_stmt *st, void *item)
{
	struct wn_rating *r = item;
	r->symptom_id = (long)sqlite3_column_int64(st, 0);
	r->value = sqlite3_column_int(st, 1);
	return 0;
}

static int read_dose(sqlite3_stmt *st, void *item)
{
	struct wn_dose *d = item;
	d->id = (long)sqlite3_column_int64(st, 0);
	d->date = wn_db_col_date(st, 1);
	d->minute = wn_db_col_minute(st, 2);
	d->med_id = (long)sqlite3_column_int64(st, 3);
	d->amount = sqlite3_column_double(st, 4);
	return 0;
}

static int read_metric(sqlite3_stmt *st, void *item)
{
	struct wn_metric_value *m = item;
	wn_db_col_copy(st, 0, m->name, sizeof m->name);
	m->value = sqlite3_column_double(st, 1);
	return 0;
}

static int read_qnote(sqlite3_stmt *st, void *item)
{
	struct wn_quicknote *q = item;
	q->id = (long)sqlite3_column_int64(st, 0);
	q->date = wn_db_col_date(st, 1);
	q->minute = wn_db_col_minute(st, 2);
	return wn_db_col_dup(st, 3, &q->text);
}

static int read_question(sqlite3_stmt *st, void *item)
{
	struct wn_question *q = item;
	q->id = (long)sqlite3_column_int64(st, 0);
	q->date = wn_db_col_date(st, 1);
	q->answered = sqlite3_column_int(st, 3) != 0;
	if (wn_db_col_dup(st, 2, &q->text) != 0)
		return -1;
	if (wn_db_col_dup(st, 4, &q->answer) != 0) {
		free(q->text);
		q->text = NULL;
		return -1;
	}
	return 0;
}

/* The day's lists, in display order. */
static const char day_ratings[] = "SELECT r.symptom_id, r.value FROM rating r"
	" JOIN symptom s ON s.id = r.symptom_id WHERE r.date = ?1 ORDER BY s.sort, s.name";
static const char day_doses[] = "SELECT id, date, minute, med_id, amount FROM dose"
	" WHERE date = ?1 ORDER BY ifnull(minute, -1), id";
static const char day_metrics[] = "SELECT d.name, v.value FROM metric_value v"
	" JOIN metric_def d ON d.id = v.metric_id WHERE v.date = ?1 ORDER BY d.name";
static const char day_qnotes[] = "SELECT id, date, minute, text FROM quicknote"
	" WHERE date = ?1 ORDER BY ifnull(minute, -1), id";
static const char day_questions[] = "SELECT id, date, text, answered, answer"
	" FROM question WHERE date = ?1 ORDER BY id";

static int load_list(struct wn_db *db, const char *sql, wn_date date,
                     const struct wn_db_rows *r, void **arr, size_t *n,
                     struct wn_err *err)
{
	sqlite3_stmt *st;
	int rc = wn_db_stmt(db, sql, &st, err);
	if (rc != WN_OK)
		return rc;
	wn_db_bind_date(st, 1, date);
	return wn_db_collect(db, st, r, arr, n, err);
}

static int load_lists(struct wn_db *db, struct wn_day *d, struct wn_err *err)
{
	static const struct wn_db_rows
		rr = { sizeof(struct wn_rating), read_rating, "read the ratings" },
		rd = { sizeof(struct wn_dose), read_dose, "read the doses" },
		rm = { sizeof(struct wn_metric_value), read_metric, "read the metrics" },
		rq = { sizeof(struct wn_quicknote), read_qnote, "read the quick notes" },
		ru = { sizeof(struct wn_question), read_question, "read the questions" };
	wn_date day = d->ci.date;
	void *a = NULL;
	int rc = load_list(db, day_ratings, day, &rr, &a, &d->n_ratings, err);
	d->ratings = a;
	if (rc == WN_OK) {
		rc = load_list(db, day_doses, day, &rd, &a, &d->n_doses, err);
		d->doses = a;
	}
	if (rc == WN_OK) {
		rc = load_list(db, day_metrics, day, &rm, &a, &d->n_metrics, err);
		d->metrics = a;
	}
	if (rc == WN_OK) {
		rc = load_list(db, day_qnotes, day, &rq, &a, &d->n_qnotes, err);
		d->qnotes = a;
	}
	if (rc == WN_OK) {
		rc = load_list(db, day_questions, day, &ru, &a, &d->n_questions, err);
		d->questions = a;
	}
	return rc;
}

int wn_db_day_load(struct wn_db *db, wn_date date, struct wn_day *out,
                   struct wn_err *err)
{
	memset(out, 0, sizeof *out);
	out->ci = (struct wn_checkin){ .date = date, .mood = WN_UNSET,
	                               .anxiety = WN_UNSET, .energy = WN_UNSET,
	                               .sleep = NAN };
	int rc = wn_db_check_date(date, err);
	if (rc != WN_OK)
		return rc;
	/* One read snapshot for the whole day. */
	bool snap;
	if ((rc = wn_db_snapshot_begin(db, &snap, "read the day", err)) != WN_OK)
		return rc;
	rc = load_checkin(db, &out->ci, err);
	if (rc == WN_OK)
		rc = load_lists(db, out, err);
	wn_db_snapshot_end(db, snap);
	if (rc != WN_OK)
		wn_day_free(out);
	return rc;
}

void wn_day_free(struct wn_day *d)
{
	if (!d)
		return;
	free(d->ci.note);
	for (size_t i = 0; i < d->n_qnotes; i++)
		free(d->qnotes[i].text);
	for (size_t i = 0; i < d->n_questions; i++) {
		free(d->questions[i].text);
		free(d->questions[i].answer);
	}
	free(d->ratings);
	free(d->doses);
	free(d->metrics);
	free(d->qnotes);
	free(d->questions);
	memset(d, 0, sizeof *d);
	d->ci.date = WN_DATE_NONE;
}

/* ---- writing a day --------------------------------------------------- */

static int check_level(const char *what, int v, struct wn_err *err)
{
	if (v != WN_UNSET && (v < 0 || v > 10))
		return wn_err_set(err, WN_DATAERR, "%s must be 0..10 (got %d)", what, v);
	return WN_OK;
}

static int check_patch(const struct wn_checkin_patch *p, struct wn_err *err)
{
	int rc = wn_db_check_date(p->date, err);
	if (rc == WN_OK && (p->set & WN_SET_MOOD))
		rc = check_level("mood", p->mood, err);
	if (rc == WN_OK && (p->set & WN_SET_ANXIETY))
		rc = check_level("anxiety", p->anxiety, err);
	if (rc == WN_OK && (p->set & WN_SET_ENERGY))
		rc = check_level("energy", p->energy, err);
	if (rc == WN_OK && (p->set & WN_SET_SLEEP) && !isnan(p->sleep) &&
	    !(p->sleep >= 0 && p->sleep <= 24))
		rc = wn_err_set(err, WN_DATAERR, "sleep must be 0..24 hours (got %g)",
		                p->sleep);
	if (rc == WN_OK && (p->set & WN_SET_NOTE) && p->note)
		rc = wn_db_check_text("note", p->note, WN_NOTE_MAX, true, err);
	return rc;
}

static void bind_level(sqlite3_stmt *st, int idx, bool set, int v)
{
	if (set && v != WN_UNSET)
		sqlite3_bind_int(st, idx, v);
}

int wn_db_checkin_update(struct wn_db *db, const struct wn_checkin_patch *p,
                         struct wn_err *err)
{
	static const char sql[] = "INSERT INTO checkin(date, mood, anxiety, energy,"
		" sleep, note, flag) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
		" ON CONFLICT(date) DO UPDATE SET"
		" mood = CASE WHEN ?8 & 1 THEN excluded.mood ELSE mood END,"
		" anxiety = CASE WHEN ?8 & 2 THEN excluded.anxiety ELSE anxiety END,"
		" energy = CASE WHEN ?8 & 4 THEN excluded.energy ELSE energy END,"
		" sleep = CASE WHEN ?8 & 8 THEN excluded.sleep ELSE sleep END,"
		" note = CASE WHEN ?8 & 16 THEN excluded.note ELSE note END,"
		" flag = CASE WHEN ?8 & 32 THEN excluded.flag ELSE flag END,"
		" updated = " WN_NOW_SQL;
	sqlite3_stmt *st;
	int rc = check_patch(p, err);
	if (rc == WN_OK)
		rc = wn_db_stmt(db, sql, &st, err);
	if (rc != WN_OK)
		return rc;
	wn_db_bind_date(st, 1, p->date);
	bind_level(st, 2, p->set & WN_SET_MOOD, p->mood);
	bind_level(st, 3, p->set & WN_SET_ANXIETY, p->anxiety);
	bind_level(st, 4, p->set & WN_SET_ENERGY, p->energy);
	if ((p->set & WN_SET_SLEEP) && !isnan(p->sleep))
		sqlite3_bind_double(st, 5, p->sleep);
	if ((p->set & WN_SET_NOTE) && p->note && *p->note)
		sqlite3_bind_text(st, 6, p->note, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 7, (p->set & WN_SET_FLAG) && p->flag);
	sqlite3_bind_int(st, 8, (int)(p->set & 63u));
	return wn_db_finish(db, st, sqlite3_step(st), "save the check-in", err);
}

/* Runs a write statement with ?1 = date, ?2 = id and an optional int ?3. */
static int write_date_id(struct wn_db *db, const char *sql, wn_date date,
                         long id, int v, struct wn_err *err)
{
	sqlite3_stmt *st;
	int rc = wn_db_stmt(db, sql, &st, err);
	if (rc != WN_OK)
		return rc;
	wn_db_bind_date(st, 1, date);
	sqlite3_bind_int64(st, 2, id);
	if (sqlite3_bind_parameter_count(st) >= 3)
		sqlite3_bind_int(st, 3, v);
	rc = sqlite3_step(st);
	if (rc == SQLITE_CONSTRAINT_FOREIGNKEY) {
		sqlite3_reset(st);
		return wn_err_set(err, WN_NOINPUT, "no symptom with id %ld", id);
	}
	return wn_db_finish(db, st, rc, "save the rating", err);
}

int wn_db_rating_set(struct wn_db *db, wn_date date, long symptom_id,
                     int value, struct wn_err *err)
{
	static const char set[] = "INSERT INTO rating(date, symptom_id, value)"
		" VALUES (?1, ?2, ?3) ON CONFLICT(date, symptom_id)"
		" DO UPDATE SET value = excluded.value";
	static const char clear[] =
		"DELETE FROM rating WHERE date = ?1 AND symptom_id = ?2";
	static const char seen[] = "UPDATE symptom SET first_seen = ?1 WHERE id = ?2"
		" AND (first_seen IS NULL OR first_seen > ?1)";
	/* Only when this day may have been the first: look again. */
	static const char unseen[] = "UPDATE symptom SET first_seen = (SELECT"
		" min(date) FROM rating WHERE symptom_id = ?2 AND value > 0)"
		" WHERE id = ?2 AND first_seen = ?1";
	bool own;
	int rc = wn_db_check_date(date, err);
	if (rc == WN_OK && value != WN_UNSET && (value < 0 || value > 3))
		rc = wn_err_set(err, WN_DATAERR, "a symptom rating must be 0..3"
		                " (none, mild, moderate, severe); got %d", value);
	if (rc != WN_OK || (rc = wn_db_tx_enter(db, &own, err)) != WN_OK)
		return rc;
	rc = write_date_id(db, value == WN_UNSET ? clear : set, date, symptom_id,
	                   value, err);
	if (rc == WN_OK)
		rc = write_date_id(db, value > 0 ? seen : unseen, date, symptom_id, 0, err);
	return wn_db_tx_leave(db, own, rc, err);
}

/* The id of metric name (created if missing), with its range. */
static int metric_def(struct wn_db *db, const char *name, long *id,
                      double range[2], struct wn_err *err)
{
	static const char add[] = "INSERT INTO metric_def(name) VALUES (?1)"
		" ON CONFLICT(name) DO NOTHING";
	static const char get[] = "SELECT id, min, max FROM metric_def WHERE name = ?1";
	sqlite3_stmt *st;
	int rc = wn_db_stmt(db, add, &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	rc = wn_db_finish(db, st, sqlite3_step(st), "add the metric", err);
	if (rc == WN_OK)
		rc = wn_db_stmt(db, get, &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = (long)sqlite3_column_int64(st, 0);
		for (int i = 0; i < 2; i++)
			range[i] = sqlite3_column_type(st, 1 + i) == SQLITE_NULL ? NAN :
			           sqlite3_column_double(st, 1 + i);
	} else if (rc == SQLITE_DONE) {
		rc = SQLITE_INTERNAL;
	}
	return wn_db_finish(db, st, rc, "find the metric", err);
}

static int metric_write(struct wn_db *db, wn_date date, const char *name,
                        double value, struct wn_err *err)
{
	static const char set[] = "INSERT INTO metric_value(date, metric_id, value)"
		" VALUES (?1, ?2, ?3) ON CONFLICT(date, metric_id)"
		" DO UPDATE SET value = excluded.value";
	static const char clear[] = "DELETE FROM metric_value WHERE date = ?1"
		" AND metric_id = (SELECT id FROM metric_def WHERE name = ?2)";
	sqlite3_stmt *st;
	long id = 0;
	double range[2] = { NAN, NAN };   /* comparisons with NAN are false */
	int rc = isnan(value) ? WN_OK : metric_def(db, name, &id, range, err);
	if (rc == WN_OK && value < range[0])
		rc = wn_err_set(err, WN_DATAERR, "%s must be at least %g (got %g)",
		                name, range[0], value);
	if (rc == WN_OK && value > range[1])
		rc = wn_err_set(err, WN_DATAERR, "%s must be at most %g (got %g)",
		                name, range[1], value);
	if (rc == WN_OK)
		rc = wn_db_stmt(db, isnan(value) ? clear : set, &st, err);
	if (rc != WN_OK)
		return rc;
	wn_db_bind_date(st, 1, date);
	if (isnan(value)) {
		sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	} else {
		sqlite3_bind_int64(st, 2, id);
		sqlite3_bind_double(st, 3, value);
	}
	return wn_db_finish(db, st, sqlite3_step(st), "save the metric", err);
}

int wn_db_metric_set(struct wn_db *db, wn_date date, const char *name,
                     double value, struct wn_err *err)
{
	const size_t cap = sizeof ((struct wn_metric_value){ .value = 0 }).name;
	bool own;
	int rc = wn_db_check_date(date, err);
	if (rc == WN_OK && (!name || strlen(name) >= cap))
		rc = wn_err_set(err, WN_DATAERR,
		                "metric name is too long (at most %zu bytes)", cap - 1);
	if (rc == WN_OK)
		rc = wn_db_check_name("metric name", name, cap, cap - 1, err);
	if (rc == WN_OK && !isnan(value) && !isfinite(value))
		rc = wn_err_set(err, WN_DATAERR, "%s must be a finite number", name);
	if (rc != WN_OK || (rc = wn_db_tx_enter(db, &own, err)) != WN_OK)
		return rc;
	rc = metric_write(db, date, name, value, err);
	return wn_db_tx_leave(db, own, rc, err);
}

/* Deletes the doses of med on date: all of them (all), or only those
 * recorded as skipped (amount 0). */
static int dose_clear(struct wn_db *db, wn_date date, long med_id, bool all,
                      struct wn_err *err)
{
	static const char sql[] = "DELETE FROM dose WHERE date = ?1 AND med_id = ?2"
		" AND (?3 OR (amount = 0 AND minute IS NULL))";
	sqlite3_stmt *st;
	int rc = wn_db_stmt(db, sql, &st, err);
	if (rc != WN_OK)
		return rc;
	wn_db_bind_date(st, 1, date);
	sqlite3_bind_int64(st, 2, med_id);
	sqlite3_bind_int(st, 3, all);
	return wn_db_finish(db, st, sqlite3_step(st), "save the dose", err);
}

/* Inserts (or replaces, same slot) one dose row; its id into *id_out. */
static int dose_insert(struct wn_db *db, const struct wn_dose *d, long *id_out,
                       struct wn_err *err)
{
	static const char sql[] = "INSERT INTO dose(date, minute, med_id, amount)"
		" VALUES (?1, ?2, ?3, ?4) ON CONFLICT(date, med_id, ifnull(minute, -1))"
		" DO UPDATE SET amount = excluded.amount, created = " WN_NOW_SQL
		" RETURNING id";
	sqlite3_stmt *st;
	int rc = wn_db_stmt(db, sql, &st, err);
	if (rc != WN_OK)
		return rc;
	wn_db_bind_date(st, 1, d->date);
	wn_db_bind_minute(st, 2, d->minute);
	sqlite3_bind_int64(st, 3, d->med_id);
	sqlite3_bind_double(st, 4, d->amount);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && id_out)
		*id_out = (long)sqlite3_column_int64(st, 0);
	if (rc == SQLITE_ROW)     /* finish the statement so that it commits */
		rc = sqlite3_step(st);
	if (rc == SQLITE_CONSTRAINT_FOREIGNKEY) {
		sqlite3_reset(st);
		return wn_err_set(err, WN_NOINPUT, "no medication with id %ld", d->med_id);
	}
	return wn_db_finish(db, st, rc, "save the dose", err);
}

static int dose_write(struct wn_db *db, const struct wn_dose *d, bool skip,
                      long *id_out, struct wn_err *err)
{
	bool own;
	int rc = wn_db_tx_enter(db, &own, err);
	if (rc != WN_OK)
		return rc;
	rc = dose_clear(db, d->date, d->med_id, skip, err);
	if (rc == WN_OK)
		rc = dose_insert(db, d, id_out, err);
	return wn_db_tx_leave(db, own, rc, err);
}

int wn_db_dose_add(struct wn_db *db, const struct wn_dose *d, long *id_out,
                   struct wn_err *err)
{
	int rc = wn_db_check_date(d->date, err);
	if (rc == WN_OK)
		rc = wn_db_check_minute(d->minute, err);
	if (rc == WN_OK && !(d->amount > 0 && d->amount < 100000))
		rc = wn_err_set(err, WN_DATAERR,
		                "a dose must be more than 0 and less than 100000 (got %g)",
		                d->amount);
	return rc == WN_OK ? dose_write(db, d, false, id_out, err) : rc;
}

int wn_db_dose_skip(struct wn_db *db, wn_date date, long med_id, long *id_out,
                    struct wn_err *err)
{
	struct wn_dose d = { .date = date, .minute = -1, .med_id = med_id, .amount = 0 };
	int rc = wn_db_check_date(date, err);
	return rc == WN_OK ? dose_write(db, &d, true, id_out, err) : rc;
}

int wn_db_dose_skip_at(struct wn_db *db, const struct wn_dose *d, const long *replace,
                       size_t n_replace, long *id_out, struct wn_err *err)
{
	bool own;
	struct wn_dose x = *d;
	x.amount = 0;
	int rc = wn_db_check_date(d->date, err);
	if (rc == WN_OK && d->minute < 0)
		rc = wn_err_set(err, WN_USAGE, "a dose skipped at its time needs the time");
	if (rc == WN_OK)
		rc = wn_db_check_minute(d->minute, err);
	if (rc == WN_OK)
		rc = wn_db_tx_enter(db, &own, err);
	if (rc != WN_OK)
		return rc;
	for (size_t i = 0; rc == WN_OK && i < n_replace; i++) {
		rc = wn_db_dose_delete(db, replace[i], err);
		if (rc == WN_NOINPUT)
			rc = WN_OK;
	}
	if (rc == WN_OK)
		rc = dose_clear(db, d->date, d->med_id, false, err);   /* a skip of the whole day */
	if (rc == WN_OK)
		rc = dose_insert(db, &x, id_out, err);
	return wn_db_tx_leave(db, own, rc, err);
}

int wn_db_dose_delete(struct wn_db *db, long id, struct wn_err *err)
{
	static const char sql[] = "DELETE FROM dose WHERE id = ?1";
	sqlite3_stmt *st;
	int rc = wn_db_stmt(db, sql, &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	rc = wn_db_finish(db, st, sqlite3_step(st), "delete the dose", err);
	if (rc == WN_OK && sqlite3_changes(db->sql) == 0)
		rc = wn_err_set(err, WN_NOINPUT, "no dose with id %ld", id);
	return rc;
}

static int check_entry(const char *what, wn_date date, const char *text,
                       struct wn_err *err)
{
	int rc = wn_db_check_date(date, err);
	if (rc == WN_OK && (!text || !*text))
		rc = wn_err_set(err, WN_DATAERR, "%s is empty", what);
	if (rc == WN_OK)
		rc = wn_db_check_text(what, text, WN_NOTE_MAX, true, err);
	return rc;
}

int wn_db_quicknote_add(struct wn_db *db, wn_date date, int minute,
                        const char *text, struct wn_err *err)
{
	static const char sql[] =
		"INSERT INTO quicknote(date, minute, text) VALUES (?1, ?2, ?3)";
	sqlite3_stmt *st;
	int rc = check_entry("quick note", date, text, err);
	if (rc == WN_OK)
		rc = wn_db_check_minute(minute, err);
	if (rc == WN_OK)
		rc = wn_db_stmt(db, sql, &st, err);
	if (rc != WN_OK)
		return rc;
	wn_db_bind_date(st, 1, date);
	wn_db_bind_minute(st, 2, minute);
	sqlite3_bind_text(st, 3, text, -1, SQLITE_STATIC);
	return wn_db_finish(db, st, sqlite3_step(st), "save the quick note", err);
}

/* ---- ranges ---------------------------------------------------------- */

/* A day summary comes from four range scans, each in date order without
 * sorting (an index or primary key on date leads each one), merged here:
 * the cost follows the records in the range, whatever the size of the
 * diary, and no day is looked up one by one.  ?1, ?2 = first, last day. */
enum { E_CHECKIN, E_RATING, E_DOSE, E_OTHER, E_N };

static const char *const each_sql[E_N] = {
	[E_CHECKIN] = "SELECT date, mood, anxiety, energy, sleep, flag, note"
		" FROM checkin WHERE date BETWEEN ?1 AND ?2 ORDER BY date",
	[E_RATING] = "SELECT date, sum(value), count(*) FROM rating"
		" WHERE date BETWEEN ?1 AND ?2 GROUP BY date ORDER BY date",
	[E_DOSE] = "SELECT date, count(*) FROM dose"
		" WHERE date BETWEEN ?1 AND ?2 GROUP BY date ORDER BY date",
	[E_OTHER] = "SELECT date FROM metric_value WHERE date BETWEEN ?1 AND ?2"
		" UNION SELECT date FROM quicknote WHERE date BETWEEN ?1 AND ?2"
		" UNION SELECT date FROM question WHERE date BETWEEN ?1 AND ?2 ORDER BY 1",
};

struct each {
	sqlite3_stmt *st[E_N];
	const char *at[E_N];     /* date of the current row, NULL at the end */
};

static int col_level(sqlite3_stmt *st, int col)
{
	return sqlite3_column_type(st, col) == SQLITE_NULL ? WN_UNSET :
	       sqlite3_column_int(st, col);
}

/* Steps scan i to its next row; SQLITE_OK or the error. */
static int each_step(struct each *e, int i)
{
	int rc = sqlite3_step(e->st[i]);
	e->at[i] = NULL;
	if (rc == SQLITE_ROW)
		e->at[i] = (const char *)sqlite3_column_text(e->st[i], 0);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* The earliest current date of all scans; NULL when all are done. */
static const char *each_next_date(const struct each *e)
{
	const char *min = NULL;
	for (int i = 0; i < E_N; i++)
		if (e->at[i] && (!min || strcmp(e->at[i], min) < 0))
			min = e->at[i];
	return min;
}

/* The summary of day d from the scans that are on it. */
static void each_summary(const struct each *e, const char *d,
                         struct wn_day_summary *s)
{
	bool on[E_N];
	for (int i = 0; i < E_N; i++)
		on[i] = e->at[i] && strcmp(e->at[i], d) == 0;
	sqlite3_stmt *c = e->st[E_CHECKIN];
	*s = (struct wn_day_summary){ .has_checkin = on[E_CHECKIN], .mood = WN_UNSET,
	                              .anxiety = WN_UNSET, .energy = WN_UNSET,
	                              .sleep = NAN };
	s->date = wn_db_col_date(e->st[on[E_CHECKIN] ? E_CHECKIN : on[E_RATING] ?
	                              E_RATING : on[E_DOSE] ? E_DOSE : E_OTHER], 0);
	if (on[E_CHECKIN]) {
		s->mood = col_level(c, 1);
		s->anxiety = col_level(c, 2);
		s->energy = col_level(c, 3);
		s->sleep = sqlite3_column_type(c, 4) == SQLITE_NULL ? NAN :
		           sqlite3_column_double(c, 4);
		s->flag = sqlite3_column_int(c, 5) != 0;
		s->note = (const char *)sqlite3_column_text(c, 6);
	}
	if (on[E_RATING]) {
		s->burden = sqlite3_column_int(e->st[E_RATING], 1);
		s->n_ratings = sqlite3_column_int(e->st[E_RATING], 2);
	}
	if (on[E_DOSE])
		s->n_doses = sqlite3_column_int(e->st[E_DOSE], 1);
	s->n_other = on[E_OTHER];
}

/* Calls fn for each day of the scans, in order, then moves them on. */
static int each_walk(struct each *e, int (*fn)(void *ctx, const struct wn_day_summary *s),
                     void *ctx)
{
	int rc = SQLITE_OK;
	for (int i = 0; i < E_N && rc == SQLITE_OK; i++)
		rc = each_step(e, i);
	const char *d;
	while (rc == SQLITE_OK && (d = each_next_date(e)) != NULL) {
		char day[WN_DATE_STRLEN];
		snprintf(day, sizeof day, "%s", d);   /* d goes with its row */
		struct wn_day_summary s;
		each_summary(e, day, &s);
		if (fn(ctx, &s) != 0)
			break;
		for (int i = 0; i < E_N && rc == SQLITE_OK; i++)
			if (e->at[i] && strcmp(e->at[i], day) == 0)
				rc = each_step(e, i);
	}
	return rc;
}

int wn_db_each_day(struct wn_db *db, wn_date from, wn_date to,
                   int (*fn)(void *ctx, const struct wn_day_summary *s),
                   void *ctx, struct wn_err *err)
{
	/* Any range is fine: it is cut to the days holding records. */
	wn_date first, last;
	int rc = wn_db_date_span(db, &first, &last, err);
	if (rc != WN_OK || first == WN_DATE_NONE)
		return rc;
	from = from < first ? first : from;
	to = to > last ? last : to;
	if (from > to)
		return WN_OK;
	/* Not cached: fn may call back into the diary while this runs. */
	struct each e = { .st = { NULL } };
	for (int i = 0; i < E_N && rc == WN_OK; i++) {
		rc = wn_db_prepare(db, each_sql[i], &e.st[i], err);
		if (rc == WN_OK) {
			wn_db_bind_date(e.st[i], 1, from);
			wn_db_bind_date(e.st[i], 2, to);
		}
	}
	if (rc == WN_OK) {
		int s = each_walk(&e, fn, ctx);
		if (s != SQLITE_OK)
			rc = wn_db_sqlerr(db, s, "read the days", err);
	}
	for (int i = 0; i < E_N; i++)
		sqlite3_finalize(e.st[i]);
	return rc;
}

struct summaries {
	struct wn_day_summary *out;
	wn_date from;
};

static int keep_summary(void *ctx, const struct wn_day_summary *s)
{
	struct summaries *w = ctx;
	w->out[s->date - w->from] = *s;
	w->out[s->date - w->from].note = NULL;
	return 0;
}

int wn_db_day_summaries(struct wn_db *db, wn_date from, wn_date to,
                        struct wn_day_summary *out, struct wn_err *err)
{
	if (to < from || to - from >= 36600)
		return wn_err_set(err, WN_USAGE, "a range of 1 to 36600 days, please");
	for (wn_date d = from; d <= to; d++)
		out[d - from] = (struct wn_day_summary){ .date = d, .mood = WN_UNSET,
		                                         .anxiety = WN_UNSET,
		                                         .energy = WN_UNSET, .sleep = NAN };
	struct summaries w = { out, from };
	return wn_db_each_day(db, from, to, keep_summary, &w, err);
}

int wn_db_date_span(struct wn_db *db, wn_date *first, wn_date *last,
                    struct wn_err *err)
{
	/* Separate min() and max() subqueries so that each is one index probe. */
#define SPAN(t) "SELECT (SELECT min(date) FROM " t ") AS a," \
	" (SELECT max(date) FROM " t ") AS b"
	static const char sql[] = "SELECT min(a), max(b) FROM (" SPAN("checkin")
		" UNION ALL " SPAN("rating") " UNION ALL " SPAN("dose")
		" UNION ALL " SPAN("metric_value") " UNION ALL " SPAN("quicknote")
		" UNION ALL " SPAN("question") ")";
#undef SPAN
	sqlite3_stmt *st;
	*first = *last = WN_DATE_NONE;
	int rc = wn_db_stmt(db, sql, &st, err);
	if (rc != WN_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*first = wn_db_col_date(st, 0);
		*last = wn_db_col_date(st, 1);
	}
	return wn_db_finish(db, st, rc, "read the date range", err);
}
