/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check.c -- `wean check` (wn_db_check, db/db.h): SQLite's integrity
 * check and FTS5's of the journal's search index, one rule for each thing wean refuses to write (the importers
 * among them: import.h), and the diary's schema compared with the one
 * this version makes (schema.c builds it in a database in memory).
 * Each problem is one line for the caller; nothing is changed. */
#include "db_int.h"
#include "schema_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/med.h"
#include "core/plan.h"
#include "core/report_facts.h"
#include "core/valid.h"
#include "db/db.h"
#include "db/med.h"
#include "db/plan.h"
#include "db/plancache.h"

#define STR_(x) #x
#define STR(x) STR_(x)
#define SPAN_DAYS STR(WN_VALID_SPAN_DAYS)

/* Each query yields one problem per row, as text; ?1 is today, ?2 the
 * earliest day core/valid.h allows.  One rule per thing the importers
 * and the other writers refuse. */
static const char *const check_rules[] = {
	"SELECT printf('symptom \"%s\" was hidden on %s but has %d rating(s) after that',"
	" s.name, s.hidden_on, count(*))"
	" FROM symptom s JOIN rating r ON r.symptom_id = s.id"
	" WHERE s.hidden = 1 AND r.date > s.hidden_on GROUP BY s.id ORDER BY s.name",

	"SELECT printf('medication \"%s\" was archived on %s but has %d dose(s) after that',"
	" m.name, m.archived_on, count(*))"
	" FROM medication m JOIN dose d ON d.med_id = m.id"
	" WHERE m.archived = 1 AND d.date > m.archived_on GROUP BY m.id ORDER BY m.name",

	"SELECT printf('plan %d has %d open holds (at most one may be open)',"
	" plan_id, count(*)) FROM hold WHERE end_date IS NULL"
	" GROUP BY plan_id HAVING count(*) > 1 ORDER BY plan_id",

	"SELECT printf('medication \"%s\" has %d active plans (one at most)', m.name, count(*))"
	" FROM plan p JOIN medication m ON m.id = p.med_id WHERE p.active = 1"
	" GROUP BY p.med_id HAVING count(*) > 1 ORDER BY m.name",

	"SELECT printf('%d %s dated after today (%s), the latest on %s', n, what, ?1, last)"
	" FROM (SELECT 'check-in(s)' AS what, count(*) AS n, max(date) AS last"
	"        FROM checkin WHERE date > ?1"
	"  UNION ALL SELECT 'symptom rating(s)', count(*), max(date) FROM rating WHERE date > ?1"
	"  UNION ALL SELECT 'dose(s)', count(*), max(date) FROM dose WHERE date > ?1"
	"  UNION ALL SELECT 'metric value(s)', count(*), max(date) FROM metric_value WHERE date > ?1"
	"  UNION ALL SELECT 'quick note(s)', count(*), max(date) FROM quicknote WHERE date > ?1"
	"  UNION ALL SELECT 'question(s)', count(*), max(date) FROM question WHERE date > ?1"
	"  UNION ALL SELECT 'hold proposal(s)', count(*), max(date) FROM hold_proposal"
	"   WHERE date > ?1)"
	" WHERE n > 0",

	"SELECT printf('%d %s dated before %s (the exports cover the last %d days),"
	" the earliest on %s', n, what, ?2, " SPAN_DAYS ", first)"
	" FROM (SELECT 'check-in(s)' AS what, count(*) AS n, min(date) AS first"
	"        FROM checkin WHERE date < ?2"
	"  UNION ALL SELECT 'symptom rating(s)', count(*), min(date) FROM rating WHERE date < ?2"
	"  UNION ALL SELECT 'dose(s)', count(*), min(date) FROM dose WHERE date < ?2"
	"  UNION ALL SELECT 'metric value(s)', count(*), min(date) FROM metric_value WHERE date < ?2"
	"  UNION ALL SELECT 'quick note(s)', count(*), min(date) FROM quicknote WHERE date < ?2"
	"  UNION ALL SELECT 'question(s)', count(*), min(date) FROM question WHERE date < ?2"
	"  UNION ALL SELECT 'hold proposal(s)', count(*), min(date) FROM hold_proposal"
	"   WHERE date < ?2)"
	" WHERE n > 0",

	"SELECT printf('metric \"%s\" has %d value(s) outside its range (%s to %s),"
	" the first on %s', d.name, count(*), ifnull(d.min, '-'), ifnull(d.max, '-'),"
	" min(v.date)) FROM metric_value v JOIN metric_def d ON d.id = v.metric_id"
	" WHERE v.value < d.min OR v.value > d.max GROUP BY d.id ORDER BY d.name",

	"SELECT printf('the setting last_report_to is %s, not a date', quote(substr(value, 1, 40)))"
	" FROM meta WHERE key = '" WN_REPORT_META_KEY "'"
	" AND (length(value) <> 10 OR date(value, '+0 days') IS NOT value)",

	/* Doses of a deleted medication (possible only with foreign keys
	 * off, e.g. after an edit with another tool): one line per
	 * medication, not one per dose. */
	"SELECT printf('%d dose(s) of a deleted medication (#%d), from %s to %s',"
	" count(*), d.med_id, min(d.date), max(d.date))"
	" FROM dose d LEFT JOIN medication m ON m.id = d.med_id"
	" WHERE m.id IS NULL GROUP BY d.med_id ORDER BY d.med_id",

	/* An import's queue of changes to the search index is written and
	 * emptied in its own transaction (schema.c): rows here were never
	 * written, and while its mark stays the index stops following. */
	"SELECT printf('the search index has %d change(s) queued that were never written"
	" to it', count(*)) FROM journal_fts_queue HAVING count(*) > 0",

	/* The charts' summary's queue (schema_v7.c) is emptied by its own
	 * trigger as each row comes: a row left here was never added. */
	"SELECT printf('the charts'' summary has %d change(s) queued that were never"
	" added to it', count(*)) FROM chart_sum_delta HAVING count(*) > 0",

	/* The days' sums (schema_v9.c) against the ratings, both ways: a
	 * day whose sum or count differs or is missing, a row of no day. */
	"SELECT printf('the days'' sums (day_sum) differ from the ratings on %d day(s),"
	" the first on %s: the hold rules would judge those days by wrong levels',"
	" count(*), min(date)) FROM"
	" (SELECT r.date FROM (SELECT date, sum(value) AS s, count(*) AS c FROM rating"
	"   GROUP BY date) r LEFT JOIN day_sum d ON d.date = r.date"
	"  WHERE d.sum IS NOT r.s OR d.n IS NOT r.c"
	"  UNION ALL SELECT date FROM day_sum d"
	"  WHERE NOT EXISTS (SELECT 1 FROM rating WHERE date = d.date))"
	" HAVING count(*) > 0",

	"SELECT printf('%s row %d refers to a missing %s row',"
	" \"table\", rowid, parent)"
	" FROM pragma_foreign_key_check WHERE \"table\" <> 'dose'",
};

