/* SPDX-License-Identifier: GPL-3.0-or-later */
/* storage_schema.c -- what a diary file is: identifying a file before
 * touching it, the schema and its forward-only migrations, the online
 * backup copy; the consistency check is check.c.
 *
 * Schema v1 (all tables STRICT; dates 'YYYY-MM-DD' text checked to be
 * real dates; times "YYYY-MM-DD HH:MM:SS" UTC):
 *   meta(key, value)
 *   medication(id, name NOCASE unique, unit, drug_key, created, archived,
 *              archived_on)
 *   med_form(id, med_id -> medication cascade, kind = enum wn_form_kind,
 *            strength, divisible 1|2|4, conc, beads, label)
 *   plan(id, med_id -> medication cascade, method percent|occupancy|
 *        linear|custom, start_date, from_dose, step, every_days, round_q,
 *        floor_dose, to_dose, region, created, active, note)
 *   plan_step_custom(plan_id -> plan cascade, date, dose)
 *   hold(id, plan_id -> plan cascade, start_date, end_date NULL = open,
 *        reason, kind hold|reinstate, dose)
 *   checkin(date PK, mood, anxiety, energy 0..10, sleep 0..24, note, flag,
 *           created, updated)
 *   metric_def(id, name NOCASE unique, min, max, higher_better)
 *   metric_value(date, metric_id -> metric_def, value)
 *   symptom(id, name NOCASE unique, grp, source = enum wn_symptom_source,
 *           hidden, hidden_on, first_seen, preexisting, sort)
 *   rating(date, symptom_id -> symptom, value 0..3)
 *   dose(id, date, minute NULL|0..1439, med_id -> medication, amount,
 *        created); one row per (date, med_id, minute); from v4 an amount
 *        of 0 is a dose recorded as not taken (skipped)
 *   quicknote(id, date, minute, text, created)
 *   question(id, date, text, answered, answer, created)
 *   draft(id = 1, date, text, saved); one per editing session from v3
 *   journal_text (a view) and journal_fts (its FTS5 index) with
 *   journal_fts_queue from v5
 *   plan.dose_times, dose_split, cut_first and plan_switch(plan_id,
 *   from_plan, equiv_table, stage_days) from v6
 *   chart_sum(kind, id, span, period, sum, n), the charts' monthly and
 *   yearly sums, kept by triggers through chart_sum_delta, from v7
 *   (schema_v7.c)
 *   plan_cache(plan_id, key, data), a plan as Today shows it, from v8
 *   (db/plancache.h)
 *   day_sum(date, sum, n), each rated day's ratings added up, kept by
 *   one trigger on chart_sum_delta, from v9 (schema_v9.c)
 *   plan_cache(plan_id, med_id, key, data) from v10, emptied by a
 *   trigger on every change to what a plan is computed from
 *   (schema_v10.c)
 * Records of what happened (ratings, doses, metric values) are never
 * deleted by a cascade: deleting their parent is refused instead.
 * hidden_on and archived_on are the dates a symptom was hidden and a
 * medication archived: ratings or doses dated after them are what
 * wn_db_check reports (history from before stays valid).  metric_def's
 * min/max (NULL = open) bound the values wn_db_metric_set accepts.
 */
#include "core/fileio.h"
#include "db_int.h"
#include "core/safety.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/symptoms.h"
#include "db/day.h"
#include "db/db.h"
#include "schema_int.h"
#include "db/cryptvfs.h"

/* ---- identification -------------------------------------------------- */

static const char sqlite_magic[16] = "SQLite format 3";   /* with its NUL */

static long be32(const unsigned char *p)
{
	return (long)(((unsigned long)p[0] << 24) | ((unsigned long)p[1] << 16) |
	              ((unsigned long)p[2] << 8) | (unsigned long)p[3]);
}

/* The verdict on what a file says about itself; *fresh for an empty one. */
static int judge(const char *path, const struct wn_ident *id, bool *fresh,
                 struct wn_err *err)
{
	*fresh = id->appid == 0 && id->nobjects == 0;
	if (*fresh)
		return WN_OK;
	if (id->appid != WN_APPLICATION_ID)
		return wn_err_set(err, WN_DATAERR, "%s is not a wean diary"
		                  " (it is another program's SQLite database)", path);
	if (id->version > WN_SCHEMA_VERSION)
		return wn_err_set(err, WN_DATAERR, "%s was written by a newer wean"
		                  " (schema %ld, this wean knows %d); refusing to touch it",
		                  path, id->version, WN_SCHEMA_VERSION);
	if (id->version < 1) {
		/* a wean diary with tables but no version: something reset it */
		wn_err_set(err, WN_DATAERR, "%s is a wean diary without a schema version"
		           " (it was changed outside wean); refusing to touch it", path);
		wn_err_hint(err, "restore your latest backup ('wean backup' copies are in "
		            "the backups folder beside the diary)");
		return WN_DATAERR;
	}
	return WN_OK;
}

