/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for med.c (core and db): units, forms in the medication's
 * unit, adding a medication with its forms all or nothing, and names that
 * match in every script. */
#include <criterion/criterion.h>
#include <sqlite3.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/med.h"
#include "db/db.h"
#include "db/plan.h"
#include "core/med.h"
#include "core/plan.h"
#include "core/records.h"
#include "tmpdir.h"
#include "db/db_int.h"   /* the raw handle, to plant an old diary's names */

static char mdir[4096];

static void m_setup(void)
{
	wn_test_mkdtemp(mdir, sizeof mdir, "med");
}

static void m_teardown(void)
{
	wn_test_rmtree(mdir);
}

static struct wn_db *m_open(void)
{
	char path[4200];
	struct wn_err err = { 0 };
	snprintf(path, sizeof path, "%s/d.db", mdir);
	struct wn_db_opts o = { .path = path, .create = true };
	struct wn_db *db = NULL;
	cr_assert_eq(wn_db_open(&db, &o, &err), WN_OK, "%s", err.msg);
	return db;
}

static size_t n_meds(struct wn_db *db)
{
	struct wn_med *m;
	size_t n;
	cr_assert_eq(wn_db_med_list(db, &m, &n, NULL), WN_OK);
	free(m);
	return n;
}

TestSuite(med, .init = m_setup, .fini = m_teardown);

Test(med, units_any_case_with_did_you_mean)
{
	char u[16];
	struct wn_err err = { 0 };
	cr_assert_eq(wn_med_unit_check("ML", u, sizeof u, &err), WN_OK);
	cr_assert_str_eq(u, "mL");
	cr_assert_eq(wn_med_unit_check("kg", u, sizeof u, &err), WN_DATAERR);
	cr_assert(strstr(err.msg, "did you mean 'mg'"), "%s", err.msg);
}

Test(med, forms_in_the_medications_unit)
{
	struct wn_med_form f;
	struct wn_err err = { 0 };
	char b[128];
	cr_assert_eq(wn_med_form_parse("tablet 50 mcg half", "mcg", &f, &err), WN_OK, "%s", err.msg);
	cr_assert_eq(f.kind, WN_FORM_TABLET);
	cr_assert_float_eq(f.strength, 50, 1e-9);
	cr_assert_eq(f.divisible, 2);
	wn_med_form_format(&f, "mcg", b, sizeof b);
	cr_assert_str_eq(b, "tablet 50 mcg, halves");
	cr_assert_eq(wn_med_form_parse("liquid 2 mg/ml", "mg", &f, &err), WN_OK);
	wn_med_form_format(&f, "mg", b, sizeof b);
	cr_assert_str_eq(b, "liquid 2 mg/mL");
	cr_assert_eq(wn_med_form_parse("pill big", "mg", &f, &err), WN_DATAERR);
	cr_assert(strstr(err.hint, "tablet 25 mg half"), "%s", err.hint);
}

/* The step of a liquid lives in the form's text: stored, read back and
 * written in the medication's unit; "by 0.05 ml" stays mL in a medication
 * measured in mL. */
Test(med, liquid_step_kept_in_the_text)
{
	struct wn_db *db = m_open();
	struct wn_med m = { .name = "sertraline", .unit = "mcg" };
	struct wn_med_form f[2], *got;
	struct wn_form tf;
	struct wn_err err = { 0 };
	char b[128];
	size_t n;
	cr_assert_eq(wn_med_form_parse("liquid 20 mcg/ml by 0.01 ml", "mcg", &f[0], &err), WN_OK,
	             "%s", err.msg);
	cr_assert_eq(wn_med_form_parse("liquid 20 mcg/ml", "mcg", &f[1], &err), WN_OK);
	cr_assert_eq(wn_db_med_create(db, &m, f, 2, &err), WN_OK, "%s", err.msg);
	cr_assert_eq(wn_db_form_list(db, m.id, &got, &n, &err), WN_OK);
	cr_assert_eq(n, 2);
	wn_med_form_format(&got[0], "mcg", b, sizeof b);
	cr_expect_str_eq(b, "liquid 20 mcg/mL by 0.01 mL");
	wn_med_form_format(&got[1], "mcg", b, sizeof b);
	cr_expect_str_eq(b, "liquid 20 mcg/mL");
	wn_plan_form_from_med(&got[0], &tf);
	cr_expect_eq(tf.kind, WN_TAPER_LIQUID);
	cr_expect_float_eq(tf.ml_step, 0.01, 1e-12);
	cr_expect_str_eq(tf.label, "liquid");
	wn_plan_form_from_med(&got[1], &tf);
	cr_expect_float_eq(tf.ml_step, 0.1, 1e-12);
	free(got);
	cr_assert_eq(wn_med_form_parse("liquid 1 mL/ml by 0.05 ml", "mL", &f[0], &err), WN_OK,
	             "%s", err.msg);
	cr_expect_float_eq(f[0].conc, 1, 1e-12);
	wn_med_form_format(&f[0], "mL", b, sizeof b);
	cr_expect_str_eq(b, "liquid 1 mL/mL by 0.05 mL");
	wn_db_close(db);
}

