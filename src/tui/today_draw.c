/* SPDX-License-Identifier: GPL-3.0-or-later */
/* today_draw.c -- drawing the Today screen (see today.h): the rows under
 * the title (core/today_head.h), the fields where core/today_layout.h
 * puts them, the note, and the bottom row. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/holdrule.h"
#include "core/text.h"
#include "core/today_head.h"
#include "core/vocab.h"
#include "findings.h"
#include "today.h"

/* ---- the lines under the title -------------------------------------------- */

/* The hold rule's word on the day shown, for the first planned
 * medication (not on hold) whose rules fire, else the first that waits
 * for days; false when there is none.  h->why points into *o. */
static bool find_hold(struct wn_ui *ui, const struct today *t,
                      struct wn_holdrule_out *o, struct wn_today_hold *h)
{
	bool found = false;
	for (size_t m = 0; t->plans && m < t->n_med; m++) {
		struct wn_holdrule_out mo;
		const struct wn_today_plan *p = &t->plans[m];
		if (!p->has || wn_taper_on_hold(&p->sched, t->date))
			continue;
		bool fires = wn_ui_hold_proposal(ui, t->med[m].id, &p->sched, t->date, &mo);
		if (!fires && (found || !mo.waiting))
			continue;
		*o = mo;
		*h = (struct wn_today_hold){ .med = t->n_med > 1 ? t->med[m].name : NULL,
			.propose = fires, .why = o->why, .waiting = !fires && mo.waiting,
			.have_days = mo.have_days, .need_days = mo.need_days };
		found = true;
		if (fires)
			break;
	}
	return found;
}

/* The rows under the title: what today_head.h says, for the day shown. */
static void make_head(struct wn_ui *ui, const struct today *t,
                      struct wn_today_head *h)
{
	struct wn_holdrule_out o;
	struct wn_today_hold hold;
	bool has_hold = find_hold(ui, t, &o, &hold);
	struct wn_today_head_in in = {
		.med = t->med, .plans = t->plans, .n = t->n_med, .day = t->date,
		.crisis = t->crisis ? ui->cfg->crisis_line : NULL, .cols = ui->cols - 2,
		.crisis_rows = ui->body_rows >= 18 ? WN_TODAY_CRISIS_ROWS : 2,
		.hold = has_hold ? &hold : NULL,
		.hold_rows = ui->body_rows >= 18 ? WN_TODAY_HOLD_ROWS : 2,
	};
	wn_today_head(&in, h);
}

/* Where the day stands, when no taper shows. */
static void draw_state(struct wn_ui *ui, const struct today *t, int y)
{
	char line[256];
	struct wn_vocab_facts f;
	wn_vocab_facts_of_day(&t->day, &f);
	if (t->day.ci.exists) {
		char hm[16];
		wn_today_local_hm(t->day.ci.updated, hm, sizeof hm);
		snprintf(line, sizeof line, "recorded%slast change %s; every"
		         " change is saved as you make it", ui->g->sep, hm);
	} else if (wn_vocab_recorded(&f)) {
		snprintf(line, sizeof line, "recorded; every change is saved as you make it");
	} else {
		snprintf(line, sizeof line, "no record yet for this day;"
		         " every change is saved as you make it");
	}
	wn_ui_put(ui, WN_CELL(y, 1, ui->cols - 2, WN_R_DIM), line);
}

static void draw_head(struct wn_ui *ui, const struct today *t,
                      const struct wn_today_head *h)
{
	for (int i = 0; i < h->n; i++) {
		const struct wn_today_head_row *r = &h->row[i];
		int y = ui->body_top + i;
		int role = r->kind == WN_TODAY_HEAD_FINDING ? wn_ui_findings_role(r->level)
		         : r->kind == WN_TODAY_HEAD_CRISIS ? WN_R_HEADING
		         : r->kind == WN_TODAY_HEAD_HOLD ? WN_R_NOTICE
		         : r->kind == WN_TODAY_HEAD_HOLD_WAIT ? WN_R_DIM : WN_R_NORMAL;
		if (r->kind == WN_TODAY_HEAD_STATE)
			draw_state(ui, t, y);
		else
			wn_ui_put(ui, WN_CELL(y, 1, ui->cols - 2, role), r->text);
	}
}

