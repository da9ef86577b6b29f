/* SPDX-License-Identifier: GPL-3.0-or-later */
/* today_layout.c -- where the fields of the Today screen go; see
 * today_layout.h. */
#include <stdlib.h>

#include "core/text.h"
#include "core/today_layout.h"

#define INDENT 12                /* the dose and prescriber rows */

static void add_field(struct wn_today_layout *L, struct wn_today_field f)
{
	if (L->nf < WN_TODAY_MAX_FIELDS)
		L->f[L->nf++] = f;
}

/* Where the next cell of a wrapping row goes. */
struct pen {
	int y, x, indent, cols;
};

static void flow(struct wn_today_layout *L, struct pen *p, struct wn_today_field cell)
{
	if (p->x + cell.w > p->cols && p->x > p->indent) {
		p->y++;
		p->x = p->indent;
	}
	cell.y = p->y;
	cell.x = p->x;
	add_field(L, cell);
	p->x += cell.w;
}

static int layout_metrics(struct wn_today_layout *L, const struct wn_config *cfg,
                          int y, int cols)
{
	int lw = 8;
	for (int i = 0; i < cfg->n_metrics; i++) {
		int w = wn_text_width(cfg->metrics[i].name);
		if (w > lw)
			lw = w < 14 ? w : 14;
	}
	L->metric_lw = lw;
	L->metric_w = 1 + lw + 1 + 7 + 2;
	L->metrics_y = y;
	struct pen p = { .y = y, .x = 1, .indent = 1, .cols = cols };
	for (int k = WN_TODAY_MOOD; k <= WN_TODAY_SLEEP; k++)
		flow(L, &p, (struct wn_today_field){ .kind = k, .w = L->metric_w });
	for (int i = 0; i < cfg->n_metrics; i++)
		flow(L, &p, (struct wn_today_field){ .kind = WN_TODAY_CUSTOM, .idx = i,
		                                     .w = L->metric_w });
	return p.y + 1;
}

/* Columns of the symptom grid: as many as fit; three on 80 columns
 * (names cut a little) when there are more than 8 symptoms. */
static int grid_columns(const struct wn_today_layout_in *in, int name_w)
{
	int avail = in->cols - 1;
	int ncol = avail / (name_w + 8);
	if (ncol < 3 && avail / 26 >= 3 && in->n_sym > 8)
		ncol = 3;
	if (ncol < 1)
		ncol = 1;
	if ((size_t)ncol > in->n_sym)
		ncol = in->n_sym ? (int)in->n_sym : 1;
	return ncol;
}

static int layout_grid(struct wn_today_layout *L, const struct wn_today_layout_in *in,
                       int y)
{
	int maxname = 4;
	for (size_t i = 0; i < in->n_sym; i++) {
		int w = wn_text_width(in->sym[i].name);
		if (w > maxname)
			maxname = w;
	}
	int name_w = maxname < 24 ? maxname : 24;
	int ncol = grid_columns(in, name_w);
	int cell = (in->cols - 1) / ncol;
	if (cell > name_w + 8)
		cell = name_w + 8;
	L->name_w = cell - 8 < 4 ? 4 : cell - 8;
	L->cell_w = cell;
	L->grid_cols = ncol;
	L->grid_rows = (int)((in->n_sym + (size_t)ncol - 1) / (size_t)ncol);
	L->grid_head_y = y;
	for (size_t i = 0; i < in->n_sym; i++)
		add_field(L, (struct wn_today_field){ .kind = WN_TODAY_SYMPTOM,
			.idx = (int)i, .y = y + 1 + (int)i % L->grid_rows,
			.x = 1 + (int)i / L->grid_rows * cell, .w = cell - 1 });
	return y + 1 + L->grid_rows;
}

