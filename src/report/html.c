/* SPDX-License-Identifier: GPL-3.0-or-later */
/* html.c (report) -- the prescriber report as one self-contained HTML file
 * (see report.h): inline CSS written for print (A4 and Letter: @page
 * margins, a 186 mm column, 8-9 pt type, rows that do not split across
 * pages), inline SVG charts (report_svg.c), no script, no external font,
 * image or link.  Every text from the diary is HTML-escaped. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_int.h"
#include "core/plan.h"
#include "core/records.h"

#define WIDE 703            /* px at 96 dpi: 186 mm */
#define HALF 344            /* half of it, less the 4 mm between */

/* Sized to print the 90-day report on two pages of A4 or Letter (the
 * smaller of each: A4's width, Letter's height); no paper size is set, so
 * it prints on whichever the printer has.  The footer of every page (the
 * name, the range, "page N of M") is an @page margin box: head() adds it,
 * with the name escaped for CSS. */
static const char css[] =
	"@page{margin:8mm 12mm 11mm}\n"
	"*{box-sizing:border-box}\n"
	"html{font-family:\"Helvetica Neue\",Helvetica,Arial,\"Liberation Sans\",\"DejaVu Sans\","
	"sans-serif;font-size:8.7pt;color:#111;background:#fff;line-height:1.2}\n"
	"body{max-width:186mm;margin:0 auto;padding:10mm 0}\n"
	"@media print{body{padding:0}}\n"
	"header{display:flex;flex-wrap:wrap;align-items:baseline;column-gap:8mm;margin:0 0 1.5mm}\n"
	"h1{font-size:14pt;font-weight:600;margin:0;letter-spacing:.01em}\n"
	"h2{font-size:10.5pt;font-weight:600;margin:2.2mm 0 .7mm;padding-bottom:.5mm;"
	"border-bottom:.8pt solid #333;break-after:avoid;page-break-after:avoid}\n"
	"h3{font-size:9.5pt;font-weight:600;margin:2mm 0 .8mm;break-after:avoid}\n"
	"p{margin:.6mm 0 1mm}\n"
	"p.intro{font-size:8pt;break-after:avoid;page-break-after:avoid}\n"
	".nw{white-space:nowrap}\n"
	".who{display:flex;flex-wrap:wrap;gap:.5mm 6mm;font-size:9pt}\n"
	".who span b{font-weight:600}\n"
	".key{border:.8pt solid #333;padding:1.2mm 2.5mm;margin:1.5mm 0;break-inside:avoid}\n"
	".key p{margin:.6mm 0}\n"
	".small{font-size:8pt;color:#333}\n"
	"table{border-collapse:collapse;width:100%;margin:1mm 0 1.5mm;font-size:8pt;"
	"line-height:1.2}\n"
	"thead{display:table-header-group}\n"
	"tr{break-inside:avoid;page-break-inside:avoid}\n"
	"th,td{padding:.25mm 1.5mm;text-align:left;vertical-align:top;"
	"border-bottom:.5pt solid #bbb}\n"
	"th{font-weight:600;border-bottom:.9pt solid #333;white-space:nowrap}\n"
	".n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
	"tr.future td{color:#555;font-style:italic}\n"
	"table.switch{width:auto;break-inside:avoid;page-break-inside:avoid}\n"
	"table.switch td,table.switch th{padding-right:5mm}\n"
	"ul{margin:.8mm 0 1.2mm;padding-left:4.5mm}\n"
	"li{margin:.2mm 0;break-inside:avoid}\n"
	"ul.findings{font-size:7.5pt;line-height:1.15}\n"
	"figure{margin:.3mm 0 1mm;break-inside:avoid;page-break-inside:avoid}\n"
	".key{break-inside:avoid;page-break-inside:avoid}\n"
	"figcaption{font-size:8pt;color:#333;margin-top:.3mm}\n"
	".two{display:grid;grid-template-columns:1fr 1fr;column-gap:6mm}\n"
	".two h2{margin-top:2mm}\n"
	".pair{display:flex;gap:4mm;break-inside:avoid}\n"
	".pair figure{flex:1;min-width:0}\n"
	"svg.chart{display:block;width:100%;height:auto}\n"
	"svg text{font-size:9px;fill:#222}\n"
	"svg text.title{font-size:10px;font-weight:600}\n"
	"svg text.dose{fill:#444;font-style:italic}\n"
	"svg text.steplabel{font-size:8.5px;fill:#333}\n"
	"svg text.holdlabel{font-size:8.5px;fill:#444;font-style:italic}\n"
	".grid{stroke:#ddd;stroke-width:.6}\n"
	".axis{stroke:#333;stroke-width:.8}\n"
	".line{fill:none;stroke:#111;stroke-width:1.4;stroke-linejoin:round}\n"
	".dot{fill:#111}\n"
	".planned{fill:none;stroke:#555;stroke-width:1.3;stroke-dasharray:5 3}\n"
	".taken{fill:none;stroke:#000;stroke-width:1.2}\n"
	".step{stroke:#666;stroke-width:.8;stroke-dasharray:2 2}\n"
	".hold{fill:#000;fill-opacity:.07}\n"
	"svg.spark{width:26mm;height:3.2mm;vertical-align:middle}\n"
	".sline{fill:none;stroke:#111;stroke-width:1.1}\n"
	".closing{margin-top:1.5mm;padding-top:.8mm;border-top:.8pt solid #333;font-size:8pt}\n";

