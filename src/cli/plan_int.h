/* plan_int.h -- shared by the files of `wean plan` (src/cli/plan.c: add,
 * hold, resume, reinstate; src/cli/plan_show.c: show). */
#ifndef WEAN_CLI_PLAN_INT_H
#define WEAN_CLI_PLAN_INT_H

#include "cli/cli.h"
#include "core/plan.h"
#include "core/records.h"

struct wn_db;

/* The active plan of m with its schedule built; WN_NOINPUT with a hint
 * to add one when there is none.  Free with wn_plan_built_free(). */
int wn_cli_plan_load(struct wn_db *db, const struct wn_med *m, struct wn_plan_built *l,
                     struct wn_err *err);

/* `wean plan show [MED]`: one plan, or every plan and, with two or more,
 * the plans side by side. */
int wn_cli_plan_show(struct wn_cli *c, const char *med, struct wn_err *err);

#endif
