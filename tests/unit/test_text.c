/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_text.c -- unit tests for text.c (suite "text"); wrap, suggestions
 * and the buffer have their own (test_wrap.c, test_suggest.c, test_buf.c).
 *
 * Tables of cases with designated initialisers; strings with explicit
 * lengths where they hold NUL bytes.  Property checks use a fixed-seed
 * generator so failures reproduce.
 */
#include <criterion/criterion.h>

#include <limits.h>
#include <math.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "text_samples.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define MB (1024 * 1024)

/* Length of a case string: explicit when given, else strlen. */
static size_t slen(const char *s, size_t len)
{
	return len ? len : strlen(s);
}

/* Does every code point of s[0..len) pass the display rule? */
static bool terminal_safe(const char *s, size_t len, bool newlines_ok)
{
	for (size_t p = 0; p < len;) {
		int32_t cp;
		size_t n = wn_text_decode(s + p, len - p, &cp);
		if (cp == WN_TEXT_INVALID)
			return false;
		if (wn_text_is_unsafe(cp) && !(newlines_ok && cp == '\n'))
			return false;
		p += n;
	}
	return true;
}

/* ---- UTF-8 ----------------------------------------------------------- */

Test(text, valid_utf8)
{
	static const struct {
		const char *s;
		size_t len;     /* 0: strlen */
		bool valid;
		size_t err_at;  /* first bad byte when invalid */
	} cases[] = {
		{ .s = "", .valid = true },
		{ .s = "plain ascii", .valid = true },
		{ .s = "é", .valid = true },
		{ .s = "—", .valid = true },
		{ .s = "日本", .valid = true },
		{ .s = "😀", .valid = true },
		{ .s = "\xF4\x8F\xBF\xBF", .valid = true },     /* U+10FFFF */
		{ .s = "\xEF\xBF\xBF", .valid = true },         /* U+FFFF */
		{ .s = "a\0b", .len = 3, .valid = true },       /* U+0000 */
		{ .s = "ab\xC3", .valid = false, .err_at = 2 }, /* truncated */
		{ .s = "\xC3(", .valid = false, .err_at = 0 },
		{ .s = "\xFF", .valid = false, .err_at = 0 },
		{ .s = "\xFE", .valid = false, .err_at = 0 },
		{ .s = "x\x80", .valid = false, .err_at = 1 },  /* stray continuation */
		{ .s = "\xC0\xAF", .valid = false, .err_at = 0 },        /* overlong / */
		{ .s = "\xC1\xBF", .valid = false, .err_at = 0 },
		{ .s = "\xE0\x80\xAF", .valid = false, .err_at = 0 },
		{ .s = "\xF0\x80\x80\xAF", .valid = false, .err_at = 0 },
		{ .s = "\xED\xA0\x80", .valid = false, .err_at = 0 },    /* D800 */
		{ .s = "\xED\xBF\xBF", .valid = false, .err_at = 0 },    /* DFFF */
		{ .s = "\xF4\x90\x80\x80", .valid = false, .err_at = 0 },/* >10FFFF */
		{ .s = "日\xE6\x97", .valid = false, .err_at = 3 },
	};

	for (size_t i = 0; i < NELEM(cases); i++) {
		size_t len = slen(cases[i].s, cases[i].len);
		cr_expect_eq(wn_text_valid_utf8(cases[i].s, len), cases[i].valid,
		             "case %zu", i);
		size_t want = cases[i].valid ? len : cases[i].err_at;
		cr_expect_eq(wn_text_utf8_error(cases[i].s, len), want,
		             "case %zu", i);
	}
}

Test(text, prefix_never_splits_a_character)
{
	static const struct {
		const char *s;
		size_t max, want;
	} cases[] = {
		{ .s = "abc", .max = 5, .want = 3 },
		{ .s = "abc", .max = 2, .want = 2 },
		{ .s = "aé", .max = 2, .want = 1 },     /* é is 2 bytes */
		{ .s = "aé", .max = 3, .want = 3 },
		{ .s = "日本", .max = 4, .want = 3 },
		{ .s = "😀", .max = 3, .want = 0 },
		{ .s = "x\x80\x80", .max = 2, .want = 0 },  /* stray continuations */
	};

	for (size_t i = 0; i < NELEM(cases); i++)
		cr_expect_eq(wn_text_prefix(cases[i].s, strlen(cases[i].s), cases[i].max),
		             cases[i].want, "case %zu", i);
}

Test(text, decode_one)
{
	static const struct {
		const char *s;
		size_t used;
		int32_t cp;
	} cases[] = {
		{ .s = "A", .used = 1, .cp = 'A' },
		{ .s = "é", .used = 2, .cp = 0xE9 },
		{ .s = "—", .used = 3, .cp = 0x2014 },
		{ .s = "😀", .used = 4, .cp = 0x1F600 },
		{ .s = "\xC3", .used = 1, .cp = WN_TEXT_INVALID },
		{ .s = "\xC0\xAF", .used = 1, .cp = WN_TEXT_INVALID },
		{ .s = "\xED\xA0\x80", .used = 1, .cp = WN_TEXT_INVALID },
		{ .s = "\x80", .used = 1, .cp = WN_TEXT_INVALID },
		{ .s = "", .used = 0, .cp = WN_TEXT_INVALID },
	};

	for (size_t i = 0; i < NELEM(cases); i++) {
		int32_t cp = 0;
		size_t n = wn_text_decode(cases[i].s, strlen(cases[i].s), &cp);
		cr_expect_eq(n, cases[i].used, "case %zu", i);
		cr_expect_eq(cp, cases[i].cp, "case %zu", i);
	}
}

Test(text, encode_decode_every_code_point)
{
	for (int32_t cp = 0; cp <= 0x10FFFF + 1; cp++) {
		char buf[4];
		size_t n = wn_text_encode(cp, buf);
		bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
		if (surrogate || cp > 0x10FFFF) {
			cr_assert_eq(n, 0, "U+%04X encoded", (unsigned)cp);
			continue;
		}
		int32_t back;
		cr_assert(wn_text_valid_utf8(buf, n), "U+%04X", (unsigned)cp);
		cr_assert_eq(wn_text_decode(buf, n, &back), n, "U+%04X", (unsigned)cp);
		cr_assert_eq(back, cp);
	}
	char buf[4];
	cr_expect_eq(wn_text_encode(-5, buf), 0);
}

