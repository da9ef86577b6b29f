/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_setup.c -- unit tests for core/setup.c (suite "setup"): the
 * first-run setup's checks of each answer, and the messages that name
 * what is accepted. */
#include <criterion/criterion.h>

#include <string.h>

#include "core/setup.h"
#include "core/status.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

Test(setup, check)
{
	static const struct {
		enum wn_setup_q q;
		const char *a;
		int rc;
		const char *says;      /* in the message when rc != WN_OK */
	} cases[] = {
		{ .q = WN_SETUP_NAME, .a = "sertraline", .rc = WN_OK },
		{ .q = WN_SETUP_NAME, .a = "  sertraline  ", .rc = WN_OK },
		{ .q = WN_SETUP_NAME, .a = "", .rc = WN_DATAERR, .says = "a name, please" },
		{ .q = WN_SETUP_NAME, .a = "   ", .rc = WN_DATAERR, .says = "a name, please" },
		{ .q = WN_SETUP_FORM, .a = "", .rc = WN_OK },
		{ .q = WN_SETUP_FORM, .a = "tablet 50 mg /2", .rc = WN_OK },
		{ .q = WN_SETUP_FORM, .a = "liquid 2 mg/ml", .rc = WN_OK },
		{ .q = WN_SETUP_FORM, .a = "100 mg tablets", .rc = WN_DATAERR,
		  .says = "e.g. 'tablet 25 mg half'" },
		{ .q = WN_SETUP_FORM, .a = "pill", .rc = WN_DATAERR, .says = "not a form" },
		{ .q = WN_SETUP_DOSE, .a = "", .rc = WN_OK },
		{ .q = WN_SETUP_DOSE, .a = "50", .rc = WN_OK },
		{ .q = WN_SETUP_DOSE, .a = " 37.5 ", .rc = WN_OK },
		{ .q = WN_SETUP_DOSE, .a = "fifty", .rc = WN_DATAERR, .says = "e.g. 50" },
		{ .q = WN_SETUP_DOSE, .a = "0", .rc = WN_DATAERR, .says = "above 0" },
		{ .q = WN_SETUP_DOSE, .a = "-5", .rc = WN_DATAERR, .says = "above 0" },
		{ .q = WN_SETUP_DOSE, .a = "50 mg", .rc = WN_DATAERR, .says = "a number" },
		{ .q = WN_SETUP_DOSE, .a = "1e9", .rc = WN_DATAERR, .says = "below 100000" },
		{ .q = WN_SETUP_DOSE, .a = "nan", .rc = WN_DATAERR, .says = "a number" },
		{ .q = WN_SETUP_PLAN, .a = "", .rc = WN_OK },
		{ .q = WN_SETUP_PLAN, .a = "10 28", .rc = WN_OK },
		{ .q = WN_SETUP_PLAN, .a = "5 4w", .rc = WN_OK },
		{ .q = WN_SETUP_PLAN, .a = "ten percent", .rc = WN_DATAERR,
		  .says = "two numbers, the % cut" },
		{ .q = WN_SETUP_PLAN, .a = "10", .rc = WN_DATAERR, .says = "e.g. 10 28" },
		{ .q = WN_SETUP_PLAN, .a = "10 28 3", .rc = WN_DATAERR, .says = "e.g. 10 28" },
		{ .q = WN_SETUP_PLAN, .a = "10% 28", .rc = WN_DATAERR, .says = "two numbers" },
		{ .q = WN_SETUP_PLAN, .a = "100 28", .rc = WN_DATAERR, .says = "below 100" },
		{ .q = WN_SETUP_PLAN, .a = "0 28", .rc = WN_DATAERR, .says = "above 0" },
		{ .q = WN_SETUP_PLAN, .a = "10 0", .rc = WN_DATAERR, .says = "1 day" },
		{ .q = WN_SETUP_PLAN, .a = "10 days", .rc = WN_DATAERR, .says = "between cuts" },
	};
	for (size_t i = 0; i < NELEM(cases); i++) {
		struct wn_err err = { 0 };
		int rc = wn_setup_check(cases[i].q, cases[i].a, &err);
		cr_expect_eq(rc, cases[i].rc, "'%s' (question %d): %d (%s)", cases[i].a,
		             (int)cases[i].q, rc, err.msg);
		if (cases[i].says)
			cr_expect(strstr(err.msg, cases[i].says) != NULL,
			          "'%s': message '%s' lacks '%s'", cases[i].a, err.msg,
			          cases[i].says);
		cr_expect(strchr(err.msg, '\n') == NULL, "one line: '%s'", err.msg);
	}
}

Test(setup, plan_parse)
{
	double step = 0;
	int every = 0;
	cr_assert_eq(wn_setup_plan_parse(" 12.5  4w ", &step, &every, NULL), WN_OK);
	cr_expect_float_eq(step, 12.5, 1e-9);
	cr_expect_eq(every, 28);
	cr_assert_eq(wn_setup_plan_parse("10 14", &step, &every, NULL), WN_OK);
	cr_expect_eq(every, 14);
}

Test(setup, dose_and_questions)
{
	cr_expect_float_eq(wn_setup_dose(" 37.5"), 37.5, 1e-9);
	cr_expect_float_eq(wn_setup_dose(""), 0, 1e-9);
	cr_expect_float_eq(wn_setup_dose("fifty"), 0, 1e-9);
	for (int q = 0; q < WN_SETUP_COUNT; q++) {
		const char *s = wn_setup_question(q);
		cr_expect(s[0] != '\0', "question %d has words", q);
		cr_expect(strlen(s) <= 2 * 76, "question %d fits two rows", q);
	}
	cr_expect_str_eq(wn_setup_question(WN_SETUP_COUNT), "");
}
