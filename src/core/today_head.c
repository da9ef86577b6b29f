/* SPDX-License-Identifier: GPL-3.0-or-later */
/* today_head.c -- the rows under the Today screen's title; see
 * today_head.h. */
#include <stdio.h>
#include <string.h>

#include "core/findings.h"
#include "core/holdrule.h"
#include "core/safety.h"
#include "core/today_head.h"
#include "core/wrap.h"

#define MAX_LINES 64           /* wrapped lines looked at, at most */

const struct wn_review_finding *wn_today_next_finding(const struct wn_today_plan *p,
                                                      wn_date day)
{
	if (!p || !p->has)
		return NULL;
	int next = wn_taper_next_step(&p->sched, day);
	const struct wn_review_finding *up = p->has_up && p->up_on <= day ?
		wn_findings_on_step(&p->up, next) : NULL;
	const struct wn_review_finding *f = p->reviewed ?
		wn_findings_on_step(&p->review, next) : NULL;
	if (up && (!f || up->level >= f->level))
		return up;
	return f;
}

static struct wn_today_head_row *new_row(struct wn_today_head *h,
                                         enum wn_today_head_kind kind)
{
	if (h->n >= WN_TODAY_HEAD_ROWS)
		return NULL;
	struct wn_today_head_row *r = &h->row[h->n++];
	memset(r, 0, sizeof *r);
	r->kind = kind;
	return r;
}

/* Where the taper of medication m stands, and the finding on its next
 * step. */
static void add_taper(const struct wn_today_head_in *in, size_t m,
                      struct wn_today_head *h)
{
	const struct wn_today_plan *p = &in->plans[m];
	struct wn_today_head_row *r = new_row(h, WN_TODAY_HEAD_TAPER);
	struct wn_buf b;
	wn_buf_init(&b);
	wn_today_plan_status(&in->med[m], p, in->day, &b);
	if (r)
		snprintf(r->text, sizeof r->text, "%s", b.failed ? "" : b.s);
	wn_buf_free(&b);
	const struct wn_review_finding *f = wn_today_next_finding(p, in->day);
	if (!f || !(r = new_row(h, WN_TODAY_HEAD_FINDING)))
		return;
	r->level = f->level;
	snprintf(r->text, sizeof r->text, "  review of the next step: %s, %s",
	         f->level == WN_REVIEW_INFO ? "note" : wn_review_level_name(f->level),
	         f->brief);
}

/* Rows of s wrapped to cols, at most max: the last takes what is left of
 * s (the screen cuts it). */
static void add_wrapped(struct wn_today_head *h, enum wn_today_head_kind kind,
                        const char *s, int cols, int max)
{
	struct wn_wrap_line lines[MAX_LINES];
	size_t n = wn_wrap(s, cols, lines, MAX_LINES);
	for (size_t k = 0; k < n && k < MAX_LINES && (int)k < max; k++) {
		struct wn_today_head_row *r = new_row(h, kind);
		const char *from = s + lines[k].off;
		size_t len = (int)k == max - 1 ? strlen(from) : lines[k].len;
		while (len > 0 && from[len - 1] == ' ')
			len--;
		if (r)
			snprintf(r->text, sizeof r->text, "%.*s", (int)len, from);
	}
}

/* The words, then the crisis line starting a row of its own, in the
 * rows allowed: on one row when both fit there; else the words on their
 * row and the line wrapped under them; else the two as one paragraph;
 * else the words cut (by the screen) and the line under them; else the
 * line alone. */
static void add_crisis(const struct wn_today_head_in *in, struct wn_today_head *h)
{
	char all[WN_TODAY_HEAD_TEXT];
	int max = in->crisis_rows < 1 ? 1 : in->crisis_rows;
	int cols = in->cols < 1 ? 1 : in->cols;
	if (max > WN_TODAY_CRISIS_ROWS)
		max = WN_TODAY_CRISIS_ROWS;
	snprintf(all, sizeof all, "%s %s", WN_SAFETY_TEXT, in->crisis);
	int n_all = (int)wn_wrap(all, cols, NULL, 0);
	int n_line = (int)wn_wrap(in->crisis, cols, NULL, 0);
	bool words_fit = wn_wrap(WN_SAFETY_TEXT, cols, NULL, 0) == 1;
	if (n_all == 1 || (n_all <= max && !(words_fit && n_line <= max - 1))) {
		add_wrapped(h, WN_TODAY_HEAD_CRISIS, all, cols, max);
	} else if (max >= 2 && n_line <= max - 1) {
		struct wn_today_head_row *r = new_row(h, WN_TODAY_HEAD_CRISIS);
		if (r)
			snprintf(r->text, sizeof r->text, "%s", WN_SAFETY_TEXT);
		add_wrapped(h, WN_TODAY_HEAD_CRISIS, in->crisis, cols, max - 1);
	} else {
		add_wrapped(h, WN_TODAY_HEAD_CRISIS, in->crisis, cols, max);
	}
}

/* The hold rule's word: a proposal wrapped on the rows allowed but the
 * last, which holds its keys; or the days it waits for, on one row. */
static void add_hold(const struct wn_today_head_in *in, struct wn_today_head *h)
{
	const struct wn_today_hold *o = in->hold;
	char text[WN_TODAY_HEAD_TEXT];
	int cols = in->cols < 1 ? 1 : in->cols;
	int max = in->hold_rows < 2 ? 2 : in->hold_rows;
	if (max > WN_TODAY_HOLD_ROWS)
		max = WN_TODAY_HOLD_ROWS;
	if (o->propose) {
		snprintf(text, sizeof text, "%s%s%s. Why: %s", o->med ? o->med : "",
		         o->med ? ": " : "", WN_HOLDRULE_TEXT, o->why && *o->why ?
		         o->why : "the hold rules fire");
		add_wrapped(h, WN_TODAY_HEAD_HOLD, text, cols, max - 1);
		struct wn_today_head_row *r = new_row(h, WN_TODAY_HEAD_HOLD);
		if (r)
			snprintf(r->text, sizeof r->text, "%s", WN_TODAY_HOLD_KEYS);
	} else if (o->waiting) {
		snprintf(text, sizeof text, "%s%shold rules: not enough days yet (they need"
		         " %d days with ratings, %d so far)", o->med ? o->med : "",
		         o->med ? ": " : "", o->need_days, o->have_days);
		add_wrapped(h, WN_TODAY_HEAD_HOLD_WAIT, text, cols, 1);
	}
}

void wn_today_head(const struct wn_today_head_in *in, struct wn_today_head *out)
{
	int tapers = 0;
	out->n = 0;
	for (size_t m = 0; in->plans && m < in->n && tapers < WN_TODAY_TAPER_ROWS; m++) {
		if (!in->plans[m].has || in->plans[m].sched.n == 0)
			continue;
		add_taper(in, m, out);
		tapers++;
	}
	if (tapers == 0)
		new_row(out, WN_TODAY_HEAD_STATE);
	if (in->hold)
		add_hold(in, out);
	if (in->crisis && *in->crisis)
		add_crisis(in, out);
}
