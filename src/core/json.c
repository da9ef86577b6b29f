/* json.c -- a recursive-descent JSON parser into a tree of values that
 * know their line (json.h). */
#include "core/json.h"

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

static int fail(parser *p, const char *what)
{
	return wn_err_set(p->err, WN_DATAERR, "line %d, column %zu: %s", p->line,
	                  p->pos - p->line_start + 1, what);
}

static bool more(const parser *p, char c)
{
	return p->pos < p->len && p->s[p->pos] == c;
}

static void skip_ws(parser *p)
{
	while (p->pos < p->len && p->s[p->pos] && strchr(" \t\r\n", p->s[p->pos])) {
		if (p->s[p->pos] == '\n') {
			p->line++;
			p->line_start = p->pos + 1;
		}
		p->pos++;
	}
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
	char c = p->pos < p->len ? p->s[p->pos] : '\0';
	const char *k = c ? strchr(from, c) : NULL;
	if (k) {
		p->pos++;
		return wn_buf_addc(b, to[k - from]);
	}
	long cp, lo;
	if (c != 'u' || p->pos + 5 > p->len || hex4(p->s + p->pos + 1, &cp))
		return fail(p, "a bad escape in a string");
	p->pos += 5;
	if (cp >= 0xD800 && cp < 0xDC00) {
		if (p->pos + 6 > p->len || p->s[p->pos] != '\\' || p->s[p->pos + 1] != 'u' ||
		    hex4(p->s + p->pos + 2, &lo) || lo < 0xDC00 || lo > 0xDFFF)
			return fail(p, "a lone surrogate escape in a string");
		p->pos += 6;
		cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
	}
	char out[4];
	size_t n = wn_text_encode((int32_t)cp, out);
	if (n == 0)
		return fail(p, "a lone surrogate escape in a string");
	return wn_buf_add(b, out, n);
}

/* Plain bytes up to the next quote, backslash or control byte, into b. */
static int plain(parser *p, struct wn_buf *b)
{
	size_t end = p->pos + 1;
	while (end < p->len && p->s[end] != '"' && p->s[end] != '\\' &&
	       (unsigned char)p->s[end] >= 0x20)
		end++;
	size_t bad = wn_text_utf8_error(p->s + p->pos, end - p->pos);
	if (bad < end - p->pos) {
		p->pos += bad;
		return fail(p, "invalid UTF-8 in a string");
	}
	int rc = wn_buf_add(b, p->s + p->pos, end - p->pos);
	p->pos = end;
	return rc;
}

/* The string at p (its opening quote) into p->str; a copy in *out unless
 * skimming. */
