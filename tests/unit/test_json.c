/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for json.c: values and their lines, escapes, numbers, every
 * kind of malformed input (with its line and column), the depth limit,
 * and the streamed array. */
#include <criterion/criterion.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/json.h"

static int parse(const char *text, const char *stream, struct wn_json_parser *p,
                 struct wn_json *root, struct wn_err *err)
{
	return wn_json_parse(p, text, strlen(text), stream, root, err);
}

/* ---- well-formed values ---------------------------------------------- */

/* One string value and what it decodes to. */
Test(json, strings_decode)
{
	static const struct { const char *text, *want; size_t len; } cases[] = {
		{ .text = "\"plain\"", .want = "plain", .len = 5 },
		{ .text = "\"\"", .want = "", .len = 0 },
		{ .text = "\"a\\\"b\\\\c\\/d\"", .want = "a\"b\\c/d", .len = 7 },
		{ .text = "\"\\b\\f\\n\\r\\t\"", .want = "\b\f\n\r\t", .len = 5 },
		{ .text = "\"\\u00e9t\\u00C9\"", .want = "\xc3\xa9t\xc3\x89", .len = 5 },
		{ .text = "\"\\u20ac\"", .want = "\xe2\x82\xac", .len = 3 },
		{ .text = "\"\\ud83d\\ude00\"", .want = "\xf0\x9f\x98\x80", .len = 4 },
		{ .text = "\"\\u0000x\"", .want = "\0x", .len = 2 },
		{ .text = "\"caf\xc3\xa9 \xe2\x80\x94 ok\"", .want = "caf\xc3\xa9 \xe2\x80\x94 ok",
		  .len = 12 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct wn_json_parser p;
		struct wn_json v;
		struct wn_err err = { 0 };
		int rc = parse(cases[i].text, NULL, &p, &v, &err);
		cr_expect_eq(rc, WN_OK, "%s: %s", cases[i].text, err.msg);
		cr_expect_eq(v.t, WN_JSON_STR, "%s", cases[i].text);
		cr_expect_eq(v.len, cases[i].len, "%s: len %zu", cases[i].text, v.len);
		if (v.s && v.len == cases[i].len)
			cr_expect_eq(memcmp(v.s, cases[i].want, v.len), 0, "%s", cases[i].text);
		wn_json_free(&v);
		wn_json_parser_free(&p);
	}
}

Test(json, numbers_and_words)
{
	static const struct {
		const char *text;
		enum wn_json_type t;
		double num;
		bool is_int;
	} cases[] = {
		{ .text = "0", .t = WN_JSON_NUM, .num = 0, .is_int = true },
		{ .text = "-0", .t = WN_JSON_NUM, .num = 0, .is_int = true },
		{ .text = "42", .t = WN_JSON_NUM, .num = 42, .is_int = true },
		{ .text = "-7.25", .t = WN_JSON_NUM, .num = -7.25 },
		{ .text = "1e3", .t = WN_JSON_NUM, .num = 1000 },
		{ .text = "1.5E-1", .t = WN_JSON_NUM, .num = 0.15 },
		{ .text = " \r\n\t 3 \n", .t = WN_JSON_NUM, .num = 3, .is_int = true },
		{ .text = "true", .t = WN_JSON_BOOL, .num = 1 },
		{ .text = "false", .t = WN_JSON_BOOL, .num = 0 },
		{ .text = "null", .t = WN_JSON_NULL },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct wn_json_parser p;
		struct wn_json v;
		struct wn_err err = { 0 };
		cr_expect_eq(parse(cases[i].text, NULL, &p, &v, &err), WN_OK, "%s: %s",
		             cases[i].text, err.msg);
		cr_expect_eq(v.t, cases[i].t, "%s", cases[i].text);
		cr_expect_float_eq(v.num, cases[i].num, 1e-12, "%s", cases[i].text);
		if (cases[i].t == WN_JSON_NUM)
			cr_expect_eq(v.is_int, cases[i].is_int, "%s", cases[i].text);
		wn_json_free(&v);
		wn_json_parser_free(&p);
	}
}

Test(json, objects_arrays_and_lines)
{
	const char *text = "{\"a\": 1,\n \"b\": [true, null,\n  {\"c\": \"x\"}],\n"
	                   " \"a\": 2, \"e\": {}}";
	struct wn_json_parser p;
	struct wn_json root;
	struct wn_err err = { 0 };
	cr_assert_eq(parse(text, NULL, &p, &root, &err), WN_OK, "%s", err.msg);
	cr_assert_eq(root.t, WN_JSON_OBJ);
	cr_expect_eq(root.n, 4);
	cr_expect_eq(root.line, 1);
	const struct wn_json *a = wn_json_get(&root, "a"), *b = wn_json_get(&root, "b");
	cr_assert_not_null(a);
	cr_expect_eq(a->num, 1, "the first of two equal keys");
	cr_assert_not_null(b);
	cr_expect_eq(b->t, WN_JSON_ARR);
	cr_expect_eq(b->line, 2);
	cr_assert_eq(b->n, 3);
	cr_expect_eq(b->kid[2].line, 3);
	const struct wn_json *c = wn_json_get(&b->kid[2], "c");
	cr_assert_not_null(c);
	cr_expect_str_eq(c->s, "x");
	cr_expect_null(wn_json_get(&root, "zz"));
	cr_expect_null(wn_json_get(b, "c"), "an array has no members");
	cr_expect_eq(wn_json_get(&root, "e")->n, 0);
	wn_json_free(&root);
	wn_json_parser_free(&p);
}

/* ---- malformed input ----------------------------------------------------- */

static const struct {
	const char *name, *text, *msg;
} bad_cases[] = {
	{ .name = "empty", .text = "", .msg = "line 1, column 1: the text ends too early" },
	{ .name = "only space", .text = " \n ",
	  .msg = "line 2, column 2: the text ends too early (truncated?)" },
	{ .name = "bad escape", .text = "[\"a\\x\"]",
	  .msg = "line 1, column 5: a bad escape in a string" },
	{ .name = "short unicode escape", .text = "\"\\u12\"",
	  .msg = "line 1, column 3: a bad escape in a string" },
	{ .name = "bad hex digit", .text = "\"\\u12G4\"",
	  .msg = "line 1, column 3: a bad escape in a string" },
	{ .name = "lone high surrogate", .text = "\"\\ud800x\"",
	  .msg = "line 1, column 8: a lone surrogate escape in a string" },
	{ .name = "high then not low", .text = "\"\\ud800\\u0041\"",
	  .msg = "line 1, column 8: a lone surrogate escape in a string" },
	{ .name = "lone low surrogate", .text = "\"\\udc00\"",
	  .msg = "line 1, column 8: a lone surrogate escape in a string" },
	{ .name = "unterminated string", .text = "{\"a\":\n\"never closed",
	  .msg = "line 2, column 14: the text ends inside a string" },
	{ .name = "unterminated key", .text = "{\"a",
	  .msg = "line 1, column 4: the text ends inside a string" },
	{ .name = "raw newline in a string", .text = "\"a\nb\"",
	  .msg = "line 1, column 3: a control character inside a string" },
	{ .name = "raw tab in a string", .text = "\"a\tb\"",
	  .msg = "line 1, column 3: a control character inside a string" },
	{ .name = "invalid UTF-8 in a string", .text = "[\"ok \xc3\x28\"]",
	  .msg = "line 1, column 6: invalid UTF-8 in a string" },
	{ .name = "overlong UTF-8", .text = "\"\xc0\xaf\"",
	  .msg = "line 1, column 2: invalid UTF-8 in a string" },
	{ .name = "trailing comma", .text = "[1,2,]", .msg = "line 1, column 6: expected a value" },
	{ .name = "trailing comma in object", .text = "{\"a\":1,}",
	  .msg = "line 1, column 8: expected a key in double quotes" },
	{ .name = "missing colon", .text = "{\"a\" 1}",
	  .msg = "line 1, column 6: expected ':' after a key" },
	{ .name = "unquoted key", .text = "{a:1}",
	  .msg = "line 1, column 2: expected a key in double quotes" },
	{ .name = "missing comma", .text = "[1 2]", .msg = "line 1, column 4: expected ',' or ']'" },
	{ .name = "missing brace", .text = "{\"a\":1",
	  .msg = "line 1, column 7: the text ends too early (truncated?)" },
	{ .name = "wrong close", .text = "{\"a\":1]", .msg = "line 1, column 7: expected ',' or '}'" },
	{ .name = "leading zero", .text = "01", .msg = "line 1, column 1: a malformed number" },
	{ .name = "bare minus", .text = "-", .msg = "line 1, column 1: a malformed number" },
	{ .name = "no fraction digits", .text = "1.", .msg = "line 1, column 1: a malformed number" },
	{ .name = "no exponent digits", .text = "1e+", .msg = "line 1, column 1: a malformed number" },
	{ .name = "leading dot", .text = ".5", .msg = "line 1, column 1: expected a value" },
	{ .name = "plus sign", .text = "+1", .msg = "line 1, column 1: expected a value" },
	{ .name = "too big", .text = "1e999", .msg = "line 1, column 6: a number out of range" },
	{ .name = "too many digits",
	  .text = "1234567890123456789012345678901234567890123456789012345678901234567890",
	  .msg = "line 1, column 1: a number with too many digits" },
	{ .name = "NaN", .text = "NaN", .msg = "line 1, column 1: expected a value" },
	{ .name = "misspelt word", .text = "[tru]", .msg = "line 1, column 2: expected a value" },
	{ .name = "a comment", .text = "// x\n1", .msg = "line 1, column 1: expected a value" },
	{ .name = "two values", .text = "{} {}",
	  .msg = "line 1, column 4: text after the end of the JSON value" },
	{ .name = "single quotes", .text = "['a']", .msg = "line 1, column 2: expected a value" },
};

Test(json, malformed_input_names_line_and_column)
{
	for (size_t i = 0; i < sizeof bad_cases / sizeof *bad_cases; i++) {
		struct wn_json_parser p;
		struct wn_json v;
		struct wn_err err = { 0 };
		int rc = parse(bad_cases[i].text, NULL, &p, &v, &err);
		cr_expect_eq(rc, WN_DATAERR, "%s: rc %d", bad_cases[i].name, rc);
		cr_expect_eq(strncmp(err.msg, bad_cases[i].msg, strlen(bad_cases[i].msg)), 0,
		             "%s: got \"%s\"", bad_cases[i].name, err.msg);
		wn_json_free(&v);
		wn_json_parser_free(&p);
	}
}

/* n arrays inside each other: "[[[...]]]". */
static char *nested(int n)
{
	char *s = malloc((size_t)n * 2 + 1);
	cr_assert_not_null(s);
	memset(s, '[', (size_t)n);
	memset(s + n, ']', (size_t)n);
	s[2 * n] = '\0';
	return s;
}

Test(json, nesting_is_limited)
{
	static const struct { int depth; int rc; } cases[] = {
		{ .depth = 1, .rc = WN_OK },
		{ .depth = WN_JSON_DEPTH_MAX + 1, .rc = WN_OK },    /* depths 0..64 */
		{ .depth = WN_JSON_DEPTH_MAX + 2, .rc = WN_DATAERR },
		{ .depth = 100000, .rc = WN_DATAERR },             /* no stack overflow */
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *s = nested(cases[i].depth);
		struct wn_json_parser p;
		struct wn_json v;
		struct wn_err err = { 0 };
		cr_expect_eq(parse(s, NULL, &p, &v, &err), cases[i].rc, "depth %d: %s",
		             cases[i].depth, err.msg);
		if (cases[i].rc != WN_OK)
			cr_expect_not_null(strstr(err.msg, "nested too deeply"), "%s", err.msg);
		wn_json_free(&v);
		wn_json_parser_free(&p);
		free(s);
	}
}

/* ---- the streamed array ------------------------------------------------ */

Test(json, a_streamed_array_comes_one_element_at_a_time)
{
	const char *text = "{\"format\": \"x\",\n \"days\": [\n  {\"d\": 1},\n  {\"d\": 2}\n ],\n"
	                   " \"after\": [1]}";
	struct wn_json_parser p;
	struct wn_json root;
	struct wn_err err = { 0 };
	cr_assert_eq(parse(text, "days", &p, &root, &err), WN_OK, "%s", err.msg);
	cr_expect(wn_json_streamed(&p));
	const struct wn_json *days = wn_json_get(&root, "days");
	cr_assert_not_null(days);
	cr_expect_eq(days->t, WN_JSON_ARR);
	cr_expect_eq(days->n, 0, "not built");
	cr_expect_eq(wn_json_get(&root, "after")->n, 1);
	wn_json_free(&root);
	static const int lines[] = { 3, 4 };
	bool done = false;
	size_t n = 0;
	while (!done) {
		struct wn_json day;
		cr_assert_eq(wn_json_next(&p, &day, &done), WN_OK, "%s", err.msg);
		if (!done) {
			cr_assert_lt(n, 2);
			cr_expect_eq(day.line, lines[n]);
			cr_expect_eq(wn_json_get(&day, "d")->num, (double)(n + 1));
			n++;
		}
		wn_json_free(&day);
	}
	cr_expect_eq(n, 2);
	wn_json_parser_free(&p);
}

Test(json, streaming_cases)
{
	static const struct {
		const char *name, *text;
		bool streamed;
		size_t elements;
		int rc;
	} cases[] = {
		{ .name = "empty array", .text = "{\"days\": [ ]}", .streamed = true },
		{ .name = "no such key", .text = "{\"other\": [1]}" },
		{ .name = "not an array", .text = "{\"days\": 3}" },
		{ .name = "only the first", .text = "{\"days\": [1], \"days\": [2, 3]}",
		  .streamed = true, .elements = 1 },
		{ .name = "not at the root", .text = "{\"x\": {\"days\": [1]}}" },
		{ .name = "a late syntax error", .text = "{\"days\": [1, {\"a\" 2}]}",
		  .rc = WN_DATAERR },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct wn_json_parser p;
		struct wn_json root, v;
		struct wn_err err = { 0 };
		bool done = false;
		size_t n = 0;
		int rc = parse(cases[i].text, "days", &p, &root, &err);
		cr_expect_eq(rc, cases[i].rc, "%s: %s", cases[i].name, err.msg);
		if (rc == WN_OK)
			cr_expect_eq(wn_json_streamed(&p), cases[i].streamed, "%s", cases[i].name);
		while (rc == WN_OK && (rc = wn_json_next(&p, &v, &done)) == WN_OK && !done) {
			n++;
			wn_json_free(&v);
		}
		cr_expect_eq(n, cases[i].elements, "%s", cases[i].name);
		wn_json_free(&root);
		wn_json_parser_free(&p);
	}
}
