/* SPDX-License-Identifier: GPL-3.0-or-later */
/* calendar.c -- the Calendar screen: a month grid of the diary with
 * the taper on it (step days, those with a review finding, holds,
 * flagged days, doses different or skipped or not recorded, days with no
 * record, burden: core/vocab.h's marks), the selected day's line, and
 * the hold proposal.  Writes only on H (hold, with a reason), R (resume)
 * and U (going back up: the dose, the second yes when the review of the
 * step after it has a warning, then why), one transaction each. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/findings.h"
#include "core/holdrule.h"
#include "core/plan.h"
#include "core/records.h"
#include "core/taper.h"
#include "core/text.h"
#include "core/today_doses.h"
#include "db/day.h"
#include "db/db.h"
#include "db/med.h"
#include "db/plan.h"
#include "db/holdrule.h"
#include "findings.h"
#include "tui.h"

#define REASON_MAX 500

/* What the bottom line holds: a text prompt (why, a dose), a y/N
 * question showing what will change (CP_*_ASK), or a refusal that waits
 * for Enter or Esc (CP_NOTICE).  Each owns the keyboard until answered:
 * words typed there never run as Calendar keys. */
enum cal_prompt { CP_NONE, CP_HOLD, CP_UP_DOSE, CP_UP_ASK, CP_UP_WHY,
                  CP_HOLD_ASK, CP_RESUME_ASK, CP_NOTICE,
                  CP_DEL_ASK };          /* X: delete the day's record? y/N */

static const char *const prompt_text[] = {
	[CP_HOLD] = "hold from this day; why? ",
	[CP_UP_DOSE] = "went back up on this day: to what dose? ",
	[CP_UP_WHY] = "why (for you and your prescriber)? ",
};

/* The Calendar screen's state: the selected day, the medication shown
 * with its plan and reviews, the month read around the selection, the
 * prompt. */
struct calendar {
	wn_date sel;
	unsigned gen;
	bool loaded, started;
	struct wn_med *med;      size_t n_med;
	int m;                   /* the medication shown, -1 = none */
	bool has_plan;
	struct wn_plan_built b;  /* its plan and schedule */
	struct wn_review *reviews;  size_t n_reviews;  /* the plan's, then
	                            each reinstatement's */
	struct wn_calendar_month month;   /* points at plan, sched, reviews */
	int prompt;              /* enum cal_prompt: what the line asks */
	struct wn_edit line;
	double up_dose;          /* a reinstatement's dose, asked first */
	char del_ask[128];       /* X's question */
	struct wn_review up;     /* the review of the step after it */
	char ask[200];           /* CP_HOLD_ASK, CP_RESUME_ASK, CP_NOTICE: the line */
	char *reason;            /* CP_HOLD_ASK: the reason typed (owned) */
};

/* ---- the hold proposal (shared with Today) ------------------------------ */

bool wn_ui_hold_proposal(struct wn_ui *ui, long med_id, const struct wn_schedule *s,
                         wn_date day, struct wn_holdrule_out *out)
{
	static struct wn_holdrule_in in;     /* out->base points into it */
	struct wn_err err = { 0 };
	if (wn_db_holdrule(ui->db, ui->cfg, s, day, &in, out, &err) != WN_OK)
		return out->propose = false;
	if (!out->propose)
		return false;
	struct wn_proposal p = { .med_id = med_id, .date = day };
	snprintf(p.why, sizeof p.why, "%s", out->why);
	if (wn_db_proposal_seen(ui->db, &p, day == ui->today, &err) == WN_OK &&
	    p.state == WN_PROPOSAL_DISMISSED)
		return out->propose = false;
	return true;
}

/* ---- loading ------------------------------------------------------------- */

static void free_plan(struct calendar *cal)
{
	for (size_t i = 0; i < cal->n_reviews; i++)
		wn_review_free(&cal->reviews[i]);
	free(cal->reviews);
	cal->reviews = NULL;
	cal->n_reviews = 0;
	if (cal->has_plan)
		wn_plan_built_free(&cal->b);
	cal->has_plan = false;
}

/* The plan's review, then each reinstatement's (the step after it);
 * those that cannot be made are left out.  The plan a switch replaces
 * has no review of its own here: its steps are doses diazepam replaces,
 * not cuts (the switch's review, by the combined equivalent, is on the
 * Plan screen), as on Today. */
