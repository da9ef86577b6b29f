/* SPDX-License-Identifier: GPL-3.0-or-later */
/* export.c -- CSV and JSON exports of the diary (see export.h). */
#include "db/export.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/csv.h"
#include "db/plan.h"
#include "core/plan.h"
#include "core/records.h"
#include "core/report_facts.h"
#include "core/valid.h"
#include "core/vocab.h"
#include "db/day.h"
#include "db/med.h"
#include "db/symptoms.h"
#include "db_int.h"

#define CHUNK_DAYS 3660
#define MAX_CSV_DAYS 36600

static void bind_range(sqlite3_stmt *st, wn_date from, wn_date to)
{
	wn_db_bind_date(st, 1, from);
	wn_db_bind_date(st, 2, to);
}

static int resolve_range(struct wn_db *db, struct wn_export_opts *o,
                         wn_date *from, wn_date *to, struct wn_err *err)
{
	wn_date first, last;
	int rc = wn_db_date_span(db, &first, &last, err);
	if (rc != WN_OK)
		return rc;
	*to = o->to != WN_DATE_NONE ? o->to : last;
	struct wn_range_rule r = { .to = *to, .first = first, .since = WN_DATE_NONE };
	/* the default start: the diary's first record (the report's rule,
	 * without its 90 days) */
	*from = o->from != WN_DATE_NONE || first == WN_DATE_NONE ? o->from :
	        wn_report_range_from(&r, NULL);
	if (*from == WN_DATE_NONE || *to == WN_DATE_NONE)
		*from = *to = WN_DATE_NONE;             /* nothing recorded */
	else if (*from > *to)
		return wn_err_set(err, WN_USAGE, "the first day is after the last day");
	return WN_OK;
}

/* With o->flush: hands b's text on when it holds WN_EXPORT_CHUNK bytes,
 * or at the end whatever it holds, and empties it. */
static int drain(struct wn_export_opts *o, struct wn_buf *b, bool end, struct wn_err *err)
{
	if (!o->flush || (!end && b->len < WN_EXPORT_CHUNK))
		return WN_OK;
	if (b->failed)
		return wn_err_set(err, WN_ERR, "out of memory");
	int rc = o->flush(o->flush_ctx, b->s ? b->s : "", b->len, err);
	wn_buf_reset(b);
	return rc;
}

/* ---- CSV ----------------------------------------------------------------- */

/* Numbers are most of the cells: whole ones are written without printf
 * (the same text as "%d" and "%.15g"), the others with one snprintf. */
