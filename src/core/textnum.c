/* SPDX-License-Identifier: GPL-3.0-or-later */
/* textnum.c -- numbers as wean writes them (core/text.h): a value with its
 * decimals and no trailing zeros, a percentage, a step's change. */
#include "core/text.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- numbers --------------------------------------------------------- */

char *wn_text_num(double v, int decimals, char *buf, size_t n)
{
	if (!isfinite(v)) {
		snprintf(buf, n, "-");
		return buf;
	}
	static const double scale[] = { 1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6 };
	if (decimals >= 0 && decimals <= 6 && fabs(v) < 1e9 && n >= 24) {
		/* the fast way (printf's exact rounding is most of a Today
		 * frame's numbers): v scaled to a whole number, unless it lies so
		 * near a half that the scaling's own rounding could decide it */
		double x = v * scale[decimals], r = nearbyint(x);
		if (fabs(fabs(x - r) - 0.5) > 1e-6) {
			long long k = llabs((long long)r);
			long long whole = k / (long long)scale[decimals];
			long long frac = k % (long long)scale[decimals];
			int len = snprintf(buf, n, "%s%lld", r < 0 ? "-" : "", whole);
			if (frac > 0) {
				int d = decimals;
				while (frac % 10 == 0) {    /* no trailing zeros */
					frac /= 10;
					d--;
				}
				snprintf(buf + len, n - (size_t)len, ".%0*lld", d, frac);
			}
			return buf;
		}
	}
	if (fabs(v) < 0.5 * pow(10, -decimals))
		v = 0;                  /* no "-0" */
	snprintf(buf, n, "%.*f", decimals, v);
	char *dot = strchr(buf, '.');
	if (!dot)
		return buf;
	char *e = buf + strlen(buf) - 1;
	while (e > dot && *e == '0')
		*e-- = '\0';
	if (e == dot)
		*e = '\0';
	return buf;
}

char *wn_text_step_change(double prev, double dose, char *buf, size_t n)
{
	if (!isfinite(prev) || !isfinite(dose))
		snprintf(buf, n, "-");
	else if (prev <= 0 && dose > 0)
		snprintf(buf, n, "up from 0");
	else if (prev <= 0)
		snprintf(buf, n, "0.0%%");
	else if (dose > prev)
		snprintf(buf, n, "up %.1f%%", (dose - prev) / prev * 100.0);
	else
		snprintf(buf, n, "%.1f%%", (prev - dose) / prev * 100.0);
	return buf;
}

char *wn_text_pct(double v, int decimals, char *buf, size_t n)
{
	if (!isfinite(v))
		snprintf(buf, n, "-");
	else
		snprintf(buf, n, "%.*f%%", decimals, v);
	return buf;
}

const char *wn_text_long(long v, char buf[WN_TEXT_LONG])
{
	unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
	int k = WN_TEXT_LONG - 1;
	buf[k] = '\0';
	do {
		buf[--k] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		buf[--k] = '-';
	return buf + k;
}
