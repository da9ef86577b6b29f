/* proposal.c -- the days the hold rules need; see proposal.h. */
#include "core/proposal.h"

wn_date wn_proposal_last_cut(const struct wn_schedule *s, wn_date day)
{
	wn_date cut = WN_DATE_NONE;
	for (int k = 1; k < s->n_dated; k++)
		if (s->steps[k].date <= day && s->steps[k].dose < s->steps[k - 1].dose)
			cut = s->steps[k].date;
	return cut;
}

bool wn_proposal_window(const struct wn_config *c, const struct wn_schedule *s,
                        wn_date day, struct wn_proposal_window *w)
{
	if (!c->hold_enabled || !s || s->n == 0)
		return false;
	wn_date cut = wn_proposal_last_cut(s, day);
	int back = c->hold_burden_days > c->hold_sleep_nights ?
	           c->hold_burden_days : c->hold_sleep_nights;
	wn_date from = day - back + 1;
	if (cut != WN_DATE_NONE && cut - c->hold_baseline_days < from)
		from = cut - c->hold_baseline_days;
	if (day - from + 1 > WN_PROPOSAL_MAX_DAYS) {   /* an old cut: only sleep */
		cut = WN_DATE_NONE;
		from = day - back + 1;
	}
	*w = (struct wn_proposal_window){ .last_cut = cut, .from = from,
	                                  .n = (int)(day - from + 1) };
	return true;
}
