/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_chart.c -- line charts and sparklines as text.
 *
 * Golden files: tests/golden/chart/NAME.{utf8,ascii}.txt under WEAN_SRCDIR
 * (or the current directory).  WEAN_UPDATE_GOLDEN=1 rewrites them instead
 * of comparing; read every rewritten file before accepting it.
 */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/chart.h"
#include "core/chart_line.h"
#include "core/text.h"

#define TODAY 20782L            /* 2026-11-25 */
#define MAXDAYS 3700

/* ---- data sets --------------------------------------------------------- */

enum data {
	D_EMPTY, D_NODATA, D_ONE, D_EQUAL, D_GAPS, D_TOP, D_TOP3,
	D_TWOWEEKS, D_MONTHS3, D_YEAR, D_TENYEARS,
};

struct dataset {
	struct wn_chart_series s, ov;
	bool has_ov;
	const char *title;
	wn_date steps[64];
	size_t nsteps;
	double v[MAXDAYS], dose[MAXDAYS];
};

/* Deterministic noise in [0, 1). */
static double noise(unsigned long *st)
{
	*st = *st * 6364136223846793005UL + 1442695040888963407UL;
	return (double)((*st >> 33) & 0xffffff) / 0x1000000;
}

struct scale {
	double lo, hi;
	const char *unit;
};

static void set_series(struct dataset *d, size_t n, struct scale sc,
                       const char *title)
{
	d->s = (struct wn_chart_series){ TODAY - (long)n + 1, n, d->v, sc.lo,
	                                 sc.hi, sc.unit, NULL };
	d->title = title;
}

/* A dose overlay with a cut of pct percent every `every` days, rounded to
 * 0.5 mg, starting at from_dose; every cut day is a step. */
static void set_taper(struct dataset *d, double from_dose, int every,
                      double pct)
{
	double dose = from_dose;

	d->has_ov = true;
	d->ov = (struct wn_chart_series){ d->s.start, d->s.n, d->dose, NAN,
	                                  NAN, "mg", "dose" };
	for (size_t i = 0; i < d->s.n; i++) {
		if (i > 0 && i % (size_t)every == 0 && dose > 1 &&
		    d->nsteps < 64) {
			dose = round(dose * (1 - pct / 100) * 2) / 2;
			d->steps[d->nsteps++] = d->s.start + (long)i;
		}
		d->dose[i] = dose;
	}
}

static void make_fixed(struct dataset *d, const double *v, size_t n)
{
	memcpy(d->v, v, n * sizeof *v);
}

static void make_long(struct dataset *d, size_t n, unsigned long seed)
{
	unsigned long st = seed;

	for (size_t i = 0; i < n; i++) {
		double x = 5 + 3 * sin((double)i / 160) + 4 * (noise(&st) - 0.5);
		d->v[i] = x < 0 ? 0 : x > 10 ? 10 : round(x);
		if (noise(&st) < 0.1 || (i >= 1000 && i < 1100))
			d->v[i] = NAN;            /* missed check-ins, a long gap */
	}
}

static void make_data(enum data which, struct dataset *d)
{
	static const double gaps[30] = {
		14, 15, 13, 16, 18, NAN, NAN, NAN, NAN, 20, 22, NAN, 19, NAN,
		17, 16, 15, 15, 14, 12, 13, 11, 10, 12, 9, 8, 9, 7, NAN, NAN,
	};
	static const double top[14] = { 3, 5, 7, 10, 10, 8, 6, 4, 2, 0, 0, 1, 5, 10 };
	static const double top3[14] = { 0, 0, 1, 1, 2, 3, 3, 2, 2, 1, 0, 1, 2, 3 };
	static const double two[14] = { 1, 1, 0, 1, 1, 0, 1, 2, 3, 3, 2, NAN, 2, 1 };

	memset(d, 0, sizeof *d);
	switch (which) {
	case D_EMPTY:
		set_series(d, 0, (struct scale){ 0, 10, "0-10" }, "Mood");
		break;
	case D_NODATA:
		set_series(d, 14, (struct scale){ 0, 10, "0-10" }, "Anxiety");
		for (int i = 0; i < 14; i++)
			d->v[i] = NAN;
		break;
	case D_ONE:
		set_series(d, 1, (struct scale){ 0, 3, "0-3" }, "Dizziness");
		d->v[0] = 2;
		break;
	case D_EQUAL:
		set_series(d, 14, (struct scale){ 0, 10, "0-10" }, "Energy");
		for (int i = 0; i < 14; i++)
			d->v[i] = 5;
		break;
	case D_GAPS:
		set_series(d, 30, (struct scale){ 0, 45, "0-45" }, "Burden");
		make_fixed(d, gaps, 30);
		break;
	case D_TOP:
		set_series(d, 14, (struct scale){ 0, 10, "0-10" }, "Mood");
		make_fixed(d, top, 14);
		break;
	case D_TOP3:
		set_series(d, 14, (struct scale){ 0, 3, "0-3" }, "Brain zaps");
		make_fixed(d, top3, 14);
		break;
	case D_TWOWEEKS:
		set_series(d, 14, (struct scale){ 0, 3, "0-3" }, "Dizziness");
		make_fixed(d, two, 14);
		set_taper(d, 20, 7, 10);
		break;
	case D_MONTHS3:
		set_series(d, 91, (struct scale){ 0, 45, "0-45" }, "Burden");
		for (int i = 0; i < 91; i++)
			d->v[i] = 12 + 6 * sin(i / 9.0) + (i % 5);
		d->v[40] = d->v[41] = NAN;
		set_taper(d, 20, 28, 10);
		break;
	case D_YEAR:
		set_series(d, 365, (struct scale){ 0, 12, "h" }, "Sleep");
		for (int i = 0; i < 365; i++)
			d->v[i] = 6.5 + 1.5 * sin(i / 30.0) + (i % 3) * 0.5;
		for (int i = 200; i < 230; i++)
			d->v[i] = NAN;
		break;
	case D_TENYEARS:
		set_series(d, 3653, (struct scale){ 0, 10, "0-10" }, "Mood");
		make_long(d, 3653, 42);
		set_taper(d, 20, 120, 10);
		break;
	}
}

