/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_today_layout.c -- where the Today screen's fields go
 * (core/today_layout.h), positions worked out by hand. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "core/config.h"
#include "core/today_layout.h"

static struct wn_today_layout L;    /* 14 KB: not on the stack */

/* n symptoms called prefix1, prefix2, ... */
static void name_symptoms(struct wn_symptom *s, size_t n, const char *prefix)
{
	for (size_t i = 0; i < n; i++)
		snprintf(s[i].name, sizeof s[i].name, "%s%zu", prefix, i + 1);
}

/* A field as the layout should place it. */
struct want {
	int kind, idx, y, x, w;
};

static void expect_field(const struct want *w)
{
	const struct wn_today_field *f = wn_today_layout_find(&L, w->kind, w->idx);
	cr_assert_not_null(f);
	cr_expect(f->kind == w->kind && f->idx == w->idx, "field %d/%d missing",
	          w->kind, w->idx);
	cr_expect(f->y == w->y && f->x == w->x && f->w == w->w,
	          "field %d/%d at y %d x %d w %d, not y %d x %d w %d", w->kind, w->idx,
	          f->y, f->x, f->w, w->y, w->x, w->w);
}

/* 80x24: no custom metric, 15 symptoms of short names (4 columns each at
 * least), one medication, two questions or quick notes.  Metrics: cells
 * of 1 + 8 + 1 + 7 + 2 = 19 from column 1, all four on row 0.  Grid:
 * cells of 4 + 8 = 12, 79 / 12 = 6 columns, 3 rows (3 to 5) under its
 * heading on row 2.  The dose on row 7, the prescriber row 8, the lines
 * 9 and 10: 11 rows.  Screen: the content from row 3 (title 0, body 1,
 * one taper row, a blank), 19 rows left, 3 for the note: all 11 fit. */
static const struct want at_80x24[] = {
	{ .kind = WN_TODAY_MOOD, .y = 0, .x = 1, .w = 19 },
	{ .kind = WN_TODAY_ANXIETY, .y = 0, .x = 20, .w = 19 },
	{ .kind = WN_TODAY_ENERGY, .y = 0, .x = 39, .w = 19 },
	{ .kind = WN_TODAY_SLEEP, .y = 0, .x = 58, .w = 19 },
	{ .kind = WN_TODAY_SYMPTOM, .idx = 0, .y = 3, .x = 1, .w = 11 },
	{ .kind = WN_TODAY_SYMPTOM, .idx = 4, .y = 4, .x = 13, .w = 11 },
	{ .kind = WN_TODAY_SYMPTOM, .idx = 14, .y = 5, .x = 49, .w = 11 },
	{ .kind = WN_TODAY_DOSE, .idx = 0, .y = 7, .x = 12, .w = 67 },
	{ .kind = WN_TODAY_FLAG, .y = 8, .x = 12, .w = 28 },
	{ .kind = WN_TODAY_QUESTIONS, .y = 8, .x = 40, .w = 17 },
	{ .kind = WN_TODAY_QUICK, .y = 8, .x = 57, .w = 17 },
	{ .kind = WN_TODAY_NOTE, .y = 12, .x = 1, .w = 78 },
};

static void layout_80x24(struct wn_config *cfg, struct wn_symptom *sym)
{
	wn_config_defaults(cfg);
	cfg->n_metrics = 0;
	name_symptoms(sym, 15, "s");
	struct wn_today_layout_in in = { .cfg = cfg, .sym = sym, .n_sym = 15,
		.n_med = 1, .n_lines = 2, .cols = 80, .body_top = 1, .body_rows = 21,
		.head_rows = 1 };
	wn_today_layout(&in, &L);
}

