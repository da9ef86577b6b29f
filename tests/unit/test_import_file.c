/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_import_file.c -- imports read from a file a window at a time
 * (issue 17): the same result and the same messages as the text in
 * memory, whatever falls across a window's edge; files over the limit
 * refused before they are read, pipes copied and refused past it; one
 * value over 8 MiB refused. */
#include <criterion/criterion.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/fileio.h"
#include "core/reader.h"
#include "db/db.h"
#include "db/import.h"
#include "tmpdir.h"
#include "db/db_int.h"   /* the raw handle, to look into the file */

static char fdir[4096];
static struct wn_db *fdb, *mdb;   /* imported from a file; from memory */
static struct wn_err ferr;

static struct wn_db *open_db(const char *name)
{
	char path[4200];
	struct wn_db *db;
	snprintf(path, sizeof path, "%s/%s", fdir, name);
	struct wn_db_opts o = { .path = path, .create = true };
	cr_assert_eq(wn_db_open(&db, &o, &ferr), WN_OK, "%s", ferr.msg);
	return db;
}

static void f_setup(void)
{
	wn_test_mkdtemp(fdir, sizeof fdir, "ifile");
	setenv("WEAN_TODAY", "2026-11-25", 1);
	wn_err_clear(&ferr);
	fdb = open_db("file.db");
	mdb = open_db("mem.db");
}

static void f_teardown(void)
{
	wn_db_close(fdb);
	wn_db_close(mdb);
	wn_test_rmtree(fdir);
}

TestSuite(import_file, .init = f_setup, .fini = f_teardown);

/* text written to a file of its own; its path in path. */
static void write_file(const char *name, const char *text, size_t len, char *path, size_t n)
{
	snprintf(path, n, "%s/%s", fdir, name);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	cr_assert(fd >= 0);
	cr_assert_eq(wn_file_write_all(fd, text, len), 0);
	close(fd);
}

struct both { int rc_file, rc_mem; char msg_file[WN_ERR_MSG], msg_mem[WN_ERR_MSG]; };

/* The text imported from a file into fdb and from memory into mdb, with
 * Daylio's mood map (NULL: the stock labels). */
static struct both import_both_map(enum wn_import_format f, const char *text, size_t len,
                                   const struct wn_daylio_map *map)
{
	struct both b;
	struct wn_import_opts o = { .format = f, .daylio_map = map };
	struct wn_import_result r;
	char path[4300];
	write_file("in", text, len, path, sizeof path);
	int fd = -1;
	wn_err_clear(&ferr);
	cr_assert_eq(wn_file_open_input(path, WN_IMPORT_MAX_BYTES, &fd, &ferr), WN_OK, "%s",
	             ferr.msg);
	b.rc_file = wn_import_fd(fdb, &o, fd, &r, &ferr);
	close(fd);
	wn_import_result_free(&r);
	snprintf(b.msg_file, sizeof b.msg_file, "%s", ferr.msg);
	wn_err_clear(&ferr);
	b.rc_mem = wn_import_text(mdb, &o, text, len, &r, &ferr);
	wn_import_result_free(&r);
	snprintf(b.msg_mem, sizeof b.msg_mem, "%s", ferr.msg);
	return b;
}

static struct both import_both(enum wn_import_format f, const char *text, size_t len)
{
	return import_both_map(f, text, len, NULL);
}

