/* SPDX-License-Identifier: GPL-3.0-or-later */
/* chart.h -- trend charts rendered as text (no curses).
 *
 * A renderer fills a struct wn_chart_buf: a grid of cells, each holding one
 * character (a NUL-terminated UTF-8 string of at most 4 bytes) and a role.
 * The curses front end copies the cells and colours them by role; the CLI
 * and the reports print wn_chart_text().  Every glyph a renderer uses is one
 * display column wide (box drawing, block and shade characters count as
 * one); text takes the columns core/text.h gives it (a wide character
 * two cells, the second ""); in ASCII mode only printable ASCII is
 * written (other characters of a title or label become '?').
 *
 * Two renderers share one calling convention (buffer, data, options,
 * error) and one buffer type:
 *
 *   wn_chart_line()       line chart (core/chart_line.h): labelled y axis,
 *                         date x axis, gaps, min-max spans, dose overlay,
 *                         7-day average, steps
 *   wn_chart_sparkline()  one row, one character per column
 *
 * Typical use:
 *
 *   struct wn_chart_buf b;
 *   wn_chart_buf_init(&b);
 *   if (wn_chart_line(&b, &series, &opts, &err) == WN_OK &&
 *       wn_chart_text(&b, &text, &err) == WN_OK) {
 *           fputs(text, stdout);
 *           free(text);
 *   }
 *   wn_chart_buf_free(&b);
 *
 * A buffer may be reused for any number of renderings (memory is kept and
 * grown as needed).  Renderers never print and never keep pointers to the
 * caller's data after they return.
 */
#ifndef WEAN_CHART_H
#define WEAN_CHART_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"
#include "core/status.h"

#define WN_CHART_MIN_WIDTH  40
#define WN_CHART_MIN_HEIGHT 8
#define WN_CHART_MAX_WIDTH  1000
#define WN_CHART_MAX_HEIGHT 200

/* What a cell shows, so a front end can colour it. */
enum wn_chart_role {
	WN_CHART_BLANK = 0,  /* empty cell (a space) */
	WN_CHART_TITLE,      /* the chart title */
	WN_CHART_LABEL,      /* tick labels, legend text, "no data" */
	WN_CHART_AXIS,       /* axis lines and tick marks */
	WN_CHART_LINE,       /* the main series (line, isolated points) */
	WN_CHART_RANGE,      /* min-max span of an aggregated column */
	WN_CHART_AVG,        /* 7-day moving average */
	WN_CHART_DOSE,       /* overlay series (dose), right axis */
	WN_CHART_STEP,       /* taper step mark on the time axis */
	WN_CHART_GAP,        /* missing data: axis under empty columns,
	                        blank sparkline cells */
	WN_CHART_BAR         /* sparkline blocks */
};

struct wn_chart_cell {
	char ch[5];          /* one UTF-8 character, NUL-terminated; "" is the
	                        right half of a double-width character */
	unsigned char role;  /* enum wn_chart_role */
};

struct wn_chart_buf {
	int width, height;           /* size of the last rendering */
	struct wn_chart_cell *cells; /* width * height cells, row by row */
	size_t cap;                  /* cells allocated (private) */
};

/* A daily series.  Day i (0 <= i < n) is the date start + i; v[i] is its
 * value, NAN (or any non-finite value) when the day has no data.  lo/hi is
 * the scale the value lives on (0..3 for a symptom, 0..10 for mood); the
 * axis always covers lo..hi and grows to include the data.  When lo >= hi
 * or either is NAN the scale comes from the data (and includes 0).
 * unit is shown after the title ("0-3", "h", "mg"); name names an overlay
 * in the legend ("dose").  Both may be NULL. */
/* A series given by calendar month or year instead of by day (a line
 * chart of a long range; db/chartdata.h reads it from the diary's
 * summary).  span 1: period i (0 <= i < n) is the month key first + i
 * (year * 12 + month - 1); span 12: the year first + i.  sum[i] and
 * cnt[i] are the sum and the number of the days with data of that period
 * that lie in the series' range; cnt[i] == 0 is a period without data. */
struct wn_chart_months {
	int span;                /* 1 (0 counts as 1) or 12 */
	long first;
	size_t n;
	const double *sum;
	const long *cnt;
};

struct wn_chart_series {
	wn_date start;
	size_t n;
	const double *v;
	double lo, hi;
	const char *unit;
	const char *name;
};

/* The month key (year * 12 + month - 1) of day d. */
long wn_chart_month_key(wn_date d);
/* The period of day d: its month key (span 1) or its year (span 12); the
 * first day of period p. */
long wn_chart_period(wn_date d, int span);
wn_date wn_chart_period_start(long p, int span);

struct wn_chart_opts {
	int width, height;       /* total size in columns and rows */
	bool ascii;              /* pure ASCII glyphs (non-ASCII text is '?') */
	bool moving_average;     /* draw the 7-day moving average */
	const char *title;       /* may be NULL */
	/* line charts only: */
	const struct wn_chart_series *overlay;   /* dose, own scale on the
	                                            right axis; may be NULL */
	const wn_date *steps;    /* taper step dates marked on the time axis */
	size_t nsteps;
	/* A step line (a dose): each column is the last value of its days,
	 * never a mean and never a min-max span; days are grouped into
	 * columns of equal length ("1 column = 7 days, last dose" in the
	 * legend, with step_noun for "dose"); the y axis is fitted to the data
	 * of the series and of `second` with a margin, not taken from 0. */
	bool step_line;
	const char *step_noun;   /* "dose"; NULL: "value" */
	const struct wn_chart_series *second;   /* step_line only: a second
	                                           line on the same axis (the
	                                           planned dose), drawn under
	                                           the first; may be NULL */
	/* Line charts only, not a step line: the series' days summed by
	 * month (or year), used instead of the series' v (which may then be
	 * NULL); its periods are those of the series' days.  Columns are then
	 * whole months, quarters or years (whole years when by year), each
	 * drawn as the mean of its days with data (sums over counts: exactly
	 * what v would give), without a min-max span (a month's sums have
	 * none) and without the 7-day average.  NULL: by day. */
	const struct wn_chart_months *months;
};

/* An empty buffer (no allocation). */
void wn_chart_buf_init(struct wn_chart_buf *b);
/* Release the cells; the buffer is empty again and may be reused. */
void wn_chart_buf_free(struct wn_chart_buf *b);
/* The cell at column x, row y (0,0 = top left), or NULL outside. */
const struct wn_chart_cell *wn_chart_cell(const struct wn_chart_buf *b,
                                          int x, int y);

/* Sparkline: one row of opts->width cells, one character per column
 * (Unicode "▁▂▃▄▅▆▇█", ASCII "_.-:=+*#"), missing data blank.  When there
 * are more days than columns each column shows the mean of its days; with
 * fewer, one column per day and the rest is blank.  Scale as for the line
 * chart, so sparklines of symptoms with lo=0, hi=3 are comparable.  Only
 * width and ascii are read from opts; width may be 1..WN_CHART_MAX_WIDTH.
 * Returns WN_OK, WN_USAGE or WN_ERR as above. */
int wn_chart_sparkline(struct wn_chart_buf *b, const struct wn_chart_series *s,
                       const struct wn_chart_opts *opts, struct wn_err *err);

/* The buffer as text: one line per row, each ending in "\n", trailing
 * spaces removed.  *out is malloc'd and owned by the caller (free it).
 * Returns WN_OK or WN_ERR (out of memory; *out is then NULL). */
int wn_chart_text(const struct wn_chart_buf *b, char **out, struct wn_err *err);

#endif
