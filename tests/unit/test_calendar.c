/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_calendar.c -- the Calendar's month as values (core/calendar.h):
 * what a day shows, the day line, the grid's place; hand-computed. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "core/text.h"

#define D(y, m, d) wn_date_from_ymd((y), (m), (d))
#define T 20782                  /* 2026-11-25, a Wednesday: today */
#define FIRST 20758              /* 2026-11-01: the first recorded day */
#define N NAN

/* ---- what a day shows ------------------------------------------------------- */

struct status_case {
	const char *name;
	wn_date date;
	bool no_pd, step, held, empty_diary, recorded, flag;
	struct wn_plan_day pd;
	double burden;
	struct wn_calendar_status want;
};

static const struct wn_plan_event a_hold = { .kind = WN_PLAN_HOLD };

static const struct status_case status_cases[] = {
	{ .name = "a past day as planned", .date = T - 3, .burden = 3, .recorded = true,
	  .pd = { .planned = 50, .taken = 50, .n_doses = 1, .status = WN_DOSE_AS_PLANNED },
	  .want = { .taken = true, .shade = '.', .dose = WN_DOSE_AS_PLANNED } },
	{ .name = "a check-in without a dose: not recorded, not missed", .date = T - 1,
	  .burden = N, .recorded = true,
	  .pd = { .planned = 50, .status = WN_DOSE_NOT_RECORDED },
	  .want = { .shade = ' ', .dose = WN_DOSE_NOT_RECORDED } },
	{ .name = "skipped", .date = T - 1, .burden = N, .recorded = true,
	  .pd = { .planned = 50, .n_doses = 1, .status = WN_DOSE_SKIPPED },
	  .want = { .taken = true, .shade = ' ', .dose = WN_DOSE_SKIPPED } },
	{ .name = "more than planned, flagged", .date = T, .burden = 12, .recorded = true,
	  .flag = true,
	  .pd = { .planned = 50, .taken = 75, .n_doses = 2, .status = WN_DOSE_DIFFERENT },
	  .want = { .flagged = true, .taken = true, .shade = '+', .level = 2,
	            .dose = WN_DOSE_DIFFERENT } },
	{ .name = "ratings only: recorded, so no '?'", .date = T - 5, .burden = 20,
	  .recorded = true, .pd = { .planned = 50, .status = WN_DOSE_NOT_RECORDED },
	  .want = { .shade = '#', .level = 3, .dose = WN_DOSE_NOT_RECORDED } },
	{ .name = "nothing recorded on a past day", .date = T - 2, .burden = N,
	  .pd = { .planned = 50, .status = WN_DOSE_NOT_RECORDED },
	  .want = { .missing = true, .shade = ' ', .dose = WN_DOSE_NOT_RECORDED } },
	{ .name = "today, nothing yet", .date = T, .burden = N,
	  .pd = { .planned = 50, .status = WN_DOSE_NOT_RECORDED },
	  .want = { .shade = ' ', .dose = WN_DOSE_NOT_RECORDED } },
	{ .name = "a day to come", .date = T + 3, .step = true, .burden = N,
	  .pd = { .planned = 40, .status = WN_DOSE_NOT_RECORDED },
	  .want = { .step = true, .shade = ' ', .dose = WN_DOSE_NOT_PLANNED } },
	{ .name = "before the diary began", .date = FIRST - 1, .burden = N,
	  .pd = { .planned = N, .status = WN_DOSE_NOT_PLANNED },
	  .want = { .shade = ' ', .dose = WN_DOSE_NOT_PLANNED } },
	{ .name = "an empty diary", .date = T - 1, .empty_diary = true, .burden = N,
	  .pd = { .planned = N, .status = WN_DOSE_NOT_PLANNED },
	  .want = { .shade = ' ', .dose = WN_DOSE_NOT_PLANNED } },
	{ .name = "held, mild burden", .date = T - 4, .held = true, .burden = 9,
	  .recorded = true,
	  .pd = { .planned = 40, .taken = 40, .n_doses = 1, .status = WN_DOSE_AS_PLANNED },
	  .want = { .held = true, .taken = true, .shade = ':', .level = 1,
	            .dose = WN_DOSE_AS_PLANNED } },
	{ .name = "outside the month read", .date = T - 60, .no_pd = true,
	  .burden = N, .want = { .shade = ' ', .dose = WN_DOSE_NOT_PLANNED } },
};

