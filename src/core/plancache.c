/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plancache.c -- the plan cache's key and bytes; see core/plancache.h.
 *
 * One codec writes and reads: each struct has one function that moves
 * its fields through struct codec, which appends them to a buffer when
 * writing and takes them from the bytes when reading, so the two
 * directions cannot drift apart. */
#include "core/plancache.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef WN_CORE_ID
#define WN_CORE_ID "unknown"
#endif

#define MAGIC "wean plan cache 1"
#define MAX_FINDINGS 4096

struct codec {
	struct wn_buf *out;          /* writing: the bytes so far */
	const unsigned char *in;     /* reading: what is left */
	size_t left;
	bool bad;                    /* reading: the bytes ran out or lied */
};

static void io(struct codec *c, void *p, size_t n)
{
	if (c->out) {
		wn_buf_add(c->out, p, n);
	} else if (c->bad || c->left < n) {
		c->bad = true;
		memset(p, 0, n);
	} else {
		memcpy(p, c->in, n);
		c->in += n;
		c->left -= n;
	}
}

static void io_int(struct codec *c, int *v)
{
	int32_t x = (int32_t)*v;
	io(c, &x, sizeof x);
	*v = (int)x;
}

static void io_long(struct codec *c, long *v)
{
	int64_t x = (int64_t)*v;
	io(c, &x, sizeof x);
	*v = (long)x;
}

static void io_dbl(struct codec *c, double *v)
{
	io(c, v, sizeof *v);
}

static void io_bool(struct codec *c, bool *v)
{
	unsigned char x = *v ? 1 : 0;
	io(c, &x, 1);
	if (x > 1)
		c->bad = true;
	*v = x == 1;
}

/* An enum's value through an int, checked to lie in [0, max]. */
#define IO_ENUM(c, e, max) do { \
		int x_ = (int)(e); \
		io_int((c), &x_); \
		if (x_ < 0 || x_ > (max)) { (c)->bad = true; x_ = 0; } \
		(e) = x_; \
	} while (0)

/* A NUL-terminated string in a buffer of cap bytes: its length, then its
 * bytes (never the bytes after the NUL). */
static void io_str(struct codec *c, char *s, size_t cap)
{
	uint32_t len = c->out ? (uint32_t)strnlen(s, cap - 1) : 0;
	io(c, &len, sizeof len);
	if (!c->out && len >= cap) {
		c->bad = true;
		len = 0;
	}
	io(c, s, len);
	if (!c->out)
		s[c->bad ? 0 : len] = '\0';
}

/* A string that may be NULL (the key only). */
static void put_text(struct codec *c, const char *s)
{
	uint32_t len = s ? (uint32_t)strlen(s) : UINT32_MAX;
	io(c, &len, sizeof len);
	if (s)
		io(c, (char *)s, len);
}

/* ---- the key ------------------------------------------------------------------ */

static void key_form(struct codec *c, const struct wn_form *f)
{
	struct wn_form x = *f;
	IO_ENUM(c, x.kind, 1 << 20);
	io_dbl(c, &x.strength_mg);
	io_int(c, &x.divisible);
	io_dbl(c, &x.conc_mg_per_ml);
	io_int(c, &x.beads_per_capsule);
	io_dbl(c, &x.ml_step);
	io_str(c, x.label, sizeof x.label);
}

static void key_params(struct codec *c, const struct wn_taper_params *p)
{
	struct wn_taper_params x = *p;
	IO_ENUM(c, x.method, 1 << 20);
	io_long(c, &x.start);
	io_dbl(c, &x.from_dose);
	io_dbl(c, &x.step);
	io_int(c, &x.every_days);
	io_dbl(c, &x.round_q);
	io_dbl(c, &x.floor_dose);
	io_dbl(c, &x.to_dose);
	io_dbl(c, &x.emax);
	io_dbl(c, &x.ed50);
	io_int(c, &x.max_steps);
	io_int(c, &x.n_forms);
	for (int i = 0; i < p->n_forms; i++)
		key_form(c, &p->forms[i]);
	io_int(c, &x.n_custom);
	for (int i = 0; i < p->n_custom; i++) {
		struct wn_taper_point pt = p->custom[i];
		io_long(c, &pt.date);
		io_dbl(c, &pt.dose);
	}
	io_int(c, &x.n_holds);
	for (int i = 0; i < p->n_holds; i++) {
		struct wn_hold h = p->holds[i];
		io_long(c, &h.start);
		io_long(c, &h.end);
	}
}

