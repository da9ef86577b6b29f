/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plan.h (db) -- taper plans, holds and reinstatements kept in the diary,
 * and the doses taken against a plan.  The plan as values, its schedule
 * and planned-vs-taken: core/plan.h.
 *
 * - wn_db_plan_add() makes the medication's active plan and retires the
 *   previous one (kept, with its holds; a hold still open on it is closed
 *   on the new plan's start day).
 * - Every write is one transaction (its own, or a savepoint inside the
 *   caller's).  On error nothing is written.
 * - Errors: WN_NOINPUT when the medication has no active plan; WN_DATAERR
 *   for a refused change (message says why); WN_USAGE for bad parameters;
 *   WN_TEMPFAIL, WN_IOERR, WN_CANTCREAT as db/db.h.
 */
#ifndef WEAN_DB_PLAN_H
#define WEAN_DB_PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"
#include "core/plan.h"
#include "core/switch.h"
#include "core/status.h"

struct wn_db;

/* Checks the spec with the taper rules (as wn_taper_build would), then
 * stores it as the medication's active plan.  *id_out (may be NULL) gets
 * the new plan's id.  WN_NOINPUT for an unknown med_id. */
int wn_db_plan_add(struct wn_db *db, const struct wn_plan_spec *s, long *id_out,
                   struct wn_err *err);

/* The active plan of a medication, with the medication's forms (stored
 * kinds map onto enum wn_taper_kind by value) and its holds.  WN_NOINPUT
 * ("no plan for ...") when there is none.  Free with wn_plan_free(), also
 * after a failure. */
int wn_db_plan_load(struct wn_db *db, long med_id, struct wn_plan *out,
                    struct wn_err *err);

/* The active plan of m with its schedule built (core/plan.h).  WN_NOINPUT
 * ("M has no taper plan") when there is none.  Free with
 * wn_plan_built_free(), also after a failure. */
int wn_db_plan_built(struct wn_db *db, const struct wn_med *m,
                     struct wn_plan_built *out, struct wn_err *err);

/* A plan of m by its id, active or retired, built as wn_db_plan_built
 * builds the active one (plan_id 0: the active one).  WN_NOINPUT when m
 * has no such plan.  Free with wn_plan_built_free(), also after a
 * failure. */
int wn_db_plan_built_id(struct wn_db *db, const struct wn_med *m, long plan_id,
                        struct wn_plan_built *out, struct wn_err *err);

/* Every plan of a medication, retired ones too, oldest first. */
struct wn_db_plan_ref {
	long id;
	wn_date start;
	bool active;
};
/* *out malloc'd (NULL when there is none): free() it. */
int wn_db_plan_history(struct wn_db *db, long med_id, struct wn_db_plan_ref **out,
                       size_t *n, struct wn_err *err);

/* The medication's forms as the taper module takes them (those it would
 * refuse are left out).  *out is malloc'd (NULL when none): free() it. */
int wn_db_plan_forms(struct wn_db *db, long med_id, struct wn_form **out, int *n,
                     struct wn_err *err);

/* ---- switching (db/plan_switch.c) ---------------------------------------------- */

/* A switch (schema v6's plan_switch): plan_id is the plan of the drug
 * switched in (diazepam), from_plan the plan it replaces. */
struct wn_db_plan_switch {
	long plan_id, from_plan;
	char table[8];             /* "ashton" or "vadod" */
	int stage_days;
};
/* Records the link (within the caller's transaction, or its own). */
int wn_db_plan_switch_add(struct wn_db *db, const struct wn_db_plan_switch *s,
                          struct wn_err *err);
/* The switch plan_id or from_plan takes part in (either side): WN_OK,
 * WN_NOINPUT when none. */
int wn_db_plan_switch_of(struct wn_db *db, long plan_id, struct wn_db_plan_switch *out,
                         struct wn_err *err);
/* A switch as it shows: both medications, the table, and the stages
 * rebuilt from the stored plans (FROM's doses at its start, the table's
 * equivalent, the diazepam forms now recorded; core/switch.h). */
struct wn_db_switch_view {
	struct wn_db_plan_switch link;
	struct wn_med from, to;
	enum wn_switch_table table;
	struct wn_switch sw;
	wn_date taper_from;          /* the diazepam taper's first cut */
};
/* The switch plan_id takes part in: WN_OK, WN_NOINPUT when none, or the
 * error that kept it from being rebuilt. */
int wn_db_plan_switch_view(struct wn_db *db, long plan_id, struct wn_db_switch_view *out,
                           struct wn_err *err);
/* The switch x and the diazepam plan's schedule dz as one plan of the
 * day's combined diazepam equivalent (core/switch.h's
 * wn_switch_combined), of medication `to` (diazepam) without forms: how
 * a switch is reviewed, since a dose diazepam replaces is not a cut.
 * Free b with wn_plan_built_free(), also after a failure. */
int wn_db_switch_combined(const struct wn_switch *x, const struct wn_med *to,
                          const struct wn_schedule *dz, struct wn_plan_built *b,
                          struct wn_err *err);
/* Is plan_id the plan a switch replaces (its steps are doses the other
 * drug takes over, not cuts)?  The answer of wn_db_plan_switch_of() (the
 * switch it is in has it as from_plan), asked of it only when plan_id is
 * the from_plan of some switch: otherwise one small indexed query.  false
 * on an error. */
bool wn_db_plan_replaced(struct wn_db *db, long plan_id);
/* The review of the plan p when a switch replaces it: the switch's, by
 * the combined equivalent (free *out with wn_review_free); WN_NOINPUT
 * when p is not the plan a switch replaces (its own review applies). */
int wn_db_switch_review(struct wn_db *db, const struct wn_plan *p, struct wn_review *out,
                        struct wn_err *err);
/* Diazepam mg per mg of the plan's drug by the table of the switch
 * plan_id takes part in (the plan replaced: 10 / its equivalent; the
 * diazepam: 1), for the plans side by side (core/together.h): WN_OK, or
 * WN_NOINPUT (*out 0) when it is in no switch that can be shown. */
int wn_db_switch_dz_per_mg(struct wn_db *db, long plan_id, double *out);
/* The medication a plan belongs to: WN_OK or WN_NOINPUT. */
int wn_db_plan_med_of(struct wn_db *db, long plan_id, long *med_id, struct wn_err *err);

/* ---- holds ------------------------------------------------------------------- */

/* Opens a hold from `from` (on or after the plan's start and the end of
 * the last hold).  WN_DATAERR when a hold is already open.  reason may be
 * NULL; otherwise valid UTF-8 text, at most WN_PLAN_REASON_MAX bytes. */
int wn_db_plan_hold(struct wn_db *db, long med_id, wn_date from,
                    const char *reason, struct wn_err *err);
/* Closes the open hold on `on` (after its first day).  WN_DATAERR when
 * no hold is open. */
int wn_db_plan_resume(struct wn_db *db, long med_id, wn_date on,
                      struct wn_err *err);

struct wn_plan_reinstate {
	long med_id;
	wn_date on;            /* on or after the plan's start */
	double dose;           /* > 0 */
	const char *reason;    /* may be NULL */
	const struct wn_review *accepted;  /* its review's warnings said yes
	                                      to, stored with the plan; NULL
	                                      = none */
};
/* Records going back up to a dose.  Does not open a hold: a person who
 * reinstates and wants the schedule to wait also holds. */
int wn_db_plan_reinstate(struct wn_db *db, const struct wn_plan_reinstate *r,
                         struct wn_err *err);

struct wn_plan_range {
	const struct wn_plan *plan;        /* may be NULL: nothing planned */
	const struct wn_schedule *sched;   /* built from plan; NULL with it */
	long med_id;                       /* used when plan is NULL */
	wn_date from, to;                  /* inclusive, from <= to */
};

/* Fills out[0 .. to - from] (one entry per day, in order) with one query
 * for the whole range.  The range is at most 36600 days (WN_USAGE). */
int wn_db_plan_days(struct wn_db *db, const struct wn_plan_range *r,
                    struct wn_plan_day *out, struct wn_err *err);

/* Every medication with an active plan (the planned medications, by
 * name), its plan built and its planned against taken over from..to (at
 * most 36600 days): what `wean show`, `wean log`, the JSON export and the
 * Journal say of each planned medication's dose. */
struct wn_plan_meds {
	struct wn_med *med;              /* owned, n of them */
	struct wn_plan_built *built;     /* owned, one per med */
	struct wn_plan_day **days;       /* owned, one array per med, to - from + 1 */
	size_t n;
	wn_date from, to;
};
/* WN_OK (free with wn_plan_meds_free), WN_USAGE for a bad range, or the
 * error of a plan that cannot be read or built (nothing to free). */
int wn_db_plan_meds(struct wn_db *db, wn_date from, wn_date to, struct wn_plan_meds *out,
                    struct wn_err *err);
void wn_plan_meds_free(struct wn_plan_meds *pm);
/* Medication i on day, or NULL outside the range. */
const struct wn_plan_day *wn_plan_meds_day(const struct wn_plan_meds *pm, size_t i,
                                           wn_date day);

#endif
