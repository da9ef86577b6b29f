/* SPDX-License-Identifier: GPL-3.0-or-later */
/* table.c -- a person's own spreadsheet: the column map, dates and
 * numbers (table.h). */
#include "core/table.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const struct { const char *word; enum wn_table_field f; bool named; } fields[] = {
	{ "date", WN_TF_DATE, false }, { "mood", WN_TF_MOOD, false },
	{ "anxiety", WN_TF_ANXIETY, false }, { "energy", WN_TF_ENERGY, false },
	{ "sleep", WN_TF_SLEEP, false }, { "flag", WN_TF_FLAG, false },
	{ "note", WN_TF_NOTE, false }, { "symptom", WN_TF_SYMPTOM, true },
	{ "metric", WN_TF_METRIC, true }, { "dose", WN_TF_DOSE, true },
};
#define N_FIELDS (sizeof fields / sizeof *fields)
#define FIELD_LIST "date, mood, anxiety, energy, sleep, flag, note, symptom:NAME," \
	" metric:NAME or dose:NAME"

/* s[0..*len) without spaces around it. */
static const char *trim(const char *s, size_t *len)
{
	while (*len > 0 && isspace((unsigned char)s[0])) {
		s++;
		(*len)--;
	}
	while (*len > 0 && isspace((unsigned char)s[*len - 1]))
		(*len)--;
	return s;
}

static int copy(char *out, size_t n, const char *s, size_t len, const char *what,
                struct wn_err *err)
{
	if (len == 0)
		return wn_err_set(err, WN_USAGE, "--map: %s is empty", what);
	if (len >= n)
		return wn_err_set(err, WN_USAGE, "--map: %s is longer than %zu bytes", what, n - 1);
	memcpy(out, s, len);
	out[len] = '\0';
	return WN_OK;
}

void wn_table_col_name(const struct wn_table_col *c, char *out, size_t n)
{
	for (size_t i = 0; i < N_FIELDS; i++)
		if (fields[i].f == c->field) {
			snprintf(out, n, "%s%s%s", fields[i].word, fields[i].named ? " " : "",
			         fields[i].named ? c->name : "");
			return;
		}
	snprintf(out, n, "?");
}

/* One "FIELD=Header" (s[0..len)) into c. */
static int one(struct wn_table_col *c, const char *s, size_t len, struct wn_err *err)
{
	const char *eq = memchr(s, '=', len);
	if (!eq)
		return wn_err_set(err, WN_USAGE, "--map: '%.*s' is not FIELD=COLUMN", (int)len, s);
	size_t kl = (size_t)(eq - s), hl = len - kl - 1;
	const char *k = trim(s, &kl), *h = trim(eq + 1, &hl);
	const char *colon = memchr(k, ':', kl);
	size_t wl = colon ? (size_t)(colon - k) : kl;
	for (size_t i = 0; i < N_FIELDS; i++) {
		if (strlen(fields[i].word) != wl || strncmp(k, fields[i].word, wl) != 0)
			continue;
		if (fields[i].named != (colon != NULL))
			return wn_err_set(err, WN_USAGE, fields[i].named ?
			                  "--map: %s needs a name, as %s:NAME" :
			                  "--map: %s takes no name", fields[i].word, fields[i].word);
		c->field = fields[i].f;
		size_t nl = colon ? kl - wl - 1 : 0;
		const char *name = colon ? trim(colon + 1, &nl) : "";
		int rc = colon ? copy(c->name, sizeof c->name, name, nl, "a name", err) : WN_OK;
		return rc == WN_OK ? copy(c->head, sizeof c->head, h, hl, "a column", err) : rc;
	}
	wn_err_set(err, WN_USAGE, "--map: unknown field '%.*s'", (int)(kl > 40 ? 40 : kl), k);
	wn_err_hint(err, "the fields: " FIELD_LIST);
	return WN_USAGE;
}

static bool same_col(const struct wn_table_col *a, const struct wn_table_col *b)
{
	return a->field == b->field && strcasecmp(a->name, b->name) == 0;
}

int wn_table_map_parse(struct wn_table_map *m, const char *spec, struct wn_err *err)
{
	*m = (struct wn_table_map){ .n = 0 };
	bool date = false;
	for (const char *s = spec; *s;) {
		size_t len = strcspn(s, ",");
		if (m->n == WN_TABLE_COLS)
			return wn_err_set(err, WN_USAGE, "--map: more than %d fields", WN_TABLE_COLS);
		struct wn_table_col *c = &m->col[m->n];
		int rc = one(c, s, len, err);
		if (rc != WN_OK)
			return rc;
		for (size_t i = 0; i < m->n; i++)
			if (same_col(&m->col[i], c)) {
				char name[WN_NAME_MAX + 16];
				wn_table_col_name(c, name, sizeof name);
				return wn_err_set(err, WN_USAGE, "--map: '%s' is given twice", name);
			}
		date = date || c->field == WN_TF_DATE;
		m->n++;
		s += len;
		s += *s == ',';
	}
	if (!date) {
		wn_err_set(err, WN_USAGE, "--map: no date=COLUMN");
		wn_err_hint(err, "e.g. --map \"date=Date,mood=Mood,sleep=Hours slept\"");
		return WN_USAGE;
	}
	return WN_OK;
}

