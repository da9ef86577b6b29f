/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for csv.c: the guarded cell writer and the record reader,
 * well-formed and malformed input. */
#include <criterion/criterion.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csv.h"

/* ---- writing ------------------------------------------------------------- */

Test(csv, cell_quotes_and_guards)
{
	static const struct { const char *in, *want; } cases[] = {
		{ .in = "plain", .want = "plain" },
		{ .in = "", .want = "" },
		{ .in = "a,b", .want = "\"a,b\"" },
		{ .in = "say \"hi\"", .want = "\"say \"\"hi\"\"\"" },
		{ .in = "two\nlines", .want = "\"two\nlines\"" },
		{ .in = "crlf\r\nend", .want = "\"crlf\r\nend\"" },
		{ .in = "=1+1", .want = "'=1+1" },
		{ .in = "+49 30", .want = "'+49 30" },
		{ .in = "-5", .want = "'-5" },
		{ .in = "@SUM(A1)", .want = "'@SUM(A1)" },
		{ .in = "\tx", .want = "'\tx" },
		{ .in = "\rx", .want = "\"'\rx\"" },
		{ .in = "=HYPERLINK(\"x\",\"y\")", .want = "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"" },
		{ .in = "a=b", .want = "a=b" },
		{ .in = "'quoted already", .want = "''quoted already" },  /* kept on re-import */
		{ .in = "'", .want = "''" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct wn_buf b;
		wn_buf_init(&b);
		wn_csv_cell(&b, cases[i].in, strlen(cases[i].in));
		cr_expect_str_eq(b.s, cases[i].want, "case %zu", i);
		wn_buf_free(&b);
	}
}

Test(csv, unguard_takes_off_only_the_guard)
{
	static const struct { const char *in, *want; } cases[] = {
		{ .in = "'=1+1", .want = "=1+1" },
		{ .in = "'-5", .want = "-5" },
		{ .in = "'\tx", .want = "\tx" },
		{ .in = "'plain", .want = "'plain" },     /* not a guard */
		{ .in = "'", .want = "'" },
		{ .in = "''=", .want = "'=" },            /* the guard of "'=" */
		{ .in = "''", .want = "'" },
		{ .in = "=1", .want = "=1" },
		{ .in = "", .want = "" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		size_t len = strlen(cases[i].in);
		const char *s = wn_csv_unguard(cases[i].in, &len);
		cr_expect_eq(len, strlen(cases[i].want), "case %zu", i);
		cr_expect_eq(strncmp(s, cases[i].want, len), 0, "case %zu", i);
	}
}

Test(csv, a_guarded_cell_reads_back_as_written)
{
	static const char *const cells[] = { "=cmd|' /C calc'!A0", "-", "a,\"b\"\r\nc", "@x",
		"'plain", "'", "''", "'=1", "''-", "'\n'" };
	for (size_t i = 0; i < sizeof cells / sizeof *cells; i++) {
		struct wn_buf b;
		struct wn_csv_reader c;
		struct wn_csv_record r = { 0 };
		bool got;
		wn_buf_init(&b);
		wn_csv_cell(&b, cells[i], strlen(cells[i]));
		wn_csv_open(&c, b.s, b.len);
		cr_assert_eq(wn_csv_next(&c, &r, &got, NULL), WN_OK);
		cr_assert(got);
		cr_assert_eq(r.n, 1);
		size_t len = r.len[0];
		const char *s = wn_csv_unguard(r.f[0], &len);
		cr_expect_eq(len, strlen(cells[i]), "cell %zu", i);
		cr_expect_eq(memcmp(s, cells[i], len), 0, "cell %zu", i);
		wn_csv_record_free(&r);
		wn_csv_close(&c);
		wn_buf_free(&b);
	}
}

/* ---- reading ------------------------------------------------------------- */

#define MAXF 4

/* A text and the records it holds: fields joined by '|', one string per
 * record; the error expected after them, if any. */
struct rcase {
	const char *name;
	const char *text;
	const char *recs[MAXF];
	int lines[MAXF];          /* each record's first line */
	int rc;
	const char *msg;
};

static const struct rcase read_cases[] = {
	{ .name = "plain LF", .text = "a,b\n1,2\n", .recs = { "a|b", "1|2" }, .lines = { 1, 2 } },
	{ .name = "CRLF", .text = "a,b\r\n1,2\r\n", .recs = { "a|b", "1|2" }, .lines = { 1, 2 } },
	{ .name = "lone CR", .text = "a,b\r1,2", .recs = { "a|b", "1|2" }, .lines = { 1, 1 } },
	{ .name = "no newline at the end", .text = "a,b", .recs = { "a|b" }, .lines = { 1 } },
	{ .name = "empty fields", .text = ",,\n", .recs = { "||" }, .lines = { 1 } },
	{ .name = "a blank line", .text = "a\n\nb\n", .recs = { "a", "", "b" },
	  .lines = { 1, 2, 3 } },
	{ .name = "quoted comma", .text = "\"a,b\",c\n", .recs = { "a,b|c" }, .lines = { 1 } },
	{ .name = "doubled quotes", .text = "\"say \"\"hi\"\"\"\n", .recs = { "say \"hi\"" },
	  .lines = { 1 } },
	{ .name = "quoted newlines count as lines",
	  .text = "\"two\r\nlines\",x\r\nnext\r\n", .recs = { "two\r\nlines|x", "next" },
	  .lines = { 1, 3 } },
	{ .name = "a quote inside an unquoted field", .text = "ab\"c,d\n",
	  .recs = { "ab\"c|d" }, .lines = { 1 } },
	{ .name = "text after a closing quote is kept", .text = "\"ab\"c,d\n",
	  .recs = { "abc|d" }, .lines = { 1 } },
	{ .name = "empty quoted field", .text = "\"\",x\n", .recs = { "|x" }, .lines = { 1 } },
	{ .name = "unterminated quote", .text = "a,b\n1,\"never\nclosed,2\n",
	  .recs = { "a|b" }, .lines = { 1 }, .rc = WN_DATAERR,
	  .msg = "line 2: a quoted field is never closed" },
	{ .name = "a lone quote", .text = "\"", .rc = WN_DATAERR,
	  .msg = "line 1: a quoted field is never closed" },
	{ .name = "empty text", .text = "" },
};

/* The record as "f1|f2|...". */
static void joined(const struct wn_csv_record *r, char *out, size_t n)
{
	out[0] = '\0';
	for (size_t i = 0; i < r->n; i++) {
		if (i)
			strncat(out, "|", n - strlen(out) - 1);
		strncat(out, r->f[i], n - strlen(out) - 1);
	}
}

static void run_case(const struct rcase *c)
{
	struct wn_csv_reader rd;
	struct wn_csv_record r = { 0 };
	struct wn_err err = { 0 };
	bool got = true;
	int rc = WN_OK;
	size_t k = 0;
	wn_csv_open(&rd, c->text, strlen(c->text));
	while ((rc = wn_csv_next(&rd, &r, &got, &err)) == WN_OK && got) {
		char buf[256];
		cr_assert_lt(k, (size_t)MAXF, "%s: too many records", c->name);
		joined(&r, buf, sizeof buf);
		cr_expect_not_null(c->recs[k], "%s: record %zu unexpected (%s)", c->name, k, buf);
		if (c->recs[k])
			cr_expect_str_eq(buf, c->recs[k], "%s: record %zu", c->name, k);
		cr_expect_eq(r.line, c->lines[k], "%s: record %zu line", c->name, k);
		k++;
	}
	cr_expect_eq(rc, c->rc, "%s: rc %d (%s)", c->name, rc, err.msg);
	cr_expect(k == MAXF || c->recs[k] == NULL, "%s: only %zu records", c->name, k);
	if (c->msg)
		cr_expect_str_eq(err.msg, c->msg, "%s", c->name);
	wn_csv_record_free(&r);
	wn_csv_close(&rd);
}

Test(csv, records_well_formed_and_malformed)
{
	for (size_t i = 0; i < sizeof read_cases / sizeof *read_cases; i++)
		run_case(&read_cases[i]);
}

Test(csv, a_record_over_the_limit_is_refused)
{
	size_t big = WN_CSV_RECORD_MAX;
	char *t = malloc(big + 64);
	cr_assert_not_null(t);
	/* line 2: exactly the limit (with its newline) passes */
	int n = snprintf(t, 64, "h\n");
	memset(t + n, 'x', big - 1);
	strcpy(t + n + big - 1, "\nend\n");
	struct wn_csv_reader rd;
	struct wn_csv_record r = { 0 };
	struct wn_err err = { 0 };
	bool got;
	wn_csv_open(&rd, t, strlen(t));
	cr_assert_eq(wn_csv_next(&rd, &r, &got, &err), WN_OK);
	cr_assert_eq(wn_csv_next(&rd, &r, &got, &err), WN_OK, "%s", err.msg);
	cr_expect_eq(r.len[0], big - 1);
	wn_csv_close(&rd);
	/* one byte more does not */
	t[n + big - 1] = 'x';
	wn_csv_open(&rd, t, strlen(t));
	cr_assert_eq(wn_csv_next(&rd, &r, &got, &err), WN_OK);
	cr_expect_eq(wn_csv_next(&rd, &r, &got, &err), WN_DATAERR);
	cr_expect_str_eq(err.msg, "line 2: a record longer than 1048576 bytes");
	wn_csv_record_free(&r);
	wn_csv_close(&rd);
	free(t);
}

/* ---- columns and numbers ----------------------------------------------- */

Test(csv, columns_are_found_or_named_missing)
{
	struct wn_csv_reader rd;
	struct wn_csv_record h = { 0 };
	struct wn_err err = { 0 };
	bool got;
	const char *text = "date,mood,note\n";
	wn_csv_open(&rd, text, strlen(text));
	cr_assert_eq(wn_csv_next(&rd, &h, &got, &err), WN_OK);
	static const char *const ok[] = { "note", "date" }, *const bad[] = { "date", "sleep" };
	int idx[2];
	cr_expect_eq(wn_csv_columns(&h, ok, 2, idx, &err), WN_OK);
	cr_expect_eq(idx[0], 2);
	cr_expect_eq(idx[1], 0);
	cr_expect_eq(wn_csv_columns(&h, bad, 2, idx, &err), WN_DATAERR);
	cr_expect_str_eq(err.msg, "line 1: the column \"sleep\" is missing");
	cr_expect_eq(wn_csv_find(&h, "Mood"), -1);
	wn_csv_record_free(&h);
	wn_csv_close(&rd);
}

Test(csv, numbers_in_range_or_a_message)
{
	static const struct {
		const char *cell;
		double want;             /* NAN: empty */
		const char *msg;         /* NULL: accepted */
	} cases[] = {
		{ .cell = "7", .want = 7 },
		{ .cell = "7.25", .want = 7.25 },
		{ .cell = "7,25", .want = 7.25 },   /* a decimal comma (issue 18) */
		{ .cell = "", .want = NAN },
		{ .cell = "1,000.5", .msg = "line 1: mood: \"1,000.5\" is not a number from 0 to 10" },
		{ .cell = "1,2,3", .msg = "line 1: mood: \"1,2,3\" is not a number from 0 to 10" },
		{ .cell = "0", .want = 0 },
		{ .cell = "11", .msg = "line 1: mood: \"11\" is not a number from 0 to 10" },
		{ .cell = "-1", .msg = "line 1: mood: \"-1\" is not a number from 0 to 10" },
		{ .cell = "seven", .msg = "line 1: mood: \"seven\" is not a number from 0 to 10" },
		{ .cell = "4\n", .msg = "line 1: mood: \"4?\" is not a number from 0 to 10" },
		{ .cell = "nan", .msg = "line 1: mood: \"nan\" is not a number from 0 to 10" },
		{ .cell = "1e999", .msg = "line 1: mood: \"1e999\" is not a number from 0 to 10" },
	};
	static const double lim[2] = { 0, 10 };
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *f[1] = { (char *)cases[i].cell };
		size_t len[1] = { strlen(cases[i].cell) };
		struct wn_csv_record r = { .f = f, .len = len, .n = 1, .line = 1 };
		struct wn_err err = { 0 };
		double v;
		int rc = wn_csv_number(&r, 0, "mood", lim, &v, &err);
		cr_expect_eq(rc, cases[i].msg ? WN_DATAERR : WN_OK, "%s", cases[i].cell);
		if (cases[i].msg)
			cr_expect_str_eq(err.msg, cases[i].msg);
		else if (isnan(cases[i].want))
			cr_expect(isnan(v), "%s", cases[i].cell);
		else
			cr_expect_eq(v, cases[i].want, "%s", cases[i].cell);
	}
	double v = 0;
	struct wn_csv_record none = { .line = 1 };
	cr_expect_eq(wn_csv_number(&none, 3, "mood", lim, &v, NULL), WN_OK);
	cr_expect(isnan(v), "a column the record does not have is empty");
}
