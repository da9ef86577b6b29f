/* test_proposal.c -- the days the hold rules need (core/proposal.h),
 * hand-computed with the default rules: 3 days of burden, 7 days of
 * baseline before the cut, 3 nights of sleep. */
#include <criterion/criterion.h>
#include <string.h>

#include "core/config.h"
#include "core/proposal.h"

#define D0 20758                 /* 2026-11-01, the plan's start */
#define NONE WN_DATE_NONE

/* 50 on D0, 45 on D0+28 (a cut), 45 on D0+56 (no cut), 50 on D0+84 (up),
 * 40 on D0+112 (a cut). */
static struct wn_taper_step steps[] = {
	{ .date = D0, .dose = 50 }, { .date = D0 + 28, .dose = 45 },
	{ .date = D0 + 56, .dose = 45 }, { .date = D0 + 84, .dose = 50 },
	{ .date = D0 + 112, .dose = 40 },
};

struct cut_case {
	wn_date day;
	int n_dated;
	wn_date cut;
};

static const struct cut_case cuts[] = {
	{ .day = D0 + 10, .n_dated = 5, .cut = NONE },
	{ .day = D0 + 27, .n_dated = 5, .cut = NONE },
	{ .day = D0 + 28, .n_dated = 5, .cut = D0 + 28 },
	{ .day = D0 + 60, .n_dated = 5, .cut = D0 + 28 },
	{ .day = D0 + 90, .n_dated = 5, .cut = D0 + 28 },
	{ .day = D0 + 112, .n_dated = 5, .cut = D0 + 112 },
	{ .day = D0 + 200, .n_dated = 2, .cut = D0 + 28 },   /* the rest held */
};

Test(proposal, the_last_cut)
{
	for (size_t i = 0; i < sizeof cuts / sizeof *cuts; i++) {
		struct wn_schedule s = { .steps = steps, .n = 5, .n_dated = cuts[i].n_dated };
		cr_expect_eq(wn_proposal_last_cut(&s, cuts[i].day), cuts[i].cut, "case %zu", i);
	}
}

struct window_case {
	const char *name;
	wn_date day;
	int sleep_nights;
	struct wn_proposal_window want;
};

static const struct window_case windows[] = {
	{ .name = "no cut yet: the last 3 days", .day = D0 + 10, .sleep_nights = 3,
	  .want = { .last_cut = NONE, .from = D0 + 8, .n = 3 } },
	{ .name = "5 nights of sleep", .day = D0 + 10, .sleep_nights = 5,
	  .want = { .last_cut = NONE, .from = D0 + 6, .n = 5 } },
	{ .name = "2 days after a cut: 7 days before it too", .day = D0 + 30,
	  .sleep_nights = 3, .want = { .last_cut = D0 + 28, .from = D0 + 21, .n = 10 } },
	{ .name = "a cut long ago: the recent days only", .day = D0 + 528,
	  .sleep_nights = 3, .want = { .last_cut = NONE, .from = D0 + 526, .n = 3 } },
	{ .name = "400 days to read still count the cut", .day = D0 + 504,
	  .sleep_nights = 3, .want = { .last_cut = D0 + 112, .from = D0 + 105, .n = 400 } },
	{ .name = "401 days to read are too many", .day = D0 + 505,
	  .sleep_nights = 3, .want = { .last_cut = NONE, .from = D0 + 503, .n = 3 } },
};

Test(proposal, the_window_to_read)
{
	struct wn_config cfg;
	wn_config_defaults(&cfg);
	struct wn_schedule s = { .steps = steps, .n = 5, .n_dated = 5 };
	for (size_t i = 0; i < sizeof windows / sizeof *windows; i++) {
		const struct window_case *c = &windows[i];
		cfg.hold_sleep_nights = c->sleep_nights;
		struct wn_proposal_window w;
		cr_assert(wn_proposal_window(&cfg, &s, c->day, &w), "%s", c->name);
		cr_expect(w.last_cut == c->want.last_cut && w.from == c->want.from &&
		          w.n == c->want.n, "%s: cut %ld from %ld n %d", c->name,
		          (long)w.last_cut, (long)w.from, w.n);
	}
}

Test(proposal, nothing_to_judge)
{
	struct wn_config cfg;
	wn_config_defaults(&cfg);
	struct wn_schedule s = { .steps = steps, .n = 5, .n_dated = 5 };
	struct wn_schedule empty = { .n = 0 };
	struct wn_proposal_window w = { .n = -7 };
	cr_expect_not(wn_proposal_window(&cfg, NULL, D0 + 30, &w));
	cr_expect_not(wn_proposal_window(&cfg, &empty, D0 + 30, &w));
	cfg.hold_enabled = false;
	cr_expect_not(wn_proposal_window(&cfg, &s, D0 + 30, &w));
	cr_expect_eq(w.n, -7, "untouched");
}
