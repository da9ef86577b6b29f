/* SPDX-License-Identifier: GPL-3.0-or-later */
/* series.c -- daily series from the diary (one query per series). */
#include "db/series.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/suggest.h"
#include "core/text.h"
#include "core/records.h"
#include "db/med.h"
#include "db/symptoms.h"
#include "db_int.h"

/* ---- SQL ------------------------------------------------------------------ */

/* ?1 = from, ?2 = to (text dates), ?3 = id where needed.  Each row is a
 * date and a number; the rows of a day are added up (see wn_series_load).
 * A day with ratings gets a symptom row of 0, so that an unrated symptom
 * counts as 0 rather than NAN there.  Every part is a range scan of an
 * index in date order (the GROUP BYs need no sorting), so a series costs
 * one pass over its rows. */
static const char q_mood[] = "SELECT date, mood FROM checkin"
	" WHERE date BETWEEN ?1 AND ?2 AND mood IS NOT NULL";
static const char q_anxiety[] = "SELECT date, anxiety FROM checkin"
	" WHERE date BETWEEN ?1 AND ?2 AND anxiety IS NOT NULL";
static const char q_energy[] = "SELECT date, energy FROM checkin"
	" WHERE date BETWEEN ?1 AND ?2 AND energy IS NOT NULL";
static const char q_sleep[] = "SELECT date, sleep FROM checkin"
	" WHERE date BETWEEN ?1 AND ?2 AND sleep IS NOT NULL";
static const char q_burden[] = "SELECT date, sum(value) FROM rating"
	" WHERE date BETWEEN ?1 AND ?2 GROUP BY date";
static const char q_symptom[] =
	"SELECT date, 0 FROM rating WHERE date BETWEEN ?1 AND ?2 GROUP BY date"
	" UNION ALL SELECT date, value FROM rating"
	"  WHERE symptom_id = ?3 AND date BETWEEN ?1 AND ?2";
static const char q_metric[] = "SELECT v.date, v.value"
	" FROM metric_value v JOIN metric_def m ON m.id = v.metric_id"
	" WHERE m.name = ?3 AND v.date BETWEEN ?1 AND ?2";
static const char q_dose[] = "SELECT date, sum(amount) FROM dose"
	" WHERE med_id = ?3 AND date BETWEEN ?1 AND ?2 GROUP BY date";

static const char *const queries[] = {
	[WN_SERIES_MOOD] = q_mood, [WN_SERIES_ANXIETY] = q_anxiety,
	[WN_SERIES_ENERGY] = q_energy, [WN_SERIES_SLEEP] = q_sleep,
	[WN_SERIES_BURDEN] = q_burden, [WN_SERIES_SYMPTOM] = q_symptom,
	[WN_SERIES_METRIC] = q_metric, [WN_SERIES_DOSE] = q_dose,
};

/* ---- loading ------------------------------------------------------------------ */

static void bind_what(sqlite3_stmt *st, const struct wn_series_what *w)
{
	if (w->kind == WN_SERIES_SYMPTOM || w->kind == WN_SERIES_DOSE)
		sqlite3_bind_int64(st, 3, w->id);
	else if (w->kind == WN_SERIES_METRIC)
		sqlite3_bind_text(st, 3, w->name, -1, SQLITE_STATIC);
}

int wn_series_load(struct wn_db *db, const struct wn_series_req *r,
                   double *out, struct wn_err *err)
{
	if (!r || !r->what || (unsigned)r->what->kind > WN_SERIES_DOSE)
		return wn_err_set(err, WN_USAGE, "no series to load");
	if (r->from > r->to || r->to - r->from >= WN_SERIES_MAX_DAYS)
		return wn_err_set(err, WN_USAGE, "a range of 1 to %ld days, please",
		                  WN_SERIES_MAX_DAYS);
	for (wn_date d = r->from; d <= r->to; d++)
		out[d - r->from] = NAN;
	sqlite3_stmt *st;
	int rc = wn_db_prepare(db, queries[r->what->kind], &st, err);
	if (rc != WN_OK)
		return rc;
	wn_db_bind_date(st, 1, r->from);
	wn_db_bind_date(st, 2, r->to);
	bind_what(st, r->what);
	while (wn_db_row(db, st, "read the diary", &rc, err)) {
		wn_date d = wn_db_col_date(st, 0);
		if (d == WN_DATE_NONE || d < r->from || d > r->to ||
		    sqlite3_column_type(st, 1) == SQLITE_NULL)
			continue;
		double *o = &out[d - r->from];
		*o = (isnan(*o) ? 0 : *o) + sqlite3_column_double(st, 1);
	}
	sqlite3_finalize(st);
	return rc;
}

/* ---- names ------------------------------------------------------------------------- */

