/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for ics.c: TEXT escaping, folding at 75 octets (never inside
 * a UTF-8 character), CRLF line ends, the calendar's structure; a plan's
 * events: UIDs no hold changes, SEQUENCE only rising, what is cancelled
 * and why (issue 18). */
#include <criterion/criterion.h>

#include <stdio.h>
#include <string.h>

#include "core/ics.h"
#include "core/plan.h"
#include "core/text.h"

#define N_OF(a) (sizeof(a) / sizeof *(a))

struct esc_case {
	const char *in, *out;
};

static const struct esc_case esc_cases[] = {
	{ .in = "plain text", .out = "plain text" },
	{ .in = "a;b,c\\d", .out = "a\\;b\\,c\\\\d" },
	{ .in = "two\nlines", .out = "two\\nlines" },
	{ .in = "dos\r\nline", .out = "dos\\nline" },
	{ .in = "old mac\rline", .out = "old mac\\nline" },
	{ .in = "tab\tkept", .out = "tab\tkept" },
	{ .in = "bell\adropped\x1b[0m", .out = "belldropped[0m" },
	{ .in = "del\x7f and c1 \xc2\x85gone", .out = "del and c1 gone" },
	{ .in = "bad \xff byte", .out = "bad \xef\xbf\xbd byte" },
	{ .in = "cut \xe6\x97", .out = "cut \xef\xbf\xbd\xef\xbf\xbd" },
	{ .in = "日本語 — ok", .out = "日本語 — ok" },
	{ .in = "", .out = "" },
};

Test(ics, text_escaping)
{
	for (size_t i = 0; i < N_OF(esc_cases); i++) {
		struct wn_buf b;
		wn_buf_init(&b);
		cr_assert_eq(wn_ics_escape(&b, esc_cases[i].in), WN_OK);
		cr_expect_str_eq(b.s, esc_cases[i].out, "case %zu", i);
		cr_expect(wn_text_valid_utf8(b.s, b.len), "case %zu stays valid UTF-8", i);
		wn_buf_free(&b);
	}
}

/* Splits folded output into physical lines and checks each: ends in CRLF,
 * at most 75 octets, valid UTF-8; for one folded line (one_line), every
 * line after the first starts with a space.  Returns the unfolded text of
 * one line (malloc'd), or the lines joined as they are. */
static char *check_lines(const char *s, size_t len, bool one_line, int *lines)
{
	struct wn_buf u;
	wn_buf_init(&u);
	*lines = 0;
	size_t i = 0;
	while (i < len) {
		const char *crlf = strstr(s + i, "\r\n");
		cr_assert_not_null(crlf, "line %d ends in CRLF", *lines);
		size_t n = (size_t)(crlf - (s + i));
		cr_expect_leq(n, 75, "line %d: %zu octets", *lines, n);
		cr_expect(wn_text_valid_utf8(s + i, n), "line %d is whole characters", *lines);
		cr_expect_null(memchr(s + i, '\n', n), "no bare LF");
		if (one_line && *lines > 0) {
			cr_expect_eq(s[i], ' ', "continuation starts with a space");
			wn_buf_add(&u, s + i + 1, n - 1);
		} else {
			wn_buf_add(&u, s + i, n);
		}
		(*lines)++;
		i += n + 2;
	}
	return wn_buf_detach(&u);
}

Test(ics, folding_of_ascii)
{
	char line[201];
	for (int i = 0; i < 200; i++)
		line[i] = (char)('a' + i % 26);
	line[200] = '\0';
	struct wn_buf b;
	wn_buf_init(&b);
	cr_assert_eq(wn_ics_fold(&b, line, 200), WN_OK);
	int n;
	char *back = check_lines(b.s, b.len, true, &n);
	cr_expect_str_eq(back, line);
	cr_expect_eq(n, 3, "75 + 74 + 51 octets");
	cr_expect_eq(memcmp(b.s + 75, "\r\n ", 3), 0, "the first line is full");
	free(back);
	wn_buf_free(&b);

	wn_buf_init(&b);
	cr_assert_eq(wn_ics_fold(&b, line, 75), WN_OK);
	cr_expect_eq(b.len, 77, "exactly 75 octets is not folded");
	wn_buf_reset(&b);
	cr_assert_eq(wn_ics_fold(&b, line, 0), WN_OK);
	cr_expect_str_eq(b.s, "\r\n");
	wn_buf_free(&b);
}

