/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_note.c -- db/note.h: a note saved while another wean changed it
 * keeps both texts; drafts are per editing session, and only those of a
 * wean that is gone are taken over; the one draft of a schema 2 diary
 * survives the migration.  Each test works in its own temporary diary. */
#include <criterion/criterion.h>

#include <errno.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/records.h"
#include "core/session.h"
#include "db/day.h"
#include "db/db.h"
#include "db/db_int.h"   /* the raw handle, to look into the file */
#include "db/note.h"
#include "schema_old.h"
#include "sqlq.h"
#include "tmpdir.h"

static char dir[4096], path[4200];
static struct wn_db *db;
static struct wn_err err;

static void open_diary(void)
{
	struct wn_db_opts o = { .path = path, .create = true };
	cr_assert_eq(wn_db_open(&db, &o, &err), WN_OK, "%s", err.msg);
}

static void setup(void)
{
	wn_test_mkdtemp(dir, sizeof dir, "note");
	snprintf(path, sizeof path, "%s/wean.db", dir);
	setenv("WEAN_TODAY", "2026-11-25", 1);
	wn_err_clear(&err);
	open_diary();
}

static void teardown(void)
{
	wn_db_close(db);
	db = NULL;
	wn_test_rmtree(dir);
}

TestSuite(note, .init = setup, .fini = teardown);

#define DAY wn_date_from_ymd(2026, 11, 25)

static void set_note(const char *text)
{
	struct wn_checkin_patch p = { .date = DAY, .set = WN_SET_NOTE, .note = text };
	cr_assert_eq(wn_db_checkin_update(db, &p, &err), WN_OK, "%s", err.msg);
}

/* The day's note (owned; NULL for none). */
static char *the_note(void)
{
	struct wn_day d;
	cr_assert_eq(wn_db_day_load(db, DAY, &d, &err), WN_OK, "%s", err.msg);
	char *n = d.ci.note;
	d.ci.note = NULL;
	wn_day_free(&d);
	return n;
}

static int save(const char *was, const char *text)
{
	struct wn_note_edit e = { .date = DAY, .was = was, .text = text };
	int saved = -1;
	cr_assert_eq(wn_db_note_save(db, &e, &saved, &err), WN_OK, "%s", err.msg);
	return saved;
}

static long count(const char *sql)
{
	return wn_test_db_long(db, sql);
}

/* ---- saving a note ------------------------------------------------------- */

Test(note, unchanged_elsewhere_is_simply_written)
{
	cr_expect_eq(save(NULL, "first words"), WN_NOTE_WRITTEN);
	char *n = the_note();
	cr_expect_str_eq(n, "first words");
	free(n);
	cr_expect_eq(save("first words", "second words"), WN_NOTE_WRITTEN);
	n = the_note();
	cr_expect_str_eq(n, "second words");
	free(n);
	cr_expect_eq(save("second words", ""), WN_NOTE_WRITTEN);
	cr_expect_null(the_note(), "an empty note clears it");
}

Test(note, changed_elsewhere_keeps_both)
{
	set_note("from another wean");
	cr_expect_eq(save(NULL, "mine, typed meanwhile"), WN_NOTE_BOTH_KEPT);
	char *n = the_note();
	const char *head = "mine, typed meanwhile\n\n" WN_NOTE_KEPT_MARK ", as it was ";
	cr_assert(n && strncmp(n, head, strlen(head)) == 0, "got: %s", n ? n : "(none)");
	const char *line = n + strlen(head);   /* "at HH:MM ---\n..." or "on ..." */
	const char *nl = strchr(line, '\n');
	cr_assert_not_null(nl);
	cr_expect(strncmp(line, "at ", 3) == 0 || strncmp(line, "on ", 3) == 0, "%s", line);
	cr_expect(strncmp(nl - 4, " ---", 4) == 0, "%s", line);
	cr_expect_str_eq(nl + 1, "from another wean");
	free(n);
}

