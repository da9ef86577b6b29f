/* ui.c -- the curses frame: terminal set-up and teardown, colour roles,
 * the key table, the screen registry, the status bar and the one input
 * loop.  Screens live in ui_*.c and are reached only through their hooks.
 */
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/text.h"
#include "tui/ui.h"
#include "tui.h"

#define INPUT_TIMEOUT_MS 1500   /* idle tick: drafts, midnight */
#define QUICK_ERR_LIMIT  40     /* reads failing at once: terminal gone */

/* ---- signals: handlers only set a flag ---------------------------------- */

static volatile sig_atomic_t g_signal;

static void on_signal(int sig)
{
	g_signal = sig;
}

/* Installed before curses starts, so ncurses leaves SIGINT/SIGTERM alone. */
static void install_signals(bool on)
{
	static const int sigs[] = { SIGHUP, SIGTERM, SIGINT };
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on ? on_signal : SIG_DFL;
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, NULL);
}

long long wn_ui_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ---- the key table ------------------------------------------------------ */

#define CH(c)       { WN_K_CHAR, (c), (c) }
#define CHR(a, b)   { WN_K_CHAR, (a), (b) }
#define FN(k)       { WN_K_FN, (k), (k) }
#define FNR(a, b)   { WN_K_FN, (a), (b) }
#define ALTR(a, b)  { WN_K_ALT, (a), (b) }
#define CTRL(c)     ((c) & 0x1f)

static const struct wn_binding bindings[] = {
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
	  .help = "move up", .hkey = "j/k", .hint = "move" },
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
	{ .action = WN_A_NOTE, .scope = WN_SC_TODAY, .keys = { CH('n') },
	  .label = "n", .help = "write the day's note here",
	  .hkey = "n", .hint = "note" },
	{ .action = WN_A_EDITOR, .scope = WN_SC_TODAY, .keys = { CH('e') },
	  .label = "e", .help = "write the day's note in $EDITOR" },
	{ .action = WN_A_FLAG, .scope = WN_SC_TODAY, .keys = { CH('f') },
	  .label = "f", .help = "flag the day for the prescriber (again: unflag)",
	  .hkey = "f", .hint = "flag" },
	{ .action = WN_A_QUESTION, .scope = WN_SC_TODAY, .keys = { CH('p') },
	  .label = "p", .help = "add a question for the prescriber" },
	{ .action = WN_A_QUICKNOTE, .scope = WN_SC_TODAY, .keys = { CH('t') },
	  .label = "t", .help = "add a quick note with the time" },
	{ .action = WN_A_PREV_DAY, .scope = WN_SC_TODAY,
	  .keys = { CH('['), CH('h') }, .label = "[, h",
	  .help = "earlier day (to fill in or change it)", .hkey = "[ ]",
	  .hint = "day" },
	{ .action = WN_A_NEXT_DAY, .scope = WN_SC_TODAY,
	  .keys = { CH(']'), CH('l') }, .label = "], l",
	  .help = "later day (never past today)" },
	{ .action = WN_A_TODAY, .scope = WN_SC_TODAY, .keys = { CH('g') },
	  .label = "g", .help = "back to today" },
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
	  .label = "H", .help = "calendar: hold the taper from the day (asks why)",
	  .hkey = "H", .hint = "hold" },
	{ .action = WN_A_RESUME, .scope = WN_SC_CALENDAR, .keys = { CH('R') },
	  .label = "R", .help = "calendar: resume the open hold on the day",
	  .hkey = "R", .hint = "resume" },
	{ .action = WN_A_HOLD, .arg = 1, .scope = WN_SC_CALENDAR, .keys = { CH('U') },
	  .label = "U", .help = "calendar: record going back up to a dose on the day"
	  " (asks the dose, then why)" },
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
	  .keys = { FN(KEY_HOME), CH('g') }, .label = "Home, g",
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
	  .keys = { CH('n'), CH('N') }, .label = "n", .help = "no",
	  .hkey = "n", .hint = "no" },
	/* everywhere */
	{ .action = WN_A_SCREEN, .arg = 1, .scope = WN_SC_GLOBAL,
	  .keys = { CHR('1', '6'), FNR(KEY_F(1), KEY_F(6)), ALTR('1', '6') },
	  .label = "F1-F6, Alt-1..6", .help = "switch screen (digits too, where"
	  " they rate nothing)" },
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

