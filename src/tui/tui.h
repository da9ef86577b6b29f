/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tui.h -- private to the curses front end (src/tui only).
 *
 * The frame (frame.c) owns the terminal, the input loop, colour roles, the
 * status bar and the screen registry.  A screen is a table of hooks
 * (struct wn_screen) registered once in frame.c, and its state is a
 * struct the frame hands to those hooks.  Keys become actions through the
 * one binding table (keys.c: wn_ui_bindings), which also produces the
 * help screen and the status-bar hints; screens receive actions, except
 * while a text field is open, when they receive the raw input.  What a
 * screen shows is decided below the UI (core/today.h, core/calendar.h,
 * the layouts in core/); the screens ask, draw and turn keys into calls.
 */
#ifndef WEAN_UI_INT_H
#define WEAN_UI_INT_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "core/config.h"
#include "core/date.h"
#include "core/status.h"

struct wn_db;

/* Smallest terminal the screens lay out in; below it, a one-line notice. */
#define WN_UI_MIN_COLS 40
#define WN_UI_MIN_ROWS 12

/* ---- colour roles ------------------------------------------------------- */

/* Each role has a colour pair and a monochrome attribute; without colour
 * (NO_COLOR, --no-color, a terminal without colours) only the attribute is
 * used, so every state stays distinguishable (text markers do the rest). */
enum wn_role {
	WN_R_NORMAL, WN_R_TITLE, WN_R_HEADING, WN_R_FOCUS, WN_R_DIM,
	WN_R_VALUE, WN_R_MILD, WN_R_MODERATE, WN_R_SEVERE, WN_R_FLAG,
	WN_R_ERROR, WN_R_SAVED, WN_R_KEY, WN_R_NOTICE, WN_R_TODAY,
	WN_R_COUNT
};

/* ---- input and actions ---------------------------------------------------- */

enum wn_key_kind { WN_K_NONE, WN_K_CHAR, WN_K_FN, WN_K_ALT };

/* One input as read: a character (WN_K_CHAR), a curses KEY_* code
 * (WN_K_FN) or Alt/Meta + character (WN_K_ALT). */
struct wn_input {
	int kind;
	wint_t ch;
};

enum wn_action {
	WN_A_NONE = 0,
	/* everywhere */
	WN_A_QUIT, WN_A_HELP, WN_A_SCREEN, WN_A_NEXT_SCREEN, WN_A_PREV_SCREEN,
	WN_A_REDRAW, WN_A_BACK, WN_A_GOTO,
	WN_A_UNBOUND,            /* a key with no binding here (arg: the
	                            character, 0 when not printable): the
	                            screen may use it, else the frame hints */
	/* moving */
	WN_A_UP, WN_A_DOWN, WN_A_LEFT, WN_A_RIGHT, WN_A_PGUP, WN_A_PGDN,
	/* Today */
	WN_A_DIGIT, WN_A_DOT, WN_A_INC, WN_A_DEC, WN_A_CLEAR, WN_A_ENTER,
	WN_A_PREV_DAY, WN_A_NEXT_DAY, WN_A_TODAY, WN_A_DOSE, WN_A_FLAG,
	WN_A_NOTE, WN_A_EDITOR, WN_A_QUESTION, WN_A_QUICKNOTE, WN_A_DISMISS,
	WN_A_ANSWER, WN_A_SKIP,
	/* inside a text field */
	WN_A_TEXT_DONE, WN_A_TEXT_CANCEL, WN_A_TEXT_EXTERNAL,
	/* Calendar and Plan */
	WN_A_PREV_MONTH, WN_A_NEXT_MONTH, WN_A_HOLD, WN_A_RESUME, WN_A_NEW_PLAN,
	/* Charts and Journal */
	WN_A_NEXT_SERIES, WN_A_PREV_SERIES, WN_A_NEXT_RANGE, WN_A_PREV_RANGE,
	WN_A_FIGURES, WN_A_HOME, WN_A_END, WN_A_SEARCH, WN_A_NEXT_MATCH,
	WN_A_PREV_MATCH,
	/* corrections (issue 16 item 3) */
	WN_A_PREEXISTING, WN_A_DELETE_DAY, WN_A_EDIT_MED,
};

