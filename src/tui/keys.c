/* SPDX-License-Identifier: GPL-3.0-or-later */
/* keys.c -- the one key table: keys become actions by scope, and the
 * same table gives the help screen its lines and the status bar its
 * hints (STYLE #4).  Screens receive actions, except inside a text field.
 */
#include "core/text.h"
#include "tui.h"

/* ---- the key table ------------------------------------------------------ */

#define CH(c)       { WN_K_CHAR, (c), (c) }
#define CHR(a, b)   { WN_K_CHAR, (a), (b) }
#define FN(k)       { WN_K_FN, (k), (k) }
#define FNR(a, b)   { WN_K_FN, (a), (b) }
#define ALTR(a, b)  { WN_K_ALT, (a), (b) }
#define CTRL(c)     ((c) & 0x1f)

static const struct wn_binding bindings[] = {
	/* Today, on one of the day's questions (before Today's own keys: they
	 * win, and their hints come first) */
	{ .action = WN_A_ANSWER, .scope = WN_SC_QUESTION, .keys = { CH('a') },
	  .label = "a", .help = "answer it (again: a new answer; empty: open again)",
	  .hkey = "a", .hint = "answer" },
	{ .action = WN_A_ENTER, .scope = WN_SC_QUESTION,
	  .keys = { CH('\r'), CH('\n'), FN(KEY_ENTER), CH(' ') },
	  .label = "Enter, Space", .help = "change its words",
	  .hkey = "Enter", .hint = "edit" },
	{ .action = WN_A_CLEAR, .scope = WN_SC_QUESTION,
	  .keys = { CH('x'), FN(KEY_DC), FN(KEY_BACKSPACE), CH(127) },
	  .label = "x, Delete", .help = "delete it (asks y/N first)",
	  .hkey = "x", .hint = "delete" },
	/* Today */
	{ .action = WN_A_DIGIT, .scope = WN_SC_TODAY, .keys = { CHR('0', '9') },
	  .label = "0-9", .help = "set the focused value (1 0 typed quickly: 10)",
	  .hkey = "0-9", .hint = "rate" },
	{ .action = WN_A_DOT, .scope = WN_SC_TODAY, .keys = { CH('.'), CH(',') },
	  .label = ".", .help = "decimal point: 7 . 5 gives 7.5 hours of sleep" },
	{ .action = WN_A_INC, .scope = WN_SC_TODAY, .keys = { CH('+'), CH('=') },
	  .label = "+", .help = "raise the focused value one step" },
	{ .action = WN_A_DEC, .scope = WN_SC_TODAY, .keys = { CH('-') },
	  .label = "-", .help = "lower the focused value one step" },
	{ .action = WN_A_CLEAR, .scope = WN_SC_TODAY,
	  .keys = { CH('x'), FN(KEY_DC), FN(KEY_BACKSPACE), CH(127) },
	  .label = "x, Delete",
	  .help = "clear the focused value (a dose: the last one)" },
	{ .action = WN_A_UP, .scope = WN_SC_TODAY | WN_SC_HELP,
	  .keys = { CH('k'), FN(KEY_UP) }, .label = "k, Up",
	  .help = "up (j/k: lines; on Today h/l: days)",
	  .hkey = "j/k", .hint = "line" },
	{ .action = WN_A_DOWN, .scope = WN_SC_TODAY | WN_SC_HELP,
	  .keys = { CH('j'), FN(KEY_DOWN) }, .label = "j, Down",
	  .help = "move down" },
	{ .action = WN_A_LEFT, .scope = WN_SC_TODAY, .keys = { FN(KEY_LEFT) },
	  .label = "Left", .help = "move left in a row" },
	{ .action = WN_A_RIGHT, .scope = WN_SC_TODAY, .keys = { FN(KEY_RIGHT) },
	  .label = "Right", .help = "move right in a row" },
	{ .action = WN_A_PGUP, .scope = WN_SC_HELP, .keys = { FN(KEY_PPAGE) },
	  .label = "PgUp", .help = "page up" },
	{ .action = WN_A_PGDN, .scope = WN_SC_HELP,
	  .keys = { FN(KEY_NPAGE), CH(' ') }, .label = "PgDn, Space",
	  .help = "page down" },
	{ .action = WN_A_ENTER, .scope = WN_SC_TODAY,
	  .keys = { CH('\r'), CH('\n'), FN(KEY_ENTER), CH(' ') },
	  .label = "Enter, Space", .help = "edit the focused line; toggle the flag" },
	{ .action = WN_A_DOSE, .scope = WN_SC_TODAY, .keys = { CH('d') },
	  .label = "d", .help = "log the planned (or else the usual) dose, now",
	  .hkey = "d", .hint = "dose" },
	{ .action = WN_A_SKIP, .scope = WN_SC_TODAY, .keys = { CH('s') },
	  .label = "s", .help = "record the focused medication's dose as skipped"
	  " (not taken) that day; on one of its dose rows, that dose only",
	  .hkey = "s", .hint = "skip" },
	{ .action = WN_A_NOTE, .scope = WN_SC_TODAY, .keys = { CH('n') },
	  .label = "n", .help = "write the day's note here",
	  .hkey = "n", .hint = "note" },
	{ .action = WN_A_EDITOR, .scope = WN_SC_TODAY, .keys = { CH('e') },
	  .label = "e", .help = "the note in $VISUAL/$EDITOR (asks y/N; unset: here)" },
	{ .action = WN_A_FLAG, .scope = WN_SC_TODAY, .keys = { CH('f') },
	  .label = "f", .help = "flag the day for the prescriber, or unflag it"
	  " (asks y/N)", .hkey = "f", .hint = "flag" },
	{ .action = WN_A_QUESTION, .scope = WN_SC_TODAY, .keys = { CH('p') },
	  .label = "p", .help = "add a question for the prescriber (on one: a answers it)" },
	{ .action = WN_A_QUICKNOTE, .scope = WN_SC_TODAY, .keys = { CH('t') },
	  .label = "t", .help = "add a quick note with the time" },
	{ .action = WN_A_DISMISS, .scope = WN_SC_TODAY, .keys = { CH('D') },
	  .label = "D", .help = "dismiss today's suggestion to consider a hold" },
	{ .action = WN_A_PREV_DAY, .scope = WN_SC_TODAY,
	  .keys = { CH('['), CH('h') }, .label = "h, [",
	  .help = "earlier day (to fill in or change it)", .hkey = "h/l",
	  .hint = "day" },
	{ .action = WN_A_NEXT_DAY, .scope = WN_SC_TODAY,
	  .keys = { CH(']'), CH('l') }, .label = "l, ]",
	  .help = "later day (never past today)" },
	{ .action = WN_A_TODAY, .scope = WN_SC_TODAY, .keys = { CH('T') },
	  .label = "T", .help = "back to today" },
	{ .action = WN_A_NONE, .scope = WN_SC_TODAY, .label = "other keys",
	  .help = "note line: start the note with it; else a hint" },
	/* Calendar */
	{ .action = WN_A_LEFT, .scope = WN_SC_CALENDAR,
	  .keys = { CH('h'), FN(KEY_LEFT) }, .label = "h, Left",
	  .help = "calendar: the day before", .hkey = "hjkl", .hint = "move" },
	{ .action = WN_A_RIGHT, .scope = WN_SC_CALENDAR,
	  .keys = { CH('l'), FN(KEY_RIGHT) }, .label = "l, Right",
	  .help = "calendar: the day after" },
	{ .action = WN_A_UP, .scope = WN_SC_CALENDAR | WN_SC_PLAN,
	  .keys = { CH('k'), FN(KEY_UP) }, .label = "k, Up",
	  .help = "calendar: a week earlier; plan: scroll up" },
	{ .action = WN_A_DOWN, .scope = WN_SC_CALENDAR | WN_SC_PLAN,
	  .keys = { CH('j'), FN(KEY_DOWN) }, .label = "j, Down",
	  .help = "calendar: a week later; plan: scroll down" },
	{ .action = WN_A_PREV_MONTH, .scope = WN_SC_CALENDAR,
	  .keys = { CH('<'), FN(KEY_PPAGE) }, .label = "<, PgUp",
	  .help = "calendar: a month earlier", .hkey = "< >", .hint = "month" },
	{ .action = WN_A_NEXT_MONTH, .scope = WN_SC_CALENDAR,
	  .keys = { CH('>'), FN(KEY_NPAGE) }, .label = ">, PgDn",
	  .help = "calendar: a month later" },
	{ .action = WN_A_TODAY, .scope = WN_SC_CALENDAR, .keys = { CH('t') },
	  .label = "t", .help = "calendar: back to today", .hkey = "t",
	  .hint = "today" },
	{ .action = WN_A_ENTER, .scope = WN_SC_CALENDAR,
	  .keys = { CH('\r'), CH('\n'), FN(KEY_ENTER) }, .label = "Enter",
	  .help = "calendar: open the day in Today", .hkey = "Enter",
	  .hint = "open" },
	{ .action = WN_A_HOLD, .scope = WN_SC_CALENDAR, .keys = { CH('H') },
	  .label = "H", .help = "calendar: hold from the day (asks why, then y/N)",
	  .hkey = "H", .hint = "hold" },
	{ .action = WN_A_RESUME, .scope = WN_SC_CALENDAR, .keys = { CH('R') },
	  .label = "R", .help = "calendar: resume the hold (shows what moves; y/N)",
	  .hkey = "R", .hint = "resume" },
	{ .action = WN_A_HOLD, .arg = 1, .scope = WN_SC_CALENDAR, .keys = { CH('U') },
	  .label = "U", .help = "calendar: went back up to a dose (dose, review, y/N, why)" },
	/* Plan */
	{ .action = WN_A_PGUP, .scope = WN_SC_PLAN, .keys = { FN(KEY_PPAGE) },
	  .label = "PgUp", .help = "plan: page up" },
	{ .action = WN_A_PGDN, .scope = WN_SC_PLAN,
	  .keys = { FN(KEY_NPAGE), CH(' ') }, .label = "PgDn, Space",
	  .help = "plan: page down" },
	{ .action = WN_A_NEXT_DAY, .scope = WN_SC_PLAN, .keys = { CH('m') },
	  .label = "m", .help = "plan: next medication", .hkey = "m",
	  .hint = "medication" },
	{ .action = WN_A_NEW_PLAN, .scope = WN_SC_PLAN, .keys = { CH('a') },
	  .label = "a", .help = "plan: make a new plan (the old one stays in the history)",
	  .hkey = "a", .hint = "new plan" },
	{ .action = WN_A_NEW_PLAN, .arg = 1, .scope = WN_SC_PLAN, .keys = { CH('M') },
	  .label = "M", .help = "plan: add a medication", .hkey = "M",
	  .hint = "add med" },
	/* Charts */
	{ .action = WN_A_NEXT_SERIES, .scope = WN_SC_CHARTS,
	  .keys = { CH('s'), FN(KEY_RIGHT) }, .label = "s, Right",
	  .help = "charts: the next series (burden, mood, ..., symptoms, doses)",
	  .hkey = "s/S", .hint = "series" },
	{ .action = WN_A_PREV_SERIES, .scope = WN_SC_CHARTS,
	  .keys = { CH('S'), FN(KEY_LEFT) }, .label = "S, Left",
	  .help = "charts: the previous series" },
	{ .action = WN_A_NEXT_RANGE, .scope = WN_SC_CHARTS, .keys = { CH('r') },
	  .label = "r", .help = "charts: a longer range (2 weeks, 1 month, 3 months,"
	  " 1 year, all)", .hkey = "r/R", .hint = "range" },
	{ .action = WN_A_PREV_RANGE, .scope = WN_SC_CHARTS, .keys = { CH('R') },
	  .label = "R", .help = "charts: a shorter range" },
	{ .action = WN_A_FIGURES, .scope = WN_SC_CHARTS, .keys = { CH('i') },
	  .label = "i", .help = "charts: the figures or the symptoms below the chart",
	  .hkey = "i", .hint = "figures" },
	{ .action = WN_A_UP, .scope = WN_SC_CHARTS, .keys = { CH('k'), FN(KEY_UP) },
	  .label = "k, Up", .help = "charts: scroll up", .hkey = "j/k",
	  .hint = "scroll" },
	{ .action = WN_A_DOWN, .scope = WN_SC_CHARTS, .keys = { CH('j'), FN(KEY_DOWN) },
	  .label = "j, Down", .help = "charts: scroll down" },
	{ .action = WN_A_PGUP, .scope = WN_SC_CHARTS, .keys = { FN(KEY_PPAGE) },
	  .label = "PgUp", .help = "charts: page up" },
	{ .action = WN_A_PGDN, .scope = WN_SC_CHARTS,
	  .keys = { FN(KEY_NPAGE), CH(' ') }, .label = "PgDn, Space",
	  .help = "charts: page down" },
	/* Journal */
	{ .action = WN_A_UP, .scope = WN_SC_JOURNAL, .keys = { CH('k'), FN(KEY_UP) },
	  .label = "k, Up", .help = "journal: a newer day", .hkey = "j/k",
	  .hint = "move" },
	{ .action = WN_A_DOWN, .scope = WN_SC_JOURNAL,
	  .keys = { CH('j'), FN(KEY_DOWN) }, .label = "j, Down",
	  .help = "journal: an older day" },
	{ .action = WN_A_PGUP, .scope = WN_SC_JOURNAL, .keys = { FN(KEY_PPAGE) },
	  .label = "PgUp", .help = "journal: a page of newer days" },
	{ .action = WN_A_PGDN, .scope = WN_SC_JOURNAL,
	  .keys = { FN(KEY_NPAGE), CH(' ') }, .label = "PgDn, Space",
	  .help = "journal: a page of older days" },
	{ .action = WN_A_HOME, .scope = WN_SC_JOURNAL,
	  .keys = { FN(KEY_HOME) }, .label = "Home",
	  .help = "journal: the newest day" },
	{ .action = WN_A_END, .scope = WN_SC_JOURNAL,
	  .keys = { FN(KEY_END), CH('G') }, .label = "End, G",
	  .help = "journal: the oldest day" },
	{ .action = WN_A_SEARCH, .scope = WN_SC_JOURNAL, .keys = { CH('/') },
	  .label = "/", .help = "journal: search the notes and questions",
	  .hkey = "/", .hint = "search" },
	{ .action = WN_A_NEXT_MATCH, .scope = WN_SC_JOURNAL, .keys = { CH('n') },
	  .label = "n", .help = "journal: the next (older) day that matches",
	  .hkey = "n/N", .hint = "match" },
	{ .action = WN_A_PREV_MATCH, .scope = WN_SC_JOURNAL, .keys = { CH('N') },
	  .label = "N", .help = "journal: the previous (newer) day that matches" },
	{ .action = WN_A_ENTER, .scope = WN_SC_JOURNAL,
	  .keys = { CH('\r'), CH('\n'), FN(KEY_ENTER) }, .label = "Enter",
	  .help = "journal: open the day in Today", .hkey = "Enter", .hint = "open" },
	/* Export */
	{ .action = WN_A_UP, .scope = WN_SC_EXPORT, .keys = { CH('k'), FN(KEY_UP) },
	  .label = "k, Up", .help = "export: the line above", .hkey = "j/k",
	  .hint = "move" },
	{ .action = WN_A_DOWN, .scope = WN_SC_EXPORT, .keys = { CH('j'), FN(KEY_DOWN) },
	  .label = "j, Down", .help = "export: the line below" },
	{ .action = WN_A_LEFT, .scope = WN_SC_EXPORT, .keys = { CH('h'), FN(KEY_LEFT) },
	  .label = "h, Left", .help = "export: the previous format", .hkey = "< >",
	  .hint = "format" },
	{ .action = WN_A_RIGHT, .scope = WN_SC_EXPORT, .keys = { CH('l'), FN(KEY_RIGHT) },
	  .label = "l, Right", .help = "export: the next format" },
	{ .action = WN_A_ENTER, .scope = WN_SC_EXPORT,
	  .keys = { CH('\r'), CH('\n'), FN(KEY_ENTER) }, .label = "Enter",
	  .help = "export: edit the line, or write the file", .hkey = "Enter",
	  .hint = "edit/write" },
	/* help */
	{ .action = WN_A_BACK, .scope = WN_SC_HELP,
	  .keys = { CH(27), CH('q'), CH('?'), CH('\r') }, .label = "Esc, q, ?",
	  .help = "close help", .hkey = "Esc", .hint = "back" },
	/* the note editor (keys go to the text, except these) */
	{ .action = WN_A_TEXT_DONE, .scope = WN_SC_NOTE,
	  .keys = { CH(27), CH(CTRL('d')) }, .label = "Esc, Ctrl-D",
	  .help = "finish the note (it is saved)", .hkey = "Esc",
	  .hint = "done" },
	{ .action = WN_A_TEXT_EXTERNAL, .scope = WN_SC_NOTE,
	  .keys = { CH(CTRL('o')) }, .label = "Ctrl-O",
	  .help = "go on writing in $EDITOR", .hkey = "^O", .hint = "$EDITOR" },
	{ .action = WN_A_NONE, .scope = WN_SC_NOTE, .label = "Enter",
	  .help = "new line", .hkey = "Enter", .hint = "new line" },
	{ .action = WN_A_NONE, .scope = WN_SC_NOTE | WN_SC_PROMPT,
	  .label = "arrows, Home, End", .help = "move in the text" },
	{ .action = WN_A_NONE, .scope = WN_SC_NOTE | WN_SC_PROMPT,
	  .label = "Backspace, Delete", .help = "erase a character" },
	{ .action = WN_A_NONE, .scope = WN_SC_NOTE | WN_SC_PROMPT,
	  .label = "Ctrl-W, Ctrl-U", .help = "erase a word / to the line start" },
	/* a one-line prompt */
	{ .action = WN_A_TEXT_DONE, .scope = WN_SC_PROMPT,
	  .keys = { CH('\r'), CH('\n'), FN(KEY_ENTER) }, .label = "Enter",
	  .help = "save what you typed", .hkey = "Enter", .hint = "save" },
	{ .action = WN_A_TEXT_CANCEL, .scope = WN_SC_PROMPT, .keys = { CH(27) },
	  .label = "Esc", .help = "cancel", .hkey = "Esc", .hint = "cancel" },
	/* a yes/no question */
	{ .action = WN_A_TEXT_DONE, .scope = WN_SC_ASK,
	  .keys = { CH('y'), CH('Y') }, .label = "y", .help = "yes",
	  .hkey = "y", .hint = "yes" },
	{ .action = WN_A_TEXT_CANCEL, .scope = WN_SC_ASK,
	  .keys = { CH('n'), CH('N') }, .label = "n",
	  .help = "no (Esc and Enter too, where it says y/N)",
	  .hkey = "n", .hint = "no" },
	/* a message that waits (e.g. why a hold cannot be made): typing goes
	 * nowhere until it is closed */
	{ .action = WN_A_TEXT_DONE, .scope = WN_SC_NOTICE,
	  .keys = { CH('\r'), CH('\n'), FN(KEY_ENTER), CH(27) },
	  .label = "Enter, Esc", .help = "close the message (other keys do nothing"
	  " until then)", .hkey = "Enter", .hint = "ok" },
	/* corrections (issue 16 item 3): x clears a value, X the whole day */
	{ .action = WN_A_PREEXISTING, .scope = WN_SC_TODAY, .keys = { CH('P') },
	  .label = "P", .help = "mark the focused symptom present before the taper" },
	{ .action = WN_A_DELETE_DAY, .scope = WN_SC_TODAY | WN_SC_CALENDAR,
	  .keys = { CH('X') }, .label = "X",
	  .help = "delete the day's record (asks y/N; backup first)" },
	{ .action = WN_A_EDIT_MED, .scope = WN_SC_PLAN, .keys = { CH('E') },
	  .label = "E", .help = "plan: change the medication (name, unit, forms)",
	  .hkey = "E", .hint = "change med" },
	/* everywhere */
	{ .action = WN_A_SCREEN, .arg = 1, .scope = WN_SC_GLOBAL,
	  .keys = { FNR(KEY_F(1), KEY_F(6)), ALTR('1', '6') },
	  .label = "F1-F6, Alt-1..6",
	  .help = "1 Today 2 Calendar 3 Plan 4 Charts 5 Journal 6 Export" },
	{ .action = WN_A_GOTO, .scope = WN_SC_GLOBAL, .keys = { CH('g') },
	  .label = "g then 1-6", .help = "the same screens (g2: Calendar); digits alone never" },
	{ .action = WN_A_NEXT_SCREEN, .scope = WN_SC_GLOBAL, .keys = { CH('\t') },
	  .label = "Tab", .help = "next screen" },
	{ .action = WN_A_PREV_SCREEN, .scope = WN_SC_GLOBAL, .keys = { FN(KEY_BTAB) },
	  .label = "Shift-Tab", .help = "previous screen" },
	{ .action = WN_A_HELP, .scope = WN_SC_GLOBAL, .keys = { CH('?') },
	  .label = "?", .help = "this help", .hkey = "?", .hint = "help" },
	{ .action = WN_A_REDRAW, .scope = WN_SC_GLOBAL, .keys = { CH(CTRL('l')) },
	  .label = "Ctrl-L", .help = "redraw the screen" },
	{ .action = WN_A_QUIT, .scope = WN_SC_GLOBAL, .keys = { CH('q') },
	  .label = "q", .help = "leave wean (everything is already saved)",
	  .hkey = "q", .hint = "quit" },
};

