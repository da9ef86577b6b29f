/* SPDX-License-Identifier: GPL-3.0-or-later */
/* text.c (report) -- the prescriber report as Markdown or plain text (see
 * report.h): the sections, written with the shared writer of report_doc.h,
 * and the ASCII charts (chart.h) in fenced code blocks.  Text from the
 * diary is sanitised for the terminal and, in Markdown, escaped so that it
 * cannot change the document's structure. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/chart.h"
#include "core/chart_line.h"
#include "report/report.h"
#include "doc.h"
#include "report_int.h"
#include "core/plan.h"
#include "core/records.h"

#define CHART_MAX_WIDTH 78

/* ---- charts ---------------------------------------------------------------------------- */

struct chart_spec {
	const char *title, *unit;
	const double *v;
	double lo, hi;
	int height;
	const struct wn_chart_series *overlay;
};

static size_t cut_dates(const struct wn_report *r, wn_date *out)
{
	size_t n = 0;
	for (size_t i = 0; i < r->n_cuts; i++)
		if (r->cuts[i].date >= r->from && (n == 0 || out[n - 1] != r->cuts[i].date))
			out[n++] = r->cuts[i].date;
	return n;
}

static void chart(struct wn_doc *d, const struct chart_spec *cs)
{
	const struct wn_report *r = d->r;
	wn_date steps[WN_REPORT_MAX_STEPS];
	int w = d->width - 2 < CHART_MAX_WIDTH ? d->width - 2 : CHART_MAX_WIDTH;
	struct wn_chart_series s = { .start = r->from, .n = (size_t)r->n_days, .v = cs->v,
	                             .lo = cs->lo, .hi = cs->hi, .unit = cs->unit };
	struct wn_chart_opts o = { .width = w, .height = cs->height, .ascii = true,
	                           .moving_average = true, .title = cs->title,
	                           .overlay = cs->overlay, .steps = steps,
	                           .nsteps = cut_dates(r, steps) };
	struct wn_chart_buf b;
	char *text = NULL;
	wn_chart_buf_init(&b);
	if (wn_chart_line(&b, &s, &o, NULL) == WN_OK && wn_chart_text(&b, &text, NULL) == WN_OK) {
		wn_doc_add(d, d->md ? "```text\n" : "");
		wn_doc_add(d, text);
		wn_doc_add(d, d->md ? "```\n\n" : "\n");
	} else {
		d->b->failed = true;
	}
	free(text);
	wn_chart_buf_free(&b);
}

static const struct wn_report_med *overlay_med(const struct wn_report *r)
{
	for (size_t i = 0; i < r->n_meds; i++)
		if (r->meds[i].has_plan)
			return &r->meds[i];
	return NULL;
}

/* A measure's chart on its own scale (0-10 for mood and sleep; burden
 * from the data), or a line saying there is nothing to draw. */
static void measure_chart(struct wn_doc *d, int k, const struct wn_chart_series *ov)
{
	const struct wn_report_measure *m = &d->r->m[k];
	if (m->days == 0) {
		struct wn_doc_line l;
		wn_doc_line_start(&l);
		wn_doc_lf(&l, "%s: nothing recorded in this period.", m->name);
		wn_doc_line_end(d, &l, "");
		wn_doc_add(d, "\n");
		return;
	}
	double hi = k == WN_REPORT_M_BURDEN ? 0 : 10;
	struct chart_spec cs = { .title = m->name, .unit = m->unit, .v = m->v, .lo = 0,
	                         .hi = hi, .height = k == WN_REPORT_M_BURDEN ? 16 : 10,
	                         .overlay = ov };
	chart(d, &cs);
}

/* The planned dose of a medication other than the one drawn with the
 * burden (a second plan: a cross-taper, a switch). */
static void dose_chart(struct wn_doc *d, const struct wn_report_med *m)
{
	char name[4 * WN_NAME_MAX + 8], title[4 * WN_NAME_MAX + 32];
	wn_text_fit(m->med.name, 30, name, sizeof name, true);
	snprintf(title, sizeof title, "Planned dose: %s", name);
	struct chart_spec cs = { .title = title, .unit = m->med.unit, .v = m->planned_days,
	                         .height = 8 };
	chart(d, &cs);
}

