/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for the prescriber report (report.h): the facts gathered from
 * a small hand-made diary whose numbers are worked out by hand below, the
 * format names, "since the last report", and the rendering of hostile
 * diary text in Markdown, text and HTML. */
#include <criterion/criterion.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/plan.h"
#include "db/report.h"
#include "report/report.h"
#include "db/db.h"
#include "core/text.h"
#include "core/plan.h"
#include "core/records.h"
#include "core/safety.h"
#include "db/day.h"
#include "db/question.h"
#include "db/med.h"
#include "db/symptoms.h"
#include "tmpdir.h"
#include "db/db_int.h"   /* the raw handle, to look into the file */

static char dir[4096];
static struct wn_db *db;
static struct wn_err err;

static void setup(void)
{
	wn_test_mkdtemp(dir, sizeof dir, "report");
	char path[4200];
	snprintf(path, sizeof path, "%s/wean.db", dir);
	setenv("WEAN_TODAY", "2026-11-25", 1);
	struct wn_db_opts o = { .path = path, .create = true };
	wn_err_clear(&err);
	cr_assert_eq(wn_db_open(&db, &o, &err), WN_OK, "%s", err.msg);
}

static void teardown(void)
{
	wn_db_close(db);
	db = NULL;
	wn_test_rmtree(dir);
}

TestSuite(report, .init = setup, .fini = teardown);

static wn_date D(int m, int d)
{
	return wn_date_from_ymd(2026, m, d);
}

static long add_med(const char *name)
{
	struct wn_med m = { 0 };
	snprintf(m.name, sizeof m.name, "%s", name);
	snprintf(m.unit, sizeof m.unit, "mg");
	long id = 0;
	cr_assert_eq(wn_db_med_add(db, &m, &id, &err), WN_OK, "%s", err.msg);
	return id;
}

static long symptom(const char *name)
{
	struct wn_symptom s;
	cr_assert_eq(wn_db_symptom_find(db, name, &s, &err), WN_OK, "%s", err.msg);
	return s.id;
}

static void checkin(wn_date d, const char *note, bool flag)
{
	struct wn_checkin_patch p = { .date = d, .set = WN_SET_MOOD | WN_SET_SLEEP | WN_SET_FLAG |
	                              (note ? WN_SET_NOTE : 0), .mood = 6, .sleep = 7,
	                              .note = note, .flag = flag };
	cr_assert_eq(wn_db_checkin_update(db, &p, &err), WN_OK, "%s", err.msg);
}

static void dose(wn_date d, long med, double amount)
{
	struct wn_dose x = { .date = d, .minute = 480, .med_id = med, .amount = amount };
	cr_assert_eq(wn_db_dose_add(db, &x, NULL, &err), WN_OK, "%s", err.msg);
}

static void rate(wn_date d, long sym, int v)
{
	cr_assert_eq(wn_db_rating_set(db, d, sym, v, &err), WN_OK, "%s", err.msg);
}

/* The hand-made diary, 2026-03-01 .. 2026-03-20:
 *   sertraline, linear plan: 50 mg from 03-01, -10 mg every 10 days
 *   (03-11 40 mg, then 30 mg on 03-21, moved to 03-23 by a 2-day hold
 *   03-14..03-16);
 *   check-ins every day except 03-05, 03-06 and 03-15 (03-15 has a dose
 *   record only, 03-05 a question: both recorded all the same); doses as planned except 03-03
 *   25 mg (different, lower), 03-04 none (not recorded: never "missed"),
 *   03-12 45 mg (different, higher);
 *   dizziness 1 before the cut (03-01..03-10), 3 on 03-11..14, 2 on
 *   03-16..18, 1 on 03-19..20; headache 2 on 03-20 only;
 *   03-12 flagged with a hostile note, 03-13 flagged without one;
 *   questions: 02-01 open, 02-02 answered (left out), 03-05 answered. */
static long make_diary(void)
{
	long med = add_med("sertraline");
	struct wn_plan_spec s = { .med_id = med, .method = WN_TAPER_LINEAR, .start = D(3, 1),
	                          .from_dose = 50, .step = 10, .every_days = 10, .round_q = 1 };
	cr_assert_eq(wn_db_plan_add(db, &s, NULL, &err), WN_OK, "%s", err.msg);
	cr_assert_eq(wn_db_plan_hold(db, med, D(3, 14), "zaps | <b>bad</b>", &err), WN_OK, "%s", err.msg);
	cr_assert_eq(wn_db_plan_resume(db, med, D(3, 16), &err), WN_OK, "%s", err.msg);
	long dz = symptom("dizziness"), ha = symptom("headache");
	for (int day = 1; day <= 20; day++) {
		wn_date d = D(3, day);
		if (day == 5 || day == 6)
			continue;
		if (day == 15) {
			dose(d, med, 40);
			continue;
		}
		checkin(d, day == 12 ? "Hostile | <script>alert(1)</script> **x** # y" : NULL,
		        day == 12 || day == 13);
		double planned = day <= 10 ? 50 : 40;
		if (day != 4)
			dose(d, med, day == 3 ? 25 : day == 12 ? 45 : planned);
		rate(d, dz, day <= 10 ? 1 : day <= 14 ? 3 : day <= 18 ? 2 : 1);
	}
	rate(D(3, 20), ha, 2);
	cr_assert_eq(wn_db_question_add(db, D(2, 1), "Open from before?", &err), WN_OK);
	cr_assert_eq(wn_db_question_add(db, D(2, 2), "Answered before", &err), WN_OK);
	cr_assert_eq(wn_db_question_add(db, D(3, 5), "Liquid at night?", &err), WN_OK);
	cr_assert_eq(wn_db_question_answer(db, 2, "yes", &err), WN_OK, "%s", err.msg);
	cr_assert_eq(wn_db_question_answer(db, 3, "Yes, same time daily", &err), WN_OK, "%s", err.msg);
	return med;
}

static void gather(struct wn_report *r, wn_date from, wn_date to)
{
	struct wn_report_opts o = { .from = from, .to = to, .format = WN_REPORT_MD,
	                            .low_mood = WN_SAFETY_LOW_MOOD };
	cr_assert_eq(wn_report_gather(db, &o, r, &err), WN_OK, "%s", err.msg);
}

/* Wrapped lines joined again: a newline and the indent after it become
 * one space, so that sentences can be found whole. */
static char *flat(char *s)
{
	char *w = s;
	for (char *r = s; *r; r++) {
		if (*r != '\n') {
			*w++ = *r;
			continue;
		}
		*w++ = ' ';
		while (r[1] == ' ')
			r++;
	}
	*w = '\0';
	return s;
}

static char *render(int format, wn_date from, wn_date to, const char *name)
{
	struct wn_report_opts o = { .from = from, .to = to, .format = format, .name = name,
	                            .low_mood = WN_SAFETY_LOW_MOOD };
	struct wn_buf b;
	wn_buf_init(&b);
	struct wn_report r;
	cr_assert_eq(wn_report_gather(db, &o, &r, &err), WN_OK, "%s", err.msg);
	cr_assert_eq(wn_report_write(&r, &o, &b, &err), WN_OK, "%s", err.msg);
	wn_report_free(&r);
	char *s = wn_buf_detach(&b);
	cr_assert_not_null(s);
	return s;
}

