/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for the diary storage (storage.c, storage_day.c,
 * storage_schema.c).  Every test works in its own temporary directory
 * under $WEAN_TMP, $TMPDIR or /tmp, with umask 000 so that the modes the
 * storage layer promises are its own doing. */
#include <criterion/criterion.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/buf.h"
#include "db/db.h"
#include "core/symptoms.h"
#include "core/records.h"
#include "core/safety.h"
#include "db/day.h"
#include "db/question.h"
#include "db/med.h"
#include "db/symptoms.h"
#include "db/db_int.h"   /* the raw handle, to look into the file */
#include "schema_old.h"
#include "sqlq.h"
#include "tmpdir.h"

#define TODAY "2026-11-25"

static char dir[4096];
static char dbpath[4200];
static struct wn_db *db;
static struct wn_err err;

/* ---- fixture and helpers ------------------------------------------------- */

static void setup(void)
{
	wn_test_mkdtemp(dir, sizeof dir, "storage");
	snprintf(dbpath, sizeof dbpath, "%s/wean.db", dir);
	setenv("WEAN_TODAY", TODAY, 1);
	umask(0);
	db = NULL;
	wn_err_clear(&err);
}

static void teardown(void)
{
	wn_db_close(db);
	db = NULL;
	chmod(dir, 0700);
	wn_test_rmtree(dir);
}

TestSuite(storage, .init = setup, .fini = teardown);

static wn_date D(int y, int m, int d)
{
	return wn_date_from_ymd(y, m, d);
}

static struct wn_db *open_at(const char *path, bool create)
{
	struct wn_db *h = NULL;
	struct wn_db_opts o = { .path = path, .create = create };
	int rc = wn_db_open(&h, &o, &err);
	cr_assert_eq(rc, WN_OK, "open %s: %d %s", path, rc, err.msg);
	return h;
}

static void open_main(void)
{
	db = open_at(dbpath, true);
}

static int mode_of(const char *path)
{
	struct stat st;
	cr_assert_eq(stat(path, &st), 0, "stat %s: %s", path, strerror(errno));
	return (int)(st.st_mode & 07777);
}

static long sym_id(const char *name)
{
	struct wn_symptom s;
	cr_assert_eq(wn_db_symptom_find(db, name, &s, &err), WN_OK, "%s", err.msg);
	return s.id;
}

static long add_med(const char *name)
{
	struct wn_med m = { 0 };
	snprintf(m.name, sizeof m.name, "%s", name);
	snprintf(m.unit, sizeof m.unit, "mg");
	long id = 0;
	cr_assert_eq(wn_db_med_add(db, &m, &id, &err), WN_OK, "%s", err.msg);
	return id;
}

static void checkin(wn_date date, unsigned set, int mood, const char *note)
{
	struct wn_checkin_patch p = { .date = date, .set = set, .mood = mood,
	                              .anxiety = WN_UNSET, .energy = WN_UNSET,
	                              .sleep = NAN, .note = note };
	cr_assert_eq(wn_db_checkin_update(db, &p, &err), WN_OK, "%s", err.msg);
}

/* Run raw SQL on a fresh connection of our own (another program). */
static void raw_exec(const char *path, const char *sql)
{
	sqlite3 *h;
	cr_assert_eq(sqlite3_open(path, &h), SQLITE_OK);
	char *msg = NULL;
	int rc = sqlite3_exec(h, sql, NULL, NULL, &msg);
	cr_assert_eq(rc, SQLITE_OK, "%s: %s", sql, msg ? msg : "");
	sqlite3_free(msg);
	cr_assert_eq(sqlite3_close(h), SQLITE_OK);
}

#define query_long wn_test_long

/* FNV-1a over the file's bytes, and its size. */
static uint64_t file_sum(const char *path, long *size)
{
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f, "open %s", path);
	uint64_t h = 1469598103934665603ull;
	int c;
	*size = 0;
	while ((c = getc(f)) != EOF) {
		h = (h ^ (uint64_t)c) * 1099511628211ull;
		(*size)++;
	}
	fclose(f);
	return h;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The sorted names in the test directory joined by '/'. */
static void listing(char *buf, size_t n)
{
	char *names[64];
	size_t k = 0;
	DIR *d = opendir(dir);
	cr_assert_not_null(d);
	struct dirent *e;
	while ((e = readdir(d)) && k < 64)
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			names[k++] = strdup(e->d_name);
	closedir(d);
	qsort(names, k, sizeof *names, cmp_str);
	buf[0] = '\0';
	for (size_t i = 0; i < k; i++) {
		strncat(buf, names[i], n - strlen(buf) - 2);
		strcat(buf, "/");
		free(names[i]);
	}
}

static void write_bytes(const char *path, const void *data, size_t n, int mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
	cr_assert(fd >= 0);
	cr_assert_eq(write(fd, data, n), (ssize_t)n);
	close(fd);
}

/* ---- creating and reopening ---------------------------------------------- */

Test(storage, create_makes_private_dirs_and_file)
{
	char a[4200], b[4300], path[4400], side[4500];
	snprintf(a, sizeof a, "%s/a", dir);
	snprintf(b, sizeof b, "%s/b", a);
	snprintf(path, sizeof path, "%s/wean.db", b);
	db = open_at(path, true);
	cr_expect_eq(mode_of(a), 0700);
	cr_expect_eq(mode_of(b), 0700);
	cr_expect_eq(mode_of(path), 0600);
	checkin(D(2026, 11, 1), WN_SET_MOOD, 5, NULL);
	snprintf(side, sizeof side, "%s-wal", path);
	cr_expect_eq(mode_of(side), 0600, "-wal mode");
	snprintf(side, sizeof side, "%s-shm", path);
	cr_expect_eq(mode_of(side), 0600, "-shm mode");
	sqlite3 *h = wn_db_sqlite(db);
	cr_expect_eq(query_long(h, "PRAGMA application_id"), WN_APPLICATION_ID);
	cr_expect_eq(query_long(h, "PRAGMA user_version"), WN_SCHEMA_VERSION);
	cr_expect_eq(query_long(h, "PRAGMA foreign_keys"), 1);
	cr_expect_str_eq(wn_db_path(db), path);
}

Test(storage, reopen_keeps_data_and_makes_no_backup)
{
	open_main();
	checkin(D(2026, 11, 2), WN_SET_MOOD | WN_SET_NOTE, 7, "kept");
	wn_db_close(db);
	db = open_at(dbpath, false);
	struct wn_day day;
	cr_assert_eq(wn_db_day_load(db, D(2026, 11, 2), &day, &err), WN_OK);
	cr_expect(day.ci.exists);
	cr_expect_eq(day.ci.mood, 7);
	cr_expect_str_eq(day.ci.note, "kept");
	wn_day_free(&day);
	wn_db_close(db);
	db = NULL;
	char names[1024];
	listing(names, sizeof names);
	cr_expect_str_eq(names, "wean.db/", "after a clean close only the diary is left");
}

Test(storage, builtin_symptoms_are_seeded_in_order)
{
	open_main();
	size_t nb = 0;
	const struct wn_symptom_def *defs = wn_symptoms_builtin(&nb);
	struct wn_symptom *s;
	size_t n;
	cr_assert_eq(wn_db_symptom_list(db, true, &s, &n, &err), WN_OK);
	cr_assert_eq(n, nb + 1, "the built-ins and the optional self-harm item");
	cr_expect_geq(n, 12);
	cr_expect_str_eq(s[nb].name, WN_SAFETY_SELF_HARM);
	cr_expect(s[nb].hidden, "the optional item starts hidden");
	cr_expect_eq(s[nb].sort, (int)nb);
	for (size_t i = 0; i < nb; i++) {
		cr_expect_str_eq(s[i].name, defs[i].name);
		cr_expect_str_eq(s[i].group, defs[i].group);
		cr_expect_eq(s[i].source, WN_SYM_BUILTIN);
		cr_expect_eq(s[i].sort, (int)i);
		cr_expect_not(s[i].hidden);
		cr_expect_eq(s[i].first_seen, WN_DATE_NONE);
	}
	free(s);
}

/* ---- one day ----------------------------------------------------------------- */

