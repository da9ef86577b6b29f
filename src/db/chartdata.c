/* SPDX-License-Identifier: GPL-3.0-or-later */
/* chartdata.c -- loading a series of the diary to chart; see
 * db/chartdata.h.  The chart and its text: core/chartview.c. */
#include "db/chartdata.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/chart.h"
#include "core/insight.h"
#include "core/plan.h"
#include "core/records.h"
#include "db/day.h"
#include "db/med.h"
#include "db/plan.h"
#include "db/symptoms.h"
#include "db_int.h"

/* ---- the taper: cuts and the planned dose ---------------------------------- */

/* Loads one medication's plan; keeps the first one for the overlay. */
static int add_plan(struct wn_db *db, struct wn_chartview *cv, const struct wn_med *m,
                    struct wn_err *err)
{
	struct wn_plan_built b;
	int rc = wn_db_plan_built(db, m, &b, err);
	for (int k = 1; rc == WN_OK && k < b.sched.n_dated; k++)
		if (wn_chartview_add_cut(cv, m, &b.sched.steps[k]) != WN_OK)
			rc = wn_err_set(err, WN_ERR, "out of memory");
	if (rc == WN_OK && !cv->have_overlay) {
		cv->have_overlay = true;
		cv->plan = b.plan;
		cv->sched = b.sched;
		cv->med = *m;
		cv->n_plans++;
		return WN_OK;
	}
	cv->n_plans += rc == WN_OK;
	wn_plan_built_free(&b);
	if (rc == WN_NOINPUT)
		wn_err_clear(err);
	return rc == WN_NOINPUT ? WN_OK : rc;
}

/* The plans that matter: a dose chart uses its medication's only. */
static int load_taper(struct wn_db *db, struct wn_chartview *cv, struct wn_err *err)
{
	struct wn_med *meds = NULL;
	size_t n = 0;
	int rc = wn_db_med_list(db, &meds, &n, err);
	for (size_t i = 0; rc == WN_OK && i < n; i++)
		if (cv->what.kind != WN_SERIES_DOSE || meds[i].id == cv->what.id)
			rc = add_plan(db, cv, &meds[i], err);
	free(meds);
	return rc == WN_OK ? wn_chartview_settle(cv, err) : rc;
}

/* ---- loading ----------------------------------------------------------------- */

static int load_days(struct wn_db *db, const struct wn_series_req *q, double **out,
                     struct wn_err *err)
{
	*out = malloc((size_t)(q->to - q->from + 1) * sizeof **out);
	if (!*out)
		return wn_err_set(err, WN_ERR, "out of memory");
	return wn_series_load(db, q, *out, err);
}

/* A long range: the series by month, and the insight's days where its
 * text needs them, the last WN_CHARTVIEW_DAILY_DAYS and the baseline
 * before the first cut (NAN elsewhere). */
static int load_months(struct wn_db *db, struct wn_chartview *cv, int span,
                       struct wn_err *err)
{
	size_t n = wn_chartdata_periods(cv->from, cv->to, span);
	double *sum = malloc(n * sizeof *sum);
	long *cnt = malloc(n * sizeof *cnt);
	cv->months = (struct wn_chart_months){ .span = span,
		.first = wn_chart_period(cv->from, span), .n = n, .sum = sum, .cnt = cnt };
	if (!sum || !cnt)
		return wn_err_set(err, WN_ERR, "out of memory");
	const struct wn_chartdata_months q = { &cv->what, cv->from, cv->to, span };
	return wn_chartdata_months(db, &q, sum, cnt, err);
}

static int load_some_days(struct wn_db *db, struct wn_chartview *cv, wn_date a, wn_date b,
                          struct wn_err *err)
{
	if (a < cv->ins.start)
		a = cv->ins.start;
	if (a > b)
		return WN_OK;
	const struct wn_series_req q = { .what = &cv->what, .from = a, .to = b };
	return wn_series_load(db, &q, cv->longer + (a - cv->ins.start), err);
}

