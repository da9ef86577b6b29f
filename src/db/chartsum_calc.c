/* SPDX-License-Identifier: GPL-3.0-or-later */
/* chartsum_calc.c -- the charts' summary (schema_v7.c) computed from the
 * records in C, for the migration that fills it and for `wean check`,
 * which compares it with the stored one (schema_int.h).  One pass over
 * each table in its key order (date first), so neither SQLite nor this
 * file sorts the records: memory follows the summary's rows (a few per
 * month), not the records.  The pass over the ratings also gives each
 * day's sum and count (day_sum, schema_v9.c), which an import's end
 * writes with the summary (wn_db_sums_fill). */
#include "schema_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "db_int.h"

/* One row of the summary. */
struct sum_row {
	int kind, span;
	long id, period;
	double sum;
	long n;
};

/* What a pass adds to, per kind and id: this month's and this year's. */
struct acc {
	int kind;
	long id;
	double sum[2];
	long n[2];
};

/* Where a pass's rows go: the summary's, and (when day is not NULL)
 * each rated day's sum and count. */
struct sink {
	int (*emit)(void *ctx, const struct sum_row *r);
	int (*day)(void *ctx, const char *date, long long sum, long n);
	void *ctx;
};

struct pass {
	const struct sink *to;
	int rc;
	struct acc *a;
	size_t n, cap;
	long period[2];            /* the month key and the year being summed */
	char day[11];              /* the date of the last row */
	long long day_sum;         /* ratings: the day's burden */
	long day_n;                /* and how many ratings */
};

static struct acc *acc_of(struct pass *p, int kind, long id)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->a[i].kind == kind && p->a[i].id == id)
			return &p->a[i];
	if (wn_buf_grow((void **)&p->a, &p->cap, p->n, sizeof *p->a) != 0)
		return NULL;
	p->a[p->n] = (struct acc){ .kind = kind, .id = id };
	return &p->a[p->n++];
}

static void add(struct pass *p, int kind, long id, double v)
{
	struct acc *a = acc_of(p, kind, id);
	if (!a) {
		p->rc = WN_ERR;
		return;
	}
	for (int k = 0; k < 2; k++) {
		a->sum[k] += v;
		a->n[k]++;
	}
}

/* The rows of the periods that end: k 0 a month, 1 a year. */
static void flush(struct pass *p, int k)
{
	for (size_t i = 0; i < p->n && p->rc == WN_OK; i++) {
		struct acc *a = &p->a[i];
		if (a->n[k] > 0) {
			struct sum_row r = { a->kind, k ? 12 : 1, a->id, p->period[k], a->sum[k],
			                     a->n[k] };
			p->rc = p->to->emit(p->to->ctx, &r);
		}
		a->sum[k] = 0;
		a->n[k] = 0;
	}
}

/* The day of a ratings pass ends: its burden, and its row of day_sum. */
static void end_day(struct pass *p)
{
	if (p->day_n > 0) {
		add(p, 0, 0, (double)p->day_sum);
		if (p->to->day && p->rc == WN_OK)
			p->rc = p->to->day(p->to->ctx, p->day, p->day_sum, p->day_n);
	}
	p->day_sum = 0;
	p->day_n = 0;
}

/* A row dated `date` (as stored): a new day, month or year ends the
 * last.  false for a date that is not one (left out, as the view does
 * not: such a date cannot be stored, its CHECK refuses it). */
static bool at_date(struct pass *p, const char *date, int len, bool ratings)
{
	if (!date || len != 10)
		return false;
	if (!memcmp(date, p->day, 10))
		return true;
	if (ratings)
		end_day(p);
	long y = strtol(date, NULL, 10), m = strtol(date + 5, NULL, 10);
	long month = y * 12 + m - 1;
	if (p->day[0] && month != p->period[0])
		flush(p, 0);
	if (p->day[0] && y != p->period[1])
		flush(p, 1);
	p->period[0] = month;
	p->period[1] = y;
	memcpy(p->day, date, 10);
	return true;
}

static void finish(struct pass *p, bool ratings)
{
	if (ratings)
		end_day(p);
	if (p->day[0]) {
		flush(p, 0);
		flush(p, 1);
	}
	free(p->a);
}

enum table { T_RATING, T_CHECKIN, T_METRIC };

