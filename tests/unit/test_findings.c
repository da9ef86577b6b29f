/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_findings.c -- a plan review made ready for the screens
 * (core/findings.h): hand-made reviews, and one plan reviewed as `plan
 * add` and the TUI review it (sertraline on 50 mg tablets only). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "core/findings.h"
#include "core/taper_form.h"

#define D(y, m, d) wn_date_from_ymd((y), (m), (d))
#define W WN_REVIEW_WARNING
#define C WN_REVIEW_CAUTION
#define I WN_REVIEW_INFO

struct fcase {
	enum wn_review_level level;
	int step, step_to;
	const char *text, *brief;
};

/* A review of the findings in cases[0 .. n), counted as the review does. */
static void make(struct wn_review *r, struct wn_review_finding *f,
                 const struct fcase *cases, int n)
{
	memset(r, 0, sizeof *r);
	for (int i = 0; i < n; i++) {
		memset(&f[i], 0, sizeof f[i]);
		f[i].kind = WN_REVIEW_ROUNDING_JUMP;
		f[i].level = cases[i].level;
		f[i].step = cases[i].step;
		f[i].step_to = cases[i].step_to;
		snprintf(f[i].text, sizeof f[i].text, "%s", cases[i].text);
		snprintf(f[i].brief, sizeof f[i].brief, "%s", cases[i].brief);
		r->n_warnings += cases[i].level == W;
		r->n_cautions += cases[i].level == C;
		if (cases[i].level > r->worst)
			r->worst = cases[i].level;
	}
	r->findings = f;
	r->n_findings = n;
}

static const struct fcase three[] = {
	{ C, 2, 2, "Step 2 keeps the dose of step 1.", "step 2 keeps the dose" },
	{ W, 1, 1, "Step 1 cuts 50% of the dose, where the plan asks for 10%; a liquid "
	  "would allow a step closer to that.", "step 1 cuts 50% after rounding" },
	{ I, -1, -1, "The whole plan.", "a note" },
	{ W, 3, 5, "Steps 3 to 5 are faster than the published pace.",
	  "steps 3-5 faster than the published pace" },
};

Test(findings, counts_and_question)
{
	struct wn_review r;
	struct wn_review_finding f[4];
	char buf[128];
	make(&r, f, three, 4);
	wn_findings_counts(&r, buf, sizeof buf);
	cr_expect_str_eq(buf, "2 warnings, 1 caution, 1 note");
	wn_findings_question("Save this plan", &r, buf, sizeof buf);
	cr_expect_str_eq(buf, "Save this plan with its 2 warnings? y/N");
	make(&r, f, three + 1, 1);
	wn_findings_counts(&r, buf, sizeof buf);
	cr_expect_str_eq(buf, "1 warning");
	wn_findings_question("Record it", &r, buf, sizeof buf);
	cr_expect_str_eq(buf, "Record it with its warning? y/N");
	make(&r, f, three, 0);
	wn_findings_counts(&r, buf, sizeof buf);
	cr_expect_str_eq(buf, "no findings");
	wn_findings_counts(NULL, buf, sizeof buf);
	cr_expect_str_eq(buf, "no findings");
	cr_expect_str_eq(wn_findings_tag(W), "WARNING");
	cr_expect_str_eq(wn_findings_tag(I), "NOTE");
}

Test(findings, worst_on_a_step)
{
	struct wn_review r;
	struct wn_review_finding f[5];
	const struct fcase cases[] = {
		three[0], three[1], three[2], three[3],
		{ C, 4, 4, "Step 4 switches forms.", "form switch at step 4" },
	};
	make(&r, f, cases, 5);
	struct { int step; int want; } c[] = {
		{ 0, -1 }, { 1, 1 }, { 2, 0 }, { 3, 3 }, { 4, 3 }, { 5, 3 }, { 6, -1 },
		{ -1, -1 },
	};
	for (size_t i = 0; i < sizeof c / sizeof *c; i++) {
		const struct wn_review_finding *got = wn_findings_on_step(&r, c[i].step);
		cr_expect_eq(got ? (int)(got - f) : -1, c[i].want, "step %d", c[i].step);
	}
	cr_expect_null(wn_findings_on_step(NULL, 1));
}

Test(findings, acknowledged_or_not)
{
	struct wn_review r;
	struct wn_review_finding f[4];
	struct wn_plan_ack ack = { .kind = "", .step = 1, .acked = "2026-11-20 09:30:00" };
	snprintf(ack.kind, sizeof ack.kind, "%s", wn_review_kind_name(WN_REVIEW_ROUNDING_JUMP));
	struct wn_plan p = { .acks = &ack, .n_acks = 1 };
	char buf[128];
	make(&r, f, three, 4);
	wn_findings_ack(&p, &f[1], buf, sizeof buf);
	cr_expect_str_eq(buf, "acknowledged on 2026-11-20");
	wn_findings_ack(&p, &f[3], buf, sizeof buf);
	cr_expect_str_eq(buf, "not acknowledged: it was not found when the plan was saved");
	wn_findings_ack(&p, &f[0], buf, sizeof buf);
	cr_expect_str_eq(buf, "", "a caution needs no acknowledgement");
}

