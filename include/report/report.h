/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report.h -- the prescriber report (SPEC section 6): one document for a
 * visit, covering a date range, as Markdown, plain text or HTML.
 *
 * Two steps.  wn_report_gather() (db/report.h) reads the diary into a
 * struct wn_report of plain facts (core/report_facts.h).  The renderers
 * here turn those facts into text: wn_report_text() (md, txt; ASCII
 * charts from chart.h) and wn_report_html() (one self-contained file with
 * inline SVG charts, print CSS for A4 and Letter, no script, no external
 * resource); wn_report_write() picks one by format.  Nothing here prints,
 * prompts or includes curses; no wall-clock time reaches the output (the
 * date produced is wn_date_today(), which honours WEAN_TODAY).
 *
 * Text from the diary (notes, names, reasons, questions) is sanitised for
 * the terminal in md and txt (no control characters or escape sequences),
 * escaped for Markdown where it would change the document's structure
 * (table cells, line starts), and HTML-escaped in HTML.
 *
 * What the report says: core/report_facts.h.
 */
#ifndef WEAN_REPORT_H
#define WEAN_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"
#include "core/insight.h"
#include "core/plan.h"
#include "core/report_facts.h"
#include "core/status.h"
#include "core/text.h"

#define WN_REPORT_CLOSING "These data were recorded by the person themselves " \
	"and are not a medical record. wean computes the taper plan as entered " \
	"in it; it gives no dosing advice. Discuss every change with the " \
	"prescriber."

/* Parse "md", "markdown", "txt", "text", "html" (any case) -> *format;
 * else WN_USAGE with a hint naming them. */
int wn_report_parse_format(const char *s, int *format, struct wn_err *err);
/* File suffix for a format: "md", "txt", "html" ("txt" for an unknown one). */
const char *wn_report_suffix(int format);

/* The gathered report in o->format (wn_report_text or wn_report_html),
 * appended to out.  WN_OK; WN_USAGE for an unknown format; WN_ERR out of
 * memory.  out may hold partial text after a failure (the caller
 * discards it). */
int wn_report_write(const struct wn_report *r, const struct wn_report_opts *o,
                    struct wn_buf *out, struct wn_err *err);

/* The gathered report as Markdown or plain text (o->format MD or TXT) /
 * as HTML.  Append to out.  WN_OK or WN_ERR (out of memory). */
int wn_report_text(const struct wn_report *r, const struct wn_report_opts *o,
                   struct wn_buf *out, struct wn_err *err);
int wn_report_html(const struct wn_report *r, const struct wn_report_opts *o,
                   struct wn_buf *out, struct wn_err *err);

/* ---- shared by the renderers --------------------------------------------- */

/* What the taper history's "Taken" column and the doses table mean, in
 * every format. */
#define WN_REPORT_TAKEN_TEXT "Taken: the mean daily dose on the days a dose " \
	"was recorded during the step (as planned, different or skipped, a skipped " \
	"day counting 0), with the number of those days; days with no dose " \
	"recorded are left out."
#define WN_REPORT_DOSES_TEXT "Days of the period by the dose recorded. " \
	"Different: a dose other than planned, higher or lower. Skipped: recorded " \
	"as not taken. Not recorded: no dose was recorded that day, which says " \
	"nothing about whether it was taken. Not planned: no plan in force."

/* "60 mg"; "-" for NAN. */
char *wn_report_dose(double v, const char *unit, char *buf, size_t n);
/* The plan in words: "cut 10% of the current dose every 4 weeks". */
void wn_report_plan_text(const struct wn_report_med *m, char *buf, size_t n);
/* For a plan that is one side of a switch, what its steps are, for the
 * taper history: " Its drops are doses diazepam replaces ..." (with a
 * leading space); "" for any other plan. */
void wn_report_switch_note(const struct wn_report_med *m, char *buf, size_t n);
/* A trend in words: "rising (+0.4)", "falling (-0.3)", "steady",
 * "not enough data". */
void wn_report_trend_text(const struct wn_insight_trend *t, char *buf, size_t n);
/* one for n == 1, else many. */
const char *wn_report_plural(long n, const char *one, const char *many);
/* True when the range holds no record at all (core/vocab.h): the
 * report then leaves out charts, symptoms, adherence and flagged days. */
