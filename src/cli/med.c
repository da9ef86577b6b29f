/* SPDX-License-Identifier: GPL-3.0-or-later */
/* med.c (cli) -- medications, symptoms and the diary check. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli_int.h"
#include "db/med.h"
#include "db/db.h"
#include "db/plan.h"
#include "core/datafile.h"
#include "core/symptoms.h"
#include "core/taper.h"
#include "core/suggest.h"
#include "core/text.h"
#include "core/med.h"
#include "core/plan.h"
#include "core/records.h"
#include "db/symptoms.h"

#define MAX_FORMS 16

/* ---- forms: wean's form syntax (taper.h), e.g. "tablet 25 mg half",
 *      "liquid 20 mg/ml", "capsule 75 mg 300 beads" --------------------------- */


/* ---- med --------------------------------------------------------------------- */

struct med_args {
	const char *sub, *name, *unit, *rename;
	const char *form[MAX_FORMS], *add_form[MAX_FORMS], *remove_form[MAX_FORMS];
	size_t n_form, n_add, n_remove;
	bool help;
};

static int m_pos(void *x, const char *w, struct wn_err *e)
{
	struct med_args *a = x;
	if (!a->sub)
		a->sub = w;
	else if (!a->name)
		a->name = w;
	else
		return wn_err_set(e, WN_USAGE, "med: unexpected argument '%.40s' (quote names with spaces)", w);
	return WN_OK;
}
static int m_unit(void *x, const char *a, struct wn_err *e) { (void)e; ((struct med_args *)x)->unit = a; return WN_OK; }
static int m_rename(void *x, const char *a, struct wn_err *e) { (void)e; ((struct med_args *)x)->rename = a; return WN_OK; }

static int push_form(const char **list, size_t *n, const char *a, const char *opt,
                     struct wn_err *e)
{
	if (*n >= MAX_FORMS)
		return wn_err_set(e, WN_USAGE, "at most %d --%s options", MAX_FORMS, opt);
	list[(*n)++] = a;
	return WN_OK;
}
static int m_form(void *x, const char *a, struct wn_err *e)
{
	struct med_args *m = x;
	return push_form(m->form, &m->n_form, a, "form", e);
}
static int m_add_form(void *x, const char *a, struct wn_err *e)
{
	struct med_args *m = x;
	return push_form(m->add_form, &m->n_add, a, "add-form", e);
}
static int m_remove_form(void *x, const char *a, struct wn_err *e)
{
	struct med_args *m = x;
	return push_form(m->remove_form, &m->n_remove, a, "remove-form", e);
}
static int m_help(void *x, const char *a, struct wn_err *e) { (void)a; (void)e; ((struct med_args *)x)->help = true; return WN_OK; }

#define OPT_UNIT(what) { "unit", "UNIT", m_unit, what }
#define OPT_HELP { "help", NULL, m_help, "show this help" }
#define OPT_FORM { "form", "TEXT", m_form, "a form you have, e.g. 'tablet 25 mg half', 'liquid 2 mg/ml'" }
#define OPT_ADD_FORM { "add-form", "TEXT", m_add_form, "edit: add a form, as --form of med add" }
#define OPT_REMOVE_FORM { "remove-form", "FORM", m_remove_form, "edit: remove a form, named as" \
	                  " 'med list' shows it" }
#define OPT_RENAME { "rename", "NEW", m_rename, "edit: a new name" }

/* Every option of every sub-command, for the parser. */
static const struct wn_cli_opt med_opts[] = {
	OPT_UNIT("dose unit: mg (default), mcg, mL, g, drops"), OPT_FORM, OPT_ADD_FORM,
	OPT_REMOVE_FORM, OPT_RENAME, OPT_HELP, { 0 }
};
static const struct wn_cli_opt add_opts[] = {
	OPT_UNIT("dose unit: mg (default), mcg, mL, g, drops"), OPT_FORM, OPT_HELP, { 0 }
};
static const struct wn_cli_opt edit_opts[] = {
	OPT_UNIT("a corrected unit (amounts keep their numbers)"), OPT_ADD_FORM,
	OPT_REMOVE_FORM, OPT_RENAME, OPT_HELP, { 0 }
};
static const struct wn_cli_opt list_opts[] = { OPT_HELP, { 0 } };
static const struct wn_cli_sub med_subs[] = {
	{ "add", "add NAME [--unit U] [--form F]...", add_opts },
	{ "edit", "edit NAME [--unit U] [--add-form F]... [--remove-form F]... [--rename NEW]",
	  edit_opts },
	{ "list", "list", list_opts },
	{ 0 }
};
const struct wn_cli_spec wn_cli_spec_med = {
	.args = "add NAME [--unit U] [--form F]... | edit NAME [OPTIONS] | list",
	.opts = med_opts, .subs = med_subs,
};

