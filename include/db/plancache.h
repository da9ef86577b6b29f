/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plancache.h (db) -- a medication's plan as Today shows it, from the
 * diary's plan cache (schema v8, table plan_cache; kept in step by schema
 * v10's triggers) when nothing it was computed from has changed.
 *
 * Building a plan (the drug reference read, every step rounded to the
 * forms) and reviewing it costs more than the rest of the TUI's first
 * frame.  The result is the same every day until the plan, its holds or
 * reinstatements, custom steps or acknowledgements, the medication or its
 * forms, a switch replacing it, the drug reference or wean itself change.
 * Inside the diary, a trigger on each of those tables empties the cache
 * at any change (src/db/schema_v10.c); outside it, core/plancache.h writes
 * down the rest as the entry's key, and an entry is used only when that
 * key is byte for byte the key computed now.  Otherwise the plan is built
 * and reviewed as before and the entry written again, in the read
 * transaction its inputs were read in; a diary that cannot be written
 * (read-only, busy, changed meanwhile by another wean) still shows the
 * plan, only not from the cache.  The cache is not part of the diary's
 * records: export, import and reports never read it.
 */
#ifndef WEAN_DB_PLANCACHE_H
#define WEAN_DB_PLANCACHE_H

#include "core/records.h"
#include "core/status.h"
#include "core/today.h"

struct wn_db;

/* Medication m's active plan into *out (cleared first; free with
 * wn_today_plan_free): the plan and its schedule (out->has), the plan's
 * review unless a switch replaces it (out->reviewed), the review of the
 * step after its latest going back up (out->has_up, out->up_on).
 * WN_OK; WN_NOINPUT when m has no plan; another status when the plan
 * cannot be read or built (out->has false). */
int wn_db_plan_today(struct wn_db *db, const struct wn_med *m, struct wn_today_plan *out,
                     struct wn_err *err);

/* `wean check`: *stale true when the entry stored for m's plan under the
 * key computed now holds anything else than computing the plan now gives
 * (a fault: the key missed an input); that entry is then removed, so the
 * plan is computed again when next shown.  WN_OK also without a plan or
 * an entry; otherwise the status of reading or removing. */
int wn_db_plan_cache_check(struct wn_db *db, const struct wn_med *m, bool *stale,
                           struct wn_err *err);

#endif