/* ---- classes and widths ---------------------------------------------- */

Test(text, cp_width)
{
	static const struct {
		int32_t cp;
		int width;
	} cases[] = {
		{ .cp = 'a', .width = 1 },      { .cp = 0xE9, .width = 1 },
		{ .cp = 0x0301, .width = 0 },   { .cp = 0x200B, .width = 0 },
		{ .cp = 0x200D, .width = 0 },   { .cp = 0xFE0F, .width = 0 },
		{ .cp = 0x1F680, .width = 2 },  { .cp = 0x00AD, .width = 1 },
		{ .cp = 0x4E00, .width = 2 },   { .cp = 0xAC00, .width = 2 },
		{ .cp = 0x3000, .width = 2 },   { .cp = 0xFF21, .width = 2 },
		{ .cp = 0xFF71, .width = 1 },   { .cp = 0x1F600, .width = 2 },
		{ .cp = 0x20000, .width = 2 },  { .cp = 0x2014, .width = 1 },
		{ .cp = 0x1B, .width = 1 },     { .cp = 0x9B, .width = 1 },
		{ .cp = 0x202E, .width = 1 },   { .cp = WN_TEXT_INVALID, .width = 1 },
		{ .cp = 0x10FFFD, .width = 1 },
	};

	for (size_t i = 0; i < NELEM(cases); i++)
		cr_expect_eq(wn_text_cp_width(cases[i].cp), cases[i].width,
		             "U+%04X", (unsigned)cases[i].cp);
}

Test(text, classes)
{
	cr_expect(wn_text_is_control(0x1B));
	cr_expect(wn_text_is_control('\n'));
	cr_expect(wn_text_is_control(0x7F));
	cr_expect(wn_text_is_control(0x9B));
	cr_expect_not(wn_text_is_control(0xA0));
	cr_expect_not(wn_text_is_control(WN_TEXT_INVALID));
	for (int32_t cp = 0x202A; cp <= 0x202E; cp++)
		cr_expect(wn_text_is_unsafe(cp) && !wn_text_is_control(cp));
	for (int32_t cp = 0x2066; cp <= 0x2069; cp++)
		cr_expect(wn_text_is_unsafe(cp) && !wn_text_is_control(cp));
	cr_expect_not(wn_text_is_unsafe(0x2029));
	cr_expect_not(wn_text_is_unsafe(0x206A));
	cr_expect_not(wn_text_is_unsafe('a'));
}

Test(text, width)
{
	static const struct {
		const char *s;
		int width;
	} cases[] = {
		{ .s = "", .width = 0 },
		{ .s = "abc", .width = 3 },
		{ .s = "é", .width = 1 },
		{ .s = "e\xCC\x81", .width = 1 },
		{ .s = "—", .width = 1 },
		{ .s = "日本", .width = 4 },
		{ .s = "😀", .width = 2 },
		{ .s = "👨\u200D👩\u200D👧", .width = 6 },
		{ .s = "한국어", .width = 6 },
		{ .s = "ＡＢ", .width = 4 },
		{ .s = "\x1b[31m", .width = 5 },
		{ .s = "\xC2\x9B", .width = 1 },
		{ .s = "\xC3", .width = 1 },
		{ .s = "\xFF", .width = 1 },
		{ .s = "\xC0\xAF", .width = 2 },
		{ .s = "\xED\xA0\x80", .width = 3 },
		{ .s = "x\u202Ey", .width = 3 },
		{ .s = "a\tb", .width = 3 },
		{ .s = "a\nb", .width = 3 },
		{ .s = "\u200B", .width = 0 },
	};

	for (size_t i = 0; i < NELEM(cases); i++)
		cr_expect_eq(wn_text_width(cases[i].s), cases[i].width,
		             "case %zu (%s)", i, cases[i].s);
	cr_expect_eq(wn_text_width(NULL), 0);
}

Test(text, width_ascii_mode)
{
	static const struct {
		const char *s;
		int width;
	} cases[] = {
		{ .s = "—", .width = 2 },
		{ .s = "…", .width = 3 },
		{ .s = "日本", .width = 2 },
		{ .s = "e\xCC\x81", .width = 1 },
		{ .s = "\x1b", .width = 1 },
	};

	for (size_t i = 0; i < NELEM(cases); i++)
		cr_expect_eq(wn_text_width_n(cases[i].s, strlen(cases[i].s),
		                             WN_TEXT_ASCII),
		             cases[i].width, "case %zu", i);
}

Test(text, width_does_not_depend_on_locale)
{
	setlocale(LC_ALL, "C");
	cr_expect_eq(wn_text_width("日本 é"), 6);
	setlocale(LC_ALL, "C.UTF-8");
	cr_expect_eq(wn_text_width("日本 é"), 6);
}

/* ---- validation ------------------------------------------------------ */