static void med_help(FILE *f)
{
	wn_cli_subs_usage(f, "med", med_subs, med_opts);
	fputs("\nedit changes what is recorded about a medication, in one step: a form\n"
	      "a plan rounds to stays (the message says which plan), and so does the\n"
	      "last form of a medication with a plan, unless --add-form gives another.\n"
	      "A corrected --unit keeps every amount's number (nothing is converted).\n", f);
}

static const char *approx(const struct wn_drug *d, const char *key)
{
	return wn_drugref_is_approximate(d, key) ? " (approximate)" : "";
}

/* One line of what the drug reference knows, wrapped to 80 columns under
 * its label ("  half-life: ..."). */
static void info(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void info(FILE *f, const char *fmt, ...)
{
	char line[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	wn_cli_put_line(f, line, 4);
}

static void print_forms(FILE *f, const struct wn_drug *d)
{
	if (!d->n_forms)
		return;
	char line[2048];
	size_t k = (size_t)snprintf(line, sizeof line, "  forms commonly available%s: ",
	                            approx(d, "forms"));
	for (int i = 0; i < d->n_forms && k < sizeof line; i++) {
		char buf[WN_FORM_LABEL + 64];
		wn_taper_form_format(&d->forms[i], buf, sizeof buf);
		k += (size_t)snprintf(line + k, sizeof line - k, "%s%s", i ? ", " : "", buf);
	}
	info(f, "%s", line);
}

/* What wean's drug reference knows, after `med add` without --form. */
static void print_known(FILE *f, const struct wn_drug *d)
{
	info(f, "%s is in wean's drug reference (reference only, not medical advice):",
	     d->name);
	if (d->drug_class[0])
		info(f, "  class: %s%s", d->drug_class, approx(d, "class"));
	if (d->half_life_h[0])
		info(f, "  half-life: %s h%s", d->half_life_h, approx(d, "half_life_h"));
	if (d->metabolite_half_life_h[0])
		info(f, "  active metabolite half-life: %s h%s", d->metabolite_half_life_h,
		     approx(d, "metabolite_half_life_h"));
	print_forms(f, d);
	if (d->diazepam_equiv_text[0] && strcmp(d->name, "diazepam") != 0)
		info(f, "  about %s mg equals 10 mg diazepam%s", d->diazepam_equiv_text,
		     approx(d, "diazepam_equiv_mg"));
	if (d->has_sert)
		info(f, "  SERT occupancy parameters: yes (%s%s), so 'wean plan add --method"
		     " occupancy' can be used", d->region,
		     wn_drugref_is_approximate(d, "sert_emax_pct") ? ", approximate" : "");
	else
		info(f, "  SERT occupancy parameters: none, so plan with --method percent,"
		     " linear or custom");
	if (d->note[0])
		info(f, "  note: %s", d->note);
}

static int med_add(struct wn_cli *c, const struct med_args *a, struct wn_err *err)
{
	struct wn_med m = { 0 };
	struct wn_drug drug;
	struct wn_med_form forms[MAX_FORMS];
	struct wn_db *db;
	int rc = wn_text_check_name(a->name, m.name, sizeof m.name, err);
	if (rc == WN_OK)
		rc = wn_med_unit_check(a->unit ? a->unit : "mg", m.unit, sizeof m.unit, err);
	for (size_t i = 0; rc == WN_OK && i < a->n_form; i++)
		rc = wn_med_form_parse(a->form[i], m.unit, &forms[i], err);
	if (rc == WN_OK)
		rc = wn_cli_db(c, true, &db, err);
	struct wn_med have;
	if (rc == WN_OK && (rc = wn_db_med_create(db, &m, forms, a->n_form, err)) ==
	    WN_DATAERR && wn_db_med_find(db, m.name, &have, NULL) == WN_OK)
		wn_err_hint(err, "'wean med edit %s' (or E on the Plan screen) changes it", have.name);
	if (rc != WN_OK)
		return rc;
	fprintf(c->out, "added %s (%s)\n", m.name, m.unit);
	if (m.drug_key[0] && a->n_form == 0 && wn_plan_drug(&m, &drug, NULL) == WN_OK)
		print_known(c->out, &drug);
	return WN_OK;
}

static int med_list(struct wn_cli *c, struct wn_err *err)
{
	struct wn_db *db;
	struct wn_med *meds;
	size_t n;
	int rc = wn_cli_db(c, false, &db, err);
	if (rc != WN_OK || (rc = wn_db_med_list(db, &meds, &n, err)) != WN_OK)
		return rc;
	if (!n)
		fputs("no medications yet; add one with 'wean med add NAME --unit mg'\n", c->out);
	for (size_t i = 0; i < n && rc == WN_OK; i++) {
		struct wn_med_form *forms;
		size_t nf;
		fprintf(c->out, "%s (%s)\n", meds[i].name, meds[i].unit);
		if ((rc = wn_db_form_list(db, meds[i].id, &forms, &nf, err)) != WN_OK)
			break;
		for (size_t k = 0; k < nf; k++) {
			char f[128];
			wn_med_form_format(&forms[k], meds[i].unit, f, sizeof f);
			fprintf(c->out, "  %s\n", f);
		}
		free(forms);
	}
	free(meds);
	return rc;
}

/* ---- edit ----------------------------------------------------------------------- */

static void say_forms(struct wn_cli *c, const char *what, const struct wn_med_form *f,
                      size_t n, const char *unit)
{
	for (size_t i = 0; i < n; i++) {
		char t[128];
		wn_med_form_format(&f[i], unit, t, sizeof t);
		fprintf(c->out, "  %s %s\n", what, t);
	}
}

static int med_edit(struct wn_cli *c, const struct med_args *a, struct wn_err *err)
{
	struct wn_med m, was;
	struct wn_med_form forms[MAX_FORMS];
	char unit[16];
	struct wn_med_edit e = { .rename = a->rename, .add = forms, .n_add = a->n_add,
	                         .remove = a->remove_form, .n_remove = a->n_remove };
	struct wn_db *db;
	int rc = wn_cli_db(c, false, &db, err);
	if (rc == WN_OK)
		rc = wn_cli_find_med(db, a->name, &m, err);
	if (rc == WN_OK && a->unit && (rc = wn_med_unit_check(a->unit, unit, sizeof unit, err)) == WN_OK)
		e.unit = unit;
	for (size_t i = 0; rc == WN_OK && i < a->n_add; i++)
		rc = wn_med_form_parse(a->add_form[i], e.unit ? e.unit : m.unit, &forms[i], err);
	was = m;
	if (rc == WN_OK)
		rc = wn_db_med_edit(db, &m, &e, err);
	if (rc != WN_OK)
		return rc;
	fprintf(c->out, "changed %s\n", was.name);
	if (strcmp(was.name, m.name) != 0)
		fprintf(c->out, "  renamed to %s\n", m.name);
	if (strcmp(was.unit, m.unit) != 0)
		fprintf(c->out, "  unit %s -> %s (recorded amounts keep their numbers)\n",
		        was.unit, m.unit);
	for (size_t i = 0; i < a->n_remove; i++)
		fprintf(c->out, "  removed the form '%s'\n", a->remove_form[i]);
	say_forms(c, "added", forms, a->n_add, m.unit);
	return WN_OK;
}

/* The options a sub-command does not take, refused by name. */
static int check_med_opts(const struct med_args *a, const char *sub, struct wn_err *err)
{
	bool add = strcmp(sub, "add") == 0, edit = strcmp(sub, "edit") == 0;
	const char *bad = a->n_form && !add ? "--form" :
	                  a->n_add && !edit ? "--add-form" :
	                  a->n_remove && !edit ? "--remove-form" :
	                  a->rename && !edit ? "--rename" :
	                  a->unit && !add && !edit ? "--unit" : NULL;
	if (bad) {
		wn_err_set(err, WN_USAGE, "med %s does not take %s", sub, bad);
		wn_err_hint(err, "see 'wean med --help'");
		return WN_USAGE;
	}
	if (edit && !a->unit && !a->rename && !a->n_add && !a->n_remove) {
		wn_err_set(err, WN_USAGE, "med edit: nothing to change");
		wn_err_hint(err, "give --unit, --add-form, --remove-form or --rename");
		return WN_USAGE;
	}
	return WN_OK;
}

int wn_cmd_med(struct wn_cli *c, int argc, char **argv, struct wn_err *err)
{
	struct med_args a = { 0 };
	struct wn_cli_parse p = { .opts = med_opts, .positional = m_pos, .ctx = &a, .command = "med" };
	int rc = wn_cli_parse_args(&p, argc, argv, err);
	if (rc != WN_OK || a.help) {
		if (a.help)
			med_help(c->out);
		return rc;
	}
	static const char *const subs[] = { "add", "edit", "list" };
	const char *sub = a.sub ? a.sub : "list";
	int k = -1;
	for (int i = 0; i < 3; i++)
		if (strcmp(sub, subs[i]) == 0)
			k = i;
	if (k < 0) {
		wn_suggest_unknown(err, "med command", sub, subs, 3);
		err->code = WN_USAGE;
		return WN_USAGE;
	}
	if ((rc = check_med_opts(&a, sub, err)) != WN_OK)
		return rc;
	if (k == 2) {
		if (a.name)
			return wn_err_set(err, WN_USAGE, "med list takes no arguments");
		return med_list(c, err);
	}
	if (!a.name) {
		wn_err_set(err, WN_USAGE, "med %s needs a NAME", sub);
		wn_err_hint(err, k == 0 ? "e.g. wean med add sertraline --unit mg" :
		            "e.g. wean med edit sertraline --add-form 'liquid 2 mg/ml'");
		return WN_USAGE;
	}
	return k == 0 ? med_add(c, &a, err) : med_edit(c, &a, err);
}

/* ---- symptoms ------------------------------------------------------------------ */

static const char *const source_names[] = { "built-in", "DESS", "custom" };

/* Adds the DESS items that are not yet in the diary (names that already
 * exist, such as "nausea", are kept as they are). */
static int sync_dess(struct wn_db *db, struct wn_err *err)
{
	char path[4096];
	struct wn_symptom_def *defs;
	size_t n;
	if (wn_datafile_find("dess.ini", path, sizeof path) != WN_OK)
		return wn_err_set(err, WN_NOINPUT, "the DESS list (dess.ini) is not installed");
	int rc = wn_symptoms_load_dess(path, &defs, &n, err);
	if (rc != WN_OK)
		return rc;
	for (size_t i = 0; i < n && rc == WN_OK; i++) {
		struct wn_symptom s = { .source = WN_SYM_DESS, .sort = 100 + (int)i,
		                        .first_seen = WN_DATE_NONE };
		if (wn_db_symptom_find(db, defs[i].name, &s, NULL) == WN_OK)
			continue;
		snprintf(s.name, sizeof s.name, "%s", defs[i].name);
		snprintf(s.group, sizeof s.group, "%s", defs[i].group);
		rc = wn_db_symptom_add(db, &s, NULL, err);
	}
	wn_symptoms_free_defs(defs, n);
	return rc;
}

int wn_cli_prepare_db(struct wn_cli *c, struct wn_db *db, struct wn_err *err)
{
	return c->cfg.dess ? sync_dess(db, err) : WN_OK;
}

struct sym_args { const char *sub, *name, *group; bool off, help; };

static int s_pos(void *x, const char *w, struct wn_err *e)
{
	struct sym_args *a = x;
	if (!a->sub)
		a->sub = w;
	else if (!a->name)
		a->name = w;
	else
		return wn_err_set(e, WN_USAGE, "symptoms: unexpected argument '%.40s' (quote names with spaces)", w);
	return WN_OK;
}
static int s_group(void *x, const char *a, struct wn_err *e) { (void)e; ((struct sym_args *)x)->group = a; return WN_OK; }
static int s_off(void *x, const char *a, struct wn_err *e) { (void)a; (void)e; ((struct sym_args *)x)->off = true; return WN_OK; }
static int s_help(void *x, const char *a, struct wn_err *e) { (void)a; (void)e; ((struct sym_args *)x)->help = true; return WN_OK; }

#define SYM_GROUP { "group", "GROUP", s_group, "body system of a new symptom (default other)" }
#define SYM_OFF { "off", NULL, s_off, "preexisting: take the mark off" }
#define SYM_HELP { "help", NULL, s_help, "show this help" }
static const struct wn_cli_opt sym_opts[] = { SYM_GROUP, SYM_OFF, SYM_HELP, { 0 } };
static const struct wn_cli_opt sym_help_opts[] = { SYM_HELP, { 0 } };
static const struct wn_cli_opt sym_add_opts[] = { SYM_GROUP, SYM_HELP, { 0 } };
static const struct wn_cli_opt sym_pre_opts[] = { SYM_OFF, SYM_HELP, { 0 } };
enum { SYM_LIST, SYM_ADD, SYM_HIDE, SYM_SHOW, SYM_PRE, SYM_N };
static const struct wn_cli_sub sym_subs[] = {
	[SYM_LIST] = { "list", "list", sym_help_opts },
	[SYM_ADD] = { "add", "add NAME [--group G]", sym_add_opts },
	[SYM_HIDE] = { "hide", "hide NAME", sym_help_opts },
	[SYM_SHOW] = { "show", "show NAME", sym_help_opts },
	[SYM_PRE] = { "preexisting", "preexisting NAME [--off]", sym_pre_opts },
	{ 0 }
};
const struct wn_cli_spec wn_cli_spec_symptoms = {
	.args = "[list | add NAME [--group G] | hide NAME | show NAME |"
	        " preexisting NAME [--off]]", .opts = sym_opts, .subs = sym_subs,
};

static bool config_hides(const struct wn_config *cfg, const char *name)
{
	const char *p = cfg->hidden_symptoms;
	size_t len = strlen(name);
	while (*p) {
		while (*p == ' ' || *p == ',')
			p++;
		size_t n = strcspn(p, ",");
		size_t m = n;
		while (m && p[m - 1] == ' ')
			m--;
		if (m == len && strncasecmp(p, name, len) == 0)
			return true;
		p += n;
	}
	return false;
}

static int sym_list(struct wn_cli *c, struct wn_db *db, struct wn_err *err)
{
	struct wn_symptom *s;
	size_t n;
	int rc = wn_db_symptom_list(db, true, &s, &n, err);
	if (rc != WN_OK)
		return rc;
	fprintf(c->out, "%-40s %-13s %-9s %-10s %-6s %s\n", "symptom", "group", "source",
	        "first seen", "before", "shown");
	for (size_t i = 0; i < n; i++) {
		char b[WN_DATE_STRLEN] = "-";
		if (s[i].first_seen != WN_DATE_NONE)
			wn_date_format(s[i].first_seen, b);
		bool hidden = s[i].hidden || config_hides(&c->cfg, s[i].name);
		fprintf(c->out, "%-40s %-13s %-9s %-10s %-6s %s\n", s[i].name, s[i].group,
		        source_names[s[i].source % 3], b, s[i].preexisting ? "yes" : "-",
		        hidden ? (s[i].hidden ? "hidden" : "hidden by config") : "yes");
	}
	free(s);
	return WN_OK;
}

static int sym_add(struct wn_cli *c, struct wn_db *db, const struct sym_args *a,
                   struct wn_err *err)
{
	struct wn_symptom s = { .source = WN_SYM_CUSTOM, .sort = 1000, .first_seen = WN_DATE_NONE };
	int rc = wn_text_check_name(a->name, s.name, sizeof s.name, err);
	if (rc != WN_OK)
		return rc;
	size_t ng;
	const char *const *groups = wn_symptoms_groups(&ng);
	const char *g = a->group ? a->group : "other";
	bool ok = false;
	for (size_t i = 0; i < ng && !ok; i++)
		if (strcasecmp(g, groups[i]) == 0) {
			ok = true;
			snprintf(s.group, sizeof s.group, "%s", groups[i]);
		}
	if (!ok)
		return wn_suggest_unknown(err, "group", g, groups, ng);
	if ((rc = wn_db_symptom_add(db, &s, NULL, err)) != WN_OK)
		return rc;
	fprintf(c->out, "added the symptom '%s' (%s)\n", s.name, s.group);
	return WN_OK;
}

static int sym_hide(struct wn_cli *c, struct wn_db *db, const struct sym_args *a,
                    bool hide, struct wn_err *err)
{
	struct wn_symptom s;
	int rc = wn_cli_find_symptom(db, a->name, &s, err);
	if (rc == WN_OK && (rc = wn_db_symptom_set_hidden(db, s.id, hide, err)) == WN_OK)
		fprintf(c->out, "%s '%s'%s\n", hide ? "hid" : "showing", s.name,
		        !hide && config_hides(&c->cfg, s.name) ? " (still hidden by [symptoms] hidden in the config)" : "");
	return rc;
}

/* The mark of a symptom present before the taper (the report does not
 * count it as a withdrawal sign). */
static int sym_pre(struct wn_cli *c, struct wn_db *db, const struct sym_args *a,
                   struct wn_err *err)
{
	struct wn_symptom s;
	int rc = wn_cli_find_symptom(db, a->name, &s, err);
	if (rc == WN_OK && (rc = wn_db_symptom_set_preexisting(db, s.id, !a->off, err)) == WN_OK)
		fprintf(c->out, a->off ? "%s: no longer marked as present before the taper;"
		        " the report counts it again\n" : "%s marked as present before the taper:"
		        " the report will not count it as a withdrawal sign\n", s.name);
	return rc;
}

static void sym_help(FILE *f)
{
	wn_cli_subs_usage(f, "symptoms", sym_subs, sym_opts);
	fputs("\nlist shows in 'before' the symptoms marked as present before the taper\n"
	      "(preexisting NAME; on Today, P on a symptom): the report does not count\n"
	      "them as withdrawal signs.\n", f);
}

int wn_cmd_symptoms(struct wn_cli *c, int argc, char **argv, struct wn_err *err)
{
	struct sym_args a = { 0 };
	struct wn_cli_parse p = { .opts = sym_opts, .positional = s_pos, .ctx = &a, .command = "symptoms" };
	struct wn_db *db;
	int rc = wn_cli_parse_args(&p, argc, argv, err);
	if (rc != WN_OK || a.help) {
		if (a.help)
			sym_help(c->out);
		return rc;
	}
	const char *subs[SYM_N];
	const char *sub = a.sub ? a.sub : "list";
	int k = -1;
	for (int i = 0; i < SYM_N; i++)
		if (strcmp(sub, (subs[i] = sym_subs[i].name)) == 0)
			k = i;
	if (k < 0) {
		wn_suggest_unknown(err, "symptoms command", sub, subs, SYM_N);
		err->code = WN_USAGE;
		return WN_USAGE;
	}
	if (a.off && k != SYM_PRE)
		return wn_err_set(err, WN_USAGE, "symptoms %s does not take --off", sub);
	if (a.group && k != SYM_ADD)
		return wn_err_set(err, WN_USAGE, "symptoms %s does not take --group", sub);
	if ((k == 0) != (a.name == NULL))
		return wn_err_set(err, WN_USAGE, k ? "symptoms %s needs a NAME" : "symptoms list takes no NAME", sub);
	if ((rc = wn_cli_db(c, k != 0, &db, err)) != WN_OK)
		return rc;
	switch (k) {
	case SYM_LIST: return sym_list(c, db, err);
	case SYM_ADD: return sym_add(c, db, &a, err);
	case SYM_PRE: return sym_pre(c, db, &a, err);
	default: return sym_hide(c, db, &a, k == SYM_HIDE, err);
	}
}

/* ---- check ------------------------------------------------------------------------- */

static void check_line(void *ctx, const char *line)
{
	struct wn_cli *c = ctx;
	fprintf(c->out, "problem: %s\n", line);
}

static int ck_help(void *x, const char *a, struct wn_err *e) { (void)a; (void)e; *(bool *)x = true; return WN_OK; }

static const struct wn_cli_opt check_opts[] = {
	{ "help", NULL, ck_help, "show this help" },
	{ 0 }
};
const struct wn_cli_spec wn_cli_spec_check = { .args = "", .opts = check_opts };

int wn_cmd_check(struct wn_cli *c, int argc, char **argv, struct wn_err *err)
{
	bool help = false;
	struct wn_cli_parse p = { .opts = check_opts, .ctx = &help, .command = "check" };
	struct wn_db *db;
	int rc = wn_cli_parse_args(&p, argc, argv, err);
	if (rc == WN_OK && help) {
		wn_cli_command_help(c->out, "check", wn_cli_spec_check.args, check_opts);
		return WN_OK;
	}
	if (rc != WN_OK || (rc = wn_cli_db(c, false, &db, err)) != WN_OK)
		return rc;
	rc = wn_db_check(db, check_line, c, err);
	if (rc == WN_OK)
		fprintf(c->out, "ok: %s passed the integrity and consistency checks\n", wn_db_path(db));
	else if (rc == WN_DATAERR && !err->msg[0])
		wn_err_set(err, WN_DATAERR, "the diary has problems (listed above)");
	return rc;
}
