/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_crypt.c -- libFuzzer harness: the parsers of encrypted files, the
 * encrypted diary's header (wn_pc_header_open) and age files
 * (wn_age_decrypt).
 *
 * The first byte picks the parser.  For a diary header, the key
 * derivation's cost fields are lowered to libsodium's minimum before the
 * call when they are in range (the fuzzer would otherwise spend its time
 * in Argon2id); the corpus holds a real header for the passphrase "fuzz".
 * For an age file, an X25519 identity is tried (never a passphrase: no
 * scrypt).  Checked: no crash, no leak, a header that opens gives a key
 * whose id is the header's, a decrypted file is never longer than its
 * input.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/age.h"
#include "core/buf.h"
#include "core/pagecrypt.h"
#include "fuzz_common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	wn_fuzz_init();
	return wn_age_init();
}

static void header(const uint8_t *data, size_t size)
{
	unsigned char hdr[WN_PC_HEADER];
	struct wn_pc_key k;
	struct wn_err err = { 0 };
	size_t n = size < sizeof hdr ? size : sizeof hdr;
	memset(hdr, 0, sizeof hdr);
	memcpy(hdr, data, n);
	/* cost fields (little-endian at 40 and 48) lowered when small */
	if (n >= 56 && hdr[44] == 0 && hdr[45] == 0 && hdr[46] == 0 && hdr[47] == 0 &&
	    hdr[52] == 0 && hdr[53] == 0 && hdr[54] == 0 && hdr[55] == 0) {
		hdr[40] = hdr[40] ? 1 : 0;
		hdr[41] = hdr[42] = hdr[43] = 0;
		if (hdr[48] | hdr[49] | hdr[50] | hdr[51]) {
			hdr[48] = 0;
			hdr[49] = 0x20;       /* 8 KiB */
			hdr[50] = hdr[51] = 0;
		}
	}
	int rc = wn_pc_header_open(hdr, n, "fuzz", &k, &err);
	WN_FUZZ_CHECK(rc == WN_OK || rc == WN_NOPERM || rc == WN_DATAERR || rc == WN_ERR,
	              "header_open rc %d", rc);
	if (rc == WN_OK)
		WN_FUZZ_CHECK(memcmp(k.id, hdr + 56, WN_PC_ID) == 0, "key id differs from header");
}

static void age_file(const uint8_t *data, size_t size)
{
	static const unsigned char sk[32] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
	                                      15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26,
	                                      27, 28, 29, 30, 31, 32 };
	struct wn_buf out;
	struct wn_err err = { 0 };
	wn_buf_init(&out);
	int rc = wn_age_decrypt(data, size, sk, NULL, &out, &err);
	WN_FUZZ_CHECK(rc == WN_OK || rc == WN_NOPERM || rc == WN_DATAERR, "age rc %d", rc);
	if (rc == WN_OK)
		WN_FUZZ_CHECK(out.len <= size, "decrypted %zu bytes from %zu", out.len, size);
	wn_buf_free(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	if (data[0] & 1)
		header(data + 1, size - 1);
	else
		age_file(data + 1, size - 1);
	return 0;
}
