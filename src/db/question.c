/* SPDX-License-Identifier: GPL-3.0-or-later */
/* question.c -- the questions for the prescriber: adding, answering,
 * editing, deleting and listing them (see db/question.h). */
#include "db/question.h"

#include <stdlib.h>
#include <string.h>

#include "db_int.h"

/* ---- checks ---------------------------------------------------------------------- */

static bool blank(const char *s)
{
	return s[strspn(s, " \t\r\n")] == '\0';
}

/* A question's or an answer's text (what: "question", "answer"). */
static int check_words(const char *what, const char *text, struct wn_err *err)
{
	if (!text || blank(text))
		return wn_err_set(err, WN_DATAERR, "the %s is empty", what);
	return wn_db_check_text(what, text, WN_NOTE_MAX, true, err);
}

/* After a write to question id: WN_NOINPUT when there was none. */
static int changed_one(struct wn_db *db, int rc, long id, struct wn_err *err)
{
	if (rc == WN_OK && sqlite3_changes(db->sql) == 0) {
		rc = wn_err_set(err, WN_NOINPUT, "no question with id %ld", id);
		wn_err_hint(err, "'wean question list' shows them with their ids");
	}
	return rc;
}

/* ---- writing --------------------------------------------------------------------- */

int wn_db_question_add(struct wn_db *db, wn_date date, const char *text,
                       struct wn_err *err)
{
	static const char sql[] = "INSERT INTO question(date, text) VALUES (?1, ?2)";
	sqlite3_stmt *st;
	int rc = wn_db_check_date(date, err);
	if (rc == WN_OK)
		rc = check_words("question", text, err);
	if (rc == WN_OK)
		rc = wn_db_stmt(db, sql, &st, err);
	if (rc != WN_OK)
		return rc;
	wn_db_bind_date(st, 1, date);
	sqlite3_bind_text(st, 2, text, -1, SQLITE_STATIC);
	return wn_db_finish(db, st, sqlite3_step(st), "save the question", err);
}

int wn_db_question_answer(struct wn_db *db, long id, const char *answer,
                          struct wn_err *err)
{
	static const char sql[] =
		"UPDATE question SET answered = ?2, answer = ?3 WHERE id = ?1";
	sqlite3_stmt *st;
	int rc = answer ? check_words("answer", answer, err) : WN_OK;
	if (rc == WN_OK)
		rc = wn_db_stmt(db, sql, &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, answer != NULL);
	if (answer)
		sqlite3_bind_text(st, 3, answer, -1, SQLITE_STATIC);
	rc = wn_db_finish(db, st, sqlite3_step(st), "save the answer", err);
	return changed_one(db, rc, id, err);
}

int wn_db_question_edit(struct wn_db *db, long id, const char *text,
                        struct wn_err *err)
{
	static const char sql[] = "UPDATE question SET text = ?2 WHERE id = ?1";
	sqlite3_stmt *st;
	int rc = check_words("question", text, err);
	if (rc == WN_OK)
		rc = wn_db_stmt(db, sql, &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, text, -1, SQLITE_STATIC);
	rc = wn_db_finish(db, st, sqlite3_step(st), "save the question", err);
	return changed_one(db, rc, id, err);
}

int wn_db_question_delete(struct wn_db *db, long id, struct wn_err *err)
{
	static const char sql[] = "DELETE FROM question WHERE id = ?1";
	sqlite3_stmt *st;
	int rc = wn_db_stmt(db, sql, &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	rc = wn_db_finish(db, st, sqlite3_step(st), "delete the question", err);
	return changed_one(db, rc, id, err);
}

/* ---- reading --------------------------------------------------------------------- */

static int read_question(sqlite3_stmt *st, void *item)
{
	struct wn_question *q = item;
	q->id = (long)sqlite3_column_int64(st, 0);
	q->date = wn_db_col_date(st, 1);
	q->answered = sqlite3_column_int(st, 3) != 0;
	if (wn_db_col_dup(st, 2, &q->text) != 0 || !q->text ||
	    wn_db_col_dup(st, 4, &q->answer) != 0) {
		wn_db_question_clear(q);
		return -1;
	}
	return 0;
}

static const struct wn_db_rows question_rows = {
	sizeof(struct wn_question), read_question, "read the questions"
};

void wn_db_question_clear(struct wn_question *q)
{
	free(q->text);
	free(q->answer);
	q->text = q->answer = NULL;
}

void wn_db_question_free_list(struct wn_question *q, size_t n)
{
	for (size_t i = 0; q && i < n; i++)
		wn_db_question_clear(&q[i]);
	free(q);
}

int wn_db_question_get(struct wn_db *db, long id, struct wn_question *out,
                       struct wn_err *err)
{
	static const char sql[] = "SELECT id, date, text, answered, answer"
		" FROM question WHERE id = ?1";
	sqlite3_stmt *st;
	memset(out, 0, sizeof *out);
	int rc = wn_db_stmt(db, sql, &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	rc = wn_db_fetch_one(db, st, &question_rows, out, err);
	if (rc == WN_NOINPUT) {
		wn_err_set(err, WN_NOINPUT, "no question with id %ld", id);
		wn_err_hint(err, "'wean question list' shows them with their ids");
	}
	return rc;
}

int wn_db_question_list(struct wn_db *db, const struct wn_question_filter *f,
                        struct wn_question **out, size_t *n, struct wn_err *err)
{
	/* dates are 'YYYY-MM-DD' text: "" and "9999-12-31" bound nothing */
	static const char sql[] = "SELECT id, date, text, answered, answer FROM question"
		" WHERE date BETWEEN ?1 AND ?2 AND (?3 = 0 OR answered = 0) ORDER BY date, id";
	sqlite3_stmt *st;
	void *arr = NULL;
	*out = NULL;
	*n = 0;
	int rc = wn_db_stmt(db, sql, &st, err);
	if (rc != WN_OK)
		return rc;
	if (f->from == WN_DATE_NONE)
		sqlite3_bind_text(st, 1, "", -1, SQLITE_STATIC);
	else
		wn_db_bind_date(st, 1, f->from);
	if (f->to == WN_DATE_NONE)
		sqlite3_bind_text(st, 2, "9999-12-31", -1, SQLITE_STATIC);
	else
		wn_db_bind_date(st, 2, f->to);
	sqlite3_bind_int(st, 3, f->open_only);
	rc = wn_db_collect(db, st, &question_rows, &arr, n, err);
	*out = arr;
	return rc;
}
