/* SPDX-License-Identifier: GPL-3.0-or-later */
/* age.c -- the age v1 file format (age-encryption.org/v1, c2sp.org/age)
 * over libsodium: X25519 and scrypt stanzas, the header MAC, and the
 * ChaCha20-Poly1305 STREAM payload in 64 KiB chunks.  See core/age.h. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "core/age.h"

#define CHUNK 65536
#define TAG crypto_aead_chacha20poly1305_ietf_ABYTES
#define FILE_KEY 16
#define NONCE 16
#define VERSION_LINE "age-encryption.org/v1\n"
#define SCRYPT_LABEL "age-encryption.org/v1/scrypt"
#define X25519_INFO "age-encryption.org/v1/X25519"

int wn_age_init(void)
{
	return sodium_init() < 0 ? -1 : 0;
}

/* ---- HKDF-SHA-256 (RFC 5869), 32 bytes of output ----------------------- */

static void hkdf(unsigned char out[32], const unsigned char *ikm, size_t ikm_len,
                 const unsigned char *salt, size_t salt_len, const char *info)
{
	static const unsigned char none[1];
	unsigned char prk[32], one = 1;
	crypto_auth_hmacsha256_state st;
	crypto_auth_hmacsha256_init(&st, salt ? salt : none, salt_len);   /* never NULL */
	crypto_auth_hmacsha256_update(&st, ikm, ikm_len);
	crypto_auth_hmacsha256_final(&st, prk);
	crypto_auth_hmacsha256_init(&st, prk, sizeof prk);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)info, strlen(info));
	crypto_auth_hmacsha256_update(&st, &one, 1);
	crypto_auth_hmacsha256_final(&st, out);
	sodium_memzero(prk, sizeof prk);
	sodium_memzero(&st, sizeof st);
}

/* ---- base64 without padding (canonical) --------------------------------- */

static const char B64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int b64_add(struct wn_buf *b, const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i += 3) {
		uint32_t v = (uint32_t)p[i] << 16;
		size_t k = n - i < 3 ? n - i : 3;
		if (k > 1)
			v |= (uint32_t)p[i + 1] << 8;
		if (k > 2)
			v |= p[i + 2];
		for (size_t j = 0; j < k + 1; j++)
			wn_buf_addc(b, B64[(v >> (18 - 6 * j)) & 63]);
	}
	return b->failed ? -1 : 0;
}

static int b64_val(char c)
{
	const char *q = c ? strchr(B64, c) : NULL;
	return q ? (int)(q - B64) : -1;
}

/* Decodes exactly want bytes from s[0..len); -1 unless canonical. */
static int b64_get(const char *s, size_t len, unsigned char *out, size_t want)
{
	if (len != (want * 4 + 2) / 3)
		return -1;
	uint32_t acc = 0;
	int bits = 0;
	size_t o = 0;
	for (size_t i = 0; i < len; i++) {
		int v = b64_val(s[i]);
		if (v < 0)
			return -1;
		acc = (acc << 6) | (uint32_t)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			if (o < want)
				out[o++] = (unsigned char)(acc >> bits);
			acc &= (1u << bits) - 1;
		}
	}
	return o == want && acc == 0 ? 0 : -1;   /* leftover bits must be zero */
}

/* ---- Bech32 (BIP 173, no length limit) ---------------------------------- */

static const char B32[] = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

static uint32_t polymod_step(uint32_t c, unsigned v)
{
	static const uint32_t gen[5] = { 0x3b6a57b2, 0x26508e6d, 0x1ea119fa,
	                                 0x3d4233dd, 0x2a1462b3 };
	uint32_t top = c >> 25;
	c = ((c & 0x1ffffff) << 5) ^ v;
	for (int i = 0; i < 5; i++)
		if ((top >> i) & 1)
			c ^= gen[i];
	return c;
}

static uint32_t polymod_hrp(const char *hrp)
{
	uint32_t c = 1;
	for (const char *p = hrp; *p; p++)
		c = polymod_step(c, (unsigned char)*p >> 5);
	c = polymod_step(c, 0);
	for (const char *p = hrp; *p; p++)
		c = polymod_step(c, (unsigned char)*p & 31);
	return c;
}