/* One problem found: reported and counted. */
struct found {
	void (*report)(void *, const char *);
	void *ctx;
	long n;
	bool schema;             /* the schema differs: a rule may not run */
};

static void found_line(struct found *f, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void found_line(struct found *f, const char *fmt, ...)
{
	char buf[WN_ERR_MSG];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (f->report)
		f->report(f->ctx, buf);
	f->n++;
}

/* Runs q and reports each row's first column, prefixed.  With the schema
 * found different, a rule that cannot be prepared (a table or column
 * gone) is passed over: the schema's lines say what is wrong. */
static int report_rows(struct wn_db *db, const char *q, const char *prefix,
                       struct found *f, struct wn_err *err)
{
	sqlite3_stmt *st;
	int rc = wn_db_prepare(db, q, &st, err);
	if (rc != WN_OK && f->schema) {
		wn_err_clear(err);
		return WN_OK;
	}
	if (rc != WN_OK)
		return rc;
	wn_date today = wn_date_today();
	if (sqlite3_bind_parameter_count(st) >= 1)
		wn_db_bind_date(st, 1, today);
	if (sqlite3_bind_parameter_count(st) >= 2)
		wn_db_bind_date(st, 2, wn_valid_earliest(today));
	while (wn_db_row(db, st, "check the diary", &rc, err)) {
		const char *line = (const char *)sqlite3_column_text(st, 0);
		if (prefix && line && strcmp(line, "ok") == 0)
			continue;
		found_line(f, "%s%s", prefix ? prefix : "", line ? line : "(no details)");
	}
	sqlite3_finalize(st);
	return rc;
}

/* ---- the schema itself ---- */

#define SCHEMA_SQL_MAX 4096       /* the longest CREATE of the schema is ~1 KB */

/* What the schema of this version is: every migration's SQL run in a
 * database in memory. */
static int reference_schema(sqlite3 **out)
{
	int rc = sqlite3_open_v2(":memory:", out, SQLITE_OPEN_READWRITE, NULL);
	return rc == SQLITE_OK ? wn_db_schema_create(*out) : rc;
}

/* s with every run of white space one space, none at either end. */
static void normalise(const char *s, char *out, size_t n)
{
	size_t k = 0;
	bool space = false;
	for (; s && *s && k + 2 < n; s++) {
		bool ws = *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r';
		if (!ws && space && k > 0)
			out[k++] = ' ';
		if (!ws)
			out[k++] = *s;
		space = ws;
	}
	out[k] = '\0';
}

/* The normalised "type sql" of the object called name in sql, or "" when
 * there is none. */
static int object_of(sqlite3 *sql, const char *name, char *out, size_t n)
{
	sqlite3_stmt *st;
	char raw[SCHEMA_SQL_MAX];
	int rc = sqlite3_prepare_v2(sql, "SELECT type || ' ' || ifnull(sql, '')"
	                            " FROM sqlite_schema WHERE name = ?1", -1, &st, NULL);
	out[0] = '\0';
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		snprintf(raw, sizeof raw, "%s", (const char *)sqlite3_column_text(st, 0));
		normalise(raw, out, n);
	}
	rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
	sqlite3_finalize(st);
	return rc;
}

