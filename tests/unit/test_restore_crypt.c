/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for restoring encrypted backups (issue 20; crypt.c and
 * restore.c, suite "restore_crypt"): the diary's own backup opens with the
 * diary's key and nothing asked, one under another passphrase needs its
 * own (a wrong one refused), an encrypted backup is refused until its key
 * is given, a plain backup is refused into an encrypted diary with the
 * diary's bytes unchanged, and a new diary made from an encrypted backup
 * is encrypted from its first byte.  The key derivation is cheap here
 * (WEAN_INSECURE_FAST_KDF=1). */
#include <criterion/criterion.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db/crypt.h"
#include "db/day.h"
#include "db/db.h"
#include "db/restore.h"
#include "tmpdir.h"

static char cdir[4096];
static char cdb[4200], cbak[4200], cplain[4200], cnew[4200];
static struct wn_err cerr;
static int asked;                    /* how often a passphrase was asked */

static void c_setup(void)
{
	wn_test_mkdtemp(cdir, sizeof cdir, "rcrypt");
	snprintf(cdb, sizeof cdb, "%s/diary.db", cdir);
	snprintf(cbak, sizeof cbak, "%s/backup.db", cdir);
	snprintf(cplain, sizeof cplain, "%s/plain.db", cdir);
	snprintf(cnew, sizeof cnew, "%s/new/diary.db", cdir);
	setenv("WEAN_TODAY", "2026-11-25", 1);
	setenv("WEAN_INSECURE_FAST_KDF", "1", 1);
	wn_err_clear(&cerr);
	asked = 0;
}

static void c_teardown(void)
{
	wn_test_rmtree(cdir);
}

TestSuite(restore_crypt, .init = c_setup, .fini = c_teardown);

/* ctx: the passphrase given. */
static int give(void *ctx, const char *path, char *out, size_t cap, struct wn_err *err)
{
	(void)path;
	(void)err;
	asked++;
	snprintf(out, cap, "%s", (const char *)ctx);
	return WN_OK;
}

static struct wn_db *open_with(const char *path, const char *pass, bool alone)
{
	struct wn_db *db = NULL;
	struct wn_db_opts o = { .path = path, .create = true, .alone = alone,
	                        .passphrase = give, .pass_ctx = (void *)pass };
	int rc = wn_db_open(&db, &o, &cerr);
	cr_assert_eq(rc, WN_OK, "open %s: %d %s", path, rc, cerr.msg);
	return db;
}

static void mood(struct wn_db *db, const char *date, int m)
{
	struct wn_checkin_patch p = { .set = WN_SET_MOOD, .mood = m, .anxiety = WN_UNSET,
	                              .energy = WN_UNSET, .sleep = NAN };
	cr_assert_eq(wn_date_parse_iso(date, &p.date, NULL), WN_OK);
	cr_assert_eq(wn_db_checkin_update(db, &p, &cerr), WN_OK, "%s", cerr.msg);
}

static int mood_in(const char *path, const char *pass, const char *date)
{
	struct wn_db *db = open_with(path, pass, false);
	struct wn_day day;
	wn_date d;
	cr_assert_eq(wn_date_parse_iso(date, &d, NULL), WN_OK);
	cr_assert_eq(wn_db_day_load(db, d, &day, &cerr), WN_OK, "%s", cerr.msg);
	int m = day.ci.exists ? day.ci.mood : -1;
	wn_day_free(&day);
	wn_db_close(db);
	return m;
}

/* An encrypted diary (pass) with 2026-11-20 at mood 4 backed up to cbak,
 * then changed to 9. */
