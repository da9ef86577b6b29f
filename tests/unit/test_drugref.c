/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for the drug reference (data/drugs.ini and its loader). */
#include <criterion/criterion.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/drugref.h"
#include <iniparser.h>

#define N_OF(a) (sizeof(a) / sizeof *(a))

/* The shipped file: $WEAN_SRCDIR/data/drugs.ini, else ./data/drugs.ini. */
static void shipped_path(char *buf, size_t n)
{
	const char *src = getenv("WEAN_SRCDIR");
	snprintf(buf, n, "%s/data/drugs.ini", src && *src ? src : ".");
}

static struct wn_drugref *open_shipped(void)
{
	char path[PATH_MAX];
	struct wn_drugref *ref = NULL;
	struct wn_err err = { 0 };
	shipped_path(path, sizeof path);
	cr_assert_eq(wn_drugref_open(path, &ref, &err), WN_OK, "%s", err.msg);
	cr_assert_not_null(ref);
	return ref;
}

static struct wn_drug get(const struct wn_drugref *ref, const char *name)
{
	struct wn_drug d;
	struct wn_err err = { 0 };
	cr_assert_eq(wn_drugref_lookup(ref, name, &d, &err), WN_OK, "%s: %s", name, err.msg);
	return d;
}

/* A private temporary directory, removed by the caller with cleanup(). */
static char tmpdir[PATH_MAX];

static void make_tmpdir(void)
{
	const char *t = getenv("TMPDIR");
	snprintf(tmpdir, sizeof tmpdir, "%s/wean-drugref-XXXXXX", t && *t ? t : "/tmp");
	cr_assert_not_null(mkdtemp(tmpdir));
}

static void write_file(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	cr_assert_not_null(f, "cannot write %s", path);
	cr_assert_eq(fwrite(data, 1, len, f), len);
	fclose(f);
}

static void cleanup(const char *const *files, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (files[i])
			unlink(files[i]);
	rmdir(tmpdir);
}

/* ---- the shipped data ---------------------------------------------------------- */

Test(drugref, sertraline)
{
	struct wn_drugref *ref = open_shipped();
	struct wn_drug d = get(ref, "sertraline");
	cr_expect_str_eq(d.name, "sertraline");
	cr_expect_str_eq(d.drug_class, "SSRI");
	cr_expect_str_eq(d.half_life_h, "26");
	cr_expect(d.has_sert);
	cr_expect_float_eq(d.emax, 92.01, 1e-9);
	cr_expect_float_eq(d.ed50, 7.72, 1e-9);
	cr_expect_float_eq(d.max_dose, 200, 1e-9);
	cr_expect_str_eq(d.region, "striatum");
	bool tab25 = false;
	for (int i = 0; i < d.n_forms; i++)
		tab25 |= d.forms[i].kind == WN_TAPER_TABLET &&
		         fabs(d.forms[i].strength_mg - 25) < 1e-9;
	cr_expect(tab25, "no 25 mg tablet");
	cr_expect(wn_drugref_is_approximate(&d, "sert_emax_pct"));
	cr_expect(!wn_drugref_is_approximate(&d, "class"));
	cr_expect(!wn_drugref_is_approximate(&d, "sert"));
	cr_expect_eq(d.diazepam_equiv, 0);
	static const char *const want[] = { "S11", "S3", "S2", "S12", "S9" };
	for (int i = 0; i < 5; i++)
		cr_expect(strstr(d.src, want[i]), "%s cites %s", d.src, want[i]);
	wn_drugref_close(ref);
}

/* Domain README 1.2, the first (primary) region of each drug. */
struct sert_case { const char *name, *region; double emax, ed50, max; };

