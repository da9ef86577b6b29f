/* SPDX-License-Identifier: GPL-3.0-or-later */
/* review.h -- the plan review: a plan's schedule read step by step for
 * what it does, before the person follows it.  Pure computation (no SQL,
 * no curses, no I/O).
 *
 * For each step the review gives the cut the method asked for (nominal)
 * and the cut left after rounding to what the forms deliver (effective),
 * in % of the dose and in estimated SERT occupancy points where the drug
 * has parameters, and the form that delivers the dose.  It then lists
 * findings, each with a level (info, caution, warning: only a warning
 * needs the person's second yes), the steps it concerns, one plain
 * sentence and the source ids it rests on:
 *
 *   ROUNDING_JUMP  rounding made a step's cut more than 1.5 times the cut
 *                  asked for, or pushed it to 25% of the dose or more;
 *                  names marketed forms (drugs.ini) that would allow a
 *                  closer step.  The step to 0 counts only when such a
 *                  form would let the taper go on; nothing is reported
 *                  when doses round to the default 0.01 mg (NO_FORM is).
 *                  Custom plans are not rounded.  Warning.
 *   ABSORBED       the dose does not change between two steps.  Caution.
 *   FINAL          the step to 0, always named with the dose it stops
 *                  from; caution when it removes more than any earlier
 *                  step (occupancy points, else mg), warning then for a
 *                  class whose sources name a hazard of stopping abruptly.
 *   PACE           faster than the published pace of the drug's class
 *                  (drugs.ini [class_*]): within any pace_per_days days
 *                  the cuts the plan asks for remove more than
 *                  pace_max_cut_pct of the dose, or the step to 0 comes
 *                  within pace_per_days of an earlier cut, or the stop
 *                  comes sooner than pace_min_taper_days after the first
 *                  cut.  Consecutive steps are one finding.  Warning.
 *   FORM_SWITCH    consecutive steps use different forms; with a sourced
 *                  bioequivalence factor (form_equiv) the real change in
 *                  tablet terms is given, a warning when the switch hides
 *                  a cut (as ROUNDING_JUMP) or shrinks it below 2/3 of the
 *                  apparent cut (for a rise the doses show: when the real
 *                  change is no rise, or a rise 1.5 times larger);
 *                  caution otherwise.
 *   OUTSIDE_FIT    a dose above the occupancy fit's highest dose
 *                  (sert_max_dose_mg).  Caution.
 *   NO_FORM        no usable form and no rounding step: doses round to
 *                  0.01 mg.  Caution.
 *   UNDELIVERABLE  a rounding step (--round) gives doses the recorded
 *                  forms cannot make (warning); custom doses they cannot
 *                  make (caution).
 *   AFTER_REINSTATE  after going back up to a dose, the plan's next step
 *                  cuts from that dose (wn_review_reinstate).
 *
 * The words say "the plan entered in wean" and name their sources; they
 * never call a plan safe or unsafe and never advise a dose.  Dates are the
 * steps' base dates (as planned, before holds).  The drug's mg facts
 * (marketed forms, fitted range, form factors) are used only when the
 * medication's unit is mg.
 */
#ifndef WEAN_CORE_REVIEW_H
#define WEAN_CORE_REVIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"
#include "core/drugref.h"
#include "core/status.h"
#include "core/taper.h"
#include "core/text.h"

#define WN_REVIEW_TEXT 720     /* bytes in a finding's sentence */
#define WN_REVIEW_BRIEF 64     /* bytes in its short form */
#define WN_REVIEW_SRC 64       /* bytes of source ids */
#define WN_REVIEW_FORM 64      /* bytes of a step's form */

enum wn_review_level { WN_REVIEW_INFO, WN_REVIEW_CAUTION, WN_REVIEW_WARNING };

enum wn_review_kind {
	WN_REVIEW_ROUNDING_JUMP,
	WN_REVIEW_ABSORBED,
	WN_REVIEW_FINAL,
	WN_REVIEW_PACE,
	WN_REVIEW_FORM_SWITCH,
	WN_REVIEW_OUTSIDE_FIT,
	WN_REVIEW_NO_FORM,
	WN_REVIEW_UNDELIVERABLE,
	WN_REVIEW_AFTER_REINSTATE
};

/* "info", "caution", "warning". */
const char *wn_review_level_name(enum wn_review_level l);
/* "rounding jump", "absorbed step", "final step", "pace", "form switch",
 * "outside the fitted range", "no form", "undeliverable dose". */
const char *wn_review_kind_name(enum wn_review_kind k);

/* The occupancy parameters a schedule was built with, named. */
struct wn_review_sert {
	double emax, ed50;          /* 0 = none */
	char region[32];
	char src[WN_REVIEW_SRC];    /* "S3 S2" */
	bool approximate;
};

/* The drug's parameters for a region (NULL or "" = its own), as
 * wn_plan_sert() finds them, with their region name, sources and whether
 * they are marked approximate.  WN_OK, or WN_DATAERR (*out zeroed) when
 * d is NULL or has none for that region. */