static int layout_lower(struct wn_today_layout *L, const struct wn_today_layout_in *in,
                        int y)
{
	int cols = in->cols;
	L->dose_y = y;
	for (size_t m = 0; m < in->n_med; m++) {
		add_field(L, (struct wn_today_field){ .kind = WN_TODAY_DOSE,
			.idx = (int)m, .y = y++, .x = INDENT, .w = cols - INDENT - 1 });
		for (int k = 0; in->n_times && k < in->n_times[m] && k < WN_DOSES_MAX; k++)
			add_field(L, (struct wn_today_field){ .kind = WN_TODAY_DOSE_TIME,
				.idx = (int)m * WN_DOSES_MAX + k, .y = y++, .x = INDENT + 2,
				.w = cols - INDENT - 3 });
	}
	if (in->n_med == 0)
		y++;
	L->presc_y = y;
	struct pen p = { .y = y, .x = INDENT, .indent = INDENT, .cols = cols };
	flow(L, &p, (struct wn_today_field){ .kind = WN_TODAY_FLAG, .w = 28 });
	flow(L, &p, (struct wn_today_field){ .kind = WN_TODAY_QUESTIONS, .w = 17 });
	flow(L, &p, (struct wn_today_field){ .kind = WN_TODAY_QUICK, .w = 17 });
	y = p.y + 1;
	L->list_y = y;
	for (size_t i = 0; i < in->n_lines; i++)
		add_field(L, (struct wn_today_field){ .kind = i < in->n_questions ?
			WN_TODAY_QUESTION_LINE : WN_TODAY_QNOTE_LINE,
			.idx = (int)(i < in->n_questions ? i : i - in->n_questions),
			.y = y + (int)i, .x = INDENT + 1, .w = cols - INDENT - 2 });
	return y + (int)in->n_lines;
}

/* Screen rows: the content as far as it goes, the note the rest (half
 * while it is being written). */
static void layout_screen(struct wn_today_layout *L, const struct wn_today_layout_in *in)
{
	int top = in->body_top + in->head_rows + 1;
	int avail = in->body_top + in->body_rows - top;
	int note_min = in->editing ? (avail / 2 > 4 ? avail / 2 : 4)
	                           : (avail < 14 ? 2 : 3);
	int content = avail - 1 - note_min;
	if (content > L->rows)
		content = L->rows;
	if (content < 1)
		content = 1;
	L->view_top = top;
	L->view_rows = content;
	L->note_top = top + content + 1;
	L->note_rows = in->body_top + in->body_rows - L->note_top;
}

void wn_today_layout(const struct wn_today_layout_in *in, struct wn_today_layout *L)
{
	L->nf = 0;
	int y = layout_metrics(L, in->cfg, 0, in->cols);
	y = layout_grid(L, in, y + 1);
	y = layout_lower(L, in, y + 1);
	L->rows = y;
	layout_screen(L, in);
	add_field(L, (struct wn_today_field){ .kind = WN_TODAY_NOTE, .y = L->rows + 1,
	                                      .x = 1, .w = in->cols - 2 });
}

const struct wn_today_field *wn_today_layout_find(const struct wn_today_layout *L,
                                                  int kind, int idx)
{
	for (size_t i = 0; i < L->nf; i++)
		if (L->f[i].kind == kind && L->f[i].idx == idx)
			return &L->f[i];
	return L->nf ? &L->f[0] : NULL;
}

int wn_today_layout_scroll(const struct wn_today_layout *L,
                           const struct wn_today_field *f, int scroll)
{
	if (!f || f->kind == WN_TODAY_NOTE)
		return scroll;
	if (f->y < scroll)
		scroll = f->y;
	if (f->y >= scroll + L->view_rows)
		scroll = f->y - L->view_rows + 1;
	return scroll < 0 ? 0 : scroll;
}

/* How far f is from `from` in direction dir; -1 when it is not that way. */
static long distance(const struct wn_today_field *from,
                     const struct wn_today_field *f, int dir)
{
	long dy = f->y - from->y, dx = f->x - from->x;
	if (dir == WN_TODAY_UP && dy < 0)
		return -dy * 1000 + labs(dx);
	if (dir == WN_TODAY_DOWN && dy > 0)
		return dy * 1000 + labs(dx);
	if (dir == WN_TODAY_LEFT && dy == 0 && dx < 0)
		return -dx;
	if (dir == WN_TODAY_RIGHT && dy == 0 && dx > 0)
		return dx;
	return -1;
}

const struct wn_today_field *wn_today_layout_move(const struct wn_today_layout *L,
                                                  const struct wn_today_field *from,
                                                  int dir)
{
	const struct wn_today_field *best = NULL;
	long best_score = 0;
	for (size_t i = 0; from && i < L->nf; i++) {
		long score = distance(from, &L->f[i], dir);
		if (score >= 0 && (!best || score < best_score)) {
			best = &L->f[i];
			best_score = score;
		}
	}
	return best;
}