static const char *const q_table[] = {
	[T_RATING] = "SELECT date, symptom_id, value FROM rating ORDER BY date, symptom_id",
	[T_CHECKIN] = "SELECT date, mood, anxiety, energy, sleep FROM checkin ORDER BY date",
	[T_METRIC] = "SELECT date, metric_id, value FROM metric_value ORDER BY date, metric_id",
};

static void take_row(struct pass *p, enum table t, sqlite3_stmt *st)
{
	if (!at_date(p, (const char *)sqlite3_column_text(st, 0), sqlite3_column_bytes(st, 0),
	             t == T_RATING))
		return;
	if (t == T_CHECKIN) {
		for (int k = 0; k < 4; k++)
			if (sqlite3_column_type(st, 1 + k) != SQLITE_NULL)
				add(p, 2 + k, 0, sqlite3_column_double(st, 1 + k));
		return;
	}
	double v = sqlite3_column_double(st, 2);
	add(p, t == T_RATING ? 1 : 6, (long)sqlite3_column_int64(st, 1), v);
	if (t == T_RATING) {
		p->day_sum += sqlite3_column_int64(st, 2);
		p->day_n++;
	}
}

static int one_table(struct wn_db *db, enum table t, const struct sink *to,
                     struct wn_err *err)
{
	struct pass p = { .to = to, .rc = WN_OK };
	sqlite3_stmt *st;
	int rc = wn_db_prepare(db, q_table[t], &st, err);
	if (rc != WN_OK)
		return rc;
	while (p.rc == WN_OK && wn_db_row(db, st, "read the diary", &rc, err))
		take_row(&p, t, st);
	sqlite3_finalize(st);
	if (rc == WN_OK && p.rc == WN_OK)
		finish(&p, t == T_RATING);
	else
		free(p.a);
	if (rc == WN_OK && p.rc != WN_OK)
		rc = wn_err_set(err, p.rc, "out of memory");
	return rc;
}

static int compute(struct wn_db *db, const struct sink *to, struct wn_err *err)
{
	int rc = WN_OK;
	for (int t = T_RATING; t <= T_METRIC && rc == WN_OK; t++)
		rc = one_table(db, (enum table)t, to, err);
	return rc;
}

/* ---- filling --------------------------------------------------------------------- */

struct filler {
	struct wn_db *db;
	sqlite3_stmt *st, *day;
	struct wn_err *err;
};

static int insert_row(void *ctx, const struct sum_row *r)
{
	struct filler *f = ctx;
	sqlite3_bind_int(f->st, 1, r->kind);
	sqlite3_bind_int64(f->st, 2, r->id);
	sqlite3_bind_int(f->st, 3, r->span);
	sqlite3_bind_int64(f->st, 4, r->period);
	sqlite3_bind_double(f->st, 5, r->sum);
	sqlite3_bind_int64(f->st, 6, r->n);
	int rc = sqlite3_step(f->st);
	sqlite3_reset(f->st);
	return rc == SQLITE_DONE ? WN_OK
	                         : wn_db_sqlerr(f->db, rc, "summarise the diary for the charts",
	                                        f->err);
}

static int insert_day(void *ctx, const char *date, long long sum, long n)
{
	struct filler *f = ctx;
	sqlite3_bind_text(f->day, 1, date, 10, SQLITE_STATIC);
	sqlite3_bind_int64(f->day, 2, sum);
	sqlite3_bind_int64(f->day, 3, n);
	int rc = sqlite3_step(f->day);
	sqlite3_reset(f->day);
	return rc == SQLITE_DONE ? WN_OK
	                         : wn_db_sqlerr(f->db, rc, "add up the ratings of each day",
	                                        f->err);
}