/* ---- the fields ------------------------------------------------------------ */

/* The screen row of content row y, or -1 when it is scrolled out. */
static int screen_row(const struct today *t, int y)
{
	const struct wn_today_layout *L = &t->layout;
	int sy = L->view_top + y - t->scroll;
	return y < t->scroll || sy >= L->view_top + L->view_rows ? -1 : sy;
}

static bool is_focus(const struct today *t, const struct wn_today_field *f)
{
	return f->kind == t->focus_kind && f->idx == t->focus_idx && !t->editing;
}

/* The focus marker at at.x and the label after it, padded to at.cols;
 * returns the column after the label. */
static int draw_label(struct wn_ui *ui, struct wn_cell at, const char *label,
                      bool foc)
{
	wn_ui_put(ui, WN_CELL(at.y, at.x, 1, foc ? WN_R_FOCUS : WN_R_NORMAL),
	          foc ? ui->g->focus : " ");
	at.x++;
	at.role = foc ? WN_R_FOCUS : WN_R_NORMAL;
	wn_ui_put_pad(ui, at, label);
	return at.x + at.cols;
}

static void draw_metric(struct wn_ui *ui, const struct today *t,
                        const struct wn_today_field *f, int y)
{
	const struct wn_config *cfg = ui->cfg;
	const char *name = wn_today_metric_name(cfg, f->kind, f->idx);
	int x = draw_label(ui, WN_CELL(y, f->x, t->layout.metric_lw, 0), name,
	                   is_focus(t, f));
	double v = wn_today_metric_value(&t->day, cfg, f->kind, f->idx);
	char val[32];
	if (isnan(v))
		snprintf(val, sizeof val, " %s", ui->g->dash);
	else if (f->kind == WN_TODAY_SLEEP)
		snprintf(val, sizeof val, " %.3g h", v);
	else if (f->kind == WN_TODAY_CUSTOM)
		snprintf(val, sizeof val, " %.4g", v);
	else
		snprintf(val, sizeof val, " %d/10", (int)v);
	wn_ui_put_pad(ui, WN_CELL(y, x, 8, isnan(v) ? WN_R_DIM : WN_R_VALUE), val);
}

static int level_role(int v)
{
	static const int r[] = { WN_R_NORMAL, WN_R_MILD, WN_R_MODERATE, WN_R_SEVERE };
	return v >= 0 && v <= 3 ? r[v] : WN_R_DIM;
}

static void level_marker(int v, const char *unrated, char *buf, size_t n)
{
	static const char *const marks[] = { "[   ]", "[*  ]", "[** ]", "[***]" };
	if (v >= 0 && v <= 3)
		snprintf(buf, n, "%s", marks[v]);
	else
		snprintf(buf, n, "  %s  ", unrated);
}

static void draw_symptom(struct wn_ui *ui, const struct today *t,
                         const struct wn_today_field *f, int y)
{
	const struct wn_symptom *s = &t->sym[f->idx];
	int x = draw_label(ui, WN_CELL(y, f->x, t->layout.name_w, 0), s->name,
	                   is_focus(t, f));
	int v = wn_today_rating(&t->day, s->id);
	char mark[16];
	level_marker(v, ui->g->unrated, mark, sizeof mark);
	int role = is_focus(t, f) ? WN_R_FOCUS : level_role(v);
	wn_ui_put(ui, WN_CELL(y, x + 1, 5, role), mark);
}

