/* SPDX-License-Identifier: GPL-3.0-or-later */
/* csv.c -- writing one guarded CSV cell, reading CSV records (csv.h). */
#include "core/csv.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GUARDED "=+-@\t\r"

/* ---- writing ------------------------------------------------------------ */

/* Does a cell starting with c get the guard?  A leading apostrophe gets
 * one too, so that unguarding gives it back. */
static bool guarded(char c)
{
	return c != '\0' && (c == '\'' || strchr(GUARDED, c) != NULL);
}

void wn_csv_cell(struct wn_buf *b, const char *s, size_t len)
{
	bool guard = len > 0 && guarded(s[0]);
	bool quote = false;
	for (size_t i = 0; i < len && !quote; i++)
		quote = s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
	if (quote)
		wn_buf_addc(b, '"');
	if (guard)
		wn_buf_addc(b, '\'');
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '"')
			wn_buf_addc(b, '"');
		wn_buf_addc(b, s[i]);
	}
	if (quote)
		wn_buf_addc(b, '"');
}

const char *wn_csv_unguard(const char *s, size_t *len)
{
	if (*len > 1 && s[0] == '\'' && guarded(s[1])) {
		(*len)--;
		return s + 1;
	}
	return s;
}

/* ---- spreadsheets ---------------------------------------------------------- */

const char *wn_csv_fixed_unit(const char *name)
{
	static const char *const units[][2] = {
		{ "recorded", "1 = yes" }, { "mood", "0-10" }, { "anxiety", "0-10" },
		{ "energy", "0-10" }, { "sleep", "h" }, { "burden", "sum of ratings" },
		{ "flag", "1 = yes" },
	};
	for (size_t i = 0; i < sizeof units / sizeof *units; i++)
		if (strcmp(name, units[i][0]) == 0)
			return units[i][1];
	return NULL;
}

void wn_csv_head_cell(struct wn_buf *b, const char *name, const char *unit)
{
	struct wn_buf h;
	wn_buf_init(&h);
	wn_buf_adds(&h, name);
	if (unit && *unit) {
		wn_buf_adds(&h, " (");
		wn_buf_adds(&h, unit);
		wn_buf_addc(&h, ')');
	}
	if (h.failed)
		b->failed = true;
	else
		wn_csv_cell(b, h.s, h.len);
	wn_buf_free(&h);
}

size_t wn_csv_head_base(const char *s, size_t len)
{
	if (len < 4 || s[len - 1] != ')')
		return len;
	for (size_t i = len - 1; i-- > 1;)
		if (s[i] == '(')
			return s[i - 1] == ' ' && i - 1 > 0 ? i - 1 : len;
	return len;
}

/* ---- reading ------------------------------------------------------------ */

void wn_csv_open(struct wn_csv_reader *c, const char *s, size_t len)
{
	*c = (struct wn_csv_reader){ .line = 1, .sep = ',' };
	wn_reader_mem(&c->mem, s, len);
	c->r = &c->mem;
	wn_buf_init(&c->cell);
}

void wn_csv_open_reader(struct wn_csv_reader *c, struct wn_reader *r)
{
	*c = (struct wn_csv_reader){ .r = r, .line = 1, .sep = ',' };
	wn_buf_init(&c->cell);
}

bool wn_csv_at(struct wn_csv_reader *c, unsigned long long off, int line)
{
	c->line = line;
	return wn_reader_seek(c->r, off);
}

unsigned long long wn_csv_offset(const struct wn_csv_reader *c)
{
	return wn_reader_offset(c->r);
}

void wn_csv_close(struct wn_csv_reader *c)
{
	wn_buf_free(&c->cell);
}

void wn_csv_record_free(struct wn_csv_record *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->f[i]);
	free(r->f);
	free(r->len);
	*r = (struct wn_csv_record){ 0 };
}

/* The field in b becomes the record's next one; b is emptied. */
static int push_field(struct wn_csv_record *r, struct wn_buf *b)
{
	if (b->failed)
		return WN_ERR;
	if (r->n == r->cap) {
		size_t nc = r->cap ? r->cap * 2 : 16;
		char **f = realloc(r->f, nc * sizeof *f);
		if (f)
			r->f = f;
		size_t *l = f ? realloc(r->len, nc * sizeof *l) : NULL;
		if (!l)
			return WN_ERR;
		r->len = l;
		r->cap = nc;
	}
	r->len[r->n] = b->len;
	r->f[r->n] = malloc(b->len + 1);
	if (!r->f[r->n])
		return WN_ERR;
	memcpy(r->f[r->n], b->s ? b->s : "", b->len);
	r->f[r->n++][b->len] = '\0';
	wn_buf_reset(b);
	return WN_OK;
}

/* The next byte, or -1 at the end of the text. */
static int peek(struct wn_csv_reader *c)
{
	const struct wn_reader *r = c->r;
	return r->pos < r->len ? (unsigned char)r->s[r->pos] : wn_reader_peek(c->r);
}

/* One character (ch, taken) outside or inside quotes (*q); *end at the
 * record's end. */
