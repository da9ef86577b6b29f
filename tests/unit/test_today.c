/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_today.c -- what the Today screen shows and what typing means
 * (core/today.h), hand-computed cases. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/config.h"
#include "core/safety.h"
#include "core/today.h"
#include "core/today_head.h"

#define D(y, m, d) wn_date_from_ymd((y), (m), (d))
#define N NAN

static bool same(double a, double b)
{
	return (isnan(a) && isnan(b)) || fabs(a - b) < 1e-9;
}

/* A config with two custom metrics: pain 0-10 and focus 1-5. */
static void test_config(struct wn_config *cfg)
{
	wn_config_defaults(cfg);
	cfg->n_metrics = 2;
	snprintf(cfg->metrics[0].name, sizeof cfg->metrics[0].name, "pain");
	cfg->metrics[0].min = 0;
	cfg->metrics[0].max = 10;
	snprintf(cfg->metrics[1].name, sizeof cfg->metrics[1].name, "focus");
	cfg->metrics[1].min = 1;
	cfg->metrics[1].max = 5;
}

/* ---- fields and their values ---------------------------------------------- */

struct value_case {
	int kind, idx;
	double want;
	double lo, hi;
	const char *name;
};

static const struct value_case value_cases[] = {
	{ .kind = WN_TODAY_MOOD, .want = 7, .lo = 0, .hi = 10, .name = "mood" },
	{ .kind = WN_TODAY_ANXIETY, .want = N, .lo = 0, .hi = 10, .name = "anxiety" },
	{ .kind = WN_TODAY_ENERGY, .want = 0, .lo = 0, .hi = 10, .name = "energy" },
	{ .kind = WN_TODAY_SLEEP, .want = 6.5, .lo = 0, .hi = 24, .name = "sleep" },
	{ .kind = WN_TODAY_CUSTOM, .idx = 0, .want = 2.5, .lo = 0, .hi = 10,
	  .name = "pain" },
	{ .kind = WN_TODAY_CUSTOM, .idx = 1, .want = N, .lo = 1, .hi = 5,
	  .name = "focus" },
};

Test(today, metric_values_names_and_ranges)
{
	struct wn_config cfg;
	test_config(&cfg);
	struct wn_metric_value mv[] = { { "PAIN", 2.5 }, { "other", 9 } };
	struct wn_day d = { .ci = { .mood = 7, .anxiety = WN_UNSET, .energy = 0,
	                            .sleep = 6.5 },
	                    .metrics = mv, .n_metrics = 2 };
	for (size_t i = 0; i < sizeof value_cases / sizeof *value_cases; i++) {
		const struct value_case *c = &value_cases[i];
		double v = wn_today_metric_value(&d, &cfg, c->kind, c->idx);
		cr_expect(same(v, c->want), "%s: %g, not %g", c->name, v, c->want);
		struct wn_today_range r = wn_today_metric_range(&cfg, c->kind, c->idx);
		cr_expect(r.lo == c->lo && r.hi == c->hi, "%s: range", c->name);
		cr_expect_str_eq(wn_today_metric_name(&cfg, c->kind, c->idx), c->name);
		cr_expect(wn_today_is_metric(c->kind), "%s is a metric", c->name);
	}
	cr_expect_not(wn_today_is_metric(WN_TODAY_SYMPTOM));
	cr_expect_not(wn_today_is_metric(WN_TODAY_NOTE));
}

struct word_case {
	int v;
	const char *word;
};

static const struct word_case word_cases[] = {
	{ .v = WN_UNSET, .word = "not rated" }, { .v = 0, .word = "none" },
	{ .v = 1, .word = "mild" }, { .v = 2, .word = "moderate" },
	{ .v = 3, .word = "severe" }, { .v = 4, .word = "not rated" },
};

Test(today, ratings_and_their_words)
{
	struct wn_rating r[] = { { 11, 2 }, { 12, 0 } };
	struct wn_day d = { .ratings = r, .n_ratings = 2 };
	cr_expect_eq(wn_today_rating(&d, 11), 2);
	cr_expect_eq(wn_today_rating(&d, 12), 0);
	cr_expect_eq(wn_today_rating(&d, 13), WN_UNSET);
	for (size_t i = 0; i < sizeof word_cases / sizeof *word_cases; i++)
		cr_expect_str_eq(wn_today_level_word(word_cases[i].v), word_cases[i].word,
		                 "case %zu", i);
}

struct hidden_case {
	const char *name;
	bool hidden;
};

static const struct hidden_case hidden_cases[] = {
	{ .name = "brain zaps", .hidden = true },
	{ .name = "Brain Zaps", .hidden = true },
	{ .name = "nausea", .hidden = true },
	{ .name = "headache", .hidden = true },
	{ .name = "head", .hidden = false },
	{ .name = "zaps", .hidden = false },
	{ .name = "", .hidden = false },
};

