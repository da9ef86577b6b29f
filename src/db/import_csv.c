/* SPDX-License-Identifier: GPL-3.0-or-later */
/* import_csv.c -- wean's CSV export and Daylio's CSV export into the
 * diary (import.h): the columns of wean's CSV mapped to the diary's
 * names, each row a day written through import_day.c; Daylio's days as
 * core/daylio.c reads them. */
#include "import_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/csv.h"
#include "core/daylio.h"
#include "core/text.h"
#include "core/valid.h"

/* The fixed columns; the second is "recorded" (from issue 14) or, in a
 * file of an earlier wean, "has_checkin". */
static const char *const csv_fixed[] = { "date", "recorded", "mood", "anxiety",
	"energy", "sleep", "burden", "flag", "note" };
enum { X_DATE, X_HAS, X_MOOD, X_ANXIETY, X_ENERGY, X_SLEEP, X_BURDEN, X_FLAG, X_NOTE, X_N };
enum col_kind { COL_NONE, COL_SYMPTOM, COL_METRIC, COL_TAKEN };

/* What each header column is: fixed[] the places of csv_fixed; per column
 * its kind, its symptom, metric or medication, and its name; old when the
 * file has has_checkin (a check-in row exactly where it says 1). */
struct csvcol { enum col_kind kind; struct wn_imp_name name; const char *head; };
struct csvmap { int fixed[X_N]; struct csvcol *col; size_t n; bool old; };

/* Takes the formula guard off every field of r (in place). */
static void unguard_all(struct wn_csv_record *r)
{
	for (size_t i = 0; i < r->n; i++) {
		size_t len = r->len[i];
		const char *s = wn_csv_unguard(r->f[i], &len);
		if (s != r->f[i]) {
			memmove(r->f[i], s, len + 1);
			r->len[i] = len;
		}
	}
}

/* Has an earlier column the same kind and record? */
static bool used(const struct csvmap *cm, size_t i, enum col_kind kind, long id)
{
	for (size_t k = 0; k < i; k++)
		if (cm->col[k].kind == kind && cm->col[k].name.id == id)
			return true;
	return false;
}

/* The first of symptom, metric and "<medication> taken" that header h
 * names and no earlier column took: *kind COL_NONE when none. */
static int candidate(struct wn_imp *m, struct csvmap *cm, size_t i, bool *twice)
{
	static const enum col_kind kinds[] = { COL_SYMPTOM, COL_METRIC, COL_TAKEN };
	static const enum wn_imp_kind imp[] = { WN_IMP_SYMPTOM, WN_IMP_METRIC, WN_IMP_MED };
	struct csvcol *c = &cm->col[i];
	size_t l = strlen(c->head);
	int rc = WN_OK;
	for (size_t k = 0; rc == WN_OK && k < 3; k++) {
		size_t cut = kinds[k] == COL_TAKEN ? 6 : 0;
		if (cut && (l <= cut || strcmp(c->head + l - cut, " taken") != 0))
			continue;
		rc = wn_imp_name(m, imp[k], c->head, l - cut, &c->name);
		if (rc == WN_OK && c->name.id >= 0 && used(cm, i, kinds[k], c->name.id))
			*twice = true;
		else if (rc == WN_OK && c->name.id >= 0) {
			c->kind = kinds[k];
			return WN_OK;
		}
	}
	return rc;
}

/* Does the header field f (l bytes) end in " word"? */
static bool ends_with(const char *f, size_t l, const char *word)
{
	size_t w = strlen(word);
	return l > w + 1 && f[l - w - 1] == ' ' && strcmp(f + l - w, word) == 0;
}

/* Column i when it is not a fixed one: a symptom, a metric or "<med>
 * taken" ("<med> planned" and "<med> status" are derived, and
 * ignored). */