/* The rows as "TAG|text" lines, for comparing. */
static void rows_text(const struct wn_findings_row *rows, int n, char *out, size_t sz)
{
	size_t k = 0;
	out[0] = '\0';
	for (int i = 0; i < n && k < sz; i++)
		k += (size_t)snprintf(out + k, sz - k, "%s|%s\n",
		                      rows[i].first && rows[i].finding >= 0
		                      ? wn_findings_tag(rows[i].level) : "", rows[i].text);
}

struct layout_case {
	const char *name;
	struct wn_findings_fit fit;
	const char *want;
};

static const struct layout_case layout_cases[] = {
	{ "room for every sentence, warnings first", { .cols = 49, .rows = 20 },
	  "WARNING|Step 1 cuts 50% of the dose, where the\n"
	  "|plan asks for 10%; a liquid would allow\n"
	  "|a step closer to that.\n"
	  "WARNING|Steps 3 to 5 are faster than the\n"
	  "|published pace.\n"
	  "CAUTION|Step 2 keeps the dose of step 1.\n"
	  "NOTE|The whole plan.\n" },
	{ "short of room: a few words for the first", { .cols = 49, .rows = 5 },
	  "WARNING|step 1 cuts 50% after rounding\n"
	  "WARNING|Steps 3 to 5 are faster than the\n"
	  "|published pace.\n"
	  "CAUTION|Step 2 keeps the dose of step 1.\n"
	  "NOTE|The whole plan.\n" },
	{ "fewer rows than findings: the last says how many more",
	  { .cols = 49, .rows = 3 },
	  "WARNING|step 1 cuts 50% after rounding\n"
	  "WARNING|steps 3-5 faster than the published pace\n"
	  "|... 2 more not shown\n" },
	{ "brief: a row each, as many as fit", { .cols = 80, .rows = 3, .brief = true },
	  "WARNING|step 1 cuts 50% after rounding\n"
	  "WARNING|steps 3-5 faster than the published pace\n"
	  "CAUTION|step 2 keeps the dose\n" },
};

Test(findings, layout)
{
	struct wn_review r;
	struct wn_review_finding f[4];
	struct wn_findings_row rows[24];
	char got[2048];
	make(&r, f, three, 4);
	for (size_t i = 0; i < sizeof layout_cases / sizeof *layout_cases; i++) {
		const struct layout_case *c = &layout_cases[i];
		int n = wn_findings_layout(&r, &c->fit, rows, 24);
		rows_text(rows, n, got, sizeof got);
		cr_expect_str_eq(got, c->want, "%s:\n%s", c->name, got);
		cr_expect_leq(n, c->fit.rows, "%s: within the box", c->name);
	}
	struct wn_findings_fit fit = { .cols = 80, .rows = 20 };
	cr_expect_eq(wn_findings_layout(&r, &fit, rows, 2), 2, "never past max");
}

/* The case: sertraline from 100 mg, 10% every 4 weeks, with only
 * "tablet 50 mg" recorded: 100 -> 50 -> 0, both cuts warnings. */
Test(findings, a_spec_reviewed_before_saving)
{
	struct wn_form form;
	struct wn_err err = { 0 };
	cr_assert_eq(wn_taper_form_parse("tablet 50 mg", &form, &err), WN_OK, "%s", err.msg);
	struct wn_med m = { .id = 1, .name = "sertraline", .unit = "mg" };
	struct wn_plan_spec s = { .med_id = 1, .method = WN_TAPER_PERCENT,
		.start = D(2026, 11, 25), .from_dose = 100, .step = 10, .every_days = 28,
		.agreed_on = WN_DATE_NONE };
	struct wn_plan_built b;
	struct wn_review r;
	struct wn_findings_plan in = { &s, &m, &form, 1 };
	cr_assert_eq(wn_findings_spec(&in, &b, &r, &err), WN_OK, "%s", err.msg);
	cr_expect_eq(b.sched.n, 3);
	cr_expect_eq(r.n_warnings, 2);
	const struct wn_review_finding *f = wn_findings_on_step(&r, 1);
	cr_assert_not_null(f);
	cr_expect_eq(f->level, WN_REVIEW_WARNING);
	cr_expect_str_eq(f->brief, "step 1 cuts 50% after rounding");
	wn_review_free(&r);
	wn_plan_built_free(&b);
	s.from_dose = 0;
	cr_expect_neq(wn_findings_spec(&in, &b, &r, &err), WN_OK, "a dose of 0 is refused");
	wn_review_free(&r);
	wn_plan_built_free(&b);
}
