/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_config.c -- the config module: defaults, the example file, bad
 * values, precedence of file < environment < flags, hostile input.
 *
 * Every test changes the environment (HOME, XDG_*, WEAN_*, NO_COLOR) and the
 * locale.  Criterion runs each test in its own process, and the suite's
 * .init sets all of them afresh inside that process, so tests cannot race
 * or leak into each other whatever --jobs is.
 */
#include <criterion/criterion.h>

#include <iniparser.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/config.h"
#include "core/xdg.h"
#include "tmpdir.h"

#define MAX_WARN 32

struct warnings {
	int n;
	char line[MAX_WARN][1024];
};

static char tmp[PATH_MAX];

static void collect(void *ctx, const char *line)
{
	struct warnings *w = ctx;
	if (w->n < MAX_WARN)
		snprintf(w->line[w->n], sizeof w->line[0], "%s", line);
	w->n++;
}

static void tmp_path(char *buf, size_t n, const char *name)
{
	int len = snprintf(buf, n, "%s/%s", tmp, name);
	cr_assert(len > 0 && (size_t)len < n, "path too long");
}

static void setup(void)
{
	char dir[PATH_MAX + 32];
	wn_test_mkdtemp(tmp, sizeof tmp, "config");
	snprintf(dir, sizeof dir, "%s/home", tmp);
	cr_assert_eq(mkdir(dir, 0700), 0);
	setenv("HOME", dir, 1);
	snprintf(dir, sizeof dir, "%s/config", tmp);
	setenv("XDG_CONFIG_HOME", dir, 1);
	snprintf(dir, sizeof dir, "%s/data", tmp);
	setenv("XDG_DATA_HOME", dir, 1);
	unsetenv("WEAN_DB");
	unsetenv("WEAN_CONFIG");
	unsetenv("NO_COLOR");
	cr_assert_not_null(setlocale(LC_ALL, "C.UTF-8"), "C.UTF-8 locale is needed");
}

static void teardown(void)
{
	wn_test_rmtree(tmp);
}

TestSuite(config, .init = setup, .fini = teardown);

/* Write text (len bytes; strlen when len is 0) to tmp/name; path to buf. */
static void write_file(char *buf, size_t n, const char *name, const char *text, size_t len)
{
	tmp_path(buf, n, name);
	FILE *f = fopen(buf, "wb");
	cr_assert_not_null(f, "cannot write %s", buf);
	fwrite(text, 1, len ? len : strlen(text), f);
	fclose(f);
}

/* Load with --config path (or none when path is NULL). */
static int load(struct wn_config *c, const char *path, struct warnings *w)
{
	struct wn_config_overrides o = { .config_path = path };
	struct wn_err err = { 0 };
	memset(w, 0, sizeof *w);
	return wn_config_load(c, &o, collect, w, &err);
}

/* Load a file holding text. */
static int load_text(struct wn_config *c, const char *text, struct warnings *w, char *path)
{
	write_file(path, PATH_MAX, "test.ini", text, 0);
	return load(c, path, w);
}

/* The defaults as wn_config_load() resolves them (db path from XDG). */
static void resolved_defaults(struct wn_config *e)
{
	wn_config_defaults(e);
	cr_assert_eq(wn_xdg_diary_file(e->db_path, sizeof e->db_path, NULL), WN_OK);
}

/* Every setting except config_path. */
static void expect_same(const struct wn_config *a, const struct wn_config *b, const char *what)
{
	cr_expect_str_eq(a->db_path, b->db_path, "%s: db_path", what);
	cr_expect_eq(a->week_start, b->week_start, "%s: week_start", what);
	cr_expect_eq(a->color, b->color, "%s: color", what);
	cr_expect_eq(a->ascii, b->ascii, "%s: ascii", what);
	cr_expect_str_eq(a->report_name, b->report_name, "%s: report_name", what);
	cr_expect_str_eq(a->crisis_line, b->crisis_line, "%s: crisis_line", what);
	cr_expect_eq(a->n_metrics, b->n_metrics, "%s: n_metrics", what);
	for (int i = 0; i < a->n_metrics && i < b->n_metrics; i++) {
		cr_expect_str_eq(a->metrics[i].name, b->metrics[i].name, "%s: metric", what);
		cr_expect_eq(a->metrics[i].min, b->metrics[i].min, "%s: metric min", what);
		cr_expect_eq(a->metrics[i].max, b->metrics[i].max, "%s: metric max", what);
		cr_expect_eq(a->metrics[i].higher_is_better, b->metrics[i].higher_is_better,
			     "%s: metric direction", what);
	}
	cr_expect_eq(a->dess, b->dess, "%s: dess", what);
	cr_expect_str_eq(a->hidden_symptoms, b->hidden_symptoms, "%s: hidden", what);
	cr_expect_eq(a->hold_enabled, b->hold_enabled, "%s: hold_enabled", what);
	cr_expect_eq(a->hold_burden_days, b->hold_burden_days, "%s: burden_days", what);
	cr_expect_eq(a->hold_baseline_days, b->hold_baseline_days, "%s: baseline_days", what);
	cr_expect_eq(a->hold_symptom_rise, b->hold_symptom_rise, "%s: symptom_rise", what);
	cr_expect_eq(a->low_mood, b->low_mood, "%s: low_mood", what);
	cr_expect_eq(a->hold_sleep_hours, b->hold_sleep_hours, "%s: sleep_hours", what);
	cr_expect_eq(a->hold_sleep_nights, b->hold_sleep_nights, "%s: sleep_nights", what);
}

