/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plan.c (core) -- a taper plan as values: checking a spec, the words of
 * a plan, a loaded plan made ready for core/taper.h, occupancy parameters
 * and planned against taken; see core/plan.h.  No SQLite (db/plan.c). */
#include "core/plan.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/datafile.h"
#include "core/text.h"
#include "core/records.h"

static void spec_params(const struct wn_plan_spec *s, struct wn_taper_params *p)
{
	wn_taper_params_init(p);
	p->method = s->method;
	p->start = s->start;
	p->from_dose = s->from_dose;
	p->step = s->step;
	p->every_days = s->every_days;
	p->round_q = s->round_q;
	p->floor_dose = s->floor_dose;
	p->to_dose = s->to_dose;
	p->custom = s->custom;
	p->n_custom = s->n_custom;
	p->emax = s->emax;
	p->ed50 = s->ed50;
}

int wn_plan_check_spec(const struct wn_plan_spec *s, struct wn_err *err)
{
	if (!s)
		return wn_err_set(err, WN_USAGE, "no plan given");
	if (s->method == WN_TAPER_CUSTOM && s->n_custom > WN_PLAN_MAX_CUSTOM)
		return wn_err_set(err, WN_USAGE, "a custom plan has at most %d steps",
		                  WN_PLAN_MAX_CUSTOM);
	if (s->region && strlen(s->region) >= WN_PLAN_REGION)
		return wn_err_set(err, WN_USAGE, "region name too long");
	int rc = s->region && *s->region ? wn_text_check_name(s->region, NULL, 0, err) : WN_OK;
	if (rc != WN_OK)
		return rc;
	if (s->from_dose >= 100000 || s->floor_dose >= 100000 || s->to_dose >= 100000 ||
	    s->round_q >= 100000 || (s->method != WN_TAPER_CUSTOM && s->step >= 100000))
		return wn_err_set(err, WN_USAGE, "doses must be below 100000");
	struct wn_taper_params p;
	struct wn_schedule sch;
	spec_params(s, &p);
	p.max_steps = 2;        /* the checks run before any step is made */
	rc = wn_taper_build(&p, &sch, err);
	wn_taper_free(&sch);
	return rc;
}

/* ---- the words of a plan ----------------------------------------------------- */

int wn_plan_parse_every(const char *s, const char *what, int *days, struct wn_err *err)
{
	size_t len = strlen(s);
	char num[32], *end;
	long mult = 1;
	if (len && (s[len - 1] == 'w' || s[len - 1] == 'W'))
		mult = 7;
	if (len && (mult == 7 || s[len - 1] == 'd' || s[len - 1] == 'D'))
		len--;
	if (len > 0 && len < sizeof num) {
		memcpy(num, s, len);
		num[len] = '\0';
	}
	long v = len > 0 && len < sizeof num ? strtol(num, &end, 10) : 0;
	if (len == 0 || len >= sizeof num || *end || v < 0 || v > 3650)
		return wn_err_set(err, WN_USAGE, "%s needs Nd or Nw, e.g. 14d or 4w (got '%.20s')",
		                  what, s);
	if (v < 1 || v * mult > 3650)
		return wn_err_set(err, WN_DATAERR, "%s must be from 1 day to 3650 days (got %.20s)",
		                  what, s);
	*days = (int)(v * mult);
	return WN_OK;
}

/* " 2026-02-01 = 40 " -> the point; blanks around either side allowed. */
static int parse_point(char *item, wn_date today, struct wn_taper_point *pt,
                       struct wn_err *err)
{
	char *eq = strchr(item, '='), *end;
	*eq = '\0';
	char *date = item + strspn(item, " ");
	for (char *e = date + strlen(date); e > date && e[-1] == ' ';)
		*--e = '\0';
	int rc = wn_date_parse(date, today, &pt->date, err);
	if (rc != WN_OK)
		return rc;
	const char *dose = eq + 1 + strspn(eq + 1, " ");
	pt->dose = strtod(dose, &end);
	if (end == dose || end[strspn(end, " ")] || isnan(pt->dose))
		return wn_err_set(err, WN_DATAERR, "a custom step's dose must be a number"
		                  " (got '%.40s')", dose);
	if (pt->dose < 0)
		return wn_err_set(err, WN_DATAERR, "a custom step's dose must be 0 or more"
		                  " (got %.40s)", dose);
	if (pt->dose >= 100000)
		return wn_err_set(err, WN_DATAERR, "a custom step's dose must be below 100000"
		                  " (got %.40s)", dose);
	return WN_OK;
}

