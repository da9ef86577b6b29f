/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for the command-line argument parsing and value parsers. */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "cli/cli.h"
#include "core/suggest.h"
#include "core/text.h"

struct seen {
	const char *date;
	int flags;
	const char *pos[4];
	int npos;
};

static int on_date(void *x, const char *a, struct wn_err *e) { (void)e; ((struct seen *)x)->date = a; return WN_OK; }
static int on_flag(void *x, const char *a, struct wn_err *e) { (void)a; (void)e; ((struct seen *)x)->flags++; return WN_OK; }
static int on_pos(void *x, const char *w, struct wn_err *e)
{
	struct seen *s = x;
	if (s->npos >= 4)
		return wn_err_set(e, WN_USAGE, "too many");
	s->pos[s->npos++] = w;
	return WN_OK;
}

static const struct wn_cli_opt opts[] = {
	{ "date", "DATE", on_date, "a date" },
	{ "flag", NULL, on_flag, "a flag" },
	{ 0 }
};

struct parse_case {
	const char *argv[6];
	int rc;
	const char *date;
	int flags, npos;
	const char *msg_part;
};

static const struct parse_case parse_cases[] = {
	{ .argv = { "--date", "2026-11-20" }, .rc = WN_OK, .date = "2026-11-20" },
	{ .argv = { "--date=today", "--flag" }, .rc = WN_OK, .date = "today", .flags = 1 },
	{ .argv = { "a", "--flag", "b", "--flag" }, .rc = WN_OK, .flags = 2, .npos = 2 },
	{ .argv = { "--", "--flag" }, .rc = WN_OK, .npos = 1 },
	{ .argv = { "-3" }, .rc = WN_OK, .npos = 1 },
	{ .argv = { "--date" }, .rc = WN_USAGE, .msg_part = "needs a value" },
	{ .argv = { "--dat", "x" }, .rc = WN_USAGE, .msg_part = "did you mean --date" },
	{ .argv = { "--flag=1" }, .rc = WN_USAGE, .msg_part = "takes no value" },
	{ .argv = { "-x" }, .rc = WN_USAGE, .msg_part = "unknown option" },
	{ .argv = { "--zzzzzz" }, .rc = WN_USAGE, .msg_part = "unknown option '--zzzzzz'" },
};

Test(cli, parse_args_table)
{
	for (size_t i = 0; i < sizeof parse_cases / sizeof *parse_cases; i++) {
		const struct parse_case *c = &parse_cases[i];
		struct seen s = { 0 };
		struct wn_cli_parse p = { .opts = opts, .positional = on_pos, .ctx = &s, .command = "test" };
		char *argv[6] = { 0 };
		int argc = 0;
		while (argc < 6 && c->argv[argc]) {
			argv[argc] = (char *)c->argv[argc];
			argc++;
		}
		struct wn_err err = { 0 };
		int rc = wn_cli_parse_args(&p, argc, argv, &err);
		cr_expect_eq(rc, c->rc, "case %zu: rc %d (%s)", i, rc, err.msg);
		if (c->date)
			cr_expect_str_eq(s.date, c->date, "case %zu", i);
		cr_expect_eq(s.flags, c->flags, "case %zu flags", i);
		if (rc == WN_OK)
			cr_expect_eq(s.npos, c->npos, "case %zu positional", i);
		if (c->msg_part)
			cr_expect(strstr(err.msg, c->msg_part) != NULL, "case %zu: '%s'", i, err.msg);
	}
}

Test(cli, positional_refused_without_handler)
{
	struct seen s = { 0 };
	struct wn_cli_parse p = { .opts = opts, .ctx = &s, .command = "test" };
	char *argv[] = { "word" };
	struct wn_err err = { 0 };
	cr_expect_eq(wn_cli_parse_args(&p, 1, argv, &err), WN_USAGE);
	cr_expect(strstr(err.msg, "unexpected argument 'word'") != NULL, "%s", err.msg);
}

struct int_case { const char *in; long min, max; int rc; long want; };
static const struct int_case int_cases[] = {
	{ .in = "6", .min = 0, .max = 10, .rc = WN_OK, .want = 6 }, { .in = "0", .min = 0, .max = 10, .rc = WN_OK, .want = 0 }, { .in = "10", .min = 0, .max = 10, .rc = WN_OK, .want = 10 },
	{ .in = "11", .min = 0, .max = 10, .rc = WN_DATAERR }, { .in = "-1", .min = 0, .max = 10, .rc = WN_DATAERR }, { .in = "5.5", .min = 0, .max = 10, .rc = WN_DATAERR },
	{ .in = "six", .min = 0, .max = 10, .rc = WN_DATAERR }, { .in = "", .min = 0, .max = 10, .rc = WN_DATAERR }, { .in = "6 ", .min = 0, .max = 10, .rc = WN_DATAERR },
	{ .in = "99999999999999999999999", .min = 0, .max = 10, .rc = WN_DATAERR },
};