#define EQ(a, b) cr_assert_float_eq((a), (b), 1e-9, "%s = %g, expected %g", #a, (double)(a), (double)(b))

/* ---- gathering ------------------------------------------------------------------ */

Test(report, missing_days_and_gaps)
{
	struct wn_report r;
	make_diary();
	gather(&r, D(3, 1), D(3, 20));
	cr_assert_eq(r.n_days, 20);
	/* 03-15's dose alone records the day, as 03-05's question does */
	cr_assert_eq(r.n_recorded, 19);
	cr_assert_eq(r.n_missing, 1);
	cr_assert_eq(r.n_gaps, 1);
	cr_assert_eq(r.gaps[0].from, D(3, 6));
	cr_assert_eq(r.gaps[0].to, D(3, 6));
	struct wn_buf b;
	wn_buf_init(&b);
	wn_report_missing_text(&r, &b);
	cr_assert_str_eq(b.s, "Recorded on 19 of the 20 days in this range; no record on 1 "
	                 "(5%): 2026-03-06.");
	wn_buf_free(&b);
	wn_report_free(&r);
}

Test(report, a_gap_at_the_end_and_every_day)
{
	struct wn_report r;
	make_diary();
	gather(&r, D(3, 18), D(3, 24));
	cr_assert_eq(r.n_missing, 4);
	cr_assert_eq(r.n_gaps, 1);
	cr_assert_eq(r.gaps[0].from, D(3, 21));
	cr_assert_eq(r.gaps[0].to, D(3, 24));
	wn_report_free(&r);
	gather(&r, D(3, 7), D(3, 10));
	struct wn_buf b;
	wn_buf_init(&b);
	wn_report_missing_text(&r, &b);
	cr_assert_str_eq(b.s, "Recorded on every one of the 4 days in this range.");
	wn_buf_free(&b);
	wn_report_free(&r);
}

Test(report, adherence_counts)
{
	struct wn_report r;
	make_diary();
	gather(&r, D(3, 1), D(3, 20));
	cr_assert_eq(r.n_meds, 1);
	const struct wn_report_med *m = &r.meds[0];
	cr_assert_eq(m->dose[WN_DOSE_AS_PLANNED], 15);
	cr_assert_eq(m->dose[WN_DOSE_DIFFERENT], 2);
	cr_assert_eq(m->dose[WN_DOSE_SKIPPED], 0);
	cr_assert_eq(m->dose[WN_DOSE_NOT_RECORDED], 3, "03-04 (a check-in), 03-05, 03-06");
	cr_assert_eq(m->dose[WN_DOSE_NOT_PLANNED], 0);
	struct wn_buf b;
	wn_buf_init(&b);
	cr_assert(wn_report_deviation_text(&r, m, &b));
	cr_assert_str_eq(b.s, "sertraline, the days not as planned: 2026-03-03 25 mg, lower "
	                 "than planned (50 mg); 2026-03-12 45 mg, higher than planned (40 mg).");
	wn_buf_free(&b);
	wn_report_free(&r);
}

Test(report, steps_planned_and_taken)
{
	struct wn_report r;
	make_diary();
	gather(&r, D(3, 1), D(3, 20));
	const struct wn_report_med *m = &r.meds[0];
	cr_assert(m->has_plan);
	cr_assert_eq(m->n_steps, 3);
	/* step 0: 10 days, a dose recorded on 7 (03-04 has a check-in without
	 * one, 03-05, 03-06 nothing): 50+50+25+50+50+50+50 = 325 */
	cr_assert_eq(m->steps[0].date, D(3, 1));
	cr_assert_eq(m->steps[0].days, 10);
	cr_assert_eq(m->steps[0].dose_days, 7);
	cr_assert_eq(m->steps[0].days_held, 0);
	EQ(m->steps[0].taken_mean, 325.0 / 7);
	/* step 1: 03-11..03-20, all recorded (03-15 by its dose):
	 * 40+45+40+40+40+5*40 = 405; the hold 03-14, 03-15 */
	cr_assert_eq(m->steps[1].date, D(3, 11));
	EQ(m->steps[1].dose, 40);
	EQ(m->steps[1].pct_of_start, 80);
	EQ(m->steps[1].pct_cut, 20);
	cr_assert_eq(m->steps[1].days, 10);
	cr_assert_eq(m->steps[1].dose_days, 10);
	cr_assert_eq(m->steps[1].days_held, 2);
	EQ(m->steps[1].taken_mean, 40.5);
	cr_assert_not(m->steps[1].future);
	/* the next step, moved by the hold */
	cr_assert(m->steps[2].future);
	cr_assert_eq(m->steps[2].date, D(3, 23));
	EQ(m->steps[2].dose, 30);
	/* now */
	EQ(m->planned, 40);
	EQ(m->pct_reduced, 20);
	cr_assert_eq(m->step_since, D(3, 11));
	cr_assert_eq(m->days_at_step, 10);
	cr_assert_eq(m->next_date, D(3, 23));
	EQ(m->next_dose, 30);
	cr_assert_eq(m->hold_since, WN_DATE_NONE);
	cr_assert_eq(m->last_date, D(3, 20));
	EQ(m->last_taken, 40);
	cr_assert_eq(m->n_events, 1);
	cr_assert_str_eq(m->events[0].reason, "zaps | <b>bad</b>");
	wn_report_free(&r);
}

/* Issue 14: a check-in with no dose logged is "not recorded", not a
 * missed dose, and the step's taken mean rests on the days a dose was
 * recorded: 100 mg on 5 days, not 83.3 mg on 6. */
