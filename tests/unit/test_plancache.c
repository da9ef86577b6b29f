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
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(wn_db_sqlite(db), sql, -1, &st, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	long n = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
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
	cr_expect_not(from_cache());
	cr_expect_eq(count("SELECT count(*) FROM plan_cache"), 2, "one entry per plan");
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
		memset(&t, 0, sizeof t);      /* decode leaves has and plan alone */
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

static void key_of(const struct wn_plan *p, const struct wn_med *m, bool replaced,
                   const char *id, struct wn_buf *out)
{
	wn_buf_init(out);
	cr_assert_eq(wn_plancache_key(p, m, replaced, id, out), WN_OK);
}

static bool same_key(const struct wn_buf *a, const struct wn_buf *b)
{
	return a->len == b->len && memcmp(a->s, b->s, a->len) == 0;
}

Test(plancache, the_key_changes_with_every_input)
{
	struct wn_plan p;
	cr_assert_eq(wn_db_plan_reinstate(db, &(struct wn_plan_reinstate){
		.med_id = med.id, .on = D(2026, 4, 10), .dose = 45 }, &err), WN_OK, "%s", err.msg);
	cr_assert_eq(wn_db_plan_load(db, med.id, &p, &err), WN_OK, "%s", err.msg);
	cr_assert_gt(p.n_forms, 0);
	cr_assert_gt(p.n_events, 0);
	struct wn_buf base, k;
	key_of(&p, &med, false, "drugs", &base);
	key_of(&p, &med, false, "drugs", &k);
	cr_expect(same_key(&base, &k), "the same inputs, the same key");
	wn_buf_free(&k);
#define CHANGED(what, stmt, undo) do { \
		stmt; \
		key_of(&p, &m2, replaced, id, &k); \
		cr_expect_not(same_key(&base, &k), "%s changes the key", what); \
		wn_buf_free(&k); \
		undo; \
	} while (0)
	struct wn_med m2 = med;
	bool replaced = false;
	const char *id = "drugs";
	CHANGED("the drug reference", id = "drugs2", id = "drugs");
	CHANGED("a switch", replaced = true, replaced = false);
	CHANGED("the unit", snprintf(m2.unit, sizeof m2.unit, "mcg"), m2 = med);
	CHANGED("the drug", snprintf(m2.drug_key, sizeof m2.drug_key, "x"), m2 = med);
	CHANGED("the name", snprintf(m2.name, sizeof m2.name, "zoloft"), m2 = med);
	CHANGED("the region", snprintf(p.region, sizeof p.region, "raphe"), p.region[0] = '\0');
	CHANGED("the form kept", snprintf(p.form_label, sizeof p.form_label, "x"),
	        p.form_label[0] = '\0');
	CHANGED("a missing form", p.form_missing = true, p.form_missing = false);
	CHANGED("the start", p.params.start++, p.params.start--);
	CHANGED("the dose", p.params.from_dose += 0.001, p.params.from_dose -= 0.001);
	CHANGED("the step", p.params.step += 1, p.params.step -= 1);
	CHANGED("the pace", p.params.every_days++, p.params.every_days--);
	CHANGED("the rounding", p.params.round_q = 0.25, p.params.round_q = 0);
	CHANGED("the floor", p.params.floor_dose = 1, p.params.floor_dose = 0);
	CHANGED("the target", p.params.to_dose = 1, p.params.to_dose = 0);
	CHANGED("the method", p.params.method = WN_TAPER_LINEAR, p.params.method = WN_TAPER_PERCENT);
	double s0 = p.forms[0].strength_mg;
	CHANGED("a form's strength", p.forms[0].strength_mg = 20, p.forms[0].strength_mg = s0);
	int d0 = p.forms[0].divisible;
	CHANGED("a form's scoring", p.forms[0].divisible = 4, p.forms[0].divisible = d0);
	CHANGED("a form's label", snprintf(p.forms[0].label, sizeof p.forms[0].label, "XR"),
	        p.forms[0].label[0] = '\0');
	int nf = p.params.n_forms;
	CHANGED("a form fewer", p.params.n_forms--, p.params.n_forms = nf);
	double e0 = p.events[0].dose;
	CHANGED("going back up's dose", p.events[0].dose = 40, p.events[0].dose = e0);
	wn_date s1 = p.events[0].start;
	CHANGED("going back up's day", p.events[0].start++, p.events[0].start = s1);
	CHANGED("dose times", p.doses.n = 2, p.doses.n = 0);
#undef CHANGED
	wn_buf_free(&base);
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
