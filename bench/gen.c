/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gen.c -- deterministic synthetic diaries for the benchmarks (issue #8,
 * SPEC section 7).
 *
 *   gen --version            the generator version (part of the cache key)
 *   gen DAYS END OUT [--plans-only]
 *                            a diary of DAYS days ending on END (YYYY-MM-DD)
 *                            in the new file OUT; DAYS = 0 gives an empty
 *                            diary whose first-run setup is marked skipped;
 *                            --plans-only writes the medications, plans and
 *                            holds of such a diary but no day at all (the
 *                            same setup without any history)
 *
 * The diary: two medications (sertraline with tablets and a liquid,
 * diazepam with quartered tablets), each with a percent taper plan every
 * three years (the last, active one starting 400 days before END), every
 * plan with one or two closed holds and a reason; a check-in on about 97%
 * of the days with mood, anxiety, energy, sleep and all 15 built-in
 * symptoms (waves after each cut), doses as planned (with a few missed or
 * different ones), notes of one to four sentences on most days (some
 * UTF-8, some on two lines), a few flags, quick notes and questions.
 *
 * Determinism: every value of a day comes from a generator seeded with
 * the day's number, and plan periods are counted back from END, so the
 * same arguments give the same rows, and a 10-year diary is the last ten
 * years of a 100-year one ending on the same day.  Created/updated times
 * are derived from the dates, never from the clock.
 *
 * Speed: plans and holds go through plan.h; the day rows (about 18 per
 * day) are inserted with prepared statements on the diary's handle, all
 * in one transaction, so 100 years take a few seconds.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/plan.h"
#include "db/db.h"
#include "core/taper.h"
#include "core/plan.h"
#include "core/records.h"
#include "db/med.h"
#include "db/symptoms.h"
#include "db/db_int.h"   /* the raw handle: the generator writes in bulk */

#define GEN_VERSION 3   /* 3: schema 7, with the charts' summary */
#define SEED 0x7765616e62656e63ULL   /* "weanbenc" */
#define PERIOD 1095                   /* days between plans */
#define LAST_PLAN_AGO 400             /* the active plan starts END - 400 */
#define MAX_PLANS 128
#define MAX_DAYS 40000
#define N_MEDS 2
#define N_SYMS 15

/* ---- a small generator (splitmix64) ------------------------------------ */

struct rng { uint64_t s; };