Test(today, hidden_symptoms_by_name)
{
	const char *list = " brain zaps , Nausea,headache ";
	for (size_t i = 0; i < sizeof hidden_cases / sizeof *hidden_cases; i++)
		cr_expect_eq(wn_today_symptom_hidden(list, hidden_cases[i].name),
		             hidden_cases[i].hidden, "'%s'", hidden_cases[i].name);
	cr_expect_not(wn_today_symptom_hidden("", "nausea"));
}

Test(today, times_of_day)
{
	char b[16];
	wn_today_minute_text(-1, b, sizeof b);
	cr_expect_str_eq(b, "--:--");
	wn_today_minute_text(485, b, sizeof b);
	cr_expect_str_eq(b, "08:05");
	wn_today_minute_text(0, b, sizeof b);
	cr_expect_str_eq(b, "00:00");
	/* the unit tests run with TZ=UTC: local time is the same */
	wn_today_local_hm("2026-11-25 07:05:09", b, sizeof b);
	cr_expect_str_eq(b, "07:05");
	wn_today_local_hm("yesterday", b, sizeof b);
	cr_expect_str_eq(b, "");
}

Test(today, the_last_dose_of_a_medication)
{
	struct wn_dose doses[] = {
		{ .id = 1, .minute = 1200, .med_id = 1, .amount = 25 },
		{ .id = 2, .minute = 480, .med_id = 1, .amount = 50 },
		{ .id = 3, .minute = 1300, .med_id = 2, .amount = 5 },
		{ .id = 4, .minute = 1200, .med_id = 1, .amount = 12.5 },
	};
	struct wn_day d = { .doses = doses, .n_doses = 4 };
	cr_expect_eq(wn_today_last_dose(&d, 1), &doses[3], "the later record on a tie");
	cr_expect_eq(wn_today_last_dose(&d, 2), &doses[2]);
	cr_expect_null(wn_today_last_dose(&d, 3));
}

/* ---- the taper ---------------------------------------------------------- */

/* 50 mg from 2026-11-01, 10 mg less every 14 days: 50 on 11-01, 40 on
 * 11-15, 30 on 11-29, 20 on 12-13, 10 on 12-27, 0 on 2027-01-10; with
 * hold_from, an open hold from that day. */
static void linear_plan(struct wn_today_plan *p, wn_date hold_from)
{
	struct wn_err err = { 0 };
	memset(p, 0, sizeof *p);
	wn_taper_params_init(&p->plan.params);
	struct wn_taper_params *t = &p->plan.params;
	t->method = WN_TAPER_LINEAR;
	t->start = D(2026, 11, 1);
	t->from_dose = 50;
	t->step = 10;
	t->every_days = 14;
	t->round_q = 0.5;
	if (hold_from != WN_DATE_NONE) {
		p->plan.holds = malloc(sizeof *p->plan.holds);
		cr_assert_not_null(p->plan.holds);
		p->plan.holds[0] = (struct wn_hold){ hold_from, WN_DATE_NONE };
		p->plan.n_holds = 1;
		t->holds = p->plan.holds;
		t->n_holds = 1;
	}
	cr_assert_eq(wn_taper_build(t, &p->sched, &err), WN_OK, "%s", err.msg);
	p->has = true;
}

struct status_case {
	const char *name;
	wn_date day, hold;
	double planned;
	const char *line;
};

static const struct status_case status_cases[] = {
	{ .name = "before the start", .day = 20758 /* 2026-11-01 */ - 2,
	  .hold = WN_DATE_NONE, .planned = N,
	  .line = "sertraline: the plan starts on 2026-11-01 at 50 mg" },
	{ .name = "the first day", .day = 20758, .hold = WN_DATE_NONE, .planned = 50,
	  .line = "sertraline: day 1 at 50 mg, since 2026-11-01; next step 40 mg on 2026-11-15" },
	{ .name = "the second step", .day = 20758 + 19, .hold = WN_DATE_NONE,
	  .planned = 40,
	  .line = "sertraline: day 6 at 40 mg, since 2026-11-15; next step 30 mg on"
	          " 2026-11-29" },
	{ .name = "on hold before the third step", .day = 20758 + 30,
	  .hold = 20758 + 25, .planned = 40,
	  .line = "sertraline: day 17 at 40 mg, since 2026-11-15; on hold since 2026-11-26" },
	{ .name = "the end", .day = 20758 + 80, .hold = WN_DATE_NONE, .planned = 0,
	  .line = "sertraline: day 11 at 0 mg, since 2027-01-10" },
};

Test(today, where_the_taper_stands)
{
	struct wn_med med = { .id = 1, .name = "sertraline", .unit = "mg" };
	cr_assert_eq(D(2026, 11, 1), 20758);
	for (size_t i = 0; i < sizeof status_cases / sizeof *status_cases; i++) {
		const struct status_case *c = &status_cases[i];
		struct wn_today_plan p;
		linear_plan(&p, c->hold);
		cr_expect(same(wn_today_planned(&p, c->day), c->planned), "%s: planned",
		          c->name);
		struct wn_buf b;
		wn_buf_init(&b);
		wn_today_plan_status(&med, &p, c->day, &b);
		cr_expect_str_eq(b.s, c->line, "%s", c->name);
		wn_buf_free(&b);
		wn_today_plan_free(&p);
		cr_expect_not(p.has);
	}
}

