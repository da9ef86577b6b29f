/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_db_holdrule.c -- db/holdrule.h: the windows read from a diary, and
 * the proposals kept.  Each test works on a fresh diary.  The generated
 * diaries are seeded; the test prints its seed (WEAN_SEED sets it). */
#include <criterion/criterion.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include <unistd.h>

#include "core/config.h"
#include "core/records.h"
#include "core/taper.h"
#include "db/day.h"
#include "db/db.h"
#include "db/holdrule.h"
#include "db/med.h"
#include "db/symptoms.h"
#include "db/db_int.h"   /* the raw handle: the old queries, the ratings written fast */
#include "tmpdir.h"

static char dir[4096];
static struct wn_db *db;
static struct wn_err err;
static long med, sym[2];

static void setup(void)
{
	wn_test_mkdtemp(dir, sizeof dir, "holdrule");
	char path[4200];
	snprintf(path, sizeof path, "%s/wean.db", dir);
	struct wn_db_opts o = { .path = path, .create = true };
	cr_assert_eq(wn_db_open(&db, &o, &err), WN_OK, "%s", err.msg);
	struct wn_med m = { .name = "sertraline", .unit = "mg" };
	cr_assert_eq(wn_db_med_add(db, &m, &med, &err), WN_OK, "%s", err.msg);
	struct wn_symptom s;
	cr_assert_eq(wn_db_symptom_find(db, "dizziness", &s, &err), WN_OK);
	sym[0] = s.id;
	cr_assert_eq(wn_db_symptom_find(db, "headache", &s, &err), WN_OK);
	sym[1] = s.id;
}

static void teardown(void)
{
	wn_db_close(db);
	wn_test_rmtree(dir);
}

TestSuite(db_holdrule, .init = setup, .fini = teardown);

static wn_date d(const char *s)
{
	wn_date x;
	cr_assert_eq(wn_date_parse_iso(s, &x, NULL), WN_OK);
	return x;
}

static void rate(wn_date day, int a, int b)
{
	cr_assert_eq(wn_db_rating_set(db, day, sym[0], a, &err), WN_OK, "%s", err.msg);
	cr_assert_eq(wn_db_rating_set(db, day, sym[1], b, &err), WN_OK, "%s", err.msg);
}

Test(db_holdrule, the_level_is_a_mean_per_rated_symptom)
{
	/* 50 mg from 09-01, a cut on 10-01 */
	struct wn_taper_step st[2] = { { .date = d("2026-09-01"), .dose = 50 },
	                               { .date = d("2026-10-01"), .dose = 45 } };
	struct wn_schedule s = { .steps = st, .n = 2, .n_dated = 2, .hold_since = WN_DATE_NONE };
	/* the 7 days before the cut: (0+1)/2 = 0.5 a day, 4 days rated */
	for (int i = 1; i <= 4; i++)
		rate(d("2026-10-01") - i, 0, 1);
	/* the last 3 days: (1+2)/2 = 1.5 and (2+2)/2 = 2 a day: mean 1.75 */
	rate(d("2026-10-10"), 1, 2);
	rate(d("2026-10-11"), 2, 2);
	struct wn_config c;
	wn_config_defaults(&c);
	struct wn_holdrule_in in;
	struct wn_holdrule_out out;
	cr_assert_eq(wn_db_holdrule(db, &c, &s, d("2026-10-12"), &in, &out, &err), WN_OK);
	cr_expect_eq(in.recent.days, 2);
	cr_expect_float_eq(in.recent.mean, 1.75, 1e-9);
	cr_assert_eq(in.n_base, 1);
	cr_expect_eq(in.base[0].days, 4);
	cr_expect_float_eq(in.base[0].mean, 0.5, 1e-9);
	cr_expect(out.propose, "1.75 - 0.5 = 1.25 > 0.3");
	/* one more rating on a quiet day brings the recent mean to 1.25 */
	rate(d("2026-10-12"), 0, 0);
	cr_assert_eq(wn_db_holdrule(db, &c, &s, d("2026-10-12"), &in, &out, &err), WN_OK);
	cr_expect_float_eq(in.recent.mean, (1.5 + 2 + 0) / 3, 1e-9);
}

