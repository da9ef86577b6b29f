/* import_json.c -- wean's JSON export into the diary (import.h): each
 * section's values checked field by field against a table of specs, then
 * written with the db's cached statements, inside the import's one
 * transaction (import.c).  The text is parsed by core/json.c; the days are
 * parsed and written one at a time (wn_json_next), after the lists. */
#include "import_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/json.h"
#include "core/text.h"
#include "db/db.h"
#include "db/export.h"

/* The check-in's columns as the file may give them (ci_fs, q_ci_json). */
enum { CI_N = 8 };

static const char q_meta[] = "INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)";

/* ---- typed fields ---------------------------------------------------------------- */

/* Field spec: kind, range, and whether null / absence is allowed. */
enum fk { F_INT, F_REAL, F_TEXT, F_DATE, F_STAMP, F_NAME };
struct fs { const char *key; enum fk k; double min, max; bool nullable, required; };

static int field_err(struct wn_imp *m, const struct wn_json *v, const char *where,
                     const struct fs *f, const char *what)
{
	return wn_err_set(m->err, WN_DATAERR, "line %d: %s.%s: %s", v ? v->line : m->line,
	                  where, f->key, what);
}

/* Reads field f of object o into *out (type SQLITE_NULL when null or
 * absent); *present tells whether the key was there. */
static int field(struct wn_imp *m, const struct wn_json *o, const char *where,
                 const struct fs *f, struct wn_imp_val *out, bool *present)
{
	const struct wn_json *v = wn_json_get(o, f->key);
	char msg[96];
	*out = (struct wn_imp_val){ .type = SQLITE_NULL };
	if (present)
		*present = v != NULL;
	if (!v || v->t == WN_JSON_NULL)
		return (!v && f->required) || (v && !f->nullable) ?
			field_err(m, v, where, f, v ? "must not be null" : "is missing") : WN_OK;
	if (f->k == F_INT || f->k == F_REAL) {
		if (v->t != WN_JSON_NUM || (f->k == F_INT && v->num != floor(v->num)) ||
		    v->num < f->min || v->num > f->max) {
			snprintf(msg, sizeof msg, "expected %s from %g to %g",
			         f->k == F_INT ? "a whole number" : "a number", f->min, f->max);
			return field_err(m, v, where, f, msg);
		}
		*out = (struct wn_imp_val){ .num = v->num,
		                            .type = f->k == F_INT ? SQLITE_INTEGER : SQLITE_FLOAT };
		return WN_OK;
	}
	if (v->t != WN_JSON_STR)
		return field_err(m, v, where, f, "expected text in double quotes");
	size_t max = f->max > 0 ? (size_t)f->max : WN_TEXT_NOTE_MAX;
	if (f->k == F_DATE && !wn_imp_valid_date(v->s, v->len))
		return field_err(m, v, where, f, "expected a real date YYYY-MM-DD");
	if (f->k == F_STAMP && (v->len != 19 || !wn_imp_valid_date(v->s, 10)))
		return field_err(m, v, where, f, "expected a time YYYY-MM-DD HH:MM:SS");
	if (f->k == F_NAME && wn_text_check_name(v->s, NULL, 0, NULL) != WN_OK)
		return field_err(m, v, where, f,
		                 "expected a name (1 to 64 bytes, no control characters)");
	if (v->len > max || (v->len == 0 && f->min > 0)) {
		snprintf(msg, sizeof msg, "expected text of %g to %zu bytes", f->min, max);
		return field_err(m, v, where, f, msg);
	}
	if (f->k == F_TEXT && wn_text_check_note(v->s, v->len, max, NULL) != WN_OK)
		return field_err(m, v, where, f, "contains a control character");
	*out = (struct wn_imp_val){ .type = SQLITE_TEXT, .s = v->s, .len = v->len };
	return WN_OK;
}

