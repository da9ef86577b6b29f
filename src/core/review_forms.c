/* SPDX-License-Identifier: GPL-3.0-or-later */
/* review_forms.c -- the plan review's forms: which form delivers a dose,
 * its words and factor, worked out once per review (struct rv_forms)
 * rather than once per step.  See core/review.h. */
#include "review_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FORMS RV_MAX_FORMS

/* ---- forms -------------------------------------------------------------- */

static bool is_solid(const struct wn_form *f)
{
	return f->kind == WN_TAPER_TABLET || f->kind == WN_TAPER_CAPSULE;
}

int rv_n_usable(const struct wn_taper_params *p)
{
	int k = 0;
	for (int i = 0; i < p->n_forms; i++)
		k += p->forms[i].kind != WN_TAPER_OTHER;
	return k;
}

/* Same kind and amount (the label does not matter). */
static bool same_amount(const struct wn_form *a, const struct wn_form *b)
{
	if (a->kind != b->kind)
		return false;
	if (a->kind == WN_TAPER_LIQUID)
		return fabs(a->conc_mg_per_ml - b->conc_mg_per_ml) < RV_EPS;
	return fabs(a->strength_mg - b->strength_mg) < RV_EPS &&
	       a->beads_per_capsule == b->beads_per_capsule;
}

bool rv_has_form(const struct wn_form *list, int n, const struct wn_form *f)
{
	for (int i = 0; i < n; i++)
		if (same_amount(&list[i], f))
			return true;
	return false;
}

/* What the review works out once per form, for every step: the rounders
 * form_of asks (the tablets and capsules together, each liquid or bead
 * capsule alone), and each form's words and factor. */
struct rv_forms {
	struct wn_form solid[MAX_FORMS];
	int ns, first;                 /* solid forms; index of the first */
	struct wn_rounder solid_rd;
	struct wn_rounder *one[MAX_FORMS];   /* made when first asked */
	bool text_ok[MAX_FORMS], factor_ok[MAX_FORMS];
	char text[MAX_FORMS][WN_REVIEW_FORM];
	double factor[MAX_FORMS];
	struct rv_alt *alt[RV_ALT_SLOTS];    /* made when first asked */
};

/* The plan's forms and one more, and their rounder. */
struct rv_alt {
	struct wn_form f[MAX_FORMS + 1];
	struct wn_rounder rd;
	bool text_ok;
	char text[RV_ALT_TEXT];        /* wn_taper_form_format of the one more */
};

struct rv_forms *rv_forms_new(const struct wn_taper_params *p)
{
	struct rv_forms *c = malloc(sizeof *c);
	if (!c)
		return NULL;
	c->ns = 0;
	c->first = -1;
	for (int i = 0; i < p->n_forms && c->ns < MAX_FORMS; i++) {
		if (is_solid(&p->forms[i])) {
			c->first = c->first < 0 ? i : c->first;
			c->solid[c->ns++] = p->forms[i];
		}
	}
	wn_rounder_init(&c->solid_rd, &(struct wn_rounding){ 0, c->solid, c->ns });
	memset(c->one, 0, sizeof c->one);
	memset(c->alt, 0, sizeof c->alt);
	memset(c->text_ok, 0, sizeof c->text_ok);
	memset(c->factor_ok, 0, sizeof c->factor_ok);
	return c;
}

void rv_forms_free(struct rv_forms *c)
{
	if (!c)
		return;
	wn_rounder_free(&c->solid_rd);
	for (int i = 0; i < MAX_FORMS; i++) {
		if (c->one[i])
			wn_rounder_free(c->one[i]);
		free(c->one[i]);
	}
	for (int i = 0; i < RV_ALT_SLOTS; i++) {
		if (c->alt[i])
			wn_rounder_free(&c->alt[i]->rd);
		free(c->alt[i]);
	}
	free(c);
}

static bool delivers(const struct wn_form *forms, int n, double dose)
{
	struct wn_rounding r = { 0, forms, n };
	return fabs(wn_taper_round(&r, dose, NULL, 0) - dose) <= RV_EPS;
}

static bool rd_delivers(struct wn_rounder *rd, double dose)
{
	return fabs(wn_rounder_round(rd, dose, NULL, 0) - dose) <= RV_EPS;
}

/* Does form i alone deliver dose?  Through its rounder, made once, when
 * there is room for one. */
static bool one_delivers(const struct rv *x, int i, double dose)
{
	struct rv_forms *c = x->fc;
	if (!c || i >= MAX_FORMS)
		return delivers(&x->p->forms[i], 1, dose);
	if (!c->one[i]) {
		c->one[i] = malloc(sizeof *c->one[i]);
		if (!c->one[i])
			return delivers(&x->p->forms[i], 1, dose);
		wn_rounder_init(c->one[i], &(struct wn_rounding){ 0, &x->p->forms[i], 1 });
	}
	return rd_delivers(c->one[i], dose);
}

