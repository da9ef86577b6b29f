/* import.c -- wean JSON / CSV and Daylio CSV into the diary (import.h).
 *
 * JSON is parsed here by a small recursive-descent parser into a tree
 * whose nodes know their line and column (SQLite 3.40 has no
 * json_error_position), then validated field by field and written with
 * prepared statements, all inside one transaction. */
#include "db/import.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/date.h"
#include "core/text.h"
#include "db/db.h"
#include "db_int.h"

#define MAX_DEPTH 64
#define NOTE_MAX 65536
#define NAME_CACHE 128

/* ---- shared ---------------------------------------------------------------- */

static int line_of(const char *s, size_t off)
{
	int line = 1;
	for (size_t i = 0; i < off; i++)
		line += s[i] == '\n';
	return line;
}

struct imp {
	struct wn_db *db;
	sqlite3 *sql;
	const struct wn_import_opts *o;
	struct wn_import_result *res;
	struct wn_err *err;
	sqlite3_stmt *cache_st[48];
	const char *cache_q[48];
	int line;                      /* of the record being written */
	struct name_id {               /* names already looked up */
		const char *q;
		char *name;
		size_t len;
		long id;
	} names[NAME_CACHE];
	size_t n_names;
};

static int sqlfail(struct imp *m, const char *what)
{
	int rc = sqlite3_errcode(m->sql) & 0xff;
	if (rc == SQLITE_CONSTRAINT)
		return wn_err_set(m->err, WN_DATAERR, "line %d: %s: the diary refused it (%s)",
		                  m->line, what, sqlite3_errmsg(m->sql));
	return wn_err_set(m->err, rc == SQLITE_BUSY || rc == SQLITE_LOCKED ? WN_TEMPFAIL :
	                  WN_IOERR, "cannot write the diary: %s", sqlite3_errmsg(m->sql));
}

/* A prepared statement for q (a static string), reset and unbound. */
static sqlite3_stmt *stmt(struct imp *m, const char *q)
{
	size_t i = 0;
	while (i < 48 && m->cache_q[i] && m->cache_q[i] != q)
		i++;
	if (i == 48)
		return NULL;
	if (!m->cache_q[i]) {
		if (sqlite3_prepare_v2(m->sql, q, -1, &m->cache_st[i], NULL) != SQLITE_OK)
			return NULL;
		m->cache_q[i] = q;
	}
	sqlite3_reset(m->cache_st[i]);
	sqlite3_clear_bindings(m->cache_st[i]);
	return m->cache_st[i];
}

static void cache_free(struct imp *m)
{
	for (size_t i = 0; i < 48 && m->cache_q[i]; i++)
		sqlite3_finalize(m->cache_st[i]);
	for (size_t i = 0; i < m->n_names; i++)
		free(m->names[i].name);
}

/* Runs st to completion; WN_OK or an error naming what. */
static int run(struct imp *m, sqlite3_stmt *st, const char *what)
{
	if (!st)
		return sqlfail(m, what);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		;
	return rc == SQLITE_DONE ? WN_OK : sqlfail(m, what);
}

/* First column of the first row as an integer; -1 when none. */
static long long scalar(struct imp *m, sqlite3_stmt *st)
{
	long long v = -1;
	if (st && sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		v = sqlite3_column_int64(st, 0);
	if (st)
		sqlite3_reset(st);
	(void)m;
	return v;
}

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

/* Counts the day as added or updated and, with replace, empties it. */
static int day_begin(struct imp *m, const char *date)
{
	sqlite3_stmt *st = stmt(m, q_day_exists);
	if (!st)
		return sqlfail(m, "date");
	sqlite3_bind_text(st, 1, date, -1, SQLITE_TRANSIENT);
	bool had = scalar(m, st) == 1;
	if (had)
		m->res->updated++;
	else
		m->res->added++;
	for (size_t i = 0; had && m->o->replace && i < 6; i++) {
		st = stmt(m, q_day_delete[i]);
		if (st)
			sqlite3_bind_text(st, 1, date, -1, SQLITE_TRANSIENT);
		int rc = run(m, st, "date");
		if (rc != WN_OK)
			return rc;
	}
	return WN_OK;
}

static bool valid_date(const char *s, size_t len)
{
	wn_date d;
	char buf[WN_DATE_STRLEN];
	if (len != 10)
		return false;
	memcpy(buf, s, 10);
	buf[10] = '\0';
	return wn_date_parse_iso(buf, &d, NULL) == WN_OK;
}

static const char q_ci_ensure[] =
	"INSERT INTO checkin(date) VALUES (?1) ON CONFLICT(date) DO NOTHING";

/* Setting one check-in column: index into this table. */
enum ci_col { CI_MOOD, CI_ANXIETY, CI_ENERGY, CI_SLEEP, CI_FLAG, CI_NOTE,
	      CI_CREATED, CI_UPDATED, CI_N };
static const char *const q_ci_set[CI_N] = {
	"UPDATE checkin SET mood = ?2 WHERE date = ?1",
	"UPDATE checkin SET anxiety = ?2 WHERE date = ?1",
	"UPDATE checkin SET energy = ?2 WHERE date = ?1",
	"UPDATE checkin SET sleep = ?2 WHERE date = ?1",
	"UPDATE checkin SET flag = ?2 WHERE date = ?1",
	"UPDATE checkin SET note = ?2 WHERE date = ?1",
	"UPDATE checkin SET created = ?2 WHERE date = ?1",
	"UPDATE checkin SET updated = ?2 WHERE date = ?1",
};

/* A typed value for one column: NULL when null. */
struct val { int type; double num; const char *s; size_t len; };   /* SQLITE_* */

static void bind_val(sqlite3_stmt *st, int i, const struct val *v)
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

/* Makes sure the check-in row of date exists (call before ci_set). */
static int ci_ensure(struct imp *m, const char *date)
{
	sqlite3_stmt *st = stmt(m, q_ci_ensure);
	if (st)
		sqlite3_bind_text(st, 1, date, -1, SQLITE_TRANSIENT);
	return run(m, st, "checkin");
}

static int ci_set(struct imp *m, const char *date, enum ci_col c, const struct val *v)
{
	sqlite3_stmt *st = stmt(m, q_ci_set[c]);
	if (st) {
		sqlite3_bind_text(st, 1, date, -1, SQLITE_TRANSIENT);
		bind_val(st, 2, v);
	}
	return run(m, st, "checkin");
}

/* The id of a symptom, metric or medication by name (q says which); -1
 * when there is none.  Ids found are kept: within an import a name's row
 * is only ever updated in place, never deleted. */
static long name_id(struct imp *m, const char *q, const char *name, size_t len)
{
	for (size_t i = 0; i < m->n_names; i++) {
		const struct name_id *k = &m->names[i];
		if (k->q == q && k->len == len && memcmp(k->name, name, len) == 0)
			return k->id;
	}
	sqlite3_stmt *st = stmt(m, q);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, name, (int)len, SQLITE_TRANSIENT);
	long id = (long)scalar(m, st);
	char *copy = id >= 0 && m->n_names < NAME_CACHE ? malloc(len + 1) : NULL;
	if (copy) {
		memcpy(copy, name, len);
		copy[len] = '\0';
		m->names[m->n_names++] = (struct name_id){ q, copy, len, id };
	}
	return id;
}

static const char q_sym_id[] = "SELECT id FROM symptom WHERE name = ?1";
static const char q_met_id[] = "SELECT id FROM metric_def WHERE name = ?1";
static const char q_med_id[] = "SELECT id FROM medication WHERE name = ?1";
/* Upserts rather than INSERT OR REPLACE: the same rows, without a delete
 * and a second insert when the row is there (and cheaper when not). */
static const char q_rating[] =
	"INSERT INTO rating(date, symptom_id, value) VALUES (?1, ?2, ?3)"
	" ON CONFLICT(date, symptom_id) DO UPDATE SET value = excluded.value";
static const char q_metric[] =
	"INSERT INTO metric_value(date, metric_id, value) VALUES (?1, ?2, ?3)"
	" ON CONFLICT(date, metric_id) DO UPDATE SET value = excluded.value";

/* ---- JSON: parsing ------------------------------------------------------------ */

enum jt { J_NULL, J_BOOL, J_NUM, J_STR, J_ARR, J_OBJ };

