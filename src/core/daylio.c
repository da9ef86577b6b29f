/* daylio.c -- Daylio's CSV export as days (daylio.h). */
#include "core/daylio.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <errno.h>

static const char *const cols[] = { "full_date", "date", "weekday", "time", "mood",
	"activities", "note_title", "note" };
enum { C_DATE = 0, C_MOOD = 4, C_ACTIVITIES = 5, C_TITLE = 6, C_NOTE = 7, C_N = 8 };

int wn_daylio_mood(const char *label)
{
	static const struct { const char *label; int v; } map[] = {
		{ "rad", 9 }, { "good", 7 }, { "meh", 5 }, { "bad", 3 }, { "awful", 1 },
	};
	for (size_t i = 0; i < sizeof map / sizeof *map; i++)
		if (strcasecmp(label, map[i].label) == 0)
			return map[i].v;
	return -1;
}

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

static int check_row(const struct wn_daylio *d, const struct wn_csv_record *r,
                     struct wn_err *err)
{
	wn_date day;
	if (r->n < d->need)
		return wn_err_set(err, WN_DATAERR, "line %d: %zu fields, expected %zu",
		                  r->line, r->n, d->need);
	const char *date = r->f[d->ix[C_DATE]];
	if (r->len[d->ix[C_DATE]] != 10 || wn_date_parse_iso(date, &day, NULL) != WN_OK)
		return wn_err_set(err, WN_DATAERR, "line %d: full_date: \"%.40s\" is not"
		                  " a real date YYYY-MM-DD", r->line, date);
	if (wn_daylio_mood(r->f[d->ix[C_MOOD]]) < 0) {
		wn_err_set(err, WN_DATAERR, "line %d: mood: unknown label \"%.40s\"",
		           r->line, r->f[d->ix[C_MOOD]]);
		wn_err_hint(err, "known labels: " WN_DAYLIO_MAP);
		return WN_DATAERR;
	}
	return WN_OK;
}

/* Notes r, which starts at off, as the next row. */
static int keep_row(struct wn_daylio *d, const struct wn_csv_record *r,
                    unsigned long long off, struct wn_err *err)
{
	if (d->n_rows == d->cap) {
		size_t nc = d->cap ? d->cap * 2 : 64;
		struct wn_daylio_row *p = realloc(d->rows, nc * sizeof *p);
		if (!p)
			return wn_err_set(err, WN_ERR, "out of memory");
		d->rows = p;
		d->cap = nc;
	}
	struct wn_daylio_row *row = &d->rows[d->n_rows];
	*row = (struct wn_daylio_row){ .off = off, .line = r->line, .at = d->n_rows };
	memcpy(row->date, r->f[d->ix[C_DATE]], WN_DATE_STRLEN - 1);   /* checked: 10 bytes */
	row->date[WN_DATE_STRLEN - 1] = '\0';
	d->n_rows++;
	return WN_OK;
}

/* Newest date first, then the file's order. */
static int by_date(const void *a, const void *b)
{
	const struct wn_daylio_row *x = a, *y = b;
	int c = strcmp(y->date, x->date);
	return c ? c : (x->at > y->at) - (x->at < y->at);
}

/* Every row that is not blank, checked, into d->rows; then sorted. */
static int read_rows(struct wn_daylio *d, struct wn_err *err)
{
	struct wn_csv_record r = { 0 };
	bool got;
	int rc;
	unsigned long long off = wn_csv_offset(&d->csv);
	while ((rc = wn_csv_next(&d->csv, &r, &got, err)) == WN_OK && got) {
		if (!wn_csv_blank(&r) &&
		    ((rc = check_row(d, &r, err)) != WN_OK || (rc = keep_row(d, &r, off, err)) != WN_OK))
			break;
		off = wn_csv_offset(&d->csv);
	}
	wn_csv_record_free(&r);
	if (rc == WN_OK && d->n_rows > 1)
		qsort(d->rows, d->n_rows, sizeof *d->rows, by_date);
	return rc;
}

/* The header and the rows, from the reader's start. */
static int open_rows(struct wn_daylio *d, struct wn_err *err)
{
	struct wn_csv_record h = { 0 };
	bool got;
	wn_buf_init(&d->note);
	wn_buf_init(&d->entry);
	skip_preamble(&d->csv);
	int rc = wn_csv_next(&d->csv, &h, &got, err);
	if (rc == WN_OK && !got)
		rc = wn_err_set(err, WN_DATAERR, "line 1: the file is empty");
	if (rc == WN_OK)
		rc = wn_csv_columns(&h, cols, C_N, d->ix, err);
	for (int k = 0; rc == WN_OK && k < C_N; k++)
		if ((size_t)d->ix[k] >= d->need)
			d->need = (size_t)d->ix[k] + 1;   /* the header may have more */
	wn_csv_record_free(&h);
	return rc == WN_OK ? read_rows(d, err) : rc;
}

