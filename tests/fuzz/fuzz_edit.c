/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_edit.c -- libFuzzer harness: the note editor's text field
 * (src/tui/edit.c: wn_edit_init/set/key/draw/draw_text), on top of
 * text.c's wrap, locate, offset and cursor steps.
 *
 * tui/edit.c is compiled in as it is.  Its buffer logic is curses-free;
 * drawing writes into curses' in-memory stdscr, which the harness makes
 * once with newterm() on /dev/null (nothing is ever refreshed to a
 * terminal).  The four frame functions edit.c calls are replaced below:
 * wn_ui_attr and wn_ui_put by small equivalents, wn_ui_suspend and
 * wn_ui_resume (only used by the $EDITOR hand-over, never called here) by
 * aborts.
 *
 * Input: byte 0 flags (bit 0 multi-line, bit 1 ASCII text), byte 1 the wrap
 * width given to wn_edit_key, bytes 2-3 the draw box (byte 2: x in the top
 * bit, width 0..127 below; byte 3: y in the top 3 bits, height 0..31
 * below), bytes 4-5 the size limit (little-endian; 0 = WN_TEXT_NOTE_MAX);
 * then the initial text up to the first NUL; then the keys:
 *   0xFF k      a function key from fn_keys[k % N]
 *   0xFE a b c  the character U+abc (24 bits: also invalid code points)
 *   0xFD k      Alt + k
 *   0xFC        draw (wn_edit_draw, wn_edit_draw_text)
 *   0xFB w      a new wrap width
 *   otherwise   one UTF-8 character (an invalid byte: that byte's value);
 *               control bytes are Ctrl keys (Ctrl-A/E/K/U/W/H, Enter ...)
 * After every key the field's contract (tui.h) is checked: valid UTF-8
 * of len bytes, NUL-terminated, within the limit, no newline in a one-line
 * field, no control character other than newline (and tab, which
 * wn_edit_set keeps from the initial text), the cursor on a character
 * boundary inside the text, the screen cursor inside the box.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "core/text.h"
#include "tui.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static SCREEN *screen;
static FILE *term_out, *term_in;

/* ---- the frame functions edit.c uses ------------------------------------ */

attr_t wn_ui_attr(const struct wn_ui *ui, int role)
{
	(void)ui;
	(void)role;
	return A_NORMAL;
}

int wn_ui_put(struct wn_ui *ui, struct wn_cell at, const char *text)
{
	char buf[1024];
	size_t w = wn_text_fit(text, at.cols, buf, sizeof buf, ui->ascii);
	if (screen)
		mvwaddstr(stdscr, at.y, at.x, buf);
	return (int)w;
}

void wn_ui_suspend(struct wn_ui *ui)
{
	(void)ui;
	abort();
}

void wn_ui_resume(struct wn_ui *ui)
{
	(void)ui;
	abort();
}

/* ---- setup ---------------------------------------------------------------- */

static void end_screen(void)
{
	if (!screen)
		return;
	endwin();
	delscreen(screen);
	screen = NULL;
	fclose(term_out);
	fclose(term_in);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	wn_fuzz_init();
	term_out = fopen("/dev/null", "w");
	term_in = fopen("/dev/null", "r");
	if (term_out && term_in)
		screen = newterm("xterm", term_out, term_in);
	if (!screen) {
		fprintf(stderr, "wean fuzz: newterm failed; drawing is not fuzzed\n");
		if (term_out)
			fclose(term_out);
		if (term_in)
			fclose(term_in);
		return 0;
	}
	atexit(end_screen);
	return 0;
}

/* ---- keys and checks ------------------------------------------------------- */

static const wint_t fn_keys[] = {
	KEY_LEFT, KEY_RIGHT, KEY_UP, KEY_DOWN, KEY_HOME, KEY_END, KEY_BACKSPACE,
	KEY_DC, KEY_ENTER, KEY_NPAGE, KEY_PPAGE, KEY_F(1), KEY_RESIZE,
};
#define N_FN (sizeof fn_keys / sizeof *fn_keys)

struct run {
	struct wn_edit e;
	struct wn_ui ui;
	struct wn_box box;
	int width;
	bool clean_start;        /* the initial text had no control character */
};

static void check_field(const struct run *r, int res)
{
	const struct wn_edit *e = &r->e;
	WN_FUZZ_CHECK(res >= WN_EDIT_IGNORED && res <= WN_EDIT_FULL, "result %d", res);
	WN_FUZZ_CHECK(e->s && e->len < e->cap && e->s[e->len] == '\0' &&
	              strlen(e->s) == e->len, "len %zu, cap %zu, strlen %zu", e->len,
	              e->cap, e->s ? strlen(e->s) : 0);
	WN_FUZZ_CHECK(e->len <= e->max, "len %zu over the limit %zu", e->len, e->max);
	WN_FUZZ_CHECK(wn_text_valid_utf8(e->s, e->len), "not UTF-8");
	WN_FUZZ_CHECK(e->cur <= e->len && (e->s[e->cur] & 0xC0) != 0x80,
	              "cursor %zu (len %zu) not on a character boundary", e->cur, e->len);
	WN_FUZZ_CHECK(e->multiline || !memchr(e->s, '\n', e->len), "newline in a one-line field");
	if (r->clean_start)
		WN_FUZZ_CHECK(wn_fuzz_no_controls(e->s, e->len, "\n\t"), "control character in the field");
}

static void draw(struct run *r)
{
	if (!screen)
		return;
	r->ui.cursor = false;
	wn_edit_draw(&r->ui, &r->e, r->box);
	const struct wn_box *b = &r->box;
	if (b->h >= 1 && b->w >= 2) {
		WN_FUZZ_CHECK(r->ui.cursor, "no cursor after drawing");
		WN_FUZZ_CHECK(r->ui.cur_y >= b->y && r->ui.cur_y < b->y + b->h &&
		              r->ui.cur_x >= b->x && r->ui.cur_x < b->x + b->w,
		              "cursor %d,%d outside the box %d,%d %dx%d", r->ui.cur_y,
		              r->ui.cur_x, b->y, b->x, b->h, b->w);
	}
	int rows = wn_edit_draw_text(&r->ui, r->e.s, r->box);
	WN_FUZZ_CHECK(rows >= 0 && rows <= (b->h > 0 ? b->h : 0), "draw_text used %d rows", rows);
}

/* One key from data; returns the bytes used. */
static size_t next_key(struct run *r, const uint8_t *d, size_t n, struct wn_input *in)
{
	in->kind = WN_K_CHAR;
	if (d[0] == 0xFF && n >= 2) {
		in->kind = WN_K_FN;
		in->ch = fn_keys[d[1] % N_FN];
		return 2;
	}
	if (d[0] == 0xFE && n >= 4) {
		in->ch = (wint_t)d[1] << 16 | (wint_t)d[2] << 8 | d[3];
		return 4;
	}
	if (d[0] == 0xFD && n >= 2) {
		in->kind = WN_K_ALT;
		in->ch = d[1];
		return 2;
	}
	if (d[0] == 0xFC) {
		in->kind = WN_K_NONE;
		return 1;
	}
	if (d[0] == 0xFB && n >= 2) {
		r->width = d[1];
		in->kind = WN_K_NONE;
		return 2;
	}
	int32_t cp;
	size_t used = wn_text_decode((const char *)d, n, &cp);
	in->ch = cp == WN_TEXT_INVALID ? d[0] : (wint_t)cp;
	return used;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 6)
		return -1;
	struct run r = { 0 };
	bool multiline = data[0] & 1;
	r.ui.ascii = r.ui.ascii_text = data[0] & 2;
	r.width = data[1];
	r.box = WN_BOX(data[3] >> 5, data[2] >> 7, data[3] & 31, data[2] & 127);
	size_t max = (size_t)data[4] | (size_t)data[5] << 8;
	data += 6;
	size -= 6;
	const uint8_t *nul = memchr(data, 0, size);
	size_t tlen = nul ? (size_t)(nul - data) : size;
	char *text = malloc(tlen + 1);
	if (!text)
		return 0;
	memcpy(text, data, tlen);
	text[tlen] = '\0';
	r.clean_start = wn_fuzz_no_controls(text, tlen, "\n\t");
	int rc = wn_edit_init(&r.e, text, max ? max : WN_TEXT_NOTE_MAX, multiline);
	free(text);
	WN_FUZZ_CHECK(rc == WN_OK, "wn_edit_init");
	check_field(&r, WN_EDIT_IGNORED);
	size_t p = nul ? tlen + 1 : size;
	while (p < size) {
		struct wn_input in;
		p += next_key(&r, data + p, size - p, &in);
		if (in.kind == WN_K_NONE) {
			draw(&r);
			continue;
		}
		check_field(&r, wn_edit_key(&r.e, &in, r.width));
	}
	draw(&r);
	wn_edit_free(&r.e);
	return 0;
}
