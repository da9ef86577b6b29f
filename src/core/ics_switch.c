/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ics_switch.c -- the words of a switch's stage as a calendar event
 * (core/ics.h): what the stage replaces, each drug's doses that day, the
 * combined diazepam equivalent, the equivalence and the schedule's rule
 * with their sources.  Statements, never instructions. */
#include "core/ics.h"

#include <stdio.h>

#include "core/plan.h"
#include "core/text.h"

/* "14:00 dose" (several doses a day) or "the dose" (one). */
static void dose_name(const struct wn_switch *x, int i, struct wn_buf *b)
{
	if (x->n_doses >= 2 && x->minute[i] >= 0)
		wn_buf_addf(b, "%02d:%02d dose", x->minute[i] / 60, x->minute[i] % 60);
	else
		wn_buf_adds(b, "the dose");
}

/* Each dose the stage changes: "14:00 dose 0.5 mg alprazolam -> 10 mg
 * diazepam", joined by ", " (a stage replaces one dose, or part of it). */
static void replaced(const struct wn_ics_stage *s, struct wn_buf *b)
{
	const struct wn_switch_stage *a = &s->sw->stages[s->stage - 1], *c = &s->sw->stages[s->stage];
	char n1[32], n2[32];
	int said = 0;
	for (int i = 0; i < s->sw->n_doses; i++) {
		double gone = a->from[i] - c->from[i], added = c->dz[i] - a->dz[i];
		if (gone <= 0 && added <= 0)
			continue;
		wn_buf_adds(b, said++ ? ", " : "");
		dose_name(s->sw, i, b);
		wn_buf_addf(b, " %s mg %s -> %s mg %s", wn_text_num(gone, 3, n1, sizeof n1), s->from,
		            wn_text_num(added, 3, n2, sizeof n2), s->to);
	}
	if (!said)
		wn_buf_adds(b, "no dose changes");
}

int wn_ics_stage_summary(const struct wn_ics_stage *s, struct wn_buf *b)
{
	char n1[32];
	const struct wn_switch_stage *c = &s->sw->stages[s->stage];
	wn_buf_addf(b, "Switch stage %d of %d: ", s->stage, s->sw->n - 1);
	replaced(s, b);
	wn_buf_addf(b, "; combined %s mg diazepam-equivalent (%.0f%%)%s",
	            wn_text_num(c->combined, 3, n1, sizeof n1), c->pct_of_start,
	            s->cancelled ? " (plan replaced)" : "");
	return b->failed ? WN_ERR : WN_OK;
}

/* "0.5+0+0 mg" */
static void doses_of(const struct wn_switch *x, const double *a, struct wn_buf *b)
{
	char n1[32];
	for (int i = 0; i < x->n_doses; i++)
		wn_buf_addf(b, "%s%s", i ? "+" : "", wn_text_num(a[i], 3, n1, sizeof n1));
	wn_buf_adds(b, " mg");
}

static void doses_that_day(const struct wn_ics_stage *s, struct wn_buf *b)
{
	const struct wn_switch *x = s->sw;
	wn_buf_adds(b, "Doses that day");
	for (int i = 0; x->n_doses >= 2 && i < x->n_doses; i++)
		wn_buf_addf(b, "%s%02d:%02d", i ? "+" : " at ", x->minute[i] / 60, x->minute[i] % 60);
	wn_buf_addf(b, ": %s ", s->from);
	doses_of(x, x->stages[s->stage].from, b);
	wn_buf_addf(b, ", %s ", s->to);
	doses_of(x, x->stages[s->stage].dz, b);
	wn_buf_adds(b, ".\n");
}

int wn_ics_stage_description(const struct wn_ics_stage *s, struct wn_buf *b)
{
	const struct wn_switch *x = s->sw;
	const struct wn_switch_stage *c = &x->stages[s->stage];
	char n1[32], n2[32], d1[WN_DATE_STRLEN], d2[WN_DATE_STRLEN];
	if (s->cancelled)
		wn_buf_adds(b, "The plan of this switch was replaced by a later plan entered in"
		            " wean: this stage is no longer planned.\n");
	bool last = s->stage == x->n - 1;
	wn_buf_addf(b, "Stage %d of %d of the switch from %s to %s, one dose at a time, from %s"
	            " (%s %s): ", s->stage, x->n - 1, s->from, s->to, wn_date_format(c->date, d1),
	            last ? "the diazepam taper follows from" : "the next stage from",
	            wn_date_format(c->date + s->stage_days, d2));
	replaced(s, b);
	wn_buf_adds(b, ".\n");
	doses_that_day(s, b);
	wn_buf_addf(b, "Combined: %s mg diazepam-equivalent a day, %.0f%% of the start (%s mg).\n",
	            wn_text_num(c->combined, 3, n1, sizeof n1), c->pct_of_start,
	            wn_text_num(x->stages[0].combined, 3, n2, sizeof n2));
	wn_buf_addf(b, "Equivalence: %s mg %s = 10 mg diazepam, %s (S17); approximate, people"
	            " differ.\n", wn_text_num(x->equiv, 3, n1, sizeof n1), s->from,
	            wn_switch_table_words(s->table));
	wn_buf_adds(b, "Schedule: in the style of the Ashton Manual (S15, S16; NHS Scotland S18);"
	            " the published schedules' numbers were not available to wean, so the rule"
	            " is wean's: each stage replaces the dose the plan's cut rule picks first, and"
	            " the day's combined equivalent stays within 10% of the start.\n");
	wn_buf_adds(b, "\n" WN_PLAN_DISCLAIMER);
	return b->failed ? WN_ERR : WN_OK;
}
