/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plancache.h -- what the diary's plan cache holds (schema v8, kept in
 * step by schema v10's triggers; db/plancache.h): a medication's plan as
 * Today shows it (the plan as loaded, the schedule rounded to the forms,
 * the plan's review and the review after its latest going back up),
 * written out as bytes, and the key of what the diary cannot vouch for.
 * Pure computation: no SQL, no I/O.
 *
 * Whatever the plan is computed from inside the diary (the plan, its
 * holds, reinstatements, custom steps and acknowledgements, the
 * medication and its forms, a switch replacing it) empties the cache
 * when it changes: schema v10's triggers, which no writer can go around.
 * The key holds the rest: the medication's name, unit and drug (again,
 * as a second guard), the drug reference's identity (the caller's text:
 * its path, size and modification time) and the code that computed them
 * (WN_CORE_ID, a checksum of src/core and include/core given by the
 * Makefile).  Stored bytes are used only when the key now is byte for
 * byte the key they were stored with.  Every field is written on its own
 * (no struct padding), numbers in this machine's byte order (the key
 * holds the sizes, so a diary moved to another kind of machine just
 * recomputes).
 */
#ifndef WEAN_CORE_PLANCACHE_H
#define WEAN_CORE_PLANCACHE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/buf.h"
#include "core/records.h"
#include "core/today.h"

/* The key of an entry for medication m into out (emptied first).
 * WN_OK, or WN_ERR out of memory. */
int wn_plancache_key(const struct wn_med *m, const char *drugref_id, struct wn_buf *out);

/* What is kept of t (its plan, sched, reviewed/review, has_up/up/up_on;
 * not has) into out (emptied first).  WN_OK, or WN_ERR out of memory. */
int wn_plancache_encode(const struct wn_today_plan *t, struct wn_buf *out);

/* Clears t, then fills its plan (made ready: wn_plan_ready), sched,
 * reviewed, review, has_up, up and up_on from the bytes; t->has stays
 * false.  WN_OK; WN_DATAERR when the bytes are not a whole, well-formed
 * entry (t is then empty); WN_ERR out of memory.  Free with
 * wn_today_plan_free. */
int wn_plancache_decode(const void *data, size_t n, struct wn_today_plan *t);

#endif
