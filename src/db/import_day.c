/* SPDX-License-Identifier: GPL-3.0-or-later */
/* import_day.c -- one day of an import (import_int.h): its date checked
 * against the window and the rest of the file, each value checked by the
 * rules and merged with what the diary has, the conflicts listed and the
 * day counted.  Every format writes its days through here. */
#include "import_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/text.h"
#include "core/valid.h"

/* ---- the day -------------------------------------------------------------------- */

static const char q_day_exists[] =
	"SELECT EXISTS (SELECT 1 FROM checkin WHERE date = ?1)"
	" OR EXISTS (SELECT 1 FROM rating WHERE date = ?1)"
	" OR EXISTS (SELECT 1 FROM metric_value WHERE date = ?1)"
	" OR EXISTS (SELECT 1 FROM dose WHERE date = ?1)"
	" OR EXISTS (SELECT 1 FROM quicknote WHERE date = ?1)"
	" OR EXISTS (SELECT 1 FROM question WHERE date = ?1)";

static const char *const q_day_delete[] = {
	"DELETE FROM checkin WHERE date = ?1", "DELETE FROM rating WHERE date = ?1",
	"DELETE FROM metric_value WHERE date = ?1", "DELETE FROM dose WHERE date = ?1",
	"DELETE FROM quicknote WHERE date = ?1", "DELETE FROM question WHERE date = ?1",
};

static struct wn_imp_val text_val(const char *s, size_t len)
{
	return (struct wn_imp_val){ .type = SQLITE_TEXT, .s = s, .len = len };
}

static struct wn_imp_val date_val(const struct wn_imp *m)
{
	return text_val(m->day.date, 10);
}

static struct wn_imp_val int_val(long v)
{
	return (struct wn_imp_val){ .type = SQLITE_INTEGER, .num = (double)v };
}

/* Is there a value (a zeroed struct is none, as SQLITE_NULL is)? */
static bool given(const struct wn_imp_val *v)
{
	return v->type == SQLITE_INTEGER || v->type == SQLITE_FLOAT || v->type == SQLITE_TEXT;
}

/* A change to the current day was written. */
static int changed(struct wn_imp *m, int rc)
{
	if (rc != WN_OK)
		return rc;
	m->want_backup = m->want_backup || (m->day.had && !m->may_change);
	m->day.changed = true;
	return WN_OK;
}

/* Refuses a date outside the window or given twice; marks it given. */
static int check_date(struct wn_imp *m, wn_date d, const char *field)
{
	struct wn_err why = { 0 };
	if (wn_valid_day(d, m->today, &why) != WN_OK)
		return wn_imp_refuse(m, field, &why);
	size_t bit = (size_t)(d - wn_valid_earliest(m->today));
	if (m->seen[bit / 8] & (1u << (bit % 8))) {
		wn_err_set(&why, WN_DATAERR, "%s is given twice in the file", m->day.date);
		return wn_imp_refuse(m, field, &why);
	}
	m->seen[bit / 8] |= (unsigned char)(1u << (bit % 8));
	return WN_OK;
}

int wn_imp_day_begin(struct wn_imp *m, const char *date, const char *field)
{
	sqlite3_stmt *st;
	memcpy(m->day.date, date, 10);
	m->day.date[10] = '\0';
	m->day.had = m->day.changed = false;
	int rc = wn_date_parse_iso(m->day.date, &m->day.d, m->err);
	if (rc == WN_OK)
		rc = check_date(m, m->day.d, field);
	struct wn_imp_val d = date_val(m);
	if (rc == WN_OK && (rc = wn_imp_first(m, q_day_exists, &d, 1, &st)) == WN_OK && st) {
		m->day.had = sqlite3_column_int(st, 0) == 1;
		sqlite3_reset(st);
	}
	if (rc != WN_OK || !m->day.had || !m->o->replace)
		return rc;
	for (size_t i = 0; rc == WN_OK && i < sizeof q_day_delete / sizeof *q_day_delete; i++)
		rc = wn_imp_bind_run(m, q_day_delete[i], &d, 1, "the day");
	return changed(m, rc);
}

void wn_imp_day_end(struct wn_imp *m)
{
	if (!m->day.had)
		m->res->added++;
	else if (m->day.changed)
		m->res->updated++;
	else
		m->res->unchanged++;
}

