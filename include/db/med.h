/* med.h -- adding a medication with its forms, the same way from the
 * command line, the first-run setup and the Plan screen.
 *
 * Forms use wean's form syntax (taper.h): "tablet 25 mg half",
 * "liquid 20 mg/ml", "capsule 75 mg 300 beads"; amounts are in the
 * medication's unit ("tablet 50 mcg" for a medication in mcg).
 */
#ifndef WEAN_MED_H
#define WEAN_MED_H

#include <stddef.h>

#include "core/status.h"
#include "db/db.h"

#define WN_MED_MAX_FORMS 16
#define WN_MED_FORM_HINT "e.g. 'tablet 25 mg half', 'liquid 2 mg/ml', 'capsule 75 mg 300 beads'"

/* The units wean knows, for lists and messages. */
extern const char *const wn_med_units[];
extern const size_t wn_med_n_units;

/* u (any case) -> its spelling in wn_med_units; WN_DATAERR naming them. */
int wn_med_unit_check(const char *u, char *out, size_t n, struct wn_err *err);

/* One form, amounts in unit.  WN_DATAERR (with WN_MED_FORM_HINT) when
 * the text is not a form. */
int wn_med_form_parse(const char *text, const char *unit, struct wn_med_form *f,
                      struct wn_err *err);

/* "tablet 50 mg, halves", "liquid 2 mg/mL", ... */
void wn_med_form_format(const struct wn_med_form *f, const char *unit, char *buf,
                        size_t n);

/* Adds m (name checked, unit as given, drug_key filled in when the drug
 * reference knows the name) and its n forms in one transaction (the
 * caller's, when one is open); m->id is set.  On error nothing is written
 * (the caller rolls its own transaction back). */
int wn_med_create(struct wn_db *db, struct wn_med *m, struct wn_med_form *forms,
                  size_t n, struct wn_err *err);

#endif
