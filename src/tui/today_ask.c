/* SPDX-License-Identifier: GPL-3.0-or-later */
/* today_ask.c -- Today's keys that ask before they act (see today.h): f
 * (flag the day) and e (leave for $VISUAL/$EDITOR) wait for y/N, a draft
 * kept by a wean that is gone is offered back, and a key with no binding
 * only hints -- except on the note line, where it starts the note.  A
 * question here takes only its own keys: words typed by mistake never
 * run as commands. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "findings.h"
#include "today.h"

/* ---- y/N ------------------------------------------------------------------ */

/* f: flagging (or unflagging) asks first. */
void wn_ui_today_ask_flag(struct wn_ui *ui, struct today *t)
{
	char d[WN_DATE_STRLEN];
	wn_date_format(t->date, d);
	if (t->day.ci.flag)
		snprintf(t->ask_text, sizeof t->ask_text, "remove the flag from %s? y/N", d);
	else
		snprintf(t->ask_text, sizeof t->ask_text, "flag %s for the prescriber?"
		         " y/N", d);
	t->ask = WN_UI_TODAY_ASK_FLAG;
	ui->msg[0] = '\0';
}

/* e: leaving wean for $VISUAL/$EDITOR asks first; with neither set, or
 * for an encrypted diary, the note opens here, in wean's own editor
 * (never a default such as vi; never a plain file of an encrypted diary). */
void wn_ui_today_ask_editor(struct wn_ui *ui, struct today *t)
{
	const char *ed = wn_edit_external_name();
	if (!wn_ui_today_external_ok(ui, NULL)) {
		wn_ui_today_note_external(ui, t);
		return;
	}
	char name[64];
	wn_text_fit(ed, 30, name, sizeof name, ui->ascii_text);
	snprintf(t->ask_text, sizeof t->ask_text, "leave wean to write the note in"
	         " %s? y/N", name);
	t->ask = WN_UI_TODAY_ASK_EDITOR;
	ui->msg[0] = '\0';
}

/* A key with no binding: on the note line a character starts the note
 * with it; anywhere else only a hint (typing never runs commands). */
void wn_ui_today_unbound(struct wn_ui *ui, struct today *t, int c)
{
	const struct wn_today_field *f = wn_ui_today_focused(t);
	if (c && f && f->kind == WN_TODAY_NOTE && !(c >= '0' && c <= '9')) {
		wn_ui_today_open_note(ui, t, NULL, NULL);
		if (t->editing) {
			struct wn_input in = { WN_K_CHAR, (wint_t)c };
			wn_edit_key(&t->note, &in, wn_ui_today_note_width(ui));
			t->draft_dirty = true;
		}
		return;
	}
	wn_ui_msg(ui, WN_R_DIM, "n writes a note, j/k move, digits rate;"
	          " ? lists the keys");
}

/* The answer to f's or e's y/N: other keys answer nothing (the question
 * stays), so words typed by mistake never act. */
void wn_ui_today_ask_input(struct wn_ui *ui, struct today *t, const struct wn_input *in)
{
	int yes = wn_ui_ask_answer(in);
	if (yes < 0) {
		wn_ui_msg(ui, WN_R_DIM, "y or n, please (Esc: no)");
		return;
	}
	int ask = t->ask;
	t->ask = WN_UI_TODAY_NO_ASK;
	ui->msg[0] = '\0';
	if (!yes)
		wn_ui_msg(ui, WN_R_DIM, "nothing changed");
	else if (ask == WN_UI_TODAY_ASK_FLAG)
		wn_ui_today_toggle_flag(ui, t);
	else
		wn_ui_today_note_external(ui, t);
}

/* ---- the kept draft, offered back --------------------------------------- */

void wn_ui_today_offer_input(struct wn_ui *ui, struct today *t, const struct wn_input *in)
{
	int arg;
	const struct wn_binding *b = wn_ui_lookup(WN_SC_ASK, in, &arg);
	if (!b)
		return;
	t->offer = false;
	bool restore = b->action == WN_A_TEXT_DONE;
	if (restore && wn_ui_today_change_day(ui, t, t->offer_date) == WN_OK) {
		wn_ui_today_open_note(ui, t, t->offer_text, t->offer_base);
		wn_ui_msg(ui, WN_R_SAVED, "your note is back; Esc saves it");
	} else if (!restore) {
		wn_ui_today_draft_clear(ui, t);
		wn_ui_msg(ui, WN_R_DIM, "the kept note was let go");
	}
	free(t->offer_text);
	free(t->offer_base);
	t->offer_text = t->offer_base = NULL;
	if (!restore)
		wn_ui_today_draft_offer(ui, t);   /* another wean may have left one */
}