/* ---- conflicts -------------------------------------------------------------------- */

/* v as one short, terminal-safe line: a number, a note in quotes, "none". */
static void shown(const struct wn_imp_val *v, char *out, size_t n)
{
	char head[160], fit[48];
	if (v->type == SQLITE_TEXT) {
		size_t k = wn_text_prefix(v->s, v->len, sizeof head - 1);
		memcpy(head, v->s, k);
		head[k] = '\0';
		wn_text_fit(head, 30, fit, sizeof fit, false);
		snprintf(out, n, "\"%s\"", fit);
	} else if (!given(v)) {
		snprintf(out, n, "none");
	} else {
		wn_text_num(v->num, 3, out, n);
	}
}

static int conflict(struct wn_imp *m, const char *field, const struct wn_imp_val *old,
                    const struct wn_imp_val *new, enum wn_import_action a)
{
	struct wn_import_result *r = m->res;
	r->conflicts++;
	if (r->n_listed == WN_IMPORT_MAX_LISTED)
		return WN_OK;
	if (r->n_listed == m->cap_listed &&
	    wn_buf_grow((void **)&r->listed, &m->cap_listed, r->n_listed, sizeof *r->listed))
		return wn_err_set(m->err, WN_ERR, "out of memory");
	struct wn_import_conflict *c = &r->listed[r->n_listed++];
	*c = (struct wn_import_conflict){ .action = a };
	memcpy(c->date, m->day.date, sizeof c->date);
	wn_text_fit(field, 60, c->field, sizeof c->field, false);
	shown(old, c->diary, sizeof c->diary);
	shown(new, c->file, sizeof c->file);
	return WN_OK;
}

static bool same(const struct wn_imp_val *a, const struct wn_imp_val *b)
{
	if (a->type == SQLITE_TEXT || b->type == SQLITE_TEXT)
		return a->type == b->type && a->len == b->len && memcmp(a->s, b->s, a->len) == 0;
	return a->num == b->num;
}

#define JOINT "\n\n" WN_IMPORT_SEPARATOR "\n"

/* Is old already old's note and new joined (an import run twice)? */
static bool joined_already(const struct wn_imp_val *old, const struct wn_imp_val *new)
{
	size_t tail = strlen(JOINT) + new->len;
	return old->len > tail && memcmp(old->s + old->len - tail, JOINT, strlen(JOINT)) == 0 &&
	       memcmp(old->s + old->len - new->len, new->s, new->len) == 0;
}

/* What to write for one value. */
enum take { TAKE_NONE, TAKE_FILE, TAKE_JOINED };

/* The diary's value old (SQLITE_NULL: none) against the file's new: the
 * file's when the diary has none; nothing when they are the same; else a
 * conflict, settled by the rule. */
static int decide(struct wn_imp *m, const char *field, const struct wn_imp_val *old,
                  const struct wn_imp_val *new, enum take *t)
{
	enum wn_import_rule rule = m->o->on_conflict;
	bool text = new->type == SQLITE_TEXT;
	*t = given(old) ? TAKE_NONE : TAKE_FILE;
	if (*t == TAKE_FILE || same(old, new) ||
	    (text && rule == WN_IMPORT_APPEND && joined_already(old, new)))
		return WN_OK;
	enum wn_import_action a = rule == WN_IMPORT_REPLACE ? WN_IMPORT_REPLACED :
	                          rule == WN_IMPORT_APPEND && text ? WN_IMPORT_JOINED :
	                          WN_IMPORT_KEPT;
	*t = a == WN_IMPORT_REPLACED ? TAKE_FILE : a == WN_IMPORT_JOINED ? TAKE_JOINED : TAKE_NONE;
	return conflict(m, field, old, new, a);
}

/* ---- the check-in ------------------------------------------------------------------ */

static const char q_ci_old[] =
	"SELECT mood, anxiety, energy, sleep, CASE WHEN flag = 1 THEN 1 END, note"
	" FROM checkin WHERE date = ?1";
static const char *const ci_field[WN_IMP_CI_N] = {
	"mood", "anxiety", "energy", "sleep", "flag", "note"
};

#define CI_NOW "strftime('%Y-%m-%d %H:%M:%S', 'now')"
#define CI_TAKE(col, bit) " " col " = CASE WHEN ?10 & " bit " THEN excluded." col \
	" ELSE " col " END,"

