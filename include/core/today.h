/* SPDX-License-Identifier: GPL-3.0-or-later */
/* today.h -- what the Today screen shows and what typing into it means,
 * as values: no curses, no SQL, no output.
 *
 * The check-in of one day is a list of fields: the four built-in metrics
 * (mood, anxiety and energy 0-10, sleep 0-24 hours), the config's custom
 * metrics, the symptoms (0-3), one dose line per medication, the flag for
 * the prescriber, the questions, the quick notes and the note.  This
 * module reads a field's value out of a loaded day (core/records.h),
 * writes the lines the screen shows (the taper, a dose line), finds the
 * "usual" dose that `d` logs, and turns keys into values (digits typed
 * quickly, a typed line, a step up or down).  The screen itself
 * (src/tui/today*.c) reads the diary, draws and writes.
 *
 * A field is named by its kind (enum wn_today_kind) and an index: the
 * custom metric's in cfg->metrics, the symptom's in the screen's list,
 * the medication's in the screen's list; 0 for the others.
 */
#ifndef WEAN_CORE_TODAY_H
#define WEAN_CORE_TODAY_H

#include <stdbool.h>
#include <stddef.h>

#include "core/config.h"
#include "core/date.h"
#include "core/plan.h"
#include "core/records.h"
#include "core/taper.h"
#include "core/text.h"

enum wn_today_kind {
	WN_TODAY_MOOD, WN_TODAY_ANXIETY, WN_TODAY_ENERGY, WN_TODAY_SLEEP,
	WN_TODAY_CUSTOM, WN_TODAY_SYMPTOM, WN_TODAY_DOSE, WN_TODAY_FLAG,
	WN_TODAY_QUESTIONS, WN_TODAY_QUICK, WN_TODAY_NOTE,
	WN_TODAY_QUESTION_LINE,  /* one of the day's questions (idx: its index
	                            in the day's questions) */
	WN_TODAY_QNOTE_LINE,     /* one of the day's quick notes (idx: its
	                            index in the day's quick notes) */
	WN_TODAY_DOSE_TIME,      /* one planned dose of a plan with doses
	                            through the day (core/doses.h), under its
	                            medication's line: idx = the medication's
	                            index * WN_DOSES_MAX + the dose's */
};

/* ---- fields and their values ---------------------------------------------- */

/* The kinds from WN_TODAY_MOOD to WN_TODAY_CUSTOM. */
bool wn_today_is_metric(int kind);
/* "mood", "anxiety", "energy", "sleep", or the custom metric's name. */
const char *wn_today_metric_name(const struct wn_config *cfg, int kind, int idx);

/* The values a metric may take: 0-10, sleep 0-24, a custom metric its
 * config's min and max. */
struct wn_today_range {
	double lo, hi;
};
struct wn_today_range wn_today_metric_range(const struct wn_config *cfg,
                                            int kind, int idx);

/* A metric's value in the day d (custom metrics matched by name, case
 * not minded); NAN when not recorded. */
double wn_today_metric_value(const struct wn_day *d, const struct wn_config *cfg,
                             int kind, int idx);
/* A symptom's rating in d, or WN_UNSET. */
int wn_today_rating(const struct wn_day *d, long symptom_id);
/* "none", "mild", "moderate", "severe" for 0-3; "not rated" otherwise. */
const char *wn_today_level_word(int v);

/* Is name in list, the config's comma-separated hidden symptoms (blanks
 * around a name ignored, case not minded)? */
bool wn_today_symptom_hidden(const char *list, const char *name);

/* The latest dose of med_id in d (by time; the later record on a tie), or
 * NULL. */
const struct wn_dose *wn_today_last_dose(const struct wn_day *d, long med_id);

/* "08:05" for a minute of the day, "--:--" for -1. */
void wn_today_minute_text(int minute, char *buf, size_t n);
/* "HH:MM" in local time of a "YYYY-MM-DD HH:MM:SS" UTC time; "" when utc
 * is not one. */
void wn_today_local_hm(const char *utc, char *buf, size_t n);

/* ---- the taper ---------------------------------------------------------- */

/* A medication's active plan and its schedule; has is false when it has
 * none (or it could not be built).  With its review (core/review.h) and
 * that of the step after the latest going back up (today_head.h says
 * what of them Today shows). */
struct wn_today_plan {
	bool has;
	struct wn_plan plan;
	struct wn_schedule sched;
	bool reviewed;           /* review is the plan's */
	struct wn_review review;
	bool has_up;             /* up is the review of the step after the
	                            latest reinstatement, made on up_on */
	struct wn_review up;
	wn_date up_on;
};

/* The planned dose on day; NAN when p is NULL, has no plan or the plan
 * sets none that day. */
double wn_today_planned(const struct wn_today_plan *p, wn_date day);
/* Frees what p owns and clears it. */
void wn_today_plan_free(struct wn_today_plan *p);

/* Medications whose taper shows under the title, at most (today_head.h). */
#define WN_TODAY_TAPER_ROWS 3

/* Adds where the taper of med stands on day to b, the time at the dose
 * in core/vocab.h's one phrase:
 * "sertraline: day 5 at 18 mg, since 2026-11-28; next step 16 mg on
 * 2026-12-12", "...; on hold since 2026-12-01", or before the plan starts
 * "sertraline: the plan starts on 2026-12-01 at 50 mg".  p->has is true
 * and its schedule has at least one step. */
void wn_today_plan_status(const struct wn_med *med, const struct wn_today_plan *p,
                          wn_date day, struct wn_buf *b);

