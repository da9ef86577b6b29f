/* ui_plan.c -- the Plan screen: medications, the active plan's
 * parameters, its schedule (with planned vs taken for past steps) and its
 * holds, as lines of text that scroll.  `a` opens the form that makes a
 * new plan (ui_planform.c), pre-filled from the current one. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/plan.h"
#include "db/db.h"
#include "core/taper.h"
#include "core/text.h"
#include "core/together.h"
#include "tui.h"
#include "planform.h"
#include "core/plan.h"
#include "core/records.h"
#include "db/med.h"

#define LINE_W 256
#define MAX_LINES 512

static struct pscreen {
	struct wn_med *med;  size_t n_med;
	size_t m;                /* the medication shown */
	char (*line)[LINE_W];
	int *role;
	int n, top;
	unsigned gen;
	bool loaded;
	wn_date today;
} P;

static void add(int role, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void add(int role, const char *fmt, ...)
{
	if (P.n >= MAX_LINES)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(P.line[P.n], LINE_W, fmt, ap);
	va_end(ap);
	P.role[P.n++] = role;
}


static void add_forms(struct wn_ui *ui, const struct wn_med *m)
{
	struct wn_med_form *f = NULL;
	size_t n = 0;
	struct wn_err err = { 0 };
	char forms[LINE_W] = "", n1[32];
	if (wn_db_form_list(ui->db, m->id, &f, &n, &err) == WN_OK) {
		for (size_t i = 0; i < n; i++) {
			size_t k = strlen(forms);
			if (f[i].kind == WN_FORM_LIQUID)
				snprintf(forms + k, sizeof forms - k, "%sliquid %s %s/mL",
				         i ? ", " : "", wn_text_num(f[i].conc, 3, n1, sizeof n1), m->unit);
			else
				snprintf(forms + k, sizeof forms - k, "%s%s%s%s%s",
				         i ? ", " : "", f[i].label, f[i].label[0] ? "" : "form ",
				         f[i].label[0] ? "" : wn_text_num(f[i].strength, 3, n1, sizeof n1),
				         f[i].label[0] ? "" : m->unit);
		}
	}
	free(f);
	add(WN_R_NORMAL, "%s %s (%s)%s%s", &P.med[P.m] == m ? ui->g->focus : " ",
	    m->name, m->unit, forms[0] ? ": " : "", forms);
}

static void add_params(const struct wn_plan *p, const char *unit)
{
	const struct wn_taper_params *t = &p->params;
	char d[WN_DATE_STRLEN], a[32], b[32], c[32], e[32];
	add(WN_R_HEADING, "Plan: %s from %s %s on %s",
	    wn_taper_method_name(t->method), wn_text_num(t->from_dose, 3, a, sizeof a), unit,
	    wn_date_format(t->start, d));
	if (t->method != WN_TAPER_CUSTOM)
		add(WN_R_NORMAL, "  step %s%s every %d days; rounding %s; floor %s;"
		    " target %s", wn_text_num(t->step, 3, a, sizeof a),
		    t->method == WN_TAPER_PERCENT ? "%" :
		    t->method == WN_TAPER_LINEAR ? unit : " points", t->every_days,
		    t->round_q > 0 ? wn_text_num(t->round_q, 3, b, sizeof b) : "by the forms",
		    t->floor_dose > 0 ? wn_text_num(t->floor_dose, 3, c, sizeof c) : "none",
		    t->to_dose > 0 ? wn_text_num(t->to_dose, 3, e, sizeof e) : "0");
}

/* "3 of 28 days off plan" for the days a past step was in force. */
static void step_pv(const struct wn_plan_day *pd, long n, wn_date from,
                    wn_date a, wn_date b, char *buf, size_t sz)
{
	int days = 0, off = 0, nodata = 0;
	for (wn_date d = a; d <= b; d++) {
		long i = d - from;
		if (i < 0 || i >= n)
			continue;
		days++;
		if (pd[i].pv == WN_PV_NODATA)
			nodata++;
		else if (pd[i].pv != WN_PV_OK && pd[i].pv != WN_PV_NOPLAN)
			off++;
	}
	if (days == 0)
		buf[0] = '\0';
	else
		snprintf(buf, sz, "%d/%d days off plan, %d unrecorded", off, days,
		         nodata);
}

static void add_table(struct wn_ui *ui, const struct wn_plan *p,
                      const struct wn_schedule *s, const char *unit)
{
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
	add(WN_R_HEADING, "%-10s %10s %7s %6s %6s  %s", "date", "dose", "%start",
	    "%cut", "occ.", "how to take it / planned vs taken");
	for (int i = 0; i < s->n; i++) {
		const struct wn_taper_step *st = &s->steps[i];
		char d[WN_DATE_STRLEN] = "(held)", a[64], occ[16] = "-", how[160],
		     pv[80] = "";
		if (i < s->n_dated)
			wn_date_format(st->date, d);
		if (!isnan(st->occupancy))
			snprintf(occ, sizeof occ, "%.1f%%", st->occupancy);
		wn_plan_unit_text(st->how[0] ? st->how : "-", unit, how, sizeof how);
		wn_date end = i + 1 < s->n_dated ? s->steps[i + 1].date - 1 : to;
		if (pd && i < s->n_dated && st->date <= to)
			step_pv(pd, n, from, st->date, end < to ? end : to, pv, sizeof pv);
		char n1[32];
		snprintf(a, sizeof a, "%s %s", wn_text_num(st->dose, 3, n1, sizeof n1), unit);
		add(i < s->n_dated && st->date <= to ? WN_R_DIM : WN_R_NORMAL,
		    "%-10s %10s %6.1f%% %5.1f%% %6s  %s%s%s", d, a, st->pct_of_start,
		    st->pct_cut, occ, how, pv[0] ? " | " : "", pv);
	}
	free(pd);
}

static void add_holds(const struct wn_plan *p)
{
	char a[WN_DATE_STRLEN], b[WN_DATE_STRLEN];
	if (p->n_events == 0)
		return;
	add(WN_R_HEADING, "Holds and reinstatements");
	for (size_t i = 0; i < p->n_events; i++) {
		const struct wn_plan_event *e = &p->events[i];
		if (e->kind == WN_PLAN_HOLD)
			add(WN_R_FLAG, "  hold from %s to %s: %s",
			    wn_date_format(e->start, a),
			    e->end == WN_DATE_NONE ? "(open)" : wn_date_format(e->end, b),
			    e->reason ? e->reason : "no reason given");
		else
			add(WN_R_FLAG, "  back up to %g on %s: %s", e->dose,
			    wn_date_format(e->start, a),
			    e->reason ? e->reason : "no reason given");
	}
}

static void add_plan(struct wn_ui *ui, const struct wn_med *m)
{
	struct wn_plan p;
	struct wn_schedule s;
	struct wn_err err = { 0 };
	if (wn_db_plan_load(ui->db, m->id, &p, &err) != WN_OK) {
		wn_plan_free(&p);
		add(WN_R_DIM, "%s has no plan; press a to make one", m->name);
		return;
	}
	struct wn_drug drug;
	bool known = wn_plan_drug(m, &drug, NULL) == WN_OK;
	add_params(&p, m->unit);
	if (wn_plan_build(&p, known ? &drug : NULL, &s, &err) == WN_OK) {
		add_table(ui, &p, &s, m->unit);
		wn_taper_free(&s);
	} else {
		add(WN_R_ERROR, "cannot compute the schedule: %s", err.msg);
	}
	add_holds(&p);
	wn_plan_free(&p);
}

/* ---- several plans at once ------------------------------------------------ */

struct built {
	struct wn_plan plan;
	struct wn_schedule sched;
	struct wn_drug drug;
	bool has_drug;
};

static void add_together_rows(const struct wn_together_med *tm, int n)
{
	struct wn_together_row *rows;
	size_t nr;
	struct wn_buf b;
	char d[WN_DATE_STRLEN], n1[32], cell[64];
	bool dz = wn_together_has_equiv(tm, n);
	if (wn_together_rows(tm, n, &rows, &nr, NULL) != WN_OK)
		return;
	add(WN_R_HEADING, "Together: the dose each plan sets from that day");
	wn_buf_init(&b);
	wn_text_pad(&b, "date", 11, 0);
	for (int i = 0; i < n; i++)
		wn_text_pad(&b, tm[i].name, 13, 0);
	wn_buf_adds(&b, dz ? "as diazepam*" : "");
	add(WN_R_NORMAL, "%s", b.s ? b.s : "");
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
		add(rows[j].date <= P.today ? WN_R_DIM : WN_R_NORMAL, "%s", b.s ? b.s : "");
	}
	if (dz)
		add(WN_R_DIM, "* approximate: the sources differ, and people more; not a"
		    " conversion to act on");
	wn_buf_free(&b);
	free(rows);
}

