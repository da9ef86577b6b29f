/* ui_medform.c -- adding a medication on the Plan screen: name, unit and
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

static struct mform {
	bool open;
	struct wn_edit f[F_ADD];
	int cur;
	struct wn_med med;
	struct wn_med_form forms[WN_MED_MAX_FORMS];
	size_t n_forms;
	char problem[WN_ERR_MSG];
	char known[3][256];      /* what the drug reference says */
} M;

/* The forms field: forms separated by ';'. */
static int read_forms(struct wn_err *err)
{
	char buf[FIELD_MAX + 1];
	M.n_forms = 0;
	snprintf(buf, sizeof buf, "%s", M.f[F_FORMS].s);
	for (char *save = NULL, *t = strtok_r(buf, ";", &save); t; t = strtok_r(NULL, ";", &save)) {
		t += strspn(t, " ");
		if (!*t)
			continue;
		if (M.n_forms >= WN_MED_MAX_FORMS)
			return wn_err_set(err, WN_USAGE, "forms: at most %d", WN_MED_MAX_FORMS);
		if (wn_med_form_parse(t, M.med.unit, &M.forms[M.n_forms], err) != WN_OK)
			return WN_DATAERR;
		M.n_forms++;
	}
	return WN_OK;
}

static void look_up(void)
{
	struct wn_drug d;
	memset(M.known, 0, sizeof M.known);
	if (!M.med.name[0] || wn_plan_drug(&M.med, &d, NULL) != WN_OK)
		return;
	snprintf(M.known[0], sizeof M.known[0], "wean knows %s: %s, half-life %s h%s", d.name,
	         d.drug_class, d.half_life_h[0] ? d.half_life_h : "?",
	         d.has_sert ? "; occupancy parameters for the occupancy method" : "");
	size_t k = 0;
	for (int i = 0; i < d.n_forms && k + 40 < sizeof M.known[1]; i++) {
		char fb[WN_FORM_LABEL + 64];
		wn_taper_form_format(&d.forms[i], fb, sizeof fb);
		k += (size_t)snprintf(M.known[1] + k, sizeof M.known[1] - k, "%s%s",
		                      i ? "; " : "on the market: ", fb);
	}
	if (d.diazepam_equiv_text[0])
		snprintf(M.known[2], sizeof M.known[2], "about %s mg equals 10 mg diazepam"
		         " (approximate)", d.diazepam_equiv_text);
}

static void check(void)
{
	struct wn_err err = { 0 };
	M.problem[0] = '\0';
	snprintf(M.med.name, sizeof M.med.name, "%s", M.f[F_NAME].s + strspn(M.f[F_NAME].s, " "));
	look_up();
	int rc = wn_med_unit_check(M.f[F_UNIT].s + strspn(M.f[F_UNIT].s, " "), M.med.unit,
	                           sizeof M.med.unit, &err);
	if (rc == WN_OK)
		rc = read_forms(&err);
	if (rc != WN_OK)
		snprintf(M.problem, sizeof M.problem, "%s", err.msg);
}

bool wn_medform_open(struct wn_ui *ui)
{
	static const char *const init[F_ADD] = { "", "mg", "" };
	wn_medform_close();
	for (int i = 0; i < F_ADD; i++)
		if (wn_edit_init(&M.f[i], init[i], FIELD_MAX, false) != WN_OK) {
			for (int k = 0; k < i; k++)
				wn_edit_free(&M.f[k]);
			wn_ui_msg(ui, WN_R_ERROR, "out of memory");
			return false;
		}
	M.open = true;
	check();
	return true;
}

bool wn_medform_is_open(void)
{
	return M.open;
}

void wn_medform_close(void)
{
	if (M.open)
		for (int i = 0; i < F_ADD; i++)
			wn_edit_free(&M.f[i]);
	memset(&M, 0, sizeof M);
}