Test(text, check_note)
{
	static const struct {
		const char *s;
		size_t len;       /* 0: strlen */
		size_t max;       /* 0: default */
		int code;
		const char *msg1, *msg2;  /* substrings of the message */
	} cases[] = {
		{ .s = "hello\nworld\twith a tab", .code = WN_OK },
		{ .s = "é — 日本 😀 e\xCC\x81", .code = WN_OK },
		{ .s = "\u202Eabc", .code = WN_OK },  /* bidi: kept, neutralised */
		{ .s = "abc\xC3", .code = WN_DATAERR, .msg1 = "UTF-8",
		  .msg2 = "0xC3 at offset 3" },
		{ .s = "\xFF", .code = WN_DATAERR, .msg1 = "0xFF at offset 0" },
		{ .s = "ab\xC0\xAF", .code = WN_DATAERR, .msg1 = "offset 2" },
		{ .s = "é\xED\xA0\x80", .code = WN_DATAERR, .msg1 = "0xED at offset 2" },
		{ .s = "a\0b", .len = 3, .code = WN_DATAERR, .msg1 = "NUL",
		  .msg2 = "offset 1" },
		{ .s = "x\x1b[31m", .code = WN_DATAERR, .msg1 = "U+001B",
		  .msg2 = "offset 1" },
		{ .s = "\xC2\x9B", .code = WN_DATAERR, .msg1 = "U+009B" },
		{ .s = "a\rb", .code = WN_DATAERR, .msg1 = "U+000D" },
		{ .s = "\x7F", .code = WN_DATAERR, .msg1 = "U+007F" },
		{ .s = "abcdef", .max = 5, .code = WN_DATAERR, .msg1 = "too long",
		  .msg2 = "6 bytes" },
		{ .s = "abcde", .max = 5, .code = WN_OK },
	};

	for (size_t i = 0; i < NELEM(cases); i++) {
		struct wn_err err = { 0 };
		size_t len = slen(cases[i].s, cases[i].len);
		int rc = wn_text_check_note(cases[i].s, len, cases[i].max, &err);
		cr_expect_eq(rc, cases[i].code, "case %zu: %s", i, err.msg);
		if (cases[i].msg1)
			cr_expect(strstr(err.msg, cases[i].msg1), "case %zu: %s", i, err.msg);
		if (cases[i].msg2)
			cr_expect(strstr(err.msg, cases[i].msg2), "case %zu: %s", i, err.msg);
		cr_expect_eq(wn_text_check_note(cases[i].s, len, cases[i].max, NULL),
		             cases[i].code);
	}
}

Test(text, check_note_default_limit)
{
	char *s = malloc(WN_TEXT_NOTE_MAX + 1);
	cr_assert(s);
	memset(s, 'a', WN_TEXT_NOTE_MAX + 1);
	struct wn_err err = { 0 };
	cr_expect_eq(wn_text_check_note(s, WN_TEXT_NOTE_MAX, 0, &err), WN_OK);
	cr_expect_eq(wn_text_check_note(s, WN_TEXT_NOTE_MAX + 1, 0, &err),
	             WN_DATAERR);
	cr_expect(strstr(err.msg, "65537 bytes; at most 65536"), "%s", err.msg);
	free(s);
}

Test(text, normalize_newlines)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ .in = "a\r\nb\rc\n", .out = "a\nb\nc\n" },
		{ .in = "\r\r\n", .out = "\n\n" },
		{ .in = "no change", .out = "no change" },
		{ .in = "", .out = "" },
	};

	for (size_t i = 0; i < NELEM(cases); i++) {
		char buf[32];
		strcpy(buf, cases[i].in);
		size_t n = wn_text_normalize_newlines(buf, strlen(buf));
		cr_expect_str_eq(buf, cases[i].out, "case %zu", i);
		cr_expect_eq(n, strlen(cases[i].out), "case %zu", i);
	}
}

Test(text, check_name)
{
	static const struct {
		const char *s;
		int code;
		const char *out;  /* when WN_OK */
		const char *msg;  /* substring when not */
	} cases[] = {
		{ .s = "  Brain zaps  ", .code = WN_OK, .out = "Brain zaps" },
		{ .s = "nausea", .code = WN_OK, .out = "nausea" },
		{ .s = "日本語", .code = WN_OK, .out = "日本語" },
		{ .s = "cafe\xCC\x81", .code = WN_OK, .out = "cafe\xCC\x81" },
		{ .s = "", .code = WN_DATAERR, .msg = "empty" },
		{ .s = "    ", .code = WN_DATAERR, .msg = "empty" },
		{ .s = "a\tb", .code = WN_DATAERR, .msg = "U+0009" },
		{ .s = "\x1b[31mred", .code = WN_DATAERR, .msg = "U+001B" },
		{ .s = "x\u202E", .code = WN_DATAERR, .msg = "U+202E" },
		{ .s = "ab\xC3", .code = WN_DATAERR, .msg = "offset 2" },
		{ .s = "  \xFF", .code = WN_DATAERR, .msg = "offset 2" },
		{ .s = "\u200B", .code = WN_DATAERR, .msg = "visible" },
		{ .s = "brain\u200Bzaps", .code = WN_DATAERR,
		  .msg = "invisible character U+200B at offset 5" },
		{ .s = "ab\u2060", .code = WN_DATAERR, .msg = "invisible character U+2060" },
		{ .s = "se\u00ADrtraline", .code = WN_DATAERR, .msg = "U+00AD" },
		{ .s = "\u200Fsertraline", .code = WN_DATAERR, .msg = "U+200F" },
		{ .s = "a\u2028b", .code = WN_DATAERR, .msg = "U+2028" },
		{ .s = "x\u2066y", .code = WN_DATAERR, .msg = "bidi control character U+2066" },
		{ .s = "\uFEFFnausea", .code = WN_DATAERR, .msg = "U+FEFF" },
		{ .s = "👨\u200D👩", .code = WN_OK, .out = "👨\u200D👩" },
		{ .s = "می\u200Cخواهم", .code = WN_OK, .out = "می\u200Cخواهم" },
		{ .s = "\u0301", .code = WN_DATAERR, .msg = "no visible characters" },
		{ .s = "日日日日日日日日日日日日日日日日日日日日日日", /* 66 bytes */
		  .code = WN_DATAERR, .msg = "too long" },
	};

	for (size_t i = 0; i < NELEM(cases); i++) {
		char out[WN_TEXT_NAME_MAX + 1] = "junk";
		struct wn_err err = { 0 };
		int rc = wn_text_check_name(cases[i].s, out, sizeof out, &err);
		cr_expect_eq(rc, cases[i].code, "case %zu: %s", i, err.msg);
		if (cases[i].code == WN_OK)
			cr_expect_str_eq(out, cases[i].out, "case %zu", i);
		else {
			cr_expect_str_eq(out, "", "case %zu", i);
			cr_expect(strstr(err.msg, cases[i].msg), "case %zu: %s", i, err.msg);
		}
	}
}

