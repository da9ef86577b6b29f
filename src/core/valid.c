/* SPDX-License-Identifier: GPL-3.0-or-later */
/* valid.c -- the date window, time stamps and metric ranges (valid.h). */
#include "core/valid.h"

#include <math.h>
#include <string.h>

wn_date wn_valid_earliest(wn_date today)
{
	return today - (WN_VALID_SPAN_DAYS - 1);
}

int wn_valid_day(wn_date d, wn_date today, struct wn_err *err)
{
	char a[WN_DATE_STRLEN], b[WN_DATE_STRLEN];
	if (d > today)
		return wn_err_set(err, WN_DATAERR, "%s is after today (%s)",
		                  wn_date_format(d, a), wn_date_format(today, b));
	if (d < wn_valid_earliest(today))
		return wn_err_set(err, WN_DATAERR, "%s is before %s (wean keeps the last %d days)",
		                  wn_date_format(d, a), wn_date_format(wn_valid_earliest(today), b),
		                  WN_VALID_SPAN_DAYS);
	return WN_OK;
}

/* Two digits at s, at most max. */
static bool two_digits(const char *s, int max)
{
	if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
		return false;
	return (s[0] - '0') * 10 + (s[1] - '0') <= max;
}

bool wn_valid_stamp(const char *s, size_t len)
{
	char date[WN_DATE_STRLEN];
	wn_date d;
	if (len != 19 || s[10] != ' ' || s[13] != ':' || s[16] != ':')
		return false;
	memcpy(date, s, 10);
	date[10] = '\0';
	return wn_date_parse_iso(date, &d, NULL) == WN_OK && two_digits(s + 11, 23) &&
	       two_digits(s + 14, 59) && two_digits(s + 17, 59);
}

size_t wn_valid_stamp_from_iso(char *s, size_t len)
{
	if (len != 20 || s[10] != 'T' || s[19] != 'Z')
		return len;
	s[10] = ' ';
	s[19] = '\0';
	if (wn_valid_stamp(s, 19))
		return 19;
	s[10] = 'T';
	s[19] = 'Z';
	return len;
}

int wn_valid_metric(const char *name, double v, double min, double max,
                    struct wn_err *err)
{
	if (!isfinite(v) || fabs(v) > WN_VALID_METRIC_LIMIT)
		return wn_err_set(err, WN_DATAERR, "%s must be a finite number", name);
	if (!isnan(min) && v < min)
		return wn_err_set(err, WN_DATAERR, "%s must be at least %g (got %g)", name, min, v);
	if (!isnan(max) && v > max)
		return wn_err_set(err, WN_DATAERR, "%s must be at most %g (got %g)", name, max, v);
	return WN_OK;
}
