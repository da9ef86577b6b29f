/* storage.h -- the diary: one SQLite file per user.  No curses, no prompts.
 *
 * Contract
 * - wn_db_open() finds or creates the file (directory 0700, file 0600
 *   whatever the umask), sets WAL, foreign keys and a busy timeout, checks
 *   that the file is a wean diary (PRAGMA application_id) and migrates it
 *   forward (each migration in a transaction, after a backup copy
 *   "<path>.bak-v<N>").  A file from a newer wean, a file that is not a
 *   SQLite database, or another program's SQLite database is refused and
 *   left byte-for-byte untouched.
 * - Every write function below runs inside the caller's transaction when
 *   one is open (wn_db_begin/commit), otherwise in its own.  One user
 *   action = one transaction: the CLI wraps a whole `checkin` in one.
 * - Strings in output structs are either fixed arrays or malloc'd (marked
 *   "owned"); the matching *_free() releases them.
 * - All functions return a wn_status; details go into err.  A locked
 *   diary yields WN_TEMPFAIL after the busy timeout.
 * - Dates are wn_date day numbers, stored as 'YYYY-MM-DD' text.
 *   Times of day are minutes after midnight (0..1439), -1 = none.
 */
#ifndef WEAN_STORAGE_H
#define WEAN_STORAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <sqlite3.h>

#include "core/date.h"
#include "core/status.h"

#define WN_SCHEMA_VERSION 1
#define WN_APPLICATION_ID 0x5745414e /* 'WEAN' */
#define WN_NAME_MAX 64
#define WN_UNSET (-1)              /* integer metric not recorded */

struct wn_db;

/* ---- opening ------------------------------------------------------------ */

struct wn_db_opts {
	const char *path;    /* diary file; required */
	bool create;         /* create the file (and its directory) if missing */
	int busy_ms;         /* busy timeout, 0 = default 3000 ms */
};

int wn_db_open(struct wn_db **out, const struct wn_db_opts *opts,
               struct wn_err *err);
void wn_db_close(struct wn_db *db);

/* The raw handle, for storage-layer modules (export, report) that run
 * their own read-only queries.  Never for the UI. */
sqlite3 *wn_db_sqlite(struct wn_db *db);
const char *wn_db_path(const struct wn_db *db);

/* Transactions (BEGIN IMMEDIATE).  Not nestable. */
int wn_db_begin(struct wn_db *db, struct wn_err *err);
int wn_db_commit(struct wn_db *db, struct wn_err *err);
void wn_db_rollback(struct wn_db *db);

/* PRAGMA integrity_check plus the app's consistency rules; each problem
 * is passed to report() as one line.  Returns WN_OK when all is well,
 * WN_DATAERR when problems were found. */
int wn_db_check(struct wn_db *db, void (*report)(void *ctx, const char *line),
                void *ctx, struct wn_err *err);

/* Copy the whole diary to path with SQLite's online backup API: written to
 * a temporary file in the same directory (mode 0600), then renamed over
 * path.  On failure path is unchanged and no temporary file is left.
 * WN_USAGE if path is the diary itself; WN_CANTCREAT/WN_IOERR otherwise.
 * Used by `wean backup` and before every migration ("<path>.bak-v<N>"). */
int wn_db_backup_to(struct wn_db *db, const char *path, struct wn_err *err);
/* The same; without force an existing path is refused (WN_CANTCREAT,
 * atomically: the copy is linked into place). */
int wn_db_backup_file(struct wn_db *db, const char *path, bool force,
                      struct wn_err *err);

/* Small key/value settings (e.g. "last_report_to"). buf gets "" if unset. */
int wn_db_meta_get(struct wn_db *db, const char *key, char *buf, size_t n,
                   struct wn_err *err);
int wn_db_meta_set(struct wn_db *db, const char *key, const char *value,
                   struct wn_err *err);

/* ---- medications ---------------------------------------------------------- */