Test(text, check_names_what_and_kind)
{
	static const struct {
		struct wn_text_rule r;
		const char *s;
		int code;
		const char *msg;
	} cases[] = {
		{ .r = { "medication name", 64, WN_TEXT_KIND_NAME }, .s = "Сертралин",
		  .code = WN_OK },
		{ .r = { "medication name", 64, WN_TEXT_KIND_NAME }, .s = " sertraline",
		  .code = WN_DATAERR, .msg = "medication name must not start or end with a space" },
		{ .r = { "unit", 3, WN_TEXT_KIND_NAME }, .s = "mg/ml",
		  .code = WN_DATAERR, .msg = "unit is too long (5 bytes; at most 3)" },
		{ .r = { "symptom group", 64, WN_TEXT_KIND_NAME }, .s = "",
		  .code = WN_DATAERR, .msg = "symptom group is empty" },
		{ .r = { "setting name", 64, WN_TEXT_KIND_NAME }, .s = "a\u202Eb",
		  .code = WN_DATAERR, .msg = "setting name contains bidi control" },
		{ .r = { "form label", 64, WN_TEXT_KIND_LINE }, .s = "",
		  .code = WN_OK },
		{ .r = { "form label", 64, WN_TEXT_KIND_LINE }, .s = "a\u202Eb",
		  .code = WN_OK },
		{ .r = { "form label", 64, WN_TEXT_KIND_LINE }, .s = "a\nb",
		  .code = WN_DATAERR, .msg = "form label contains control character U+000A" },
		{ .r = { "answer", 64, WN_TEXT_KIND_NOTE }, .s = "a\nb\tc",
		  .code = WN_OK },
		{ .r = { "answer", 64, WN_TEXT_KIND_NOTE }, .s = "\xE2\x82",
		  .code = WN_DATAERR, .msg = "answer is not valid UTF-8 (byte 0xE2 at offset 0)" },
	};

	for (size_t i = 0; i < NELEM(cases); i++) {
		struct wn_err err = { 0 };
		int rc = wn_text_check(&cases[i].r, cases[i].s, strlen(cases[i].s), &err);
		cr_expect_eq(rc, cases[i].code, "case %zu: %s", i, err.msg);
		if (cases[i].msg)
			cr_expect(strstr(err.msg, cases[i].msg), "case %zu: %s", i, err.msg);
	}
}

Test(text, check_name_length_limit)
{
	char in[WN_TEXT_NAME_MAX + 8], out[WN_TEXT_NAME_MAX + 1];

	memset(in, 'a', WN_TEXT_NAME_MAX);
	in[WN_TEXT_NAME_MAX] = '\0';
	cr_expect_eq(wn_text_check_name(in, out, sizeof out, NULL), WN_OK);
	cr_expect_eq(strlen(out), WN_TEXT_NAME_MAX);
	strcat(in, "a");
	cr_expect_eq(wn_text_check_name(in, out, sizeof out, NULL), WN_DATAERR);
	/* surrounding spaces do not count */
	in[WN_TEXT_NAME_MAX] = '\0';
	char padded[WN_TEXT_NAME_MAX + 16];
	snprintf(padded, sizeof padded, "  %s  ", in);
	cr_expect_eq(wn_text_check_name(padded, out, sizeof out, NULL), WN_OK);
	/* a small output buffer limits the name too */
	char small[4];
	cr_expect_eq(wn_text_check_name("abc", small, sizeof small, NULL), WN_OK);
	cr_expect_eq(wn_text_check_name("abcd", small, sizeof small, NULL),
	             WN_DATAERR);
	cr_expect_eq(wn_text_check_name("ok", NULL, 0, NULL), WN_OK);
}

/* ---- sanitize -------------------------------------------------------- */

#define RP "\xEF\xBF\xBD"  /* U+FFFD */

Test(text, sanitize)
{
	static const struct {
		const char *s;
		size_t len;  /* 0: strlen */
		bool keep_nl;
		const char *want;
	} cases[] = {
		{ .s = "", .want = "" },
		{ .s = "plain", .want = "plain" },
		{ .s = "é — 日本 😀", .want = "é — 日本 😀" },
		{ .s = "e\xCC\x81", .want = "e\xCC\x81" },
		{ .s = "\x1b[31mred\x1b[0m", .want = RP "[31mred" RP "[0m" },
		{ .s = "\xC2\x9B" "31m", .want = RP "31m" },
		{ .s = "a\xC3", .want = "a" RP },
		{ .s = "a\xC3" "b", .want = "a" RP "b" },
		{ .s = "\xFF", .want = RP },
		{ .s = "\xC0\xAF", .want = RP RP },
		{ .s = "\xED\xA0\x80", .want = RP RP RP },
		{ .s = "\xF4\x90\x80\x80", .want = RP RP RP RP },
		{ .s = "\x7F\r\a\b", .want = RP RP RP RP },
		{ .s = "a\0b", .len = 3, .want = "a" RP "b" },
		{ .s = "a\tb", .want = "a b" },
		{ .s = "a\nb", .want = "a b" },
		{ .s = "a\nb", .keep_nl = true, .want = "a\nb" },
		{ .s = "x\u202Ey\u202C", .want = "x" RP "y" RP },
		{ .s = "\u2066\u2067\u2068\u2069", .want = RP RP RP RP },
		{ .s = "\u202A\u202B\u202D", .want = RP RP RP },
	};

	for (size_t i = 0; i < NELEM(cases); i++) {
		size_t len = slen(cases[i].s, cases[i].len);
		char *out = wn_text_sanitize(cases[i].s, len, cases[i].keep_nl);
		cr_assert(out);
		cr_expect_str_eq(out, cases[i].want, "case %zu", i);
		free(out);
	}
}

Test(text, sanitize_ascii)
{
	static const struct {
		const char *s;
		unsigned flags;
		const char *want;
	} cases[] = {
		{ .s = "— – “q” ‘q’ …", .want = "-- - \"q\" 'q' ..." },
		{ .s = "café naïve Ærø", .want = "cafe naive AEro" },
		{ .s = "e\xCC\x81", .want = "e" },
		{ .s = "日本", .want = "??" },
		{ .s = "😀", .want = "?" },
		{ .s = "\x1b[31m", .want = "?[31m" },
		{ .s = "\xFF\xC0\xAF", .want = "???" },
		{ .s = "5 µg ± 1 × 2", .want = "5 ug +/- 1 x 2" },
		{ .s = "Straße", .want = "Strasse" },
		{ .s = "a\nb", .want = "a b" },
		{ .s = "a\nb", .flags = WN_TEXT_KEEP_NL, .want = "a\nb" },
		{ .s = "x\u202Ey", .want = "x?y" },
	};

	for (size_t i = 0; i < NELEM(cases); i++) {
		struct wn_buf b;
		wn_buf_init(&b);
		int rc = wn_text_sanitize_to(&b, cases[i].s, strlen(cases[i].s),
		                             WN_TEXT_ASCII | cases[i].flags);
		cr_expect_eq(rc, WN_OK);
		cr_expect_str_eq(b.s, cases[i].want, "case %zu", i);
		wn_buf_free(&b);
	}
	char *a = wn_text_to_ascii("“x”\n—", strlen("“x”\n—"));
	cr_assert(a);
	cr_expect_str_eq(a, "\"x\"\n--");
	free(a);
}

