/* SPDX-License-Identifier: GPL-3.0-or-later */
/* journal.c -- the journal's reads (journal.h): pages of days with a
 * record, walked one index probe per table and day, and the search of the
 * notes, quick notes, questions and answers through their FTS5 index
 * (schema.c, version 5). */
#include "db/journal.h"
#include "core/buf.h"
#include "db_int.h"
#include "journal_int.h"
#include "core/records.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- pages ------------------------------------------------------------------- */

/* The nearest date with a record beyond walk.d in one table: one index
 * seek (checkin and the WITHOUT ROWID tables by their primary key, the
 * others by their date index).  None gives a bound no date reaches, as
 * multi-argument min() and max() are NULL when any argument is. */
#define PROBE(t, op, ord, none) "ifnull((SELECT date FROM " t " WHERE date " op \
	" walk.d ORDER BY date " ord " LIMIT 1), '" none "')"
#define PROBES(op, ord, none) PROBE("checkin", op, ord, none) "," \
	PROBE("rating", op, ord, none) "," PROBE("dose", op, ord, none) "," \
	PROBE("metric_value", op, ord, none) "," PROBE("quicknote", op, ord, none) \
	"," PROBE("question", op, ord, none)
/* From ?1, the next ?2 days with a record, nearest first, with what the
 * journal shows of each; ?3 is the medication whose dose is totalled. */
#define WALK(fn, op, ord, none) \
	"WITH RECURSIVE walk(d, k) AS (SELECT ?1, 0 UNION ALL" \
	" SELECT nullif(" fn "(" PROBES(op, ord, none) "), '" none "'), k + 1" \
	" FROM walk WHERE d IS NOT NULL AND k < ?2)" \
	" SELECT w.d, c.date IS NOT NULL, c.mood, c.anxiety, c.energy, c.sleep," \
	"  ifnull(c.flag, 0), c.note," \
	"  (SELECT ifnull(sum(value), 0) FROM rating WHERE date = w.d)," \
	"  (SELECT count(*) FROM rating WHERE date = w.d)," \
	"  (SELECT sum(amount) FROM dose WHERE date = w.d AND med_id = ?3)," \
	"  (SELECT count(*) FROM dose WHERE date = w.d)," \
	"  (SELECT count(*) FROM question WHERE date = w.d)," \
	"  (SELECT count(*) FROM quicknote WHERE date = w.d)," \
	"  q.minute, q.text" \
	" FROM walk w LEFT JOIN checkin c ON c.date = w.d" \
	" LEFT JOIN quicknote q ON q.id = (SELECT id FROM quicknote WHERE date = w.d" \
	"  ORDER BY ifnull(minute, -1), id LIMIT 1)" \
	" WHERE w.k > 0 AND w.d IS NOT NULL ORDER BY w.k"

static const char older_sql[] = WALK("max", "<", "DESC", "");
static const char newer_sql[] = WALK("min", ">", "ASC", "~");

static int col_level(sqlite3_stmt *st, int col)
{
	return sqlite3_column_type(st, col) == SQLITE_NULL ? WN_UNSET :
	       sqlite3_column_int(st, col);
}

static double col_real(sqlite3_stmt *st, int col)
{
	return sqlite3_column_type(st, col) == SQLITE_NULL ? NAN :
	       sqlite3_column_double(st, col);
}

static int read_day(sqlite3_stmt *st, struct wn_journal_day *d)
{
	memset(d, 0, sizeof *d);
	d->date = wn_db_col_date(st, 0);
	d->has_checkin = sqlite3_column_int(st, 1) != 0;
	d->mood = col_level(st, 2);
	d->anxiety = col_level(st, 3);
	d->energy = col_level(st, 4);
	d->sleep = col_real(st, 5);
	d->flag = sqlite3_column_int(st, 6) != 0;
	d->burden = sqlite3_column_int(st, 8);
	d->n_ratings = sqlite3_column_int(st, 9);
	d->dose = col_real(st, 10);
	d->n_doses = sqlite3_column_int(st, 11);
	d->n_questions = sqlite3_column_int(st, 12);
	d->n_quicknotes = sqlite3_column_int(st, 13);
	d->quicknote_minute = wn_db_col_minute(st, 14);
	if (wn_db_col_dup(st, 7, &d->note) != 0)
		return -1;
	return wn_db_col_dup(st, 15, &d->quicknote);
}

