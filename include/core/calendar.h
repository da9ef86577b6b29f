/* SPDX-License-Identifier: GPL-3.0-or-later */
/* calendar.h -- the Calendar screen's month as values: what a day is
 * (its status, from the facts known about it), the selected day's line,
 * the legend, and where the grid goes on the screen.  No curses, no SQL:
 * the screen (src/tui/calendar.c) reads the month (planned vs taken from
 * db/plan.h, each day's summary from db/day.h) into a struct
 * wn_calendar_month and draws what these functions say.
 *
 * wn_calendar_day_status() is the one place that decides what a day
 * shows, in core/vocab.h's words and marks; the day line says it in words
 * with the same facts.
 */
#ifndef WEAN_CORE_CALENDAR_H
#define WEAN_CORE_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"
#include "core/plan.h"
#include "core/taper.h"
#include "core/vocab.h"

#define WN_CALENDAR_CELLS 42     /* 6 weeks of 7 days */

/* The month around a day, as read. */
struct wn_calendar_month {
	struct wn_month_grid grid;
	struct wn_plan_day pd[WN_CALENDAR_CELLS];   /* per cell, from
	                                               grid.cell[0][0] on */
	struct wn_day_summary day[WN_CALENDAR_CELLS];   /* per cell: what
	                                               was recorded */
	const struct wn_plan *plan;        /* the plan shown; NULL for none */
	const struct wn_schedule *sched;   /* its schedule; NULL with plan */
	const char *unit;                  /* the medication's unit, or "" */
	const char *med;                   /* the medication's name, or "" */
	wn_date first;                     /* the diary's first recorded day,
	                                      WN_DATE_NONE for an empty diary */
	const struct wn_review *reviews;   /* the plan's review and those of
	                                      its reinstatements (core/
	                                      review.h), their step numbers
	                                      sched's; NULL = none */
	size_t n_reviews;
};

/* What is known about one day. */
struct wn_calendar_facts {
	wn_date date, today;
	wn_date first;                     /* as in the month */
	const struct wn_plan_day *pd;      /* NULL outside the month read */
	bool step;                         /* a taper step is dated that day */
	const struct wn_plan_event *hold;  /* the hold in force, or NULL */
	const struct wn_review_finding *finding;  /* the worst review finding
	                                      on the step dated that day, or
	                                      NULL (core/findings.h) */
	bool recorded;                     /* anything entered (core/vocab.h) */
	bool flag;                         /* flagged for the prescriber */
	double burden;                     /* NAN: no ratings (or not read) */
	const char *unit;
	const char *med;                   /* the medication shown, or "" */
};

/* The facts of day in m. */
void wn_calendar_facts(const struct wn_calendar_month *m, wn_date day,
                       wn_date today, struct wn_calendar_facts *f);

/* What the Calendar shows of a day, with core/vocab.h's marks. */
struct wn_calendar_status {
	bool step;               /* "*": a taper step */
	bool finding;            /* "%": the review has a finding on that
	                            step */
	bool held;               /* "H": a hold is in force */
	bool flagged;            /* "!": flagged for the prescriber */
	enum wn_dose_status dose;   /* on a day that has come under a plan:
	                            as planned, different ("~"), skipped
	                            ("s"), not recorded ("-" where the dose
	                            goes); WN_DOSE_NOT_PLANNED otherwise */
	bool missing;            /* "?": no record on a past day, on or
	                            after the first recorded one */
	bool taken;              /* a dose was recorded: pd->taken is shown */
	char shade;              /* burden without colour: ' ' none or under
	                            1, '.' 1-4, ':' 5-9, '+' 10-19, '#' 20+ */
	int level;               /* burden as a level: 0 under 5 (or none),
	                            1 5-9, 2 10-19, 3 20+ */
};

/* The day's status from its facts alone. */
void wn_calendar_day_status(const struct wn_calendar_facts *f,
                            struct wn_calendar_status *s);

/* The selected day in one line, its parts joined by sep:
 * "2026-11-25 Wed: recorded · sertraline 18 mg, as planned · burden 5 ·
 * flagged · held: why · review: step 3 cuts 50% after rounding"; "no
 * record" for a past day without one; a day to come says only what is
 * planned ("sertraline planned 16 mg").  The dose in core/vocab.h's
 * words (wn_vocab_dose_detail); burden only with ratings.  Always
 * NUL-terminated; cut when buf is too small. */
void wn_calendar_day_line(const struct wn_calendar_facts *f, const char *sep,
                          char *buf, size_t n);

/* The legend of the markers, as long as fits in cols columns (shorter
 * words on a narrow screen).  Always NUL-terminated. */
void wn_calendar_legend(int cols, char *buf, size_t n);

/* Where the grid goes: 6 rows of 7 cells from row y, each cw columns
 * wide (at most 18) and ch rows high (1 to 4); bottom is the first row
 * below the grid (the legend, then the day line and the proposal). */
struct wn_calendar_geom {
	int y, cw, ch, bottom;
};

/* The grid for a body of body_rows rows from body_top (the month heading
 * and the weekdays above it, three rows below it) and cols columns. */
struct wn_calendar_geom wn_calendar_geometry(int body_top, int body_rows, int cols);

/* A plan with doses through the day (plan->doses.n >= 2): each dose of
 * `day` appended to line (n bytes, cut to fit), after sep, planned
 * against taken in core/vocab.h's words: "08:00 1 mg as planned, 14:00
 * 0.5 mg different (planned 1 mg), 22:00 not recorded (planned 0.75
 * mg)"; a day to come, the doses planned: "doses 08:00 1 mg, 14:00 1 mg,
 * 22:00 0.75 mg"; a day with a dose of no time (skipped whole, or a
 * total), the doses planned and "(what was taken has no times)".
 * Nothing for a plan of one dose a day or a day before the plan. */
struct wn_calendar_doses_in {
	const struct wn_plan *plan;
	const struct wn_schedule *sched;
	wn_date day;
	bool future;                       /* after today */
	const struct wn_day *rec;          /* the day's record (its doses) */
	long med_id;
	const char *unit, *sep;
};
void wn_calendar_doses_text(const struct wn_calendar_doses_in *in, char *line, size_t n);

#endif
