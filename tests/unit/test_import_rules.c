/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for the rules every import goes through (issue 15): each
 * file below breaks one rule the rest of wean keeps; each is refused with
 * WN_DATAERR, a message naming its line and field, and nothing written.
 * Before, each of them was imported (exit 0), and `report`, `plan show`
 * or the CSV export failed afterwards, or doses changed meaning. */
#include <criterion/criterion.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/buf.h"
#include "db/import.h"
#include "db/db.h"
#include "tmpdir.h"
#include "db/db_int.h"   /* the raw handle, to look into the file */

static char rdir[4096];
static struct wn_db *rdb;
static struct wn_err rerr;

/* A diary with a medication in mg with a dose and an active plan, an
 * archived medication, a hidden symptom, a rated one, a metric 0..10 with
 * a value, and a check-in. */
static const char fixture[] =
	"INSERT INTO medication(name, unit) VALUES ('sertraline', 'mg');"
	"INSERT INTO medication(name, unit, archived, archived_on)"
	" VALUES ('oldmed', 'mg', 1, '2026-06-01');"
	"INSERT INTO dose(date, med_id, minute, amount) VALUES ('2026-05-01', 1, 480, 50);"
	"INSERT INTO plan(med_id, method, start_date, from_dose, step, every_days)"
	" VALUES (1, 'percent', '2026-04-01', 50, 10, 14);"
	"UPDATE symptom SET hidden = 1, hidden_on = '2026-06-01' WHERE name = 'nausea';"
	"INSERT INTO rating(date, symptom_id, value)"
	" SELECT '2026-05-01', id, 2 FROM symptom WHERE name = 'headache';"
	"INSERT INTO metric_def(name, min, max) VALUES ('pain', 0, 10);"
	"INSERT INTO metric_value(date, metric_id, value) VALUES ('2026-05-01', 1, 8);"
	"INSERT INTO checkin(date, mood, note) VALUES ('2026-05-01', 5, 'mine');";

static void r_setup(void)
{
	wn_test_mkdtemp(rdir, sizeof rdir, "irules");
	setenv("WEAN_TODAY", "2026-11-25", 1);
	char path[4200];
	snprintf(path, sizeof path, "%s/d.db", rdir);
	struct wn_db_opts o = { .path = path, .create = true };
	wn_err_clear(&rerr);
	cr_assert_eq(wn_db_open(&rdb, &o, &rerr), WN_OK, "%s", rerr.msg);
	char *msg = NULL;
	cr_assert_eq(sqlite3_exec(wn_db_sqlite(rdb), fixture, NULL, NULL, &msg), SQLITE_OK,
	             "%s", msg ? msg : "");
}

static void r_teardown(void)
{
	wn_db_close(rdb);
	wn_test_rmtree(rdir);
}

TestSuite(import_rules, .init = r_setup, .fini = r_teardown);

/* Every row of every table, as text: the same before and after means
 * nothing was written. */
static char *dump(void)
{
	sqlite3 *h = wn_db_sqlite(rdb);
	sqlite3_stmt *t, *st;
	struct wn_buf b;
	wn_buf_init(&b);
	cr_assert_eq(sqlite3_prepare_v2(h, "SELECT name FROM sqlite_schema WHERE type = 'table'"
	                                " ORDER BY name", -1, &t, NULL), SQLITE_OK);
	while (sqlite3_step(t) == SQLITE_ROW) {
		char q[128];
		snprintf(q, sizeof q, "SELECT * FROM \"%s\"", (const char *)sqlite3_column_text(t, 0));
		cr_assert_eq(sqlite3_prepare_v2(h, q, -1, &st, NULL), SQLITE_OK, "%s", q);
		while (sqlite3_step(st) == SQLITE_ROW)
			for (int i = 0; i < sqlite3_column_count(st); i++)
				wn_buf_addf(&b, "%s|", (const char *)sqlite3_column_text(st, i));
		sqlite3_finalize(st);
		wn_buf_addc(&b, '\n');
	}
	sqlite3_finalize(t);
	return wn_buf_detach(&b);
}

#define J "{\"format\":\"wean\",\"schema_version\":2,\n"
#define CSV_HEAD "date,has_checkin,mood,anxiety,energy,sleep,burden,nausea,pain," \
	"oldmed taken,flag,note\r\n"
#define DAYLIO_HEAD "full_date,date,weekday,time,mood,activities,note_title,note\n"
#define ZOP "\"medications\":[{\"name\":\"zop\",\"unit\":\"mg\"}],\n"

