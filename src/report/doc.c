/* SPDX-License-Identifier: GPL-3.0-or-later */
/* doc.c (report) -- the writer of the Markdown and plain-text report (see
 * report_doc.h): headings, wrapping, tables, and diary text made safe for
 * the terminal and for Markdown. */
#include "doc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_int.h"
#include "core/records.h"
#include "core/wrap.h"

void wn_doc_addf(struct wn_doc *d, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	wn_buf_vaddf(d->b, fmt, ap);
	va_end(ap);
}

void wn_doc_add(struct wn_doc *d, const char *s)
{
	wn_buf_adds(d->b, s);
}

char *wn_doc_date(wn_date d, char *buf)
{
	if (d == WN_DATE_NONE)
		snprintf(buf, WN_DATE_STRLEN, "-");
	else
		wn_date_format(d, buf);
	return buf;
}

/* ---- text from the diary ------------------------------------------------------- */

static bool md_special(char c)
{
	return c && strchr("\\`*_[]<|~", c) != NULL;
}

/* Appends diary text to t: one line, terminal-safe; in Markdown with every
 * character that could start markup escaped. */
void wn_doc_clean_to(const struct wn_doc *d, struct wn_buf *t, const char *s)
{
	struct wn_buf safe;
	wn_buf_init(&safe);
	wn_text_sanitize_to(&safe, s, strlen(s), d->ascii ? WN_TEXT_ASCII : 0);
	for (const char *p = safe.s; d->md && *p; p++) {
		bool entity = *p == '&' && (p[1] == '#' || (p[1] >= 'a' && p[1] <= 'z') ||
		                            (p[1] >= 'A' && p[1] <= 'Z'));
		if (md_special(*p) || entity)
			wn_buf_addc(t, '\\');
		wn_buf_addc(t, *p);
	}
	if (!d->md)
		wn_buf_adds(t, safe.s);
	if (safe.failed)
		t->failed = true;
	wn_buf_free(&safe);
}

char *wn_doc_clean(const struct wn_doc *d, const char *s)
{
	struct wn_buf t;
	wn_buf_init(&t);
	wn_doc_clean_to(d, &t, s ? s : "");
	return wn_buf_detach(&t);
}

/* Length of the Markdown marker a line would start with ("-", "12.", "#"),
 * 0 when none: the character there gets a backslash. */
static size_t md_line_marker(const char *s, size_t len)
{
	size_t i = 0;
	if (len == 0)
		return 0;
	if (strchr(">+=-#*~", s[0]) && s[0] != '\0') {
		if (s[0] == '>' || s[0] == '=' || s[0] == '~')
			return 1;
		while (i < len && s[i] == s[0])
			i++;
		return i == len || s[i] == ' ' || s[0] == '-' ? 1 : 0;
	}
	while (i < len && i < 9 && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i > 0 && i < len && (s[i] == '.' || s[i] == ')') &&
	    (i + 1 == len || s[i + 1] == ' '))
		return i + 1;
	return 0;
}

/* One wrapped line: prefix, the text without trailing spaces. */
static void emit_line(struct wn_doc *d, const char *prefix, const char *s, size_t len)
{
	while (len > 0 && s[len - 1] == ' ')
		len--;
	wn_doc_add(d, prefix);
	size_t m = d->md ? md_line_marker(s, len) : 0;
	if (m) {
		wn_buf_add(d->b, s, m - 1);
		wn_buf_addc(d->b, '\\');
		wn_buf_add(d->b, s + m - 1, len - m + 1);
	} else {
		wn_buf_add(d->b, s, len);
	}
	wn_doc_add(d, "\n");
}

/* Wraps clean text at the width: the first line after `first`, the others
 * indented by as many spaces. */
void wn_doc_wrap(struct wn_doc *d, const char *text, const char *first)
{
	int indent = (int)strlen(first);
	size_t n = wn_wrap(text, d->width - indent, NULL, 0);
	struct wn_wrap_line *lines = malloc(n * sizeof *lines);
	char pad[16];
	snprintf(pad, sizeof pad, "%*s", indent < 15 ? indent : 15, "");
	if (!lines) {
		d->b->failed = true;
		return;
	}
	wn_wrap(text, d->width - indent, lines, n);
	for (size_t i = 0; i < n; i++)
		emit_line(d, i == 0 ? first : pad, text + lines[i].off, lines[i].len);
	free(lines);
}

void wn_doc_para(struct wn_doc *d, const char *text)
{
	wn_doc_wrap(d, text, "");
	wn_doc_add(d, "\n");
}

