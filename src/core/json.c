/* SPDX-License-Identifier: GPL-3.0-or-later */
/* json.c -- a recursive-descent JSON parser into a tree of values that
 * know their line (json.h), reading its text through core/reader.h: the
 * parser looks at most WN_READER_AHEAD bytes ahead, so a text read from a
 * file is held a window at a time. */
#include "core/json.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct wn_json_parser parser;

void wn_json_free(struct wn_json *v)
{
	for (size_t i = 0; i < v->n; i++) {
		wn_json_free(&v->kid[i]);
		if (v->key)
			free(v->key[i]);
	}
	free(v->kid);
	free(v->key);
	free(v->s);
	*v = (struct wn_json){ .t = WN_JSON_NULL };
}

const struct wn_json *wn_json_get(const struct wn_json *o, const char *key)
{
	for (size_t i = 0; o->t == WN_JSON_OBJ && i < o->n; i++)
		if (strcmp(o->key[i], key) == 0)
			return &o->kid[i];
	return NULL;
}

/* ---- the text ------------------------------------------------------------ */

static unsigned long long offset(const parser *p)
{
	return wn_reader_offset(p->r);
}

/* An error at offset off of line `line` (which starts at line_start). */
static int fail_at(parser *p, int line, unsigned long long line_start,
                   unsigned long long off, const char *what)
{
	if (p->r->error)
		return wn_err_set(p->err, WN_IOERR, "cannot read the file: %s",
		                  strerror(p->r->error));
	return wn_err_set(p->err, WN_DATAERR, "line %d, column %llu: %s", line,
	                  off - line_start + 1, what);
}

static int fail(parser *p, const char *what)
{
	return fail_at(p, p->line, p->line_start, offset(p), what);
}

/* The next byte, or -1 at the end of the text. */
static int cur(parser *p)
{
	const struct wn_reader *r = p->r;
	return r->pos < r->len ? (unsigned char)r->s[r->pos] : wn_reader_peek(p->r);
}

static bool more(parser *p, char c)
{
	return cur(p) == (unsigned char)c;
}

static void next(parser *p)
{
	p->r->pos++;
}

/* At least n bytes in hand from pos, where the text has them. */
static void ahead(parser *p, size_t n)
{
	wn_reader_need(p->r, n);
}

static void skip_ws(parser *p)
{
	for (int c = cur(p); c == ' ' || c == '\t' || c == '\r' || c == '\n'; c = cur(p)) {
		next(p);
		if (c == '\n') {
			p->line++;
			p->line_start = offset(p);
		}
	}
}

/* n more bytes of tree built for the value being read. */
static int grew(parser *p, size_t n)
{
	p->built += n;
	return p->built > WN_JSON_VALUE_MAX ? fail(p, "a value larger than 8 MiB") : WN_OK;
}

/* ---- strings ------------------------------------------------------------ */

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

/* The escape after a backslash (p is past the backslash), into b. */
static int escape(parser *p, struct wn_buf *b)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	ahead(p, 12);
	const struct wn_reader *r = p->r;
	const char *s = r->s;
	size_t pos = r->pos, len = r->len;
	char c = pos < len ? s[pos] : '\0';
	const char *k = c ? strchr(from, c) : NULL;
	if (k) {
		next(p);
		return wn_buf_addc(b, to[k - from]);
	}
	long cp, lo;
	if (c != 'u' || pos + 5 > len || hex4(s + pos + 1, &cp))
		return fail(p, "a bad escape in a string");
	p->r->pos += 5;
	pos += 5;
	if (cp >= 0xD800 && cp < 0xDC00) {
		if (pos + 6 > len || s[pos] != '\\' || s[pos + 1] != 'u' ||
		    hex4(s + pos + 2, &lo) || lo < 0xDC00 || lo > 0xDFFF)
			return fail(p, "a lone surrogate escape in a string");
		p->r->pos += 6;
		cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
	}
	char out[4];
	size_t n = wn_text_encode((int32_t)cp, out);
	if (n == 0)
		return fail(p, "a lone surrogate escape in a string");
	return wn_buf_add(b, out, n);
}

/* Plain bytes up to the next quote, backslash or control byte (or the end
 * of the window, at a whole character), into b. */