/* Where a binding applies (bit set). */
enum wn_scope {
	WN_SC_GLOBAL = 1u << 0,  /* every screen, unless a text field is open */
	WN_SC_TODAY  = 1u << 1,
	WN_SC_HELP   = 1u << 2,
	WN_SC_NOTE   = 1u << 3,  /* the note editor is open */
	WN_SC_PROMPT = 1u << 4,  /* a one-line prompt is open */
	WN_SC_ASK    = 1u << 5,  /* a yes/no question is open */
	WN_SC_CALENDAR = 1u << 6,
	WN_SC_PLAN   = 1u << 7,
	WN_SC_CHARTS = 1u << 8,
	WN_SC_JOURNAL = 1u << 9,
	WN_SC_EXPORT = 1u << 10,
	WN_SC_QUESTION = 1u << 11,   /* Today: a question of the day has the
	                                focus (with WN_SC_TODAY) */
	WN_SC_NOTICE = 1u << 12, /* a message waits for Enter or Esc */
};
/* Scopes in which keys go to the screen's text_input. */
#define WN_SC_TEXT (WN_SC_NOTE | WN_SC_PROMPT | WN_SC_ASK | WN_SC_NOTICE)

struct wn_keyspec {
	int kind;                /* enum wn_key_kind; WN_K_NONE ends the list */
	wint_t lo, hi;           /* a range of characters or KEY_* codes */
};

/* One line of the key table.  An action with a range of keys gets
 * arg + (key - lo) as its argument (digits, F1..F6, Alt-1..6). */
struct wn_binding {
	int action;
	int arg;
	unsigned scope;
	struct wn_keyspec keys[4];
	const char *label;       /* keys as shown in help: "j, Down" */
	const char *help;        /* what it does, for the help screen */
	const char *hkey;        /* short key for the status bar, NULL = none */
	const char *hint;        /* short word for the status bar */
};

/* The table, in help order.  *n receives the count. */
const struct wn_binding *wn_ui_bindings(size_t *n);
/* The binding for in within scope (bits), or NULL; *arg gets its argument.
 * Bindings of a narrower scope win: the table lists them first. */
const struct wn_binding *wn_ui_lookup(unsigned scope, const struct wn_input *in,
                                      int *arg);

/* ---- the frame ------------------------------------------------------------- */

struct wn_glyphs {
	const char *hline;       /* a rule */
	const char *dash;        /* "no value" */
	const char *focus;       /* marker before the focused item */
	const char *sep;         /* between items in a line */
	const char *bullet;
	const char *unrated;     /* symptom not rated */
};

struct wn_ui {
	struct wn_db *db;
	const struct wn_config *cfg;
	wn_date today;           /* moves on at midnight */
	int rows, cols;          /* terminal size */
	bool too_small;
	bool ascii;              /* draw in plain ASCII (--ascii, or no UTF-8) */
	bool ascii_text;         /* text too: the locale cannot show UTF-8 */
	bool color;
	bool dirty;              /* redraw before the next read */
	bool quit;
	bool pending_goto;       /* g was pressed: a digit 1-6 picks a screen */
	int screen;              /* index into the registry */
	int back;                /* screen to return to from help */
	const struct wn_glyphs *g;
	attr_t attr[WN_R_COUNT];
	char msg[256];           /* status line message */
	int msg_role;
	bool msg_row_taken;      /* a screen drew a prompt on the message row:
	                            the message goes one row up */
	bool cursor;             /* show the text cursor at cur_y, cur_x */
	int cur_y, cur_x;
	int body_top, body_rows; /* rows a screen may draw in */
	wn_date open_date;       /* a day another screen asked Today to show,
	                            WN_DATE_NONE when none (wn_ui_open_day) */
	unsigned gen;            /* bumped when medications or plans change,
	                            so screens know to reload them */
	void **state;            /* the frame's: one block per registered
	                            screen, handed to its hooks (struct
	                            wn_screen); screens never read it */
};

/* A screen: hooks called by the frame.  Only `draw` and `action` are
 * required.  Registered once, in frame.c.
 *
 * A screen's state is a struct of its own (struct today in today.h,
 * struct calendar in calendar.c, ...), as tig's view->private: the frame
 * allocates state_size zeroed bytes per screen when it starts, hands that
 * block to every hook of the screen as `state` (the hook's first line
 * turns it into the screen's struct) and frees it after `fini`.  So a
 * zeroed struct must mean "not entered yet", and a screen keeps nothing
 * in file-scope variables: everything it knows is in its block. */
