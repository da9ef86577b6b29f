/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_text.c -- libFuzzer harness: the UTF-8 text module (text.c):
 * decoding, validation, widths, sanitizing for the terminal, ASCII
 * transliteration, fit/pad to a width, note and name checks, newline
 * normalisation, word wrap with cursor locate/offset, cursor steps, and
 * the "did you mean" distance and suggestions.
 *
 * Input: byte 0 = columns (a signed byte, so 0 and negative widths come
 * up), byte 1 = output buffer size for wn_text_fit, byte 2 = flags; the
 * rest is the text, used both with its length (embedded NULs included)
 * and as a C string (up to the first NUL).  Each documented property
 * below is checked; a violation aborts like a crash.
 */
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "core/suggest.h"
#include "core/text.h"
#include "core/wrap.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	wn_fuzz_init();
	return 0;
}

static void check_decode(const char *s, size_t len)
{
	for (size_t p = 0; p < len;) {
		int32_t cp;
		size_t n = wn_text_decode(s + p, len - p, &cp);
		WN_FUZZ_CHECK(n >= 1 && n <= 4 && n <= len - p, "decode took %zu at %zu", n, p);
		if (cp == WN_TEXT_INVALID) {
			WN_FUZZ_CHECK(n == 1, "an invalid unit of %zu bytes", n);
		} else {
			char out[4];
			size_t m = wn_text_encode(cp, out);
			WN_FUZZ_CHECK(m == n && memcmp(out, s + p, n) == 0,
			              "U+%04X does not encode back", (unsigned)cp);
		}
		p += n;
	}
	WN_FUZZ_CHECK(wn_text_valid_utf8(s, len) == (wn_text_utf8_error(s, len) == len),
	              "valid_utf8 and utf8_error disagree");
	WN_FUZZ_CHECK(wn_text_decode(s, 0, &(int32_t){ 0 }) == 0, "decode of nothing");
}

/* What reaches the terminal: valid UTF-8, no control, DEL, C1 or bidi. */
static void check_safe(const char *s, size_t len, bool keep_nl)
{
	WN_FUZZ_CHECK(strlen(s) == len, "a NUL inside sanitized text");
	WN_FUZZ_CHECK(wn_text_valid_utf8(s, len), "sanitized text is not UTF-8");
	for (size_t p = 0; p < len;) {
		int32_t cp;
		p += wn_text_decode(s + p, len - p, &cp);
		WN_FUZZ_CHECK(!wn_text_is_unsafe(cp) || (keep_nl && cp == '\n'),
		              "U+%04X survived sanitizing", (unsigned)cp);
	}
}

static void check_sanitize(const char *s, size_t len)
{
	for (unsigned flags = 0; flags < 4; flags++) {
		struct wn_buf b;
		wn_buf_init(&b);
		WN_FUZZ_CHECK(wn_text_sanitize_to(&b, s, len, flags) == WN_OK, "sanitize_to");
		check_safe(b.s, b.len, flags & WN_TEXT_KEEP_NL);
		if (flags & WN_TEXT_ASCII)
			for (size_t i = 0; i < b.len; i++)
				WN_FUZZ_CHECK((b.s[i] >= 0x20 && b.s[i] < 0x7f) || b.s[i] == '\n',
				              "byte 0x%02x in ASCII output", (unsigned char)b.s[i]);
		if (!(flags & WN_TEXT_KEEP_NL))
			WN_FUZZ_CHECK(wn_text_width_n(s, len, flags & WN_TEXT_ASCII) ==
			              wn_text_width_n(b.s, b.len, flags & WN_TEXT_ASCII),
			              "width %d of the text, %d of its sanitized form (flags %u)",
			              wn_text_width_n(s, len, flags & WN_TEXT_ASCII),
			              wn_text_width_n(b.s, b.len, flags & WN_TEXT_ASCII), flags);
		wn_buf_free(&b);
	}
	char *a = wn_text_sanitize(s, len, true);
	char *t = wn_text_to_ascii(s, len);
	WN_FUZZ_CHECK(a && t, "out of memory");
	check_safe(a, strlen(a), true);
	free(a);
	free(t);
}

