/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ics.c -- RFC 5545 text: escaping, folding, the calendar and its events,
 * and the words of a taper step's event. */
#include "core/ics.h"
#include "core/plan.h"

#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char replacement[] = "\xef\xbf\xbd";   /* U+FFFD */

/* One decoded character of s at *i (advanced); returns its escaped form
 * in out (NUL-terminated, possibly empty). */
static void escape_char(const char *s, size_t len, size_t *i, char out[8])
{
	int32_t cp;
	size_t n = wn_text_decode(s + *i, len - *i, &cp);
	out[0] = '\0';
	if (cp == '\r' && *i + 1 < len && s[*i + 1] == '\n') {
		*i += 1;            /* CRLF: the LF makes the newline */
		return;
	}
	*i += n;
	if (cp == '\\' || cp == ';' || cp == ',')
		snprintf(out, 8, "\\%c", (char)cp);
	else if (cp == '\n' || cp == '\r')
		strcpy(out, "\\n");
	else if (cp == WN_TEXT_INVALID)
		strcpy(out, replacement);
	else if (cp == '\t' || !wn_text_is_control(cp)) {
		memcpy(out, s + *i - n, n);
		out[n] = '\0';
	}
}

int wn_ics_escape(struct wn_buf *b, const char *s)
{
	size_t len = s ? strlen(s) : 0;
	for (size_t i = 0; i < len;) {
		char out[8];
		escape_char(s, len, &i, out);
		if (out[0] && wn_buf_adds(b, out) != WN_OK)
			return WN_ERR;
	}
	return b->failed ? WN_ERR : WN_OK;
}

int wn_ics_fold(struct wn_buf *b, const char *line, size_t len)
{
	size_t used = 0;          /* octets on the current output line */
	for (size_t i = 0; i < len;) {
		int32_t cp;
		size_t n = wn_text_decode(line + i, len - i, &cp);
		if (used + n > WN_ICS_LINE_MAX) {
			wn_buf_add(b, "\r\n ", 3);
			used = 1;
		}
		wn_buf_add(b, line + i, n);
		used += n;
		i += n;
	}
	return wn_buf_add(b, "\r\n", 2);
}

/* "NAME:VALUE" (value escaped when text) as one folded line. */
static int prop(struct wn_buf *b, const char *name, const char *value, bool text)
{
	struct wn_buf line;
	wn_buf_init(&line);
	wn_buf_adds(&line, name);
	wn_buf_addc(&line, ':');
	int rc = text ? wn_ics_escape(&line, value) : wn_buf_adds(&line, value);
	if (rc == WN_OK && !line.failed)
		rc = wn_ics_fold(b, line.s, line.len);
	else
		rc = WN_ERR;
	wn_buf_free(&line);
	return rc;
}

static void ymd_compact(wn_date d, char out[9])
{
	char iso[WN_DATE_STRLEN];
	wn_date_format(d, iso);     /* "YYYY-MM-DD" */
	memcpy(out, iso, 4);
	memcpy(out + 4, iso + 5, 2);
	memcpy(out + 6, iso + 8, 2);
	out[8] = '\0';
}

void wn_ics_stamp(wn_date day, long seconds, char out[WN_ICS_STAMP])
{
	char ymd[9];
	if (seconds < 0 || seconds > 86399)
		seconds = 0;
	ymd_compact(day, ymd);
	snprintf(out, WN_ICS_STAMP, "%sT%02ld%02ld%02ldZ", ymd, seconds / 3600 % 100,
	         seconds / 60 % 60, seconds % 60);
}

static bool stamp_ok(const char *s)
{
	if (!s || strlen(s) != 16 || s[8] != 'T' || s[15] != 'Z')
		return false;
	for (int i = 0; i < 15; i++)
		if (i != 8 && (s[i] < '0' || s[i] > '9'))
			return false;
	return true;
}

static int event(struct wn_buf *b, const struct wn_ics_calendar *cal,
                 const struct wn_ics_event *e)
{
	char start[9], end[9];
	ymd_compact(e->date, start);
	ymd_compact(e->date + 1, end);
	prop(b, "BEGIN", "VEVENT", false);
	prop(b, "UID", e->uid, true);
	char seq[16];
	snprintf(seq, sizeof seq, "%d", e->sequence > 0 ? e->sequence : 0);
	prop(b, "DTSTAMP", cal->dtstamp, false);
	prop(b, "SEQUENCE", seq, false);
	prop(b, "DTSTART;VALUE=DATE", start, false);
	prop(b, "DTEND;VALUE=DATE", end, false);
	prop(b, "SUMMARY", e->summary, true);
	if (e->description && *e->description)
		prop(b, "DESCRIPTION", e->description, true);
	prop(b, "STATUS", e->cancelled ? "CANCELLED" : "CONFIRMED", false);
	prop(b, "TRANSP", "TRANSPARENT", false);
	return prop(b, "END", "VEVENT", false);
}

