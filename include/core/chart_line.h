/* SPDX-License-Identifier: GPL-3.0-or-later */
/* chart_line.h -- the line chart, rendered into a struct wn_chart_buf
 * (core/chart.h: the buffer, the series and options, and the text).
 */
#ifndef WEAN_CHART_LINE_H
#define WEAN_CHART_LINE_H

#include "core/chart.h"
#include "core/status.h"

/* Line chart of s into b, exactly opts->width x opts->height cells.
 *
 * Layout: row 0 holds the title (with the unit) and a legend of what is
 * drawn; then the plot with y tick labels right-aligned in a left gutter
 * (and the overlay's ticks in a right gutter); then the time axis, where
 * taper steps are marked (Unicode "▲", ASCII "^") and columns without data
 * are dotted; then the date labels ("Nov 20", "Dec", "2027").  Y ticks are
 * 1, 2 or 5 times a power of ten (0,1,2,3 for a 0-3 scale; 0,2,...,10 for
 * 0-10 when there is room, 0,5,10 when not), at most 7 and about one per
 * two rows; the axis widens to whole ticks.  The vertical resolution is
 * one text row (each value is drawn in the nearest row); values beyond
 * +-1e12 are drawn at the edge.
 *
 * When there are more days than plot columns the days are grouped into
 * calendar weeks, months, quarters or years (the finest that fits); a group
 * is drawn as its mean, with its min-max as a shaded span.  A group or day
 * without data is a gap: lines stop at it and never bridge it, and a lone
 * value between gaps is drawn as a point.  The moving average (mean of the
 * last 7 days, shown on days that have data and at least 4 of 7 days with
 * data) is drawn only when days are not grouped.  Step dates and overlay
 * days outside the series' range are ignored.
 *
 * A step line (opts->step_line, for a dose) is drawn otherwise: with more
 * days than columns each column holds the same number of days, counted
 * from the first, and shows the last value among them, so a step shows in
 * the column of its day; no mean, no min-max span, no average.  The
 * legend names the line (s->name), the second line (opts->second, drawn
 * under the first on the same axis with the overlay's glyphs) and what a
 * column is ("1 column = 7 days, last dose").  The y axis is fitted to
 * the values drawn, with a tenth of their span either side (not below 0
 * for values that are not), instead of s->lo..hi.
 *
 * Returns WN_OK; WN_USAGE (with a message) when width < 40, height < 8,
 * either is above the maximum, or s is NULL or has n > 0 and v == NULL;
 * WN_ERR when out of memory.  On error b's contents are unspecified. */
int wn_chart_line(struct wn_chart_buf *b, const struct wn_chart_series *s,
                  const struct wn_chart_opts *opts, struct wn_err *err);

#endif
