/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for ini.c: iniparser's complaints become one message, and
 * nothing it says reaches stderr. */
#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/ini.h"
#include "core/symptoms.h"

static char path[PATH_MAX];

static void setup(void)
{
	const char *t = getenv("TMPDIR");
	snprintf(path, sizeof path, "%s/wean-ini-XXXXXX", t && *t ? t : "/tmp");
	int fd = mkstemp(path);
	cr_assert(fd >= 0);
	close(fd);
	cr_redirect_stderr();
}

static void teardown(void)
{
	unlink(path);
}

TestSuite(ini, .init = setup, .fini = teardown);

static void write_text(const char *text, size_t len)
{
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f);
	fwrite(text, 1, len, f);
	fclose(f);
}

struct ini_case {
	const char *name, *text;
	int code;
	const char *msg;
};

Test(ini, problems_become_one_message)
{
	static const struct ini_case cases[] = {
		{ .name = "good", .text = "[a]\nk = v\n; comment\n", .code = WN_OK },
		{ .name = "prose", .text = "[a]\nk = v\nthis is prose\nmore prose\n",
		  .code = WN_DATAERR,
		  .msg = ", line 3: not a [section], key = value or comment" },
		{ .name = "empty", .text = "", .code = WN_OK },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct wn_err err = { 0 };
		dictionary *d = NULL;
		write_text(cases[i].text, strlen(cases[i].text));
		cr_expect_eq(wn_ini_load(path, "test file", &d, &err), cases[i].code,
		             "%s: %s", cases[i].name, err.msg);
		if (cases[i].code == WN_OK) {
			cr_expect_not_null(d, "%s", cases[i].name);
		} else {
			cr_expect_null(d, "%s", cases[i].name);
			cr_expect(strstr(err.msg, "test file ") == err.msg, "%s", err.msg);
			cr_expect(strstr(err.msg, cases[i].msg), "%s: %s", cases[i].name, err.msg);
		}
		iniparser_freedict(d);
	}
	fflush(stderr);
	cr_expect_stderr_eq_str("");
}

Test(ini, long_line_and_missing_file)
{
	char big[1400];
	struct wn_err err = { 0 };
	dictionary *d = NULL;

	memset(big, 'a', sizeof big);
	memcpy(big, "[x]\nk = ", 8);
	big[sizeof big - 1] = '\n';
	write_text(big, sizeof big);
	cr_expect_eq(wn_ini_load(path, "test file", &d, &err), WN_DATAERR);
	cr_expect(strstr(err.msg, "line 2: line too long"), "%s", err.msg);
	cr_expect_null(d);
	cr_expect_eq(wn_ini_load("/nonexistent/x.ini", "test file", &d, &err), WN_NOINPUT);
	cr_expect_str_eq(err.msg, "cannot open test file /nonexistent/x.ini");
	fflush(stderr);
	cr_expect_stderr_eq_str("");
}

/* A device, a directory: refused before iniparser reads a byte. */
Test(ini, only_regular_files_are_read)
{
	struct wn_err err = { 0 };
	dictionary *d = NULL;
	cr_expect_eq(wn_ini_load("/dev/zero", "test file", &d, &err), WN_NOINPUT);
	cr_expect_str_eq(err.msg, "test file /dev/zero is not a regular file");
	cr_expect_eq(wn_ini_load("/", "test file", &d, &err), WN_NOINPUT);
	cr_expect_null(d);
}

/* The DESS list is read the same way: a broken one says so, quietly. */
Test(ini, broken_dess_list_is_quiet)
{
	static const char text[] = "[dess]\nitem_count = 1\nitem01 nausea\n";
	struct wn_symptom_def *defs;
	size_t n;
	struct wn_err err = { 0 };

	write_text(text, sizeof text - 1);
	cr_expect_eq(wn_symptoms_load_dess(path, &defs, &n, &err), WN_DATAERR);
	cr_expect(strstr(err.msg, "DESS list"), "%s", err.msg);
	cr_expect(strstr(err.msg, "line 3"), "%s", err.msg);
	cr_expect_null(defs);
	fflush(stderr);
	cr_expect_stderr_eq_str("");
}