bool wn_table_datefmt_parse(const char *s, enum wn_table_datefmt *out)
{
	static const char *const names[] = { "YYYY-MM-DD", "DD.MM.YYYY", "DD/MM/YYYY",
	                                      "MM/DD/YYYY" };
	static const enum wn_table_datefmt fmts[] = { WN_TD_YMD, WN_TD_DMY_DOT, WN_TD_DMY,
	                                              WN_TD_MDY };
	for (size_t i = 0; i < 4; i++)
		if (strcasecmp(s, names[i]) == 0) {
			*out = fmts[i];
			return true;
		}
	return false;
}

/* Up to three numbers separated by sep, each of 1 to 4 digits: how many. */
static int parts(const char *s, size_t len, char sep, int v[3], int digits[3])
{
	int k = 0;
	size_t i = 0;
	while (k < 3) {
		int n = 0, d = 0;
		for (; i < len && isdigit((unsigned char)s[i]) && d < 5; i++, d++)
			n = n * 10 + (s[i] - '0');
		if (d == 0 || d > 4)
			return 0;
		v[k] = n;
		digits[k++] = d;
		if (i == len)
			return k;
		if (s[i++] != sep)
			return 0;
	}
	return 0;
}

static const char *const month_names[] = { "January", "February", "March", "April",
	"May", "June", "July", "August", "September", "October", "November", "December" };

int wn_table_date(const char *s, size_t len, enum wn_table_datefmt fmt, wn_date *out,
                  struct wn_err *err)
{
	int v[3], dg[3], y = 0, mo = 0, d = 0;
	s = trim(s, &len);
	char sep = memchr(s, '-', len) ? '-' : memchr(s, '.', len) ? '.' : '/';
	bool ok = parts(s, len, sep, v, dg) == 3;
	if (ok && sep == '-' && dg[0] == 4) {     /* YYYY-MM-DD whatever fmt says */
		y = v[0], mo = v[1], d = v[2];
	} else if (ok && sep == '.' && dg[2] == 4 && (fmt == WN_TD_AUTO || fmt == WN_TD_DMY_DOT)) {
		y = v[2], mo = v[1], d = v[0];
	} else if (ok && sep == '/' && dg[2] == 4 && (fmt == WN_TD_DMY || fmt == WN_TD_MDY)) {
		y = v[2], mo = fmt == WN_TD_DMY ? v[1] : v[0], d = fmt == WN_TD_DMY ? v[0] : v[1];
	} else if (ok && sep == '/' && dg[2] == 4 && fmt == WN_TD_AUTO) {
		y = v[2];
		if (v[0] > 12 || v[0] == v[1])
			d = v[0], mo = v[1];
		else if (v[1] > 12)
			d = v[1], mo = v[0];
		else if (v[0] >= 1 && v[1] >= 1) {
			wn_err_set(err, WN_DATAERR, "\"%.*s\" could be %d %s or %s %d", (int)len, s,
			           v[0], month_names[v[1] - 1], month_names[v[0] - 1], v[1]);
			wn_err_hint(err, "say which with --date-format DD/MM/YYYY or MM/DD/YYYY");
			return WN_DATAERR;
		}
	}
	if (y && wn_date_valid(y, mo, d)) {
		*out = wn_date_from_ymd(y, mo, d);
		return WN_OK;
	}
	static const char *const forms[] = {
		[WN_TD_AUTO] = ("YYYY-MM-DD, DD.MM.YYYY, DD/MM/YYYY or MM/DD/YYYY"),
		[WN_TD_YMD] = "YYYY-MM-DD",
		[WN_TD_DMY_DOT] = "DD.MM.YYYY", [WN_TD_DMY] = "DD/MM/YYYY",
		[WN_TD_MDY] = "MM/DD/YYYY" };
	return wn_err_set(err, WN_DATAERR, "\"%.*s\" is not a real date %s",
	                  (int)(len > 40 ? 40 : len), s, forms[fmt]);
}

bool wn_table_number(const char *s, size_t len, double *out)
{
	char buf[64];
	s = trim(s, &len);
	*out = NAN;
	if (len == 0)
		return true;
	if (len >= sizeof buf)
		return false;
	memcpy(buf, s, len);
	buf[len] = '\0';
	char *comma = strchr(buf, ',');
	if (comma && !strchr(buf, '.') && !strchr(comma + 1, ','))
		*comma = '.';
	for (size_t i = 0; i < len; i++)
		if (!isdigit((unsigned char)buf[i]) && buf[i] != '.' && !(i == 0 && buf[i] == '-'))
			return false;
	char *end;
	double x = strtod(buf, &end);
	if (*end || end == buf || !isfinite(x))
		return false;
	*out = x;
	return true;
}