static void put_int(struct wn_buf *b, long long v)
{
	char tmp[24];
	size_t i = sizeof tmp;
	unsigned long long u = (unsigned long long)v;
	if (v < 0)
		u = 0ULL - u;
	do {
		tmp[--i] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		tmp[--i] = '-';
	wn_buf_add(b, tmp + i, sizeof tmp - i);
}

static void cell_num(struct wn_buf *b, double v)
{
	wn_buf_addc(b, ',');
	if (isnan(v))
		return;
	if (v == floor(v) && fabs(v) < 1e15 && !(v == 0 && signbit(v))) {
		put_int(b, (long long)v);
		return;
	}
	char s[32];
	int n = snprintf(s, sizeof s, "%.15g", v);
	if (n > 0 && (size_t)n < sizeof s)
		wn_buf_add(b, s, (size_t)n);
}

static void cell_int(struct wn_buf *b, int v)
{
	wn_buf_addc(b, ',');
	if (v != WN_UNSET)
		put_int(b, v);
}

struct medcol {
	struct wn_med med;
	struct wn_plan plan;
	struct wn_schedule sched;
	bool has_plan;
	struct wn_plan_day *days;     /* CHUNK_DAYS */
};

struct metric {
	long id;
	char name[32];
};

struct csv {
	struct wn_db *db;
	struct wn_export_opts *o;
	struct wn_symptom *sym;  size_t n_sym;
	struct metric *metric;   size_t n_metric;
	struct medcol *meds;     size_t n_meds;
	int *sym_val;            /* per day, per symptom, WN_UNSET */
	double *met_val;         /* per day, per metric, NAN */
	sqlite3_stmt *ci, *rt, *mv, *ot;
};

static int read_metric(sqlite3_stmt *st, void *item)
{
	struct metric *m = item;
	m->id = (long)sqlite3_column_int64(st, 0);
	wn_db_col_copy(st, 1, m->name, sizeof m->name);
	return 0;
}

static int load_metrics(struct csv *c, struct wn_err *err)
{
	static const char sql[] = "SELECT id, name FROM metric_def ORDER BY name";
	static const struct wn_db_rows r = { sizeof(struct metric), read_metric,
	                                     "read the metrics" };
	sqlite3_stmt *st;
	void *arr = NULL;
	int rc = wn_db_stmt(c->db, sql, &st, err);
	if (rc == WN_OK)
		rc = wn_db_collect(c->db, st, &r, &arr, &c->n_metric, err);
	c->metric = arr;
	return rc;
}

static int load_med(struct wn_db *db, struct medcol *m, struct wn_err *err)
{
	struct wn_drug d;
	m->days = malloc(CHUNK_DAYS * sizeof *m->days);
	if (!m->days)
		return wn_err_set(err, WN_ERR, "out of memory");
	int rc = wn_db_plan_load(db, m->med.id, &m->plan, err);
	if (rc == WN_NOINPUT) {
		wn_err_clear(err);
		return WN_OK;
	}
	if (rc != WN_OK)
		return rc;
	bool has = wn_plan_drug(&m->med, &d, NULL) == WN_OK;
	rc = wn_plan_build(&m->plan, has ? &d : NULL, &m->sched, err);
	m->has_plan = rc == WN_OK;
	return rc;
}

static int csv_load(struct csv *c, struct wn_err *err)
{
	struct wn_med *meds = NULL;
	int rc = wn_db_symptom_list(c->db, true, &c->sym, &c->n_sym, err);
	if (rc == WN_OK)
		rc = load_metrics(c, err);
	if (rc == WN_OK)
		rc = wn_db_med_list(c->db, &meds, &c->n_meds, err);
	if (rc == WN_OK && c->n_meds && !(c->meds = calloc(c->n_meds, sizeof *c->meds)))
		rc = wn_err_set(err, WN_ERR, "out of memory");
	for (size_t i = 0; rc == WN_OK && i < c->n_meds; i++) {
		c->meds[i].med = meds[i];
		rc = load_med(c->db, &c->meds[i], err);
	}
	free(meds);
	if (rc != WN_OK)
		return rc;
	c->sym_val = malloc((c->n_sym + 1) * sizeof *c->sym_val);
	c->met_val = malloc((c->n_metric + 1) * sizeof *c->met_val);
	if (!c->sym_val || !c->met_val)
		return wn_err_set(err, WN_ERR, "out of memory");
	rc = wn_db_prepare(c->db, "SELECT date, mood, anxiety, energy, sleep, flag,"
	                   " note FROM checkin WHERE date BETWEEN ?1 AND ?2 ORDER BY date",
	                   &c->ci, err);
	if (rc == WN_OK)
		rc = wn_db_prepare(c->db, "SELECT date, symptom_id, value FROM rating"
		                   " WHERE date BETWEEN ?1 AND ?2 ORDER BY date", &c->rt, err);
	if (rc == WN_OK)
		rc = wn_db_prepare(c->db, "SELECT date, metric_id, value FROM metric_value"
		                   " WHERE date BETWEEN ?1 AND ?2 ORDER BY date", &c->mv, err);
	/* the other records that make a day recorded (core/vocab.h) */
	if (rc == WN_OK)
		rc = wn_db_prepare(c->db, "SELECT date FROM dose WHERE date BETWEEN ?1 AND ?2"
		                   " UNION SELECT date FROM quicknote WHERE date BETWEEN ?1 AND ?2"
		                   " UNION SELECT date FROM question WHERE date BETWEEN ?1 AND ?2"
		                   " ORDER BY 1", &c->ot, err);
	return rc;
}

static void csv_free(struct csv *c)
{
	for (size_t i = 0; i < c->n_meds; i++) {
		if (c->meds[i].has_plan)
			wn_taper_free(&c->meds[i].sched);
		wn_plan_free(&c->meds[i].plan);
		free(c->meds[i].days);
	}
	free(c->meds);
	free(c->sym);
	free(c->metric);
	free(c->sym_val);
	free(c->met_val);
	sqlite3_finalize(c->ci);
	sqlite3_finalize(c->rt);
	sqlite3_finalize(c->mv);
	sqlite3_finalize(c->ot);
}

/* The header; for spreadsheets (export.h) after a byte-order mark, the
 * names with their units. */
static void csv_header(const struct csv *c, bool sheet, struct wn_buf *b)
{
	static const char *const fixed[] = { "date", "recorded", "mood", "anxiety", "energy",
	                                     "sleep", "burden" };
	static const char *const rating = "0-3";
	_Static_assert(WN_VALID_RATING_MAX == 3, "the ratings' unit in the header");
	if (sheet)
		wn_buf_adds(b, WN_CSV_BOM);
	for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++) {
		if (i)
			wn_buf_addc(b, ',');
		wn_csv_head_cell(b, fixed[i], sheet ? wn_csv_fixed_unit(fixed[i]) : NULL);
	}
	for (size_t i = 0; i < c->n_sym; i++) {
		wn_buf_addc(b, ',');
		wn_csv_head_cell(b, c->sym[i].name, sheet ? rating : NULL);
	}
	for (size_t i = 0; i < c->n_metric; i++) {
		wn_buf_addc(b, ',');
		wn_csv_cell(b, c->metric[i].name, strlen(c->metric[i].name));
	}
	for (size_t i = 0; i < c->n_meds; i++) {
		static const char *const what[] = { "planned", "taken", "status" };
		char h[WN_NAME_MAX + 16];
		for (int k = 0; k < 3; k++) {
			snprintf(h, sizeof h, "%s %s", c->meds[i].med.name, what[k]);
			wn_buf_addc(b, ',');
			wn_csv_head_cell(b, h, sheet && k < 2 ? c->meds[i].med.unit : NULL);
		}
	}
	wn_buf_addc(b, ',');
	wn_csv_head_cell(b, "flag", sheet ? wn_csv_fixed_unit("flag") : NULL);
	wn_buf_adds(b, ",note\r\n");
}

