/* SPDX-License-Identifier: GPL-3.0-or-later */
/* safety.c -- when the crisis line shows; see core/safety.h. */
#include "core/safety.h"

#include <string.h>

bool wn_safety_check(const struct wn_safety_in *in, struct wn_safety_out *out)
{
	memset(out, 0, sizeof *out);
	if (in->self_harm_last != WN_DATE_NONE && in->self_harm_last <= in->day &&
	    in->day - in->self_harm_last < WN_SAFETY_SELF_HARM_DAYS) {
		out->why = WN_SAFETY_ITEM;
		return true;
	}
	for (size_t i = 0; i < in->n && out->looked < WN_SAFETY_WINDOW; i++) {
		if (in->mood_days[i] > in->day ||
		    in->day - in->mood_days[i] >= WN_SAFETY_LOOKBACK)
			continue;
		out->looked++;
		out->low_days += in->moods[i] <= in->low_mood;
	}
	if (out->low_days >= WN_SAFETY_LOW_DAYS)
		out->why = WN_SAFETY_MOOD;
	return out->why != WN_SAFETY_NONE;
}