Test(report, a_checkin_without_a_dose_is_not_a_missed_dose)
{
	long med = add_med("sertraline");
	struct wn_plan_spec s = { .med_id = med, .method = WN_TAPER_LINEAR, .start = D(3, 1),
	                          .from_dose = 100, .step = 10, .every_days = 30, .round_q = 1 };
	cr_assert_eq(wn_db_plan_add(db, &s, NULL, &err), WN_OK, "%s", err.msg);
	for (int day = 1; day <= 6; day++) {
		checkin(D(3, day), NULL, false);
		if (day != 4)
			dose(D(3, day), med, 100);
	}
	struct wn_report r;
	gather(&r, D(3, 1), D(3, 6));
	const struct wn_report_med *m = &r.meds[0];
	cr_assert_eq(m->dose[WN_DOSE_AS_PLANNED], 5);
	cr_assert_eq(m->dose[WN_DOSE_NOT_RECORDED], 1);
	cr_assert_eq(m->dose[WN_DOSE_SKIPPED] + m->dose[WN_DOSE_DIFFERENT], 0);
	cr_assert_eq(m->steps[0].dose_days, 5);
	EQ(m->steps[0].taken_mean, 100);
	cr_assert(isnan(m->taken_days[3]), "03-04: no dose, not 0");
	struct wn_buf b;
	wn_buf_init(&b);
	cr_assert_not(wn_report_deviation_text(&r, m, &b), "no day listed as not as planned");
	wn_buf_free(&b);
	wn_report_free(&r);
	static const int formats[] = { WN_REPORT_MD, WN_REPORT_TXT, WN_REPORT_HTML };
	for (size_t i = 0; i < 3; i++) {
		char *t = flat(render(formats[i], D(3, 1), D(3, 6), NULL));
		cr_expect_null(strstr(t, "missed"), "%s: %s", wn_report_suffix(formats[i]), t);
		cr_expect_null(strstr(t, "Missed"), "%s", wn_report_suffix(formats[i]));
		cr_expect_null(strstr(t, "83.3"), "%s", wn_report_suffix(formats[i]));
		cr_expect_not_null(strstr(t, formats[i] == WN_REPORT_HTML ? "100 mg on 5 days" :
		                          "100 mg (5)"), "%s: the days the mean rests on",
		                   wn_report_suffix(formats[i]));
		free(t);
	}
	/* recorded as skipped, it is a deviation and counts 0 in the mean */
	cr_assert_eq(wn_db_dose_skip(db, D(3, 4), med, NULL, &err), WN_OK, "%s", err.msg);
	gather(&r, D(3, 1), D(3, 6));
	m = &r.meds[0];
	cr_assert_eq(m->dose[WN_DOSE_SKIPPED], 1);
	cr_assert_eq(m->steps[0].dose_days, 6);
	EQ(m->steps[0].taken_mean, 500.0 / 6);
	wn_buf_init(&b);
	cr_assert(wn_report_deviation_text(&r, m, &b));
	cr_assert_str_eq(b.s, "sertraline, the day not as planned: 2026-03-04 skipped "
	                 "(planned 100 mg).");
	wn_buf_free(&b);
	wn_report_free(&r);
}

/* Issue 14: a diary whose only records are 10 days of ratings: 10
 * recorded days, no missed dose, and burden figures on those 10 days. */
Test(report, ten_days_of_ratings_only)
{
	long dz = symptom("dizziness");
	for (int day = 1; day <= 10; day++)
		rate(D(3, day), dz, day % 3);
	struct wn_report r;
	gather(&r, D(3, 1), D(3, 20));
	cr_assert_eq(r.n_recorded, 10);
	cr_assert_eq(r.n_missing, 10);
	cr_assert_eq(r.n_meds, 0);
	cr_assert_eq(r.m[WN_REPORT_M_BURDEN].days, 10);
	EQ(r.m[WN_REPORT_M_BURDEN].mean, (1 + 2 + 0 + 1 + 2 + 0 + 1 + 2 + 0 + 1) / 10.0);
	for (int k = 10; k < 20; k++)
		cr_assert(isnan(r.m[WN_REPORT_M_BURDEN].v[k]), "03-%02d: no burden", k + 1);
	cr_assert_eq(r.m[WN_REPORT_M_MOOD].days, 0);
	cr_assert_not(wn_report_empty(&r));
	wn_report_free(&r);
	char *t = flat(render(WN_REPORT_TXT, D(3, 1), D(3, 20), NULL));
	cr_assert_not_null(strstr(t, "Recorded on 10 of the 20 days in this range; no record on "
	                          "10 (50%): 2026-03-11 to 2026-03-20."), "%s", t);
	cr_assert_null(strstr(t, "issed"), "%s", t);
	cr_assert_null(strstr(t, "check-in"), "%s", t);
	free(t);
	t = render(WN_REPORT_MD, D(3, 1), D(3, 20), NULL);
	cr_assert_not_null(strstr(t, "| Symptom burden |            - |          1.0 |      - |"
	                          "    1.0 |   10 |"), "burden on the 10 rated days: %s", t);
	free(t);
}

Test(report, on_hold_at_the_end)
{
	struct wn_report r;
	make_diary();
	gather(&r, D(3, 1), D(3, 14));
	const struct wn_report_med *m = &r.meds[0];
	cr_assert_eq(m->hold_since, D(3, 14));
	cr_assert_eq(m->events[0].end, WN_DATE_NONE);
	struct wn_buf b;
	wn_buf_init(&b);
	wn_report_event_text(&r, m, &m->events[0], &b);
	cr_assert_str_eq(b.s, "On hold since 2026-03-14 (still on hold on 2026-03-14): "
	                 "zaps | <b>bad</b>");
	wn_buf_free(&b);
	wn_report_free(&r);
}

Test(report, burden_per_step_and_baseline)
{
	struct wn_report r;
	make_diary();
	gather(&r, D(3, 1), D(3, 20));
	cr_assert_eq(r.first_cut, D(3, 11));
	cr_assert_eq(r.n_cuts, 1);
	const struct wn_insight_step *s = &r.cuts[0].burden;
	EQ(s->mean[0], 3);                 /* 03-11..14 */
	cr_assert_eq(s->days[0], 4);
	EQ(s->mean[1], 2);                 /* 03-16..18; 03-15 has no data */
	cr_assert_eq(s->days[1], 3);
	EQ(s->mean[2], 2);                 /* 03-19: 1, 03-20: 1 + headache 2 */
	cr_assert_eq(s->days[2], 2);
	cr_assert(isnan(s->mean[3]));
	cr_assert_eq(s->days[3], 0);
	const struct wn_report_measure *b = &r.m[WN_REPORT_M_BURDEN];
	EQ(b->base.baseline, 1);           /* the 8 days with data before the cut */
	cr_assert_eq(b->base.baseline_days, 8);
	/* last 14 days 03-07..03-20: 1,1,1,1, 3,3,3,3, -, 2,2,2, 1,3 */
	EQ(b->base.now, 26.0 / 13);
	cr_assert_eq(b->base.now_days, 13);
	EQ(b->mean, 30.0 / 17);
	cr_assert_eq(b->days, 17);
	EQ(r.m[WN_REPORT_M_MOOD].mean, 6);
	EQ(r.m[WN_REPORT_M_SLEEP].mean, 7);
	wn_report_free(&r);
}

Test(report, top_symptoms_trend_and_onset)
{
	struct wn_report r;
	make_diary();
	gather(&r, D(3, 1), D(3, 20));
	cr_assert_eq(r.n_symptoms, 2);
	cr_assert_str_eq(r.symptoms[0].name, "dizziness");
	EQ(r.symptoms[0].mean, 28.0 / 17);
	cr_assert_eq(r.symptoms[0].days_present, 17);
	EQ(r.symptoms[0].peak, 3);
	cr_assert_eq(r.symptoms[0].onset, WN_ONSET_PRE);
	cr_assert_str_eq(r.symptoms[1].name, "headache");
	EQ(r.symptoms[1].mean, 2.0 / 17);
	cr_assert_eq(r.symptoms[1].days_present, 1);
	cr_assert_eq(r.symptoms[1].onset, WN_ONSET_NEW);
	cr_assert_str_eq(wn_report_onset_text(&r.symptoms[1]), "new since taper");
	/* trend: 03-07..20 (13 days, mean 24/13) against 02-21..03-06 (4 days of 1) */
	EQ(r.symptoms[0].trend.change, 24.0 / 13 - 1);
	cr_assert_eq(r.symptoms[0].trend.direction, 1);
	char t[48];
	wn_report_trend_text(&r.symptoms[0].trend, t, sizeof t);
	cr_assert_str_eq(t, "rising (+0.8)");
	wn_report_free(&r);
}

