/* storage_journal.c -- the journal's reads (journal.h): pages of days
 * with a record, walked one index probe per table and day, and the search
 * of the notes, quick notes and questions. */
#include "db/journal.h"
#include "db_int.h"
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

/* Rows whose text holds ?1 (already lower-cased), one date per row. */
#define HAS(col) "instr(lower(" col "), ?1) > 0"
#define MATCH_IN(t, cond) "SELECT date AS d FROM " t " WHERE (" cond ")"
#define MATCH_NOTE MATCH_IN("checkin", HAS("note"))
#define MATCH_QNOTE MATCH_IN("quicknote", HAS("text"))
#define MATCH_QUESTION MATCH_IN("question", HAS("text") " OR " HAS("answer"))
/* The nearest match beyond ?2 in each table, each scan stopping at its
 * first hit. */
#define NEAREST(q, op, ord) "SELECT * FROM (" q " AND date " op " ?2" \
	" ORDER BY date " ord " LIMIT 1)"
#define FIND(fn, op, ord) "SELECT " fn "(d) FROM (" NEAREST(MATCH_NOTE, op, ord) \
	" UNION ALL " NEAREST(MATCH_QNOTE, op, ord) \
	" UNION ALL " NEAREST(MATCH_QUESTION, op, ord) ")"

static const char find_older_sql[] = FIND("max", "<", "DESC");
static const char find_newer_sql[] = FIND("min", ">", "ASC");
static const char count_sql[] = "SELECT count(*), ifnull(sum(d >= ?2), 0) FROM ("
	MATCH_NOTE " UNION " MATCH_QNOTE " UNION " MATCH_QUESTION ")";

/* The needle, ASCII lower-cased (as SQLite's lower() does), into buf. */
static int needle(const char *text, char *buf, size_t n, struct wn_err *err)
{
	size_t len = text ? strlen(text) : 0;
	if (len == 0)
		return wn_err_set(err, WN_USAGE, "search: nothing to look for");
	if (len >= n)
		return wn_err_set(err, WN_USAGE, "search: at most %zu bytes", n - 1);
	for (size_t i = 0; i <= len; i++)
		buf[i] = text[i] >= 'A' && text[i] <= 'Z' ? (char)(text[i] - 'A' + 'a')
		                                          : text[i];
	return WN_OK;
}

int wn_journal_find(struct wn_db *db, const struct wn_journal_find *f,
                    wn_date *found, struct wn_err *err)
{
	char text[WN_JOURNAL_NEEDLE_MAX + 1];
	sqlite3_stmt *st;
	*found = WN_DATE_NONE;
	if (f->dir != WN_JOURNAL_OLDER && f->dir != WN_JOURNAL_NEWER)
		return wn_err_set(err, WN_USAGE, "search: no direction to look in");
	int rc = needle(f->text, text, sizeof text, err);
	if (rc == WN_OK)
		rc = wn_db_check_date(f->from, err);
	if (rc == WN_OK)
		rc = wn_db_stmt(db, f->dir == WN_JOURNAL_OLDER ? find_older_sql
		                                                    : find_newer_sql, &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_text(st, 1, text, -1, SQLITE_TRANSIENT);
	wn_db_bind_date(st, 2, f->inclusive ? f->from - f->dir : f->from);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*found = wn_db_col_date(st, 0);
	return wn_db_finish(db, st, rc, "search the journal", err);
}

int wn_journal_count(struct wn_db *db, const struct wn_journal_find *f,
                     struct wn_journal_count *out, struct wn_err *err)
{
	char t[WN_JOURNAL_NEEDLE_MAX + 1];
	sqlite3_stmt *st;
	out->total = out->from_newest = 0;
	int rc = needle(f->text, t, sizeof t, err);
	if (rc == WN_OK)
		rc = wn_db_check_date(f->from, err);
	if (rc == WN_OK)
		rc = wn_db_stmt(db, count_sql, &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_text(st, 1, t, -1, SQLITE_TRANSIENT);
	wn_db_bind_date(st, 2, f->from);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->total = (long)sqlite3_column_int64(st, 0);
		out->from_newest = (long)sqlite3_column_int64(st, 1);
	}
	return wn_db_finish(db, st, rc, "search the journal", err);
}