/* Reads n fields into vals[]; present may be NULL. */
static int fields(struct wn_imp *m, const struct wn_json *o, const char *where,
                  const struct fs *f, size_t n, struct wn_imp_val *vals, bool *present)
{
	if (o->t != WN_JSON_OBJ)
		return wn_err_set(m->err, WN_DATAERR, "line %d: %s: expected an object {...}",
		                  o->line, where);
	m->line = o->line;
	for (size_t i = 0; i < n; i++) {
		int rc = field(m, o, where, &f[i], &vals[i], present ? &present[i] : NULL);
		if (rc != WN_OK)
			return rc;
	}
	return WN_OK;
}

static const struct wn_json *jarr(struct wn_imp *m, const struct wn_json *root,
                                  const char *key, int *rc)
{
	const struct wn_json *a = wn_json_get(root, key);
	*rc = WN_OK;
	if (!a)
		return NULL;
	if (a->t != WN_JSON_ARR)
		*rc = wn_err_set(m->err, WN_DATAERR, "line %d: %s: expected an array [...]",
		                 a->line, key);
	return a;
}

/* ---- sections ---------------------------------------------------------------- */

#define TEXT_OR_NULL(k, max) { k, F_TEXT, 0, max, true, false }
#define FLAG01(k) { k, F_INT, 0, 1, false, false }
#define STAMP(k) { k, F_STAMP, 0, 19, false, false }

static const struct fs sym_fs[] = {
	{ "name", F_NAME, 1, 64, false, true }, { "group", F_TEXT, 0, 32, false, false },
	{ "source", F_INT, 0, 2, false, false }, FLAG01("hidden"),
	{ "hidden_on", F_DATE, 0, 10, true, false }, { "first_seen", F_DATE, 0, 10, true, false },
	FLAG01("preexisting"), { "sort", F_INT, -1e9, 1e9, false, false },
};
static const char q_sym[] =
	"INSERT INTO symptom(name, grp, source, hidden, hidden_on, first_seen, preexisting, sort)"
	" VALUES (?1, ifnull(?2, 'other'), ifnull(?3, 2), ifnull(?4, 0), ?5, ?6, ifnull(?7, 0),"
	" ifnull(?8, 0)) ON CONFLICT(name) DO UPDATE SET grp = excluded.grp,"
	" source = excluded.source, hidden = excluded.hidden, hidden_on = excluded.hidden_on,"
	" first_seen = excluded.first_seen, preexisting = excluded.preexisting,"
	" sort = excluded.sort";

static const struct fs met_fs[] = {
	{ "name", F_NAME, 1, 31, false, true }, { "min", F_REAL, -1e15, 1e15, true, false },
	{ "max", F_REAL, -1e15, 1e15, true, false }, FLAG01("higher_better"),
};
static const char q_met[] =
	"INSERT INTO metric_def(name, min, max, higher_better) VALUES (?1, ?2, ?3, ifnull(?4, 1))"
	" ON CONFLICT(name) DO UPDATE SET min = excluded.min, max = excluded.max,"
	" higher_better = excluded.higher_better";

static const struct fs med_fs[] = {
	{ "name", F_NAME, 1, 64, false, true }, { "unit", F_TEXT, 1, 15, false, false },
	{ "drug_key", F_TEXT, 0, 64, true, false }, STAMP("created"), FLAG01("archived"),
	{ "archived_on", F_DATE, 0, 10, true, false },
};
static const char q_med[] =
	"INSERT INTO medication(name, unit, drug_key, created, archived, archived_on)"
	" VALUES (?1, ifnull(?2, 'mg'), ?3, ifnull(?4, strftime('%Y-%m-%d %H:%M:%S', 'now')),"
	" ifnull(?5, 0), ?6) ON CONFLICT(name) DO UPDATE SET unit = excluded.unit,"
	" drug_key = excluded.drug_key, created = excluded.created,"
	" archived = excluded.archived, archived_on = excluded.archived_on";

