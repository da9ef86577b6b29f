/* SPDX-License-Identifier: GPL-3.0-or-later */
/* svg.c (report) -- the charts of the HTML report as inline SVG, drawn here
 * (no library, no script): a daily line with gaps where days have no data
 * (never bridged), y and date axes with ticks, taper steps as dashed
 * vertical lines labelled with the new dose, holds as shaded bands, the
 * planned dose as a dashed step line on a right-hand axis with a cross
 * wherever the dose taken differed; a dose chart of its own drawn the same
 * way (a step, never a slope); and small sparklines.  Everything
 * reads in black and white: the series differ by dash and marker, not
 * only by shade. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_int.h"
#include "core/plan.h"
#include "core/records.h"

#define MAX_POINTS 366        /* more days than this are drawn as means */
#define MARK_POINTS 120       /* up to this many points get a dot */
#define TOP 24
#define TOP_LEGEND 42
#define BOTTOM 26
#define LEFT 34
#define LABEL_CHAR 6.0        /* px per character of a 9px label, generous */
#define LABEL_GAP 5.0

/* ---- escaping ---------------------------------------------------------------- */

void wn_report_html_esc(struct wn_buf *b, const char *s, bool keep_nl)
{
	struct wn_buf safe;
	wn_buf_init(&safe);
	wn_text_sanitize_to(&safe, s ? s : "", s ? strlen(s) : 0, keep_nl ? WN_TEXT_KEEP_NL : 0);
	for (const char *p = safe.s; *p; p++) {
		switch (*p) {
		case '&': wn_buf_adds(b, "&amp;"); break;
		case '<': wn_buf_adds(b, "&lt;"); break;
		case '>': wn_buf_adds(b, "&gt;"); break;
		case '"': wn_buf_adds(b, "&quot;"); break;
		case '\'': wn_buf_adds(b, "&#39;"); break;
		case '\n': wn_buf_adds(b, "<br>"); break;
		default: wn_buf_addc(b, *p);
		}
	}
	if (safe.failed)
		b->failed = true;
	wn_buf_free(&safe);
}

/* ---- scales -------------------------------------------------------------------- */

struct axis {
	double lo, hi, step;
};

/* A tick step of 1, 2 or 5 times a power of ten giving at most max ticks. */
static double nice_step(double range, int max)
{
	double raw = range / max, p = pow(10, floor(log10(raw)));
	static const double mult[] = { 1, 2, 5, 10 };
	for (size_t i = 0; i < sizeof mult / sizeof *mult; i++)
		if (mult[i] * p >= raw)
			return mult[i] * p;
	return 10 * p;
}

static void axis_fit(struct axis *a, const double *v, size_t n, int max_ticks)
{
	double top = a->hi > a->lo ? a->hi : a->lo + 1;
	for (size_t i = 0; v && i < n; i++)
		if (isfinite(v[i]) && v[i] > top && v[i] < 1e12)
			top = v[i];
	a->step = nice_step(top - a->lo, max_ticks);
	a->hi = a->lo + ceil((top - a->lo) / a->step - 1e-9) * a->step;
}

struct frame {
	struct wn_buf *b;
	const struct wn_report_svg *c;
	double left, right, top, bottom;   /* plot edges */
	struct axis y, dose;
	bool has_dose;
};

static double fx(const struct frame *f, double day)   /* day index, centre at +0.5 */
{
	return f->left + day * (f->right - f->left) / (double)f->c->n;
}

static double fy(const struct frame *f, const struct axis *a, double v)
{
	if (v > a->hi)
		v = a->hi;
	return f->bottom - (v - a->lo) / (a->hi - a->lo) * (f->bottom - f->top);
}

/* ---- axes ---------------------------------------------------------------------------- */

static void y_ticks(struct frame *f)
{
	char x[32];
	for (double v = f->y.lo; v <= f->y.hi + 1e-9; v += f->y.step) {
		double y = fy(f, &f->y, v);
		wn_buf_addf(f->b, "<line class=\"grid\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>"
		            "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n",
		            f->left, y, f->right, y, f->left - 4, y + 3,
		            wn_text_num(v, 3, x, sizeof x));
	}
	for (double v = f->dose.lo; f->has_dose && v <= f->dose.hi + 1e-9; v += f->dose.step)
		wn_buf_addf(f->b, "<text class=\"dose\" x=\"%.1f\" y=\"%.1f\">%s</text>\n",
		            f->right + 4, fy(f, &f->dose, v) + 3, wn_text_num(v, 3, x, sizeof x));
}

