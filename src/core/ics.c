/* ics.c -- RFC 5545 text: escaping, folding, the calendar and its events,
 * and the words of a taper step's event. */
#include "core/ics.h"
#include "core/plan.h"

#include <stdint.h>
#include <stdio.h>
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
	prop(b, "DTSTAMP", cal->dtstamp, false);
	prop(b, "DTSTART;VALUE=DATE", start, false);
	prop(b, "DTEND;VALUE=DATE", end, false);
	prop(b, "SUMMARY", e->summary, true);
	if (e->description && *e->description)
		prop(b, "DESCRIPTION", e->description, true);
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

/* ---- the words of a taper step's event ------------------------------------- */

int wn_ics_step_summary(const struct wn_ics_step *s, struct wn_buf *b)
{
	char n[32];
	wn_buf_addf(b, "Planned step: %s %s %s",
	            wn_text_num(s->sched->steps[s->step].dose, 3, n, sizeof n), s->unit, s->name);
	return b->failed ? WN_ERR : WN_OK;
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

int wn_ics_step_description(const struct wn_ics_step *s, struct wn_buf *b)
{
	const struct wn_taper_step *st = &s->sched->steps[s->step];
	char how[WN_TAPER_HOW * 2], n1[32], n2[32];
	wn_plan_unit_text(st->how, s->unit, how, sizeof how);
	if (how[0] && strcmp(how, "none") != 0)
		wn_buf_addf(b, "How to take it: %s\n", how);
	wn_buf_addf(b, "Step %d of %d: %s %s, %.1f%% of the starting dose (%s %s)", s->step,
	            s->sched->n - 1, wn_text_num(st->dose, 3, n1, sizeof n1), s->unit,
	            st->pct_of_start, wn_text_num(s->sched->steps[0].dose, 3, n2, sizeof n2),
	            s->unit);
	if (s->step > 0)
		wn_buf_addf(b, ", a cut of %.1f%% from the step before", st->pct_cut);
	wn_buf_adds(b, ".\n");
	for (size_t i = 0; s->reviews && i < s->n_reviews; i++)
		for (size_t k = 0; k < s->reviews[i].n_findings; k++)
			if (concerns(&s->reviews[i].findings[k].f, s->step))
				finding_line(b, &s->reviews[i].findings[k]);
	wn_buf_adds(b, "\n" WN_PLAN_DISCLAIMER);
	return b->failed ? WN_ERR : WN_OK;
}
