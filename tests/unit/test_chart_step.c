/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_chart_step.c -- the step line of a dose (core/chart.h step_line):
 * the turn in the column of the step, a column of several days showing
 * its last dose, the planned dose as a second line, the axis fitted to
 * the taper, and the default first day of a chart (core/chartview.h).
 * Every expectation is worked out by hand in the comments. */
#include <criterion/criterion.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/chart.h"
#include "core/chart_line.h"
#include "core/chartview.h"

#define START 20700L            /* any day: the step line counts from it */
#define NDAYS 400

static struct wn_err err;
static double taken[NDAYS], planned[NDAYS];

/* n days: `before` until day `at`, then `after`. */
static void fill(double *v, int n, double before, int at, double after)
{
	for (int i = 0; i < n; i++)
		v[i] = i < at ? before : after;
}

static void render(struct wn_chart_buf *b, int n, int w, int h, bool second)
{
	struct wn_chart_series s = { START, (size_t)n, taken, NAN, NAN, NULL, "taken" };
	struct wn_chart_series p = { START, (size_t)n, planned, NAN, NAN, NULL, "planned" };
	struct wn_chart_opts o = { .width = w, .height = h, .ascii = true,
		.step_line = true, .step_noun = "dose", .second = second ? &p : NULL };
	wn_chart_buf_init(b);
	cr_assert_eq(wn_chart_line(b, &s, &o, &err), WN_OK, "%s", err.msg);
}

static const char *at(const struct wn_chart_buf *b, int x, int y)
{
	const struct wn_chart_cell *c = wn_chart_cell(b, x, y);
	cr_assert_not_null(c, "no cell %d,%d", x, y);
	return c->ch;
}

static int role(const struct wn_chart_buf *b, int x, int y)
{
	return wn_chart_cell(b, x, y)->role;
}

/* Row y of the chart as text (trailing spaces kept). */
static void row_text(const struct wn_chart_buf *b, int y, char *out, size_t sz)
{
	size_t n = 0;
	for (int x = 0; x < b->width && n + 5 < sz; x++) {
		size_t l = strlen(at(b, x, y));
		memcpy(out + n, at(b, x, y), l);
		n += l;
	}
	out[n] = '\0';
}

/* 10 days at 40x10: 74 mg for 5 days, then 66.  The axis: the data 66..74
 * and a tenth of its span (0.8) either side, 65.2..74.8; with P = 7 rows
 * at most (7+1)/2+1 = 5 ticks, so a step of 5: 65, 70, 75 (labels two
 * wide, the plot from column 4, 36 columns).  74 is in row
 * (74-65)/10*6 = 5.4 -> 5 from the bottom, screen row 1+6-5 = 2; 66 in
 * row 0.6 -> 1, screen row 6.  One day per 3.6 columns: day 5 starts at
 * column 4 + 5*36/10 = 22, where the line turns down. */
Test(chart_step, a_step_turns_in_its_column)
{
	struct wn_chart_buf b;
	char r[512];
	fill(taken, 10, 74, 5, 66);
	render(&b, 10, 40, 10, false);
	row_text(&b, 1, r, sizeof r);
	cr_assert_not_null(strstr(r, "75 +"), "the top tick is 75: %s", r);
	row_text(&b, 7, r, sizeof r);
	cr_assert_not_null(strstr(r, "65 +"), "the bottom tick is 65, not 0: %s", r);
	cr_assert_str_eq(at(&b, 4, 2), "-");
	cr_assert_str_eq(at(&b, 21, 2), "-");
	cr_assert_str_eq(at(&b, 22, 2), ".");
	for (int y = 3; y <= 5; y++)
		cr_assert_str_eq(at(&b, 22, y), "|", "the step's vertical, row %d", y);
	cr_assert_str_eq(at(&b, 22, 6), "'");
	cr_assert_str_eq(at(&b, 23, 6), "-");
	cr_assert_str_eq(at(&b, 39, 6), "-");
	cr_assert_eq(role(&b, 22, 4), WN_CHART_LINE);
	row_text(&b, 0, r, sizeof r);
	cr_assert_not_null(strstr(r, "- taken"), "%s", r);
	cr_assert_null(strstr(r, "column"), "one day is never grouped: %s", r);
	wn_chart_buf_free(&b);
}

