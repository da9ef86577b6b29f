/* test_holdrule.c -- hold proposals, hand-computed cases. */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "core/config.h"
#include "core/holdrule.h"

#define N NAN
#define DAYS 14

/* Series start 2026-10-26; the cut is on 2026-11-02 (index 7); the day
 * judged is 2026-11-08 (index 13).  Defaults: 3-day window, 7 days of
 * baseline, rise 3.0, sleep under 5 h for 3 nights. */
struct hr_case {
	const char *name;
	double burden[DAYS];
	double sleep[DAYS];
	bool no_cut, disabled;
	bool propose, burden_fired, sleep_fired;
	const char *why;
};

static const struct hr_case cases[] = {
	{ .name = "burden rise 4.3 fires",
	  .burden = { 5, 5, 5, 5, 5, 5, 5, 6, 6, 6, 6, 9, 9, 10 },
	  .sleep = { N, N, N, N, N, N, N, N, N, N, N, N, N, N },
	  .propose = true, .burden_fired = true,
	  .why = "3-day mean burden 9.3 is 4.3 above the 7 days before the cut"
	         " on 2026-11-02" },
	{ .name = "rise of exactly 3.0 does not",
	  .burden = { 5, 5, 5, 5, 5, 5, 5, 6, 6, 6, 6, 8, 8, 8 },
	  .sleep = { N, N, N, N, N, N, N, N, N, N, N, N, N, N },
	  .why = "" },
	{ .name = "no cut, no burden rule",
	  .burden = { 5, 5, 5, 5, 5, 5, 5, 6, 6, 6, 6, 9, 9, 10 },
	  .sleep = { N, N, N, N, N, N, N, N, N, N, N, N, N, N },
	  .no_cut = true, .why = "" },
	{ .name = "baseline too thin (3 of 7 days)",
	  .burden = { N, N, N, N, 5, 5, 5, 6, 6, 6, 6, 9, 9, 10 },
	  .sleep = { N, N, N, N, N, N, N, N, N, N, N, N, N, N },
	  .why = "" },
	{ .name = "baseline of 4 of 7 days is enough",
	  .burden = { N, N, N, 2, 2, 2, 2, 6, 6, 6, 6, 6, N, 7 },
	  .sleep = { N, N, N, N, N, N, N, N, N, N, N, N, N, N },
	  .propose = true, .burden_fired = true,
	  .why = "3-day mean burden 6.5 is 4.5 above the 7 days before the cut"
	         " on 2026-11-02" },
	{ .name = "three short nights fire",
	  .burden = { N, N, N, N, N, N, N, N, N, N, N, N, N, N },
	  .sleep = { 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 4, 4.5, 4.9 },
	  .propose = true, .sleep_fired = true,
	  .why = "sleep under 5 h for 3 nights" },
	{ .name = "a missing night breaks the run",
	  .burden = { N, N, N, N, N, N, N, N, N, N, N, N, N, N },
	  .sleep = { 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 4, N, 4 },
	  .why = "" },
	{ .name = "5 h exactly is not under 5 h",
	  .burden = { N, N, N, N, N, N, N, N, N, N, N, N, N, N },
	  .sleep = { 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 4, 5, 4 },
	  .why = "" },
	{ .name = "both rules, joined",
	  .burden = { 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 5, 5, 5 },
	  .sleep = { 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 3, 3, 3 },
	  .propose = true, .burden_fired = true, .sleep_fired = true,
	  .why = "3-day mean burden 5.0 is 4.0 above the 7 days before the cut"
	         " on 2026-11-02; sleep under 5 h for 3 nights" },
	{ .name = "disabled in the config",
	  .burden = { 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 5, 5, 5 },
	  .sleep = { 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 3, 3, 3 },
	  .disabled = true, .why = "" },
};

Test(holdrule, table)
{
	struct wn_config cfg;
	wn_config_defaults(&cfg);
	wn_date from = wn_date_from_ymd(2026, 10, 26);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct hr_case *c = &cases[i];
		cfg.hold_enabled = !c->disabled;
		struct wn_holdrule_in in = {
			.cfg = &cfg, .day = from + 13, .from = from, .n = DAYS,
			.last_cut = c->no_cut ? WN_DATE_NONE
			                      : wn_date_from_ymd(2026, 11, 2),
			.burden = c->burden, .sleep = c->sleep,
		};
		struct wn_holdrule_out out;
		bool r = wn_holdrule_check(&in, &out);
		cr_expect_eq(r, c->propose, "%s: propose", c->name);
		cr_expect_eq(out.propose, c->propose, "%s: out.propose", c->name);
		cr_expect_eq(out.burden_fired, c->burden_fired, "%s: burden", c->name);
		cr_expect_eq(out.sleep_fired, c->sleep_fired, "%s: sleep", c->name);
		cr_expect_str_eq(out.why, c->why, "%s: why", c->name);
	}
}

Test(holdrule, defaults_match_spec)
{
	struct wn_config cfg;
	wn_config_defaults(&cfg);
	cr_assert(cfg.hold_enabled);
	cr_assert_eq(cfg.hold_burden_days, 3);
	cr_assert_eq(cfg.hold_baseline_days, 7);
}

Test(holdrule, means_reported)
{
	struct wn_config cfg;
	wn_config_defaults(&cfg);
	double burden[DAYS] = { 5, 5, 5, 5, 5, 5, 5, 6, 6, 6, 6, 9, 9, 10 };
	wn_date from = wn_date_from_ymd(2026, 10, 26);
	struct wn_holdrule_in in = {
		.cfg = &cfg, .day = from + 13, .from = from, .n = DAYS,
		.last_cut = from + 7, .burden = burden, .sleep = NULL,
	};
	struct wn_holdrule_out out;
	wn_holdrule_check(&in, &out);
	cr_assert_float_eq(out.base_mean, 5.0, 1e-9);
	cr_assert_float_eq(out.recent_mean, 28.0 / 3.0, 1e-9);
	cr_assert_not(out.sleep_fired);
}

Test(holdrule, cut_after_day_ignored)
{
	struct wn_config cfg;
	wn_config_defaults(&cfg);
	double burden[DAYS] = { 5, 5, 5, 5, 5, 5, 5, 6, 6, 6, 6, 9, 9, 10 };
	wn_date from = wn_date_from_ymd(2026, 10, 26);
	struct wn_holdrule_in in = {
		.cfg = &cfg, .day = from + 13, .from = from, .n = DAYS,
		.last_cut = from + 14, .burden = burden,
	};
	struct wn_holdrule_out out;
	cr_assert_not(wn_holdrule_check(&in, &out));
	cr_assert(isnan(out.recent_mean));
}
