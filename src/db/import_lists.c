/* SPDX-License-Identifier: GPL-3.0-or-later */
/* import_lists.c -- the lists of wean's JSON export (import.h): symptoms,
 * metrics, medications with their forms, plans with their steps, holds
 * and acknowledgements, and hold proposals.  A name already in the
 * diary (matched as wean matches names) is updated in place with the
 * settings the file gives; each row is checked by the rules the rest of
 * wean keeps, and against what the diary already holds (a unit that
 * doses depend on, ratings after a symptom's hiding, a second active
 * plan). */
#include "import_int.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/json.h"
#include "core/plan.h"
#include "core/records.h"
#include "core/taper.h"
#include "core/valid.h"
#include "db/med.h"
#include "db/plan.h"

#define FLAG01(k) { k, WN_F_INT, 0, 1, false, false, false }
#define STAMP(k) { k, WN_F_STAMP, 0, 19, false, false, false }
#define DATE_OR_NULL(k) { k, WN_F_DATE, 0, 10, true, false, false }
#define AMOUNT(k, nullable, required) \
	{ k, WN_F_REAL, 0, WN_VALID_AMOUNT_LIMIT - 0.001, nullable, required, false }

static struct wn_imp_val int_val(long v)
{
	return (struct wn_imp_val){ .type = SQLITE_INTEGER, .num = (double)v };
}

/* The first column of q's row (bound to id) as an integer, 0 when none. */
static int count_of(struct wn_imp *m, const char *q, long id, long *n, char *first)
{
	struct wn_imp_val p = int_val(id);
	sqlite3_stmt *st;
	*n = 0;
	int rc = wn_imp_first(m, q, &p, 1, &st);
	if (rc == WN_OK && st) {
		*n = (long)sqlite3_column_int64(st, 0);
		if (first)
			wn_db_col_copy(st, 1, first, WN_DATE_STRLEN);
		sqlite3_reset(st);
	}
	return rc;
}

/* A list's row: its fields, how it is written (q_update takes the values,
 * then the id of the name found; q_insert the values), a check of the
 * values against the diary before (may be NULL), and a query of what of
 * the diary the row written contradicts (its count and first date). */
struct list_kind {
	enum wn_imp_kind kind;
	const struct wn_imp_fs *fs;
	size_t n;
	const char *q_insert, *q_update, *q_after;
	int (*before)(struct wn_imp *m, const struct wn_imp_val *v,
	              const struct wn_imp_name *found, const char *where);
};

/* What list_row found and wrote. */
struct list_row {
	struct wn_imp_val v[16];
	struct wn_imp_name found;      /* id -1: the name is new */
	long id;                       /* of the row written */
	long after;                    /* rows of the diary it contradicts */
	char first[WN_DATE_STRLEN];    /* the first of them */
};

/* Reads, checks and writes one row of a list; the names looked up are
 * forgotten (their settings may have changed). */
static int list_row(struct wn_imp *m, const struct wn_json *o, const char *where,
                    const struct list_kind *k, struct list_row *r)
{
	*r = (struct list_row){ .found = { .id = -1 }, .id = -1 };
	int rc = wn_imp_fields(m, o, where, k->fs, k->n, r->v, NULL);
	if (rc == WN_OK)
		rc = wn_imp_name(m, k->kind, r->v[0].s, r->v[0].len, &r->found);
	if (rc == WN_OK && k->before)
		rc = k->before(m, r->v, &r->found, where);
	if (rc != WN_OK)
		return rc;
	r->v[k->n] = int_val(r->found.id);
	rc = r->found.id >= 0 ? wn_imp_bind_run(m, k->q_update, r->v, k->n + 1, where) :
	                        wn_imp_bind_run(m, k->q_insert, r->v, k->n, where);
	wn_imp_names_forget(m);
	r->id = r->found.id >= 0 ? r->found.id :
	        (long)sqlite3_last_insert_rowid(wn_db_sqlite(m->db));
	if (rc == WN_OK && r->found.id >= 0)
		rc = count_of(m, k->q_after, r->id, &r->after, r->first);
	return rc;
}