void wn_medform_draw(struct wn_ui *ui)
{
	int y = ui->body_top, w = ui->cols - 2;
	wn_ui_put(ui, WN_CELL(y++, 1, w, WN_R_HEADING), "Add a medication");
	for (int i = 0; i < F_ADD; i++, y++) {
		wn_ui_put(ui, WN_CELL(y, 1, 2, WN_R_FOCUS), i == M.cur ? ui->g->focus : "");
		wn_ui_put(ui, WN_CELL(y, 3, LABEL_W, WN_R_NORMAL), labels[i]);
		if (i != M.cur)
			wn_ui_put_pad(ui, WN_CELL(y, 3 + LABEL_W, INPUT_W, WN_R_VALUE), M.f[i].s);
		if (w > 4 + LABEL_W + INPUT_W)
			wn_ui_put(ui, WN_CELL(y, 4 + LABEL_W + INPUT_W, w - 3 - LABEL_W - INPUT_W,
			                      WN_R_DIM), hints[i]);
	}
	wn_ui_put(ui, WN_CELL(y, 1, 2, WN_R_FOCUS), M.cur == F_ADD ? ui->g->focus : "");
	int aw = wn_ui_put(ui, WN_CELL(y, 3, w - 3, M.cur == F_ADD ? WN_R_FOCUS : WN_R_NORMAL),
	                   "[ add this medication ]");
	wn_ui_put(ui, WN_CELL(y, 5 + aw, w - 5 - aw, WN_R_DIM),
	          "Up/Down: fields; Enter here adds; Esc cancels");
	y += 2;
	if (M.problem[0])
		wn_ui_put(ui, WN_CELL(y++, 1, w, WN_R_ERROR), M.problem);
	for (int i = 0; i < 3; i++)
		if (M.known[i][0])
			y += wn_edit_draw_text(ui, M.known[i], WN_BOX(y, 1, 2, w));
	if (M.cur < F_ADD)
		wn_edit_draw(ui, &M.f[M.cur], WN_BOX(ui->body_top + 1 + M.cur, 3 + LABEL_W, 1,
		                                      INPUT_W));
}

static bool add(struct wn_ui *ui)
{
	struct wn_err err = { 0 };
	check();
	if (!M.problem[0] && !M.med.name[0])
		snprintf(M.problem, sizeof M.problem, "name: the medication's name, please");
	if (M.problem[0]) {
		wn_ui_msg(ui, WN_R_ERROR, "not added: %s", M.problem);
		return false;
	}
	if (wn_db_med_create(ui->db, &M.med, M.forms, M.n_forms, &err) != WN_OK) {
		wn_ui_msg_err(ui, "not added", &err);
		return false;
	}
	wn_ui_msg(ui, WN_R_SAVED, "added %s; press a to make its plan", M.med.name);
	return true;
}

bool wn_medform_input(struct wn_ui *ui, const struct wn_input *in, bool *saved,
                      struct wn_med *added)
{
	int arg;
	const struct wn_binding *b = wn_ui_lookup(WN_SC_PROMPT, in, &arg);
	*saved = false;
	if (b && b->action == WN_A_TEXT_CANCEL) {
		wn_ui_msg(ui, WN_R_DIM, "no medication added");
		return true;
	}
	if (b && b->action == WN_A_TEXT_DONE && M.cur == F_ADD) {
		if (!(*saved = add(ui)))
			return false;
		*added = M.med;
		return true;
	}
	if ((b && b->action == WN_A_TEXT_DONE) || (in->kind == WN_K_FN && in->ch == KEY_DOWN) ||
	    (in->kind == WN_K_CHAR && in->ch == '\t'))
		M.cur = (M.cur + 1) % F_COUNT;
	else if (in->kind == WN_K_FN && (in->ch == KEY_UP || in->ch == KEY_BTAB))
		M.cur = (M.cur + F_COUNT - 1) % F_COUNT;
	else if (M.cur < F_ADD && wn_edit_key(&M.f[M.cur], in, INPUT_W) == WN_EDIT_CHANGED)
		check();
	return false;
}