Test(report, flagged_notes_and_questions)
{
	struct wn_report r;
	make_diary();
	gather(&r, D(3, 1), D(3, 20));
	cr_assert_eq(r.n_notes, 2);
	cr_assert_eq(r.notes[0].date, D(3, 12));
	cr_assert_str_eq(r.notes[0].text, "Hostile | <script>alert(1)</script> **x** # y");
	cr_assert_eq(r.notes[1].date, D(3, 13));
	cr_assert_null(r.notes[1].text);
	cr_assert_eq(r.n_questions, 2);
	cr_assert_str_eq(r.questions[0].text, "Open from before?");
	cr_assert_not(r.questions[0].answered);
	cr_assert_str_eq(r.questions[1].text, "Liquid at night?");
	cr_assert(r.questions[1].answered);
	cr_assert_str_eq(r.questions[1].answer, "Yes, same time daily");
	wn_report_free(&r);
}

/* The open questions asked before the range: the most recent
 * WN_REPORT_OLDER_OPEN listed, the others counted with their dates. */
Test(report, older_open_questions_capped)
{
	struct wn_report r;
	make_diary();                      /* 02-01 open, 02-02 answered */
	for (int d = 1; d <= 7; d++) {
		char text[32];
		snprintf(text, sizeof text, "January %d?", d);
		cr_assert_eq(wn_db_question_add(db, D(1, d), text, &err), WN_OK, "%s", err.msg);
	}
	gather(&r, D(3, 1), D(3, 20));
	/* 8 older open: 01-01..01-07 and 02-01; listed 01-04..01-07, 02-01 */
	cr_assert_eq(r.n_questions, WN_REPORT_OLDER_OPEN + 1);
	cr_assert_str_eq(r.questions[0].text, "January 4?");
	cr_assert_str_eq(r.questions[4].text, "Open from before?");
	cr_assert_str_eq(r.questions[5].text, "Liquid at night?");
	cr_assert_eq(r.older_omitted, 3);
	cr_assert_eq(r.older_omitted_from, D(1, 1));
	cr_assert_eq(r.older_omitted_to, D(1, 3));
	struct wn_buf b;
	wn_buf_init(&b);
	wn_report_questions_more_text(&r, &b);
	cr_assert_str_eq(b.s, "And 3 older open questions, asked from 2026-01-01 to 2026-01-03,"
	                 " are not listed here.");
	wn_buf_free(&b);
	char *md = render(WN_REPORT_MD, D(3, 1), D(3, 20), NULL);
	cr_assert_not_null(strstr(flat(md), "And 3 older open questions"));
	cr_assert_null(strstr(md, "January 3?"));
	free(md);
	wn_report_free(&r);
	/* answered (01-01, 01-02), they leave the report; one left out is said so */
	cr_assert_eq(wn_db_question_answer(db, 4, "no", &err), WN_OK, "%s", err.msg);
	cr_assert_eq(wn_db_question_answer(db, 5, "no", &err), WN_OK, "%s", err.msg);
	gather(&r, D(3, 1), D(3, 20));
	cr_assert_eq(r.older_omitted, 1);
	wn_buf_init(&b);
	wn_report_questions_more_text(&r, &b);
	cr_assert_str_eq(b.s, "And 1 older open question, asked on 2026-01-03, is not listed here.");
	wn_buf_free(&b);
	wn_report_free(&r);
	/* none left out: no sentence */
	gather(&r, D(1, 2), D(3, 20));
	cr_assert_eq(r.older_omitted, 0);
	wn_buf_init(&b);
	wn_report_questions_more_text(&r, &b);
	cr_assert_eq(b.len, 0);
	wn_buf_free(&b);
	wn_report_free(&r);
}

/* ---- range, formats, the last report ------------------------------------------------ */

Test(report, default_range)
{
	struct wn_report_opts o = { .from = WN_DATE_NONE, .to = WN_DATE_NONE };
	wn_date from, to;
	cr_assert_eq(wn_report_range(db, &o, &from, &to, &err), WN_OK);
	cr_assert_eq(to, wn_date_from_ymd(2026, 11, 25));
	cr_assert_eq(from, to, "nothing recorded: today alone");
	make_diary();                      /* first day 03-01: later than 90 days back */
	o.to = D(4, 10);                   /* the first day: the question of 02-01 */
	cr_assert_eq(wn_report_range(db, &o, &from, &to, &err), WN_OK);
	cr_assert_eq(from, D(2, 1));
	o.from = D(4, 11);
	cr_assert_eq(wn_report_range(db, &o, &from, &to, &err), WN_USAGE);
	cr_assert_str_eq(err.msg, "the report starts on 2026-04-11, after its end on 2026-04-10");
}

/* The one rule for a default range's start (core/report_facts.h). */
Test(report, default_start_rule)
{
	const wn_date N = WN_DATE_NONE, to = D(11, 25);
	static const struct { int days; int first_m, first_d, since_m, since_d;
	                      int from_m, from_d; int start; } cases[] = {
		/* 20 days old: from the first record, not 90 days back */
		{ .days = 90, .first_m = 11, .first_d = 6, .from_m = 11, .from_d = 6,
		  .start = WN_RANGE_FIRST },
		/* older than 90 days: the last 90 */
		{ .days = 90, .first_m = 1, .first_d = 1, .from_m = 8, .from_d = 28,
		  .start = WN_RANGE_DAYS },
		/* exactly 90 days old: the last 90 days */
		{ .days = 90, .first_m = 8, .first_d = 28, .from_m = 8, .from_d = 28,
		  .start = WN_RANGE_DAYS },
		/* since the last report */
		{ .days = 90, .first_m = 1, .first_d = 1, .since_m = 11, .since_d = 1,
		  .from_m = 11, .from_d = 1, .start = WN_RANGE_SINCE_LAST },
		/* ... but not before the diary began */
		{ .days = 90, .first_m = 11, .first_d = 6, .since_m = 10, .since_d = 1,
		  .from_m = 11, .from_d = 6, .start = WN_RANGE_FIRST },
		/* a last report after the end: the days */
		{ .days = 90, .first_m = 1, .first_d = 1, .since_m = 11, .since_d = 26,
		  .from_m = 8, .from_d = 28, .start = WN_RANGE_DAYS },
		/* no limit: the first record */
		{ .days = 0, .first_m = 1, .first_d = 1, .from_m = 1, .from_d = 1,
		  .start = WN_RANGE_FIRST },
		/* a diary that begins after the end: the end alone */
		{ .days = 90, .first_m = 12, .first_d = 1, .from_m = 11, .from_d = 25,
		  .start = WN_RANGE_EMPTY },
		/* nothing recorded: the end alone */
		{ .days = 90, .from_m = 11, .from_d = 25, .start = WN_RANGE_EMPTY },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct wn_range_rule r = {
			.to = to, .days = cases[i].days,
			.first = cases[i].first_m ? D(cases[i].first_m, cases[i].first_d) : N,
			.since = cases[i].since_m ? D(cases[i].since_m, cases[i].since_d) : N };
		int start = -1;
		cr_expect_eq(wn_report_range_from(&r, &start), D(cases[i].from_m, cases[i].from_d),
		             "case %zu", i);
		cr_expect_eq(start, cases[i].start, "case %zu: start %d", i, start);
	}
}

