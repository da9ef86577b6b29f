/* SPDX-License-Identifier: GPL-3.0-or-later */
/* journal_int.h -- private to the journal's search (src/db/journal*.c). */
#ifndef WEAN_DB_JOURNAL_INT_H
#define WEAN_DB_JOURNAL_INT_H

#include "core/buf.h"
#include "core/status.h"

struct wn_db;

/* The FTS5 query for text as typed (journal.h), appended to q: like
 * wn_journal_query(), but each word's prefix is replaced by the words of
 * the diary's index that start with it ("dizz"* becomes ("dizzy" OR
 * "dizzier")), read from its term list one seek each, so that the query
 * costs what its matches cost: FTS5 reads a prefix query's every match
 * before the first (it has no prefix index here).  q is "" when the text
 * has no word.  WN_OK; WN_USAGE for an empty or too long text; WN_ERR out
 * of memory; a storage error. */
int wn_journal_expand(struct wn_db *db, const char *text, struct wn_buf *q,
                      struct wn_err *err);

#endif