struct page {
	struct wn_buf *b;
	const struct wn_report *r;
};

static void add(struct page *p, const char *s)
{
	wn_buf_adds(p->b, s);
}

static bool is_date(const char *s)
{
	for (int i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : !(s[i] >= '0' && s[i] <= '9'))
			return false;
	return true;
}

/* Escaped text; a date in it never breaks across lines at its hyphens. */
static void esc(struct page *p, const char *s)
{
	struct wn_buf t;
	wn_buf_init(&t);
	wn_report_html_esc(&t, s, false);
	for (const char *q = t.s; *q; q++) {
		if (is_date(q) && (q == t.s || !(q[-1] >= '0' && q[-1] <= '9'))) {
			add(p, "<span class=\"nw\">");
			wn_buf_add(p->b, q, 10);
			add(p, "</span>");
			q += 9;
		} else {
			wn_buf_addc(p->b, *q);
		}
	}
	if (t.failed)
		p->b->failed = true;
	wn_buf_free(&t);
}

/* <tag>sentence</tag>: a sentence of report_words.c, escaped. */
static void sentence(struct page *p, const char *open, struct wn_buf *s, const char *close)
{
	add(p, open);
	esc(p, s->s ? s->s : "");
	add(p, close);
	if (s->failed)
		p->b->failed = true;
	wn_buf_free(s);
}

/* One table cell; cls "n" right-aligns numbers. */
static void td(struct page *p, const char *cls, const char *text)
{
	add(p, cls ? "<td class=\"n\">" : "<td>");
	esc(p, text);
	add(p, "</td>");
}

static void thead(struct page *p, const char *const *h, const bool *num, int n)
{
	add(p, "<table><thead><tr>");
	for (int i = 0; i < n; i++) {
		add(p, num[i] ? "<th class=\"n\">" : "<th>");
		esc(p, h[i]);
		add(p, "</th>");
	}
	add(p, "</tr></thead><tbody>\n");
}

/* ---- head and the top of the page ------------------------------------------------- */

/* Text in a CSS string: sanitised, and every character but letters,
 * digits, blanks and UTF-8 as a hex escape (no quote, backslash or '<'
 * can end the string or the style element). */
static void css_str(struct page *p, const char *s)
{
	struct wn_buf t;
	wn_buf_init(&t);
	wn_text_sanitize_to(&t, s, strlen(s), 0);
	for (const unsigned char *q = (const unsigned char *)(t.s ? t.s : ""); *q; q++) {
		if ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') ||
		    (*q >= '0' && *q <= '9') || *q == ' ' || *q >= 0x80)
			wn_buf_addc(p->b, (char)*q);
		else
			wn_buf_addf(p->b, "\\%x ", *q);
	}
	if (t.failed)
		p->b->failed = true;
	wn_buf_free(&t);
}

