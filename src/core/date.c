/* SPDX-License-Identifier: GPL-3.0-or-later */
/* date.c -- civil dates as day numbers (days since 1970-01-01).
 * The conversions are the well-known era-based algorithms for the
 * proleptic Gregorian calendar. */
#include "core/date.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

static const char *const weekday_names[7] = {
	"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"
};
static const char *const month_names[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int dim[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m < 1 || m > 12)
		return 0;
	return m == 2 && is_leap(y) ? 29 : dim[m - 1];
}

bool wn_date_valid(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	       d <= days_in_month(y, m);
}

wn_date wn_date_from_ymd(int y, int m, int d)
{
	long yy = y - (m <= 2);
	long era = (yy >= 0 ? yy : yy - 399) / 400;
	long yoe = yy - era * 400;
	long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void wn_date_to_ymd(wn_date date, int *y, int *m, int *d)
{
	long z = date + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long dd = doy - (153 * mp + 2) / 5 + 1;
	long mm = mp < 10 ? mp + 3 : mp - 9;
	*y = (int)(yoe + era * 400 + (mm <= 2));
	*m = (int)mm;
	*d = (int)dd;
}

int wn_date_weekday(wn_date date)
{
	/* 1970-01-01 was a Thursday (3 when Monday is 0). */
	long w = (date + 3) % 7;
	return (int)(w < 0 ? w + 7 : w);
}

char *wn_date_format(wn_date date, char *buf)
{
	int y, m, d;
	if (date == WN_DATE_NONE) {
		strcpy(buf, "-");
		return buf;
	}
	wn_date_to_ymd(date, &y, &m, &d);
	unsigned v[3] = { (unsigned)y % 10000u, (unsigned)m % 100u, (unsigned)d % 100u };
	buf[0] = (char)('0' + v[0] / 1000);
	buf[1] = (char)('0' + v[0] / 100 % 10);
	buf[2] = (char)('0' + v[0] / 10 % 10);
	buf[3] = (char)('0' + v[0] % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + v[1] / 10);
	buf[6] = (char)('0' + v[1] % 10);
	buf[7] = '-';
	buf[8] = (char)('0' + v[2] / 10);
	buf[9] = (char)('0' + v[2] % 10);
	buf[10] = '\0';
	return buf;
}

static bool all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return true;
}

int wn_date_parse_iso(const char *s, wn_date *out, struct wn_err *err)
{
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    !all_digits(s, 4) || !all_digits(s + 5, 2) || !all_digits(s + 8, 2))
		return wn_err_set(err, WN_DATAERR,
		                  "'%.40s' is not a date (expected YYYY-MM-DD)",
		                  s ? s : "");
	int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
	if (!wn_date_valid(y, m, d))
		return wn_err_set(err, WN_DATAERR, "%s is not a real date%s", s,
		                  m >= 1 && m <= 12 ? " (no such day in that month)" : "");
	*out = wn_date_from_ymd(y, m, d);
	return WN_OK;
}

int wn_date_parse(const char *s, wn_date today, wn_date *out,
                  struct wn_err *err)
{
	if (!s || !*s)
		return wn_err_set(err, WN_DATAERR, "empty date");
	if (strcasecmp(s, "today") == 0) {
		*out = today;
		return WN_OK;
	}
	if (strcasecmp(s, "yesterday") == 0) {
		*out = today - 1;
		return WN_OK;
	}
	if (s[0] == '-') {
		size_t n = strlen(s + 1);
		if (n == 0 || n > 5 || !all_digits(s + 1, n))
			return wn_err_set(err, WN_DATAERR,
			                  "'%.40s' is not a date (expected YYYY-MM-DD, today, yesterday or -N)", s);
		long days = strtol(s + 1, NULL, 10);
		if (days > 36500)
			return wn_err_set(err, WN_DATAERR, "'%s' is more than 100 years ago", s);
		*out = today - days;
		return WN_OK;
	}
	int rc = wn_date_parse_iso(s, out, err);
	if (rc != WN_OK && strlen(s) != 10)
		wn_err_set(err, WN_DATAERR,
		           "'%.40s' is not a date (expected YYYY-MM-DD, today, yesterday or -N)", s);
	return rc;
}

const char *wn_date_today_env_error(void)
{
	static char msg[128];
	const char *e = getenv("WEAN_TODAY");
	wn_date d;
	if (!e || !*e || wn_date_parse_iso(e, &d, NULL) == WN_OK)
		return NULL;
	snprintf(msg, sizeof msg, "WEAN_TODAY='%.40s' is not a valid YYYY-MM-DD date; using the real date", e);
	return msg;
}

wn_date wn_date_today(void)
{
	const char *e = getenv("WEAN_TODAY");
	wn_date d;
	if (e && *e && wn_date_parse_iso(e, &d, NULL) == WN_OK)
		return d;
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	return wn_date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static wn_date month_start(wn_date date)
{
	int y, m, d;
	wn_date_to_ymd(date, &y, &m, &d);
	return date - (d - 1);
}

wn_date wn_date_add_months(wn_date date, int months)
{
	int y, m, d;
	wn_date_to_ymd(date, &y, &m, &d);
	long idx = (long)y * 12 + (m - 1) + months;
	if (idx < 12)
		idx = 12;
	if (idx > 9999L * 12 + 11)
		idx = 9999L * 12 + 11;
	y = (int)(idx / 12);
	m = (int)(idx % 12) + 1;
	int dim = days_in_month(y, m);
	return wn_date_from_ymd(y, m, d > dim ? dim : d);
}

void wn_date_month_grid(wn_date date, int week_start, struct wn_month_grid *g)
{
	int y, m, d;
	wn_date first = month_start(date);
	wn_date_to_ymd(first, &y, &m, &d);
	g->year = y;
	g->month = m;
	int lead = (wn_date_weekday(first) - week_start + 7) % 7;
	int dim = days_in_month(y, m);
	g->rows = (lead + dim + 6) / 7;
	wn_date c = first - lead;
	for (int r = 0; r < 6; r++)
		for (int k = 0; k < 7; k++, c++) {
			g->cell[r][k] = c;
			g->in_month[r][k] = c >= first && c < first + dim;
		}
}

const char *wn_date_weekday_name(int weekday)
{
	return weekday >= 0 && weekday < 7 ? weekday_names[weekday] : "???";
}

const char *wn_date_month_name(int month)
{
	return month >= 1 && month <= 12 ? month_names[month - 1] : "???";
}
