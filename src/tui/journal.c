/* SPDX-License-Identifier: GPL-3.0-or-later */
/* journal.c -- the Journal screen: the days of the diary, newest
 * first, one line each (date, mood, anxiety, sleep, burden, the dose with
 * its mark, "!" flagged, "Q" a question, the note's first line; days
 * without a record as "? no record ..."), the selected day in full below, and a
 * search of the notes and questions (/, then n and N).  Enter opens the
 * day in Today.  Read-only.
 *
 * Only a window of days around the selection is in memory (journal.h
 * reads them a page at a time), so the screen costs the same on ten years
 * of diary as on ten days. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/journal.h"
#include "db/plan.h"
#include "db/db.h"
#include "core/text.h"
#include "tui.h"
#include "core/plan.h"
#include "core/records.h"
#include "core/vocab.h"
#include "db/day.h"
#include "db/med.h"

#define HALF 120                 /* days read on each side of the selection */
#define MARGIN 64                /* read again this near an edge of the window */
#define WINDOW (2 * HALF + 1)
#define MAX_ROWS (2 * WINDOW + 1)
#define NARROW 70                /* fewer columns below this width */

/* A line of the list: a day, or days without any record. */
struct row {
	int day;                     /* index in journal.day, -1 for a gap */
	wn_date from, to;            /* the gap's days */
};

/* The Journal screen's state: a window of days, the selection, the
 * search. */
struct journal {
	bool started, loaded;
	struct wn_journal_day *day;  /* WINDOW entries; day[0 .. n) newest first */
	struct wn_journal_day *tmp;  /* HALF entries, for the newer page */
	size_t n;
	bool newest_end, oldest_end; /* the window reaches the diary's ends */
	struct row *row;             /* the lines: days and the gaps between */
	int *row_of;                 /* line of each day */
	int n_rows;
	int sel, top;                /* a day; a line */
	unsigned gen;
	struct wn_med med;           /* whose dose is shown; id 0 = none */
	bool has_plan;               /* med's active plan, built: what each */
	struct wn_plan_built plan;   /* day's dose is called (core/vocab.h) */
	struct wn_day detail;        /* the selected day in full */
	wn_date detail_date;
	char needle[WN_JOURNAL_NEEDLE_MAX + 1];
	struct wn_journal_hits hits;  /* the days that match it */
	struct wn_journal_count count;
	bool prompt;
	struct wn_edit line;
};

/* ---- the window of days ------------------------------------------------- */

static void drop_window(struct journal *j)
{
	if (j->day)
		wn_journal_free(j->day, j->n);
	j->n = 0;
	j->n_rows = 0;
	j->sel = j->top = 0;
}

/* The line of the selected day. */
static int sel_row(const struct journal *j)
{
	return j->n ? j->row_of[j->sel] : 0;
}

static void add_gap(struct journal *j, wn_date from, wn_date to)
{
	j->row[j->n_rows++] = (struct row){ .day = -1, .from = from, .to = to };
}

/* The lines of the window: each day, and a line for the days without a
 * record between two days (and up to today, at the newest end). */
static void build_rows(struct journal *j, wn_date today)
{
	j->n_rows = 0;
	if (j->n && j->newest_end && j->day[0].date < today)
		add_gap(j, j->day[0].date + 1, today);
	for (size_t i = 0; i < j->n; i++) {
		j->row_of[i] = j->n_rows;
		j->row[j->n_rows++] = (struct row){ .day = (int)i };
		if (i + 1 < j->n && j->day[i].date - j->day[i + 1].date > 1)
			add_gap(j, j->day[i + 1].date + 1, j->day[i].date - 1);
	}
}

/* The days around d: up to HALF newer, d itself (or the nearest older
 * day) and up to HALF older; the selection is on d's line. */
