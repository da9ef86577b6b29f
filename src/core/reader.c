/* SPDX-License-Identifier: GPL-3.0-or-later */
/* reader.c -- text read a window at a time (reader.h). */
#include "core/reader.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

void wn_reader_mem(struct wn_reader *r, const char *text, size_t len)
{
	*r = (struct wn_reader){ .s = text, .len = len, .eof = true, .fd = -1 };
}

int wn_reader_fd(struct wn_reader *r, int fd, struct wn_err *err)
{
	*r = (struct wn_reader){ .fd = fd, .buf = malloc(WN_READER_WINDOW) };
	if (!r->buf)
		return wn_err_set(err, WN_ERR, "out of memory");
	r->s = r->buf;
	if (lseek(fd, 0, SEEK_SET) < 0)
		r->error = errno;
	return WN_OK;
}

void wn_reader_free(struct wn_reader *r)
{
	free(r->buf);
	*r = (struct wn_reader){ .fd = -1 };
}

/* Drops the bytes before pos, then reads until the window is full or
 * the file ends. */
static bool fill(struct wn_reader *r)
{
	size_t keep = r->len - r->pos;
	memmove(r->buf, r->buf + r->pos, keep);
	r->base += r->pos;
	r->pos = 0;
	r->len = keep;
	while (r->len < WN_READER_WINDOW && !r->eof) {
		ssize_t n = read(r->fd, r->buf + r->len, WN_READER_WINDOW - r->len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			r->error = errno;
			return false;
		}
		r->eof = n == 0;
		r->len += (size_t)n;
	}
	return true;
}

bool wn_reader_need(struct wn_reader *r, size_t n)
{
	if (r->error)
		return false;
	if (r->len - r->pos >= n || r->eof)
		return true;
	return fill(r);
}

bool wn_reader_seek(struct wn_reader *r, unsigned long long off)
{
	if (r->error)
		return false;
	if (r->fd < 0) {
		if (off > r->len)
			return false;
		r->pos = (size_t)off;
		return true;
	}
	if (off >= r->base && off <= r->base + r->len) {   /* in the window */
		r->pos = (size_t)(off - r->base);
		return true;
	}
	if (lseek(r->fd, (off_t)off, SEEK_SET) < 0) {
		r->error = errno;
		return false;
	}
	r->base = off;
	r->pos = r->len = 0;
	r->eof = false;
	return true;
}

unsigned long long wn_reader_offset(const struct wn_reader *r)
{
	return r->base + r->pos;
}

int wn_reader_peek(struct wn_reader *r)
{
	if (r->pos >= r->len && !wn_reader_need(r, 1))
		return -1;
	return r->pos < r->len ? (unsigned char)r->s[r->pos] : -1;
}

size_t wn_reader_whole(const struct wn_reader *r)
{
	if (r->eof)
		return r->len;
	for (size_t i = r->len; i > r->pos && r->len - i < 4; i--) {
		unsigned char c = (unsigned char)r->s[i - 1];
		if ((c & 0xC0) == 0x80)
			continue;                  /* a continuation byte */
		size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
		return r->len - (i - 1) < need ? i - 1 : r->len;
	}
	return r->len;
}
