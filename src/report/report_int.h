/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report_int.h (report) -- private to src/report: words.c (sentences), doc.c and
 * text.c (Markdown and text), html.c and svg.c (HTML and its charts).
 * Other layers use include/report/report.h. */
#ifndef WEAN_REPORT_INT_H
#define WEAN_REPORT_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "report/report.h"

/* ---- switch.c --------------------------------------------------------------- */

struct wn_doc;
/* The section on doses through the day and switching (Markdown, text);
 * nothing when no plan has several doses a day or a switch. */
void wn_report_doses_section(struct wn_doc *d);

/* ---- report_svg.c ------------------------------------------------------------ */

/* Appends s sanitised (no control characters) and HTML-escaped; with
 * keep_nl a newline becomes <br>, else a space. */
void wn_report_html_esc(struct wn_buf *b, const char *s, bool keep_nl);

/* A line chart as inline SVG. */
struct wn_report_svg {
	const char *title;               /* raw text, escaped here */
	wn_date start;
	size_t n;                        /* days, >= 1 */
	const double *v;                 /* n values, NAN = no data */
	double lo, hi;                   /* scale; grows to the data */
	int width, height;               /* viewBox, in px at 96 dpi */
	const double *planned;           /* n planned doses: the overlay and
	                                    its right axis; NULL for none */
	const char *dose_label;          /* "sertraline (mg)", raw */
	const struct wn_report *r;       /* steps from r->cuts; may be NULL */
	const struct wn_report_med *med; /* holds and doses taken; may be NULL */
	bool step_labels;                /* write the new dose at each step */
	bool dose_only;                  /* a dose chart: v drawn as a step
	                                    line, every day (no means); only the
	                                    steps and holds of med's plan; else
	                                    the holds of every plan */
};
int wn_report_svg_chart(struct wn_buf *b, const struct wn_report_svg *c);
/* A one-line sparkline of n values on 0..hi (hi > 0), NAN = gap. */
void wn_report_svg_spark(struct wn_buf *b, const double *v, size_t n, double hi);

#endif
