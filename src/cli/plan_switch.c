/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plan_switch.c -- `wean plan switch FROM --to diazepam --stage 1w|2w`:
 * a switch to diazepam one dose at a time (core/switch.h), saved as two
 * linked plans -- FROM's doses going to 0 stage by stage, and the
 * diazepam rising stage by stage and then tapered by the method given --
 * each reviewed (the second yes) before anything is saved; and the
 * switch's table in `plan show`. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli_int.h"
#include "plan_int.h"
#include "core/switch.h"
#include "core/text.h"
#include "db/db.h"
#include "db/med.h"
#include "db/plan.h"

#define SWITCH_STYLE "in the style of the Ashton Manual (S15, S16; NHS Scotland S18):\n" \
	"  one dose at a time, each stage the same length (S17: over 1-2 weeks rather\n" \
	"  than 1-2 days), the dose the plan's cut rule picks first, then a diazepam\n" \
	"  taper. The published schedules' numbers were not available to wean: this\n" \
	"  rule is wean's, and the day's combined equivalent stays within 10% of the start."

struct sw {
	struct wn_cli *c;
	const struct wn_cli_switch_args *a;
	struct wn_db *db;
	struct wn_med from, to;
	struct wn_plan_built fb;          /* FROM's active plan */
	struct wn_drug drug;
	enum wn_switch_table table;
	int stage_days;
	wn_date start;
	struct wn_form *dz_forms;
	int n_dz_forms;
	struct wn_switch s;
	/* the two plans to save */
	struct wn_plan_spec from_spec, dz_spec;
	struct wn_taper_point from_pts[WN_DOSES_MAX + 1], dz_pts[WN_PLAN_MAX_CUSTOM];
	struct wn_taper_point taper_pts[WN_PLAN_MAX_CUSTOM];
	int dz_map[WN_DOSES_MAX];         /* the diazepam plan's dose j is FROM's
	                                     dose dz_map[j] */
	wn_date tablets_to;               /* the taper's last tablet step before
	                                     another form, or WN_DATE_NONE */
};

static int read_args(struct sw *w, struct wn_err *err)
{
	const struct wn_cli_switch_args *a = w->a;
	int rc = WN_OK;
	if (!a->to || !a->stage) {
		wn_err_set(err, WN_USAGE, "plan switch needs --to and --stage (e.g. --to diazepam --stage 2w)");
		return WN_USAGE;
	}
	if (strcmp(a->stage, "1w") != 0 && strcmp(a->stage, "2w") != 0)
		return wn_err_set(err, WN_USAGE, "--stage is 1w or 2w (got %.20s): the sources say 1-2 weeks a dose",
		                  a->stage);
	w->stage_days = a->stage[0] == '1' ? 7 : 14;
	w->table = WN_SWITCH_ASHTON;
	if (a->table)
		rc = wn_switch_table_parse(a->table, &w->table, err);
	w->start = w->c->today;
	if (rc == WN_OK && a->start)
		rc = wn_cli_parse_date(w->c, a->start, false, &w->start, err);
	return rc;
}

static int load(struct sw *w, struct wn_err *err)
{
	int rc = wn_cli_db(w->c, false, &w->db, err);
	if (rc == WN_OK)
		rc = wn_cli_find_med(w->db, w->a->from, &w->from, err);
	if (rc == WN_OK)
		rc = wn_cli_find_med(w->db, w->a->to, &w->to, err);
	if (rc == WN_NOINPUT && w->from.id)
		wn_err_hint(err, "record it first, e.g. 'wean med add %s --unit mg --form \"tablet 2 mg /2\"'",
		            w->a->to);
	if (rc == WN_OK && strcasecmp(w->to.name, "diazepam") != 0)
		return wn_err_set(err, WN_USAGE, "wean switches to diazepam only (got %s)", w->to.name);
	if (rc == WN_OK)
		rc = wn_cli_plan_load(w->db, &w->from, &w->fb, err);
	if (rc == WN_OK && (!w->fb.has_drug || strcmp(w->from.unit, "mg") != 0))
		return wn_err_set(err, WN_DATAERR, "no diazepam equivalent for %s in wean's drug reference",
		                  w->from.name);
	if (rc == WN_OK)
		rc = wn_switch_equiv(&w->fb.drug, w->table, &w->s.equiv, err);
	if (rc == WN_OK)
		rc = wn_db_plan_forms(w->db, w->to.id, &w->dz_forms, &w->n_dz_forms, err);
	return rc;
}