static int read_header(const char *path, unsigned char *h, size_t n,
                       size_t *got, struct wn_err *err)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return wn_err_set(err, WN_NOINPUT, "cannot read %s: %s", path,
		                  strerror(errno));
	*got = 0;
	while (*got < n) {
		ssize_t r = read(fd, h + *got, n - *got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int e = errno;
			close(fd);
			return wn_err_set(err, WN_IOERR, "cannot read %s: %s", path,
			                  strerror(e));
		}
		if (r == 0)
			break;
		*got += (size_t)r;
	}
	close(fd);
	return WN_OK;
}

/* "file:" URI for path with every byte outside [A-Za-z0-9/._~-] escaped. */
static char *file_uri(const char *path, const char *query)
{
	size_t n = strlen(path);
	char *u = malloc(3 * n + strlen(query) + 16);
	if (!u)
		return NULL;
	char *p = u + sprintf(u, "file:%s", path[0] == '/' ? "//" : "");
	for (const unsigned char *s = (const unsigned char *)path; *s; s++) {
		if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || strchr("/._~-", *s))
			*p++ = (char)*s;
		else
			p += sprintf(p, "%%%02X", *s);
	}
	sprintf(p, "?%s", query);
	return u;
}

static int read_long(sqlite3 *sql, const char *q, long *out)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(sql, q, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : 0;
	rc = rc == SQLITE_ROW ? SQLITE_OK : rc == SQLITE_DONE ? SQLITE_ERROR : rc;
	sqlite3_finalize(st);
	return rc;
}

static int read_ident(sqlite3 *sql, struct wn_ident *id)
{
	int rc = read_long(sql, "PRAGMA application_id", &id->appid);
	if (rc == SQLITE_OK)
		rc = read_long(sql, "PRAGMA user_version", &id->version);
	if (rc == SQLITE_OK)
		rc = read_long(sql, "SELECT count(*) FROM sqlite_schema", &id->nobjects);
	return rc;
}

/* What the probe could not read: a file that only looks like SQLite is
 * refused as a foreign file; damage, locks and I/O faults are worded by
 * the one mapper, as they are once the diary is open. */
static int probe_error(const char *path, int rc, sqlite3 *sql,
                       struct wn_err *err)
{
	switch (rc & 0xff) {
	case SQLITE_NOTADB:
		return wn_err_set(err, WN_DATAERR,
		                  "%s is not a wean diary (not a SQLite file)", path);
	case SQLITE_CORRUPT: case SQLITE_BUSY: case SQLITE_LOCKED:
	case SQLITE_FULL: case SQLITE_IOERR:
		return wn_db_sqlerr_at(path, sql, rc, "read the diary", err);
	}
	return wn_err_set(err, WN_NOINPUT, "cannot read %s: %s", path,
	                  sql ? sqlite3_errmsg(sql) : sqlite3_errstr(rc));
}

int wn_db_open_ro(const char *path, bool wal, int busy_ms, sqlite3 **out)
{
	size_t n = strlen(path);
	char *walpath = malloc(n + 5);
	if (!walpath)
		return SQLITE_NOMEM;
	sprintf(walpath, "%s-wal", path);
	bool live = wal && access(walpath, F_OK) == 0;
	free(walpath);
	char *uri = file_uri(path, live ? "mode=ro" : "immutable=1");
	if (!uri)
		return SQLITE_NOMEM;
	*out = NULL;
	int rc = sqlite3_open_v2(uri, out, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI,
	                         wn_cryptvfs_for(path));
	free(uri);
	if (rc == SQLITE_OK)
		sqlite3_busy_timeout(*out, busy_ms > 0 ? busy_ms : 3000);
	return rc;
}

int wn_db_ident_read(sqlite3 *sql, struct wn_ident *id)
{
	return read_ident(sql, id);
}

int wn_db_ident_judge(const char *path, const struct wn_ident *id, bool *fresh,
                      struct wn_err *err)
{
	return judge(path, id, fresh, err);
}

