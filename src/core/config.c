/* SPDX-License-Identifier: GPL-3.0-or-later */
/* config.c -- defaults, INI file, environment, flags, one validation pass.
 *
 * Every setting is a row of keys[].  Loading first gathers raw strings per
 * key and layer (file, environment, flags); validate() then walks the table
 * once, parsing each layer's string in order, so a later layer overrides an
 * earlier one and every bad value in the file is reported exactly once.
 */
#include "core/config.h"
#include "core/safety.h"

#include <ctype.h>
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "core/ini.h"
#include "core/suggest.h"
#include "core/text.h"
#include "core/xdg.h"

/* ------------------------------------------------------------------ */
/* The table of settings                                               */

enum kind { K_DB, K_TEXT, K_LIST, K_WEEKDAY, K_BOOL, K_INT, K_DOUBLE, K_METRIC };

struct key_def {
	const char *section;
	const char *name;
	enum kind kind;
	size_t off;        /* offset of the field in struct wn_config */
	size_t size;       /* size of the field */
	double lo, hi;     /* numeric range; for K_TEXT lo = minimum length */
};

#define FIELD(f) offsetof(struct wn_config, f), sizeof(((struct wn_config *)0)->f)
#define METRIC(n) { "metrics", "metric" #n, K_METRIC, 0, 0, 0, 0 }

static const struct key_def keys[] = {
	{ "general", "db", K_DB, FIELD(db_path), 0, 0 },
	{ "general", "name", K_TEXT, FIELD(report_name), 0, 0 },
	{ "display", "week_start", K_WEEKDAY, FIELD(week_start), 0, 6 },
	{ "display", "color", K_BOOL, FIELD(color), 0, 0 },
	{ "display", "ascii", K_BOOL, FIELD(ascii), 0, 0 },
	{ "help", "crisis_line", K_TEXT, FIELD(crisis_line), 1, 0 },   /* old place */
	{ "safety", "crisis_line", K_TEXT, FIELD(crisis_line), 1, 0 },
	{ "safety", "low_mood", K_INT, FIELD(low_mood), 0, 10 },
	{ "symptoms", "dess", K_BOOL, FIELD(dess), 0, 0 },
	{ "symptoms", "hidden", K_LIST, FIELD(hidden_symptoms), 0, 0 },
	METRIC(1), METRIC(2), METRIC(3), METRIC(4), METRIC(5), METRIC(6),
	METRIC(7), METRIC(8), METRIC(9), METRIC(10), METRIC(11), METRIC(12),
	METRIC(13), METRIC(14), METRIC(15), METRIC(16),
	{ "hold", "enabled", K_BOOL, FIELD(hold_enabled), 0, 0 },
	{ "hold", "burden_days", K_INT, FIELD(hold_burden_days), 1, 14 },
	{ "hold", "baseline_days", K_INT, FIELD(hold_baseline_days), 1, 28 },
	{ "hold", "symptom_rise", K_DOUBLE, FIELD(hold_symptom_rise), 0.05, 3 },
	{ "hold", "sleep_hours", K_DOUBLE, FIELD(hold_sleep_hours), 0, 12 },
	{ "hold", "sleep_nights", K_INT, FIELD(hold_sleep_nights), 1, 14 },
	{ "security", "key_cache_minutes", K_INT, FIELD(key_cache_minutes), 0, 15 },
};

#define N_KEYS (sizeof keys / sizeof keys[0])

static const char *const weekdays[7] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"
};

/* Built-in metrics a custom one may not shadow. */
static const char *const builtin_metrics[] = {
	"mood", "anxiety", "energy", "sleep", "burden"
};

#define METRIC_LIMIT 1000.0
#define SHOW_MAX 48        /* bytes of a user's value quoted in a warning */

enum layer { L_FILE, L_ENV, L_FLAG, L_COUNT };

struct loader {
	struct wn_config *c;
	struct wn_config def;                /* built-in defaults, for messages */
	const char *raw[N_KEYS][L_COUNT];    /* value per key and layer, or NULL */
	char *copy[N_KEYS];                  /* file values copied out of iniparser */
	enum layer layer;                    /* layer being validated */
	char why[512];                       /* problem found by the last parse */
	void (*warn)(void *ctx, const char *line);
	void *ctx;
};