static int load_around(struct wn_ui *ui, struct journal *j, wn_date d,
                       struct wn_err *err)
{
	struct wn_journal_req newer = { .from = d, .dir = WN_JOURNAL_NEWER,
	                                .max = HALF, .med_id = j->med.id };
	struct wn_journal_req older = { .from = d, .dir = WN_JOURNAL_OLDER,
	                                .inclusive = true, .max = HALF + 1,
	                                .med_id = j->med.id };
	size_t nn = 0, no = 0;
	drop_window(j);
	int rc = wn_journal_page(ui->db, &newer, j->tmp, &nn, err);
	for (size_t i = 0; rc == WN_OK && i < nn; i++)
		j->day[i] = j->tmp[nn - 1 - i];
	if (rc == WN_OK)
		rc = wn_journal_page(ui->db, &older, j->day + nn, &no, err);
	if (rc != WN_OK) {
		wn_journal_free(j->day, nn);
		return rc;
	}
	j->n = nn + no;
	j->newest_end = nn < HALF;
	j->oldest_end = no < HALF + 1;
	j->sel = no ? (int)nn : (int)nn - 1;
	if (j->sel < 0)
		j->sel = 0;
	build_rows(j, ui->today);
	return WN_OK;
}

static wn_date sel_date(const struct journal *j)
{
	return j->n ? j->day[j->sel].date : WN_DATE_NONE;
}

/* Reads the window again around the selected day, keeping its row. */
static int recentre(struct wn_ui *ui, struct journal *j, wn_date d,
                    struct wn_err *err)
{
	int row = sel_row(j) - j->top;
	int rc = load_around(ui, j, d, err);
	j->top = sel_row(j) - row;
	if (j->top < 0)
		j->top = 0;
	return rc;
}

static int newest_day(struct wn_ui *ui, wn_date *d, struct wn_err *err)
{
	wn_date first, last;
	int rc = wn_db_date_span(ui->db, &first, &last, err);
	*d = last != WN_DATE_NONE && last > ui->today ? last : ui->today;
	return rc;
}

/* The medication whose dose the list shows: the first with an active
 * plan (kept, to call each day's dose by its status), else the first
 * one. */
static void pick_med(struct wn_ui *ui, struct journal *j)
{
	struct wn_med *m = NULL;
	size_t n = 0;
	struct wn_err err = { 0 };
	memset(&j->med, 0, sizeof j->med);
	if (j->has_plan)
		wn_plan_built_free(&j->plan);
	j->has_plan = false;
	if (wn_db_med_list(ui->db, &m, &n, &err) == WN_OK && n > 0) {
		j->med = m[0];
		for (size_t i = 0; i < n && !j->has_plan; i++) {
			j->has_plan = wn_db_plan_built(ui->db, &m[i], &j->plan, &err) == WN_OK;
			if (j->has_plan)
				j->med = m[i];
			else
				wn_plan_built_free(&j->plan);
		}
	}
	free(m);
	j->gen = ui->gen;
}

/* Day d's dose of the medication shown, as core/vocab.h calls it. */
static struct wn_vocab_dose_in day_dose(const struct journal *j,
                                        const struct wn_journal_day *d)
{
	double planned = j->has_plan ? wn_plan_planned_on(&j->plan.plan, &j->plan.sched,
	                                                   d->date) : NAN;
	return (struct wn_vocab_dose_in){
		.status = wn_vocab_dose(planned, d->dose, isnan(d->dose) ? 0 : 1),
		.planned = planned, .taken = d->dose, .unit = j->med.unit };
}

/* ---- moving --------------------------------------------------------------- */

static int list_rows(const struct wn_ui *ui);

static void keep_visible(const struct wn_ui *ui, struct journal *j)
{
	int rows = list_rows(ui), r = sel_row(j);
	if (r < j->top)
		j->top = j->sel == 0 && j->newest_end ? 0 : r;
	if (r >= j->top + rows)
		j->top = r - rows + 1;
	if (j->oldest_end && j->top > j->n_rows - rows)
		j->top = j->n_rows - rows;     /* no blank lines after the last day */
	if (j->top < 0)
		j->top = 0;
}

static bool near_edge(const struct journal *j)
{
	return (j->sel < MARGIN && !j->newest_end) ||
	       ((int)j->n - 1 - j->sel < MARGIN && !j->oldest_end);
}

/* Moves the selection by delta lines (older is +), reading on when the
 * window ends before the diary does; a page scrolls the list as much. */
static void move_by(struct wn_ui *ui, struct journal *j, int delta, bool page)
{
	struct wn_err err = { 0 };
	wn_date from = sel_date(j);
	int row = sel_row(j) - j->top;
	while (j->n > 0) {
		int room = delta > 0 ? (int)j->n - 1 - j->sel : j->sel;
		int step = abs(delta) < room ? abs(delta) : room;
		j->sel += delta > 0 ? step : -step;
		delta += delta > 0 ? -step : step;
		if (!near_edge(j))
			break;
		if (recentre(ui, j, sel_date(j), &err) != WN_OK) {
			wn_ui_msg_err(ui, "cannot read the journal", &err);
			break;
		}
		if (delta == 0 || (delta > 0 ? j->oldest_end && j->sel == (int)j->n - 1
		                             : j->newest_end && j->sel == 0))
			break;
	}
	if (page && sel_date(j) != from)
		j->top = sel_row(j) - row;
	keep_visible(ui, j);
}

