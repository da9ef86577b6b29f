/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plan.c (cli) -- `wean plan add|hold|resume|reinstate` (show is in
 * plan_show.c): taper plans from the command line.  The plan is stored by
 * db/plan.c and computed by core/taper.c; this file parses, refuses
 * clearly and prints. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli_int.h"
#include "plan_int.h"
#include "db/plan.h"
#include "db/db.h"
#include "core/suggest.h"
#include "core/text.h"
#include "core/together.h"
#include "core/plan.h"
#include "core/records.h"
#include "db/med.h"

#define ADD_ARGS "add MED --start DATE --from-dose X --method percent|occupancy|linear|custom" \
	" [--step N] [--every Nd|Nw] [--round Q] [--floor Z] [--to-dose Y] [--region R]" \
	" [--steps DATE=DOSE,...] [--form LABEL] [--agreed-with-prescriber DATE]" \
	" [--times HH:MM,...] [--split A,B,...] [--cut-first largest|evening|morning]" \
	" [--accept-warnings]"

struct plan_args {
	const char *sub, *med;
	const char *start, *from_dose, *method, *step, *every, *round, *floor,
	           *to_dose, *region, *steps, *from, *reason, *on, *dose, *form, *agreed,
	           *times, *split, *cut_first, *to, *stage, *table;
	bool help, accept;
};

#define SETTER(field)                                                         \
	static int o_##field(void *x, const char *a, struct wn_err *e)        \
	{ (void)e; ((struct plan_args *)x)->field = a; return WN_OK; }
SETTER(start) SETTER(from_dose) SETTER(method) SETTER(step) SETTER(every)
SETTER(round) SETTER(floor) SETTER(to_dose) SETTER(region) SETTER(steps)
SETTER(from) SETTER(reason) SETTER(on) SETTER(dose) SETTER(form) SETTER(agreed)
SETTER(times) SETTER(split) SETTER(cut_first) SETTER(to) SETTER(stage) SETTER(table)
#undef SETTER

static int o_help(void *x, const char *a, struct wn_err *e)
{ (void)a; (void)e; ((struct plan_args *)x)->help = true; return WN_OK; }
static int o_accept(void *x, const char *a, struct wn_err *e)
{ (void)a; (void)e; ((struct plan_args *)x)->accept = true; return WN_OK; }

static const struct wn_cli_opt add_opts[] = {
	{ "start", "DATE", o_start, "day of the starting dose (step 0)" },
	{ "from-dose", "X", o_from_dose, "starting dose, more than 0" },
	{ "method", "M", o_method, "percent, occupancy, linear or custom" },
	{ "step", "N", o_step, "percent: % of the current dose; occupancy: points; linear: mg" },
	{ "every", "Nd|Nw", o_every, "days (d) or weeks (w) between steps, e.g. 4w" },
	{ "round", "Q", o_round, "round doses to multiples of Q (default: what your forms deliver)" },
	{ "floor", "Z", o_floor, "a computed dose below Z becomes 0" },
	{ "to-dose", "Y", o_to_dose, "stop the schedule at this dose (default 0)" },
	{ "region", "R", o_region, "brain region of the occupancy estimate (drugs.ini)" },
	{ "steps", "DATE=DOSE,...", o_steps, "custom: your own steps after the start" },
	{ "form", "LABEL", o_form, "keep the plan on one recorded form, e.g. tablet" },
	{ "agreed-with-prescriber", "DATE", o_agreed, "the day you agreed this plan with them" },
	{ "times", "HH:MM,...", o_times, "doses through the day, e.g. 08:00,14:00,22:00" },
	{ "split", "A,B,...", o_split, "each dose's part of the start, e.g. 1,1,1 or 0.5,0.5,1 (default equal)" },
	{ "cut-first", "WHICH", o_cut_first, "the dose each step cuts: largest (default; a tie: the latest), evening or morning" },
	{ "accept-warnings", NULL, o_accept, "save although the review found warnings" },
	{ "help", NULL, o_help, "show this help" },
	{ 0 }
};
static const struct wn_cli_opt show_opts[] = {
	{ "help", NULL, o_help, "show this help" },
	{ 0 }
};
static const struct wn_cli_opt hold_opts[] = {
	{ "from", "DATE", o_from, "first day of the hold (default today)" },
	{ "reason", "TEXT", o_reason, "why, for your records and your prescriber" },
	{ "help", NULL, o_help, "show this help" },
	{ 0 }
};
static const struct wn_cli_opt resume_opts[] = {
	{ "on", "DATE", o_on, "day the taper goes on (default today)" },
	{ "help", NULL, o_help, "show this help" },
	{ 0 }
};

