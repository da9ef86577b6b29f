/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plan.h (core) -- a taper plan as values: what it is made of (a spec),
 * a loaded plan with its forms, holds and reinstatements, the words of a
 * plan ("4w", custom steps), the drug's occupancy parameters, the schedule
 * built from it (core/taper.h) and planned against taken.  No SQLite:
 * storing plans and reading the doses is db/plan.h.
 *
 * - One active plan per medication; a new plan retires the previous one
 *   (kept, with its holds, for history).
 * - Holds (kind "hold") pause the taper: an open hold freezes every later
 *   step; resuming closes it, and every step from its start on moves by
 *   the hold's length (core/taper.h).  A reinstatement (kind "reinstate")
 *   is a one-day record of going back up to a dose, with a reason; from
 *   that day until the next dated step the planned dose is the reinstated
 *   one.  wean never changes a plan by itself: these record what the
 *   person entered.
 */
#ifndef WEAN_CORE_PLAN_H
#define WEAN_CORE_PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"
#include "core/doses.h"
#include "core/drugref.h"
#include "core/records.h"
#include "core/review.h"
#include "core/status.h"
#include "core/taper.h"
#include "core/vocab.h"

#define WN_PLAN_MAX_CUSTOM (WN_TAPER_MAX_STEPS - 1)
#define WN_PLAN_REGION 32
#define WN_PLAN_REASON_MAX 4096   /* bytes in a hold's reason */

/* Printed with every schedule (plan show, the .ics export). */
#define WN_PLAN_DISCLAIMER "This schedule is the plan entered in wean; wean gives " \
	"no medical advice. Discuss every change with your prescriber."


/* ---- adding a plan ---------------------------------------------------------- */

struct wn_plan_spec {
	long med_id;
	enum wn_taper_method method;
	wn_date start;              /* day of the starting dose */
	double from_dose;           /* > 0 */
	double step;                /* as taper.h; ignored for CUSTOM */
	int every_days;             /* 1..3650; ignored for CUSTOM */
	double round_q;             /* 0 = the forms decide */
	double floor_dose, to_dose; /* 0 = none */
	const char *region;         /* SERT region, NULL or "" = the drug's own */
	const struct wn_taper_point *custom;   /* CUSTOM: up to
	                                          WN_PLAN_MAX_CUSTOM points */
	int n_custom;
	double emax, ed50;          /* only to check OCCUPANCY (not stored:
	                               they come from the drug reference) */
	const char *form_label;     /* keep the plan on this one form
	                               (core/review.h's wn_review_form_only);
	                               NULL or "" = every recorded form */
	wn_date agreed_on;          /* the day the person recorded agreeing the
	                               plan with their prescriber, or
	                               WN_DATE_NONE */
	const struct wn_review *accepted;  /* the review whose warnings the
	                                      person acknowledged (the second
	                                      yes), stored with the plan; NULL
	                                      = none */
	struct wn_doses doses;      /* doses through the day (core/doses.h);
	                               n < 2: one dose a day */
};

/* Checks a spec with the taper rules, as wn_taper_build would (WN_USAGE
 * or WN_DATAERR naming the problem); wn_db_plan_add() runs it first. */
int wn_plan_check_spec(const struct wn_plan_spec *s, struct wn_err *err);

/* The interval between steps: "14d", "4w", "28" (days), 1..3650 days.
 * Messages begin with what ("--every", "every").  WN_USAGE or WN_DATAERR. */
int wn_plan_parse_every(const char *s, const char *what, int *days, struct wn_err *err);
/* Custom steps "DATE=DOSE,DATE=DOSE" (dates as wn_date_parse takes them,
 * blanks allowed around the parts) into pts[0..WN_PLAN_MAX_CUSTOM). */
int wn_plan_parse_steps(const char *s, const char *what, wn_date today,
                        struct wn_taper_point *pts, int *n, struct wn_err *err);

/* ---- a loaded plan ---------------------------------------------------------- */

enum wn_plan_event_kind { WN_PLAN_HOLD, WN_PLAN_REINSTATE };

