/* SPDX-License-Identifier: GPL-3.0-or-later */
/* today.c -- the Today screen: the daily check-in.
 *
 * One day at a time (today, or an earlier day being filled in): metrics,
 * the symptom grid, doses, the prescriber flag, questions, quick notes and
 * the note.  Every change is written to the diary at once (one
 * transaction per action) and the day is read back, so what is shown is
 * what is saved.  The note is saved when the editor is left; while typing,
 * a draft is kept after a pause and when the terminal goes away.
 *
 * This file reads the day and holds the hooks; see today.h for the other
 * three.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "db/day.h"
#include "db/db.h"
#include "db/med.h"
#include "db/plan.h"
#include "db/plancache.h"
#include "db/safety.h"
#include "db/symptoms.h"
#include "core/plan.h"
#include "core/text.h"
#include "today.h"

/* ---- reading the day ---------------------------------------------------- */

/* The symptoms not hidden by the config. */
static int load_symptoms(struct wn_ui *ui, struct today *t, struct wn_err *err)
{
	free(t->sym);
	t->sym = NULL;
	t->n_sym = 0;
	struct wn_symptom *all;
	size_t n;
	int rc = wn_db_symptom_list(ui->db, false, &all, &n, err);
	if (rc != WN_OK)
		return rc;
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (!wn_today_symptom_hidden(ui->cfg->hidden_symptoms, all[i].name))
			all[k++] = all[i];
	t->sym = all;
	t->n_sym = k;
	return WN_OK;
}

static int collect_dose_day(void *ctx, const struct wn_day_summary *s)
{
	wn_today_recent_add(ctx, s);
	return 0;
}

/* The usual doses (core/today.h): the history is read only for a
 * medication without a planned dose, so the start reads none when every
 * dose is planned. */
static void find_usual(struct wn_ui *ui, struct today *t)
{
	struct wn_today_recent recent = { .n = 0 };
	struct wn_err err = { 0 };
	size_t left = wn_today_usual_start(t->plans, t->n_med, t->date, t->usual);
	if (left == 0 || wn_db_each_day(ui->db, t->date - WN_TODAY_LOOKBACK, t->date,
	                                collect_dose_day, &recent, &err) != WN_OK)
		return;
	for (size_t k = 0; k < wn_today_recent_count(&recent) && left > 0; k++) {
		struct wn_day day;
		if (wn_db_day_load(ui->db, wn_today_recent_at(&recent, k), &day,
		                   &err) != WN_OK)
			return;
		left = wn_today_usual_take(&day, t->med, t->n_med, t->usual);
		wn_day_free(&day);
	}
}

static void free_plans(struct today *t)
{
	for (size_t m = 0; t->plans && m < t->n_med; m++)
		wn_today_plan_free(&t->plans[m]);
	free(t->plans);
	t->plans = NULL;
}

/* Plans are optional: a medication without one (or whose plan cannot be
 * built) simply shows no taper status.  A plan that cannot be reviewed
 * shows no finding.  The plan, built and reviewed, comes from the diary's
 * plan cache when nothing it was computed from has changed
 * (db/plancache.h). */
static void load_plan(struct wn_ui *ui, struct today *t, size_t m)
{
	wn_db_plan_today(ui->db, &t->med[m], &t->plans[m], NULL);
}

int wn_ui_today_slots(const struct today *t, size_t m, struct wn_today_slot *out)
{
	double planned[WN_DOSES_MAX];
	if (!t->plans || m >= t->n_med || !t->plans[m].has ||
	    wn_plan_doses_on(&t->plans[m].plan, &t->plans[m].sched, t->date, planned) < 2)
		return 0;
	return wn_today_slots(&t->plans[m].plan.doses, planned, t->have_day ? &t->day : NULL,
	                      t->med[m].id, out);
}

static int load_meds(struct wn_ui *ui, struct today *t, struct wn_err *err)
{
	free_plans(t);
	free(t->med);
	free(t->usual);
	t->med = NULL;
	t->usual = NULL;
	t->n_med = 0;
	int rc = wn_db_med_list(ui->db, &t->med, &t->n_med, err);
	if (rc != WN_OK)
		return rc;
	t->usual = calloc(t->n_med ? t->n_med : 1, sizeof *t->usual);
	t->plans = calloc(t->n_med ? t->n_med : 1, sizeof *t->plans);
	if (!t->usual || !t->plans)
		return wn_err_set(err, WN_ERR, "out of memory");
	for (size_t m = 0; m < t->n_med; m++)
		load_plan(ui, t, m);
	return WN_OK;
}

