/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for plan.c: plans, holds and reinstatements kept in a diary,
 * and planned vs taken.  Each test works on a fresh diary in its own
 * temporary directory under $WEAN_TMP, $TMPDIR or /tmp. */
#include <criterion/criterion.h>

#include <errno.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/plan.h"
#include "db/db.h"
#include "core/plan.h"
#include "core/records.h"
#include "db/day.h"
#include "db/med.h"
#include "sqlq.h"
#include "tmpdir.h"
#include "db/db_int.h"   /* the raw handle, to look into the file */

#define N_OF(a) (sizeof(a) / sizeof *(a))

static char dir[4096];
static struct wn_db *db;
static struct wn_err err;
static long sertraline;

static long add_med(const char *name)
{
	struct wn_med m = { 0 };
	snprintf(m.name, sizeof m.name, "%s", name);
	snprintf(m.unit, sizeof m.unit, "mg");
	long id = 0;
	cr_assert_eq(wn_db_med_add(db, &m, &id, &err), WN_OK, "%s", err.msg);
	return id;
}

static void setup(void)
{
	wn_test_mkdtemp(dir, sizeof dir, "plan");
	char path[4200];
	snprintf(path, sizeof path, "%s/wean.db", dir);
	setenv("WEAN_TODAY", "2026-11-25", 1);
	struct wn_db_opts o = { .path = path, .create = true };
	wn_err_clear(&err);
	cr_assert_eq(wn_db_open(&db, &o, &err), WN_OK, "%s", err.msg);
	sertraline = add_med("sertraline");
}

static void teardown(void)
{
	wn_db_close(db);
	db = NULL;
	wn_test_rmtree(dir);
}

TestSuite(plan, .init = setup, .fini = teardown);

static wn_date D(int y, int m, int d)
{
	return wn_date_from_ymd(y, m, d);
}

static long count(const char *sql)
{
	return wn_test_db_long(db, sql);
}

/* The example: 50 mg, 10% every 4 weeks, rounded to 0.5 mg. */
static struct wn_plan_spec sertraline_spec(void)
{
	return (struct wn_plan_spec){
		.med_id = sertraline, .method = WN_TAPER_PERCENT,
		.start = D(2026, 1, 5), .from_dose = 50, .step = 10,
		.every_days = 28, .round_q = 0.5,
	};
}

static long add_plan(const struct wn_plan_spec *s)
{
	long id = 0;
	cr_assert_eq(wn_db_plan_add(db, s, &id, &err), WN_OK, "%s", err.msg);
	cr_assert_gt(id, 0);
	return id;
}

/* Loads the active plan of med and builds its schedule. */
static void load_built(long med, struct wn_plan *p, struct wn_schedule *s)
{
	cr_assert_eq(wn_db_plan_load(db, med, p, &err), WN_OK, "%s", err.msg);
	cr_assert_eq(wn_plan_build(p, NULL, s, &err), WN_OK, "%s", err.msg);
}

/* ---- adding and loading ------------------------------------------------------ */

Test(plan, add_then_load_gives_the_schedule)
{
	struct wn_plan_spec s = sertraline_spec();
	long id = add_plan(&s);
	struct wn_plan p;
	struct wn_schedule sch;
	load_built(sertraline, &p, &sch);
	cr_expect_eq(p.id, id);
	cr_expect(p.active);
	cr_expect_eq(p.params.method, WN_TAPER_PERCENT);
	cr_expect_eq(p.params.start, D(2026, 1, 5));
	cr_expect_float_eq(p.params.from_dose, 50, 1e-9);
	cr_expect_float_eq(p.params.step, 10, 1e-9);
	cr_expect_eq(p.params.every_days, 28);
	cr_expect_float_eq(p.params.round_q, 0.5, 1e-9);
	cr_expect_eq(p.n_holds, 0);
	/* 50 -> 45 -> 40.5 -> 36.45 ~ 36.5 -> 32.85 ~ 33 -> 29.7 ~ 29.5 */
	static const double doses[] = { 50, 45, 40.5, 36.5, 33, 29.5 };
	for (size_t i = 0; i < N_OF(doses); i++) {
		cr_expect_float_eq(sch.steps[i].dose, doses[i], 1e-9, "step %zu", i);
		cr_expect_eq(sch.steps[i].date, D(2026, 1, 5) + 28 * (long)i);
	}
	cr_expect_eq(sch.steps[5].date, D(2026, 5, 25));
	wn_taper_free(&sch);
	wn_plan_free(&p);
}