static const struct fs form_fs[] = {
	{ "kind", F_INT, 0, 4, false, true }, { "strength", F_REAL, 0, 99999.999, false, false },
	{ "divisible", F_INT, 1, 4, false, false }, { "conc", F_REAL, 0, 99999.999, false, false },
	{ "beads", F_INT, 0, 100000, false, false }, { "label", F_TEXT, 0, 63, false, false },
};
static const char q_form[] =
	"INSERT INTO med_form(med_id, kind, strength, divisible, conc, beads, label)"
	" SELECT ?7, ?1, ifnull(?2, 0), ifnull(?3, 1), ifnull(?4, 0), ifnull(?5, 0), ifnull(?6, '')"
	" WHERE NOT EXISTS (SELECT 1 FROM med_form WHERE med_id = ?7 AND kind = ?1"
	" AND strength = ifnull(?2, 0) AND divisible = ifnull(?3, 1) AND conc = ifnull(?4, 0)"
	" AND beads = ifnull(?5, 0) AND label = ifnull(?6, ''))";

static int import_list(struct wn_imp *m, const struct wn_json *root, const char *key,
                       int (*each)(struct wn_imp *, const struct wn_json *, const char *))
{
	int rc;
	const struct wn_json *a = jarr(m, root, key, &rc);
	for (size_t i = 0; a && rc == WN_OK && i < a->n; i++) {
		char where[64];
		snprintf(where, sizeof where, "%s[%zu]", key, i);
		m->line = a->kid[i].line;
		rc = each(m, &a->kid[i], where);
	}
	return rc;
}

static int simple_row(struct wn_imp *m, const struct wn_json *o, const char *where,
                      const struct fs *f, size_t n, const char *q)
{
	struct wn_imp_val v[8];
	int rc = fields(m, o, where, f, n, v, NULL);
	return rc == WN_OK ? wn_imp_bind_run(m, q, v, n, where) : rc;
}

static int one_symptom(struct wn_imp *m, const struct wn_json *o, const char *where)
{
	return simple_row(m, o, where, sym_fs, 8, q_sym);
}

static int one_metric(struct wn_imp *m, const struct wn_json *o, const char *where)
{
	return simple_row(m, o, where, met_fs, 4, q_met);
}

static int one_med(struct wn_imp *m, const struct wn_json *o, const char *where)
{
	struct wn_imp_val v[8];
	int rc = fields(m, o, where, med_fs, 6, v, NULL);
	long id = -1;
	if (rc == WN_OK)
		rc = wn_imp_bind_run(m, q_med, v, 6, where);
	if (rc == WN_OK)
		rc = wn_imp_name_id(m, WN_IMP_MED, v[0].s, v[0].len, &id);
	const struct wn_json *forms = wn_json_get(o, "forms");
	if (rc == WN_OK && forms && forms->t != WN_JSON_ARR)
		return wn_err_set(m->err, WN_DATAERR, "line %d: %s.forms: expected an array",
		                  forms->line, where);
	for (size_t i = 0; rc == WN_OK && forms && i < forms->n; i++) {
		char w[96];
		snprintf(w, sizeof w, "%s.forms[%zu]", where, i);
		rc = fields(m, &forms->kid[i], w, form_fs, 6, v, NULL);
		v[6] = (struct wn_imp_val){ .type = SQLITE_INTEGER, .num = (double)id };
		if (rc == WN_OK)
			rc = wn_imp_bind_run(m, q_form, v, 7, w);
	}
	return rc;
}

