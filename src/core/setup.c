/* SPDX-License-Identifier: GPL-3.0-or-later */
/* setup.c -- the first-run setup's questions and their checks; see
 * setup.h. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/med.h"
#include "core/plan.h"
#include "core/setup.h"
#include "core/text.h"
#include "core/valid.h"

static const char *const questions[WN_SETUP_COUNT] = {
	[WN_SETUP_NAME] = "The medication's name (e.g. sertraline):",
	[WN_SETUP_FORM] = "A form it comes in (e.g. tablet 50 mg /2), or Enter for none:",
	[WN_SETUP_DOSE] = "The current daily dose in mg (e.g. 50), or Enter for none:",
	[WN_SETUP_PLAN] = ("A plan? Cut N% every D days, typed as \"N D\" (e.g. 10 28),"
	                   " or Enter for none:"),
};

#define PLAN_SHAPE "a plan is two numbers, the %% cut (above 0, below 100) and" \
	" the days between cuts, e.g. 10 28; Enter for none"

const char *wn_setup_question(enum wn_setup_q q)
{
	return q >= 0 && q < WN_SETUP_COUNT ? questions[q] : "";
}

/* a without its surrounding spaces, into buf. */
static const char *trimmed(const char *a, char *buf, size_t n)
{
	a += strspn(a, " \t");
	size_t len = strlen(a);
	while (len > 0 && (a[len - 1] == ' ' || a[len - 1] == '\t'))
		len--;
	if (len >= n)
		len = n - 1;
	memcpy(buf, a, len);
	buf[len] = '\0';
	return buf;
}

/* A whole number text as a double: false when it is not one number. */
static bool number(const char *s, double *v)
{
	char *end;
	if (!*s || isspace((unsigned char)*s))
		return false;
	*v = strtod(s, &end);
	return *end == '\0' && *v == *v;
}

double wn_setup_dose(const char *a)
{
	char buf[128];
	double v;
	return number(trimmed(a, buf, sizeof buf), &v) && v > 0 &&
	       v < WN_VALID_AMOUNT_LIMIT ? v : 0;
}

int wn_setup_plan_parse(const char *a, double *step, int *every_days,
                        struct wn_err *err)
{
	char buf[128], cut[64], every[64], extra[2];
	struct wn_err e = { 0 };
	if (sscanf(trimmed(a, buf, sizeof buf), "%63s %63s %1s", cut, every, extra) != 2 ||
	    !number(cut, step))
		return wn_err_set(err, WN_DATAERR, PLAN_SHAPE);
	if (*step <= 0 || *step >= 100)
		return wn_err_set(err, WN_DATAERR, "the cut is a percent above 0 and"
		                  " below 100, e.g. 10 (then the days, e.g. 10 28)");
	if (wn_plan_parse_every(every, "the days between cuts", every_days, &e) != WN_OK)
		return wn_err_set(err, WN_DATAERR, "%s", e.msg);
	return WN_OK;
}

int wn_setup_check(enum wn_setup_q q, const char *a, struct wn_err *err)
{
	char buf[256];
	double v;
	int every;
	struct wn_med_form f;
	struct wn_err e = { 0 };
	const char *t = trimmed(a, buf, sizeof buf);
	switch (q) {
	case WN_SETUP_NAME:
		if (!*t)
			return wn_err_set(err, WN_DATAERR, "a name, please, e.g. sertraline"
			                  " (Esc leaves the setup)");
		if (wn_text_check_name(t, NULL, 0, &e) != WN_OK)
			return wn_err_set(err, WN_DATAERR, "%s", e.msg);
		return WN_OK;
	case WN_SETUP_FORM:
		if (*t && wn_med_form_parse(t, "mg", &f, &e) != WN_OK)
			return wn_err_set(err, WN_DATAERR, "not a form: a form is a kind"
			                  " (tablet, capsule, liquid), a strength and how it"
			                  " divides, " WN_MED_FORM_HINT);
		return WN_OK;
	case WN_SETUP_DOSE:
		if (*t && (!number(t, &v) || v <= 0 || v >= WN_VALID_AMOUNT_LIMIT))
			return wn_err_set(err, WN_DATAERR, "a dose is a number of mg above 0"
			                  " and below %d, e.g. 50 or 37.5; Enter for none",
			                  WN_VALID_AMOUNT_LIMIT);
		return WN_OK;
	case WN_SETUP_PLAN:
		return *t ? wn_setup_plan_parse(t, &v, &every, err) : WN_OK;
	default:
		return wn_err_set(err, WN_USAGE, "no such question");
	}
}