static bool has_control_bytes(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return true;
	return false;
}

/* ------------------------------------------------------------------ */

Test(config, defaults)
{
	struct wn_config c;
	memset(&c, 0x5a, sizeof c);
	wn_config_defaults(&c);
	cr_expect_str_eq(c.config_path, "");
	cr_expect_str_eq(c.db_path, "");
	cr_expect_eq(c.week_start, 0);
	cr_expect(c.color);
	cr_expect_not(c.ascii);
	cr_expect_str_eq(c.report_name, "");
	cr_expect_str_eq(c.crisis_line, WN_CONFIG_CRISIS_LINE);
	cr_expect_eq(c.n_metrics, 0);
	cr_expect_not(c.dess);
	cr_expect_str_eq(c.hidden_symptoms, "");
	cr_expect(c.hold_enabled);
	cr_expect_eq(c.hold_burden_days, 3);
	cr_expect_eq(c.hold_baseline_days, 7);
	cr_expect_eq(c.hold_symptom_rise, 0.3);
	cr_expect_eq(c.low_mood, 2);
	cr_expect_eq(c.hold_sleep_hours, 5.0);
	cr_expect_eq(c.hold_sleep_nights, 3);
}

Test(config, no_file_gives_defaults)
{
	struct wn_config c, e;
	struct warnings w;
	char exp[PATH_MAX + 32];
	cr_assert_eq(load(&c, NULL, &w), WN_OK);
	resolved_defaults(&e);
	cr_expect_eq(w.n, 0);
	cr_expect_str_eq(c.config_path, "");
	snprintf(exp, sizeof exp, "%s/data/wean/wean.db", tmp);
	cr_expect_str_eq(c.db_path, exp);
	expect_same(&c, &e, "no file");
}

static void example_path(char *buf, size_t n)
{
	const char *src = getenv("WEAN_SRCDIR");
	snprintf(buf, n, "%s/config.example.ini", src && *src ? src : ".");
}

Test(config, example_file_equals_defaults)
{
	struct wn_config c, e;
	struct warnings w;
	char path[PATH_MAX + 32];
	example_path(path, sizeof path);
	cr_assert_eq(load(&c, path, &w), WN_OK, "cannot load %s", path);
	for (int i = 0; i < w.n && i < MAX_WARN; i++)
		cr_log_error("%s", w.line[i]);
	cr_expect_eq(w.n, 0, "the example file gives warnings");
	cr_expect_str_eq(c.config_path, path);
	resolved_defaults(&e);
	expect_same(&c, &e, "example");
}

/* The example sets every key (not merely leaves it out), so the test above
 * compares values that were really read. */
Test(config, example_file_sets_every_key)
{
	static const char *const keys[] = {
		"general:db", "general:name", "display:week_start", "display:color",
		"display:ascii", "safety:crisis_line", "safety:low_mood", "symptoms:dess",
		"symptoms:hidden", "hold:enabled", "hold:burden_days", "hold:baseline_days",
		"hold:symptom_rise", "hold:sleep_hours", "hold:sleep_nights",
	};
	char path[PATH_MAX + 32];
	example_path(path, sizeof path);
	dictionary *d = iniparser_load(path);
	cr_assert_not_null(d, "cannot parse %s", path);
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		cr_expect(iniparser_find_entry(d, keys[i]), "example lacks %s", keys[i]);
	cr_expect(iniparser_find_entry(d, "metrics"), "example lacks [metrics]");
	cr_expect_not(iniparser_find_entry(d, "metrics:metric1"),
		      "example metrics must be commented out");
	iniparser_freedict(d);
}

/* ------------------------------------------------------------------ */
/* One bad value: one warning "PATH:section.key: ... (using default X)",
 * and every setting still at its default. */

struct bad_case {
	const char *section, *key, *value, *shows;
};