/* The text is the only place the step is kept: a text the label cannot
 * hold whole is refused when the cut would lose "by N ml". */
Test(med, liquid_step_too_long_to_keep)
{
	struct wn_med_form f;
	struct wn_err err = { 0 };
	/* 72 bytes: the label keeps 63, "... 20 mg/ml b" */
	const char *lost = "oral solution from the hospital pharmacy, sugar free 20 mg/ml by 0.01 ml";
	const char *kept = "oral solution from the hospital pharmacy, sugar free, lemon 20 mg/ml";
	cr_assert_gt(strlen(lost), 63);
	cr_assert_gt(strlen(kept), 63);
	cr_expect_eq(wn_med_form_parse(lost, "mg", &f, &err), WN_DATAERR);
	cr_expect(strstr(err.msg, "too long to keep 'by ... ml'"), "%s", err.msg);
	cr_expect_eq(wn_med_form_parse(kept, "mg", &f, &err), WN_OK, "%s", err.msg);
}

Test(med, create_with_forms_knows_the_drug)
{
	struct wn_db *db = m_open();
	struct wn_med m = { .name = "Sertraline", .unit = "mg" };
	struct wn_med_form f[2];
	struct wn_err err = { 0 };
	cr_assert_eq(wn_med_form_parse("tablet 50 mg half", "mg", &f[0], &err), WN_OK);
	cr_assert_eq(wn_med_form_parse("liquid 20 mg/ml", "mg", &f[1], &err), WN_OK);
	cr_assert_eq(wn_db_med_create(db, &m, f, 2, &err), WN_OK, "%s", err.msg);
	cr_assert_gt(m.id, 0);
	cr_assert_str_eq(m.drug_key, "sertraline");
	struct wn_med_form *got;
	size_t n;
	cr_assert_eq(wn_db_form_list(db, m.id, &got, &n, &err), WN_OK);
	cr_assert_eq(n, 2);
	free(got);
	wn_db_close(db);
}

Test(med, refused_name_writes_nothing)
{
	struct wn_db *db = m_open();
	struct wn_med a = { .name = "paroxetine", .unit = "mg" };
	struct wn_med b = { .name = "PAROXETINE", .unit = "mg" };
	struct wn_med c = { .name = "", .unit = "mg" };
	struct wn_med_form f;
	struct wn_err err = { 0 };
	cr_assert_eq(wn_db_med_create(db, &a, NULL, 0, &err), WN_OK, "%s", err.msg);
	cr_assert_eq(wn_med_form_parse("tablet 20 mg", "mg", &f, &err), WN_OK);
	cr_assert_eq(wn_db_med_create(db, &b, &f, 1, &err), WN_DATAERR);
	cr_assert_eq(wn_db_med_create(db, &c, NULL, 0, &err), WN_DATAERR);
	cr_assert_eq(n_meds(db), 1);
	struct wn_med_form *got;
	size_t n;
	cr_assert_eq(wn_db_form_list(db, a.id, &got, &n, &err), WN_OK);
	cr_assert_eq(n, 0, "a refused medication's form was kept");
	free(got);
	wn_db_close(db);
}

Test(med, inside_the_callers_transaction)
{
	struct wn_db *db = m_open();
	struct wn_med m = { .name = "mirtazapine", .unit = "mg" };
	struct wn_err err = { 0 };
	cr_assert_eq(wn_db_begin(db, &err), WN_OK);
	cr_assert_eq(wn_db_med_create(db, &m, NULL, 0, &err), WN_OK, "%s", err.msg);
	wn_db_rollback(db);
	cr_assert_eq(n_meds(db), 0, "the caller's rollback must undo the medication");
	wn_db_close(db);
}

