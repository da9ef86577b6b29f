/* SPDX-License-Identifier: GPL-3.0-or-later */
/* today.c -- what the Today screen shows and what typing into it means;
 * see today.h. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "core/today.h"
#include "core/vocab.h"

/* ---- fields and their values ---------------------------------------------- */

bool wn_today_is_metric(int kind)
{
	return kind == WN_TODAY_MOOD || kind == WN_TODAY_ANXIETY ||
	       kind == WN_TODAY_ENERGY || kind == WN_TODAY_SLEEP ||
	       kind == WN_TODAY_CUSTOM;
}

const char *wn_today_metric_name(const struct wn_config *cfg, int kind, int idx)
{
	switch (kind) {
	case WN_TODAY_MOOD: return "mood";
	case WN_TODAY_ANXIETY: return "anxiety";
	case WN_TODAY_ENERGY: return "energy";
	case WN_TODAY_SLEEP: return "sleep";
	default: return cfg->metrics[idx].name;
	}
}

struct wn_today_range wn_today_metric_range(const struct wn_config *cfg,
                                            int kind, int idx)
{
	if (kind == WN_TODAY_CUSTOM)
		return (struct wn_today_range){ cfg->metrics[idx].min,
		                                cfg->metrics[idx].max };
	return (struct wn_today_range){ 0, kind == WN_TODAY_SLEEP ? 24 : 10 };
}

static double custom_value(const struct wn_day *d, const char *name)
{
	for (size_t i = 0; i < d->n_metrics; i++)
		if (!strcasecmp(d->metrics[i].name, name))
			return d->metrics[i].value;
	return NAN;
}

double wn_today_metric_value(const struct wn_day *d, const struct wn_config *cfg,
                             int kind, int idx)
{
	const struct wn_checkin *c = &d->ci;
	int v = WN_UNSET;
	switch (kind) {
	case WN_TODAY_MOOD: v = c->mood; break;
	case WN_TODAY_ANXIETY: v = c->anxiety; break;
	case WN_TODAY_ENERGY: v = c->energy; break;
	case WN_TODAY_SLEEP: return c->sleep;
	default: return custom_value(d, cfg->metrics[idx].name);
	}
	return v == WN_UNSET ? NAN : v;
}

int wn_today_rating(const struct wn_day *d, long symptom_id)
{
	for (size_t i = 0; i < d->n_ratings; i++)
		if (d->ratings[i].symptom_id == symptom_id)
			return d->ratings[i].value;
	return WN_UNSET;
}

const char *wn_today_level_word(int v)
{
	static const char *const words[] = { "none", "mild", "moderate", "severe" };
	return v >= 0 && v <= 3 ? words[v] : "not rated";
}

bool wn_today_symptom_hidden(const char *list, const char *name)
{
	const char *p = list;
	size_t n = strlen(name);
	while (*p) {
		while (*p == ' ' || *p == ',')
			p++;
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		size_t t = len;
		while (t > 0 && p[t - 1] == ' ')
			t--;
		if (t == n && t > 0 && !strncasecmp(p, name, n))
			return true;
		p += len;
	}
	return false;
}

const struct wn_dose *wn_today_last_dose(const struct wn_day *d, long med_id)
{
	const struct wn_dose *best = NULL;
	for (size_t i = 0; i < d->n_doses; i++)
		if (d->doses[i].med_id == med_id &&
		    (!best || d->doses[i].minute >= best->minute))
			best = &d->doses[i];
	return best;
}

void wn_today_minute_text(int minute, char *buf, size_t n)
{
	if (minute < 0)
		snprintf(buf, n, "--:--");
	else
		snprintf(buf, n, "%02d:%02d", minute / 60, minute % 60);
}

