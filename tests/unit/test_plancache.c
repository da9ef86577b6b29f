/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for the plan cache: core/plancache.c (the key and the bytes)
 * and db/plancache.c (Today's plan through the diary's cache).  Each test
 * works on a fresh diary in its own temporary directory; the drug
 * reference is a copy of data/drugs.ini there (WEAN_DATADIR), so a test
 * can change it. */
#include <criterion/criterion.h>

#include <fcntl.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/datafile.h"
#include "core/plan.h"
#include "core/plancache.h"
#include "core/records.h"
#include "core/today.h"
#include "db/db.h"
#include "db/med.h"
#include "db/plan.h"
#include "db/plancache.h"
#include "sqlq.h"
#include "tmpdir.h"
#include "db/db_int.h"   /* the raw handle, to look into the file */

static char dir[4096], dbpath[4200], drugs[4200];
static struct wn_db *db;
static struct wn_err err;
static struct wn_med med;

static wn_date D(int y, int m, int d)
{
	return wn_date_from_ymd(y, m, d);
}

static void copy_file(const char *from, const char *to)
{
	FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
	cr_assert(in && out, "copy %s to %s", from, to);
	char buf[8192];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		cr_assert_eq(fwrite(buf, 1, n, out), n);
	fclose(in);
	cr_assert_eq(fclose(out), 0);
}

static void setup(void)
{
	char shipped[4096];
	unsetenv("WEAN_DATADIR");
	cr_assert_eq(wn_datafile_find("drugs.ini", shipped, sizeof shipped), WN_OK,
	             "the shipped drugs.ini");
	wn_test_mkdtemp(dir, sizeof dir, "plancache");
	snprintf(drugs, sizeof drugs, "%s/drugs.ini", dir);
	copy_file(shipped, drugs);
	setenv("WEAN_DATADIR", dir, 1);
	snprintf(dbpath, sizeof dbpath, "%s/wean.db", dir);
	setenv("WEAN_TODAY", "2026-11-25", 1);
	struct wn_db_opts o = { .path = dbpath, .create = true };
	wn_err_clear(&err);
	cr_assert_eq(wn_db_open(&db, &o, &err), WN_OK, "%s", err.msg);
	memset(&med, 0, sizeof med);
	snprintf(med.name, sizeof med.name, "sertraline");
	snprintf(med.unit, sizeof med.unit, "mg");
	struct wn_med_form forms[] = {
		{ .kind = WN_FORM_TABLET, .strength = 50, .divisible = 2, .label = "" },
		{ .kind = WN_FORM_LIQUID, .conc = 20, .divisible = 1, .label = "" },
	};
	cr_assert_eq(wn_db_med_create(db, &med, forms, 2, &err), WN_OK, "%s", err.msg);
	struct wn_plan_spec s = {
		.med_id = med.id, .method = WN_TAPER_PERCENT, .start = D(2026, 1, 5),
		.from_dose = 50, .step = 10, .every_days = 28,
	};
	cr_assert_eq(wn_db_plan_add(db, &s, NULL, &err), WN_OK, "%s", err.msg);
}

static void teardown(void)
{
	wn_db_close(db);
	db = NULL;
	unsetenv("WEAN_DATADIR");
	wn_test_rmtree(dir);
}

TestSuite(plancache, .init = setup, .fini = teardown);

static long count(const char *sql)
{
	return wn_test_db_long(db, sql);
}

/* Today's plan computed the way Today did before the cache. */
static void computed(struct wn_today_plan *t)
{
	struct wn_plan_built b;
	memset(t, 0, sizeof *t);
	t->up_on = WN_DATE_NONE;
	cr_assert_eq(wn_db_plan_built(db, &med, &b, &err), WN_OK, "%s", err.msg);
	t->reviewed = wn_plan_review(&b, &med, &t->review, NULL) == WN_OK;
	const struct wn_plan_event *last = NULL;
	for (size_t i = 0; i < b.plan.n_events; i++)
		if (b.plan.events[i].kind == WN_PLAN_REINSTATE)
			last = &b.plan.events[i];
	t->has_up = last && wn_plan_review_reinstate(&b, &med, last->start, last->dose,
	                                             &t->up, NULL) == WN_OK;
	t->up_on = last ? last->start : WN_DATE_NONE;
	t->plan = b.plan;
	t->sched = b.sched;
	t->has = true;
}

