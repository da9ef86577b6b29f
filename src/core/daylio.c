/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daylio.c -- Daylio's CSV export as days (daylio.h): the mood map, the
 * header, each row checked, a day's mood and its entries' quick notes,
 * its records read again through the window reader when the day comes. */
#include "core/daylio.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const cols[] = { "full_date", "date", "weekday", "time", "mood",
	"activities", "note_title", "note", "year" };
enum { C_FULL, C_DATE, C_WEEKDAY, C_TIME, C_MOOD, C_ACT, C_TITLE, C_NOTE, C_YEAR, C_N };

#define MAX_UNKNOWN 6                 /* unknown labels named in the error */

/* s[0..*len) without the spaces and tabs around it. */
static const char *trim(const char *s, size_t *len)
{
	while (*len && (*s == ' ' || *s == '\t')) {
		s++;
		(*len)--;
	}
	while (*len && (s[*len - 1] == ' ' || s[*len - 1] == '\t'))
		(*len)--;
	return s;
}

/* ---- the mood map -------------------------------------------------------------- */

void wn_daylio_map_init(struct wn_daylio_map *m)
{
	static const struct { const char *label; int mood; } stock[] = {
		{ "rad", 9 }, { "good", 7 }, { "meh", 5 }, { "bad", 3 }, { "awful", 1 },
	};
	memset(m, 0, sizeof *m);
	for (size_t i = 0; i < sizeof stock / sizeof *stock; i++) {
		snprintf(m->m[i].label, sizeof m->m[i].label, "%s", stock[i].label);
		m->m[m->n++].mood = stock[i].mood;
	}
}

/* The entry of label (trimmed, NUL-terminated), or m->n. */
static size_t map_index(const struct wn_daylio_map *m, const char *label)
{
	for (size_t i = 0; i < m->n; i++)
		if (wn_text_same_name(label, m->m[i].label))
			return i;
	return m->n;
}

int wn_daylio_map_find(const struct wn_daylio_map *m, const char *label, size_t len)
{
	char buf[WN_DAYLIO_LABEL_MAX];
	const char *s = trim(label, &len);
	if (len >= sizeof buf)
		return -1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	size_t i = map_index(m, buf);
	return i < m->n ? m->m[i].mood : -1;
}

int wn_daylio_mood(const char *label)
{
	struct wn_daylio_map m;
	wn_daylio_map_init(&m);
	return wn_daylio_map_find(&m, label, strlen(label));
}

/* One "LABEL=N" (part[0..len), trimmed) into m. */
static int map_part(struct wn_daylio_map *m, const char *part, size_t len, struct wn_err *err)
{
	const char *eq = memchr(part, '=', len);
	size_t ll = eq ? (size_t)(eq - part) : len, nl = eq ? len - ll - 1 : 0;
	const char *label = trim(part, &ll), *num = eq ? trim(eq + 1, &nl) : "";
	if (!eq || !nl || nl > 2 || strspn(num, "0123456789") < nl || atoi(num) > WN_DAYLIO_MOOD_MAX)
		return wn_err_set(err, WN_USAGE, "--mood-map: \"%.*s\" needs =N, a whole number from"
		                  " 0 to %d", (int)(len > 60 ? 60 : len), part, WN_DAYLIO_MOOD_MAX);
	if (!ll || ll >= WN_DAYLIO_LABEL_MAX || memchr(label, '=', ll) ||
	    !wn_text_valid_utf8(label, ll))
		return wn_err_set(err, WN_USAGE, "--mood-map: \"%.*s\": a label is 1 to %d bytes of"
		                  " text without '=' or ','", (int)(len > 60 ? 60 : len), part,
		                  WN_DAYLIO_LABEL_MAX - 1);
	char buf[WN_DAYLIO_LABEL_MAX];
	memcpy(buf, label, ll);
	buf[ll] = '\0';
	size_t i = map_index(m, buf);
	if (i == WN_DAYLIO_MAP_MAX)
		return wn_err_set(err, WN_USAGE, "--mood-map: more than %d labels", WN_DAYLIO_MAP_MAX);
	if (i == m->n)
		snprintf(m->m[m->n++].label, WN_DAYLIO_LABEL_MAX, "%s", buf);
	m->m[i].mood = atoi(num);
	return WN_OK;
}

