/* SPDX-License-Identifier: GPL-3.0-or-later */
/* date.h -- civil dates (proleptic Gregorian), pure and curses-free.
 *
 * A wn_date is a day number: days since 1970-01-01 (which is 0).  Plain
 * integer arithmetic adds days.  No time zones are involved: "today" is the
 * local calendar date, or WEAN_TODAY=YYYY-MM-DD when set.
 */
#ifndef WEAN_DATE_H
#define WEAN_DATE_H

#include <stdbool.h>
#include "core/status.h"

typedef long wn_date;

#define WN_DATE_NONE (-1000000000L)   /* "no date" sentinel */
#define WN_DATE_STRLEN 11             /* "YYYY-MM-DD" + NUL */

/* Is y/m/d a real date (year 1..9999, proleptic Gregorian leap years)? */
bool wn_date_valid(int y, int m, int d);

/* Convert; from_ymd expects a valid date. */
wn_date wn_date_from_ymd(int y, int m, int d);
void wn_date_to_ymd(wn_date date, int *y, int *m, int *d);

/* 0 = Monday ... 6 = Sunday (ISO). */
int wn_date_weekday(wn_date date);

/* Writes "YYYY-MM-DD" into buf (at least WN_DATE_STRLEN bytes), or "-"
 * for WN_DATE_NONE (the one date formatter: reports print "-" for a date
 * they do not have); returns buf. */
char *wn_date_format(wn_date date, char *buf);

/* Strict "YYYY-MM-DD" only.  Returns WN_OK or WN_DATAERR with a message. */
int wn_date_parse_iso(const char *s, wn_date *out, struct wn_err *err);

/* User input: "YYYY-MM-DD", "today", "yesterday", "-N" (N days before
 * today, N <= 36500).  Case-insensitive words. */
int wn_date_parse(const char *s, wn_date today, wn_date *out,
                  struct wn_err *err);

/* Today: WEAN_TODAY if set and valid, else the local calendar date.
 * A malformed WEAN_TODAY is ignored (wn_date_today_env_error reports it). */
wn_date wn_date_today(void);
/* Non-NULL message if WEAN_TODAY is set but not a valid date. */
const char *wn_date_today_env_error(void);

/* Adding months (the day clamped to the month's last). */
wn_date wn_date_add_months(wn_date date, int months);

/* Month grid: 6 rows x 7 columns of dates covering the month of `date`,
 * rows starting on week_start (0 = Monday, 6 = Sunday).  Cells outside
 * the month are still filled with their real dates; in_month tells which. */
struct wn_month_grid {
	int year, month;
	int rows;                /* 4..6 rows actually needed */
	wn_date cell[6][7];
	bool in_month[6][7];
};
void wn_date_month_grid(wn_date date, int week_start, struct wn_month_grid *g);

/* "Mon".."Sun" and "January".."December" (English, ASCII). */
const char *wn_date_weekday_name(int weekday);
const char *wn_date_month_name(int month);

#endif