void wn_today_local_hm(const char *utc, char *buf, size_t n)
{
	struct tm tm = { 0 };
	buf[0] = '\0';
	if (sscanf(utc, "%d-%d-%d %d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
	           &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6)
		return;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	time_t t = timegm(&tm);
	struct tm lt;
	localtime_r(&t, &lt);
	snprintf(buf, n, "%02d:%02d", lt.tm_hour, lt.tm_min);
}

/* ---- the taper ---------------------------------------------------------- */

double wn_today_planned(const struct wn_today_plan *p, wn_date day)
{
	if (!p || !p->has)
		return NAN;
	return wn_plan_planned_on(&p->plan, &p->sched, day);
}

void wn_today_plan_free(struct wn_today_plan *p)
{
	wn_plan_free(&p->plan);       /* owned with or without has: a cache */
	wn_taper_free(&p->sched);     /* entry decoded has all of them */
	wn_review_free(&p->review);
	wn_review_free(&p->up);
	p->has = p->reviewed = p->has_up = false;
}

static void fmt_num(double v, char *buf, size_t n)
{
	snprintf(buf, n, "%.6g", v);
}

void wn_today_plan_status(const struct wn_med *med, const struct wn_today_plan *p,
                          wn_date day, struct wn_buf *b)
{
	const struct wn_schedule *s = &p->sched;
	char d1[WN_DATE_STRLEN], n1[32], at[128];
	int next = wn_taper_next_step(s, day);
	if (!wn_plan_at_dose_text(&p->plan, s, day, med->unit, at, sizeof at)) {
		fmt_num(s->steps[0].dose, n1, sizeof n1);
		wn_buf_addf(b, "%s: the plan starts on %s at %s %s", med->name,
		            wn_date_format(s->steps[0].date, d1), n1, med->unit);
		return;
	}
	wn_buf_addf(b, "%s: %s", med->name, at);
	if (wn_taper_on_hold(s, day)) {
		wn_buf_addf(b, "; on hold since %s", wn_date_format(s->hold_since, d1));
	} else if (next >= 0) {
		fmt_num(s->steps[next].dose, n1, sizeof n1);
		wn_buf_addf(b, "; next step %s %s on %s", n1, med->unit,
		            wn_date_format(s->steps[next].date, d1));
	}
}

/* ---- the usual dose -------------------------------------------------------- */

size_t wn_today_usual_start(const struct wn_today_plan *plans, size_t n,
                            wn_date day, double *usual)
{
	size_t left = n;
	for (size_t m = 0; m < n; m++) {
		double planned = plans ? wn_today_planned(&plans[m], day) : NAN;
		usual[m] = planned > 0 ? planned : NAN;
		if (planned > 0)
			left--;
	}
	return left;
}

size_t wn_today_usual_take(const struct wn_day *d, const struct wn_med *med,
                           size_t n, double *usual)
{
	size_t left = 0;
	for (size_t m = 0; m < n; m++) {
		const struct wn_dose *dose = wn_today_last_dose(d, med[m].id);
		if (isnan(usual[m]) && dose && dose->amount > 0)    /* not a skip */
			usual[m] = dose->amount;
		if (isnan(usual[m]))
			left++;
	}
	return left;
}

void wn_today_recent_add(struct wn_today_recent *r, const struct wn_day_summary *s)
{
	if (s->n_doses > 0)
		r->date[r->n++ % WN_TODAY_RECENT] = s->date;
}

size_t wn_today_recent_count(const struct wn_today_recent *r)
{
	return r->n < WN_TODAY_RECENT ? r->n : WN_TODAY_RECENT;
}

wn_date wn_today_recent_at(const struct wn_today_recent *r, size_t k)
{
	return r->date[(r->n - 1 - k) % WN_TODAY_RECENT];
}

/* ---- a dose line ------------------------------------------------------------ */

/* The day's doses of the medication, "50 mg at 08:00, ..." ("skipped"
 * for a dose recorded as not taken); their total into *taken and their
 * number into *n; returns the bytes written. */
static size_t list_doses(const struct wn_today_dose_line *l, char *buf, size_t n,
                         double *taken, int *count)
{
	size_t used = 0;
	*taken = 0;
	*count = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < l->day->n_doses && used + 1 < n; i++) {
		const struct wn_dose *d = &l->day->doses[i];
		if (d->med_id != l->med->id)
			continue;
		char amt[32], hm[16];
		fmt_num(d->amount, amt, sizeof amt);
		wn_today_minute_text(d->minute, hm, sizeof hm);
		*taken += d->amount;
		(*count)++;
		if (d->amount > 0)
			used += (size_t)snprintf(buf + used, n - used, "%s%s %s at %s",
			                         used ? ", " : "", amt, l->med->unit, hm);
	}
	return used;
}