int wn_plan_parse_steps(const char *s, const char *what, wn_date today,
                        struct wn_taper_point *pts, int *n, struct wn_err *err)
{
	*n = 0;
	while (*s) {
		size_t len = strcspn(s, ",");
		char item[64];
		bool blank = strspn(s, " ") >= len;
		if (!blank && (!memchr(s, '=', len) || len >= sizeof item || *n >= WN_PLAN_MAX_CUSTOM))
			return wn_err_set(err, WN_USAGE, "%s needs DATE=DOSE pairs separated by commas"
			                  " (at most %d)", what, WN_PLAN_MAX_CUSTOM);
		if (!blank) {
			memcpy(item, s, len);
			item[len] = '\0';
			int rc = parse_point(item, today, &pts[*n], err);
			if (rc != WN_OK)
				return rc;
			(*n)++;
		}
		s += len + (s[len] == ',');
	}
	if (*n == 0)
		return wn_err_set(err, WN_USAGE, "%s needs at least one DATE=DOSE", what);
	return WN_OK;
}

/* ---- a loaded plan ------------------------------------------------------------ */

/* The words of a stored label before its amount ("tablet 25 mg /2" ->
 * "tablet"): what taper.h calls a form's label. */
static void label_words(const char *stored, char *out, size_t n)
{
	size_t len = 0;
	const char *s = stored;
	while (*s) {
		while (*s == ' ')
			s++;
		if (!*s || (*s >= '0' && *s <= '9') || *s == '.')
			break;
		size_t w = strcspn(s, " ");
		if (len + (len > 0) + w >= n)
			break;
		if (len)
			out[len++] = ' ';
		memcpy(out + len, s, w);
		len += w;
		s += w;
	}
	out[len] = '\0';
}

void wn_plan_form_from_med(const struct wn_med_form *m, struct wn_form *f)
{
	memset(f, 0, sizeof *f);
	f->kind = (enum wn_taper_kind)m->kind;
	f->strength_mg = m->strength;
	f->divisible = m->divisible;
	f->conc_mg_per_ml = m->conc;
	f->beads_per_capsule = m->beads;
	if (f->kind == WN_TAPER_LIQUID)   /* the stored text keeps "by N ml" */
		f->ml_step = wn_taper_form_text_ml_step(m->label);
	label_words(m->label, f->label, sizeof f->label);
}

static int split_holds(struct wn_plan *p, struct wn_err *err)
{
	p->holds = p->n_events ? calloc(p->n_events, sizeof *p->holds) : NULL;
	if (p->n_events && !p->holds)
		return wn_err_set(err, WN_ERR, "out of memory");
	for (size_t i = 0; i < p->n_events; i++)
		if (p->events[i].kind == WN_PLAN_HOLD)
			p->holds[p->n_holds++] = (struct wn_hold){ p->events[i].start,
			                                           p->events[i].end };
	return WN_OK;
}

int wn_plan_ready(struct wn_plan *p, struct wn_err *err)
{
	int rc = split_holds(p, err);
	struct wn_taper_params *t = &p->params;
	t->forms = p->forms;
	t->n_forms = p->n_forms;
	t->custom = p->custom;
	t->n_custom = p->n_custom;
	t->holds = p->holds;
	t->n_holds = p->n_holds;
	return rc;
}

void wn_plan_free(struct wn_plan *p)
{
	if (!p)
		return;
	free(p->forms);
	free(p->custom);
	free(p->holds);
	wn_plan_events_free(p->events, p->n_events);
	for (size_t i = 0; i < p->n_acks; i++)
		free(p->acks[i].text);
	free(p->acks);
	memset(p, 0, sizeof *p);
	wn_taper_params_init(&p->params);
	p->agreed_on = WN_DATE_NONE;
}