static const struct bad_case bad_cases[] = {
	{ .section = "display", .key = "week_start", .value = "funday", .shows = "(using default monday)" },
	{ .section = "display", .key = "week_start", .value = "\"\"", .shows = "(using default monday)" },
	{ .section = "display", .key = "week_start", .value = "mon", .shows = "(using default monday)" },
	{ .section = "display", .key = "color", .value = "maybe", .shows = "(using default true)" },
	{ .section = "display", .key = "ascii", .value = "2", .shows = "(using default false)" },
	{ .section = "symptoms", .key = "dess", .value = "yess", .shows = "(using default false)" },
	{ .section = "hold", .key = "enabled", .value = "nope", .shows = "(using default true)" },
	{ .section = "hold", .key = "burden_days", .value = "0", .shows = "(using default 3)" },
	{ .section = "hold", .key = "burden_days", .value = "15", .shows = "(using default 3)" },
	{ .section = "hold", .key = "burden_days", .value = "3.5", .shows = "(using default 3)" },
	{ .section = "hold", .key = "burden_days", .value = "3x", .shows = "(using default 3)" },
	{ .section = "hold", .key = "burden_days", .value = "abc", .shows = "(using default 3)" },
	{ .section = "hold", .key = "burden_days", .value = "\"\"", .shows = "(using default 3)" },
	{ .section = "hold", .key = "burden_days", .value = "99999999999999999999999", .shows = "(using default 3)" },
	{ .section = "hold", .key = "baseline_days", .value = "29", .shows = "(using default 7)" },
	{ .section = "hold", .key = "baseline_days", .value = "-1", .shows = "(using default 7)" },
	{ .section = "hold", .key = "symptom_rise", .value = "0.04", .shows = "(using default 0.3)" },
	{ .section = "hold", .key = "symptom_rise", .value = "3.5", .shows = "(using default 0.3)" },
	{ .section = "hold", .key = "symptom_rise", .value = "nan", .shows = "(using default 0.3)" },
	{ .section = "hold", .key = "symptom_rise", .value = "inf", .shows = "(using default 0.3)" },
	{ .section = "hold", .key = "symptom_rise", .value = "1e999", .shows = "(using default 0.3)" },
	{ .section = "safety", .key = "low_mood", .value = "11", .shows = "(using default 2)" },
	{ .section = "safety", .key = "low_mood", .value = "-1", .shows = "(using default 2)" },
	{ .section = "hold", .key = "symptom_rise", .value = "3,5", .shows = "write decimals with a dot" },
	{ .section = "hold", .key = "symptom_rise", .value = "0x4", .shows = "(using default 0.3)" },
	{ .section = "hold", .key = "sleep_hours", .value = "-0.5", .shows = "(using default 5)" },
	{ .section = "hold", .key = "sleep_hours", .value = "12.5", .shows = "(using default 5)" },
	{ .section = "hold", .key = "sleep_nights", .value = "0", .shows = "(using default 3)" },
	{ .section = "hold", .key = "sleep_nights", .value = "15", .shows = "(using default 3)" },
	{ .section = "general", .key = "name", .value =
	  "a name far too long for a report header, a name far too long for a report header, "
	  "a name far too long for a report header, a name far", .shows = "too long" },
	{ .section = "general", .key = "name", .value = "Bad\x01name", .shows = "control character" },
	{ .section = "general", .key = "name", .value = "\xff\xfe", .shows = "not valid UTF-8" },
	{ .section = "general", .key = "name", .value = "over\xc0\xaflong", .shows = "not valid UTF-8" },
	{ .section = "general", .key = "name", .value = "c1\xc2\x9b" "31m", .shows = "control character" },
	{ .section = "general", .key = "name", .value = "surrogate\xed\xa0\x80", .shows = "not valid UTF-8" },
	{ .section = "general", .key = "db", .value = "~bob/wean.db", .shows = "(using default $XDG_DATA_HOME" },
	{ .section = "help", .key = "crisis_line", .value = "\"\"", .shows = "is empty" },
	{ .section = "help", .key = "crisis_line", .value = "call \x1b[2J now", .shows = "control character" },
	{ .section = "help", .key = "crisis_line", .value =
	  "0123456789012345678901234567890123456789012345678901234567890123456789"
	  "0123456789012345678901234567890123456789012345678901234567890123456789"
	  "0123456789012345678901234567890123456789012345678901234567890123456789"
	  "0123456789012345678901234567890123456789012345678901234567890123456789",
	  .shows = "too long" },
	{ .section = "symptoms", .key = "hidden", .value = "nausea,\x07", .shows = "control character" },
	{ .section = "symptoms", .key = "hidden", .value = "\xe2\x82", .shows = "not valid UTF-8" },
};

