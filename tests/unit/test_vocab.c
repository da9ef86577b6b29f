/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_vocab.c -- the one vocabulary of a day's status (core/vocab.h):
 * recorded or not, a planned dose's status and its words, the burden,
 * the counts, the time at a dose and the marks; hand-computed. */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "core/vocab.h"

#define N NAN
#define D(y, m, d) wn_date_from_ymd((y), (m), (d))

/* ---- recorded ---------------------------------------------------------------- */

Test(vocab, anything_entered_records_a_day)
{
	struct wn_vocab_facts none = { 0 };
	cr_expect_not(wn_vocab_recorded(&none), "nothing entered: no record");
	struct wn_vocab_facts one[] = {
		{ .checkin = true }, { .ratings = 1 }, { .metrics = 1 }, { .doses = 1 },
		{ .qnotes = 1 }, { .questions = 2 },
	};
	for (size_t i = 0; i < sizeof one / sizeof *one; i++)
		cr_expect(wn_vocab_recorded(&one[i]), "fact %zu alone records the day", i);
}

Test(vocab, a_loaded_day_and_a_summary)
{
	struct wn_rating r = { 1, 0 };
	struct wn_day d = { .ratings = &r, .n_ratings = 1 };
	struct wn_vocab_facts f;
	wn_vocab_facts_of_day(&d, &f);
	cr_expect(!f.checkin && f.ratings == 1 && wn_vocab_recorded(&f),
	          "ratings only: recorded without a check-in");
	memset(&d, 0, sizeof d);
	wn_vocab_facts_of_day(&d, &f);
	cr_expect_not(wn_vocab_recorded(&f));
	struct wn_day_summary s = { .n_other = 1 };
	cr_expect(wn_vocab_summary_recorded(&s), "a quick note, question or metric");
	s = (struct wn_day_summary){ .n_doses = 1 };
	cr_expect(wn_vocab_summary_recorded(&s), "a dose alone (a skipped one too)");
	s = (struct wn_day_summary){ .mood = WN_UNSET };
	cr_expect_not(wn_vocab_summary_recorded(&s));
}

Test(vocab, burden_is_empty_without_ratings)
{
	cr_expect(isnan(wn_vocab_burden(0, 0)), "no ratings: empty, not 0");
	cr_expect_eq(wn_vocab_burden(3, 0), 0, "ratings of 0 give 0");
	cr_expect_eq(wn_vocab_burden(2, 5), 5);
}

/* ---- a planned dose -------------------------------------------------------------- */

struct dose_case {
	double planned, taken;
	int n;
	enum wn_dose_status want;
};

static const struct dose_case dose_cases[] = {
	{ .planned = 50, .taken = 50, .n = 1, .want = WN_DOSE_AS_PLANNED },
	{ .planned = 50, .taken = 50, .n = 2, .want = WN_DOSE_AS_PLANNED },
	{ .planned = 40.5, .taken = 40.5 + 1e-9, .n = 1, .want = WN_DOSE_AS_PLANNED },
	{ .planned = 50, .taken = 60, .n = 1, .want = WN_DOSE_DIFFERENT },
	{ .planned = 50, .taken = 45, .n = 1, .want = WN_DOSE_DIFFERENT },
	{ .planned = 0, .taken = 5, .n = 1, .want = WN_DOSE_DIFFERENT },
	{ .planned = 50, .taken = 0, .n = 1, .want = WN_DOSE_SKIPPED },
	{ .planned = 0, .taken = 0, .n = 1, .want = WN_DOSE_AS_PLANNED },
	/* a check-in without a dose is not a missed dose */
	{ .planned = 50, .taken = 0, .n = 0, .want = WN_DOSE_NOT_RECORDED },
	{ .planned = 50, .taken = 99, .n = 0, .want = WN_DOSE_NOT_RECORDED },
	{ .planned = 0, .taken = 0, .n = 0, .want = WN_DOSE_NOT_PLANNED },
	{ .planned = N, .taken = 5, .n = 1, .want = WN_DOSE_NOT_PLANNED },
	{ .planned = N, .taken = 0, .n = 0, .want = WN_DOSE_NOT_PLANNED },
};

Test(vocab, a_planned_dose)
{
	for (size_t i = 0; i < sizeof dose_cases / sizeof *dose_cases; i++) {
		const struct dose_case *c = &dose_cases[i];
		enum wn_dose_status got = wn_vocab_dose(c->planned, c->taken, c->n);
		cr_expect_eq(got, c->want, "case %zu: planned %g taken %g (%d): %s, want %s", i,
		             c->planned, c->taken, c->n, wn_vocab_dose_word(got),
		             wn_vocab_dose_word(c->want));
	}
}

Test(vocab, words_marks_and_their_way_back)
{
	static const char *const words[] = { "as planned", "different", "skipped",
	                                     "not recorded", "not planned" };
	static const char *const marks[] = { "", "~", "s", "-", "" };
	for (int s = 0; s < WN_DOSE_N; s++) {
		cr_expect_str_eq(wn_vocab_dose_word(s), words[s]);
		cr_expect_str_eq(wn_vocab_dose_mark(s), marks[s]);
		cr_expect_eq(wn_vocab_dose_parse(words[s]), s);
		cr_expect_eq(wn_vocab_dose_deviates(s), s == WN_DOSE_DIFFERENT ||
		             s == WN_DOSE_SKIPPED, "%s deviates", words[s]);
		cr_expect_eq(wn_vocab_dose_recorded(s), s <= WN_DOSE_SKIPPED, "%s recorded",
		             words[s]);
	}
	cr_expect_eq(wn_vocab_dose_parse("missed"), WN_DOSE_N, "no \"missed\" in the vocabulary");
	cr_expect_eq(wn_vocab_dose_parse(NULL), WN_DOSE_N);
	cr_expect_str_eq(wn_vocab_dose_word(WN_DOSE_N), "?");
}