/* With two or more plans (a cross-taper, a switch to diazepam), the plans
 * side by side, as `wean plan show` prints them. */
static void add_together(struct wn_ui *ui)
{
	struct built *bl = calloc(P.n_med ? P.n_med : 1, sizeof *bl);
	struct wn_together_med tm[WN_TOGETHER_MAX];
	int n = 0;
	for (size_t i = 0; bl && i < P.n_med && n < WN_TOGETHER_MAX; i++) {
		struct built *x = &bl[n];
		if (wn_db_plan_load(ui->db, P.med[i].id, &x->plan, NULL) != WN_OK) {
			wn_plan_free(&x->plan);
			continue;
		}
		x->has_drug = wn_plan_drug(&P.med[i], &x->drug, NULL) == WN_OK;
		if (wn_plan_build(&x->plan, x->has_drug ? &x->drug : NULL, &x->sched,
		                  NULL) != WN_OK) {
			wn_plan_free(&x->plan);
			continue;
		}
		tm[n] = (struct wn_together_med){ P.med[i].name, P.med[i].unit, &x->plan,
		                                  &x->sched, x->has_drug ? &x->drug : NULL };
		n++;
	}
	if (n >= 2) {
		add(WN_R_NORMAL, "%s", "");
		add_together_rows(tm, n);
	}
	for (int i = 0; i < n; i++) {
		wn_taper_free(&bl[i].sched);
		wn_plan_free(&bl[i].plan);
	}
	free(bl);
}

