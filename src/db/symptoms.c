/* SPDX-License-Identifier: GPL-3.0-or-later */
/* symptoms.c (db) -- the diary's symptom list; see db/symptoms.h.  Names
 * match as core's wn_text_same_name says (case folded in every script),
 * compared in C over the list (some tens of symptoms): SQLite's NOCASE
 * folds ASCII only. */
#include <stdbool.h>
#include <string.h>

#include "db_int.h"
#include "db/symptoms.h"
#include "core/date.h"
#include "core/records.h"
#include "core/text.h"

/* ---- symptoms -------------------------------------------------------- */

#define SYMPTOM_COLS "SELECT id, name, grp, source, hidden, first_seen," \
	" preexisting, sort FROM symptom"

static int read_symptom(sqlite3_stmt *st, void *item)
{
	struct wn_symptom *s = item;
	s->id = (long)sqlite3_column_int64(st, 0);
	wn_db_col_copy(st, 1, s->name, sizeof s->name);
	wn_db_col_copy(st, 2, s->group, sizeof s->group);
	s->source = sqlite3_column_int(st, 3);
	s->hidden = sqlite3_column_int(st, 4) != 0;
	s->first_seen = wn_db_col_date(st, 5);
	s->preexisting = sqlite3_column_int(st, 6) != 0;
	s->sort = sqlite3_column_int(st, 7);
	return 0;
}

int wn_db_symptom_list(struct wn_db *db, bool include_hidden,
                       struct wn_symptom **out, size_t *n, struct wn_err *err)
{
	static const char sql[] = SYMPTOM_COLS
		" WHERE ?1 OR hidden = 0 ORDER BY sort, name";
	static const struct wn_db_rows r = { sizeof(struct wn_symptom), read_symptom,
	                                     "list the symptoms" };
	sqlite3_stmt *st;
	void *arr = NULL;
	*out = NULL;
	*n = 0;
	int rc = wn_db_stmt(db, sql, &st, err);
	if (rc == WN_OK) {
		sqlite3_bind_int(st, 1, include_hidden);
		rc = wn_db_collect(db, st, &r, &arr, n, err);
	}
	*out = arr;
	return rc;
}

/* The symptom called name: WN_NOINPUT (message unset) when none. */
static int symptom_named(struct wn_db *db, const char *name,
                         struct wn_symptom *out, struct wn_err *err)
{
	static const char sql[] = SYMPTOM_COLS " ORDER BY id";
	const struct wn_db_match m = {
		.sql = sql, .name = name,
		.rows = { sizeof *out, read_symptom, "find the symptom" },
	};
	return wn_db_find_name(db, &m, out, err);
}

int wn_db_symptom_find(struct wn_db *db, const char *name,
                       struct wn_symptom *out, struct wn_err *err)
{
	int rc = symptom_named(db, name ? name : "", out, err);
	if (rc == WN_NOINPUT)
		wn_err_set(err, WN_NOINPUT, "no symptom named \"%.64s\"",
		           name ? name : "");
	return rc;
}

static int check_symptom(struct wn_db *db, const struct wn_symptom *s,
                         struct wn_err *err)
{
	struct wn_symptom have;
	int rc = wn_db_check_name("symptom name", s->name, sizeof s->name,
	                          WN_NAME_MAX, err);
	if (rc == WN_OK && s->group[0])
		rc = wn_db_check_name("symptom group", s->group, sizeof s->group,
		                      sizeof s->group - 1, err);
	if (rc == WN_OK && (s->source < 0 || s->source > 2))
		rc = wn_err_set(err, WN_DATAERR, "unknown symptom source %d", s->source);
	if (rc == WN_OK && (rc = symptom_named(db, s->name, &have, err)) == WN_OK)
		return wn_err_set(err, WN_DATAERR, "a symptom named \"%s\" already exists",
		                  s->name);
	return rc == WN_NOINPUT ? WN_OK : rc;
}

int wn_db_symptom_add(struct wn_db *db, const struct wn_symptom *s,
                      long *id_out, struct wn_err *err)
{
	/* first_seen is not taken from s: ratings set it (wn_db_rating_set). */
	static const char sql[] = "INSERT INTO symptom(name, grp, source, hidden,"
		" hidden_on, preexisting, sort) VALUES (?1, ?2, ?3, ?4,"
		" CASE WHEN ?4 THEN ?5 END, ?6, CASE WHEN ?7 > 0 THEN ?7"
		" ELSE (SELECT ifnull(max(sort), -1) + 1 FROM symptom) END)";
	sqlite3_stmt *st;
	int rc = check_symptom(db, s, err);
	if (rc == WN_OK)
		rc = wn_db_stmt(db, sql, &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_text(st, 1, s->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, s->group[0] ? s->group : "other", -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, s->source);
	sqlite3_bind_int(st, 4, s->hidden);
	wn_db_bind_date(st, 5, wn_date_today());
	sqlite3_bind_int(st, 6, s->preexisting);
	sqlite3_bind_int(st, 7, s->sort);
	rc = sqlite3_step(st);
	if (rc == SQLITE_CONSTRAINT_UNIQUE) {
		sqlite3_reset(st);
		return wn_err_set(err, WN_DATAERR, "a symptom named \"%s\" already exists",
		                  s->name);
	}
	if (rc == SQLITE_DONE && id_out)
		*id_out = (long)sqlite3_last_insert_rowid(db->sql);
	return wn_db_finish(db, st, rc, "add the symptom", err);
}

/* Runs a one-row UPDATE on symptom ?1; WN_NOINPUT if there is no such id. */
static int symptom_update(struct wn_db *db, const char *sql, long id, int flag,
                          struct wn_err *err)
{
	sqlite3_stmt *st;
	int rc = wn_db_stmt(db, sql, &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, flag);
	if (sqlite3_bind_parameter_count(st) >= 3)
		wn_db_bind_date(st, 3, wn_date_today());
	rc = wn_db_finish(db, st, sqlite3_step(st), "change the symptom", err);
	if (rc == WN_OK && sqlite3_changes(db->sql) == 0)
		rc = wn_err_set(err, WN_NOINPUT, "no symptom with id %ld", id);
	return rc;
}

int wn_db_symptom_set_hidden(struct wn_db *db, long id, bool hidden,
                             struct wn_err *err)
{
	static const char sql[] = "UPDATE symptom SET hidden = ?2,"
		" hidden_on = CASE WHEN ?2 = 0 THEN NULL WHEN hidden = 1 THEN hidden_on"
		" ELSE ?3 END WHERE id = ?1";
	return symptom_update(db, sql, id, hidden, err);
}

int wn_db_symptom_set_preexisting(struct wn_db *db, long id, bool pre,
                                  struct wn_err *err)
{
	static const char sql[] = "UPDATE symptom SET preexisting = ?2 WHERE id = ?1";
	return symptom_update(db, sql, id, pre, err);
}