static void load_reviews(struct wn_db *db, struct calendar *cal, const struct wn_med *m)
{
	const struct wn_plan *p = &cal->b.plan;
	cal->reviews = calloc(p->n_events + 1, sizeof *cal->reviews);
	if (!cal->reviews)
		return;
	if (!wn_db_plan_replaced(db, p->id) && wn_plan_review(&cal->b, m, &cal->reviews[0], NULL) == WN_OK)
		cal->n_reviews++;
	for (size_t i = 0; i < p->n_events; i++) {
		const struct wn_plan_event *e = &p->events[i];
		if (e->kind == WN_PLAN_REINSTATE &&
		    wn_plan_review_reinstate(&cal->b, m, e->start, e->dose,
		                             &cal->reviews[cal->n_reviews], NULL) == WN_OK)
			cal->n_reviews++;
	}
}

/* The first medication with an active plan, else the first one. */
static void load_plan(struct wn_ui *ui, struct calendar *cal)
{
	free_plan(cal);
	cal->m = cal->n_med ? 0 : -1;
	for (size_t i = 0; i < cal->n_med; i++) {
		if (wn_db_plan_built(ui->db, &cal->med[i], &cal->b, NULL) != WN_OK) {
			wn_plan_built_free(&cal->b);
			continue;
		}
		cal->has_plan = true;
		cal->m = (int)i;
		load_reviews(ui->db, cal, &cal->med[i]);
		return;
	}
}

/* What the month shows besides the days: the plan, its reviews and the
 * unit. */
static void point_month(struct calendar *cal)
{
	struct wn_calendar_month *mo = &cal->month;
	mo->plan = cal->has_plan ? &cal->b.plan : NULL;
	mo->sched = cal->has_plan ? &cal->b.sched : NULL;
	mo->reviews = cal->reviews;
	mo->n_reviews = cal->n_reviews;
	mo->unit = cal->m >= 0 ? cal->med[cal->m].unit : "";
	mo->med = cal->m >= 0 ? cal->med[cal->m].name : "";
}

static int load_meds(struct wn_ui *ui, struct calendar *cal, struct wn_err *err)
{
	free_plan(cal);
	free(cal->med);
	cal->med = NULL;
	cal->n_med = 0;
	cal->m = -1;
	cal->loaded = false;
	point_month(cal);
	int rc = wn_db_med_list(ui->db, &cal->med, &cal->n_med, err);
	if (rc != WN_OK)
		return rc;
	load_plan(ui, cal);
	point_month(cal);
	wn_date last;
	rc = wn_db_date_span(ui->db, &cal->month.first, &last, err);
	cal->gen = ui->gen;
	cal->loaded = rc == WN_OK;
	return rc;
}

/* The month around the selected day: planned vs taken and what each day
 * recorded, two reads. */
static int load_month(struct wn_ui *ui, struct calendar *cal, struct wn_err *err)
{
	struct wn_calendar_month *mo = &cal->month;
	wn_date_month_grid(cal->sel, ui->cfg->week_start, &mo->grid);
	wn_date from = mo->grid.cell[0][0], to = from + WN_CALENDAR_CELLS - 1;
	struct wn_plan_range r = {
		.plan = mo->plan, .sched = mo->sched,
		.med_id = cal->m >= 0 ? cal->med[cal->m].id : 0, .from = from, .to = to,
	};
	int rc = wn_db_plan_days(ui->db, &r, mo->pd, err);
	if (rc == WN_OK)
		rc = wn_db_day_summaries(ui->db, from, to, mo->day, err);
	return rc;
}

static int reload(struct wn_ui *ui, struct calendar *cal, struct wn_err *err)
{
	int rc = WN_OK;
	if (!cal->loaded || cal->gen != ui->gen)
		rc = load_meds(ui, cal, err);
	if (rc == WN_OK)
		rc = load_month(ui, cal, err);
	return rc;
}

/* ---- drawing ------------------------------------------------------------- */

/* A day of the grid: what is known and what it shows. */
struct day_view {
	struct wn_calendar_facts f;
	struct wn_calendar_status s;
};

static struct wn_calendar_geom geometry(const struct wn_ui *ui)
{
	return wn_calendar_geometry(ui->body_top, ui->body_rows, ui->cols);
}

