/* SPDX-License-Identifier: GPL-3.0-or-later */
/* setup.c -- first run: with no medication in the diary, ask for one
 * (name, a form, the current dose and, optionally, a percent taper plan)
 * instead of showing empty screens.  Each answer is checked on Enter
 * (core/setup.h) and a wrong one stays as typed, the message under it,
 * checked again as it is corrected; Esc goes back one question keeping
 * every answer (on the first it skips the setup).  Nothing is written
 * until the last answer, and then all in one transaction.  The plan is
 * reviewed as it is typed (core/findings.h); one whose review has a
 * warning asks the second yes before anything is written (findings.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/med.h"
#include "db/plan.h"
#include "db/db.h"
#include "core/findings.h"
#include "core/setup.h"
#include "core/taper.h"
#include "findings.h"
#include "tui.h"
#include "core/med.h"
#include "core/plan.h"
#include "core/records.h"

enum { Q_NAME = WN_SETUP_NAME, Q_FORM = WN_SETUP_FORM, Q_DOSE = WN_SETUP_DOSE,
       Q_PLAN = WN_SETUP_PLAN, Q_COUNT = WN_SETUP_COUNT };

#define WELCOME "Welcome to wean. A few questions to set up your diary;" \
	" Esc goes back one question (on the first, it skips the setup)."

/* The setup screen's state: the question asked, the answers so far, and
 * the plan being answered with its review. */
struct setup {
	int q;
	bool open;
	struct wn_edit line;
	char ans[Q_COUNT][128];
	struct wn_plan_built built;    /* the plan typed so far, and its */
	struct wn_review review;       /* review, when reviewed */
	bool reviewed;
	bool asking;                   /* the second yes is being asked */
	char problem[WN_ERR_MSG];      /* why the plan typed cannot be made */
	char error[WN_ERR_MSG];        /* why the answer cannot be taken */
};

static void free_review(struct setup *su)
{
	wn_review_free(&su->review);
	wn_plan_built_free(&su->built);
	memset(&su->review, 0, sizeof su->review);
	memset(&su->built, 0, sizeof su->built);
	su->reviewed = false;
}

static int setup_enter(struct wn_ui *ui, void *state, struct wn_err *err)
{
	(void)ui;
	(void)err;
	struct setup *su = state;
	if (su->open)
		wn_edit_free(&su->line);
	free_review(su);
	memset(su, 0, sizeof *su);
	su->open = wn_edit_init(&su->line, NULL, 120, false) == WN_OK;
	return WN_OK;
}

/* Under the plan question, from row y: the plan's review in a few words
 * while it is typed, in full while the second yes is asked. */
static void draw_review(struct wn_ui *ui, const struct setup *su, int y)
{
	char counts[96], line[256];
	int w = ui->cols - 4;
	if (su->problem[0] && !su->error[0]) {
		wn_ui_put_wrapped(ui, WN_CELL(y, 2, w, WN_R_DIM), su->problem, 2);
		return;
	}
	if (!su->reviewed)
		return;
	const struct wn_schedule *s = &su->built.sched;
	char n1[32], n2[32];
	wn_findings_counts(&su->review, counts, sizeof counts);
	snprintf(line, sizeof line, "the plan: %d steps, %s mg to %s mg; review: %s", s->n,
	         wn_text_num(s->steps[0].dose, 3, n1, sizeof n1),
	         wn_text_num(s->steps[s->n - 1].dose, 3, n2, sizeof n2), counts);
	y += wn_ui_put_wrapped(ui, WN_CELL(y, 2, w, WN_R_HEADING), line, 2);
	int rows = ui->rows - 2 - y - 1;
	wn_ui_findings_draw(ui, &su->review, WN_BOX(y, 2, su->asking ? rows : 3, w),
	                    !su->asking);
	if (su->asking) {
		wn_findings_question("Save this plan", &su->review, line, sizeof line);
		wn_ui_ask_draw(ui, line);
	}
}