static struct wn_chart_opts opts_for(const struct dataset *d, int w, int h,
                                     bool ascii)
{
	return (struct wn_chart_opts){
		.width = w, .height = h, .ascii = ascii, .moving_average = true,
		.title = d->title, .overlay = d->has_ov ? &d->ov : NULL,
		.steps = d->steps, .nsteps = d->nsteps,
	};
}

/* ---- helpers ----------------------------------------------------------- */

static char *render_line(enum data which, int w, int h, bool ascii)
{
	static struct dataset d;
	struct wn_chart_buf b;
	struct wn_err err = { 0 };
	char *text = NULL;

	make_data(which, &d);
	struct wn_chart_opts o = opts_for(&d, w, h, ascii);
	wn_chart_buf_init(&b);
	cr_assert_eq(wn_chart_line(&b, &d.s, &o, &err), WN_OK, "%s", err.msg);
	cr_assert_eq(wn_chart_text(&b, &text, &err), WN_OK);
	wn_chart_buf_free(&b);
	return text;
}

/* Display columns of one line: every glyph the charts use is one column. */
static int line_cols(const char *s, size_t len)
{
	int cols = 0;
	for (size_t i = 0; i < len; i++)
		cols += ((unsigned char)s[i] & 0xc0) != 0x80;
	return cols;
}

struct shape {
	int width, height;       /* height 0: any number of lines */
	bool ascii;
};

/* Check the shape of a rendering: the number of lines, none wider than
 * width, no trailing space, ASCII only when asked. */
static void check_shape(const char *text, struct shape sh, const char *what)
{
	int lines = 0;

	for (const char *p = text; *p; lines++) {
		const char *nl = strchr(p, '\n');
		cr_assert_not_null(nl, "%s: last line has no newline", what);
		size_t len = (size_t)(nl - p);
		cr_expect_leq(line_cols(p, len), sh.width,
		              "%s: line %d is %d columns", what, lines,
		              line_cols(p, len));
		cr_expect(len == 0 || p[len - 1] != ' ',
		          "%s: line %d ends in a space", what, lines);
		for (size_t i = 0; sh.ascii && i < len; i++)
			cr_expect(p[i] >= 0x20 && p[i] < 0x7f,
			          "%s: line %d has byte 0x%02x", what, lines,
			          (unsigned char)p[i]);
		p = nl + 1;
	}
	if (sh.height > 0)
		cr_expect_eq(lines, sh.height, "%s: %d lines, wanted %d", what,
		             lines, sh.height);
}

static void golden_path(const char *name, bool ascii, char *out, size_t sz)
{
	const char *dir = getenv("WEAN_SRCDIR");
	snprintf(out, sz, "%s/tests/golden/chart/%s.%s.txt",
	         dir && *dir ? dir : ".", name, ascii ? "ascii" : "utf8");
}

static char *slurp(const char *path)
{
	FILE *fp = fopen(path, "rb");
	char *s = NULL;
	long len;

	if (!fp)
		return NULL;
	if (fseek(fp, 0, SEEK_END) == 0 && (len = ftell(fp)) >= 0 &&
	    fseek(fp, 0, SEEK_SET) == 0 && (s = malloc((size_t)len + 1))) {
		size_t got = fread(s, 1, (size_t)len, fp);
		s[got] = '\0';
	}
	fclose(fp);
	return s;
}