static int plain(parser *p, struct wn_buf *b)
{
	ahead(p, 4);
	struct wn_reader *r = p->r;
	size_t end = r->pos + 1;
	while (end < r->len && r->s[end] != '"' && r->s[end] != '\\' &&
	       (unsigned char)r->s[end] >= 0x20)
		end++;
	if (end == r->len && !r->eof && wn_reader_whole(r) > r->pos)
		end = wn_reader_whole(r);
	size_t bad = wn_text_utf8_error(r->s + r->pos, end - r->pos);
	if (bad < end - r->pos) {
		r->pos += bad;
		return fail(p, "invalid UTF-8 in a string");
	}
	int rc = wn_buf_add(b, r->s + r->pos, end - r->pos);
	r->pos = end;
	return rc;
}

/* The string at p (its opening quote) into p->str; a copy in *out unless
 * skimming. */
static int string(parser *p, char **out, size_t *len)
{
	struct wn_buf *b = &p->str;
	unsigned long long start = offset(p), line_start = p->line_start;
	int line = p->line;
	wn_buf_reset(b);
	next(p);
	int rc = WN_OK;
	while (rc == WN_OK) {
		int c = cur(p);
		if (c < 0)
			return fail(p, "the text ends inside a string");
		if (c == '"') {
			next(p);
			break;
		}
		if (c < 0x20)
			return fail(p, "a control character inside a string (write it as \\n, \\t, ...)");
		if (c == '\\') {
			next(p);
			rc = escape(p, b);
		} else {
			rc = plain(p, b);
		}
		if (rc == WN_OK && b->len > WN_JSON_VALUE_MAX)   /* where it starts */
			return fail_at(p, line, line_start, start, "a value larger than 8 MiB");
	}
	if (rc == WN_OK && b->failed)
		rc = wn_err_set(p->err, WN_ERR, "out of memory");
	if (rc != WN_OK || p->skim)
		return rc;
	if ((rc = grew(p, b->len + 1)) != WN_OK)
		return rc;
	*len = b->len;
	*out = malloc(b->len + 1);
	if (!*out)
		return wn_err_set(p->err, WN_ERR, "out of memory");
	memcpy(*out, b->s, b->len + 1);
	return WN_OK;
}

/* ---- numbers and words ------------------------------------------------ */

/* Digits from *i of the window; false when there are none. */
static bool digits(const struct wn_reader *r, size_t *i)
{
	size_t d0 = *i;
	while (*i < r->len && r->s[*i] >= '0' && r->s[*i] <= '9')
		(*i)++;
	return *i > d0;
}

/* A number is read whole in the window: WN_READER_AHEAD bytes are in hand
 * (or the end of the text), more than the longest number allowed. */
static int number(parser *p, struct wn_json *v)
{
	ahead(p, WN_READER_AHEAD);
	const struct wn_reader *r = p->r;
	size_t i = r->pos;
	const char *s = r->s;
	if (i < r->len && s[i] == '-')
		i++;
	size_t d0 = i;
	if (!digits(r, &i) || (s[d0] == '0' && i - d0 > 1))
		return fail(p, "a malformed number");
	v->is_int = true;
	if (i < r->len && s[i] == '.') {
		i++;
		if (!digits(r, &i))
			return fail(p, "a malformed number");
		v->is_int = false;
	}
	if (i < r->len && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < r->len && (s[i] == '+' || s[i] == '-'))
			i++;
		if (!digits(r, &i))
			return fail(p, "a malformed number");
		v->is_int = false;
	}
	char buf[WN_READER_AHEAD];
	if (i - r->pos >= sizeof buf)
		return fail(p, "a number with too many digits");
	memcpy(buf, s + r->pos, i - r->pos);
	buf[i - r->pos] = '\0';
	v->t = WN_JSON_NUM;
	v->num = strtod(buf, NULL);
	p->r->pos = i;
	return isfinite(v->num) ? WN_OK : fail(p, "a number out of range");
}

static int word(parser *p, const char *w, struct wn_json *v, enum wn_json_type t,
                bool b)
{
	size_t n = strlen(w);
	ahead(p, n);
	const struct wn_reader *r = p->r;
	if (r->len - r->pos < n || memcmp(r->s + r->pos, w, n) != 0)
		return fail(p, "expected a value");
	p->r->pos += n;
	v->t = t;
	v->num = b;
	return WN_OK;
}

/* ---- arrays and objects ---------------------------------------------- */

static int value(parser *p, struct wn_json *v, int depth);

/* The root's streamed array: its place is kept and its elements are
 * checked without building them. */