static const struct sert_case sert_cases[] = {
	{ "citalopram", "striatum", 83.98, 2.33, 60 },
	{ "escitalopram", "caudate", 75.35, 0.66, 30 },
	{ "fluoxetine", "striatum", 86.12, 1.89, 60 },
	{ "paroxetine", "striatum", 97.14, 5.60, 60 },
	{ "sertraline", "striatum", 92.01, 7.72, 200 },
	{ "venlafaxine", "striatum", 90.07, 5.80, 200 },
	{ "duloxetine", "thalamus", 90.75, 6.27, 60 },
	{ "desvenlafaxine", "striatum", 100.22, 16.11, 140 },
	{ "vortioxetine", "raphe_nuclei", 102.24, 4.68, 60 },
};

Test(drugref, sert_parameters_table)
{
	struct wn_drugref *ref = open_shipped();
	for (size_t i = 0; i < N_OF(sert_cases); i++) {
		const struct sert_case *c = &sert_cases[i];
		struct wn_drug d = get(ref, c->name);
		cr_expect(d.has_sert, "%s", c->name);
		cr_expect_str_eq(d.region, c->region, "%s", c->name);
		cr_expect_float_eq(d.emax, c->emax, 1e-9, "%s", c->name);
		cr_expect_float_eq(d.ed50, c->ed50, 1e-9, "%s", c->name);
		cr_expect_float_eq(d.max_dose, c->max, 1e-9, "%s", c->name);
		cr_expect(wn_drugref_is_approximate(&d, "sert_ed50_mg"), "%s", c->name);
	}
	struct wn_drug m = get(ref, "mirtazapine");
	cr_expect(!m.has_sert);
	cr_expect_eq(m.emax, 0);
	struct wn_drug dv = get(ref, "desvenlafaxine");
	cr_expect(strstr(dv.sert_alt, "amygdala:106.43/11.57") != NULL, "%s", dv.sert_alt);
	wn_drugref_close(ref);
}

/* Domain README 2.1: Ashton column of S17, else NHS Scotland x2. */
struct equiv_case { const char *name; double lo, hi; const char *va; bool approx; };

static const struct equiv_case equiv_cases[] = {
	{ "lorazepam", 1, 1, "2", false },
	{ "diazepam", 10, 10, "10", false },
	{ "alprazolam", 0.5, 0.5, "1", false },
	{ "clonazepam", 0.5, 0.5, "1", false },
	{ "estazolam", 1, 2, "1", false },
	{ "flurazepam", 15, 30, "15", false },
	{ "temazepam", 20, 20, "15", false },
	{ "clobazam", 20, 20, "", true },
	{ "zopiclone", 15, 15, "", true },
	{ "zolpidem", 20, 20, "", true },
	{ "loprazolam", 1, 2, "", true },
};

Test(drugref, diazepam_equivalents_table)
{
	struct wn_drugref *ref = open_shipped();
	for (size_t i = 0; i < N_OF(equiv_cases); i++) {
		const struct equiv_case *c = &equiv_cases[i];
		struct wn_drug d = get(ref, c->name);
		cr_expect_float_eq(d.diazepam_equiv, c->lo, 1e-9, "%s", c->name);
		cr_expect_float_eq(d.diazepam_equiv_hi, c->hi, 1e-9, "%s", c->name);
		cr_expect_str_eq(d.diazepam_equiv_va, c->va, "%s", c->name);
		cr_expect_eq(wn_drugref_is_approximate(&d, "diazepam_equiv_mg"), c->approx,
		             "%s", c->name);
	}
	wn_drugref_close(ref);
}

