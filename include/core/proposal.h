/* proposal.h -- which days the hold rules (core/holdrule.h) need in
 * order to judge a day of a taper, so that a screen reads only those: the
 * last cut on or before the day, and one window of days that covers the
 * recent days of both rules and the baseline before that cut.  Pure: the
 * caller reads the burden and sleep of the window (db/series.h) and
 * passes them, with the cut, to wn_holdrule_check().
 *
 * A cut more than WN_PROPOSAL_MAX_DAYS days back is not looked at (the
 * burden rule needs a recent cut to compare with); the window is then
 * just the recent days, for the sleep rule.
 */
#ifndef WEAN_CORE_PROPOSAL_H
#define WEAN_CORE_PROPOSAL_H

#include <stdbool.h>

#include "core/config.h"
#include "core/date.h"
#include "core/taper.h"

#define WN_PROPOSAL_MAX_DAYS 400

struct wn_proposal_window {
	wn_date last_cut;        /* the latest dated step with a lower dose
	                            than the one before, on or before the day;
	                            WN_DATE_NONE when none (or too old) */
	wn_date from;            /* the first day to read */
	int n;                   /* days from `from` to the day, both in */
};

/* The latest cut of s on or before day (WN_DATE_NONE: none yet). */
wn_date wn_proposal_last_cut(const struct wn_schedule *s, wn_date day);

/* The days to read to judge day with the config's hold rules.  false
 * (and *w untouched) when there is nothing to judge: the rules are off,
 * or s is NULL or empty. */
bool wn_proposal_window(const struct wn_config *c, const struct wn_schedule *s,
                        wn_date day, struct wn_proposal_window *w);

#endif
