/* SPDX-License-Identifier: GPL-3.0-or-later */
/* medform.c -- adding a medication on the Plan screen: name, unit and
 * forms, with what wean's drug reference knows about the name shown as it
 * is typed.  Nothing is written until "add"; then the medication and its
 * forms are stored together (med.h).  The same form, opened on a
 * medication (E), changes it: name, unit and forms pre-filled, and on
 * "save" the differences written in one step (db/med.h's wn_db_med_edit,
 * which keeps a form a plan rounds to). */
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
	long edit_id;            /* the medication changed (E); 0: adding */
	struct wn_med was;       /* as it was */
	struct wn_med_form old[WN_MED_MAX_FORMS];   /* its forms as they were */
	size_t n_old;
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

/* The forms as one line, "tablet 50 mg half; liquid 20 mg/ml", as typed
 * when they were added. */
static void forms_line(const struct wn_medform *mf, char *buf, size_t n)
{
	size_t len = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < mf->n_old && len < n; i++)
		len += (size_t)snprintf(buf + len, n - len, "%s%s", i ? "; " : "", mf->old[i].label);
}

struct wn_medform *wn_medform_open_edit(struct wn_ui *ui, const struct wn_med *m)
{
	struct wn_err err = { 0 };
	struct wn_med_form *f;
	size_t n;
	char line[FIELD_MAX + 1];
	if (wn_db_form_list(ui->db, m->id, &f, &n, &err) != WN_OK) {
		wn_ui_msg_err(ui, "cannot read the forms", &err);
		return NULL;
	}
	if (n > WN_MED_MAX_FORMS) {
		free(f);
		wn_ui_msg(ui, WN_R_NOTICE, "too many forms to change here: use"
		          "  wean med edit %s", m->name);
		return NULL;
	}
	struct wn_medform *mf = wn_medform_open(ui);
	if (!mf) {
		free(f);
		return NULL;
	}
	mf->edit_id = m->id;
	mf->was = *m;
	mf->n_old = n;
	memcpy(mf->old, f, n * sizeof *f);
	free(f);
	forms_line(mf, line, sizeof line);
	const char *init[F_ADD] = { m->name, m->unit, line };
	for (int i = 0; i < F_ADD; i++) {
		wn_edit_free(&mf->f[i]);
		if (wn_edit_init(&mf->f[i], init[i], FIELD_MAX, false) != WN_OK) {
			wn_medform_free(mf);
			wn_ui_msg(ui, WN_R_ERROR, "out of memory");
			return NULL;
		}
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
	char title[WN_NAME_MAX + 16];
	snprintf(title, sizeof title, mf->edit_id ? "Change %s" : "Add a medication",
	         mf->was.name);
	wn_ui_put(ui, WN_CELL(y++, 1, w, WN_R_HEADING), title);
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
	                   mf->edit_id ? "[ save the changes ]" : "[ add this medication ]");
	wn_ui_put(ui, WN_CELL(y, 5 + aw, w - 5 - aw, WN_R_DIM), mf->edit_id ?
	          "Up/Down: fields; Enter here saves; Esc cancels" :
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
	struct wn_med have;
	if (wn_db_med_create(ui->db, &mf->med, mf->forms, mf->n_forms, &err) != WN_OK) {
		if (wn_db_med_find(ui->db, mf->med.name, &have, NULL) == WN_OK)
			wn_ui_msg(ui, WN_R_ERROR, "%s already exists: E on the Plan screen"
			          " (or wean med edit) changes it", have.name);
		else
			wn_ui_msg_err(ui, "not added", &err);
		return false;
	}
	wn_ui_msg(ui, WN_R_SAVED, "added %s; press a to make its plan", mf->med.name);
	return true;
}

/* Whether forms[0..n) has one whose text as typed is label. */
static bool has_label(const struct wn_med_form *forms, size_t n, const char *label)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(forms[i].label, label) == 0)
			return true;
	return false;
}

/* "save" of a change: what differs from the medication as it was,
 * written in one step. */
static bool save(struct wn_ui *ui, struct wn_medform *mf)
{
	struct wn_err err = { 0 };
	const char *remove[WN_MED_MAX_FORMS];
	struct wn_med_form add[WN_MED_MAX_FORMS];
	struct wn_med_edit e = { .remove = remove, .add = add };
	check(mf);
	if (!mf->problem[0] && !mf->med.name[0])
		snprintf(mf->problem, sizeof mf->problem, "name: the medication's name, please");
	if (mf->problem[0]) {
		wn_ui_msg(ui, WN_R_ERROR, "not saved: %s", mf->problem);
		return false;
	}
	for (size_t i = 0; i < mf->n_old; i++)
		if (!has_label(mf->forms, mf->n_forms, mf->old[i].label))
			remove[e.n_remove++] = mf->old[i].label;
	for (size_t i = 0; i < mf->n_forms; i++)
		if (!has_label(mf->old, mf->n_old, mf->forms[i].label))
			add[e.n_add++] = mf->forms[i];
	e.rename = strcmp(mf->med.name, mf->was.name) ? mf->med.name : NULL;
	e.unit = strcmp(mf->med.unit, mf->was.unit) ? mf->med.unit : NULL;
	if (!e.rename && !e.unit && !e.n_add && !e.n_remove) {
		wn_ui_msg(ui, WN_R_DIM, "nothing changed");
		return true;
	}
	struct wn_med m = { .id = mf->edit_id };
	if (wn_db_med_edit(ui->db, &m, &e, &err) != WN_OK) {
		wn_ui_msg_err(ui, "not saved", &err);
		return false;
	}
	mf->med = m;
	wn_ui_msg(ui, WN_R_SAVED, "changed %s%s", m.name, e.unit ?
	          " (recorded amounts keep their numbers)" : "");
	return true;
}

int wn_medform_input(struct wn_ui *ui, struct wn_medform *mf,
                     const struct wn_input *in)
{
	int arg;
	const struct wn_binding *b = wn_ui_lookup(WN_SC_PROMPT, in, &arg);
	if (b && b->action == WN_A_TEXT_CANCEL) {
		wn_ui_msg(ui, WN_R_DIM, mf->edit_id ? "nothing changed" : "no medication added");
		return WN_FORM_CANCELLED;
	}
	if (b && b->action == WN_A_TEXT_DONE && mf->cur == F_ADD)
		return (mf->edit_id ? save(ui, mf) : add(ui, mf)) ? WN_FORM_SAVED : WN_FORM_OPEN;
	if ((b && b->action == WN_A_TEXT_DONE) || (in->kind == WN_K_FN && in->ch == KEY_DOWN) ||
	    (in->kind == WN_K_CHAR && in->ch == '\t'))
		mf->cur = (mf->cur + 1) % F_COUNT;
	else if (in->kind == WN_K_FN && (in->ch == KEY_UP || in->ch == KEY_BTAB))
		mf->cur = (mf->cur + F_COUNT - 1) % F_COUNT;
	else if (mf->cur < F_ADD && wn_edit_key(&mf->f[mf->cur], in, INPUT_W) == WN_EDIT_CHANGED)
		check(mf);
	return WN_FORM_OPEN;
}