Test(drugref, every_drug_is_consistent)
{
	static const char *const keys[] = {
		"class", "half_life_h", "metabolite_half_life_h", "sert_region",
		"sert_emax_pct", "sert_ed50_mg", "sert_max_dose_mg", "sert_alt", "forms",
		"diazepam_equiv_mg", "diazepam_equiv_va_mg", "note", "form_equiv", NULL,
	};
	/* opening checks that every cited source is listed */
	struct wn_drugref *ref = open_shipped();
	char path[PATH_MAX];
	shipped_path(path, sizeof path);
	dictionary *ini = iniparser_load(path);
	cr_assert_not_null(ini);
	int drugs = 0;
	for (int i = 0; i < iniparser_getnsec(ini); i++) {
		const char *sec = iniparser_getsecname(ini, i);
		if (strcmp(sec, "sources") == 0 || strncmp(sec, "class_", 6) == 0)
			continue;
		drugs++;
		struct wn_drug d = get(ref, sec);
		cr_expect(d.drug_class[0], "%s has no class", d.name);
		cr_expect(d.src[0], "%s has no sources", d.name);
		char approx[sizeof d.approximate];
		strcpy(approx, d.approximate);
		for (char *w = strtok(approx, " "); w; w = strtok(NULL, " ")) {
			bool known = false;
			for (int k = 0; keys[k]; k++)
				known |= strcmp(w, keys[k]) == 0;
			cr_expect(known, "%s: unknown key '%s' in approximate", d.name, w);
		}
		if (d.has_sert)
			cr_expect(d.region[0] && d.max_dose > 0, "%s", d.name);
		bool benzo = !strcmp(d.drug_class, "benzodiazepine") ||
		             !strcmp(d.drug_class, "Z-drug");
		cr_expect_eq(benzo, d.diazepam_equiv > 0, "%s", d.name);
	}
	cr_expect_eq(drugs, 37);   /* the domain file's drug list */
	iniparser_freedict(ini);
	wn_drugref_close(ref);
}

Test(drugref, forms_are_parsed)
{
	struct wn_drugref *ref = open_shipped();
	struct wn_drug c = get(ref, "citalopram");
	cr_assert_eq(c.n_forms, 5);
	cr_expect_eq(c.forms[3].kind, WN_TAPER_LIQUID);           /* 10 mg/5ml */
	cr_expect_float_eq(c.forms[3].conc_mg_per_ml, 2, 1e-9);
	cr_expect_str_eq(c.forms[3].label, "oral solution");
	struct wn_drug v = get(ref, "venlafaxine");
	cr_expect_eq(v.forms[0].kind, WN_TAPER_CAPSULE);
	cr_expect_float_eq(v.forms[0].strength_mg, 37.5, 1e-9);
	cr_expect_str_eq(v.forms[0].label, "XR capsule");
	struct wn_drug a = get(ref, "alprazolam");
	cr_expect_eq(a.n_forms, 13);
	cr_expect_eq(get(ref, "chlordiazepoxide").n_forms, 0);
	wn_drugref_close(ref);
}

Test(drugref, lookups)
{
	struct wn_drugref *ref = open_shipped();
	struct wn_err err = { 0 };
	struct wn_drug d;
	cr_expect_eq(wn_drugref_lookup(ref, "SERTRALINE", &d, &err), WN_OK);
	cr_expect_str_eq(d.name, "sertraline");
	cr_expect_eq(wn_drugref_lookup(ref, "  Lorazepam ", &d, &err), WN_OK);
	cr_expect_float_eq(d.diazepam_equiv, 1, 1e-9);
	cr_expect_eq(wn_drugref_lookup(ref, "aspirin", &d, &err), WN_NOINPUT);
	cr_expect(strstr(err.msg, "aspirin") != NULL, "%s", err.msg);
	cr_expect_str_eq(err.hint, "");
	cr_expect_eq(wn_drugref_lookup(ref, "sertralin", NULL, &err), WN_NOINPUT);
	cr_expect(strstr(err.hint, "sertraline") != NULL, "%s", err.hint);
	cr_expect_eq(wn_drugref_lookup(ref, "", &d, &err), WN_NOINPUT);
	cr_expect_eq(wn_drugref_lookup(NULL, "x", &d, &err), WN_USAGE);
	wn_drugref_close(ref);
	wn_drugref_close(NULL);
}

/* ---- pace by class, form factors, sources by key ---------------------------------- */

