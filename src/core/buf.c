/* SPDX-License-Identifier: GPL-3.0-or-later */
/* buf.c -- growable arrays and the string buffer; see core/buf.h. */
#include "core/buf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char buf_empty[1];

void wn_buf_init(struct wn_buf *b)
{
	b->s = buf_empty;
	b->len = 0;
	b->cap = 0;
	b->failed = false;
}

void wn_buf_free(struct wn_buf *b)
{
	if (b->cap)
		free(b->s);
	wn_buf_init(b);
}

void wn_buf_reset(struct wn_buf *b)
{
	b->len = 0;
	b->failed = false;
	if (b->cap)
		b->s[0] = '\0';
	else
		b->s = buf_empty;
}

int wn_buf_grow(void **arr, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return 0;
	size_t nc = *cap ? *cap * 2 : 16;
	if (nc > SIZE_MAX / size)
		return -1;
	void *p = realloc(*arr, nc * size);
	if (!p)
		return -1;
	*arr = p;
	*cap = nc;
	return 0;
}

int wn_buf_reserve(struct wn_buf *b, size_t extra)
{
	if (b->failed)
		return WN_ERR;
	if (b->cap && extra < b->cap - b->len)
		return WN_OK;
	if (extra > SIZE_MAX / 4 - b->len) {
		b->failed = true;
		return WN_ERR;
	}
	size_t need = b->len + extra + 1, cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap *= 2;
	char *p = realloc(b->cap ? b->s : NULL, cap);
	if (!p) {
		b->failed = true;
		return WN_ERR;
	}
	if (!b->cap)
		p[0] = '\0';
	b->s = p;
	b->cap = cap;
	return WN_OK;
}

int wn_buf_add(struct wn_buf *b, const char *s, size_t len)
{
	if (wn_buf_reserve(b, len) != WN_OK)
		return WN_ERR;
	if (len)
		memcpy(b->s + b->len, s, len);
	b->len += len;
	b->s[b->len] = '\0';
	return WN_OK;
}

int wn_buf_adds(struct wn_buf *b, const char *s)
{
	return wn_buf_add(b, s, strlen(s));
}

int wn_buf_addc(struct wn_buf *b, char c)
{
	return wn_buf_add(b, &c, 1);
}

int wn_buf_vaddf(struct wn_buf *b, const char *fmt, va_list ap)
{
	va_list ap2;

	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0 || wn_buf_reserve(b, (size_t)n) != WN_OK)
		return WN_ERR;
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	return WN_OK;
}

int wn_buf_addf(struct wn_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int rc = wn_buf_vaddf(b, fmt, ap);
	va_end(ap);
	return rc;
}

char *wn_buf_detach(struct wn_buf *b)
{
	char *s = NULL;

	if (!b->failed) {
		if (b->cap) {
			s = b->s;
			b->cap = 0;  /* so that wn_buf_free leaves it alone */
		} else {
			s = calloc(1, 1);
		}
	}
	wn_buf_free(b);
	return s;
}

int wn_buf_spaces(struct wn_buf *b, int n)
{
	static const char spaces[] = "                                ";

	while (n > 0) {
		int k = n < (int)sizeof spaces - 1 ? n : (int)sizeof spaces - 1;
		wn_buf_add(b, spaces, (size_t)k);
		n -= k;
	}
	return b->failed ? WN_ERR : WN_OK;
}