/* The four scans of a chunk, each in date order: per scan 0 when its
 * current row is not read yet, 1 on a row, 2 at the end; rc the first
 * error (then every scan counts as ended). */
struct cursors {
	int ci, rt, mv, ot;
	int rc;
	struct wn_db *db;
	struct wn_err *err;
};

/* Is the statement's current row (column 0 a date) on day d?  Steps
 * the statement once when *state is 0 (not yet read). */
static bool row_on(struct cursors *k, sqlite3_stmt *st, int *state, const char *d)
{
	if (*state == 0 && k->rc == WN_OK) {
		int rc = WN_OK;
		*state = wn_db_row(k->db, st, "read the days", &rc, k->err) ? 1 : 2;
		k->rc = rc;
	}
	return k->rc == WN_OK && *state == 1 &&
	       strcmp((const char *)sqlite3_column_text(st, 0), d) == 0;
}

static size_t find_id(const long *ids, size_t n, size_t stride, long id)
{
	for (size_t i = 0; i < n; i++)
		if (*(const long *)((const char *)ids + i * stride) == id)
			return i;
	return n;
}

/* The ratings and metric values of day d into c; what they count towards
 * the day's facts into f; returns the sum of the ratings. */
static int day_values(struct csv *c, struct cursors *k, const char *d,
                      struct wn_vocab_facts *f)
{
	int burden = 0;
	for (size_t i = 0; i < c->n_sym; i++)
		c->sym_val[i] = WN_UNSET;
	for (size_t i = 0; i < c->n_metric; i++)
		c->met_val[i] = NAN;
	while (row_on(k, c->rt, &k->rt, d)) {
		size_t i = c->n_sym ? find_id(&c->sym[0].id, c->n_sym, sizeof *c->sym,
		                   (long)sqlite3_column_int64(c->rt, 1)) : 0;
		int v = sqlite3_column_int(c->rt, 2);
		if (i < c->n_sym)
			c->sym_val[i] = v;
		burden += v;
		f->ratings++;
		k->rt = 0;
	}
	while (row_on(k, c->mv, &k->mv, d)) {
		long id = (long)sqlite3_column_int64(c->mv, 1);
		size_t i = c->n_metric ? find_id(&c->metric[0].id, c->n_metric,
		                                 sizeof *c->metric, id) : 0;
		if (i < c->n_metric)
			c->met_val[i] = sqlite3_column_double(c->mv, 2);
		f->metrics++;
		k->mv = 0;
	}
	if (row_on(k, c->ot, &k->ot, d)) {
		f->doses = 1;            /* stands for a dose, quick note or question */
		k->ot = 0;
	}
	return burden;
}

