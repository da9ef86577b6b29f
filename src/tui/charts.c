/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charts.c -- the Charts screen: the trend of one series over a range
 * (the taper's steps on the time axis, the planned dose over the burden,
 * the 7-day average), what the series says about the taper beside the
 * chart (or below it on a narrow terminal), and a sparkline of every
 * symptom with its trend.  Read-only.
 *
 * Loading and drawing are chartview.h's, as for `wean chart`.  The diary
 * is read when the screen is entered and when the series or the range
 * changes; a resize only renders the kept data again, at the new size. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/chart.h"
#include "core/charts_layout.h"
#include "db/chartdata.h"
#include "core/insight.h"
#include "db/series.h"
#include "db/db.h"
#include "core/text.h"
#include "core/wrap.h"
#include "tui.h"
#include "core/records.h"

#define ALL_DAYS 36600L          /* "all time" at most (as `wean chart --all`) */
#define TREND_DAYS (2 * WN_INSIGHT_RECENT_DAYS)

static const struct range_def {
	const char *name;
	long days;                   /* 0 = all time */
} ranges[] = {
	{ "last 2 weeks", 14 }, { "last month", 30 }, { "last 3 months", 90 },
	{ "last year", 365 }, { "all time", 0 },
};
#define N_RANGES ((int)(sizeof ranges / sizeof ranges[0]))
#define DEFAULT_RANGE 2

/* A symptom's small multiple. */
struct spark {
	const struct wn_series_what *what;   /* in charts.series */
	struct wn_insight_trend trend;
	struct wn_chart_buf buf;
};

/* The Charts screen's state: the series, what was read, what was
 * rendered for which size. */
struct charts {
	bool loaded, started;
	struct wn_series_what *series;
	size_t n_series, cur;
	int range;
	wn_date from, to;
	struct wn_chartview cv;
	struct wn_buf figures;               /* chartview's text, lines */
	struct spark *sp;
	size_t n_sp;
	long *sp_ids;                        /* the symptoms' ids, as sp */
	double *spv;                         /* every symptom's sparkline, a
	                                        mean per column (spark_w) */
	/* what was rendered, for which size */
	struct wn_chart_buf chart;
	int chart_w, chart_h, spark_w;
	int col_span, col_k;                 /* by month: a sparkline column
	                                        is col_k periods of col_span
	                                        months; 0: days */
	bool chart_ok, ascii;
	bool chart_drawn;                    /* the chart of the series loaded */
	bool show_figures;                   /* narrow: figures below, not symptoms */
	int scroll, scroll_max;              /* rows scrolled in the panels */
};

/* ---- layout (core/charts_layout.h) ------------------------------------ */

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static struct wn_charts_layout geometry(const struct wn_ui *ui, const struct charts *cs)
{
	struct wn_charts_layout g;
	struct wn_charts_layout_in in = { .body_top = ui->body_top,
		.body_rows = ui->body_rows, .cols = ui->cols, .n_sparks = cs->n_sp };
	wn_charts_layout(&in, &g);
	return g;
}

static struct wn_box box_of(struct wn_charts_box b)
{
	return WN_BOX(b.y, b.x, b.h, b.w);
}

/* ---- loading ------------------------------------------------------------ */

static void free_sparks(struct charts *cs)
{
	for (size_t i = 0; i < cs->n_sp; i++)
		wn_chart_buf_free(&cs->sp[i].buf);
	free(cs->sp);
	free(cs->spv);
	free(cs->sp_ids);
	cs->sp = NULL;
	cs->spv = NULL;
	cs->sp_ids = NULL;
	cs->n_sp = 0;
}

static bool same_series(const struct wn_series_what *a, const struct wn_series_what *b)
{
	return a->kind == b->kind && a->id == b->id && !strcmp(a->name, b->name);
}

/* Every series that can be charted; the one shown stays shown. */
static int load_list(struct wn_ui *ui, struct charts *cs, struct wn_err *err)
{
	struct wn_series_what *w = NULL, keep = { .kind = WN_SERIES_BURDEN };
	size_t n = 0;
	if (cs->series)
		keep = cs->series[cs->cur];
	int rc = wn_chartdata_list(&(struct wn_series_names){ ui->db, ui->cfg },
	                           &w, &n, err);
	if (rc != WN_OK)
		return rc;
	free(cs->series);
	cs->series = w;
	cs->n_series = n;
	cs->cur = 0;
	for (size_t i = 0; i < n; i++)
		if (same_series(&w[i], &keep))
			cs->cur = i;
	return WN_OK;
}

