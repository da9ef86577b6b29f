/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plan.c -- the Plan screen: medications, the active plan's parameters
 * and its review in one line, its schedule (with planned vs taken for
 * past steps), its holds and reinstatements, and its review in full
 * (each warning acknowledged when, or not), as lines of text that
 * scroll; the findings are wrapped to the screen's width.  `a` opens the form that makes a new plan
 * (planform.c), pre-filled from the current one; `M` the form that adds
 * a medication (medform.c). */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/plan.h"
#include "db/db.h"
#include "core/findings.h"
#include "core/taper.h"
#include "core/text.h"
#include "core/together.h"
#include "tui.h"
#include "findings.h"
#include "planform.h"
#include "core/med.h"
#include "core/plan.h"
#include "core/records.h"
#include "db/med.h"

#define LINE_W 256
#define MAX_LINES 512

/* The Plan screen's state: its lines, and a form while one is open. */
struct planscreen {
	struct wn_med *med;  size_t n_med;
	size_t m;                /* the medication shown */
	char (*line)[LINE_W];
	int *role;
	int n, top;
	unsigned gen;
	bool loaded;
	int cols;                /* the width the findings were wrapped to */
	wn_date today;
	struct wn_planform *planform;   /* open forms, NULL when closed */
	struct wn_medform *medform;
};

