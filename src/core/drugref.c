/* SPDX-License-Identifier: GPL-3.0-or-later */
/* drugref.c -- load and query the drug reference (data/drugs.ini).
 *
 * The file is checked line by line first (stricter than iniparser: no
 * continuation lines, no empty section names, no NUL), then loaded through
 * core/ini.h (nothing reaches stderr); every value is copied out into
 * plain structs and the dictionary is freed at once.  The sections are
 * parsed here for both reads; drugref_read.c reads one drug without
 * iniparser.
 */
#include "core/drugref.h"
#include "core/ini.h"
#include "drugref_int.h"
#include "core/suggest.h"
#include "core/text.h"

#include <ctype.h>
#include <stddef.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define KEY_MAX 96

/* ---- reading the file -------------------------------------------------------- */

/* Up to DR_MAX_FILE + 1 bytes of f, in a buffer (room for a NUL after
 * them) grown as they come: 64 KB holds the shipped file, where a 1 MB one
 * would be mapped and unmapped at every read.  NULL when out of memory. */
static char *read_upto(FILE *f, size_t *n)
{
	size_t cap = 64 * 1024, got = 0;
	char *b = NULL;
	for (;;) {
		char *p = realloc(b, cap + 1);
		if (!p) {
			free(b);
			return NULL;
		}
		b = p;
		got += fread(b + got, 1, cap - got, f);
		if (got < cap || cap == DR_MAX_FILE + 1)
			break;
		cap = cap * 2 > DR_MAX_FILE + 1 ? DR_MAX_FILE + 1 : cap * 2;
	}
	*n = got;
	return b;
}

int dr_read_all(const char *path, char **buf, size_t *len, struct wn_err *err)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return wn_err_set(err, WN_NOINPUT, "cannot open drug reference %s: %s",
		                  path, strerror(errno));
	size_t n = 0;
	char *b = read_upto(f, &n);
	int bad = ferror(f);
	fclose(f);
	if (!b)
		return wn_err_set(err, WN_ERR, "out of memory");
	if (bad || n > DR_MAX_FILE) {
		free(b);
		return wn_err_set(err, bad ? WN_IOERR : WN_DATAERR,
		                  bad ? "cannot read drug reference %s"
		                      : "drug reference %s is too large", path);
	}
	b[n] = '\0';
	*buf = b;
	*len = n;
	return WN_OK;
}

static const char *skip_blank(const char *s, const char *end)
{
	while (s < end && dr_blank((unsigned char)*s))
		s++;
	return s;
}

int dr_check_text(const char *buf, size_t len, const char *path, struct wn_err *err)
{
	if (memchr(buf, '\0', len))
		return wn_err_set(err, WN_DATAERR, "%s: not a text file", path);
	return WN_OK;
}

int dr_bad_line(const char *path, int line, bool too_long, struct wn_err *err)
{
	if (too_long)
		return wn_err_set(err, WN_DATAERR, "%s:%d: line too long", path, line);
	return wn_err_set(err, WN_DATAERR,
	                  "%s:%d: not a [section], key = value or comment line", path, line);
}

static int check_lines(const char *buf, size_t len, const char *path,
                       struct wn_err *err)
{
	int rc = dr_check_text(buf, len, path, err);
	const char *p = buf, *end = buf + len;
	for (int line = 1; rc == WN_OK && p < end; line++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *s = p, *e = nl ? nl : end;
		if (e - s > DR_MAX_LINE || dr_line_kind(&s, &e) == DR_LINE_BAD)
			rc = dr_bad_line(path, line, e - s > DR_MAX_LINE, err);
		p = nl ? nl + 1 : end;
	}
	return rc;
}

/* ---- values ------------------------------------------------------------------- */

/* The value of c->sec's key in an iniparser dictionary (c->src). */
static const char *dict_get(const struct dr_ctx *c, const char *key)
{
	char full[KEY_MAX];
	snprintf(full, sizeof full, "%s:%s", c->sec, key);
	return iniparser_getstring((dictionary *)c->src, full, NULL);
}

static const char *get(const struct dr_ctx *c, const char *key)
{
	return c->get(c, key);
}

int dr_bad_value(const struct dr_ctx *c, const char *key, const char *what)
{
	return wn_err_set(c->err, WN_DATAERR, "%s:%s.%s: %s", c->path, c->sec,
	                  key, what);
}