static int set_range(struct wn_ui *ui, struct charts *cs, struct wn_err *err)
{
	long days = ranges[cs->range].days;
	if (days == 0)
		return wn_chartdata_span(ui->db, ui->today, ALL_DAYS, &cs->from, &cs->to, err);
	cs->to = ui->today;
	return wn_chartdata_default_from(ui->db, cs->to, days, &cs->from, err);
}

/* Every shown symptom's trend: the four weeks it needs, in one read of
 * their ratings (the sparklines are read by column when drawn). */
static int read_trends(struct wn_ui *ui, struct charts *cs, struct wn_err *err)
{
	wn_date from = cs->to - TREND_DAYS + 1;
	size_t days = TREND_DAYS;
	double *v = malloc((cs->n_sp ? cs->n_sp : 1) * days * sizeof *v);
	if (!v)
		return wn_err_set(err, WN_ERR, "out of memory");
	struct wn_chartdata_symptoms q = { cs->sp_ids, cs->n_sp, from, cs->to };
	int rc = wn_chartdata_symptoms(ui->db, &q, v, err);
	for (size_t i = 0; rc == WN_OK && i < cs->n_sp; i++)
		wn_insight_trend(&(struct wn_insight_series){ from, days, v + i * days },
		                 wn_chartview_steady(cs->sp[i].what), &cs->sp[i].trend);
	free(v);
	return rc;
}

static int load_sparks(struct wn_ui *ui, struct charts *cs, struct wn_err *err)
{
	free_sparks(cs);
	size_t n = 0;
	for (size_t i = 0; i < cs->n_series; i++)
		n += cs->series[i].kind == WN_SERIES_SYMPTOM;
	cs->sp = calloc(n ? n : 1, sizeof *cs->sp);
	cs->sp_ids = calloc(n ? n : 1, sizeof *cs->sp_ids);
	int rc = cs->sp && cs->sp_ids ? WN_OK : wn_err_set(err, WN_ERR, "out of memory");
	for (size_t i = 0; rc == WN_OK && i < cs->n_series; i++) {
		if (cs->series[i].kind != WN_SERIES_SYMPTOM)
			continue;
		cs->sp_ids[cs->n_sp] = cs->series[i].id;
		cs->sp[cs->n_sp].what = &cs->series[i];
		wn_chart_buf_init(&cs->sp[cs->n_sp++].buf);
	}
	if (rc == WN_OK)
		rc = read_trends(ui, cs, err);
	return rc;
}

/* The series shown: its days, the taper, the figures. */
static int load_view(struct wn_ui *ui, struct charts *cs, struct wn_err *err)
{
	wn_chartview_free(&cs->cv);
	wn_buf_reset(&cs->figures);
	cs->chart_ok = false;
	cs->chart_drawn = false;
	struct wn_chartview_req q = { .what = &cs->series[cs->cur], .from = cs->from,
	                              .to = cs->to, .width = geometry(ui, cs).chart.w };
	int rc = wn_chartdata_load(ui->db, &q, &cs->cv, err);
	if (rc == WN_OK)
		rc = wn_chartview_insight(&cs->cv, &cs->figures, err);
	return rc;
}

/* what: 0 the series only, 1 the range too, 2 everything. */
static int load(struct wn_ui *ui, struct charts *cs, int what, struct wn_err *err)
{
	int rc = WN_OK;
	cs->loaded = false;
	if (what >= 2)
		rc = load_list(ui, cs, err);
	if (rc == WN_OK && cs->n_series == 0)
		rc = wn_err_set(err, WN_ERR, "nothing to chart");
	if (rc == WN_OK && what >= 1 && (rc = set_range(ui, cs, err)) == WN_OK) {
		rc = load_sparks(ui, cs, err);
		cs->spark_w = 0;
	}
	if (rc == WN_OK)
		rc = load_view(ui, cs, err);
	cs->loaded = rc == WN_OK;
	return rc;
}

/* ---- rendering (only when the size changed) ----------------------------- */

