/* SPDX-License-Identifier: GPL-3.0-or-later */
/* planform.c -- making or changing a taper plan on the Plan screen;
 * see planform.h.  The fields are parsed into a struct wn_plan_spec on
 * every change and the plan it makes is reviewed (core/findings.h), so
 * the preview, its review and the problem line always show what "save"
 * would store.  A plan with a warning asks the second yes before it is
 * saved (findings.h). */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "db/plan.h"
#include "core/findings.h"
#include "core/taper.h"
#include "core/text.h"
#include "findings.h"
#include "planform.h"
#include "core/plan.h"
#include "core/records.h"

enum { F_METHOD, F_START, F_FROM, F_STEP, F_EVERY, F_ROUND, F_FLOOR, F_TARGET,
       F_STEPS, F_TIMES, F_SPLIT, F_CUT, F_SAVE, F_COUNT };

#define FIELD_MAX 400
#define LABEL_W 13
#define INPUT_W 22

static const char *const labels[F_COUNT] = {
	"method", "start", "from dose", "step", "every", "round to",
	"floor", "target", "steps", "dose times", "split", "cut first", "",
};

struct wn_planform {
	struct wn_med med;
	struct wn_form *forms;
	int n_forms;
	struct wn_drug drug;
	bool has_drug;
	struct wn_edit f[F_SAVE];
	int cur;
	struct wn_taper_point pts[WN_PLAN_MAX_CUSTOM];
	struct wn_plan_spec spec;
	struct wn_plan_built built;     /* what the spec makes, and its */
	struct wn_review review;        /* review (both empty on a problem) */
	double *doses;                  /* each step's doses through the day
	                                   (core/doses.h), or NULL */
	bool asking;                    /* the second yes is being asked */
	char problem[WN_ERR_MSG];
};

static enum wn_taper_method method_now(const struct wn_planform *f)
{
	enum wn_taper_method m = WN_TAPER_PERCENT;
	wn_taper_method_parse(f->f[F_METHOD].s, &m, NULL);
	return m;
}

/* Fields that mean nothing for the method are skipped and shown dim. */
static bool field_used(const struct wn_planform *f, int i)
{
	bool custom = method_now(f) == WN_TAPER_CUSTOM;
	if (i == F_STEP || i == F_EVERY || i == F_ROUND || i == F_FLOOR || i == F_TARGET)
		return !custom;
	if (i == F_STEPS)
		return custom;
	if (i == F_SPLIT || i == F_CUT)      /* with doses through the day */
		return f->f[F_TIMES].s[strspn(f->f[F_TIMES].s, " ")] != '\0';
	return true;
}

static const char *hint(const struct wn_planform *f, int i, char *buf, size_t n)
{
	const char *unit = f->med.unit;
	static const char *const step_hint[] = {
		[WN_TAPER_PERCENT] = "%% of the current dose, e.g. 10",
		[WN_TAPER_OCCUPANCY] = "points of estimated occupancy, e.g. 5",
		[WN_TAPER_LINEAR] = "%s less at each step",
		[WN_TAPER_CUSTOM] = "",
	};
	switch (i) {
	case F_METHOD: return "percent, occupancy, linear or custom";
	case F_START: return "YYYY-MM-DD, today or -N days";
	case F_FROM: snprintf(buf, n, "the starting dose in %s%s", unit,
	                      method_now(f) == WN_TAPER_CUSTOM ? " (0: brought in)" : "");
	             return buf;
	case F_STEP: snprintf(buf, n, step_hint[method_now(f)], unit); return buf;
	case F_EVERY: return "days (14d) or weeks (4w) between steps";
	case F_ROUND: return "optional; empty: what your forms deliver";
	case F_FLOOR: return "optional; a step below it goes to 0";
	case F_TARGET: return "optional; the schedule stops there";
	case F_STEPS: return "DATE=DOSE, DATE=DOSE, ...";
	case F_TIMES: return "optional; e.g. 08:00,14:00,22:00";
	case F_SPLIT: return "parts or amounts, e.g. 1,1,1; empty: equal";
	case F_CUT: return "largest (empty), evening or morning";
	default: return "";
	}
}

