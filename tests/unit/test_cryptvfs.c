/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_cryptvfs.c -- unit tests for pagecrypt.c and cryptvfs.c (suite
 * "cryptvfs"): a SQLite database through the "wean-crypt" VFS holds no
 * plain text in its file or WAL, reads back after closing and after a
 * simulated crash (files copied while open), and refuses a wrong
 * passphrase, a tampered page, swapped pages and a page from another
 * diary; rollback journals are refused. */
#include <criterion/criterion.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "core/pagecrypt.h"
#include "db/cryptvfs.h"

#define CANARY "canary-9f1e2d"
/* cheap key derivation for the tests (the cost is in the header) */
#define OPS 1
#define MEM (1u << 20)

static char dir[64];

static void setup(void)
{
	snprintf(dir, sizeof dir, "/tmp/wean-cryptvfs-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
}

static void teardown(void)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
}

TestSuite(cryptvfs, .init = setup, .fini = teardown);

static void path_of(char *out, size_t n, const char *name)
{
	snprintf(out, n, "%s/%s", dir, name);
}

/* A new encrypted file at path for pass; its key in k, registered. */
static void create(const char *path, const char *pass, struct wn_pc_key *k)
{
	unsigned char hdr[WN_PC_HEADER];
	struct wn_err err = { 0 };
	cr_assert_eq(wn_pc_header_new(pass, OPS, MEM, hdr, k, &err), WN_OK, "%s", err.msg);
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
	cr_assert(fd >= 0);
	cr_assert_eq(write(fd, hdr, sizeof hdr), (ssize_t)sizeof hdr);
	close(fd);
	cr_assert_eq(wn_cryptvfs_add(path, k, &err), WN_OK, "%s", err.msg);
}

static sqlite3 *open_db(const char *path)
{
	sqlite3 *db = NULL;
	int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
	                         WN_CRYPTVFS_NAME);
	cr_assert_eq(rc, SQLITE_OK, "open: %s", db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
	sqlite3_extended_result_codes(db, 1);
	int reserve = WN_PC_RESERVE;
	sqlite3_file_control(db, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve);
	cr_assert_eq(sqlite3_exec(db, "PRAGMA page_size = 4096; PRAGMA temp_store = MEMORY;"
	                          " PRAGMA journal_mode = WAL", NULL, NULL, NULL), SQLITE_OK,
	             "%s", sqlite3_errmsg(db));
	return db;
}