static int insight_sparse(struct wn_db *db, struct wn_chartview *cv, struct wn_err *err)
{
	/* from the baseline or the days read, whichever is first: no day
	 * before has data for the text */
	wn_date from = wn_chartview_insight_from(cv), first = cv->daily_from;
	if (cv->n_steps && cv->steps[0] - WN_INSIGHT_BASELINE_DAYS < first)
		first = cv->steps[0] - WN_INSIGHT_BASELINE_DAYS;
	if (first > from)
		from = first;
	size_t n = (size_t)(cv->to - from + 1);
	cv->longer = malloc(n * sizeof *cv->longer);
	if (!cv->longer)
		return wn_err_set(err, WN_ERR, "out of memory");
	for (size_t i = 0; i < n; i++)
		cv->longer[i] = NAN;
	cv->ins = (struct wn_insight_series){ .start = from, .n = n, .v = cv->longer };
	int rc = load_some_days(db, cv, cv->daily_from, cv->to, err);
	if (rc == WN_OK && cv->n_steps) {
		wn_date end = cv->steps[0] - 1;
		rc = load_some_days(db, cv, cv->steps[0] - WN_INSIGHT_BASELINE_DAYS,
		                    end < cv->daily_from ? end : cv->daily_from - 1, err);
	}
	return rc;
}

/* The insight series reaches back to the baseline before the first cut. */
static int insight_range(struct wn_db *db, struct wn_chartview *cv, struct wn_err *err)
{
	if (cv->by_month)
		return insight_sparse(db, cv, err);
	wn_date from = wn_chartview_insight_from(cv);
	cv->ins = (struct wn_insight_series){ .start = from,
		.n = (size_t)(cv->to - from + 1), .v = cv->v };
	if (from == cv->from)
		return WN_OK;
	const struct wn_series_req q = { .what = &cv->what, .from = from, .to = cv->to };
	int rc = load_days(db, &q, &cv->longer, err);
	cv->ins.v = cv->longer;
	return rc;
}

/* What the insight text says beyond the series: a symptom's first day
 * and mark, a dose's days planned against taken. */
static int insight_facts(struct wn_db *db, struct wn_chartview *cv, struct wn_err *err)
{
	if (cv->what.kind == WN_SERIES_SYMPTOM)
		return wn_db_symptom_find(db, cv->what.name, &cv->symptom, err);
	if (cv->what.kind != WN_SERIES_DOSE || !cv->have_overlay)
		return WN_OK;
	cv->days = malloc((size_t)(cv->to - cv->from + 1) * sizeof *cv->days);
	if (!cv->days)
		return wn_err_set(err, WN_ERR, "out of memory");
	struct wn_plan_range pr = { .plan = &cv->plan, .sched = &cv->sched,
	                            .from = cv->from, .to = cv->to };
	return wn_db_plan_days(db, &pr, cv->days, err);
}

int wn_chartdata_load(struct wn_db *db, const struct wn_chartview_req *r,
                      struct wn_chartview *out, struct wn_err *err)
{
	memset(out, 0, sizeof *out);
	out->what = *r->what;
	out->from = r->from;
	out->to = r->to;
	if (r->from > r->to || r->to - r->from >= WN_SERIES_MAX_DAYS)
		return wn_err_set(err, WN_USAGE, "a chart covers 1 to %ld days",
		                  WN_SERIES_MAX_DAYS);
	const struct wn_series_req q = { .what = &out->what, .from = r->from, .to = r->to };
	out->daily_from = r->from;
	out->by_month = wn_chartview_by_month(r->what, r->from, r->to, r->width);
	if (out->by_month && r->to - r->from + 1 > WN_CHARTVIEW_DAILY_DAYS)
		out->daily_from = r->to - WN_CHARTVIEW_DAILY_DAYS + 1;
	int rc = out->by_month ? load_months(db, out, wn_chartview_by_year(r->from, r->to,
	                                                                  r->width) ? 12 : 1, err)
	                       : load_days(db, &q, &out->v, err);
	if (rc == WN_OK)
		rc = load_taper(db, out, err);
	if (rc == WN_OK)
		rc = insight_range(db, out, err);
	if (rc == WN_OK)
		rc = insight_facts(db, out, err);
	return rc;
}

int wn_chartdata_span(struct wn_db *db, wn_date today, long max_days,
                      wn_date *from, wn_date *to, struct wn_err *err)
{
	wn_date first, last;
	int rc = wn_db_date_span(db, &first, &last, err);
	if (rc != WN_OK)
		return rc;
	*to = last != WN_DATE_NONE && last > today ? last : today;
	*from = first != WN_DATE_NONE && first < *to ? first : *to;
	if (*to - *from >= max_days)
		*from = *to - max_days + 1;
	return WN_OK;
}

int wn_chartdata_default_from(struct wn_db *db, wn_date to, long days,
                              wn_date *from, struct wn_err *err)
{
	wn_date first, last;
	int rc = wn_db_date_span(db, &first, &last, err);
	*from = wn_chartview_default_from(to, days, rc == WN_OK ? first : WN_DATE_NONE);
	return rc;
}