static void draw_dose(struct wn_ui *ui, const struct today *t,
                      const struct wn_today_field *f, int y)
{
	size_t m = (size_t)f->idx;
	int x = draw_label(ui, WN_CELL(y, f->x, 16, 0), t->med[m].name,
	                   is_focus(t, f));
	struct wn_today_dose_line l = {
		.day = &t->day, .med = &t->med[m],
		.planned = t->plans ? wn_today_planned(&t->plans[m], t->date) : NAN,
		.usual = t->usual ? t->usual[m] : NAN, .sep = ui->g->sep,
	};
	char text[512];
	bool logged = wn_today_dose_text(&l, text, sizeof text);
	wn_ui_put(ui, WN_CELL(y, x + 1, f->x + f->w - x - 1,
	                      logged ? WN_R_VALUE : WN_R_DIM), text);
}

/* One planned dose of the day under its medication's line:
 * "08:00  1 mg, as planned". */
static void draw_dose_time(struct wn_ui *ui, const struct today *t,
                           const struct wn_today_field *f, int y)
{
	struct wn_today_slot s[WN_DOSES_MAX];
	size_t m = (size_t)(f->idx / WN_DOSES_MAX);
	int k = f->idx % WN_DOSES_MAX;
	char text[160];
	if (k >= wn_ui_today_slots(t, m, s))
		return;
	wn_today_slot_text(&s[k], t->med[m].unit, text, sizeof text);
	bool logged = wn_vocab_dose_recorded(s[k].status), foc = is_focus(t, f);
	wn_ui_put(ui, WN_CELL(y, f->x, 1, foc ? WN_R_FOCUS : WN_R_NORMAL),
	          foc ? ui->g->focus : " ");
	wn_ui_put_pad(ui, WN_CELL(y, f->x + 1, f->w - 1,
	                          foc ? WN_R_FOCUS : logged ? WN_R_VALUE : WN_R_DIM), text);
}

static void draw_presc(struct wn_ui *ui, const struct today *t,
                       const struct wn_today_field *f, int y)
{
	char text[64];
	if (f->kind == WN_TODAY_FLAG)
		snprintf(text, sizeof text, "%s", t->day.ci.flag
		         ? "[x] flagged for prescriber" : "[ ] flag for prescriber");
	else if (f->kind == WN_TODAY_QUESTIONS)
		snprintf(text, sizeof text, "questions: %zu", t->day.n_questions);
	else
		snprintf(text, sizeof text, "quick notes: %zu", t->day.n_qnotes);
	draw_label(ui, WN_CELL(y, f->x, f->w - 2, 0), text, is_focus(t, f));
	if (f->kind == WN_TODAY_FLAG && t->day.ci.flag && !is_focus(t, f))
		wn_ui_put(ui, WN_CELL(y, f->x + 1, 3, WN_R_FLAG), "[x]");
}

/* One of the day's questions: "? words", and its answer after it. */
static void draw_question(struct wn_ui *ui, const struct today *t,
                          const struct wn_today_field *f, int y)
{
	const struct wn_question *q = &t->day.questions[f->idx];
	char line[1200];
	if (q->answered && q->answer)
		snprintf(line, sizeof line, "? %s%sanswer: %s", q->text, ui->g->sep, q->answer);
	else
		snprintf(line, sizeof line, "? %s", q->text);
	draw_label(ui, WN_CELL(y, f->x, f->w - 1, 0), line, is_focus(t, f));
}

/* One of the day's quick notes: its time and words. */
static void draw_qnote(struct wn_ui *ui, const struct today *t,
                       const struct wn_today_field *f, int y)
{
	const struct wn_quicknote *q = &t->day.qnotes[f->idx];
	char hm[16], line[1200];
	wn_today_minute_text(q->minute, hm, sizeof hm);
	snprintf(line, sizeof line, "%s %s", hm, q->text);
	draw_label(ui, WN_CELL(y, f->x, f->w - 1, 0), line, is_focus(t, f));
}