static int copy_spec_arrays(const struct wn_plan_spec *s, const struct wn_form *forms,
                            int n_forms, struct wn_plan *p)
{
	p->forms = n_forms ? malloc((size_t)n_forms * sizeof *p->forms) : NULL;
	p->custom = s->n_custom ? malloc((size_t)s->n_custom * sizeof *p->custom) : NULL;
	if ((n_forms && !p->forms) || (s->n_custom && !p->custom))
		return WN_ERR;
	if (n_forms)
		memcpy(p->forms, forms, (size_t)n_forms * sizeof *forms);
	if (s->n_custom)
		memcpy(p->custom, s->custom, (size_t)s->n_custom * sizeof *s->custom);
	p->n_forms = n_forms;
	p->n_custom = s->n_custom;
	return WN_OK;
}

int wn_plan_from_spec(const struct wn_plan_spec *s, const struct wn_form *forms,
                      int n_forms, struct wn_plan *out, struct wn_err *err)
{
	memset(out, 0, sizeof *out);
	out->med_id = s->med_id;
	out->active = true;
	out->agreed_on = s->agreed_on;
	out->doses = s->doses;
	spec_params(s, &out->params);
	out->params.emax = out->params.ed50 = 0;
	snprintf(out->region, sizeof out->region, "%s", s->region ? s->region : "");
	snprintf(out->form_label, sizeof out->form_label, "%s",
	         s->form_label ? s->form_label : "");
	if (copy_spec_arrays(s, forms, n_forms, out) != WN_OK)
		return wn_err_set(err, WN_ERR, "out of memory");
	int rc = out->form_label[0] ?
		wn_review_form_only(out->forms, &out->n_forms, out->form_label, err) : WN_OK;
	return rc == WN_OK ? wn_plan_ready(out, err) : rc;
}

const struct wn_plan_ack *wn_plan_acked(const struct wn_plan *p,
                                        const struct wn_review_finding *f)
{
	const char *kind = wn_review_kind_name(f->kind);
	for (size_t i = 0; i < p->n_acks; i++)
		if (p->acks[i].step == f->step && strcmp(p->acks[i].kind, kind) == 0)
			return &p->acks[i];
	return NULL;
}

void wn_plan_events_free(struct wn_plan_event *ev, size_t n)
{
	for (size_t i = 0; ev && i < n; i++)
		free(ev[i].reason);
	free(ev);
}

/* ---- SERT parameters ------------------------------------------------------------------- */

/* Finds "name:emax/ed50" in an "a:1/2 | b:3/4" list. */
static bool alt_lookup(const char *alt, const char *name, double *emax,
                       double *ed50)
{
	const char *p = alt;
	size_t len = strlen(name);
	while (*p) {
		while (*p == ' ' || *p == '|')
			p++;
		const char *colon = strchr(p, ':');
		size_t item = strcspn(p, "|");
		if (!colon || (size_t)(colon - p) > item)
			break;
		double e, d;
		if ((size_t)(colon - p) == len && strncasecmp(p, name, len) == 0 &&
		    sscanf(colon + 1, "%lf/%lf", &e, &d) == 2 && e > 0 && d > 0) {
			*emax = e;
			*ed50 = d;
			return true;
		}
		p += item;
	}
	return false;
}

/* "striatum, caudate, ..." from the drug's region and its sert_alt. */
static void region_names(const struct wn_drug *d, char *buf, size_t n)
{
	size_t len = (size_t)snprintf(buf, n, "%s", d->region);
	for (const char *p = d->sert_alt; *p && len < n;) {
		while (*p == ' ' || *p == '|')
			p++;
		size_t w = strcspn(p, ":|");
		if (w && len < n)
			len += (size_t)snprintf(buf + len, n - len, ", %.*s", (int)w, p);
		p += strcspn(p, "|");
	}
}

int wn_plan_sert(const struct wn_drug *d, const char *region, double *emax,
                 double *ed50, struct wn_err *err)
{
	if (!d || !d->has_sert) {
		wn_err_set(err, WN_DATAERR, "no occupancy parameters (Emax, ED50) for %s",
		           d && d->name[0] ? d->name : "this drug");
		wn_err_hint(err, "use --method percent instead");
		return WN_DATAERR;
	}
	if (!region || !*region || strcasecmp(region, d->region) == 0) {
		*emax = d->emax;
		*ed50 = d->ed50;
		return WN_OK;
	}
	if (alt_lookup(d->sert_alt, region, emax, ed50))
		return WN_OK;
	char names[256];
	region_names(d, names, sizeof names);
	return wn_err_set(err, WN_DATAERR, "no occupancy parameters for the region '%.40s' of %s (known: %s)",
	                  region, d->name, names);
}