Test(note, an_empty_edit_still_keeps_the_other)
{
	set_note("theirs");
	cr_expect_eq(save("mine before", NULL), WN_NOTE_BOTH_KEPT);
	char *n = the_note();
	cr_assert_not_null(n);
	cr_expect(strncmp(n, WN_NOTE_KEPT_MARK, strlen(WN_NOTE_KEPT_MARK)) == 0, "%s", n);
	cr_expect_str_eq(strchr(n, '\n') + 1, "theirs");
	free(n);
}

Test(note, no_conflict_when_both_agree_or_the_other_cleared_it)
{
	set_note("the same words");
	cr_expect_eq(save("old", "the same words"), WN_NOTE_WRITTEN);
	char *n = the_note();
	cr_expect_str_eq(n, "the same words");
	free(n);
	set_note(NULL);
	cr_expect_eq(save("the same words", "mine"), WN_NOTE_WRITTEN,
	             "nothing to keep from a note cleared elsewhere");
	n = the_note();
	cr_expect_str_eq(n, "mine");
	free(n);
}

Test(note, both_over_the_limit_writes_nothing)
{
	static char big[WN_NOTE_MAX + 1];
	memset(big, 'x', WN_NOTE_MAX - 10);
	big[WN_NOTE_MAX - 10] = '\0';
	set_note("theirs, long enough to overflow");
	struct wn_note_edit e = { .date = DAY, .was = NULL, .text = big };
	int saved;
	cr_expect_eq(wn_db_note_save(db, &e, &saved, &err), WN_DATAERR);
	cr_expect(strstr(err.msg, "changed in another wean") != NULL, "%s", err.msg);
	char *n = the_note();
	cr_expect_str_eq(n, "theirs, long enough to overflow", "the other stays");
	free(n);
}

Test(note, a_bad_note_is_refused)
{
	struct wn_note_edit e = { .date = DAY, .text = "bell \x07" };
	int saved;
	cr_expect_eq(wn_db_note_save(db, &e, &saved, &err), WN_DATAERR);
	cr_expect_null(the_note());
}

/* ---- drafts ------------------------------------------------------------- */

static void draft(const char *session, const char *text, const char *base)
{
	struct wn_draft d = { .session = session, .date = DAY, .text = text, .base = base };
	cr_assert_eq(wn_db_draft_save(db, &d, &err), WN_OK, "%s", err.msg);
}

Test(note, each_session_has_its_own_draft)
{
	char me[WN_SESSION_MAX];
	wn_session_self(me);
	draft(me, "mine", NULL);
	draft("gone.1.-", "theirs", NULL);
	draft(me, "mine, longer", NULL);
	cr_expect_eq(count("SELECT count(*) FROM draft"), 2);
	cr_assert_eq(wn_db_draft_clear(db, me, &err), WN_OK);
	cr_expect_eq(count("SELECT count(*) FROM draft WHERE text = 'theirs'"), 1,
	             "finishing drops only one's own draft");
	cr_expect_eq(count("SELECT count(*) FROM draft"), 1);
}

Test(note, only_drafts_of_a_wean_that_is_gone_are_taken)
{
	char alive[WN_SESSION_MAX];
	wn_session_self(alive);
	struct wn_draft_kept k;
	draft(alive, "still being typed", NULL);
	cr_assert_eq(wn_db_draft_adopt(db, "new", &k, &err), WN_OK, "%s", err.msg);
	cr_expect_null(k.text, "a running wean's draft is not offered");
	set_note("saved note");
	draft("gone.1.-", "typed, then the terminal closed", "saved note");
	cr_assert_eq(wn_db_draft_adopt(db, "new", &k, &err), WN_OK, "%s", err.msg);
	cr_assert_not_null(k.text);
	cr_expect_str_eq(k.text, "typed, then the terminal closed");
	cr_expect_str_eq(k.base, "saved note");
	cr_expect_eq(k.date, DAY);
	wn_draft_kept_free(&k);
	cr_expect_eq(count("SELECT count(*) FROM draft WHERE session = 'new'"), 1,
	             "kept as the new wean's until the person answers");
	cr_expect_eq(count("SELECT count(*) FROM draft WHERE session = 'gone.1.-'"), 0);
}

