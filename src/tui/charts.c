/* ui_charts.c -- the Charts screen: the trend of one series over a range
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
#include "db/chartview.h"
#include "core/insight.h"
#include "db/series.h"
#include "db/db.h"
#include "core/text.h"
#include "core/wrap.h"
#include "tui.h"
#include "core/records.h"

#define ALL_DAYS 36600L          /* "all time" at most (as `wean chart --all`) */
#define TREND_DAYS (2 * WN_INSIGHT_RECENT_DAYS)
#define PANEL_MIN 72             /* columns of the figures beside the chart */
#define PANEL_MAX 84
#define SIDE_MIN_CHART 80        /* chart columns needed to put them beside */
#define NAME_W 22                /* symptom names before their sparklines */
#define TAIL_W 29                /* "  now 1.2  falling (better)" and a margin */
#define MAX_CHART_H 40

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
	const struct wn_series_what *what;   /* in S.series */
	const double *v;                     /* in S.spv: S.from - back .. S.to */
	size_t back;                         /* days before S.from, for the trend */
	struct wn_insight_trend trend;
	struct wn_chart_buf buf;
};

static struct charts {
	bool loaded, started;
	struct wn_series_what *series;
	size_t n_series, cur;
	int range;
	wn_date from, to;
	struct wn_chartview cv;
	struct wn_buf figures;               /* chartview's text, lines */
	struct spark *sp;
	size_t n_sp;
	double *spv;                         /* every symptom's days, one read */
	/* what was rendered, for which size */
	struct wn_chart_buf chart;
	int chart_w, chart_h, spark_w;
	bool chart_ok, ascii;
	bool show_figures;                   /* narrow: figures below, not symptoms */
	int scroll, scroll_max;              /* rows scrolled in the panels */
} S = { .range = DEFAULT_RANGE };

/* ---- layout ------------------------------------------------------------- */

struct geom {
	int x, y, w, h;                      /* the chart */
	bool side;                           /* figures beside the chart */
	struct wn_box panel;                 /* figures beside, or h == 0 */
	struct wn_box lower;                 /* below the chart, or h == 0 */
};

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static struct geom geometry(const struct wn_ui *ui)
{
	struct geom g = { .x = 1, .y = ui->body_top };
	int rows = ui->body_rows, cols = ui->cols - 2;
	if (cols < WN_CHART_MIN_WIDTH) {
		g.x = 0;
		cols = ui->cols;
	}
	int pw = clamp(cols - 3 - SIDE_MIN_CHART, 0, PANEL_MAX);
	g.side = pw >= PANEL_MIN;
	g.w = g.side ? cols - 3 - pw : cols;
	/* three fifths of the rows, more when all the sparklines fit below */
	int h = rows * 3 / 5, all = rows - 2 - (int)S.n_sp;
	g.h = clamp(all > h ? all : h, WN_CHART_MIN_HEIGHT, MAX_CHART_H);
	if (rows - g.h - 1 < 3)
		g.h = rows;
	if (g.side)
		g.panel = WN_BOX(g.y, g.x + g.w + 3, rows, pw);
	if (g.h < rows)
		g.lower = WN_BOX(g.y + g.h + 1, g.x, rows - g.h - 1, g.w);
	return g;
}

/* ---- loading ------------------------------------------------------------ */

static void free_sparks(void)
{
	for (size_t i = 0; i < S.n_sp; i++)
		wn_chart_buf_free(&S.sp[i].buf);
	free(S.sp);
	free(S.spv);
	S.sp = NULL;
	S.spv = NULL;
	S.n_sp = 0;
}

static bool same_series(const struct wn_series_what *a, const struct wn_series_what *b)
{
	return a->kind == b->kind && a->id == b->id && !strcmp(a->name, b->name);
}

/* Every series that can be charted; the one shown stays shown. */
static int load_list(struct wn_ui *ui, struct wn_err *err)
{
	struct wn_series_what *w = NULL, keep = { .kind = WN_SERIES_BURDEN };
	size_t n = 0;
	if (S.series)
		keep = S.series[S.cur];
	int rc = wn_chartview_list(&(struct wn_series_names){ ui->db, ui->cfg },
	                           &w, &n, err);
	if (rc != WN_OK)
		return rc;
	free(S.series);
	S.series = w;
	S.n_series = n;
	S.cur = 0;
	for (size_t i = 0; i < n; i++)
		if (same_series(&w[i], &keep))
			S.cur = i;
	return WN_OK;
}