/* The answers given, one row each: "name: sertraline". */
static int draw_answers(struct wn_ui *ui, const struct setup *su, int y)
{
	static const char *const label[Q_COUNT] = {
		[Q_NAME] = "medication", [Q_FORM] = "form", [Q_DOSE] = "daily dose",
		[Q_PLAN] = "plan",
	};
	int rows = 0;
	for (int i = 0; i < su->q && i < Q_COUNT; i++) {
		char done[192];
		snprintf(done, sizeof done, "%s: %s%s", label[i],
		         su->ans[i][0] ? su->ans[i] : "none",
		         i == Q_DOSE && su->ans[i][0] ? " mg" : "");
		rows += wn_ui_put_wrapped(ui, WN_CELL(y + rows, 2, ui->cols - 4, WN_R_DIM),
		                          done, 2);
	}
	return rows;
}

/* The question asked, the answer being typed under it (without a cursor
 * while the second yes is asked) and why it cannot be taken. */
static int draw_question(struct wn_ui *ui, struct setup *su, int y)
{
	int w = ui->cols - 4, rows;
	rows = wn_ui_put_wrapped(ui, WN_CELL(y, 2, w, WN_R_NORMAL),
	                         wn_setup_question(su->q), 2);
	wn_ui_put(ui, WN_CELL(y + rows, 2, 2, WN_R_HEADING), ">");
	if (su->asking)
		wn_ui_put(ui, WN_CELL(y + rows, 4, w - 2, WN_R_NORMAL), su->line.s);
	else
		wn_edit_draw(ui, &su->line, WN_BOX(y + rows, 4, 1, w - 2));
	rows++;
	return rows + wn_ui_put_wrapped(ui, WN_CELL(y + rows, 2, w, WN_R_ERROR),
	                                su->error, 3);
}

static void setup_draw(struct wn_ui *ui, void *state)
{
	struct setup *su = state;
	int y = ui->body_top + 1, w = ui->cols - 4;
	if (!su->asking)    /* the review in full needs the rows */
		y += wn_ui_put_wrapped(ui, WN_CELL(y, 2, w, WN_R_HEADING), WELCOME, 2) + 1;
	y += draw_answers(ui, su, y);
	if (!su->open || su->q >= Q_COUNT)
		return;
	y += draw_question(ui, su, y) + 1;
	y += wn_ui_put_wrapped(ui, WN_CELL(y, 2, w, WN_R_DIM), WN_PLAN_DISCLAIMER, 2) + 1;
	if (su->q == Q_PLAN)
		draw_review(ui, su, y);
}

/* The medication answered, with its form (*n_forms 0 or 1). */
static int answered_med(const struct setup *su, struct wn_med *m, struct wn_med_form *f,
                        int *n_forms, struct wn_err *err)
{
	memset(m, 0, sizeof *m);
	if (wn_text_check_name(su->ans[Q_NAME], m->name, sizeof m->name, err) != WN_OK)
		return err->code;
	snprintf(m->unit, sizeof m->unit, "mg");
	*n_forms = su->ans[Q_FORM][0] != '\0';
	return *n_forms ? wn_med_form_parse(su->ans[Q_FORM], m->unit, f, err) : WN_OK;
}

/* The plan an answer "N D" makes: cut N% every D days from today. */
static int plan_spec(const struct wn_ui *ui, const struct setup *su, const char *a,
                     struct wn_plan_spec *s, struct wn_err *err)
{
	double step;
	int every;
	int rc = wn_setup_plan_parse(a, &step, &every, err);
	if (rc != WN_OK)
		return rc;
	*s = (struct wn_plan_spec){ .method = WN_TAPER_PERCENT, .start = ui->today,
		.from_dose = wn_setup_dose(su->ans[Q_DOSE]), .step = step,
		.every_days = every, .agreed_on = WN_DATE_NONE };
	return WN_OK;
}