static void charts(struct wn_doc *d)
{
	const struct wn_report *r = d->r;
	const struct wn_report_med *om = overlay_med(r);
	char name[4 * WN_NAME_MAX + 8];
	if (om)
		wn_text_fit(om->med.name, 24, name, sizeof name, true);
	struct wn_chart_series ov = { .start = r->from, .n = (size_t)r->n_days,
	                              .v = om ? om->planned_days : NULL,
	                              .unit = om ? om->med.unit : NULL, .name = name };
	wn_doc_heading(d, 2, "Charts");
	wn_doc_para(d, om ? "Each chart says whether it shows daily values or weekly, monthly "
	             "or quarterly means. ^ marks a taper step; the planned dose is drawn "
	             "against the right-hand axis. Gaps are days without data." :
	             "Each chart says whether it shows daily values or weekly, monthly or "
	             "quarterly means. Gaps are days without data.");
	measure_chart(d, WN_REPORT_M_BURDEN, om ? &ov : NULL);
	measure_chart(d, WN_REPORT_M_MOOD, NULL);
	measure_chart(d, WN_REPORT_M_SLEEP, NULL);
	for (size_t i = 0; i < r->n_meds; i++)
		if (r->meds[i].has_plan && &r->meds[i] != om)
			dose_chart(d, &r->meds[i]);
}

/* ---- sections ---------------------------------------------------------------------------- */

static void header(struct wn_doc *d)
{
	const struct wn_report *r = d->r;
	char a[WN_DATE_STRLEN], b[WN_DATE_STRLEN], c[WN_DATE_STRLEN];
	wn_doc_heading(d, 1, "Tapering diary report");
	const char *mark = d->md ? "- " : "";
	if (r->name) {
		char *n = wn_doc_clean(d, r->name);
		wn_doc_addf(d, "%s%sName:%s     %s\n", mark, wn_doc_bold(d), wn_doc_bold(d), n ? n : "");
		free(n);
	}
	wn_doc_addf(d, "%s%sPeriod:%s   %s to %s (%d %s)\n", mark, wn_doc_bold(d), wn_doc_bold(d), wn_doc_date(r->from, a),
	     wn_doc_date(r->to, b), r->n_days, wn_report_plural(r->n_days, "day", "days"));
	wn_doc_addf(d, "%s%sProduced:%s %s by wean %s\n\n", mark, wn_doc_bold(d), wn_doc_bold(d), wn_doc_date(r->produced, c),
	     WEAN_VERSION);
}

/* A sentence of report_words.c, escaped as a whole. */
static void sentence_item(struct wn_doc *d, const char *lead, struct wn_buf *b, const char *first)
{
	struct wn_doc_line l;
	wn_doc_line_start(&l);
	if (lead)
		wn_doc_lf(&l, "%s", lead);
	wn_doc_line_user(d, &l, b->s ? b->s : "");
	if (b->failed)
		d->b->failed = true;
	wn_buf_free(b);
	wn_doc_line_end(d, &l, first);
}

static void med_item(struct wn_doc *d, const struct wn_report_med *m)
{
	struct wn_buf b;
	struct wn_doc_line l;
	wn_buf_init(&b);
	wn_report_med_text(d->r, m, &b);
	wn_doc_line_start(&l);
	wn_doc_lf(&l, "%s", wn_doc_bold(d));
	wn_doc_line_user(d, &l, m->med.name);
	wn_doc_lf(&l, "%s: ", wn_doc_bold(d));
	wn_doc_line_user(d, &l, b.s);
	wn_buf_free(&b);
	wn_doc_line_end(d, &l, "- ");
}

static void current_meds(struct wn_doc *d)
{
	wn_doc_heading(d, 2, "Current medications");
	if (d->r->n_meds == 0) {
		wn_doc_para(d, "No taper plan and no dose are recorded in the diary.");
		return;
	}
	for (size_t i = 0; i < d->r->n_meds; i++)
		med_item(d, &d->r->meds[i]);
	wn_doc_add(d, "\n");
}

static void missing_days(struct wn_doc *d)
{
	struct wn_buf b;
	wn_buf_init(&b);
	wn_report_missing_text(d->r, &b);
	sentence_item(d, NULL, &b, "");
	wn_doc_add(d, "\n");
	wn_buf_init(&b);
	if (wn_report_safety_text(d->r, &b)) {
		sentence_item(d, NULL, &b, "");
		wn_doc_add(d, "\n");
		wn_buf_init(&b);
	}
	if (!wn_report_proposals_text(d->r, &b)) {
		wn_buf_free(&b);
		return;
	}
	sentence_item(d, NULL, &b, "");
	wn_doc_add(d, "\n");
}