Test(storage, day_round_trip_with_every_field)
{
	open_main();
	wn_date d = D(2026, 11, 20);
	const char *note = "h\xc3\xa9llo, w\xc3\xb6rld \xe2\x80\x94 \xe6\x97\xa5\xe6\x9c\xac\n\tline 2";
	struct wn_checkin_patch p = {
		.date = d, .mood = 6, .anxiety = 4, .energy = 3, .sleep = 6.5,
		.note = note, .flag = true,
		.set = WN_SET_MOOD | WN_SET_ANXIETY | WN_SET_ENERGY | WN_SET_SLEEP |
		       WN_SET_NOTE | WN_SET_FLAG,
	};
	cr_assert_eq(wn_db_checkin_update(db, &p, &err), WN_OK, "%s", err.msg);
	long zaps = sym_id("Brain Zaps"), dizzy = sym_id("dizziness");
	cr_assert_eq(wn_db_rating_set(db, d, zaps, 2, &err), WN_OK, "%s", err.msg);
	cr_assert_eq(wn_db_rating_set(db, d, dizzy, 0, &err), WN_OK, "%s", err.msg);
	long med = add_med("sertraline");
	struct wn_dose dose = { .date = d, .minute = 8 * 60 + 30, .med_id = med, .amount = 37.5 };
	long dose_id = 0;
	cr_assert_eq(wn_db_dose_add(db, &dose, &dose_id, &err), WN_OK, "%s", err.msg);
	cr_assert_eq(wn_db_metric_set(db, d, "focus", 7, &err), WN_OK, "%s", err.msg);
	cr_assert_eq(wn_db_quicknote_add(db, d, 14 * 60, "zap after lunch", &err), WN_OK);
	cr_assert_eq(wn_db_question_add(db, d, "can I split the tablet?", &err), WN_OK);

	struct wn_day day;
	cr_assert_eq(wn_db_day_load(db, d, &day, &err), WN_OK, "%s", err.msg);
	cr_expect(day.ci.exists);
	cr_expect_eq(day.ci.date, d);
	cr_expect_eq(day.ci.mood, 6);
	cr_expect_eq(day.ci.anxiety, 4);
	cr_expect_eq(day.ci.energy, 3);
	cr_expect_float_eq(day.ci.sleep, 6.5, 1e-9);
	cr_expect_str_eq(day.ci.note, note);
	cr_expect(day.ci.flag);
	cr_expect_eq(strlen(day.ci.created), 19);
	cr_expect_eq(strlen(day.ci.updated), 19);
	cr_assert_eq(day.n_ratings, 2);
	cr_expect_eq(day.ratings[0].symptom_id, dizzy, "ordered by the symptom's sort");
	cr_expect_eq(day.ratings[0].value, 0);
	cr_expect_eq(day.ratings[1].symptom_id, zaps);
	cr_expect_eq(day.ratings[1].value, 2);
	cr_assert_eq(day.n_doses, 1);
	cr_expect_eq(day.doses[0].id, dose_id);
	cr_expect_eq(day.doses[0].date, d);
	cr_expect_eq(day.doses[0].minute, 510);
	cr_expect_eq(day.doses[0].med_id, med);
	cr_expect_float_eq(day.doses[0].amount, 37.5, 1e-9);
	cr_assert_eq(day.n_metrics, 1);
	cr_expect_str_eq(day.metrics[0].name, "focus");
	cr_expect_float_eq(day.metrics[0].value, 7.0, 1e-9);
	cr_assert_eq(day.n_qnotes, 1);
	cr_expect_eq(day.qnotes[0].minute, 840);
	cr_expect_str_eq(day.qnotes[0].text, "zap after lunch");
	cr_assert_eq(day.n_questions, 1);
	cr_expect_str_eq(day.questions[0].text, "can I split the tablet?");
	cr_expect_not(day.questions[0].answered);
	cr_expect_null(day.questions[0].answer);
	wn_day_free(&day);
}

Test(storage, empty_day_is_not_an_error)
{
	open_main();
	struct wn_day day;
	cr_assert_eq(wn_db_day_load(db, D(2026, 1, 1), &day, &err), WN_OK);
	cr_expect_not(day.ci.exists);
	cr_expect_eq(day.ci.mood, WN_UNSET);
	cr_expect(isnan(day.ci.sleep));
	cr_expect_null(day.ci.note);
	cr_expect_eq(day.n_ratings + day.n_doses + day.n_metrics + day.n_qnotes +
	             day.n_questions, 0);
	wn_day_free(&day);
}

Test(storage, patch_changes_only_named_fields)
{
	open_main();
	wn_date d = D(2026, 11, 21);
	struct wn_checkin_patch p = {
		.date = d, .mood = 3, .anxiety = 8, .energy = 2, .sleep = 5,
		.note = "first", .flag = true,
		.set = WN_SET_MOOD | WN_SET_ANXIETY | WN_SET_ENERGY | WN_SET_SLEEP |
		       WN_SET_NOTE | WN_SET_FLAG,
	};
	cr_assert_eq(wn_db_checkin_update(db, &p, &err), WN_OK);
	struct wn_checkin_patch q = { .date = d, .set = WN_SET_MOOD, .mood = 9,
	                              .anxiety = 0, .energy = 0, .sleep = 0 };
	cr_assert_eq(wn_db_checkin_update(db, &q, &err), WN_OK);
	struct wn_day day;
	cr_assert_eq(wn_db_day_load(db, d, &day, &err), WN_OK);
	cr_expect_eq(day.ci.mood, 9);
	cr_expect_eq(day.ci.anxiety, 8);
	cr_expect_eq(day.ci.energy, 2);
	cr_expect_float_eq(day.ci.sleep, 5.0, 1e-9);
	cr_expect_str_eq(day.ci.note, "first");
	cr_expect(day.ci.flag);
	wn_day_free(&day);

	/* Clearing: WN_UNSET, NAN and NULL each remove a value. */
	struct wn_checkin_patch c = { .date = d, .anxiety = WN_UNSET, .sleep = NAN,
	                              .note = NULL, .flag = false,
	                              .set = WN_SET_ANXIETY | WN_SET_SLEEP |
	                                     WN_SET_NOTE | WN_SET_FLAG };
	cr_assert_eq(wn_db_checkin_update(db, &c, &err), WN_OK);
	cr_assert_eq(wn_db_day_load(db, d, &day, &err), WN_OK);
	cr_expect_eq(day.ci.mood, 9);
	cr_expect_eq(day.ci.anxiety, WN_UNSET);
	cr_expect(isnan(day.ci.sleep));
	cr_expect_null(day.ci.note);
	cr_expect_not(day.ci.flag);
	wn_day_free(&day);

	/* set == 0 still creates the row. */
	struct wn_checkin_patch e = { .date = d - 1, .set = 0 };
	cr_assert_eq(wn_db_checkin_update(db, &e, &err), WN_OK);
	cr_assert_eq(wn_db_day_load(db, d - 1, &day, &err), WN_OK);
	cr_expect(day.ci.exists);
	cr_expect_eq(day.ci.mood, WN_UNSET);
	wn_day_free(&day);
}

struct bad_patch {
	const char *what;
	struct wn_checkin_patch p;
	const char *msg;         /* part of the message */
};

static char long_note[65538];

static const struct bad_patch bad_patches[] = {
	{ .what = "mood 11", .msg = "mood must be 0..10",
	  .p = { .set = WN_SET_MOOD, .mood = 11 } },
	{ .what = "anxiety -2", .msg = "anxiety must be 0..10",
	  .p = { .set = WN_SET_ANXIETY, .anxiety = -2 } },
	{ .what = "energy 99", .msg = "energy must be 0..10",
	  .p = { .set = WN_SET_ENERGY, .energy = 99 } },
	{ .what = "sleep 24.5", .msg = "sleep must be 0..24",
	  .p = { .set = WN_SET_SLEEP, .sleep = 24.5 } },
	{ .what = "sleep -1", .msg = "sleep must be 0..24",
	  .p = { .set = WN_SET_SLEEP, .sleep = -1 } },
	{ .what = "sleep inf", .msg = "sleep must be 0..24",
	  .p = { .set = WN_SET_SLEEP, .sleep = INFINITY } },
	{ .what = "invalid byte", .msg = "not valid UTF-8",
	  .p = { .set = WN_SET_NOTE, .note = "ok \xff" } },
	{ .what = "overlong slash", .msg = "not valid UTF-8",
	  .p = { .set = WN_SET_NOTE, .note = "\xc0\xaf" } },
	{ .what = "surrogate", .msg = "not valid UTF-8",
	  .p = { .set = WN_SET_NOTE, .note = "\xed\xa0\x80" } },
	{ .what = "truncated", .msg = "not valid UTF-8",
	  .p = { .set = WN_SET_NOTE, .note = "\xe6\x97" } },
	{ .what = "escape sequence", .msg = "control character",
	  .p = { .set = WN_SET_NOTE, .note = "red \x1b[31m" } },
	{ .what = "C1 CSI", .msg = "control character",
	  .p = { .set = WN_SET_NOTE, .note = "\xc2\x9b" "2J" } },
	{ .what = "carriage return", .msg = "control character",
	  .p = { .set = WN_SET_NOTE, .note = "a\rb" } },
	{ .what = "too long", .msg = "too long",
	  .p = { .set = WN_SET_NOTE, .note = long_note } },
};

Test(storage, bad_patches_are_refused_and_write_nothing)
{
	open_main();
	memset(long_note, 'x', 65537);
	long_note[65537] = '\0';
	wn_date d = D(2026, 11, 22);
	for (size_t i = 0; i < sizeof bad_patches / sizeof *bad_patches; i++) {
		struct wn_checkin_patch p = bad_patches[i].p;
		p.date = d;
		wn_err_clear(&err);
		cr_expect_eq(wn_db_checkin_update(db, &p, &err), WN_DATAERR, "%s",
		             bad_patches[i].what);
		cr_expect_not_null(strstr(err.msg, bad_patches[i].msg), "%s: %s",
		                   bad_patches[i].what, err.msg);
	}
	struct wn_checkin_patch late = { .date = D(10000, 1, 1), .set = 0 };
	cr_expect_eq(wn_db_checkin_update(db, &late, &err), WN_DATAERR);
	struct wn_day day;
	cr_assert_eq(wn_db_day_load(db, d, &day, &err), WN_OK);
	cr_expect_not(day.ci.exists, "nothing was written");
	wn_day_free(&day);
}