/* ---- every symptom at once ---------------------------------------------------------- */

/* Every rating over ?1..?2. */
static const char q_ratings[] =
	"SELECT date, symptom_id, value FROM rating WHERE date BETWEEN ?1 AND ?2"
	" ORDER BY date, symptom_id";

/* One rating: its day has ratings (its unrated symptoms are 0, as in
 * db/series.h; a day without any is NAN, whatever else it records), and
 * the rating, when it is one of ours, goes in. */
static void put_rating(const struct wn_chartdata_symptoms *r, double *out,
                       sqlite3_stmt *st)
{
	size_t days = (size_t)(r->to - r->from + 1);
	wn_date d = wn_db_col_date(st, 0);
	if (d == WN_DATE_NONE || d < r->from || d > r->to)
		return;
	size_t i = (size_t)(d - r->from);
	long id = (long)sqlite3_column_int64(st, 1);
	for (size_t k = 0; k < r->n; k++) {
		if (isnan(out[k * days + i]))
			out[k * days + i] = 0;
		if (r->ids[k] == id)
			out[k * days + i] = sqlite3_column_int(st, 2);
	}
}

int wn_chartdata_symptoms(struct wn_db *db, const struct wn_chartdata_symptoms *r,
                          double *out, struct wn_err *err)
{
	if (r->from > r->to || r->to - r->from >= WN_SERIES_MAX_DAYS)
		return wn_err_set(err, WN_USAGE, "a chart covers 1 to %ld days",
		                  WN_SERIES_MAX_DAYS);
	size_t days = (size_t)(r->to - r->from + 1);
	for (size_t i = 0; i < r->n * days; i++)
		out[i] = NAN;
	sqlite3_stmt *st;
	int rc = wn_db_prepare(db, q_ratings, &st, err);
	if (rc != WN_OK)
		return rc;
	wn_db_bind_date(st, 1, r->from);
	wn_db_bind_date(st, 2, r->to);
	while (wn_db_row(db, st, "read the ratings", &rc, err))
		put_rating(r, out, st);
	sqlite3_finalize(st);
	return rc;
}

/* ---- sparklines, aggregated by column ---------------------------------------------- */

/* One pass over the ratings of the range in the primary key's order
 * (date, then symptom): a date is parsed only when it changes, and each
 * row only adds its value to its symptom's sum in the day's column.
 * (SQLite's GROUP BY symptom_id per column costs three times as much: it
 * sorts every row.) */
struct spark_acc {
	const struct wn_chartdata_sparks *r;
	double *sum;                 /* out: sums, then means */
	long *rated;                 /* days with a rating, per column */
	char day[WN_DATE_STRLEN];    /* the date of the last row, as stored */
	int col;                     /* its column, -1 outside the range */
};

/* Column of day d: x with x*days/cols <= d - from < (x+1)*days/cols. */
static int spark_col(const struct wn_chartdata_sparks *r, wn_date d)
{
	long days = r->to - r->from + 1;
	if (d == WN_DATE_NONE || d < r->from || d > r->to)
		return -1;
	return (int)(((d - r->from + 1) * (long)r->cols - 1) / days);
}

static void spark_row(struct spark_acc *a, sqlite3_stmt *st)
{
	const char *date = (const char *)sqlite3_column_text(st, 0);
	int len = sqlite3_column_bytes(st, 0);
	if (!date || len != WN_DATE_STRLEN - 1)
		return;
	if (memcmp(date, a->day, (size_t)len) != 0) {
		memcpy(a->day, date, (size_t)len);
		a->col = spark_col(a->r, wn_db_col_date(st, 0));
		if (a->col >= 0)
			a->rated[a->col]++;
	}
	if (a->col < 0)
		return;
	long id = (long)sqlite3_column_int64(st, 1);
	for (size_t k = 0; k < a->r->n; k++)
		if (a->r->ids[k] == id) {
			a->sum[k * (size_t)a->r->cols + (size_t)a->col] += sqlite3_column_int(st, 2);
			break;
		}
}

