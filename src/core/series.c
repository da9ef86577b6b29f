/* SPDX-License-Identifier: GPL-3.0-or-later */
/* series.c (core) -- the name of a series; see core/series.h. */
#include "core/series.h"

#include <ctype.h>
#include <stdio.h>

char *wn_series_title(const struct wn_series_what *w, char *buf, size_t n)
{
	if (!n)
		return buf;
	snprintf(buf, n, "%s", w->name);
	if (buf[0] >= 'a' && buf[0] <= 'z')
		buf[0] = (char)toupper((unsigned char)buf[0]);
	return buf;
}
