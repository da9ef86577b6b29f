/* daylio.h -- Daylio's CSV export read as days: mood labels mapped to
 * numbers, a day's several entries joined into one.  Pure: no SQLite, no
 * I/O; the importer writes the days (db/import.h).
 *
 * The file: an optional byte-order mark, lines starting with '#' before
 * the header, then the columns full_date,date,weekday,time,mood,
 * activities,note_title,note (in any order, others allowed).  Daylio
 * writes the rows newest first; a day's entries are gathered wherever
 * they are in the file (next to each other or not), so each date comes
 * out once, newest date first.  A day's mood is the rounded mean of its
 * entries' moods; its note is the entries' lines oldest first (the file's
 * order reversed): each entry's title, its note and "activities: a, b"
 * (Daylio's " | " becomes ", "), one per line.  Blank lines are skipped.
 */
#ifndef WEAN_DAYLIO_H
#define WEAN_DAYLIO_H

#include <stdbool.h>
#include <stddef.h>

#include "core/csv.h"
#include "core/date.h"
#include "core/status.h"
#include "core/text.h"

/* The mapping of mood labels (any case), as shown to the person. */
#define WN_DAYLIO_MAP "rad=9 good=7 meh=5 bad=3 awful=1"

/* The number of a mood label as WN_DAYLIO_MAP says, or -1. */
int wn_daylio_mood(const char *label);

/* One day of the file.  note points into the reader and stays valid
 * until the next wn_daylio_next or wn_daylio_close. */
struct wn_daylio_day {
	char date[WN_DATE_STRLEN];   /* YYYY-MM-DD */
	int mood;                    /* 1..9 */
	int entries;
	const char *note;            /* "" when the entries have no text */
	size_t note_len;             /* no '\n' at the end */
	int line;                    /* the file's line of its first row */
};

/* One row of the file: its date and where its record is (the record
 * itself is read again when its day comes: memory grows by these few
 * bytes a row, not by the file). */
struct wn_daylio_row {
	char date[WN_DATE_STRLEN];   /* its full_date */
	unsigned long long off;      /* where its record starts */
	int line;
	size_t at;                   /* the row's place among the rows */
};

/* The reader's state: fields are private. */
struct wn_daylio {
	struct wn_csv_reader csv;
	struct wn_daylio_row *rows;  /* every entry, by date (newest first),
	                                then in the file's order */
	size_t n_rows, cap, next;
	int ix[8];                   /* the columns' places in the header */
	size_t need;                 /* fields a row must have */
	struct wn_csv_record rec;    /* a row read again */
	struct wn_buf note, entry;
};

/* Starts reading text[0..len) (which must outlive the reader): skips the
 * preamble, reads the header and every row, each checked.  WN_OK;
 * WN_DATAERR "line 1: the file is empty", "line N: the column \"NAME\" is
 * missing", a row with fewer fields than the header needs, a full_date
 * that is not a real YYYY-MM-DD date, an unknown mood label (with a hint
 * listing WN_DAYLIO_MAP), or a CSV error (see wn_csv_next); WN_ERR out of
 * memory.  Every message starts "line N: ".  Call wn_daylio_close in
 * every case. */
int wn_daylio_open(struct wn_daylio *d, const char *text, size_t len,
                   struct wn_err *err);
/* The same from r (core/reader.h: a file read a window at a time) from
 * its start; r stays the caller's and must outlive d. */
int wn_daylio_open_reader(struct wn_daylio *d, struct wn_reader *r, struct wn_err *err);
/* The next day into *day, or *got false at the end.  WN_OK; WN_DATAERR
 * "line N: note: ..." for a day's note that is too long or holds a
 * control character; WN_IOERR when the file cannot be read again. */
int wn_daylio_next(struct wn_daylio *d, struct wn_daylio_day *day, bool *got,
                   struct wn_err *err);
void wn_daylio_close(struct wn_daylio *d);

#endif
