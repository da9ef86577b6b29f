/* SPDX-License-Identifier: GPL-3.0-or-later */
/* import_table.c -- a person's own spreadsheet into the diary
 * (`wean import --format table --map ...`, import.h): the columns the map
 * names found in the header, each row a day written through
 * import_day.c.  The map, dates and numbers are core/table.c's. */
#include "import_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/csv.h"
#include "core/table.h"
#include "core/text.h"
#include "core/valid.h"

/* The map's columns in the file: idx[i] the place of map->col[i], and
 * the symptom, metric or medication it names. */
struct tab {
	const struct wn_table_map *map;
	int idx[WN_TABLE_COLS];
	struct wn_imp_name name[WN_TABLE_COLS];
	char what[WN_TABLE_COLS][WN_NAME_MAX + 16];   /* "mood", "symptom headache" */
};

/* The field of header h equal to name (case and spaces around ignored). */
static int find_head(const struct wn_csv_record *h, const char *name)
{
	size_t nl = strlen(name);
	for (size_t i = 0; i < h->n; i++) {
		const char *s = h->f[i];
		size_t l = h->len[i];
		while (l && (*s == ' ' || *s == '\t'))
			s++, l--;
		while (l && (s[l - 1] == ' ' || s[l - 1] == '\t'))
			l--;
		if (l == nl && strncasecmp(s, name, l) == 0)
			return (int)i;
	}
	return -1;
}

static int resolve(struct wn_imp *m, struct tab *t, const struct wn_csv_record *h)
{
	static const enum wn_imp_kind kinds[] = { [WN_TF_SYMPTOM] = WN_IMP_SYMPTOM,
		[WN_TF_METRIC] = WN_IMP_METRIC, [WN_TF_DOSE] = WN_IMP_MED };
	static const char *const words[] = { [WN_TF_SYMPTOM] = "symptom",
		[WN_TF_METRIC] = "metric", [WN_TF_DOSE] = "medication" };
	int rc = WN_OK;
	for (size_t i = 0; rc == WN_OK && i < t->map->n; i++) {
		const struct wn_table_col *c = &t->map->col[i];
		wn_table_col_name(c, t->what[i], sizeof t->what[i]);
		t->idx[i] = find_head(h, c->head);
		if (t->idx[i] < 0) {
			wn_err_set(m->err, WN_DATAERR, "line %d: the column \"%s\" (--map %s) is"
			           " missing", h->line, c->head, t->what[i]);
			return WN_DATAERR;
		}
		if (c->field < WN_TF_SYMPTOM)
			continue;
		rc = wn_imp_name(m, kinds[c->field], c->name, strlen(c->name), &t->name[i]);
		if (rc == WN_OK && t->name[i].id < 0) {
			wn_err_set(m->err, WN_DATAERR, "--map %s:%s: no %s \"%s\" in this diary",
			           c->field == WN_TF_DOSE ? "dose" : words[c->field], c->name,
			           words[c->field], c->name);
			wn_err_hint(m->err, c->field == WN_TF_DOSE ? "add it first with 'wean med add'" :
			            c->field == WN_TF_SYMPTOM ? "add it first with 'wean symptoms add'" :
			            "add it to [metrics] in the config file first");
			rc = WN_DATAERR;
		}
	}
	return rc;
}

/* ---- a row ------------------------------------------------------------------------ */

static const char *cell(const struct wn_csv_record *r, int i, size_t *len)
{
	*len = i >= 0 && (size_t)i < r->n ? r->len[i] : 0;
	return *len ? r->f[i] : "";
}

/* The number of map column i: NAN when empty; refused when it is none,
 * outside lo..hi, or not whole when asked. */
static int number(struct wn_imp *m, const struct tab *t, const struct wn_csv_record *r,
                  size_t i, double lo, double hi, bool whole, double *x)
{
	size_t len;
	const char *s = cell(r, t->idx[i], &len);
	if (!wn_table_number(s, len, x) ||
	    (!isnan(*x) && (*x < lo || *x > hi || (whole && *x != floor(*x)))))
		return wn_err_set(m->err, WN_DATAERR, "line %d: %s (%s): \"%.40s\" is not a%s"
		                  " number from %g to %g", r->line, t->map->col[i].head, t->what[i],
		                  s, whole ? " whole" : "", lo, hi);
	return WN_OK;
}