struct builtin {
	const char *name;
	enum wn_series_kind kind;
	const char *unit;
	double lo, hi;
	bool better_high;
};

static const struct builtin builtins[] = {
	{ "mood",    WN_SERIES_MOOD,    "0-10", 0, 10, true },
	{ "anxiety", WN_SERIES_ANXIETY, "0-10", 0, 10, false },
	{ "energy",  WN_SERIES_ENERGY,  "0-10", 0, 10, true },
	{ "sleep",   WN_SERIES_SLEEP,   "h",    0, 10, true },
	{ "burden",  WN_SERIES_BURDEN,  "sum of ratings", 0, 0, false },
};
#define N_BUILTINS (sizeof builtins / sizeof *builtins)

static void set_out(struct wn_series_what *out, enum wn_series_kind kind,
                    const char *name, const char *unit)
{
	memset(out, 0, sizeof *out);
	out->kind = kind;
	snprintf(out->name, sizeof out->name, "%s", name);
	snprintf(out->unit, sizeof out->unit, "%s", unit);
}

static bool find_builtin(const char *name, struct wn_series_what *out)
{
	for (size_t i = 0; i < N_BUILTINS; i++) {
		const struct builtin *b = &builtins[i];
		if (strcasecmp(name, b->name) != 0)
			continue;
		set_out(out, b->kind, b->name, b->unit);
		out->lo = b->lo;
		out->hi = b->hi;
		out->higher_is_better = b->better_high;
		return true;
	}
	return false;
}

/* WN_OK found, WN_NOINPUT not found, or an error. */
static int find_symptom(struct wn_db *db, const char *name,
                        struct wn_series_what *out, struct wn_err *err)
{
	struct wn_symptom s;
	struct wn_err e = { 0 };
	int rc = wn_db_symptom_find(db, name, &s, &e);
	if (rc == WN_OK) {
		set_out(out, WN_SERIES_SYMPTOM, s.name, "0-3");
		out->id = s.id;
		out->lo = 0;
		out->hi = 3;
	} else if (rc != WN_NOINPUT && err) {
		*err = e;
	}
	return rc;
}

static int find_med(struct wn_db *db, const char *name,
                    struct wn_series_what *out, struct wn_err *err)
{
	struct wn_med m;
	struct wn_err e = { 0 };
	int rc = wn_db_med_find(db, name, &m, &e);
	if (rc == WN_OK) {
		set_out(out, WN_SERIES_DOSE, m.name, m.unit);
		out->id = m.id;
	} else if (rc != WN_NOINPUT && err) {
		*err = e;
	}
	return rc;
}

static double col_or(sqlite3_stmt *st, int col, double dflt)
{
	return sqlite3_column_type(st, col) == SQLITE_NULL ? dflt :
	       sqlite3_column_double(st, col);
}

static int find_metric_db(struct wn_db *db, const char *name,
                          struct wn_series_what *out, struct wn_err *err)
{
	static const char q[] = "SELECT name, min, max, higher_better"
		" FROM metric_def WHERE name = ?1";
	sqlite3_stmt *st;
	int rc = wn_db_prepare(db, q, &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (wn_db_row(db, st, "read the metrics", &rc, err)) {
		char mname[WN_NAME_MAX + 1];
		wn_db_col_copy(st, 0, mname, sizeof mname);
		set_out(out, WN_SERIES_METRIC, mname, "");
		out->lo = col_or(st, 1, 0);
		out->hi = col_or(st, 2, 0);
		out->higher_is_better = sqlite3_column_int(st, 3) != 0;
	} else if (rc == WN_OK) {
		rc = WN_NOINPUT;
	}
	sqlite3_finalize(st);
	return rc;
}

static int find_metric(const struct wn_series_names *src, const char *name,
                       struct wn_series_what *out, struct wn_err *err)
{
	int i = src->cfg ? wn_config_find_metric(src->cfg, name) : -1;
	if (i < 0)
		return find_metric_db(src->db, name, out, err);
	const struct wn_metric_def *m = &src->cfg->metrics[i];
	set_out(out, WN_SERIES_METRIC, m->name, "");
	snprintf(out->unit, sizeof out->unit, "%.6g-%.6g", m->min, m->max);
	out->lo = m->min;
	out->hi = m->max;
	out->higher_is_better = m->higher_is_better;
	return WN_OK;
}

/* ---- did you mean ------------------------------------------------------------------ */

struct cands {
	char **s;
	size_t n, cap;
	bool failed;
};

static void cand_add(struct cands *c, const char *prefix, const char *name)
{
	if (c->failed)
		return;
	if (c->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 64;
		char **s = realloc(c->s, cap * sizeof *s);
		if (!s) {
			c->failed = true;
			return;
		}
		c->s = s;
		c->cap = cap;
	}
	size_t len = strlen(prefix) + strlen(name) + 1;
	char *copy = malloc(len);
	if (!copy) {
		c->failed = true;
		return;
	}
	snprintf(copy, len, "%s%s", prefix, name);
	c->s[c->n++] = copy;
}

static void cands_free(struct cands *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->s[i]);
	free(c->s);
}