static void ci_cell(struct wn_buf *b, sqlite3_stmt *st, int col, bool has)
{
	cell_int(b, has && sqlite3_column_type(st, col) != SQLITE_NULL ?
	         sqlite3_column_int(st, col) : WN_UNSET);
}

/* A planned medication's three cells: planned, taken (empty when not
 * recorded, 0 when skipped) and its status in core/vocab.h's words
 * (empty when nothing is planned). */
static void med_cells(struct wn_buf *b, const struct wn_plan_day *p)
{
	cell_num(b, p->planned);
	cell_num(b, p->n_doses > 0 ? p->taken : NAN);
	wn_buf_addc(b, ',');
	if (p->status != WN_DOSE_NOT_PLANNED)
		wn_buf_adds(b, wn_vocab_dose_word(p->status));
}

static void csv_row(struct csv *c, struct cursors *k, wn_date day, size_t off,
                    struct wn_buf *b)
{
	char d[WN_DATE_STRLEN];
	struct wn_vocab_facts f = { 0 };
	wn_date_format(day, d);
	int burden = day_values(c, k, d, &f);
	bool has = row_on(k, c->ci, &k->ci, d);
	f.checkin = has;
	wn_buf_add(b, d, strlen(d));
	wn_buf_adds(b, wn_vocab_recorded(&f) ? ",1" : ",0");
	for (int col = 1; col <= 3; col++)
		ci_cell(b, c->ci, col, has);
	cell_num(b, has && sqlite3_column_type(c->ci, 4) != SQLITE_NULL ?
	         sqlite3_column_double(c->ci, 4) : NAN);
	cell_num(b, wn_vocab_burden(f.ratings, burden));
	for (size_t i = 0; i < c->n_sym; i++)
		cell_int(b, c->sym_val[i]);
	for (size_t i = 0; i < c->n_metric; i++)
		cell_num(b, c->met_val[i]);
	for (size_t i = 0; i < c->n_meds; i++)
		med_cells(b, &c->meds[i].days[off]);
	wn_buf_addc(b, ',');
	put_int(b, has ? sqlite3_column_int(c->ci, 5) : 0);
	wn_buf_addc(b, ',');
	if (has && sqlite3_column_type(c->ci, 6) != SQLITE_NULL)
		wn_csv_cell(b, (const char *)sqlite3_column_text(c->ci, 6),
		                   (size_t)sqlite3_column_bytes(c->ci, 6));
	wn_buf_adds(b, "\r\n");
	if (has)
		k->ci = 0;
}

