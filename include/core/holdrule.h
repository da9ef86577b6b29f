/* holdrule.h -- when to suggest holding the next taper step (SPEC §5).
 *
 * Pure: no curses, no SQL, no output.  The caller loads the burden and
 * sleep series (series.h) around a day and names the date of the last
 * cut; this module applies the config's rules (struct wn_config hold_*)
 * and says whether to show WN_HOLDRULE_TEXT, and why.  It only proposes:
 * nothing here changes a plan.
 *
 * Rules (both may fire; either is enough):
 * - burden: the mean burden of the hold_burden_days days ending on `day`
 *   exceeds, by more than hold_burden_rise, the mean of the
 *   hold_baseline_days days before the last cut (last_cut - b .. last_cut
 *   - 1).  Needs a cut on or before `day`, and data (non-NAN) on at least
 *   half (rounded up) of the days of each window.
 * - sleep: each of the hold_sleep_nights days ending on `day` has a sleep
 *   value under hold_sleep_hours (a night without a value breaks the run).
 * Nothing fires when cfg->hold_enabled is false.
 */
#ifndef WEAN_HOLDRULE_H
#define WEAN_HOLDRULE_H

#include <stdbool.h>

#include "core/config.h"
#include "core/date.h"

#define WN_HOLDRULE_TEXT \
	"consider holding the next step - discuss with your prescriber"

struct wn_holdrule_in {
	const struct wn_config *cfg;   /* the hold_* rules */
	wn_date day;                   /* the day judged */
	wn_date last_cut;              /* latest step with a lower dose on or
	                                  before day; WN_DATE_NONE = none */
	wn_date from;                  /* date of burden[0] and sleep[0] */
	int n;                         /* days in both series */
	const double *burden;          /* NAN = no data; may be NULL */
	const double *sleep;           /* hours, NAN = no data; may be NULL */
};

struct wn_holdrule_out {
	bool propose;                  /* show WN_HOLDRULE_TEXT */
	bool burden_fired, sleep_fired;
	double recent_mean, base_mean; /* NAN when not computable */
	char why[256];                 /* "3-day mean burden 9.3 is 4.1 above
	                                  the 7 days before the cut on
	                                  2026-11-02; sleep under 5 h for 3
	                                  nights", "" when nothing fired */
};

/* Applies the rules; out is always filled.  Returns out->propose. */
bool wn_holdrule_check(const struct wn_holdrule_in *in,
                       struct wn_holdrule_out *out);

#endif