Test(plan, a_new_plan_replaces_the_active_one)
{
	struct wn_plan_spec s = sertraline_spec();
	long first = add_plan(&s);
	cr_assert_eq(wn_db_plan_hold(db, sertraline, D(2026, 3, 2), "wait", &err), WN_OK, "%s", err.msg);
	s.method = WN_TAPER_LINEAR;
	s.step = 5;
	s.start = D(2026, 4, 1);
	long second = add_plan(&s);
	cr_expect_neq(first, second);
	cr_expect_eq(count("SELECT count(*) FROM plan"), 2, "the old plan is kept");
	cr_expect_eq(count("SELECT count(*) FROM plan WHERE active = 1"), 1);
	cr_expect_eq(count("SELECT count(*) FROM hold WHERE end_date IS NULL"), 0,
	             "the old plan's open hold was closed");
	cr_expect_eq(count("SELECT count(*) FROM hold WHERE end_date = '2026-04-01'"), 1);
	struct wn_plan p;
	cr_assert_eq(wn_db_plan_load(db, sertraline, &p, &err), WN_OK, "%s", err.msg);
	cr_expect_eq(p.id, second);
	cr_expect_eq(p.params.method, WN_TAPER_LINEAR);
	cr_expect_eq(p.n_events, 0, "holds belong to their own plan");
	wn_plan_free(&p);
}

struct bad_spec {
	const char *what;
	void (*change)(struct wn_plan_spec *s);
	int code;
};

static void zero_dose(struct wn_plan_spec *s) { s->from_dose = 0; }
static void neg_dose(struct wn_plan_spec *s) { s->from_dose = -5; }
static void zero_step(struct wn_plan_spec *s) { s->step = 0; }
static void full_step(struct wn_plan_spec *s) { s->step = 100; }
static void zero_every(struct wn_plan_spec *s) { s->every_days = 0; }
static void no_start(struct wn_plan_spec *s) { s->start = WN_DATE_NONE; }
static void high_target(struct wn_plan_spec *s) { s->to_dose = 50; }
static void occ_no_params(struct wn_plan_spec *s) { s->method = WN_TAPER_OCCUPANCY; }
static void custom_empty(struct wn_plan_spec *s) { s->method = WN_TAPER_CUSTOM; }
static void unknown_med(struct wn_plan_spec *s) { s->med_id = 9999; }
static void bad_region(struct wn_plan_spec *s) { s->region = "stri\natum"; }

static const struct bad_spec bad_specs[] = {
	{ .what = "zero dose", .change = zero_dose, .code = WN_USAGE },
	{ .what = "negative dose", .change = neg_dose, .code = WN_USAGE },
	{ .what = "0% step", .change = zero_step, .code = WN_USAGE },
	{ .what = "100% step", .change = full_step, .code = WN_USAGE },
	{ .what = "every 0 days", .change = zero_every, .code = WN_USAGE },
	{ .what = "no start", .change = no_start, .code = WN_USAGE },
	{ .what = "target at the start dose", .change = high_target, .code = WN_USAGE },
	{ .what = "occupancy without parameters", .change = occ_no_params, .code = WN_DATAERR },
	{ .what = "custom without steps", .change = custom_empty, .code = WN_DATAERR },
	{ .what = "unknown medication", .change = unknown_med, .code = WN_NOINPUT },
	{ .what = "region with a newline", .change = bad_region, .code = WN_DATAERR },
};

Test(plan, bad_plans_are_refused_and_nothing_is_written)
{
	for (size_t i = 0; i < N_OF(bad_specs); i++) {
		struct wn_plan_spec s = sertraline_spec();
		bad_specs[i].change(&s);
		wn_err_clear(&err);
		int rc = wn_db_plan_add(db, &s, NULL, &err);
		cr_expect_eq(rc, bad_specs[i].code, "%s: got %d (%s)", bad_specs[i].what, rc, err.msg);
		cr_expect_neq(err.msg[0], '\0', "%s: a message", bad_specs[i].what);
	}
	cr_expect_eq(count("SELECT count(*) FROM plan"), 0);
	struct wn_plan p;
	cr_expect_eq(wn_db_plan_load(db, sertraline, &p, &err), WN_NOINPUT);
	wn_plan_free(&p);
}