/* ---- reading the fields ------------------------------------------------------ */

/* The text of field i without its leading blanks. */
static const char *text_of(const struct wn_planform *f, int i)
{
	return f->f[i].s + strspn(f->f[i].s, " ");
}

static int field_num(const struct wn_planform *f, int i, double *out,
                     struct wn_err *err)
{
	const char *s = text_of(f, i);
	char *end;
	*out = 0;
	if (!*s)
		return wn_err_set(err, WN_USAGE, "%s: a number, please", labels[i]);
	double v = strtod(s, &end);
	end += strspn(end, " ");
	if (*end || !isfinite(v) || v < 0 || v > 1e6)
		return wn_err_set(err, WN_USAGE, "%s: '%.40s' is not a number from 0 up", labels[i], s);
	*out = v;
	return WN_OK;
}

/* As field_num, but an empty field is 0. */
static int field_opt(const struct wn_planform *f, int i, double *out,
                     struct wn_err *err)
{
	*out = 0;
	return *text_of(f, i) ? field_num(f, i, out, err) : WN_OK;
}

static int field_steps(struct wn_planform *f, wn_date today, struct wn_err *err)
{
	f->spec.custom = f->pts;
	return wn_plan_parse_steps(f->f[F_STEPS].s, "steps", today, f->pts, &f->spec.n_custom, err);
}

static int field_method(struct wn_planform *f, struct wn_err *err)
{
	const char *s = text_of(f, F_METHOD);
	int rc = wn_taper_method_parse(s, &f->spec.method, err);
	if (rc != WN_OK)
		return wn_err_set(err, WN_USAGE, "method: percent, occupancy, linear or custom");
	if (f->spec.method != WN_TAPER_OCCUPANCY)
		return WN_OK;
	if (!f->has_drug || wn_plan_sert(&f->drug, NULL, &f->spec.emax, &f->spec.ed50, NULL) != WN_OK)
		return wn_err_set(err, WN_DATAERR, "method: no occupancy parameters for %s;"
		                  " use percent", f->med.name);
	return WN_OK;
}

/* Doses through the day, as `plan add --times --split --cut-first`
 * (core/doses.h); the times empty: one dose a day. */
static int field_doses(struct wn_planform *f, struct wn_err *err)
{
	struct wn_doses *d = &f->spec.doses;
	memset(d, 0, sizeof *d);
	if (!*text_of(f, F_TIMES))
		return WN_OK;
	int rc = wn_doses_parse_times(text_of(f, F_TIMES), "dose times", d, err);
	if (rc == WN_OK && *text_of(f, F_SPLIT))
		rc = wn_doses_parse_split(text_of(f, F_SPLIT), "split", d, err);
	if (rc == WN_OK && *text_of(f, F_CUT))
		rc = wn_doses_cut_parse(text_of(f, F_CUT), &d->cut, err) == WN_OK ? WN_OK :
		     wn_err_set(err, WN_USAGE, "cut first: largest, evening or morning");
	return rc;
}

static int read_fields(struct wn_planform *f, wn_date today, struct wn_err *err)
{
	memset(&f->spec, 0, sizeof f->spec);
	f->spec.med_id = f->med.id;
	int rc = field_method(f, err);
	if (rc == WN_OK)
		rc = wn_date_parse(text_of(f, F_START), today,
		                   &f->spec.start, NULL) == WN_OK ? WN_OK :
		     wn_err_set(err, WN_USAGE, "start: a date such as 2026-12-01 or today");
	if (rc == WN_OK && (rc = field_num(f, F_FROM, &f->spec.from_dose, err)) == WN_OK &&
	    f->spec.from_dose <= 0 && f->spec.method != WN_TAPER_CUSTOM)
		rc = wn_err_set(err, WN_USAGE, "from dose: more than 0, please (only a custom"
		                " plan starts at 0)");
	if (rc == WN_OK)
		rc = field_doses(f, err);
	if (rc != WN_OK || f->spec.method == WN_TAPER_CUSTOM)
		return rc == WN_OK ? field_steps(f, today, err) : rc;
	if ((rc = field_num(f, F_STEP, &f->spec.step, err)) == WN_OK &&
	    (rc = wn_plan_parse_every(text_of(f, F_EVERY), "every",
	                               &f->spec.every_days, err)) == WN_OK &&
	    (rc = field_opt(f, F_ROUND, &f->spec.round_q, err)) == WN_OK &&
	    (rc = field_opt(f, F_FLOOR, &f->spec.floor_dose, err)) == WN_OK)
		rc = field_opt(f, F_TARGET, &f->spec.to_dose, err);
	return rc;
}