/* Ask SQLite, read-only and leaving no trace (wn_db_open_ro). */
static int probe(const struct wn_db_opts *o, bool wal, struct wn_ident *id,
                 struct wn_err *err)
{
	sqlite3 *sql = NULL;
	int rc = wn_db_open_ro(o->path, wal, o->busy_ms, &sql);
	if (rc == SQLITE_OK)
		rc = read_ident(sql, id);
	int st = rc == SQLITE_OK ? WN_OK : probe_error(o->path, rc, sql, err);
	sqlite3_close(sql);
	return st;
}

int wn_db_identify(const struct wn_db_opts *o, bool *fresh,
                        struct wn_err *err)
{
	unsigned char h[100];
	size_t got = 0;
	int rc;
	if (wn_cryptvfs_for(o->path)) {
		/* an encrypted diary: its first page as SQLite will see it */
		rc = wn_cryptvfs_head(o->path, h, sizeof h, &got);
		if (rc == WN_DATAERR)
			return wn_err_set(err, WN_DATAERR, "the diary is damaged (its first page"
			                  " does not open)");
		if (rc != WN_OK)
			return wn_err_set(err, WN_NOINPUT, "cannot read %s", o->path);
	} else if ((rc = read_header(o->path, h, sizeof h, &got, err)) != WN_OK) {
		return rc;
	}
	*fresh = got == 0;
	if (got == 0)
		return WN_OK;
	if (got < sizeof h || memcmp(h, sqlite_magic, sizeof sqlite_magic) != 0)
		return wn_err_set(err, WN_DATAERR,
		                  "%s is not a wean diary (not a SQLite file)", o->path);
	/* The header alone settles the usual refusals before SQLite looks. */
	struct wn_ident id = { .appid = be32(h + 68), .version = be32(h + 60),
	                       .nobjects = -1 };
	if (id.appid != 0 && (id.appid != WN_APPLICATION_ID ||
	                      id.version > WN_SCHEMA_VERSION))
		return judge(o->path, &id, fresh, err);
	/* A wean diary of a version this wean knows, in WAL mode: no second
	 * connection.  The one read-write connection reads what the
	 * write-ahead log says before it writes anything (wn_db_migrate
	 * judges the file again, a newer wean's log included), and a file
	 * refused then is closed without a checkpoint (wn_db_open), so its
	 * bytes stay as they were.  Any other file is asked read-only first. */
	if (id.appid == WN_APPLICATION_ID && id.version >= 1 && h[18] == 2 && h[19] == 2)
		return WN_OK;
	rc = probe(o, h[18] == 2 || h[19] == 2, &id, err);
	return rc != WN_OK ? rc : judge(o->path, &id, fresh, err);
}

/* ---- schema ---------------------------------------------------------- */

#define DATE_OK(c) "date(" c ", '+0 days') IS " c
#define BYTES(c) "length(CAST(" c " AS BLOB))"
#define FLAG(c) c " INTEGER NOT NULL DEFAULT 0 CHECK (" c " IN (0, 1))"
#define NOW_DEFAULT "DEFAULT (" WN_NOW_SQL ")"
#define DOSE_OK(c) c " >= 0 AND " c " < 100000"