/* Burden levels (wn_calendar_status.level) as colour roles. */
static int level_role(int level)
{
	static const int roles[] = { WN_R_NORMAL, WN_R_MILD, WN_R_MODERATE,
	                             WN_R_SEVERE };
	return roles[level];
}

static int put_marker(struct wn_ui *ui, struct wn_cell at, const char *m,
                      bool sel)
{
	if (sel)
		at.role = WN_R_FOCUS;
	return wn_ui_put(ui, at, m);
}

/* The first line of a day's cell, in at (a row, its columns): the day of
 * the month and the markers. */
static void draw_head_line(struct wn_ui *ui, const struct calendar *cal,
                           const struct day_view *v, struct wn_cell at)
{
	int y = at.y, x = at.x;
	wn_date d = v->f.date;
	bool sel = d == cal->sel, today = d == v->f.today;
	int yy, mm, dd;
	wn_date_to_ymd(d, &yy, &mm, &dd);
	char num[8];
	snprintf(num, sizeof num, today ? "[%2d]" : " %2d ", dd);
	bool in = yy == cal->month.grid.year && mm == cal->month.grid.month;
	at.role = sel ? WN_R_FOCUS : today ? WN_R_TODAY : in ? WN_R_HEADING : WN_R_DIM;
	wn_ui_put_pad(ui, at, num);
	int cx = x + 4;
	if (v->s.step)
		cx += put_marker(ui, WN_CELL(y, cx, 1, WN_R_TITLE), "*", sel);
	if (v->s.finding)
		cx += put_marker(ui, WN_CELL(y, cx, 1, wn_ui_findings_role(v->f.finding->level)),
		                 "%", sel);
	if (v->s.held)
		cx += put_marker(ui, WN_CELL(y, cx, 1, WN_R_FLAG), "H", sel);
	if (v->s.flagged)
		cx += put_marker(ui, WN_CELL(y, cx, 1, WN_R_FLAG), "!", sel);
	if (wn_vocab_dose_deviates(v->s.dose))
		cx += put_marker(ui, WN_CELL(y, cx, 1, WN_R_ERROR),
		                 wn_vocab_dose_mark(v->s.dose), sel);
	if (v->s.missing)
		put_marker(ui, WN_CELL(y, cx, 1, WN_R_NOTICE), "?", sel);
}

/* Cell i of the grid (row i / 7, column i % 7). */
static void draw_cell(struct wn_ui *ui, const struct calendar *cal,
                      const struct wn_calendar_geom *g, int i)
{
	int r = i / 7, c = i % 7;
	struct day_view v;
	wn_calendar_facts(&cal->month, cal->month.grid.cell[r][c], ui->today, &v.f);
	wn_calendar_day_status(&v.f, &v.s);
	int y = g->y + r * g->ch, x = 1 + c * g->cw, w = g->cw - 1;
	draw_head_line(ui, cal, &v, WN_CELL(y, x, w, 0));
	if (g->ch < 2)
		return;
	char dose[24] = "", sh[4] = { v.s.shade, v.s.shade, v.s.shade, 0 };
	if (v.s.taken)
		wn_text_num(v.f.pd->taken, 3, dose, sizeof dose);
	else if (v.s.dose == WN_DOSE_NOT_RECORDED && v.f.recorded)
		snprintf(dose, sizeof dose, "%s", wn_vocab_dose_mark(v.s.dose));
	wn_ui_put(ui, WN_CELL(y + 1, x + 1, w - 4, WN_R_VALUE), dose);
	wn_ui_put(ui, WN_CELL(y + 1, x + w - 3, 3, level_role(v.s.level)), sh);
	if (g->ch >= 3 && !isnan(v.f.burden)) {
		char line[24];
		snprintf(line, sizeof line, "burden %.0f", v.f.burden);
		wn_ui_put(ui, WN_CELL(y + 2, x + 1, w - 1, level_role(v.s.level)), line);
	}
}