struct wn_med {
	long id;
	char name[WN_NAME_MAX + 1];
	char unit[16];        /* "mg", "mL", "mcg", ... */
	char drug_key[WN_NAME_MAX + 1];  /* section in drugs.ini, "" if unknown */
};

enum wn_form_kind { WN_FORM_TABLET, WN_FORM_CAPSULE, WN_FORM_LIQUID,
	            WN_FORM_BEADS, WN_FORM_OTHER };

struct wn_med_form {
	long id, med_id;
	int kind;             /* enum wn_form_kind */
	double strength;      /* per tablet/capsule, in the med's unit */
	int divisible;        /* 1, 2 (halves) or 4 (quarters) */
	double conc;          /* liquid: unit per mL */
	int beads;            /* beads per capsule */
	char label[64];       /* free text as the user gave it */
};

/* Adds; WN_DATAERR if a medication with that name (any case) exists. */
int wn_db_med_add(struct wn_db *db, const struct wn_med *m, long *id_out,
                  struct wn_err *err);
/* Case-insensitive exact name; WN_NOINPUT when none (message says so). */
int wn_db_med_find(struct wn_db *db, const char *name, struct wn_med *out,
                   struct wn_err *err);
int wn_db_med_get(struct wn_db *db, long id, struct wn_med *out,
                  struct wn_err *err);
/* *out is malloc'd (free()); ordered by name. */
int wn_db_med_list(struct wn_db *db, struct wn_med **out, size_t *n,
                   struct wn_err *err);
int wn_db_form_add(struct wn_db *db, const struct wn_med_form *f, long *id_out,
                   struct wn_err *err);
int wn_db_form_list(struct wn_db *db, long med_id, struct wn_med_form **out,
                    size_t *n, struct wn_err *err);

/* ---- symptoms --------------------------------------------------------------- */

struct wn_symptom {
	long id;
	char name[WN_NAME_MAX + 1];
	char group[33];
	int source;           /* enum wn_symptom_source (symptoms.h) */
	bool hidden;
	wn_date first_seen;   /* first day rated > 0, WN_DATE_NONE if never */
	bool preexisting;     /* marked as present before the taper */
	int sort;
};

/* Ordered by sort, then name.  *out malloc'd (free()). */
int wn_db_symptom_list(struct wn_db *db, bool include_hidden,
                       struct wn_symptom **out, size_t *n, struct wn_err *err);
/* Case-insensitive exact name; WN_NOINPUT when none. */
int wn_db_symptom_find(struct wn_db *db, const char *name,
                       struct wn_symptom *out, struct wn_err *err);
/* Adds a symptom; WN_DATAERR if the name exists. */
int wn_db_symptom_add(struct wn_db *db, const struct wn_symptom *s,
                      long *id_out, struct wn_err *err);
int wn_db_symptom_set_hidden(struct wn_db *db, long id, bool hidden,
                             struct wn_err *err);
int wn_db_symptom_set_preexisting(struct wn_db *db, long id, bool pre,
                                  struct wn_err *err);

/* ---- one day ------------------------------------------------------------------ */

struct wn_checkin {
	wn_date date;
	bool exists;          /* a check-in row exists for the date */
	int mood, anxiety, energy;   /* 0..10 or WN_UNSET */
	double sleep;         /* hours 0..24, or NAN */
	char *note;           /* owned, NULL when none */
	bool flag;            /* flagged for the prescriber */
	char created[20], updated[20];   /* "YYYY-MM-DD HH:MM:SS" UTC */
};

struct wn_rating { long symptom_id; int value; };   /* value 0..3 */

struct wn_dose {
	long id;
	wn_date date;
	int minute;           /* time taken, -1 = not given */
	long med_id;
	double amount;        /* in the medication's unit */
};

struct wn_metric_value { char name[32]; double value; };

struct wn_quicknote { long id; wn_date date; int minute; char *text; /* owned */ };

struct wn_question {
	long id;
	wn_date date;         /* day it was written */
	char *text;           /* owned */
	bool answered;
	char *answer;         /* owned, NULL if none */
};