/* One statement per entry (each well under the 4095-byte literal limit). */
static const char *const schema_v1[] = {
	"CREATE TABLE meta ("
	" key TEXT PRIMARY KEY NOT NULL CHECK (" BYTES("key") " BETWEEN 1 AND 64),"
	" value TEXT NOT NULL) STRICT;",

	"CREATE TABLE medication ("
	" id INTEGER PRIMARY KEY,"
	" name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (" BYTES("name") " BETWEEN 1 AND 64),"
	" unit TEXT NOT NULL DEFAULT 'mg' CHECK (" BYTES("unit") " BETWEEN 1 AND 15),"
	" drug_key TEXT CHECK (" BYTES("drug_key") " <= 64),"
	" created TEXT NOT NULL " NOW_DEFAULT ","
	" " FLAG("archived") ","
	" archived_on TEXT CHECK (" DATE_OK("archived_on") ")) STRICT;",

	"CREATE TABLE med_form ("
	" id INTEGER PRIMARY KEY,"
	" med_id INTEGER NOT NULL REFERENCES medication(id) ON DELETE CASCADE,"
	" kind INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 4),"
	" strength REAL NOT NULL DEFAULT 0 CHECK (" DOSE_OK("strength") "),"
	" divisible INTEGER NOT NULL DEFAULT 1 CHECK (divisible IN (1, 2, 4)),"
	" conc REAL NOT NULL DEFAULT 0 CHECK (" DOSE_OK("conc") "),"
	" beads INTEGER NOT NULL DEFAULT 0 CHECK (beads BETWEEN 0 AND 100000),"
	" label TEXT NOT NULL DEFAULT '' CHECK (" BYTES("label") " <= 63)) STRICT;",
	"CREATE INDEX med_form_med ON med_form(med_id);",

	"CREATE TABLE plan ("
	" id INTEGER PRIMARY KEY,"
	" med_id INTEGER NOT NULL REFERENCES medication(id) ON DELETE CASCADE,"
	" method TEXT NOT NULL CHECK (method IN ('percent', 'occupancy', 'linear', 'custom')),"
	" start_date TEXT NOT NULL CHECK (" DATE_OK("start_date") "),"
	" from_dose REAL NOT NULL CHECK (" DOSE_OK("from_dose") "),"
	" step REAL CHECK (step > 0 AND step < 100000),"
	" every_days INTEGER CHECK (every_days BETWEEN 1 AND 3650),"
	" round_q REAL CHECK (round_q > 0 AND round_q < 100000),"
	" floor_dose REAL CHECK (" DOSE_OK("floor_dose") "),"
	" to_dose REAL CHECK (" DOSE_OK("to_dose") "),"
	" region TEXT,"
	" created TEXT NOT NULL " NOW_DEFAULT ","
	" active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),"
	" note TEXT CHECK (" BYTES("note") " <= 65536)) STRICT;",
	"CREATE INDEX plan_med ON plan(med_id, active);",

	"CREATE TABLE plan_step_custom ("
	" plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,"
	" date TEXT NOT NULL CHECK (" DATE_OK("date") "),"
	" dose REAL NOT NULL CHECK (" DOSE_OK("dose") "),"
	" PRIMARY KEY (plan_id, date)) STRICT, WITHOUT ROWID;",

	"CREATE TABLE hold ("
	" id INTEGER PRIMARY KEY,"
	" plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,"
	" start_date TEXT NOT NULL CHECK (" DATE_OK("start_date") "),"
	" end_date TEXT CHECK (" DATE_OK("end_date") " AND"
	"  (end_date IS NULL OR end_date >= start_date)),"
	" reason TEXT CHECK (" BYTES("reason") " <= 65536),"
	" kind TEXT NOT NULL DEFAULT 'hold' CHECK (kind IN ('hold', 'reinstate')),"
	" dose REAL CHECK (" DOSE_OK("dose") ")) STRICT;",
	"CREATE INDEX hold_plan ON hold(plan_id, start_date);",

	"CREATE TABLE checkin ("
	" date TEXT PRIMARY KEY NOT NULL CHECK (" DATE_OK("date") "),"
	" mood INTEGER CHECK (mood BETWEEN 0 AND 10),"
	" anxiety INTEGER CHECK (anxiety BETWEEN 0 AND 10),"
	" energy INTEGER CHECK (energy BETWEEN 0 AND 10),"
	" sleep REAL CHECK (sleep BETWEEN 0 AND 24),"
	" note TEXT CHECK (" BYTES("note") " BETWEEN 1 AND 65536),"
	" " FLAG("flag") ","
	" created TEXT NOT NULL " NOW_DEFAULT ","
	" updated TEXT NOT NULL " NOW_DEFAULT ") STRICT;",

	"CREATE TABLE metric_def ("
	" id INTEGER PRIMARY KEY,"
	" name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (" BYTES("name") " BETWEEN 1 AND 31),"
	" min REAL, max REAL,"
	" higher_better INTEGER NOT NULL DEFAULT 1 CHECK (higher_better IN (0, 1)),"
	" CHECK (min IS NULL OR max IS NULL OR min < max)) STRICT;",

	"CREATE TABLE metric_value ("
	" date TEXT NOT NULL CHECK (" DATE_OK("date") "),"
	" metric_id INTEGER NOT NULL REFERENCES metric_def(id) ON DELETE RESTRICT,"
	" value REAL NOT NULL,"
	" PRIMARY KEY (date, metric_id)) STRICT, WITHOUT ROWID;",
	"CREATE INDEX metric_value_metric ON metric_value(metric_id, date);",

	"CREATE TABLE symptom ("
	" id INTEGER PRIMARY KEY,"
	" name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (" BYTES("name") " BETWEEN 1 AND 64),"
	" grp TEXT NOT NULL DEFAULT 'other' CHECK (" BYTES("grp") " <= 32),"
	" source INTEGER NOT NULL DEFAULT 2 CHECK (source BETWEEN 0 AND 2),"
	" " FLAG("hidden") ","
	" hidden_on TEXT CHECK (" DATE_OK("hidden_on") "),"
	" first_seen TEXT CHECK (" DATE_OK("first_seen") "),"
	" " FLAG("preexisting") ","
	" sort INTEGER NOT NULL DEFAULT 0) STRICT;",

	"CREATE TABLE rating ("
	" date TEXT NOT NULL CHECK (" DATE_OK("date") "),"
	" symptom_id INTEGER NOT NULL REFERENCES symptom(id) ON DELETE RESTRICT,"
	" value INTEGER NOT NULL CHECK (value BETWEEN 0 AND 3),"
	" PRIMARY KEY (date, symptom_id)) STRICT, WITHOUT ROWID;",
	"CREATE INDEX rating_symptom ON rating(symptom_id, date);",

	"CREATE TABLE dose ("
	" id INTEGER PRIMARY KEY,"
	" date TEXT NOT NULL CHECK (" DATE_OK("date") "),"
	" minute INTEGER CHECK (minute BETWEEN 0 AND 1439),"
	" med_id INTEGER NOT NULL REFERENCES medication(id) ON DELETE RESTRICT,"
	" amount REAL NOT NULL CHECK (amount > 0 AND amount < 100000),"
	" created TEXT NOT NULL " NOW_DEFAULT ") STRICT;",
	"CREATE UNIQUE INDEX dose_slot ON dose(date, med_id, ifnull(minute, -1));",
	"CREATE INDEX dose_med ON dose(med_id, date);",

	"CREATE TABLE quicknote ("
	" id INTEGER PRIMARY KEY,"
	" date TEXT NOT NULL CHECK (" DATE_OK("date") "),"
	" minute INTEGER CHECK (minute BETWEEN 0 AND 1439),"
	" text TEXT NOT NULL CHECK (" BYTES("text") " BETWEEN 1 AND 65536),"
	" created TEXT NOT NULL " NOW_DEFAULT ") STRICT;",
	"CREATE INDEX quicknote_date ON quicknote(date);",

	"CREATE TABLE question ("
	" id INTEGER PRIMARY KEY,"
	" date TEXT NOT NULL CHECK (" DATE_OK("date") "),"
	" text TEXT NOT NULL CHECK (" BYTES("text") " BETWEEN 1 AND 65536),"
	" " FLAG("answered") ","
	" answer TEXT CHECK (" BYTES("answer") " <= 65536),"
	" created TEXT NOT NULL " NOW_DEFAULT ") STRICT;",
	"CREATE INDEX question_date ON question(date);",

	"CREATE TABLE draft ("
	" id INTEGER PRIMARY KEY CHECK (id = 1),"
	" date TEXT NOT NULL CHECK (" DATE_OK("date") "),"
	" text TEXT NOT NULL CHECK (" BYTES("text") " <= 65536),"
	" saved TEXT NOT NULL " NOW_DEFAULT ") STRICT;",
	NULL,
};