static void draw_heading(struct wn_ui *ui, const struct calendar *cal)
{
	char line[256];
	const struct wn_month_grid *grid = &cal->month.grid;
	int n = snprintf(line, sizeof line, "%s %d", wn_date_month_name(grid->month),
	                 grid->year);
	if (cal->m >= 0 && n > 0)
		snprintf(line + n, sizeof line - (size_t)n, "%s%s%s", ui->g->sep,
		         cal->med[cal->m].name, cal->has_plan ? "" : " (no plan)");
	wn_ui_put(ui, WN_CELL(ui->body_top, 1, ui->cols - 2, WN_R_HEADING), line);
	struct wn_calendar_geom g = geometry(ui);
	for (int c = 0; c < 7; c++)
		wn_ui_put(ui, WN_CELL(ui->body_top + 1, 1 + c * g.cw + 1, g.cw - 1,
		                      WN_R_DIM),
		          wn_date_weekday_name((ui->cfg->week_start + c) % 7));
}

static void draw_legend(struct wn_ui *ui, int y)
{
	char line[160];
	wn_calendar_legend(ui->cols - 2, line, sizeof line);
	wn_ui_put(ui, WN_CELL(y, 1, ui->cols - 2, WN_R_DIM), line);
}

/* Status of the selected day and its note's first line, on two rows
 * where there is room (the words are core/vocab.h's), then the
 * proposal. */
static void draw_status(struct wn_ui *ui, const struct calendar *cal, int y)
{
	char line[768];
	struct wn_calendar_facts f;
	wn_calendar_facts(&cal->month, cal->sel, ui->today, &f);
	wn_calendar_day_line(&f, ui->g->sep, line, sizeof line);
	struct wn_day day;
	struct wn_err err = { 0 };
	if (wn_db_day_load(ui->db, cal->sel, &day, &err) == WN_OK) {
		if (cal->has_plan) {
			struct wn_calendar_doses_in in = {
				.plan = &cal->b.plan, .sched = &cal->b.sched, .day = cal->sel,
				.future = cal->sel > ui->today, .rec = &day,
				.med_id = cal->med[cal->m].id, .unit = cal->med[cal->m].unit,
				.sep = ui->g->sep };
			wn_calendar_doses_text(&in, line, sizeof line);
		}
		if (day.ci.note && *day.ci.note) {
			size_t k = strlen(line);
			snprintf(line + k, sizeof line - k, "%snote: %.*s", ui->g->sep,
			         (int)strcspn(day.ci.note, "\n"), day.ci.note);
		}
		wn_day_free(&day);
	}
	int room = ui->body_top + ui->body_rows - y;
	int width = wn_text_width(line), rows = 1;
	while (rows < 3 && rows + 1 < room && width > rows * (ui->cols - 2))
		rows++;                  /* wrapped on up to 3 rows where there is room */
	if (rows >= 2)
		wn_edit_draw_text(ui, line, WN_BOX(y, 1, rows, ui->cols - 2));
	else
		wn_ui_put(ui, WN_CELL(y, 1, ui->cols - 2, WN_R_NORMAL), line);
	struct wn_holdrule_out o;
	if (cal->has_plan && cal->sel <= ui->today &&
	    !wn_taper_on_hold(&cal->b.sched, cal->sel) &&
	    wn_ui_hold_proposal(ui, cal->med[cal->m].id, &cal->b.sched, cal->sel, &o)) {
		int left = room - rows;          /* wrapped, its keys under it */
		snprintf(line, sizeof line, WN_HOLDRULE_TEXT ". Why: %s", o.why);
		y += rows;
		y += wn_ui_put_wrapped(ui, WN_CELL(y, 1, ui->cols - 2, WN_R_NOTICE), line,
		                       left > 4 ? 3 : left - 1);
		wn_ui_put(ui, WN_CELL(y, 1, ui->cols - 2, WN_R_NOTICE),
		          "  H holds from the selected day (asks why); D on Today dismisses it");
	}
}

/* The second yes of going back up, in place of the month: the review
 * of the step after it, and the question. */