static const struct wn_cli_opt switch_opts[] = {
	{ "to", "MED", o_to, "the drug switched in: diazepam (recorded with its forms)" },
	{ "stage", "1w|2w", o_stage, "how long each dose's stage lasts (the sources: 1-2 weeks)" },
	{ "table", "T", o_table, "equivalents: ashton (default) or vadod" },
	{ "start", "DATE", o_start, "the first stage's day (default today)" },
	{ "method", "M", o_method, "the diazepam taper after it: percent (default), occupancy or linear" },
	{ "step", "N", o_step, "the taper's step (default 10)" },
	{ "every", "Nd|Nw", o_every, "days or weeks between its steps (default 2w)" },
	{ "to-dose", "Y", o_to_dose, "stop the diazepam taper at this dose (default 0)" },
	{ "accept-warnings", NULL, o_accept, "save although the review found warnings" },
	{ "help", NULL, o_help, "show this help" },
	{ 0 }
};

static const struct wn_cli_opt reinstate_opts[] = {
	{ "dose", "X", o_dose, "the dose you went back up to, more than 0" },
	{ "on", "DATE", o_on, "day you went back up (default today)" },
	{ "reason", "TEXT", o_reason, "why, for your records and your prescriber" },
	{ "accept-warnings", NULL, o_accept, "save although the review found warnings" },
	{ "help", NULL, o_help, "show this help" },
	{ 0 }
};

static int o_pos(void *x, const char *w, struct wn_err *e)
{
	struct plan_args *a = x;
	if (a->med)
		return wn_err_set(e, WN_USAGE, "plan %s: unexpected argument '%.40s' (quote names with spaces)",
		                  a->sub, w);
	a->med = w;
	return WN_OK;
}

/* ---- shared helpers ------------------------------------------------------------ */

/* ---- plan add -------------------------------------------------------------------- */

/* A dose option: a number from 0 to below 100000. */
static int parse_dose(const char *s, const char *what, double *out, struct wn_err *err)
{
	int rc = wn_cli_parse_num(s, what, -1e9, 1e9, out, err);
	if (rc == WN_OK && *out < 0)
		rc = wn_err_set(err, WN_DATAERR, "%s must be 0 or more (got %.40s)", what, s);
	if (rc == WN_OK && *out >= 100000)
		rc = wn_err_set(err, WN_DATAERR, "%s must be below 100000 (got %.40s)", what, s);
	return rc;
}

/* The same, more than 0. */
static int parse_positive(const char *s, const char *what, double *out, struct wn_err *err)
{
	int rc = wn_cli_parse_num(s, what, -1e9, 1e9, out, err);
	if (rc == WN_OK && *out <= 0)
		return wn_err_set(err, WN_DATAERR, "%s must be more than 0 (got %.40s)", what, s);
	return rc == WN_OK ? parse_dose(s, what, out, err) : rc;
}

struct add_ctx {
	const struct wn_med *m;
	struct wn_plan_spec spec;
	struct wn_taper_point pts[WN_PLAN_MAX_CUSTOM];
	struct wn_drug drug;
	bool has_drug;
};

static int need(const char *v, const char *opt, const char *example, struct wn_err *err)
{
	if (v)
		return WN_OK;
	wn_err_set(err, WN_USAGE, "plan add needs --%s (e.g. --%s %s)", opt, opt, example);
	wn_err_hint(err, "see 'wean plan add --help'");
	return WN_USAGE;
}

/* Options every method needs, and those that only some take. */
static int check_present(const struct plan_args *a, enum wn_taper_method m,
                         struct wn_err *err)
{
	bool custom = m == WN_TAPER_CUSTOM;
	int rc = WN_OK;
	if (!custom && (rc = need(a->step, "step", m == WN_TAPER_LINEAR ? "2.5" : "10", err)) == WN_OK)
		rc = need(a->every, "every", "4w", err);
	if (rc == WN_OK && custom)
		rc = need(a->steps, "steps", "2026-02-01=40,2026-03-01=30", err);
	if (rc == WN_OK && (custom ? a->step || a->every : a->steps != NULL))
		rc = wn_err_set(err, WN_USAGE, custom ? "--method custom takes --steps, not --step or --every"
		                                      : "--steps is only for --method custom");
	return rc;
}