static void free_review(struct wn_planform *f)
{
	free(f->doses);
	f->doses = NULL;
	wn_review_free(&f->review);
	wn_plan_built_free(&f->built);
	memset(&f->review, 0, sizeof f->review);
	memset(&f->built, 0, sizeof f->built);
}

/* Re-read the fields, and make and review the plan they give (or the
 * problem line), as `wean plan add` does before it saves. */
static void form_refresh(struct wn_ui *ui, struct wn_planform *f)
{
	struct wn_err err = { 0 };
	free_review(f);
	f->problem[0] = '\0';
	int rc = read_fields(f, ui->today, &err);
	struct wn_findings_plan in = { &f->spec, &f->med, f->forms, f->n_forms };
	if (rc == WN_OK)
		rc = wn_findings_spec(&in, &f->built, &f->review, &err);
	if (rc == WN_OK && f->built.sched.n < 1)
		rc = wn_err_set(&err, WN_DATAERR, "the plan has no steps");
	if (rc == WN_OK && f->spec.doses.n >= 2) {
		const struct wn_taper_params *t = &f->built.plan.params;
		struct wn_rounding r = { .quantum = t->round_q, .forms = t->forms, .n_forms = t->n_forms };
		rc = wn_doses_schedule(&f->spec.doses, &r, &f->built.sched, &f->doses, &err);
	}
	if (rc != WN_OK) {
		free_review(f);
		snprintf(f->problem, sizeof f->problem, "%s", err.msg);
	}
}

/* ---- opening ------------------------------------------------------------------ */


/* Values for the fields: from the active plan (continuing today at
 * today's planned dose), or the usual starting point of a new plan. */
static void prefill(struct wn_ui *ui, const struct wn_planform *f,
                    const char *val[F_SAVE], char buf[F_SAVE][64])
{
	struct wn_plan p;
	struct wn_schedule s;
	char d[WN_DATE_STRLEN];
	snprintf(buf[F_START], 64, "%s", wn_date_format(ui->today, d));
	val[F_METHOD] = "percent";
	val[F_STEP] = "10";
	val[F_EVERY] = "4w";
	if (wn_db_plan_load(ui->db, f->med.id, &p, NULL) == WN_OK &&
	    wn_plan_build(&p, f->has_drug ? &f->drug : NULL, &s, NULL) == WN_OK) {
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
		if (p.doses.n >= 2) {        /* the doses through the day are kept */
			wn_doses_times_text(&p.doses, buf[F_TIMES], 64);
			struct wn_doses today = p.doses;
			bool all = wn_plan_doses_on(&p, &s, ui->today, today.part) >= 2;
			for (int i = 0; all && i < today.n; i++)
				all = today.part[i] > 0;
			/* continuing today: today's doses are the split */
			wn_doses_split_text(all ? &today : &p.doses, buf[F_SPLIT], 64);
			snprintf(buf[F_CUT], 64, "%s", wn_doses_cut_name(p.doses.cut));
			val[F_TIMES] = buf[F_TIMES];
			val[F_SPLIT] = buf[F_SPLIT];
			val[F_CUT] = buf[F_CUT];
		}
		wn_taper_free(&s);
	}
	wn_plan_free(&p);
	val[F_START] = buf[F_START];
	val[F_FROM] = buf[F_FROM];
}

void wn_planform_free(struct wn_planform *f)
{
	if (!f)
		return;
	for (int i = 0; i < F_SAVE; i++)
		wn_edit_free(&f->f[i]);
	free_review(f);
	free(f->forms);
	free(f);
}

