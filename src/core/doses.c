/* SPDX-License-Identifier: GPL-3.0-or-later */
/* doses.c -- doses through the day and which one a step cuts; see
 * core/doses.h.  Pure. */
#include "core/doses.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define EPS WN_TAPER_ROUND_EPS

static const char *const cut_names[] = { "largest", "evening", "morning" };

const char *wn_doses_cut_name(enum wn_cut_first c)
{
	return (unsigned)c < 3 ? cut_names[c] : "largest";
}

int wn_doses_cut_parse(const char *s, enum wn_cut_first *out, struct wn_err *err)
{
	for (int i = 0; i < 3; i++)
		if (s && strcasecmp(s, cut_names[i]) == 0) {
			*out = (enum wn_cut_first)i;
			return WN_OK;
		}
	return wn_err_set(err, WN_USAGE, "unknown --cut-first '%.40s' (one of largest, evening or morning)",
	                  s ? s : "");
}

static const char *skip_blanks(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* One "H:MM" or "HH:MM" at *pp; advances past it and trailing blanks. */
static bool parse_hm(const char **pp, int *minute)
{
	const char *p = skip_blanks(*pp);
	int h = 0, m = 0, nd = 0;
	while (isdigit((unsigned char)*p) && nd < 2)
		h = h * 10 + (*p++ - '0'), nd++;
	if (nd == 0 || *p++ != ':' || !isdigit((unsigned char)p[0]) || !isdigit((unsigned char)p[1]))
		return false;
	m = (p[0] - '0') * 10 + (p[1] - '0');
	p += 2;
	if (h > 23 || m > 59)
		return false;
	*minute = h * 60 + m;
	*pp = skip_blanks(p);
	return true;
}

int wn_doses_parse_times(const char *s, const char *what, struct wn_doses *d,
                         struct wn_err *err)
{
	const char *p = s;
	int n = 0;
	for (;;) {
		int m;
		if (n == WN_DOSES_MAX)
			return wn_err_set(err, WN_USAGE, "%s: at most %d doses a day", what, WN_DOSES_MAX);
		if (!parse_hm(&p, &m))
			return wn_err_set(err, WN_USAGE, "%s: '%.40s' is not a list of times like 08:00,14:00,22:00",
			                  what, s);
		if (n > 0 && m <= d->minute[n - 1])
			return wn_err_set(err, WN_USAGE, "%s: each time must be later in the day than the one before (got %.40s)",
			                  what, s);
		d->minute[n] = m;
		d->part[n] = 1;
		n++;
		if (*p == '\0')
			break;
		if (*p++ != ',')
			return wn_err_set(err, WN_USAGE, "%s: '%.40s' is not a list of times like 08:00,14:00,22:00",
			                  what, s);
	}
	if (n < 2)
		return wn_err_set(err, WN_USAGE, "%s: give two times or more (one dose a day needs no --times)", what);
	d->n = n;
	return WN_OK;
}

int wn_doses_parse_split(const char *s, const char *what, struct wn_doses *d,
                         struct wn_err *err)
{
	const char *p = s;
	int n = 0;
	double part[WN_DOSES_MAX];
	for (;;) {
		char *end;
		p = skip_blanks(p);
		double v = strtod(p, &end);
		if (end == p || !isfinite(v))
			return wn_err_set(err, WN_USAGE, "%s: '%.40s' is not a list of numbers like 1,1,1", what, s);
		if (!(v > 0 && v < 100000))
			return wn_err_set(err, WN_USAGE, "%s: each part must be above 0 and below 100000 (got %.40s)",
			                  what, s);
		if (n == d->n)
			return wn_err_set(err, WN_USAGE, "%s: %.40s has more parts than the %d --times", what, s, d->n);
		part[n++] = v;
		p = skip_blanks(end);
		if (*p == '\0')
			break;
		if (*p++ != ',')
			return wn_err_set(err, WN_USAGE, "%s: '%.40s' is not a list of numbers like 1,1,1", what, s);
	}
	if (n != d->n)
		return wn_err_set(err, WN_USAGE, "%s: %d part%s for %d --times", what, n, n == 1 ? "" : "s", d->n);
	memcpy(d->part, part, sizeof part[0] * (size_t)n);
	return WN_OK;
}

void wn_doses_times_text(const struct wn_doses *d, char *buf, size_t n)
{
	size_t used = 0;
	buf[0] = '\0';
	for (int i = 0; d->n >= 2 && i < d->n && used < n; i++)
		used += (size_t)snprintf(buf + used, n - used, "%s%02d:%02d", i ? "," : "",
		                         d->minute[i] / 60, d->minute[i] % 60);
}

void wn_doses_split_text(const struct wn_doses *d, char *buf, size_t n)
{
	size_t used = 0;
	buf[0] = '\0';
	for (int i = 0; d->n >= 2 && i < d->n && used < n; i++)
		used += (size_t)snprintf(buf + used, n - used, "%s%g", i ? "," : "", d->part[i]);
}

int wn_doses_pick(const struct wn_doses *d, const double *a)
{
	int best = -1;
	for (int i = 0; i < d->n; i++) {
		if (a[i] <= EPS)
			continue;
		switch (d->cut) {
		case WN_CUT_MORNING:
			if (best < 0)
				best = i;
			break;
		case WN_CUT_EVENING:
			best = i;
			break;
		default:          /* the largest; a tie goes to the later one */
			if (best < 0 || a[i] >= a[best] - EPS)
				best = i;
		}
	}
	return best;
}

static double part_sum(const struct wn_doses *d)
{
	double w = 0;
	for (int i = 0; i < d->n; i++)
		w += d->part[i];
	return w;
}

/* Tidies an amount: tiny float noise off, never below 0. */
static double tidy(double v)
{
	if (v < EPS)
		return 0;
	double r = round(v * 1e6) / 1e6;
	return fabs(r - v) < 1e-9 ? r : v;
}

void wn_doses_first(const struct wn_doses *d, const struct wn_rounding *r,
                    double total, double *out)
{
	double w = part_sum(d), sum = 0;
	for (int i = 0; i < d->n; i++) {
		double want = total * d->part[i] / w;
		out[i] = r ? wn_taper_round(r, want, NULL, 0) : want;
		sum += out[i];
	}
	double left = total - sum;
	if (fabs(left) > EPS) {
		/* what rounding left over: to (or off) the dose cut first */
		int k = wn_doses_pick(d, out);
		if (k < 0)
			k = d->n - 1;
		if (out[k] + left < 0)
			left = -out[k];
		out[k] += left;
		if (left < 0)   /* still over: take the rest as a cut */
			wn_doses_next(d, out, total, out);
	}
	for (int i = 0; i < d->n; i++)
		out[i] = tidy(out[i]);
}

void wn_doses_next(const struct wn_doses *d, const double *prev, double total,
                   double *out)
{
	double sum = 0, w = part_sum(d);
	double a[WN_DOSES_MAX];
	for (int i = 0; i < d->n; i++)
		sum += (a[i] = prev[i]);
	double cut = sum - total;
	if (cut < -EPS) {         /* going up: the rise shared by the parts */
		for (int i = 0; i < d->n; i++)
			a[i] += -cut * d->part[i] / w;
	} else {
		while (cut > EPS) {
			int k = wn_doses_pick(d, a);
			if (k < 0)
				break;
			double take = a[k] < cut ? a[k] : cut;
			a[k] -= take;
			cut -= take;
		}
	}
	for (int i = 0; i < d->n; i++)
		out[i] = tidy(a[i]);
}

int wn_doses_order(const struct wn_doses *d, const double *a, int *order)
{
	double left[WN_DOSES_MAX];
	int k = 0;
	for (int i = 0; i < d->n; i++)
		left[i] = a[i];
	for (int i; k < d->n && (i = wn_doses_pick(d, left)) >= 0; left[i] = 0)
		order[k++] = i;
	return k;
}

void wn_doses_fill(const struct wn_doses *d, const double *prev, double total,
                   double *out)
{
	double sum = 0, a[WN_DOSES_MAX];
	int order[WN_DOSES_MAX];
	for (int i = 0; i < d->n; i++)
		sum += (a[i] = prev[i]);
	double rise = total - sum;
	if (rise <= EPS) {
		wn_doses_next(d, prev, total, out);
		return;
	}
	int n = wn_doses_order(d, d->part, order);
	for (int j = 0; j < n && rise > EPS; j++) {
		int i = order[j];
		double room = d->part[i] - a[i];
		double add = room < rise ? room : rise;
		if (add > 0) {
			a[i] += add;
			rise -= add;
		}
	}
	if (rise > EPS) {         /* past every part: shared by the parts */
		double w = part_sum(d);
		for (int i = 0; i < d->n; i++)
			a[i] += rise * d->part[i] / w;
	}
	for (int i = 0; i < d->n; i++)
		out[i] = tidy(a[i]);
}

int wn_doses_schedule(const struct wn_doses *d, const struct wn_rounding *r,
                      const struct wn_schedule *s, double **out,
                      struct wn_err *err)
{
	*out = NULL;
	if (s->n <= 0 || d->n < 2)
		return WN_OK;
	double *a = malloc(sizeof *a * (size_t)s->n * (size_t)d->n);
	if (!a)
		return wn_err_set(err, WN_ERR, "out of memory");
	bool from_zero = s->steps[0].dose <= 0;
	wn_doses_first(d, r, s->steps[0].dose, a);
	for (int k = 1; k < s->n; k++)
		(from_zero ? wn_doses_fill : wn_doses_next)(d, a + (size_t)(k - 1) * (size_t)d->n,
		                                            s->steps[k].dose,
		                                            a + (size_t)k * (size_t)d->n);
	*out = a;
	return WN_OK;
}