static const struct fs plan_fs[] = {
	{ "med", F_NAME, 1, 64, false, true },
	{ "method", F_TEXT, 1, 16, false, true }, { "start_date", F_DATE, 0, 10, false, true },
	{ "from_dose", F_REAL, 0, 99999.999, false, true },
	{ "step", F_REAL, 0, 99999.999, true, false },
	{ "every_days", F_INT, 1, 3650, true, false },
	{ "round_q", F_REAL, 0, 99999.999, true, false },
	{ "floor_dose", F_REAL, 0, 99999.999, true, false },
	{ "to_dose", F_REAL, 0, 99999.999, true, false },
	TEXT_OR_NULL("region", 32), STAMP("created"), FLAG01("active"), TEXT_OR_NULL("note", 65536),
	TEXT_OR_NULL("form_label", 63), { "agreed_on", F_DATE, 0, 10, true, false },
};
#define PLAN_FS (sizeof plan_fs / sizeof *plan_fs)
static const char q_plan[] =
	"INSERT INTO plan(med_id, method, start_date, from_dose, step, every_days, round_q,"
	" floor_dose, to_dose, region, created, active, note, form_label, agreed_on)"
	" SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7,"
	" ?8, ?9, ?10, ifnull(?11, strftime('%Y-%m-%d %H:%M:%S', 'now')), ifnull(?12, 1), ?13,"
	" ?14, ?15"
	" WHERE NOT EXISTS (SELECT 1 FROM plan WHERE med_id = ?1 AND start_date = ?3"
	" AND created IS ?11)";
static const struct fs step_fs[] = {
	{ "date", F_DATE, 0, 10, false, true }, { "dose", F_REAL, 0, 99999.999, false, true },
};
static const char q_step[] =
	"INSERT OR REPLACE INTO plan_step_custom(plan_id, date, dose) VALUES (?3, ?1, ?2)";
static const struct fs hold_fs[] = {
	{ "kind", F_TEXT, 1, 16, false, false }, { "start_date", F_DATE, 0, 10, false, true },
	{ "end_date", F_DATE, 0, 10, true, false }, { "dose", F_REAL, 0, 99999.999, true, false },
	TEXT_OR_NULL("reason", 65536),
};
static const char q_hold[] =
	"INSERT INTO hold(plan_id, kind, start_date, end_date, dose, reason)"
	" VALUES (?6, ifnull(?1, 'hold'), ?2, ?3, ?4, ?5)";
static const struct fs ack_fs[] = {
	{ "kind", F_TEXT, 1, 32, false, true }, { "step", F_INT, -1, 1000, false, true },
	{ "text", F_TEXT, 1, 2048, false, true }, STAMP("acked"),
};
static const char q_ack[] =
	"INSERT OR REPLACE INTO plan_ack(plan_id, kind, step, text, acked)"
	" VALUES (?5, ?1, ?2, ?3, ifnull(?4, strftime('%Y-%m-%d %H:%M:%S', 'now')))";

static int plan_children(struct wn_imp *m, const struct wn_json *o, const char *where, long id)
{
	static const struct { const char *key; const struct fs *f; size_t n; const char *q; } kids[] = {
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
			rc = fields(m, &a->kid[i], w, kids[k].f, kids[k].n, v, NULL);
			v[kids[k].n] = (struct wn_imp_val){ .type = SQLITE_INTEGER, .num = (double)id };
			if (rc == WN_OK)
				rc = wn_imp_bind_run(m, kids[k].q, v, kids[k].n + 1, w);
		}
	}
	return rc;
}

static int one_plan(struct wn_imp *m, const struct wn_json *o, const char *where)
{
	struct wn_imp_val v[PLAN_FS];
	int rc = fields(m, o, where, plan_fs, PLAN_FS, v, NULL);
	if (rc != WN_OK)
		return rc;
	long med;
	rc = wn_imp_name_id(m, WN_IMP_MED, v[0].s, v[0].len, &med);
	if (rc != WN_OK)
		return rc;
	if (med < 0)
		return wn_err_set(m->err, WN_DATAERR, "line %d: %s.med: no medication \"%s\""
		                  " (list it under \"medications\")", o->line, where, v[0].s);
	v[0] = (struct wn_imp_val){ .type = SQLITE_INTEGER, .num = (double)med };
	sqlite3 *sql = wn_db_sqlite(m->db);
	long before = sqlite3_total_changes(sql);
	rc = wn_imp_bind_run(m, q_plan, v, PLAN_FS, where);
	if (rc != WN_OK || sqlite3_total_changes(sql) == before)
		return rc;                    /* already there: keep it as it is */
	return plan_children(m, o, where, (long)sqlite3_last_insert_rowid(sql));
}

