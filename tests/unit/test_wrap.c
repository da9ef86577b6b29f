/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_wrap.c -- unit tests for wrap.c (suite "wrap"): word wrap, and
 * byte offsets to screen positions and back.  Property checks use a
 * fixed-seed generator (text_samples.h) so failures reproduce. */
#include <criterion/criterion.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/text.h"
#include "core/wrap.h"
#include "text_samples.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define MB (1024 * 1024)

/* ---- wrap ------------------------------------------------------------ */

/* The wrapped lines of s joined with '|'. */
static void joined(const char *s, const struct wn_wrap_line *l, size_t n,
                   struct wn_buf *b)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			wn_buf_addc(b, '|');
		wn_buf_add(b, s + l[i].off, l[i].len);
	}
}

Test(wrap, wrap)
{
	static const struct {
		const char *s;
		int cols;
		const char *want;
	} cases[] = {
		{ .s = "hello world", .cols = 5, .want = "hello|world" },
		{ .s = "hello world", .cols = 6, .want = "hello |world" },
		{ .s = "hello world", .cols = 11, .want = "hello world" },
		{ .s = "a b c", .cols = 3, .want = "a b|c" },
		{ .s = "one two three four", .cols = 9, .want = "one two |three |four" },
		{ .s = "abcdefgh", .cols = 3, .want = "abc|def|gh" },
		{ .s = "日本語", .cols = 3, .want = "日|本|語" },
		{ .s = "日本語", .cols = 4, .want = "日本|語" },
		{ .s = "日本語", .cols = 1, .want = "日|本|語" },
		{ .s = "ab日", .cols = 3, .want = "ab|日" },
		{ .s = "e\xCC\x81" "e\xCC\x81" "e\xCC\x81", .cols = 2,
		  .want = "e\xCC\x81" "e\xCC\x81|e\xCC\x81" },
		{ .s = "tab\there", .cols = 4, .want = "tab\t|here" },
		{ .s = "  x", .cols = 1, .want = " |x" },
		{ .s = "", .cols = 10, .want = "" },
		{ .s = "a\n\nb", .cols = 10, .want = "a||b" },
		{ .s = "a\n", .cols = 10, .want = "a|" },
		{ .s = "ab cd", .cols = 0, .want = "a|b|c|d" },
	};

	for (size_t i = 0; i < NELEM(cases); i++) {
		struct wn_wrap_line lines[16];
		struct wn_buf b;
		size_t n = wn_wrap(cases[i].s, cases[i].cols, lines, NELEM(lines));
		cr_assert_leq(n, NELEM(lines));
		wn_buf_init(&b);
		joined(cases[i].s, lines, n, &b);
		cr_expect_str_eq(b.s, cases[i].want, "case %zu", i);
		wn_buf_free(&b);
		cr_expect_eq(wn_wrap(cases[i].s, cases[i].cols, NULL, 0), n);
		for (size_t k = 0; k < n; k++)
			cr_expect_eq(lines[k].width,
			             wn_text_width_n(cases[i].s + lines[k].off, lines[k].len, 0),
			             "case %zu line %zu", i, k);
	}
}

Test(wrap, wrap_fills_at_most_max_lines)
{
	struct {
		struct wn_wrap_line l[2];
		struct wn_wrap_line guard;
	} box = { .guard = { 99, 99, 99 } };

	size_t n = wn_wrap("aa bb cc dd ee", 2, box.l, 2);
	cr_expect_eq(n, 5);
	cr_expect_eq(box.guard.off, 99);  /* nothing written past max_lines */
	cr_expect_eq(box.l[0].off, 0);
	cr_expect_eq(box.l[1].off, 3);
	cr_expect_eq(box.l[1].len, 2);
}

/* Invariants of a wrap of s at cols. */
static void check_wrap(const char *s, int cols)
{
	size_t len = strlen(s), n = wn_wrap(s, cols, NULL, 0);
	struct wn_wrap_line *l = calloc(n, sizeof *l);
	cr_assert(l);
	cr_assert_eq(wn_wrap(s, cols, l, n), n);
	cr_assert_eq(l[0].off, 0);
	cr_assert_eq(l[n - 1].off + l[n - 1].len, len, "cols %d", cols);
	for (size_t i = 0; i < n; i++) {
		size_t end = l[i].off + l[i].len;
		cr_assert_eq(l[i].width, wn_text_width_n(s + l[i].off, l[i].len, 0));
		bool one_char = wn_text_next_char(s, l[i].off) >= end;
		cr_assert(l[i].width <= cols || one_char, "cols %d line %zu", cols, i);
		if (l[i].len > 0)
			cr_assert_eq(wn_text_next_char(s, wn_text_prev_char(s, end)), end,
			             "line end inside a character, cols %d", cols);
		if (i + 1 == n)
			break;
		/* between two lines: nothing, or one dropped space or newline */
		if (l[i + 1].off == end) {
			cr_assert_gt(l[i].len, 0);
			continue;
		}
		cr_assert(s[end] == ' ' || s[end] == '\t' || s[end] == '\n',
		          "cols %d line %zu", cols, i);
		cr_assert_eq(wn_text_next_char(s, end), l[i + 1].off,
		             "cols %d line %zu", cols, i);
	}
	free(l);
}

