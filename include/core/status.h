/* SPDX-License-Identifier: GPL-3.0-or-later */
/* status.h -- one status type for all of wean, with sysexits codes.
 *
 * Every fallible function returns an int status (WN_OK on success) and,
 * when given one, fills a caller-owned struct wn_err with a one-line
 * message.  Messages never end in a newline and never start with "wean:".
 */
#ifndef WEAN_STATUS_H
#define WEAN_STATUS_H

#include <stddef.h>

/* X-macro: name, sysexits code, short text. */
#define WN_STATUS_LIST(X)                                          \
	X(OK,       0,  "ok")                                      \
	X(ERR,      1,  "error")                                   \
	X(USAGE,    64, "usage error")                             \
	X(DATAERR,  65, "bad data")                                \
	X(NOINPUT,  66, "missing input")                           \
	X(CANTCREAT,73, "cannot create output")                    \
	X(IOERR,    74, "input/output error")                      \
	X(TEMPFAIL, 75, "diary busy or locked")                    \
	X(NOPERM,   77, "permission denied")

enum wn_status {
#define WN_X(name, code, text) WN_##name = code,
	WN_STATUS_LIST(WN_X)
#undef WN_X
};

#define WN_ERR_MSG 512

struct wn_err {
	int code;                /* a wn_status */
	char msg[WN_ERR_MSG];    /* one line, no trailing newline */
	char hint[WN_ERR_MSG];   /* optional second line ("try ..."), may be "" */
};

/* Set code and a printf-style message; returns code so callers can
 * `return wn_err_set(err, WN_DATAERR, "...")`.  err may be NULL. */
int wn_err_set(struct wn_err *err, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Set the hint line (shown after the message). err may be NULL. */
void wn_err_hint(struct wn_err *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Clear an error struct. */
void wn_err_clear(struct wn_err *err);

/* Short text for a status ("bad data"). Never NULL. */
const char *wn_status_text(int code);

#endif