Test(config, bad_value_warns_once_and_keeps_default)
{
	struct wn_config e;
	resolved_defaults(&e);
	for (size_t i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; i++) {
		const struct bad_case *t = &bad_cases[i];
		char text[1024], path[PATH_MAX], prefix[PATH_MAX + 64];
		struct wn_config c;
		struct warnings w;
		snprintf(text, sizeof text, "[%s]\n%s = %s\n", t->section, t->key, t->value);
		cr_assert_eq(load_text(&c, text, &w, path), WN_OK, "case %zu", i);
		snprintf(prefix, sizeof prefix, "%s:%s.%s: ", path, t->section, t->key);
		cr_expect_eq(w.n, 1, "case %zu (%s.%s): %d warnings", i, t->section, t->key, w.n);
		if (w.n < 1)
			continue;
		cr_expect(!strncmp(w.line[0], prefix, strlen(prefix)),
			  "case %zu: prefix of \"%s\"", i, w.line[0]);
		cr_expect(strstr(w.line[0], "(using default "), "case %zu: %s", i, w.line[0]);
		cr_expect(strstr(w.line[0], t->shows), "case %zu: \"%s\" lacks \"%s\"",
			  i, w.line[0], t->shows);
		cr_expect_not(has_control_bytes(w.line[0]), "case %zu: control bytes", i);
		expect_same(&c, &e, t->key);
	}
}

Test(config, several_bad_values_each_reported)
{
	struct wn_config c;
	struct warnings w;
	char path[PATH_MAX];
	cr_assert_eq(load_text(&c, "[hold]\nburden_days = 0\nsleep_nights = x\n"
			       "sleep_hours = 4\n[display]\nweek_start = someday\n", &w, path), WN_OK);
	cr_expect_eq(w.n, 3);
	cr_expect_eq(c.hold_burden_days, 3);
	cr_expect_eq(c.hold_sleep_nights, 3);
	cr_expect_eq(c.hold_sleep_hours, 4.0, "a good value next to bad ones is kept");
	cr_expect_eq(c.week_start, 0);
}

/* ------------------------------------------------------------------ */

Test(config, good_values)
{
	struct wn_config c;
	struct warnings w;
	char path[PATH_MAX], dbexp[PATH_MAX + 32];
	const char *text =
		"[General]\nName = Zoë Ñandú\ndb = diary/wean.db\n"
		"[display]\nweek_start = SUNDAY\ncolor = off\nascii = Yes\n"
		"[help]\ncrisis_line = \"Call 116 123 (Samaritans); or 999 # UK\"\n"
		"[symptoms]\ndess = 1\nhidden = \" brain zaps , nausea,, vivid dreams \"\n"
		"[hold]\nenabled = no\nburden_days = 14\nbaseline_days = 1\n"
		"symptom_rise = 0.5\nsleep_hours = 0\nsleep_nights = 14\n";
	cr_assert_eq(load_text(&c, text, &w, path), WN_OK);
	cr_expect_eq(w.n, 0, "%s", w.n ? w.line[0] : "");
	cr_expect_str_eq(c.report_name, "Zoë Ñandú");
	snprintf(dbexp, sizeof dbexp, "%s/diary/wean.db", tmp);
	cr_expect_str_eq(c.db_path, dbexp, "relative to the config file's folder");
	cr_expect_eq(c.week_start, 6);
	cr_expect_not(c.color);
	cr_expect(c.ascii);
	cr_expect_str_eq(c.crisis_line, "Call 116 123 (Samaritans); or 999 # UK");
	cr_expect(c.dess);
	cr_expect_str_eq(c.hidden_symptoms, "brain zaps,nausea,vivid dreams");
	cr_expect_not(c.hold_enabled);
	cr_expect_eq(c.hold_burden_days, 14);
	cr_expect_eq(c.hold_baseline_days, 1);
	cr_expect_eq(c.hold_symptom_rise, 0.5);
	cr_expect_eq(c.hold_sleep_hours, 0.0);
	cr_expect_eq(c.hold_sleep_nights, 14);
}

Test(config, booleans_all_spellings)
{
	static const struct { const char *text; bool value; } cases[] = {
		{ "true", true }, { "yes", true }, { "1", true }, { "on", true }, { "ON", true },
		{ "false", false }, { "no", false }, { "0", false }, { "off", false }, { "False", false },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct wn_config c;
		struct warnings w;
		char text[128], path[PATH_MAX];
		snprintf(text, sizeof text, "[symptoms]\ndess = %s\n", cases[i].text);
		cr_assert_eq(load_text(&c, text, &w, path), WN_OK);
		cr_expect_eq(w.n, 0, "%s", cases[i].text);
		cr_expect_eq(c.dess, cases[i].value, "%s", cases[i].text);
	}
}