/* hrp (lower case) + 32 bytes -> text; upper makes it all capitals. */
static void bech32_format(const char *hrp, const unsigned char key[32], bool upper, char *out)
{
	unsigned char d[64];
	size_t nd = 0;
	uint32_t acc = 0;
	int bits = 0;
	for (int i = 0; i < 32; i++) {
		acc = (acc << 8) | key[i];
		bits += 8;
		while (bits >= 5) {
			bits -= 5;
			d[nd++] = (acc >> bits) & 31;
		}
	}
	if (bits)
		d[nd++] = (acc << (5 - bits)) & 31;
	uint32_t c = polymod_hrp(hrp);
	for (size_t i = 0; i < nd; i++)
		c = polymod_step(c, d[i]);
	for (int i = 0; i < 6; i++)
		c = polymod_step(c, 0);
	c ^= 1;
	size_t o = 0;
	for (const char *p = hrp; *p; p++)
		out[o++] = *p;
	out[o++] = '1';
	for (size_t i = 0; i < nd; i++)
		out[o++] = B32[d[i]];
	for (int i = 0; i < 6; i++)
		out[o++] = B32[(c >> (5 * (5 - i))) & 31];
	out[o] = '\0';
	if (upper)
		for (size_t i = 0; i < o; i++)
			if (out[i] >= 'a' && out[i] <= 'z')
				out[i] = (char)(out[i] - 'a' + 'A');
}

/* text -> 32 bytes when its human part is hrp (lower case): 0, or -1 (not
 * that kind), -2 (the checksum or the data is wrong). */
static int bech32_parse(const char *s, const char *hrp, unsigned char key[32])
{
	char low[WN_AGE_TEXT_MAX];
	size_t n = strlen(s);
	bool lo = false, up = false;
	if (n >= sizeof low)
		return -1;
	for (size_t i = 0; i <= n; i++) {
		char c = s[i];
		lo |= c >= 'a' && c <= 'z';
		up |= c >= 'A' && c <= 'Z';
		low[i] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
	}
	size_t h = strlen(hrp);
	if (n < h + 7 || strncmp(low, hrp, h) != 0 || low[h] != '1')
		return -1;
	if (lo && up)
		return -2;
	uint32_t c = polymod_hrp(hrp), acc = 0;
	int bits = 0;
	size_t o = 0;
	for (size_t i = h + 1; i < n; i++) {
		const char *q = strchr(B32, low[i]);
		if (!q || !low[i])
			return -2;
		unsigned v = (unsigned)(q - B32);
		c = polymod_step(c, v);
		if (i >= n - 6)
			continue;
		acc = (acc << 5) | v;
		bits += 5;
		if (bits >= 8) {
			bits -= 8;
			if (o == 32)
				return -2;
			key[o++] = (unsigned char)(acc >> bits);
			acc &= (1u << bits) - 1;
		}
	}
	if (c != 1 || o != 32 || bits >= 5 || acc != 0)
		return -2;
	return 0;
}

int wn_age_parse_recipient(const char *s, unsigned char pk[32], struct wn_err *err)
{
	int r = bech32_parse(s, "age", pk);
	if (r == -1)
		return wn_err_set(err, WN_USAGE, "'%.60s' is not an age recipient"
		                  " (a public key that starts with age1)", s);
	if (r < 0)
		return wn_err_set(err, WN_USAGE, "the age recipient '%.70s' is damaged"
		                  " (its checksum does not match)", s);
	return WN_OK;
}

int wn_age_parse_identity(const char *s, unsigned char sk[32], struct wn_err *err)
{
	int r = bech32_parse(s, "age-secret-key-", sk);
	if (r == -1)
		return wn_err_set(err, WN_USAGE, "not an age identity"
		                  " (a secret key that starts with AGE-SECRET-KEY-1)");
	if (r < 0)
		return wn_err_set(err, WN_USAGE, "the age identity is damaged"
		                  " (its checksum does not match)");
	return WN_OK;
}