static int check_req(const struct wn_journal_req *r, struct wn_err *err)
{
	if (r->dir != WN_JOURNAL_OLDER && r->dir != WN_JOURNAL_NEWER)
		return wn_err_set(err, WN_USAGE, "journal: no direction to read in");
	if (r->max < 1 || r->max > WN_JOURNAL_PAGE_MAX)
		return wn_err_set(err, WN_USAGE, "journal: a page holds 1 to %d days",
		                  WN_JOURNAL_PAGE_MAX);
	return wn_db_check_date(r->from, err);
}

int wn_journal_page(struct wn_db *db, const struct wn_journal_req *r,
                    struct wn_journal_day *out, size_t *n, struct wn_err *err)
{
	*n = 0;
	int rc = check_req(r, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_stmt *st;
	rc = wn_db_stmt(db, r->dir == WN_JOURNAL_OLDER ? older_sql : newer_sql,
	                     &st, err);
	if (rc != WN_OK)
		return rc;
	/* the walk starts beyond its first date: one day further for `from` */
	wn_db_bind_date(st, 1, r->inclusive ? r->from - r->dir : r->from);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)r->max);
	sqlite3_bind_int64(st, 3, r->med_id);
	while (*n < r->max && wn_db_row(db, st, "read the journal", &rc, err)) {
		if (read_day(st, &out[*n]) != 0) {
			wn_journal_free(&out[*n], 1);     /* the half-read one */
			rc = wn_err_set(err, WN_ERR, "cannot read the journal: out of memory");
			break;
		}
		(*n)++;
	}
	sqlite3_reset(st);
	if (rc != WN_OK) {
		wn_journal_free(out, *n);
		*n = 0;
	}
	return rc;
}

void wn_journal_free(struct wn_journal_day *d, size_t n)
{
	for (size_t i = 0; d && i < n; i++) {
		free(d[i].note);
		free(d[i].quicknote);
		d[i].note = d[i].quicknote = NULL;
	}
}

/* ---- search ------------------------------------------------------------------ */

/* The index's keys (schema.c, version 5): the day's julianday number
 * shifted up 40 bits, so that keys sort by date.  julianday() of a
 * midnight is N.5, and N for 1970-01-01 (day 0 of wn_date) is 2440587. */
#define JD_1970 2440587LL
#define KEY_SHIFT 40

static sqlite3_int64 key_of(wn_date d)
{
	return (sqlite3_int64)(d + JD_1970) << KEY_SHIFT;
}

static wn_date day_of(sqlite3_int64 key)
{
	return (wn_date)((key >> KEY_SHIFT) - JD_1970);
}

static const char find_older_sql[] = "SELECT rowid FROM journal_fts WHERE journal_fts"
	" MATCH ?1 AND rowid < ?2 ORDER BY rowid DESC LIMIT 1";
static const char find_newer_sql[] = "SELECT rowid FROM journal_fts WHERE journal_fts"
	" MATCH ?1 AND rowid >= ?2 ORDER BY rowid LIMIT 1";
static const char oldest_sql[] = "SELECT rowid FROM journal_fts WHERE journal_fts"
	" MATCH ?1 ORDER BY rowid LIMIT 1";
static const char newest_sql[] = "SELECT rowid FROM journal_fts WHERE journal_fts"
	" MATCH ?1 ORDER BY rowid DESC";

/* The nearest day matching the FTS5 query q from `from` in direction dir
 * (`from` itself when inclusive) into *found: one seek. */
