/* import.h -- bringing days into the diary from wean's JSON or CSV export
 * or from Daylio's CSV export.  Storage layer: the text is read by
 * core/json.h, core/csv.h and core/daylio.h, and written here; no curses,
 * no output of its own.
 *
 * Contract
 * - The whole import is one transaction: on any error nothing is written
 *   (and with dry_run nothing is written either; the summary is still
 *   computed).  The caller must not hold a transaction open.
 * - Input is checked first as a whole: valid UTF-8 (else the line of the
 *   first bad byte), well-formed JSON (line:column of the problem) or
 *   CSV (a record over 1 MiB, an unterminated quote), then each value:
 *   types, ranges, real dates, text limits.  Every message starts
 *   "line N: " and names the field ("days[3].checkin.mood", or the CSV
 *   column).
 * - A date already in the diary is merged: fields present in the file
 *   overwrite, the others are kept; ratings, metric values and doses are
 *   replaced one by one; notes and questions already there are not
 *   added twice.  With replace, everything recorded on that date is
 *   deleted first.  Medications, symptoms and metrics are matched by
 *   name (case-insensitive) and updated; plans are added when no plan of
 *   the same medication with the same start and creation time exists.
 * - Summary: days added (nothing recorded there before), updated (had
 *   records), skipped (rows or days with nothing to import).
 * - Daylio: columns full_date,date,weekday,time,mood,activities,
 *   note_title,note; mood labels map as WN_IMPORT_DAYLIO_MAP; several
 *   entries on a day become one check-in (mood: the rounded mean; the
 *   titles, notes and "activities: a, b" lines joined in time order,
 *   taking Daylio's newest-first order: a day's entries are expected on
 *   consecutive rows).  Lines starting with '#' before the header are
 *   skipped.  The check-in's other fields are left as they are.
 * - wean CSV: the columns of export.h; date, has_checkin, mood, anxiety,
 *   energy, sleep, burden, flag and note are required; every other column
 *   must name a symptom, a metric or "<medication> planned|taken" known
 *   to the diary.  burden and planned are ignored (they are derived); a
 *   "taken" total different from the day's records replaces them with one
 *   dose of no time; the note's formula guard (a leading ') is removed.
 */
#ifndef WEAN_IMPORT_H
#define WEAN_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/csv.h"
#include "core/daylio.h"
#include "core/status.h"

struct wn_db;

#define WN_IMPORT_DAYLIO_MAP WN_DAYLIO_MAP
#define WN_IMPORT_MAX_BYTES (256u * 1024 * 1024)
#define WN_IMPORT_MAX_RECORD WN_CSV_RECORD_MAX   /* one CSV record */

enum wn_import_format { WN_IMPORT_JSON, WN_IMPORT_CSV, WN_IMPORT_DAYLIO };

struct wn_import_opts {
	enum wn_import_format format;
	bool replace;              /* overwrite whole days */
	bool dry_run;              /* check and count, then roll back */
};

struct wn_import_result {
	size_t added, updated, skipped;
};

/* Imports text[0..len) (need not be NUL-terminated).  WN_OK with *res
 * filled; WN_DATAERR for bad input (message "line N: ..."); the diary's
 * own faults as wn_db_sqlerr words them (WN_TEMPFAIL, WN_IOERR, a damaged
 * diary WN_DATAERR). */
int wn_import_text(struct wn_db *db, const struct wn_import_opts *o,
                   const char *text, size_t len, struct wn_import_result *res,
                   struct wn_err *err);

/* "json", "csv", "daylio" -> format; false when unknown. */
bool wn_import_format_parse(const char *s, enum wn_import_format *out);

#endif