static void draw_question(struct wn_ui *ui, const struct calendar *cal)
{
	char what[96], q[160], n1[32], d[WN_DATE_STRLEN];
	int y = ui->body_top + 1;     /* over the weekdays */
	wn_text_num(cal->up_dose, 3, n1, sizeof n1);
	snprintf(q, sizeof q, "Going back up to %s %s on %s: the next step, reviewed"
	         " (not advice)", n1, cal->med[cal->m].unit, wn_date_format(cal->sel, d));
	wn_ui_put_pad(ui, WN_CELL(y, 0, ui->cols, WN_R_HEADING), "");
	wn_ui_put(ui, WN_CELL(y, 1, ui->cols - 2, WN_R_HEADING), q);
	wn_ui_findings_draw(ui, &cal->up, WN_BOX(y + 1, 1, ui->rows - 3 - y, ui->cols - 2),
	                    false);
	snprintf(what, sizeof what, "Record going back up to %s %s", n1, cal->med[cal->m].unit);
	if (cal->up.n_warnings > 0)
		wn_findings_question(what, &cal->up, q, sizeof q);
	else
		snprintf(q, sizeof q, "%s on %s? y/N", what, d);
	wn_ui_ask_draw(ui, q);
}

static void cal_draw(struct wn_ui *ui, void *state)
{
	struct calendar *cal = state;
	if (!cal->loaded) {
		wn_ui_put(ui, WN_CELL(ui->body_top, 1, ui->cols - 2, WN_R_DIM),
		          "the diary could not be read");
		return;
	}
	draw_heading(ui, cal);
	if (cal->prompt == CP_UP_ASK) {
		draw_question(ui, cal);
		return;
	}
	struct wn_calendar_geom g = geometry(ui);
	for (int i = 0; i < WN_CALENDAR_CELLS; i++)
		draw_cell(ui, cal, &g, i);
	draw_legend(ui, g.bottom);
	draw_status(ui, cal, g.bottom + 1);
	if (cal->prompt == CP_HOLD_ASK || cal->prompt == CP_RESUME_ASK ||
	    cal->prompt == CP_NOTICE) {
		wn_ui_ask_draw(ui, cal->ask);
	} else if (cal->prompt == CP_DEL_ASK) {
		wn_ui_ask_draw(ui, cal->del_ask);
	} else if (cal->prompt) {
		int y = ui->rows - 2;
		ui->msg_row_taken = true;
		int w = wn_ui_put(ui, WN_CELL(y, 1, ui->cols / 2, WN_R_HEADING),
		                  prompt_text[cal->prompt]);
		wn_edit_draw(ui, &cal->line, WN_BOX(y, 1 + w, 1, ui->cols - 2 - w));
	}
}

/* ---- actions ------------------------------------------------------------- */

static void select_day(struct wn_ui *ui, struct calendar *cal, wn_date d)
{
	struct wn_err err = { 0 };
	cal->sel = d;
	if (load_month(ui, cal, &err) != WN_OK)
		wn_ui_msg_err(ui, "cannot read the month", &err);
}

/* After a write that worked: plans changed for every screen; read back. */
static void saved(struct wn_ui *ui, struct calendar *cal, const char *done)
{
	struct wn_err e2 = { 0 };
	ui->gen++;
	if (reload(ui, cal, &e2) != WN_OK)
		wn_ui_msg_err(ui, "saved, but cannot read it back", &e2);
	else
		wn_ui_msg(ui, WN_R_SAVED, "%s", done);
}

/* A key that cannot act now: why, on a line that waits for Enter or
 * Esc, so what is typed next (a reason, say) goes nowhere. */
static void refuse(struct calendar *cal, const char *why)
{
	snprintf(cal->ask, sizeof cal->ask, "%s  (Enter: ok)", why);
	cal->prompt = CP_NOTICE;
}

/* The plan's next step from day on (dated on or after it), or -1. */
static int step_from(const struct calendar *cal, wn_date day)
{
	return wn_taper_next_step(&cal->b.sched, day - 1);
}

static void open_prompt(struct wn_ui *ui, struct calendar *cal, int kind)
{
	if (wn_edit_init(&cal->line, NULL, REASON_MAX, false) != WN_OK) {
		wn_ui_msg(ui, WN_R_ERROR, "out of memory");
		return;
	}
	cal->prompt = kind;
}

static void start_hold(struct wn_ui *ui, struct calendar *cal)
{
	if (!cal->has_plan) {
		refuse(cal, "no plan to hold; add one on the Plan screen (F3)");
		return;
	}
	if (cal->b.sched.hold_since != WN_DATE_NONE) {
		refuse(cal, "a hold is already open; R resumes it");
		return;
	}
	open_prompt(ui, cal, CP_HOLD);
}