Test(text, sanitize_properties_on_random_text)
{
	char in[256];

	for (int iter = 0; iter < 3000; iter++) {
		size_t len = random_text(in, sizeof in);
		char *one = wn_text_sanitize(in, len, false);
		char *multi = wn_text_sanitize(in, len, true);
		char *ascii = wn_text_to_ascii(in, len);
		cr_assert(one && multi && ascii);
		cr_assert(terminal_safe(one, strlen(one), false), "iter %d", iter);
		cr_assert(terminal_safe(multi, strlen(multi), true), "iter %d", iter);
		for (const char *p = ascii; *p; p++)
			cr_assert(*p == '\n' || (*p >= 0x20 && *p < 0x7F), "iter %d", iter);
		/* widths describe what is printed */
		cr_assert_eq(wn_text_width_n(in, len, 0), wn_text_width(one),
		             "iter %d", iter);
		char *ascii1 = wn_text_to_ascii(one, strlen(one));
		cr_assert_eq((size_t)wn_text_width_n(in, len, WN_TEXT_ASCII),
		             strlen(ascii1), "iter %d", iter);
		free(one);
		free(multi);
		free(ascii);
		free(ascii1);
	}
}

/* ---- fit and pad ----------------------------------------------------- */

#define ELL "\xE2\x80\xA6"

Test(text, fit)
{
	static const struct {
		const char *s;
		int cols;
		size_t outsz;  /* 0: 64 */
		bool ascii;
		const char *want;
		size_t width;
	} cases[] = {
		{ .s = "hello", .cols = 10, .want = "hello", .width = 5 },
		{ .s = "hello", .cols = 5, .want = "hello", .width = 5 },
		{ .s = "hello world", .cols = 5, .want = "hell" ELL, .width = 5 },
		{ .s = "hello world", .cols = 5, .ascii = true, .want = "he...",
		  .width = 5 },
		{ .s = "日本語", .cols = 4, .want = "日" ELL, .width = 3 },
		{ .s = "日本語", .cols = 5, .want = "日本" ELL, .width = 5 },
		{ .s = "日本語", .cols = 6, .want = "日本語", .width = 6 },
		{ .s = "日本語", .cols = 1, .want = ELL, .width = 1 },
		{ .s = "日本語", .cols = 4, .ascii = true, .want = "???", .width = 3 },
		{ .s = "e\xCC\x81" "e\xCC\x81" "e\xCC\x81", .cols = 2,
		  .want = "e\xCC\x81" ELL, .width = 2 },
		{ .s = "ab", .cols = 0, .want = "", .width = 0 },
		{ .s = "ab", .cols = -3, .want = "", .width = 0 },
		{ .s = "abc", .cols = 1, .want = ELL, .width = 1 },
		{ .s = "abcd", .cols = 2, .ascii = true, .want = "..", .width = 2 },
		{ .s = "abcd", .cols = 1, .ascii = true, .want = ".", .width = 1 },
		{ .s = "\x1b[31mred", .cols = 4, .want = RP "[3" ELL, .width = 4 },
		{ .s = "a\nb", .cols = 5, .want = "a b", .width = 3 },
		{ .s = "— x", .cols = 2, .ascii = true, .want = "..", .width = 2 },
		{ .s = "hello world", .cols = 20, .outsz = 5, .want = "h" ELL,
		  .width = 2 },
		{ .s = "hello", .cols = 20, .outsz = 6, .want = "hello", .width = 5 },
		{ .s = "日本", .cols = 20, .outsz = 6, .want = ELL, .width = 1 },
		{ .s = "hello", .cols = 20, .outsz = 3, .want = "..", .width = 2 },
		{ .s = "hello", .cols = 20, .outsz = 1, .want = "", .width = 0 },
	};

	for (size_t i = 0; i < NELEM(cases); i++) {
		char out[64];
		memset(out, 'X', sizeof out);
		size_t sz = cases[i].outsz ? cases[i].outsz : sizeof out;
		size_t w = wn_text_fit(cases[i].s, cases[i].cols, out, sz,
		                       cases[i].ascii);
		cr_expect_str_eq(out, cases[i].want, "case %zu", i);
		cr_expect_eq(w, cases[i].width, "case %zu", i);
	}
	char none[1] = { 'X' };
	cr_expect_eq(wn_text_fit("abc", 5, none, 0, false), 0);
	cr_expect_eq(none[0], 'X');
}

Test(text, fit_properties)
{
	static const char *const texts[] = {
		"Brain zaps — 日本語 e\xCC\x81 😀 \x1b[1m \xFF end",
		"日本語日本語日本語",
		"e\xCC\x81\xCC\x81\xCC\x81 \xCC\x81",
		"a\tb\nc\u202Ed",
	};
	static const size_t sizes[] = { 1, 2, 3, 4, 5, 7, 8, 16, 64, 256 };

	for (size_t t = 0; t < NELEM(texts); t++) {
		char *one = wn_text_sanitize(texts[t], strlen(texts[t]), false);
		cr_assert(one);
		for (int ascii = 0; ascii <= 1; ascii++) {
			char *full = ascii ? wn_text_to_ascii(one, strlen(one)) : NULL;
			const char *whole = ascii ? full : one;
			int full_w = wn_text_width(whole);
			for (int cols = 0; cols <= 40; cols++) {
				for (size_t z = 0; z < NELEM(sizes); z++) {
					char out[256];
					size_t w = wn_text_fit(texts[t], cols, out, sizes[z], ascii);
					size_t n = strlen(out);
					cr_assert_lt(n, sizes[z]);
					cr_assert(terminal_safe(out, n, false), "t%zu c%d", t, cols);
					cr_assert_eq((size_t)wn_text_width(out), w, "t%zu c%d", t, cols);
					cr_assert_leq(w, (size_t)cols);
					if (full_w <= cols && strlen(whole) < sizes[z])
						cr_assert_str_eq(out, whole, "t%zu c%d", t, cols);
					else if (cols > 0 && sizes[z] > 1)
						cr_assert(strlen(out) > 0, "t%zu c%d", t, cols);
				}
			}
			free(full);
		}
		free(one);
	}
}