/* Every multi-byte width at every position around the 75-octet boundary. */
Test(ics, folding_never_splits_a_character)
{
	static const char *const chars[] = { "é", "—", "日", "😀" };
	for (size_t c = 0; c < N_OF(chars); c++) {
		for (int pad = 65; pad <= 80; pad++) {
			char line[400];
			memset(line, 'x', (size_t)pad);
			line[pad] = '\0';
			for (int k = 0; k < 20; k++)
				strcat(line, chars[c]);
			struct wn_buf b;
			wn_buf_init(&b);
			cr_assert_eq(wn_ics_fold(&b, line, strlen(line)), WN_OK);
			int n;
			char *back = check_lines(b.s, b.len, true, &n);
			cr_expect_str_eq(back, line, "%s after %d octets", chars[c], pad);
			cr_expect_geq(n, 2);
			free(back);
			wn_buf_free(&b);
		}
	}
}

static const struct wn_ics_event events[] = {
	{ .date = 20458, .uid = "wean-1-0-20260105@wean.local",
	  .summary = "Planned step: 50 mg sertraline",
	  .description = "How to take it: 1 x 50 mg\nStep 0 of 2; the start, with commas, semicolons; "
	                 "and a long tail so that this line has to be folded somewhere" },
	{ .date = 20818, .uid = "wean-1-1-20261231@wean.local",
	  .summary = "sertraline 45 mg", .description = NULL, .sequence = 3, .cancelled = true },
};

Test(ics, calendar_structure)
{
	struct wn_ics_calendar cal = { .prodid = "-//wean//wean test//EN", .name = "wean",
	                               .dtstamp = "20261125T000000Z", .events = events,
	                               .n_events = N_OF(events) };
	struct wn_buf b;
	wn_buf_init(&b);
	struct wn_err err = { 0 };
	cr_assert_eq(wn_ics_format(&b, &cal, &err), WN_OK, "%s", err.msg);
	const char *head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//wean//wean test//EN\r\n"
	                   "CALSCALE:GREGORIAN\r\n";
	cr_expect_eq(strncmp(b.s, head, strlen(head)), 0, "%.120s", b.s);
	cr_expect_str_eq(b.s + b.len - strlen("END:VCALENDAR\r\n"), "END:VCALENDAR\r\n");
	static const char *const wanted[] = {
		"\r\nBEGIN:VEVENT\r\nUID:wean-1-0-20260105@wean.local\r\nDTSTAMP:20261125T000000Z\r\n",
		"\r\nDTSTART;VALUE=DATE:20260105\r\nDTEND;VALUE=DATE:20260106\r\n",
		"\r\nDTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n",
		"\r\nSUMMARY:Planned step: 50 mg sertraline\r\n",
		"\r\nDESCRIPTION:How to take it: 1 x 50 mg\\nStep 0 of 2\\; the start\\, with",
		"\r\nX-WR-CALNAME:wean\r\n",
		"\r\nTRANSP:TRANSPARENT\r\nEND:VEVENT\r\n",
		"\r\nDTSTAMP:20261125T000000Z\r\nSEQUENCE:0\r\nDTSTART;VALUE=DATE:20260105\r\n",
		"\r\nDTSTAMP:20261125T000000Z\r\nSEQUENCE:3\r\nDTSTART;VALUE=DATE:20261231\r\n",
		"\r\nSTATUS:CONFIRMED\r\nTRANSP:TRANSPARENT\r\n",
		"\r\nSUMMARY:sertraline 45 mg\r\nSTATUS:CANCELLED\r\nTRANSP:TRANSPARENT\r\n",
	};
	for (size_t i = 0; i < N_OF(wanted); i++)
		cr_expect_not_null(strstr(b.s, wanted[i]), "missing %s", wanted[i]);
	cr_expect_null(strstr(b.s, "DESCRIPTION:\r\n"), "no empty DESCRIPTION");
	int n;
	char *back = check_lines(b.s, b.len, false, &n);
	cr_expect_gt(n, 20);
	cr_expect_not_null(strstr(b.s, "\r\n "), "the long DESCRIPTION is folded");
	free(back);
	wn_buf_free(&b);
}