/* Shows day d (a day with a record), in the middle of the list when the
 * window had to be read again. */
static void go_to(struct wn_ui *ui, struct journal *j, wn_date d)
{
	struct wn_err err = { 0 };
	int rows = list_rows(ui), i = 0;
	while (i < (int)j->n && j->day[i].date != d)
		i++;
	bool seen = i < (int)j->n && j->row_of[i] >= j->top && j->row_of[i] < j->top + rows;
	if (i < (int)j->n)
		j->sel = i;
	if (i == (int)j->n || near_edge(j)) {
		if (load_around(ui, j, d, &err) != WN_OK)
			wn_ui_msg_err(ui, "cannot read the journal", &err);
		seen = false;
	}
	if (!seen)
		j->top = sel_row(j) - rows / 2;
	keep_visible(ui, j);
}

static void go_end(struct wn_ui *ui, struct journal *j, bool newest)
{
	struct wn_err err = { 0 };
	wn_date first, last, d;
	int rc = wn_db_date_span(ui->db, &first, &last, &err);
	if (rc == WN_OK && newest)
		rc = newest_day(ui, &d, &err);
	else
		d = first;
	if (rc == WN_OK && d != WN_DATE_NONE)
		rc = load_around(ui, j, d, &err);
	if (rc != WN_OK)
		wn_ui_msg_err(ui, "cannot read the journal", &err);
	j->sel = newest || j->n == 0 ? 0 : (int)j->n - 1;
	j->top = newest ? 0 : j->n_rows;
	keep_visible(ui, j);
}

/* ---- search --------------------------------------------------------------- */

/* The days that match the needle, searched again only when the needle
 * or the diary changed since (so n, N and coming back cost no search). */
static bool fresh_hits(struct wn_ui *ui, struct journal *j)
{
	struct wn_err err = { 0 };
	if (strcmp(j->hits.text, j->needle) == 0 && wn_journal_hits_current(ui->db, &j->hits))
		return true;
	if (wn_journal_search(ui->db, j->needle, &j->hits, &err) == WN_OK)
		return true;
	wn_ui_msg_err(ui, "cannot search the journal", &err);
	return false;
}

static void show_count(struct wn_ui *ui, struct journal *j)
{
	if (fresh_hits(ui, j))
		j->count = wn_journal_hits_count(&j->hits, sel_date(j));
}

/* The next match in direction dir (older +1 in the list); past the end
 * the search starts again at the other end. */
static void next_match(struct wn_ui *ui, struct journal *j, int dir, bool inclusive)
{
	if (!j->needle[0]) {
		wn_ui_msg(ui, WN_R_NOTICE, "nothing to look for yet; / starts a search");
		return;
	}
	if (!fresh_hits(ui, j))
		return;
	const struct wn_journal_hits *h = &j->hits;
	int way = dir > 0 ? WN_JOURNAL_OLDER : WN_JOURNAL_NEWER;
	struct wn_err err = { 0 };
	wn_date found;
	int rc = wn_journal_hits_next(ui->db, h, j->n ? sel_date(j) : ui->today, way,
	                              inclusive, &found, &err);
	if (rc == WN_OK && found == WN_DATE_NONE && h->n > 0) {
		/* past the end: the newest going older, the oldest going newer */
		rc = wn_journal_hits_edge(ui->db, h, way, &found, &err);
		if (rc == WN_OK)
			wn_ui_msg(ui, WN_R_DIM, "from the %s day again",
			          dir > 0 ? "newest" : "oldest");
	}
	if (rc != WN_OK) {
		wn_ui_msg_err(ui, "cannot search the journal", &err);
		return;
	}
	if (found == WN_DATE_NONE) {
		wn_ui_msg(ui, WN_R_NOTICE, "no note or question mentions \"%s\"", j->needle);
		j->needle[0] = '\0';
		return;
	}
	go_to(ui, j, found);
	show_count(ui, j);
}

