/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report_sym.c -- the main symptoms of a report (see report.h): every
 * symptom's mean rating over the days with data in the range, and for the
 * top ones their daily values, trend and onset.  One query reads every
 * rating of the span once into a small grid (a byte per symptom and day);
 * a day "with data" is one with any rating, where an unrated symptom
 * counts 0, as in series.h: exactly the days where the burden is not NAN
 * (core/vocab.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "report_int.h"
#include "core/records.h"
#include "db/symptoms.h"
#include "db_int.h"

struct grid {
	const struct wn_report_span *sp;
	const struct wn_symptom *sy;     /* sorted by id */
	size_t n_sy;
	signed char *v;                  /* n_sy * sp->n ratings, -1 = none */
};

static int cmp_id(const void *a, const void *b)
{
	const struct wn_symptom *x = a, *y = b;
	return (x->id > y->id) - (x->id < y->id);
}

static long index_of(const struct grid *g, long id)
{
	size_t lo = 0, hi = g->n_sy;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (g->sy[mid].id == id)
			return (long)mid;
		if (g->sy[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static const char q_ratings[] = "SELECT CAST(julianday(date) - 2440587.5 AS INTEGER),"
	" symptom_id, value FROM rating WHERE date BETWEEN ?1 AND ?2";

static int read_grid(struct wn_db *db, const struct wn_report *r, struct grid *g,
                     struct wn_err *err)
{
	const struct wn_report_span *sp = g->sp;
	sqlite3_stmt *q;
	g->v = malloc(g->n_sy * sp->n + 1);
	if (!g->v)
		return wn_err_set(err, WN_ERR, "out of memory");
	memset(g->v, -1, g->n_sy * sp->n + 1);
	int status = wn_db_prepare(db, q_ratings, &q, err);
	if (status != WN_OK)
		return status;
	wn_report_bind_range(q, sp->lo, r->to);
	while (wn_db_row(db, q, "read the ratings", &status, err)) {
		wn_date d = (wn_date)sqlite3_column_int64(q, 0);
		long k = index_of(g, (long)sqlite3_column_int64(q, 1));
		int v = sqlite3_column_int(q, 2);
		if (k >= 0 && d >= sp->lo && d <= r->to && v >= 0 && v <= 3)
			g->v[(size_t)k * sp->n + (size_t)(d - sp->lo)] = (signed char)v;
	}
	sqlite3_finalize(q);
	return status;
}

/* Sum, peak and days above 0 of symptom k over the range. */
static void range_stats(const struct wn_report *r, const struct grid *g, size_t k,
                        struct wn_report_symptom *s)
{
	const signed char *v = g->v + k * g->sp->n;
	double sum = 0;
	for (wn_date d = r->from; d <= r->to; d++) {
		int x = v[d - g->sp->lo];
		if (x < 0)
			continue;
		sum += x;
		s->days_present += x > 0;
		s->peak = x > s->peak ? x : s->peak;
	}
	s->days = r->m[WN_REPORT_M_BURDEN].days;
	s->mean = s->days ? sum / s->days : NAN;
}

/* Highest mean first, then by name. */
static int cmp_symptom(const void *a, const void *b)
{
	const struct wn_report_symptom *x = a, *y = b;
	if (x->mean != y->mean)
		return x->mean < y->mean ? 1 : -1;
	return strcasecmp(x->name, y->name);
}

/* Every symptom rated above 0 in the range, best first; the top kept. */
static int rank(struct wn_report *r, const struct grid *g, struct wn_err *err)
{
	size_t k = 0;
	r->symptoms = calloc(g->n_sy ? g->n_sy : 1, sizeof *r->symptoms);
	if (!r->symptoms)
		return wn_err_set(err, WN_ERR, "out of memory");
	for (size_t i = 0; i < g->n_sy; i++) {
		struct wn_report_symptom *s = &r->symptoms[k];
		*s = (struct wn_report_symptom){ .id = g->sy[i].id, .first_seen = g->sy[i].first_seen,
		                                 .marked_pre = g->sy[i].preexisting };
		snprintf(s->name, sizeof s->name, "%s", g->sy[i].name);
		range_stats(r, g, i, s);
		k += s->days_present > 0;
	}
	qsort(r->symptoms, k, sizeof *r->symptoms, cmp_symptom);
	r->n_symptoms = k < WN_REPORT_TOP_SYMPTOMS ? k : WN_REPORT_TOP_SYMPTOMS;
	return WN_OK;
}

/* Daily values over the span (NAN where the burden is), the trend of the
 * last 14 days against the 14 before (which may reach back before the
 * range), onset, and the range's values kept in s->v. */
static int fill(const struct wn_report *r, const struct grid *g,
                struct wn_report_symptom *s, double *all, struct wn_err *err)
{
	const struct wn_report_span *sp = g->sp;
	const signed char *v = g->v + (size_t)index_of(g, s->id) * sp->n;
	for (size_t d = 0; d < sp->n; d++)
		all[d] = !isfinite(sp->burden[d]) ? NAN : v[d] >= 0 ? v[d] : 0;
	struct wn_insight_series is = { .start = sp->lo, .n = sp->n, .v = all };
	wn_insight_trend(&is, 3.0 / 20, &s->trend);
	s->onset = wn_insight_onset(s->first_seen, r->first_cut, s->marked_pre);
	if (!(s->v = malloc((size_t)r->n_days * sizeof *s->v)))
		return wn_err_set(err, WN_ERR, "out of memory");
	memcpy(s->v, all + (r->from - sp->lo), (size_t)r->n_days * sizeof *s->v);
	return WN_OK;
}

int wn_report_gather_symptoms(struct wn_db *db, struct wn_report *r,
                              const struct wn_report_span *sp, struct wn_err *err)
{
	struct wn_symptom *sy = NULL;
	struct grid g = { .sp = sp };
	int rc = wn_db_symptom_list(db, true, &sy, &g.n_sy, err);
	if (rc == WN_OK) {
		qsort(sy, g.n_sy, sizeof *sy, cmp_id);
		g.sy = sy;
		rc = read_grid(db, r, &g, err);
	}
	if (rc == WN_OK)
		rc = rank(r, &g, err);
	double *all = rc == WN_OK && r->n_symptoms ? malloc(sp->n * sizeof *all) : NULL;
	if (rc == WN_OK && r->n_symptoms && !all)
		rc = wn_err_set(err, WN_ERR, "out of memory");
	for (size_t i = 0; rc == WN_OK && i < r->n_symptoms; i++)
		rc = fill(r, &g, &r->symptoms[i], all, err);
	free(all);
	free(g.v);
	free(sy);
	return rc;
}