Test(config, db_tilde_and_absolute)
{
	struct wn_config c;
	struct warnings w;
	char path[PATH_MAX], exp[PATH_MAX + 32];
	cr_assert_eq(load_text(&c, "[general]\ndb = ~/notes/wean.db\n", &w, path), WN_OK);
	snprintf(exp, sizeof exp, "%s/home/notes/wean.db", tmp);
	cr_expect_str_eq(c.db_path, exp);
	cr_assert_eq(load_text(&c, "[general]\ndb = /srv/wean.db\n", &w, path), WN_OK);
	cr_expect_str_eq(c.db_path, "/srv/wean.db");
	cr_expect_eq(w.n, 0);
}

/* ------------------------------------------------------------------ */

struct unknown_case {
	const char *text, *shows, *suggests;  /* suggests NULL: no suggestion */
};

static const struct unknown_case unknown_cases[] = {
	{ "[display]\ncolour = false\n", "display.colour: unknown key", "did you mean display.color?" },
	{ "[hold]\nburden_day = 5\n", "hold.burden_day: unknown key", "did you mean hold.burden_days?" },
	{ "[dispaly]\ncolor = false\nascii = true\n", "dispaly: unknown section", "did you mean display?" },
	{ "color = false\n[display]\n", "color: key outside any section", "did you mean display.color?" },
	{ "[general]\ncolor = false\n", "general.color: unknown key", "did you mean display.color?" },
	{ "[metrics]\nmetric17 = a:0:1:higher\n", "metrics.metric17: unknown key (use metric1 .. metric16)", NULL },
	{ "[general]\nzzzzzzzz = 1\n", "general.zzzzzzzz: unknown key (ignored)", NULL },
	{ "[plugins]\n", "plugins: unknown section (ignored)", NULL },
};

Test(config, unknown_names_warn_with_suggestion)
{
	struct wn_config e;
	resolved_defaults(&e);
	for (size_t i = 0; i < sizeof unknown_cases / sizeof unknown_cases[0]; i++) {
		const struct unknown_case *t = &unknown_cases[i];
		struct wn_config c;
		struct warnings w;
		char path[PATH_MAX], prefix[PATH_MAX + 8];
		cr_assert_eq(load_text(&c, t->text, &w, path), WN_OK);
		snprintf(prefix, sizeof prefix, "%s:", path);
		cr_expect_eq(w.n, 1, "case %zu: %d warnings", i, w.n);
		if (w.n < 1)
			continue;
		cr_expect(!strncmp(w.line[0], prefix, strlen(prefix)), "case %zu: %s", i, w.line[0]);
		cr_expect(strstr(w.line[0], t->shows), "case %zu: \"%s\" lacks \"%s\"", i, w.line[0], t->shows);
		if (t->suggests)
			cr_expect(strstr(w.line[0], t->suggests), "case %zu: %s", i, w.line[0]);
		else
			cr_expect_not(strstr(w.line[0], "did you mean"), "case %zu: %s", i, w.line[0]);
		expect_same(&c, &e, "unknown key is ignored");
	}
}

/* ------------------------------------------------------------------ */
/* Precedence */

struct db_case {
	bool file, env, flag;
	const char *expect;   /* file name under tmp, or NULL for the XDG default */
};

Test(config, db_path_precedence)
{
	static const struct db_case cases[] = {
		{ .expect = NULL },
		{ .file = true, .expect = "file.db" },
		{ .env = true, .expect = "env.db" },
		{ .file = true, .env = true, .expect = "env.db" },
		{ .file = true, .flag = true, .expect = "flag.db" },
		{ .file = true, .env = true, .flag = true, .expect = "flag.db" },
	};
	char cfg[PATH_MAX], text[PATH_MAX + 32], envdb[PATH_MAX + 16], flagdb[PATH_MAX + 16];
	snprintf(text, sizeof text, "[general]\ndb = %s/file.db\n", tmp);
	snprintf(envdb, sizeof envdb, "%s/env.db", tmp);
	snprintf(flagdb, sizeof flagdb, "%s/flag.db", tmp);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct db_case *t = &cases[i];
		struct wn_config c;
		struct wn_err err = { 0 };
		char exp[PATH_MAX + 32];
		write_file(cfg, sizeof cfg, "db.ini", t->file ? text : "", 0);
		if (t->env)
			setenv("WEAN_DB", envdb, 1);
		else
			unsetenv("WEAN_DB");
		struct wn_config_overrides o = { .config_path = cfg, .db_path = t->flag ? flagdb : NULL };
		cr_assert_eq(wn_config_load(&c, &o, NULL, NULL, &err), WN_OK, "%s", err.msg);
		if (t->expect)
			snprintf(exp, sizeof exp, "%s/%s", tmp, t->expect);
		else
			snprintf(exp, sizeof exp, "%s/data/wean/wean.db", tmp);
		cr_expect_str_eq(c.db_path, exp, "case %zu", i);
	}
}