static int get_text(const struct dr_ctx *c, const char *key, char *dst, size_t n)
{
	const char *v = get(c, key);
	if (!v)
		v = "";
	if (strlen(v) >= n)
		return dr_bad_value(c, key, "value too long");
	strcpy(dst, v);
	return WN_OK;
}

/* A positive number; *v = 0 when the key is absent. */
static int get_num(const struct dr_ctx *c, const char *key, double *v)
{
	const char *s = get(c, key);
	char *end;
	*v = 0;
	if (!s)
		return WN_OK;
	double x = strtod(s, &end);
	if (end == s || *skip_blank(end, end + strlen(end)) || !isfinite(x) || x <= 0)
		return dr_bad_value(c, key, "not a positive number");
	*v = x;
	return WN_OK;
}

/* "1-2" or "0.5" into lo, hi. */
static bool parse_range(const char *s, double *lo, double *hi)
{
	char *end;
	*lo = strtod(s, &end);
	*hi = *lo;
	if (end == s || !isfinite(*lo) || *lo <= 0)
		return false;
	if (*end == '-') {
		const char *t = end + 1;
		*hi = strtod(t, &end);
		if (end == t || !isfinite(*hi) || *hi < *lo)
			return false;
	}
	return *end == '\0';
}

/* ---- one drug -------------------------------------------------------------------- */

static int parse_forms(const struct dr_ctx *c, struct wn_drug *d)
{
	const char *v = get(c, "forms");
	char buf[DR_MAX_LINE + 1];
	if (!v || !*v)
		return WN_OK;
	if (strlen(v) >= sizeof buf)
		return dr_bad_value(c, "forms", "value too long");
	strcpy(buf, v);
	char *save = NULL;
	for (char *f = strtok_r(buf, "|", &save); f; f = strtok_r(NULL, "|", &save)) {
		struct wn_err ferr = { 0 };
		if (d->n_forms == WN_DRUG_MAX_FORMS)
			return dr_bad_value(c, "forms", "too many forms");
		if (wn_taper_form_parse(f, &d->forms[d->n_forms], &ferr) != WN_OK)
			return dr_bad_value(c, "forms", ferr.msg);
		d->n_forms++;
	}
	return WN_OK;
}

static int parse_sert(const struct dr_ctx *c, struct wn_drug *d)
{
	int rc = get_num(c, "sert_emax_pct", &d->emax);
	if (rc == WN_OK)
		rc = get_num(c, "sert_ed50_mg", &d->ed50);
	if (rc == WN_OK)
		rc = get_num(c, "sert_max_dose_mg", &d->max_dose);
	if (rc == WN_OK)
		rc = get_text(c, "sert_region", d->region, sizeof d->region);
	if (rc == WN_OK)
		rc = get_text(c, "sert_alt", d->sert_alt, sizeof d->sert_alt);
	if (rc != WN_OK)
		return rc;
	if ((d->emax > 0) != (d->ed50 > 0))
		return dr_bad_value(c, d->emax > 0 ? "sert_ed50_mg" : "sert_emax_pct",
		                 "Emax and ED50 go together");
	d->has_sert = d->emax > 0;
	return WN_OK;
}

static int parse_equiv(const struct dr_ctx *c, struct wn_drug *d)
{
	int rc = get_text(c, "diazepam_equiv_mg", d->diazepam_equiv_text,
	                  sizeof d->diazepam_equiv_text);
	if (rc == WN_OK)
		rc = get_text(c, "diazepam_equiv_va_mg", d->diazepam_equiv_va,
		              sizeof d->diazepam_equiv_va);
	if (rc != WN_OK || !d->diazepam_equiv_text[0])
		return rc;
	if (!parse_range(d->diazepam_equiv_text, &d->diazepam_equiv,
	                 &d->diazepam_equiv_hi))
		return dr_bad_value(c, "diazepam_equiv_mg",
		                 "not a positive number or range such as 1-2");
	return WN_OK;
}