/* The footer of every printed page: the name and range on the left,
 * "page N of M" on the right (CSS margin boxes, printed by Chromium 131
 * and later; a browser without them prints no footer and loses nothing
 * else). */
static void footer_css(struct page *p)
{
	char a[WN_DATE_STRLEN], c[WN_DATE_STRLEN];
	const struct wn_report *r = p->r;
	add(p, "@page{@bottom-left{content:\"");
	if (r->name) {
		css_str(p, r->name);
		add(p, ", ");
	}
	wn_buf_addf(p->b, "%s to %s\";font:8pt sans-serif;color:#333}"
	            "@bottom-right{content:\"page \" counter(page) \" of \" counter(pages);"
	            "font:8pt sans-serif;color:#333}}\n",
	            wn_date_format(r->from, a), wn_date_format(r->to, c));
}

static void head(struct page *p)
{
	char a[WN_DATE_STRLEN], c[WN_DATE_STRLEN];
	const struct wn_report *r = p->r;
	add(p, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	       "<title>Tapering diary report");
	if (r->name) {
		add(p, ", ");
		wn_report_html_esc(p->b, r->name, false);   /* no markup in a title */
	}
	wn_buf_addf(p->b, ", %s to %s</title>\n<style>\n", wn_date_format(r->from, a), wn_date_format(r->to, c));
	add(p, css);
	footer_css(p);
	add(p, "</style>\n</head>\n<body>\n");
}

static void who(struct page *p)
{
	char a[WN_DATE_STRLEN], c[WN_DATE_STRLEN], d[WN_DATE_STRLEN];
	const struct wn_report *r = p->r;
	add(p, "<header>\n<h1>Tapering diary report</h1>\n<div class=\"who\">");
	if (r->name) {
		add(p, "<span><b>Name:</b> ");
		esc(p, r->name);
		add(p, "</span>");
	}
	wn_buf_addf(p->b, "<span><b>Period:</b> %s to %s (%d %s)</span>"
	            "<span><b>Produced:</b> %s by wean %s</span></div>\n</header>\n",
	            wn_date_format(r->from, a), wn_date_format(r->to, c), r->n_days,
	            wn_report_plural(r->n_days, "day", "days"), wn_date_format(r->produced, d),
	            WEAN_VERSION);
}

static void meds(struct page *p)
{
	const struct wn_report *r = p->r;
	add(p, "<section>\n<h2>Current medications</h2>\n");
	if (r->n_meds == 0)
		add(p, "<p>No taper plan and no dose are recorded in the diary.</p>\n");
	else
		add(p, "<ul>\n");
	for (size_t i = 0; i < r->n_meds; i++) {
		struct wn_buf s;
		wn_buf_init(&s);
		wn_report_med_text(r, &r->meds[i], &s);
		add(p, "<li><b>");
		esc(p, r->meds[i].med.name);
		add(p, "</b>: ");
		sentence(p, "", &s, "</li>\n");
	}
	add(p, r->n_meds ? "</ul>\n</section>\n" : "</section>\n");
}

static void measure_row(struct page *p, const struct wn_report_measure *m)
{
	char a[32], c[32], d[32], e[32], t[96];
	if (strchr(m->unit, ' '))
		snprintf(t, sizeof t, "%s", m->name);
	else
		snprintf(t, sizeof t, "%s (%s)", m->name, m->unit);
	add(p, "<tr>");
	td(p, NULL, t);
	td(p, "n", wn_report_fmt1(m->base.baseline, a, sizeof a));
	td(p, "n", wn_report_fmt1(m->base.now, c, sizeof c));
	if (isfinite(m->base.change))
		snprintf(d, sizeof d, "%+.1f", fabs(m->base.change) < 0.05 ? 0.0 : m->base.change);
	else
		snprintf(d, sizeof d, "-");
	td(p, "n", d);
	td(p, "n", wn_report_fmt1(m->mean, e, sizeof e));
	snprintf(t, sizeof t, "%d", m->days);
	td(p, "n", t);
	add(p, "</tr>\n");
}