int wn_daylio_map_parse(struct wn_daylio_map *m, const char *spec, struct wn_err *err)
{
	struct wn_daylio_map t = *m;
	for (const char *p = spec ? spec : ""; *p;) {
		size_t len = strcspn(p, ",");
		size_t tl = len;
		const char *part = trim(p, &tl);
		int rc = tl ? map_part(&t, part, tl, err) : WN_OK;
		if (rc != WN_OK)
			return rc;
		p += len + (p[len] == ',');
	}
	*m = t;
	return WN_OK;
}

void wn_daylio_map_text(const struct wn_daylio_map *m, char *out, size_t n)
{
	size_t at = 0;
	out[0] = '\0';
	for (size_t i = 0; i < m->n && at < n; i++) {
		int k = snprintf(out + at, n - at, "%s%s=%d", i ? "," : "", m->m[i].label,
		                 m->m[i].mood);
		at += k > 0 ? (size_t)k : 0;
	}
}

/* ---- the header ------------------------------------------------------------------ */

/* A byte-order mark and comment lines before the header. */
static void skip_preamble(struct wn_csv_reader *c)
{
	struct wn_reader *r = c->r;
	wn_reader_need(r, 3);
	if (r->len - r->pos >= 3 && memcmp(r->s + r->pos, "\xEF\xBB\xBF", 3) == 0)
		r->pos += 3;
	while (wn_reader_peek(r) == '#') {
		int ch;
		while ((ch = wn_reader_peek(r)) >= 0 && ch != '\n')
			r->pos++;
		if (ch == '\n')
			r->pos++;
		c->line++;
	}
}

/* Tabs between the fields when the header line has more of them than
 * commas (the header as far as the window holds it). */
static char separator(struct wn_csv_reader *c)
{
	struct wn_reader *r = c->r;
	size_t tabs = 0, commas = 0;
	wn_reader_need(r, WN_READER_AHEAD);
	for (size_t i = r->pos; i < r->len && r->s[i] != '\n'; i++) {
		tabs += r->s[i] == '\t';
		commas += r->s[i] == ',';
	}
	return tabs > commas ? '\t' : ',';
}

/* The columns' places in header h (any case, spaces around ignored),
 * and the fields a row needs. */
static int find_columns(struct wn_daylio *d, const struct wn_csv_record *h, struct wn_err *err)
{
	for (int k = 0; k < C_N; k++)
		d->ix[k] = -1;
	for (size_t i = 0; i < h->n; i++) {
		size_t len = h->len[i];
		const char *s = trim(h->f[i], &len);
		for (int k = 0; k < C_N; k++)
			if (d->ix[k] < 0 && len == strlen(cols[k]) && strncasecmp(s, cols[k], len) == 0)
				d->ix[k] = (int)i;
	}
	if (d->ix[C_FULL] < 0 && (d->ix[C_YEAR] < 0 || d->ix[C_DATE] < 0))
		return wn_err_set(err, WN_DATAERR, "line %d: the column \"full_date\" is missing",
		                  h->line);
	if (d->ix[C_MOOD] < 0)
		return wn_err_set(err, WN_DATAERR, "line %d: the column \"mood\" is missing", h->line);
	for (int k = 0; k < C_N; k++)
		if (d->ix[k] >= 0 && (size_t)d->ix[k] >= d->need)
			d->need = (size_t)d->ix[k] + 1;   /* the header may have more */
	return WN_OK;
}

/* ---- a row --------------------------------------------------------------------------- */

/* Field k of r, trimmed (k absent: ""). */
static const char *field(const struct wn_daylio *d, const struct wn_csv_record *r, int k,
                         size_t *len)
{
	*len = d->ix[k] >= 0 ? r->len[d->ix[k]] : 0;
	return d->ix[k] >= 0 ? trim(r->f[d->ix[k]], len) : "";
}

