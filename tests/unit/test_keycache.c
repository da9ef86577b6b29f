/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for keycache.c and its use by crypt.c (suite "keycache"): an
 * encrypted diary's key kept in the kernel's keyring is used only when
 * the person turned it on, never for longer than 15 minutes, and
 * dropped by a change of passphrase.  Skipped where the kernel gives
 * this process no keyring (some sandboxes). */
#include <criterion/criterion.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db/crypt.h"
#include "db/db.h"
#include "db/keycache.h"
#include "tmpdir.h"

static char kdir[4096], kdb[4200];
static struct wn_err kerr;
static int asked;

static void k_setup(void)
{
	wn_test_mkdtemp(kdir, sizeof kdir, "keycache");
	snprintf(kdb, sizeof kdb, "%s/diary.db", kdir);
	setenv("WEAN_TODAY", "2026-11-25", 1);
	setenv("WEAN_INSECURE_FAST_KDF", "1", 1);
	wn_err_clear(&kerr);
	asked = 0;
}

static void k_teardown(void)
{
	wn_test_rmtree(kdir);
}

TestSuite(keycache, .init = k_setup, .fini = k_teardown);

/* A keyring this process may use, or the test is skipped. */
static void need_keyring(void)
{
	unsigned char id[WN_PC_ID], key[WN_PC_KEY], got[WN_PC_KEY];
	memset(id, 0x5a, sizeof id);
	memset(key, 0x33, sizeof key);
	wn_keycache_put(id, key, 1);
	bool ok = wn_keycache_get(id, got);
	wn_keycache_drop(id);
	if (!ok)
		cr_skip_test("no kernel keyring here");
}

static int give(void *ctx, const char *path, char *out, size_t cap, struct wn_err *err)
{
	(void)path;
	(void)err;
	asked++;
	snprintf(out, cap, "%s", (const char *)ctx);
	return WN_OK;
}

static struct wn_db *open_with(const char *pass, int minutes)
{
	struct wn_db *db = NULL;
	struct wn_db_opts o = { .path = kdb, .create = true, .passphrase = give,
	                        .pass_ctx = (void *)pass, .key_cache_minutes = minutes };
	int rc = wn_db_open(&db, &o, &kerr);
	cr_assert_eq(rc, WN_OK, "open: %d %s", rc, kerr.msg);
	return db;
}

/* The file id of the diary's header. */
static void id_of(unsigned char id[WN_PC_ID])
{
	unsigned char hdr[WN_PC_HEADER];
	FILE *f = fopen(kdb, "rb");
	cr_assert_not_null(f);
	cr_assert_eq(fread(hdr, 1, sizeof hdr, f), sizeof hdr);
	fclose(f);
	wn_pc_header_id(hdr, id);
}

Test(keycache, put_get_drop_and_nothing_kept_at_zero)
{
	need_keyring();
	unsigned char id[WN_PC_ID], key[WN_PC_KEY], got[WN_PC_KEY];
	memset(id, 0xa5, sizeof id);
	memset(key, 0x42, sizeof key);
	wn_keycache_put(id, key, 0);
	cr_assert(!wn_keycache_get(id, got), "0 minutes keeps nothing");
	wn_keycache_put(id, key, 99);              /* taken as 15 */
	cr_assert(wn_keycache_get(id, got));
	cr_assert_eq(memcmp(got, key, sizeof key), 0);
	/* its end, as the kernel shows it, is at most 15 minutes away */
	FILE *f = fopen("/proc/keys", "r");
	char line[512], name[64] = "wean:diary:";
	for (int i = 0; i < WN_PC_ID; i++)
		snprintf(name + 11 + 2 * i, 3, "%02x", id[i]);
	bool seen = false;
	while (f && fgets(line, sizeof line, f))
		if (strstr(line, name)) {
			char serial[32], flags[32], usage[32], expiry[32];
			cr_assert_eq(sscanf(line, "%31s %31s %31s %31s", serial, flags, usage, expiry), 4);
			cr_assert(strcmp(expiry, "perm") != 0, "kept with no end: %s", line);
			cr_assert(strchr(expiry, 'h') == NULL && strchr(expiry, 'd') == NULL &&
			          atoi(expiry) <= 15, "kept too long: %s", line);
			seen = true;
		}
	if (f)
		fclose(f);
	cr_assert(seen || access("/proc/keys", R_OK) != 0, "not in /proc/keys");
	wn_keycache_drop(id);
	cr_assert(!wn_keycache_get(id, got), "dropped");
}

Test(keycache, a_kept_key_spares_the_passphrase_only_when_turned_on)
{
	need_keyring();
	struct wn_db *db = open_with("pw", 0);
	cr_assert_eq(wn_db_rewrite(&db, "pw", &kerr), WN_OK, "%s", kerr.msg);
	unsigned char id[WN_PC_ID], got[WN_PC_KEY];
	id_of(id);
	wn_keycache_drop(id);
	/* off: asked every time, nothing kept */
	wn_db_close(open_with("pw", 0));
	wn_db_close(open_with("pw", 0));
	cr_assert_eq(asked, 2);
	cr_assert(!wn_keycache_get(id, got), "kept while off");
	/* on: asked once, then the kept key opens it */
	wn_db_close(open_with("pw", 1));
	cr_assert_eq(asked, 3);
	wn_db_close(open_with("wrong, never asked", 1));
	cr_assert_eq(asked, 3, "asked although the key was kept");
	/* with the cache off again, the kept key is not used */
	struct wn_db *d2 = NULL;
	struct wn_db_opts o = { .path = kdb, .passphrase = give, .pass_ctx = "wrong" };
	cr_assert_eq(wn_db_open(&d2, &o, &kerr), WN_NOPERM, "the kept key used while off");
	/* a new passphrase: the old key is dropped and asked for again */
	db = open_with("pw", 1);
	cr_assert_eq(wn_db_rewrite(&db, "new", &kerr), WN_OK, "%s", kerr.msg);
	cr_assert(!wn_keycache_get(id, got), "the old file's key stayed");
	int before = asked;
	wn_db_close(open_with("new", 1));
	cr_assert_eq(asked, before + 1);
	id_of(id);
	wn_keycache_drop(id);
}
