/* SPDX-License-Identifier: GPL-3.0-or-later */
/* frame.c -- the curses frame: terminal set-up and teardown, colour roles,
 * the screen registry, the status bar and the one input loop.  The key
 * table is keys.c's; screens live in their own files and are reached only
 * through their hooks.
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

static volatile sig_atomic_t caught_signal;

static void on_signal(int sig)
{
	caught_signal = sig;
}

/* Installed before curses starts, so ncurses leaves SIGINT/SIGTERM alone.
 * SIGQUIT (Ctrl-\ or kill -QUIT) is a way to leave like the others: the
 * text being typed is kept, never thrown away by a core dump. */
static void install_signals(bool on)
{
	static const int sigs[] = { SIGHUP, SIGTERM, SIGINT, SIGQUIT };
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on ? on_signal : SIG_DFL;
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, NULL);
}

bool wn_ui_signalled(void)
{
	return caught_signal != 0;
}

long long wn_ui_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
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

/* The state block of screen i, handed to its hooks. */
static void *state_of(const struct wn_ui *ui, size_t i)
{
	return ui->state[i];
}

static unsigned scope_now(struct wn_ui *ui)
{
	const struct wn_screen *s = cur_screen(ui);
	return s->scope_now ? s->scope_now(ui, state_of(ui, (size_t)ui->screen))
	                    : s->scope;
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
		if (screens[index]->enter(ui, state_of(ui, (size_t)index), &err) != WN_OK)
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

/* The header tab of screen i, named by its function key (never a bare
 * digit: digits rate): " F4 Charts ", or only " F4 " when compact (the
 * current screen always keeps its name). */
static int tab_text(const struct wn_ui *ui, size_t i, bool compact, char *buf, size_t n)
{
	if (compact && screens[i] != cur_screen(ui))
		snprintf(buf, n, " F%d ", screens[i]->number);
	else
		snprintf(buf, n, " F%d %s ", screens[i]->number, screens[i]->name);
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
	/* every tab with its name when they leave the title 40 columns;
	 * else only the keys, so that all the screens stay in view */
	bool compact = tabs_width(ui, false) > ui->cols - 40;
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
		s->title(ui, state_of(ui, (size_t)ui->screen), title, sizeof title);
	int x = 1;
	if (ui->cfg->demo)     /* a made-up diary: said on every screen */
		x += wn_ui_put(ui, WN_CELL(0, x, right - 2, WN_R_FOCUS), "DEMO") + 1;
	wn_ui_put(ui, WN_CELL(0, x, right - 1 - x, WN_R_TITLE), title);
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
	wn_ui_draw_hints(ui, sc);
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
		cur_screen(ui)->draw(ui, state_of(ui, (size_t)ui->screen));
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
			          " Today is F1", arg);
		break;
	}
	case WN_A_GOTO:
		ui->pending_goto = true;
		wn_ui_msg(ui, WN_R_NORMAL, "g: now 1 Today, 2 Calendar, 3 Plan,"
		          " 4 Charts, 5 Journal or 6 Export");
		break;
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

/* The key after g: a digit 1-6 opens that screen; anything else only
 * ends the g (a hint says so), so g never leads to an edit. */
static void goto_digit(struct wn_ui *ui, const struct wn_input *in)
{
	ui->pending_goto = false;
	if (in->kind == WN_K_CHAR && in->ch >= '1' && in->ch <= '6')
		global_action(ui, WN_A_SCREEN, (int)(in->ch - '0'));
	else
		wn_ui_msg(ui, WN_R_DIM, "g then 1-6 switches screens (F1-F6 too);"
		          " nothing done");
}

/* A key no binding knows here: the screen may take it (Today's note
 * line starts the note with it); else one line says what to do.  Digits
 * only ever rate: they never switch screens. */
static void unbound(struct wn_ui *ui, const struct wn_screen *s,
                    const struct wn_input *in)
{
	int c = in->kind == WN_K_CHAR && in->ch >= 32 && in->ch != 127
	        ? (int)in->ch : 0;
	if (s->action(ui, state_of(ui, (size_t)ui->screen), WN_A_UNBOUND, c))
		return;
	if (c >= '0' && c <= '9')
		wn_ui_msg(ui, WN_R_DIM, "digits rate on Today; F1-F6 (or g then"
		          " 1-6) switch screens");
	else
		wn_ui_msg(ui, WN_R_DIM, "that key does nothing here; ? lists the keys");
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
		s->text_input(ui, state_of(ui, (size_t)ui->screen), in);
		return;
	}
	ui->msg[0] = '\0';
	if (ui->pending_goto) {
		goto_digit(ui, in);
		return;
	}
	int arg = 0;
	const struct wn_binding *b = wn_ui_lookup(sc | WN_SC_GLOBAL, in, &arg);
	if (!b) {
		unbound(ui, s, in);
		return;
	}
	if (!s->action(ui, state_of(ui, (size_t)ui->screen), b->action, arg))
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
			screens[i]->new_day(ui, state_of(ui, i), old);
	ui->dirty = true;
}

static void hangup(struct wn_ui *ui)
{
	for (size_t i = 0; i < N_SCREENS; i++)
		if (screens[i]->hangup)
			screens[i]->hangup(ui, state_of(ui, i));
}

static void idle(struct wn_ui *ui)
{
	const struct wn_screen *s = cur_screen(ui);
	for (size_t i = 0; i < N_SCREENS; i++)
		if (screens[i]->idle && (screens[i] == s || s == &wn_screen_help))
			screens[i]->idle(ui, state_of(ui, i));
}

/* One loop: draw if dirty, read one input (with a timeout), act on it. */
static void run_loop(struct wn_ui *ui)
{
	int quick_errs = 0;
	while (!ui->quit) {
		if (caught_signal) {
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

/* One zeroed state block per screen (state_size bytes; a screen without
 * state gets none).  WN_OK or WN_ERR out of memory. */
static int make_states(struct wn_ui *ui, struct wn_err *err)
{
	ui->state = calloc(N_SCREENS, sizeof *ui->state);
	for (size_t i = 0; ui->state && i < N_SCREENS; i++) {
		if (screens[i]->state_size == 0)
			continue;
		ui->state[i] = calloc(1, screens[i]->state_size);
		if (!ui->state[i])
			return wn_err_set(err, WN_ERR, "out of memory");
	}
	return ui->state ? WN_OK : wn_err_set(err, WN_ERR, "out of memory");
}

/* Each screen's fini (only after curses started), then the blocks. */
static void free_states(struct wn_ui *ui, bool started)
{
	for (size_t i = 0; ui->state && i < N_SCREENS; i++) {
		if (started && screens[i]->fini)
			screens[i]->fini(ui, ui->state[i]);
		free(ui->state[i]);
	}
	free(ui->state);
	ui->state = NULL;
}

static void enter_first(struct wn_ui *ui)
{
	ui->screen = 0;
	if (screens[0]->enter) {
		struct wn_err e = { 0 };
		if (screens[0]->enter(ui, state_of(ui, 0), &e) != WN_OK)
			wn_ui_msg_err(ui, "cannot load the day", &e);
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
	int rc = make_states(&ui, err);
	if (rc != WN_OK) {
		free_states(&ui, false);
		return rc;
	}
	caught_signal = 0;
	install_signals(true);
	rc = start_curses(&ui, &scr, err);
	if (rc != WN_OK) {
		install_signals(false);
		free_states(&ui, false);
		return rc;
	}
	layout(&ui);
	enter_first(&ui);
	run_loop(&ui);
	free_states(&ui, true);
	stop_curses(scr);
	install_signals(false);
	return WN_OK;
}