void wn_age_format_recipient(const unsigned char pk[32], char *out)
{
	bech32_format("age", pk, false, out);
}

void wn_age_format_identity(const unsigned char sk[32], char *out)
{
	bech32_format("age-secret-key-", sk, true, out);
}

/* ---- writing ------------------------------------------------------------ */

struct wn_age {
	struct wn_age_sink sink;
	unsigned char key[32];          /* the payload key */
	uint64_t counter;
	size_t len;
	unsigned char buf[CHUNK];
	unsigned char sealed[CHUNK + TAG];
};

static int sink_write(struct wn_age *a, const void *p, size_t n, struct wn_err *err)
{
	if (a->sink.write(a->sink.ctx, p, n) != 0)
		return wn_err_set(err, WN_IOERR, "cannot write the encrypted output: %s",
		                  strerror(errno));
	return WN_OK;
}

static void stream_nonce(unsigned char n[12], uint64_t counter, bool last)
{
	memset(n, 0, 12);
	for (int i = 0; i < 8; i++)
		n[10 - i] = (unsigned char)(counter >> (8 * i));
	n[11] = last ? 1 : 0;
}

static int seal_chunk(struct wn_age *a, bool last, struct wn_err *err)
{
	unsigned char nonce[12];
	unsigned long long clen;
	stream_nonce(nonce, a->counter, last);
	crypto_aead_chacha20poly1305_ietf_encrypt(a->sealed, &clen, a->buf, a->len,
	                                          NULL, 0, NULL, nonce, a->key);
	a->counter++;
	a->len = 0;
	return sink_write(a, a->sealed, (size_t)clen, err);
}

/* One stanza: "-> ARGS\n" then the body in base64, 64 columns a line, the
 * last line always shorter than 64 (empty when the body fills its lines). */
static void add_stanza(struct wn_buf *h, const char *args, const unsigned char *body, size_t n)
{
	struct wn_buf t;
	wn_buf_init(&t);
	b64_add(&t, body, n);
	wn_buf_addf(h, "-> %s\n", args);
	size_t i = 0;
	for (; t.len - i >= 64; i += 64) {
		wn_buf_add(h, t.s + i, 64);
		wn_buf_addc(h, '\n');
	}
	wn_buf_add(h, t.len > i ? t.s + i : "", t.len - i);
	wn_buf_addc(h, '\n');
	if (t.failed)
		h->failed = true;
	wn_buf_free(&t);
}

static void wrap_key(unsigned char body[FILE_KEY + TAG], const unsigned char wk[32],
                     const unsigned char fk[FILE_KEY])
{
	static const unsigned char zero[12];
	crypto_aead_chacha20poly1305_ietf_encrypt(body, NULL, fk, FILE_KEY, NULL, 0, NULL,
	                                          zero, wk);
}

/* Finishes the header begun in h (the stanzas), writes it and the payload
 * nonce, and makes the writer. */
static int open_with(struct wn_age **out, struct wn_buf *h, const unsigned char fk[FILE_KEY],
                     struct wn_age_sink sink, struct wn_err *err)
{
	unsigned char mk[32], mac[32], nonce[NONCE];
	struct wn_age *a = NULL;
	int rc = WN_OK;
	*out = NULL;
	wn_buf_adds(h, "---");
	if (h->failed || !(a = sodium_malloc(sizeof *a))) {
		rc = wn_err_set(err, WN_ERR, "out of memory");
		goto done;
	}
	memset(a, 0, sizeof *a);
	a->sink = sink;
	hkdf(mk, fk, FILE_KEY, NULL, 0, "header");
	crypto_auth_hmacsha256(mac, (const unsigned char *)h->s, h->len, mk);
	wn_buf_addc(h, ' ');
	b64_add(h, mac, sizeof mac);
	wn_buf_addc(h, '\n');
	randombytes_buf(nonce, sizeof nonce);
	hkdf(a->key, fk, FILE_KEY, nonce, sizeof nonce, "payload");
	if (h->failed)
		rc = wn_err_set(err, WN_ERR, "out of memory");
	else if ((rc = sink_write(a, h->s, h->len, err)) == WN_OK)
		rc = sink_write(a, nonce, sizeof nonce, err);
done:
	sodium_memzero(mk, sizeof mk);
	if (rc == WN_OK)
		*out = a;
	else if (a)
		wn_age_abandon(a);
	return rc;
}