static void glance(struct page *p)
{
	static const char *const h[] = { "Measure", "Before taper", "Last 14 days", "Change",
	                                 "Period", "Days" };
	static const bool num[] = { false, true, true, true, true, true };
	const struct wn_report *r = p->r;
	struct wn_buf s;
	add(p, "<section>\n<h2>The period at a glance</h2>\n");
	wn_buf_init(&s);
	wn_report_missing_text(r, &s);
	sentence(p, "<p class=\"key\"><b>", &s, "</b></p>\n");
	wn_buf_init(&s);
	if (wn_report_safety_text(r, &s))
		sentence(p, "<p>", &s, "</p>\n");
	else
		wn_buf_free(&s);
	wn_buf_init(&s);
	if (wn_report_proposals_text(r, &s))
		sentence(p, "<p>", &s, "</p>\n");
	else
		wn_buf_free(&s);
	if (wn_report_empty(r)) {
		add(p, "<p>Nothing is recorded in this period, so there are no charts, "
		       "symptoms or doses to summarise.</p>\n</section>\n");
		return;
	}
	thead(p, h, num, 6);
	for (int k = 0; k < WN_REPORT_N_MEASURES; k++)
		measure_row(p, &r->m[k]);
	add(p, "</tbody></table>\n");
	wn_buf_init(&s);
	wn_report_baseline_text(r, &s);
	sentence(p, "<p class=\"small\">", &s, "</p>\n</section>\n");
}

/* ---- taper history ------------------------------------------------------------------ */

static void step_row(struct page *p, const struct wn_report_med *m,
                     const struct wn_report_step *s)
{
	char a[64], c[64], t[64], dd[WN_DATE_STRLEN];
	const char *u = m->med.unit;
	double mean = isfinite(s->taken_mean) ? round(s->taken_mean * 10) / 10 : NAN;
	bool current = !s->future && (s == &m->steps[m->n_steps - 1] || (s + 1)->future);
	add(p, s->future ? "<tr class=\"future\">" : "<tr>");
	snprintf(t, sizeof t, "%d", s->index);
	td(p, "n", t);
	td(p, NULL, wn_date_format(s->date, dd));
	td(p, "n", wn_report_dose(s->dose, u, a, sizeof a));
	td(p, "n", wn_text_pct(s->pct_of_start, 0, t, sizeof t));
	td(p, "n", s == m->steps ? "-" : wn_text_step_change((s - 1)->dose, s->dose, t, sizeof t));
	wn_report_dose(mean, u, c, sizeof c);
	if (!s->future && s->dose_days > 0)
		snprintf(c + strlen(c), sizeof c - strlen(c), " on %d %s", s->dose_days,
		         wn_report_plural(s->dose_days, "day", "days"));
	td(p, "n", s->future ? "" : s->dose_days ? c : "-");
	if (s->future)
		snprintf(t, sizeof t, "next step");
	else if (s->days_held)
		snprintf(t, sizeof t, "%d (%d on hold)", s->days, s->days_held);
	else
		snprintf(t, sizeof t, current ? "%d so far" : "%d", s->days);
	td(p, NULL, t);
	add(p, "</tr>\n");
}