static void golden_check(const char *name, bool ascii, const char *got)
{
	char path[4096];
	const char *upd = getenv("WEAN_UPDATE_GOLDEN");

	golden_path(name, ascii, path, sizeof path);
	if (upd && *upd && strcmp(upd, "0") != 0) {
		FILE *fp = fopen(path, "wb");
		cr_assert_not_null(fp, "cannot write %s: %s", path, strerror(errno));
		fputs(got, fp);
		cr_assert_eq(fclose(fp), 0);
		return;
	}
	char *want = slurp(path);
	cr_assert_not_null(want, "missing golden file %s (WEAN_UPDATE_GOLDEN=1 "
	                   "writes it)", path);
	if (strcmp(want, got) != 0) {
		const char *tmp = getenv("TMPDIR");
		char actual[4096];
		size_t at = 0, line = 1;
		if (!tmp || !*tmp)
			tmp = getenv("WEAN_TMP");
		snprintf(actual, sizeof actual, "%s/chart-%s.%s.txt",
		         tmp && *tmp ? tmp : "/tmp", name, ascii ? "ascii" : "utf8");
		FILE *fp = fopen(actual, "wb");
		if (fp) {
			fputs(got, fp);
			fclose(fp);
		}
		for (; want[at] && want[at] == got[at]; at++)
			line += want[at] == '\n';
		cr_expect_fail("%s differs from %s at line %zu (actual output "
		               "written to %s)", name, path, line, actual);
	}
	free(want);
}

/* ---- golden line charts ------------------------------------------------ */

/* No pointers: Criterion copies parameters into another process. */
struct golden_case {
	char name[32];
	enum data data;
	int width, height;
	bool ascii;
};

#define BOTH(n, d, w, h) \
	{ .name = n, .data = d, .width = w, .height = h, .ascii = false }, \
	{ .name = n, .data = d, .width = w, .height = h, .ascii = true }

static struct golden_case line_cases[] = {
	BOTH("empty_80x20", D_EMPTY, 80, 20),
	BOTH("nodata_40x8", D_NODATA, 40, 8),
	BOTH("one_80x20", D_ONE, 80, 20),
	BOTH("one_40x8", D_ONE, 40, 8),
	BOTH("equal_40x8", D_EQUAL, 40, 8),
	BOTH("equal_80x20", D_EQUAL, 80, 20),
	BOTH("gaps_80x20", D_GAPS, 80, 20),
	BOTH("top_40x8", D_TOP, 40, 8),
	BOTH("top3_80x20", D_TOP3, 80, 20),
	BOTH("twoweeks_40x8", D_TWOWEEKS, 40, 8),
	BOTH("twoweeks_80x20", D_TWOWEEKS, 80, 20),
	BOTH("twoweeks_200x20", D_TWOWEEKS, 200, 20),
	BOTH("months3_80x20", D_MONTHS3, 80, 20),
	BOTH("year_80x20", D_YEAR, 80, 20),
	BOTH("tenyears_40x8", D_TENYEARS, 40, 8),
	BOTH("tenyears_80x20", D_TENYEARS, 80, 20),
	BOTH("tenyears_200x20", D_TENYEARS, 200, 20),
};

ParameterizedTestParameters(chart, golden_line)
{
	return cr_make_param_array(struct golden_case, line_cases,
	                           sizeof line_cases / sizeof line_cases[0]);
}

ParameterizedTest(struct golden_case *gc, chart, golden_line)
{
	char *text = render_line(gc->data, gc->width, gc->height, gc->ascii);

	check_shape(text, (struct shape){ gc->width, gc->height, gc->ascii },
	            gc->name);
	golden_check(gc->name, gc->ascii, text);
	free(text);
}

/* Sparklines of several symptoms, as small multiples with labels. */
static char *render_sparklines(bool ascii)
{
	static struct dataset d;
	static const struct { const char *name; enum data data; } rows[] = {
		{ "zaps 14d", D_TOP3 }, { "dizzy 14d", D_TWOWEEKS },
		{ "burden 30d", D_GAPS }, { "sleep 1y", D_YEAR },
		{ "mood 10y", D_TENYEARS }, { "empty", D_EMPTY },
		{ "no data", D_NODATA }, { "equal", D_EQUAL },
	};
	struct wn_chart_opts o = { .width = 30, .ascii = ascii };
	struct wn_chart_buf b;
	struct wn_err err;
	char *all = calloc(4096, 1);

	cr_assert_not_null(all);
	wn_chart_buf_init(&b);
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		char *line;
		size_t used = strlen(all);
		make_data(rows[i].data, &d);
		cr_assert_eq(wn_chart_sparkline(&b, &d.s, &o, &err), WN_OK);
		cr_assert_eq(wn_chart_text(&b, &line, &err), WN_OK);
		if (line[0] == '\n')                  /* nothing to draw */
			snprintf(all + used, 4096 - used, "%s\n", rows[i].name);
		else
			snprintf(all + used, 4096 - used, "%-11s %s", rows[i].name,
			         line);
		free(line);
	}
	wn_chart_buf_free(&b);
	return all;
}

Test(chart, golden_sparklines)
{
	for (int a = 0; a < 2; a++) {
		char *text = render_sparklines(a);
		check_shape(text, (struct shape){ 12 + 30, 0, a }, "sparklines");
		golden_check("sparklines", a, text);
		free(text);
	}
}

/* ---- properties over many sizes ---------------------------------------- */

