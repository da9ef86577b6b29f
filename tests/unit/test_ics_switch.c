/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for doses through the day and switching in the calendar
 * file (core/ics.h: a step's doses, a switch's stage) and on the Calendar
 * screen's day line (core/calendar.h).  Expected texts are written out
 * by hand from the numbers in the comments. */
#include <criterion/criterion.h>
#include <string.h>

#include "core/calendar.h"
#include "core/date.h"
#include "core/ics.h"
#include "core/plan.h"
#include "core/records.h"
#include "core/text.h"

#define D(y, m, d) wn_date_from_ymd(y, m, d)

/* Alprazolam 0.5 + 0.5 + 1 at 08:00, 14:00, 22:00 switched to diazepam by
 * the Ashton column (0.5 mg = 10 mg): 40 mg diazepam-equivalent a day;
 * stage 1 (2026-12-01) replaces 22:00's 1 mg by 20 mg, stage 2
 * (2026-12-15) 14:00's 0.5 mg by 10 mg, stage 3 (2026-12-29) 08:00's. */
static struct wn_switch alprazolam(void)
{
	struct wn_switch x = { .n_doses = 3, .minute = { 480, 840, 1320 }, .n = 4, .equiv = 0.5 };
	static const double from[4][3] = { { 0.5, 0.5, 1 }, { 0.5, 0.5, 0 }, { 0.5, 0, 0 }, { 0, 0, 0 } };
	static const double dz[4][3] = { { 0, 0, 0 }, { 0, 0, 20 }, { 0, 10, 20 }, { 10, 10, 20 } };
	for (int k = 0; k < 4; k++) {
		x.stages[k].date = k ? D(2026, 12, 1) + 14 * (k - 1) : WN_DATE_NONE;
		memcpy(x.stages[k].from, from[k], sizeof from[k]);
		memcpy(x.stages[k].dz, dz[k], sizeof dz[k]);
		x.stages[k].combined = 40;
		x.stages[k].pct_of_start = 100;
	}
	return x;
}

static char *text(int (*f)(const struct wn_ics_stage *, struct wn_buf *),
                  const struct wn_ics_stage *s)
{
	struct wn_buf b;
	wn_buf_init(&b);
	cr_assert_eq(f(s, &b), WN_OK);
	return wn_buf_detach(&b);
}

Test(ics_switch, stage_summary_names_what_is_replaced)
{
	struct wn_switch x = alprazolam();
	struct wn_ics_stage s = { .from = "alprazolam", .to = "diazepam", .sw = &x, .stage = 2,
	                          .stage_days = 14, .table = WN_SWITCH_ASHTON };
	char *t = text(wn_ics_stage_summary, &s);
	cr_expect_str_eq(t, "Switch stage 2 of 3: 14:00 dose 0.5 mg alprazolam -> 10 mg diazepam;"
	                 " combined 40 mg diazepam-equivalent (100%)");
	free(t);
	s.stage = 1;
	s.cancelled = true;
	t = text(wn_ics_stage_summary, &s);
	cr_expect_str_eq(t, "Switch stage 1 of 3: 22:00 dose 1 mg alprazolam -> 20 mg diazepam;"
	                 " combined 40 mg diazepam-equivalent (100%) (plan replaced)");
	free(t);
}