static void history(struct page *p, const struct wn_report_med *m)
{
	static const char *const h[] = { "Step", "From", "Planned", "Of start", "Cut",
	                                 "Taken (mean)", "Days" };
	static const bool num[] = { true, false, true, true, true, true, false };
	char plan[200], a[64], dd[WN_DATE_STRLEN];
	add(p, "<section>\n<h2>Taper history: ");
	esc(p, m->med.name);
	add(p, "</h2>\n<p class=\"intro\">");
	wn_report_plan_text(m, plan, sizeof plan);
	add(p, "Plan: ");
	esc(p, plan);
	add(p, ", from ");
	esc(p, wn_report_dose(m->start_dose, m->med.unit, a, sizeof a));
	wn_buf_addf(p->b, " on %s.", wn_date_format(m->plan_start, dd));
	if (m->steps_omitted)
		wn_buf_addf(p->b, " The %zu earliest %s are not shown.", m->steps_omitted,
		            wn_report_plural((long)m->steps_omitted, "step", "steps"));
	char note[4 * WN_NAME_MAX + 200];
	wn_report_switch_note(m, note, sizeof note);
	esc(p, note);
	add(p, " " WN_REPORT_TAKEN_TEXT "</p>\n");
	if (m->n_steps) {
		thead(p, h, num, 7);
		for (size_t i = 0; i < m->n_steps; i++)
			step_row(p, m, &m->steps[i]);
		add(p, "</tbody></table>\n");
	}
	if (m->n_events)
		add(p, "<ul>\n");
	for (size_t i = 0; i < m->n_events; i++) {
		struct wn_buf s;
		wn_buf_init(&s);
		wn_report_event_text(p->r, m, &m->events[i], &s);
		sentence(p, "<li>", &s, "</li>\n");
	}
	add(p, m->n_events ? "</ul>\n</section>\n" : "</section>\n");
}

/* ---- the plan review ---------------------------------------------------------------- */

static void findings(struct page *p, const struct wn_report_review *v)
{
	char lead[WN_REPORT_LEAD];
	if (v->n_findings == 0)
		return;
	add(p, "<ul class=\"findings\">\n");
	for (size_t i = 0; i < v->n_findings; i++) {
		struct wn_buf s;
		wn_report_finding_lead(&v->findings[i], lead, sizeof lead);
		add(p, "<li><b>");
		esc(p, lead);
		add(p, "</b> ");
		wn_buf_init(&s);
		wn_report_finding_text(&v->findings[i], &s);
		sentence(p, "", &s, "</li>\n");
	}
	add(p, "</ul>\n");
}

static void plan_review(struct page *p, const struct wn_report_med *m)
{
	struct wn_buf s;
	add(p, "<section>\n<h2>Plan review: ");
	esc(p, m->med.name);
	add(p, "</h2>\n");
	wn_buf_init(&s);
	wn_report_review_intro(m, &s);
	sentence(p, "<p>", &s, "</p>\n");
	if (m->n_reviews) {
		wn_buf_init(&s);
		wn_report_review_counts(&m->reviews[0], &s);
		sentence(p, "<p>", &s, "</p>\n");
		findings(p, &m->reviews[0]);
	}
	if (m->n_reviews > 1)
		add(p, "<p>The step after going back up to a dose, reviewed:</p>\n");
	for (size_t i = 1; i < m->n_reviews; i++)
		findings(p, &m->reviews[i]);
	add(p, "</section>\n");
}

/* ---- charts ------------------------------------------------------------------------- */

static const struct wn_report_med *overlay_med(const struct wn_report *r)
{
	for (size_t i = 0; i < r->n_meds; i++)
		if (r->meds[i].has_plan)
			return &r->meds[i];
	return NULL;
}

static void figure(struct page *p, int k, const struct wn_report_svg *c, const char *cap)
{
	const struct wn_report_measure *m = &p->r->m[k];
	add(p, "<figure>");
	if (m->days == 0) {
		add(p, "<p class=\"small\">");
		esc(p, m->name);
		add(p, ": nothing recorded in this period.</p>");
	} else {
		wn_report_svg_chart(p->b, c);
	}
	if (cap && m->days) {
		add(p, "<figcaption>");
		esc(p, cap);
		add(p, "</figcaption>");
	}
	add(p, "</figure>\n");
}

/* The planned dose of a medication other than the one drawn with the
 * burden (a second plan: a cross-taper, a switch). */
