/* chart.c -- trend charts rendered into a grid of text cells.
 *
 * Pure computation: no curses, no output.  The line chart works in three
 * steps: one pass over the days finds the data range (which fixes the
 * y axis and so the gutters and the number of plot columns); a second pass
 * groups the days into buckets (days, weeks, months, quarters or years,
 * the finest that fits the columns); then each layer is drawn from the
 * buckets.  Cost is O(days + width * height).
 */
#include "core/chart.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- glyphs ------------------------------------------------------------ */

struct glyphs {
	const char *h, *v, *ul, *ur, *ll, *lr;       /* line: ─ │ ╭ ╮ ╰ ╯ */
	const char *dh, *dv, *dul, *dur, *dll, *dlr; /* dose: ═ ║ ╔ ╗ ╚ ╝ */
	const char *point, *range, *avg;
	const char *ax_v, *ax_tl, *ax_tr, *ax_bl, *ax_br, *ax_h, *ax_tick;
	const char *ax_gap, *step, *ellipsis;
	int ellipsis_w;
	const char *spark[8];
	const char *bar_part[8];                     /* 0..7 eighths */
	const char *bar_full;
};

static const struct glyphs uni = {
	"─", "│", "╭", "╮", "╰", "╯",
	"═", "║", "╔", "╗", "╚", "╝",
	"●", "░", "·",
	"│", "┤", "├", "└", "┘", "─", "┬",
	"┈", "▲", "…", 1,
	{ "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█" },
	{ "", "▏", "▎", "▍", "▌", "▋", "▊", "▉" },
	"█",
};

/* ASCII: the dose line has no corners or verticals (a staircase of '='). */
static const struct glyphs asc = {
	"-", "|", ".", ".", "'", "'",
	"=", "", "", "", "", "",
	"o", ":", "~",
	"|", "+", "+", "+", "+", "-", "+",
	".", "^", "...", 3,
	{ "_", ".", "-", ":", "=", "+", "*", "#" },
	{ "", "", "", "", "", "", "", "" },
	"#",
};

static const char *const month_abbr[12] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	"Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};

/* ---- calendar (kept local: src/date.c is a separate module) ------------- */

