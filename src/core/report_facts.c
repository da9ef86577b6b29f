/* report_facts.c -- freeing a gathered report; see core/report_facts.h. */
#include "core/report_facts.h"
#include "core/plan.h"

#include <stdlib.h>
#include <string.h>

static void meds_free(struct wn_report *r)
{
	for (size_t i = 0; i < r->n_meds; i++) {
		struct wn_report_med *m = &r->meds[i];
		free(m->steps);
		wn_plan_events_free(m->events, m->n_events);
		free(m->planned_days);
		free(m->taken_days);
	}
	free(r->meds);
	free(r->cuts);
	r->meds = NULL;
	r->cuts = NULL;
	r->n_meds = r->n_cuts = 0;
}

void wn_report_free(struct wn_report *r)
{
	free(r->name);
	free(r->gaps);
	meds_free(r);
	for (int k = 0; k < WN_REPORT_N_MEASURES; k++)
		free(r->m[k].v);
	for (size_t i = 0; i < r->n_symptoms; i++)
		free(r->symptoms[i].v);
	free(r->symptoms);
	for (size_t i = 0; i < r->n_notes; i++)
		free(r->notes[i].text);
	free(r->notes);
	for (size_t i = 0; i < r->n_questions; i++) {
		free(r->questions[i].text);
		free(r->questions[i].answer);
	}
	free(r->questions);
	memset(r, 0, sizeof *r);
}