Test(chart, every_size_fits)
{
	static const int widths[] = { 40, 41, 57, 80, 133, 200 };
	static const int heights[] = { 8, 9, 13, 20, 31 };
	static const enum data sets[] = {
		D_EMPTY, D_NODATA, D_ONE, D_GAPS, D_TWOWEEKS, D_MONTHS3,
		D_YEAR, D_TENYEARS,
	};

	for (size_t s = 0; s < sizeof sets / sizeof sets[0]; s++)
		for (size_t w = 0; w < sizeof widths / sizeof widths[0]; w++)
			for (size_t h = 0; h < sizeof heights / sizeof heights[0]; h++)
				for (int a = 0; a < 2; a++) {
					char what[64];
					char *t = render_line(sets[s], widths[w],
					                      heights[h], a);
					snprintf(what, sizeof what, "set %zu %dx%d %s",
					         s, widths[w], heights[h],
					         a ? "ascii" : "utf8");
					check_shape(t, (struct shape){ widths[w], heights[h], a },
					            what);
					free(t);
				}
}

struct size_case {
	int width, height, want;
};

Test(chart, size_limits)
{
	static const struct size_case cases[] = {
		{ .width = 39, .height = 20, .want = WN_USAGE },
		{ .width = 40, .height = 7, .want = WN_USAGE },
		{ .width = 0, .height = 0, .want = WN_USAGE },
		{ .width = -5, .height = 10, .want = WN_USAGE },
		{ .width = 1001, .height = 20, .want = WN_USAGE },
		{ .width = 80, .height = 201, .want = WN_USAGE },
		{ .width = 40, .height = 8, .want = WN_OK },
		{ .width = 1000, .height = 200, .want = WN_OK },
	};
	static struct dataset d;
	struct wn_chart_buf b;

	make_data(D_TWOWEEKS, &d);
	wn_chart_buf_init(&b);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct wn_err err = { 0 };
		struct wn_chart_opts o = opts_for(&d, cases[i].width,
		                                  cases[i].height, false);
		int rc = wn_chart_line(&b, &d.s, &o, &err);
		cr_expect_eq(rc, cases[i].want, "%dx%d: got %d", cases[i].width,
		             cases[i].height, rc);
		if (rc == WN_OK) {
			cr_expect_eq(b.width, cases[i].width);
			cr_expect_eq(b.height, cases[i].height);
		} else {
			cr_expect_eq(err.code, rc);
			cr_expect(strstr(err.msg, "chart width") ||
			          strstr(err.msg, "chart height"), "%s", err.msg);
		}
	}
	wn_chart_buf_free(&b);
}

Test(chart, bad_series)
{
	struct wn_chart_buf b;
	struct wn_err err = { 0 };
	struct wn_chart_series novals = { TODAY, 3, NULL, 0, 3, NULL, NULL };
	double v[2] = { 1, 2 };
	struct wn_chart_series ok = { TODAY, 2, v, 0, 3, NULL, NULL };
	struct wn_chart_opts o = { .width = 80, .height = 20 };

	wn_chart_buf_init(&b);
	cr_expect_eq(wn_chart_line(&b, NULL, &o, &err), WN_USAGE);
	cr_expect_eq(wn_chart_line(&b, &novals, &o, &err), WN_USAGE);
	cr_expect(strstr(err.msg, "no values"), "%s", err.msg);
	o.overlay = &novals;
	cr_expect_eq(wn_chart_line(&b, &ok, &o, &err), WN_USAGE);
	cr_expect(strstr(err.msg, "overlay"), "%s", err.msg);
	cr_expect_eq(wn_chart_line(&b, &ok, NULL, &err), WN_USAGE);
	cr_expect_eq(wn_chart_sparkline(&b, &novals, &o, &err), WN_USAGE);
	o.width = 0;
	cr_expect_eq(wn_chart_sparkline(&b, &ok, &o, &err), WN_USAGE);
	wn_chart_buf_free(&b);
}

/* ---- reading a rendering back ------------------------------------------ */

static struct wn_chart_series series(const double *v, size_t n, double lo,
                                     double hi)
{
	return (struct wn_chart_series){ TODAY - (long)n + 1, n, v, lo, hi,
	                                 NULL, NULL };
}

/* Render into b (kept by the caller). */
static void render_into(struct wn_chart_buf *b, struct wn_chart_series s,
                        const struct wn_chart_opts *o)
{
	struct wn_err err = { 0 };
	cr_assert_eq(wn_chart_line(b, &s, o, &err), WN_OK, "%s", err.msg);
}

struct rect {
	int x0, x1, y0, y1;      /* inclusive */
};

/* The plot area, and one whole row. */
static struct rect plot_area(const struct wn_chart_buf *b)
{
	return (struct rect){ 0, b->width - 1, 1, b->height - 3 };
}

static struct rect row_of(const struct wn_chart_buf *b, int y)
{
	return (struct rect){ 0, b->width - 1, y, y };
}