/* Makes and reviews the plan answer a would give (or says why not). */
static void review_plan(const struct wn_ui *ui, struct setup *su, const char *a)
{
	struct wn_err err = { 0 };
	struct wn_plan_spec s;
	struct wn_med m;
	struct wn_med_form mf;
	struct wn_form form;
	int nf = 0;
	free_review(su);
	su->problem[0] = '\0';
	if (!*a)
		return;
	int rc = answered_med(su, &m, &mf, &nf, &err);
	if (rc == WN_OK)
		rc = plan_spec(ui, su, a, &s, &err);
	if (rc == WN_OK && nf)
		wn_plan_form_from_med(&mf, &form);
	struct wn_findings_plan in = { &s, &m, &form, nf };
	if (rc == WN_OK)
		rc = wn_findings_spec(&in, &su->built, &su->review, &err);
	su->reviewed = rc == WN_OK && su->built.sched.n > 0;
	if (!su->reviewed) {
		free_review(su);
		snprintf(su->problem, sizeof su->problem, "%s",
		         rc == WN_OK ? "the plan has no steps" : err.msg);
	}
}

static int add_med(struct wn_ui *ui, const struct setup *su, long *id,
                   struct wn_err *err)
{
	struct wn_med m;
	struct wn_med_form f;
	int nf = 0;
	int rc = answered_med(su, &m, &f, &nf, err);
	if (rc == WN_OK)
		rc = wn_db_med_create(ui->db, &m, &f, (size_t)nf, err);
	*id = m.id;
	return rc;
}

/* The plan answered, with its review as the warnings said yes to. */
static int add_plan(struct wn_ui *ui, const struct setup *su, long id,
                    struct wn_err *err)
{
	struct wn_plan_spec s;
	if (!su->ans[Q_PLAN][0])
		return WN_OK;
	int rc = plan_spec(ui, su, su->ans[Q_PLAN], &s, err);
	s.med_id = id;
	s.accepted = su->reviewed ? &su->review : NULL;
	return rc == WN_OK ? wn_db_plan_add(ui->db, &s, NULL, err) : rc;
}

/* All answers in one transaction; when they cannot be written, the plan
 * question again with every answer kept and the reason under it. */
static void finish(struct wn_ui *ui, struct setup *su)
{
	struct wn_err err = { 0 };
	long id = 0;
	int rc = wn_db_begin(ui->db, &err);
	if (rc == WN_OK && (rc = add_med(ui, su, &id, &err)) == WN_OK &&
	    (rc = add_plan(ui, su, id, &err)) == WN_OK)
		rc = wn_db_commit(ui->db, &err);
	else if (rc != WN_OK && err.code != WN_TEMPFAIL)
		wn_db_rollback(ui->db);
	if (rc != WN_OK) {
		wn_ui_msg_err(ui, "not saved", &err);
		su->q = su->ans[Q_DOSE][0] ? Q_PLAN : Q_DOSE;
		wn_edit_set(&su->line, su->ans[su->q]);
		snprintf(su->error, sizeof su->error, "not saved: %.400s", err.msg);
		review_plan(ui, su, su->ans[Q_PLAN]);
		return;
	}
	ui->gen++;
	wn_ui_msg(ui, WN_R_SAVED, "%s added; the Plan screen (F3) shows it",
	          su->ans[Q_NAME]);
	wn_ui_goto_screen(ui, &wn_screen_today);
}

/* Asks question q, its answer as last typed (kept when going back). */
static void ask(struct wn_ui *ui, struct setup *su, int q)
{
	su->q = q;
	su->error[0] = '\0';
	su->asking = false;
	wn_edit_set(&su->line, su->ans[q]);
	if (q == Q_PLAN)
		review_plan(ui, su, su->ans[q]);
	else
		free_review(su);
}

/* Keeps answer a and asks the next question (or writes them all). */
static void next_question(struct wn_ui *ui, struct setup *su, const char *a)
{
	snprintf(su->ans[su->q], sizeof su->ans[su->q], "%s", a);
	int q = su->q + 1;
	if (q == Q_PLAN && !su->ans[Q_DOSE][0])
		q++;
	if (q >= Q_COUNT) {
		su->q = Q_COUNT;
		finish(ui, su);
	} else {
		ask(ui, su, q);
	}
}

/* Esc: back one question, every answer kept (the one being typed too);
 * on the first question it skips the setup. */