static void measure_row(struct wn_doc_table *t, const struct wn_report_measure *m)
{
	char a[32], b[32], c[32];
	if (strchr(m->unit, ' '))
		wn_doc_cellf(t, "%s", m->name);
	else
		wn_doc_cellf(t, "%s (%s)", m->name, m->unit);
	wn_doc_cellf(t, "%s", wn_report_fmt1(m->base.baseline, a, sizeof a));
	wn_doc_cellf(t, "%s", wn_report_fmt1(m->base.now, b, sizeof b));
	if (isfinite(m->base.change))
		wn_doc_cellf(t, "%+.1f", fabs(m->base.change) < 0.05 ? 0.0 : m->base.change);
	else
		wn_doc_cellf(t, "-");
	wn_doc_cellf(t, "%s", wn_report_fmt1(m->mean, c, sizeof c));
	wn_doc_cellf(t, "%d", m->days);
}

static void summary(struct wn_doc *d)
{
	const struct wn_report *r = d->r;
	wn_doc_heading(d, 2, "The period at a glance");
	missing_days(d);
	if (wn_report_empty(r)) {
		wn_doc_para(d, "Nothing is recorded in this period, so there are no charts, "
		        "symptoms or doses to summarise.");
		return;
	}
	struct wn_doc_table t = { .ncols = 6, .head = { "Measure", "Before taper", "Last 14 days",
	                   "Change", "Period", "Days" },
	                   .right = { false, true, true, true, true, true } };
	for (int k = 0; k < WN_REPORT_N_MEASURES; k++)
		measure_row(&t, &r->m[k]);
	wn_doc_table_end(d, &t);
	struct wn_buf b;
	wn_buf_init(&b);
	wn_report_baseline_text(r, &b);
	sentence_item(d, NULL, &b, "");
	wn_doc_add(d, "\n");
}

/* ---- taper history ----------------------------------------------------------------------- */

static void step_row(struct wn_doc_table *t, const struct wn_report_med *m,
                     const struct wn_report_step *s)
{
	char a[64], b[64], dd[WN_DATE_STRLEN];
	double mean = isfinite(s->taken_mean) ? round(s->taken_mean * 10) / 10 : NAN;
	wn_report_dose(mean, m->med.unit, b, sizeof b);
	wn_doc_cellf(t, "%d", s->index);
	wn_doc_cellf(t, "%s", wn_date_format(s->date, dd));
	wn_doc_cellf(t, "%s", wn_report_dose(s->dose, m->med.unit, a, sizeof a));
	wn_doc_cellf(t, "%s", wn_text_pct(s->pct_of_start, 0, a, sizeof a));
	wn_doc_cellf(t, "%s", s == m->steps ? "-" : wn_text_step_change((s - 1)->dose, s->dose,
	                                                                  a, sizeof a));
	if (s->future || s->dose_days == 0)
		wn_doc_cellf(t, "%s", s->future ? "" : "-");
	else
		wn_doc_cellf(t, "%s (%d)", b, s->dose_days);
	if (s->future)
		wn_doc_cellf(t, "next step");
	else if (s->days_held)
		wn_doc_cellf(t, "%d (%d held)", s->days, s->days_held);
	else if (s == &m->steps[m->n_steps - 1] || (s + 1)->future)
		wn_doc_cellf(t, "%d so far", s->days);
	else
		wn_doc_cellf(t, "%d", s->days);
}

static void event_item(struct wn_doc *d, const struct wn_report_med *m,
                       const struct wn_plan_event *e)
{
	struct wn_buf b;
	wn_buf_init(&b);
	wn_report_event_text(d->r, m, e, &b);
	sentence_item(d, NULL, &b, "- ");
}

