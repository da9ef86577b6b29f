/* SPDX-License-Identifier: GPL-3.0-or-later */
/* chart_line_int.h -- private to the line chart (chart_line.c, which
 * groups the days and draws the plot and axes, and chart_legend.c, which
 * draws the title and the legend): the buckets and the state of one
 * rendering.
 */
#ifndef WEAN_CHART_LINE_INT_H
#define WEAN_CHART_LINE_INT_H

#include <stdbool.h>

#include "core/chart.h"
#include "chart_int.h"

/* U_SPAN: k days per bucket counted from the first day (a step line). */
enum unit { U_DAY, U_WEEK, U_MONTH, U_QUARTER, U_YEAR, U_SPAN };

struct bucket {
	double sum, min, max, osum, ma;
	double last, slast;      /* last value of the series and the second */
	int cnt, ocnt, scnt;
	bool has_ma;
	int ms_y, ms_m;          /* month starting in the bucket (0: none) */
	int ms_rank;             /* U_SPAN: how round that month is */
};

/* Everything one line chart rendering needs. */
struct ctx {
	struct pen p;
	const struct wn_chart_series *s, *ov, *sec;
	const struct wn_chart_opts *o;
	const struct wn_chart_months *mon;   /* opts->months: by month */
	bool stepl;                      /* a step line (opts->step_line) */
	int W, H, P, top, lg, C;         /* plot: rows top.., columns lg.. */
	enum unit unit;
	int k;                           /* years (U_YEAR) or days (U_SPAN)
	                                    per bucket */
	long k0;                         /* key of the first day */
	int nb;                          /* buckets */
	struct bucket *bk;
	int *row, *drow, *arow, *srow;   /* per bucket, -1 = nothing */
	struct axis ya, da;
	bool dose;
	int total;                       /* days with data */
};

/* What was drawn, for the legend. */
struct drawn {
	bool range, avg, step, gap;
};

/* Row 0: the title and unit on the left; as many legend entries as fit
 * beside it, right-aligned. */
void wn_chart_line_header(const struct ctx *c, const struct drawn *dr);
/* " no data " in the middle of the plot, over whatever is there. */
void wn_chart_line_nodata(const struct ctx *c);

#endif