/* Version 2: what a plan's review was acknowledged with (the second yes),
 * the plan's one form and the day the person recorded agreeing it with
 * their prescriber; hold proposals and what became of them; the optional
 * "thoughts of harming yourself" item (hidden until shown). */
static const char *const schema_v2[] = {
	"ALTER TABLE plan ADD COLUMN form_label TEXT CHECK (" BYTES("form_label") " <= 63);",
	"ALTER TABLE plan ADD COLUMN agreed_on TEXT CHECK (" DATE_OK("agreed_on") ");",

	"CREATE TABLE plan_ack ("
	" plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,"
	" kind TEXT NOT NULL CHECK (" BYTES("kind") " BETWEEN 1 AND 32),"
	" step INTEGER NOT NULL CHECK (step BETWEEN -1 AND 1000),"
	" text TEXT NOT NULL CHECK (" BYTES("text") " BETWEEN 1 AND 2048),"
	" acked TEXT NOT NULL " NOW_DEFAULT ","
	" PRIMARY KEY (plan_id, kind, step)) STRICT, WITHOUT ROWID;",

	"CREATE TABLE hold_proposal ("
	" id INTEGER PRIMARY KEY,"
	" med_id INTEGER NOT NULL REFERENCES medication(id) ON DELETE CASCADE,"
	" date TEXT NOT NULL CHECK (" DATE_OK("date") "),"
	" reason TEXT NOT NULL CHECK (" BYTES("reason") " BETWEEN 1 AND 1024),"
	" state TEXT NOT NULL DEFAULT 'shown' CHECK (state IN ('shown', 'accepted', 'dismissed')),"
	" created TEXT NOT NULL " NOW_DEFAULT ","
	" updated TEXT NOT NULL " NOW_DEFAULT ","
	" UNIQUE (med_id, date)) STRICT;",
	NULL,
};

