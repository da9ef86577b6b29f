/* SPDX-License-Identifier: GPL-3.0-or-later */
/* suggest.h -- "did you mean": the names closest to a mistyped one, and the
 * one error message for an unknown name.  Names are compared as wean
 * compares them (core/text.h's wn_text_fold: case folded in every script,
 * NFC).  Pure, no output.
 */
#ifndef WEAN_SUGGEST_H
#define WEAN_SUGGEST_H

#include <stddef.h>

#include "core/status.h"

#define WN_SUGGEST_MAX 16   /* most suggestions wn_suggest returns */

/* Edit distance (insertions, deletions, substitutions and swaps of two
 * adjacent characters each cost 1) between two NUL-terminated strings,
 * by code point, both folded (wn_text_fold: case is ignored in every
 * script).  Only the first 256 folded code points of each are compared. */
int wn_suggest_distance(const char *a, const char *b);
/* Candidates close to word, best (smallest distance) first, ties in the
 * order given: those within max(2, len/3) edits of word (len in code
 * points) and fewer edits than len, plus, for words of 3 or more
 * characters, those containing word (both folded).  Stores up to
 * max_out (at most WN_SUGGEST_MAX) pointers to the candidates in out
 * and returns how many.  An empty word suggests nothing.
 * (Five parameters, kept as specified for its callers.) */
size_t wn_suggest(const char *word, const char *const *cands, size_t n,
                  const char **out, size_t max_out);

/* The error for a name that is not one of cands: "unknown KIND 'NAME'
 * (did you mean 'A', 'B'?)", NAME made terminal-safe; when none is close
 * and there are at most WN_SUGGEST_LIST_MAX, all of them: "unknown format
 * 'xyz' (one of ics, csv or json)".  Returns WN_DATAERR. */
#define WN_SUGGEST_LIST_MAX 10
int wn_suggest_unknown(struct wn_err *err, const char *kind, const char *name,
                       const char *const *cands, size_t n);

#endif
