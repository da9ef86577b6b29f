/* SPDX-License-Identifier: GPL-3.0-or-later */
/* today.h -- the Today screen's state and the functions its three files
 * share (private to today.c, today_draw.c and today_input.c).
 *
 * today.c       reading the day, writing back what was changed, and the
 *               hooks the frame calls
 * today_draft.c drafts of the note, one per running wean (core/session.h),
 *               the file handed to $EDITOR, and what a wean that is gone
 *               left, offered back
 * today_draw.c  drawing: the rows under the title (the tapers, their
 *               next steps' findings, the crisis line), the fields, the
 *               note, the bottom row (a prompt, a question or a hint)
 * today_ask.c   keys that ask y/N first (f, e), the offered draft, keys
 *               with no binding
 * today_input.c actions and typed text: moving, rating, doses, prompts,
 *               the day's questions (answered, reworded, deleted), the
 *               note editor, the offered draft
 * today_fix.c   corrections: quick notes changed and deleted, the day's
 *               record deleted, a symptom marked as present before the
 *               taper
 *
 * What a field holds and where it goes are core/today.h's and
 * core/today_layout.h's.  Every change is written to the diary at once
 * and the day read back (wn_ui_today_written), so what is shown is what
 * is saved.
 */
#ifndef WEAN_TUI_TODAY_H
#define WEAN_TUI_TODAY_H

#include <stdbool.h>
#include <stddef.h>

#include "core/records.h"
#include "core/session.h"
#include "core/today.h"
#include "core/today_doses.h"
#include "core/today_layout.h"
#include "db/note.h"
#include "tui.h"

#define WN_UI_TODAY_LINE_MAX 1000     /* bytes in a question, quick note, value */
#define WN_UI_TODAY_DRAFT_MS 10000    /* a draft while typing without a pause */

/* A y/N question on the bottom row, before a key acts. */
enum wn_ui_today_ask {
	WN_UI_TODAY_NO_ASK, WN_UI_TODAY_ASK_FLAG, WN_UI_TODAY_ASK_EDITOR,
};

/* The one-line prompt open on the bottom row. */
enum wn_ui_today_prompt {
	WN_UI_TODAY_NO_PROMPT, WN_UI_TODAY_QUESTION, WN_UI_TODAY_QUICK,
	WN_UI_TODAY_DOSE, WN_UI_TODAY_VALUE,
	WN_UI_TODAY_ANSWER,      /* the answer to question prompt_id */
	WN_UI_TODAY_REWORD,      /* new words for question prompt_id */
	WN_UI_TODAY_QNOTE_EDIT,  /* new words for quick note prompt_id */
};

/* What a y/N asks to delete (delete_what). */
enum wn_ui_today_delete { WN_UI_DEL_QUESTION, WN_UI_DEL_QNOTE, WN_UI_DEL_DAY };

/* The Today screen's state (the frame's block for it, zeroed at start). */
struct today {
	bool started;            /* entered once (later entries just reload) */
	char session[WN_SESSION_MAX];   /* this wean's, for its drafts */
	unsigned gen;            /* ui->gen when medications were loaded */
	wn_date date;            /* the day shown */
	struct wn_day day;
	bool have_day;
	bool crisis;             /* the crisis line shows for the day shown
	                            (db/safety.h), read with the day */
	struct wn_symptom *sym;  /* the symptoms shown */
	size_t n_sym;
	struct wn_med *med;
	size_t n_med;
	double *usual;           /* per medication; NAN = none known */
	struct wn_today_plan *plans;   /* per medication */
	struct wn_today_layout layout;
	int focus_kind, focus_idx;
	int scroll;              /* first content row shown */
	struct wn_today_typing typing;
	/* the note editor */
	bool editing;
	struct wn_edit note;
	wn_date note_date;
	char *note_base;         /* the note when the editing began (owned;
	                            NULL: none): what another wean may have
	                            changed meanwhile (db/note.h) */
	bool draft_dirty;
	long long draft_ms;
	/* a one-line prompt */
	int prompt;              /* enum wn_ui_today_prompt */
	int prompt_idx;          /* the medication of a dose */
	long prompt_id;          /* the question answered or reworded */
	struct wn_edit line;
	/* f and e wait for y/N (enum wn_ui_today_ask) */
	int ask;
	char ask_text[200];      /* the question, on the bottom row */
	/* deleting a question waits for y/N */
	long delete_id;          /* its id; 0 = not asking */
	int delete_what;         /* enum wn_ui_today_delete: a question, a quick
	                            note (x on one), the day's record (X) */
	char day_ask[128];       /* X's question */
	/* a kept draft waiting for yes/no */
	bool offer;
	char *offer_text;
	char *offer_base;        /* the note it was typed against */
	wn_date offer_date;
};

/* ---- today.c ---------------------------------------------------------- */

/* Reads the day shown back from the diary, and whether the crisis line
 * shows for it. */
int wn_ui_today_reload(struct wn_ui *ui, struct today *t, struct wn_err *err);
/* Planned against taken for each dose of medication m on the day shown,
 * when its plan has doses through the day: out[0 .. n) (core/
 * today_doses.h); returns n, 0 for one dose a day or no plan. */
int wn_ui_today_slots(const struct today *t, size_t m, struct wn_today_slot *out);
/* Reads the symptoms, medications, plans, the day and the usual doses. */
int wn_ui_today_load(struct wn_ui *ui, struct today *t, struct wn_err *err);
/* Shows another day (the message says why not); WN_OK or the error. */
int wn_ui_today_change_day(struct wn_ui *ui, struct today *t, wn_date date);
/* After a write: err NULL when it worked (then "what · saved"), else
 * the error; the day is read back either way. */
