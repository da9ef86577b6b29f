/* SPDX-License-Identifier: GPL-3.0-or-later */
/* wrap.c -- word wrap for the note editor and long text, and the way
 * between byte offsets and screen positions; see core/wrap.h.  Widths and
 * characters are core/text.h's. */
#include "core/wrap.h"

#include <stdbool.h>
#include <string.h>

#include "core/text.h"

struct wrap_ctx {
	const char *s;
	int cols;
	struct wn_wrap_line *lines;
	size_t max, n;
};

static void wrap_line(struct wrap_ctx *c, size_t off, size_t len, int width)
{
	if (c->n < c->max)
		c->lines[c->n] = (struct wn_wrap_line){ off, len, width };
	c->n++;
}

/* Wrap one paragraph s[start..end) (no '\n' inside). */
static void wrap_para(struct wrap_ctx *c, size_t start, size_t end)
{
	size_t ls = start, p = start, brk = start;  /* line start, break */
	int w = 0, bw = 0;                          /* widths to p, brk */

	while (p < end) {
		int uw;
		size_t used = wn_text_char(c->s + p, end - p, &uw);
		bool space = c->s[p] == ' ' || c->s[p] == '\t';
		if (space && w + uw > c->cols) {       /* drop it, break */
			wrap_line(c, ls, p - ls, w);
			p += used;
			ls = brk = p;
			w = bw = 0;
		} else if (!space && w > 0 && w + uw > c->cols) {
			if (brk > ls) {           /* after the last spaces */
				wrap_line(c, ls, brk - ls, bw);
				w -= bw;
			} else {                  /* hard, before this char */
				wrap_line(c, ls, p - ls, w);
				brk = p;
				w = 0;
			}
			ls = brk;
			bw = 0;
		} else {
			w += uw;
			p += used;
			if (space) {
				brk = p;
				bw = w;
			}
		}
	}
	wrap_line(c, ls, end - ls, w);
}

size_t wn_wrap(const char *s, int cols, struct wn_wrap_line *lines,
               size_t max_lines)
{
	struct wrap_ctx c = {
		.s = s, .cols = cols < 1 ? 1 : cols,
		.lines = lines, .max = lines ? max_lines : 0,
	};
	size_t len = strlen(s), pos = 0;

	for (;;) {
		const char *nl = memchr(s + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - s) : len;
		wrap_para(&c, pos, end);
		if (!nl)
			break;
		pos = end + 1;
	}
	return c.n;
}

struct wn_wrap_pos wn_wrap_locate(const char *s,
                                  const struct wn_wrap_line *lines,
                                  size_t n, size_t pos)
{
	struct wn_wrap_pos r = { 0, 0 };
	size_t lo = 0, hi = n;

	if (n == 0)
		return r;
	while (hi - lo > 1) {  /* last line with off <= pos */
		size_t mid = lo + (hi - lo) / 2;
		if (lines[mid].off <= pos)
			lo = mid;
		else
			hi = mid;
	}
	const struct wn_wrap_line *l = &lines[lo];
	size_t stop = pos < l->off + l->len ? pos : l->off + l->len;
	r.line = lo;
	if (stop > l->off)
		r.col = wn_text_width_n(s + l->off, stop - l->off, 0);
	return r;
}

size_t wn_wrap_offset(const char *s, const struct wn_wrap_line *lines,
                      size_t n, struct wn_wrap_pos at)
{
	if (n == 0)
		return 0;
	if (at.line >= n)
		return lines[n - 1].off + lines[n - 1].len;
	const struct wn_wrap_line *l = &lines[at.line];
	size_t p = l->off, end = l->off + l->len;
	int w = 0;
	while (p < end) {
		int uw;
		size_t used = wn_text_char(s + p, end - p, &uw);
		if (w + uw > at.col)
			return p;
		w += uw;
		p += used;
	}
	if (l->len > 0 && at.line + 1 < n && lines[at.line + 1].off == end)
		return wn_text_prev_char(s, end);  /* soft wrap: stay on it */
	return end;
}