/* The month of an English month name or its first three letters, or 0. */
static int month_of(const char *s, size_t len)
{
	static const char *const names[] = { "january", "february", "march", "april", "may",
		"june", "july", "august", "september", "october", "november", "december" };
	for (int i = 0; i < 12; i++)
		if ((len == 3 || len == strlen(names[i])) && strncasecmp(s, names[i], len) == 0)
			return i + 1;
	return 0;
}

/* The older export's "year" and "date" ("18 May", "May 18") as
 * YYYY-MM-DD into out; false when they are no real day. */
static bool old_date(const char *year, size_t yl, const char *date, char out[WN_DATE_STRLEN])
{
	char word[16] = "";
	int day = 0, n = 0;
	wn_date ignored;
	if (yl != 4 || strspn(year, "0123456789") < 4 ||
	    (sscanf(date, "%2d %15[A-Za-z]%n", &day, word, &n) != 2 &&
	     sscanf(date, "%15[A-Za-z] %2d%n", word, &day, &n) != 2))
		return false;
	int month = month_of(word, strlen(word));
	if (month < 1 || month > 12 || day < 1 || day > 31 ||
	    date[n + strspn(date + n, " ")] != '\0')
		return false;
	snprintf(out, WN_DATE_STRLEN, "%.4s-%02d-%02d", year, month, day);
	return wn_date_parse_iso(out, &ignored, NULL) == WN_OK;
}

static int row_date(const struct wn_daylio *d, const struct wn_csv_record *r,
                    struct wn_daylio_row *row, struct wn_err *err)
{
	size_t len, yl;
	wn_date day;
	const char *s = field(d, r, d->ix[C_FULL] >= 0 ? C_FULL : C_DATE, &len);
	if (d->ix[C_FULL] >= 0) {
		if (len == 10 && wn_date_parse_iso(s, &day, NULL) == WN_OK && s[10] == '\0') {
			memcpy(row->date, s, 10);
			row->date[10] = '\0';
			return WN_OK;
		}
		return wn_err_set(err, WN_DATAERR, "line %d: full_date: \"%.40s\" is not a real date"
		                  " YYYY-MM-DD", r->line, r->f[d->ix[C_FULL]]);
	}
	const char *year = field(d, r, C_YEAR, &yl);
	if (old_date(year, yl, s, row->date))
		return WN_OK;
	return wn_err_set(err, WN_DATAERR, "line %d: date: \"%.40s\" of %.8s is not a day wean"
	                  " can read (a day and an English month, as \"18 May\")", r->line, s, year);
}

/* "21:40", "9:40 pm", "12:05 a.m." or "" (-1) into *minute. */
static bool row_time(const char *s, size_t len, int *minute)
{
	int h, m, n = 0;
	*minute = -1;
	if (!len)
		return true;
	if (sscanf(s, "%2d:%2d%n", &h, &m, &n) != 2 || !(s[n - 2] >= '0' && s[n - 2] <= '9') ||
	    h < 0 || m < 0 || m > 59)
		return false;
	size_t rest = len - (size_t)n;
	const char *ap = trim(s + n, &rest);
	bool pm = rest && (ap[0] == 'p' || ap[0] == 'P');
	if (!rest) {
		*minute = h * 60 + m;
		return h <= 23;
	}
	if (!((rest == 2 && strncasecmp(ap + 1, "m", 1) == 0) ||
	      (rest == 4 && strncasecmp(ap + 1, ".m.", 3) == 0)) ||
	    !(pm || ap[0] == 'a' || ap[0] == 'A') || h < 1 || h > 12)
		return false;
	*minute = (h % 12 + (pm ? 12 : 0)) * 60 + m;
	return true;
}

/* Labels the map lacks: the first MAX_UNKNOWN, each with its first line. */
struct unknowns {
	struct { char label[48]; int line; } u[MAX_UNKNOWN];
	size_t n, more;
};

static void note_unknown(struct unknowns *u, const char *label, size_t len, int line)
{
	char buf[48];
	len = wn_text_prefix(label, len, sizeof buf - 1);
	memcpy(buf, label, len);
	buf[len] = '\0';
	for (size_t i = 0; i < u->n; i++)
		if (wn_text_same_name(u->u[i].label, buf))
			return;
	if (u->n == MAX_UNKNOWN) {
		u->more++;   /* (a label seen twice beyond the first six counts twice) */
		return;
	}
	memcpy(u->u[u->n].label, buf, len + 1);
	u->u[u->n++].line = line;
}

