/* SPDX-License-Identifier: GPL-3.0-or-later */
/* edit.c -- the text field: a multi-line UTF-8 note or a one-line
 * prompt, word-wrapped by display width, and the hand-over to $EDITOR.
 * All character and width work goes through text.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/fileio.h"
#include "core/text.h"
#include "core/wrap.h"
#include "tui.h"

#define CTRL(c) ((c) & 0x1f)

/* ---- the buffer --------------------------------------------------------- */

static int reserve(struct wn_edit *e, size_t need)
{
	if (need + 1 <= e->cap)
		return WN_OK;
	size_t cap = e->cap ? e->cap : 64;
	while (cap < need + 1)
		cap *= 2;
	char *s = realloc(e->s, cap);
	if (!s)
		return WN_ERR;
	e->s = s;
	e->cap = cap;
	return WN_OK;
}

int wn_edit_set(struct wn_edit *e, const char *text)
{
	size_t n = text ? strlen(text) : 0;
	if (n > e->max)
		n = e->max;
	if (reserve(e, n) != WN_OK)
		return WN_ERR;
	if (n)
		memcpy(e->s, text, n);
	e->s[n] = '\0';
	/* a cut may have split a character: back up to a boundary */
	while (n > 0 && !wn_text_valid_utf8(e->s, n))
		e->s[--n] = '\0';
	if (!e->multiline)
		for (size_t i = 0; i < n; i++)
			if (e->s[i] == '\n' || e->s[i] == '\t')
				e->s[i] = ' ';
	e->len = n;
	e->cur = n;
	e->top = 0;
	e->want_col = -1;
	e->changed = true;
	return WN_OK;
}

int wn_edit_init(struct wn_edit *e, const char *text, size_t max,
                 bool multiline)
{
	memset(e, 0, sizeof *e);
	e->max = max;
	e->multiline = multiline;
	if (wn_edit_set(e, text) != WN_OK)
		return WN_ERR;
	e->changed = false;
	return WN_OK;
}

void wn_edit_free(struct wn_edit *e)
{
	free(e->s);
	memset(e, 0, sizeof *e);
}

static int insert_bytes(struct wn_edit *e, const char *b, size_t n)
{
	if (e->len + n > e->max)
		return WN_EDIT_FULL;
	if (reserve(e, e->len + n) != WN_OK)
		return WN_EDIT_FULL;
	memmove(e->s + e->cur + n, e->s + e->cur, e->len - e->cur + 1);
	memcpy(e->s + e->cur, b, n);
	e->len += n;
	e->cur += n;
	e->changed = true;
	return WN_EDIT_CHANGED;
}

static int cut_range(struct wn_edit *e, size_t from, size_t to)
{
	if (to <= from)
		return WN_EDIT_MOVED;
	memmove(e->s + from, e->s + to, e->len - to + 1);
	e->len -= to - from;
	e->cur = from;
	e->changed = true;
	return WN_EDIT_CHANGED;
}

static int insert_cp(struct wn_edit *e, wint_t ch)
{
	if (ch == '\t')
		ch = ' ';
	if (ch == '\n' ? !e->multiline : wn_text_is_control((int32_t)ch))
		return WN_EDIT_IGNORED;
	char b[4];
	size_t n = wn_text_encode((int32_t)ch, b);
	if (n == 0)
		return WN_EDIT_IGNORED;
	return insert_bytes(e, b, n);
}

/* Start of the word before the cursor (spaces, then non-spaces). */
static size_t word_start(const struct wn_edit *e)
{
	size_t p = e->cur;
	while (p > 0 && (e->s[p - 1] == ' ' || e->s[p - 1] == '\n'))
		p--;
	while (p > 0 && e->s[p - 1] != ' ' && e->s[p - 1] != '\n')
		p--;
	return p;   /* after a space or at 0: a character boundary */
}

static size_t line_start(const struct wn_edit *e)
{
	size_t p = e->cur;
	while (p > 0 && e->s[p - 1] != '\n')
		p--;
	return p;
}