static void fill(sqlite3 *db, int from, int n)
{
	char sql[256];
	cr_assert_eq(sqlite3_exec(db, "CREATE TABLE IF NOT EXISTS note(id INTEGER PRIMARY KEY,"
	                          " text TEXT)", NULL, NULL, NULL), SQLITE_OK, "%s", sqlite3_errmsg(db));
	cr_assert_eq(sqlite3_exec(db, "BEGIN", NULL, NULL, NULL), SQLITE_OK);
	for (int i = from; i < from + n; i++) {
		snprintf(sql, sizeof sql, "INSERT INTO note VALUES(%d, '" CANARY " day %d: felt"
		         " foggy, slept badly, zaps in the evening')", i, i);
		cr_assert_eq(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK, "%s", sqlite3_errmsg(db));
	}
	cr_assert_eq(sqlite3_exec(db, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
}

static int count(sqlite3 *db, int *rc_out)
{
	sqlite3_stmt *st;
	int n = -1;
	int rc = sqlite3_prepare_v2(db, "SELECT count(*), sum(length(text)) FROM note", -1, &st, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		n = sqlite3_column_int(st, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	if (rc_out)
		*rc_out = rc;
	return n;
}

/* True when the file holds the bytes s. */
static bool holds(const char *path, const char *s)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	size_t cap = 1 << 20, n = 0, len = strlen(s);
	char *buf = malloc(cap);
	bool found = false;
	for (size_t r; (r = fread(buf + n, 1, cap - n, f)) > 0;) {
		n += r;
		if (n == cap) {
			cap *= 2;
			buf = realloc(buf, cap);
		}
	}
	fclose(f);
	for (size_t i = 0; i + len <= n && !found; i++)
		found = memcmp(buf + i, s, len) == 0;
	free(buf);
	return found;
}

static void copy(const char *from, const char *to)
{
	char cmd[600];
	snprintf(cmd, sizeof cmd, "cp '%s' '%s' 2>/dev/null", from, to);
	cr_assert_eq(system(cmd), 0, "%s", cmd);
}

Test(cryptvfs, round_trip_and_no_plain_text)
{
	char p[128], wal[140];
	struct wn_pc_key k;
	path_of(p, sizeof p, "d.db");
	snprintf(wal, sizeof wal, "%s-wal", p);
	create(p, "pass one", &k);
	sqlite3 *db = open_db(p);
	fill(db, 0, 500);
	cr_assert(!holds(p, CANARY), "no plain text in the file");
	cr_assert(!holds(wal, CANARY), "no plain text in the WAL");
	cr_assert(!holds(wal, "CREATE TABLE"), "no schema text in the WAL");
	cr_assert_eq(count(db, NULL), 500);
	sqlite3_close(db);
	cr_assert(!holds(p, CANARY));
	cr_assert(!holds(p, "SQLite format 3"), "not even SQLite's own header");
	db = open_db(p);
	cr_assert_eq(count(db, NULL), 500);
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	cr_assert_str_eq((const char *)sqlite3_column_text(st, 0), "ok");
	sqlite3_finalize(st);
	sqlite3_close(db);
}

Test(cryptvfs, wrong_passphrase)
{
	char p[128];
	struct wn_pc_key k, k2;
	unsigned char hdr[WN_PC_HEADER];
	struct wn_err err = { 0 };
	path_of(p, sizeof p, "d.db");
	create(p, "right", &k);
	FILE *f = fopen(p, "rb");
	cr_assert_eq(fread(hdr, 1, sizeof hdr, f), sizeof hdr);
	fclose(f);
	cr_assert_eq(wn_pc_header_open(hdr, sizeof hdr, "wrong", &k2, &err), WN_NOPERM);
	cr_assert(strstr(err.msg, "wrong passphrase"), "%s", err.msg);
	cr_assert_eq(wn_pc_header_open(hdr, sizeof hdr, "right", &k2, &err), WN_OK, "%s", err.msg);
	cr_assert(memcmp(k.key, k2.key, WN_PC_KEY) == 0);
	hdr[40] = 99;     /* the cost, out of range */
	cr_assert_eq(wn_pc_header_open(hdr, sizeof hdr, "right", &k2, &err), WN_DATAERR);
	hdr[0] = 'X';
	cr_assert_eq(wn_pc_header_open(hdr, sizeof hdr, "right", &k2, &err), WN_DATAERR);
	cr_assert_eq(wn_pc_header_open(hdr, 20, "right", &k2, &err), WN_DATAERR);
}

/* Closes a diary of enough pages, then changes its file with edit and
 * expects reading it to fail with SQLITE_IOERR_DATA. */
static void damaged(void (*edit)(const char *path, const char *other))
{
	char p[128], o[128];
	struct wn_pc_key k, ko;
	path_of(p, sizeof p, "d.db");
	path_of(o, sizeof o, "other.db");
	create(p, "pass", &k);
	create(o, "pass", &ko);       /* same passphrase, another diary */
	sqlite3 *db = open_db(p);
	fill(db, 0, 300);
	sqlite3_close(db);
	db = open_db(o);
	fill(db, 1000, 300);
	sqlite3_close(db);
	edit(p, o);
	int rc = SQLITE_OK;
	sqlite3 *d = NULL;
	if (sqlite3_open_v2(p, &d, SQLITE_OPEN_READWRITE, WN_CRYPTVFS_NAME) == SQLITE_OK) {
		sqlite3_extended_result_codes(d, 1);
		count(d, &rc);
	}
	cr_assert_eq(rc, SQLITE_IOERR_DATA, "rc %d (%s)", rc, sqlite3_errstr(rc));
	sqlite3_close(d);
}

static void flip_byte(const char *p, const char *o)
{
	(void)o;
	int fd = open(p, O_RDWR);
	unsigned char b;
	off_t at = WN_PC_HEADER + 3 * WN_PC_PAGE + 100;
	cr_assert_eq(pread(fd, &b, 1, at), 1);
	b ^= 1;
	cr_assert_eq(pwrite(fd, &b, 1, at), 1);
	close(fd);
}

static void swap_pages(const char *p, const char *o)
{
	(void)o;
	unsigned char a[WN_PC_PAGE], b[WN_PC_PAGE];
	int fd = open(p, O_RDWR);
	cr_assert_eq(pread(fd, a, sizeof a, WN_PC_HEADER + 2 * WN_PC_PAGE), WN_PC_PAGE);
	cr_assert_eq(pread(fd, b, sizeof b, WN_PC_HEADER + 3 * WN_PC_PAGE), WN_PC_PAGE);
	cr_assert_eq(pwrite(fd, b, sizeof b, WN_PC_HEADER + 2 * WN_PC_PAGE), WN_PC_PAGE);
	cr_assert_eq(pwrite(fd, a, sizeof a, WN_PC_HEADER + 3 * WN_PC_PAGE), WN_PC_PAGE);
	close(fd);
}

static void foreign_page(const char *p, const char *o)
{
	unsigned char a[WN_PC_PAGE];
	int fo = open(o, O_RDONLY), fd = open(p, O_RDWR);
	cr_assert_eq(pread(fo, a, sizeof a, WN_PC_HEADER + 3 * WN_PC_PAGE), WN_PC_PAGE);
	cr_assert_eq(pwrite(fd, a, sizeof a, WN_PC_HEADER + 3 * WN_PC_PAGE), WN_PC_PAGE);
	close(fo);
	close(fd);
}

Test(cryptvfs, tampered_page) { damaged(flip_byte); }
Test(cryptvfs, swapped_pages) { damaged(swap_pages); }
Test(cryptvfs, page_from_another_diary) { damaged(foreign_page); }

Test(cryptvfs, crash_copy_recovers_from_the_wal)
{
	char p[128], c[128], s[160], t[160];
	struct wn_pc_key k;
	struct wn_err err = { 0 };
	path_of(p, sizeof p, "d.db");
	path_of(c, sizeof c, "copy.db");
	create(p, "pass", &k);
	sqlite3 *db = open_db(p);
	cr_assert_eq(sqlite3_exec(db, "PRAGMA wal_autocheckpoint = 0", NULL, NULL, NULL), SQLITE_OK);
	fill(db, 0, 200);
	fill(db, 200, 1);
	/* the files as a crash leaves them: the WAL not checkpointed */
	copy(p, c);
	snprintf(s, sizeof s, "%s-wal", p);
	snprintf(t, sizeof t, "%s-wal", c);
	copy(s, t);
	char c2[128], t2[160];
	path_of(c2, sizeof c2, "torn.db");
	snprintf(t2, sizeof t2, "%s-wal", c2);
	copy(p, c2);
	copy(s, t2);
	sqlite3_close(db);
	cr_assert_eq(wn_cryptvfs_add(c, &k, &err), WN_OK);
	db = open_db(c);
	cr_assert_eq(count(db, NULL), 201, "both transactions came back from the WAL");
	sqlite3_close(db);

	/* the last frame torn: the last transaction is lost, nothing else */
	struct stat st;
	cr_assert_eq(stat(t2, &st), 0);
	cr_assert_eq(truncate(t2, st.st_size - 100), 0);
	cr_assert_eq(wn_cryptvfs_add(c2, &k, &err), WN_OK);
	db = open_db(c2);
	int rc;
	cr_assert_eq(count(db, &rc), 200, "rc %d", rc);
	sqlite3_close(db);
}

Test(cryptvfs, rollback_journal_sealed)
{
	char p[128];
	struct wn_pc_key k;
	path_of(p, sizeof p, "d.db");
	create(p, "pass", &k);
	sqlite3 *db = open_db(p);
	fill(db, 0, 10);
	cr_assert_eq(sqlite3_exec(db, "PRAGMA journal_mode = PERSIST", NULL, NULL, NULL), SQLITE_OK);
	/* a transaction that changes old pages, rolled back */
	cr_assert_eq(sqlite3_exec(db, "BEGIN; UPDATE note SET text = 'x';", NULL, NULL, NULL), SQLITE_OK);
	char j[140];
	snprintf(j, sizeof j, "%s-journal", p);
	cr_assert(access(j, F_OK) == 0, "the journal exists");
	cr_assert(!holds(j, CANARY), "the journal's page images are sealed");
	cr_assert_eq(sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL), SQLITE_OK);
	cr_assert_eq(count(db, NULL), 10);
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(db, "SELECT count(*) FROM note WHERE text LIKE '" CANARY "%'",
	                                -1, &st, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	cr_assert_eq(sqlite3_column_int(st, 0), 10, "the rollback restored the text");
	sqlite3_finalize(st);
	sqlite3_close(db);
}

Test(cryptvfs, unknown_file_refused)
{
	char p[128];
	path_of(p, sizeof p, "nokey.db");
	sqlite3 *db = NULL;
	int rc = sqlite3_open_v2(p, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
	                         WN_CRYPTVFS_NAME);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, "CREATE TABLE t(x)", NULL, NULL, NULL);
	cr_assert_neq(rc, SQLITE_OK);
	sqlite3_close(db);
}

/* A backup's header (a clone under the same key) gives its key without a
 * second derivation; another salt or another key does not. */
Test(cryptvfs, same_key_of_a_cloned_header)
{
	unsigned char hdr[WN_PC_HEADER], copy_hdr[WN_PC_HEADER], other[WN_PC_HEADER];
	struct wn_pc_key k, kc, got, ko;
	struct wn_err err = { 0 };
	cr_assert_eq(wn_pc_header_new("right", OPS, MEM, hdr, &k, &err), WN_OK, "%s", err.msg);
	kc = k;
	wn_pc_header_clone(hdr, copy_hdr, &kc);
	cr_assert_eq(wn_pc_header_same_key(copy_hdr, sizeof copy_hdr, hdr, &k, &got), 0);
	cr_assert_eq(memcmp(got.key, k.key, WN_PC_KEY), 0);
	cr_assert_eq(memcmp(got.id, kc.id, WN_PC_ID), 0, "the backup's own id");
	cr_assert_neq(memcmp(got.id, k.id, WN_PC_ID), 0);
	/* the same passphrase under another salt: derived, not reused */
	cr_assert_eq(wn_pc_header_new("right", OPS, MEM, other, &ko, &err), WN_OK, "%s", err.msg);
	cr_assert_eq(wn_pc_header_same_key(other, sizeof other, hdr, &k, &got), -1);
	/* the salt copied but the check block from another key */
	memcpy(other + 72, hdr + 72, 16);
	cr_assert_eq(wn_pc_header_same_key(other, sizeof other, hdr, &k, &got), -1);
	/* a changed cost is another key */
	memcpy(other, copy_hdr, sizeof other);
	other[40] ^= 1;
	cr_assert_eq(wn_pc_header_same_key(other, sizeof other, hdr, &k, &got), -1);
	cr_assert_eq(wn_pc_header_same_key(copy_hdr, 100, hdr, &k, &got), -1, "cut short");
}

/* A page is opened in place; one that does not open is all zeros, never
 * a half-opened page. */
Test(cryptvfs, a_page_that_does_not_open_is_zeroed)
{
	unsigned char hdr[WN_PC_HEADER], page[WN_PC_PAGE], plain[WN_PC_PAGE], zero[WN_PC_PAGE];
	struct wn_pc_key k;
	struct wn_err err = { 0 };
	cr_assert_eq(wn_pc_header_new("pw", OPS, MEM, hdr, &k, &err), WN_OK, "%s", err.msg);
	memset(plain, 'a', sizeof plain);
	memset(plain + WN_PC_PAGE - WN_PC_RESERVE, 0, WN_PC_RESERVE);
	memcpy(page, plain, sizeof page);
	wn_pc_seal(&k, WN_PC_DB, 7, NULL, page);
	cr_assert_neq(memcmp(page, plain, 100), 0, "sealed");
	unsigned char again[WN_PC_PAGE];
	memcpy(again, page, sizeof again);
	cr_assert_eq(wn_pc_open(&k, WN_PC_DB, 7, NULL, page), 0);
	cr_assert_eq(memcmp(page, plain, sizeof page), 0, "opened in place");
	memset(zero, 0, sizeof zero);
	cr_assert_eq(wn_pc_open(&k, WN_PC_DB, 8, NULL, again), -1, "another page number");
	cr_assert_eq(memcmp(again, zero, sizeof again), 0, "zeroed");
}