Test(db_holdrule, proposals_are_kept_and_answered)
{
	cr_assert_eq(wn_db_proposal_shown(db, med, d("2026-11-20"), "sleep under 5 h for 3 nights",
	                                  &err), WN_OK, "%s", err.msg);
	/* shown again the same day: one record */
	cr_assert_eq(wn_db_proposal_shown(db, med, d("2026-11-20"), "sleep under 5 h for 3 nights",
	                                  &err), WN_OK);
	cr_assert_eq(wn_db_proposal_answer(db, med, d("2026-11-22"), WN_PROPOSAL_ACCEPTED, &err),
	             WN_OK, "%s", err.msg);
	cr_expect_eq(wn_db_proposal_answer(db, med, d("2026-12-20"), WN_PROPOSAL_DISMISSED, &err),
	             WN_NOINPUT, "more than 14 days later, nothing to answer");
	struct wn_proposal *p;
	size_t n;
	cr_assert_eq(wn_db_proposals(db, d("2026-11-01"), d("2026-11-30"), &p, &n, &err), WN_OK);
	cr_assert_eq(n, 1);
	cr_expect_eq(p[0].date, d("2026-11-20"));
	cr_expect_eq(p[0].state, WN_PROPOSAL_ACCEPTED);
	cr_expect_str_eq(p[0].why, "sleep under 5 h for 3 nights");
	free(p);
}

/* ---- the windows' means against the query per window they replace ------- */

static unsigned long seed, seed0;

static unsigned long next(void)
{
	seed = seed * 6364136223846793005UL + 1442695040888963407UL;
	return seed >> 33;
}

static int roll(int n)
{
	return (int)(next() % (unsigned long)n);
}

