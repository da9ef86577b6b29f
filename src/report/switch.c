/* SPDX-License-Identifier: GPL-3.0-or-later */
/* switch.c (report) -- the report's section on doses through the day and
 * switching to diazepam (issue 19), in Markdown and text: each planned
 * medication taken as several doses a day, with its doses on the last day
 * of the period, and each switch with its stages (core/switch.h), its
 * source and its rule. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/switch.h"
#include "core/text.h"
#include "doc.h"
#include "report_int.h"

static void doses_line(struct wn_doc *d, const struct wn_report_med *m)
{
	char n1[32], date[WN_DATE_STRLEN];
	struct wn_doc_line l;
	double total = 0;
	wn_doc_line_start(&l);
	wn_doc_lf(&l, "%s", wn_doc_bold(d));
	wn_doc_line_user(d, &l, m->med.name);
	wn_doc_lf(&l, "%s: %d doses a day at", wn_doc_bold(d), m->doses.n);
	for (int i = 0; i < m->doses.n; i++)
		wn_doc_lf(&l, "%s %02d:%02d", i ? "," : "", m->doses.minute[i] / 60,
		          m->doses.minute[i] % 60);
	if (!isnan(m->doses_end[0])) {
		wn_doc_lf(&l, "; planned on %s:", wn_doc_date(d->r->to, date));
		for (int i = 0; i < m->doses.n; i++) {
			wn_doc_lf(&l, "%s%s", i ? " + " : " ", wn_text_num(m->doses_end[i], 3, n1, sizeof n1));
			total += m->doses_end[i];
		}
		wn_doc_lf(&l, " %s (%s %s a day)", m->med.unit, wn_text_num(total, 3, n1, sizeof n1),
		          m->med.unit);
	}
	wn_doc_lf(&l, "; each step cuts %s.", m->doses.cut == WN_CUT_EVENING ? "the latest dose first" :
	          m->doses.cut == WN_CUT_MORNING ? "the earliest dose first" :
	          "the largest dose first, on a tie the latest");
	wn_doc_line_end(d, &l, "- ");
}

static void switch_table(struct wn_doc *d, const struct wn_report_med *m)
{
	char line[256], n1[32], date[WN_DATE_STRLEN];
	struct wn_doc_line l;
	wn_doc_line_start(&l);
	wn_doc_lf(&l, "Switch from ");
	wn_doc_line_user(d, &l, m->switch_from);
	wn_doc_lf(&l, " to ");
	wn_doc_line_user(d, &l, m->switch_to);
	wn_doc_lf(&l, ", one dose at a time, a stage every %d days; %s mg ", m->switch_stage_days,
	          wn_text_num(m->sw.equiv, 3, n1, sizeof n1));
	wn_doc_line_user(d, &l, m->switch_from);
	wn_doc_lf(&l, " = 10 mg diazepam by %s"
	          " (S17), approximate. In the style of the Ashton Manual (S15, S16; NHS Scotland"
	          " S18): the published schedules' numbers were not available, so the rule is"
	          " wean's -- each stage replaces the dose the plan's cut rule picks first, and"
	          " the day's combined equivalent stays within 10%% of the start. The diazepam"
	          " taper follows from %s.", wn_switch_table_words(m->switch_table),
	          wn_doc_date(m->switch_taper_from, date));
	wn_doc_line_end(d, &l, "");
	wn_doc_add(d, "\n");
	wn_doc_add(d, d->md ? "```text\n" : "");
	wn_switch_head_text(m->switch_from, m->switch_to, line, sizeof line);
	char *clean = wn_doc_clean(d, line);
	wn_doc_addf(d, "%s\n", clean ? clean : "");
	free(clean);
	for (int k = 0; k < m->sw.n; k++) {
		wn_switch_row_text(&m->sw, k, line, sizeof line);
		wn_doc_addf(d, "%s\n", line);
	}
	wn_doc_add(d, d->md ? "```\n\n" : "\n");
	wn_doc_para(d, "Discuss the switch and every step with the prescriber: the plan is the"
	            " person's, and wean gives no medical advice.");
}

void wn_report_doses_section(struct wn_doc *d)
{
	const struct wn_report *r = d->r;
	bool any = false;
	for (size_t i = 0; i < r->n_meds; i++)
		any = any || (r->meds[i].has_plan && (r->meds[i].doses.n >= 2 || r->meds[i].has_switch));
	if (!any)
		return;
	wn_doc_heading(d, 2, "Doses through the day and switching");
	bool listed = false;
	for (size_t i = 0; i < r->n_meds; i++)
		if (r->meds[i].has_plan && r->meds[i].doses.n >= 2) {
			doses_line(d, &r->meds[i]);
			listed = true;
		}
	if (listed)
		wn_doc_add(d, "\n");
	/* each switch once: under the drug switched in */
	for (size_t i = 0; i < r->n_meds; i++)
		if (r->meds[i].has_plan && r->meds[i].has_switch &&
		    strcmp(r->meds[i].switch_to, r->meds[i].med.name) == 0)
			switch_table(d, &r->meds[i]);
}