bool wn_today_dose_text(const struct wn_today_dose_line *l, char *buf, size_t n)
{
	double taken;
	int count;
	char amt[32], detail[160];
	size_t used = list_doses(l, buf, n, &taken, &count);
	enum wn_dose_status s = wn_vocab_dose(l->planned, taken, count);
	struct wn_vocab_dose_in in = { .status = s, .planned = l->planned, .taken = taken,
	                               .unit = l->med->unit };
	wn_vocab_dose_detail(&in, detail, sizeof detail);
	if (s == WN_DOSE_SKIPPED || (count > 0 && used == 0)) {
		snprintf(buf, n, "%s%sx removes it", s == WN_DOSE_SKIPPED ? detail :
		         "skipped (not taken)", l->sep);
	} else if (count > 0 && s == WN_DOSE_DIFFERENT && used + 1 < n) {
		fmt_num(l->planned, amt, sizeof amt);
		snprintf(buf + used, n - used, " (%s planned %s)", wn_vocab_dose_mark(s), amt);
	} else if (count > 0 && s == WN_DOSE_AS_PLANNED && used + 1 < n) {
		snprintf(buf + used, n - used, " (as planned)");
	} else if (count == 0 && !isnan(l->usual)) {
		fmt_num(l->usual, amt, sizeof amt);
		snprintf(buf, n, "not recorded%sd logs the %s %s %s", l->sep,
		         fabs(l->usual - l->planned) < 1e-9 ? "planned" : "usual", amt,
		         l->med->unit);
	} else if (count == 0) {
		snprintf(buf, n, "not recorded%sEnter to log a dose", l->sep);
	}
	return count > 0;
}

int wn_today_parse_dose(const char *s, int now_minute, double *amount,
                        int *minute)
{
	char *end;
	*amount = strtod(s, &end);
	if (end == s || !isfinite(*amount) || *amount <= 0)
		return WN_USAGE;
	while (*end && !isdigit((unsigned char)*end))
		end++;
	*minute = now_minute;
	if (!*end)
		return WN_OK;
	int h, m;
	char tail;
	if (sscanf(end, "%d:%d %c", &h, &m, &tail) != 2 || h < 0 || h > 23 ||
	    m < 0 || m > 59)
		return WN_USAGE;
	*minute = h * 60 + m;
	return WN_OK;
}

/* ---- typing values ----------------------------------------------------- */

static bool whole_number(int kind)
{
	return kind == WN_TODAY_MOOD || kind == WN_TODAY_ANXIETY ||
	       kind == WN_TODAY_ENERGY;
}

void wn_today_typing_reset(struct wn_today_typing *t)
{
	t->acc[0] = '\0';
}

int wn_today_type(struct wn_today_typing *t, const struct wn_today_key *k,
                  double *value)
{
	bool cont = t->acc[0] && t->kind == k->kind && t->idx == k->idx &&
	            k->ms - t->ms < WN_TODAY_TYPE_MS && strlen(t->acc) < 7;
	char next[sizeof t->acc + 2];
	snprintf(next, sizeof next, "%s%c", cont ? t->acc : "", k->c);
	if (k->c == '.') {
		if (whole_number(k->kind) || strchr(cont ? t->acc : "", '.'))
			return WN_TODAY_TYPED_NO_DOT;
		if (!cont)
			snprintf(next, sizeof next, "0.");
	} else if (cont && strtod(next, NULL) > k->range.hi) {
		snprintf(next, sizeof next, "%c", k->c);
	}
	snprintf(t->acc, sizeof t->acc, "%.10s", next);
	t->kind = k->kind;
	t->idx = k->idx;
	t->ms = k->ms;
	double v = strtod(next, NULL);
	if (k->kind == WN_TODAY_SLEEP)
		v = round(v * 2) / 2;
	if (v < k->range.lo || v > k->range.hi)
		return WN_TODAY_TYPED_RANGE;
	*value = v;
	return k->c == '.' ? WN_TODAY_TYPED_WAIT : WN_TODAY_TYPED_SET;
}

int wn_today_parse_value(int kind, const char *text, struct wn_today_range r,
                         double *v)
{
	char *end;
	if (text[strspn(text, " ")] == '\0') {
		*v = NAN;
		return WN_OK;
	}
	double x = strtod(text, &end);
	end += strspn(end, " ");
	if (*end || !isfinite(x) || x < r.lo || x > r.hi)
		return WN_USAGE;
	if (kind == WN_TODAY_SLEEP)
		x = round(x * 2) / 2;
	else if (kind != WN_TODAY_CUSTOM)
		x = round(x);
	*v = x;
	return WN_OK;
}

double wn_today_step_metric(int kind, double v, struct wn_today_range r, int dir)
{
	double step = kind == WN_TODAY_SLEEP ? 0.5 : 1;
	v = isnan(v) ? (kind == WN_TODAY_SLEEP ? 7 : r.lo) : v + dir * step;
	return v >= r.lo && v <= r.hi ? v : NAN;
}

bool wn_today_step_rating(int v, int dir, int *out)
{
	v = v == WN_UNSET ? (dir > 0 ? 1 : 0) : v + dir;
	*out = v;
	return v >= 0 && v <= 3;
}

int wn_today_cycle_rating(int v)
{
	return v == WN_UNSET ? 1 : (v + 1) % 4;
}
