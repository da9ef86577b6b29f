/* SPDX-License-Identifier: GPL-3.0-or-later */
/* schema_v7.c -- version 7 of the diary's schema: the charts' summary
 * (issue 17), private to schema.c and check.c through schema_int.h.
 *
 * chart_sum(kind, id, span, period, sum, n) holds, for each calendar
 * month (span 1, period = year * 12 + month - 1) and each year (span 12,
 * period = the year), the sum and the count of what a chart means over
 * the days of that period:
 *
 *   kind 0, id 0           the burden: sum = every rating's value (the
 *                          sum of the days' burdens), n = days with at
 *                          least one rating
 *   kind 1, id = symptom   sum of its ratings, n = its ratings
 *   kind 2..5, id 0        mood, anxiety, energy, sleep of the check-ins:
 *                          sum of the values recorded, n = how many
 *   kind 6, id = metric    sum of its values, n = how many
 *
 * A period with nothing has no row.  Triggers on rating, checkin and
 * metric_value keep it in step with every insert, update (the upserts
 * included) and delete, so a day deleted leaves it right; an import
 * drops them in its transaction and makes them again at its end, with
 * the whole summary written again (wn_db_index_write), which costs less
 * than a trigger a row (chart_sum_delta, the queue every change goes
 * through, is empty between statements);
 * wn_db_chart_sum_calc (a query, not a view: views cost at every open)
 * computes the same rows from the records, for the tests;
 * the migration and `wean check` compute them in one pass over each
 * table instead (chartsum_calc.c: the view sorts every rating, in
 * memory).  The charts read it when each column spans whole months
 * (db/chartdata.h): the mean of a column is its sums over its counts,
 * exactly the mean of the days it covers.
 */
#include "schema_int.h"

#include <stddef.h>

/* The month and the year of a date column or expression d. */
#define MONTH_OF(d) "(CAST(substr(" d ", 1, 4) AS INTEGER) * 12 + CAST(substr(" d \
	", 6, 2) AS INTEGER) - 1)"
#define YEAR_OF(d) "CAST(substr(" d ", 1, 4) AS INTEGER)"

/* Every change goes through chart_sum_delta, as the search index's go
 * through journal_fts_queue: a trigger on it adds the row's sum and count
 * to its date's month and year, drops a period left with nothing, and
 * deletes the row, so the table stays empty.  The triggers on the records
 * only say what changes, one short INSERT each: the schema SQLite parses
 * at every open stays small (the same sums written out in every trigger
 * were 20 KB of SQL, 5 M instructions at each open). */
#define DELTA(k, i, d, s, n, cond) " SELECT " k ", " i ", " d ", " s ", " n " WHERE " cond
#define PUT(sel) " INSERT INTO chart_sum_delta(kind, id, date, sum, n)" sel ";"

/* A rating in or out: its symptom's sums and the burden's; a day counts
 * once, when its first rating comes and when its last one goes. */
#define RATING_IN(r, first) \
	DELTA("1", r ".symptom_id", r ".date", r ".value", "1", "1") " UNION ALL" \
	DELTA("0", "0", r ".date", r ".value", first, "1")
#define RATING_OUT(r, last) \
	DELTA("1", r ".symptom_id", r ".date", "-" r ".value", "-1", "1") " UNION ALL" \
	DELTA("0", "0", r ".date", "-" r ".value", "-(" last ")", "1")
#define ONLY_ONE(r) "NOT EXISTS (SELECT 1 FROM rating WHERE date = " r ".date" \
	" AND symptom_id <> " r ".symptom_id)"
#define NONE_LEFT(r) "NOT EXISTS (SELECT 1 FROM rating WHERE date = " r ".date)"

/* A check-in in or out: each of its four numbers that is recorded. */
#define CI_FIELD(r, k, f, sign) DELTA(k, "0", r ".date", sign r "." f, sign "1", \
	r "." f " IS NOT NULL")
#define CI_SUMS(r, sign) CI_FIELD(r, "2", "mood", sign) " UNION ALL" \
	CI_FIELD(r, "3", "anxiety", sign) " UNION ALL" CI_FIELD(r, "4", "energy", sign) \
	" UNION ALL" CI_FIELD(r, "5", "sleep", sign)

#define METRIC(r, sign) DELTA("6", r ".metric_id", r ".date", sign r ".value", sign "1", "1")

/* What chart_sum_delta's trigger does with a row: add it to the month
 * and the year of its date, and drop a period left with nothing. */
#define APPLY(sp, per) \
	" INSERT INTO chart_sum(kind, id, span, period, sum, n)" \
	" VALUES (new.kind, new.id, " sp ", " per ", new.sum, new.n)" \
	" ON CONFLICT DO UPDATE SET sum = sum + excluded.sum, n = n + excluded.n;" \
	" DELETE FROM chart_sum WHERE kind = new.kind AND id = new.id AND span = " sp \
	" AND period = " per " AND n = 0;"

