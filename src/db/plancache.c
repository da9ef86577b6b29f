/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plancache.c (db) -- the plan as Today shows it, through the diary's plan
 * cache; see db/plancache.h. */
#include "db/plancache.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "core/buf.h"
#include "core/datafile.h"
#include "core/plan.h"
#include "core/plancache.h"
#include "db/plan.h"
#include "db_int.h"

/* The drug reference wn_plan_drug reads, as a text that changes when it
 * does: its path, size, modification time and inode ("-" when none). */
static void drugref_id(char *buf, size_t n)
{
	char path[4096];
	struct stat st;
	if (wn_datafile_find("drugs.ini", path, sizeof path) != WN_OK || stat(path, &st) != 0) {
		snprintf(buf, n, "-");
		return;
	}
	snprintf(buf, n, "%s|%lld|%lld.%09ld|%llu", path, (long long)st.st_size,
	         (long long)st.st_mtim.tv_sec, (long)st.st_mtim.tv_nsec,
	         (unsigned long long)st.st_ino);
}

/* The entry a query of plan_cache (its plan_id, key and data, bound to
 * `id`) finds for medication med_id when its key is `key`: WN_OK and t
 * filled (t->has false), or anything else (no entry, another key,
 * unreadable bytes, another medication's). */
static int read_entry(struct wn_db *db, const char *q, long id, long med_id,
                      const struct wn_buf *key, struct wn_today_plan *t)
{
	sqlite3_stmt *st;
	int rc = wn_db_stmt(db, q, &st, NULL);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	rc = WN_NOINPUT;
	if (sqlite3_step(st) == SQLITE_ROW) {
		long plan_id = (long)sqlite3_column_int64(st, 0);
		const void *k = sqlite3_column_blob(st, 1);
		const void *d = sqlite3_column_blob(st, 2);
		size_t kn = (size_t)sqlite3_column_bytes(st, 1);
		if (k && d && kn == key->len && memcmp(k, key->s, kn) == 0)
			rc = wn_plancache_decode(d, (size_t)sqlite3_column_bytes(st, 2), t);
		if (rc == WN_OK && (t->plan.id != plan_id || t->plan.med_id != med_id)) {
			wn_today_plan_free(t);
			rc = WN_DATAERR;
		}
	}
	sqlite3_reset(st);
	return rc;
}

/* The entry of plan plan_id, for `wean check`. */
static const char q_plan[] = "SELECT plan_id, key, data FROM plan_cache WHERE plan_id = ?1";
/* The entry of a medication's plan, for Today: every change to a plan or
 * what it is computed from empties the cache (schema_v10.c), and an entry
 * is written only for the medication's latest active plan (as
 * wn_db_plan_load reads it), so the one entry of the medication, when
 * there is one, is that plan's. */
static const char q_med[] = "SELECT plan_id, key, data FROM plan_cache WHERE med_id = ?1";

/* Keeps the entry; a diary that cannot take it at once (another wean is
 * writing, the disk is full) just goes without: the TUI's first frame
 * never waits for it. */
static void write_entry(struct wn_db *db, long plan_id, const struct wn_buf *key,
                        const struct wn_today_plan *t)
{
	static const char q[] =
		"INSERT OR REPLACE INTO plan_cache(plan_id, med_id, key, data)"
		" VALUES (?1, ?4, ?2, ?3)";
	struct wn_buf data;
	sqlite3_stmt *st;
	wn_buf_init(&data);
	if (wn_plancache_encode(t, &data) == WN_OK && wn_db_stmt(db, q, &st, NULL) == WN_OK) {
		sqlite3_bind_int64(st, 1, plan_id);
		sqlite3_bind_blob(st, 2, key->s, (int)key->len, SQLITE_STATIC);
		sqlite3_bind_blob(st, 3, data.s, (int)data.len, SQLITE_STATIC);
		sqlite3_bind_int64(st, 4, t->plan.med_id);
		sqlite3_busy_timeout(wn_db_sqlite(db), 0);
		sqlite3_step(st);
		sqlite3_busy_timeout(wn_db_sqlite(db), db->busy_ms);
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
	}
	wn_buf_free(&data);
}

/* Builds and reviews b (its plan loaded) as Today shows it. */
static int compute(struct wn_plan_built *b, const struct wn_med *m, bool replaced,
                   struct wn_today_plan *t, struct wn_err *err)
{
	int rc = wn_plan_built_make(b, m, err);
	if (rc != WN_OK)
		return rc;
	/* the plan a switch replaces: its steps are doses diazepam replaces,
	 * not cuts, so its own review is not shown step by step (the
	 * switch's, by the combined equivalent, is on the Plan screen) */
	if (!replaced)
		t->reviewed = wn_plan_review(b, m, &t->review, NULL) == WN_OK;
	/* the review of the step after the latest going back up */
	const struct wn_plan_event *last = NULL;
	for (size_t i = 0; i < b->plan.n_events; i++)
		if (b->plan.events[i].kind == WN_PLAN_REINSTATE)
			last = &b->plan.events[i];
	t->has_up = last && wn_plan_review_reinstate(b, m, last->start, last->dose,
	                                             &t->up, NULL) == WN_OK;
	t->up_on = last ? last->start : WN_DATE_NONE;
	return WN_OK;
}