/* ---- the screen registry: only screens that work ------------------------ */

static const struct wn_screen *const screens[] = {
	&wn_screen_today,
	&wn_screen_calendar,
	&wn_screen_plan,
	&wn_screen_charts,
	&wn_screen_journal,
	&wn_screen_export,
	&wn_screen_help,
	&wn_screen_setup,
};
#define N_SCREENS (sizeof screens / sizeof screens[0])

static const struct wn_screen *cur_screen(const struct wn_ui *ui)
{
	return screens[ui->screen];
}

static unsigned scope_now(struct wn_ui *ui)
{
	const struct wn_screen *s = cur_screen(ui);
	return s->scope_now ? s->scope_now(ui) : s->scope;
}

void wn_ui_goto(struct wn_ui *ui, int index)
{
	if (index < 0 || (size_t)index >= N_SCREENS || index == ui->screen)
		return;
	if (screens[index] == &wn_screen_help)
		ui->back = ui->screen;
	ui->screen = index;
	ui->dirty = true;
	if (screens[index]->enter) {
		struct wn_err err = { 0 };
		if (screens[index]->enter(ui, &err) != WN_OK)
			wn_ui_msg_err(ui, "cannot show this screen", &err);
	}
}

void wn_ui_goto_screen(struct wn_ui *ui, const struct wn_screen *s)
{
	for (size_t i = 0; i < N_SCREENS; i++)
		if (screens[i] == s)
			wn_ui_goto(ui, (int)i);
}

void wn_ui_open_day(struct wn_ui *ui, wn_date day)
{
	ui->open_date = day;
	wn_ui_goto_screen(ui, &wn_screen_today);
}

void wn_ui_help(struct wn_ui *ui)
{
	for (size_t i = 0; i < N_SCREENS; i++)
		if (screens[i] == &wn_screen_help)
			wn_ui_goto(ui, (int)i);
}

void wn_ui_go_back(struct wn_ui *ui)
{
	wn_ui_goto(ui, ui->back);
}

static int screen_by_number(int number)
{
	for (size_t i = 0; i < N_SCREENS; i++)
		if (screens[i]->number == number)
			return (int)i;
	return -1;
}

/* Next/previous numbered screen, cycling. */
static void cycle_screen(struct wn_ui *ui, int dir)
{
	int n = (int)N_SCREENS;
	for (int step = 1; step < n; step++) {
		int i = ((ui->screen + dir * step) % n + n) % n;
		if (screens[i]->number > 0) {
			wn_ui_goto(ui, i);
			return;
		}
	}
	wn_ui_msg(ui, WN_R_NOTICE, "Today is the only screen so far");
}

/* ---- colour roles ------------------------------------------------------- */

struct role_def {
	short fg;                /* -1 = terminal default */
	attr_t color_attr;       /* added to the colour pair */
	attr_t mono;             /* without colour */
};

static const struct role_def roles[WN_R_COUNT] = {
	[WN_R_NORMAL]   = { -1, A_NORMAL, A_NORMAL },
	[WN_R_TITLE]    = { COLOR_CYAN, A_BOLD, A_BOLD },
	[WN_R_HEADING]  = { -1, A_BOLD, A_BOLD },
	[WN_R_FOCUS]    = { -1, A_REVERSE, A_REVERSE },
	[WN_R_DIM]      = { -1, A_DIM, A_DIM },
	[WN_R_VALUE]    = { COLOR_CYAN, A_BOLD, A_BOLD },
	[WN_R_MILD]     = { COLOR_YELLOW, A_NORMAL, A_NORMAL },
	[WN_R_MODERATE] = { COLOR_YELLOW, A_BOLD, A_BOLD },
	[WN_R_SEVERE]   = { COLOR_RED, A_BOLD, A_BOLD | A_UNDERLINE },
	[WN_R_FLAG]     = { COLOR_MAGENTA, A_BOLD, A_BOLD },
	[WN_R_ERROR]    = { COLOR_RED, A_BOLD, A_BOLD | A_UNDERLINE },
	[WN_R_SAVED]    = { COLOR_GREEN, A_NORMAL, A_NORMAL },
	[WN_R_KEY]      = { -1, A_BOLD, A_BOLD },
	[WN_R_NOTICE]   = { COLOR_YELLOW, A_BOLD, A_BOLD },
	[WN_R_TODAY]    = { COLOR_GREEN, A_BOLD, A_BOLD },
};