static void draw_field(struct wn_ui *ui, const struct today *t,
                       const struct wn_today_field *f, int y)
{
	if (wn_today_is_metric(f->kind))
		draw_metric(ui, t, f, y);
	else if (f->kind == WN_TODAY_SYMPTOM)
		draw_symptom(ui, t, f, y);
	else if (f->kind == WN_TODAY_DOSE)
		draw_dose(ui, t, f, y);
	else if (f->kind == WN_TODAY_DOSE_TIME)
		draw_dose_time(ui, t, f, y);
	else if (f->kind == WN_TODAY_QUESTION_LINE)
		draw_question(ui, t, f, y);
	else if (f->kind == WN_TODAY_QNOTE_LINE)
		draw_qnote(ui, t, f, y);
	else if (f->kind != WN_TODAY_NOTE)
		draw_presc(ui, t, f, y);
}

/* A part's heading (and a dim legend after it) on screen row sy. */
static void draw_heading(struct wn_ui *ui, int sy, const char *text,
                         const char *legend)
{
	if (sy < 0)
		return;
	wn_ui_put(ui, WN_CELL(sy, 1, 11, WN_R_HEADING), text);
	if (legend)
		wn_ui_put(ui, WN_CELL(sy, 13, ui->cols - 14, WN_R_DIM), legend);
}

/* Arrows at the right edge when the content goes on above or below. */
static void draw_more(struct wn_ui *ui, const struct today *t)
{
	const struct wn_today_layout *L = &t->layout;
	if (t->scroll > 0)
		wn_ui_put(ui, WN_CELL(L->view_top, ui->cols - 2, 1, WN_R_DIM),
		          ui->ascii ? "^" : "\u2191");
	if (t->scroll + L->view_rows < L->rows)
		wn_ui_put(ui, WN_CELL(L->view_top + L->view_rows - 1, ui->cols - 2, 1,
		                      WN_R_DIM), ui->ascii ? "v" : "\u2193");
}

static void draw_content(struct wn_ui *ui, const struct today *t)
{
	const struct wn_today_layout *L = &t->layout;
	draw_heading(ui, screen_row(t, L->grid_head_y), "Symptoms",
	             "0 none  1 mild [*  ]  2 moderate [** ]  3 severe [***]");
	draw_heading(ui, screen_row(t, L->dose_y), "Doses", t->n_med ? NULL
	             : "no medications yet: add one with  wean med add NAME");
	draw_heading(ui, screen_row(t, L->presc_y), "Prescriber", NULL);
	for (size_t i = 0; i < L->nf; i++) {
		const struct wn_today_field *f = &L->f[i];
		int sy = screen_row(t, f->y);
		if (f->kind != WN_TODAY_NOTE && sy >= 0)
			draw_field(ui, t, f, sy);
	}
	draw_more(ui, t);
}

/* ---- the note and the bottom row ------------------------------------------- */

int wn_ui_today_note_width(const struct wn_ui *ui)
{
	return ui->cols - 3 < 100 ? ui->cols - 3 : 100;
}

static void draw_note(struct wn_ui *ui, struct today *t)
{
	const struct wn_today_layout *L = &t->layout;
	int y = L->note_top, h = L->note_rows - 1, w = wn_ui_today_note_width(ui);
	bool foc = t->focus_kind == WN_TODAY_NOTE && t->focus_idx == 0 && !t->editing;
	const char *head = t->editing ? "Note (writing; Esc when done)" : "Note";
	int x = draw_label(ui, WN_CELL(y, 1, wn_text_width(head), 0), head, foc);
	wn_ui_rule(ui, y, x + 1, ui->cols - x - 2);
	if (h < 1)
		return;
	if (t->editing) {
		wn_edit_draw(ui, &t->note, WN_BOX(y + 1, 2, h, w));
		return;
	}
	const char *text = t->day.ci.note;
	if (!text || !*text)
		wn_ui_put(ui, WN_CELL(y + 1, 2, ui->cols - 3, WN_R_DIM),
		          wn_ui_today_external_ok(ui, NULL) ?
		          "nothing written yet: n writes here, e opens $EDITOR" :
		          "nothing written yet: n or e writes here, in wean's own editor");
	else
		wn_edit_draw_text(ui, text, WN_BOX(y + 1, 2, h, w));
}