int wn_daylio_open(struct wn_daylio *d, const char *text, size_t len,
                   struct wn_err *err)
{
	*d = (struct wn_daylio){ .n_rows = 0 };
	wn_csv_open(&d->csv, text, len);
	return open_rows(d, err);
}

int wn_daylio_open_reader(struct wn_daylio *d, struct wn_reader *r, struct wn_err *err)
{
	*d = (struct wn_daylio){ .n_rows = 0 };
	wn_csv_open_reader(&d->csv, r);
	if (!wn_reader_seek(r, 0))
		return wn_err_set(err, WN_IOERR, "cannot read the file: %s", strerror(r->error));
	return open_rows(d, err);
}

void wn_daylio_close(struct wn_daylio *d)
{
	free(d->rows);
	wn_csv_record_free(&d->rec);
	wn_csv_close(&d->csv);
	wn_buf_free(&d->note);
	wn_buf_free(&d->entry);
}

/* One entry's lines, put before the day's note so far (the rows are
 * newest first). */
static void add_entry(struct wn_daylio *d, const struct wn_csv_record *r)
{
	struct wn_buf *b = &d->entry;
	wn_buf_reset(b);
	for (int k = C_TITLE; k <= C_NOTE; k++)
		if (r->len[d->ix[k]]) {
			wn_buf_add(b, r->f[d->ix[k]], r->len[d->ix[k]]);
			wn_buf_addc(b, '\n');
		}
	if (r->len[d->ix[C_ACTIVITIES]]) {
		wn_buf_adds(b, "activities: ");
		for (const char *a = r->f[d->ix[C_ACTIVITIES]]; *a; a++)
			if (strncmp(a, " | ", 3) == 0) {
				wn_buf_adds(b, ", ");
				a += 2;
			} else {
				wn_buf_addc(b, *a);
			}
		wn_buf_addc(b, '\n');
	}
	wn_buf_add(b, d->note.s, d->note.len);
	struct wn_buf t = d->note;
	d->note = *b;
	*b = t;
}

/* The day's mood and note, once its rows are read. */
static int finish_day(struct wn_daylio *d, struct wn_daylio_day *day, int sum,
                      struct wn_err *err)
{
	day->mood = (sum + day->entries / 2) / day->entries;
	if (d->note.failed || d->entry.failed)
		return wn_err_set(err, WN_ERR, "out of memory");
	size_t len = d->note.len;
	while (len && d->note.s[len - 1] == '\n')
		len--;
	if (len && wn_text_check_note(d->note.s, len, 0, NULL) != WN_OK)
		return wn_err_set(err, WN_DATAERR, "line %d: note: too long or holds a"
		                  " control character", day->line);
	day->note = d->note.s;
	day->note_len = len;
	return WN_OK;
}

/* Row i's record, read again into d->rec. */
static int reread(struct wn_daylio *d, size_t i, struct wn_err *err)
{
	bool got = false;
	int rc = WN_OK;
	if (!wn_csv_at(&d->csv, d->rows[i].off, d->rows[i].line))
		return wn_err_set(err, WN_IOERR, "cannot read the file again: %s",
		                  strerror(d->csv.r->error ? d->csv.r->error : EIO));
	rc = wn_csv_next(&d->csv, &d->rec, &got, err);
	if (rc == WN_OK && (!got || d->rec.n < d->need))
		rc = wn_err_set(err, WN_IOERR, "line %d: the file changed while it was read",
		                d->rows[i].line);
	return rc;
}

int wn_daylio_next(struct wn_daylio *d, struct wn_daylio_day *day, bool *got,
                   struct wn_err *err)
{
	*got = false;
	wn_buf_reset(&d->note);
	if (d->next >= d->n_rows)
		return WN_OK;
	*day = (struct wn_daylio_day){ .line = d->rows[d->next].line };
	snprintf(day->date, sizeof day->date, "%s", d->rows[d->next].date);
	int sum = 0, rc = WN_OK;
	for (; rc == WN_OK && d->next < d->n_rows &&
	       strcmp(d->rows[d->next].date, day->date) == 0; d->next++) {
		if ((rc = reread(d, d->next, err)) != WN_OK)
			break;
		int mood = wn_daylio_mood(d->rec.f[d->ix[C_MOOD]]);
		if (mood < 0) {
			rc = wn_err_set(err, WN_IOERR, "line %d: the file changed while it was"
			                " read", d->rows[d->next].line);
			break;
		}
		sum += mood;
		day->entries++;
		add_entry(d, &d->rec);
	}
	if (rc == WN_OK)
		rc = finish_day(d, day, sum, err);
	*got = rc == WN_OK;
	return rc;
}