const struct wn_binding *wn_ui_bindings(size_t *n)
{
	*n = sizeof bindings / sizeof bindings[0];
	return bindings;
}

static bool key_matches(const struct wn_keyspec *k, const struct wn_input *in)
{
	return k->kind == in->kind && in->ch >= k->lo && in->ch <= k->hi;
}

static const struct wn_binding *lookup_in(unsigned scope,
                                          const struct wn_input *in, int *arg)
{
	for (size_t i = 0; i < sizeof bindings / sizeof bindings[0]; i++) {
		const struct wn_binding *b = &bindings[i];
		if (!(b->scope & scope) || b->action == WN_A_NONE)
			continue;
		for (int k = 0; k < 4 && b->keys[k].kind != WN_K_NONE; k++) {
			if (key_matches(&b->keys[k], in)) {
				*arg = b->arg + (int)(in->ch - b->keys[k].lo);
				return b;
			}
		}
	}
	return NULL;
}

const struct wn_binding *wn_ui_lookup(unsigned scope, const struct wn_input *in,
                                      int *arg)
{
	const struct wn_binding *b = lookup_in(scope & ~WN_SC_GLOBAL, in, arg);
	if (!b && (scope & WN_SC_GLOBAL))
		b = lookup_in(WN_SC_GLOBAL, in, arg);
	return b;
}