Test(ics, refusals_leave_the_buffer_alone)
{
	struct wn_ics_event bad = { .date = 20458, .uid = "", .summary = "x" };
	struct wn_ics_calendar cals[] = {
		{ .prodid = "p", .dtstamp = "20261125" },
		{ .prodid = "p", .dtstamp = "2026-11-25T00:00:00Z" },
		{ .prodid = "", .dtstamp = "20261125T000000Z" },
		{ .prodid = "p", .dtstamp = "20261125T000000Z", .events = &bad, .n_events = 1 },
		{ .prodid = "p", .dtstamp = "20261125T000000Z", .n_events = 1 },
	};
	for (size_t i = 0; i < N_OF(cals); i++) {
		struct wn_buf b;
		wn_buf_init(&b);
		struct wn_err err = { 0 };
		cr_expect_eq(wn_ics_format(&b, &cals[i], &err), WN_USAGE, "case %zu", i);
		cr_expect_eq(b.len, 0, "case %zu", i);
		cr_expect_neq(err.msg[0], '\0');
		wn_buf_free(&b);
	}
}

Test(ics, stamps)
{
	char s[WN_ICS_STAMP];
	wn_ics_stamp(20417, 0, s);            /* 2025-11-25 */
	cr_expect_str_eq(s, "20251125T000000Z");
	wn_ics_stamp(20782, 3723, s);         /* 2026-11-25 01:02:03 */
	cr_expect_str_eq(s, "20261125T010203Z");
	wn_ics_stamp(20782, 86399, s);
	cr_expect_str_eq(s, "20261125T235959Z");
	wn_ics_stamp(20782, 90000, s);        /* out of range: midnight */
	cr_expect_str_eq(s, "20261125T000000Z");
}

/* ---- the words of a step's event ---------------------------------------------- */

static struct wn_taper_step steps[] = {
	{ .date = 20458, .dose = 100, .pct_of_start = 100, .how = "2 x 50 mg" },
	{ .date = 20486, .dose = 54, .pct_of_start = 54, .pct_cut = 46, .how = "" },
	{ .date = 20514, .dose = 0, .pct_of_start = 0, .pct_cut = 100, .how = "none" },
};
static const struct wn_schedule sched = { .steps = steps, .n = 3, .n_dated = 3 };

static struct wn_report_finding plan_findings[] = {
	{ .f = { .level = WN_REVIEW_WARNING, .step = 1, .step_to = 1,
	         .brief = "step 1 cuts 46% after rounding" },
	  .acked = true, .acked_on = "2026-01-02" },
	{ .f = { .level = WN_REVIEW_CAUTION, .step = -1, .step_to = -1,
	         .brief = "no forms: doses rounded to 0.01 mg" } },
	{ .f = { .level = WN_REVIEW_INFO, .step = 2, .step_to = 2,
	         .brief = "step 2 stops from 54 mg" } },
};
static struct wn_report_finding back_up[] = {
	{ .f = { .level = WN_REVIEW_WARNING, .step = 1, .step_to = 1,
	         .brief = "the step after going back up cuts 46%" } },
};
static const struct wn_report_review reviews[] = {
	{ .reinstated = WN_DATE_NONE, .findings = plan_findings, .n_findings = 3 },
	{ .reinstated = 20480, .dose = 100, .findings = back_up, .n_findings = 1 },
};

static char *step_words(int i, bool summary)
{
	struct wn_ics_step st = { .name = "sertraline", .unit = "mg", .sched = &sched,
	                          .step = i, .reviews = reviews, .n_reviews = 2 };
	struct wn_buf b;
	wn_buf_init(&b);
	cr_assert_eq(summary ? wn_ics_step_summary(&st, &b) : wn_ics_step_description(&st, &b),
	             WN_OK);
	return wn_buf_detach(&b);
}

Test(ics, step_summary_states_the_planned_dose)
{
	for (int i = 0; i < 3; i++) {
		static const char *const want[] = { "Planned step: 100 mg sertraline",
		                                    "Planned step: 54 mg sertraline",
		                                    "Planned step: 0 mg sertraline" };
		char *s = step_words(i, true);
		cr_expect_str_eq(s, want[i]);
		free(s);
	}
}

