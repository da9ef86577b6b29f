/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_question.c -- the questions for the prescriber (db/question.h):
 * adding, answering and answering again, opening again, editing,
 * deleting, listing by dates and openness, and the refusals (an unknown
 * id, empty, over-long or binary text), on a temporary diary. */
#include <criterion/criterion.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/records.h"
#include "db/db.h"
#include "db/day.h"
#include "db/question.h"
#include "tmpdir.h"

static char dir[4096];
static struct wn_db *db;
static struct wn_err err;

static void setup(void)
{
	wn_test_mkdtemp(dir, sizeof dir, "question");
	char path[4200];
	snprintf(path, sizeof path, "%s/wean.db", dir);
	setenv("WEAN_TODAY", "2026-11-25", 1);
	struct wn_db_opts o = { .path = path, .create = true };
	wn_err_clear(&err);
	cr_assert_eq(wn_db_open(&db, &o, &err), WN_OK, "%s", err.msg);
}

static void teardown(void)
{
	wn_db_close(db);
	db = NULL;
	wn_test_rmtree(dir);
}

TestSuite(question, .init = setup, .fini = teardown);

static wn_date D(int m, int d)
{
	return wn_date_from_ymd(2026, m, d);
}

/* Every question, oldest first. */
static size_t all(struct wn_question **q)
{
	struct wn_question_filter f = { .from = WN_DATE_NONE, .to = WN_DATE_NONE };
	size_t n;
	cr_assert_eq(wn_db_question_list(db, &f, q, &n, &err), WN_OK, "%s", err.msg);
	return n;
}

/* Three questions: 11-01 "Hold?", 11-03 "Liquid?" and "Split?". */
static void three(long id[3])
{
	cr_assert_eq(wn_db_question_add(db, D(11, 3), "Liquid?", &err), WN_OK, "%s", err.msg);
	cr_assert_eq(wn_db_question_add(db, D(11, 1), "Hold?", &err), WN_OK, "%s", err.msg);
	cr_assert_eq(wn_db_question_add(db, D(11, 3), "Split?", &err), WN_OK, "%s", err.msg);
	struct wn_question *q;
	cr_assert_eq(all(&q), 3);
	for (int i = 0; i < 3; i++)
		id[i] = q[i].id;
	cr_assert_str_eq(q[0].text, "Hold?");
	cr_assert_str_eq(q[1].text, "Liquid?");
	cr_assert_str_eq(q[2].text, "Split?");
	wn_db_question_free_list(q, 3);
}

Test(question, answer_change_and_reopen)
{
	long id[3];
	three(id);
	struct wn_question q;
	cr_assert_eq(wn_db_question_get(db, id[1], &q, &err), WN_OK, "%s", err.msg);
	cr_assert_eq(q.date, D(11, 3));
	cr_assert_str_eq(q.text, "Liquid?");
	cr_assert_not(q.answered);
	cr_assert_null(q.answer);
	wn_db_question_clear(&q);

	cr_assert_eq(wn_db_question_answer(db, id[1], "Yes, 2 mg/ml", &err), WN_OK, "%s", err.msg);
	cr_assert_eq(wn_db_question_answer(db, id[1], "Yes, 1 mg/ml\nfrom the pharmacy", &err),
	             WN_OK, "%s", err.msg);
	cr_assert_eq(wn_db_question_get(db, id[1], &q, &err), WN_OK, "%s", err.msg);
	cr_assert(q.answered);
	cr_assert_str_eq(q.answer, "Yes, 1 mg/ml\nfrom the pharmacy");
	wn_db_question_clear(&q);

	/* the day's questions carry it too */
	struct wn_day day;
	cr_assert_eq(wn_db_day_load(db, D(11, 3), &day, &err), WN_OK, "%s", err.msg);
	cr_assert_eq(day.n_questions, 2);
	cr_assert(day.questions[0].answered);
	cr_assert_not(day.questions[1].answered);
	wn_day_free(&day);

	cr_assert_eq(wn_db_question_answer(db, id[1], NULL, &err), WN_OK, "%s", err.msg);
	cr_assert_eq(wn_db_question_get(db, id[1], &q, &err), WN_OK, "%s", err.msg);
	cr_assert_not(q.answered);
	cr_assert_null(q.answer);
	wn_db_question_clear(&q);
}

Test(question, edit_keeps_day_and_answer)
{
	long id[3];
	three(id);
	cr_assert_eq(wn_db_question_answer(db, id[0], "two weeks", &err), WN_OK, "%s", err.msg);
	cr_assert_eq(wn_db_question_edit(db, id[0], "Hold for how long?", &err), WN_OK, "%s", err.msg);
	struct wn_question q;
	cr_assert_eq(wn_db_question_get(db, id[0], &q, &err), WN_OK, "%s", err.msg);
	cr_assert_str_eq(q.text, "Hold for how long?");
	cr_assert_eq(q.date, D(11, 1));
	cr_assert_str_eq(q.answer, "two weeks");
	wn_db_question_clear(&q);
}