static uint64_t rng_next(struct rng *r)
{
	uint64_t z = (r->s += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static double rng_unit(struct rng *r)
{
	return (double)(rng_next(r) >> 11) * (1.0 / 9007199254740992.0);
}

static int rng_int(struct rng *r, int n)
{
	return (int)(rng_next(r) % (uint64_t)n);
}

/* The generator of one day (and of one purpose), whatever came before. */
static struct rng rng_for(wn_date day, uint64_t salt)
{
	struct rng r = { SEED ^ ((uint64_t)day * 0x2545f4914f6cdd1dULL) ^ salt };
	rng_next(&r);
	return r;
}

static int clampi(double x, int lo, int hi)
{
	int v = (int)floor(x + 0.5);
	return v < lo ? lo : v > hi ? hi : v;
}

/* ---- the medications and their plans ------------------------------------ */

struct med_model {
	const char *name, *drug_key;
	const char *forms[2];
	double from_dose, step;
	int every_days;
	double floor_dose;
	int minute;             /* usual time of the dose */
};

static const struct med_model meds[N_MEDS] = {
	{ "sertraline", "sertraline", { "tablet 50 mg /2", "liquid 20 mg/ml" },
	  100, 10, 28, 2, 8 * 60 },
	{ "diazepam", "diazepam", { "tablet 2 mg /4", "oral solution 2 mg/5ml" },
	  10, 10, 42, 0.5, 21 * 60 + 30 },
};

static const char *const hold_reasons[] = {
	"Zaps and insomnia after the last cut; agreed with my prescriber to wait.",
	"A hard wave — crying spells, no sleep. Holding until it settles.",
	"Exams at work this month; we decided to pause the taper.",
	"Flu-like aches and dizziness for two weeks. Dr. Müller said hold.",
};

struct period {
	struct wn_plan plan;
	struct wn_schedule sched;
	wn_date start, end;      /* days this plan is in force: [start, end) */
};

struct gen {
	struct wn_db *db;
	sqlite3 *sql;
	wn_date first, last;
	long med_id[N_MEDS];
	long sym_id[N_SYMS];
	struct period per[N_MEDS][MAX_PLANS];
	int n_per;
	wn_date *cuts;           /* every dated step after a start, sorted */
	size_t n_cuts, cap_cuts;
	sqlite3_stmt *ins_ci, *ins_rt, *ins_dose, *ins_qn, *ins_q;
	long rows;
	bool plans_only;
};

/* Plan starts, earliest first: END - 400 - k * PERIOD back to the first
 * day, and the first day itself. */
static int plan_starts(const struct gen *g, wn_date *out)
{
	int n = 0;
	wn_date s = g->last - LAST_PLAN_AGO;
	while (s > g->first && n < MAX_PLANS - 1) {
		out[n++] = s;
		s -= PERIOD;
	}
	out[n++] = g->first;
	for (int i = 0; i < n / 2; i++) {
		wn_date t = out[i];
		out[i] = out[n - 1 - i];
		out[n - 1 - i] = t;
	}
	return n;
}

static int add_form(struct gen *g, long med_id, const char *text,
                    struct wn_err *err)
{
	struct wn_form tf;
	int rc = wn_taper_form_parse(text, &tf, err);
	if (rc != WN_OK)
		return rc;
	struct wn_med_form f = {
		.med_id = med_id, .kind = (int)tf.kind, .strength = tf.strength_mg,
		.divisible = tf.divisible ? tf.divisible : 1,
		.conc = tf.conc_mg_per_ml, .beads = tf.beads_per_capsule,
	};
	snprintf(f.label, sizeof f.label, "%s", text);
	return wn_db_form_add(g->db, &f, NULL, err);
}

static int add_meds(struct gen *g, struct wn_err *err)
{
	int rc = WN_OK;
	for (int m = 0; rc == WN_OK && m < N_MEDS; m++) {
		struct wn_med x = { 0 };
		snprintf(x.name, sizeof x.name, "%s", meds[m].name);
		snprintf(x.unit, sizeof x.unit, "mg");
		snprintf(x.drug_key, sizeof x.drug_key, "%s", meds[m].drug_key);
		rc = wn_db_med_add(g->db, &x, &g->med_id[m], err);
		for (int f = 0; rc == WN_OK && f < 2; f++)
			rc = add_form(g, g->med_id[m], meds[m].forms[f], err);
	}
	return rc;
}

/* Closed holds of a plan: 21 days from day 200 and 14 days from day 600
 * of its period, where they fit. */
static int add_holds(struct gen *g, int m, const struct period *p,
                     struct wn_err *err)
{
	static const int at[2] = { 200, 600 }, len[2] = { 21, 14 };
	int rc = WN_OK;
	for (int h = 0; rc == WN_OK && h < 2; h++) {
		wn_date from = p->start + at[h], to = from + len[h];
		if (to >= p->end || to > g->last)
			break;
		const char *why = hold_reasons[(p->start / 7 + h + m) % 4];
		rc = wn_db_plan_hold(g->db, g->med_id[m], from, why, err);
		if (rc == WN_OK)
			rc = wn_db_plan_resume(g->db, g->med_id[m], to, err);
	}
	return rc;
}

static int add_cut(struct gen *g, wn_date day)
{
	if (g->n_cuts == g->cap_cuts) {
		size_t cap = g->cap_cuts ? 2 * g->cap_cuts : 256;
		wn_date *c = realloc(g->cuts, cap * sizeof *c);
		if (!c)
			return -1;
		g->cuts = c;
		g->cap_cuts = cap;
	}
	g->cuts[g->n_cuts++] = day;
	return 0;
}

static int add_plan(struct gen *g, int m, struct period *p, struct wn_err *err)
{
	const struct med_model *mm = &meds[m];
	struct wn_plan_spec s = {
		.med_id = g->med_id[m], .method = WN_TAPER_PERCENT, .start = p->start,
		.from_dose = mm->from_dose, .step = mm->step,
		.every_days = mm->every_days, .floor_dose = mm->floor_dose,
	};
	int rc = wn_db_plan_add(g->db, &s, NULL, err);
	if (rc == WN_OK)
		rc = add_holds(g, m, p, err);
	if (rc == WN_OK)
		rc = wn_db_plan_load(g->db, g->med_id[m], &p->plan, err);
	if (rc == WN_OK)
		rc = wn_plan_build(&p->plan, NULL, &p->sched, err);
	for (int k = 1; rc == WN_OK && k < p->sched.n_dated; k++)
		if (p->sched.steps[k].date < p->end &&
		    add_cut(g, p->sched.steps[k].date) != 0)
			rc = wn_err_set(err, WN_ERR, "out of memory");
	return rc;
}

static int cmp_date(const void *a, const void *b)
{
	wn_date x = *(const wn_date *)a, y = *(const wn_date *)b;
	return x < y ? -1 : x > y;
}

static int add_plans(struct gen *g, struct wn_err *err)
{
	wn_date starts[MAX_PLANS];
	g->n_per = plan_starts(g, starts);
	int rc = WN_OK;
	for (int m = 0; m < N_MEDS; m++)
		for (int k = 0; rc == WN_OK && k < g->n_per; k++) {
			struct period *p = &g->per[m][k];
			p->start = starts[k];
			p->end = k + 1 < g->n_per ? starts[k + 1] : g->last + 1;
			rc = add_plan(g, m, p, err);
		}
	if (rc == WN_OK && g->n_cuts)
		qsort(g->cuts, g->n_cuts, sizeof *g->cuts, cmp_date);
	return rc;
}

/* ---- notes ------------------------------------------------------------- */

static const char *const calm[] = {
	"Good day.", "Walked by the river after work.",
	"Felt almost like myself today.", "Slept well, calm morning.",
	"Went to the café with Zoë — we laughed a lot.",
	"Cooked a proper dinner for the first time in a while.",
	"Energy back: did the shopping and the laundry.",
	"Yoga class, steady afterwards.", "A window: clear head most of the day.",
	"Nothing much to report, a normal day.",
	"Read two chapters of «Der Steppenwolf» in the park.",
	"Phoned my sister; she says I sound brighter.",
};

static const char *const mixed[] = {
	"Some zaps in the afternoon, otherwise okay.", "Tired but managed work.",
	"A bit on edge in the meeting; a short walk helped.",
	"Woke at 4 and could not get back to sleep.",
	"Headache in the evening, went to bed early.",
	"Mornings are better than evenings.", "Appetite low, had soup.",
	"Dizzy when standing up quickly.", "Odd déjà vu feeling after lunch.",
	"Sleep: 6½ hours, broken twice.", "Temperature 37.8 °C, aches all over.",
	"Took the bus instead of cycling, legs felt heavy.",
};

static const char *const rough[] = {
	"Zaps every few minutes — hard to concentrate.",
	"Cried on the bus for no reason.",
	"Very irritable, snapped at my partner. Apologised later.",
	"Barely slept. Heart racing at night.",
	"Dizzy all day; stayed home from work.",
	"A wave today. Reminding myself the last one passed.",
	"Everything feels too loud and too bright.",
	"Nausea in the morning, better after lunch.",
	"Brain fog like wet cotton… could not follow a film.",
	"Restless legs at 3 a.m., paced the kitchen.",
};

#define N_OF(a) ((int)(sizeof a / sizeof *a))

/* One to four sentences from the pool matching how the day went; about
 * one in eight notes has a line break. */
static void make_note(struct rng *r, double w, char *out, size_t n)
{
	const char *const *pool = w >= 0.55 ? rough : w < 0.15 ? calm : mixed;
	int np = w >= 0.55 ? N_OF(rough) : w < 0.15 ? N_OF(calm) : N_OF(mixed);
	int k = 1 + rng_int(r, 4);
	size_t len = 0;
	out[0] = '\0';
	for (int i = 0; i < k; i++) {
		const char *s = i == 2 && rng_int(r, 3) == 0 ?
			mixed[rng_int(r, N_OF(mixed))] : pool[rng_int(r, np)];
		const char *sep = i == 0 ? "" : rng_int(r, 8) == 0 ? "\n" : " ";
		int w2 = snprintf(out + len, n - len, "%s%s", sep, s);
		if (w2 < 0 || (size_t)w2 >= n - len)
			break;
		len += (size_t)w2;
	}
}

/* ---- one day ------------------------------------------------------------ */

/* Wave after a cut, in thousandths, by days since the cut. */
static const short shape[] = {
	0, 200, 500, 780, 940, 1000, 980, 920, 840, 750, 660, 580, 500, 430,
	370, 315, 270, 230, 195, 165, 140, 115, 95, 75, 60, 45, 35, 25, 15,
};

static const double sym_weight[N_SYMS] = {
	2.3, 2.8, 0.9, 0.6, 1.0, 2.2, 1.6, 1.3, 0.7, 0.5, 2.0, 1.4, 2.1, 1.2, 1.5,
};
static const double sym_base[N_SYMS] = {
	0, 0, 0.1, 0, 0, 0.45, 0, 0.8, 0, 0, 0.1, 0.35, 0.2, 0, 0,
};

/* The wave of the latest cuts on day (cut index kept in *k). */
static double wave(const struct gen *g, size_t *k, wn_date day)
{
	while (*k < g->n_cuts && g->cuts[*k] <= day)
		(*k)++;
	double w = 0;
	for (size_t i = *k; i > 0 && day - g->cuts[i - 1] < N_OF(shape); i--)
		w += shape[day - g->cuts[i - 1]] / 1000.0;
	return w > 1.5 ? 1.5 : w;
}

/* A 0..10 level around mean, with some noise. */
static int level(struct rng *r, double mean)
{
	return clampi(mean + 1.8 * (rng_unit(r) - 0.5), 0, 10);
}

static void stamp(wn_date day, int minute, char out[20])
{
	char d[WN_DATE_STRLEN];
	snprintf(out, 20, "%s %02d:%02d:00", wn_date_format(day, d),
	         minute / 60 % 24, minute % 60);
}

static int step_done(struct gen *g, sqlite3_stmt *st, struct wn_err *err)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE)
		return wn_err_set(err, WN_IOERR, "cannot write the diary: %s",
		                  sqlite3_errmsg(g->sql));
	g->rows++;
	return WN_OK;
}