/* s on a dose row (today_skip.c): that dose of medication m recorded as
 * skipped at its time -- the doses recorded for that time go, the
 * others of the day stay (db/day.h's wn_db_dose_skip_at). */
void wn_ui_today_skip_dose(struct wn_ui *ui, struct today *t, int m,
                           const struct wn_today_slot *sl);
void wn_ui_today_written(struct wn_ui *ui, struct today *t,
                         const struct wn_err *err, const char *what);
/* The focused field (the first when the focus is on none); NULL when the
 * layout has no field yet. */
const struct wn_today_field *wn_ui_today_focused(const struct today *t);

/* ---- today_draft.c ---------------------------------------------------- */

/* Keeps d as this wean's draft (its session filled in here); a message
 * when it cannot. */
void wn_ui_today_draft_save(struct wn_ui *ui, struct today *t, struct wn_draft d);
/* Keeps the open note as the draft. */
void wn_ui_today_draft_note(struct wn_ui *ui, struct today *t);
/* Drops this wean's draft. */
void wn_ui_today_draft_clear(struct wn_ui *ui, struct today *t);
/* Offers back (t->offer) what a wean that is gone left: its draft, or the
 * file its $EDITOR was working on (read back into its draft first).
 * Nothing to offer leaves t->offer false. */
void wn_ui_today_draft_offer(struct wn_ui *ui, struct today *t);
/* The file for the open note's $EDITOR, "<diary dir>/.wean-edit/
 * note-SESSION-DATE.txt", its folder made private (0700) if need be.
 * WN_OK, or WN_CANTCREAT with the message in err. */
int wn_ui_today_edit_file(struct wn_ui *ui, const struct today *t, char *path,
                          size_t n, struct wn_err *err);
/* Whether the note may go to $VISUAL/$EDITOR: not with neither set, and
 * not for an encrypted diary (the editor's file would hold the note in
 * plain text on the disk); why not in *why (one line) when why is given. */
bool wn_ui_today_external_ok(const struct wn_ui *ui, const char **why);

/* ---- today_draw.c ----------------------------------------------------- */

void wn_ui_today_draw(struct wn_ui *ui, struct today *t);
/* "Today · Wed 25 November 2026", or "Mon 23 November 2026 · 2 days ago". */
void wn_ui_today_title(const struct wn_ui *ui, const struct today *t, char *buf,
                       size_t n);
/* Columns for the note's text: lines longer than this are hard to read. */
int wn_ui_today_note_width(const struct wn_ui *ui);

/* ---- today_input.c ---------------------------------------------------- */

bool wn_ui_today_action(struct wn_ui *ui, struct today *t, int action, int arg);
/* The one-line prompt of kind (enum wn_ui_today_prompt) opened, holding
 * text (NULL: empty); idx: the medication of a dose. */
void wn_ui_today_prompt(struct today *t, int kind, int idx, const char *text);

/* ---- today_fix.c: corrections ------------------------------------------ */

/* The focused quick note, or NULL. */
const struct wn_quicknote *wn_ui_today_qnote(const struct today *t);
/* Enter on a quick note: its words in the prompt (WN_UI_TODAY_QNOTE_EDIT). */
void wn_ui_today_qnote_edit(struct wn_ui *ui, struct today *t);
/* Enter in that prompt: true when it may close. */
bool wn_ui_today_qnote_submit(struct wn_ui *ui, struct today *t);
/* Asks y/N before deleting (what: WN_UI_DEL_QNOTE, the focused quick
 * note; WN_UI_DEL_DAY, the day's record, or a message that it has none). */
void wn_ui_today_ask_delete(struct wn_ui *ui, struct today *t, int what);
/* The answer to that question (yes: y). */
void wn_ui_today_delete_other(struct wn_ui *ui, struct today *t, bool yes);
/* P: the focused symptom marked as present before the taper, or not. */
void wn_ui_today_preexisting(struct wn_ui *ui, struct today *t);
/* A key while a text is open: the offered draft, a prompt or the note. */
void wn_ui_today_text(struct wn_ui *ui, struct today *t, const struct wn_input *in);
void wn_ui_today_focus(struct today *t, int kind, int idx);
/* Opens the note editor on the day's note, read again first (text NULL),
 * or on a kept text typed against the note base (NULL: none). */
void wn_ui_today_open_note(struct wn_ui *ui, struct today *t, const char *text,
                           const char *base);
/* Closes the note editor or the prompt without saving. */
void wn_ui_today_close_note(struct today *t);
void wn_ui_today_close_prompt(struct today *t);
void wn_ui_today_toggle_flag(struct wn_ui *ui, struct today *t);
/* The note in $VISUAL/$EDITOR (opened first); with neither set, the note
 * editor here. */
void wn_ui_today_note_external(struct wn_ui *ui, struct today *t);

/* ---- today_ask.c ------------------------------------------------------ */

/* f and e: the y/N question on the bottom row (t->ask); e with neither
 * $VISUAL nor $EDITOR set opens the note here at once. */
void wn_ui_today_ask_flag(struct wn_ui *ui, struct today *t);
void wn_ui_today_ask_editor(struct wn_ui *ui, struct today *t);
/* A key while t->ask is open: y acts; n, Esc, Enter do nothing; other
 * keys only hint. */
void wn_ui_today_ask_input(struct wn_ui *ui, struct today *t, const struct wn_input *in);
/* A key while a kept draft is offered: y restores it, n lets it go. */
void wn_ui_today_offer_input(struct wn_ui *ui, struct today *t, const struct wn_input *in);
/* A key with no binding (c: the character, 0 when not printable). */
void wn_ui_today_unbound(struct wn_ui *ui, struct today *t, int c);

#endif
