/* SPDX-License-Identifier: GPL-3.0-or-later */
/* import.c -- wean JSON / CSV and Daylio CSV into the diary (import.h):
 * the entry (the checks of the whole text, one transaction, the backup
 * before a change to days already in the diary) and what every format
 * shares: statements and names.  A day and its values: import_day.c;
 * wean CSV and Daylio: import_csv.c; wean JSON: import_json.c. */
#include "import_int.h"

#include <errno.h>
#include <limits.h>
#include <sys/stat.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/text.h"
#include "core/valid.h"
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

/* The cached statement q with v[0..n) bound. */
static int bound(struct wn_imp *m, const char *q, const struct wn_imp_val *v, size_t n,
                 sqlite3_stmt **st)
{
	int rc = wn_imp_stmt(m, q, st);
	for (size_t i = 0; rc == WN_OK && i < n; i++)
		wn_imp_bind(*st, (int)i + 1, &v[i]);
	return rc;
}

int wn_imp_bind_run(struct wn_imp *m, const char *q, const struct wn_imp_val *v,
                    size_t n, const char *what)
{
	sqlite3_stmt *st;
	int rc = bound(m, q, v, n, &st);
	return rc == WN_OK ? wn_imp_run(m, st, what) : rc;
}

int wn_imp_first(struct wn_imp *m, const char *q, const struct wn_imp_val *v,
                 size_t n, sqlite3_stmt **st)
{
	int rc = bound(m, q, v, n, st);
	if (rc == WN_OK && !wn_db_row(m->db, *st, "import the file", &rc, m->err)) {
		sqlite3_reset(*st);
		*st = NULL;
	}
	return rc;
}

int wn_imp_refuse(struct wn_imp *m, const char *where, const struct wn_err *why)
{
	char msg[WN_ERR_MSG];
	snprintf(msg, sizeof msg, "%s", why->msg);
	wn_err_set(m->err, WN_DATAERR, "line %d: %s: %s", m->line, where, msg);
	if (why->hint[0])
		wn_err_hint(m->err, "%s", why->hint);
	return WN_DATAERR;
}