static int csv_chunk(struct csv *c, wn_date from, wn_date to, struct wn_buf *b,
                     struct wn_err *err)
{
	int rc = WN_OK;
	for (size_t i = 0; rc == WN_OK && i < c->n_meds; i++) {
		struct medcol *m = &c->meds[i];
		struct wn_plan_range r = { .plan = m->has_plan ? &m->plan : NULL,
		                           .sched = m->has_plan ? &m->sched : NULL,
		                           .med_id = m->med.id, .from = from, .to = to };
		rc = wn_db_plan_days(c->db, &r, m->days, err);
	}
	sqlite3_stmt *sts[] = { c->ci, c->rt, c->mv, c->ot };
	for (size_t i = 0; i < 4; i++) {
		sqlite3_reset(sts[i]);
		bind_range(sts[i], from, to);
	}
	struct cursors k = { .db = c->db, .err = err };
	for (wn_date d = from; rc == WN_OK && k.rc == WN_OK && d <= to; d++) {
		csv_row(c, &k, d, (size_t)(d - from), b);
		rc = drain(c->o, b, false, err);
	}
	return rc != WN_OK ? rc : k.rc;
}

int wn_export_csv(struct wn_db *db, struct wn_export_opts *o, struct wn_buf *out,
                  struct wn_err *err)
{
	wn_date from, to;
	int rc = resolve_range(db, o, &from, &to, err);
	if (rc != WN_OK)
		return rc;
	if (from != WN_DATE_NONE && to - from >= MAX_CSV_DAYS)
		return wn_err_set(err, WN_USAGE, "a CSV export covers at most %d days",
		                  MAX_CSV_DAYS);
	struct csv c = { .db = db, .o = o };
	rc = csv_load(&c, err);
	if (rc == WN_OK)
		csv_header(&c, o->spreadsheet, out);
	o->n_days = 0;
	for (wn_date d = from; rc == WN_OK && from != WN_DATE_NONE && d <= to;
	     d += CHUNK_DAYS) {
		wn_date e = d + CHUNK_DAYS - 1 < to ? d + CHUNK_DAYS - 1 : to;
		rc = csv_chunk(&c, d, e, out, err);
		o->n_days += (size_t)(e - d + 1);
	}
	csv_free(&c);
	if (rc == WN_OK && out->failed)
		rc = wn_err_set(err, WN_ERR, "out of memory");
	return rc == WN_OK ? drain(o, out, true, err) : rc;
}

/* ---- JSON ---------------------------------------------------------------- */

/* A time stamp as stored, "2026-11-25 08:30:00" (UTC), in ISO 8601:
 * "2026-11-25T08:30:00Z"; anything else as it is. */
#define J_ISO(c) "CASE WHEN " c " GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]" \
	" [0-9][0-9]:[0-9][0-9]:[0-9][0-9]' THEN substr(" c ", 1, 10) || 'T' ||" \
	" substr(" c ", 12) || 'Z' ELSE " c " END"

#define J_META "SELECT json_group_object(key, value) FROM (SELECT key, value FROM meta ORDER BY key)"

#define J_MEDS \
	"SELECT json_object('name', name, 'unit', unit, 'drug_key', drug_key," \
	" 'created', " J_ISO("created") ", 'archived', archived, 'archived_on', archived_on," \
	" 'forms', json((SELECT json_group_array(json(f)) FROM (SELECT json_object(" \
	"  'kind', kind, 'strength', strength, 'divisible', divisible, 'conc', conc," \
	"  'beads', beads, 'label', label) AS f FROM med_form WHERE med_id = m.id ORDER BY id))))" \
	" FROM medication m ORDER BY name, id"