/* The date axis: a tick at every Monday (up to 45 days), month start (up
 * to 800 days) or new year, a label at every k-th tick, k the smallest
 * that leaves room between labels, and the year on a second line under
 * the first label and every January.  A label starts just right of its
 * tick and names the week, month or year that begins there; one that
 * would cross the chart's right edge is moved left to end inside it, and
 * one that would then overlap the label before is left out. */
enum x_unit { X_WEEK, X_MONTH, X_YEAR };

static enum x_unit x_unit(size_t n)
{
	return n <= 45 ? X_WEEK : n <= 800 ? X_MONTH : X_YEAR;
}

static bool x_is_tick(wn_date d, enum x_unit u)
{
	int y, m, dd;
	wn_date_to_ymd(d, &y, &m, &dd);
	if (u == X_WEEK)
		return wn_date_weekday(d) == 0;
	return dd == 1 && (u == X_MONTH || m == 1);
}

static double x_label_width(enum x_unit u)
{
	return (u == X_WEEK ? 6 : u == X_MONTH ? 3 : 4) * LABEL_CHAR;
}

static int x_every(const struct frame *f, enum x_unit u)
{
	static const int every[][8] = {
		[X_WEEK] = { 1, 2, 4, 8, 13, 26, 52, 52 },
		[X_MONTH] = { 1, 2, 3, 6, 12, 12, 12, 12 },
		[X_YEAR] = { 1, 2, 5, 10, 20, 50, 100, 200 },
	};
	static const double days[] = { [X_WEEK] = 7, [X_MONTH] = 28, [X_YEAR] = 365 };
	double px = days[u] * (f->right - f->left) / (double)f->c->n;
	for (int i = 0; i < 8; i++)
		if (every[u][i] * px >= x_label_width(u) + LABEL_GAP)
			return every[u][i];
	return every[u][7];
}

static bool x_labelled(wn_date d, enum x_unit u, int k)
{
	int y, m, dd;
	wn_date_to_ymd(d, &y, &m, &dd);
	if (u == X_WEEK)
		return (d / 7) % k == 0;
	return u == X_MONTH ? (m - 1) % k == 0 : y % k == 0;
}

/* A label from x (moved left to end inside the chart); false, and nothing
 * drawn, when it would overlap the one ending at *last_end. */
static bool x_text(struct frame *f, double x, double y, const char *s, double *last_end)
{
	double w = (double)strlen(s) * LABEL_CHAR, edge = f->c->width - 1;
	if (x + 2 + w > edge)
		x = edge - w;
	else
		x += 2;
	if (x < *last_end + LABEL_GAP)
		return false;
	wn_buf_addf(f->b, "<text x=\"%.1f\" y=\"%.1f\">%s</text>", x, y, s);
	*last_end = x + w;
	return true;
}

/* The label of day i at x, and its year under it when wanted. */
static void x_label(struct frame *f, size_t i, double x, double *last_end, double *year_end)
{
	int y, m, dd;
	char label[32];
	enum x_unit u = x_unit(f->c->n);
	wn_date d = f->c->start + (wn_date)i;
	wn_date_to_ymd(d, &y, &m, &dd);
	if (u == X_WEEK)
		snprintf(label, sizeof label, "%.3s %d", wn_date_month_name(m), dd);
	else if (u == X_MONTH)
		snprintf(label, sizeof label, "%.3s", wn_date_month_name(m));
	else
		snprintf(label, sizeof label, "%d", y);
	bool first = *last_end < 0;
	if (!x_text(f, x, f->bottom + 12, label, last_end) || u == X_YEAR || !(first || m == 1))
		return;
	snprintf(label, sizeof label, "%d", y);
	x_text(f, x, f->bottom + 22, label, year_end);
}

/* The month or year the chart starts in gets a label at the left edge
 * too, when its part is wide enough for one before the next tick. */
static bool x_lead_fits(const struct frame *f, enum x_unit u)
{
	size_t j = 0;
	while (j < f->c->n && !x_is_tick(f->c->start + (wn_date)j, u))
		j++;
	return j > 0 && fx(f, (double)j) - f->left >= x_label_width(u) + 2 + LABEL_GAP;
}