int wn_review_sert_from(const struct wn_drug *d, const char *region,
                        struct wn_review_sert *out);

struct wn_review_input {
	const struct wn_taper_params *params; /* what the schedule was built
	                                         from (forms as the taper used
	                                         them) */
	const struct wn_schedule *schedule;   /* wn_taper_build(params) */
	const struct wn_drug *drug;           /* NULL: not in the reference */
	const char *unit;                     /* the medication's; NULL = "mg" */
	struct wn_review_sert sert;           /* the parameters the schedule
	                                         was built with; zero = none
	                                         (then params->emax/ed50) */
};

struct wn_review_step {
	wn_date date;            /* base date */
	double dose, prev;       /* this step's dose; the step before's (step
	                            0: its own) */
	double nominal_dose;     /* what the method asked, before rounding
	                            (CUSTOM: as listed) */
	double nominal_pct;      /* cut asked, % of prev (0 for step 0) */
	double nominal_pts;      /* occupancy points asked; NAN without
	                            parameters */
	double cut_pct;          /* effective cut, % of prev (< 0: goes up) */
	double cut_pts;          /* effective, in points; NAN without */
	double occupancy;        /* of dose, %; NAN without parameters */
	int form;                /* index into params->forms of the form that
	                            delivers the dose (for tablets and capsules,
	                            which combine, the first of them); -1 when
	                            none does or the dose is 0 */
	double factor;           /* tablet-equivalent mg per mg of that form */
	char form_text[WN_REVIEW_FORM]; /* "tablets", "liquid 20 mg/ml", "" */
};

struct wn_review_finding {
	enum wn_review_kind kind;
	enum wn_review_level level;
	int step, step_to;       /* steps concerned; -1 = the whole plan */
	char text[WN_REVIEW_TEXT];    /* one plain sentence, ASCII */
	char brief[WN_REVIEW_BRIEF];  /* a few words, for the summary */
	char src[WN_REVIEW_SRC];      /* source ids, space-separated, or "" */
};

struct wn_review {
	struct wn_review_step *steps;         /* owned, one per schedule step */
	int n_steps;
	struct wn_review_finding *findings;   /* owned; whole-plan first, then
	                                         by step */
	int n_findings;
	int n_warnings, n_cautions;
	enum wn_review_level worst;           /* INFO when there is nothing */
	struct wn_review_sert sert;           /* as used; emax 0 = none */
	enum wn_taper_method method;
	char unit[16];
};

/* Reviews the schedule.  WN_OK and *out filled (free it with
 * wn_review_free); WN_USAGE when params or schedule is missing or the
 * schedule is empty; WN_ERR out of memory.  On error *out is empty. */
int wn_review_build(const struct wn_review_input *in, struct wn_review *out,
                    struct wn_err *err);
void wn_review_free(struct wn_review *r);

/* Going back up to r->dose on r->on (a reinstatement): the next dated
 * step of the schedule after that day then cuts from r->dose.  One
 * AFTER_REINSTATE finding when it cuts: a warning when the cut is 25% of
 * the dose or more or faster than the class's published pace (with its
 * hazard), else a note; none when the next step is not lower or there is
 * none.  out has no steps.  WN_OK, WN_USAGE, WN_ERR out of memory. */
struct wn_review_reinstate {
	wn_date on;
	double dose;
};
int wn_review_reinstate(const struct wn_review_input *in,
                        const struct wn_review_reinstate *r, struct wn_review *out,
                        struct wn_err *err);

/* Appends the review for the command line: plain ASCII, lines of at most
 * 80 columns; the table of steps when with_steps, then every finding
 * (level, steps, sentence, sources).  WN_OK or WN_ERR out of memory. */
int wn_review_text(const struct wn_review *r, bool with_steps,
                   struct wn_buf *b);

/* wn_review_text, with a note after each finding that note() writes
 * (e.g. "acknowledged on 2026-12-05"; nothing when it leaves buf ""). */
#define WN_REVIEW_NOTE 96
struct wn_review_notes {
	bool with_steps;
	void (*note)(void *ctx, const struct wn_review_finding *f, char *buf, size_t n);
	void *ctx;
};
int wn_review_text_noted(const struct wn_review *r, const struct wn_review_notes *o,
                         struct wn_buf *b);

/* One line for little room (the Today header, a calendar legend), in at
 * most n - 1 bytes, ASCII: "2 warnings: step 1 cuts 50% after rounding";
 * "1 caution: ..."; else the first note; "" when there is none. */
void wn_review_summary(const struct wn_review *r, char *buf, size_t n);

/* Keeps a plan on one form (--form LABEL): removes from forms[0..*n)
 * every form LABEL does not name and updates *n.  LABEL (any case,
 * blanks around it ignored) names a form by its label ("oral drops"), its
 * kind ("tablet", "capsule", "liquid", plural too) or its whole text
 * ("tablet 10 mg /2").  WN_OK; WN_USAGE for an empty label; WN_DATAERR
 * naming the forms when LABEL names none (forms then unchanged). */
int wn_review_form_only(struct wn_form *forms, int *n, const char *label,
                        struct wn_err *err);

#endif