/* Names fold case in every script and compare in NFC: one of each. */
Test(med, names_match_in_every_script)
{
	static const struct {
		const char *first, *again;
		bool same;
	} cases[] = {
		{ .first = "Сертралин", .again = "сертралин", .same = true },
		{ .first = "ΟΔΥΣΣΕΥΣ", .again = "οδυσσευς", .same = true },  /* final sigma */
		{ .first = "Straße", .again = "STRASSE", .same = true },      /* ß */
		{ .first = "ılaç", .again = "ilaç", .same = false },   /* dotless i */
		{ .first = "İnci", .again = "inci", .same = false },  /* dotted İ */
		{ .first = "café", .again = "CAFE\xCC\x81", .same = true },  /* NFC */
		{ .first = "Paroxetine", .again = "PAROXETINE", .same = true },
	};
	struct wn_db *db = m_open();
	struct wn_err err = { 0 };

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct wn_med a = { .unit = "mg" }, b = { .unit = "mg" }, got;
		snprintf(a.name, sizeof a.name, "%s", cases[i].first);
		snprintf(b.name, sizeof b.name, "%s", cases[i].again);
		cr_assert_eq(wn_db_med_create(db, &a, NULL, 0, &err), WN_OK, "%s", err.msg);
		int want = cases[i].same ? WN_OK : WN_NOINPUT;
		cr_expect_eq(wn_db_med_find(db, cases[i].again, &got, &err), want,
		             "case %zu: %s", i, err.msg);
		if (cases[i].same)
			cr_expect_eq(got.id, a.id, "case %zu", i);
		want = cases[i].same ? WN_DATAERR : WN_OK;
		cr_expect_eq(wn_db_med_create(db, &b, NULL, 0, &err), want,
		             "case %zu: %s", i, err.msg);
		if (cases[i].same)
			cr_expect(strstr(err.msg, "already exists"), "case %zu: %s", i, err.msg);
	}
	wn_db_close(db);
}

Test(med, invisible_and_bidi_names_refused)
{
	static const struct {
		const char *name, *msg;
	} cases[] = {
		{ .name = "sertra\u200Bline", .msg = "invisible character U+200B" },
		{ .name = "\u202Esertraline", .msg = "bidi control character U+202E" },
		{ .name = "sertraline\u2066", .msg = "bidi control character U+2066" },
		{ .name = "\u200F\u200E", .msg = "U+200F" },
		{ .name = "\u0301", .msg = "no visible characters" },
	};
	struct wn_db *db = m_open();

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct wn_err err = { 0 };
		struct wn_med m = { .unit = "mg" };
		snprintf(m.name, sizeof m.name, "%s", cases[i].name);
		cr_expect_eq(wn_db_med_create(db, &m, NULL, 0, &err), WN_DATAERR, "case %zu", i);
		cr_expect(strstr(err.msg, cases[i].msg), "case %zu: %s", i, err.msg);
		cr_expect_eq(wn_db_med_add(db, &m, NULL, &err), WN_DATAERR, "case %zu", i);
		cr_expect(strstr(err.msg, "medication name"), "case %zu: %s", i, err.msg);
	}
	cr_expect_eq(n_meds(db), 0);
	wn_db_close(db);
}

/* An older diary may hold two names that now fold the same: the exact one
 * is found first, else the oldest. */
Test(med, exact_name_wins_over_folded)
{
	struct wn_db *db = m_open();
	struct wn_err err = { 0 };
	struct wn_med got;
	cr_assert_eq(sqlite3_exec(wn_db_sqlite(db), "INSERT INTO medication(name, unit)"
	             " VALUES ('Сертралин', 'mg'), ('сертралин', 'mL')", NULL, NULL, NULL),
	             SQLITE_OK);
	cr_assert_eq(wn_db_med_find(db, "сертралин", &got, &err), WN_OK, "%s", err.msg);
	cr_expect_str_eq(got.unit, "mL");
	cr_assert_eq(wn_db_med_find(db, "Сертралин", &got, &err), WN_OK, "%s", err.msg);
	cr_expect_str_eq(got.unit, "mg");
	cr_assert_eq(wn_db_med_find(db, "СЕРТРАЛИН", &got, &err), WN_OK, "%s", err.msg);
	cr_expect_str_eq(got.unit, "mg", "the oldest of the folded matches");
	wn_db_close(db);
}

/* ---- wn_db_med_edit ---------------------------------------------------------------- */

/* sertraline with two forms: "tablet 50 mg half" and "liquid 20 mg/ml". */
static struct wn_med two_forms(struct wn_db *db)
{
	struct wn_med m = { .name = "sertraline", .unit = "mg" };
	struct wn_med_form f[2];
	struct wn_err err = { 0 };
	cr_assert_eq(wn_med_form_parse("tablet 50 mg half", "mg", &f[0], &err), WN_OK);
	cr_assert_eq(wn_med_form_parse("liquid 20 mg/ml", "mg", &f[1], &err), WN_OK);
	cr_assert_eq(wn_db_med_create(db, &m, f, 2, &err), WN_OK, "%s", err.msg);
	return m;
}