struct text_case {
	enum wn_dose_status s;
	double planned, taken;
	const char *unit, *cell, *detail;
};

static const struct text_case text_cases[] = {
	{ WN_DOSE_AS_PLANNED, 100, 100, "mg", "100 mg", "100 mg, as planned" },
	{ WN_DOSE_DIFFERENT, 100, 90, "mg", "90 mg ~", "90 mg, lower than planned (100 mg)" },
	{ WN_DOSE_DIFFERENT, 100, 112.5, "mg", "112.5 mg ~",
	  "112.5 mg, higher than planned (100 mg)" },
	{ WN_DOSE_SKIPPED, 100, 0, "mg", "0 mg s", "skipped (planned 100 mg)" },
	{ WN_DOSE_NOT_RECORDED, 100, 0, "mg", "-", "not recorded (planned 100 mg)" },
	{ WN_DOSE_NOT_PLANNED, N, 25, "mg", "25 mg", "25 mg (nothing planned)" },
	{ WN_DOSE_NOT_PLANNED, N, N, "mg", "-", "nothing planned" },
	{ WN_DOSE_DIFFERENT, 1, 0.5, "", "0.5 ~", "0.5, lower than planned (1)" },
};

Test(vocab, a_dose_in_a_cell_and_in_words)
{
	for (size_t i = 0; i < sizeof text_cases / sizeof *text_cases; i++) {
		const struct text_case *c = &text_cases[i];
		struct wn_vocab_dose_in in = { c->s, c->planned, c->taken, c->unit };
		char buf[128];
		wn_vocab_dose_cell(&in, buf, sizeof buf);
		cr_expect_str_eq(buf, c->cell, "case %zu: cell", i);
		wn_vocab_dose_detail(&in, buf, sizeof buf);
		cr_expect_str_eq(buf, c->detail, "case %zu: detail", i);
	}
	struct wn_vocab_dose_in in = { WN_DOSE_DIFFERENT, 100, 90, "mg" };
	char small[8];
	wn_vocab_dose_detail(&in, small, sizeof small);
	cr_expect_str_eq(small, "90 mg, ", "cut, NUL-terminated");
}

Test(vocab, counts_in_words)
{
	int c[WN_DOSE_N] = { [WN_DOSE_AS_PLANNED] = 20, [WN_DOSE_DIFFERENT] = 2,
	                     [WN_DOSE_SKIPPED] = 1, [WN_DOSE_NOT_RECORDED] = 5,
	                     [WN_DOSE_NOT_PLANNED] = 9 };
	char buf[128];
	wn_vocab_counts_text(c, buf, sizeof buf);
	cr_expect_str_eq(buf, "20 as planned, 2 different, 1 skipped, 5 not recorded");
	int d[WN_DOSE_N] = { [WN_DOSE_NOT_RECORDED] = 3 };
	wn_vocab_counts_text(d, buf, sizeof buf);
	cr_expect_str_eq(buf, "3 not recorded");
	int e[WN_DOSE_N] = { [WN_DOSE_NOT_PLANNED] = 3 };
	wn_vocab_counts_text(e, buf, sizeof buf);
	cr_expect_str_eq(buf, "");
}

/* ---- the time at a dose ------------------------------------------------------------ */

Test(vocab, the_time_at_a_dose)
{
	char buf[96];
	wn_vocab_at_dose(D(2026, 12, 4), D(2026, 11, 30), 90, "mg", buf, sizeof buf);
	cr_expect_str_eq(buf, "day 5 at 90 mg, since 2026-11-30");
	wn_vocab_at_dose(D(2026, 11, 30), D(2026, 11, 30), 12.5, "mg", buf, sizeof buf);
	cr_expect_str_eq(buf, "day 1 at 12.5 mg, since 2026-11-30");
}

/* ---- marks -------------------------------------------------------------------------- */

Test(vocab, one_meaning_per_mark)
{
	size_t n;
	const struct wn_vocab_mark *m = wn_vocab_marks(&n);
	cr_assert_gt(n, 5);
	for (size_t i = 0; i < n; i++) {
		cr_expect(m[i].mark[0] && m[i].meaning[0] && m[i].where[0], "mark %zu", i);
		for (size_t k = 0; k < i; k++)
			cr_expect_str_neq(m[i].mark, m[k].mark, "%s listed twice", m[i].mark);
	}
	static const struct { const char *mark, *word; } must[] = {
		{ "!", "flagged" }, { "~", "different" }, { "s", "skipped" },
		{ "-", "not recorded" }, { "?", "no record" },
	};
	for (size_t k = 0; k < sizeof must / sizeof *must; k++) {
		size_t i = 0;
		while (i < n && strcmp(m[i].mark, must[k].mark) != 0)
			i++;
		cr_assert_lt(i, n, "%s is listed", must[k].mark);
		cr_expect_not_null(strstr(m[i].meaning, must[k].word), "%s: %s", must[k].mark,
		                   m[i].meaning);
	}
	for (int s = 0; s < WN_DOSE_N; s++) {
		const char *mk = wn_vocab_dose_mark(s);
		size_t i = 0;
		while (*mk && i < n && strcmp(m[i].mark, mk) != 0)
			i++;
		cr_expect(!*mk || i < n, "the mark of %s is listed", wn_vocab_dose_word(s));
	}
}
