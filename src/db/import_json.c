/* SPDX-License-Identifier: GPL-3.0-or-later */
/* import_json.c -- wean's JSON export into the diary (import.h): each
 * object's values checked field by field against a table of specs (the
 * rules of core/valid.h, core/text.h and core/med.h), the lists written by
 * import_lists.c, then the days, parsed and written one at a time
 * (wn_json_next) through import_day.c, inside the import's one
 * transaction (import.c).  The text is parsed by core/json.c. */
#include "import_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/json.h"
#include "core/med.h"
#include "core/records.h"
#include "core/report_facts.h"
#include "core/text.h"
#include "core/valid.h"
#include "db/db.h"
#include "db/export.h"

/* ---- typed fields ---------------------------------------------------------------- */

static int field_err(struct wn_imp *m, const struct wn_json *v, const char *where,
                     const struct wn_imp_fs *f, const char *what)
{
	return wn_err_set(m->err, WN_DATAERR, "line %d: %s.%s: %s", v ? v->line : m->line,
	                  where, f->key, what);
}

static int number_field(struct wn_imp *m, const struct wn_json *v, const char *where,
                        const struct wn_imp_fs *f, struct wn_imp_val *out)
{
	char msg[96];
	bool whole = f->k == WN_F_INT;
	bool in = v->num >= f->min && (f->open ? v->num < f->max : v->num <= f->max);
	if (v->t != WN_JSON_NUM || (whole && v->num != floor(v->num)) || !in) {
		snprintf(msg, sizeof msg, "expected %s from %g to %s%g", whole ? "a whole number" :
		         "a number", f->min, f->open ? "below " : "", f->max);
		return field_err(m, v, where, f, msg);
	}
	*out = (struct wn_imp_val){ .num = v->num, .type = whole ? SQLITE_INTEGER : SQLITE_FLOAT };
	return WN_OK;
}

/* A name, label or note by core/text.h's one validator. */
static int text_rule(struct wn_imp *m, const struct wn_json *v, const char *where,
                     const struct wn_imp_fs *f)
{
	static const enum wn_text_kind kinds[] = {
		[WN_F_TEXT] = WN_TEXT_KIND_NOTE, [WN_F_LINE] = WN_TEXT_KIND_LINE,
		[WN_F_NAME] = WN_TEXT_KIND_NAME,
	};
	char what[128];
	struct wn_err why = { 0 };
	snprintf(what, sizeof what, "%s.%s", where, f->key);
	struct wn_text_rule r = { .what = what, .max = (size_t)f->max, .kind = kinds[f->k] };
	if (wn_text_check(&r, v->s, v->len, &why) == WN_OK)
		return WN_OK;
	wn_err_set(m->err, WN_DATAERR, "line %d: %s", v->line, why.msg);
	if (why.hint[0])
		wn_err_hint(m->err, "%s", why.hint);
	return WN_DATAERR;
}

/* A unit wean knows, in wean's spelling (a static string). */
static int unit_field(struct wn_imp *m, const struct wn_json *v, const char *where,
                      const struct wn_imp_fs *f, struct wn_imp_val *out)
{
	for (size_t i = 0; i < wn_med_n_units; i++)
		if (strcasecmp(v->s, wn_med_units[i]) == 0) {
			*out = (struct wn_imp_val){ .type = SQLITE_TEXT, .s = wn_med_units[i],
			                            .len = strlen(wn_med_units[i]) };
			return WN_OK;
		}
	char msg[160];
	snprintf(msg, sizeof msg, "expected a unit wean knows (mg, mcg, mL, g, drops, units),"
	         " not \"%.40s\"", v->s);
	return field_err(m, v, where, f, msg);
}

