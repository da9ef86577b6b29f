/* SPDX-License-Identifier: GPL-3.0-or-later */
/* med.c (db) -- the medications of the diary and their forms; see
 * db/med.h.  Names match as core's wn_text_same_name says (case folded in
 * every script), compared in C over the list (a diary holds a handful of
 * medications): SQLite's NOCASE folds ASCII only. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_int.h"
#include "db/med.h"
#include "db/plan.h"
#include "core/med.h"
#include "core/text.h"
#include "core/plan.h"
#include "core/records.h"

/* ---- medications ------------------------------------------------------------ */

static int read_med(sqlite3_stmt *st, void *item)
{
	struct wn_med *m = item;
	m->id = (long)sqlite3_column_int64(st, 0);
	wn_db_col_copy(st, 1, m->name, sizeof m->name);
	wn_db_col_copy(st, 2, m->unit, sizeof m->unit);
	wn_db_col_copy(st, 3, m->drug_key, sizeof m->drug_key);
	return 0;
}

#define MED_COLS "SELECT id, name, unit, ifnull(drug_key, '') FROM medication"

static int check_med(const struct wn_med *m, struct wn_err *err)
{
	int rc = wn_db_check_name("medication name", m->name, sizeof m->name,
	                          WN_NAME_MAX, err);
	if (rc == WN_OK && m->unit[0])
		rc = wn_db_check_name("unit", m->unit, sizeof m->unit,
		                      sizeof m->unit - 1, err);
	if (rc == WN_OK && m->drug_key[0])
		rc = wn_db_check_name("drug key", m->drug_key, sizeof m->drug_key,
		                      WN_NAME_MAX, err);
	return rc;
}

/* The medication called name: WN_NOINPUT (message unset) when none. */
static int med_named(struct wn_db *db, const char *name, struct wn_med *out,
                     struct wn_err *err)
{
	static const char sql[] = MED_COLS " ORDER BY id";
	const struct wn_db_match m = {
		.sql = sql, .name = name,
		.rows = { sizeof *out, read_med, "find the medication" },
	};
	return wn_db_find_name(db, &m, out, err);
}

/* WN_DATAERR when a medication of that name (any case, any script) is in
 * the diary already. */
static int check_new_med(struct wn_db *db, const struct wn_med *m,
                         struct wn_err *err)
{
	struct wn_med have;
	int rc = med_named(db, m->name, &have, err);
	if (rc == WN_OK)
		return wn_err_set(err, WN_DATAERR,
		                  "a medication named \"%s\" already exists", m->name);
	return rc == WN_NOINPUT ? WN_OK : rc;
}