static void go_back(struct wn_ui *ui, struct setup *su)
{
	if (su->q == Q_NAME) {
		struct wn_err e = { 0 };
		/* remembered, so a skipped setup is not offered again */
		wn_db_meta_set(ui->db, "setup_skipped", "1", &e);
		wn_ui_msg(ui, WN_R_DIM, "setup skipped; `wean med add` adds a"
		          " medication later");
		wn_ui_goto_screen(ui, &wn_screen_today);
		return;
	}
	snprintf(su->ans[su->q], sizeof su->ans[su->q], "%s", su->line.s);
	int q = su->q - 1;
	if (q == Q_PLAN && !su->ans[Q_DOSE][0])
		q--;
	ask(ui, su, q);
}

/* Checks the answer typed; the message stays under the question. */
static bool answer_ok(struct setup *su, const char *a)
{
	struct wn_err err = { 0 };
	su->error[0] = '\0';
	if (wn_setup_check(su->q, a, &err) == WN_OK)
		return true;
	snprintf(su->error, sizeof su->error, "%s", err.msg);
	return false;
}

/* Enter on the plan question: a plan that cannot be made is named; one
 * whose review has a warning asks the second yes first. */
static bool plan_ready(struct wn_ui *ui, struct setup *su, const char *a)
{
	review_plan(ui, su, a);
	if (*a && !su->reviewed) {
		snprintf(su->error, sizeof su->error, "%s", su->problem);
		return false;
	}
	su->asking = *a && su->review.n_warnings > 0;
	return !su->asking;
}

/* The answer to the second yes: y writes everything; any other key goes
 * back to the plan question, the answer as it was. */
static void answer(struct wn_ui *ui, struct setup *su, const struct wn_input *in)
{
	su->asking = false;
	if (wn_ui_ask_yes(in))
		next_question(ui, su, su->line.s + strspn(su->line.s, " "));
	else
		wn_ui_msg(ui, WN_R_DIM, "not saved; the plan is as you typed it");
}

/* A key changed the answer: the plan is reviewed again, and an answer
 * shown as wrong is checked again, so the message goes when it is
 * fixed. */
static void edited(struct wn_ui *ui, struct setup *su)
{
	const char *a = su->line.s + strspn(su->line.s, " ");
	if (su->error[0])
		answer_ok(su, a);
	if (su->q == Q_PLAN)
		review_plan(ui, su, a);
}

static void setup_text(struct wn_ui *ui, void *state, const struct wn_input *in)
{
	struct setup *su = state;
	int arg;
	if (su->asking) {
		answer(ui, su, in);
		return;
	}
	const struct wn_binding *b = wn_ui_lookup(WN_SC_PROMPT, in, &arg);
	if (b && b->action == WN_A_TEXT_CANCEL) {
		go_back(ui, su);
	} else if (b && b->action == WN_A_TEXT_DONE) {
		const char *a = su->line.s + strspn(su->line.s, " ");
		if (answer_ok(su, a) && (su->q != Q_PLAN || plan_ready(ui, su, a)))
			next_question(ui, su, a);
	} else if (wn_edit_key(&su->line, in, ui->cols - 6) == WN_EDIT_CHANGED) {
		edited(ui, su);
	}
}

static bool setup_action(struct wn_ui *ui, void *state, int action, int arg)
{
	(void)ui;
	(void)state;
	(void)action;
	(void)arg;
	return false;
}

static unsigned setup_scope(struct wn_ui *ui, void *state)
{
	(void)ui;
	const struct setup *su = state;
	return su->asking ? WN_SC_ASK : WN_SC_PROMPT;
}

static void setup_fini(struct wn_ui *ui, void *state)
{
	(void)ui;
	struct setup *su = state;
	if (su->open)
		wn_edit_free(&su->line);
	su->open = false;
	free_review(su);
}

const struct wn_screen wn_screen_setup = {
	.name = "Welcome",
	.number = 0,
	.scope = WN_SC_PROMPT,
	.state_size = sizeof(struct setup),
	.enter = setup_enter,
	.draw = setup_draw,
	.action = setup_action,
	.scope_now = setup_scope,
	.text_input = setup_text,
	.fini = setup_fini,
};