static long floor_div(long a, long b)
{
	long q = a / b;
	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

struct ymd {
	int y, m, d;
};

/* Day number -> proleptic Gregorian date.  Shift the year to start on
 * March 1 so the leap day is last, then peel off 400-year eras (146097
 * days), years within the era, and months of 153 days per 5. */
static struct ymd civil(wn_date z)
{
	long days = z + 719468;                  /* days since 0000-03-01 */
	long era = floor_div(days, 146097);
	long doe = days - era * 146097;          /* 0 .. 146096 */
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;           /* 0 = March */
	struct ymd r;

	r.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	r.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	r.y = (int)(yoe + era * 400 + (r.m <= 2));
	return r;
}

/* 0 = Monday ... 6 = Sunday; day 0 (1970-01-01) was a Thursday. */
static int weekday(wn_date z)
{
	return (int)(z + 3 - floor_div(z + 3, 7) * 7);
}

/* ---- UTF-8 and display width ------------------------------------------- */

/* Decode one character; returns its byte length.  An invalid sequence
 * decodes as one byte of U+FFFD. */
static int u8_decode(const char *s, unsigned long *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	int len = u[0] < 0x80 ? 1 : u[0] >= 0xf0 ? 4 : u[0] >= 0xe0 ? 3 : 2;
	unsigned long c = len == 1 ? u[0] : u[0] & (0x7f >> len);

	if (u[0] >= 0x80 && (u[0] < 0xc2 || u[0] > 0xf4))
		len = 0;
	for (int i = 1; i < len; i++) {
		if ((u[i] & 0xc0) != 0x80) {
			len = 0;
			break;
		}
		c = (c << 6) | (u[i] & 0x3f);
	}
	if (len == 0 || (len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
	    c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) {
		*cp = 0xfffd;
		return 1;
	}
	*cp = c;
	return len;
}

struct range {
	unsigned long lo, hi;
};

static bool in_ranges(unsigned long c, const struct range *r, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (c >= r[i].lo && c <= r[i].hi)
			return true;
	return false;
}

/* Columns a character takes: -1 control, 0 combining or invisible, 2 wide
 * (CJK, Hangul, fullwidth, most emoji), else 1.  A small table, not a full
 * Unicode database: enough to keep labels inside their columns. */
static int cp_width(unsigned long c)
{
	static const struct range zero[] = {
		{ 0x0300, 0x036f }, { 0x0483, 0x0489 }, { 0x0591, 0x05bd },
		{ 0x0610, 0x061a }, { 0x064b, 0x065f }, { 0x1ab0, 0x1aff },
		{ 0x1dc0, 0x1dff }, { 0x200b, 0x200f }, { 0x202a, 0x202e },
		{ 0x2060, 0x2064 }, { 0x20d0, 0x20ff }, { 0xfe00, 0xfe0f },
		{ 0xfe20, 0xfe2f }, { 0xfeff, 0xfeff },
	};
	static const struct range wide[] = {
		{ 0x1100, 0x115f }, { 0x2e80, 0x303e }, { 0x3041, 0x33ff },
		{ 0x3400, 0x4dbf }, { 0x4e00, 0x9fff }, { 0xa000, 0xa4cf },
		{ 0xac00, 0xd7a3 }, { 0xf900, 0xfaff }, { 0xfe30, 0xfe4f },
		{ 0xff00, 0xff60 }, { 0xffe0, 0xffe6 }, { 0x1f300, 0x1f64f },
		{ 0x1f900, 0x1f9ff }, { 0x20000, 0x3fffd },
	};

	if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0x2028 || c == 0x2029)
		return -1;
	if (in_ranges(c, zero, sizeof zero / sizeof zero[0]))
		return 0;
	if (in_ranges(c, wide, sizeof wide / sizeof wide[0]))
		return 2;
	return 1;
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

/* Size the buffer to w x h and blank it. */
static int buf_reset(struct wn_chart_buf *b, int w, int h, struct wn_err *err)
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

/* Where drawing goes: the buffer, the glyph set and the role the next
 * cells get.  Passed by value; ink() gives a copy with another role.
 * With b == NULL the text helpers only measure. */
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

static struct pen ink(const struct pen *p, int role)
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

/* Store glyph g (one character; "" draws nothing) at x,y; clips. */
static void put(struct pen p, int x, int y, const char *g)
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
	unsigned long cp;
	int len = u8_decode(*s, &cp);
	int w = cp < 0x80 ? (cp >= 0x20 && cp != 0x7f ? 1 : -1) : cp_width(cp);

	strcpy(one, "?");
	if (w > 0 && cp != 0xfffd && !(p.ascii && cp >= 0x80)) {
		memcpy(one, *s, (size_t)len);
		one[len] = '\0';
	} else if (w != 0) {
		w = 1;
	}
	*s += len;
	return w;
}

/* Write text s in box at; returns the columns used.  Control characters
 * and invalid UTF-8 become '?', invisible characters are dropped, and in
 * ASCII mode every non-ASCII character is a '?'. */
static int put_text(struct pen p, struct box at, const char *s)
{
	int used = 0;

	while (s && *s) {
		char one[5];
		int w = glyph_of(p, &s, one);

		if (w == 0)
			continue;
		if (used + w > at.w)
			break;
		put(p, at.x + used, at.y, one);
		if (w == 2)
			put_wide_tail(p, at.x + used + 1, at.y);
		used += w;
	}
	return used;
}

static int text_width(struct pen p, const char *s)
{
	p.b = NULL;
	return put_text(p, (struct box){ 0, 0, 1 << 20 }, s);
}

/* put_text, ending in an ellipsis when s does not fit. */
static int put_fit(struct pen p, struct box at, const char *s)
{
	int ew = p.g->ellipsis_w;

	if (text_width(p, s) <= at.w || at.w <= ew)
		return put_text(p, at, s);
	at.w -= ew;
	int used = put_text(p, at, s);
	at.x += used;
	at.w = ew;
	return used + put_text(p, at, p.g->ellipsis);
}

/* ---- y axis ------------------------------------------------------------ */

struct span {
	double lo, hi;           /* lo > hi: empty */
};

struct axis {
	double lo, hi, step;
	int nticks, dec, labw;
};

/* The scale of s: its hint widened to the data, or without a usable hint
 * the data and 0; never empty. */
static struct span scale_range(const struct wn_chart_series *s,
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

static void tick_label(const struct axis *a, double v, char *out, size_t sz)
{
	if (fabs(v) < a->step * 1e-6)
		v = 0;
	snprintf(out, sz, "%.*f", a->dec, v);
	if (strlen(out) > 8)
		snprintf(out, sz, "%.2g", v);
}

/* Nice ticks: the smallest step of 1, 2 or 5 times a power of ten that
 * needs at most maxticks ticks; steps below 1 only for spans under 3, so a
 * 0-3 scale counts 0,1,2,3.  The axis is widened to whole steps. */
static void axis_nice(struct axis *a, struct span r, int maxticks)
{
	static const double mult[3] = { 1, 2, 5 };
	double span = r.hi - r.lo;
	int e = (int)floor(log10(span)) - 2;

	for (int i = 0; i < 120; i++) {
		double step = mult[i % 3] * pow(10, e + i / 3);
		if (span >= 3 && step < 1)
			continue;
		a->lo = floor(r.lo / step + 1e-9) * step;
		a->hi = ceil(r.hi / step - 1e-9) * step;
		a->step = step;
		a->nticks = (int)lround((a->hi - a->lo) / step) + 1;
		if (a->nticks <= maxticks)
			break;
	}
	a->dec = a->step >= 1 ? 0 : (int)ceil(-log10(a->step) - 1e-9);
	a->labw = 1;
	for (int i = 0; i < a->nticks; i++) {
		char lab[32];
		tick_label(a, a->lo + i * a->step, lab, sizeof lab);
		if ((int)strlen(lab) > a->labw)
			a->labw = (int)strlen(lab);
	}
}

/* Row of value v counted from the bottom (0) of a plot P rows high. */
static int axis_row(const struct axis *a, int P, double v)
{
	double r = floor((v - a->lo) / (a->hi - a->lo) * (P - 1) + 0.5);
	return r < 0 ? 0 : r > P - 1 ? P - 1 : (int)r;
}

/* ---- buckets ----------------------------------------------------------- */

enum unit { U_DAY, U_WEEK, U_MONTH, U_QUARTER, U_YEAR };

struct bucket {
	double sum, min, max, osum, ma;
	int cnt, ocnt;
	bool has_ma;
	int ms_y, ms_m;          /* month starting in the bucket (0: none) */
};

/* Everything one line chart rendering needs. */
struct ctx {
	struct pen p;
	const struct wn_chart_series *s, *ov;
	const struct wn_chart_opts *o;
	int W, H, P, top, lg, C;         /* plot: rows top.., columns lg.. */
	enum unit unit;
	int k;                           /* years per bucket (U_YEAR) */
	long k0;                         /* key of the first day */
	int nb;                          /* buckets */
	struct bucket *bk;
	int *row, *drow, *arow;          /* per bucket, -1 = nothing */
	struct axis ya, da;
	bool dose;
	int total;                       /* days with data */
};

/* Buckets are numbered by key: consecutive keys, consecutive buckets. */
static long key_of(enum unit u, int k, wn_date day, struct ymd t)
{
	switch (u) {
	case U_DAY:     return day;
	case U_WEEK:    return floor_div(day + 3, 7);   /* Monday-based */
	case U_MONTH:   return t.y * 12L + t.m - 1;
	case U_QUARTER: return t.y * 4L + (t.m - 1) / 3;
	case U_YEAR:    return floor_div(t.y, k);
	}
	return day;
}

static long key_date(enum unit u, int k, wn_date day)
{
	return key_of(u, k, day, civil(day));
}

/* The finest calendar unit whose buckets fit in the plot columns. */
static void choose_unit(struct ctx *c)
{
	wn_date a = c->s->start, z = a + (long)c->s->n - 1;
	int ya = civil(a).y, yz = civil(z).y;

	c->k = 1;
	for (int u = U_DAY; u <= U_QUARTER; u++) {
		long cnt = key_date(u, 1, z) - key_date(u, 1, a) + 1;
		if (cnt <= c->C) {
			c->unit = u;
			c->nb = (int)cnt;
			return;
		}
	}
	c->unit = U_YEAR;
	c->k = (yz - ya + 1) / c->C;
	if (c->k < 1)
		c->k = 1;
	while (floor_div(yz, c->k) - floor_div(ya, c->k) + 1 > c->C)
		c->k++;
	c->nb = (int)(floor_div(yz, c->k) - floor_div(ya, c->k) + 1);
}

/* Remember which month a bucket starts (labels are months and years). */
static void bucket_label(const struct ctx *c, struct bucket *bk, struct ymd t)
{
	if (c->unit == U_DAY || c->unit == U_WEEK) {
		if (t.d == 1) {
			bk->ms_y = t.y;
			bk->ms_m = t.m;
		}
	} else if (!bk->ms_m) {              /* first day of the bucket */
		bk->ms_y = t.y;
		bk->ms_m = c->unit == U_YEAR ? 1 : t.m;
	}
}

/* Trailing 7-day mean over days with data; needs 4 of the 7. */
struct window {
	double sum;
	int cnt;
};

static bool window_step(struct window *w, const double *v, size_t i,
                        double *mean)
{
	if (isfinite(v[i])) {
		w->sum += v[i];
		w->cnt++;
	}
	if (i >= 7 && isfinite(v[i - 7])) {
		w->sum -= v[i - 7];
		w->cnt--;
	}
	*mean = w->cnt ? w->sum / w->cnt : NAN;
	return isfinite(v[i]) && w->cnt >= 4;
}

static void overlay_add(const struct ctx *c, struct bucket *bk, wn_date d)
{
	if (!c->ov || c->ov->n == 0)
		return;
	long j = d - c->ov->start;
	if (j >= 0 && (size_t)j < c->ov->n && isfinite(c->ov->v[j])) {
		bk->osum += c->ov->v[j];
		bk->ocnt++;
	}
}

/* The one pass that groups the days. */
static void fill_buckets(struct ctx *c)
{
	const struct wn_chart_series *s = c->s;
	struct window w = { 0, 0 };
	bool ma = c->o->moving_average && c->unit == U_DAY;

	for (int b = 0; b < c->nb; b++)
		c->bk[b] = (struct bucket){ .min = INFINITY, .max = -INFINITY };
	for (size_t i = 0; i < s->n; i++) {
		wn_date d = s->start + (long)i;
		struct ymd t = civil(d);
		struct bucket *bk = &c->bk[key_of(c->unit, c->k, d, t) - c->k0];
		double v = s->v[i], mean;

		bucket_label(c, bk, t);
		if (isfinite(v)) {
			bk->sum += v;
			bk->cnt++;
			bk->min = fmin(bk->min, v);
			bk->max = fmax(bk->max, v);
		}
		if (window_step(&w, s->v, i, &mean) && ma) {
			bk->ma = mean;
			bk->has_ma = true;
		}
		overlay_add(c, bk, d);
	}
}

static int col0(const struct ctx *c, int b)
{
	return c->lg + (int)((long)b * c->C / c->nb);
}

static int center(const struct ctx *c, int b)
{
	return (col0(c, b) + col0(c, b + 1) - 1) / 2;
}

/* Screen row of a row counted from the bottom of the plot. */
static int sy(const struct ctx *c, int r)
{
	return c->top + c->P - 1 - r;
}

/* The columns of bucket b in plot row r (counted from the bottom). */
static struct box bucket_box(const struct ctx *c, int b, int r)
{
	return (struct box){ col0(c, b), sy(c, r), col0(c, b + 1) - col0(c, b) };
}

static void fill_box(struct pen p, struct box at, const char *g)
{
	for (int i = 0; i < at.w; i++)
		put(p, at.x + i, at.y, g);
}

/* ---- drawing the plot -------------------------------------------------- */

/* A stepped line through per-bucket rows. */
struct trace {
	const int *row;
	const char *h, *v, *ul, *ur, *ll, *lr;
	int role;
	bool points;             /* a lone bucket is a point, not a run */
};

/* Join the previous bucket's row to bucket b's, in b's first column. */
static void draw_turn(const struct ctx *c, const struct trace *t, int b)
{
	struct pen p = ink(&c->p, t->role);
	int a = t->row[b - 1], r = t->row[b], x = col0(c, b);
	int lo = a < r ? a : r, hi = a < r ? r : a;

	for (int y = lo + 1; y < hi; y++)
		put(p, x, sy(c, y), t->v);
	put(p, x, sy(c, a), a < r ? t->lr : t->ur);
	put(p, x, sy(c, r), a < r ? t->ul : t->ll);
}

static void draw_trace(const struct ctx *c, const struct trace *t)
{
	struct pen p = ink(&c->p, t->role);

	for (int b = 0; b < c->nb; b++) {
		int r = t->row[b];
		if (r < 0)
			continue;
		bool prev = b > 0 && t->row[b - 1] >= 0;
		bool next = b + 1 < c->nb && t->row[b + 1] >= 0;
		if (t->points && !prev && !next) {
			put(p, center(c, b), sy(c, r), c->p.g->point);
			continue;
		}
		fill_box(p, bucket_box(c, b, r), t->h);
		if (prev && t->row[b - 1] != r)
			draw_turn(c, t, b);
	}
}

/* Min-max spans of aggregated buckets; returns whether any was drawn. */
static bool draw_ranges(const struct ctx *c)
{
	struct pen p = ink(&c->p, WN_CHART_RANGE);
	bool any = false;

	for (int b = 0; c->unit != U_DAY && b < c->nb; b++) {
		const struct bucket *bk = &c->bk[b];
		if (bk->cnt < 2 || !(bk->max > bk->min))
			continue;
		int r0 = axis_row(&c->ya, c->P, bk->min);
		int r1 = axis_row(&c->ya, c->P, bk->max);
		for (int r = r0; r <= r1; r++)
			fill_box(p, bucket_box(c, b, r), p.g->range);
		any = any || r1 > r0;
	}
	return any;
}

static bool draw_average(const struct ctx *c)
{
	struct pen p = ink(&c->p, WN_CHART_AVG);
	bool any = false;

	for (int b = 0; b < c->nb; b++) {
		if (c->arow[b] < 0)
			continue;
		fill_box(p, bucket_box(c, b, c->arow[b]), p.g->avg);
		any = true;
	}
	return any;
}

static void compute_rows(struct ctx *c)
{
	for (int b = 0; b < c->nb; b++) {
		const struct bucket *bk = &c->bk[b];
		c->row[b] = bk->cnt ? axis_row(&c->ya, c->P, bk->sum / bk->cnt)
		                    : -1;
		c->arow[b] = bk->has_ma ? axis_row(&c->ya, c->P, bk->ma) : -1;
		c->drow[b] = c->dose && bk->ocnt
		           ? axis_row(&c->da, c->P, bk->osum / bk->ocnt) : -1;
	}
}

/* What was drawn, for the legend. */
struct drawn {
	bool range, avg, step, gap;
};

/* Layers from back to front: spans, dose, average, the line. */
static void draw_plot(const struct ctx *c, struct drawn *dr)
{
	const struct glyphs *g = c->p.g;
	struct trace dose = { c->drow, g->dh, g->dv, g->dul, g->dur, g->dll,
	                      g->dlr, WN_CHART_DOSE, false };
	struct trace line = { c->row, g->h, g->v, g->ul, g->ur, g->ll, g->lr,
	                      WN_CHART_LINE, true };

	dr->range = draw_ranges(c);
	if (c->dose)
		draw_trace(c, &dose);
	dr->avg = draw_average(c);
	draw_trace(c, &line);
}

/* ---- axes -------------------------------------------------------------- */

/* A y axis in column x with tick labels to its left (or right). */
static void draw_yaxis(const struct ctx *c, const struct axis *a, int x,
                       bool right)
{
	struct pen p = ink(&c->p, WN_CHART_AXIS);
	struct pen lp = ink(&c->p, WN_CHART_LABEL);

	for (int y = c->top; y < c->top + c->P; y++)
		put(p, x, y, p.g->ax_v);
	for (int i = 0; i < a->nticks; i++) {
		double v = a->lo + i * a->step;
		int y = sy(c, axis_row(a, c->P, v));
		char lab[32];
		tick_label(a, v, lab, sizeof lab);
		int w = (int)strlen(lab);
		put(p, x, y, right ? p.g->ax_tr : p.g->ax_tl);
		put_text(lp, (struct box){ right ? x + 2 : x - 1 - w, y, w }, lab);
	}
}

/* Time-axis label levels, finest first. */
enum level {
	L_DAY1, L_DAY2, L_MONDAY, L_MONTH, L_QUARTER,
	L_YEAR1, L_YEAR2, L_YEAR5, L_YEAR10, L_YEAR20, L_YEAR50, L_YEAR100,
	L_COUNT
};

#define LABEL_MAX 24

/* The label of bucket b at level l ("Nov 20", "Dec", "2027") into out
 * (LABEL_MAX bytes), or false if that level does not label b.  Every
 * other day counts back from the last, so the latest day is labelled. */
static bool label_of(const struct ctx *c, int b, enum level l, char *out)
{
	static const int every[] = { 1, 2, 5, 10, 20, 50, 100 };

	if (l <= L_MONDAY) {
		wn_date d = c->s->start + b;
		if (c->unit != U_DAY || (l == L_DAY2 && (c->nb - 1 - b) % 2) ||
		    (l == L_MONDAY && weekday(d) != 0))
			return false;
		struct ymd t = civil(d);
		snprintf(out, LABEL_MAX, "%s %d", month_abbr[t.m - 1], t.d);
		return true;
	}
	const struct bucket *bk = &c->bk[b];
	if (!bk->ms_m || (l == L_QUARTER && (bk->ms_m - 1) % 3) ||
	    (l >= L_YEAR1 && (bk->ms_m != 1 || bk->ms_y % every[l - L_YEAR1])))
		return false;
	if (bk->ms_m == 1)
		snprintf(out, LABEL_MAX, "%d", bk->ms_y);
	else
		snprintf(out, LABEL_MAX, "%s", month_abbr[bk->ms_m - 1]);
	return true;
}

/* Place the labels of one level, centred under their buckets with a
 * space between; returns how many, or -1 if two would touch.  Draws only
 * when draw. */
static int place_labels(const struct ctx *c, enum level l, bool draw)
{
	int end = -2, count = 0;
	char lab[LABEL_MAX];

	for (int b = 0; b < c->nb; b++) {
		if (!label_of(c, b, l, lab))
			continue;
		int len = (int)strlen(lab), mid = center(c, b);
		int x = mid - (len - 1) / 2;
		if (x > c->W - len)
			x = c->W - len;
		if (x < 0)
			x = 0;
		if (x < end + 2)
			return -1;
		if (draw) {
			put_text(ink(&c->p, WN_CHART_LABEL),
			         (struct box){ x, c->H - 1, len }, lab);
			put(ink(&c->p, WN_CHART_AXIS), mid, c->H - 2,
			    c->p.g->ax_tick);
		}
		end = x + len - 1;
		count++;
	}
	return count;
}

/* Step marks: at the start of a day, or the middle of a longer bucket. */
static bool draw_steps(const struct ctx *c)
{
	const struct wn_chart_opts *o = c->o;
	struct pen p = ink(&c->p, WN_CHART_STEP);
	wn_date a = c->s->start, z = a + (long)c->s->n - 1;
	bool any = false;

	for (size_t i = 0; o->steps && i < o->nsteps; i++) {
		wn_date d = o->steps[i];
		if (c->nb == 0 || d < a || d > z)
			continue;
		int b = (int)(key_date(c->unit, c->k, d) - c->k0);
		put(p, c->unit == U_DAY ? col0(c, b) : center(c, b), c->H - 2,
		    p.g->step);
		any = true;
	}
	return any;
}

/* The time axis, its labels and step marks. */
static void draw_xaxis(const struct ctx *c, struct drawn *dr)
{
	struct pen p = ink(&c->p, WN_CHART_AXIS);
	struct pen gp = ink(&c->p, WN_CHART_GAP);
	int y = c->H - 2;

	put(p, c->lg - 1, y, p.g->ax_bl);
	fill_box(p, (struct box){ c->lg, y, c->C }, p.g->ax_h);
	dr->gap = false;
	for (int b = 0; b < c->nb; b++) {
		if (c->bk[b].cnt)
			continue;
		struct box under = bucket_box(c, b, 0);
		under.y = y;
		fill_box(gp, under, p.g->ax_gap);
		dr->gap = true;
	}
	if (c->dose)
		put(p, c->lg + c->C, y, p.g->ax_br);
	for (int l = 0; l < L_COUNT && c->nb; l++) {
		if (place_labels(c, l, false) > 0) {
			place_labels(c, l, true);
			break;
		}
	}
	dr->step = draw_steps(c);
}

/* ---- title and legend -------------------------------------------------- */

struct legend {
	const char *glyph;
	char text[48];
	int role;
};

/* Legend entries, most important first. */
static int legend_items(const struct ctx *c, const struct drawn *dr,
                        struct legend *it)
{
	static const char *const per[] = {
		"daily", "weekly mean", "monthly mean", "quarterly mean",
		"yearly mean",
	};
	const struct glyphs *g = c->p.g;
	const struct wn_chart_series *ov = c->ov;
	int n = 0;

	it[n] = (struct legend){ g->h, "", WN_CHART_LINE };
	if (c->unit == U_YEAR && c->k > 1)
		snprintf(it[n].text, sizeof it[n].text, "%d-year mean", c->k);
	else
		snprintf(it[n].text, sizeof it[n].text, "%s", per[c->unit]);
	/* the main line needs naming when it is a mean or not alone */
	n += c->total > 0 && (c->unit != U_DAY || c->dose || dr->avg);
	if (c->dose) {
		it[n] = (struct legend){ g->dh, "", WN_CHART_DOSE };
		snprintf(it[n++].text, sizeof it->text, "%s%s%s%s",
		         ov->name ? ov->name : "dose", ov->unit ? " (" : "",
		         ov->unit ? ov->unit : "", ov->unit ? ")" : "");
	}
	if (dr->avg)
		it[n++] = (struct legend){ g->avg, "7-day avg", WN_CHART_AVG };
	if (dr->step)
		it[n++] = (struct legend){ g->step, "step", WN_CHART_STEP };
	if (dr->range)
		it[n++] = (struct legend){ g->range, "min-max", WN_CHART_RANGE };
	if (dr->gap && c->total > 0)
		it[n++] = (struct legend){ g->ax_gap, "no data", WN_CHART_GAP };
	return n;
}

/* Row 0: the title and unit on the left; as many legend entries as fit
 * beside it, right-aligned. */
static void draw_header(const struct ctx *c, const struct drawn *dr)
{
	const struct wn_chart_series *s = c->s;
	const char *t = c->o->title;
	struct legend it[8];
	char title[256];
	int n = legend_items(c, dr, it), used = 0, w[8], k = 0;

	snprintf(title, sizeof title, "%s%s%s%s", t ? t : "",
	         s->unit && t ? " (" : "", s->unit ? s->unit : "",
	         s->unit && t ? ")" : "");
	int tw = text_width(c->p, title);
	int avail = c->W - (tw ? tw + 2 : 0);
	for (; k < n; k++) {
		w[k] = 2 + text_width(c->p, it[k].text);
		if (used + w[k] + (k ? 2 : 0) > avail)
			break;
		used += w[k] + (k ? 2 : 0);
	}
	put_fit(ink(&c->p, WN_CHART_TITLE), (struct box){ 0, 0, c->W }, title);
	for (int i = 0, x = c->W - used; i < k; x += w[i] + 2, i++) {
		put(ink(&c->p, it[i].role), x, 0, it[i].glyph);
		put_text(ink(&c->p, WN_CHART_LABEL),
		         (struct box){ x + 2, 0, w[i] - 2 }, it[i].text);
	}
}

/* " no data " in the middle of the plot, over whatever is there. */
static void draw_nodata(const struct ctx *c)
{
	const char *msg = "no data";
	int len = (int)strlen(msg);
	int x = c->lg + (c->C - len) / 2, y = c->top + (c->P - 1) / 2;

	put_text(ink(&c->p, WN_CHART_BLANK), (struct box){ x - 1, y, len + 2 },
	         "         ");
	put_text(ink(&c->p, WN_CHART_LABEL), (struct box){ x, y, len }, msg);
}

/* ---- line chart -------------------------------------------------------- */

static int check_size(const struct wn_chart_opts *o, bool need_height,
                      struct wn_err *err)
{
	if (!o)
		return wn_err_set(err, WN_USAGE, "chart options missing");
	if (o->width < WN_CHART_MIN_WIDTH || o->width > WN_CHART_MAX_WIDTH)
		return wn_err_set(err, WN_USAGE,
		                  "chart width must be %d to %d columns, not %d",
		                  WN_CHART_MIN_WIDTH, WN_CHART_MAX_WIDTH,
		                  o->width);
	if (need_height && (o->height < WN_CHART_MIN_HEIGHT ||
	                    o->height > WN_CHART_MAX_HEIGHT))
		return wn_err_set(err, WN_USAGE,
		                  "chart height must be %d to %d rows, not %d",
		                  WN_CHART_MIN_HEIGHT, WN_CHART_MAX_HEIGHT,
		                  o->height);
	return WN_OK;
}

static int check_series(const struct wn_chart_series *s, const char *what,
                        struct wn_err *err)
{
	if (!s)
		return wn_err_set(err, WN_USAGE, "%s series missing", what);
	if (s->n > 0 && !s->v)
		return wn_err_set(err, WN_USAGE, "%s series has no values", what);
	return WN_OK;
}

static int check_line_args(struct wn_chart_buf *b,
                           const struct wn_chart_series *s,
                           const struct wn_chart_opts *o, struct wn_err *err)
{
	int rc;

	if ((rc = check_size(o, true, err)) ||
	    (rc = check_series(s, "chart", err)) ||
	    (o->overlay && (rc = check_series(o->overlay, "overlay", err))))
		return rc;
	if (!b)
		return wn_err_set(err, WN_USAGE, "chart buffer missing");
	return WN_OK;
}

/* Min and max of the finite values of s on days a..z into *out (empty if
 * none); returns how many there are. */
static int data_range(const struct wn_chart_series *s, wn_date a, wn_date z,
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

/* Axes and gutters; the plot width follows from the label widths.  At
 * most 7 ticks, and about one per two rows. */
static void layout(struct ctx *c)
{
	const struct wn_chart_series *s = c->s;
	wn_date a = s->start, z = a + (long)s->n - 1;
	int maxticks = (c->P + 1) / 2 + 1;
	struct span data;

	if (maxticks > 7)
		maxticks = 7;
	c->total = data_range(s, a, z, &data);
	axis_nice(&c->ya, scale_range(s, data), maxticks);
	c->dose = c->ov && c->ov->n > 0 && s->n > 0 &&
	          data_range(c->ov, a, z, &data) > 0;
	if (c->dose)
		axis_nice(&c->da, scale_range(c->ov, data), maxticks);
	c->lg = c->ya.labw + 2;
	c->C = c->W - c->lg - (c->dose ? c->da.labw + 2 : 0);
	if (s->n > 0) {
		choose_unit(c);
		c->k0 = key_date(c->unit, c->k, s->start);
	}
}

/* Buckets and the three row arrays in one block (c->bk owns it). */
static int alloc_buckets(struct ctx *c, struct wn_err *err)
{
	size_t nb = c->nb > 0 ? (size_t)c->nb : 1;
	size_t sz = nb * (sizeof(struct bucket) + 3 * sizeof(int));
	char *mem = malloc(sz);

	if (!mem)
		return wn_err_set(err, WN_ERR, "out of memory for a chart");
	c->bk = (struct bucket *)(void *)mem;
	c->row = (int *)(void *)(mem + nb * sizeof(struct bucket));
	c->drow = c->row + nb;
	c->arow = c->drow + nb;
	return WN_OK;
}

int wn_chart_line(struct wn_chart_buf *b, const struct wn_chart_series *s,
                  const struct wn_chart_opts *o, struct wn_err *err)
{
	struct ctx c = { .s = s, .o = o };
	struct drawn dr = { false, false, false, false };
	int rc;

	if ((rc = check_line_args(b, s, o, err)))
		return rc;
	c.p = (struct pen){ b, o->ascii ? &asc : &uni, o->ascii, 0 };
	c.ov = o->overlay;
	c.W = o->width;
	c.H = o->height;
	c.top = 1;
	c.P = c.H - 3;
	layout(&c);
	if ((rc = buf_reset(b, c.W, c.H, err)) || (rc = alloc_buckets(&c, err)))
		return rc;
	fill_buckets(&c);
	compute_rows(&c);
	draw_yaxis(&c, &c.ya, c.lg - 1, false);
	if (c.dose)
		draw_yaxis(&c, &c.da, c.lg + c.C, true);
	draw_plot(&c, &dr);
	draw_xaxis(&c, &dr);
	draw_header(&c, &dr);
	if (c.total == 0)
		draw_nodata(&c);
	free(c.bk);
	return WN_OK;
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

	if ((rc = check_series(s, "sparkline", err)))
		return rc;
	if (!o || !b || o->width < 1 || o->width > WN_CHART_MAX_WIDTH)
		return wn_err_set(err, WN_USAGE,
		                  "sparkline width must be 1 to %d columns",
		                  WN_CHART_MAX_WIDTH);
	if ((rc = buf_reset(b, o->width, 1, err)) || s->n == 0)
		return rc;

	struct pen p = { b, o->ascii ? &asc : &uni, o->ascii, WN_CHART_BAR };
	struct pen gap = ink(&p, WN_CHART_GAP);
	struct axis a = { 0 };
	struct span data;
	size_t n = s->n, cols = n < (size_t)o->width ? n : (size_t)o->width;

	data_range(s, s->start, s->start + (long)n - 1, &data);
	data = scale_range(s, data);
	a.lo = data.lo;
	a.hi = data.hi;
	for (size_t x = 0; x < cols; x++) {
		double m = mean_of(s->v, x * n / cols, (x + 1) * n / cols);
		if (isfinite(m))
			put(p, (int)x, 0, p.g->spark[axis_row(&a, 8, m)]);
		else
			put(gap, (int)x, 0, " ");
	}
	return WN_OK;
}

/* ---- bars -------------------------------------------------------------- */

struct bar_layout {
	int lw, vw, area, dec;   /* dec: 1 if any value has a fraction */
	double max;
};

static void bar_value(const struct bar_layout *L, double v, char *out,
                      size_t sz)
{
	if (!isfinite(v))
		out[0] = '\0';
	else if (L->dec && v > 0 && v < 0.05)
		snprintf(out, sz, "<0.1");       /* not "0.0" beside a bar */
	else
		snprintf(out, sz, "%.*f", L->dec, v);
}

/* Length of a bar in eighths of a cell (whole cells in ASCII); a value
 * above zero always shows. */
static long bar_eighths(const struct pen *p, const struct bar_layout *L,
                        double v)
{
	double f = v > 0 ? fmin(v / L->max, 1.0) : 0;
	long e = lround(f * L->area * 8);

	if (p->ascii)
		e = (e + 4) / 8 * 8;
	if (v > 0 && e == 0)
		e = p->ascii ? 8 : 1;
	return e;
}

static void bar_draw(const struct pen *p, const struct bar_layout *L,
                     const struct wn_chart_bar *bar, int y)
{
	struct pen bp = ink(p, WN_CHART_BAR);
	int x = L->lw + 1;
	char val[40];

	put_fit(ink(p, WN_CHART_LABEL), (struct box){ 0, y, L->lw },
	        bar->label ? bar->label : "");
	if (!isfinite(bar->value)) {
		put_text(ink(p, WN_CHART_GAP), (struct box){ x, y, L->area },
		         "no data");
		return;
	}
	long e = bar_eighths(p, L, bar->value);
	for (long i = 0; i < e / 8; i++)
		put(bp, x++, y, p->g->bar_full);
	put(bp, x, y, p->g->bar_part[e % 8]);
	bar_value(L, bar->value, val, sizeof val);
	put_text(ink(p, WN_CHART_LABEL),
	         (struct box){ p->b->width - (int)strlen(val), y, L->vw }, val);
}

/* Column widths: labels up to a third of the width, values at the right,
 * bars in between. */
static void bars_measure(const struct pen *p, const struct wn_chart_barset *set,
                         int width, struct bar_layout *L)
{
	char val[40];

	*L = (struct bar_layout){ 1, 1, 0, 0, 0 };
	for (size_t i = 0; i < set->n; i++) {
		double v = set->bar[i].value;
		if (isfinite(v) && fabs(v - round(v)) > 1e-9)
			L->dec = 1;
		if (isfinite(v))
			L->max = fmax(L->max, v);
	}
	if (isfinite(set->max) && set->max > 0)
		L->max = set->max;
	if (!(L->max > 0))
		L->max = 1;
	for (size_t i = 0; i < set->n; i++) {
		const char *lab = set->bar[i].label;
		int w = text_width(*p, lab ? lab : "");
		bar_value(L, set->bar[i].value, val, sizeof val);
		L->lw = w > L->lw ? w : L->lw;
		L->vw = (int)strlen(val) > L->vw ? (int)strlen(val) : L->vw;
	}
	L->lw = L->lw > width / 3 ? width / 3 : L->lw;
	L->vw = L->vw > 12 ? 12 : L->vw;
	L->area = width - L->lw - L->vw - 2;
}

int wn_chart_bars(struct wn_chart_buf *b, const struct wn_chart_barset *set,
                  const struct wn_chart_opts *o, struct wn_err *err)
{
	int rc;

	if ((rc = check_size(o, false, err)))
		return rc;
	if (!b || !set || (set->n > 0 && !set->bar))
		return wn_err_set(err, WN_USAGE, "bar chart data missing");
	if (set->n > WN_CHART_MAX_HEIGHT - 1)
		return wn_err_set(err, WN_USAGE, "too many bars (%zu, at most %d)",
		                  set->n, WN_CHART_MAX_HEIGHT - 1);

	int top = o->title ? 1 : 0;
	int rows = top + (set->n ? (int)set->n : 1);
	struct pen p = { b, o->ascii ? &asc : &uni, o->ascii, WN_CHART_LABEL };
	struct bar_layout L;

	if ((rc = buf_reset(b, o->width, rows, err)))
		return rc;
	if (o->title)
		put_fit(ink(&p, WN_CHART_TITLE), (struct box){ 0, 0, o->width },
		        o->title);
	if (set->n == 0)
		put_text(p, (struct box){ 0, top, o->width }, "no data");
	bars_measure(&p, set, o->width, &L);
	for (size_t i = 0; i < set->n; i++)
		bar_draw(&p, &L, &set->bar[i], top + (int)i);
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
