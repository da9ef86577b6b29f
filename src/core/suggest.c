/* SPDX-License-Identifier: GPL-3.0-or-later */
/* suggest.c -- "did you mean": edit distance over folded code points and
 * ranked suggestions; see core/suggest.h. */
#include "core/suggest.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"

#define DIST_MAX 256

static int min3(int a, int b, int c)
{
	int m = a < b ? a : b;
	return m < c ? m : c;
}

/* Optimal string alignment distance, three rolling rows. */
static int osa(const int32_t *x, size_t n, const int32_t *y, size_t m)
{
	int rows[3][DIST_MAX + 1];
	int *pp = rows[0], *p = rows[1], *c = rows[2];

	for (size_t j = 0; j <= m; j++)
		p[j] = (int)j;
	for (size_t i = 1; i <= n; i++) {
		c[0] = (int)i;
		for (size_t j = 1; j <= m; j++) {
			int v = min3(p[j] + 1, c[j - 1] + 1,
			             p[j - 1] + (x[i - 1] != y[j - 1]));
			if (i > 1 && j > 1 && x[i - 1] == y[j - 2] &&
			    x[i - 2] == y[j - 1] && pp[j - 2] + 1 < v)
				v = pp[j - 2] + 1;
			c[j] = v;
		}
		int *t = pp;
		pp = p;
		p = c;
		c = t;
	}
	return p[m];
}

int wn_suggest_distance(const char *a, const char *b)
{
	int32_t x[DIST_MAX], y[DIST_MAX];
	size_t n, m;

	wn_text_fold(a, x, DIST_MAX, &n);
	wn_text_fold(b, y, DIST_MAX, &m);

	return osa(x, n, y, m);
}

/* Does hay contain needle, both folded? */
static bool contains_folded(const char *hay, const char *needle)
{
	int32_t h[DIST_MAX], w[DIST_MAX];
	size_t nh, nw;

	wn_text_fold(hay, h, DIST_MAX, &nh);
	wn_text_fold(needle, w, DIST_MAX, &nw);
	for (size_t i = 0; i + nw <= nh; i++)
		if (memcmp(h + i, w, nw * sizeof *w) == 0)
			return true;
	return false;
}

struct ranked {
	const char **out;
	int dist[WN_SUGGEST_MAX];
	size_t k, max;
};

/* Insert cand after every entry with a distance <= d, if it ranks. */
static void rank_insert(struct ranked *r, const char *cand, int d)
{
	size_t at = r->k;

	while (at > 0 && r->dist[at - 1] > d)
		at--;
	if (at >= r->max)
		return;
	size_t last = r->k < r->max ? r->k : r->max - 1;
	for (size_t i = last; i > at; i--) {
		r->out[i] = r->out[i - 1];
		r->dist[i] = r->dist[i - 1];
	}
	r->out[at] = cand;
	r->dist[at] = d;
	if (r->k < r->max)
		r->k++;
}

size_t wn_suggest(const char *word, const char *const *cands, size_t n,
                  const char **out, size_t max_out)
{
	int32_t tmp[DIST_MAX];
	size_t wl;

	wn_text_fold(word, tmp, DIST_MAX, &wl);
	struct ranked r = { .out = out, .k = 0 };

	r.max = max_out < WN_SUGGEST_MAX ? max_out : WN_SUGGEST_MAX;
	if (wl == 0 || r.max == 0)
		return 0;
	int limit = wl / 3 > 2 ? (int)(wl / 3) : 2;
	for (size_t i = 0; i < n; i++) {
		if (!cands[i])
			continue;
		int d = wn_suggest_distance(word, cands[i]);
		bool close = d <= limit && (size_t)d < wl;
		if (close || (wl >= 3 && contains_folded(cands[i], word)))
			rank_insert(&r, cands[i], d);
	}
	return r.k;
}

int wn_suggest_unknown(struct wn_err *err, const char *kind, const char *name,
                       const char *const *cands, size_t n)
{
	const char *best[3];
	size_t nb = wn_suggest(name, cands, n, best, 3);
	char sugg[256] = "";
	for (size_t i = 0; i < nb; i++) {
		size_t l = strlen(sugg);
		snprintf(sugg + l, sizeof sugg - l, "%s'%s'", i ? ", " : "", best[i]);
	}
	/* nothing close: a short list is given whole ("one of ics, csv or json") */
	bool list = nb == 0 && n > 0 && n <= WN_SUGGEST_LIST_MAX;
	for (size_t i = 0; list && i < n; i++) {
		size_t l = strlen(sugg);
		snprintf(sugg + l, sizeof sugg - l, "%s%s", i == 0 ? "" : i + 1 == n ? " or " : ", ",
		         cands[i]);
	}
	char *safe = wn_text_sanitize(name, strlen(name), false);
	wn_err_set(err, WN_DATAERR, "unknown %s '%.60s'%s%s%s", kind, safe ? safe : "?",
	           nb ? " (did you mean " : list ? " (one of " : "", sugg,
	           nb ? "?)" : list ? ")" : "");
	free(safe);
	return WN_DATAERR;
}
