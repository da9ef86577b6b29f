/* SPDX-License-Identifier: GPL-3.0-or-later */
/* text.c -- UTF-8 text: validation, terminal-safe display, widths, wrap,
 * cursor steps, string buffers and "did you mean" suggestions.
 *
 * No locale and no wcwidth: the decoder below and utf8proc's Unicode data
 * (widths, case folding, normalisation) make results the same in every
 * environment.  Widths follow the Unicode version of the installed
 * utf8proc, except where wean has its own rule (text.h): control and bidi
 * characters and invalid bytes are shown as a one-column replacement.
 */
#include "core/text.h"

#include <limits.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* ---- UTF-8 ----------------------------------------------------------- */

/* Sequence length announced by a lead byte and its payload bits; 0 for a
 * byte that cannot start a well-formed sequence. */
static size_t lead_len(unsigned c, uint32_t *bits)
{
	if (c >= 0xC2 && c <= 0xDF) {
		*bits = c & 0x1F;
		return 2;
	}
	if (c >= 0xE0 && c <= 0xEF) {
		*bits = c & 0x0F;
		return 3;
	}
	if (c >= 0xF0 && c <= 0xF4) {
		*bits = c & 0x07;
		return 4;
	}
	return 0;
}

size_t wn_text_decode(const char *s, size_t len, int32_t *cp)
{
	static const uint32_t min[5] = { 0, 0, 0x80, 0x800, 0x10000 };
	const unsigned char *u = (const unsigned char *)s;
	uint32_t v = 0;

	*cp = WN_TEXT_INVALID;
	if (len == 0)
		return 0;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	size_t n = lead_len(u[0], &v);
	if (n == 0 || n > len)
		return 1;
	for (size_t i = 1; i < n; i++) {
		if ((u[i] & 0xC0) != 0x80)
			return 1;
		v = (v << 6) | (u[i] & 0x3F);
	}
	if (v < min[n] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 1;
	*cp = (int32_t)v;
	return n;
}

size_t wn_text_encode(int32_t cp, char out[4])
{
	uint32_t v = (uint32_t)cp;

	if (cp < 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	if (v < 0x80) {
		out[0] = (char)v;
		return 1;
	}
	if (v < 0x800) {
		out[0] = (char)(0xC0 | (v >> 6));
		out[1] = (char)(0x80 | (v & 0x3F));
		return 2;
	}
	if (v < 0x10000) {
		out[0] = (char)(0xE0 | (v >> 12));
		out[1] = (char)(0x80 | ((v >> 6) & 0x3F));
		out[2] = (char)(0x80 | (v & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (v >> 18));
	out[1] = (char)(0x80 | ((v >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((v >> 6) & 0x3F));
	out[3] = (char)(0x80 | (v & 0x3F));
	return 4;
}

size_t wn_text_utf8_error(const char *s, size_t len)
{
	size_t p = 0;

	while (p < len) {
		if ((unsigned char)s[p] < 0x80) {  /* fast path for ASCII */
			p++;
			continue;
		}
		int32_t cp;
		size_t n = wn_text_decode(s + p, len - p, &cp);
		if (cp == WN_TEXT_INVALID)
			return p;
		p += n;
	}
	return len;
}

size_t wn_text_prefix(const char *s, size_t len, size_t max)
{
	if (len <= max)
		return len;
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	return max;
}

bool wn_text_valid_utf8(const char *s, size_t len)
{
	return wn_text_utf8_error(s, len) == len;
}

/* ---- classes and widths ---------------------------------------------- */

bool wn_text_is_control(int32_t cp)
{
	return (cp >= 0 && cp < 0x20) || (cp >= 0x7F && cp <= 0x9F);
}

static bool is_bidi(int32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

bool wn_text_is_unsafe(int32_t cp)
{
	return wn_text_is_control(cp) || is_bidi(cp);
}

int wn_text_cp_width(int32_t cp)
{
	if (cp < 0x20 || wn_text_is_unsafe(cp))
		return 1;  /* invalid, or shown as a one-column replacement */
	return utf8proc_charwidth(cp);
}

static bool is_zero_width(int32_t cp)
{
	return cp >= 0 && wn_text_cp_width(cp) == 0;
}

/* ---- ASCII transliteration ------------------------------------------- */

struct translit {
	int32_t cp;
	const char *ascii;
};

/* Sorted by code point. */
static const struct translit translit_tab[] = {
	{0x00A0, " "}, {0x00A1, "!"}, {0x00A2, "c"}, {0x00A3, "GBP"},
	{0x00A9, "(c)"}, {0x00AB, "<<"}, {0x00AD, "-"}, {0x00AE, "(R)"},
	{0x00B0, "deg"}, {0x00B1, "+/-"}, {0x00B2, "2"}, {0x00B3, "3"},
	{0x00B5, "u"}, {0x00B7, "."}, {0x00B9, "1"}, {0x00BB, ">>"},
	{0x00BC, "1/4"}, {0x00BD, "1/2"}, {0x00BE, "3/4"}, {0x00BF, "?"},
	{0x0141, "L"}, {0x0142, "l"}, {0x0152, "OE"}, {0x0153, "oe"},
	{0x0160, "S"}, {0x0161, "s"}, {0x0178, "Y"}, {0x017D, "Z"},
	{0x017E, "z"}, {0x03BC, "u"},
	{0x2002, " "}, {0x2003, " "}, {0x2004, " "}, {0x2005, " "},
	{0x2006, " "}, {0x2007, " "}, {0x2008, " "}, {0x2009, " "},
	{0x200A, " "}, {0x2010, "-"}, {0x2011, "-"}, {0x2012, "-"},
	{0x2013, "-"}, {0x2014, "--"}, {0x2015, "--"}, {0x2018, "'"},
	{0x2019, "'"}, {0x201A, ","}, {0x201B, "'"}, {0x201C, "\""},
	{0x201D, "\""}, {0x201E, "\""}, {0x2022, "*"}, {0x2026, "..."},
	{0x202F, " "}, {0x2032, "'"}, {0x2033, "\""}, {0x2039, "<"},
	{0x203A, ">"}, {0x2044, "/"}, {0x205F, " "}, {0x20AC, "EUR"},
	{0x2122, "TM"}, {0x2190, "<-"}, {0x2191, "^"}, {0x2192, "->"},
	{0x2193, "v"}, {0x2212, "-"}, {0x2248, "~"}, {0x2260, "!="},
	{0x2264, "<="}, {0x2265, ">="}, {0x2500, "-"}, {0x2502, "|"},
	{0x3000, " "},
};

/* U+00C0..U+00FF, accents dropped. */
static const char *const latin1_letters[64] = {
	"A", "A", "A", "A", "A", "A", "AE", "C",
	"E", "E", "E", "E", "I", "I", "I", "I",
	"D", "N", "O", "O", "O", "O", "O", "x",
	"O", "U", "U", "U", "U", "Y", "TH", "ss",
	"a", "a", "a", "a", "a", "a", "ae", "c",
	"e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", "/",
	"o", "u", "u", "u", "u", "y", "th", "y",
};

/* ASCII for a safe non-ASCII code point: "" for zero-width ones. */
static const char *translit(int32_t cp)
{
	if (cp >= 0xC0 && cp <= 0xFF)
		return latin1_letters[cp - 0xC0];
	if (is_zero_width(cp))
		return "";
	size_t lo = 0, hi = NELEM(translit_tab);
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (translit_tab[mid].cp == cp)
			return translit_tab[mid].ascii;
		if (translit_tab[mid].cp < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return "?";
}

/* ---- display units --------------------------------------------------- */

/* One input character as displayed: the bytes to print (p may point into
 * the input or at a literal), their count and width, and the input taken. */
struct unit {
	const char *p;
	size_t n;
	int width;
	size_t used;
	int32_t cp;
};

static const char REPLACEMENT[] = "\xEF\xBF\xBD";  /* U+FFFD */

static void unit_lit(struct unit *u, const char *lit, int width)
{
	u->p = lit;
	u->n = strlen(lit);
	u->width = width;
}

static void unit_next(const char *s, size_t len, unsigned flags,
                      struct unit *u)
{
	u->used = wn_text_decode(s, len, &u->cp);
	u->p = s;
	u->n = u->used;
	u->width = 1;
	if (u->cp == '\n')
		unit_lit(u, (flags & WN_TEXT_KEEP_NL) ? "\n" : " ", 1);
	else if (u->cp == '\t')
		unit_lit(u, " ", 1);
	else if (u->cp == WN_TEXT_INVALID || wn_text_is_unsafe(u->cp))
		unit_lit(u, (flags & WN_TEXT_ASCII) ? "?" : REPLACEMENT, 1);
	else if (u->cp < 0x80)
		return;
	else if (flags & WN_TEXT_ASCII) {
		const char *t = translit(u->cp);
		unit_lit(u, t, (int)strlen(t));
	} else
		u->width = wn_text_cp_width(u->cp);
}

/* Measure one character: a unit and the zero-width units after it.  Only
 * p of the first unit is meaningful (the bytes need not be contiguous). */
static void cluster_next(const char *s, size_t len, unsigned flags,
                         struct unit *c)
{
	struct unit m;

	unit_next(s, len, flags, c);
	while (c->used < len) {
		unit_next(s + c->used, len - c->used, flags, &m);
		if (!is_zero_width(m.cp))
			break;
		c->used += m.used;
		c->n += m.n;
	}
}

int wn_text_width_n(const char *s, size_t len, unsigned flags)
{
	size_t pos = 0;
	long long w = 0;

	while (pos < len) {
		struct unit u;
		unit_next(s + pos, len - pos, flags, &u);
		w += u.width;
		pos += u.used;
	}
	return w > INT_MAX ? INT_MAX : (int)w;
}

int wn_text_width(const char *s)
{
	return s ? wn_text_width_n(s, strlen(s), 0) : 0;
}

size_t wn_text_char(const char *s, size_t len, int *width)
{
	struct unit c;

	if (len == 0) {
		*width = 0;
		return 0;
	}
	cluster_next(s, len, 0, &c);
	*width = c.width;
	return c.used;
}

/* ---- sanitizing ------------------------------------------------------ */

int wn_text_sanitize_to(struct wn_buf *b, const char *s, size_t len,
                        unsigned flags)
{
	size_t pos = 0, run = 0;  /* s[run..pos) is printed as it is */

	while (pos < len) {
		struct unit u;
		unit_next(s + pos, len - pos, flags, &u);
		if (u.p != s + pos) {
			wn_buf_add(b, s + run, pos - run);
			wn_buf_add(b, u.p, u.n);
			run = pos + u.used;
		}
		pos += u.used;
	}
	wn_buf_add(b, s + run, pos - run);
	return b->failed ? WN_ERR : WN_OK;
}

char *wn_text_sanitize(const char *s, size_t len, bool keep_newlines)
{
	struct wn_buf b;

	wn_buf_init(&b);
	wn_text_sanitize_to(&b, s, len, keep_newlines ? WN_TEXT_KEEP_NL : 0);
	return wn_buf_detach(&b);
}

char *wn_text_to_ascii(const char *s, size_t len)
{
	struct wn_buf b;

	wn_buf_init(&b);
	wn_text_sanitize_to(&b, s, len, WN_TEXT_ASCII | WN_TEXT_KEEP_NL);
	return wn_buf_detach(&b);
}

/* ---- fitting to a width ---------------------------------------------- */

struct fit_req {
	const char *s;
	size_t len;
	int cols;
	size_t max_bytes;
	unsigned flags;      /* WN_TEXT_ASCII or 0 */
};

struct fit_plan {
	size_t end;          /* input printed: s[0..end) */
	size_t bytes;        /* bytes that makes, before the ellipsis */
	int width;           /* columns, ellipsis included */
	const char *ell;     /* ellipsis to append (ell_n bytes, ell_w cols) */
	size_t ell_n;
	int ell_w;
};

static void fit_ellipsis(const struct fit_req *rq, struct fit_plan *fp)
{
	bool ascii = rq->flags & WN_TEXT_ASCII;
	int w = ascii ? 3 : 1;

	if (w <= rq->cols && rq->max_bytes >= 3) {
		fp->ell = ascii ? "..." : "\xE2\x80\xA6";  /* U+2026 */
		fp->ell_n = 3;
		fp->ell_w = w;
		return;
	}
	size_t k = (size_t)rq->cols < rq->max_bytes ? (size_t)rq->cols
	                                            : rq->max_bytes;
	fp->ell = "...";
	fp->ell_n = k < 3 ? k : 3;
	fp->ell_w = (int)fp->ell_n;
}

/* A printable ASCII byte is one column and itself, in either mode. */
static bool printable(unsigned char c)
{
	return c >= 0x20 && c < 0x7F;
}

/* Is s[pos] a printable ASCII character alone (what cluster_next would
 * measure as 1 byte, 1 column: no zero-width mark follows it)?  The fast
 * path of the lines wean draws, nearly all ASCII. */
static bool plain_at(const char *s, size_t pos, size_t len)
{
	return printable((unsigned char)s[pos]) &&
	       (pos + 1 == len || (unsigned char)s[pos + 1] < 0x80);
}

static void fit_plan(const struct fit_req *rq, struct fit_plan *fp)
{
	size_t pos = 0, bytes = 0;
	int w = 0;

	memset(fp, 0, sizeof *fp);
	if (rq->cols <= 0 || rq->max_bytes == 0)
		return;
	fit_ellipsis(rq, fp);
	int cw = rq->cols - fp->ell_w;          /* room left for the text */
	size_t cb = rq->max_bytes - fp->ell_n;  /* when it is cut */
	while (pos < rq->len) {
		struct unit c;
		if (plain_at(rq->s, pos, rq->len))
			c = (struct unit){ .n = 1, .width = 1, .used = 1 };
		else
			cluster_next(rq->s + pos, rq->len - pos, rq->flags, &c);
		if (w + c.width > rq->cols || bytes + c.n > rq->max_bytes) {
			fp->width += fp->ell_w;
			return;  /* cut: end, bytes, width hold the prefix */
		}
		w += c.width;
		bytes += c.n;
		pos += c.used;
		if (w <= cw && bytes <= cb) {
			fp->end = pos;
			fp->bytes = bytes;
			fp->width = w;
		}
	}
	fp->end = pos;
	fp->bytes = bytes;
	fp->width = w;
	fp->ell_n = 0;
	fp->ell_w = 0;
}

/* Write the plan's bytes to dst (room for bytes + ell_n); returns them. */
static size_t fit_emit(const struct fit_req *rq, const struct fit_plan *fp,
                       char *dst)
{
	size_t pos = 0, n = 0;

	while (pos < fp->end) {
		size_t run = 0;
		while (pos + run < fp->end && printable((unsigned char)rq->s[pos + run]))
			run++;
		if (run > 0) {               /* copied as they are */
			memcpy(dst + n, rq->s + pos, run);
			n += run;
			pos += run;
			continue;
		}
		struct unit u;
		unit_next(rq->s + pos, rq->len - pos, rq->flags, &u);
		memcpy(dst + n, u.p, u.n);
		n += u.n;
		pos += u.used;
	}
	if (fp->ell_n)
		memcpy(dst + n, fp->ell, fp->ell_n);
	return n + fp->ell_n;
}

size_t wn_text_fit(const char *s, int cols, char *out, size_t outsz,
                   bool ascii)
{
	if (!out || outsz == 0)
		return 0;
	struct fit_req rq = {
		.s = s, .len = strlen(s), .cols = cols,
		.max_bytes = outsz - 1, .flags = ascii ? WN_TEXT_ASCII : 0,
	};
	struct fit_plan fp;
	fit_plan(&rq, &fp);
	out[fit_emit(&rq, &fp, out)] = '\0';
	return (size_t)fp.width;
}

int wn_text_pad(struct wn_buf *b, const char *s, int cols, unsigned flags)
{
	if (cols <= 0)
		return b->failed ? -1 : 0;
	struct fit_req rq = {
		.s = s, .len = strlen(s), .cols = cols,
		.max_bytes = SIZE_MAX / 2, .flags = flags & WN_TEXT_ASCII,
	};
	struct fit_plan fp;
	fit_plan(&rq, &fp);
	int gap = cols - fp.width, left = 0;
	if (flags & WN_TEXT_ALIGN_RIGHT)
		left = gap;
	else if (flags & WN_TEXT_ALIGN_CENTER)
		left = gap / 2;
	wn_buf_spaces(b, left);
	if (wn_buf_reserve(b, fp.bytes + fp.ell_n) != WN_OK)
		return -1;
	b->len += fit_emit(&rq, &fp, b->s + b->len);
	b->s[b->len] = '\0';
	wn_buf_spaces(b, gap - left);
	return b->failed ? -1 : cols;
}

/* ---- validation ------------------------------------------------------ */

/* Invisible in a name: format characters (soft hyphen, zero-width space,
 * word joiner, bidi marks, tags...) other than the joiners that scripts
 * and emoji need, and the line and paragraph separators. */
static bool is_invisible(int32_t cp)
{
	utf8proc_category_t c = utf8proc_category(cp);

	if (cp == 0x200C || cp == 0x200D)  /* zero-width non-joiner, joiner */
		return false;
	return c == UTF8PROC_CATEGORY_CF || c == UTF8PROC_CATEGORY_ZL ||
	       c == UTF8PROC_CATEGORY_ZP;
}

/* The problem with code point cp at offset p of s, or WN_OK. */
static int check_cp(const struct wn_text_rule *r, const char *s, size_t p,
                    int32_t cp, struct wn_err *err)
{
	bool name = r->kind == WN_TEXT_KIND_NAME;

	if (cp == WN_TEXT_INVALID)
		return wn_err_set(err, WN_DATAERR,
		                  "%s is not valid UTF-8 (byte 0x%02X at offset %zu)",
		                  r->what, (unsigned char)s[p], p);
	if (cp == 0)
		return wn_err_set(err, WN_DATAERR,
		                  "%s contains a NUL byte at offset %zu", r->what, p);
	if (wn_text_is_control(cp) &&
	    !(r->kind == WN_TEXT_KIND_NOTE && (cp == '\n' || cp == '\t')))
		return wn_err_set(err, WN_DATAERR,
		                  "%s contains control character U+%04X at offset %zu",
		                  r->what, (unsigned)cp, p);
	if (name && is_bidi(cp))
		return wn_err_set(err, WN_DATAERR,
		                  "%s contains bidi control character U+%04X at offset %zu",
		                  r->what, (unsigned)cp, p);
	if (name && is_invisible(cp))
		return wn_err_set(err, WN_DATAERR,
		                  "%s contains invisible character U+%04X at offset %zu",
		                  r->what, (unsigned)cp, p);
	return WN_OK;
}

/* The characters of s[0..len) (base: its offset in what the person typed). */
static int check_chars(const struct wn_text_rule *r, const char *s, size_t len,
                       size_t base, struct wn_err *err)
{
	long width = 0;

	for (size_t p = 0; p < len;) {
		int32_t cp;
		size_t n = wn_text_decode(s + p, len - p, &cp);
		int rc = check_cp(r, s - base, base + p, cp, err);
		if (rc != WN_OK)
			return rc;
		width += wn_text_cp_width(cp);
		p += n;
	}
	if (r->kind == WN_TEXT_KIND_NAME && width == 0)
		return wn_err_set(err, WN_DATAERR, "%s has no visible characters",
		                  r->what);
	return WN_OK;
}

static int check_size(const struct wn_text_rule *r, size_t len,
                      struct wn_err *err)
{
	if (len == 0 && r->kind == WN_TEXT_KIND_NAME)
		return wn_err_set(err, WN_DATAERR, "%s is empty", r->what);
	if (len <= r->max)
		return WN_OK;
	wn_err_set(err, WN_DATAERR, "%s is too long (%zu bytes; at most %zu)",
	           r->what, len, r->max);
	wn_err_hint(err, "shorten the %s", r->what);
	return WN_DATAERR;
}

int wn_text_check(const struct wn_text_rule *r, const char *s, size_t len,
                  struct wn_err *err)
{
	int rc = check_size(r, len, err);

	if (rc == WN_OK && r->kind == WN_TEXT_KIND_NAME &&
	    (s[0] == ' ' || s[len - 1] == ' '))
		rc = wn_err_set(err, WN_DATAERR,
		                "%s must not start or end with a space", r->what);
	return rc == WN_OK ? check_chars(r, s, len, 0, err) : rc;
}

int wn_text_check_note(const char *s, size_t len, size_t max_bytes,
                       struct wn_err *err)
{
	struct wn_text_rule r = {
		.what = "note", .kind = WN_TEXT_KIND_NOTE,
		.max = max_bytes ? max_bytes : WN_TEXT_NOTE_MAX,
	};
	return wn_text_check(&r, s, len, err);
}

size_t wn_text_normalize_newlines(char *s, size_t len)
{
	size_t r = 0, w = 0;

	while (r < len) {
		if (s[r] == '\r') {
			s[w++] = '\n';
			r += (r + 1 < len && s[r + 1] == '\n') ? 2 : 1;
		} else {
			s[w++] = s[r++];
		}
	}
	s[w] = '\0';
	return w;
}

int wn_text_check_name(const char *s, char *out, size_t outsz,
                       struct wn_err *err)
{
	struct wn_text_rule r = {
		.what = "name", .max = WN_TEXT_NAME_MAX, .kind = WN_TEXT_KIND_NAME,
	};
	size_t a = 0, b = strlen(s);

	if (out && outsz)
		out[0] = '\0';
	while (a < b && s[a] == ' ')
		a++;
	while (b > a && s[b - 1] == ' ')
		b--;
	if (out && outsz <= r.max)
		r.max = outsz ? outsz - 1 : 0;
	int rc = check_size(&r, b - a, err);
	if (rc == WN_OK)
		rc = check_chars(&r, s + a, b - a, a, err);
	if (rc != WN_OK || !out)
		return rc;
	memcpy(out, s + a, b - a);
	out[b - a] = '\0';
	return WN_OK;
}

/* ---- cursor steps ---------------------------------------------------- */

/* The code point ending at pos (> 0): its start, and the code point. */
static size_t step_back(const char *s, size_t pos, int32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;

	for (size_t k = 1; k <= 4 && k <= pos; k++) {
		size_t j = pos - k;
		if ((u[j] & 0xC0) == 0x80)
			continue;  /* continuation byte: look further back */
		if (wn_text_decode(s + j, k, cp) == k && *cp != WN_TEXT_INVALID)
			return j;
		break;
	}
	wn_text_decode(s + pos - 1, 1, cp);
	return pos - 1;
}

size_t wn_text_prev_char(const char *s, size_t pos)
{
	int32_t cp, base;

	if (pos == 0)
		return 0;
	size_t p = step_back(s, pos, &cp);
	while (p > 0 && is_zero_width(cp)) {
		size_t q = step_back(s, p, &base);
		if (base == '\n')
			break;
		p = q;
		cp = base;
	}
	return p;
}

size_t wn_text_next_char(const char *s, size_t pos)
{
	int32_t cp;

	if (s[pos] == '\0')
		return pos;
	size_t p = pos + wn_text_decode(s + pos, strnlen(s + pos, 4), &cp);
	if (cp == '\n')
		return p;
	while (s[p] != '\0') {
		size_t n = wn_text_decode(s + p, strnlen(s + p, 4), &cp);
		if (!is_zero_width(cp))
			break;
		p += n;
	}
	return p;
}

/* ---- case folding ---------------------------------------------------- */

#define FOLD_OPTS (UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD)
#define FOLD_CHAR_MAX 32   /* code points one character may fold into */

/* Put the combining marks of run[0..n) in canonical order, then compose
 * them (NFC); returns the new length.  Only valid code points here:
 * utf8proc does not check the range. */
static size_t fold_run_finish(int32_t *run, size_t n)
{
	for (size_t i = 0; i + 1 < n;) {
		int a = utf8proc_get_property(run[i])->combining_class;
		int b = utf8proc_get_property(run[i + 1])->combining_class;
		if (a > b && b > 0) {
			int32_t t = run[i];
			run[i] = run[i + 1];
			run[i + 1] = t;
			i = i > 0 ? i - 1 : i + 1;
		} else {
			i++;
		}
	}
	return n ? (size_t)utf8proc_normalize_utf32(run, (utf8proc_ssize_t)n, FOLD_OPTS) : 0;
}

/* The case-folded decomposition of the character at s (k bytes) into d:
 * how many code points, or 0 for an invalid byte. */
static size_t fold_char(const char *s, size_t len, size_t *k, int32_t *d)
{
	int32_t cp;
	int boundclass = 0;

	*k = wn_text_decode(s, len, &cp);
	if (cp == WN_TEXT_INVALID)
		return 0;
	utf8proc_ssize_t m = utf8proc_decompose_char(cp, d, FOLD_CHAR_MAX,
	                                             FOLD_OPTS, &boundclass);
	return m > 0 && m <= FOLD_CHAR_MAX ? (size_t)m : 0;
}

size_t wn_text_fold(const char *s, int32_t *out, size_t max, size_t *n)
{
	size_t len = strlen(s), p = 0, run = 0, k;  /* out[run..*n): valid */
	int32_t d[FOLD_CHAR_MAX];

	*n = 0;
	for (; p < len; p += k) {
		size_t m = fold_char(s + p, len - p, &k, d);
		if (*n + (m ? m : 1) > max)
			break;
		if (m) {
			memcpy(out + *n, d, m * sizeof *d);
			*n += m;
			continue;
		}
		*n = run + fold_run_finish(out + run, *n - run);
		out[(*n)++] = 0x110000 + (unsigned char)s[p];
		run = *n;
	}
	*n = run + fold_run_finish(out + run, *n - run);
	return p;
}

#define NAME_FOLD_MAX (4 * WN_TEXT_NAME_MAX)

bool wn_text_same_name(const char *a, const char *b)
{
	int32_t x[NAME_FOLD_MAX], y[NAME_FOLD_MAX];
	size_t n, m;

	if (wn_text_fold(a, x, NAME_FOLD_MAX, &n) != strlen(a) ||
	    wn_text_fold(b, y, NAME_FOLD_MAX, &m) != strlen(b))
		return strcmp(a, b) == 0;  /* too long to fold: exact only */
	return n == m && memcmp(x, y, n * sizeof *x) == 0;
}