static int map_column(struct wn_imp *m, struct wn_csv_record *h, size_t i,
                      struct csvmap *cm)
{
	bool twice = false;
	const char *f = h->f[i];
	size_t l = h->len[i];
	cm->col[i].head = f;
	int rc = candidate(m, cm, i, &twice);
	size_t base = wn_csv_head_base(f, l);
	if (rc == WN_OK && cm->col[i].kind == COL_NONE && !twice && base < l) {
		/* "NAME (UNIT)" of the export for spreadsheets */
		h->f[i][base] = '\0';
		l = h->len[i] = base;
		rc = candidate(m, cm, i, &twice);
	}
	if (rc != WN_OK || cm->col[i].kind != COL_NONE ||
	    (!twice && (ends_with(f, l, "planned") || ends_with(f, l, "status"))))
		return rc;
	if (twice)
		return wn_err_set(m->err, WN_DATAERR, "line %d: column \"%s\" is given twice",
		                  h->line, f);
	wn_err_set(m->err, WN_DATAERR, "line %d: column \"%s\": no such symptom,"
	           " metric or medication in this diary", h->line, f);
	wn_err_hint(m->err, "add it first ('wean symptoms add', 'wean med add')");
	return WN_DATAERR;
}

/* The place of the last header field equal to name (flag and note come
 * last in the export, after columns that could have those names). */
static void last_of(const struct wn_csv_record *h, const char *name, int *idx)
{
	for (size_t i = h->n; i-- > 0;)
		if (strcmp(h->f[i], name) == 0) {
			*idx = (int)i;
			return;
		}
}

/* A fixed column's header as the export for spreadsheets writes it,
 * "sleep (h)", back to its name (in place). */
static void fixed_names(struct wn_csv_record *h)
{
	for (size_t i = 0; i < h->n; i++) {
		size_t base = wn_csv_head_base(h->f[i], h->len[i]);
		if (base == h->len[i])
			continue;
		char c = h->f[i][base];
		h->f[i][base] = '\0';
		const char *unit = wn_csv_fixed_unit(h->f[i]);
		size_t ul = unit ? strlen(unit) : 0;
		if (unit && h->len[i] == base + ul + 3 && strncmp(h->f[i] + base + 2, unit, ul) == 0)
			h->len[i] = base;
		else
			h->f[i][base] = c;
	}
}

static int csv_map(struct wn_imp *m, struct wn_csv_record *h, struct csvmap *cm)
{
	const char *names[X_N];
	memcpy(names, csv_fixed, sizeof names);
	cm->old = wn_csv_find(h, "recorded") < 0 && wn_csv_find(h, "has_checkin") >= 0;
	if (cm->old)
		names[X_HAS] = "has_checkin";
	int rc = wn_csv_columns(h, names, X_N, cm->fixed, m->err);
	cm->n = h->n;
	cm->col = calloc(h->n, sizeof *cm->col);
	if (rc != WN_OK)
		return rc;
	if (!cm->col)
		return wn_err_set(m->err, WN_ERR, "out of memory");
	last_of(h, "flag", &cm->fixed[X_FLAG]);
	last_of(h, "note", &cm->fixed[X_NOTE]);
	for (size_t i = 0; rc == WN_OK && i < h->n; i++) {
		bool fixed = false;
		for (int k = 0; k < X_N; k++)
			fixed = fixed || cm->fixed[k] == (int)i;
		if (!fixed)
			rc = map_column(m, h, i, cm);
	}
	return rc;
}

/* ---- a row ------------------------------------------------------------------------ */

/* The number in column col (NAN when empty), whole when asked. */
static int number(struct wn_imp *m, const struct wn_csv_record *r, int col, const char *name,
                  const double lim[2], bool whole, double *x)
{
	int rc = wn_csv_number(r, col, name, lim, x, m->err);
	if (rc == WN_OK && whole && !isnan(*x) && *x != floor(*x))
		return wn_err_set(m->err, WN_DATAERR, "line %d: %s: \"%.40s\" is not a whole number",
		                  r->line, name, r->f[col]);
	return rc;
}

