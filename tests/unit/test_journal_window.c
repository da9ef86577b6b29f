/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests of the search window (issue 17 item 4): wn_journal_search_at
 * reads at most WN_JOURNAL_HITS_HALF matching days on each side of a day,
 * says when there are more, and its count says "at least" then; on a
 * diary with fewer matches it is the whole search. */
#include <criterion/criterion.h>

#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/db.h"
#include "db/db_int.h"   /* the raw handle, to fill the diary quickly */
#include "db/journal.h"

static char wdir[4096];
static struct wn_db *wdb;
static struct wn_err werr;

static int w_rm(const char *p, const struct stat *sb, int flag, struct FTW *f)
{
	(void)sb;
	(void)f;
	return flag == FTW_DP ? rmdir(p) : unlink(p);
}

/* 1,000 days from 2020-01-01, each with a note; "dizzy" on the even
 * ones (500 days), "zap" on every tenth (100 days). */
static void w_setup(void)
{
	const char *base = getenv("TMPDIR");
	snprintf(wdir, sizeof wdir, "%s/wean-jwin-XXXXXX", base && *base ? base : "/tmp");
	cr_assert_not_null(mkdtemp(wdir), "mkdtemp: %s", strerror(errno));
	setenv("WEAN_TODAY", "2026-11-25", 1);
	char path[4200];
	snprintf(path, sizeof path, "%s/d.db", wdir);
	struct wn_db_opts o = { .path = path, .create = true };
	cr_assert_eq(wn_db_open(&wdb, &o, &werr), WN_OK, "%s", werr.msg);
	static const char fill[] =
		"WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 999)"
		" INSERT INTO checkin(date, mood, note)"
		" SELECT date('2020-01-01', '+' || i || ' days'), 5,"
		" CASE WHEN i % 10 = 0 THEN 'a zap, dizzy' WHEN i % 2 = 0 THEN 'dizzy again'"
		" ELSE 'a calm day' END FROM n";
	cr_assert_eq(sqlite3_exec(wn_db_sqlite(wdb), fill, NULL, NULL, NULL), SQLITE_OK);
}

static void w_teardown(void)
{
	wn_db_close(wdb);
	nftw(wdir, w_rm, 16, FTW_DEPTH | FTW_PHYS);
}

TestSuite(journal_window, .init = w_setup, .fini = w_teardown);

static wn_date day(int i)
{
	return wn_date_from_ymd(2020, 1, 1) + i;
}

Test(journal_window, from_the_newest_day_the_newest_half)
{
	struct wn_journal_hits h = { 0 };
	cr_assert_eq(wn_journal_search_at(wdb, "dizzy", wn_date_from_ymd(2026, 11, 25), &h, &werr),
	             WN_OK, "%s", werr.msg);
	cr_assert_eq(h.n, WN_JOURNAL_HITS_HALF);
	cr_expect(h.older_more);
	cr_expect_not(h.newer_more);
	cr_expect_eq(h.day[h.n - 1], day(998), "the newest match last");
	cr_expect_eq(h.day[0], day(998 - 2 * (WN_JOURNAL_HITS_HALF - 1)), "oldest first");
	for (size_t i = 1; i < h.n; i++)
		cr_expect_lt(h.day[i - 1], h.day[i]);
	struct wn_journal_count c = wn_journal_hits_count(&h, day(998));
	cr_expect_eq(c.from_newest, 1);
	cr_expect_not(c.newest_more, "the rank is exact: nothing newer was left out");
	cr_expect_eq(c.total, WN_JOURNAL_HITS_HALF);
	cr_expect(c.total_more, "at least: older matches were left out");
	/* a step inside the window needs no new one; past its old end it does */
	cr_expect(wn_journal_hits_covers(&h, day(990), WN_JOURNAL_OLDER));
	cr_expect(wn_journal_hits_covers(&h, day(990), WN_JOURNAL_NEWER));
	cr_expect_not(wn_journal_hits_covers(&h, h.day[0], WN_JOURNAL_OLDER));
	wn_journal_hits_free(&h);
}

Test(journal_window, in_the_middle_both_sides_and_the_oldest_end)
{
	struct wn_journal_hits h = { 0 };
	cr_assert_eq(wn_journal_search_at(wdb, "dizzy", day(500), &h, &werr), WN_OK, "%s", werr.msg);
	/* 250 matching days before day 500 and 250 from it: all of them */
	cr_expect_eq(h.n, 500);
	cr_expect_not(h.older_more);
	cr_expect_not(h.newer_more);
	struct wn_journal_count c = wn_journal_hits_count(&h, day(500));
	cr_expect_eq(c.total, 500);
	cr_expect_eq(c.from_newest, 250);
	cr_expect_not(c.total_more);
	/* from the start of the index: the oldest matches, more after them */
	cr_assert_eq(wn_journal_search_at(wdb, "dizzy", wn_date_from_ymd(1, 1, 1), &h, &werr),
	             WN_OK, "%s", werr.msg);
	cr_expect_eq(h.n, WN_JOURNAL_HITS_HALF);
	cr_expect_eq(h.day[0], day(0));
	cr_expect_not(h.older_more);
	cr_expect(h.newer_more);
	c = wn_journal_hits_count(&h, day(0));
	cr_expect_eq(c.from_newest, WN_JOURNAL_HITS_HALF);
	cr_expect(c.newest_more, "the rank is a least count");
	wn_journal_hits_free(&h);
}

Test(journal_window, fewer_matches_than_a_window_is_the_whole_search)
{
	struct wn_journal_hits w = { 0 }, all = { 0 };
	cr_assert_eq(wn_journal_search_at(wdb, "zap", day(400), &w, &werr), WN_OK, "%s", werr.msg);
	cr_assert_eq(wn_journal_search(wdb, "zap", &all, &werr), WN_OK, "%s", werr.msg);
	cr_assert_eq(w.n, 100);
	cr_assert_eq(all.n, 100);
	cr_expect(memcmp(w.day, all.day, 100 * sizeof *w.day) == 0);
	cr_expect_not(w.older_more || w.newer_more);
	struct wn_journal_count a = wn_journal_hits_count(&w, day(400));
	struct wn_journal_count b = wn_journal_hits_count(&all, day(400));
	cr_expect_eq(a.total, b.total);
	cr_expect_eq(a.from_newest, b.from_newest);
	cr_expect_eq(a.from_newest, 60);
	/* every step is answered, to the ends */
	cr_expect(wn_journal_hits_covers(&w, day(0), WN_JOURNAL_OLDER));
	cr_expect(wn_journal_hits_covers(&w, day(999), WN_JOURNAL_NEWER));
	/* a search with no match, and a bad day */
	cr_assert_eq(wn_journal_search_at(wdb, "nowhere", day(400), &w, &werr), WN_OK);
	cr_expect_eq(w.n, 0);
	cr_expect_eq(wn_journal_search_at(wdb, "zap", WN_DATE_NONE, &w, &werr), WN_DATAERR);
	wn_journal_hits_free(&w);
	wn_journal_hits_free(&all);
}
