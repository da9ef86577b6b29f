/* report.h -- the prescriber report (SPEC section 6): one document for a
 * visit, covering a date range, as Markdown, plain text or HTML.
 *
 * Two steps.  wn_report_gather() reads the diary (storage layer: read-only
 * SQL through wn_db_sqlite(), plus series.h, plan.h and insight.h) into a
 * struct wn_report of plain facts, independent of any format.  The
 * renderers turn those facts into text: wn_report_text() (md, txt; ASCII
 * charts from chart.h) and wn_report_html() (one self-contained file with
 * inline SVG charts, print CSS for A4 and Letter, no script, no external
 * resource).  wn_report_render() does both steps.  Nothing here prints,
 * prompts or includes curses; no wall-clock time reaches the output (the
 * date produced is wn_date_today(), which honours WEAN_TODAY).
 *
 * Text from the diary (notes, names, reasons, questions) is sanitised for
 * the terminal in md and txt (no control characters or escape sequences),
 * escaped for Markdown where it would change the document's structure
 * (table cells, line starts), and HTML-escaped in HTML.
 *
 * What the report says (in this order): who and when; current medications
 * and doses; the taper history per plan (steps with planned and taken,
 * holds and reinstatements with their reasons, % reduced from the start,
 * days at the current step); charts of burden with the dose, of mood and
 * of sleep; baseline against now and the mean burden by days since each
 * cut; the top symptoms with their trend and onset; adherence; the days
 * with no check-in, stated plainly; flagged days with their notes and the
 * person's questions; and a closing line: the data are self-reported, not
 * a medical record, and wean gives no dosing advice.
 */
#ifndef WEAN_REPORT_H
#define WEAN_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"
#include "core/insight.h"
#include "db/plan.h"
#include "core/status.h"
#include "db/db.h"
#include "core/text.h"

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
#define WN_REPORT_META_KEY "last_report_to"

#define WN_REPORT_CLOSING "These data were recorded by the person themselves " \
	"and are not a medical record. wean computes the taper plan that the " \
	"person and their prescriber chose; it gives no dosing advice. Discuss " \
	"every change with the prescriber."

struct wn_report_opts {
	wn_date from, to;        /* inclusive; WN_DATE_NONE = default (below) */
	int format;              /* enum wn_report_format */
	const char *name;        /* person's name, optional (NULL = omitted) */
	bool ascii;              /* md/txt: text in plain ASCII too (charts in
	                            md/txt are always plain ASCII) */
	int width;               /* text width for md/txt; 0 = 80; clamped to
	                            WN_REPORT_MIN_WIDTH..WN_REPORT_MAX_WIDTH */
};

/* Parse "md", "markdown", "txt", "text", "html" (any case) -> *format;
 * else WN_USAGE with a hint naming them. */
int wn_report_parse_format(const char *s, int *format, struct wn_err *err);
/* File suffix for a format: "md", "txt", "html" ("txt" for an unknown one). */
const char *wn_report_suffix(int format);

/* Render the report for o into out (appends).  WN_OK; WN_USAGE for a bad
 * range or format; storage errors as storage.h; WN_ERR out of memory.
 * out may hold partial text after a failure (the caller discards it). */
int wn_report_render(struct wn_db *db, const struct wn_report_opts *o,
                     struct wn_buf *out, struct wn_err *err);

/* "Since the last report": the day after the end of the last report
 * written to a file (wn_report_remember), kept in the diary's meta table
 * under WN_REPORT_META_KEY; *last_to = WN_DATE_NONE when none was
 * remembered (or the stored value is not a date). */
int wn_report_last(struct wn_db *db, wn_date *last_to, struct wn_err *err);
/* Remembers `to` as the end of the last report (one small write), unless
 * a later end is remembered already (a report of an earlier period does
 * not move "since the last report" back). */
int wn_report_remember(struct wn_db *db, wn_date to, struct wn_err *err);

/* The range a report covers: o->to, or today when WN_DATE_NONE; o->from,
 * or WN_REPORT_DEFAULT_DAYS days ending on *to but not before the diary's
 * first recorded day.  WN_USAGE when from > to or the range is longer than
 * WN_REPORT_MAX_DAYS. */
int wn_report_range(struct wn_db *db, const struct wn_report_opts *o,
                    wn_date *from, wn_date *to, struct wn_err *err);

/* ---- the facts ----------------------------------------------------------- */

/* One step of a taper plan, as it went. */
struct wn_report_step {
	int index;               /* in the schedule: 0 = the starting dose */
	wn_date date;            /* first day at the step */
	double dose;             /* planned dose of the step */
	double pct_of_start, pct_cut;   /* pct_cut 0 for step 0 */
	bool future;             /* the next step, not reached by the end */
	int days;                /* days at the step up to the report's end */
	int days_recorded;       /* of those, days with a check-in or a dose */
	int days_held;           /* of those, days inside a hold */
	double taken_mean;       /* mean daily dose taken on the recorded
	                            days, NAN when none */
};

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
	int days_at_step;        /* end - step_since + 1, 0 when none */
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
	int pv[WN_PV_NOPLAN + 1];        /* days of the range by enum wn_pv */
	double *planned_days;    /* owned; one per day of the range, NAN
	                            where no plan is in force */
	double *taken_days;      /* owned; one per day, NAN without a record */
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

