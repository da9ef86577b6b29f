/* SPDX-License-Identifier: GPL-3.0-or-later */
/* import.h -- bringing days into the diary from wean's JSON or CSV export
 * or from Daylio's CSV export.  Storage layer: the text is read by
 * core/json.h, core/csv.h and core/daylio.h, and written here; no curses,
 * no output of its own.
 *
 * Contract
 * - The file is read a window at a time (core/reader.h), never whole: the
 *   memory an import takes does not grow with the file (a JSON list's
 *   elements are built one at a time, each at most 8 MiB, core/json.h;
 *   a Daylio file keeps a few bytes per row).  Files over
 *   WN_IMPORT_MAX_BYTES are refused before they are read.
 * - The whole import is one transaction: on any error nothing is written
 *   (and with dry_run nothing is written either; the summary is still
 *   computed).  The caller must not hold a transaction open.
 * - Input is checked first as a whole: valid UTF-8 (else the line of the
 *   first bad byte), well-formed JSON (line:column of the problem) or
 *   CSV (a record over 1 MiB, an unterminated quote), then each value by
 *   the rules the rest of wean keeps (one set for every way in): types
 *   and ranges as core/valid.h, names and text as core/text.h, units as
 *   core/med.h, forms as wn_db_form_add, a plan as `plan show` builds it.
 *   Refused (WN_DATAERR, nothing written), besides malformed values: a
 *   day after today or more than WN_VALID_SPAN_DAYS days before it, a
 *   date given twice, a rating of a symptom after the day it was hidden,
 *   a dose of a medication after the day it was archived, a metric value
 *   outside the metric's range, a change of unit of a medication that has
 *   doses or plans in the diary (every dose would change meaning), a plan
 *   that does not build (say, a percent plan without a step), a second
 *   active plan of one medication, two open holds on a plan, a
 *   meta.last_report_to that is no date.  Every message starts "line N: "
 *   and names the field ("days[3].checkin.mood", or the CSV column).
 * - A date already in the diary is merged value by value (the check-in's
 *   mood, anxiety, energy, sleep, flag and note; each rating, metric
 *   value and dose; a CSV "taken" total).  A value the diary lacks is
 *   taken from the file; a value that is the same is left; a value that
 *   differs is a conflict, listed in the result and settled by
 *   on_conflict: KEEP (the default) keeps the diary's, REPLACE takes the
 *   file's, APPEND joins a note as "DIARY\n\n" WN_IMPORT_SEPARATOR "\nFILE"
 *   (a note already joined so is left) and keeps the diary's numbers.  A
 *   value the file leaves out or gives as null (a flag of 0 included) is
 *   never a conflict and never clears the diary's.  Quick notes and
 *   questions are added unless the same text is there.  With
 *   replace_days, everything recorded on a date of the file is deleted
 *   first (no conflicts then).  Medications, symptoms and metrics are
 *   matched by name as wean matches names (core/text.h's folding) and
 *   their settings (a symptom's group and hidden mark, a medication's
 *   unit and archive, a metric's range) taken from the file where it
 *   gives them; plans are added when no plan of the same medication with
 *   the same start and creation time exists; a switch ("plan_switches":
 *   a plan switched in and the plan it replaces, each named by
 *   medication, start, creation time and active flag) is added when the
 *   plan switched in has none, and refused when either plan is not in
 *   the diary or the switch does not rebuild; a hold proposal and a meta
 *   setting already in the diary are kept unless REPLACE.
 * - Before an import that would change a day already in the diary is
 *   written, opts->backup is called (when set and not a dry run), with no
 *   transaction open: the whole file is checked and merged first, rolled
 *   back, backed up, then imported again from the start (a file that is
 *   refused makes no backup).  If the backup fails, nothing is imported.
 * - Summary: days added (nothing recorded there before), updated (had
 *   records and changed), unchanged (had records, nothing changed: the
 *   same values, or only conflicts kept), skipped (rows or days with
 *   nothing to import); the conflicts, the first WN_IMPORT_MAX_LISTED of
 *   them listed.
 * - Daylio: columns found by name (full_date, or year and date; time,
 *   mood, activities, note_title, note), commas or tabs; mood labels map
 *   as opts->daylio_map (WN_IMPORT_DAYLIO_MAP and the person's own),
 *   every label it lacks named in one refusal; a date's entries, wherever
 *   they are in the file, give the check-in's mood (the rounded mean) and
 *   each entry with text a quick note at its time (its title, note and
 *   "activities: a, b" lines; with several entries that day, its mood
 *   too) -- see core/daylio.h.  A quick note the day already has (same
 *   time and text) is not added again.  Lines starting with '#' before
 *   the header are skipped.  The check-in's other fields are left as
 *   they are.
 * - wean CSV: the columns of export.h; date, recorded (or, in a file of
 *   an earlier wean, has_checkin), mood, anxiety, energy, sleep, burden,
 *   flag and note are required; every other column must name a symptom, a
 *   metric or "<medication> planned|taken|status" known to the diary (a
 *   name given by two columns, as a symptom and a metric of one name, is
 *   taken in the export's order: symptom, metric, medication).  Every
 *   field is unguarded first (core/csv.h), so the diary's own export reads
 *   back exactly.  burden, planned and status are ignored (they are
 *   derived); a "taken" total is a conflict when the day's dose records
 *   add up to another total, and taking it replaces them with one dose of
 *   no time (0: a dose recorded as skipped).  has_checkin 1 makes a
 *   check-in row; with "recorded", a row makes one when it gives a
 *   check-in field, or is recorded by nothing else in the file (a quick
 *   note's day), so the day stays recorded.  A byte-order mark is
 *   skipped; the separator is ',', ';' or TAB, the one the header line
 *   has most of (res->sep); the export for spreadsheets' header names
 *   with units ("sleep (h)", "sertraline taken (mg)") are read as the
 *   plain ones.
 * - Table (a person's own spreadsheet): the columns opts->table maps
 *   (core/table.h), found by header name (case and spaces around ignored),
 *   a BOM and the separator as for wean CSV; the dates as the map's
 *   datefmt, numbers with a decimal point or comma; mood, anxiety and
 *   energy whole 0-10, sleep 0-24, flag 0 or 1, a symptom's rating 0-3,
 *   a dose the day's amount taken (merged as a CSV "taken" total).  Other
 *   columns are ignored; a row with no mapped value is skipped.  Every
 *   symptom, metric and medication of the map must be in the diary.
 */