static int set_range(struct wn_ui *ui, struct wn_err *err)
{
	long days = ranges[S.range].days;
	if (days == 0)
		return wn_chartview_span(ui->db, ui->today, ALL_DAYS, &S.from, &S.to, err);
	S.to = ui->today;
	S.from = S.to - days + 1;
	return WN_OK;
}

/* Every shown symptom over the range, and the four weeks its trend
 * needs, in one read of the ratings. */
static int read_sparks(struct wn_ui *ui, long *ids, struct wn_err *err)
{
	wn_date from = S.from;
	if (S.to - from + 1 < TREND_DAYS)
		from = S.to - TREND_DAYS + 1;
	size_t days = (size_t)(S.to - from + 1);
	S.spv = malloc((S.n_sp ? S.n_sp : 1) * days * sizeof *S.spv);
	if (!S.spv)
		return wn_err_set(err, WN_ERR, "out of memory");
	struct wn_chartview_symptoms q = { ids, S.n_sp, from, S.to };
	int rc = wn_chartview_symptoms(ui->db, &q, S.spv, err);
	for (size_t i = 0; rc == WN_OK && i < S.n_sp; i++) {
		struct spark *p = &S.sp[i];
		p->v = S.spv + i * days;
		p->back = (size_t)(S.from - from);
		wn_insight_trend(&(struct wn_insight_series){ from, days, p->v },
		                 wn_chartview_steady(p->what), &p->trend);
	}
	return rc;
}

static int load_sparks(struct wn_ui *ui, struct wn_err *err)
{
	free_sparks();
	size_t n = 0;
	for (size_t i = 0; i < S.n_series; i++)
		n += S.series[i].kind == WN_SERIES_SYMPTOM;
	S.sp = calloc(n ? n : 1, sizeof *S.sp);
	long *ids = calloc(n ? n : 1, sizeof *ids);
	int rc = S.sp && ids ? WN_OK : wn_err_set(err, WN_ERR, "out of memory");
	for (size_t i = 0; rc == WN_OK && i < S.n_series; i++) {
		if (S.series[i].kind != WN_SERIES_SYMPTOM)
			continue;
		ids[S.n_sp] = S.series[i].id;
		S.sp[S.n_sp].what = &S.series[i];
		wn_chart_buf_init(&S.sp[S.n_sp++].buf);
	}
	if (rc == WN_OK)
		rc = read_sparks(ui, ids, err);
	free(ids);
	return rc;
}

/* The series shown: its days, the taper, the figures. */
static int load_view(struct wn_ui *ui, struct wn_err *err)
{
	wn_chartview_free(&S.cv);
	wn_buf_reset(&S.figures);
	S.chart_ok = false;
	S.chart_w = 0;
	struct wn_chartview_req q = { .what = &S.series[S.cur], .from = S.from,
	                              .to = S.to };
	int rc = wn_chartview_load(ui->db, &q, &S.cv, err);
	if (rc == WN_OK)
		rc = wn_chartview_insight(&S.cv, &S.figures, err);
	return rc;
}

/* what: 0 the series only, 1 the range too, 2 everything. */
static int load(struct wn_ui *ui, int what, struct wn_err *err)
{
	int rc = WN_OK;
	S.loaded = false;
	if (what >= 2)
		rc = load_list(ui, err);
	if (rc == WN_OK && S.n_series == 0)
		rc = wn_err_set(err, WN_ERR, "nothing to chart");
	if (rc == WN_OK && what >= 1 && (rc = set_range(ui, err)) == WN_OK) {
		rc = load_sparks(ui, err);
		S.spark_w = 0;
	}
	if (rc == WN_OK)
		rc = load_view(ui, err);
	S.loaded = rc == WN_OK;
	return rc;
}

/* ---- rendering (only when the size changed) ----------------------------- */