/* The summary from the records: what chart_sum must hold. */
#define CALC_SPAN(sp, per) \
	" SELECT 0, 0, " sp ", " per ", sum(s), count(*) FROM" \
	"  (SELECT date, sum(value) AS s FROM rating GROUP BY date) GROUP BY 4" \
	" UNION ALL SELECT 1, symptom_id, " sp ", " per ", sum(value), count(*)" \
	"  FROM rating GROUP BY 2, 4" \
	" UNION ALL SELECT 2, 0, " sp ", " per ", sum(mood), count(mood) FROM checkin" \
	"  WHERE mood IS NOT NULL GROUP BY 4" \
	" UNION ALL SELECT 3, 0, " sp ", " per ", sum(anxiety), count(anxiety) FROM checkin" \
	"  WHERE anxiety IS NOT NULL GROUP BY 4" \
	" UNION ALL SELECT 4, 0, " sp ", " per ", sum(energy), count(energy) FROM checkin" \
	"  WHERE energy IS NOT NULL GROUP BY 4" \
	" UNION ALL SELECT 5, 0, " sp ", " per ", sum(sleep), count(sleep) FROM checkin" \
	"  WHERE sleep IS NOT NULL GROUP BY 4" \
	" UNION ALL SELECT 6, metric_id, " sp ", " per ", sum(value), count(*)" \
	"  FROM metric_value GROUP BY 2, 4"

/* Not a view in the diary: SQLite parses every view and trigger at each
 * open, and nothing but the tests reads this. */
const char wn_db_chart_sum_calc[] =
	"SELECT * FROM (" CALC_SPAN("1", MONTH_OF("date")) ") UNION ALL SELECT * FROM ("
	CALC_SPAN("12", YEAR_OF("date")) ")";

const char *const wn_db_schema_v7[] = {
	"CREATE TABLE chart_sum ("
	" kind INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 6),"
	" id INTEGER NOT NULL,"
	" span INTEGER NOT NULL CHECK (span IN (1, 12)),"
	" period INTEGER NOT NULL,"
	" sum REAL NOT NULL,"
	" n INTEGER NOT NULL,"
	" PRIMARY KEY (kind, id, span, period)) STRICT, WITHOUT ROWID;",

	"CREATE TABLE chart_sum_delta ("
	" kind INTEGER NOT NULL, id INTEGER NOT NULL, date TEXT NOT NULL,"
	" sum REAL NOT NULL, n INTEGER NOT NULL) STRICT;",
	"CREATE TRIGGER chart_sum_apply AFTER INSERT ON chart_sum_delta BEGIN"
	APPLY("1", MONTH_OF("new.date")) APPLY("12", YEAR_OF("new.date"))
	" DELETE FROM chart_sum_delta WHERE rowid = new.rowid; END;",

	"CREATE TRIGGER rating_sum_insert AFTER INSERT ON rating BEGIN"
	PUT(RATING_IN("new", ONLY_ONE("new"))) " END;",
	"CREATE TRIGGER rating_sum_delete AFTER DELETE ON rating BEGIN"
	PUT(RATING_OUT("old", NONE_LEFT("old"))) " END;",
	"CREATE TRIGGER rating_sum_update AFTER UPDATE OF date, symptom_id, value ON rating"
	" BEGIN"
	PUT(RATING_OUT("old", "old.date IS NOT new.date AND " NONE_LEFT("old")))
	PUT(RATING_IN("new", "old.date IS NOT new.date AND " ONLY_ONE("new"))) " END;",

	"CREATE TRIGGER checkin_sum_insert AFTER INSERT ON checkin BEGIN"
	PUT(CI_SUMS("new", "")) " END;",
	"CREATE TRIGGER checkin_sum_delete AFTER DELETE ON checkin BEGIN"
	PUT(CI_SUMS("old", "-")) " END;",
	"CREATE TRIGGER checkin_sum_update AFTER UPDATE OF date, mood, anxiety, energy, sleep"
	" ON checkin BEGIN"
	PUT(CI_SUMS("old", "-")) PUT(CI_SUMS("new", "")) " END;",

	"CREATE TRIGGER metric_sum_insert AFTER INSERT ON metric_value BEGIN"
	PUT(METRIC("new", "")) " END;",
	"CREATE TRIGGER metric_sum_delete AFTER DELETE ON metric_value BEGIN"
	PUT(METRIC("old", "-")) " END;",
	"CREATE TRIGGER metric_sum_update AFTER UPDATE OF date, metric_id, value"
	" ON metric_value BEGIN"
	PUT(METRIC("old", "-")) PUT(METRIC("new", "")) " END;",
	NULL,
};