/* ---- symptoms ------------------------------------------------------------------- */

static const struct wn_imp_fs sym_fs[] = {
	{ "name", WN_F_NAME, 1, WN_NAME_MAX, false, true, false },
	{ "group", WN_F_NAME, 1, 32, false, false, false },
	{ "source", WN_F_INT, 0, 2, false, false, false }, FLAG01("hidden"),
	DATE_OR_NULL("hidden_on"), DATE_OR_NULL("first_seen"), FLAG01("preexisting"),
	{ "sort", WN_F_INT, -1e9, 1e9, false, false, false },
};
static const char q_sym_insert[] =
	"INSERT INTO symptom(name, grp, source, hidden, hidden_on, first_seen, preexisting, sort)"
	" VALUES (?1, ifnull(?2, 'other'), ifnull(?3, 2), ifnull(?4, 0), ?5, ?6, ifnull(?7, 0),"
	" ifnull(?8, 0))";
static const char q_sym_update[] =
	"UPDATE symptom SET grp = ifnull(?2, grp), source = ifnull(?3, source),"
	" hidden = ifnull(?4, hidden),"
	" hidden_on = CASE WHEN ?4 IS NULL THEN hidden_on WHEN ?4 = 1 THEN ?5 END,"
	" first_seen = ifnull(?6, first_seen), preexisting = ifnull(?7, preexisting),"
	" sort = ifnull(?8, sort) WHERE id = ?9";
static const char q_sym_late[] =
	"SELECT count(*), min(r.date) FROM rating r JOIN symptom s ON s.id = r.symptom_id"
	" WHERE s.id = ?1 AND s.hidden = 1 AND r.date > s.hidden_on";

int wn_imp_json_symptom(struct wn_imp *m, const struct wn_json *o, const char *where)
{
	static const struct list_kind k = { WN_IMP_SYMPTOM, sym_fs, 8, q_sym_insert,
	                                    q_sym_update, q_sym_late, NULL };
	struct list_row r;
	int rc = list_row(m, o, where, &k, &r);
	if (rc != WN_OK || r.after == 0)
		return rc;
	wn_err_set(m->err, WN_DATAERR, "line %d: %s: \"%s\" would be hidden from %s on, but"
	           " the diary has %ld rating(s) after that, the first on %s", o->line, where,
	           r.v[0].s, r.v[4].type == SQLITE_TEXT ? r.v[4].s : "?", r.after, r.first);
	wn_err_hint(m->err, "a hidden symptom is not rated; leave \"hidden\" out of the file");
	return WN_DATAERR;
}

/* ---- metrics ---------------------------------------------------------------------- */

static const struct wn_imp_fs met_fs[] = {
	{ "name", WN_F_NAME, 1, 31, false, true, false },
	{ "min", WN_F_REAL, -WN_VALID_METRIC_LIMIT, WN_VALID_METRIC_LIMIT, true, false, false },
	{ "max", WN_F_REAL, -WN_VALID_METRIC_LIMIT, WN_VALID_METRIC_LIMIT, true, false, false },
	FLAG01("higher_better"),
};
static const char q_met_insert[] =
	"INSERT INTO metric_def(name, min, max, higher_better) VALUES (?1, ?2, ?3, ifnull(?4, 1))";
static const char q_met_update[] =
	"UPDATE metric_def SET min = ifnull(?2, min), max = ifnull(?3, max),"
	" higher_better = ifnull(?4, higher_better) WHERE id = ?5";
static const char q_met_out[] =
	"SELECT count(*), min(v.date) FROM metric_value v JOIN metric_def d ON d.id = v.metric_id"
	" WHERE d.id = ?1 AND (v.value < d.min OR v.value > d.max)";