Test(plan, occupancy_plan_with_the_drugs_parameters)
{
	struct wn_drug d = { .name = "citalopram", .has_sert = true, .emax = 83.98,
	                     .ed50 = 2.33, .region = "striatum" };
	long cit = add_med("citalopram");
	struct wn_plan_spec s = { .med_id = cit, .method = WN_TAPER_OCCUPANCY,
	                          .start = D(2026, 12, 1), .from_dose = 20, .step = 10,
	                          .every_days = 14 };
	cr_assert_eq(wn_plan_sert(&d, NULL, &s.emax, &s.ed50, &err), WN_OK);
	add_plan(&s);
	struct wn_plan p;
	struct wn_schedule sch;
	cr_assert_eq(wn_db_plan_load(db, cit, &p, &err), WN_OK, "%s", err.msg);
	cr_expect_eq(wn_plan_build(&p, NULL, &sch, &err), WN_DATAERR,
	             "without the drug there are no parameters");
	cr_assert_eq(wn_plan_build(&p, &d, &sch, &err), WN_OK, "%s", err.msg);
	/* domain README 1.3: 8.1 -> 4.47 -> 2.72 -> 1.68 -> 1.00 -> 0.52 -> 0.15 -> 0 */
	static const double want[] = { 20, 8.1, 4.47, 2.72, 1.68, 1.00, 0.52, 0.15, 0 };
	cr_assert_eq(sch.n, (int)N_OF(want));
	for (size_t i = 0; i < N_OF(want); i++)
		cr_expect_float_eq(sch.steps[i].dose, want[i], 0.011, "step %zu: %g", i,
		                   sch.steps[i].dose);
	wn_taper_free(&sch);
	wn_plan_free(&p);
}

Test(plan, custom_steps_round_trip)
{
	const struct wn_taper_point pts[] = {
		{ .date = D(2026, 10, 15), .dose = 1.75 }, { .date = D(2026, 11, 1), .dose = 1.5 },
		{ .date = D(2026, 12, 1), .dose = 0 },
	};
	struct wn_plan_spec s = { .med_id = sertraline, .method = WN_TAPER_CUSTOM,
	                          .start = D(2026, 10, 1), .from_dose = 2, .custom = pts,
	                          .n_custom = 3 };
	add_plan(&s);
	struct wn_plan p;
	struct wn_schedule sch;
	load_built(sertraline, &p, &sch);
	cr_assert_eq(p.n_custom, 3);
	cr_assert_eq(sch.n, 4);
	for (int i = 0; i < 3; i++) {
		cr_expect_eq(p.custom[i].date, pts[i].date);
		cr_expect_float_eq(p.custom[i].dose, pts[i].dose, 1e-9);
		cr_expect_eq(sch.steps[i + 1].date, pts[i].date);
	}
	cr_expect_eq(count("SELECT count(*) FROM plan WHERE step IS NULL AND every_days IS NULL"), 1);
	wn_taper_free(&sch);
	wn_plan_free(&p);
}

Test(plan, forms_of_the_medication_are_used_for_rounding)
{
	struct wn_med_form f = { .med_id = sertraline, .kind = WN_FORM_TABLET,
	                         .strength = 25, .divisible = 2,
	                         .label = "tablet 25 mg half" };
	cr_assert_eq(wn_db_form_add(db, &f, NULL, &err), WN_OK, "%s", err.msg);
	struct wn_plan_spec s = sertraline_spec();
	s.round_q = 0;                 /* the forms decide */
	s.step = 25;
	add_plan(&s);
	struct wn_plan p;
	struct wn_schedule sch;
	load_built(sertraline, &p, &sch);
	cr_assert_eq(p.n_forms, 1);
	cr_expect_eq(p.forms[0].kind, WN_TAPER_TABLET, "stored kinds map by value");
	cr_expect_eq(p.forms[0].divisible, 2);
	cr_expect_float_eq(p.forms[0].strength_mg, 25, 1e-9);
	cr_expect_str_eq(p.forms[0].label, "tablet", "the words before the amount");
	/* 50 -> 37.5 (1 x 25 + 1/2 x 25) */
	cr_expect_float_eq(sch.steps[1].dose, 37.5, 1e-9);
	cr_expect_str_eq(sch.steps[1].how, "1 x 25 mg + 1/2 x 25 mg");
	wn_taper_free(&sch);
	wn_plan_free(&p);
}

/* ---- holds ---------------------------------------------------------------------- */

