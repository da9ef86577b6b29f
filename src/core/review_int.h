/* SPDX-License-Identifier: GPL-3.0-or-later */
/* review_int.h -- private to review*.c: the review being built and the
 * helpers its parts share.  See core/review.h. */
#ifndef WEAN_CORE_REVIEW_INT_H
#define WEAN_CORE_REVIEW_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/review.h"

#define RV_EPS 1e-6            /* mg or %: closer than this is equal */
#define RV_NUM 32              /* bytes of a formatted number */
#define RV_WHO 64              /* bytes of steps' name */

struct rv_forms;               /* review.c's per-form facts, worked out once */

struct rv {
	const struct wn_taper_params *p;
	const struct wn_schedule *s;
	const struct wn_drug *drug;    /* NULL when unknown */
	bool mg;                       /* unit is mg: drug's mg facts apply */
	bool has_occ;
	struct wn_review *out;
	size_t cap;                    /* findings allocated */
	bool oom;
	struct rv_forms *fc;           /* NULL: worked out each time */
};

/* A new finding (zeroed, step_to = step) at the end of the list, or NULL
 * when out of memory (x->oom is then set). */
struct wn_review_finding *rv_add(struct rv *x, enum wn_review_kind kind,
                                 enum wn_review_level level, int step);
/* rv_add, the text begun with the step's name (as rv_steps_name). */
struct wn_review_finding *rv_add_step(struct rv *x, enum wn_review_kind kind,
                                      enum wn_review_level level, int step);
/* Appends s to the string in dst[0..n), cutting at the end (rv_addf's
 * "%s" without printf). */
void rv_append(char *dst, size_t n, const char *s);
/* Appends printf output to the string in dst[0..n), cutting at the end. */
void rv_addf(char *dst, size_t n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* v with up to `dec` decimals ("37.5", "0.03"), in buf[RV_NUM]. */
const char *rv_num(double v, int dec, char *buf);
/* "Step 3 (2026-03-02)" or "Steps 3-5 (2026-03-02 to 2026-04-27)". */
void rv_steps_name(const struct rv *x, int from, int to, char who[RV_WHO]);
/* "Emax 92.01%, ED50 7.72 mg, striatum, S3 S2, approximate". */
void rv_occ_words(const struct wn_review_sert *s, char *buf, size_t n);
/* Is `cut` a rounding jump against the `asked` cut (both % of the dose)? */
bool rv_is_jump(double asked, double cut);
/* Appends the space-separated ids to the list in dst, each once. */
void rv_add_src(char *dst, size_t n, const char *ids);
/* Text with each "mg" written as the medication's unit. */
void rv_unit(const struct rv *x, const char *text, char *out, size_t n);

/* ---- review_forms.c: the forms, worked out once per review -------------- */

#define RV_MAX_FORMS 32        /* as taper.c */

/* Forms that are not OTHER. */
int rv_n_usable(const struct wn_taper_params *p);
/* Does list[0..n) hold a form of f's kind and amount (any label)? */
bool rv_has_form(const struct wn_form *list, int n, const struct wn_form *f);
/* The rounders and words of p's forms, filled as they are asked for;
 * NULL when out of memory (then each step works them out again).  p must
 * outlive it. */
struct rv_forms *rv_forms_new(const struct wn_taper_params *p);
void rv_forms_free(struct rv_forms *c);
/* The index of the form that delivers dose, as taper.c picks it (tablets
 * and capsules together first, then each liquid or bead capsule), or -1. */
int rv_form_of(const struct rv *x, double dose);
/* The words for form fi ("tablets", "liquid 20 mg/ml"; "" for -1). */
void rv_form_words(const struct rv *x, int fi, char buf[WN_REVIEW_FORM]);
/* Tablet-equivalent mg per mg of form fi (wn_drugref_form_factor). */
double rv_factor_of(const struct rv *x, int fi);

/* The rounder of p's forms (the first RV_MAX_FORMS) and form m, for a
 * rounding jump's alternatives: slot RV_ALT_FINER + i for the plan's
 * liquid i measured more finely, RV_ALT_MARKETED + i for the drug's
 * marketed form i.  Made once per slot (m must be the same each time);
 * NULL when there is no room (then the caller makes its own). */
#define RV_ALT_FINER 0
#define RV_ALT_MARKETED RV_MAX_FORMS
#define RV_ALT_SLOTS (2 * RV_MAX_FORMS)
struct wn_rounder *rv_alt_rounder(const struct rv *x, int slot, const struct wn_form *m);
/* wn_taper_form_format(m, buf, n), kept in the slot after the first time
 * (n at most RV_ALT_TEXT). */
#define RV_ALT_TEXT (WN_REVIEW_FORM + 16)
void rv_alt_words(const struct rv *x, int slot, const struct wn_form *m, char *buf,
                  size_t n);

/* The checks of review_pace.c. */
void rv_check_pace(struct rv *x);
void rv_check_final(struct rv *x);

#endif
