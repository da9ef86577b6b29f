/* SPDX-License-Identifier: GPL-3.0-or-later */
/* setup.h -- the first-run setup's questions and the checks of their
 * answers, as values: no curses, no SQL.  The setup screen (tui/setup.c)
 * asks them in order, checks each answer before the next question and
 * shows the message under the question, the answer kept as typed.
 *
 * Every message names what is accepted, so the person can fix the answer
 * without guessing ("a form is a kind, a strength and how it divides,
 * e.g. ...").
 */
#ifndef WEAN_CORE_SETUP_H
#define WEAN_CORE_SETUP_H

#include "core/status.h"

enum wn_setup_q {
	WN_SETUP_NAME,           /* the medication's name */
	WN_SETUP_FORM,           /* one form, or "" for none */
	WN_SETUP_DOSE,           /* the current daily dose in mg, or "" */
	WN_SETUP_PLAN,           /* "N D": cut N% every D days, or "" */
	WN_SETUP_COUNT
};

/* The words of question q (one sentence, no trailing space). */
const char *wn_setup_question(enum wn_setup_q q);

/* Checks answer a (leading and trailing spaces allowed) to question q:
 * WN_OK, or WN_DATAERR with a one-line message naming what is accepted.
 * An empty answer is accepted except for the name.  The plan answer is
 * only checked for its shape here (wn_setup_plan_parse); whether the
 * plan can be made is the plan review's to say.  err may be NULL. */
int wn_setup_check(enum wn_setup_q q, const char *a, struct wn_err *err);

/* The plan answer "N D" (or "N Dw", "N Dd"): the percent cut N, above 0
 * and below 100, and the days between cuts (core/plan.h's
 * wn_plan_parse_every).  WN_OK, or WN_DATAERR as wn_setup_check says. */
int wn_setup_plan_parse(const char *a, double *step, int *every_days,
                        struct wn_err *err);

/* The dose answer as a number (0 when a is "" or not a dose). */
double wn_setup_dose(const char *a);

#endif
