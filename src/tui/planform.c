/* ui_planform.c -- making or changing a taper plan on the Plan screen;
 * see ui_planform.h.  The fields are parsed into a struct wn_plan_spec on
 * every change, so the preview and the problem line always show what
 * "save" would store. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "db/plan.h"
#include "core/taper.h"
#include "core/text.h"
#include "planform.h"
#include "core/plan.h"
#include "core/records.h"

enum { F_METHOD, F_START, F_FROM, F_STEP, F_EVERY, F_ROUND, F_FLOOR, F_TARGET,
       F_STEPS, F_SAVE, F_COUNT };

#define FIELD_MAX 400
#define LABEL_W 13
#define INPUT_W 22

static const char *const labels[F_COUNT] = {
	"method", "start", "from dose", "step", "every", "round to",
	"floor", "target", "steps", "",
};

static struct form {
	bool open;
	struct wn_med med;
	struct wn_form *forms;
	int n_forms;
	struct wn_drug drug;
	bool has_drug;
	struct wn_edit f[F_SAVE];
	int cur;
	struct wn_taper_point pts[WN_PLAN_MAX_CUSTOM];
	struct wn_plan_spec spec;
	struct wn_schedule sched;
	char problem[WN_ERR_MSG];
} F;

static enum wn_taper_method method_now(void)
{
	enum wn_taper_method m = WN_TAPER_PERCENT;
	wn_taper_method_parse(F.f[F_METHOD].s, &m, NULL);
	return m;
}

/* Fields that mean nothing for the method are skipped and shown dim. */
static bool field_used(int i)
{
	bool custom = method_now() == WN_TAPER_CUSTOM;
	if (i == F_STEP || i == F_EVERY || i == F_ROUND || i == F_FLOOR || i == F_TARGET)
		return !custom;
	if (i == F_STEPS)
		return custom;
	return true;
}

static const char *hint(int i, const char *unit, char *buf, size_t n)
{
	static const char *const step_hint[] = {
		[WN_TAPER_PERCENT] = "%% of the current dose, e.g. 10",
		[WN_TAPER_OCCUPANCY] = "points of estimated occupancy, e.g. 5",
		[WN_TAPER_LINEAR] = "%s less at each step",
		[WN_TAPER_CUSTOM] = "",
	};
	switch (i) {
	case F_METHOD: return "percent, occupancy, linear or custom";
	case F_START: return "YYYY-MM-DD, today or -N days";
	case F_FROM: snprintf(buf, n, "the starting dose in %s", unit); return buf;
	case F_STEP: snprintf(buf, n, step_hint[method_now()], unit); return buf;
	case F_EVERY: return "days (14d) or weeks (4w) between steps";
	case F_ROUND: return "optional; empty: what your forms deliver";
	case F_FLOOR: return "optional; a step below it goes to 0";
	case F_TARGET: return "optional; the schedule stops there";
	case F_STEPS: return "DATE=DOSE, DATE=DOSE, ...";
	default: return "";
	}
}

/* ---- reading the fields ------------------------------------------------------ */

static int field_num(int i, bool optional, double *out, struct wn_err *err)
{
	const char *s = F.f[i].s + strspn(F.f[i].s, " ");
	char *end;
	*out = 0;
	if (!*s && optional)
		return WN_OK;
	if (!*s)
		return wn_err_set(err, WN_USAGE, "%s: a number, please", labels[i]);
	double v = strtod(s, &end);
	end += strspn(end, " ");
	if (*end || !isfinite(v) || v < 0 || v > 1e6)
		return wn_err_set(err, WN_USAGE, "%s: '%.40s' is not a number from 0 up", labels[i], s);
	*out = v;
	return WN_OK;
}

static int field_steps(wn_date today, struct wn_err *err)
{
	F.spec.custom = F.pts;
	return wn_plan_parse_steps(F.f[F_STEPS].s, "steps", today, F.pts, &F.spec.n_custom, err);
}

static int field_method(struct wn_err *err)
{
	const char *s = F.f[F_METHOD].s + strspn(F.f[F_METHOD].s, " ");
	int rc = wn_taper_method_parse(s, &F.spec.method, err);
	if (rc != WN_OK)
		return wn_err_set(err, WN_USAGE, "method: percent, occupancy, linear or custom");
	if (F.spec.method != WN_TAPER_OCCUPANCY)
		return WN_OK;
	if (!F.has_drug || wn_plan_sert(&F.drug, NULL, &F.spec.emax, &F.spec.ed50, NULL) != WN_OK)
		return wn_err_set(err, WN_DATAERR, "method: no occupancy parameters for %s;"
		                  " use percent", F.med.name);
	return WN_OK;
}