void wn_imp_join(char *out, size_t n, const char *const *parts, size_t k)
{
	size_t used = 0;
	for (size_t i = 0; i < k && used + 1 < n; i++) {
		size_t len = strlen(parts[i]);
		if (len > n - 1 - used)
			len = n - 1 - used;
		memcpy(out + used, parts[i], len);
		used += len;
	}
	out[used] = '\0';
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

/* ---- names ---------------------------------------------------------------------- */

/* Every candidate of a kind, the name in column 1 (wn_db_find_name). */
static const char *const q_names[] = {
	[WN_IMP_SYMPTOM] = "SELECT id, name, CASE WHEN hidden = 1 THEN hidden_on END,"
	                   " NULL, NULL, NULL FROM symptom ORDER BY id",
	[WN_IMP_METRIC] = "SELECT id, name, NULL, min, max, NULL FROM metric_def ORDER BY id",
	[WN_IMP_MED] = "SELECT id, name, CASE WHEN archived = 1 THEN archived_on END,"
	               " NULL, NULL, unit FROM medication ORDER BY id",
};

static double col_num(sqlite3_stmt *st, int col)
{
	return sqlite3_column_type(st, col) == SQLITE_NULL ? NAN : sqlite3_column_double(st, col);
}

static int read_name(sqlite3_stmt *st, void *item)
{
	struct wn_imp_name *n = item;
	n->id = (long)sqlite3_column_int64(st, 0);
	wn_db_col_copy(st, 1, n->shown, sizeof n->shown);
	n->since = wn_db_col_date(st, 2);
	n->min = col_num(st, 3);
	n->max = col_num(st, 4);
	wn_db_col_copy(st, 5, n->unit, sizeof n->unit);
	return 0;
}

/* Looks name up in the diary into *n (whose name is set). */
static int look_up(struct wn_imp *m, enum wn_imp_kind kind, struct wn_imp_name *n)
{
	struct wn_db_match q = { .sql = q_names[kind], .name = n->name,
	                         .rows = { sizeof *n, read_name, "import the names" } };
	struct wn_imp_name found;
	int rc = wn_db_find_name(m->db, &q, &found, m->err);
	if (rc == WN_NOINPUT) {
		n->id = -1;
		n->since = WN_DATE_NONE;
		return WN_OK;
	}
	if (rc == WN_OK) {
		found.kind = (int)kind;
		found.name = n->name;
		found.len = n->len;
		*n = found;
	}
	return rc;
}

/* *out is a copy of *n, without the name (which the cache owns). */
static int copy_out(const struct wn_imp_name *n, struct wn_imp_name *out)
{
	*out = *n;
	out->name = NULL;
	return WN_OK;
}

int wn_imp_name(struct wn_imp *m, enum wn_imp_kind kind, const char *name,
                size_t len, struct wn_imp_name *out)
{
	for (size_t i = 0; i < m->n_names; i++) {
		const struct wn_imp_name *k = &m->names[i];
		if (k->kind == (int)kind && k->len == len && memcmp(k->name, name, len) == 0)
			return copy_out(k, out);
	}
	if (m->n_names == WN_IMP_NAME_CACHE)
		wn_imp_names_forget(m);
	struct wn_imp_name *n = &m->names[m->n_names];
	*n = (struct wn_imp_name){ .kind = (int)kind, .len = len, .name = malloc(len + 1) };
	if (!n->name)
		return wn_err_set(m->err, WN_ERR, "out of memory");
	memcpy(n->name, name, len);
	n->name[len] = '\0';
	int rc = look_up(m, kind, n);
	if (rc != WN_OK) {
		free(n->name);
		return rc;
	}
	m->n_names++;
	return copy_out(n, out);
}

void wn_imp_names_forget(struct wn_imp *m)
{
	for (size_t i = 0; i < m->n_names; i++)
		free(m->names[i].name);
	m->n_names = 0;
}

/* ---- entry ---------------------------------------------------------------------- */

/* The place of s among names[0..n), or -1. */
static int word_of(const char *s, const char *const *names, int n)
{
	for (int i = 0; i < n; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

bool wn_import_format_parse(const char *s, enum wn_import_format *out)
{
	static const char *const names[] = { "json", "csv", "daylio", "table" };
	int i = word_of(s, names, 4);
	if (i >= 0)
		*out = (enum wn_import_format)i;
	return i >= 0;
}

bool wn_import_rule_parse(const char *s, enum wn_import_rule *out)
{
	static const char *const names[] = { "keep", "replace", "append" };
	int i = word_of(s, names, 3);
	if (i >= 0)
		*out = (enum wn_import_rule)i;
	return i >= 0;
}

static int read_failed(const struct wn_reader *r, struct wn_err *err)
{
	return wn_err_set(err, WN_IOERR, "cannot read the file: %s", strerror(r->error));
}

/* Newlines in s[0..n). */
static int lines_in(const char *s, size_t n)
{
	int k = 0;
	for (const char *e = s + n; (s = memchr(s, '\n', (size_t)(e - s))) != NULL; s++)
		k++;
	return k;
}

/* The whole text valid UTF-8 (else the line of the first bad byte), then
 * without a NUL byte: read once, a window at a time, before the parse. */
static int check_text(struct wn_reader *r, struct wn_err *err)
{
	int line = 1, nul_line = 0;
	if (!wn_reader_seek(r, 0))
		return read_failed(r, err);
	for (;;) {
		if (!wn_reader_need(r, 4))
			return read_failed(r, err);
		if (r->pos == r->len)
			break;
		const char *s = r->s + r->pos;
		size_t n = wn_reader_whole(r) - r->pos;
		size_t bad = wn_text_utf8_error(s, n);
		if (bad < n)
			return wn_err_set(err, WN_DATAERR, "line %d: invalid UTF-8 (byte 0x%02x)",
			                  line + lines_in(s, bad), (unsigned char)s[bad]);
		const char *nul = nul_line ? NULL : memchr(s, '\0', n);
		if (nul)
			nul_line = line + lines_in(s, (size_t)(nul - s));
		line += lines_in(s, n);
		r->pos += n;
	}
	if (nul_line)
		return wn_err_set(err, WN_DATAERR, "line %d: a NUL byte", nul_line);
	return WN_OK;
}

/* Messages quote names and values from the file: make them safe to print
 * (no control, C1 or bidi character, valid UTF-8), as text.h displays. */
static void safe_message(struct wn_err *err)
{
	char safe[sizeof err->msg];
	wn_text_fit(err->msg, INT_MAX, safe, sizeof safe, false);
	memcpy(err->msg, safe, sizeof safe);
	wn_text_fit(err->hint, INT_MAX, safe, sizeof safe, false);
	memcpy(err->hint, safe, sizeof safe);
}

void wn_import_result_free(struct wn_import_result *res)
{
	free(res->listed);
	*res = (struct wn_import_result){ 0 };
}

/* The import in one transaction.  With may_change false, a pass that
 * changed a day the diary had is rolled back and *again set: the whole
 * file was checked, and the backup is to be taken before it is run again. */
static int one_pass(struct wn_db *db, const struct wn_import_opts *o, struct wn_reader *text,
                    struct wn_import_result *res, bool may_change, bool *again,
                    struct wn_err *err)
{
	static int (*const by_format[])(struct wn_imp *, struct wn_reader *) = {
		[WN_IMPORT_JSON] = wn_imp_json, [WN_IMPORT_CSV] = wn_imp_csv,
		[WN_IMPORT_DAYLIO] = wn_imp_daylio, [WN_IMPORT_TABLE] = wn_imp_table,
	};
	wn_import_result_free(res);
	struct wn_imp m = { .db = db, .o = o, .res = res, .err = err, .may_change = may_change,
	                    .today = wn_date_today(),
	                    .seen = calloc(WN_VALID_SPAN_DAYS / 8 + 1, 1) };
	if (!m.seen)
		return wn_err_set(err, WN_ERR, "out of memory");
	int rc = wn_db_begin(db, err);
	if (rc == WN_OK) {
		/* the search index is written once, at the end (db_int.h) */
		rc = wn_db_index_defer(db, err);
		if (rc == WN_OK)
			rc = by_format[o->format](&m, text);
		*again = rc == WN_OK && m.want_backup;
		if (rc == WN_OK && !o->dry_run && !*again)
			rc = wn_db_index_write(db, err);
		if (rc != WN_OK || o->dry_run || *again)
			wn_db_rollback(db);
		else
			rc = wn_db_commit(db, err);
	}
	wn_imp_names_forget(&m);
	free(m.seen);
	return rc;
}

/* The text checked, imported once, and again after the backup when the
 * first pass would change days the diary has. */
static int import_all(struct wn_db *db, const struct wn_import_opts *o, struct wn_reader *text,
                      struct wn_import_result *res, struct wn_err *err)
{
	int rc = check_text(text, err);
	bool again = false;
	if (rc == WN_OK)
		rc = one_pass(db, o, text, res, o->dry_run || !o->backup, &again, err);
	if (rc == WN_OK && again) {
		rc = o->backup(o->backup_ctx, err);
		if (rc == WN_OK)
			rc = one_pass(db, o, text, res, true, &again, err);
		res->backed_up = rc == WN_OK;
	}
	if (rc != WN_OK && err)
		safe_message(err);
	return rc;
}

static int too_large(unsigned long long size, struct wn_err *err)
{
	wn_err_set(err, WN_DATAERR, "the file is larger than %u MiB (%.1f MiB); nothing was"
	           " read", WN_IMPORT_MAX_BYTES >> 20, (double)size / (1024.0 * 1024.0));
	wn_err_hint(err, "import it in parts: each year of an export is a file of its own"
	            " with 'wean export --from DATE --to DATE'");
	return WN_DATAERR;
}

int wn_import_text(struct wn_db *db, const struct wn_import_opts *o,
                   const char *text, size_t len, struct wn_import_result *res,
                   struct wn_err *err)
{
	*res = (struct wn_import_result){ 0 };
	if (len > WN_IMPORT_MAX_BYTES)
		return too_large(len, err);
	struct wn_reader r;
	wn_reader_mem(&r, text, len);
	return import_all(db, o, &r, res, err);
}

int wn_import_fd(struct wn_db *db, const struct wn_import_opts *o, int fd,
                 struct wn_import_result *res, struct wn_err *err)
{
	struct stat st;
	struct wn_reader r;
	*res = (struct wn_import_result){ 0 };
	if (fstat(fd, &st) != 0)
		return wn_err_set(err, WN_IOERR, "cannot read the file: %s", strerror(errno));
	if ((unsigned long long)st.st_size > WN_IMPORT_MAX_BYTES)
		return too_large((unsigned long long)st.st_size, err);
	int rc = wn_reader_fd(&r, fd, err);
	if (rc == WN_OK)
		rc = import_all(db, o, &r, res, err);
	wn_reader_free(&r);
	return rc;
}