/* ---- the rows under the title ---------------------------------------- */

static void add_finding(struct wn_review *r, enum wn_review_level l, int step,
                        const char *brief)
{
	struct wn_review_finding *f = realloc(r->findings, sizeof *f * (size_t)(r->n_findings + 1));
	cr_assert_not_null(f);
	r->findings = f;
	f = &f[r->n_findings++];
	memset(f, 0, sizeof *f);
	f->level = l;
	f->step = f->step_to = step;
	snprintf(f->brief, sizeof f->brief, "%s", brief);
}

/* The rows of in as "KIND|text" lines. */
static void head_text(const struct wn_today_head_in *in, char *out, size_t n)
{
	static const char *const kinds[] = { "state", "taper", "finding", "crisis", "hold",
	                                     "wait" };
	struct wn_today_head h;
	size_t k = 0;
	wn_today_head(in, &h);
	out[0] = '\0';
	for (int i = 0; i < h.n && k < n; i++)
		k += (size_t)snprintf(out + k, n - k, "%s|%s\n", kinds[h.row[i].kind],
		                      h.row[i].text);
}

Test(today, a_taper_row_for_each_planned_medication)
{
	struct wn_med med[5] = { { .name = "a", .unit = "mg" }, { .name = "b", .unit = "mg" },
	                         { .name = "c", .unit = "mg" }, { .name = "d", .unit = "mg" },
	                         { .name = "e", .unit = "mg" } };
	struct wn_today_plan plans[5];
	char got[2048];
	for (int i = 0; i < 5; i++)
		linear_plan(&plans[i], WN_DATE_NONE);
	plans[1].has = false;
	struct wn_today_head_in in = { .med = med, .plans = plans, .n = 5,
	                               .day = D(2026, 12, 30), .cols = 78, .crisis_rows = 4 };
	head_text(&in, got, sizeof got);
	cr_expect_str_eq(got, "taper|a: day 4 at 10 mg, since 2026-12-27; next step 0 mg on 2027-01-10\n"
	                 "taper|c: day 4 at 10 mg, since 2026-12-27; next step 0 mg on 2027-01-10\n"
	                 "taper|d: day 4 at 10 mg, since 2026-12-27; next step 0 mg on 2027-01-10\n",
	                 "at most three, none for b:\n%s", got);
	in.n = 2;
	plans[0].has = false;
	head_text(&in, got, sizeof got);
	cr_expect_str_eq(got, "state|\n", "no taper: a row for the day's state");
	in.plans = NULL;
	head_text(&in, got, sizeof got);
	cr_expect_str_eq(got, "state|\n");
	cr_expect(isnan(wn_today_planned(&plans[1], D(2026, 11, 20))));
	cr_expect(isnan(wn_today_planned(NULL, D(2026, 11, 20))));
	plans[0].has = plans[1].has = true;
	for (int i = 0; i < 5; i++)
		wn_today_plan_free(&plans[i]);
}

/* The linear plan's steps: 1 on 11-15, 2 on 11-29, 3 on 12-13; the
 * plan's review has a caution on step 1 and a warning on step 2; going
 * back up on 11-18 has a warning on step 2 of its own. */
Test(today, the_finding_on_the_next_step)
{
	struct wn_med med = { .name = "sertraline", .unit = "mg" };
	struct wn_today_plan p;
	char got[1024];
	linear_plan(&p, WN_DATE_NONE);
	add_finding(&p.review, WN_REVIEW_INFO, -1, "the whole plan");
	add_finding(&p.review, WN_REVIEW_CAUTION, 1, "step 1 keeps the dose");
	add_finding(&p.review, WN_REVIEW_WARNING, 2, "step 2 cuts 50% after rounding");
	p.reviewed = true;
	struct wn_today_head_in in = { .med = &med, .plans = &p, .n = 1,
	                               .day = D(2026, 11, 20), .cols = 78, .crisis_rows = 4 };
	head_text(&in, got, sizeof got);
	cr_expect_str_eq(got, "taper|sertraline: day 6 at 40 mg, since 2026-11-15; next step 30 mg on"
	                 " 2026-11-29\n"
	                 "finding|  review of the next step: warning, step 2 cuts 50% after"
	                 " rounding\n");
	cr_expect_eq(wn_today_next_finding(&p, D(2026, 11, 10)), &p.review.findings[1]);
	cr_expect_null(wn_today_next_finding(&p, D(2026, 11, 29)), "step 3 has none");
	add_finding(&p.up, WN_REVIEW_WARNING, 2, "the step after going back up cuts 25%");
	p.has_up = true;
	p.up_on = D(2026, 11, 18);
	cr_expect_eq(wn_today_next_finding(&p, D(2026, 11, 20)), &p.up.findings[0],
	             "after going back up: its review");
	cr_expect_eq(wn_today_next_finding(&p, D(2026, 11, 17)), &p.review.findings[2],
	             "before it: the plan's");
	cr_expect_null(wn_today_next_finding(NULL, D(2026, 11, 17)));
	wn_today_plan_free(&p);
	cr_expect_null(wn_today_next_finding(&p, D(2026, 11, 17)), "no plan, no finding");
	linear_plan(&p, D(2026, 11, 26));
	add_finding(&p.review, WN_REVIEW_WARNING, 2, "step 2 cuts 50% after rounding");
	p.reviewed = true;
	cr_expect_null(wn_today_next_finding(&p, D(2026, 11, 27)), "on hold: no next step");
	wn_today_plan_free(&p);
}

