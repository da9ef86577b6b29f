/* SPDX-License-Identifier: GPL-3.0-or-later */
/* chart_int.h -- private to the chart modules of src/core (chart.c,
 * chart_line.c): glyph sets, drawing text and glyphs into a struct
 * wn_chart_buf, and the data range and scale a series is drawn on.
 */
#ifndef WEAN_CHART_INT_H
#define WEAN_CHART_INT_H

#include <stdbool.h>

#include "core/chart.h"
#include "core/status.h"

/* The glyphs of one mode: Unicode box drawing and blocks, or ASCII. */
struct glyphs {
	const char *h, *v, *ul, *ur, *ll, *lr;       /* line: ─ │ ╭ ╮ ╰ ╯ */
	const char *dh, *dv, *dul, *dur, *dll, *dlr; /* dose: ═ ║ ╔ ╗ ╚ ╝ */
	const char *point, *range, *avg;
	const char *ax_v, *ax_tl, *ax_tr, *ax_bl, *ax_br, *ax_h, *ax_tick;
	const char *ax_gap, *step, *ellipsis;
	int ellipsis_w;
	const char *spark[8];
};

/* Where drawing goes: the buffer, the glyph set and the role the next
 * cells get.  Passed by value; wn_chart_ink() gives a copy with another
 * role.  With b == NULL the text functions only measure. */
struct pen {
	struct wn_chart_buf *b;
	const struct glyphs *g;
	bool ascii;
	int role;
};

/* A run of w cells starting at column x of row y. */
struct box {
	int x, y, w;
};

/* A range of values; lo > hi: empty. */
struct span {
	double lo, hi;
};

/* A y axis: lo..hi in nticks ticks of step, labels with dec decimals and
 * at most labw characters. */
struct axis {
	double lo, hi, step;
	int nticks, dec, labw;
};

/* A pen on b in the glyph set of the mode, with role. */
struct pen wn_chart_pen(struct wn_chart_buf *b, bool ascii, int role);
struct pen wn_chart_ink(const struct pen *p, int role);

/* Size b to w x h blank cells: WN_OK, or WN_ERR (message) out of memory. */
int wn_chart_reset(struct wn_chart_buf *b, int w, int h, struct wn_err *err);

/* Store glyph g (one character; "" draws nothing) at x,y; clips. */
void wn_chart_put(struct pen p, int x, int y, const char *g);
/* Write text s in box at, one character per cell (a wide character takes
 * two: its right half is ""); returns the columns used.  Widths are core's
 * (core/text.h); control characters and invalid UTF-8 become '?',
 * zero-width characters are dropped, and in ASCII mode every non-ASCII
 * character is a '?'. */
int wn_chart_put_text(struct pen p, struct box at, const char *s);
/* The columns s takes as wn_chart_put_text draws it. */
int wn_chart_text_width(struct pen p, const char *s);
/* wn_chart_put_text, ending in an ellipsis when s does not fit. */
int wn_chart_put_fit(struct pen p, struct box at, const char *s);

/* WN_USAGE (message naming what) for a missing series or one without
 * values. */
int wn_chart_check_series(const struct wn_chart_series *s, const char *what,
                          struct wn_err *err);
/* Min and max of the finite values of s on days a..z into *out (empty if
 * none); returns how many there are. */
int wn_chart_data_range(const struct wn_chart_series *s, wn_date a, wn_date z,
                        struct span *out);
/* The scale of s: its hint widened to the data, or without a usable hint
 * the data and 0; never empty, within +-1e12. */
struct span wn_chart_scale_range(const struct wn_chart_series *s,
                                 struct span data);
/* Row of value v counted from the bottom (0) of a plot P rows high. */
int wn_chart_axis_row(const struct axis *a, int P, double v);

#endif
