/* SPDX-License-Identifier: GPL-3.0-or-later */
/* chart_legend.c -- the line chart's title and legend (chart_line_int.h):
 * what each line is, what a column is, the marks drawn.  Pure: no
 * curses, no output. */
#include "chart_line_int.h"

#include <stdio.h>
#include <string.h>

/* ---- title and legend -------------------------------------------------- */

struct legend {
	const char *glyph;       /* "": text only */
	char text[48];
	int role;
	char alt[24];            /* shorter text when text does not fit, or "" */
};

/* The step line's entries: the line, the second line, what a column is. */
static int legend_steps(const struct ctx *c, struct legend *it)
{
	const struct glyphs *g = c->p.g;
	const char *noun = c->o->step_noun ? c->o->step_noun : "value";
	int n = 0;

	if (c->total > 0) {
		it[n] = (struct legend){ g->h, "", WN_CHART_LINE, "" };
		snprintf(it[n++].text, sizeof it->text, "%s",
		         c->s->name ? c->s->name : noun);
	}
	if (c->sec && c->sec->n > 0) {
		it[n] = (struct legend){ g->dh, "", WN_CHART_DOSE, "" };
		snprintf(it[n++].text, sizeof it->text, "%s",
		         c->sec->name ? c->sec->name : "second");
	}
	if (c->unit == U_SPAN) {
		it[n] = (struct legend){ "", "", WN_CHART_LABEL, "" };
		snprintf(it[n].text, sizeof it->text, "1 column = %d days, last %s",
		         c->k, noun);
		snprintf(it[n++].alt, sizeof it->alt, "1 col = %d days", c->k);
	}
	return n;
}

/* The mean line's entries: what it is, the overlay, the average. */
static int legend_means(const struct ctx *c, const struct drawn *dr,
                        struct legend *it)
{
	static const char *const per[] = {
		"daily", "weekly mean", "monthly mean", "quarterly mean",
		"yearly mean", "mean",
	};
	const struct glyphs *g = c->p.g;
	const struct wn_chart_series *ov = c->ov;
	int n = 0;

	it[n] = (struct legend){ g->h, "", WN_CHART_LINE, "" };
	if (c->unit == U_YEAR && c->k > 1)
		snprintf(it[n].text, sizeof it[n].text, "%d-year mean", c->k);
	else
		snprintf(it[n].text, sizeof it[n].text, "%s", per[c->unit]);
	/* the main line needs naming when it is a mean or not alone */
	n += c->total > 0 && (c->unit != U_DAY || c->dose || dr->avg);
	if (c->dose) {
		it[n] = (struct legend){ g->dh, "", WN_CHART_DOSE, "" };
		snprintf(it[n++].text, sizeof it->text, "%s%s%s%s",
		         ov->name ? ov->name : "dose", ov->unit ? " (" : "",
		         ov->unit ? ov->unit : "", ov->unit ? ")" : "");
	}
	if (dr->avg)
		it[n++] = (struct legend){ g->avg, "7-day avg", WN_CHART_AVG, "" };
	return n;
}

/* Legend entries, most important first. */
static int legend_items(const struct ctx *c, const struct drawn *dr,
                        struct legend *it)
{
	const struct glyphs *g = c->p.g;
	int n = c->stepl ? legend_steps(c, it) : legend_means(c, dr, it);

	if (dr->step)
		it[n++] = (struct legend){ g->step, "step", WN_CHART_STEP, "" };
	if (dr->range)
		it[n++] = (struct legend){ g->range, "min-max", WN_CHART_RANGE, "" };
	if (dr->gap && c->total > 0)
		it[n++] = (struct legend){ g->ax_gap, "no data", WN_CHART_GAP, "" };
	return n;
}

/* Row 0: the title and unit on the left; as many legend entries as fit
 * beside it, right-aligned. */
void wn_chart_line_header(const struct ctx *c, const struct drawn *dr)
{
	const struct wn_chart_series *s = c->s;
	const char *t = c->o->title;
	struct legend it[8];
	char title[256];
	int n = legend_items(c, dr, it), used = 0, w[8], k = 0;

	snprintf(title, sizeof title, "%s%s%s%s", t ? t : "",
	         s->unit && t ? " (" : "", s->unit ? s->unit : "",
	         s->unit && t ? ")" : "");
	int tw = wn_chart_text_width(c->p, title);
	int avail = c->W - (tw ? tw + 2 : 0);
	for (; k < n; k++) {
		int gw = it[k].glyph[0] ? 2 : 0;
		w[k] = gw + wn_chart_text_width(c->p, it[k].text);
		if (used + w[k] + (k ? 2 : 0) > avail && it[k].alt[0]) {
			memcpy(it[k].text, it[k].alt, sizeof it[k].alt);
			w[k] = gw + wn_chart_text_width(c->p, it[k].text);
		}
		if (used + w[k] + (k ? 2 : 0) > avail)
			break;
		used += w[k] + (k ? 2 : 0);
	}
	wn_chart_put_fit(wn_chart_ink(&c->p, WN_CHART_TITLE), (struct box){ 0, 0, c->W }, title);
	for (int i = 0, x = c->W - used; i < k; x += w[i] + 2, i++) {
		int gw = it[i].glyph[0] ? 2 : 0;
		wn_chart_put(wn_chart_ink(&c->p, it[i].role), x, 0, it[i].glyph);
		wn_chart_put_text(wn_chart_ink(&c->p, WN_CHART_LABEL),
		         (struct box){ x + gw, 0, w[i] - gw }, it[i].text);
	}
}

/* " no data " in the middle of the plot, over whatever is there. */
void wn_chart_line_nodata(const struct ctx *c)
{
	const char *msg = "no data";
	int len = (int)strlen(msg);
	int x = c->lg + (c->C - len) / 2, y = c->top + (c->P - 1) / 2;

	wn_chart_put_text(wn_chart_ink(&c->p, WN_CHART_BLANK), (struct box){ x - 1, y, len + 2 },
	         "         ");
	wn_chart_put_text(wn_chart_ink(&c->p, WN_CHART_LABEL), (struct box){ x, y, len }, msg);
}
