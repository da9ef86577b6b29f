/* Unit tests for ics.c: TEXT escaping, folding at 75 octets (never inside
 * a UTF-8 character), CRLF line ends, the calendar's structure. */
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
	  .summary = "sertraline 45 mg", .description = NULL },
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