Test(note, drafts_with_nothing_to_restore_are_dropped)
{
	struct wn_draft_kept k;
	set_note("as saved");
	draft("gone.1.-", "as saved", "as saved");
	draft("gone.2.-", "", NULL);
	cr_assert_eq(wn_db_draft_adopt(db, "new", &k, &err), WN_OK, "%s", err.msg);
	cr_expect_null(k.text);
	cr_expect_eq(count("SELECT count(*) FROM draft"), 0);
}

Test(note, text_from_the_editors_file_keeps_the_base)
{
	struct wn_draft_kept k;
	draft("gone.1.-", "before the editor", "the base");
	cr_assert_eq(wn_db_draft_set_text(db, "gone.1.-", DAY, "from the editor", &err), WN_OK);
	cr_assert_eq(wn_db_draft_set_text(db, "gone.2.-", DAY, "no draft before", &err), WN_OK);
	cr_assert_eq(wn_db_draft_adopt(db, "new", &k, &err), WN_OK, "%s", err.msg);
	cr_assert_not_null(k.text);
	cr_expect_str_eq(k.text, "from the editor");
	cr_expect_str_eq(k.base, "the base");
	wn_draft_kept_free(&k);
	cr_assert_eq(wn_db_draft_clear(db, "new", &err), WN_OK);
	cr_assert_eq(wn_db_draft_adopt(db, "new", &k, &err), WN_OK, "%s", err.msg);
	cr_assert_not_null(k.text);
	cr_expect_str_eq(k.text, "no draft before");
	cr_expect_null(k.base);
	wn_draft_kept_free(&k);
}

Test(note, bad_drafts_are_refused)
{
	struct wn_draft d = { .session = "", .date = DAY, .text = "x" };
	cr_expect_eq(wn_db_draft_save(db, &d, &err), WN_DATAERR);
	d.session = "s";
	d.text = "bell \x07";
	cr_expect_eq(wn_db_draft_save(db, &d, &err), WN_DATAERR);
	cr_expect_eq(count("SELECT count(*) FROM draft"), 0);
}

/* ---- the migrations from schema 2 ---------------------------------------------- */

Test(note, the_draft_of_a_schema_2_diary_is_kept)
{
	set_note("the note then");
	wn_db_close(db);
	db = NULL;
	sqlite3 *h;
	cr_assert_eq(sqlite3_open(path, &h), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(h, "DROP TABLE draft; CREATE TABLE draft ("
		" id INTEGER PRIMARY KEY CHECK (id = 1), date TEXT NOT NULL,"
		" text TEXT NOT NULL, saved TEXT NOT NULL DEFAULT 'x') STRICT;"
		" INSERT INTO draft(id, date, text) VALUES (1, '2026-11-25', 'half a thought');"
		" PRAGMA user_version = 2;" WN_TEST_DROP_V5, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	open_diary();
	cr_expect_eq(count("PRAGMA user_version"), WN_SCHEMA_VERSION);
	char bak[4300];
	snprintf(bak, sizeof bak, "%s.bak-v2", path);
	cr_expect_eq(access(bak, F_OK), 0, "a backup before the migration");
	struct wn_draft_kept k;
	cr_assert_eq(wn_db_draft_adopt(db, "new", &k, &err), WN_OK, "%s", err.msg);
	cr_assert_not_null(k.text);
	cr_expect_str_eq(k.text, "half a thought");
	cr_expect_str_eq(k.base, "the note then");
	wn_draft_kept_free(&k);
}