static int text_field(struct wn_imp *m, const struct wn_json *v, const char *where,
                      const struct wn_imp_fs *f, struct wn_imp_val *out)
{
	char msg[96];
	if (v->t != WN_JSON_STR)
		return field_err(m, v, where, f, "expected text in double quotes");
	*out = (struct wn_imp_val){ .type = SQLITE_TEXT, .s = v->s, .len = v->len };
	if (f->k == WN_F_STAMP)   /* the export's ISO 8601 form, or as stored */
		out->len = wn_valid_stamp_from_iso(v->s, v->len);
	if (f->k == WN_F_DATE && !wn_imp_valid_date(v->s, v->len))
		return field_err(m, v, where, f, "expected a real date YYYY-MM-DD");
	if (f->k == WN_F_STAMP && !wn_valid_stamp(out->s, out->len))
		return field_err(m, v, where, f, "expected a time YYYY-MM-DDTHH:MM:SSZ (or"
		                 " YYYY-MM-DD HH:MM:SS)");
	if (f->k == WN_F_UNIT)
		return unit_field(m, v, where, f, out);
	if (f->k == WN_F_DATE || f->k == WN_F_STAMP)
		return WN_OK;
	if (f->k != WN_F_NAME && (v->len > (size_t)f->max || (v->len == 0 && f->min > 0))) {
		snprintf(msg, sizeof msg, "expected text of %g to %g bytes", f->min, f->max);
		return field_err(m, v, where, f, msg);
	}
	return text_rule(m, v, where, f);
}

/* Reads field f of object o into *out (type SQLITE_NULL when null or
 * absent); *present tells whether the key was there. */
static int field(struct wn_imp *m, const struct wn_json *o, const char *where,
                 const struct wn_imp_fs *f, struct wn_imp_val *out, bool *present)
{
	const struct wn_json *v = wn_json_get(o, f->key);
	*out = (struct wn_imp_val){ .type = SQLITE_NULL };
	if (present)
		*present = v != NULL;
	if (!v || v->t == WN_JSON_NULL)
		return (!v && f->required) || (v && !f->nullable) ?
			field_err(m, v, where, f, v ? "must not be null" : "is missing") : WN_OK;
	if (f->k == WN_F_INT || f->k == WN_F_REAL)
		return number_field(m, v, where, f, out);
	return text_field(m, v, where, f, out);
}

int wn_imp_fields(struct wn_imp *m, const struct wn_json *o, const char *where,
                  const struct wn_imp_fs *f, size_t n, struct wn_imp_val *vals,
                  bool *present)
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

/* The array at *at (a member of the root), each element read, built and
 * written in turn: memory holds one element, whatever the list's size. */
static int import_list(struct wn_imp *m, struct wn_json_parser *p, const struct wn_json_at *at,
                       const char *key,
                       int (*each)(struct wn_imp *, const struct wn_json *, const char *))
{
	if (!at->found)
		return WN_OK;
	if (at->t != WN_JSON_ARR)
		return wn_err_set(m->err, WN_DATAERR, "line %d: %s: expected an array [...]",
		                  at->line, key);
	wn_json_array_at(p, at);
	bool done = false;
	int rc = WN_OK;
	for (size_t i = 0; rc == WN_OK && !done; i++) {
		struct wn_json el;
		rc = wn_json_next(p, &el, &done);
		if (rc == WN_OK && !done) {
			char where[64];
			snprintf(where, sizeof where, "%s[%zu]", key, i);
			m->line = el.line;
			rc = each(m, &el, where);
		}
		wn_json_free(&el);
	}
	return rc;
}

/* ---- days -------------------------------------------------------------------- */

#define FLAG01(k) { k, WN_F_INT, 0, 1, false, false, false }
#define STAMP(k) { k, WN_F_STAMP, 0, 19, false, false, false }

static const struct wn_imp_fs ci_fs[WN_IMP_CI_N + 2] = {
	{ "mood", WN_F_INT, 0, WN_VALID_LEVEL_MAX, true, false, false },
	{ "anxiety", WN_F_INT, 0, WN_VALID_LEVEL_MAX, true, false, false },
	{ "energy", WN_F_INT, 0, WN_VALID_LEVEL_MAX, true, false, false },
	{ "sleep", WN_F_REAL, 0, WN_VALID_SLEEP_MAX, true, false, false },
	FLAG01("flag"), { "note", WN_F_TEXT, 1, WN_NOTE_MAX, true, false, false },
	STAMP("created"), STAMP("updated"),
};