/* data/drugs.ini [class_*] sections: the fast end of each source's range. */
struct pace_case {
	const char *drug, *section;
	double max_cut;
	int per_days, min_taper_days;
	const char *pace_src, *hazard_word, *hazard_src;
	bool approx;
};

static const struct pace_case pace_cases[] = {
	/* NICE NG222: 50% of the previous dose; Australian: every 1-4 weeks */
	{ .drug = "sertraline", .section = "antidepressant", .max_cut = 50, .per_days = 7,
	  .pace_src = "S38 S27 S4 S5", .approx = true },
	{ .drug = "mirtazapine", .section = "antidepressant", .max_cut = 50, .per_days = 7,
	  .pace_src = "S38 S27 S4 S5", .approx = true },
	{ .drug = "vilazodone", .section = "antidepressant", .max_cut = 50, .per_days = 7,
	  .pace_src = "S38 S27 S4 S5", .approx = true },
	/* W-BAD/Ashton: 5-10% every 2-4 weeks -> 10% in 14 days; FDA 2020 */
	{ .drug = "alprazolam", .section = "benzodiazepine", .max_cut = 10, .per_days = 14,
	  .pace_src = "S19 S15", .hazard_word = "seizures", .hazard_src = "S37", .approx = true },
	{ .drug = "zopiclone", .section = "zdrug", .max_cut = 10, .per_days = 14,
	  .pace_src = "S19 S15 S18", .hazard_word = "abrupt stop", .hazard_src = "S41",
	  .approx = true },
	/* labels: over a minimum of 1 week */
	{ .drug = "pregabalin", .section = "gabapentinoid", .min_taper_days = 7,
	  .pace_src = "S39 S40", .hazard_word = "seizures", .hazard_src = "S39 S40" },
};

Test(drugref, pace_of_each_class)
{
	struct wn_drugref *ref = open_shipped();
	for (size_t i = 0; i < N_OF(pace_cases); i++) {
		const struct pace_case *c = &pace_cases[i];
		struct wn_drug_pace p = get(ref, c->drug).pace;
		cr_expect_str_eq(p.name, c->section, "%s", c->drug);
		cr_expect_float_eq(p.max_cut_pct, c->max_cut, 1e-9, "%s", c->drug);
		cr_expect_eq(p.per_days, c->per_days, "%s", c->drug);
		cr_expect_eq(p.min_taper_days, c->min_taper_days, "%s", c->drug);
		cr_expect_str_eq(p.pace_src, c->pace_src, "%s", c->drug);
		cr_expect(p.pace_by[0], "%s", c->drug);
		cr_expect_eq(p.approximate, c->approx, "%s", c->drug);
		if (c->hazard_word) {
			cr_expect(strstr(p.stop_hazard, c->hazard_word) != NULL, "%s: %s",
			          c->drug, p.stop_hazard);
			cr_expect_str_eq(p.stop_hazard_src, c->hazard_src, "%s", c->drug);
		} else {
			cr_expect_str_eq(p.stop_hazard, "", "%s", c->drug);
		}
	}
	wn_drugref_close(ref);
}

/* Every drug of the shipped file has a class section, and every id the
 * class cites is in [sources]. */
Test(drugref, every_class_has_a_pace_with_sources)
{
	struct wn_drugref *ref = open_shipped();
	char path[PATH_MAX];
	shipped_path(path, sizeof path);
	dictionary *ini = iniparser_load(path);
	cr_assert_not_null(ini);
	for (int i = 0; i < iniparser_getnsec(ini); i++) {
		const char *sec = iniparser_getsecname(ini, i);
		if (strcmp(sec, "sources") == 0 || strncmp(sec, "class_", 6) == 0)
			continue;
		struct wn_drug d = get(ref, sec);
		cr_expect(d.pace.name[0], "%s (%s) has no class section", d.name, d.drug_class);
		char ids[2 * WN_DRUG_SRC_LIST + 2], key[64];
		snprintf(ids, sizeof ids, "%s %s", d.pace.pace_src, d.pace.stop_hazard_src);
		for (char *w = strtok(ids, " "); w; w = strtok(NULL, " ")) {
			snprintf(key, sizeof key, "sources:%s", w);
			cr_expect_not_null(iniparser_getstring(ini, key, NULL), "%s cites %s", d.name, w);
		}
	}
	iniparser_freedict(ini);
	wn_drugref_close(ref);
}