struct wn_plan_event {
	long id;
	enum wn_plan_event_kind kind;
	wn_date start;     /* HOLD: first day held; REINSTATE: the day */
	wn_date end;       /* HOLD: resume day, WN_DATE_NONE while open;
	                      REINSTATE: == start */
	double dose;       /* REINSTATE: the dose gone back to; HOLD: 0 */
	char *reason;      /* owned; NULL when none was given */
};

/* A review finding acknowledged when the plan was saved. */
struct wn_plan_ack {
	char kind[32];                   /* wn_review_kind_name() */
	int step;                        /* the finding's first step, -1 = the
	                                    whole plan */
	char *text;                      /* owned: the sentence as shown */
	char acked[20];                  /* "YYYY-MM-DD HH:MM:SS" UTC */
};

struct wn_plan {
	long id, med_id;
	bool active;
	char created[20];                /* "YYYY-MM-DD HH:MM:SS" UTC */
	char region[WN_PLAN_REGION];     /* "" = the drug's default */
	char form_label[64];             /* "" = every recorded form */
	bool form_missing;               /* form_label names no recorded form:
	                                    every form is used */
	wn_date agreed_on;               /* or WN_DATE_NONE */
	struct wn_doses doses;           /* n < 2: one dose a day */
	struct wn_plan_ack *acks;        size_t n_acks;  /* owned */
	/* Ready for wn_taper_build(): forms, custom and holds point into the
	 * arrays below; emax/ed50 are 0 until the caller sets them (see
	 * wn_plan_sert). */
	struct wn_taper_params params;
	struct wn_form *forms;           int n_forms;    /* from med_form */
	struct wn_taper_point *custom;   int n_custom;
	struct wn_hold *holds;           int n_holds;    /* HOLD events only */
	struct wn_plan_event *events;    size_t n_events; /* all, by start */
};

/* The taper's form for a stored form of the medication (the stored kinds
 * map onto enum wn_taper_kind by value): its label is the words before
 * the amount ("tablet 25 mg /2" -> "tablet"); a liquid's ml_step is read
 * from the stored text ("liquid 20 mg/ml by 0.01 ml"), else 0.1 mL. */
void wn_plan_form_from_med(const struct wn_med_form *m, struct wn_form *f);

/* A plan as values from a spec and the medication's forms (copied; with
 * s->form_label, only the forms it names): what wn_db_plan_add() would
 * store, to review before saving.  WN_OK, WN_DATAERR when the label names
 * no form, WN_ERR out of memory.  Free with wn_plan_free(). */
int wn_plan_from_spec(const struct wn_plan_spec *s, const struct wn_form *forms,
                      int n_forms, struct wn_plan *out, struct wn_err *err);

/* The acknowledgement stored for a finding (same kind and first step),
 * or NULL. */
const struct wn_plan_ack *wn_plan_acked(const struct wn_plan *p,
                                        const struct wn_review_finding *f);

/* Frees what a loaded plan owns (also after a failed load) and zeroes it. */
void wn_plan_free(struct wn_plan *p);
/* Frees an array of events and their reasons. */
void wn_plan_events_free(struct wn_plan_event *ev, size_t n);
/* Points p->params at the plan's forms, custom steps and holds (the HOLD
 * events, made into p->holds).  WN_OK or WN_ERR out of memory. */
int wn_plan_ready(struct wn_plan *p, struct wn_err *err);

/* SERT parameters of a drug for a region: region NULL or "" (or the
 * drug's own region) gives d->emax/d->ed50; another name is looked up in
 * d->sert_alt ("region:emax/ed50 | ...").  WN_DATAERR "no occupancy
 * parameters" (hint: --method percent) when the drug has none;
 * WN_DATAERR naming the known regions for an unknown one. */
int wn_plan_sert(const struct wn_drug *d, const char *region, double *emax,
                 double *ed50, struct wn_err *err);

/* The drug reference entry of a medication: looked up by its drug_key,
 * or else by its name (case-insensitive), in the drugs.ini that
 * wn_datafile_find("drugs.ini") finds.  WN_OK; WN_NOINPUT when the file is not
 * installed or does not list the drug; WN_DATAERR when the file is
 * broken. */
int wn_plan_drug(const struct wn_med *m, struct wn_drug *out,
                 struct wn_err *err);