static void setup_colors(struct wn_ui *ui)
{
	ui->color = ui->cfg->color && has_colors() && start_color() == OK;
	short bg = -1;
	if (ui->color && use_default_colors() != OK)
		bg = COLOR_BLACK;
	for (int r = 0; r < WN_R_COUNT; r++) {
		ui->attr[r] = roles[r].mono;
		if (!ui->color)
			continue;
		short fg = roles[r].fg;
		if (fg < 0) {
			ui->attr[r] = roles[r].color_attr;
			continue;
		}
		if (bg != -1 && fg == -1)
			fg = COLOR_WHITE;
		if (init_pair((short)(r + 1), fg, bg) == OK)
			ui->attr[r] = COLOR_PAIR(r + 1) | roles[r].color_attr;
	}
}

attr_t wn_ui_attr(const struct wn_ui *ui, int role)
{
	return role >= 0 && role < WN_R_COUNT ? ui->attr[role] : A_NORMAL;
}

/* ---- drawing helpers ---------------------------------------------------- */

static const struct wn_glyphs glyphs_utf8 = {
	.hline = "\u2500", .dash = "\u2013", .focus = "\u203a", .sep = " \u00b7 ",
	.bullet = "\u2022", .unrated = "\u00b7",
};
static const struct wn_glyphs glyphs_ascii = {
	.hline = "-", .dash = "-", .focus = ">", .sep = " | ",
	.bullet = "*", .unrated = ".",
};

/* Cut to cols with an ellipsis: "..." when drawing in ASCII, even where
 * the text itself stays UTF-8 (--ascii in a UTF-8 locale). */
static size_t fit(const struct wn_ui *ui, const char *text, int cols,
                  char *buf, size_t n)
{
	if (!ui->ascii || ui->ascii_text || cols < 4 ||
	    wn_text_width(text) <= cols)
		return wn_text_fit(text, cols, buf, n, ui->ascii_text);
	size_t w = wn_text_fit(text, cols - 2, buf, n, false);
	size_t len = strlen(buf);
	if (len >= 3 && !strcmp(buf + len - 3, "\u2026") && len + 1 < n) {
		memcpy(buf + len - 3, "...", 4);
		w += 2;
	}
	return w;
}

int wn_ui_put(struct wn_ui *ui, struct wn_cell at, const char *text)
{
	int y = at.y, x = at.x, cols = at.cols;
	if (y < 0 || y >= ui->rows || x < 0 || x >= ui->cols || cols <= 0 || !text)
		return 0;
	if (cols > ui->cols - x)
		cols = ui->cols - x;
	char buf[4096];
	size_t w = fit(ui, text, cols, buf, sizeof buf);
	wattrset(stdscr, wn_ui_attr(ui, at.role));
	mvwaddstr(stdscr, y, x, buf);
	wattrset(stdscr, A_NORMAL);
	return (int)w;
}

void wn_ui_put_pad(struct wn_ui *ui, struct wn_cell at, const char *text)
{
	int w = wn_ui_put(ui, at, text);
	if (at.y < 0 || at.y >= ui->rows || at.x < 0)
		return;
	wattrset(stdscr, wn_ui_attr(ui, at.role));
	for (int c = at.x + w; c < at.x + at.cols && c < ui->cols; c++)
		mvwaddch(stdscr, at.y, c, ' ');
	wattrset(stdscr, A_NORMAL);
}

void wn_ui_rule(struct wn_ui *ui, int y, int x, int cols)
{
	if (y < 0 || y >= ui->rows)
		return;
	wattrset(stdscr, wn_ui_attr(ui, WN_R_DIM));
	for (int c = x; c < x + cols && c < ui->cols; c++)
		mvwaddstr(stdscr, y, c, ui->g->hline);
	wattrset(stdscr, A_NORMAL);
}