#define J_PLANS \
	"SELECT json_object('med', (SELECT name FROM medication WHERE id = p.med_id)," \
	" 'method', method, 'start_date', start_date, 'from_dose', from_dose, 'step', step," \
	" 'every_days', every_days, 'round_q', round_q, 'floor_dose', floor_dose," \
	" 'to_dose', to_dose, 'region', region, 'created', " J_ISO("created") ", 'active', active," \
	" 'note', note, 'form_label', form_label, 'agreed_on', agreed_on," \
	" 'dose_times', dose_times, 'dose_split', dose_split, 'cut_first', cut_first," \
	" 'custom', json((SELECT json_group_array(json(c)) FROM (SELECT json_object(" \
	"  'date', date, 'dose', dose) AS c FROM plan_step_custom WHERE plan_id = p.id" \
	"  ORDER BY date)))," \
	" 'holds', json((SELECT json_group_array(json(h)) FROM (SELECT json_object(" \
	"  'kind', kind, 'start_date', start_date, 'end_date', end_date, 'dose', dose," \
	"  'reason', reason) AS h FROM hold WHERE plan_id = p.id ORDER BY start_date, id)))," \
	" 'acks', json((SELECT json_group_array(json(a)) FROM (SELECT json_object(" \
	"  'kind', kind, 'step', step, 'text', text, 'acked', " J_ISO("acked") ") AS a FROM plan_ack" \
	"  WHERE plan_id = p.id ORDER BY step, kind))))" \
	" FROM plan p ORDER BY id"

/* The link of a plan switched in to the plan it replaces (issue 19), each
 * plan named as the import finds it: medication, start date, created,
 * active. */
#define J_SWITCHES \
	"SELECT json_object('med', tm.name, 'start_date', t.start_date," \
	" 'created', " J_ISO("t.created") ", 'active', t.active," \
	" 'from_med', fm.name, 'from_start_date', f.start_date," \
	" 'from_created', " J_ISO("f.created") ", 'from_active', f.active," \
	" 'table', s.equiv_table, 'stage_days', s.stage_days)" \
	" FROM plan_switch s JOIN plan t ON t.id = s.plan_id JOIN medication tm ON tm.id = t.med_id" \
	" JOIN plan f ON f.id = s.from_plan JOIN medication fm ON fm.id = f.med_id" \
	" ORDER BY s.plan_id"

#define J_PROPOSALS \
	"SELECT json_object('med', (SELECT name FROM medication WHERE id = h.med_id)," \
	" 'date', date, 'reason', reason, 'state', state, 'created', " J_ISO("created") "," \
	" 'updated', " J_ISO("updated") ") FROM hold_proposal h ORDER BY date, id"

#define J_SYMPTOMS \
	"SELECT json_object('name', name, 'group', grp, 'source', source, 'hidden', hidden," \
	" 'hidden_on', hidden_on, 'first_seen', first_seen, 'preexisting', preexisting," \
	" 'sort', sort) FROM symptom ORDER BY sort, name, id"

#define J_METRICS \
	"SELECT json_object('name', name, 'min', min, 'max', max," \
	" 'higher_better', higher_better) FROM metric_def ORDER BY name, id"

#define J_RANGE "date BETWEEN ?1 AND ?2"
/* The dates of the days: with ORDER BY, SQLite merges the six scans,
 * each already in date order, instead of collecting them in temporary
 * B-trees (a quarter of the export's cost).  LIMIT -1 (no limit) keeps
 * that ORDER BY, which SQLite would otherwise drop because the outer
 * query has its own; the outer ORDER BY still decides the order. */