/* The range the Export screen and `wean report` start from: read from the
 * diary (its first record, the last report). */
Test(report, default_start_read_from_the_diary)
{
	struct wn_range_ask ask = { .to = D(11, 25), .days = WN_REPORT_DEFAULT_DAYS,
	                            .since_last = true };
	struct wn_range_default r;
	cr_assert_eq(wn_report_default_from(db, &ask, &r, &err), WN_OK, "%s", err.msg);
	cr_assert_eq(r.start, WN_RANGE_EMPTY);
	cr_assert_eq(r.from, D(11, 25));
	/* a diary 20 days old, whose first record is a question */
	cr_assert_eq(wn_db_question_add(db, D(11, 6), "Is this normal?", &err), WN_OK);
	checkin(D(11, 20), NULL, false);
	cr_assert_eq(wn_report_default_from(db, &ask, &r, &err), WN_OK, "%s", err.msg);
	cr_assert_eq(r.start, WN_RANGE_FIRST);
	cr_assert_eq(r.from, D(11, 6));
	cr_assert_eq(r.last_to, WN_DATE_NONE);
	/* the last report ended on 11-19: the day after it */
	cr_assert_eq(wn_report_remember(db, D(11, 19), &err), WN_OK, "%s", err.msg);
	cr_assert_eq(wn_report_default_from(db, &ask, &r, &err), WN_OK, "%s", err.msg);
	cr_assert_eq(r.start, WN_RANGE_SINCE_LAST);
	cr_assert_eq(r.from, D(11, 20));
	cr_assert_eq(r.last_to, D(11, 19));
	/* without since_last (wean report): the first record again */
	ask.since_last = false;
	cr_assert_eq(wn_report_default_from(db, &ask, &r, &err), WN_OK, "%s", err.msg);
	cr_assert_eq(r.from, D(11, 6));
	struct wn_report_opts o = { .from = WN_DATE_NONE, .to = WN_DATE_NONE };
	wn_date from, to;
	cr_assert_eq(wn_report_range(db, &o, &from, &to, &err), WN_OK);
	cr_assert_eq(from, D(11, 6));
	cr_assert_eq(to - from + 1, 20);
}

/* A range that starts before the diary counts only the diary's days as
 * recorded or not (the questions of 02-01 and 02-02 record those days). */
Test(report, days_before_the_diary_are_not_missing)
{
	struct wn_report r;
	make_diary();                      /* first record: the question of 02-01 */
	gather(&r, D(1, 1), D(2, 10));
	cr_assert_eq(r.n_days, 41);
	cr_assert_eq(r.counted_from, D(2, 1));
	cr_assert_eq(r.n_counted, 10);
	cr_assert_eq(r.n_recorded, 2);
	cr_assert_eq(r.n_missing, 8);
	cr_assert_eq(r.n_gaps, 1);
	cr_assert_eq(r.gaps[0].from, D(2, 3));
	/* the table of doses counts the same days: 10, none before 02-01 */
	cr_assert_eq(r.n_meds, 1);
	int days = 0;
	for (int k = 0; k < WN_DOSE_N; k++)
		days += r.meds[0].dose[k];
	cr_assert_eq(days, 10);
	cr_assert_eq(r.meds[0].dose[WN_DOSE_NOT_PLANNED], 10);
	struct wn_buf b;
	wn_buf_init(&b);
	wn_report_missing_text(&r, &b);
	cr_assert_str_eq(b.s, "Recorded on 2 of the 10 days since the diary began on "
	                 "2026-02-01; no record on 8 (80%): 2026-02-03 to 2026-02-10.");
	wn_buf_free(&b);
	wn_buf_init(&b);
	wn_report_counted_note(&r, &b);
	cr_assert_str_eq(b.s, "The days before the diary began on 2026-02-01 are not counted.");
	wn_buf_free(&b);
	wn_report_free(&r);
	/* the whole of March, from 02-20: no record on 02-20..02-28 and 03-06
	 * (03-05 has a question, 03-15 a dose: recorded) */
	gather(&r, D(2, 20), D(3, 20));
	cr_assert_eq(r.counted_from, D(2, 20));
	cr_assert_eq(r.n_counted, 29);
	cr_assert_eq(r.n_missing, 10);
	wn_report_free(&r);
	/* a range before the diary: nothing counted, said so */
	gather(&r, D(1, 1), D(1, 31));
	cr_assert_eq(r.n_counted, 0);
	cr_assert_eq(r.n_missing, 0);
	cr_assert_eq(r.n_gaps, 0);
	wn_buf_init(&b);
	wn_report_missing_text(&r, &b);
	cr_assert_str_eq(b.s, "Nothing was recorded in this range; the diary begins on 2026-02-01.");
	wn_buf_free(&b);
	wn_report_free(&r);
}

Test(report, format_names)
{
	static const struct { const char *s; int f; } ok[] = {
		{ "md", WN_REPORT_MD }, { "Markdown", WN_REPORT_MD }, { "txt", WN_REPORT_TXT },
		{ "TEXT", WN_REPORT_TXT }, { "html", WN_REPORT_HTML },
	};
	for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
		int f = -1;
		cr_assert_eq(wn_report_parse_format(ok[i].s, &f, &err), WN_OK, "%s", ok[i].s);
		cr_assert_eq(f, ok[i].f, "%s", ok[i].s);
	}
	int f = -1;
	cr_assert_eq(wn_report_parse_format("pdf", &f, &err), WN_USAGE);
	cr_assert_str_eq(err.msg, "unknown report format 'pdf'");
	cr_assert_str_eq(err.hint, "use md (Markdown), txt (plain text) or html");
	cr_assert_eq(wn_report_parse_format("", &f, &err), WN_USAGE);
	cr_assert_str_eq(wn_report_suffix(WN_REPORT_MD), "md");
	cr_assert_str_eq(wn_report_suffix(WN_REPORT_TXT), "txt");
	cr_assert_str_eq(wn_report_suffix(WN_REPORT_HTML), "html");
}