static int seek(struct wn_db *db, const char *q, wn_date from, int dir, bool inclusive,
                wn_date *found, struct wn_err *err)
{
	sqlite3_stmt *st;
	bool older = dir == WN_JOURNAL_OLDER;
	*found = WN_DATE_NONE;
	int rc = wn_db_stmt(db, older ? find_older_sql : find_newer_sql, &st, err);
	if (rc != WN_OK)
		return rc;
	/* older: keys below the day (the day after, inclusive); newer: keys
	 * from the day after (the day itself, inclusive) */
	wn_date bound = from + (older == inclusive ? 1 : 0);
	sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, key_of(bound));
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*found = day_of(sqlite3_column_int64(st, 0));
	return wn_db_finish(db, st, rc, "search the journal", err);
}

int wn_journal_find(struct wn_db *db, const struct wn_journal_find *f,
                    wn_date *found, struct wn_err *err)
{
	*found = WN_DATE_NONE;
	if (f->dir != WN_JOURNAL_OLDER && f->dir != WN_JOURNAL_NEWER)
		return wn_err_set(err, WN_USAGE, "search: no direction to look in");
	struct wn_buf q;
	wn_buf_init(&q);
	int rc = wn_journal_expand(db, f->text, &q, err);
	if (rc == WN_OK)
		rc = wn_db_check_date(f->from, err);
	if (rc == WN_OK && q.len)
		rc = seek(db, q.s, f->from, f->dir, f->inclusive, found, err);
	wn_buf_free(&q);
	return rc;
}

/* The diary's changes so far: this connection's rows and the other
 * connections' commits. */
static int changes(struct wn_db *db, long long *mine, long long *others,
                   struct wn_err *err)
{
	sqlite3_stmt *st;
	int rc = wn_db_stmt(db, "PRAGMA data_version", &st, err);
	if (rc != WN_OK)
		return rc;
	rc = sqlite3_step(st);
	*others = rc == SQLITE_ROW ? (long long)sqlite3_column_int64(st, 0) : -1;
	*mine = (long long)sqlite3_total_changes64(db->sql);
	return wn_db_finish(db, st, rc, "search the journal", err);
}

void wn_journal_hits_free(struct wn_journal_hits *h)
{
	size_t limit = h->limit;
	free(h->day);
	free(h->query);
	*h = (struct wn_journal_hits){ .limit = limit };
}

static size_t limit_of(const struct wn_journal_hits *h)
{
	return h->limit ? h->limit : WN_JOURNAL_HITS_MAX;
}

/* The newest days matching h->query into h, at most its limit, oldest
 * first, each once; h->more when an older day matches too.  Newest
 * first, FTS5 reads no further than the rows asked for. */
