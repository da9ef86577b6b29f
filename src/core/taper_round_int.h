/* SPDX-License-Identifier: GPL-3.0-or-later */
/* taper_round_int.h -- private to taper_round.c and taper_rounder.c: the
 * pieces of rounding both use.  See core/taper_round.h. */
#ifndef WEAN_CORE_TAPER_ROUND_INT_H
#define WEAN_CORE_TAPER_ROUND_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/taper_round.h"

#define RES 1e5                /* tablet grid resolution: 1e-5 mg */
#define GRID_MAX 200000L       /* largest tablet grid before the fallback */
#define MAX_UNITS 96

enum rmode { NEAREST, BELOW };

/* One piece a tablet/capsule dose can be made of. */
struct unit {
	long m;          /* size in grid units of 1/RES mg (later: of g) */
	int form;        /* index into forms */
	int quarters;    /* 4 whole, 2 half, 1 quarter */
	int cost;        /* whole 10, split 11: prefer fewer and whole pieces */
};

/* Per-form pieces, in quarters of a tablet/capsule. */
struct combo {
	long q[WN_TAPER_ROUND_MAX_FORMS];
};

/* x to 1e-6 mg. */
double tr_snap(double x);
/* snprintf(dst, n, "%s", src); nothing when dst is NULL or n 0. */
void tr_set_text(char *dst, size_t n, const char *src);
/* The pieces of the TABLET and CAPSULE forms among forms[0..n), largest
 * first (then by form); returns their number. */
int tr_collect_units(const struct wn_form *forms, int n, struct unit *u);
long tr_gcd_l(long a, long b);
/* Appends " + term" (or " ..." when it does not fit) to how[0..n). */
void tr_add_term(char *how, size_t n, const char *term);
/* The grid index chosen for dose among reachable points (cost[i] !=
 * INT_MAX) of 1..top, each g_mg mg. */
long tr_grid_choose(const int *cost, long top, double g_mg, double dose,
                    enum rmode mode);
/* Whole pieces of `size` mg: nearest to dose, or the most strictly below. */
long tr_count_for(double dose, double size, enum rmode mode);
/* Whether a candidate dose beats the best so far for dose: BELOW, the
 * larger; NEAREST, the nearer, the larger of two as near. */
bool tr_better(double cand, double best, double dose, enum rmode mode);
/* How to take c beads of bead capsule f. */
void tr_beads_how(const struct wn_form *f, long c, char *how, size_t n);

#endif