static int day_checkin(struct wn_imp *m, const struct wn_json *c, const char *where)
{
	struct wn_imp_val v[WN_IMP_CI_N + 2];
	char w[96];
	snprintf(w, sizeof w, "%s.checkin", where);
	int rc = wn_imp_fields(m, c, w, ci_fs, WN_IMP_CI_N + 2, v, NULL);
	if (rc != WN_OK)
		return rc;
	struct wn_imp_checkin ci = { .created = v[WN_IMP_CI_N], .updated = v[WN_IMP_CI_N + 1] };
	memcpy(ci.v, v, sizeof ci.v);
	if (ci.v[4].type != SQLITE_NULL && ci.v[4].num == 0)
		ci.v[4].type = SQLITE_NULL;          /* a flag of 0 is no flag */
	return wn_imp_checkin(m, &ci);
}

/* "ratings" / "metrics": {name: number}. */
static int day_values(struct wn_imp *m, const struct wn_json *o, const char *where,
                      bool ratings)
{
	const char *key = ratings ? "ratings" : "metrics";
	if (o->t != WN_JSON_OBJ)
		return wn_err_set(m->err, WN_DATAERR, "line %d: %s.%s: expected an object {...}",
		                  o->line, where, key);
	for (size_t i = 0; i < o->n; i++) {
		const struct wn_json *v = &o->kid[i];
		struct wn_imp_name s;
		char w[160];
		m->line = v->line;
		wn_imp_join(w, sizeof w, (const char *const[]){ where, ".", key, ".", o->key[i] },
		            5);
		int rc = wn_imp_name(m, ratings ? WN_IMP_SYMPTOM : WN_IMP_METRIC, o->key[i],
		                     strlen(o->key[i]), &s);
		if (rc != WN_OK)
			return rc;
		if (s.id < 0)
			return wn_err_set(m->err, WN_DATAERR, "line %d: %s.%s: no %s \"%s\"", v->line,
			                  where, key, ratings ? "symptom" : "metric", o->key[i]);
		if (v->t != WN_JSON_NUM)
			return wn_err_set(m->err, WN_DATAERR, "line %d: %s: expected %s", v->line, w,
			                  ratings ? "a whole number from 0 to 3" : "a number");
		if ((rc = wn_imp_value(m, &s, v->num, w)) != WN_OK)
			return rc;
	}
	return WN_OK;
}

static const struct wn_imp_fs dose_fs[] = {
	{ "med", WN_F_NAME, 1, WN_NAME_MAX, false, true, false },
	{ "minute", WN_F_INT, 0, WN_VALID_MINUTE_MAX, true, false, false },
	{ "amount", WN_F_REAL, 0, WN_VALID_AMOUNT_LIMIT, false, true, true }, STAMP("created"),
};
static const struct wn_imp_fs qn_fs[] = {
	{ "minute", WN_F_INT, 0, WN_VALID_MINUTE_MAX, true, false, false },
	{ "text", WN_F_TEXT, 1, WN_NOTE_MAX, false, true, false }, STAMP("created"),
};
static const char q_qn[] =
	"INSERT INTO quicknote(date, minute, text, created) SELECT ?4, ?1, ?2,"
	" ifnull(?3, strftime('%Y-%m-%d %H:%M:%S', 'now')) WHERE NOT EXISTS (SELECT 1 FROM"
	" quicknote WHERE date = ?4 AND minute IS ?1 AND text = ?2)";
static const struct wn_imp_fs qu_fs[] = {
	{ "text", WN_F_TEXT, 1, WN_NOTE_MAX, false, true, false }, FLAG01("answered"),
	{ "answer", WN_F_TEXT, 0, WN_NOTE_MAX, true, false, false }, STAMP("created"),
};
static const char q_qu[] =
	"INSERT INTO question(date, text, answered, answer, created) SELECT ?5, ?1,"
	" ifnull(?2, 0), ?3, ifnull(?4, strftime('%Y-%m-%d %H:%M:%S', 'now'))"
	" WHERE NOT EXISTS (SELECT 1 FROM question WHERE date = ?5 AND text = ?1)";

static int one_dose(struct wn_imp *m, const struct wn_imp_val *v, const char *w)
{
	struct wn_imp_name med;
	int rc = wn_imp_name(m, WN_IMP_MED, v[0].s, v[0].len, &med);
	if (rc != WN_OK)
		return rc;
	if (med.id < 0)
		return wn_err_set(m->err, WN_DATAERR, "line %d: %s.med: no medication \"%s\"",
		                  m->line, w, v[0].s);
	return wn_imp_dose(m, &med, v[1].type == SQLITE_NULL ? -1 : (int)v[1].num, &v[2],
	                   &v[3], w);
}

