/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ics.h -- iCalendar (RFC 5545) text for the taper schedule.  Pure: it
 * formats into a struct wn_buf (text.h) and never touches a file.
 *
 * Output: a VCALENDAR (VERSION 2.0, PRODID, CALSCALE GREGORIAN, METHOD
 * PUBLISH) holding one all-day VEVENT per event (UID, DTSTAMP, SEQUENCE,
 * DTSTART;VALUE=DATE and DTEND;VALUE=DATE the next day, SUMMARY,
 * DESCRIPTION, STATUS CONFIRMED or CANCELLED, TRANSP TRANSPARENT).
 * A calendar app that imports the file again matches events by UID and
 * takes the one with the higher SEQUENCE (RFC 5545 3.8.7.4; with METHOD,
 * DTSTAMP is when the file was made, 3.8.7.2); a CANCELLED event (3.8.1.11)
 * replaces one that no longer holds.  Every line ends in
 * CRLF and is folded to at most 75 octets (continuation lines start with
 * one space) without splitting a UTF-8 character.  TEXT values are
 * escaped: backslash, semicolon and comma get a backslash, a newline
 * (LF, CR or CRLF) becomes "\n"; other control characters are dropped and
 * invalid UTF-8 bytes become U+FFFD, so the file is always valid UTF-8.
 */
#ifndef WEAN_ICS_H
#define WEAN_ICS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"
#include "core/plan.h"
#include "core/report_facts.h"
#include "core/status.h"
#include "core/switch.h"
#include "core/taper.h"
#include "core/text.h"

#define WN_ICS_LINE_MAX 75     /* octets per line, CRLF not counted */
#define WN_ICS_STAMP 17        /* "YYYYMMDDTHHMMSSZ" + NUL */

