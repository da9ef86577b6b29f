/* report_int.h -- shared by the report files: report.c (range, days,
 * measures, questions), report_med.c (medications, plans, cuts),
 * report_sym.c (symptoms), report_words.c (sentences), report_doc.c and
 * report_text.c (Markdown and text), report_html.c and report_svg.c
 * (HTML and its charts).  Not for any other module: they use
 * include/report.h. */
#ifndef WEAN_REPORT_INT_H
#define WEAN_REPORT_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "report/report.h"

/* A failed query as a status and message (busy, damaged, I/O). */
int wn_report_sqlfail(struct wn_db *db, struct wn_err *err);
/* Binds ?1 and ?2 to the dates from and to. */
void wn_report_bind_range(sqlite3_stmt *st, wn_date from, wn_date to);

/* The days the measures are read for: the range, reaching back to the
 * baseline before the first cut and to the 28 days a trend compares.  The
 * burden over them is kept for the symptoms: their days with data are the
 * same (a day with a check-in or any rating, series.h). */
struct wn_report_span {
	wn_date lo;
	size_t n;
	double *burden;
};

/* Makes room for one more item in *arr (of *n items, *cap allocated).
 * 0, or -1 when out of memory (*arr unchanged). */
int wn_report_grow(void **arr, size_t *cap, size_t n, size_t size);

/* Fills r->meds (every medication with a plan or a dose record up to
 * r->to), r->cuts and r->first_cut.  r->from, r->to, r->n_days are set. */
int wn_report_gather_meds(struct wn_db *db, struct wn_report *r,
                          struct wn_err *err);

/* The burden after each cut of r->cuts, from a series (which must reach
 * back before the first cut for the buckets to have their days). */
void wn_report_cut_means(struct wn_report *r, const struct wn_insight_series *s);

void wn_report_meds_free(struct wn_report *r);

/* Fills r->symptoms (report_sym.c).  r->m[WN_REPORT_M_BURDEN] is set. */
int wn_report_gather_symptoms(struct wn_db *db, struct wn_report *r,
                              const struct wn_report_span *sp, struct wn_err *err);

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
	bool dose_only;                  /* a dose chart: only the steps and
	                                    holds of med's plan, no dots; else
	                                    the holds of every plan */
};
int wn_report_svg_chart(struct wn_buf *b, const struct wn_report_svg *c);
/* A one-line sparkline of n values on 0..hi (hi > 0), NAN = gap. */
void wn_report_svg_spark(struct wn_buf *b, const double *v, size_t n, double hi);

#endif