Test(drugref, citalopram_drops_factor)
{
	struct wn_drugref *ref = open_shipped();
	struct wn_drug d = get(ref, "citalopram");
	struct wn_form drops, solution, tablet;
	cr_assert_eq(wn_taper_form_parse("drops 40 mg/ml", &drops, NULL), WN_OK);
	cr_assert_eq(wn_taper_form_parse("oral solution 10 mg/5ml", &solution, NULL), WN_OK);
	cr_assert_eq(wn_taper_form_parse("tablet 40 mg", &tablet, NULL), WN_OK);
	cr_assert_eq(d.n_equiv, 1);
	/* S9: 4 drops = 8 mg act like one 10 mg tablet: 10 / 8 = 1.25 */
	cr_expect_float_eq(wn_drugref_form_factor(&d, &drops), 1.25, 1e-12);
	/* the label does not matter, the kind and amount do */
	cr_expect_float_eq(wn_drugref_form_factor(&d, &solution), 1.0, 1e-12);
	cr_expect_float_eq(wn_drugref_form_factor(&d, &tablet), 1.0, 1e-12);
	cr_expect_float_eq(wn_drugref_form_factor(NULL, &drops), 1.0, 1e-12);
	cr_expect(wn_drugref_is_approximate(&d, "form_equiv"));
	char buf[32];
	cr_expect_eq(wn_drugref_src_of(&d, "form_equiv", buf, sizeof buf), 1);
	cr_expect_str_eq(buf, "S9");
	struct wn_drug s = get(ref, "sertraline");
	cr_expect_float_eq(wn_drugref_form_factor(&s, &drops), 1.0, 1e-12);
	wn_drugref_close(ref);
}

struct src_case { const char *key, *want; int n; };

Test(drugref, sources_of_one_key)
{
	static const struct src_case cases[] = {
		{ "sert", "S3 S2", 2 },
		{ "forms", "S11 S12 S9", 3 },
		{ "half_life_h", "S11 S32", 2 },
		{ "half_life", "", 0 },      /* a prefix of a key is not the key */
		{ "note", "S9", 1 },
		{ "nothing", "", 0 },
	};
	struct wn_drugref *ref = open_shipped();
	struct wn_drug d = get(ref, "escitalopram");
	for (size_t i = 0; i < N_OF(cases); i++) {
		char buf[32] = "x";
		cr_expect_eq(wn_drugref_src_of(&d, cases[i].key, buf, sizeof buf), cases[i].n,
		             "%s", cases[i].key);
		cr_expect_str_eq(buf, cases[i].want, "%s", cases[i].key);
	}
	char small[6];                   /* "S11 " does not fit after "S11" */
	cr_expect_eq(wn_drugref_src_of(&d, "forms", small, sizeof small), 1);
	cr_expect_str_eq(small, "S11");
	wn_drugref_close(ref);
}

/* ---- bad files --------------------------------------------------------------------- */

Test(drugref, missing_file)
{
	struct wn_drugref *ref = (struct wn_drugref *)1;
	struct wn_err err = { 0 };
	cr_expect_eq(wn_drugref_open("/nonexistent/wean/drugs.ini", &ref, &err), WN_NOINPUT);
	cr_expect_null(ref);
	cr_expect(strstr(err.msg, "/nonexistent/wean/drugs.ini") != NULL, "%s", err.msg);
	cr_expect_eq(wn_drugref_open(NULL, &ref, &err), WN_NOINPUT);
	cr_expect_eq(wn_drugref_open("x", NULL, &err), WN_USAGE);
}