static void x_ticks(struct frame *f)
{
	enum x_unit u = x_unit(f->c->n);
	int k = x_every(f, u);
	double last_end = -1e9, year_end = -1e9;
	for (size_t i = 0; i < f->c->n; i++) {
		wn_date d = f->c->start + (wn_date)i;
		double x = fx(f, (double)i);
		bool tick = x_is_tick(d, u);
		if (tick)
			wn_buf_addf(f->b, "<line class=\"axis\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
			            "y2=\"%.1f\"/>", x, f->bottom, x, f->bottom + 4);
		bool lead = i == 0 && u != X_WEEK && x_lead_fits(f, u);
		if ((tick || lead) && x_labelled(d, u, k))
			x_label(f, i, x, &last_end, &year_end);
		if (tick)
			wn_buf_addc(f->b, '\n');
	}
	wn_buf_addf(f->b, "<line class=\"axis\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>"
	            "<line class=\"axis\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n",
	            f->left, f->bottom, f->right, f->bottom, f->left, f->top, f->left, f->bottom);
	if (f->has_dose)
		wn_buf_addf(f->b, "<line class=\"axis\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n",
		            f->right, f->top, f->right, f->bottom);
}

/* ---- holds and steps ------------------------------------------------------------------- */

static void med_holds(struct frame *f, const struct wn_report_med *m)
{
	wn_date end = f->c->start + (wn_date)f->c->n;
	for (size_t i = 0; i < m->n_events; i++) {
		const struct wn_plan_event *e = &m->events[i];
		wn_date a = e->start, z = e->end == WN_DATE_NONE ? end : e->end;
		if (e->kind != WN_PLAN_HOLD || z <= f->c->start || a >= end)
			continue;
		a = a < f->c->start ? f->c->start : a;
		z = z > end ? end : z;
		double x0 = fx(f, (double)(a - f->c->start)), x1 = fx(f, (double)(z - f->c->start));
		wn_buf_addf(f->b, "<rect class=\"hold\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>"
		            "<text class=\"holdlabel\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">hold</text>\n",
		            x0, f->top, x1 - x0, f->bottom - f->top, (x0 + x1) / 2, f->bottom - 4);
	}
}

/* The holds of the dose chart's plan, or of every plan. */
static void holds(struct frame *f)
{
	const struct wn_report *r = f->c->r;
	if (f->c->dose_only || !r) {
		if (f->c->med)
			med_holds(f, f->c->med);
		return;
	}
	for (size_t i = 0; i < r->n_meds; i++)
		med_holds(f, &r->meds[i]);
}

/* Dashed lines at the taper steps, each labelled with the new dose above
 * the plot where the label fits: inside the chart (moved left at its
 * right edge) and clear of the label before. */
static void steps(struct frame *f)
{
	const struct wn_report *r = f->c->r;
	double last_end = -1e9;
	char a[64];
	for (size_t i = 0; r && i < r->n_cuts; i++) {
		const struct wn_report_cut *c = &r->cuts[i];
		if (c->date < f->c->start || c->date >= f->c->start + (wn_date)f->c->n ||
		    (f->c->dose_only && &r->meds[c->med] != f->c->med))
			continue;
		double x = fx(f, (double)(c->date - f->c->start));
		wn_buf_addf(f->b, "<line class=\"step\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
		            x, f->top - 6, x, f->bottom);
		wn_report_dose(c->dose, r->meds[c->med].med.unit, a, sizeof a);
		double w = wn_text_width(a) * LABEL_CHAR, lx = x + 2;
		if (lx + w > f->c->width - 1)
			lx = f->c->width - 1 - w;
		if (f->c->step_labels && lx >= last_end + LABEL_GAP) {
			wn_buf_addf(f->b, "<text class=\"steplabel\" x=\"%.1f\" y=\"%.1f\">", lx, f->top - 2);
			wn_report_html_esc(f->b, a, false);
			wn_buf_adds(f->b, "</text>");
			last_end = lx + w;
		}
		wn_buf_addc(f->b, '\n');
	}
}

/* ---- the data -------------------------------------------------------------------------- */

/* Mean of days [i*g, i*g+g) with data, NAN when none. */
static double bucket(const double *v, size_t n, size_t i, size_t g)
{
	double sum = 0;
	int k = 0;
	for (size_t j = i * g; j < n && j < i * g + g; j++)
		if (isfinite(v[j])) {
			sum += v[j];
			k++;
		}
	return k ? sum / k : NAN;
}