Test(today_layout, a_day_on_80x24)
{
	struct wn_config cfg;
	struct wn_symptom sym[15];
	memset(sym, 0, sizeof sym);
	layout_80x24(&cfg, sym);
	for (size_t i = 0; i < sizeof at_80x24 / sizeof *at_80x24; i++)
		expect_field(&at_80x24[i]);
	cr_expect_eq(L.nf, 4 + 15 + 1 + 3 + 2 + 1);   /* the 2 quick notes too */
	cr_expect_eq(L.metric_w, 19);
	cr_expect(L.grid_cols == 6 && L.grid_rows == 3 && L.cell_w == 12 && L.name_w == 4);
	cr_expect(L.metrics_y == 0 && L.grid_head_y == 2 && L.dose_y == 7 &&
	          L.presc_y == 8 && L.list_y == 9 && L.rows == 11);
	cr_expect(L.view_top == 3 && L.view_rows == 11, "view %d+%d", L.view_top,
	          L.view_rows);
	cr_expect(L.note_top == 15 && L.note_rows == 7, "note %d+%d", L.note_top,
	          L.note_rows);
}

/* 40x12 while the note is written: a custom metric of 13 columns makes
 * cells of 24, one a row (rows 0 to 4); two symptoms of 10 columns side
 * by side (cells of 18) on row 7; no medication (an empty row 9); the
 * prescriber row breaks twice (rows 10 to 12).  Screen: from row 3, 7
 * rows left, half (at least 4) for the note: 2 rows of content. */
static const struct want at_40x12[] = {
	{ .kind = WN_TODAY_MOOD, .y = 0, .x = 1, .w = 24 },
	{ .kind = WN_TODAY_SLEEP, .y = 3, .x = 1, .w = 24 },
	{ .kind = WN_TODAY_CUSTOM, .idx = 0, .y = 4, .x = 1, .w = 24 },
	{ .kind = WN_TODAY_SYMPTOM, .idx = 0, .y = 7, .x = 1, .w = 17 },
	{ .kind = WN_TODAY_SYMPTOM, .idx = 1, .y = 7, .x = 19, .w = 17 },
	{ .kind = WN_TODAY_FLAG, .y = 10, .x = 12, .w = 28 },
	{ .kind = WN_TODAY_QUESTIONS, .y = 11, .x = 12, .w = 17 },
	{ .kind = WN_TODAY_QUICK, .y = 12, .x = 12, .w = 17 },
	{ .kind = WN_TODAY_NOTE, .y = 14, .x = 1, .w = 38 },
};

static void layout_40x12(struct wn_config *cfg, struct wn_symptom *sym)
{
	wn_config_defaults(cfg);
	cfg->n_metrics = 1;
	snprintf(cfg->metrics[0].name, sizeof cfg->metrics[0].name, "concentration");
	snprintf(sym[0].name, sizeof sym[0].name, "dizziness");
	snprintf(sym[1].name, sizeof sym[1].name, "brain zaps");
	struct wn_today_layout_in in = { .cfg = cfg, .sym = sym, .n_sym = 2,
		.n_med = 0, .n_lines = 0, .cols = 40, .body_top = 1, .body_rows = 9,
		.head_rows = 1, .editing = true };
	wn_today_layout(&in, &L);
}

/* The day's questions are fields, one a row under the prescriber row
 * (from column 13, where the "? " lines are drawn), and so are the quick
 * notes after them (to change or delete one).  From the prescriber row j
 * goes to the first question, from the last question to the quick note,
 * then to the note, and back up. */
