/* SPDX-License-Identifier: GPL-3.0-or-later */
/* today_input.c -- what keys do on the Today screen (see today.h): actions
 * become writes to the diary, one transaction each, and typed text goes
 * to the one-line prompt, the note editor or a y/N question (a kept
 * draft, deleting a question).  What a key means for a value is
 * core/today.h's. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "db/day.h"
#include "db/question.h"
#include "db/note.h"
#include "core/text.h"
#include "db/holdrule.h"
#include "findings.h"
#include "today.h"

static int now_minute(void)
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	return tm.tm_hour * 60 + tm.tm_min;
}

static bool blank(const char *s)
{
	return s[strspn(s, " ")] == '\0';
}

/* ---- moving ------------------------------------------------------------- */

void wn_ui_today_focus(struct today *t, int kind, int idx)
{
	t->focus_kind = kind;
	t->focus_idx = idx;
	wn_today_typing_reset(&t->typing);
}

static void move_focus(struct today *t, int dir)
{
	const struct wn_today_field *to =
		wn_today_layout_move(&t->layout, wn_ui_today_focused(t), dir);
	if (to)
		wn_ui_today_focus(t, to->kind, to->idx);
}

/* ---- writing values ----------------------------------------------------- */

/* The check-in patch that sets a built-in metric to v (NAN clears it). */
static struct wn_checkin_patch metric_patch(wn_date date, int kind, double v)
{
	static const unsigned bit[] = { WN_SET_MOOD, WN_SET_ANXIETY,
	                                WN_SET_ENERGY, WN_SET_SLEEP };
	struct wn_checkin_patch p = { .date = date, .set = bit[kind],
	                              .mood = WN_UNSET, .anxiety = WN_UNSET,
	                              .energy = WN_UNSET, .sleep = NAN };
	int iv = isnan(v) ? WN_UNSET : (int)v;
	if (kind == WN_TODAY_MOOD) p.mood = iv;
	if (kind == WN_TODAY_ANXIETY) p.anxiety = iv;
	if (kind == WN_TODAY_ENERGY) p.energy = iv;
	if (kind == WN_TODAY_SLEEP) p.sleep = v;
	return p;
}

/* Sets the metric f (its kind and idx) to v; NAN clears it. */
static void set_metric(struct wn_ui *ui, struct today *t,
                       const struct wn_today_field *f, double v)
{
	struct wn_err err = { 0 };
	int rc;
	const char *name = wn_today_metric_name(ui->cfg, f->kind, f->idx);
	if (f->kind == WN_TODAY_CUSTOM) {
		rc = wn_db_metric_set(ui->db, t->date, name, v, &err);
	} else {
		struct wn_checkin_patch p = metric_patch(t->date, f->kind, v);
		rc = wn_db_checkin_update(ui->db, &p, &err);
	}
	char what[96];
	if (isnan(v))
		snprintf(what, sizeof what, "%s cleared", name);
	else
		snprintf(what, sizeof what, "%s %g%s", name, v,
		         f->kind == WN_TODAY_SLEEP ? " h" : "");
	wn_ui_today_written(ui, t, rc == WN_OK ? NULL : &err, what);
}

static int set_rating(struct wn_ui *ui, struct today *t, int idx, int v)
{
	struct wn_err err = { 0 };
	int rc = wn_db_rating_set(ui->db, t->date, t->sym[idx].id, v, &err);
	char what[128];
	snprintf(what, sizeof what, "%s: %s", t->sym[idx].name, wn_today_level_word(v));
	wn_ui_today_written(ui, t, rc == WN_OK ? NULL : &err, what);
	return rc;
}

/* Whether what was typed on a metric can grow no more: no digit would
 * stay in its range, and a point could not follow (a whole number, or a
 * point already typed). */
static bool typed_final(const struct wn_today_typing *ty,
                        const struct wn_today_key *k)
{
	bool whole = k->kind == WN_TODAY_MOOD || k->kind == WN_TODAY_ANXIETY ||
	             k->kind == WN_TODAY_ENERGY;
	bool dot = strchr(ty->acc, '.') != NULL;
	if (dot)
		return strlen(strchr(ty->acc, '.')) > 1;
	return whole && strtod(ty->acc, NULL) * 10 > k->range.hi;
}

/* After a metric is rated for good: the focus moves on (right along the
 * row, else down), so the next digit rates the next line. */