struct jv {
	enum jt t;
	int line;
	bool is_int;             /* a number written without '.', 'e' */
	double num;
	char *s; size_t len;     /* J_STR (decoded, NUL-terminated) */
	struct jv *kid; size_t n, cap;   /* J_ARR, J_OBJ */
	char **key;              /* J_OBJ: key[i] of kid[i] */
};

/* Where the root object's "days" array starts: its days are checked for
 * syntax with the rest of the text, then parsed and written one at a
 * time, so that memory does not grow with the number of days. */
struct jdays {
	bool found;
	size_t pos, line_start;   /* at its '[' */
	int line;
};

struct jp {
	const char *s;
	size_t len, pos;
	int line;
	size_t line_start;
	struct wn_err *err;
	bool skim;               /* check the syntax only: build no tree */
	struct wn_buf str;       /* the string being decoded */
	struct jdays days;
};

static void jv_free(struct jv *v)
{
	for (size_t i = 0; i < v->n; i++) {
		jv_free(&v->kid[i]);
		if (v->key)
			free(v->key[i]);
	}
	free(v->kid);
	free(v->key);
	free(v->s);
}

static int jp_fail(struct jp *p, const char *what)
{
	return wn_err_set(p->err, WN_DATAERR, "line %d, column %zu: %s", p->line,
	                  p->pos - p->line_start + 1, what);
}

static void jp_ws(struct jp *p)
{
	while (p->pos < p->len && strchr(" \t\r\n", p->s[p->pos]) && p->s[p->pos]) {
		if (p->s[p->pos] == '\n') {
			p->line++;
			p->line_start = p->pos + 1;
		}
		p->pos++;
	}
}

static int hex4(const char *s, long *out)
{
	*out = 0;
	for (int i = 0; i < 4; i++) {
		int c = s[i], d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ?
			c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
		if (d < 0)
			return -1;
		*out = *out * 16 + d;
	}
	return 0;
}

static int jp_escape(struct jp *p, struct wn_buf *b)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	char c = p->pos < p->len ? p->s[p->pos] : '\0';
	const char *k = c ? strchr(from, c) : NULL;
	if (k) {
		p->pos++;
		return wn_buf_addc(b, to[k - from]);
	}
	long cp, lo;
	if (c != 'u' || p->pos + 5 > p->len || hex4(p->s + p->pos + 1, &cp))
		return jp_fail(p, "a bad escape in a string");
	p->pos += 5;
	if (cp >= 0xD800 && cp < 0xDC00) {
		if (p->pos + 6 > p->len || p->s[p->pos] != '\\' || p->s[p->pos + 1] != 'u' ||
		    hex4(p->s + p->pos + 2, &lo) || lo < 0xDC00 || lo > 0xDFFF)
			return jp_fail(p, "a lone surrogate escape in a string");
		p->pos += 6;
		cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
	}
	char out[4];
	size_t n = wn_text_encode((int32_t)cp, out);
	if (n == 0)
		return jp_fail(p, "a lone surrogate escape in a string");
	return wn_buf_add(b, out, n);
}

/* A string into p->str (reused from string to string); a copy in *out
 * unless skimming. */
static int jp_string(struct jp *p, char **out, size_t *len)
{
	struct wn_buf *b = &p->str;
	wn_buf_reset(b);
	p->pos++;                                    /* the quote */
	int rc = WN_OK;
	while (rc == WN_OK) {
		if (p->pos >= p->len) {
			rc = jp_fail(p, "the text ends inside a string");
			break;
		}
		unsigned char c = (unsigned char)p->s[p->pos];
		if (c == '"') {
			p->pos++;
			break;
		}
		if (c < 0x20) {
			rc = jp_fail(p, "a control character inside a string (write it as \\n, \\t, ...)");
			break;
		}
		if (c == '\\') {
			p->pos++;
			rc = jp_escape(p, b);
			continue;
		}
		/* plain bytes up to the next quote, escape or control byte */
		size_t end = p->pos + 1;
		while (end < p->len && p->s[end] != '"' && p->s[end] != '\\' &&
		       (unsigned char)p->s[end] >= 0x20)
			end++;
		rc = wn_buf_add(b, p->s + p->pos, end - p->pos);
		p->pos = end;
	}
	if (rc == WN_OK && b->failed)
		rc = wn_err_set(p->err, WN_ERR, "out of memory");
	if (rc != WN_OK || p->skim)
		return rc;
	*len = b->len;
	*out = malloc(b->len + 1);
	if (!*out)
		return wn_err_set(p->err, WN_ERR, "out of memory");
	memcpy(*out, b->s, b->len + 1);
	return WN_OK;
}

static int jp_number(struct jp *p, struct jv *v)
{
	size_t i = p->pos;
	const char *s = p->s;
	if (i < p->len && s[i] == '-')
		i++;
	size_t d0 = i;
	while (i < p->len && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i == d0 || (s[d0] == '0' && i - d0 > 1))
		return jp_fail(p, "a malformed number");
	v->is_int = true;
	if (i < p->len && s[i] == '.') {
		size_t f0 = ++i;
		while (i < p->len && s[i] >= '0' && s[i] <= '9')
			i++;
		if (i == f0)
			return jp_fail(p, "a malformed number");
		v->is_int = false;
	}
	if (i < p->len && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < p->len && (s[i] == '+' || s[i] == '-'))
			i++;
		size_t e0 = i;
		while (i < p->len && s[i] >= '0' && s[i] <= '9')
			i++;
		if (i == e0)
			return jp_fail(p, "a malformed number");
		v->is_int = false;
	}
	char buf[64];
	if (i - p->pos >= sizeof buf)
		return jp_fail(p, "a number with too many digits");
	memcpy(buf, s + p->pos, i - p->pos);
	buf[i - p->pos] = '\0';
	v->t = J_NUM;
	v->num = strtod(buf, NULL);
	p->pos = i;
	return isfinite(v->num) ? WN_OK : jp_fail(p, "a number out of range");
}

static int jp_value(struct jp *p, struct jv *v, int depth);

/* The root object's first "days" array: its place is kept and its days
 * are checked without building them; the tree gets an empty array. */
static int jp_days(struct jp *p, struct jv *v, int depth)
{
	jp_ws(p);
	if (p->days.found || p->pos >= p->len || p->s[p->pos] != '[')
		return jp_value(p, v, depth);
	p->days = (struct jdays){ .found = true, .pos = p->pos,
	                          .line_start = p->line_start, .line = p->line };
	p->skim = true;
	int rc = jp_value(p, v, depth);
	p->skim = false;
	return rc;
}

static int jp_push(struct jp *p, struct jv *v, char *key, struct jv *kid)
{
	if (p->skim)
		return WN_OK;             /* nothing was built */
	if (v->n == v->cap) {
		size_t nc = v->cap ? v->cap * 2 : 4;
		struct jv *k = realloc(v->kid, nc * sizeof *k);
		if (k)
			v->kid = k;
		char **ks = k && v->t == J_OBJ ? realloc(v->key, nc * sizeof *ks) : NULL;
		if (ks)
			v->key = ks;
		if (!k || (v->t == J_OBJ && !ks)) {
			free(key);
			jv_free(kid);
			return wn_err_set(p->err, WN_ERR, "out of memory");
		}
		v->cap = nc;
	}
	v->kid[v->n] = *kid;
	if (v->t == J_OBJ)
		v->key[v->n] = key;
	v->n++;
	return WN_OK;
}

/* "key" : -- the key of an object member. */
static int jp_key(struct jp *p, char **key, size_t *klen)
{
	jp_ws(p);
	if (p->pos >= p->len || p->s[p->pos] != '"')
		return jp_fail(p, p->pos >= p->len ? "the text ends too early"
		               : "expected a key in double quotes");
	int rc = jp_string(p, key, klen);
	if (rc != WN_OK)
		return rc;
	jp_ws(p);
	if (p->pos >= p->len || p->s[p->pos] != ':') {
		free(*key);
		*key = NULL;
		return jp_fail(p, "expected ':' after a key");
	}
	p->pos++;
	return WN_OK;
}