Test(cli, parse_int_table)
{
	for (size_t i = 0; i < sizeof int_cases / sizeof *int_cases; i++) {
		const struct int_case *c = &int_cases[i];
		long v = -42;
		struct wn_err err = { 0 };
		int rc = wn_cli_parse_int(c->in, "mood", c->min, c->max, &v, &err);
		cr_expect_eq(rc, c->rc, "'%s'", c->in);
		if (rc == WN_OK)
			cr_expect_eq(v, c->want, "'%s'", c->in);
		else
			cr_expect(strstr(err.msg, "mood") != NULL, "'%s': %s", c->in, err.msg);
	}
}

struct num_case { const char *in; int rc; double want; };
static const struct num_case num_cases[] = {
	{ .in = "7.5", .rc = WN_OK, .want = 7.5 }, { .in = "0", .rc = WN_OK, .want = 0 }, { .in = "24", .rc = WN_OK, .want = 24 },
	{ .in = "-1", .rc = WN_DATAERR }, { .in = "24.5", .rc = WN_DATAERR }, { .in = "nan", .rc = WN_DATAERR },
	{ .in = "inf", .rc = WN_DATAERR }, { .in = "0x10", .rc = WN_DATAERR }, { .in = "7h", .rc = WN_DATAERR }, { .in = "", .rc = WN_DATAERR },
	{ .in = "1e1", .rc = WN_OK, .want = 10 },
};

Test(cli, parse_num_table)
{
	for (size_t i = 0; i < sizeof num_cases / sizeof *num_cases; i++) {
		const struct num_case *c = &num_cases[i];
		double v = -42;
		struct wn_err err = { 0 };
		int rc = wn_cli_parse_num(c->in, "sleep", 0, 24, &v, &err);
		cr_expect_eq(rc, c->rc, "'%s'", c->in);
		if (rc == WN_OK)
			cr_expect_float_eq(v, c->want, 1e-9, "'%s'", c->in);
	}
}

struct time_case { const char *in; int rc; int want; };
static const struct time_case time_cases[] = {
	{ .in = "08:30", .rc = WN_OK, .want = 510 }, { .in = "00:00", .rc = WN_OK, .want = 0 }, { .in = "23:59", .rc = WN_OK, .want = 1439 },
	{ .in = "24:00", .rc = WN_DATAERR }, { .in = "8:30", .rc = WN_DATAERR }, { .in = "08:60", .rc = WN_DATAERR },
	{ .in = "0830", .rc = WN_DATAERR }, { .in = "08:30x", .rc = WN_DATAERR }, { .in = "", .rc = WN_DATAERR },
};

Test(cli, parse_time_table)
{
	for (size_t i = 0; i < sizeof time_cases / sizeof *time_cases; i++) {
		const struct time_case *c = &time_cases[i];
		int m = -5;
		int rc = wn_cli_parse_time(c->in, &m, NULL);
		cr_expect_eq(rc, c->rc, "'%s'", c->in);
		if (rc == WN_OK)
			cr_expect_eq(m, c->want, "'%s'", c->in);
	}
}

Test(cli, parse_date_refuses_future)
{
	struct wn_cli c = { .today = wn_date_from_ymd(2026, 11, 25) };
	wn_date d;
	struct wn_err err = { 0 };
	cr_expect_eq(wn_cli_parse_date(&c, "2026-11-25", true, &d, &err), WN_OK);
	cr_expect_eq(wn_cli_parse_date(&c, "2026-11-26", true, &d, &err), WN_DATAERR);
	cr_expect(strstr(err.msg, "in the future") != NULL, "%s", err.msg);
	cr_expect_eq(wn_cli_parse_date(&c, "2026-11-26", false, &d, &err), WN_OK);
	cr_expect_eq(wn_cli_parse_date(&c, "2026-02-30", false, &d, &err), WN_DATAERR);
}

Test(cli, unknown_suggests_closest)
{
	const char *cands[] = { "dizziness", "brain zaps", "nausea", "headache" };
	struct wn_err err = { 0 };
	cr_expect_eq(wn_suggest_unknown(&err, "symptom", "dizzyness", cands, 4), WN_DATAERR);
	cr_expect(strstr(err.msg, "unknown symptom 'dizzyness' (did you mean 'dizziness'?)") != NULL, "%s", err.msg);
	cr_expect_eq(wn_suggest_unknown(&err, "symptom", "qqqqqqq", cands, 4), WN_DATAERR);
	cr_expect(strstr(err.msg, "did you mean") == NULL, "%s", err.msg);
}
