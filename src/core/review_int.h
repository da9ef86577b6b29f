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

/* The checks of review_pace.c. */
void rv_check_pace(struct rv *x);
void rv_check_final(struct rv *x);

#endif