Test(config, empty_wean_db_is_unset)
{
	struct wn_config c, e;
	struct warnings w;
	setenv("WEAN_DB", "", 1);
	cr_assert_eq(load(&c, NULL, &w), WN_OK);
	resolved_defaults(&e);
	cr_expect_str_eq(c.db_path, e.db_path);
}

struct color_case {
	const char *file;      /* [display] color value, or NULL for no file key */
	const char *no_color;  /* NO_COLOR value, or NULL for unset */
	bool flag;             /* --no-color */
	bool expect;
};

Test(config, color_precedence_and_no_color)
{
	static const struct color_case cases[] = {
		{ .expect = true },
		{ .file = "true", .expect = true },
		{ .file = "false", .expect = false },
		{ .no_color = "1", .expect = false },
		{ .no_color = "", .expect = false },         /* any value, even empty (SPEC) */
		{ .file = "true", .no_color = "yes", .expect = false },
		{ .flag = true, .expect = false },
		{ .file = "true", .flag = true, .expect = false },
		{ .file = "false", .no_color = "", .expect = false },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct color_case *t = &cases[i];
		struct wn_config c;
		struct warnings w = { 0 };
		struct wn_err err = { 0 };
		char cfg[PATH_MAX], text[64] = "";
		if (t->file)
			snprintf(text, sizeof text, "[display]\ncolor = %s\n", t->file);
		write_file(cfg, sizeof cfg, "color.ini", text, 0);
		if (t->no_color)
			setenv("NO_COLOR", t->no_color, 1);
		else
			unsetenv("NO_COLOR");
		struct wn_config_overrides o = { .config_path = cfg, .no_color = t->flag };
		cr_assert_eq(wn_config_load(&c, &o, collect, &w, &err), WN_OK);
		cr_expect_eq(w.n, 0);
		cr_expect_eq(c.color, t->expect, "case %zu", i);
	}
}

Test(config, ascii_from_file_flag_and_locale)
{
	struct wn_config c;
	struct warnings w;
	struct wn_err err = { 0 };
	char path[PATH_MAX];
	cr_assert_eq(load_text(&c, "[display]\nascii = false\n", &w, path), WN_OK);
	cr_expect_not(c.ascii);
	struct wn_config_overrides o = { .config_path = path, .ascii = true };
	cr_assert_eq(wn_config_load(&c, &o, NULL, NULL, &err), WN_OK);
	cr_expect(c.ascii, "--ascii wins over the file");
	cr_assert_not_null(setlocale(LC_ALL, "C"));
	cr_expect_not(wn_config_locale_is_utf8());
	cr_assert_eq(load(&c, path, &w), WN_OK);
	cr_expect(c.ascii, "a non-UTF-8 locale forces ASCII");
	cr_assert_not_null(setlocale(LC_ALL, "C.UTF-8"));
	cr_expect(wn_config_locale_is_utf8());
}

Test(config, config_path_precedence)
{
	char def[PATH_MAX], envp[PATH_MAX], flagp[PATH_MAX], dir[PATH_MAX + 16];
	struct wn_config c;
	struct warnings w;
	snprintf(dir, sizeof dir, "%s/config", tmp);
	cr_assert_eq(mkdir(dir, 0700), 0);
	snprintf(dir, sizeof dir, "%s/config/wean", tmp);
	cr_assert_eq(mkdir(dir, 0700), 0);
	write_file(def, sizeof def, "config/wean/config.ini", "[general]\nname = default\n", 0);
	write_file(envp, sizeof envp, "env.ini", "[general]\nname = env\n", 0);
	write_file(flagp, sizeof flagp, "flag.ini", "[general]\nname = flag\n", 0);

	cr_assert_eq(load(&c, NULL, &w), WN_OK);
	cr_expect_str_eq(c.report_name, "default");
	cr_expect_str_eq(c.config_path, def);
	setenv("WEAN_CONFIG", envp, 1);
	cr_assert_eq(load(&c, NULL, &w), WN_OK);
	cr_expect_str_eq(c.report_name, "env");
	cr_expect_str_eq(c.config_path, envp);
	cr_assert_eq(load(&c, flagp, &w), WN_OK);
	cr_expect_str_eq(c.report_name, "flag");
	cr_expect_str_eq(c.config_path, flagp);
}

/* ------------------------------------------------------------------ */
/* Missing, unreadable and hostile files */

Test(config, missing_explicit_file_is_noinput)
{
	struct wn_config c;
	struct wn_err err = { 0 };
	char path[PATH_MAX];
	tmp_path(path, sizeof path, "nope.ini");
	struct wn_config_overrides o = { .config_path = path, .db_path = "/x/flag.db" };
	cr_expect_eq(wn_config_load(&c, &o, NULL, NULL, &err), WN_NOINPUT);
	cr_expect(strstr(err.msg, "does not exist"), "%s", err.msg);
	cr_expect_str_eq(c.db_path, "/x/flag.db", "flags still applied");
	setenv("WEAN_CONFIG", path, 1);
	wn_err_clear(&err);
	cr_expect_eq(wn_config_load(&c, NULL, NULL, NULL, &err), WN_NOINPUT);
	cr_expect(strstr(err.hint, "WEAN_CONFIG"), "%s", err.hint);
}

