/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report_facts.h -- the prescriber report (SPEC section 6) as plain facts,
 * independent of any format: gathered from the diary by db/report.h,
 * written as Markdown, text or HTML by report/report.h.  No SQLite, no
 * curses, no output.
 *
 * What the report says (in this order): who and when; current medications
 * and doses; the days recorded and those with no record (core/vocab.h's
 * words), stated plainly, and the safety
 * counts (below); the taper history per plan (steps with planned and
 * taken, holds and reinstatements with their reasons, % reduced from the
 * start, days at the current step), each followed by the plan's review;
 * charts of burden with the dose, of mood and of sleep; baseline against
 * now and the mean burden by days since each cut; the top symptoms with
 * their trend and onset; adherence; flagged days with their notes and the
 * person's questions (those asked in the range with their answers, and the
 * open ones asked before it, the oldest only counted); and a closing line:
 * the data are self-reported, not a medical record, and wean gives no
 * dosing advice.
 *
 * The plan review (core/review.h) of each plan in the report: every
 * finding in full (warnings first, then cautions, then notes) with its
 * sources, each warning marked "acknowledged on DATE" (the person's second
 * yes, stored with the plan) or "not acknowledged"; the occupancy
 * parameters it used (Emax, ED50, region, sources, approximate); the
 * plan's one form; the day the person recorded agreeing the plan with the
 * prescriber, "(as recorded)"; and the review of the step after each going
 * back up to a dose (on or before the report's end) that has findings.  It
 * never says that a prescriber chose the plan.
 *
 * The safety counts, one plain line: the days of the range with mood at or
 * below low_mood (of the days with a mood recorded) and the days the
 * optional item "thoughts of harming yourself" was rated above 0.  When
 * neither happened the line says so calmly; it is left out altogether when
 * the item is not in use (hidden and not rated in the range) and no
 * recorded mood was that low.  The counts are not a judgement: no warning
 * words, no advice.
 */
#ifndef WEAN_REPORT_FACTS_H
#define WEAN_REPORT_FACTS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"
#include "core/insight.h"
#include "core/plan.h"
#include "core/switch.h"
#include "core/records.h"
#include "core/review.h"
#include "core/status.h"

enum wn_report_format { WN_REPORT_MD, WN_REPORT_TXT, WN_REPORT_HTML };

#define WN_REPORT_DEFAULT_DAYS 90     /* default range: the last 90 days */
#define WN_REPORT_DEFAULT_WIDTH 80
#define WN_REPORT_MIN_WIDTH 60
#define WN_REPORT_MAX_WIDTH 200
#define WN_REPORT_MAX_DAYS 36600L     /* longest range, about 100 years */
#define WN_REPORT_TOP_SYMPTOMS 8
#define WN_REPORT_MAX_STEPS 12        /* most recent steps / cuts shown */
#define WN_REPORT_LIST_MAX 12         /* gaps and deviations listed by date
                                        up to this many */
#define WN_REPORT_NOTE_MAX 2000       /* bytes of a note shown (then "...") */
#define WN_REPORT_OLDER_OPEN 5        /* open questions asked before the range
                                        listed (the most recent); the others
                                        are counted */
#define WN_REPORT_META_KEY "last_report_to"

/* ---- the default range ----------------------------------------------------- */

/* Where a range given without a first day starts (wn_report_range_from). */
enum wn_range_start {
	WN_RANGE_DAYS,           /* `days` days ending on `to` */
	WN_RANGE_SINCE_LAST,     /* the day after the last report's end */
	WN_RANGE_FIRST,          /* the diary's first record: the diary is younger
	                            than `days`, or began after `since` */
	WN_RANGE_EMPTY,          /* nothing is recorded on or before `to` */
};

/* What the start of a default range is decided from. */
struct wn_range_rule {
	wn_date to;              /* the range's last day */
	wn_date first;           /* the diary's first record (anything entered:
	                            a check-in, rating, metric, dose, note, quick
	                            note or question), WN_DATE_NONE when none */
	wn_date since;           /* the day after the last report's end, or
	                            WN_DATE_NONE (none, or not wanted) */
	int days;                /* the longest default, e.g.
	                            WN_REPORT_DEFAULT_DAYS; 0 = no limit: from
	                            the first record */
};

/* The one rule for the first day of a report or an export given none, on
 * the command line and on the Export screen: `since` when it is given and
 * not after `to`, else the `days` days ending on `to` (days 0: the first
 * record) -- but never before the diary's first record.  When nothing is
 * recorded on or before `to`, the range is `to` alone (WN_RANGE_EMPTY).
 * *start (may be NULL) receives the enum wn_range_start that applied. */
wn_date wn_report_range_from(const struct wn_range_rule *r, int *start);

struct wn_report_opts {
	wn_date from, to;        /* inclusive; WN_DATE_NONE = default (below) */
	int format;              /* enum wn_report_format */
	const char *name;        /* person's name, optional (NULL = omitted) */
	bool ascii;              /* md/txt: text in plain ASCII too (charts in
	                            md/txt are always plain ASCII) */
	int width;               /* text width for md/txt; 0 = 80; clamped to
	                            WN_REPORT_MIN_WIDTH..WN_REPORT_MAX_WIDTH */
	int low_mood;            /* mood at or below this counts as very low:
	                            the config's [safety] low_mood, 0..10;
	                            outside 0..10, WN_SAFETY_LOW_MOOD.  Set it
	                            (0 is a threshold, not "default") */
};

/* ---- the facts ----------------------------------------------------------- */

/* One step of a taper plan, as it went. */
struct wn_report_step {
	int index;               /* in the schedule: 0 = the starting dose */
	wn_date date;            /* first day at the step */
	double dose;             /* planned dose of the step */
	double pct_of_start, pct_cut;   /* pct_cut 0 for step 0 */
	bool future;             /* the next step, not reached by the end */
	int days;                /* days at the step up to the report's end */
	int dose_days;           /* of those, days with a dose recorded (as
	                            planned, different or skipped: core/
	                            vocab.h) */
	int days_held;           /* of those, days inside a hold */
	double taken_mean;       /* mean daily dose over the dose_days (a
	                            skipped day counts 0), NAN when none */
};

/* A finding of a plan review, with its acknowledgement. */
struct wn_report_finding {
	struct wn_review_finding f;     /* as the review gave it */
	bool acked;                     /* a warning the person acknowledged */
	char acked_on[WN_DATE_STRLEN];  /* "YYYY-MM-DD" (UTC) when acked, else "" */
};

/* The review of a plan, or of the step after going back up to a dose. */
struct wn_report_review {
	wn_date reinstated;             /* WN_DATE_NONE: the plan's own review;
	                                   else the day of going back up */
	double dose;                    /* the dose gone back up to, else 0 */
	struct wn_review_sert sert;     /* occupancy parameters used; emax 0 =
	                                   none */
	struct wn_report_finding *findings;  /* owned: warnings, cautions, then
	                                        notes, each in the review's order */
	size_t n_findings;
	int n_warnings, n_cautions, n_notes;
};

/* The reviews of a built plan (core/plan.h) for medication m: [0] the
 * plan's own, then one for each going back up on or before `to`
 * (WN_DATE_NONE = every one) whose next step has findings.  Each warning
 * is looked up among the plan's acknowledgements (wn_plan_acked).  WN_OK
 * with *out malloc'd (free with wn_report_reviews_free); otherwise the
 * error of the review, *out NULL and *n 0. */
int wn_report_reviews(const struct wn_plan_built *b, const struct wn_med *m, wn_date to,
                      struct wn_report_review **out, size_t *n, struct wn_err *err);
void wn_report_reviews_free(struct wn_report_review *v, size_t n);

struct wn_report_med {
	struct wn_med med;
	bool has_plan;
	enum wn_taper_method method;
	double step;             /* the plan's step (% or mg or points) */
	int every_days;
	wn_date plan_start;
	double start_dose;
	double planned;          /* planned on the end day, NAN when none */
	double pct_reduced;      /* from the starting dose, NAN when none */
	wn_date step_since;      /* step in force on the end day, or NONE */
	int days_at_step;        /* end - step_since + 1, 0 when none: the
	                            "day N" of wn_vocab_at_dose */
	wn_date hold_since;      /* a hold open on the end day, or NONE */
	wn_date next_date;       /* next dated step after the end, or NONE */
	double next_dose;        /* NAN when none */
	wn_date last_date;       /* last dose record on or before the end */
	double last_taken;       /* that day's total, NAN when none */
	struct wn_report_step *steps;    /* owned; by date, the last
	                                    WN_REPORT_MAX_STEPS up to the end,
	                                    then the next step if any */
	size_t n_steps;
	size_t steps_omitted;    /* earlier steps left out */
	struct wn_plan_event *events;    /* owned; holds and reinstatements
	                                    starting on or before the end */
	size_t n_events;
	int dose[WN_DOSE_N];             /* days counted (from counted_from,
	                                    below) by enum wn_dose_status */
	double *planned_days;    /* owned; one per day of the range, NAN
	                            where no plan is in force */
	double *taken_days;      /* owned; one per day: the sum of the day's
	                            doses (0 skipped), NAN when not recorded */
	/* the plan review (has_plan only) */
	char form_label[64];     /* the plan kept on one form; "" = every
	                            recorded form */
	bool form_missing;       /* form_label names no recorded form now */
	wn_date agreed_on;       /* recorded agreeing the plan with the
	                            prescriber, or WN_DATE_NONE */
	/* doses through the day and switching (issue 19; has_plan only) */
	struct wn_doses doses;   /* the plan's; n < 2: one dose a day */
	double doses_end[WN_DOSES_MAX];  /* planned on the end day, NAN none */
	bool has_switch;         /* the plan is one side of a switch */
	struct wn_switch sw;     /* its stages (core/switch.h) */
	char switch_from[65], switch_to[65];   /* the two medications */
	int switch_stage_days;
	enum wn_switch_table switch_table;
	wn_date switch_taper_from;
	struct wn_report_review *reviews;   /* owned, as wn_report_reviews */
	size_t n_reviews;
};

/* A cut (a step after the start) and the burden after it. */
struct wn_report_cut {
	wn_date date;
	double dose;
	size_t med;              /* index into meds */
	struct wn_insight_step burden;
};

/* Baseline (before the first cut) against the last 14 days. */
enum { WN_REPORT_M_BURDEN, WN_REPORT_M_MOOD, WN_REPORT_M_ANXIETY,
       WN_REPORT_M_SLEEP, WN_REPORT_N_MEASURES };

struct wn_report_measure {
	const char *name;        /* "Symptom burden", "Mood", ... (static) */
	const char *unit;        /* "sum of 0-3", "0-10", "h" */
	bool higher_is_better;
	double *v;               /* owned; one per day of the range */
	double mean;             /* over the range, NAN without data */
	int days;                /* days with data in the range */
	struct wn_insight_baseline base;
};

struct wn_report_symptom {
	long id;
	char name[WN_NAME_MAX + 1];
	double mean;             /* over the days with data in the range */
	int days;                /* days with data */
	int days_present;        /* days rated above 0 */
	double peak;
	struct wn_insight_trend trend;  /* the last 14 days of the range
	                                   against the 14 before them */
	enum wn_onset onset;
	wn_date first_seen;
	bool marked_pre;         /* the person's own "pre-existing" mark */
	double *v;               /* owned; one per day of the range */
};

struct wn_report_gap { wn_date from, to; };

/* The safety counts over the range (db/safety.h's wn_db_safety_counts). */
struct wn_report_safety {
	int low_mood;            /* the threshold used */
	int mood_days;           /* days with a mood recorded */
	int low_mood_days;       /* of them, mood at or below low_mood */
	bool item_in_use;        /* the self-harm item is shown, or was rated
	                            in the range */
	int item_days;           /* days it was rated above 0 */
};

struct wn_report_note {
	wn_date date;
	char *text;              /* owned, raw (renderers sanitise); NULL none */
	bool cut;                /* text was longer than WN_REPORT_NOTE_MAX */
};

struct wn_report_question {
	wn_date date;
	char *text;              /* owned, raw */
	bool answered;
	char *answer;            /* owned, raw; NULL when none */
};

/* A hold that wean's rules suggested, and what became of it. */
struct wn_report_proposal {
	wn_date date;
	char med[WN_NAME_MAX + 1];
	char why[256];
	int state;               /* 0 shown (no answer recorded), 1 accepted
	                            (a hold followed), 2 dismissed */
};

struct wn_report {
	char *name;              /* owned copy, NULL when none */
	wn_date from, to, produced;
	int n_days;              /* to - from + 1 */
	wn_date first_day;       /* first recorded day of the diary, or NONE */
	/* The days counted for check-ins: only those of the diary's life, from
	 * its first record (or from, if later) to the end; a range that starts
	 * before the diary does not count the days before it as missing. */
	wn_date counted_from;    /* later of from and first_day; > to (and
	                            n_counted 0) when nothing is recorded on or
	                            before the end */
	int n_counted;           /* to - counted_from + 1, or 0 */
	int n_recorded;          /* days counted with a record (core/vocab.h:
	                            anything entered) */
	int n_missing;           /* n_counted - n_recorded: days with no record */
	struct wn_report_gap *gaps;      size_t n_gaps;     /* owned: runs of
	                                    days counted with no record */
	struct wn_report_safety safety;
	struct wn_report_med *meds;      size_t n_meds;     /* owned */
	wn_date first_cut;       /* the taper's first cut, or NONE */
	struct wn_report_cut *cuts;      size_t n_cuts;     /* owned; the last
	                                    WN_REPORT_MAX_STEPS up to the end */
	size_t cuts_omitted;
	struct wn_report_measure m[WN_REPORT_N_MEASURES];
	struct wn_report_symptom *symptoms; size_t n_symptoms;  /* top, owned */
	struct wn_report_note *notes;    size_t n_notes;    /* flagged days */
	/* The questions: the open ones asked before the range (the most
	 * recent WN_REPORT_OLDER_OPEN of them), then every one asked in the
	 * range, answered (with the answer) or open; by date, then in the
	 * order asked.  Owned. */
	struct wn_report_question *questions; size_t n_questions;
	size_t older_omitted;    /* open questions asked before the range and
	                            not listed */
	wn_date older_omitted_from, older_omitted_to;   /* when those were
	                            asked: the first and last day, or NONE */
	struct wn_report_proposal *proposals; size_t n_proposals;  /* owned */
};

/* Frees everything a gathered report owns (also after a failed gather). */
void wn_report_free(struct wn_report *r);

#endif
