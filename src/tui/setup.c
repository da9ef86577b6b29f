/* ui_setup.c -- first run: with no medication in the diary, ask for one
 * (name, a form, the current dose and, optionally, a percent taper plan)
 * instead of showing empty screens.  Esc skips; nothing is written until
 * the last answer, and then all in one transaction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/med.h"
#include "db/plan.h"
#include "db/db.h"
#include "core/taper.h"
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

static struct setup {
	int q;
	bool open;
	struct wn_edit line;
	char ans[Q_COUNT][128];
} S;

static int setup_enter(struct wn_ui *ui, struct wn_err *err)
{
	(void)ui;
	(void)err;
	if (S.open)
		wn_edit_free(&S.line);
	memset(&S, 0, sizeof S);
	S.open = wn_edit_init(&S.line, NULL, 120, false) == WN_OK;
	return WN_OK;
}

static void setup_draw(struct wn_ui *ui)
{
	int y = ui->body_top + 1;
	wn_ui_put(ui, WN_CELL(y, 2, ui->cols - 4, WN_R_HEADING),
	          "Welcome to wean. A few questions to set up your diary"
	          " (Esc skips them):");
	for (int i = 0; i < S.q && i < Q_COUNT; i++) {
		char done[256];
		snprintf(done, sizeof done, "%s%s", questions[i],
		         S.ans[i][0] ? S.ans[i] : "-");
		wn_ui_put(ui, WN_CELL(y + 2 + i, 2, ui->cols - 4, WN_R_DIM), done);
	}
	if (!S.open || S.q >= Q_COUNT)
		return;
	int w = wn_ui_put(ui, WN_CELL(y + 2 + S.q, 2, ui->cols / 2 + 10,
	                              WN_R_NORMAL), questions[S.q]);
	wn_edit_draw(ui, &S.line, WN_BOX(y + 2 + S.q, 2 + w, 1, ui->cols - 4 - w));
	wn_ui_put(ui, WN_CELL(y + 8, 2, ui->cols - 4, WN_R_DIM),
	          WN_PLAN_DISCLAIMER);
}

static int add_med(struct wn_ui *ui, long *id, struct wn_err *err)
{
	struct wn_med m = { 0 };
	struct wn_med_form f;
	snprintf(m.name, sizeof m.name, "%.64s", S.ans[Q_NAME]);
	snprintf(m.unit, sizeof m.unit, "mg");
	bool form = S.ans[Q_FORM][0] != '\0';
	int rc = form ? wn_med_form_parse(S.ans[Q_FORM], m.unit, &f, err) : WN_OK;
	if (rc == WN_OK)
		rc = wn_db_med_create(ui->db, &m, &f, form ? 1 : 0, err);
	*id = m.id;
	return rc;
}

static int add_plan(struct wn_ui *ui, long id, struct wn_err *err)
{
	double dose = strtod(S.ans[Q_DOSE], NULL), step;
	int every;
	if (!S.ans[Q_PLAN][0])
		return WN_OK;
	if (sscanf(S.ans[Q_PLAN], "%lf %d", &step, &every) != 2)
		return wn_err_set(err, WN_USAGE, "a plan is two numbers: the %% cut"
		                  " and the days between cuts, e.g. 10 28");
	struct wn_plan_spec s = { .med_id = id, .method = WN_TAPER_PERCENT,
		.start = ui->today, .from_dose = dose, .step = step,
		.every_days = every };
	return wn_db_plan_add(ui->db, &s, NULL, err);
}

/* All answers in one transaction. */
static void finish(struct wn_ui *ui)
{
	struct wn_err err = { 0 };
	long id = 0;
	int rc = wn_db_begin(ui->db, &err);
	if (rc == WN_OK && (rc = add_med(ui, &id, &err)) == WN_OK &&
	    (rc = add_plan(ui, id, &err)) == WN_OK)
		rc = wn_db_commit(ui->db, &err);
	else if (rc != WN_OK && err.code != WN_TEMPFAIL)
		wn_db_rollback(ui->db);
	if (rc != WN_OK) {
		wn_ui_msg_err(ui, "not saved", &err);
		S.q = 0;
		return;
	}
	ui->gen++;
	wn_ui_msg(ui, WN_R_SAVED, "%s added; the Plan screen (3) shows it",
	          S.ans[Q_NAME]);
	wn_ui_goto_screen(ui, &wn_screen_today);
}

static bool answer_ok(struct wn_ui *ui, const char *a)
{
	char *end;
	if (S.q == Q_NAME && !a[0]) {
		wn_ui_msg(ui, WN_R_ERROR, "a name, please (Esc skips the setup)");
		return false;
	}
	if (S.q == Q_DOSE && a[0] && (strtod(a, &end) <= 0 || *end)) {
		wn_ui_msg(ui, WN_R_ERROR, "a dose above 0, e.g. 50");
		return false;
	}
	return true;
}

static void setup_text(struct wn_ui *ui, const struct wn_input *in)
{
	int arg;
	const struct wn_binding *b = wn_ui_lookup(WN_SC_PROMPT, in, &arg);
	if (b && b->action == WN_A_TEXT_CANCEL) {
		struct wn_err e = { 0 };
		/* remembered, so a skipped setup is not offered again */
		wn_db_meta_set(ui->db, "setup_skipped", "1", &e);
		wn_ui_msg(ui, WN_R_DIM, "setup skipped; `wean med add` adds a"
		          " medication later");
		wn_ui_goto_screen(ui, &wn_screen_today);
	} else if (b && b->action == WN_A_TEXT_DONE) {
		const char *a = S.line.s + strspn(S.line.s, " ");
		if (!answer_ok(ui, a))
			return;
		snprintf(S.ans[S.q], sizeof S.ans[S.q], "%s", a);
		wn_edit_set(&S.line, "");
		S.q++;
		if (S.q == Q_PLAN && !S.ans[Q_DOSE][0])
			S.q++;
		if (S.q >= Q_COUNT)
			finish(ui);
	} else {
		wn_edit_key(&S.line, in, ui->cols);
	}
}

static bool setup_action(struct wn_ui *ui, int action, int arg)
{
	(void)ui;
	(void)action;
	(void)arg;
	return false;
}

static unsigned setup_scope(struct wn_ui *ui)
{
	(void)ui;
	return WN_SC_PROMPT;
}

static void setup_fini(struct wn_ui *ui)
{
	(void)ui;
	if (S.open)
		wn_edit_free(&S.line);
	S.open = false;
}

const struct wn_screen wn_screen_setup = {
	.name = "Welcome",
	.number = 0,
	.scope = WN_SC_PROMPT,
	.enter = setup_enter,
	.draw = setup_draw,
	.action = setup_action,
	.scope_now = setup_scope,
	.text_input = setup_text,
	.fini = setup_fini,
};
