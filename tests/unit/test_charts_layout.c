/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_charts_layout.c -- where the Charts screen's parts go
 * (core/charts_layout.h), worked out by hand. */
#include <criterion/criterion.h>

#include "core/charts_layout.h"

struct layout_case {
	const char *name;
	struct wn_charts_layout_in in;
	struct wn_charts_layout want;
	int page;
	long days;
	int spark_w;
};

/* 80x24: no panel (78 - 3 - 80 < 0); 3/5 of 21 rows = 12 for the chart,
 * 8 below.  200x60: a panel of 84 beside a chart of 198 - 3 - 84 = 111;
 * with 5 sparklines 50 rows would do, at most 40.  160x40: a panel of 75,
 * the chart takes every row (1 would be left).  155x40: a panel of 70 is
 * too narrow.  40x12: the chart from column 0, at least 8 rows, then all
 * 9. */
static const struct layout_case cases[] = {
	{ .name = "80x24", .in = { 1, 21, 80, 15 },
	  .want = { .chart = { 1, 1, 12, 78 }, .lower = { 14, 1, 8, 78 } },
	  .page = 6, .days = 90, .spark_w = 27 },
	{ .name = "80x24, two weeks", .in = { 1, 21, 80, 15 },
	  .want = { .chart = { 1, 1, 12, 78 }, .lower = { 14, 1, 8, 78 } },
	  .page = 6, .days = 14, .spark_w = 14 },
	{ .name = "200x60", .in = { 1, 57, 200, 5 },
	  .want = { .chart = { 1, 1, 40, 111 }, .side = true,
	            .panel = { 1, 115, 57, 84 }, .lower = { 42, 1, 16, 111 } },
	  .page = 14, .days = 365, .spark_w = 60 },
	{ .name = "160x40", .in = { 1, 37, 160, 0 },
	  .want = { .chart = { 1, 1, 37, 80 }, .side = true,
	            .panel = { 1, 84, 37, 75 } },
	  .page = 35, .days = 30, .spark_w = 29 },
	{ .name = "155x40", .in = { 1, 37, 155, 0 },
	  .want = { .chart = { 1, 1, 37, 153 } },
	  .page = 1, .days = 3650, .spark_w = 102 },
	{ .name = "40x12", .in = { 1, 9, 40, 3 },
	  .want = { .chart = { 1, 0, 9, 40 } },
	  .page = 1, .days = 30, .spark_w = 1 },
};

static bool same_box(struct wn_charts_box a, struct wn_charts_box b)
{
	return a.y == b.y && a.x == b.x && a.h == b.h && a.w == b.w;
}

Test(charts_layout, the_parts_of_the_screen)
{
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const struct layout_case *c = &cases[i];
		struct wn_charts_layout g;
		wn_charts_layout(&c->in, &g);
		cr_expect(same_box(g.chart, c->want.chart), "%s: chart %d,%d %dx%d", c->name,
		          g.chart.y, g.chart.x, g.chart.h, g.chart.w);
		cr_expect_eq(g.side, c->want.side, "%s: side", c->name);
		cr_expect(same_box(g.panel, c->want.panel), "%s: panel %d,%d %dx%d",
		          c->name, g.panel.y, g.panel.x, g.panel.h, g.panel.w);
		cr_expect(same_box(g.lower, c->want.lower), "%s: lower %d,%d %dx%d",
		          c->name, g.lower.y, g.lower.x, g.lower.h, g.lower.w);
		cr_expect_eq(wn_charts_layout_page(&g), c->page, "%s: page", c->name);
		cr_expect_eq(wn_charts_layout_spark_width(&g, c->days), c->spark_w,
		             "%s: sparkline", c->name);
	}
}
