/* SPDX-License-Identifier: GPL-3.0-or-later */
/* table.h -- a person's own spreadsheet as values: which of its columns
 * give which of the diary's fields (`wean import --format table --map`),
 * its dates in the common forms and its numbers with a decimal point or
 * comma.  Pure: no SQLite, no I/O; the import (db/import.h) reads the
 * file with core/csv.h and writes the days.
 *
 * The map: "FIELD=Header,FIELD=Header,...", one column per field, where
 * FIELD is date (required), mood, anxiety, energy, sleep, flag, note,
 * symptom:NAME, metric:NAME or dose:NAME (a medication: the amount taken
 * that day, in its unit), and Header a column's name as the file's first
 * line gives it (spaces around it and case ignored; it cannot hold a
 * comma or '=').
 */
#ifndef WEAN_TABLE_H
#define WEAN_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"
#include "core/records.h"
#include "core/status.h"

#define WN_TABLE_COLS 64          /* fields one map may give */
#define WN_TABLE_HEAD_MAX 128     /* bytes of a header name */

enum wn_table_field { WN_TF_DATE, WN_TF_MOOD, WN_TF_ANXIETY, WN_TF_ENERGY, WN_TF_SLEEP,
                      WN_TF_FLAG, WN_TF_NOTE, WN_TF_SYMPTOM, WN_TF_METRIC, WN_TF_DOSE };

/* How the dates are written: AUTO takes YYYY-MM-DD, DD.MM.YYYY, and
 * D/M/YYYY or M/D/YYYY only when the day is over 12 (or both are equal);
 * the others that form, and YYYY-MM-DD (never ambiguous) too. */
enum wn_table_datefmt { WN_TD_AUTO, WN_TD_YMD, WN_TD_DMY_DOT, WN_TD_DMY, WN_TD_MDY };

struct wn_table_col {
	enum wn_table_field field;
	char name[WN_NAME_MAX + 1];         /* symptom, metric or medication */
	char head[WN_TABLE_HEAD_MAX];       /* the file's column */
};

struct wn_table_map {
	struct wn_table_col col[WN_TABLE_COLS];
	size_t n;
	enum wn_table_datefmt datefmt;
};

/* Parses spec into m (datefmt AUTO): WN_OK, or WN_USAGE naming the part
 * that is wrong ("--map: unknown field 'mod' (date, mood, ...)", "--map:
 * no date=COLUMN", "--map: 'mood' is given twice"). */
int wn_table_map_parse(struct wn_table_map *m, const char *spec, struct wn_err *err);
/* "YYYY-MM-DD", "DD.MM.YYYY", "DD/MM/YYYY", "MM/DD/YYYY" -> *out; false
 * when unknown. */
bool wn_table_datefmt_parse(const char *s, enum wn_table_datefmt *out);
/* The field's name in messages: "mood", "symptom headache". */
void wn_table_col_name(const struct wn_table_col *c, char *out, size_t n);

/* The date s[0..len) (spaces around it ignored) written as fmt says:
 * WN_OK with *out, or WN_DATAERR "\"13/14/2026\" is not a date
 * YYYY-MM-DD, DD.MM.YYYY, DD/MM/YYYY or MM/DD/YYYY" (or the form
 * fmt names) or "\"03/04/2026\"
 * could be 3 April or March 4" (with a hint naming --date-format). */
int wn_table_date(const char *s, size_t len, enum wn_table_datefmt fmt, wn_date *out,
                  struct wn_err *err);
/* The number s[0..len): spaces around it ignored, a decimal point or a
 * decimal comma ("7,5").  true with *out (NAN when empty); false when it
 * is no number. */
bool wn_table_number(const char *s, size_t len, double *out);

#endif