static void bind_day(sqlite3_stmt *st, int idx, wn_date day)
{
	char d[WN_DATE_STRLEN];
	sqlite3_bind_text(st, idx, wn_date_format(day, d), -1, SQLITE_TRANSIENT);
}

static int write_checkin(struct gen *g, struct rng *r, wn_date day, double w,
                         struct wn_err *err)
{
	char note[640], at[20];
	sqlite3_stmt *st = g->ins_ci;
	bind_day(st, 1, day);
	sqlite3_bind_int(st, 2, level(r, 7.2 - 3.2 * w));          /* mood */
	sqlite3_bind_int(st, 3, level(r, 2.2 + 3.8 * w));          /* anxiety */
	if (rng_int(r, 20) != 0)     /* energy sometimes left out */
		sqlite3_bind_int(st, 4, level(r, 6.5 - 2.6 * w));
	double sleep = 7.5 - 2.2 * w + 1.4 * (rng_unit(r) - 0.5);
	sqlite3_bind_double(st, 5, clampi(sleep * 4, 8, 48) / 4.0);   /* quarter hours */
	if (rng_int(r, 10) < 7) {
		make_note(r, w, note, sizeof note);
		sqlite3_bind_text(st, 6, note, -1, SQLITE_TRANSIENT);
	}
	sqlite3_bind_int(st, 7, rng_int(r, 50) == 0);
	stamp(day, 20 * 60 + rng_int(r, 180), at);
	sqlite3_bind_text(st, 8, at, -1, SQLITE_TRANSIENT);
	return step_done(g, st, err);
}

