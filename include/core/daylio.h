/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daylio.h -- Daylio's CSV export read as days: mood labels mapped to
 * numbers, a day's entries made one check-in mood and a quick note each.
 * Pure: no SQLite, no I/O; the importer writes the days (db/import.h).
 *
 * The file, as the app writes it (and as people edit it): an optional
 * byte-order mark, lines starting with '#' before the header, then a
 * header naming the columns full_date, date, weekday, time, mood,
 * activities, note_title, note -- in any order, others allowed, matched
 * case-insensitively with the spaces around them ignored.  The older
 * export has no note_title, and some have "year" and "date" ("18 May",
 * "May 18") instead of full_date.  Fields are separated by commas, or by
 * tabs when the header has more tabs than commas; quoted fields may span
 * lines (CRLF inside a note becomes LF).  A time is "21:40", "6:50 pm" or
 * empty.
 *
 * Daylio writes the rows newest first; a day's entries are gathered
 * wherever they are in the file, so each date comes out once, newest date
 * first.  A day's mood is the rounded mean of its entries' moods.  Each
 * entry with something to say becomes a quick note at its time: its
 * title, its note and "activities: a, b" (Daylio's " | " becomes ", "),
 * one per line, and, on a day of several entries, "mood: LABEL" (so each
 * entry's own mood is kept); on such a day an entry with nothing else to
 * say still gives its "mood: LABEL" note.  Blank lines are skipped.
 *
 * Memory: the file is read through a reader (core/reader.h), a window at
 * a time.  The first pass checks every row and keeps of each only its
 * date, time, mood and where its record starts; a day's records are read
 * again when its day comes, so memory grows by these few bytes a row and
 * by one day's entries, not by the file.
 */
#ifndef WEAN_DAYLIO_H
#define WEAN_DAYLIO_H

#include <stdbool.h>
#include <stddef.h>

#include "core/csv.h"
#include "core/date.h"
#include "core/status.h"
#include "core/text.h"

/* ---- mood labels ------------------------------------------------------------ */

/* The stock labels' numbers, in the form --mood-map takes. */
#define WN_DAYLIO_MAP "rad=9,good=7,meh=5,bad=3,awful=1"
#define WN_DAYLIO_MAP_MAX 32          /* labels in a map */
#define WN_DAYLIO_LABEL_MAX 64        /* bytes of a label, with its NUL */
#define WN_DAYLIO_MOOD_MAX 10         /* a check-in's mood: 0 .. 10 (best) */

struct wn_daylio_map {
	struct { char label[WN_DAYLIO_LABEL_MAX]; int mood; } m[WN_DAYLIO_MAP_MAX];
	size_t n;
};

/* The stock labels, as WN_DAYLIO_MAP. */
void wn_daylio_map_init(struct wn_daylio_map *m);
/* Adds "LABEL=N,LABEL=N" to m: each label trimmed of spaces, not empty,
 * without ',' or '=', valid UTF-8 of at most WN_DAYLIO_LABEL_MAX - 1
 * bytes; N a whole number 0..WN_DAYLIO_MOOD_MAX.  A label m has (in any
 * case) gets the new number.  WN_OK, or WN_USAGE "--mood-map: ..." naming
 * the part that is wrong (m is then unchanged). */
int wn_daylio_map_parse(struct wn_daylio_map *m, const char *spec, struct wn_err *err);
/* The number of label[0..len) (spaces around it ignored, case folded as
 * wean folds names), or -1. */
int wn_daylio_map_find(const struct wn_daylio_map *m, const char *label, size_t len);
/* "rad=9,good=7,..." into out (cut to n bytes, always NUL-terminated). */
void wn_daylio_map_text(const struct wn_daylio_map *m, char *out, size_t n);
/* The number of a stock label (WN_DAYLIO_MAP), or -1. */
int wn_daylio_mood(const char *label);

/* ---- reading ------------------------------------------------------------------ */

/* One entry's quick note. */
struct wn_daylio_entry {
	int minute;                  /* 0..1439; -1 when the row has no time */
	int line;                    /* the file's line of its row */
	const char *text;            /* no '\n' at the end; not NUL-terminated */
	size_t len;
};

/* One day of the file.  notes point into the reader and stay valid until
 * the next wn_daylio_next or wn_daylio_close. */
struct wn_daylio_day {
	char date[WN_DATE_STRLEN];   /* YYYY-MM-DD */
	int mood;                    /* 0..10 */
	int entries;
	int line;                    /* the file's line of its first row */
	const struct wn_daylio_entry *notes;   /* oldest first (by time) */
	size_t n_notes;
};

/* One row of the file, checked: its date, time and mood and where its
 * record is (the record itself is read again when its day comes: memory
 * grows by these few bytes a row, not by the file). */
struct wn_daylio_row {
	char date[WN_DATE_STRLEN];
	int minute, mood;
	int line;
	unsigned long long off;      /* where its record starts */
	size_t at;                   /* the row's place among the rows */
};

/* The reader's state: fields are private. */
struct wn_daylio {
	struct wn_csv_reader csv;
	const struct wn_daylio_map *map;
	bool own_map;                /* map is the reader's (the stock one) */
	struct wn_daylio_row *rows;  /* every entry, newest date first, then
	                                by time */
	size_t n_rows, cap, next;
	int ix[9];                   /* the columns' places, -1 when absent */
	size_t need;                 /* fields a row must have */
	struct wn_csv_record rec;    /* a row read again */
	struct wn_buf text;          /* the day's notes */
	struct wn_daylio_entry *notes;
	size_t cap_notes;
};

/* Starts reading text[0..len) (which must outlive the reader) with the
 * mood map (NULL: the stock labels; it must outlive the reader): skips
 * the preamble, reads the header and every row, each checked.  WN_OK;
 * WN_DATAERR "line 1: the file is empty", "line 1: the column \"NAME\" is
 * missing", a row with fewer fields than the header needs, a date that is
 * not real, a time that is not one, or a CSV error (see wn_csv_next),
 * each "line N: ..."; every mood label the map lacks, named together in
 * one error with the first line of each and a hint showing the
 * --mood-map that maps them; WN_ERR out of memory.  Call wn_daylio_close
 * in every case. */
int wn_daylio_open(struct wn_daylio *d, const char *text, size_t len,
                   const struct wn_daylio_map *map, struct wn_err *err);
/* The same from r (core/reader.h: a file read a window at a time) from
 * its start; r stays the caller's and must outlive d. */
int wn_daylio_open_reader(struct wn_daylio *d, struct wn_reader *r,
                          const struct wn_daylio_map *map, struct wn_err *err);
/* The next day into *day, or *got false at the end.  WN_OK; WN_DATAERR
 * "line N: note: ..." for an entry's note that is too long or holds a
 * control character; WN_IOERR when the file cannot be read again (or
 * changed meanwhile); WN_ERR out of memory. */
int wn_daylio_next(struct wn_daylio *d, struct wn_daylio_day *day, bool *got,
                   struct wn_err *err);
void wn_daylio_close(struct wn_daylio *d);

#endif