struct crisis_case {
	const char *name;
	int cols, rows;
	const char *crisis, *want;
};

#define DEFAULT_LINE "UK: Samaritans 116 123 (free, any time); US: call or text 988;" \
	" elsewhere, your local crisis line"

static const struct crisis_case crisis_cases[] = {
	{ "80 columns: the words, then the line on rows of its own", 78, 4, DEFAULT_LINE,
	  "crisis|" WN_SAFETY_TEXT "\n"
	  "crisis|UK: Samaritans 116 123 (free, any time); US: call or text 988; elsewhere, your\n"
	  "crisis|local crisis line\n" },
	{ "a short line: one row", 78, 4, "116 123",
	  "crisis|" WN_SAFETY_TEXT " 116 123\n" },
	{ "words wider than the screen: one paragraph when it fits", 50, 3,
	  "call 116 123",
	  "crisis|Withdrawal can bring feelings like these. Contact\n"
	  "crisis|your prescriber, or: call 116 123\n" },
	{ "40 columns: the words cut on a row of their own, then the line", 38, 4, DEFAULT_LINE,
	  "crisis|" WN_SAFETY_TEXT "\n"
	  "crisis|UK: Samaritans 116 123 (free, any\n"
	  "crisis|time); US: call or text 988;\n"
	  "crisis|elsewhere, your local crisis line\n" },
	{ "two rows: the line alone", 78, 2, DEFAULT_LINE,
	  "crisis|UK: Samaritans 116 123 (free, any time); US: call or text 988; elsewhere, your\n"
	  "crisis|local crisis line\n" },
	{ "too narrow: the last row takes the rest", 30, 2, DEFAULT_LINE,
	  "crisis|UK: Samaritans 116 123 (free,\n"
	  "crisis|any time); US: call or text 988; elsewhere, your local crisis line\n" },
};

Test(today, the_crisis_line_is_wrapped_not_cut)
{
	char got[2048], want[2048];
	for (size_t i = 0; i < sizeof crisis_cases / sizeof *crisis_cases; i++) {
		const struct crisis_case *c = &crisis_cases[i];
		struct wn_today_head_in in = { .crisis = c->crisis, .cols = c->cols,
		                               .crisis_rows = c->rows, .day = D(2026, 11, 25) };
		head_text(&in, got, sizeof got);
		snprintf(want, sizeof want, "state|\n%s", c->want);
		cr_expect_str_eq(got, want, "%s:\n%s", c->name, got);
	}
}

/* The hold proposal: under the taper line, its reason wrapped, its keys
 * on a row of their own; the rule waiting for days says how many. */
Test(today, the_hold_proposal_under_the_taper_line)
{
	struct wn_med med = { .name = "sertraline", .unit = "mg" };
	struct wn_today_plan p;
	char got[2048];
	linear_plan(&p, WN_DATE_NONE);
	struct wn_today_hold hold = { .propose = true,
		.why = "symptoms 2.5 a day (mean per rated symptom, last 3 days), 2.5 above"
		       " the 7 days before the taper's first cut on 2026-11-22" };
	struct wn_today_head_in in = { .med = &med, .plans = &p, .n = 1,
	                               .day = D(2026, 11, 20), .cols = 78, .crisis_rows = 4,
	                               .hold = &hold, .hold_rows = 4 };
	head_text(&in, got, sizeof got);
	cr_expect_str_eq(got, "taper|sertraline: day 6 at 40 mg, since 2026-11-15; next step 30 mg on"
	                 " 2026-11-29\n"
	                 "hold|consider holding the next step - discuss with your prescriber. Why:"
	                 " symptoms\n"
	                 "hold|2.5 a day (mean per rated symptom, last 3 days), 2.5 above the 7 days"
	                 " before\n"
	                 "hold|the taper's first cut on 2026-11-22\n"
	                 "hold|" WN_TODAY_HOLD_KEYS "\n", "%s", got);
	cr_expect_leq(strlen(WN_TODAY_HOLD_KEYS), 78, "the keys fit 80 columns");
	in.hold_rows = 2;     /* a short screen: the reason's last row is cut by
	                         the screen, the keys stay */
	head_text(&in, got, sizeof got);
	cr_expect(strstr(got, "hold|" WN_TODAY_HOLD_KEYS "\n") != NULL, "%s", got);
	cr_expect(strstr(got, "hold|consider holding the next step - discuss with your"
	                  " prescriber. Why: symptoms 2.5") != NULL, "%s", got);
	hold = (struct wn_today_hold){ .med = "sertraline", .waiting = true,
	                               .have_days = 2, .need_days = 4 };
	head_text(&in, got, sizeof got);
	cr_expect(strstr(got, "\nwait|sertraline: hold rules: not enough days yet (they need 4"
	                  " days with ratings, 2 so far)\n") != NULL, "%s", got);
	hold.waiting = false;
	head_text(&in, got, sizeof got);
	cr_expect_null(strstr(got, "hold"), "nothing to say: no row\n%s", got);
	wn_today_plan_free(&p);
}

