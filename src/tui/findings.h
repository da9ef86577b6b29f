/* SPDX-License-Identifier: GPL-3.0-or-later */
/* findings.h -- a plan review on the screens (private to src/tui): the
 * findings drawn in a box, and the second yes asked on the row above the
 * hints.  What goes in which row is core/findings.h's.
 *
 * The second yes: a plan (or a going back up) whose review has a warning
 * is not saved at once; the screen shows the findings, asks
 * wn_findings_question() with wn_ui_ask_draw() while its scope is
 * WN_SC_ASK, and saves only when wn_ui_ask_yes() says the answer was y.
 * Any other key (n, Esc, ...) is no: nothing is saved.
 */
#ifndef WEAN_TUI_FINDINGS_H
#define WEAN_TUI_FINDINGS_H

#include <stdbool.h>

#include "core/findings.h"
#include "tui.h"

/* Draws r's findings in box (wn_findings_layout: each its sentence while
 * they fit, else its few words; brief: always its few words), the tag of
 * a warning in the notice role.  Returns the rows drawn. */
int wn_ui_findings_draw(struct wn_ui *ui, const struct wn_review *r,
                        struct wn_box box, bool brief);

/* The role of a finding's tag. */
int wn_ui_findings_role(enum wn_review_level l);

/* The question on the row above the hints (it takes the message row). */
void wn_ui_ask_draw(struct wn_ui *ui, const char *question);
/* True when the key answers yes (y or Y); every other key is no. */
bool wn_ui_ask_yes(const struct wn_input *in);
/* A y/N question that owns the keyboard: 1 for y, 0 for n, Esc or Enter
 * (the N is the default), -1 for any other key (it answers nothing: the
 * question stays, so typed words never run as commands). */
int wn_ui_ask_answer(const struct wn_input *in);

#endif