/* A range with its ends in order. */
static int metric_before(struct wn_imp *m, const struct wn_imp_val *v,
                         const struct wn_imp_name *found, const char *where)
{
	(void)found;
	if (v[1].type == SQLITE_NULL || v[2].type == SQLITE_NULL || v[1].num < v[2].num)
		return WN_OK;
	return wn_err_set(m->err, WN_DATAERR, "line %d: %s.min: expected a number below max (%g)",
	                  m->line, where, v[2].num);
}

int wn_imp_json_metric(struct wn_imp *m, const struct wn_json *o, const char *where)
{
	static const struct list_kind k = { WN_IMP_METRIC, met_fs, 4, q_met_insert,
	                                    q_met_update, q_met_out, metric_before };
	struct list_row r;
	int rc = list_row(m, o, where, &k, &r);
	if (rc != WN_OK || r.after == 0)
		return rc;
	return wn_err_set(m->err, WN_DATAERR, "line %d: %s: the diary has %ld value(s) of \"%s\""
	                  " outside that range, the first on %s", o->line, where, r.after,
	                  r.v[0].s, r.first);
}

/* ---- medications and their forms --------------------------------------------------- */

static const struct wn_imp_fs med_fs[] = {
	{ "name", WN_F_NAME, 1, WN_NAME_MAX, false, true, false },
	{ "unit", WN_F_UNIT, 1, 15, false, false, false },
	{ "drug_key", WN_F_NAME, 1, WN_NAME_MAX, true, false, false }, STAMP("created"),
	FLAG01("archived"), DATE_OR_NULL("archived_on"),
};
static const char q_med_insert[] =
	"INSERT INTO medication(name, unit, drug_key, created, archived, archived_on)"
	" VALUES (?1, ifnull(?2, 'mg'), ?3, ifnull(?4, strftime('%Y-%m-%d %H:%M:%S', 'now')),"
	" ifnull(?5, 0), CASE WHEN ?5 = 1 THEN ?6 END)";
static const char q_med_update[] =
	"UPDATE medication SET unit = ifnull(?2, unit), drug_key = ifnull(?3, drug_key),"
	" archived = ifnull(?5, archived),"
	" archived_on = CASE WHEN ?5 IS NULL THEN archived_on WHEN ?5 = 1 THEN ?6 END"
	" WHERE id = ?7";
static const char q_med_uses[] =
	"SELECT (SELECT count(*) FROM dose WHERE med_id = ?1)"
	" + (SELECT count(*) FROM plan WHERE med_id = ?1), NULL";
static const char q_med_late[] =
	"SELECT count(*), min(d.date) FROM dose d JOIN medication m ON m.id = d.med_id"
	" WHERE m.id = ?1 AND m.archived = 1 AND d.date > m.archived_on";

/* A unit the diary's doses or plans depend on is not changed. */
static int check_unit(struct wn_imp *m, const struct wn_imp_val *v,
                      const struct wn_imp_name *med, const char *where)
{
	const struct wn_imp_val *unit = &v[1];
	long uses = 0;
	if (med->id < 0 || unit->type == SQLITE_NULL || strcasecmp(unit->s, med->unit) == 0)
		return WN_OK;
	int rc = count_of(m, q_med_uses, med->id, &uses, NULL);
	if (rc != WN_OK || uses == 0)
		return rc;
	wn_err_set(m->err, WN_DATAERR, "line %d: %s.unit: \"%s\" is recorded in %s in this"
	           " diary and the file says %s: the doses and plans already recorded would"
	           " then read in %s (e.g. \"50 %s\" as \"50 %s\")", m->line, where, med->shown,
	           med->unit, unit->s, unit->s, med->unit, unit->s);
	wn_err_hint(m->err, "convert the file's doses to %s and give the unit as %s, or"
	            " import the medication under another name", med->unit, med->unit);
	return WN_DATAERR;
}