#define J_DAYS \
	"WITH d(date) AS (SELECT date FROM checkin WHERE " J_RANGE \
	" UNION SELECT date FROM rating WHERE " J_RANGE \
	" UNION SELECT date FROM metric_value WHERE " J_RANGE \
	" UNION SELECT date FROM dose WHERE " J_RANGE \
	" UNION SELECT date FROM quicknote WHERE " J_RANGE \
	" UNION SELECT date FROM question WHERE " J_RANGE " ORDER BY 1 LIMIT -1)" \
	" SELECT json_object('date', d.date," \
	" 'checkin', json((SELECT json_object('mood', mood, 'anxiety', anxiety," \
	"  'energy', energy, 'sleep', sleep, 'flag', flag, 'note', note," \
	"  'created', " J_ISO("created") ", 'updated', " J_ISO("updated") ") FROM checkin c WHERE c.date = d.date))," \
	" 'ratings', json((SELECT json_group_object(name, value) FROM (SELECT s.name, r.value" \
	"  FROM rating r JOIN symptom s ON s.id = r.symptom_id WHERE r.date = d.date" \
	"  ORDER BY s.name))),"                                                    \
	" 'metrics', json((SELECT json_group_object(name, value) FROM (SELECT m.name, v.value" \
	"  FROM metric_value v JOIN metric_def m ON m.id = v.metric_id WHERE v.date = d.date" \
	"  ORDER BY m.name)))," \
	" 'doses', json((SELECT json_group_array(json(x)) FROM (SELECT json_object(" \
	"  'med', m.name, 'minute', o.minute, 'amount', o.amount, 'created', " J_ISO("o.created") ") AS x" \
	"  FROM dose o JOIN medication m ON m.id = o.med_id WHERE o.date = d.date" \
	"  ORDER BY m.name, ifnull(o.minute, -1))))," \
	" 'quicknotes', json((SELECT json_group_array(json(x)) FROM (SELECT json_object(" \
	"  'minute', minute, 'text', text, 'created', " J_ISO("created") ") AS x FROM quicknote q" \
	"  WHERE q.date = d.date ORDER BY ifnull(minute, -1), created, id)))," \
	" 'questions', json((SELECT json_group_array(json(x)) FROM (SELECT json_object(" \
	"  'text', text, 'answered', answered, 'answer', answer, 'created', " J_ISO("created") ") AS x" \
	"  FROM question q WHERE q.date = d.date ORDER BY created, id)))), d.date" \
	" FROM d ORDER BY d.date"

/* Runs q; each row's column 0 becomes one line of a JSON array (or, with
 * one row and !array, the value itself). */
static int json_rows(struct wn_db *db, const char *q, const wn_date *range,
                     struct wn_buf *b, size_t *n, struct wn_err *err)
{
	sqlite3_stmt *st;
	int rc = wn_db_prepare(db, q, &st, err);
	if (rc != WN_OK)
		return rc;
	if (range)
		bind_range(st, range[0], range[1]);
	size_t rows = 0;
	if (n)
		wn_buf_addc(b, '[');
	while (wn_db_row(db, st, "read the diary", &rc, err)) {
		if (n)
			wn_buf_adds(b, rows ? ",\n" : "\n");
		wn_buf_add(b, (const char *)sqlite3_column_text(st, 0),
		           (size_t)sqlite3_column_bytes(st, 0));
		rows++;
	}
	if (n) {
		wn_buf_adds(b, rows ? "\n]" : "]");
		*n = rows;
	}
	sqlite3_finalize(st);
	return rc;
}

/* ---- the days, with each planned medication's dose status ---------------- */

/* s as a JSON string (names hold no control character, but are escaped
 * whole all the same). */
static void json_str(struct wn_buf *b, const char *s)
{
	wn_buf_addc(b, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			wn_buf_addf(b, "\\%c", *p);
		else if (*p < 0x20)
			wn_buf_addf(b, "\\u%04x", *p);
		else
			wn_buf_addc(b, (char)*p);
	}
	wn_buf_addc(b, '"');
}

struct json_status {
	struct wn_db *db;
	struct wn_plan_meds pm;     /* a chunk of days from pm.from */
	bool loaded;
	wn_date last;               /* the export's last day */
};

/* ,"dose_status":{"med":"word",...} for day, when any planned medication
 * has something planned or recorded that day. */
static int json_status(struct json_status *js, wn_date day, struct wn_buf *b,
                       struct wn_err *err)
{
	if (!js->loaded || day > js->pm.to) {
		if (js->loaded)
			wn_plan_meds_free(&js->pm);
		wn_date to = day + CHUNK_DAYS - 1 < js->last ? day + CHUNK_DAYS - 1 : js->last;
		int rc = wn_db_plan_meds(js->db, day, to, &js->pm, err);
		js->loaded = rc == WN_OK;
		if (rc != WN_OK)
			return rc;
	}
	const char *sep = ",\"dose_status\":{";
	for (size_t i = 0; i < js->pm.n; i++) {
		const struct wn_plan_day *p = wn_plan_meds_day(&js->pm, i, day);
		if (!p || p->status == WN_DOSE_NOT_PLANNED)
			continue;
		wn_buf_adds(b, sep);
		json_str(b, js->pm.med[i].name);
		wn_buf_addc(b, ':');
		json_str(b, wn_vocab_dose_word(p->status));
		sep = ",";
	}
	if (sep[0] == ',' && sep[1] == '\0')
		wn_buf_addc(b, '}');
	return WN_OK;
}