static int csv_checkin(struct wn_imp *m, const struct wn_csv_record *r,
                       const struct csvmap *cm)
{
	static const struct { int fixed; double max; bool whole; } cols[WN_IMP_CI_N - 1] = {
		{ X_MOOD, WN_VALID_LEVEL_MAX, true }, { X_ANXIETY, WN_VALID_LEVEL_MAX, true },
		{ X_ENERGY, WN_VALID_LEVEL_MAX, true }, { X_SLEEP, WN_VALID_SLEEP_MAX, false },
		{ X_FLAG, 1, true },
	};
	struct wn_imp_checkin c = { .v = { { 0 } } };
	int rc = WN_OK;
	for (int k = 0; k < WN_IMP_CI_N - 1 && rc == WN_OK; k++) {
		const double lim[2] = { 0, cols[k].max };
		double x;
		rc = number(m, r, cm->fixed[cols[k].fixed], csv_fixed[cols[k].fixed], lim,
		            cols[k].whole, &x);
		if (!isnan(x) && !(cols[k].fixed == X_FLAG && x == 0))
			c.v[k] = (struct wn_imp_val){ .type = cols[k].whole ? SQLITE_INTEGER :
			                              SQLITE_FLOAT, .num = x };
	}
	int ni = cm->fixed[X_NOTE];
	if (rc == WN_OK && r->len[ni] > 0 && wn_text_check_note(r->f[ni], r->len[ni], 0, NULL))
		return wn_err_set(m->err, WN_DATAERR, "line %d: note: too long or holds a control"
		                  " character", r->line);
	if (r->len[ni] > 0)
		c.v[WN_IMP_CI_N - 1] = (struct wn_imp_val){ .type = SQLITE_TEXT, .s = r->f[ni],
		                                            .len = r->len[ni] };
	return rc == WN_OK ? wn_imp_checkin(m, &c) : rc;
}

static int csv_extra(struct wn_imp *m, const struct wn_csv_record *r,
                     const struct csvcol *c, size_t i)
{
	const double lim[2] = { c->kind == COL_METRIC ? -WN_VALID_METRIC_LIMIT : 0,
	                        c->kind == COL_SYMPTOM ? WN_VALID_RATING_MAX :
	                        c->kind == COL_METRIC ? WN_VALID_METRIC_LIMIT : 99999.999 };
	double x;
	int rc = number(m, r, (int)i, c->head, lim, c->kind == COL_SYMPTOM, &x);
	if (rc != WN_OK || isnan(x))
		return rc;
	return c->kind == COL_TAKEN ? wn_imp_taken(m, &c->name, x, c->head) :
	       wn_imp_value(m, &c->name, x, c->head);
}

/* Is any cell of the row's check-in given (a flag only when 1)? */
static bool checkin_given(const struct wn_csv_record *r, const struct csvmap *cm)
{
	static const int data[] = { X_MOOD, X_ANXIETY, X_ENERGY, X_SLEEP, X_NOTE };
	for (size_t k = 0; k < sizeof data / sizeof *data; k++)
		if (r->len[cm->fixed[data[k]]] > 0)
			return true;
	return strcmp(r->f[cm->fixed[X_FLAG]], "1") == 0;
}

/* Is a rating, a metric value or a dose given? */
static bool values_given(const struct wn_csv_record *r, const struct csvmap *cm)
{
	for (size_t i = 0; i < r->n && i < cm->n; i++)
		if (cm->col[i].kind != COL_NONE && r->len[i] > 0)
			return true;
	return false;
}

static bool row_empty(const struct wn_csv_record *r, const struct csvmap *cm)
{
	if (values_given(r, cm))
		return false;
	for (int k = X_MOOD; k <= X_SLEEP; k++)
		if (r->len[cm->fixed[k]] > 0)
			return false;
	return r->len[cm->fixed[X_NOTE]] == 0 && strcmp(r->f[cm->fixed[X_HAS]], "1") != 0;
}

/* Does the row make a check-in row?  An old file says so (has_checkin);
 * in a new one, when a check-in cell is given, or when the day is
 * recorded by nothing else the file holds (a quick note, a question, a
 * check-in without a field): so it stays recorded. */
static bool wants_checkin(const struct wn_csv_record *r, const struct csvmap *cm)
{
	bool one = strcmp(r->f[cm->fixed[X_HAS]], "1") == 0;
	if (cm->old)
		return one;
	return checkin_given(r, cm) || (one && !values_given(r, cm));
}