static int parse_numbers(const struct plan_args *a, struct wn_plan_spec *s,
                         struct wn_err *err)
{
	/* a custom plan may start at 0 mg: a drug brought in (issue 19) */
	int rc = s->method == WN_TAPER_CUSTOM ? parse_dose(a->from_dose, "--from-dose", &s->from_dose, err)
	                                      : parse_positive(a->from_dose, "--from-dose", &s->from_dose, err);
	if (rc == WN_DATAERR && s->method != WN_TAPER_CUSTOM && a->from_dose &&
	    strtod(a->from_dose, NULL) == 0)
		wn_err_hint(err, "only --method custom can start at 0 mg (a drug brought in, e.g."
		            " --steps 2026-12-01=5,2026-12-15=10)");
	if (rc == WN_OK && a->step)
		rc = wn_cli_parse_num(a->step, "--step", -1e9, 1e9, &s->step, err);
	if (rc == WN_OK && a->step && s->method == WN_TAPER_PERCENT && !(s->step > 0 && s->step < 100))
		rc = wn_err_set(err, WN_DATAERR, "a percent step must be above 0 and below 100 (got %.20s)", a->step);
	if (rc == WN_OK && a->step && !(s->step > 0))
		rc = wn_err_set(err, WN_DATAERR, "--step must be more than 0 (got %.20s)", a->step);
	if (rc == WN_OK && a->every)
		rc = wn_plan_parse_every(a->every, "--every", &s->every_days, err);
	if (rc == WN_OK && a->round)
		rc = parse_dose(a->round, "--round", &s->round_q, err);
	if (rc == WN_OK && a->floor)
		rc = parse_dose(a->floor, "--floor", &s->floor_dose, err);
	if (rc == WN_OK && a->to_dose)
		rc = parse_dose(a->to_dose, "--to-dose", &s->to_dose, err);
	return rc;
}

/* The SERT parameters for an occupancy plan or a --region. */
static int occupancy_params(struct add_ctx *x, const char *region, struct wn_err *err)
{
	const struct wn_med *m = x->m;
	bool occ = x->spec.method == WN_TAPER_OCCUPANCY;
	if (x->has_drug && strcmp(m->unit, "mg") != 0)
		return wn_err_set(err, WN_DATAERR, "occupancy parameters are per mg; %s is recorded in %s",
		                  m->name, m->unit);
	int rc = x->has_drug ? wn_plan_sert(&x->drug, region, &x->spec.emax, &x->spec.ed50, err)
	                     : wn_err_set(err, WN_DATAERR, "no occupancy parameters (Emax, ED50) for %s in wean's drug reference",
	                                  m->name);
	if (rc != WN_OK && !x->has_drug)
		wn_err_hint(err, occ ? "use --method percent instead" : "leave out --region");
	return rc;
}

/* --times, --split and --cut-first (core/doses.h). */
static int parse_doses(const struct plan_args *a, struct wn_doses *d, struct wn_err *err)
{
	memset(d, 0, sizeof *d);
	if (!a->times && (a->split || a->cut_first)) {
		wn_err_set(err, WN_USAGE, "--%s needs --times (e.g. --times 08:00,14:00,22:00)",
		           a->split ? "split" : "cut-first");
		return WN_USAGE;
	}
	int rc = a->times ? wn_doses_parse_times(a->times, "--times", d, err) : WN_OK;
	if (rc == WN_OK && a->split)
		rc = wn_doses_parse_split(a->split, "--split", d, err);
	if (rc == WN_OK && a->cut_first)
		rc = wn_doses_cut_parse(a->cut_first, &d->cut, err);
	return rc;
}

static int build_spec(struct wn_cli *c, const struct plan_args *a, struct add_ctx *x,
                      struct wn_err *err)
{
	const struct wn_med *m = x->m;
	struct wn_plan_spec *s = &x->spec;
	int rc = need(a->start, "start", "2026-01-05", err);
	if (rc == WN_OK)
		rc = need(a->from_dose, "from-dose", "50", err);
	if (rc == WN_OK)
		rc = need(a->method, "method", "percent", err);
	if (rc == WN_OK)
		rc = wn_taper_method_parse(a->method, &s->method, err);
	if (rc == WN_OK)
		rc = check_present(a, s->method, err);
	if (rc == WN_OK)
		rc = wn_cli_parse_date(c, a->start, false, &s->start, err);
	if (rc == WN_OK)
		rc = parse_numbers(a, s, err);
	if (rc == WN_OK && a->steps)
		rc = wn_plan_parse_steps(a->steps, "--steps", c->today, x->pts, &x->spec.n_custom, err);
	s->med_id = m->id;
	s->custom = x->pts;
	s->region = a->region;
	s->form_label = a->form;
	s->agreed_on = WN_DATE_NONE;
	if (rc == WN_OK && a->agreed)
		rc = wn_cli_parse_date(c, a->agreed, false, &s->agreed_on, err);
	if (rc == WN_OK)
		rc = parse_doses(a, &s->doses, err);
	x->has_drug = wn_plan_drug(m, &x->drug, NULL) == WN_OK;
	if (rc == WN_OK && (s->method == WN_TAPER_OCCUPANCY || a->region))
		rc = occupancy_params(x, a->region, err);
	return rc;
}