static void taper_history(struct wn_doc *d, const struct wn_report_med *m)
{
	char title[4 * WN_NAME_MAX + 32], plan[200], a[64], dd[WN_DATE_STRLEN];
	char note[4 * WN_NAME_MAX + 200];
	char *name = wn_doc_clean(d, m->med.name);
	snprintf(title, sizeof title, "Taper history: %s", name ? name : "");
	free(name);
	wn_doc_heading(d, 2, title);
	wn_report_plan_text(m, plan, sizeof plan);
	struct wn_doc_line l;
	wn_doc_line_start(&l);
	wn_doc_lf(&l, "Plan: %s, from %s on %s.", plan, wn_report_dose(m->start_dose, m->med.unit, a, sizeof a),
	   wn_doc_date(m->plan_start, dd));
	if (m->steps_omitted)
		wn_doc_lf(&l, " The %zu earliest %s are not shown.", m->steps_omitted,
		   wn_report_plural((long)m->steps_omitted, "step", "steps"));
	wn_report_switch_note(m, note, sizeof note);
	if (note[0]) {
		char *clean = wn_doc_clean(d, note);
		wn_doc_lf(&l, "%s", clean ? clean : "");
		free(clean);
	}
	wn_doc_lf(&l, " " WN_REPORT_TAKEN_TEXT);
	wn_doc_line_end(d, &l, "");
	wn_doc_add(d, "\n");
	if (m->n_steps) {
		struct wn_doc_table t = { .ncols = 7, .head = { "Step", "From", "Planned", "Of start",
		                   "Cut", "Taken (days)", "Days" },
		                   .right = { true, false, true, true, true, true, false } };
		for (size_t i = 0; i < m->n_steps; i++)
			step_row(&t, m, &m->steps[i]);
		wn_doc_table_end(d, &t);
	}
	for (size_t i = 0; i < m->n_events; i++)
		event_item(d, m, &m->events[i]);
	if (m->n_events)
		wn_doc_add(d, "\n");
}

/* ---- the plan review -------------------------------------------------------------------- */

static void finding_item(struct wn_doc *d, const struct wn_report_finding *f)
{
	char lead[WN_REPORT_LEAD];
	struct wn_buf b;
	struct wn_doc_line l;
	wn_report_finding_lead(f, lead, sizeof lead);
	wn_doc_line_start(&l);
	wn_doc_lf(&l, "%s%s%s ", wn_doc_bold(d), lead, wn_doc_bold(d));
	wn_buf_init(&b);
	wn_report_finding_text(f, &b);
	wn_doc_line_user(d, &l, b.s ? b.s : "");
	if (b.failed)
		d->b->failed = true;
	wn_buf_free(&b);
	wn_doc_line_end(d, &l, "- ");
}

static void findings(struct wn_doc *d, const struct wn_report_review *v)
{
	for (size_t i = 0; i < v->n_findings; i++)
		finding_item(d, &v->findings[i]);
	if (v->n_findings)
		wn_doc_add(d, "\n");
}

static void plan_review(struct wn_doc *d, const struct wn_report_med *m)
{
	char title[4 * WN_NAME_MAX + 32];
	char *name = wn_doc_clean(d, m->med.name);
	struct wn_buf b;
	snprintf(title, sizeof title, "Plan review: %s", name ? name : "");
	free(name);
	wn_doc_heading(d, 2, title);
	wn_buf_init(&b);
	wn_report_review_intro(m, &b);
	sentence_item(d, NULL, &b, "");
	wn_doc_add(d, "\n");
	if (m->n_reviews == 0)
		return;
	wn_buf_init(&b);
	wn_report_review_counts(&m->reviews[0], &b);
	sentence_item(d, NULL, &b, "");
	wn_doc_add(d, "\n");
	findings(d, &m->reviews[0]);
	if (m->n_reviews > 1)
		wn_doc_para(d, "The step after going back up to a dose, reviewed:");
	for (size_t i = 1; i < m->n_reviews; i++)
		findings(d, &m->reviews[i]);
}

/* ---- burden after each cut, symptoms, adherence ---------------------------------------------- */

static void cut_row(const struct wn_doc *d, struct wn_doc_table *t, const struct wn_report_cut *c)
{
	const struct wn_report_med *m = &d->r->meds[c->med];
	char a[64], dd[WN_DATE_STRLEN], v[32];
	wn_doc_cellf(t, "%s", wn_date_format(c->date, dd));
	if (d->r->n_meds > 1) {
		char fit[4 * WN_NAME_MAX + 8];
		wn_text_fit(m->med.name, 14, fit, sizeof fit, d->ascii);
		char *n = wn_doc_clean(d, fit);
		wn_doc_cellf(t, "%s %s", n ? n : "", wn_report_dose(c->dose, m->med.unit, a, sizeof a));
		free(n);
	} else {
		wn_doc_cellf(t, "%s", wn_report_dose(c->dose, m->med.unit, a, sizeof a));
	}
	for (int k = 0; k < WN_INSIGHT_BUCKETS; k++)
		wn_doc_cellf(t, "%s", wn_report_fmt1(c->burden.mean[k], v, sizeof v));
	if (isfinite(c->burden.peak))
		wn_doc_cellf(t, "%s (day %d)", wn_text_num(c->burden.peak, 3, v, sizeof v),
		      c->burden.peak_day);
	else
		wn_doc_cellf(t, "-");
}