struct rcase {
	const char *name;
	enum wn_import_format format;
	const char *text;
	const char *want;        /* the message starts so */
};

static const struct rcase cases[] = {
	{ "a percent plan without a step", WN_IMPORT_JSON, J ZOP "\"plans\":[{\"med\":\"zop\","
	  "\"method\":\"percent\",\"start_date\":\"2026-01-01\",\"from_dose\":50,\"every_days\":14}]}",
	  "line 3: plans[0]: step must be above 0 and below 100" },
	{ "a percent plan of step 150", WN_IMPORT_JSON, J ZOP "\"plans\":[{\"med\":\"zop\","
	  "\"method\":\"percent\",\"start_date\":\"2026-01-01\",\"from_dose\":50,\"step\":150,"
	  "\"every_days\":14}]}", "line 3: plans[0]: step must be above 0 and below 100" },
	{ "an unknown method", WN_IMPORT_JSON, J ZOP "\"plans\":[{\"med\":\"zop\","
	  "\"method\":\"fast\",\"start_date\":\"2026-01-01\",\"from_dose\":50}]}",
	  "line 3: plans[0].method: expected percent, occupancy, linear or custom" },
	{ "a second active plan", WN_IMPORT_JSON, J "\"plans\":[{\"med\":\"sertraline\","
	  "\"method\":\"percent\",\"start_date\":\"2026-09-01\",\"from_dose\":40,\"step\":10,"
	  "\"every_days\":14}]}", "line 2: plans[0]: \"sertraline\" already has an active plan"
	  " (from 2026-04-01); a medication has one active plan at a time" },
	{ "two open holds", WN_IMPORT_JSON, J ZOP "\"plans\":[{\"med\":\"zop\","
	  "\"method\":\"percent\",\"start_date\":\"2026-01-01\",\"from_dose\":50,\"step\":10,"
	  "\"every_days\":14,\"holds\":[{\"start_date\":\"2026-02-01\"},"
	  "{\"start_date\":\"2026-03-01\"}]}]}", "line 3: plans[0].holds: 2 holds are open" },
	{ "an over-long last_report_to", WN_IMPORT_JSON, J "\"meta\":{\"last_report_to\":"
	  "\"2026-11-01xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}}",
	  "line 2: meta.last_report_to: expected a real date YYYY-MM-DD" },
	{ "a unit change under recorded doses", WN_IMPORT_JSON,
	  J "\"medications\":[{\"name\":\"sertraline\",\"unit\":\"mcg\"}]}",
	  "line 2: medications[0].unit: \"sertraline\" is recorded in mg in this diary and the"
	  " file says mcg" },
	{ "the same, the name in another case", WN_IMPORT_JSON,
	  J "\"medications\":[{\"name\":\"SERTRALINE\",\"unit\":\"mcg\"}]}",
	  "line 2: medications[0].unit: \"sertraline\" is recorded in mg" },
	{ "a unit wean does not know", WN_IMPORT_JSON,
	  J "\"medications\":[{\"name\":\"x\",\"unit\":\"pills\"}]}",
	  "line 2: medications[0].unit: expected a unit wean knows" },
	{ "a name ending in a space", WN_IMPORT_JSON, J "\"symptoms\":[{\"name\":\"nausea \"}]}",
	  "line 2: symptoms[0].name must not start or end with a space" },
	{ "a tablet without its strength", WN_IMPORT_JSON, J "\"medications\":[{\"name\":\"x\","
	  "\"forms\":[{\"kind\":0}]}]}",
	  "line 2: medications[0].forms[0]: a tablet or capsule needs its strength" },
	{ "archiving under later doses", WN_IMPORT_JSON, J "\"medications\":[{\"name\":"
	  "\"sertraline\",\"archived\":1,\"archived_on\":\"2026-04-01\"}]}",
	  "line 2: medications[0]: \"sertraline\" would be archived on 2026-04-01, but the diary"
	  " has 1 dose(s) after that, the first on 2026-05-01" },
	{ "hiding under later ratings", WN_IMPORT_JSON, J "\"symptoms\":[{\"name\":\"headache\","
	  "\"hidden\":1,\"hidden_on\":\"2026-04-01\"}]}",
	  "line 2: symptoms[0]: \"headache\" would be hidden from 2026-04-01 on, but the diary"
	  " has 1 rating(s) after that, the first on 2026-05-01" },
	{ "a range the diary's values fall outside", WN_IMPORT_JSON,
	  J "\"metrics\":[{\"name\":\"pain\",\"max\":5}]}",
	  "line 2: metrics[0]: the diary has 1 value(s) of \"pain\" outside that range" },
	{ "a day after today", WN_IMPORT_JSON, J "\"days\":[\n"
	  "{\"date\":\"2026-11-26\",\"checkin\":{\"mood\":3}}]}",
	  "line 3: days[0].date: 2026-11-26 is after today (2026-11-25)" },
	{ "a day after today, CSV", WN_IMPORT_CSV, CSV_HEAD "2026-11-26,1,3,,,,0,,,,0,\r\n",
	  "line 2: date: 2026-11-26 is after today (2026-11-25)" },
	{ "a day after today, Daylio", WN_IMPORT_DAYLIO, DAYLIO_HEAD "2026-11-26,,,,good,,,\n",
	  "line 2: full_date: 2026-11-26 is after today (2026-11-25)" },
	{ "a day dated 0001-01-01", WN_IMPORT_JSON, J "\"days\":[\n"
	  "{\"date\":\"0001-01-01\",\"checkin\":{\"mood\":3}}]}",
	  "line 3: days[0].date: 0001-01-01 is before 1926-09-12 (wean keeps the last 36600 days)" },
	{ "a day dated 0001-01-01, CSV", WN_IMPORT_CSV, CSV_HEAD "0001-01-01,1,3,,,,0,,,,0,\r\n",
	  "line 2: date: 0001-01-01 is before 1926-09-12" },
	{ "a day dated 0001-01-01, Daylio", WN_IMPORT_DAYLIO, DAYLIO_HEAD "0001-01-01,,,,good,,,\n",
	  "line 2: full_date: 0001-01-01 is before 1926-09-12" },
	{ "a date given twice", WN_IMPORT_JSON, J "\"days\":[\n"
	  "{\"date\":\"2026-11-02\",\"checkin\":{\"mood\":3}},\n"
	  "{\"date\":\"2026-11-02\",\"checkin\":{\"mood\":4}}]}",
	  "line 4: days[1].date: 2026-11-02 is given twice in the file" },
	{ "a date given twice, CSV", WN_IMPORT_CSV, CSV_HEAD "2026-11-02,1,3,,,,0,,,,0,\r\n"
	  "2026-11-02,1,4,,,,0,,,,0,\r\n", "line 3: date: 2026-11-02 is given twice in the file" },
	{ "a rating of a hidden symptom", WN_IMPORT_JSON, J "\"days\":[\n"
	  "{\"date\":\"2026-07-01\",\"ratings\":{\"nausea\":1}}]}",
	  "line 3: days[0].ratings.nausea: \"nausea\" was hidden on 2026-06-01; a rating on"
	  " 2026-07-01 is after that" },
	{ "a rating of a hidden symptom, CSV", WN_IMPORT_CSV, CSV_HEAD "2026-07-01,0,,,,,1,1,,,0,\r\n",
	  "line 2: nausea: \"nausea\" was hidden on 2026-06-01" },
	{ "a dose of an archived medication", WN_IMPORT_JSON, J "\"days\":[\n"
	  "{\"date\":\"2026-07-01\",\"doses\":[{\"med\":\"oldmed\",\"amount\":5}]}]}",
	  "line 3: days[0].doses[0]: \"oldmed\" was archived on 2026-06-01; a dose on 2026-07-01"
	  " is after that" },
	{ "a dose of an archived medication, CSV", WN_IMPORT_CSV,
	  CSV_HEAD "2026-07-01,0,,,,,0,,,5,0,\r\n", "line 2: oldmed taken: \"oldmed\" was archived" },
	{ "a metric value outside its range", WN_IMPORT_JSON, J "\"days\":[\n"
	  "{\"date\":\"2026-07-01\",\"metrics\":{\"pain\":11}}]}",
	  "line 3: days[0].metrics.pain: pain must be at most 10 (got 11)" },
	{ "a metric value outside its range, CSV", WN_IMPORT_CSV,
	  CSV_HEAD "2026-07-01,0,,,,,0,,-1,,0,\r\n", "line 2: pain: pain must be at least 0 (got -1)" },
	{ "a mood that is not whole, CSV", WN_IMPORT_CSV, CSV_HEAD "2026-07-01,1,7.5,,,,0,,,,0,\r\n",
	  "line 2: mood: \"7.5\" is not a whole number" },
	{ "a hold proposal after today", WN_IMPORT_JSON, J "\"hold_proposals\":[{\"med\":"
	  "\"sertraline\",\"date\":\"2026-12-01\",\"reason\":\"r\"}]}",
	  "line 2: hold_proposals[0].date: 2026-12-01 is after today" },
	{ "a time that is no time", WN_IMPORT_JSON, J "\"days\":[\n"
	  "{\"date\":\"2026-07-01\",\"checkin\":{\"mood\":3,\"created\":\"2026-07-01 99:00:00\"}}]}",
	  "line 3: days[0].checkin.created: expected a time YYYY-MM-DDTHH:MM:SSZ (or"
	  " YYYY-MM-DD HH:MM:SS)" },
};

