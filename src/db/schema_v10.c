/* SPDX-License-Identifier: GPL-3.0-or-later */
/* schema_v10.c -- version 10 of the diary's schema: the plan cache kept
 * in step by the diary itself (issue 17), private to schema.c through
 * schema_int.h.
 *
 * Until version 10 an entry of plan_cache (version 8, db/plancache.h)
 * was used only when a key spelling out every input of the plan matched,
 * so Today read the plan, its forms, holds and acknowledgements at every
 * start just to make that key: four queries, most of what a start with
 * plans cost over one without.  From version 10, every change to those
 * inputs empties the cache, in a trigger SQLite runs with the change
 * whichever program makes it: the plan itself, its holds and going back
 * up (hold), custom steps, acknowledged findings, the medication (its
 * name, unit, drug) and its forms, and a switch that replaces a plan.
 * An entry is then the plan as it stands: written in the read
 * transaction its inputs were read in, for the medication's latest
 * active plan, it stays that plan's until a change empties the cache, so
 * a medication has at most one entry, and Today reads it by the
 * medication in one short query.  The whole cache goes (a handful of rows), not the one plan's:
 * a trigger that names no rows is short, and SQLite parses every
 * trigger at each open of the diary, for every command.
 */
#include "schema_int.h"

#include <stddef.h>

#define EMPTIES(name, op, table) \
	"CREATE TRIGGER " name " AFTER " op " ON " table \
	" BEGIN DELETE FROM plan_cache; END;"
#define ALL_OPS(table) \
	EMPTIES("plan_cache_" table "_i", "INSERT", table), \
	EMPTIES("plan_cache_" table "_u", "UPDATE", table), \
	EMPTIES("plan_cache_" table "_d", "DELETE", table)

const char *const wn_db_schema_v10[] = {
	/* made again, with its medication, for Today's one query; what the
	 * old entries hold is computed again when next shown */
	"DROP TABLE plan_cache;",
	"CREATE TABLE plan_cache ("
	" plan_id INTEGER PRIMARY KEY REFERENCES plan(id) ON DELETE CASCADE,"
	" med_id INTEGER NOT NULL,"
	" key BLOB NOT NULL, data BLOB NOT NULL) STRICT;",
	ALL_OPS("plan"),
	ALL_OPS("hold"),
	ALL_OPS("plan_step_custom"),
	ALL_OPS("plan_ack"),
	ALL_OPS("med_form"),
	ALL_OPS("plan_switch"),
	/* a medication comes before its plans and goes with them */
	EMPTIES("plan_cache_medication_u", "UPDATE", "medication"),
	NULL,
};