struct wn_report {
	char *name;              /* owned copy, NULL when none */
	wn_date from, to, produced;
	int n_days;              /* to - from + 1 */
	wn_date first_day;       /* first recorded day of the diary, or NONE */
	int n_checkins;          /* days of the range with a check-in */
	int n_missing;           /* n_days - n_checkins */
	struct wn_report_gap *gaps;      size_t n_gaps;     /* owned */
	struct wn_report_med *meds;      size_t n_meds;     /* owned */
	wn_date first_cut;       /* the taper's first cut, or NONE */
	struct wn_report_cut *cuts;      size_t n_cuts;     /* owned; the last
	                                    WN_REPORT_MAX_STEPS up to the end */
	size_t cuts_omitted;
	struct wn_report_measure m[WN_REPORT_N_MEASURES];
	struct wn_report_symptom *symptoms; size_t n_symptoms;  /* top, owned */
	struct wn_report_note *notes;    size_t n_notes;    /* flagged days */
	struct wn_report_question *questions; size_t n_questions;
};

/* Reads everything for the range of o (wn_report_range) into *r.  Always
 * call wn_report_free() afterwards, also after a failure. */
int wn_report_gather(struct wn_db *db, const struct wn_report_opts *o,
                     struct wn_report *r, struct wn_err *err);
void wn_report_free(struct wn_report *r);

/* The gathered report as Markdown or plain text (o->format MD or TXT) /
 * as HTML.  Append to out.  WN_OK or WN_ERR (out of memory). */
int wn_report_text(const struct wn_report *r, const struct wn_report_opts *o,
                   struct wn_buf *out, struct wn_err *err);
int wn_report_html(const struct wn_report *r, const struct wn_report_opts *o,
                   struct wn_buf *out, struct wn_err *err);

/* ---- shared by the renderers --------------------------------------------- */

/* "60 mg"; "-" for NAN. */
char *wn_report_dose(double v, const char *unit, char *buf, size_t n);
/* The plan in words: "cut 10% of the current dose every 4 weeks". */
void wn_report_plan_text(const struct wn_report_med *m, char *buf, size_t n);
/* A trend in words: "rising (+0.4)", "falling (-0.3)", "steady",
 * "not enough data". */
void wn_report_trend_text(const struct wn_insight_trend *t, char *buf, size_t n);
/* one for n == 1, else many. */
const char *wn_report_plural(long n, const char *one, const char *many);
/* True when the range holds no check-in, rating or dose at all: the
 * report then leaves out charts, symptoms, adherence and flagged days. */
bool wn_report_empty(const struct wn_report *r);
/* One decimal ("1.6", "0.0"); "-" for NAN. */
char *wn_report_fmt1(double v, char *buf, size_t n);

/* Sentences, plain text without markup, diary text in them raw (the
 * renderer escapes the whole sentence).  Each appends to b. */
/* "No check-in on 3 of the 90 days in this range (3%): 2026-09-14, ..." */
void wn_report_missing_text(const struct wn_report *r, struct wn_buf *b);
/* A medication after its name: "planned 60 mg on ..., 40% below the
 * starting dose ...; 23 days at this dose. Last taken: ... Plan: ...". */
void wn_report_med_text(const struct wn_report *r, const struct wn_report_med *m,
                        struct wn_buf *b);
/* "Held from A to B (18 days): reason", "Went back up to ...". */
void wn_report_event_text(const struct wn_report *r, const struct wn_report_med *m,
                          const struct wn_plan_event *e, struct wn_buf *b);
/* "sertraline, the days not as planned: 2026-09-05 took 90 mg (planned
 * 74 mg); ...".  Returns false (nothing added) when there are none or more
 * than WN_REPORT_LIST_MAX. */
bool wn_report_deviation_text(const struct wn_report *r, const struct wn_report_med *m,
                              struct wn_buf *b);
/* What "before taper", "last 14 days" and "period" mean. */
void wn_report_baseline_text(const struct wn_report *r, struct wn_buf *b);
/* "burden 33, mood 2, sleep 3.5 h" for a day of the range ("" when none). */
void wn_report_figures_text(const struct wn_report *r, wn_date day, struct wn_buf *b);
/* "new since taper", "pre-existing", "pre-existing (marked)", ... */
const char *wn_report_onset_text(const struct wn_report_symptom *s);
/* Day i of the range for medication m, planned against taken. */
enum wn_pv wn_report_day_pv(const struct wn_report_med *m, int i);

#endif
