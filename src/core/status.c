/* SPDX-License-Identifier: GPL-3.0-or-later */
/* status.c -- error struct helpers. */
#include "core/status.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int wn_err_set(struct wn_err *err, int code, const char *fmt, ...)
{
	if (!err)
		return code;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	err->code = code;
	err->hint[0] = '\0';
	/* one line only */
	for (char *p = err->msg; *p; p++)
		if (*p == '\n' || *p == '\r')
			*p = ' ';
	return code;
}

void wn_err_hint(struct wn_err *err, const char *fmt, ...)
{
	if (!err)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->hint, sizeof err->hint, fmt, ap);
	va_end(ap);
}

void wn_err_clear(struct wn_err *err)
{
	if (err)
		memset(err, 0, sizeof *err);
}

const char *wn_status_text(int code)
{
	switch (code) {
#define WN_X(name, c, text) case c: return text;
	WN_STATUS_LIST(WN_X)
#undef WN_X
	}
	return "error";
}