static void next_metric(struct today *t)
{
	const struct wn_today_field *at = wn_ui_today_focused(t);
	const struct wn_today_field *to = wn_today_layout_move(&t->layout, at,
	                                                       WN_TODAY_RIGHT);
	if (!to || to == at)
		to = wn_today_layout_move(&t->layout, at, WN_TODAY_DOWN);
	if (to && to != at)
		wn_ui_today_focus(t, to->kind, to->idx);
}

/* A digit or a point on a metric: digits typed quickly make one number. */
static void metric_digit(struct wn_ui *ui, struct today *t,
                         const struct wn_today_field *f, char c)
{
	const char *name = wn_today_metric_name(ui->cfg, f->kind, f->idx);
	struct wn_today_key key = { .kind = f->kind, .idx = f->idx, .c = c,
		.ms = wn_ui_now_ms(),
		.range = wn_today_metric_range(ui->cfg, f->kind, f->idx) };
	double v;
	switch (wn_today_type(&t->typing, &key, &v)) {
	case WN_TODAY_TYPED_NO_DOT:
		wn_ui_msg(ui, WN_R_NOTICE, "%s is a whole number", name);
		break;
	case WN_TODAY_TYPED_RANGE:
		wn_ui_msg(ui, WN_R_NOTICE, "%s goes from %g to %g", name, key.range.lo,
		          key.range.hi);
		break;
	case WN_TODAY_TYPED_SET:
		set_metric(ui, t, f, v);
		if (typed_final(&t->typing, &key))
			next_metric(t);     /* on to the next, as a symptom does */
		break;
	default:
		break;
	}
}

static void symptom_digit(struct wn_ui *ui, struct today *t,
                          const struct wn_today_field *f, int d)
{
	if (d > 3) {
		wn_ui_msg(ui, WN_R_NOTICE, "symptoms go from 0 to 3: 0 none,"
		          " 1 mild, 2 moderate, 3 severe");
		return;
	}
	if (set_rating(ui, t, f->idx, d) == WN_OK && (size_t)f->idx + 1 < t->n_sym)
		wn_ui_today_focus(t, WN_TODAY_SYMPTOM, f->idx + 1);   /* on to the next */
}

static void open_prompt(struct today *t, int kind, int idx, const char *text)
{
	bool words = kind == WN_UI_TODAY_QUESTION || kind == WN_UI_TODAY_ANSWER ||
	             kind == WN_UI_TODAY_REWORD;
	if (wn_edit_init(&t->line, text, words ? WN_QUESTION_MAX : WN_UI_TODAY_LINE_MAX,
	                 false) != WN_OK)
		return;
	t->prompt = kind;
	t->prompt_idx = idx;
}

static void on_digit(struct wn_ui *ui, struct today *t, int d)
{
	const struct wn_today_field *f = wn_ui_today_focused(t);
	if (!f)
		return;
	if (wn_today_is_metric(f->kind)) {
		metric_digit(ui, t, f, (char)('0' + d));
	} else if (f->kind == WN_TODAY_SYMPTOM) {
		symptom_digit(ui, t, f, d);
	} else if (f->kind == WN_TODAY_DOSE) {
		char start[2] = { (char)('0' + d), '\0' };
		open_prompt(t, WN_UI_TODAY_DOSE, f->idx, start);
	} else {
		wn_ui_msg(ui, WN_R_DIM, "digits rate the focused line: move to"
		          " a metric or a symptom first (j/k)");
	}
}

/* + and -. */
static void step_value(struct wn_ui *ui, struct today *t, int dir)
{
	const struct wn_today_field *f = wn_ui_today_focused(t);
	if (!f)
		return;
	wn_today_typing_reset(&t->typing);
	if (f->kind == WN_TODAY_SYMPTOM) {
		int v;
		if (wn_today_step_rating(wn_today_rating(&t->day, t->sym[f->idx].id),
		                         dir, &v))
			set_rating(ui, t, f->idx, v);
		return;
	}
	if (!wn_today_is_metric(f->kind))
		return;
	double v = wn_today_step_metric(f->kind,
		wn_today_metric_value(&t->day, ui->cfg, f->kind, f->idx),
		wn_today_metric_range(ui->cfg, f->kind, f->idx), dir);
	if (!isnan(v))
		set_metric(ui, t, f, v);
}

/* ---- doses -------------------------------------------------------------- */

/* The medication of the focused dose line, or the only one; -1. */
static int focused_med(const struct today *t)
{
	const struct wn_today_field *f = wn_ui_today_focused(t);
	if (f && f->kind == WN_TODAY_DOSE)
		return f->idx;
	if (f && f->kind == WN_TODAY_DOSE_TIME)
		return f->idx / WN_DOSES_MAX;
	return t->n_med == 1 ? 0 : -1;
}

