/* SPDX-License-Identifier: GPL-3.0-or-later */
/* buf.h -- growable arrays and a growable string buffer (struct wn_buf),
 * the one way wean builds text of unknown length.  Pure, no output.
 */
#ifndef WEAN_BUF_H
#define WEAN_BUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/status.h"

/* Makes room for one more item in *arr (n items in use, *cap allocated,
 * each size bytes), doubling from 16.  0, or -1 when out of memory (*arr
 * and *cap unchanged). */
int wn_buf_grow(void **arr, size_t *cap, size_t n, size_t size);

/* After wn_buf_init, s is always a NUL-terminated string (possibly a shared
 * empty string: never free it or write through it yourself) and len its
 * length; the buffer may hold NUL bytes added with wn_buf_add.  A zeroed
 * struct also works, but then s stays NULL until something is added.
 * Out of memory is sticky: `failed` is set, the content so far is kept,
 * and every later add returns WN_ERR without changing anything.  Sources
 * must not point into the buffer itself. */
struct wn_buf {
	char *s;
	size_t len, cap;
	bool failed;
};

void wn_buf_init(struct wn_buf *b);
/* Release the memory and re-initialise (b may be used again). */
void wn_buf_free(struct wn_buf *b);
/* Empty the string, keeping the memory and clearing `failed`. */
void wn_buf_reset(struct wn_buf *b);
/* Append len bytes / a C string / one byte / printf output.
 * Return WN_OK, or WN_ERR when out of memory (now or earlier). */
int wn_buf_add(struct wn_buf *b, const char *s, size_t len);
int wn_buf_adds(struct wn_buf *b, const char *s);
int wn_buf_addc(struct wn_buf *b, char c);
int wn_buf_addf(struct wn_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int wn_buf_vaddf(struct wn_buf *b, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
/* Make room for extra more bytes (and the NUL) at b->s + b->len, for a
 * writer that fills them itself and then adds to b->len.  WN_OK, or WN_ERR
 * when out of memory (now or earlier). */
int wn_buf_reserve(struct wn_buf *b, size_t extra);
/* Append n spaces (none when n <= 0).  WN_OK or WN_ERR as above. */
int wn_buf_spaces(struct wn_buf *b, int n);
/* Hand over the string: returns a malloc'd NUL-terminated copy the caller
 * frees (never the shared empty string), or NULL if the buffer failed or
 * memory ran out; either way b is left freed and re-initialised. */
char *wn_buf_detach(struct wn_buf *b);

#endif