static void start_search(struct wn_ui *ui, struct journal *j)
{
	if (wn_edit_init(&j->line, j->needle, WN_JOURNAL_NEEDLE_MAX, false) != WN_OK) {
		wn_ui_msg(ui, WN_R_ERROR, "out of memory");
		return;
	}
	j->prompt = true;
}

static void journal_text(struct wn_ui *ui, void *state, const struct wn_input *in)
{
	struct journal *j = state;
	int arg;
	const struct wn_binding *b = wn_ui_lookup(WN_SC_PROMPT, in, &arg);
	if (b && b->action == WN_A_TEXT_CANCEL) {
		wn_edit_free(&j->line);
		j->prompt = false;
	} else if (b && b->action == WN_A_TEXT_DONE) {
		snprintf(j->needle, sizeof j->needle, "%s", j->line.s);
		wn_edit_free(&j->line);
		j->prompt = false;
		if (j->needle[strspn(j->needle, " ")] == '\0')
			j->needle[0] = '\0';
		else
			next_match(ui, j, 1, true);
	} else if (wn_edit_key(&j->line, in, ui->cols) == WN_EDIT_FULL) {
		wn_ui_msg(ui, WN_R_NOTICE, "that is as long as a search can be");
	}
}

/* ---- drawing -------------------------------------------------------------- */

struct layout {
	int list_y, list_h;          /* the days */
	int detail_y, detail_h;      /* the selected day, below a rule */
};

static struct layout layout_of(const struct wn_ui *ui)
{
	struct layout l;
	int rows = ui->body_rows - 1;          /* below the column heading */
	l.detail_h = rows / 3 < 4 ? 4 : rows / 3 > 12 ? 12 : rows / 3;
	if (rows - l.detail_h - 1 < 3)
		l.detail_h = 0;
	l.list_y = ui->body_top + 1;
	l.list_h = rows - (l.detail_h ? l.detail_h + 1 : 0);
	l.detail_y = l.list_y + l.list_h + 1;
	return l;
}

static int list_rows(const struct wn_ui *ui)
{
	int h = layout_of(ui).list_h;
	return h > 0 ? h : 1;
}

/* ---- one line per day ---------------------------------------------------- */

enum { C_MOOD, C_ANX, C_SLEEP, C_BURDEN, C_DOSE, N_COLS };

static const struct column {
	const char *head;
	int w;
	bool narrow;                 /* kept on a narrow terminal */
} columns[N_COLS] = {
	[C_MOOD] = { "mood", 4, true }, [C_ANX] = { "anx", 4, false },
	[C_SLEEP] = { "sleep", 5, false }, [C_BURDEN] = { "burden", 6, true },
	[C_DOSE] = { "dose  ", 11, false },
};
#define DATE_W 14                /* "2026-11-25 Wed" */

static bool col_shown(const struct wn_ui *ui, int c)
{
	return ui->cols >= NARROW || columns[c].narrow;
}

/* Columns from the left edge of the line to the flag mark. */
static int marks_x(const struct wn_ui *ui)
{
	int x = 2 + DATE_W;
	for (int c = 0; c < N_COLS; c++)
		if (col_shown(ui, c))
			x += 1 + columns[c].w;
	return x + 2;
}

static void level(int v, char *buf, size_t n, const struct wn_ui *ui)
{
	if (v == WN_UNSET)
		snprintf(buf, n, "%s", ui->g->dash);
	else
		snprintf(buf, n, "%d", v);
}

/* Hours with their decimal points aligned: "6   ", "5.5 ", "7.25". */
static void hours(double v, char *buf, size_t n, const struct wn_ui *ui)
{
	if (isnan(v)) {
		snprintf(buf, n, "%s   ", ui->g->dash);
		return;
	}
	snprintf(buf, n, "%.2f", v);
	size_t k = strlen(buf);
	while (k > 0 && buf[k - 1] == '0')
		buf[--k] = ' ';
	if (k > 0 && buf[k - 1] == '.')
		buf[k - 1] = ' ';
}

/* The dose cell in core/vocab.h's marks: "60 mg", "50 mg ~", "0 mg s"
 * (room kept for a mark, so that the amounts line up), or a dash when no
 * dose was recorded; buf holds 32 bytes. */