static int count_role(const struct wn_chart_buf *b, struct rect r, int role)
{
	int n = 0;
	for (int y = r.y0; y <= r.y1; y++)
		for (int x = r.x0; x <= r.x1; x++) {
			const struct wn_chart_cell *c = wn_chart_cell(b, x, y);
			n += c && c->role == role;
		}
	return n;
}

/* The y tick labels from the left gutter, bottom to top, space separated. */
static void gutter_labels(const struct wn_chart_buf *b, char *out, size_t sz)
{
	out[0] = '\0';
	for (int y = b->height - 3; y >= 1; y--) {
		char lab[32] = "";
		for (int x = 0; x < 12; x++) {
			const struct wn_chart_cell *c = wn_chart_cell(b, x, y);
			if (c->role == WN_CHART_LABEL)
				strncat(lab, c->ch, sizeof lab - strlen(lab) - 1);
			if (c->role == WN_CHART_AXIS)
				break;
		}
		if (*lab)
			snprintf(out + strlen(out), sz - strlen(out), "%s%s",
			         *out ? " " : "", lab);
	}
}

struct tick_case {
	double lo, hi, value;
	int height;
	const char *want;
};

Test(chart, nice_ticks)
{
	static const struct tick_case cases[] = {
		{ .lo = 0, .hi = 3, .value = 1, .height = 20, .want = "0 1 2 3" },
		{ .lo = 0, .hi = 3, .value = 1, .height = 8, .want = "0 1 2 3" },
		{ .lo = 0, .hi = 10, .value = 4, .height = 20,
		  .want = "0 2 4 6 8 10" },
		{ .lo = 0, .hi = 10, .value = 4, .height = 8, .want = "0 5 10" },
		{ .lo = 0, .hi = 12, .value = 7.5, .height = 20,
		  .want = "0 2 4 6 8 10 12" },
		{ .lo = 0, .hi = 20, .value = 18, .height = 20,
		  .want = "0 5 10 15 20" },
		{ .lo = 0, .hi = 2.5, .value = 1, .height = 20,
		  .want = "0.0 0.5 1.0 1.5 2.0 2.5" },
		{ .lo = 0, .hi = 300, .value = 150, .height = 20,
		  .want = "0 50 100 150 200 250 300" },
		{ .lo = 0, .hi = 10, .value = 13, .height = 20,   /* data above */
		  .want = "0 5 10 15" },
		{ .lo = NAN, .hi = NAN, .value = 7, .height = 20, /* no hint */
		  .want = "0 2 4 6 8" },
	};
	struct wn_chart_buf b;
	char got[128];

	wn_chart_buf_init(&b);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		double v[3] = { cases[i].value, NAN, cases[i].value };
		struct wn_chart_opts o = { .width = 60, .height = cases[i].height };
		render_into(&b, series(v, 3, cases[i].lo, cases[i].hi), &o);
		gutter_labels(&b, got, sizeof got);
		cr_expect_str_eq(got, cases[i].want, "case %zu: got \"%s\"", i, got);
	}
	wn_chart_buf_free(&b);
}

Test(chart, gap_is_never_bridged)
{
	double v[5] = { 1, 1, NAN, 1, 1 };
	struct wn_chart_opts o = { .width = 80, .height = 20 };
	struct wn_chart_buf b;
	int first = -1, last = -1;

	wn_chart_buf_init(&b);
	render_into(&b, series(v, 5, 0, 3), &o);
	for (int x = 0; x < b.width; x++)
		if (wn_chart_cell(&b, x, b.height - 2)->role == WN_CHART_GAP) {
			if (first < 0)
				first = x;
			last = x;
		}
	cr_assert_geq(first, 0, "no gap marked on the time axis");
	struct rect gap = plot_area(&b), before = gap, after = gap;
	gap.x0 = first;
	gap.x1 = last;
	before.x1 = first - 1;
	after.x0 = last + 1;
	cr_expect_eq(count_role(&b, gap, WN_CHART_LINE), 0,
	             "the line crosses the missing day");
	cr_expect_gt(count_role(&b, before, WN_CHART_LINE), 0);
	cr_expect_gt(count_role(&b, after, WN_CHART_LINE), 0);
	wn_chart_buf_free(&b);
}

Test(chart, lone_value_is_a_point)
{
	static const struct { bool ascii; const char *glyph; } cases[] = {
		{ false, "●" }, { true, "o" },
	};
	double v[5] = { NAN, NAN, 2, NAN, NAN };
	struct wn_chart_buf b;

	wn_chart_buf_init(&b);
	for (size_t i = 0; i < 2; i++) {
		struct wn_chart_opts o = { .width = 50, .height = 10,
		                           .ascii = cases[i].ascii };
		render_into(&b, series(v, 5, 0, 3), &o);
		cr_expect_eq(count_role(&b, plot_area(&b), WN_CHART_LINE), 1);
		for (int y = 1; y < b.height - 2; y++)
			for (int x = 0; x < b.width; x++)
				if (wn_chart_cell(&b, x, y)->role == WN_CHART_LINE)
					cr_expect_str_eq(wn_chart_cell(&b, x, y)->ch,
					                 cases[i].glyph);
	}
	wn_chart_buf_free(&b);
}