static void add(struct planscreen *ps, int role, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void add(struct planscreen *ps, int role, const char *fmt, ...)
{
	if (ps->n >= MAX_LINES)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(ps->line[ps->n], LINE_W, fmt, ap);
	va_end(ap);
	ps->role[ps->n++] = role;
}


static void add_forms(struct wn_ui *ui, struct planscreen *ps,
                      const struct wn_med *m)
{
	struct wn_med_form *f = NULL;
	size_t n = 0;
	struct wn_err err = { 0 };
	char forms[LINE_W] = "", n1[32], by[40];
	if (wn_db_form_list(ui->db, m->id, &f, &n, &err) == WN_OK) {
		for (size_t i = 0; i < n; i++) {
			size_t k = strlen(forms);
			if (f[i].kind == WN_FORM_LIQUID)
				snprintf(forms + k, sizeof forms - k, "%sliquid %s %s/mL%s",
				         i ? ", " : "", wn_text_num(f[i].conc, 3, n1, sizeof n1), m->unit,
				         wn_med_form_by_ml(&f[i], by, sizeof by));
			else
				snprintf(forms + k, sizeof forms - k, "%s%s%s%s%s",
				         i ? ", " : "", f[i].label, f[i].label[0] ? "" : "form ",
				         f[i].label[0] ? "" : wn_text_num(f[i].strength, 3, n1, sizeof n1),
				         f[i].label[0] ? "" : m->unit);
		}
	}
	free(f);
	add(ps, WN_R_NORMAL, "%s %s (%s)%s%s", &ps->med[ps->m] == m ? ui->g->focus : " ",
	    m->name, m->unit, forms[0] ? ": " : "", forms);
}

static void add_params(struct planscreen *ps, const struct wn_plan *p,
                       const char *unit)
{
	const struct wn_taper_params *t = &p->params;
	char d[WN_DATE_STRLEN], a[32], b[32], c[32], e[32];
	add(ps, WN_R_HEADING, "Plan: %s from %s %s on %s",
	    wn_taper_method_name(t->method), wn_text_num(t->from_dose, 3, a, sizeof a), unit,
	    wn_date_format(t->start, d));
	if (t->method != WN_TAPER_CUSTOM)
		add(ps, WN_R_NORMAL, "  step %s%s every %d days; rounding %s; floor %s;"
		    " target %s", wn_text_num(t->step, 3, a, sizeof a),
		    t->method == WN_TAPER_PERCENT ? "%" :
		    t->method == WN_TAPER_LINEAR ? unit : " points", t->every_days,
		    t->round_q > 0 ? wn_text_num(t->round_q, 3, b, sizeof b) : "by the forms",
		    t->floor_dose > 0 ? wn_text_num(t->floor_dose, 3, c, sizeof c) : "none",
		    t->to_dose > 0 ? wn_text_num(t->to_dose, 3, e, sizeof e) : "0");
}

/* Planned against taken over the days a past step was in force, in
 * core/vocab.h's words ("26 as planned, 1 skipped, 1 not recorded"), as
 * `wean plan show` says it. */
static void step_pv(const struct wn_plan_day *pd, long n, wn_date from,
                    wn_date a, wn_date b, char *buf, size_t sz)
{
	int count[WN_DOSE_N] = { 0 };
	for (wn_date d = a; d <= b; d++) {
		long i = d - from;
		if (i >= 0 && i < n)
			count[pd[i].status]++;
	}
	wn_vocab_counts_text(count, buf, sz);
}

/* Where the taper stands today, in the words of Today and the report. */
static void add_now(struct planscreen *ps, const struct wn_plan_built *b, const char *unit)
{
	char at[128];
	if (wn_plan_at_dose_text(&b->plan, &b->sched, ps->today, unit, at, sizeof at))
		add(ps, WN_R_NORMAL, "  today: %s", at);
}

static void add_table(struct wn_ui *ui, struct planscreen *ps,
                      const struct wn_plan_built *bl, const char *unit)
{
	const struct wn_plan *p = &bl->plan;
	const struct wn_schedule *s = &bl->sched;
	wn_date from = p->params.start, to = ui->today;
	long n = to >= from ? to - from + 1 : 0;
	struct wn_plan_day *pd = n > 0 && n <= 36600 ? calloc((size_t)n, sizeof *pd)
	                                             : NULL;
	struct wn_err err = { 0 };
	struct wn_plan_range r = { p, s, p->med_id, from, to };
	if (pd && wn_db_plan_days(ui->db, &r, pd, &err) != WN_OK) {
		free(pd);
		pd = NULL;
	}
	add(ps, WN_R_HEADING, "%-10s %10s %7s %6s %6s  %s", "date", "dose", "%start",
	    "%cut", "occ.", "how to take it / planned vs taken");
	for (int i = 0; i < s->n; i++) {
		const struct wn_taper_step *st = &s->steps[i];
		char d[WN_DATE_STRLEN] = "(held)", a[64], occ[16] = "-", how[160],
		     pv[128] = "";
		if (i < s->n_dated)
			wn_date_format(st->date, d);
		if (!isnan(st->occupancy))
			snprintf(occ, sizeof occ, "%.1f%%", st->occupancy);
		wn_plan_unit_text(st->how[0] ? st->how : "-", unit, how, sizeof how);
		wn_date end = i + 1 < s->n_dated ? s->steps[i + 1].date - 1 : to;
		if (pd && i < s->n_dated && st->date <= to)
			step_pv(pd, n, from, st->date, end < to ? end : to, pv, sizeof pv);
		char n1[32], pct[16] = "-", cut[16] = "-";
		snprintf(a, sizeof a, "%s %s", wn_text_num(st->dose, 3, n1, sizeof n1), unit);
		if (!isnan(st->pct_of_start))
			snprintf(pct, sizeof pct, "%.1f%%", st->pct_of_start);
		if (i > 0 && s->steps[0].dose <= 0 && st->pct_cut <= 0)
			snprintf(cut, sizeof cut, "in");      /* a plan from 0 mg bringing a drug in */
		else
			snprintf(cut, sizeof cut, "%.1f%%", st->pct_cut);
		add(ps, i < s->n_dated && st->date <= to ? WN_R_DIM : WN_R_NORMAL,
		    "%-10s %10s %7s %6s %6s  %s%s%s", d, a, pct, cut, occ, how, pv[0] ? " | " : "", pv);
	}
	free(pd);
}

/* The review's findings as lines wrapped to the screen, each warning
 * with whether it was acknowledged when the plan was saved. */
static void add_findings(struct wn_ui *ui, struct planscreen *ps, const struct wn_review *r,
                         const struct wn_plan *p)
{
	int max = MAX_LINES - ps->n;
	struct wn_findings_fit fit = { .cols = ui->cols - 2, .rows = max, .src = true,
	                               .acked = p };
	struct wn_findings_row *rows = max > 0 ? malloc(sizeof *rows * (size_t)max) : NULL;
	int n = rows ? wn_findings_layout(r, &fit, rows, max) : 0;
	for (int i = 0; i < n; i++)
		add(ps, wn_ui_findings_role(rows[i].level), "%-*s%s", WN_FINDINGS_TAG_W,
		    rows[i].first && rows[i].finding >= 0 ? wn_findings_tag(rows[i].level) : "",
		    rows[i].text);
	free(rows);
}

/* Each going back up, and the review of the step that follows it. */
static void add_holds(struct wn_ui *ui, struct planscreen *ps, const struct wn_plan_built *b,
                      const struct wn_med *m)
{
	const struct wn_plan *p = &b->plan;
	char a[WN_DATE_STRLEN], e2[WN_DATE_STRLEN], n1[32];
	if (p->n_events == 0)
		return;
	add(ps, WN_R_HEADING, "Holds and reinstatements");
	for (size_t i = 0; i < p->n_events; i++) {
		const struct wn_plan_event *e = &p->events[i];
		struct wn_review r;
		if (e->kind == WN_PLAN_HOLD) {
			add(ps, WN_R_FLAG, "  hold from %s to %s: %s", wn_date_format(e->start, a),
			    e->end == WN_DATE_NONE ? "(open)" : wn_date_format(e->end, e2),
			    e->reason ? e->reason : "no reason given");
			continue;
		}
		add(ps, WN_R_FLAG, "  back up to %s %s on %s: %s", wn_text_num(e->dose, 3, n1, sizeof n1),
		    m->unit, wn_date_format(e->start, a), e->reason ? e->reason : "no reason given");
		if (wn_plan_review_reinstate(b, m, e->start, e->dose, &r, NULL) == WN_OK)
			add_findings(ui, ps, &r, p);
		wn_review_free(&r);
	}
}

/* What the person recorded about the plan: the prescriber, one form. */
static void add_words(struct planscreen *ps, const struct wn_plan *p)
{
	char d[WN_DATE_STRLEN];
	if (p->agreed_on != WN_DATE_NONE)
		add(ps, WN_R_NORMAL, "  You recorded agreeing this plan with your prescriber on %s.",
		    wn_date_format(p->agreed_on, d));
	if (p->form_label[0] && !p->form_missing)
		add(ps, WN_R_NORMAL, "  Kept on one form: %s.", p->form_label);
	else if (p->form_label[0])
		add(ps, WN_R_NORMAL, "  Kept on the form '%s', which is no longer recorded:"
		    " every recorded form is used.", p->form_label);
}

/* The review in one line under the parameters; in full after the
 * schedule (add_review). */
static void add_summary(struct planscreen *ps, const struct wn_review *r, bool reviewed)
{
	char line[WN_REVIEW_BRIEF + 64];
	wn_review_summary(r, line, sizeof line);
	if (!reviewed)
		add(ps, WN_R_DIM, "  review: could not be made");
	else if (r->n_findings == 0)
		add(ps, WN_R_NORMAL, "  review: no findings");
	else
		add(ps, wn_ui_findings_role(r->worst), "  review: %s (below the schedule)", line);
}

static void add_review(struct wn_ui *ui, struct planscreen *ps, const struct wn_review *r,
                       const struct wn_plan *p)
{
	char counts[96];
	wn_findings_counts(r, counts, sizeof counts);
	add(ps, WN_R_HEADING, "Review of the plan entered in wean (not advice): %s", counts);
	add_findings(ui, ps, r, p);
}

/* The switch the plan takes part in (plan switch): each stage's doses of
 * both drugs and the day's combined diazepam equivalent, its source and
 * rule, as `wean plan show` prints them. */
static void add_switch(struct planscreen *ps, struct wn_db *db, const struct wn_plan *p)
{
	static struct wn_db_switch_view sv;
	char line[256], n1[32], d[WN_DATE_STRLEN];
	if (wn_db_plan_switch_view(db, p->id, &sv, NULL) != WN_OK)
		return;
	add(ps, WN_R_NORMAL, "%s", "");
	add(ps, WN_R_HEADING, "Switch: %s to %s, one dose at a time, a stage every %d days",
	    sv.from.name, sv.to.name, sv.link.stage_days);
	add(ps, WN_R_NORMAL, "%s mg %s = 10 mg diazepam (%s, S17), approximate",
	    wn_text_num(sv.sw.equiv, 3, n1, sizeof n1), sv.from.name,
	    sv.table == WN_SWITCH_VADOD ? "VA/DoD 2021" : "Ashton 2002");
	add(ps, WN_R_DIM, "in the style of the Ashton Manual (S15 S16 S18); its rule: wean plan show");
	if (sv.sw.n_doses >= 2) {
		size_t used = 0;
		used += (size_t)snprintf(line, sizeof line, "doses at");
		for (int i = 0; i < sv.sw.n_doses && used < sizeof line; i++)
			used += (size_t)snprintf(line + used, sizeof line - used, "%s%02d:%02d", i ? "+" : " ",
			                         sv.sw.minute[i] / 60, sv.sw.minute[i] % 60);
		add(ps, WN_R_NORMAL, "%s", line);
	}
	wn_switch_head_text(sv.from.name, sv.to.name, line, sizeof line);
	add(ps, WN_R_NORMAL, "%s", line);
	for (int k = 0; k < sv.sw.n; k++) {
		wn_switch_row_text(&sv.sw, k, line, sizeof line);
		add(ps, WN_R_NORMAL, "%s", line);
	}
	add(ps, WN_R_NORMAL, "then the diazepam taper from %s", wn_date_format(sv.taper_from, d));
	add(ps, WN_R_DIM, "Discuss the switch and every step with your prescriber.");
}

static void add_plan(struct wn_ui *ui, struct planscreen *ps,
                     const struct wn_med *m)
{
	struct wn_plan_built b;
	struct wn_review r = { 0 };
	struct wn_err err = { 0 };
	int rc = wn_db_plan_built(ui->db, m, &b, &err);
	if (rc == WN_NOINPUT) {
		add(ps, WN_R_DIM, "%s has no plan; press a to make one", m->name);
	} else if (rc != WN_OK) {
		if (b.plan.id)
			add_params(ps, &b.plan, m->unit);
		add(ps, WN_R_ERROR, "cannot compute the schedule: %s", err.msg);
	} else {
		/* the plan a switch replaces: the switch's review, by the
		 * combined equivalent (a replaced dose is not a cut) */
		int sw = wn_db_switch_review(ui->db, &b.plan, &r, NULL);
		bool reviewed = sw == WN_OK || (sw == WN_NOINPUT && wn_plan_review(&b, m, &r, NULL) == WN_OK);
		add_params(ps, &b.plan, m->unit);
		add_now(ps, &b, m->unit);
		add_summary(ps, &r, reviewed);
		add_words(ps, &b.plan);
		add_table(ui, ps, &b, m->unit);
		add_switch(ps, ui->db, &b.plan);
		add_holds(ui, ps, &b, m);
		if (reviewed && sw == WN_OK)
			add(ps, WN_R_NORMAL, "Review of the switch: %s with diazepam, as the day's combined"
			    " diazepam equivalent", m->name);
		if (reviewed)
			add_review(ui, ps, &r, &b.plan);
	}
	wn_review_free(&r);
	wn_plan_built_free(&b);
}

/* ---- several plans at once ------------------------------------------------ */

static void add_together_rows(struct planscreen *ps,
                              const struct wn_together_med *tm, int n)
{
	struct wn_together_row *rows;
	size_t nr;
	struct wn_buf b;
	char d[WN_DATE_STRLEN], n1[32], cell[64];
	bool dz = wn_together_has_equiv(tm, n);
	if (wn_together_rows(tm, n, &rows, &nr, NULL) != WN_OK)
		return;
	add(ps, WN_R_HEADING, "Together: the dose each plan sets from that day");
	wn_buf_init(&b);
	wn_text_pad(&b, "date", 11, 0);
	for (int i = 0; i < n; i++)
		wn_text_pad(&b, tm[i].name, 13, 0);
	wn_buf_adds(&b, dz ? "as diazepam*" : "");
	add(ps, WN_R_NORMAL, "%s", b.s ? b.s : "");
	for (size_t j = 0; j < nr; j++) {
		b.len = 0;
		wn_text_pad(&b, wn_date_format(rows[j].date, d), 11, 0);
		for (int i = 0; i < n; i++) {
			if (isnan(rows[j].dose[i]))
				snprintf(cell, sizeof cell, "-");
			else
				snprintf(cell, sizeof cell, "%s %s", wn_text_num(rows[j].dose[i], 3, n1, sizeof n1),
				         tm[i].unit);
			wn_text_pad(&b, cell, 13, 0);
		}
		if (dz && !isnan(rows[j].dz_lo))
			wn_buf_adds(&b, wn_together_equiv_text(&rows[j], cell, sizeof cell));
		add(ps, rows[j].date <= ps->today ? WN_R_DIM : WN_R_NORMAL, "%s", b.s ? b.s : "");
	}
	if (dz)
		add(ps, WN_R_DIM, "* approximate: the sources differ, and people more; not a"
		    " conversion to act on");
	wn_buf_free(&b);
	free(rows);
}

/* With two or more plans (a cross-taper, a switch to diazepam), the plans
 * side by side, as `wean plan show` prints them. */
static void add_together(struct wn_ui *ui, struct planscreen *ps)
{
	struct wn_plan_built *bl = calloc(ps->n_med ? ps->n_med : 1, sizeof *bl);
	struct wn_together_med tm[WN_TOGETHER_MAX];
	int n = 0;
	for (size_t i = 0; bl && i < ps->n_med && n < WN_TOGETHER_MAX; i++) {
		struct wn_plan_built *x = &bl[n];
		if (wn_db_plan_built(ui->db, &ps->med[i], x, NULL) != WN_OK) {
			wn_plan_built_free(x);
			continue;
		}
		tm[n] = (struct wn_together_med){ ps->med[i].name, ps->med[i].unit, &x->plan,
		                                  &x->sched, x->known ? &x->drug : NULL, 0 };
		wn_db_switch_dz_per_mg(ui->db, x->plan.id, &tm[n].dz_per_mg);  /* by its table */
		n++;
	}
	if (n >= 2) {
		add(ps, WN_R_NORMAL, "%s", "");
		add_together_rows(ps, tm, n);
	}
	for (int i = 0; i < n; i++)
		wn_plan_built_free(&bl[i]);
	free(bl);
}

static int load(struct wn_ui *ui, struct planscreen *ps, struct wn_err *err)
{
	free(ps->med);
	ps->med = NULL;
	ps->n = 0;
	int rc = wn_db_med_list(ui->db, &ps->med, &ps->n_med, err);
	if (rc != WN_OK)
		return rc;
	if (!ps->line) {
		ps->line = malloc(sizeof *ps->line * MAX_LINES);
		ps->role = malloc(sizeof *ps->role * MAX_LINES);
		if (!ps->line || !ps->role)
			return wn_err_set(err, WN_ERR, "out of memory");
	}
	if (ps->m >= ps->n_med)
		ps->m = 0;
	add(ps, WN_R_HEADING, "Medications");
	if (ps->n_med == 0)
		add(ps, WN_R_DIM, "  none yet; `wean med add NAME --form \"tablet 50 mg\"`");
	for (size_t i = 0; i < ps->n_med; i++)
		add_forms(ui, ps, &ps->med[i]);
	add(ps, WN_R_NORMAL, "%s", "");
	ps->today = ui->today;
	if (ps->n_med)
		add_plan(ui, ps, &ps->med[ps->m]);
	add_together(ui, ps);
	ps->gen = ui->gen;
	ps->cols = ui->cols;
	ps->loaded = true;
	return WN_OK;
}

static int plan_enter(struct wn_ui *ui, void *state, struct wn_err *err)
{
	return load(ui, state, err);
}

static int page(const struct wn_ui *ui)
{
	return ui->body_rows - 2 > 1 ? ui->body_rows - 2 : 1;
}

static void plan_draw(struct wn_ui *ui, void *state)
{
	struct planscreen *ps = state;
	if (ps->planform) {
		wn_planform_draw(ui, ps->planform);
		return;
	}
	if (ps->medform) {
		wn_medform_draw(ui, ps->medform);
		return;
	}
	struct wn_err err = { 0 };
	if (ps->loaded && ps->cols != ui->cols && load(ui, ps, &err) != WN_OK)
		wn_ui_msg_err(ui, "cannot read the plan", &err);   /* rewrap */
	if (!ps->loaded) {
		wn_ui_put(ui, WN_CELL(ui->body_top, 1, ui->cols - 2, WN_R_DIM),
		          "the diary could not be read");
		return;
	}
	int rows = page(ui);
	for (int r = 0; r < rows && ps->top + r < ps->n; r++)
		wn_ui_put(ui, WN_CELL(ui->body_top + r, 1, ui->cols - 2,
		                      ps->role[ps->top + r]), ps->line[ps->top + r]);
	/* more lines than the screen shows (a switch's stages, a long
	 * review): an arrow says so, as on the other screens */
	if (ps->top > 0)
		wn_ui_put(ui, WN_CELL(ui->body_top, ui->cols - 1, 1, WN_R_DIM),
		          ui->ascii ? "^" : "\u2191");
	if (ps->top + rows < ps->n)
		wn_ui_put(ui, WN_CELL(ui->body_top + rows - 1, ui->cols - 1, 1, WN_R_DIM),
		          ui->ascii ? "v" : "\u2193");
	wn_edit_draw_text(ui, WN_PLAN_DISCLAIMER,
	                  WN_BOX(ui->body_top + rows, 1, 2, ui->cols - 2));
}

static void scroll_by(struct wn_ui *ui, struct planscreen *ps, int by)
{
	int max = ps->n - page(ui);
	ps->top += by;
	if (ps->top > max)
		ps->top = max;
	if (ps->top < 0)
		ps->top = 0;
}

static bool plan_action(struct wn_ui *ui, void *state, int action, int arg)
{
	struct planscreen *ps = state;
	struct wn_err err = { 0 };
	switch (action) {
	case WN_A_UP: scroll_by(ui, ps, -1); return true;
	case WN_A_DOWN: scroll_by(ui, ps, 1); return true;
	case WN_A_PGUP: scroll_by(ui, ps, -page(ui)); return true;
	case WN_A_PGDN: scroll_by(ui, ps, page(ui)); return true;
	case WN_A_NEXT_DAY:
		if (ps->n_med)
			ps->m = (ps->m + 1) % ps->n_med;
		ps->top = 0;
		if (load(ui, ps, &err) != WN_OK)
			wn_ui_msg_err(ui, "cannot read the plan", &err);
		return true;
	case WN_A_NEW_PLAN:
		if (arg == 1)           /* M: a medication */
			ps->medform = wn_medform_open(ui);
		else if (ps->n_med == 0)
			wn_ui_msg(ui, WN_R_NOTICE, "add a medication first: press M");
		else
			ps->planform = wn_planform_open(ui, &ps->med[ps->m]);
		return true;
	case WN_A_EDIT_MED:
		if (ps->n_med == 0)
			wn_ui_msg(ui, WN_R_NOTICE, "add a medication first: press M");
		else
			ps->medform = wn_medform_open_edit(ui, &ps->med[ps->m]);
		return true;
	default:
		return false;
	}
}

static unsigned plan_scope(struct wn_ui *ui, void *state)
{
	(void)ui;
	const struct planscreen *ps = state;
	if (wn_planform_asking(ps->planform))
		return WN_SC_ASK;
	return ps->planform || ps->medform ? WN_SC_PROMPT : WN_SC_PLAN;
}

/* A key for the open form; when it closes: the medication it added (id 0
 * for none), and whether it wrote anything. */
static bool form_input(struct wn_ui *ui, struct planscreen *ps,
                       const struct wn_input *in, struct wn_med *added)
{
	int r;
	if (ps->medform) {
		r = wn_medform_input(ui, ps->medform, in);
		if (r == WN_FORM_SAVED)
			*added = *wn_medform_added(ps->medform);
		if (r != WN_FORM_OPEN) {
			wn_medform_free(ps->medform);
			ps->medform = NULL;
		}
	} else {
		r = wn_planform_input(ui, ps->planform, in);
		if (r != WN_FORM_OPEN) {
			wn_planform_free(ps->planform);
			ps->planform = NULL;
		}
	}
	return r == WN_FORM_SAVED;
}

static void plan_text(struct wn_ui *ui, void *state, const struct wn_input *in)
{
	struct planscreen *ps = state;
	struct wn_med added = { .id = 0 };
	struct wn_err err = { 0 };
	if (!form_input(ui, ps, in, &added))
		return;
	ui->gen++;
	ps->top = 0;
	if (load(ui, ps, &err) != WN_OK) {
		wn_ui_msg_err(ui, "cannot read the plan", &err);
		return;
	}
	for (size_t i = 0; added.id && i < ps->n_med; i++)
		if (ps->med[i].id == added.id && ps->m != i) {
			ps->m = i;           /* show the new medication */
			if (load(ui, ps, &err) != WN_OK)
				wn_ui_msg_err(ui, "cannot read the plan", &err);
			break;
		}
}

static void plan_fini(struct wn_ui *ui, void *state)
{
	(void)ui;
	struct planscreen *ps = state;
	wn_planform_free(ps->planform);
	wn_medform_free(ps->medform);
	free(ps->med);
	free(ps->line);
	free(ps->role);
	memset(ps, 0, sizeof *ps);
}

const struct wn_screen wn_screen_plan = {
	.name = "Plan",
	.number = 3,
	.scope = WN_SC_PLAN,
	.state_size = sizeof(struct planscreen),
	.enter = plan_enter,
	.draw = plan_draw,
	.action = plan_action,
	.scope_now = plan_scope,
	.text_input = plan_text,
	.fini = plan_fini,
};
