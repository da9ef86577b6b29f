/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for the civil-date module. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"

struct ymd_case { int y, m, d; long days; int weekday; };

static const struct ymd_case ymd_cases[] = {
	{ .y = 1970, .m = 1,  .d = 1,  .days = 0,      .weekday = 3 },
	{ .y = 1969, .m = 12, .d = 31, .days = -1,     .weekday = 2 },
	{ .y = 2000, .m = 2,  .d = 29, .days = 11016,  .weekday = 1 },
	{ .y = 2026, .m = 1,  .d = 5,  .days = 20458,  .weekday = 0 },
	{ .y = 2026, .m = 11, .d = 25, .days = 20782,  .weekday = 2 },
	{ .y = 2024, .m = 2,  .d = 29, .days = 19782,  .weekday = 3 },
	{ .y = 1,    .m = 1,  .d = 1,  .days = -719162, .weekday = 0 },
	{ .y = 9999, .m = 12, .d = 31, .days = 2932896, .weekday = 4 },
};

Test(date, ymd_roundtrip_and_weekday)
{
	for (size_t i = 0; i < sizeof ymd_cases / sizeof *ymd_cases; i++) {
		const struct ymd_case *c = &ymd_cases[i];
		cr_expect_eq(wn_date_from_ymd(c->y, c->m, c->d), c->days,
		             "case %zu: %04d-%02d-%02d", i, c->y, c->m, c->d);
		int y, m, d;
		wn_date_to_ymd(c->days, &y, &m, &d);
		cr_expect(y == c->y && m == c->m && d == c->d, "case %zu back", i);
		cr_expect_eq(wn_date_weekday(c->days), c->weekday, "case %zu weekday", i);
	}
}

Test(date, every_day_of_four_centuries_roundtrips)
{
	wn_date start = wn_date_from_ymd(1900, 1, 1);
	wn_date end = wn_date_from_ymd(2300, 1, 1);
	int py = 1899, pm = 12, pd = 31;
	for (wn_date x = start; x < end; x++) {
		int y, m, d;
		wn_date_to_ymd(x, &y, &m, &d);
		cr_assert(wn_date_valid(y, m, d));
		cr_assert_eq(wn_date_from_ymd(y, m, d), x);
		/* consecutive */
		if (d != 1)
			cr_assert(d == pd + 1 && m == pm && y == py);
		py = y; pm = m; pd = d;
	}
}

struct leap_case { int y; bool leap; };
static const struct leap_case leap_cases[] = {
	{ 1900, false }, { 2000, true }, { 2024, true }, { 2026, false },
	{ 2100, false }, { 2400, true }, { 4, true }, { 1, false },
};

Test(date, format_and_none)
{
	char buf[WN_DATE_STRLEN];
	cr_expect_str_eq(wn_date_format(wn_date_from_ymd(2026, 11, 25), buf), "2026-11-25");
	cr_expect_str_eq(wn_date_format(wn_date_from_ymd(1, 1, 1), buf), "0001-01-01");
	cr_expect_str_eq(wn_date_format(WN_DATE_NONE, buf), "-");
}

Test(date, leap_years)
{
	for (size_t i = 0; i < sizeof leap_cases / sizeof *leap_cases; i++)
		cr_expect_eq(wn_date_valid(leap_cases[i].y, 2, 29), leap_cases[i].leap,
		             "year %d", leap_cases[i].y);
	cr_expect(wn_date_valid(2026, 4, 30));
	cr_expect_not(wn_date_valid(2026, 4, 31));
	cr_expect_not(wn_date_valid(2026, 13, 1));
}

struct parse_case {
	const char *in;
	int rc;
	const char *want;      /* formatted result when rc == 0 */
	const char *msg_part;  /* substring of the error message */
};

static const struct parse_case parse_cases[] = {
	{ .in = "2026-11-20", .rc = WN_OK, .want = "2026-11-20" },
	{ .in = "today", .rc = WN_OK, .want = "2026-11-25" },
	{ .in = "TODAY", .rc = WN_OK, .want = "2026-11-25" },
	{ .in = "yesterday", .rc = WN_OK, .want = "2026-11-24" },
	{ .in = "-1", .rc = WN_OK, .want = "2026-11-24" },
	{ .in = "-30", .rc = WN_OK, .want = "2026-10-26" },
	{ .in = "-0", .rc = WN_OK, .want = "2026-11-25" },
	{ .in = "2024-02-29", .rc = WN_OK, .want = "2024-02-29" },
	{ .in = "2026-02-29", .rc = WN_DATAERR, .msg_part = "not a real date" },
	{ .in = "2026-02-30", .rc = WN_DATAERR, .msg_part = "not a real date" },
	{ .in = "2026-13-01", .rc = WN_DATAERR, .msg_part = "not a real date" },
	{ .in = "2026-00-10", .rc = WN_DATAERR, .msg_part = "not a real date" },
	{ .in = "2026-04-31", .rc = WN_DATAERR, .msg_part = "not a real date" },
	{ .in = "0000-01-01", .rc = WN_DATAERR, .msg_part = "not a real date" },
	{ .in = "2026-1-5", .rc = WN_DATAERR, .msg_part = "expected YYYY-MM-DD" },
	{ .in = "20261105", .rc = WN_DATAERR, .msg_part = "expected YYYY-MM-DD" },
	{ .in = "2026-11-2x", .rc = WN_DATAERR, .msg_part = "expected YYYY-MM-DD" },
	{ .in = " 2026-11-20", .rc = WN_DATAERR, .msg_part = "expected" },
	{ .in = "", .rc = WN_DATAERR, .msg_part = "empty" },
	{ .in = "-", .rc = WN_DATAERR, .msg_part = "expected" },
	{ .in = "-1x", .rc = WN_DATAERR, .msg_part = "expected" },
	{ .in = "-99999", .rc = WN_DATAERR, .msg_part = "100 years" },
	{ .in = "-9999999999", .rc = WN_DATAERR, .msg_part = "expected" },
	{ .in = "tomorrow", .rc = WN_DATAERR, .msg_part = "expected" },
};