static void amount(const struct journal *j, const struct wn_journal_day *d, char *buf,
                   const struct wn_ui *ui)
{
	struct wn_vocab_dose_in in = day_dose(j, d);
	if (!j->med.id || isnan(d->dose)) {
		snprintf(buf, 32, "%s  ", ui->g->dash);
		return;
	}
	wn_vocab_dose_cell(&in, buf, 30);
	if (!*wn_vocab_dose_mark(in.status))
		strcat(buf, "  ");
}

static void cells(const struct wn_ui *ui, const struct journal *j,
                  const struct wn_journal_day *d, char val[N_COLS][32])
{
	level(d->mood, val[C_MOOD], sizeof val[0], ui);
	level(d->anxiety, val[C_ANX], sizeof val[0], ui);
	hours(d->sleep, val[C_SLEEP], sizeof val[0], ui);
	if (d->n_ratings)
		snprintf(val[C_BURDEN], sizeof val[0], "%d", d->burden);
	else
		snprintf(val[C_BURDEN], sizeof val[0], "%s", ui->g->dash);
	amount(j, d, val[C_DOSE], ui);
}

/* The date and the values, in columns whatever the width of a dash. */
static void summary(const struct wn_ui *ui, const char *date, char val[N_COLS][32],
                    struct wn_buf *b)
{
	wn_text_pad(b, date, DATE_W, 0);
	for (int c = 0; c < N_COLS; c++) {
		if (!col_shown(ui, c))
			continue;
		wn_buf_addc(b, ' ');
		wn_text_pad(b, val[c], columns[c].w, WN_TEXT_ALIGN_RIGHT);
	}
}

/* The search and its count at the right of the heading, the count whole
 * (the text is cut first): "3 of 12"; more than WN_JOURNAL_HITS_MAX days
 * match: "3 of 1000+", and beyond the days counted "1000+ of 1000+". */
static void draw_count(struct wn_ui *ui, const struct journal *j, int y, int x)
{
	const struct wn_journal_count *c = &j->count;
	char count[64], needle[WN_JOURNAL_NEEDLE_MAX + 8], s[sizeof needle + sizeof count + 8];
	if (c->from_newest >= 0)
		snprintf(count, sizeof count, "%ld of %ld%s", c->from_newest, c->total,
		         c->more ? "+" : "");
	else
		snprintf(count, sizeof count, "%ld+ of %ld+", c->total, c->total);
	int max = ui->cols - x - 10, room = max - wn_text_width(count) - 4;
	if (room < 1)
		return;
	wn_text_fit(j->needle, room, needle, sizeof needle, ui->ascii_text);
	snprintf(s, sizeof s, "\"%s\": %s", needle, count);
	int w = wn_text_width(s);
	wn_ui_put(ui, WN_CELL(y, ui->cols - 1 - w, w, WN_R_VALUE), s);
}

static void draw_heading(struct wn_ui *ui, const struct journal *j)
{
	char val[N_COLS][32];
	struct wn_buf b;
	int y = ui->body_top, x = marks_x(ui);
	for (int c = 0; c < N_COLS; c++)
		snprintf(val[c], sizeof val[c], "%s", columns[c].head);
	wn_buf_init(&b);
	summary(ui, "date", val, &b);
	wn_ui_put(ui, WN_CELL(y, 2, ui->cols - 3, WN_R_DIM), b.s);
	wn_buf_free(&b);
	wn_ui_put(ui, WN_CELL(y, x + 3, ui->cols - x - 4, WN_R_DIM), "note");
	if (!j->needle[0])
		return;
	draw_count(ui, j, y, x);
}

/* The note's first line, else the first quick note (with its time). */
static void draw_note(struct wn_ui *ui, const struct wn_journal_day *d,
                      struct wn_cell at, bool sel)
{
	char text[512];
	if (d->note) {
		snprintf(text, sizeof text, "%.*s", (int)strcspn(d->note, "\n"), d->note);
	} else if (d->quicknote) {
		int m = d->quicknote_minute, k = 0;
		if (m >= 0)
			k = snprintf(text, sizeof text, "%02d:%02d ", m / 60, m % 60);
		snprintf(text + k, sizeof text - (size_t)k, "%.*s",
		         (int)strcspn(d->quicknote, "\n"), d->quicknote);
		at.role = WN_R_DIM;
	} else {
		return;
	}
	if (sel)
		at.role = WN_R_FOCUS;
	wn_ui_put(ui, at, text);
}