/* ---- hold proposals ----------------------------------------------------------- */

static const struct fs prop_fs[] = {
	{ "med", F_NAME, 1, 64, false, true }, { "date", F_DATE, 0, 10, false, true },
	{ "reason", F_TEXT, 1, 1024, false, true }, { "state", F_TEXT, 1, 16, false, false },
	STAMP("created"), STAMP("updated"),
};
#define PROP_FS (sizeof prop_fs / sizeof *prop_fs)
static const char q_prop[] =
	"INSERT INTO hold_proposal(med_id, date, reason, state, created, updated)"
	" VALUES (?1, ?2, ?3, ifnull(?4, 'shown'),"
	" ifnull(?5, strftime('%Y-%m-%d %H:%M:%S', 'now')),"
	" ifnull(?6, strftime('%Y-%m-%d %H:%M:%S', 'now')))"
	" ON CONFLICT (med_id, date) DO UPDATE SET reason = excluded.reason,"
	" state = excluded.state, updated = excluded.updated";

static int one_proposal(struct wn_imp *m, const struct wn_json *o, const char *where)
{
	struct wn_imp_val v[PROP_FS];
	int rc = fields(m, o, where, prop_fs, PROP_FS, v, NULL);
	long med;
	if (rc == WN_OK)
		rc = wn_imp_name_id(m, WN_IMP_MED, v[0].s, v[0].len, &med);
	if (rc != WN_OK)
		return rc;
	if (med < 0)
		return wn_err_set(m->err, WN_DATAERR, "line %d: %s.med: no medication \"%s\""
		                  " (list it under \"medications\")", o->line, where, v[0].s);
	v[0] = (struct wn_imp_val){ .type = SQLITE_INTEGER, .num = (double)med };
	return wn_imp_bind_run(m, q_prop, v, PROP_FS, where);
}

/* ---- days -------------------------------------------------------------------- */

static const struct fs ci_fs[CI_N] = {
	{ "mood", F_INT, 0, 10, true, false }, { "anxiety", F_INT, 0, 10, true, false },
	{ "energy", F_INT, 0, 10, true, false }, { "sleep", F_REAL, 0, 24, true, false },
	FLAG01("flag"), { "note", F_TEXT, 1, 65536, true, false },
	STAMP("created"), STAMP("updated"),
};

#define CI_NOW "strftime('%Y-%m-%d %H:%M:%S', 'now')"
#define CI_KEEP(col, bit) " " col " = CASE WHEN ?10 & " bit " THEN excluded." col \
	" ELSE " col " END,"

/* A check-in in one statement: ?2..?9 are the columns of ci_fs, ?10 has
 * bit i set when column i was in the file.  Columns not in the file keep
 * their value (or get the default in a new row); "updated" is the file's
 * or else now. */
static const char q_ci_json[] =
	"INSERT INTO checkin(date, mood, anxiety, energy, sleep, flag, note, created,"
	" updated) VALUES (?1, ?2, ?3, ?4, ?5, ifnull(?6, 0), ?7, ifnull(?8, " CI_NOW "),"
	" ifnull(?9, " CI_NOW ")) ON CONFLICT(date) DO UPDATE SET"
	CI_KEEP("mood", "1") CI_KEEP("anxiety", "2") CI_KEEP("energy", "4")
	CI_KEEP("sleep", "8") CI_KEEP("flag", "16") CI_KEEP("note", "32")
	CI_KEEP("created", "64") " updated = excluded.updated";

