/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_journal.c -- pages of days with a record and the search of their
 * text, read from a temporary diary. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/buf.h"
#include "db/journal.h"
#include "db/db.h"
#include "core/records.h"
#include "db/day.h"
#include "db/question.h"
#include "db/med.h"
#include "db/symptoms.h"
#include "db/db_int.h"   /* the raw handle, to look into the file */
#include "schema_old.h"
#include "tmpdir.h"

static char dir[4096];
static struct wn_db *db;
static struct wn_err err;
static long sert, parox;

static wn_date D(int day)   /* a day of November 2026 */
{
	return wn_date_from_ymd(2026, 11, day);
}

static void ok(int rc)
{
	cr_assert(eq(int, rc, WN_OK), "%s", err.msg);
}

static void note(wn_date d, const char *text, bool flag)
{
	struct wn_checkin_patch p = { .date = d, .set = WN_SET_NOTE | WN_SET_FLAG,
	                              .note = text, .flag = flag };
	ok(wn_db_checkin_update(db, &p, &err));
}

static void rate(wn_date d, const char *name, int value)
{
	struct wn_symptom s;
	ok(wn_db_symptom_find(db, name, &s, &err));
	ok(wn_db_rating_set(db, d, s.id, value, &err));
}

static void dose(wn_date d, long med, double amount, int minute)
{
	struct wn_dose x = { .date = d, .minute = minute, .med_id = med, .amount = amount };
	ok(wn_db_dose_add(db, &x, NULL, &err));
}

/* Days of November 2026 with a record, each of another kind:
 *   1   check-in: mood 6, sleep 7.5, note "Zaps all day", flagged;
 *       brain zaps 2, dizziness 1; sertraline 50 + 25, paroxetine 10
 *   3   a rating only (dizziness 3)
 *   4   a dose only (sertraline 12.5)
 *   6   a metric only (focus 4)
 *   8   a quick note only ("dizzy on the STAIRS")
 *   9   a question ("Can we hold?"), answered "yes, ask about zaps"
 *   12  check-in with the note "50% better_today" and a question "zaps?"
 * and nothing on the 2nd, 5th, 7th, 10th, 11th or after the 12th. */
static void setup(void)
{
	wn_test_mkdtemp(dir, sizeof dir, "journal");
	char path[4200];
	snprintf(path, sizeof path, "%s/wean.db", dir);
	struct wn_db_opts o = { .path = path, .create = true };
	wn_err_clear(&err);
	ok(wn_db_open(&db, &o, &err));
	struct wn_med m = { .name = "sertraline", .unit = "mg" };
	ok(wn_db_med_add(db, &m, &sert, &err));
	struct wn_med p = { .name = "paroxetine", .unit = "mg" };
	ok(wn_db_med_add(db, &p, &parox, &err));

	struct wn_checkin_patch c = { .date = D(1), .set = WN_SET_MOOD | WN_SET_SLEEP,
	                              .mood = 6, .sleep = 7.5 };
	ok(wn_db_checkin_update(db, &c, &err));
	note(D(1), "Zaps all day", true);
	rate(D(1), "brain zaps", 2);
	rate(D(1), "dizziness", 1);
	dose(D(1), sert, 50, 480);
	dose(D(1), sert, 25, 1200);
	dose(D(1), parox, 10, 480);
	rate(D(3), "dizziness", 3);
	dose(D(4), sert, 12.5, -1);
	ok(wn_db_metric_set(db, D(6), "focus", 4, &err));
	ok(wn_db_quicknote_add(db, D(8), 600, "dizzy on the STAIRS", &err));
	ok(wn_db_question_add(db, D(9), "Can we hold?", &err));
	struct wn_day day;
	ok(wn_db_day_load(db, D(9), &day, &err));
	cr_assert_eq(day.n_questions, 1);
	ok(wn_db_question_answer(db, day.questions[0].id, "yes, ask about zaps", &err));
	wn_day_free(&day);
	note(D(12), "50% better_today", false);
	ok(wn_db_question_add(db, D(12), "zaps?", &err));
}