/* U: going back up to a dose (a reinstatement), asked as two lines. */
static void start_up(struct wn_ui *ui, struct calendar *cal)
{
	if (!cal->has_plan) {
		refuse(cal, "no plan here; add one on the Plan screen (F3)");
		return;
	}
	if (cal->sel > ui->today) {
		refuse(cal, "that day has not come yet");
		return;
	}
	open_prompt(ui, cal, CP_UP_DOSE);
}

/* The hold's question: from when, and which step waits. */
static void ask_hold(struct calendar *cal)
{
	char d[WN_DATE_STRLEN], d2[WN_DATE_STRLEN], n1[32];
	int k = step_from(cal, cal->sel);
	const struct wn_med *m = &cal->med[cal->m];
	wn_date_format(cal->sel, d);
	if (k < 0) {
		snprintf(cal->ask, sizeof cal->ask, "Hold the taper from %s (no"
		         " later step is planned)? y/N", d);
	} else {
		const struct wn_taper_step *st = &cal->b.sched.steps[k];
		snprintf(cal->ask, sizeof cal->ask, "Hold from %s: %s %s due %s"
		         " waits until you resume? y/N", d,
		         wn_text_num(st->dose, 3, n1, sizeof n1), m->unit,
		         wn_date_format(st->date, d2));
	}
	cal->prompt = CP_HOLD_ASK;
}

/* R: the question first, with where the waiting step goes (a closed
 * hold moves the frozen steps by its length: core/taper.h). */
static void ask_resume(struct calendar *cal)
{
	const struct wn_schedule *s = &cal->b.sched;
	if (!cal->has_plan || s->hold_since == WN_DATE_NONE) {
		refuse(cal, "no hold is open; H starts one");
		return;
	}
	if (cal->sel < s->hold_since) {
		refuse(cal, "the hold starts later; pick a day on or after it");
		return;
	}
	char d[WN_DATE_STRLEN], d2[WN_DATE_STRLEN], n1[32];
	wn_date_format(cal->sel, d);
	if (s->n_dated >= s->n) {
		snprintf(cal->ask, sizeof cal->ask, "Resume the taper on %s (no step"
		         " is waiting)? y/N", d);
	} else {
		const struct wn_taper_step *st = &s->steps[s->n_dated];
		wn_date to = st->due + (cal->sel - s->hold_since);
		snprintf(cal->ask, sizeof cal->ask, "Resume on %s: the next step"
		         " %s %s moves to %s? y/N", d,
		         wn_text_num(st->dose, 3, n1, sizeof n1), cal->med[cal->m].unit,
		         wn_date_format(to, d2));
	}
	cal->prompt = CP_RESUME_ASK;
}

static void resume(struct wn_ui *ui, struct calendar *cal)
{
	struct wn_err err = { 0 };
	int rc = wn_db_plan_resume(ui->db, cal->med[cal->m].id, cal->sel, &err);
	char d[WN_DATE_STRLEN], msg[96];
	snprintf(msg, sizeof msg, "resumed on %s; later steps moved",
	         wn_date_format(cal->sel, d));
	if (rc != WN_OK)
		wn_ui_msg_err(ui, "not saved", &err);
	else
		saved(ui, cal, msg);
}

static void close_prompt(struct calendar *cal)
{
	if (cal->prompt == CP_HOLD || cal->prompt == CP_UP_DOSE ||
	    cal->prompt == CP_UP_WHY)
		wn_edit_free(&cal->line);
	cal->prompt = CP_NONE;
}

static void save_hold(struct wn_ui *ui, struct calendar *cal)
{
	struct wn_err err = { 0 };
	char d[WN_DATE_STRLEN], msg[96];
	int rc = wn_db_plan_hold(ui->db, cal->med[cal->m].id, cal->sel, cal->reason, &err);
	free(cal->reason);
	cal->reason = NULL;
	snprintf(msg, sizeof msg, "on hold from %s", wn_date_format(cal->sel, d));
	if (rc != WN_OK)
		wn_ui_msg_err(ui, "not saved", &err);
	else
		saved(ui, cal, msg);
}