static void check_fit(const char *s, int cols, size_t outsz, bool ascii)
{
	char *out = malloc(outsz ? outsz : 1);
	if (!out)
		return;
	size_t w = wn_text_fit(s, cols, out, outsz, ascii);
	if (outsz == 0) {
		WN_FUZZ_CHECK(w == 0, "fit into nothing gave %zu", w);
		free(out);
		return;
	}
	size_t n = strnlen(out, outsz);
	WN_FUZZ_CHECK(n < outsz, "fit output not terminated");
	check_safe(out, n, false);
	int measured = wn_text_width_n(out, n, ascii ? WN_TEXT_ASCII : 0);
	WN_FUZZ_CHECK((size_t)measured == w, "fit says %zu columns, output has %d", w, measured);
	WN_FUZZ_CHECK(w <= (size_t)(cols > 0 ? cols : 0), "fit %zu columns into %d", w, cols);
	free(out);
}

static void check_pad(const char *s, int cols, unsigned flags)
{
	struct wn_buf b;
	wn_buf_init(&b);
	int r = wn_text_pad(&b, s, cols, flags);
	int want = cols > 0 ? cols : 0;
	WN_FUZZ_CHECK(r == want, "pad to %d returned %d", cols, r);
	int w = wn_text_width_n(b.s, b.len, flags & WN_TEXT_ASCII);
	WN_FUZZ_CHECK(w == want, "pad to %d gave %d columns", cols, w);
	check_safe(b.s, b.len, false);
	wn_buf_free(&b);
}

static void check_checks(const char *s, size_t len, const char *cstr)
{
	struct wn_err err = { 0 };
	if (wn_text_check_note(s, len, 0, &err) == WN_OK)
		WN_FUZZ_CHECK(wn_text_valid_utf8(s, len) && !memchr(s, '\0', len),
		              "a bad note accepted");
	char name[WN_TEXT_NAME_MAX + 1];
	if (wn_text_check_name(cstr, name, sizeof name, &err) == WN_OK) {
		size_t n = strlen(name);
		WN_FUZZ_CHECK(n >= 1 && n <= WN_TEXT_NAME_MAX && name[0] != ' ' &&
		              name[n - 1] != ' ' && wn_text_width(name) > 0,
		              "a bad name accepted: '%s'", name);
		check_safe(name, n, false);
	} else {
		WN_FUZZ_CHECK(name[0] == '\0', "a refused name left in out");
	}
	char *copy = malloc(len + 1);
	if (!copy)
		return;
	memcpy(copy, s, len);
	size_t n = wn_text_normalize_newlines(copy, len);
	WN_FUZZ_CHECK(n <= len && copy[n] == '\0' && !memchr(copy, '\r', n),
	              "normalize_newlines");
	free(copy);
}

/* Each line within the columns unless it holds one wide character (and
 * perhaps zero-width ones, which have no base, before it). */
static void check_line(const char *s, const struct wn_wrap_line *l, int cols)
{
	WN_FUZZ_CHECK(l->width == wn_text_width_n(s + l->off, l->len, 0),
	              "line at %zu: width %d, measured %d", l->off, l->width,
	              wn_text_width_n(s + l->off, l->len, 0));
	if (l->width <= cols)
		return;
	int visible = 0;
	for (size_t p = l->off, q; p < l->off + l->len; p = q) {
		q = wn_text_next_char(s, p);
		visible += wn_text_width_n(s + p, q - p, 0) > 0;
	}
	WN_FUZZ_CHECK(visible == 1, "line at %zu of %d columns is wider than %d and has %d characters",
	              l->off, l->width, cols, visible);
}