/* ---- the usual dose -------------------------------------------------------- */

Test(today, the_usual_dose_is_planned_else_the_last_taken)
{
	struct wn_med med[3] = { { .id = 1 }, { .id = 2 }, { .id = 3 } };
	struct wn_today_plan plans[3] = { { .has = false } };
	linear_plan(&plans[0], WN_DATE_NONE);
	double usual[3];
	size_t left = wn_today_usual_start(plans, 3, D(2026, 11, 20), usual);
	cr_expect_eq(left, 2);
	cr_expect(same(usual[0], 40) && isnan(usual[1]) && isnan(usual[2]));
	/* the newest day: a dose of med 2 (and of med 1, which stays planned) */
	struct wn_dose d1[] = { { .med_id = 2, .minute = 480, .amount = 12.5 },
	                        { .med_id = 1, .minute = 480, .amount = 45 } };
	struct wn_day day1 = { .doses = d1, .n_doses = 2 };
	cr_expect_eq(wn_today_usual_take(&day1, med, 3, usual), 1);
	cr_expect(same(usual[0], 40) && same(usual[1], 12.5) && isnan(usual[2]));
	/* an older day does not change what a newer one gave */
	struct wn_dose d2[] = { { .med_id = 2, .amount = 25 },
	                        { .med_id = 3, .amount = 1 } };
	struct wn_day day2 = { .doses = d2, .n_doses = 2 };
	cr_expect_eq(wn_today_usual_take(&day2, med, 3, usual), 0);
	cr_expect(same(usual[1], 12.5) && same(usual[2], 1));
	cr_expect_eq(wn_today_usual_start(NULL, 3, D(2026, 11, 20), usual), 3);
	wn_today_plan_free(&plans[0]);
}

Test(today, recent_days_with_a_dose)
{
	struct wn_today_recent r = { .n = 0 };
	wn_date first = D(2026, 1, 1);
	/* 60 days, oldest first; every third has no dose: 40 with doses */
	for (int i = 0; i < 60; i++) {
		struct wn_day_summary s = { .date = first + i, .n_doses = i % 3 ? 1 : 0 };
		wn_today_recent_add(&r, &s);
	}
	cr_expect_eq(wn_today_recent_count(&r), WN_TODAY_RECENT);
	cr_expect_eq(wn_today_recent_at(&r, 0), first + 59);
	cr_expect_eq(wn_today_recent_at(&r, 1), first + 58);
	cr_expect_eq(wn_today_recent_at(&r, 2), first + 56);
	/* the 32nd newest of the days 1, 2, 4, 5, ..., 58, 59 */
	cr_expect_eq(wn_today_recent_at(&r, 31), first + 13);
	struct wn_today_recent few = { .n = 0 };
	struct wn_day_summary s = { .date = first, .n_doses = 2 };
	wn_today_recent_add(&few, &s);
	cr_expect_eq(wn_today_recent_count(&few), 1);
	cr_expect_eq(wn_today_recent_at(&few, 0), first);
}

/* ---- a dose line ------------------------------------------------------------ */

struct dose_case {
	const char *name;
	int n;                       /* doses of the medication, from doses[] */
	double planned, usual;
	bool logged;
	const char *text;
};

static const struct dose_case dose_cases[] = {
	{ .name = "as planned", .n = 2, .planned = 75, .usual = 50, .logged = true,
	  .text = "50 mg at 08:00, 25 mg at --:-- (as planned)" },
	{ .name = "different", .n = 1, .planned = 75, .usual = 50, .logged = true,
	  .text = "50 mg at 08:00 (~ planned 75)" },
	{ .name = "no plan", .n = 1, .planned = N, .usual = 50, .logged = true,
	  .text = "50 mg at 08:00" },
	{ .name = "planned, not recorded", .n = 0, .planned = 40, .usual = 40,
	  .text = "not recorded | d logs the planned 40 mg" },
	{ .name = "usual, not recorded", .n = 0, .planned = N, .usual = 12.5,
	  .text = "not recorded | d logs the usual 12.5 mg" },
	{ .name = "the usual is not the planned", .n = 0, .planned = 40, .usual = 25,
	  .text = "not recorded | d logs the usual 25 mg" },
	{ .name = "nothing known", .n = 0, .planned = N, .usual = N,
	  .text = "not recorded | Enter to log a dose" },
};