int wn_age_open_x25519(struct wn_age **out, const unsigned char (*pks)[32], size_t n,
                       struct wn_age_sink sink, struct wn_err *err)
{
	unsigned char fk[FILE_KEY];
	struct wn_buf h;
	int rc = WN_OK;
	*out = NULL;
	if (n == 0)
		return wn_err_set(err, WN_USAGE, "no age recipient given");
	randombytes_buf(fk, sizeof fk);
	wn_buf_init(&h);
	wn_buf_adds(&h, VERSION_LINE);
	for (size_t i = 0; i < n && rc == WN_OK; i++) {
		unsigned char e[32], share[32], shared[32], salt[64], wk[32], body[FILE_KEY + TAG];
		struct wn_buf args;
		randombytes_buf(e, sizeof e);
		crypto_scalarmult_base(share, e);
		if (crypto_scalarmult(shared, e, pks[i]) != 0)
			rc = wn_err_set(err, WN_USAGE, "age recipient %zu is not a usable key", i + 1);
		memcpy(salt, share, 32);
		memcpy(salt + 32, pks[i], 32);
		hkdf(wk, shared, sizeof shared, salt, sizeof salt, X25519_INFO);
		wrap_key(body, wk, fk);
		wn_buf_init(&args);
		wn_buf_adds(&args, "X25519 ");
		b64_add(&args, share, sizeof share);
		if (rc == WN_OK)
			add_stanza(&h, args.s ? args.s : "", body, sizeof body);
		wn_buf_free(&args);
		sodium_memzero(e, sizeof e);
		sodium_memzero(shared, sizeof shared);
		sodium_memzero(wk, sizeof wk);
	}
	if (rc == WN_OK)
		rc = open_with(out, &h, fk, sink, err);
	sodium_memzero(fk, sizeof fk);
	wn_buf_free(&h);
	return rc;
}

static int scrypt_key(unsigned char wk[32], const char *pass, size_t len,
                      const unsigned char salt[16], int log2n)
{
	unsigned char s[sizeof SCRYPT_LABEL - 1 + 16];
	memcpy(s, SCRYPT_LABEL, sizeof SCRYPT_LABEL - 1);
	memcpy(s + sizeof SCRYPT_LABEL - 1, salt, 16);
	return crypto_pwhash_scryptsalsa208sha256_ll((const uint8_t *)pass, len, s, sizeof s,
	                                             (uint64_t)1 << log2n, 8, 1, wk, 32);
}

int wn_age_open_scrypt(struct wn_age **out, const char *pass, size_t len, int log2n,
                       struct wn_age_sink sink, struct wn_err *err)
{
	unsigned char fk[FILE_KEY], salt[16], wk[32], body[FILE_KEY + TAG];
	struct wn_buf h, args;
	int rc;
	*out = NULL;
	if (log2n < 1 || log2n > WN_AGE_SCRYPT_MAX_LOG2N)
		return wn_err_set(err, WN_USAGE, "scrypt work factor %d is out of range", log2n);
	randombytes_buf(fk, sizeof fk);
	randombytes_buf(salt, sizeof salt);
	if (scrypt_key(wk, pass, len, salt, log2n) != 0) {
		sodium_memzero(fk, sizeof fk);
		return wn_err_set(err, WN_ERR, "not enough memory to derive the key");
	}
	wrap_key(body, wk, fk);
	sodium_memzero(wk, sizeof wk);
	wn_buf_init(&h);
	wn_buf_init(&args);
	wn_buf_adds(&h, VERSION_LINE);
	wn_buf_adds(&args, "scrypt ");
	b64_add(&args, salt, sizeof salt);
	wn_buf_addf(&args, " %d", log2n);
	add_stanza(&h, args.s ? args.s : "", body, sizeof body);
	rc = open_with(out, &h, fk, sink, err);
	sodium_memzero(fk, sizeof fk);
	wn_buf_free(&args);
	wn_buf_free(&h);
	return rc;
}