Test(ics_switch, stage_description_has_doses_and_sources)
{
	struct wn_switch x = alprazolam();
	struct wn_ics_stage s = { .from = "alprazolam", .to = "diazepam", .sw = &x, .stage = 3,
	                          .stage_days = 14, .table = WN_SWITCH_ASHTON };
	char *t = text(wn_ics_stage_description, &s);
	cr_expect(strstr(t, "Stage 3 of 3 of the switch from alprazolam to diazepam, one dose at a"
	                 " time, from 2026-12-29 (the diazepam taper follows from 2027-01-12):"
	                 " 08:00 dose 0.5 mg alprazolam -> 10 mg diazepam.\n"), "%s", t);
	cr_expect(strstr(t, "\nDoses that day at 08:00+14:00+22:00: alprazolam 0+0+0 mg, diazepam"
	                 " 10+10+20 mg.\n"), "%s", t);
	cr_expect(strstr(t, "\nCombined: 40 mg diazepam-equivalent a day, 100% of the start"
	                 " (40 mg).\n"), "%s", t);
	cr_expect(strstr(t, "\nEquivalence: 0.5 mg alprazolam = 10 mg diazepam, the Ashton Manual"
	                 " (2002) column (S17); approximate, people differ.\n"), "%s", t);
	cr_expect(strstr(t, "in the style of the Ashton Manual (S15, S16; NHS Scotland S18)"), "%s", t);
	size_t n = strlen(t), d = strlen(WN_PLAN_DISCLAIMER);
	cr_expect(n > d && strcmp(t + n - d, WN_PLAN_DISCLAIMER) == 0, "%s", t);
	cr_expect_null(strstr(t, "Take"), "%s", t);
	free(t);
}

/* Part of a dose: stage 1 replaces half of 22:00's 1 mg (0.5 mg) by 10
 * mg diazepam, stages a week long. */
Test(ics_switch, part_of_a_dose)
{
	struct wn_switch x = alprazolam();
	x.stages[1].from[2] = 0.5;
	x.stages[1].dz[2] = 10;
	struct wn_ics_stage s = { .from = "alprazolam", .to = "diazepam", .sw = &x, .stage = 1,
	                          .stage_days = 7, .table = WN_SWITCH_VADOD };
	char *t = text(wn_ics_stage_summary, &s);
	cr_expect(strstr(t, ": 22:00 dose 0.5 mg alprazolam -> 10 mg diazepam;"), "%s", t);
	free(t);
	t = text(wn_ics_stage_description, &s);
	cr_expect(strstr(t, "the VA/DoD (2021) column (S17)"), "%s", t);
	cr_expect(strstr(t, "(the next stage from 2026-12-08)"), "%s", t);
	free(t);
}

/* Lorazepam 3 mg as 1 + 1 + 1, step 1 at 2.75 mg: the largest dose is
 * cut first, on a tie the latest -- 1, 1, 0.75.  Step 2 at 3.3 mg (a
 * custom rise of 20%) reads "a rise of 20.0%", never "a cut of -20%". */
static struct wn_taper_step steps[3];
static struct wn_schedule lorazepam(void)
{
	memset(steps, 0, sizeof steps);
	double dose[3] = { 3, 2.75, 3.3 };
	for (int k = 0; k < 3; k++) {
		steps[k].date = steps[k].base_date = steps[k].due = D(2026, 11, 3) + 14 * k;
		steps[k].dose = dose[k];
		steps[k].pct_of_start = dose[k] / 3 * 100;
		steps[k].pct_cut = k ? (1 - dose[k] / dose[k - 1]) * 100 : 0;
	}
	return (struct wn_schedule){ .steps = steps, .n = 3, .n_dated = 3,
	                             .hold_since = WN_DATE_NONE };
}
static const struct wn_doses lz = { .n = 3, .minute = { 480, 840, 1320 }, .part = { 1, 1, 1 },
                                    .cut = WN_CUT_LARGEST };