Test(plan, hold_freezes_and_resume_shifts_later_steps)
{
	struct wn_plan_spec s = sertraline_spec();
	add_plan(&s);
	cr_assert_eq(wn_db_plan_hold(db, sertraline, D(2026, 3, 2), "dizzy", &err), WN_OK, "%s", err.msg);
	struct wn_plan p;
	struct wn_schedule sch;
	load_built(sertraline, &p, &sch);
	cr_expect_eq(p.n_holds, 1);
	cr_expect_eq(p.holds[0].end, WN_DATE_NONE);
	cr_expect_eq(sch.hold_since, D(2026, 3, 2));
	cr_expect_eq(sch.n_dated, 2, "the step due on the hold's first day waits");
	cr_expect(wn_taper_on_hold(&sch, D(2026, 11, 25)));
	cr_expect_float_eq(wn_plan_planned_on(&p, &sch, D(2026, 11, 25)), 45, 1e-9);
	wn_taper_free(&sch);
	wn_plan_free(&p);

	cr_assert_eq(wn_db_plan_resume(db, sertraline, D(2026, 3, 16), &err), WN_OK, "%s", err.msg);
	load_built(sertraline, &p, &sch);
	cr_expect_eq(sch.hold_since, WN_DATE_NONE);
	cr_expect_eq(sch.steps[1].date, D(2026, 2, 2), "before the hold: unchanged");
	for (int i = 2; i < sch.n; i++)
		cr_expect_eq(sch.steps[i].date, sch.steps[i].base_date + 14, "step %d", i);
	cr_expect_eq(sch.steps[2].date, D(2026, 3, 16));
	cr_expect_eq(sch.steps[5].date, D(2026, 6, 8));
	cr_assert_eq(p.n_events, 1);
	cr_expect_str_eq(p.events[0].reason, "dizzy");
	cr_expect_eq(p.events[0].end, D(2026, 3, 16));
	wn_taper_free(&sch);
	wn_plan_free(&p);
}

Test(plan, two_holds_add_up)
{
	struct wn_plan_spec s = sertraline_spec();
	add_plan(&s);
	cr_assert_eq(wn_db_plan_hold(db, sertraline, D(2026, 3, 2), NULL, &err), WN_OK, "%s", err.msg);
	cr_assert_eq(wn_db_plan_resume(db, sertraline, D(2026, 3, 9), &err), WN_OK, "%s", err.msg);
	cr_assert_eq(wn_db_plan_hold(db, sertraline, D(2026, 5, 1), "", &err), WN_OK, "%s", err.msg);
	cr_assert_eq(wn_db_plan_resume(db, sertraline, D(2026, 5, 11), &err), WN_OK, "%s", err.msg);
	struct wn_plan p;
	struct wn_schedule sch;
	load_built(sertraline, &p, &sch);
	cr_assert_eq(p.n_events, 2);
	cr_expect_null(p.events[0].reason);
	cr_expect_null(p.events[1].reason, "an empty reason is stored as none");
	cr_expect_eq(sch.steps[2].date, D(2026, 3, 2) + 7);
	cr_expect_eq(sch.steps[3].date, D(2026, 3, 30) + 7);
	cr_expect_eq(sch.steps[4].date, D(2026, 4, 27) + 7 + 10, "moved by both holds");
	wn_taper_free(&sch);
	wn_plan_free(&p);
}