static const struct wn_imp_fs form_fs[] = {
	{ "kind", WN_F_INT, 0, 4, false, true, false },
	AMOUNT("strength", false, false), { "divisible", WN_F_INT, 1, 4, false, false, false },
	AMOUNT("conc", false, false), { "beads", WN_F_INT, 0, 100000, false, false, false },
	{ "label", WN_F_LINE, 0, 63, false, false, false },
};
static const char q_form_there[] =
	"SELECT 1 FROM med_form WHERE med_id = ?7 AND kind = ?1 AND strength = ifnull(?2, 0)"
	" AND divisible = ifnull(?3, 1) AND conc = ifnull(?4, 0) AND beads = ifnull(?5, 0)"
	" AND label = ifnull(?6, '')";

/* One form, added as wn_db_form_add adds it (and checks it) unless the
 * medication has the same one. */
static int one_form(struct wn_imp *m, const struct wn_json *o, const char *where, long med)
{
	struct wn_imp_val v[7];
	sqlite3_stmt *st = NULL;
	int rc = wn_imp_fields(m, o, where, form_fs, 6, v, NULL);
	v[6] = int_val(med);
	if (rc == WN_OK && (rc = wn_imp_first(m, q_form_there, v, 7, &st)) == WN_OK && st)
		sqlite3_reset(st);
	if (rc != WN_OK || st)
		return rc;
	struct wn_med_form f = { .med_id = med, .kind = (int)v[0].num, .strength = v[1].num,
	                         .divisible = v[2].type == SQLITE_NULL ? 1 : (int)v[2].num,
	                         .conc = v[3].num, .beads = (int)v[4].num };
	snprintf(f.label, sizeof f.label, "%.*s", (int)v[5].len, v[5].s ? v[5].s : "");
	struct wn_err why = { 0 };
	rc = wn_db_form_add(m->db, &f, NULL, &why);
	int code = sqlite3_errcode(wn_db_sqlite(m->db)) & 0xff;
	if (rc == WN_DATAERR && code != SQLITE_CORRUPT && code != SQLITE_NOTADB)
		return wn_imp_refuse(m, where, &why);
	if (rc != WN_OK && m->err)
		*m->err = why;
	return rc;
}

static int med_forms(struct wn_imp *m, const struct wn_json *o, const char *where, long med)
{
	const struct wn_json *forms = wn_json_get(o, "forms");
	if (forms && forms->t != WN_JSON_ARR)
		return wn_err_set(m->err, WN_DATAERR, "line %d: %s.forms: expected an array",
		                  forms->line, where);
	int rc = WN_OK;
	for (size_t i = 0; rc == WN_OK && forms && i < forms->n; i++) {
		char w[96];
		snprintf(w, sizeof w, "%s.forms[%zu]", where, i);
		rc = one_form(m, &forms->kid[i], w, med);
	}
	return rc;
}

int wn_imp_json_med(struct wn_imp *m, const struct wn_json *o, const char *where)
{
	static const struct list_kind k = { WN_IMP_MED, med_fs, 6, q_med_insert,
	                                    q_med_update, q_med_late, check_unit };
	struct list_row r;
	int rc = list_row(m, o, where, &k, &r);
	if (rc == WN_OK && r.after > 0)
		return wn_err_set(m->err, WN_DATAERR, "line %d: %s: \"%s\" would be archived on %s,"
		                  " but the diary has %ld dose(s) after that, the first on %s",
		                  o->line, where, r.v[0].s,
		                  r.v[5].type == SQLITE_TEXT ? r.v[5].s : "?", r.after, r.first);
	return rc == WN_OK ? med_forms(m, o, where, r.id) : rc;
}

/* ---- plans ------------------------------------------------------------------------- */

