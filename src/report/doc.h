/* SPDX-License-Identifier: GPL-3.0-or-later */
/* doc.h (report) -- the writer shared by the Markdown and plain-text
 * report (report_doc.c; used by report_text.c only): headings, wrapped
 * paragraphs and list items, aligned tables, and diary text made safe.
 *
 * "Clean" text is what may go into the document as it is: our own words,
 * or diary text passed through wn_doc_clean()/wn_doc_line_user(), which
 * sanitise it for the terminal (no control characters, escape sequences
 * or bidi overrides; ASCII when d->ascii) and, in Markdown, put a
 * backslash before every character that could start markup.  Wrapped
 * lines in Markdown also get one before a list, heading or quote marker
 * at their start.  Out of memory is recorded in the output buffer's
 * `failed` flag. */
#ifndef WEAN_REPORT_DOC_H
#define WEAN_REPORT_DOC_H

#include <stdbool.h>
#include <stddef.h>

#include "report/report.h"

#define WN_DOC_MAX_COLS 8

struct wn_doc {
	struct wn_buf *b;
	const struct wn_report *r;
	bool md, ascii;
	int width;               /* wrap paragraphs at this many columns */
};

void wn_doc_add(struct wn_doc *d, const char *s);
void wn_doc_addf(struct wn_doc *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* "YYYY-MM-DD", or "-" for WN_DATE_NONE; buf of WN_DATE_STRLEN. */
char *wn_doc_date(wn_date d, char *buf);
/* Diary text made clean, appended to t / as a malloc'd string. */
void wn_doc_clean_to(const struct wn_doc *d, struct wn_buf *t, const char *s);
char *wn_doc_clean(const struct wn_doc *d, const char *s);

/* Clean text wrapped at the width: the first line after `first`, the
 * others indented by as many spaces (a list item: first = "- "). */
void wn_doc_wrap(struct wn_doc *d, const char *text, const char *first);
/* A paragraph: wrapped, then a blank line. */
void wn_doc_para(struct wn_doc *d, const char *text);
/* "# text" / "## text" in Markdown; underlined with '=' / '-' in text. */
void wn_doc_heading(struct wn_doc *d, int level, const char *text);
/* "**" in Markdown, "" in text. */
const char *wn_doc_bold(const struct wn_doc *d);

/* A paragraph or list item built piece by piece, then wrapped. */
struct wn_doc_line {
	struct wn_buf t;
};
void wn_doc_line_start(struct wn_doc_line *l);
/* Our own words (clean already). */
void wn_doc_lf(struct wn_doc_line *l, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Diary text, cleaned. */
void wn_doc_line_user(struct wn_doc *d, struct wn_doc_line *l, const char *s);
/* Wraps it as wn_doc_wrap does and frees it. */
void wn_doc_line_end(struct wn_doc *d, struct wn_doc_line *l, const char *first);

/* A table: columns sized to their widest cell; Markdown pipes (with ':'
 * for right-aligned columns) or space-separated text columns. */
struct wn_doc_table {
	int ncols;
	const char *head[WN_DOC_MAX_COLS];
	bool right[WN_DOC_MAX_COLS];
	char **cells;            /* row by row, owned, clean */
	size_t n, cap;
	bool failed;
};
/* The next cell: a malloc'd clean string (taken over; NULL = failed). */
void wn_doc_cell_own(struct wn_doc_table *t, char *s);
/* The next cell from our own words. */
void wn_doc_cellf(struct wn_doc_table *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* The next cell from a diary name, cut to max columns. */
void wn_doc_cell_name(const struct wn_doc *d, struct wn_doc_table *t, const char *s,
                      int max);
/* Writes the table and a blank line, and frees its cells. */
void wn_doc_table_end(struct wn_doc *d, struct wn_doc_table *t);

#endif