/* ---- the usual dose -------------------------------------------------------- */

/* What `d` logs for a medication: its planned dose on the day, when the
 * plan sets one above 0; else the last amount recorded on or before the
 * day, looking back over the latest WN_TODAY_RECENT days with a dose
 * within WN_TODAY_LOOKBACK days; else none (NAN: the amount is asked).
 *
 * Use: wn_today_usual_start(); if it returns more than 0, collect the
 * days with a dose (wn_today_recent_add over the days from day - LOOKBACK
 * to day), then load the days wn_today_recent_at(k) for k = 0, 1, ...
 * (newest first) and give each to wn_today_usual_take() until it returns
 * 0. */
#define WN_TODAY_RECENT 32
#define WN_TODAY_LOOKBACK 400

/* The planned doses of day into usual[0 .. n) (NAN where none); returns
 * how many are still unknown.  plans may be NULL (none). */
size_t wn_today_usual_start(const struct wn_today_plan *plans, size_t n,
                            wn_date day, double *usual);
/* Fills each still unknown usual[m] with the latest dose of med[m] in the
 * day d; returns how many are still unknown. */
size_t wn_today_usual_take(const struct wn_day *d, const struct wn_med *med,
                           size_t n, double *usual);

/* The latest days with a dose (a ring of WN_TODAY_RECENT); zero it to
 * start. */
struct wn_today_recent {
	wn_date date[WN_TODAY_RECENT];
	size_t n;                /* days added, kept or not */
};
/* Keeps s->date when the day has a dose; days come oldest first. */
void wn_today_recent_add(struct wn_today_recent *r, const struct wn_day_summary *s);
/* How many days are kept (at most WN_TODAY_RECENT). */
size_t wn_today_recent_count(const struct wn_today_recent *r);
/* The k-th newest day kept, k < wn_today_recent_count(). */
wn_date wn_today_recent_at(const struct wn_today_recent *r, size_t k);

/* ---- a dose line ------------------------------------------------------------ */

struct wn_today_dose_line {
	const struct wn_day *day;
	const struct wn_med *med;
	double planned;          /* NAN: no plan that day */
	double usual;            /* NAN: none known */
	const char *sep;         /* between parts: " · " or " | " */
};

/* What the dose line of med says, in core/vocab.h's words: each dose of
 * the day with its time ("50 mg at 08:00, 25 mg at 20:00"), then "(as
 * planned)" or "(~ planned 75)" (different, core/vocab.h's mark) under a plan; a dose recorded as
 * not taken "skipped (planned 50 mg) · x removes it"; without a dose, "not
 * recorded" and what `d` would log ("not recorded · d logs the planned 50
 * mg") or how to log one.  Returns true when a dose (a skipped
 * one too) is recorded. */
bool wn_today_dose_text(const struct wn_today_dose_line *l, char *buf, size_t n);

/* A typed dose: "50", "50 08:10", "50mg @ 8:10", "12.5 at 21:00".  The
 * amount must be above 0; without a time, now_minute is the time.
 * Returns WN_OK, or WN_USAGE with amount and minute undefined. */
int wn_today_parse_dose(const char *s, int now_minute, double *amount,
                        int *minute);

/* ---- typing values ----------------------------------------------------- */

/* Digits typed within WN_TODAY_TYPE_MS of each other on one field make
 * one number: 1 then 0 gives 10; 7 . 5 gives 7.5 (sleep, custom); a digit
 * that would go past the top of the range starts a new number.  Zero the
 * struct to start; wn_today_typing_reset() after a focus change. */
#define WN_TODAY_TYPE_MS 1200

struct wn_today_typing {
	char acc[12];            /* what was typed so far */
	int kind, idx;           /* on which field */
	long long ms;            /* when the last key came */
};

/* One key on a metric: '0'..'9' or '.'. */
struct wn_today_key {
	int kind, idx;           /* the metric */
	char c;
	long long ms;            /* now, in monotonic milliseconds */
	struct wn_today_range range;
};

enum wn_today_typed {
	WN_TODAY_TYPED_SET,      /* *value is the metric's new value */
	WN_TODAY_TYPED_WAIT,     /* a decimal point: wait for a digit */
	WN_TODAY_TYPED_NO_DOT,   /* no decimal point here (mood, anxiety,
	                            energy, or a second one); nothing kept */
	WN_TODAY_TYPED_RANGE,    /* the number is outside the range */
};

/* Applies a key; returns enum wn_today_typed.  Sleep goes by half hours. */
int wn_today_type(struct wn_today_typing *t, const struct wn_today_key *k,
                  double *value);
void wn_today_typing_reset(struct wn_today_typing *t);

/* A metric's value typed as a line: blank clears it (*v = NAN); else a
 * number in r, rounded to a half hour (sleep) or a whole number (mood,
 * anxiety, energy).  WN_OK, or WN_USAGE. */
int wn_today_parse_value(int kind, const char *text, struct wn_today_range r,
                         double *v);

/* + and -: one step (sleep half an hour) from v in direction dir (+1,
 * -1); from nothing, 7 hours of sleep or the bottom of the range.  NAN
 * when the step would leave the range. */
double wn_today_step_metric(int kind, double v, struct wn_today_range r, int dir);
/* + and - on a symptom: from not rated, 1 up or 0 down.  false when the
 * step would leave 0-3. */
bool wn_today_step_rating(int v, int dir, int *out);
/* Enter on a symptom: not rated, 1, 2, 3, 0, 1, ... */
int wn_today_cycle_rating(int v);

#endif
