/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_report_svg.c -- the charts of the HTML report (src/report/svg.c):
 * date labels inside the chart and never overlapping, for any range and
 * width; every month labelled where there is room (the 200-day half-width
 * chart once lost "Jul" and clipped "Dec"); a dose chart drawn as steps. */
#include <criterion/criterion.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/report/report_int.h"
#include "core/date.h"

#define LABEL_CHAR 6.0   /* as svg.c: px per character of a label, generous */

struct label {
	double x, y;
	char text[16];
};

/* The labels under the plot (y beyond the bottom axis) of an SVG. */
static size_t date_labels(const char *s, double bottom, struct label *out, size_t max)
{
	size_t n = 0;
	for (const char *p = strstr(s, "<text x=\""); p && n < max; p = strstr(p + 1, "<text x=\"")) {
		struct label l;
		if (sscanf(p, "<text x=\"%lf\" y=\"%lf\">%15[^<]", &l.x, &l.y, l.text) != 3)
			continue;   /* a title, tick number or legend (with a class) */
		if (l.y > bottom)
			out[n++] = l;
	}
	return n;
}

static char *chart(wn_date start, size_t n, int width, int height, const double *v)
{
	struct wn_buf b;
	struct wn_report_svg c = { .title = "t", .start = start, .n = n, .v = v, .lo = 0,
	                           .hi = 10, .width = width, .height = height };
	wn_buf_init(&b);
	cr_assert_eq(wn_report_svg_chart(&b, &c), WN_OK);
	return wn_buf_detach(&b);
}

static double *fives(size_t n)
{
	double *v = malloc(n * sizeof *v);
	cr_assert_not_null(v);
	for (size_t i = 0; i < n; i++)
		v[i] = 5;
	return v;
}

static bool has_label(const struct label *l, size_t n, const char *text)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(l[i].text, text) == 0)
			return true;
	return false;
}

Test(report_svg, every_month_of_200_days_in_a_half_width_chart)
{
	static const char *const months[] = { "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct label l[64];
	double *v = fives(200);
	for (int width = 332; width <= 344; width += 12) {
		char *s = chart(wn_date_from_ymd(2026, 5, 20), 200, width, 100, v);
		size_t n = date_labels(s, 100 - 26, l, 64);
		for (size_t i = 0; i < sizeof months / sizeof *months; i++)
			cr_expect(has_label(l, n, months[i]), "width %d: no %s label", width, months[i]);
		cr_expect(has_label(l, n, "2026"), "width %d: no year", width);
		free(s);
	}
	free(v);
}

/* Every date label inside the viewBox, none overlapping the one before on
 * its line, for ranges from a week to 30 years and widths from 200 px. */
Test(report_svg, date_labels_inside_and_apart_for_any_range)
{
	static const size_t days[] = { 7, 14, 45, 46, 90, 91, 200, 366, 400, 800, 801, 3000,
	                               11000 };
	static const int widths[] = { 200, 332, 344, 703 };
	struct label l[512];
	for (size_t d = 0; d < sizeof days / sizeof *days; d++) {
		double *v = fives(days[d]);
		for (size_t w = 0; w < sizeof widths / sizeof *widths; w++) {
			char *s = chart(wn_date_from_ymd(2026, 5, 20), days[d], widths[w], 120, v);
			size_t n = date_labels(s, 120 - 26, l, 512);
			cr_expect(n >= 2, "%zu days, width %d: %zu labels", days[d], widths[w], n);
			for (size_t i = 0; i < n; i++) {
				double end = l[i].x + (double)strlen(l[i].text) * LABEL_CHAR;
				cr_expect(l[i].x >= 0 && end <= widths[w], "%zu days, width %d: '%s' "
				          "from %.1f to %.1f", days[d], widths[w], l[i].text, l[i].x, end);
				for (size_t k = 0; k < i; k++)
					if (l[k].y == l[i].y)
						cr_expect(l[k].x + (double)strlen(l[k].text) * LABEL_CHAR <
						          l[i].x, "%zu days, width %d: '%s' overlaps '%s'",
						          days[d], widths[w], l[i].text, l[k].text);
			}
			free(s);
		}
		free(v);
	}
}

/* A dose chart of its own: one path going straight down on the day of the
 * step (V), level across the days (H); no polyline, no slope. */
Test(report_svg, a_dose_chart_is_drawn_as_steps)
{
	double v[30];
	for (int i = 0; i < 30; i++)
		v[i] = i < 10 ? 20 : i < 20 ? 15 : NAN;
	struct wn_buf b;
	struct wn_report_svg c = { .title = "Planned dose", .start = wn_date_from_ymd(2026, 3, 1),
	                           .n = 30, .v = v, .width = 703, .height = 120,
	                           .dose_only = true };
	wn_buf_init(&b);
	cr_assert_eq(wn_report_svg_chart(&b, &c), WN_OK);
	cr_expect_null(strstr(b.s, "<polyline"), "%s", b.s);
	const char *p = strstr(b.s, "<path class=\"line\" d=\"M");
	cr_assert_not_null(p, "%s", b.s);
	double x0, y0, h1, v1, h2;
	cr_assert_eq(sscanf(p, "<path class=\"line\" d=\"M%lf,%lfH%lfV%lfH%lf\"", &x0, &y0, &h1,
	                    &v1, &h2), 5, "%.80s", p);
	cr_expect(v1 > y0, "the dose goes down: %f %f", y0, v1);
	cr_expect(h1 > x0 && h2 > h1);
	cr_expect_null(strstr(p + 1, "<path class=\"line\""), "one path: the gap ends it");
	wn_buf_free(&b);
}

/* A step on the last day of a dose chart: its label moved left to end
 * inside the chart, not cut off at the edge. */
Test(report_svg, a_step_label_at_the_right_edge_stays_inside)
{
	double v[30];
	for (int i = 0; i < 30; i++)
		v[i] = i < 29 ? 20 : 17.5;
	static struct wn_report_med med;
	static struct wn_report r;
	struct wn_report_cut cut = { .date = wn_date_from_ymd(2026, 3, 30), .dose = 17.5 };
	snprintf(med.med.unit, sizeof med.med.unit, "mg");
	r.meds = &med;
	r.n_meds = 1;
	r.cuts = &cut;
	r.n_cuts = 1;
	struct wn_buf b;
	struct wn_report_svg c = { .title = "Planned dose", .start = wn_date_from_ymd(2026, 3, 1),
	                           .n = 30, .v = v, .width = 344, .height = 100, .r = &r,
	                           .med = &med, .step_labels = true, .dose_only = true };
	wn_buf_init(&b);
	cr_assert_eq(wn_report_svg_chart(&b, &c), WN_OK);
	const char *p = strstr(b.s, "<text class=\"steplabel\" x=\"");
	cr_assert_not_null(p, "%s", b.s);
	double x;
	char label[16];
	cr_assert_eq(sscanf(p, "<text class=\"steplabel\" x=\"%lf\" y=\"%*f\">%15[^<]", &x, label),
	             2, "%.80s", p);
	cr_expect_str_eq(label, "17.5 mg");
	cr_expect(x + strlen(label) * LABEL_CHAR <= 344, "'%s' from %.1f", label, x);
	wn_buf_free(&b);
}
