/* SPDX-License-Identifier: GPL-3.0-or-later */
/* chart.c -- the chart buffer, drawing text and glyphs into it, the
 * scale a series is drawn on, sparklines, and the buffer as text.  The
 * line chart is in chart_line.c; both draw through chart_int.h.
 *
 * Pure computation: no curses, no output.  Text widths are core's
 * (core/text.h), so a chart and the rest of wean agree on every column.
 */
#include "core/chart.h"
#include "chart_int.h"
#include "core/text.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- glyphs ------------------------------------------------------------ */

static const struct glyphs uni = {
	"─", "│", "╭", "╮", "╰", "╯",
	"═", "║", "╔", "╗", "╚", "╝",
	"●", "░", "·",
	"│", "┤", "├", "└", "┘", "─", "┬",
	"┈", "▲", "…", 1,
	{ "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█" },
};

/* ASCII: the dose line has no corners or verticals (a staircase of '='). */
static const struct glyphs asc = {
	"-", "|", ".", ".", "'", "'",
	"=", "", "", "", "", "",
	"o", ":", "~",
	"|", "+", "+", "+", "+", "-", "+",
	".", "^", "...", 3,
	{ "_", ".", "-", ":", "=", "+", "*", "#" },
};

struct pen wn_chart_pen(struct wn_chart_buf *b, bool ascii, int role)
{
	return (struct pen){ b, ascii ? &asc : &uni, ascii, role };
}

/* ---- the buffer -------------------------------------------------------- */

void wn_chart_buf_init(struct wn_chart_buf *b)
{
	memset(b, 0, sizeof *b);
}

void wn_chart_buf_free(struct wn_chart_buf *b)
{
	free(b->cells);
	wn_chart_buf_init(b);
}

const struct wn_chart_cell *wn_chart_cell(const struct wn_chart_buf *b,
                                          int x, int y)
{
	if (!b || x < 0 || y < 0 || x >= b->width || y >= b->height)
		return NULL;
	return &b->cells[(size_t)y * (size_t)b->width + (size_t)x];
}

int wn_chart_reset(struct wn_chart_buf *b, int w, int h, struct wn_err *err)
{
	size_t need = (size_t)w * (size_t)h;

	if (need > b->cap) {
		struct wn_chart_cell *p = realloc(b->cells, need * sizeof *p);
		if (!p)
			return wn_err_set(err, WN_ERR,
			                  "out of memory for a %dx%d chart", w, h);
		b->cells = p;
		b->cap = need;
	}
	b->width = w;
	b->height = h;
	for (size_t i = 0; i < need; i++) {
		b->cells[i].ch[0] = ' ';
		b->cells[i].ch[1] = '\0';
		b->cells[i].role = WN_CHART_BLANK;
	}
	return WN_OK;
}

/* ---- drawing ------------------------------------------------------------ */

struct pen wn_chart_ink(const struct pen *p, int role)
{
	struct pen q = *p;
	q.role = role;
	return q;
}

static struct wn_chart_cell *cell_at(struct pen p, int x, int y)
{
	if (!p.b || x < 0 || y < 0 || x >= p.b->width || y >= p.b->height)
		return NULL;
	return &p.b->cells[(size_t)y * (size_t)p.b->width + (size_t)x];
}

void wn_chart_put(struct pen p, int x, int y, const char *g)
{
	struct wn_chart_cell *c = cell_at(p, x, y);
	size_t len = g ? strlen(g) : 0;

	if (!c || len == 0)
		return;
	if (len > 4)
		len = 4;
	memcpy(c->ch, g, len);
	c->ch[len] = '\0';
	c->role = (unsigned char)p.role;
}

/* The right half of a double-width character: a cell that prints nothing. */
static void put_wide_tail(struct pen p, int x, int y)
{
	struct wn_chart_cell *c = cell_at(p, x, y);

	if (c) {
		c->ch[0] = '\0';
		c->role = (unsigned char)p.role;
	}
}

/* Take one character from *s (advancing it): returns the columns it takes
 * in this pen's mode (0: dropped) and stores its bytes in one, or a '?'
 * for anything unprintable. */
static int glyph_of(struct pen p, const char **s, char one[5])
{
	int32_t cp;
	size_t len = wn_text_decode(*s, strnlen(*s, 4), &cp);
	int w = wn_text_cp_width(cp);
	bool shown = cp != WN_TEXT_INVALID && !wn_text_is_unsafe(cp) &&
	             !(p.ascii && cp >= 0x80);

	strcpy(one, "?");
	if (shown && w > 0) {
		memcpy(one, *s, len);
		one[len] = '\0';
	} else if (w > 0) {
		w = 1;
	}
	*s += len;
	return w;
}

int wn_chart_put_text(struct pen p, struct box at, const char *s)
{
	int used = 0;

	while (s && *s) {
		char one[5];
		int w = glyph_of(p, &s, one);

		if (w == 0)
			continue;
		if (used + w > at.w)
			break;
		wn_chart_put(p, at.x + used, at.y, one);
		if (w == 2)
			put_wide_tail(p, at.x + used + 1, at.y);
		used += w;
	}
	return used;
}

int wn_chart_text_width(struct pen p, const char *s)
{
	p.b = NULL;
	return wn_chart_put_text(p, (struct box){ 0, 0, 1 << 20 }, s);
}

int wn_chart_put_fit(struct pen p, struct box at, const char *s)
{
	int ew = p.g->ellipsis_w;

	if (wn_chart_text_width(p, s) <= at.w || at.w <= ew)
		return wn_chart_put_text(p, at, s);
	at.w -= ew;
	int used = wn_chart_put_text(p, at, s);
	at.x += used;
	at.w = ew;
	return used + wn_chart_put_text(p, at, p.g->ellipsis);
}