Test(text, pad)
{
	static const struct {
		const char *s;
		int cols;
		unsigned flags;
		const char *want;
	} cases[] = {
		{ .s = "日本", .cols = 6, .want = "日本  " },
		{ .s = "日本", .cols = 6, .flags = WN_TEXT_ALIGN_RIGHT, .want = "  日本" },
		{ .s = "日本", .cols = 6, .flags = WN_TEXT_ALIGN_CENTER, .want = " 日本 " },
		{ .s = "ab", .cols = 5, .flags = WN_TEXT_ALIGN_CENTER, .want = " ab  " },
		{ .s = "e\xCC\x81", .cols = 3, .flags = WN_TEXT_ALIGN_RIGHT,
		  .want = "  e\xCC\x81" },
		{ .s = "hello world", .cols = 5, .want = "hell" ELL },
		{ .s = "日本語", .cols = 4, .want = "日" ELL " " },
		{ .s = "—", .cols = 4, .flags = WN_TEXT_ASCII | WN_TEXT_ALIGN_RIGHT,
		  .want = "  --" },
		{ .s = "\x1b[2J", .cols = 5, .want = RP "[2J " },
		{ .s = "", .cols = 3, .want = "   " },
		{ .s = "x", .cols = 0, .want = "" },
		{ .s = "x", .cols = 40, .flags = WN_TEXT_ALIGN_RIGHT,
		  .want = "                                       x" },
	};

	for (size_t i = 0; i < NELEM(cases); i++) {
		struct wn_buf b;
		wn_buf_init(&b);
		wn_buf_adds(&b, "|");
		int w = wn_text_pad(&b, cases[i].s, cases[i].cols, cases[i].flags);
		cr_expect_eq(w, cases[i].cols > 0 ? cases[i].cols : 0, "case %zu", i);
		cr_expect_str_eq(b.s + 1, cases[i].want, "case %zu", i);
		cr_expect_eq(wn_text_width_n(b.s + 1, b.len - 1, 0), w, "case %zu", i);
		wn_buf_free(&b);
	}
}

/* ---- cursor steps ---------------------------------------------------- */

Test(text, prev_next_over_each_character)
{
	static const struct {
		const char *ch;
		size_t step;  /* bytes one step takes, both ways */
	} cases[] = {
		{ .ch = "é", .step = 2 },
		{ .ch = "—", .step = 3 },
		{ .ch = "日", .step = 3 },
		{ .ch = "😀", .step = 4 },
		{ .ch = "e\xCC\x81", .step = 3 },
		{ .ch = "e\xCC\x81\xCC\xA3", .step = 5 },
		{ .ch = "❤\xEF\xB8\x8F", .step = 6 },  /* with VS16 */
		{ .ch = "\xFF", .step = 1 },
		{ .ch = "\xC3", .step = 1 },
		{ .ch = "\xED\xA0\x80", .step = 1 },
		{ .ch = "\xF0\x9F\x98", .step = 1 },
		{ .ch = "\x80\x80", .step = 1 },
	};

	for (size_t i = 0; i < NELEM(cases); i++) {
		char s[32];
		snprintf(s, sizeof s, "a%sb", cases[i].ch);
		size_t end = 1 + strlen(cases[i].ch);
		cr_expect_eq(wn_text_next_char(s, 1), 1 + cases[i].step, "case %zu", i);
		cr_expect_eq(wn_text_prev_char(s, end), end - cases[i].step,
		             "case %zu", i);
		cr_expect_eq(wn_text_next_char(s, end), end + 1, "case %zu", i);
		cr_expect_eq(wn_text_prev_char(s, 1), 0, "case %zu", i);
	}
	cr_expect_eq(wn_text_prev_char("abc", 0), 0);
	cr_expect_eq(wn_text_next_char("abc", 3), 3);
	/* a mark after a newline does not join it */
	cr_expect_eq(wn_text_prev_char("a\n\xCC\x81", 4), 2);
	cr_expect_eq(wn_text_next_char("a\n\xCC\x81", 1), 2);
}

Test(text, backspace_removes_whole_characters)
{
	static const char *const removed[] = {
		"\xFF", "e\xCC\x81", "😀", "日", "—", "é", "x",
	};
	char s[64] = "xé—日😀e\xCC\x81\xFF";

	for (size_t i = 0; i < NELEM(removed); i++) {
		size_t end = strlen(s), p = wn_text_prev_char(s, end);
		cr_assert_str_eq(s + p, removed[i], "step %zu", i);
		s[p] = '\0';
		cr_assert(wn_text_valid_utf8(s, p), "step %zu", i);
	}
	cr_expect_str_eq(s, "");
}

Test(text, forward_and_backward_steps_agree)
{
	char in[256];

	for (int iter = 0; iter < 3000; iter++) {
		size_t len = random_text(in, sizeof in), fwd[256], k = 0;
		for (size_t p = 0; p < len; p = wn_text_next_char(in, p))
			fwd[k++] = p;
		for (size_t p = len; p > 0;) {
			p = wn_text_prev_char(in, p);
			cr_assert_gt(k, 0, "iter %d", iter);
			cr_assert_eq(p, fwd[--k], "iter %d", iter);
		}
		cr_assert_eq(k, 0, "iter %d", iter);
	}
}

/* ---- case folding ---------------------------------------------------- */