/* A summary of what a diary holds: every day's check-in and texts. */
static char *contents(struct wn_db *db)
{
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(wn_db_sqlite(db), "SELECT (SELECT count(*) FROM rating)"
	             " || '|' || (SELECT ifnull(group_concat(date || ':' || ifnull(mood, '-')"
	             " || ':' || ifnull(note, '-'), '/'), '') FROM checkin)"
	             " || '|' || (SELECT ifnull(group_concat(text, '/'), '') FROM quicknote)"
	             " || '|' || (SELECT count(*) FROM journal_fts WHERE journal_fts MATCH 'caf')",
	             -1, &st, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	char *s = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return s;
}

static void expect_same(const struct both *b)
{
	cr_expect_eq(b->rc_file, b->rc_mem, "file %d (%s), memory %d (%s)", b->rc_file,
	             b->msg_file, b->rc_mem, b->msg_mem);
	cr_expect_str_eq(b->msg_file, b->msg_mem);
	char *f = contents(fdb), *m = contents(mdb);
	cr_expect_str_eq(f, m);
	free(f);
	free(m);
}

/* Days whose notes hold two-, three- and four-byte characters, escapes
 * and long runs, so that window edges fall inside strings, characters
 * and escapes: 3,000 days, far more than one window. */
static void many_days(struct wn_buf *b, int days, const char *tail)
{
	wn_buf_adds(b, "{\"format\":\"wean\",\"schema_version\":1,\n"
	            "\"symptoms\":[{\"name\":\"ear ringing\"}],\n\"days\":[\n");
	for (int i = 0; i < days; i++) {
		wn_buf_addf(b, "{\"date\":\"%04d-%02d-%02d\",\"checkin\":{\"mood\":%d,\"note\":\"",
		            1950 + i / 300, 1 + i / 25 % 12, 1 + i % 25, i % 11);
		for (int k = 0; k < 1 + i % 37; k++)
			wn_buf_adds(b, k % 3 == 0 ? "caf\xc3\xa9 " : k % 3 == 1 ?
			            "\xe2\x80\x94\\n\\u00e9\\ud83d\\ude00 " : "\xf0\x9f\x98\x80 ");
		wn_buf_addf(b, "%d\"},\"ratings\":{\"ear ringing\":%d},"
		            "\"quicknotes\":[{\"minute\":%d,\"text\":\"q%d \xc3\xa9\"}]}%s\n",
		            i, i % 4, i % 1440, i, i + 1 < days ? "," : "");
	}
	wn_buf_adds(b, tail);
	cr_assert(!b->failed);
}

Test(import_file, a_file_far_larger_than_the_window_reads_as_memory_does)
{
	struct wn_buf b;
	wn_buf_init(&b);
	many_days(&b, 3000, "]}");
	cr_assert_gt(b.len, 10 * WN_READER_WINDOW);
	struct both r = import_both(WN_IMPORT_JSON, b.s, b.len);
	cr_expect_eq(r.rc_file, WN_OK, "%s", r.msg_file);
	expect_same(&r);
	wn_buf_free(&b);
}

Test(import_file, errors_late_in_a_file_name_the_same_line)
{
	static const char *const tails[] = {
		"]}\n  x",                                         /* after the root */
		",{\"date\":\"2026-01-02\",\"checkin\":{\"mood\" 4}}]}",   /* syntax */
		",{\"date\":\"2026-01-02\",\"checkin\":{\"mood\":11}}]}",  /* a value */
		",{\"date\":\"2026-01-02\",\"checkin\":{\"note\":\"a\xff\"}}]}",  /* UTF-8 */
		",{\"date\":\"2026-01-02\",\"checkin\":{\"note\":\"a\"}}]}\n\n\n",
	};
	for (size_t i = 0; i < sizeof tails / sizeof *tails; i++) {
		struct wn_buf b;
		wn_buf_init(&b);
		many_days(&b, 2000, tails[i]);
		if (i == 4)
			b.s[b.len - 2] = '\0';          /* a NUL byte near the end */
		struct both r = import_both(WN_IMPORT_JSON, b.s, b.len);
		cr_expect_neq(r.rc_file, WN_OK, "case %zu", i);
		expect_same(&r);
		wn_buf_free(&b);
	}
}

Test(import_file, csv_across_windows)
{
	struct wn_buf b;
	wn_buf_init(&b);
	wn_buf_adds(&b, "date,has_checkin,mood,anxiety,energy,sleep,burden,flag,note\r\n");
	for (int i = 0; i < 3000; i++) {
		wn_buf_addf(&b, "%04d-%02d-%02d,1,%d,,,,0,0,\"caf\xc3\xa9 \"\"quoted\"\"\n",
		            1950 + i / 300, 1 + i / 25 % 12, 1 + i % 25, i % 11);
		for (int k = 0; k < i % 50; k++)
			wn_buf_adds(&b, "\xe2\x80\x94, more");
		wn_buf_adds(&b, "\"\r\n");
	}
	struct both r = import_both(WN_IMPORT_CSV, b.s, b.len);
	cr_expect_eq(r.rc_file, WN_OK, "%s", r.msg_file);
	expect_same(&r);
	wn_buf_free(&b);
}

Test(import_file, daylio_across_windows)
{
	struct wn_buf b;
	wn_buf_init(&b);
	wn_buf_adds(&b, "\xEF\xBB\xBF# exported\nfull_date,date,weekday,time,mood,activities,"
	            "note_title,note\n");
	for (int i = 2999; i >= 0; i--)             /* newest first, two a day */
		wn_buf_addf(&b, "%04d-%02d-%02d,x,x,%02d:00,%s,walk | read,caf\xc3\xa9 %d,"
		            "\"a note \xe2\x80\x94 %d\"\n", 1950 + i / 600, 1 + i / 50 % 12,
		            1 + i / 2 % 25, i % 24, i % 2 ? "good" : "meh", i, i);
	struct both r = import_both(WN_IMPORT_DAYLIO, b.s, b.len);
	cr_expect_eq(r.rc_file, WN_OK, "%s", r.msg_file);
	expect_same(&r);
	wn_buf_free(&b);
}

/* eco18's Daylio through the window reader: tabs, the older columns
 * (year and date, no note_title), 12-hour times, CRLF in a quoted note,
 * a label of the person's own mapped with --mood-map. */
Test(import_file, daylio_tabs_and_old_columns_across_windows)
{
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
		"Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct wn_buf b;
	wn_buf_init(&b);
	wn_buf_adds(&b, "year\tdate\tweekday\ttime\tmood\tactivities\tnote\r\n");
	for (int i = 2999; i >= 0; i--)
		wn_buf_addf(&b, "%d\t%d %s\tx\t%d:%02d %s\t%s\twalk | read\t\"caf\xc3\xa9\r\n%d\"\r\n",
		            1950 + i / 300, 1 + i / 2 % 25, months[i / 50 % 12], 1 + i % 12,
		            i % 60, i % 2 ? "pm" : "am", i % 3 ? "good" : "tired", i);
	struct wn_daylio_map map;
	wn_daylio_map_init(&map);
	cr_assert_eq(wn_daylio_map_parse(&map, "tired=4", &ferr), WN_OK);
	struct both r = import_both_map(WN_IMPORT_DAYLIO, b.s, b.len, &map);
	cr_expect_eq(r.rc_file, WN_OK, "%s", r.msg_file);
	expect_same(&r);
	wn_buf_free(&b);
}

/* A value over 8 MiB is refused, so one element cannot fill memory. */
Test(import_file, a_value_over_8_mib_is_refused)
{
	size_t n = 9u * 1024 * 1024;
	char *t = malloc(n + 200);
	cr_assert_not_null(t);
	int k = sprintf(t, "{\"format\":\"wean\",\"schema_version\":1,\"days\":[{\"date\":"
	                "\"2026-01-01\",\"checkin\":{\"note\":\"");
	memset(t + k, 'a', n);
	k += (int)n;
	k += sprintf(t + k, "\"}}]}");
	struct both r = import_both(WN_IMPORT_JSON, t, (size_t)k);
	cr_expect_eq(r.rc_file, WN_DATAERR);
	cr_expect_not_null(strstr(r.msg_file, "line 1, column"), "%s", r.msg_file);
	cr_expect_not_null(strstr(r.msg_file, "a value larger than 8 MiB"), "%s", r.msg_file);
	expect_same(&r);
	free(t);
}

/* ---- the limit ----------------------------------------------------------------- */

Test(import_file, a_file_over_the_limit_is_refused_before_it_is_read)
{
	char path[4300];
	snprintf(path, sizeof path, "%s/big.json", fdir);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	cr_assert(fd >= 0);
	/* sparse: no disk taken, and reading it would take long */
	cr_assert_eq(ftruncate(fd, (off_t)WN_IMPORT_MAX_BYTES + 1), 0);
	close(fd);
	int in = -1;
	cr_expect_eq(wn_file_open_input(path, WN_IMPORT_MAX_BYTES, &in, &ferr), WN_DATAERR);
	cr_expect_eq(in, -1);
	cr_expect_not_null(strstr(ferr.msg, "is larger than 256 MiB (256.0 MiB); nothing was"
	                          " read"), "%s", ferr.msg);
	fd = open(path, O_RDONLY);
	struct wn_import_opts o = { .format = WN_IMPORT_JSON };
	struct wn_import_result r;
	cr_expect_eq(wn_import_fd(fdb, &o, fd, &r, &ferr), WN_DATAERR);
	cr_expect_eq(lseek(fd, 0, SEEK_CUR), 0, "not a byte read");
	close(fd);
	wn_import_result_free(&r);
}

/* A pipe cannot say its size: it is copied aside (so it can be read
 * twice) and refused as soon as it passes the limit. */
Test(import_file, a_pipe_is_copied_and_refused_past_the_limit)
{
	int p[2];
	cr_assert_eq(pipe(p), 0);
	pid_t pid = fork();
	if (pid == 0) {
		close(p[0]);
		char buf[1000];
		memset(buf, 'x', sizeof buf);
		for (int i = 0; i < 100; i++)
			if (wn_file_write_all(p[1], buf, sizeof buf) != 0)
				_exit(0);
		_exit(0);
	}
	close(p[1]);
	char path[64];
	snprintf(path, sizeof path, "/dev/fd/%d", p[0]);
	int fd = -1;
	cr_expect_eq(wn_file_open_input(path, 50000, &fd, &ferr), WN_DATAERR);
	cr_expect_not_null(strstr(ferr.msg, "holds more than 0 MiB; nothing was imported"),
	                   "%s", ferr.msg);
	close(p[0]);
	waitpid(pid, NULL, 0);

	cr_assert_eq(pipe(p), 0);
	cr_assert_eq(wn_file_write_all(p[1], "{\"a\":1}", 7), 0);
	close(p[1]);
	snprintf(path, sizeof path, "/dev/fd/%d", p[0]);
	cr_expect_eq(wn_file_open_input(path, 50000, &fd, &ferr), WN_OK, "%s", ferr.msg);
	close(p[0]);
	char got[16] = "";
	cr_expect_eq(read(fd, got, sizeof got), 7);
	cr_expect_eq(lseek(fd, 0, SEEK_SET), 0, "the copy can be read again");
	cr_expect_str_eq(got, "{\"a\":1}");
	close(fd);
}
