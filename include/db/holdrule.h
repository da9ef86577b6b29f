/* SPDX-License-Identifier: GPL-3.0-or-later */
/* holdrule.h (db) -- reading what the hold rules (core/holdrule.h) judge a
 * day by, and keeping the proposals made and what became of them
 * (shown, accepted, dismissed) for the report.
 */
#ifndef WEAN_DB_HOLDRULE_H
#define WEAN_DB_HOLDRULE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/config.h"
#include "core/date.h"
#include "core/holdrule.h"
#include "core/status.h"
#include "core/taper.h"

struct wn_db;

/* Judges `day` of schedule s with the config's rules: fills *in (the
 * windows with their means, the nights' sleep) and *out (out->base points
 * into *in, so keep in as long as out).  WN_OK (out->propose says), or a
 * storage error.  Nothing to judge (rules off, no schedule) is WN_OK with
 * out zeroed. */
int wn_db_holdrule(struct wn_db *db, const struct wn_config *cfg,
                   const struct wn_schedule *s, wn_date day,
                   struct wn_holdrule_in *in, struct wn_holdrule_out *out,
                   struct wn_err *err);

enum wn_proposal_state { WN_PROPOSAL_SHOWN, WN_PROPOSAL_ACCEPTED, WN_PROPOSAL_DISMISSED };

/* "shown", "accepted", "dismissed". */
const char *wn_proposal_state_name(enum wn_proposal_state s);

/* Records that a hold was proposed for medication med_id on `day`, with
 * why; an existing record of that day keeps its state and gets the newer
 * reason. */
int wn_db_proposal_shown(struct wn_db *db, long med_id, wn_date day, const char *why,
                         struct wn_err *err);
/* The latest proposal for med_id on or before `day` (within 14 days) gets
 * state; WN_NOINPUT when there is none. */
int wn_db_proposal_answer(struct wn_db *db, long med_id, wn_date day,
                          enum wn_proposal_state state, struct wn_err *err);

/* The state of med_id's proposal of `day`; WN_NOINPUT when there is none. */
int wn_db_proposal_get(struct wn_db *db, long med_id, wn_date day,
                       enum wn_proposal_state *state, struct wn_err *err);

struct wn_proposal {
	long med_id;
	wn_date date;
	char why[256];
	enum wn_proposal_state state;
};
/* What a screen does when the rules propose a hold for p->med_id on
 * p->date with the reason p->why: p->state gets the state of that day's
 * proposal (WN_PROPOSAL_SHOWN when there is none yet); when keep is true
 * and it is not dismissed, it is recorded as wn_db_proposal_shown()
 * records it -- written only when the record is missing or has another
 * reason, so showing the same proposal again writes nothing. */
int wn_db_proposal_seen(struct wn_db *db, struct wn_proposal *p, bool keep,
                        struct wn_err *err);

/* The proposals dated from..to, by date.  *out malloc'd (free()). */
int wn_db_proposals(struct wn_db *db, wn_date from, wn_date to,
                    struct wn_proposal **out, size_t *n, struct wn_err *err);

#endif