static size_t n_forms(struct wn_db *db, long med_id)
{
	struct wn_med_form *f;
	size_t n;
	cr_assert_eq(wn_db_form_list(db, med_id, &f, &n, NULL), WN_OK);
	free(f);
	return n;
}

static void add_plan(struct wn_db *db, long med_id, const char *form)
{
	struct wn_err err = { 0 };
	struct wn_plan_spec s = { .med_id = med_id, .method = WN_TAPER_PERCENT,
	                          .start = wn_date_from_ymd(2026, 11, 1), .from_dose = 50,
	                          .step = 10, .every_days = 28, .form_label = form };
	cr_assert_eq(wn_db_plan_add(db, &s, NULL, &err), WN_OK, "%s", err.msg);
}

Test(med, a_form_is_named_by_its_text_or_its_kind)
{
	struct wn_med_form f;
	struct wn_err err = { 0 };
	cr_assert_eq(wn_med_form_parse("tablet 50 mg half", "mg", &f, &err), WN_OK);
	cr_expect(wn_med_form_named(&f, "mg", "tablet 50 mg half"));
	cr_expect(wn_med_form_named(&f, "mg", " Tablet 50 mg, halves "));
	cr_expect(wn_med_form_named(&f, "mg", "tablets"));
	cr_expect(!wn_med_form_named(&f, "mg", "liquid"));
	cr_expect(!wn_med_form_named(&f, "mg", "tablet 25 mg"));
	cr_expect(!wn_med_form_named(&f, "mg", "  "));
}

Test(med, edit_adds_and_removes_forms_in_one_step)
{
	struct wn_db *db = m_open();
	struct wn_med m = two_forms(db);
	struct wn_med_form add;
	struct wn_err err = { 0 };
	const char *remove[] = { "liquid" };
	cr_assert_eq(wn_med_form_parse("capsule 25 mg", "mg", &add, &err), WN_OK);
	struct wn_med_edit e = { .add = &add, .n_add = 1, .remove = remove, .n_remove = 1 };
	cr_assert_eq(wn_db_med_edit(db, &m, &e, &err), WN_OK, "%s", err.msg);
	struct wn_med_form *f;
	size_t n;
	cr_assert_eq(wn_db_form_list(db, m.id, &f, &n, &err), WN_OK);
	cr_assert_eq(n, 2);
	cr_expect_eq(f[0].kind, WN_FORM_TABLET);
	cr_expect_eq(f[1].kind, WN_FORM_CAPSULE);
	free(f);
	wn_db_close(db);
}

Test(med, edit_refuses_an_unknown_or_ambiguous_form_and_writes_nothing)
{
	struct wn_db *db = m_open();
	struct wn_med m = two_forms(db);
	struct wn_med_form add;
	struct wn_err err = { 0 };
	cr_assert_eq(wn_med_form_parse("tablet 25 mg", "mg", &add, &err), WN_OK);
	const char *pill[] = { "pill" };
	struct wn_med_edit e = { .add = &add, .n_add = 1, .remove = pill, .n_remove = 1,
	                         .unit = "mcg" };
	cr_assert_eq(wn_db_med_edit(db, &m, &e, &err), WN_DATAERR);
	cr_expect(strstr(err.msg, "has no form 'pill'"), "%s", err.msg);
	cr_expect(strstr(err.msg, "liquid 20 mg/mL"), "the forms are listed: %s", err.msg);
	cr_expect_eq(n_forms(db, m.id), 2, "the added form was kept after a refusal");
	cr_assert_eq(wn_db_med_get(db, m.id, &m, &err), WN_OK);
	cr_expect_str_eq(m.unit, "mg", "the unit changed after a refusal");
	/* with two tablets, "tablet" names both */
	struct wn_med_edit e2 = { .add = &add, .n_add = 1 };
	cr_assert_eq(wn_db_med_edit(db, &m, &e2, &err), WN_OK, "%s", err.msg);
	const char *tablet[] = { "tablet" };
	struct wn_med_edit e3 = { .remove = tablet, .n_remove = 1 };
	cr_assert_eq(wn_db_med_edit(db, &m, &e3, &err), WN_DATAERR);
	cr_expect(strstr(err.msg, "names 2 forms"), "%s", err.msg);
	cr_expect_eq(n_forms(db, m.id), 3);
	wn_db_close(db);
}

