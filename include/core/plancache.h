/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plancache.h -- what the diary's plan cache holds (schema v8, db/plancache.h):
 * a medication's plan as Today shows it (the schedule rounded to the
 * forms, the plan's review and the review after its latest going back
 * up), written out as bytes, and the key those bytes were computed from.
 * Pure computation: no SQL, no I/O.
 *
 * The key spells out every input of the schedule and the reviews: the
 * plan's parameters, forms, custom points, holds and reinstatements, its
 * region and form, the medication's name, unit and drug, whether a switch
 * replaces the plan, the drug reference's identity (the caller's text:
 * its path, size and modification time) and the code that computed them
 * (WN_CORE_ID, a checksum of src/core and include/core given by the
 * Makefile).  Stored bytes are used only when the key now is byte for
 * byte the key they were stored with, so they are always what computing
 * again would give.  Every field is written on its own (no struct
 * padding), numbers in this machine's byte order (the key holds the
 * sizes, so a diary moved to another kind of machine just recomputes).
 */
#ifndef WEAN_CORE_PLANCACHE_H
#define WEAN_CORE_PLANCACHE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/buf.h"
#include "core/records.h"
#include "core/today.h"

/* The key of p (loaded, wn_plan_ready) for medication m into out
 * (emptied first).  WN_OK, or WN_ERR out of memory. */
int wn_plancache_key(const struct wn_plan *p, const struct wn_med *m, bool replaced,
                     const char *drugref_id, struct wn_buf *out);

/* What is kept of t (its sched, reviewed/review, has_up/up/up_on; not
 * its plan, which is read from the diary) into out (emptied first).
 * WN_OK, or WN_ERR out of memory. */
int wn_plancache_encode(const struct wn_today_plan *t, struct wn_buf *out);

/* Fills t's sched, reviewed, review, has_up, up and up_on from the bytes
 * (t's plan and has are left alone).  WN_OK; WN_DATAERR when the bytes are
 * not a whole, well-formed entry (t's parts are then empty); WN_ERR out of
 * memory. */
int wn_plancache_decode(const void *data, size_t n, struct wn_today_plan *t);

#endif
