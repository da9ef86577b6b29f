/* SPDX-License-Identifier: GPL-3.0-or-later */
/* calendar.c -- the Calendar screen's month as values; see calendar.h. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "core/findings.h"
#include "core/today_doses.h"
#include "core/text.h"

/* The step (after the start) dated d, or -1. */
static int step_on(const struct wn_schedule *s, wn_date d)
{
	for (int k = 1; s && k < s->n_dated; k++)
		if (s->steps[k].date == d)
			return k;
	return -1;
}

/* The worst finding of the month's reviews on step k. */
static const struct wn_review_finding *finding_on(const struct wn_calendar_month *m,
                                                  int k)
{
	const struct wn_review_finding *best = NULL;
	for (size_t i = 0; k >= 0 && m->reviews && i < m->n_reviews; i++) {
		const struct wn_review_finding *f = wn_findings_on_step(&m->reviews[i], k);
		if (f && (!best || f->level > best->level))
			best = f;
	}
	return best;
}

static const struct wn_plan_event *hold_on(const struct wn_plan *p, wn_date d)
{
	for (size_t i = 0; p && i < p->n_events; i++) {
		const struct wn_plan_event *e = &p->events[i];
		if (e->kind == WN_PLAN_HOLD && d >= e->start &&
		    (e->end == WN_DATE_NONE || d < e->end))
			return e;
	}
	return NULL;
}

void wn_calendar_facts(const struct wn_calendar_month *m, wn_date day,
                       wn_date today, struct wn_calendar_facts *f)
{
	long i = day - m->grid.cell[0][0];
	bool in = i >= 0 && i < WN_CALENDAR_CELLS;
	int k = m->plan ? step_on(m->sched, day) : -1;
	const struct wn_day_summary *s = in ? &m->day[i] : NULL;
	*f = (struct wn_calendar_facts){
		.date = day, .today = today, .first = m->first,
		.pd = in ? &m->pd[i] : NULL,
		.step = k > 0,
		.hold = hold_on(m->plan, day),
		.finding = finding_on(m, k),
		.recorded = s && wn_vocab_summary_recorded(s),
		.flag = s && s->flag,
		.burden = s ? wn_vocab_burden(s->n_ratings, s->burden) : NAN,
		.unit = m->unit ? m->unit : "",
		.med = m->med ? m->med : "",
	};
}

static char shade(double b)
{
	if (isnan(b) || b < 1)
		return ' ';
	return b < 5 ? '.' : b < 10 ? ':' : b < 20 ? '+' : '#';
}

static int level(double b)
{
	if (isnan(b) || b < 5)
		return 0;
	return b < 10 ? 1 : b < 20 ? 2 : 3;
}

void wn_calendar_day_status(const struct wn_calendar_facts *f,
                            struct wn_calendar_status *s)
{
	const struct wn_plan_day *p = f->pd;
	bool come = f->date <= f->today;
	*s = (struct wn_calendar_status){
		.step = f->step,
		.finding = f->step && f->finding,
		.held = f->hold != NULL,
		.flagged = f->flag,
		.dose = p && come ? p->status : WN_DOSE_NOT_PLANNED,
		.missing = !f->recorded && f->date < f->today &&
		           f->first != WN_DATE_NONE && f->date >= f->first,
		.taken = p && p->n_doses > 0,
		.shade = shade(f->burden),
		.level = level(f->burden),
	};
}

/* Appends to buf (n bytes, k used so far); returns the new k, kept at
 * n or more once the text is cut. */
