/* SPDX-License-Identifier: GPL-3.0-or-later */
/* review.c -- the plan review: the steps (nominal and effective cuts, the
 * form used), rounding jumps, absorbed steps, form switches and the
 * whole-plan checks; see core/review.h.  Pace and the final step are in
 * review_pace.c, the text in review_text.c. */
#include "core/review.h"
#include "review_int.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/plan.h"

#define MAX_FORMS RV_MAX_FORMS
#define MAX_NAMED 2            /* marketed forms named in a rounding jump */
#define FINE_ML 0.01           /* mL: the marks of a 1 mL oral syringe */

/* ---- shared helpers (review_int.h) --------------------------------------- */

struct wn_review_finding *rv_add(struct rv *x, enum wn_review_kind kind,
                                 enum wn_review_level level, int step)
{
	struct wn_review *r = x->out;
	if (x->oom || wn_buf_grow((void **)&r->findings, &x->cap,
	                      (size_t)r->n_findings, sizeof *r->findings)) {
		x->oom = true;
		return NULL;
	}
	struct wn_review_finding *f = &r->findings[r->n_findings++];
	memset(f, 0, sizeof *f);
	f->kind = kind;
	f->level = level;
	f->step = f->step_to = step;
	return f;
}

struct wn_review_finding *rv_add_step(struct rv *x, enum wn_review_kind kind,
                                      enum wn_review_level level, int step)
{
	struct wn_review_finding *f = rv_add(x, kind, level, step);
	char who[RV_WHO];
	if (f) {
		rv_steps_name(x, step, step, who);
		rv_addf(f->text, sizeof f->text, "%s", who);
	}
	return f;
}

void rv_addf(char *dst, size_t n, const char *fmt, ...)
{
	size_t len = strlen(dst);
	if (len + 1 >= n)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(dst + len, n - len, fmt, ap);
	va_end(ap);
}

void rv_append(char *dst, size_t n, const char *s)
{
	size_t len = strlen(dst);
	if (len + 1 >= n)
		return;
	size_t k = strnlen(s, n - len - 1);
	memcpy(dst + len, s, k);
	dst[len + k] = '\0';
}

const char *rv_num(double v, int dec, char *buf)
{
	return wn_text_num(v, dec, buf, RV_NUM);
}

void rv_steps_name(const struct rv *x, int from, int to, char who[RV_WHO])
{
	char a[WN_DATE_STRLEN], b[WN_DATE_STRLEN];
	char nf[WN_TEXT_LONG], nt[WN_TEXT_LONG];
	wn_date_format(x->out->steps[from].date, a);
	who[0] = '\0';
	if (to <= from) {       /* "Step %d (%s)" */
		rv_append(who, RV_WHO, "Step ");
		rv_append(who, RV_WHO, wn_text_long(from, nf));
		rv_append(who, RV_WHO, " (");
		rv_append(who, RV_WHO, a);
		rv_append(who, RV_WHO, ")");
		return;
	}
	wn_date_format(x->out->steps[to].date, b);
	rv_append(who, RV_WHO, "Steps ");      /* "Steps %d-%d (%s to %s)" */
	rv_append(who, RV_WHO, wn_text_long(from, nf));
	rv_append(who, RV_WHO, "-");
	rv_append(who, RV_WHO, wn_text_long(to, nt));
	rv_append(who, RV_WHO, " (");
	rv_append(who, RV_WHO, a);
	rv_append(who, RV_WHO, " to ");
	rv_append(who, RV_WHO, b);
	rv_append(who, RV_WHO, ")");
}

void rv_occ_words(const struct wn_review_sert *s, char *buf, size_t n)
{
	char e[RV_NUM], d[RV_NUM];
	snprintf(buf, n, "Emax %s%%, ED50 %s mg", rv_num(s->emax, 2, e),
	         rv_num(s->ed50, 2, d));
	if (s->region[0])
		rv_addf(buf, n, ", %s", s->region);
	if (s->src[0])
		rv_addf(buf, n, ", sources %s", s->src);
	if (s->approximate)
		rv_addf(buf, n, ", approximate");
}

bool rv_is_jump(double asked, double cut)
{
	if (!(cut > asked + RV_EPS))
		return false;
	return cut > 1.5 * asked + RV_EPS || (cut >= 25 - RV_EPS && asked < 25 - RV_EPS);
}

