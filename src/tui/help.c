/* SPDX-License-Identifier: GPL-3.0-or-later */
/* help.c -- the help screen, generated from the key table, then the
 * marks (core/vocab.h), with the crisis-support line from the config and
 * the no-medical-advice line pinned at the top, where they need no
 * scrolling.
 */
#include <stdio.h>

#include "core/text.h"
#include "core/vocab.h"
#include "core/wrap.h"
#include "tui.h"

#define KEY_COL 20

static const char NO_ADVICE[] =
	"wean gives no medical advice. Changes to a taper are for discussion"
	" with your prescriber.";

static const struct section {
	unsigned scope;
	const char *title;
} sections[] = {
	{ WN_SC_TODAY, "Today (the check-in)" },
	{ WN_SC_QUESTION, "Today, on one of the day's questions for the prescriber" },
	{ WN_SC_CALENDAR, "Calendar" },
	{ WN_SC_PLAN, "Plan" },
	{ WN_SC_CHARTS, "Charts" },
	{ WN_SC_JOURNAL, "Journal" },
	{ WN_SC_EXPORT, "Export" },
	{ WN_SC_NOTE, "Writing the note" },
	{ WN_SC_PROMPT, "Typing a line (question, answer, quick note, dose, value)" },
	{ WN_SC_ASK | WN_SC_NOTICE, "A y/N question, or a line that waits (typing goes"
	  " nowhere)" },
	{ WN_SC_GLOBAL, "Everywhere" },
	{ WN_SC_HELP, "On this help screen" },
};

/* The rows a description takes, wrapped to the column after the keys. */
static int desc_rows(const struct wn_ui *ui, const char *text)
{
	int n = (int)wn_wrap(text, ui->cols - 4 - KEY_COL, NULL, 0);
	return n < 1 ? 1 : n;
}

/* Row j of a description wrapped to the column after the keys. */
static void put_desc(struct wn_ui *ui, int y, const char *text, int j)
{
	struct wn_wrap_line lines[16];
	size_t n = wn_wrap(text, ui->cols - 4 - KEY_COL, lines, 16);
	if (j < 0 || (size_t)j >= n || j >= 16)
		return;
	char piece[512];
	snprintf(piece, sizeof piece, "%.*s", (int)lines[j].len, text + lines[j].off);
	wn_ui_put(ui, WN_CELL(y, 3 + KEY_COL, ui->cols - 4 - KEY_COL, WN_R_NORMAL), piece);
}

/* After the keys: every mark with its one meaning (core/vocab.h), the
 * same on every screen and in `wean log`. */
static int mark_lines(struct wn_ui *ui, int line, int y, int k)
{
	size_t n;
	const struct wn_vocab_mark *m = wn_vocab_marks(&n);
	char text[160];
	if (k++ == line)
		wn_ui_put(ui, WN_CELL(y, 1, ui->cols - 2, WN_R_HEADING),
		          "Marks (one meaning each, on every screen and in wean log)");
	for (size_t i = 0; i < n; i++) {
		snprintf(text, sizeof text, "%s (%s)", m[i].meaning, m[i].where);
		for (int j = 0, rows = desc_rows(ui, text); j < rows; j++) {
			if (k++ != line)
				continue;
			if (j == 0)
				wn_ui_put(ui, WN_CELL(y, 3, KEY_COL - 1, WN_R_KEY), m[i].mark);
			put_desc(ui, y, text, j);
		}
	}
	return k;
}

/* The help screen's state: the first key line shown. */
struct help {
	int top;
};

/* Lines of the key list: a section title, then one line per binding.
 * line < 0 counts them; otherwise draws line number `line` at row y. */
static int key_lines(struct wn_ui *ui, int line, int y)
{
	size_t nb;
	const struct wn_binding *b = wn_ui_bindings(&nb);
	int k = 0;
	for (size_t s = 0; s < sizeof sections / sizeof sections[0]; s++) {
		if (k++ == line)
			wn_ui_put(ui, WN_CELL(y, 1, ui->cols - 2, WN_R_HEADING), sections[s].title);
		for (size_t i = 0; i < nb; i++) {
			if (!(b[i].scope & sections[s].scope))
				continue;
			for (int j = 0, rows = desc_rows(ui, b[i].help); j < rows; j++) {
				if (k++ != line)
					continue;
				if (j == 0)
					wn_ui_put(ui, WN_CELL(y, 3, KEY_COL - 1, WN_R_KEY),
					          b[i].label);
				put_desc(ui, y, b[i].help, j);
			}
		}
		if (k++ == line)
			(void)0;         /* blank line between sections */
	}
	return mark_lines(ui, line, y, k);
}

static void help_draw(struct wn_ui *ui, void *state)
{
	struct help *h = state;
	int y = ui->body_top + 1, w = ui->cols - 2;
	const char *crisis = ui->cfg->crisis_line[0] ? ui->cfg->crisis_line
	                                              : WN_CONFIG_CRISIS_LINE;
	int bottom = ui->body_top + ui->body_rows;
	wattrset(stdscr, wn_ui_attr(ui, WN_R_NOTICE));
	y += wn_edit_draw_text(ui, crisis, WN_BOX(y, 1, 3, w));
	wattrset(stdscr, A_NORMAL);
	y += wn_edit_draw_text(ui, NO_ADVICE, WN_BOX(y, 1, 3, w));
	wn_ui_rule(ui, y++, 1, w);
	int rows = bottom - y, total = key_lines(ui, -1, 0);
	if (h->top > total - rows)
		h->top = total - rows;
	if (h->top < 0)
		h->top = 0;
	for (int i = 0; i < rows; i++)
		key_lines(ui, h->top + i, y + i);
	if (h->top + rows < total)
		wn_ui_put(ui, WN_CELL(bottom - 1, ui->cols - 2, 1, WN_R_DIM),
		          ui->ascii ? "v" : "\u2193");
}

static bool help_action(struct wn_ui *ui, void *state, int action, int arg)
{
	(void)arg;
	struct help *h = state;
	int page = ui->body_rows > 8 ? ui->body_rows - 6 : 2;
	switch (action) {
	case WN_A_UP: h->top--; break;
	case WN_A_DOWN: h->top++; break;
	case WN_A_PGUP: h->top -= page; break;
	case WN_A_PGDN: h->top += page; break;
	case WN_A_BACK: case WN_A_HELP: wn_ui_go_back(ui); break;
	default: return false;
	}
	return true;
}

static int help_enter(struct wn_ui *ui, void *state, struct wn_err *err)
{
	(void)ui;
	(void)err;
	struct help *h = state;
	h->top = 0;
	return WN_OK;
}

static void help_title(struct wn_ui *ui, void *state, char *buf, size_t n)
{
	(void)ui;
	(void)state;
	snprintf(buf, n, "Help: the keys");
}

const struct wn_screen wn_screen_help = {
	.name = "Help",
	.number = 0,
	.scope = WN_SC_HELP,
	.state_size = sizeof(struct help),
	.enter = help_enter,
	.title = help_title,
	.draw = help_draw,
	.action = help_action,
};