/* The check-in fields of the row, and whether any is given. */
static int checkin(struct wn_imp *m, const struct tab *t, const struct wn_csv_record *r)
{
	static const struct { double max; bool whole; int at; } f[] = {
		[WN_TF_MOOD] = { WN_VALID_LEVEL_MAX, true, 0 },
		[WN_TF_ANXIETY] = { WN_VALID_LEVEL_MAX, true, 1 },
		[WN_TF_ENERGY] = { WN_VALID_LEVEL_MAX, true, 2 },
		[WN_TF_SLEEP] = { WN_VALID_SLEEP_MAX, false, 3 },
		[WN_TF_FLAG] = { 1, true, 4 },
	};
	struct wn_imp_checkin c = { .v = { { 0 } } };
	bool any = false;
	int rc = WN_OK;
	for (size_t i = 0; rc == WN_OK && i < t->map->n; i++) {
		enum wn_table_field k = t->map->col[i].field;
		size_t len;
		const char *s = cell(r, t->idx[i], &len);
		double x;
		if (k >= WN_TF_MOOD && k <= WN_TF_FLAG) {
			rc = number(m, t, r, i, 0, f[k].max, f[k].whole, &x);
			if (rc == WN_OK && !isnan(x) && !(k == WN_TF_FLAG && x == 0)) {
				c.v[f[k].at] = (struct wn_imp_val){ .type = f[k].whole ? SQLITE_INTEGER :
				                                    SQLITE_FLOAT, .num = x };
				any = true;
			}
		} else if (k == WN_TF_NOTE && len > 0) {
			if (wn_text_check_note(s, len, 0, NULL))
				return wn_err_set(m->err, WN_DATAERR, "line %d: %s (note): too long or"
				                  " holds a control character", r->line,
				                  t->map->col[i].head);
			c.v[5] = (struct wn_imp_val){ .type = SQLITE_TEXT, .s = s, .len = len };
			any = true;
		}
	}
	return rc == WN_OK && any ? wn_imp_checkin(m, &c) : rc;
}

/* Ratings, metric values and doses of the row. */
static int values(struct wn_imp *m, const struct tab *t, const struct wn_csv_record *r)
{
	int rc = WN_OK;
	for (size_t i = 0; rc == WN_OK && i < t->map->n; i++) {
		enum wn_table_field k = t->map->col[i].field;
		double x;
		if (k == WN_TF_SYMPTOM)
			rc = number(m, t, r, i, 0, WN_VALID_RATING_MAX, true, &x);
		else if (k == WN_TF_METRIC)
			rc = number(m, t, r, i, -WN_VALID_METRIC_LIMIT, WN_VALID_METRIC_LIMIT, false, &x);
		else if (k == WN_TF_DOSE)
			rc = number(m, t, r, i, 0, WN_VALID_AMOUNT_LIMIT, false, &x);
		else
			continue;
		if (rc == WN_OK && !isnan(x))
			rc = k == WN_TF_DOSE ? wn_imp_taken(m, &t->name[i], x, t->what[i]) :
			     wn_imp_value(m, &t->name[i], x, t->what[i]);
	}
	return rc;
}

/* Is every field of the row empty or spaces (";;;" as spreadsheets save
 * an empty row)? */
static bool row_blank(const struct wn_csv_record *r)
{
	for (size_t i = 0; i < r->n; i++)
		for (size_t k = 0; k < r->len[i]; k++)
			if (r->f[i][k] != ' ' && r->f[i][k] != '\t')
				return false;
	return true;
}

/* Does the row give any mapped value besides its date? */
static bool row_given(const struct tab *t, const struct wn_csv_record *r)
{
	for (size_t i = 0; i < t->map->n; i++) {
		size_t len;
		const char *s = cell(r, t->idx[i], &len);
		while (len && (*s == ' ' || *s == '\t'))
			s++, len--;
		if (t->map->col[i].field != WN_TF_DATE && len > 0)
			return true;
	}
	return false;
}