int wn_plancache_key(const struct wn_plan *p, const struct wn_med *m, bool replaced,
                     const char *drugref_id, struct wn_buf *out)
{
	struct codec c = { .out = out };
	int sizes[] = {
		(int)sizeof(int), (int)sizeof(long), (int)sizeof(double),
		(int)sizeof(struct wn_taper_step), (int)sizeof(struct wn_review_step),
		(int)sizeof(struct wn_review_finding), WN_TAPER_HOW, WN_REVIEW_TEXT,
	};
	wn_buf_reset(out);
	put_text(&c, MAGIC);
	put_text(&c, WN_CORE_ID);
	for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++)
		io_int(&c, &sizes[i]);
	put_text(&c, drugref_id);
	put_text(&c, m->name);
	put_text(&c, m->unit);
	put_text(&c, m->drug_key);
	bool r = replaced, fm = p->form_missing;
	io_bool(&c, &r);
	put_text(&c, p->region);
	put_text(&c, p->form_label);
	io_bool(&c, &fm);
	key_params(&c, &p->params);
	struct wn_doses d = p->doses;
	io_int(&c, &d.n);
	for (int i = 0; i < d.n && i < WN_DOSES_MAX; i++) {
		io_int(&c, &d.minute[i]);
		io_dbl(&c, &d.part[i]);
	}
	IO_ENUM(&c, d.cut, 1 << 20);
	long n = (long)p->n_events;
	io_long(&c, &n);
	for (size_t i = 0; i < p->n_events; i++) {
		struct wn_plan_event e = p->events[i];
		IO_ENUM(&c, e.kind, 1 << 20);
		io_long(&c, &e.start);
		io_long(&c, &e.end);
		io_dbl(&c, &e.dose);
	}
	return out->failed ? WN_ERR : WN_OK;
}

/* ---- the entry ---------------------------------------------------------------- */

static void io_step(struct codec *c, struct wn_taper_step *s)
{
	io_long(c, &s->date);
	io_long(c, &s->base_date);
	io_long(c, &s->due);
	io_int(c, &s->moved);
	io_dbl(c, &s->dose);
	io_dbl(c, &s->pct_of_start);
	io_dbl(c, &s->pct_cut);
	io_dbl(c, &s->occupancy);
	io_str(c, s->how, sizeof s->how);
	io_bool(c, &s->warn_rounding);
}

static void io_rstep(struct codec *c, struct wn_review_step *s)
{
	io_long(c, &s->date);
	io_dbl(c, &s->dose);
	io_dbl(c, &s->prev);
	io_dbl(c, &s->nominal_dose);
	io_dbl(c, &s->nominal_pct);
	io_dbl(c, &s->nominal_pts);
	io_dbl(c, &s->cut_pct);
	io_dbl(c, &s->cut_pts);
	io_dbl(c, &s->occupancy);
	io_int(c, &s->form);
	io_dbl(c, &s->factor);
	io_str(c, s->form_text, sizeof s->form_text);
}

static void io_finding(struct codec *c, struct wn_review_finding *f)
{
	IO_ENUM(c, f->kind, WN_REVIEW_AFTER_REINSTATE);
	IO_ENUM(c, f->level, WN_REVIEW_WARNING);
	io_int(c, &f->step);
	io_int(c, &f->step_to);
	io_str(c, f->text, sizeof f->text);
	io_str(c, f->brief, sizeof f->brief);
	io_str(c, f->src, sizeof f->src);
}

/* A count read back: within [0, max], else the bytes lie. */
static int io_count(struct codec *c, int n, int max)
{
	io_int(c, &n);
	if (n < 0 || n > max) {
		c->bad = true;
		return 0;
	}
	return n;
}