/* One error naming them all, and a hint with the map that takes them. */
static int unknown_error(const struct unknowns *u, struct wn_err *err)
{
	struct wn_buf m, h;
	wn_buf_init(&m);
	wn_buf_init(&h);
	wn_buf_addf(&m, "unknown Daylio mood%s ", u->n + u->more > 1 ? "s" : "");
	for (size_t i = 0; i < u->n; i++)
		wn_buf_addf(&m, "%s\"%s\"", i ? ", " : "", u->u[i].label);
	if (u->more)
		wn_buf_addf(&m, " and more");
	wn_buf_addf(&m, " (line%s", u->n > 1 ? "s" : "");
	for (size_t i = 0; i < u->n; i++)
		wn_buf_addf(&m, "%s %d", i ? "," : "", u->u[i].line);
	wn_buf_adds(&m, ")");
	wn_buf_adds(&h, "map them with --mood-map \"");
	for (size_t i = 0; i < u->n; i++)
		wn_buf_addf(&h, "%s%s=N", i ? "," : "", u->u[i].label);
	wn_buf_addf(&h, "\", N from 0 (worst) to %d (best)", WN_DAYLIO_MOOD_MAX);
	int rc = m.failed || h.failed ? wn_err_set(err, WN_ERR, "out of memory") :
	         wn_err_set(err, WN_DATAERR, "%s", m.s);
	if (rc == WN_DATAERR)
		wn_err_hint(err, "%s", h.s);
	wn_buf_free(&m);
	wn_buf_free(&h);
	return rc;
}

static int check_row(const struct wn_daylio *d, const struct wn_csv_record *r,
                     struct wn_daylio_row *row, struct unknowns *u, struct wn_err *err)
{
	size_t len;
	if (r->n < d->need)
		return wn_err_set(err, WN_DATAERR, "line %d: %zu fields, expected %zu",
		                  r->line, r->n, d->need);
	int rc = row_date(d, r, row, err);
	if (rc != WN_OK)
		return rc;
	const char *t = field(d, r, C_TIME, &len);
	if (!row_time(t, len, &row->minute))
		return wn_err_set(err, WN_DATAERR, "line %d: time: \"%.40s\" is not a time of day"
		                  " (as 21:40 or 9:40 pm)", r->line, r->f[d->ix[C_TIME]]);
	const char *label = field(d, r, C_MOOD, &len);
	if ((row->mood = wn_daylio_map_find(d->map, label, len)) < 0)
		note_unknown(u, label, len, r->line);
	row->line = r->line;
	return WN_OK;
}

/* Notes row (its record starting at off) as the next row. */
static int keep_row(struct wn_daylio *d, struct wn_daylio_row *row, unsigned long long off,
                    struct wn_err *err)
{
	if (d->n_rows == d->cap) {
		size_t nc = d->cap ? d->cap * 2 : 64;
		struct wn_daylio_row *p = realloc(d->rows, nc * sizeof *p);
		if (!p)
			return wn_err_set(err, WN_ERR, "out of memory");
		d->rows = p;
		d->cap = nc;
	}
	row->off = off;
	row->at = d->n_rows;
	d->rows[d->n_rows++] = *row;
	return WN_OK;
}

/* Newest date first; in a day by time (no time first), then oldest first
 * (Daylio writes the newest entry first). */
static int by_date(const void *a, const void *b)
{
	const struct wn_daylio_row *x = a, *y = b;
	int c = strcmp(y->date, x->date);
	if (c)
		return c;
	if (x->minute != y->minute)
		return x->minute < y->minute ? -1 : 1;
	return (x->at < y->at) - (x->at > y->at);
}