/* form_equiv = FORM:FACTOR | FORM:FACTOR ("oral drops 40 mg/ml:1.25"). */
static int parse_form_equiv(const struct dr_ctx *c, struct wn_drug *d)
{
	const char *v = get(c, "form_equiv");
	char buf[DR_MAX_LINE + 1];
	if (!v || !*v)
		return WN_OK;
	if (strlen(v) >= sizeof buf)
		return dr_bad_value(c, "form_equiv", "value too long");
	strcpy(buf, v);
	char *save = NULL;
	for (char *it = strtok_r(buf, "|", &save); it; it = strtok_r(NULL, "|", &save)) {
		char *colon = strrchr(it, ':'), *end;
		struct wn_err ferr = { 0 };
		if (d->n_equiv == WN_DRUG_MAX_EQUIV)
			return dr_bad_value(c, "form_equiv", "too many forms");
		if (!colon)
			return dr_bad_value(c, "form_equiv", "each item needs FORM:FACTOR");
		*colon = '\0';
		struct wn_drug_equiv *e = &d->equiv[d->n_equiv];
		e->factor = strtod(colon + 1, &end);
		if (end == colon + 1 || *skip_blank(end, end + strlen(end)) ||
		    !isfinite(e->factor) || e->factor <= 0)
			return dr_bad_value(c, "form_equiv", "the factor is not a positive number");
		if (wn_taper_form_parse(it, &e->form, &ferr) != WN_OK)
			return dr_bad_value(c, "form_equiv", ferr.msg);
		d->n_equiv++;
	}
	return WN_OK;
}

int dr_parse_drug(const struct dr_ctx *c, struct wn_drug *d)
{
	memset(d, 0, sizeof *d);
	if (strlen(c->sec) >= sizeof d->name)
		return wn_err_set(c->err, WN_DATAERR, "%s:%s: section name too long",
		                  c->path, c->sec);
	strcpy(d->name, c->sec);
	if (!get(c, "class"))
		return dr_bad_value(c, "class", "missing (every drug needs a class)");
	int rc = get_text(c, "class", d->drug_class, sizeof d->drug_class);
	if (rc == WN_OK)
		rc = get_text(c, "half_life_h", d->half_life_h, sizeof d->half_life_h);
	if (rc == WN_OK)
		rc = get_text(c, "metabolite_half_life_h", d->metabolite_half_life_h,
		              sizeof d->metabolite_half_life_h);
	if (rc == WN_OK)
		rc = parse_sert(c, d);
	if (rc == WN_OK)
		rc = parse_forms(c, d);
	if (rc == WN_OK)
		rc = parse_equiv(c, d);
	if (rc == WN_OK)
		rc = get_text(c, "approximate", d->approximate, sizeof d->approximate);
	if (rc == WN_OK)
		rc = get_text(c, "src", d->src, sizeof d->src);
	if (rc == WN_OK)
		rc = get_text(c, "note", d->note, sizeof d->note);
	if (rc == WN_OK)
		rc = parse_form_equiv(c, d);
	return rc;
}

/* ---- sources ---------------------------------------------------------------------- */

static int parse_sources(const struct dr_ctx *c, struct wn_drugref *ref)
{
	dictionary *d = (dictionary *)c->src;
	int n = iniparser_getsecnkeys(d, c->sec);
	if (n <= 0)
		return WN_OK;
	const char **keys = calloc((size_t)n, sizeof *keys);
	ref->sources = calloc((size_t)n, sizeof *ref->sources);
	if (!keys || !ref->sources || !iniparser_getseckeys(d, c->sec, keys)) {
		free(keys);
		return wn_err_set(c->err, WN_ERR, "out of memory");
	}
	int rc = WN_OK;
	for (int i = 0; i < n && rc == WN_OK; i++) {
		const char *id = strchr(keys[i], ':') + 1;
		struct dr_source *s = &ref->sources[ref->n_sources];
		if (strlen(id) >= sizeof s->id) {
			rc = dr_bad_value(c, id, "source id too long");
			break;
		}
		for (size_t j = 0; j <= strlen(id); j++)
			s->id[j] = (char)toupper((unsigned char)id[j]);
		/* NULL for a "[sources:ID]" line, which names the key too */
		const char *text = iniparser_getstring(d, keys[i], "");
		s->text = strdup(text ? text : "");
		if (!s->text)
			rc = wn_err_set(c->err, WN_ERR, "out of memory");
		else
			ref->n_sources++;
	}
	free(keys);
	return rc;
}

/* ---- class sections ------------------------------------------------------------------ */

/* A whole number of days in 1..3650; *v = 0 when the key is absent. */
static int get_days(const struct dr_ctx *c, const char *key, int *v)
{
	double x;
	int rc = get_num(c, key, &x);
	*v = 0;
	if (rc == WN_OK && (x != floor(x) || x > 3650))
		return dr_bad_value(c, key, "not a whole number of days up to 3650");
	if (rc == WN_OK)
		*v = (int)x;
	return rc;
}

