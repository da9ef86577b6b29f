/* SPDX-License-Identifier: GPL-3.0-or-later */
/* reader.h -- text read a window at a time, from memory or from a file:
 * what the parsers of imported files (json.c, csv.c, daylio.c) read, so
 * that their memory does not grow with the file.  No SQLite, no curses;
 * its only I/O is read(2) and lseek(2) on a descriptor the caller opened
 * (and closes).
 *
 * Contract
 * - s[pos .. len) are the bytes in hand; s[pos] is the next one, at
 *   offset base + pos of the text.  A parser reads them directly and calls
 *   wn_reader_need() before it looks further than len: the window then
 *   slides (bytes before pos are dropped, s may move) and is filled up to
 *   WN_READER_WINDOW bytes.
 * - A text in memory is its own window: need() never reads, seek() only
 *   moves pos.
 * - A failed read leaves error set (errno) and the window as it was:
 *   need() returns false from then on; parsers report it as an I/O error.
 */
#ifndef WEAN_READER_H
#define WEAN_READER_H

#include <stdbool.h>
#include <stddef.h>

#include "core/status.h"

#define WN_READER_WINDOW (64u * 1024)   /* bytes held from a file */
#define WN_READER_AHEAD 64              /* most one need() may ask for */

struct wn_reader {
	const char *s;           /* the window (read only for parsers) */
	size_t len, pos;
	unsigned long long base; /* the text's offset of s[0] */
	bool eof;                /* nothing after s[len) */
	int error;               /* errno of a failed read or seek, else 0 */
	int fd;                  /* -1: the text is in memory */
	char *buf;               /* the window's bytes (owned), files only */
};

/* The text text[0..len) (which must outlive the reader). */
void wn_reader_mem(struct wn_reader *r, const char *text, size_t len);
/* The file open on fd (a file that can seek), from its start.  WN_OK, or
 * WN_ERR out of memory (a failed seek is r->error). */
int wn_reader_fd(struct wn_reader *r, int fd, struct wn_err *err);
void wn_reader_free(struct wn_reader *r);

/* At least n (<= WN_READER_AHEAD) bytes from pos in hand, unless the text
 * ends first: true; false only when a read failed (r->error). */
bool wn_reader_need(struct wn_reader *r, size_t n);
/* Moves to offset off of the text (0: its start).  false when a seek
 * failed (r->error) or off is past the end of a text in memory. */
bool wn_reader_seek(struct wn_reader *r, unsigned long long off);
/* The offset of s[pos]. */
unsigned long long wn_reader_offset(const struct wn_reader *r);
/* The end of the window without a UTF-8 character cut in two at it (len
 * itself when the text ends there): what may be checked as UTF-8 now. */
size_t wn_reader_whole(const struct wn_reader *r);
/* The byte at pos, or -1 at the end of the text (or after a failed read). */
int wn_reader_peek(struct wn_reader *r);

#endif