/* The planned dose under the focus (a row of a plan with doses through
 * the day) into *s (may be NULL); false when the focus is not on one. */
static bool focused_slot(const struct today *t, struct wn_today_slot *s)
{
	const struct wn_today_field *f = wn_ui_today_focused(t);
	struct wn_today_slot all[WN_DOSES_MAX];
	if (!f || f->kind != WN_TODAY_DOSE_TIME)
		return false;
	int k = f->idx % WN_DOSES_MAX;
	if (k >= wn_ui_today_slots(t, (size_t)(f->idx / WN_DOSES_MAX), all))
		return false;
	if (s)
		*s = all[k];
	return true;
}

/* A dose to log: medication m, its amount and time. */
struct dose_entry {
	int m;
	double amount;
	int minute;
};

static void log_dose(struct wn_ui *ui, struct today *t, struct dose_entry e)
{
	const struct wn_med *med = &t->med[e.m];
	struct wn_dose d = { .date = t->date, .minute = e.minute,
	                     .med_id = med->id, .amount = e.amount };
	struct wn_err err = { 0 };
	int rc = wn_db_dose_add(ui->db, &d, NULL, &err);
	char hm[16], what[160];
	wn_today_minute_text(e.minute, hm, sizeof hm);
	snprintf(what, sizeof what, "%s %.6g %s at %s", med->name, e.amount,
	         med->unit, hm);
	wn_ui_today_written(ui, t, rc == WN_OK ? NULL : &err, what);
	if (rc == WN_OK)
		t->usual[e.m] = e.amount;
}

/* The medication d and s act on: the focused (or only) one, focused on
 * its dose row; -1 with the reason in the status line when there is none. */
static int dose_med(struct wn_ui *ui, struct today *t)
{
	int m = focused_med(t);
	if (t->n_med == 0)
		wn_ui_msg(ui, WN_R_NOTICE, "no medications yet: add one with"
		          "  wean med add NAME");
	else if (m < 0)
		wn_ui_msg(ui, WN_R_NOTICE, "move to a medication first (j/k)");
	else if (!focused_slot(t, NULL))
		wn_ui_today_focus(t, WN_TODAY_DOSE, m);
	return t->n_med == 0 ? -1 : m;
}

/* d: the usual dose now, or the prompt when there is none. */
static void on_dose(struct wn_ui *ui, struct today *t)
{
	int m = dose_med(ui, t);
	struct wn_today_slot sl;
	if (m < 0)
		return;
	if (focused_slot(t, &sl) && sl.planned > 0)   /* that dose, at its time */
		log_dose(ui, t, (struct dose_entry){ m, sl.planned, sl.minute });
	else if (isnan(t->usual[m]))
		open_prompt(t, WN_UI_TODAY_DOSE, m, NULL);
	else
		log_dose(ui, t, (struct dose_entry){ m, t->usual[m], now_minute() });
}

/* s: on a dose row, that dose skipped; else the focused (or only)
 * medication's dose of the day shown recorded as skipped -- not taken
 * (core/vocab.h); its doses of that day go. */
static void on_skip(struct wn_ui *ui, struct today *t)
{
	int m = dose_med(ui, t);
	struct wn_today_slot sl;
	if (m < 0)
		return;
	if (focused_slot(t, &sl)) {
		wn_ui_today_skip_dose(ui, t, m, &sl);
		return;
	}
	struct wn_err err = { 0 };
	char what[160];
	snprintf(what, sizeof what, "%s recorded as skipped (not taken); x removes it",
	         t->med[m].name);
	int rc = wn_db_dose_skip(ui->db, t->date, t->med[m].id, NULL, &err);
	wn_ui_today_written(ui, t, rc == WN_OK ? NULL : &err, what);
}

static void clear_dose(struct wn_ui *ui, struct today *t, int m)
{
	const struct wn_dose *d = wn_today_last_dose(&t->day, t->med[m].id);
	if (!d) {
		wn_ui_msg(ui, WN_R_DIM, "no dose of %s logged on this day",
		          t->med[m].name);
		return;
	}
	struct wn_err err = { 0 };
	char what[128];
	snprintf(what, sizeof what, d->amount > 0 ? "last %s dose removed" :
	         "%s: the skip is removed", t->med[m].name);
	int rc = wn_db_dose_delete(ui->db, d->id, &err);
	wn_ui_today_written(ui, t, rc == WN_OK ? NULL : &err, what);
}