Test(today, dose_lines)
{
	struct wn_med med = { .id = 7, .name = "sertraline", .unit = "mg" };
	struct wn_dose doses[] = {
		{ .med_id = 7, .minute = 480, .amount = 50 },
		{ .med_id = 7, .minute = -1, .amount = 25 },
	};
	struct wn_dose other = { .med_id = 8, .minute = 600, .amount = 1 };
	for (size_t i = 0; i < sizeof dose_cases / sizeof *dose_cases; i++) {
		const struct dose_case *c = &dose_cases[i];
		struct wn_dose all[3];
		memcpy(all, doses, sizeof doses);
		all[c->n] = other;
		struct wn_day day = { .doses = all, .n_doses = (size_t)c->n + 1 };
		struct wn_today_dose_line l = { .day = &day, .med = &med,
			.planned = c->planned, .usual = c->usual, .sep = " | " };
		char buf[256];
		cr_expect_eq(wn_today_dose_text(&l, buf, sizeof buf), c->logged, "%s", c->name);
		cr_expect_str_eq(buf, c->text, "%s", c->name);
	}
}

/* Issue 14: a dose recorded as not taken (amount 0) reads "skipped", with
 * or without a plan, and is never the usual dose `d` logs. */
Test(today, a_skipped_dose)
{
	struct wn_med med = { .id = 7, .name = "sertraline", .unit = "mg" };
	struct wn_dose skip = { .med_id = 7, .minute = -1, .amount = 0 };
	struct wn_day day = { .doses = &skip, .n_doses = 1 };
	struct wn_today_dose_line l = { .day = &day, .med = &med, .planned = 40,
	                                .usual = 40, .sep = " | " };
	char buf[256];
	cr_expect(wn_today_dose_text(&l, buf, sizeof buf));
	cr_expect_str_eq(buf, "skipped (planned 40 mg) | x removes it");
	l.planned = N;
	cr_expect(wn_today_dose_text(&l, buf, sizeof buf));
	cr_expect_str_eq(buf, "skipped (not taken) | x removes it");
	double usual = N;
	cr_expect_eq(wn_today_usual_take(&day, &med, 1, &usual), 1, "a skip is no usual dose");
	cr_expect(isnan(usual));
}

struct parse_dose_case {
	const char *text;
	int rc;
	double amount;
	int minute;
};

static const struct parse_dose_case parse_dose_cases[] = {
	{ .text = "50", .rc = WN_OK, .amount = 50, .minute = 600 },
	{ .text = "50 08:10", .rc = WN_OK, .amount = 50, .minute = 490 },
	{ .text = "50mg @ 8:10", .rc = WN_OK, .amount = 50, .minute = 490 },
	{ .text = "12.5 at 21:00", .rc = WN_OK, .amount = 12.5, .minute = 1260 },
	{ .text = "50 mg", .rc = WN_OK, .amount = 50, .minute = 600 },
	{ .text = "0", .rc = WN_USAGE },
	{ .text = "-5", .rc = WN_USAGE },
	{ .text = "abc", .rc = WN_USAGE },
	{ .text = "50 24:00", .rc = WN_USAGE },
	{ .text = "50 8:60", .rc = WN_USAGE },
	{ .text = "50 8:10 pm", .rc = WN_USAGE },
};

Test(today, typed_doses)
{
	for (size_t i = 0; i < sizeof parse_dose_cases / sizeof *parse_dose_cases; i++) {
		const struct parse_dose_case *c = &parse_dose_cases[i];
		double amount = 0;
		int minute = 0;
		int rc = wn_today_parse_dose(c->text, 600, &amount, &minute);
		cr_expect_eq(rc, c->rc, "'%s'", c->text);
		if (rc == WN_OK && c->rc == WN_OK)
			cr_expect(same(amount, c->amount) && minute == c->minute,
			          "'%s': %g at %d", c->text, amount, minute);
	}
}

/* ---- typing values ----------------------------------------------------- */

#define KEYS 4

struct type_case {
	const char *name;
	int kind[KEYS];              /* the field of each key */
	const char *keys;            /* one character per key */
	long long ms[KEYS];
	int result[KEYS];
	double value[KEYS];          /* for SET and WAIT */
};

