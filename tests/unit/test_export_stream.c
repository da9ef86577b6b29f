/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests of the streamed exports (issue 17 item 1): with a flush the
 * CSV and JSON texts come in pieces of about WN_EXPORT_CHUNK bytes, each
 * ending a row, which put together are the text made in memory; a
 * failing flush stops the export; the staged file (core/fileio.h) appears
 * only when the whole text is written. */
#include <criterion/criterion.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/fileio.h"
#include "db/db.h"
#include "db/db_int.h"   /* the raw handle, to fill the diary quickly */
#include "db/export.h"
#include "tmpdir.h"

static char sdir[4096];
static struct wn_err serr;

static void s_setup(void)
{
	wn_test_mkdtemp(sdir, sizeof sdir, "xstream");
	setenv("WEAN_TODAY", "2026-11-25", 1);
	wn_err_clear(&serr);
}

static void s_teardown(void)
{
	wn_test_rmtree(sdir);
}

TestSuite(export_stream, .init = s_setup, .fini = s_teardown);

/* A diary with a check-in and a 120-byte note on each of 900 days. */
static struct wn_db *s_open(void)
{
	char path[4200];
	snprintf(path, sizeof path, "%s/d.db", sdir);
	struct wn_db_opts o = { .path = path, .create = true };
	struct wn_db *db = NULL;
	cr_assert_eq(wn_db_open(&db, &o, &serr), WN_OK, "%s", serr.msg);
	static const char fill[] =
		"WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 899)"
		" INSERT INTO checkin(date, mood, sleep, note)"
		" SELECT date('2024-01-01', '+' || i || ' days'), i % 11, 7.5,"
		" 'day ' || i || ', \"quoted\", ' || printf('%.100c', 'x') FROM n";
	cr_assert_eq(sqlite3_exec(wn_db_sqlite(db), fill, NULL, NULL, NULL), SQLITE_OK);
	return db;
}

struct pieces {
	struct wn_buf all;
	size_t n, largest;
	bool whole_lines;
	size_t fail_at;          /* 0: never; k: the k-th call fails */
};

static int collect(void *ctx, const char *s, size_t len, struct wn_err *err)
{
	struct pieces *p = ctx;
	p->n++;
	if (p->fail_at && p->n == p->fail_at)
		return wn_err_set(err, WN_IOERR, "cannot write the output: disk full");
	if (len && s[len - 1] != '\n' && s[len - 1] != '}')
		p->whole_lines = false;
	if (len > p->largest)
		p->largest = len;
	wn_buf_add(&p->all, s, len);
	return WN_OK;
}

typedef int (*export_fn)(struct wn_db *, struct wn_export_opts *, struct wn_buf *,
                         struct wn_err *);

/* The export made in memory, then streamed: the same text, in pieces. */
static void same_in_pieces(export_fn fn, size_t min_pieces)
{
	struct wn_db *db = s_open();
	struct wn_export_opts m = { .from = WN_DATE_NONE, .to = WN_DATE_NONE,
	                            .exported = "2026-11-25T00:00:00Z" };
	struct wn_buf whole, left;
	wn_buf_init(&whole);
	wn_buf_init(&left);
	cr_assert_eq(fn(db, &m, &whole, &serr), WN_OK, "%s", serr.msg);
	struct pieces p = { .whole_lines = true };
	wn_buf_init(&p.all);
	struct wn_export_opts o = m;
	o.flush = collect;
	o.flush_ctx = &p;
	cr_assert_eq(fn(db, &o, &left, &serr), WN_OK, "%s", serr.msg);
	cr_expect_eq(o.n_days, m.n_days);
	cr_expect_eq(left.len, 0, "the caller's buffer is emptied at the end");
	cr_expect_geq(p.n, min_pieces, "%zu pieces for %zu bytes", p.n, whole.len);
	cr_expect(p.whole_lines, "every piece ends a row");
	cr_expect_lt(p.largest, (size_t)WN_EXPORT_CHUNK + 4096, "largest piece %zu", p.largest);
	cr_assert_eq(p.all.len, whole.len);
	cr_expect(memcmp(p.all.s, whole.s, whole.len) == 0, "the same bytes");
	wn_buf_free(&p.all);
	wn_buf_free(&whole);
	wn_buf_free(&left);
	wn_db_close(db);
}