static int jp_members(struct jp *p, struct jv *v, int depth)
{
	bool obj = v->t == J_OBJ;
	char close = obj ? '}' : ']';
	p->pos++;
	jp_ws(p);
	if (p->pos < p->len && p->s[p->pos] == close) {
		p->pos++;
		return WN_OK;
	}
	for (;;) {
		char *key = NULL;
		size_t klen;
		struct jv kid = { 0 };
		int rc;
		if (obj && (rc = jp_key(p, &key, &klen)) != WN_OK)
			return rc;
		if (obj && depth == 0 && !p->skim && strcmp(key, "days") == 0)
			rc = jp_days(p, &kid, depth + 1);
		else
			rc = jp_value(p, &kid, depth + 1);
		if (rc == WN_OK)
			rc = jp_push(p, v, key, &kid);
		else {
			free(key);
			jv_free(&kid);
		}
		if (rc != WN_OK)
			return rc;
		jp_ws(p);
		if (p->pos < p->len && p->s[p->pos] == ',') {
			p->pos++;
			continue;
		}
		if (p->pos < p->len && p->s[p->pos] == close) {
			p->pos++;
			return WN_OK;
		}
		return jp_fail(p, p->pos >= p->len ? "the text ends too early (truncated?)" :
		               obj ? "expected ',' or '}'" : "expected ',' or ']'");
	}
}

static int jp_word(struct jp *p, const char *w, struct jv *v, enum jt t, bool b)
{
	size_t n = strlen(w);
	if (p->len - p->pos < n || memcmp(p->s + p->pos, w, n) != 0)
		return jp_fail(p, "expected a value");
	p->pos += n;
	v->t = t;
	v->num = b;
	return WN_OK;
}

static int jp_value(struct jp *p, struct jv *v, int depth)
{
	jp_ws(p);
	v->line = p->line;
	if (depth > MAX_DEPTH)
		return jp_fail(p, "nested too deeply");
	if (p->pos >= p->len)
		return jp_fail(p, "the text ends too early (truncated?)");
	char c = p->s[p->pos];
	switch (c) {
	case '{': v->t = J_OBJ; return jp_members(p, v, depth);
	case '[': v->t = J_ARR; return jp_members(p, v, depth);
	case '"': v->t = J_STR; return jp_string(p, &v->s, &v->len);
	case 't': return jp_word(p, "true", v, J_BOOL, true);
	case 'f': return jp_word(p, "false", v, J_BOOL, false);
	case 'n': return jp_word(p, "null", v, J_NULL, false);
	}
	if (c == '-' || (c >= '0' && c <= '9'))
		return jp_number(p, v);
	return jp_fail(p, "expected a value");
}

/* Parses the whole text (the days of the root's "days" are only checked:
 * see struct jdays).  p is initialised here; free p->str after use. */
static int json_parse(struct jp *p, const char *s, size_t len, struct jv *root,
                      struct wn_err *err)
{
	*p = (struct jp){ .s = s, .len = len, .line = 1, .err = err };
	wn_buf_init(&p->str);
	int rc = jp_value(p, root, 0);
	if (rc == WN_OK) {
		jp_ws(p);
		if (p->pos < p->len)
			rc = jp_fail(p, "text after the end of the JSON value");
	}
	return rc;
}

/* ---- JSON: typed fields --------------------------------------------------------- */

static const struct jv *jget(const struct jv *o, const char *key)
{
	for (size_t i = 0; o->t == J_OBJ && i < o->n; i++)
		if (strcmp(o->key[i], key) == 0)
			return &o->kid[i];
	return NULL;
}

/* Field spec: kind, range, and whether null / absence is allowed. */
enum fk { F_INT, F_REAL, F_TEXT, F_DATE, F_STAMP, F_NAME };
struct fs { const char *key; enum fk k; double min, max; bool nullable, required; };

static int field_err(struct imp *m, const struct jv *v, const char *where,
                     const struct fs *f, const char *what)
{
	return wn_err_set(m->err, WN_DATAERR, "line %d: %s.%s: %s", v ? v->line : m->line,
	                  where, f->key, what);
}

/* Reads field f of object o into *out (type SQLITE_NULL when null or
 * absent); *present tells whether the key was there. */
static int field(struct imp *m, const struct jv *o, const char *where,
                 const struct fs *f, struct val *out, bool *present)
{
	const struct jv *v = jget(o, f->key);
	char msg[96];
	*out = (struct val){ .type = SQLITE_NULL };
	if (present)
		*present = v != NULL;
	if (!v || v->t == J_NULL)
		return (!v && f->required) || (v && !f->nullable) ?
			field_err(m, v, where, f, v ? "must not be null" : "is missing") : WN_OK;
	if (f->k == F_INT || f->k == F_REAL) {
		if (v->t != J_NUM || (f->k == F_INT && v->num != floor(v->num)) ||
		    v->num < f->min || v->num > f->max) {
			snprintf(msg, sizeof msg, "expected %s from %g to %g",
			         f->k == F_INT ? "a whole number" : "a number", f->min, f->max);
			return field_err(m, v, where, f, msg);
		}
		*out = (struct val){ .type = f->k == F_INT ? SQLITE_INTEGER : SQLITE_FLOAT,
		                     .num = v->num };
		return WN_OK;
	}
	if (v->t != J_STR)
		return field_err(m, v, where, f, "expected text in double quotes");
	size_t max = f->max > 0 ? (size_t)f->max : NOTE_MAX;
	if (f->k == F_DATE && !valid_date(v->s, v->len))
		return field_err(m, v, where, f, "expected a real date YYYY-MM-DD");
	if (f->k == F_STAMP && (v->len != 19 || !valid_date(v->s, 10)))
		return field_err(m, v, where, f, "expected a time YYYY-MM-DD HH:MM:SS");
	if (f->k == F_NAME && wn_text_check_name(v->s, NULL, 0, NULL) != WN_OK)
		return field_err(m, v, where, f, "expected a name (1 to 64 bytes, no control characters)");
	if (v->len > max || (v->len == 0 && f->min > 0)) {
		snprintf(msg, sizeof msg, "expected text of %g to %zu bytes", f->min, max);
		return field_err(m, v, where, f, msg);
	}
	if (f->k == F_TEXT && wn_text_check_note(v->s, v->len, max, NULL) != WN_OK)
		return field_err(m, v, where, f, "contains a control character");
	*out = (struct val){ .type = SQLITE_TEXT, .s = v->s, .len = v->len };
	return WN_OK;
}

/* Reads n fields into vals[]; present may be NULL. */
static int fields(struct imp *m, const struct jv *o, const char *where,
                  const struct fs *f, size_t n, struct val *vals, bool *present)
{
	if (o->t != J_OBJ)
		return wn_err_set(m->err, WN_DATAERR, "line %d: %s: expected an object {...}",
		                  o->line, where);
	m->line = o->line;
	for (size_t i = 0; i < n; i++) {
		int rc = field(m, o, where, &f[i], &vals[i], present ? &present[i] : NULL);
		if (rc != WN_OK)
			return rc;
	}
	return WN_OK;
}

static int bind_run(struct imp *m, const char *q, const struct val *v, size_t n,
                    const char *what)
{
	sqlite3_stmt *st = stmt(m, q);
	for (size_t i = 0; st && i < n; i++)
		bind_val(st, (int)i + 1, &v[i]);
	return run(m, st, what);
}

static const struct jv *jarr(struct imp *m, const struct jv *root, const char *key, int *rc)
{
	const struct jv *a = jget(root, key);
	*rc = WN_OK;
	if (!a)
		return NULL;
	if (a->t != J_ARR)
		*rc = wn_err_set(m->err, WN_DATAERR, "line %d: %s: expected an array [...]",
		                 a->line, key);
	return a;
}

/* ---- JSON: sections ---------------------------------------------------------------- */

#define TEXT_OR_NULL(k, max) { k, F_TEXT, 0, max, true, false }
#define FLAG01(k) { k, F_INT, 0, 1, false, false }
#define STAMP(k) { k, F_STAMP, 0, 19, false, false }

static const struct fs sym_fs[] = {
	{ "name", F_NAME, 1, 64, false, true }, { "group", F_TEXT, 0, 32, false, false },
	{ "source", F_INT, 0, 2, false, false }, FLAG01("hidden"),
	{ "hidden_on", F_DATE, 0, 10, true, false }, { "first_seen", F_DATE, 0, 10, true, false },
	FLAG01("preexisting"), { "sort", F_INT, -1e9, 1e9, false, false },
};
static const char q_sym[] =
	"INSERT INTO symptom(name, grp, source, hidden, hidden_on, first_seen, preexisting, sort)"
	" VALUES (?1, ifnull(?2, 'other'), ifnull(?3, 2), ifnull(?4, 0), ?5, ?6, ifnull(?7, 0),"
	" ifnull(?8, 0)) ON CONFLICT(name) DO UPDATE SET grp = excluded.grp,"
	" source = excluded.source, hidden = excluded.hidden, hidden_on = excluded.hidden_on,"
	" first_seen = excluded.first_seen, preexisting = excluded.preexisting,"
	" sort = excluded.sort";