static int check_calendar(const struct wn_ics_calendar *cal, struct wn_err *err)
{
	if (!cal || !cal->prodid || !*cal->prodid)
		return wn_err_set(err, WN_USAGE, "a calendar needs a PRODID");
	if (!stamp_ok(cal->dtstamp))
		return wn_err_set(err, WN_USAGE, "DTSTAMP must be YYYYMMDDTHHMMSSZ");
	if (cal->n_events && !cal->events)
		return wn_err_set(err, WN_USAGE, "no events given");
	for (size_t i = 0; i < cal->n_events; i++)
		if (!cal->events[i].uid || !*cal->events[i].uid ||
		    !cal->events[i].summary || !*cal->events[i].summary)
			return wn_err_set(err, WN_USAGE, "event %zu needs a UID and a SUMMARY", i + 1);
	return WN_OK;
}

int wn_ics_format(struct wn_buf *b, const struct wn_ics_calendar *cal,
                  struct wn_err *err)
{
	int rc = check_calendar(cal, err);
	if (rc != WN_OK)
		return rc;
	prop(b, "BEGIN", "VCALENDAR", false);
	prop(b, "VERSION", "2.0", false);
	prop(b, "PRODID", cal->prodid, true);
	prop(b, "CALSCALE", "GREGORIAN", false);
	prop(b, "METHOD", "PUBLISH", false);
	if (cal->name && *cal->name)
		prop(b, "X-WR-CALNAME", cal->name, true);
	for (size_t i = 0; i < cal->n_events; i++)
		event(b, cal, &cal->events[i]);
	prop(b, "END", "VCALENDAR", false);
	if (b->failed)
		return wn_err_set(err, WN_ERR, "out of memory");
	return WN_OK;
}

/* ---- a plan's events ------------------------------------------------------------ */

/* By date; on one day a step first, then the reinstatements in the
 * plan's order (the last is the day's planned dose, core/plan.h). */
static int item_cmp(const void *a, const void *b)
{
	const struct wn_ics_item *x = a, *y = b;
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind == WN_ICS_STEP ? -1 : 1;
	size_t i = x->kind == WN_ICS_STEP ? (size_t)x->step : x->event;
	size_t j = y->kind == WN_ICS_STEP ? (size_t)y->step : y->event;
	return (i > j) - (i < j);
}

static void step_item(const struct wn_schedule *s, int k, struct wn_ics_item *it)
{
	const struct wn_taper_step *st = &s->steps[k];
	bool held = st->date == WN_DATE_NONE;
	*it = (struct wn_ics_item){ .kind = WN_ICS_STEP, .step = k,
	                            .state = held ? WN_ICS_HELD : WN_ICS_PLANNED,
	                            .date = held ? st->due : st->date,
	                            .sequence = 2 * st->moved + (held ? 1 : 0) };
}

/* Superseded: an item in force followed by going back up the same day;
 * then, for a plan no longer active, replaced or ended. */
static void settle(const struct wn_ics_plan *p, struct wn_ics_item *v, size_t n)
{
	for (size_t i = 0; i + 1 < n; i++)
		if (v[i].state == WN_ICS_PLANNED && v[i + 1].date == v[i].date &&
		    v[i + 1].kind == WN_ICS_REINSTATE) {
			v[i].state = WN_ICS_SUPERSEDED;
			v[i].sequence++;
		}
	for (size_t i = 0; !p->plan->active && i < n; i++) {
		bool ended = p->replaced_on == WN_DATE_NONE;
		if (!ended && v[i].date < p->replaced_on)
			continue;
		v[i].state = ended ? WN_ICS_ENDED : WN_ICS_REPLACED;
		v[i].sequence = v[i].kind == WN_ICS_STEP ?
		                2 * p->sched->steps[v[i].step].moved + 2 : 2;
	}
}

int wn_ics_plan_items(const struct wn_ics_plan *p, struct wn_ics_item **out, size_t *n,
                      struct wn_err *err)
{
	const struct wn_plan *pl = p->plan;
	size_t cap = (size_t)p->sched->n + pl->n_events, k = 0;
	struct wn_ics_item *v = malloc((cap ? cap : 1) * sizeof *v);
	*out = NULL;
	*n = 0;
	if (!v)
		return wn_err_set(err, WN_ERR, "out of memory");
	for (int i = 0; i < p->sched->n; i++)
		step_item(p->sched, i, &v[k++]);
	for (size_t i = 0; i < pl->n_events; i++)
		if (pl->events[i].kind == WN_PLAN_REINSTATE)
			v[k++] = (struct wn_ics_item){ .kind = WN_ICS_REINSTATE, .event = i,
			                               .date = pl->events[i].start };
	qsort(v, k, sizeof *v, item_cmp);
	settle(p, v, k);
	*out = v;
	*n = k;
	return WN_OK;
}

