/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plancache.c -- the plan cache's key and bytes; see core/plancache.h.
 *
 * One codec writes and reads: each struct has one function that moves
 * its fields through struct codec, which appends them to a buffer when
 * writing and takes them from the bytes when reading, so the two
 * directions cannot drift apart. */
#include "core/plancache.h"

#include "core/plan.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef WN_CORE_ID
#define WN_CORE_ID "unknown"
#endif

#define MAGIC "wean plan cache 2"
#define MAX_FINDINGS 4096
#define MAX_ROWS 100000          /* forms, events, acks of one plan */

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

/* A string that may be NULL, owned by the struct (malloc'd when read). */
static void io_text(struct codec *c, char **s, bool *oom)
{
	uint32_t len = c->out ? (*s ? (uint32_t)strlen(*s) : UINT32_MAX) : 0;
	io(c, &len, sizeof len);
	if (c->out) {
		if (*s)
			io(c, *s, len);
		return;
	}
	*s = NULL;
	if (c->bad || len == UINT32_MAX)
		return;
	if (len > c->left) {
		c->bad = true;
		return;
	}
	*s = malloc((size_t)len + 1);
	if (!*s) {
		*oom = c->bad = true;
		return;
	}
	io(c, *s, len);
	(*s)[len] = '\0';
	if (strlen(*s) != len)         /* a NUL inside: not what was written */
		c->bad = true;
}

/* ---- the key ------------------------------------------------------------------ */

int wn_plancache_key(const struct wn_med *m, const char *drugref_id, struct wn_buf *out)
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
	return out->failed ? WN_ERR : WN_OK;
}

/* ---- the entry ---------------------------------------------------------------- */

/* The elements of arrays (io_array): an element, and the flag a read
 * sets when memory ran out. */