/* A check-in in one statement: ?2..?7 the columns, ?8 and ?9 the times
 * of a new row (NULL: now), ?10 with bit i set for each column i to
 * write into a row that is there; its "updated" becomes now. */
static const char q_ci_write[] =
	"INSERT INTO checkin(date, mood, anxiety, energy, sleep, flag, note, created,"
	" updated) VALUES (?1, ?2, ?3, ?4, ?5, ifnull(?6, 0), ?7, ifnull(?8, " CI_NOW "),"
	" ifnull(?9, " CI_NOW ")) ON CONFLICT(date) DO UPDATE SET"
	CI_TAKE("mood", "1") CI_TAKE("anxiety", "2") CI_TAKE("energy", "4")
	CI_TAKE("sleep", "8") CI_TAKE("flag", "16") CI_TAKE("note", "32")
	" updated = " CI_NOW;

static struct wn_imp_val col_val(sqlite3_stmt *st, int i)
{
	switch (sqlite3_column_type(st, i)) {
	case SQLITE_INTEGER: case SQLITE_FLOAT:
		return (struct wn_imp_val){ .type = SQLITE_FLOAT, .num = sqlite3_column_double(st, i) };
	case SQLITE_TEXT:
		return text_val((const char *)sqlite3_column_text(st, i),
		                (size_t)sqlite3_column_bytes(st, i));
	}
	return (struct wn_imp_val){ .type = SQLITE_NULL };
}

/* The diary's note and the file's joined into b, at most a note's size. */
static int join(struct wn_imp *m, const struct wn_imp_val *old, const struct wn_imp_val *new,
                struct wn_buf *b)
{
	wn_buf_add(b, old->s, old->len);
	wn_buf_adds(b, JOINT);
	wn_buf_add(b, new->s, new->len);
	if (b->failed)
		return wn_err_set(m->err, WN_ERR, "out of memory");
	if (b->len <= WN_TEXT_NOTE_MAX)
		return WN_OK;
	wn_err_set(m->err, WN_DATAERR, "line %d: %s: the diary's note and the file's are"
	           " too long together (%zu bytes; at most %u)", m->line, m->day.date,
	           b->len, WN_TEXT_NOTE_MAX);
	wn_err_hint(m->err, "import with --on-conflict keep or replace");
	return WN_DATAERR;
}

/* Merges the file's values v[] with the check-in row st (NULL: none):
 * *mask gets the columns to write; a joined note goes into b and v[]. */
static int ci_merge(struct wn_imp *m, sqlite3_stmt *st, struct wn_imp_val *v,
                    struct wn_buf *b, int *mask)
{
	int rc = WN_OK;
	for (int i = 0; rc == WN_OK && i < WN_IMP_CI_N; i++) {
		if (!given(&v[i]))
			continue;
		enum take t = TAKE_FILE;
		struct wn_imp_val old = st ? col_val(st, i) : (struct wn_imp_val){ 0 };
		if (st)
			rc = decide(m, ci_field[i], &old, &v[i], &t);
		if (rc == WN_OK && t == TAKE_JOINED && (rc = join(m, &old, &v[i], b)) == WN_OK)
			v[i] = text_val(b->s, b->len);
		*mask |= t != TAKE_NONE ? 1 << i : 0;
	}
	return rc;
}

int wn_imp_checkin(struct wn_imp *m, const struct wn_imp_checkin *c)
{
	struct wn_imp_val v[WN_IMP_CI_N], d = date_val(m);
	struct wn_buf joined;
	sqlite3_stmt *st = NULL, *w;
	int mask = 0, rc = WN_OK;
	memcpy(v, c->v, sizeof v);
	wn_buf_init(&joined);
	if (m->day.had)
		rc = wn_imp_first(m, q_ci_old, &d, 1, &st);
	bool exists = st != NULL;
	if (rc == WN_OK)
		rc = ci_merge(m, st, v, &joined, &mask);
	if (st)
		sqlite3_reset(st);
	if (rc == WN_OK && (!exists || mask) && (rc = wn_imp_stmt(m, q_ci_write, &w)) == WN_OK) {
		wn_imp_bind(w, 1, &d);
		for (int i = 0; i < WN_IMP_CI_N; i++)
			wn_imp_bind(w, 2 + i, &v[i]);
		wn_imp_bind(w, 8, exists ? &(struct wn_imp_val){ 0 } : &c->created);
		wn_imp_bind(w, 9, exists ? &(struct wn_imp_val){ 0 } : &c->updated);
		sqlite3_bind_int(w, 10, mask);
		rc = changed(m, wn_imp_run(m, w, "the check-in"));
	}
	wn_buf_free(&joined);
	return rc;
}

