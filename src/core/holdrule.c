/* SPDX-License-Identifier: GPL-3.0-or-later */
/* holdrule.c -- hold proposals from the config's rules; see holdrule.h. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/holdrule.h"

/* The dated cuts of s on or before day (a step lower than the one before),
 * the last max of them into cuts[], oldest first; the first cut of all in
 * *first.  Returns how many were written. */
static int cuts_before(const struct wn_schedule *s, wn_date day, wn_date *cuts,
                       int max, wn_date *first)
{
	int n = 0;
	*first = WN_DATE_NONE;
	for (int k = 1; k < s->n_dated; k++) {
		if (s->steps[k].date > day || !(s->steps[k].dose < s->steps[k - 1].dose))
			continue;
		if (*first == WN_DATE_NONE)
			*first = s->steps[k].date;
		if (n == max) {
			memmove(cuts, cuts + 1, (size_t)(max - 1) * sizeof *cuts);
			n--;
		}
		cuts[n++] = s->steps[k].date;
	}
	return n;
}

static struct wn_holdrule_window before(wn_date cut, int days, bool pre)
{
	return (struct wn_holdrule_window){ .from = cut - days, .to = cut - 1,
		.cut = cut, .pre_taper = pre, .mean = NAN };
}

bool wn_holdrule_windows(const struct wn_config *c, const struct wn_schedule *s,
                         wn_date day, struct wn_holdrule_in *in)
{
	if (!c || !c->hold_enabled || !s || s->n == 0)
		return false;
	memset(in, 0, sizeof *in);
	in->cfg = c;
	in->day = day;
	in->recent = (struct wn_holdrule_window){ .from = day - c->hold_burden_days + 1,
		.to = day, .cut = WN_DATE_NONE, .mean = NAN };
	wn_date cuts[WN_HOLDRULE_CUTS], first;
	int n = cuts_before(s, day, cuts, WN_HOLDRULE_CUTS, &first);
	if (n > 0 && first != cuts[0])
		in->base[in->n_base++] = before(first, c->hold_baseline_days, true);
	for (int i = 0; i < n; i++)
		in->base[in->n_base++] = before(cuts[i], c->hold_baseline_days,
		                                 cuts[i] == first);
	in->n_sleep = c->hold_sleep_nights < WN_HOLDRULE_MAX_NIGHTS ?
	              c->hold_sleep_nights : WN_HOLDRULE_MAX_NIGHTS;
	for (int i = 0; i < in->n_sleep; i++)
		in->sleep[i] = NAN;
	return true;
}

/* ---- the days read for the windows ------------------------------------ */

/* The windows of *in to read: the recent one and the baselines. */
static int windows_of(const struct wn_holdrule_in *in,
                      const struct wn_holdrule_window **w)
{
	int n = 0;
	w[n++] = &in->recent;
	for (int i = 0; i < in->n_base; i++)
		w[n++] = &in->base[i];
	return n;
}

int wn_holdrule_spans(const struct wn_holdrule_in *in, wn_date *from, wn_date *to)
{
	const struct wn_holdrule_window *w[2 + WN_HOLDRULE_CUTS];
	int out = 0;
	if (in->n_base <= 0)
		return 0;
	int n = windows_of(in, w);
	for (int i = 1; i < n; i++)          /* by first day: a handful */
		for (int k = i; k > 0 && w[k]->from < w[k - 1]->from; k--) {
			const struct wn_holdrule_window *x = w[k];
			w[k] = w[k - 1];
			w[k - 1] = x;
		}
	for (int i = 0; i < n; i++) {
		if (out > 0 && w[i]->from <= to[out - 1] + 1) {
			if (w[i]->to > to[out - 1])
				to[out - 1] = w[i]->to;
			continue;
		}
		from[out] = w[i]->from;
		to[out++] = w[i]->to;
	}
	return out;
}

static void add_day(struct wn_holdrule_window *w, wn_date day, double level)
{
	if (day < w->from || day > w->to)
		return;
	if (w->days++ == 0)
		w->mean = 0.0;                /* avg()'s sum starts at 0.0 */
	w->mean += level;
}

void wn_holdrule_day(struct wn_holdrule_in *in, wn_date day, double level)
{
	add_day(&in->recent, day, level);
	for (int i = 0; i < in->n_base; i++)
		add_day(&in->base[i], day, level);
}