struct extreme_case {
	double lo, hi, value;
	int row;                 /* 1 = top plot row, -3 = height - 3 */
};

Test(chart, extremes_reach_top_and_bottom_rows)
{
	static const struct extreme_case cases[] = {
		{ .lo = 0, .hi = 10, .value = 10, .row = 1 },
		{ .lo = 0, .hi = 3, .value = 3, .row = 1 },
		{ .lo = 0, .hi = 10, .value = 0, .row = -3 },
		{ .lo = 0, .hi = 20, .value = 20, .row = 1 },
	};
	struct wn_chart_buf b;

	wn_chart_buf_init(&b);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		for (int h = 8; h <= 20; h += 12) {
			double v[4] = { 1, cases[i].value, cases[i].value, 1 };
			struct wn_chart_opts o = { .width = 40, .height = h };
			struct wn_chart_series s = series(v, 4, cases[i].lo,
			                                  cases[i].hi);
			render_into(&b, s, &o);
			int y = cases[i].row > 0 ? cases[i].row : h + cases[i].row;
			cr_expect_gt(count_role(&b, row_of(&b, y), WN_CHART_LINE), 0,
			             "case %zu h=%d", i, h);
		}
	}
	wn_chart_buf_free(&b);
}

Test(chart, steps_on_the_time_axis)
{
	double v[14];
	wn_date steps[] = { TODAY - 6, TODAY - 3, TODAY + 5, TODAY - 400 };
	struct wn_chart_opts o = { .width = 80, .height = 20, .steps = steps,
	                           .nsteps = 4 };
	struct wn_chart_buf b;

	for (int i = 0; i < 14; i++)
		v[i] = i % 4;
	wn_chart_buf_init(&b);
	render_into(&b, series(v, 14, 0, 3), &o);
	cr_expect_eq(count_role(&b, row_of(&b, b.height - 2), WN_CHART_STEP), 2,
	             "only steps inside the range are marked");
	cr_expect_eq(count_role(&b, row_of(&b, 0), WN_CHART_STEP), 1,
	             "one legend swatch");
	cr_expect_eq(count_role(&b, plot_area(&b), WN_CHART_STEP), 0,
	             "nothing in the plot");
	o.ascii = true;
	render_into(&b, series(v, 14, 0, 3), &o);
	for (int x = 0; x < b.width; x++)
		if (wn_chart_cell(&b, x, b.height - 2)->role == WN_CHART_STEP)
			cr_expect_str_eq(wn_chart_cell(&b, x, b.height - 2)->ch, "^");
	wn_chart_buf_free(&b);
}

struct unit_case {
	enum data data;
	int width;
	const char *legend;
};