void rv_add_src(char *dst, size_t n, const char *ids)
{
	char buf[WN_REVIEW_SRC];
	size_t len = ids ? strnlen(ids, sizeof buf - 1) : 0;
	memcpy(buf, ids ? ids : "", len);
	buf[len] = '\0';
	for (char *save = NULL, *id = strtok_r(buf, " ", &save); id;
	     id = strtok_r(NULL, " ", &save)) {
		size_t l = strlen(id);
		bool seen = false;
		for (const char *p = dst; *p && !seen; p += strcspn(p, " "), p += *p == ' ')
			seen = strncmp(p, id, l) == 0 && (p[l] == ' ' || p[l] == '\0');
		if (!seen) {
			rv_append(dst, n, dst[0] ? " " : "");
			rv_append(dst, n, id);
		}
	}
}

void rv_unit(const struct rv *x, const char *text, char *out, size_t n)
{
	wn_plan_unit_text(text, x->out->unit, out, n);
}

/* ---- the steps ----------------------------------------------------------- */

static double cut_of(double prev, double dose)
{
	return prev > RV_EPS ? (prev - dose) / prev * 100.0 : 0;
}

static double occ_of(const struct rv *x, double dose)
{
	const struct wn_review_sert *s = &x->out->sert;
	return x->has_occ ? wn_taper_occupancy(dose, s->emax, s->ed50) : NAN;
}

/* What the method asks for at step k from the dose before (taper.c's
 * target before rounding; the floor and the target dose applied). */
static double nominal_want(const struct rv *x, int k, double prev)
{
	const struct wn_taper_params *p = x->p;
	const struct wn_review_sert *s = &x->out->sert;
	double want = 0, occ;
	switch (p->method) {
	case WN_TAPER_PERCENT:
		want = prev * (1.0 - p->step / 100.0);
		break;
	case WN_TAPER_LINEAR:
		want = prev - p->step;
		break;
	case WN_TAPER_OCCUPANCY:
		occ = wn_taper_occupancy(p->from_dose, s->emax, s->ed50) - k * p->step;
		want = occ <= 0 ? 0 : wn_taper_dose_for_occupancy(occ, s->emax, s->ed50);
		break;
	case WN_TAPER_CUSTOM:
		return x->s->steps[k].dose;
	}
	/* taper.c applies the floor to the rounded dose: a want just below
	 * the floor that rounds up to it is a step, not the end */
	if (!(want > RV_EPS) ||
	    (want < p->floor_dose - RV_EPS && !(x->s->steps[k].dose > RV_EPS)))
		return 0;
	return p->to_dose > 0 && want < p->to_dose ? p->to_dose : want;
}

static void fill_step(struct rv *x, int i)
{
	const struct wn_taper_step *st = &x->s->steps[i];
	struct wn_review_step *r = &x->out->steps[i];
	r->date = st->base_date;
	r->dose = st->dose;
	r->prev = i ? x->s->steps[i - 1].dose : st->dose;
	r->nominal_dose = i ? nominal_want(x, i, r->prev) : st->dose;
	r->nominal_pct = cut_of(r->prev, r->nominal_dose);
	r->cut_pct = cut_of(r->prev, r->dose);
	r->occupancy = occ_of(x, r->dose);
	r->nominal_pts = occ_of(x, r->prev) - occ_of(x, r->nominal_dose);
	r->cut_pts = occ_of(x, r->prev) - r->occupancy;
	r->form = rv_form_of(x, r->dose);
	r->factor = r->form >= 0 && x->mg ? rv_factor_of(x, r->form) : 1.0;
	rv_form_words(x, r->form, r->form_text);
}

/* ---- rounding jumps --------------------------------------------------------- */

struct alts {
	int n;
	struct wn_form form[MAX_NAMED];
	int slot[MAX_NAMED];       /* for rv_alt_rounder and rv_alt_words */
	double dose[MAX_NAMED];
	int finer;                 /* the plan's liquid measured by FINE_ML would */
	double finer_dose;         /* allow it (its index, else -1) and its dose */
};