static int take(struct wn_csv_reader *c, struct wn_csv_record *r, int ch, bool *q,
                bool *end)
{
	if (ch == '\n')
		c->line++;
	if (*q && ch == '"' && peek(c) == '"') {
		wn_buf_addc(&c->cell, '"');
		c->r->pos++;
	} else if (ch == '"' && (*q || c->cell.len == 0)) {
		*q = !*q;
	} else if (!*q && ch == c->sep) {
		return push_field(r, &c->cell);
	} else if (!*q && (ch == '\n' || ch == '\r')) {
		if (ch == '\r' && peek(c) == '\n') {
			c->r->pos++;
			c->line++;
		}
		*end = true;
	} else {
		wn_buf_addc(&c->cell, (char)ch);
	}
	return WN_OK;
}

static int read_failed(const struct wn_csv_reader *c, struct wn_err *err)
{
	return wn_err_set(err, WN_IOERR, "cannot read the file: %s", strerror(c->r->error));
}

int wn_csv_next(struct wn_csv_reader *c, struct wn_csv_record *r, bool *got,
                struct wn_err *err)
{
	wn_csv_record_free(r);
	wn_buf_reset(&c->cell);
	*got = peek(c) >= 0;
	if (c->r->error)
		return read_failed(c, err);
	if (!*got)
		return WN_OK;
	r->line = c->line;
	unsigned long long start = wn_csv_offset(c);
	bool q = false, end = false;
	int ch;
	while (!end && (ch = peek(c)) >= 0) {
		c->r->pos++;
		if (wn_csv_offset(c) - start > WN_CSV_RECORD_MAX)
			return wn_err_set(err, WN_DATAERR, "line %d: a record longer than %u bytes",
			                  r->line, WN_CSV_RECORD_MAX);
		if (take(c, r, ch, &q, &end) != WN_OK)
			return wn_err_set(err, WN_ERR, "out of memory");
	}
	if (c->r->error)
		return read_failed(c, err);
	if (q)
		return wn_err_set(err, WN_DATAERR, "line %d: a quoted field is never closed",
		                  r->line);
	return push_field(r, &c->cell) == WN_OK ? WN_OK :
	       wn_err_set(err, WN_ERR, "out of memory");
}

char wn_csv_sniff(struct wn_csv_reader *c)
{
	struct wn_reader *r = c->r;
	size_t n[3] = { 0 };
	static const char seps[] = { ',', ';', '\t' };
	bool quoted = false;
	wn_reader_need(r, 3);
	if (r->len - r->pos >= 3 && memcmp(r->s + r->pos, WN_CSV_BOM, 3) == 0)
		r->pos += 3;
	wn_reader_need(r, WN_READER_AHEAD);
	for (size_t i = r->pos; i < r->len && (quoted || (r->s[i] != '\n' && r->s[i] != '\r'));
	     i++) {
		quoted ^= r->s[i] == '"';
		for (int k = 0; k < 3 && !quoted; k++)
			n[k] += r->s[i] == seps[k];
	}
	c->sep = n[1] > n[0] && n[1] >= n[2] ? ';' : n[2] > n[0] && n[2] > n[1] ? '\t' : ',';
	return c->sep;
}

const char *wn_csv_sep_name(char sep)
{
	return sep == ';' ? "semicolons" : sep == '\t' ? "tabs" : "commas";
}

bool wn_csv_blank(const struct wn_csv_record *r)
{
	return r->n == 1 && r->len[0] == 0;
}

int wn_csv_find(const struct wn_csv_record *h, const char *name)
{
	for (size_t i = 0; i < h->n; i++)
		if (strcmp(h->f[i], name) == 0)
			return (int)i;
	return -1;
}

int wn_csv_columns(const struct wn_csv_record *h, const char *const *names,
                   size_t n, int *idx, struct wn_err *err)
{
	for (size_t i = 0; i < n; i++)
		if ((idx[i] = wn_csv_find(h, names[i])) < 0)
			return wn_err_set(err, WN_DATAERR, "line %d: the column \"%s\" is missing",
			                  h->line, names[i]);
	return WN_OK;
}

int wn_csv_number(const struct wn_csv_record *r, int col, const char *name,
                  const double lim[2], double *out, struct wn_err *err)
{
	*out = NAN;
	if (col < 0 || (size_t)col >= r->n || r->len[col] == 0)
		return WN_OK;
	char *end, comma[64];
	double x = strtod(r->f[col], &end);
	const char *c = strchr(r->f[col], ',');
	if (*end == ',' && r->len[col] < sizeof comma && !strchr(r->f[col], '.') &&
	    !strchr(c + 1, ',')) {
		/* a decimal comma, as a spreadsheet in German saves it */
		memcpy(comma, r->f[col], r->len[col] + 1);
		comma[c - r->f[col]] = '.';
		x = strtod(comma, &end);
	}
	if (*end || !isfinite(x) || x < lim[0] || x > lim[1]) {
		char shown[41];
		snprintf(shown, sizeof shown, "%s", r->f[col]);
		for (char *p = shown; *p; p++)
			if ((unsigned char)*p < 0x20 || *p == 0x7f)
				*p = '?';
		return wn_err_set(err, WN_DATAERR, "line %d: %s: \"%s\" is not a number from"
		                  " %g to %g", r->line, name, shown, lim[0], lim[1]);
	}
	*out = x;
	return WN_OK;
}