static int load(struct wn_ui *ui, struct wn_err *err)
{
	free(P.med);
	P.med = NULL;
	P.n = 0;
	int rc = wn_db_med_list(ui->db, &P.med, &P.n_med, err);
	if (rc != WN_OK)
		return rc;
	if (!P.line) {
		P.line = malloc(sizeof *P.line * MAX_LINES);
		P.role = malloc(sizeof *P.role * MAX_LINES);
		if (!P.line || !P.role)
			return wn_err_set(err, WN_ERR, "out of memory");
	}
	if (P.m >= P.n_med)
		P.m = 0;
	add(WN_R_HEADING, "Medications");
	if (P.n_med == 0)
		add(WN_R_DIM, "  none yet; `wean med add NAME --form \"tablet 50 mg\"`");
	for (size_t i = 0; i < P.n_med; i++)
		add_forms(ui, &P.med[i]);
	add(WN_R_NORMAL, "%s", "");
	if (P.n_med)
		add_plan(ui, &P.med[P.m]);
	P.today = ui->today;
	add_together(ui);
	P.gen = ui->gen;
	P.loaded = true;
	return WN_OK;
}

static int plan_enter(struct wn_ui *ui, struct wn_err *err)
{
	return load(ui, err);
}

static int page(const struct wn_ui *ui)
{
	return ui->body_rows - 2 > 1 ? ui->body_rows - 2 : 1;
}