static int day_list(struct wn_imp *m, const struct wn_json *day, const char *where, int which)
{
	static const struct {
		const char *key; const struct wn_imp_fs *f; size_t n; const char *q;
	} l[] = {
		{ "doses", dose_fs, 4, NULL }, { "quicknotes", qn_fs, 3, q_qn },
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
		rc = wn_imp_fields(m, &a->kid[i], w, l[which].f, l[which].n, v, NULL);
		v[l[which].n] = (struct wn_imp_val){ .type = SQLITE_TEXT, .s = m->day.date, .len = 10 };
		if (rc == WN_OK)
			rc = l[which].q ? wn_imp_add_entry(m, l[which].q, v, l[which].n + 1, w) :
			     one_dose(m, v, w);
	}
	return rc;
}

static bool day_empty(const struct wn_json *o)
{
	static const char *const k[] = { "ratings", "metrics", "doses", "quicknotes", "questions" };
	const struct wn_json *ci = wn_json_get(o, "checkin");
	bool empty = !(ci && ci->t != WN_JSON_NULL);
	for (size_t i = 0; i < sizeof k / sizeof *k; i++) {
		const struct wn_json *a = wn_json_get(o, k[i]);
		empty = empty && !(a && a->n);
	}
	return empty;
}

static int one_day(struct wn_imp *m, const struct wn_json *o, const char *where)
{
	static const struct wn_imp_fs date_fs = { "date", WN_F_DATE, 0, 10, false, true, false };
	struct wn_imp_val d;
	char w[80];
	int rc = wn_imp_fields(m, o, where, &date_fs, 1, &d, NULL);
	if (rc != WN_OK)
		return rc;
	if (day_empty(o)) {
		m->res->skipped++;
		return WN_OK;
	}
	snprintf(w, sizeof w, "%s.date", where);
	const struct wn_json *ci = wn_json_get(o, "checkin"), *r = wn_json_get(o, "ratings"),
		*mt = wn_json_get(o, "metrics");
	rc = wn_imp_day_begin(m, d.s, w);
	if (rc == WN_OK && ci && ci->t != WN_JSON_NULL)
		rc = day_checkin(m, ci, where);
	if (rc == WN_OK && r && r->t != WN_JSON_NULL)
		rc = day_values(m, r, where, true);
	if (rc == WN_OK && mt && mt->t != WN_JSON_NULL)
		rc = day_values(m, mt, where, false);
	for (int i = 0; rc == WN_OK && i < 3; i++)
		rc = day_list(m, o, where, i);
	if (rc == WN_OK)
		wn_imp_day_end(m);
	return rc;
}

/* ---- meta, the header, the entry ------------------------------------------------- */

static const char *const q_meta[] = {
	"INSERT OR IGNORE INTO meta(key, value) VALUES (?1, ?2)",
	"INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)",
};

/* A setting as wn_db_meta_set takes it; the end of the last report a
 * date (report.h). */
static int meta_value(struct wn_imp *m, const char *key, const struct wn_json *v)
{
	static const struct wn_imp_fs fs[] = {
		{ "key", WN_F_NAME, 1, WN_NAME_MAX, false, true, false },
		{ "value", WN_F_TEXT, 0, WN_NOTE_MAX, false, true, false },
	};
	struct wn_json kv = { .t = WN_JSON_STR, .line = v->line, .s = (char *)key,
	                      .len = strlen(key) };
	char where[96];
	snprintf(where, sizeof where, "meta.%.64s", key);
	if (v->t != WN_JSON_STR)
		return wn_err_set(m->err, WN_DATAERR, "line %d: %s: expected text", v->line, where);
	int rc = text_field(m, &kv, "meta", &fs[0], &(struct wn_imp_val){ 0 });
	if (rc == WN_OK)
		rc = text_field(m, v, where, &fs[1], &(struct wn_imp_val){ 0 });
	if (rc == WN_OK && strcmp(key, WN_REPORT_META_KEY) == 0 &&
	    !wn_imp_valid_date(v->s, v->len))
		rc = wn_err_set(m->err, WN_DATAERR, "line %d: %s: expected a real date YYYY-MM-DD"
		                " (the last day of the last report)", v->line, where);
	return rc;
}