#ifndef WEAN_IMPORT_H
#define WEAN_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/csv.h"
#include "core/date.h"
#include "core/daylio.h"
#include "core/status.h"
#include "core/table.h"

struct wn_db;

#define WN_IMPORT_DAYLIO_MAP WN_DAYLIO_MAP
#define WN_IMPORT_MAX_BYTES (256u * 1024 * 1024)
#define WN_IMPORT_MAX_RECORD WN_CSV_RECORD_MAX   /* one CSV record */
#define WN_IMPORT_MAX_LISTED 1000                 /* conflicts kept in a result */
#define WN_IMPORT_SEPARATOR "--- imported ---"    /* between joined notes */

enum wn_import_format { WN_IMPORT_JSON, WN_IMPORT_CSV, WN_IMPORT_DAYLIO, WN_IMPORT_TABLE };

/* What became of one row of a table (--format table), for a dry run's
 * line-by-line account. */
enum wn_import_outcome { WN_ROW_ADDED, WN_ROW_UPDATED, WN_ROW_UNCHANGED, WN_ROW_SKIPPED,
                         WN_ROW_REFUSED };
struct wn_import_row {
	int line;
	const char *date;          /* as the file gives it */
	enum wn_import_outcome what;
	const char *why;           /* REFUSED: the reason, without "line N: " */
	const char *hint;          /* REFUSED: how to fix it, or "" */
	size_t conflicts;          /* values of the diary's kept or replaced */
};

/* What to do when the file and the diary give a day's value differently. */
enum wn_import_rule { WN_IMPORT_KEEP, WN_IMPORT_REPLACE, WN_IMPORT_APPEND };

struct wn_import_opts {
	enum wn_import_format format;
	enum wn_import_rule on_conflict;
	bool replace;              /* replace whole days (no conflicts then) */
	bool dry_run;              /* check and count, then roll back */
	/* Called before changing a day already in the diary (see above);
	 * WN_OK or a status with err set.  NULL: no backup. */
	int (*backup)(void *ctx, struct wn_err *err);
	void *backup_ctx;
	const struct wn_daylio_map *daylio_map;   /* Daylio's mood labels; NULL:
	                                             the stock ones */
	const struct wn_table_map *table;          /* --format table: the map */
	/* --format table with dry_run: called for each row once it is
	 * written or refused; a refused row is then rolled back and the rest
	 * still checked (without dry_run, a refused row stops the import). */
	void (*row)(void *ctx, const struct wn_import_row *r);
	void *row_ctx;
};

/* What became of a conflicting value. */
enum wn_import_action { WN_IMPORT_KEPT, WN_IMPORT_REPLACED, WN_IMPORT_JOINED };

/* One conflict, ready to print on one line: the values are shortened to a
 * few words, terminal-safe, notes in double quotes. */
struct wn_import_conflict {
	char date[WN_DATE_STRLEN];
	char field[96];            /* "mood", "note", "symptom nausea",
	                              "dose of sertraline at 08:00",
	                              "sertraline taken" */
	char diary[64], file[64];  /* the diary's value and the file's */
	enum wn_import_action action;
};

struct wn_import_result {
	size_t added, updated, unchanged, skipped;
	size_t refused;            /* rows refused (a table's dry run) */
	char sep;                  /* CSV and table: the separator found */
	bool backed_up;            /* opts->backup was called and succeeded */
	size_t conflicts;          /* all of them */
	struct wn_import_conflict *listed;   /* the first n_listed (owned) */
	size_t n_listed;
};

/* Imports text[0..len) (need not be NUL-terminated).  WN_OK with *res
 * filled; WN_DATAERR for bad input (message "line N: ..."), or for a text
 * over WN_IMPORT_MAX_BYTES (nothing read); the diary's own faults as
 * wn_db_sqlerr words them (WN_TEMPFAIL, WN_IOERR, a damaged diary
 * WN_DATAERR); a failed backup's status.  Free *res with
 * wn_import_result_free in every case. */
int wn_import_text(struct wn_db *db, const struct wn_import_opts *o,
                   const char *text, size_t len, struct wn_import_result *res,
                   struct wn_err *err);
/* The same from the file open on fd (one that can seek: read again for
 * the second pass; core/fileio.h's wn_file_open_input gives one for any
 * input), read a window at a time: memory does not grow with the file.
 * A file over WN_IMPORT_MAX_BYTES is refused before a byte is read
 * (WN_DATAERR "the file is larger than 256 MiB ..."); a read that fails
 * is WN_IOERR "cannot read the file: ...".  The caller closes fd. */
int wn_import_fd(struct wn_db *db, const struct wn_import_opts *o, int fd,
                 struct wn_import_result *res, struct wn_err *err);
void wn_import_result_free(struct wn_import_result *res);

/* "json", "csv", "daylio", "table" -> format; false when unknown. */
bool wn_import_format_parse(const char *s, enum wn_import_format *out);
/* "keep", "replace", "append" -> rule; false when unknown. */
bool wn_import_rule_parse(const char *s, enum wn_import_rule *out);

#endif