static void dose_figure(struct page *p, const struct wn_report_med *m)
{
	char title[WN_NAME_MAX + 48];
	snprintf(title, sizeof title, "Planned dose, %s (%s)", m->med.name, m->med.unit);
	struct wn_report_svg c = { .title = title, .start = p->r->from, .n = (size_t)p->r->n_days,
	                           .v = m->planned_days, .width = WIDE, .height = 120,
	                           .r = p->r, .med = m, .step_labels = true, .dose_only = true };
	add(p, "<figure>");
	wn_report_svg_chart(p->b, &c);
	add(p, "</figure>\n");
}

static void charts(struct page *p)
{
	const struct wn_report *r = p->r;
	const struct wn_report_med *om = overlay_med(r);
	char label[WN_NAME_MAX + 32];
	if (om)
		snprintf(label, sizeof label, "%s (%s)", om->med.name, om->med.unit);
	struct wn_report_svg c = { .title = "Symptom burden (sum of 0-3 ratings)",
	                           .start = r->from, .n = (size_t)r->n_days,
	                           .v = r->m[WN_REPORT_M_BURDEN].v, .lo = 0, .hi = 5,
	                           .width = WIDE, .height = 134, .r = r, .med = om,
	                           .planned = om ? om->planned_days : NULL,
	                           .dose_label = label, .step_labels = true };
	add(p, "<section>\n<h2>Charts</h2>\n");
	figure(p, WN_REPORT_M_BURDEN, &c, om ? "Dashed vertical lines: taper steps, labelled "
	       "with the new planned dose. Shaded: holds. Crosses: the dose recorded when "
	       "it differed from the plan (skipped: at 0). Gaps: days without data "
	       "(never joined)." : "Gaps: days without data (never joined).");
	add(p, "<div class=\"pair\">");
	c = (struct wn_report_svg){ .title = "Mood (0-10, higher is better)", .start = r->from,
	                            .n = (size_t)r->n_days, .v = r->m[WN_REPORT_M_MOOD].v,
	                            .lo = 0, .hi = 10, .width = HALF, .height = 96, .r = r,
	                            .med = om };
	figure(p, WN_REPORT_M_MOOD, &c, NULL);
	c.title = "Sleep (hours)";
	c.v = r->m[WN_REPORT_M_SLEEP].v;
	figure(p, WN_REPORT_M_SLEEP, &c, NULL);
	add(p, "</div>\n");
	for (size_t i = 0; i < r->n_meds; i++)
		if (r->meds[i].has_plan && &r->meds[i] != om)
			dose_figure(p, &r->meds[i]);
	add(p, "</section>\n");
}

/* ---- burden after each cut, symptoms, adherence --------------------------------------------- */

static void cut_row(struct page *p, const struct wn_report_cut *c)
{
	const struct wn_report_med *m = &p->r->meds[c->med];
	char a[64], dd[WN_DATE_STRLEN], v[32], t[64];
	add(p, "<tr>");
	td(p, NULL, wn_date_format(c->date, dd));
	add(p, "<td class=\"n\">");
	if (p->r->n_meds > 1) {
		esc(p, m->med.name);
		add(p, " ");
	}
	esc(p, wn_report_dose(c->dose, m->med.unit, a, sizeof a));
	add(p, "</td>");
	for (int k = 0; k < WN_INSIGHT_BUCKETS; k++)
		td(p, "n", wn_report_fmt1(c->burden.mean[k], v, sizeof v));
	if (isfinite(c->burden.peak))
		snprintf(t, sizeof t, "%s (day %d)", wn_text_num(c->burden.peak, 3, v, sizeof v),
		         c->burden.peak_day);
	else
		snprintf(t, sizeof t, "-");
	td(p, NULL, t);
	add(p, "</tr>\n");
}