/* Every row that is not blank, checked, into d->rows; then sorted. */
static int read_rows(struct wn_daylio *d, struct wn_err *err)
{
	struct wn_csv_record r = { 0 };
	struct unknowns u = { .n = 0 };
	bool got;
	int rc;
	unsigned long long off = wn_csv_offset(&d->csv);
	while ((rc = wn_csv_next(&d->csv, &r, &got, err)) == WN_OK && got) {
		struct wn_daylio_row row;
		if (!wn_csv_blank(&r) &&
		    ((rc = check_row(d, &r, &row, &u, err)) != WN_OK ||
		     (rc = keep_row(d, &row, off, err)) != WN_OK))
			break;
		off = wn_csv_offset(&d->csv);
	}
	wn_csv_record_free(&r);
	if (rc == WN_OK && u.n)
		rc = unknown_error(&u, err);
	if (rc == WN_OK && d->n_rows > 1)
		qsort(d->rows, d->n_rows, sizeof *d->rows, by_date);
	return rc;
}

/* The map (the stock one when map is NULL), the header and the rows,
 * from the csv reader's start. */
static int open_rows(struct wn_daylio *d, const struct wn_daylio_map *map, struct wn_err *err)
{
	struct wn_csv_record h = { 0 };
	bool got;
	d->map = map;
	wn_buf_init(&d->text);
	if (!map) {
		struct wn_daylio_map *own = malloc(sizeof *own);
		if (!own)
			return wn_err_set(err, WN_ERR, "out of memory");
		wn_daylio_map_init(own);
		d->map = own;
		d->own_map = true;
	}
	skip_preamble(&d->csv);
	d->csv.sep = separator(&d->csv);
	int rc = wn_csv_next(&d->csv, &h, &got, err);
	if (rc == WN_OK && !got)
		rc = wn_err_set(err, WN_DATAERR, "line 1: the file is empty");
	if (rc == WN_OK)
		rc = find_columns(d, &h, err);
	wn_csv_record_free(&h);
	return rc == WN_OK ? read_rows(d, err) : rc;
}

int wn_daylio_open(struct wn_daylio *d, const char *text, size_t len,
                   const struct wn_daylio_map *map, struct wn_err *err)
{
	*d = (struct wn_daylio){ .n_rows = 0 };
	wn_csv_open(&d->csv, text, len);
	return open_rows(d, map, err);
}

int wn_daylio_open_reader(struct wn_daylio *d, struct wn_reader *r,
                          const struct wn_daylio_map *map, struct wn_err *err)
{
	*d = (struct wn_daylio){ .n_rows = 0 };
	wn_csv_open_reader(&d->csv, r);
	wn_buf_init(&d->text);
	if (!wn_reader_seek(r, 0))
		return wn_err_set(err, WN_IOERR, "cannot read the file: %s", strerror(r->error));
	return open_rows(d, map, err);
}

void wn_daylio_close(struct wn_daylio *d)
{
	free(d->rows);
	wn_csv_record_free(&d->rec);
	wn_csv_close(&d->csv);
	wn_buf_free(&d->text);
	free(d->notes);
	if (d->own_map)
		free((struct wn_daylio_map *)d->map);
	d->rows = NULL;
	d->notes = NULL;
	d->n_rows = 0;
	d->own_map = false;
}

/* ---- a day ------------------------------------------------------------------------------ */

/* "activities: a, b" from Daylio's "a | b ". */
static void activities(struct wn_buf *b, const char *s, size_t len)
{
	bool first = true;
	wn_buf_adds(b, "activities: ");
	while (len) {
		const char *bar = memchr(s, '|', len);
		size_t n = bar ? (size_t)(bar - s) : len, tl = n;
		const char *item = trim(s, &tl);
		if (tl) {
			wn_buf_addf(b, "%s%.*s", first ? "" : ", ", (int)tl, item);
			first = false;
		}
		s += n + (bar != NULL);
		len -= n + (bar != NULL);
	}
	wn_buf_addc(b, '\n');
}

/* One entry's lines (its record r) appended to d->text: title, note,
 * activities and, with several entries that day, its mood. */