int wn_age_write(struct wn_age *a, const void *p, size_t n, struct wn_err *err)
{
	const unsigned char *s = p;
	while (n > 0) {
		/* A full chunk is sealed only once more text follows: the last
		 * chunk carries the final flag and may be full itself. */
		if (a->len == CHUNK) {
			int rc = seal_chunk(a, false, err);
			if (rc != WN_OK)
				return rc;
		}
		size_t k = CHUNK - a->len < n ? CHUNK - a->len : n;
		memcpy(a->buf + a->len, s, k);
		a->len += k;
		s += k;
		n -= k;
	}
	return WN_OK;
}

int wn_age_close(struct wn_age *a, struct wn_err *err)
{
	int rc = seal_chunk(a, true, err);
	wn_age_abandon(a);
	return rc;
}

void wn_age_abandon(struct wn_age *a)
{
	if (a)
		sodium_free(a);   /* wipes the memory */
}

/* ---- reading ------------------------------------------------------------ */

struct reader {
	const unsigned char *p;
	size_t n, at;
};

/* The next line without its LF: -1 when there is none. */
static int next_line(struct reader *r, const char **s, size_t *len)
{
	const unsigned char *nl = memchr(r->p + r->at, '\n', r->n - r->at);
	if (!nl)
		return -1;
	*s = (const char *)r->p + r->at;
	*len = (size_t)(nl - (r->p + r->at));
	r->at += *len + 1;
	return 0;
}

struct stanza {
	char args[3][64];
	int nargs;
	unsigned char body[FILE_KEY + TAG];
	size_t body_len;          /* SIZE_MAX when longer than a wrapped key */
};

static int parse_stanza(struct reader *r, const char *line, size_t len, struct stanza *st)
{
	size_t i = 3;
	char b64[256];
	size_t nb = 0;
	memset(st, 0, sizeof *st);
	while (i < len) {
		size_t j = i;
		while (j < len && line[j] != ' ')
			j++;
		if (j == i || j - i >= sizeof st->args[0])
			return -1;
		if (st->nargs < 3)
			memcpy(st->args[st->nargs], line + i, j - i);
		st->nargs++;
		i = j + (j < len);
	}
	if (st->nargs == 0)
		return -1;
	for (;;) {
		const char *s;
		size_t l;
		if (next_line(r, &s, &l) != 0 || l > 64)
			return -1;
		if (nb + l < sizeof b64)
			memcpy(b64 + nb, s, l);
		nb += l;
		if (l < 64)
			break;
	}
	if (nb == (sizeof st->body * 4 + 2) / 3 && b64_get(b64, nb, st->body, sizeof st->body) == 0)
		st->body_len = sizeof st->body;
	else
		st->body_len = SIZE_MAX;
	return 0;
}

/* The file key from one stanza, or -1 when it is not for what was given. */
static int unwrap(const struct stanza *st, const unsigned char *sk, const char *pass,
                  int nstanzas, unsigned char fk[FILE_KEY])
{
	static const unsigned char zero[12];
	unsigned char wk[32];
	int ok = -1;
	if (st->body_len != FILE_KEY + TAG)
		return -1;
	if (sk && strcmp(st->args[0], "X25519") == 0 && st->nargs == 2) {
		unsigned char share[32], shared[32], pk[32], salt[64];
		if (b64_get(st->args[1], strlen(st->args[1]), share, 32) != 0 ||
		    crypto_scalarmult(shared, sk, share) != 0)
			return -1;
		crypto_scalarmult_base(pk, sk);
		memcpy(salt, share, 32);
		memcpy(salt + 32, pk, 32);
		hkdf(wk, shared, 32, salt, 64, X25519_INFO);
		sodium_memzero(shared, sizeof shared);
	} else if (pass && strcmp(st->args[0], "scrypt") == 0 && st->nargs == 3 &&
	           nstanzas == 1) {
		unsigned char salt[16];
		char *end;
		long lg = strtol(st->args[2], &end, 10);
		if (b64_get(st->args[1], strlen(st->args[1]), salt, 16) != 0 || *end ||
		    st->args[2][0] == '0' || lg < 1 || lg > WN_AGE_SCRYPT_MAX_LOG2N ||
		    scrypt_key(wk, pass, strlen(pass), salt, (int)lg) != 0)
			return -1;
	} else {
		return -1;
	}
	if (crypto_aead_chacha20poly1305_ietf_decrypt(fk, NULL, NULL, st->body, st->body_len,
	                                              NULL, 0, zero, wk) == 0)
		ok = 0;
	sodium_memzero(wk, sizeof wk);
	return ok;
}

