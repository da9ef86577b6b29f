/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report.h (db) -- gathering the prescriber report's facts from the diary
 * (core/report_facts.h), and remembering the end of the last report.
 * Read-only SQL except wn_report_remember(); no output.  The report is
 * written by report/report.h:
 *
 *   struct wn_report r;
 *   if (wn_report_gather(db, &o, &r, &err) == WN_OK)
 *           rc = wn_report_write(&r, &o, &buf, &err);
 *   wn_report_free(&r);
 */
#ifndef WEAN_DB_REPORT_H
#define WEAN_DB_REPORT_H

#include <stdbool.h>

#include "core/date.h"
#include "core/report_facts.h"
#include "core/status.h"

struct wn_db;

/* "Since the last report": the day after the end of the last report
 * written to a file (wn_report_remember), kept in the diary's meta table
 * under WN_REPORT_META_KEY; *last_to = WN_DATE_NONE when none was
 * remembered (or the stored value is not a date). */
int wn_report_last(struct wn_db *db, wn_date *last_to, struct wn_err *err);
/* Remembers `to` as the end of the last report (one small write), unless
 * a later end is remembered already (a report of an earlier period does
 * not move "since the last report" back). */
int wn_report_remember(struct wn_db *db, wn_date to, struct wn_err *err);

/* The start of a range given no first day, read from the diary: its
 * first record and, with since_last, the last report written to a file
 * (wn_report_last), decided by wn_report_range_from (core/report_facts.h).
 * The one default of `wean report`, `wean export --format csv|json` and
 * the Export screen. */
struct wn_range_ask {
	wn_date to;              /* the range's last day */
	int days;                /* WN_REPORT_DEFAULT_DAYS, or 0: no limit */
	bool since_last;         /* start after the last report, if there is one
	                            ending before `to` */
};
struct wn_range_default {
	wn_date from;
	int start;               /* enum wn_range_start */
	wn_date last_to;         /* the last report's end (WN_RANGE_SINCE_LAST),
	                            else WN_DATE_NONE */
};
int wn_report_default_from(struct wn_db *db, const struct wn_range_ask *a,
                           struct wn_range_default *out, struct wn_err *err);

/* The range a report covers: o->to, or today when WN_DATE_NONE; o->from,
 * or WN_REPORT_DEFAULT_DAYS days ending on *to but not before the diary's
 * first record (wn_report_default_from).  WN_USAGE when from > to or the
 * range is longer than WN_REPORT_MAX_DAYS. */
int wn_report_range(struct wn_db *db, const struct wn_report_opts *o,
                    wn_date *from, wn_date *to, struct wn_err *err);

/* Reads everything for the range of o (wn_report_range) into *r.  Always
 * call wn_report_free() afterwards, also after a failure. */
int wn_report_gather(struct wn_db *db, const struct wn_report_opts *o,
                     struct wn_report *r, struct wn_err *err);
void wn_report_free(struct wn_report *r);

#endif
