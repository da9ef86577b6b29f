/* SPDX-License-Identifier: GPL-3.0-or-later */
/* drugref_read.c -- wn_drugref_open_only: one drug of the reference read
 * in one pass over the file's bytes.
 *
 * The pass checks every line as wn_drugref_open does and takes the keys
 * of the sections it needs ([name], every [class_NAME]) as iniparser 4.1
 * would: the same trimming, quotes, comments after values and lower-case
 * keys, a later value replacing an earlier one.  They go into a small
 * table that behaves as iniparser's dictionary does (an entry per full
 * key "section:key", a section being the entry "section" without a
 * value), and the sections are then parsed by drugref.c's own parsers,
 * so values and messages are those of the whole read.  No sscanf, no
 * dictionary of the other thirty-odd drugs and [sources].
 */
#include "core/drugref.h"
#include "drugref_int.h"

#include <ctype.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define NO_VAL SIZE_MAX

/* A full key: "sec:key", or the section "sec" when key is NULL; h is its
 * hash (hash_add over the whole string). */
struct fkey {
	const char *sec;
	size_t sec_n;
	const char *key;
	size_t key_n;
	uint32_t h;
};

struct entry {
	size_t key, key_n;              /* offset and length in text */
	size_t val;                     /* offset in text, NO_VAL = none */
	uint32_t hash;
};

/* The dictionary: entries in the order of first insertion, found through
 * an open-addressed index (slot = entry + 1, 0 = empty). */
struct table {
	struct entry *e;
	size_t n, cap;
	uint32_t *slot;
	size_t n_slot;                  /* a power of two, > 2 n */
	char *text;                     /* keys and values, NUL-terminated */
	size_t len, text_cap;
	bool oom;
};

#define HASH_START 2166136261u

/* FNV-1a: h continued over n bytes of s. */
static uint32_t hash_add(uint32_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static bool fkey_is(const struct table *t, const struct entry *e, const struct fkey *k)
{
	const char *s = t->text + e->key;
	if (e->key_n != k->sec_n + (k->key ? 1 + k->key_n : 0) ||
	    memcmp(s, k->sec, k->sec_n) != 0)
		return false;
	return !k->key || (s[k->sec_n] == ':' && memcmp(s + k->sec_n + 1, k->key, k->key_n) == 0);
}

/* The index of the slot holding k, or of the empty slot where it goes. */
static size_t find_slot(const struct table *t, const struct fkey *k)
{
	size_t i = k->h & (t->n_slot - 1);
	while (t->slot[i] && !(t->e[t->slot[i] - 1].hash == k->h &&
	                       fkey_is(t, &t->e[t->slot[i] - 1], k)))
		i = (i + 1) & (t->n_slot - 1);
	return i;
}

/* Room for n more bytes in text. */
static bool text_room(struct table *t, size_t n)
{
	if (t->len + n <= t->text_cap)
		return true;
	size_t cap = t->text_cap ? t->text_cap : 4096;
	while (t->len + n > cap)
		cap *= 2;
	char *p = realloc(t->text, cap);
	if (!p)
		return false;
	t->text = p;
	t->text_cap = cap;
	return true;
}

/* n bytes of s at the end of text, and a NUL unless more follows. */
static void text_add(struct table *t, const char *s, size_t n, bool more)
{
	memcpy(t->text + t->len, s, n);
	t->len += n;
	if (!more)
		t->text[t->len++] = '\0';
}

/* Room for one more entry, the index rebuilt twice as large when full. */
static bool table_room(struct table *t)
{
	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 64;
		struct entry *p = realloc(t->e, cap * sizeof *p);
		if (!p)
			return false;
		t->e = p;
		t->cap = cap;
	}
	if (2 * (t->n + 1) < t->n_slot)
		return true;
	size_t n_slot = t->n_slot ? t->n_slot * 2 : 256;
	uint32_t *slot = calloc(n_slot, sizeof *slot);
	if (!slot)
		return false;
	for (size_t i = 0; i < t->n; i++) {
		size_t j = t->e[i].hash & (n_slot - 1);
		while (slot[j])
			j = (j + 1) & (n_slot - 1);
		slot[j] = (uint32_t)(i + 1);
	}
	free(t->slot);
	t->slot = slot;
	t->n_slot = n_slot;
	return true;
}

/* k = v (v NULL: no value), as iniparser's dictionary_set. */
static void table_put(struct table *t, const struct fkey *k, const char *v, size_t vn)
{
	size_t key_n = k->sec_n + (k->key ? 1 + k->key_n : 0);
	if (t->oom || !table_room(t) || !text_room(t, key_n + 1 + vn + 1)) {
		t->oom = true;
		return;
	}
	size_t i = find_slot(t, k), val = v ? t->len : NO_VAL;
	if (v)
		text_add(t, v, vn, false);
	if (t->slot[i]) {
		t->e[t->slot[i] - 1].val = val;
		return;
	}
	t->e[t->n] = (struct entry){ t->len, key_n, val, k->h };
	text_add(t, k->sec, k->sec_n, k->key != NULL);
	if (k->key) {
		text_add(t, ":", 1, true);
		text_add(t, k->key, k->key_n, false);
	}
	t->slot[i] = (uint32_t)++t->n;
}