Test(config, unreadable_or_broken_file_is_dataerr)
{
	struct wn_config c, e;
	struct wn_err err = { 0 };
	struct warnings w = { 0 };
	char path[PATH_MAX];
	struct wn_config_overrides o = { .config_path = tmp };   /* a directory */
	cr_expect_eq(wn_config_load(&c, &o, NULL, NULL, &err), WN_DATAERR);
	cr_expect(strstr(err.msg, "directory"), "%s", err.msg);
	write_file(path, sizeof path, "broken.ini", "[display]\nthis line has no equals sign\n", 0);
	o.config_path = path;
	wn_err_clear(&err);
	cr_expect_eq(wn_config_load(&c, &o, collect, &w, &err), WN_DATAERR);
	cr_expect(strstr(err.msg, "line 2"), "%s", err.msg);
	cr_expect_str_eq(c.config_path, "", "a file that failed is not reported as read");
	resolved_defaults(&e);
	expect_same(&c, &e, "broken file");
}

static unsigned long next_random(unsigned long *state)
{
	*state = *state * 6364136223846793005UL + 1442695040888963407UL;
	return *state >> 33;
}

/* Random bytes: no crash (ASan/UBSan run this too).  iniparser rejects
 * such a file as a whole, so the documented outcome is WN_DATAERR with a
 * clean one-line message; WN_OK with clean warnings would also be safe. */
Test(config, random_binary_file_does_not_crash)
{
	for (unsigned long seed = 1; seed <= 40; seed++) {
		char buf[4096], path[PATH_MAX];
		unsigned long st = seed;
		size_t len = 1 + next_random(&st) % sizeof buf;
		for (size_t i = 0; i < len; i++)
			buf[i] = (char)(next_random(&st) & 0xff);
		/* half the files get short lines, so iniparser sees many */
		for (size_t i = 0; seed % 2 && i < len; i += 1 + next_random(&st) % 60)
			buf[i] = '\n';
		write_file(path, sizeof path, "random.bin", buf, len);
		struct wn_config c;
		struct warnings w = { 0 };
		struct wn_err err = { 0 };
		struct wn_config_overrides o = { .config_path = path };
		int rc = wn_config_load(&c, &o, collect, &w, &err);
		cr_expect(rc == WN_OK || rc == WN_DATAERR, "seed %lu: rc %d", seed, rc);
		cr_expect_not(has_control_bytes(err.msg), "seed %lu: %s", seed, err.msg);
		for (int i = 0; i < w.n && i < MAX_WARN; i++)
			cr_expect_not(has_control_bytes(w.line[i]), "seed %lu", seed);
	}
}

/* A file iniparser accepts but full of hostile bytes: warnings only, and
 * none of them carries a control character to the terminal. */
Test(config, hostile_names_are_sanitised_in_warnings)
{
	static const char text[] =
		"[\x1b]2;pwned\x07]\nkey = 1\n"
		"[display]\n\x1b[31mcolor = false\n"
		"week_start = \x9b\x32J\n"
		"[hold]\nburden_days = 3\x1b[0m\n";
	struct wn_config c, e;
	struct warnings w;
	char path[PATH_MAX];
	cr_assert_eq(load_text(&c, text, &w, path), WN_OK);
	cr_expect_eq(w.n, 4);
	for (int i = 0; i < w.n && i < MAX_WARN; i++)
		cr_expect_not(has_control_bytes(w.line[i]), "%s", w.line[i]);
	resolved_defaults(&e);
	expect_same(&c, &e, "hostile");
}

/* ------------------------------------------------------------------ */
/* Custom metrics */

Test(config, metrics_good)
{
	struct wn_config c;
	struct warnings w;
	char path[PATH_MAX];
	cr_assert_eq(load_text(&c, "[metrics]\nmetric1 = focus:0:10:higher\n"
			       "metric3 =  Pain level : -5 : 5.5 : LOWER \n"
			       "metric2 =\nmetric16 = steps_k:0:1000:higher\n", &w, path), WN_OK);
	cr_expect_eq(w.n, 0, "%s", w.n ? w.line[0] : "");
	cr_assert_eq(c.n_metrics, 3);
	cr_expect_str_eq(c.metrics[0].name, "focus");
	cr_expect_eq(c.metrics[0].min, 0.0);
	cr_expect_eq(c.metrics[0].max, 10.0);
	cr_expect(c.metrics[0].higher_is_better);
	cr_expect_str_eq(c.metrics[1].name, "Pain level");
	cr_expect_eq(c.metrics[1].min, -5.0);
	cr_expect_eq(c.metrics[1].max, 5.5);
	cr_expect_not(c.metrics[1].higher_is_better);
	cr_expect_str_eq(c.metrics[2].name, "steps_k");
	cr_expect_eq(wn_config_find_metric(&c, "PAIN LEVEL"), 1);
	cr_expect_eq(wn_config_find_metric(&c, "mood"), -1);
}