Test(text, same_name_in_every_script)
{
	static const struct {
		const char *a, *b;
		bool same;
	} cases[] = {
		{ .a = "sertraline", .b = "SERTRALINE", .same = true },
		{ .a = "Сертралин", .b = "сертралин", .same = true },
		{ .a = "СЕРТРАЛИН", .b = "сертралин", .same = true },
		{ .a = "ΟΔΥΣΣΕΥΣ", .b = "οδυσσευς", .same = true },  /* final sigma */
		{ .a = "Σίσυφος", .b = "σίσυφοσ", .same = true },
		{ .a = "Straße", .b = "STRASSE", .same = true },      /* German ß */
		{ .a = "straße", .b = "strasse", .same = true },
		{ .a = "ẞ", .b = "ss", .same = true },                /* capital ß */
		{ .a = "ı", .b = "i", .same = false },   /* Turkish dotless i */
		{ .a = "ı", .b = "I", .same = false },
		{ .a = "İ", .b = "i", .same = false },   /* dotted capital I */
		{ .a = "İ", .b = "i\xCC\x87", .same = true },
		{ .a = "café", .b = "cafe\xCC\x81", .same = true },   /* NFC */
		{ .a = "CAFÉ", .b = "cafe\xCC\x81", .same = true },
		{ .a = "cafe", .b = "café", .same = false },
		{ .a = "a\xCC\xA3\xCC\x87", .b = "a\xCC\x87\xCC\xA3", .same = true },
		{ .a = "Ångström", .b = "A\xCC\x8Angstro\xCC\x88m", .same = true },
		{ .a = "日本", .b = "日本", .same = true },
		{ .a = "brain zaps", .b = "brain zap", .same = false },
		{ .a = "\xFF", .b = "\xFF", .same = true },      /* invalid: bytes */
		{ .a = "\xFF", .b = "\xFE", .same = false },
		{ .a = "", .b = "", .same = true },
	};

	for (size_t i = 0; i < NELEM(cases); i++) {
		cr_expect_eq(wn_text_same_name(cases[i].a, cases[i].b), cases[i].same,
		             "case %zu: %s / %s", i, cases[i].a, cases[i].b);
		cr_expect_eq(wn_text_same_name(cases[i].b, cases[i].a), cases[i].same,
		             "case %zu reversed", i);
	}
}

Test(text, fold_code_points)
{
	static const struct {
		const char *s;
		int32_t want[4];
		size_t n;
	} cases[] = {
		{ .s = "Aß", .want = { 'a', 's', 's' }, .n = 3 },
		{ .s = "ς", .want = { 0x03C3 }, .n = 1 },
		{ .s = "e\xCC\x81", .want = { 0xE9 }, .n = 1 },
		{ .s = "Д\xFFx", .want = { 0x0434, 0x110000 + 0xFF, 'x' }, .n = 3 },
	};

	for (size_t i = 0; i < NELEM(cases); i++) {
		int32_t out[8];
		size_t n;
		cr_expect_eq(wn_text_fold(cases[i].s, out, NELEM(out), &n),
		             strlen(cases[i].s), "case %zu", i);
		cr_expect_eq(n, cases[i].n, "case %zu", i);
		for (size_t k = 0; k < n && k < cases[i].n; k++)
			cr_expect_eq(out[k], cases[i].want[k], "case %zu at %zu", i, k);
	}
}

Test(text, fold_stops_at_a_whole_character)
{
	int32_t out[2];
	size_t n;

	/* "ß" folds to two code points: they do not fit after "a" */
	cr_expect_eq(wn_text_fold("aßc", out, 2, &n), 1);
	cr_expect_eq(n, 1);
	cr_expect_eq(out[0], 'a');
	char longer[4 * WN_TEXT_NAME_MAX + 2];
	memset(longer, 'x', sizeof longer - 1);
	longer[sizeof longer - 1] = '\0';
	cr_expect(wn_text_same_name(longer, longer), "too long: exact match");
	char upper[sizeof longer];
	memcpy(upper, longer, sizeof longer);
	upper[0] = 'X';
	cr_expect_not(wn_text_same_name(longer, upper), "too long: no folding");
}

/* ---- one-megabyte inputs: linear time -------------------------------- */

Test(text, megabyte_width_and_sanitize, .timeout = 20)
{
	char *cjk = repeat("日", MB);
	size_t count = strlen(cjk) / 3;
	cr_expect_eq(wn_text_width(cjk), (int)(2 * count));
	cr_expect(wn_text_valid_utf8(cjk, strlen(cjk)));
	cr_expect_eq(wn_text_check_note(cjk, strlen(cjk), 2 * MB, NULL), WN_OK);
	cr_expect_eq(wn_text_check_note(cjk, strlen(cjk), 0, NULL), WN_DATAERR);
	size_t p = strlen(cjk), steps = 0;
	while (p > 0) {
		p = wn_text_prev_char(cjk, p);
		steps++;
	}
	cr_expect_eq(steps, count);
	free(cjk);

	char *esc = repeat("\x1b", MB);
	char *out = wn_text_sanitize(esc, MB, true);
	cr_assert(out);
	cr_expect_eq(strlen(out), 3u * MB);
	cr_expect(terminal_safe(out, strlen(out), false));
	free(out);
	char fit[32];
	cr_expect_eq(wn_text_fit(esc, 10, fit, sizeof fit, false), 10);
	free(esc);
}

Test(text, megabyte_fit, .timeout = 20)
{
	char *words = repeat("word ", MB);
	char fit[64];
	cr_expect_eq(wn_text_fit(words, 20, fit, sizeof fit, true), 20);
	cr_expect_str_eq(fit, "word word word wo...");
	free(words);
}

Test(text, num_drops_trailing_zeros)
{
	char b[32];
	cr_assert_str_eq(wn_text_num(37.5, 3, b, sizeof b), "37.5");
	cr_assert_str_eq(wn_text_num(25, 3, b, sizeof b), "25");
	cr_assert_str_eq(wn_text_num(0.125, 3, b, sizeof b), "0.125");
	cr_assert_str_eq(wn_text_num(0.0625, 5, b, sizeof b), "0.0625");
	cr_assert_str_eq(wn_text_num(40.4999, 3, b, sizeof b), "40.5");
	cr_assert_str_eq(wn_text_num(-0.0001, 3, b, sizeof b), "0");
	cr_assert_str_eq(wn_text_num(NAN, 3, b, sizeof b), "-");
}