Test(import_rules, each_file_is_refused_by_line_and_nothing_written)
{
	char *before = dump();
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const struct rcase *c = &cases[i];
		struct wn_import_opts o = { .format = c->format };
		struct wn_import_result r;
		wn_err_clear(&rerr);
		int rc = wn_import_text(rdb, &o, c->text, strlen(c->text), &r, &rerr);
		wn_import_result_free(&r);
		cr_expect_eq(rc, WN_DATAERR, "%s: rc %d (%s)", c->name, rc, rerr.msg);
		cr_expect_eq(strncmp(rerr.msg, c->want, strlen(c->want)), 0, "%s: got \"%s\"",
		             c->name, rerr.msg);
		char *after = dump();
		cr_expect_str_eq(after, before, "%s changed the diary", c->name);
		free(after);
	}
	free(before);
}

/* The same files without the broken part go in: the rules refuse only
 * what they say. */
Test(import_rules, what_the_rules_allow_goes_in)
{
	static const char *const good[] = {
		J ZOP "\"plans\":[{\"med\":\"zop\",\"method\":\"percent\",\"start_date\":\"2026-01-01\","
		"\"from_dose\":50,\"step\":10,\"every_days\":14}]}",
		J "\"medications\":[{\"name\":\"Sertraline\",\"unit\":\"MG\"}],"
		"\"meta\":{\"last_report_to\":\"2026-11-01\"}}",
		J "\"days\":[{\"date\":\"2026-05-31\",\"ratings\":{\"nausea\":1},"
		"\"doses\":[{\"med\":\"oldmed\",\"amount\":5}],\"metrics\":{\"pain\":10}},"
		"{\"date\":\"2026-11-25\",\"checkin\":{\"mood\":3}},"
		"{\"date\":\"1926-09-12\",\"checkin\":{\"mood\":3}}]}",
	};
	for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
		struct wn_import_opts o = { .format = WN_IMPORT_JSON };
		struct wn_import_result r;
		wn_err_clear(&rerr);
		cr_expect_eq(wn_import_text(rdb, &o, good[i], strlen(good[i]), &r, &rerr), WN_OK,
		             "file %zu: %s", i, rerr.msg);
		wn_import_result_free(&r);
	}
	struct wn_err e = { 0 };
	cr_expect_eq(wn_db_check(rdb, NULL, NULL, &e), WN_OK, "%s", e.msg);
}