static void cuts(struct page *p)
{
	static const char *const h[] = { "Cut", "Dose", "Days 0-3", "4-7", "8-14", "15-28",
	                                 "Highest" };
	static const bool num[] = { false, true, true, true, true, true, false };
	const struct wn_report *r = p->r;
	add(p, "<section>\n<h2>Symptom burden after each cut</h2>\n");
	if (r->n_cuts == 0) {
		add(p, "<p>No taper step has been taken yet.</p>\n</section>\n");
		return;
	}
	add(p, "<p class=\"intro\">Mean burden (sum of 0-3 ratings) by days since each cut, day 0 being the "
	       "cut; '-' where there are no data (yet). Compare the rows: are the cuts "
	       "getting harder?</p>\n");
	thead(p, h, num, 7);
	for (size_t i = 0; i < r->n_cuts; i++)
		cut_row(p, &r->cuts[i]);
	add(p, "</tbody></table>\n");
	if (r->cuts_omitted)
		wn_buf_addf(p->b, "<p class=\"small\">The %zu earliest %s are not shown.</p>\n",
		            r->cuts_omitted, wn_report_plural((long)r->cuts_omitted, "cut", "cuts"));
	add(p, "</section>\n");
}

static void symptom_row(struct page *p, const struct wn_report_symptom *s)
{
	char m[32], t[64];
	add(p, "<tr>");
	td(p, NULL, s->name);
	td(p, "n", wn_report_fmt1(s->mean, m, sizeof m));
	snprintf(t, sizeof t, "%d of %d", s->days_present, s->days);
	td(p, "n", t);
	add(p, "<td>");
	wn_report_svg_spark(p->b, s->v, (size_t)p->r->n_days, 3);
	add(p, "</td>");
	wn_report_trend_text(&s->trend, t, sizeof t);
	td(p, NULL, t);
	td(p, NULL, wn_report_onset_text(s));
	add(p, "</tr>\n");
}

static void symptoms(struct page *p)
{
	static const char *const h[] = { "Symptom", "Mean", "Days present", "Course",
	                                 "Trend", "Onset" };
	static const bool num[] = { false, true, true, false, false, false };
	const struct wn_report *r = p->r;
	add(p, "<section>\n<h2>Main symptoms</h2>\n");
	if (r->n_symptoms == 0) {
		add(p, "<p>No symptom was rated above 0 in this period.</p>\n</section>\n");
		return;
	}
	add(p, "<p class=\"intro\">The symptoms with the highest mean rating (0 none, 1 mild, 2 moderate, "
	       "3 severe) over the days with ratings. Course: the daily rating over the "
	       "period. Trend: the last 14 days against the 14 before. Onset: first rated "
	       "before the first cut (pre-existing) or after it (new since taper).</p>\n");
	thead(p, h, num, 6);
	for (size_t i = 0; i < r->n_symptoms; i++)
		symptom_row(p, &r->symptoms[i]);
	add(p, "</tbody></table>\n</section>\n");
}

static void adherence_row(struct page *p, const struct wn_report_med *m)
{
	char t[32];
	add(p, "<tr>");
	td(p, NULL, m->med.name);
	for (int k = 0; k < WN_DOSE_N; k++) {
		snprintf(t, sizeof t, "%d", m->dose[k]);
		td(p, "n", t);
	}
	add(p, "</tr>\n");
}

static void adherence(struct page *p)
{
	static const char *const h[] = { "Medication", "As planned", "Different", "Skipped",
	                                 "Not recorded", "Not planned" };
	static const bool num[] = { false, true, true, true, true, true };
	const struct wn_report *r = p->r;
	add(p, "<section>\n<h2>Doses: planned against taken</h2>\n");
	if (r->n_meds == 0) {
		add(p, "<p>No medication is recorded.</p>\n</section>\n");
		return;
	}
	add(p, "<p class=\"intro\">" WN_REPORT_DOSES_TEXT "</p>\n");
	thead(p, h, num, 6);
	for (size_t i = 0; i < r->n_meds; i++)
		adherence_row(p, &r->meds[i]);
	add(p, "</tbody></table>\n");
	struct wn_buf note;
	wn_buf_init(&note);
	wn_report_counted_note(r, &note);
	if (note.len)
		sentence(p, "<p>", &note, "</p>\n");
	else
		wn_buf_free(&note);
	for (size_t i = 0; i < r->n_meds; i++) {
		struct wn_buf s;
		wn_buf_init(&s);
		if (wn_report_deviation_text(r, &r->meds[i], &s))
			sentence(p, "<p>", &s, "</p>\n");
		else
			wn_buf_free(&s);
	}
	add(p, "</section>\n");
}