/* The day records (J_DAYS: the object, then its date), one a line, each
 * with its dose status (derived: the import ignores it). */
static int json_days(struct wn_db *db, const wn_date *range, struct wn_export_opts *o,
                     struct wn_buf *b, struct wn_err *err)
{
	size_t *n = &o->n_days;
	sqlite3_stmt *st;
	struct json_status js = { .db = db, .last = range[1] };
	int rc = wn_db_prepare(db, J_DAYS, &st, err);
	if (rc != WN_OK)
		return rc;
	bind_range(st, range[0], range[1]);
	*n = 0;
	wn_buf_addc(b, '[');
	while (wn_db_row(db, st, "read the diary", &rc, err)) {
		const char *day = (const char *)sqlite3_column_text(st, 0);
		int len = sqlite3_column_bytes(st, 0);
		wn_buf_adds(b, *n ? ",\n" : "\n");
		wn_buf_add(b, day, day && len > 0 ? (size_t)len - 1 : 0);
		rc = json_status(&js, wn_db_col_date(st, 1), b, err);
		wn_buf_addc(b, '}');
		(*n)++;
		if (rc == WN_OK)
			rc = drain(o, b, false, err);
		if (rc != WN_OK)
			break;
	}
	wn_buf_adds(b, *n ? "\n]" : "]");
	sqlite3_finalize(st);
	if (js.loaded)
		wn_plan_meds_free(&js.pm);
	return rc;
}

static void now_stamp(char out[32])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int wn_export_json(struct wn_db *db, struct wn_export_opts *o,
                   struct wn_buf *out, struct wn_err *err)
{
	wn_date range[2];
	int rc = resolve_range(db, o, &range[0], &range[1], err);
	if (rc != WN_OK)
		return rc;
	char stamp[32];
	if (!o->exported)
		now_stamp(stamp);
	char *ex = sqlite3_mprintf("%Q", o->exported ? o->exported : stamp);
	size_t dummy;
	/* The stamp goes through json_quote so any text is valid JSON. */
	wn_buf_addf(out, "{\"format\":\"wean\",\"schema_version\":%d,\"exported\":",
	            WN_EXPORT_FORMAT_VERSION);
	char *q = sqlite3_mprintf("SELECT json_quote(%s)", ex ? ex : "''");
	rc = q ? json_rows(db, q, NULL, out, NULL, err) : wn_err_set(err, WN_ERR, "out of memory");
	sqlite3_free(q);
	sqlite3_free(ex);
	static const struct { const char *key, *q; } parts[] = {
		{ "meta", J_META }, { "medications", J_MEDS }, { "plans", J_PLANS },
		{ "plan_switches", J_SWITCHES },
		{ "symptoms", J_SYMPTOMS }, { "metrics", J_METRICS },
		{ "hold_proposals", J_PROPOSALS }, { "days", J_DAYS },
	};
	for (size_t i = 0; rc == WN_OK && i < sizeof parts / sizeof *parts; i++) {
		bool days = strcmp(parts[i].key, "days") == 0, meta = i == 0;
		wn_buf_addf(out, ",\n\"%s\":", parts[i].key);
		if (days && range[0] == WN_DATE_NONE) {
			wn_buf_adds(out, "[]");
			o->n_days = 0;
			continue;
		}
		rc = days ? json_days(db, range, o, out, err) :
		     json_rows(db, parts[i].q, NULL, out, meta ? NULL : &dummy, err);
	}
	wn_buf_adds(out, "}\n");
	if (rc == WN_OK && out->failed)
		rc = wn_err_set(err, WN_ERR, "out of memory");
	return rc == WN_OK ? drain(o, out, true, err) : rc;
}
