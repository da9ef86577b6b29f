/* SPDX-License-Identifier: GPL-3.0-or-later */
/* taper_form.h -- dose forms (tablets, capsules, a liquid, bead capsules)
 * as taper maths sees them: their numbers, and the compact form syntax
 * read and written.  Pure: no SQL, no curses, no I/O.
 */
#ifndef WEAN_TAPER_FORM_H
#define WEAN_TAPER_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "core/status.h"

/* Numeric values match storage.h's enum wn_form_kind (TABLET 0 ... OTHER 4),
 * so a stored `int kind` converts by a plain cast. */
enum wn_taper_kind {
	WN_TAPER_TABLET,     /* strength_mg per tablet, may be halved/quartered */
	WN_TAPER_CAPSULE,    /* strength_mg per capsule, whole only */
	WN_TAPER_LIQUID,     /* conc_mg_per_ml, measured in ml_step mL */
	WN_TAPER_BEADS,      /* capsule of strength_mg opened, beads_per_capsule */
	WN_TAPER_OTHER       /* known to exist, not used for rounding */
};

#define WN_FORM_LABEL 64
#define WN_TAPER_MAX_DOSE 1e6    /* mg: no amount of a form or dose is above */
#define WN_TAPER_ML_STEP 0.1     /* mL: how finely a liquid is measured unless told */
#define WN_TAPER_ML_STEP_MIN 0.001  /* mL: the finest "by N ml" (and its grid) */
#define WN_TAPER_ML_STEP_MAX 5.0    /* mL: the coarsest "by N ml" */

struct wn_form {
	enum wn_taper_kind kind;
	double strength_mg;      /* per tablet/capsule (TABLET, CAPSULE, BEADS) */
	int divisible;           /* TABLET: 1 whole only, 2 halves, 4 quarters */
	double conc_mg_per_ml;   /* LIQUID */
	int beads_per_capsule;   /* BEADS */
	double ml_step;          /* LIQUID: mL measured at a time ("by 0.01 ml");
	                            0 means WN_TAPER_ML_STEP */
	char label[WN_FORM_LABEL]; /* words before the amount ("XR capsule"), may be "" */
};

/* Parses our compact form syntax (case-insensitive words):
 *
 *     [LABEL WORDS] AMOUNT UNIT [MODIFIERS]
 *
 *   UNIT       "mg" (per tablet/capsule) or "mg/ml", "mg/5ml", "mg/5 ml"
 *              (a liquid; "10 mg/5ml" is stored as 2 mg/ml)
 *   MODIFIERS  "/2" or "halves" or "scored"  (tablet can be halved)
 *              "/4" or "quarters"            (tablet can be quartered)
 *              "N beads"                     (capsule holding N beads)
 *              "by N ml" or "by Nml"         (a liquid measured in steps of
 *                                             N mL, 0.001 to 5 with at most
 *                                             three decimals; else 0.1 mL)
 *   kind       a mg/ml unit makes a LIQUID; a label word "tablet" or "odt"
 *              a TABLET; "capsule" a CAPSULE (BEADS with "N beads"); any
 *              other label an OTHER form.
 *
 * Examples: "tablet 25 mg /2", "oral solution 10 mg/5ml", "XR capsule 75 mg
 * 150 beads", "liquid 2 mg/ml", "liquid 20 mg/ml by 0.01 ml".  Returns WN_OK,
 * or WN_USAGE with a one-line message naming the text.  *out is fully
 * written on success; a liquid's ml_step is set (0.1 without "by"). */
int wn_taper_form_parse(const char *text, struct wn_form *out,
                        struct wn_err *err);

/* Checks a form's numbers (strength > 0, divisible 1/2/4, ...).  WN_OK or
 * WN_USAGE. */
int wn_taper_form_check(const struct wn_form *f, struct wn_err *err);

/* Writes the form back in the syntax above ("tablet 25 mg /2"); a liquid's
 * step only when it is not the default ("liquid 20 mg/ml by 0.01 ml"). */
void wn_taper_form_format(const struct wn_form *f, char *buf, size_t n);

/* Is mg a usable amount: finite, above 0, at most WN_TAPER_MAX_DOSE? */
bool wn_taper_form_amount_ok(double mg);
/* The mL a liquid is measured in: f->ml_step, or WN_TAPER_ML_STEP when it
 * is 0 (or f is not a liquid). */
double wn_taper_form_ml_step(const struct wn_form *f);
/* Decimals that show a whole number of steps of ml_step mL exactly: 1 for
 * 0.1 or 0.5, 2 for 0.01 or 0.05, 3 for 0.001, 0 for 1. */
int wn_taper_form_ml_decimals(double ml_step);
/* The step a form's text gives ("by N ml" read as the parser reads it):
 * for a stored form, whose text is kept but not its step.  The default
 * when the text has no "by" or a bad one. */
double wn_taper_form_text_ml_step(const char *text);
/* Pieces one unit of f is taken in: 2 or 4 for a tablet that splits so,
 * else 1. */
int wn_taper_form_parts(const struct wn_form *f);

#endif