Test(calendar, what_a_day_shows)
{
	for (size_t i = 0; i < sizeof status_cases / sizeof *status_cases; i++) {
		const struct status_case *c = &status_cases[i];
		struct wn_calendar_facts f = { .date = c->date, .today = T,
			.first = c->empty_diary ? WN_DATE_NONE : FIRST,
			.pd = c->no_pd ? NULL : &c->pd, .step = c->step,
			.hold = c->held ? &a_hold : NULL, .recorded = c->recorded,
			.flag = c->flag, .burden = c->burden, .unit = "mg", .med = "" };
		struct wn_calendar_status s;
		wn_calendar_day_status(&f, &s);
		const struct wn_calendar_status *w = &c->want;
		cr_expect(s.step == w->step && s.held == w->held, "%s: step, held", c->name);
		cr_expect_eq(s.flagged, w->flagged, "%s: flagged", c->name);
		cr_expect_eq(s.missing, w->missing, "%s: missing", c->name);
		cr_expect_eq(s.taken, w->taken, "%s: taken", c->name);
		cr_expect_eq(s.shade, w->shade, "%s: shade '%c'", c->name, s.shade);
		cr_expect_eq(s.level, w->level, "%s: level", c->name);
		cr_expect_eq(s.dose, w->dose, "%s: %s, want %s", c->name,
		             wn_vocab_dose_word(s.dose), wn_vocab_dose_word(w->dose));
	}
}

struct shade_case {
	double burden;
	char shade;
	int level;
};

static const struct shade_case shades[] = {
	{ N, ' ', 0 }, { 0, ' ', 0 }, { 0.5, ' ', 0 }, { 1, '.', 0 }, { 4, '.', 0 },
	{ 5, ':', 1 }, { 9.5, ':', 1 }, { 10, '+', 2 }, { 19, '+', 2 }, { 20, '#', 3 },
	{ 45, '#', 3 },
};

Test(calendar, burden_shades_and_levels)
{
	for (size_t i = 0; i < sizeof shades / sizeof *shades; i++) {
		struct wn_calendar_facts f = { .date = T, .today = T, .first = FIRST,
		                               .burden = shades[i].burden, .unit = "",
		                               .med = "" };
		struct wn_calendar_status s;
		wn_calendar_day_status(&f, &s);
		cr_expect_eq(s.shade, shades[i].shade, "burden %g", shades[i].burden);
		cr_expect_eq(s.level, shades[i].level, "burden %g", shades[i].burden);
	}
}

/* ---- the month ---------------------------------------------------------------- */

/* November 2026 from Monday 26 October (cell 0) to Sunday 6 December
 * (cell 41); a plan with steps on 11-01 (the start), 11-15 and 11-29, a
 * hold from 11-10 to 11-14 (resumed on 11-14) and a reinstatement on
 * 11-20. */
static struct wn_taper_step steps[3];
static struct wn_plan_event events[2];
static struct wn_plan plan;
static struct wn_schedule sched;
static struct wn_calendar_month month;
/* The plan's review: a warning on step 2, a caution on the start (step
 * 0, not a step day) and a whole-plan note; the reinstatement's: a note
 * on step 1 and a warning on step 2 of its own. */
static struct wn_review_finding plan_findings[3], up_findings[2];
static struct wn_review reviews[2];

static void a_finding(struct wn_review_finding *f, enum wn_review_level l, int step,
                      const char *brief)
{
	*f = (struct wn_review_finding){ .level = l, .step = step, .step_to = step };
	snprintf(f->brief, sizeof f->brief, "%s", brief);
}

static void november_reviews(void)
{
	a_finding(&plan_findings[0], WN_REVIEW_INFO, -1, "the whole plan");
	a_finding(&plan_findings[1], WN_REVIEW_CAUTION, 0, "above the fit");
	a_finding(&plan_findings[2], WN_REVIEW_WARNING, 2, "step 2 cuts 50% after rounding");
	a_finding(&up_findings[0], WN_REVIEW_INFO, 1, "the step after going back up cuts 11%");
	a_finding(&up_findings[1], WN_REVIEW_WARNING, 2, "a warning of its own");
	reviews[0] = (struct wn_review){ .findings = plan_findings, .n_findings = 3 };
	reviews[1] = (struct wn_review){ .findings = up_findings, .n_findings = 2 };
	month.reviews = reviews;
	month.n_reviews = 2;
}