static const struct type_case type_cases[] = {
	{ .name = "1 0 quickly is 10", .keys = "10", .ms = { 0, 500 },
	  .result = { WN_TODAY_TYPED_SET, WN_TODAY_TYPED_SET }, .value = { 1, 10 } },
	{ .name = "1, a pause, 0 is 0", .keys = "10", .ms = { 0, 1200 },
	  .result = { WN_TODAY_TYPED_SET, WN_TODAY_TYPED_SET }, .value = { 1, 0 } },
	{ .name = "past the top starts again", .keys = "55", .ms = { 0, 100 },
	  .result = { WN_TODAY_TYPED_SET, WN_TODAY_TYPED_SET }, .value = { 5, 5 } },
	{ .name = "mood takes no point", .keys = "7.", .ms = { 0, 100 },
	  .result = { WN_TODAY_TYPED_SET, WN_TODAY_TYPED_NO_DOT }, .value = { 7 } },
	{ .name = "7 . 5 hours of sleep",
	  .kind = { WN_TODAY_SLEEP, WN_TODAY_SLEEP, WN_TODAY_SLEEP },
	  .keys = "7.5", .ms = { 0, 100, 200 },
	  .result = { WN_TODAY_TYPED_SET, WN_TODAY_TYPED_WAIT, WN_TODAY_TYPED_SET },
	  .value = { 7, 7, 7.5 } },
	{ .name = "sleep by half hours",
	  .kind = { WN_TODAY_SLEEP, WN_TODAY_SLEEP, WN_TODAY_SLEEP },
	  .keys = "7.2", .ms = { 0, 100, 200 },
	  .result = { WN_TODAY_TYPED_SET, WN_TODAY_TYPED_WAIT, WN_TODAY_TYPED_SET },
	  .value = { 7, 7, 7 } },
	{ .name = "a point first is 0.",
	  .kind = { WN_TODAY_SLEEP, WN_TODAY_SLEEP },
	  .keys = ".5", .ms = { 0, 100 },
	  .result = { WN_TODAY_TYPED_WAIT, WN_TODAY_TYPED_SET }, .value = { 0, 0.5 } },
	{ .name = "a second point",
	  .kind = { WN_TODAY_SLEEP, WN_TODAY_SLEEP, WN_TODAY_SLEEP },
	  .keys = "7..", .ms = { 0, 100, 200 },
	  .result = { WN_TODAY_TYPED_SET, WN_TODAY_TYPED_WAIT, WN_TODAY_TYPED_NO_DOT },
	  .value = { 7, 7 } },
	{ .name = "25 hours start again",
	  .kind = { WN_TODAY_SLEEP, WN_TODAY_SLEEP },
	  .keys = "25", .ms = { 0, 100 },
	  .result = { WN_TODAY_TYPED_SET, WN_TODAY_TYPED_SET }, .value = { 2, 5 } },
	{ .name = "another field starts again",
	  .kind = { WN_TODAY_MOOD, WN_TODAY_ANXIETY },
	  .keys = "10", .ms = { 0, 100 },
	  .result = { WN_TODAY_TYPED_SET, WN_TODAY_TYPED_SET }, .value = { 1, 0 } },
	{ .name = "below a custom range",
	  .kind = { WN_TODAY_CUSTOM, WN_TODAY_CUSTOM },
	  .keys = "03", .ms = { 0, 100 },
	  .result = { WN_TODAY_TYPED_RANGE, WN_TODAY_TYPED_SET }, .value = { 0, 3 } },
};

Test(today, digits_typed_quickly_make_one_number)
{
	struct wn_config cfg;
	test_config(&cfg);
	for (size_t i = 0; i < sizeof type_cases / sizeof *type_cases; i++) {
		const struct type_case *c = &type_cases[i];
		struct wn_today_typing t = { .kind = 0 };
		for (size_t k = 0; c->keys[k]; k++) {
			/* custom metrics here are "focus", 1-5 */
			int idx = c->kind[k] == WN_TODAY_CUSTOM ? 1 : 0;
			struct wn_today_key key = { .kind = c->kind[k], .idx = idx,
				.c = c->keys[k], .ms = 10000 + c->ms[k],
				.range = wn_today_metric_range(&cfg, c->kind[k], idx) };
			double v = NAN;
			int r = wn_today_type(&t, &key, &v);
			cr_expect_eq(r, c->result[k], "%s: key %zu", c->name, k);
			if (r == WN_TODAY_TYPED_SET || r == WN_TODAY_TYPED_WAIT)
				cr_expect(same(v, c->value[k]), "%s: key %zu gave %g", c->name, k, v);
		}
	}
}

Test(today, a_reset_starts_a_new_number)
{
	struct wn_today_typing t = { .kind = 0 };
	struct wn_today_key one = { .c = '1', .ms = 0, .range = { 0, 10 } };
	struct wn_today_key zero = { .c = '0', .ms = 100, .range = { 0, 10 } };
	double v;
	wn_today_type(&t, &one, &v);
	wn_today_typing_reset(&t);
	cr_expect_eq(wn_today_type(&t, &zero, &v), WN_TODAY_TYPED_SET);
	cr_expect(same(v, 0));
}

