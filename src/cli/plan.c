/* cli_plan.c -- `wean plan add|show|hold|resume`: taper plans from the
 * command line.  The plan is stored by plan.c and computed by taper.c;
 * this file parses, refuses clearly and prints. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/cli.h"
#include "db/plan.h"
#include "db/db.h"
#include "core/suggest.h"
#include "core/text.h"
#include "core/together.h"
#include "core/plan.h"
#include "core/records.h"
#include "db/med.h"

#define ADD_ARGS "add MED --start DATE --from-dose X --method percent|occupancy|linear|custom [--step N] [--every Nd|Nw] [--round Q] [--floor Z] [--to-dose Y] [--region R] [--steps DATE=DOSE,...]"
#define PLAN_ARGS "add MED ... | show [MED] | hold MED [--from DATE] [--reason TEXT] | resume MED [--on DATE] | reinstate MED --dose X [--on DATE] [--reason TEXT]"
#define MAX_DAYS 36600

struct plan_args {
	const char *sub, *med;
	const char *start, *from_dose, *method, *step, *every, *round, *floor,
	           *to_dose, *region, *steps, *from, *reason, *on, *dose;
	bool help;
};

#define SETTER(field)                                                         \
	static int o_##field(void *x, const char *a, struct wn_err *e)        \
	{ (void)e; ((struct plan_args *)x)->field = a; return WN_OK; }
SETTER(start) SETTER(from_dose) SETTER(method) SETTER(step) SETTER(every)
SETTER(round) SETTER(floor) SETTER(to_dose) SETTER(region) SETTER(steps)
SETTER(from) SETTER(reason) SETTER(on) SETTER(dose)
#undef SETTER

static int o_help(void *x, const char *a, struct wn_err *e)
{ (void)a; (void)e; ((struct plan_args *)x)->help = true; return WN_OK; }

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

static const struct wn_cli_opt reinstate_opts[] = {
	{ "dose", "X", o_dose, "the dose you went back up to, more than 0" },
	{ "on", "DATE", o_on, "day you went back up (default today)" },
	{ "reason", "TEXT", o_reason, "why, for your records and your prescriber" },
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

/* The active plan of a medication with its schedule built. */
struct loaded {
	struct wn_plan p;
	struct wn_drug drug;
	bool has_drug;
	struct wn_schedule s;
};

static void loaded_free(struct loaded *l)
{
	wn_taper_free(&l->s);
	wn_plan_free(&l->p);
}

/* Fills *l (free with loaded_free, also after a failure); WN_NOINPUT with
 * a hint when the medication has no plan. */
static int load_plan(struct wn_db *db, const struct wn_med *m, struct loaded *l,
                     struct wn_err *err)
{
	memset(l, 0, sizeof *l);
	l->s.hold_since = WN_DATE_NONE;
	int rc = wn_db_plan_load(db, m->id, &l->p, err);
	if (rc == WN_NOINPUT) {
		wn_err_set(err, WN_NOINPUT, "%s has no taper plan", m->name);
		wn_err_hint(err, "add one with 'wean plan add %s --start DATE --from-dose X --method percent --step 10 --every 4w'",
		            m->name);
	}
	if (rc != WN_OK)
		return rc;
	/* SERT parameters are per mg: no estimate for a dose in other units */
	l->has_drug = strcmp(m->unit, "mg") == 0 && wn_plan_drug(m, &l->drug, NULL) == WN_OK;
	return wn_plan_build(&l->p, l->has_drug ? &l->drug : NULL, &l->s, err);
}


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
	int rc = parse_positive(a->from_dose, "--from-dose", &s->from_dose, err);
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
	x->has_drug = wn_plan_drug(m, &x->drug, NULL) == WN_OK;
	if (rc == WN_OK && (s->method == WN_TAPER_OCCUPANCY || a->region))
		rc = occupancy_params(x, a->region, err);
	return rc;
}