static int day_checkin(struct wn_imp *m, const struct wn_json *c, const char *date, const char *where)
{
	struct wn_imp_val v[CI_N];
	bool present[CI_N];
	char w[96];
	snprintf(w, sizeof w, "%s.checkin", where);
	int rc = fields(m, c, w, ci_fs, CI_N, v, present);
	if (rc != WN_OK)
		return rc;
	sqlite3_stmt *st;
	int mask = 0;
	if ((rc = wn_imp_stmt(m, q_ci_json, &st)) != WN_OK)
		return rc;
	for (int i = 0; i < CI_N; i++) {
		wn_imp_bind(st, 2 + i, &v[i]);
		mask |= present[i] ? 1 << i : 0;
	}
	sqlite3_bind_text(st, 1, date, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 10, mask);
	return wn_imp_run(m, st, w);
}

/* "ratings" / "metrics": {name: number}. */
static int day_values(struct wn_imp *m, const struct wn_json *o, const char *date,
                      const char *where, bool ratings)
{
	const char *key = ratings ? "ratings" : "metrics";
	if (o->t != WN_JSON_OBJ)
		return wn_err_set(m->err, WN_DATAERR, "line %d: %s.%s: expected an object {...}",
		                  o->line, where, key);
	for (size_t i = 0; i < o->n; i++) {
		const struct wn_json *v = &o->kid[i];
		m->line = v->line;
		long id;
		int rc = wn_imp_name_id(m, ratings ? WN_IMP_SYMPTOM : WN_IMP_METRIC, o->key[i],
		                        strlen(o->key[i]), &id);
		if (rc != WN_OK)
			return rc;
		if (id < 0)
			return wn_err_set(m->err, WN_DATAERR, "line %d: %s.%s: no %s \"%s\"", v->line,
			                  where, key, ratings ? "symptom" : "metric", o->key[i]);
		if (v->t != WN_JSON_NUM ||
		    (ratings && (v->num != floor(v->num) || v->num < 0 || v->num > 3)))
			return wn_err_set(m->err, WN_DATAERR, "line %d: %s.%s.%s: expected %s",
			                  v->line, where, key, o->key[i],
			                  ratings ? "a whole number from 0 to 3" : "a number");
		struct wn_imp_val x = { .type = ratings ? SQLITE_INTEGER : SQLITE_FLOAT,
		                        .num = v->num };
		rc = wn_imp_set_value(m, date, ratings, id, &x);
		if (rc != WN_OK)
			return rc;
	}
	return WN_OK;
}

static const struct fs dose_fs[] = {
	{ "med", F_NAME, 1, 64, false, true }, { "minute", F_INT, 0, 1439, true, false },
	{ "amount", F_REAL, 1e-9, 99999.999, false, true }, STAMP("created"),
};
static const char q_dose[] =
	"INSERT INTO dose(date, med_id, minute, amount, created)"
	" VALUES (?5, ?1, ?2, ?3, ifnull(?4, strftime('%Y-%m-%d %H:%M:%S', 'now')))"
	" ON CONFLICT(date, med_id, ifnull(minute, -1)) DO UPDATE SET"
	" amount = excluded.amount, created = excluded.created";
static const struct fs qn_fs[] = {
	{ "minute", F_INT, 0, 1439, true, false }, { "text", F_TEXT, 1, 65536, false, true },
	STAMP("created"),
};
static const char q_qn[] =
	"INSERT INTO quicknote(date, minute, text, created) SELECT ?4, ?1, ?2,"
	" ifnull(?3, strftime('%Y-%m-%d %H:%M:%S', 'now')) WHERE NOT EXISTS (SELECT 1 FROM"
	" quicknote WHERE date = ?4 AND minute IS ?1 AND text = ?2)";