static int row_date(struct wn_imp *m, const struct tab *t, const struct wn_csv_record *r,
                    char iso[WN_DATE_STRLEN])
{
	size_t i = 0, len;
	while (t->map->col[i].field != WN_TF_DATE)
		i++;
	const char *s = cell(r, t->idx[i], &len);
	struct wn_err why = { 0 };
	wn_date d;
	if (wn_table_date(s, len, t->map->datefmt, &d, &why) != WN_OK) {
		wn_err_set(m->err, WN_DATAERR, "line %d: %s (date): %s", r->line,
		           t->map->col[i].head, why.msg);
		if (why.hint[0])
			wn_err_hint(m->err, "%s", why.hint);
		return WN_DATAERR;
	}
	wn_date_format(d, iso);
	return WN_OK;
}

static int row_import(struct wn_imp *m, const struct tab *t, const struct wn_csv_record *r,
                      char iso[WN_DATE_STRLEN])
{
	m->line = r->line;
	int rc = row_date(m, t, r, iso);
	if (rc != WN_OK)
		return rc;
	if (!row_given(t, r)) {
		m->res->skipped++;
		return WN_OK;
	}
	rc = wn_imp_day_begin(m, iso, "date");
	if (rc == WN_OK)
		rc = checkin(m, t, r);
	if (rc == WN_OK)
		rc = values(m, t, r);
	if (rc == WN_OK)
		wn_imp_day_end(m);
	return rc;
}

/* ---- the rows, told one by one in a dry run ------------------------------------------- */

/* The message without its "line N: ". */
static const char *reason(const char *msg)
{
	if (strncmp(msg, "line ", 5) == 0) {
		const char *colon = strstr(msg, ": ");
		if (colon)
			return colon + 2;
	}
	return msg;
}

static enum wn_import_outcome outcome(const struct wn_import_result *a,
                                      const struct wn_import_result *b)
{
	return b->added > a->added ? WN_ROW_ADDED : b->updated > a->updated ? WN_ROW_UPDATED :
	       b->unchanged > a->unchanged ? WN_ROW_UNCHANGED : WN_ROW_SKIPPED;
}

/* One row; in a dry run with opts->row, a refused row is told, rolled
 * back and counted, and the rest still checked. */
static int row(struct wn_imp *m, const struct tab *t, const struct wn_csv_record *r)
{
	bool tell = m->o->dry_run && m->o->row;
	struct wn_import_result before = *m->res;
	char iso[WN_DATE_STRLEN] = "";
	int rc = tell ? wn_db_exec(m->db, "SAVEPOINT wn_row", "check a row", m->err) : WN_OK;
	if (rc == WN_OK)
		rc = row_import(m, t, r, iso);
	if (!tell)
		return rc;
	struct wn_import_row told = { .line = r->line, .date = iso,
	                              .conflicts = m->res->conflicts - before.conflicts };
	if (rc == WN_DATAERR) {
		told.what = WN_ROW_REFUSED;
		told.why = reason(m->err->msg);
		told.hint = m->err->hint;
		m->o->row(m->o->row_ctx, &told);
		wn_err_clear(m->err);
		m->res->refused++;
		rc = wn_db_exec(m->db, "ROLLBACK TO wn_row", "check a row", m->err);
	} else if (rc == WN_OK) {
		told.what = outcome(&before, m->res);
		m->o->row(m->o->row_ctx, &told);
	}
	return rc == WN_OK ? wn_db_exec(m->db, "RELEASE wn_row", "check a row", m->err) : rc;
}

int wn_imp_table(struct wn_imp *m, struct wn_reader *text)
{
	struct wn_csv_reader c;
	struct wn_csv_record h = { 0 }, r = { 0 };
	bool got;
	if (!m->o->table)
		return wn_err_set(m->err, WN_USAGE, "--format table needs --map");
	struct tab *t = calloc(1, sizeof *t);
	if (!t)
		return wn_err_set(m->err, WN_ERR, "out of memory");
	t->map = m->o->table;
	int rc = wn_imp_csv_header(m, &c, text, &h);
	if (rc == WN_OK)
		rc = resolve(m, t, &h);
	while (rc == WN_OK && (rc = wn_csv_next(&c, &r, &got, m->err)) == WN_OK && got)
		if (!row_blank(&r))
			rc = row(m, t, &r);
	wn_csv_record_free(&h);
	wn_csv_record_free(&r);
	wn_csv_close(&c);
	free(t);
	return rc;
}