/* The drug reference, a drug at a time: reading all of drugs.ini costs
 * more than a whole TUI start, and a diary names only a few drugs.  Each
 * name looked up is read once per process (wn_drugref_open_only); all
 * are read again when a different file is found (the tests point
 * WEAN_DATADIR elsewhere). */
#define DRUG_CACHE 16

static struct {
	char path[4096];
	struct {
		char name[WN_DRUG_NAME * 2];
		struct wn_drugref *ref;
	} one[DRUG_CACHE];
	size_t n, next;          /* next: the entry replaced when full */
} drugs;

static void drugs_forget(void)
{
	for (size_t i = 0; i < drugs.n; i++) {
		wn_drugref_close(drugs.one[i].ref);
		drugs.one[i].ref = NULL;
	}
	drugs.n = drugs.next = 0;
}

static int drugref(const char *name, struct wn_drugref **ref, struct wn_err *err)
{
	char path[4096];
	if (wn_datafile_find("drugs.ini", path, sizeof path) != WN_OK)
		return wn_err_set(err, WN_NOINPUT, "the drug reference (drugs.ini) is not installed");
	if (strcmp(path, drugs.path) != 0) {
		drugs_forget();
		snprintf(drugs.path, sizeof drugs.path, "%s", path);
	}
	for (size_t i = 0; i < drugs.n; i++) {
		if (strcmp(drugs.one[i].name, name) == 0) {
			*ref = drugs.one[i].ref;
			return WN_OK;
		}
	}
	struct wn_drugref *r;
	int rc = wn_drugref_open_only(path, name, &r, err);
	if (rc != WN_OK)
		return rc;
	size_t k;
	if (drugs.n < DRUG_CACHE) {
		k = drugs.n++;
	} else {
		k = drugs.next++ % DRUG_CACHE;
		wn_drugref_close(drugs.one[k].ref);
	}
	snprintf(drugs.one[k].name, sizeof drugs.one[k].name, "%s", name);
	drugs.one[k].ref = r;
	*ref = r;
	return WN_OK;
}

int wn_plan_drug(const struct wn_med *m, struct wn_drug *out,
                 struct wn_err *err)
{
	struct wn_drugref *ref;
	const char *name = m->drug_key[0] ? m->drug_key : m->name;
	int rc = drugref(name, &ref, err);
	return rc != WN_OK ? rc : wn_drugref_lookup(ref, name, out, err);
}

int wn_plan_build(const struct wn_plan *p, const struct wn_drug *drug,
                  struct wn_schedule *out, struct wn_err *err)
{
	struct wn_taper_params t = p->params;
	if (drug && drug->has_sert &&
	    wn_plan_sert(drug, p->region, &t.emax, &t.ed50, NULL) != WN_OK)
		t.emax = t.ed50 = 0;
	return wn_taper_build(&t, out, err);
}

int wn_plan_built_make(struct wn_plan_built *b, const struct wn_med *m,
                       struct wn_err *err)
{
	b->known = wn_plan_drug(m, &b->drug, NULL) == WN_OK;
	b->has_drug = b->known && strcmp(m->unit, "mg") == 0;
	return wn_plan_build(&b->plan, b->has_drug ? &b->drug : NULL, &b->sched, err);
}

static void review_input(const struct wn_plan_built *b, const struct wn_med *m,
                         struct wn_review_input *in)
{
	*in = (struct wn_review_input){
		.params = &b->plan.params, .schedule = &b->sched,
		.drug = b->known ? &b->drug : NULL, .unit = m->unit,
	};
	if (b->has_drug)
		wn_review_sert_from(&b->drug, b->plan.region, &in->sert);
}

int wn_plan_review(const struct wn_plan_built *b, const struct wn_med *m,
                   struct wn_review *out, struct wn_err *err)
{
	struct wn_review_input in;
	review_input(b, m, &in);
	return wn_review_build(&in, out, err);
}

int wn_plan_review_reinstate(const struct wn_plan_built *b, const struct wn_med *m,
                             wn_date on, double dose, struct wn_review *out,
                             struct wn_err *err)
{
	struct wn_review_input in;
	review_input(b, m, &in);
	return wn_review_reinstate(&in, &(struct wn_review_reinstate){ on, dose }, out, err);
}

