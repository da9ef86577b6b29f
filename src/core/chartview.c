/* SPDX-License-Identifier: GPL-3.0-or-later */
/* chartview.c (core) -- a series made ready to chart (core/chartview.h):
 * the taper's cuts, the line chart and the insight text, shared by `wean
 * chart` and the Charts screen.  The loading: db/chartdata.c. */
#include "core/chartview.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/chart_line.h"

/* ---- the taper: cuts and steps ------------------------------------------------ */

int wn_chartview_add_cut(struct wn_chartview *cv, const struct wn_med *m,
                         const struct wn_taper_step *s)
{
	if (cv->n_cuts == cv->cap_cuts) {
		size_t cap = cv->cap_cuts ? 2 * cv->cap_cuts : 32;
		struct wn_chartview_cut *c = realloc(cv->cuts, cap * sizeof *c);
		if (!c)
			return WN_ERR;
		cv->cuts = c;
		cv->cap_cuts = cap;
	}
	struct wn_chartview_cut *c = &cv->cuts[cv->n_cuts++];
	c->date = s->date;
	c->dose = s->dose;
	snprintf(c->unit, sizeof c->unit, "%s", m->unit);
	snprintf(c->med, sizeof c->med, "%s", m->name);
	return WN_OK;
}

static int cmp_cut(const void *a, const void *b)
{
	const struct wn_chartview_cut *x = a, *y = b;
	return (x->date > y->date) - (x->date < y->date);
}

/* Dates of the cuts on or before `to`, without repeats. */
static int step_dates(struct wn_chartview *cv, struct wn_err *err)
{
	cv->steps = malloc((cv->n_cuts + 1) * sizeof *cv->steps);
	if (!cv->steps)
		return wn_err_set(err, WN_ERR, "out of memory");
	size_t n = 0;
	for (size_t i = 0; i < cv->n_cuts; i++)
		if (cv->cuts[i].date <= cv->to &&
		    (n == 0 || cv->steps[n - 1] != cv->cuts[i].date))
			cv->steps[n++] = cv->cuts[i].date;
	cv->n_steps = n;
	return WN_OK;
}

int wn_chartview_settle(struct wn_chartview *cv, struct wn_err *err)
{
	if (cv->n_cuts > 1)
		qsort(cv->cuts, cv->n_cuts, sizeof *cv->cuts, cmp_cut);
	return step_dates(cv, err);
}

wn_date wn_chartview_insight_from(const struct wn_chartview *cv)
{
	wn_date from = cv->from;
	if (cv->n_steps && cv->steps[0] - WN_INSIGHT_BASELINE_DAYS < from)
		from = cv->steps[0] - WN_INSIGHT_BASELINE_DAYS;
	if (cv->to - from >= WN_SERIES_MAX_DAYS)
		from = cv->to - WN_SERIES_MAX_DAYS + 1;
	return from;
}

bool wn_chartview_by_month(const struct wn_series_what *w, wn_date from, wn_date to,
                           int width)
{
	long cols = width > 0 ? width : 80;
	return w->kind != WN_SERIES_DOSE && to - from + 1 > 7 * cols;
}

bool wn_chartview_by_year(wn_date from, wn_date to, int width)
{
	long cols = width > 0 ? width : 80;
	return to - from + 1 > 92 * cols;
}

wn_date wn_chartview_default_from(wn_date to, long days, wn_date first)
{
	wn_date from = to - days + 1;
	if (first != WN_DATE_NONE && first > from && first <= to)
		from = first;
	return from;
}

void wn_chartview_free(struct wn_chartview *cv)
{
	if (!cv)
		return;
	free(cv->v);
	free(cv->longer);
	free(cv->cuts);
	free(cv->steps);
	free(cv->days);
	free((void *)cv->months.sum);
	free((void *)cv->months.cnt);
	if (cv->have_overlay) {
		wn_taper_free(&cv->sched);
		wn_plan_free(&cv->plan);
	}
	memset(cv, 0, sizeof *cv);
}

/* ---- the chart ----------------------------------------------------------------- */

/* The first day of the planned dose: the chart's, or the plan's start
 * when that is later (no dose is planned before it), so that a long
 * range costs the plan's days only. */
static wn_date planned_from(const struct wn_chartview *cv)
{
	wn_date start = cv->sched.n_dated > 0 ? cv->sched.steps[0].date : cv->from;
	return start > cv->from && start <= cv->to ? start : cv->from;
}

/* The planned dose of the overlay plan, day by day from planned_from()
 * (NAN outside the plan). */