/* FNV-1a of what never changes about a plan. */
static uint32_t plan_token(const struct wn_plan *p)
{
	char key[96];
	uint32_t h = 2166136261u;
	snprintf(key, sizeof key, "%ld|%ld|%s", p->id, p->med_id, p->created);
	for (const char *c = key; *c; c++) {
		h ^= (unsigned char)*c;
		h *= 16777619u;
	}
	return h;
}

void wn_ics_item_uid(const struct wn_plan *p, const struct wn_ics_item *it,
                     char out[WN_ICS_UID])
{
	unsigned long token = plan_token(p);
	if (it->kind == WN_ICS_STEP)
		snprintf(out, WN_ICS_UID, "wean-%ld-%d-%08lx@wean.local", p->id, it->step, token);
	else if (it->kind == WN_ICS_STAGE)
		snprintf(out, WN_ICS_UID, "wean-%ld-s%d-%08lx@wean.local", p->id, it->step, token);
	else
		snprintf(out, WN_ICS_UID, "wean-%ld-r%ld-%08lx@wean.local", p->id,
		         p->events[it->event].id, token);
}

/* ---- the words of a taper step's event ------------------------------------- */

static const char *const state_words[] = {
	[WN_ICS_PLANNED] = "", [WN_ICS_HELD] = " (on hold)",
	[WN_ICS_SUPERSEDED] = " (gone back up that day)",
	[WN_ICS_REPLACED] = " (plan replaced)", [WN_ICS_ENDED] = " (plan ended)",
};

static const char *state_word(enum wn_ics_state s)
{
	return (unsigned)s <= WN_ICS_ENDED ? state_words[s] : "";
}

int wn_ics_step_summary(const struct wn_ics_step *s, struct wn_buf *b)
{
	char n[32];
	wn_buf_addf(b, "Planned step: %s %s %s%s",
	            wn_text_num(s->sched->steps[s->step].dose, 3, n, sizeof n), s->unit, s->name,
	            state_word(s->state));
	return b->failed ? WN_ERR : WN_OK;
}

/* Why a step or a reinstatement no longer holds, as its first line. */
static void why_line(struct wn_buf *b, enum wn_ics_state state, wn_date since,
                     const char *what)
{
	char d[WN_DATE_STRLEN];
	if (state == WN_ICS_REPLACED)
		wn_buf_addf(b, "A later plan entered in wean started on %s: this %s is no"
		            " longer planned.\n", wn_date_format(since, d), what);
	else if (state == WN_ICS_ENDED)
		wn_buf_addf(b, "This plan is no longer active in wean: this %s is no longer"
		            " planned.\n", what);
}

static bool concerns(const struct wn_review_finding *f, int step)
{
	int to = f->step_to > f->step ? f->step_to : f->step;
	return f->step < 0 || (step >= f->step && step <= to);
}

static void finding_line(struct wn_buf *b, const struct wn_report_finding *f)
{
	static const char *const names[] = {
		[WN_REVIEW_INFO] = "note", [WN_REVIEW_CAUTION] = "caution",
		[WN_REVIEW_WARNING] = "warning",
	};
	const char *level = (unsigned)f->f.level <= WN_REVIEW_WARNING ? names[f->f.level] : "?";
	wn_buf_addf(b, "Review (%s", level);
	if (f->f.level == WN_REVIEW_WARNING && f->acked)
		wn_buf_addf(b, ", acknowledged on %s", f->acked_on);
	else if (f->f.level == WN_REVIEW_WARNING)
		wn_buf_adds(b, ", not acknowledged");
	wn_buf_addf(b, "): %s.\n", f->f.brief);
}

/* The first line of a step that no longer holds. */
static void step_why(const struct wn_ics_step *s, struct wn_buf *b)
{
	char d[WN_DATE_STRLEN], n[32];
	if (s->state == WN_ICS_HELD)
		wn_buf_addf(b, "On hold since %s: this step has no date until the taper is"
		            " resumed, and comes back with its new date then.\n",
		            wn_date_format(s->sched->hold_since, d));
	else if (s->state == WN_ICS_SUPERSEDED)
		wn_buf_addf(b, "Going back up to %s %s was recorded for this day: that is the"
		            " planned dose from this day until the next step.\n",
		            wn_text_num(s->dose, 3, n, sizeof n), s->unit);
	else
		why_line(b, s->state, s->since, "step");
}

