/* daylio.c -- Daylio's CSV export as days (daylio.h). */
#include "core/daylio.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

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
	if (c->len >= 3 && memcmp(c->s, "\xEF\xBB\xBF", 3) == 0)
		c->pos = 3;
	while (c->pos < c->len && c->s[c->pos] == '#') {
		const char *nl = memchr(c->s + c->pos, '\n', c->len - c->pos);
		c->pos = nl ? (size_t)(nl - c->s) + 1 : c->len;
		c->line++;
	}
}

int wn_daylio_open(struct wn_daylio *d, const char *text, size_t len,
                   struct wn_err *err)
{
	struct wn_csv_record h = { 0 };
	bool got;
	*d = (struct wn_daylio){ .ahead = false };
	wn_csv_open(&d->csv, text, len);
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
	return rc;
}

void wn_daylio_close(struct wn_daylio *d)
{
	wn_csv_record_free(&d->row);
	wn_csv_close(&d->csv);
	wn_buf_free(&d->note);
	wn_buf_free(&d->entry);
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

/* The next row that is not blank, checked, into d->row; *got false at
 * the end. */
static int read_row(struct wn_daylio *d, bool *got, struct wn_err *err)
{
	int rc;
	while ((rc = wn_csv_next(&d->csv, &d->row, got, err)) == WN_OK && *got &&
	       wn_csv_blank(&d->row))
		;
	return rc == WN_OK && *got ? check_row(d, &d->row, err) : rc;
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

int wn_daylio_next(struct wn_daylio *d, struct wn_daylio_day *day, bool *got,
                   struct wn_err *err)
{
	*got = false;
	wn_buf_reset(&d->note);
	bool have = d->ahead;
	int rc = have ? WN_OK : read_row(d, &have, err);
	if (rc != WN_OK || !have)
		return rc;
	*day = (struct wn_daylio_day){ .line = d->row.line };
	snprintf(day->date, sizeof day->date, "%s", d->row.f[d->ix[C_DATE]]);
	int sum = 0;
	do {
		sum += wn_daylio_mood(d->row.f[d->ix[C_MOOD]]);
		day->entries++;
		add_entry(d, &d->row);
		rc = read_row(d, &have, err);
	} while (rc == WN_OK && have && strcmp(d->row.f[d->ix[C_DATE]], day->date) == 0);
	d->ahead = rc == WN_OK && have;
	if (rc == WN_OK)
		rc = finish_day(d, day, sum, err);
	*got = rc == WN_OK;
	return rc;
}