/* Version 3: a draft per editing session (session id from core/session.h)
 * with the note it was typed against (base, NULL = none), so that one wean
 * finishing its note drops only its own draft, and a restored draft still
 * keeps what was saved meanwhile.  The one draft of before is kept, under
 * the session "old" (no running wean has that id: it is offered on the next
 * start), its base the day's note as it is now (what restoring it replaced
 * before). */
static const char *const schema_v3[] = {
	"ALTER TABLE draft RENAME TO draft_v2;",
	"CREATE TABLE draft ("
	" session TEXT PRIMARY KEY NOT NULL CHECK (" BYTES("session") " BETWEEN 1 AND 63),"
	" date TEXT NOT NULL CHECK (" DATE_OK("date") "),"
	" text TEXT NOT NULL CHECK (" BYTES("text") " <= 65536),"
	" base TEXT CHECK (" BYTES("base") " <= 65536),"
	" saved TEXT NOT NULL " NOW_DEFAULT ") STRICT;",
	"INSERT INTO draft(session, date, text, base, saved)"
	" SELECT 'old', d.date, d.text, (SELECT c.note FROM checkin c WHERE c.date = d.date),"
	" d.saved FROM draft_v2 d;",
	"DROP TABLE draft_v2;",
	NULL,
};

/* Version 4: a dose of 0 is a dose recorded as not taken -- skipped
 * (core/vocab.h) -- so dose.amount may be 0.  SQLite cannot change a
 * CHECK in place: the table is made again with its rows (ids kept) and
 * its indexes. */
static const char *const schema_v4[] = {
	"CREATE TABLE dose_v4 ("
	" id INTEGER PRIMARY KEY,"
	" date TEXT NOT NULL CHECK (" DATE_OK("date") "),"
	" minute INTEGER CHECK (minute BETWEEN 0 AND 1439),"
	" med_id INTEGER NOT NULL REFERENCES medication(id) ON DELETE RESTRICT,"
	" amount REAL NOT NULL CHECK (" DOSE_OK("amount") "),"
	" created TEXT NOT NULL " NOW_DEFAULT ") STRICT;",
	"INSERT INTO dose_v4(id, date, minute, med_id, amount, created)"
	" SELECT id, date, minute, med_id, amount, created FROM dose;",
	"DROP TABLE dose;",
	"ALTER TABLE dose_v4 RENAME TO dose;",
	"CREATE UNIQUE INDEX dose_slot ON dose(date, med_id, ifnull(minute, -1));",
	"CREATE INDEX dose_med ON dose(med_id, date);",
	NULL,
};

static int seed_builtin_symptoms(struct wn_db *db, struct wn_err *err)
{
	static const char sql[] =
		"INSERT INTO symptom(name, grp, source, sort) VALUES (?1, ?2, ?3, ?4)";
	size_t n = 0;
	const struct wn_symptom_def *defs = wn_symptoms_builtin(&n);
	for (size_t i = 0; i < n; i++) {
		sqlite3_stmt *st;
		int s = wn_db_stmt(db, sql, &st, err);
		if (s != WN_OK)
			return s;
		sqlite3_bind_text(st, 1, defs[i].name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, defs[i].group, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 3, WN_SYM_BUILTIN);
		sqlite3_bind_int64(st, 4, (sqlite3_int64)i);
		int rc = sqlite3_step(st);
		if (rc != SQLITE_DONE) {
			s = wn_db_sqlerr(db, rc, "add the built-in symptoms", err);
			sqlite3_reset(st);
			return s;
		}
		sqlite3_reset(st);
	}
	return WN_OK;
}

struct migration {
	long version;                    /* user_version after it */
	const char *const *sql;          /* NULL-terminated, run first */
	int (*after)(struct wn_db *db, struct wn_err *err);   /* may be NULL */
};