static void print_added(struct wn_cli *c, struct wn_db *db, const struct wn_med *m)
{
	struct wn_plan_built l;
	char b[WN_DATE_STRLEN], n1[32], n2[32];
	const struct wn_schedule *s = &l.sched;
	if (wn_cli_plan_load(db, m, &l, NULL) == WN_OK && s->n > 0) {
		const struct wn_taper_step *last = &s->steps[s->n - 1];
		fprintf(c->out, "added the plan for %s (%s): %s %s from %s, %d step%s to %s %s",
		        m->name, wn_taper_method_name(l.plan.params.method),
		        wn_text_num(s->steps[0].dose, 3, n1, sizeof n1), m->unit,
		        wn_date_format(s->steps[0].date, b), s->n - 1, s->n == 2 ? "" : "s",
		        wn_text_num(last->dose, 3, n2, sizeof n2), m->unit);
		fprintf(c->out, " on %s%s\n", wn_date_format(last->date, b),
		        s->truncated ? " (and more)" : "");
		fprintf(c->out, "see 'wean plan show %s'; %s\n", m->name,
		        "discuss every change with your prescriber");
	}
	wn_plan_built_free(&l);
}

/* The plan the spec would make, built and reviewed before anything is
 * saved.  Free b and r afterwards, also after a failure. */
static int review_spec(struct wn_db *db, const struct add_ctx *x, struct wn_plan_built *b,
                       struct wn_review *r, struct wn_err *err)
{
	struct wn_form *forms = NULL;
	int n = 0;
	memset(b, 0, sizeof *b);
	memset(r, 0, sizeof *r);
	int rc = wn_db_plan_forms(db, x->m->id, &forms, &n, err);
	if (rc == WN_OK)
		rc = wn_plan_from_spec(&x->spec, forms, n, &b->plan, err);
	free(forms);
	if (rc == WN_OK)
		rc = wn_plan_built_make(b, x->m, err);
	if (rc == WN_OK)
		rc = wn_plan_review(b, x->m, r, err);
	return rc;
}

static int plan_add(struct wn_cli *c, const struct plan_args *a, struct wn_err *err)
{
	struct wn_db *db;
	struct wn_med m;
	static struct add_ctx x;
	struct wn_plan_built b = { 0 };
	struct wn_review r = { 0 };
	memset(&x, 0, sizeof x);
	int rc = wn_cli_db(c, false, &db, err);
	if (rc == WN_OK)
		rc = wn_cli_find_med(db, a->med, &m, err);
	x.m = &m;
	if (rc == WN_OK)
		rc = build_spec(c, a, &x, err);
	if (rc == WN_OK)
		rc = review_spec(db, &x, &b, &r, err);
	if (rc == WN_OK)
		rc = wn_cli_plan_second_yes(c, &r, a->accept, err);
	x.spec.accepted = &r;
	if (rc == WN_OK)
		rc = wn_db_plan_add(db, &x.spec, NULL, err);
	if (rc == WN_OK)
		print_added(c, db, &m);
	wn_review_free(&r);
	wn_plan_built_free(&b);
	return rc;
}

static int plan_show(struct wn_cli *c, const struct plan_args *a, struct wn_err *err)
{
	return wn_cli_plan_show(c, a->med, err);
}

/* ---- plan hold / resume ------------------------------------------------------------------ */

static int date_or_today(struct wn_cli *c, const char *s, wn_date *out, struct wn_err *err)
{
	*out = c->today;
	return s ? wn_cli_parse_date(c, s, false, out, err) : WN_OK;
}

static int no_plan_hint(const struct wn_med *m, int rc, struct wn_err *err)
{
	if (rc == WN_NOINPUT) {
		wn_err_set(err, WN_NOINPUT, "%s has no taper plan", m->name);
		wn_err_hint(err, "add one with 'wean plan add %s ...'", m->name);
	}
	return rc;
}