Test(plan, hold_and_resume_refusals_write_nothing)
{
	cr_expect_eq(wn_db_plan_hold(db, sertraline, D(2026, 3, 2), NULL, &err), WN_NOINPUT,
	             "no plan yet");
	cr_expect_eq(wn_db_plan_resume(db, sertraline, D(2026, 3, 2), &err), WN_NOINPUT);
	struct wn_plan_spec s = sertraline_spec();
	add_plan(&s);
	cr_expect_eq(wn_db_plan_resume(db, sertraline, D(2026, 3, 2), &err), WN_DATAERR, "not on hold");
	cr_expect_eq(wn_db_plan_hold(db, sertraline, D(2025, 12, 1), NULL, &err), WN_DATAERR,
	             "before the plan");
	cr_assert_eq(wn_db_plan_hold(db, sertraline, D(2026, 3, 2), NULL, &err), WN_OK, "%s", err.msg);
	cr_expect_eq(wn_db_plan_hold(db, sertraline, D(2026, 3, 5), NULL, &err), WN_DATAERR,
	             "already on hold");
	cr_expect(strstr(err.msg, "2026-03-02") != NULL, "%s", err.msg);
	cr_expect_eq(wn_db_plan_resume(db, sertraline, D(2026, 3, 2), &err), WN_DATAERR,
	             "resume on the first day");
	cr_expect_eq(wn_db_plan_resume(db, sertraline, D(2026, 3, 1), &err), WN_DATAERR);
	cr_assert_eq(wn_db_plan_resume(db, sertraline, D(2026, 3, 16), &err), WN_OK, "%s", err.msg);
	cr_expect_eq(wn_db_plan_hold(db, sertraline, D(2026, 3, 10), NULL, &err), WN_DATAERR,
	             "a hold inside the last one");
	const char bad[] = "bad \x1b[31m reason";
	cr_expect_eq(wn_db_plan_hold(db, sertraline, D(2026, 4, 1), bad, &err), WN_DATAERR);
	cr_expect_eq(count("SELECT count(*) FROM hold"), 1);
	cr_expect_eq(count("SELECT count(*) FROM hold WHERE end_date = '2026-03-16'"), 1);
}

Test(plan, a_hold_inside_the_callers_transaction_rolls_back_with_it)
{
	struct wn_plan_spec s = sertraline_spec();
	add_plan(&s);
	cr_assert_eq(wn_db_begin(db, &err), WN_OK, "%s", err.msg);
	cr_assert_eq(wn_db_plan_hold(db, sertraline, D(2026, 3, 2), NULL, &err), WN_OK, "%s", err.msg);
	cr_expect_eq(wn_db_plan_hold(db, sertraline, D(2026, 3, 3), NULL, &err), WN_DATAERR);
	cr_expect_eq(count("SELECT count(*) FROM hold"), 1, "a refusal keeps the caller's work");
	wn_db_rollback(db);
	cr_expect_eq(count("SELECT count(*) FROM hold"), 0);
}

Test(plan, reinstatement_is_recorded_and_planned_until_the_next_step)
{
	struct wn_plan_spec s = sertraline_spec();
	add_plan(&s);
	struct wn_plan_reinstate r = { .med_id = sertraline, .on = D(2026, 3, 10),
	                               .dose = 45, .reason = "back up: insomnia" };
	cr_assert_eq(wn_db_plan_reinstate(db, &r, &err), WN_OK, "%s", err.msg);
	r.dose = 0;
	cr_expect_eq(wn_db_plan_reinstate(db, &r, &err), WN_DATAERR);
	r.dose = 40;
	r.on = D(2025, 1, 1);
	cr_expect_eq(wn_db_plan_reinstate(db, &r, &err), WN_DATAERR, "before the plan");
	struct wn_plan p;
	struct wn_schedule sch;
	load_built(sertraline, &p, &sch);
	cr_assert_eq(p.n_events, 1);
	cr_expect_eq(p.events[0].kind, WN_PLAN_REINSTATE);
	cr_expect_float_eq(p.events[0].dose, 45, 1e-9);
	cr_expect_str_eq(p.events[0].reason, "back up: insomnia");
	cr_expect_eq(p.n_holds, 0, "a reinstatement is not a hold");
	cr_expect_eq(count("SELECT count(*) FROM hold WHERE end_date IS NULL"), 0);
	cr_expect_float_eq(wn_plan_planned_on(&p, &sch, D(2026, 3, 9)), 40.5, 1e-9);
	cr_expect_float_eq(wn_plan_planned_on(&p, &sch, D(2026, 3, 10)), 45, 1e-9);
	cr_expect_float_eq(wn_plan_planned_on(&p, &sch, D(2026, 3, 29)), 45, 1e-9);
	cr_expect_float_eq(wn_plan_planned_on(&p, &sch, D(2026, 3, 30)), 36.5, 1e-9,
	                   "the next step is in force again");
	cr_expect(isnan(wn_plan_planned_on(&p, &sch, D(2026, 1, 4))));
	wn_taper_free(&sch);
	wn_plan_free(&p);
}

/* ---- SERT parameters -------------------------------------------------------------- */

