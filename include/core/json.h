/* SPDX-License-Identifier: GPL-3.0-or-later */
/* json.h -- a JSON (RFC 8259) parser for the importer: text, in memory
 * or read a window at a time (core/reader.h), into a tree whose values
 * know the line they start on.  No SQLite, no I/O of its own.  (SQLite
 * 3.40 has no json_error_position, hence our own.)
 *
 * Strict: no comments, no trailing commas, no leading zeros, no NaN; the
 * whole text is one value with only white space after it; strings must be
 * valid UTF-8 without raw control characters, and escapes decode to valid
 * UTF-8 (a surrogate escape only as a high-low pair).  Nesting is limited
 * to WN_JSON_DEPTH_MAX.  Every error is WN_DATAERR "line L, column C:
 * WHAT" (C counts bytes from 1), or WN_ERR when out of memory.
 *
 * Streaming one array: given a key, the root object's first member of that
 * name whose value is an array is checked for syntax with the rest of the
 * text but not built (the tree holds an empty array there); afterwards
 * wn_json_next() parses its elements one at a time, so that memory does
 * not grow with their number (the days of a wean export).  For a text
 * read from a file, see wn_json_scan below.
 */
#ifndef WEAN_JSON_H
#define WEAN_JSON_H

#include <stdbool.h>
#include <stddef.h>

#include "core/reader.h"
#include "core/status.h"
#include "core/text.h"

#define WN_JSON_DEPTH_MAX 64     /* the root is at depth 0 */
#define WN_JSON_VALUE_MAX (8u * 1024 * 1024)  /* bytes one built value may take */

enum wn_json_type { WN_JSON_NULL, WN_JSON_BOOL, WN_JSON_NUM, WN_JSON_STR,
                    WN_JSON_ARR, WN_JSON_OBJ };

/* Where a value starts in the text (wn_json_scan), to come back to it. */
struct wn_json_at {
	bool found;
	enum wn_json_type t;     /* the value's type */
	int line;
	unsigned long long off, line_start;
};

/* One value.  A zeroed struct is an empty null; wn_json_free releases
 * what a parse put in it. */
struct wn_json {
	enum wn_json_type t;
	int line;                /* where the value starts, from 1 */
	bool is_int;             /* a number written without '.' or exponent */
	double num;              /* NUM; BOOL: 1 or 0 */
	char *s;                 /* STR: decoded, NUL-terminated (owned) */
	size_t len;              /* STR: bytes, without the NUL */
	struct wn_json *kid;     /* ARR, OBJ: n values (owned) */
	size_t n, cap;
	char **key;              /* OBJ: key[i] names kid[i] (owned) */
};

/* The parser's state: fields are private, the struct lives where the
 * caller wants it (the text it reads must outlive it). */
struct wn_json_parser {
	struct wn_reader *r;     /* the text */
	struct wn_reader mem;    /* wn_json_parse's text in memory */
	unsigned long long line_start;   /* offset of the line's first byte */
	int line;
	struct wn_err *err;
	bool skim;               /* checking syntax only: nothing is built */
	size_t built;            /* bytes built for the value being read */
	struct wn_buf str;       /* the string being decoded */
	const char *stream_key;
	const char *const *keys; /* wn_json_scan's keys and where they are */
	struct wn_json_at *at;
	size_t n_keys;
	struct {
		bool found, first;
		unsigned long long pos, line_start;
		int line;
	} stream;
};

/* Parses text[0..len) into *root (zeroed first).  stream_key NULL parses
 * everything; else see "streaming" above.  WN_OK or an error as above
 * (*root then holds what was built: free it either way).  Call
 * wn_json_parser_free on p after the last wn_json_next. */
int wn_json_parse(struct wn_json_parser *p, const char *text, size_t len,
                  const char *stream_key, struct wn_json *root,
                  struct wn_err *err);
/* Was a streamed array found? */
bool wn_json_streamed(const struct wn_json_parser *p);
/* The next element of the streamed array into *v (zeroed first; free it
 * after use), or *done at its end.  WN_OK or an error as above. */
int wn_json_next(struct wn_json_parser *p, struct wn_json *v, bool *done);
void wn_json_parser_free(struct wn_json_parser *p);

/* ---- a text too large to build: its root's members one at a time ----
 * wn_json_scan checks all of it as wn_json_parse would (the same errors)
 * without building anything, and finds where the root object's first
 * member of each name starts; wn_json_value_at then builds one of them,
 * and wn_json_array_at goes back to an array whose elements wn_json_next
 * reads one at a time.  A built value (a member, or an element) may take
 * at most WN_JSON_VALUE_MAX bytes ("line L, column C: a value larger than
 * 8 MiB"), so memory never grows with the text.  A failed read is
 * WN_IOERR "cannot read the file: ...". */

/* Reads r: *root gets the root's type and line (nothing built), at[i]
 * (n entries) where the member keys[i] of the root object starts (found
 * false when there is none, or the root is no object).  The parser reads
 * r until wn_json_parser_free. */
int wn_json_scan(struct wn_json_parser *p, struct wn_reader *r, const char *const *keys,
                 struct wn_json_at *at, size_t n, struct wn_json *root,
                 struct wn_err *err);
/* The value at *at built into *v (zeroed first; free it after use). */
int wn_json_value_at(struct wn_json_parser *p, const struct wn_json_at *at,
                     struct wn_json *v);
/* Makes the array at *at the one wn_json_next reads. */
void wn_json_array_at(struct wn_json_parser *p, const struct wn_json_at *at);

void wn_json_free(struct wn_json *v);
/* The member key of object o (the first of that name), or NULL when o is
 * not an object or has none. */
const struct wn_json *wn_json_get(const struct wn_json *o, const char *key);

#endif
