/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charts_layout.h -- where the parts of the Charts screen go, from the
 * terminal's size: pure arithmetic, no curses.
 *
 * The chart takes three fifths of the rows (more when every symptom's
 * sparkline then fits below it; WN_CHART_MIN_HEIGHT to
 * WN_CHARTS_MAX_HEIGHT), the whole body when fewer than 3 rows would be
 * left below.  When there is room for a chart of WN_CHARTS_SIDE_MIN
 * columns and a panel of WN_CHARTS_PANEL_MIN, the figures go in a panel
 * beside it; below it go the sparklines (or, on a narrow terminal, the
 * figures).
 */
#ifndef WEAN_CORE_CHARTS_LAYOUT_H
#define WEAN_CORE_CHARTS_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#define WN_CHARTS_MAX_HEIGHT 40
#define WN_CHARTS_PANEL_MIN 72   /* columns of the figures beside the chart */
#define WN_CHARTS_PANEL_MAX 84
#define WN_CHARTS_SIDE_MIN 80    /* chart columns needed to put them beside */
#define WN_CHARTS_NAME_W 22      /* symptom names before their sparklines */
#define WN_CHARTS_TAIL_W 29      /* "  now 1.2  falling (better)" and a margin */

/* A part of the screen: top row, left column, rows, columns; h == 0 when
 * the part is not shown. */
struct wn_charts_box {
	int y, x, h, w;
};

struct wn_charts_layout {
	struct wn_charts_box chart;
	bool side;                   /* the figures are beside the chart */
	struct wn_charts_box panel;  /* beside the chart (side only) */
	struct wn_charts_box lower;  /* below the chart */
};

struct wn_charts_layout_in {
	int body_top, body_rows;     /* screen rows the screen may use */
	int cols;                    /* terminal columns */
	size_t n_sparks;             /* symptoms with a sparkline */
};

void wn_charts_layout(const struct wn_charts_layout_in *in,
                      struct wn_charts_layout *out);

/* Columns of a sparkline below the chart over `days` days: what is left
 * of the row after the name and the tail, at most one per day, 1 to
 * WN_CHART_MAX_WIDTH. */
int wn_charts_layout_spark_width(const struct wn_charts_layout *g, long days);

/* Rows that PgUp and PgDn scroll: the scrolling part less two, at least 1. */
int wn_charts_layout_page(const struct wn_charts_layout *g);

#endif