Test(ics, step_description_with_its_findings)
{
	char *s = step_words(1, false);
	cr_expect_str_eq(s, "Step 1 of 2: 54 mg, 54.0% of the starting dose (100 mg), a cut of "
	                 "46.0% from the step before.\n"
	                 "Review (warning, acknowledged on 2026-01-02): step 1 cuts 46% after "
	                 "rounding.\n"
	                 "Review (caution): no forms: doses rounded to 0.01 mg.\n"
	                 "Review (warning, not acknowledged): the step after going back up cuts "
	                 "46%.\n\n" WN_PLAN_DISCLAIMER);
	free(s);
	s = step_words(0, false);
	cr_expect_str_eq(s, "How to take it: 2 x 50 mg\n"
	                 "Step 0 of 2: 100 mg, 100.0% of the starting dose (100 mg).\n"
	                 "Review (caution): no forms: doses rounded to 0.01 mg.\n\n"
	                 WN_PLAN_DISCLAIMER);
	free(s);
	s = step_words(2, false);
	cr_expect_not_null(strstr(s, "Review (note): step 2 stops from 54 mg.\n"));
	cr_expect_null(strstr(s, "Take:"));
	cr_expect_null(strstr(s, "none"), "a dose of 0 has no 'how to take it'");
	size_t len = strlen(s), tail = strlen("Discuss every change with your prescriber.");
	cr_expect_str_eq(s + len - tail, "Discuss every change with your prescriber.");
	free(s);
}

/* ---- a plan's events ---------------------------------------------------------- */

#define D(y, m, d) wn_date_from_ymd(y, m, d)

/* A percent plan from 2026-01-05, a step every 14 days, with holds and
 * reinstatements as given; its schedule built. */
struct fixture {
	struct wn_plan plan;
	struct wn_hold holds[4];
	struct wn_plan_event events[6];
	struct wn_schedule sched;
};

static void build(struct fixture *f, const struct wn_hold *holds, int n_holds,
                  const struct wn_plan_event *reinst, size_t n_reinst)
{
	memset(f, 0, sizeof *f);
	f->plan = (struct wn_plan){ .id = 7, .med_id = 3, .active = true,
	                            .created = "2026-01-04 10:11:12" };
	wn_taper_params_init(&f->plan.params);
	struct wn_taper_params *t = &f->plan.params;
	t->method = WN_TAPER_PERCENT;
	t->start = D(2026, 1, 5);
	t->from_dose = 40;
	t->step = 10;
	t->every_days = 14;
	t->round_q = 0.5;
	t->max_steps = 8;
	for (int i = 0; i < n_holds; i++) {
		f->holds[i] = holds[i];
		f->events[f->plan.n_events++] = (struct wn_plan_event){
			.id = 100 + i, .kind = WN_PLAN_HOLD, .start = holds[i].start, .end = holds[i].end };
	}
	for (size_t i = 0; i < n_reinst; i++)
		f->events[f->plan.n_events++] = reinst[i];
	f->plan.events = f->events;
	t->holds = f->holds;
	t->n_holds = n_holds;
	struct wn_err err = { 0 };
	cr_assert_eq(wn_taper_build(t, &f->sched, &err), WN_OK, "%s", err.msg);
}

static size_t items_of(const struct fixture *f, wn_date replaced_on, struct wn_ics_item **v)
{
	struct wn_ics_plan p = { .plan = &f->plan, .sched = &f->sched, .replaced_on = replaced_on };
	size_t n;
	struct wn_err err = { 0 };
	cr_assert_eq(wn_ics_plan_items(&p, v, &n, &err), WN_OK, "%s", err.msg);
	return n;
}

/* The item of step k, or of the reinstatement with event id `id`. */
static const struct wn_ics_item *find_item(const struct wn_ics_item *v, size_t n, int k, long id,
                                           const struct fixture *f)
{
	for (size_t i = 0; i < n; i++)
		if ((k >= 0 && v[i].kind == WN_ICS_STEP && v[i].step == k) ||
		    (k < 0 && v[i].kind == WN_ICS_REINSTATE && f->plan.events[v[i].event].id == id))
			return &v[i];
	cr_assert_fail("no item %d / %ld", k, id);
	return NULL;
}