static void teardown(void)
{
	wn_db_close(db);
	db = NULL;
	wn_test_rmtree(dir);
}

TestSuite(journal, .init = setup, .fini = teardown);

#define MAXP 16

static size_t page(wn_date from, int dir_, bool inclusive, size_t max,
                   struct wn_journal_day *out)
{
	struct wn_journal_req r = { .from = from, .dir = dir_, .inclusive = inclusive,
	                            .max = max, .med_id = sert };
	size_t n = 99;
	ok(wn_journal_page(db, &r, out, &n, &err));
	return n;
}

static void expect_dates(const struct wn_journal_day *d, size_t n,
                         const int *want, size_t nwant)
{
	cr_assert_eq(n, nwant, "got %zu days, want %zu", n, nwant);
	for (size_t i = 0; i < n; i++)
		cr_assert_eq(d[i].date, D(want[i]), "day %zu: got %ld, want Nov %d",
		             i, d[i].date, want[i]);
}

Test(journal, older_pages_list_every_day_with_a_record_newest_first)
{
	struct wn_journal_day d[MAXP];
	static const int all[] = { 12, 9, 8, 6, 4, 3, 1 };
	size_t n = page(D(30), WN_JOURNAL_OLDER, false, MAXP, d);
	expect_dates(d, n, all, 7);
	wn_journal_free(d, n);
	/* from a day with a record: inclusive keeps it, exclusive skips it */
	n = page(D(8), WN_JOURNAL_OLDER, true, 3, d);
	expect_dates(d, n, (const int[]){ 8, 6, 4 }, 3);
	wn_journal_free(d, n);
	n = page(D(8), WN_JOURNAL_OLDER, false, 3, d);
	expect_dates(d, n, (const int[]){ 6, 4, 3 }, 3);
	wn_journal_free(d, n);
	/* the diary ends: fewer than asked */
	n = page(D(3), WN_JOURNAL_OLDER, false, 5, d);
	expect_dates(d, n, (const int[]){ 1 }, 1);
	wn_journal_free(d, n);
	n = page(D(1), WN_JOURNAL_OLDER, false, 5, d);
	cr_assert_eq(n, 0);
}

Test(journal, newer_pages_go_the_other_way)
{
	struct wn_journal_day d[MAXP];
	size_t n = page(D(1), WN_JOURNAL_NEWER, true, 4, d);
	expect_dates(d, n, (const int[]){ 1, 3, 4, 6 }, 4);
	wn_journal_free(d, n);
	n = page(D(6), WN_JOURNAL_NEWER, false, MAXP, d);
	expect_dates(d, n, (const int[]){ 8, 9, 12 }, 3);
	wn_journal_free(d, n);
	n = page(D(12), WN_JOURNAL_NEWER, false, MAXP, d);
	cr_assert_eq(n, 0);
}

Test(journal, a_day_carries_its_summary)
{
	struct wn_journal_day d[MAXP];
	size_t n = page(D(12), WN_JOURNAL_OLDER, true, MAXP, d);
	cr_assert_eq(n, 7);
	const struct wn_journal_day *a = &d[6];     /* Nov 1 */
	cr_assert(a->has_checkin);
	cr_assert_eq(a->mood, 6);
	cr_assert_eq(a->anxiety, WN_UNSET);
	cr_assert_eq(a->energy, WN_UNSET);
	cr_assert_float_eq(a->sleep, 7.5, 1e-9);
	cr_assert_eq(a->burden, 3);
	cr_assert_eq(a->n_ratings, 2);
	cr_assert_float_eq(a->dose, 75, 1e-9, "only sertraline's doses are totalled");
	cr_assert_eq(a->n_doses, 3);
	cr_assert(a->flag);
	cr_assert_str_eq(a->note, "Zaps all day");
	cr_assert_null(a->quicknote);
	cr_assert_eq(a->quicknote_minute, -1);
	const struct wn_journal_day *b = &d[2];     /* Nov 8: a quick note only */
	cr_assert_not(b->has_checkin);
	cr_assert_eq(b->mood, WN_UNSET);
	cr_assert(isnan(b->sleep));
	cr_assert(isnan(b->dose), "no sertraline that day");
	cr_assert_eq(b->burden, 0);
	cr_assert_eq(b->n_quicknotes, 1);
	cr_assert_str_eq(b->quicknote, "dizzy on the STAIRS");
	cr_assert_eq(b->quicknote_minute, 600);
	cr_assert_null(b->note);
	cr_assert_not(b->flag);
	cr_assert_eq(d[0].n_questions, 1);          /* Nov 12 */
	cr_assert_eq(d[1].n_questions, 1);          /* Nov 9 */
	cr_assert(isnan(d[3].dose), "a metric only");
	wn_journal_free(d, n);
	cr_assert_null(d[6].note, "freed notes are reset");
	cr_assert_null(d[2].quicknote);
}