struct wn_ics_event {
	wn_date date;              /* the day of an all-day event */
	const char *uid;           /* stable between exports; required */
	const char *summary;       /* required */
	const char *description;   /* may be NULL */
	int sequence;              /* >= 0: raised when the event changes */
	bool cancelled;            /* STATUS:CANCELLED, else CONFIRMED */
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

/* ---- a plan's events, the same from one export to the next ----------------- */

/* What an event of a plan stands for. */
enum wn_ics_kind {
	WN_ICS_STEP,           /* a step of the schedule */
	WN_ICS_REINSTATE,      /* going back up to a dose (core/plan.h) */
	WN_ICS_STAGE           /* a stage of a switch to diazepam, of the
	                          plan switched in (step: the stage, 1..) */
};

/* Whether it holds, and if not why (every state but PLANNED is
 * STATUS:CANCELLED). */
enum wn_ics_state {
	WN_ICS_PLANNED,        /* in force on its day */
	WN_ICS_HELD,           /* a step frozen by the open hold: no date
	                          until the taper resumes (the event keeps the
	                          date it had) */
	WN_ICS_SUPERSEDED,     /* going back up was recorded later on the same
	                          day: that is the day's planned dose */
	WN_ICS_REPLACED,       /* on or after the day a later plan started */
	WN_ICS_ENDED           /* of a plan no longer active, with no later
	                          plan */
};

struct wn_ics_item {
	enum wn_ics_kind kind;
	enum wn_ics_state state;
	int step;              /* STEP: index in the schedule */
	size_t event;          /* REINSTATE: index in the plan's events */
	wn_date date;          /* its day */
	int sequence;
};

/* A plan as the calendar sees it. */
struct wn_ics_plan {
	const struct wn_plan *plan;        /* with its events */
	const struct wn_schedule *sched;   /* built from it */
	wn_date replaced_on;               /* not active: the first start of
	                                      the medication's later plans, or
	                                      WN_DATE_NONE when there is none
	                                      (ended); ignored when active */
};

/* Every step (dated, or frozen at its due date) and every reinstatement
 * of the plan, by date (a step before a reinstatement of its day), each
 * with its state and SEQUENCE.  The SEQUENCE only rises from one export
 * to the next, since holds are only added and closed, reinstatements only
 * added and plans only retired: for a step 2 * moved (core/taper.h: the
 * closed holds that moved it), + 1 when HELD or SUPERSEDED, or + 2 when
 * REPLACED or ENDED; for a reinstatement 0, 1 when SUPERSEDED, 2 when
 * REPLACED or ENDED.  WN_OK with *out malloc'd (free()); WN_ERR out of
 * memory. */
int wn_ics_plan_items(const struct wn_ics_plan *p, struct wn_ics_item **out, size_t *n,
                      struct wn_err *err);

#define WN_ICS_UID 96
/* The item's UID, which no hold, resume or reinstatement changes:
 * "wean-PLAN-STEP-TOKEN@wean.local" for a step, "wean-PLAN-rEVENT-TOKEN
 * @wean.local" for a reinstatement (EVENT its id), "wean-PLAN-sSTAGE-
 * TOKEN@wean.local" for a switch's stage (PLAN the plan switched in),
 * TOKEN 8 hex digits of
 * the plan's id, medication and creation time (a plan imported into
 * another diary keeps it when it keeps its id). */
void wn_ics_item_uid(const struct wn_plan *p, const struct wn_ics_item *it,
                     char out[WN_ICS_UID]);

/* ---- the words of a taper step's event ------------------------------------ */

/* A step of a plan, with the plan's reviews (core/report_facts.h's
 * wn_report_reviews: the plan's own, then the step after each going back
 * up) for the findings that concern it. */
struct wn_ics_step {
	const char *name, *unit;                 /* the medication's */
	const struct wn_schedule *sched;
	int step;                                /* index of a step in sched */
	const struct wn_report_review *reviews;  /* may be NULL */
	size_t n_reviews;
	enum wn_ics_state state;                 /* 0: PLANNED */
	wn_date since;                           /* HELD: the hold's first day;
	                                            REPLACED: the later plan's
	                                            start; SUPERSEDED: the dose
	                                            gone back up to is `dose` */
	double dose;
	const struct wn_doses *doses;            /* the plan's doses through the
	                                            day; NULL or n < 2: one a day */
	const double *amounts;                   /* the step's doses->n doses
	                                            (core/doses.h's schedule) */
};

/* SUMMARY, a statement, not an instruction: "Planned step: 54 mg
 * sertraline", with why it no longer holds when it does not ("... (on
 * hold)", "(gone back up that day)", "(plan replaced)", "(plan ended)").
 * Appends to b; WN_OK or WN_ERR out of memory. */
int wn_ics_step_summary(const struct wn_ics_step *s, struct wn_buf *b);

/* DESCRIPTION, lines joined by "\n" (wn_ics_format escapes them): how to
 * take the dose ("How to take it: 1 x 50 mg", left out when the forms
 * cannot make it); with several doses a day, each dose ("Doses: 08:00
 * 0.5 mg, 14:00 0.5 mg, 22:00 1 mg"); the step's numbers ("Step 3 of 10: 54 mg, 54.0% of the
 * starting dose (100 mg), a cut of 10.0% from the step before."); each
 * review finding that concerns the step (whole-plan ones too), briefly, a
 * warning marked acknowledged on DATE or not ("Review (warning,
 * acknowledged on 2026-11-25): step 1 cuts 50% after rounding."); then
 * WN_PLAN_DISCLAIMER, which ends "Discuss every change with your
 * prescriber."  Never "Take:".  A step that no longer holds says why
 * first ("On hold since DATE: this step has no date until the taper is
 * resumed."), and leaves out how to take it.  Appends to b; WN_OK or
 * WN_ERR out of memory. */
int wn_ics_step_description(const struct wn_ics_step *s, struct wn_buf *b);

/* Going back up to a dose, with the review of the step after it (may be
 * NULL). */
struct wn_ics_reinstate {
	const char *name, *unit;
	const struct wn_plan_event *event;
	const struct wn_report_review *review;
	enum wn_ics_state state;
	wn_date since;                           /* REPLACED: the later plan's
	                                            start */
};
/* SUMMARY: "Back up to 50 mg sertraline (recorded)", with why it no longer
 * holds as for a step. */
int wn_ics_reinstate_summary(const struct wn_ics_reinstate *r, struct wn_buf *b);
/* DESCRIPTION: what was recorded, the reason, the findings of the review
 * of the step after it, WN_PLAN_DISCLAIMER. */
int wn_ics_reinstate_description(const struct wn_ics_reinstate *r, struct wn_buf *b);

/* ---- the words of a switch's stage (ics_switch.c) ------------------------ */

/* Stage k of a switch (core/switch.h) of FROM to diazepam. */
struct wn_ics_stage {
	const char *from, *to;                   /* the medications' names */
	const struct wn_switch *sw;
	int stage;                               /* 1 .. sw->n - 1 */
	int stage_days;                          /* each stage's length */
	enum wn_switch_table table;
	bool cancelled;                          /* the plan switched in is no
	                                            longer active */
};
/* SUMMARY: what the stage replaces and the day's combined equivalent:
 * "Switch stage 2 of 3: 14:00 dose 0.5 mg alprazolam -> 10 mg diazepam;
 * combined 40 mg diazepam-equivalent (100%)", " (plan replaced)" after
 * it when cancelled. */
int wn_ics_stage_summary(const struct wn_ics_stage *s, struct wn_buf *b);
/* DESCRIPTION: the stage's dates and what it replaces, each drug's doses
 * that day, the combined equivalent against the start, the equivalence
 * with its source (the table's column, S17), the schedule's rule and its
 * sources, then WN_PLAN_DISCLAIMER. */
int wn_ics_stage_description(const struct wn_ics_stage *s, struct wn_buf *b);

/* Building blocks, exported for tests.
 * wn_ics_escape appends the TEXT escaping of s (NUL-terminated) to b.
 * wn_ics_fold appends line[0..len) folded as described above, ending in
 * CRLF; the line must be valid UTF-8 without CR or LF (as escape makes
 * it).  Both return WN_OK or WN_ERR (out of memory). */
int wn_ics_escape(struct wn_buf *b, const char *s);
int wn_ics_fold(struct wn_buf *b, const char *line, size_t len);

#endif