static int class_texts(const struct dr_ctx *c, struct wn_drug_pace *p)
{
	static const struct { const char *key; size_t off, n; } keys[] = {
#define T(k, f) { k, offsetof(struct wn_drug_pace, f), sizeof ((struct wn_drug_pace *)0)->f }
		T("pace_by", pace_by), T("pace_src", pace_src),
		T("stop_hazard", stop_hazard), T("stop_hazard_by", stop_hazard_by),
		T("stop_hazard_src", stop_hazard_src),
#undef T
	};
	int rc = WN_OK;
	for (size_t i = 0; i < sizeof keys / sizeof *keys && rc == WN_OK; i++)
		rc = get_text(c, keys[i].key, (char *)p + keys[i].off, keys[i].n);
	return rc;
}

static int class_numbers(const struct dr_ctx *c, struct wn_drug_pace *p)
{
	int rc = get_num(c, "pace_max_cut_pct", &p->max_cut_pct);
	if (rc == WN_OK)
		rc = get_days(c, "pace_per_days", &p->per_days);
	if (rc == WN_OK)
		rc = get_days(c, "pace_min_taper_days", &p->min_taper_days);
	if (rc != WN_OK)
		return rc;
	if (p->max_cut_pct > 100)
		return dr_bad_value(c, "pace_max_cut_pct", "must be at most 100");
	if ((p->max_cut_pct > 0) != (p->per_days > 0))
		return dr_bad_value(c, p->per_days ? "pace_max_cut_pct" : "pace_per_days",
		                 "pace_max_cut_pct and pace_per_days go together");
	if ((p->max_cut_pct > 0 || p->min_taper_days > 0) && !p->pace_by[0])
		return dr_bad_value(c, "pace_by", "missing (who gives the pace)");
	if (p->stop_hazard[0] && !p->stop_hazard_by[0])
		return dr_bad_value(c, "stop_hazard_by", "missing (who names the hazard)");
	return WN_OK;
}

int dr_parse_class(const struct dr_ctx *c, struct wn_drugref *ref)
{
	if (ref->n_classes == DR_MAX_CLASSES)
		return wn_err_set(c->err, WN_DATAERR, "%s:%s: too many class sections",
		                  c->path, c->sec);
	struct dr_class *cs = &ref->classes[ref->n_classes];
	memset(cs, 0, sizeof *cs);      /* the handle need not be zeroed */
	struct wn_drug_pace *p = &cs->pace;
	const char *name = c->sec + strlen(DR_CLASS_PREFIX);
	char approx[160];
	if (!*name || strlen(name) >= sizeof p->name)
		return wn_err_set(c->err, WN_DATAERR, "%s:%s: bad class section name",
		                  c->path, c->sec);
	strcpy(p->name, name);
	if (!get(c, "classes"))
		return dr_bad_value(c, "classes", "missing (the drug classes it covers)");
	int rc = get_text(c, "classes", cs->classes, sizeof cs->classes);
	if (rc == WN_OK)
		rc = class_texts(c, p);
	if (rc == WN_OK)
		rc = class_numbers(c, p);
	if (rc == WN_OK)
		rc = get_text(c, "approximate", approx, sizeof approx);
	if (rc != WN_OK)
		return rc;
	p->approximate = approx[strspn(approx, " ")] != '\0';
	ref->n_classes++;
	return WN_OK;
}

/* Is `cls` one of the " | "-separated items of list (any case)? */
static bool class_listed(const char *list, const char *cls)
{
	size_t len = strlen(cls);
	for (const char *p = list; *p;) {
		p = skip_blank(p, p + strlen(p));
		size_t item = strcspn(p, "|");
		size_t l = item;
		while (l && isspace((unsigned char)p[l - 1]))
			l--;
		if (l == len && len && strncasecmp(p, cls, len) == 0)
			return true;
		p += item + (p[item] == '|');
	}
	return false;
}

void dr_attach_paces(struct wn_drugref *ref)
{
	for (size_t i = 0; i < ref->n_drugs; i++) {
		struct wn_drug *d = &ref->drugs[i];
		for (size_t k = 0; k < ref->n_classes; k++) {
			if (class_listed(ref->classes[k].classes, d->drug_class)) {
				d->pace = ref->classes[k].pace;
				break;
			}
		}
	}
}

/* ---- open / close ------------------------------------------------------------------ */

