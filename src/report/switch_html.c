/* SPDX-License-Identifier: GPL-3.0-or-later */
/* switch_html.c (report) -- the section on doses through the day and
 * switching to diazepam (issue 19) in the HTML report: the words of
 * switch.c, HTML-escaped, each planned medication's doses as a list item
 * and each switch's stages as a table (a row per stage, kept whole on a
 * page by html.c's print CSS). */
#include <stdio.h>
#include <string.h>

#include "core/switch.h"
#include "core/text.h"
#include "doc.h"
#include "report_int.h"

static void esc(struct wn_buf *b, const char *s)
{
	wn_report_html_esc(b, s, false);
}

/* "0.5+0.5+1": a stage's doses of one drug, in the day's order. */
static void cell_doses(struct wn_buf *b, const struct wn_switch *x, const double *a)
{
	char n1[32];
	wn_buf_adds(b, "<td class=\"n\">");
	for (int i = 0; i < x->n_doses; i++)
		wn_buf_addf(b, "%s%s", i ? "+" : "", wn_text_num(a[i], 3, n1, sizeof n1));
	wn_buf_adds(b, "</td>");
}

static void stage_row(struct wn_buf *b, const struct wn_switch *x, int k)
{
	const struct wn_switch_stage *s = &x->stages[k];
	char n1[32], date[WN_DATE_STRLEN];
	if (k)
		wn_buf_addf(b, "<tr><td class=\"n\">%d</td><td class=\"nw\">%s</td>", k,
		            wn_date_format(s->date, date));
	else
		wn_buf_adds(b, "<tr><td class=\"n\">now</td><td>(before)</td>");
	cell_doses(b, x, s->from);
	cell_doses(b, x, s->dz);
	wn_buf_addf(b, "<td class=\"n\">%s mg (%.0f%%)</td></tr>\n",
	            wn_text_num(s->combined, 3, n1, sizeof n1), s->pct_of_start);
}

static void switch_table(struct wn_buf *b, const struct wn_report_med *m)
{
	const struct wn_switch *x = &m->sw;
	struct wn_buf t;
	wn_buf_init(&t);
	wn_report_switch_words(NULL, m, &t);
	wn_buf_adds(b, "<p>");
	esc(b, t.s ? t.s : "");
	wn_buf_adds(b, "</p>\n<table class=\"switch\"><thead><tr><th class=\"n\">Stage</th>"
	            "<th>From</th><th class=\"n\">");
	esc(b, m->switch_from);
	wn_buf_adds(b, ", mg</th><th class=\"n\">");
	esc(b, m->switch_to);
	wn_buf_adds(b, ", mg</th><th class=\"n\">As diazepam</th></tr></thead><tbody>\n");
	for (int k = 0; k < x->n; k++)
		stage_row(b, x, k);
	wn_buf_adds(b, "</tbody></table>\n<p class=\"small\">");
	if (x->n_doses >= 2) {
		wn_buf_adds(b, "Doses at");
		for (int i = 0; i < x->n_doses; i++)
			wn_buf_addf(b, "%s%02d:%02d", i ? " + " : " ", x->minute[i] / 60,
			            x->minute[i] % 60);
		wn_buf_adds(b, "; as diazepam: the day's combined equivalent and its share of"
		            " the start. ");
	}
	esc(b, WN_REPORT_SWITCH_DISCUSS);
	wn_buf_adds(b, "</p>\n");
	if (t.failed)
		b->failed = true;
	wn_buf_free(&t);
}

void wn_report_doses_html(const struct wn_report *r, struct wn_buf *b)
{
	if (!wn_report_has_doses(r))
		return;
	wn_buf_adds(b, "<section>\n<h2>Doses through the day and switching</h2>\n");
	bool listed = false;
	for (size_t i = 0; i < r->n_meds; i++) {
		const struct wn_report_med *m = &r->meds[i];
		if (!m->has_plan || m->doses.n < 2)
			continue;
		struct wn_buf t;
		wn_buf_init(&t);
		wn_report_doses_words(r, m, &t);
		wn_buf_adds(b, listed ? "<li><b>" : "<ul>\n<li><b>");
		esc(b, m->med.name);
		wn_buf_adds(b, "</b>: ");
		esc(b, t.s ? t.s : "");
		wn_buf_adds(b, "</li>\n");
		if (t.failed)
			b->failed = true;
		wn_buf_free(&t);
		listed = true;
	}
	if (listed)
		wn_buf_adds(b, "</ul>\n");
	/* each switch once: under the drug switched in */
	for (size_t i = 0; i < r->n_meds; i++)
		if (r->meds[i].has_plan && r->meds[i].has_switch &&
		    strcmp(r->meds[i].switch_to, r->meds[i].med.name) == 0)
			switch_table(b, &r->meds[i]);
	wn_buf_adds(b, "</section>\n");
}