static void io_step(struct codec *c, void *e, bool *oom)
{
	struct wn_taper_step *s = e;
	(void)oom;
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

static void io_rstep(struct codec *c, void *e, bool *oom)
{
	struct wn_review_step *s = e;
	(void)oom;
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

static void io_finding(struct codec *c, void *e, bool *oom)
{
	struct wn_review_finding *f = e;
	(void)oom;
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

/* An array through its count (at most max) and each() on each element;
 * read, it is allocated (NULL when empty) and returned, written, arr
 * comes back. */
static void *io_array(struct codec *c, void *arr, int *n, int max, size_t size,
                      void (*each)(struct codec *, void *, bool *), bool *oom)
{
	*n = io_count(c, *n, max);
	if (!c->out) {
		arr = NULL;
		if (*n > 0 && !c->bad && !(arr = calloc((size_t)*n, size)))
			*oom = true;
	}
	for (int i = 0; i < *n && !c->bad && arr; i++)
		each(c, (char *)arr + (size_t)i * size, oom);
	return arr;
}

static void io_review(struct codec *c, struct wn_review *r, bool *oom)
{
	r->steps = io_array(c, r->steps, &r->n_steps, WN_TAPER_MAX_STEPS, sizeof *r->steps,
	                    io_rstep, oom);
	r->findings = io_array(c, r->findings, &r->n_findings, MAX_FINDINGS,
	                       sizeof *r->findings, io_finding, oom);
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

/* ---- the plan ------------------------------------------------------------------ */

static void io_form(struct codec *c, void *e, bool *oom)
{
	struct wn_form *f = e;
	(void)oom;
	IO_ENUM(c, f->kind, WN_FORM_OTHER);
	io_dbl(c, &f->strength_mg);
	io_int(c, &f->divisible);
	io_dbl(c, &f->conc_mg_per_ml);
	io_int(c, &f->beads_per_capsule);
	io_dbl(c, &f->ml_step);
	io_str(c, f->label, sizeof f->label);
}

static void io_params(struct codec *c, struct wn_taper_params *t)
{
	IO_ENUM(c, t->method, WN_TAPER_CUSTOM);
	io_long(c, &t->start);
	io_dbl(c, &t->from_dose);
	io_dbl(c, &t->step);
	io_int(c, &t->every_days);
	io_dbl(c, &t->round_q);
	io_dbl(c, &t->floor_dose);
	io_dbl(c, &t->to_dose);
	io_dbl(c, &t->emax);
	io_dbl(c, &t->ed50);
	io_int(c, &t->max_steps);
}

static void io_doses(struct codec *c, struct wn_doses *d)
{
	d->n = io_count(c, d->n, WN_DOSES_MAX);
	for (int i = 0; i < d->n && !c->bad; i++) {
		io_int(c, &d->minute[i]);
		io_dbl(c, &d->part[i]);
	}
	IO_ENUM(c, d->cut, WN_CUT_MORNING);
}

static void io_point(struct codec *c, void *e, bool *oom)
{
	struct wn_taper_point *pt = e;
	(void)oom;
	io_long(c, &pt->date);
	io_dbl(c, &pt->dose);
}

static void io_event(struct codec *c, void *x, bool *oom)
{
	struct wn_plan_event *e = x;
	io_long(c, &e->id);
	IO_ENUM(c, e->kind, WN_PLAN_REINSTATE);
	io_long(c, &e->start);
	io_long(c, &e->end);
	io_dbl(c, &e->dose);
	io_text(c, &e->reason, oom);
}

static void io_ack(struct codec *c, void *e, bool *oom)
{
	struct wn_plan_ack *a = e;
	io_str(c, a->kind, sizeof a->kind);
	io_int(c, &a->step);
	io_text(c, &a->text, oom);
	io_str(c, a->acked, sizeof a->acked);
	if (!c->out && !c->bad && !a->text)
		c->bad = true;              /* an acknowledgement always has its text */
}

/* The plan as loaded (and made ready: wn_plan_ready points its params at
 * its arrays, and makes its holds from its events, after a read). */
static void io_plan(struct codec *c, struct wn_plan *p, bool *oom)
{
	io_long(c, &p->id);
	io_long(c, &p->med_id);
	io_bool(c, &p->active);
	io_str(c, p->created, sizeof p->created);
	io_str(c, p->region, sizeof p->region);
	io_str(c, p->form_label, sizeof p->form_label);
	io_bool(c, &p->form_missing);
	io_long(c, &p->agreed_on);
	io_doses(c, &p->doses);
	io_params(c, &p->params);
	int n_events = (int)p->n_events, n_acks = (int)p->n_acks;
	p->forms = io_array(c, p->forms, &p->n_forms, MAX_ROWS, sizeof *p->forms, io_form, oom);
	p->custom = io_array(c, p->custom, &p->n_custom, WN_PLAN_MAX_CUSTOM, sizeof *p->custom,
	                     io_point, oom);
	p->events = io_array(c, p->events, &n_events, MAX_ROWS, sizeof *p->events, io_event, oom);
	p->acks = io_array(c, p->acks, &n_acks, MAX_ROWS, sizeof *p->acks, io_ack, oom);
	p->n_events = (size_t)n_events;
	p->n_acks = (size_t)n_acks;
}

/* The fields of an entry, in both directions. */
static void io_entry(struct codec *c, struct wn_today_plan *t, bool *oom)
{
	char magic[32];
	snprintf(magic, sizeof magic, "%s", MAGIC);
	io_str(c, magic, sizeof magic);
	if (!c->out && strcmp(magic, MAGIC) != 0)
		c->bad = true;
	io_plan(c, &t->plan, oom);
	struct wn_schedule *s = &t->sched;
	s->steps = io_array(c, s->steps, &s->n, WN_TAPER_MAX_STEPS, sizeof *s->steps, io_step,
	                    oom);
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
	wn_plan_free(&t->plan);
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
	memset(t, 0, sizeof *t);
	wn_taper_params_init(&t->plan.params);
	io_entry(&c, t, &oom);
	if (!oom && !c.bad && c.left == 0 && wn_plan_ready(&t->plan, NULL) != WN_OK)
		oom = true;
	if (oom || c.bad || c.left != 0) {
		clear(t);
		return oom ? WN_ERR : WN_DATAERR;
	}
	return WN_OK;
}
