/* SPDX-License-Identifier: GPL-3.0-or-later */
/* text_samples.h -- awkward text for the unit tests of the text modules
 * (test_text.c, test_wrap.c): a fixed-seed generator of random UTF-8 and
 * not-quite-UTF-8 strings, and long repeated strings.  Header-only, for
 * tests only. */
#ifndef WEAN_TEXT_SAMPLES_H
#define WEAN_TEXT_SAMPLES_H

#include <criterion/criterion.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static uint32_t rng_state = 0x9E3779B9u;

static inline uint32_t rng(void)
{
	uint32_t x = rng_state;
	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return rng_state = x;
}

/* A random NUL-free string built from awkward fragments and raw bytes. */
static inline size_t random_text(char *buf, size_t cap)
{
	static const char *const frag[] = {
		"a", "Z", " ", "  ", "\t", "\n", "é", "—", "日", "本",
		"😀", "e\xCC\x81", "\xCC\x81", "\xE2\x80\x8D", "\x1b[31m",
		"\xC2\x9B", "\xE2\x80\xAE", "\xE2\x81\xA6", "\x7F", "\r",
		"\xC3", "\xFF", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80",
		"\xF0\x9F\x98", "\x80", "…", "“", "ß", "한",
	};
	size_t n = 0, parts = rng() % 24;

	for (size_t i = 0; i < parts; i++) {
		char tmp[2] = { (char)(1 + rng() % 255), 0 };
		const char *f = (rng() % 5 == 0) ? tmp : frag[rng() % (sizeof frag / sizeof frag[0])];
		size_t k = strlen(f);
		if (n + k + 1 > cap)
			break;
		memcpy(buf + n, f, k);
		n += k;
	}
	buf[n] = '\0';
	return n;
}

/* unit repeated to total bytes (cut to whole units); the caller frees. */
static inline char *repeat(const char *unit, size_t total)
{
	size_t k = strlen(unit), n = total / k;
	char *s = malloc(n * k + 1);
	cr_assert(s);
	for (size_t i = 0; i < n; i++)
		memcpy(s + i * k, unit, k);
	s[n * k] = '\0';
	return s;
}

#endif