Test(storage, longest_note_is_accepted)
{
	open_main();
	memset(long_note, 'y', 65536);
	long_note[0] = '\n';
	long_note[1] = '\t';
	long_note[65536] = '\0';
	checkin(D(2026, 11, 3), WN_SET_NOTE, 0, long_note);
	struct wn_day day;
	cr_assert_eq(wn_db_day_load(db, D(2026, 11, 3), &day, &err), WN_OK);
	cr_expect_eq(strlen(day.ci.note), 65536);
	wn_day_free(&day);
}

Test(storage, schema_refuses_impossible_dates_and_ranges)
{
	open_main();
	sqlite3 *h = wn_db_sqlite(db);
	static const char *const bad[] = {
		"INSERT INTO checkin(date) VALUES ('2026-02-30')",
		"INSERT INTO checkin(date) VALUES ('2026-2-3')",
		"INSERT INTO checkin(date) VALUES ('yesterday')",
		"INSERT INTO checkin(date, mood) VALUES ('2026-02-03', 11)",
		"INSERT INTO checkin(date, sleep) VALUES ('2026-02-03', 25)",
		"INSERT INTO rating(date, symptom_id, value) VALUES ('2026-02-03', 1, 4)",
		"INSERT INTO rating(date, symptom_id, value) VALUES ('2026-02-03', 9999, 1)",
		"INSERT INTO draft(session, date, text) VALUES ('', '2026-02-03', 'x')",
		"INSERT INTO draft(session, date, text) VALUES ('s', '2026-02-30', 'x')",
		"INSERT INTO plan(med_id, method, start_date, from_dose) VALUES (1, 'fast', '2026-01-01', 10)",
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		cr_expect_neq(sqlite3_exec(h, bad[i], NULL, NULL, NULL), SQLITE_OK, "%s", bad[i]);
	cr_expect_eq(sqlite3_exec(h, "INSERT INTO checkin(date) VALUES ('2024-02-29')",
	                          NULL, NULL, NULL), SQLITE_OK);
}

/* ---- ratings, doses, notes ------------------------------------------------- */

static wn_date first_seen(const char *name)
{
	struct wn_symptom s;
	cr_assert_eq(wn_db_symptom_find(db, name, &s, &err), WN_OK);
	return s.first_seen;
}

Test(storage, ratings_track_first_seen)
{
	open_main();
	long id = sym_id("nausea");
	cr_assert_eq(wn_db_rating_set(db, D(2026, 5, 10), id, 2, &err), WN_OK);
	cr_expect_eq(first_seen("nausea"), D(2026, 5, 10));
	cr_assert_eq(wn_db_rating_set(db, D(2026, 5, 5), id, 0, &err), WN_OK);
	cr_expect_eq(first_seen("nausea"), D(2026, 5, 10), "a 0 is not a sighting");
	cr_assert_eq(wn_db_rating_set(db, D(2026, 5, 7), id, 1, &err), WN_OK);
	cr_expect_eq(first_seen("nausea"), D(2026, 5, 7));
	cr_assert_eq(wn_db_rating_set(db, D(2026, 5, 12), id, 3, &err), WN_OK);
	cr_expect_eq(first_seen("nausea"), D(2026, 5, 7));
	cr_assert_eq(wn_db_rating_set(db, D(2026, 5, 7), id, WN_UNSET, &err), WN_OK);
	cr_expect_eq(first_seen("nausea"), D(2026, 5, 10), "cleared: back to the next");
	cr_assert_eq(wn_db_rating_set(db, D(2026, 5, 10), id, 0, &err), WN_OK);
	cr_expect_eq(first_seen("nausea"), D(2026, 5, 12));
	cr_assert_eq(wn_db_rating_set(db, D(2026, 5, 12), id, WN_UNSET, &err), WN_OK);
	cr_expect_eq(first_seen("nausea"), WN_DATE_NONE);

	cr_expect_eq(wn_db_rating_set(db, D(2026, 5, 12), id, 4, &err), WN_DATAERR);
	cr_expect_not_null(strstr(err.msg, "0..3"));
	cr_expect_eq(wn_db_rating_set(db, D(2026, 5, 12), 4242, 1, &err), WN_NOINPUT);
	cr_expect_not_null(strstr(err.msg, "no symptom"), "%s", err.msg);
}

Test(storage, dose_at_same_minute_is_replaced)
{
	open_main();
	long med = add_med("paroxetine");
	wn_date d = D(2026, 11, 10);
	struct wn_dose a = { .date = d, .minute = 480, .med_id = med, .amount = 10 };
	long id1 = 0, id2 = 0, id3 = 0, id4 = 0, id5 = 0;
	cr_assert_eq(wn_db_dose_add(db, &a, &id1, &err), WN_OK, "%s", err.msg);
	a.amount = 7.5;
	cr_assert_eq(wn_db_dose_add(db, &a, &id2, &err), WN_OK, "%s", err.msg);
	cr_expect_eq(id1, id2, "same record, replaced");
	struct wn_dose b = { .date = d, .minute = -1, .med_id = med, .amount = 2 };
	cr_assert_eq(wn_db_dose_add(db, &b, &id3, &err), WN_OK);
	b.amount = 2.5;
	cr_assert_eq(wn_db_dose_add(db, &b, &id4, &err), WN_OK);
	cr_expect_eq(id3, id4, "no time given twice: still one record");
	struct wn_dose c = { .date = d, .minute = 1200, .med_id = med, .amount = 5 };
	cr_assert_eq(wn_db_dose_add(db, &c, &id5, &err), WN_OK);
	struct wn_day day;
	cr_assert_eq(wn_db_day_load(db, d, &day, &err), WN_OK);
	cr_assert_eq(day.n_doses, 3);
	cr_expect_eq(day.doses[0].minute, -1);
	cr_expect_float_eq(day.doses[0].amount, 2.5, 1e-9);
	cr_expect_eq(day.doses[1].minute, 480);
	cr_expect_float_eq(day.doses[1].amount, 7.5, 1e-9);
	cr_expect_eq(day.doses[2].id, id5);
	wn_day_free(&day);
	cr_expect_eq(wn_db_dose_delete(db, id5, &err), WN_OK);
	cr_expect_eq(wn_db_dose_delete(db, id5, &err), WN_NOINPUT);
}

struct bad_dose { struct wn_dose d; int code; };

Test(storage, bad_doses_are_refused)
{
	open_main();
	long med = add_med("venlafaxine");
	wn_date d = D(2026, 11, 11);
	const struct bad_dose cases[] = {
		{ .d = { .date = d, .minute = -1, .med_id = med, .amount = 0 }, .code = WN_DATAERR },
		{ .d = { .date = d, .minute = -1, .med_id = med, .amount = -3 }, .code = WN_DATAERR },
		{ .d = { .date = d, .minute = -1, .med_id = med, .amount = 100000 }, .code = WN_DATAERR },
		{ .d = { .date = d, .minute = -1, .med_id = med, .amount = NAN }, .code = WN_DATAERR },
		{ .d = { .date = d, .minute = 1440, .med_id = med, .amount = 1 }, .code = WN_DATAERR },
		{ .d = { .date = d, .minute = -2, .med_id = med, .amount = 1 }, .code = WN_DATAERR },
		{ .d = { .date = d, .minute = 0, .med_id = med + 99, .amount = 1 }, .code = WN_NOINPUT },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		cr_expect_eq(wn_db_dose_add(db, &cases[i].d, NULL, &err), cases[i].code,
		             "case %zu: %s", i, err.msg);
	struct wn_day day;
	cr_assert_eq(wn_db_day_load(db, d, &day, &err), WN_OK);
	cr_expect_eq(day.n_doses, 0);
	wn_day_free(&day);
}

Test(storage, quicknotes_and_questions)
{
	open_main();
	wn_date d = D(2026, 11, 12);
	cr_assert_eq(wn_db_quicknote_add(db, d, 900, "afternoon dip", &err), WN_OK);
	cr_assert_eq(wn_db_quicknote_add(db, d, 60, "woke at 1", &err), WN_OK);
	cr_assert_eq(wn_db_quicknote_add(db, d, -1, "sometime", &err), WN_OK);
	cr_expect_eq(wn_db_quicknote_add(db, d, 10, "", &err), WN_DATAERR);
	cr_expect_eq(wn_db_quicknote_add(db, d, 1440, "late", &err), WN_DATAERR);
	cr_assert_eq(wn_db_question_add(db, d, "is this withdrawal?", &err), WN_OK);
	cr_assert_eq(wn_db_question_add(db, d, "slower steps?", &err), WN_OK);
	cr_expect_eq(wn_db_question_add(db, d, NULL, &err), WN_DATAERR);
	struct wn_day day;
	cr_assert_eq(wn_db_day_load(db, d, &day, &err), WN_OK);
	cr_assert_eq(day.n_qnotes, 3);
	cr_expect_str_eq(day.qnotes[0].text, "sometime");
	cr_expect_str_eq(day.qnotes[1].text, "woke at 1");
	cr_expect_str_eq(day.qnotes[2].text, "afternoon dip");
	cr_assert_eq(day.n_questions, 2);
	long q = day.questions[1].id;
	wn_day_free(&day);

	cr_assert_eq(wn_db_question_answer(db, q, "yes, 5% steps", &err), WN_OK);
	cr_expect_eq(wn_db_question_answer(db, q + 100, "x", &err), WN_NOINPUT);
	cr_assert_eq(wn_db_day_load(db, d, &day, &err), WN_OK);
	cr_expect(day.questions[1].answered);
	cr_expect_str_eq(day.questions[1].answer, "yes, 5% steps");
	cr_expect_not(day.questions[0].answered);
	wn_day_free(&day);
	cr_assert_eq(wn_db_question_answer(db, q, NULL, &err), WN_OK);
	cr_assert_eq(wn_db_day_load(db, d, &day, &err), WN_OK);
	cr_expect_not(day.questions[1].answered);
	cr_expect_null(day.questions[1].answer);
	wn_day_free(&day);
}

Test(storage, meta_settings)
{
	open_main();
	char buf[64];
	cr_assert_eq(wn_db_meta_get(db, "last_report_to", buf, sizeof buf, &err), WN_OK);
	cr_expect_str_eq(buf, "");
	cr_assert_eq(wn_db_meta_set(db, "last_report_to", "2026-11-01", &err), WN_OK);
	cr_assert_eq(wn_db_meta_set(db, "last_report_to", "2026-11-20", &err), WN_OK);
	cr_assert_eq(wn_db_meta_get(db, "last_report_to", buf, sizeof buf, &err), WN_OK);
	cr_expect_str_eq(buf, "2026-11-20");
	char tiny[4];
	cr_expect_eq(wn_db_meta_get(db, "last_report_to", tiny, sizeof tiny, &err), WN_DATAERR);
	cr_expect_eq(wn_db_meta_set(db, "", "x", &err), WN_DATAERR);
	cr_assert_eq(wn_db_meta_set(db, "last_report_to", NULL, &err), WN_OK);
	cr_assert_eq(wn_db_meta_get(db, "last_report_to", buf, sizeof buf, &err), WN_OK);
	cr_expect_str_eq(buf, "");
}

/* ---- medications and symptoms ------------------------------------------------ */

Test(storage, medications_by_name_any_case)
{
	open_main();
	long a = add_med("Sertraline"), b = add_med("citalopram");
	struct wn_med m;
	cr_assert_eq(wn_db_med_find(db, "SERTRALINE", &m, &err), WN_OK);
	cr_expect_eq(m.id, a);
	cr_expect_str_eq(m.name, "Sertraline");
	cr_expect_str_eq(m.unit, "mg");
	cr_expect_str_eq(m.drug_key, "");
	cr_expect_eq(wn_db_med_find(db, "sertralin", &m, &err), WN_NOINPUT);
	cr_expect_not_null(strstr(err.msg, "no medication named"));
	struct wn_med dup = { .name = "sertraline", .unit = "mg" };
	cr_expect_eq(wn_db_med_add(db, &dup, NULL, &err), WN_DATAERR);
	cr_expect_not_null(strstr(err.msg, "already exists"), "%s", err.msg);
	cr_assert_eq(wn_db_med_get(db, b, &m, &err), WN_OK);
	cr_expect_str_eq(m.name, "citalopram");
	cr_expect_eq(wn_db_med_get(db, b + 50, &m, &err), WN_NOINPUT);
	struct wn_med liquid = { .name = "fluoxetine", .unit = "mL", .drug_key = "fluoxetine" };
	long c;
	cr_assert_eq(wn_db_med_add(db, &liquid, &c, &err), WN_OK);
	struct wn_med *list;
	size_t n;
	cr_assert_eq(wn_db_med_list(db, &list, &n, &err), WN_OK);
	cr_assert_eq(n, 3);
	cr_expect_str_eq(list[0].name, "citalopram");
	cr_expect_str_eq(list[1].name, "fluoxetine");
	cr_expect_str_eq(list[1].unit, "mL");
	cr_expect_str_eq(list[1].drug_key, "fluoxetine");
	cr_expect_str_eq(list[2].name, "Sertraline");
	free(list);
}

Test(storage, bad_medication_names)
{
	open_main();
	static const char *const names[] = { "", " padded", "tab\there", "esc\x1b" };
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		struct wn_med m = { .unit = "mg" };
		snprintf(m.name, sizeof m.name, "%s", names[i]);
		cr_expect_eq(wn_db_med_add(db, &m, NULL, &err), WN_DATAERR, "'%s'", names[i]);
	}
	struct wn_med *list;
	size_t n;
	cr_assert_eq(wn_db_med_list(db, &list, &n, &err), WN_OK);
	cr_expect_eq(n, 0);
	free(list);
}

Test(storage, medication_forms)
{
	open_main();
	long med = add_med("escitalopram");
	struct wn_med_form tab = { .med_id = med, .kind = WN_FORM_TABLET, .strength = 10,
	                           .divisible = 2, .label = "10 mg scored tablet" };
	struct wn_med_form liq = { .med_id = med, .kind = WN_FORM_LIQUID, .conc = 2,
	                           .label = "oral drops 20 mg/mL" };
	long t, l;
	cr_assert_eq(wn_db_form_add(db, &tab, &t, &err), WN_OK, "%s", err.msg);
	cr_assert_eq(wn_db_form_add(db, &liq, &l, &err), WN_OK, "%s", err.msg);
	struct wn_med_form *f;
	size_t n;
	cr_assert_eq(wn_db_form_list(db, med, &f, &n, &err), WN_OK);
	cr_assert_eq(n, 2);
	cr_expect_eq(f[0].id, t);
	cr_expect_eq(f[0].kind, WN_FORM_TABLET);
	cr_expect_float_eq(f[0].strength, 10.0, 1e-9);
	cr_expect_eq(f[0].divisible, 2);
	cr_expect_str_eq(f[0].label, "10 mg scored tablet");
	cr_expect_eq(f[1].id, l);
	cr_expect_float_eq(f[1].conc, 2.0, 1e-9);
	cr_expect_eq(f[1].divisible, 1, "0 means whole");
	free(f);
	struct wn_med_form bad[] = {
		{ .med_id = med, .kind = WN_FORM_TABLET, .strength = 0 },
		{ .med_id = med, .kind = WN_FORM_TABLET, .strength = 5, .divisible = 3 },
		{ .med_id = med, .kind = WN_FORM_LIQUID, .conc = 0 },
		{ .med_id = med, .kind = WN_FORM_BEADS, .strength = 5, .beads = 0 },
		{ .med_id = med, .kind = 9, .strength = 5 },
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		cr_expect_eq(wn_db_form_add(db, &bad[i], NULL, &err), WN_DATAERR, "case %zu", i);
	tab.med_id = med + 10;
	cr_expect_eq(wn_db_form_add(db, &tab, NULL, &err), WN_NOINPUT);
}

Test(storage, symptoms_hide_show_add)
{
	open_main();
	size_t nb;
	wn_symptoms_builtin(&nb);
	long fog = sym_id("brain fog");
	cr_assert_eq(wn_db_symptom_set_hidden(db, fog, true, &err), WN_OK);
	struct wn_symptom *s;
	size_t n;
	cr_assert_eq(wn_db_symptom_list(db, false, &s, &n, &err), WN_OK);
	cr_expect_eq(n, nb - 1);
	for (size_t i = 0; i < n; i++)
		cr_expect_neq(s[i].id, fog);
	free(s);
	struct wn_symptom one;
	cr_assert_eq(wn_db_symptom_find(db, "BRAIN FOG", &one, &err), WN_OK);
	cr_expect(one.hidden);
	cr_assert_eq(wn_db_symptom_set_hidden(db, fog, false, &err), WN_OK);
	cr_assert_eq(wn_db_symptom_set_preexisting(db, fog, true, &err), WN_OK);
	cr_assert_eq(wn_db_symptom_find(db, "brain fog", &one, &err), WN_OK);
	cr_expect_not(one.hidden);
	cr_expect(one.preexisting);
	cr_expect_eq(wn_db_symptom_set_hidden(db, 9999, true, &err), WN_NOINPUT);

	/* zero-initialised: sort 0 means "after the others", first_seen is
	 * ignored (ratings set it) */
	struct wn_symptom mine = { .name = "jaw clenching", .group = "movement",
	                           .source = WN_SYM_CUSTOM };
	long id;
	cr_assert_eq(wn_db_symptom_add(db, &mine, &id, &err), WN_OK, "%s", err.msg);
	struct wn_symptom dup = { .name = "Jaw Clenching", .source = WN_SYM_CUSTOM,
	                          .first_seen = WN_DATE_NONE };
	cr_expect_eq(wn_db_symptom_add(db, &dup, NULL, &err), WN_DATAERR);
	cr_expect_not_null(strstr(err.msg, "already exists"));
	struct wn_symptom unnamed = { .first_seen = WN_DATE_NONE };
	cr_expect_eq(wn_db_symptom_add(db, &unnamed, NULL, &err), WN_DATAERR);
	cr_expect_eq(wn_db_symptom_find(db, "jaw", &one, &err), WN_NOINPUT);
	cr_assert_eq(wn_db_symptom_list(db, true, &s, &n, &err), WN_OK);
	cr_assert_eq(n, nb + 2, "the built-ins, the optional item and the new one");
	cr_expect_eq(s[n - 1].id, id, "a new symptom goes after the others");
	cr_expect_str_eq(s[n - 1].group, "movement");
	cr_expect_eq(s[n - 1].source, WN_SYM_CUSTOM);
	cr_expect_eq(s[n - 1].sort, (int)nb + 1);
	cr_expect_eq(s[n - 1].first_seen, WN_DATE_NONE);
	cr_expect_not(s[n - 1].hidden);
	free(s);
	struct wn_symptom quiet = { .name = "tinnitus", .hidden = true, .preexisting = true,
	                            .sort = 3, .source = WN_SYM_DESS };
	cr_assert_eq(wn_db_symptom_add(db, &quiet, &id, &err), WN_OK, "%s", err.msg);
	cr_assert_eq(wn_db_symptom_find(db, "tinnitus", &one, &err), WN_OK);
	cr_expect(one.hidden);
	cr_expect(one.preexisting);
	cr_expect_eq(one.sort, 3);
	cr_expect_str_eq(one.group, "other", "no group given");
	cr_expect_eq(one.source, WN_SYM_DESS);
}

/* Symptom names fold case in every script and compare in NFC; names with
 * invisible or bidi-control characters are refused. */
Test(storage, symptom_names_in_every_script)
{
	static const struct {
		const char *add, *find, *msg;
		int add_rc, find_rc;
	} cases[] = {
		{ .add = "Головокружение", .find = "головокружение",
		  .add_rc = WN_OK, .find_rc = WN_OK },
		{ .add = "ΖΆΛΗ ΣΤΟ ΚΕΦΆΛΙ", .find = "ζάλη στο κεφάλι",
		  .add_rc = WN_OK, .find_rc = WN_OK },
		{ .add = "Schweißausbrüche", .find = "SCHWEISSAUSBRÜCHE",
		  .add_rc = WN_OK, .find_rc = WN_OK },
		{ .add = "baş ağrısı", .find = "baş ağrisi",   /* dotless ı ≠ i */
		  .add_rc = WN_OK, .find_rc = WN_NOINPUT },
		{ .add = "nause\xCC\x81" "e", .find = "NAUSÉE",
		  .add_rc = WN_OK, .find_rc = WN_OK },
		{ .add = "головокружение", .msg = "already exists",
		  .add_rc = WN_DATAERR },
		{ .add = "zaps\u200B", .msg = "invisible character U+200B",
		  .add_rc = WN_DATAERR },
		{ .add = "\u2067zaps", .msg = "bidi control character U+2067",
		  .add_rc = WN_DATAERR },
	};

	open_main();
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct wn_symptom s = { .source = WN_SYM_CUSTOM }, got;
		long id = 0;
		snprintf(s.name, sizeof s.name, "%s", cases[i].add);
		cr_assert_eq(wn_db_symptom_add(db, &s, &id, &err), cases[i].add_rc,
		             "case %zu: %s", i, err.msg);
		if (cases[i].msg)
			cr_expect(strstr(err.msg, cases[i].msg), "case %zu: %s", i, err.msg);
		if (!cases[i].find)
			continue;
		cr_expect_eq(wn_db_symptom_find(db, cases[i].find, &got, &err),
		             cases[i].find_rc, "case %zu: %s", i, err.msg);
		if (cases[i].find_rc == WN_OK)
			cr_expect_eq(got.id, id, "case %zu", i);
	}
}

/* ---- ranges ------------------------------------------------------------------- */

struct seen_days {
	wn_date date[32];
	struct wn_day_summary s[32];
	char note[32][32];
	int n, stop_after;
};

static int on_day(void *ctx, const struct wn_day_summary *s)
{
	struct seen_days *sd = ctx;
	cr_assert_lt(sd->n, 32);
	sd->date[sd->n] = s->date;
	sd->s[sd->n] = *s;
	snprintf(sd->note[sd->n], sizeof sd->note[0], "%s", s->note ? s->note : "-");
	sd->s[sd->n].note = NULL;
	sd->n++;
	return sd->stop_after && sd->n >= sd->stop_after;
}

Test(storage, each_day_visits_only_days_in_range)
{
	open_main();
	long med = add_med("mirtazapine");
	long z = sym_id("brain zaps"), h = sym_id("headache");
	checkin(D(2026, 3, 31), WN_SET_MOOD, 1, NULL);            /* before */
	checkin(D(2026, 4, 2), WN_SET_MOOD | WN_SET_NOTE, 6, "ok day");
	cr_assert_eq(wn_db_rating_set(db, D(2026, 4, 2), z, 2, &err), WN_OK);
	cr_assert_eq(wn_db_rating_set(db, D(2026, 4, 2), h, 1, &err), WN_OK);
	cr_assert_eq(wn_db_rating_set(db, D(2026, 4, 5), z, 3, &err), WN_OK);  /* no check-in */
	struct wn_dose d1 = { .date = D(2026, 4, 5), .minute = 60, .med_id = med, .amount = 15 };
	struct wn_dose d2 = { .date = D(2026, 4, 5), .minute = 1260, .med_id = med, .amount = 15 };
	cr_assert_eq(wn_db_dose_add(db, &d1, NULL, &err), WN_OK);
	cr_assert_eq(wn_db_dose_add(db, &d2, NULL, &err), WN_OK);
	cr_assert_eq(wn_db_quicknote_add(db, D(2026, 4, 9), -1, "note only", &err), WN_OK);
	cr_assert_eq(wn_db_metric_set(db, D(2026, 4, 10), "pain", 3, &err), WN_OK);
	cr_assert_eq(wn_db_question_add(db, D(2026, 4, 11), "why?", &err), WN_OK);
	checkin(D(2026, 4, 30), WN_SET_MOOD, 9, NULL);            /* after */

	struct seen_days sd = { 0 };
	cr_assert_eq(wn_db_each_day(db, D(2026, 4, 1), D(2026, 4, 29), on_day, &sd, &err), WN_OK);
	cr_assert_eq(sd.n, 5);
	const wn_date want[] = { D(2026, 4, 2), D(2026, 4, 5), D(2026, 4, 9),
	                         D(2026, 4, 10), D(2026, 4, 11) };
	for (int i = 0; i < 5; i++)
		cr_expect_eq(sd.date[i], want[i], "day %d", i);
	cr_expect(sd.s[0].has_checkin);
	cr_expect_eq(sd.s[0].mood, 6);
	cr_expect_eq(sd.s[0].anxiety, WN_UNSET);
	cr_expect(isnan(sd.s[0].sleep));
	cr_expect_eq(sd.s[0].burden, 3);
	cr_expect_eq(sd.s[0].n_ratings, 2);
	cr_expect_eq(sd.s[0].n_doses, 0);
	cr_expect_str_eq(sd.note[0], "ok day");
	cr_expect_not(sd.s[1].has_checkin);
	cr_expect_eq(sd.s[1].mood, WN_UNSET);
	cr_expect_eq(sd.s[1].burden, 3);
	cr_expect_eq(sd.s[1].n_doses, 2);
	cr_expect_str_eq(sd.note[1], "-");

	struct seen_days first2 = { .stop_after = 2 };
	cr_assert_eq(wn_db_each_day(db, D(2026, 1, 1), D(2026, 12, 31), on_day, &first2, &err),
	             WN_OK);
	cr_expect_eq(first2.n, 2, "stops when fn says so");
	cr_expect_eq(first2.date[0], D(2026, 3, 31));

	struct seen_days none = { 0 };
	cr_assert_eq(wn_db_each_day(db, D(2026, 4, 29), D(2026, 4, 1), on_day, &none, &err),
	             WN_OK);
	cr_expect_eq(none.n, 0, "an empty range");
}

Test(storage, date_span)
{
	open_main();
	wn_date a, b;
	cr_assert_eq(wn_db_date_span(db, &a, &b, &err), WN_OK);
	cr_expect_eq(a, WN_DATE_NONE);
	cr_expect_eq(b, WN_DATE_NONE);
	checkin(D(2026, 6, 1), WN_SET_MOOD, 5, NULL);
	cr_assert_eq(wn_db_quicknote_add(db, D(2025, 12, 31), -1, "earliest", &err), WN_OK);
	cr_assert_eq(wn_db_rating_set(db, D(2026, 7, 4), sym_id("nausea"), 1, &err), WN_OK);
	cr_assert_eq(wn_db_date_span(db, &a, &b, &err), WN_OK);
	cr_expect_eq(a, D(2025, 12, 31));
	cr_expect_eq(b, D(2026, 7, 4));
}

/* ---- transactions -------------------------------------------------------------- */

Test(storage, caller_transactions_commit_or_roll_back)
{
	open_main();
	long z = sym_id("brain zaps");
	cr_assert_eq(wn_db_begin(db, &err), WN_OK);
	cr_expect_eq(wn_db_begin(db, &err), WN_ERR, "not nestable");
	checkin(D(2026, 8, 1), WN_SET_MOOD, 2, NULL);
	cr_assert_eq(wn_db_rating_set(db, D(2026, 8, 1), z, 2, &err), WN_OK);
	wn_db_rollback(db);
	struct wn_day day;
	cr_assert_eq(wn_db_day_load(db, D(2026, 8, 1), &day, &err), WN_OK);
	cr_expect_not(day.ci.exists);
	cr_expect_eq(day.n_ratings, 0);
	wn_day_free(&day);
	cr_expect_eq(first_seen("brain zaps"), WN_DATE_NONE);

	cr_assert_eq(wn_db_begin(db, &err), WN_OK);
	checkin(D(2026, 8, 2), WN_SET_MOOD, 4, NULL);
	/* a refused write inside the transaction leaves the rest of it alone */
	cr_expect_eq(wn_db_rating_set(db, D(2026, 8, 2), 4242, 1, &err), WN_NOINPUT);
	cr_assert_eq(wn_db_rating_set(db, D(2026, 8, 2), z, 1, &err), WN_OK);
	cr_assert_eq(wn_db_commit(db, &err), WN_OK);
	cr_expect_eq(wn_db_commit(db, &err), WN_ERR, "nothing open");
	cr_assert_eq(wn_db_day_load(db, D(2026, 8, 2), &day, &err), WN_OK);
	cr_expect(day.ci.exists);
	cr_expect_eq(day.n_ratings, 1);
	wn_day_free(&day);
}

Test(storage, busy_diary_is_a_tempfail)
{
	open_main();
	wn_db_close(db);
	db = NULL;
	sqlite3 *other;
	cr_assert_eq(sqlite3_open(dbpath, &other), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
	struct wn_db_opts o = { .path = dbpath, .busy_ms = 100 };
	cr_assert_eq(wn_db_open(&db, &o, &err), WN_OK, "reading is fine: %s", err.msg);
	struct wn_checkin_patch p = { .date = D(2026, 9, 1), .set = WN_SET_MOOD, .mood = 3 };
	cr_expect_eq(wn_db_checkin_update(db, &p, &err), WN_TEMPFAIL);
	cr_expect_str_eq(err.msg, "the diary is busy (another wean is writing); try again");
	cr_expect_eq(wn_db_begin(db, &err), WN_TEMPFAIL);
	cr_assert_eq(sqlite3_exec(other, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
	cr_expect_eq(wn_db_checkin_update(db, &p, &err), WN_OK, "%s", err.msg);
	sqlite3_close(other);
}

/* ---- refusing files that are not ours -------------------------------------------- */

struct snapshot { uint64_t sum; long size; char names[1024]; };

static void take_snapshot(struct snapshot *s)
{
	s->sum = file_sum(dbpath, &s->size);
	listing(s->names, sizeof s->names);
}

/* Opening must fail with code and message, changing nothing at all. */
static void expect_refused(int code, const char *msg)
{
	struct snapshot before, after;
	take_snapshot(&before);
	struct wn_db_opts o = { .path = dbpath, .create = true };
	wn_err_clear(&err);
	cr_expect_eq(wn_db_open(&db, &o, &err), code, "%s", err.msg);
	cr_expect_null(db);
	cr_expect_not_null(strstr(err.msg, msg), "message: %s", err.msg);
	cr_expect_not_null(strstr(err.msg, dbpath), "message names the file: %s", err.msg);
	take_snapshot(&after);
	cr_expect_eq(after.size, before.size);
	cr_expect_eq(after.sum, before.sum, "the file is byte-for-byte unchanged");
	cr_expect_str_eq(after.names, before.names, "no new files");
}

Test(storage, refuses_random_bytes)
{
	unsigned char junk[4096];
	uint32_t x = 2463534242u;
	for (size_t i = 0; i < sizeof junk; i++) {
		x ^= x << 13, x ^= x >> 17, x ^= x << 5;
		junk[i] = (unsigned char)x;
	}
	write_bytes(dbpath, junk, sizeof junk, 0644);
	expect_refused(WN_DATAERR, "is not a wean diary (not a SQLite file)");
}

Test(storage, refuses_short_text_file)
{
	write_bytes(dbpath, "hello\n", 6, 0644);
	expect_refused(WN_DATAERR, "is not a wean diary (not a SQLite file)");
}

Test(storage, refuses_another_programs_database)
{
	raw_exec(dbpath, "CREATE TABLE t(x); INSERT INTO t VALUES (1)");
	expect_refused(WN_DATAERR, "is not a wean diary (it is another program's SQLite database)");
}

Test(storage, refuses_another_programs_wal_database)
{
	raw_exec(dbpath, "PRAGMA journal_mode = WAL; CREATE TABLE t(x)");
	expect_refused(WN_DATAERR, "it is another program's SQLite database");
}

Test(storage, refuses_another_application_id)
{
	raw_exec(dbpath, "PRAGMA application_id = 1234");
	expect_refused(WN_DATAERR, "it is another program's SQLite database");
}

Test(storage, refuses_diary_from_newer_wean)
{
	open_main();
	wn_db_close(db);
	db = NULL;
	raw_exec(dbpath, "PRAGMA user_version = 99");
	char want[96];
	snprintf(want, sizeof want, "was written by a newer wean (schema 99, this wean knows %d)",
	         WN_SCHEMA_VERSION);
	expect_refused(WN_DATAERR, want);
}

/* The file's header says a version this wean knows, but the write-ahead
 * log beside it holds a newer wean's migration: the one connection reads
 * the log before writing, refuses, and closes without a checkpoint, so
 * the file keeps its bytes (and the log its frames). */
Test(storage, refuses_newer_wean_in_the_wal)
{
	open_main();
	wn_db_close(db);
	db = NULL;
	sqlite3 *h;
	cr_assert_eq(sqlite3_open(dbpath, &h), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(h, "PRAGMA wal_autocheckpoint = 0; PRAGMA user_version = 99",
	                          NULL, NULL, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_db_config(h, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_close(h), SQLITE_OK);
	unsigned char head[100];
	int fd = open(dbpath, O_RDONLY);
	cr_assert_eq(read(fd, head, sizeof head), (ssize_t)sizeof head);
	close(fd);
	cr_assert_eq(head[63], WN_SCHEMA_VERSION, "the header still says this version");
	expect_refused(WN_DATAERR, "was written by a newer wean (schema 99");
}

Test(storage, zero_length_file_is_a_new_diary)
{
	write_bytes(dbpath, "", 0, 0644);
	db = open_at(dbpath, false);
	cr_expect_eq(mode_of(dbpath), 0600, "made private");
	struct wn_symptom *s;
	size_t n;
	cr_assert_eq(wn_db_symptom_list(db, true, &s, &n, &err), WN_OK);
	cr_expect_gt(n, 0);
	free(s);
}

Test(storage, empty_sqlite_file_is_a_new_diary)
{
	raw_exec(dbpath, "PRAGMA user_version = 0; VACUUM");
	db = open_at(dbpath, false);
	cr_expect_eq(query_long(wn_db_sqlite(db), "PRAGMA user_version"), WN_SCHEMA_VERSION);
}

/* A diary of schema 5 (a plan of one daily dose) is upgraded to 6 after a
 * backup: the plan keeps its rows and reads as one dose a day (no times),
 * and the switch table is there, empty. */
Test(storage, v5_diary_migrates_to_v6)
{
	open_main();
	long med = add_med("lorazepam");
	char sql[512];
	snprintf(sql, sizeof sql, "INSERT INTO plan(med_id, method, start_date, from_dose, step,"
	         " every_days) VALUES (%ld, 'percent', '2026-12-01', 3, 10, 14)", med);
	cr_assert_eq(sqlite3_exec(wn_db_sqlite(db), sql, NULL, NULL, NULL), SQLITE_OK);
	wn_db_close(db);
	db = NULL;
	raw_exec(dbpath, WN_TEST_DROP_V6 " PRAGMA user_version = 5;");
	db = open_at(dbpath, false);
	sqlite3 *h = wn_db_sqlite(db);
	cr_expect_eq(query_long(h, "PRAGMA user_version"), WN_SCHEMA_VERSION, "through 6 to the newest");
	cr_expect_eq(query_long(h, "SELECT count(*) FROM plan WHERE from_dose = 3"
	                           " AND dose_times IS NULL AND dose_split IS NULL"
	                           " AND cut_first IS NULL"), 1);
	cr_expect_eq(query_long(h, "SELECT count(*) FROM plan_switch"), 0);
	char bak[4300];
	snprintf(bak, sizeof bak, "%s.bak-v5", dbpath);
	cr_expect_eq(access(bak, F_OK), 0, "a backup of the v5 diary");
	int rc = sqlite3_exec(h, "UPDATE plan SET dose_times = '08:00,14:00,22:00',"
	                         " cut_first = 'sometime'", NULL, NULL, NULL);
	cr_expect_neq(rc, SQLITE_OK, "cut_first is checked");
	cr_expect_not_null(strstr(sqlite3_errmsg(h), "CHECK"), "%s", sqlite3_errmsg(h));
}

Test(storage, missing_file_without_create)
{
	char path[4300];
	snprintf(path, sizeof path, "%s/sub/wean.db", dir);
	struct wn_db_opts o = { .path = path, .create = false };
	cr_expect_eq(wn_db_open(&db, &o, &err), WN_NOINPUT);
	cr_expect_not_null(strstr(err.msg, "no diary at"), "%s", err.msg);
	char names[1024];
	listing(names, sizeof names);
	cr_expect_str_eq(names, "", "nothing was created");
	o.path = dbpath;
	cr_expect_eq(wn_db_open(&db, &o, &err), WN_NOINPUT);
}

Test(storage, uncreatable_directory_is_cantcreat)
{
	char path[4300];
	snprintf(path, sizeof path, "%s/plain-file", dir);
	write_bytes(path, "x", 1, 0644);
	snprintf(path, sizeof path, "%s/plain-file/sub/wean.db", dir);
	struct wn_db_opts o = { .path = path, .create = true };
	cr_expect_eq(wn_db_open(&db, &o, &err), WN_CANTCREAT);
	cr_expect_not_null(strstr(err.msg, "Not a directory"), "%s", err.msg);
}

Test(storage, read_only_directory_is_cantcreat)
{
	if (geteuid() == 0) {
		teardown();     /* a skipped test does not reach .fini */
		cr_skip_test("running as root, which ignores directory permissions");
	}
	cr_assert_eq(chmod(dir, 0500), 0);
	struct wn_db_opts o = { .path = dbpath, .create = true };
	cr_expect_eq(wn_db_open(&db, &o, &err), WN_CANTCREAT);
	cr_expect_not_null(strstr(err.msg, "Permission denied"), "%s", err.msg);
	chmod(dir, 0700);
}

/* ---- backup and check ------------------------------------------------------------------ */

Test(storage, backup_copies_the_diary_privately)
{
	open_main();
	checkin(D(2026, 10, 1), WN_SET_MOOD | WN_SET_NOTE, 8, "before the backup");
	char bak[4300];
	snprintf(bak, sizeof bak, "%s/copy.db", dir);
	cr_assert_eq(wn_db_backup_to(db, bak, &err), WN_OK, "%s", err.msg);
	cr_expect_eq(mode_of(bak), 0600);
	cr_assert_eq(wn_db_backup_to(db, bak, &err), WN_OK, "replacing: %s", err.msg);
	cr_expect_eq(wn_db_backup_to(db, dbpath, &err), WN_USAGE);
	wn_db_close(db);
	db = NULL;
	char names[1024];
	listing(names, sizeof names);
	cr_expect_str_eq(names, "copy.db/wean.db/", "no temporary files left");

	db = open_at(bak, false);
	struct wn_day day;
	cr_assert_eq(wn_db_day_load(db, D(2026, 10, 1), &day, &err), WN_OK);
	cr_expect_eq(day.ci.mood, 8);
	cr_expect_str_eq(day.ci.note, "before the backup");
	wn_day_free(&day);
}

Test(storage, backup_into_missing_directory_fails_cleanly)
{
	open_main();
	char bak[4300];
	snprintf(bak, sizeof bak, "%s/nowhere/copy.db", dir);
	cr_expect_eq(wn_db_backup_to(db, bak, &err), WN_CANTCREAT);
	cr_expect_not_null(strstr(err.msg, bak), "%s", err.msg);
}

struct lines { int n; char last[WN_ERR_MSG]; };

static void collect_line(void *ctx, const char *line)
{
	struct lines *l = ctx;
	l->n++;
	snprintf(l->last, sizeof l->last, "%s", line);
}

Test(storage, check_passes_a_good_diary)
{
	open_main();
	checkin(D(2026, 11, 25), WN_SET_MOOD, 5, NULL);
	cr_assert_eq(wn_db_rating_set(db, D(2026, 11, 25), sym_id("nausea"), 2, &err), WN_OK);
	struct lines l = { 0 };
	cr_expect_eq(wn_db_check(db, collect_line, &l, &err), WN_OK, "%s", l.last);
	cr_expect_eq(l.n, 0);
}

struct check_case {
	const char *sql;         /* raw damage to the diary */
	const char *line;        /* part of the reported line */
};

static const struct check_case check_cases[] = {
	{ .sql = "INSERT INTO checkin(date, mood) VALUES ('2026-12-01', 4)",
	  .line = "1 check-in(s) dated after today (" TODAY "), the latest on 2026-12-01" },
	{ .sql = "INSERT INTO medication(name) VALUES ('x');"
	         "INSERT INTO plan(med_id, method, start_date, from_dose, step, every_days,"
	         " active) VALUES (1, 'percent', '2026-01-01', 20, 10, 14, 0);"
	         "INSERT INTO hold(plan_id, start_date) VALUES (1, '2026-02-01');"
	         "INSERT INTO hold(plan_id, start_date) VALUES (1, '2026-03-01')",
	  .line = "plan 1 has 2 open holds" },
	{ .sql = "UPDATE symptom SET hidden = 1, hidden_on = '2026-01-01' WHERE id = 1;"
	         "INSERT INTO rating(date, symptom_id, value) VALUES ('2026-02-01', 1, 2)",
	  .line = "was hidden on 2026-01-01 but has 1 rating(s) after that" },
	{ .sql = "INSERT INTO medication(name, archived, archived_on)"
	         " VALUES ('old', 1, '2026-01-01');"
	         "INSERT INTO dose(date, med_id, amount) VALUES ('2026-01-05', 1, 5)",
	  .line = "was archived on 2026-01-01 but has 1 dose(s) after that" },
	{ .sql = "PRAGMA foreign_keys = OFF;"
	         "INSERT INTO rating(date, symptom_id, value) VALUES ('2026-02-01', 777, 2)",
	  .line = "rating row 0 refers to a missing symptom row" },
	/* what the importers refuse since issue 15, each found by check */
	{ .sql = "INSERT INTO checkin(date, mood) VALUES ('0001-01-01', 4)",
	  .line = "1 check-in(s) dated before 1926-09-12 (the exports cover the last 36600 days),"
	          " the earliest on 0001-01-01" },
	{ .sql = "INSERT INTO medication(name) VALUES ('x');"
	         "INSERT INTO hold_proposal(med_id, date, reason) VALUES (1, '2026-12-24', 'r')",
	  .line = "1 hold proposal(s) dated after today" },
	{ .sql = "INSERT INTO medication(name) VALUES ('x');"
	         "INSERT INTO plan(med_id, method, start_date, from_dose, every_days)"
	         " VALUES (1, 'percent', '2026-01-01', 20, 14)",
	  .line = "the active plan of \"x\" cannot be shown: step must be above 0 and below 100" },
	{ .sql = "INSERT INTO medication(name) VALUES ('x');"
	         "INSERT INTO plan(med_id, method, start_date, from_dose, step, every_days)"
	         " VALUES (1, 'percent', '2026-01-01', 20, 150, 14)",
	  .line = "the active plan of \"x\" cannot be shown: step must be above 0" },
	{ .sql = "INSERT INTO medication(name) VALUES ('x');"
	         "INSERT INTO plan(med_id, method, start_date, from_dose, step, every_days)"
	         " VALUES (1, 'percent', '2026-01-01', 20, 10, 14);"
	         "INSERT INTO plan(med_id, method, start_date, from_dose, step, every_days)"
	         " VALUES (1, 'percent', '2026-02-01', 18, 10, 14)",
	  .line = "medication \"x\" has 2 active plans (one at most)" },
	{ .sql = "INSERT INTO meta(key, value) VALUES ('last_report_to',"
	         " '2026-11-01 and a great deal more')",
	  .line = "the setting last_report_to is '2026-11-01 and a great deal more', not a date" },
	{ .sql = "INSERT INTO metric_def(name, min, max) VALUES ('pain', 0, 10);"
	         "INSERT INTO metric_value(date, metric_id, value) VALUES ('2026-11-01', 1, 11)",
	  .line = "metric \"pain\" has 1 value(s) outside its range (0.0 to 10.0),"
	          " the first on 2026-11-01" },
	{ .sql = "INSERT INTO medication(name, unit) VALUES ('x', 'MG')",
	  .line = "medication \"x\" has the unit \"MG\", which wean does not know" },
	{ .sql = "DROP INDEX dose_med", .line = "schema: the index \"dose_med\" is missing" },
	{ .sql = "CREATE INDEX mine ON checkin(mood)",
	  .line = "schema: the index \"mine\" is not part of wean's schema" },
	/* (not checkin: a table dropped takes its triggers, which keep the
	 * search index, with it; each is a line of its own) */
	{ .sql = "PRAGMA foreign_keys = OFF;"
	         "CREATE TABLE h2 (id INTEGER PRIMARY KEY, med_id INTEGER NOT NULL,"
	         " date TEXT NOT NULL, reason TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'shown',"
	         " created TEXT NOT NULL DEFAULT '', updated TEXT NOT NULL DEFAULT '',"
	         " UNIQUE (med_id, date)) STRICT;"
	         "DROP TABLE hold_proposal; ALTER TABLE h2 RENAME TO hold_proposal",
	  .line = "schema: the table \"hold_proposal\" differs from wean's (columns, constraints"
	          " or what it indexes were changed)" },
};

Test(storage, check_reports_each_problem)
{
	for (size_t i = 0; i < sizeof check_cases / sizeof *check_cases; i++) {
		unlink(dbpath);
		open_main();
		raw_exec(dbpath, check_cases[i].sql);
		struct lines l = { 0 };
		cr_expect_eq(wn_db_check(db, collect_line, &l, &err), WN_DATAERR, "case %zu", i);
		cr_expect_eq(l.n, 1, "case %zu: %d lines, last %s", i, l.n, l.last);
		cr_expect_not_null(strstr(l.last, check_cases[i].line), "case %zu: %s", i, l.last);
		cr_expect_not_null(strstr(err.msg, "1 problem found"), "%s", err.msg);
		wn_db_close(db);
		db = NULL;
	}
}

static void collect_all(void *ctx, const char *line)
{
	struct wn_buf *b = ctx;
	wn_buf_addf(b, "%s\n", line);
}

/* A dropped table: its table, its index and its triggers are missing,
 * and the rules that read it are passed over instead of failing the
 * check. */
Test(storage, check_reports_a_dropped_table)
{
	open_main();
	raw_exec(dbpath, "DROP TABLE question");
	struct wn_buf b;
	wn_buf_init(&b);
	cr_expect_eq(wn_db_check(db, collect_all, &b, &err), WN_DATAERR, "%s", err.msg);
	cr_expect_str_eq(b.s, "schema: the table \"question\" is missing\n"
	                 "schema: the index \"question_date\" is missing\n"
	                 "schema: the trigger \"question_fts_delete\" is missing\n"
	                 "schema: the trigger \"question_fts_insert\" is missing\n"
	                 "schema: the trigger \"question_fts_update\" is missing\n");
	cr_expect_not_null(strstr(err.msg, "5 problems found"), "%s", err.msg);
	wn_buf_free(&b);
}

/* ---- later additions ------------------------------------------------------------- */

Test(storage, metrics_by_name_with_ranges)
{
	open_main();
	wn_date d = D(2026, 11, 13);
	cr_assert_eq(wn_db_metric_set(db, d, "Pain", 4, &err), WN_OK, "%s", err.msg);
	cr_assert_eq(wn_db_metric_set(db, d, "pain", 5, &err), WN_OK, "same metric, any case");
	struct wn_day day;
	cr_assert_eq(wn_db_day_load(db, d, &day, &err), WN_OK);
	cr_assert_eq(day.n_metrics, 1);
	cr_expect_str_eq(day.metrics[0].name, "Pain");
	cr_expect_float_eq(day.metrics[0].value, 5.0, 1e-9);
	wn_day_free(&day);
	raw_exec(dbpath, "UPDATE metric_def SET min = 0, max = 10");
	cr_expect_eq(wn_db_metric_set(db, d, "pain", 11, &err), WN_DATAERR);
	cr_expect_str_eq(err.msg, "pain must be at most 10 (got 11)");
	cr_expect_eq(wn_db_metric_set(db, d, "pain", -1, &err), WN_DATAERR);
	cr_expect_eq(wn_db_metric_set(db, d, "pain", INFINITY, &err), WN_DATAERR);
	cr_expect_eq(wn_db_metric_set(db, d, "a-name-longer-than-31-bytes-xxxxx", 1, &err),
	             WN_DATAERR);
	cr_assert_eq(wn_db_metric_set(db, d, "pain", NAN, &err), WN_OK, "NAN clears");
	cr_assert_eq(wn_db_day_load(db, d, &day, &err), WN_OK);
	cr_expect_eq(day.n_metrics, 0);
	wn_day_free(&day);
	cr_assert_eq(wn_db_metric_set(db, d, "never seen", NAN, &err), WN_OK);
}

Test(storage, each_day_accepts_an_open_range)
{
	open_main();
	checkin(D(2026, 2, 1), WN_SET_MOOD, 5, NULL);
	checkin(D(2026, 2, 3), WN_SET_MOOD, 6, NULL);
	struct seen_days sd = { 0 };
	cr_assert_eq(wn_db_each_day(db, WN_DATE_NONE, D(9999, 12, 31) + 100, on_day, &sd,
	                            &err), WN_OK, "%s", err.msg);
	cr_assert_eq(sd.n, 2);
	cr_expect_eq(sd.date[0], D(2026, 2, 1));
	cr_expect_eq(sd.date[1], D(2026, 2, 3));
	wn_db_close(db);
	unlink(dbpath);
	open_main();
	struct seen_days empty = { 0 };
	cr_assert_eq(wn_db_each_day(db, D(2026, 1, 1), D(2026, 12, 31), on_day, &empty, &err),
	             WN_OK);
	cr_expect_eq(empty.n, 0, "an empty diary");
}

Test(storage, read_only_file_is_cantcreat)
{
	if (geteuid() == 0) {
		teardown();     /* a skipped test does not reach .fini */
		cr_skip_test("running as root, which ignores file permissions");
	}
	open_main();
	wn_db_close(db);
	db = NULL;
	cr_assert_eq(chmod(dbpath, 0400), 0);
	struct wn_db_opts o = { .path = dbpath };
	cr_expect_eq(wn_db_open(&db, &o, &err), WN_CANTCREAT);
	cr_expect_not_null(strstr(err.msg, "read-only"), "%s", err.msg);
}

Test(storage, another_wean_can_open_a_diary_in_use)
{
	open_main();
	checkin(D(2026, 11, 24), WN_SET_MOOD, 3, NULL);
	struct wn_db *second = open_at(dbpath, false);
	struct wn_day day;
	cr_assert_eq(wn_db_day_load(second, D(2026, 11, 24), &day, &err), WN_OK);
	cr_expect_eq(day.ci.mood, 3);
	wn_day_free(&day);
	struct wn_checkin_patch p = { .date = D(2026, 11, 24), .set = WN_SET_MOOD, .mood = 4 };
	cr_assert_eq(wn_db_checkin_update(second, &p, &err), WN_OK);
	wn_db_close(second);
	cr_assert_eq(wn_db_day_load(db, D(2026, 11, 24), &day, &err), WN_OK);
	cr_expect_eq(day.ci.mood, 4);
	wn_day_free(&day);
}

/* ---- one wording for each SQLite fault ------------------------------------ */

static const struct {
	const char *name;
	int rc;                  /* SQLite's result code */
	int want;                /* wn_status */
	const char *msg;         /* start of the message; "%B" = the backup's path */
} fault_cases[] = {
	{ .name = "corrupt", .rc = SQLITE_CORRUPT, .want = WN_DATAERR,
	  .msg = "the diary is damaged; `wean check` says where; there is no backup of it yet" },
	{ .name = "corrupt index", .rc = SQLITE_CORRUPT_INDEX, .want = WN_DATAERR,
	  .msg = "the diary is damaged; `wean check` says where; there is no backup of it yet" },
	{ .name = "not a database", .rc = SQLITE_NOTADB, .want = WN_DATAERR,
	  .msg = "the diary is damaged; `wean check` says where; there is no backup of it yet" },
	{ .name = "read error", .rc = SQLITE_IOERR_READ, .want = WN_IOERR,
	  .msg = "cannot read the days: input/output error on " },
	{ .name = "short read", .rc = SQLITE_IOERR_SHORT_READ, .want = WN_IOERR,
	  .msg = "cannot read the days: input/output error on " },
	{ .name = "full disk", .rc = SQLITE_FULL, .want = WN_IOERR,
	  .msg = "the disk is full: could not read the days" },
	{ .name = "busy", .rc = SQLITE_BUSY, .want = WN_TEMPFAIL, .msg = "the diary is busy" },
	{ .name = "read-only", .rc = SQLITE_READONLY, .want = WN_CANTCREAT,
	  .msg = "cannot read the days: " },
	{ .name = "constraint", .rc = SQLITE_CONSTRAINT_CHECK, .want = WN_DATAERR,
	  .msg = "cannot read the days: " },
};

Test(storage, each_sqlite_fault_has_one_wording)
{
	open_main();
	for (size_t i = 0; i < sizeof fault_cases / sizeof *fault_cases; i++) {
		wn_err_clear(&err);
		int rc = wn_db_sqlerr(db, fault_cases[i].rc, "read the days", &err);
		cr_expect_eq(rc, fault_cases[i].want, "%s: %d", fault_cases[i].name, rc);
		cr_expect_eq(err.code, fault_cases[i].want, "%s", fault_cases[i].name);
		cr_expect_eq(strncmp(err.msg, fault_cases[i].msg, strlen(fault_cases[i].msg)), 0,
		             "%s: got \"%s\"", fault_cases[i].name, err.msg);
	}
}

Test(storage, a_damaged_diary_names_its_latest_backup)
{
	char bak[4400], want[4600];
	open_main();
	snprintf(bak, sizeof bak, "%s/backups", dir);
	cr_assert_eq(mkdir(bak, 0700), 0);
	snprintf(bak, sizeof bak, "%s/backups/wean-2026-11-25.db", dir);
	cr_assert_eq(wn_db_backup_file(db, bak, false, &err), WN_OK, "%s", err.msg);
	cr_assert_eq(wn_db_sqlerr(db, SQLITE_CORRUPT, "read the days", &err), WN_DATAERR);
	snprintf(want, sizeof want, "the diary is damaged; `wean check` says where;"
	         " your latest backup is %s", bak);
	cr_expect_str_eq(err.msg, want);
}
