/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report_int.h (db) -- private to the report's gathering files: report.c
 * (range, days, measures, questions), report_meds.c (medications, plans,
 * cuts) and report_symptoms.c (symptoms).  Others use db/report.h. */
#ifndef WEAN_DB_REPORT_INT_H
#define WEAN_DB_REPORT_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/report_facts.h"
#include "db_int.h"
#include "db/report.h"

/* Binds ?1 and ?2 to the dates from and to. */
void wn_report_bind_range(sqlite3_stmt *st, wn_date from, wn_date to);

/* The days the measures are read for: the range, reaching back to the
 * baseline before the first cut and to the 28 days a trend compares.  The
 * burden over them is kept for the symptoms: their days with data are the
 * same (a day with a check-in or any rating, series.h). */
struct wn_report_span {
	wn_date lo;
	size_t n;
	double *burden;
};

/* Fills r->meds (every medication with a plan or a dose record up to
 * r->to), r->cuts and r->first_cut.  r->from, r->to, r->n_days are set. */
int wn_report_gather_meds(struct wn_db *db, struct wn_report *r,
                          struct wn_err *err);

/* The burden after each cut of r->cuts, from a series (which must reach
 * back before the first cut for the buckets to have their days). */
void wn_report_cut_means(struct wn_report *r, const struct wn_insight_series *s);

/* Fills r->symptoms (report_sym.c).  r->m[WN_REPORT_M_BURDEN] is set. */
int wn_report_gather_symptoms(struct wn_db *db, struct wn_report *r,
                              const struct wn_report_span *sp, struct wn_err *err);

#endif