void wn_ui_msg(struct wn_ui *ui, int role, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(ui->msg, sizeof ui->msg, fmt, ap);
	va_end(ap);
	ui->msg_role = role;
	ui->dirty = true;
}

void wn_ui_msg_err(struct wn_ui *ui, const char *what, const struct wn_err *err)
{
	if (err && err->code == WN_TEMPFAIL)
		wn_ui_msg(ui, WN_R_ERROR, "the diary is busy (another program is"
		          " writing to it); not saved, try again");
	else if (err && err->msg[0])
		wn_ui_msg(ui, WN_R_ERROR, "%s: %s", what, err->msg);
	else
		wn_ui_msg(ui, WN_R_ERROR, "%s", what);
}

/* ---- frame drawing ------------------------------------------------------ */

/* The header tab of screen i: " 4 Charts ", or only " 4 " when compact
 * (the current screen always keeps its name). */
static int tab_text(const struct wn_ui *ui, size_t i, bool compact, char *buf, size_t n)
{
	if (compact && screens[i] != cur_screen(ui))
		snprintf(buf, n, " %d ", screens[i]->number);
	else
		snprintf(buf, n, " %d %s ", screens[i]->number, screens[i]->name);
	return wn_text_width(buf);
}

static int tabs_width(const struct wn_ui *ui, bool compact)
{
	char tab[64];
	int w = 0;
	for (size_t i = 0; i < N_SCREENS; i++)
		if (screens[i]->number > 0)
			w += tab_text(ui, i, compact, tab, sizeof tab);
	return w;
}

static void draw_title(struct wn_ui *ui)
{
	const struct wn_screen *s = cur_screen(ui);
	int right = ui->cols;
	/* every tab with its name when they fit in half the width; else
	 * numbers only, so that all the screens stay in view */
	bool compact = tabs_width(ui, false) > ui->cols / 2;
	for (size_t i = N_SCREENS; i-- > 0;) {
		if (screens[i]->number <= 0)
			continue;
		char tab[64];
		int w = tab_text(ui, i, compact, tab, sizeof tab);
		if (right - w < ui->cols / 3)
			break;
		right -= w;
		int role = screens[i] == s ? WN_R_FOCUS : WN_R_DIM;
		wn_ui_put(ui, WN_CELL(0, right, w, role), tab);
	}
	char title[256];
	snprintf(title, sizeof title, "%s", s->name);
	if (s->title)
		s->title(ui, title, sizeof title);
	wn_ui_put(ui, WN_CELL(0, 1, right - 2, WN_R_TITLE), title);
}

/* A global binding whose first key the screen's scope takes over. */
static bool shadowed(const struct wn_binding *b, unsigned scope)
{
	struct wn_input in = { b->keys[0].kind, b->keys[0].lo };
	int arg;
	return in.kind != WN_K_NONE && lookup_in(scope, &in, &arg) != NULL;
}

/* Hints for the scope in force, from the key table, as many as fit. */
static void draw_hints(struct wn_ui *ui, unsigned scope)
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

static void draw_status(struct wn_ui *ui)
{
	if (ui->msg[0]) {
		int y = ui->rows - (ui->msg_row_taken ? 3 : 2);
		wmove(stdscr, y, 0);
		wclrtoeol(stdscr);
		wn_ui_put(ui, WN_CELL(y, 1, ui->cols - 2, ui->msg_role), ui->msg);
	}
	unsigned sc = scope_now(ui);
	if (!(sc & WN_SC_TEXT))
		sc |= WN_SC_GLOBAL;
	draw_hints(ui, sc);
}

static void draw_too_small(struct wn_ui *ui)
{
	char line[160];
	snprintf(line, sizeof line, "too small (%dx%d): wean needs %dx%d;"
	         " please enlarge the terminal", ui->cols, ui->rows,
	         WN_UI_MIN_COLS, WN_UI_MIN_ROWS);
	wn_ui_put(ui, WN_CELL(0, 0, ui->cols, WN_R_NOTICE), line);
}