Test(export_stream, csv_in_pieces_is_the_same_text)
{
	same_in_pieces(wn_export_csv, 2);
}

Test(export_stream, json_in_pieces_is_the_same_text)
{
	same_in_pieces(wn_export_json, 3);
}

Test(export_stream, a_failing_flush_stops_the_export)
{
	struct wn_db *db = s_open();
	struct pieces p = { .whole_lines = true, .fail_at = 2 };
	wn_buf_init(&p.all);
	struct wn_buf b;
	wn_buf_init(&b);
	struct wn_export_opts o = { .from = WN_DATE_NONE, .to = WN_DATE_NONE,
	                            .flush = collect, .flush_ctx = &p };
	cr_expect_eq(wn_export_json(db, &o, &b, &serr), WN_IOERR);
	cr_expect_str_eq(serr.msg, "cannot write the output: disk full");
	cr_expect_eq(p.n, 2, "no piece after the failure");
	wn_buf_free(&p.all);
	wn_buf_free(&b);
	wn_db_close(db);
}

/* ---- the staged file ------------------------------------------------------ */

static int entries(void)
{
	DIR *d = opendir(sdir);
	int n = 0;
	for (struct dirent *e; d && (e = readdir(d));)
		n += e->d_name[0] != '.';
	if (d)
		closedir(d);
	return n;
}

Test(export_stream, a_staged_file_appears_whole_and_private)
{
	char path[4200];
	snprintf(path, sizeof path, "%s/out.csv", sdir);
	struct wn_file_stage s;
	cr_assert_eq(wn_file_stage_open(&s, path, false, &serr), WN_OK, "%s", serr.msg);
	cr_expect_eq(wn_file_stage_write(&s, "a,b\r\n", 5, &serr), WN_OK);
	cr_expect_eq(access(path, F_OK), -1, "nothing under the name before the end");
	cr_expect_eq(wn_file_stage_write(&s, "1,2\r\n", 5, &serr), WN_OK);
	cr_assert_eq(wn_file_stage_close(&s, WN_OK, &serr), WN_OK, "%s", serr.msg);
	struct stat sb;
	cr_assert_eq(stat(path, &sb), 0);
	cr_expect_eq(sb.st_mode & 0777, 0600);
	cr_expect_eq(sb.st_size, 10);
	cr_expect_eq(entries(), 1, "no temporary file left");
	/* an existing file without force: refused before anything is written */
	cr_expect_eq(wn_file_stage_open(&s, path, false, &serr), WN_CANTCREAT);
	cr_expect_eq(wn_file_stage_close(&s, WN_CANTCREAT, &serr), WN_CANTCREAT);
	cr_expect_eq(entries(), 1);
}

Test(export_stream, a_failed_stream_leaves_no_file)
{
	char path[4200];
	snprintf(path, sizeof path, "%s/out.json", sdir);
	struct wn_file_stage s;
	cr_assert_eq(wn_file_stage_open(&s, path, false, &serr), WN_OK, "%s", serr.msg);
	cr_expect_eq(wn_file_stage_write(&s, "{\"format\"", 9, &serr), WN_OK);
	cr_expect_eq(wn_file_stage_close(&s, WN_DATAERR, &serr), WN_DATAERR);
	cr_expect_eq(access(path, F_OK), -1);
	cr_expect_eq(entries(), 0, "the temporary file is removed");
}

Test(export_stream, the_diary_itself_is_refused)
{
	struct wn_db *db = s_open();
	char path[4200];
	snprintf(path, sizeof path, "%s/d.db", sdir);
	struct wn_file_stage s;
	cr_expect_eq(wn_db_output_open(db, path, true, &s, &serr), WN_CANTCREAT);
	cr_expect_not_null(strstr(serr.msg, "is the diary itself"), "%s", serr.msg);
	cr_expect_eq(wn_file_stage_close(&s, WN_CANTCREAT, &serr), WN_CANTCREAT);
	wn_db_close(db);
	struct stat sb;
	cr_expect_eq(stat(path, &sb), 0, "the diary is still there");
}
