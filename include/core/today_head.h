/* SPDX-License-Identifier: GPL-3.0-or-later */
/* today_head.h -- the rows under the Today screen's title, as values: no
 * curses, no SQL.
 *
 * In order: for each planned medication (at most WN_TODAY_TAPER_ROWS)
 * where its taper stands (wn_today_plan_status), and under it, when the
 * plan's review has a finding on the step that comes next, that finding
 * in a few words; or, with no planned medication, one row the screen
 * fills with the day's state.  Then the hold rule's word on the day
 * (core/holdrule.h), when the caller gives one: a proposal, its reason
 * word-wrapped and, on a row of its own that is never cut at 80 columns,
 * its keys; or that the rule waits for days, and how many it needs.
 * Then, on a day the crisis line shows
 * (core/safety.h, decided by the caller), one calm paragraph:
 * WN_SAFETY_TEXT and the configured crisis line, word-wrapped.  Only the
 * screen cuts a row (with an ellipsis); the crisis line itself is never
 * cut when it fits in the rows allowed: the words before it give way
 * first.
 */
#ifndef WEAN_CORE_TODAY_HEAD_H
#define WEAN_CORE_TODAY_HEAD_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"
#include "core/records.h"
#include "core/review.h"
#include "core/today.h"

#define WN_TODAY_HEAD_TEXT 512
#define WN_TODAY_CRISIS_ROWS 4        /* the most the crisis line takes */
#define WN_TODAY_HOLD_ROWS 4           /* the most the hold proposal takes */
#define WN_TODAY_HEAD_ROWS (2 * WN_TODAY_TAPER_ROWS + WN_TODAY_HOLD_ROWS + \
                            WN_TODAY_CRISIS_ROWS)
/* The keys under a hold proposal (the hold itself is made on the
 * Calendar, where the day and the reason are asked). */
#define WN_TODAY_HOLD_KEYS "  D dismisses it for today; to hold, F2 (Calendar) then H"

enum wn_today_head_kind {
	WN_TODAY_HEAD_STATE,             /* the day's state (the screen's words) */
	WN_TODAY_HEAD_TAPER,             /* where a taper stands */
	WN_TODAY_HEAD_FINDING,           /* the finding on its next step */
	WN_TODAY_HEAD_CRISIS,            /* the crisis line */
	WN_TODAY_HEAD_HOLD,              /* a hold proposal, its reason and keys */
	WN_TODAY_HEAD_HOLD_WAIT,         /* the hold rule waits for days */
};

/* The hold rule's word on the day shown, for the header. */
struct wn_today_hold {
	const char *med;                 /* the medication's name; NULL when
	                                    there is only one */
	bool propose;                    /* a proposal, for the reason why */
	const char *why;                 /* wn_holdrule_out.why */
	bool waiting;                    /* or silent for want of days: */
	int have_days, need_days;        /* wn_holdrule_out's */
};

struct wn_today_head_row {
	enum wn_today_head_kind kind;
	enum wn_review_level level;      /* FINDING: the finding's */
	char text[WN_TODAY_HEAD_TEXT];
};

struct wn_today_head {
	struct wn_today_head_row row[WN_TODAY_HEAD_ROWS];
	int n;                           /* rows, at least 1 */
};

struct wn_today_head_in {
	const struct wn_med *med;        /* the medications, in order */
	const struct wn_today_plan *plans;   /* one per medication; NULL = none */
	size_t n;
	wn_date day;                     /* the day shown */
	const char *crisis;              /* the configured crisis line on a day
	                                    it shows; NULL when it does not */
	int cols;                        /* columns of a row */
	int crisis_rows;                 /* rows the crisis line may take, 1 to
	                                    WN_TODAY_CRISIS_ROWS */
	const struct wn_today_hold *hold;    /* NULL: nothing to say */
	int hold_rows;                   /* rows a proposal may take, 2 to
	                                    WN_TODAY_HOLD_ROWS (its keys
	                                    included) */
};

/* The rows for in. */
void wn_today_head(const struct wn_today_head_in *in, struct wn_today_head *out);

/* The worst review finding on the step of p that comes next after day,
 * from the review of the latest going back up when that was made on or
 * before day, and from the plan's review; NULL when there is none (also
 * without a plan, on hold, or after the last step). */
const struct wn_review_finding *wn_today_next_finding(const struct wn_today_plan *p,
                                                      wn_date day);

#endif