Test(chart, aggregation_follows_the_range)
{
	static const struct unit_case cases[] = {
		{ .data = D_TWOWEEKS, .width = 80, .legend = "daily" },
		{ .data = D_MONTHS3, .width = 80, .legend = "weekly mean" },
		{ .data = D_MONTHS3, .width = 200, .legend = "daily" },
		{ .data = D_YEAR, .width = 80, .legend = "weekly mean" },
		{ .data = D_TENYEARS, .width = 80, .legend = "quarterly mean" },
		{ .data = D_TENYEARS, .width = 200, .legend = "monthly mean" },
		{ .data = D_TENYEARS, .width = 40, .legend = "yearly mean" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *t = render_line(cases[i].data, cases[i].width, 20, false);
		char *nl = strchr(t, '\n');
		*nl = '\0';
		cr_expect(strstr(t, cases[i].legend), "case %zu: \"%s\"", i, t);
		free(t);
	}
}

Test(chart, moving_average_only_for_days)
{
	static struct dataset d;
	struct wn_chart_buf b;
	struct wn_err err;

	wn_chart_buf_init(&b);
	make_data(D_TWOWEEKS, &d);
	struct wn_chart_opts o = opts_for(&d, 80, 20, false);
	cr_assert_eq(wn_chart_line(&b, &d.s, &o, &err), WN_OK);
	int with = count_role(&b, plot_area(&b), WN_CHART_AVG);
	cr_expect_gt(with, 0);
	/* the first three days have fewer than 4 values in their window */
	struct rect first3 = plot_area(&b);
	first3.x1 = b.width * 3 / 14 - 1;
	cr_expect_eq(count_role(&b, first3, WN_CHART_AVG), 0);
	o.moving_average = false;
	cr_assert_eq(wn_chart_line(&b, &d.s, &o, &err), WN_OK);
	cr_expect_eq(count_role(&b, (struct rect){ 0, 79, 0, 19 },
	             WN_CHART_AVG), 0);
	make_data(D_YEAR, &d);
	o = opts_for(&d, 80, 20, false);
	cr_assert_eq(wn_chart_line(&b, &d.s, &o, &err), WN_OK);
	cr_expect_eq(count_role(&b, (struct rect){ 0, 79, 0, 19 },
	             WN_CHART_AVG), 0);
	cr_expect_gt(count_role(&b, plot_area(&b), WN_CHART_RANGE), 0);
	wn_chart_buf_free(&b);
}

Test(chart, dose_overlay_has_its_own_axis)
{
	static struct dataset d;
	struct wn_chart_buf b;
	struct wn_err err;

	wn_chart_buf_init(&b);
	make_data(D_TWOWEEKS, &d);
	struct wn_chart_opts o = opts_for(&d, 80, 20, false);
	cr_assert_eq(wn_chart_line(&b, &d.s, &o, &err), WN_OK);
	/* the 20 mg start sits on the top row, the right gutter says 20 */
	cr_expect_gt(count_role(&b, row_of(&b, 1), WN_CHART_DOSE), 0);
	char *t;
	cr_assert_eq(wn_chart_text(&b, &t, &err), WN_OK);
	char *line1 = strchr(t, '\n') + 1;
	char *end = strchr(line1, '\n');
	cr_expect(end - line1 > 3 && strncmp(end - 3, " 20", 3) == 0,
	          "%.*s", (int)(end - line1), line1);
	free(t);
	wn_chart_buf_free(&b);
}

Test(chart, buffer_is_reused)
{
	static struct dataset d;
	struct wn_chart_buf b;
	struct wn_err err;
	char *t;

	wn_chart_buf_init(&b);
	make_data(D_TENYEARS, &d);
	struct wn_chart_opts o = opts_for(&d, 200, 20, false);
	cr_assert_eq(wn_chart_line(&b, &d.s, &o, &err), WN_OK);
	o = opts_for(&d, 40, 8, true);
	cr_assert_eq(wn_chart_line(&b, &d.s, &o, &err), WN_OK);
	cr_expect_eq(b.width, 40);
	cr_expect_eq(b.height, 8);
	cr_assert_eq(wn_chart_text(&b, &t, &err), WN_OK);
	check_shape(t, (struct shape){ 40, 8, true }, "reused");
	free(t);
	cr_expect_null(wn_chart_cell(&b, 40, 0));
	cr_expect_null(wn_chart_cell(&b, 0, 8));
	cr_expect_null(wn_chart_cell(&b, -1, 0));
	wn_chart_buf_free(&b);
	cr_expect_null(b.cells);
	cr_assert_eq(wn_chart_text(&b, &t, &err), WN_OK);
	cr_expect_str_eq(t, "");
	free(t);
}

Test(chart, titles_are_cleaned_and_fitted)
{
	double v[3] = { 1, 2, 3 };
	struct wn_chart_series s = { TODAY - 2, 3, v, 0, 3, "0-3", NULL };
	struct wn_chart_opts o = { .width = 40, .height = 8,
	                           .title = "\xc3\x9c" "belkeit\x1b[31m" };
	struct wn_chart_buf b;
	struct wn_err err;

	wn_chart_buf_init(&b);
	cr_assert_eq(wn_chart_line(&b, &s, &o, &err), WN_OK);
	cr_expect_str_eq(wn_chart_cell(&b, 0, 0)->ch, "\xc3\x9c");
	cr_expect_str_eq(wn_chart_cell(&b, 8, 0)->ch, "?", "ESC is replaced");
	o.ascii = true;
	cr_assert_eq(wn_chart_line(&b, &s, &o, &err), WN_OK);
	cr_expect_str_eq(wn_chart_cell(&b, 0, 0)->ch, "?");
	/* a double-width title takes two cells per character */
	o.ascii = false;
	o.title = "\xe7\x9c\xa9\xe6\x9a\x88";      /* two CJK characters */
	cr_assert_eq(wn_chart_line(&b, &s, &o, &err), WN_OK);
	cr_expect_str_eq(wn_chart_cell(&b, 0, 0)->ch, "\xe7\x9c\xa9");
	cr_expect_str_eq(wn_chart_cell(&b, 1, 0)->ch, "");
	cr_expect_str_eq(wn_chart_cell(&b, 2, 0)->ch, "\xe6\x9a\x88");
	cr_expect_str_eq(wn_chart_cell(&b, 4, 0)->ch, " ");
	/* a long title ends in an ellipsis and leaves out the legend */
	o.title = "Inner restlessness or akathisia, and a very long name";
	cr_assert_eq(wn_chart_line(&b, &s, &o, &err), WN_OK);
	cr_expect_str_eq(wn_chart_cell(&b, 39, 0)->ch, "…");
	wn_chart_buf_free(&b);
}

/* Emoji are two columns wide (the width comes from core/text.h): a title
 * of them keeps every line within the chart's width. */
Test(chart, wide_emoji_title_keeps_the_width)
{
	double v[3] = { 1, 2, 3 };
	struct wn_chart_series s = { TODAY - 2, 3, v, 0, 3, "0-3", NULL };
	struct wn_chart_opts o = { .width = 40, .height = 8,
	                           .title = "🚀🚀🚀🚀 zaps" };
	struct wn_chart_buf b;
	struct wn_err err;
	char *t;

	wn_chart_buf_init(&b);
	cr_assert_eq(wn_chart_line(&b, &s, &o, &err), WN_OK);
	cr_expect_str_eq(wn_chart_cell(&b, 0, 0)->ch, "🚀");
	cr_expect_str_eq(wn_chart_cell(&b, 1, 0)->ch, "", "right half of the rocket");
	cr_expect_str_eq(wn_chart_cell(&b, 6, 0)->ch, "🚀");
	cr_expect_str_eq(wn_chart_cell(&b, 8, 0)->ch, " ");
	cr_assert_eq(wn_chart_text(&b, &t, &err), WN_OK);
	for (char *line = t, *nl; (nl = strchr(line, '\n')); line = nl + 1) {
		*nl = '\0';
		cr_expect_leq(wn_text_width(line), 40, "\"%s\"", line);
	}
	free(t);
	wn_chart_buf_free(&b);
}

/* ---- sparklines ------------------------------------------------ */

struct spark_case {
	double v[10];
	size_t n;
	double lo, hi;
	int width;
	bool ascii;
	const char *want;
};

Test(chart, sparkline_levels)
{
	static const struct spark_case cases[] = {
		{ .v = { 0, 1, 2, 3, 4, 5, 6, 7 }, .n = 8, .lo = 0, .hi = 7,
		  .width = 8, .want = "▁▂▃▄▅▆▇█\n" },
		{ .v = { 0, 1, 2, 3, 4, 5, 6, 7 }, .n = 8, .lo = 0, .hi = 7,
		  .width = 8, .ascii = true, .want = "_.-:=+*#\n" },
		{ .v = { 0, NAN, 3 }, .n = 3, .lo = 0, .hi = 3, .width = 10,
		  .want = "▁ █\n" },
		{ .v = { 0, 0, 3, 3, NAN, NAN, 3, 0 }, .n = 8, .lo = 0, .hi = 3,
		  .width = 4, .want = "▁█ ▅\n" },       /* means of pairs */
		{ .v = { 5, 5, 5 }, .n = 3, .lo = 0, .hi = 10, .width = 5,
		  .want = "▅▅▅\n" },
		{ .v = { 0 }, .n = 0, .lo = 0, .hi = 3, .width = 5, .want = "\n" },
		{ .v = { 9, 1 }, .n = 2, .lo = 0, .hi = 3, .width = 2,
		  .want = "█▂\n" },                     /* scale grows to 9 */
	};
	struct wn_chart_buf b;
	struct wn_err err;

	wn_chart_buf_init(&b);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct spark_case *c = &cases[i];
		struct wn_chart_series s = { TODAY, c->n, c->v, c->lo, c->hi,
		                             NULL, NULL };
		struct wn_chart_opts o = { .width = c->width, .ascii = c->ascii };
		char *t;
		cr_assert_eq(wn_chart_sparkline(&b, &s, &o, &err), WN_OK);
		cr_assert_eq(wn_chart_text(&b, &t, &err), WN_OK);
		cr_expect_str_eq(t, c->want, "case %zu: \"%s\"", i, t);
		free(t);
	}
	wn_chart_buf_free(&b);
}