/* "Doses: 08:00 0.5 mg, 14:00 0.5 mg, 22:00 1 mg" */
static void doses_line(const struct wn_ics_step *s, struct wn_buf *b)
{
	char n1[32];
	wn_buf_adds(b, "Doses:");
	for (int i = 0; i < s->doses->n; i++)
		wn_buf_addf(b, "%s %02d:%02d %s %s", i ? "," : "", s->doses->minute[i] / 60,
		            s->doses->minute[i] % 60, wn_text_num(s->amounts[i], 3, n1, sizeof n1),
		            s->unit);
	wn_buf_adds(b, "\n");
}

int wn_ics_step_description(const struct wn_ics_step *s, struct wn_buf *b)
{
	const struct wn_taper_step *st = &s->sched->steps[s->step];
	char how[WN_TAPER_HOW * 2], n1[32], n2[32];
	wn_plan_unit_text(st->how, s->unit, how, sizeof how);
	if (s->state != WN_ICS_PLANNED)
		step_why(s, b);
	else if (how[0] && strcmp(how, "none") != 0)
		wn_buf_addf(b, "How to take it: %s\n", how);
	if (s->state == WN_ICS_PLANNED && s->doses && s->doses->n >= 2 && s->amounts)
		doses_line(s, b);
	double first = s->sched->steps[0].dose;
	wn_buf_addf(b, "Step %d of %d: %s %s", s->step, s->sched->n - 1,
	            wn_text_num(st->dose, 3, n1, sizeof n1), s->unit);
	if (isfinite(st->pct_of_start))
		wn_buf_addf(b, ", %.1f%% of the starting dose (%s %s)", st->pct_of_start,
		            wn_text_num(first, 3, n2, sizeof n2), s->unit);
	else
		wn_buf_addf(b, " (the plan starts at %s %s)", wn_text_num(first, 3, n2, sizeof n2),
		            s->unit);
	if (s->step > 0) {
		double prev = s->sched->steps[s->step - 1].dose;
		if (prev <= 0 && st->dose > 0)
			wn_buf_addf(b, ", up from %s %s the step before",
			            wn_text_num(prev, 3, n2, sizeof n2), s->unit);
		else if (prev > 0)
			wn_buf_addf(b, ", a %s of %.1f%% from the step before",
			            st->dose > prev ? "rise" : "cut",
			            fabs(prev - st->dose) / prev * 100.0);
	}
	wn_buf_adds(b, ".\n");
	for (size_t i = 0; s->state == WN_ICS_PLANNED && s->reviews && i < s->n_reviews; i++)
		for (size_t k = 0; k < s->reviews[i].n_findings; k++)
			if (concerns(&s->reviews[i].findings[k].f, s->step))
				finding_line(b, &s->reviews[i].findings[k]);
	wn_buf_adds(b, "\n" WN_PLAN_DISCLAIMER);
	return b->failed ? WN_ERR : WN_OK;
}

/* ---- the words of going back up ------------------------------------------------- */

static const char *const reinstate_words[] = {
	[WN_ICS_PLANNED] = "", [WN_ICS_HELD] = "",
	[WN_ICS_SUPERSEDED] = " (changed the same day)",
	[WN_ICS_REPLACED] = " (plan replaced)", [WN_ICS_ENDED] = " (plan ended)",
};

int wn_ics_reinstate_summary(const struct wn_ics_reinstate *r, struct wn_buf *b)
{
	char n[32];
	wn_buf_addf(b, "Back up to %s %s %s%s", wn_text_num(r->event->dose, 3, n, sizeof n),
	            r->unit, r->name,
	            (unsigned)r->state <= WN_ICS_ENDED ? reinstate_words[r->state] : "");
	return b->failed ? WN_ERR : WN_OK;
}

int wn_ics_reinstate_description(const struct wn_ics_reinstate *r, struct wn_buf *b)
{
	char n[32];
	if (r->state == WN_ICS_SUPERSEDED)
		wn_buf_adds(b, "Another dose was recorded later for the same day: that one is"
		            " the day's planned dose.\n");
	else
		why_line(b, r->state, r->since, "dose");
	wn_buf_addf(b, "Going back up to %s %s %s was recorded for this day, as the planned"
	            " dose until the next step.\n", wn_text_num(r->event->dose, 3, n, sizeof n),
	            r->unit, r->name);
	if (r->event->reason && *r->event->reason)
		wn_buf_addf(b, "Reason: %s\n", r->event->reason);
	for (size_t k = 0; r->state == WN_ICS_PLANNED && r->review &&
	     k < r->review->n_findings; k++)
		finding_line(b, &r->review->findings[k]);
	wn_buf_adds(b, "\n" WN_PLAN_DISCLAIMER);
	return b->failed ? WN_ERR : WN_OK;
}
