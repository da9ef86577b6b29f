/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ini.c -- reading an INI file with iniparser without letting it print;
 * see core/ini.h. */
#include "core/ini.h"

#include <errno.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <string.h>

/* iniparser 4.1's messages, told apart by their format string. */
static const char FMT_OPEN[] = "iniparser: cannot open %s\n";
static const char FMT_SYNTAX[] = "iniparser: syntax error in %s (%d):\n-> %s\n";
static const char FMT_LONG[] = "iniparser: input line too long in %s (%d)\n";

enum ini_problem { P_NONE, P_OPEN, P_SYNTAX, P_LONG, P_OTHER };

/* The first report of the current load (the callback has no context). */
static struct {
	enum ini_problem kind;
	int line;
} first;

static int capture(const char *fmt, ...)
{
	va_list ap;

	if (first.kind != P_NONE)
		return 0;
	first.kind = !strcmp(fmt, FMT_OPEN) ? P_OPEN
	           : !strcmp(fmt, FMT_SYNTAX) ? P_SYNTAX
	           : !strcmp(fmt, FMT_LONG) ? P_LONG : P_OTHER;
	if (first.kind == P_SYNTAX || first.kind == P_LONG) {
		va_start(ap, fmt);
		(void)va_arg(ap, const char *);    /* the file name, which we know */
		first.line = va_arg(ap, int);
		va_end(ap);
	}
	return 0;
}

/* Only a regular file of a sane size is read: a device (/dev/zero), a
 * FIFO or a directory would make iniparser block, spin or misread. */
static int check_file(const char *path, const char *what, struct wn_err *err)
{
	struct stat sb;
	if (stat(path, &sb) != 0)
		return wn_err_set(err, WN_NOINPUT, "cannot open %s %s", what, path);
	if (!S_ISREG(sb.st_mode))
		return wn_err_set(err, WN_NOINPUT, "%s %s is not a regular file", what, path);
	if (sb.st_size > WN_INI_MAX_BYTES)
		return wn_err_set(err, WN_DATAERR, "%s %s is too large (%lld bytes, at most %d)",
		                  what, path, (long long)sb.st_size, WN_INI_MAX_BYTES);
	return WN_OK;
}

int wn_ini_load(const char *path, const char *what, dictionary **out,
                struct wn_err *err)
{
	*out = NULL;
	int rc = check_file(path, what, err);
	if (rc != WN_OK)
		return rc;
	memset(&first, 0, sizeof first);
	iniparser_set_error_callback(capture);
	*out = iniparser_load(path);
	iniparser_set_error_callback(NULL);
	if (*out)
		return WN_OK;
	switch (first.kind) {
	case P_OPEN:
		return wn_err_set(err, WN_NOINPUT, "cannot open %s %s", what, path);
	case P_SYNTAX:
		return wn_err_set(err, WN_DATAERR, "%s %s, line %d: not a [section], "
		                  "key = value or comment", what, path, first.line);
	case P_LONG:
		return wn_err_set(err, WN_DATAERR, "%s %s, line %d: line too long",
		                  what, path, first.line);
	default:
		return wn_err_set(err, WN_ERR, "cannot read %s %s: out of memory",
		                  what, path);
	}
}