int wn_ui_today_reload(struct wn_ui *ui, struct today *t, struct wn_err *err)
{
	struct wn_day d;
	struct wn_safety_out safety;
	int rc = wn_db_day_load(ui->db, t->date, &d, err);
	if (rc != WN_OK)
		return rc;
	if (t->have_day)
		wn_day_free(&t->day);
	t->day = d;
	t->have_day = true;
	/* a failed read shows no line, and keeps nothing else from working */
	t->crisis = wn_db_safety(ui->db, t->date, ui->cfg->low_mood, &safety, NULL) == WN_OK &&
	            safety.why != WN_SAFETY_NONE;
	return WN_OK;
}

int wn_ui_today_load(struct wn_ui *ui, struct today *t, struct wn_err *err)
{
	int rc = load_symptoms(ui, t, err);
	if (rc == WN_OK)
		rc = load_meds(ui, t, err);
	if (rc == WN_OK)
		rc = wn_ui_today_reload(ui, t, err);
	if (rc == WN_OK)
		find_usual(ui, t);
	return rc;
}

int wn_ui_today_change_day(struct wn_ui *ui, struct today *t, wn_date date)
{
	struct wn_err err = { 0 };
	wn_date old = t->date;
	t->date = date;
	wn_today_typing_reset(&t->typing);
	int rc = wn_ui_today_reload(ui, t, &err);
	if (rc != WN_OK) {
		t->date = old;
		wn_ui_msg_err(ui, "cannot read that day", &err);
		return rc;
	}
	find_usual(ui, t);
	return WN_OK;
}

void wn_ui_today_written(struct wn_ui *ui, struct today *t,
                         const struct wn_err *err, const char *what)
{
	struct wn_err e2 = { 0 };
	if (err) {
		wn_ui_msg_err(ui, "not saved", err);
		wn_ui_today_reload(ui, t, &e2);
		return;
	}
	if (wn_ui_today_reload(ui, t, &e2) != WN_OK) {
		wn_ui_msg_err(ui, "saved, but cannot read the day back", &e2);
		return;
	}
	wn_ui_msg(ui, WN_R_SAVED, "%s%ssaved", what, ui->g->sep);
}

const struct wn_today_field *wn_ui_today_focused(const struct today *t)
{
	return wn_today_layout_find(&t->layout, t->focus_kind, t->focus_idx);
}

/* ---- hooks -------------------------------------------------------------- */

/* A day asked for by another screen (the Calendar's Enter). */
static wn_date take_open_date(struct wn_ui *ui, const struct today *t)
{
	wn_date d = ui->open_date;
	ui->open_date = WN_DATE_NONE;
	if (d == WN_DATE_NONE || d > ui->today)
		return t->date;
	return d;
}

/* The first-run setup is offered until the person skips it once. */
static bool setup_skipped(struct wn_ui *ui)
{
	char v[8] = "";
	struct wn_err e = { 0 };
	return wn_db_meta_get(ui->db, "setup_skipped", v, sizeof v, &e) == WN_OK &&
	       strcmp(v, "1") == 0;
}

static int first_enter(struct wn_ui *ui, struct today *t, struct wn_err *err)
{
	t->started = true;
	wn_session_self(t->session);
	t->gen = ui->gen;
	t->date = ui->today;
	t->date = take_open_date(ui, t);
	t->day.ci.mood = t->day.ci.anxiety = t->day.ci.energy = WN_UNSET;
	t->day.ci.sleep = NAN;   /* shown as empty if the first read fails */
	wn_ui_today_focus(t, WN_TODAY_MOOD, 0);
	int rc = wn_ui_today_load(ui, t, err);
	if (rc == WN_OK)
		wn_ui_today_draft_offer(ui, t);
	if (rc == WN_OK && t->n_med == 0 && !t->offer && !setup_skipped(ui))
		wn_ui_goto_screen(ui, &wn_screen_setup);
	return rc;
}

static int today_enter(struct wn_ui *ui, void *state, struct wn_err *err)
{
	struct today *t = state;
	if (!t->started)
		return first_enter(ui, t, err);
	t->date = take_open_date(ui, t);
	if (t->gen != ui->gen) {
		t->gen = ui->gen;
		return wn_ui_today_load(ui, t, err);
	}
	return wn_ui_today_reload(ui, t, err);
}

