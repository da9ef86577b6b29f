/* SPDX-License-Identifier: GPL-3.0-or-later */
/* safety.h -- when Today shows the crisis line (SPEC section 5).  Pure: no
 * SQL, no curses.  db/safety.h reads the days it needs.
 *
 * The line shows when mood was at or below `low_mood` on at least
 * WN_SAFETY_LOW_DAYS of the last WN_SAFETY_WINDOW days with a mood
 * recorded (looking back at most WN_SAFETY_LOOKBACK days), or when the
 * optional item WN_SAFETY_SELF_HARM was rated above 0 in the last
 * WN_SAFETY_SELF_HARM_DAYS days.  It is one calm line: withdrawal can
 * bring such feelings; contact your prescriber or the crisis line.  It
 * never blocks anything and never says more than that.
 */
#ifndef WEAN_SAFETY_H
#define WEAN_SAFETY_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"

#define WN_SAFETY_SELF_HARM "thoughts of harming yourself"
#define WN_SAFETY_LOW_MOOD 2          /* default [safety] low_mood */
#define WN_SAFETY_WINDOW 5            /* days with a mood looked at */
#define WN_SAFETY_LOW_DAYS 3          /* of them at or below low_mood */
#define WN_SAFETY_LOOKBACK 28         /* calendar days back, at most */
#define WN_SAFETY_SELF_HARM_DAYS 7    /* the item counts this long */

/* What the line says before the crisis line. */
#define WN_SAFETY_TEXT "Withdrawal can bring feelings like these. " \
	"Contact your prescriber, or:"

enum wn_safety_why {
	WN_SAFETY_NONE,
	WN_SAFETY_MOOD,               /* low mood on enough recent days */
	WN_SAFETY_ITEM,               /* the self-harm item was rated */
};

struct wn_safety_in {
	wn_date day;                  /* the day shown */
	const wn_date *mood_days;     /* days with a mood, newest first, all
	                                 on or before `day` */
	const int *moods;             /* their moods, 0..10 */
	size_t n;                     /* how many (at most WN_SAFETY_WINDOW
	                                 are used) */
	wn_date self_harm_last;       /* last day the item was rated above 0
	                                 on or before `day`, or WN_DATE_NONE */
	int low_mood;                 /* the threshold, 0..10 */
};

struct wn_safety_out {
	enum wn_safety_why why;
	int low_days;                 /* low-mood days among those looked at */
	int looked;                   /* days with a mood looked at */
};

/* Decides; out is always filled.  Returns true when the line shows. */
bool wn_safety_check(const struct wn_safety_in *in, struct wn_safety_out *out);

#endif