Test(ics, steps_moved_by_a_closed_hold_keep_their_uid_and_raise_sequence)
{
	struct fixture a, b;
	build(&a, NULL, 0, NULL, 0);
	const struct wn_hold h = { D(2026, 1, 25), D(2026, 2, 4) };    /* 10 days */
	build(&b, &h, 1, NULL, 0);
	struct wn_ics_item *va, *vb;
	size_t na = items_of(&a, WN_DATE_NONE, &va), nb = items_of(&b, WN_DATE_NONE, &vb);
	cr_assert_eq(na, 8);
	cr_assert_eq(nb, 8);
	for (int k = 0; k < 8; k++) {
		const struct wn_ics_item *x = find_item(va, na, k, 0, &a), *y = find_item(vb, nb, k, 0, &b);
		char ua[WN_ICS_UID], ub[WN_ICS_UID];
		wn_ics_item_uid(&a.plan, x, ua);
		wn_ics_item_uid(&b.plan, y, ub);
		cr_expect_str_eq(ua, ub, "step %d keeps its UID", k);
		cr_expect_eq(x->state, WN_ICS_PLANNED);
		cr_expect_eq(y->state, WN_ICS_PLANNED);
		cr_expect_eq(x->sequence, 0);
		bool moved = x->date >= h.start;          /* steps 2.. (2026-02-02 on) */
		cr_expect_eq(y->date, x->date + (moved ? 10 : 0), "step %d", k);
		cr_expect_eq(y->sequence, moved ? 2 : 0, "step %d", k);
	}
	char uid[WN_ICS_UID];
	wn_ics_item_uid(&a.plan, &va[3], uid);
	cr_expect_eq(strncmp(uid, "wean-7-3-", 9), 0, "%s", uid);
	cr_expect_eq(strlen(uid), strlen("wean-7-3-12345678@wean.local"), "%s", uid);
	cr_expect_str_eq(uid + strlen(uid) - 11, "@wean.local");
	a.plan.created[18] = '3';                  /* another plan: another token */
	char other[WN_ICS_UID];
	wn_ics_item_uid(&a.plan, &va[3], other);
	cr_expect_str_neq(uid, other);
	free(va);
	free(vb);
	wn_taper_free(&a.sched);
	wn_taper_free(&b.sched);
}

Test(ics, steps_frozen_by_an_open_hold_are_cancelled_at_the_date_they_had)
{
	struct fixture f;
	const struct wn_hold h = { D(2026, 1, 25), WN_DATE_NONE };
	build(&f, &h, 1, NULL, 0);
	struct wn_ics_item *v;
	size_t n = items_of(&f, WN_DATE_NONE, &v);
	cr_assert_eq(n, 8);
	for (int k = 0; k < 8; k++) {
		const struct wn_ics_item *it = find_item(v, n, k, 0, &f);
		bool held = k >= 2;
		cr_expect_eq(it->state, held ? WN_ICS_HELD : WN_ICS_PLANNED, "step %d", k);
		cr_expect_eq(it->sequence, held ? 1 : 0, "step %d", k);
		cr_expect_eq(it->date, D(2026, 1, 5) + 14 * k, "step %d at its date", k);
	}
	struct wn_ics_step st = { .name = "citalopram", .unit = "mg", .sched = &f.sched, .step = 3,
	                          .state = WN_ICS_HELD };
	struct wn_buf b;
	wn_buf_init(&b);
	wn_ics_step_summary(&st, &b);
	cr_expect_str_eq(b.s, "Planned step: 29.5 mg citalopram (on hold)");
	wn_buf_reset(&b);
	wn_ics_step_description(&st, &b);
	static const char held[] = "On hold since 2026-01-25: this step has no date until the"
	                           " taper is resumed";
	cr_expect_eq(strncmp(b.s, held, strlen(held)), 0, "%s", b.s);
	cr_expect_null(strstr(b.s, "How to take it"));
	wn_buf_free(&b);
	free(v);
	wn_taper_free(&f.sched);
}

Test(ics, going_back_up_is_an_event_and_replaces_a_step_of_its_day)
{
	struct fixture f;
	const struct wn_plan_event up[] = {
		{ .id = 200, .kind = WN_PLAN_REINSTATE, .start = D(2026, 1, 26), .end = D(2026, 1, 26),
		  .dose = 40, .reason = "zaps" },
		{ .id = 201, .kind = WN_PLAN_REINSTATE, .start = D(2026, 2, 16), .end = D(2026, 2, 16),
		  .dose = 36 },                            /* the day of step 3 */
	};
	build(&f, NULL, 0, up, 2);
	struct wn_ics_item *v;
	size_t n = items_of(&f, WN_DATE_NONE, &v);
	cr_assert_eq(n, 10);
	for (size_t i = 1; i < n; i++)
		cr_expect_leq(v[i - 1].date, v[i].date, "by date");
	const struct wn_ics_item *r0 = find_item(v, n, -1, 200, &f), *r1 = find_item(v, n, -1, 201, &f);
	const struct wn_ics_item *s3 = find_item(v, n, 3, 0, &f);
	cr_expect_eq(r0->state, WN_ICS_PLANNED);
	cr_expect_eq(r0->date, D(2026, 1, 26));
	cr_expect_eq(r1->state, WN_ICS_PLANNED);
	cr_expect_eq(s3->state, WN_ICS_SUPERSEDED);
	cr_expect_eq(s3->sequence, 1);
	cr_expect_eq(s3 + 1, r1, "the step comes before going back up on its day");
	char uid[WN_ICS_UID];
	wn_ics_item_uid(&f.plan, r0, uid);
	cr_expect_eq(strncmp(uid, "wean-7-r200-", 12), 0, "%s", uid);
	struct wn_ics_reinstate r = { .name = "citalopram", .unit = "mg", .event = &f.events[0] };
	struct wn_buf b;
	wn_buf_init(&b);
	wn_ics_reinstate_summary(&r, &b);
	cr_expect_str_eq(b.s, "Back up to 40 mg citalopram");
	wn_buf_reset(&b);
	wn_ics_reinstate_description(&r, &b);
	cr_expect_str_eq(b.s, "Going back up to 40 mg citalopram was recorded for this day, as the"
	                 " planned dose until the next step.\nReason: zaps\n\n" WN_PLAN_DISCLAIMER);
	wn_buf_free(&b);
	free(v);
	wn_taper_free(&f.sched);
}