static void today_title(struct wn_ui *ui, void *state, char *buf, size_t n)
{
	wn_ui_today_title(ui, state, buf, n);
}

static void today_draw(struct wn_ui *ui, void *state)
{
	wn_ui_today_draw(ui, state);
}

static bool today_action(struct wn_ui *ui, void *state, int action, int arg)
{
	return wn_ui_today_action(ui, state, action, arg);
}

static unsigned today_scope(struct wn_ui *ui, void *state)
{
	(void)ui;
	const struct today *t = state;
	if (t->offer || t->delete_id || t->ask)
		return WN_SC_ASK;
	if (t->prompt != WN_UI_TODAY_NO_PROMPT)
		return WN_SC_PROMPT;
	if (t->editing)
		return WN_SC_NOTE;
	const struct wn_today_field *f = wn_ui_today_focused(t);
	bool on_question = f && f->kind == WN_TODAY_QUESTION_LINE &&
	                   f->kind == t->focus_kind && (size_t)f->idx < t->day.n_questions;
	return on_question ? WN_SC_TODAY | WN_SC_QUESTION : WN_SC_TODAY;
}

static void today_text(struct wn_ui *ui, void *state, const struct wn_input *in)
{
	wn_ui_today_text(ui, state, in);
}

static void today_idle(struct wn_ui *ui, void *state)
{
	struct today *t = state;
	if (t->editing && t->draft_dirty)
		wn_ui_today_draft_note(ui, t);
}

static void today_new_day(struct wn_ui *ui, void *state, wn_date old_today)
{
	struct today *t = state;
	if (t->date == old_today && !t->editing && !t->delete_id &&
	    t->prompt == WN_UI_TODAY_NO_PROMPT) {
		wn_ui_today_change_day(ui, t, ui->today);
		wn_ui_msg(ui, WN_R_NOTICE, "a new day has started");
	}
}

/* The line being typed, as kept by the hangup: a question or a quick note
 * as it is, an answer or a question's new words saying what they are
 * (NULL: nothing to keep). */
static const char *hangup_label(const struct today *t)
{
	if (t->prompt == WN_UI_TODAY_NO_PROMPT || !t->line.s)
		return NULL;
	bool typed = t->line.s[strspn(t->line.s, " ")] != '\0';
	switch (t->prompt) {
	case WN_UI_TODAY_QUESTION: case WN_UI_TODAY_QUICK: return typed ? "" : NULL;
	case WN_UI_TODAY_ANSWER: return typed && t->line.changed ? "Answer: " : NULL;
	case WN_UI_TODAY_REWORD: return typed && t->line.changed ? "Question: " : NULL;
	default: return NULL;
	}
}

/* The terminal is going away: keep what is being typed as a draft (a
 * question, quick note or answer after the day's note). */
static void today_hangup(struct wn_ui *ui, void *state)
{
	struct today *t = state;
	if (t->editing && t->note.changed) {
		wn_ui_today_draft_note(ui, t);
		return;
	}
	const char *label = hangup_label(t);
	if (!label)
		return;
	struct wn_buf b;
	wn_buf_init(&b);
	if (t->day.ci.note && *t->day.ci.note)
		wn_buf_addf(&b, "%s\n", t->day.ci.note);
	wn_buf_addf(&b, "%s%s", label, t->line.s);
	if (!b.failed)
		wn_ui_today_draft_save(ui, t, (struct wn_draft){ .date = t->date,
			.text = b.s, .base = t->day.ci.note });
	wn_buf_free(&b);
}

static void today_fini(struct wn_ui *ui, void *state)
{
	(void)ui;
	struct today *t = state;
	if (t->editing)
		wn_ui_today_close_note(t);
	if (t->prompt != WN_UI_TODAY_NO_PROMPT)
		wn_ui_today_close_prompt(t);
	if (t->have_day)
		wn_day_free(&t->day);
	free_plans(t);
	free(t->sym);
	free(t->med);
	free(t->usual);
	free(t->offer_text);
	free(t->offer_base);
	memset(t, 0, sizeof *t);
}

const struct wn_screen wn_screen_today = {
	.name = "Today",
	.number = 1,
	.scope = WN_SC_TODAY,
	.state_size = sizeof(struct today),
	.enter = today_enter,
	.title = today_title,
	.draw = today_draw,
	.action = today_action,
	.scope_now = today_scope,
	.text_input = today_text,
	.idle = today_idle,
	.new_day = today_new_day,
	.hangup = today_hangup,
	.fini = today_fini,
};