/* The summary written whole, and day_sum too when days is true. */
static int fill(struct wn_db *db, bool days, struct wn_err *err)
{
	struct filler f = { .db = db, .err = err };
	struct sink to = { insert_row, days ? insert_day : NULL, &f };
	int rc = wn_db_exec(db, days ? "DELETE FROM chart_sum; DELETE FROM day_sum"
	                    : "DELETE FROM chart_sum", "summarise the diary for the charts", err);
	if (rc == WN_OK)
		rc = wn_db_prepare(db, "INSERT INTO chart_sum(kind, id, span, period, sum, n)"
		                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", &f.st, err);
	if (rc == WN_OK && days)
		rc = wn_db_prepare(db, "INSERT INTO day_sum(date, sum, n) VALUES (?1, ?2, ?3)",
		                   &f.day, err);
	if (rc == WN_OK)
		rc = compute(db, &to, err);
	sqlite3_finalize(f.st);
	sqlite3_finalize(f.day);
	return rc;
}

int wn_db_chart_sum_fill(struct wn_db *db, struct wn_err *err)
{
	return fill(db, false, err);
}

int wn_db_sums_fill(struct wn_db *db, struct wn_err *err)
{
	return fill(db, true, err);
}

/* ---- checking ---------------------------------------------------------------------- */

struct rows {
	struct sum_row *r;
	size_t n, cap;
};

static int keep_row(void *ctx, const struct sum_row *r)
{
	struct rows *l = ctx;
	if (wn_buf_grow((void **)&l->r, &l->cap, l->n, sizeof *l->r) != 0)
		return WN_ERR;
	l->r[l->n++] = *r;
	return WN_OK;
}

/* The summary's order: kind, id, span, period. */
static int cmp_key(const struct sum_row *a, const struct sum_row *b)
{
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if (a->id != b->id)
		return a->id < b->id ? -1 : 1;
	if (a->span != b->span)
		return a->span < b->span ? -1 : 1;
	return (a->period > b->period) - (a->period < b->period);
}

static int cmp_row(const void *a, const void *b)
{
	return cmp_key(a, b);
}

static bool same_values(const struct sum_row *a, const struct sum_row *b)
{
	return a->n == b->n && fabs(a->sum - b->sum) <= 1e-6 * fmax(1, fabs(b->sum));
}

/* A difference in period p of span s: the earliest is named. */
static void note(const struct sum_row *r, long *count, const struct sum_row **first)
{
	(*count)++;
	if (!*first || r->span < (*first)->span ||
	    (r->span == (*first)->span && r->period < (*first)->period))
		*first = r;
}

static int read_stored(struct wn_db *db, struct rows *s, struct wn_err *err)
{
	sqlite3_stmt *st;
	int rc = wn_db_prepare(db, "SELECT kind, id, span, period, sum, n FROM chart_sum"
	                       " ORDER BY kind, id, span, period", &st, err);
	if (rc != WN_OK)
		return rc;
	while (wn_db_row(db, st, "read the charts' summary", &rc, err)) {
		struct sum_row r = { sqlite3_column_int(st, 0), sqlite3_column_int(st, 2),
			(long)sqlite3_column_int64(st, 1), (long)sqlite3_column_int64(st, 3),
			sqlite3_column_double(st, 4), (long)sqlite3_column_int64(st, 5) };
		if (keep_row(s, &r) != WN_OK) {
			rc = wn_err_set(err, WN_ERR, "out of memory");
			break;
		}
	}
	sqlite3_finalize(st);
	return rc;
}

int wn_db_chart_sum_verify(struct wn_db *db, char *line, size_t len, struct wn_err *err)
{
	struct rows want = { 0 }, have = { 0 };
	line[0] = '\0';
	struct sink to = { keep_row, NULL, &want };
	int rc = compute(db, &to, err);
	if (rc == WN_OK)
		rc = read_stored(db, &have, err);
	if (rc == WN_OK) {
		if (want.n > 1)
			qsort(want.r, want.n, sizeof *want.r, cmp_row);
		long count = 0;
		const struct sum_row *first = NULL;
		size_t i = 0, k = 0;
		while (i < want.n || k < have.n) {
			int c = i == want.n ? 1 : k == have.n ? -1 : cmp_key(&want.r[i], &have.r[k]);
			if (c < 0)
				note(&want.r[i++], &count, &first);          /* missing */
			else if (c > 0)
				note(&have.r[k++], &count, &first);          /* not the records' */
			else {
				if (!same_values(&have.r[k], &want.r[i]))
					note(&want.r[i], &count, &first);
				i++;
				k++;
			}
		}
		if (count) {
			char where[32];
			if (first->span == 1)
				snprintf(where, sizeof where, "%04ld-%02ld", first->period / 12,
				         first->period % 12 + 1);
			else
				snprintf(where, sizeof where, "%04ld", first->period);
			snprintf(line, len, "the charts' summary (chart_sum) differs from the records"
			         " in %ld place(s), the first in %s: charts of long ranges would show"
			         " wrong means", count, where);
		}
	}
	free(want.r);
	free(have.r);
	return rc;
}
