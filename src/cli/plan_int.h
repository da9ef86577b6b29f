/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plan_int.h -- shared by the files of `wean plan` (src/cli/plan.c: add,
 * hold, resume, reinstate; src/cli/plan_show.c: show). */
#ifndef WEAN_CLI_PLAN_INT_H
#define WEAN_CLI_PLAN_INT_H

#include "cli/cli.h"
#include "core/plan.h"
#include "core/records.h"
#include "core/switch.h"

#include <stdio.h>

struct wn_db;

/* The active plan of m with its schedule built; WN_NOINPUT with a hint
 * to add one when there is none.  Free with wn_plan_built_free(). */
int wn_cli_plan_load(struct wn_db *db, const struct wn_med *m, struct wn_plan_built *l,
                     struct wn_err *err);

/* Prints the review of a plan about to be saved (its findings; nothing
 * when there are none).  With warnings and without accept it adds that
 * nothing was saved and returns WN_DATAERR (the caller saves nothing);
 * otherwise WN_OK. */
int wn_cli_plan_second_yes(struct wn_cli *c, const struct wn_review *r, bool accept,
                           struct wn_err *err);

/* The review of a saved plan, each warning marked acknowledged (when)
 * or not, after the words on the plan's one form and the day the person
 * recorded agreeing it with their prescriber. */
int wn_cli_plan_review_show(struct wn_cli *c, const struct wn_plan_built *b,
                            const struct wn_med *m, struct wn_err *err);

/* `wean plan show [MED]`: one plan, or every plan and, with two or more,
 * the plans side by side. */
int wn_cli_plan_show(struct wn_cli *c, const char *med, struct wn_err *err);

/* `wean plan switch` (plan_switch.c): the options as given. */
struct wn_cli_switch_args {
	const char *from, *to, *stage, *table, *start, *method, *step, *every, *to_dose;
	bool accept;
};
int wn_cli_plan_switch(struct wn_cli *c, const struct wn_cli_switch_args *a,
                       struct wn_err *err);

/* The switch's table: each stage's doses of both drugs and the day's
 * combined diazepam equivalent, with the table's source and the rule. */
struct wn_cli_switch_view {
	const struct wn_switch *sw;
	const char *from_name, *to_name;
	enum wn_switch_table table;
	int stage_days;
	wn_date taper_from;
};
void wn_cli_switch_print(FILE *f, const struct wn_cli_switch_view *v);
/* In `plan show` of the plan a switch replaces: the review of the switch
 * by the combined equivalent, with p's acknowledgements; WN_NOINPUT
 * when p is not the plan a switch replaces (then its own review shows). */
int wn_cli_switch_review_show(struct wn_cli *c, struct wn_db *db, const struct wn_plan *p,
                              struct wn_err *err);
/* In `plan show`: the switch plan p takes part in (either side), its
 * table rebuilt from the stored plans; nothing when none. */
int wn_cli_switch_show(struct wn_cli *c, struct wn_db *db, const struct wn_plan *p,
                       struct wn_err *err);

#endif