static void render_chart(struct wn_ui *ui, struct charts *cs,
                         const struct wn_charts_box *g)
{
	bool same = cs->chart_w == g->w && cs->chart_h == g->h && cs->ascii == ui->ascii;
	if (same && cs->chart_drawn)
		return;
	struct wn_err err = { 0 };
	cs->chart_w = g->w;
	cs->chart_h = g->h;
	if (cs->ascii != ui->ascii)
		cs->spark_w = 0;             /* their glyphs change too */
	cs->ascii = ui->ascii;
	cs->chart_drawn = true;
	const struct wn_chartview_size sz = { g->w, g->h, ui->ascii };
	cs->chart_ok = wn_chartview_render(&cs->cv, &sz, &cs->chart, &err) == WN_OK;
	if (!cs->chart_ok)
		wn_ui_msg_err(ui, "cannot draw the chart", &err);
}

/* Columns of whole months for sparklines w wide over a long range: k
 * periods of span months (1 or 12) each, the fewest that fit. */
static void month_columns(const struct charts *cs, int w, int *span, int *k)
{
	static const int months[] = { 1, 2, 3, 4, 6 };
	size_t n = wn_chartdata_periods(cs->from, cs->to, 1);
	*span = 1;
	for (size_t i = 0; i < sizeof months / sizeof *months; i++) {
		*k = months[i];
		if ((n + (size_t)*k - 1) / (size_t)*k <= (size_t)w)
			return;
	}
	*span = 12;
	n = wn_chartdata_periods(cs->from, cs->to, 12);
	*k = (int)((n + (size_t)w - 1) / (size_t)w);
}

/* Every symptom's mean per column of k periods of span months (the
 * summary's sums over its counts: the mean of the column's days with
 * data); returns the columns, 0 on an error (err set). */
static int spark_months(struct wn_ui *ui, struct charts *cs, int span, int k,
                        struct wn_err *err)
{
	size_t n = wn_chartdata_periods(cs->from, cs->to, span);
	size_t cols = (n + (size_t)k - 1) / (size_t)k;
	double *sum = malloc(n * sizeof *sum);
	long *cnt = malloc(n * sizeof *cnt);
	cs->spv = malloc((cs->n_sp ? cs->n_sp : 1) * cols * sizeof *cs->spv);
	int rc = sum && cnt && cs->spv ? WN_OK : wn_err_set(err, WN_ERR, "out of memory");
	for (size_t i = 0; rc == WN_OK && i < cs->n_sp; i++) {
		struct wn_chartdata_months q = { cs->sp[i].what, cs->from, cs->to, span };
		rc = wn_chartdata_months(ui->db, &q, sum, cnt, err);
		for (size_t x = 0; rc == WN_OK && x < cols; x++) {
			double s = 0;
			long c = 0;
			for (size_t j = x * (size_t)k; j < n && j < (x + 1) * (size_t)k; j++) {
				s += sum[j];
				c += cnt[j];
			}
			cs->spv[i * cols + x] = c > 0 ? s / (double)c : NAN;
		}
	}
	free(sum);
	free(cnt);
	return rc == WN_OK ? (int)cols : 0;
}

/* The sparklines at width w: a mean per column, aggregated by the
 * diary (db/chartdata.h), read again only when w changes.  When the
 * chart is read by month, each column is whole months or years
 * (spark_months; the heading says how many). */
static void render_sparks(struct wn_ui *ui, struct charts *cs,
                          const struct wn_charts_layout *g)
{
	long days = cs->to - cs->from + 1;
	int w = wn_charts_layout_spark_width(g, days);
	if (cs->spark_w == w)
		return;
	cs->spark_w = w;
	int cols = w < days ? w : (int)days;
	struct wn_chart_opts o = { .width = w, .height = 1, .ascii = ui->ascii };
	struct wn_err err = { 0 };
	free(cs->spv);
	cs->spv = NULL;
	cs->col_span = cs->col_k = 0;
	bool ok;
	if (cs->cv.by_month) {
		month_columns(cs, w, &cs->col_span, &cs->col_k);
		cols = spark_months(ui, cs, cs->col_span, cs->col_k, &err);
		ok = cols > 0;
	} else {
		cs->spv = malloc((cs->n_sp ? cs->n_sp : 1) * (size_t)cols * sizeof *cs->spv);
		struct wn_chartdata_sparks q = { cs->sp_ids, cs->n_sp, cs->from, cs->to, cols };
		ok = cs->spv && wn_chartdata_sparks(ui->db, &q, cs->spv, &err) == WN_OK;
	}
	if (!ok)
		wn_ui_msg_err(ui, "cannot read the symptoms", &err);
	for (size_t i = 0; i < cs->n_sp; i++) {
		struct spark *p = &cs->sp[i];
		struct wn_chart_series s = { .start = cs->from, .n = (size_t)cols,
			.v = ok ? cs->spv + i * (size_t)cols : NULL,
			.lo = p->what->lo, .hi = p->what->hi };
		if (!ok || wn_chart_sparkline(&p->buf, &s, &o, &err) != WN_OK)
			p->buf.width = 0;
	}
}