static const struct fs met_fs[] = {
	{ "name", F_NAME, 1, 31, false, true }, { "min", F_REAL, -1e15, 1e15, true, false },
	{ "max", F_REAL, -1e15, 1e15, true, false }, FLAG01("higher_better"),
};
static const char q_met[] =
	"INSERT INTO metric_def(name, min, max, higher_better) VALUES (?1, ?2, ?3, ifnull(?4, 1))"
	" ON CONFLICT(name) DO UPDATE SET min = excluded.min, max = excluded.max,"
	" higher_better = excluded.higher_better";

static const struct fs med_fs[] = {
	{ "name", F_NAME, 1, 64, false, true }, { "unit", F_TEXT, 1, 15, false, false },
	{ "drug_key", F_TEXT, 0, 64, true, false }, STAMP("created"), FLAG01("archived"),
	{ "archived_on", F_DATE, 0, 10, true, false },
};
static const char q_med[] =
	"INSERT INTO medication(name, unit, drug_key, created, archived, archived_on)"
	" VALUES (?1, ifnull(?2, 'mg'), ?3, ifnull(?4, strftime('%Y-%m-%d %H:%M:%S', 'now')),"
	" ifnull(?5, 0), ?6) ON CONFLICT(name) DO UPDATE SET unit = excluded.unit,"
	" drug_key = excluded.drug_key, created = excluded.created,"
	" archived = excluded.archived, archived_on = excluded.archived_on";

static const struct fs form_fs[] = {
	{ "kind", F_INT, 0, 4, false, true }, { "strength", F_REAL, 0, 99999.999, false, false },
	{ "divisible", F_INT, 1, 4, false, false }, { "conc", F_REAL, 0, 99999.999, false, false },
	{ "beads", F_INT, 0, 100000, false, false }, { "label", F_TEXT, 0, 63, false, false },
};
static const char q_form[] =
	"INSERT INTO med_form(med_id, kind, strength, divisible, conc, beads, label)"
	" SELECT ?7, ?1, ifnull(?2, 0), ifnull(?3, 1), ifnull(?4, 0), ifnull(?5, 0), ifnull(?6, '')"
	" WHERE NOT EXISTS (SELECT 1 FROM med_form WHERE med_id = ?7 AND kind = ?1"
	" AND strength = ifnull(?2, 0) AND divisible = ifnull(?3, 1) AND conc = ifnull(?4, 0)"
	" AND beads = ifnull(?5, 0) AND label = ifnull(?6, ''))";

static int import_list(struct imp *m, const struct jv *root, const char *key,
                       int (*each)(struct imp *, const struct jv *, const char *))
{
	int rc;
	const struct jv *a = jarr(m, root, key, &rc);
	for (size_t i = 0; a && rc == WN_OK && i < a->n; i++) {
		char where[64];
		snprintf(where, sizeof where, "%s[%zu]", key, i);
		m->line = a->kid[i].line;
		rc = each(m, &a->kid[i], where);
	}
	return rc;
}

static int simple_row(struct imp *m, const struct jv *o, const char *where,
                      const struct fs *f, size_t n, const char *q)
{
	struct val v[8];
	int rc = fields(m, o, where, f, n, v, NULL);
	return rc == WN_OK ? bind_run(m, q, v, n, where) : rc;
}

static int one_symptom(struct imp *m, const struct jv *o, const char *where)
{
	return simple_row(m, o, where, sym_fs, 8, q_sym);
}

static int one_metric(struct imp *m, const struct jv *o, const char *where)
{
	return simple_row(m, o, where, met_fs, 4, q_met);
}

static int one_med(struct imp *m, const struct jv *o, const char *where)
{
	struct val v[8];
	int rc = fields(m, o, where, med_fs, 6, v, NULL);
	if (rc == WN_OK)
		rc = bind_run(m, q_med, v, 6, where);
	long id = rc == WN_OK ? name_id(m, q_med_id, v[0].s, v[0].len) : -1;
	const struct jv *forms = jget(o, "forms");
	if (rc == WN_OK && forms && forms->t != J_ARR)
		return wn_err_set(m->err, WN_DATAERR, "line %d: %s.forms: expected an array",
		                  forms->line, where);
	for (size_t i = 0; rc == WN_OK && forms && i < forms->n; i++) {
		char w[96];
		snprintf(w, sizeof w, "%s.forms[%zu]", where, i);
		rc = fields(m, &forms->kid[i], w, form_fs, 6, v, NULL);
		v[6] = (struct val){ .type = SQLITE_INTEGER, .num = (double)id };
		if (rc == WN_OK)
			rc = bind_run(m, q_form, v, 7, w);
	}
	return rc;
}

static const struct fs plan_fs[] = {
	{ "med", F_NAME, 1, 64, false, true },
	{ "method", F_TEXT, 1, 16, false, true }, { "start_date", F_DATE, 0, 10, false, true },
	{ "from_dose", F_REAL, 0, 99999.999, false, true }, { "step", F_REAL, 0, 99999.999, true, false },
	{ "every_days", F_INT, 1, 3650, true, false }, { "round_q", F_REAL, 0, 99999.999, true, false },
	{ "floor_dose", F_REAL, 0, 99999.999, true, false }, { "to_dose", F_REAL, 0, 99999.999, true, false },
	TEXT_OR_NULL("region", 32), STAMP("created"), FLAG01("active"), TEXT_OR_NULL("note", 65536),
};
static const char q_plan[] =
	"INSERT INTO plan(med_id, method, start_date, from_dose, step, every_days, round_q,"
	" floor_dose, to_dose, region, created, active, note) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7,"
	" ?8, ?9, ?10, ifnull(?11, strftime('%Y-%m-%d %H:%M:%S', 'now')), ifnull(?12, 1), ?13"
	" WHERE NOT EXISTS (SELECT 1 FROM plan WHERE med_id = ?1 AND start_date = ?3"
	" AND created IS ?11)";
static const struct fs step_fs[] = {
	{ "date", F_DATE, 0, 10, false, true }, { "dose", F_REAL, 0, 99999.999, false, true },
};
static const char q_step[] =
	"INSERT OR REPLACE INTO plan_step_custom(plan_id, date, dose) VALUES (?3, ?1, ?2)";
static const struct fs hold_fs[] = {
	{ "kind", F_TEXT, 1, 16, false, false }, { "start_date", F_DATE, 0, 10, false, true },
	{ "end_date", F_DATE, 0, 10, true, false }, { "dose", F_REAL, 0, 99999.999, true, false },
	TEXT_OR_NULL("reason", 65536),
};
static const char q_hold[] =
	"INSERT INTO hold(plan_id, kind, start_date, end_date, dose, reason)"
	" VALUES (?6, ifnull(?1, 'hold'), ?2, ?3, ?4, ?5)";

static int plan_children(struct imp *m, const struct jv *o, const char *where, long id)
{
	static const struct { const char *key; const struct fs *f; size_t n; const char *q; } kids[] = {
		{ "custom", step_fs, 2, q_step }, { "holds", hold_fs, 5, q_hold },
	};
	int rc = WN_OK;
	for (size_t k = 0; k < 2 && rc == WN_OK; k++) {
		const struct jv *a = jget(o, kids[k].key);
		if (a && a->t != J_ARR)
			return wn_err_set(m->err, WN_DATAERR, "line %d: %s.%s: expected an array",
			                  a->line, where, kids[k].key);
		for (size_t i = 0; a && rc == WN_OK && i < a->n; i++) {
			char w[96];
			struct val v[8];
			snprintf(w, sizeof w, "%s.%s[%zu]", where, kids[k].key, i);
			rc = fields(m, &a->kid[i], w, kids[k].f, kids[k].n, v, NULL);
			v[kids[k].n] = (struct val){ .type = SQLITE_INTEGER, .num = (double)id };
			if (rc == WN_OK)
				rc = bind_run(m, kids[k].q, v, kids[k].n + 1, w);
		}
	}
	return rc;
}