Test(journal, the_quick_note_shown_is_the_days_earliest)
{
	ok(wn_db_quicknote_add(db, D(8), 300, "early one", &err));
	ok(wn_db_quicknote_add(db, D(8), -1, "no time at all", &err));
	struct wn_journal_day d[1];
	size_t n = page(D(8), WN_JOURNAL_OLDER, true, 1, d);
	cr_assert_eq(n, 1);
	cr_assert_eq(d[0].n_quicknotes, 3);
	cr_assert_str_eq(d[0].quicknote, "no time at all", "a note without a time first");
	cr_assert_eq(d[0].quicknote_minute, -1);
	wn_journal_free(d, n);
}

/* Years without a record between two days: the walk jumps over them. */
Test(journal, a_walk_jumps_over_long_gaps)
{
	wn_date long_ago = wn_date_from_ymd(1950, 3, 1);
	note(long_ago, "a very old day", false);
	struct wn_journal_day d[MAXP];
	size_t n = page(D(1), WN_JOURNAL_OLDER, false, MAXP, d);
	cr_assert_eq(n, 1);
	cr_assert_eq(d[0].date, long_ago);
	cr_assert_str_eq(d[0].note, "a very old day");
	wn_journal_free(d, n);
	n = page(long_ago, WN_JOURNAL_NEWER, false, 1, d);
	cr_assert_eq(n, 1);
	cr_assert_eq(d[0].date, D(1));
	wn_journal_free(d, n);
}

Test(journal, bad_requests_are_refused)
{
	struct wn_journal_day d[1];
	size_t n = 5;
	struct wn_journal_req r = { .from = D(1), .dir = 0, .max = 1 };
	cr_assert_eq(wn_journal_page(db, &r, d, &n, &err), WN_USAGE);
	cr_assert_eq(n, 0);
	r.dir = WN_JOURNAL_OLDER;
	r.max = 0;
	cr_assert_eq(wn_journal_page(db, &r, d, &n, &err), WN_USAGE);
	r.max = WN_JOURNAL_PAGE_MAX + 1;
	cr_assert_eq(wn_journal_page(db, &r, d, &n, &err), WN_USAGE);
	r.max = 1;
	r.from = WN_DATE_NONE;
	cr_assert_eq(wn_journal_page(db, &r, d, &n, &err), WN_DATAERR);
}

static wn_date find(const char *text, wn_date from, int dir_, bool inclusive)
{
	struct wn_journal_find f = { .text = text, .from = from, .dir = dir_,
	                             .inclusive = inclusive };
	wn_date found = 0;
	ok(wn_journal_find(db, &f, &found, &err));
	return found;
}