struct metric_case {
	const char *value, *shows;
};

static const struct metric_case metric_cases[] = {
	{ "Mood:0:10:higher", "built-in" },
	{ "sleep:0:12:higher", "built-in" },
	{ "FOCUS:0:5:lower", "already used" },          /* clashes with metric1 */
	{ "calm:10:0:higher", "less than" },
	{ "calm:3:3:higher", "less than" },
	{ "calm:-1001:0:higher", "-1000..1000" },
	{ "calm:0:1000.5:higher", "-1000..1000" },
	{ "calm:0:ten:higher", "not a number" },
	{ "calm:0:10:up", "higher or lower" },
	{ "calm:0:10", "name:min:max" },
	{ "ca:lm:0:10:higher", "name:min:max" },
	{ "calm/ness:0:10:higher", "letters, digits" },
	{ "caf\xc3\xa9:0:10:higher", "letters, digits" },
	{ ":0:10:higher", "letters, digits" },
	{ "abcdefghijabcdefghijabcdefghijab:0:10:higher", "letters, digits" },
};

Test(config, metrics_bad)
{
	for (size_t i = 0; i < sizeof metric_cases / sizeof metric_cases[0]; i++) {
		const struct metric_case *t = &metric_cases[i];
		struct wn_config c;
		struct warnings w;
		char text[256], path[PATH_MAX], prefix[PATH_MAX + 32];
		snprintf(text, sizeof text, "[metrics]\nmetric1 = focus:0:10:higher\n"
			 "metric2 = %s\n", t->value);
		cr_assert_eq(load_text(&c, text, &w, path), WN_OK);
		cr_expect_eq(w.n, 1, "case %zu: %d warnings", i, w.n);
		cr_expect_eq(c.n_metrics, 1, "case %zu: the bad metric is dropped", i);
		cr_expect_str_eq(c.metrics[0].name, "focus");
		if (w.n < 1)
			continue;
		snprintf(prefix, sizeof prefix, "%s:metrics.metric2: ", path);
		cr_expect(!strncmp(w.line[0], prefix, strlen(prefix)), "case %zu: %s", i, w.line[0]);
		cr_expect(strstr(w.line[0], t->shows), "case %zu: \"%s\" lacks \"%s\"", i, w.line[0], t->shows);
		cr_expect(strstr(w.line[0], "(using default none)"), "case %zu: %s", i, w.line[0]);
	}
}

/* ------------------------------------------------------------------ */
/* Default paths and usage errors */

Test(config, no_home_no_xdg)
{
	struct wn_err err = { 0 };
	struct wn_config c;
	unsetenv("HOME");
	unsetenv("XDG_DATA_HOME");
	unsetenv("XDG_CONFIG_HOME");
	cr_expect_eq(wn_config_load(&c, NULL, NULL, NULL, &err), WN_USAGE,
		     "no diary location at all");
	cr_expect(strstr(err.msg, "HOME"), "%s", err.msg);
	struct wn_config_overrides o = { .db_path = "/srv/wean.db" };
	cr_expect_eq(wn_config_load(&c, &o, NULL, NULL, &err), WN_OK, "--db is enough");
	cr_expect_str_eq(c.db_path, "/srv/wean.db");
}

Test(config, bad_overrides_are_usage_errors)
{
	static char longpath[WN_CONFIG_PATH_MAX + 10];
	struct wn_config c;
	struct wn_err err = { 0 };
	struct wn_config_overrides empty_db = { .db_path = "" };
	struct wn_config_overrides empty_cfg = { .config_path = "" };
	cr_expect_eq(wn_config_load(&c, &empty_db, NULL, NULL, &err), WN_USAGE);
	cr_expect(strstr(err.msg, "--db"), "%s", err.msg);
	cr_expect_eq(wn_config_load(&c, &empty_cfg, NULL, NULL, &err), WN_USAGE);
	memset(longpath, 'a', sizeof longpath - 1);
	longpath[0] = '/';
	setenv("WEAN_DB", longpath, 1);
	cr_expect_eq(wn_config_load(&c, NULL, NULL, NULL, &err), WN_USAGE);
	cr_expect(strstr(err.msg, "WEAN_DB"), "%s", err.msg);
}
