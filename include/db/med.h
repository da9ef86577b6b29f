/* SPDX-License-Identifier: GPL-3.0-or-later */
/* med.h (db) -- the medications of the diary and their forms.  Names
 * match as core's wn_text_same_name says: case folded in every script
 * ("Сертралин" is "сертралин"), compared in NFC.  Adding a
 * medication with its forms goes one way for the command line, the
 * first-run setup and the Plan screen: wn_db_med_create().
 */
#ifndef WEAN_DB_MED_H
#define WEAN_DB_MED_H

#include <stddef.h>

#include "core/records.h"
#include "core/status.h"

struct wn_db;

/* Adds (name, unit and drug key checked as names: core's wn_text_check);
 * WN_DATAERR if a medication with that name (any case, any script) exists. */
int wn_db_med_add(struct wn_db *db, const struct wn_med *m, long *id_out,
                  struct wn_err *err);
/* The medication called name (any case, any script): a byte-for-byte match
 * first, else the oldest whose name folds the same.  WN_NOINPUT when none
 * (message says so). */
int wn_db_med_find(struct wn_db *db, const char *name, struct wn_med *out,
                   struct wn_err *err);
int wn_db_med_get(struct wn_db *db, long id, struct wn_med *out,
                  struct wn_err *err);
/* *out is malloc'd (free()); ordered by name. */
int wn_db_med_list(struct wn_db *db, struct wn_med **out, size_t *n,
                   struct wn_err *err);
int wn_db_form_add(struct wn_db *db, const struct wn_med_form *f, long *id_out,
                   struct wn_err *err);
int wn_db_form_list(struct wn_db *db, long med_id, struct wn_med_form **out,
                    size_t *n, struct wn_err *err);

/* Adds m (name checked, unit as given, drug_key filled in when the drug
 * reference knows the name) and its n forms in one transaction (the
 * caller's, when one is open); m->id is set.  On error nothing is written
 * (the caller rolls its own transaction back). */
int wn_db_med_create(struct wn_db *db, struct wn_med *m, struct wn_med_form *forms,
                     size_t n, struct wn_err *err);

/* ---- correcting a medication ----------------------------------------------- */

/* What wn_db_med_edit changes; NULL (or 0 forms) keeps that part. */
struct wn_med_edit {
	const char *rename;                  /* a new name (checked as a name) */
	const char *unit;                    /* a unit, spelled as core's
	                                        wn_med_unit_check spells it */
	struct wn_med_form *add;             /* forms to add (med_id is set) */
	size_t n_add;
	const char *const *remove;           /* forms to remove, each naming
	                                        one form (core's
	                                        wn_med_form_named) */
	size_t n_remove;
};

/* Applies e to medication m->id in one transaction (the caller's, when
 * one is open); m is read again afterwards.  Removals are matched
 * before the additions are made.  Nothing is written when it fails:
 * - WN_DATAERR when another medication has the new name; when a form to
 *   remove names no form of m (the message lists them) or several; when
 *   the active plan is kept on one form (plan's form_label) and no form
 *   left is that form ("the plan from DATE rounds to ..."); when the
 *   forms left are none (none the taper can use) while m has an active
 *   plan that had some;
 * - WN_NOINPUT when there is no medication m->id.
 * Amounts recorded in the old unit keep their numbers (a unit is
 * corrected, never converted). */
int wn_db_med_edit(struct wn_db *db, struct wn_med *m, const struct wn_med_edit *e,
                   struct wn_err *err);

#endif
