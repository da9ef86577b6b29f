/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pagecrypt.c -- sealed pages and the header of an encrypted diary, over
 * libsodium: Argon2id for the key, XChaCha20-Poly1305 for each page.  See
 * core/pagecrypt.h for the layout. */
#include <string.h>

#include <sodium.h>

#include "core/pagecrypt.h"

/* Header layout (all integers little-endian):
 *   0  magic (21 bytes) + NUL padding to 32
 *  32  version (4) = 1
 *  36  page size (4) = WN_PC_PAGE
 *  40  Argon2id opslimit (8)
 *  48  Argon2id memlimit (8)
 *  56  file id (16)
 *  72  salt (16)
 *  88  check block: nonce (24), sealed 32 zero bytes (32 + 16)
 * 160  zeros to WN_PC_HEADER */
#define H_VERSION 32
#define H_PAGE 36
#define H_OPS 40
#define H_MEM 48
#define H_ID 56
#define H_SALT 72
#define H_CHECK 88
#define CHECK_PLAIN 32
#define CHECK_LEN (WN_PC_NONCE + CHECK_PLAIN + WN_PC_TAG)
#define OPS_MAX 20
#define MEM_MAX (1024ull * 1024 * 1024)

static void put64(unsigned char *p, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

static uint64_t get64(const unsigned char *p)
{
	uint64_t v = 0;
	for (int i = 7; i >= 0; i--)
		v = (v << 8) | p[i];
	return v;
}

bool wn_pc_is_encrypted(const unsigned char *head, size_t n)
{
	return n >= sizeof WN_PC_MAGIC - 1 && memcmp(head, WN_PC_MAGIC, sizeof WN_PC_MAGIC - 1) == 0;
}

/* The check block's associated data: the header up to the block. */
static int derive(const char *pass, const unsigned char *hdr, struct wn_pc_key *k)
{
	unsigned long long ops = get64(hdr + H_OPS);
	size_t mem = (size_t)get64(hdr + H_MEM);
	memcpy(k->id, hdr + H_ID, WN_PC_ID);
	return crypto_pwhash(k->key, WN_PC_KEY, pass, strlen(pass), hdr + H_SALT, ops, mem,
	                     crypto_pwhash_ALG_ARGON2ID13);
}

int wn_pc_header_new(const char *pass, unsigned long long ops, size_t mem,
                     unsigned char *hdr, struct wn_pc_key *k, struct wn_err *err)
{
	unsigned char plain[CHECK_PLAIN] = { 0 };
	if (sodium_init() < 0)
		return wn_err_set(err, WN_ERR, "cannot start the encryption library");
	if (!ops)
		ops = WN_PC_OPS;
	if (!mem)
		mem = WN_PC_MEM;
	memset(hdr, 0, WN_PC_HEADER);
	memcpy(hdr, WN_PC_MAGIC, sizeof WN_PC_MAGIC - 1);
	hdr[H_VERSION] = 1;
	hdr[H_PAGE] = WN_PC_PAGE & 0xff;
	hdr[H_PAGE + 1] = (WN_PC_PAGE >> 8) & 0xff;
	put64(hdr + H_OPS, ops);
	put64(hdr + H_MEM, mem);
	randombytes_buf(hdr + H_ID, WN_PC_ID);
	randombytes_buf(hdr + H_SALT, 16);
	if (derive(pass, hdr, k) != 0)
		return wn_err_set(err, WN_ERR, "not enough memory to derive the key");
	unsigned char *nonce = hdr + H_CHECK;
	randombytes_buf(nonce, WN_PC_NONCE);
	crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + WN_PC_NONCE, NULL, plain, sizeof plain,
	                                           hdr, H_CHECK, NULL, nonce, k->key);
	return WN_OK;
}

int wn_pc_header_open(const unsigned char *hdr, size_t n, const char *pass,
                      struct wn_pc_key *k, struct wn_err *err)
{
	unsigned char plain[CHECK_PLAIN];
	if (sodium_init() < 0)
		return wn_err_set(err, WN_ERR, "cannot start the encryption library");
	if (n < H_CHECK + CHECK_LEN || !wn_pc_is_encrypted(hdr, n))
		return wn_err_set(err, WN_DATAERR, "the diary is damaged (its header is not"
		                  " an encrypted diary's)");
	uint32_t version = hdr[H_VERSION] | (uint32_t)hdr[H_VERSION + 1] << 8 |
	                   (uint32_t)hdr[H_VERSION + 2] << 16 | (uint32_t)hdr[H_VERSION + 3] << 24;
	uint32_t page = hdr[H_PAGE] | (uint32_t)hdr[H_PAGE + 1] << 8 |
	                (uint32_t)hdr[H_PAGE + 2] << 16 | (uint32_t)hdr[H_PAGE + 3] << 24;
	uint64_t ops = get64(hdr + H_OPS), mem = get64(hdr + H_MEM);
	if (version != 1)
		return wn_err_set(err, WN_DATAERR, "the diary is encrypted in a format this wean"
		                  " does not know (version %u)", (unsigned)version);
	if (page != WN_PC_PAGE || ops < crypto_pwhash_OPSLIMIT_MIN || ops > OPS_MAX ||
	    mem < crypto_pwhash_MEMLIMIT_MIN || mem > MEM_MAX)
		return wn_err_set(err, WN_DATAERR, "the diary is damaged (its header's"
		                  " values are out of range)");
	if (derive(pass, hdr, k) != 0)
		return wn_err_set(err, WN_ERR, "not enough memory to derive the key");
	const unsigned char *nonce = hdr + H_CHECK;
	if (crypto_aead_xchacha20poly1305_ietf_decrypt(plain, NULL, NULL, nonce + WN_PC_NONCE,
	                                               CHECK_PLAIN + WN_PC_TAG, hdr, H_CHECK,
	                                               nonce, k->key) != 0) {
		sodium_memzero(k, sizeof *k);
		return wn_err_set(err, WN_NOPERM, "wrong passphrase; the diary is unchanged");
	}
	return WN_OK;
}

