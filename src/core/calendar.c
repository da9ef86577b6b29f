/* calendar.c -- the Calendar screen's month as values; see calendar.h. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "core/findings.h"
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
	*f = (struct wn_calendar_facts){
		.date = day, .today = today, .first = m->first,
		.pd = in ? &m->pd[i] : NULL,
		.step = k > 0,
		.hold = hold_on(m->plan, day),
		.finding = finding_on(m, k),
		.burden = in ? m->burden[i] : NAN,
		.unit = m->unit ? m->unit : "",
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
		.deviates = p && come && (p->pv == WN_PV_MISSED ||
		            p->pv == WN_PV_EXTRA || p->pv == WN_PV_DIFFERENT),
		.missing = p && !p->has_checkin && f->date < f->today &&
		           f->first != WN_DATE_NONE && f->date >= f->first,
		.taken = p && p->n_doses > 0,
		.shade = shade(f->burden),
		.level = level(f->burden),
		.dose_word = p && come && p->pv != WN_PV_NOPLAN
		             ? wn_plan_pv_name(p->pv) : NULL,
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

void wn_calendar_day_line(const struct wn_calendar_facts *f, const char *sep,
                          char *buf, size_t n)
{
	const struct wn_plan_day *p = f->pd;
	struct wn_calendar_status s;
	char d[WN_DATE_STRLEN], pl[32] = "-", tk[32] = "-";
	wn_calendar_day_status(f, &s);
	if (p && !isnan(p->planned))
		wn_text_num(p->planned, 3, pl, sizeof pl);
	if (s.taken)
		wn_text_num(p->taken, 3, tk, sizeof tk);
	int k = snprintf(buf, n, "%s %s: planned %s, taken %s %s",
	                 wn_date_format(f->date, d),
	                 wn_date_weekday_name(wn_date_weekday(f->date)), pl, tk, f->unit);
	if (s.dose_word)
		k = append(buf, n, k, " (%s)", s.dose_word);
	if (!isnan(f->burden))
		k = append(buf, n, k, "%sburden %.0f", sep, f->burden);
	if (f->hold)
		k = append(buf, n, k, "%sheld: %s", sep,
		           f->hold->reason ? f->hold->reason : "no reason given");
	if (f->finding)
		append(buf, n, k, "%sreview: %s", sep, f->finding->brief);
}

void wn_calendar_legend(int cols, char *buf, size_t n)
{
	static const char *const legends[] = {
		"[ ] today  * step  % review finding  H hold  ! taken != planned"
		"  ? no check-in  burden . : + #",
		"[ ] today  * step  % review  H hold  ! taken != planned"
		"  ? no check-in  burden . : + #",
		"[ ] today  * step  % review  H hold  ! off plan  ? no check-in"
		"  burden . : + #",
		"* step  % review  H hold  ! off plan  ? no check-in  burden .:+#",
		"* step  % review  H hold  ! off plan  ? no check-in",
		"*step %review Hhold !off ?none",
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
