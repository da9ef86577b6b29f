/* SPDX-License-Identifier: GPL-3.0-or-later */
/* note.h -- the day's note while it is being edited, by one wean or by
 * several at once: saving it so that nothing another wean saved meanwhile
 * is overwritten, and the drafts of what is still being typed, one per
 * editing session.  See db/db.h for what every db function shares (a
 * write joins the caller's transaction, else runs in its own; WN_TEMPFAIL
 * when the diary stays busy).
 */
#ifndef WEAN_DB_NOTE_H
#define WEAN_DB_NOTE_H

#include <stdbool.h>

#include "core/date.h"
#include "core/status.h"

struct wn_db;

/* ---- saving a note that others may have changed -------------------------- */

/* A note edited since it read `was`. */
struct wn_note_edit {
	wn_date date;
	const char *was;     /* the day's note when the editing began (NULL or
	                        "": there was none) */
	const char *text;    /* the note as edited (NULL or "": none) */
};

/* What wn_db_note_save did. */
enum wn_note_saved {
	WN_NOTE_WRITTEN,     /* the note is text (or already was) */
	WN_NOTE_BOTH_KEPT,   /* it had been changed elsewhere since `was`: both
	                        are kept, text first, then the other version
	                        below a line WN_NOTE_KEPT_MARK ... (see below) */
};

/* The start of the separator line; the whole line reads
 * "--- kept from another wean, as it was at HH:MM ---" (local time of the
 * check-in's last change, "on YYYY-MM-DD at HH:MM" when not today). */
#define WN_NOTE_KEPT_MARK "--- kept from another wean"

/* Saves e->text as the note of e->date (the check-in is created if need
 * be), reading and writing in one transaction.  When the note is no longer
 * e->was (another wean, `checkin --note` or `import --replace` saved one
 * meanwhile), and is neither empty nor e->text, it is not overwritten:
 * both are kept as described above and *saved is WN_NOTE_BOTH_KEPT.
 * WN_DATAERR when the text is not a valid note, or both together are over
 * the size limit (then nothing is written and the other version stays). */
int wn_db_note_save(struct wn_db *db, const struct wn_note_edit *e, int *saved,
                    struct wn_err *err);

/* ---- drafts: one per editing session --------------------------------------- */

/* A note still being typed, kept so that it survives a closed terminal or
 * a crash.  session names the wean typing it (core/session.h; 1 to
 * WN_SESSION_MAX - 1 bytes); base is the day's note when that editing
 * began (NULL: none), so that restoring the draft later still keeps what
 * was saved meanwhile (wn_db_note_save's `was`). */
struct wn_draft {
	const char *session;
	wn_date date;
	const char *text;
	const char *base;
};

/* Keeps d as its session's draft, replacing the one it had. */
int wn_db_draft_save(struct wn_db *db, const struct wn_draft *d,
                     struct wn_err *err);
/* Replaces only the text (and date) of session's draft, keeping its base;
 * a session without a draft gets one without a base (a file left by
 * $EDITOR, read back after its wean was gone). */
int wn_db_draft_set_text(struct wn_db *db, const char *session, wn_date date,
                         const char *text, struct wn_err *err);
/* Drops session's draft (none is fine). */
int wn_db_draft_clear(struct wn_db *db, const char *session,
                      struct wn_err *err);

/* A draft taken over from a wean that is gone (an owned copy). */
struct wn_draft_kept {
	wn_date date;
	char *text;          /* NULL when none was found */
	char *base;          /* NULL: there was no note */
};
void wn_draft_kept_free(struct wn_draft_kept *k);

/* Finds the oldest draft whose session is no longer running
 * (wn_session_alive) and makes it session's own, in one transaction, so
 * that it stays kept until the person decides and no other wean offers it
 * too.  A draft with nothing to restore (empty, or the day's note as it is
 * saved) is dropped on the way.  out->text is NULL when there is none.
 * session must not have a draft of its own yet (it is replaced). */
int wn_db_draft_adopt(struct wn_db *db, const char *session,
                      struct wn_draft_kept *out, struct wn_err *err);

#endif