static size_t line_end(const struct wn_edit *e)
{
	size_t p = e->cur;
	while (p < e->len && e->s[p] != '\n')
		p++;
	return p;
}

/* ---- wrapped lines ------------------------------------------------------ */

/* Wrap into a malloc'd array; *n lines (at least 1).  NULL if no memory. */
static struct wn_wrap_line *wrap(const char *s, int cols, size_t *n)
{
	size_t need = wn_wrap(s, cols, NULL, 0);
	if (need == 0)
		need = 1;
	struct wn_wrap_line *lines = calloc(need, sizeof *lines);
	if (!lines)
		return NULL;
	*n = wn_wrap(s, cols, lines, need);
	if (*n > need)
		*n = need;
	return lines;
}

/* Up/down/home/end work on the wrapped lines the person sees. */
static int move_visual(struct wn_edit *e, wint_t key, int width)
{
	size_t n;
	struct wn_wrap_line *lines = wrap(e->s, width - 1, &n);
	if (!lines)
		return WN_EDIT_IGNORED;
	struct wn_wrap_pos p = wn_wrap_locate(e->s, lines, n, e->cur);
	int col = e->want_col >= 0 ? e->want_col : p.col;
	if (key == KEY_UP && p.line > 0) {
		p.line--;
		p.col = col;
		e->cur = wn_wrap_offset(e->s, lines, n, p);
	} else if (key == KEY_DOWN && p.line + 1 < n) {
		p.line++;
		p.col = col;
		e->cur = wn_wrap_offset(e->s, lines, n, p);
	} else if (key == KEY_HOME) {
		e->cur = lines[p.line].off;
	} else if (key == KEY_END) {
		p.col = INT32_MAX;
		e->cur = wn_wrap_offset(e->s, lines, n, p);
	}
	free(lines);
	if (key == KEY_UP || key == KEY_DOWN)
		e->want_col = col;
	return WN_EDIT_MOVED;
}

static int fn_key(struct wn_edit *e, wint_t key, int width)
{
	switch (key) {
	case KEY_LEFT:
		e->cur = wn_text_prev_char(e->s, e->cur);
		return WN_EDIT_MOVED;
	case KEY_RIGHT:
		e->cur = wn_text_next_char(e->s, e->cur);
		return WN_EDIT_MOVED;
	case KEY_UP: case KEY_DOWN: case KEY_HOME: case KEY_END:
		return move_visual(e, key, width);
	case KEY_BACKSPACE:
		return cut_range(e, wn_text_prev_char(e->s, e->cur), e->cur);
	case KEY_DC:
		return cut_range(e, e->cur, wn_text_next_char(e->s, e->cur));
	case KEY_ENTER:
		return insert_cp(e, '\n');
	default:
		return WN_EDIT_IGNORED;
	}
}

static int char_key(struct wn_edit *e, wint_t ch, int width)
{
	switch (ch) {
	case '\r': case '\n':
		return insert_cp(e, '\n');
	case 127: case CTRL('h'):
		return cut_range(e, wn_text_prev_char(e->s, e->cur), e->cur);
	case CTRL('a'):
		return move_visual(e, KEY_HOME, width);
	case CTRL('e'):
		return move_visual(e, KEY_END, width);
	case CTRL('k'):
		return cut_range(e, e->cur, line_end(e));
	case CTRL('u'):
		return cut_range(e, line_start(e), e->cur);
	case CTRL('w'):
		return cut_range(e, word_start(e), e->cur);
	default:
		return insert_cp(e, ch);
	}
}

int wn_edit_key(struct wn_edit *e, const struct wn_input *in, int width)
{
	if (width < 2)
		width = 2;
	int r = WN_EDIT_IGNORED;
	if (in->kind == WN_K_FN)
		r = fn_key(e, in->ch, width);
	else if (in->kind == WN_K_CHAR)
		r = char_key(e, in->ch, width);
	if (r != WN_EDIT_IGNORED && !(in->kind == WN_K_FN &&
	    (in->ch == KEY_UP || in->ch == KEY_DOWN)))
		e->want_col = -1;
	return r;
}