Test(plan, sert_parameters_by_region)
{
	struct wn_drug d = { .name = "escitalopram", .has_sert = true, .emax = 75.35,
	                     .ed50 = 0.66, .region = "caudate",
	                     .sert_alt = "dorsal_raphe:89.57/2.72 | putamen:69.32/1.22" };
	double e = 0, k = 0;
	cr_expect_eq(wn_plan_sert(&d, NULL, &e, &k, &err), WN_OK);
	cr_expect_float_eq(e, 75.35, 1e-9);
	cr_expect_eq(wn_plan_sert(&d, "Caudate", &e, &k, &err), WN_OK);
	cr_expect_float_eq(k, 0.66, 1e-9);
	cr_expect_eq(wn_plan_sert(&d, "putamen", &e, &k, &err), WN_OK);
	cr_expect_float_eq(e, 69.32, 1e-9);
	cr_expect_float_eq(k, 1.22, 1e-9);
	cr_expect_eq(wn_plan_sert(&d, "dorsal_raphe", &e, &k, &err), WN_OK);
	cr_expect_float_eq(e, 89.57, 1e-9);
	cr_expect_eq(wn_plan_sert(&d, "cortex", &e, &k, &err), WN_DATAERR);
	cr_expect(strstr(err.msg, "caudate, dorsal_raphe, putamen") != NULL, "%s", err.msg);
	cr_expect_eq(wn_plan_sert(&d, "puta", &e, &k, &err), WN_DATAERR, "no prefix match");
	d.has_sert = false;
	cr_expect_eq(wn_plan_sert(&d, NULL, &e, &k, &err), WN_DATAERR);
	cr_expect(strstr(err.hint, "percent") != NULL, "%s", err.hint);
}

/* ---- planned vs taken --------------------------------------------------------------- */

static void dose(long med, wn_date d, int minute, double amount)
{
	struct wn_dose x = { .date = d, .minute = minute, .med_id = med, .amount = amount };
	cr_assert_eq(wn_db_dose_add(db, &x, NULL, &err), WN_OK, "%s", err.msg);
}

static void checkin(wn_date d)
{
	struct wn_checkin_patch p = { .date = d, .mood = 5, .set = WN_SET_MOOD,
	                              .anxiety = WN_UNSET, .energy = WN_UNSET, .sleep = NAN };
	cr_assert_eq(wn_db_checkin_update(db, &p, &err), WN_OK, "%s", err.msg);
}

static void skip(long med, wn_date d)
{
	cr_assert_eq(wn_db_dose_skip(db, d, med, NULL, &err), WN_OK, "%s", err.msg);
}

/* Issue 14: a check-in without a dose, or another medication's dose, is
 * "not recorded", never "missed"; "skipped" is a dose recorded as not
 * taken; "different" is any other amount, higher or lower. */
Test(plan, planned_vs_taken_over_a_range)
{
	struct wn_plan_spec s = sertraline_spec();
	add_plan(&s);
	long other = add_med("lorazepam");
	wn_date a = D(2026, 1, 30);      /* step 0 (50 mg) until 02-01, then 45 mg */
	dose(sertraline, a, 480, 50);                 /* 01-30 as planned */
	dose(sertraline, a + 1, 480, 25);
	dose(sertraline, a + 1, 1200, 25);            /* 01-31 two records: as planned */
	checkin(a + 2);                               /* 02-01 check-in only: not recorded */
	dose(sertraline, a + 3, 480, 50);             /* 02-02 higher (45 planned): different */
	dose(sertraline, a + 4, -1, 40);              /* 02-03 lower: different */
	dose(other, a + 5, 480, 1);                   /* 02-04 another med only: not recorded */
	skip(sertraline, a + 6);                      /* 02-05 skipped */
	struct wn_plan p;
	struct wn_schedule sch;
	load_built(sertraline, &p, &sch);
	struct wn_plan_day days[9];
	struct wn_plan_range r = { .plan = &p, .sched = &sch, .from = a - 1, .to = a + 7 };
	cr_assert_eq(wn_db_plan_days(db, &r, days, &err), WN_OK, "%s", err.msg);
	static const enum wn_dose_status want[] = {
		WN_DOSE_NOT_RECORDED, WN_DOSE_AS_PLANNED, WN_DOSE_AS_PLANNED,
		WN_DOSE_NOT_RECORDED, WN_DOSE_DIFFERENT, WN_DOSE_DIFFERENT,
		WN_DOSE_NOT_RECORDED, WN_DOSE_SKIPPED, WN_DOSE_NOT_RECORDED };
	for (int i = 0; i < 9; i++) {
		cr_expect_eq(days[i].date, a - 1 + i);
		cr_expect_eq(days[i].status, want[i], "day %d: %s, want %s", i,
		             wn_vocab_dose_word(days[i].status), wn_vocab_dose_word(want[i]));
	}
	cr_expect_float_eq(days[2].taken, 50, 1e-9);
	cr_expect_eq(days[2].n_doses, 2);
	cr_expect_float_eq(days[4].planned, 45, 1e-9);
	cr_expect_eq(days[3].n_doses, 0);
	cr_expect(days[6].n_doses == 0 && days[6].taken == 0, "another med's dose is not taken");
	cr_expect(days[7].n_doses == 1 && days[7].taken == 0, "skipped: one dose of 0");
	wn_taper_free(&sch);
	wn_plan_free(&p);
}

