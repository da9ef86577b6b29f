/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_buf.c -- unit tests for buf.c (suite "buf"): the string buffer and
 * growable arrays. */
#include <criterion/criterion.h>

#include <stdlib.h>
#include <string.h>

#include "core/buf.h"

#define MB (1024 * 1024)

Test(buf, basics)
{
	struct wn_buf b;

	wn_buf_init(&b);
	cr_expect_str_eq(b.s, "");
	cr_expect_eq(b.len, 0);
	cr_expect_eq(wn_buf_adds(&b, "abc"), WN_OK);
	cr_expect_eq(wn_buf_addc(&b, 'd'), WN_OK);
	cr_expect_eq(wn_buf_addf(&b, "%d-%s", 42, "x"), WN_OK);
	cr_expect_str_eq(b.s, "abcd42-x");
	cr_expect_eq(b.len, 8);
	wn_buf_reset(&b);
	cr_expect_str_eq(b.s, "");
	cr_expect_eq(wn_buf_add(&b, "a\0b", 3), WN_OK);
	cr_expect_eq(b.len, 3);
	cr_expect_eq(memcmp(b.s, "a\0b", 4), 0);
	char *s = wn_buf_detach(&b);
	cr_assert(s);
	cr_expect_eq(memcmp(s, "a\0b", 4), 0);
	free(s);
	cr_expect_str_eq(b.s, "");
	cr_expect_eq(b.len, 0);
	s = wn_buf_detach(&b);  /* empty: still a string to free */
	cr_assert(s);
	cr_expect_str_eq(s, "");
	free(s);
	wn_buf_free(&b);
}

Test(buf, zeroed_and_large)
{
	struct wn_buf b = { 0 };
	char big[5000];

	memset(big, 'q', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	cr_expect_eq(wn_buf_addf(&b, "<%s>", big), WN_OK);
	cr_expect_eq(b.len, sizeof big + 1);
	cr_expect_eq(b.s[0], '<');
	cr_expect_eq(b.s[b.len - 1], '>');
	cr_expect_eq(b.s[b.len], '\0');
	for (int i = 0; i < MB; i++)
		wn_buf_addc(&b, (char)('a' + i % 26));
	cr_expect_not(b.failed);
	cr_expect_eq(b.len, sizeof big + 1 + MB);
	cr_expect_eq(b.s[b.len - 1], (char)('a' + (MB - 1) % 26));
	wn_buf_free(&b);
	cr_expect_eq(b.len, 0);
	cr_expect_str_eq(b.s, "");
}