static int stream_member(parser *p, struct wn_json *v, int depth)
{
	skip_ws(p);
	if (p->stream.found || !more(p, '['))
		return value(p, v, depth);
	p->stream.found = true;
	p->stream.pos = offset(p);
	p->stream.line_start = p->line_start;
	p->stream.line = p->line;
	p->skim = true;
	int rc = value(p, v, depth);
	p->skim = false;
	return rc;
}

static int push(parser *p, struct wn_json *v, char *key, struct wn_json *kid)
{
	if (p->skim)
		return WN_OK;             /* nothing was built */
	int rc = grew(p, sizeof *kid + (key ? sizeof key : 0));
	if (rc == WN_OK && v->n == v->cap) {
		size_t nc = v->cap ? v->cap * 2 : 4;
		struct wn_json *k = realloc(v->kid, nc * sizeof *k);
		if (k)
			v->kid = k;
		char **ks = k && v->t == WN_JSON_OBJ ? realloc(v->key, nc * sizeof *ks) : NULL;
		if (ks)
			v->key = ks;
		if (!k || (v->t == WN_JSON_OBJ && !ks))
			rc = wn_err_set(p->err, WN_ERR, "out of memory");
		else
			v->cap = nc;
	}
	if (rc != WN_OK) {
		free(key);
		wn_json_free(kid);
		return rc;
	}
	v->kid[v->n] = *kid;
	if (v->t == WN_JSON_OBJ)
		v->key[v->n] = key;
	v->n++;
	return WN_OK;
}

/* "key" : -- the key of an object member (decoded in p->str too). */
static int member_key(parser *p, char **key)
{
	size_t klen;
	skip_ws(p);
	if (!more(p, '"'))
		return fail(p, cur(p) < 0 ? "the text ends too early"
		            : "expected a key in double quotes");
	int rc = string(p, key, &klen);
	if (rc != WN_OK)
		return rc;
	skip_ws(p);
	if (!more(p, ':')) {
		free(*key);
		*key = NULL;
		return fail(p, "expected ':' after a key");
	}
	next(p);
	return WN_OK;
}

static enum wn_json_type type_of(int c)
{
	return c == '{' ? WN_JSON_OBJ : c == '[' ? WN_JSON_ARR : c == '"' ? WN_JSON_STR :
	       c == 't' || c == 'f' ? WN_JSON_BOOL : c == 'n' ? WN_JSON_NULL : WN_JSON_NUM;
}

/* wn_json_scan: a member of the root named by p->keys is noted (the
 * first of each name), where its value starts. */
static void note_member(parser *p)
{
	for (size_t i = 0; i < p->n_keys; i++) {
		if (p->at[i].found || strcmp(p->str.s ? p->str.s : "", p->keys[i]) != 0)
			continue;
		skip_ws(p);
		p->at[i] = (struct wn_json_at){ .found = true, .t = type_of(cur(p)),
		                                .line = p->line, .off = offset(p),
		                                .line_start = p->line_start };
		return;
	}
}

/* One member (or element) of v into it. */
static int member(parser *p, struct wn_json *v, int depth)
{
	char *key = NULL;
	struct wn_json kid = { 0 };
	bool obj = v->t == WN_JSON_OBJ;
	int rc = obj ? member_key(p, &key) : WN_OK;
	if (rc != WN_OK)
		return rc;
	if (obj && depth == 0 && p->n_keys)
		note_member(p);
	if (obj && depth == 0 && !p->skim && p->stream_key &&
	    strcmp(key, p->stream_key) == 0)
		rc = stream_member(p, &kid, depth + 1);
	else
		rc = value(p, &kid, depth + 1);
	if (rc == WN_OK)
		return push(p, v, key, &kid);
	free(key);
	wn_json_free(&kid);
	return rc;
}

static int members(parser *p, struct wn_json *v, int depth)
{
	char close = v->t == WN_JSON_OBJ ? '}' : ']';
	next(p);
	skip_ws(p);
	if (more(p, close)) {
		next(p);
		return WN_OK;
	}
	for (;;) {
		int rc = member(p, v, depth);
		if (rc != WN_OK)
			return rc;
		skip_ws(p);
		if (more(p, ',')) {
			next(p);
			continue;
		}
		if (more(p, close)) {
			next(p);
			return WN_OK;
		}
		return fail(p, cur(p) < 0 ? "the text ends too early (truncated?)" :
		            close == '}' ? "expected ',' or '}'" : "expected ',' or ']'");
	}
}