Test(today_layout, questions_of_the_day_are_fields)
{
	struct wn_config cfg;
	struct wn_symptom sym[15];
	memset(sym, 0, sizeof sym);
	wn_config_defaults(&cfg);
	cfg.n_metrics = 0;
	name_symptoms(sym, 15, "s");
	struct wn_today_layout_in in = { .cfg = &cfg, .sym = sym, .n_sym = 15,
		.n_med = 1, .n_lines = 3, .n_questions = 2, .cols = 80, .body_top = 1,
		.body_rows = 21, .head_rows = 1 };
	wn_today_layout(&in, &L);
	static const struct want q[] = {
		{ .kind = WN_TODAY_QUESTION_LINE, .idx = 0, .y = 9, .x = 13, .w = 66 },
		{ .kind = WN_TODAY_QUESTION_LINE, .idx = 1, .y = 10, .x = 13, .w = 66 },
	};
	static const struct want qn = { .kind = WN_TODAY_QNOTE_LINE, .idx = 0, .y = 11,
	                                .x = 13, .w = 66 };
	for (size_t i = 0; i < 2; i++)
		expect_field(&q[i]);
	expect_field(&qn);
	cr_expect_eq(L.nf, 4 + 15 + 1 + 3 + 2 + 1 + 1);
	cr_expect_eq(L.rows, 12);
	const struct wn_today_field *flag = wn_today_layout_find(&L, WN_TODAY_FLAG, 0);
	const struct wn_today_field *f = wn_today_layout_move(&L, flag, WN_TODAY_DOWN);
	cr_assert(f && f->kind == WN_TODAY_QUESTION_LINE && f->idx == 0);
	f = wn_today_layout_move(&L, f, WN_TODAY_DOWN);
	cr_assert(f && f->kind == WN_TODAY_QUESTION_LINE && f->idx == 1);
	f = wn_today_layout_move(&L, f, WN_TODAY_DOWN);
	cr_assert(f && f->kind == WN_TODAY_QNOTE_LINE && f->idx == 0);
	f = wn_today_layout_move(&L, f, WN_TODAY_DOWN);
	cr_assert(f && f->kind == WN_TODAY_NOTE);
	f = wn_today_layout_move(&L, f, WN_TODAY_UP);
	cr_assert(f && f->kind == WN_TODAY_QNOTE_LINE && f->idx == 0);
	f = wn_today_layout_move(&L, f, WN_TODAY_UP);
	cr_assert(f && f->kind == WN_TODAY_QUESTION_LINE && f->idx == 1);
	const struct wn_today_field *q0 = wn_today_layout_find(&L, WN_TODAY_QUESTION_LINE, 0);
	f = wn_today_layout_move(&L, q0, WN_TODAY_UP);
	cr_assert(f && f->kind == WN_TODAY_FLAG, "up from the first question: %d", f ? f->kind : -1);
}

Test(today_layout, a_small_terminal_while_writing)
{
	struct wn_config cfg;
	struct wn_symptom sym[2];
	memset(sym, 0, sizeof sym);
	layout_40x12(&cfg, sym);
	for (size_t i = 0; i < sizeof at_40x12 / sizeof *at_40x12; i++)
		expect_field(&at_40x12[i]);
	cr_expect_eq(L.metric_lw, 13);
	cr_expect(L.grid_cols == 2 && L.grid_rows == 1 && L.name_w == 10);
	cr_expect(L.dose_y == 9 && L.presc_y == 10 && L.list_y == 13 && L.rows == 13);
	cr_expect(L.view_top == 3 && L.view_rows == 2, "view %d+%d", L.view_top,
	          L.view_rows);
	cr_expect(L.note_top == 6 && L.note_rows == 4, "note %d+%d", L.note_top,
	          L.note_rows);
}

/* Long names on 80 columns: 79 / 29 = 2 columns would do, but with more
 * than 8 symptoms three fit at 26 (names cut to 18). */
Test(today_layout, three_columns_of_long_names)
{
	struct wn_config cfg;
	struct wn_symptom sym[15];
	memset(sym, 0, sizeof sym);
	wn_config_defaults(&cfg);
	cfg.n_metrics = 0;
	name_symptoms(sym, 15, "a rather long name ");   /* 20 or 21 columns */
	struct wn_today_layout_in in = { .cfg = &cfg, .sym = sym, .n_sym = 15,
		.n_med = 1, .cols = 80, .body_top = 1, .body_rows = 21, .head_rows = 1 };
	wn_today_layout(&in, &L);
	cr_expect(L.grid_cols == 3 && L.grid_rows == 5 && L.cell_w == 26 &&
	          L.name_w == 18, "%d columns of %d", L.grid_cols, L.cell_w);
	expect_field(&(struct want){ .kind = WN_TODAY_SYMPTOM, .idx = 14,
	                             .y = 3 + 4, .x = 53, .w = 25 });
}

struct move_case {
	int kind, idx, dir;
	bool none;
	int to_kind, to_idx;
};