/* The middle of bucket i, in days from the start. */
static double bucket_mid(size_t n, size_t i, size_t g)
{
	size_t len = i * g + g > n ? n - i * g : g;
	return (double)(i * g) + (double)len / 2.0;
}

static void series(struct frame *f)
{
	size_t n = f->c->n, g = (n + MAX_POINTS - 1) / MAX_POINTS, np = (n + g - 1) / g;
	bool open = false, dots = np <= MARK_POINTS;
	for (size_t i = 0; i < np; i++) {
		double v = bucket(f->c->v, n, i, g), mid = bucket_mid(n, i, g);
		bool next = i + 1 < np && isfinite(bucket(f->c->v, n, i + 1, g));
		if (!isfinite(v)) {
			if (open)
				wn_buf_adds(f->b, "\"/>\n");
			open = false;
			continue;
		}
		double x = fx(f, mid), y = fy(f, &f->y, v);
		if (!open && next)
			wn_buf_adds(f->b, "<polyline class=\"line\" points=\"");
		if (!open && !next && !dots)
			wn_buf_addf(f->b, "<circle class=\"dot\" cx=\"%.1f\" cy=\"%.1f\" r=\"1.8\"/>\n", x, y);
		else if (open || next)
			wn_buf_addf(f->b, "%.1f,%.1f ", x, y);
		open = open || next;
	}
	if (open)
		wn_buf_adds(f->b, "\"/>\n");
	for (size_t i = 0; dots && i < np; i++) {
		double v = bucket(f->c->v, n, i, g);
		if (isfinite(v))
			wn_buf_addf(f->b, "<circle class=\"dot\" cx=\"%.1f\" cy=\"%.1f\" r=\"1.5\"/>",
			            fx(f, bucket_mid(n, i, g)), fy(f, &f->y, v));
	}
	if (dots)
		wn_buf_addc(f->b, '\n');
}

/* A dose as a step line: level across each day, straight up or down
 * where it changes (never a slope between two doses), a gap where there
 * is none. */
static void step_line(struct frame *f, const double *p, const struct axis *a, const char *cls)
{
	bool open = false;
	for (size_t i = 0; i < f->c->n; i++) {
		if (!isfinite(p[i])) {
			if (open)
				wn_buf_adds(f->b, "\"/>\n");
			open = false;
			continue;
		}
		double y = fy(f, a, p[i]);
		if (!open)
			wn_buf_addf(f->b, "<path class=\"%s\" d=\"M%.1f,%.1f", cls, fx(f, (double)i), y);
		else if (p[i] != p[i - 1])
			wn_buf_addf(f->b, "V%.1f", y);
		if (i + 1 == f->c->n || !isfinite(p[i + 1]) || p[i + 1] != p[i])
			wn_buf_addf(f->b, "H%.1f", fx(f, (double)i + 1));
		open = true;
	}
	if (open)
		wn_buf_adds(f->b, "\"/>\n");
}

static void deviations(struct frame *f)
{
	const struct wn_report_med *m = f->c->med;
	if (!m || f->c->n > MAX_POINTS)
		return;
	for (size_t i = 0; i < f->c->n; i++) {
		if (!wn_vocab_dose_deviates(wn_report_day_dose(m, (int)i)))
			continue;
		double x = fx(f, (double)i + 0.5), y = fy(f, &f->dose, m->taken_days[i]);
		wn_buf_addf(f->b, "<path class=\"taken\" d=\"M%.1f,%.1fl5,5m0,-5l-5,5\"/>\n",
		            x - 2.5, y - 2.5);
	}
}

/* ---- legend and the whole chart ------------------------------------------------------------ */

/* One legend entry: its sample drawn by the caller at x, then the text. */
static double legend_text(struct frame *f, double x, const char *text)
{
	wn_buf_addf(f->b, "<text x=\"%.1f\" y=\"27\">", x);
	wn_report_html_esc(f->b, text, false);
	wn_buf_adds(f->b, "</text>");
	return x + wn_text_width(text) * 4.9 + 14;
}

