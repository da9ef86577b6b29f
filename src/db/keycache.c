/* SPDX-License-Identifier: GPL-3.0-or-later */
/* keycache.c -- an encrypted diary's key in the kernel's user keyring, for
 * at most 15 minutes (keycache.h), through libkeyutils. */
#include <stdio.h>
#include <string.h>

#include <keyutils.h>

#include "db/keycache.h"

/* "wean:diary:" and the id in hex. */
static void name_of(const unsigned char id[WN_PC_ID], char *out, size_t n)
{
	int w = snprintf(out, n, "wean:diary:");
	for (int i = 0; i < WN_PC_ID && w > 0 && (size_t)w + 2 < n; i++)
		w += snprintf(out + w, n - (size_t)w, "%02x", id[i]);
}

static key_serial_t find(const unsigned char id[WN_PC_ID])
{
	char name[64];
	name_of(id, name, sizeof name);
	/* the user keyring only: no upcall to make a key that is not there */
	long r = keyctl_search(KEY_SPEC_USER_KEYRING, "user", name, 0);
	return r > 0 ? (key_serial_t)r : -1;
}

bool wn_keycache_get(const unsigned char id[WN_PC_ID], unsigned char key[WN_PC_KEY])
{
	unsigned char buf[WN_PC_KEY + 1];
	key_serial_t k = find(id);
	if (k < 0)
		return false;
	long n = keyctl_read(k, (char *)buf, sizeof buf);
	bool ok = n == WN_PC_KEY;
	if (ok)
		memcpy(key, buf, WN_PC_KEY);
	explicit_bzero(buf, sizeof buf);
	return ok;
}

void wn_keycache_put(const unsigned char id[WN_PC_ID], const unsigned char key[WN_PC_KEY],
                     int minutes)
{
	char name[64];
	if (minutes <= 0)
		return;
	if (minutes > WN_KEYCACHE_MAX_MINUTES)
		minutes = WN_KEYCACHE_MAX_MINUTES;
	name_of(id, name, sizeof name);
	key_serial_t k = add_key("user", name, key, WN_PC_KEY, KEY_SPEC_USER_KEYRING);
	if (k < 0)
		return;
	/* this user's processes may find and read it, nobody else's */
	keyctl_setperm(k, KEY_POS_ALL | KEY_USR_VIEW | KEY_USR_READ | KEY_USR_SEARCH);
	if (keyctl_set_timeout(k, (unsigned)minutes * 60u) != 0)
		keyctl_invalidate(k);        /* never kept without an end */
}

void wn_keycache_drop(const unsigned char id[WN_PC_ID])
{
	key_serial_t k = find(id);
	if (k >= 0)
		keyctl_invalidate(k);
}