/* Would adding marketed form m let step r come closer to what was asked?
 * *got gets the dose it would give.  slot names m for rv_alt_rounder. */
static bool alt_allows(const struct rv *x, const struct wn_review_step *r,
                       const struct wn_form *m, int slot, double *got)
{
	struct wn_rounder own, *rd = rv_alt_rounder(x, slot, m);
	if (!rd) {
		struct wn_form f[MAX_FORMS + 1];
		int n = x->p->n_forms < MAX_FORMS ? x->p->n_forms : MAX_FORMS;
		if (n)
			memcpy(f, x->p->forms, (size_t)n * sizeof *f);
		f[n++] = *m;
		wn_rounder_init(&own, &(struct wn_rounding){ 0, f, n });
		rd = &own;
	}
	double d = wn_rounder_round(rd, r->nominal_dose, NULL, 0);
	if (d >= r->prev - RV_EPS)
		d = wn_rounder_below(rd, r->prev, NULL, 0);
	if (rd == &own)
		wn_rounder_free(&own);
	if (d < x->p->floor_dose - RV_EPS)
		d = 0;
	*got = d;
	return d > RV_EPS && !rv_is_jump(r->nominal_pct, cut_of(r->prev, d));
}

/* Would one of the plan's liquids, measured by FINE_ML instead, let step r
 * come closer?  Sets a->finer. */
static void find_finer(const struct rv *x, const struct wn_review_step *r,
                       struct alts *a)
{
	a->finer = -1;
	if (x->p->round_q > 0 || r->nominal_dose <= RV_EPS)
		return;
	for (int i = 0; i < x->p->n_forms && i < MAX_FORMS; i++) {
		struct wn_form m = x->p->forms[i];
		if (m.kind != WN_TAPER_LIQUID || wn_taper_form_ml_step(&m) <= FINE_ML + RV_EPS)
			continue;
		m.ml_step = FINE_ML;
		if (alt_allows(x, r, &m, RV_ALT_FINER + i, &a->finer_dose)) {
			a->finer = i;
			return;
		}
	}
}

static void find_alts(const struct rv *x, const struct wn_review_step *r,
                      struct alts *a)
{
	a->n = 0;
	find_finer(x, r, a);
	if (!x->drug || !x->mg || x->p->round_q > 0 || r->nominal_dose <= RV_EPS)
		return;
	for (int i = 0; i < x->drug->n_forms && a->n < MAX_NAMED; i++) {
		const struct wn_form *m = &x->drug->forms[i];
		if (m->kind == WN_TAPER_OTHER || rv_has_form(x->p->forms, x->p->n_forms, m) ||
		    rv_has_form(a->form, a->n, m))
			continue;
		if (alt_allows(x, r, m, RV_ALT_MARKETED + i, &a->dose[a->n])) {
			a->slot[a->n] = RV_ALT_MARKETED + i;
			a->form[a->n++] = *m;
		}
	}
}

/* "measuring liquid 20 mg/ml by 0.01 ml (10.8 mg)", in the medication's
 * unit. */
static void finer_words(const struct rv *x, const struct alts *a, char *buf, size_t n)
{
	struct wn_form m = x->p->forms[a->finer];
	char t[WN_REVIEW_FORM + 16], tu[WN_REVIEW_FORM + 48], d[RV_NUM];
	m.ml_step = FINE_ML;
	rv_alt_words(x, RV_ALT_FINER + a->finer, &m, t, sizeof t);
	rv_unit(x, t, tu, sizeof tu);
	snprintf(buf, n, "measuring %s (%s %s)", tu, rv_num(a->finer_dose, 4, d), x->out->unit);
}