struct bad_file { const char *name; const char *text; size_t len; const char *msg; };

#define TEXT(s) s, sizeof(s) - 1

static const struct bad_file bad_files[] = {
	{ "binary", TEXT("\x7f" "ELF\x02\x01\x01\0\0\0garbage\xff\xfe"), "not a text file" },
	{ "prose", TEXT("this is not an ini file\n"), ":1: not a [section]" },
	{ "empty", TEXT(""), "no drugs" },
	{ "comments only", TEXT("; nothing\n# here\n"), "no drugs" },
	{ "empty section", TEXT("[]\nclass = x\n"), ":1:" },
	{ "continuation", TEXT("[a]\nclass = x \\\n"), ":2:" },
	{ "no class", TEXT("[foo]\nhalf_life_h = 5\n"), "foo.class: missing" },
	{ "bad number", TEXT("[foo]\nclass = SSRI\nsert_emax_pct = lots\nsert_ed50_mg = 2\n"),
	  "foo.sert_emax_pct: not a positive number" },
	{ "half sert", TEXT("[foo]\nclass = SSRI\nsert_emax_pct = 80\n"),
	  "foo.sert_ed50_mg: Emax and ED50 go together" },
	{ "bad form", TEXT("[foo]\nclass = SSRI\nforms = tablet 25 kg\n"), "foo.forms: form" },
	{ "bad equiv", TEXT("[foo]\nclass = benzodiazepine\ndiazepam_equiv_mg = 2-1\n"),
	  "foo.diazepam_equiv_mg" },
	{ "long value", TEXT("[foo]\nclass = aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n"),
	  "foo.class: value too long" },
	{ "equiv factor", TEXT("[foo]\nclass = SSRI\nform_equiv = drops 40 mg/ml:lots\n"),
	  "foo.form_equiv: the factor" },
	{ "equiv form", TEXT("[foo]\nclass = SSRI\nform_equiv = drops 40 kg:1.25\n"),
	  "foo.form_equiv: form" },
	{ "equiv colon", TEXT("[foo]\nclass = SSRI\nform_equiv = drops 40 mg/ml\n"),
	  "foo.form_equiv: each item" },
	{ "class list", TEXT("[class_x]\npace_by = me\n[foo]\nclass = SSRI\n"),
	  "class_x.classes: missing" },
	{ "class cut alone", TEXT("[class_x]\nclasses = SSRI\npace_by = me\npace_max_cut_pct = 10\n"
	                          "[foo]\nclass = SSRI\n"),
	  "class_x.pace_per_days: pace_max_cut_pct and pace_per_days go together" },
	{ "class cut > 100", TEXT("[class_x]\nclasses = SSRI\npace_by = me\npace_max_cut_pct = 150\n"
	                          "pace_per_days = 7\n[foo]\nclass = SSRI\n"),
	  "class_x.pace_max_cut_pct: must be at most 100" },
	{ "class days", TEXT("[class_x]\nclasses = SSRI\npace_by = me\npace_min_taper_days = 1.5\n"
	                     "[foo]\nclass = SSRI\n"),
	  "class_x.pace_min_taper_days: not a whole number" },
	{ "class by", TEXT("[class_x]\nclasses = SSRI\npace_min_taper_days = 7\n[foo]\nclass = SSRI\n"),
	  "class_x.pace_by: missing" },
	{ "hazard by", TEXT("[class_x]\nclasses = SSRI\nstop_hazard = harm\n[foo]\nclass = SSRI\n"),
	  "class_x.stop_hazard_by: missing" },
	{ "unlisted source", TEXT("[foo]\nclass = SSRI\nsrc = class:S1 sert:S2\n[sources]\nS1 = a book\n"),
	  "foo.src: cites S2, which [sources] does not list" },
};