/* ---- the day's questions ------------------------------------------------ */

/* The day's question under the focus, or NULL. */
static const struct wn_question *focused_question(const struct today *t)
{
	const struct wn_today_field *f = wn_ui_today_focused(t);
	if (!f || f->kind != WN_TODAY_QUESTION_LINE || t->focus_kind != f->kind ||
	    (size_t)f->idx >= t->day.n_questions)
		return NULL;
	return &t->day.questions[f->idx];
}

/* a (bound only while a question has the focus): the answer prompt,
 * holding the answer given before. */
static void on_answer(struct today *t)
{
	const struct wn_question *q = focused_question(t);
	if (!q)
		return;
	open_prompt(t, WN_UI_TODAY_ANSWER, t->focus_idx, q->answered ? q->answer : NULL);
	t->prompt_id = q->id;
}

/* Enter on a question: its words in the prompt, to change. */
static void reword(struct wn_ui *ui, struct today *t)
{
	const struct wn_question *q = focused_question(t);
	if (!q)
		return;
	if (strlen(q->text) > WN_QUESTION_MAX) {
		wn_ui_msg(ui, WN_R_NOTICE, "this question is too long to change here: use"
		          "  wean question edit %ld TEXT", q->id);
		return;
	}
	open_prompt(t, WN_UI_TODAY_REWORD, t->focus_idx, q->text);
	t->prompt_id = q->id;
}

/* x on a question: asks y/N first (the bottom row says so). */
static void ask_delete(struct wn_ui *ui, struct today *t)
{
	const struct wn_question *q = focused_question(t);
	if (q) {
		t->delete_id = q->id;
		t->delete_what = WN_UI_DEL_QUESTION;
	}
	ui->msg[0] = '\0';
}

/* The focus after the day's questions changed: the same place, or the
 * last question, or the questions row when none is left. */
static void refocus_question(struct today *t)
{
	if (t->day.n_questions == 0)
		wn_ui_today_focus(t, WN_TODAY_QUESTIONS, 0);
	else if ((size_t)t->focus_idx >= t->day.n_questions)
		wn_ui_today_focus(t, WN_TODAY_QUESTION_LINE, (int)t->day.n_questions - 1);
}

/* The key after "delete the question ...? y/N": y deletes it; n, Esc or
 * Enter keep it; other keys answer nothing (the question stays). */
static void delete_input(struct wn_ui *ui, struct today *t, const struct wn_input *in)
{
	int yes = wn_ui_ask_answer(in);
	if (yes < 0) {
		wn_ui_msg(ui, WN_R_DIM, "y or n, please (Esc: no)");
		return;
	}
	if (t->delete_what != WN_UI_DEL_QUESTION) {
		wn_ui_today_delete_other(ui, t, yes == 1);
		return;
	}
	long id = t->delete_id;
	t->delete_id = 0;
	if (!yes) {
		wn_ui_msg(ui, WN_R_DIM, "kept: the question is not deleted");
		return;
	}
	struct wn_err err = { 0 };
	int rc = wn_db_question_delete(ui->db, id, &err);
	wn_ui_today_written(ui, t, rc == WN_OK ? NULL : &err, "question deleted");
	refocus_question(t);
}

/* Whether the day shows question id answered. */
static bool shown_answered(const struct today *t, long id)
{
	for (size_t i = 0; i < t->day.n_questions; i++)
		if (t->day.questions[i].id == id)
			return t->day.questions[i].answered;
	return false;
}

/* true when the prompt may close.  An emptied answer makes the question
 * open again. */
static bool submit_answer(struct wn_ui *ui, struct today *t)
{
	struct wn_err err = { 0 };
	bool clear = blank(t->line.s);
	if (!t->line.changed || (clear && !shown_answered(t, t->prompt_id))) {
		wn_ui_msg(ui, WN_R_DIM, "nothing changed");
		return true;
	}
	int rc = wn_db_question_answer(ui->db, t->prompt_id, clear ? NULL : t->line.s, &err);
	wn_ui_today_written(ui, t, rc == WN_OK ? NULL : &err,
	                    clear ? "answer removed, the question is open again" : "answer");
	return rc == WN_OK;
}

static bool submit_reword(struct wn_ui *ui, struct today *t)
{
	struct wn_err err = { 0 };
	if (!t->line.changed) {
		wn_ui_msg(ui, WN_R_DIM, "nothing changed");
		return true;
	}
	if (blank(t->line.s)) {
		wn_ui_msg(ui, WN_R_ERROR, "a question needs words (Esc keeps it as it was;"
		          " x deletes it)");
		return false;
	}
	int rc = wn_db_question_edit(ui->db, t->prompt_id, t->line.s, &err);
	wn_ui_today_written(ui, t, rc == WN_OK ? NULL : &err, "question changed");
	return rc == WN_OK;
}