/* The fields, pre-filled; WN_OK, or WN_ERR out of memory. */
static int init_fields(struct wn_ui *ui, struct wn_planform *f)
{
	const char *val[F_SAVE] = { 0 };
	char buf[F_SAVE][64];
	memset(buf, 0, sizeof buf);
	prefill(ui, f, val, buf);
	for (int i = 0; i < F_SAVE; i++)
		if (wn_edit_init(&f->f[i], val[i], FIELD_MAX, false) != WN_OK)
			return WN_ERR;
	return WN_OK;
}

struct wn_planform *wn_planform_open(struct wn_ui *ui, const struct wn_med *m)
{
	struct wn_err err = { 0 };
	struct wn_planform *f = calloc(1, sizeof *f);
	if (!f) {
		wn_ui_msg(ui, WN_R_ERROR, "out of memory");
		return NULL;
	}
	f->med = *m;
	f->has_drug = strcmp(m->unit, "mg") == 0 && wn_plan_drug(m, &f->drug, NULL) == WN_OK;
	if (wn_db_plan_forms(ui->db, m->id, &f->forms, &f->n_forms, &err) != WN_OK) {
		wn_ui_msg_err(ui, "cannot read the medication", &err);
		wn_planform_free(f);
		return NULL;
	}
	if (init_fields(ui, f) != WN_OK) {
		wn_ui_msg(ui, WN_R_ERROR, "out of memory");
		wn_planform_free(f);
		return NULL;
	}
	f->cur = F_FROM;
	form_refresh(ui, f);
	return f;
}

/* ---- drawing --------------------------------------------------------------------- */

/* The row of field i under the title: the fields in use (the dose times
 * are); the others are left out to leave the preview its rows. */
static bool field_shown(const struct wn_planform *f, int i)
{
	return field_used(f, i);
}

static int field_row(const struct wn_planform *f, int i)
{
	int r = 0;
	for (int k = 0; k < i && k < F_SAVE; k++)
		r += field_shown(f, k);
	return r;
}

static int draw_fields(struct wn_ui *ui, const struct wn_planform *f, int y)
{
	char b[160];
	int w = ui->cols - 2;
	for (int i = 0; i < F_SAVE; i++) {
		bool used = field_used(f, i), cur = i == f->cur;
		if (!field_shown(f, i))
			continue;
		wn_ui_put(ui, WN_CELL(y, 1, 2, WN_R_FOCUS), cur ? ui->g->focus : "");
		wn_ui_put(ui, WN_CELL(y, 3, LABEL_W, used ? WN_R_NORMAL : WN_R_DIM), labels[i]);
		if (!cur)      /* the edit field is drawn last, for the cursor */
			wn_ui_put_pad(ui, WN_CELL(y, 3 + LABEL_W, INPUT_W,
			                          used ? WN_R_VALUE : WN_R_DIM),
			              used ? f->f[i].s : "(not used)");
		if (used && w > 3 + LABEL_W + INPUT_W + 2)
			wn_ui_put(ui, WN_CELL(y, 4 + LABEL_W + INPUT_W, w - 3 - LABEL_W - INPUT_W,
			                      WN_R_DIM), hint(f, i, b, sizeof b));
		y++;
	}
	wn_ui_put(ui, WN_CELL(y, 1, 2, WN_R_FOCUS), f->cur == F_SAVE ? ui->g->focus : "");
	int sw = wn_ui_put(ui, WN_CELL(y, 3, w - 3, f->cur == F_SAVE ? WN_R_FOCUS : WN_R_NORMAL),
	                   "[ save this plan ]");
	wn_ui_put(ui, WN_CELL(y, 5 + sw, w - 5 - sw, WN_R_DIM),
	          "Up/Down: fields; Enter here saves; Esc cancels");
	return y + 2;
}

/* The steps of the schedule from row y, in rows rows (the last says
 * when there are more). */
