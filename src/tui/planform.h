/* SPDX-License-Identifier: GPL-3.0-or-later */
/* planform.h -- the forms on the Plan screen that make a taper plan and
 * add a medication (private to plan.c, planform.c and medform.c).
 *
 * One field per line (method, start, starting dose, step, interval,
 * rounding, floor, target, custom steps), with the plan's review (its
 * counts and findings in a few words) and the first steps of the
 * resulting schedule previewed live under it.  Nothing is written until
 * "save"; then the plan is stored with wn_db_plan_add() (which keeps the
 * previous plan for history), after the second yes when its review has
 * a warning.  Opening it on a medication that has a plan
 * pre-fills the fields from that plan, starting today at today's planned
 * dose: that is how a plan is edited.
 *
 * A form is a value the Plan screen owns: open returns it (or NULL, with
 * the reason in the status line), the screen passes it to draw and input
 * while it is open, and frees it when input says it closed.
 */
#ifndef WEAN_TUI_PLANFORM_H
#define WEAN_TUI_PLANFORM_H

#include "core/records.h"
#include "tui.h"

/* What a key did to an open form. */
enum wn_form_result {
	WN_FORM_OPEN,            /* still open */
	WN_FORM_CANCELLED,       /* closed, nothing written */
	WN_FORM_SAVED,           /* closed, written */
};

struct wn_planform;

/* A form for a new plan of m; NULL (message shown) when it cannot open. */
struct wn_planform *wn_planform_open(struct wn_ui *ui, const struct wn_med *m);
void wn_planform_draw(struct wn_ui *ui, struct wn_planform *f);
/* A key while the form is open: enum wn_form_result.  "save" on a plan
 * whose review has a warning asks the second yes first (findings.h):
 * then the next key is the answer, y saves, any other keeps the form. */
int wn_planform_input(struct wn_ui *ui, struct wn_planform *f,
                      const struct wn_input *in);
/* Whether the form is asking the second yes (its scope is then
 * WN_SC_ASK). */
bool wn_planform_asking(const struct wn_planform *f);
/* Frees the form and everything it owns; NULL is nothing. */
void wn_planform_free(struct wn_planform *f);

/* The form that adds a medication (medform.c), used the same way; after
 * WN_FORM_SAVED, wn_medform_added() is the new medication (valid until
 * the form is freed). */
struct wn_medform;

struct wn_medform *wn_medform_open(struct wn_ui *ui);
/* The same form changing m (E on the Plan screen): its name, unit and
 * forms pre-filled; "save" writes what differs; wn_medform_added() is
 * then the medication as changed. */
struct wn_medform *wn_medform_open_edit(struct wn_ui *ui, const struct wn_med *m);
void wn_medform_draw(struct wn_ui *ui, struct wn_medform *f);
int wn_medform_input(struct wn_ui *ui, struct wn_medform *f,
                     const struct wn_input *in);
const struct wn_med *wn_medform_added(const struct wn_medform *f);
void wn_medform_free(struct wn_medform *f);

#endif
