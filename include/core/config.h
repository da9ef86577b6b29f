/* SPDX-License-Identifier: GPL-3.0-or-later */
/* config.h -- wean's settings as one typed struct.
 *
 * Settings are filled in this order: built-in defaults, then the INI file,
 * then the environment, then the command-line flags the caller passes in;
 * then one validation pass turns every raw value into its typed field.  A
 * bad value in the file never stops wean: it is reported as one warning line
 *
 *     PATH:section.key: problem (using default X)
 *
 * and the default is kept.  config.example.ini at the top of the source tree
 * documents every key; loading it gives exactly wn_config_defaults().
 *
 * The module keeps no state between calls.  It reads the environment
 * (WEAN_CONFIG, WEAN_DB, NO_COLOR, HOME, XDG_CONFIG_HOME, XDG_DATA_HOME) and
 * the current locale; it never prints.  Not thread-safe: the file is read
 * through core/ini.h, which sets iniparser's process-wide error callback
 * for the length of the load.
 */
#ifndef WEAN_CONFIG_H
#define WEAN_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "core/status.h"

#define WN_MAX_METRICS 16
#define WN_CONFIG_PATH_MAX 4096  /* size of the path buffers, NUL included */

/* A custom metric from [metrics] metricN = name:min:max:higher|lower. */
struct wn_metric_def {
	char name[32];           /* 1..31 bytes: ASCII letters, digits, space, - _ */
	double min, max;         /* -1000 <= min < max <= 1000 */
	bool higher_is_better;
};

struct wn_config {
	char config_path[WN_CONFIG_PATH_MAX]; /* file actually read, "" if none */
	char db_path[WN_CONFIG_PATH_MAX];     /* resolved diary path */
	int  week_start;          /* 0=Monday .. 6=Sunday; default Monday */
	bool color;               /* default true */
	bool ascii;               /* default false */
	bool demo;                /* a generated demo diary (wean demo): the
	                             screens show a DEMO mark; never read from
	                             a file */
	char report_name[128];    /* name printed on reports, default "" */
	char crisis_line[256];    /* [safety] (or, before, [help]): shown in help
	                             and on Today when mood stays low;
	                             default WN_CONFIG_CRISIS_LINE */
	int  low_mood;            /* [safety] mood at or below this counts as
	                             very low (core/safety.h); default 2 */
	int  n_metrics;           /* custom metrics in use, 0..WN_MAX_METRICS */
	struct wn_metric_def metrics[WN_MAX_METRICS]; /* default none */
	bool dess;                /* offer the 43-item DESS catalogue; default false */
	char hidden_symptoms[1024]; /* comma-separated names hidden from the grid */
	/* hold proposal rules (SPEC section 5) */
	bool   hold_enabled;      /* default true */
	int    hold_burden_days;  /* recent window, 1..14, default 3 */
	int    hold_baseline_days;/* days before the last cut, 1..28, default 7 */
	double hold_symptom_rise; /* propose a hold when the recent mean rating
	                             per rated symptom (0-3) exceeds a baseline
	                             (core/holdrule.h) by more than this;
	                             0.05..3, default 0.3 */
	double hold_sleep_hours;  /* sleep under this ... 0..12, default 5.0 */
	int    key_cache_minutes; /* [security] key_cache_minutes: an encrypted
	                             diary's key kept in the kernel keyring
	                             between commands, 0..15; default 0 (off) */
	int    hold_sleep_nights; /* ... for this many nights in a row, 1..14,
	                             default 3 */
};

#define WN_CONFIG_CRISIS_LINE "UK: Samaritans 116 123 (free, any time); " \
	"US: call or text 988; elsewhere, your local crisis line"
#define WN_CONFIG_SYMPTOM_RISE 0.3

/* From command-line flags; NULL / false = not given. */
struct wn_config_overrides {
	const char *config_path;  /* --config */
	const char *db_path;      /* --db */
	bool no_color;            /* --no-color */
	bool ascii;               /* --ascii */
};

/* Fill c with the built-in defaults.  config_path and db_path are "" (the
 * diary location is resolved by wn_config_load). */
void wn_config_defaults(struct wn_config *c);

/* Fill c: defaults, file, environment, flags o (may be NULL), validation.
 *
 * Config file: o->config_path, else $WEAN_CONFIG (if non-empty), else the
 * XDG default (core/xdg.h).  A missing file at the default location is
 * fine.
 * Diary: o->db_path, else $WEAN_DB (if non-empty), else [general] db, else
 * the XDG default.  In the file, "~/" is expanded and a relative path is
 * taken relative to the config file's directory; --db and WEAN_DB are used
 * as given.
 * Colour is off when NO_COLOR is set and non-empty, or --no-color, or
 * [display] color = false.  ASCII drawing is on with --ascii, [display]
 * ascii = true, or when wn_config_locale_is_utf8() is false (so call
 * setlocale(LC_ALL, "") first).
 *
 * Each problem in the file is passed as one line (no trailing newline) to
 * warn(ctx, line) when warn != NULL, and the default is kept.  Unknown
 * sections and keys are reported too, with the closest known name when one
 * is within two edits.  iniparser keeps the last of duplicated keys.
 *
 * Returns WN_OK, or
 *   WN_NOINPUT  --config / WEAN_CONFIG names a file that does not exist;
 *   WN_DATAERR  the file exists but cannot be read or is not INI (a line
 *               that is not a section, key = value or comment; a line over
 *               1023 bytes; random binary data ends here);
 *   WN_USAGE    --config or --db is empty, a given path is too long, or no
 *               diary path can be made (HOME and XDG_DATA_HOME unset);
 *   WN_ERR      out of memory,
 * with the message (and a hint) in err.  Whatever the status, c is usable:
 * after WN_NOINPUT or WN_DATAERR it holds defaults + environment + flags
 * (no file, config_path ""); after a WN_USAGE about --config, --db,
 * WEAN_CONFIG or WEAN_DB it holds the defaults.
 * Warnings about unknown sections and keys come first, then those about
 * values, in the order of the keys in config.example.ini. */
int wn_config_load(struct wn_config *c, const struct wn_config_overrides *o,
		   void (*warn)(void *ctx, const char *line), void *ctx,
		   struct wn_err *err);

/* Is the current locale's codeset (nl_langinfo(CODESET)) UTF-8?  Reflects
 * the caller's setlocale(); in the "C" locale it is false. */
bool wn_config_locale_is_utf8(void);

/* Index of the custom metric called name (ASCII case-insensitive) in
 * c->metrics, or -1. */
int wn_config_find_metric(const struct wn_config *c, const char *name);

#endif