static int write_ratings(struct gen *g, struct rng *r, wn_date day, double w,
                         struct wn_err *err)
{
	double dayf = rng_unit(r) - 0.5;
	int rc = WN_OK;
	for (int s = 0; rc == WN_OK && s < N_SYMS; s++) {
		double level = sym_base[s] + sym_weight[s] * w;
		double noise = 0.9 * (rng_unit(r) - 0.5) + 0.5 * dayf;
		level += level > 0.1 ? noise : 0.2 * noise;
		bind_day(g->ins_rt, 1, day);
		sqlite3_bind_int64(g->ins_rt, 2, g->sym_id[s]);
		sqlite3_bind_int(g->ins_rt, 3, clampi(level, 0, 3));
		rc = step_done(g, g->ins_rt, err);
	}
	return rc;
}

static double planned_on(const struct gen *g, int m, wn_date day)
{
	for (int k = g->n_per - 1; k >= 0; k--) {
		const struct period *p = &g->per[m][k];
		if (day >= p->start)
			return wn_plan_planned_on(&p->plan, &p->sched, day);
	}
	return NAN;
}

static int write_doses(struct gen *g, struct rng *r, wn_date day,
                       struct wn_err *err)
{
	int rc = WN_OK;
	for (int m = 0; rc == WN_OK && m < N_MEDS; m++) {
		double amount = planned_on(g, m, day);
		int luck = rng_int(r, 100);
		if (!(amount > 0) || luck == 0)          /* none planned, or missed */
			continue;
		if (luck == 1)                            /* the old dose */
			amount = amount * 1.1;
		char at[20];
		int minute = meds[m].minute + rng_int(r, 60);
		stamp(day, minute + 1, at);
		bind_day(g->ins_dose, 1, day);
		sqlite3_bind_int(g->ins_dose, 2, minute % 1440);
		sqlite3_bind_int64(g->ins_dose, 3, g->med_id[m]);
		sqlite3_bind_double(g->ins_dose, 4, round(amount * 100) / 100);
		sqlite3_bind_text(g->ins_dose, 5, at, -1, SQLITE_TRANSIENT);
		rc = step_done(g, g->ins_dose, err);
	}
	return rc;
}

