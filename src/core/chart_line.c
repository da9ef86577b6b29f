/* SPDX-License-Identifier: GPL-3.0-or-later */
/* chart_line.c -- the line chart (core/chart_line.h), drawn into a
 * struct wn_chart_buf through chart_int.h.
 *
 * Pure computation: no curses, no output.  The line chart works in three
 * steps: one pass over the days finds the data range (which fixes the
 * y axis and so the gutters and the number of plot columns); a second pass
 * groups the days into buckets (days, weeks, months, quarters or years,
 * the finest that fits the columns); then each layer is drawn from the
 * buckets.  Cost is O(days + width * height).  Dates are core/date.h's.
 */
#include "core/chart_line.h"
#include "chart_int.h"
#include "chart_line_int.h"
#include "core/date.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const month_abbr[12] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	"Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};

/* Integer division rounding down (weeks and groups of years before 1970
 * and year 0 count like the others). */
static long floor_div(long a, long b)
{
	long q = a / b;
	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

struct ymd {
	int y, m, d;
};

static struct ymd ymd_of(wn_date day)
{
	struct ymd t;

	wn_date_to_ymd(day, &t.y, &t.m, &t.d);
	return t;
}

/* ---- y axis ------------------------------------------------------------ */

static void tick_label(const struct axis *a, double v, char *out, size_t sz)
{
	if (fabs(v) < a->step * 1e-6)
		v = 0;
	snprintf(out, sz, "%.*f", a->dec, v);
	if (strlen(out) > 8)
		snprintf(out, sz, "%.2g", v);
}

/* Nice ticks: the smallest step of 1, 2 or 5 times a power of ten that
 * needs at most maxticks ticks; steps below 1 only for spans under 3, so a
 * 0-3 scale counts 0,1,2,3.  The axis is widened to whole steps. */
static void axis_nice(struct axis *a, struct span r, int maxticks)
{
	static const double mult[3] = { 1, 2, 5 };
	double span = r.hi - r.lo;
	int e = (int)floor(log10(span)) - 2;

	for (int i = 0; i < 120; i++) {
		double step = mult[i % 3] * pow(10, e + i / 3);
		if (span >= 3 && step < 1)
			continue;
		a->lo = floor(r.lo / step + 1e-9) * step;
		a->hi = ceil(r.hi / step - 1e-9) * step;
		a->step = step;
		a->nticks = (int)lround((a->hi - a->lo) / step) + 1;
		if (a->nticks <= maxticks)
			break;
	}
	a->dec = a->step >= 1 ? 0 : (int)ceil(-log10(a->step) - 1e-9);
	a->labw = 1;
	for (int i = 0; i < a->nticks; i++) {
		char lab[32];
		tick_label(a, a->lo + i * a->step, lab, sizeof lab);
		if ((int)strlen(lab) > a->labw)
			a->labw = (int)strlen(lab);
	}
}


/* ---- buckets ----------------------------------------------------------- */

/* Buckets are numbered by key: consecutive keys, consecutive buckets. */
static long key_of(enum unit u, int k, wn_date day, struct ymd t)
{
	switch (u) {
	case U_DAY:     return day;
	case U_WEEK:    return floor_div(day + 3, 7);   /* Monday-based */
	case U_MONTH:   return t.y * 12L + t.m - 1;
	case U_QUARTER: return t.y * 4L + (t.m - 1) / 3;
	case U_YEAR:    return floor_div(t.y, k);
	case U_SPAN:    return floor_div(day, k);   /* not used: bucket_of */
	}
	return day;
}

static long key_date(enum unit u, int k, wn_date day)
{
	return key_of(u, k, day, ymd_of(day));
}

/* The bucket of day d (its date t): calendar buckets by key, U_SPAN
 * buckets counted from the first day. */
static long bucket_of(const struct ctx *c, wn_date d, struct ymd t)
{
	if (c->unit == U_SPAN)
		return (d - c->s->start) / c->k;
	return key_of(c->unit, c->k, d, t) - c->k0;
}

/* The finest calendar unit whose buckets fit in the plot columns; a step
 * line with more days than columns: the fewest days per column that
 * fit. */
static void choose_unit(struct ctx *c)
{
	wn_date a = c->s->start, z = a + (long)c->s->n - 1;
	int ya = ymd_of(a).y, yz = ymd_of(z).y;
	long n = (long)c->s->n;

	c->k = 1;
	if (c->stepl && n > c->C) {
		c->unit = U_SPAN;
		c->k = (int)((n + c->C - 1) / c->C);
		c->nb = (int)((n + c->k - 1) / c->k);
		return;
	}
	int first = U_DAY;
	if (c->mon)
		first = c->mon->span == 12 ? U_YEAR : U_MONTH;
	for (int u = first; u <= U_QUARTER; u++) {
		long cnt = key_date(u, 1, z) - key_date(u, 1, a) + 1;
		if (cnt <= c->C) {
			c->unit = u;
			c->nb = (int)cnt;
			return;
		}
	}
	c->unit = U_YEAR;
	c->k = (yz - ya + 1) / c->C;
	if (c->k < 1)
		c->k = 1;
	while (floor_div(yz, c->k) - floor_div(ya, c->k) + 1 > c->C)
		c->k++;
	c->nb = (int)(floor_div(yz, c->k) - floor_div(ya, c->k) + 1);
}

/* How round the first of month t is as a label: a January, and then a
 * year divisible by 5, 10, 20, 50, 100. */
static int month_rank(struct ymd t)
{
	static const int every[] = { 5, 10, 20, 50, 100 };
	int r = 0;

	if (t.m != 1)
		return (t.m - 1) % 3 == 0;
	r = 2;
	for (int i = 0; i < 5; i++)
		r += t.y % every[i] == 0;
	return r;
}

/* Remember which month a bucket starts (labels are months and years);
 * a U_SPAN bucket holding several keeps the roundest, the first of
 * equals. */
static void bucket_label(const struct ctx *c, struct bucket *bk, struct ymd t)
{
	if (c->unit == U_SPAN) {
		int r = month_rank(t);
		if (t.d == 1 && (!bk->ms_m || r > bk->ms_rank)) {
			bk->ms_y = t.y;
			bk->ms_m = t.m;
			bk->ms_rank = r;
		}
	} else if (c->unit == U_DAY || c->unit == U_WEEK) {
		if (t.d == 1) {
			bk->ms_y = t.y;
			bk->ms_m = t.m;
		}
	} else if (!bk->ms_m) {              /* first day of the bucket */
		bk->ms_y = t.y;
		bk->ms_m = c->unit == U_YEAR ? 1 : t.m;
	}
}

/* Trailing 7-day mean over days with data; needs 4 of the 7. */
struct window {
	double sum;
	int cnt;
};

static bool window_step(struct window *w, const double *v, size_t i,
                        double *mean)
{
	if (isfinite(v[i])) {
		w->sum += v[i];
		w->cnt++;
	}
	if (i >= 7 && isfinite(v[i - 7])) {
		w->sum -= v[i - 7];
		w->cnt--;
	}
	*mean = w->cnt ? w->sum / w->cnt : NAN;
	return isfinite(v[i]) && w->cnt >= 4;
}

/* The second line's last value in the bucket. */
static void second_add(const struct ctx *c, struct bucket *bk, wn_date d)
{
	if (!c->sec || c->sec->n == 0)
		return;
	long j = d - c->sec->start;
	if (j >= 0 && (size_t)j < c->sec->n && isfinite(c->sec->v[j])) {
		bk->slast = c->sec->v[j];
		bk->scnt++;
	}
}

static void overlay_add(const struct ctx *c, struct bucket *bk, wn_date d)
{
	if (!c->ov || c->ov->n == 0)
		return;
	long j = d - c->ov->start;
	if (j >= 0 && (size_t)j < c->ov->n && isfinite(c->ov->v[j])) {
		bk->osum += c->ov->v[j];
		bk->ocnt++;
	}
}

/* A series by month (chart.h): each month's sum and count into its
 * bucket (a calendar unit of months or more, so a month is in one); the
 * overlay still goes day by day. */
static void fill_months(struct ctx *c)
{
	const struct wn_chart_series *s = c->s;
	const struct wn_chart_months *m = c->mon;
	int span = m->span == 12 ? 12 : 1;
	wn_date z = s->start + (long)s->n - 1;
	bool ov = c->ov && c->ov->n > 0;

	for (size_t i = 0; i < m->n; i++) {
		long p = m->first + (long)i;
		wn_date d = wn_chart_period_start(p, span);
		wn_date end = wn_chart_period_start(p + 1, span) - 1;
		if (d < s->start)
			d = s->start;
		struct ymd t = ymd_of(d);
		struct bucket *bk = &c->bk[bucket_of(c, d, t)];
		bucket_label(c, bk, t);
		if (m->cnt[i] > 0) {
			bk->sum += m->sum[i];
			bk->cnt += (int)m->cnt[i];
		}
		if (ov && d < c->ov->start)
			d = c->ov->start;
		for (; ov && d <= end && d <= z; d++)   /* the period's days: one bucket */
			overlay_add(c, bk, d);
	}
}

/* The one pass that groups the days. */
static void fill_buckets(struct ctx *c)
{
	const struct wn_chart_series *s = c->s;
	struct window w = { 0, 0 };
	bool ma = c->o->moving_average && c->unit == U_DAY;

	for (int b = 0; b < c->nb; b++)
		c->bk[b] = (struct bucket){ .min = INFINITY, .max = -INFINITY };
	if (c->mon) {
		fill_months(c);
		return;
	}
	for (size_t i = 0; i < s->n; i++) {
		wn_date d = s->start + (long)i;
		struct ymd t = ymd_of(d);
		struct bucket *bk = &c->bk[bucket_of(c, d, t)];
		double v = s->v[i], mean;

		bucket_label(c, bk, t);
		if (isfinite(v)) {
			bk->sum += v;
			bk->cnt++;
			bk->min = fmin(bk->min, v);
			bk->max = fmax(bk->max, v);
			bk->last = v;
		}
		if (window_step(&w, s->v, i, &mean) && ma) {
			bk->ma = mean;
			bk->has_ma = true;
		}
		overlay_add(c, bk, d);
		second_add(c, bk, d);
	}
}

static int col0(const struct ctx *c, int b)
{
	return c->lg + (int)((long)b * c->C / c->nb);
}

static int center(const struct ctx *c, int b)
{
	return (col0(c, b) + col0(c, b + 1) - 1) / 2;
}

/* Screen row of a row counted from the bottom of the plot. */
static int sy(const struct ctx *c, int r)
{
	return c->top + c->P - 1 - r;
}

/* The columns of bucket b in plot row r (counted from the bottom). */
static struct box bucket_box(const struct ctx *c, int b, int r)
{
	return (struct box){ col0(c, b), sy(c, r), col0(c, b + 1) - col0(c, b) };
}

static void fill_box(struct pen p, struct box at, const char *g)
{
	for (int i = 0; i < at.w; i++)
		wn_chart_put(p, at.x + i, at.y, g);
}

/* ---- drawing the plot -------------------------------------------------- */

/* A stepped line through per-bucket rows. */
struct trace {
	const int *row;
	const char *h, *v, *ul, *ur, *ll, *lr;
	int role;
	bool points;             /* a lone bucket is a point, not a run */
};

/* Join the previous bucket's row to bucket b's, in b's first column. */
static void draw_turn(const struct ctx *c, const struct trace *t, int b)
{
	struct pen p = wn_chart_ink(&c->p, t->role);
	int a = t->row[b - 1], r = t->row[b], x = col0(c, b);
	int lo = a < r ? a : r, hi = a < r ? r : a;

	for (int y = lo + 1; y < hi; y++)
		wn_chart_put(p, x, sy(c, y), t->v);
	wn_chart_put(p, x, sy(c, a), a < r ? t->lr : t->ur);
	wn_chart_put(p, x, sy(c, r), a < r ? t->ul : t->ll);
}

static void draw_trace(const struct ctx *c, const struct trace *t)
{
	struct pen p = wn_chart_ink(&c->p, t->role);

	for (int b = 0; b < c->nb; b++) {
		int r = t->row[b];
		if (r < 0)
			continue;
		bool prev = b > 0 && t->row[b - 1] >= 0;
		bool next = b + 1 < c->nb && t->row[b + 1] >= 0;
		if (t->points && !prev && !next) {
			wn_chart_put(p, center(c, b), sy(c, r), c->p.g->point);
			continue;
		}
		fill_box(p, bucket_box(c, b, r), t->h);
		if (prev && t->row[b - 1] != r)
			draw_turn(c, t, b);
	}
}

/* Min-max spans of aggregated buckets; returns whether any was drawn. */
static bool draw_ranges(const struct ctx *c)
{
	struct pen p = wn_chart_ink(&c->p, WN_CHART_RANGE);
	bool any = false;

	for (int b = 0; c->unit != U_DAY && !c->stepl && b < c->nb; b++) {
		const struct bucket *bk = &c->bk[b];
		if (bk->cnt < 2 || !(bk->max > bk->min))
			continue;
		int r0 = wn_chart_axis_row(&c->ya, c->P, bk->min);
		int r1 = wn_chart_axis_row(&c->ya, c->P, bk->max);
		for (int r = r0; r <= r1; r++)
			fill_box(p, bucket_box(c, b, r), p.g->range);
		any = any || r1 > r0;
	}
	return any;
}

static bool draw_average(const struct ctx *c)
{
	struct pen p = wn_chart_ink(&c->p, WN_CHART_AVG);
	bool any = false;

	for (int b = 0; b < c->nb; b++) {
		if (c->arow[b] < 0)
			continue;
		fill_box(p, bucket_box(c, b, c->arow[b]), p.g->avg);
		any = true;
	}
	return any;
}

static void compute_rows(struct ctx *c)
{
	for (int b = 0; b < c->nb; b++) {
		const struct bucket *bk = &c->bk[b];
		double v = !bk->cnt ? NAN : c->stepl ? bk->last : bk->sum / bk->cnt;
		c->row[b] = bk->cnt ? wn_chart_axis_row(&c->ya, c->P, v) : -1;
		c->srow[b] = bk->scnt ? wn_chart_axis_row(&c->ya, c->P, bk->slast) : -1;
		c->arow[b] = bk->has_ma ? wn_chart_axis_row(&c->ya, c->P, bk->ma) : -1;
		c->drow[b] = c->dose && bk->ocnt
		           ? wn_chart_axis_row(&c->da, c->P, bk->osum / bk->ocnt) : -1;
	}
}


/* Layers from back to front: spans, dose, average, the line. */
static void draw_plot(const struct ctx *c, struct drawn *dr)
{
	const struct glyphs *g = c->p.g;
	struct trace dose = { c->drow, g->dh, g->dv, g->dul, g->dur, g->dll,
	                      g->dlr, WN_CHART_DOSE, false };
	struct trace line = { c->row, g->h, g->v, g->ul, g->ur, g->ll, g->lr,
	                      WN_CHART_LINE, true };
	struct trace second = { c->srow, g->dh, g->dv, g->dul, g->dur, g->dll,
	                        g->dlr, WN_CHART_DOSE, false };

	dr->range = draw_ranges(c);
	if (c->sec)
		draw_trace(c, &second);
	if (c->dose)
		draw_trace(c, &dose);
	dr->avg = draw_average(c);
	draw_trace(c, &line);
}

/* ---- axes -------------------------------------------------------------- */

/* A y axis in column x with tick labels to its left (or right). */
static void draw_yaxis(const struct ctx *c, const struct axis *a, int x,
                       bool right)
{
	struct pen p = wn_chart_ink(&c->p, WN_CHART_AXIS);
	struct pen lp = wn_chart_ink(&c->p, WN_CHART_LABEL);

	for (int y = c->top; y < c->top + c->P; y++)
		wn_chart_put(p, x, y, p.g->ax_v);
	for (int i = 0; i < a->nticks; i++) {
		double v = a->lo + i * a->step;
		int y = sy(c, wn_chart_axis_row(a, c->P, v));
		char lab[32];
		tick_label(a, v, lab, sizeof lab);
		int w = (int)strlen(lab);
		wn_chart_put(p, x, y, right ? p.g->ax_tr : p.g->ax_tl);
		wn_chart_put_text(lp, (struct box){ right ? x + 2 : x - 1 - w, y, w }, lab);
	}
}

/* Time-axis label levels, finest first. */
enum level {
	L_DAY1, L_DAY2, L_MONDAY, L_MONTH, L_QUARTER,
	L_YEAR1, L_YEAR2, L_YEAR5, L_YEAR10, L_YEAR20, L_YEAR50, L_YEAR100,
	L_COUNT
};

#define LABEL_MAX 24

/* The label of bucket b at level l ("Nov 20", "Dec", "2027") into out
 * (LABEL_MAX bytes), or false if that level does not label b.  Every
 * other day counts back from the last, so the latest day is labelled. */
static bool label_of(const struct ctx *c, int b, enum level l, char *out)
{
	static const int every[] = { 1, 2, 5, 10, 20, 50, 100 };

	if (l <= L_MONDAY) {
		wn_date d = c->s->start + b;
		if (c->unit != U_DAY || (l == L_DAY2 && (c->nb - 1 - b) % 2) ||
		    (l == L_MONDAY && wn_date_weekday(d) != 0))
			return false;
		struct ymd t = ymd_of(d);
		snprintf(out, LABEL_MAX, "%s %d", month_abbr[t.m - 1], t.d);
		return true;
	}
	const struct bucket *bk = &c->bk[b];
	if (!bk->ms_m || (l == L_QUARTER && (bk->ms_m - 1) % 3) ||
	    (l >= L_YEAR1 && (bk->ms_m != 1 || bk->ms_y % every[l - L_YEAR1])))
		return false;
	if (bk->ms_m == 1)
		snprintf(out, LABEL_MAX, "%d", bk->ms_y);
	else
		snprintf(out, LABEL_MAX, "%s", month_abbr[bk->ms_m - 1]);
	return true;
}

/* Place the labels of one level, centred under their buckets with a
 * space between; returns how many, or -1 if two would touch.  Draws only
 * when draw. */
static int place_labels(const struct ctx *c, enum level l, bool draw)
{
	int end = -2, count = 0;
	char lab[LABEL_MAX];

	for (int b = 0; b < c->nb; b++) {
		if (!label_of(c, b, l, lab))
			continue;
		int len = (int)strlen(lab), mid = center(c, b);
		int x = mid - (len - 1) / 2;
		if (x > c->W - len)
			x = c->W - len;
		if (x < 0)
			x = 0;
		if (x < end + 2)
			return -1;
		if (draw) {
			wn_chart_put_text(wn_chart_ink(&c->p, WN_CHART_LABEL),
			         (struct box){ x, c->H - 1, len }, lab);
			wn_chart_put(wn_chart_ink(&c->p, WN_CHART_AXIS), mid, c->H - 2,
			    c->p.g->ax_tick);
		}
		end = x + len - 1;
		count++;
	}
	return count;
}

/* Step marks: at the start of a day, or the middle of a longer bucket. */
static bool draw_steps(const struct ctx *c)
{
	const struct wn_chart_opts *o = c->o;
	struct pen p = wn_chart_ink(&c->p, WN_CHART_STEP);
	wn_date a = c->s->start, z = a + (long)c->s->n - 1;
	bool any = false;

	for (size_t i = 0; o->steps && i < o->nsteps; i++) {
		wn_date d = o->steps[i];
		if (c->nb == 0 || d < a || d > z)
			continue;
		int b = (int)bucket_of(c, d, ymd_of(d));
		wn_chart_put(p, c->unit == U_DAY ? col0(c, b) : center(c, b), c->H - 2,
		    p.g->step);
		any = true;
	}
	return any;
}

/* The time axis, its labels and step marks. */
static void draw_xaxis(const struct ctx *c, struct drawn *dr)
{
	struct pen p = wn_chart_ink(&c->p, WN_CHART_AXIS);
	struct pen gp = wn_chart_ink(&c->p, WN_CHART_GAP);
	int y = c->H - 2;

	wn_chart_put(p, c->lg - 1, y, p.g->ax_bl);
	fill_box(p, (struct box){ c->lg, y, c->C }, p.g->ax_h);
	dr->gap = false;
	for (int b = 0; b < c->nb; b++) {
		if (c->bk[b].cnt)
			continue;
		struct box under = bucket_box(c, b, 0);
		under.y = y;
		fill_box(gp, under, p.g->ax_gap);
		dr->gap = true;
	}
	if (c->dose)
		wn_chart_put(p, c->lg + c->C, y, p.g->ax_br);
	for (int l = 0; l < L_COUNT && c->nb; l++) {
		if (place_labels(c, l, false) > 0) {
			place_labels(c, l, true);
			break;
		}
	}
	dr->step = draw_steps(c);
}

/* ---- line chart -------------------------------------------------------- */

static int check_size(const struct wn_chart_opts *o, struct wn_err *err)
{
	if (!o)
		return wn_err_set(err, WN_USAGE, "chart options missing");
	if (o->width < WN_CHART_MIN_WIDTH || o->width > WN_CHART_MAX_WIDTH)
		return wn_err_set(err, WN_USAGE,
		                  "chart width must be %d to %d columns, not %d",
		                  WN_CHART_MIN_WIDTH, WN_CHART_MAX_WIDTH,
		                  o->width);
	if (o->height < WN_CHART_MIN_HEIGHT || o->height > WN_CHART_MAX_HEIGHT)
		return wn_err_set(err, WN_USAGE,
		                  "chart height must be %d to %d rows, not %d",
		                  WN_CHART_MIN_HEIGHT, WN_CHART_MAX_HEIGHT,
		                  o->height);
	return WN_OK;
}

/* Months given for a series' days: its periods, not a step line. */
static int check_months(const struct wn_chart_series *s, const struct wn_chart_opts *o,
                        struct wn_err *err)
{
	const struct wn_chart_months *m = o->months;
	int span = m->span == 12 ? 12 : 1;

	if (!s)
		return wn_err_set(err, WN_USAGE, "chart series missing");
	if (o->step_line)
		return wn_err_set(err, WN_USAGE, "a step line is drawn from days, not months");
	if (m->span > 1 && m->span != 12)
		return wn_err_set(err, WN_USAGE, "chart periods of a month or a year");
	if (s->n > 0 && (!m->sum || !m->cnt || m->first != wn_chart_period(s->start, span) ||
	    m->first + (long)m->n - 1 != wn_chart_period(s->start + (long)s->n - 1, span)))
		return wn_err_set(err, WN_USAGE, "chart months are not those of its days");
	return WN_OK;
}

/* The range of the periods' means and the days with data (as
 * wn_chart_data_range gives for days). */
static int months_range(const struct wn_chart_months *m, struct span *out)
{
	int cnt = 0;

	*out = (struct span){ INFINITY, -INFINITY };
	for (size_t i = 0; i < m->n; i++) {
		if (m->cnt[i] <= 0)
			continue;
		double v = m->sum[i] / (double)m->cnt[i];
		out->lo = fmin(out->lo, v);
		out->hi = fmax(out->hi, v);
		cnt += (int)m->cnt[i];
	}
	return cnt;
}

static int check_line_args(struct wn_chart_buf *b,
                           const struct wn_chart_series *s,
                           const struct wn_chart_opts *o, struct wn_err *err)
{
	int rc;

	if ((rc = check_size(o, err)) ||
	    (!o->months && (rc = wn_chart_check_series(s, "chart", err))) ||
	    (o->months && (rc = check_months(s, o, err))) ||
	    (o->overlay && (rc = wn_chart_check_series(o->overlay, "overlay", err))) ||
	    (o->second && (rc = wn_chart_check_series(o->second, "second", err))))
		return rc;
	if (!b)
		return wn_err_set(err, WN_USAGE, "chart buffer missing");
	return WN_OK;
}

static struct span fit_span(struct span data);

/* A step line's axis: the data of the series and of the second line on
 * the days shown, with a margin (fit_span); without data, the series'
 * scale.  refit_drawn() narrows it to the values drawn. */
static struct span fitted_range(const struct ctx *c, struct span data)
{
	wn_date a = c->s->start, z = a + (long)c->s->n - 1;
	struct span d2;

	if (c->sec && wn_chart_data_range(c->sec, a, z, &d2) > 0) {
		data.lo = fmin(data.lo, d2.lo);
		data.hi = fmax(data.hi, d2.hi);
	}
	if (!(data.lo <= data.hi))
		return wn_chart_scale_range(c->s, data);
	return fit_span(data);
}

/* data (not empty) with a tenth of its span (of the value, when flat) to
 * either side, never below 0 for data that is not. */
static struct span fit_span(struct span data)
{
	double m = data.hi > data.lo ? (data.hi - data.lo) / 10
	                             : fmax(fabs(data.hi) / 10, 0.5);
	struct span r = { data.lo - m, data.hi + m };
	if (data.lo >= 0 && r.lo < 0)
		r.lo = 0;
	r.lo = fmax(r.lo, -1e12);
	r.hi = fmin(r.hi, 1e12);
	return r;
}

/* Axes and gutters; the plot width follows from the label widths.  At
 * most 7 ticks, and about one per two rows. */
static void layout(struct ctx *c)
{
	const struct wn_chart_series *s = c->s;
	wn_date a = s->start, z = a + (long)s->n - 1;
	int maxticks = (c->P + 1) / 2 + 1;
	struct span data;

	if (maxticks > 7)
		maxticks = 7;
	c->total = c->mon ? months_range(c->mon, &data) : wn_chart_data_range(s, a, z, &data);
	if (c->stepl)
		axis_nice(&c->ya, fitted_range(c, data), maxticks);
	else
		axis_nice(&c->ya, wn_chart_scale_range(s, data), maxticks);
	c->dose = c->ov && c->ov->n > 0 && s->n > 0 &&
	          wn_chart_data_range(c->ov, a, z, &data) > 0;
	if (c->dose)
		axis_nice(&c->da, wn_chart_scale_range(c->ov, data), maxticks);
	c->lg = c->ya.labw + 2;
	c->C = c->W - c->lg - (c->dose ? c->da.labw + 2 : 0);
	if (s->n > 0) {
		choose_unit(c);
		c->k0 = key_date(c->unit, c->k, s->start);
	}
}

/* A step line draws one value per column: when those values span less
 * than every day's (a day's skip inside a column of several days), the
 * axis is fitted to them, unless its labels would need a wider gutter. */
static void refit_drawn(struct ctx *c)
{
	struct span d = { INFINITY, -INFINITY };
	struct axis a = { 0 };
	int maxticks = (c->P + 1) / 2 + 1;

	for (int b = 0; b < c->nb; b++) {
		const struct bucket *bk = &c->bk[b];
		if (bk->cnt)
			d = (struct span){ fmin(d.lo, bk->last), fmax(d.hi, bk->last) };
		if (bk->scnt)
			d = (struct span){ fmin(d.lo, bk->slast), fmax(d.hi, bk->slast) };
	}
	if (!(d.lo <= d.hi))
		return;
	axis_nice(&a, fit_span(d), maxticks > 7 ? 7 : maxticks);
	if (a.labw <= c->ya.labw) {
		a.labw = c->ya.labw;
		c->ya = a;
	}
}

/* Buckets and the three row arrays in one block (c->bk owns it). */
static int alloc_buckets(struct ctx *c, struct wn_err *err)
{
	size_t nb = c->nb > 0 ? (size_t)c->nb : 1;
	size_t sz = nb * (sizeof(struct bucket) + 4 * sizeof(int));
	char *mem = malloc(sz);

	if (!mem)
		return wn_err_set(err, WN_ERR, "out of memory for a chart");
	c->bk = (struct bucket *)(void *)mem;
	c->row = (int *)(void *)(mem + nb * sizeof(struct bucket));
	c->drow = c->row + nb;
	c->arow = c->drow + nb;
	c->srow = c->arow + nb;
	return WN_OK;
}

int wn_chart_line(struct wn_chart_buf *b, const struct wn_chart_series *s,
                  const struct wn_chart_opts *o, struct wn_err *err)
{
	struct ctx c = { .s = s, .o = o };
	struct drawn dr = { false, false, false, false };
	int rc;

	if ((rc = check_line_args(b, s, o, err)))
		return rc;
	c.p = wn_chart_pen(b, o->ascii, 0);
	c.ov = o->overlay;
	c.stepl = o->step_line;
	c.sec = o->step_line ? o->second : NULL;
	c.mon = o->months;
	c.W = o->width;
	c.H = o->height;
	c.top = 1;
	c.P = c.H - 3;
	layout(&c);
	if ((rc = wn_chart_reset(b, c.W, c.H, err)) || (rc = alloc_buckets(&c, err)))
		return rc;
	fill_buckets(&c);
	if (c.stepl)
		refit_drawn(&c);
	compute_rows(&c);
	draw_yaxis(&c, &c.ya, c.lg - 1, false);
	if (c.dose)
		draw_yaxis(&c, &c.da, c.lg + c.C, true);
	draw_plot(&c, &dr);
	draw_xaxis(&c, &dr);
	wn_chart_line_header(&c, &dr);
	if (c.total == 0)
		wn_chart_line_nodata(&c);
	free(c.bk);
	return WN_OK;
}