void wn_pc_header_clone(const unsigned char *hdr, unsigned char *out, struct wn_pc_key *k)
{
	unsigned char plain[CHECK_PLAIN] = { 0 };
	memcpy(out, hdr, WN_PC_HEADER);
	randombytes_buf(out + H_ID, WN_PC_ID);
	memcpy(k->id, out + H_ID, WN_PC_ID);
	unsigned char *nonce = out + H_CHECK;
	randombytes_buf(nonce, WN_PC_NONCE);
	crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + WN_PC_NONCE, NULL, plain, sizeof plain,
	                                           out, H_CHECK, NULL, nonce, k->key);
}

int wn_pc_header_same_key(const unsigned char *hdr, size_t n, const unsigned char *known_hdr,
                          const struct wn_pc_key *known, struct wn_pc_key *k)
{
	unsigned char plain[CHECK_PLAIN];
	/* the key depends on the passphrase, the salt and the cost only */
	if (sodium_init() < 0 || n < WN_PC_HEADER || !wn_pc_is_encrypted(hdr, n) ||
	    memcmp(hdr + H_VERSION, known_hdr + H_VERSION, H_ID - H_VERSION) != 0 ||
	    memcmp(hdr + H_SALT, known_hdr + H_SALT, 16) != 0)
		return -1;
	const unsigned char *nonce = hdr + H_CHECK;
	if (crypto_aead_xchacha20poly1305_ietf_decrypt(plain, NULL, NULL, nonce + WN_PC_NONCE,
	                                               CHECK_PLAIN + WN_PC_TAG, hdr, H_CHECK,
	                                               nonce, known->key) != 0)
		return -1;
	memcpy(k->key, known->key, WN_PC_KEY);
	memcpy(k->id, hdr + H_ID, WN_PC_ID);
	return 0;
}

void wn_pc_header_id(const unsigned char *hdr, unsigned char id[WN_PC_ID])
{
	memcpy(id, hdr + H_ID, WN_PC_ID);
}

int wn_pc_header_with_key(const unsigned char *hdr, size_t n,
                          const unsigned char key[WN_PC_KEY], struct wn_pc_key *k)
{
	unsigned char plain[CHECK_PLAIN];
	if (sodium_init() < 0 || n < WN_PC_HEADER || !wn_pc_is_encrypted(hdr, n))
		return -1;
	const unsigned char *nonce = hdr + H_CHECK;
	if (crypto_aead_xchacha20poly1305_ietf_decrypt(plain, NULL, NULL, nonce + WN_PC_NONCE,
	                                               CHECK_PLAIN + WN_PC_TAG, hdr, H_CHECK,
	                                               nonce, key) != 0)
		return -1;
	memcpy(k->key, key, WN_PC_KEY);
	memcpy(k->id, hdr + H_ID, WN_PC_ID);
	return 0;
}

/* id (16) || where (1) || pgno (4, LE) || extra (8 or zeros) */
static void ad_of(const struct wn_pc_key *k, enum wn_pc_where where, uint32_t pgno,
                  const unsigned char *extra, unsigned char ad[29])
{
	memcpy(ad, k->id, WN_PC_ID);
	ad[16] = (unsigned char)where;
	for (int i = 0; i < 4; i++)
		ad[17 + i] = (unsigned char)(pgno >> (8 * i));
	if (extra)
		memcpy(ad + 21, extra, 8);
	else
		memset(ad + 21, 0, 8);
}

#define BODY (WN_PC_PAGE - WN_PC_RESERVE)

void wn_pc_seal(const struct wn_pc_key *k, enum wn_pc_where where, uint32_t pgno,
                const unsigned char *extra, unsigned char *page)
{
	unsigned char ad[29];
	unsigned char *nonce = page + BODY, *tag = nonce + WN_PC_NONCE;
	ad_of(k, where, pgno, extra, ad);
	randombytes_buf(nonce, WN_PC_NONCE);
	crypto_aead_xchacha20poly1305_ietf_encrypt_detached(page, tag, NULL, page, BODY, ad,
	                                                    sizeof ad, NULL, nonce, k->key);
}

int wn_pc_open(const struct wn_pc_key *k, enum wn_pc_where where, uint32_t pgno,
               const unsigned char *extra, unsigned char *page)
{
	unsigned char ad[29];
	unsigned char *nonce = page + BODY, *tag = nonce + WN_PC_NONCE;
	ad_of(k, where, pgno, extra, ad);
	/* in place: libsodium checks the tag before it decrypts, and a page
	 * whose tag fails is zeroed, never handed over half opened (no copy
	 * of the plain text is left in a buffer of ours to wipe either) */
	if (crypto_aead_xchacha20poly1305_ietf_decrypt_detached(page, NULL, page, BODY, tag, ad,
	                                                        sizeof ad, nonce, k->key) != 0) {
		memset(page, 0, WN_PC_PAGE);
		return -1;
	}
	memset(page + BODY, 0, WN_PC_RESERVE);
	return 0;
}