static void cut_table(struct wn_doc *d)
{
	const struct wn_report *r = d->r;
	wn_doc_heading(d, 2, "Symptom burden after each cut");
	if (r->n_cuts == 0) {
		wn_doc_para(d, "No taper step has been taken yet.");
		return;
	}
	wn_doc_para(d, "Mean burden (sum of 0-3 ratings) by days since each cut, day 0 being "
	        "the cut; '-' where there are no data (yet). Compare the rows: are the "
	        "cuts getting harder?");
	struct wn_doc_table t = { .ncols = 7, .head = { "Cut", "Dose", "Days 0-3", "4-7", "8-14",
	                   "15-28", "Highest" },
	                   .right = { false, true, true, true, true, true, false } };
	for (size_t i = 0; i < r->n_cuts; i++)
		cut_row(d, &t, &r->cuts[i]);
	wn_doc_table_end(d, &t);
	if (r->cuts_omitted) {
		struct wn_doc_line l;
		wn_doc_line_start(&l);
		wn_doc_lf(&l, "The %zu earliest %s are not shown.", r->cuts_omitted,
		   wn_report_plural((long)r->cuts_omitted, "cut", "cuts"));
		wn_doc_line_end(d, &l, "");
		wn_doc_add(d, "\n");
	}
}

static void symptoms(struct wn_doc *d)
{
	const struct wn_report *r = d->r;
	wn_doc_heading(d, 2, "Main symptoms");
	if (r->n_symptoms == 0) {
		wn_doc_para(d, "No symptom was rated above 0 in this period.");
		return;
	}
	wn_doc_para(d, "The symptoms with the highest mean rating (0 none, 1 mild, 2 moderate, "
	        "3 severe) over the days with ratings. Trend: the last 14 days against "
	        "the 14 before. Onset: first rated before the first cut (pre-existing) or "
	        "after it (new since taper).");
	struct wn_doc_table t = { .ncols = 5, .head = { "Symptom", "Mean", "Present", "Trend",
	                   "Onset" }, .right = { false, true, true, false, false } };
	for (size_t i = 0; i < r->n_symptoms; i++) {
		const struct wn_report_symptom *s = &r->symptoms[i];
		char m[32], tr[48];
		wn_doc_cell_name(d, &t, s->name, 22);
		wn_doc_cellf(&t, "%s", wn_report_fmt1(s->mean, m, sizeof m));
		wn_doc_cellf(&t, "%d/%d", s->days_present, s->days);
		wn_report_trend_text(&s->trend, tr, sizeof tr);
		wn_doc_cellf(&t, "%s", tr);
		wn_doc_cellf(&t, "%s", wn_report_onset_text(s));
	}
	wn_doc_table_end(d, &t);
}

static void deviations(struct wn_doc *d, const struct wn_report_med *m)
{
	struct wn_buf b;
	wn_buf_init(&b);
	if (!wn_report_deviation_text(d->r, m, &b)) {
		wn_buf_free(&b);
		return;
	}
	sentence_item(d, NULL, &b, "");
	wn_doc_add(d, "\n");
}

static void adherence(struct wn_doc *d)
{
	const struct wn_report *r = d->r;
	wn_doc_heading(d, 2, "Doses: planned against taken");
	if (r->n_meds == 0) {
		wn_doc_para(d, "No medication is recorded.");
		return;
	}
	wn_doc_para(d, WN_REPORT_DOSES_TEXT);
	struct wn_doc_table t = { .ncols = 6, .head = { "Medication", "As planned", "Different",
	                   "Skipped", "Not recorded", "Not planned" },
	                   .right = { false, true, true, true, true, true } };
	for (size_t i = 0; i < r->n_meds; i++) {
		const struct wn_report_med *m = &r->meds[i];
		wn_doc_cell_name(d, &t, m->med.name, 18);
		for (int k = 0; k < WN_DOSE_N; k++)
			wn_doc_cellf(&t, "%d", m->dose[k]);
	}
	wn_doc_table_end(d, &t);
	struct wn_buf note;
	wn_buf_init(&note);
	wn_report_counted_note(r, &note);
	if (note.len)
		wn_doc_para(d, note.s);
	wn_buf_free(&note);
	for (size_t i = 0; i < r->n_meds; i++)
		deviations(d, &r->meds[i]);
}