/* ---- flag, clear -------------------------------------------------------- */

void wn_ui_today_toggle_flag(struct wn_ui *ui, struct today *t)
{
	struct wn_checkin_patch p = { .date = t->date, .set = WN_SET_FLAG,
	                              .flag = !t->day.ci.flag };
	struct wn_err err = { 0 };
	int rc = wn_db_checkin_update(ui->db, &p, &err);
	wn_ui_today_written(ui, t, rc == WN_OK ? NULL : &err,
	                    p.flag ? "flagged for the prescriber" : "flag removed");
}

static void clear_value(struct wn_ui *ui, struct today *t)
{
	const struct wn_today_field *f = wn_ui_today_focused(t);
	if (!f)
		return;
	wn_today_typing_reset(&t->typing);
	if (wn_today_is_metric(f->kind))
		set_metric(ui, t, f, NAN);
	else if (f->kind == WN_TODAY_SYMPTOM)
		set_rating(ui, t, f->idx, WN_UNSET);
	else if (f->kind == WN_TODAY_DOSE)
		clear_dose(ui, t, f->idx);
	else if (f->kind == WN_TODAY_FLAG && t->day.ci.flag)
		wn_ui_today_toggle_flag(ui, t);
	else if (f->kind == WN_TODAY_NOTE)
		wn_ui_msg(ui, WN_R_DIM, "to change the note, press n");
	else if (f->kind == WN_TODAY_QUESTION_LINE)
		ask_delete(ui, t);
	else if (f->kind == WN_TODAY_QNOTE_LINE)
		wn_ui_today_ask_delete(ui, t, WN_UI_DEL_QNOTE);
}

/* ---- the note ----------------------------------------------------------- */

/* The note's base, owned: a copy of base (NULL: none).  false when out of
 * memory. */
static bool set_base(struct today *t, const char *base)
{
	free(t->note_base);
	t->note_base = base && *base ? strdup(base) : NULL;
	return !(base && *base) || t->note_base;
}

void wn_ui_today_open_note(struct wn_ui *ui, struct today *t, const char *text,
                           const char *base)
{
	struct wn_err err = { 0 };
	if (t->editing)
		return;
	/* edit the note as it is now, not as it was when last shown (a stale
	 * one is still safe: its save keeps what changed meanwhile) */
	bool stale = !text && wn_ui_today_reload(ui, t, &err) != WN_OK;
	if (!text)
		base = t->day.ci.note;
	if (!set_base(t, base) || wn_edit_init(&t->note, text ? text : base,
	                                       WN_TEXT_NOTE_MAX, true) != WN_OK) {
		set_base(t, NULL);
		wn_ui_msg(ui, WN_R_ERROR, "out of memory");
		return;
	}
	t->note.changed = text != NULL;
	t->editing = true;
	t->note_date = t->date;
	t->draft_dirty = t->note.changed;
	t->draft_ms = wn_ui_now_ms();
	wn_ui_today_focus(t, WN_TODAY_NOTE, 0);
	ui->msg[0] = '\0';
	if (stale)
		wn_ui_msg_err(ui, "the note shown may be out of date", &err);
}

void wn_ui_today_close_note(struct today *t)
{
	wn_edit_free(&t->note);
	set_base(t, NULL);
	t->editing = false;
}