static void alts_words(const struct rv *x, const struct alts *a, bool final,
                       struct wn_review_finding *f)
{
	char t[WN_REVIEW_FORM + 16], d[RV_NUM], fine[WN_REVIEW_FORM + 96] = "";
	const char *u = x->out->unit;
	if (a->finer >= 0)
		finer_words(x, a, fine, sizeof fine);
	for (int i = 0; i < a->n; i++) {
		rv_alt_words(x, a->slot[i], &a->form[i], t, sizeof t);
		rv_addf(f->text, sizeof f->text, "%s %s (%s %s)", i ? " or" : "; adding",
		        t, rv_num(a->dose[i], 4, d), u);
	}
	if (fine[0])
		rv_addf(f->text, sizeof f->text, a->n ? ", or %s," : "; %s", fine);
	if (a->n || fine[0])
		rv_addf(f->text, sizeof f->text, " would allow %s.",
		        final ? "the taper to go on" : "a step closer to that");
	else if (x->p->round_q > 0)
		rv_addf(f->text, sizeof f->text, "; a smaller rounding step would allow a closer step.");
	else if (x->drug && x->mg)
		rv_addf(f->text, sizeof f->text, "; no form listed for %s in wean's drug "
		        "reference allows a closer step.", x->drug->name);
	else
		rv_addf(f->text, sizeof f->text, "; a finer form, such as a liquid or "
		        "smaller tablets, would allow a closer step.");
}

static void forms_src(const struct rv *x, struct wn_review_finding *f)
{
	char ids[WN_REVIEW_SRC];
	wn_drugref_src_of(x->drug, "forms", ids, sizeof ids);
	rv_add_src(f->src, sizeof f->src, ids);
}

static void jump_finding(struct rv *x, int i, const struct alts *a)
{
	const struct wn_review_step *r = &x->out->steps[i];
	struct wn_review_finding *f = rv_add_step(x, WN_REVIEW_ROUNDING_JUMP,
	                                          WN_REVIEW_WARNING, i);
	char c[RV_NUM], from[RV_NUM], to[RV_NUM], ask[RV_NUM], want[RV_NUM];
	const char *u = x->out->unit;
	bool final = r->dose <= RV_EPS;
	if (!f)
		return;
	rv_num(r->cut_pct, 1, c);
	if (x->p->round_q > 0)
		rv_addf(f->text, sizeof f->text, ": rounding to multiples of %s %s",
		        rv_num(x->p->round_q, 4, ask), u);
	else
		rv_addf(f->text, sizeof f->text, ": rounding to what the recorded forms can make");
	if (final)
		rv_addf(f->text, sizeof f->text, " stops the plan here, a 100%% cut from %s %s,",
		        rv_num(r->prev, 4, from), u);
	else
		rv_addf(f->text, sizeof f->text, " cuts %s%% of the dose (%s to %s %s),", c,
		        rv_num(r->prev, 4, from), rv_num(r->dose, 4, to), u);
	rv_addf(f->text, sizeof f->text, " where the plan entered in wean asks for %s%% "
	        "(to %s %s)", rv_num(r->nominal_pct, 1, ask),
	        rv_num(r->nominal_dose, r->nominal_dose < 1 ? 3 : 2, want), u);
	alts_words(x, a, final, f);
	rv_addf(f->brief, sizeof f->brief, "step %d cuts %s%% after rounding", i, c);
	if (a->n)
		forms_src(x, f);
}

/* Not when doses round to the default 0.01 mg: NO_FORM covers that. */
static void check_jumps(struct rv *x)
{
	if (x->p->method == WN_TAPER_CUSTOM || (x->p->round_q <= 0 && !rv_n_usable(x->p)))
		return;
	for (int i = 1; i < x->out->n_steps; i++) {
		const struct wn_review_step *r = &x->out->steps[i];
		struct alts a;
		if (!rv_is_jump(r->nominal_pct, r->cut_pct))
			continue;
		find_alts(x, r, &a);
		if (r->dose <= RV_EPS && a.n == 0)
			continue;        /* the taper ends here: FINAL names it */
		jump_finding(x, i, &a);
	}
}

/* ---- absorbed steps and form switches ---------------------------------------- */

static void check_absorbed(struct rv *x)
{
	char d[RV_NUM];
	for (int i = 1; i < x->out->n_steps; i++) {
		const struct wn_review_step *r = &x->out->steps[i];
		if (r->dose <= RV_EPS || fabs(r->dose - r->prev) > RV_EPS)
			continue;
		struct wn_review_finding *f = rv_add_step(x, WN_REVIEW_ABSORBED,
	                                          WN_REVIEW_CAUTION, i);
		if (!f)
			return;
		rv_addf(f->text, sizeof f->text, " keeps the dose at %s %s: the plan is "
		        "slower than its steps suggest.", rv_num(r->dose, 4, d), x->out->unit);
		rv_addf(f->brief, sizeof f->brief, "step %d keeps the dose", i);
	}
}