static const char *const quick[] = {
	"Zaps every time I move my eyes quickly — like a click.",
	"Dizzy on the stairs this evening.", "Walked to the market and back.",
	"Short nap, woke up groggy.", "Ate well today.",
};

static const char *const asks[] = {
	"Is it fine to take the liquid in the evening instead of the morning?",
	"Can we hold for a few weeks after this cut?",
	"Would smaller cuts (5% instead of 10%) make the next steps easier?",
	"Is the tingling in my hands part of the withdrawal?",
};

static int write_extras(struct gen *g, struct rng *r, wn_date day,
                        struct wn_err *err)
{
	char at[20];
	int rc = WN_OK;
	if (rng_int(r, 25) == 0) {
		int minute = 9 * 60 + rng_int(r, 12 * 60);
		bind_day(g->ins_qn, 1, day);
		sqlite3_bind_int(g->ins_qn, 2, minute);
		sqlite3_bind_text(g->ins_qn, 3, quick[rng_int(r, N_OF(quick))], -1, SQLITE_STATIC);
		stamp(day, minute, at);
		sqlite3_bind_text(g->ins_qn, 4, at, -1, SQLITE_TRANSIENT);
		rc = step_done(g, g->ins_qn, err);
	}
	if (rc == WN_OK && rng_int(r, 40) == 0) {
		bool answered = rng_int(r, 3) == 0;
		bind_day(g->ins_q, 1, day);
		sqlite3_bind_text(g->ins_q, 2, asks[rng_int(r, N_OF(asks))], -1, SQLITE_STATIC);
		sqlite3_bind_int(g->ins_q, 3, answered);
		if (answered)
			sqlite3_bind_text(g->ins_q, 4, "Yes; we talked it through at the visit.",
			                  -1, SQLITE_STATIC);
		stamp(day, 19 * 60, at);
		sqlite3_bind_text(g->ins_q, 5, at, -1, SQLITE_TRANSIENT);
		rc = step_done(g, g->ins_q, err);
	}
	return rc;
}