/* Day i of the window on row y. */
static void draw_day(struct wn_ui *ui, const struct journal *j, int i, int y)
{
	const struct wn_journal_day *d = &j->day[i];
	bool sel = i == j->sel;
	char val[N_COLS][32], date[32], dt[WN_DATE_STRLEN];
	struct wn_buf b;
	int role = sel ? WN_R_FOCUS : WN_R_NORMAL, x = marks_x(ui);
	cells(ui, j, d, val);
	snprintf(date, sizeof date, "%s %s", wn_date_format(d->date, dt),
	         wn_date_weekday_name(wn_date_weekday(d->date)));
	wn_buf_init(&b);
	summary(ui, date, val, &b);
	if (sel)
		wn_ui_put_pad(ui, WN_CELL(y, 0, ui->cols, WN_R_FOCUS), "");
	wn_ui_put(ui, WN_CELL(y, 0, 1, role), sel ? ui->g->focus : " ");
	wn_ui_put(ui, WN_CELL(y, 2, ui->cols - 3, role), b.s);
	wn_buf_free(&b);
	wn_ui_put(ui, WN_CELL(y, x, 1, sel ? role : WN_R_FLAG), d->flag ? "!" : " ");
	wn_ui_put(ui, WN_CELL(y, x + 1, 1, sel ? role : WN_R_NOTICE),
	          d->n_questions ? "Q" : " ");
	if (x + 3 < ui->cols - 1)
		draw_note(ui, d, WN_CELL(y, x + 3, ui->cols - 1 - (x + 3), role), sel);
}

/* "no record for 3 days (2026-11-14 to 2026-11-16)", dim. */
static void draw_gap(struct wn_ui *ui, const struct row *w, int y)
{
	char line[128], a[WN_DATE_STRLEN], b[WN_DATE_STRLEN];
	long days = w->to - w->from + 1;
	if (days == 1)
		snprintf(line, sizeof line, "? no record on %s %s",
		         wn_date_format(w->from, a),
		         wn_date_weekday_name(wn_date_weekday(w->from)));
	else
		snprintf(line, sizeof line, "? no record for %ld days (%s to %s)",
		         days, wn_date_format(w->from, a),
		         wn_date_format(w->to, b));
	wn_ui_put(ui, WN_CELL(y, 2, ui->cols - 4, WN_R_DIM), line);
}

static void draw_list(struct wn_ui *ui, struct journal *j, const struct layout *l)
{
	if (j->n == 0) {
		wn_ui_put(ui, WN_CELL(l->list_y, 2, ui->cols - 3, WN_R_DIM),
		          "nothing written yet: the days you record show here");
		return;
	}
	keep_visible(ui, j);
	for (int r = 0; r < l->list_h && j->top + r < j->n_rows; r++) {
		const struct row *w = &j->row[j->top + r];
		if (w->day >= 0)
			draw_day(ui, j, w->day, l->list_y + r);
		else
			draw_gap(ui, w, l->list_y + r);
	}
	bool up = j->top > 0 || !j->newest_end;
	bool down = j->top + l->list_h < j->n_rows || !j->oldest_end;
	if (up)
		wn_ui_put(ui, WN_CELL(l->list_y, ui->cols - 1, 1, WN_R_DIM),
		          ui->ascii ? "^" : "\u2191");
	if (down)
		wn_ui_put(ui, WN_CELL(l->list_y + l->list_h - 1, ui->cols - 1, 1, WN_R_DIM),
		          ui->ascii ? "v" : "\u2193");
}

/* ---- the selected day ----------------------------------------------------- */

static void load_detail(struct wn_ui *ui, struct journal *j)
{
	wn_date d = sel_date(j);
	if (d == j->detail_date)
		return;
	struct wn_err err = { 0 };
	wn_day_free(&j->detail);
	j->detail_date = d;
	if (d != WN_DATE_NONE && wn_db_day_load(ui->db, d, &j->detail, &err) != WN_OK) {
		wn_ui_msg_err(ui, "cannot read the day", &err);
		j->detail_date = WN_DATE_NONE;
	}
}

/* The day's values as short items: "mood 7", "sleep 7.25 h", ..., the
 * dose in core/vocab.h's words ("sertraline 50 mg, lower than planned
 * (60 mg)"). */