static int plan_hold(struct wn_cli *c, const struct plan_args *a, struct wn_err *err)
{
	struct wn_db *db;
	struct wn_med m;
	wn_date from;
	char b[WN_DATE_STRLEN];
	int rc = date_or_today(c, a->from, &from, err);
	if (rc == WN_OK)
		rc = wn_cli_db(c, false, &db, err);
	if (rc == WN_OK)
		rc = wn_cli_find_med(db, a->med, &m, err);
	if (rc == WN_OK)
		rc = no_plan_hint(&m, wn_db_plan_hold(db, m.id, from, a->reason, err), err);
	if (rc == WN_OK)
		fprintf(c->out, "%s is on hold from %s: later steps wait until 'wean plan resume %s'\n",
		        m.name, wn_date_format(from, b), m.name);
	return rc;
}

static void print_resumed(struct wn_cli *c, struct wn_db *db, const struct wn_med *m,
                          wn_date on)
{
	struct wn_plan_built l;
	char b1[WN_DATE_STRLEN], b2[WN_DATE_STRLEN], n1[32];
	fprintf(c->out, "resumed %s on %s", m->name, wn_date_format(on, b1));
	if (wn_cli_plan_load(db, m, &l, NULL) == WN_OK) {
		const struct wn_schedule *s = &l.sched;
		int next = wn_taper_next_step(s, on - 1);
		if (l.plan.n_holds > 0)
			fprintf(c->out, " after %ld days on hold; later steps move by as much",
			        (long)(on - l.plan.holds[l.plan.n_holds - 1].start));
		if (next >= 0)
			fprintf(c->out, "; next step %s %s on %s", wn_text_num(s->steps[next].dose, 3, n1, sizeof n1),
			        m->unit, wn_date_format(s->steps[next].date, b2));
	}
	fputc('\n', c->out);
	wn_plan_built_free(&l);
}

static int plan_resume(struct wn_cli *c, const struct plan_args *a, struct wn_err *err)
{
	struct wn_db *db;
	struct wn_med m;
	wn_date on;
	int rc = date_or_today(c, a->on, &on, err);
	if (rc == WN_OK)
		rc = wn_cli_db(c, false, &db, err);
	if (rc == WN_OK)
		rc = wn_cli_find_med(db, a->med, &m, err);
	if (rc == WN_OK)
		rc = no_plan_hint(&m, wn_db_plan_resume(db, m.id, on, err), err);
	if (rc == WN_OK)
		print_resumed(c, db, &m, on);
	return rc;
}

/* A reinstatement records going back up; it does not hold the plan, so
 * the message says how to hold too when the person wants the schedule to
 * wait. */
/* The step after going back up, reviewed before it is recorded. */
static int review_reinstate(struct wn_cli *c, struct wn_db *db, const struct wn_med *m,
                            struct wn_plan_reinstate *r, bool accept,
                            struct wn_review *rv, struct wn_err *err)
{
	struct wn_plan_built b;
	int rc = wn_db_plan_built(db, m, &b, err);
	if (rc == WN_OK)
		rc = wn_plan_review_reinstate(&b, m, r->on, r->dose, rv, err);
	if (rc == WN_OK)
		rc = wn_cli_plan_second_yes(c, rv, accept, err);
	r->accepted = rv;
	wn_plan_built_free(&b);
	return rc == WN_NOINPUT ? no_plan_hint(m, rc, err) : rc;
}

static int plan_reinstate(struct wn_cli *c, const struct plan_args *a, struct wn_err *err)
{
	struct wn_db *db;
	struct wn_med m;
	struct wn_plan_reinstate r = { 0 };
	char b[WN_DATE_STRLEN], n1[32];
	if (!a->dose) {
		wn_err_set(err, WN_USAGE, "plan reinstate needs --dose (e.g. --dose 25)");
		return WN_USAGE;
	}
	int rc = parse_positive(a->dose, "--dose", &r.dose, err);
	if (rc == WN_OK)
		rc = date_or_today(c, a->on, &r.on, err);
	if (rc == WN_OK)
		rc = wn_cli_db(c, false, &db, err);
	if (rc == WN_OK)
		rc = wn_cli_find_med(db, a->med, &m, err);
	if (rc != WN_OK)
		return rc;
	r.med_id = m.id;
	r.reason = a->reason;
	struct wn_review rv = { 0 };
	rc = review_reinstate(c, db, &m, &r, a->accept, &rv, err);
	if (rc == WN_OK)
		rc = no_plan_hint(&m, wn_db_plan_reinstate(db, &r, err), err);
	wn_review_free(&rv);
	if (rc == WN_OK)
		fprintf(c->out, "recorded: %s back up to %s %s on %s; the plan is not on hold"
		        " (hold it with 'wean plan hold %s' if the next step should wait)\n",
		        m.name, wn_text_num(r.dose, 3, n1, sizeof n1), m.unit, wn_date_format(r.on, b), m.name);
	return rc;
}