/* "16 mg of oral drops 40 mg/ml act like about 20 mg of tablets" for each
 * side of the switch with a factor. */
static void factor_words(const struct rv *x, const struct wn_review_step *s,
                         struct wn_review_finding *f)
{
	char d[RV_NUM], te[RV_NUM], fa[RV_NUM];
	if (fabs(s->factor - 1) <= RV_EPS)
		return;
	rv_addf(f->text, sizeof f->text, "; %s %s of %s act like about %s %s of tablets "
	        "(%s factor of %s from wean's drug reference)", rv_num(s->dose, 4, d),
	        x->out->unit, s->form_text, rv_num(s->dose * s->factor, 2, te), x->out->unit,
	        wn_drugref_is_approximate(x->drug, "form_equiv") ? "an approximate" : "a",
	        rv_num(s->factor, 3, fa));
}

/* "a cut of 25%", "a rise of 25%" or "no change" (at `dec` decimals). */
static void change_words(double cut, int dec, char *buf, size_t n)
{
	char v[RV_NUM];
	rv_num(fabs(cut), dec, v);
	if (strspn(v, "0.") == strlen(v))
		snprintf(buf, n, "no change");
	else
		snprintf(buf, n, "a %s of %s%%", cut > 0 ? "cut" : "rise", v);
}

/* Does the real change (in tablet terms) hide a cut the doses do not
 * show, or make a shown cut vanish or shrink below 2/3?  For a rise the
 * doses show (custom plans): a real cut or no change, or a rise 1.5 times
 * larger. */
static bool switch_misleads(double shown, double real)
{
	if (shown < -RV_EPS)
		return real > -RV_EPS || real < shown * 1.5 - RV_EPS;
	return rv_is_jump(shown, real) || real < shown / 1.5 - RV_EPS;
}

static void switch_known(const struct rv *x, int i, struct wn_review_finding *f)
{
	const struct wn_review_step *a = &x->out->steps[i - 1], *b = &x->out->steps[i];
	double real = cut_of(a->dose * a->factor, b->dose * b->factor);
	char c[RV_NUM + 16], r[RV_NUM + 16];
	factor_words(x, a, f);
	factor_words(x, b, f);
	change_words(real, 0, r, sizeof r);
	change_words(b->cut_pct, 1, c, sizeof c);
	rv_addf(f->text, sizeof f->text, ", so in tablet terms this step makes %s where the "
	        "doses show %s.", r, c);
	f->level = switch_misleads(b->cut_pct, real) ? WN_REVIEW_WARNING : WN_REVIEW_CAUTION;
	rv_addf(f->brief, sizeof f->brief, "form switch at step %d: %s in tablet terms", i, r);
	char ids[WN_REVIEW_SRC];
	wn_drugref_src_of(x->drug, "form_equiv", ids, sizeof ids);
	rv_add_src(f->src, sizeof f->src, ids);
}

static void switch_finding(struct rv *x, int i)
{
	const struct wn_review_step *a = &x->out->steps[i - 1], *b = &x->out->steps[i];
	struct wn_review_finding *f = rv_add_step(x, WN_REVIEW_FORM_SWITCH,
	                                          WN_REVIEW_CAUTION, i);
	if (!f)
		return;
	rv_addf(f->text, sizeof f->text, " switches from %s to %s", a->form_text,
	        b->form_text);
	if (fabs(a->factor - 1) > RV_EPS || fabs(b->factor - 1) > RV_EPS) {
		switch_known(x, i, f);
		return;
	}
	rv_addf(f->text, sizeof f->text, "; wean counts both mg for mg, and its drug "
	        "reference gives no factor between them for %s.",
	        x->drug && x->mg ? x->drug->name : "this medication");
	rv_addf(f->brief, sizeof f->brief, "form switch at step %d", i);
}

static void check_switches(struct rv *x)
{
	for (int i = 1; i < x->out->n_steps; i++) {
		const struct wn_review_step *a = &x->out->steps[i - 1], *b = &x->out->steps[i];
		if (a->form >= 0 && b->form >= 0 && a->form != b->form)
			switch_finding(x, i);
	}
}