static const struct wn_imp_fs plan_fs[] = {
	{ "med", WN_F_NAME, 1, WN_NAME_MAX, false, true, false },
	{ "method", WN_F_LINE, 1, 16, false, true, false },
	{ "start_date", WN_F_DATE, 0, 10, false, true, false },
	AMOUNT("from_dose", false, true), AMOUNT("step", true, false),
	{ "every_days", WN_F_INT, 1, 3650, true, false, false },
	AMOUNT("round_q", true, false), AMOUNT("floor_dose", true, false),
	AMOUNT("to_dose", true, false),
	{ "region", WN_F_NAME, 1, WN_PLAN_REGION - 1, true, false, false },
	STAMP("created"), FLAG01("active"), { "note", WN_F_TEXT, 0, WN_NOTE_MAX, true, false, false },
	{ "form_label", WN_F_LINE, 0, 63, true, false, false }, DATE_OR_NULL("agreed_on"),
	/* doses through the day (schema 6); checked when the plan is built */
	{ "dose_times", WN_F_LINE, 1, 127, true, false, false },
	{ "dose_split", WN_F_LINE, 1, 255, true, false, false },
	{ "cut_first", WN_F_LINE, 1, 16, true, false, false },
};
#define PLAN_FS (sizeof plan_fs / sizeof *plan_fs)
static const char q_plan[] =
	"INSERT INTO plan(med_id, method, start_date, from_dose, step, every_days, round_q,"
	" floor_dose, to_dose, region, created, active, note, form_label, agreed_on,"
	" dose_times, dose_split, cut_first)"
	" SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7,"
	" ?8, ?9, ?10, ifnull(?11, strftime('%Y-%m-%d %H:%M:%S', 'now')), ifnull(?12, 1), ?13,"
	" ?14, ?15, ?16, ?17, ?18"
	" WHERE NOT EXISTS (SELECT 1 FROM plan WHERE med_id = ?1 AND start_date = ?3"
	" AND created IS ?11 AND active IS ifnull(?12, 1))";
/* Another active plan of the medication than the one in the file. */
static const char q_plan_other[] =
	"SELECT start_date FROM plan WHERE med_id = ?1 AND active = 1"
	" AND NOT (start_date = ?3 AND created IS ?11)";
static const struct wn_imp_fs step_fs[] = {
	{ "date", WN_F_DATE, 0, 10, false, true, false }, AMOUNT("dose", false, true),
};
static const char q_step[] =
	"INSERT OR REPLACE INTO plan_step_custom(plan_id, date, dose) VALUES (?3, ?1, ?2)";
static const struct wn_imp_fs hold_fs[] = {
	{ "kind", WN_F_LINE, 1, 16, false, false, false },
	{ "start_date", WN_F_DATE, 0, 10, false, true, false }, DATE_OR_NULL("end_date"),
	AMOUNT("dose", true, false), { "reason", WN_F_TEXT, 0, WN_PLAN_REASON_MAX, true, false, false },
};
static const char q_hold[] =
	"INSERT INTO hold(plan_id, kind, start_date, end_date, dose, reason)"
	" VALUES (?6, ifnull(?1, 'hold'), ?2, ?3, ?4, ?5)";
static const struct wn_imp_fs ack_fs[] = {
	{ "kind", WN_F_LINE, 1, 32, false, true, false },
	{ "step", WN_F_INT, -1, 1000, false, true, false },
	{ "text", WN_F_TEXT, 1, 2048, false, true, false }, STAMP("acked"),
};
static const char q_ack[] =
	"INSERT OR REPLACE INTO plan_ack(plan_id, kind, step, text, acked)"
	" VALUES (?5, ?1, ?2, ?3, ifnull(?4, strftime('%Y-%m-%d %H:%M:%S', 'now')))";
static const char q_open_holds[] =
	"SELECT count(*), NULL FROM hold WHERE plan_id = ?1 AND kind = 'hold' AND end_date IS NULL";

