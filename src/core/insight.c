/* SPDX-License-Identifier: GPL-3.0-or-later */
/* insight.c -- baseline, step-aligned means, onset, trend, windows and
 * waves over daily series.  Pure computation. */
#include "core/insight.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Days since a cut, as SPEC section 5 groups them. */
static const struct { int first, last; } buckets[WN_INSIGHT_BUCKETS] = {
	{ 0, 3 }, { 4, 7 }, { 8, 14 }, { 15, 28 },
};

static bool has(const struct wn_insight_series *s, size_t i)
{
	return i < s->n && isfinite(s->v[i]);
}

double wn_insight_mean(const struct wn_insight_series *s, wn_date from,
                       wn_date to, int *days)
{
	double sum = 0;
	int n = 0;
	wn_date end = s->start + (wn_date)s->n - 1;
	if (from < s->start)
		from = s->start;
	if (to > end)
		to = end;
	for (wn_date d = from; d <= to; d++) {
		size_t i = (size_t)(d - s->start);
		if (has(s, i)) {
			sum += s->v[i];
			n++;
		}
	}
	if (days)
		*days = n;
	return n ? sum / n : NAN;
}

/* ---- baseline ------------------------------------------------------------ */

void wn_insight_baseline(const struct wn_insight_series *s, const wn_date *cuts,
                         size_t n_cuts, struct wn_insight_baseline *out)
{
	wn_date end = s->start + (wn_date)s->n - 1;
	memset(out, 0, sizeof *out);
	out->first_cut = n_cuts ? cuts[0] : WN_DATE_NONE;
	out->baseline = NAN;
	if (n_cuts)
		out->baseline = wn_insight_mean(s, cuts[0] - WN_INSIGHT_BASELINE_DAYS,
		                                cuts[0] - 1, &out->baseline_days);
	out->now = wn_insight_mean(s, end - WN_INSIGHT_RECENT_DAYS + 1, end,
	                           &out->now_days);
	out->change = out->now - out->baseline;   /* NAN when either is */
}

/* ---- step-aligned view ------------------------------------------------------ */

static void step_one(const struct wn_insight_series *s, wn_date cut,
                     wn_date stop, struct wn_insight_step *o)
{
	double sum[WN_INSIGHT_BUCKETS] = { 0 }, all = 0;
	memset(o, 0, sizeof *o);
	o->cut = cut;
	o->peak = o->low = NAN;
	o->peak_day = o->low_day = -1;
	for (int k = 0; k < WN_INSIGHT_BUCKETS; k++) {
		for (int day = buckets[k].first; day <= buckets[k].last; day++) {
			wn_date d = cut + day;
			if (d >= stop || d < s->start || !has(s, (size_t)(d - s->start)))
				continue;
			double v = s->v[d - s->start];
			sum[k] += v;
			o->days[k]++;
			if (o->peak_day < 0 || v > o->peak) {
				o->peak = v;
				o->peak_day = day;
			}
			if (o->low_day < 0 || v < o->low) {
				o->low = v;
				o->low_day = day;
			}
		}
		o->mean[k] = o->days[k] ? sum[k] / o->days[k] : NAN;
		all += sum[k];
		o->days_all += o->days[k];
	}
	o->mean_all = o->days_all ? all / o->days_all : NAN;
}

void wn_insight_steps(const struct wn_insight_series *s, const wn_date *cuts,
                      size_t n_cuts, struct wn_insight_step *out)
{
	for (size_t i = 0; i < n_cuts; i++) {
		wn_date stop = i + 1 < n_cuts ? cuts[i + 1] :
		               cuts[i] + buckets[WN_INSIGHT_BUCKETS - 1].last + 1;
		step_one(s, cuts[i], stop, &out[i]);
	}
}

/* ---- symptoms ------------------------------------------------------------------ */

enum wn_onset wn_insight_onset(wn_date first_seen, wn_date first_cut,
                               bool marked_pre)
{
	if (marked_pre)
		return WN_ONSET_PRE;
	if (first_seen == WN_DATE_NONE)
		return WN_ONSET_NEVER;
	if (first_cut == WN_DATE_NONE)
		return WN_ONSET_NOCUT;
	return first_seen < first_cut ? WN_ONSET_PRE : WN_ONSET_NEW;
}

const char *wn_insight_onset_name(enum wn_onset o)
{
	static const char *const names[] = {
		[WN_ONSET_NEVER] = "never", [WN_ONSET_PRE] = "pre-existing",
		[WN_ONSET_NEW] = "new since the taper", [WN_ONSET_NOCUT] = "no cut yet",
	};
	return (unsigned)o < sizeof names / sizeof *names ? names[o] : "?";
}