/* The query each window was read with before (one per window). */
static void old_window(const struct wn_holdrule_window *w, double *mean, int *days)
{
	static const char q[] =
		"SELECT avg(v), count(*) FROM (SELECT avg(value) AS v FROM rating"
		" WHERE date BETWEEN ?1 AND ?2 GROUP BY date)";
	sqlite3_stmt *st;
	char a[WN_DATE_STRLEN], b[WN_DATE_STRLEN];
	cr_assert_eq(sqlite3_prepare_v2(wn_db_sqlite(db), q, -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, wn_date_format(w->from, a), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, wn_date_format(w->to, b), -1, SQLITE_TRANSIENT);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	*mean = sqlite3_column_type(st, 0) == SQLITE_NULL ? NAN : sqlite3_column_double(st, 0);
	*days = sqlite3_column_int(st, 1);
	sqlite3_finalize(st);
}

/* Ratings of up to 7 symptoms on most of 300 days from day0, some days
 * with one rating, some with all, written in one transaction. */
static void rate_randomly(wn_date day0)
{
	static const char *const names[] = { "brain zaps", "insomnia", "nausea", "headache",
	                                     "dizziness", "anxiety", "fatigue" };
	long ids[7];
	int n_ids = 0;
	for (int i = 0; i < 7; i++) {
		struct wn_symptom s;
		if (wn_db_symptom_find(db, names[i], &s, &err) == WN_OK)
			ids[n_ids++] = s.id;
	}
	cr_assert_geq(n_ids, 4);
	sqlite3 *sql = wn_db_sqlite(db);
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_exec(sql, "BEGIN", NULL, NULL, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_prepare_v2(sql, "INSERT INTO rating(date, symptom_id, value)"
	                                " VALUES (?1, ?2, ?3)", -1, &st, NULL), SQLITE_OK);
	for (int k = 0; k < 300; k++) {
		if (roll(5) == 0)
			continue;                 /* a day without ratings */
		char ds[WN_DATE_STRLEN];
		int many = 1 + roll(n_ids);
		for (int i = 0; i < many; i++) {
			sqlite3_reset(st);
			sqlite3_bind_text(st, 1, wn_date_format(day0 + k, ds), -1, SQLITE_TRANSIENT);
			sqlite3_bind_int64(st, 2, ids[i]);
			sqlite3_bind_int(st, 3, roll(4));
			cr_assert_eq(sqlite3_step(st), SQLITE_DONE, "%s", sqlite3_errmsg(sql));
		}
	}
	sqlite3_finalize(st);
	cr_assert_eq(sqlite3_exec(sql, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
}

static bool same(double a, double b)
{
	return (isnan(a) && isnan(b)) || memcmp(&a, &b, sizeof a) == 0;
}

static void expect_window(const struct wn_holdrule_window *w, int round, int *counted)
{
	double mean;
	int days;
	old_window(w, &mean, &days);
	cr_expect_eq(w->days, days, "round %d: %d days, the old query %d (seed %lu)",
	             round, w->days, days, seed0);
	cr_expect(same(w->mean, mean), "round %d: mean %.17g, the old query %.17g (seed %lu)",
	          round, w->mean, mean, seed0);
	if (days >= 2)
		(*counted)++;
}

/* Random windows (lengths, cuts, the day judged) over random ratings: each
 * window's days and mean are those of the query per window, to the bit. */
Test(db_holdrule, the_windows_are_the_old_queries_to_the_bit)
{
	const char *env = getenv("WEAN_SEED");
	seed = seed0 = env && *env ? strtoul(env, NULL, 10) : 20261205UL;
	fprintf(stderr, "test_db_holdrule: seed %lu (WEAN_SEED sets it)\n", seed0);
	wn_date day0 = d("2026-01-01");
	rate_randomly(day0);
	struct wn_config c;
	wn_config_defaults(&c);
	int counted = 0, windows = 0;
	for (int round = 0; round < 60; round++) {
		c.hold_burden_days = 1 + roll(14);
		c.hold_baseline_days = 1 + roll(28);
		struct wn_taper_step st[8];
		int n = 1 + roll(7);
		wn_date at = day0 + roll(60);
		for (int i = 0; i < n; i++) {
			st[i] = (struct wn_taper_step){ .date = at, .dose = 50 - 5 * i };
			at += 1 + roll(40);
		}
		struct wn_schedule s = { .steps = st, .n = n, .n_dated = n,
		                         .hold_since = WN_DATE_NONE };
		struct wn_holdrule_in in;
		struct wn_holdrule_out out;
		wn_date day = day0 + roll(320);
		cr_assert_eq(wn_db_holdrule(db, &c, &s, day, &in, &out, &err), WN_OK, "%s", err.msg);
		if (in.n_base == 0)
			continue;
		expect_window(&in.recent, round, &counted);
		for (int i = 0; i < in.n_base; i++)
			expect_window(&in.base[i], round, &counted);
		windows += 1 + in.n_base;
	}
	cr_expect_gt(windows, 60, "the rounds judged days after cuts (seed %lu)", seed0);
	cr_expect_gt(counted, 30, "windows with several rated days (seed %lu)", seed0);
}

/* Seen: the day's state read, the record written only when it is missing
 * or its reason changed; a dismissed one is left alone; a day looked at
 * without keeping writes nothing. */
Test(db_holdrule, a_proposal_seen_again_writes_nothing)
{
	sqlite3 *sql = wn_db_sqlite(db);
	struct wn_proposal p = { .med_id = med, .date = d("2026-11-20") };
	snprintf(p.why, sizeof p.why, "sleep under 5 h for 3 nights");
	cr_assert_eq(wn_db_proposal_seen(db, &p, false, &err), WN_OK, "%s", err.msg);
	cr_expect_eq(p.state, WN_PROPOSAL_SHOWN);
	struct wn_proposal *all;
	size_t n;
	cr_assert_eq(wn_db_proposals(db, p.date, p.date, &all, &n, &err), WN_OK);
	cr_expect_eq(n, 0, "not kept: nothing written");
	free(all);
	cr_assert_eq(wn_db_proposal_seen(db, &p, true, &err), WN_OK, "%s", err.msg);
	int writes = sqlite3_total_changes(sql);
	cr_assert_eq(wn_db_proposal_seen(db, &p, true, &err), WN_OK, "%s", err.msg);
	cr_expect_eq(sqlite3_total_changes(sql), writes, "the same reason again: no write");
	snprintf(p.why, sizeof p.why, "symptoms 1.4 a day");
	cr_assert_eq(wn_db_proposal_seen(db, &p, true, &err), WN_OK, "%s", err.msg);
	cr_expect_gt(sqlite3_total_changes(sql), writes, "another reason: written");
	cr_assert_eq(wn_db_proposals(db, p.date, p.date, &all, &n, &err), WN_OK);
	cr_assert_eq(n, 1);
	cr_expect_str_eq(all[0].why, "symptoms 1.4 a day");
	free(all);
	cr_assert_eq(wn_db_proposal_answer(db, med, p.date, WN_PROPOSAL_DISMISSED, &err), WN_OK);
	writes = sqlite3_total_changes(sql);
	snprintf(p.why, sizeof p.why, "sleep under 5 h for 3 nights");
	cr_assert_eq(wn_db_proposal_seen(db, &p, true, &err), WN_OK, "%s", err.msg);
	cr_expect_eq(p.state, WN_PROPOSAL_DISMISSED);
	cr_expect_eq(sqlite3_total_changes(sql), writes, "dismissed: left alone");
	/* an empty reason is kept as "-", and seen again as the same */
	struct wn_proposal q = { .med_id = med, .date = d("2026-11-21") };
	cr_assert_eq(wn_db_proposal_seen(db, &q, true, &err), WN_OK, "%s", err.msg);
	writes = sqlite3_total_changes(sql);
	cr_assert_eq(wn_db_proposal_seen(db, &q, true, &err), WN_OK, "%s", err.msg);
	cr_expect_eq(sqlite3_total_changes(sql), writes);
}