static int build(struct sw *w, struct wn_err *err)
{
	const struct wn_plan *p = &w->fb.plan;
	double amounts[WN_DOSES_MAX];
	if (wn_plan_doses_on(p, &w->fb.sched, w->start, amounts) == 0)
		amounts[0] = wn_plan_planned_on(p, &w->fb.sched, w->start);
	if (isnan(amounts[0]))
		return wn_err_set(err, WN_DATAERR, "%s's plan sets no dose on %s", w->from.name, "the start day");
	struct wn_rounding r = { .forms = w->dz_forms, .n_forms = w->n_dz_forms };
	struct wn_switch_in in = { .doses = &p->doses, .amounts = amounts, .equiv = w->s.equiv,
	                           .dz_round = w->n_dz_forms ? &r : NULL, .start = w->start,
	                           .stage_days = w->stage_days };
	double equiv = w->s.equiv;
	int rc = wn_switch_build(&in, &w->s, err);
	w->s.equiv = equiv;
	return rc;
}

/* FROM's plan: its doses now, then each stage's, down to 0 (custom
 * steps, the doses through the day kept). */
static void from_spec(struct sw *w)
{
	struct wn_plan_spec *s = &w->from_spec;
	const struct wn_switch *x = &w->s;
	s->med_id = w->from.id;
	s->method = WN_TAPER_CUSTOM;
	s->start = w->start - 1;
	s->from_dose = x->stages[0].from_total;
	s->agreed_on = WN_DATE_NONE;
	for (int k = 1; k < x->n; k++)
		w->from_pts[k - 1] = (struct wn_taper_point){ x->stages[k].date, x->stages[k].from_total };
	s->custom = w->from_pts;
	s->n_custom = x->n - 1;
	s->doses = w->fb.plan.doses;
	for (int i = 0; s->doses.n >= 2 && i < s->doses.n; i++)
		if (x->stages[0].from[i] > 0)
			s->doses.part[i] = x->stages[0].from[i];
}

/* The taper's parameters: the method given, its first cut a stage after
 * the last stage began. */
static int dz_params(struct sw *w, struct wn_taper_params *p, struct wn_err *err)
{
	const struct wn_cli_switch_args *a = w->a;
	wn_taper_params_init(p);
	int rc = wn_taper_method_parse(a->method ? a->method : "percent", &p->method, err);
	if (rc == WN_OK && p->method == WN_TAPER_CUSTOM)
		rc = wn_err_set(err, WN_USAGE, "the taper after a switch is percent, occupancy or linear");
	p->step = 10;
	if (rc == WN_OK && a->step)
		rc = wn_cli_parse_num(a->step, "--step", 0, 100000, &p->step, err);
	p->every_days = 14;
	if (rc == WN_OK && a->every)
		rc = wn_plan_parse_every(a->every, "--every", &p->every_days, err);
	if (rc == WN_OK && a->to_dose)
		rc = wn_cli_parse_num(a->to_dose, "--to-dose", 0, 100000, &p->to_dose, err);
	const struct wn_switch_stage *last = &w->s.stages[w->s.n - 1];
	p->start = last->date + w->stage_days - p->every_days;
	p->from_dose = last->dz_total;
	p->forms = w->dz_forms;
	p->n_forms = w->n_dz_forms;
	return rc;
}

/* Does a tablet step cut within the review's rules: no more than 1.5
 * times the cut asked, under 25% when less was asked, and, when the drug's
 * class has a published pace (max_pct > 0), no more than it? */