static int read_fields(wn_date today, struct wn_err *err)
{
	memset(&F.spec, 0, sizeof F.spec);
	F.spec.med_id = F.med.id;
	int rc = field_method(err);
	if (rc == WN_OK)
		rc = wn_date_parse(F.f[F_START].s + strspn(F.f[F_START].s, " "), today,
		                   &F.spec.start, NULL) == WN_OK ? WN_OK :
		     wn_err_set(err, WN_USAGE, "start: a date such as 2026-12-01 or today");
	if (rc == WN_OK && (rc = field_num(F_FROM, false, &F.spec.from_dose, err)) == WN_OK &&
	    F.spec.from_dose <= 0)
		rc = wn_err_set(err, WN_USAGE, "from dose: more than 0, please");
	if (rc != WN_OK || F.spec.method == WN_TAPER_CUSTOM)
		return rc == WN_OK ? field_steps(today, err) : rc;
	if ((rc = field_num(F_STEP, false, &F.spec.step, err)) == WN_OK &&
	    (rc = wn_plan_parse_every(F.f[F_EVERY].s + strspn(F.f[F_EVERY].s, " "), "every",
	                               &F.spec.every_days, err)) == WN_OK &&
	    (rc = field_num(F_ROUND, true, &F.spec.round_q, err)) == WN_OK &&
	    (rc = field_num(F_FLOOR, true, &F.spec.floor_dose, err)) == WN_OK)
		rc = field_num(F_TARGET, true, &F.spec.to_dose, err);
	return rc;
}

/* Re-read the fields and rebuild the preview (or the problem line). */
static void form_refresh(struct wn_ui *ui)
{
	struct wn_err err = { 0 };
	wn_taper_free(&F.sched);
	memset(&F.sched, 0, sizeof F.sched);
	F.problem[0] = '\0';
	int rc = read_fields(ui->today, &err);
	if (rc == WN_OK) {
		struct wn_taper_params t;
		wn_taper_params_init(&t);
		t.method = F.spec.method;
		t.start = F.spec.start;
		t.from_dose = F.spec.from_dose;
		t.step = F.spec.step;
		t.every_days = F.spec.every_days;
		t.round_q = F.spec.round_q;
		t.floor_dose = F.spec.floor_dose;
		t.to_dose = F.spec.to_dose;
		t.forms = F.forms;
		t.n_forms = F.n_forms;
		t.emax = F.spec.emax;
		t.ed50 = F.spec.ed50;
		t.custom = F.spec.custom;
		t.n_custom = F.spec.n_custom;
		rc = wn_taper_build(&t, &F.sched, &err);
	}
	if (rc != WN_OK)
		snprintf(F.problem, sizeof F.problem, "%s", err.msg);
}

/* ---- opening ------------------------------------------------------------------ */


/* Values for the fields: from the active plan (continuing today at
 * today's planned dose), or the usual starting point of a new plan. */
static void prefill(struct wn_ui *ui, const char *val[F_SAVE], char buf[F_SAVE][64])
{
	struct wn_plan p;
	struct wn_schedule s;
	char d[WN_DATE_STRLEN];
	snprintf(buf[F_START], 64, "%s", wn_date_format(ui->today, d));
	val[F_METHOD] = "percent";
	val[F_STEP] = "10";
	val[F_EVERY] = "4w";
	if (wn_db_plan_load(ui->db, F.med.id, &p, NULL) == WN_OK &&
	    wn_plan_build(&p, F.has_drug ? &F.drug : NULL, &s, NULL) == WN_OK) {
		const struct wn_taper_params *t = &p.params;
		double now = wn_plan_planned_on(&p, &s, ui->today);
		val[F_METHOD] = wn_taper_method_name(t->method);
		wn_text_num(isnan(now) || now <= 0 ? t->from_dose : now, 3, buf[F_FROM], 64);
		if (t->method != WN_TAPER_CUSTOM) {
			wn_text_num(t->step, 3, buf[F_STEP], 64);
			val[F_STEP] = buf[F_STEP];
			snprintf(buf[F_EVERY], 64, t->every_days % 7 ? "%dd" : "%dw",
			         t->every_days % 7 ? t->every_days : t->every_days / 7);
			val[F_EVERY] = buf[F_EVERY];
		}
		if (t->round_q > 0)
			val[F_ROUND] = wn_text_num(t->round_q, 3, buf[F_ROUND], 64);
		if (t->floor_dose > 0)
			val[F_FLOOR] = wn_text_num(t->floor_dose, 3, buf[F_FLOOR], 64);
		if (t->to_dose > 0)
			val[F_TARGET] = wn_text_num(t->to_dose, 3, buf[F_TARGET], 64);
		wn_taper_free(&s);
	}
	wn_plan_free(&p);
	val[F_START] = buf[F_START];
	val[F_FROM] = buf[F_FROM];
}