/* ---- drawing ------------------------------------------------------------ */

static void put_line(struct wn_ui *ui, struct wn_cell at, const char *s,
                     size_t len)
{
	while (len > 0 && s[len - 1] == '\n')
		len--;
	struct wn_buf b;
	wn_buf_init(&b);
	wn_text_sanitize_to(&b, s, len, ui->ascii_text ? WN_TEXT_ASCII : 0);
	if (!b.failed)
		mvwaddstr(stdscr, at.y, at.x, b.s);
	wn_buf_free(&b);
}

void wn_edit_draw(struct wn_ui *ui, struct wn_edit *e, struct wn_box box)
{
	int y = box.y, x = box.x, h = box.h, w = box.w;
	if (h < 1 || w < 2)
		return;
	size_t n;
	struct wn_wrap_line *lines = wrap(e->s, w - 1, &n);
	if (!lines)
		return;
	struct wn_wrap_pos p = wn_wrap_locate(e->s, lines, n, e->cur);
	if ((int)p.line < e->top)
		e->top = (int)p.line;
	if ((int)p.line >= e->top + h)
		e->top = (int)p.line - h + 1;
	wattrset(stdscr, wn_ui_attr(ui, WN_R_NORMAL));
	for (int i = 0; i < h && (size_t)(e->top + i) < n; i++) {
		const struct wn_wrap_line *l = &lines[e->top + i];
		put_line(ui, WN_CELL(y + i, x, w, 0), e->s + l->off, l->len);
	}
	const struct wn_wrap_line *cl = &lines[p.line];
	int col = wn_text_width_n(e->s + cl->off, e->cur - cl->off,
	                          ui->ascii_text ? WN_TEXT_ASCII : 0);
	if (e->cur > cl->off && e->s[e->cur - 1] == '\n')
		col = 0;
	ui->cursor = true;
	ui->cur_y = y + (int)p.line - e->top;
	ui->cur_x = x + (col < w ? col : w - 1);
	free(lines);
}

int wn_edit_draw_text(struct wn_ui *ui, const char *text, struct wn_box box)
{
	int y = box.y, x = box.x, h = box.h, w = box.w;
	if (!text || h < 1 || w < 1)
		return 0;
	size_t n;
	struct wn_wrap_line *lines = wrap(text, w, &n);
	if (!lines)
		return 0;
	int shown = (size_t)h < n ? h - 1 : (int)n;
	for (int i = 0; i < shown; i++)
		put_line(ui, WN_CELL(y + i, x, w, 0), text + lines[i].off,
		         lines[i].len);
	if ((size_t)shown < n) {
		char more[64];
		snprintf(more, sizeof more, "%s (%zu more lines)",
		         ui->ascii ? "..." : "\u2026", n - (size_t)shown);
		wn_ui_put(ui, WN_CELL(y + shown, x, w, WN_R_DIM), more);
		shown++;
	}
	free(lines);
	return shown;
}

int wn_ui_put_wrapped(struct wn_ui *ui, struct wn_cell at, const char *text,
                      int max_rows)
{
	if (!text || !*text || at.cols < 1 || max_rows < 1)
		return 0;
	size_t n;
	struct wn_wrap_line *lines = wrap(text, at.cols, &n);
	if (!lines)
		return 0;
	int rows = 0;
	for (size_t i = 0; i < n && rows < max_rows; i++, rows++) {
		const char *from = text + lines[i].off;
		size_t len = rows == max_rows - 1 ? strlen(from) : lines[i].len;
		char *piece = strndup(from, len);
		if (piece)
			wn_ui_put(ui, WN_CELL(at.y + rows, at.x, at.cols, at.role), piece);
		free(piece);
	}
	free(lines);
	return rows;
}

/* ---- $EDITOR ------------------------------------------------------------ */