/* ---- notes and questions ---------------------------------------------------------------- */

static void flagged(struct page *p)
{
	const struct wn_report *r = p->r;
	char a[WN_DATE_STRLEN];
	add(p, "<section>\n<h2>Days flagged for the prescriber</h2>\n");
	if (r->n_notes == 0) {
		add(p, "<p>No day in this period was flagged.</p>\n</section>\n");
		return;
	}
	add(p, "<ul>\n");
	for (size_t i = 0; i < r->n_notes; i++) {
		const struct wn_report_note *n = &r->notes[i];
		struct wn_buf f;
		wn_buf_init(&f);
		wn_report_figures_text(r, n->date, &f);
		wn_buf_addf(p->b, "<li><b>%s</b>", wn_date_format(n->date, a));
		if (f.len)
			sentence(p, " (", &f, ")");
		else
			wn_buf_free(&f);
		add(p, ": ");
		if (n->text)
			wn_report_html_esc(p->b, n->text, true);
		else
			add(p, "(no note)");
		if (n->cut)
			add(p, " [&hellip;] <i>(shortened; the full note is in the diary)</i>");
		add(p, "</li>\n");
	}
	add(p, "</ul>\n</section>\n");
}

static void questions(struct page *p)
{
	const struct wn_report *r = p->r;
	char a[WN_DATE_STRLEN];
	add(p, "<section>\n<h2>Questions for the prescriber</h2>\n");
	if (r->n_questions == 0) {
		add(p, "<p>No questions were written down.</p>\n</section>\n");
		return;
	}
	add(p, "<ul>\n");
	for (size_t i = 0; i < r->n_questions; i++) {
		const struct wn_report_question *q = &r->questions[i];
		wn_buf_addf(p->b, "<li>%s (%s): ", wn_date_format(q->date, a),
		            q->answered ? "answered" : "open");
		wn_report_html_esc(p->b, q->text, true);
		if (q->answered && q->answer && *q->answer) {
			add(p, "<br><i>Answer:</i> ");
			wn_report_html_esc(p->b, q->answer, true);
		}
		add(p, "</li>\n");
	}
	add(p, "</ul>\n");
	struct wn_buf more;
	wn_buf_init(&more);
	wn_report_questions_more_text(r, &more);
	if (more.len)
		sentence(p, "<p>", &more, "</p>\n");
	else
		wn_buf_free(&more);
	add(p, "</section>\n");
}

int wn_report_html(const struct wn_report *r, const struct wn_report_opts *o,
                   struct wn_buf *out, struct wn_err *err)
{
	(void)o;
	struct page p = { .b = out, .r = r };
	head(&p);
	who(&p);
	meds(&p);
	glance(&p);
	for (size_t i = 0; i < r->n_meds; i++)
		if (r->meds[i].has_plan) {
			history(&p, &r->meds[i]);
			plan_review(&p, &r->meds[i]);
		}
	wn_report_doses_html(r, out);
	if (!wn_report_empty(r)) {
		charts(&p);
		cuts(&p);
		symptoms(&p);
		adherence(&p);
		add(&p, "<div class=\"two\">\n");
		flagged(&p);
	}
	questions(&p);
	if (!wn_report_empty(r))
		add(&p, "</div>\n");
	add(&p, "<p class=\"closing\">");
	esc(&p, WN_REPORT_CLOSING);
	add(&p, "</p>\n</body>\n</html>\n");
	return out->failed ? wn_err_set(err, WN_ERR, "out of memory") : WN_OK;
}