/* Two plans are the same when their entries are the same bytes. */
static void expect_same(const struct wn_today_plan *a, const struct wn_today_plan *b)
{
	struct wn_buf x, y;
	wn_buf_init(&x);
	wn_buf_init(&y);
	cr_assert_eq(wn_plancache_encode(a, &x), WN_OK);
	cr_assert_eq(wn_plancache_encode(b, &y), WN_OK);
	cr_expect_eq(x.len, y.len);
	cr_expect(x.len == y.len && memcmp(x.s, y.s, x.len) == 0, "the same entry");
	cr_expect_eq(a->has, b->has);
	cr_expect_eq(a->plan.id, b->plan.id);
	wn_buf_free(&x);
	wn_buf_free(&y);
}

/* Replaces the stored entry with t's with step 1's `how` changed: what
 * a read from the cache shows, and a computed plan never does. */
static void tamper(void)
{
	struct wn_today_plan t;
	cr_assert_eq(wn_db_plan_today(db, &med, &t, &err), WN_OK, "%s", err.msg);
	cr_assert_gt(t.sched.n, 1);
	snprintf(t.sched.steps[1].how, sizeof t.sched.steps[1].how, "TAMPERED");
	struct wn_buf data;
	wn_buf_init(&data);
	cr_assert_eq(wn_plancache_encode(&t, &data), WN_OK);
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(wn_db_sqlite(db),
	             "UPDATE plan_cache SET data = ?1", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_blob(st, 1, data.s, (int)data.len, SQLITE_STATIC);
	cr_assert_eq(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	wn_buf_free(&data);
	wn_today_plan_free(&t);
}

static bool from_cache(void)
{
	struct wn_today_plan t;
	cr_assert_eq(wn_db_plan_today(db, &med, &t, &err), WN_OK, "%s", err.msg);
	bool tampered = strcmp(t.sched.steps[1].how, "TAMPERED") == 0;
	wn_today_plan_free(&t);
	return tampered;
}

Test(plancache, stored_then_read_back_the_same_as_computed)
{
	cr_expect_eq(count("SELECT count(*) FROM plan_cache"), 0);
	struct wn_today_plan first, again, fresh;
	cr_assert_eq(wn_db_plan_today(db, &med, &first, &err), WN_OK, "%s", err.msg);
	cr_expect_eq(count("SELECT count(*) FROM plan_cache"), 1, "stored");
	cr_assert_eq(wn_db_plan_today(db, &med, &again, &err), WN_OK, "%s", err.msg);
	computed(&fresh);
	cr_expect(first.has && first.reviewed && first.sched.n > 5);
	cr_expect_gt(first.review.n_findings, 0, "the review has findings to keep");
	expect_same(&first, &fresh);
	expect_same(&again, &fresh);
	cr_expect_str_eq(again.sched.steps[3].how, fresh.sched.steps[3].how);
	cr_expect_str_eq(again.review.findings[0].text, fresh.review.findings[0].text);
	wn_today_plan_free(&first);
	wn_today_plan_free(&again);
	wn_today_plan_free(&fresh);
}

Test(plancache, an_unchanged_plan_is_read_from_the_cache)
{
	tamper();
	cr_expect(from_cache(), "the stored entry is what is shown");
}

Test(plancache, a_hold_computes_again)
{
	tamper();
	cr_assert_eq(wn_db_plan_hold(db, med.id, D(2026, 3, 1), "flare", &err), WN_OK, "%s", err.msg);
	cr_expect_not(from_cache());
	struct wn_today_plan a, b;
	cr_assert_eq(wn_db_plan_today(db, &med, &a, &err), WN_OK, "%s", err.msg);
	computed(&b);
	cr_expect_eq(a.sched.hold_since, D(2026, 3, 1));
	expect_same(&a, &b);
	wn_today_plan_free(&a);
	wn_today_plan_free(&b);
	/* and its end too */
	tamper();
	cr_assert_eq(wn_db_plan_resume(db, med.id, D(2026, 3, 20), &err), WN_OK, "%s", err.msg);
	cr_expect_not(from_cache());
}

Test(plancache, going_back_up_computes_again_with_its_review)
{
	tamper();
	struct wn_plan_reinstate r = { .med_id = med.id, .on = D(2026, 4, 10), .dose = 45 };
	cr_assert_eq(wn_db_plan_reinstate(db, &r, &err), WN_OK, "%s", err.msg);
	cr_expect_not(from_cache());
	struct wn_today_plan a, b;
	cr_assert_eq(wn_db_plan_today(db, &med, &a, &err), WN_OK, "%s", err.msg);
	cr_assert_eq(wn_db_plan_today(db, &med, &b, &err), WN_OK, "%s", err.msg);
	cr_expect(b.has_up);
	cr_expect_eq(b.up_on, D(2026, 4, 10));
	struct wn_today_plan c;
	computed(&c);
	expect_same(&b, &c);
	wn_today_plan_free(&a);
	wn_today_plan_free(&b);
	wn_today_plan_free(&c);
}

Test(plancache, a_new_form_computes_again)
{
	tamper();
	struct wn_med_form f = { .med_id = med.id, .kind = WN_FORM_TABLET, .strength = 25,
	                         .divisible = 2, .label = "" };
	cr_assert_eq(wn_db_form_add(db, &f, NULL, &err), WN_OK, "%s", err.msg);
	cr_expect_not(from_cache());
}

Test(plancache, a_new_plan_computes_again)
{
	tamper();
	struct wn_plan_spec s = {
		.med_id = med.id, .method = WN_TAPER_PERCENT, .start = D(2026, 6, 1),
		.from_dose = 40, .step = 5, .every_days = 14,
	};
	cr_assert_eq(wn_db_plan_add(db, &s, NULL, &err), WN_OK, "%s", err.msg);
	cr_expect_eq(count("SELECT count(*) FROM plan_cache"), 0, "emptied");
	cr_expect_not(from_cache());
	cr_expect_eq(count("SELECT count(*) FROM plan_cache"), 1, "the new plan's entry only");
	cr_expect_eq(count("SELECT count(*) FROM plan_cache WHERE plan_id ="
	                   " (SELECT max(id) FROM plan)"), 1);
}

Test(plancache, a_changed_drug_reference_computes_again)
{
	tamper();
	/* the same bytes, written again a second later: another modification time */
	struct stat st;
	cr_assert_eq(stat(drugs, &st), 0);
	struct timespec times[2] = { st.st_atim, st.st_mtim };
	times[1].tv_sec += 1;
	cr_assert_eq(utimensat(AT_FDCWD, drugs, times, 0), 0);
	cr_expect_not(from_cache());
	/* another file (here: the shipped one, this copy gone) */
	tamper();
	cr_assert_eq(unlink(drugs), 0);
	unsetenv("WEAN_DATADIR");
	cr_expect_not(from_cache());
}

Test(plancache, deleting_the_plan_deletes_its_entry)
{
	struct wn_today_plan a;
	cr_assert_eq(wn_db_plan_today(db, &med, &a, &err), WN_OK, "%s", err.msg);
	wn_today_plan_free(&a);
	cr_assert_eq(count("SELECT count(*) FROM plan_cache"), 1);
	char *msg = NULL;
	cr_assert_eq(sqlite3_exec(wn_db_sqlite(db), "DELETE FROM plan", NULL, NULL, &msg),
	             SQLITE_OK, "%s", msg ? msg : "");
	cr_expect_eq(count("SELECT count(*) FROM plan_cache"), 0);
}

Test(plancache, no_plan_is_noinput_and_nothing_stored)
{
	struct wn_med other = { 0 };
	snprintf(other.name, sizeof other.name, "diazepam");
	snprintf(other.unit, sizeof other.unit, "mg");
	cr_assert_eq(wn_db_med_add(db, &other, &other.id, &err), WN_OK, "%s", err.msg);
	struct wn_today_plan a;
	cr_expect_eq(wn_db_plan_today(db, &other, &a, &err), WN_NOINPUT);
	cr_expect_not(a.has);
	cr_expect_eq(count("SELECT count(*) FROM plan_cache"), 0);
	wn_today_plan_free(&a);
}

Test(plancache, damaged_bytes_are_computed_again)
{
	struct wn_today_plan a, b;
	cr_assert_eq(wn_db_plan_today(db, &med, &a, &err), WN_OK, "%s", err.msg);
	char *msg = NULL;
	cr_assert_eq(sqlite3_exec(wn_db_sqlite(db), "UPDATE plan_cache SET data = x'00ff00'",
	                          NULL, NULL, &msg), SQLITE_OK, "%s", msg ? msg : "");
	cr_assert_eq(wn_db_plan_today(db, &med, &b, &err), WN_OK, "%s", err.msg);
	expect_same(&a, &b);
	cr_expect_gt(count("SELECT length(data) FROM plan_cache"), 3, "written again");
	wn_today_plan_free(&a);
	wn_today_plan_free(&b);
}

/* ---- the bytes ---------------------------------------------------------------- */

Test(plancache, every_cut_short_entry_is_refused)
{
	struct wn_today_plan a;
	struct wn_buf data;
	cr_assert_eq(wn_db_plan_today(db, &med, &a, &err), WN_OK, "%s", err.msg);
	wn_buf_init(&data);
	cr_assert_eq(wn_plancache_encode(&a, &data), WN_OK);
	for (size_t n = 0; n < data.len; n++) {
		struct wn_today_plan t;
		memset(&t, 0, sizeof t);
		cr_assert_eq(wn_plancache_decode(data.s, n, &t), WN_DATAERR, "cut to %zu", n);
		cr_assert_eq(t.sched.steps, NULL);
		cr_assert_eq(t.review.findings, NULL);
		wn_today_plan_free(&t);
	}
	/* one byte too many */
	cr_assert_eq(wn_buf_addc(&data, 'x'), WN_OK);
	struct wn_today_plan t;
	memset(&t, 0, sizeof t);
	cr_expect_eq(wn_plancache_decode(data.s, data.len, &t), WN_DATAERR);
	wn_today_plan_free(&t);
	wn_buf_free(&data);
	wn_today_plan_free(&a);
}

Test(plancache, changed_bytes_never_crash)
{
	const char *env = getenv("WEAN_SEED");
	unsigned seed = env ? (unsigned)strtoul(env, NULL, 10) : (unsigned)time(NULL);
	printf("plancache changed_bytes_never_crash: seed %u (WEAN_SEED sets it)\n", seed);
	srand(seed);
	struct wn_today_plan a;
	struct wn_buf data;
	cr_assert_eq(wn_db_plan_today(db, &med, &a, &err), WN_OK, "%s", err.msg);
	wn_buf_init(&data);
	cr_assert_eq(wn_plancache_encode(&a, &data), WN_OK);
	unsigned char *copy = malloc(data.len);
	cr_assert(copy);
	for (int round = 0; round < 2000; round++) {
		memcpy(copy, data.s, data.len);
		for (int k = 0; k < 1 + round % 4; k++)
			copy[(size_t)rand() % data.len] = (unsigned char)rand();
		struct wn_today_plan t;
		memset(&t, 0, sizeof t);
		int rc = wn_plancache_decode(copy, data.len, &t);
		cr_assert(rc == WN_OK || rc == WN_DATAERR, "seed %u round %d", seed, round);
		if (rc == WN_OK)
			cr_assert(t.sched.n_dated <= t.sched.n && t.sched.n <= WN_TAPER_MAX_STEPS);
		wn_today_plan_free(&t);
	}
	free(copy);
	wn_buf_free(&data);
	wn_today_plan_free(&a);
}

/* ---- the key ------------------------------------------------------------------ */

static void key_of(const struct wn_med *m, const char *id, struct wn_buf *out)
{
	wn_buf_init(out);
	cr_assert_eq(wn_plancache_key(m, id, out), WN_OK);
}

static bool same_key(const struct wn_buf *a, const struct wn_buf *b)
{
	return a->len == b->len && memcmp(a->s, b->s, a->len) == 0;
}

Test(plancache, the_key_changes_with_every_input_from_outside_the_triggers)
{
	struct wn_buf base, k;
	key_of(&med, "drugs", &base);
	key_of(&med, "drugs", &k);
	cr_expect(same_key(&base, &k), "the same inputs, the same key");
	wn_buf_free(&k);
#define CHANGED(what, stmt, undo) do { \
		stmt; \
		key_of(&m2, id, &k); \
		cr_expect_not(same_key(&base, &k), "%s changes the key", what); \
		wn_buf_free(&k); \
		undo; \
	} while (0)
	struct wn_med m2 = med;
	const char *id = "drugs";
	CHANGED("the drug reference", id = "drugs2", id = "drugs");
	CHANGED("the unit", snprintf(m2.unit, sizeof m2.unit, "mcg"), m2 = med);
	CHANGED("the drug", snprintf(m2.drug_key, sizeof m2.drug_key, "x"), m2 = med);
	CHANGED("the name", snprintf(m2.name, sizeof m2.name, "zoloft"), m2 = med);
#undef CHANGED
	wn_buf_free(&base);
}

/* ---- the triggers (schema_v10.c) ---------------------------------------------- */

static void exec(const char *sql)
{
	char *msg = NULL;
	cr_assert_eq(sqlite3_exec(wn_db_sqlite(db), sql, NULL, NULL, &msg), SQLITE_OK,
	             "%s: %s", sql, msg ? msg : "");
}

static void cached(void)
{
	struct wn_today_plan t;
	cr_assert_eq(wn_db_plan_today(db, &med, &t, &err), WN_OK, "%s", err.msg);
	wn_today_plan_free(&t);
	cr_assert_eq(count("SELECT count(*) FROM plan_cache"), 1, "an entry to empty");
}

/* Every write to what a plan is computed from empties the cache: each of
 * the triggers, by the SQL any program could run. */
Test(plancache, every_change_to_a_plan_input_empties_the_cache)
{
	char sql[512];
	long plan = count("SELECT id FROM plan");
	/* a second plan of the medication, switched in, for plan_switch */
	exec("INSERT INTO plan(med_id, method, start_date, from_dose, step, every_days, active)"
	     " SELECT med_id, 'percent', '2027-01-01', 10, 10, 28, 0 FROM plan");
	long other = count("SELECT max(id) FROM plan");
	static const char *const changes[] = {
		"UPDATE plan SET note = 'x' WHERE id = %1$ld",
		"INSERT INTO plan(med_id, method, start_date, from_dose, step, every_days, active)"
		" SELECT med_id, 'percent', '2027-02-01', 10, 10, 28, 0 FROM plan WHERE id = %1$ld",
		"DELETE FROM plan WHERE id = (SELECT max(id) FROM plan)",
		"INSERT INTO hold(plan_id, start_date) VALUES (%1$ld, '2026-03-01')",
		"UPDATE hold SET end_date = '2026-03-09' WHERE plan_id = %1$ld",
		"DELETE FROM hold WHERE plan_id = %1$ld",
		"INSERT INTO plan_step_custom(plan_id, date, dose) VALUES (%1$ld, '2026-02-01', 45)",
		"UPDATE plan_step_custom SET dose = 40 WHERE plan_id = %1$ld",
		"DELETE FROM plan_step_custom WHERE plan_id = %1$ld",
		"INSERT INTO plan_ack(plan_id, kind, step, text) VALUES (%1$ld, 'pace', 1, 'seen')",
		"UPDATE plan_ack SET text = 'seen again' WHERE plan_id = %1$ld",
		"DELETE FROM plan_ack WHERE plan_id = %1$ld",
		"INSERT INTO med_form(med_id, kind, strength) SELECT med_id, 0, 25 FROM plan"
		" WHERE id = %1$ld",
		"UPDATE med_form SET divisible = 4 WHERE strength = 25",
		"DELETE FROM med_form WHERE strength = 25",
		"INSERT INTO plan_switch(plan_id, from_plan, equiv_table, stage_days)"
		" VALUES (%2$ld, %1$ld, 'ashton', 14)",
		"UPDATE plan_switch SET stage_days = 7",
		"DELETE FROM plan_switch",
		"UPDATE medication SET drug_key = drug_key",
	};
	for (size_t i = 0; i < sizeof changes / sizeof *changes; i++) {
		cached();
		snprintf(sql, sizeof sql, changes[i], plan, other);
		exec(sql);
		cr_expect_eq(count("SELECT count(*) FROM plan_cache"), 0, "emptied by: %s", sql);
	}
	/* and nothing else does: a day's record, a note */
	cached();
	exec("INSERT INTO checkin(date, mood) VALUES ('2026-11-25', 5)");
	exec("INSERT INTO quicknote(date, text) VALUES ('2026-11-25', 'calm')");
	cr_expect_eq(count("SELECT count(*) FROM plan_cache"), 1, "kept");
}

/* A change committed by another wean while Today computes the plan: the
 * entry computed from the older inputs is not kept (the read transaction
 * it is written in has an older snapshot), and the next start shows the
 * change. */
static sqlite3 *racer;
static int racing;

static int race(unsigned type, void *ctx, void *p, void *x)
{
	(void)ctx;
	(void)x;
	const char *sql = sqlite3_sql((sqlite3_stmt *)p);
	if (type == SQLITE_TRACE_STMT && racing && sql && strstr(sql, "FROM hold WHERE plan_id")) {
		racing = 0;
		char *msg = NULL;
		cr_assert_eq(sqlite3_exec(racer, "INSERT INTO hold(plan_id, start_date)"
		                          " SELECT id, '2026-03-01' FROM plan", NULL, NULL, &msg),
		             SQLITE_OK, "%s", msg ? msg : "");
	}
	return 0;
}

Test(plancache, a_change_made_while_computing_is_never_hidden)
{
	cr_assert_eq(sqlite3_open(dbpath, &racer), SQLITE_OK);
	sqlite3_busy_timeout(racer, 5000);
	sqlite3_trace_v2(wn_db_sqlite(db), SQLITE_TRACE_STMT, race, NULL);
	racing = 1;
	struct wn_today_plan a, b;
	cr_assert_eq(wn_db_plan_today(db, &med, &a, &err), WN_OK, "%s", err.msg);
	sqlite3_trace_v2(wn_db_sqlite(db), 0, NULL, NULL);
	cr_assert_eq(racing, 0, "the other wean wrote while the plan was read");
	cr_expect_eq(a.sched.hold_since, WN_DATE_NONE, "computed before the hold");
	cr_expect_eq(count("SELECT count(*) FROM plan_cache"), 0, "and not kept");
	cr_expect(sqlite3_get_autocommit(wn_db_sqlite(db)), "no transaction left open");
	cr_assert_eq(wn_db_plan_today(db, &med, &b, &err), WN_OK, "%s", err.msg);
	cr_expect_eq(b.sched.hold_since, D(2026, 3, 1), "the hold shown next time");
	cr_expect_eq(count("SELECT count(*) FROM plan_cache"), 1);
	wn_today_plan_free(&a);
	wn_today_plan_free(&b);
	sqlite3_close(racer);
}

/* Inside a caller's transaction the plan is read and kept in it; the
 * transaction is the caller's to end. */
Test(plancache, a_callers_transaction_is_left_to_it)
{
	exec("BEGIN");
	struct wn_today_plan a;
	cr_assert_eq(wn_db_plan_today(db, &med, &a, &err), WN_OK, "%s", err.msg);
	cr_expect_not(sqlite3_get_autocommit(wn_db_sqlite(db)), "still open");
	exec("ROLLBACK");
	cr_expect_eq(count("SELECT count(*) FROM plan_cache"), 0, "rolled back with it");
	wn_today_plan_free(&a);
}

/* The plan read from the cache is the plan loaded, field for field. */
Test(plancache, the_plan_itself_comes_back_whole)
{
	exec("INSERT INTO plan_ack(plan_id, kind, step, text) SELECT id, 'pace', 2, 'seen it'"
	     " FROM plan");
	cr_assert_eq(wn_db_plan_hold(db, med.id, D(2026, 3, 1), "a flare", &err), WN_OK,
	             "%s", err.msg);
	cached();
	struct wn_today_plan t;
	struct wn_plan p;
	cr_assert_eq(wn_db_plan_today(db, &med, &t, &err), WN_OK, "%s", err.msg);
	cr_assert_eq(wn_db_plan_load(db, med.id, &p, &err), WN_OK, "%s", err.msg);
	cr_expect(t.has);
	cr_expect_eq(t.plan.id, p.id);
	cr_expect_eq(t.plan.med_id, p.med_id);
	cr_expect_str_eq(t.plan.created, p.created);
	cr_expect_eq(t.plan.params.from_dose, p.params.from_dose);
	cr_expect_eq(t.plan.params.every_days, p.params.every_days);
	cr_assert_eq(t.plan.n_forms, p.n_forms);
	cr_expect_eq(t.plan.params.forms, t.plan.forms, "params point at its own forms");
	cr_expect_eq(t.plan.params.n_forms, p.params.n_forms);
	for (int i = 0; i < p.n_forms; i++)
		cr_expect_eq(t.plan.forms[i].strength_mg, p.forms[i].strength_mg);
	cr_assert_eq(t.plan.n_events, p.n_events);
	cr_assert_eq(t.plan.n_events, 1);
	cr_expect_str_eq(t.plan.events[0].reason, "a flare");
	cr_expect_eq(t.plan.n_holds, 1);
	cr_expect_eq(t.plan.params.holds, t.plan.holds);
	cr_expect_eq(t.plan.holds[0].start, D(2026, 3, 1));
	cr_assert_eq(t.plan.n_acks, 1);
	cr_expect_str_eq(t.plan.acks[0].text, "seen it");
	cr_expect_str_eq(t.plan.acks[0].kind, "pace");
	cr_expect_eq(t.plan.acks[0].step, 2);
	wn_today_plan_free(&t);
	wn_plan_free(&p);
}

/* ---- wean check ----------------------------------------------------------------- */

static void collect_line(void *ctx, const char *line)
{
	struct wn_buf *b = ctx;
	wn_buf_adds(b, line);
	wn_buf_addc(b, '\n');
}

Test(plancache, check_finds_and_removes_an_entry_that_differs)
{
	struct wn_buf said;
	wn_buf_init(&said);
	tamper();
	cr_expect_neq(wn_db_check(db, collect_line, &said, &err), WN_OK, "a problem found");
	cr_expect(strstr(err.msg, "1 problem found") != NULL, "%s", err.msg);
	cr_expect(strstr(said.s, "the plan of \"sertraline\" kept for Today differed") != NULL,
	          "said: %s", said.s);
	cr_expect_eq(count("SELECT count(*) FROM plan_cache"), 0, "removed");
	cr_expect_not(from_cache());
	/* a right entry is nothing to say */
	wn_buf_reset(&said);
	wn_err_clear(&err);
	cr_assert_eq(wn_db_check(db, collect_line, &said, &err), WN_OK, "%s", err.msg);
	cr_expect_eq(count("SELECT count(*) FROM plan_cache"), 1);
	cr_expect(strstr(said.s, "kept for Today") == NULL, "said: %s", said.s);
	wn_buf_free(&said);
}

Test(plancache, a_busy_diary_still_shows_the_plan_and_keeps_it_later)
{
	sqlite3 *other;
	char *msg = NULL;
	cr_assert_eq(sqlite3_open(dbpath, &other), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, &msg), SQLITE_OK,
	             "%s", msg ? msg : "");
	struct wn_today_plan a, b;
	cr_assert_eq(wn_db_plan_today(db, &med, &a, &err), WN_OK, "%s", err.msg);
	cr_expect(a.has && a.reviewed && a.sched.n > 5, "shown while another wean writes");
	cr_assert_eq(sqlite3_exec(other, "COMMIT", NULL, NULL, &msg), SQLITE_OK, "%s", msg ? msg : "");
	sqlite3_close(other);
	cr_expect_eq(count("SELECT count(*) FROM plan_cache"), 0, "not kept while busy");
	cr_assert_eq(wn_db_plan_today(db, &med, &b, &err), WN_OK, "%s", err.msg);
	cr_expect_eq(count("SELECT count(*) FROM plan_cache"), 1, "kept the next time");
	expect_same(&a, &b);
	wn_today_plan_free(&a);
	wn_today_plan_free(&b);
}