/* ------------------------------------------------------------------ */
/* Small helpers                                                       */

static void *field(struct wn_config *c, const struct key_def *k)
{
	return (char *)c + k->off;
}

static const void *cfield(const struct wn_config *c, const struct key_def *k)
{
	return (const char *)c + k->off;
}

static size_t key_index(const char *section, const char *name)
{
	for (size_t i = 0; i < N_KEYS; i++)
		if (!strcmp(keys[i].section, section) && !strcmp(keys[i].name, name))
			return i;
	return N_KEYS;
}

static bool section_known(const char *section)
{
	for (size_t i = 0; i < N_KEYS; i++)
		if (!strcmp(keys[i].section, section))
			return true;
	return false;
}

static bool copy_str(char *dst, size_t n, const char *src)
{
	size_t len = strlen(src);
	if (len >= n)
		return false;
	memcpy(dst, src, len + 1);
	return true;
}

/* A value for display in a message: at most SHOW_MAX columns and bytes,
 * terminal-safe (core/text.h), ending in an ellipsis when cut.  dst must
 * hold SHOW_MAX + 4 bytes. */
static const char *shown(char *dst, const char *src)
{
	wn_text_fit(src, SHOW_MAX, dst, SHOW_MAX + 4, false);
	return dst;
}

static void warn_line(struct loader *ld, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Report one problem as "PATH:" + fmt. */
static void warn_line(struct loader *ld, const char *fmt, ...)
{
	char line[WN_CONFIG_PATH_MAX + 1024];
	if (!ld->warn)
		return;
	int len = snprintf(line, sizeof line, "%s:", ld->c->config_path);
	if (len < 0 || (size_t)len >= sizeof line)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line + len, sizeof line - len, fmt, ap);
	va_end(ap);
	ld->warn(ld->ctx, line);
}