static int one_plan(struct imp *m, const struct jv *o, const char *where)
{
	struct val v[13];
	int rc = fields(m, o, where, plan_fs, 13, v, NULL);
	if (rc != WN_OK)
		return rc;
	long med = name_id(m, q_med_id, v[0].s, v[0].len);
	if (med < 0)
		return wn_err_set(m->err, WN_DATAERR, "line %d: %s.med: no medication \"%s\""
		                  " (list it under \"medications\")", o->line, where, v[0].s);
	v[0] = (struct val){ .type = SQLITE_INTEGER, .num = (double)med };
	long before = sqlite3_total_changes(m->sql);
	rc = bind_run(m, q_plan, v, 13, where);
	if (rc != WN_OK || sqlite3_total_changes(m->sql) == before)
		return rc;                    /* already there: keep it as it is */
	return plan_children(m, o, where, (long)sqlite3_last_insert_rowid(m->sql));
}

/* ---- JSON: days -------------------------------------------------------------------- */

static const struct fs ci_fs[CI_N] = {
	{ "mood", F_INT, 0, 10, true, false }, { "anxiety", F_INT, 0, 10, true, false },
	{ "energy", F_INT, 0, 10, true, false }, { "sleep", F_REAL, 0, 24, true, false },
	FLAG01("flag"), { "note", F_TEXT, 1, 65536, true, false },
	STAMP("created"), STAMP("updated"),
};

#define CI_NOW "strftime('%Y-%m-%d %H:%M:%S', 'now')"
#define CI_KEEP(col, bit) " " col " = CASE WHEN ?10 & " bit " THEN excluded." col \
	" ELSE " col " END,"

/* A check-in in one statement: ?2..?9 are the columns of ci_fs, ?10 has
 * bit i set when column i was in the file.  Columns not in the file keep
 * their value (or get the default in a new row); "updated" is the file's
 * or else now. */
static const char q_ci_json[] =
	"INSERT INTO checkin(date, mood, anxiety, energy, sleep, flag, note, created,"
	" updated) VALUES (?1, ?2, ?3, ?4, ?5, ifnull(?6, 0), ?7, ifnull(?8, " CI_NOW "),"
	" ifnull(?9, " CI_NOW ")) ON CONFLICT(date) DO UPDATE SET"
	CI_KEEP("mood", "1") CI_KEEP("anxiety", "2") CI_KEEP("energy", "4")
	CI_KEEP("sleep", "8") CI_KEEP("flag", "16") CI_KEEP("note", "32")
	CI_KEEP("created", "64") " updated = excluded.updated";

