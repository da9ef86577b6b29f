/* SPDX-License-Identifier: GPL-3.0-or-later */
/* export.h -- the diary as CSV (one row per day) and as JSON (every record).
 *
 * Storage layer: read-only SQL; no curses, no prompts, no output of its
 * own.  The caller writes the buffer to a file.
 *
 * CSV (RFC 4180): UTF-8, CRLF line ends, a header row, then one row for
 * every day from..to, recorded or not.  Columns, always the same for a
 * diary whatever the range holds:
 *   date, recorded, mood, anxiety, energy, sleep, burden,
 *   one per symptom (hidden ones too; by sort order, then name),
 *   one per custom metric (by name),
 *   "<med> planned", "<med> taken", "<med> status" per medication (by
 *   name),
 *   flag, note (the check-in's note).
 * In core/vocab.h's words: recorded is 1 when anything was entered that
 * day (a check-in, a rating, a metric, a dose, a quick note, a question),
 * else 0 (the column was has_checkin before issue 14; the import reads
 * both).  Empty cell = not recorded: burden is empty without ratings (0
 * only for ratings of 0); "planned" is empty where no plan is in force;
 * "taken" is empty where the medication has no dose record and 0 for a
 * dose recorded as skipped; "status" is "as planned", "different",
 * "skipped" or "not recorded", empty where nothing is planned.
 * Text cells are written by wn_csv_cell (core/csv.h): quoted when they
 * hold a comma, a quote, CR or LF, and guarded against formula injection
 * (a leading apostrophe before '=', '+', '-', '@', TAB or CR); numbers
 * written by wean are never negative and are unaffected.  The CSV import
 * strips that one apostrophe again.
 *
 * CSV for spreadsheets (opts.spreadsheet): the same rows after a UTF-8
 * byte-order mark (so that LibreOffice and Excel read the text as UTF-8),
 * the header names with their units in brackets (core/csv.h's
 * wn_csv_fixed_unit): "recorded (1 = yes)", "mood (0-10)", "anxiety
 * (0-10)", "energy (0-10)", "sleep (h)", "burden (sum of ratings)", a
 * symptom "NAME (0-3)", a metric its name alone, "<med> planned (UNIT)",
 * "<med> taken (UNIT)", "<med> status", "flag (1 = yes)"; numbers keep
 * the decimal point.  The CSV import reads both forms.
 *
 * JSON: {"format":"wean","schema_version":1,"exported":...,"meta":{},
 * "medications":[],"plans":[],"plan_switches":[],"symptoms":[],"metrics":[],
 * "hold_proposals":[],"days":[]}, one
 * record per line, keys in a fixed order, numbers as SQLite's JSON
 * functions print them, so export -> import -> export is byte-identical.
 * Days are those from..to with any record (a day absent has no record).
 * A day under a plan also has "dose_status": {"<med>": "as planned" |
 * "different" | "skipped" | "not recorded"} for each planned medication
 * (core/vocab.h), derived from the plan and the doses and ignored by the
 * import; a skipped dose is a dose of amount 0.  The TUI's unsaved draft
 * is not exported.  Time stamps (created, updated, acked) are ISO 8601
 * in UTC, "2026-11-25T08:30:00Z" (stored "2026-11-25 08:30:00"; the
 * import reads both).
 */
#ifndef WEAN_EXPORT_H
#define WEAN_EXPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"
#include "core/status.h"
#include "core/text.h"

struct wn_db;

#define WN_EXPORT_FORMAT_VERSION 2   /* == the schema version exported */

struct wn_export_opts {
	wn_date from, to;        /* inclusive; WN_DATE_NONE = the diary's
	                            first / last recorded day (the first as
	                            wn_report_range_from decides it: `to`
	                            itself when the diary begins after it) */
	const char *exported;    /* JSON "exported" value; NULL = now (UTC) */
	bool spreadsheet;        /* CSV for spreadsheets: a UTF-8 byte-order
	                            mark first, and the header names with
	                            their units (see below); the rows are the
	                            same */
	size_t n_days;           /* out: rows (CSV) or day records (JSON) */
	/* Streaming: when flush is set, out's text is handed on as it is made
	 * -- flush(flush_ctx, text, len, err) whenever out holds
	 * WN_EXPORT_CHUNK bytes or more at the end of a row (a CSV row with
	 * its CR LF, a JSON day record's closing brace: a piece never ends
	 * inside a row or a UTF-8 character), and once at the end
	 * with the rest -- and out is emptied after each call, so memory does
	 * not grow with the range.  A flush that returns anything but WN_OK
	 * (err set) stops the export with that status.  NULL: all the text
	 * stays in out. */
	int (*flush)(void *flush_ctx, const char *text, size_t len, struct wn_err *err);
	void *flush_ctx;
};

#define WN_EXPORT_CHUNK 65536

/* Append the CSV / JSON text to out (or hand it to o->flush).  WN_OK;
 * WN_USAGE when from > to or the CSV range is longer than 100 years;
 * storage errors as wn_db_sqlerr words them (a damaged diary:
 * WN_DATAERR), never a shorter export.  out holds partial text after a
 * failure, and with flush some text may have been handed on before it
 * (the caller discards both: a file is not published). */
int wn_export_csv(struct wn_db *db, struct wn_export_opts *o, struct wn_buf *out,
                  struct wn_err *err);
int wn_export_json(struct wn_db *db, struct wn_export_opts *o,
                   struct wn_buf *out, struct wn_err *err);

#endif
