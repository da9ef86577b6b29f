/* ui_planform.h -- the forms on the Plan screen that make a taper plan
 * and add a medication (private to ui_plan.c, ui_planform.c and
 * ui_medform.c).
 *
 * One field per line (method, start, starting dose, step, interval,
 * rounding, floor, target, custom steps), with the first steps of the
 * resulting schedule previewed live under it.  Nothing is written until
 * "save"; then the plan is stored with wn_db_plan_add() (which keeps the
 * previous plan for history).  Opening it on a medication that has a plan
 * pre-fills the fields from that plan, starting today at today's planned
 * dose: that is how a plan is edited.
 */
#ifndef WEAN_UI_PLANFORM_H
#define WEAN_UI_PLANFORM_H

#include <stdbool.h>

#include "db/db.h"
#include "tui.h"
#include "core/records.h"
#include "db/plan.h"

/* Open the form for m; false (message shown) when it cannot. */
bool wn_planform_open(struct wn_ui *ui, const struct wn_med *m);
bool wn_planform_is_open(void);
void wn_planform_draw(struct wn_ui *ui);
/* A key while the form is open.  Returns true when the form closed
 * (saved or cancelled); *saved tells which. */
bool wn_planform_input(struct wn_ui *ui, const struct wn_input *in, bool *saved);
/* Free everything (also when open). */
void wn_planform_close(void);

/* The form that adds a medication (ui_medform.c), used the same way; on a
 * save, *added receives the new medication. */
bool wn_medform_open(struct wn_ui *ui);
bool wn_medform_is_open(void);
void wn_medform_draw(struct wn_ui *ui);
bool wn_medform_input(struct wn_ui *ui, const struct wn_input *in, bool *saved,
                      struct wn_med *added);
void wn_medform_close(void);

#endif