static double *planned_days(const struct wn_chartview *cv)
{
	wn_date from = planned_from(cv);
	size_t n = (size_t)(cv->to - from + 1);
	double *p = malloc(n * sizeof *p);
	for (size_t i = 0; p && i < n; i++)
		p[i] = wn_plan_planned_on(&cv->plan, &cv->sched, from + (wn_date)i);
	return p;
}

int wn_chartview_render(const struct wn_chartview *cv,
                        const struct wn_chartview_size *sz,
                        struct wn_chart_buf *b, struct wn_err *err)
{
	char title[WN_NAME_MAX + 8];
	const struct wn_series_what *w = &cv->what;
	bool dose = w->kind == WN_SERIES_DOSE;
	bool overlay = w->kind == WN_SERIES_BURDEN && cv->have_overlay;
	double *planned = (overlay || dose) && cv->have_overlay ? planned_days(cv) : NULL;
	if (cv->have_overlay && (overlay || dose) && !planned)
		return wn_err_set(err, WN_ERR, "out of memory");
	struct wn_chart_series s = { .start = cv->from,
		.n = (size_t)(cv->to - cv->from + 1), .v = cv->v,
		.lo = w->lo, .hi = w->hi, .unit = w->unit,
		.name = dose ? "taken" : NULL };
	wn_date pf = planned_from(cv);
	struct wn_chart_series ov = { .start = pf, .n = (size_t)(cv->to - pf + 1), .v = planned,
		.unit = cv->med.unit, .name = dose ? "planned" : cv->med.name };
	struct wn_chart_opts o = {
		.width = sz->width, .height = sz->height, .ascii = sz->ascii,
		.moving_average = !dose,
		.title = wn_series_title(w, title, sizeof title),
		.overlay = overlay ? &ov : NULL,
		.steps = cv->steps, .nsteps = cv->n_steps,
		.step_line = dose, .step_noun = "dose",
		.second = dose && planned ? &ov : NULL,
		.months = cv->by_month ? &cv->months : NULL,
	};
	int rc = wn_chart_line(b, &s, &o, err);
	free(planned);
	return rc;
}

/* ---- text helpers -------------------------------------------------------------- */

