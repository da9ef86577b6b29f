/* SPDX-License-Identifier: GPL-3.0-or-later */
/* note.c -- the note while it is edited: a save that never overwrites
 * what another wean saved meanwhile, and the drafts of editing sessions
 * (see db/note.h). */
#include "db_int.h"
#include "core/buf.h"
#include "core/session.h"
#include "db/day.h"
#include "db/note.h"

#include <stdlib.h>
#include <string.h>

static bool empty(const char *s)
{
	return !s || !*s;
}

static bool same(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

/* ---- saving a note that others may have changed -------------------------- */

/* The note of a date as it is now (owned, NULL for none), and when the
 * check-in last changed, "at HH:MM" or "on YYYY-MM-DD at HH:MM" (local). */
struct note_now {
	char *note;
	char when[40];
};

static int read_now(sqlite3_stmt *st, void *item)
{
	struct note_now *n = item;
	wn_db_col_copy(st, 1, n->when, sizeof n->when);
	return wn_db_col_dup(st, 0, &n->note);
}

static int read_note(struct wn_db *db, wn_date date, struct note_now *out,
                     struct wn_err *err)
{
	static const char sql[] = "SELECT note, CASE"
		" WHEN date(updated, 'localtime') = date('now', 'localtime')"
		" THEN strftime('at %H:%M', updated, 'localtime')"
		" ELSE strftime('on %Y-%m-%d at %H:%M', updated, 'localtime') END"
		" FROM checkin WHERE date = ?1";
	static const struct wn_db_rows rows = { sizeof(struct note_now), read_now,
	                                        "read the note" };
	sqlite3_stmt *st;
	int rc = wn_db_stmt(db, sql, &st, err);
	if (rc != WN_OK)
		return rc;
	wn_db_bind_date(st, 1, date);
	rc = wn_db_fetch_one(db, st, &rows, out, err);
	return rc == WN_NOINPUT ? WN_OK : rc;
}

/* mine, then the other version below the separator line, into *out. */
static int merge(const char *mine, const char *theirs, const char *when,
                 char **out, struct wn_err *err)
{
	struct wn_buf b;
	wn_buf_init(&b);
	if (!empty(mine)) {
		size_t n = strlen(mine);
		wn_buf_adds(&b, mine);
		wn_buf_adds(&b, mine[n - 1] == '\n' ? "\n" : "\n\n");
	}
	wn_buf_addf(&b, "%s, as it was %s ---\n%s", WN_NOTE_KEPT_MARK, when, theirs);
	int rc = WN_OK;
	if (b.failed)
		rc = wn_err_set(err, WN_ERR, "cannot keep both notes: out of memory");
	else if (b.len > WN_NOTE_MAX)
		rc = wn_err_set(err, WN_DATAERR, "the note was changed in another wean"
		                " meanwhile, and the two together are over %d bytes;"
		                " shorten yours so that both can be kept", WN_NOTE_MAX);
	*out = rc == WN_OK ? strdup(b.s) : NULL;
	if (rc == WN_OK && !*out)
		rc = wn_err_set(err, WN_ERR, "cannot keep both notes: out of memory");
	wn_buf_free(&b);
	return rc;
}

/* Inside the transaction: compare, then write text or both. */
static int save_checked(struct wn_db *db, const struct wn_note_edit *e,
                        int *saved, struct wn_err *err)
{
	struct note_now now = { .note = NULL };
	char *both = NULL;
	int rc = read_note(db, e->date, &now, err);
	if (rc != WN_OK || same(now.note, e->text)) {
		free(now.note);
		return rc;
	}
	if (!same(now.note, e->was) && !empty(now.note)) {
		rc = merge(e->text, now.note, now.when, &both, err);
		*saved = WN_NOTE_BOTH_KEPT;
	}
	const char *note = both ? both : e->text;
	struct wn_checkin_patch p = { .date = e->date, .set = WN_SET_NOTE,
	                              .note = empty(note) ? NULL : note };
	if (rc == WN_OK)
		rc = wn_db_checkin_update(db, &p, err);
	free(now.note);
	free(both);
	return rc;
}

int wn_db_note_save(struct wn_db *db, const struct wn_note_edit *e, int *saved,
                    struct wn_err *err)
{
	*saved = WN_NOTE_WRITTEN;
	bool own;
	int rc = wn_db_check_date(e->date, err);
	if (rc == WN_OK && !empty(e->text))
		rc = wn_db_check_text("note", e->text, WN_NOTE_MAX, true, err);
	if (rc != WN_OK || (rc = wn_db_tx_enter(db, &own, err)) != WN_OK)
		return rc;
	rc = save_checked(db, e, saved, err);
	rc = wn_db_tx_leave(db, own, rc, err);
	if (rc != WN_OK)
		*saved = WN_NOTE_WRITTEN;
	return rc;
}

/* ---- drafts ------------------------------------------------------------------ */

static int check_session(const char *session, struct wn_err *err)
{
	if (empty(session) || strlen(session) >= WN_SESSION_MAX)
		return wn_err_set(err, WN_DATAERR, "a draft needs a session of 1 to %d"
		                  " bytes", WN_SESSION_MAX - 1);
	return WN_OK;
}

static int check_draft(const char *session, wn_date date, const char *text,
                       struct wn_err *err)
{
	int rc = check_session(session, err);
	if (rc == WN_OK)
		rc = wn_db_check_date(date, err);
	if (rc == WN_OK)
		rc = wn_db_check_text("draft", text ? text : "", WN_NOTE_MAX, true, err);
	return rc;
}

/* Runs a cached draft statement: ?1 session, then ?2 date, ?3 text and
 * ?4 base where the statement has them. */
static int draft_write(struct wn_db *db, const char *sql, const struct wn_draft *d,
                       const char *what, struct wn_err *err)
{
	sqlite3_stmt *st;
	int rc = wn_db_stmt(db, sql, &st, err);
	if (rc != WN_OK)
		return rc;
	int n = sqlite3_bind_parameter_count(st);
	sqlite3_bind_text(st, 1, d->session, -1, SQLITE_STATIC);
	if (n >= 3) {
		wn_db_bind_date(st, 2, d->date);
		sqlite3_bind_text(st, 3, d->text ? d->text : "", -1, SQLITE_STATIC);
	}
	if (n >= 4)
		wn_db_bind_text_opt(st, 4, d->base);
	return wn_db_finish(db, st, sqlite3_step(st), what, err);
}

int wn_db_draft_save(struct wn_db *db, const struct wn_draft *d,
                     struct wn_err *err)
{
	static const char sql[] = "INSERT INTO draft(session, date, text, base)"
		" VALUES (?1, ?2, ?3, ?4) ON CONFLICT(session) DO UPDATE SET"
		" date = excluded.date, text = excluded.text, base = excluded.base,"
		" saved = " WN_NOW_SQL;
	int rc = check_draft(d->session, d->date, d->text, err);
	if (rc == WN_OK && !empty(d->base))
		rc = wn_db_check_text("draft", d->base, WN_NOTE_MAX, true, err);
	return rc != WN_OK ? rc : draft_write(db, sql, d, "save the draft", err);
}

int wn_db_draft_set_text(struct wn_db *db, const char *session, wn_date date,
                         const char *text, struct wn_err *err)
{
	static const char sql[] = "INSERT INTO draft(session, date, text)"
		" VALUES (?1, ?2, ?3) ON CONFLICT(session) DO UPDATE SET"
		" date = excluded.date, text = excluded.text, saved = " WN_NOW_SQL;
	struct wn_draft d = { .session = session, .date = date, .text = text };
	int rc = check_draft(session, date, text, err);
	return rc != WN_OK ? rc : draft_write(db, sql, &d, "save the draft", err);
}

int wn_db_draft_clear(struct wn_db *db, const char *session, struct wn_err *err)
{
	static const char sql[] = "DELETE FROM draft WHERE session = ?1";
	struct wn_draft d = { .session = session };
	int rc = check_session(session, err);
	return rc != WN_OK ? rc : draft_write(db, sql, &d, "drop the draft", err);
}

void wn_draft_kept_free(struct wn_draft_kept *k)
{
	free(k->text);
	free(k->base);
	*k = (struct wn_draft_kept){ .date = WN_DATE_NONE };
}

/* The oldest draft of a session that is gone, other than mine, into
 * gone (WN_SESSION_MAX bytes; "" when there is none). */
static int find_orphan(struct wn_db *db, const char *mine, char *gone,
                       struct wn_err *err)
{
	static const char sql[] = "SELECT session FROM draft WHERE session <> ?1"
		" ORDER BY saved, session";
	sqlite3_stmt *st;
	gone[0] = '\0';
	int rc = wn_db_stmt(db, sql, &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_text(st, 1, mine, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *s = (const char *)sqlite3_column_text(st, 0);
		if (s && !wn_session_alive(s)) {
			wn_db_col_copy(st, 0, gone, WN_SESSION_MAX);
			break;
		}
	}
	return wn_db_finish(db, st, rc, "look for kept drafts", err);
}

/* A session's draft, and whether it has nothing to restore. */
struct kept_row {
	struct wn_draft_kept k;
	bool nothing;
};

static int read_kept(sqlite3_stmt *st, void *item)
{
	struct kept_row *r = item;
	r->k.date = wn_db_col_date(st, 0);
	r->nothing = sqlite3_column_int(st, 3) != 0;
	if (wn_db_col_dup(st, 1, &r->k.text) == 0 && wn_db_col_dup(st, 2, &r->k.base) == 0)
		return 0;
	wn_draft_kept_free(&r->k);
	return -1;
}

static int read_own(struct wn_db *db, const char *session, struct kept_row *out,
                    struct wn_err *err)
{
	static const char sql[] = "SELECT d.date, d.text, d.base,"
		" d.text = '' OR d.text = c.note"
		" FROM draft d LEFT JOIN checkin c ON c.date = d.date WHERE d.session = ?1";
	static const struct wn_db_rows rows = { sizeof(struct kept_row), read_kept,
	                                        "read the draft" };
	sqlite3_stmt *st;
	int rc = wn_db_stmt(db, sql, &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_text(st, 1, session, -1, SQLITE_STATIC);
	out->nothing = true;
	rc = wn_db_fetch_one(db, st, &rows, out, err);
	return rc == WN_NOINPUT ? WN_OK : rc;
}

/* One orphan made mine (r->k.text NULL when there is none); r->nothing
 * when it had nothing to restore and was dropped. */
static int adopt_one(struct wn_db *db, const char *session, struct kept_row *r,
                     struct wn_err *err)
{
	static const char move[] = "UPDATE draft SET session = ?1 WHERE session = ?2";
	char gone[WN_SESSION_MAX];
	sqlite3_stmt *st;
	r->nothing = false;
	int rc = find_orphan(db, session, gone, err);
	if (rc != WN_OK || !gone[0])
		return rc;
	if ((rc = wn_db_draft_clear(db, session, err)) != WN_OK ||
	    (rc = wn_db_stmt(db, move, &st, err)) != WN_OK)
		return rc;
	sqlite3_bind_text(st, 1, session, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, gone, -1, SQLITE_STATIC);
	rc = wn_db_finish(db, st, sqlite3_step(st), "keep the draft", err);
	if (rc == WN_OK)
		rc = read_own(db, session, r, err);
	if (rc == WN_OK && r->nothing) {
		wn_draft_kept_free(&r->k);
		rc = wn_db_draft_clear(db, session, err);
	}
	return rc;
}

int wn_db_draft_adopt(struct wn_db *db, const char *session,
                      struct wn_draft_kept *out, struct wn_err *err)
{
	struct kept_row r = { .k = { .date = WN_DATE_NONE }, .nothing = true };
	bool own;
	int rc = check_session(session, err);
	if (rc == WN_OK)
		rc = wn_db_tx_enter(db, &own, err);
	/* each round makes one orphan mine, or ends: drafts with nothing to
	 * restore are dropped on the way */
	if (rc == WN_OK) {
		while (rc == WN_OK && r.nothing)
			rc = adopt_one(db, session, &r, err);
		rc = wn_db_tx_leave(db, own, rc, err);
	}
	if (rc != WN_OK)
		wn_draft_kept_free(&r.k);
	*out = r.k;
	return rc;
}