/* A y/N question or a waiting refusal: only its own keys answer it. */
static void ask_input(struct wn_ui *ui, struct calendar *cal, const struct wn_input *in)
{
	int kind = cal->prompt, yes;
	if (kind == CP_NOTICE) {
		int arg;
		const struct wn_binding *b = wn_ui_lookup(WN_SC_NOTICE, in, &arg);
		if (b && b->action == WN_A_TEXT_DONE)
			cal->prompt = CP_NONE;
		else
			wn_ui_msg(ui, WN_R_DIM, "nothing done; Enter or Esc closes this line");
		return;
	}
	if ((yes = wn_ui_ask_answer(in)) < 0) {
		wn_ui_msg(ui, WN_R_DIM, "y or n, please (Esc: no); nothing written yet");
		return;
	}
	cal->prompt = CP_NONE;
	if (!yes) {
		free(cal->reason);
		cal->reason = NULL;
		wn_ui_msg(ui, WN_R_DIM, "not recorded; nothing written");
	} else if (kind == CP_HOLD_ASK) {
		save_hold(ui, cal);
	} else if (kind == CP_RESUME_ASK) {
		resume(ui, cal);
	} else {
		open_prompt(ui, cal, CP_UP_WHY);
	}
}

/* The dose gone back up to: the step after it is reviewed, and with a
 * warning the second yes is asked before why. */
static void up_dose_done(struct wn_ui *ui, struct calendar *cal, const char *text)
{
	struct wn_err err = { 0 };
	char *end;
	cal->up_dose = strtod(text, &end);
	if (end == text || *(end + strspn(end, " ")) || !(cal->up_dose > 0) || cal->up_dose > 1e6) {
		wn_ui_msg(ui, WN_R_ERROR, "a dose above 0, e.g. 45 (Esc cancels)");
		return;
	}
	close_prompt(cal);
	wn_review_free(&cal->up);
	if (wn_plan_review_reinstate(&cal->b, &cal->med[cal->m], cal->sel, cal->up_dose,
	                             &cal->up, &err) != WN_OK)
		wn_ui_msg_err(ui, "not recorded", &err);
	else
		cal->prompt = CP_UP_ASK;    /* the review, then y/N, always */
}

/* Enter on the line: hold, or the steps of a reinstatement. */
static void prompt_done(struct wn_ui *ui, struct calendar *cal)
{
	struct wn_err err = { 0 };
	char d[WN_DATE_STRLEN], msg[192], n1[32];
	const char *text = cal->line.s + strspn(cal->line.s, " ");
	const char *why = *text ? text : NULL;
	int rc;
	switch (cal->prompt) {
	case CP_UP_DOSE:
		up_dose_done(ui, cal, text);
		return;
	case CP_UP_WHY: {
		struct wn_plan_reinstate r = { .med_id = cal->med[cal->m].id, .on = cal->sel,
		                               .dose = cal->up_dose, .reason = why,
		                               .accepted = &cal->up };
		rc = wn_db_plan_reinstate(ui->db, &r, &err);
		snprintf(msg, sizeof msg, "recorded: back up to %s on %s%s",
		         wn_text_num(cal->up_dose, 3, n1, sizeof n1), wn_date_format(cal->sel, d),
		         cal->up.n_warnings ? ", warning acknowledged; H holds the plan"
		                            : " (the plan is not on hold; H holds it)");
		break;
	}
	default:      /* the reason, then the question */
		free(cal->reason);
		cal->reason = why ? strdup(why) : NULL;
		close_prompt(cal);
		if (why && !cal->reason)
			wn_ui_msg(ui, WN_R_ERROR, "out of memory; nothing written");
		else
			ask_hold(cal);
		return;
	}
	close_prompt(cal);
	if (rc != WN_OK)
		wn_ui_msg_err(ui, "not saved", &err);
	else
		saved(ui, cal, msg);
}

