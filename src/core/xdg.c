/* SPDX-License-Identifier: GPL-3.0-or-later */
/* xdg.c -- where wean's files live by default (XDG base directories); see
 * core/xdg.h. */
#include "core/xdg.h"

#include <stdio.h>
#include <stdlib.h>

struct xdg { const char *var, *home_dir, *leaf, *what; };

static int xdg_path(char *buf, size_t n, const struct xdg *x, struct wn_err *err)
{
	const char *base = getenv(x->var), *home = getenv("HOME");
	int len;
	if (n == 0)
		return wn_err_set(err, WN_USAGE, "no room for the %s path", x->what);
	buf[0] = '\0';
	if (base && base[0] == '/') {
		len = snprintf(buf, n, "%s/%s", base, x->leaf);
	} else if (home && *home) {
		len = snprintf(buf, n, "%s/%s/%s", home, x->home_dir, x->leaf);
	} else {
		wn_err_set(err, WN_USAGE, "cannot find the %s: HOME and %s are not set",
		           x->what, x->var);
		return WN_USAGE;
	}
	if (len < 0 || (size_t)len >= n) {
		buf[0] = '\0';
		return wn_err_set(err, WN_USAGE, "the %s path is too long", x->what);
	}
	return WN_OK;
}

int wn_xdg_config_file(char *buf, size_t n, struct wn_err *err)
{
	static const struct xdg x = {
		"XDG_CONFIG_HOME", ".config", "wean/config.ini", "config file"
	};
	return xdg_path(buf, n, &x, err);
}

int wn_xdg_diary_file(char *buf, size_t n, struct wn_err *err)
{
	static const struct xdg x = {
		"XDG_DATA_HOME", ".local/share", "wean/wean.db", "diary"
	};
	int rc = xdg_path(buf, n, &x, err);
	if (rc != WN_OK)
		wn_err_hint(err, "set HOME, or give the diary with --db or WEAN_DB");
	return rc;
}