/* Skipping replaces the day's doses of that medication; a dose taken
 * after all replaces the skip; other days and medications are kept. */
Test(plan, skipping_and_taking_replace_each_other)
{
	long other = add_med("lorazepam");
	wn_date d = D(2026, 2, 1);
	dose(sertraline, d, 480, 25);
	dose(sertraline, d, 1200, 25);
	dose(other, d, 480, 1);
	dose(sertraline, d + 1, 480, 50);
	skip(sertraline, d);
	struct wn_day day;
	cr_assert_eq(wn_db_day_load(db, d, &day, &err), WN_OK, "%s", err.msg);
	cr_expect_eq(day.n_doses, 2, "the skip and lorazepam's dose");
	for (size_t i = 0; i < day.n_doses; i++)
		if (day.doses[i].med_id == sertraline)
			cr_expect(day.doses[i].amount == 0 && day.doses[i].minute == -1);
	wn_day_free(&day);
	skip(sertraline, d);                          /* twice: still one */
	dose(sertraline, d, 600, 50);                 /* taken after all */
	cr_assert_eq(wn_db_day_load(db, d, &day, &err), WN_OK, "%s", err.msg);
	cr_expect_eq(day.n_doses, 2);
	for (size_t i = 0; i < day.n_doses; i++)
		if (day.doses[i].med_id == sertraline)
			cr_expect(day.doses[i].amount == 50 && day.doses[i].minute == 600);
	wn_day_free(&day);
	cr_assert_eq(wn_db_day_load(db, d + 1, &day, &err), WN_OK, "%s", err.msg);
	cr_expect(day.n_doses == 1 && day.doses[0].amount == 50, "the next day kept");
	wn_day_free(&day);
	struct wn_dose zero = { .date = d, .minute = -1, .med_id = sertraline, .amount = 0 };
	cr_expect_eq(wn_db_dose_add(db, &zero, NULL, &err), WN_DATAERR,
	             "a dose taken is above 0: a skip is wn_db_dose_skip");
	cr_expect_eq(wn_db_dose_skip(db, d, 999, NULL, &err), WN_NOINPUT);
	cr_expect_eq(wn_db_dose_skip(db, WN_DATE_NONE, sertraline, NULL, &err), WN_DATAERR);
}

Test(plan, planned_vs_taken_without_a_plan_and_bad_ranges)
{
	dose(sertraline, D(2026, 1, 1), 480, 50);
	struct wn_plan_day days[3];
	struct wn_plan_range r = { .med_id = sertraline, .from = D(2025, 12, 31),
	                           .to = D(2026, 1, 2) };
	cr_assert_eq(wn_db_plan_days(db, &r, days, &err), WN_OK, "%s", err.msg);
	cr_expect_eq(days[1].status, WN_DOSE_NOT_PLANNED);
	cr_expect_float_eq(days[1].taken, 50, 1e-9);
	cr_expect(isnan(days[0].planned));
	r.to = r.from - 1;
	cr_expect_eq(wn_db_plan_days(db, &r, days, &err), WN_USAGE);
	r.to = r.from + 40000;
	cr_expect_eq(wn_db_plan_days(db, &r, days, &err), WN_USAGE);
}

/* ---- display in the medication's unit ---------------------------------------------- */

struct unit_case {
	const char *in, *unit, *out;
	size_t n;
};