/* On the 80x24 layout above. */
static const struct move_case moves[] = {
	{ .kind = WN_TODAY_MOOD, .dir = WN_TODAY_RIGHT, .to_kind = WN_TODAY_ANXIETY },
	{ .kind = WN_TODAY_MOOD, .dir = WN_TODAY_LEFT, .none = true },
	{ .kind = WN_TODAY_MOOD, .dir = WN_TODAY_UP, .none = true },
	{ .kind = WN_TODAY_MOOD, .dir = WN_TODAY_DOWN, .to_kind = WN_TODAY_SYMPTOM },
	{ .kind = WN_TODAY_SLEEP, .dir = WN_TODAY_DOWN, .to_kind = WN_TODAY_SYMPTOM,
	  .to_idx = 12 },
	{ .kind = WN_TODAY_DOSE, .dir = WN_TODAY_UP, .to_kind = WN_TODAY_SYMPTOM,
	  .to_idx = 5 },
	{ .kind = WN_TODAY_NOTE, .dir = WN_TODAY_UP, .to_kind = WN_TODAY_QNOTE_LINE,
	  .to_idx = 1 },
	{ .kind = WN_TODAY_QNOTE_LINE, .dir = WN_TODAY_UP, .to_kind = WN_TODAY_FLAG },
	{ .kind = WN_TODAY_QUICK, .dir = WN_TODAY_LEFT, .to_kind = WN_TODAY_QUESTIONS },
	{ .kind = WN_TODAY_NOTE, .dir = WN_TODAY_DOWN, .none = true },
};

Test(today_layout, the_focus_moves_to_the_nearest_field)
{
	struct wn_config cfg;
	struct wn_symptom sym[15];
	memset(sym, 0, sizeof sym);
	layout_80x24(&cfg, sym);
	for (size_t i = 0; i < sizeof moves / sizeof *moves; i++) {
		const struct move_case *c = &moves[i];
		const struct wn_today_field *from = wn_today_layout_find(&L, c->kind, c->idx);
		const struct wn_today_field *to = wn_today_layout_move(&L, from, c->dir);
		if (c->none) {
			cr_expect_null(to, "case %zu", i);
			continue;
		}
		cr_assert_not_null(to, "case %zu", i);
		cr_expect(to->kind == c->to_kind && to->idx == c->to_idx,
		          "case %zu: to %d/%d", i, to->kind, to->idx);
	}
	/* an unknown field: the first one */
	cr_expect_eq(wn_today_layout_find(&L, WN_TODAY_SYMPTOM, 99), &L.f[0]);
}

struct scroll_case {
	int kind, scroll, want;
};

/* On the 40x12 layout (2 rows of content in view). */
static const struct scroll_case scrolls[] = {
	{ .kind = WN_TODAY_QUESTIONS, .scroll = 0, .want = 10 },
	{ .kind = WN_TODAY_QUESTIONS, .scroll = 12, .want = 11 },
	{ .kind = WN_TODAY_QUESTIONS, .scroll = 10, .want = 10 },
	{ .kind = WN_TODAY_MOOD, .scroll = 5, .want = 0 },
	{ .kind = WN_TODAY_NOTE, .scroll = 5, .want = 5 },
};

Test(today_layout, the_focus_stays_in_view)
{
	struct wn_config cfg;
	struct wn_symptom sym[2];
	memset(sym, 0, sizeof sym);
	layout_40x12(&cfg, sym);
	for (size_t i = 0; i < sizeof scrolls / sizeof *scrolls; i++) {
		const struct scroll_case *c = &scrolls[i];
		const struct wn_today_field *f = wn_today_layout_find(&L, c->kind, 0);
		cr_expect_eq(wn_today_layout_scroll(&L, f, c->scroll), c->want,
		             "case %zu", i);
	}
	cr_expect_eq(wn_today_layout_scroll(&L, NULL, 3), 3);
	struct wn_today_layout empty = { .nf = 0 };
	cr_expect_null(wn_today_layout_find(&empty, WN_TODAY_MOOD, 0));
}
