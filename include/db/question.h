/* SPDX-License-Identifier: GPL-3.0-or-later */
/* question.h -- the person's questions for the prescriber: adding one to a
 * day, answering it (again, to change the answer), making it open again,
 * changing its words, deleting it, and listing them.  A question belongs
 * to the day it was asked on (struct wn_question, core/records.h); the
 * day's questions also come with the day (db/day.h's wn_db_day_load).
 *
 * See db/db.h for what every db function shares: a write joins the
 * caller's transaction, else runs in its own; WN_TEMPFAIL when the diary
 * stays busy; details go into err.
 *
 * Text: a question or an answer is a note's text (core/text.h: valid
 * UTF-8, newlines and tabs allowed, no other control character) of at
 * most WN_NOTE_MAX bytes, as the diary keeps it, and not blank: WN_DATAERR
 * otherwise ("the question is empty", "the answer is longer than ...").
 * What a person types on the command line or on Today is held to
 * WN_QUESTION_MAX bytes before it gets here.
 */
#ifndef WEAN_DB_QUESTION_H
#define WEAN_DB_QUESTION_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"
#include "core/records.h"
#include "core/status.h"

struct wn_db;

/* A new, open question asked on date (a day of the diary's window:
 * wn_db_check_date). */
int wn_db_question_add(struct wn_db *db, wn_date date, const char *text,
                       struct wn_err *err);

/* Question id into *out (owned strings: free with wn_db_question_clear).
 * WN_NOINPUT "no question with id N" when there is none. */
int wn_db_question_get(struct wn_db *db, long id, struct wn_question *out,
                       struct wn_err *err);
void wn_db_question_clear(struct wn_question *q);

/* Answers question id (an answer given before is replaced); answer NULL
 * makes it open again, without an answer.  WN_NOINPUT for an unknown id. */
int wn_db_question_answer(struct wn_db *db, long id, const char *answer,
                          struct wn_err *err);
/* Changes the words of question id (its day and answer stay). */
int wn_db_question_edit(struct wn_db *db, long id, const char *text,
                        struct wn_err *err);
/* Deletes question id.  WN_NOINPUT for an unknown id. */
int wn_db_question_delete(struct wn_db *db, long id, struct wn_err *err);

/* Which questions wn_db_question_list gives. */
struct wn_question_filter {
	wn_date from, to;        /* asked on these days, inclusive;
	                            WN_DATE_NONE: no limit that side */
	bool open_only;          /* only those without an answer */
};

/* The questions f selects, by date, then in the order they were asked,
 * into a malloc'd array (free with wn_db_question_free_list, also after a
 * failure). */
int wn_db_question_list(struct wn_db *db, const struct wn_question_filter *f,
                        struct wn_question **out, size_t *n, struct wn_err *err);
void wn_db_question_free_list(struct wn_question *q, size_t n);

#endif