static void outf(struct wn_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void outf(struct wn_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	wn_buf_vaddf(b, fmt, ap);
	va_end(ap);
}

static char *num(double v, char *buf, size_t n)
{
	if (!isfinite(v))
		snprintf(buf, n, "-");
	else
		snprintf(buf, n, "%.1f", v);
	return buf;
}

static char *signed_num(double v, char *buf, size_t n)
{
	if (!isfinite(v))
		snprintf(buf, n, "-");
	else
		snprintf(buf, n, "%+.1f", fabs(v) < 0.05 ? 0.0 : v);
	return buf;
}

static char *dose_text(double v, const char *unit, char *buf, size_t n)
{
	char d[32];
	snprintf(buf, n, "%s %s", wn_text_num(v, 3, d, sizeof d), unit);
	return buf;
}

double wn_chartview_steady(const struct wn_series_what *w)
{
	return w->hi > w->lo ? (w->hi - w->lo) / 20 : 1.0;
}

static const char *judge(const struct wn_series_what *w, int direction)
{
	if (direction == 0 || w->kind == WN_SERIES_METRIC)
		return "";
	return (direction > 0) == w->higher_is_better ? " (better)" : " (worse)";
}

/* ---- what the series says -------------------------------------------------------- */

static void put_baseline(const struct wn_chartview *cv, struct wn_buf *o)
{
	struct wn_insight_baseline b;
	char x[32], y[32], d[WN_DATE_STRLEN], e[WN_DATE_STRLEN];
	wn_insight_baseline(&cv->ins, cv->steps, cv->n_steps, &b);
	if (cv->n_steps == 0)
		outf(o, "Baseline      -  none: no taper step yet\n");
	else
		outf(o, "Baseline  %5s  %d days before the first cut on %s (%d with data)\n",
		     num(b.baseline, x, sizeof x), WN_INSIGHT_BASELINE_DAYS,
		     wn_date_format(b.first_cut, d), b.baseline_days);
	outf(o, "Now       %5s  %d days to %s (%d with data)", num(b.now, x, sizeof x),
	     WN_INSIGHT_RECENT_DAYS, wn_date_format(cv->to, e), b.now_days);
	if (isfinite(b.change))
		outf(o, "; %s on the baseline", signed_num(b.change, y, sizeof y));
	outf(o, "\n");
}

static void put_trend(const struct wn_chartview *cv, struct wn_buf *o)
{
	struct wn_insight_trend t;
	char a[32], b[32], c[32];
	wn_insight_trend(&cv->ins, wn_chartview_steady(&cv->what), &t);
	if (!isfinite(t.change)) {
		outf(o, "Trend     not enough days with data in the last four weeks\n");
		return;
	}
	const char *dir = t.direction > 0 ? "rising" : t.direction < 0 ? "falling" : "steady";
	outf(o, "Trend     %s%s: last 14 days %s, the 14 before %s (%s)\n",
	     dir, judge(&cv->what, t.direction), num(t.recent, a, sizeof a),
	     num(t.before, b, sizeof b), signed_num(t.change, c, sizeof c));
}

static const struct wn_chartview_cut *cut_at(const struct wn_chartview *cv, wn_date d)
{
	for (size_t i = 0; i < cv->n_cuts; i++)
		if (cv->cuts[i].date == d)
			return &cv->cuts[i];
	return NULL;
}

static void put_step_row(const struct wn_chartview *cv, const struct wn_insight_step *s,
                         struct wn_buf *o)
{
	char d[WN_DATE_STRLEN], dose[48], m[WN_INSIGHT_BUCKETS][16];
	const struct wn_chartview_cut *c = cut_at(cv, s->cut);
	dose_text(c ? c->dose : NAN, c ? c->unit : "", dose, sizeof dose);
	for (int k = 0; k < WN_INSIGHT_BUCKETS; k++)
		num(s->mean[k], m[k], sizeof m[k]);
	outf(o, "  %s  %-9s %5s %5s %5s %5s", wn_date_format(s->cut, d), dose,
	     m[0], m[1], m[2], m[3]);
	bool low = cv->what.higher_is_better;
	if (isfinite(s->peak))
		outf(o, "   %g on day %d", low ? s->low : s->peak, low ? s->low_day : s->peak_day);
	if (cv->n_plans > 1 && c)
		outf(o, "  %s", c->med);
	outf(o, "\n");
}

static int put_steps(const struct wn_chartview *cv, struct wn_buf *o, struct wn_err *err)
{
	if (cv->n_steps == 0)
		return WN_OK;
	struct wn_insight_step *st = calloc(cv->n_steps, sizeof *st);
	if (!st)
		return wn_err_set(err, WN_ERR, "out of memory");
	/* by month, only the cuts whose days were read (the last ones) */
	size_t skip = 0;
	while (cv->by_month && skip < cv->n_steps && cv->steps[skip] < cv->daily_from)
		skip++;
	wn_insight_steps(&cv->ins, cv->steps, cv->n_steps, st);
	if (skip == 0)
		outf(o, "\nMean by days since each cut (day 0 = the cut; - = no data yet)\n");
	else
		outf(o, "\nMean by days since each cut of the last %ld days (day 0 = the cut;"
		     " - = no data yet; %zu earlier cut%s: chart a year or less to see them)\n",
		     (long)(cv->to - cv->daily_from + 1), skip, skip == 1 ? "" : "s");
	if (skip < cv->n_steps)
		outf(o, "  cut         dose        0-3   4-7  8-14 15-28   %s\n",
		     cv->what.higher_is_better ? "lowest" : "highest");
	for (size_t i = skip; i < cv->n_steps; i++)
		put_step_row(cv, &st[i], o);
	free(st);
	return WN_OK;
}

static void put_runs(const struct wn_insight_waves *w, struct wn_buf *o)
{
	char a[32], b[32];
	outf(o, "  %d wave%s", w->n_waves, w->n_waves == 1 ? "" : "s");
	if (w->n_waves)
		outf(o, ", longest %d day%s, mean %s", w->longest_wave,
		     w->longest_wave == 1 ? "" : "s", num(w->mean_wave, a, sizeof a));
	outf(o, "; %d window%s", w->n_windows, w->n_windows == 1 ? "" : "s");
	if (w->n_windows)
		outf(o, ", longest %d day%s, mean %s", w->longest_window,
		     w->longest_window == 1 ? "" : "s", num(w->mean_window, b, sizeof b));
	outf(o, "\n");
	if (w->n_runs) {
		const struct wn_insight_run *last = &w->runs[w->n_runs - 1];
		char d[WN_DATE_STRLEN];
		outf(o, "  latest: a %s of %d day%s from %s\n", last->wave ? "wave" : "window",
		     last->len, last->len == 1 ? "" : "s", wn_date_format(last->start, d));
	}
}

/* Windows and waves over the days charted (burden only). */
static int put_waves(const struct wn_chartview *cv, struct wn_buf *o, struct wn_err *err)
{
	struct wn_insight_waves w;
	struct wn_insight_series s = { .start = cv->from,
		.n = (size_t)(cv->to - cv->from + 1), .v = cv->v };
	char m[32], th[32];
	if (cv->by_month)               /* the days read: the last ones */
		s = (struct wn_insight_series){ .start = cv->daily_from,
			.n = (size_t)(cv->to - cv->daily_from + 1),
			.v = cv->ins.v + (cv->daily_from - cv->ins.start) };
	if (wn_insight_waves(&s, &w, err) != WN_OK)
		return WN_ERR;
	if (cv->by_month)
		outf(o, "\nWindows and waves in the last %zu days", s.n);
	else
		outf(o, "\nWindows and waves in these %zu days", s.n);
	if (!isfinite(w.threshold))
		outf(o, ": fewer than %d days with data\n", WN_INSIGHT_MIN_DAYS);
	else {
		outf(o, " (a bad day has a burden above %s:\nthe median %s plus the larger "
		     "of %g and half the standard deviation)\n", num(w.threshold, th, sizeof th),
		     num(w.median, m, sizeof m), WN_INSIGHT_WAVE_MARGIN);
		put_runs(&w, o);
	}
	wn_insight_waves_free(&w);
	return WN_OK;
}

static void put_onset(const struct wn_chartview *cv, struct wn_buf *o)
{
	const struct wn_symptom s = cv->symptom;
	wn_date cut = cv->n_cuts ? cv->cuts[0].date : WN_DATE_NONE;
	enum wn_onset on = wn_insight_onset(s.first_seen, cut, s.preexisting);
	char a[WN_DATE_STRLEN], b[WN_DATE_STRLEN];
	outf(o, "Onset     %s", wn_insight_onset_name(on));
	if (s.preexisting)
		outf(o, " (marked so)");
	else if (on == WN_ONSET_NEW)
		outf(o, ": first on %s, day %ld after the first cut",
		     wn_date_format(s.first_seen, a), s.first_seen - cut);
	else if (on == WN_ONSET_PRE)
		outf(o, ": first on %s, before the first cut (%s)",
		     wn_date_format(s.first_seen, a), wn_date_format(cut, b));
	else if (on == WN_ONSET_NOCUT)
		outf(o, ": first on %s", wn_date_format(s.first_seen, a));
	outf(o, "\n");
}

/* ---- dose: planned against taken --------------------------------------------------- */

static void put_deviation(const struct wn_chartview *cv, const struct wn_plan_day *d,
                          struct wn_buf *o)
{
	char day[WN_DATE_STRLEN], t[160];
	struct wn_vocab_dose_in in = { .status = d->status, .planned = d->planned,
	                               .taken = d->taken, .unit = cv->what.unit };
	wn_vocab_dose_detail(&in, t, sizeof t);
	outf(o, "  %s  %s\n", wn_date_format(d->date, day), t);
}

static void put_pv(const struct wn_chartview *cv, const struct wn_plan_day *days, size_t n,
                   struct wn_buf *o)
{
	int count[WN_DOSE_N] = { 0 }, dev = 0;
	char words[160];
	for (size_t i = 0; i < n; i++) {
		count[days[i].status]++;
		dev += wn_vocab_dose_deviates(days[i].status);
	}
	wn_vocab_counts_text(count, words, sizeof words);
	outf(o, "Planned against taken: %s", words[0] ? words : "nothing planned");
	if (words[0] && count[WN_DOSE_NOT_PLANNED])
		outf(o, "; %d day%s with nothing planned", count[WN_DOSE_NOT_PLANNED],
		     count[WN_DOSE_NOT_PLANNED] == 1 ? "" : "s");
	outf(o, "\n");
	int shown = 0;
	for (size_t i = 0; i < n && shown < 10; i++)
		if (wn_vocab_dose_deviates(days[i].status)) {
			put_deviation(cv, &days[i], o);
			shown++;
		}
	if (dev > shown)
		outf(o, "  and %d more\n", dev - shown);
}

static void put_dose(const struct wn_chartview *cv, struct wn_buf *o)
{
	if (!cv->have_overlay || !cv->days)
		outf(o, "No taper plan for %s.\n", cv->what.name);
	else
		put_pv(cv, cv->days, (size_t)(cv->to - cv->from + 1), o);
}

int wn_chartview_insight(const struct wn_chartview *cv, struct wn_buf *out,
                         struct wn_err *err)
{
	int rc = WN_OK;
	if (cv->what.kind == WN_SERIES_DOSE)
		put_dose(cv, out);
	else if (cv->what.kind == WN_SERIES_SYMPTOM)
		put_onset(cv, out);
	if (cv->what.kind != WN_SERIES_DOSE) {
		put_baseline(cv, out);
		put_trend(cv, out);
		rc = put_steps(cv, out, err);
	}
	if (rc == WN_OK && cv->what.kind == WN_SERIES_BURDEN)
		rc = put_waves(cv, out, err);
	if (rc == WN_OK && out->failed)
		rc = wn_err_set(err, WN_ERR, "out of memory");
	return rc;
}