static int append(char *buf, size_t n, int k, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static int append(char *buf, size_t n, int k, const char *fmt, ...)
{
	if (k < 0 || (size_t)k >= n)
		return k;
	va_list ap;
	va_start(ap, fmt);
	k += vsnprintf(buf + k, n - (size_t)k, fmt, ap);
	va_end(ap);
	return k;
}

/* The dose part into buf: "sertraline 18 mg, as planned"; a day to
 * come, "sertraline planned 16 mg"; "" when there is nothing to say. */
static void dose_part(const struct wn_calendar_facts *f, const struct wn_calendar_status *s,
                      char *buf, size_t n)
{
	const struct wn_plan_day *p = f->pd;
	char d[160], a[32];
	const char *sp = f->med[0] ? " " : "";
	buf[0] = '\0';
	if (!p)
		return;
	if (f->date > f->today) {
		if (!isnan(p->planned))
			snprintf(buf, n, "%s%splanned %s %s", f->med, sp,
			         wn_text_num(p->planned, 3, a, sizeof a), f->unit);
		return;
	}
	if (s->dose == WN_DOSE_NOT_PLANNED && !s->taken)
		return;
	struct wn_vocab_dose_in in = { .status = s->dose, .planned = p->planned,
	                               .taken = s->taken ? p->taken : NAN, .unit = f->unit };
	wn_vocab_dose_detail(&in, d, sizeof d);
	snprintf(buf, n, "%s%s%s", f->med, sp, d);
}

void wn_calendar_day_line(const struct wn_calendar_facts *f, const char *sep,
                          char *buf, size_t n)
{
	struct wn_calendar_status s;
	char d[WN_DATE_STRLEN], dose[224];
	wn_calendar_day_status(f, &s);
	dose_part(f, &s, dose, sizeof dose);
	int k = snprintf(buf, n, "%s %s: %s", wn_date_format(f->date, d),
	                 wn_date_weekday_name(wn_date_weekday(f->date)),
	                 f->date > f->today ? (dose[0] ? "" : "not yet") :
	                 f->recorded ? "recorded" : "no record");
	const char *next = f->date > f->today ? "" : sep;
	if (dose[0])
		k = append(buf, n, k, "%s%s", next, dose);
	if (!isnan(f->burden))
		k = append(buf, n, k, "%sburden %.0f", sep, f->burden);
	if (f->flag)
		k = append(buf, n, k, "%sflagged", sep);
	if (f->hold)
		k = append(buf, n, k, "%sheld: %s", sep,
		           f->hold->reason ? f->hold->reason : "no reason given");
	if (f->finding)
		append(buf, n, k, "%sreview: %s", sep, f->finding->brief);
}

void wn_calendar_legend(int cols, char *buf, size_t n)
{
	static const char *const legends[] = {
		"[ ] today  * step  % review finding  H hold  ! flagged  ~ dose differs"
		"  s skipped  - not recorded  ? no record  burden . : + #",
		"[ ] today  * step  % review  H hold  ! flagged  ~ differs  s skipped"
		"  - not recorded  ? no record  burden .:+#",
		"* step  % review  H hold  ! flagged  ~ differs  s skipped"
		"  - not recorded  ? no record  burden .:+#",
		"*step %review Hhold !flagged ~differs s skipped -not recorded ?no record .:+#",
		"*step %review Hhold !flag ~differs s skip -not rec. ?none",
		"*step %rev H !flag ~ s ?none",
	};
	size_t last = sizeof legends / sizeof *legends - 1, i = 0;
	while (i < last && wn_text_width(legends[i]) > cols)
		i++;
	snprintf(buf, n, "%s", legends[i]);
}

struct wn_calendar_geom wn_calendar_geometry(int body_top, int body_rows, int cols)
{
	struct wn_calendar_geom g;
	g.y = body_top + 2;
	g.bottom = body_top + body_rows - 3;
	g.ch = (g.bottom - g.y) / 6;
	if (g.ch > 4)
		g.ch = 4;
	if (g.ch < 1)
		g.ch = 1;
	g.bottom = g.y + 6 * g.ch;
	g.cw = (cols - 2) / 7;
	if (g.cw > 18)
		g.cw = 18;
	return g;
}

/* ---- doses through the day ----------------------------------------------------- */

void wn_calendar_doses_text(const struct wn_calendar_doses_in *in, char *line, size_t n)
{
	double planned[WN_DOSES_MAX];
	struct wn_today_slot sl[WN_DOSES_MAX];
	if (wn_plan_doses_on(in->plan, in->sched, in->day, planned) < 2)
		return;
	int k = wn_today_slots(&in->plan->doses, planned, in->rec, in->med_id, sl);
	size_t used = strlen(line);
	bool untimed = false;           /* a dose without a time (a day skipped
	                                   whole, a total): no status per dose */
	for (size_t i = 0; !in->future && in->rec && i < in->rec->n_doses; i++)
		untimed = untimed || (in->rec->doses[i].med_id == in->med_id &&
		                      in->rec->doses[i].minute < 0);
	for (int i = 0; i < k && used < n; i++) {
		char p[32], t[32], amt[96] = "";
		wn_text_num(sl[i].planned, 3, p, sizeof p);
		wn_text_num(sl[i].taken, 3, t, sizeof t);
		if (in->future || untimed) {
			used += (size_t)snprintf(line + used, n - used, "%s%s%02d:%02d %s %s%s",
			                         i ? ", " : in->sep, i ? "" : in->future ? "doses " :
			                         "planned ", sl[i].minute / 60, sl[i].minute % 60, p,
			                         in->unit, untimed && i == k - 1 ?
			                         " (what was taken has no times)" : "");
			continue;
		}
		if (sl[i].status == WN_DOSE_AS_PLANNED || sl[i].status == WN_DOSE_DIFFERENT)
			snprintf(amt, sizeof amt, "%s %s ", t, in->unit);
		used += (size_t)snprintf(line + used, n - used, "%s%02d:%02d %s%s",
		                         i ? ", " : in->sep, sl[i].minute / 60, sl[i].minute % 60,
		                         amt, wn_vocab_dose_word(sl[i].status));
		if (used < n && sl[i].status != WN_DOSE_AS_PLANNED && sl[i].planned > 0)
			used += (size_t)snprintf(line + used, n - used, " (planned %s %s)", p, in->unit);
	}
}