static int plan_children(struct wn_imp *m, const struct wn_json *o, const char *where, long id)
{
	static const struct {
		const char *key; const struct wn_imp_fs *f; size_t n; const char *q;
	} kids[] = {
		{ "custom", step_fs, 2, q_step }, { "holds", hold_fs, 5, q_hold },
		{ "acks", ack_fs, 4, q_ack },
	};
	int rc = WN_OK;
	for (size_t k = 0; k < sizeof kids / sizeof *kids && rc == WN_OK; k++) {
		const struct wn_json *a = wn_json_get(o, kids[k].key);
		if (a && a->t != WN_JSON_ARR)
			return wn_err_set(m->err, WN_DATAERR, "line %d: %s.%s: expected an array",
			                  a->line, where, kids[k].key);
		for (size_t i = 0; a && rc == WN_OK && i < a->n; i++) {
			char w[96];
			struct wn_imp_val v[8];
			snprintf(w, sizeof w, "%s.%s[%zu]", where, kids[k].key, i);
			rc = wn_imp_fields(m, &a->kid[i], w, kids[k].f, kids[k].n, v, NULL);
			v[kids[k].n] = int_val(id);
			if (rc == WN_OK)
				rc = wn_imp_bind_run(m, kids[k].q, v, kids[k].n + 1, w);
		}
	}
	return rc;
}

/* The plan as `plan show`, the report and the calendar will build it:
 * one open hold at most, and a schedule that builds. */
static int plan_builds(struct wn_imp *m, long plan, const struct wn_imp_name *med,
                       bool active, const char *where)
{
	long open = 0;
	int rc = count_of(m, q_open_holds, plan, &open, NULL);
	if (rc == WN_OK && open > 1)
		return wn_err_set(m->err, WN_DATAERR, "line %d: %s.holds: %ld holds are open"
		                  " (at most one may be)", m->line, where, open);
	if (rc != WN_OK || !active)
		return rc;
	struct wn_med med_row;
	struct wn_plan_built b;
	struct wn_err why = { 0 };
	if ((rc = wn_db_med_get(m->db, med->id, &med_row, m->err)) != WN_OK)
		return rc;
	rc = wn_db_plan_built(m->db, &med_row, &b, &why);
	wn_plan_built_free(&b);
	if (rc == WN_USAGE || rc == WN_DATAERR)
		return wn_imp_refuse(m, where, &why);
	if (rc != WN_OK && m->err)
		*m->err = why;
	return rc;
}

/* The method, and no second active plan of the medication. */
static int plan_check(struct wn_imp *m, const struct wn_imp_val *v,
                      const struct wn_imp_name *med, const char *where)
{
	enum wn_taper_method method;
	sqlite3_stmt *st;
	if (wn_taper_method_parse(v[1].s, &method, NULL) != WN_OK)
		return wn_err_set(m->err, WN_DATAERR, "line %d: %s.method: expected percent,"
		                  " occupancy, linear or custom", m->line, where);
	if (v[11].type != SQLITE_NULL && v[11].num == 0)
		return WN_OK;
	struct wn_imp_val p[11] = { int_val(med->id) };
	p[2] = v[2];
	p[10] = v[10];
	int rc = wn_imp_first(m, q_plan_other, p, 11, &st);
	if (rc != WN_OK || !st)
		return rc;
	char start[WN_DATE_STRLEN];
	wn_db_col_copy(st, 0, start, sizeof start);
	sqlite3_reset(st);
	wn_err_set(m->err, WN_DATAERR, "line %d: %s: \"%s\" already has an active plan"
	           " (from %s); a medication has one active plan at a time", m->line, where,
	           med->shown, start);
	wn_err_hint(m->err, "mark one of them \"active\": 0 in the file");
	return WN_DATAERR;
}