/* ---- whole-plan checks ----------------------------------------------------------- */

static void check_no_form(struct rv *x)
{
	const struct wn_taper_params *p = x->p;
	double least = p->from_dose;
	char d[RV_NUM];
	if (p->method == WN_TAPER_CUSTOM || p->round_q > 0 || rv_n_usable(p))
		return;
	for (int i = 0; i < x->out->n_steps; i++)
		if (x->out->steps[i].dose > RV_EPS && x->out->steps[i].dose < least)
			least = x->out->steps[i].dose;
	struct wn_review_finding *f = rv_add(x, WN_REVIEW_NO_FORM, WN_REVIEW_CAUTION, -1);
	if (!f)
		return;
	rv_addf(f->text, sizeof f->text, "No form is recorded and no rounding step is set, "
	         "so wean rounds every dose to 0.01 %s (the smallest planned dose is %s %s); "
	         "recording the forms at hand, or a rounding step, keeps the plan to doses "
	         "that can be measured.", x->out->unit, rv_num(least, 4, d), x->out->unit);
	rv_addf(f->brief, sizeof f->brief, "no forms: doses rounded to 0.01 %s", x->out->unit);
}

static void undeliverable_words(const struct rv *x, int first, int more,
                                 struct wn_review_finding *f)
{
	char who[RV_WHO], d[RV_NUM], q[RV_NUM];
	const char *u = x->out->unit;
	rv_steps_name(x, first, first, who);
	if (x->p->round_q > 0)
		rv_addf(f->text, sizeof f->text, "Rounding to multiples of %s %s gives doses "
		         "the recorded forms cannot make: %s plans %s %s", rv_num(x->p->round_q, 4, q),
		         u, who, rv_num(x->out->steps[first].dose, 4, d), u);
	else
		rv_addf(f->text, sizeof f->text, "The recorded forms cannot make every dose "
		         "listed: %s plans %s %s", who, rv_num(x->out->steps[first].dose, 4, d), u);
	if (more)
		rv_addf(f->text, sizeof f->text, ", and %d more step%s cannot be made either",
		        more, more > 1 ? "s" : "");
	rv_addf(f->text, sizeof f->text, ".");
	rv_addf(f->brief, sizeof f->brief, "doses the forms cannot make");
}

static void check_undeliverable(struct rv *x)
{
	const struct wn_taper_params *p = x->p;
	int first = -1, more = 0;
	if (!rv_n_usable(p) || (p->round_q <= 0 && p->method != WN_TAPER_CUSTOM))
		return;
	for (int i = 1; i < x->out->n_steps; i++) {
		const struct wn_review_step *r = &x->out->steps[i];
		if (r->dose <= RV_EPS || r->form >= 0)
			continue;
		more += first >= 0;
		first = first < 0 ? i : first;
	}
	if (first < 0)
		return;
	struct wn_review_finding *f = rv_add(x, WN_REVIEW_UNDELIVERABLE, p->round_q > 0 ?
	                                     WN_REVIEW_WARNING : WN_REVIEW_CAUTION, first);
	if (f)
		undeliverable_words(x, first, more, f);
}

static void check_fit(struct rv *x)
{
	double top = x->drug ? x->drug->max_dose : 0;
	char who[RV_WHO], d[RV_NUM], m[RV_NUM];
	if (!x->has_occ || !x->mg || !(top > 0))
		return;
	int i = 0;
	while (i < x->out->n_steps && x->out->steps[i].dose <= top + RV_EPS)
		i++;
	struct wn_review_finding *f = i == x->out->n_steps ? NULL :
	                              rv_add(x, WN_REVIEW_OUTSIDE_FIT, WN_REVIEW_CAUTION, i);
	if (!f)
		return;
	if (i)
		rv_steps_name(x, i, i, who);
	rv_addf(f->text, sizeof f->text, "%s, %s %s, is above %s mg, the highest dose of "
	        "the occupancy fit for %s (sources %s): occupancy at that dose is "
	        "extrapolated, not measured.", i ? who : "The starting dose",
	        rv_num(x->out->steps[i].dose, 4, d), x->out->unit, rv_num(top, 4, m),
	        x->drug->name, x->out->sert.src[0] ? x->out->sert.src : "none given");
	rv_addf(f->brief, sizeof f->brief, "dose above the occupancy fit");
	rv_add_src(f->src, sizeof f->src, x->out->sert.src);
}