/* ---- drawing ------------------------------------------------------------ */

static int chart_role(int role)
{
	static const int map[] = {
		[WN_CHART_BLANK] = WN_R_NORMAL, [WN_CHART_TITLE] = WN_R_HEADING,
		[WN_CHART_LABEL] = WN_R_NORMAL, [WN_CHART_AXIS] = WN_R_DIM,
		[WN_CHART_LINE] = WN_R_VALUE, [WN_CHART_RANGE] = WN_R_DIM,
		[WN_CHART_AVG] = WN_R_NORMAL, [WN_CHART_DOSE] = WN_R_SAVED,
		[WN_CHART_STEP] = WN_R_NOTICE, [WN_CHART_GAP] = WN_R_DIM,
		[WN_CHART_BAR] = WN_R_VALUE,
	};
	return role >= 0 && role < (int)(sizeof map / sizeof *map) ? map[role]
	                                                           : WN_R_NORMAL;
}

/* Copies row r of a rendering to the screen, a run of one role at a time
 * (blank runs are already blank). */
static void blit_row(struct wn_ui *ui, const struct wn_chart_buf *b, int r,
                     struct wn_cell at)
{
	int y = at.y, x = at.x;
	char run[WN_CHART_MAX_WIDTH * 4 + 1];
	int c = 0;
	while (c < b->width) {
		int role = wn_chart_cell(b, c, r)->role, start = c;
		size_t len = 0;
		const struct wn_chart_cell *cell;
		while (c < b->width && (cell = wn_chart_cell(b, c, r))->role == role) {
			size_t l = strlen(cell->ch);
			memcpy(run + len, cell->ch, l);
			len += l;
			c++;
		}
		run[len] = '\0';
		if (role != WN_CHART_BLANK)
			wn_ui_put(ui, WN_CELL(y, x + start, c - start, chart_role(role)), run);
	}
}

static void draw_chart(struct wn_ui *ui, const struct charts *cs,
                       const struct wn_charts_box *g)
{
	if (!cs->chart_ok)
		return;
	for (int r = 0; r < cs->chart.height && r < g->h; r++)
		blit_row(ui, &cs->chart, r, WN_CELL(g->y + r, g->x, g->w, 0));
}

/* "rising (worse)", "steady", ... for a symptom (higher is worse). */
static const char *trend_words(const struct wn_insight_trend *t)
{
	if (!isfinite(t->change))
		return "too few days";
	return t->direction > 0 ? "rising (worse)" : t->direction < 0 ?
	       "falling (better)" : "steady";
}

static int trend_role(const struct wn_insight_trend *t)
{
	return !isfinite(t->change) ? WN_R_DIM : t->direction > 0 ? WN_R_MODERATE :
	       t->direction < 0 ? WN_R_SAVED : WN_R_NORMAL;
}

/* A symptom's line in the box b (one row high). */
static void draw_spark(struct wn_ui *ui, const struct charts *cs,
                       const struct spark *p, const struct wn_box *b)
{
	int y = b->y;
	bool shown = p->what == &cs->series[cs->cur];
	char name[WN_NAME_MAX + 8], now[32];
	snprintf(name, sizeof name, "%s%s", shown ? ui->g->focus : " ", p->what->name);
	wn_ui_put(ui, WN_CELL(y, b->x, WN_CHARTS_NAME_W - 1,
	                      shown ? WN_R_HEADING : WN_R_NORMAL), name);
	int x = b->x + WN_CHARTS_NAME_W;
	if (p->buf.width > 0)
		blit_row(ui, &p->buf, 0, WN_CELL(y, x, cs->spark_w, 0));
	x += cs->spark_w + 2;
	if (isfinite(p->trend.recent))
		snprintf(now, sizeof now, "now %.1f", p->trend.recent);
	else
		snprintf(now, sizeof now, "now %s", ui->g->dash);
	wn_ui_put(ui, WN_CELL(y, x, 8, WN_R_NORMAL), now);
	wn_ui_put(ui, WN_CELL(y, x + 9, b->x + b->w - x - 9, trend_role(&p->trend)),
	          trend_words(&p->trend));
}