static size_t detail_items(const struct journal *j, const struct wn_journal_day *d,
                           char item[][128])
{
	size_t n = 0;
	if (d->mood != WN_UNSET)
		snprintf(item[n++], 128, "mood %d", d->mood);
	if (d->anxiety != WN_UNSET)
		snprintf(item[n++], 128, "anxiety %d", d->anxiety);
	if (d->energy != WN_UNSET)
		snprintf(item[n++], 128, "energy %d", d->energy);
	if (!isnan(d->sleep))
		snprintf(item[n++], 128, "sleep %.4g h", d->sleep);
	if (d->n_ratings)
		snprintf(item[n++], 128, "burden %d", d->burden);
	struct wn_vocab_dose_in in = day_dose(j, d);
	char words[96];
	wn_vocab_dose_detail(&in, words, sizeof words);
	if (j->med.id && (in.status != WN_DOSE_NOT_PLANNED || !isnan(d->dose)))
		snprintf(item[n++], 128, "%.48s %.78s", j->med.name, words);
	if (d->flag)
		snprintf(item[n++], 128, "flagged for the prescriber");
	return n;
}

/* The selected day's date, then its items, flowing onto a second row
 * when needed; returns the rows used. */
static int draw_values(struct wn_ui *ui, const struct journal *j, int y, int rows)
{
	const struct wn_journal_day *d = &j->day[j->sel];
	char item[8][128], date[64];
	int yy, m, dd, right = ui->cols - 1;
	wn_date_to_ymd(d->date, &yy, &m, &dd);
	snprintf(date, sizeof date, "%s %d %s %d",
	         wn_date_weekday_name(wn_date_weekday(d->date)), dd,
	         wn_date_month_name(m), yy);
	int x = 1 + wn_ui_put(ui, WN_CELL(y, 1, right - 1, WN_R_HEADING), date);
	int sw = wn_text_width(ui->g->sep), used = 1;
	size_t n = detail_items(j, d, item);
	for (size_t i = 0; i < n; i++) {
		int w = wn_text_width(item[i]);
		if (x + sw + w > right && used < rows && x > 1 + sw) {
			y++;
			used++;
			x = 1 - sw;
		}
		if (x > 1 - sw)
			wn_ui_put(ui, WN_CELL(y, x, right - x, WN_R_DIM), ui->g->sep);
		x += sw;
		x += wn_ui_put(ui, WN_CELL(y, x, right - x, WN_R_NORMAL), item[i]);
	}
	return used;
}

/* The note, then the questions and quick notes, as one text. */
static void detail_text(const struct journal *j, struct wn_buf *b)
{
	const struct wn_day *x = &j->detail;
	if (x->ci.note)
		wn_buf_addf(b, "%s\n", x->ci.note);
	for (size_t i = 0; i < x->n_questions; i++) {
		wn_buf_addf(b, "Question: %s\n", x->questions[i].text);
		if (x->questions[i].answer)
			wn_buf_addf(b, "  answer: %s\n", x->questions[i].answer);
	}
	for (size_t i = 0; i < x->n_qnotes; i++) {
		const struct wn_quicknote *q = &x->qnotes[i];
		if (q->minute >= 0)
			wn_buf_addf(b, "%02d:%02d %s\n", q->minute / 60, q->minute % 60, q->text);
		else
			wn_buf_addf(b, "%s\n", q->text);
	}
	if (b->len && b->s[b->len - 1] == '\n')
		b->s[--b->len] = '\0';
}

static void draw_detail(struct wn_ui *ui, struct journal *j, const struct layout *l)
{
	if (l->detail_h == 0 || j->n == 0)
		return;
	const struct wn_journal_day *d = &j->day[j->sel];
	wn_ui_rule(ui, l->detail_y - 1, 1, ui->cols - 2);
	load_detail(ui, j);
	int used = draw_values(ui, j, l->detail_y, l->detail_h > 4 ? 2 : 1);
	struct wn_box box = WN_BOX(l->detail_y + used, 1, l->detail_h - used,
	                           ui->cols - 2);
	struct wn_buf b;
	wn_buf_init(&b);
	if (j->detail_date == d->date)
		detail_text(j, &b);
	if (b.len)
		wn_edit_draw_text(ui, b.s, box);
	else
		wn_ui_put(ui, WN_CELL(box.y, 1, box.w, WN_R_DIM), "no note");
	wn_buf_free(&b);
}

