/* SPDX-License-Identifier: GPL-3.0-or-later */
/* demo.c -- the demo diary: one story, written day by day through the
 * storage and plan APIs in one transaction.  See demo.h for the story.
 *
 * The timeline (T = today, days before it):
 *   T-180 plan starts at 100 mg     T-152 cut 1    T-124 cut 2
 *   T-96  cut 3 (the hard one)      T-87..T-69 hold (18 days)
 *   T-50  cut 4 (moved by the hold) T-22  cut 5    T+6 next step
 * Deviations: T-132 took the old dose, T-112 skipped the dose (recorded
 * as not taken), T-21 took the previous step's dose.  No record at all: T-170, -140, -103, -60, -33.
 */
#include "db/demo.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "db/plan.h"
#include "core/taper.h"
#include "core/plan.h"
#include "core/records.h"
#include "db/day.h"
#include "db/question.h"
#include "db/db.h"
#include "db/med.h"
#include "db/symptoms.h"

#define SEED 0x5745414e32303236ULL     /* "WEAN2026" */
#define MAX_CUTS 64

enum {
	PLAN_AT = WN_DEMO_PLAN_DAYS, CUT3_AT = 96, HOLD_AT = 87, HOLD_DAYS = 18,
	OLD_DOSE_AT = 132, SKIPPED_AT = 112, PREV_DOSE_AT = 21,
	WORST_AT = 90, WAVE_AT = 16,
};

static const int missing_at[] = { 170, 140, 103, 60, 33 };
static const int flagged_at[] = { SKIPPED_AT, WORST_AT, WAVE_AT };

/* ---- a small generator (splitmix64) ------------------------------------------- */

struct rng { uint64_t s; };