static int string(parser *p, char **out, size_t *len)
{
	struct wn_buf *b = &p->str;
	wn_buf_reset(b);
	p->pos++;
	int rc = WN_OK;
	while (rc == WN_OK) {
		if (p->pos >= p->len)
			return fail(p, "the text ends inside a string");
		unsigned char c = (unsigned char)p->s[p->pos];
		if (c == '"') {
			p->pos++;
			break;
		}
		if (c < 0x20)
			return fail(p, "a control character inside a string (write it as \\n, \\t, ...)");
		if (c == '\\') {
			p->pos++;
			rc = escape(p, b);
		} else {
			rc = plain(p, b);
		}
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

/* ---- numbers and words ------------------------------------------------ */

/* Digits from *i; false when there are none. */
static bool digits(const parser *p, size_t *i)
{
	size_t d0 = *i;
	while (*i < p->len && p->s[*i] >= '0' && p->s[*i] <= '9')
		(*i)++;
	return *i > d0;
}

static int number(parser *p, struct wn_json *v)
{
	size_t i = p->pos;
	const char *s = p->s;
	if (i < p->len && s[i] == '-')
		i++;
	size_t d0 = i;
	if (!digits(p, &i) || (s[d0] == '0' && i - d0 > 1))
		return fail(p, "a malformed number");
	v->is_int = true;
	if (i < p->len && s[i] == '.') {
		i++;
		if (!digits(p, &i))
			return fail(p, "a malformed number");
		v->is_int = false;
	}
	if (i < p->len && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < p->len && (s[i] == '+' || s[i] == '-'))
			i++;
		if (!digits(p, &i))
			return fail(p, "a malformed number");
		v->is_int = false;
	}
	char buf[64];
	if (i - p->pos >= sizeof buf)
		return fail(p, "a number with too many digits");
	memcpy(buf, s + p->pos, i - p->pos);
	buf[i - p->pos] = '\0';
	v->t = WN_JSON_NUM;
	v->num = strtod(buf, NULL);
	p->pos = i;
	return isfinite(v->num) ? WN_OK : fail(p, "a number out of range");
}

static int word(parser *p, const char *w, struct wn_json *v, enum wn_json_type t,
                bool b)
{
	size_t n = strlen(w);
	if (p->len - p->pos < n || memcmp(p->s + p->pos, w, n) != 0)
		return fail(p, "expected a value");
	p->pos += n;
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
	p->stream.pos = p->pos;
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
	if (v->n == v->cap) {
		size_t nc = v->cap ? v->cap * 2 : 4;
		struct wn_json *k = realloc(v->kid, nc * sizeof *k);
		if (k)
			v->kid = k;
		char **ks = k && v->t == WN_JSON_OBJ ? realloc(v->key, nc * sizeof *ks) : NULL;
		if (ks)
			v->key = ks;
		if (!k || (v->t == WN_JSON_OBJ && !ks)) {
			free(key);
			wn_json_free(kid);
			return wn_err_set(p->err, WN_ERR, "out of memory");
		}
		v->cap = nc;
	}
	v->kid[v->n] = *kid;
	if (v->t == WN_JSON_OBJ)
		v->key[v->n] = key;
	v->n++;
	return WN_OK;
}

/* "key" : -- the key of an object member. */
static int member_key(parser *p, char **key)
{
	size_t klen;
	skip_ws(p);
	if (!more(p, '"'))
		return fail(p, p->pos >= p->len ? "the text ends too early"
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
	p->pos++;
	return WN_OK;
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
	p->pos++;
	skip_ws(p);
	if (more(p, close)) {
		p->pos++;
		return WN_OK;
	}
	for (;;) {
		int rc = member(p, v, depth);
		if (rc != WN_OK)
			return rc;
		skip_ws(p);
		if (more(p, ',')) {
			p->pos++;
			continue;
		}
		if (more(p, close)) {
			p->pos++;
			return WN_OK;
		}
		return fail(p, p->pos >= p->len ? "the text ends too early (truncated?)" :
		            close == '}' ? "expected ',' or '}'" : "expected ',' or ']'");
	}
}

static int value(parser *p, struct wn_json *v, int depth)
{
	skip_ws(p);
	v->line = p->line;
	if (depth > WN_JSON_DEPTH_MAX)
		return fail(p, "nested too deeply");
	if (p->pos >= p->len)
		return fail(p, "the text ends too early (truncated?)");
	char c = p->s[p->pos];
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

int wn_json_parse(struct wn_json_parser *p, const char *text, size_t len,
                  const char *stream_key, struct wn_json *root,
                  struct wn_err *err)
{
	*p = (struct wn_json_parser){ .s = text, .len = len, .line = 1, .err = err,
	                              .stream_key = stream_key };
	*root = (struct wn_json){ .t = WN_JSON_NULL };
	wn_buf_init(&p->str);
	int rc = value(p, root, 0);
	if (rc == WN_OK) {
		skip_ws(p);
		if (p->pos < p->len)
			rc = fail(p, "text after the end of the JSON value");
	}
	return rc;
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
		p->pos = p->stream.pos + 1;
		p->line = p->stream.line;
		p->line_start = p->stream.line_start;
		skip_ws(p);
		if (more(p, ']'))
			return WN_OK;
	} else {
		skip_ws(p);
		if (more(p, ']'))
			return WN_OK;
		if (!more(p, ','))
			return fail(p, "expected ',' or ']'");
		p->pos++;
	}
	*done = false;
	return value(p, v, 2);
}

void wn_json_parser_free(struct wn_json_parser *p)
{
	wn_buf_free(&p->str);
}
