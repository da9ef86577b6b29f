/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_suggest.c -- unit tests for suggest.c (suite "suggest"): edit
 * distance over folded names and ranked "did you mean" suggestions. */
#include <criterion/criterion.h>

#include <stdlib.h>
#include <string.h>

#include "core/suggest.h"
#include "text_samples.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define MB (1024 * 1024)

Test(suggest, distance)
{
	static const struct {
		const char *a, *b;
		int d;
	} cases[] = {
		{ .a = "", .b = "", .d = 0 },
		{ .a = "abc", .b = "", .d = 3 },
		{ .a = "", .b = "abc", .d = 3 },
		{ .a = "abc", .b = "abc", .d = 0 },
		{ .a = "NAUSEA", .b = "nausea", .d = 0 },
		{ .a = "kitten", .b = "sitting", .d = 3 },
		{ .a = "ab", .b = "ba", .d = 1 },
		{ .a = "anxeity", .b = "anxiety", .d = 1 },
		{ .a = "dizzyness", .b = "dizziness", .d = 1 },
		{ .a = "Dizzyness", .b = "DIZZINESS", .d = 1 },
		{ .a = "brain zap", .b = "brain zaps", .d = 1 },
		{ .a = "é", .b = "e", .d = 1 },
		{ .a = "É", .b = "é", .d = 0 },  /* case folds in every script */
		{ .a = "Сертралин", .b = "сертралинн", .d = 1 },
		{ .a = "e\xCC\x81", .b = "é", .d = 0 },  /* NFC */
		{ .a = "日本", .b = "日本語", .d = 1 },
		{ .a = "ca", .b = "abc", .d = 3 },  /* no edits of swapped pairs */
	};

	for (size_t i = 0; i < NELEM(cases); i++) {
		cr_expect_eq(wn_suggest_distance(cases[i].a, cases[i].b), cases[i].d,
		             "case %zu", i);
		cr_expect_eq(wn_suggest_distance(cases[i].b, cases[i].a), cases[i].d,
		             "case %zu reversed", i);
	}
}

Test(suggest, suggest)
{
	static const char *const cands[] = {
		"dizziness", "brain zaps", "nausea", "insomnia", "irritability",
		"tinnitus", "headache", "akathisia", "anxiety",
	};
	static const struct {
		const char *word;
		size_t n;
		const char *first;
	} cases[] = {
		{ .word = "dizzyness", .n = 1, .first = "dizziness" },
		{ .word = "brain zap", .n = 1, .first = "brain zaps" },
		{ .word = "zaps", .n = 1, .first = "brain zaps" },
		{ .word = "NAUSEA", .n = 1, .first = "nausea" },
		{ .word = "tinitus", .n = 1, .first = "tinnitus" },
		{ .word = "anxeity", .n = 1, .first = "anxiety" },
		{ .word = "ins", .n = 1, .first = "insomnia" },
		{ .word = "in", .n = 0 },
		{ .word = "xyzzy", .n = 0 },
		{ .word = "", .n = 0 },
	};

	for (size_t i = 0; i < NELEM(cases); i++) {
		const char *out[4] = { 0 };
		size_t n = wn_suggest(cases[i].word, cands, NELEM(cands), out, 4);
		cr_expect_eq(n, cases[i].n, "case %zu (%s)", i, cases[i].word);
		if (cases[i].n)
			cr_expect_str_eq(out[0], cases[i].first, "case %zu", i);
	}
}

Test(suggest, suggest_ranks_best_first)
{
	static const char *const cands[] = { "abce", "abcd", "abc", NULL, "xbcd" };
	const char *out[WN_SUGGEST_MAX + 4];

	size_t n = wn_suggest("abc", cands, NELEM(cands), out, 2);
	cr_assert_eq(n, 2);
	cr_expect_str_eq(out[0], "abc");
	cr_expect_str_eq(out[1], "abce");  /* ties keep their order */
	n = wn_suggest("abc", cands, NELEM(cands), out, NELEM(out));
	cr_assert_eq(n, 4);
	cr_expect_str_eq(out[2], "abcd");
	cr_expect_str_eq(out[3], "xbcd");
	cr_expect_eq(wn_suggest("abc", cands, NELEM(cands), out, 0), 0);
}

Test(suggest, megabyte_words, .timeout = 20)
{
	char *words = repeat("word ", MB);
	char *solid = repeat("x", MB);
	const char *cands[] = { solid, "word" };
	const char *out[2];
	cr_expect_geq(wn_suggest_distance(words, solid), 200);
	cr_expect_eq(wn_suggest("xxxx", cands, 2, out, 2), 1);
	free(words);
	free(solid);
}

/* Nothing close to what was typed: a short list is given whole, so the
 * person sees the choices (before: "unknown format 'xyz'" alone). */
Test(suggest, a_short_list_is_given_whole_when_nothing_is_close)
{
	static const char *const formats[] = { "ics", "csv", "json" };
	struct wn_err err = {0};
	cr_assert_eq(wn_suggest_unknown(&err, "format", "xyz", formats, 3), WN_DATAERR);
	cr_expect_str_eq(err.msg, "unknown format 'xyz' (one of ics, csv or json)");
	cr_assert_eq(wn_suggest_unknown(&err, "format", "jsn", formats, 3), WN_DATAERR);
	cr_expect_str_eq(err.msg, "unknown format 'jsn' (did you mean 'json', 'csv'?)");
	static const char *const one[] = { "sertraline" };
	cr_assert_eq(wn_suggest_unknown(&err, "medication", "zzz", one, 1), WN_DATAERR);
	cr_expect_str_eq(err.msg, "unknown medication 'zzz' (one of sertraline)");
	static const char *const many[] = { "a1", "b2", "c3", "d4", "e5", "f6", "g7", "h8",
	                                    "i9", "j10", "k11" };
	cr_assert_eq(wn_suggest_unknown(&err, "symptom", "zzz", many, 11), WN_DATAERR);
	cr_expect_str_eq(err.msg, "unknown symptom 'zzz'");
}