static bool within_rule(const struct wn_taper_params *p, double max_pct,
                        const struct wn_taper_step *prev, const struct wn_taper_step *st)
{
	double asked = p->method == WN_TAPER_LINEAR ? p->step / prev->dose * 100 : p->step;
	double cut = st->pct_cut;
	if (max_pct > 0 && cut > max_pct + 1e-9 && cut > asked + 1e-9)
		return false;
	return cut <= 1.5 * asked + 1e-9 && !(cut >= 25 - 1e-9 && asked < 25 - 1e-9);
}

/* The diazepam taper after the last stage, its steps after the start into
 * pts (at most max).  With tablets and another form (a liquid), the
 * tablets come first (issue 19): the taper on the tablets alone while
 * each of their doses keeps the cut within the rounding rule, then on
 * every form from the last of them -- rather than a liquid dose as soon
 * as it is nearer the cut asked; w->tablets_to is the last tablet step's
 * date (WN_DATE_NONE when not used). */
static int dz_taper(struct sw *w, struct wn_taper_point *pts, int max, int *n, struct wn_err *err)
{
	struct wn_taper_params p, tp;
	struct wn_schedule all = { 0 }, tab = { 0 };
	struct wn_form tablets[WN_TAPER_ROUND_MAX_FORMS];
	int n_tab = 0, k = 0;
	*n = 0;
	w->tablets_to = WN_DATE_NONE;
	int rc = dz_params(w, &p, err);
	for (int i = 0; i < w->n_dz_forms && n_tab < WN_TAPER_ROUND_MAX_FORMS; i++)
		if (w->dz_forms[i].kind == WN_TAPER_TABLET || w->dz_forms[i].kind == WN_TAPER_CAPSULE)
			tablets[n_tab++] = w->dz_forms[i];
	tp = p;
	tp.forms = tablets;
	tp.n_forms = n_tab;
	if (rc == WN_OK && n_tab > 0 && n_tab < w->n_dz_forms &&
	    (p.method == WN_TAPER_PERCENT || p.method == WN_TAPER_LINEAR) &&
	    wn_taper_build(&tp, &tab, NULL) == WN_OK) {
		struct wn_drug dz;
		double max_pct = wn_plan_drug(&w->to, &dz, NULL) == WN_OK && dz.pace.per_days > 0 &&
		                 dz.pace.per_days <= p.every_days ? dz.pace.max_cut_pct : 0;
		while (k + 1 < tab.n && within_rule(&p, max_pct, &tab.steps[k], &tab.steps[k + 1]))
			k++;
		for (int i = 1; i <= k && *n < max; i++)
			pts[(*n)++] = (struct wn_taper_point){ tab.steps[i].date, tab.steps[i].dose };
		if (k > 0) {
			w->tablets_to = tab.steps[k].date;
			p.start = tab.steps[k].date;
			p.from_dose = tab.steps[k].dose;
		}
	}
	bool done = k > 0 && k + 1 == tab.n;      /* the tablets made it all */
	if (rc == WN_OK && !done && !(p.to_dose > 0 && p.from_dose <= p.to_dose))
		rc = wn_taper_build(&p, &all, err);
	for (int i = 1; rc == WN_OK && i < all.n && *n < max; i++)
		pts[(*n)++] = (struct wn_taper_point){ all.steps[i].date, all.steps[i].dose };
	if (w->tablets_to != WN_DATE_NONE && done)
		w->tablets_to = WN_DATE_NONE;        /* nothing to say: tablets only */
	wn_taper_free(&tab);
	wn_taper_free(&all);
	return rc;
}

/* The diazepam plan: from 0 mg the day before stage 1, each stage's
 * diazepam, then the taper; its doses at FROM's times, its parts the
 * last stage's doses (core/doses.h: a plan from 0 mg fills its doses one
 * at a time, in the order the stages bring them in). */