static const struct fs qu_fs[] = {
	{ "text", F_TEXT, 1, 65536, false, true }, FLAG01("answered"),
	TEXT_OR_NULL("answer", 65536), STAMP("created"),
};
static const char q_qu[] =
	"INSERT INTO question(date, text, answered, answer, created) SELECT ?5, ?1,"
	" ifnull(?2, 0), ?3, ifnull(?4, strftime('%Y-%m-%d %H:%M:%S', 'now'))"
	" WHERE NOT EXISTS (SELECT 1 FROM question WHERE date = ?5 AND text = ?1)";

static int day_list(struct wn_imp *m, const struct wn_json *day, const char *date, const char *where,
                    int which)
{
	static const struct { const char *key; const struct fs *f; size_t n; const char *q; } l[] = {
		{ "doses", dose_fs, 4, q_dose }, { "quicknotes", qn_fs, 3, q_qn },
		{ "questions", qu_fs, 4, q_qu },
	};
	const struct wn_json *a = wn_json_get(day, l[which].key);
	if (!a || a->t == WN_JSON_NULL)
		return WN_OK;
	if (a->t != WN_JSON_ARR)
		return wn_err_set(m->err, WN_DATAERR, "line %d: %s.%s: expected an array",
		                  a->line, where, l[which].key);
	int rc = WN_OK;
	for (size_t i = 0; rc == WN_OK && i < a->n; i++) {
		char w[96];
		struct wn_imp_val v[6];
		snprintf(w, sizeof w, "%s.%s[%zu]", where, l[which].key, i);
		rc = fields(m, &a->kid[i], w, l[which].f, l[which].n, v, NULL);
		if (rc == WN_OK && which == 0) {
			long med;
			if ((rc = wn_imp_name_id(m, WN_IMP_MED, v[0].s, v[0].len, &med)) != WN_OK)
				return rc;
			if (med < 0)
				return wn_err_set(m->err, WN_DATAERR, "line %d: %s.med: no medication \"%s\"",
				                  a->kid[i].line, w, v[0].s);
			v[0] = (struct wn_imp_val){ .type = SQLITE_INTEGER, .num = (double)med };
		}
		v[l[which].n] = (struct wn_imp_val){ .type = SQLITE_TEXT, .s = date, .len = 10 };
		if (rc == WN_OK)
			rc = wn_imp_bind_run(m, l[which].q, v, l[which].n + 1, w);
	}
	return rc;
}

static int one_day(struct wn_imp *m, const struct wn_json *o, const char *where)
{
	static const struct fs date_fs = { "date", F_DATE, 0, 10, false, true };
	struct wn_imp_val d;
	int rc = fields(m, o, where, &date_fs, 1, &d, NULL);
	if (rc != WN_OK)
		return rc;
	char date[WN_DATE_STRLEN];
	memcpy(date, d.s, 10);
	date[10] = '\0';
	const struct wn_json *ci = wn_json_get(o, "checkin"), *r = wn_json_get(o, "ratings"),
		*mt = wn_json_get(o, "metrics");
	bool empty = !(ci && ci->t != WN_JSON_NULL) && !(r && r->n) && !(mt && mt->n);
	for (int i = 0; i < 3; i++) {
		static const char *const k[] = { "doses", "quicknotes", "questions" };
		const struct wn_json *a = wn_json_get(o, k[i]);
		empty = empty && !(a && a->n);
	}
	if (empty) {
		m->res->skipped++;
		return WN_OK;
	}
	rc = wn_imp_day_begin(m, date);
	if (rc == WN_OK && ci && ci->t != WN_JSON_NULL)
		rc = day_checkin(m, ci, date, where);
	if (rc == WN_OK && r && r->t != WN_JSON_NULL)
		rc = day_values(m, r, date, where, true);
	if (rc == WN_OK && mt && mt->t != WN_JSON_NULL)
		rc = day_values(m, mt, date, where, false);
	for (int i = 0; rc == WN_OK && i < 3; i++)
		rc = day_list(m, o, date, where, i);
	return rc;
}

