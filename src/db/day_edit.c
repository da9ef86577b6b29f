/* SPDX-License-Identifier: GPL-3.0-or-later */
/* day_edit.c -- correcting a day: a quick note changed or deleted, a
 * whole day's record deleted (db/day.h). */
#include <stdio.h>

#include "db_int.h"
#include "db/day.h"
#include "core/records.h"

/* ---- quick notes ------------------------------------------------------------- */

static int read_qnote(sqlite3_stmt *st, void *item)
{
	struct wn_quicknote *q = item;
	q->id = (long)sqlite3_column_int64(st, 0);
	q->date = wn_db_col_date(st, 1);
	q->minute = wn_db_col_minute(st, 2);
	return wn_db_col_dup(st, 3, &q->text);
}

int wn_db_quicknote_get(struct wn_db *db, long id, struct wn_quicknote *out,
                        struct wn_err *err)
{
	static const char sql[] = "SELECT id, date, minute, text FROM quicknote WHERE id = ?1";
	static const struct wn_db_rows r = { sizeof *out, read_qnote, "read the quick note" };
	sqlite3_stmt *st;
	out->text = NULL;
	int rc = wn_db_stmt(db, sql, &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	rc = wn_db_fetch_one(db, st, &r, out, err);
	if (rc == WN_NOINPUT)
		wn_err_set(err, WN_NOINPUT, "no quick note #%ld", id);
	return rc;
}

int wn_db_quicknote_at(struct wn_db *db, wn_date date, int minute, long *id,
                       struct wn_err *err)
{
	static const char sql[] = "SELECT id FROM quicknote WHERE date = ?1"
		" AND ifnull(minute, -1) = ?2 ORDER BY id";
	sqlite3_stmt *st;
	char d[WN_DATE_STRLEN], ids[64] = "";
	size_t n = 0, len = 0;
	int rc = wn_db_check_date(date, err);
	if (rc == WN_OK)
		rc = wn_db_stmt(db, sql, &st, err);
	if (rc != WN_OK)
		return rc;
	wn_db_bind_date(st, 1, date);
	sqlite3_bind_int(st, 2, minute < 0 ? -1 : minute);
	while (wn_db_row(db, st, "find the quick note", &rc, err)) {
		*id = (long)sqlite3_column_int64(st, 0);
		if (len < sizeof ids - 24)
			len += (size_t)snprintf(ids + len, sizeof ids - len, "%s#%ld",
			                        n ? ", " : "", *id);
		n++;
	}
	sqlite3_reset(st);
	wn_date_format(date, d);
	if (rc == WN_OK && n == 0)
		rc = wn_err_set(err, WN_NOINPUT, "no quick note at %02d:%02d on %s",
		                minute / 60, minute % 60, d);
	else if (rc == WN_OK && n > 1)
		rc = wn_err_set(err, WN_DATAERR, "%zu quick notes at %02d:%02d on %s (%s);"
		                " name one by its number", n, minute / 60, minute % 60, d, ids);
	return rc;
}

/* Runs st (date or id bound by the caller) once; the rows it changed
 * into *changed (may be NULL). */
static int run_counted(struct wn_db *db, sqlite3_stmt *st, const char *what,
                       int *changed, struct wn_err *err)
{
	int rc = sqlite3_step(st);
	if (changed)
		*changed = rc == SQLITE_DONE ? sqlite3_changes(db->sql) : 0;
	return wn_db_finish(db, st, rc, what, err);
}

int wn_db_quicknote_edit(struct wn_db *db, long id, const char *text,
                         struct wn_err *err)
{
	static const char sql[] = "UPDATE quicknote SET text = ?2 WHERE id = ?1";
	sqlite3_stmt *st;
	int changed = 0;
	int rc = !text || !*text ? wn_err_set(err, WN_DATAERR, "quick note is empty") :
	         wn_db_check_text("quick note", text, WN_NOTE_MAX, true, err);
	if (rc == WN_OK)
		rc = wn_db_stmt(db, sql, &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, text, -1, SQLITE_STATIC);
	rc = run_counted(db, st, "change the quick note", &changed, err);
	if (rc == WN_OK && changed == 0)
		rc = wn_err_set(err, WN_NOINPUT, "no quick note #%ld", id);
	return rc;
}

int wn_db_quicknote_delete(struct wn_db *db, long id, struct wn_err *err)
{
	static const char sql[] = "DELETE FROM quicknote WHERE id = ?1";
	sqlite3_stmt *st;
	int changed = 0;
	int rc = wn_db_stmt(db, sql, &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	rc = run_counted(db, st, "delete the quick note", &changed, err);
	if (rc == WN_OK && changed == 0)
		rc = wn_err_set(err, WN_NOINPUT, "no quick note #%ld", id);
	return rc;
}

/* ---- a whole day ------------------------------------------------------------- */

/* One statement per part of a day's record, each with the date as ?1;
 * the last looks again at the first day of each symptom whose first
 * rating was on that day. */
enum { D_CHECKIN, D_RATINGS, D_METRICS, D_DOSES, D_QNOTES, D_SEEN, D_N };

static const char *const day_sql[D_N] = {
	[D_CHECKIN] = "DELETE FROM checkin WHERE date = ?1",
	[D_RATINGS] = "DELETE FROM rating WHERE date = ?1",
	[D_METRICS] = "DELETE FROM metric_value WHERE date = ?1",
	[D_DOSES] = "DELETE FROM dose WHERE date = ?1",
	[D_QNOTES] = "DELETE FROM quicknote WHERE date = ?1",
	[D_SEEN] = ("UPDATE symptom SET first_seen = (SELECT min(r.date) FROM rating r"
		" WHERE r.symptom_id = symptom.id AND r.value > 0) WHERE first_seen = ?1"),
};

int wn_db_day_delete(struct wn_db *db, wn_date date, struct wn_day_deleted *out,
                     struct wn_err *err)
{
	struct wn_day_deleted none;
	int *count[D_N] = { 0 };
	bool own;
	if (!out)
		out = &none;
	*out = (struct wn_day_deleted){ 0 };
	count[D_CHECKIN] = &out->checkins;
	count[D_RATINGS] = &out->ratings;
	count[D_METRICS] = &out->metrics;
	count[D_DOSES] = &out->doses;
	count[D_QNOTES] = &out->qnotes;
	int rc = wn_db_check_date(date, err);
	if (rc != WN_OK || (rc = wn_db_tx_enter(db, &own, err)) != WN_OK)
		return rc;
	for (int i = 0; i < D_N && rc == WN_OK; i++) {
		sqlite3_stmt *st;
		if ((rc = wn_db_stmt(db, day_sql[i], &st, err)) != WN_OK)
			break;
		wn_db_bind_date(st, 1, date);
		rc = run_counted(db, st, "delete the day", count[i], err);
	}
	return wn_db_tx_leave(db, own, rc, err);
}