static const char wrap_text[] =
	"Woke at 4am — brain zaps again 日本語のテキスト, e\xCC\x81te\xCC\x81. "
	"Supercalifragilisticexpialidocious 😀😀😀\n\nSecond paragraph\tafter "
	"a blank line;  two spaces 0123456789012345678901234567890123456789 end\n";

Test(wrap, wrap_properties_every_width)
{
	for (int cols = 1; cols <= 80; cols++)
		check_wrap(wrap_text, cols);
}

Test(wrap, wrap_properties_on_random_text)
{
	char in[256];

	for (int iter = 0; iter < 2000; iter++) {
		random_text(in, sizeof in);
		check_wrap(in, 1 + (int)(rng() % 12));
	}
}

Test(wrap, wrap_wide_char_at_the_boundary)
{
	for (int cols = 1; cols <= 80; cols++) {
		char s[128];
		memset(s, 'a', (size_t)cols - 1);
		strcpy(s + cols - 1, "日b");
		struct wn_wrap_line l[4];
		size_t n = wn_wrap(s, cols, l, NELEM(l));
		size_t first = cols >= 2 ? 1 : 0;  /* the line holding 日 */
		if (cols >= 2) {
			cr_assert_eq(l[0].len, (size_t)cols - 1, "cols %d", cols);
			cr_assert_eq(l[0].width, cols - 1);
		}
		cr_assert_eq(l[first].off, (size_t)cols - 1, "cols %d", cols);
		cr_assert_eq(memcmp(s + l[first].off, "日", 3), 0, "cols %d", cols);
		cr_assert_eq(n, cols <= 2 ? first + 2 : first + 1, "cols %d", cols);
		for (size_t i = 0; i < n; i++)
			cr_assert(l[i].width <= (cols < 2 ? 2 : cols), "cols %d", cols);
	}
}

Test(wrap, wrap_locate_and_offset_round_trip)
{
	static const char s[] = "ab 日本 e\xCC\x81x\nline two here 😀ok";
	struct wn_wrap_line l[64];

	for (int cols = 1; cols <= 20; cols++) {
		size_t n = wn_wrap(s, cols, l, NELEM(l));
		cr_assert_leq(n, NELEM(l));
		for (size_t pos = 0;; pos = wn_text_next_char(s, pos)) {
			struct wn_wrap_pos at = wn_wrap_locate(s, l, n, pos);
			cr_assert_lt(at.line, n);
			cr_assert_leq(at.col, l[at.line].width, "cols %d pos %zu", cols, pos);
			if (pos < l[at.line].off + l[at.line].len)
				cr_assert_eq(wn_wrap_offset(s, l, n, at), pos,
				             "cols %d pos %zu", cols, pos);
			if (!s[pos])
				break;
		}
	}
}

Test(wrap, wrap_locate_and_offset_cases)
{
	struct wn_wrap_line l[8];
	size_t n = wn_wrap("abcdef", 3, l, NELEM(l));  /* soft: abc|def */
	struct wn_wrap_pos at = wn_wrap_locate("abcdef", l, n, 3);
	cr_expect(at.line == 1 && at.col == 0);
	at = wn_wrap_locate("abcdef", l, n, 6);
	cr_expect(at.line == 1 && at.col == 3);
	cr_expect_eq(wn_wrap_offset("abcdef", l, n,
	             (struct wn_wrap_pos){ 0, 3 }), 2);
	cr_expect_eq(wn_wrap_offset("abcdef", l, n,
	             (struct wn_wrap_pos){ 0, 99 }), 2);
	cr_expect_eq(wn_wrap_offset("abcdef", l, n,
	             (struct wn_wrap_pos){ 1, 99 }), 6);
	cr_expect_eq(wn_wrap_offset("abcdef", l, n,
	             (struct wn_wrap_pos){ 7, 0 }), 6);

	n = wn_wrap("hello world", 5, l, NELEM(l));  /* dropped space */
	at = wn_wrap_locate("hello world", l, n, 5);
	cr_expect(at.line == 0 && at.col == 5);
	cr_expect_eq(wn_wrap_offset("hello world", l, n, at), 5);

	n = wn_wrap("ab\ncd", 10, l, NELEM(l));     /* on the newline */
	at = wn_wrap_locate("ab\ncd", l, n, 2);
	cr_expect(at.line == 0 && at.col == 2);
	cr_expect_eq(wn_wrap_offset("ab\ncd", l, n, at), 2);

	n = wn_wrap("日本", 10, l, NELEM(l));     /* inside a wide char */
	cr_expect_eq(wn_wrap_offset("日本", l, n, (struct wn_wrap_pos){ 0, 3 }), 3);
	at = wn_wrap_locate("日本", l, 0, 3);
	cr_expect(at.line == 0 && at.col == 0);
	cr_expect_eq(wn_wrap_offset("日本", l, 0, at), 0);
}

Test(wrap, megabyte_in_linear_time, .timeout = 20)
{
	char *words = repeat("word ", MB);
	size_t n = wn_wrap(words, 80, NULL, 0);
	cr_expect_eq(n, (MB / 5 + 15) / 16);  /* 16 words a line */
	char *solid = repeat("x", MB);
	cr_expect_eq(wn_wrap(solid, 80, NULL, 0), (size_t)(MB + 79) / 80);
	free(words);
	free(solid);
}
