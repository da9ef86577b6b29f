/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_age.c -- unit tests for age.c (suite "age"): Bech32 keys against
 * the format's published example pair, files written and read back across
 * the 64 KiB chunk edges, passphrases, and damaged or cut files refused.
 * tests/age/interop.sh checks the same files with the real `age` tool. */
#include <criterion/criterion.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "core/age.h"

/* The example identity and recipient of the age specification. */
#define SPEC_ID "AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX"
#define SPEC_PK "age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj"

static int to_buf(void *ctx, const void *p, size_t n)
{
	return wn_buf_add(ctx, p, n) == WN_OK ? 0 : -1;
}

/* True when the n bytes at p hold the text s. */
static bool holds(const char *p, size_t n, const char *s)
{
	size_t k = strlen(s);
	for (size_t i = 0; i + k <= n; i++)
		if (memcmp(p + i, s, k) == 0)
			return true;
	return false;
}

static void init(void)
{
	cr_assert_eq(wn_age_init(), 0);
}

TestSuite(age, .init = init);

Test(age, spec_example_pair)
{
	unsigned char sk[32], pk[32], pk2[32];
	char text[WN_AGE_TEXT_MAX];
	struct wn_err err = { 0 };
	cr_assert_eq(wn_age_parse_identity(SPEC_ID, sk, &err), WN_OK, "%s", err.msg);
	cr_assert_eq(wn_age_parse_recipient(SPEC_PK, pk, &err), WN_OK, "%s", err.msg);
	crypto_scalarmult_base(pk2, sk);
	cr_assert(memcmp(pk, pk2, 32) == 0, "the identity's public key is the recipient");
	wn_age_format_recipient(pk, text);
	cr_assert_str_eq(text, SPEC_PK);
	wn_age_format_identity(sk, text);
	cr_assert_str_eq(text, SPEC_ID);
}

Test(age, bad_recipients)
{
	unsigned char pk[32];
	struct wn_err err = { 0 };
	/* a changed character breaks the checksum */
	cr_assert_eq(wn_age_parse_recipient("age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwk",
	                                    pk, &err), WN_USAGE);
	cr_assert(strstr(err.msg, "checksum"), "%s", err.msg);
	cr_assert_eq(wn_age_parse_recipient("age1ZVKYG2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj",
	                                    pk, &err), WN_USAGE);
	cr_assert_eq(wn_age_parse_recipient("ssh-ed25519 AAAA", pk, &err), WN_USAGE);
	cr_assert(strstr(err.msg, "not an age recipient"), "%s", err.msg);
	cr_assert_eq(wn_age_parse_recipient("", pk, &err), WN_USAGE);
	cr_assert_eq(wn_age_parse_recipient(SPEC_ID, pk, &err), WN_USAGE);
	/* all capitals is the same key */
	char up[WN_AGE_TEXT_MAX];
	strcpy(up, SPEC_PK);
	for (char *p = up; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	cr_assert_eq(wn_age_parse_recipient(up, pk, &err), WN_OK, "%s", err.msg);
}

/* Encrypts n pseudo-random bytes for pk, or with pass when pk is NULL. */
static void seal(const unsigned char *pk, const char *pass, const unsigned char *data,
                 size_t n, size_t piece, struct wn_buf *out)
{
	struct wn_age *a;
	struct wn_err err = { 0 };
	struct wn_age_sink sink = { to_buf, out };
	int rc = pk ? wn_age_open_x25519(&a, (const unsigned char (*)[32])pk, 1, sink, &err)
	            : wn_age_open_scrypt(&a, pass, strlen(pass), 10, sink, &err);
	cr_assert_eq(rc, WN_OK, "%s", err.msg);
	for (size_t i = 0; i < n; i += piece)
		cr_assert_eq(wn_age_write(a, data + i, n - i < piece ? n - i : piece, &err), WN_OK);
	cr_assert_eq(wn_age_close(a, &err), WN_OK, "%s", err.msg);
}

Test(age, round_trip_across_chunks)
{
	unsigned char sk[32], pk[32];
	static const size_t sizes[] = { 0, 1, 65535, 65536, 65537, 131072, 200000 };
	size_t big = 200000;
	unsigned char *data = malloc(big);
	cr_assert_not_null(data);
	randombytes_buf(sk, sizeof sk);
	crypto_scalarmult_base(pk, sk);
	randombytes_buf(data, big);
	for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
		struct wn_buf enc, dec;
		struct wn_err err = { 0 };
		wn_buf_init(&enc);
		wn_buf_init(&dec);
		seal(pk, NULL, data, sizes[k], 7000, &enc);
		size_t chunks = sizes[k] == 0 ? 1 : (sizes[k] + 65535) / 65536;
		cr_assert(strncmp(enc.s, "age-encryption.org/v1\n-> X25519 ", 32) == 0);
		/* header, 16-byte nonce, each chunk 16 bytes longer */
		const char *mac = strstr(enc.s, "\n--- ");
		cr_assert_not_null(mac);
		size_t head = (size_t)(mac - enc.s) + 5 + 43 + 1;
		cr_assert_eq(enc.len, head + 16 + sizes[k] + 16 * chunks, "size %zu", sizes[k]);
		cr_assert_eq(wn_age_decrypt((unsigned char *)enc.s, enc.len, sk, NULL, &dec, &err),
		             WN_OK, "size %zu: %s", sizes[k], err.msg);
		cr_assert_eq(dec.len, sizes[k]);
		cr_assert(sizes[k] == 0 || memcmp(dec.s, data, sizes[k]) == 0);
		wn_buf_free(&enc);
		wn_buf_free(&dec);
	}
	free(data);
}