static void table_free(struct table *t)
{
	free(t->e);
	free(t->slot);
	free(t->text);
}

/* ---- the pass ------------------------------------------------------------------ */

struct scan {
	const char *want;               /* the drug, trimmed, lower case */
	char sec[DR_MAX_LINE + 2];      /* the current section, lower case */
	size_t sec_n;
	uint32_t sec_h;                 /* hash of "sec:" */
	bool keep;                      /* its keys go into t */
	struct table t;
	struct wn_drugref *ref;
	size_t names_cap;
};

static bool has_prefix(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* [a, e) without the blanks at both ends, in lower case, into dst. */
static size_t lower_trimmed(const char *a, const char *e, char *dst)
{
	while (a < e && dr_blank((unsigned char)*a))
		a++;
	while (e > a && dr_blank((unsigned char)e[-1]))
		e--;
	for (const char *p = a; p < e; p++)
		dst[p - a] = (char)tolower((unsigned char)*p);
	dst[e - a] = '\0';
	return (size_t)(e - a);
}

static void add_name(struct scan *x)
{
	struct wn_drugref *ref = x->ref;
	if (ref->n_names == x->names_cap) {
		size_t cap = x->names_cap ? x->names_cap * 2 : 64;
		char (*p)[WN_DRUG_NAME] = realloc(ref->names, cap * sizeof *p);
		if (!p) {
			x->t.oom = true;
			return;
		}
		ref->names = p;
		x->names_cap = cap;
	}
	size_t n = x->sec_n < WN_DRUG_NAME - 1 ? x->sec_n : WN_DRUG_NAME - 1;
	memcpy(ref->names[ref->n_names], x->sec, n);
	ref->names[ref->n_names++][n] = '\0';
}

/* "[name]" (trimmed; what sscanf's "[%[^]]" takes, then trimmed and in
 * lower case).  A section is an entry without a value; one whose name has
 * a ':' is none, but its entry may hide a key ("[sertraline:note]"). */
static void on_section(struct scan *x, const char *s, const char *e)
{
	const char *close = memchr(s + 1, ']', (size_t)(e - s - 1));
	x->sec_n = lower_trimmed(s + 1, close, x->sec);
	bool colon = memchr(x->sec, ':', x->sec_n) != NULL;
	x->keep = strcmp(x->sec, x->want) == 0 || has_prefix(x->sec, DR_CLASS_PREFIX) ||
	          (strcmp(x->want, DR_SOURCES) == 0 && has_prefix(x->sec, DR_SOURCES ":"));
	if (!colon && strcmp(x->sec, DR_SOURCES) != 0 && !has_prefix(x->sec, DR_CLASS_PREFIX))
		add_name(x);
	uint32_t h = hash_add(HASH_START, x->sec, x->sec_n);
	x->sec_h = hash_add(h, ":", 1);
	if (x->keep || colon)
		table_put(&x->t, &(struct fkey){ x->sec, x->sec_n, NULL, 0, h }, NULL, 0);
}

/* "key = value" as iniparser 4.1's sscanf patterns read it: after the
 * first '=' and blanks, a value in quotes is taken as it is (up to the
 * closing quote or the end); otherwise it ends at ';' or '#' and is
 * trimmed, and "" or '' are empty; "key =" and "key = ;..." are empty. */
static void on_pair(struct scan *x, const char *s, const char *e)
{
	char key[DR_MAX_LINE + 1];
	const char *eq = memchr(s, '=', (size_t)(e - s)), *v = eq + 1, *ve;
	size_t key_n = lower_trimmed(s, eq, key);
	while (v < e && dr_blank((unsigned char)*v))
		v++;
	if (e - v >= 2 && (*v == '"' || *v == '\'') && v[1] != *v) {
		ve = memchr(v + 1, *v, (size_t)(e - v - 1));
		v++;
		ve = ve ? ve : e;
	} else if (v < e && *v != ';' && *v != '#') {
		const char *semi = memchr(v, ';', (size_t)(e - v));
		ve = memchr(v, '#', (size_t)((semi ? semi : e) - v));
		ve = ve ? ve : semi ? semi : e;
		while (ve > v && dr_blank((unsigned char)ve[-1]))
			ve--;
		if (ve - v == 2 && (memcmp(v, "\"\"", 2) == 0 || memcmp(v, "''", 2) == 0))
			ve = v;
	} else {
		ve = v;
	}
	table_put(&x->t, &(struct fkey){ x->sec, x->sec_n, key, key_n,
	                                 hash_add(x->sec_h, key, key_n) }, v, (size_t)(ve - v));
}

/* Every line checked (the first bad one is the error), the needed ones
 * taken. */
static int scan_lines(struct scan *x, const char *buf, size_t len, const char *path,
                      struct wn_err *err)
{
	int rc = dr_check_text(buf, len, path, err);
	const char *p = buf, *end = buf + len;
	for (int line = 1; rc == WN_OK && p < end; line++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *s = p, *e = nl ? nl : end;
		enum dr_line kind = e - s > DR_MAX_LINE ? DR_LINE_BAD : dr_line_kind(&s, &e);
		if (kind == DR_LINE_BAD)
			rc = dr_bad_line(path, line, e - s > DR_MAX_LINE, err);
		else if (kind == DR_LINE_SECTION)
			on_section(x, s, e);
		else if (kind == DR_LINE_PAIR && x->keep)
			on_pair(x, s, e);
		p = nl ? nl + 1 : end;
	}
	if (rc == WN_OK && x->t.oom)
		rc = wn_err_set(err, WN_ERR, "out of memory");
	return rc;
}

/* ---- the sections ---------------------------------------------------------------- */

/* A section of the table, as a dr_ctx's src. */
struct view {
	const struct table *t;
	size_t sec_n;
	uint32_t sec_h;                 /* hash of "sec:" */
};

static const char *table_get(const struct dr_ctx *c, const char *key)
{
	const struct view *w = c->src;
	const struct table *t = w->t;
	size_t key_n = strlen(key);
	size_t i = find_slot(t, &(struct fkey){ c->sec, w->sec_n, key, key_n,
	                                        hash_add(w->sec_h, key, key_n) });
	const struct entry *e = t->slot[i] ? &t->e[t->slot[i] - 1] : NULL;
	return e && e->val != NO_VAL ? t->text + e->val : NULL;
}

/* [sources] (read only when it is the name asked for): the ids' length,
 * as wn_drugref_open checks it. */
static int check_sources(const struct table *t, const struct dr_ctx *c)
{
	size_t n = strlen(DR_SOURCES ":");
	for (size_t i = 0; i < t->n; i++) {
		const char *key = t->text + t->e[i].key;
		if (strncmp(key, DR_SOURCES ":", n) == 0 && strlen(key + n) >= WN_DRUG_SRC_ID)
			return dr_bad_value(c, key + n, "source id too long");
	}
	return WN_OK;
}

/* The sections taken (entries without ':'), in the order they came. */
static int parse_sections(const struct table *t, const char *path, struct wn_drugref *ref,
                          struct wn_err *err)
{
	ref->drugs = malloc(sizeof *ref->drugs);   /* only [want] is a drug */
	if (!ref->drugs)
		return wn_err_set(err, WN_ERR, "out of memory");
	int rc = WN_OK;
	for (size_t i = 0; i < t->n && rc == WN_OK; i++) {
		const struct entry *e = &t->e[i];
		struct view w = { t, e->key_n, hash_add(e->hash, ":", 1) };
		struct dr_ctx c = { path, t->text + e->key, table_get, &w, err };
		if (e->val != NO_VAL || memchr(c.sec, ':', e->key_n))
			continue;
		if (strcmp(c.sec, DR_SOURCES) == 0)
			rc = check_sources(t, &c);
		else if (has_prefix(c.sec, DR_CLASS_PREFIX))
			rc = dr_parse_class(&c, ref);
		else if (ref->n_drugs == 0 && (rc = dr_parse_drug(&c, ref->drugs)) == WN_OK)
			ref->n_drugs++;
	}
	if (rc == WN_OK)
		dr_attach_paces(ref);
	return rc;
}

int wn_drugref_open_only(const char *path, const char *name, struct wn_drugref **out,
                         struct wn_err *err)
{
	char *buf = NULL, want[DR_MAX_LINE + 2];
	size_t len = 0;
	if (!out)
		return wn_err_set(err, WN_USAGE, "no place for the drug reference");
	*out = NULL;
	if (!path || !*path)
		return wn_err_set(err, WN_NOINPUT, "no drug reference file given");
	size_t n = strlen(name ? name : "");
	n = n < sizeof want - 1 ? n : sizeof want - 1;
	lower_trimmed(name ? name : "", (name ? name : "") + n, want);
	struct scan scan = { .want = want }, *x = &scan;
	x->keep = want[0] == '\0';          /* keys before any [section] */
	x->sec_h = hash_add(HASH_START, ":", 1);
	int rc = dr_read_all(path, &buf, &len, err);
	/* not calloc: 7 KB of classes would be zeroed byte by byte (rep stosb) */
	if (rc == WN_OK && (x->ref = malloc(sizeof *x->ref)) != NULL)
		memset(x->ref, 0, offsetof(struct wn_drugref, classes));
	else if (rc == WN_OK)
		rc = wn_err_set(err, WN_ERR, "out of memory");
	if (rc == WN_OK)
		rc = scan_lines(x, buf, len, path, err);
	free(buf);
	if (rc == WN_OK)
		rc = parse_sections(&x->t, path, x->ref, err);
	if (rc == WN_OK)
		*out = x->ref;
	else
		wn_drugref_close(x->ref);
	table_free(&x->t);
	return rc;
}
