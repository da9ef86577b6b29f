/* SPDX-License-Identifier: GPL-3.0-or-later */
/* today_layout.h -- where the fields of the Today screen go, from the
 * terminal's size and the day's data: pure arithmetic, no curses.
 *
 * Rows: under the title, the header's rows (core/today_head.h: the
 * tapers, their next steps' findings or the day's state, and the crisis
 * line), a blank row, then the content (which scrolls) and the note
 * at the bottom.  The content, in content rows from 0: the metrics
 * flowing across the width; a blank row; the symptom grid (a heading row,
 * then columns filled top to bottom); a blank row; a dose line per
 * medication (a blank row without any); the prescriber row (flag,
 * questions, quick notes, flowing); the day's questions (a field each, to
 * answer, change or delete) and quick notes, one row each.  The note's
 * field is last, below the content.
 *
 * Each field has a content row y, a screen column x and a width w.
 * Moving the focus goes to the nearest field in a direction: rows first.
 */
#ifndef WEAN_CORE_TODAY_LAYOUT_H
#define WEAN_CORE_TODAY_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/config.h"
#include "core/records.h"
#include "core/today.h"

#define WN_TODAY_MAX_FIELDS 600   /* fields past this are left out */

struct wn_today_field {
	int kind, idx;           /* enum wn_today_kind and its index */
	int y, x, w;             /* content row, screen column, columns */
};

struct wn_today_layout {
	struct wn_today_field f[WN_TODAY_MAX_FIELDS];
	size_t nf;
	/* content rows of the parts; rows: content rows in all */
	int metrics_y, grid_head_y, dose_y, presc_y, list_y, rows;
	int grid_cols, grid_rows;     /* symptom grid */
	int name_w, cell_w;           /* a symptom's name and its whole cell */
	int metric_lw, metric_w;      /* a metric's label and its whole cell */
	int view_top, view_rows;      /* screen rows of the content */
	int note_top, note_rows;      /* screen rows of the note (heading first) */
};

/* What the layout depends on. */
struct wn_today_layout_in {
	const struct wn_config *cfg;  /* the custom metrics */
	const struct wn_symptom *sym; /* the symptoms shown, in order */
	size_t n_sym;
	size_t n_med;
	const int *n_times;           /* per medication: its planned doses
	                                 through the day (a row each under its
	                                 line), 0 for one a day; may be NULL */
	size_t n_lines;               /* the day's questions and quick notes */
	size_t n_questions;           /* of those, the questions (first) */
	int cols;                     /* terminal columns */
	int body_top, body_rows;      /* screen rows the screen may use */
	int head_rows;                /* rows under the title (today_head.h) */
	bool editing;                 /* the note is open: it gets half */
};

/* Lays out every field into L. */
void wn_today_layout(const struct wn_today_layout_in *in,
                     struct wn_today_layout *L);

/* The field kind/idx, or the first field when there is no such one; NULL
 * when L has none. */
const struct wn_today_field *wn_today_layout_find(const struct wn_today_layout *L,
                                                  int kind, int idx);

/* The scroll (first content row shown) that keeps f in view, changed as
 * little as possible from scroll.  The note's field needs no scroll. */
int wn_today_layout_scroll(const struct wn_today_layout *L,
                           const struct wn_today_field *f, int scroll);

enum wn_today_dir { WN_TODAY_UP, WN_TODAY_DOWN, WN_TODAY_LEFT, WN_TODAY_RIGHT };

/* The nearest field from `from` in direction dir: up and down by rows
 * first, then columns; left and right within the row.  NULL when there is
 * none that way. */
const struct wn_today_field *wn_today_layout_move(const struct wn_today_layout *L,
                                                  const struct wn_today_field *from,
                                                  int dir);

#endif