static const char *prompt_label(const struct wn_ui *ui, const struct today *t,
                                char *buf, size_t n)
{
	switch (t->prompt) {
	case WN_UI_TODAY_QUESTION: return "question for the prescriber: ";
	case WN_UI_TODAY_QUICK: return "quick note: ";
	case WN_UI_TODAY_ANSWER: return "answer: ";
	case WN_UI_TODAY_REWORD: return "the question: ";
	case WN_UI_TODAY_QNOTE_EDIT: return "the quick note: ";
	case WN_UI_TODAY_DOSE:
		snprintf(buf, n, "%s dose (%s) and time: ", t->med[t->prompt_idx].name,
		         t->med[t->prompt_idx].unit);
		return buf;
	default:
		snprintf(buf, n, "%s: ", wn_today_metric_name(ui->cfg, t->focus_kind,
		                                              t->focus_idx));
		return buf;
	}
}

static void draw_offer(struct wn_ui *ui, const struct today *t, int y)
{
	char d[WN_DATE_STRLEN];
	char q[160];
	snprintf(q, sizeof q, "a note you were writing (%s) was kept:"
	         " restore it? y/n", wn_date_format(t->offer_date, d));
	ui->msg_row_taken = true;
	wn_ui_put(ui, WN_CELL(y, 1, ui->cols - 2, WN_R_NOTICE), q);
}

/* Deleting a question: y/N, with its first words. */
static void draw_delete(struct wn_ui *ui, const struct today *t, int y)
{
	if (t->delete_what == WN_UI_DEL_DAY) {
		wn_ui_ask_draw(ui, t->day_ask);
		return;
	}
	const char *text = "";
	for (size_t i = 0; i < t->day.n_questions; i++)
		if (t->delete_what == WN_UI_DEL_QUESTION && t->day.questions[i].id == t->delete_id)
			text = t->day.questions[i].text;
	for (size_t i = 0; i < t->day.n_qnotes; i++)
		if (t->delete_what == WN_UI_DEL_QNOTE && t->day.qnotes[i].id == t->delete_id)
			text = t->day.qnotes[i].text;
	char words[160], q[256];
	wn_text_fit(text, 40, words, sizeof words, ui->ascii_text);
	snprintf(q, sizeof q, "delete the %s \"%s\"? y/N",
	         t->delete_what == WN_UI_DEL_QNOTE ? "quick note" : "question", words);
	ui->msg_row_taken = true;
	wn_ui_put(ui, WN_CELL(y, 1, ui->cols - 2, WN_R_NOTICE), q);
}

/* Under a focused question: its answer in full, or that it is open. */
static void draw_answer(struct wn_ui *ui, const struct today *t,
                        const struct wn_today_field *f, int y)
{
	const struct wn_question *q = &t->day.questions[f->idx];
	char line[1200];
	if (q->answered && q->answer)
		snprintf(line, sizeof line, "answer: %s", q->answer);
	else
		snprintf(line, sizeof line, "open: a answers it, Enter changes its words,"
		         " x deletes it");
	wn_ui_put(ui, WN_CELL(y, 1, ui->cols - 2, WN_R_DIM), line);
}

