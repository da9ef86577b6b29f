/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for import.c: bad input changes nothing and names its line,
 * merge versus replace, dry runs, wean CSV and the Daylio sample. */
#include <criterion/criterion.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/import.h"
#include "db/db.h"
#include "core/text.h"
#include "core/records.h"
#include "db/day.h"
#include "db/symptoms.h"
#include "tmpdir.h"
#include "db/db_int.h"   /* the raw handle, to look into the file */

static char idir[4096];
static struct wn_db *idb;
static struct wn_err ierr;

static wn_date iday(const char *s)
{
	wn_date d;
	cr_assert_eq(wn_date_parse_iso(s, &d, NULL), WN_OK);
	return d;
}

static void i_setup(void)
{
	wn_test_mkdtemp(idir, sizeof idir, "import");
	setenv("WEAN_TODAY", "2026-11-25", 1);
	char path[4200];
	snprintf(path, sizeof path, "%s/d.db", idir);
	struct wn_db_opts o = { .path = path, .create = true };
	wn_err_clear(&ierr);
	cr_assert_eq(wn_db_open(&idb, &o, &ierr), WN_OK, "%s", ierr.msg);
	struct wn_checkin_patch p = { .date = iday("2026-01-01"), .set = WN_SET_MOOD | WN_SET_NOTE,
	                              .mood = 5, .note = "kept" };
	cr_assert_eq(wn_db_checkin_update(idb, &p, &ierr), WN_OK, "%s", ierr.msg);
	struct wn_symptom s;
	cr_assert_eq(wn_db_symptom_find(idb, "dizziness", &s, &ierr), WN_OK, "%s", ierr.msg);
	cr_assert_eq(wn_db_rating_set(idb, iday("2026-01-01"), s.id, 2, &ierr), WN_OK);
}

static void i_teardown(void)
{
	wn_db_close(idb);
	wn_test_rmtree(idir);
}