static void mean_of(struct wn_holdrule_window *w)
{
	w->mean = w->days > 0 ? w->mean / (double)w->days : NAN;
}

void wn_holdrule_means(struct wn_holdrule_in *in)
{
	mean_of(&in->recent);
	for (int i = 0; i < in->n_base; i++)
		mean_of(&in->base[i]);
}

/* ---- the rules ------------------------------------------------------------ */

static int need_days(const struct wn_holdrule_window *w, bool recent)
{
	int len = (int)(w->to - w->from + 1);
	if (recent)
		return (len + 1) / 2;
	return len < WN_HOLDRULE_MIN_DAYS ? len : WN_HOLDRULE_MIN_DAYS;
}

static bool counts(const struct wn_holdrule_window *w, bool recent)
{
	return w->days >= need_days(w, recent) && isfinite(w->mean);
}

/* The lowest counting baseline, or NULL; the best short one in *short_w. */
static const struct wn_holdrule_window *lowest(const struct wn_holdrule_in *in,
                                               const struct wn_holdrule_window **short_w)
{
	const struct wn_holdrule_window *low = NULL;
	*short_w = NULL;
	for (int i = 0; i < in->n_base; i++) {
		const struct wn_holdrule_window *w = &in->base[i];
		if (counts(w, false)) {
			if (!low || w->mean < low->mean)
				low = w;
		} else if (!*short_w || w->days > (*short_w)->days) {
			*short_w = w;
		}
	}
	return low;
}

static void wait_words(struct wn_holdrule_out *out, const struct wn_holdrule_window *w,
                       bool recent)
{
	out->waiting = true;
	out->have_days = w->days;
	out->need_days = need_days(w, recent);
	snprintf(out->wait, sizeof out->wait, "not enough days with ratings yet (%d of %d%s)",
	         out->have_days, out->need_days, recent ? ", recent days" : "");
}

static bool symptom_rule(const struct wn_holdrule_in *in, struct wn_holdrule_out *out)
{
	const struct wn_holdrule_window *short_w;
	if (in->n_base == 0)
		return false;
	if (!counts(&in->recent, true)) {
		wait_words(out, &in->recent, true);
		return false;
	}
	out->base = lowest(in, &short_w);
	if (!out->base) {
		wait_words(out, short_w ? short_w : &in->base[0], false);
		return false;
	}
	out->recent_mean = in->recent.mean;
	out->base_mean = out->base->mean;
	return out->recent_mean - out->base_mean > in->cfg->hold_symptom_rise + 1e-9;
}

static bool sleep_rule(const struct wn_holdrule_in *in)
{
	if (in->n_sleep <= 0)
		return false;
	for (int k = 0; k < in->n_sleep; k++)
		if (!(in->sleep[k] < in->cfg->hold_sleep_hours))
			return false;      /* NAN compares false: a missing night */
	return true;
}

static void explain(const struct wn_holdrule_in *in, struct wn_holdrule_out *out)
{
	const struct wn_config *c = in->cfg;
	size_t len = 0;
	if (out->symptom_fired) {
		char d[WN_DATE_STRLEN];
		snprintf(out->why, sizeof out->why, "symptoms %.1f a day (mean per rated symptom,"
		         " last %d days), %.1f above the %d days before %s on %s",
		         out->recent_mean, c->hold_burden_days, out->recent_mean - out->base_mean,
		         c->hold_baseline_days, out->base->pre_taper ? "the taper's first cut" :
		         "the cut", wn_date_format(out->base->cut, d));
		len = strlen(out->why);
	}
	if (out->sleep_fired)
		snprintf(out->why + len, sizeof out->why - len, "%ssleep under %g h"
		         " for %d nights", len ? "; " : "", c->hold_sleep_hours,
		         c->hold_sleep_nights);
}

bool wn_holdrule_check(const struct wn_holdrule_in *in, struct wn_holdrule_out *out)
{
	memset(out, 0, sizeof *out);
	out->recent_mean = out->base_mean = NAN;
	if (!in->cfg || !in->cfg->hold_enabled)
		return false;
	out->symptom_fired = symptom_rule(in, out);
	out->sleep_fired = sleep_rule(in);
	out->propose = out->symptom_fired || out->sleep_fired;
	if (out->propose)
		out->waiting = false, out->wait[0] = '\0';
	explain(in, out);
	return out->propose;
}