/* "more" arrows at the right edge when the list goes on. */
static void draw_more(struct wn_ui *ui, const struct wn_box *b, bool up, bool down)
{
	int x = b->x + b->w - 1;
	if (up)
		wn_ui_put(ui, WN_CELL(b->y, x, 1, WN_R_DIM), ui->ascii ? "^" : "\u2191");
	if (down)
		wn_ui_put(ui, WN_CELL(b->y + b->h - 1, x, 1, WN_R_DIM),
		          ui->ascii ? "v" : "\u2193");
}

/* The first row to show of n in rows: the scroll, within bounds; the
 * panel that scrolls furthest bounds the scroll itself (charts_draw). */
static int first_row(struct charts *cs, int n, int rows)
{
	int max = n - rows > 0 ? n - rows : 0;
	if (max > cs->scroll_max)
		cs->scroll_max = max;
	return clamp(cs->scroll, 0, max);
}

static void draw_sparks(struct wn_ui *ui, struct charts *cs, const struct wn_box *b)
{
	if (b->h < 2)
		return;
	wn_ui_put(ui, WN_CELL(b->y, b->x, b->w, WN_R_HEADING),
	          cs->n_sp ? "Symptoms (0-3)" : "Symptoms: none shown");
	int x = b->x + WN_CHARTS_NAME_W;
	char what[96] = "";
	if (cs->col_k > 0) {
		int n = cs->col_span * cs->col_k;
		if (n % 12 == 0)
			snprintf(what, sizeof what, "a column: %d year%s; ", n / 12,
			         n == 12 ? "" : "s");
		else
			snprintf(what, sizeof what, "a column: %d month%s; ", n, n == 1 ? "" : "s");
	}
	snprintf(what + strlen(what), sizeof what - strlen(what), "%s",
	         cs->col_k > 0 ? "now: last 14 days, trend: vs the 14 before"
	                       : "now: mean of the last 14 days; trend: vs the 14 before");
	wn_ui_put(ui, WN_CELL(b->y, x, b->w - WN_CHARTS_NAME_W, WN_R_DIM), what);
	struct wn_box list = WN_BOX(b->y + 1, b->x, b->h - 1, b->w);
	int top = first_row(cs, (int)cs->n_sp, list.h);
	for (int r = 0; r < list.h && top + r < (int)cs->n_sp; r++)
		draw_spark(ui, cs, &cs->sp[top + r],
		           &WN_BOX(list.y + r, list.x, 1, list.w));
	draw_more(ui, &list, top > 0, top + list.h < (int)cs->n_sp);
}

/* The figures, one text line after another, long lines wrapped with a
 * hanging indent, from row top on, in b; returns the rows they take
 * (top < 0 only counts them). */
static int figure_rows(struct wn_ui *ui, const struct charts *cs,
                       const struct wn_box *b, int top)
{
	const char *s = cs->figures.s ? cs->figures.s : "";
	int row = 0;
	while (*s) {
		size_t len = strcspn(s, "\n");
		char line[1024];
		snprintf(line, sizeof line, "%.*s", (int)len, s);
		struct wn_wrap_line wl[16];
		int w = wn_text_width(line) > b->w ? b->w - 10 : b->w;
		size_t n = wn_wrap(line, w, wl, 16);
		for (size_t i = 0; i < n && i < 16; i++, row++) {
			int y = b->y + row - top, indent = i ? 10 : 0;
			if (top >= 0 && y >= b->y && y < b->y + b->h) {
				char piece[1024];
				snprintf(piece, sizeof piece, "%.*s", (int)wl[i].len, line + wl[i].off);
				wn_ui_put(ui, WN_CELL(y, b->x + indent, b->w - indent, WN_R_NORMAL),
				          piece + (i ? strspn(piece, " ") : 0));
			}
		}
		s += len + (s[len] == '\n');
	}
	return row;
}

static void draw_figures(struct wn_ui *ui, struct charts *cs, const struct wn_box *b)
{
	if (b->h < 2)
		return;
	char title[WN_NAME_MAX + 64];
	char name[WN_NAME_MAX + 8];
	snprintf(title, sizeof title, "%s, %s",
	         wn_series_title(&cs->series[cs->cur], name, sizeof name),
	         ranges[cs->range].name);
	wn_ui_put(ui, WN_CELL(b->y, b->x, b->w, WN_R_HEADING), title);
	struct wn_box text = WN_BOX(b->y + 1, b->x, b->h - 1, b->w);
	int n = figure_rows(ui, cs, &text, -1);
	int top = first_row(cs, n, text.h);
	figure_rows(ui, cs, &text, top);
	draw_more(ui, &text, top > 0, top + text.h < n);
}