/* ---- notes and questions --------------------------------------------------------------------- */

static void day_figures(const struct wn_doc *d, struct wn_doc_line *l, wn_date day)
{
	struct wn_buf b;
	wn_buf_init(&b);
	wn_report_figures_text(d->r, day, &b);
	if (b.len)
		wn_doc_lf(l, " (%s)", b.s);
	wn_buf_free(&b);
}

static void flagged(struct wn_doc *d)
{
	const struct wn_report *r = d->r;
	char a[WN_DATE_STRLEN];
	wn_doc_heading(d, 2, "Days flagged for the prescriber");
	if (r->n_notes == 0) {
		wn_doc_para(d, "No day in this period was flagged.");
		return;
	}
	for (size_t i = 0; i < r->n_notes; i++) {
		const struct wn_report_note *n = &r->notes[i];
		struct wn_doc_line l;
		wn_doc_line_start(&l);
		wn_doc_lf(&l, "%s%s%s", wn_doc_bold(d), wn_doc_date(n->date, a), wn_doc_bold(d));
		day_figures(d, &l, n->date);
		wn_doc_lf(&l, ": ");
		if (n->text)
			wn_doc_line_user(d, &l, n->text);
		else
			wn_doc_lf(&l, "(no note)");
		if (n->cut)
			wn_doc_lf(&l, " [...] (shortened; the full note is in the diary)");
		wn_doc_line_end(d, &l, "- ");
	}
	wn_doc_add(d, "\n");
}

static void questions(struct wn_doc *d)
{
	const struct wn_report *r = d->r;
	char a[WN_DATE_STRLEN];
	wn_doc_heading(d, 2, "Questions for the prescriber");
	if (r->n_questions == 0) {
		wn_doc_para(d, "No questions were written down.");
		return;
	}
	for (size_t i = 0; i < r->n_questions; i++) {
		const struct wn_report_question *q = &r->questions[i];
		struct wn_doc_line l;
		wn_doc_line_start(&l);
		wn_doc_lf(&l, "%s (%s): ", wn_doc_date(q->date, a), q->answered ? "answered" : "open");
		wn_doc_line_user(d, &l, q->text);
		if (q->answered && q->answer && *q->answer) {
			wn_doc_lf(&l, " Answer: ");
			wn_doc_line_user(d, &l, q->answer);
		}
		wn_doc_line_end(d, &l, "- ");
	}
	wn_doc_add(d, "\n");
	struct wn_buf more;
	wn_buf_init(&more);
	wn_report_questions_more_text(r, &more);
	if (more.len)
		wn_doc_para(d, more.s);
	wn_buf_free(&more);
}

static void closing(struct wn_doc *d)
{
	struct wn_doc_line l;
	if (d->md) {
		wn_doc_add(d, "---\n\n");
	} else {
		for (int i = 0; i < d->width && i < CHART_MAX_WIDTH; i++)
			wn_buf_addc(d->b, '-');
		wn_doc_add(d, "\n");
	}
	wn_doc_line_start(&l);
	wn_doc_lf(&l, "%s%s%s", d->md ? "*" : "", WN_REPORT_CLOSING, d->md ? "*" : "");
	wn_doc_line_end(d, &l, "");
}

int wn_report_text(const struct wn_report *r, const struct wn_report_opts *o,
                   struct wn_buf *out, struct wn_err *err)
{
	int width = o->width ? o->width : WN_REPORT_DEFAULT_WIDTH;
	width = width < WN_REPORT_MIN_WIDTH ? WN_REPORT_MIN_WIDTH :
	        width > WN_REPORT_MAX_WIDTH ? WN_REPORT_MAX_WIDTH : width;
	struct wn_doc d = { .b = out, .r = r, .md = o->format == WN_REPORT_MD, .ascii = o->ascii,
	                 .width = width };
	header(&d);
	current_meds(&d);
	summary(&d);
	for (size_t i = 0; i < r->n_meds; i++)
		if (r->meds[i].has_plan) {
			taper_history(&d, &r->meds[i]);
			plan_review(&d, &r->meds[i]);
		}
	wn_report_doses_section(&d);
	if (!wn_report_empty(r)) {
		charts(&d);
		cut_table(&d);
		symptoms(&d);
		adherence(&d);
		flagged(&d);
	}
	questions(&d);
	closing(&d);
	return out->failed ? wn_err_set(err, WN_ERR, "out of memory") : WN_OK;
}