static void print_added(struct wn_cli *c, struct wn_db *db, const struct wn_med *m)
{
	struct loaded l;
	char b[WN_DATE_STRLEN], n1[32], n2[32];
	const struct wn_schedule *s = &l.s;
	if (load_plan(db, m, &l, NULL) == WN_OK && s->n > 0) {
		const struct wn_taper_step *last = &s->steps[s->n - 1];
		fprintf(c->out, "added the plan for %s (%s): %s %s from %s, %d step%s to %s %s",
		        m->name, wn_taper_method_name(l.p.params.method),
		        wn_text_num(s->steps[0].dose, 3, n1, sizeof n1), m->unit,
		        wn_date_format(s->steps[0].date, b), s->n - 1, s->n == 2 ? "" : "s",
		        wn_text_num(last->dose, 3, n2, sizeof n2), m->unit);
		fprintf(c->out, " on %s%s\n", wn_date_format(last->date, b),
		        s->truncated ? " (and more)" : "");
		fprintf(c->out, "see 'wean plan show %s'; %s\n", m->name,
		        "discuss every change with your prescriber");
	}
	loaded_free(&l);
}

static int plan_add(struct wn_cli *c, const struct plan_args *a, struct wn_err *err)
{
	struct wn_db *db;
	struct wn_med m;
	static struct add_ctx x;
	memset(&x, 0, sizeof x);
	int rc = wn_cli_db(c, false, &db, err);
	if (rc == WN_OK)
		rc = wn_cli_find_med(db, a->med, &m, err);
	x.m = &m;
	if (rc == WN_OK)
		rc = build_spec(c, a, &x, err);
	if (rc == WN_OK)
		rc = wn_db_plan_add(db, &x.spec, NULL, err);
	if (rc == WN_OK)
		print_added(c, db, &m);
	return rc;
}

/* ---- plan show ---------------------------------------------------------------------- */

struct show {
	struct wn_cli *c;
	const struct wn_med *m;
	struct loaded l;
	struct wn_plan_day *days;     /* from days_from to today, or NULL */
	wn_date days_from;
	long n_days;
};

static void every_text(int days, char *buf, size_t n)
{
	if (days % 7 == 0)
		snprintf(buf, n, "%d week%s", days / 7, days == 7 ? "" : "s");
	else
		snprintf(buf, n, "%d day%s", days, days == 1 ? "" : "s");
}