/* Rows of every day table together, to see that nothing changed. */
static long rows(void)
{
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(wn_db_sqlite(idb),
	             "SELECT (SELECT count(*) FROM checkin) + (SELECT count(*) FROM rating)"
	             " + (SELECT count(*) FROM dose) + (SELECT count(*) FROM quicknote)"
	             " + (SELECT count(*) FROM question) + (SELECT count(*) FROM medication)"
	             " + (SELECT count(*) FROM symptom)", -1, &st, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	long n = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static int import(enum wn_import_format f, bool replace, const char *text, size_t len,
                  struct wn_import_result *r)
{
	struct wn_import_opts o = { .format = f, .replace = replace };
	wn_err_clear(&ierr);
	return wn_import_text(idb, &o, text, len, r, &ierr);
}

#define HEAD "{\"format\":\"wean\",\"schema_version\":1,\n\"days\":[\n" \
	"{\"date\":\"2026-02-01\",\"checkin\":{\"mood\":3}},\n"

struct bad {
	const char *name;
	enum wn_import_format format;
	const char *text;
	const char *want;        /* in the message */
};

static const struct bad bad_cases[] = {
	{ .name = "truncated json", .text = HEAD "{\"date\":\"2026-02-02\",\"checkin\":{\"mo",
	  .want = "line 4, column" },
	{ .name = "wrong type", .text = HEAD "{\"date\":\"2026-02-02\",\"checkin\":{\"mood\":\"seven\"}}]}",
	  .want = "line 4: days[1].checkin.mood: expected a whole number from 0 to 10" },
	{ .name = "fraction", .text = HEAD "{\"date\":\"2026-02-02\",\"checkin\":{\"mood\":7.5}}]}",
	  .want = "line 4: days[1].checkin.mood" },
	{ .name = "impossible date", .text = HEAD "{\"date\":\"2026-02-30\",\"checkin\":{\"mood\":1}}]}",
	  .want = "line 4: days[1].date: expected a real date" },
	{ .name = "unknown symptom", .text = HEAD "{\"date\":\"2026-02-02\",\n\"ratings\":{\"zaps\":1}}]}",
	  .want = "line 5: days[1].ratings: no symptom \"zaps\"" },
	{ .name = "rating range", .text = HEAD "{\"date\":\"2026-02-02\",\"ratings\":{\"nausea\":4}}]}",
	  .want = "line 4: days[1].ratings.nausea" },
	{ .name = "invalid utf-8", .text = HEAD "{\"date\":\"2026-02-02\",\"checkin\":{\"note\":\"a\xff\"}}]}",
	  .want = "line 4: invalid UTF-8" },
	{ .name = "raw control char", .text = HEAD "{\"date\":\"2026-02-02\",\"checkin\":{\"note\":\"a\tb\"}}]}",
	  .want = "line 4, column" },
	{ .name = "not wean", .text = "{\"format\":\"other\"}", .want = "line 1: format" },
	{ .name = "newer schema", .text = "{\"format\":\"wean\",\n\"schema_version\":3}",
	  .want = "line 2: schema_version" },
	{ .name = "csv missing column", .format = WN_IMPORT_CSV,
	  .text = "date,has_checkin,anxiety,energy,sleep,burden,flag,note\r\n2026-02-01,1,,,,0,0,x\r\n",
	  .want = "line 1: the column \"mood\" is missing" },
	{ .name = "csv bad date", .format = WN_IMPORT_CSV,
	  .text = "date,has_checkin,mood,anxiety,energy,sleep,burden,flag,note\r\n"
	          "2026-02-01,1,4,,,,0,0,x\r\n2026-13-01,1,4,,,,0,0,x\r\n",
	  .want = "line 3: date: \"2026-13-01\" is not a real date" },
	{ .name = "csv bad mood", .format = WN_IMPORT_CSV,
	  .text = "date,has_checkin,mood,anxiety,energy,sleep,burden,flag,note\r\n"
	          "2026-02-01,1,4,,,,0,0,\"multi\nline\"\r\n2026-02-02,1,11,,,,0,0,x\r\n",
	  .want = "line 4: mood: \"11\" is not a number from 0 to 10" },
	{ .name = "csv control char in cell", .format = WN_IMPORT_CSV,
	  .text = "date,has_checkin,mood,anxiety,energy,sleep,burden,flag,note\r\n"
	          "2026-02-01,1,\"4\n\",,,,0,0,x\r\n",
	  .want = "line 2: mood: \"4?\" is not a number" },
	{ .name = "csv unknown column", .format = WN_IMPORT_CSV,
	  .text = "date,has_checkin,mood,anxiety,energy,sleep,burden,zaps,flag,note\r\n",
	  .want = "line 1: column \"zaps\"" },
	{ .name = "daylio label", .format = WN_IMPORT_DAYLIO,
	  .text = "full_date,date,weekday,time,mood,activities,note_title,note\n"
	          "2026-02-02,February 2,Monday,10:00,good,,,\n2026-02-01,February 1,Sunday,10:00,super,,,\n",
	  .want = "unknown Daylio mood \"super\" (line 3)" },
	{ .name = "daylio missing column", .format = WN_IMPORT_DAYLIO,
	  .text = "full_date,date,weekday,time,activities,note_title,note\n",
	  .want = "line 1: the column \"mood\" is missing" },
};

Test(import, bad_input_changes_nothing_and_names_the_line, .init = i_setup, .fini = i_teardown)
{
	long before = rows();
	for (size_t i = 0; i < sizeof bad_cases / sizeof *bad_cases; i++) {
		const struct bad *c = &bad_cases[i];
		struct wn_import_result r;
		int rc = import(c->format, false, c->text, strlen(c->text), &r);
		cr_expect_eq(rc, WN_DATAERR, "%s: rc %d (%s)", c->name, rc, ierr.msg);
		cr_expect_not_null(strstr(ierr.msg, c->want), "%s: got \"%s\"", c->name, ierr.msg);
		cr_expect_eq(rows(), before, "%s changed the diary", c->name);
	}
}

Test(import, a_one_megabyte_line_is_refused, .init = i_setup, .fini = i_teardown)
{
	long before = rows();
	size_t big = 1024 * 1024 + 10;
	char *t = malloc(big + 256);
	cr_assert_not_null(t);
	/* JSON: a 1 MB note on line 4 */
	int n = snprintf(t, 256, "%s{\"date\":\"2026-02-02\",\"checkin\":{\"note\":\"", HEAD);
	memset(t + n, 'a', big);
	strcpy(t + n + big, "\"}}]}");
	struct wn_import_result r;
	cr_expect_eq(import(WN_IMPORT_JSON, false, t, strlen(t), &r), WN_DATAERR);
	cr_expect_not_null(strstr(ierr.msg, "line 4: days[1].checkin.note: expected text"), "%s", ierr.msg);
	/* CSV: a 1 MB record on line 2 */
	n = snprintf(t, 256, "date,has_checkin,mood,anxiety,energy,sleep,burden,flag,note\r\n"
	             "2026-02-02,1,,,,,0,0,");
	memset(t + n, 'b', big);
	strcpy(t + n + big, "\r\n");
	cr_expect_eq(import(WN_IMPORT_CSV, false, t, strlen(t), &r), WN_DATAERR);
	cr_expect_not_null(strstr(ierr.msg, "line 2: a record longer than"), "%s", ierr.msg);
	cr_expect_eq(rows(), before);
	free(t);
}

static void checkin_of(const char *date, struct wn_day *d)
{
	cr_assert_eq(wn_db_day_load(idb, iday(date), d, &ierr), WN_OK, "%s", ierr.msg);
}

/* Before: the file's mood overwrote the person's own without a word.  Now
 * the diary's value is kept and the conflict listed; --replace still
 * replaces whole days. */
Test(import, merge_keeps_lists_conflicts_and_replace_overwrites, .init = i_setup, .fini = i_teardown)
{
	static const char t[] = "{\"format\":\"wean\",\"schema_version\":1,\"days\":["
		"{\"date\":\"2026-01-01\",\"checkin\":{\"mood\":8}},"
		"{\"date\":\"2026-01-02\",\"checkin\":{\"mood\":2,\"sleep\":6.5}},"
		"{\"date\":\"2026-01-03\"}]}";
	struct wn_import_result r;
	struct wn_day d;
	cr_assert_eq(import(WN_IMPORT_JSON, false, t, strlen(t), &r), WN_OK, "%s", ierr.msg);
	cr_expect_eq(r.added, 1);
	cr_expect_eq(r.updated, 0);
	cr_expect_eq(r.unchanged, 1);
	cr_expect_eq(r.skipped, 1);
	cr_assert_eq(r.conflicts, 1);
	cr_assert_eq(r.n_listed, 1);
	cr_expect_str_eq(r.listed[0].date, "2026-01-01");
	cr_expect_str_eq(r.listed[0].field, "mood");
	cr_expect_str_eq(r.listed[0].diary, "5");
	cr_expect_str_eq(r.listed[0].file, "8");
	cr_expect_eq(r.listed[0].action, WN_IMPORT_KEPT);
	wn_import_result_free(&r);
	checkin_of("2026-01-01", &d);
	cr_expect_eq(d.ci.mood, 5);
	cr_expect_str_eq(d.ci.note, "kept");
	cr_expect_eq(d.n_ratings, 1);
	wn_day_free(&d);
	cr_assert_eq(import(WN_IMPORT_JSON, true, t, strlen(t), &r), WN_OK, "%s", ierr.msg);
	cr_expect_eq(r.conflicts, 0);
	wn_import_result_free(&r);
	checkin_of("2026-01-01", &d);
	cr_expect_eq(d.ci.mood, 8);
	cr_expect_null(d.ci.note);
	cr_expect_eq(d.n_ratings, 0);
	wn_day_free(&d);
}

Test(import, dry_run_writes_nothing, .init = i_setup, .fini = i_teardown)
{
	static const char t[] = "{\"format\":\"wean\",\"schema_version\":1,\"days\":["
		"{\"date\":\"2026-01-05\",\"checkin\":{\"mood\":8}}]}";
	long before = rows();
	struct wn_import_opts o = { .format = WN_IMPORT_JSON, .dry_run = true };
	struct wn_import_result r;
	cr_assert_eq(wn_import_text(idb, &o, t, strlen(t), &r, &ierr), WN_OK, "%s", ierr.msg);
	cr_expect_eq(r.added, 1);
	cr_expect_eq(rows(), before);
}

Test(import, wean_csv_with_guarded_note, .init = i_setup, .fini = i_teardown)
{
	static const char t[] =
		"date,has_checkin,mood,anxiety,energy,sleep,burden,nausea,flag,note\r\n"
		"2026-02-01,1,4,3,,7.5,2,2,1,'=1+1\r\n"
		"2026-02-02,0,,,,,0,,0,\r\n"
		"2026-02-03,1,6,,,,0,,0,\"a, \"\"b\"\"\nc\"\r\n";
	struct wn_import_result r;
	struct wn_day d;
	cr_assert_eq(import(WN_IMPORT_CSV, false, t, strlen(t), &r), WN_OK, "%s", ierr.msg);
	cr_expect_eq(r.added, 2);
	cr_expect_eq(r.skipped, 1);
	checkin_of("2026-02-01", &d);
	cr_expect_eq(d.ci.mood, 4);
	cr_expect_eq(d.ci.anxiety, 3);
	cr_expect_eq(d.ci.energy, WN_UNSET);
	cr_expect_float_eq(d.ci.sleep, 7.5, 1e-9);
	cr_expect(d.ci.flag);
	cr_expect_str_eq(d.ci.note, "=1+1");
	cr_expect_eq(d.n_ratings, 1);
	wn_day_free(&d);
	checkin_of("2026-02-03", &d);
	cr_expect_str_eq(d.ci.note, "a, \"b\"\nc");
	wn_day_free(&d);
}

static char *slurp(const char *rel, size_t *len)
{
	const char *src = getenv("WEAN_SRCDIR");
	char path[4200];
	snprintf(path, sizeof path, "%s/%s", src && *src ? src : ".", rel);
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f, "%s: %s", path, strerror(errno));
	char *buf = malloc(1 << 16);
	cr_assert_not_null(buf);
	*len = fread(buf, 1, (1 << 16) - 1, f);
	fclose(f);
	buf[*len] = '\0';
	return buf;
}

Test(import, daylio_sample, .init = i_setup, .fini = i_teardown)
{
	size_t len;
	char *t = slurp("tests/data/daylio_sample.csv", &len);
	struct wn_import_result r;
	struct wn_day d;
	cr_assert_eq(import(WN_IMPORT_DAYLIO, false, t, len, &r), WN_OK, "%s", ierr.msg);
	cr_expect_eq(r.added, 4);
	/* each entry a quick note at its time; the check-in has the mood */
	checkin_of("2026-03-04", &d);
	cr_expect_eq(d.ci.mood, 6);                     /* good 7 and meh 5 */
	cr_expect_null(d.ci.note);
	cr_assert_eq(d.n_qnotes, 2);
	cr_expect_eq(d.qnotes[0].minute, 8 * 60 + 5);
	cr_expect_str_eq(d.qnotes[0].text, "Woke at 4, \"brain zaps\" again.\n"
	                 "activities: sleep early\nmood: meh");
	cr_expect_eq(d.qnotes[1].minute, 21 * 60 + 40);
	cr_expect_str_eq(d.qnotes[1].text, "Evening\nLong walk with Sam, felt lighter.\n"
	                 "activities: family, walk, reading\nmood: good");
	wn_day_free(&d);
	checkin_of("2026-03-01", &d);
	cr_expect_eq(d.ci.mood, 1);
	cr_assert_eq(d.n_qnotes, 1);
	cr_expect_str_eq(d.qnotes[0].text, "Cut to 37.5 mg today.");
	wn_day_free(&d);
	checkin_of("2026-03-03", &d);
	cr_expect_eq(d.ci.mood, 3);
	cr_assert_eq(d.n_qnotes, 1);
	cr_expect_eq(d.qnotes[0].minute, 22 * 60 + 10);
	cr_expect_str_eq(d.qnotes[0].text, "Hard day\nDizzy on the bus.\nLeft work early.\n"
	                 "activities: work");
	wn_day_free(&d);
	/* again: the same quick notes are not added twice */
	cr_assert_eq(import(WN_IMPORT_DAYLIO, false, t, len, &r), WN_OK, "%s", ierr.msg);
	cr_expect_eq(r.unchanged, 4);
	checkin_of("2026-03-04", &d);
	cr_expect_eq(d.n_qnotes, 2);
	wn_day_free(&d);
	free(t);
}

/* ---- the journal's search index ----------------------------------------------------- */

static long matches(const char *word)
{
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(wn_db_sqlite(idb), "SELECT count(*) FROM journal_fts"
	             " WHERE journal_fts MATCH ?1", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, word, -1, SQLITE_STATIC);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	long n = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* The index, checked against the texts, and the import's queue empty. */
static void index_sound(void)
{
	char *msg = NULL;
	cr_assert_eq(sqlite3_exec(wn_db_sqlite(idb), "INSERT INTO journal_fts(journal_fts, rank)"
	             " VALUES ('integrity-check', 1)", NULL, NULL, &msg), SQLITE_OK, "%s", msg);
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(wn_db_sqlite(idb), "SELECT count(*) FROM journal_fts_queue",
	             -1, &st, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	cr_expect_eq(sqlite3_column_int(st, 0), 0, "the queue is empty");
	sqlite3_finalize(st);
}

/* Days added, notes joined, replaced and dropped by an import (whose
 * changes to the index wait in its queue until its end): the search
 * finds what the diary holds, and nothing of a dry run or a refused file. */
Test(import, the_search_index_follows_every_import, .init = i_setup, .fini = i_teardown)
{
	static const char days[] = "{\"format\":\"wean\",\"schema_version\":1,\"days\":[\n"
		"{\"date\":\"2026-01-01\",\"checkin\":{\"note\":\"zaps in the morning\"}},\n"
		"{\"date\":\"2026-02-01\",\"checkin\":{\"note\":\"walked far\"},"
		"\"quicknotes\":[{\"minute\":60,\"text\":\"dizzy spell\"}],"
		"\"questions\":[{\"text\":\"slower cuts?\",\"answered\":1,\"answer\":\"yes, halve\"}]}]}";
	static const char later[] = "{\"format\":\"wean\",\"schema_version\":1,\"days\":[\n"
		"{\"date\":\"2026-02-01\",\"checkin\":{\"mood\":4}}]}";
	struct wn_import_result r;
	struct wn_import_opts o = { .format = WN_IMPORT_JSON, .dry_run = true };
	cr_assert_eq(wn_import_text(idb, &o, days, strlen(days), &r, &ierr), WN_OK, "%s", ierr.msg);
	wn_import_result_free(&r);
	cr_expect_eq(matches("walked"), 0, "a dry run indexes nothing");
	index_sound();
	o = (struct wn_import_opts){ .format = WN_IMPORT_JSON, .on_conflict = WN_IMPORT_APPEND };
	cr_assert_eq(wn_import_text(idb, &o, days, strlen(days), &r, &ierr), WN_OK, "%s", ierr.msg);
	wn_import_result_free(&r);
	cr_expect_eq(matches("kept"), 1, "the diary's note, joined");
	cr_expect_eq(matches("morning"), 1, "and the file's");
	cr_expect_eq(matches("walked"), 1);
	cr_expect_eq(matches("dizzy"), 1);
	cr_expect_eq(matches("halve"), 1);
	index_sound();
	o = (struct wn_import_opts){ .format = WN_IMPORT_JSON, .replace = true };
	cr_assert_eq(wn_import_text(idb, &o, later, strlen(later), &r, &ierr), WN_OK, "%s", ierr.msg);
	wn_import_result_free(&r);
	cr_expect_eq(matches("walked"), 0, "a day replaced whole loses its texts");
	cr_expect_eq(matches("dizzy OR slower OR halve"), 0);
	cr_expect_eq(matches("morning"), 1);
	index_sound();
	static const char bad[] = "{\"format\":\"wean\",\"schema_version\":1,\"days\":[\n"
		"{\"date\":\"2026-03-01\",\"checkin\":{\"note\":\"never\"}},\n"
		"{\"date\":\"2026-03-02\",\"checkin\":{\"mood\":11}}]}";
	o = (struct wn_import_opts){ .format = WN_IMPORT_JSON };
	cr_assert_eq(wn_import_text(idb, &o, bad, strlen(bad), &r, &ierr), WN_DATAERR);
	wn_import_result_free(&r);
	cr_expect_eq(matches("never"), 0);
	index_sound();
}