int wn_imp_json_plan(struct wn_imp *m, const struct wn_json *o, const char *where)
{
	struct wn_imp_val v[PLAN_FS];
	struct wn_imp_name med;
	int rc = wn_imp_fields(m, o, where, plan_fs, PLAN_FS, v, NULL);
	if (rc == WN_OK)
		rc = wn_imp_name(m, WN_IMP_MED, v[0].s, v[0].len, &med);
	if (rc != WN_OK)
		return rc;
	if (med.id < 0)
		return wn_err_set(m->err, WN_DATAERR, "line %d: %s.med: no medication \"%s\""
		                  " (list it under \"medications\")", o->line, where, v[0].s);
	if ((rc = plan_check(m, v, &med, where)) != WN_OK)
		return rc;
	v[0] = int_val(med.id);
	sqlite3 *sql = wn_db_sqlite(m->db);
	long before = sqlite3_total_changes(sql);
	rc = wn_imp_bind_run(m, q_plan, v, PLAN_FS, where);
	if (rc != WN_OK || sqlite3_total_changes(sql) == before)
		return rc;                    /* already there: keep it as it is */
	long id = (long)sqlite3_last_insert_rowid(sql);
	rc = plan_children(m, o, where, id);
	m->line = o->line;
	bool active = v[11].type == SQLITE_NULL || v[11].num == 1;
	return rc == WN_OK ? plan_builds(m, id, &med, active, where) : rc;
}

/* ---- hold proposals ----------------------------------------------------------------- */

static const struct wn_imp_fs prop_fs[] = {
	{ "med", WN_F_NAME, 1, WN_NAME_MAX, false, true, false },
	{ "date", WN_F_DATE, 0, 10, false, true, false },
	{ "reason", WN_F_TEXT, 1, 1024, false, true, false },
	{ "state", WN_F_LINE, 1, 16, false, false, false }, STAMP("created"), STAMP("updated"),
};
#define PROP_FS (sizeof prop_fs / sizeof *prop_fs)
#define PROP_INSERT \
	"INSERT INTO hold_proposal(med_id, date, reason, state, created, updated)" \
	" VALUES (?1, ?2, ?3, ifnull(?4, 'shown')," \
	" ifnull(?5, strftime('%Y-%m-%d %H:%M:%S', 'now'))," \
	" ifnull(?6, strftime('%Y-%m-%d %H:%M:%S', 'now'))) ON CONFLICT (med_id, date) DO"
/* Kept, or (REPLACE) replaced by the file's. */
static const char *const q_prop[] = {
	PROP_INSERT " NOTHING",
	PROP_INSERT " UPDATE SET reason = excluded.reason, state = excluded.state,"
	" updated = excluded.updated",
};

int wn_imp_json_proposal(struct wn_imp *m, const struct wn_json *o, const char *where)
{
	struct wn_imp_val v[PROP_FS];
	struct wn_imp_name med;
	struct wn_err why = { 0 };
	wn_date d;
	int rc = wn_imp_fields(m, o, where, prop_fs, PROP_FS, v, NULL);
	if (rc == WN_OK)
		rc = wn_imp_name(m, WN_IMP_MED, v[0].s, v[0].len, &med);
	if (rc != WN_OK)
		return rc;
	if (med.id < 0)
		return wn_err_set(m->err, WN_DATAERR, "line %d: %s.med: no medication \"%s\""
		                  " (list it under \"medications\")", o->line, where, v[0].s);
	char date[WN_DATE_STRLEN];
	snprintf(date, sizeof date, "%.10s", v[1].s);
	if (wn_date_parse_iso(date, &d, &why) != WN_OK || wn_valid_day(d, m->today, &why)) {
		char w[80];
		snprintf(w, sizeof w, "%s.date", where);
		return wn_imp_refuse(m, w, &why);
	}
	v[0] = int_val(med.id);
	return wn_imp_bind_run(m, q_prop[m->o->on_conflict == WN_IMPORT_REPLACE], v, PROP_FS,
	                       where);
}
