/* SPDX-License-Identifier: GPL-3.0-or-later */
/* wrap.h -- word wrap of text into lines of a width, and the way between a
 * byte offset and a position on screen (the note editor, long notes in the
 * report and the Charts screen).  Pure, no output.
 */
#ifndef WEAN_WRAP_H
#define WEAN_WRAP_H

#include <stddef.h>

/* One display line of a wrap: bytes s[off .. off+len), `width` columns. */
struct wn_wrap_line {
	size_t off, len;
	int width;
};

/* Wrap the NUL-terminated s into lines of at most cols columns (cols < 1
 * counts as 1).  Every '\n' ends a line; other lines break after a run of
 * spaces or tabs (which stay at the end of their line), or, when a word is
 * wider than the line, before the character that does not fit.  A space that
 * does not fit at all is dropped between the lines.  A character wider than
 * cols gets a line of its own (the only case where width > cols).  "" and a
 * trailing '\n' give an empty last line (somewhere for the cursor).
 * Fills at most max_lines entries (lines may be NULL when max_lines is 0)
 * and returns the number of lines the whole text needs.  Linear time.
 * Widths and characters are core/text.h's, in UTF-8 mode. */
size_t wn_wrap(const char *s, int cols, struct wn_wrap_line *lines,
               size_t max_lines);

/* A cursor position on screen, relative to the first wrapped line. */
struct wn_wrap_pos {
	size_t line;
	int col;
};

/* Where byte offset pos of s shows in a wrap result (lines[0..n)): the last
 * line starting at or before pos, and the columns of that line's bytes
 * before pos.  A position in a dropped space or on a '\n' is at the end of
 * its line, so col can equal the wrap width: wrap at one column less than
 * the window to keep the cursor visible.  n == 0 gives {0, 0}. */
struct wn_wrap_pos wn_wrap_locate(const char *s,
                                  const struct wn_wrap_line *lines,
                                  size_t n, size_t pos);
/* The inverse: the byte offset of the character at (or covering) column
 * at.col of line at.line; past the end of the line gives the line's end,
 * except on a line that continues without a break (a soft wrap), where it
 * gives the start of the line's last character so that the cursor stays on
 * that line.  A line past the last gives the end of the last line. */
size_t wn_wrap_offset(const char *s, const struct wn_wrap_line *lines,
                      size_t n, struct wn_wrap_pos at);

#endif
