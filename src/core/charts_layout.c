/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charts_layout.c -- where the parts of the Charts screen go; see
 * charts_layout.h. */
#include "core/chart.h"
#include "core/charts_layout.h"

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

void wn_charts_layout(const struct wn_charts_layout_in *in,
                      struct wn_charts_layout *out)
{
	struct wn_charts_box c = { .y = in->body_top, .x = 1 };
	int rows = in->body_rows, cols = in->cols - 2;
	if (cols < WN_CHART_MIN_WIDTH) {
		c.x = 0;
		cols = in->cols;
	}
	int pw = clamp(cols - 3 - WN_CHARTS_SIDE_MIN, 0, WN_CHARTS_PANEL_MAX);
	*out = (struct wn_charts_layout){ .side = pw >= WN_CHARTS_PANEL_MIN };
	c.w = out->side ? cols - 3 - pw : cols;
	/* three fifths of the rows, more when all the sparklines fit below */
	int h = rows * 3 / 5, all = rows - 2 - (int)in->n_sparks;
	c.h = clamp(all > h ? all : h, WN_CHART_MIN_HEIGHT, WN_CHARTS_MAX_HEIGHT);
	if (rows - c.h - 1 < 3)
		c.h = rows;
	if (out->side)
		out->panel = (struct wn_charts_box){ c.y, c.x + c.w + 3, rows, pw };
	if (c.h < rows)
		out->lower = (struct wn_charts_box){ c.y + c.h + 1, c.x, rows - c.h - 1,
		                                     c.w };
	out->chart = c;
}

int wn_charts_layout_spark_width(const struct wn_charts_layout *g, long days)
{
	int w = g->chart.w - WN_CHARTS_NAME_W - WN_CHARTS_TAIL_W;
	if (w > days)
		w = (int)days;
	return w < 1 ? 1 : w > WN_CHART_MAX_WIDTH ? WN_CHART_MAX_WIDTH : w;
}

int wn_charts_layout_page(const struct wn_charts_layout *g)
{
	int h = g->lower.h > 0 ? g->lower.h : g->panel.h;
	return h > 3 ? h - 2 : 1;
}
