/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Regression tests for bugs found by the fuzzers (tests/fuzz).  Each test
 * names the harness and the saved input in tests/fuzz/crashes/ that found
 * the bug; the inputs here are the same, minimised by hand. */
#include <criterion/criterion.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/import.h"
#include "db/db.h"
#include "core/text.h"
#include "tmpdir.h"
#include "db/db_int.h"   /* the raw handle, to look into the file */

static char fdir[4096];
static struct wn_db *fdb;
static struct wn_err ferr;

static void f_setup(void)
{
	wn_test_mkdtemp(fdir, sizeof fdir, "fuzzreg");
	setenv("WEAN_TODAY", "2026-03-10", 1);
	char path[4200];
	snprintf(path, sizeof path, "%s/d.db", fdir);
	struct wn_db_opts o = { .path = path, .create = true };
	wn_err_clear(&ferr);
	cr_assert_eq(wn_db_open(&fdb, &o, &ferr), WN_OK, "%s", ferr.msg);
}

static void f_teardown(void)
{
	wn_db_close(fdb);
	wn_test_rmtree(fdir);
}

static long checkins(void)
{
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(wn_db_sqlite(fdb), "SELECT count(*) FROM checkin",
	                                -1, &st, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	long n = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static int import(enum wn_import_format f, const char *text)
{
	struct wn_import_opts o = { .format = f };
	struct wn_import_result r;
	wn_err_clear(&ferr);
	return wn_import_text(fdb, &o, text, strlen(text), &r, &ferr);
}

/* Nothing a terminal acts on: valid UTF-8, no C0/C1/DEL/bidi control. */
static bool printable(const char *s)
{
	size_t n = strlen(s);
	if (!wn_text_valid_utf8(s, n))
		return false;
	for (size_t p = 0; p < n;) {
		int32_t cp;
		p += wn_text_decode(s + p, n - p, &cp);
		if (wn_text_is_unsafe(cp))
			return false;
	}
	return true;
}

TestSuite(fuzz_regress, .init = f_setup, .fini = f_teardown);

/* fuzz_import_json, crashes/import_json/escape_in_message.json: an unknown
 * symptom name written with \u001b escapes was quoted raw into the error
 * message, which `wean import` prints to the terminal (an OSC title change
 * and a screen clear here). */
Test(fuzz_regress, import_message_has_no_escape_sequences)
{
	const char *json = "{\"format\":\"wean\",\"schema_version\":1,\"days\":[{\"date\":"
		"\"2026-03-09\",\"ratings\":{\"\\u001b]0;pwned\\u0007\\u001b[2J\":1}}]}";
	cr_assert_eq(import(WN_IMPORT_JSON, json), WN_DATAERR);
	cr_assert(printable(ferr.msg), "unsafe message: %s", ferr.msg);
	cr_assert_not_null(strstr(ferr.msg, "no symptom"), "%s", ferr.msg);
	cr_assert_not_null(strstr(ferr.msg, "\xEF\xBF\xBD]0;pwned"), "%s", ferr.msg);
	cr_assert_eq(checkins(), 0);
}

/* The same through a CSV header (the column name is quoted) and a Daylio
 * mood label, with a raw DEL and a C1 CSI (U+009B). */
Test(fuzz_regress, import_csv_and_daylio_messages_are_safe)
{
	cr_assert_eq(import(WN_IMPORT_CSV, "date,has_checkin,mood,anxiety,energy,sleep,burden,"
	                    "flag,note,x\x7f\xC2\x9B" "2J\n"), WN_DATAERR);
	cr_assert(printable(ferr.msg), "unsafe message: %s", ferr.msg);
	cr_assert_not_null(strstr(ferr.msg, "no such symptom"), "%s", ferr.msg);
	cr_assert_eq(import(WN_IMPORT_DAYLIO, "full_date,date,weekday,time,mood,activities,"
	                    "note_title,note\n2026-03-01,March 1,Sunday,12:00,\x1b[5mgood,,,\n"),
	             WN_DATAERR);
	cr_assert(printable(ferr.msg), "unsafe message: %s", ferr.msg);
	cr_assert_not_null(strstr(ferr.msg, "unknown Daylio mood"), "%s", ferr.msg);
}

/* fuzz_import_daylio, crashes/import_daylio/row_shorter_than_header.csv:
 * with more header columns than the 8 Daylio ones, a row of 8 fields
 * passed the "at least 8 fields" check, and daylio_entry() read the
 * missing fields past the end of the record's arrays (SEGV under ASan). */
Test(fuzz_regress, daylio_row_shorter_than_header)
{
	const char *csv = "x,y,full_date,date,weekday,time,mood,note_title,note,activities\n"
		"x,y,2026-03-01,March 1,Sunday,12:00,good,t\n";
	cr_assert_eq(import(WN_IMPORT_DAYLIO, csv), WN_DATAERR);
	cr_assert_str_eq(ferr.msg, "line 2: 8 fields, expected 10");
	cr_assert_eq(checkins(), 0);
	/* the same file with every field is fine */
	cr_assert_eq(import(WN_IMPORT_DAYLIO, "x,y,full_date,date,weekday,time,mood,note_title,"
	                    "note,activities\nx,y,2026-03-01,March 1,Sunday,12:00,good,t,n,a | b\n"),
	             WN_OK, "%s", ferr.msg);
	cr_assert_eq(checkins(), 1);
}