Test(question, delete_one)
{
	long id[3];
	three(id);
	cr_assert_eq(wn_db_question_delete(db, id[1], &err), WN_OK, "%s", err.msg);
	struct wn_question *q;
	cr_assert_eq(all(&q), 2);
	cr_assert_eq(q[0].id, id[0]);
	cr_assert_eq(q[1].id, id[2]);
	wn_db_question_free_list(q, 2);
	cr_assert_eq(wn_db_question_delete(db, id[1], &err), WN_NOINPUT);
	char msg[64];
	snprintf(msg, sizeof msg, "no question with id %ld", id[1]);
	cr_assert_str_eq(err.msg, msg);
}

Test(question, list_by_dates_and_open)
{
	long id[3];
	three(id);
	cr_assert_eq(wn_db_question_answer(db, id[2], "halves are fine", &err), WN_OK, "%s", err.msg);
	struct wn_question *q;
	size_t n;
	struct wn_question_filter f = { .from = D(11, 2), .to = WN_DATE_NONE };
	cr_assert_eq(wn_db_question_list(db, &f, &q, &n, &err), WN_OK, "%s", err.msg);
	cr_assert_eq(n, 2);
	cr_assert_str_eq(q[0].text, "Liquid?");
	cr_assert_str_eq(q[1].answer, "halves are fine");
	wn_db_question_free_list(q, n);
	f = (struct wn_question_filter){ .from = WN_DATE_NONE, .to = D(11, 3), .open_only = true };
	cr_assert_eq(wn_db_question_list(db, &f, &q, &n, &err), WN_OK, "%s", err.msg);
	cr_assert_eq(n, 2);
	cr_assert_str_eq(q[0].text, "Hold?");
	cr_assert_str_eq(q[1].text, "Liquid?");
	wn_db_question_free_list(q, n);
	f = (struct wn_question_filter){ .from = D(11, 1), .to = D(11, 1) };
	cr_assert_eq(wn_db_question_list(db, &f, &q, &n, &err), WN_OK, "%s", err.msg);
	cr_assert_eq(n, 1);
	wn_db_question_free_list(q, n);
	f = (struct wn_question_filter){ .from = D(11, 4), .to = D(11, 30) };
	cr_assert_eq(wn_db_question_list(db, &f, &q, &n, &err), WN_OK, "%s", err.msg);
	cr_assert_eq(n, 0);
	wn_db_question_free_list(q, n);
}

/* An unknown id, and text that is empty, blank, too long or not text:
 * refused with a message, nothing changed. */
Test(question, refusals)
{
	long id[3];
	three(id);
	static const struct { const char *text; const char *msg; } bad[] = {
		{ "", "the question is empty" },
		{ " \n\t", "the question is empty" },
		{ "bad \xff byte", "question is not valid UTF-8 (byte 0xFF at offset 4)" },
		{ "bell\a", "question contains control character U+0007 at offset 4" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		cr_expect_eq(wn_db_question_edit(db, id[0], bad[i].text, &err), WN_DATAERR, "%zu", i);
		cr_expect_str_eq(err.msg, bad[i].msg, "%zu", i);
		cr_expect_eq(wn_db_question_add(db, D(11, 5), bad[i].text, &err), WN_DATAERR, "%zu", i);
	}
	cr_expect_eq(wn_db_question_edit(db, id[0], NULL, &err), WN_DATAERR);
	cr_expect_eq(wn_db_question_answer(db, id[0], "", &err), WN_DATAERR);
	cr_expect_str_eq(err.msg, "the answer is empty");
	size_t big = WN_NOTE_MAX + 1;
	char *long_text = malloc(big + 1);
	cr_assert_not_null(long_text);
	memset(long_text, 'a', big);
	long_text[big] = '\0';
	cr_expect_eq(wn_db_question_answer(db, id[0], long_text, &err), WN_DATAERR);
	cr_expect_not_null(strstr(err.msg, "answer"), "%s", err.msg);
	cr_expect_eq(wn_db_question_edit(db, id[0], long_text, &err), WN_DATAERR);
	free(long_text);

	cr_expect_eq(wn_db_question_edit(db, 99, "x", &err), WN_NOINPUT);
	cr_expect_str_eq(err.msg, "no question with id 99");
	cr_expect_eq(wn_db_question_answer(db, 99, "x", &err), WN_NOINPUT);
	cr_expect_eq(wn_db_question_answer(db, 99, NULL, &err), WN_NOINPUT);
	struct wn_question q;
	cr_expect_eq(wn_db_question_get(db, 99, &q, &err), WN_NOINPUT);
	cr_expect_str_eq(err.msg, "no question with id 99");

	struct wn_question *l;
	cr_assert_eq(all(&l), 3);
	cr_expect_str_eq(l[0].text, "Hold?");
	cr_expect_not(l[0].answered);
	wn_db_question_free_list(l, 3);
}
