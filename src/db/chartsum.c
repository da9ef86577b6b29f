/* SPDX-License-Identifier: GPL-3.0-or-later */
/* chartsum.c -- a series by calendar month or year from the charts'
 * summary (schema_v7.c: chart_sum, kept by triggers); see db/chartdata.h.
 * A period wholly inside the range is one row of the summary; a period
 * the range cuts (its first or its last) is the summary's row too when
 * the part outside the range has no record of the series' table, and
 * otherwise the sum of its days inside, read day by day (db/series.h),
 * so every figure is that of the days of the range, whatever the range. */
#include "db/chartdata.h"

#include <math.h>
#include <stdlib.h>

#include "core/chart.h"
#include "db_int.h"

/* The summary's rows of one kind and id over periods ?4..?5 of span ?3. */
static const char q_rows[] =
	"SELECT period, sum, n FROM chart_sum WHERE kind = ?1 AND id = ?2 AND span = ?3"
	" AND period BETWEEN ?4 AND ?5";
static const char q_metric_id[] = "SELECT id FROM metric_def WHERE name = ?1";
/* Whether a table has a record over ?1..?2. */
static const char q_any_rating[] = "SELECT EXISTS (SELECT 1 FROM rating"
	" WHERE date BETWEEN ?1 AND ?2)";
static const char q_any_checkin[] = "SELECT EXISTS (SELECT 1 FROM checkin"
	" WHERE date BETWEEN ?1 AND ?2)";
static const char q_any_metric[] = "SELECT EXISTS (SELECT 1 FROM metric_value"
	" WHERE date BETWEEN ?1 AND ?2)";

/* The period (a month key, or a year) of day d; its first day. */
#define period_of wn_chart_period
#define period_start wn_chart_period_start

size_t wn_chartdata_periods(wn_date from, wn_date to, int span)
{
	return (size_t)(period_of(to, span) - period_of(from, span) + 1);
}

/* Where the series lives in the summary: its sums (kind, id), its
 * counts (ckind, cid: a symptom's are the rated days', as db/series.h
 * counts an unrated symptom 0 on a day with ratings) and its table. */
struct where {
	long kind, id, ckind, cid;
	const char *any;
};