bool wn_planform_open(struct wn_ui *ui, const struct wn_med *m)
{
	const char *val[F_SAVE] = { 0 };
	char buf[F_SAVE][64];
	struct wn_err err = { 0 };
	wn_planform_close();
	memset(buf, 0, sizeof buf);
	F.med = *m;
	F.has_drug = strcmp(m->unit, "mg") == 0 && wn_plan_drug(m, &F.drug, NULL) == WN_OK;
	if (wn_db_plan_forms(ui->db, m->id, &F.forms, &F.n_forms, &err) != WN_OK) {
		wn_ui_msg_err(ui, "cannot read the medication", &err);
		return false;
	}
	prefill(ui, val, buf);
	for (int i = 0; i < F_SAVE; i++) {
		if (wn_edit_init(&F.f[i], val[i], FIELD_MAX, false) != WN_OK) {
			for (int k = 0; k < i; k++)
				wn_edit_free(&F.f[k]);
			free(F.forms);
			F.forms = NULL;
			wn_ui_msg(ui, WN_R_ERROR, "out of memory");
			return false;
		}
	}
	F.open = true;
	F.cur = F_FROM;
	form_refresh(ui);
	return true;
}

bool wn_planform_is_open(void)
{
	return F.open;
}

void wn_planform_close(void)
{
	if (F.open)
		for (int i = 0; i < F_SAVE; i++)
			wn_edit_free(&F.f[i]);
	wn_taper_free(&F.sched);
	free(F.forms);
	memset(&F, 0, sizeof F);
}

/* ---- drawing --------------------------------------------------------------------- */

static int draw_fields(struct wn_ui *ui, int y)
{
	char b[160];
	int w = ui->cols - 2;
	for (int i = 0; i < F_SAVE; i++, y++) {
		bool used = field_used(i), cur = i == F.cur;
		wn_ui_put(ui, WN_CELL(y, 1, 2, WN_R_FOCUS), cur ? ui->g->focus : "");
		wn_ui_put(ui, WN_CELL(y, 3, LABEL_W, used ? WN_R_NORMAL : WN_R_DIM), labels[i]);
		if (!cur)      /* the edit field is drawn last, for the cursor */
			wn_ui_put_pad(ui, WN_CELL(y, 3 + LABEL_W, INPUT_W,
			                          used ? WN_R_VALUE : WN_R_DIM),
			              used ? F.f[i].s : "(not used)");
		if (used && w > 3 + LABEL_W + INPUT_W + 2)
			wn_ui_put(ui, WN_CELL(y, 4 + LABEL_W + INPUT_W, w - 3 - LABEL_W - INPUT_W,
			                      WN_R_DIM), hint(i, F.med.unit, b, sizeof b));
	}
	wn_ui_put(ui, WN_CELL(y, 1, 2, WN_R_FOCUS), F.cur == F_SAVE ? ui->g->focus : "");
	int sw = wn_ui_put(ui, WN_CELL(y, 3, w - 3, F.cur == F_SAVE ? WN_R_FOCUS : WN_R_NORMAL),
	                   "[ save this plan ]");
	wn_ui_put(ui, WN_CELL(y, 5 + sw, w - 5 - sw, WN_R_DIM),
	          "Up/Down: fields; Enter here saves; Esc cancels");
	return y + 2;
}

