/* SPDX-License-Identifier: GPL-3.0-or-later */
/* setup.c -- first run: with no medication in the diary, ask for one
 * (name, a form, the current dose and, optionally, a percent taper plan)
 * instead of showing empty screens.  Esc skips; nothing is written until
 * the last answer, and then all in one transaction.  The plan is reviewed
 * as it is typed (core/findings.h); one whose review has a warning asks
 * the second yes before anything is written (findings.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/med.h"
#include "db/plan.h"
#include "db/db.h"
#include "core/findings.h"
#include "core/taper.h"
#include "findings.h"
#include "tui.h"
#include "core/med.h"
#include "core/plan.h"
#include "core/records.h"

enum { Q_NAME, Q_FORM, Q_DOSE, Q_PLAN, Q_COUNT };

static const char *const questions[Q_COUNT] = {
	[Q_NAME] = "medication name (e.g. sertraline): ",
	[Q_FORM] = "form (e.g. tablet 50 mg /2), Enter for none: ",
	[Q_DOSE] = "current daily dose in mg: ",
	[Q_PLAN] = "a plan? cut N% every D days as \"N D\", Enter for none: ",
};

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
	int w = ui->cols - 4, rows = ui->rows - 2 - y - 1;
	if (su->problem[0]) {
		wn_ui_put(ui, WN_CELL(y, 2, w, WN_R_DIM), su->problem);
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
	wn_ui_put(ui, WN_CELL(y, 2, w, WN_R_HEADING), line);
	wn_ui_findings_draw(ui, &su->review, WN_BOX(y + 1, 2, su->asking ? rows : 3, w),
	                    !su->asking);
	if (su->asking) {
		wn_findings_question("Save this plan", &su->review, line, sizeof line);
		wn_ui_ask_draw(ui, line);
	}
}

static void setup_draw(struct wn_ui *ui, void *state)
{
	struct setup *su = state;
	int y = ui->body_top + 1;
	wn_ui_put(ui, WN_CELL(y, 2, ui->cols - 4, WN_R_HEADING),
	          "Welcome to wean. A few questions to set up your diary"
	          " (Esc skips them):");
	for (int i = 0; i < su->q && i < Q_COUNT; i++) {
		char done[256];
		snprintf(done, sizeof done, "%s%s", questions[i],
		         su->ans[i][0] ? su->ans[i] : "-");
		wn_ui_put(ui, WN_CELL(y + 2 + i, 2, ui->cols - 4, WN_R_DIM), done);
	}
	if (!su->open || su->q >= Q_COUNT)
		return;
	int w = wn_ui_put(ui, WN_CELL(y + 2 + su->q, 2, ui->cols / 2 + 10,
	                              WN_R_NORMAL), questions[su->q]);
	wn_ui_put(ui, WN_CELL(y + 8, 2, ui->cols - 4, WN_R_DIM),
	          WN_PLAN_DISCLAIMER);
	if (su->q == Q_PLAN)
		draw_review(ui, su, y + 10);
	if (su->asking)      /* the answer asked about, without a cursor */
		wn_ui_put(ui, WN_CELL(y + 2 + su->q, 2 + w, ui->cols - 4 - w, WN_R_NORMAL),
		          su->line.s);
	else
		wn_edit_draw(ui, &su->line, WN_BOX(y + 2 + su->q, 2 + w, 1, ui->cols - 4 - w));
}

/* The medication answered, with its form (*n_forms 0 or 1). */
static int answered_med(const struct setup *su, struct wn_med *m, struct wn_med_form *f,
                        int *n_forms, struct wn_err *err)
{
	memset(m, 0, sizeof *m);
	snprintf(m->name, sizeof m->name, "%.64s", su->ans[Q_NAME]);
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
	if (sscanf(a, "%lf %d", &step, &every) != 2)
		return wn_err_set(err, WN_USAGE, "a plan is two numbers: the %% cut"
		                  " and the days between cuts, e.g. 10 28");
	*s = (struct wn_plan_spec){ .method = WN_TAPER_PERCENT, .start = ui->today,
		.from_dose = strtod(su->ans[Q_DOSE], NULL), .step = step,
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

/* All answers in one transaction. */
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
		su->q = 0;
		free_review(su);
		return;
	}
	ui->gen++;
	wn_ui_msg(ui, WN_R_SAVED, "%s added; the Plan screen (F3) shows it",
	          su->ans[Q_NAME]);
	wn_ui_goto_screen(ui, &wn_screen_today);
}

static bool answer_ok(struct wn_ui *ui, const struct setup *su, const char *a)
{
	char *end;
	if (su->q == Q_NAME && !a[0]) {
		wn_ui_msg(ui, WN_R_ERROR, "a name, please (Esc skips the setup)");
		return false;
	}
	if (su->q == Q_DOSE && a[0] && (strtod(a, &end) <= 0 || *end)) {
		wn_ui_msg(ui, WN_R_ERROR, "a dose above 0, e.g. 50");
		return false;
	}
	return true;
}

/* Keeps answer a and asks the next question (or writes them all). */
static void next_question(struct wn_ui *ui, struct setup *su, const char *a)
{
	snprintf(su->ans[su->q], sizeof su->ans[su->q], "%s", a);
	wn_edit_set(&su->line, "");
	su->q++;
	if (su->q == Q_PLAN && !su->ans[Q_DOSE][0])
		su->q++;
	if (su->q >= Q_COUNT)
		finish(ui, su);
}

/* Enter on the plan question: a plan that cannot be made is named; one
 * whose review has a warning asks the second yes first. */
static bool plan_ready(struct wn_ui *ui, struct setup *su, const char *a)
{
	review_plan(ui, su, a);
	if (*a && !su->reviewed) {
		wn_ui_msg(ui, WN_R_ERROR, "%s", su->problem);
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
		struct wn_err e = { 0 };
		/* remembered, so a skipped setup is not offered again */
		wn_db_meta_set(ui->db, "setup_skipped", "1", &e);
		wn_ui_msg(ui, WN_R_DIM, "setup skipped; `wean med add` adds a"
		          " medication later");
		wn_ui_goto_screen(ui, &wn_screen_today);
	} else if (b && b->action == WN_A_TEXT_DONE) {
		const char *a = su->line.s + strspn(su->line.s, " ");
		if (answer_ok(ui, su, a) && (su->q != Q_PLAN || plan_ready(ui, su, a)))
			next_question(ui, su, a);
	} else if (wn_edit_key(&su->line, in, ui->cols) == WN_EDIT_CHANGED &&
	           su->q == Q_PLAN) {
		review_plan(ui, su, su->line.s + strspn(su->line.s, " "));
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