/* ---- ratings, metric values, doses ---------------------------------------------------- */

static const char *const q_value_old[] = {
	"SELECT value FROM rating WHERE date = ?1 AND symptom_id = ?2",
	"SELECT value FROM metric_value WHERE date = ?1 AND metric_id = ?2",
};
/* Upserts rather than INSERT OR REPLACE: the same rows, without a delete
 * and a second insert when the row is there (and cheaper when not). */
static const char *const q_value_set[] = {
	"INSERT INTO rating(date, symptom_id, value) VALUES (?1, ?2, ?3)"
	" ON CONFLICT(date, symptom_id) DO UPDATE SET value = excluded.value",
	"INSERT INTO metric_value(date, metric_id, value) VALUES (?1, ?2, ?3)"
	" ON CONFLICT(date, metric_id) DO UPDATE SET value = excluded.value",
};

/* The diary's value of the current day by q (bound to the date, id and,
 * when minute is not NO_MINUTE, the minute), SQLITE_NULL when it has none
 * -- or when the day had no records. */
#define NO_MINUTE (-2)
static int old_value(struct wn_imp *m, const char *q, long id, int minute,
                     struct wn_imp_val *old)
{
	struct wn_imp_val p[3] = { date_val(m), int_val(id), int_val(minute) };
	sqlite3_stmt *st = NULL;
	*old = (struct wn_imp_val){ .type = SQLITE_NULL };
	int rc = m->day.had ? wn_imp_first(m, q, p, minute == NO_MINUTE ? 2 : 3, &st) : WN_OK;
	if (st) {
		*old = col_val(st, 0);
		sqlite3_reset(st);
	}
	return rc;
}

/* Refuses a rating after the symptom was hidden, a dose after the
 * medication was archived. */
static int check_since(struct wn_imp *m, const struct wn_imp_name *n, const char *where)
{
	char a[WN_DATE_STRLEN];
	struct wn_err why = { 0 };
	if (n->since == WN_DATE_NONE || m->day.d <= n->since)
		return WN_OK;
	bool sym = n->kind == WN_IMP_SYMPTOM;
	wn_err_set(&why, WN_DATAERR, "\"%s\" was %s on %s; a %s on %s is after that",
	           n->shown, sym ? "hidden" : "archived", wn_date_format(n->since, a),
	           sym ? "rating" : "dose", m->day.date);
	wn_err_hint(&why, sym ? "show it again first ('wean symptoms show NAME')" :
	            "leave the medication's later doses out of the file");
	return wn_imp_refuse(m, where, &why);
}

static int check_value(struct wn_imp *m, const struct wn_imp_name *s, double v,
                       const char *where)
{
	struct wn_err why = { 0 };
	if (s->kind == WN_IMP_METRIC && wn_valid_metric(s->shown, v, s->min, s->max, &why))
		return wn_imp_refuse(m, where, &why);
	if (s->kind == WN_IMP_SYMPTOM && (v != floor(v) || v < 0 || v > WN_VALID_RATING_MAX)) {
		wn_err_set(&why, WN_DATAERR, "expected a whole number from 0 to %d",
		           WN_VALID_RATING_MAX);
		return wn_imp_refuse(m, where, &why);
	}
	return s->kind == WN_IMP_SYMPTOM ? check_since(m, s, where) : WN_OK;
}