struct hostile_case {
	double v[4];
	double lo, hi;
};

Test(chart, hostile_values_still_render)
{
	static const struct hostile_case cases[] = {
		{ .v = { 1e300, -1e300, 0, 1 }, .lo = NAN, .hi = NAN },
		{ .v = { INFINITY, -INFINITY, NAN, 2 }, .lo = 0, .hi = 3 },
		{ .v = { 1e-300, 2e-300, 0, 0 }, .lo = NAN, .hi = NAN },
		{ .v = { -5, -3, -4, -1 }, .lo = 5, .hi = -5 },
		{ .v = { -0.0, 0.0, -0.0, 0 }, .lo = 0, .hi = 0 },
		{ .v = { 123456789, 2, 3, 4 }, .lo = 0, .hi = 10 },
	};
	struct wn_chart_buf b;
	struct wn_err err;

	wn_chart_buf_init(&b);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		for (int a = 0; a < 2; a++) {
			struct wn_chart_series s = series(cases[i].v, 4, cases[i].lo,
			                                  cases[i].hi);
			struct wn_chart_opts o = { .width = 40, .height = 8,
			                           .ascii = a, .overlay = &s };
			char *t, what[32];
			snprintf(what, sizeof what, "hostile %zu", i);
			cr_assert_eq(wn_chart_line(&b, &s, &o, &err), WN_OK);
			cr_assert_eq(wn_chart_text(&b, &t, &err), WN_OK);
			check_shape(t, (struct shape){ 40, 8, a }, what);
			free(t);
			o.width = 7;
			cr_assert_eq(wn_chart_sparkline(&b, &s, &o, &err), WN_OK);
		}
	wn_chart_buf_free(&b);
}
