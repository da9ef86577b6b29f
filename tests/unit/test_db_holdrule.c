/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_db_holdrule.c -- db/holdrule.h: the windows read from a diary, and
 * the proposals kept.  Each test works on a fresh diary. */
#include <criterion/criterion.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/config.h"
#include "core/records.h"
#include "core/taper.h"
#include "db/day.h"
#include "db/db.h"
#include "db/holdrule.h"
#include "db/med.h"
#include "db/symptoms.h"
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
