/* SPDX-License-Identifier: GPL-3.0-or-later */
/* csv.h -- CSV (RFC 4180) as wean writes and reads it: one cell guarded
 * against spreadsheet formulas, and a reader of records from text in
 * memory or read a window at a time (core/reader.h).  No SQLite, no I/O
 * of its own.
 *
 * Writing: a cell holding a comma, a quote, CR or LF is quoted, its quotes
 * doubled.  Formula-injection guard: a cell starting with '=', '+', '-',
 * '@', TAB or CR gets a leading apostrophe (') so that spreadsheets show
 * it as text; so does a cell starting with an apostrophe, so that
 * wn_csv_unguard(), which takes one apostrophe off again, gives back
 * every cell exactly: unguard(cell(x)) == x.
 *
 * Reading (lenient where files in the wild are): fields are separated by
 * ',' (or the reader's sep) and records end at LF, CRLF or a lone CR
 * outside quotes.  A field
 * that starts with '"' is quoted up to the next lone '"' ("" is one
 * quote); anything after its closing quote is kept as it is, and a '"'
 * inside an unquoted field is an ordinary character.  Quoted fields may
 * span lines.  The text is not checked for UTF-8 or NUL bytes here (the
 * importer checks the whole file first).
 */
#ifndef WEAN_CSV_H
#define WEAN_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "core/reader.h"
#include "core/status.h"
#include "core/text.h"

#define WN_CSV_RECORD_MAX (1024u * 1024)   /* bytes of one record */

/* ---- writing ------------------------------------------------------------ */

/* Append s[0..len) to b as one field, guarded and quoted as above.  Out of
 * memory is left in b->failed. */
void wn_csv_cell(struct wn_buf *b, const char *s, size_t len);

/* The field s[0..*len) without the guard's apostrophe: when it starts with
 * ' followed by one of the guarded characters or another ', returns s + 1
 * and decrements *len; else returns s.  The importer unguards every
 * field it reads (the header's names too). */
const char *wn_csv_unguard(const char *s, size_t *len);

/* ---- spreadsheets (export --for-spreadsheet) ------------------------------ */

#define WN_CSV_BOM "\xEF\xBB\xBF"   /* UTF-8 byte-order mark */

/* The unit a spreadsheet's header gives a fixed column of the export
 * (export.h): "1 = yes" (recorded, flag), "0-10" (mood, anxiety,
 * energy), "h" (sleep), "sum of ratings" (burden); NULL for the others
 * (date, note). */
const char *wn_csv_fixed_unit(const char *name);
/* Append the header cell "NAME (UNIT)" to b, guarded as wn_csv_cell
 * (just NAME when unit is NULL or empty). */
void wn_csv_head_cell(struct wn_buf *b, const char *name, const char *unit);
/* The length of the header field s[0..len) without a unit " (...)" at its
 * end (len when it has none): "sleep (h)" -> 5. */
size_t wn_csv_head_base(const char *s, size_t len);

/* ---- reading ------------------------------------------------------------ */

/* One record: n fields f[i] of len[i] bytes, each malloc'd and
 * NUL-terminated, owned by the record.  A zeroed struct is empty. */
struct wn_csv_record {
	char **f;
	size_t *len;
	size_t n, cap;
	int line;                /* the line it starts on, from 1 */
};

/* Reads a text in memory (wn_csv_open: s[0..len), which must outlive the
 * reader) or through a reader (core/reader.h), a window at a time. */
struct wn_csv_reader {
	struct wn_reader *r;     /* the text: &mem, or the caller's */
	struct wn_reader mem;
	int line;                /* of the next byte */
	char sep;                /* between fields: ',' (what wn_csv_open and
	                            wn_csv_open_reader set) or '\t' */
	struct wn_buf cell;      /* the field being read */
};

void wn_csv_open(struct wn_csv_reader *c, const char *s, size_t len);
/* From r's current place, taken as line 1; r stays the caller's. */
void wn_csv_open_reader(struct wn_csv_reader *c, struct wn_reader *r);
void wn_csv_close(struct wn_csv_reader *c);
/* The offset of the next byte, and back to such an offset (a record's
 * start), which is on line `line`: false when the text cannot go there. */
unsigned long long wn_csv_offset(const struct wn_csv_reader *c);
bool wn_csv_at(struct wn_csv_reader *c, unsigned long long off, int line);
void wn_csv_record_free(struct wn_csv_record *r);

/* The next record into r (freed and refilled).  WN_OK with *got false at
 * the end of the text; WN_DATAERR "line N: a record longer than
 * WN_CSV_RECORD_MAX bytes" or "line N: a quoted field is never closed";
 * WN_IOERR "cannot read the file: ..."; WN_ERR when out of memory.  A blank line is a record of one empty
 * field (see wn_csv_blank). */
int wn_csv_next(struct wn_csv_reader *c, struct wn_csv_record *r, bool *got,
                struct wn_err *err);

/* Before the header: skips a UTF-8 byte-order mark, and sets c->sep to
 * the most frequent of ',', ';' and TAB outside quotes on the first line
 * (as far as the window holds it; ',' when none, or on a tie with ',').
 * Returns the separator. */
char wn_csv_sniff(struct wn_csv_reader *c);
/* "commas", "semicolons" or "tabs": the separator in words. */
const char *wn_csv_sep_name(char sep);

/* Is r a blank line (one empty field)? */
bool wn_csv_blank(const struct wn_csv_record *r);

/* The index of the header field equal to name, or -1. */
int wn_csv_find(const struct wn_csv_record *h, const char *name);
/* The index of each of names[0..n) in header h into idx[]: WN_OK, or
 * WN_DATAERR "line N: the column \"NAME\" is missing" for the first
 * one that is not there. */
int wn_csv_columns(const struct wn_csv_record *h, const char *const *names,
                   size_t n, int *idx, struct wn_err *err);

/* The number in field col of r (named `name` in messages), with a decimal
 * point or a decimal comma ("7,5", as a spreadsheet in German saves it):
 * WN_OK with *out
 * the value, or NAN when the field is empty or col is not in r; WN_DATAERR
 * "line N: NAME: \"TEXT\" is not a number from MIN to MAX" when it is not
 * a number within lim[0]..lim[1] (TEXT cut to 40 bytes, controls shown as
 * '?'). */
int wn_csv_number(const struct wn_csv_record *r, int col, const char *name,
                  const double lim[2], double *out, struct wn_err *err);

#endif