void wn_plan_built_free(struct wn_plan_built *b)
{
	wn_taper_free(&b->sched);
	wn_plan_free(&b->plan);
	b->has_drug = false;
}

void wn_plan_every_text(int days, bool bare, char *buf, size_t n)
{
	const char *every = bare ? "" : "every ";
	if (days % 7 == 0 && days == 7)
		snprintf(buf, n, bare ? "1 week" : "every week");
	else if (days % 7 == 0)
		snprintf(buf, n, "%s%d weeks", every, days / 7);
	else if (days == 1)
		snprintf(buf, n, bare ? "1 day" : "every day");
	else
		snprintf(buf, n, "%s%d days", every, days);
}

void wn_plan_unit_text(const char *text, const char *unit, char *out, size_t n)
{
	size_t len = 0, ul = strlen(unit);
	bool same = strcmp(unit, "mg") == 0;
	if (n == 0)
		return;
	for (const char *p = text; *p && len + 1 < n;) {
		bool word = !same && strncmp(p, "mg", 2) == 0 &&
		            (p == text || p[-1] == ' ' || (p[-1] >= '0' && p[-1] <= '9')) &&
		            (p[2] == '\0' || p[2] == ' ' || p[2] == '/' || p[2] == ',');
		if (word && len + ul + 1 < n) {
			memcpy(out + len, unit, ul);
			len += ul;
			p += 2;
		} else if (word) {
			break;
		} else {
			out[len++] = *p++;
		}
	}
	out[len] = '\0';
}

/* ---- planned vs taken ------------------------------------------------------------------ */

/* The reinstatement in force on day under step i (made on or after the
 * step's date, the latest one), or NULL. */
static const struct wn_plan_event *reinstated(const struct wn_plan *p,
                                              const struct wn_schedule *s, int i,
                                              wn_date day)
{
	const struct wn_plan_event *got = NULL;
	for (size_t k = 0; p && k < p->n_events; k++) {
		const struct wn_plan_event *e = &p->events[k];
		if (e->kind == WN_PLAN_REINSTATE && e->start <= day &&
		    e->start >= s->steps[i].date)
			got = e;
	}
	return got;
}

double wn_plan_planned_on(const struct wn_plan *p, const struct wn_schedule *s,
                          wn_date day)
{
	int i = wn_taper_step_at(s, day);
	if (i < 0)
		return NAN;
	const struct wn_plan_event *e = reinstated(p, s, i, day);
	return e ? e->dose : s->steps[i].dose;
}

wn_date wn_plan_dose_since(const struct wn_plan *p, const struct wn_schedule *s,
                           wn_date day)
{
	int i = wn_taper_step_at(s, day);
	if (i < 0)
		return WN_DATE_NONE;
	const struct wn_plan_event *e = reinstated(p, s, i, day);
	return e ? e->start : s->steps[i].date;
}

bool wn_plan_at_dose_text(const struct wn_plan *p, const struct wn_schedule *s,
                          wn_date day, const char *unit, char *buf, size_t n)
{
	wn_date since = wn_plan_dose_since(p, s, day);
	if (n)
		buf[0] = '\0';
	if (since == WN_DATE_NONE)
		return false;
	wn_vocab_at_dose(day, since, wn_plan_planned_on(p, s, day), unit, buf, n);
	return true;
}

int wn_plan_doses_on(const struct wn_plan *p, const struct wn_schedule *s,
                     wn_date day, double *out)
{
	const struct wn_doses *d = &p->doses;
	int i = wn_taper_step_at(s, day);
	if (d->n < 2 || i < 0)
		return 0;
	struct wn_rounding r = { .quantum = p->params.round_q, .forms = p->params.forms,
	                         .n_forms = p->params.n_forms };
	const struct wn_plan_event *e = reinstated(p, s, i, day);
	if (e) {
		wn_doses_first(d, &r, e->dose, out);
		return d->n;
	}
	double a[WN_DOSES_MAX];
	bool from_zero = s->steps[0].dose <= 0;
	wn_doses_first(d, &r, s->steps[0].dose, a);
	for (int k = 1; k <= i; k++)
		(from_zero ? wn_doses_fill : wn_doses_next)(d, a, s->steps[k].dose, a);
	memcpy(out, a, sizeof *a * (size_t)d->n);
	return d->n;
}