static void encrypted_with_backup(const char *pass)
{
	struct wn_db *db = open_with(cdb, pass, false);
	mood(db, "2026-11-20", 4);
	cr_assert_eq(wn_db_rewrite(&db, pass, &cerr), WN_OK, "%s", cerr.msg);
	db = open_with(cdb, pass, false);
	cr_assert(wn_db_encrypted(db));
	cr_assert_eq(wn_db_backup_file(db, cbak, false, &cerr), WN_OK, "%s", cerr.msg);
	mood(db, "2026-11-20", 9);
	wn_db_close(db);
	cr_assert(wn_db_file_encrypted(cbak), "the backup is encrypted");
}

static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f);
	fseek(f, 0, SEEK_END);
	*n = (size_t)ftell(f);
	rewind(f);
	char *b = malloc(*n + 1);
	cr_assert_eq(fread(b, 1, *n, f), *n);
	fclose(f);
	return b;
}

Test(restore_crypt, the_diarys_own_backup_opens_with_its_key)
{
	encrypted_with_backup("pw");
	struct wn_db *db = open_with(cdb, "pw", true);
	int before = asked;
	struct wn_db_opts none = { 0 };    /* nothing may be asked */
	cr_assert_eq(wn_db_unlock_backup(db, cbak, &none, &cerr), WN_OK, "%s", cerr.msg);
	cr_assert_eq(asked, before, "no passphrase asked");
	struct wn_restore_src *src = NULL;
	cr_assert_eq(wn_db_restore_open(cbak, &src, &cerr), WN_OK, "%s", cerr.msg);
	struct wn_restore r = { 0 };
	cr_assert_eq(wn_db_restore(db, src, &r, &cerr), WN_OK, "%s", cerr.msg);
	cr_assert_eq(r.checkins, 1);
	cr_assert(wn_db_encrypted(db));
	wn_db_close(db);
	wn_db_restore_close(src);
	cr_assert(wn_db_file_encrypted(cdb), "the diary stays encrypted");
	cr_assert_eq(mood_in(cdb, "pw", "2026-11-20"), 4);
}

Test(restore_crypt, an_encrypted_backup_is_refused_until_its_key_is_given)
{
	encrypted_with_backup("pw");
	struct wn_restore_src *src = NULL;
	cr_assert_eq(wn_db_restore_open(cbak, &src, &cerr), WN_NOPERM);
	cr_assert_not_null(strstr(cerr.msg, "encrypted backup"), "%s", cerr.msg);
}

Test(restore_crypt, another_passphrase_is_asked_and_a_wrong_one_refused)
{
	encrypted_with_backup("old");
	/* the diary under a new passphrase (a new salt): its key no longer fits */
	struct wn_db *db = open_with(cdb, "old", false);
	cr_assert_eq(wn_db_rewrite(&db, "new", &cerr), WN_OK, "%s", cerr.msg);
	db = open_with(cdb, "new", true);
	struct wn_db_opts wrong = { .passphrase = give, .pass_ctx = "new" };
	cr_assert_eq(wn_db_unlock_backup(db, cbak, &wrong, &cerr), WN_NOPERM);
	cr_assert_not_null(strstr(cerr.msg, "wrong passphrase for the backup"), "%s", cerr.msg);
	struct wn_db_opts none = { 0 };
	cr_assert_eq(wn_db_unlock_backup(db, cbak, &none, &cerr), WN_NOPERM);
	struct wn_db_opts right = { .passphrase = give, .pass_ctx = "old" };
	cr_assert_eq(wn_db_unlock_backup(db, cbak, &right, &cerr), WN_OK, "%s", cerr.msg);
	struct wn_restore_src *src = NULL;
	cr_assert_eq(wn_db_restore_open(cbak, &src, &cerr), WN_OK, "%s", cerr.msg);
	struct wn_restore r = { 0 };
	cr_assert_eq(wn_db_restore(db, src, &r, &cerr), WN_OK, "%s", cerr.msg);
	wn_db_close(db);
	wn_db_restore_close(src);
	/* the diary keeps its own passphrase */
	cr_assert_eq(mood_in(cdb, "new", "2026-11-20"), 4);
}