static void legend(struct frame *f)
{
	const struct wn_report_svg *c = f->c;
	char label[WN_NAME_MAX + 64];
	double x = f->left;
	size_t g = (c->n + MAX_POINTS - 1) / MAX_POINTS;
	wn_buf_addf(f->b, "<text class=\"title\" x=\"0\" y=\"10\">");
	wn_report_html_esc(f->b, c->title, false);
	if (g > 1 && !c->dose_only)
		wn_buf_addf(f->b, ", means of %zu days", g);
	wn_buf_addf(f->b, "</text>\n");
	if (!f->has_dose)
		return;
	wn_buf_addf(f->b, "<line class=\"line\" x1=\"%.1f\" y1=\"24\" x2=\"%.1f\" y2=\"24\"/>",
	            x, x + 16);
	x = legend_text(f, x + 20, g > 1 ? "mean" : "daily value");
	wn_buf_addf(f->b, "<line class=\"planned\" x1=\"%.1f\" y1=\"24\" x2=\"%.1f\" y2=\"24\"/>",
	            x, x + 18);
	snprintf(label, sizeof label, "planned dose, %s, right axis", c->dose_label);
	x = legend_text(f, x + 22, label);
	wn_buf_addf(f->b, "<path class=\"taken\" d=\"M%.1f,21.5l5,5m0,-5l-5,5\"/>", x);
	x = legend_text(f, x + 9, "dose differed or skipped");
	wn_buf_addf(f->b, "<line class=\"step\" x1=\"%.1f\" y1=\"19\" x2=\"%.1f\" y2=\"29\"/>",
	            x + 2, x + 2);
	x = legend_text(f, x + 6, "taper step");
	wn_buf_addf(f->b, "<rect class=\"hold\" x=\"%.1f\" y=\"19\" width=\"12\" height=\"10\"/>",
	            x);
	legend_text(f, x + 16, "hold");
	wn_buf_addc(f->b, '\n');
}

int wn_report_svg_chart(struct wn_buf *b, const struct wn_report_svg *c)
{
	struct frame f = { .b = b, .c = c, .has_dose = c->planned != NULL };
	f.left = LEFT;
	f.right = c->width - (f.has_dose ? 34 : 8);
	f.top = f.has_dose ? TOP_LEGEND : TOP;
	f.bottom = c->height - BOTTOM;
	f.y = (struct axis){ .lo = c->lo, .hi = c->hi };
	axis_fit(&f.y, c->v, c->n, (int)((f.bottom - f.top) / 20));
	if (f.has_dose) {
		f.dose = (struct axis){ .lo = 0, .hi = 0 };
		axis_fit(&f.dose, c->planned, c->n, (int)((f.bottom - f.top) / 20));
		if (c->med)
			axis_fit(&f.dose, c->med->taken_days, c->n, (int)((f.bottom - f.top) / 20));
	}
	wn_buf_addf(b, "<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"",
	            c->width, c->height);
	wn_report_html_esc(b, c->title, false);
	wn_buf_adds(b, "\">\n");
	legend(&f);
	holds(&f);
	y_ticks(&f);
	steps(&f);
	x_ticks(&f);
	if (f.has_dose) {
		step_line(&f, c->planned, &f.dose, "planned");
		deviations(&f);
	}
	if (c->dose_only)
		step_line(&f, c->v, &f.y, "line");
	else
		series(&f);
	wn_buf_adds(b, "</svg>\n");
	return b->failed ? WN_ERR : WN_OK;
}

void wn_report_svg_spark(struct wn_buf *b, const double *v, size_t n, double hi)
{
	const double w = 100, h = 16;
	size_t g = (n + 99) / 100, np = n ? (n + g - 1) / g : 0;
	bool open = false;
	wn_buf_addf(b, "<svg class=\"spark\" viewBox=\"0 0 %.0f %.0f\" aria-hidden=\"true\">"
	            "<line class=\"grid\" x1=\"0\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\"/>",
	            w, h, h - 1, w, h - 1);
	for (size_t i = 0; i < np; i++) {
		double x = ((double)i + 0.5) * w / (double)np, val = bucket(v, n, i, g);
		if (!isfinite(val)) {
			if (open)
				wn_buf_adds(b, "\"/>");
			open = false;
			continue;
		}
		if (!open)
			wn_buf_adds(b, "<polyline class=\"sline\" points=\"");
		wn_buf_addf(b, "%.1f,%.1f ", x, h - 1 - (val > hi ? hi : val) / hi * (h - 2));
		open = true;
	}
	if (open)
		wn_buf_adds(b, "\"/>");
	wn_buf_adds(b, "</svg>");
}