Test(age, two_recipients)
{
	unsigned char sk[2][32], pk[2][32];
	struct wn_buf enc, dec;
	struct wn_age *a;
	struct wn_err err = { 0 };
	for (int i = 0; i < 2; i++) {
		randombytes_buf(sk[i], 32);
		crypto_scalarmult_base(pk[i], sk[i]);
	}
	wn_buf_init(&enc);
	cr_assert_eq(wn_age_open_x25519(&a, (const unsigned char (*)[32])pk, 2,
	                                (struct wn_age_sink){ to_buf, &enc }, &err), WN_OK);
	cr_assert_eq(wn_age_write(a, "two readers", 11, &err), WN_OK);
	cr_assert_eq(wn_age_close(a, &err), WN_OK);
	for (int i = 0; i < 2; i++) {
		wn_buf_init(&dec);
		cr_assert_eq(wn_age_decrypt((unsigned char *)enc.s, enc.len, sk[i], NULL, &dec, &err),
		             WN_OK, "%s", err.msg);
		cr_assert_str_eq(dec.s, "two readers");
		wn_buf_free(&dec);
	}
	unsigned char other[32];
	randombytes_buf(other, 32);
	wn_buf_init(&dec);
	cr_assert_eq(wn_age_decrypt((unsigned char *)enc.s, enc.len, other, NULL, &dec, &err),
	             WN_NOPERM);
	wn_buf_free(&dec);
	wn_buf_free(&enc);
}

Test(age, passphrase)
{
	struct wn_buf enc, dec;
	struct wn_err err = { 0 };
	const char *text = "2026-12-05 felt foggy; canary-4711";
	wn_buf_init(&enc);
	wn_buf_init(&dec);
	seal(NULL, "correct horse", (const unsigned char *)text, strlen(text), 5, &enc);
	cr_assert(strstr(enc.s, "\n-> scrypt ") != NULL);
	cr_assert(!holds(enc.s, enc.len, "canary"), "no plain text in the file");
	cr_assert_eq(wn_age_decrypt((unsigned char *)enc.s, enc.len, NULL, "wrong horse", &dec,
	                            &err), WN_NOPERM);
	cr_assert(strstr(err.msg, "wrong passphrase"), "%s", err.msg);
	cr_assert_eq(wn_age_decrypt((unsigned char *)enc.s, enc.len, NULL, "correct horse", &dec,
	                            &err), WN_OK, "%s", err.msg);
	cr_assert_str_eq(dec.s, text);
	wn_buf_free(&enc);
	wn_buf_free(&dec);
}

Test(age, damaged_files_refused)
{
	unsigned char sk[32], pk[32];
	unsigned char data[70000];
	struct wn_buf enc, dec;
	struct wn_err err = { 0 };
	randombytes_buf(sk, sizeof sk);
	crypto_scalarmult_base(pk, sk);
	memset(data, 'x', sizeof data);
	wn_buf_init(&enc);
	seal(pk, NULL, data, sizeof data, sizeof data, &enc);
	size_t head = (size_t)(strstr(enc.s, "\n--- ") - enc.s) + 5 + 43 + 1;
	struct { size_t at; size_t cut; const char *what; } cases[] = {
		{ enc.len - 1, 0, "last byte flipped" },
		{ head + 20, 0, "first chunk flipped" },
		{ head + 3, 0, "payload nonce flipped" },
		{ 30, 0, "stanza flipped" },
		{ 0, 65536 + 16 - 100, "last chunk cut off partly" },
		{ 0, 70000 - 65536 + 16, "last chunk cut off whole" },
		{ 0, enc.len - head + 1, "header cut" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct wn_buf bad;
		wn_buf_init(&bad);
		wn_buf_add(&bad, enc.s, enc.len - cases[i].cut);
		if (!cases[i].cut)
			bad.s[cases[i].at] ^= 0x20;
		wn_buf_init(&dec);
		int rc = wn_age_decrypt((unsigned char *)bad.s, bad.len, sk, NULL, &dec, &err);
		cr_assert(rc == WN_DATAERR || rc == WN_NOPERM, "%s: rc %d", cases[i].what, rc);
		wn_buf_free(&dec);
		wn_buf_free(&bad);
	}
	wn_buf_init(&dec);
	cr_assert_eq(wn_age_decrypt((const unsigned char *)"hello\n", 6, sk, NULL, &dec, &err),
	             WN_DATAERR);
	cr_assert(strstr(err.msg, "not an age file"), "%s", err.msg);
	wn_buf_free(&dec);
	wn_buf_free(&enc);
}