static uint64_t rng_next(struct rng *r)
{
	uint64_t z = (r->s += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Uniform in [0, 1). */
static double rng_unit(struct rng *r)
{
	return (double)(rng_next(r) >> 11) * (1.0 / 9007199254740992.0);
}

static int rng_int(struct rng *r, int n)
{
	return (int)(rng_next(r) % (uint64_t)n);
}

/* ---- the model ----------------------------------------------------------------- */

/* Wave after a cut, in thousandths, by days since the cut. */
static const short shape[] = {
	0, 200, 500, 780, 940, 1000, 980, 920, 840, 750, 660, 580, 500, 430,
	370, 315, 270, 230, 195, 165, 140, 115, 95, 75, 60, 45, 35, 25, 15,
};
#define N_SHAPE ((int)(sizeof shape / sizeof *shape))

/* How hard each cut hits: the third is the hard one; after the hold the
 * fourth is gentler; later cuts get harder again. */
static double severity(int k)
{
	static const double sev[] = { 0.55, 0.75, 1.3, 0.85, 1.05, 1.15 };
	return k < 6 ? sev[k] : 1.2;
}

struct sym_model {
	const char *name;
	double weight;    /* rating added at the top of a wave of severity 1 */
	double base;      /* before the taper */
	int lag;          /* days after the cut's wave that this one follows */
};

static const struct sym_model syms[] = {
	{ "brain zaps",           2.8, 0.0,  0 },
	{ "dizziness",            2.3, 0.0,  0 },
	{ "irritability",         2.0, 0.1,  1 },
	{ "insomnia",             2.2, 0.45, 2 },
	{ "anxiety or agitation", 2.1, 0.2,  2 },
	{ "vivid dreams",         1.6, 0.0,  1 },
	{ "fatigue",              1.3, 0.8,  3 },
	{ "brain fog",            1.5, 0.0,  3 },
	{ "low mood or crying",   1.4, 0.35, 4 },
	{ "nausea",               1.0, 0.0, -1 },
	{ "headache",             0.9, 0.1,  0 },
	{ "sweating",             0.7, 0.0,  1 },
	{ "tingling or numbness", 0.6, 0.0,  0 },
	{ "flu-like aches",       0.5, 0.0,  0 },
	{ "inner restlessness",   1.2, 0.0,  2 },
};
#define N_SYMS (sizeof syms / sizeof *syms)

struct demo {
	struct wn_db *db;
	wn_date today, first;
	struct rng rng;
	long med_id;
	long sym_id[N_SYMS];
	struct wn_plan plan;
	struct wn_schedule sched;
	bool have_plan, have_sched;
	wn_date cut[MAX_CUTS];
	double cut_dose[MAX_CUTS];
	int n_cuts;
	struct deck { int order[16]; int pos; } deck[3];
	char note[160];                  /* a note made up for the day */
	struct wn_demo_summary sum;
};

static double wave_at(const struct demo *d, wn_date day, int lag)
{
	double w = 0;
	for (int k = 0; k < d->n_cuts; k++) {
		long t = day - d->cut[k] - lag;
		if (t >= 0 && t < N_SHAPE)
			w += severity(k) * shape[t] / 1000.0;
	}
	return w;
}

static int cuts_by(const struct demo *d, wn_date day)
{
	int n = 0;
	while (n < d->n_cuts && d->cut[n] <= day)
		n++;
	return n;
}

static bool is_at(const struct demo *d, wn_date day, int days_ago)
{
	return day == d->today - days_ago;
}

static bool in_list(const struct demo *d, wn_date day, const int *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (is_at(d, day, list[i]))
			return true;
	return false;
}

static int clampi(double x, int lo, int hi)
{
	int v = (int)floor(x + 0.5);
	return v < lo ? lo : v > hi ? hi : v;
}

/* ---- notes ------------------------------------------------------------------------ */

static const char *const good_notes[] = {
	"Good day. Walked by the river after work.",
	"Felt almost like myself today.",
	"Went to the café with Anna — we laughed a lot.",
	"Slept well, calm morning.",
	"Quiet day at home, read a whole chapter.",
	"Cooked a proper dinner for the first time in a while.",
	"Energy back. Did the shopping and the laundry.",
	"Yoga class, felt steady afterwards.",
	"A window: clear head most of the day.",
	"Nothing much to report, a normal day.",
};

static const char *const middle_notes[] = {
	"Some zaps in the afternoon, otherwise okay.",
	"Tired but managed work.",
	"A bit on edge in the meeting; a short walk helped.",
	"Woke at 4 and could not get back to sleep.",
	"Headache in the evening, went to bed early.",
	"Mixed day. Mornings are better than evenings.",
	"Appetite low, had soup.",
	"Dizzy when standing up quickly.",
	"Odd déjà vu feeling in the afternoon.",
};

static const char *const rough_notes[] = {
	"Zaps every few minutes — hard to concentrate.",
	"Cried on the bus for no reason.",
	"Very irritable, snapped at my sister. Apologised later.",
	"Barely slept. Heart racing at night.",
	"Dizzy all day; stayed home from work.",
	"A wave today. Reminding myself the last one passed.",
	"Everything feels too loud and too bright.",
	"Nausea in the morning, better after lunch.",
	"Could not focus on anything, brain fog like wet cotton.",
};

/* Notes of a pool come from a shuffled deck, so none repeats before the
 * others have been used. */
static const char *pick(struct demo *d, int pool, const char *const *list, int n)
{
	struct deck *k = &d->deck[pool];
	int cap = (int)(sizeof k->order / sizeof *k->order);
	n = n < cap ? n : cap;
	if (k->pos == 0 || k->pos >= n) {
		for (int i = 0; i < n; i++)
			k->order[i] = i;
		for (int i = n - 1; i > 0; i--) {
			int j = rng_int(&d->rng, i + 1), t = k->order[i];
			k->order[i] = k->order[j];
			k->order[j] = t;
		}
		k->pos = 0;
	}
	return list[k->order[k->pos++]];
}

#define PICK(d, pool, list) pick(d, pool, list, (int)(sizeof list / sizeof *list))

static double planned(const struct demo *d, wn_date day)
{
	double p = d->have_sched ? wn_plan_planned_on(&d->plan, &d->sched, day) : NAN;
	return isnan(p) ? 100 : p;
}

static int step_index(const struct demo *d, wn_date day)
{
	for (int k = 0; k < d->n_cuts; k++)
		if (d->cut[k] == day)
			return k;
	return -1;
}

/* A note the story needs on this day, or NULL. */
static const char *story_note(struct demo *d, wn_date day)
{
	int k = step_index(d, day);
	if (k >= 0) {
		static const char *const fmt[] = {
			"First cut: %g mg from today. Nervous but ready.",
			"Step day, down to %g mg.",
			"Cut to %g mg today.",
			"Next step: %g mg. Going slowly.",
		};
		/* the first cut has its own words; later ones take turns */
		snprintf(d->note, sizeof d->note, fmt[k == 0 ? 0 : 1 + (k - 1) % 3],
		         d->cut_dose[k]);
		return d->note;
	}
	if (is_at(d, day, PLAN_AT))
		return "Starting the taper plan today: 10% every four weeks.";
	if (is_at(d, day, OLD_DOSE_AT))
		return "Bad night, so I took my old dose of 100 mg. Back to the plan tomorrow.";
	if (is_at(d, day, SKIPPED_AT))
		return "Forgot my dose this morning — zaps by the evening.";
	if (is_at(d, day, PREV_DOSE_AT))
		return "Took the old dose out of habit (the step was yesterday). Noted it for the review.";
	if (is_at(d, day, WORST_AT))
		return "Worst day so far. Zaps, crying, almost no sleep. Asked about a hold.";
	if (is_at(d, day, HOLD_AT))
		return "Holding the dose for now — agreed with my prescriber.";
	if (is_at(d, day, HOLD_AT - HOLD_DAYS))
		return "Hold over. Steadier for a week now.";
	if (is_at(d, day, WAVE_AT))
		return "Another wave after the last cut. Should I have held longer?";
	return NULL;
}

static const char *day_note(struct demo *d, wn_date day, double w)
{
	const char *s = story_note(d, day);
	bool want = rng_int(&d->rng, 4) == 0;
	if (s || !want)
		return s;
	if (w >= 0.55)
		return PICK(d, 0, rough_notes);
	if (w < 0.12)
		return PICK(d, 1, good_notes);
	return PICK(d, 2, middle_notes);
}

/* ---- one day ------------------------------------------------------------------------ */

static int write_checkin(struct demo *d, wn_date day, struct wn_err *err)
{
	double w = wave_at(d, day, 2);
	int cuts = cuts_by(d, day);
	double mood_u = rng_unit(&d->rng) - 0.5, anx_u = rng_unit(&d->rng) - 0.5;
	double energy_u = rng_unit(&d->rng) - 0.5, sleep_u = rng_unit(&d->rng) - 0.5;
	struct wn_checkin_patch p = {
		.date = day,
		.set = WN_SET_MOOD | WN_SET_ANXIETY | WN_SET_ENERGY | WN_SET_SLEEP,
		.mood = clampi(7.3 - 3.2 * w - 0.15 * cuts + 1.8 * mood_u, 0, 10),
		.anxiety = clampi(2.0 + 3.8 * w + 0.15 * cuts + 1.8 * anx_u, 0, 10),
		.energy = clampi(6.6 - 2.6 * w - 0.1 * cuts + 1.8 * energy_u, 0, 10),
		.sleep = clampi((7.5 - 2.4 * wave_at(d, day, 3) + 1.2 * sleep_u) * 4, 8, 48) / 4.0,
		.note = day_note(d, day, w),
	};
	if (p.note) {
		p.set |= WN_SET_NOTE;
		d->sum.notes++;
	}
	if (in_list(d, day, flagged_at, sizeof flagged_at / sizeof *flagged_at)) {
		p.set |= WN_SET_FLAG;
		p.flag = true;
	}
	d->sum.checkins++;
	return wn_db_checkin_update(d->db, &p, err);
}

static double skipped_bump(const struct demo *d, wn_date day, size_t s)
{
	long since = day - (d->today - SKIPPED_AT);
	if (s > 2 || since < 0 || since > 2)
		return 0;
	return since == 0 ? 0.6 : since == 1 ? 1.2 : 0.5;
}

static int write_ratings(struct demo *d, wn_date day, struct wn_err *err)
{
	int cuts = cuts_by(d, day - 3);     /* what lingers builds up after a cut */
	double dayf = rng_unit(&d->rng) - 0.5;
	for (size_t s = 0; s < N_SYMS; s++) {
		double amp = syms[s].weight * (wave_at(d, day, syms[s].lag) + 0.04 * cuts);
		double level = syms[s].base + amp + skipped_bump(d, day, s);
		double noise = 0.9 * (rng_unit(&d->rng) - 0.5) + 0.5 * dayf;
		level += level > 0.1 ? noise : 0.2 * noise;
		int rc = wn_db_rating_set(d->db, day, d->sym_id[s], clampi(level, 0, 3), err);
		if (rc != WN_OK)
			return rc;
	}
	return WN_OK;
}

static int write_dose(struct demo *d, wn_date day, struct wn_err *err)
{
	double amount = planned(d, day);
	if (is_at(d, day, SKIPPED_AT))          /* "forgot my dose": skipped */
		return wn_db_dose_skip(d->db, day, d->med_id, NULL, err);
	if (is_at(d, day, OLD_DOSE_AT))
		amount = 100;
	if (is_at(d, day, PREV_DOSE_AT))
		amount = planned(d, day - 2);     /* the day before the step */
	if (amount <= 0)
		return WN_OK;
	struct wn_dose x = { .date = day, .med_id = d->med_id, .amount = amount,
	                     .minute = 7 * 60 + 30 + 5 * rng_int(&d->rng, 16) };
	return wn_db_dose_add(d->db, &x, NULL, err);
}

static int write_day(struct demo *d, wn_date day, struct wn_err *err)
{
	if (in_list(d, day, missing_at, sizeof missing_at / sizeof *missing_at)) {
		d->sum.missing++;
		return WN_OK;
	}
	int rc = write_checkin(d, day, err);
	if (rc == WN_OK)
		rc = write_ratings(d, day, err);
	if (rc == WN_OK)
		rc = write_dose(d, day, err);
	return rc;
}

/* ---- setting up ------------------------------------------------------------------------ */

static int add_form(struct demo *d, const char *text, struct wn_err *err)
{
	struct wn_form tf;
	int rc = wn_taper_form_parse(text, &tf, err);
	if (rc != WN_OK)
		return rc;
	struct wn_med_form f = {
		.med_id = d->med_id, .kind = (int)tf.kind, .strength = tf.strength_mg,
		.divisible = tf.divisible ? tf.divisible : 1, .conc = tf.conc_mg_per_ml,
		.beads = tf.beads_per_capsule,
	};
	snprintf(f.label, sizeof f.label, "%s", text);
	return wn_db_form_add(d->db, &f, NULL, err);
}

static int add_med(struct demo *d, struct wn_err *err)
{
	struct wn_med m = { .name = "sertraline", .unit = "mg", .drug_key = "sertraline" };
	int rc = wn_db_med_add(d->db, &m, &d->med_id, err);
	if (rc == WN_OK)
		rc = add_form(d, "tablet 25 mg half", err);
	if (rc == WN_OK)
		rc = add_form(d, "liquid 20 mg/ml", err);
	return rc;
}

static int add_plan(struct demo *d, struct wn_err *err)
{
	struct wn_plan_spec s = {
		.med_id = d->med_id, .method = WN_TAPER_PERCENT,
		.start = d->today - PLAN_AT, .from_dose = 100, .step = 10,
		.every_days = 28,
	};
	int rc = wn_db_plan_add(d->db, &s, NULL, err);
	if (rc == WN_OK)
		rc = wn_db_plan_hold(d->db, d->med_id, d->today - HOLD_AT,
		                  "The third cut hit hard: zaps, insomnia and crying spells. "
		                  "Agreed with my prescriber to hold before the next step.", err);
	if (rc == WN_OK)
		rc = wn_db_plan_resume(d->db, d->med_id, d->today - HOLD_AT + HOLD_DAYS, err);
	return rc;
}

/* Loads the plan back and lists its cuts (dated steps after the start). */
static int load_schedule(struct demo *d, struct wn_err *err)
{
	int rc = wn_db_plan_load(d->db, d->med_id, &d->plan, err);
	d->have_plan = true;
	if (rc == WN_OK)
		rc = wn_taper_build(&d->plan.params, &d->sched, err);
	if (rc != WN_OK)
		return rc;
	d->have_sched = true;
	for (int k = 1; k < d->sched.n_dated && d->n_cuts < MAX_CUTS; k++) {
		d->cut[d->n_cuts] = d->sched.steps[k].date;
		d->cut_dose[d->n_cuts++] = d->sched.steps[k].dose;
	}
	return d->n_cuts > 0 ? WN_OK : wn_err_set(err, WN_ERR, "the demo plan has no steps");
}

static int find_symptoms(struct demo *d, struct wn_err *err)
{
	for (size_t s = 0; s < N_SYMS; s++) {
		struct wn_symptom sy;
		int rc = wn_db_symptom_find(d->db, syms[s].name, &sy, err);
		if (rc != WN_OK)
			return rc;
		d->sym_id[s] = sy.id;
		if (strcmp(syms[s].name, "fatigue") == 0 &&
		    (rc = wn_db_symptom_set_preexisting(d->db, sy.id, true, err)) != WN_OK)
			return rc;
	}
	return WN_OK;
}

/* ---- questions and quick notes ------------------------------------------------------- */

static bool in_range(const struct demo *d, int days_ago)
{
	wn_date day = d->today - days_ago;
	return day >= d->first && !in_list(d, day, missing_at,
	                                   sizeof missing_at / sizeof *missing_at);
}

static int answer_first_question(struct demo *d, wn_date day, const char *answer,
                                 struct wn_err *err)
{
	struct wn_day x;
	int rc = wn_db_day_load(d->db, day, &x, err);
	if (rc == WN_OK && x.n_questions > 0)
		rc = wn_db_question_answer(d->db, x.questions[0].id, answer, err);
	wn_day_free(&x);
	return rc;
}

static int write_extras(struct demo *d, struct wn_err *err)
{
	static const struct { int ago, minute; const char *text; } quick[] = {
		{ 91, 13 * 60 + 40, "Zaps every time I move my eyes quickly — like a click." },
		{ 49, 21 * 60 + 15, "Dizzy on the stairs this evening." },
		{ 3, 10 * 60 + 5, "Walked to the market and back. Felt fine." },
	};
	static const struct { int ago; const char *text; } ask[] = {
		{ 138, "Is it fine to take the liquid in the evening instead of the morning?" },
		{ 89, "The third cut was much harder than the first two. Can we hold for a few weeks?" },
		{ 17, "Would smaller cuts (5% instead of 10%) make the next steps easier?" },
	};
	int rc = WN_OK;
	for (size_t i = 0; rc == WN_OK && i < sizeof quick / sizeof *quick; i++)
		if (in_range(d, quick[i].ago))
			rc = wn_db_quicknote_add(d->db, d->today - quick[i].ago, quick[i].minute,
			                         quick[i].text, err);
	for (size_t i = 0; rc == WN_OK && i < sizeof ask / sizeof *ask; i++)
		if (in_range(d, ask[i].ago))
			rc = wn_db_question_add(d->db, d->today - ask[i].ago, ask[i].text, err);
	if (rc == WN_OK && in_range(d, ask[0].ago))
		rc = answer_first_question(d, d->today - ask[0].ago,
		                           "Yes, as long as it is about the same time every day.", err);
	return rc;
}

/* ---- the whole diary ------------------------------------------------------------------- */

static int write_all(struct demo *d, struct wn_err *err)
{
	int rc = add_med(d, err);
	if (rc == WN_OK)
		rc = add_plan(d, err);
	if (rc == WN_OK)
		rc = load_schedule(d, err);
	if (rc == WN_OK)
		rc = find_symptoms(d, err);
	for (wn_date day = d->first; rc == WN_OK && day <= d->today; day++)
		rc = write_day(d, day, err);
	if (rc == WN_OK)
		rc = write_extras(d, err);
	return rc;
}

static void summarise(struct demo *d)
{
	d->sum.first = d->first;
	d->sum.last = d->today;
	d->sum.cuts = cuts_by(d, d->today);
	d->sum.dose_now = planned(d, d->today);
	d->sum.plan_start = d->today - PLAN_AT;
	d->sum.hold_days = HOLD_DAYS;
}

int wn_demo_write(struct wn_db *db, const struct wn_demo_opts *o,
                  struct wn_demo_summary *summary, struct wn_err *err)
{
	if (o->days < 1 || o->days > WN_DEMO_MAX_DAYS)
		return wn_err_set(err, WN_USAGE, "a demo diary of 1 to %d days, please",
		                  WN_DEMO_MAX_DAYS);
	struct demo d = { .db = db, .today = o->today, .first = o->today - o->days + 1,
	                  .rng = { SEED } };
	int rc = wn_db_begin(db, err);
	if (rc != WN_OK)
		return rc;
	rc = write_all(&d, err);
	if (rc == WN_OK)
		rc = wn_db_commit(db, err);
	else
		wn_db_rollback(db);
	summarise(&d);
	if (d.have_sched)
		wn_taper_free(&d.sched);
	if (d.have_plan)
		wn_plan_free(&d.plan);
	if (rc == WN_OK && summary)
		*summary = d.sum;
	return rc;
}