static void draw_steps(struct wn_ui *ui, const struct wn_planform *f, int y, int rows)
{
	const struct wn_schedule *s = &f->built.sched;
	char d[WN_DATE_STRLEN], n1[32], line[192 + WN_TAPER_HOW], dose[48];
	int w = ui->cols - 2;
	int shown = s->n <= rows ? s->n : rows - 1;
	for (int i = 0; i < shown; i++) {
		const struct wn_taper_step *st = &s->steps[i];
		snprintf(dose, sizeof dose, "%s %s", wn_text_num(st->dose, 3, n1, sizeof n1), f->med.unit);
		char pct[16] = "-";
		if (!isnan(st->pct_of_start))
			snprintf(pct, sizeof pct, "%.1f%%", st->pct_of_start);
		char each[96] = "";
		int nd = f->spec.doses.n;
		size_t used = 0;
		for (int k = 0; f->doses && nd >= 2 && k < nd && used < sizeof each; k++)
			used += (size_t)snprintf(each + used, sizeof each - used, "%s%s", k ? "+" : "[",
			                         wn_text_num(f->doses[(size_t)i * (size_t)nd + (size_t)k], 3,
			                                     n1, sizeof n1));
		if (used && used < sizeof each - 2)
			snprintf(each + used, sizeof each - used, "] ");
		snprintf(line, sizeof line, "%3d  %s  %-10s %7s  %s%s", i,
		         wn_date_format(st->date, d), dose, pct, each, st->how);
		wn_ui_put(ui, WN_CELL(y + i, 1, w, WN_R_NORMAL), line);
	}
	if (shown >= 0 && shown < s->n)
		wn_ui_put(ui, WN_CELL(y + shown, 1, w, WN_R_DIM),
		          "... the whole schedule shows on the Plan screen once saved");
}

/* The preview: a heading with the review's counts, the findings in a
 * few words each (a third of the rows at most), then the steps. */
static void draw_preview(struct wn_ui *ui, const struct wn_planform *f, int y,
                         int rows)
{
	const struct wn_schedule *s = &f->built.sched;
	char n1[32], n2[32], counts[96], line[256];
	int w = ui->cols - 2;
	if (f->problem[0]) {
		wn_ui_put(ui, WN_CELL(y, 1, w, WN_R_ERROR), f->problem);
		return;
	}
	wn_findings_counts(&f->review, counts, sizeof counts);
	snprintf(line, sizeof line, "preview: %d steps, %s %s to %s %s; review: %s",
	         s->n, wn_text_num(s->steps[0].dose, 3, n1, sizeof n1), f->med.unit,
	         wn_text_num(s->steps[s->n - 1].dose, 3, n2, sizeof n2), f->med.unit, counts);
	wn_ui_put(ui, WN_CELL(y++, 1, w, WN_R_HEADING), line);
	int most = (rows - 1) / 3;
	int used = wn_ui_findings_draw(ui, &f->review, WN_BOX(y, 1, most, w), true);
	draw_steps(ui, f, y + used, rows - 1 - used);
}

/* The second yes: the review in full in place of the fields. */
static void draw_question(struct wn_ui *ui, const struct wn_planform *f, int y,
                          int bottom)
{
	char counts[96], line[256];
	wn_findings_counts(&f->review, counts, sizeof counts);
	snprintf(line, sizeof line, "Review of the plan entered in wean (not advice): %s",
	         counts);
	wn_ui_put(ui, WN_CELL(y, 1, ui->cols - 2, WN_R_HEADING), line);
	wn_ui_findings_draw(ui, &f->review, WN_BOX(y + 1, 1, bottom - y - 3, ui->cols - 2),
	                    false);
	if (f->review.n_warnings > 0) {
		wn_findings_question("Save this plan", &f->review, line, sizeof line);
	} else {
		char d[WN_DATE_STRLEN];
		snprintf(line, sizeof line, "Save this plan for %s from %s? y/N",
		         f->med.name, wn_date_format(f->spec.start, d));
	}
	wn_ui_ask_draw(ui, line);
}

void wn_planform_draw(struct wn_ui *ui, struct wn_planform *f)
{
	char title[160];
	int y = ui->body_top, bottom = ui->body_top + ui->body_rows;
	snprintf(title, sizeof title, "A new plan for %s (the current one stays in the"
	         " history)", f->med.name);
	wn_ui_put(ui, WN_CELL(y, 1, ui->cols - 2, WN_R_HEADING), title);
	wn_edit_draw_text(ui, WN_PLAN_DISCLAIMER, WN_BOX(bottom - 2, 1, 2, ui->cols - 2));
	if (f->asking) {
		draw_question(ui, f, y + 1, bottom);
		return;
	}
	y = draw_fields(ui, f, y + 1);
	draw_preview(ui, f, y, bottom - y - 2);
	if (f->cur < F_SAVE) {
		int fy = ui->body_top + 1 + field_row(f, f->cur);
		wn_edit_draw(ui, &f->f[f->cur], WN_BOX(fy, 3 + LABEL_W, 1, INPUT_W));
	}
}