struct wn_day {
	struct wn_checkin ci;
	struct wn_rating *ratings;          size_t n_ratings;
	struct wn_dose *doses;              size_t n_doses;
	struct wn_metric_value *metrics;    size_t n_metrics;
	struct wn_quicknote *qnotes;        size_t n_qnotes;
	struct wn_question *questions;      size_t n_questions;
};

/* Loads everything recorded for one date (an empty day is not an error:
 * ci.exists is false and the arrays are empty).  Free with wn_day_free(). */
int wn_db_day_load(struct wn_db *db, wn_date date, struct wn_day *out,
                   struct wn_err *err);
void wn_day_free(struct wn_day *d);

/* ---- writing a day --------------------------------------------------------------- */

enum {
	WN_SET_MOOD = 1 << 0, WN_SET_ANXIETY = 1 << 1, WN_SET_ENERGY = 1 << 2,
	WN_SET_SLEEP = 1 << 3, WN_SET_NOTE = 1 << 4, WN_SET_FLAG = 1 << 5,
};

/* Creates or updates the check-in of p->date; only fields named in
 * p->set change (a field set to WN_UNSET/NAN/NULL clears it).  Validates
 * ranges and note text (WN_DATAERR). Creates the row even when set == 0. */
struct wn_checkin_patch {
	wn_date date;
	unsigned set;
	int mood, anxiety, energy;
	double sleep;
	const char *note;
	bool flag;
};
int wn_db_checkin_update(struct wn_db *db, const struct wn_checkin_patch *p,
                         struct wn_err *err);

/* value 0..3 sets, WN_UNSET clears.  Updates the symptom's first_seen. */
int wn_db_rating_set(struct wn_db *db, wn_date date, long symptom_id,
                     int value, struct wn_err *err);
/* A custom metric value; NAN clears. */
int wn_db_metric_set(struct wn_db *db, wn_date date, const char *name,
                     double value, struct wn_err *err);
/* Records a dose.  A dose of the same medication at the same minute on
 * the same date is replaced, so repeating a command does not double it. */
int wn_db_dose_add(struct wn_db *db, const struct wn_dose *d, long *id_out,
                   struct wn_err *err);
int wn_db_dose_delete(struct wn_db *db, long id, struct wn_err *err);
int wn_db_quicknote_add(struct wn_db *db, wn_date date, int minute,
                        const char *text, struct wn_err *err);
int wn_db_question_add(struct wn_db *db, wn_date date, const char *text,
                       struct wn_err *err);
int wn_db_question_answer(struct wn_db *db, long id, const char *answer,
                          struct wn_err *err);

/* Draft of a note being typed in the TUI (one slot).  save replaces it;
 * take returns it (text owned, NULL if none) and clears the slot. */
int wn_db_draft_save(struct wn_db *db, wn_date date, const char *text,
                     struct wn_err *err);
int wn_db_draft_take(struct wn_db *db, wn_date *date, char **text,
                     struct wn_err *err);

/* ---- ranges ------------------------------------------------------------------------ */

struct wn_day_summary {
	wn_date date;
	bool has_checkin;
	int mood, anxiety, energy;   /* or WN_UNSET */
	double sleep;                /* or NAN */
	int burden;                  /* sum of ratings, 0 when none */
	int n_ratings;
	int n_doses;
	bool flag;
	const char *note;            /* valid only during the callback; may be NULL */
};

/* Calls fn for each date from..to (inclusive) that has any record,
 * in date order.  fn returns 0 to go on, non-zero to stop. */
int wn_db_each_day(struct wn_db *db, wn_date from, wn_date to,
                   int (*fn)(void *ctx, const struct wn_day_summary *s),
                   void *ctx, struct wn_err *err);

/* Earliest and latest dates with any record; WN_DATE_NONE when empty. */
int wn_db_date_span(struct wn_db *db, wn_date *first, wn_date *last,
                    struct wn_err *err);

#endif