void wn_doc_heading(struct wn_doc *d, int level, const char *text)
{
	if (d->md) {
		wn_doc_addf(d, "%.*s %s\n\n", level, "######", text);
		return;
	}
	int w = wn_text_width(text);
	wn_doc_addf(d, "%s\n", text);
	for (int i = 0; i < w; i++)
		wn_buf_addc(d->b, level == 1 ? '=' : '-');
	wn_doc_add(d, "\n\n");
}

/* A paragraph or list item built with printf, holding clean text only. */

void wn_doc_line_start(struct wn_doc_line *l)
{
	wn_buf_init(&l->t);
}

void wn_doc_lf(struct wn_doc_line *l, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	wn_buf_vaddf(&l->t, fmt, ap);
	va_end(ap);
}

void wn_doc_line_user(struct wn_doc *d, struct wn_doc_line *l, const char *s)
{
	wn_doc_clean_to(d, &l->t, s ? s : "");
}

void wn_doc_line_end(struct wn_doc *d, struct wn_doc_line *l, const char *first)
{
	if (l->t.failed)
		d->b->failed = true;
	wn_doc_wrap(d, l->t.s ? l->t.s : "", first);
	wn_buf_free(&l->t);
}

const char *wn_doc_bold(const struct wn_doc *d)
{
	return d->md ? "**" : "";
}

/* ---- tables -------------------------------------------------------------------------- */


void wn_doc_cell_own(struct wn_doc_table *t, char *s)
{
	if (!s || wn_buf_grow((void **)&t->cells, &t->cap, t->n, sizeof *t->cells)) {
		free(s);
		t->failed = true;
		return;
	}
	t->cells[t->n++] = s;
}

void wn_doc_cellf(struct wn_doc_table *t, const char *fmt, ...)
{
	struct wn_buf b;
	va_list ap;
	wn_buf_init(&b);
	va_start(ap, fmt);
	wn_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	wn_doc_cell_own(t, wn_buf_detach(&b));
}

/* A name from the diary, cut to max columns. */
void wn_doc_cell_name(const struct wn_doc *d, struct wn_doc_table *t, const char *s, int max)
{
	char fit[4 * WN_NAME_MAX + 8];
	wn_text_fit(s, max, fit, sizeof fit, d->ascii);
	wn_doc_cell_own(t, wn_doc_clean(d, fit));
}

static void table_widths(const struct wn_doc_table *t, int *w)
{
	for (int c = 0; c < t->ncols; c++)
		w[c] = wn_text_width(t->head[c]);
	for (size_t i = 0; i < t->n; i++) {
		int c = (int)(i % (size_t)t->ncols), x = wn_text_width(t->cells[i]);
		w[c] = x > w[c] ? x : w[c];
	}
}

static void table_row(struct wn_doc *d, const struct wn_doc_table *t, const char *const *cells,
                      const int *w)
{
	for (int c = 0; c < t->ncols; c++) {
		wn_doc_add(d, d->md ? (c ? " | " : "| ") : (c ? "  " : ""));
		bool last = c == t->ncols - 1 && !d->md && !t->right[c];
		if (last)
			wn_doc_add(d, cells[c]);
		else
			wn_text_pad(d->b, cells[c], w[c], t->right[c] ? WN_TEXT_ALIGN_RIGHT : 0);
	}
	wn_doc_add(d, d->md ? " |\n" : "\n");
}

static void table_rule(struct wn_doc *d, const struct wn_doc_table *t, const int *w)
{
	for (int c = 0; c < t->ncols; c++) {
		if (d->md)
			wn_doc_add(d, c ? " | " : "| ");
		else if (c)
			wn_doc_add(d, "  ");
		for (int i = 0; i < w[c] - (d->md && t->right[c]); i++)
			wn_buf_addc(d->b, '-');
		if (d->md && t->right[c])
			wn_buf_addc(d->b, ':');
	}
	wn_doc_add(d, d->md ? " |\n" : "\n");
}

void wn_doc_table_end(struct wn_doc *d, struct wn_doc_table *t)
{
	int w[WN_DOC_MAX_COLS];
	if (t->failed)
		d->b->failed = true;
	table_widths(t, w);
	table_row(d, t, t->head, w);
	table_rule(d, t, w);
	for (size_t i = 0; i + (size_t)t->ncols <= t->n; i += (size_t)t->ncols)
		table_row(d, t, (const char *const *)&t->cells[i], w);
	wn_doc_add(d, "\n");
	for (size_t i = 0; i < t->n; i++)
		free(t->cells[i]);
	free(t->cells);
}