static void charts_draw(struct wn_ui *ui, void *state)
{
	struct charts *cs = state;
	if (!cs->loaded) {
		wn_ui_put(ui, WN_CELL(ui->body_top, 1, ui->cols - 2, WN_R_DIM),
		          "the diary could not be read");
		return;
	}
	struct wn_charts_layout g = geometry(ui, cs);
	struct wn_box panel = box_of(g.panel), lower = box_of(g.lower);
	render_chart(ui, cs, &g.chart);
	render_sparks(ui, cs, &g);
	draw_chart(ui, cs, &g.chart);
	cs->scroll_max = 0;
	if (g.side)
		draw_figures(ui, cs, &panel);
	if (cs->show_figures && !g.side)
		draw_figures(ui, cs, &lower);
	else
		draw_sparks(ui, cs, &lower);
	cs->scroll = clamp(cs->scroll, 0, cs->scroll_max);
}

/* ---- actions and hooks -------------------------------------------------- */

static void reload(struct wn_ui *ui, struct charts *cs, int what)
{
	struct wn_err err = { 0 };
	cs->scroll = 0;
	if (load(ui, cs, what, &err) != WN_OK)
		wn_ui_msg_err(ui, "cannot read the diary", &err);
}

static void step_series(struct wn_ui *ui, struct charts *cs, int by)
{
	if (cs->n_series == 0)
		return;
	size_t n = cs->n_series;
	cs->cur = by > 0 ? (cs->cur + 1) % n : (cs->cur + n - 1) % n;
	reload(ui, cs, 0);
}

static void step_range(struct wn_ui *ui, struct charts *cs, int by)
{
	cs->range = (cs->range + by + N_RANGES) % N_RANGES;
	reload(ui, cs, 1);
}

static int page(const struct wn_ui *ui, const struct charts *cs)
{
	struct wn_charts_layout g = geometry(ui, cs);
	return wn_charts_layout_page(&g);
}

static bool charts_action(struct wn_ui *ui, void *state, int action, int arg)
{
	(void)arg;
	struct charts *cs = state;
	switch (action) {
	case WN_A_NEXT_SERIES: step_series(ui, cs, 1); return true;
	case WN_A_PREV_SERIES: step_series(ui, cs, -1); return true;
	case WN_A_NEXT_RANGE: step_range(ui, cs, 1); return true;
	case WN_A_PREV_RANGE: step_range(ui, cs, -1); return true;
	case WN_A_FIGURES:
		if (geometry(ui, cs).side)
			wn_ui_msg(ui, WN_R_DIM, "the figures are beside the chart");
		cs->show_figures = !cs->show_figures;
		cs->scroll = 0;
		return true;
	case WN_A_UP: cs->scroll--; return true;
	case WN_A_DOWN: cs->scroll++; return true;
	case WN_A_PGUP: cs->scroll -= page(ui, cs); return true;
	case WN_A_PGDN: cs->scroll += page(ui, cs); return true;
	default: return false;
	}
}

static int charts_enter(struct wn_ui *ui, void *state, struct wn_err *err)
{
	struct charts *cs = state;
	if (!cs->started) {
		wn_buf_init(&cs->figures);
		cs->range = DEFAULT_RANGE;
	}
	cs->started = true;
	return load(ui, cs, 2, err);
}

static void charts_title(struct wn_ui *ui, void *state, char *buf, size_t n)
{
	const struct charts *cs = state;
	snprintf(buf, n, "Charts%s%s", ui->g->sep, ranges[cs->range].name);
}

static void charts_fini(struct wn_ui *ui, void *state)
{
	(void)ui;
	struct charts *cs = state;
	free_sparks(cs);
	wn_chartview_free(&cs->cv);
	wn_chart_buf_free(&cs->chart);
	if (cs->started)
		wn_buf_free(&cs->figures);
	free(cs->series);
	memset(cs, 0, sizeof *cs);
}

const struct wn_screen wn_screen_charts = {
	.name = "Charts",
	.number = 4,
	.scope = WN_SC_CHARTS,
	.state_size = sizeof(struct charts),
	.enter = charts_enter,
	.title = charts_title,
	.draw = charts_draw,
	.action = charts_action,
	.fini = charts_fini,
};