Test(journal, find_looks_in_notes_quick_notes_questions_and_answers)
{
	static const struct {
		const char *text;
		wn_date from;
		int dir;
		bool inclusive;
		wn_date want;
	} cases[] = {
		/* "zaps": note of the 1st, answer of the 9th, question of the 12th */
		{ "zaps", 0, WN_JOURNAL_OLDER, false, 12 },
		{ "ZAPS", 12, WN_JOURNAL_OLDER, false, 9 },
		{ "zaps", 12, WN_JOURNAL_OLDER, true, 12 },
		{ "Zaps", 9, WN_JOURNAL_OLDER, false, 1 },
		{ "zaps", 1, WN_JOURNAL_OLDER, false, -1 },
		{ "zaps", 1, WN_JOURNAL_NEWER, false, 9 },
		{ "zaps", 1, WN_JOURNAL_NEWER, true, 1 },
		{ "zaps", 12, WN_JOURNAL_NEWER, false, -1 },
		/* a quick note, any case */
		{ "stairs", 0, WN_JOURNAL_OLDER, false, 8 },
		/* a question's own text */
		{ "can we HOLD", 0, WN_JOURNAL_OLDER, false, 9 },
		/* % and _ separate words and are no wildcards: "50%" is the
		 * word 50; words match from their start ("5" finds "50",
		 * "better to" finds "better_today"), not from inside */
		{ "50%", 0, WN_JOURNAL_OLDER, false, 12 },
		{ "5_%", 0, WN_JOURNAL_OLDER, false, 12 },
		{ "better to", 0, WN_JOURNAL_OLDER, false, 12 },
		{ "r_t", 0, WN_JOURNAL_OLDER, false, -1 },
		{ "etter", 0, WN_JOURNAL_OLDER, false, -1 },
		/* every word must be there, in any order; a phrase in order */
		{ "day zaps", 0, WN_JOURNAL_OLDER, false, 1 },
		{ "\"zaps all\"", 0, WN_JOURNAL_OLDER, false, 1 },
		{ "\"all zaps\"", 0, WN_JOURNAL_OLDER, false, -1 },
		{ "\"zaps al", 0, WN_JOURNAL_OLDER, false, -1 },
		{ "\"zaps all", 0, WN_JOURNAL_OLDER, false, 1 },
		{ "nowhere", 0, WN_JOURNAL_OLDER, false, -1 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		wn_date from = cases[i].from ? D((int)cases[i].from) : D(30);
		wn_date want = cases[i].want < 0 ? WN_DATE_NONE : D((int)cases[i].want);
		wn_date got = find(cases[i].text, from, cases[i].dir, cases[i].inclusive);
		cr_assert_eq(got, want, "case %zu (%s): got %ld, want %ld", i,
		             cases[i].text, got, want);
	}
}

static int count(const char *text, wn_date at, struct wn_journal_count *c)
{
	struct wn_journal_find f = { .text = text, .from = at };
	return wn_journal_count(db, &f, c, &err);
}

Test(journal, count_gives_the_total_and_the_rank)
{
	struct wn_journal_count c;
	ok(count("zaps", D(9), &c));
	cr_assert_eq(c.total, 3);
	cr_assert_eq(c.from_newest, 2, "the 12th and the 9th");
	ok(count("Zaps", D(1), &c));
	cr_assert_eq(c.from_newest, 3);
	/* a day matching in its note and its question counts once */
	ok(wn_db_question_add(db, D(1), "more zaps?", &err));
	ok(count("ZAPS", D(30), &c));
	cr_assert_eq(c.total, 3);
	cr_assert_eq(c.from_newest, 0);
	ok(count("nothing like it", D(1), &c));
	cr_assert_eq(c.total, 0);
}

Test(journal, search_text_must_be_given)
{
	struct wn_journal_find f = { .text = "", .from = D(1), .dir = WN_JOURNAL_OLDER };
	wn_date found = 0;
	cr_assert_eq(wn_journal_find(db, &f, &found, &err), WN_USAGE);
	cr_assert_eq(found, WN_DATE_NONE);
	char big[WN_JOURNAL_NEEDLE_MAX + 2];
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	f.text = big;
	cr_assert_eq(wn_journal_find(db, &f, &found, &err), WN_USAGE);
	struct wn_journal_count c;
	cr_assert_eq(count(NULL, D(1), &c), WN_USAGE);
	f.text = "zaps";
	f.dir = 0;
	cr_assert_eq(wn_journal_find(db, &f, &found, &err), WN_USAGE);
}

/* ---- the query a person types --------------------------------------------------- */

Test(journal, the_query_quotes_every_word_so_nothing_typed_is_syntax)
{
	static const struct { const char *in, *out; } cases[] = {
		{ "zaps", "\"zaps\"*" },
		{ "  brain   zaps ", "\"brain\"* \"zaps\"*" },
		{ "\"brain zaps\"", "\"brain zaps\"" },
		{ "\"brain zaps\" dizzy", "\"brain zaps\" \"dizzy\"*" },
		{ "\"unclosed phrase", "\"unclosed phrase\"" },
		{ "ab\"cd\"ef", "\"ab\"* \"cd\" \"ef\"*" },
		{ "zaps*", "\"zaps*\"*" },
		{ "-zaps +x ^y", "\"-zaps\"* \"+x\"* \"^y\"*" },
		{ "NEAR(a b)", "\"NEAR(a\"* \"b)\"*" },
		{ "a OR b NOT c AND d", "\"a\"* \"OR\"* \"b\"* \"NOT\"* \"c\"* \"AND\"* \"d\"*" },
		{ "text:zaps", "\"text:zaps\"*" },
		{ "it's", "\"it's\"*" },
		{ "Сертралин", "\"Сертралин\"*" },
		/* only punctuation: no word at all */
		{ "- * ^ ( ) : \"\" \" \"", "" },
		{ "\"", "" },
		{ "\"\"\"\"", "" },
	};
	char q[WN_JOURNAL_QUERY_MAX];
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		ok(wn_journal_query(cases[i].in, q, sizeof q, &err));
		cr_expect_str_eq(q, cases[i].out, "case %zu: %s", i, cases[i].in);
	}
	cr_expect_eq(wn_journal_query("", q, sizeof q, &err), WN_USAGE);
	cr_expect_eq(wn_journal_query(NULL, q, sizeof q, &err), WN_USAGE);
	cr_expect_eq(wn_journal_query("zaps", q, 16, &err), WN_USAGE);
}