/* Text limits are the CLI's: a hold's reason at most WN_PLAN_REASON_MAX
 * bytes (the importer allowed 65536). */
Test(import_rules, a_hold_reason_over_the_limit_is_refused)
{
	struct wn_buf b;
	wn_buf_init(&b);
	wn_buf_adds(&b, J ZOP "\"plans\":[{\"med\":\"zop\",\"method\":\"percent\",\"start_date\":"
	            "\"2026-01-01\",\"from_dose\":50,\"step\":10,\"every_days\":14,\"holds\":"
	            "[{\"start_date\":\"2026-02-01\",\"reason\":\"");
	for (int i = 0; i <= 4096; i++)
		wn_buf_addc(&b, 'r');
	wn_buf_adds(&b, "\"}]}]}");
	char *before = dump();
	struct wn_import_opts o = { .format = WN_IMPORT_JSON };
	struct wn_import_result r;
	cr_expect_eq(wn_import_text(rdb, &o, b.s, b.len, &r, &rerr), WN_DATAERR);
	wn_import_result_free(&r);
	cr_expect_str_eq(rerr.msg, "line 3: plans[0].holds[0].reason: expected text of 0 to"
	                 " 4096 bytes");
	char *after = dump();
	cr_expect_str_eq(after, before);
	free(before);
	free(after);
	wn_buf_free(&b);
}
