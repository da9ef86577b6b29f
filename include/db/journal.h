/* SPDX-License-Identifier: GPL-3.0-or-later */
/* journal.h -- the diary as a list of days, read a page at a time, and
 * searched.  For the Journal screen (src/tui/journal.c).
 *
 * Part of the db layer (src/db/journal.c): read-only SQL with bound
 * parameters, no curses, no output.  A "day" is a date with any record (a
 * check-in, a rating, a dose, a metric, a quick note or a question), as
 * for wn_db_each_day().  Nothing reads the whole diary:
 *
 * - wn_journal_page() walks from a date to the next days with a record,
 *   one index probe per table and day, so a page costs the same on a
 *   diary of ten years as on one of ten days;
 * - the search reads the journal's full-text index (SQLite FTS5, schema
 *   4: every note, quick note, question and answer, kept in step by
 *   triggers), whose keys sort by date: the nearest match is one seek,
 *   and a search costs what the matches it reads cost (the newest
 *   WN_JOURNAL_HITS_MAX days at most), not what the diary holds.
 *
 * What a person types (wn_journal_query):
 * - words: a day matches when its texts have every word, each as the
 *   start of a word ("zap" finds "zaps" and "Zapping"; "better to" finds
 *   "better_today");
 * - "words in double quotes": a phrase, those words one after another (an
 *   unclosed quote runs to the end);
 * - nothing else is syntax: *, -, +, ^, :, (, ), AND, OR, NOT, NEAR are
 *   words or separators like any other, never an error.
 * A word is a run of letters and digits (Unicode's, as SQLite's unicode61
 * tokenizer reads them); everything else separates words.  Case does not
 * matter in any script ("сертралин" finds "Сертралин") and neither do
 * the accents of Latin letters ("cafe" finds "Café", "café" finds
 * "cafe").  Text without spaces (Chinese, Japanese) is one word up to the
 * next space or punctuation, so a search finds it from its start only:
 * "頭痛" finds "頭痛がひどい", "ひどい" does not.
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

/* A typed word is looked for as the diary's words that start with it,
 * read from the index's word list; a word that starts more than this many
 * of them is left to FTS5's own prefix query, which reads all their
 * matches first (its cost grows with the diary). */
#define WN_JOURNAL_TERMS_MAX 16

/* Text as typed: 1..WN_JOURNAL_NEEDLE_MAX bytes of UTF-8. */
#define WN_JOURNAL_QUERY_MAX (4 * WN_JOURNAL_NEEDLE_MAX + 8)

/* The FTS5 query for text typed as above, into out (n bytes, at least
 * WN_JOURNAL_QUERY_MAX): each word as a quoted string with a prefix star
 * ("zap"*), each phrase quoted ("brain zaps"), quotes inside doubled.
 * (The search itself spells each word's start out as the diary's words
 * that have it, which FTS5 reads without first reading every match;
 * src/db/journal_query.c.)
 * WN_OK (out "" when text holds no word: only punctuation or spaces);
 * WN_USAGE for NULL, empty or too long text, or n too small. */
int wn_journal_query(const char *text, char *out, size_t n, struct wn_err *err);

struct wn_journal_find {
	const char *text;              /* 1..WN_JOURNAL_NEEDLE_MAX bytes */
	wn_date from;
	int dir;                       /* enum wn_journal_dir */
	bool inclusive;                /* `from` itself may match */
};

/* The nearest day from f->from in direction f->dir whose text matches
 * f->text, in *found; WN_DATE_NONE when there is none.  Returns WN_OK,
 * WN_USAGE for an empty or too long text, or a storage error. */
int wn_journal_find(struct wn_db *db, const struct wn_journal_find *f,
                    wn_date *found, struct wn_err *err);

struct wn_journal_count {
	long total;                    /* days whose text matches, at most the
	                                  search's limit (below) */
	bool more;                     /* more days match: total is a floor */
	long from_newest;              /* of those, the days on or after f->from:
	                                  its rank in a newest-first list; -1 when
	                                  more is set and f->from is older than the
	                                  days counted (the rank is over total) */
};

/* Counts the days whose text matches f->text, newest first, up to
 * WN_JOURNAL_HITS_MAX (f->dir and f->inclusive are not used).  Returns as
 * wn_journal_find. */
int wn_journal_count(struct wn_db *db, const struct wn_journal_find *f,
                     struct wn_journal_count *out, struct wn_err *err);

/* ---- a search kept ---------------------------------------------------------
 * The newest days that match a text, read once from the index, so that
 * the next and previous match and the counts near them are found in
 * memory; it knows when the diary has changed since (by this wean or
 * another).  A search reads at most `limit` days, so its cost does not
 * grow with the diary: older matches are found one seek at a time. */
#define WN_JOURNAL_HITS_MAX 1000       /* days a search counts, at most */

struct wn_journal_hits {
	char text[WN_JOURNAL_NEEDLE_MAX + 1];   /* what was searched */
	size_t limit;                  /* most days kept; 0 = WN_JOURNAL_HITS_MAX */
	wn_date *day;                  /* the n newest matching days, oldest
	                                  first (owned) */
	size_t n, cap;
	bool more;                     /* days older than day[0] match too */
	char *query;                   /* the FTS5 query (owned) */
	long long mine, others;        /* the diary's changes when read */
};

/* Makes ready what a search reads besides the index (a temporary view of
 * its word list, made at the first search otherwise).  Making it has
 * SQLite prepare every statement of the connection again at its next
 * use (about 2.5 M instructions after the Journal's first page), so a
 * screen that may search calls this before its own first read.  WN_OK or
 * a storage error. */
int wn_journal_search_ready(struct wn_db *db, struct wn_err *err);

/* Searches for text (as typed, see above) into *h (a zeroed struct, or
 * one searched before: reused).  WN_OK; WN_USAGE for an empty or too long
 * text; WN_ERR out of memory; a storage error.  On an error *h is empty. */
int wn_journal_search(struct wn_db *db, const char *text, struct wn_journal_hits *h,
                      struct wn_err *err);
/* Is *h what a search of its text would give now?  False when the diary
 * has changed since it was read (or cannot be asked). */
bool wn_journal_hits_current(struct wn_db *db, const struct wn_journal_hits *h);
/* The nearest matching day from `from` in direction dir (enum
 * wn_journal_dir), `from` itself when inclusive, in *found; WN_DATE_NONE
 * if none.  From memory, but beyond the days kept (older than day[0]
 * when more is set) one seek in the index.  WN_OK or a storage error. */
int wn_journal_hits_next(struct wn_db *db, const struct wn_journal_hits *h,
                         wn_date from, int dir, bool inclusive, wn_date *found,
                         struct wn_err *err);
/* The oldest matching day (WN_JOURNAL_NEWER: where a walk to newer days
 * starts again) or the newest (WN_JOURNAL_OLDER), in *found; WN_DATE_NONE
 * if none.  Returns as wn_journal_hits_next. */
int wn_journal_hits_edge(struct wn_db *db, const struct wn_journal_hits *h, int dir,
                         wn_date *found, struct wn_err *err);
/* The count of h: its days, and those on or after `from`. */
struct wn_journal_count wn_journal_hits_count(const struct wn_journal_hits *h,
                                              wn_date from);
void wn_journal_hits_free(struct wn_journal_hits *h);

#endif