static int value(parser *p, struct wn_json *v, int depth)
{
	skip_ws(p);
	v->line = p->line;
	if (depth > WN_JSON_DEPTH_MAX)
		return fail(p, "nested too deeply");
	int c = cur(p);
	if (c < 0)
		return fail(p, "the text ends too early (truncated?)");
	switch (c) {
	case '{': v->t = WN_JSON_OBJ; return members(p, v, depth);
	case '[': v->t = WN_JSON_ARR; return members(p, v, depth);
	case '"': v->t = WN_JSON_STR; return string(p, &v->s, &v->len);
	case 't': return word(p, "true", v, WN_JSON_BOOL, true);
	case 'f': return word(p, "false", v, WN_JSON_BOOL, false);
	case 'n': return word(p, "null", v, WN_JSON_NULL, false);
	}
	if (c == '-' || (c >= '0' && c <= '9'))
		return number(p, v);
	return fail(p, "expected a value");
}

/* ---- entry -------------------------------------------------------------- */

static void start(parser *p, struct wn_reader *r, struct wn_err *err)
{
	*p = (struct wn_json_parser){ .r = r, .line = 1, .err = err };
	wn_buf_init(&p->str);
}

/* The root value, then only white space. */
static int whole(parser *p, struct wn_json *root)
{
	*root = (struct wn_json){ .t = WN_JSON_NULL };
	int rc = value(p, root, 0);
	if (rc == WN_OK) {
		skip_ws(p);
		if (cur(p) >= 0)
			rc = fail(p, "text after the end of the JSON value");
		else if (p->r->error)
			rc = fail(p, "");
	}
	return rc;
}

int wn_json_parse(struct wn_json_parser *p, const char *text, size_t len,
                  const char *stream_key, struct wn_json *root,
                  struct wn_err *err)
{
	start(p, NULL, err);
	wn_reader_mem(&p->mem, text, len);
	p->r = &p->mem;
	p->stream_key = stream_key;
	return whole(p, root);
}

int wn_json_scan(struct wn_json_parser *p, struct wn_reader *r, const char *const *keys,
                 struct wn_json_at *at, size_t n, struct wn_json *root,
                 struct wn_err *err)
{
	start(p, r, err);
	for (size_t i = 0; i < n; i++)
		at[i] = (struct wn_json_at){ .found = false };
	if (!wn_reader_seek(r, 0))
		return fail(p, "");
	p->keys = keys;
	p->at = at;
	p->n_keys = n;
	p->skim = true;
	int rc = whole(p, root);
	p->skim = false;
	p->n_keys = 0;
	return rc;
}

/* Back to where at starts. */
static bool go_to(parser *p, const struct wn_json_at *at)
{
	p->line = at->line;
	p->line_start = at->line_start;
	return wn_reader_seek(p->r, at->off);
}

int wn_json_value_at(struct wn_json_parser *p, const struct wn_json_at *at,
                     struct wn_json *v)
{
	*v = (struct wn_json){ .t = WN_JSON_NULL };
	if (!go_to(p, at))
		return fail(p, "");
	p->built = 0;
	return value(p, v, 1);
}

void wn_json_array_at(struct wn_json_parser *p, const struct wn_json_at *at)
{
	p->stream.found = at->found && at->t == WN_JSON_ARR;
	p->stream.first = false;
	p->stream.pos = at->off;
	p->stream.line = at->line;
	p->stream.line_start = at->line_start;
}

bool wn_json_streamed(const struct wn_json_parser *p)
{
	return p->stream.found;
}

int wn_json_next(struct wn_json_parser *p, struct wn_json *v, bool *done)
{
	*v = (struct wn_json){ .t = WN_JSON_NULL };
	*done = true;
	if (!p->stream.found)
		return WN_OK;
	if (!p->stream.first) {               /* back to the array's '[' */
		p->stream.first = true;
		p->line = p->stream.line;
		p->line_start = p->stream.line_start;
		if (!wn_reader_seek(p->r, p->stream.pos + 1))
			return fail(p, "");
		skip_ws(p);
		if (more(p, ']'))
			return WN_OK;
	} else {
		skip_ws(p);
		if (more(p, ']'))
			return WN_OK;
		if (!more(p, ','))
			return fail(p, "expected ',' or ']'");
		next(p);
	}
	*done = false;
	p->built = 0;
	return value(p, v, 2);
}

void wn_json_parser_free(struct wn_json_parser *p)
{
	wn_buf_free(&p->str);
}
