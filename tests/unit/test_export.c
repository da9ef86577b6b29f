/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for export.c: CSV rows (the cells: test_csv.c), a damaged
 * diary that fails the export instead of shortening it, and the JSON round trip
 * (export -> import into an empty diary -> export is byte-identical).
 * Each test uses its own temporary directory. */
#include <criterion/criterion.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/export.h"
#include "db/import.h"
#include "db/db.h"
#include "core/text.h"
#include "core/records.h"
#include "db/day.h"
#include "db/question.h"
#include "db/med.h"
#include "tmpdir.h"
#include "db/db_int.h"   /* the raw handle, to look into the file */

static char xdir[4096];
static struct wn_err xerr;

static void x_setup(void)
{
	wn_test_mkdtemp(xdir, sizeof xdir, "export");
	setenv("WEAN_TODAY", "2026-11-25", 1);
	wn_err_clear(&xerr);
}

static void x_teardown(void)
{
	wn_test_rmtree(xdir);
}

static struct wn_db *x_open(const char *name)
{
	char path[4200];
	snprintf(path, sizeof path, "%s/%s", xdir, name);
	struct wn_db_opts o = { .path = path, .create = true };
	struct wn_db *db = NULL;
	cr_assert_eq(wn_db_open(&db, &o, &xerr), WN_OK, "%s", xerr.msg);
	return db;
}

static wn_date day(const char *s)
{
	wn_date d;
	cr_assert_eq(wn_date_parse_iso(s, &d, NULL), WN_OK);
	return d;
}

static void x_checkin(struct wn_db *db, const char *date, int mood, const char *note)
{
	struct wn_checkin_patch p = { .date = day(date), .set = WN_SET_MOOD | WN_SET_SLEEP |
	                              (note ? WN_SET_NOTE : 0), .mood = mood, .sleep = 7.25,
	                              .note = note };
	cr_assert_eq(wn_db_checkin_update(db, &p, &xerr), WN_OK, "%s", xerr.msg);
}

/* ---- CSV rows ------------------------------------------------------------- */

static size_t count(const char *s, const char *what)
{
	size_t n = 0;
	for (const char *p = s; (p = strstr(p, what)); p += strlen(what))
		n++;
	return n;
}

Test(export, csv_one_row_per_day_and_fixed_columns, .init = x_setup, .fini = x_teardown)
{
	struct wn_db *db = x_open("a.db");
	x_checkin(db, "2026-03-02", 6, "=1+1");
	x_checkin(db, "2026-03-05", 4, "comma, \"quote\"\nline two");
	struct wn_export_opts o = { .from = day("2026-03-01"), .to = day("2026-03-07") };
	struct wn_buf b;
	wn_buf_init(&b);
	cr_assert_eq(wn_export_csv(db, &o, &b, &xerr), WN_OK, "%s", xerr.msg);
	cr_expect_eq(o.n_days, 7);
	/* header + 7 rows, each ending CRLF; the note's own LF stays inside quotes */
	cr_expect_eq(count(b.s, "\r\n"), 8);
	cr_expect(strncmp(b.s, "date,recorded,mood,anxiety,energy,sleep,burden,", 47) == 0);
	/* issue 14: burden empty, not 0, where nothing was rated or recorded */
	cr_expect_not_null(strstr(b.s, "\r\n2026-03-01,0,,,,,,"), "%s", b.s);
	cr_expect_not_null(strstr(b.s, "\r\n2026-03-02,1,6,,,7.25,,"));
	cr_expect_not_null(strstr(b.s, ",0,'=1+1\r\n"));
	cr_expect_not_null(strstr(b.s, ",0,\"comma, \"\"quote\"\"\nline two\"\r\n"));
	cr_expect_not_null(strstr(b.s, "\r\n2026-03-07,0,"));
	/* the same columns for a range with no data at all */
	const char *eol = strstr(b.s, "\r\n");
	size_t header_len = (size_t)(eol - b.s);
	struct wn_buf e;
	wn_buf_init(&e);
	struct wn_export_opts o2 = { .from = day("2025-01-01"), .to = day("2025-01-01") };
	cr_assert_eq(wn_export_csv(db, &o2, &e, &xerr), WN_OK, "%s", xerr.msg);
	cr_expect(strncmp(e.s, b.s, header_len + 2) == 0);
	wn_buf_free(&e);
	wn_buf_free(&b);
	wn_db_close(db);
}

/* ---- a damaged diary ------------------------------------------------------ */

/* Overwrites every page of the checkin table (found by walking its b-tree
 * from the root) with garbage whose first byte is no page type. */