static void journal_draw(struct wn_ui *ui, void *state)
{
	struct journal *j = state;
	if (!j->loaded) {
		wn_ui_put(ui, WN_CELL(ui->body_top, 1, ui->cols - 2, WN_R_DIM),
		          "the diary could not be read");
		return;
	}
	struct layout l = layout_of(ui);
	draw_heading(ui, j);
	draw_list(ui, j, &l);
	draw_detail(ui, j, &l);
	if (j->prompt) {
		int y = ui->rows - 2;
		ui->msg_row_taken = true;
		int w = wn_ui_put(ui, WN_CELL(y, 1, ui->cols / 2, WN_R_HEADING),
		                  "search notes and questions: ");
		wn_edit_draw(ui, &j->line, WN_BOX(y, 1 + w, 1, ui->cols - 2 - w));
	}
}

/* ---- hooks ---------------------------------------------------------------- */

static bool journal_action(struct wn_ui *ui, void *state, int action, int arg)
{
	(void)arg;
	struct journal *j = state;
	int pg = list_rows(ui) > 2 ? list_rows(ui) - 1 : 1;
	switch (action) {
	case WN_A_UP: move_by(ui, j, -1, false); return true;
	case WN_A_DOWN: move_by(ui, j, 1, false); return true;
	case WN_A_PGUP: move_by(ui, j, -pg, true); return true;
	case WN_A_PGDN: move_by(ui, j, pg, true); return true;
	case WN_A_HOME: go_end(ui, j, true); return true;
	case WN_A_END: go_end(ui, j, false); return true;
	case WN_A_SEARCH: start_search(ui, j); return true;
	case WN_A_NEXT_MATCH: next_match(ui, j, 1, false); return true;
	case WN_A_PREV_MATCH: next_match(ui, j, -1, false); return true;
	case WN_A_ENTER:
		if (j->n)
			wn_ui_open_day(ui, sel_date(j));
		return true;
	default: return false;
	}
}

static int journal_enter(struct wn_ui *ui, void *state, struct wn_err *err)
{
	struct journal *j = state;
	if (!j->day) {
		j->day = calloc(WINDOW, sizeof *j->day);
		j->tmp = calloc(HALF, sizeof *j->tmp);
		j->row = calloc(MAX_ROWS, sizeof *j->row);
		j->row_of = calloc(WINDOW, sizeof *j->row_of);
		if (!j->day || !j->tmp || !j->row || !j->row_of)
			return wn_err_set(err, WN_ERR, "out of memory");
	}
	if (!j->started) {
		/* before the first page is read: making it later would have
		 * every statement prepared again (a failure shows at the search) */
		struct wn_err e2 = { 0 };
		wn_journal_search_ready(ui->db, &e2);
	}
	if (!j->started || j->gen != ui->gen)
		pick_med(ui, j);
	wn_date d = sel_date(j);
	int rc = WN_OK;
	if (!j->started || d == WN_DATE_NONE)
		rc = newest_day(ui, &d, err);
	if (rc == WN_OK)
		rc = j->started ? recentre(ui, j, d, err) : load_around(ui, j, d, err);
	j->started = true;
	wn_day_free(&j->detail);          /* the day may have changed in Today */
	j->detail_date = WN_DATE_NONE;
	j->loaded = rc == WN_OK;
	if (j->loaded && j->needle[0])
		show_count(ui, j);
	return rc;
}

static unsigned journal_scope(struct wn_ui *ui, void *state)
{
	(void)ui;
	const struct journal *j = state;
	return j->prompt ? WN_SC_PROMPT : WN_SC_JOURNAL;
}

static void journal_fini(struct wn_ui *ui, void *state)
{
	(void)ui;
	struct journal *j = state;
	if (j->prompt)
		wn_edit_free(&j->line);
	drop_window(j);
	wn_day_free(&j->detail);
	if (j->has_plan)
		wn_plan_built_free(&j->plan);
	wn_journal_hits_free(&j->hits);
	free(j->day);
	free(j->tmp);
	free(j->row);
	free(j->row_of);
	memset(j, 0, sizeof *j);
}

const struct wn_screen wn_screen_journal = {
	.name = "Journal",
	.number = 5,
	.scope = WN_SC_JOURNAL,
	.state_size = sizeof(struct journal),
	.enter = journal_enter,
	.draw = journal_draw,
	.action = journal_action,
	.scope_now = journal_scope,
	.text_input = journal_text,
	.fini = journal_fini,
};
