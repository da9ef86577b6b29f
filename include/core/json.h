/* json.h -- a JSON (RFC 8259) parser for the importer: text in memory
 * into a tree whose values know the line they start on.  Pure: no SQLite,
 * no I/O.  (SQLite 3.40 has no json_error_position, hence our own.)
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
 * not grow with their number (the days of a wean export).
 */
#ifndef WEAN_JSON_H
#define WEAN_JSON_H

#include <stdbool.h>
#include <stddef.h>

#include "core/status.h"
#include "core/text.h"

#define WN_JSON_DEPTH_MAX 64     /* the root is at depth 0 */

enum wn_json_type { WN_JSON_NULL, WN_JSON_BOOL, WN_JSON_NUM, WN_JSON_STR,
                    WN_JSON_ARR, WN_JSON_OBJ };

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
 * caller wants it (it points into the text, which must outlive it). */
struct wn_json_parser {
	const char *s;
	size_t len, pos, line_start;
	int line;
	struct wn_err *err;
	bool skim;               /* checking syntax only: nothing is built */
	struct wn_buf str;       /* the string being decoded */
	const char *stream_key;
	struct {
		bool found, first;
		size_t pos, line_start;
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

void wn_json_free(struct wn_json *v);
/* The member key of object o (the first of that name), or NULL when o is
 * not an object or has none. */
const struct wn_json *wn_json_get(const struct wn_json *o, const char *key);

#endif
