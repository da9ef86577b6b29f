/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pagecrypt.h -- the sealed pages of an encrypted diary (issue 20).
 *
 * An encrypted diary is a SQLite database whose every page is sealed with
 * XChaCha20-Poly1305 under a key derived from the passphrase with Argon2id
 * (libsodium's crypto_pwhash) and a random salt.  The file starts with a
 * plain header of WN_PC_HEADER bytes (what is needed to derive the key and
 * check it: magic, version, the file's random id, the salt, the cost, and
 * a sealed check block); the database's pages follow, each ending in the
 * WN_PC_RESERVE bytes SQLite leaves unused (the page's fresh nonce and its
 * tag).  Each page is bound to its place (the file id, the page number,
 * and for a WAL frame the frame's salts) as associated data, so a page
 * moved, swapped or taken from another diary does not open.  The SQLite
 * side (the VFS) is db/cryptvfs.c; this file has no SQLite in it.
 */
#ifndef WEAN_PAGECRYPT_H
#define WEAN_PAGECRYPT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/status.h"

#define WN_PC_HEADER 4096          /* bytes before the first page */
#define WN_PC_PAGE 4096            /* the page size of an encrypted diary */
#define WN_PC_NONCE 24
#define WN_PC_TAG 16
#define WN_PC_RESERVE (WN_PC_NONCE + WN_PC_TAG)
#define WN_PC_KEY 32
#define WN_PC_ID 16
#define WN_PC_MAGIC "wean encrypted diary\n"

/* What the header says, and the key once derived. */
struct wn_pc_key {
	unsigned char key[WN_PC_KEY];
	unsigned char id[WN_PC_ID];
};

/* True when the first bytes of a file (at least 32) are an encrypted
 * diary's header. */
bool wn_pc_is_encrypted(const unsigned char *head, size_t n);

/* A new header for passphrase pass (random id and salt) in hdr
 * (WN_PC_HEADER bytes) and its key in k.  ops and mem are Argon2id's
 * cost (0, 0: wean's defaults, WN_PC_OPS and WN_PC_MEM). */
#define WN_PC_OPS 3
#define WN_PC_MEM (64u * 1024 * 1024)
int wn_pc_header_new(const char *pass, unsigned long long ops, size_t mem,
                     unsigned char *hdr, struct wn_pc_key *k, struct wn_err *err);

/* The key of an existing header: WN_NOPERM "wrong passphrase" when the
 * check block does not open, WN_DATAERR when the header is damaged (an
 * unknown version, a cost out of range). */
int wn_pc_header_open(const unsigned char *hdr, size_t n, const char *pass,
                      struct wn_pc_key *k, struct wn_err *err);

/* A header for another file under the same key (a backup, a rewrite):
 * hdr copied with a new random id and its check block sealed again;
 * k becomes that file's key (same key bytes, the new id). */
void wn_pc_header_clone(const unsigned char *hdr, unsigned char *out, struct wn_pc_key *k);

/* The key of header hdr without deriving it, when hdr has the same
 * salt and cost as known_hdr (whose key is known) and its check block
 * opens under that key: a backup made of the same diary under the same
 * passphrase.  0 with k filled in (known's key, hdr's id), else -1. */
int wn_pc_header_same_key(const unsigned char *hdr, size_t n, const unsigned char *known_hdr,
                          const struct wn_pc_key *known, struct wn_pc_key *k);

/* The file id of an encrypted diary's header (at least WN_PC_HEADER
 * bytes). */
void wn_pc_header_id(const unsigned char *hdr, unsigned char id[WN_PC_ID]);

/* The key of header hdr when it is key (kept from an earlier
 * derivation): 0 with k filled in when the check block opens under it,
 * else -1. */
int wn_pc_header_with_key(const unsigned char *hdr, size_t n,
                          const unsigned char key[WN_PC_KEY], struct wn_pc_key *k);

/* Where a page lives, bound into its seal. */
enum wn_pc_where { WN_PC_DB = 'D', WN_PC_WAL = 'W', WN_PC_JOURNAL = 'J' };

/* Seals page (WN_PC_PAGE bytes) in place: bytes [0, PAGE - RESERVE) are
 * encrypted, the reserve receives the nonce and the tag.  extra (8 bytes,
 * may be NULL) is also bound (a WAL frame's salts). */
void wn_pc_seal(const struct wn_pc_key *k, enum wn_pc_where where, uint32_t pgno,
                const unsigned char *extra, unsigned char *page);

/* Opens a sealed page in place; the reserve is zeroed (SQLite never
 * writes it, so what it checksums is what it wrote).  -1 when the page
 * does not open (damaged, moved, from another diary): then the whole
 * page is zeroed (never garbage). */
int wn_pc_open(const struct wn_pc_key *k, enum wn_pc_where where, uint32_t pgno,
               const unsigned char *extra, unsigned char *page);

#endif