static const struct unit_case unit_cases[] = {
	{ .in = "1 x 25 mg + 1/2 x 25 mg", .unit = "mcg", .out = "1 x 25 mcg + 1/2 x 25 mcg", .n = 64 },
	{ .in = "3.6 mL of 2 mg/mL", .unit = "mcg", .out = "3.6 mL of 2 mcg/mL", .n = 64 },
	{ .in = "tablet 25 mg /2", .unit = "mg", .out = "tablet 25 mg /2", .n = 64 },
	{ .in = "omg 5mg, mgx", .unit = "g", .out = "omg 5g, mgx", .n = 64 },
	{ .in = "none", .unit = "mcg", .out = "none", .n = 64 },
	{ .in = "25 mg + 1 mg", .unit = "mcg", .out = "25 mcg ", .n = 8 },
	{ .in = "25 mg", .unit = "mcg", .out = "25 ", .n = 6 },
};

Test(plan, taper_text_in_the_medications_unit)
{
	for (size_t i = 0; i < N_OF(unit_cases); i++) {
		const struct unit_case *c = &unit_cases[i];
		char out[64];
		memset(out, 'z', sizeof out);
		wn_plan_unit_text(c->in, c->unit, out, c->n);
		cr_expect_str_eq(out, c->out, "case %zu", i);
	}
}

Test(plan_words, every_and_steps)
{
	int days, n;
	struct wn_err e = { 0 };
	struct wn_taper_point pts[WN_PLAN_MAX_CUSTOM];
	wn_date today;
	cr_assert_eq(wn_date_parse_iso("2026-11-25", &today, NULL), WN_OK);
	cr_assert_eq(wn_plan_parse_every("4w", "every", &days, &e), WN_OK);
	cr_assert_eq(days, 28);
	cr_assert_eq(wn_plan_parse_every("14d", "every", &days, &e), WN_OK);
	cr_assert_eq(days, 14);
	cr_assert_eq(wn_plan_parse_every("0d", "--every", &days, &e), WN_DATAERR);
	cr_assert_str_eq(e.msg, "--every must be from 1 day to 3650 days (got 0d)");
	cr_assert_eq(wn_plan_parse_every("4x", "every", &days, &e), WN_USAGE);
	cr_assert_eq(wn_plan_parse_steps("2026-12-01=20, 2027-01-01 = 10,", "steps", today,
	                                 pts, &n, &e), WN_OK, "%s", e.msg);
	cr_assert_eq(n, 2);
	cr_assert_eq(pts[1].date, today + 37);
	cr_assert_float_eq(pts[1].dose, 10, 1e-9);
	cr_assert_eq(wn_plan_parse_steps("2026-12-01", "steps", today, pts, &n, &e), WN_USAGE);
	cr_assert_eq(wn_plan_parse_steps("2026-12-01=-1", "steps", today, pts, &n, &e), WN_DATAERR);
	cr_assert_str_eq(e.msg, "a custom step's dose must be 0 or more (got -1)");
	cr_assert_eq(wn_plan_parse_steps(" , ", "steps", today, pts, &n, &e), WN_USAGE);
}

/* ---- switches ------------------------------------------------------------------ */

static void link_plans(long plan_id, long from_plan)
{
	struct wn_db_plan_switch s = { .plan_id = plan_id, .from_plan = from_plan,
	                               .table = "ashton", .stage_days = 14 };
	cr_assert_eq(wn_db_plan_switch_add(db, &s, &err), WN_OK, "%s", err.msg);
}

/* replaced: what the switch a plan takes part in (the one with the
 * highest plan_id) says, asked only of a plan some switch replaces. */
Test(plan, replaced_is_the_switch_s_word)
{
	struct wn_plan_spec s = sertraline_spec();
	long p1 = add_plan(&s);
	s.med_id = add_med("diazepam");
	long p2 = add_plan(&s);
	s.med_id = add_med("oxazepam");
	long p3 = add_plan(&s);
	cr_expect_not(wn_db_plan_replaced(db, p1), "no switch yet");
	link_plans(p2, p1);                      /* diazepam replaces sertraline */
	cr_expect(wn_db_plan_replaced(db, p1));
	cr_expect_not(wn_db_plan_replaced(db, p2), "the plan switched in");
	cr_expect_not(wn_db_plan_replaced(db, p3), "in no switch");
	cr_expect_not(wn_db_plan_replaced(db, 9999));
	link_plans(p3, p2);                      /* then oxazepam replaces diazepam */
	cr_expect(wn_db_plan_replaced(db, p2), "its latest switch replaces it");
	struct wn_db_plan_switch link;
	cr_assert_eq(wn_db_plan_switch_of(db, p2, &link, &err), WN_OK, "%s", err.msg);
	cr_expect_eq(link.plan_id, p3);
}