static int import_meta(struct wn_imp *m, struct wn_json_parser *p, const struct wn_json_at *at)
{
	if (!at->found || at->t == WN_JSON_NULL)
		return WN_OK;
	if (at->t != WN_JSON_OBJ)
		return wn_err_set(m->err, WN_DATAERR, "line %d: meta: expected an object", at->line);
	struct wn_json o;
	int rc = wn_json_value_at(p, at, &o);
	for (size_t i = 0; rc == WN_OK && i < o.n; i++) {
		const struct wn_json *v = &o.kid[i];
		m->line = v->line;
		rc = meta_value(m, o.key[i], v);
		struct wn_imp_val kv[2] = {
			{ .type = SQLITE_TEXT, .s = o.key[i], .len = strlen(o.key[i]) },
			{ .type = SQLITE_TEXT, .s = v->s, .len = v->len } };
		if (rc == WN_OK)
			rc = wn_imp_bind_run(m, q_meta[m->o->on_conflict == WN_IMPORT_REPLACE], kv, 2,
			                     "meta");
	}
	wn_json_free(&o);
	return rc;
}

/* The root an object; "format" the text "wean"; "schema_version" a
 * version this wean reads (each read only when its type is right). */
static int json_header(struct wn_imp *m, struct wn_json_parser *p, const struct wn_json *root,
                       const struct wn_json_at *fmt, const struct wn_json_at *ver)
{
	if (root->t != WN_JSON_OBJ)
		return wn_err_set(m->err, WN_DATAERR, "line %d: expected a wean export {...}",
		                  root->line);
	struct wn_json f = { .t = WN_JSON_NULL }, v = { .t = WN_JSON_NULL };
	int rc = fmt->found && fmt->t == WN_JSON_STR ? wn_json_value_at(p, fmt, &f) : WN_OK;
	if (rc == WN_OK && (f.t != WN_JSON_STR || strcmp(f.s, "wean") != 0))
		rc = wn_err_set(m->err, WN_DATAERR, "line %d: format: expected \"wean\"",
		                fmt->found ? fmt->line : root->line);
	if (rc == WN_OK && ver->found && ver->t == WN_JSON_NUM)
		rc = wn_json_value_at(p, ver, &v);
	/* the version of the export format, which the diary's own schema
	 * (drafts, from schema 3) may outgrow without changing it */
	if (rc == WN_OK && (v.t != WN_JSON_NUM || v.num < 1 || v.num > WN_EXPORT_FORMAT_VERSION ||
	                    v.num != (int)v.num))
		rc = wn_err_set(m->err, WN_DATAERR, "line %d: schema_version: this wean reads"
		                " versions 1 to %d", ver->found ? ver->line : root->line,
		                WN_EXPORT_FORMAT_VERSION);
	wn_json_free(&f);
	wn_json_free(&v);
	return rc;
}

int wn_imp_json(struct wn_imp *m, struct wn_reader *text)
{
	static const char *const keys[] = { "format", "schema_version", "meta", "symptoms",
		"metrics", "medications", "plans", "plan_switches", "hold_proposals", "days" };
	static int (*const each[])(struct wn_imp *, const struct wn_json *, const char *) = {
		wn_imp_json_symptom, wn_imp_json_metric, wn_imp_json_med, wn_imp_json_plan,
		wn_imp_json_switch, wn_imp_json_proposal, one_day,
	};
	enum { N_KEYS = sizeof keys / sizeof *keys, FIRST_LIST = 3 };
	struct wn_json_at at[N_KEYS];
	struct wn_json root;
	struct wn_json_parser p;
	/* the whole text checked first, then the lists before the days,
	 * whatever their order in the file */
	int rc = wn_json_scan(&p, text, keys, at, N_KEYS, &root, m->err);
	if (rc == WN_OK)
		rc = json_header(m, &p, &root, &at[0], &at[1]);
	if (rc == WN_OK)
		rc = import_meta(m, &p, &at[2]);
	for (size_t i = FIRST_LIST; rc == WN_OK && i < N_KEYS; i++)
		rc = import_list(m, &p, &at[i], keys[i], each[i - FIRST_LIST]);
	wn_json_free(&root);
	wn_json_parser_free(&p);
	return rc;
}