static int day_checkin(struct imp *m, const struct jv *c, const char *date, const char *where)
{
	struct val v[CI_N];
	bool present[CI_N];
	char w[96];
	snprintf(w, sizeof w, "%s.checkin", where);
	int rc = fields(m, c, w, ci_fs, CI_N, v, present);
	if (rc != WN_OK)
		return rc;
	sqlite3_stmt *st = stmt(m, q_ci_json);
	int mask = 0;
	for (int i = 0; st && i < CI_N; i++) {
		bind_val(st, 2 + i, &v[i]);
		mask |= present[i] ? 1 << i : 0;
	}
	if (st) {
		sqlite3_bind_text(st, 1, date, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(st, 10, mask);
	}
	return run(m, st, w);
}

/* "ratings" / "metrics": {name: number}. */
static int day_values(struct imp *m, const struct jv *o, const char *date,
                      const char *where, bool ratings)
{
	const char *key = ratings ? "ratings" : "metrics";
	if (o->t != J_OBJ)
		return wn_err_set(m->err, WN_DATAERR, "line %d: %s.%s: expected an object {...}",
		                  o->line, where, key);
	for (size_t i = 0; i < o->n; i++) {
		const struct jv *v = &o->kid[i];
		m->line = v->line;
		long id = name_id(m, ratings ? q_sym_id : q_met_id, o->key[i], strlen(o->key[i]));
		if (id < 0)
			return wn_err_set(m->err, WN_DATAERR, "line %d: %s.%s: no %s \"%s\"", v->line,
			                  where, key, ratings ? "symptom" : "metric", o->key[i]);
		if (v->t != J_NUM || (ratings && (v->num != floor(v->num) || v->num < 0 || v->num > 3)))
			return wn_err_set(m->err, WN_DATAERR, "line %d: %s.%s.%s: expected %s", v->line,
			                  where, key, o->key[i], ratings ? "a whole number from 0 to 3" : "a number");
		sqlite3_stmt *st = stmt(m, ratings ? q_rating : q_metric);
		if (st) {
			sqlite3_bind_text(st, 1, date, -1, SQLITE_TRANSIENT);
			sqlite3_bind_int64(st, 2, id);
			if (ratings)
				sqlite3_bind_int(st, 3, (int)v->num);
			else
				sqlite3_bind_double(st, 3, v->num);
		}
		int rc = run(m, st, key);
		if (rc != WN_OK)
			return rc;
	}
	return WN_OK;
}

static const struct fs dose_fs[] = {
	{ "med", F_NAME, 1, 64, false, true }, { "minute", F_INT, 0, 1439, true, false },
	{ "amount", F_REAL, 1e-9, 99999.999, false, true }, STAMP("created"),
};
static const char q_dose[] =
	"INSERT INTO dose(date, med_id, minute, amount, created)"
	" VALUES (?5, ?1, ?2, ?3, ifnull(?4, strftime('%Y-%m-%d %H:%M:%S', 'now')))"
	" ON CONFLICT(date, med_id, ifnull(minute, -1)) DO UPDATE SET"
	" amount = excluded.amount, created = excluded.created";
static const struct fs qn_fs[] = {
	{ "minute", F_INT, 0, 1439, true, false }, { "text", F_TEXT, 1, 65536, false, true },
	STAMP("created"),
};
static const char q_qn[] =
	"INSERT INTO quicknote(date, minute, text, created) SELECT ?4, ?1, ?2,"
	" ifnull(?3, strftime('%Y-%m-%d %H:%M:%S', 'now')) WHERE NOT EXISTS (SELECT 1 FROM"
	" quicknote WHERE date = ?4 AND minute IS ?1 AND text = ?2)";
static const struct fs qu_fs[] = {
	{ "text", F_TEXT, 1, 65536, false, true }, FLAG01("answered"),
	TEXT_OR_NULL("answer", 65536), STAMP("created"),
};
static const char q_qu[] =
	"INSERT INTO question(date, text, answered, answer, created) SELECT ?5, ?1,"
	" ifnull(?2, 0), ?3, ifnull(?4, strftime('%Y-%m-%d %H:%M:%S', 'now'))"
	" WHERE NOT EXISTS (SELECT 1 FROM question WHERE date = ?5 AND text = ?1)";

static int day_list(struct imp *m, const struct jv *day, const char *date, const char *where,
                    int which)
{
	static const struct { const char *key; const struct fs *f; size_t n; const char *q; } l[] = {
		{ "doses", dose_fs, 4, q_dose }, { "quicknotes", qn_fs, 3, q_qn },
		{ "questions", qu_fs, 4, q_qu },
	};
	const struct jv *a = jget(day, l[which].key);
	if (!a || a->t == J_NULL)
		return WN_OK;
	if (a->t != J_ARR)
		return wn_err_set(m->err, WN_DATAERR, "line %d: %s.%s: expected an array",
		                  a->line, where, l[which].key);
	int rc = WN_OK;
	for (size_t i = 0; rc == WN_OK && i < a->n; i++) {
		char w[96];
		struct val v[6];
		snprintf(w, sizeof w, "%s.%s[%zu]", where, l[which].key, i);
		rc = fields(m, &a->kid[i], w, l[which].f, l[which].n, v, NULL);
		if (rc == WN_OK && which == 0) {
			long med = name_id(m, q_med_id, v[0].s, v[0].len);
			if (med < 0)
				return wn_err_set(m->err, WN_DATAERR, "line %d: %s.med: no medication \"%s\"",
				                  a->kid[i].line, w, v[0].s);
			v[0] = (struct val){ .type = SQLITE_INTEGER, .num = (double)med };
		}
		v[l[which].n] = (struct val){ .type = SQLITE_TEXT, .s = date, .len = 10 };
		if (rc == WN_OK)
			rc = bind_run(m, l[which].q, v, l[which].n + 1, w);
	}
	return rc;
}

static int one_day(struct imp *m, const struct jv *o, const char *where)
{
	static const struct fs date_fs = { "date", F_DATE, 0, 10, false, true };
	struct val d;
	int rc = fields(m, o, where, &date_fs, 1, &d, NULL);
	if (rc != WN_OK)
		return rc;
	char date[WN_DATE_STRLEN];
	memcpy(date, d.s, 10);
	date[10] = '\0';
	const struct jv *ci = jget(o, "checkin"), *r = jget(o, "ratings"), *mt = jget(o, "metrics");
	bool empty = !(ci && ci->t != J_NULL) && !(r && r->n) && !(mt && mt->n);
	for (int i = 0; i < 3; i++) {
		static const char *const k[] = { "doses", "quicknotes", "questions" };
		const struct jv *a = jget(o, k[i]);
		empty = empty && !(a && a->n);
	}
	if (empty) {
		m->res->skipped++;
		return WN_OK;
	}
	rc = day_begin(m, date);
	if (rc == WN_OK && ci && ci->t != J_NULL)
		rc = day_checkin(m, ci, date, where);
	if (rc == WN_OK && r && r->t != J_NULL)
		rc = day_values(m, r, date, where, true);
	if (rc == WN_OK && mt && mt->t != J_NULL)
		rc = day_values(m, mt, date, where, false);
	for (int i = 0; rc == WN_OK && i < 3; i++)
		rc = day_list(m, o, date, where, i);
	return rc;
}

static int import_meta(struct imp *m, const struct jv *root)
{
	const struct jv *o = jget(root, "meta");
	if (!o || o->t == J_NULL)
		return WN_OK;
	if (o->t != J_OBJ)
		return wn_err_set(m->err, WN_DATAERR, "line %d: meta: expected an object", o->line);
	for (size_t i = 0; i < o->n; i++) {
		const struct jv *v = &o->kid[i];
		m->line = v->line;
		if (v->t != J_STR)
			return wn_err_set(m->err, WN_DATAERR, "line %d: meta.%s: expected text",
			                  v->line, o->key[i]);
		struct val kv[2] = { { .type = SQLITE_TEXT, .s = o->key[i], .len = strlen(o->key[i]) },
		                     { .type = SQLITE_TEXT, .s = v->s, .len = v->len } };
		int rc = bind_run(m, "INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)",
		                  kv, 2, "meta");
		if (rc != WN_OK)
			return rc;
	}
	return WN_OK;
}

static int json_header(struct imp *m, const struct jv *root)
{
	if (root->t != J_OBJ)
		return wn_err_set(m->err, WN_DATAERR, "line %d: expected a wean export {...}", root->line);
	const struct jv *f = jget(root, "format"), *v = jget(root, "schema_version");
	if (!f || f->t != J_STR || strcmp(f->s, "wean") != 0)
		return wn_err_set(m->err, WN_DATAERR, "line %d: format: expected \"wean\"",
		                  f ? f->line : root->line);
	if (!v || v->t != J_NUM || v->num != WN_SCHEMA_VERSION)
		return wn_err_set(m->err, WN_DATAERR, "line %d: schema_version: this wean reads"
		                  " version %d", v ? v->line : root->line, WN_SCHEMA_VERSION);
	return WN_OK;
}

/* The next element of an array whose '[' or ',' p is after; *done at
 * its ']'.  (The syntax was checked by json_parse.) */
static int jp_next(struct jp *p, struct jv *v, bool first, bool *done)
{
	jp_ws(p);
	*done = p->pos < p->len && p->s[p->pos] == ']';
	if (*done)
		return WN_OK;
	if (!first) {
		if (p->pos >= p->len || p->s[p->pos] != ',')
			return jp_fail(p, "expected ',' or ']'");
		p->pos++;
	}
	return jp_value(p, v, 2);
}

/* The days found by json_parse, parsed and written one at a time. */
static int import_days(struct imp *m, struct jp *p)
{
	p->pos = p->days.pos + 1;
	p->line = p->days.line;
	p->line_start = p->days.line_start;
	bool done = false;
	int rc = WN_OK;
	for (size_t i = 0; rc == WN_OK && !done; i++) {
		struct jv day = { 0 };
		rc = jp_next(p, &day, i == 0, &done);
		if (rc == WN_OK && !done) {
			char where[64];
			snprintf(where, sizeof where, "days[%zu]", i);
			m->line = day.line;
			rc = one_day(m, &day, where);
		}
		jv_free(&day);
	}
	return rc;
}

static int import_json(struct imp *m, const char *text, size_t len)
{
	struct jv root = { 0 };
	struct jp p;
	int rc = json_parse(&p, text, len, &root, m->err);
	if (rc == WN_OK)
		rc = json_header(m, &root);
	if (rc == WN_OK)
		rc = import_meta(m, &root);
	static const struct { const char *key; int (*fn)(struct imp *, const struct jv *, const char *); } s[] = {
		{ "symptoms", one_symptom }, { "metrics", one_metric }, { "medications", one_med },
		{ "plans", one_plan }, { "days", one_day },
	};
	for (size_t i = 0; rc == WN_OK && i < sizeof s / sizeof *s; i++)
		rc = import_list(m, &root, s[i].key, s[i].fn);
	jv_free(&root);
	if (rc == WN_OK && p.days.found)
		rc = import_days(m, &p);
	wn_buf_free(&p.str);
	return rc;
}

/* ---- CSV: reading records ------------------------------------------------------------ */

struct rec { char **f; size_t *len; size_t n, cap; int line; };

struct csvr { const char *s; size_t len, pos; int line; struct wn_buf cell; };

static void rec_free(struct rec *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->f[i]);
	free(r->f);
	free(r->len);
	*r = (struct rec){ 0 };
}

static int rec_push(struct rec *r, struct wn_buf *b)
{
	if (r->n == r->cap) {
		size_t nc = r->cap ? r->cap * 2 : 16;
		char **f = realloc(r->f, nc * sizeof *f);
		if (f)
			r->f = f;
		size_t *l = f ? realloc(r->len, nc * sizeof *l) : NULL;
		if (!l)
			return WN_ERR;
		r->len = l;
		r->cap = nc;
	}
	r->len[r->n] = b->len;
	r->f[r->n] = malloc(b->len + 1);
	if (!r->f[r->n])
		return WN_ERR;
	memcpy(r->f[r->n], b->s ? b->s : "", b->len);
	r->f[r->n++][b->len] = '\0';
	wn_buf_reset(b);
	return WN_OK;
}

/* Next record into r (emptied first); false at the end of the text. */
static int csv_next(struct csvr *c, struct rec *r, bool *got, struct wn_err *err)
{
	rec_free(r);
	*got = c->pos < c->len;
	if (!*got)
		return WN_OK;
	r->line = c->line;
	size_t start = c->pos;
	bool q = false;
	while (c->pos < c->len) {
		char ch = c->s[c->pos++];
		if (c->pos - start > WN_IMPORT_MAX_RECORD)
			return wn_err_set(err, WN_DATAERR, "line %d: a record longer than %u bytes",
			                  r->line, WN_IMPORT_MAX_RECORD);
		if (ch == '\n')
			c->line++;
		if (q && ch == '"' && c->pos < c->len && c->s[c->pos] == '"') {
			wn_buf_addc(&c->cell, '"');
			c->pos++;
		} else if (ch == '"' && (q || c->cell.len == 0)) {
			q = !q;
		} else if (!q && ch == ',') {
			if (rec_push(r, &c->cell))
				return wn_err_set(err, WN_ERR, "out of memory");
		} else if (!q && (ch == '\n' || ch == '\r')) {
			if (ch == '\r' && c->pos < c->len && c->s[c->pos] == '\n') {
				c->pos++;
				c->line++;
			}
			break;
		} else {
			wn_buf_addc(&c->cell, ch);
		}
	}
	if (q)
		return wn_err_set(err, WN_DATAERR, "line %d: a quoted field is never closed", r->line);
	return rec_push(r, &c->cell) ? wn_err_set(err, WN_ERR, "out of memory") : WN_OK;
}

static int col_index(const struct rec *h, const char *name)
{
	for (size_t i = 0; i < h->n; i++)
		if (strcmp(h->f[i], name) == 0)
			return (int)i;
	return -1;
}

