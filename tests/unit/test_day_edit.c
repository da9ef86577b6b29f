/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_day_edit.c -- correcting a day (db/day.h): a quick note found by
 * its day and time, changed and deleted; a whole day's record deleted,
 * questions kept, a symptom's first day looked at again; the mark of a
 * symptom present before the taper (db/symptoms.h); the next backup's
 * name (db/backups.h).  Each test works in its own temporary diary. */
#include <criterion/criterion.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/records.h"
#include "db/backups.h"
#include "db/day.h"
#include "db/db.h"
#include "db/med.h"
#include "db/question.h"
#include "db/symptoms.h"
#include "tmpdir.h"

static char dir[4096], path[4200];
static struct wn_db *db;
static struct wn_err err;

static void setup(void)
{
	wn_test_mkdtemp(dir, sizeof dir, "dayedit");
	snprintf(path, sizeof path, "%s/wean.db", dir);
	setenv("WEAN_TODAY", "2026-11-25", 1);
	wn_err_clear(&err);
	struct wn_db_opts o = { .path = path, .create = true };
	cr_assert_eq(wn_db_open(&db, &o, &err), WN_OK, "%s", err.msg);
}

static void teardown(void)
{
	wn_db_close(db);
	db = NULL;
	wn_test_rmtree(dir);
}

static void ok(int rc)
{
	cr_assert_eq(rc, WN_OK, "%s", err.msg);
}

static wn_date day(int d)
{
	return wn_date_from_ymd(2026, 11, d);
}

TestSuite(day_edit, .init = setup, .fini = teardown);

/* ---- quick notes --------------------------------------------------------------- */

Test(day_edit, a_quick_note_found_by_its_time_changed_and_deleted)
{
	long id = 0;
	struct wn_quicknote q;
	ok(wn_db_quicknote_add(db, day(24), 8 * 60 + 5, "first words", &err));
	ok(wn_db_quicknote_at(db, day(24), 8 * 60 + 5, &id, &err));
	ok(wn_db_quicknote_edit(db, id, "second words", &err));
	ok(wn_db_quicknote_get(db, id, &q, &err));
	cr_expect_str_eq(q.text, "second words");
	cr_expect_eq(q.date, day(24));
	cr_expect_eq(q.minute, 8 * 60 + 5, "the time must stay");
	free(q.text);
	ok(wn_db_quicknote_delete(db, id, &err));
	cr_expect_eq(wn_db_quicknote_get(db, id, &q, &err), WN_NOINPUT);
	cr_expect_eq(wn_db_quicknote_delete(db, id, &err), WN_NOINPUT);
	cr_expect(strstr(err.msg, "no quick note #"), "%s", err.msg);
	cr_expect_eq(wn_db_quicknote_edit(db, id, "x", &err), WN_NOINPUT);
}

Test(day_edit, two_notes_at_one_time_are_named_by_number)
{
	long id = 0;
	ok(wn_db_quicknote_add(db, day(24), 600, "one", &err));
	ok(wn_db_quicknote_add(db, day(24), 600, "two", &err));
	cr_assert_eq(wn_db_quicknote_at(db, day(24), 600, &id, &err), WN_DATAERR);
	cr_expect(strstr(err.msg, "2 quick notes at 10:00 on 2026-11-24 (#1, #2)"), "%s", err.msg);
	cr_assert_eq(wn_db_quicknote_at(db, day(24), 601, &id, &err), WN_NOINPUT);
	cr_expect(strstr(err.msg, "no quick note at 10:01 on 2026-11-24"), "%s", err.msg);
	cr_assert_eq(wn_db_quicknote_at(db, day(23), 600, &id, &err), WN_NOINPUT);
}

Test(day_edit, a_bad_quick_note_text_is_refused_and_the_old_one_stays)
{
	long id = 0;
	struct wn_quicknote q;
	ok(wn_db_quicknote_add(db, day(24), 600, "kept", &err));
	ok(wn_db_quicknote_at(db, day(24), 600, &id, &err));
	cr_expect_eq(wn_db_quicknote_edit(db, id, "", &err), WN_DATAERR);
	cr_expect_eq(wn_db_quicknote_edit(db, id, "bell\a", &err), WN_DATAERR);
	ok(wn_db_quicknote_get(db, id, &q, &err));
	cr_expect_str_eq(q.text, "kept");
	free(q.text);
}

/* ---- a whole day ------------------------------------------------------------------ */

/* Nov 20 and 24: a check-in, a rating of headache, a value, a dose, a
 * quick note and a question; headache first rated on the 20th. */