/* printf's way, the reference for the fast path. */
static void num_ref(double v, int decimals, char *buf, size_t n)
{
	if (fabs(v) < 0.5 * pow(10, -decimals))
		v = 0;
	snprintf(buf, n, "%.*f", decimals, v);
	char *dot = strchr(buf, '.');
	if (!dot)
		return;
	char *e = buf + strlen(buf) - 1;
	while (e > dot && *e == '0')
		*e-- = '\0';
	if (e == dot)
		*e = '\0';
}

/* The fast path writes what printf's rounding writes: doses, halves and
 * quarters, values a hair from a half, negatives, big and tiny values. */
Test(text, num_is_printf_rounding_to_the_digit)
{
	static const double fixed[] = {
		0.125, 0.375, 2.5, 3.5, -2.5, 0.005, 0.015, 0.045, 1.005, 2.675, 1e-7,
		-1e-7, 999999999.5, 123456789.123456, 0.1 + 0.2, 1.0 / 3, 2.0 / 3, -0.0,
		3.92, 3.52, 22.4999999, 12.5, 0.0625, 7.000001, -7.000001, 1e12, -1e12,
	};
	char got[64], want[64];
	for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
		for (int d = 0; d <= 8; d++) {
			num_ref(fixed[i], d, want, sizeof want);
			cr_expect_str_eq(wn_text_num(fixed[i], d, got, sizeof got), want,
			                 "%.17g at %d decimals", fixed[i], d);
		}
	unsigned long long x = 88172645463325252ULL;      /* xorshift */
	for (int i = 0; i < 200000; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		double v = (double)(x % 2000000001ULL) / (double)(1ULL << (x >> 60)) /
		           1000.0 - (double)(x % 3 == 0 ? 500 : 0);
		int d = (int)((x >> 40) % 7);
		num_ref(v, d, want, sizeof want);
		wn_text_num(v, d, got, sizeof got);
		if (strcmp(got, want) != 0)
			cr_assert_fail("%.17g at %d decimals: %s, printf %s", v, d, got, want);
	}
}

/* A step's change for the tables: a cut, a rise, a start from nothing
 * (never "nan" nor a negative cut), and a missing share of a start of 0. */
Test(text, step_change_and_pct)
{
	char b[32];
	cr_assert_str_eq(wn_text_step_change(60, 54, b, sizeof b), "10.0%");
	cr_assert_str_eq(wn_text_step_change(20, 30, b, sizeof b), "up 50.0%");
	cr_assert_str_eq(wn_text_step_change(0, 20, b, sizeof b), "up from 0");
	cr_assert_str_eq(wn_text_step_change(0, 0, b, sizeof b), "0.0%");
	cr_assert_str_eq(wn_text_step_change(5, 5, b, sizeof b), "0.0%");
	cr_assert_str_eq(wn_text_step_change(5, 0, b, sizeof b), "100.0%");
	cr_assert_str_eq(wn_text_step_change(NAN, 5, b, sizeof b), "-");
	cr_assert_str_eq(wn_text_pct(NAN, 0, b, sizeof b), "-");
	cr_assert_str_eq(wn_text_pct(75, 0, b, sizeof b), "75%");
	cr_assert_str_eq(wn_text_pct(12.345, 1, b, sizeof b), "12.3%");
}

/* The ASCII fast path of wn_text_fit: a printable character followed by
 * a combining mark is one character with it, cut or kept whole; runs of
 * ASCII around other characters come out as they went in. */
Test(text, fit_ascii_next_to_other_characters)
{
	static const struct {
		const char *s;
		int cols;
		bool ascii;
		const char *want;
		size_t width;
	} cases[] = {
		{ .s = "abe\xCC\x81", .cols = 3, .want = "abe\xCC\x81", .width = 3 },
		{ .s = "abe\xCC\x81x", .cols = 3, .want = "ab" ELL, .width = 3 },
		{ .s = "abe\xCC\x81xy", .cols = 4, .want = "abe\xCC\x81" ELL, .width = 4 },
		{ .s = "ab\tc\nd", .cols = 10, .want = "ab c d", .width = 6 },
		{ .s = "a\x7f" "b", .cols = 10, .want = "a" RP "b", .width = 3 },
		{ .s = "a\x7f" "b", .cols = 10, .ascii = true, .want = "a?b", .width = 3 },
		{ .s = "x \xE2\x80\x94 y", .cols = 10, .ascii = true, .want = "x -- y", .width = 6 },
		{ .s = "x \xE2\x80\x94 y", .cols = 10, .want = "x \xE2\x80\x94 y", .width = 5 },
		{ .s = "step 3.52 mg on 2026-08-10", .cols = 12, .want = "step 3.52 m" ELL,
		  .width = 12 },
		{ .s = "step 3.52 mg on 2026-08-10", .cols = 12, .ascii = true,
		  .want = "step 3.52...", .width = 12 },
	};
	for (size_t i = 0; i < NELEM(cases); i++) {
		char out[64];
		size_t w = wn_text_fit(cases[i].s, cases[i].cols, out, sizeof out, cases[i].ascii);
		cr_expect_str_eq(out, cases[i].want, "case %zu", i);
		cr_expect_eq(w, cases[i].width, "case %zu", i);
	}
}

Test(text, long_is_printf_ld)
{
	long edge[] = { 0, 1, -1, 9, 10, -10, 99, 100, 12345, -98765, LONG_MAX, LONG_MIN,
	                LONG_MAX - 1, LONG_MIN + 1, 2147483647L, -2147483648L };
	char want[32], buf[WN_TEXT_LONG];
	for (size_t i = 0; i < sizeof edge / sizeof *edge; i++) {
		snprintf(want, sizeof want, "%ld", edge[i]);
		cr_expect_str_eq(wn_text_long(edge[i], buf), want);
	}
	unsigned long x = 0x9e3779b97f4a7c15UL;       /* a fixed sequence: no seed */
	for (int i = 0; i < 100000; i++) {
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		long v = (long)(x >> (i % 64));
		v = i % 2 ? -v : v;
		snprintf(want, sizeof want, "%ld", v);
		cr_assert_str_eq(wn_text_long(v, buf), want);
	}
}