static int csv_row_import(struct wn_imp *m, const struct wn_csv_record *r,
                          const struct csvmap *cm)
{
	m->line = r->line;
	if (r->n != cm->n)
		return wn_err_set(m->err, WN_DATAERR, "line %d: %zu fields, the header has %zu",
		                  r->line, r->n, cm->n);
	const char *date = r->f[cm->fixed[X_DATE]];
	if (!wn_imp_valid_date(date, r->len[cm->fixed[X_DATE]]))
		return wn_err_set(m->err, WN_DATAERR, "line %d: date: \"%.40s\" is not a real date"
		                  " YYYY-MM-DD", r->line, date);
	if (row_empty(r, cm)) {
		m->res->skipped++;
		return WN_OK;
	}
	int rc = wn_imp_day_begin(m, date, "date");
	if (rc == WN_OK && wants_checkin(r, cm))
		rc = csv_checkin(m, r, cm);
	for (size_t i = 0; rc == WN_OK && i < cm->n; i++)
		if (cm->col[i].kind != COL_NONE)
			rc = csv_extra(m, r, &cm->col[i], i);
	if (rc == WN_OK)
		wn_imp_day_end(m);
	return rc;
}

int wn_imp_csv_header(struct wn_imp *m, struct wn_csv_reader *c, struct wn_reader *text,
                      struct wn_csv_record *h)
{
	bool got;
	wn_csv_open_reader(c, text);
	int rc = wn_csv_at(c, 0, 1) ? WN_OK : wn_err_set(m->err, WN_IOERR,
		"cannot read the file: %s", strerror(text->error));
	if (rc == WN_OK)
		m->res->sep = wn_csv_sniff(c);
	if (rc == WN_OK)
		rc = wn_csv_next(c, h, &got, m->err);
	if (rc == WN_OK && !got)
		rc = wn_err_set(m->err, WN_DATAERR, "line 1: the file is empty");
	return rc;
}

int wn_imp_csv(struct wn_imp *m, struct wn_reader *text)
{
	struct wn_csv_reader c;
	struct wn_csv_record h = { 0 }, r = { 0 };
	struct csvmap cm = { .n = 0 };
	bool got;
	int rc = wn_imp_csv_header(m, &c, text, &h);
	unguard_all(&h);
	fixed_names(&h);
	if (rc == WN_OK)
		rc = csv_map(m, &h, &cm);
	while (rc == WN_OK && (rc = wn_csv_next(&c, &r, &got, m->err)) == WN_OK && got) {
		unguard_all(&r);
		if (!wn_csv_blank(&r))
			rc = csv_row_import(m, &r, &cm);
	}
	wn_csv_record_free(&h);
	wn_csv_record_free(&r);
	free(cm.col);
	wn_csv_close(&c);
	return rc;
}

/* ---- Daylio ------------------------------------------------------------------------ */

/* An entry's quick note at its time, unless the day has that note. */
static const char q_daylio_note[] =
	"INSERT INTO quicknote(date, minute, text) SELECT ?3, ?1, ?2 WHERE NOT EXISTS"
	" (SELECT 1 FROM quicknote WHERE date = ?3 AND minute IS ?1 AND text = ?2)";

/* One day: its mood, and a quick note for each entry with something to
 * say.  The check-in's other fields are left as they are. */
static int daylio_day(struct wn_imp *m, const struct wn_daylio_day *d)
{
	struct wn_imp_checkin c = { .v = { { .type = SQLITE_INTEGER, .num = d->mood } } };
	m->line = d->line;
	int rc = wn_imp_day_begin(m, d->date, "full_date");
	if (rc == WN_OK)
		rc = wn_imp_checkin(m, &c);
	for (size_t i = 0; rc == WN_OK && i < d->n_notes; i++) {
		const struct wn_daylio_entry *e = &d->notes[i];
		struct wn_imp_val v[3] = {
			{ .type = e->minute < 0 ? SQLITE_NULL : SQLITE_INTEGER, .num = e->minute },
			{ .type = SQLITE_TEXT, .s = e->text, .len = e->len },
			{ .type = SQLITE_TEXT, .s = m->day.date, .len = strlen(m->day.date) },
		};
		m->line = e->line;
		rc = wn_imp_add_entry(m, q_daylio_note, v, 3, "note");
	}
	if (rc == WN_OK)
		wn_imp_day_end(m);
	return rc;
}

int wn_imp_daylio(struct wn_imp *m, struct wn_reader *text)
{
	struct wn_daylio dl;
	struct wn_daylio_day day;
	bool got = true;
	int rc = wn_daylio_open_reader(&dl, text, m->o->daylio_map, m->err);
	while (rc == WN_OK && (rc = wn_daylio_next(&dl, &day, &got, m->err)) == WN_OK && got)
		rc = daylio_day(m, &day);
	wn_daylio_close(&dl);
	return rc;
}