Test(med, edit_keeps_the_form_a_plan_rounds_to)
{
	struct wn_db *db = m_open();
	struct wn_med m = two_forms(db);
	struct wn_err err = { 0 };
	add_plan(db, m.id, "tablet");
	const char *tablet[] = { "tablet 50 mg half" };
	struct wn_med_edit e = { .remove = tablet, .n_remove = 1 };
	cr_assert_eq(wn_db_med_edit(db, &m, &e, &err), WN_DATAERR);
	cr_expect(strstr(err.msg, "sertraline's plan from 2026-11-01 rounds to its"
	                 " form 'tablet'"), "%s", err.msg);
	cr_expect_eq(n_forms(db, m.id), 2);
	/* the other form may go; so may the tablet when another tablet comes */
	const char *liquid[] = { "liquid" };
	struct wn_med_edit e2 = { .remove = liquid, .n_remove = 1 };
	cr_assert_eq(wn_db_med_edit(db, &m, &e2, &err), WN_OK, "%s", err.msg);
	struct wn_med_form add;
	cr_assert_eq(wn_med_form_parse("tablet 25 mg", "mg", &add, &err), WN_OK);
	struct wn_med_edit e3 = { .remove = tablet, .n_remove = 1, .add = &add, .n_add = 1 };
	cr_assert_eq(wn_db_med_edit(db, &m, &e3, &err), WN_OK, "%s", err.msg);
	cr_expect_eq(n_forms(db, m.id), 1);
	wn_db_close(db);
}

Test(med, edit_keeps_the_last_form_of_a_planned_medication)
{
	struct wn_db *db = m_open();
	struct wn_med m = two_forms(db);
	struct wn_err err = { 0 };
	add_plan(db, m.id, NULL);
	const char *both[] = { "tablet", "liquid" };
	struct wn_med_edit e = { .remove = both, .n_remove = 2 };
	cr_assert_eq(wn_db_med_edit(db, &m, &e, &err), WN_DATAERR);
	cr_expect(strstr(err.msg, "needs a form: the last one stays"), "%s", err.msg);
	cr_expect_eq(n_forms(db, m.id), 2);
	struct wn_med_edit e2 = { .remove = both, .n_remove = 1 };
	cr_assert_eq(wn_db_med_edit(db, &m, &e2, &err), WN_OK, "%s", err.msg);
	cr_expect_eq(n_forms(db, m.id), 1);
	wn_db_close(db);
}

Test(med, edit_without_a_plan_may_remove_every_form)
{
	struct wn_db *db = m_open();
	struct wn_med m = two_forms(db);
	struct wn_err err = { 0 };
	const char *both[] = { "tablet", "liquid" };
	struct wn_med_edit e = { .remove = both, .n_remove = 2 };
	cr_assert_eq(wn_db_med_edit(db, &m, &e, &err), WN_OK, "%s", err.msg);
	cr_expect_eq(n_forms(db, m.id), 0);
	wn_db_close(db);
}

Test(med, edit_renames_and_corrects_the_unit)
{
	struct wn_db *db = m_open();
	struct wn_med m = two_forms(db);
	struct wn_med other = { .name = "paroxetine", .unit = "mg" };
	struct wn_err err = { 0 };
	cr_assert_eq(wn_db_med_create(db, &other, NULL, 0, &err), WN_OK);
	struct wn_med_edit taken = { .rename = "PAROXETINE" };
	cr_assert_eq(wn_db_med_edit(db, &m, &taken, &err), WN_DATAERR);
	cr_expect(strstr(err.msg, "already exists"), "%s", err.msg);
	struct wn_med_edit e = { .rename = "Zoloft", .unit = "mcg" };
	cr_assert_eq(wn_db_med_edit(db, &m, &e, &err), WN_OK, "%s", err.msg);
	cr_expect_str_eq(m.name, "Zoloft");
	cr_expect_str_eq(m.unit, "mcg");
	struct wn_med found;
	cr_assert_eq(wn_db_med_find(db, "zoloft", &found, &err), WN_OK);
	cr_expect_eq(found.id, m.id);
	/* a change of case only is the same medication */
	struct wn_med_edit e2 = { .rename = "zoloft" };
	cr_assert_eq(wn_db_med_edit(db, &m, &e2, &err), WN_OK, "%s", err.msg);
	cr_expect_str_eq(m.name, "zoloft");
	struct wn_med_edit bad = { .rename = " " };
	cr_assert_eq(wn_db_med_edit(db, &m, &bad, &err), WN_DATAERR);
	wn_db_close(db);
}