static void november(void)
{
	memset(&month, 0, sizeof month);
	wn_date_month_grid(T, 0, &month.grid);
	for (int i = 0; i < WN_CALENDAR_CELLS; i++) {
		month.pd[i].date = month.grid.cell[0][0] + i;
		month.day[i] = (struct wn_day_summary){ .date = month.pd[i].date,
		                                        .burden = i, .n_ratings = i > 0,
		                                        .flag = i == 34 };
	}
	steps[0] = (struct wn_taper_step){ .date = D(2026, 11, 1), .dose = 50 };
	steps[1] = (struct wn_taper_step){ .date = D(2026, 11, 15), .dose = 40 };
	steps[2] = (struct wn_taper_step){ .date = D(2026, 11, 29), .dose = 30 };
	sched = (struct wn_schedule){ .steps = steps, .n = 3, .n_dated = 3,
	                              .hold_since = WN_DATE_NONE };
	events[0] = (struct wn_plan_event){ .kind = WN_PLAN_HOLD,
		.start = D(2026, 11, 10), .end = D(2026, 11, 14), .reason = "flu" };
	events[1] = (struct wn_plan_event){ .kind = WN_PLAN_REINSTATE,
		.start = D(2026, 11, 20), .end = D(2026, 11, 20), .dose = 45 };
	plan = (struct wn_plan){ .events = events, .n_events = 2 };
	month.plan = &plan;
	month.sched = &sched;
	month.unit = "mg";
	month.med = "sertraline";
	month.first = FIRST;
}

struct facts_case {
	wn_date date;
	int cell;                    /* -1: outside */
	bool step, held;
};

static const struct facts_case facts_cases[] = {
	{ .date = 20757 /* 10-31 */, .cell = 5 },
	{ .date = 20758 /* 11-01, the start */, .cell = 6 },
	{ .date = 20758 + 9 /* 11-10 */, .cell = 15, .held = true },
	{ .date = 20758 + 12 /* 11-13 */, .cell = 18, .held = true },
	{ .date = 20758 + 13 /* 11-14, resumed */, .cell = 19 },
	{ .date = 20758 + 14 /* 11-15 */, .cell = 20, .step = true },
	{ .date = 20758 + 19 /* 11-20, back up */, .cell = 25 },
	{ .date = 20758 + 28 /* 11-29 */, .cell = 34, .step = true },
	{ .date = 20758 + 35 /* 12-06 */, .cell = 41 },
	{ .date = 20758 + 36 /* 12-07 */, .cell = -1 },
	{ .date = 20751 /* 10-25 */, .cell = -1 },
};

Test(calendar, the_facts_of_a_day_of_the_month)
{
	november();
	cr_assert_eq(month.grid.cell[0][0], D(2026, 10, 26));
	for (size_t i = 0; i < sizeof facts_cases / sizeof *facts_cases; i++) {
		const struct facts_case *c = &facts_cases[i];
		struct wn_calendar_facts f;
		wn_calendar_facts(&month, c->date, T, &f);
		cr_expect(f.date == c->date && f.today == T && f.first == FIRST, "case %zu", i);
		cr_expect_str_eq(f.unit, "mg");
		if (c->cell < 0) {
			cr_expect_null(f.pd, "case %zu: outside", i);
			cr_expect(isnan(f.burden), "case %zu: no burden", i);
		} else {
			cr_expect_eq(f.pd, &month.pd[c->cell], "case %zu: cell", i);
			if (c->cell > 0)
				cr_expect(f.burden == c->cell, "case %zu: burden", i);
			else
				cr_expect(isnan(f.burden), "case %zu: no ratings, no burden", i);
			cr_expect_eq(f.recorded, c->cell > 0, "case %zu: recorded", i);
		}
		cr_expect_eq(f.step, c->step, "case %zu: step", i);
		cr_expect_eq(f.hold != NULL, c->held, "case %zu: hold", i);
	}
}

/* A step day gets the worst finding of every review on its step; the
 * start and the days between steps get none. */
