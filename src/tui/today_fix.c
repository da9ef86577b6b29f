/* SPDX-License-Identifier: GPL-3.0-or-later */
/* today_fix.c -- corrections on Today (issue 16 item 3): a quick note's
 * words changed (Enter on it) or the note deleted (x, after y/N); the
 * day's record deleted (X, after y/N and a backup: tui/correct.c); a
 * symptom marked as present before the taper (P).  See today.h. */
#include <string.h>

#include "core/records.h"
#include "db/day.h"
#include "today.h"

const struct wn_quicknote *wn_ui_today_qnote(const struct today *t)
{
	const struct wn_today_field *f = wn_ui_today_focused(t);
	if (!f || f->kind != WN_TODAY_QNOTE_LINE || t->focus_kind != f->kind ||
	    (size_t)f->idx >= t->day.n_qnotes)
		return NULL;
	return &t->day.qnotes[f->idx];
}

/* Enter on a quick note: its words in the prompt, to change. */
void wn_ui_today_qnote_edit(struct wn_ui *ui, struct today *t)
{
	const struct wn_quicknote *q = wn_ui_today_qnote(t);
	if (!q)
		return;
	if (strlen(q->text) > WN_UI_TODAY_LINE_MAX) {
		wn_ui_msg(ui, WN_R_NOTICE, "this quick note is too long to change here: use"
		          "  wean note edit '#%ld' TEXT", q->id);
		return;
	}
	wn_ui_today_prompt(t, WN_UI_TODAY_QNOTE_EDIT, t->focus_idx, q->text);
	t->prompt_id = q->id;
}

bool wn_ui_today_qnote_submit(struct wn_ui *ui, struct today *t)
{
	struct wn_err err = { 0 };
	if (!t->line.changed) {
		wn_ui_msg(ui, WN_R_DIM, "nothing changed");
		return true;
	}
	if (t->line.s[strspn(t->line.s, " \t\r\n")] == '\0') {
		wn_ui_msg(ui, WN_R_ERROR, "a quick note needs words (Esc keeps it; x deletes it)");
		return false;
	}
	int rc = wn_db_quicknote_edit(ui->db, t->prompt_id, t->line.s, &err);
	wn_ui_today_written(ui, t, rc == WN_OK ? NULL : &err, "quick note changed");
	return rc == WN_OK;
}

/* The y/N of x on a quick note (delete_what WN_UI_DEL_QNOTE) or of X (the
 * day's record): y deletes, any other key keeps. */
void wn_ui_today_delete_other(struct wn_ui *ui, struct today *t, bool yes)
{
	struct wn_err err = { 0 };
	int what = t->delete_what;
	long id = t->delete_id;
	t->delete_id = 0;
	if (!yes) {
		wn_ui_msg(ui, WN_R_DIM, "kept: nothing deleted");
	} else if (what == WN_UI_DEL_QNOTE) {
		int rc = wn_db_quicknote_delete(ui->db, id, &err);
		wn_ui_today_written(ui, t, rc == WN_OK ? NULL : &err, "quick note deleted");
		if (t->focus_kind == WN_TODAY_QNOTE_LINE && (size_t)t->focus_idx >= t->day.n_qnotes)
			wn_ui_today_focus(t, WN_TODAY_QUICK, 0);
	} else if (wn_ui_day_delete(ui, t->date) && wn_ui_today_reload(ui, t, &err) != WN_OK) {
		wn_ui_msg_err(ui, "deleted, but cannot read it back", &err);
	}
}

/* P: the focused symptom marked as present before the taper, or not. */
void wn_ui_today_preexisting(struct wn_ui *ui, struct today *t)
{
	const struct wn_today_field *f = wn_ui_today_focused(t);
	if (!f || f->kind != WN_TODAY_SYMPTOM || (size_t)f->idx >= t->n_sym) {
		wn_ui_msg(ui, WN_R_NORMAL, "P marks the focused symptom as present before"
		          " the taper; move to a symptom first");
		return;
	}
	wn_ui_symptom_preexisting(ui, &t->sym[f->idx]);
	ui->dirty = true;
}


void wn_ui_today_ask_delete(struct wn_ui *ui, struct today *t, int what)
{
	const struct wn_quicknote *q = wn_ui_today_qnote(t);
	if (what == WN_UI_DEL_QNOTE && q) {
		t->delete_id = q->id;
		t->delete_what = WN_UI_DEL_QNOTE;
		ui->msg[0] = '\0';
	} else if (what == WN_UI_DEL_DAY &&
	           wn_ui_day_delete_ask(ui, t->date, t->day_ask, sizeof t->day_ask)) {
		t->delete_id = -1;
		t->delete_what = WN_UI_DEL_DAY;
	}
}