static int need_cols(struct imp *m, const struct rec *h, const char *const *names,
                     size_t n, int *idx)
{
	for (size_t i = 0; i < n; i++)
		if ((idx[i] = col_index(h, names[i])) < 0)
			return wn_err_set(m->err, WN_DATAERR, "line %d: the column \"%s\" is missing",
			                  h->line, names[i]);
	return WN_OK;
}

static int cell_number(struct imp *m, const struct rec *r, int col, const char *name,
                       double lim[2], struct val *v)
{
	*v = (struct val){ .type = SQLITE_NULL };
	if (col < 0 || (size_t)col >= r->n || r->len[col] == 0)
		return WN_OK;
	char *end;
	double x = strtod(r->f[col], &end);
	if (*end || !isfinite(x) || x < lim[0] || x > lim[1]) {
		char shown[41];
		snprintf(shown, sizeof shown, "%s", r->f[col]);
		for (char *p = shown; *p; p++)
			if ((unsigned char)*p < 0x20 || *p == 0x7f)
				*p = '?';
		return wn_err_set(m->err, WN_DATAERR, "line %d: %s: \"%s\" is not a number from"
		                  " %g to %g", r->line, name, shown, lim[0], lim[1]);
	}
	*v = (struct val){ .type = x == floor(x) ? SQLITE_INTEGER : SQLITE_FLOAT,
	                   .num = x };
	return WN_OK;
}

/* ---- CSV: wean's own ---------------------------------------------------------------- */

static const char *const csv_fixed[] = { "date", "has_checkin", "mood", "anxiety",
	"energy", "sleep", "burden", "flag", "note" };

struct csvmap { int fixed[9]; int *kind; long *id; size_t n; };  /* kind: 1 sym 2 metric 3 taken 0 none */

static int csv_map(struct imp *m, const struct rec *h, struct csvmap *cm)
{
	int rc = need_cols(m, h, csv_fixed, 9, cm->fixed);
	cm->n = h->n;
	cm->kind = calloc(h->n, sizeof *cm->kind);
	cm->id = calloc(h->n, sizeof *cm->id);
	if (rc != WN_OK)
		return rc;
	if (!cm->kind || !cm->id)
		return wn_err_set(m->err, WN_ERR, "out of memory");
	for (size_t i = 0; rc == WN_OK && i < h->n; i++) {
		size_t l = h->len[i];
		bool fixed = false;
		for (int k = 0; k < 9; k++)
			fixed = fixed || cm->fixed[k] == (int)i;
		if (fixed)
			continue;
		if (l > 8 && strcmp(h->f[i] + l - 8, " planned") == 0)
			continue;
		if (l > 6 && strcmp(h->f[i] + l - 6, " taken") == 0) {
			cm->kind[i] = 3;
			cm->id[i] = name_id(m, q_med_id, h->f[i], l - 6);
		} else if ((cm->id[i] = name_id(m, q_sym_id, h->f[i], l)) >= 0) {
			cm->kind[i] = 1;
		} else if ((cm->id[i] = name_id(m, q_met_id, h->f[i], l)) >= 0) {
			cm->kind[i] = 2;
		}
		if (cm->id[i] < 0)
			rc = wn_err_set(m->err, WN_DATAERR, "line %d: column \"%s\": no such symptom,"
			                " metric or medication in this diary", h->line, h->f[i]);
	}
	if (rc != WN_OK)
		wn_err_hint(m->err, "add it first ('wean symptoms add', 'wean med add')");
	return rc;
}

static const char q_taken_del[] = "DELETE FROM dose WHERE date = ?1 AND med_id = ?2";
static const char q_taken_add[] =
	"INSERT INTO dose(date, med_id, minute, amount) VALUES (?1, ?2, NULL, ?3)";

static const char q_taken_sum[] =
	"SELECT total(amount) FROM dose WHERE date = ?1 AND med_id = ?2";

static double taken_now(struct imp *m, const char *date, long med)
{
	sqlite3_stmt *st = stmt(m, q_taken_sum);
	double v = NAN;
	if (!st)
		return v;
	sqlite3_bind_text(st, 1, date, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, med);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_double(st, 0);
	sqlite3_reset(st);
	return v;
}

static int csv_extra(struct imp *m, const struct rec *r, const struct csvmap *cm,
                     const char *date, size_t i)
{
	double lim[2] = { 0, cm->kind[i] == 1 ? 3 : cm->kind[i] == 2 ? 1e15 : 99999.999 };
	struct val v;
	int rc = cell_number(m, r, (int)i, "value", lim, &v);
	if (rc != WN_OK || v.type == SQLITE_NULL)
		return rc;
	const char *q = cm->kind[i] == 1 ? q_rating : cm->kind[i] == 2 ? q_metric : q_taken_del;
	if (cm->kind[i] == 3 && taken_now(m, date, cm->id[i]) == v.num)
		return WN_OK;                 /* the same total: keep the dose records */
	sqlite3_stmt *st = stmt(m, q);
	if (st) {
		sqlite3_bind_text(st, 1, date, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 2, cm->id[i]);
		if (cm->kind[i] != 3)
			bind_val(st, 3, &v);
	}
	rc = run(m, st, "value");
	if (rc == WN_OK && cm->kind[i] == 3 && v.num > 0) {
		st = stmt(m, q_taken_add);
		if (st) {
			sqlite3_bind_text(st, 1, date, -1, SQLITE_TRANSIENT);
			sqlite3_bind_int64(st, 2, cm->id[i]);
			sqlite3_bind_double(st, 3, v.num);
		}
		rc = run(m, st, "taken");
	}
	return rc;
}

static bool row_empty(const struct rec *r, const struct csvmap *cm)
{
	for (size_t i = 0; i < r->n && i < cm->n; i++)
		if ((cm->kind[i] || (int)i == cm->fixed[2] || (int)i == cm->fixed[3] ||
		     (int)i == cm->fixed[4] || (int)i == cm->fixed[5] || (int)i == cm->fixed[8]) &&
		    r->len[i] > 0)
			return false;
	return cm->fixed[1] >= (int)r->n || strcmp(r->f[cm->fixed[1]], "1") != 0;
}

static int csv_checkin(struct imp *m, const struct rec *r, const struct csvmap *cm,
                       const char *date)
{
	static const enum ci_col cols[] = { CI_MOOD, CI_ANXIETY, CI_ENERGY, CI_SLEEP, CI_FLAG };
	static const int fx[] = { 2, 3, 4, 5, 7 };
	int rc = ci_ensure(m, date);
	for (int k = 0; k < 5 && rc == WN_OK; k++) {
		double lim[2] = { 0, k == 3 ? 24 : k == 4 ? 1 : 10 };
		struct val v;
		rc = cell_number(m, r, cm->fixed[fx[k]], csv_fixed[fx[k]], lim, &v);
		if (rc == WN_OK && v.type != SQLITE_NULL)
			rc = ci_set(m, date, cols[k], &v);
	}
	const char *note = r->f[cm->fixed[8]];
	size_t len = r->len[cm->fixed[8]];
	if (len > 1 && note[0] == '\'' && strchr("=+-@\t\r", note[1])) {
		note++;
		len--;
	}
	if (rc == WN_OK && len > 0 && wn_text_check_note(note, len, NOTE_MAX, NULL) != WN_OK)
		return wn_err_set(m->err, WN_DATAERR, "line %d: note: too long or holds a control"
		                  " character", r->line);
	if (rc == WN_OK && len > 0)
		rc = ci_set(m, date, CI_NOTE, &(struct val){ .type = SQLITE_TEXT, .s = note, .len = len });
	return rc;
}

static int csv_row_import(struct imp *m, const struct rec *r, const struct csvmap *cm)
{
	m->line = r->line;
	if (r->n != cm->n)
		return wn_err_set(m->err, WN_DATAERR, "line %d: %zu fields, the header has %zu",
		                  r->line, r->n, cm->n);
	const char *date = r->f[cm->fixed[0]];
	if (!valid_date(date, r->len[cm->fixed[0]]))
		return wn_err_set(m->err, WN_DATAERR, "line %d: date: \"%.40s\" is not a real date"
		                  " YYYY-MM-DD", r->line, date);
	if (row_empty(r, cm)) {
		m->res->skipped++;
		return WN_OK;
	}
	int rc = day_begin(m, date);
	if (rc == WN_OK && strcmp(r->f[cm->fixed[1]], "1") == 0)
		rc = csv_checkin(m, r, cm, date);
	for (size_t i = 0; rc == WN_OK && i < cm->n; i++)
		if (cm->kind[i])
			rc = csv_extra(m, r, cm, date, i);
	return rc;
}