static int write_day(struct gen *g, size_t *k, wn_date day, struct wn_err *err)
{
	struct rng r = rng_for(day, 0);
	double w = wave(g, k, day);
	if (rng_int(&r, 100) < 3)             /* no record at all */
		return WN_OK;
	int rc = write_checkin(g, &r, day, w, err);
	if (rc == WN_OK)
		rc = write_ratings(g, &r, day, w, err);
	if (rc == WN_OK)
		rc = write_doses(g, &r, day, err);
	if (rc == WN_OK)
		rc = write_extras(g, &r, day, err);
	return rc;
}

/* ---- the whole diary ---------------------------------------------------- */

static int prepare_all(struct gen *g, struct wn_err *err)
{
	static const char *const q[5] = {
		"INSERT INTO checkin(date, mood, anxiety, energy, sleep, note, flag,"
		" created, updated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
		"INSERT INTO rating(date, symptom_id, value) VALUES (?1, ?2, ?3)",
		"INSERT INTO dose(date, minute, med_id, amount, created)"
		" VALUES (?1, ?2, ?3, ?4, ?5)",
		"INSERT INTO quicknote(date, minute, text, created) VALUES (?1, ?2, ?3, ?4)",
		"INSERT INTO question(date, text, answered, answer, created)"
		" VALUES (?1, ?2, ?3, ?4, ?5)",
	};
	sqlite3_stmt **st[5] = { &g->ins_ci, &g->ins_rt, &g->ins_dose, &g->ins_qn,
	                         &g->ins_q };
	for (int i = 0; i < 5; i++)
		if (sqlite3_prepare_v2(g->sql, q[i], -1, st[i], NULL) != SQLITE_OK)
			return wn_err_set(err, WN_ERR, "cannot prepare: %s",
			                  sqlite3_errmsg(g->sql));
	return WN_OK;
}

static int find_symptoms(struct gen *g, struct wn_err *err)
{
	struct wn_symptom *s;
	size_t n;
	int rc = wn_db_symptom_list(g->db, true, &s, &n, err);
	if (rc != WN_OK)
		return rc;
	if (n < N_SYMS)
		rc = wn_err_set(err, WN_ERR, "the diary has %zu symptoms, not %d", n, N_SYMS);
	for (size_t i = 0; rc == WN_OK && i < N_SYMS; i++)
		g->sym_id[i] = s[i].id;
	free(s);
	return rc;
}

/* Times no API sets from the dates, so that two runs give the same rows. */
static const char fix_sql[] =
	"INSERT INTO meta(key, value) VALUES ('setup_skipped', '1')"
	"  ON CONFLICT(key) DO UPDATE SET value = '1';"
	"UPDATE symptom SET first_seen = (SELECT min(date) FROM rating"
	"  WHERE symptom_id = symptom.id AND value > 0);"
	"UPDATE plan SET created = start_date || ' 09:00:00';"
	"UPDATE medication SET created = ifnull((SELECT min(start_date) FROM plan"
	"  WHERE med_id = medication.id), '2000-01-01') || ' 08:00:00';";