static void damage_checkin(const char *path)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_open(path, &h), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(h, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL),
	             SQLITE_OK);
	cr_assert_eq(sqlite3_prepare_v2(h, "SELECT rootpage FROM sqlite_schema"
	                                " WHERE name = 'checkin'", -1, &st, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	long root = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	cr_assert_eq(sqlite3_close(h), SQLITE_OK);
	char junk[4096];
	memset(junk, 0xff, sizeof junk);
	FILE *f = fopen(path, "r+b");
	cr_assert_not_null(f);
	cr_assert_eq(fseek(f, (root - 1) * 4096, SEEK_SET), 0);
	cr_assert_eq(fwrite(junk, 1, sizeof junk, f), sizeof junk);
	fclose(f);
}

/* The bug: a damaged checkin table gave a CSV without its check-ins. */
Test(export, a_damaged_table_fails_the_export, .init = x_setup, .fini = x_teardown)
{
	static const struct {
		const char *name;
		int (*fn)(struct wn_db *, struct wn_export_opts *, struct wn_buf *,
		          struct wn_err *);
		const char *from, *to;   /* NULL: the diary's first / last day */
	} cases[] = {
		{ .name = "csv, whole diary", .fn = wn_export_csv },
		{ .name = "csv, a range", .fn = wn_export_csv, .from = "2026-03-04",
		  .to = "2026-03-06" },
		{ .name = "json", .fn = wn_export_json },
		{ .name = "json, a range", .fn = wn_export_json, .from = "2026-03-04",
		  .to = "2026-03-06" },
	};
	struct wn_db *db = x_open("bad.db");
	for (int d = 1; d <= 9; d++) {
		char date[32];
		snprintf(date, sizeof date, "2026-03-%02d", d);
		x_checkin(db, date, d, "a note");
	}
	wn_db_close(db);
	char path[4200];
	snprintf(path, sizeof path, "%s/bad.db", xdir);
	damage_checkin(path);
	db = x_open("bad.db");
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct wn_export_opts o = {
			.from = cases[i].from ? day(cases[i].from) : WN_DATE_NONE,
			.to = cases[i].to ? day(cases[i].to) : WN_DATE_NONE, .exported = "x" };
		struct wn_buf b;
		wn_buf_init(&b);
		wn_err_clear(&xerr);
		int rc = cases[i].fn(db, &o, &b, &xerr);
		cr_expect_eq(rc, WN_DATAERR, "%s: %d %s", cases[i].name, rc, xerr.msg);
		cr_expect_not_null(strstr(xerr.msg, "the diary is damaged; `wean check` says where"),
		                   "%s: %s", cases[i].name, xerr.msg);
		wn_buf_free(&b);
	}
	wn_db_close(db);
}

/* ---- JSON round trip ------------------------------------------------------ */

static const char *const tricky[] = {
	"commas, and \"quotes\"",
	"line one\nline two\n\ttabbed",
	"emoji \xF0\x9F\x98\x80 and \xE2\x9D\xA4\xEF\xB8\x8F",
	"\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xD8\xB3\xD9\x84\xD8\xA7\xD9\x85 (right-to-left)",
	"=1+1 back\\slash / and a \xE2\x80\xAE bidi override",
};

static void fill(struct wn_db *db)
{
	for (size_t i = 0; i < sizeof tricky / sizeof *tricky; i++) {
		char d[WN_DATE_STRLEN];
		wn_date_format(day("2026-04-01") + (wn_date)i, d);
		x_checkin(db, d, (int)i, tricky[i]);
		cr_assert_eq(wn_db_quicknote_add(db, day(d), 600 + (int)i, tricky[i], &xerr), WN_OK);
		cr_assert_eq(wn_db_question_add(db, day(d), tricky[(i + 1) % 5], &xerr), WN_OK);
	}
	struct wn_med m = { .name = "sertraline, \"Zoloft\"", .unit = "mg" };
	long id;
	cr_assert_eq(wn_db_med_add(db, &m, &id, &xerr), WN_OK, "%s", xerr.msg);
	struct wn_dose d = { .date = day("2026-04-02"), .minute = 480, .med_id = id, .amount = 37.5 };
	cr_assert_eq(wn_db_dose_add(db, &d, NULL, &xerr), WN_OK, "%s", xerr.msg);
	cr_assert_eq(sqlite3_exec(wn_db_sqlite(db), "INSERT INTO metric_def(name, min)"
	                          " VALUES ('steps', 0)", NULL, NULL, NULL), SQLITE_OK);
	cr_assert_eq(wn_db_metric_set(db, day("2026-04-03"), "steps", 1.0 / 3, &xerr), WN_OK,
	             "%s", xerr.msg);
}

static char *json_of(struct wn_db *db)
{
	struct wn_export_opts o = { .from = WN_DATE_NONE, .to = WN_DATE_NONE,
	                            .exported = "2026-11-25T00:00:00Z" };
	struct wn_buf b;
	wn_buf_init(&b);
	cr_assert_eq(wn_export_json(db, &o, &b, &xerr), WN_OK, "%s", xerr.msg);
	return wn_buf_detach(&b);
}

Test(export, json_round_trip_is_byte_identical, .init = x_setup, .fini = x_teardown)
{
	struct wn_db *a = x_open("a.db"), *b = x_open("b.db");
	fill(a);
	char *first = json_of(a);
	cr_expect(wn_text_valid_utf8(first, strlen(first)));
	cr_expect_not_null(strstr(first, "\"metrics\":{\"steps\":0.333333333333333}"), "%s", first);
	cr_expect_not_null(strstr(first, "\"note\":\"line one\\nline two\\n\\ttabbed\""));
	struct wn_import_opts io = { .format = WN_IMPORT_JSON };
	struct wn_import_result r;
	cr_assert_eq(wn_import_text(b, &io, first, strlen(first), &r, &xerr), WN_OK, "%s", xerr.msg);
	cr_expect_eq(r.added, 5);
	char *second = json_of(b);
	cr_expect_str_eq(second, first);
	/* importing again into the same diary changes nothing */
	cr_assert_eq(wn_import_text(b, &io, first, strlen(first), &r, &xerr), WN_OK, "%s", xerr.msg);
	cr_expect_eq(r.unchanged, 5);
	cr_expect_eq(r.conflicts, 0);
	char *third = json_of(b);
	cr_expect_str_eq(third, first);
	free(first);
	free(second);
	free(third);
	wn_db_close(a);
	wn_db_close(b);
}

Test(export, json_empty_diary, .init = x_setup, .fini = x_teardown)
{
	struct wn_db *a = x_open("a.db");
	char *s = json_of(a);
	cr_expect(strncmp(s, "{\"format\":\"wean\",\"schema_version\":2,", 36) == 0);
	cr_expect_not_null(strstr(s, "\"days\":[]}\n"));
	free(s);
	wn_db_close(a);
}