int wn_imp_value(struct wn_imp *m, const struct wn_imp_name *s, double v,
                 const char *where)
{
	bool rating = s->kind == WN_IMP_SYMPTOM;
	struct wn_imp_val old, new = { .type = rating || v == floor(v) ? SQLITE_INTEGER :
	                                       SQLITE_FLOAT, .num = v };
	char field[96];
	enum take t = TAKE_FILE;
	int rc = check_value(m, s, v, where);
	if (rc == WN_OK)
		rc = old_value(m, q_value_old[!rating], s->id, NO_MINUTE, &old);
	wn_imp_join(field, sizeof field, (const char *const[]){ rating ? "symptom " : "metric ",
	            s->shown }, 2);
	if (rc == WN_OK)
		rc = decide(m, field, &old, &new, &t);
	if (rc != WN_OK || t != TAKE_FILE)
		return rc;
	struct wn_imp_val p[3] = { date_val(m), int_val(s->id), new };
	rc = wn_imp_bind_run(m, q_value_set[!rating], p, 3, rating ? "the ratings" : "the metrics");
	return changed(m, rc);
}

static const char q_dose_old[] =
	"SELECT amount FROM dose WHERE date = ?1 AND med_id = ?2 AND ifnull(minute, -1) = ?3";
static const char q_dose[] =
	"INSERT INTO dose(date, med_id, minute, amount, created)"
	" VALUES (?1, ?2, ?3, ?4, ifnull(?5, strftime('%Y-%m-%d %H:%M:%S', 'now')))"
	" ON CONFLICT(date, med_id, ifnull(minute, -1)) DO UPDATE SET"
	" amount = excluded.amount, created = excluded.created";

int wn_imp_dose(struct wn_imp *m, const struct wn_imp_name *med, int minute,
                const struct wn_imp_val *amount, const struct wn_imp_val *created,
                const char *where)
{
	struct wn_imp_val old;
	char field[96];
	enum take t = TAKE_FILE;
	int rc = check_since(m, med, where);
	if (rc == WN_OK)
		rc = old_value(m, q_dose_old, med->id, minute, &old);
	if (minute >= 0)
		snprintf(field, sizeof field, "dose of %s at %02d:%02d", med->shown, minute / 60,
		         minute % 60);
	else
		snprintf(field, sizeof field, "dose of %s (no time)", med->shown);
	if (rc == WN_OK)
		rc = decide(m, field, &old, amount, &t);
	if (rc != WN_OK || t != TAKE_FILE)
		return rc;
	struct wn_imp_val p[5] = { date_val(m), int_val(med->id),
	                           minute >= 0 ? int_val(minute) : (struct wn_imp_val){ 0 },
	                           *amount, *created };
	rc = wn_imp_bind_run(m, q_dose, p, 5, where);
	return changed(m, rc);
}

static const char q_taken_old[] =
	"SELECT CASE WHEN count(*) > 0 THEN total(amount) END FROM dose"
	" WHERE date = ?1 AND med_id = ?2";
static const char q_taken_del[] = "DELETE FROM dose WHERE date = ?1 AND med_id = ?2";
static const char q_taken_add[] =
	"INSERT INTO dose(date, med_id, minute, amount) VALUES (?1, ?2, NULL, ?3)";

int wn_imp_taken(struct wn_imp *m, const struct wn_imp_name *med, double total,
                 const char *where)
{
	struct wn_imp_val old, new = { .type = SQLITE_FLOAT, .num = total };
	char field[96];
	enum take t = TAKE_FILE;
	int rc = check_since(m, med, where);
	if (rc == WN_OK)
		rc = old_value(m, q_taken_old, med->id, NO_MINUTE, &old);
	if (rc != WN_OK)
		return rc;
	snprintf(field, sizeof field, "%s taken", med->shown);
	if ((rc = decide(m, field, &old, &new, &t)) != WN_OK || t != TAKE_FILE)
		return rc;
	struct wn_imp_val p[3] = { date_val(m), int_val(med->id), new };
	rc = wn_imp_bind_run(m, q_taken_del, p, 2, "the doses");
	if (rc == WN_OK)                  /* 0: skipped, a dose recorded as not taken */
		rc = wn_imp_bind_run(m, q_taken_add, p, 3, "the doses");
	return changed(m, rc);
}

/* ---- quick notes and questions ---------------------------------------------------------- */

int wn_imp_add_entry(struct wn_imp *m, const char *q, const struct wn_imp_val *v,
                     size_t n, const char *what)
{
	int rc = wn_imp_bind_run(m, q, v, n, what);
	return rc == WN_OK && sqlite3_changes(wn_db_sqlite(m->db)) > 0 ? changed(m, rc) : rc;
}
