/* journal.h -- the diary as a list of days, read a page at a time, and
 * searched.  For the Journal screen (ui_journal.c).
 *
 * Part of the storage layer (src/storage_journal.c): read-only SQL with
 * bound parameters, no curses, no output.  A "day" is a date with any
 * record (a check-in, a rating, a dose, a metric, a quick note or a
 * question), as for wn_db_each_day().  Nothing reads the whole diary:
 *
 * - wn_journal_page() walks from a date to the next days with a record,
 *   one index probe per table and day, so a page costs the same on a
 *   diary of ten years as on one of ten days;
 * - the search functions scan the text of the notes only (SQLite's
 *   instr() over lower()), never the other records.
 *
 * Search text matches case-insensitively for ASCII letters (other letters
 * must match exactly) and as a plain substring (no wildcards), in the
 * day's note, its quick notes, and its questions and their answers.
 */
#ifndef WEAN_JOURNAL_H
#define WEAN_JOURNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"
#include "core/status.h"
#include "core/records.h"

struct wn_db;

#define WN_JOURNAL_PAGE_MAX 1000   /* most days one page may ask for */
#define WN_JOURNAL_NEEDLE_MAX 256  /* bytes of search text */

/* One line of the journal. */
struct wn_journal_day {
	wn_date date;
	bool has_checkin;
	int mood, anxiety, energy;     /* 0..10 or WN_UNSET */
	double sleep;                  /* hours, or NAN */
	int burden;                    /* sum of the ratings, 0 when none */
	int n_ratings;
	double dose;                   /* total of the request's medication,
	                                  NAN when it has no record that day */
	int n_doses;                   /* dose records of any medication */
	bool flag;                     /* flagged for the prescriber */
	int n_questions, n_quicknotes;
	char *note;                    /* owned; NULL when none */
	char *quicknote;               /* the first quick note (owned), NULL */
	int quicknote_minute;          /* its time of day, -1 = none */
};

enum wn_journal_dir {
	WN_JOURNAL_OLDER = -1,         /* before `from`, newest first */
	WN_JOURNAL_NEWER = 1           /* after `from`, oldest first */
};

struct wn_journal_req {
	wn_date from;
	int dir;                       /* enum wn_journal_dir */
	bool inclusive;                /* `from` itself counts */
	size_t max;                    /* 1..WN_JOURNAL_PAGE_MAX days */
	long med_id;                   /* whose dose to total; 0 = none */
};

/* The next days with a record from r->from in direction r->dir, nearest
 * first, at most r->max, into out[0 .. *n) (caller-owned, r->max
 * entries).  Fewer than r->max means the diary ends there.  Returns WN_OK
 * (then free the notes with wn_journal_free); WN_USAGE for a bad request;
 * WN_ERR out of memory; storage errors as storage.h (nothing to free). */
int wn_journal_page(struct wn_db *db, const struct wn_journal_req *r,
                    struct wn_journal_day *out, size_t *n, struct wn_err *err);
/* Frees the notes of d[0 .. n) (not the array) and sets them to NULL. */
void wn_journal_free(struct wn_journal_day *d, size_t n);

struct wn_journal_find {
	const char *text;              /* 1..WN_JOURNAL_NEEDLE_MAX bytes */
	wn_date from;
	int dir;                       /* enum wn_journal_dir */
	bool inclusive;                /* `from` itself may match */
};

/* The nearest day from f->from in direction f->dir whose text contains
 * f->text, in *found; WN_DATE_NONE when there is none.  Returns WN_OK,
 * WN_USAGE for an empty or too long text, or a storage error. */
int wn_journal_find(struct wn_db *db, const struct wn_journal_find *f,
                    wn_date *found, struct wn_err *err);

struct wn_journal_count {
	long total;                    /* days whose text contains f->text */
	long from_newest;              /* of those, the days on or after f->from:
	                                  its rank in a newest-first list */
};

/* Counts the days whose text contains f->text (f->dir and f->inclusive
 * are not used).  Returns as wn_journal_find. */
int wn_journal_count(struct wn_db *db, const struct wn_journal_find *f,
                     struct wn_journal_count *out, struct wn_err *err);

#endif
