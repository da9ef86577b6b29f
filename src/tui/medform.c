/* SPDX-License-Identifier: GPL-3.0-or-later */
/* medform.c -- adding a medication on the Plan screen: name, unit and
 * forms, with what wean's drug reference knows about the name shown as it
 * is typed.  Nothing is written until "add"; then the medication and its
 * forms are stored together (med.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/med.h"
#include "db/plan.h"
#include "planform.h"
#include "core/med.h"
#include "core/plan.h"
#include "core/records.h"

enum { F_NAME, F_UNIT, F_FORMS, F_ADD, F_COUNT };

#define FIELD_MAX 400
#define LABEL_W 9
#define INPUT_W 34

static const char *const labels[F_COUNT] = { "name", "unit", "forms", "" };
static const char *const hints[F_COUNT] = {
	"as on the box, e.g. sertraline",
	"mg, mcg, mL, g, drops or units",
	"e.g. tablet 50 mg half; liquid 20 mg/ml",
	"",
};

struct wn_medform {
	struct wn_edit f[F_ADD];
	int cur;
	struct wn_med med;
	struct wn_med_form forms[WN_MED_MAX_FORMS];
	size_t n_forms;
	char problem[WN_ERR_MSG];
	char known[3][256];      /* what the drug reference says */
};

/* The forms field: forms separated by ';'. */
static int read_forms(struct wn_medform *mf, struct wn_err *err)
{
	char buf[FIELD_MAX + 1];
	mf->n_forms = 0;
	snprintf(buf, sizeof buf, "%s", mf->f[F_FORMS].s);
	for (char *save = NULL, *t = strtok_r(buf, ";", &save); t; t = strtok_r(NULL, ";", &save)) {
		t += strspn(t, " ");
		if (!*t)
			continue;
		if (mf->n_forms >= WN_MED_MAX_FORMS)
			return wn_err_set(err, WN_USAGE, "forms: at most %d", WN_MED_MAX_FORMS);
		if (wn_med_form_parse(t, mf->med.unit, &mf->forms[mf->n_forms], err) != WN_OK)
			return WN_DATAERR;
		mf->n_forms++;
	}
	return WN_OK;
}

static void look_up(struct wn_medform *mf)
{
	struct wn_drug d;
	memset(mf->known, 0, sizeof mf->known);
	if (!mf->med.name[0] || wn_plan_drug(&mf->med, &d, NULL) != WN_OK)
		return;
	snprintf(mf->known[0], sizeof mf->known[0], "wean knows %s: %s, half-life %s h%s", d.name,
	         d.drug_class, d.half_life_h[0] ? d.half_life_h : "?",
	         d.has_sert ? "; occupancy parameters for the occupancy method" : "");
	size_t k = 0;
	for (int i = 0; i < d.n_forms && k + 40 < sizeof mf->known[1]; i++) {
		char fb[WN_FORM_LABEL + 64];
		wn_taper_form_format(&d.forms[i], fb, sizeof fb);
		k += (size_t)snprintf(mf->known[1] + k, sizeof mf->known[1] - k, "%s%s",
		                      i ? "; " : "on the market: ", fb);
	}
	if (d.diazepam_equiv_text[0])
		snprintf(mf->known[2], sizeof mf->known[2], "about %s mg equals 10 mg diazepam"
		         " (approximate)", d.diazepam_equiv_text);
}

static void check(struct wn_medform *mf)
{
	struct wn_err err = { 0 };
	mf->problem[0] = '\0';
	snprintf(mf->med.name, sizeof mf->med.name, "%s", mf->f[F_NAME].s + strspn(mf->f[F_NAME].s, " "));
	look_up(mf);
	int rc = wn_med_unit_check(mf->f[F_UNIT].s + strspn(mf->f[F_UNIT].s, " "), mf->med.unit,
	                           sizeof mf->med.unit, &err);
	if (rc == WN_OK)
		rc = read_forms(mf, &err);
	if (rc != WN_OK)
		snprintf(mf->problem, sizeof mf->problem, "%s", err.msg);
}

void wn_medform_free(struct wn_medform *mf)
{
	if (!mf)
		return;
	for (int i = 0; i < F_ADD; i++)
		wn_edit_free(&mf->f[i]);
	free(mf);
}

struct wn_medform *wn_medform_open(struct wn_ui *ui)
{
	static const char *const init[F_ADD] = { "", "mg", "" };
	struct wn_medform *mf = calloc(1, sizeof *mf);
	for (int i = 0; mf && i < F_ADD; i++)
		if (wn_edit_init(&mf->f[i], init[i], FIELD_MAX, false) != WN_OK) {
			wn_medform_free(mf);
			mf = NULL;
		}
	if (!mf) {
		wn_ui_msg(ui, WN_R_ERROR, "out of memory");
		return NULL;
	}
	check(mf);
	return mf;
}

