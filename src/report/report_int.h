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
/* Whether the section has anything to say: a plan with several doses a
 * day, or a switch. */
bool wn_report_has_doses(const struct wn_report *r);
/* Its words, appended to b as plain text (clean, no markup): m's doses
 * ("3 doses a day at 08:00, 14:00, 22:00; planned on DATE: 0.5 + 0 + 0
 * mg (0.5 mg a day); each step cuts ..."), and m's switch (its table,
 * stage length, equivalence, source and rule); the names cleaned for d
 * (Markdown), or as they are when d is NULL (the caller escapes). */
void wn_report_doses_words(const struct wn_report *r, const struct wn_report_med *m,
                           struct wn_buf *b);
void wn_report_switch_words(const struct wn_doc *d, const struct wn_report_med *m,
                            struct wn_buf *b);
#define WN_REPORT_SWITCH_DISCUSS "Discuss the switch and every step with the prescriber:" \
	" the plan is the person's, and wean gives no medical advice."
/* The section in HTML (switch_html.c): the doses as a list, each switch
 * as a table of its stages. */
void wn_report_doses_html(const struct wn_report *r, struct wn_buf *b);

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