static void entry_text(struct wn_daylio *d, const struct wn_csv_record *r, bool several)
{
	struct wn_buf *b = &d->text;
	size_t len;
	for (int k = C_TITLE; k <= C_NOTE; k++) {
		const char *s = field(d, r, k, &len);
		while (len && (s[len - 1] == '\n' || s[len - 1] == ' '))
			len--;
		if (len) {
			wn_buf_add(b, s, len);
			wn_buf_addc(b, '\n');
		}
	}
	const char *act = field(d, r, C_ACT, &len);
	if (len && len > strspn(act, " |"))
		activities(b, act, len);
	const char *label = field(d, r, C_MOOD, &len);
	if (several)
		wn_buf_addf(b, "mood: %.*s\n", (int)len, label);
}

/* Row i's record, read again into d->rec (CRLF in a quoted note made
 * LF, as the first pass saw it). */
static int reread(struct wn_daylio *d, size_t i, struct wn_err *err)
{
	bool got = false;
	if (!wn_csv_at(&d->csv, d->rows[i].off, d->rows[i].line))
		return wn_err_set(err, WN_IOERR, "cannot read the file again: %s",
		                  strerror(d->csv.r->error ? d->csv.r->error : EIO));
	int rc = wn_csv_next(&d->csv, &d->rec, &got, err);
	if (rc == WN_OK && (!got || d->rec.n < d->need))
		return wn_err_set(err, WN_IOERR, "line %d: the file changed while it was read",
		                  d->rows[i].line);
	for (int k = C_TITLE; rc == WN_OK && k <= C_NOTE; k++)   /* CRLF in a quoted note */
		if (d->ix[k] >= 0)
			d->rec.len[d->ix[k]] = wn_text_normalize_newlines(d->rec.f[d->ix[k]],
			                                                  d->rec.len[d->ix[k]]);
	return rc;
}

/* The notes of rows [from, to): one per entry with text, checked. */
static int day_notes(struct wn_daylio *d, size_t from, size_t to, struct wn_daylio_day *day,
                     struct wn_err *err)
{
	if (to - from > d->cap_notes) {
		struct wn_daylio_entry *p = realloc(d->notes, (to - from) * sizeof *p);
		if (!p)
			return wn_err_set(err, WN_ERR, "out of memory");
		d->notes = p;
		d->cap_notes = to - from;
	}
	for (size_t i = from; i < to; i++) {      /* len: all of its bytes, for now */
		size_t start = d->text.len;
		int rc = reread(d, i, err);
		if (rc != WN_OK)
			return rc;
		entry_text(d, &d->rec, to - from > 1);
		if (d->text.len > start)
			d->notes[day->n_notes++] = (struct wn_daylio_entry){
				.minute = d->rows[i].minute, .line = d->rows[i].line,
				.len = d->text.len - start };
	}
	if (d->text.failed)
		return wn_err_set(err, WN_ERR, "out of memory");
	for (size_t i = 0, at = 0; i < day->n_notes; i++) {
		struct wn_daylio_entry *e = &d->notes[i];
		e->text = d->text.s + at;
		at += e->len;
		while (e->len && e->text[e->len - 1] == '\n')
			e->len--;
		if (wn_text_check_note(e->text, e->len, 0, NULL) != WN_OK)
			return wn_err_set(err, WN_DATAERR, "line %d: note: too long or holds a"
			                  " control character", e->line);
	}
	day->notes = d->notes;
	return WN_OK;
}

int wn_daylio_next(struct wn_daylio *d, struct wn_daylio_day *day, bool *got,
                   struct wn_err *err)
{
	*got = false;
	wn_buf_reset(&d->text);
	if (d->next >= d->n_rows)
		return WN_OK;
	size_t from = d->next, to = from;
	*day = (struct wn_daylio_day){ .line = d->rows[from].line };
	snprintf(day->date, sizeof day->date, "%s", d->rows[from].date);
	int sum = 0;
	for (; to < d->n_rows && strcmp(d->rows[to].date, day->date) == 0; to++) {
		sum += d->rows[to].mood;
		day->entries++;
		if (d->rows[to].line < day->line)
			day->line = d->rows[to].line;
	}
	d->next = to;
	day->mood = (sum + day->entries / 2) / day->entries;
	int rc = day_notes(d, from, to, day, err);
	*got = rc == WN_OK;
	return rc;
}