static int read_hits(struct wn_db *db, struct wn_journal_hits *h, struct wn_err *err)
{
	sqlite3_stmt *st;
	int rc = wn_db_stmt(db, newest_sql, &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_text(st, 1, h->query, -1, SQLITE_STATIC);
	while (wn_db_row(db, st, "search the journal", &rc, err)) {
		wn_date d = day_of(sqlite3_column_int64(st, 0));
		if (h->n && h->day[h->n - 1] == d)
			continue;
		if (h->n == limit_of(h)) {
			h->more = true;
			break;
		}
		if (wn_buf_grow((void **)&h->day, &h->cap, h->n, sizeof *h->day) != 0) {
			rc = wn_err_set(err, WN_ERR, "cannot search the journal: out of memory");
			break;
		}
		h->day[h->n++] = d;
	}
	sqlite3_reset(st);
	for (size_t i = 0; i < h->n / 2; i++) {     /* oldest first */
		wn_date t = h->day[i];
		h->day[i] = h->day[h->n - 1 - i];
		h->day[h->n - 1 - i] = t;
	}
	return rc;
}

int wn_journal_search(struct wn_db *db, const char *text, struct wn_journal_hits *h,
                      struct wn_err *err)
{
	struct wn_buf q;
	h->n = 0;
	h->more = false;
	h->text[0] = '\0';
	free(h->query);
	h->query = NULL;
	wn_buf_init(&q);
	int rc = wn_journal_expand(db, text, &q, err);
	if (rc == WN_OK)
		rc = changes(db, &h->mine, &h->others, err);
	if (rc == WN_OK && q.len) {
		h->query = wn_buf_detach(&q);
		rc = h->query ? read_hits(db, h, err) :
		     wn_err_set(err, WN_ERR, "cannot search the journal: out of memory");
	}
	wn_buf_free(&q);
	if (rc != WN_OK) {
		h->n = 0;
		h->more = false;
		return rc;
	}
	snprintf(h->text, sizeof h->text, "%s", text);
	return WN_OK;
}

bool wn_journal_hits_current(struct wn_db *db, const struct wn_journal_hits *h)
{
	long long mine, others;
	struct wn_err err = { 0 };
	return h->text[0] && changes(db, &mine, &others, &err) == WN_OK &&
	       mine == h->mine && others == h->others;
}

/* The first day of h at or after d. */
static size_t lower_bound(const struct wn_journal_hits *h, wn_date d)
{
	size_t lo = 0, hi = h->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (h->day[mid] < d)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int wn_journal_hits_next(struct wn_db *db, const struct wn_journal_hits *h,
                         wn_date from, int dir, bool inclusive, wn_date *found,
                         struct wn_err *err)
{
	*found = WN_DATE_NONE;
	if (dir != WN_JOURNAL_OLDER && dir != WN_JOURNAL_NEWER)
		return wn_err_set(err, WN_USAGE, "search: no direction to look in");
	if (dir == WN_JOURNAL_OLDER) {
		size_t i = lower_bound(h, inclusive ? from + 1 : from);
		if (i > 0 || !h->more) {     /* every match from day[0] on is kept */
			*found = i > 0 ? h->day[i - 1] : WN_DATE_NONE;
			return WN_OK;
		}
		/* older than every day kept: one seek */
		return seek(db, h->query, from, dir, inclusive, found, err);
	}
	wn_date bound = inclusive ? from : from + 1;
	if (!h->more || bound >= h->day[0]) {
		size_t i = lower_bound(h, bound);
		*found = i < h->n ? h->day[i] : WN_DATE_NONE;
		return WN_OK;
	}
	return seek(db, h->query, from, dir, inclusive, found, err);
}

int wn_journal_hits_edge(struct wn_db *db, const struct wn_journal_hits *h, int dir,
                         wn_date *found, struct wn_err *err)
{
	*found = WN_DATE_NONE;
	if (dir != WN_JOURNAL_OLDER && dir != WN_JOURNAL_NEWER)
		return wn_err_set(err, WN_USAGE, "search: no direction to look in");
	if (h->n == 0)
		return WN_OK;
	if (dir == WN_JOURNAL_OLDER || !h->more) {
		*found = dir == WN_JOURNAL_OLDER ? h->day[h->n - 1] : h->day[0];
		return WN_OK;
	}
	/* the oldest of all: the first key */
	sqlite3_stmt *st;
	int rc = wn_db_stmt(db, oldest_sql, &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_text(st, 1, h->query, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*found = day_of(sqlite3_column_int64(st, 0));
	return wn_db_finish(db, st, rc, "search the journal", err);
}

struct wn_journal_count wn_journal_hits_count(const struct wn_journal_hits *h,
                                              wn_date from)
{
	bool beyond = h->more && (h->n == 0 || from < h->day[0]);
	return (struct wn_journal_count){ .total = (long)h->n, .more = h->more,
		.from_newest = beyond ? -1 : (long)(h->n - lower_bound(h, from)) };
}

int wn_journal_count(struct wn_db *db, const struct wn_journal_find *f,
                     struct wn_journal_count *out, struct wn_err *err)
{
	struct wn_journal_hits h = { 0 };
	*out = (struct wn_journal_count){ 0 };
	int rc = wn_db_check_date(f->from, err);
	if (rc == WN_OK)
		rc = wn_journal_search(db, f->text, &h, err);
	if (rc == WN_OK)
		*out = wn_journal_hits_count(&h, f->from);
	wn_journal_hits_free(&h);
	return rc;
}