static void render_chart(struct wn_ui *ui, const struct geom *g)
{
	if (S.chart_w == g->w && S.chart_h == g->h && S.ascii == ui->ascii)
		return;
	struct wn_err err = { 0 };
	S.chart_w = g->w;
	S.chart_h = g->h;
	S.ascii = ui->ascii;
	S.spark_w = 0;
	const struct wn_chartview_size sz = { g->w, g->h, ui->ascii };
	S.chart_ok = wn_chartview_render(&S.cv, &sz, &S.chart, &err) == WN_OK;
	if (!S.chart_ok)
		wn_ui_msg_err(ui, "cannot draw the chart", &err);
}

/* Sparkline columns: what is left of the row, at most one per day. */
static int spark_width(const struct geom *g)
{
	long days = S.to - S.from + 1;
	int w = g->w - NAME_W - TAIL_W;
	if (w > days)
		w = (int)days;
	return w < 1 ? 1 : w > WN_CHART_MAX_WIDTH ? WN_CHART_MAX_WIDTH : w;
}

static void render_sparks(struct wn_ui *ui, const struct geom *g)
{
	int w = spark_width(g);
	if (S.spark_w == w)
		return;
	S.spark_w = w;
	struct wn_chart_opts o = { .width = w, .height = 1, .ascii = ui->ascii };
	for (size_t i = 0; i < S.n_sp; i++) {
		struct spark *p = &S.sp[i];
		struct wn_chart_series s = { .start = S.from, .n = (size_t)(S.to - S.from + 1),
			.v = p->v + p->back, .lo = p->what->lo, .hi = p->what->hi };
		struct wn_err err = { 0 };
		if (wn_chart_sparkline(&p->buf, &s, &o, &err) != WN_OK)
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

static void draw_chart(struct wn_ui *ui, const struct geom *g)
{
	if (!S.chart_ok)
		return;
	for (int r = 0; r < S.chart.height && r < g->h; r++)
		blit_row(ui, &S.chart, r, WN_CELL(g->y + r, g->x, g->w, 0));
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

static void draw_spark(struct wn_ui *ui, const struct spark *p, int y,
                       const struct wn_box *b)
{
	bool shown = p->what == &S.series[S.cur];
	char name[WN_NAME_MAX + 8], now[32];
	snprintf(name, sizeof name, "%s%s", shown ? ui->g->focus : " ", p->what->name);
	wn_ui_put(ui, WN_CELL(y, b->x, NAME_W - 1, shown ? WN_R_HEADING : WN_R_NORMAL),
	          name);
	int x = b->x + NAME_W;
	if (p->buf.width > 0)
		blit_row(ui, &p->buf, 0, WN_CELL(y, x, S.spark_w, 0));
	x += S.spark_w + 2;
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

/* The first row to show of n in rows: S.scroll, within bounds; the
 * panel that scrolls furthest bounds S.scroll itself (charts_draw). */
static int first_row(int n, int rows)
{
	int max = n - rows > 0 ? n - rows : 0;
	if (max > S.scroll_max)
		S.scroll_max = max;
	return clamp(S.scroll, 0, max);
}

static void draw_sparks(struct wn_ui *ui, const struct wn_box *b)
{
	if (b->h < 2)
		return;
	wn_ui_put(ui, WN_CELL(b->y, b->x, b->w, WN_R_HEADING),
	          S.n_sp ? "Symptoms (0-3)" : "Symptoms: none shown");
	int x = b->x + NAME_W;
	wn_ui_put(ui, WN_CELL(b->y, x, b->w - NAME_W, WN_R_DIM),
	          "now: mean of the last 14 days; trend: vs the 14 before");
	struct wn_box list = WN_BOX(b->y + 1, b->x, b->h - 1, b->w);
	int top = first_row((int)S.n_sp, list.h);
	for (int r = 0; r < list.h && top + r < (int)S.n_sp; r++)
		draw_spark(ui, &S.sp[top + r], list.y + r, &list);
	draw_more(ui, &list, top > 0, top + list.h < (int)S.n_sp);
}

/* The figures, one text line after another, long lines wrapped with a
 * hanging indent, from row top on, in b; returns the rows they take
 * (top < 0 only counts them). */
static int figure_rows(struct wn_ui *ui, const struct wn_box *b, int top)
{
	const char *s = S.figures.s ? S.figures.s : "";
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

static void draw_figures(struct wn_ui *ui, const struct wn_box *b)
{
	if (b->h < 2)
		return;
	char title[WN_NAME_MAX + 64];
	char name[WN_NAME_MAX + 8];
	snprintf(title, sizeof title, "%s, %s",
	         wn_series_title(&S.series[S.cur], name, sizeof name),
	         ranges[S.range].name);
	wn_ui_put(ui, WN_CELL(b->y, b->x, b->w, WN_R_HEADING), title);
	struct wn_box text = WN_BOX(b->y + 1, b->x, b->h - 1, b->w);
	int n = figure_rows(ui, &text, -1);
	int top = first_row(n, text.h);
	figure_rows(ui, &text, top);
	draw_more(ui, &text, top > 0, top + text.h < n);
}

static void charts_draw(struct wn_ui *ui)
{
	if (!S.loaded) {
		wn_ui_put(ui, WN_CELL(ui->body_top, 1, ui->cols - 2, WN_R_DIM),
		          "the diary could not be read");
		return;
	}
	struct geom g = geometry(ui);
	render_chart(ui, &g);
	render_sparks(ui, &g);
	draw_chart(ui, &g);
	S.scroll_max = 0;
	if (g.side)
		draw_figures(ui, &g.panel);
	if (S.show_figures && !g.side)
		draw_figures(ui, &g.lower);
	else
		draw_sparks(ui, &g.lower);
	S.scroll = clamp(S.scroll, 0, S.scroll_max);
}

/* ---- actions and hooks -------------------------------------------------- */

static void reload(struct wn_ui *ui, int what)
{
	struct wn_err err = { 0 };
	S.scroll = 0;
	if (load(ui, what, &err) != WN_OK)
		wn_ui_msg_err(ui, "cannot read the diary", &err);
}

static void step_series(struct wn_ui *ui, int by)
{
	if (S.n_series == 0)
		return;
	size_t n = S.n_series;
	S.cur = by > 0 ? (S.cur + 1) % n : (S.cur + n - 1) % n;
	reload(ui, 0);
}

static void step_range(struct wn_ui *ui, int by)
{
	S.range = (S.range + by + N_RANGES) % N_RANGES;
	reload(ui, 1);
}

static int page(const struct wn_ui *ui)
{
	struct geom g = geometry(ui);
	int h = g.lower.h > 0 ? g.lower.h : g.panel.h;
	return h > 3 ? h - 2 : 1;
}

static bool charts_action(struct wn_ui *ui, int action, int arg)
{
	(void)arg;
	switch (action) {
	case WN_A_NEXT_SERIES: step_series(ui, 1); return true;
	case WN_A_PREV_SERIES: step_series(ui, -1); return true;
	case WN_A_NEXT_RANGE: step_range(ui, 1); return true;
	case WN_A_PREV_RANGE: step_range(ui, -1); return true;
	case WN_A_FIGURES:
		if (geometry(ui).side)
			wn_ui_msg(ui, WN_R_DIM, "the figures are beside the chart");
		S.show_figures = !S.show_figures;
		S.scroll = 0;
		return true;
	case WN_A_UP: S.scroll--; return true;
	case WN_A_DOWN: S.scroll++; return true;
	case WN_A_PGUP: S.scroll -= page(ui); return true;
	case WN_A_PGDN: S.scroll += page(ui); return true;
	default: return false;
	}
}

static int charts_enter(struct wn_ui *ui, struct wn_err *err)
{
	if (!S.started)
		wn_buf_init(&S.figures);
	S.started = true;
	return load(ui, 2, err);
}

static void charts_title(struct wn_ui *ui, char *buf, size_t n)
{
	snprintf(buf, n, "Charts%s%s", ui->g->sep, ranges[S.range].name);
}

static void charts_fini(struct wn_ui *ui)
{
	(void)ui;
	free_sparks();
	wn_chartview_free(&S.cv);
	wn_chart_buf_free(&S.chart);
	if (S.started)
		wn_buf_free(&S.figures);
	free(S.series);
	memset(&S, 0, sizeof S);
}

const struct wn_screen wn_screen_charts = {
	.name = "Charts",
	.number = 4,
	.scope = WN_SC_CHARTS,
	.enter = charts_enter,
	.title = charts_title,
	.draw = charts_draw,
	.action = charts_action,
	.fini = charts_fini,
};