static void draw_preview(struct wn_ui *ui, int y, int rows)
{
	char d[WN_DATE_STRLEN], n1[32], n2[32], line[256];
	int w = ui->cols - 2;
	if (F.problem[0]) {
		wn_ui_put(ui, WN_CELL(y, 1, w, WN_R_ERROR), F.problem);
		return;
	}
	snprintf(line, sizeof line, "preview: %d steps, %s %s to %s %s",
	         F.sched.n, wn_text_num(F.sched.steps[0].dose, 3, n1, sizeof n1), F.med.unit,
	         wn_text_num(F.sched.steps[F.sched.n - 1].dose, 3, n2, sizeof n2), F.med.unit);
	wn_ui_put(ui, WN_CELL(y++, 1, w, WN_R_HEADING), line);
	int shown = F.sched.n < rows - 1 ? F.sched.n : rows - 1;
	for (int i = 0; i < shown; i++) {
		const struct wn_taper_step *st = &F.sched.steps[i];
		char dose[48];
		snprintf(dose, sizeof dose, "%s %s", wn_text_num(st->dose, 3, n1, sizeof n1), F.med.unit);
		snprintf(line, sizeof line, "%3d  %s  %-10s %6.1f%%  %s", i,
		         wn_date_format(st->date, d), dose, st->pct_of_start, st->how);
		wn_ui_put(ui, WN_CELL(y + i, 1, w, WN_R_NORMAL), line);
	}
	if (shown < F.sched.n)
		wn_ui_put(ui, WN_CELL(y + shown, 1, w, WN_R_DIM),
		          "... the whole schedule shows on the Plan screen once saved");
}

void wn_planform_draw(struct wn_ui *ui)
{
	char title[160];
	int y = ui->body_top, bottom = ui->body_top + ui->body_rows;
	snprintf(title, sizeof title, "A new plan for %s (the current one stays in the"
	         " history)", F.med.name);
	wn_ui_put(ui, WN_CELL(y, 1, ui->cols - 2, WN_R_HEADING), title);
	y = draw_fields(ui, y + 1);
	draw_preview(ui, y, bottom - y - 2);
	wn_edit_draw_text(ui, WN_PLAN_DISCLAIMER, WN_BOX(bottom - 2, 1, 2, ui->cols - 2));
	if (F.cur < F_SAVE) {
		int fy = ui->body_top + 1 + F.cur;
		wn_edit_draw(ui, &F.f[F.cur], WN_BOX(fy, 3 + LABEL_W, 1, INPUT_W));
	}
}

/* ---- keys ----------------------------------------------------------------------- */

static void form_move(int dir)
{
	int i = F.cur;
	do
		i = (i + dir + F_COUNT) % F_COUNT;
	while (i != F_SAVE && !field_used(i));
	F.cur = i;
}

static bool save(struct wn_ui *ui)
{
	struct wn_err err = { 0 };
	char d[WN_DATE_STRLEN];
	form_refresh(ui);
	if (F.problem[0]) {
		wn_ui_msg(ui, WN_R_ERROR, "not saved: %s", F.problem);
		return false;
	}
	if (wn_db_plan_add(ui->db, &F.spec, NULL, &err) != WN_OK) {
		wn_ui_msg_err(ui, "not saved", &err);
		return false;
	}
	wn_ui_msg(ui, WN_R_SAVED, "saved: the plan for %s from %s; discuss every change"
	          " with your prescriber", F.med.name, wn_date_format(F.spec.start, d));
	return true;
}

static bool is_fn(const struct wn_input *in, int key)
{
	return in->kind == WN_K_FN && in->ch == (wint_t)key;
}

bool wn_planform_input(struct wn_ui *ui, const struct wn_input *in, bool *saved)
{
	int arg;
	const struct wn_binding *b = wn_ui_lookup(WN_SC_PROMPT, in, &arg);
	*saved = false;
	if (b && b->action == WN_A_TEXT_CANCEL) {
		wn_ui_msg(ui, WN_R_DIM, "no new plan; nothing was changed");
		return true;
	}
	if (b && b->action == WN_A_TEXT_DONE && F.cur == F_SAVE)
		return (*saved = save(ui));
	if ((b && b->action == WN_A_TEXT_DONE) || is_fn(in, KEY_DOWN) ||
	    (in->kind == WN_K_CHAR && in->ch == '\t'))
		form_move(1);
	else if (is_fn(in, KEY_UP) || is_fn(in, KEY_BTAB))
		form_move(-1);
	else if (F.cur < F_SAVE && wn_edit_key(&F.f[F.cur], in, INPUT_W) == WN_EDIT_CHANGED)
		form_refresh(ui);
	return false;
}