Test(calendar, step_days_with_a_review_finding)
{
	struct { wn_date date; const struct wn_review_finding *want; } c[] = {
		{ D(2026, 11, 1), NULL }, { D(2026, 11, 15), &up_findings[0] },
		{ D(2026, 11, 29), &plan_findings[2] }, { D(2026, 11, 20), NULL },
	};
	november();
	november_reviews();
	for (size_t i = 0; i < sizeof c / sizeof *c; i++) {
		struct wn_calendar_facts f;
		struct wn_calendar_status st;
		wn_calendar_facts(&month, c[i].date, T, &f);
		wn_calendar_day_status(&f, &st);
		cr_expect_eq(f.finding, c[i].want, "case %zu: the finding", i);
		cr_expect_eq(st.finding, c[i].want != NULL, "case %zu: the marker", i);
	}
	struct wn_calendar_facts f;
	char buf[256];
	month.pd[34].planned = 30;
	wn_calendar_facts(&month, D(2026, 11, 29), T, &f);
	wn_calendar_day_line(&f, " | ", buf, sizeof buf);
	cr_expect_str_eq(buf, "2026-11-29 Sun: sertraline planned 30 mg | burden 34"
	                 " | flagged | review: step 2 cuts 50% after rounding");
	month.reviews = NULL;
	wn_calendar_facts(&month, D(2026, 11, 29), T, &f);
	cr_expect_null(f.finding, "no reviews, no finding");
}

/* The legend names every marker in the room there is; 80 columns keep
 * the burden's shades. */
Test(calendar, the_legend_fits)
{
	struct { int cols; const char *want; } c[] = {
		{ 126, "[ ] today  * step  % review finding  H hold  ! flagged  ~ dose differs"
		       "  s skipped  - not recorded  ? no record  burden . : + #" },
		{ 78, "*step %review Hhold !flagged ~differs s skipped -not recorded"
		      " ?no record .:+#" },
		{ 38, "*step %rev H !flag ~ s ?none" },
	};
	char buf[160];
	for (size_t i = 0; i < sizeof c / sizeof *c; i++) {
		wn_calendar_legend(c[i].cols, buf, sizeof buf);
		cr_expect_str_eq(buf, c[i].want, "%d columns", c[i].cols);
	}
	for (int cols = 30; cols < 130; cols++) {
		wn_calendar_legend(cols, buf, sizeof buf);
		cr_expect_leq(wn_text_width(buf), cols, "%d columns: %s", cols, buf);
		for (const char *m = "%!~s?"; *m; m++)
			cr_expect_not_null(strchr(buf, *m), "%d columns: the marker %c", cols, *m);
	}
}

Test(calendar, without_a_plan_no_steps_and_no_holds)
{
	november();
	month.plan = NULL;
	month.unit = NULL;
	struct wn_calendar_facts f;
	wn_calendar_facts(&month, D(2026, 11, 15), T, &f);
	cr_expect_not(f.step);
	wn_calendar_facts(&month, D(2026, 11, 12), T, &f);
	cr_expect_null(f.hold);
	cr_expect_str_eq(f.unit, "");
}

/* ---- the day line ------------------------------------------------------------- */

struct line_case {
	const char *name;
	wn_date date;
	bool no_pd, recorded, flag;
	const struct wn_plan_event *hold;
	struct wn_plan_day pd;
	double burden;
	const char *line;
};

static const struct wn_plan_event held_flu = { .kind = WN_PLAN_HOLD,
                                               .reason = "flu" };