static int dz_spec(struct sw *w, struct wn_err *err)
{
	struct wn_plan_spec *s = &w->dz_spec;
	const struct wn_switch *x = &w->s;
	const struct wn_switch_stage *last = &x->stages[x->n - 1];
	int n_t = 0, n = 0;
	int rc = dz_taper(w, w->taper_pts, WN_PLAN_MAX_CUSTOM, &n_t, err);
	s->med_id = w->to.id;
	s->method = WN_TAPER_CUSTOM;
	s->start = x->stages[1].date - 1;
	s->from_dose = 0;
	s->agreed_on = WN_DATE_NONE;
	for (int k = 1; k < x->n; k++)
		w->dz_pts[n++] = (struct wn_taper_point){ x->stages[k].date, x->stages[k].dz_total };
	for (int k = 0; rc == WN_OK && k < n_t && n < WN_PLAN_MAX_CUSTOM; k++)
		w->dz_pts[n++] = w->taper_pts[k];
	s->custom = w->dz_pts;
	s->n_custom = n;
	/* the diazepam's times: FROM's, less those with no dose of FROM on
	 * the start day (then no diazepam either); dz_map: each one's index
	 * among FROM's */
	struct wn_doses d = w->fb.plan.doses;
	d.n = 0;
	for (int i = 0; x->n_doses >= 2 && i < x->n_doses; i++) {
		if (rc == WN_OK && x->stages[0].from[i] > 0 && !(last->dz[i] > 0))
			rc = wn_err_set(err, WN_DATAERR, "the %02d:%02d dose of %s is too small to"
			                " make in diazepam; record a smaller diazepam form",
			                x->minute[i] / 60, x->minute[i] % 60, w->from.name);
		if (!(last->dz[i] > 0))
			continue;
		d.minute[d.n] = x->minute[i];
		d.part[d.n] = last->dz[i];
		w->dz_map[d.n++] = i;
	}
	if (d.n >= 2)
		s->doses = d;          /* else one dose a day */
	return rc;
}

/* A spec as a plan with its schedule, with the medication's forms
 * (with_forms) or none; b freed by the caller. */
static int make(struct sw *w, const struct wn_plan_spec *s, const struct wn_med *m,
                bool with_forms, struct wn_plan_built *b, struct wn_err *err)
{
	struct wn_form *forms = NULL;
	int n = 0;
	int rc = with_forms ? wn_db_plan_forms(w->db, m->id, &forms, &n, err) : WN_OK;
	if (rc == WN_OK)
		rc = wn_plan_from_spec(s, forms, n, &b->plan, err);
	free(forms);
	if (rc == WN_OK)
		rc = wn_plan_built_make(b, m, err);
	return rc;
}

/* The must-hold: the diazepam plan gives each stage's doses exactly. */
static int check_stages(const struct sw *w, const struct wn_plan_built *b, struct wn_err *err)
{
	const struct wn_switch *x = &w->s;
	for (int k = 1; k < x->n; k++) {
		double a[WN_DOSES_MAX] = { 0 }, want[WN_DOSES_MAX] = { 0 };
		int n = wn_plan_doses_on(&b->plan, &b->sched, x->stages[k].date, a);
		if (n == 0) {
			a[0] = wn_plan_planned_on(&b->plan, &b->sched, x->stages[k].date);
			want[0] = x->stages[k].dz_total;
			n = 1;
		}
		for (int j = 0; n >= 2 && j < n; j++)
			want[j] = x->stages[k].dz[w->dz_map[j]];
		for (int j = 0; j < n; j++)
			if (!(fabs(a[j] - want[j]) < 1e-6))
				return wn_err_set(err, WN_DATAERR, "the diazepam plan does not give stage %d's"
				                  " doses; nothing was saved", k);
	}
	return WN_OK;
}

#define COMBINED_WORDS "%s and %s together, as diazepam: a dose of %s that\n" \
	"  diazepam replaces is not a cut, so the switch is judged by the day's\n" \
	"  combined equivalent, through the stages and then the diazepam taper:\n"

/* The reviews and the second yes: the combined equivalent (stored with
 * FROM's plan), then the diazepam plan; r[0], r[1], b[0..2] freed by the
 * caller. */