int dr_drug_cmp(const void *a, const void *b)
{
	return strcmp(((const struct wn_drug *)a)->name,
	              ((const struct wn_drug *)b)->name);
}

/* The citation of source id ("S17", any case), or NULL. */
static const char *source_text(const struct wn_drugref *ref, const char *id)
{
	for (size_t i = 0; ref && id && i < ref->n_sources; i++)
		if (strcasecmp(ref->sources[i].id, id) == 0)
			return ref->sources[i].text;
	return NULL;
}

/* The distinct source ids named in d->src, in order of first mention: up
 * to max of them into ids; returns how many. */
static int src_ids(const struct wn_drug *d, char ids[][WN_DRUG_SRC_ID], int max)
{
	int n = 0;
	for (const char *p = d ? d->src : ""; *p && n < max;) {
		size_t skip = strcspn(p, ":, ");    /* the key before ':' */
		if (p[skip] == ':') {
			p += skip + 1;
			continue;
		}
		size_t l = strspn(p, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
		bool seen = l == 0 || l >= WN_DRUG_SRC_ID;
		for (int i = 0; i < n && !seen; i++)
			seen = strlen(ids[i]) == l && strncmp(ids[i], p, l) == 0;
		if (!seen) {
			memcpy(ids[n], p, l);
			ids[n++][l] = '\0';
		}
		p += l ? l : 1;
	}
	return n;
}

#define MAX_CITED 32

/* Does every drug cite only sources that [sources] lists? */
static int check_citations(const struct wn_drugref *ref, const char *path,
                           struct wn_err *err)
{
	for (size_t i = 0; i < ref->n_drugs; i++) {
		const struct wn_drug *d = &ref->drugs[i];
		char ids[MAX_CITED][WN_DRUG_SRC_ID];
		int n = src_ids(d, ids, MAX_CITED);
		for (int k = 0; k < n; k++)
			if (!source_text(ref, ids[k]))
				return wn_err_set(err, WN_DATAERR,
				                  "%s:%s.src: cites %s, which [sources] does not list",
				                  path, d->name, ids[k]);
	}
	return WN_OK;
}

/* The sections of the whole file (in d) into ref, checked. */
static int load_sections(dictionary *d, const char *path, struct wn_drugref *ref,
                         struct wn_err *err)
{
	int nsec = iniparser_getnsec(d);
	ref->drugs = calloc(nsec > 0 ? (size_t)nsec : 1, sizeof *ref->drugs);
	if (!ref->drugs)
		return wn_err_set(err, WN_ERR, "out of memory");
	for (int i = 0; i < nsec; i++) {
		struct dr_ctx c = { path, iniparser_getsecname(d, i), dict_get, d, err };
		int rc;
		if (strcmp(c.sec, DR_SOURCES) == 0)
			rc = parse_sources(&c, ref);
		else if (strncmp(c.sec, DR_CLASS_PREFIX, strlen(DR_CLASS_PREFIX)) == 0)
			rc = dr_parse_class(&c, ref);
		else if ((rc = dr_parse_drug(&c, &ref->drugs[ref->n_drugs])) == WN_OK)
			ref->n_drugs++;
		if (rc != WN_OK)
			return rc;
	}
	if (ref->n_drugs == 0)
		return wn_err_set(err, WN_DATAERR, "%s: no drugs in the file", path);
	dr_attach_paces(ref);
	qsort(ref->drugs, ref->n_drugs, sizeof *ref->drugs, dr_drug_cmp);
	return check_citations(ref, path, err);
}

int wn_drugref_open(const char *path, struct wn_drugref **out,
                    struct wn_err *err)
{
	char *buf = NULL;
	size_t len = 0;
	if (!out)
		return wn_err_set(err, WN_USAGE, "no place for the drug reference");
	*out = NULL;
	if (!path || !*path)
		return wn_err_set(err, WN_NOINPUT, "no drug reference file given");
	int rc = dr_read_all(path, &buf, &len, err);
	if (rc == WN_OK)
		rc = check_lines(buf, len, path, err);
	free(buf);
	if (rc != WN_OK)
		return rc;
	dictionary *d;
	if ((rc = wn_ini_load(path, "drug reference", &d, err)) != WN_OK)
		return rc;
	struct wn_drugref *ref = calloc(1, sizeof *ref);
	rc = ref ? load_sections(d, path, ref, err)
	         : wn_err_set(err, WN_ERR, "out of memory");
	iniparser_freedict(d);
	if (rc != WN_OK) {
		wn_drugref_close(ref);
		return rc;
	}
	*out = ref;
	return WN_OK;
}

void wn_drugref_close(struct wn_drugref *ref)
{
	if (!ref)
		return;
	for (size_t i = 0; i < ref->n_sources; i++)
		free(ref->sources[i].text);
	free(ref->sources);
	free(ref->drugs);
	free(ref->names);
	free(ref);
}

/* ---- lookups ------------------------------------------------------------------------------- */

/* The drug with the name closest to name (core's wn_suggest_distance), if it
 * is within max(2, a third of the name) edits; of equally close names the
 * last in strcmp order, whether the names are sorted (drugs) or in the
 * file's order (names). */
static const char *closest(const struct wn_drugref *ref, const char *name)
{
	const char *best = NULL;
	int bd = strlen(name) / 3 > 2 ? (int)(strlen(name) / 3) : 2;
	size_t n = ref->names ? ref->n_names : ref->n_drugs;
	for (size_t i = 0; i < n; i++) {
		const char *each = ref->names ? ref->names[i] : ref->drugs[i].name;
		int dd = wn_suggest_distance(name, each);
		if (dd < bd || (dd == bd && (!best || strcmp(each, best) > 0))) {
			bd = dd;
			best = each;
		}
	}
	return best;
}

int wn_drugref_lookup(const struct wn_drugref *ref, const char *name,
                      struct wn_drug *out, struct wn_err *err)
{
	char key[WN_DRUG_NAME * 2];
	if (!ref || !name)
		return wn_err_set(err, WN_USAGE, "no drug reference or name");
	while (isspace((unsigned char)*name))
		name++;
	snprintf(key, sizeof key, "%s", name);
	for (size_t l = strlen(key); l && isspace((unsigned char)key[l - 1]); l--)
		key[l - 1] = '\0';
	for (size_t i = 0; i < ref->n_drugs; i++) {
		if (strcasecmp(key, ref->drugs[i].name) == 0) {
			if (out)
				*out = ref->drugs[i];
			return WN_OK;
		}
	}
	const char *near = closest(ref, key);
	wn_err_set(err, WN_NOINPUT, "'%s' is not in the drug reference", key);
	if (near)
		wn_err_hint(err, "did you mean '%s'?", near);
	return WN_NOINPUT;
}

/* Is the word [w, w+len) in the space-separated list? */
static bool in_list(const char *list, const char *w, size_t len)
{
	for (const char *p = list; *p;) {
		while (*p == ' ')
			p++;
		size_t l = strcspn(p, " ");
		if (l == len && l && strncmp(p, w, len) == 0)
			return true;
		p += l;
	}
	return false;
}

bool wn_drugref_is_approximate(const struct wn_drug *d, const char *key)
{
	return d && key && *key && in_list(d->approximate, key, strlen(key));
}

int wn_drugref_src_of(const struct wn_drug *d, const char *key, char *buf,
                      size_t n)
{
	size_t klen = key ? strlen(key) : 0, len = 0;
	int count = 0;
	if (n)
		buf[0] = '\0';
	for (const char *p = d ? d->src : ""; klen && *p;) {
		p += strspn(p, " ");
		size_t item = strcspn(p, " ");
		if (item > klen && p[klen] == ':' && strncmp(p, key, klen) == 0) {
			for (const char *id = p + klen + 1; id < p + item;) {
				size_t l = strcspn(id, ", ");
				if (l > (size_t)(p + item - id))
					l = (size_t)(p + item - id);
				if (l && len + l + 2 <= n) {
					len += (size_t)snprintf(buf + len, n - len, "%s%.*s",
					                        len ? " " : "", (int)l, id);
					count++;
				}
				id += l + (id[l] == ',');
			}
		}
		p += item;
	}
	return count;
}

static bool same_form(const struct wn_form *a, const struct wn_form *b)
{
	const double eps = 1e-9;
	if (a->kind != b->kind)
		return false;
	if (a->kind == WN_TAPER_LIQUID)
		return fabs(a->conc_mg_per_ml - b->conc_mg_per_ml) < eps;
	return fabs(a->strength_mg - b->strength_mg) < eps;
}

double wn_drugref_form_factor(const struct wn_drug *d, const struct wn_form *f)
{
	for (int i = 0; d && f && i < d->n_equiv; i++)
		if (same_form(&d->equiv[i].form, f))
			return d->equiv[i].factor;
	return 1.0;
}