static void cands_db(struct wn_db *db, struct cands *c)
{
	struct wn_symptom *sy = NULL;
	struct wn_med *meds = NULL;
	size_t n = 0;
	struct wn_err e = { 0 };
	if (wn_db_symptom_list(db, true, &sy, &n, &e) == WN_OK)
		for (size_t i = 0; i < n; i++)
			cand_add(c, "", sy[i].name);
	free(sy);
	if (wn_db_med_list(db, &meds, &n, &e) == WN_OK)
		for (size_t i = 0; i < n; i++)
			cand_add(c, "dose:", meds[i].name);
	free(meds);
	sqlite3_stmt *st;
	int rc;
	if (wn_db_prepare(db, "SELECT name FROM metric_def ORDER BY name", &st, &e) != WN_OK)
		return;
	while (wn_db_row(db, st, "read the metrics", &rc, &e))
		cand_add(c, "", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

static int unknown(const struct wn_series_names *src, const char *name,
                   struct wn_err *err)
{
	struct cands c = { 0 };
	for (size_t i = 0; i < N_BUILTINS; i++)
		cand_add(&c, "", builtins[i].name);
	for (int i = 0; src->cfg && i < src->cfg->n_metrics; i++)
		cand_add(&c, "", src->cfg->metrics[i].name);
	cands_db(src->db, &c);
	const char *best[3];
	size_t nb = wn_suggest(name, (const char *const *)c.s, c.n, best, 3);
	char sugg[256] = "";
	for (size_t i = 0; i < nb; i++) {
		size_t l = strlen(sugg);
		snprintf(sugg + l, sizeof sugg - l, "%s'%s'", i ? ", " : "", best[i]);
	}
	char *safe = wn_text_sanitize(name, strlen(name), false);
	wn_err_set(err, WN_DATAERR, "unknown series '%.60s'%s%s%s", safe ? safe : "?",
	           nb ? "; did you mean " : "", sugg, nb ? "?" : "");
	wn_err_hint(err, "a chart is of mood, anxiety, energy, sleep, burden, a symptom "
	            "('wean symptoms'), a custom metric or dose:MED");
	free(safe);
	cands_free(&c);
	return WN_DATAERR;
}

/* ---- parsing ----------------------------------------------------------------------- */

/* Copies text without surrounding spaces; false when it does not fit. */
static bool trim_copy(const char *text, char *buf, size_t n)
{
	while (*text == ' ' || *text == '\t')
		text++;
	size_t len = strlen(text);
	while (len && (text[len - 1] == ' ' || text[len - 1] == '\t'))
		len--;
	if (len >= n)
		return false;
	memcpy(buf, text, len);
	buf[len] = '\0';
	return true;
}

/* "dose:X", "dose X" -> X (NULL when text does not start with word). */
static const char *after_prefix(const char *text, const char *word)
{
	size_t n = strlen(word);
	if (strncasecmp(text, word, n) != 0 || (text[n] != ':' && text[n] != ' '))
		return NULL;
	text += n + 1;
	while (*text == ' ')
		text++;
	return text;
}

static int resolve(const struct wn_series_names *src, const char *name,
                   struct wn_series_what *out, struct wn_err *err)
{
	const char *rest;
	int rc;
	if (find_builtin(name, out))
		return WN_OK;
	if ((rest = after_prefix(name, "dose")) && *rest)
		rc = find_med(src->db, rest, out, err);
	else if ((rest = after_prefix(name, "symptom")) && *rest)
		rc = find_symptom(src->db, rest, out, err);
	else if ((rest = after_prefix(name, "metric")) && *rest)
		rc = find_metric(src, rest, out, err);
	else if ((rc = find_symptom(src->db, name, out, err)) == WN_NOINPUT)
		rc = find_metric(src, name, out, err);
	return rc;
}

int wn_series_parse_what(const struct wn_series_names *src, const char *text,
                         struct wn_series_what *out, struct wn_err *err)
{
	char name[2 * WN_NAME_MAX];
	if (!src || !src->db || !text)
		return wn_err_set(err, WN_USAGE, "no series named");
	if (!trim_copy(text, name, sizeof name))
		return unknown(src, text, err);
	if (!name[0])
		return wn_err_set(err, WN_USAGE, "no series named (e.g. mood, burden, dose:MED)");
	int rc = resolve(src, name, out, err);
	return rc == WN_NOINPUT ? unknown(src, name, err) : rc;
}