static int reviews(struct sw *w, struct wn_plan_built *b, struct wn_review *r,
                   struct wn_err *err)
{
	int rc = make(w, &w->dz_spec, &w->to, true, &b[1], err);
	if (rc == WN_OK)
		rc = check_stages(w, &b[1], err);
	if (rc == WN_OK)
		rc = wn_db_switch_combined(&w->s, &w->to, &b[1].sched, &b[2], err);
	if (rc == WN_OK)
		rc = wn_plan_review(&b[2], &w->to, &r[0], err);
	if (rc == WN_OK) {
		fprintf(w->c->out, COMBINED_WORDS, w->from.name, w->to.name, w->from.name);
		if (r[0].n_findings == 0)
			fputs("  no findings: the combined equivalent keeps within the published pace\n", w->c->out);
		rc = wn_cli_plan_second_yes(w->c, &r[0], w->a->accept, err);
	}
	if (rc == WN_OK)
		rc = wn_plan_review(&b[1], &w->to, &r[1], err);
	if (rc == WN_OK) {
		fprintf(w->c->out, "%s on its own (from 0 mg: the stages, then the taper):\n", w->to.name);
		if (r[1].n_findings == 0)
			fputs("  no findings\n", w->c->out);
		rc = wn_cli_plan_second_yes(w->c, &r[1], w->a->accept, err);
	}
	return rc;
}

static int save(struct sw *w, const struct wn_review *rf, const struct wn_review *rd,
                struct wn_err *err)
{
	long from_id = 0, dz_id = 0;
	struct wn_plan_spec fs = w->from_spec, ds = w->dz_spec;
	fs.accepted = rf;
	ds.accepted = rd;
	int rc = wn_db_begin(w->db, err);
	if (rc != WN_OK)
		return rc;
	rc = wn_db_plan_add(w->db, &fs, &from_id, err);
	if (rc == WN_OK)
		rc = wn_db_plan_add(w->db, &ds, &dz_id, err);
	struct wn_db_plan_switch link = { .plan_id = dz_id, .from_plan = from_id,
	                                  .stage_days = w->stage_days };
	snprintf(link.table, sizeof link.table, "%s", wn_switch_table_name(w->table));
	if (rc == WN_OK)
		rc = wn_db_plan_switch_add(w->db, &link, err);
	if (rc == WN_OK)
		return wn_db_commit(w->db, err);
	wn_db_rollback(w->db);
	return rc;
}

void wn_cli_switch_print(FILE *f, const struct wn_cli_switch_view *v)
{
	const struct wn_switch *x = v->sw;
	char b[WN_DATE_STRLEN], n1[32];
	fprintf(f, "\nswitch: %s to %s, one dose at a time, a stage every %d days\n", v->from_name,
	        v->to_name, v->stage_days);
	fprintf(f, "equivalent: %s mg %s = 10 mg diazepam, %s (S17); approximate, people differ\n",
	        wn_text_num(x->equiv, 3, n1, sizeof n1), v->from_name, wn_switch_table_words(v->table));
	fputs("schedule: " SWITCH_STYLE "\n", f);
	if (x->n_doses >= 2) {
		fputs("doses at", f);
		for (int i = 0; i < x->n_doses; i++)
			fprintf(f, "%s%02d:%02d", i ? "+" : " ", x->minute[i] / 60, x->minute[i] % 60);
		fputc('\n', f);
	}
	char line[256];
	wn_switch_head_text(v->from_name, v->to_name, line, sizeof line);
	fprintf(f, "\n%s\n", line);
	for (int k = 0; k < x->n; k++) {
		wn_switch_row_text(x, k, line, sizeof line);
		fprintf(f, "%s\n", line);
	}
	fprintf(f, "then the diazepam taper from %s (see 'wean plan show %s')\n",
	        wn_date_format(v->taper_from, b), v->to_name);
	fputs("Discuss the switch and every step with your prescriber: wean gives no medical advice.\n", f);
}

/* Said plainly when the tablets cannot make the taper's doses to the end. */
static void tablets_words(const struct sw *w)
{
	char d[WN_DATE_STRLEN];
	if (w->tablets_to == WN_DATE_NONE)
		return;
	fprintf(w->c->out, "the taper uses the diazepam tablets to %s; after that they cannot make a\n"
	        "  cut near the one asked (within 1.5 times it and the published pace), so it\n"
	        "  goes on with every form recorded (see 'wean plan show %s')\n",
	        wn_date_format(w->tablets_to, d), w->to.name);
}

