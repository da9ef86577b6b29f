/* SPDX-License-Identifier: GPL-3.0-or-later */
/* med.h (core) -- medications and their forms as values: the units wean
 * knows, and a form's text ("tablet 25 mg half", "liquid 20 mg/ml",
 * "capsule 75 mg 300 beads", core/taper.h's syntax) read and written.
 * Amounts are in the medication's unit ("tablet 50 mcg" for a medication
 * in mcg).  Storing them: db/med.h.
 */
#ifndef WEAN_CORE_MED_H
#define WEAN_CORE_MED_H

#include <stdbool.h>
#include <stddef.h>

#include "core/records.h"
#include "core/status.h"

#define WN_MED_MAX_FORMS 16
#define WN_MED_FORM_HINT "e.g. 'tablet 25 mg half', 'liquid 2 mg/ml', 'capsule 75 mg 300 beads'"

/* The units wean knows, for lists and messages. */
extern const char *const wn_med_units[];
extern const size_t wn_med_n_units;

/* u (any case) -> its spelling in wn_med_units; WN_DATAERR naming them. */
int wn_med_unit_check(const char *u, char *out, size_t n, struct wn_err *err);

/* One form, amounts in unit; the text is kept as the label (a liquid's
 * "by N ml" is read back from it: core/plan.h).  WN_DATAERR (with
 * WN_MED_FORM_HINT) when the text is not a form, or when it is too long
 * for the label to keep its "by N ml". */
int wn_med_form_parse(const char *text, const char *unit, struct wn_med_form *f,
                      struct wn_err *err);

/* " by 0.01 mL" when f is a liquid its text says is measured other than
 * by 0.1 mL (written into buf, which is returned), else "". */
const char *wn_med_form_by_ml(const struct wn_med_form *f, char *buf, size_t n);

/* "tablet 50 mg, halves", "liquid 2 mg/mL", "liquid 20 mg/mL by 0.01 mL"... */
void wn_med_form_format(const struct wn_med_form *f, const char *unit, char *buf,
                        size_t n);

/* Whether w (spaces at either end ignored, any case) names form f of a
 * medication in unit: its text as typed (the label), its text as
 * wn_med_form_format writes it, or its kind alone ("tablet", "tablets",
 * "capsule", "liquid"), which may name several forms. */
bool wn_med_form_named(const struct wn_med_form *f, const char *unit, const char *w);

#endif