static int plan_switch(struct wn_cli *c, const struct plan_args *a, struct wn_err *err)
{
	struct wn_cli_switch_args sa = { .from = a->med, .to = a->to, .stage = a->stage,
	                                 .table = a->table, .start = a->start, .method = a->method,
	                                 .step = a->step, .every = a->every, .to_dose = a->to_dose,
	                                 .accept = a->accept };
	return wn_cli_plan_switch(c, &sa, err);
}

/* ---- dispatch ------------------------------------------------------------------------------ */

/* The sub-commands (the help and the completions read them) and, in the
 * same order, what each does. */
static const struct wn_cli_sub subs[] = {
	{ "add", ADD_ARGS, add_opts },
	{ "show", "show [MED]", show_opts },
	{ "hold", "hold MED [--from DATE] [--reason TEXT]", hold_opts },
	{ "resume", "resume MED [--on DATE]", resume_opts },
	{ "reinstate", "reinstate MED --dose X [--on DATE] [--reason TEXT]", reinstate_opts },
	{ "switch", "switch MED --to diazepam --stage 1w|2w [--table ashton|vadod] [--start DATE]"
	  " [--method M] [--step N] [--every Nd|Nw] [--to-dose Y] [--accept-warnings]", switch_opts },
	{ 0 }
};
#define N_SUBS (sizeof subs / sizeof *subs - 1)

static const struct {
	bool needs_med;
	int (*fn)(struct wn_cli *c, const struct plan_args *a, struct wn_err *err);
} sub_do[] = { { true, plan_add }, { false, plan_show }, { true, plan_hold },
               { true, plan_resume }, { true, plan_reinstate }, { true, plan_switch } };
_Static_assert(sizeof sub_do / sizeof *sub_do == N_SUBS, "one sub_do per sub-command");

const struct wn_cli_spec wn_cli_spec_plan = { .args = "SUBCOMMAND MED ...", .opts = show_opts,
                                              .subs = subs };

/* The index of the sub-command name, or -1 with err set. */
static int find_sub(const char *name, struct wn_err *err)
{
	const char *names[N_SUBS];
	for (size_t i = 0; i < N_SUBS; i++) {
		if (strcmp(subs[i].name, name) == 0)
			return (int)i;
		names[i] = subs[i].name;
	}
	wn_suggest_unknown(err, "plan command", name, names, N_SUBS);
	err->code = WN_USAGE;
	wn_err_hint(err, "see 'wean plan --help'");
	return -1;
}

int wn_cmd_plan(struct wn_cli *c, int argc, char **argv, struct wn_err *err)
{
	struct plan_args a = { 0 };
	if (argc == 0 || argv[0][0] == '-') {
		if (argc > 0 && strcmp(argv[0], "--help") == 0) {
			wn_cli_subs_help(c->out, "plan", subs);
			return WN_OK;
		}
		a.sub = "show";
	} else {
		a.sub = argv[0];
		argc--;
		argv++;
	}
	int k = find_sub(a.sub, err);
	if (k < 0)
		return WN_USAGE;
	const struct wn_cli_sub *sub = &subs[k];
	char command[16];
	snprintf(command, sizeof command, "plan %s", sub->name);
	struct wn_cli_parse p = { .opts = sub->opts, .positional = o_pos, .ctx = &a,
	                          .command = command };
	int rc = wn_cli_parse_args(&p, argc, argv, err);
	if (rc != WN_OK || a.help) {
		if (a.help)
			wn_cli_command_help(c->out, "plan", sub->args, sub->opts);
		return rc;
	}
	if (sub_do[k].needs_med && !a.med) {
		wn_err_set(err, WN_USAGE, "plan %s needs a medication name", sub->name);
		wn_err_hint(err, "e.g. 'wean plan %s sertraline'", sub->name);
		return WN_USAGE;
	}
	return sub_do[k].fn(c, &a, err);
}