/* A global binding whose first key the screen's scope takes over. */
static bool shadowed(const struct wn_binding *b, unsigned scope)
{
	struct wn_input in = { b->keys[0].kind, b->keys[0].lo };
	int arg;
	return in.kind != WN_K_NONE && lookup_in(scope, &in, &arg) != NULL;
}

/* Hints for the scope in force, from the key table, as many as fit. */
void wn_ui_draw_hints(struct wn_ui *ui, unsigned scope)
{
	int x = 1;
	for (int pass = 0; pass < 2; pass++) {
		unsigned want = pass == 0 ? (scope & ~WN_SC_GLOBAL)
		                          : (scope & WN_SC_GLOBAL);
		for (size_t i = 0; i < sizeof bindings / sizeof bindings[0]; i++) {
			const struct wn_binding *b = &bindings[i];
			if (!b->hkey || !(b->scope & want))
				continue;
			if (pass == 1 && ((b->scope & ~WN_SC_GLOBAL) ||
			                  shadowed(b, scope & ~WN_SC_GLOBAL)))
				continue;
			int need = wn_text_width(b->hkey) + 1 + wn_text_width(b->hint) + 2;
			if (x + need > ui->cols)
				return;
			x += wn_ui_put(ui, WN_CELL(ui->rows - 1, x, ui->cols - x, WN_R_KEY), b->hkey);
			x += 1;
			x += wn_ui_put(ui, WN_CELL(ui->rows - 1, x, ui->cols - x, WN_R_DIM), b->hint);
			x += 2;
		}
	}
}