static long full_days(struct wn_symptom *headache)
{
	struct wn_med m = { .name = "sertraline", .unit = "mg" };
	ok(wn_db_med_create(db, &m, NULL, 0, &err));
	ok(wn_db_symptom_find(db, "headache", headache, &err));
	for (int d = 20; d <= 24; d += 4) {
		struct wn_checkin_patch p = { .date = day(d), .set = WN_SET_MOOD | WN_SET_NOTE,
		                              .mood = 6, .note = "a note" };
		struct wn_dose dose = { .date = day(d), .minute = 480, .med_id = m.id,
		                        .amount = 50 };
		ok(wn_db_checkin_update(db, &p, &err));
		ok(wn_db_rating_set(db, day(d), headache->id, 2, &err));
		ok(wn_db_metric_set(db, day(d), "focus", 4, &err));
		ok(wn_db_dose_add(db, &dose, NULL, &err));
		ok(wn_db_quicknote_add(db, day(d), 700, "quick", &err));
		ok(wn_db_question_add(db, day(d), "ask about it", &err));
	}
	return m.id;
}

Test(day_edit, a_day_delete_takes_the_record_and_keeps_the_questions)
{
	struct wn_symptom h;
	struct wn_day_deleted got;
	struct wn_day d;
	full_days(&h);
	ok(wn_db_day_delete(db, day(24), &got, &err));
	cr_expect_eq(got.checkins, 1);
	cr_expect_eq(got.ratings, 1);
	cr_expect_eq(got.metrics, 1);
	cr_expect_eq(got.doses, 1);
	cr_expect_eq(got.qnotes, 1);
	ok(wn_db_day_load(db, day(24), &d, &err));
	cr_expect(!d.ci.exists);
	cr_expect_eq(d.n_ratings + d.n_metrics + d.n_doses + d.n_qnotes, 0);
	cr_expect_eq(d.n_questions, 1, "the day's question must stay");
	wn_day_free(&d);
	ok(wn_db_day_load(db, day(20), &d, &err));
	cr_expect(d.ci.exists, "another day was touched");
	cr_expect_eq(d.n_ratings, 1);
	wn_day_free(&d);
	/* an empty day: nothing to do, nothing counted */
	ok(wn_db_day_delete(db, day(24), &got, &err));
	cr_expect_eq(got.checkins + got.ratings + got.metrics + got.doses + got.qnotes, 0);
}

Test(day_edit, a_symptoms_first_day_moves_to_its_next_rating)
{
	struct wn_symptom h;
	full_days(&h);
	cr_assert_eq(h.first_seen, WN_DATE_NONE);
	ok(wn_db_symptom_find(db, "headache", &h, &err));
	cr_assert_eq(h.first_seen, day(20));
	ok(wn_db_day_delete(db, day(20), NULL, &err));
	ok(wn_db_symptom_find(db, "headache", &h, &err));
	cr_expect_eq(h.first_seen, day(24));
	ok(wn_db_day_delete(db, day(24), NULL, &err));
	ok(wn_db_symptom_find(db, "headache", &h, &err));
	cr_expect_eq(h.first_seen, WN_DATE_NONE);
}

Test(day_edit, a_day_delete_joins_the_callers_transaction)
{
	struct wn_symptom h;
	struct wn_day d;
	full_days(&h);
	ok(wn_db_begin(db, &err));
	ok(wn_db_day_delete(db, day(24), NULL, &err));
	wn_db_rollback(db);
	ok(wn_db_day_load(db, day(24), &d, &err));
	cr_expect(d.ci.exists, "the caller's rollback must keep the day");
	cr_expect_eq(d.n_doses, 1);
	wn_day_free(&d);
}

/* ---- the mark of a symptom present before the taper --------------------------------- */

Test(day_edit, preexisting_is_set_and_taken_off)
{
	struct wn_symptom h;
	ok(wn_db_symptom_find(db, "headache", &h, &err));
	cr_assert(!h.preexisting);
	ok(wn_db_symptom_set_preexisting(db, h.id, true, &err));
	ok(wn_db_symptom_find(db, "headache", &h, &err));
	cr_expect(h.preexisting);
	ok(wn_db_symptom_set_preexisting(db, h.id, false, &err));
	ok(wn_db_symptom_find(db, "headache", &h, &err));
	cr_expect(!h.preexisting);
}

/* ---- the backup made first ------------------------------------------------------------ */

Test(day_edit, the_next_backup_name_of_the_day)
{
	char name[4400], want[4400];
	struct stat st;
	ok(wn_db_backup_name(path, day(25), name, sizeof name, &err));
	snprintf(want, sizeof want, "%s/backups/wean-2026-11-25.db", dir);
	cr_expect_str_eq(name, want);
	snprintf(want, sizeof want, "%s/backups", dir);
	cr_assert_eq(stat(want, &st), 0, "the backups folder must be made");
	cr_expect_eq(st.st_mode & 0777, 0700);
	ok(wn_db_backup_file(db, name, false, &err));
	ok(wn_db_backup_name(path, day(25), name, sizeof name, &err));
	snprintf(want, sizeof want, "%s/backups/wean-2026-11-25-2.db", dir);
	cr_expect_str_eq(name, want);
	char tiny[16];
	cr_expect_eq(wn_db_backup_name(path, day(25), tiny, sizeof tiny, &err), WN_CANTCREAT);
}