static int locate(struct wn_db *db, const struct wn_series_what *w, struct where *o,
                  struct wn_err *err)
{
	static const long checkin_kind[] = { [WN_SERIES_MOOD] = 2, [WN_SERIES_ANXIETY] = 3,
		[WN_SERIES_ENERGY] = 4, [WN_SERIES_SLEEP] = 5 };
	*o = (struct where){ .any = q_any_checkin };
	switch (w->kind) {
	case WN_SERIES_MOOD: case WN_SERIES_ANXIETY: case WN_SERIES_ENERGY:
	case WN_SERIES_SLEEP:
		o->kind = o->ckind = checkin_kind[w->kind];
		return WN_OK;
	case WN_SERIES_BURDEN:
		o->any = q_any_rating;
		return WN_OK;
	case WN_SERIES_SYMPTOM:
		o->kind = 1;
		o->id = w->id;
		o->any = q_any_rating;
		return WN_OK;
	case WN_SERIES_METRIC:
		break;
	default:
		return wn_err_set(err, WN_USAGE, "a dose is charted by day, not by month");
	}
	o->kind = o->ckind = 6;
	o->id = o->cid = -1;             /* a metric not defined: no rows */
	o->any = q_any_metric;
	sqlite3_stmt *st;
	int rc = wn_db_stmt(db, q_metric_id, &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_text(st, 1, w->name, -1, SQLITE_STATIC);
	if (wn_db_row(db, st, "read the metrics", &rc, err))
		o->id = o->cid = (long)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc;
}

/* Adds the summary's rows of (kind, id) into sum (cnt NULL) or their
 * counts into cnt (sum NULL), index 0 = period p0. */
static int read_rows(struct wn_db *db, long kind, long id, int span, long p0, long p1,
                     double *sum, long *cnt, struct wn_err *err)
{
	sqlite3_stmt *st;
	int rc = wn_db_stmt(db, q_rows, &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, kind);
	sqlite3_bind_int64(st, 2, id);
	sqlite3_bind_int(st, 3, span);
	sqlite3_bind_int64(st, 4, p0);
	sqlite3_bind_int64(st, 5, p1);
	while (wn_db_row(db, st, "read the charts' summary", &rc, err)) {
		long i = (long)sqlite3_column_int64(st, 0) - p0;
		if (i < 0 || i > p1 - p0)
			continue;
		if (sum)
			sum[i] = sqlite3_column_double(st, 1);
		if (cnt)
			cnt[i] = (long)sqlite3_column_int64(st, 2);
	}
	sqlite3_reset(st);
	return rc;
}

/* Whether the table has a record over a..b (nothing when a > b). */
static int any_record(struct wn_db *db, const char *q, wn_date a, wn_date b, bool *any,
                      struct wn_err *err)
{
	*any = false;
	if (a > b)
		return WN_OK;
	sqlite3_stmt *st;
	int rc = wn_db_stmt(db, q, &st, err);
	if (rc != WN_OK)
		return rc;
	wn_db_bind_date(st, 1, a);
	wn_db_bind_date(st, 2, b);
	if (wn_db_row(db, st, "read the diary", &rc, err))
		*any = sqlite3_column_int(st, 0) != 0;
	sqlite3_reset(st);
	return rc;
}

/* The days a..b of the series, summed into *sum and counted into *cnt. */
static int sum_days(struct wn_db *db, const struct wn_series_what *w, wn_date a,
                    wn_date b, double *sum, long *cnt, struct wn_err *err)
{
	double *v = malloc((size_t)(b - a + 1) * sizeof *v);
	if (!v)
		return wn_err_set(err, WN_ERR, "out of memory");
	const struct wn_series_req q = { .what = w, .from = a, .to = b };
	int rc = wn_series_load(db, &q, v, err);
	*sum = 0;
	*cnt = 0;
	for (long i = 0; rc == WN_OK && i <= b - a; i++)
		if (isfinite(v[i])) {
			*sum += v[i];
			(*cnt)++;
		}
	free(v);
	return rc;
}

/* Period i (0 first, last) when the range cuts it: read by day if the
 * part outside has a record. */
static int fix_edge(struct wn_db *db, const struct wn_chartdata_months *r,
                    const struct where *wh, size_t i, double *sum, long *cnt,
                    struct wn_err *err)
{
	long p = period_of(r->from, r->span) + (long)i;
	wn_date a = period_start(p, r->span), b = period_start(p + 1, r->span) - 1;
	wn_date in_a = a < r->from ? r->from : a, in_b = b > r->to ? r->to : b;
	bool before = false, after = false;
	int rc = any_record(db, wh->any, a, in_a - 1, &before, err);
	if (rc == WN_OK)
		rc = any_record(db, wh->any, in_b + 1, b, &after, err);
	if (rc != WN_OK || (!before && !after))
		return rc;
	return sum_days(db, r->what, in_a, in_b, &sum[i], &cnt[i], err);
}

int wn_chartdata_months(struct wn_db *db, const struct wn_chartdata_months *r,
                        double *sum, long *cnt, struct wn_err *err)
{
	if (r->from > r->to || r->to - r->from >= WN_SERIES_MAX_DAYS)
		return wn_err_set(err, WN_USAGE, "a chart covers 1 to %ld days",
		                  WN_SERIES_MAX_DAYS);
	if (r->span != 1 && r->span != 12)
		return wn_err_set(err, WN_USAGE, "periods of a month or a year");
	long p0 = period_of(r->from, r->span), p1 = period_of(r->to, r->span);
	size_t n = (size_t)(p1 - p0 + 1);
	for (size_t i = 0; i < n; i++) {
		sum[i] = 0;
		cnt[i] = 0;
	}
	struct where wh;
	int rc = locate(db, r->what, &wh, err);
	bool one = wh.kind == wh.ckind && wh.id == wh.cid;   /* sums and counts */
	if (rc == WN_OK)
		rc = read_rows(db, wh.kind, wh.id, r->span, p0, p1, sum, one ? cnt : NULL, err);
	if (rc == WN_OK && !one)
		rc = read_rows(db, wh.ckind, wh.cid, r->span, p0, p1, NULL, cnt, err);
	if (rc == WN_OK && period_start(p0, r->span) < r->from)
		rc = fix_edge(db, r, &wh, 0, sum, cnt, err);
	if (rc == WN_OK && period_start(p1 + 1, r->span) - 1 > r->to)
		rc = fix_edge(db, r, &wh, n - 1, sum, cnt, err);
	return rc;
}