/* 100 days in 36 columns: ceil(100/36) = 3 days a column, 34 columns.
 * The cut on day 49 falls in column 49/3 = 16 (days 48, 49, 50), whose
 * last dose is the new one: the line turns in that column's first
 * screen column, 4 + 16*36/34 = 20; column 15 (4 + 15*36/34 = 19) is
 * still at 74.  The legend says what a column is. */
Test(chart_step, a_column_with_a_step_shows_it_at_the_right_column)
{
	struct wn_chart_buf b;
	char r[512];
	fill(taken, 100, 74, 49, 66);
	render(&b, 100, 40, 10, false);
	cr_assert_str_eq(at(&b, 19, 2), "-", "column 15: still 74");
	cr_assert_str_eq(at(&b, 20, 2), ".", "column 16 turns");
	cr_assert_str_eq(at(&b, 20, 6), "'");
	cr_assert_str_eq(at(&b, 21, 6), "-");
	row_text(&b, 0, r, sizeof r);
	cr_assert_not_null(strstr(r, "1 column = 3 days, last dose"), "%s", r);
	wn_chart_buf_free(&b);
}

/* The same 100 days with a missed dose (0) on day 30, inside column 10
 * (days 30..32) but not its last day: no column shows it, so the axis
 * stays fitted to 66..74 rather than reaching down to 0 and squeezing
 * the step into one row.  (The text under the chart lists the day.) */
Test(chart_step, the_axis_fits_what_is_drawn)
{
	struct wn_chart_buf b;
	char r[512];
	fill(taken, 100, 74, 49, 66);
	taken[30] = 0;
	render(&b, 100, 40, 10, false);
	row_text(&b, 7, r, sizeof r);
	cr_assert_not_null(strstr(r, "65 +"), "%s", r);
	/* the gutter was sized for the first axis, 0..100 (labels three
	 * wide): the plot is 35 columns from column 5, still 3 days a
	 * column, and column 16 starts at 5 + 16*35/34 = 21 */
	cr_assert_str_eq(at(&b, 21, 2), ".");
	cr_assert_str_eq(at(&b, 21, 6), "'");
	/* on the last day of column 10 (day 32) it is drawn, and the axis
	 * reaches 0 */
	taken[30] = 74;
	taken[32] = 0;
	wn_chart_buf_free(&b);
	render(&b, 100, 40, 10, false);
	row_text(&b, 7, r, sizeof r);
	cr_assert_not_null(strstr(r, " 0 +"), "%s", r);
	wn_chart_buf_free(&b);
}

/* The planned dose steps on day 3 (74 -> 66), the taken dose on day 5: in
 * between, the planned line is drawn alone ('=', the DOSE role) in row 6,
 * under the taken line where both are at the same level. */
Test(chart_step, the_planned_dose_is_a_second_line)
{
	struct wn_chart_buf b;
	char r[512];
	fill(taken, 10, 74, 5, 66);
	fill(planned, 10, 74, 3, 66);
	render(&b, 10, 40, 10, true);
	/* day 3 starts at 4 + 3*36/10 = 14, day 5 at 22 */
	cr_assert_str_eq(at(&b, 15, 6), "=");
	cr_assert_eq(role(&b, 15, 6), WN_CHART_DOSE);
	cr_assert_str_eq(at(&b, 15, 2), "-", "taken is still 74 on day 3");
	cr_assert_eq(role(&b, 4, 2), WN_CHART_LINE, "taken drawn over planned");
	row_text(&b, 0, r, sizeof r);
	cr_assert_not_null(strstr(r, "- taken  = planned"), "%s", r);
	wn_chart_buf_free(&b);
}

/* A young diary: the chart starts at its first record; an older one or an
 * empty one keeps the whole range. */
Test(chart_step, the_default_range_starts_at_the_first_record)
{
	cr_assert_eq(wn_chartview_default_from(1000, 90, 980), 980);
	cr_assert_eq(wn_chartview_default_from(1000, 90, 911), 911);
	cr_assert_eq(wn_chartview_default_from(1000, 90, 910), 911, "older: 90 days");
	cr_assert_eq(wn_chartview_default_from(1000, 90, 500), 911);
	cr_assert_eq(wn_chartview_default_from(1000, 90, WN_DATE_NONE), 911);
	cr_assert_eq(wn_chartview_default_from(1000, 90, 1000), 1000, "one day");
	cr_assert_eq(wn_chartview_default_from(1000, 90, 1001), 911,
	             "a first record after the end changes nothing");
}
