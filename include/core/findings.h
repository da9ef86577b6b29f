/* SPDX-License-Identifier: GPL-3.0-or-later */
/* findings.h -- a plan review (core/review.h) made ready for the screens:
 * the plan a spec would make, reviewed before it is saved; the counts in
 * words; the worst finding on one step; the note on a saved plan's
 * warning (acknowledged or not); the question of the second yes; and the
 * findings laid out in the rows of a box, warnings first, each as its
 * whole sentence while they fit and as its few words when they do not.
 * Pure: no SQL, no curses.  The screens (src/tui) draw what this says.
 */
#ifndef WEAN_CORE_FINDINGS_H
#define WEAN_CORE_FINDINGS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/plan.h"
#include "core/records.h"
#include "core/review.h"
#include "core/status.h"

/* ---- before saving ------------------------------------------------------- */

struct wn_findings_plan {
	const struct wn_plan_spec *spec;
	const struct wn_med *med;          /* its name finds the drug */
	const struct wn_form *forms;       /* the medication's forms */
	int n_forms;
};

/* The plan the spec would make (wn_plan_from_spec), its schedule
 * (wn_plan_built_make) and its review (wn_plan_review), as `wean plan
 * add` reviews it before saving.  WN_OK, or the error of the step that
 * failed (the spec's problem in words).  Free b with wn_plan_built_free()
 * and r with wn_review_free(), also after a failure. */
int wn_findings_spec(const struct wn_findings_plan *in, struct wn_plan_built *b,
                     struct wn_review *r, struct wn_err *err);

/* "Save this plan with its 2 warnings? y/N" for what = "Save this plan";
 * "... with its warning? y/N" for one. */
void wn_findings_question(const char *what, const struct wn_review *r, char *buf,
                          size_t n);

/* ---- words ---------------------------------------------------------------- */

/* "2 warnings, 1 caution, 1 note" (only the levels there are), or "no
 * findings"; r may be NULL (no findings). */
void wn_findings_counts(const struct wn_review *r, char *buf, size_t n);

/* "WARNING", "CAUTION", "NOTE": a finding's tag, as the command line
 * prints it. */
const char *wn_findings_tag(enum wn_review_level l);

/* The worst finding of r among those that concern `step` (from its step
 * to its step_to; whole-plan findings concern none), the first of equals;
 * NULL when there is none or r is NULL. */
const struct wn_review_finding *wn_findings_on_step(const struct wn_review *r,
                                                    int step);

/* The note on a saved plan's warning: "acknowledged on 2026-11-25", or
 * "not acknowledged: it was not found when the plan was saved"; "" for a
 * caution or a note. */
void wn_findings_ack(const struct wn_plan *p, const struct wn_review_finding *f,
                     char *buf, size_t n);

/* ---- rows ------------------------------------------------------------------ */

#define WN_FINDINGS_TAG_W 9        /* "WARNING  ": the tag's columns */
#define WN_FINDINGS_ROW 256        /* bytes in a row's text */
#define WN_FINDINGS_MAX_W 100      /* text wider than this is hard to read */

/* One row of the box: the tag (on a finding's first row) goes in the
 * first WN_FINDINGS_TAG_W columns, the text after them. */
struct wn_findings_row {
	int finding;                   /* index into r->findings; -1 for the
	                                  last row "... N more" */
	enum wn_review_level level;    /* the finding's (INFO for "more") */
	bool first;                    /* its first row: draw the tag */
	char text[WN_FINDINGS_ROW];
};

struct wn_findings_fit {
	int cols;                      /* columns of a row, the tag's included */
	int rows;                      /* rows the box has */
	bool brief;                    /* a few words each (one row), never the
	                                  sentence; no "more" row */
	bool src;                      /* the sentence ends with its source ids */
	const struct wn_plan *acked;   /* a saved plan: each warning says
	                                  whether it was acknowledged
	                                  (wn_findings_ack); NULL = nothing */
};

/* Lays r's findings out in rows[0 .. max): warnings, then cautions, then
 * notes (in r's order within a level).  A finding gets its whole
 * sentence, word-wrapped to the text's columns (cols - the tag, at most
 * WN_FINDINGS_MAX_W), when it fits while leaving a row for each finding
 * after it; else its few words on one row.  When not every finding gets
 * a row, the last row says "... N more not shown".  Returns the rows
 * used, at most fit->rows and max. */
int wn_findings_layout(const struct wn_review *r, const struct wn_findings_fit *fit,
                       struct wn_findings_row *rows, int max);

#endif