struct value_line_case {
	int kind;
	const char *text;
	int rc;
	double v;
};

static const struct value_line_case value_line_cases[] = {
	{ .kind = WN_TODAY_MOOD, .text = " 7 ", .rc = WN_OK, .v = 7 },
	{ .kind = WN_TODAY_MOOD, .text = "7.4", .rc = WN_OK, .v = 7 },
	{ .kind = WN_TODAY_SLEEP, .text = "7.3", .rc = WN_OK, .v = 7.5 },
	{ .kind = WN_TODAY_SLEEP, .text = "7.2", .rc = WN_OK, .v = 7 },
	{ .kind = WN_TODAY_CUSTOM, .text = "2.25", .rc = WN_OK, .v = 2.25 },
	{ .kind = WN_TODAY_MOOD, .text = "", .rc = WN_OK, .v = N },
	{ .kind = WN_TODAY_SLEEP, .text = "   ", .rc = WN_OK, .v = N },
	{ .kind = WN_TODAY_MOOD, .text = "11", .rc = WN_USAGE },
	{ .kind = WN_TODAY_MOOD, .text = "-1", .rc = WN_USAGE },
	{ .kind = WN_TODAY_MOOD, .text = "7x", .rc = WN_USAGE },
	{ .kind = WN_TODAY_SLEEP, .text = "nan", .rc = WN_USAGE },
};

Test(today, values_typed_as_a_line)
{
	for (size_t i = 0; i < sizeof value_line_cases / sizeof *value_line_cases; i++) {
		const struct value_line_case *c = &value_line_cases[i];
		struct wn_today_range r = { 0, c->kind == WN_TODAY_SLEEP ? 24 : 10 };
		double v = 99;
		int rc = wn_today_parse_value(c->kind, c->text, r, &v);
		cr_expect_eq(rc, c->rc, "'%s'", c->text);
		if (c->rc == WN_OK)
			cr_expect(same(v, c->v), "'%s' gave %g", c->text, v);
	}
}

struct step_case {
	int kind;
	double v;
	int dir;
	double lo, hi, want;
};

static const struct step_case step_cases[] = {
	{ .kind = WN_TODAY_MOOD, .v = N, .dir = 1, .lo = 0, .hi = 10, .want = 0 },
	{ .kind = WN_TODAY_MOOD, .v = N, .dir = -1, .lo = 0, .hi = 10, .want = 0 },
	{ .kind = WN_TODAY_MOOD, .v = 4, .dir = 1, .lo = 0, .hi = 10, .want = 5 },
	{ .kind = WN_TODAY_MOOD, .v = 10, .dir = 1, .lo = 0, .hi = 10, .want = N },
	{ .kind = WN_TODAY_SLEEP, .v = N, .dir = -1, .lo = 0, .hi = 24, .want = 7 },
	{ .kind = WN_TODAY_SLEEP, .v = 7, .dir = -1, .lo = 0, .hi = 24, .want = 6.5 },
	{ .kind = WN_TODAY_SLEEP, .v = 0, .dir = -1, .lo = 0, .hi = 24, .want = N },
	{ .kind = WN_TODAY_CUSTOM, .v = N, .dir = 1, .lo = 1, .hi = 5, .want = 1 },
	{ .kind = WN_TODAY_CUSTOM, .v = 1, .dir = -1, .lo = 1, .hi = 5, .want = N },
};

struct rating_case {
	int v, dir;
	bool ok;
	int out, cycled;
};

static const struct rating_case rating_cases[] = {
	{ .v = WN_UNSET, .dir = 1, .ok = true, .out = 1, .cycled = 1 },
	{ .v = WN_UNSET, .dir = -1, .ok = true, .out = 0, .cycled = 1 },
	{ .v = 0, .dir = -1, .ok = false, .out = -1, .cycled = 1 },
	{ .v = 2, .dir = 1, .ok = true, .out = 3, .cycled = 3 },
	{ .v = 3, .dir = 1, .ok = false, .out = 4, .cycled = 0 },
};

Test(today, plus_and_minus)
{
	for (size_t i = 0; i < sizeof step_cases / sizeof *step_cases; i++) {
		const struct step_case *c = &step_cases[i];
		double v = wn_today_step_metric(c->kind, c->v,
		                                (struct wn_today_range){ c->lo, c->hi }, c->dir);
		cr_expect(same(v, c->want), "case %zu: %g", i, v);
	}
	for (size_t i = 0; i < sizeof rating_cases / sizeof *rating_cases; i++) {
		const struct rating_case *c = &rating_cases[i];
		int out;
		cr_expect_eq(wn_today_step_rating(c->v, c->dir, &out), c->ok, "case %zu", i);
		cr_expect_eq(out, c->out, "case %zu: out", i);
		cr_expect_eq(wn_today_cycle_rating(c->v), c->cycled, "case %zu: cycle", i);
	}
}