Test(report, since_the_last_report)
{
	wn_date d;
	cr_assert_eq(wn_report_last(db, &d, &err), WN_OK);
	cr_assert_eq(d, WN_DATE_NONE);
	cr_assert_eq(wn_report_remember(db, D(3, 20), &err), WN_OK, "%s", err.msg);
	cr_assert_eq(wn_report_last(db, &d, &err), WN_OK);
	cr_assert_eq(d, D(3, 21));
	char buf[32];
	cr_assert_eq(wn_db_meta_get(db, WN_REPORT_META_KEY, buf, sizeof buf, &err), WN_OK);
	cr_assert_str_eq(buf, "2026-03-20");
	cr_assert_eq(wn_db_meta_set(db, WN_REPORT_META_KEY, "garbage", &err), WN_OK);
	cr_assert_eq(wn_report_last(db, &d, &err), WN_OK);
	cr_assert_eq(d, WN_DATE_NONE);
}

/* ---- rendering -------------------------------------------------------------------------- */

/* A note with a terminal escape sequence, a bidi override and a bell can
 * only come from a damaged or hand-edited file: written past the checks. */
static void hostile_note(wn_date d)
{
	sqlite3_stmt *st;
	char day[WN_DATE_STRLEN];
	const char *sql = "UPDATE checkin SET note = ?1, flag = 1 WHERE date = ?2";
	cr_assert_eq(sqlite3_prepare_v2(wn_db_sqlite(db), sql, -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, "red \x1b[31mALERT\x1b[0m \xe2\x80\xae" "evil\a | end", -1,
	                  SQLITE_STATIC);
	sqlite3_bind_text(st, 2, wn_date_format(d, day), -1, SQLITE_TRANSIENT);
	cr_assert_eq(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
}

/* pat occurs in s without a backslash before it (Markdown would act on it). */
static bool unescaped(const char *s, const char *pat)
{
	for (const char *p = strstr(s, pat); p; p = strstr(p + 1, pat))
		if (p == s || p[-1] != '\\')
			return true;
	return false;
}

static void no_controls(const char *s, const char *what)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		cr_assert(*p >= 0x20 || *p == '\n', "%s: control byte 0x%02x at %zu", what, *p,
		          (size_t)(p - (const unsigned char *)s));
	cr_assert_null(strstr(s, "\xe2\x80\xae"), "%s: bidi override kept", what);
	cr_assert_null(strstr(s, "nan"), "%s: nan", what);
	cr_assert_null(strstr(s, "inf "), "%s: inf", what);
}

Test(report, markdown_escapes_diary_text)
{
	make_diary();
	hostile_note(D(3, 13));
	char *s = render(WN_REPORT_MD, D(3, 1), D(3, 20), "A|B <img src=x>");
	char *f = flat(strdup(s));
	no_controls(s, "md");
	cr_assert_not(unescaped(s, "<script>"), "raw HTML in Markdown");
	cr_assert_not(unescaped(s, "<img"), "raw HTML in Markdown");
	cr_assert_not(unescaped(s, "**x**"), "emphasis from a note");
	cr_assert_not_null(strstr(f, "Hostile \\| \\<script>alert(1)\\</script> \\*\\*x\\*\\* # y"));
	cr_assert_not_null(strstr(f, "**Name:**     A\\|B \\<img src=x>"));
	cr_assert_not_null(strstr(f, "zaps \\| \\<b>bad\\</b>"));
	cr_assert_not_null(strstr(f, "Recorded on 19 of the 20 days in this range; no record"
	                          " on 1 (5%)"));
	free(f);
	/* every table row has the same number of unescaped pipes */
	for (char *line = strtok(s, "\n"); line; line = strtok(NULL, "\n")) {
		if (line[0] != '|')
			continue;
		int pipes = 0;
		for (char *p = line; *p; p++)
			pipes += *p == '|' && (p == line || p[-1] != '\\');
		cr_assert(pipes >= 6 && pipes <= 9, "row with %d cells: %s", pipes - 1, line);
	}
	free(s);
}

Test(report, markdown_line_starts_cannot_become_markup)
{
	make_diary();
	/* The flagged item "- **2026-03-13** (burden 3, mood 6, sleep 7 h): "
	 * leaves 32 columns on its first line and 78 on the next ones: the
	 * words below make "- ", "1. " and "# " start continuation lines. */
	char note[400], a[32], b[65], c[62];
	memset(a, 'a', 31);
	a[31] = '\0';
	memset(b, 'b', 64);
	b[64] = '\0';
	memset(c, 'c', 61);
	c[61] = '\0';
	snprintf(note, sizeof note, "%s - not a list %s 1. not a number %s # not a heading",
	         a, b, c);
	checkin(D(3, 13), note, true);
	char *s = render(WN_REPORT_MD, D(3, 1), D(3, 20), NULL);
	cr_assert_not_null(strstr(s, "\n  \\- not a list bbbb"), "%s", s);
	cr_assert_not_null(strstr(s, "\n  1\\. not a number cccc"));
	cr_assert_not_null(strstr(s, "\n  \\# not a heading\n"));
	for (char *line = strtok(s, "\n"); line; line = strtok(NULL, "\n"))
		cr_assert_leq(wn_text_width(line), 80, "too wide: %s", line);
	free(s);
}

Test(report, text_is_terminal_safe)
{
	make_diary();
	hostile_note(D(3, 13));
	char *s = render(WN_REPORT_TXT, D(3, 1), D(3, 20), "Ann\x1b]0;x\a");
	no_controls(s, "txt");
	cr_assert_not_null(strstr(s, "Tapering diary report\n=====================\n"));
	flat(s);
	cr_assert_not_null(strstr(s, "Hostile | <script>alert(1)</script> **x** # y"));
	cr_assert_not_null(strstr(s, "Name:     Ann\xef\xbf\xbd]0;x\xef\xbf\xbd"));
	cr_assert_not_null(strstr(s, "red \xef\xbf\xbd[31mALERT"));
	cr_assert_not_null(strstr(s, "and are not a medical record."));
	free(s);
}

Test(report, html_escapes_and_is_self_contained)
{
	make_diary();
	hostile_note(D(3, 13));
	char *s = render(WN_REPORT_HTML, D(3, 1), D(3, 20), "\"Ann\" <script>x</script>");
	no_controls(s, "html");
	cr_assert_null(strstr(s, "<script"));
	cr_assert_null(strstr(s, "http:"));
	cr_assert_null(strstr(s, "https:"));
	cr_assert_null(strstr(s, "src="));
	cr_assert_null(strstr(s, "href="));
	cr_assert_null(strstr(s, "@import"));
	cr_assert_null(strstr(s, "url("));
	cr_assert_not_null(strstr(s, "Hostile | &lt;script&gt;alert(1)&lt;/script&gt; **x** # y"));
	cr_assert_not_null(strstr(s, "&quot;Ann&quot; &lt;script&gt;x&lt;/script&gt;"));
	cr_assert_not_null(strstr(s, "zaps | &lt;b&gt;bad&lt;/b&gt;"));
	cr_assert_not_null(strstr(s, "<svg class=\"chart\""));
	cr_assert_not_null(strstr(s, "@page"));
	cr_assert(strncmp(s, "<!DOCTYPE html>", 15) == 0);
	cr_assert_not_null(strstr(s, "</html>\n"));
	free(s);
}

Test(report, empty_diary_is_a_short_valid_report)
{
	static const int formats[] = { WN_REPORT_MD, WN_REPORT_TXT, WN_REPORT_HTML };
	for (size_t i = 0; i < 3; i++) {
		char *s = render(formats[i], WN_DATE_NONE, WN_DATE_NONE, NULL);
		no_controls(s, wn_report_suffix(formats[i]));
		flat(s);
		cr_assert_not_null(strstr(s, "Nothing was recorded in this range."));
		cr_assert_not_null(strstr(s, "no charts, symptoms or doses to summarise"));
		cr_assert_null(strstr(s, "Charts"));
		cr_assert_not_null(strstr(s, "not a medical record"));
		free(s);
	}
}

Test(report, a_plan_that_starts_after_the_range)
{
	long med = add_med("diazepam");
	struct wn_plan_spec s = { .med_id = med, .method = WN_TAPER_PERCENT, .start = D(5, 1),
	                          .from_dose = 10, .step = 10, .every_days = 14, .round_q = 0.5 };
	cr_assert_eq(wn_db_plan_add(db, &s, NULL, &err), WN_OK, "%s", err.msg);
	checkin(D(3, 2), NULL, false);
	struct wn_report r;
	gather(&r, D(3, 1), D(3, 3));
	cr_assert_eq(r.n_meds, 1);
	cr_assert(isnan(r.meds[0].planned));
	cr_assert(isnan(r.meds[0].pct_reduced));
	cr_assert_eq(r.meds[0].n_steps, 1);
	cr_assert(r.meds[0].steps[0].future);
	cr_assert_eq(r.meds[0].dose[WN_DOSE_NOT_PLANNED], 2);    /* 03-02, 03-03: the diary begins on 03-02 */
	cr_assert_eq(r.first_cut, WN_DATE_NONE);
	struct wn_buf b;
	wn_buf_init(&b);
	wn_report_med_text(&r, &r.meds[0], &b);
	cr_assert_str_eq(b.s, "the plan starts on 2026-05-01 at 10 mg. No dose recorded. "
	                 "Plan: cut 10% of the current dose every 2 weeks.");
	wn_buf_free(&b);
	wn_report_free(&r);
	char *t = render(WN_REPORT_TXT, D(3, 1), D(3, 3), NULL);
	no_controls(t, "txt");
	cr_assert_not_null(strstr(t, "No taper step has been taken yet."));
	free(t);
}

Test(report, two_plans_cuts_in_date_order)
{
	long a = add_med("sertraline"), b = add_med("diazepam");
	struct wn_plan_spec s = { .med_id = a, .method = WN_TAPER_LINEAR, .start = D(3, 1),
	                          .from_dose = 50, .step = 10, .every_days = 10, .round_q = 1 };
	cr_assert_eq(wn_db_plan_add(db, &s, NULL, &err), WN_OK, "%s", err.msg);
	s = (struct wn_plan_spec){ .med_id = b, .method = WN_TAPER_LINEAR, .start = D(3, 6),
	                           .from_dose = 10, .step = 1, .every_days = 7, .round_q = 0.5 };
	cr_assert_eq(wn_db_plan_add(db, &s, NULL, &err), WN_OK, "%s", err.msg);
	for (int day = 1; day <= 25; day++)
		checkin(D(3, day), NULL, false);
	struct wn_report r;
	gather(&r, D(3, 1), D(3, 25));
	/* sertraline cuts 03-11, 03-21; diazepam 03-13, 03-20 */
	static const struct { int day; double dose; const char *med; } want[] = {
		{ 11, 40, "sertraline" }, { 13, 9, "diazepam" }, { 20, 8, "diazepam" },
		{ 21, 30, "sertraline" },
	};
	cr_assert_eq(r.n_cuts, 4);
	cr_assert_eq(r.first_cut, D(3, 11));
	for (size_t i = 0; i < 4; i++) {
		cr_assert_eq(r.cuts[i].date, D(3, want[i].day), "cut %zu", i);
		EQ(r.cuts[i].dose, want[i].dose);
		cr_assert_str_eq(r.meds[r.cuts[i].med].med.name, want[i].med);
	}
	/* every day had a check-in and no dose: not recorded (never "missed")
	 * where a plan was in force */
	cr_assert_eq(r.meds[0].dose[WN_DOSE_NOT_RECORDED], 20);   /* diazepam from 03-06 */
	cr_assert_eq(r.meds[0].dose[WN_DOSE_NOT_PLANNED], 5);
	cr_assert_eq(r.meds[1].dose[WN_DOSE_NOT_RECORDED], 25);
	cr_assert_eq(r.meds[1].dose[WN_DOSE_SKIPPED] + r.meds[1].dose[WN_DOSE_DIFFERENT], 0);
	wn_report_free(&r);
	char *md = render(WN_REPORT_MD, D(3, 1), D(3, 25), NULL);
	cr_assert_not_null(strstr(md, "| 2026-03-13 |    diazepam 9 mg |"), "%s", md);
	cr_assert_not_null(strstr(md, "Planned dose: sertraline (mg)"));
	free(md);
	char *html = render(WN_REPORT_HTML, D(3, 1), D(3, 25), NULL);
	cr_assert_not_null(strstr(html, "Planned dose, sertraline (mg)"));
	free(html);
}

/* ---- the plan review --------------------------------------------------------------- */

static void sql(const char *q)
{
	char *msg = NULL;
	cr_assert_eq(sqlite3_exec(wn_db_sqlite(db), q, NULL, NULL, &msg), SQLITE_OK, "%s", msg);
}

/* testmed (not in the drug reference), 50 mg tablets only: 100 mg, cut 10%
 * every 10 days from 03-01 gives 100, 50 (03-11: a rounding jump, the
 * warning acknowledged on 03-01), 0 (03-21: a note); going back up to 100 mg
 * on 03-15 makes the step to 0 a warning that was not acknowledged. */
static void review_diary(void)
{
	struct wn_med m = { .name = "testmed", .unit = "mg" };
	struct wn_med_form f = { .kind = WN_FORM_TABLET, .strength = 50, .divisible = 1,
	                         .label = "tablet" };
	cr_assert_eq(wn_db_med_create(db, &m, &f, 1, &err), WN_OK, "%s", err.msg);
	struct wn_plan_spec s = { .med_id = m.id, .method = WN_TAPER_PERCENT, .start = D(3, 1),
	                          .from_dose = 100, .step = 10, .every_days = 10,
	                          .form_label = "tablet", .agreed_on = D(2, 27) };
	cr_assert_eq(wn_db_plan_add(db, &s, NULL, &err), WN_OK, "%s", err.msg);
	sql("INSERT INTO plan_ack(plan_id, kind, step, text, acked)"
	    " VALUES (1, 'rounding jump', 1, 'x', '2026-03-01 08:00:00')");
	struct wn_plan_reinstate r = { .med_id = m.id, .on = D(3, 15), .dose = 100 };
	cr_assert_eq(wn_db_plan_reinstate(db, &r, &err), WN_OK, "%s", err.msg);
}

Test(report, plan_reviews_gathered_with_acknowledgements)
{
	struct wn_report r;
	review_diary();
	gather(&r, D(3, 1), D(3, 20));
	const struct wn_report_med *m = &r.meds[0];
	cr_assert_str_eq(m->form_label, "tablet");
	cr_assert_not(m->form_missing);
	cr_assert_eq(m->agreed_on, D(2, 27));
	cr_assert_eq(m->n_reviews, 2);
	const struct wn_report_review *v = &m->reviews[0];
	cr_assert_eq(v->reinstated, WN_DATE_NONE);
	cr_assert_eq(v->n_findings, 2);
	cr_assert_eq(v->n_warnings, 1);
	cr_assert_eq(v->n_notes, 1);
	cr_assert_eq(v->findings[0].f.kind, WN_REVIEW_ROUNDING_JUMP);
	cr_assert(v->findings[0].acked);
	cr_assert_str_eq(v->findings[0].acked_on, "2026-03-01");
	cr_assert_eq(v->findings[1].f.level, WN_REVIEW_INFO);
	cr_assert_not(v->findings[1].acked);
	v = &m->reviews[1];
	cr_assert_eq(v->reinstated, D(3, 15));
	EQ(v->dose, 100);
	cr_assert_eq(v->n_findings, 1);
	cr_assert_eq(v->findings[0].f.kind, WN_REVIEW_AFTER_REINSTATE);
	cr_assert_not(v->findings[0].acked);
	wn_report_free(&r);
	/* a report ending before the going back up leaves its review out */
	gather(&r, D(3, 1), D(3, 14));
	cr_assert_eq(r.meds[0].n_reviews, 1);
	wn_report_free(&r);
}

Test(report, plan_review_words)
{
	struct wn_report r;
	char lead[WN_REPORT_LEAD];
	struct wn_buf b;
	review_diary();
	gather(&r, D(3, 1), D(3, 20));
	const struct wn_report_med *m = &r.meds[0];
	wn_report_finding_lead(&m->reviews[0].findings[0], lead, sizeof lead);
	cr_assert_str_eq(lead, "WARNING, acknowledged on 2026-03-01:");
	wn_report_finding_lead(&m->reviews[0].findings[1], lead, sizeof lead);
	cr_assert_str_eq(lead, "NOTE:");
	wn_report_finding_lead(&m->reviews[1].findings[0], lead, sizeof lead);
	cr_assert_str_eq(lead, "WARNING, not acknowledged:");
	wn_buf_init(&b);
	wn_report_review_counts(&m->reviews[0], &b);
	cr_assert_str_eq(b.s, "Findings: 1 warning, 0 cautions, 1 note.");
	wn_buf_free(&b);
	wn_buf_init(&b);
	wn_report_review_intro(m, &b);
	cr_assert_str_eq(b.s, "wean reviews the plan entered in it step by step, for reference "
	                 "only, not as advice. Kept on one form: tablet. Agreed with the "
	                 "prescriber on 2026-02-27 (as recorded).");
	wn_buf_free(&b);
	wn_report_free(&r);
	char *s = flat(render(WN_REPORT_MD, D(3, 1), D(3, 20), NULL));
	cr_assert_not_null(strstr(s, "## Plan review: testmed"));
	cr_assert_not_null(strstr(s, "- **WARNING, acknowledged on 2026-03-01:** Step 1 "
	                          "(2026-03-11): rounding"), "%s", s);
	cr_assert_not_null(strstr(s, "- **WARNING, not acknowledged:** After going back up "
	                          "to 100 mg on 2026-03-15"));
	cr_assert_null(strstr(s, "prescriber chose"));
	free(s);
	s = render(WN_REPORT_HTML, D(3, 1), D(3, 20), NULL);
	cr_assert_not_null(strstr(s, "<h2>Plan review: testmed</h2>"));
	cr_assert_not_null(strstr(s, "<li><b>NOTE:</b> Step 2"));
	free(s);
}

static void mood(wn_date d, int v)
{
	struct wn_checkin_patch p = { .date = d, .set = WN_SET_MOOD, .mood = v };
	cr_assert_eq(wn_db_checkin_update(db, &p, &err), WN_OK, "%s", err.msg);
}

static void gather_low(struct wn_report *r, wn_date from, wn_date to, int low_mood)
{
	struct wn_report_opts o = { .from = from, .to = to, .low_mood = low_mood };
	cr_assert_eq(wn_report_gather(db, &o, r, &err), WN_OK, "%s", err.msg);
}

static void safety_is(wn_date from, wn_date to, int low_mood, const char *want)
{
	struct wn_report r;
	struct wn_buf b;
	gather_low(&r, from, to, low_mood);
	wn_buf_init(&b);
	bool shown = wn_report_safety_text(&r, &b);
	cr_assert_eq(shown, want != NULL, "%s", b.s ? b.s : "(nothing)");
	if (want)
		cr_assert_str_eq(b.s, want);
	wn_buf_free(&b);
	wn_report_free(&r);
}

Test(report, safety_counts)
{
	struct wn_report r;
	make_diary();                      /* mood 6 on the 17 days with a check-in */
	safety_is(D(3, 1), D(3, 20), 2, NULL);
	mood(D(3, 3), 2);
	mood(D(3, 4), 1);
	rate(D(3, 7), symptom(WN_SAFETY_SELF_HARM), 2);
	gather_low(&r, D(3, 1), D(3, 20), 2);
	cr_assert_eq(r.safety.low_mood, 2);
	cr_assert_eq(r.safety.mood_days, 17);
	cr_assert_eq(r.safety.low_mood_days, 2);
	cr_assert(r.safety.item_in_use);   /* hidden, but rated in the range */
	cr_assert_eq(r.safety.item_days, 1);
	wn_report_free(&r);
	safety_is(D(3, 1), D(3, 20), 2, "Very low mood (2 or below): 2 of the 17 days with "
	          "a mood recorded. 'Thoughts of harming yourself' rated above 0 on 1 day.");
	safety_is(D(3, 1), D(3, 20), 0, "Very low mood (0): none of the 17 days with a mood "
	          "recorded. 'Thoughts of harming yourself' rated above 0 on 1 day.");
	/* out of 0..10: the default threshold */
	safety_is(D(3, 1), D(3, 20), -1, "Very low mood (2 or below): 2 of the 17 days with "
	          "a mood recorded. 'Thoughts of harming yourself' rated above 0 on 1 day.");
	safety_is(D(3, 1), D(3, 6), 2, "Very low mood (2 or below): 2 of the 4 days with a "
	          "mood recorded. The optional item 'thoughts of harming yourself' is not in use.");
	/* shown but never rated above 0, and no low mood: one calm line */
	cr_assert_eq(wn_db_symptom_set_hidden(db, symptom(WN_SAFETY_SELF_HARM), false, &err),
	             WN_OK, "%s", err.msg);
	safety_is(D(3, 10), D(3, 20), 2, "Very low mood (2 or below): none of the 10 days "
	          "with a mood recorded. 'Thoughts of harming yourself': not rated above 0.");
}