int wn_age_decrypt(const unsigned char *in, size_t n, const unsigned char *sk,
                   const char *pass, struct wn_buf *out, struct wn_err *err)
{
	struct reader r = { in, n, 0 };
	const char *s;
	size_t len, mac_end = 0;
	unsigned char fk[FILE_KEY], mk[32], mac[32], key[32];
	bool have = false;
	int nst = 0, rc = WN_OK;
	struct stanza st[8];

	if (next_line(&r, &s, &len) != 0 || len != strlen(VERSION_LINE) - 1 ||
	    memcmp(s, VERSION_LINE, len) != 0)
		return wn_err_set(err, WN_DATAERR, "not an age file (age-encryption.org/v1)");
	for (;;) {
		if (next_line(&r, &s, &len) != 0)
			return wn_err_set(err, WN_DATAERR, "the age header is cut short");
		if (len >= 3 && memcmp(s, "-> ", 3) == 0) {
			struct stanza one;
			if (parse_stanza(&r, s, len, &one) != 0)
				return wn_err_set(err, WN_DATAERR, "the age header is damaged");
			if (nst < 8)
				st[nst] = one;
			nst++;
			continue;
		}
		if (len == 3 + 1 + 43 && memcmp(s, "--- ", 4) == 0 && nst > 0) {
			mac_end = (size_t)((const unsigned char *)s - in) + 3;
			if (b64_get(s + 4, 43, mac, 32) != 0)
				return wn_err_set(err, WN_DATAERR, "the age header is damaged");
			break;
		}
		return wn_err_set(err, WN_DATAERR, "the age header is damaged");
	}
	for (int i = 0; i < nst && i < 8 && !have; i++)
		have = unwrap(&st[i], sk, pass, nst, fk) == 0;
	if (!have)
		return wn_err_set(err, WN_NOPERM, pass ? "wrong passphrase for this age file"
		                                        : "this age file is not for that identity");
	hkdf(mk, fk, FILE_KEY, NULL, 0, "header");
	unsigned char want[32];
	crypto_auth_hmacsha256(want, in, mac_end, mk);
	if (crypto_verify_32(want, mac) != 0 || n - r.at < NONCE + TAG) {
		sodium_memzero(fk, sizeof fk);
		return wn_err_set(err, WN_DATAERR, "the age file is damaged");
	}
	hkdf(key, fk, FILE_KEY, in + r.at, NONCE, "payload");
	sodium_memzero(fk, sizeof fk);
	r.at += NONCE;
	for (uint64_t c = 0; rc == WN_OK; c++) {
		size_t left = n - r.at;
		bool last = left <= CHUNK + TAG;
		size_t take = last ? left : CHUNK + TAG;
		unsigned char nonce[12];
		unsigned long long plen;
		if (take < TAG || (last && take == TAG && c > 0) || wn_buf_reserve(out, take) != 0) {
			rc = wn_err_set(err, WN_DATAERR, "the age file is damaged");
			break;
		}
		stream_nonce(nonce, c, last);
		if (crypto_aead_chacha20poly1305_ietf_decrypt((unsigned char *)out->s + out->len,
		                                              &plen, NULL, in + r.at, take, NULL, 0,
		                                              nonce, key) != 0) {
			rc = wn_err_set(err, WN_DATAERR, "the age file is damaged or cut short");
			break;
		}
		out->len += (size_t)plen;
		out->s[out->len] = '\0';
		r.at += take;
		if (last)
			break;
	}
	sodium_memzero(key, sizeof key);
	return rc;
}