/* e's text into path, a file of this user's only (0600, never through a
 * link), with a final newline as editors like it. */
static int write_file(const struct wn_edit *e, const char *path,
                      struct wn_err *err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC,
	              0600);
	if (fd < 0)
		return wn_err_set(err, WN_CANTCREAT, "cannot create %s: %s", path,
		                  strerror(errno));
	int rc = fchmod(fd, 0600);
	if (rc == 0)
		rc = wn_file_write_all(fd, e->s, e->len);
	if (rc == 0 && e->len)
		rc = wn_file_write_all(fd, "\n", 1);
	if (close(fd) != 0)
		rc = -1;
	if (rc != 0) {
		unlink(path);
		return wn_err_set(err, WN_IOERR, "cannot write %s", path);
	}
	return WN_OK;
}

const char *wn_edit_external_name(void)
{
	const char *ed = getenv("VISUAL");
	if (!ed || !ed[strspn(ed, " \t")])
		ed = getenv("EDITOR");
	if (!ed || !ed[strspn(ed, " \t")])
		return NULL;
	return ed;
}

/* $VISUAL or $EDITOR, split on blanks (no shell involved); never a
 * default: with neither set, wean's own editor is the one. */
static int editor_argv(char *cmd, size_t n, char **argv, int max)
{
	const char *ed = wn_edit_external_name();
	if (!ed)
		return 0;
	snprintf(cmd, n, "%s", ed);
	int argc = 0;
	for (char *t = strtok(cmd, " \t"); t && argc < max - 2;
	     t = strtok(NULL, " \t"))
		argv[argc++] = t;
	return argc;
}

static int run_editor(struct wn_ui *ui, const char *path, struct wn_err *err)
{
	char cmd[1024];
	char *argv[18];
	int argc = editor_argv(cmd, sizeof cmd, argv, 18);
	if (argc == 0)
		return wn_err_set(err, WN_USAGE, "neither $VISUAL nor $EDITOR is set;"
		                  " write here instead");
	argv[argc++] = (char *)path;
	argv[argc] = NULL;
	wn_ui_suspend(ui);
	pid_t pid = fork();
	if (pid == 0) {
		signal(SIGINT, SIG_DFL);
		signal(SIGHUP, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		execvp(argv[0], argv);
		_exit(127);
	}
	int status = 0;
	while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	wn_ui_resume(ui);
	if (pid < 0)
		return wn_err_set(err, WN_ERR, "cannot start the editor: %s",
		                  strerror(errno));
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		return wn_err_set(err, WN_USAGE, "cannot run the editor '%s';"
		                  " set $EDITOR", argv[0]);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return wn_err_set(err, WN_ERR, "the editor stopped with an error");
	return WN_OK;
}

int wn_edit_read_file(struct wn_edit *e, const char *path, struct wn_err *err)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return wn_err_set(err, WN_IOERR, "cannot read %s back", path);
	char *buf = malloc(e->max + 2);
	if (!buf) {
		fclose(f);
		return wn_err_set(err, WN_ERR, "out of memory");
	}
	size_t n = fread(buf, 1, e->max + 1, f);
	fclose(f);
	n = wn_text_normalize_newlines(buf, n);
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == ' '))
		buf[--n] = '\0';
	int rc = n > e->max
	         ? wn_err_set(err, WN_DATAERR, "the note is too long (over %zu"
	                      " bytes)", e->max)
	         : wn_text_check_note(buf, n, e->max, err);
	if (rc == WN_OK && wn_edit_set(e, buf) != WN_OK)
		rc = wn_err_set(err, WN_ERR, "out of memory");
	free(buf);
	return rc;
}

int wn_edit_external(struct wn_ui *ui, struct wn_edit *e, const char *path,
                     struct wn_err *err)
{
	int rc = write_file(e, path, err);
	if (rc == WN_OK)
		rc = run_editor(ui, path, err);
	if (rc == WN_OK)
		rc = wn_edit_read_file(e, path, err);
	return rc;
}