int wn_chartdata_sparks(struct wn_db *db, const struct wn_chartdata_sparks *r,
                        double *out, struct wn_err *err)
{
	if (r->from > r->to || r->to - r->from >= WN_SERIES_MAX_DAYS)
		return wn_err_set(err, WN_USAGE, "a chart covers 1 to %ld days",
		                  WN_SERIES_MAX_DAYS);
	if (r->cols < 1 || r->cols > r->to - r->from + 1)
		return wn_err_set(err, WN_USAGE, "a sparkline of 1 column a day at most");
	size_t cols = (size_t)r->cols;
	struct spark_acc a = { .r = r, .sum = out, .rated = calloc(cols, sizeof *a.rated),
	                       .col = -1 };
	if (!a.rated)
		return wn_err_set(err, WN_ERR, "out of memory");
	for (size_t i = 0; i < r->n * cols; i++)
		out[i] = 0;
	sqlite3_stmt *st;
	int rc = wn_db_prepare(db, q_ratings, &st, err);
	if (rc == WN_OK) {
		wn_db_bind_date(st, 1, r->from);
		wn_db_bind_date(st, 2, r->to);
		while (wn_db_row(db, st, "read the ratings", &rc, err))
			spark_row(&a, st);
		sqlite3_finalize(st);
	}
	for (size_t k = 0; k < r->n; k++)
		for (size_t x = 0; x < cols; x++)
			out[k * cols + x] = a.rated[x] ? out[k * cols + x] / (double)a.rated[x]
			                               : NAN;
	free(a.rated);
	return rc;
}

/* ---- every series ------------------------------------------------------------------ */

struct list {
	struct wn_series_what *w;
	size_t n, cap;
};

static int list_add(const struct wn_series_names *src, struct list *l,
                    const char *prefix, const char *name, struct wn_err *err)
{
	char text[WN_NAME_MAX + 16];
	snprintf(text, sizeof text, "%s%s", prefix, name);
	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 32;
		struct wn_series_what *w = realloc(l->w, cap * sizeof *w);
		if (!w)
			return wn_err_set(err, WN_ERR, "out of memory");
		l->w = w;
		l->cap = cap;
	}
	int rc = wn_series_parse_what(src, text, &l->w[l->n], err);
	if (rc == WN_OK)
		l->n++;
	/* a name that does not resolve (it cannot, short of a bug) is left
	 * out rather than costing the whole list */
	return rc == WN_DATAERR ? WN_OK : rc;
}

static bool listed(const struct list *l, enum wn_series_kind kind, const char *name)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->w[i].kind == kind && !strcasecmp(l->w[i].name, name))
			return true;
	return false;
}

/* Metrics recorded in the diary that the config does not name. */
static int list_db_metrics(const struct wn_series_names *src, struct list *l,
                           struct wn_err *err)
{
	sqlite3_stmt *st;
	int rc = wn_db_prepare(src->db, "SELECT name FROM metric_def ORDER BY name", &st, err);
	int added = WN_OK;
	if (rc != WN_OK)
		return rc;
	while (added == WN_OK && wn_db_row(src->db, st, "read the metrics", &rc, err)) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		if (name && !listed(l, WN_SERIES_METRIC, name))
			added = list_add(src, l, "metric:", name, err);
	}
	sqlite3_finalize(st);
	return added != WN_OK ? added : rc;
}

static int list_symptoms_meds(const struct wn_series_names *src, struct list *l,
                              struct wn_err *err)
{
	struct wn_symptom *sy = NULL;
	struct wn_med *med = NULL;
	size_t ns = 0, nm = 0;
	int rc = wn_db_symptom_list(src->db, false, &sy, &ns, err);
	for (size_t i = 0; rc == WN_OK && i < ns; i++)
		rc = list_add(src, l, "symptom:", sy[i].name, err);
	if (rc == WN_OK)
		rc = wn_db_med_list(src->db, &med, &nm, err);
	for (size_t i = 0; rc == WN_OK && i < nm; i++)
		rc = list_add(src, l, "dose:", med[i].name, err);
	free(sy);
	free(med);
	return rc;
}

int wn_chartdata_list(const struct wn_series_names *src,
                      struct wn_series_what **out, size_t *n,
                      struct wn_err *err)
{
	static const char *const builtin[] = { "burden", "mood", "anxiety", "energy",
	                                       "sleep" };
	struct list l = { 0 };
	int rc = WN_OK;
	for (size_t i = 0; rc == WN_OK && i < sizeof builtin / sizeof *builtin; i++)
		rc = list_add(src, &l, "", builtin[i], err);
	for (int i = 0; rc == WN_OK && src->cfg && i < src->cfg->n_metrics; i++)
		rc = list_add(src, &l, "metric:", src->cfg->metrics[i].name, err);
	if (rc == WN_OK)
		rc = list_db_metrics(src, &l, err);
	if (rc == WN_OK)
		rc = list_symptoms_meds(src, &l, err);
	if (rc != WN_OK) {
		free(l.w);
		l.w = NULL;
		l.n = 0;
	}
	*out = l.w;
	*n = l.n;
	return rc;
}