/* The form that delivers dose, as taper.c picks it: tablets and capsules
 * together first, then each liquid or bead capsule in order. */
int rv_form_of(const struct rv *x, double dose)
{
	const struct wn_taper_params *p = x->p;
	struct rv_forms *c = x->fc;
	if (dose <= RV_EPS)
		return -1;
	if (c) {
		if (c->ns && rd_delivers(&c->solid_rd, dose))
			return c->first;
	} else {
		struct wn_form solid[MAX_FORMS];
		int ns = 0, first = -1;
		for (int i = 0; i < p->n_forms && ns < MAX_FORMS; i++) {
			if (is_solid(&p->forms[i])) {
				first = first < 0 ? i : first;
				solid[ns++] = p->forms[i];
			}
		}
		if (ns && delivers(solid, ns, dose))
			return first;
	}
	for (int i = 0; i < p->n_forms; i++)
		if (p->forms[i].kind != WN_TAPER_OTHER && !is_solid(&p->forms[i]) &&
		    one_delivers(x, i, dose))
			return i;
	return -1;
}

static void solids_words(const struct rv *x, char *buf, size_t n)
{
	int tab = 0, cap = 0, last = 0;
	for (int i = 0; i < x->p->n_forms; i++) {
		const struct wn_form *f = &x->p->forms[i];
		tab += f->kind == WN_TAPER_TABLET;
		cap += f->kind == WN_TAPER_CAPSULE;
		last = is_solid(f) ? i : last;
	}
	char t[WN_REVIEW_FORM + 16];
	if (tab + cap == 1) {
		wn_taper_form_format(&x->p->forms[last], t, sizeof t);
		rv_unit(x, t, buf, n);
	} else {
		snprintf(buf, n, "%s", !cap ? "tablets" : !tab ? "capsules"
		                                             : "tablets and capsules");
	}
}

static void form_words_of(const struct rv *x, int fi, char *buf, size_t n)
{
	char t[WN_REVIEW_FORM + 16];
	buf[0] = '\0';
	if (fi < 0)
		return;
	if (is_solid(&x->p->forms[fi])) {
		solids_words(x, buf, n);
		return;
	}
	wn_taper_form_format(&x->p->forms[fi], t, sizeof t);
	rv_unit(x, t, buf, n);
}

/* form_words_of into a step's form_text, worked out once per form. */
void rv_form_words(const struct rv *x, int fi, char buf[WN_REVIEW_FORM])
{
	struct rv_forms *c = x->fc;
	if (fi < 0 || !c || fi >= MAX_FORMS) {
		form_words_of(x, fi, buf, WN_REVIEW_FORM);
		return;
	}
	if (!c->text_ok[fi]) {
		form_words_of(x, fi, c->text[fi], sizeof c->text[fi]);
		c->text_ok[fi] = true;
	}
	memcpy(buf, c->text[fi], strlen(c->text[fi]) + 1);
}

/* Tablet-equivalent mg per mg of form fi, worked out once per form. */
double rv_factor_of(const struct rv *x, int fi)
{
	struct rv_forms *c = x->fc;
	if (!c || fi >= MAX_FORMS)
		return wn_drugref_form_factor(x->drug, &x->p->forms[fi]);
	if (!c->factor_ok[fi]) {
		c->factor[fi] = wn_drugref_form_factor(x->drug, &x->p->forms[fi]);
		c->factor_ok[fi] = true;
	}
	return c->factor[fi];
}

struct wn_rounder *rv_alt_rounder(const struct rv *x, int slot, const struct wn_form *m)
{
	struct rv_forms *c = x->fc;
	if (!c || slot < 0 || slot >= RV_ALT_SLOTS)
		return NULL;
	if (!c->alt[slot]) {
		struct rv_alt *a = malloc(sizeof *a);
		int n = x->p->n_forms < MAX_FORMS ? x->p->n_forms : MAX_FORMS;
		if (!a)
			return NULL;
		if (n)
			memcpy(a->f, x->p->forms, (size_t)n * sizeof *a->f);
		a->f[n++] = *m;
		wn_rounder_init(&a->rd, &(struct wn_rounding){ 0, a->f, n });
		a->text_ok = false;
		c->alt[slot] = a;
	}
	return &c->alt[slot]->rd;
}

void rv_alt_words(const struct rv *x, int slot, const struct wn_form *m, char *buf,
                  size_t n)
{
	struct wn_rounder *rd = n && n <= RV_ALT_TEXT ? rv_alt_rounder(x, slot, m) : NULL;
	if (!rd) {
		wn_taper_form_format(m, buf, n);
		return;
	}
	struct rv_alt *a = x->fc->alt[slot];
	if (!a->text_ok) {
		wn_taper_form_format(m, a->text, sizeof a->text);
		a->text_ok = true;
	}
	size_t len = strnlen(a->text, n - 1);
	memcpy(buf, a->text, len);
	buf[len] = '\0';
}
