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

void wn_report_doses_words(const struct wn_report *r, const struct wn_report_med *m,
                           struct wn_buf *b)
{
	char n1[32], date[WN_DATE_STRLEN];
	double total = 0;
	wn_buf_addf(b, "%d doses a day at", m->doses.n);
	for (int i = 0; i < m->doses.n; i++)
		wn_buf_addf(b, "%s %02d:%02d", i ? "," : "", m->doses.minute[i] / 60,
		            m->doses.minute[i] % 60);
	if (!isnan(m->doses_end[0])) {
		wn_buf_addf(b, "; planned on %s:", wn_doc_date(r->to, date));
		for (int i = 0; i < m->doses.n; i++) {
			wn_buf_addf(b, "%s%s", i ? " + " : " ", wn_text_num(m->doses_end[i], 3, n1, sizeof n1));
			total += m->doses_end[i];
		}
		wn_buf_addf(b, " %s (%s %s a day)", m->med.unit, wn_text_num(total, 3, n1, sizeof n1),
		            m->med.unit);
	}
	wn_buf_addf(b, "; each step cuts %s.", m->doses.cut == WN_CUT_EVENING ? "the latest dose first" :
	            m->doses.cut == WN_CUT_MORNING ? "the earliest dose first" :
	            "the largest dose first, on a tie the latest");
}

/* A name: cleaned for d (Markdown escapes), or as it is without d. */
static void name_to(const struct wn_doc *d, struct wn_buf *b, const char *s)
{
	if (d)
		wn_doc_clean_to(d, b, s);
	else
		wn_buf_adds(b, s);
}

void wn_report_switch_words(const struct wn_doc *d, const struct wn_report_med *m,
                            struct wn_buf *b)
{
	char n1[32], date[WN_DATE_STRLEN];
	wn_buf_adds(b, "Switch from ");
	name_to(d, b, m->switch_from);
	wn_buf_adds(b, " to ");
	name_to(d, b, m->switch_to);
	wn_buf_addf(b, ", one dose at a time, a stage every %d days; %s mg ", m->switch_stage_days,
	            wn_text_num(m->sw.equiv, 3, n1, sizeof n1));
	name_to(d, b, m->switch_from);
	wn_buf_addf(b, " = 10 mg diazepam by %s"
	            " (S17), approximate. In the style of the Ashton Manual (S15, S16; NHS Scotland"
	            " S18): the published schedules' numbers were not available, so the rule is"
	            " wean's -- each stage replaces the dose the plan's cut rule picks first, and"
	            " the day's combined equivalent stays within 10%% of the start. The diazepam"
	            " taper follows from %s.", wn_switch_table_words(m->switch_table),
	            wn_doc_date(m->switch_taper_from, date));
}

static void doses_line(struct wn_doc *d, const struct wn_report_med *m)
{
	struct wn_doc_line l;
	wn_doc_line_start(&l);
	wn_doc_lf(&l, "%s", wn_doc_bold(d));
	wn_doc_line_user(d, &l, m->med.name);
	wn_doc_lf(&l, "%s: ", wn_doc_bold(d));
	wn_report_doses_words(d->r, m, &l.t);
	wn_doc_line_end(d, &l, "- ");
}

static void switch_table(struct wn_doc *d, const struct wn_report_med *m)
{
	char line[256];
	struct wn_doc_line l;
	wn_doc_line_start(&l);
	wn_report_switch_words(d, m, &l.t);
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
	wn_doc_para(d, WN_REPORT_SWITCH_DISCUSS);
}

bool wn_report_has_doses(const struct wn_report *r)
{
	for (size_t i = 0; i < r->n_meds; i++)
		if (r->meds[i].has_plan && (r->meds[i].doses.n >= 2 || r->meds[i].has_switch))
			return true;
	return false;
}

void wn_report_doses_section(struct wn_doc *d)
{
	const struct wn_report *r = d->r;
	if (!wn_report_has_doses(r))
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
