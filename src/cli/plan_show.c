/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plan_show.c -- `wean plan show [MED]`: the schedule as a table with
 * planned against taken, holds and reinstatements, and several plans side
 * by side (core/together.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/cli.h"
#include "core/plan.h"
#include "core/records.h"
#include "core/text.h"
#include "core/together.h"
#include "db/med.h"
#include "db/plan.h"
#include "plan_int.h"

#define MAX_DAYS 36600

/* The active plan with its schedule built; WN_NOINPUT with a hint when
 * the medication has none. */
int wn_cli_plan_load(struct wn_db *db, const struct wn_med *m, struct wn_plan_built *l,
                     struct wn_err *err)
{
	int rc = wn_db_plan_built(db, m, l, err);
	if (rc == WN_NOINPUT)
		wn_err_hint(err, "add one with 'wean plan add %s --start DATE --from-dose X --method METHOD --step N --every PERIOD' (see 'wean plan --help')",
		            m->name);
	return rc;
}

/* ---- plan show ---------------------------------------------------------------------- */

struct show {
	struct wn_cli *c;
	const struct wn_med *m;
	struct wn_plan_built l;
	struct wn_plan_day *days;     /* from days_from to today, or NULL */
	wn_date days_from;
	long n_days;
	double *doses;                /* each step's doses (core/doses.h), or
	                                 NULL for one dose a day */
};

static void print_method(const struct show *w)
{
	const struct wn_taper_params *t = &w->l.plan.params;
	char ev[32], n1[32];
	FILE *f = w->c->out;
	wn_plan_every_text(t->every_days, true, ev, sizeof ev);
	fprintf(f, "%s: %s plan", w->m->name, wn_taper_method_name(t->method));
	switch (t->method) {
	case WN_TAPER_PERCENT:
		fprintf(f, ", cut %s%% of the current dose every %s", wn_text_num(t->step, 3, n1, sizeof n1), ev);
		break;
	case WN_TAPER_OCCUPANCY:
		fprintf(f, ", equal steps of %s points of estimated occupancy every %s",
		        wn_text_num(t->step, 3, n1, sizeof n1), ev);
		break;
	case WN_TAPER_LINEAR:
		fprintf(f, ", cut %s %s every %s", wn_text_num(t->step, 3, n1, sizeof n1), w->m->unit, ev);
		break;
	case WN_TAPER_CUSTOM:
		fputs(", your own steps", f);
		break;
	}
	if (t->method != WN_TAPER_CUSTOM && t->round_q > 0)
		fprintf(f, ", rounded to %s %s", wn_text_num(t->round_q, 3, n1, sizeof n1), w->m->unit);
	else if (t->method != WN_TAPER_CUSTOM && t->n_forms)
		fputs(", rounded to what your forms deliver", f);
	else if (t->method != WN_TAPER_CUSTOM)
		fprintf(f, ", rounded to 0.01 %s", w->m->unit);
	fputc('\n', f);
}

/* A plan of several doses a day: the times, the split and the rule. */
static void print_doses_rule(const struct show *w)
{
	const struct wn_doses *d = &w->l.plan.doses;
	char times[128], split[256];
	if (d->n < 2)
		return;
	wn_doses_times_text(d, times, sizeof times);
	wn_doses_split_text(d, split, sizeof split);
	if (w->l.sched.n && w->l.sched.steps[0].dose <= 0)
		fprintf(w->c->out, "doses: %d a day at %s, brought in one at a time up to %s %s\n"
		        "cut first (and brought in first): %s\n", d->n, times, split, w->m->unit,
		        d->cut == WN_CUT_EVENING ? "the latest dose (--cut-first evening)" :
		        d->cut == WN_CUT_MORNING ? "the earliest dose (--cut-first morning)" :
		        "the largest dose, on a tie the latest (--cut-first largest, the default)");
	else
	fprintf(w->c->out, "doses: %d a day at %s, the start split %s\ncut first: %s\n",
	        d->n, times, split,
	        d->cut == WN_CUT_EVENING ? "the latest dose (--cut-first evening)" :
	        d->cut == WN_CUT_MORNING ? "the earliest dose (--cut-first morning)" :
	        "the largest dose, on a tie the latest (--cut-first largest, the default)");
}

/* Step i of a plan from 0 mg that brings the drug in (steps 1 .. i all
 * rises): i, its stage; else 0. */
static int stage_of(const struct show *w, int i)
{
	const struct wn_schedule *s = &w->l.sched;
	if (i < 1 || i >= s->n || s->steps[0].dose > 0)
		return 0;
	for (int k = 1; k <= i; k++)
		if (!(s->steps[k].dose > s->steps[k - 1].dose))
			return 0;
	return i;
}

static void print_limits(const struct show *w)
{
	const struct wn_taper_params *t = &w->l.plan.params;
	char n1[32], b[WN_DATE_STRLEN];
	FILE *f = w->c->out;
	fprintf(f, "start: %s at %s %s", wn_date_format(t->start, b),
	        wn_text_num(t->from_dose, 3, n1, sizeof n1), w->m->unit);
	int top = 0;
	while (stage_of(w, top + 1))
		top++;
	if (top)
		fprintf(f, " (a plan from 0 mg: %d stage%s up to %s %s, then the steps down)", top,
		        top == 1 ? "" : "s", wn_text_num(w->l.sched.steps[top].dose, 3, n1, sizeof n1),
		        w->m->unit);
	if (t->floor_dose > 0)
		fprintf(f, "; below %s %s the next step is 0", wn_text_num(t->floor_dose, 3, n1, sizeof n1), w->m->unit);
	if (t->to_dose > 0)
		fprintf(f, "; target %s %s", wn_text_num(t->to_dose, 3, n1, sizeof n1), w->m->unit);
	fputs("\nforms: ", f);
	for (int i = 0; i < t->n_forms; i++) {
		char fb[WN_FORM_LABEL + 64], fu[WN_FORM_LABEL + 96];
		wn_taper_form_format(&t->forms[i], fb, sizeof fb);
		wn_plan_unit_text(fb, w->m->unit, fu, sizeof fu);
		fprintf(f, "%s%s", i ? ", " : "", fu);
	}
	fputs(t->n_forms ? "\n" : "none recorded, so 'how to take it' stays empty\n", f);
	print_doses_rule(w);
}

/* "sert:S3,S2" out of a drug's src list. */
static void sert_sources(const struct wn_drug *d, char *buf, size_t n)
{
	const char *p = strstr(d->src, "sert:");
	size_t len = 0;
	buf[0] = '\0';
	for (p = p ? p + 5 : ""; *p && *p != ' ' && len + 3 < n; p++) {
		buf[len++] = *p;
		if (*p == ',')
			buf[len++] = ' ';
		buf[len] = '\0';
	}
}

static void print_occupancy_note(const struct show *w)
{
	const struct wn_drug *d = &w->l.drug;
	double emax, ed50;
	char src[64], n1[32], n2[32];
	if (!w->l.has_drug || wn_plan_sert(d, w->l.plan.region, &emax, &ed50, NULL) != WN_OK)
		return;
	sert_sources(d, src, sizeof src);
	bool approx = wn_drugref_is_approximate(d, "sert_emax_pct") ||
	              wn_drugref_is_approximate(d, "sert_ed50_mg");
	fprintf(w->c->out, "est. occ. = estimated SERT occupancy, Emax %s%% x dose / (ED50 %s mg + dose), %s%s%s%s\n",
	        wn_text_num(emax, 3, n1, sizeof n1), wn_text_num(ed50, 3, n2, sizeof n2),
	        w->l.plan.region[0] ? w->l.plan.region : d->region, approx ? ", approximate" : "",
	        src[0] ? ", sources " : "", src);
}

/* Planned vs taken over the days of step i that have passed, in
 * core/vocab.h's words: "26 as planned, 1 skipped, 1 not recorded so
 * far"; "" for a future step. */
static void pv_summary(const struct show *w, int i, char *buf, size_t n)
{
	const struct wn_schedule *s = &w->l.sched;
	wn_date today = w->c->today, from = s->steps[i].date;
	wn_date end = i + 1 < s->n_dated ? s->steps[i + 1].date - 1 : today;
	wn_date to = end < today ? end : today;
	int count[WN_DOSE_N] = { 0 };
	buf[0] = '\0';
	if (!w->days || i >= s->n_dated || from > today || from < w->days_from)
		return;
	for (wn_date d = from; d <= to && d - w->days_from < w->n_days; d++)
		count[w->days[d - w->days_from].status]++;
	wn_vocab_counts_text(count, buf, n);
	size_t len = strlen(buf);
	if (len && end >= today && len < n)
		snprintf(buf + len, n - len, " so far");
}

static int how_width(const struct wn_schedule *s, const char *unit)
{
	int wdt = 14;
	for (int i = 0; i < s->n; i++) {
		char how[WN_TAPER_HOW * 2];
		wn_plan_unit_text(s->steps[i].how, unit, how, sizeof how);
		int l = (int)strlen(how);
		wdt = l > wdt ? l : wdt;
	}
	return wdt;
}

/* "doses: 08:00 1 mg, 14:00 1 mg, 22:00 0.75 mg" of a plan with several
 * doses a day. */
static void print_dose_list(const struct show *w, const char *lead, const double *a)
{
	const struct wn_doses *d = &w->l.plan.doses;
	FILE *f = w->c->out;
	fputs(lead, f);
	for (int k = 0; k < d->n; k++) {
		char n1[32];
		fprintf(f, "%s %02d:%02d %s %s", k ? "," : "", d->minute[k] / 60, d->minute[k] % 60,
		        wn_text_num(a[k], 3, n1, sizeof n1), w->m->unit);
	}
	fputc('\n', f);
}

/* A stage of a plan from 0 mg: "stage 1: 22:00 dose 0 -> 20 mg", each
 * dose that rises. */
static void print_stage_doses(const struct show *w, int i)
{
	const struct wn_doses *d = &w->l.plan.doses;
	const double *a = w->doses + (size_t)i * (size_t)d->n, *b = a - d->n;
	FILE *f = w->c->out;
	int n = 0;
	fprintf(f, "      stage %d:", i);
	for (int k = 0; k < d->n; k++) {
		char n1[32], n2[32];
		if (!(a[k] > b[k] + 1e-9))
			continue;
		fprintf(f, "%s %02d:%02d dose %s -> %s %s", n++ ? "," : "", d->minute[k] / 60,
		        d->minute[k] % 60, wn_text_num(b[k], 3, n1, sizeof n1),
		        wn_text_num(a[k], 3, n2, sizeof n2), w->m->unit);
	}
	fputc('\n', f);
}

/* Under each step of a plan with several doses a day: its doses. */
static void print_step_doses(const struct show *w, int i)
{
	const struct wn_doses *d = &w->l.plan.doses;
	if (d->n >= 2 && w->doses && stage_of(w, i))
		print_stage_doses(w, i);
	else if (d->n >= 2 && w->doses)
		print_dose_list(w, "      doses:", w->doses + (size_t)i * (size_t)d->n);
}

static void print_step(const struct show *w, int i, int hw)
{
	const struct wn_taper_step *st = &w->l.sched.steps[i];
	char date[WN_DATE_STRLEN + 4] = "(on hold)", dose[48], n1[32], occ[16] = "-",
	     cut[24] = "-", pv[160] = "", how[WN_TAPER_HOW * 2], pct[16] = "-";
	if (i < w->l.sched.n_dated)
		wn_date_format(st->date, date);
	snprintf(dose, sizeof dose, "%s %s%s", wn_text_num(st->dose, 3, n1, sizeof n1), w->m->unit,
	         st->warn_rounding ? "*" : "");
	if (!isnan(st->occupancy))
		snprintf(occ, sizeof occ, "%.1f%%", st->occupancy);
	if (!isnan(st->pct_of_start))
		snprintf(pct, sizeof pct, "%.1f%%", st->pct_of_start);
	if (stage_of(w, i))
		snprintf(cut, sizeof cut, "stage %d", i);
	else if (i > 0 && st->pct_cut < 0)
		snprintf(cut, sizeof cut, "up %.0f%%", -st->pct_cut);
	else if (i > 0)
		snprintf(cut, sizeof cut, "%.1f%%", st->pct_cut);
	pv_summary(w, i, pv, sizeof pv);
	wn_plan_unit_text(st->how[0] ? st->how : "-", w->m->unit, how, sizeof how);
	if (pv[0])
		fprintf(w->c->out, "%4d  %-10s  %-12s %8s  %7s  %9s  %-*s  %s\n", i, date, dose,
		        pct, cut, occ, hw, how, pv);
	else
		fprintf(w->c->out, "%4d  %-10s  %-12s %8s  %7s  %9s  %s\n", i, date, dose,
		        pct, cut, occ, how);
	print_step_doses(w, i);
}

static void print_table(const struct show *w)
{
	int hw = how_width(&w->l.sched, w->m->unit);
	bool warn = false;
	fprintf(w->c->out, "\n%4s  %-10s  %-12s %8s  %7s  %9s  %-*s  %s\n", "step", "date", "dose",
	        "% start", "% cut", "est. occ.", hw, "how to take it", "planned vs taken");
	for (int i = 0; i < w->l.sched.n; i++) {
		print_step(w, i, hw);
		warn = warn || w->l.sched.steps[i].warn_rounding;
	}
	if (w->l.sched.truncated)
		fprintf(w->c->out, "(only the first %d steps are shown)\n", w->l.sched.n);
	if (warn)
		fputs("* rounding to what can be taken moved this step by more than half its size\n", w->c->out);
	print_occupancy_note(w);
}

static void print_events(const struct show *w)
{
	FILE *f = w->c->out;
	char b1[WN_DATE_STRLEN], b2[WN_DATE_STRLEN], n1[32];
	if (!w->l.plan.n_events)
		return;
	bool reinstated = false;
	for (size_t i = 0; i < w->l.plan.n_events; i++)
		reinstated = reinstated || w->l.plan.events[i].kind == WN_PLAN_REINSTATE;
	fputs(reinstated ? "\nholds and reinstatements:\n" : "\nholds:\n", f);
	for (size_t i = 0; i < w->l.plan.n_events; i++) {
		const struct wn_plan_event *e = &w->l.plan.events[i];
		char *reason = e->reason ? (w->c->cfg.ascii ? wn_text_to_ascii(e->reason, strlen(e->reason))
		                                            : wn_text_sanitize(e->reason, strlen(e->reason), false))
		                         : NULL;
		wn_date_format(e->start, b1);
		if (e->kind == WN_PLAN_REINSTATE)
			fprintf(f, "  %s  went back up to %s %s", b1, wn_text_num(e->dose, 3, n1, sizeof n1), w->m->unit);
		else if (e->end == WN_DATE_NONE)
			fprintf(f, "  %s  on hold (open)", b1);
		else
			fprintf(f, "  %s  held until %s (%ld days)", b1, wn_date_format(e->end, b2),
			        (long)(e->end - e->start));
		fprintf(f, "%s%s\n", reason ? ": " : "", reason ? reason : "");
		free(reason);
	}
}

static void print_status(const struct show *w)
{
	const struct wn_schedule *s = &w->l.sched;
	wn_date today = w->c->today;
	char b1[WN_DATE_STRLEN], b2[WN_DATE_STRLEN], n1[32], n2[32];
	FILE *f = w->c->out;
	int cur = wn_taper_step_at(s, today), next = wn_taper_next_step(s, today);
	char at[128];
	fputs("\nstatus: ", f);
	if (!wn_plan_at_dose_text(&w->l.plan, s, today, w->m->unit, at, sizeof at)) {
		fprintf(f, "starts on %s at %s %s\n", wn_date_format(s->steps[0].date, b1),
		        wn_text_num(s->steps[0].dose, 3, n1, sizeof n1), w->m->unit);
		return;
	}
	fprintf(f, "today (%s): %s", wn_date_format(today, b1), at);
	if (wn_taper_on_hold(s, today))
		fprintf(f, "; on hold since %s (resume with 'wean plan resume %s')", wn_date_format(s->hold_since, b2),
		        w->m->name);
	else if (next >= 0)
		fprintf(f, "; next step %s %s on %s", wn_text_num(s->steps[next].dose, 3, n2, sizeof n2), w->m->unit,
		        wn_date_format(s->steps[next].date, b2));
	else
		fprintf(f, "; the last step was on %s", wn_date_format(s->steps[cur].date, b2));
	if (s->hold_since != WN_DATE_NONE && s->hold_since > today)
		fprintf(f, "; a hold starts on %s", wn_date_format(s->hold_since, b2));
	fputc('\n', f);
	double a[WN_DOSES_MAX];
	if (wn_plan_doses_on(&w->l.plan, s, today, a) > 0)
		print_dose_list(w, "today's doses:", a);
}

static int load_days(struct show *w, struct wn_db *db, struct wn_err *err)
{
	wn_date today = w->c->today, start = w->l.plan.params.start;
	if (today < start)
		return WN_OK;
	w->days_from = today - start >= MAX_DAYS ? today - MAX_DAYS + 1 : start;
	w->n_days = today - w->days_from + 1;
	w->days = calloc((size_t)w->n_days, sizeof *w->days);
	if (!w->days)
		return wn_err_set(err, WN_ERR, "out of memory");
	struct wn_plan_range r = { .plan = &w->l.plan, .sched = &w->l.sched, .med_id = w->m->id,
	                           .from = w->days_from, .to = today };
	return wn_db_plan_days(db, &r, w->days, err);
}

static int show_one(struct wn_cli *c, struct wn_db *db, const struct wn_med *m,
                    struct wn_err *err)
{
	struct show w = { .c = c, .m = m };
	int rc = wn_cli_plan_load(db, m, &w.l, err);
	if (rc == WN_OK)
		rc = load_days(&w, db, err);
	if (rc == WN_OK && w.l.plan.doses.n >= 2) {
		const struct wn_taper_params *t = &w.l.plan.params;
		struct wn_rounding r = { .quantum = t->round_q, .forms = t->forms, .n_forms = t->n_forms };
		rc = wn_doses_schedule(&w.l.plan.doses, &r, &w.l.sched, &w.doses, err);
	}
	if (rc == WN_OK && w.l.sched.n > 0) {
		print_method(&w);
		print_limits(&w);
		print_table(&w);
		print_events(&w);
		rc = wn_cli_switch_show(c, db, &w.l.plan, err);
		print_status(&w);
		fputc('\n', c->out);
		rc = wn_cli_switch_review_show(c, db, &w.l.plan, err);
		if (rc == WN_NOINPUT)
			rc = wn_cli_plan_review_show(c, &w.l, m, err);
		fputs(WN_PLAN_DISCLAIMER "\n", c->out);
	}
	free(w.days);
	w.days = NULL;
	free(w.doses);
	wn_plan_built_free(&w.l);
	return rc;
}

/* ---- several plans at once ---------------------------------------------------------- */

struct together {
	struct wn_med *meds;          /* those with a plan */
	struct wn_plan_built *l;
	int n;
};

static void together_free(struct together *t)
{
	for (int i = 0; i < t->n; i++)
		wn_plan_built_free(&t->l[i]);
	free(t->l);
	free(t->meds);
}

static void print_together_rows(FILE *f, const struct together *t,
                                const struct wn_together_med *tm,
                                const struct wn_together_row *rows, size_t nr)
{
	bool dz = wn_together_has_equiv(tm, t->n);
	char b[WN_DATE_STRLEN], n1[32], cell[64];
	int w[WN_TOGETHER_MAX];
	fputs("\ntogether: the dose each plan sets from that day\n\ndate      ", f);
	for (int i = 0; i < t->n; i++) {
		w[i] = (int)strlen(t->meds[i].name) > 12 ? (int)strlen(t->meds[i].name) : 12;
		fprintf(f, "  %-*s", w[i], t->meds[i].name);
	}
	fputs(dz ? "  as diazepam*\n" : "\n", f);
	for (size_t j = 0; j < nr; j++) {
		fputs(wn_date_format(rows[j].date, b), f);
		for (int i = 0; i < t->n; i++) {
			if (isnan(rows[j].dose[i]))
				snprintf(cell, sizeof cell, "-");
			else
				snprintf(cell, sizeof cell, "%s %s", wn_text_num(rows[j].dose[i], 3, n1, sizeof n1),
				         t->meds[i].unit);
			fprintf(f, "  %-*s", w[i], cell);
		}
		if (dz) {
			fprintf(f, "  %s", wn_together_equiv_text(&rows[j], cell, sizeof cell));
		}
		fputc('\n', f);
	}
	if (dz)
		fputs("* diazepam equivalents are approximate: the Ashton table and the VA/DoD column differ,\n"
		      "  and people differ more. They set the plans side by side for you and your prescriber;\n"
		      "  they are not a conversion to act on.\n", f);
	bool sw = false;
	for (int i = 0; i < t->n; i++)
		sw = sw || tm[i].dz_per_mg > 0;
	if (dz && sw)
		fputs("  A switch's two plans count by the one table the switch chose (its own table above).\n", f);
}

static int print_together(struct wn_cli *c, struct wn_db *db, const struct together *t,
                          struct wn_err *err)
{
	struct wn_together_med tm[WN_TOGETHER_MAX];
	struct wn_together_row *rows;
	size_t nr;
	for (int i = 0; i < t->n; i++)
		tm[i] = (struct wn_together_med){ .name = t->meds[i].name, .unit = t->meds[i].unit,
		                                  .plan = &t->l[i].plan, .sched = &t->l[i].sched,
		                                  .drug = t->l[i].has_drug ? &t->l[i].drug : NULL };
	for (int i = 0; i < t->n; i++)
		wn_db_switch_dz_per_mg(db, t->l[i].plan.id, &tm[i].dz_per_mg);
	int rc = wn_together_rows(tm, t->n, &rows, &nr, err);
	if (rc == WN_OK)
		print_together_rows(c->out, t, tm, rows, nr);
	free(rows);
	return rc;
}

/* The medications that have an active plan, each loaded and built. */
static int load_together(struct wn_db *db, const struct wn_med *meds, size_t n,
                         struct together *t, struct wn_err *err)
{
	memset(t, 0, sizeof *t);
	t->meds = calloc(n ? n : 1, sizeof *t->meds);
	t->l = calloc(n ? n : 1, sizeof *t->l);
	if (!t->meds || !t->l)
		return wn_err_set(err, WN_ERR, "out of memory");
	for (size_t i = 0; i < n && t->n < WN_TOGETHER_MAX; i++) {
		int rc = wn_cli_plan_load(db, &meds[i], &t->l[t->n], err);
		if (rc == WN_NOINPUT) {
			wn_plan_built_free(&t->l[t->n]);
			continue;
		}
		t->meds[t->n++] = meds[i];
		if (rc != WN_OK)
			return rc;
	}
	return WN_OK;
}

static int show_all(struct wn_cli *c, struct wn_db *db, struct wn_err *err)
{
	struct wn_med *meds;
	size_t n;
	struct together t = { 0 };
	int rc = wn_db_med_list(db, &meds, &n, err);
	if (rc == WN_OK)
		rc = load_together(db, meds, n, &t, err);
	for (int i = 0; rc == WN_OK && i < t.n; i++) {
		if (i)
			fputc('\n', c->out);
		rc = show_one(c, db, &t.meds[i], err);
	}
	if (rc == WN_OK && t.n >= 2)
		rc = print_together(c, db, &t, err);
	if (rc == WN_OK && t.n == 0)
		fputs("no taper plans yet; add one with 'wean plan add MED --start DATE --from-dose X --method METHOD --step N --every PERIOD' (see 'wean plan --help')\n",
		      c->out);
	together_free(&t);
	free(meds);
	return rc;
}

int wn_cli_plan_show(struct wn_cli *c, const char *med, struct wn_err *err)
{
	struct wn_db *db;
	struct wn_med m;
	int rc = wn_cli_db(c, false, &db, err);
	if (rc != WN_OK)
		return rc;
	if (!med)
		return show_all(c, db, err);
	rc = wn_cli_find_med(db, med, &m, err);
	return rc ? rc : show_one(c, db, &m, err);
}