/* Whatever is typed runs without an error from SQLite, and the longest
 * text fits: quotes, stars, operators, brackets, control bytes. */
Test(journal, hostile_text_never_breaks_the_search)
{
	static const char *const typed[] = {
		"\"", "\"\"", "\"\"\"", "*", "**", "zaps*", "\"zaps\"*", "-", "-zaps", "+",
		"^", "^zaps", ":", "text:", "text:zaps", "journal_fts:zaps", "(", ")", "(zaps",
		"NEAR", "NEAR(zaps all)", "NEAR(zaps all, 2)", "AND", "OR", "NOT", "zaps NOT all",
		"zaps OR nothing", "{text}: zaps", "rowid", "'", "''", "\\", "%", "_", "\t",
		"\x01\x02", "zaps\x1b[2J", "a\"b\"c\"d", "\xd0\xa1", "\xe2\x80\x94", "\xef\xbb\xbf",
	};
	for (size_t i = 0; i < sizeof typed / sizeof *typed; i++) {
		wn_date d;
		struct wn_journal_count c;
		struct wn_journal_find f = { .text = typed[i], .from = D(30),
		                             .dir = WN_JOURNAL_OLDER };
		cr_expect_eq(wn_journal_find(db, &f, &d, &err), WN_OK, "%s: %s", typed[i], err.msg);
		cr_expect_eq(count(typed[i], D(1), &c), WN_OK, "%s: %s", typed[i], err.msg);
	}
	char big[WN_JOURNAL_NEEDLE_MAX + 1];
	for (size_t i = 0; i < WN_JOURNAL_NEEDLE_MAX; i++)
		big[i] = "\"a *"[i % 4];
	big[WN_JOURNAL_NEEDLE_MAX] = '\0';
	struct wn_journal_count c;
	cr_expect_eq(count(big, D(1), &c), WN_OK, "%s", err.msg);
	/* "zaps NOT all": NOT is a word here, so no day has all three */
	cr_expect_eq(find("zaps NOT all", D(30), WN_JOURNAL_OLDER, false), WN_DATE_NONE);
	cr_expect_eq(find("zaps*", D(30), WN_JOURNAL_OLDER, false), D(12));
}

/* ---- any script ------------------------------------------------------------------ */

