/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_config.c -- libFuzzer harness: loading the config file,
 * wn_config_load() (iniparser, then wean's own key and value checks).
 *
 * The input is written to config.ini in the harness's temporary directory
 * and loaded with --config pointing at it, once without and once with the
 * other overrides (--db, --no-color, --ascii), so both the file's db key
 * resolution ("~/", relative to the file) and the flags are exercised.
 * Checked: the status is one of those config.h lists, every warning is one
 * line, and whatever the status the struct holds values in their
 * documented ranges.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/config.h"
#include "fuzz_common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char ini_path[1200];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	wn_fuzz_init();
	snprintf(ini_path, sizeof ini_path, "%s", wn_fuzz_path("config.ini"));
	return 0;
}

static void on_warning(void *ctx, const char *line)
{
	size_t *n = ctx;
	WN_FUZZ_CHECK(line && *line, "an empty warning");
	WN_FUZZ_CHECK(!strchr(line, '\n'), "a warning of more than one line: %s", line);
	(*n)++;
}

static bool terminated(const char *s, size_t cap)
{
	return memchr(s, '\0', cap) != NULL;
}

static void check_metrics(const struct wn_config *c)
{
	WN_FUZZ_CHECK(c->n_metrics >= 0 && c->n_metrics <= WN_MAX_METRICS,
	              "n_metrics %d", c->n_metrics);
	for (int i = 0; i < c->n_metrics; i++) {
		const struct wn_metric_def *m = &c->metrics[i];
		size_t len = strnlen(m->name, sizeof m->name);
		WN_FUZZ_CHECK(len >= 1 && len < sizeof m->name, "metric %d name length %zu", i, len);
		WN_FUZZ_CHECK(m->min >= -1000 && m->min < m->max && m->max <= 1000,
		              "metric %s range %g..%g", m->name, m->min, m->max);
		WN_FUZZ_CHECK(wn_config_find_metric(c, m->name) == i,
		              "metric %s found at %d, not %d", m->name,
		              wn_config_find_metric(c, m->name), i);
	}
}

static void check_config(const struct wn_config *c)
{
	WN_FUZZ_CHECK(terminated(c->config_path, sizeof c->config_path) &&
	              terminated(c->db_path, sizeof c->db_path) &&
	              terminated(c->report_name, sizeof c->report_name) &&
	              terminated(c->crisis_line, sizeof c->crisis_line) &&
	              terminated(c->hidden_symptoms, sizeof c->hidden_symptoms),
	              "a string field without its NUL");
	WN_FUZZ_CHECK(c->week_start >= 0 && c->week_start <= 6, "week_start %d", c->week_start);
	WN_FUZZ_CHECK(c->crisis_line[0], "empty crisis line");
	WN_FUZZ_CHECK(c->hold_burden_days >= 1 && c->hold_burden_days <= 14,
	              "burden_days %d", c->hold_burden_days);
	WN_FUZZ_CHECK(c->hold_baseline_days >= 1 && c->hold_baseline_days <= 28,
	              "baseline_days %d", c->hold_baseline_days);
	WN_FUZZ_CHECK(c->hold_symptom_rise >= 0.05 && c->hold_symptom_rise <= 3,
	              "symptom_rise %g", c->hold_symptom_rise);
	WN_FUZZ_CHECK(c->low_mood >= 0 && c->low_mood <= 10, "low_mood %d", c->low_mood);
	WN_FUZZ_CHECK(c->hold_sleep_hours >= 0 && c->hold_sleep_hours <= 12,
	              "sleep_hours %g", c->hold_sleep_hours);
	WN_FUZZ_CHECK(c->hold_sleep_nights >= 1 && c->hold_sleep_nights <= 14,
	              "sleep_nights %d", c->hold_sleep_nights);
	check_metrics(c);
}

static void load(const struct wn_config_overrides *o)
{
	struct wn_config c;
	struct wn_err err = { 0 };
	size_t warnings = 0;
	int rc = wn_config_load(&c, o, on_warning, &warnings, &err);
	WN_FUZZ_CHECK(rc == WN_OK || rc == WN_DATAERR || rc == WN_USAGE,
	              "wn_config_load returned %d: %s", rc, err.msg);
	WN_FUZZ_CHECK(rc == WN_OK || err.msg[0], "status %d without a message", rc);
	WN_FUZZ_CHECK(!strchr(err.msg, '\n'), "a message of more than one line: %s", err.msg);
	check_config(&c);
	if (rc == WN_DATAERR)
		WN_FUZZ_CHECK(c.config_path[0] == '\0', "config_path %s kept after an error",
		              c.config_path);
	if (o->db_path)
		WN_FUZZ_CHECK(strcmp(c.db_path, o->db_path) == 0,
		              "--db %s gave %s", o->db_path, c.db_path);
	if (o->ascii)
		WN_FUZZ_CHECK(c.ascii, "--ascii ignored");
	if (o->no_color)
		WN_FUZZ_CHECK(!c.color, "--no-color ignored");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	wn_fuzz_write_file(ini_path, data, size);
	struct wn_config_overrides plain = { .config_path = ini_path };
	struct wn_config_overrides flags = { .config_path = ini_path, .db_path = "given.db",
	                                     .no_color = true, .ascii = true };
	load(&plain);
	load(&flags);
	return 0;
}