static int write_all(struct gen *g, struct wn_err *err)
{
	int rc = find_symptoms(g, err);
	if (rc == WN_OK && g->first <= g->last)
		rc = add_meds(g, err);
	if (rc == WN_OK && g->first <= g->last)
		rc = add_plans(g, err);
	if (rc == WN_OK)
		rc = prepare_all(g, err);
	size_t k = 0;
	for (wn_date d = g->first; rc == WN_OK && !g->plans_only && d <= g->last; d++)
		rc = write_day(g, &k, d, err);
	if (rc == WN_OK && sqlite3_exec(g->sql, fix_sql, NULL, NULL, NULL) != SQLITE_OK)
		rc = wn_err_set(err, WN_ERR, "cannot finish: %s", sqlite3_errmsg(g->sql));
	return rc;
}

static void gen_free(struct gen *g)
{
	for (int m = 0; m < N_MEDS; m++)
		for (int k = 0; k < g->n_per; k++) {
			wn_taper_free(&g->per[m][k].sched);
			wn_plan_free(&g->per[m][k].plan);
		}
	sqlite3_stmt *st[5] = { g->ins_ci, g->ins_rt, g->ins_dose, g->ins_qn, g->ins_q };
	for (int i = 0; i < 5; i++)
		sqlite3_finalize(st[i]);
	free(g->cuts);
}

static int generate(const char *path, long days, wn_date last, bool plans_only,
                    struct wn_err *err)
{
	static struct gen g;      /* large (plans of every period) */
	memset(&g, 0, sizeof g);
	g.first = last - days + 1;
	g.last = last;
	g.plans_only = plans_only;
	struct wn_db_opts o = { .path = path, .create = true };
	int rc = wn_db_open(&g.db, &o, err);
	if (rc != WN_OK)
		return rc;
	g.sql = wn_db_sqlite(g.db);
	rc = wn_db_begin(g.db, err);
	/* the journal's search index written once, as an import does */
	if (rc == WN_OK)
		rc = wn_db_index_defer(g.db, err);
	if (rc == WN_OK)
		rc = write_all(&g, err);
	if (rc == WN_OK)
		rc = wn_db_index_write(g.db, err);
	if (rc == WN_OK)
		rc = wn_db_commit(g.db, err);
	else
		wn_db_rollback(g.db);
	if (rc == WN_OK)
		fprintf(stderr, "gen: %s: %ld days, %d plans per medication,"
		        " %zu cuts, %ld rows\n", path, days, g.n_per, g.n_cuts, g.rows);
	gen_free(&g);
	wn_db_close(g.db);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "--version") == 0) {
		printf("%d\n", GEN_VERSION);
		return 0;
	}
	struct wn_err err = { 0 };
	wn_date last;
	char *end = NULL;
	bool plans_only = argc == 5 && strcmp(argv[4], "--plans-only") == 0;
	long days = argc == 4 || plans_only ? strtol(argv[1], &end, 10) : -1;
	if (!end || *end || days < 0 || days > MAX_DAYS ||
	    wn_date_parse_iso(argv[2], &last, &err) != WN_OK) {
		fprintf(stderr, "usage: gen --version | gen DAYS END OUT [--plans-only]"
		        " (DAYS 0..%d, END YYYY-MM-DD, OUT a new file)\n", MAX_DAYS);
		return WN_USAGE;
	}
	if (access(argv[3], F_OK) == 0) {
		fprintf(stderr, "gen: %s exists; refusing to add to it\n", argv[3]);
		return WN_CANTCREAT;
	}
	int rc = generate(argv[3], days, last, plans_only, &err);
	if (rc != WN_OK)
		fprintf(stderr, "gen: %s\n", err.msg);
	return rc;
}