/* ---- scale ---------------------------------------------------------------- */

struct span wn_chart_scale_range(const struct wn_chart_series *s,
                                 struct span data)
{
	bool hint = isfinite(s->lo) && isfinite(s->hi) && s->lo < s->hi;
	struct span r = { hint ? s->lo : 0, hint ? s->hi : 0 };

	if (data.lo <= data.hi) {
		r.lo = fmin(r.lo, data.lo);
		r.hi = fmax(r.hi, data.hi);
	}
	r.lo = fmax(r.lo, -1e12);            /* keep the tick maths finite */
	r.hi = fmin(r.hi, 1e12);
	if (!(r.hi > r.lo))
		r.hi = r.lo + 1;
	return r;
}


int wn_chart_axis_row(const struct axis *a, int P, double v)
{
	double r = floor((v - a->lo) / (a->hi - a->lo) * (P - 1) + 0.5);
	return r < 0 ? 0 : r > P - 1 ? P - 1 : (int)r;
}

int wn_chart_check_series(const struct wn_chart_series *s, const char *what,
                          struct wn_err *err)
{
	if (!s)
		return wn_err_set(err, WN_USAGE, "%s series missing", what);
	if (s->n > 0 && !s->v)
		return wn_err_set(err, WN_USAGE, "%s series has no values", what);
	return WN_OK;
}

long wn_chart_month_key(wn_date d)
{
	int y, m, dd;
	wn_date_to_ymd(d, &y, &m, &dd);
	return y * 12L + m - 1;
}

long wn_chart_period(wn_date d, int span)
{
	int y, m, dd;
	wn_date_to_ymd(d, &y, &m, &dd);
	return span == 12 ? y : y * 12L + m - 1;
}

wn_date wn_chart_period_start(long p, int span)
{
	long m = span == 12 ? p * 12 : p;
	long y = m >= 0 ? m / 12 : -((-m + 11) / 12);
	return wn_date_from_ymd((int)y, (int)(m - y * 12) + 1, 1);
}

int wn_chart_data_range(const struct wn_chart_series *s, wn_date a, wn_date z,
                        struct span *out)
{
	int cnt = 0;

	*out = (struct span){ INFINITY, -INFINITY };
	for (size_t i = 0; i < s->n; i++) {
		wn_date d = s->start + (long)i;
		if (d < a || d > z || !isfinite(s->v[i]))
			continue;
		out->lo = fmin(out->lo, s->v[i]);
		out->hi = fmax(out->hi, s->v[i]);
		cnt++;
	}
	return cnt;
}

/* ---- sparkline --------------------------------------------------------- */

/* Mean of the finite values of v[i0..i1), NAN if none. */
static double mean_of(const double *v, size_t i0, size_t i1)
{
	double sum = 0;
	int cnt = 0;

	for (size_t i = i0; i < i1; i++)
		if (isfinite(v[i])) {
			sum += v[i];
			cnt++;
		}
	return cnt ? sum / cnt : NAN;
}

int wn_chart_sparkline(struct wn_chart_buf *b, const struct wn_chart_series *s,
                       const struct wn_chart_opts *o, struct wn_err *err)
{
	int rc;

	if ((rc = wn_chart_check_series(s, "sparkline", err)))
		return rc;
	if (!o || !b || o->width < 1 || o->width > WN_CHART_MAX_WIDTH)
		return wn_err_set(err, WN_USAGE,
		                  "sparkline width must be 1 to %d columns",
		                  WN_CHART_MAX_WIDTH);
	if ((rc = wn_chart_reset(b, o->width, 1, err)) || s->n == 0)
		return rc;

	struct pen p = wn_chart_pen(b, o->ascii, WN_CHART_BAR);
	struct pen gap = wn_chart_ink(&p, WN_CHART_GAP);
	struct axis a = { 0 };
	struct span data;
	size_t n = s->n, cols = n < (size_t)o->width ? n : (size_t)o->width;

	wn_chart_data_range(s, s->start, s->start + (long)n - 1, &data);
	data = wn_chart_scale_range(s, data);
	a.lo = data.lo;
	a.hi = data.hi;
	for (size_t x = 0; x < cols; x++) {
		double m = mean_of(s->v, x * n / cols, (x + 1) * n / cols);
		if (isfinite(m))
			wn_chart_put(p, (int)x, 0, p.g->spark[wn_chart_axis_row(&a, 8, m)]);
		else
			wn_chart_put(gap, (int)x, 0, " ");
	}
	return WN_OK;
}

/* ---- text -------------------------------------------------------------- */

int wn_chart_text(const struct wn_chart_buf *b, char **out, struct wn_err *err)
{
	size_t cells = b ? (size_t)b->width * (size_t)b->height : 0;
	size_t pos = 0;
	char *s = malloc(cells * 4 + (b ? (size_t)b->height : 0) + 1);

	*out = NULL;
	if (!s)
		return wn_err_set(err, WN_ERR, "out of memory for chart text");
	for (int y = 0; b && y < b->height; y++) {
		size_t keep = pos;
		for (int x = 0; x < b->width; x++) {
			const char *ch = b->cells[(size_t)y * b->width + x].ch;
			size_t len = strlen(ch);
			memcpy(s + pos, ch, len);
			pos += len;
			if (len && strcmp(ch, " ") != 0)
				keep = pos;
		}
		pos = keep;
		s[pos++] = '\n';
	}
	s[pos] = '\0';
	*out = s;
	return WN_OK;
}

