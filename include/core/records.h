/* SPDX-License-Identifier: GPL-3.0-or-later */
/* records.h -- what the diary records, as plain values: medications and
 * their forms, symptoms, one day's check-in, ratings, doses, metric
 * values, quick notes and questions.  No SQLite, no curses: the db layer
 * reads and writes these (db/day.h, db/med.h, db/symptoms.h), every other
 * layer works on them.
 *
 * - Strings are either fixed arrays or malloc'd (marked "owned");
 *   wn_day_free() releases a day's.
 * - Dates are wn_date day numbers; times of day are minutes after
 *   midnight (0..1439), -1 = none.
 */
#ifndef WEAN_RECORDS_H
#define WEAN_RECORDS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"

#define WN_NAME_MAX 64
#define WN_UNSET (-1)              /* integer metric not recorded */
#define WN_NOTE_MAX 65536          /* bytes in a note, answer, draft */
#define WN_QUESTION_MAX 4096       /* bytes of a question or an answer as
                                      typed (the command line, Today); the
                                      diary keeps up to WN_NOTE_MAX */

struct wn_med {
	long id;
	char name[WN_NAME_MAX + 1];
	char unit[16];        /* "mg", "mL", "mcg", ... */
	char drug_key[WN_NAME_MAX + 1];  /* section in drugs.ini, "" if unknown */
};

enum wn_form_kind { WN_FORM_TABLET, WN_FORM_CAPSULE, WN_FORM_LIQUID,
	            WN_FORM_BEADS, WN_FORM_OTHER };

struct wn_med_form {
	long id, med_id;
	int kind;             /* enum wn_form_kind */
	double strength;      /* per tablet/capsule, in the med's unit */
	int divisible;        /* 1, 2 (halves) or 4 (quarters) */
	double conc;          /* liquid: unit per mL */
	int beads;            /* beads per capsule */
	char label[64];       /* free text as the user gave it */
};

struct wn_symptom {
	long id;
	char name[WN_NAME_MAX + 1];
	char group[33];
	int source;           /* enum wn_symptom_source (symptoms.h) */
	bool hidden;
	wn_date first_seen;   /* first day rated > 0, WN_DATE_NONE if never */
	bool preexisting;     /* marked as present before the taper */
	int sort;
};

struct wn_checkin {
	wn_date date;
	bool exists;          /* a check-in row exists for the date */
	int mood, anxiety, energy;   /* 0..10 or WN_UNSET */
	double sleep;         /* hours 0..24, or NAN */
	char *note;           /* owned, NULL when none */
	bool flag;            /* flagged for the prescriber */
	char created[20], updated[20];   /* "YYYY-MM-DD HH:MM:SS" UTC */
};

struct wn_rating { long symptom_id; int value; };   /* value 0..3 */

struct wn_dose {
	long id;
	wn_date date;
	int minute;           /* time taken, -1 = not given */
	long med_id;
	double amount;        /* in the medication's unit */
};

struct wn_metric_value { char name[32]; double value; };

struct wn_quicknote { long id; wn_date date; int minute; char *text; /* owned */ };

struct wn_question {
	long id;
	wn_date date;         /* day it was written */
	char *text;           /* owned */
	bool answered;
	char *answer;         /* owned, NULL if none */
};

struct wn_day {
	struct wn_checkin ci;
	struct wn_rating *ratings;          size_t n_ratings;
	struct wn_dose *doses;              size_t n_doses;
	struct wn_metric_value *metrics;    size_t n_metrics;
	struct wn_quicknote *qnotes;        size_t n_qnotes;
	struct wn_question *questions;      size_t n_questions;
};

struct wn_day_summary {
	wn_date date;
	bool has_checkin;
	int mood, anxiety, energy;   /* or WN_UNSET */
	double sleep;                /* or NAN */
	int burden;                  /* sum of ratings, 0 when none (the
	                                burden is core/vocab.h's
	                                wn_vocab_burden(n_ratings, burden)) */
	int n_ratings;
	int n_doses;                 /* dose records, skipped ones too */
	int n_other;                 /* 1 with a metric value, a quick note
	                                or a question, else 0 */
	bool flag;
	const char *note;            /* valid only during the callback; may be NULL */
};

/* Frees what a loaded day owns and zeroes it. */
void wn_day_free(struct wn_day *d);

#endif