static const struct line_case line_cases[] = {
	{ .name = "different", .date = T, .burden = 6, .recorded = true,
	  .pd = { .planned = 50, .taken = 37.5, .n_doses = 2, .status = WN_DOSE_DIFFERENT },
	  .line = "2026-11-25 Wed: recorded | sertraline 37.5 mg, lower than planned"
	          " (50 mg) | burden 6" },
	{ .name = "a check-in, no dose: not recorded", .date = T - 2, .recorded = true,
	  .burden = N, .pd = { .planned = 50, .status = WN_DOSE_NOT_RECORDED },
	  .line = "2026-11-23 Mon: recorded | sertraline not recorded (planned 50 mg)" },
	{ .name = "skipped, flagged", .date = T - 2, .recorded = true, .flag = true,
	  .burden = 0, .pd = { .planned = 50, .n_doses = 1, .status = WN_DOSE_SKIPPED },
	  .line = "2026-11-23 Mon: recorded | sertraline skipped (planned 50 mg)"
	          " | burden 0 | flagged" },
	{ .name = "no record", .date = T - 3, .burden = N,
	  .pd = { .planned = 50, .status = WN_DOSE_NOT_RECORDED },
	  .line = "2026-11-22 Sun: no record | sertraline not recorded (planned 50 mg)" },
	{ .name = "not read", .date = T, .no_pd = true, .burden = N, .recorded = true,
	  .line = "2026-11-25 Wed: recorded" },
	{ .name = "to come", .date = T + 3, .burden = N,
	  .pd = { .planned = 30, .status = WN_DOSE_NOT_RECORDED },
	  .line = "2026-11-28 Sat: sertraline planned 30 mg" },
	{ .name = "to come, nothing planned", .date = T + 3, .burden = N,
	  .pd = { .planned = N, .status = WN_DOSE_NOT_PLANNED },
	  .line = "2026-11-28 Sat: not yet" },
	{ .name = "held, with why", .date = T - 1, .hold = &held_flu, .burden = 2.4,
	  .recorded = true,
	  .pd = { .planned = 40, .taken = 40, .n_doses = 1, .status = WN_DOSE_AS_PLANNED },
	  .line = "2026-11-24 Tue: recorded | sertraline 40 mg, as planned | burden 2"
	          " | held: flu" },
	{ .name = "held, no why", .date = T - 1, .hold = &a_hold, .burden = N,
	  .recorded = true, .pd = { .planned = N, .status = WN_DOSE_NOT_PLANNED },
	  .line = "2026-11-24 Tue: recorded | held: no reason given" },
};

Test(calendar, the_selected_day_in_one_line)
{
	for (size_t i = 0; i < sizeof line_cases / sizeof *line_cases; i++) {
		const struct line_case *c = &line_cases[i];
		struct wn_calendar_facts f = { .date = c->date, .today = T, .first = FIRST,
			.pd = c->no_pd ? NULL : &c->pd, .hold = c->hold, .burden = c->burden,
			.recorded = c->recorded, .flag = c->flag, .unit = "mg",
			.med = "sertraline" };
		char buf[256];
		wn_calendar_day_line(&f, " | ", buf, sizeof buf);
		cr_expect_str_eq(buf, c->line, "%s", c->name);
	}
}

Test(calendar, a_short_buffer_cuts_the_line)
{
	struct wn_plan_day pd = { .planned = 50, .taken = 40, .n_doses = 1,
	                          .status = WN_DOSE_DIFFERENT };
	struct wn_calendar_facts f = { .date = T, .today = T, .first = FIRST, .pd = &pd,
	                               .hold = &held_flu, .burden = 3, .unit = "mg",
	                               .med = "" };
	char buf[24];
	memset(buf, 'x', sizeof buf);
	wn_calendar_day_line(&f, " | ", buf, 20);
	cr_expect_str_eq(buf, "2026-11-25 Wed: no ");
	cr_expect_eq(buf[20], 'x', "nothing written past n");
}

/* ---- the grid's place --------------------------------------------------------- */

struct geom_case {
	int body_top, body_rows, cols;
	struct wn_calendar_geom want;
};

/* 80x24: rows 3 to 18 for the grid: cells of 2 rows, 78 / 7 = 11 columns.
 * 200x60: cells at most 4 rows and 18 columns.  40x12: one row, 5
 * columns. */
static const struct geom_case geoms[] = {
	{ .body_top = 1, .body_rows = 21, .cols = 80,
	  .want = { .y = 3, .cw = 11, .ch = 2, .bottom = 15 } },
	{ .body_top = 1, .body_rows = 57, .cols = 200,
	  .want = { .y = 3, .cw = 18, .ch = 4, .bottom = 27 } },
	{ .body_top = 1, .body_rows = 9, .cols = 40,
	  .want = { .y = 3, .cw = 5, .ch = 1, .bottom = 9 } },
};

Test(calendar, where_the_grid_goes)
{
	for (size_t i = 0; i < sizeof geoms / sizeof *geoms; i++) {
		const struct geom_case *c = &geoms[i];
		struct wn_calendar_geom g = wn_calendar_geometry(c->body_top, c->body_rows,
		                                                 c->cols);
		cr_expect(g.y == c->want.y && g.cw == c->want.cw && g.ch == c->want.ch &&
		          g.bottom == c->want.bottom, "case %zu: y %d cw %d ch %d bottom %d",
		          i, g.y, g.cw, g.ch, g.bottom);
	}
}