static bool same_note(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

/* Save the note to the diary and leave the editor (true); on failure stay
 * in it (with a draft kept) so nothing typed is lost.  A note another wean
 * changed meanwhile is not overwritten: both are kept (db/note.h). */
static bool finish_note(struct wn_ui *ui, struct today *t)
{
	if (!t->note.changed || same_note(t->note.s, t->note_base)) {
		if (t->note.changed)
			wn_ui_today_draft_clear(ui, t);
		wn_ui_today_close_note(t);
		return true;
	}
	struct wn_note_edit e = { .date = t->note_date, .was = t->note_base,
	                          .text = t->note.s };
	struct wn_err err = { 0 };
	int saved;
	if (wn_db_note_save(ui->db, &e, &saved, &err) != WN_OK) {
		wn_ui_today_draft_note(ui, t);
		wn_ui_msg_err(ui, "note not saved (still open; kept as a draft)", &err);
		return false;
	}
	wn_ui_today_draft_clear(ui, t);
	wn_ui_today_close_note(t);
	wn_ui_today_written(ui, t, NULL, "note");
	if (saved == WN_NOTE_BOTH_KEPT && ui->msg_role == WN_R_SAVED)
		wn_ui_msg(ui, WN_R_NOTICE, "note%ssaved; another wean changed it"
		          " meanwhile: both are kept", ui->g->sep);
	return true;
}

/* The note in $EDITOR, through a private file that outlives a kill: it is
 * kept as a draft first, and the file is removed only once its text is
 * saved or kept.  When the terminal goes away meanwhile, what the editor
 * wrote stays open for the hangup hook to keep, and the file stays too. */
void wn_ui_today_note_external(struct wn_ui *ui, struct today *t)
{
	bool was_open = t->editing;
	wn_ui_today_open_note(ui, t, NULL, NULL);
	if (!t->editing)
		return;
	const char *why;
	if (!wn_ui_today_external_ok(ui, &why)) {
		wn_ui_msg(ui, WN_R_NOTICE, "%s", why);
		return;
	}
	char path[8192];
	struct wn_err err = { 0 };
	int rc = wn_ui_today_edit_file(ui, t, path, sizeof path, &err);
	bool made = rc == WN_OK;
	if (made) {
		wn_ui_today_draft_note(ui, t);
		rc = wn_edit_external(ui, &t->note, path, &err);
	}
	if (made && rc != WN_OK && wn_ui_signalled()) {
		wn_edit_read_file(&t->note, path, NULL);
		return;
	}
	bool safe = true;      /* what the file holds is saved, or let go */
	if (rc == WN_OK) {
		safe = finish_note(ui, t);
	} else {
		wn_ui_msg_err(ui, "the note was not changed", &err);
		if (!was_open) {
			wn_ui_today_draft_clear(ui, t);
			wn_ui_today_close_note(t);
		}
	}
	if (made && safe)
		unlink(path);
}

static void note_input(struct wn_ui *ui, struct today *t, const struct wn_input *in)
{
	int arg;
	const struct wn_binding *b = wn_ui_lookup(WN_SC_NOTE, in, &arg);
	if (b && b->action == WN_A_TEXT_DONE) {
		finish_note(ui, t);
		return;
	}
	if (b && b->action == WN_A_TEXT_EXTERNAL) {
		wn_ui_today_note_external(ui, t);
		return;
	}
	int r = wn_edit_key(&t->note, in, wn_ui_today_note_width(ui));
	if (r == WN_EDIT_FULL)
		wn_ui_msg(ui, WN_R_NOTICE, "the note is at its size limit");
	if (r == WN_EDIT_CHANGED) {
		t->draft_dirty = true;
		if (wn_ui_now_ms() - t->draft_ms > WN_UI_TODAY_DRAFT_MS)
			wn_ui_today_draft_note(ui, t);
	}
}

/* ---- one-line prompts --------------------------------------------------- */

void wn_ui_today_close_prompt(struct today *t)
{
	wn_edit_free(&t->line);
	t->prompt = WN_UI_TODAY_NO_PROMPT;
}

/* A metric's value typed as a line; true when the prompt may close. */
static bool submit_value(struct wn_ui *ui, struct today *t)
{
	struct wn_today_field f = { .kind = t->focus_kind, .idx = t->focus_idx };
	struct wn_today_range r = wn_today_metric_range(ui->cfg, f.kind, f.idx);
	double v;
	if (wn_today_parse_value(f.kind, t->line.s, r, &v) != WN_OK) {
		wn_ui_msg(ui, WN_R_ERROR, "a number from %g to %g, please", r.lo, r.hi);
		return false;
	}
	set_metric(ui, t, &f, v);
	return true;
}

static bool submit_dose(struct wn_ui *ui, struct today *t)
{
	struct dose_entry e = { .m = t->prompt_idx };
	if (wn_today_parse_dose(t->line.s, now_minute(), &e.amount,
	                        &e.minute) != WN_OK) {
		wn_ui_msg(ui, WN_R_ERROR, "an amount and maybe a time, e.g."
		          " 12.5 08:30");
		return false;
	}
	log_dose(ui, t, e);
	return true;
}

/* true when the prompt may close */
static bool submit_prompt(struct wn_ui *ui, struct today *t)
{
	struct wn_err err = { 0 };
	int rc;
	if (t->prompt == WN_UI_TODAY_VALUE)
		return submit_value(ui, t);
	if (t->prompt == WN_UI_TODAY_DOSE)
		return submit_dose(ui, t);
	if (t->prompt == WN_UI_TODAY_ANSWER)
		return submit_answer(ui, t);
	if (t->prompt == WN_UI_TODAY_REWORD)
		return submit_reword(ui, t);
	if (t->prompt == WN_UI_TODAY_QNOTE_EDIT)
		return wn_ui_today_qnote_submit(ui, t);
	if (blank(t->line.s))
		return true;
	bool question = t->prompt == WN_UI_TODAY_QUESTION;
	if (question)
		rc = wn_db_question_add(ui->db, t->date, t->line.s, &err);
	else
		rc = wn_db_quicknote_add(ui->db, t->date, now_minute(), t->line.s, &err);
	wn_ui_today_written(ui, t, rc == WN_OK ? NULL : &err,
	                    question ? "question" : "quick note");
	return rc == WN_OK;
}

static void prompt_input(struct wn_ui *ui, struct today *t, const struct wn_input *in)
{
	int arg;
	const struct wn_binding *b = wn_ui_lookup(WN_SC_PROMPT, in, &arg);
	if (b && b->action == WN_A_TEXT_CANCEL) {
		wn_ui_today_close_prompt(t);
		wn_ui_msg(ui, WN_R_DIM, "cancelled");
	} else if (b && b->action == WN_A_TEXT_DONE) {
		if (submit_prompt(ui, t))
			wn_ui_today_close_prompt(t);
	} else if (wn_edit_key(&t->line, in, ui->cols) == WN_EDIT_FULL) {
		wn_ui_msg(ui, WN_R_NOTICE, "that is as long as it can be");
	}
}

void wn_ui_today_text(struct wn_ui *ui, struct today *t, const struct wn_input *in)
{
	if (t->ask)
		wn_ui_today_ask_input(ui, t, in);
	else if (t->offer)
		wn_ui_today_offer_input(ui, t, in);
	else if (t->delete_id)
		delete_input(ui, t, in);
	else if (t->prompt != WN_UI_TODAY_NO_PROMPT)
		prompt_input(ui, t, in);
	else if (t->editing)
		note_input(ui, t, in);
}

/* ---- actions ------------------------------------------------------------ */

/* Enter on a dose line: the prompt, pre-filled with the usual dose now. */
static void enter_dose(struct today *t, int m)
{
	char val[32] = "", hm[16];
	wn_today_minute_text(now_minute(), hm, sizeof hm);
	if (!isnan(t->usual[m]))
		snprintf(val, sizeof val, "%g %s", t->usual[m], hm);
	open_prompt(t, WN_UI_TODAY_DOSE, m, val);
}

/* Enter on a planned dose of the day: the prompt, pre-filled with that
 * dose at its time ("0.75 22:00"). */
static void enter_dose_time(struct today *t, int m)
{
	struct wn_today_slot sl;
	char val[32] = "";
	if (focused_slot(t, &sl))
		snprintf(val, sizeof val, "%g %02d:%02d", sl.planned, sl.minute / 60, sl.minute % 60);
	open_prompt(t, WN_UI_TODAY_DOSE, m, val);
}

/* Enter on a metric: the prompt, pre-filled with its value. */
static void enter_value(struct wn_ui *ui, struct today *t,
                        const struct wn_today_field *f)
{
	char val[32] = "";
	double v = wn_today_metric_value(&t->day, ui->cfg, f->kind, f->idx);
	if (!isnan(v))
		snprintf(val, sizeof val, "%g", v);
	open_prompt(t, WN_UI_TODAY_VALUE, 0, val);
}

static void on_enter(struct wn_ui *ui, struct today *t)
{
	const struct wn_today_field *f = wn_ui_today_focused(t);
	if (!f)
		return;
	switch (f->kind) {
	case WN_TODAY_SYMPTOM:
		set_rating(ui, t, f->idx, wn_today_cycle_rating(
			wn_today_rating(&t->day, t->sym[f->idx].id)));
		break;
	case WN_TODAY_DOSE: enter_dose(t, f->idx); break;
	case WN_TODAY_DOSE_TIME: enter_dose_time(t, f->idx / WN_DOSES_MAX); break;
	case WN_TODAY_FLAG: wn_ui_today_toggle_flag(ui, t); break;
	case WN_TODAY_QUESTIONS: open_prompt(t, WN_UI_TODAY_QUESTION, 0, NULL); break;
	case WN_TODAY_QUICK: open_prompt(t, WN_UI_TODAY_QUICK, 0, NULL); break;
	case WN_TODAY_NOTE: wn_ui_today_open_note(ui, t, NULL, NULL); break;
	case WN_TODAY_QUESTION_LINE: reword(ui, t); break;
	case WN_TODAY_QNOTE_LINE: wn_ui_today_qnote_edit(ui, t); break;
	default: enter_value(ui, t, f); break;
	}
}

static void move_day(struct wn_ui *ui, struct today *t, int action)
{
	wn_date target = action == WN_A_PREV_DAY ? t->date - 1
	               : action == WN_A_NEXT_DAY ? t->date + 1 : ui->today;
	if (target > ui->today) {
		wn_ui_msg(ui, WN_R_NOTICE, "today is as far as it goes: no"
		          " check-ins ahead of time");
		return;
	}
	struct wn_err err = { 0 };
	if (!t->have_day && wn_ui_today_load(ui, t, &err) != WN_OK)
		wn_ui_msg_err(ui, "cannot read the diary", &err);
	else if (target != t->date || action == WN_A_TODAY)
		wn_ui_today_change_day(ui, t, target);
}

/* The actions that move or write a value. */
static bool value_action(struct wn_ui *ui, struct today *t, int action, int arg)
{
	const struct wn_today_field *f;
	switch (action) {
	case WN_A_UP: move_focus(t, WN_TODAY_UP); break;
	case WN_A_DOWN: move_focus(t, WN_TODAY_DOWN); break;
	case WN_A_LEFT: move_focus(t, WN_TODAY_LEFT); break;
	case WN_A_RIGHT: move_focus(t, WN_TODAY_RIGHT); break;
	case WN_A_DIGIT: on_digit(ui, t, arg); break;
	case WN_A_DOT:
		f = wn_ui_today_focused(t);
		if (f && wn_today_is_metric(f->kind))
			metric_digit(ui, t, f, '.');
		break;
	case WN_A_INC: step_value(ui, t, 1); break;
	case WN_A_DEC: step_value(ui, t, -1); break;
	case WN_A_CLEAR: clear_value(ui, t); break;
	case WN_A_ENTER: on_enter(ui, t); break;
	default: return false;
	}
	return true;
}

/* x: the person has seen today's hold suggestion and does not take it. */
static void dismiss_proposal(struct wn_ui *ui, struct today *t)
{
	int done = 0;
	for (size_t m = 0; t->plans && m < t->n_med; m++) {
		struct wn_err err = { 0 };
		if (t->plans[m].has && wn_db_proposal_answer(ui->db, t->med[m].id, ui->today,
		    WN_PROPOSAL_DISMISSED, &err) == WN_OK)
			done++;
	}
	if (done)
		wn_ui_msg(ui, WN_R_SAVED, "the suggestion to consider a hold is dismissed for"
		          " today (the report lists it)");
	else
		wn_ui_msg(ui, WN_R_NORMAL, "D dismisses a suggestion to consider a hold; there"
		          " is none today");
	ui->dirty = true;
}

bool wn_ui_today_action(struct wn_ui *ui, struct today *t, int action, int arg)
{
	if (value_action(ui, t, action, arg))
		return true;
	switch (action) {
	case WN_A_PREV_DAY: case WN_A_NEXT_DAY: case WN_A_TODAY:
		move_day(ui, t, action);
		break;
	case WN_A_DOSE: on_dose(ui, t); break;
	case WN_A_SKIP: on_skip(ui, t); break;
	case WN_A_FLAG: wn_ui_today_ask_flag(ui, t); break;
	case WN_A_NOTE: wn_ui_today_open_note(ui, t, NULL, NULL); break;
	case WN_A_EDITOR: wn_ui_today_ask_editor(ui, t); break;
	case WN_A_UNBOUND: wn_ui_today_unbound(ui, t, arg); break;
	case WN_A_QUESTION: open_prompt(t, WN_UI_TODAY_QUESTION, 0, NULL); break;
	case WN_A_QUICKNOTE: open_prompt(t, WN_UI_TODAY_QUICK, 0, NULL); break;
	case WN_A_DISMISS: dismiss_proposal(ui, t); break;
	case WN_A_ANSWER: on_answer(t); break;
	case WN_A_PREEXISTING: wn_ui_today_preexisting(ui, t); break;
	case WN_A_DELETE_DAY: wn_ui_today_ask_delete(ui, t, WN_UI_DEL_DAY); break;
	default: return false;
	}
	return true;
}

/* The one-line prompt, for today_fix.c. */
void wn_ui_today_prompt(struct today *t, int kind, int idx, const char *text)
{
	open_prompt(t, kind, idx, text);
}