Test(ics, a_retired_plan_cancels_what_falls_after_the_next_plan_started)
{
	struct fixture f;
	const struct wn_hold h = { D(2026, 1, 25), D(2026, 2, 4) };
	const struct wn_plan_event up = { .id = 300, .kind = WN_PLAN_REINSTATE,
	                                  .start = D(2026, 3, 1), .end = D(2026, 3, 1), .dose = 40 };
	build(&f, &h, 1, &up, 1);
	f.plan.active = false;
	struct wn_ics_item *v;
	wn_date cut = D(2026, 2, 20);
	size_t n = items_of(&f, cut, &v);
	for (size_t i = 0; i < n; i++) {
		bool after = v[i].date >= cut;
		cr_expect_eq(v[i].state, after ? WN_ICS_REPLACED : WN_ICS_PLANNED, "item %zu", i);
		int base = v[i].kind == WN_ICS_STEP ? 2 * f.sched.steps[v[i].step].moved : 0;
		cr_expect_eq(v[i].sequence, base + (after ? 2 : 0), "item %zu", i);
	}
	free(v);
	n = items_of(&f, WN_DATE_NONE, &v);           /* no later plan: ended */
	for (size_t i = 0; i < n; i++)
		cr_expect_eq(v[i].state, WN_ICS_ENDED, "item %zu", i);
	free(v);
	wn_taper_free(&f.sched);
}

/* A plan's history as a person makes it: hold, resume, hold again, go back
 * up, retire.  From each export to the next every item keeps its UID, and
 * its SEQUENCE never falls and rises whenever its date or state changes. */
Test(ics, sequence_rises_whenever_an_event_changes)
{
	const struct wn_hold h1o = { D(2026, 1, 25), WN_DATE_NONE };
	const struct wn_hold h1 = { D(2026, 1, 25), D(2026, 2, 10) };
	const struct wn_hold h2o = { D(2026, 3, 20), WN_DATE_NONE };
	const struct wn_hold h2 = { D(2026, 3, 20), D(2026, 3, 21) };
	const struct wn_hold hist[][2] = { { { 0 } }, { h1o }, { h1 }, { h1, h2o }, { h1, h2 },
	                                   { h1, h2 }, { h1, h2 } };
	const int n_holds[] = { 0, 1, 1, 2, 2, 2, 2 };
	const struct wn_plan_event up = { .id = 400, .kind = WN_PLAN_REINSTATE,
	                                  .start = D(2026, 4, 1), .end = D(2026, 4, 1), .dose = 40 };
	int seq[9], state[9];
	wn_date date[9];
	for (int t = 0; t < 7; t++) {
		struct fixture f;
		build(&f, hist[t], n_holds[t], &up, t >= 5 ? 1 : 0);
		if (t == 6)
			f.plan.active = false;
		struct wn_ics_item *v;
		size_t n = items_of(&f, t == 6 ? D(2026, 3, 1) : WN_DATE_NONE, &v);
		for (int k = 0; k < 8; k++) {
			const struct wn_ics_item *it = find_item(v, n, k, 0, &f);
			if (t > 0) {
				bool changed = it->date != date[k] || (int)it->state != state[k];
				cr_expect_geq(it->sequence, seq[k], "t %d step %d", t, k);
				if (changed)
					cr_expect_gt(it->sequence, seq[k], "t %d step %d changed", t, k);
			}
			seq[k] = it->sequence;
			state[k] = (int)it->state;
			date[k] = it->date;
		}
		free(v);
		wn_taper_free(&f.sched);
	}
}