static void check_wrap(const char *s, int cols)
{
	size_t len = strlen(s);
	size_t n = wn_wrap(s, cols, NULL, 0);
	WN_FUZZ_CHECK(n >= 1, "wrap gave no line");
	struct wn_wrap_line *lines = calloc(n, sizeof *lines);
	if (!lines)
		return;
	WN_FUZZ_CHECK(wn_wrap(s, cols, lines, n) == n, "wrap counts differ");
	int c = cols < 1 ? 1 : cols;
	for (size_t i = 0; i < n; i++) {
		WN_FUZZ_CHECK(lines[i].off + lines[i].len <= len, "line %zu past the end", i);
		WN_FUZZ_CHECK(i == 0 || lines[i].off >= lines[i - 1].off + lines[i - 1].len,
		              "line %zu overlaps", i);
		check_line(s, &lines[i], c);
	}
	/* cursor positions (the first 128 characters: this is quadratic) */
	size_t tries = 0;
	for (size_t p = 0; tries++ < 128; p = wn_text_next_char(s, p)) {
		struct wn_wrap_pos at = wn_wrap_locate(s, lines, n, p);
		WN_FUZZ_CHECK(at.line < n && at.col >= 0, "locate %zu", p);
		size_t back = wn_wrap_offset(s, lines, n, at);
		WN_FUZZ_CHECK(back <= len, "offset %zu past the end", back);
		if (p >= len)
			break;
	}
	for (size_t i = 0; i < n && i < 64; i++) {
		struct wn_wrap_pos end = { i, INT_MAX };
		size_t e = wn_wrap_offset(s, lines, n, end);
		WN_FUZZ_CHECK(e >= lines[i].off && e <= lines[i].off + lines[i].len,
		              "end of line %zu at %zu, outside %zu..%zu", i, e, lines[i].off,
		              lines[i].off + lines[i].len);
	}
	struct wn_wrap_pos past = { n + 1, 0 };
	WN_FUZZ_CHECK(wn_wrap_offset(s, lines, n, past) <= len, "past the last line");
	free(lines);
}

static void check_steps(const char *s)
{
	size_t len = strlen(s), p = 0, steps = 0;
	while (p < len) {
		size_t q = wn_text_next_char(s, p);
		WN_FUZZ_CHECK(q > p && q <= len, "next_char(%zu) = %zu", p, q);
		p = q;
		steps++;
	}
	WN_FUZZ_CHECK(wn_text_next_char(s, len) == len, "next_char at the end");
	while (p > 0) {
		size_t q = wn_text_prev_char(s, p);
		WN_FUZZ_CHECK(q < p, "prev_char(%zu) = %zu", p, q);
		p = q;
	}
	(void)steps;
}

/* The C string split at '\n' into candidate names; the first is the word. */
static void check_suggest(char *cstr)
{
	const char *cands[32];
	size_t n = 0;
	for (char *t = cstr; t && n < 32; n++) {
		cands[n] = t;
		t = strchr(t, '\n');
		if (t)
			*t++ = '\0';
	}
	const char *best[WN_SUGGEST_MAX];
	size_t k = wn_suggest(cands[0], cands + 1, n - 1, best, WN_SUGGEST_MAX);
	WN_FUZZ_CHECK(k <= n - 1, "%zu suggestions from %zu", k, n - 1);
	for (size_t i = 1; i < n && i < 8; i++) {
		int d = wn_suggest_distance(cands[0], cands[i]);
		WN_FUZZ_CHECK(d >= 0 && d == wn_suggest_distance(cands[i], cands[0]),
		              "distance is not symmetric");
	}
	WN_FUZZ_CHECK(wn_suggest_distance(cands[0], cands[0]) == 0, "distance to itself");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 3)
		return -1;
	int cols = (int)(int8_t)data[0];
	size_t outsz = data[1];
	unsigned flags = data[2];
	size_t len = size - 3;
	char *s = malloc(len + 1);
	if (!s)
		return 0;
	memcpy(s, data + 3, len);
	s[len] = '\0';

	check_decode(s, len);
	check_sanitize(s, len);
	WN_FUZZ_CHECK(wn_text_width(s) >= 0, "negative width");
	check_fit(s, cols, outsz, flags & 1);
	check_pad(s, cols, flags & (WN_TEXT_ASCII | WN_TEXT_ALIGN_RIGHT | WN_TEXT_ALIGN_CENTER));
	check_checks(s, len, s);
	check_wrap(s, cols);
	check_steps(s);
	check_suggest(s);
	free(s);
	return 0;
}