Test(drugref, bad_files_are_refused)
{
	make_tmpdir();
	char path[PATH_MAX + 16];
	snprintf(path, sizeof path, "%s/drugs.ini", tmpdir);
	for (size_t i = 0; i < N_OF(bad_files); i++) {
		const struct bad_file *c = &bad_files[i];
		struct wn_drugref *ref = NULL;
		struct wn_err err = { 0 };
		write_file(path, c->text, c->len);
		cr_expect_eq(wn_drugref_open(path, &ref, &err), WN_DATAERR, "%s", c->name);
		cr_expect_null(ref, "%s", c->name);
		cr_expect(strstr(err.msg, c->msg) != NULL, "%s: '%s'", c->name, err.msg);
		wn_drugref_close(ref);
	}
	/* a line longer than iniparser's buffer */
	char big[1200];
	memset(big, 'a', sizeof big);
	memcpy(big, "[x]\nk = ", 8);
	big[sizeof big - 1] = '\n';
	write_file(path, big, sizeof big);
	struct wn_drugref *ref = NULL;
	struct wn_err err = { 0 };
	cr_expect_eq(wn_drugref_open(path, &ref, &err), WN_DATAERR);
	cr_expect(strstr(err.msg, "line too long") != NULL, "%s", err.msg);
	const char *files[] = { path };
	cleanup(files, 1);
}

Test(drugref, small_valid_file)
{
	static const char text[] =
		"; a tiny reference\n"
		"[Foo]\n"
		"class = SSRI\n"
		"half_life_h = 10-20\n"
		"sert_emax_pct = 80\n"
		"sert_ed50_mg = 2\n"
		"forms = tablet 5 mg /2 | liquid 1 mg/ml\n"
		"approximate = half_life_h\n"
		"src = half_life_h:S1\n"
		"form_equiv = drops 2 mg/ml:1.5 | capsule 5 mg:0.8\n"
		"[Bar]\n"
		"class = other\n"
		"[class_slow]\n"
		"classes = tricyclic | ssri\n"
		"pace_max_cut_pct = 20\n"
		"pace_per_days = 30\n"
		"pace_by = a book\n"
		"pace_src = S1\n"
		"approximate = pace_per_days\n"
		"[sources]\n"
		"S1 = A book\n";
	make_tmpdir();
	char path[PATH_MAX + 16];
	snprintf(path, sizeof path, "%s/drugs.ini", tmpdir);
	write_file(path, text, sizeof text - 1);
	struct wn_drugref *ref = NULL;
	struct wn_err err = { 0 };
	cr_assert_eq(wn_drugref_open(path, &ref, &err), WN_OK, "%s", err.msg);
	struct wn_drug none;
	cr_expect_eq(wn_drugref_lookup(ref, "class_slow", &none, NULL), WN_NOINPUT,
	             "a class section is no drug");
	struct wn_drug d = get(ref, "FOO");
	cr_expect_str_eq(d.pace.name, "slow");      /* "SSRI" matches "ssri" */
	cr_expect_float_eq(d.pace.max_cut_pct, 20, 1e-12);
	cr_expect_eq(d.pace.per_days, 30);
	cr_expect(d.pace.approximate);
	cr_expect_str_eq(get(ref, "bar").pace.name, "");
	cr_assert_eq(d.n_equiv, 2);
	cr_expect_float_eq(d.equiv[0].factor, 1.5, 1e-12);
	cr_expect_eq(d.equiv[1].form.kind, WN_TAPER_CAPSULE);
	cr_expect_float_eq(wn_drugref_form_factor(&d, &d.equiv[1].form), 0.8, 1e-12);
	cr_expect_str_eq(d.name, "foo");
	cr_expect_str_eq(d.half_life_h, "10-20");
	cr_expect_eq(d.n_forms, 2);
	cr_expect_eq(d.forms[0].divisible, 2);
	cr_expect_eq(d.forms[1].kind, WN_TAPER_LIQUID);
	cr_expect_str_eq(d.src, "half_life_h:S1");
	wn_drugref_close(ref);
	const char *files[] = { path };
	cleanup(files, 1);
}

