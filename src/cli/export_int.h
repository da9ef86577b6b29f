/* SPDX-License-Identifier: GPL-3.0-or-later */
/* export_int.h (cli) -- private to export.c and export_ics.c: the events
 * of `wean export --format ics`, gathered from the diary (export_ics.c)
 * and written by export.c. */
#ifndef WEAN_CLI_EXPORT_INT_H
#define WEAN_CLI_EXPORT_INT_H

#include <stddef.h>

#include "core/date.h"
#include "core/ics.h"
#include "core/status.h"

struct wn_db;

/* Every step and reinstatement of every plan, the retired ones too: a
 * calendar that had them from an earlier export gets each again under
 * its UID, moved (a higher SEQUENCE) or cancelled (core/ics.h). */
struct wn_cli_ics_events {
	struct wn_ics_event *ev;
	size_t n, cap;
	size_t plans, broken;    /* plans read; retired ones that no longer build */
	size_t steps, reinstated, held, gone;   /* what the events are */
	size_t stages;           /* of a switch to diazepam (core/ics.h) */
	wn_date from, to;
};

/* Every event of every plan in e->from..e->to into e: WN_OK, WN_NOINPUT
 * when there is no plan or no event in the dates, or the error met. */
int wn_cli_ics_collect(struct wn_db *db, struct wn_cli_ics_events *e, struct wn_err *err);
void wn_cli_ics_events_free(struct wn_cli_ics_events *e);

#endif