static void *array(struct codec *c, int n, size_t size, bool *oom)
{
	if (c->out || n == 0 || c->bad)
		return NULL;
	void *p = calloc((size_t)n, size);
	if (!p)
		*oom = true;
	return p;
}

static void io_review(struct codec *c, struct wn_review *r, bool *oom)
{
	r->n_steps = io_count(c, r->n_steps, WN_TAPER_MAX_STEPS);
	if (!c->out)
		r->steps = array(c, r->n_steps, sizeof *r->steps, oom);
	for (int i = 0; i < r->n_steps && !c->bad && r->steps; i++)
		io_rstep(c, &r->steps[i]);
	r->n_findings = io_count(c, r->n_findings, MAX_FINDINGS);
	if (!c->out)
		r->findings = array(c, r->n_findings, sizeof *r->findings, oom);
	for (int i = 0; i < r->n_findings && !c->bad && r->findings; i++)
		io_finding(c, &r->findings[i]);
	io_int(c, &r->n_warnings);
	io_int(c, &r->n_cautions);
	IO_ENUM(c, r->worst, WN_REVIEW_WARNING);
	io_dbl(c, &r->sert.emax);
	io_dbl(c, &r->sert.ed50);
	io_str(c, r->sert.region, sizeof r->sert.region);
	io_str(c, r->sert.src, sizeof r->sert.src);
	io_bool(c, &r->sert.approximate);
	IO_ENUM(c, r->method, WN_TAPER_CUSTOM);
	io_str(c, r->unit, sizeof r->unit);
}

/* The fields of an entry, in both directions. */
static void io_entry(struct codec *c, struct wn_today_plan *t, bool *oom)
{
	char magic[32];
	snprintf(magic, sizeof magic, "%s", MAGIC);
	io_str(c, magic, sizeof magic);
	if (!c->out && strcmp(magic, MAGIC) != 0)
		c->bad = true;
	struct wn_schedule *s = &t->sched;
	s->n = io_count(c, s->n, WN_TAPER_MAX_STEPS);
	if (!c->out)
		s->steps = array(c, s->n, sizeof *s->steps, oom);
	for (int i = 0; i < s->n && !c->bad && s->steps; i++)
		io_step(c, &s->steps[i]);
	io_int(c, &s->n_dated);
	if (s->n_dated < 0 || s->n_dated > s->n)
		c->bad = true;
	io_long(c, &s->hold_since);
	io_bool(c, &s->truncated);
	io_bool(c, &t->reviewed);
	if (t->reviewed)
		io_review(c, &t->review, oom);
	io_bool(c, &t->has_up);
	if (t->has_up)
		io_review(c, &t->up, oom);
	io_long(c, &t->up_on);
}

int wn_plancache_encode(const struct wn_today_plan *t, struct wn_buf *out)
{
	struct codec c = { .out = out };
	bool oom = false;
	wn_buf_reset(out);
	io_entry(&c, (struct wn_today_plan *)t, &oom);
	return out->failed ? WN_ERR : WN_OK;
}

static void clear(struct wn_today_plan *t)
{
	wn_taper_free(&t->sched);
	wn_review_free(&t->review);
	wn_review_free(&t->up);
	memset(&t->sched, 0, sizeof t->sched);
	t->sched.hold_since = WN_DATE_NONE;
	t->reviewed = t->has_up = false;
	t->up_on = WN_DATE_NONE;
}

int wn_plancache_decode(const void *data, size_t n, struct wn_today_plan *t)
{
	struct codec c = { .in = data, .left = n };
	bool oom = false;
	memset(&t->sched, 0, sizeof t->sched);
	memset(&t->review, 0, sizeof t->review);
	memset(&t->up, 0, sizeof t->up);
	t->reviewed = t->has_up = false;
	io_entry(&c, t, &oom);
	if (oom || c.bad || c.left != 0) {
		clear(t);
		return oom ? WN_ERR : WN_DATAERR;
	}
	return WN_OK;
}