static void why(struct loader *ld, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void why(struct loader *ld, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(ld->why, sizeof ld->why, fmt, ap);
	va_end(ap);
}

/* ------------------------------------------------------------------ */
/* Numbers, independent of the user's LC_NUMERIC                        */

static double strtod_c(const char *s, char **end)
{
	locale_t cloc = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
	locale_t old = cloc ? uselocale(cloc) : (locale_t)0;
	double v = strtod(s, end);
	if (cloc) {
		uselocale(old);
		freelocale(cloc);
	}
	return v;
}

static void format_double_c(char *buf, size_t n, double v)
{
	locale_t cloc = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
	locale_t old = cloc ? uselocale(cloc) : (locale_t)0;
	snprintf(buf, n, "%g", v);
	if (cloc) {
		uselocale(old);
		freelocale(cloc);
	}
}

/* Strict decimal number: digits, sign, '.', exponent; no hex, nan, inf. */
static bool number(const char *s, double *out)
{
	char *end;
	if (!*s || strspn(s, "0123456789+-.eE") != strlen(s))
		return false;
	errno = 0;
	double v = strtod_c(s, &end);
	if (*end || errno || !isfinite(v))
		return false;
	*out = v;
	return true;
}

/* ------------------------------------------------------------------ */
/* Parsers: on success store into ld->c, else explain in ld->why       */

static bool parse_bool(struct loader *ld, const struct key_def *k, const char *v)
{
	static const char *const yes[] = { "true", "yes", "1", "on" };
	static const char *const no[] = { "false", "no", "0", "off" };
	char s[SHOW_MAX + 4];
	for (size_t i = 0; i < 4; i++) {
		if (!strcasecmp(v, yes[i]) || !strcasecmp(v, no[i])) {
			*(bool *)field(ld->c, k) = !strcasecmp(v, yes[i]);
			return true;
		}
	}
	why(ld, "\"%s\" is not true or false (nor yes/no, on/off, 1/0)", shown(s, v));
	return false;
}

static bool parse_int(struct loader *ld, const struct key_def *k, const char *v)
{
	char s[SHOW_MAX + 4], *end;
	errno = 0;
	long x = strtol(v, &end, 10);
	if (!*v || isspace((unsigned char)*v) || *end || errno) {
		why(ld, "\"%s\" is not a whole number", shown(s, v));
		return false;
	}
	if (x < k->lo || x > k->hi) {
		why(ld, "%ld is out of range %g..%g", x, k->lo, k->hi);
		return false;
	}
	*(int *)field(ld->c, k) = (int)x;
	return true;
}

static bool parse_double(struct loader *ld, const struct key_def *k, const char *v)
{
	char s[SHOW_MAX + 4], lo[32], hi[32];
	double x;
	if (!number(v, &x)) {
		why(ld, "\"%s\" is not a number%s", shown(s, v),
		    strchr(v, ',') ? " (write decimals with a dot)" : "");
		return false;
	}
	if (x < k->lo || x > k->hi) {
		format_double_c(lo, sizeof lo, k->lo);
		format_double_c(hi, sizeof hi, k->hi);
		why(ld, "%s is out of range %s..%s", shown(s, v), lo, hi);
		return false;
	}
	*(double *)field(ld->c, k) = x;
	return true;
}

static bool parse_weekday(struct loader *ld, const struct key_def *k, const char *v)
{
	char s[SHOW_MAX + 4];
	for (int d = 0; d < 7; d++) {
		if (!strcasecmp(v, weekdays[d])) {
			*(int *)field(ld->c, k) = d;
			return true;
		}
	}
	why(ld, "\"%s\" is not a day of the week (monday..sunday)", shown(s, v));
	return false;
}

/* Is v one line of text of at most max bytes (core's wn_text_check)?
 * Else the problem is in ld->why. */
static bool line_ok(struct loader *ld, const char *v, size_t max)
{
	struct wn_text_rule r = { .what = "value", .max = max,
	                          .kind = WN_TEXT_KIND_LINE };
	struct wn_err e;
	if (wn_text_check(&r, v, strlen(v), &e) == WN_OK)
		return true;
	why(ld, "%s", e.msg);
	return false;
}

static bool parse_text(struct loader *ld, const struct key_def *k, const char *v)
{
	size_t len = strlen(v);
	if (len < (size_t)k->lo) {
		why(ld, "is empty");
		return false;
	}
	if (!line_ok(ld, v, k->size - 1))
		return false;
	memcpy(field(ld->c, k), v, len + 1);
	return true;
}

/* Comma-separated names: each trimmed, empty items dropped. */
static bool parse_list(struct loader *ld, const struct key_def *k, const char *v)
{
	char out[sizeof ld->c->hidden_symptoms];
	size_t o = 0;
	if (!line_ok(ld, v, SIZE_MAX))
		return false;
	while (*v) {
		v += strspn(v, " ,");
		size_t len = strcspn(v, ",");
		while (len && v[len - 1] == ' ')
			len--;
		if (!len)
			continue;
		if (o + (o > 0) + len >= sizeof out) {
			why(ld, "is too long (at most %zu bytes)", k->size - 1);
			return false;
		}
		if (o)
			out[o++] = ',';
		memcpy(out + o, v, len);
		o += len, v += len;
	}
	out[o] = '\0';
	memcpy(field(ld->c, k), out, o + 1);
	return true;
}

/* Directory part of path, with its final '/', or "" when it has none. */
static void dir_of(char *buf, size_t n, const char *path)
{
	const char *slash = strrchr(path, '/');
	size_t len = slash ? (size_t)(slash - path) + 1 : 0;
	if (len >= n)
		len = 0;
	memcpy(buf, path, len);
	buf[len] = '\0';
}

/* [general] db: "" keeps the XDG default; "~/" is $HOME; a relative path
 * is relative to the config file.  --db and WEAN_DB are taken as given. */
static bool parse_db(struct loader *ld, const struct key_def *k, const char *v)
{
	char base[WN_CONFIG_PATH_MAX];
	const char *home = getenv("HOME");
	base[0] = '\0';
	if (ld->layer != L_FILE || !*v || *v == '/') {
		/* as given */
	} else if (v[0] == '~' && v[1] == '/' && home && *home) {
		snprintf(base, sizeof base, "%s/", home);
		v += 2;
	} else if (v[0] == '~') {
		why(ld, "only \"~/\" at the start is expanded, and needs HOME set");
		return false;
	} else {
		dir_of(base, sizeof base, ld->c->config_path);
	}
	int len = snprintf(field(ld->c, k), k->size, "%s%s", base, v);
	if (len < 0 || (size_t)len >= k->size) {
		*(char *)field(ld->c, k) = '\0';
		why(ld, "path is too long (at most %zu bytes)", k->size - 1);
		return false;
	}
	return true;
}

/* ------------------------------------------------------------------ */
/* Custom metrics: name:min:max:higher|lower                           */

static char *trim(char *s)
{
	while (*s == ' ')
		s++;
	size_t len = strlen(s);
	while (len && s[len - 1] == ' ')
		s[--len] = '\0';
	return s;
}

static bool metric_name_ok(struct loader *ld, const char *name)
{
	char s[SHOW_MAX + 4];
	size_t len = strlen(name);
	if (len < 1 || len > 31 || strspn(name, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_") != len) {
		why(ld, "metric name \"%s\" must be 1-31 letters, digits, spaces, - or _",
		    shown(s, name));
		return false;
	}
	for (size_t i = 0; i < sizeof builtin_metrics / sizeof builtin_metrics[0]; i++) {
		if (!strcasecmp(name, builtin_metrics[i])) {
			why(ld, "metric name \"%s\" is a built-in metric", name);
			return false;
		}
	}
	if (wn_config_find_metric(ld->c, name) >= 0) {
		why(ld, "metric name \"%s\" is already used by another metric", name);
		return false;
	}
	return true;
}

static bool metric_range_ok(struct loader *ld, char *const f[4], struct wn_metric_def *m)
{
	char s[SHOW_MAX + 4];
	for (int i = 1; i <= 2; i++) {
		double *x = i == 1 ? &m->min : &m->max;
		if (!number(f[i], x)) {
			why(ld, "\"%s\" is not a number", shown(s, f[i]));
			return false;
		}
	}
	if (m->min < -METRIC_LIMIT || m->max > METRIC_LIMIT) {
		why(ld, "metric range must lie within -1000..1000");
		return false;
	}
	if (!(m->min < m->max)) {
		why(ld, "metric minimum must be less than its maximum");
		return false;
	}
	return true;
}

/* Split s at ':' into exactly four trimmed fields. */
static bool split4(char *s, char *f[4])
{
	int n = 0;
	for (char *p = s;; p++) {
		if (*p != ':' && *p != '\0')
			continue;
		if (n == 4)
			return false;
		bool last = *p == '\0';
		*p = '\0';
		f[n++] = trim(s);
		s = p + 1;
		if (last)
			break;
	}
	return n == 4;
}

static bool parse_metric(struct loader *ld, const struct key_def *k, const char *v)
{
	char buf[256], s[SHOW_MAX + 4], *f[4];
	struct wn_metric_def m = { .min = 0 };
	(void)k;
	if (!*v)
		return true;       /* an empty slot is simply no metric */
	if (!copy_str(buf, sizeof buf, v) || !split4(buf, f)) {
		why(ld, "\"%s\" is not name:min:max:higher|lower", shown(s, v));
		return false;
	}
	if (!metric_name_ok(ld, f[0]) || !metric_range_ok(ld, f, &m))
		return false;
	if (strcasecmp(f[3], "higher") && strcasecmp(f[3], "lower")) {
		why(ld, "\"%s\" must be higher or lower (which end is better)", shown(s, f[3]));
		return false;
	}
	m.higher_is_better = !strcasecmp(f[3], "higher");
	memcpy(m.name, f[0], strlen(f[0]) + 1);
	if (ld->c->n_metrics >= WN_MAX_METRICS)
		return true;       /* cannot happen: one key per slot */
	ld->c->metrics[ld->c->n_metrics++] = m;
	return true;
}

static const char *weekday_name(int day)
{
	return day >= 0 && day < 7 ? weekdays[day] : "?";
}

/* ------------------------------------------------------------------ */
/* Defaults shown in warnings                                          */

static void show_default(const struct loader *ld, const struct key_def *k,
			 char *buf, size_t n)
{
	const void *p = cfield(&ld->def, k);
	switch (k->kind) {
	case K_DB:
		snprintf(buf, n, "$XDG_DATA_HOME/wean/wean.db");
		break;
	case K_TEXT:
	case K_LIST:
		snprintf(buf, n, "\"%s\"", (const char *)p);
		break;
	case K_WEEKDAY:
		snprintf(buf, n, "%s", weekday_name(*(const int *)p));
		break;
	case K_BOOL:
		snprintf(buf, n, "%s", *(const bool *)p ? "true" : "false");
		break;
	case K_INT:
		snprintf(buf, n, "%d", *(const int *)p);
		break;
	case K_DOUBLE:
		format_double_c(buf, n, *(const double *)p);
		break;
	case K_METRIC:
		snprintf(buf, n, "none");
		break;
	}
}

/* ------------------------------------------------------------------ */
/* The validation pass                                                 */

typedef bool (*parse_fn)(struct loader *, const struct key_def *, const char *);

static const parse_fn parsers[] = {
	[K_DB] = parse_db,
	[K_TEXT] = parse_text,
	[K_LIST] = parse_list,
	[K_WEEKDAY] = parse_weekday,
	[K_BOOL] = parse_bool,
	[K_INT] = parse_int,
	[K_DOUBLE] = parse_double,
	[K_METRIC] = parse_metric,
};

static void validate(struct loader *ld)
{
	char def[400];
	for (size_t i = 0; i < N_KEYS; i++) {
		const struct key_def *k = &keys[i];
		for (int l = 0; l < L_COUNT; l++) {
			if (!ld->raw[i][l])
				continue;
			ld->layer = (enum layer)l;
			ld->why[0] = '\0';
			if (parsers[k->kind](ld, k, ld->raw[i][l]))
				continue;
			show_default(ld, k, def, sizeof def);
			warn_line(ld, "%s.%s: %s (using default %s)",
				  k->section, k->name, ld->why, def);
		}
	}
}

/* ------------------------------------------------------------------ */
/* Unknown names and suggestions                                       */

enum match { M_FULL, M_KEY, M_SECTION };

/* Closest known name to word (within two edits), as ", did you mean X?",
 * written to buf; "" when there is none. */
static const char *suggest(const char *word, enum match how, char *buf, size_t n)
{
	int best = 3;
	buf[0] = '\0';
	for (size_t i = 0; i < N_KEYS; i++) {
		char full[64];
		snprintf(full, sizeof full, "%s.%s", keys[i].section, keys[i].name);
		const char *cand = how == M_FULL ? full
			: how == M_KEY ? keys[i].name : keys[i].section;
		int d = wn_suggest_distance(word, cand);
		if (d < best) {
			best = d;
			snprintf(buf, n, ", did you mean %s?",
				 how == M_SECTION ? keys[i].section : full);
		}
	}
	return buf;
}

static void unknown_section(struct loader *ld, const char *section)
{
	char s[SHOW_MAX + 4], hint[96];
	if (section_known(section))
		return;
	warn_line(ld, "%s: unknown section%s (ignored)", shown(s, section),
		  suggest(section, M_SECTION, hint, sizeof hint));
}

static void unknown_key(struct loader *ld, const char *section, const char *name)
{
	char s[SHOW_MAX + 4], n[SHOW_MAX + 4], full[160], hint[96];
	if (!*section) {
		warn_line(ld, "%s: key outside any section%s (ignored)", shown(n, name),
			  suggest(name, M_KEY, hint, sizeof hint));
		return;
	}
	if (!section_known(section))
		return;            /* reported once, as an unknown section */
	if (!strcmp(section, "metrics") && !strncmp(name, "metric", 6)) {
		warn_line(ld, "metrics.%s: unknown key (use metric1 .. metric%d) (ignored)",
			  shown(n, name), WN_MAX_METRICS);
		return;
	}
	int len = snprintf(full, sizeof full, "%s.%s", section, name);
	hint[0] = '\0';
	if (len > 0 && (size_t)len < sizeof full)
		suggest(full, M_FULL, hint, sizeof hint);
	if (!hint[0])
		suggest(name, M_KEY, hint, sizeof hint);
	warn_line(ld, "%s.%s: unknown key%s (ignored)", shown(s, section),
		  shown(n, name), hint);
}

/* ------------------------------------------------------------------ */
/* Reading the file                                                    */

/* The config file's dictionary: WN_OK, or WN_DATAERR (the file went away
 * after probe(), or is not INI), or WN_ERR; the message has a hint. */
static int load_ini(const char *path, dictionary **d, struct wn_err *err)
{
	int rc = wn_ini_load(path, "config file", d, err);
	if (rc == WN_NOINPUT)
		rc = wn_err_set(err, WN_DATAERR, "cannot read config file %s", path);
	if (rc != WN_OK)
		wn_err_hint(err, "fix the file, or point --config at another one");
	return rc;
}

/* Split a dictionary key "section:name" and record or report it. */
static int take_entry(struct loader *ld, const char *key, const char *val)
{
	char section[256];
	const char *colon = strchr(key, ':');
	size_t slen = colon ? (size_t)(colon - key) : 0;
	const char *name = colon ? colon + 1 : key;
	if (slen >= sizeof section)
		slen = sizeof section - 1;
	memcpy(section, key, slen);
	section[slen] = '\0';
	size_t i = key_index(section, name);
	if (i == N_KEYS) {
		unknown_key(ld, section, name);
		return WN_OK;
	}
	free(ld->copy[i]);         /* cannot repeat, but be safe */
	ld->copy[i] = strdup(val);
	if (!ld->copy[i])
		return WN_ERR;
	ld->raw[i][L_FILE] = ld->copy[i];
	return WN_OK;
}

static int take_dictionary(struct loader *ld, const dictionary *d, struct wn_err *err)
{
	for (ssize_t i = 0; i < d->size; i++) {
		if (!d->key[i])
			continue;
		if (!d->val[i]) {
			unknown_section(ld, d->key[i]);
			continue;
		}
		if (take_entry(ld, d->key[i], d->val[i]) != WN_OK)
			return wn_err_set(err, WN_ERR, "out of memory reading the config file");
	}
	return WN_OK;
}

/* Does the config file exist and can it be read?  *present = false for a
 * missing file at the default location (from == NULL), which is fine. */
static int probe(const char *path, const char *from, bool *present, struct wn_err *err)
{
	struct stat st;
	*present = false;
	if (stat(path, &st) != 0) {
		if ((errno == ENOENT || errno == ENOTDIR) && !from)
			return WN_OK;
		if (errno == ENOENT || errno == ENOTDIR) {
			wn_err_set(err, WN_NOINPUT, "config file %s does not exist", path);
			wn_err_hint(err, "check the path given by %s", from);
			return WN_NOINPUT;
		}
		return wn_err_set(err, WN_DATAERR, "cannot read config file %s: %s",
				  path, strerror(errno));
	}
	if (S_ISDIR(st.st_mode))
		return wn_err_set(err, WN_DATAERR, "config file %s is a directory", path);
	if (!S_ISREG(st.st_mode))     /* /dev/zero, a FIFO: never read */
		return wn_err_set(err, WN_DATAERR, "config file %s is not a regular file", path);
	FILE *f = fopen(path, "r");
	if (!f)
		return wn_err_set(err, WN_DATAERR, "cannot read config file %s: %s",
				  path, strerror(errno));
	fclose(f);
	*present = true;
	return WN_OK;
}

static int read_file(struct loader *ld, const struct wn_config_overrides *o,
		     struct wn_err *err)
{
	char path[WN_CONFIG_PATH_MAX];
	const char *env = getenv("WEAN_CONFIG"), *from = NULL;
	bool present;
	if (o->config_path) {
		from = "--config";
		copy_str(path, sizeof path, o->config_path);
	} else if (env && *env) {
		from = "WEAN_CONFIG";
		copy_str(path, sizeof path, env);
	} else if (wn_xdg_config_file(path, sizeof path, NULL) != WN_OK) {
		return WN_OK;      /* no HOME: no default file to read */
	}
	int rc = probe(path, from, &present, err);
	if (rc != WN_OK || !present)
		return rc;
	dictionary *d;
	if ((rc = load_ini(path, &d, err)) != WN_OK)
		return rc;
	copy_str(ld->c->config_path, sizeof ld->c->config_path, path);
	rc = take_dictionary(ld, d, err);
	iniparser_freedict(d);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Environment and flags                                               */

static int check_overrides(const struct wn_config_overrides *o, struct wn_err *err)
{
	const struct { const char *label, *value; } given[] = {
		{ "--config", o->config_path },
		{ "--db", o->db_path },
		{ "WEAN_CONFIG", getenv("WEAN_CONFIG") },
		{ "WEAN_DB", getenv("WEAN_DB") },
	};
	for (size_t i = 0; i < sizeof given / sizeof given[0]; i++) {
		const char *v = given[i].value;
		if (v && !*v && given[i].label[0] == '-')
			return wn_err_set(err, WN_USAGE, "%s needs a file path", given[i].label);
		if (v && strlen(v) >= WN_CONFIG_PATH_MAX)
			return wn_err_set(err, WN_USAGE, "%s is too long (%zu bytes, at most %d)",
					  given[i].label, strlen(v), WN_CONFIG_PATH_MAX - 1);
	}
	return WN_OK;
}

static void take_env_and_flags(struct loader *ld, const struct wn_config_overrides *o)
{
	size_t db = key_index("general", "db");
	size_t color = key_index("display", "color");
	size_t ascii = key_index("display", "ascii");
	const char *env_db = getenv("WEAN_DB");
	const char *no_color = getenv("NO_COLOR");
	if (env_db && *env_db)
		ld->raw[db][L_ENV] = env_db;
	if (no_color)            /* SPEC 3: any value, even empty */
		ld->raw[color][L_ENV] = "false";
	if (!wn_config_locale_is_utf8())
		ld->raw[ascii][L_ENV] = "true";
	if (o->db_path)
		ld->raw[db][L_FLAG] = o->db_path;
	if (o->no_color)
		ld->raw[color][L_FLAG] = "false";
	if (o->ascii)
		ld->raw[ascii][L_FLAG] = "true";
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */

void wn_config_defaults(struct wn_config *c)
{
	memset(c, 0, sizeof *c);
	c->week_start = 0;
	c->color = true;
	c->ascii = false;
	copy_str(c->crisis_line, sizeof c->crisis_line, WN_CONFIG_CRISIS_LINE);
	c->n_metrics = 0;
	c->dess = false;
	c->hold_enabled = true;
	c->hold_burden_days = 3;
	c->hold_baseline_days = 7;
	c->hold_symptom_rise = WN_CONFIG_SYMPTOM_RISE;
	c->low_mood = WN_SAFETY_LOW_MOOD;
	c->hold_sleep_hours = 5.0;
	c->hold_sleep_nights = 3;
}

int wn_config_load(struct wn_config *c, const struct wn_config_overrides *o,
		   void (*warn)(void *ctx, const char *line), void *ctx,
		   struct wn_err *err)
{
	static const struct wn_config_overrides none;
	struct loader ld;
	struct wn_err scratch;
	if (!o)
		o = &none;
	wn_config_defaults(c);
	int rc = check_overrides(o, err);
	if (rc != WN_OK)
		return rc;
	memset(&ld, 0, sizeof ld);
	ld.c = c, ld.def = *c, ld.warn = warn, ld.ctx = ctx;
	rc = read_file(&ld, o, err);
	take_env_and_flags(&ld, o);
	validate(&ld);
	for (size_t i = 0; i < N_KEYS; i++)
		free(ld.copy[i]);
	if (!c->db_path[0]) {
		int drc = wn_xdg_diary_file(c->db_path, sizeof c->db_path,
						    rc == WN_OK ? err : &scratch);
		if (rc == WN_OK)
			rc = drc;
	}
	return rc;
}

bool wn_config_locale_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (!strcasecmp(cs, "UTF-8") || !strcasecmp(cs, "UTF8"));
}

int wn_config_find_metric(const struct wn_config *c, const char *name)
{
	for (int i = 0; i < c->n_metrics && i < WN_MAX_METRICS; i++)
		if (!strcasecmp(c->metrics[i].name, name))
			return i;
	return -1;
}