/* wn_taper_build() of the plan, with the drug's SERT parameters for the
 * plan's region when drug (may be NULL) has them, so that occupancy is
 * estimated and an OCCUPANCY plan can be built.  Free with
 * wn_taper_free(). */
int wn_plan_build(const struct wn_plan *p, const struct wn_drug *drug,
                  struct wn_schedule *out, struct wn_err *err);

/* A plan with its schedule built, and the drug's reference entry. */
struct wn_plan_built {
	struct wn_plan plan;
	struct wn_drug drug;
	bool known;              /* the drug reference knows the medication */
	bool has_drug;           /* ... and its unit is mg (the reference's
	                            numbers -- SERT parameters, equivalents --
	                            are per mg) */
	struct wn_schedule sched;
};

/* Builds the schedule of b->plan (already filled) for medication m, with
 * the drug's SERT parameters when b->has_drug.  Free with
 * wn_plan_built_free(), also after a failure. */
int wn_plan_built_make(struct wn_plan_built *b, const struct wn_med *m,
                       struct wn_err *err);
void wn_plan_built_free(struct wn_plan_built *b);

/* The review of a built plan (core/review.h), with the drug's occupancy
 * parameters for the plan's region named.  Free with wn_review_free(). */
int wn_plan_review(const struct wn_plan_built *b, const struct wn_med *m,
                   struct wn_review *out, struct wn_err *err);
/* The review of going back up to `dose` on `on` (wn_review_reinstate). */
int wn_plan_review_reinstate(const struct wn_plan_built *b, const struct wn_med *m,
                             wn_date on, double dose, struct wn_review *out,
                             struct wn_err *err);

/* "every week", "every 4 weeks", "every day", "every 10 days"; without
 * the word "every" when bare: "4 weeks", "10 days". */
void wn_plan_every_text(int days, bool bare, char *buf, size_t n);

/* taper.c writes amounts in "mg" (how to take a dose, form names); for a
 * medication in another unit (mcg, ...) this copies text into out with
 * each word "mg" (also in "mg/mL") written as unit.  out always ends in
 * NUL; the text is cut when out is too small. */
void wn_plan_unit_text(const char *text, const char *unit, char *out, size_t n);

/* ---- planned vs taken ------------------------------------------------------ */

/* Planned dose on `day`: the dose of the step in force (wn_taper_step_at),
 * or the dose of a reinstatement made on or after that step's date.  NAN
 * before the plan starts. */
double wn_plan_planned_on(const struct wn_plan *p, const struct wn_schedule *s,
                          wn_date day);

/* The day the dose planned on `day` began: the date of the step in force,
 * or of a reinstatement made on or after it; WN_DATE_NONE before the plan
 * starts.  With wn_plan_planned_on, what core/vocab.h's wn_vocab_at_dose
 * words ("day 5 at 90 mg, since 2026-11-30"). */
wn_date wn_plan_dose_since(const struct wn_plan *p, const struct wn_schedule *s,
                           wn_date day);

/* "day 5 at 90 mg, since 2026-11-30" for `day` (wn_vocab_at_dose); false
 * (buf "") before the plan starts. */
bool wn_plan_at_dose_text(const struct wn_plan *p, const struct wn_schedule *s,
                          wn_date day, const char *unit, char *buf, size_t n);

/* The doses planned on `day` when the plan has doses through the day
 * (p->doses.n >= 2): out[0 .. p->doses.n) as core/doses.h shares out
 * the steps up to the one in force (a reinstated dose shared out as the
 * start is).  Returns p->doses.n, or 0 (out untouched) for a plan of one
 * dose a day or a day before the plan starts. */
int wn_plan_doses_on(const struct wn_plan *p, const struct wn_schedule *s,
                     wn_date day, double *out);

/* One medication on one day: planned against taken (db/plan.h fills a
 * range of these). */
struct wn_plan_day {
	wn_date date;
	double planned;        /* NAN when no plan is in force */
	double taken;          /* sum of the med's dose records, 0 when none */
	int n_doses;           /* dose records of this medication (a skipped
	                          dose is one of amount 0) */
	enum wn_dose_status status;   /* core/vocab.h, from the three above */
};

#endif
