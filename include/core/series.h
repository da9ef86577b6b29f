/* SPDX-License-Identifier: GPL-3.0-or-later */
/* series.h (core) -- what a daily series is: its kind, its name, unit and
 * scale.  A series is one double per day of a range [from, to]; NAN marks
 * a day without data.  Reading one from the diary, and what each kind's
 * value means: db/series.h.
 */
#ifndef WEAN_CORE_SERIES_H
#define WEAN_CORE_SERIES_H

#include <stdbool.h>
#include <stddef.h>

#include "core/records.h"

#define WN_SERIES_MAX_DAYS 73200L   /* about 200 years */

enum wn_series_kind {
	WN_SERIES_MOOD,
	WN_SERIES_ANXIETY,
	WN_SERIES_ENERGY,
	WN_SERIES_SLEEP,
	WN_SERIES_BURDEN,
	WN_SERIES_SYMPTOM,
	WN_SERIES_METRIC,
	WN_SERIES_DOSE
};

/* A resolved series name. */
struct wn_series_what {
	enum wn_series_kind kind;
	long id;                      /* SYMPTOM: symptom id; DOSE: med id */
	char name[WN_NAME_MAX + 1];   /* as stored: "mood", "brain zaps",
	                                 "sertraline", the metric's name */
	char unit[32];                /* "0-10", "h", "0-3", "mg", "" */
	double lo, hi;                /* the scale (chart.h); lo >= hi: from
	                                 the data, starting at 0 */
	bool higher_is_better;        /* mood, energy, sleep; a metric's own */
};

/* Short display name: "Mood", "Burden", "Brain zaps", "Sertraline".
 * Writes at most n bytes (NUL included); returns buf. */
char *wn_series_title(const struct wn_series_what *w, char *buf, size_t n);

#endif