int wn_db_med_add(struct wn_db *db, const struct wn_med *m, long *id_out,
                  struct wn_err *err)
{
	static const char sql[] =
		"INSERT INTO medication(name, unit, drug_key) VALUES (?1, ?2, ?3)";
	sqlite3_stmt *st;
	int rc = check_med(m, err);
	if (rc == WN_OK)
		rc = check_new_med(db, m, err);
	if (rc == WN_OK)
		rc = wn_db_stmt(db, sql, &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_text(st, 1, m->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, m->unit[0] ? m->unit : "mg", -1, SQLITE_STATIC);
	if (m->drug_key[0])
		sqlite3_bind_text(st, 3, m->drug_key, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_CONSTRAINT_UNIQUE) {
		sqlite3_reset(st);
		return wn_err_set(err, WN_DATAERR,
		                  "a medication named \"%s\" already exists", m->name);
	}
	if (rc == SQLITE_DONE && id_out)
		*id_out = (long)sqlite3_last_insert_rowid(db->sql);
	return wn_db_finish(db, st, rc, "add the medication", err);
}

int wn_db_med_find(struct wn_db *db, const char *name, struct wn_med *out,
                   struct wn_err *err)
{
	int rc = med_named(db, name ? name : "", out, err);
	if (rc == WN_NOINPUT)
		wn_err_set(err, WN_NOINPUT, "no medication named \"%.64s\"",
		           name ? name : "");
	return rc;
}

int wn_db_med_get(struct wn_db *db, long id, struct wn_med *out,
                  struct wn_err *err)
{
	static const char sql[] = MED_COLS " WHERE id = ?1";
	static const struct wn_db_rows r = { sizeof *out, read_med,
	                                     "read the medication" };
	sqlite3_stmt *st;
	int rc = wn_db_stmt(db, sql, &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	rc = wn_db_fetch_one(db, st, &r, out, err);
	if (rc == WN_NOINPUT)
		wn_err_set(err, WN_NOINPUT, "no medication with id %ld", id);
	return rc;
}

int wn_db_med_list(struct wn_db *db, struct wn_med **out, size_t *n,
                   struct wn_err *err)
{
	static const char sql[] = MED_COLS " ORDER BY name, id";
	static const struct wn_db_rows r = { sizeof(struct wn_med), read_med,
	                                     "list the medications" };
	sqlite3_stmt *st;
	void *arr = NULL;
	*out = NULL;
	*n = 0;
	int rc = wn_db_stmt(db, sql, &st, err);
	if (rc == WN_OK)
		rc = wn_db_collect(db, st, &r, &arr, n, err);
	*out = arr;
	return rc;
}

/* ---- forms ------------------------------------------------------------------- */

static int check_form(const struct wn_med_form *f, struct wn_err *err)
{
	if (f->kind < WN_FORM_TABLET || f->kind > WN_FORM_OTHER)
		return wn_err_set(err, WN_DATAERR, "unknown form kind %d", f->kind);
	int div = f->divisible;
	if (div != 0 && div != 1 && div != 2 && div != 4)
		return wn_err_set(err, WN_DATAERR,
		                  "a tablet divides into 1, 2 or 4 parts (got %d)", div);
	if (!(f->strength >= 0 && f->strength < 100000) ||
	    !(f->conc >= 0 && f->conc < 100000))
		return wn_err_set(err, WN_DATAERR, "strength must be 0..100000");
	if (f->beads < 0 || f->beads > 100000)
		return wn_err_set(err, WN_DATAERR, "bead count must be 0..100000");
	bool unit_form = f->kind == WN_FORM_TABLET || f->kind == WN_FORM_CAPSULE ||
	                 f->kind == WN_FORM_BEADS;
	if (unit_form && f->strength <= 0)
		return wn_err_set(err, WN_DATAERR,
		                  "a tablet or capsule needs its strength");
	if (f->kind == WN_FORM_LIQUID && f->conc <= 0)
		return wn_err_set(err, WN_DATAERR, "a liquid needs its concentration");
	if (f->kind == WN_FORM_BEADS && f->beads <= 0)
		return wn_err_set(err, WN_DATAERR, "a bead capsule needs its bead count");
	if (!memchr(f->label, '\0', sizeof f->label))
		return wn_err_set(err, WN_DATAERR, "form label is too long");
	return wn_db_check_text("form label", f->label, sizeof f->label - 1,
	                        false, err);
}

int wn_db_form_add(struct wn_db *db, const struct wn_med_form *f, long *id_out,
                   struct wn_err *err)
{
	static const char sql[] = "INSERT INTO med_form(med_id, kind, strength,"
		" divisible, conc, beads, label) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
	sqlite3_stmt *st;
	int rc = check_form(f, err);
	if (rc == WN_OK)
		rc = wn_db_stmt(db, sql, &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, f->med_id);
	sqlite3_bind_int(st, 2, f->kind);
	sqlite3_bind_double(st, 3, f->strength);
	sqlite3_bind_int(st, 4, f->divisible ? f->divisible : 1);
	sqlite3_bind_double(st, 5, f->conc);
	sqlite3_bind_int(st, 6, f->beads);
	sqlite3_bind_text(st, 7, f->label, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_CONSTRAINT_FOREIGNKEY) {
		sqlite3_reset(st);
		return wn_err_set(err, WN_NOINPUT, "no medication with id %ld", f->med_id);
	}
	if (rc == SQLITE_DONE && id_out)
		*id_out = (long)sqlite3_last_insert_rowid(db->sql);
	return wn_db_finish(db, st, rc, "add the form", err);
}

static int read_form(sqlite3_stmt *st, void *item)
{
	struct wn_med_form *f = item;
	f->id = (long)sqlite3_column_int64(st, 0);
	f->med_id = (long)sqlite3_column_int64(st, 1);
	f->kind = sqlite3_column_int(st, 2);
	f->strength = sqlite3_column_double(st, 3);
	f->divisible = sqlite3_column_int(st, 4);
	f->conc = sqlite3_column_double(st, 5);
	f->beads = sqlite3_column_int(st, 6);
	wn_db_col_copy(st, 7, f->label, sizeof f->label);
	return 0;
}

int wn_db_form_list(struct wn_db *db, long med_id, struct wn_med_form **out,
                    size_t *n, struct wn_err *err)
{
	static const char sql[] = "SELECT id, med_id, kind, strength, divisible,"
		" conc, beads, label FROM med_form WHERE med_id = ?1 ORDER BY id";
	static const struct wn_db_rows r = { sizeof(struct wn_med_form), read_form,
	                                     "list the forms" };
	sqlite3_stmt *st;
	void *arr = NULL;
	*out = NULL;
	*n = 0;
	int rc = wn_db_stmt(db, sql, &st, err);
	if (rc == WN_OK) {
		sqlite3_bind_int64(st, 1, med_id);
		rc = wn_db_collect(db, st, &r, &arr, n, err);
	}
	*out = arr;
	return rc;
}

/* ---- adding with forms ------------------------------------------------------- */

int wn_db_med_create(struct wn_db *db, struct wn_med *m, struct wn_med_form *forms,
                     size_t n, struct wn_err *err)
{
	struct wn_drug drug;
	char name[WN_NAME_MAX + 1];
	int rc = wn_text_check_name(m->name, name, sizeof name, err);
	if (rc != WN_OK)
		return rc;
	snprintf(m->name, sizeof m->name, "%s", name);
	m->drug_key[0] = '\0';
	if (wn_plan_drug(m, &drug, NULL) == WN_OK)
		snprintf(m->drug_key, sizeof m->drug_key, "%s", drug.name);
	/* inside the caller's transaction when one is open (the setup adds a
	 * plan in the same one), else in its own */
	bool own;
	if ((rc = wn_db_tx_enter(db, &own, err)) != WN_OK)
		return rc;
	rc = wn_db_med_add(db, m, &m->id, err);
	for (size_t i = 0; rc == WN_OK && i < n; i++) {
		forms[i].med_id = m->id;
		rc = wn_db_form_add(db, &forms[i], NULL, err);
	}
	return wn_db_tx_leave(db, own, rc, err);
}

/* ---- correcting ------------------------------------------------------------------ */

static int med_rename(struct wn_db *db, struct wn_med *m, const char *name,
                      struct wn_err *err)
{
	static const char sql[] = "UPDATE medication SET name = ?2, drug_key = ?3 WHERE id = ?1";
	struct wn_med have, next = *m;
	struct wn_drug drug;
	sqlite3_stmt *st;
	int rc = wn_text_check_name(name, next.name, sizeof next.name, err);
	if (rc != WN_OK)
		return rc;
	rc = med_named(db, next.name, &have, err);
	if (rc == WN_OK && have.id != m->id)
		return wn_err_set(err, WN_DATAERR, "a medication named \"%s\" already exists",
		                  have.name);
	if (rc != WN_OK && rc != WN_NOINPUT)
		return rc;
	next.drug_key[0] = '\0';
	if (wn_plan_drug(&next, &drug, NULL) == WN_OK)
		snprintf(next.drug_key, sizeof next.drug_key, "%s", drug.name);
	if ((rc = check_med(&next, err)) != WN_OK || (rc = wn_db_stmt(db, sql, &st, err)) != WN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, m->id);
	sqlite3_bind_text(st, 2, next.name, -1, SQLITE_STATIC);
	wn_db_bind_text_opt(st, 3, next.drug_key);
	rc = sqlite3_step(st);
	if (rc == SQLITE_CONSTRAINT_UNIQUE) {
		sqlite3_reset(st);
		return wn_err_set(err, WN_DATAERR, "a medication named \"%s\" already exists",
		                  next.name);
	}
	return wn_db_finish(db, st, rc, "rename the medication", err);
}

static int med_set_unit(struct wn_db *db, long id, const char *unit, struct wn_err *err)
{
	static const char sql[] = "UPDATE medication SET unit = ?2 WHERE id = ?1";
	sqlite3_stmt *st;
	int rc = wn_db_check_name("unit", unit, 16, 15, err);
	if (rc == WN_OK)
		rc = wn_db_stmt(db, sql, &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, unit, -1, SQLITE_STATIC);
	return wn_db_finish(db, st, sqlite3_step(st), "change the unit", err);
}

/* "tablet 25 mg, halves; liquid 2 mg/mL" into buf. */
static void forms_text(const struct wn_med_form *f, size_t n, const char *unit,
                       char *buf, size_t size)
{
	size_t len = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < n && len + 1 < size; i++) {
		char t[160];
		wn_med_form_format(&f[i], unit, t, sizeof t);
		len += (size_t)snprintf(buf + len, size - len, "%s%s", i ? "; " : "", t);
	}
	if (!n)
		snprintf(buf, size, "none");
}

/* The one form of forms[0..n) that w names: its index, or -1 with the
 * error set. */
static int form_named(const struct wn_med *m, const struct wn_med_form *f, size_t n,
                      const char *w, struct wn_err *err)
{
	char list[320];
	int found = -1, count = 0;
	for (size_t i = 0; i < n; i++)
		if (wn_med_form_named(&f[i], m->unit, w)) {
			found = (int)i;
			count++;
		}
	if (count == 1)
		return found;
	forms_text(f, n, m->unit, list, sizeof list);
	if (count == 0)
		wn_err_set(err, WN_DATAERR, "%s has no form '%.60s' (its forms: %s)", m->name, w, list);
	else
		wn_err_set(err, WN_DATAERR, "'%.60s' names %d forms of %s (%s); give the whole form",
		           w, count, m->name, list);
	return -1;
}

static int form_delete(struct wn_db *db, long id, struct wn_err *err)
{
	static const char sql[] = "DELETE FROM med_form WHERE id = ?1";
	sqlite3_stmt *st;
	int rc = wn_db_stmt(db, sql, &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	return wn_db_finish(db, st, sqlite3_step(st), "remove the form", err);
}

/* Each form e->remove names, matched in the forms as they were. */
static int forms_remove(struct wn_db *db, const struct wn_med *m,
                        const struct wn_med_edit *e, struct wn_err *err)
{
	struct wn_med_form *f;
	size_t n;
	int rc = wn_db_form_list(db, m->id, &f, &n, err);
	for (size_t i = 0; rc == WN_OK && i < e->n_remove; i++) {
		int k = form_named(m, f, n, e->remove[i], err);
		rc = k < 0 ? WN_DATAERR : form_delete(db, f[k].id, err);
		if (k >= 0)
			f[k] = f[--n];
	}
	free(f);
	return rc;
}

/* What the active plan rounds to: whether there is one, its start, its
 * forms and whether it is kept on a form still recorded. */
struct plan_forms {
	bool has;
	wn_date start;
	int n_forms;
	bool missing;
	char label[64];
};

static int plan_forms(struct wn_db *db, long med_id, struct plan_forms *out,
                      struct wn_err *err)
{
	struct wn_plan p = { 0 };
	int rc = wn_db_plan_load(db, med_id, &p, err);
	*out = (struct plan_forms){ .has = rc == WN_OK };
	if (rc == WN_OK) {
		out->start = p.params.start;
		out->n_forms = p.n_forms;
		out->missing = p.form_missing;
		snprintf(out->label, sizeof out->label, "%s", p.form_label);
	}
	wn_plan_free(&p);
	if (rc == WN_NOINPUT)
		wn_err_clear(err);
	return rc == WN_NOINPUT ? WN_OK : rc;
}

/* WN_DATAERR when the forms as changed take from the active plan what it
 * rounds to. */
static int plan_keeps(const struct wn_med *m, const struct plan_forms *was,
                      const struct plan_forms *now, struct wn_err *err)
{
	char d[WN_DATE_STRLEN];
	if (!was->has)
		return WN_OK;
	wn_date_format(was->start, d);
	if (now->missing && !was->missing && was->label[0]) {
		wn_err_set(err, WN_DATAERR, "%s's plan from %s rounds to its form '%s'",
		           m->name, d, was->label);
		wn_err_hint(err, "add the form you have now in the same command (--add-form),"
		            " or change the plan first");
		return WN_DATAERR;
	}
	if (now->n_forms == 0 && was->n_forms > 0) {
		wn_err_set(err, WN_DATAERR, "%s's plan from %s needs a form: the last one stays",
		           m->name, d);
		wn_err_hint(err, "add the form you have now in the same command (--add-form)");
		return WN_DATAERR;
	}
	return WN_OK;
}

static int med_apply(struct wn_db *db, struct wn_med *m, const struct wn_med_edit *e,
                     struct wn_err *err)
{
	struct plan_forms was, now;
	int rc = plan_forms(db, m->id, &was, err);
	if (rc == WN_OK && e->n_remove)
		rc = forms_remove(db, m, e, err);
	for (size_t i = 0; rc == WN_OK && i < e->n_add; i++) {
		e->add[i].med_id = m->id;
		rc = wn_db_form_add(db, &e->add[i], NULL, err);
	}
	if (rc == WN_OK && e->unit)
		rc = med_set_unit(db, m->id, e->unit, err);
	if (rc == WN_OK && e->rename)
		rc = med_rename(db, m, e->rename, err);
	if (rc == WN_OK && (e->n_remove || e->n_add))
		rc = plan_forms(db, m->id, &now, err);
	if (rc == WN_OK && (e->n_remove || e->n_add))
		rc = plan_keeps(m, &was, &now, err);
	return rc;
}

int wn_db_med_edit(struct wn_db *db, struct wn_med *m, const struct wn_med_edit *e,
                   struct wn_err *err)
{
	bool own;
	int rc = wn_db_med_get(db, m->id, m, err);
	if (rc != WN_OK || (rc = wn_db_tx_enter(db, &own, err)) != WN_OK)
		return rc;
	rc = med_apply(db, m, e, err);
	if (rc == WN_OK)
		rc = wn_db_med_get(db, m->id, m, err);
	return wn_db_tx_leave(db, own, rc, err);
}