static void print_method(const struct show *w)
{
	const struct wn_taper_params *t = &w->l.p.params;
	char ev[32], n1[32];
	FILE *f = w->c->out;
	every_text(t->every_days, ev, sizeof ev);
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

static void print_limits(const struct show *w)
{
	const struct wn_taper_params *t = &w->l.p.params;
	char n1[32], b[WN_DATE_STRLEN];
	FILE *f = w->c->out;
	fprintf(f, "start: %s at %s %s", wn_date_format(t->start, b),
	        wn_text_num(t->from_dose, 3, n1, sizeof n1), w->m->unit);
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
	if (!w->l.has_drug || wn_plan_sert(d, w->l.p.region, &emax, &ed50, NULL) != WN_OK)
		return;
	sert_sources(d, src, sizeof src);
	bool approx = wn_drugref_is_approximate(d, "sert_emax_pct") ||
	              wn_drugref_is_approximate(d, "sert_ed50_mg");
	fprintf(w->c->out, "est. occ. = estimated SERT occupancy, Emax %s%% x dose / (ED50 %s mg + dose), %s%s%s%s\n",
	        wn_text_num(emax, 3, n1, sizeof n1), wn_text_num(ed50, 3, n2, sizeof n2),
	        w->l.p.region[0] ? w->l.p.region : d->region, approx ? ", approximate" : "",
	        src[0] ? ", sources " : "", src);
}

/* Planned vs taken over the days of step i that have passed, e.g.
 * "26 as planned, 1 missed, 1 no data so far"; "" for a future step. */
static void pv_summary(const struct show *w, int i, char *buf, size_t n)
{
	static const char *const words[] = { "as planned", "missed", "extra", "different",
	                                     "no data" };
	const struct wn_schedule *s = &w->l.s;
	wn_date today = w->c->today, from = s->steps[i].date;
	wn_date end = i + 1 < s->n_dated ? s->steps[i + 1].date - 1 : today;
	wn_date to = end < today ? end : today;
	int count[WN_PV_NOPLAN + 1] = { 0 };
	buf[0] = '\0';
	if (!w->days || i >= s->n_dated || from > today || from < w->days_from)
		return;
	for (wn_date d = from; d <= to && d - w->days_from < w->n_days; d++)
		count[w->days[d - w->days_from].pv]++;
	size_t len = 0;
	for (int k = WN_PV_OK; k <= WN_PV_NODATA && len < n; k++)
		if (count[k])
			len += (size_t)snprintf(buf + len, n - len, "%s%d %s", len ? ", " : "",
			                        count[k], words[k]);
	if (end >= today && len < n)
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

static void print_step(const struct show *w, int i, int hw)
{
	const struct wn_taper_step *st = &w->l.s.steps[i];
	char date[WN_DATE_STRLEN + 4] = "(on hold)", dose[48], n1[32], occ[16] = "-",
	     cut[16] = "-", pv[160] = "", how[WN_TAPER_HOW * 2];
	if (i < w->l.s.n_dated)
		wn_date_format(st->date, date);
	snprintf(dose, sizeof dose, "%s %s%s", wn_text_num(st->dose, 3, n1, sizeof n1), w->m->unit,
	         st->warn_rounding ? "*" : "");
	if (!isnan(st->occupancy))
		snprintf(occ, sizeof occ, "%.1f%%", st->occupancy);
	if (i > 0 && st->pct_cut < 0)
		snprintf(cut, sizeof cut, "up %.0f%%", -st->pct_cut);
	else if (i > 0)
		snprintf(cut, sizeof cut, "%.1f%%", st->pct_cut);
	pv_summary(w, i, pv, sizeof pv);
	wn_plan_unit_text(st->how[0] ? st->how : "-", w->m->unit, how, sizeof how);
	if (pv[0])
		fprintf(w->c->out, "%4d  %-10s  %-12s %7.1f%%  %7s  %9s  %-*s  %s\n", i, date, dose,
		        st->pct_of_start, cut, occ, hw, how, pv);
	else
		fprintf(w->c->out, "%4d  %-10s  %-12s %7.1f%%  %7s  %9s  %s\n", i, date, dose,
		        st->pct_of_start, cut, occ, how);
}

static void print_table(const struct show *w)
{
	int hw = how_width(&w->l.s, w->m->unit);
	bool warn = false;
	fprintf(w->c->out, "\n%4s  %-10s  %-12s %8s  %7s  %9s  %-*s  %s\n", "step", "date", "dose",
	        "% start", "% cut", "est. occ.", hw, "how to take it", "planned vs taken");
	for (int i = 0; i < w->l.s.n; i++) {
		print_step(w, i, hw);
		warn = warn || w->l.s.steps[i].warn_rounding;
	}
	if (w->l.s.truncated)
		fprintf(w->c->out, "(only the first %d steps are shown)\n", w->l.s.n);
	if (warn)
		fputs("* rounding to what can be taken moved this step by more than half its size\n", w->c->out);
	print_occupancy_note(w);
}

static void print_events(const struct show *w)
{
	FILE *f = w->c->out;
	char b1[WN_DATE_STRLEN], b2[WN_DATE_STRLEN], n1[32];
	if (!w->l.p.n_events)
		return;
	bool reinstated = false;
	for (size_t i = 0; i < w->l.p.n_events; i++)
		reinstated = reinstated || w->l.p.events[i].kind == WN_PLAN_REINSTATE;
	fputs(reinstated ? "\nholds and reinstatements:\n" : "\nholds:\n", f);
	for (size_t i = 0; i < w->l.p.n_events; i++) {
		const struct wn_plan_event *e = &w->l.p.events[i];
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
	const struct wn_schedule *s = &w->l.s;
	wn_date today = w->c->today;
	char b1[WN_DATE_STRLEN], b2[WN_DATE_STRLEN], n1[32], n2[32];
	FILE *f = w->c->out;
	int cur = wn_taper_step_at(s, today), next = wn_taper_next_step(s, today);
	double planned = wn_plan_planned_on(&w->l.p, s, today);
	fputs("\nstatus: ", f);
	if (cur < 0) {
		fprintf(f, "starts on %s at %s %s\n", wn_date_format(s->steps[0].date, b1),
		        wn_text_num(s->steps[0].dose, 3, n1, sizeof n1), w->m->unit);
		return;
	}
	fprintf(f, "today (%s) is day %ld at %s %s", wn_date_format(today, b1),
	        (long)(today - s->steps[0].date + 1), wn_text_num(planned, 3, n1, sizeof n1), w->m->unit);
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
}

static int load_days(struct show *w, struct wn_db *db, struct wn_err *err)
{
	wn_date today = w->c->today, start = w->l.p.params.start;
	if (today < start)
		return WN_OK;
	w->days_from = today - start >= MAX_DAYS ? today - MAX_DAYS + 1 : start;
	w->n_days = today - w->days_from + 1;
	w->days = calloc((size_t)w->n_days, sizeof *w->days);
	if (!w->days)
		return wn_err_set(err, WN_ERR, "out of memory");
	struct wn_plan_range r = { .plan = &w->l.p, .sched = &w->l.s, .med_id = w->m->id,
	                           .from = w->days_from, .to = today };
	return wn_db_plan_days(db, &r, w->days, err);
}

static int show_one(struct wn_cli *c, struct wn_db *db, const struct wn_med *m,
                    struct wn_err *err)
{
	struct show w = { .c = c, .m = m };
	int rc = load_plan(db, m, &w.l, err);
	if (rc == WN_OK)
		rc = load_days(&w, db, err);
	if (rc == WN_OK && w.l.s.n > 0) {
		print_method(&w);
		print_limits(&w);
		print_table(&w);
		print_events(&w);
		print_status(&w);
		fputs(WN_PLAN_DISCLAIMER "\n", c->out);
	}
	free(w.days);
	w.days = NULL;
	loaded_free(&w.l);
	return rc;
}

/* ---- several plans at once ---------------------------------------------------------- */

struct together {
	struct wn_med *meds;          /* those with a plan */
	struct loaded *l;
	int n;
};

static void together_free(struct together *t)
{
	for (int i = 0; i < t->n; i++)
		loaded_free(&t->l[i]);
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
}

static int print_together(struct wn_cli *c, const struct together *t, struct wn_err *err)
{
	struct wn_together_med tm[WN_TOGETHER_MAX];
	struct wn_together_row *rows;
	size_t nr;
	for (int i = 0; i < t->n; i++)
		tm[i] = (struct wn_together_med){ .name = t->meds[i].name, .unit = t->meds[i].unit,
		                                  .plan = &t->l[i].p, .sched = &t->l[i].s,
		                                  .drug = t->l[i].has_drug ? &t->l[i].drug : NULL };
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
		int rc = load_plan(db, &meds[i], &t->l[t->n], err);
		if (rc == WN_NOINPUT) {
			loaded_free(&t->l[t->n]);
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
		rc = print_together(c, &t, err);
	if (rc == WN_OK && t.n == 0)
		fputs("no taper plans yet; add one with 'wean plan add MED --start DATE --from-dose X --method percent --step 10 --every 4w'\n",
		      c->out);
	together_free(&t);
	free(meds);
	return rc;
}

static int plan_show(struct wn_cli *c, const struct plan_args *a, struct wn_err *err)
{
	struct wn_db *db;
	struct wn_med m;
	int rc = wn_cli_db(c, false, &db, err);
	if (rc != WN_OK)
		return rc;
	if (!a->med)
		return show_all(c, db, err);
	rc = wn_cli_find_med(db, a->med, &m, err);
	return rc ? rc : show_one(c, db, &m, err);
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
	struct loaded l;
	char b1[WN_DATE_STRLEN], b2[WN_DATE_STRLEN], n1[32];
	fprintf(c->out, "resumed %s on %s", m->name, wn_date_format(on, b1));
	if (load_plan(db, m, &l, NULL) == WN_OK) {
		const struct wn_schedule *s = &l.s;
		int next = wn_taper_next_step(s, on - 1);
		if (l.p.n_holds > 0)
			fprintf(c->out, " after %ld days on hold; later steps move by as much",
			        (long)(on - l.p.holds[l.p.n_holds - 1].start));
		if (next >= 0)
			fprintf(c->out, "; next step %s %s on %s", wn_text_num(s->steps[next].dose, 3, n1, sizeof n1),
			        m->unit, wn_date_format(s->steps[next].date, b2));
	}
	fputc('\n', c->out);
	loaded_free(&l);
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
	rc = no_plan_hint(&m, wn_db_plan_reinstate(db, &r, err), err);
	if (rc == WN_OK)
		fprintf(c->out, "recorded: %s back up to %s %s on %s; the plan is not on hold"
		        " (hold it with 'wean plan hold %s' if the next step should wait)\n",
		        m.name, wn_text_num(r.dose, 3, n1, sizeof n1), m.unit, wn_date_format(r.on, b), m.name);
	return rc;
}

/* ---- dispatch ------------------------------------------------------------------------------ */

struct sub {
	const char *name;
	const struct wn_cli_opt *opts;
	const char *args;
	bool needs_med;
	int (*fn)(struct wn_cli *c, const struct plan_args *a, struct wn_err *err);
};

static const struct sub subs[] = {
	{ "add", add_opts, ADD_ARGS, true, plan_add },
	{ "show", show_opts, "show [MED]", false, plan_show },
	{ "hold", hold_opts, "hold MED [--from DATE] [--reason TEXT]", true, plan_hold },
	{ "resume", resume_opts, "resume MED [--on DATE]", true, plan_resume },
	{ "reinstate", reinstate_opts, "reinstate MED --dose X [--on DATE] [--reason TEXT]", true,
	  plan_reinstate },
};
#define N_SUBS (sizeof subs / sizeof *subs)

static const struct sub *find_sub(const char *name, struct wn_err *err)
{
	const char *names[N_SUBS];
	for (size_t i = 0; i < N_SUBS; i++) {
		if (strcmp(subs[i].name, name) == 0)
			return &subs[i];
		names[i] = subs[i].name;
	}
	wn_suggest_unknown(err, "plan command", name, names, N_SUBS);
	err->code = WN_USAGE;
	wn_err_hint(err, "see 'wean plan --help'");
	return NULL;
}

int wn_cmd_plan(struct wn_cli *c, int argc, char **argv, struct wn_err *err)
{
	struct plan_args a = { 0 };
	if (argc == 0 || argv[0][0] == '-') {
		if (argc > 0 && strcmp(argv[0], "--help") == 0) {
			wn_cli_command_help(c->out, "plan", PLAN_ARGS, NULL);
			return WN_OK;
		}
		a.sub = "show";
	} else {
		a.sub = argv[0];
		argc--;
		argv++;
	}
	const struct sub *sub = find_sub(a.sub, err);
	if (!sub)
		return WN_USAGE;
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
	if (sub->needs_med && !a.med) {
		wn_err_set(err, WN_USAGE, "plan %s needs a medication name", sub->name);
		wn_err_hint(err, "e.g. 'wean plan %s sertraline'", sub->name);
		return WN_USAGE;
	}
	return sub->fn(c, &a, err);
}
