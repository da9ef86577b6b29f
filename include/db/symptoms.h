/* SPDX-License-Identifier: GPL-3.0-or-later */
/* symptoms.h (db) -- the diary's symptom list: the built-in and DESS
 * symptoms added when the diary was made (core/symptoms.h), and the
 * person's own.  Names match as core's wn_text_same_name says: case folded
 * in every script, compared in NFC.
 */
#ifndef WEAN_DB_SYMPTOMS_H
#define WEAN_DB_SYMPTOMS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/records.h"
#include "core/status.h"

struct wn_db;

/* ---- symptoms --------------------------------------------------------------- */

/* Ordered by sort, then name.  *out malloc'd (free()). */
int wn_db_symptom_list(struct wn_db *db, bool include_hidden,
                       struct wn_symptom **out, size_t *n, struct wn_err *err);
/* The symptom called name (any case, any script): a byte-for-byte match
 * first, else the oldest whose name folds the same.  WN_NOINPUT when none. */
int wn_db_symptom_find(struct wn_db *db, const char *name,
                       struct wn_symptom *out, struct wn_err *err);
/* Adds a symptom (name and group checked as names: core's wn_text_check);
 * WN_DATAERR if the name exists in any case or script. */
int wn_db_symptom_add(struct wn_db *db, const struct wn_symptom *s,
                      long *id_out, struct wn_err *err);
int wn_db_symptom_set_hidden(struct wn_db *db, long id, bool hidden,
                             struct wn_err *err);
int wn_db_symptom_set_preexisting(struct wn_db *db, long id, bool pre,
                                  struct wn_err *err);

#endif
