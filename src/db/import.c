/* import.c -- wean JSON / CSV and Daylio CSV into the diary (import.h):
 * the entry (the checks of the whole text, one transaction), the writing
 * every format shares, wean's CSV and Daylio's days.  wean's JSON is
 * written by import_json.c; the text is read by core/json.c, core/csv.c
 * and core/daylio.c. */
#include "import_int.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csv.h"
#include "core/date.h"
#include "core/daylio.h"
#include "core/text.h"
#include "db/db.h"

/* ---- statements ------------------------------------------------------------ */

int wn_imp_stmt(struct wn_imp *m, const char *q, sqlite3_stmt **st)
{
	return wn_db_stmt(m->db, q, st, m->err);
}

void wn_imp_bind(sqlite3_stmt *st, int i, const struct wn_imp_val *v)
{
	if (v->type == SQLITE_INTEGER)
		sqlite3_bind_int64(st, i, (sqlite3_int64)v->num);
	else if (v->type == SQLITE_FLOAT)
		sqlite3_bind_double(st, i, v->num);
	else if (v->type == SQLITE_TEXT)
		sqlite3_bind_text(st, i, v->s, (int)v->len, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

/* A value the diary refused names the file's line; the other faults
 * keep the mapper's wording whole (a damaged diary reads the same in
 * every command). */
static int at_line(struct wn_imp *m, int rc)
{
	int code = sqlite3_errcode(wn_db_sqlite(m->db)) & 0xff;
	if (rc != WN_DATAERR || code == SQLITE_CORRUPT || code == SQLITE_NOTADB || !m->err)
		return rc;
	char msg[WN_ERR_MSG];
	snprintf(msg, sizeof msg, "%s", m->err->msg);
	return wn_err_set(m->err, WN_DATAERR, "line %d: %s", m->line, msg);
}

int wn_imp_run(struct wn_imp *m, sqlite3_stmt *st, const char *what)
{
	char w[128];
	int rc = WN_OK;
	snprintf(w, sizeof w, "import %s", what);
	while (wn_db_row(m->db, st, w, &rc, m->err))
		;
	if (rc != WN_OK)
		rc = at_line(m, rc);
	sqlite3_reset(st);
	return rc;
}

int wn_imp_bind_run(struct wn_imp *m, const char *q, const struct wn_imp_val *v,
                    size_t n, const char *what)
{
	sqlite3_stmt *st;
	int rc = wn_imp_stmt(m, q, &st);
	if (rc != WN_OK)
		return rc;
	for (size_t i = 0; i < n; i++)
		wn_imp_bind(st, (int)i + 1, &v[i]);
	return wn_imp_run(m, st, what);
}

/* The first column of st's first row as an integer (*v -1 when there is
 * no row or it is NULL); st is reset. */
static int scalar(struct wn_imp *m, sqlite3_stmt *st, long long *v)
{
	int rc = WN_OK;
	*v = -1;
	if (wn_db_row(m->db, st, "import the file", &rc, m->err) &&
	    sqlite3_column_type(st, 0) != SQLITE_NULL)
		*v = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc;
}

static struct wn_imp_val text_val(const char *s)
{
	return (struct wn_imp_val){ .type = SQLITE_TEXT, .s = s, .len = strlen(s) };
}

static struct wn_imp_val int_val(long v)
{
	return (struct wn_imp_val){ .type = SQLITE_INTEGER, .num = (double)v };
}

/* ---- days, names, values ------------------------------------------------------- */

static const char q_day_exists[] =
	"SELECT EXISTS (SELECT 1 FROM checkin WHERE date = ?1)"
	" OR EXISTS (SELECT 1 FROM rating WHERE date = ?1)"
	" OR EXISTS (SELECT 1 FROM metric_value WHERE date = ?1)"
	" OR EXISTS (SELECT 1 FROM dose WHERE date = ?1)"
	" OR EXISTS (SELECT 1 FROM quicknote WHERE date = ?1)"
	" OR EXISTS (SELECT 1 FROM question WHERE date = ?1)";

static const char *const q_day_delete[] = {
	"DELETE FROM checkin WHERE date = ?1", "DELETE FROM rating WHERE date = ?1",
	"DELETE FROM metric_value WHERE date = ?1", "DELETE FROM dose WHERE date = ?1",
	"DELETE FROM quicknote WHERE date = ?1", "DELETE FROM question WHERE date = ?1",
};

int wn_imp_day_begin(struct wn_imp *m, const char *date)
{
	sqlite3_stmt *st;
	long long had = 0;
	int rc = wn_imp_stmt(m, q_day_exists, &st);
	if (rc == WN_OK) {
		sqlite3_bind_text(st, 1, date, -1, SQLITE_TRANSIENT);
		rc = scalar(m, st, &had);
	}
	if (rc != WN_OK)
		return rc;
	if (had == 1)
		m->res->updated++;
	else
		m->res->added++;
	struct wn_imp_val d = text_val(date);
	for (size_t i = 0; had == 1 && m->o->replace && rc == WN_OK && i < 6; i++)
		rc = wn_imp_bind_run(m, q_day_delete[i], &d, 1, "the day");
	return rc;
}

bool wn_imp_valid_date(const char *s, size_t len)
{
	wn_date d;
	char buf[WN_DATE_STRLEN];
	if (len != 10)
		return false;
	memcpy(buf, s, 10);
	buf[10] = '\0';
	return wn_date_parse_iso(buf, &d, NULL) == WN_OK;
}

static const char *const q_name_id[] = {
	[WN_IMP_SYMPTOM] = "SELECT id FROM symptom WHERE name = ?1",
	[WN_IMP_METRIC] = "SELECT id FROM metric_def WHERE name = ?1",
	[WN_IMP_MED] = "SELECT id FROM medication WHERE name = ?1",
};

int wn_imp_name_id(struct wn_imp *m, enum wn_imp_kind kind, const char *name,
                   size_t len, long *id)
{
	for (size_t i = 0; i < m->n_names; i++) {
		const struct wn_imp_name *k = &m->names[i];
		if (k->kind == (int)kind && k->len == len && memcmp(k->name, name, len) == 0) {
			*id = k->id;
			return WN_OK;
		}
	}
	sqlite3_stmt *st;
	long long v = -1;
	int rc = wn_imp_stmt(m, q_name_id[kind], &st);
	if (rc == WN_OK) {
		sqlite3_bind_text(st, 1, name, (int)len, SQLITE_TRANSIENT);
		rc = scalar(m, st, &v);
	}
	*id = (long)v;
	char *copy = rc == WN_OK && v >= 0 && m->n_names < WN_IMP_NAME_CACHE ?
		malloc(len + 1) : NULL;
	if (copy) {
		memcpy(copy, name, len);
		copy[len] = '\0';
		m->names[m->n_names++] = (struct wn_imp_name){ kind, copy, len, *id };
	}
	return rc;
}

static void names_free(struct wn_imp *m)
{
	for (size_t i = 0; i < m->n_names; i++)
		free(m->names[i].name);
}

/* Upserts rather than INSERT OR REPLACE: the same rows, without a delete
 * and a second insert when the row is there (and cheaper when not). */
static const char q_rating[] =
	"INSERT INTO rating(date, symptom_id, value) VALUES (?1, ?2, ?3)"
	" ON CONFLICT(date, symptom_id) DO UPDATE SET value = excluded.value";
static const char q_metric[] =
	"INSERT INTO metric_value(date, metric_id, value) VALUES (?1, ?2, ?3)"
	" ON CONFLICT(date, metric_id) DO UPDATE SET value = excluded.value";

int wn_imp_set_value(struct wn_imp *m, const char *date, bool rating, long id,
                     const struct wn_imp_val *v)
{
	struct wn_imp_val p[3] = { text_val(date), int_val(id), *v };
	return wn_imp_bind_run(m, rating ? q_rating : q_metric, p, 3,
	                       rating ? "the ratings" : "the metrics");
}

/* ---- check-ins (CSV and Daylio) ------------------------------------------------- */

static const char q_ci_ensure[] =
	"INSERT INTO checkin(date) VALUES (?1) ON CONFLICT(date) DO NOTHING";

/* Setting one check-in column: index into this table. */
enum ci_col { CI_MOOD, CI_ANXIETY, CI_ENERGY, CI_SLEEP, CI_FLAG, CI_NOTE, CI_N };
static const char *const q_ci_set[CI_N] = {
	"UPDATE checkin SET mood = ?2 WHERE date = ?1",
	"UPDATE checkin SET anxiety = ?2 WHERE date = ?1",
	"UPDATE checkin SET energy = ?2 WHERE date = ?1",
	"UPDATE checkin SET sleep = ?2 WHERE date = ?1",
	"UPDATE checkin SET flag = ?2 WHERE date = ?1",
	"UPDATE checkin SET note = ?2 WHERE date = ?1",
};

/* Makes sure the check-in row of date exists (call before ci_set). */
static int ci_ensure(struct wn_imp *m, const char *date)
{
	struct wn_imp_val d = text_val(date);
	return wn_imp_bind_run(m, q_ci_ensure, &d, 1, "the check-in");
}

static int ci_set(struct wn_imp *m, const char *date, enum ci_col c,
                  const struct wn_imp_val *v)
{
	struct wn_imp_val p[2] = { text_val(date), *v };
	return wn_imp_bind_run(m, q_ci_set[c], p, 2, "the check-in");
}

/* ---- wean's CSV ---------------------------------------------------------------- */

static const char *const csv_fixed[] = { "date", "has_checkin", "mood", "anxiety",
	"energy", "sleep", "burden", "flag", "note" };
enum { X_DATE, X_HAS, X_MOOD, X_ANXIETY, X_ENERGY, X_SLEEP, X_BURDEN, X_FLAG, X_NOTE, X_N };
enum col_kind { COL_NONE, COL_SYMPTOM, COL_METRIC, COL_TAKEN };

/* What each header column is: fixed[] the places of csv_fixed; per
 * column its kind and the id of its symptom, metric or medication. */
struct csvmap { int fixed[X_N]; enum col_kind *kind; long *id; size_t n; };

/* Column i when it is not a fixed one: a symptom, a metric or "<med>
 * taken" ("<med> planned" is derived, and ignored). */
static int map_column(struct wn_imp *m, const struct wn_csv_record *h, size_t i,
                      struct csvmap *cm)
{
	const char *f = h->f[i];
	size_t l = h->len[i];
	int rc;
	if (l > 8 && strcmp(f + l - 8, " planned") == 0)
		return WN_OK;
	if (l > 6 && strcmp(f + l - 6, " taken") == 0) {
		cm->kind[i] = COL_TAKEN;
		rc = wn_imp_name_id(m, WN_IMP_MED, f, l - 6, &cm->id[i]);
	} else {
		cm->kind[i] = COL_SYMPTOM;
		rc = wn_imp_name_id(m, WN_IMP_SYMPTOM, f, l, &cm->id[i]);
		if (rc == WN_OK && cm->id[i] < 0) {
			cm->kind[i] = COL_METRIC;
			rc = wn_imp_name_id(m, WN_IMP_METRIC, f, l, &cm->id[i]);
		}
	}
	if (rc != WN_OK || cm->id[i] >= 0)
		return rc;
	wn_err_set(m->err, WN_DATAERR, "line %d: column \"%s\": no such symptom,"
	           " metric or medication in this diary", h->line, f);
	wn_err_hint(m->err, "add it first ('wean symptoms add', 'wean med add')");
	return WN_DATAERR;
}

static int csv_map(struct wn_imp *m, const struct wn_csv_record *h, struct csvmap *cm)
{
	int rc = wn_csv_columns(h, csv_fixed, X_N, cm->fixed, m->err);
	cm->n = h->n;
	cm->kind = calloc(h->n, sizeof *cm->kind);
	cm->id = calloc(h->n, sizeof *cm->id);
	if (rc != WN_OK)
		return rc;
	if (!cm->kind || !cm->id)
		return wn_err_set(m->err, WN_ERR, "out of memory");
	for (size_t i = 0; rc == WN_OK && i < h->n; i++) {
		bool fixed = false;
		for (int k = 0; k < X_N; k++)
			fixed = fixed || cm->fixed[k] == (int)i;
		if (!fixed)
			rc = map_column(m, h, i, cm);
	}
	return rc;
}

static struct wn_imp_val number_val(double x)
{
	return (struct wn_imp_val){ .type = x == floor(x) ? SQLITE_INTEGER : SQLITE_FLOAT,
	                            .num = x };
}

static const char q_taken_del[] = "DELETE FROM dose WHERE date = ?1 AND med_id = ?2";
static const char q_taken_add[] =
	"INSERT INTO dose(date, med_id, minute, amount) VALUES (?1, ?2, NULL, ?3)";
static const char q_taken_sum[] =
	"SELECT total(amount) FROM dose WHERE date = ?1 AND med_id = ?2";

/* A "taken" total different from the day's records replaces them with one
 * dose of no time. */
static int csv_taken(struct wn_imp *m, const char *date, long med, double x)
{
	sqlite3_stmt *st;
	double now = NAN;
	int rc = wn_imp_stmt(m, q_taken_sum, &st);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_text(st, 1, date, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, med);
	if (wn_db_row(m->db, st, "import the doses", &rc, m->err))
		now = sqlite3_column_double(st, 0);
	sqlite3_reset(st);
	if (rc != WN_OK || now == x)
		return rc;                /* the same total: keep the dose records */
	struct wn_imp_val p[3] = { text_val(date), int_val(med),
	                           { .type = SQLITE_FLOAT, .num = x } };
	rc = wn_imp_bind_run(m, q_taken_del, p, 2, "the doses");
	if (rc == WN_OK && x > 0)
		rc = wn_imp_bind_run(m, q_taken_add, p, 3, "the doses");
	return rc;
}

static int csv_extra(struct wn_imp *m, const struct wn_csv_record *r,
                     const struct csvmap *cm, const char *date, size_t i)
{
	const double lim[2] = { 0, cm->kind[i] == COL_SYMPTOM ? 3 :
	                           cm->kind[i] == COL_METRIC ? 1e15 : 99999.999 };
	double x;
	int rc = wn_csv_number(r, (int)i, "value", lim, &x, m->err);
	if (rc != WN_OK || isnan(x))
		return rc;
	if (cm->kind[i] == COL_TAKEN)
		return csv_taken(m, date, cm->id[i], x);
	struct wn_imp_val v = number_val(x);
	return wn_imp_set_value(m, date, cm->kind[i] == COL_SYMPTOM, cm->id[i], &v);
}

static bool row_empty(const struct wn_csv_record *r, const struct csvmap *cm)
{
	static const int data[] = { X_MOOD, X_ANXIETY, X_ENERGY, X_SLEEP, X_NOTE };
	for (size_t i = 0; i < r->n && i < cm->n; i++) {
		bool has = cm->kind[i] != COL_NONE;
		for (size_t k = 0; k < sizeof data / sizeof *data; k++)
			has = has || (int)i == cm->fixed[data[k]];
		if (has && r->len[i] > 0)
			return false;
	}
	return cm->fixed[X_HAS] >= (int)r->n || strcmp(r->f[cm->fixed[X_HAS]], "1") != 0;
}

static int csv_checkin(struct wn_imp *m, const struct wn_csv_record *r,
                       const struct csvmap *cm, const char *date)
{
	static const struct { enum ci_col col; int fixed; double max; } cols[] = {
		{ CI_MOOD, X_MOOD, 10 }, { CI_ANXIETY, X_ANXIETY, 10 },
		{ CI_ENERGY, X_ENERGY, 10 }, { CI_SLEEP, X_SLEEP, 24 }, { CI_FLAG, X_FLAG, 1 },
	};
	int rc = ci_ensure(m, date);
	for (size_t k = 0; k < sizeof cols / sizeof *cols && rc == WN_OK; k++) {
		const double lim[2] = { 0, cols[k].max };
		double x;
		rc = wn_csv_number(r, cm->fixed[cols[k].fixed], csv_fixed[cols[k].fixed],
		                   lim, &x, m->err);
		struct wn_imp_val v = number_val(x);
		if (rc == WN_OK && !isnan(x))
			rc = ci_set(m, date, cols[k].col, &v);
	}
	size_t len = r->len[cm->fixed[X_NOTE]];
	const char *note = wn_csv_unguard(r->f[cm->fixed[X_NOTE]], &len);
	if (rc == WN_OK && len > 0 && wn_text_check_note(note, len, 0, NULL) != WN_OK)
		return wn_err_set(m->err, WN_DATAERR, "line %d: note: too long or holds a control"
		                  " character", r->line);
	if (rc == WN_OK && len > 0)
		rc = ci_set(m, date, CI_NOTE, &(struct wn_imp_val){ .type = SQLITE_TEXT,
		            .s = note, .len = len });
	return rc;
}

static int csv_row_import(struct wn_imp *m, const struct wn_csv_record *r,
                          const struct csvmap *cm)
{
	m->line = r->line;
	if (r->n != cm->n)
		return wn_err_set(m->err, WN_DATAERR, "line %d: %zu fields, the header has %zu",
		                  r->line, r->n, cm->n);
	const char *date = r->f[cm->fixed[X_DATE]];
	if (!wn_imp_valid_date(date, r->len[cm->fixed[X_DATE]]))
		return wn_err_set(m->err, WN_DATAERR, "line %d: date: \"%.40s\" is not a real date"
		                  " YYYY-MM-DD", r->line, date);
	if (row_empty(r, cm)) {
		m->res->skipped++;
		return WN_OK;
	}
	int rc = wn_imp_day_begin(m, date);
	if (rc == WN_OK && strcmp(r->f[cm->fixed[X_HAS]], "1") == 0)
		rc = csv_checkin(m, r, cm, date);
	for (size_t i = 0; rc == WN_OK && i < cm->n; i++)
		if (cm->kind[i] != COL_NONE)
			rc = csv_extra(m, r, cm, date, i);
	return rc;
}

static int import_csv(struct wn_imp *m, const char *text, size_t len)
{
	struct wn_csv_reader c;
	struct wn_csv_record h = { 0 }, r = { 0 };
	struct csvmap cm = { .n = 0 };
	bool got;
	wn_csv_open(&c, text, len);
	int rc = wn_csv_next(&c, &h, &got, m->err);
	if (rc == WN_OK && !got)
		rc = wn_err_set(m->err, WN_DATAERR, "line 1: the file is empty");
	if (rc == WN_OK)
		rc = csv_map(m, &h, &cm);
	while (rc == WN_OK && (rc = wn_csv_next(&c, &r, &got, m->err)) == WN_OK && got)
		if (!wn_csv_blank(&r))
			rc = csv_row_import(m, &r, &cm);
	wn_csv_record_free(&h);
	wn_csv_record_free(&r);
	free(cm.kind);
	free(cm.id);
	wn_csv_close(&c);
	return rc;
}

/* ---- Daylio --------------------------------------------------------------------- */

/* One day: its mood, and its note when the entries have text.  The
 * check-in's other fields are left as they are. */
static int daylio_day(struct wn_imp *m, const struct wn_daylio_day *d)
{
	struct wn_imp_val mood = int_val(d->mood);
	m->line = d->line;
	int rc = wn_imp_day_begin(m, d->date);
	if (rc == WN_OK)
		rc = ci_ensure(m, d->date);
	if (rc == WN_OK)
		rc = ci_set(m, d->date, CI_MOOD, &mood);
	if (rc == WN_OK && d->note_len)
		rc = ci_set(m, d->date, CI_NOTE, &(struct wn_imp_val){ .type = SQLITE_TEXT,
		            .s = d->note, .len = d->note_len });
	return rc;
}

static int import_daylio(struct wn_imp *m, const char *text, size_t len)
{
	struct wn_daylio dl;
	struct wn_daylio_day day;
	bool got = true;
	int rc = wn_daylio_open(&dl, text, len, m->err);
	while (rc == WN_OK && (rc = wn_daylio_next(&dl, &day, &got, m->err)) == WN_OK && got)
		rc = daylio_day(m, &day);
	wn_daylio_close(&dl);
	return rc;
}

/* ---- entry ---------------------------------------------------------------------- */

bool wn_import_format_parse(const char *s, enum wn_import_format *out)
{
	static const char *const names[] = { "json", "csv", "daylio" };
	for (int i = 0; i < 3; i++)
		if (strcmp(s, names[i]) == 0) {
			*out = (enum wn_import_format)i;
			return true;
		}
	return false;
}

static int line_of(const char *s, size_t off)
{
	int line = 1;
	for (size_t i = 0; i < off; i++)
		line += s[i] == '\n';
	return line;
}

static int check_text(const char *text, size_t len, struct wn_err *err)
{
	if (len > WN_IMPORT_MAX_BYTES)
		return wn_err_set(err, WN_DATAERR, "the file is larger than %u MiB",
		                  WN_IMPORT_MAX_BYTES >> 20);
	size_t bad = wn_text_utf8_error(text, len);
	if (bad < len)
		return wn_err_set(err, WN_DATAERR, "line %d: invalid UTF-8 (byte 0x%02x)",
		                  line_of(text, bad), (unsigned char)text[bad]);
	const char *nul = memchr(text, '\0', len);
	if (nul)
		return wn_err_set(err, WN_DATAERR, "line %d: a NUL byte",
		                  line_of(text, (size_t)(nul - text)));
	return WN_OK;
}

/* Messages quote names and values from the file: make them safe to print
 * (no control, C1 or bidi character, valid UTF-8), as text.h displays. */
static void safe_message(struct wn_err *err)
{
	char safe[sizeof err->msg];
	wn_text_fit(err->msg, INT_MAX, safe, sizeof safe, false);
	memcpy(err->msg, safe, sizeof safe);
}

int wn_import_text(struct wn_db *db, const struct wn_import_opts *o,
                   const char *text, size_t len, struct wn_import_result *res,
                   struct wn_err *err)
{
	static int (*const by_format[])(struct wn_imp *, const char *, size_t) = {
		[WN_IMPORT_JSON] = wn_imp_json, [WN_IMPORT_CSV] = import_csv,
		[WN_IMPORT_DAYLIO] = import_daylio,
	};
	*res = (struct wn_import_result){ 0 };
	int rc = check_text(text, len, err);
	if (rc != WN_OK)
		return rc;
	struct wn_imp m = { .db = db, .o = o, .res = res, .err = err };
	if ((rc = wn_db_begin(db, err)) != WN_OK)
		return rc;
	rc = by_format[o->format](&m, text, len);
	names_free(&m);
	if (rc != WN_OK && err)
		safe_message(err);
	if (rc != WN_OK || o->dry_run) {
		wn_db_rollback(db);
		return rc;
	}
	return wn_db_commit(db, err);
}
