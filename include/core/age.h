/* SPDX-License-Identifier: GPL-3.0-or-later */
/* age.h -- files that the standard `age` tool opens (age-encryption.org/v1).
 *
 * An export or a report written with --encrypt-to or --encrypt-passphrase
 * goes through here: a random 16-byte file key wrapped for each X25519
 * recipient ("age1...") or for one passphrase (scrypt), a header MAC, then
 * the text in 64 KiB chunks sealed with ChaCha20-Poly1305 (the STREAM
 * construction of the format).  Memory stays one chunk whatever the size.
 * The primitives are libsodium's; nothing here reads a terminal or a file:
 * the bytes go to a sink the caller gives.
 *
 * The reader (wn_age_decrypt) exists so that the tests and wean itself can
 * check what was written; it takes an X25519 identity ("AGE-SECRET-KEY-1...")
 * or a passphrase.
 */
#ifndef WEAN_AGE_H
#define WEAN_AGE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/buf.h"
#include "core/status.h"

#define WN_AGE_KEY_BYTES 32
/* The work factor wean uses for a passphrase (age's own default). */
#define WN_AGE_SCRYPT_LOG2N 18
/* The largest work factor wn_age_decrypt accepts (age's own limit). */
#define WN_AGE_SCRYPT_MAX_LOG2N 22

/* Where the encrypted bytes go: write returns 0, or -1 with errno set. */
struct wn_age_sink {
	int (*write)(void *ctx, const void *p, size_t n);
	void *ctx;
};

/* Libsodium must be initialised once before any of the rest: -1 when it
 * cannot be (no source of randomness). */
int wn_age_init(void);

/* "age1..." -> the 32-byte X25519 public key.  WN_USAGE with a one-line
 * message naming what is wrong (not an age recipient, a bad checksum). */
int wn_age_parse_recipient(const char *s, unsigned char pk[WN_AGE_KEY_BYTES],
                           struct wn_err *err);

/* "AGE-SECRET-KEY-1..." -> the 32-byte X25519 secret key (any case). */
int wn_age_parse_identity(const char *s, unsigned char sk[WN_AGE_KEY_BYTES],
                          struct wn_err *err);

/* The Bech32 text of a public key ("age1...") or a secret key
 * ("AGE-SECRET-KEY-1..."): out must hold WN_AGE_TEXT_MAX bytes. */
#define WN_AGE_TEXT_MAX 96
void wn_age_format_recipient(const unsigned char pk[WN_AGE_KEY_BYTES], char *out);
void wn_age_format_identity(const unsigned char sk[WN_AGE_KEY_BYTES], char *out);

struct wn_age;

/* Starts a file for n recipients (n >= 1) and writes its header to sink. */
int wn_age_open_x25519(struct wn_age **out, const unsigned char (*pks)[WN_AGE_KEY_BYTES],
                       size_t n, struct wn_age_sink sink, struct wn_err *err);

/* Starts a file for a passphrase (scrypt with 2^log2n, r 8, p 1). */
int wn_age_open_scrypt(struct wn_age **out, const char *pass, size_t len, int log2n,
                       struct wn_age_sink sink, struct wn_err *err);

/* Adds plain text; full chunks are sealed and written as they fill. */
int wn_age_write(struct wn_age *a, const void *p, size_t n, struct wn_err *err);

/* Seals the last chunk, writes it and frees a (whatever the result). */
int wn_age_close(struct wn_age *a, struct wn_err *err);

/* Frees an unfinished file (nothing more is written; keys are wiped). */
void wn_age_abandon(struct wn_age *a);

/* Opens a whole age file in memory with an X25519 identity (sk non-NULL)
 * or a passphrase: the plain text is appended to out.  WN_NOPERM when no
 * stanza opens with what was given, WN_DATAERR when the file is not an age
 * file, is damaged or cut short. */
int wn_age_decrypt(const unsigned char *in, size_t n,
                   const unsigned char *sk, const char *pass,
                   struct wn_buf *out, struct wn_err *err);

#endif
