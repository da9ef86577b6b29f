/* symptoms.h (db) -- the diary's symptom list: the built-in and DESS
 * symptoms added when the diary was made (core/symptoms.h), and the
 * person's own.  Names match case-insensitively in every script.
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
/* Case-insensitive exact name; WN_NOINPUT when none. */
int wn_db_symptom_find(struct wn_db *db, const char *name,
                       struct wn_symptom *out, struct wn_err *err);
/* Adds a symptom; WN_DATAERR if the name exists. */
int wn_db_symptom_add(struct wn_db *db, const struct wn_symptom *s,
                      long *id_out, struct wn_err *err);
int wn_db_symptom_set_hidden(struct wn_db *db, long id, bool hidden,
                             struct wn_err *err);
int wn_db_symptom_set_preexisting(struct wn_db *db, long id, bool pre,
                                  struct wn_err *err);

#endif
