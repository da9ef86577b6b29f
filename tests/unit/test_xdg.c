/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for xdg.c (suite "xdg"): the default places of the config
 * file and the diary. */
#include <criterion/criterion.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xdg.h"

struct xdg_case {
	const char *home, *config_home, *data_home;
	int rc;
	const char *config, *diary;   /* expected when rc is WN_OK */
};

static void set_or_unset(const char *var, const char *value)
{
	if (value)
		setenv(var, value, 1);
	else
		unsetenv(var);
}

Test(xdg, paths_follow_the_environment)
{
	static const struct xdg_case cases[] = {
		{ .home = "/h", .config_home = "/c", .data_home = "/d", .rc = WN_OK,
		  .config = "/c/wean/config.ini", .diary = "/d/wean/wean.db" },
		{ .home = "/h", .rc = WN_OK,
		  .config = "/h/.config/wean/config.ini",
		  .diary = "/h/.local/share/wean/wean.db" },
		/* not absolute, or empty: ignored, as the XDG spec says */
		{ .home = "/h", .config_home = "rel/dir", .data_home = "", .rc = WN_OK,
		  .config = "/h/.config/wean/config.ini",
		  .diary = "/h/.local/share/wean/wean.db" },
		{ .config_home = "/c", .data_home = "/d", .rc = WN_OK,
		  .config = "/c/wean/config.ini", .diary = "/d/wean/wean.db" },
		{ .home = "", .rc = WN_USAGE },
		{ .rc = WN_USAGE },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct xdg_case *c = &cases[i];
		char buf[PATH_MAX];
		struct wn_err err = { 0 };
		set_or_unset("HOME", c->home);
		set_or_unset("XDG_CONFIG_HOME", c->config_home);
		set_or_unset("XDG_DATA_HOME", c->data_home);
		cr_expect_eq(wn_xdg_config_file(buf, sizeof buf, &err), c->rc, "case %zu", i);
		if (c->rc == WN_OK)
			cr_expect_str_eq(buf, c->config, "case %zu", i);
		cr_expect_eq(wn_xdg_diary_file(buf, sizeof buf, &err), c->rc, "case %zu", i);
		if (c->rc == WN_OK) {
			cr_expect_str_eq(buf, c->diary, "case %zu", i);
		} else {
			cr_expect(strstr(err.msg, "HOME"), "case %zu: %s", i, err.msg);
			cr_expect(strstr(err.hint, "--db"), "case %zu: %s", i, err.hint);
		}
	}
}

Test(xdg, path_too_long_for_the_buffer)
{
	char buf[8];
	struct wn_err err = { 0 };

	setenv("HOME", "/home/someone", 1);
	unsetenv("XDG_CONFIG_HOME");
	cr_expect_eq(wn_xdg_config_file(buf, sizeof buf, &err), WN_USAGE);
	cr_expect_str_eq(buf, "");
	cr_expect(strstr(err.msg, "too long"), "%s", err.msg);
	cr_expect_eq(wn_xdg_config_file(buf, 0, &err), WN_USAGE);
}