/* ---- building -------------------------------------------------------------------- */

/* Stable insertion sort by step (whole-plan findings, -1, first). */
static void sort_findings(struct wn_review *r)
{
	for (int i = 1; i < r->n_findings; i++) {
		struct wn_review_finding f = r->findings[i];
		int j = i;
		for (; j > 0 && r->findings[j - 1].step > f.step; j--)
			r->findings[j] = r->findings[j - 1];
		r->findings[j] = f;
	}
}

static void count_levels(struct wn_review *r)
{
	for (int i = 0; i < r->n_findings; i++) {
		enum wn_review_level l = r->findings[i].level;
		r->n_warnings += l == WN_REVIEW_WARNING;
		r->n_cautions += l == WN_REVIEW_CAUTION;
		if (l > r->worst)
			r->worst = l;
	}
}

static int start(const struct wn_review_input *in, struct rv *x,
                 struct wn_review *out, struct wn_err *err)
{
	const char *unit = in && in->unit && *in->unit ? in->unit : "mg";
	memset(out, 0, sizeof *out);
	if (!in || !in->params || !in->schedule || in->schedule->n < 1 ||
	    !in->schedule->steps)
		return wn_err_set(err, WN_USAGE, "no plan or schedule to review");
	*x = (struct rv){ .p = in->params, .s = in->schedule, .drug = in->drug,
	                  .mg = strcasecmp(unit, "mg") == 0, .out = out };
	snprintf(out->unit, sizeof out->unit, "%s", unit);
	out->method = in->params->method;
	out->sert = in->sert;
	if (!(out->sert.emax > 0 && out->sert.ed50 > 0) && in->params->emax > 0 &&
	    in->params->ed50 > 0)
		out->sert = (struct wn_review_sert){ .emax = in->params->emax,
		                                     .ed50 = in->params->ed50 };
	x->has_occ = out->sert.emax > 0 && out->sert.ed50 > 0;
	out->steps = calloc((size_t)in->schedule->n, sizeof *out->steps);
	if (!out->steps)
		return wn_err_set(err, WN_ERR, "out of memory");
	out->n_steps = in->schedule->n;
	return WN_OK;
}

int wn_review_build(const struct wn_review_input *in, struct wn_review *out,
                    struct wn_err *err)
{
	struct rv x;
	if (!out)
		return wn_err_set(err, WN_USAGE, "no review to fill");
	int rc = start(in, &x, out, err);
	if (rc != WN_OK)
		return rc;
	x.fc = rv_forms_new(x.p);     /* NULL: each step works it out again */
	for (int i = 0; i < out->n_steps; i++)
		fill_step(&x, i);
	check_no_form(&x);
	check_undeliverable(&x);
	check_fit(&x);
	check_jumps(&x);
	check_absorbed(&x);
	check_switches(&x);
	rv_check_pace(&x);
	rv_check_final(&x);
	rv_forms_free(x.fc);
	if (x.oom) {
		wn_review_free(out);
		return wn_err_set(err, WN_ERR, "out of memory");
	}
	sort_findings(out);
	count_levels(out);
	return WN_OK;
}

void wn_review_free(struct wn_review *r)
{
	if (!r)
		return;
	free(r->steps);
	free(r->findings);
	memset(r, 0, sizeof *r);
}

int wn_review_sert_from(const struct wn_drug *d, const char *region,
                        struct wn_review_sert *out)
{
	memset(out, 0, sizeof *out);
	if (wn_plan_sert(d, region, &out->emax, &out->ed50, NULL) != WN_OK) {
		memset(out, 0, sizeof *out);
		return WN_DATAERR;
	}
	snprintf(out->region, sizeof out->region, "%s", region && *region ? region : d->region);
	wn_drugref_src_of(d, "sert", out->src, sizeof out->src);
	out->approximate = wn_drugref_is_approximate(d, "sert_emax_pct") ||
	                   wn_drugref_is_approximate(d, "sert_ed50_mg") ||
	                   (region && *region && wn_drugref_is_approximate(d, "sert_alt"));
	return WN_OK;
}