int wn_cli_plan_switch(struct wn_cli *c, const struct wn_cli_switch_args *a, struct wn_err *err)
{
	static struct sw w;
	struct wn_plan_built b[3] = { 0 };
	struct wn_review r[2] = { 0 };
	memset(&w, 0, sizeof w);
	w.c = c;
	w.a = a;
	int rc = read_args(&w, err);
	if (rc == WN_OK)
		rc = load(&w, err);
	if (rc == WN_OK)
		rc = build(&w, err);
	if (rc == WN_OK) {
		from_spec(&w);
		rc = dz_spec(&w, err);
	}
	if (rc == WN_OK) {
		struct wn_cli_switch_view v = { .sw = &w.s, .from_name = w.from.name,
		                                .to_name = w.to.name, .table = w.table,
		                                .stage_days = w.stage_days,
		                                .taper_from = w.s.stages[w.s.n - 1].date + w.stage_days };
		wn_cli_switch_print(c->out, &v);
		tablets_words(&w);
		fputc('\n', c->out);
	}
	if (rc == WN_OK)
		rc = reviews(&w, b, r, err);
	if (rc == WN_OK)
		rc = save(&w, &r[0], &r[1], err);
	if (rc == WN_OK)
		fprintf(c->out, "saved: the plans of %s and %s, linked as a switch; see 'wean plan show'\n",
		        w.from.name, w.to.name);
	for (int i = 0; i < 3; i++)
		wn_plan_built_free(&b[i]);
	wn_review_free(&r[0]);
	wn_review_free(&r[1]);
	wn_plan_built_free(&w.fb);
	free(w.dz_forms);
	return rc;
}

/* ---- plan show: the switch a plan takes part in --------------------------------- */

int wn_cli_switch_show(struct wn_cli *c, struct wn_db *db, const struct wn_plan *p,
                       struct wn_err *err)
{
	static struct wn_db_switch_view sv;
	int rc = wn_db_plan_switch_view(db, p->id, &sv, err);
	if (rc == WN_NOINPUT)
		return WN_OK;
	if (rc != WN_OK) {
		fprintf(c->out, "\nswitch: part of a switch wean cannot show (%s)\n", err->msg);
		return WN_OK;
	}
	struct wn_cli_switch_view v = { .sw = &sv.sw, .from_name = sv.from.name,
	                                .to_name = sv.to.name, .table = sv.table,
	                                .stage_days = sv.link.stage_days, .taper_from = sv.taper_from };
	wn_cli_switch_print(c->out, &v);
	return WN_OK;
}

int wn_cli_switch_review_show(struct wn_cli *c, struct wn_db *db, const struct wn_plan *p,
                              struct wn_err *err)
{
	static struct wn_db_switch_view sv;
	struct wn_plan_built dz = { 0 }, cb = { 0 };
	int rc = wn_db_plan_switch_view(db, p->id, &sv, NULL);
	if (rc != WN_OK || sv.link.from_plan != p->id)
		return WN_NOINPUT;
	rc = wn_db_plan_built_id(db, &sv.to, sv.link.plan_id, &dz, err);
	if (rc == WN_OK)
		rc = wn_db_switch_combined(&sv.sw, &sv.to, &dz.sched, &cb, err);
	if (rc == WN_OK) {
		fprintf(c->out, COMBINED_WORDS, sv.from.name, sv.to.name, sv.from.name);
		cb.plan.acks = p->acks;     /* the second yes was said to this review */
		cb.plan.n_acks = p->n_acks;
		rc = wn_cli_plan_review_show(c, &cb, &sv.to, err);
		cb.plan.acks = NULL;
		cb.plan.n_acks = 0;
	}
	wn_plan_built_free(&cb);
	wn_plan_built_free(&dz);
	return rc == WN_OK ? WN_OK : rc == WN_NOINPUT ? WN_DATAERR : rc;
}