static void draw(struct wn_ui *ui)
{
	ui->cursor = false;
	werase(stdscr);
	if (ui->too_small) {
		draw_too_small(ui);
	} else {
		draw_title(ui);
		ui->msg_row_taken = false;
		cur_screen(ui)->draw(ui);
		draw_status(ui);
	}
	if (ui->cursor && !ui->too_small) {
		curs_set(1);
		wmove(stdscr, ui->cur_y, ui->cur_x);
	} else {
		curs_set(0);
	}
	wrefresh(stdscr);
	ui->dirty = false;
}

/* The one layout function: sizes of everything follow from the terminal. */
static void layout(struct wn_ui *ui)
{
	getmaxyx(stdscr, ui->rows, ui->cols);
	ui->too_small = ui->cols < WN_UI_MIN_COLS || ui->rows < WN_UI_MIN_ROWS;
	ui->body_top = 1;
	ui->body_rows = ui->rows - ui->body_top - 2;
	if (ui->body_rows < 0)
		ui->body_rows = 0;
	ui->dirty = true;
}

/* ---- suspend for a child process ---------------------------------------- */

void wn_ui_suspend(struct wn_ui *ui)
{
	(void)ui;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGINT, &sa, NULL);   /* Ctrl-C belongs to the editor */
	def_prog_mode();
	endwin();
}

void wn_ui_resume(struct wn_ui *ui)
{
	install_signals(true);
	reset_prog_mode();
	clearok(curscr, TRUE);
	layout(ui);
}

/* ---- input -------------------------------------------------------------- */

static int read_input(struct wn_input *in)
{
	wint_t ch;
	int r = wget_wch(stdscr, &ch);
	if (r == ERR)
		return ERR;
	in->kind = r == KEY_CODE_YES ? WN_K_FN : WN_K_CHAR;
	in->ch = ch;
	if (r == OK && ch == 27) {
		wint_t next;
		wtimeout(stdscr, 0);
		int r2 = wget_wch(stdscr, &next);
		wtimeout(stdscr, INPUT_TIMEOUT_MS);
		if (r2 == OK && next != 27) {
			in->kind = WN_K_ALT;
			in->ch = next;
		} else if (r2 == KEY_CODE_YES) {
			ungetch((int)next);
		}
	}
	return OK;
}

static void global_action(struct wn_ui *ui, int action, int arg)
{
	switch (action) {
	case WN_A_QUIT:
		ui->quit = true;
		break;
	case WN_A_HELP:
		wn_ui_help(ui);
		break;
	case WN_A_SCREEN: {
		int i = screen_by_number(arg);
		if (i >= 0)
			wn_ui_goto(ui, i);
		else
			wn_ui_msg(ui, WN_R_NOTICE, "screen %d is not there yet;"
			          " Today is 1", arg);
		break;
	}
	case WN_A_NEXT_SCREEN:
	case WN_A_PREV_SCREEN:
		cycle_screen(ui, action == WN_A_NEXT_SCREEN ? 1 : -1);
		break;
	case WN_A_REDRAW:
		clearok(curscr, TRUE);
		break;
	default:
		break;
	}
}

static void handle_input(struct wn_ui *ui, const struct wn_input *in)
{
	ui->dirty = true;
	if (in->kind == WN_K_FN && in->ch == KEY_RESIZE) {
		layout(ui);
		return;
	}
	const struct wn_screen *s = cur_screen(ui);
	unsigned sc = scope_now(ui);
	bool text = (sc & WN_SC_TEXT) != 0;
	if (ui->too_small && !text) {
		/* nothing to see: only q works; typing into a text goes on */
		int arg;
		const struct wn_binding *b = wn_ui_lookup(WN_SC_GLOBAL, in, &arg);
		if (b && b->action == WN_A_QUIT)
			ui->quit = true;
		return;
	}
	if (text && in->kind == WN_K_ALT) {
		/* Esc typed just before a key: two inputs */
		struct wn_input esc = { WN_K_CHAR, 27 }, key = { WN_K_CHAR, in->ch };
		handle_input(ui, &esc);
		handle_input(ui, &key);
		return;
	}
	if (text) {
		s->text_input(ui, in);
		return;
	}
	ui->msg[0] = '\0';
	int arg = 0;
	const struct wn_binding *b = wn_ui_lookup(sc | WN_SC_GLOBAL, in, &arg);
	if (!b) {
		wn_ui_msg(ui, WN_R_DIM, "that key does nothing here; ? shows the keys");
		return;
	}
	if (!s->action(ui, b->action, arg))
		global_action(ui, b->action, arg);
}