bool wn_report_empty(const struct wn_report *r);
/* One decimal ("1.6", "0.0"); "-" for NAN. */
char *wn_report_fmt1(double v, char *buf, size_t n);

/* Sentences, plain text without markup, diary text in them raw (the
 * renderer escapes the whole sentence).  Each appends to b. */
/* "Recorded on 87 of the 90 days in this range; no record on 3 (3%):
 * 2026-09-14, ..."; only the days of the diary's life count: "... of the
 * 20 days since the diary began on 2026-11-06 ..." when the range starts
 * before it, and "Nothing was recorded in this range." when the diary
 * began after it. */
void wn_report_missing_text(const struct wn_report *r, struct wn_buf *b);
/* Under the table of doses when the range starts before the diary: "The
 * days before the diary began on 2026-11-06 are not counted."; else
 * nothing. */
void wn_report_counted_note(const struct wn_report *r, struct wn_buf *b);
/* Under the questions, when older open ones are left out: "And 12 older
 * open questions, asked from 2024-03-01 to 2026-04-30, are not listed
 * here."; nothing when none are. */
void wn_report_questions_more_text(const struct wn_report *r, struct wn_buf *b);
/* A medication after its name: "planned 60 mg on ..., 40% below the
 * starting dose ...; day 23 at 60 mg, since 2026-11-03. Last taken: ...
 * Plan: ...". */
void wn_report_med_text(const struct wn_report *r, const struct wn_report_med *m,
                        struct wn_buf *b);
/* "Held from A to B (18 days): reason", "Went back up to ...". */
void wn_report_event_text(const struct wn_report *r, const struct wn_report_med *m,
                          const struct wn_plan_event *e, struct wn_buf *b);
/* "sertraline, the days not as planned: 2026-09-05 90 mg, higher than
 * planned (74 mg); 2026-09-06 skipped (planned 74 mg)".  Returns false (nothing added) when there are none or more
 * than WN_REPORT_LIST_MAX. */
bool wn_report_deviation_text(const struct wn_report *r, const struct wn_report_med *m,
                              struct wn_buf *b);
/* What "before taper", "last 14 days" and "period" mean. */
void wn_report_baseline_text(const struct wn_report *r, struct wn_buf *b);
/* "burden 33, mood 2, sleep 3.5 h" for a day of the range ("" when none). */
void wn_report_figures_text(const struct wn_report *r, wn_date day, struct wn_buf *b);
/* "new since taper", "pre-existing", "pre-existing (marked)", ... */
const char *wn_report_onset_text(const struct wn_report_symptom *s);
/* The safety counts in one plain line (core/report_facts.h): "Very low
 * mood (2 or below): 3 of the 28 days with a mood recorded. 'Thoughts of
 * harming yourself' rated above 0 on 1 day."  Returns false (nothing
 * added) when the item is not in use and no recorded mood was that low. */
bool wn_report_safety_text(const struct wn_report *r, struct wn_buf *b);
/* "wean's hold rules suggested considering a hold 2 times: 2026-11-20
 * (sertraline): sleep under 5 h for 3 nights, held; ...".  false (nothing
 * added) when there were none in the range. */
bool wn_report_proposals_text(const struct wn_report *r, struct wn_buf *b);
/* Before a plan's review: what it is, the occupancy parameters it used,
 * the plan's one form, "Agreed with the prescriber on DATE (as recorded)"
 * when set, what the bracketed source ids are, and, when the plan has a
 * hold, that the review's dates are the steps' dates before holds. */
void wn_report_review_intro(const struct wn_report_med *m, struct wn_buf *b);
/* "Findings: 2 warnings, 1 caution, 0 notes." or "No findings." */
void wn_report_review_counts(const struct wn_report_review *v, struct wn_buf *b);
/* A finding's lead, our own words, no markup: "WARNING, acknowledged on
 * 2026-11-25:", "WARNING, not acknowledged:", "CAUTION:", "NOTE:". */
#define WN_REPORT_LEAD 96
void wn_report_finding_lead(const struct wn_report_finding *f, char *buf, size_t n);
/* The finding's sentence and its sources: "Step 1 (...): ... [S11 S9]". */
void wn_report_finding_text(const struct wn_report_finding *f, struct wn_buf *b);
/* Day i of the range for medication m, planned against taken
 * (core/vocab.h). */
enum wn_dose_status wn_report_day_dose(const struct wn_report_med *m, int i);

#endif
