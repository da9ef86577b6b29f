/* SPDX-License-Identifier: GPL-3.0-or-later */
/* schema_old.h -- for the tests that make an older diary out of a new
 * one: the SQL that takes version 5's (and 6's) parts away (the journal's search
 * index, its view, its queue and its triggers; schema.c), so that the
 * migration to version 5 runs again on the next open.  (Version 4's dose
 * table is left as it is: its migration makes the table again, the same,
 * when a test sets an older version.) */
#ifndef WEAN_TEST_SCHEMA_OLD_H
#define WEAN_TEST_SCHEMA_OLD_H

/* Version 10's parts (the triggers that empty the plan cache, and the
 * cache with its medication; schema_v10.c): the cache as version 8 made
 * it again.  Part of WN_TEST_DROP_V9, since an older version has none. */
#define WN_TEST_DROP_V10_TRIGGERS(t) "DROP TRIGGER IF EXISTS plan_cache_" t "_i;" \
	" DROP TRIGGER IF EXISTS plan_cache_" t "_u; DROP TRIGGER IF EXISTS plan_cache_" t "_d; "
#define WN_TEST_DROP_V10 WN_TEST_DROP_V10_TRIGGERS("plan") \
	WN_TEST_DROP_V10_TRIGGERS("hold") WN_TEST_DROP_V10_TRIGGERS("plan_step_custom") \
	WN_TEST_DROP_V10_TRIGGERS("plan_ack") WN_TEST_DROP_V10_TRIGGERS("med_form") \
	WN_TEST_DROP_V10_TRIGGERS("plan_switch") "DROP TRIGGER IF EXISTS plan_cache_medication_u;" \
	" DROP TABLE plan_cache; CREATE TABLE plan_cache (" \
	" plan_id INTEGER PRIMARY KEY REFERENCES plan(id) ON DELETE CASCADE," \
	" key BLOB NOT NULL, data BLOB NOT NULL) STRICT; "

/* Version 9's parts (the days' sums and their trigger; schema_v9.c):
 * part of WN_TEST_DROP_V8, since an older version has none. */
#define WN_TEST_DROP_V9 WN_TEST_DROP_V10 "DROP TRIGGER day_sum_apply; DROP TABLE day_sum; "

/* Version 8's part (the plan cache; db/plancache.h): part of
 * WN_TEST_DROP_V7, since an older version has none. */
#define WN_TEST_DROP_V8 WN_TEST_DROP_V9 "DROP TABLE plan_cache; "

/* Version 7's parts (the charts' summary, its views and triggers;
 * schema_v7.c): part of WN_TEST_DROP_V6, since an older version has none
 * of them. */
#define WN_TEST_DROP_V7 WN_TEST_DROP_V8 \
	"DROP TRIGGER rating_sum_insert; DROP TRIGGER rating_sum_delete;" \
	" DROP TRIGGER rating_sum_update; DROP TRIGGER checkin_sum_insert;" \
	" DROP TRIGGER checkin_sum_delete; DROP TRIGGER checkin_sum_update;" \
	" DROP TRIGGER chart_sum_apply; DROP TRIGGER metric_sum_insert;" \
	" DROP TRIGGER metric_sum_delete; DROP TRIGGER metric_sum_update;" \
	" DROP TABLE chart_sum_delta; DROP TABLE chart_sum; "

/* Version 6's parts (a plan's doses through the day, the switch link):
 * part of WN_TEST_DROP_V5, since an older version has none of them. */
#define WN_TEST_DROP_V6 WN_TEST_DROP_V7 \
	"DROP TABLE plan_switch; ALTER TABLE plan DROP COLUMN dose_times;" \
	" ALTER TABLE plan DROP COLUMN dose_split; ALTER TABLE plan DROP COLUMN cut_first;"

#define WN_TEST_DROP_V5 WN_TEST_DROP_V6 \
	" DROP TRIGGER checkin_fts_insert; DROP TRIGGER checkin_fts_delete;" \
	" DROP TRIGGER checkin_fts_update; DROP TRIGGER quicknote_fts_insert;" \
	" DROP TRIGGER quicknote_fts_delete; DROP TRIGGER quicknote_fts_update;" \
	" DROP TRIGGER question_fts_insert; DROP TRIGGER question_fts_delete;" \
	" DROP TRIGGER question_fts_update; DROP TABLE journal_fts_queue;" \
	" DROP TABLE journal_fts; DROP VIEW journal_text;"

#endif