/* What wn_db_plan_today does, with `use` false: the cache is neither
 * read nor written, and *key (when keyed) holds the entry's key.
 *
 * Computed, the entry is written in the read transaction its inputs were
 * read in: in WAL, a write another wean committed in between makes the
 * write fail (the snapshot is old), so an entry never outlives a change
 * its triggers already saw. */
static int plan_today(struct wn_db *db, const struct wn_med *m, struct wn_today_plan *out,
                      bool use, struct wn_buf *key, bool *keyed, struct wn_err *err)
{
	struct wn_plan_built b;
	char id[4200];
	drugref_id(id, sizeof id);
	*keyed = wn_plancache_key(m, id, key) == WN_OK;
	memset(out, 0, sizeof *out);
	if (use && *keyed && read_entry(db, q_med, m->id, m->id, key, out) == WN_OK) {
		out->has = true;
		return WN_OK;
	}
	memset(out, 0, sizeof *out);
	out->sched.hold_since = out->up_on = WN_DATE_NONE;
	memset(&b, 0, sizeof b);
	b.sched.hold_since = WN_DATE_NONE;
	bool tx = false;          /* the entry is written only in a snapshot */
	bool snap = use && *keyed && wn_db_snapshot_begin(db, &tx, "read the plan", NULL) == WN_OK;
	int rc = wn_db_plan_load(db, m->id, &b.plan, err);
	if (rc != WN_OK) {
		wn_db_snapshot_end(db, tx);
		wn_plan_free(&b.plan);
		return rc == WN_NOINPUT ? wn_err_set(err, WN_NOINPUT, "%s has no taper plan", m->name) : rc;
	}
	rc = compute(&b, m, wn_db_plan_replaced(db, b.plan.id), out, err);
	if (rc != WN_OK) {
		wn_db_snapshot_end(db, tx);
		wn_plan_built_free(&b);
		wn_review_free(&out->review);
		wn_review_free(&out->up);
		out->reviewed = out->has_up = false;
		return rc;
	}
	out->plan = b.plan;      /* out owns them from here */
	out->sched = b.sched;
	out->has = true;
	if (snap)
		write_entry(db, out->plan.id, key, out);
	wn_db_snapshot_end(db, tx);
	return WN_OK;
}

int wn_db_plan_today(struct wn_db *db, const struct wn_med *m, struct wn_today_plan *out,
                     struct wn_err *err)
{
	struct wn_buf key;
	bool keyed = false;
	wn_buf_init(&key);
	int rc = plan_today(db, m, out, true, &key, &keyed, err);
	wn_buf_free(&key);
	return rc;
}

int wn_db_plan_cache_check(struct wn_db *db, const struct wn_med *m, bool *stale,
                           struct wn_err *err)
{
	static const char del[] = "DELETE FROM plan_cache WHERE plan_id = ?1";
	struct wn_today_plan now, kept;
	struct wn_buf key, a, b;
	bool keyed = false;
	*stale = false;
	wn_buf_init(&key);
	int rc = plan_today(db, m, &now, false, &key, &keyed, err);
	if (rc == WN_OK && keyed) {
		memset(&kept, 0, sizeof kept);
		if (read_entry(db, q_plan, now.plan.id, m->id, &key, &kept) == WN_OK) {
			wn_buf_init(&a);
			wn_buf_init(&b);
			if (wn_plancache_encode(&now, &a) != WN_OK || wn_plancache_encode(&kept, &b) != WN_OK)
				rc = wn_err_set(err, WN_ERR, "out of memory");
			else
				*stale = a.len != b.len || memcmp(a.s, b.s, a.len) != 0;
			wn_buf_free(&a);
			wn_buf_free(&b);
		}
		wn_today_plan_free(&kept);
		sqlite3_stmt *st;
		if (rc == WN_OK && *stale && (rc = wn_db_stmt(db, del, &st, err)) == WN_OK) {
			sqlite3_bind_int64(st, 1, now.plan.id);
			wn_db_row(db, st, "remove the plan's cached schedule", &rc, err);
			sqlite3_reset(st);
		}
	}
	wn_today_plan_free(&now);
	wn_buf_free(&key);
	return rc == WN_NOINPUT ? WN_OK : rc;
}
