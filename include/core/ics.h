/* ics.h -- iCalendar (RFC 5545) text for the taper schedule.  Pure: it
 * formats into a struct wn_buf (text.h) and never touches a file.
 *
 * Output: a VCALENDAR (VERSION 2.0, PRODID, CALSCALE GREGORIAN, METHOD
 * PUBLISH) holding one all-day VEVENT per event (DTSTART;VALUE=DATE and
 * DTEND;VALUE=DATE the next day, TRANSP TRANSPARENT).  Every line ends in
 * CRLF and is folded to at most 75 octets (continuation lines start with
 * one space) without splitting a UTF-8 character.  TEXT values are
 * escaped: backslash, semicolon and comma get a backslash, a newline
 * (LF, CR or CRLF) becomes "\n"; other control characters are dropped and
 * invalid UTF-8 bytes become U+FFFD, so the file is always valid UTF-8.
 */
#ifndef WEAN_ICS_H
#define WEAN_ICS_H

#include <stddef.h>

#include "core/date.h"
#include "core/report_facts.h"
#include "core/status.h"
#include "core/taper.h"
#include "core/text.h"

#define WN_ICS_LINE_MAX 75     /* octets per line, CRLF not counted */
#define WN_ICS_STAMP 17        /* "YYYYMMDDTHHMMSSZ" + NUL */

struct wn_ics_event {
	wn_date date;              /* the day of an all-day event */
	const char *uid;           /* stable between exports; required */
	const char *summary;       /* required */
	const char *description;   /* may be NULL */
};

struct wn_ics_calendar {
	const char *prodid;        /* e.g. "-//wean//wean 0.1.0//EN"; required */
	const char *name;          /* X-WR-CALNAME, may be NULL */
	const char *dtstamp;       /* UTC, "YYYYMMDDTHHMMSSZ" (wn_ics_stamp) */
	const struct wn_ics_event *events;
	size_t n_events;
};

/* Appends the whole calendar to b.  Returns WN_OK; WN_USAGE when a
 * required field is missing or dtstamp is malformed (b then unchanged in
 * length); WN_ERR when out of memory. */
int wn_ics_format(struct wn_buf *b, const struct wn_ics_calendar *cal,
                  struct wn_err *err);

/* A UTC time stamp for DTSTAMP: day plus seconds into it (0..86399). */
void wn_ics_stamp(wn_date day, long seconds, char out[WN_ICS_STAMP]);

/* ---- the words of a taper step's event ------------------------------------ */

/* A dated step of a plan, with the plan's reviews (core/report_facts.h's
 * wn_report_reviews: the plan's own, then the step after each going back
 * up) for the findings that concern it. */
struct wn_ics_step {
	const char *name, *unit;                 /* the medication's */
	const struct wn_schedule *sched;
	int step;                                /* index of a step in sched */
	const struct wn_report_review *reviews;  /* may be NULL */
	size_t n_reviews;
};

/* SUMMARY, a statement, not an instruction: "Planned step: 54 mg
 * sertraline".  Appends to b; WN_OK or WN_ERR out of memory. */
int wn_ics_step_summary(const struct wn_ics_step *s, struct wn_buf *b);

/* DESCRIPTION, lines joined by "\n" (wn_ics_format escapes them): how to
 * take the dose ("How to take it: 1 x 50 mg", left out when the forms
 * cannot make it); the step's numbers ("Step 3 of 10: 54 mg, 54.0% of the
 * starting dose (100 mg), a cut of 10.0% from the step before."); each
 * review finding that concerns the step (whole-plan ones too), briefly, a
 * warning marked acknowledged on DATE or not ("Review (warning,
 * acknowledged on 2026-11-25): step 1 cuts 50% after rounding."); then
 * WN_PLAN_DISCLAIMER, which ends "Discuss every change with your
 * prescriber."  Never "Take:".  Appends to b; WN_OK or WN_ERR out of
 * memory. */
int wn_ics_step_description(const struct wn_ics_step *s, struct wn_buf *b);

/* Building blocks, exported for tests.
 * wn_ics_escape appends the TEXT escaping of s (NUL-terminated) to b.
 * wn_ics_fold appends line[0..len) folded as described above, ending in
 * CRLF; the line must be valid UTF-8 without CR or LF (as escape makes
 * it).  Both return WN_OK or WN_ERR (out of memory). */
int wn_ics_escape(struct wn_buf *b, const char *s);
int wn_ics_fold(struct wn_buf *b, const char *line, size_t len);

#endif