static void cal_text(struct wn_ui *ui, void *state, const struct wn_input *in)
{
	struct calendar *cal = state;
	int arg;
	if (cal->prompt == CP_UP_ASK || cal->prompt == CP_HOLD_ASK ||
	    cal->prompt == CP_RESUME_ASK || cal->prompt == CP_NOTICE) {
		ask_input(ui, cal, in);
		return;
	}
	if (cal->prompt == CP_DEL_ASK) {
		struct wn_err err = { 0 };
		int yes = wn_ui_ask_answer(in);
		if (yes < 0) {
			wn_ui_msg(ui, WN_R_DIM, "y or n, please (Esc: no)");
			return;
		}
		cal->prompt = CP_NONE;
		if (!yes)
			wn_ui_msg(ui, WN_R_DIM, "kept: nothing deleted");
		else if (wn_ui_day_delete(ui, cal->sel) && load_month(ui, cal, &err) != WN_OK)
			wn_ui_msg_err(ui, "deleted, but cannot read the month", &err);
		return;
	}
	const struct wn_binding *b = wn_ui_lookup(WN_SC_PROMPT, in, &arg);
	if (b && b->action == WN_A_TEXT_CANCEL) {
		close_prompt(cal);
		wn_ui_msg(ui, WN_R_DIM, "cancelled; nothing written");
	} else if (b && b->action == WN_A_TEXT_DONE) {
		prompt_done(ui, cal);
	} else if (wn_edit_key(&cal->line, in, ui->cols) == WN_EDIT_FULL) {
		wn_ui_msg(ui, WN_R_NOTICE, "that is as long as it can be");
	}
}

static bool cal_action(struct wn_ui *ui, void *state, int action, int arg)
{
	struct calendar *cal = state;
	switch (action) {
	case WN_A_LEFT: select_day(ui, cal, cal->sel - 1); return true;
	case WN_A_RIGHT: select_day(ui, cal, cal->sel + 1); return true;
	case WN_A_UP: select_day(ui, cal, cal->sel - 7); return true;
	case WN_A_DOWN: select_day(ui, cal, cal->sel + 7); return true;
	case WN_A_PREV_MONTH:
		select_day(ui, cal, wn_date_add_months(cal->sel, -1));
		return true;
	case WN_A_NEXT_MONTH:
		select_day(ui, cal, wn_date_add_months(cal->sel, 1));
		return true;
	case WN_A_TODAY: select_day(ui, cal, ui->today); return true;
	case WN_A_ENTER:
		if (cal->sel > ui->today)
			wn_ui_msg(ui, WN_R_NOTICE, "that day has not come yet");
		else
			wn_ui_open_day(ui, cal->sel);
		return true;
	case WN_A_HOLD:
		if (arg == 1)
			start_up(ui, cal);
		else
			start_hold(ui, cal);
		return true;
	case WN_A_RESUME: ask_resume(cal); return true;
	case WN_A_DELETE_DAY:
		if (wn_ui_day_delete_ask(ui, cal->sel, cal->del_ask, sizeof cal->del_ask))
			cal->prompt = CP_DEL_ASK;
		return true;
	default: return false;
	}
}

/* ---- hooks --------------------------------------------------------------- */

static int cal_enter(struct wn_ui *ui, void *state, struct wn_err *err)
{
	struct calendar *cal = state;
	if (!cal->started) {
		cal->sel = ui->today;
		cal->m = -1;
	}
	cal->started = true;
	return reload(ui, cal, err);
}

static void cal_title(struct wn_ui *ui, void *state, char *buf, size_t n)
{
	(void)ui;
	(void)state;
	snprintf(buf, n, "Calendar");
}

static unsigned cal_scope(struct wn_ui *ui, void *state)
{
	(void)ui;
	const struct calendar *cal = state;
	if (cal->prompt == CP_NOTICE)
		return WN_SC_NOTICE;
	if (cal->prompt == CP_UP_ASK || cal->prompt == CP_HOLD_ASK ||
	    cal->prompt == CP_RESUME_ASK || cal->prompt == CP_DEL_ASK)
		return WN_SC_ASK;
	return cal->prompt ? WN_SC_PROMPT : WN_SC_CALENDAR;
}

static void cal_fini(struct wn_ui *ui, void *state)
{
	(void)ui;
	struct calendar *cal = state;
	close_prompt(cal);
	free(cal->reason);
	cal->reason = NULL;
	wn_review_free(&cal->up);
	free_plan(cal);
	free(cal->med);
	cal->med = NULL;
}

const struct wn_screen wn_screen_calendar = {
	.name = "Calendar",
	.number = 2,
	.scope = WN_SC_CALENDAR,
	.state_size = sizeof(struct calendar),
	.enter = cal_enter,
	.title = cal_title,
	.draw = cal_draw,
	.action = cal_action,
	.scope_now = cal_scope,
	.text_input = cal_text,
	.fini = cal_fini,
};