const struct wn_med *wn_medform_added(const struct wn_medform *mf)
{
	return &mf->med;
}

void wn_medform_draw(struct wn_ui *ui, struct wn_medform *mf)
{
	int y = ui->body_top, w = ui->cols - 2;
	wn_ui_put(ui, WN_CELL(y++, 1, w, WN_R_HEADING), "Add a medication");
	for (int i = 0; i < F_ADD; i++, y++) {
		wn_ui_put(ui, WN_CELL(y, 1, 2, WN_R_FOCUS), i == mf->cur ? ui->g->focus : "");
		wn_ui_put(ui, WN_CELL(y, 3, LABEL_W, WN_R_NORMAL), labels[i]);
		if (i != mf->cur)
			wn_ui_put_pad(ui, WN_CELL(y, 3 + LABEL_W, INPUT_W, WN_R_VALUE), mf->f[i].s);
		if (w > 4 + LABEL_W + INPUT_W)
			wn_ui_put(ui, WN_CELL(y, 4 + LABEL_W + INPUT_W, w - 3 - LABEL_W - INPUT_W,
			                      WN_R_DIM), hints[i]);
	}
	wn_ui_put(ui, WN_CELL(y, 1, 2, WN_R_FOCUS), mf->cur == F_ADD ? ui->g->focus : "");
	int aw = wn_ui_put(ui, WN_CELL(y, 3, w - 3, mf->cur == F_ADD ? WN_R_FOCUS : WN_R_NORMAL),
	                   "[ add this medication ]");
	wn_ui_put(ui, WN_CELL(y, 5 + aw, w - 5 - aw, WN_R_DIM),
	          "Up/Down: fields; Enter here adds; Esc cancels");
	y += 2;
	if (mf->problem[0])
		wn_ui_put(ui, WN_CELL(y++, 1, w, WN_R_ERROR), mf->problem);
	for (int i = 0; i < 3; i++)
		if (mf->known[i][0])
			y += wn_edit_draw_text(ui, mf->known[i], WN_BOX(y, 1, 2, w));
	if (mf->cur < F_ADD)
		wn_edit_draw(ui, &mf->f[mf->cur], WN_BOX(ui->body_top + 1 + mf->cur, 3 + LABEL_W, 1,
		                                      INPUT_W));
}

static bool add(struct wn_ui *ui, struct wn_medform *mf)
{
	struct wn_err err = { 0 };
	check(mf);
	if (!mf->problem[0] && !mf->med.name[0])
		snprintf(mf->problem, sizeof mf->problem, "name: the medication's name, please");
	if (mf->problem[0]) {
		wn_ui_msg(ui, WN_R_ERROR, "not added: %s", mf->problem);
		return false;
	}
	if (wn_db_med_create(ui->db, &mf->med, mf->forms, mf->n_forms, &err) != WN_OK) {
		wn_ui_msg_err(ui, "not added", &err);
		return false;
	}
	wn_ui_msg(ui, WN_R_SAVED, "added %s; press a to make its plan", mf->med.name);
	return true;
}

int wn_medform_input(struct wn_ui *ui, struct wn_medform *mf,
                     const struct wn_input *in)
{
	int arg;
	const struct wn_binding *b = wn_ui_lookup(WN_SC_PROMPT, in, &arg);
	if (b && b->action == WN_A_TEXT_CANCEL) {
		wn_ui_msg(ui, WN_R_DIM, "no medication added");
		return WN_FORM_CANCELLED;
	}
	if (b && b->action == WN_A_TEXT_DONE && mf->cur == F_ADD)
		return add(ui, mf) ? WN_FORM_SAVED : WN_FORM_OPEN;
	if ((b && b->action == WN_A_TEXT_DONE) || (in->kind == WN_K_FN && in->ch == KEY_DOWN) ||
	    (in->kind == WN_K_CHAR && in->ch == '\t'))
		mf->cur = (mf->cur + 1) % F_COUNT;
	else if (in->kind == WN_K_FN && (in->ch == KEY_UP || in->ch == KEY_BTAB))
		mf->cur = (mf->cur + F_COUNT - 1) % F_COUNT;
	else if (mf->cur < F_ADD && wn_edit_key(&mf->f[mf->cur], in, INPUT_W) == WN_EDIT_CHANGED)
		check(mf);
	return WN_FORM_OPEN;
}