Test(restore_crypt, a_plain_backup_is_refused_into_an_encrypted_diary)
{
	encrypted_with_backup("pw");
	struct wn_db *p = open_with(cplain, "", false);
	mood(p, "2026-11-20", 1);
	wn_db_close(p);
	size_t n0, n1;
	char *before = slurp(cdb, &n0);
	struct wn_db *db = open_with(cdb, "pw", true);
	struct wn_restore_src *src = NULL;
	cr_assert_eq(wn_db_unlock_backup(db, cplain, NULL, &cerr), WN_OK, "plain: nothing to do");
	cr_assert_eq(wn_db_restore_open(cplain, &src, &cerr), WN_OK, "%s", cerr.msg);
	struct wn_restore r = { 0 };
	cr_assert_eq(wn_db_restore(db, src, &r, &cerr), WN_USAGE);
	cr_assert_not_null(strstr(cerr.msg, "plain backup"), "%s", cerr.msg);
	wn_db_close(db);
	wn_db_restore_close(src);
	char *after = slurp(cdb, &n1);
	cr_assert(n0 == n1 && memcmp(before, after, n0) == 0, "the diary's bytes changed");
	free(before);
	free(after);
	cr_assert_eq(mood_in(cdb, "pw", "2026-11-20"), 9);
}

Test(restore_crypt, a_new_diary_from_an_encrypted_backup_is_encrypted)
{
	encrypted_with_backup("pw");
	struct wn_db_opts right = { .passphrase = give, .pass_ctx = "pw" };
	cr_assert_eq(wn_db_unlock_backup(NULL, cbak, &right, &cerr), WN_OK, "%s", cerr.msg);
	struct wn_restore_src *src = NULL;
	cr_assert_eq(wn_db_restore_open(cbak, &src, &cerr), WN_OK, "%s", cerr.msg);
	cr_assert_eq(wn_db_create_encrypted_like(cnew, cbak, &cerr), WN_OK, "%s", cerr.msg);
	cr_assert(wn_db_file_encrypted(cnew));
	struct stat st;
	cr_assert_eq(stat(cnew, &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0600);
	cr_assert_eq(wn_db_create_encrypted_like(cnew, cbak, &cerr), WN_CANTCREAT,
	             "an existing file is never replaced");
	struct wn_db *db = open_with(cnew, "pw", true);
	cr_assert(wn_db_encrypted(db));
	struct wn_restore r = { 0 };
	cr_assert_eq(wn_db_restore(db, src, &r, &cerr), WN_OK, "%s", cerr.msg);
	wn_db_close(db);
	wn_db_restore_close(src);
	cr_assert_eq(mood_in(cnew, "pw", "2026-11-20"), 4);
	size_t n;
	char *bytes = slurp(cnew, &n);
	bool plain = false;
	for (size_t i = 0; i + 15 <= n && !plain; i++)
		plain = memcmp(bytes + i, "SQLite format 3", 15) == 0;
	cr_assert(!plain, "plain SQLite in the new diary");
	free(bytes);
}

/* The open diary named as its own backup: refused before its key could be
 * given again (and then forgotten while the diary is open), the diary
 * whole after its close. */
Test(restore_crypt, the_diary_itself_is_refused_and_stays_whole)
{
	encrypted_with_backup("pw");
	struct wn_db *db = open_with(cdb, "pw", true);
	struct wn_db_opts right = { .passphrase = give, .pass_ctx = "pw" };
	cr_assert_eq(wn_db_unlock_backup(db, cdb, &right, &cerr), WN_USAGE);
	cr_assert_not_null(strstr(cerr.msg, "the diary itself"), "%s", cerr.msg);
	mood(db, "2026-11-21", 6);
	wn_db_close(db);
	cr_assert_eq(mood_in(cdb, "pw", "2026-11-21"), 6);
	cr_assert_eq(mood_in(cdb, "pw", "2026-11-20"), 9);
}
