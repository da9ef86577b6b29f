/* holdrule.c -- hold proposals from the config's rules.  Pure. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/holdrule.h"

/* Mean of series values on days [a, b] that lie in the series and have
 * data; NAN when fewer than half (rounded up) of the days have data. */
static double window_mean(const struct wn_holdrule_in *in, const double *v,
                          wn_date a, wn_date b)
{
	double sum = 0;
	long have = 0, days = b - a + 1;
	for (wn_date d = a; d <= b; d++) {
		long i = d - in->from;
		if (i < 0 || i >= in->n || isnan(v[i]))
			continue;
		sum += v[i];
		have++;
	}
	if (days <= 0 || have == 0 || have < (days + 1) / 2)
		return NAN;
	return sum / (double)have;
}

static bool burden_rule(const struct wn_holdrule_in *in,
                        struct wn_holdrule_out *out)
{
	const struct wn_config *c = in->cfg;
	if (!in->burden || in->last_cut == WN_DATE_NONE || in->last_cut > in->day)
		return false;
	out->recent_mean = window_mean(in, in->burden,
	                               in->day - c->hold_burden_days + 1, in->day);
	out->base_mean = window_mean(in, in->burden,
	                             in->last_cut - c->hold_baseline_days,
	                             in->last_cut - 1);
	if (isnan(out->recent_mean) || isnan(out->base_mean))
		return false;
	return out->recent_mean - out->base_mean > c->hold_symptom_rise;
}

static bool sleep_rule(const struct wn_holdrule_in *in)
{
	int nights = in->cfg->hold_sleep_nights;
	if (!in->sleep || nights <= 0)
		return false;
	for (int k = 0; k < nights; k++) {
		long i = in->day - k - in->from;
		if (i < 0 || i >= in->n || isnan(in->sleep[i]) ||
		    !(in->sleep[i] < in->cfg->hold_sleep_hours))
			return false;
	}
	return true;
}

static void explain(const struct wn_holdrule_in *in,
                    struct wn_holdrule_out *out)
{
	const struct wn_config *c = in->cfg;
	size_t len = 0;
	if (out->burden_fired) {
		char d[WN_DATE_STRLEN];
		snprintf(out->why, sizeof out->why, "%d-day mean burden %.1f is %.1f"
		         " above the %d days before the cut on %s",
		         c->hold_burden_days, out->recent_mean,
		         out->recent_mean - out->base_mean, c->hold_baseline_days,
		         wn_date_format(in->last_cut, d));
		len = strlen(out->why);
	}
	if (out->sleep_fired)
		snprintf(out->why + len, sizeof out->why - len, "%ssleep under %g h"
		         " for %d nights", len ? "; " : "", c->hold_sleep_hours,
		         c->hold_sleep_nights);
}

bool wn_holdrule_check(const struct wn_holdrule_in *in,
                       struct wn_holdrule_out *out)
{
	memset(out, 0, sizeof *out);
	out->recent_mean = out->base_mean = NAN;
	if (!in->cfg || !in->cfg->hold_enabled || in->n <= 0)
		return false;
	out->burden_fired = burden_rule(in, out);
	out->sleep_fired = sleep_rule(in);
	out->propose = out->burden_fired || out->sleep_fired;
	explain(in, out);
	return out->propose;
}