/* Midnight: "today" moves on; screens decide what that means for them. */
static void check_day(struct wn_ui *ui)
{
	wn_date t = wn_date_today();
	if (t == ui->today)
		return;
	wn_date old = ui->today;
	ui->today = t;
	for (size_t i = 0; i < N_SCREENS; i++)
		if (screens[i]->new_day)
			screens[i]->new_day(ui, old);
	ui->dirty = true;
}

static void hangup(struct wn_ui *ui)
{
	for (size_t i = 0; i < N_SCREENS; i++)
		if (screens[i]->hangup)
			screens[i]->hangup(ui);
}

static void idle(struct wn_ui *ui)
{
	const struct wn_screen *s = cur_screen(ui);
	for (size_t i = 0; i < N_SCREENS; i++)
		if (screens[i]->idle && (screens[i] == s || s == &wn_screen_help))
			screens[i]->idle(ui);
}

/* One loop: draw if dirty, read one input (with a timeout), act on it. */
static void run_loop(struct wn_ui *ui)
{
	int quick_errs = 0;
	while (!ui->quit) {
		if (g_signal) {
			hangup(ui);
			return;
		}
		check_day(ui);
		if (ui->dirty)
			draw(ui);
		struct wn_input in;
		long long t0 = wn_ui_now_ms();
		if (read_input(&in) == OK) {
			quick_errs = 0;
			handle_input(ui, &in);
			continue;
		}
		if (wn_ui_now_ms() - t0 < INPUT_TIMEOUT_MS / 3) {
			/* reads fail at once: the terminal went away */
			if (++quick_errs >= QUICK_ERR_LIMIT) {
				hangup(ui);
				return;
			}
			continue;
		}
		quick_errs = 0;
		idle(ui);
	}
}

/* ---- set-up and teardown ------------------------------------------------ */

static int start_curses(struct wn_ui *ui, SCREEN **scr, struct wn_err *err)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return wn_err_set(err, WN_USAGE, "the diary screen needs a terminal;"
		                  " try a command such as 'wean show today'");
	const char *term = getenv("TERM");
	if (!term || !*term)
		return wn_err_set(err, WN_USAGE, "TERM is not set; cannot draw the"
		                  " diary screen");
	*scr = newterm(NULL, stdout, stdin);
	if (!*scr)
		return wn_err_set(err, WN_USAGE, "terminal type '%s' is unknown;"
		                  " try TERM=xterm-256color", term);
	set_term(*scr);
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	set_escdelay(25);
	wtimeout(stdscr, INPUT_TIMEOUT_MS);
	setup_colors(ui);
	return WN_OK;
}

static void stop_curses(SCREEN *scr)
{
	if (scr) {
		curs_set(1);
		if (!isendwin())
			endwin();
		delscreen(scr);
	}
}

int wn_ui_run(struct wn_db *db, const struct wn_config *cfg,
              struct wn_err *err)
{
	struct wn_ui ui = {
		.db = db, .cfg = cfg, .today = wn_date_today(),
		.ascii = cfg->ascii, .dirty = true,
		.ascii_text = !wn_config_locale_is_utf8(),
		.open_date = WN_DATE_NONE,
	};
	ui.ascii = ui.ascii || ui.ascii_text;
	ui.g = ui.ascii ? &glyphs_ascii : &glyphs_utf8;
	SCREEN *scr = NULL;
	g_signal = 0;
	install_signals(true);
	int rc = start_curses(&ui, &scr, err);
	if (rc != WN_OK) {
		install_signals(false);
		return rc;
	}
	layout(&ui);
	ui.screen = 0;
	if (screens[0]->enter) {
		struct wn_err e = { 0 };
		if (screens[0]->enter(&ui, &e) != WN_OK)
			wn_ui_msg_err(&ui, "cannot load the day", &e);
	}
	run_loop(&ui);
	for (size_t i = 0; i < N_SCREENS; i++)
		if (screens[i]->fini)
			screens[i]->fini(&ui);
	stop_curses(scr);
	install_signals(false);
	return WN_OK;
}