static int import_csv(struct imp *m, const char *text, size_t len)
{
	struct csvr c = { .s = text, .len = len, .line = 1 };
	struct rec h = { 0 }, r = { 0 };
	struct csvmap cm = { 0 };
	bool got;
	wn_buf_init(&c.cell);
	int rc = csv_next(&c, &h, &got, m->err);
	if (rc == WN_OK && !got)
		rc = wn_err_set(m->err, WN_DATAERR, "line 1: the file is empty");
	if (rc == WN_OK)
		rc = csv_map(m, &h, &cm);
	while (rc == WN_OK && (rc = csv_next(&c, &r, &got, m->err)) == WN_OK && got)
		if (!(r.n == 1 && r.len[0] == 0))
			rc = csv_row_import(m, &r, &cm);
	rec_free(&h);
	rec_free(&r);
	free(cm.kind);
	free(cm.id);
	wn_buf_free(&c.cell);
	return rc;
}

/* ---- Daylio ----------------------------------------------------------------------------- */

static const char *const daylio_cols[] = { "full_date", "date", "weekday", "time", "mood",
	"activities", "note_title", "note" };

static int daylio_mood(const char *s)
{
	static const struct { const char *label; int v; } map[] = {
		{ "rad", 9 }, { "good", 7 }, { "meh", 5 }, { "bad", 3 }, { "awful", 1 },
	};
	for (size_t i = 0; i < sizeof map / sizeof *map; i++)
		if (strcasecmp(s, map[i].label) == 0)
			return map[i].v;
	return -1;
}

struct dday { char date[WN_DATE_STRLEN]; int sum, n; struct wn_buf note; int line; };

/* One entry's lines, put before what is there (Daylio lists newest first). */
static void daylio_entry(struct dday *d, const struct rec *r, const int *ix)
{
	struct wn_buf b;
	wn_buf_init(&b);
	for (int k = 6; k <= 7; k++)
		if (r->len[ix[k]]) {
			wn_buf_add(&b, r->f[ix[k]], r->len[ix[k]]);
			wn_buf_addc(&b, '\n');
		}
	if (r->len[ix[5]]) {
		wn_buf_adds(&b, "activities: ");
		for (const char *a = r->f[ix[5]]; *a; a++)
			if (strncmp(a, " | ", 3) == 0) {
				wn_buf_adds(&b, ", ");
				a += 2;
			} else {
				wn_buf_addc(&b, *a);
			}
		wn_buf_addc(&b, '\n');
	}
	wn_buf_add(&b, d->note.s ? d->note.s : "", d->note.len);
	wn_buf_free(&d->note);
	d->note = b;
}

static int daylio_flush(struct imp *m, struct dday *d)
{
	if (!d->n)
		return WN_OK;
	m->line = d->line;
	int rc = day_begin(m, d->date);
	if (rc == WN_OK)
		rc = ci_ensure(m, d->date);
	struct val mood = { .type = SQLITE_INTEGER, .num = (d->sum + d->n / 2) / d->n };
	if (rc == WN_OK)
		rc = ci_set(m, d->date, CI_MOOD, &mood);
	size_t len = d->note.len;
	while (len && d->note.s[len - 1] == '\n')
		len--;
	if (rc == WN_OK && len && wn_text_check_note(d->note.s, len, NOTE_MAX, NULL) != WN_OK)
		rc = wn_err_set(m->err, WN_DATAERR, "line %d: note: too long or holds a control"
		                " character", d->line);
	if (rc == WN_OK && len)
		rc = ci_set(m, d->date, CI_NOTE, &(struct val){ .type = SQLITE_TEXT,
		            .s = d->note.s, .len = len });
	wn_buf_free(&d->note);
	d->n = d->sum = 0;
	return rc;
}

static int daylio_row(struct imp *m, const struct rec *r, const int *ix, struct dday *d)
{
	size_t need = 0;                /* the header may have more columns */
	for (int k = 0; k < 8; k++)
		if ((size_t)ix[k] >= need)
			need = (size_t)ix[k] + 1;
	if (r->n < need)
		return wn_err_set(m->err, WN_DATAERR, "line %d: %zu fields, expected %zu", r->line,
		                  r->n, need);
	const char *date = r->f[ix[0]];
	if (!valid_date(date, r->len[ix[0]]))
		return wn_err_set(m->err, WN_DATAERR, "line %d: full_date: \"%.40s\" is not a real"
		                  " date YYYY-MM-DD", r->line, date);
	int mood = daylio_mood(r->f[ix[4]]);
	if (mood < 0) {
		wn_err_set(m->err, WN_DATAERR, "line %d: mood: unknown label \"%.40s\"", r->line,
		           r->f[ix[4]]);
		wn_err_hint(m->err, "known labels: " WN_IMPORT_DAYLIO_MAP);
		return WN_DATAERR;
	}
	int rc = strcmp(d->date, date) != 0 ? daylio_flush(m, d) : WN_OK;
	if (strcmp(d->date, date) != 0) {
		snprintf(d->date, sizeof d->date, "%s", date);
		d->line = r->line;
	}
	d->sum += mood;
	d->n++;
	daylio_entry(d, r, ix);
	return rc;
}

static int import_daylio(struct imp *m, const char *text, size_t len)
{
	struct csvr c = { .s = text, .len = len, .line = 1 };
	struct rec h = { 0 }, r = { 0 };
	struct dday d = { .date = "" };
	int ix[8];
	bool got;
	wn_buf_init(&c.cell);
	wn_buf_init(&d.note);
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		c.pos = 3;                                  /* a byte-order mark */
	while (c.pos < len && text[c.pos] == '#') {     /* comment lines before the header */
		const char *nl = memchr(text + c.pos, '\n', len - c.pos);
		c.pos = nl ? (size_t)(nl - text) + 1 : len;
		c.line++;
	}
	int rc = csv_next(&c, &h, &got, m->err);
	if (rc == WN_OK && !got)
		rc = wn_err_set(m->err, WN_DATAERR, "line 1: the file is empty");
	if (rc == WN_OK)
		rc = need_cols(m, &h, daylio_cols, 8, ix);
	while (rc == WN_OK && (rc = csv_next(&c, &r, &got, m->err)) == WN_OK && got)
		if (!(r.n == 1 && r.len[0] == 0))
			rc = daylio_row(m, &r, ix, &d);
	if (rc == WN_OK)
		rc = daylio_flush(m, &d);
	wn_buf_free(&d.note);
	rec_free(&h);
	rec_free(&r);
	wn_buf_free(&c.cell);
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

static int check_text(const char *text, size_t len, struct wn_err *err)
{
	if (len > WN_IMPORT_MAX_BYTES)
		return wn_err_set(err, WN_DATAERR, "the file is larger than %u MiB",
		                  WN_IMPORT_MAX_BYTES >> 20);
	size_t bad = wn_text_utf8_error(text, len);
	if (bad < len)
		return wn_err_set(err, WN_DATAERR, "line %d: invalid UTF-8 (byte 0x%02x)",
		                  line_of(text, bad), (unsigned char)text[bad]);
	if (memchr(text, '\0', len))
		return wn_err_set(err, WN_DATAERR, "line %d: a NUL byte",
		                  line_of(text, (size_t)((const char *)memchr(text, '\0', len) - text)));
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
	*res = (struct wn_import_result){ 0 };
	int rc = check_text(text, len, err);
	if (rc != WN_OK)
		return rc;
	struct imp m = { .db = db, .sql = wn_db_sqlite(db), .o = o, .res = res, .err = err };
	if ((rc = wn_db_begin(db, err)) != WN_OK)
		return rc;
	if (o->format == WN_IMPORT_JSON)
		rc = import_json(&m, text, len);
	else if (o->format == WN_IMPORT_CSV)
		rc = import_csv(&m, text, len);
	else
		rc = import_daylio(&m, text, len);
	cache_free(&m);
	if (rc != WN_OK && err)
		safe_message(err);
	if (rc != WN_OK || o->dry_run) {
		wn_db_rollback(db);
		return rc;
	}
	return wn_db_commit(db, err);
}