Test(date, parse_table)
{
	wn_date today = wn_date_from_ymd(2026, 11, 25);
	for (size_t i = 0; i < sizeof parse_cases / sizeof *parse_cases; i++) {
		const struct parse_case *c = &parse_cases[i];
		struct wn_err err = { 0 };
		wn_date out = 0;
		int rc = wn_date_parse(c->in, today, &out, &err);
		cr_expect_eq(rc, c->rc, "'%s': rc %d", c->in, rc);
		if (rc == WN_OK && c->want) {
			char buf[WN_DATE_STRLEN];
			cr_expect_str_eq(wn_date_format(out, buf), c->want, "'%s'", c->in);
		}
		if (rc != WN_OK && c->msg_part)
			cr_expect(strstr(err.msg, c->msg_part) != NULL,
			          "'%s': message '%s'", c->in, err.msg);
	}
}

Test(date, today_from_env)
{
	setenv("WEAN_TODAY", "2026-11-25", 1);
	cr_expect_eq(wn_date_today(), wn_date_from_ymd(2026, 11, 25));
	cr_expect_null(wn_date_today_env_error());
	setenv("WEAN_TODAY", "2026-02-30", 1);
	cr_expect_not_null(wn_date_today_env_error());
	/* falls back to the real clock: some real date after 2020 */
	cr_expect_gt(wn_date_today(), wn_date_from_ymd(2020, 1, 1));
	setenv("WEAN_TODAY", "2026-11-25", 1);
}

Test(date, add_months_clamps)
{
	wn_date jan31 = wn_date_from_ymd(2026, 1, 31);
	cr_expect_eq(wn_date_add_months(jan31, 1), wn_date_from_ymd(2026, 2, 28));
	cr_expect_eq(wn_date_add_months(wn_date_from_ymd(2024, 1, 31), 1),
	             wn_date_from_ymd(2024, 2, 29));
	cr_expect_eq(wn_date_add_months(jan31, -1), wn_date_from_ymd(2025, 12, 31));
	cr_expect_eq(wn_date_add_months(jan31, 12), wn_date_from_ymd(2027, 1, 31));
}

Test(date, month_grid_monday_start)
{
	struct wn_month_grid g;
	/* November 2026 starts on a Sunday: 6 lead days with Monday start. */
	wn_date_month_grid(wn_date_from_ymd(2026, 11, 25), 0, &g);
	cr_expect_eq(g.year, 2026);
	cr_expect_eq(g.month, 11);
	cr_expect_eq(g.cell[0][0], wn_date_from_ymd(2026, 10, 26));
	cr_expect_not(g.in_month[0][5]);
	cr_expect(g.in_month[0][6]);
	cr_expect_eq(g.cell[0][6], wn_date_from_ymd(2026, 11, 1));
	cr_expect_eq(g.rows, 6);
	cr_expect_eq(g.cell[5][0], wn_date_from_ymd(2026, 11, 30));
	cr_expect(g.in_month[5][0]);
	cr_expect_not(g.in_month[5][1]);
}

Test(date, month_grid_sunday_start_and_february)
{
	struct wn_month_grid g;
	wn_date_month_grid(wn_date_from_ymd(2026, 11, 3), 6, &g);
	cr_expect_eq(g.cell[0][0], wn_date_from_ymd(2026, 11, 1));
	cr_expect_eq(g.rows, 5);
	/* February 2021: 28 days starting on a Monday -> exactly 4 rows */
	wn_date_month_grid(wn_date_from_ymd(2021, 2, 14), 0, &g);
	cr_expect_eq(g.rows, 4);
	cr_expect_eq(g.cell[3][6], wn_date_from_ymd(2021, 2, 28));
}

Test(date, names)
{
	cr_expect_str_eq(wn_date_weekday_name(0), "Mon");
	cr_expect_str_eq(wn_date_weekday_name(6), "Sun");
	cr_expect_str_eq(wn_date_weekday_name(7), "???");
	cr_expect_str_eq(wn_date_month_name(11), "November");
	cr_expect_str_eq(wn_date_month_name(0), "???");
}
