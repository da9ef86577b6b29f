/* SPDX-License-Identifier: GPL-3.0-or-later */
/* taper_round.h -- rounding a dose to what the person's forms can deliver
 * (tablets and their halves or quarters, 0.1 mL of a liquid or the step its
 * form gives, whole beads)
 * and saying how to take it.  Pure: no SQL, no curses, no I/O.
 */
#ifndef WEAN_TAPER_ROUND_H
#define WEAN_TAPER_ROUND_H

#include <stdbool.h>
#include <stddef.h>

#include "core/taper_form.h"

#define WN_TAPER_HOW 96
#define WN_TAPER_DEFAULT_QUANTUM 0.01   /* mg, when neither quantum nor forms */
#define WN_TAPER_ROUND_EPS 1e-7         /* mg: doses closer are the same dose */
#define WN_TAPER_ROUND_MAX_FORMS 32     /* forms rounding looks at (the first) */

/* What a dose is rounded to.  quantum > 0: nearest multiple of quantum (the
 * forms then only describe the dose, when they can make it exactly).
 * quantum == 0: what the forms deliver -- all TABLET and CAPSULE forms
 * combine (whole units, halves/quarters where divisible); each LIQUID form
 * gives steps of its ml_step (0.1 mL by default); each BEADS form whole
 * beads.  The option nearest the
 * wanted dose wins; on a tie the higher dose, then tablets/capsules, then
 * the earlier form.  Neither quantum nor usable forms: 0.01 mg.
 * Tablet combinations use the fewest pieces, whole tablets before split
 * ones; for strengths with no common grid coarser than ~1e-5 mg the
 * smallest piece alone is used. */
struct wn_rounding {
	double quantum;
	const struct wn_form *forms;
	int n_forms;
};

/* Nearest deliverable dose to `dose` (ties go to the higher dose).  how
 * (may be NULL) gets e.g. "1 x 25 mg + 1/2 x 25 mg", "3.6 mL of 2 mg/mL"
 * ("0.54 mL of 20 mg/mL" by 0.01 mL: the volume with the step's decimals),
 * "112 beads of a 150-bead 75 mg capsule", "none" for 0, or "" when the
 * forms cannot make the dose exactly. */
double wn_taper_round(const struct wn_rounding *r, double dose, char *how,
                      size_t n);
/* Largest deliverable dose strictly below `dose` (0 when none). */
double wn_taper_round_below(const struct wn_rounding *r, double dose,
                            char *how, size_t n);

/* how for a dose taken as it is (not rounded): the forms' recipe when they
 * make it exactly (r's quantum ignored), "none" for 0, else "". */
void wn_taper_round_describe(const struct wn_rounding *r, double dose,
                             char *how, size_t n);

/* ---- a rounding prepared once for many doses ------------------------------ */

/* A schedule or a review rounds many doses with the same forms.  A
 * wn_rounder works out once what each dose would otherwise work out
 * again: the tablets' and capsules' pieces and their common grid, the
 * table of their cheapest combinations (kept, and grown only when a
 * larger dose needs it), the text of each form's amount; and it writes
 * the `how` only for the option that wins (not at all when how is NULL).
 * Its answers are exactly wn_taper_round's, wn_taper_round_below's and
 * wn_taper_round_describe's for the same wn_rounding (the unit tests
 * compare them on random forms and doses).
 *
 * Call order: wn_rounder_init, any number of calls, wn_rounder_free.
 * The forms are not copied: they must stay unchanged until the free.
 * The fields are the rounder's own; read none of them. */
struct wn_rounder_unit {
	long m;                  /* size in 1e-5 mg */
	long grid;               /* size in steps of the common grid */
	int form, quarters, cost;
};

struct wn_rounder {
	struct wn_rounding r;
	int nf;                  /* forms looked at (the first 32) */
	int nu;                  /* tablet/capsule pieces, largest first */
	struct wn_rounder_unit u[3 * WN_TAPER_ROUND_MAX_FORMS];
	double g_mg;             /* the common grid, mg */
	long top, cap;           /* grid filled up to top; room for cap + 1 */
	int *cost;               /* malloc'd (NULL until a dose needs it) */
	signed char *pick;
	bool text_ok[WN_TAPER_ROUND_MAX_FORMS];
	char text[WN_TAPER_ROUND_MAX_FORMS][32];  /* a form's amount, as wn_text_num */
};

/* r may be NULL (then doses round to 0.01 mg, as wn_taper_round(NULL)).
 * Never fails: memory is asked for later, and when it is refused the
 * answer is what wn_taper_round gives when it is refused. */
void wn_rounder_init(struct wn_rounder *rd, const struct wn_rounding *r);
void wn_rounder_free(struct wn_rounder *rd);
/* As wn_taper_round, wn_taper_round_below, wn_taper_round_describe. */
double wn_rounder_round(struct wn_rounder *rd, double dose, char *how, size_t n);
double wn_rounder_below(struct wn_rounder *rd, double dose, char *how, size_t n);
void wn_rounder_describe(struct wn_rounder *rd, double dose, char *how, size_t n);

#endif