/* Each object of `from` looked up in `other`: the diary's objects in the
 * reference (not wean's, or changed), or the reference's in the diary
 * (missing). */
static int compare_objects(sqlite3 *from, sqlite3 *other, bool from_diary, struct found *f)
{
	sqlite3_stmt *st;
	char mine[SCHEMA_SQL_MAX], theirs[SCHEMA_SQL_MAX];
	int rc = sqlite3_prepare_v2(from, "SELECT type, name FROM sqlite_schema"
	                            " WHERE name NOT LIKE 'sqlite_%' ORDER BY name", -1, &st, NULL);
	while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *type = (const char *)sqlite3_column_text(st, 0),
		           *name = (const char *)sqlite3_column_text(st, 1);
		if ((rc = object_of(from, name, mine, sizeof mine)) != SQLITE_OK ||
		    (rc = object_of(other, name, theirs, sizeof theirs)) != SQLITE_OK)
			break;
		if (!theirs[0])
			found_line(f, from_diary ? "schema: the %s \"%s\" is not part of wean's"
			           " schema" : "schema: the %s \"%s\" is missing", type, name);
		else if (from_diary && strcmp(mine, theirs) != 0)
			found_line(f, "schema: the %s \"%s\" differs from wean's (columns,"
			           " constraints or what it indexes were changed)", type, name);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* The diary's tables and indexes against the ones this version makes
 * (f->schema set when they differ). */
static int check_schema(struct wn_db *db, struct found *f, struct wn_err *err)
{
	sqlite3 *ref = NULL;
	long before = f->n;
	int rc = reference_schema(&ref);
	if (rc != SQLITE_OK) {
		rc = wn_err_set(err, WN_ERR, "cannot build wean's schema to compare: %s",
		                ref ? sqlite3_errmsg(ref) : sqlite3_errstr(rc));
		sqlite3_close(ref);
		return rc;
	}
	rc = compare_objects(ref, db->sql, false, f);
	if (rc == SQLITE_OK)
		rc = compare_objects(db->sql, ref, true, f);
	sqlite3_close(ref);
	f->schema = f->n > before;
	return rc == SQLITE_OK ? WN_OK : wn_db_sqlerr(db, rc, "check the diary's schema", err);
}

/* ---- the journal's search index ---- */

/* FTS5's own check of journal_fts: its structure, and every row of the
 * texts it indexes (journal_text) against the index.  A mismatch is one
 * problem; any other fault is the mapper's. */
static int check_index(struct wn_db *db, struct found *f, struct wn_err *err)
{
	if (f->schema)               /* said already: the schema differs */
		return WN_OK;
	/* rank 1: an external content table is compared with its content */
	int rc = sqlite3_exec(db->sql, "INSERT INTO journal_fts(journal_fts, rank)"
	                      " VALUES ('integrity-check', 1)", NULL, NULL, NULL);
	if ((rc & 0xff) == SQLITE_CORRUPT) {
		found_line(f, "integrity: the search index of the notes, quick notes and"
		           " questions does not match them (the Journal's search may miss"
		           " or show wrong days)");
		return WN_OK;
	}
	return rc == SQLITE_OK ? WN_OK : wn_db_sqlerr(db, rc, "check the search index", err);
}

/* ---- medications and their plans ---- */

static bool unit_known(const char *unit)
{
	for (size_t i = 0; i < wn_med_n_units; i++)
		if (strcmp(unit, wn_med_units[i]) == 0)
			return true;
	return false;
}

/* A medication's unit is one wean knows, and its active plan builds as
 * `plan show`, the report and the calendar build it. */
static int check_med(struct wn_db *db, const struct wn_med *m, struct found *f,
                     struct wn_err *err)
{
	struct wn_plan_built b;
	struct wn_err why = { 0 };
	if (!unit_known(m->unit))
		found_line(f, "medication \"%s\" has the unit \"%s\", which wean does not know",
		           m->name, m->unit);
	int rc = wn_db_plan_built(db, m, &b, &why);
	wn_plan_built_free(&b);
	if (rc == WN_USAGE || rc == WN_DATAERR)
		found_line(f, "the active plan of \"%s\" cannot be shown: %s", m->name, why.msg);
	else if (rc != WN_OK && rc != WN_NOINPUT) {
		if (err)
			*err = why;
		return rc;
	}
	bool stale = false;
	if (rc == WN_OK && (rc = wn_db_plan_cache_check(db, m, &stale, err)) != WN_OK)
		return rc;
	if (stale)
		found_line(f, "the plan of \"%s\" kept for Today differed from the plan computed"
		           " now; it was removed and is computed again", m->name);
	return WN_OK;
}

static int check_meds(struct wn_db *db, struct found *f, struct wn_err *err)
{
	struct wn_med *meds = NULL;
	size_t n = 0;
	int rc = wn_db_med_list(db, &meds, &n, err);
	for (size_t i = 0; rc == WN_OK && i < n; i++)
		rc = check_med(db, &meds[i], f, err);
	free(meds);
	if (rc != WN_OK && f->schema) {       /* said already: the schema differs */
		wn_err_clear(err);
		return WN_OK;
	}
	return rc;
}

int wn_db_check(struct wn_db *db, void (*report)(void *ctx, const char *line),
                void *ctx, struct wn_err *err)
{
	struct found f = { .report = report, .ctx = ctx };
	int rc = report_rows(db, "PRAGMA integrity_check", "integrity: ", &f, err);
	if (rc == WN_OK && f.n > 0)           /* the rules would read damaged pages */
		return wn_db_sqlerr(db, SQLITE_CORRUPT, "check the diary", err);
	if (rc == WN_OK)
		rc = check_schema(db, &f, err);
	if (rc == WN_OK)
		rc = check_index(db, &f, err);
	size_t n = sizeof check_rules / sizeof *check_rules;
	for (size_t i = 0; i < n && rc == WN_OK; i++)
		rc = report_rows(db, check_rules[i], NULL, &f, err);
	if (rc == WN_OK && !f.schema) {       /* the charts' summary (schema_v7.c) */
		char line[WN_ERR_MSG];
		rc = wn_db_chart_sum_verify(db, line, sizeof line, err);
		if (rc == WN_OK && line[0])
			found_line(&f, "%s", line);
	}
	if (rc == WN_OK)
		rc = check_meds(db, &f, err);
	if (rc != WN_OK)
		return rc;
	wn_db_files_check(db, report, ctx, &f.n);
	if (f.n > 0)
		return wn_err_set(err, WN_DATAERR, "%ld problem%s found in %s",
		                  f.n, f.n == 1 ? "" : "s", db->path);
	return WN_OK;
}