/* The row above the hints: the offered draft, the prompt, or what the focused symptom's rating or question is. */
static void draw_bottom(struct wn_ui *ui, struct today *t)
{
	int y = ui->rows - 2;
	if (t->offer) {
		draw_offer(ui, t, y);
		return;
	}
	if (t->delete_id) {
		draw_delete(ui, t, y);
		return;
	}
	if (t->ask) {
		wn_ui_ask_draw(ui, t->ask_text);
		return;
	}
	if (t->prompt != WN_UI_TODAY_NO_PROMPT) {
		char buf[128];
		ui->msg_row_taken = true;
		int w = wn_ui_put(ui, WN_CELL(y, 1, ui->cols / 2, WN_R_HEADING),
		                  prompt_label(ui, t, buf, sizeof buf));
		wn_edit_draw(ui, &t->line, WN_BOX(y, 1 + w, 1, ui->cols - 2 - w));
		return;
	}
	const struct wn_today_field *f = wn_ui_today_focused(t);
	if (!ui->msg[0] && f && f->kind == WN_TODAY_SYMPTOM) {
		char info[160];
		const struct wn_symptom *s = &t->sym[f->idx];
		snprintf(info, sizeof info, "%s: %s%s", s->name,
		         wn_today_level_word(wn_today_rating(&t->day, s->id)),
		         s->preexisting ? " (present before the taper)" : "");
		wn_ui_put(ui, WN_CELL(y, 1, ui->cols - 2, WN_R_DIM), info);
	}
	if (!ui->msg[0] && f && f->kind == WN_TODAY_QUESTION_LINE &&
	    f->kind == t->focus_kind && (size_t)f->idx < t->day.n_questions)
		draw_answer(ui, t, f, y);
	if (!ui->msg[0] && wn_ui_today_qnote(t))
		wn_ui_put(ui, WN_CELL(y, 1, ui->cols - 2, WN_R_DIM),
		          "quick note: Enter changes its words, x deletes it");
}

/* ---- the screen ------------------------------------------------------------ */

static void lay_out(const struct wn_ui *ui, struct today *t, int head_rows)
{
	int *n_times = t->n_med ? calloc(t->n_med, sizeof *n_times) : NULL;
	for (size_t m = 0; n_times && m < t->n_med; m++) {
		struct wn_today_slot s[WN_DOSES_MAX];
		n_times[m] = wn_ui_today_slots(t, m, s);
	}
	struct wn_today_layout_in in = {
		.cfg = ui->cfg, .sym = t->sym, .n_sym = t->n_sym, .n_med = t->n_med,
		.n_times = n_times,
		.n_lines = t->day.n_questions + t->day.n_qnotes,
		.n_questions = t->day.n_questions, .cols = ui->cols,
		.body_top = ui->body_top, .body_rows = ui->body_rows,
		.head_rows = head_rows,
		.editing = t->editing,
	};
	wn_today_layout(&in, &t->layout);
	free(n_times);
	t->scroll = wn_today_layout_scroll(&t->layout, wn_ui_today_focused(t),
	                                   t->scroll);
}

void wn_ui_today_draw(struct wn_ui *ui, struct today *t)
{
	struct wn_today_head head;
	make_head(ui, t, &head);
	lay_out(ui, t, head.n);
	draw_head(ui, t, &head);
	draw_content(ui, t);
	draw_note(ui, t);
	draw_bottom(ui, t);
}

void wn_ui_today_title(const struct wn_ui *ui, const struct today *t, char *buf,
                       size_t n)
{
	int y, m, d;
	wn_date_to_ymd(t->date, &y, &m, &d);
	const char *wd = wn_date_weekday_name(wn_date_weekday(t->date));
	long ago = ui->today - t->date;
	char when[48] = "";
	if (ago == 1)
		snprintf(when, sizeof when, "%syesterday", ui->g->sep);
	else if (ago > 1)
		snprintf(when, sizeof when, "%s%ld days ago", ui->g->sep, ago);
	snprintf(buf, n, "%s%s%s %d %s %d%s", ago == 0 ? "Today" : "",
	         ago == 0 ? ui->g->sep : "", wd, d, wn_date_month_name(m), y, when);
}
