/* SPDX-License-Identifier: GPL-3.0-or-later */
/* schema_v9.c -- version 9 of the diary's schema: each day's ratings
 * added up (issue 17's TUI start), private to schema.c, schema_index.c
 * and check.c through schema_int.h.
 *
 * day_sum(date, sum, n) has one row per date with at least one rating:
 * the sum of that date's rating values and how many there are.  A day's
 * level, as the hold rules judge it (db/holdrule.h), is sum / n, so they
 * read a row a day instead of a row a rating.
 *
 * No trigger on rating: every change to a rating already goes through
 * chart_sum_delta (schema_v7.c) as a kind-1 row (sum = +-value, n = +-1,
 * its date), and one trigger there adds it to its date's row and drops
 * a row left with no rating.  One short trigger, as SQLite parses every
 * trigger at every open.  It fires beside chart_sum_apply, which deletes
 * the queue's row: new.* is the row as it was inserted either way.  An
 * import drops it with v7's triggers and fills the table again at its
 * end (schema_index.c), and the migration to 9 fills it, both in
 * chartsum_calc.c's one pass over the ratings (wn_db_sums_fill).
 */
#include "schema_int.h"

#include <stddef.h>

const char *const wn_db_schema_v9[] = {
	"CREATE TABLE day_sum ("
	" date TEXT PRIMARY KEY NOT NULL,"
	" sum INTEGER NOT NULL,"
	" n INTEGER NOT NULL) STRICT, WITHOUT ROWID;",

	"CREATE TRIGGER day_sum_apply AFTER INSERT ON chart_sum_delta WHEN new.kind = 1 BEGIN"
	" INSERT INTO day_sum(date, sum, n) VALUES (new.date, new.sum, new.n)"
	" ON CONFLICT DO UPDATE SET sum = sum + excluded.sum, n = n + excluded.n;"
	" DELETE FROM day_sum WHERE date = new.date AND n = 0; END;",
	NULL,
};