void wn_insight_trend(const struct wn_insight_series *s, double steady,
                      struct wn_insight_trend *out)
{
	wn_date end = s->start + (wn_date)s->n - 1;
	const wn_date w = WN_INSIGHT_RECENT_DAYS;
	memset(out, 0, sizeof *out);
	out->recent = wn_insight_mean(s, end - w + 1, end, &out->recent_days);
	out->before = wn_insight_mean(s, end - 2 * w + 1, end - w, &out->before_days);
	out->change = NAN;
	if (out->recent_days >= WN_INSIGHT_MIN_TREND_DAYS &&
	    out->before_days >= WN_INSIGHT_MIN_TREND_DAYS)
		out->change = out->recent - out->before;
	if (isfinite(out->change) && fabs(out->change) > steady)
		out->direction = out->change > 0 ? 1 : -1;
}

/* ---- windows and waves ------------------------------------------------------------ */

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Median and population sd of the days with data; false when too few or
 * out of memory (*oom then set). */
static bool spread(const struct wn_insight_series *s, struct wn_insight_waves *w,
                   bool *oom)
{
	double *x = malloc((s->n ? s->n : 1) * sizeof *x);
	double sum = 0, sq = 0;
	int n = 0;
	if (!x) {
		*oom = true;
		return false;
	}
	for (size_t i = 0; i < s->n; i++)
		if (has(s, i))
			sum += x[n++] = s->v[i];
	w->days = n;
	if (n >= WN_INSIGHT_MIN_DAYS) {
		double mean = sum / n;
		for (int i = 0; i < n; i++)
			sq += (x[i] - mean) * (x[i] - mean);
		qsort(x, (size_t)n, sizeof *x, cmp_double);
		w->median = n % 2 ? x[n / 2] : (x[n / 2 - 1] + x[n / 2]) / 2;
		w->sd = sqrt(sq / n);
	}
	free(x);
	return n >= WN_INSIGHT_MIN_DAYS;
}

static void tally(struct wn_insight_waves *w)
{
	long wave_sum = 0, window_sum = 0;
	for (size_t i = 0; i < w->n_runs; i++) {
		const struct wn_insight_run *r = &w->runs[i];
		int *longest = r->wave ? &w->longest_wave : &w->longest_window;
		if (r->len > *longest)
			*longest = r->len;
		if (r->wave) {
			w->n_waves++;
			wave_sum += r->len;
		} else {
			w->n_windows++;
			window_sum += r->len;
		}
	}
	w->mean_wave = w->n_waves ? (double)wave_sum / w->n_waves : NAN;
	w->mean_window = w->n_windows ? (double)window_sum / w->n_windows : NAN;
}

static void find_runs(const struct wn_insight_series *s, struct wn_insight_waves *w)
{
	struct wn_insight_run *cur = NULL;
	double sum = 0;
	for (size_t i = 0; i < s->n; i++) {
		if (!has(s, i)) {
			cur = NULL;
			continue;
		}
		bool bad = s->v[i] > w->threshold;
		if (!cur || cur->wave != bad) {
			cur = &w->runs[w->n_runs++];
			*cur = (struct wn_insight_run){ .start = s->start + (wn_date)i,
			                                .wave = bad };
			sum = 0;
		}
		cur->len++;
		sum += s->v[i];
		cur->mean = sum / cur->len;
	}
}

int wn_insight_waves(const struct wn_insight_series *s,
                     struct wn_insight_waves *out, struct wn_err *err)
{
	bool oom = false;
	memset(out, 0, sizeof *out);
	out->median = out->sd = out->threshold = NAN;
	out->mean_wave = out->mean_window = NAN;
	if (!spread(s, out, &oom)) {
		out->median = out->sd = NAN;
		return oom ? wn_err_set(err, WN_ERR, "out of memory") : WN_OK;
	}
	double margin = out->sd / 2 > WN_INSIGHT_WAVE_MARGIN ? out->sd / 2 :
	                WN_INSIGHT_WAVE_MARGIN;
	out->threshold = out->median + margin;
	out->runs = malloc((size_t)out->days * sizeof *out->runs);
	if (!out->runs)
		return wn_err_set(err, WN_ERR, "out of memory");
	find_runs(s, out);
	tally(out);
	return WN_OK;
}

void wn_insight_waves_free(struct wn_insight_waves *w)
{
	if (!w)
		return;
	free(w->runs);
	w->runs = NULL;
	w->n_runs = 0;
}