Test(journal, case_and_accents_do_not_matter_in_any_script)
{
	note(D(20), "Сертралин: 25 мг, сплю плохо", false);
	note(D(21), "Café au lait, naïve ÉLAN", false);
	note(D(22), "頭痛がひどい。めまい", false);
	note(D(23), "Ärger über Übelkeit; Straße", false);
	static const struct { const char *text; int want; } cases[] = {
		{ "сертралин", 20 }, { "СЕРТРАЛИН", 20 }, { "серт", 20 }, { "мг", 20 },
		{ "cafe", 21 }, { "CAFÉ", 21 }, { "naive", 21 }, { "élan", 21 },
		{ "ubelkeit", 23 }, { "ÄRGER", 23 }, { "strasse", -1 }, { "straße", 23 },
		/* no spaces: the run up to punctuation is one word, found from
		 * its start only */
		{ "頭痛", 22 }, { "頭痛がひどい", 22 }, { "めまい", 22 }, { "ひどい", -1 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		wn_date want = cases[i].want < 0 ? WN_DATE_NONE : D(cases[i].want);
		cr_expect_eq(find(cases[i].text, D(30), WN_JOURNAL_OLDER, true), want,
		             "case %zu (%s)", i, cases[i].text);
	}
}

/* ---- the index follows every change --------------------------------------------- */

static void raw(const char *sql)
{
	char *msg = NULL;
	cr_assert_eq(sqlite3_exec(wn_db_sqlite(db), sql, NULL, NULL, &msg), SQLITE_OK,
	             "%s: %s", sql, msg ? msg : "");
}

static void index_checks(void)
{
	raw("INSERT INTO journal_fts(journal_fts, rank) VALUES ('integrity-check', 1)");
}

Test(journal, editing_and_deleting_a_text_moves_the_search)
{
	cr_assert_eq(find("zaps", D(1), WN_JOURNAL_OLDER, true), D(1));
	note(D(1), "calm all day", true);                /* the note changes */
	cr_expect_eq(find("zaps", D(1), WN_JOURNAL_OLDER, true), WN_DATE_NONE);
	cr_expect_eq(find("calm", D(30), WN_JOURNAL_OLDER, false), D(1));
	index_checks();
	note(D(1), NULL, true);                          /* and is cleared */
	cr_expect_eq(find("calm", D(30), WN_JOURNAL_OLDER, false), WN_DATE_NONE);
	raw("DELETE FROM quicknote");                    /* another tool deletes */
	cr_expect_eq(find("stairs", D(30), WN_JOURNAL_OLDER, false), WN_DATE_NONE);
	raw("UPDATE question SET answer = 'no, wait' WHERE date = '2026-11-09'");
	cr_expect_eq(find("zaps", D(12), WN_JOURNAL_OLDER, false), WN_DATE_NONE);
	cr_expect_eq(find("wait", D(30), WN_JOURNAL_OLDER, false), D(9));
	raw("UPDATE question SET date = '2026-11-10' WHERE date = '2026-11-09'");
	cr_expect_eq(find("wait", D(30), WN_JOURNAL_OLDER, false), D(10));
	raw("DELETE FROM checkin WHERE date = '2026-11-12'");
	cr_expect_eq(find("better", D(30), WN_JOURNAL_OLDER, false), WN_DATE_NONE);
	cr_expect_eq(find("zaps", D(30), WN_JOURNAL_OLDER, false), D(12), "its question");
	index_checks();
}

static wn_date hnext(const struct wn_journal_hits *h, wn_date from, int dir_,
                     bool inclusive)
{
	wn_date found = 0;
	ok(wn_journal_hits_next(db, h, from, dir_, inclusive, &found, &err));
	return found;
}

static wn_date hedge(const struct wn_journal_hits *h, int dir_)
{
	wn_date found = 0;
	ok(wn_journal_hits_edge(db, h, dir_, &found, &err));
	return found;
}

Test(journal, a_kept_search_knows_when_the_diary_changed)
{
	struct wn_journal_hits h = { 0 };
	ok(wn_journal_search(db, "zaps", &h, &err));
	cr_assert_eq(h.n, 3);
	cr_expect_eq(h.day[0], D(1));
	cr_expect_eq(h.day[2], D(12));
	cr_expect(wn_journal_hits_current(db, &h));
	cr_expect_not(h.more);
	cr_expect_eq(hnext(&h, D(9), WN_JOURNAL_OLDER, false), D(1));
	cr_expect_eq(hnext(&h, D(9), WN_JOURNAL_OLDER, true), D(9));
	cr_expect_eq(hnext(&h, D(9), WN_JOURNAL_NEWER, false), D(12));
	cr_expect_eq(hnext(&h, D(12), WN_JOURNAL_NEWER, false), WN_DATE_NONE);
	cr_expect_eq(hnext(&h, D(1), WN_JOURNAL_OLDER, false), WN_DATE_NONE);
	cr_expect_eq(hedge(&h, WN_JOURNAL_OLDER), D(12), "the newest");
	cr_expect_eq(hedge(&h, WN_JOURNAL_NEWER), D(1), "the oldest");
	struct wn_journal_count c = wn_journal_hits_count(&h, D(9));
	cr_expect_eq(c.total, 3);
	cr_expect_eq(c.from_newest, 2);
	cr_expect_not(c.more);
	rate(D(2), "dizziness", 1);                      /* any change of ours */
	cr_expect_not(wn_journal_hits_current(db, &h));
	ok(wn_journal_search(db, "zaps", &h, &err));
	cr_expect(wn_journal_hits_current(db, &h));
	sqlite3 *other;                                  /* another program's */
	cr_assert_eq(sqlite3_open(wn_db_path(db), &other), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(other, "UPDATE checkin SET note = 'quiet'"
	                          " WHERE date = '2026-11-01'", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(other);
	cr_expect_not(wn_journal_hits_current(db, &h));
	ok(wn_journal_search(db, "zaps", &h, &err));
	cr_expect_eq(h.n, 2);
	ok(wn_journal_search(db, "- *", &h, &err));      /* no word: nothing */
	cr_expect_eq(h.n, 0);
	wn_journal_hits_free(&h);
}

/* A search keeps its newest days up to its limit: the count says it
 * stopped there and gives no rank beyond it; the days beyond are found
 * one seek at a time, in both directions and from either end. */
Test(journal, a_search_counts_up_to_its_limit_and_seeks_beyond)
{
	struct wn_journal_hits h = { .limit = 2 };
	ok(wn_journal_search(db, "ZAPS", &h, &err));     /* the 1st, 9th and 12th */
	cr_assert_eq(h.n, 2);
	cr_expect(h.more);
	cr_expect_eq(h.day[0], D(9));
	cr_expect_eq(h.day[1], D(12));
	struct wn_journal_count c = wn_journal_hits_count(&h, D(12));
	cr_expect(c.more);
	cr_expect_eq(c.total, 2);
	cr_expect_eq(c.from_newest, 1);
	c = wn_journal_hits_count(&h, D(9));
	cr_expect_eq(c.from_newest, 2);
	c = wn_journal_hits_count(&h, D(5));          /* older than the days kept */
	cr_expect_eq(c.from_newest, -1, "no rank is made up beyond the limit");
	c = wn_journal_hits_count(&h, D(1));
	cr_expect_eq(c.from_newest, -1);
	cr_expect_eq(hnext(&h, D(9), WN_JOURNAL_OLDER, false), D(1), "one seek");
	cr_expect_eq(hnext(&h, D(9), WN_JOURNAL_OLDER, true), D(9));
	cr_expect_eq(hnext(&h, D(1), WN_JOURNAL_OLDER, false), WN_DATE_NONE);
	cr_expect_eq(hnext(&h, D(1), WN_JOURNAL_OLDER, true), D(1));
	cr_expect_eq(hnext(&h, D(1), WN_JOURNAL_NEWER, false), D(9), "from beyond");
	cr_expect_eq(hnext(&h, D(1), WN_JOURNAL_NEWER, true), D(1));
	cr_expect_eq(hnext(&h, D(9), WN_JOURNAL_NEWER, false), D(12));
	cr_expect_eq(hnext(&h, D(8), WN_JOURNAL_NEWER, false), D(9));
	cr_expect_eq(hedge(&h, WN_JOURNAL_OLDER), D(12));
	cr_expect_eq(hedge(&h, WN_JOURNAL_NEWER), D(1), "the oldest, not kept");
	ok(wn_journal_search(db, "zaps all", &h, &err)); /* under the limit */
	cr_expect_eq(h.n, 1);
	cr_expect_not(h.more);
	cr_expect_eq(h.limit, 2, "the limit is kept");
	cr_expect_eq(wn_journal_hits_count(&h, D(1)).from_newest, 1);
	wn_journal_hits_free(&h);
	cr_expect_eq(h.limit, 2);
}

/* A word's start is spelt out as the index's own words, or left to
 * FTS5's prefix query when more than WN_JOURNAL_TERMS_MAX words start
 * with it: either way the same days match. */
Test(journal, a_word_matches_every_word_it_starts)
{
	struct wn_buf many;
	wn_buf_init(&many);
	for (int i = 0; i < WN_JOURNAL_TERMS_MAX + 4; i++)
		wn_buf_addf(&many, "qx%02d ", i);
	note(D(14), many.s, false);
	wn_buf_free(&many);
	note(D(15), "qx07b then Qx10 and QX19", false);
	note(D(16), "Brain-zapping", false);
	cr_expect_eq(find("qx", D(30), WN_JOURNAL_OLDER, false), D(16 - 1));
	cr_expect_eq(find("qx", D(15), WN_JOURNAL_OLDER, false), D(14), "many words");
	cr_expect_eq(find("qx0", D(30), WN_JOURNAL_OLDER, false), D(15), "qx07b");
	cr_expect_eq(find("qx07", D(15), WN_JOURNAL_OLDER, false), D(14));
	cr_expect_eq(find("qx07b", D(15), WN_JOURNAL_OLDER, false), WN_DATE_NONE);
	cr_expect_eq(find("qx1 qx19 qx0", D(30), WN_JOURNAL_OLDER, false), D(15));
	cr_expect_eq(find("qx2", D(30), WN_JOURNAL_OLDER, false), WN_DATE_NONE);
	cr_expect_eq(find("brain-zap", D(30), WN_JOURNAL_OLDER, false), D(16),
	             "two tokens, the last a start");
	cr_expect_eq(find("brain-zaps", D(30), WN_JOURNAL_OLDER, false), WN_DATE_NONE);
	cr_expect_eq(find("zap", D(30), WN_JOURNAL_OLDER, false), D(16));
	struct wn_journal_count c;
	ok(count("qx", D(30), &c));
	cr_expect_eq(c.total, 2);
	ok(count("zap", D(30), &c));
	cr_expect_eq(c.total, 4, "the 1st, 9th, 12th and 16th");
}

/* ---- a diary of schema 4 (the version before the index) gets the index ---------- */

/* The diary made one of schema `version` without the index, opened
 * again: the migrations run, the index is built, a backup was made. */
static void indexed_from(int version)
{
	char path[4200], older[4096];
	snprintf(path, sizeof path, "%s", wn_db_path(db));
	snprintf(older, sizeof older, WN_TEST_DROP_V5 " PRAGMA user_version = %d;", version);
	raw(older);
	wn_db_close(db);
	struct wn_db_opts o = { .path = path };
	ok(wn_db_open(&db, &o, &err));
	cr_expect_eq(find("stairs", D(30), WN_JOURNAL_OLDER, false), D(8));
	cr_expect_eq(find("hold", D(30), WN_JOURNAL_OLDER, false), D(9));
	struct wn_journal_count c;
	ok(count("zaps", D(1), &c));
	cr_expect_eq(c.total, 3);
	index_checks();
	char bak[4300];
	snprintf(bak, sizeof bak, "%s.bak-v%d", path, version);
	cr_expect_eq(access(bak, F_OK), 0, "a backup before the migration");
}

Test(journal, a_schema_4_diary_is_indexed_when_it_is_opened)
{
	indexed_from(4);
}

/* Two steps: version 4 (the dose table made again), then the index. */
Test(journal, a_schema_3_diary_is_indexed_when_it_is_opened)
{
	indexed_from(3);
}