struct wn_screen {
	const char *name;
	int number;              /* 1..6: F1..F6, g then the digit, Alt-digit
	                            (never the bare digit); 0 = none (help) */
	unsigned scope;          /* its WN_SC_* bit */
	size_t state_size;       /* sizeof the screen's state struct */
	/* becomes the current screen; may load data; WN_OK or an error that
	 * is shown in the status line */
	int (*enter)(struct wn_ui *ui, void *state, struct wn_err *err);
	/* the title line (NULL: the name) */
	void (*title)(struct wn_ui *ui, void *state, char *buf, size_t n);
	/* draw rows body_top .. body_top + body_rows - 1 */
	void (*draw)(struct wn_ui *ui, void *state);
	/* an action from the key table; true if handled */
	bool (*action)(struct wn_ui *ui, void *state, int action, int arg);
	/* scope bits in force now (e.g. WN_SC_NOTE while editing); NULL means
	 * just .scope.  While it returns WN_SC_NOTE or WN_SC_PROMPT, input goes
	 * to text_input instead of the global bindings. */
	unsigned (*scope_now)(struct wn_ui *ui, void *state);
	void (*text_input)(struct wn_ui *ui, void *state, const struct wn_input *in);
	/* the input timed out (nothing typed for a while) */
	void (*idle)(struct wn_ui *ui, void *state);
	/* the calendar day changed while running (midnight) */
	void (*new_day)(struct wn_ui *ui, void *state, wn_date old_today);
	/* the terminal is going away: keep whatever is being typed */
	void (*hangup)(struct wn_ui *ui, void *state);
	/* free what the state owns (not the block itself); called once at exit */
	void (*fini)(struct wn_ui *ui, void *state);
};

extern const struct wn_screen wn_screen_today;
extern const struct wn_screen wn_screen_help;
extern const struct wn_screen wn_screen_calendar;
extern const struct wn_screen wn_screen_plan;
extern const struct wn_screen wn_screen_charts;
extern const struct wn_screen wn_screen_journal;
extern const struct wn_screen wn_screen_setup;
extern const struct wn_screen wn_screen_export;

/* Draw on the last row the status-bar hints of the bindings in scope
 * (keys.c): the screen's own first, then the global ones it does not
 * shadow, as many as fit. */
void wn_ui_draw_hints(struct wn_ui *ui, unsigned scope);
/* Attribute of a role (colour or monochrome fallback). */
attr_t wn_ui_attr(const struct wn_ui *ui, int role);
/* Where and how a piece of text goes: row, column, most columns, role. */
struct wn_cell {
	int y, x, cols, role;
};
#define WN_CELL(y, x, cols, role) ((struct wn_cell){ (y), (x), (cols), (role) })

/* A box on the screen: top row, left column, rows, columns. */
struct wn_box {
	int y, x, h, w;
};
#define WN_BOX(y, x, h, w) ((struct wn_box){ (y), (x), (h), (w) })

/* Draw text in the cell, sanitized and cut with an ellipsis; returns the
 * columns drawn.  Off-screen parts are clipped. */