/* ---- keys ----------------------------------------------------------------------- */

static void form_move(struct wn_planform *f, int dir)
{
	int i = f->cur;
	do
		i = (i + dir + F_COUNT) % F_COUNT;
	while (i != F_SAVE && !field_used(f, i));
	f->cur = i;
}

/* "save": a plan is saved only after its review is shown and y said
 * (said_yes); one with a warning is stored with the review acknowledged. */
static bool save(struct wn_ui *ui, struct wn_planform *f, bool said_yes)
{
	struct wn_err err = { 0 };
	char d[WN_DATE_STRLEN], acked[64] = "";
	form_refresh(ui, f);
	if (f->problem[0]) {
		wn_ui_msg(ui, WN_R_ERROR, "not saved: %s", f->problem);
		return false;
	}
	int nw = f->review.n_warnings;
	if (!said_yes) {
		f->asking = true;
		return false;
	}
	f->spec.accepted = &f->review;
	if (wn_db_plan_add(ui->db, &f->spec, NULL, &err) != WN_OK) {
		wn_ui_msg_err(ui, "not saved", &err);
		return false;
	}
	if (nw > 0)
		snprintf(acked, sizeof acked, " (%d warning%s acknowledged)", nw, nw == 1 ? "" : "s");
	wn_ui_msg(ui, WN_R_SAVED, "saved: the plan for %s from %s%s; discuss every change"
	          " with your prescriber", f->med.name, wn_date_format(f->spec.start, d), acked);
	return true;
}

bool wn_planform_asking(const struct wn_planform *f)
{
	return f && f->asking;
}

/* The answer to the y/N: y saves; n, Esc or Enter keep the form; other
 * keys answer nothing. */
static int answer(struct wn_ui *ui, struct wn_planform *f, const struct wn_input *in)
{
	int yes = wn_ui_ask_answer(in);
	if (yes < 0) {
		wn_ui_msg(ui, WN_R_DIM, "y or n, please (Esc: no); nothing saved yet");
		return WN_FORM_OPEN;
	}
	f->asking = false;
	if (yes)
		return save(ui, f, true) ? WN_FORM_SAVED : WN_FORM_OPEN;
	wn_ui_msg(ui, WN_R_DIM, "not saved; the form is as it was");
	return WN_FORM_OPEN;
}

static bool is_fn(const struct wn_input *in, int key)
{
	return in->kind == WN_K_FN && in->ch == (wint_t)key;
}

int wn_planform_input(struct wn_ui *ui, struct wn_planform *f,
                      const struct wn_input *in)
{
	int arg;
	if (f->asking)
		return answer(ui, f, in);
	const struct wn_binding *b = wn_ui_lookup(WN_SC_PROMPT, in, &arg);
	if (b && b->action == WN_A_TEXT_CANCEL) {
		wn_ui_msg(ui, WN_R_DIM, "no new plan; nothing was changed");
		return WN_FORM_CANCELLED;
	}
	if (b && b->action == WN_A_TEXT_DONE && f->cur == F_SAVE)
		return save(ui, f, false) ? WN_FORM_SAVED : WN_FORM_OPEN;
	if ((b && b->action == WN_A_TEXT_DONE) || is_fn(in, KEY_DOWN) ||
	    (in->kind == WN_K_CHAR && in->ch == '\t'))
		form_move(f, 1);
	else if (is_fn(in, KEY_UP) || is_fn(in, KEY_BTAB))
		form_move(f, -1);
	else if (f->cur < F_SAVE && wn_edit_key(&f->f[f->cur], in, INPUT_W) == WN_EDIT_CHANGED)
		form_refresh(ui, f);
	return WN_FORM_OPEN;
}
