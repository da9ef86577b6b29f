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
 * than a trigger a row;
 * chart_sum_calc (a view of chart_sum_months and _years) computes the
 * same rows from the records, for the tests and for a look with sqlite3;
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

/* Adds sum s and count n to (kind k, id i) in date d's period of span sp
 * (per: its period), when cond holds. */
#define ADD_IN(k, i, sp, per, s, n, cond) \
	" INSERT INTO chart_sum(kind, id, span, period, sum, n) SELECT " k ", " i ", " sp \
	", " per ", " s ", " n " WHERE " cond \
	" ON CONFLICT DO UPDATE SET sum = sum + excluded.sum, n = n + excluded.n;"
#define ADD_IF(k, i, d, s, n, cond) \
	ADD_IN(k, i, "1", MONTH_OF(d), s, n, cond) ADD_IN(k, i, "12", YEAR_OF(d), s, n, cond)
#define ADD(k, i, d, s, n) ADD_IF(k, i, d, s, n, "1")
/* A period left with nothing loses its row. */
#define TIDY(k, i, d) \
	" DELETE FROM chart_sum WHERE kind = " k " AND id = " i " AND span = 1" \
	" AND period = " MONTH_OF(d) " AND n = 0;" \
	" DELETE FROM chart_sum WHERE kind = " k " AND id = " i " AND span = 12" \
	" AND period = " YEAR_OF(d) " AND n = 0;"

/* A rating in or out: its symptom's sums and the burden's; a day counts
 * once, when its first rating comes and when its last one goes. */
#define RATING_IN(r, first) ADD("1", r ".symptom_id", r ".date", r ".value", "1") \
	ADD("0", "0", r ".date", r ".value", first)
#define RATING_OUT(r, last) ADD("1", r ".symptom_id", r ".date", "-" r ".value", "-1") \
	ADD("0", "0", r ".date", "-" r ".value", "-(" last ")") \
	TIDY("1", r ".symptom_id", r ".date") TIDY("0", "0", r ".date")
#define ONLY_ONE(r) "NOT EXISTS (SELECT 1 FROM rating WHERE date = " r ".date" \
	" AND symptom_id <> " r ".symptom_id)"
#define NONE_LEFT(r) "NOT EXISTS (SELECT 1 FROM rating WHERE date = " r ".date)"

/* A check-in in or out: each of its four numbers that is recorded. */
#define CI_FIELD(r, k, f, sign) ADD_IF(k, "0", r ".date", sign r "." f, sign "1", \
	r "." f " IS NOT NULL")
#define CI_SUMS(r, sign) CI_FIELD(r, "2", "mood", sign) CI_FIELD(r, "3", "anxiety", sign) \
	CI_FIELD(r, "4", "energy", sign) CI_FIELD(r, "5", "sleep", sign)
#define CI_TIDY(r) TIDY("2", "0", r ".date") TIDY("3", "0", r ".date") \
	TIDY("4", "0", r ".date") TIDY("5", "0", r ".date")

#define METRIC_IN(r) ADD("6", r ".metric_id", r ".date", r ".value", "1")
#define METRIC_OUT(r) ADD("6", r ".metric_id", r ".date", "-" r ".value", "-1") \
	TIDY("6", r ".metric_id", r ".date")

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

const char *const wn_db_schema_v7[] = {
	"CREATE TABLE chart_sum ("
	" kind INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 6),"
	" id INTEGER NOT NULL,"
	" span INTEGER NOT NULL CHECK (span IN (1, 12)),"
	" period INTEGER NOT NULL,"
	" sum REAL NOT NULL,"
	" n INTEGER NOT NULL,"
	" PRIMARY KEY (kind, id, span, period)) STRICT, WITHOUT ROWID;",

	"CREATE VIEW chart_sum_months(kind, id, span, period, sum, n) AS"
	CALC_SPAN("1", MONTH_OF("date")) ";",
	"CREATE VIEW chart_sum_years(kind, id, span, period, sum, n) AS"
	CALC_SPAN("12", YEAR_OF("date")) ";",
	"CREATE VIEW chart_sum_calc AS SELECT * FROM chart_sum_months"
	" UNION ALL SELECT * FROM chart_sum_years;",

	"CREATE TRIGGER rating_sum_insert AFTER INSERT ON rating BEGIN"
	RATING_IN("new", ONLY_ONE("new")) " END;",
	"CREATE TRIGGER rating_sum_delete AFTER DELETE ON rating BEGIN"
	RATING_OUT("old", NONE_LEFT("old")) " END;",
	"CREATE TRIGGER rating_sum_update AFTER UPDATE OF date, symptom_id, value ON rating"
	" BEGIN"
	RATING_OUT("old", "old.date IS NOT new.date AND " NONE_LEFT("old"))
	RATING_IN("new", "old.date IS NOT new.date AND " ONLY_ONE("new")) " END;",

	"CREATE TRIGGER checkin_sum_insert AFTER INSERT ON checkin BEGIN"
	CI_SUMS("new", "") " END;",
	"CREATE TRIGGER checkin_sum_delete AFTER DELETE ON checkin BEGIN"
	CI_SUMS("old", "-") CI_TIDY("old") " END;",
	/* an update in two triggers (their order does not matter) */
	"CREATE TRIGGER checkin_sum_update AFTER UPDATE OF date, mood, anxiety, energy, sleep"
	" ON checkin BEGIN"
	CI_SUMS("old", "-") CI_TIDY("old") " END;",
	"CREATE TRIGGER checkin_sum_update_in AFTER UPDATE OF date, mood, anxiety, energy, sleep"
	" ON checkin BEGIN"
	CI_SUMS("new", "") " END;",

	"CREATE TRIGGER metric_sum_insert AFTER INSERT ON metric_value BEGIN"
	METRIC_IN("new") " END;",
	"CREATE TRIGGER metric_sum_delete AFTER DELETE ON metric_value BEGIN"
	METRIC_OUT("old") " END;",
	"CREATE TRIGGER metric_sum_update AFTER UPDATE OF date, metric_id, value"
	" ON metric_value BEGIN"
	ADD("6", "old.metric_id", "old.date", "-old.value", "-1") METRIC_IN("new")
	TIDY("6", "old.metric_id", "old.date") " END;",
	NULL,
};