Test(ics_switch, step_says_each_dose)
{
	struct wn_schedule sc = lorazepam();
	double amounts[3] = { 1, 1, 0.75 };
	struct wn_ics_step s = { .name = "lorazepam", .unit = "mg", .sched = &sc, .step = 1,
	                         .dose = 2.75, .doses = &lz, .amounts = amounts };
	struct wn_buf b;
	wn_buf_init(&b);
	cr_assert_eq(wn_ics_step_description(&s, &b), WN_OK);
	cr_expect(strstr(b.s, "Doses: 08:00 1 mg, 14:00 1 mg, 22:00 0.75 mg\n"), "%s", b.s);
	wn_buf_free(&b);
	/* held: the dose is not in force, so no doses either */
	wn_buf_init(&b);
	s.state = WN_ICS_HELD;
	cr_assert_eq(wn_ics_step_description(&s, &b), WN_OK);
	cr_expect_null(strstr(b.s, "Doses:"), "%s", b.s);
	wn_buf_free(&b);
	/* one dose a day: no doses line */
	wn_buf_init(&b);
	s.state = WN_ICS_PLANNED;
	s.doses = NULL;
	cr_assert_eq(wn_ics_step_description(&s, &b), WN_OK);
	cr_expect_null(strstr(b.s, "Doses:"), "%s", b.s);
	wn_buf_free(&b);
}

Test(ics_switch, a_rise_is_not_a_negative_cut)
{
	struct wn_schedule sc = lorazepam();
	struct wn_ics_step s = { .name = "lorazepam", .unit = "mg", .sched = &sc, .step = 2,
	                         .dose = 3.3 };
	struct wn_buf b;
	wn_buf_init(&b);
	cr_assert_eq(wn_ics_step_description(&s, &b), WN_OK);
	cr_expect(strstr(b.s, "a rise of 20.0% from the step before"), "%s", b.s);
	cr_expect_null(strstr(b.s, "-20"), "%s", b.s);
	wn_buf_free(&b);
}

/* The Calendar's day line for the same plan on 2026-11-24 (step 1: 1 +
 * 1 + 0.75): 1 mg at 08:05 (nearest 08:00), 0.5 mg at 14:00. */
Test(ics_switch, calendar_day_doses)
{
	struct wn_schedule sc = lorazepam();
	struct wn_plan p = { .doses = lz };
	p.params.round_q = 0.25;
	struct wn_dose doses[2] = { { .minute = 485, .med_id = 7, .amount = 1 },
	                            { .minute = 840, .med_id = 7, .amount = 0.5 } };
	struct wn_day day = { .doses = doses, .n_doses = 2 };
	struct wn_calendar_doses_in in = { .plan = &p, .sched = &sc, .day = D(2026, 11, 24),
	                                   .rec = &day, .med_id = 7, .unit = "mg", .sep = " | " };
	char line[256] = "X";
	wn_calendar_doses_text(&in, line, sizeof line);
	cr_expect_str_eq(line, "X | 08:00 1 mg as planned, 14:00 0.5 mg different (planned 1 mg),"
	                 " 22:00 not recorded (planned 0.75 mg)");
	/* a day to come: the doses planned */
	strcpy(line, "X");
	in.future = true;
	in.rec = NULL;
	wn_calendar_doses_text(&in, line, sizeof line);
	cr_expect_str_eq(line, "X | doses 08:00 1 mg, 14:00 1 mg, 22:00 0.75 mg");
	/* skipped as a whole (a dose of 0, no time): no status per dose */
	struct wn_dose skip = { .minute = -1, .med_id = 7, .amount = 0 };
	struct wn_day sday = { .doses = &skip, .n_doses = 1 };
	strcpy(line, "X");
	in.future = false;
	in.rec = &sday;
	wn_calendar_doses_text(&in, line, sizeof line);
	cr_expect_str_eq(line, "X | planned 08:00 1 mg, 14:00 1 mg, 22:00 0.75 mg (what was taken"
	                 " has no times)");
	/* a short buffer is cut, never overrun */
	char small[24] = "X";
	in.rec = &day;
	wn_calendar_doses_text(&in, small, sizeof small);
	cr_expect_eq(strlen(small), sizeof small - 1);
	/* before the plan: nothing */
	strcpy(line, "X");
	in.day = D(2026, 11, 1);
	wn_calendar_doses_text(&in, line, sizeof line);
	cr_expect_str_eq(line, "X");
}