static void plan_draw(struct wn_ui *ui)
{
	if (wn_planform_is_open()) {
		wn_planform_draw(ui);
		return;
	}
	if (wn_medform_is_open()) {
		wn_medform_draw(ui);
		return;
	}
	if (!P.loaded) {
		wn_ui_put(ui, WN_CELL(ui->body_top, 1, ui->cols - 2, WN_R_DIM),
		          "the diary could not be read");
		return;
	}
	int rows = page(ui);
	for (int r = 0; r < rows && P.top + r < P.n; r++)
		wn_ui_put(ui, WN_CELL(ui->body_top + r, 1, ui->cols - 2,
		                      P.role[P.top + r]), P.line[P.top + r]);
	wn_edit_draw_text(ui, WN_PLAN_DISCLAIMER,
	                  WN_BOX(ui->body_top + rows, 1, 2, ui->cols - 2));
}

static void scroll_by(struct wn_ui *ui, int by)
{
	int max = P.n - page(ui);
	P.top += by;
	if (P.top > max)
		P.top = max;
	if (P.top < 0)
		P.top = 0;
}

static bool plan_action(struct wn_ui *ui, int action, int arg)
{
	struct wn_err err = { 0 };
	switch (action) {
	case WN_A_UP: scroll_by(ui, -1); return true;
	case WN_A_DOWN: scroll_by(ui, 1); return true;
	case WN_A_PGUP: scroll_by(ui, -page(ui)); return true;
	case WN_A_PGDN: scroll_by(ui, page(ui)); return true;
	case WN_A_NEXT_DAY:
		if (P.n_med)
			P.m = (P.m + 1) % P.n_med;
		P.top = 0;
		if (load(ui, &err) != WN_OK)
			wn_ui_msg_err(ui, "cannot read the plan", &err);
		return true;
	case WN_A_NEW_PLAN:
		if (arg == 1)           /* M: a medication */
			wn_medform_open(ui);
		else if (P.n_med == 0)
			wn_ui_msg(ui, WN_R_NOTICE, "add a medication first: press M");
		else
			wn_planform_open(ui, &P.med[P.m]);
		return true;
	default:
		return false;
	}
}

static unsigned plan_scope(struct wn_ui *ui)
{
	(void)ui;
	return wn_planform_is_open() || wn_medform_is_open() ? WN_SC_PROMPT : WN_SC_PLAN;
}

static void plan_text(struct wn_ui *ui, const struct wn_input *in)
{
	bool saved;
	struct wn_med added = { .id = 0 };
	struct wn_err err = { 0 };
	if (wn_medform_is_open()) {
		if (!wn_medform_input(ui, in, &saved, &added))
			return;
		wn_medform_close();
	} else {
		if (!wn_planform_input(ui, in, &saved))
			return;
		wn_planform_close();
	}
	if (!saved)
		return;
	ui->gen++;
	P.top = 0;
	if (load(ui, &err) != WN_OK) {
		wn_ui_msg_err(ui, "cannot read the plan", &err);
		return;
	}
	for (size_t i = 0; added.id && i < P.n_med; i++)
		if (P.med[i].id == added.id && P.m != i) {
			P.m = i;           /* show the new medication */
			if (load(ui, &err) != WN_OK)
				wn_ui_msg_err(ui, "cannot read the plan", &err);
			break;
		}
}

static void plan_fini(struct wn_ui *ui)
{
	(void)ui;
	wn_planform_close();
	wn_medform_close();
	free(P.med);
	free(P.line);
	free(P.role);
	memset(&P, 0, sizeof P);
}

const struct wn_screen wn_screen_plan = {
	.name = "Plan",
	.number = 3,
	.scope = WN_SC_PLAN,
	.enter = plan_enter,
	.draw = plan_draw,
	.action = plan_action,
	.scope_now = plan_scope,
	.text_input = plan_text,
	.fini = plan_fini,
};