static int import_meta(struct wn_imp *m, const struct wn_json *root)
{
	const struct wn_json *o = wn_json_get(root, "meta");
	if (!o || o->t == WN_JSON_NULL)
		return WN_OK;
	if (o->t != WN_JSON_OBJ)
		return wn_err_set(m->err, WN_DATAERR, "line %d: meta: expected an object", o->line);
	for (size_t i = 0; i < o->n; i++) {
		const struct wn_json *v = &o->kid[i];
		m->line = v->line;
		if (v->t != WN_JSON_STR)
			return wn_err_set(m->err, WN_DATAERR, "line %d: meta.%s: expected text",
			                  v->line, o->key[i]);
		struct wn_imp_val kv[2] = {
			{ .type = SQLITE_TEXT, .s = o->key[i], .len = strlen(o->key[i]) },
			{ .type = SQLITE_TEXT, .s = v->s, .len = v->len } };
		int rc = wn_imp_bind_run(m, q_meta, kv, 2, "meta");
		if (rc != WN_OK)
			return rc;
	}
	return WN_OK;
}

static int json_header(struct wn_imp *m, const struct wn_json *root)
{
	if (root->t != WN_JSON_OBJ)
		return wn_err_set(m->err, WN_DATAERR, "line %d: expected a wean export {...}",
		                  root->line);
	const struct wn_json *f = wn_json_get(root, "format"), *v = wn_json_get(root, "schema_version");
	if (!f || f->t != WN_JSON_STR || strcmp(f->s, "wean") != 0)
		return wn_err_set(m->err, WN_DATAERR, "line %d: format: expected \"wean\"",
		                  f ? f->line : root->line);
	/* the version of the export format, which the diary's own schema
	 * (drafts, from schema 3) may outgrow without changing it */
	if (!v || v->t != WN_JSON_NUM || v->num < 1 || v->num > WN_EXPORT_FORMAT_VERSION ||
	    v->num != (int)v->num)
		return wn_err_set(m->err, WN_DATAERR, "line %d: schema_version: this wean reads"
		                  " versions 1 to %d", v ? v->line : root->line,
		                  WN_EXPORT_FORMAT_VERSION);
	return WN_OK;
}

/* The days found by the parse, parsed and written one at a time. */
static int import_days(struct wn_imp *m, struct wn_json_parser *p)
{
	bool done = false;
	int rc = WN_OK;
	for (size_t i = 0; rc == WN_OK && !done; i++) {
		struct wn_json day;
		rc = wn_json_next(p, &day, &done);
		if (rc == WN_OK && !done) {
			char where[64];
			snprintf(where, sizeof where, "days[%zu]", i);
			m->line = day.line;
			rc = one_day(m, &day, where);
		}
		wn_json_free(&day);
	}
	return rc;
}

int wn_imp_json(struct wn_imp *m, const char *text, size_t len)
{
	static const struct {
		const char *key;
		int (*fn)(struct wn_imp *, const struct wn_json *, const char *);
	} s[] = {
		{ "symptoms", one_symptom }, { "metrics", one_metric }, { "medications", one_med },
		{ "plans", one_plan }, { "hold_proposals", one_proposal }, { "days", one_day },
	};
	struct wn_json root;
	struct wn_json_parser p;
	int rc = wn_json_parse(&p, text, len, "days", &root, m->err);
	if (rc == WN_OK)
		rc = json_header(m, &root);
	if (rc == WN_OK)
		rc = import_meta(m, &root);
	for (size_t i = 0; rc == WN_OK && i < sizeof s / sizeof *s; i++)
		rc = import_list(m, &root, s[i].key, s[i].fn);
	wn_json_free(&root);
	if (rc == WN_OK && wn_json_streamed(&p))
		rc = import_days(m, &p);
	wn_json_parser_free(&p);
	return rc;
}
