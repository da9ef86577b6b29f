/* setup.c -- first run: with no medication in the diary, ask for one
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

/* The setup screen's state: the question asked, the answers so far. */
struct setup {
	int q;
	bool open;
	struct wn_edit line;
	char ans[Q_COUNT][128];
};

static int setup_enter(struct wn_ui *ui, void *state, struct wn_err *err)
{
	(void)ui;
	(void)err;
	struct setup *su = state;
	if (su->open)
		wn_edit_free(&su->line);
	memset(su, 0, sizeof *su);
	su->open = wn_edit_init(&su->line, NULL, 120, false) == WN_OK;
	return WN_OK;
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
	wn_edit_draw(ui, &su->line, WN_BOX(y + 2 + su->q, 2 + w, 1, ui->cols - 4 - w));
	wn_ui_put(ui, WN_CELL(y + 8, 2, ui->cols - 4, WN_R_DIM),
	          WN_PLAN_DISCLAIMER);
}

static int add_med(struct wn_ui *ui, const struct setup *su, long *id,
                   struct wn_err *err)
{
	struct wn_med m = { 0 };
	struct wn_med_form f;
	snprintf(m.name, sizeof m.name, "%.64s", su->ans[Q_NAME]);
	snprintf(m.unit, sizeof m.unit, "mg");
	bool form = su->ans[Q_FORM][0] != '\0';
	int rc = form ? wn_med_form_parse(su->ans[Q_FORM], m.unit, &f, err) : WN_OK;
	if (rc == WN_OK)
		rc = wn_db_med_create(ui->db, &m, &f, form ? 1 : 0, err);
	*id = m.id;
	return rc;
}

static int add_plan(struct wn_ui *ui, const struct setup *su, long id,
                    struct wn_err *err)
{
	double dose = strtod(su->ans[Q_DOSE], NULL), step;
	int every;
	if (!su->ans[Q_PLAN][0])
		return WN_OK;
	if (sscanf(su->ans[Q_PLAN], "%lf %d", &step, &every) != 2)
		return wn_err_set(err, WN_USAGE, "a plan is two numbers: the %% cut"
		                  " and the days between cuts, e.g. 10 28");
	struct wn_plan_spec s = { .med_id = id, .method = WN_TAPER_PERCENT,
		.start = ui->today, .from_dose = dose, .step = step,
		.every_days = every };
	return wn_db_plan_add(ui->db, &s, NULL, err);
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
		return;
	}
	ui->gen++;
	wn_ui_msg(ui, WN_R_SAVED, "%s added; the Plan screen (3) shows it",
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

static void setup_text(struct wn_ui *ui, void *state, const struct wn_input *in)
{
	struct setup *su = state;
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
		const char *a = su->line.s + strspn(su->line.s, " ");
		if (!answer_ok(ui, su, a))
			return;
		snprintf(su->ans[su->q], sizeof su->ans[su->q], "%s", a);
		wn_edit_set(&su->line, "");
		su->q++;
		if (su->q == Q_PLAN && !su->ans[Q_DOSE][0])
			su->q++;
		if (su->q >= Q_COUNT)
			finish(ui, su);
	} else {
		wn_edit_key(&su->line, in, ui->cols);
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
	(void)state;
	return WN_SC_PROMPT;
}

static void setup_fini(struct wn_ui *ui, void *state)
{
	(void)ui;
	struct setup *su = state;
	if (su->open)
		wn_edit_free(&su->line);
	su->open = false;
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