/* The optional item, hidden: `wean symptoms show` turns it on. */
static int seed_self_harm(struct wn_db *db, struct wn_err *err)
{
	static const char sql[] =
		"INSERT OR IGNORE INTO symptom(name, grp, source, hidden, sort)"
		" VALUES (?1, 'mood', ?2, 1, (SELECT ifnull(max(sort), -1) + 1 FROM symptom))";
	sqlite3_stmt *st;
	int rc = wn_db_prepare(db, sql, &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_text(st, 1, WN_SAFETY_SELF_HARM, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, WN_SYM_BUILTIN);
	return wn_db_run(db, st, "add the optional items", err);
}

/* Version 6: doses through the day and switching (issue 19).  A plan's
 * daily dose may be taken as several doses: dose_times "08:00,14:00,22:00"
 * (increasing, at most WN_DOSES_MAX), dose_split the parts of the starting
 * dose ("1,1,1" or amounts "0.5,0.5,1"), cut_first which dose each step
 * cuts first (core/doses.h); NULL = one dose a day, as before.
 * plan_switch links the plan of a drug switched in (plan_id, e.g. the
 * diazepam) to the plan it replaces (from_plan), with the equivalence
 * table and the days of a stage.  Additive: older rows read as they did. */
static const char *const schema_v6[] = {
	"ALTER TABLE plan ADD COLUMN dose_times TEXT CHECK (" BYTES("dose_times") " <= 127);",
	"ALTER TABLE plan ADD COLUMN dose_split TEXT CHECK (" BYTES("dose_split") " <= 255);",
	"ALTER TABLE plan ADD COLUMN cut_first TEXT"
	" CHECK (cut_first IN ('largest', 'evening', 'morning'));",
	"CREATE TABLE plan_switch ("
	" plan_id INTEGER PRIMARY KEY REFERENCES plan(id) ON DELETE CASCADE,"
	" from_plan INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,"
	" equiv_table TEXT NOT NULL CHECK (equiv_table IN ('ashton', 'vadod')),"
	" stage_days INTEGER NOT NULL CHECK (stage_days BETWEEN 1 AND 365)) STRICT;",
	"CREATE INDEX plan_switch_from ON plan_switch(from_plan);",
	NULL,
};

/* Version 8: the plan cache (db/plancache.h): a plan as Today shows it,
 * built and reviewed, with the key of everything it was computed from.
 * Not a record: never exported, and an entry whose key differs from the
 * one computed now is computed again and replaced. */
static const char *const schema_v8[] = {
	"CREATE TABLE plan_cache ("
	" plan_id INTEGER PRIMARY KEY REFERENCES plan(id) ON DELETE CASCADE,"
	" key BLOB NOT NULL, data BLOB NOT NULL) STRICT;",
	NULL,
};

/* The charts' summary of the records a diary has when it reaches
 * version 7 (its triggers keep it from then on). */
static int fill_chart_sum(struct wn_db *db, struct wn_err *err)
{
	return wn_db_chart_sum_fill(db, err);
}

/* Forward only.  A new schema version appends one entry here. */
static const struct migration migrations[] = {
	{ .version = 1, .sql = schema_v1, .after = seed_builtin_symptoms },
	{ .version = 2, .sql = schema_v2, .after = seed_self_harm },
	{ .version = 3, .sql = schema_v3 },
	{ .version = 4, .sql = schema_v4 },
	{ .version = 5, .sql = wn_db_schema_v5, .after = wn_db_fill_journal_index },
	{ .version = 6, .sql = schema_v6 },
	{ .version = 7, .sql = wn_db_schema_v7, .after = fill_chart_sum },
	{ .version = 8, .sql = schema_v8 },
	{ .version = 9, .sql = wn_db_schema_v9, .after = wn_db_sums_fill },
	{ .version = 10, .sql = wn_db_schema_v10 },
};

static int read_live_ident(struct wn_db *db, struct wn_ident *id, bool *fresh,
                           struct wn_err *err)
{
	int rc = read_ident(db->sql, id);
	if (rc != SQLITE_OK)
		return wn_db_sqlerr(db, rc, "read the diary's version", err);
	rc = judge(db->path, id, fresh, err);
	if (rc == WN_OK && *fresh)
		id->version = 0;
	return rc;
}

static int migrate_one(struct wn_db *db, const struct migration *m,
                       struct wn_err *err)
{
	bool own = false;
	int rc = wn_db_tx_enter(db, &own, err);
	if (rc != WN_OK)
		return rc;
	struct wn_ident id = { 0 };
	bool fresh;
	/* Look again under the write lock: another wean may have done it. */
	rc = read_live_ident(db, &id, &fresh, err);
	if (rc == WN_OK && id.version < m->version) {
		char pragmas[96];
		snprintf(pragmas, sizeof pragmas,
		         "PRAGMA application_id = %ld; PRAGMA user_version = %ld",
		         (long)WN_APPLICATION_ID, m->version);
		for (size_t i = 0; m->sql && m->sql[i] && rc == WN_OK; i++)
			rc = wn_db_exec(db, m->sql[i], "upgrade the diary", err);
		if (rc == WN_OK && m->after)
			rc = m->after(db, err);
		if (rc == WN_OK)
			rc = wn_db_exec(db, pragmas, "upgrade the diary", err);
	}
	return wn_db_tx_leave(db, own, rc, err);
}

int wn_db_migrate(struct wn_db *db, struct wn_err *err)
{
	struct wn_ident id = { 0 };
	bool fresh;
	int rc = read_live_ident(db, &id, &fresh, err);
	if (rc != WN_OK || id.version >= WN_SCHEMA_VERSION)
		return rc;
	if (id.version >= 1) {
		size_t n = strlen(db->path) + 32;
		char *bak = malloc(n);
		if (!bak)
			return wn_err_set(err, WN_ERR, "out of memory");
		snprintf(bak, n, "%s.bak-v%ld", db->path, id.version);
		rc = wn_db_backup_to(db, bak, err);
		free(bak);
		if (rc != WN_OK)
			return rc;
	}
	size_t n = sizeof migrations / sizeof *migrations;
	for (size_t i = 0; i < n && rc == WN_OK; i++)
		if (migrations[i].version > id.version)
			rc = migrate_one(db, &migrations[i], err);
	return rc;
}

/* ---- backup ---------------------------------------------------------- */

int wn_db_backup_run(sqlite3 *dst, sqlite3 *src)
{
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
	if (!b)
		return sqlite3_errcode(dst);
	int rc = SQLITE_BUSY;
	for (int tries = 0; tries < 100; tries++) {
		rc = sqlite3_backup_step(b, -1);
		if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
			break;
		sqlite3_sleep(50);
	}
	sqlite3_backup_finish(b);
	return rc == SQLITE_DONE ? sqlite3_errcode(dst) : rc;
}

/* Copy db into the (existing, empty) file tmp with the online backup API. */
static int copy_into(struct wn_db *db, const char *tmp, const char *path,
                     struct wn_err *err)
{
	sqlite3 *dst = NULL;
	int rc = wn_db_open_file(tmp, &dst, SQLITE_OPEN_READWRITE);
	if (rc == SQLITE_OK) {
		sqlite3_busy_timeout(dst, 3000);
		rc = wn_db_backup_run(dst, db->sql);
	}
	int st = WN_OK;
	if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
		st = wn_db_sqlerr(db, rc, "back up the diary", err);   /* the source */
	else if (rc != SQLITE_OK)
		st = wn_err_set(err, (rc & 0xff) == SQLITE_FULL ? WN_IOERR : WN_CANTCREAT,
		                "cannot write the backup %s: %s", path,
		                dst ? sqlite3_errmsg(dst) : sqlite3_errstr(rc));
	if (sqlite3_close(dst) != SQLITE_OK && st == WN_OK)
		st = wn_err_set(err, WN_IOERR, "cannot finish the backup %s", path);
	return st;
}

int wn_db_backup_to(struct wn_db *db, const char *path, struct wn_err *err)
{
	return wn_db_backup_file(db, path, true, err);
}

int wn_db_backup_file(struct wn_db *db, const char *path, bool force,
                      struct wn_err *err)
{
	if (!path || !*path)
		return wn_err_set(err, WN_USAGE, "no backup file given");
	if (wn_db_owns_path(db, path))
		return wn_err_set(err, WN_USAGE,
		                  "%s is the diary itself or one of its files; choose another "
		                  "backup file", path);
	char *tmp;
	int fd;
	int rc = wn_file_tmp_create(path, &tmp, &fd, err);
	if (rc != WN_OK)
		return rc;
	rc = wn_db_crypt_copy_header(db, tmp, fd, err);
	close(fd);
	if (rc == WN_OK)
		rc = copy_into(db, tmp, path, err);
	wn_cryptvfs_forget(tmp);
	if (rc == WN_OK)
		wn_file_sync(tmp, false);
	return wn_file_finish(tmp, path, force, rc, err);
}

/* ---- the schema for the check ------------------------------------------ */

int wn_db_schema_create(sqlite3 *sql)
{
	int rc = SQLITE_OK;
	size_t n = sizeof migrations / sizeof *migrations;
	for (size_t i = 0; i < n && rc == SQLITE_OK; i++)
		for (size_t k = 0; migrations[i].sql[k] && rc == SQLITE_OK; k++)
			rc = sqlite3_exec(sql, migrations[i].sql[k], NULL, NULL, NULL);
	return rc;
}