int wn_ui_put(struct wn_ui *ui, struct wn_cell at, const char *text);
/* As wn_ui_put, padded with spaces to exactly at.cols columns. */
void wn_ui_put_pad(struct wn_ui *ui, struct wn_cell at, const char *text);
/* A horizontal rule of cols columns. */
void wn_ui_rule(struct wn_ui *ui, int y, int x, int cols);
/* Set the status-line message (printf-style). */
void wn_ui_msg(struct wn_ui *ui, int role, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Report a failed diary write/read in the status line: a busy diary gets
 * a plain "busy" message, anything else the error text. */
void wn_ui_msg_err(struct wn_ui *ui, const char *what,
                   const struct wn_err *err);
/* Switch screens by registry index; help remembers where to go back to. */
void wn_ui_goto(struct wn_ui *ui, int index);
/* Switch to a registered screen by its hooks (nothing if unregistered). */
void wn_ui_goto_screen(struct wn_ui *ui, const struct wn_screen *s);
/* Show day in Today (sets ui->open_date, which Today's enter takes). */
void wn_ui_open_day(struct wn_ui *ui, wn_date day);
/* Open the help screen; go back to the screen it was opened from. */
void wn_ui_help(struct wn_ui *ui);
void wn_ui_go_back(struct wn_ui *ui);
/* Leave curses for a child process (the $EDITOR) and come back. */
void wn_ui_suspend(struct wn_ui *ui);
void wn_ui_resume(struct wn_ui *ui);
/* Has a signal asked wean to leave (SIGHUP, SIGTERM, SIGINT, SIGQUIT: a
 * closed terminal)?  The loop then calls every screen's hangup hook and
 * returns; a screen busy with a child (the $EDITOR) asks this first. */
bool wn_ui_signalled(void);
/* Monotonic milliseconds, for "typed quickly" decisions. */
long long wn_ui_now_ms(void);

/* ---- the text field (edit.c) ---------------------------------------------- */

/* A UTF-8 text being edited: a multi-line note or a one-line prompt.  The
 * buffer always holds valid UTF-8 without control characters other than
 * '\n' (multi-line only). */
struct wn_edit {
	char *s;                 /* owned, NUL-terminated */
	size_t len, cap;
	size_t cur;              /* cursor, a byte offset on a character boundary */
	size_t max;              /* most bytes allowed */
	bool multiline;
	bool changed;            /* since wn_edit_mark_saved */
	int top;                 /* first wrapped line shown */
	int want_col;            /* column kept by up/down, -1 = none */
};

enum wn_edit_result {
	WN_EDIT_IGNORED,         /* not an editing key */
	WN_EDIT_MOVED,
	WN_EDIT_CHANGED,
	WN_EDIT_FULL,            /* refused: at the size limit */
};

/* Start editing a copy of text (NULL = empty), cursor at the end.
 * Returns WN_OK or WN_ERR (out of memory). */
int wn_edit_init(struct wn_edit *e, const char *text, size_t max,
                 bool multiline);
void wn_edit_free(struct wn_edit *e);
/* Replace the whole text (cursor to the end); WN_OK or WN_ERR. */
int wn_edit_set(struct wn_edit *e, const char *text);
/* Apply one key: printable characters are inserted; Enter inserts a
 * newline (multi-line); Backspace, Delete, arrows, Home, End, Ctrl-A/E/K/U/W
 * edit and move.  width is the wrap width in columns. */
int wn_edit_key(struct wn_edit *e, const struct wn_input *in, int width);
/* Draw in the box, scrolling to keep the cursor in view, and put the
 * screen cursor there (ui->cursor, cur_y, cur_x). */
void wn_edit_draw(struct wn_ui *ui, struct wn_edit *e, struct wn_box box);
/* Draw some read-only text wrapped in the box (a last line "... (N more
 * lines)" when it does not fit); returns the rows used. */
int wn_edit_draw_text(struct wn_ui *ui, const char *text, struct wn_box box);
/* Draw text word-wrapped to at.cols columns from row at.y, in at.role, on
 * at most max_rows rows (the last one cut with an ellipsis when the text
 * needs more); returns the rows used (0 for NULL or ""). */
int wn_ui_put_wrapped(struct wn_ui *ui, struct wn_cell at, const char *text,
                      int max_rows);
/* $VISUAL, else $EDITOR (as set: a command and maybe its arguments), or
 * NULL when neither is set to anything: then there is no external editor
 * (never a default such as vi); the text is edited in wean. */
const char *wn_edit_external_name(void);
/* Let the text be edited in $VISUAL / $EDITOR (none: an error), through the
 * file path (made or replaced, mode 0600, never through a link): fork +
 * execvp (never a shell), then read it back into e.  Returns WN_OK, or an
 * error (message in err) leaving e unchanged.  The file stays where it is
 * either way: the caller removes it once what it holds is safe. */
int wn_edit_external(struct wn_ui *ui, struct wn_edit *e, const char *path,
                     struct wn_err *err);
/* Replace e's text with the file's (trailing newlines and spaces cut):
 * WN_OK, or an error leaving e unchanged (unreadable, too long for e,
 * not a valid note). */
int wn_edit_read_file(struct wn_edit *e, const char *path, struct wn_err *err);

/* ---- the hold proposal (calendar.c) --------------------------------------- */

struct wn_schedule;
struct wn_holdrule_out;
/* Judges day with the config's hold rules for medication med_id's
 * schedule.  A proposal for today is kept in the diary (shown); one the
 * person dismissed that day is not proposed again (out->propose false).
 * reads the burden and sleep around it and the last cut on or before it.
 * Returns true (and fills out) when a hold should be proposed; false on
 * any read error too. */
bool wn_ui_hold_proposal(struct wn_ui *ui, long med_id, const struct wn_schedule *s,
                         wn_date day, struct wn_holdrule_out *out);

/* ---- correct.c: corrections shared by the screens --------------------------- */

struct wn_symptom;

/* The y/N question for deleting day's record into q (n bytes); false,
 * with a message, when the day has no record or cannot be read. */
bool wn_ui_day_delete_ask(struct wn_ui *ui, wn_date day, char *q, size_t n);
/* After a yes: the diary backed up (db/backups.h's next name), then
 * day's record deleted (db/day.h); the message says which backup.
 * ui->gen is bumped.  false (with a message) when nothing was deleted. */
bool wn_ui_day_delete(struct wn_ui *ui, wn_date day);
/* P on a symptom: its mark of present before the taper turned over in
 * the diary and in *s, and said. */
bool wn_ui_symptom_preexisting(struct wn_ui *ui, struct wn_symptom *s);

#endif
