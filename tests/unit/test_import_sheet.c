/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for issue 18 items 3 and 5 in the storage layer: the CSV
 * export for spreadsheets (a byte-order mark, units in the header) read
 * back by the import so that export -> import -> export loses nothing,
 * also with ';' or tabs between the columns; the JSON export's ISO 8601
 * time stamps, and old exports without them; a person's own spreadsheet
 * (--format table): mapped columns, decimal commas, a dry run told row by
 * row, and all or nothing without one. */
#include <criterion/criterion.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/csv.h"
#include "core/table.h"
#include "db/export.h"
#include "db/import.h"
#include "db/db.h"
#include "tmpdir.h"

static char sdir[4096];
static struct wn_err serr;

static void s_setup(void)
{
	wn_test_mkdtemp(sdir, sizeof sdir, "sheet");
	setenv("WEAN_TODAY", "2026-11-25", 1);
	wn_err_clear(&serr);
}

static void s_teardown(void)
{
	wn_test_rmtree(sdir);
}

TestSuite(import_sheet, .init = s_setup, .fini = s_teardown);

static struct wn_db *s_open(const char *leaf)
{
	char path[4200];
	snprintf(path, sizeof path, "%s/%s", sdir, leaf);
	struct wn_db_opts o = { .path = path, .create = true };
	struct wn_db *db;
	cr_assert_eq(wn_db_open(&db, &o, &serr), WN_OK, "%s", serr.msg);
	return db;
}

static int s_import_o(struct wn_db *db, const struct wn_import_opts *o, const char *text,
                      struct wn_import_result *r)
{
	wn_err_clear(&serr);
	return wn_import_text(db, o, text, strlen(text), r, &serr);
}

static void s_import(struct wn_db *db, enum wn_import_format f, const char *text,
                     struct wn_import_result *r)
{
	struct wn_import_opts o = { .format = f };
	cr_assert_eq(s_import_o(db, &o, text, r), WN_OK, "%s", serr.msg);
}

static char *csv_of(struct wn_db *db, bool sheet)
{
	struct wn_export_opts o = { .from = WN_DATE_NONE, .to = WN_DATE_NONE, .exported = "x",
	                            .spreadsheet = sheet };
	struct wn_buf b;
	wn_buf_init(&b);
	cr_assert_eq(wn_export_csv(db, &o, &b, &serr), WN_OK, "%s", serr.msg);
	return wn_buf_detach(&b);
}

static char *json_of(struct wn_db *db)
{
	struct wn_export_opts o = { .from = WN_DATE_NONE, .to = WN_DATE_NONE, .exported = "x" };
	struct wn_buf b;
	wn_buf_init(&b);
	cr_assert_eq(wn_export_json(db, &o, &b, &serr), WN_OK, "%s", serr.msg);
	return wn_buf_detach(&b);
}

/* Names that are also the export's own columns once a unit is cut off
 * ("flag", "note", "x taken" as symptoms, "x" a medication), a guarded
 * name, a name with brackets of its own and non-ASCII text. */
#define LISTS \
	"{\"format\":\"wean\",\"schema_version\":2,\n" \
	"\"symptoms\":[{\"name\":\"=zap\"},{\"name\":\"x taken\"},{\"name\":\"note\"}," \
	"{\"name\":\"flag\"},{\"name\":\"pain (left)\"},{\"name\":\"mood\"}],\n" \
	"\"metrics\":[{\"name\":\"-swing\",\"min\":-10,\"max\":10},{\"name\":\"weight (kg)\"}],\n" \
	"\"medications\":[{\"name\":\"Sertralin\",\"unit\":\"mg\"},{\"name\":\"x\",\"unit\":\"mL\"}]"

static const char lists[] = LISTS "}";
static const char diary[] = LISTS ",\n\"days\":["
	"{\"date\":\"2026-11-01\",\"checkin\":{\"mood\":3,\"sleep\":7.25,\"note\":\"=1+1, Grüße\"},"
	"\"ratings\":{\"=zap\":2,\"x taken\":3,\"note\":1,\"flag\":2,\"pain (left)\":1,\"mood\":3},"
	"\"metrics\":{\"-swing\":-3.5,\"weight (kg)\":71.2},"
	"\"doses\":[{\"med\":\"Sertralin\",\"amount\":12.5},{\"med\":\"x\",\"amount\":0.5}]},"
	"{\"date\":\"2026-11-02\",\"doses\":[{\"med\":\"Sertralin\",\"amount\":0}]},"
	"{\"date\":\"2026-11-04\",\"checkin\":{\"note\":\"two\\nlines; a semicolon\\tand a tab\","
	"\"flag\":1,\"anxiety\":4,\"energy\":5}}]}";

Test(import_sheet, spreadsheet_export_has_a_bom_and_units)
{
	struct wn_db *a = s_open("a.db");
	struct wn_import_result r;
	s_import(a, WN_IMPORT_JSON, diary, &r);
	wn_import_result_free(&r);
	char *plain = csv_of(a, false), *sheet = csv_of(a, true);
	cr_expect_eq(strncmp(sheet, WN_CSV_BOM "date,recorded (1 = yes),mood (0-10),anxiety (0-10),"
	             "energy (0-10),sleep (h),burden (sum of ratings),", 96), 0, "%s", sheet);
	cr_expect_eq(strncmp(plain, "date,recorded,mood,anxiety,energy,sleep,burden,", 47), 0);
	cr_expect_not_null(strstr(sheet, ",'=zap (0-3),"), "%s", sheet);
	cr_expect_not_null(strstr(sheet, ",Sertralin planned (mg),Sertralin taken (mg),"
	                          "Sertralin status,"), "%s", sheet);
	cr_expect_not_null(strstr(sheet, ",x taken (mL),"), "%s", sheet);
	cr_expect_not_null(strstr(sheet, ",weight (kg),"), "a metric keeps its name: %s", sheet);
	cr_expect_not_null(strstr(sheet, ",flag (1 = yes),note\r\n"), "%s", sheet);
	cr_expect_not_null(strstr(sheet, ",7.25,"), "a decimal point: %s", sheet);
	/* the rows are the plain export's */
	cr_expect_str_eq(strstr(sheet, "\r\n"), strstr(plain, "\r\n"));
	free(plain);
	free(sheet);
	wn_db_close(a);
}

/* export -> import -> export through the spreadsheet form, as it is and
 * with ';' or tabs between the columns (as a spreadsheet saves it):
 * the plain exports are the same bytes. */
static void round_trip(char sep)
{
	struct wn_db *a = s_open("a.db"), *b = s_open("b.db");
	struct wn_import_result r;
	s_import(a, WN_IMPORT_JSON, diary, &r);
	wn_import_result_free(&r);
	char *plain = csv_of(a, false), *sheet = csv_of(a, true);
	if (sep != ',') {
		/* only the separators outside quotes (the notes hold ';' and a tab) */
		bool q = false;
		for (char *p = sheet; *p; p++) {
			q ^= *p == '"';
			if (!q && *p == ',')
				*p = sep;
		}
	}
	s_import(b, WN_IMPORT_JSON, lists, &r);
	wn_import_result_free(&r);
	s_import(b, WN_IMPORT_CSV, sheet, &r);
	cr_expect_eq(r.sep, sep);
	cr_expect_eq(r.added, 3);
	cr_expect_eq(r.conflicts, 0);
	wn_import_result_free(&r);
	char *again = csv_of(b, false);
	cr_expect_str_eq(again, plain);
	free(plain);
	free(sheet);
	free(again);
	wn_db_close(a);
	wn_db_close(b);
}

Test(import_sheet, round_trip_through_the_spreadsheet_form_loses_nothing) { round_trip(','); }
Test(import_sheet, round_trip_with_semicolons) { round_trip(';'); }
Test(import_sheet, round_trip_with_tabs) { round_trip('\t'); }

Test(import_sheet, json_stamps_are_iso_and_old_ones_still_import)
{
	struct wn_db *a = s_open("a.db"), *b = s_open("b.db"), *c = s_open("c.db");
	struct wn_import_result r;
	static const char old[] = "{\"format\":\"wean\",\"schema_version\":2,\"days\":["
		"{\"date\":\"2026-11-01\",\"checkin\":{\"mood\":3,\"created\":\"2026-11-01 08:00:00\","
		"\"updated\":\"2026-11-01 09:30:00\"},\"quicknotes\":[{\"minute\":60,\"text\":\"hi\","
		"\"created\":\"2026-11-01 01:00:00\"}]}]}";
	s_import(a, WN_IMPORT_JSON, old, &r);
	wn_import_result_free(&r);
	char *j = json_of(a);
	cr_expect_not_null(strstr(j, "\"created\":\"2026-11-01T08:00:00Z\",\"updated\":"
	                          "\"2026-11-01T09:30:00Z\""), "%s", j);
	cr_expect_not_null(strstr(j, "\"text\":\"hi\",\"created\":\"2026-11-01T01:00:00Z\""), "%s", j);
	cr_expect_null(strstr(j, "2026-11-01 08:00:00"), "%s", j);
	/* the new form back in: the same export */
	s_import(b, WN_IMPORT_JSON, j, &r);
	wn_import_result_free(&r);
	char *k = json_of(b);
	cr_expect_str_eq(k, j);
	/* stored as before */
	s_import(c, WN_IMPORT_JSON, k, &r);
	wn_import_result_free(&r);
	char *csv = csv_of(c, false);
	cr_expect_not_null(strstr(csv, "2026-11-01,1,3,"), "%s", csv);
	free(j);
	free(k);
	free(csv);
	/* a stamp neither way is refused and names both forms */
	static const char bad[] = "{\"format\":\"wean\",\"schema_version\":2,\"days\":["
		"{\"date\":\"2026-11-03\",\"checkin\":{\"mood\":3,\"created\":\"2026-11-01T08:00\"}}]}";
	struct wn_import_opts o = { .format = WN_IMPORT_JSON };
	cr_expect_eq(s_import_o(c, &o, bad, &r), WN_DATAERR);
	cr_expect_not_null(strstr(serr.msg, "YYYY-MM-DDTHH:MM:SSZ"), "%s", serr.msg);
	wn_import_result_free(&r);
	wn_db_close(a);
	wn_db_close(b);
	wn_db_close(c);
}

/* ---- a person's own spreadsheet ------------------------------------------------ */

struct told { int line[16]; enum wn_import_outcome what[16]; char why[16][200]; size_t n; };

static void tell(void *ctx, const struct wn_import_row *r)
{
	struct told *t = ctx;
	cr_assert_lt(t->n, 16);
	t->line[t->n] = r->line;
	t->what[t->n] = r->what;
	snprintf(t->why[t->n], sizeof t->why[0], "%s", r->why ? r->why : "");
	t->n++;
}

static const char table_lists[] = "{\"format\":\"wean\",\"schema_version\":2,"
	"\"symptoms\":[{\"name\":\"headache\"}],\"metrics\":[{\"name\":\"steps\"}],"
	"\"medications\":[{\"name\":\"sertraline\",\"unit\":\"mg\"}],"
	"\"days\":[{\"date\":\"2026-11-02\",\"checkin\":{\"mood\":5}}]}";
static const char table_map[] = "date=Date,mood=Mood,sleep=Hours slept,note=Notes,"
	"symptom:headache=Headache,dose:sertraline=Sertraline mg,metric:steps=Steps";
static const char table_ok[] = WN_CSV_BOM
	"Date;Mood;Hours slept;Notes;Headache;Sertraline mg;Steps;Other\r\n"
	"01.11.2026;4;7,5;Grüße, ok;2;12,5;4000;x\r\n"
	"02.11.2026;6;8;;;;;\r\n"
	"03.11.2026;;;;;;;only other\r\n"
	"\r\n"
	"04.11.2026; 3 ;;\"semi; colon\";1;;\r\n";   /* a short row: the rest empty */

static void table_opts(struct wn_import_opts *o, struct wn_table_map *m)
{
	struct wn_err err = { 0 };
	cr_assert_eq(wn_table_map_parse(m, table_map, &err), WN_OK, "%s", err.msg);
	*o = (struct wn_import_opts){ .format = WN_IMPORT_TABLE, .table = m };
}

Test(import_sheet, table_maps_columns_and_merges)
{
	struct wn_db *a = s_open("a.db");
	struct wn_import_result r;
	struct wn_import_opts o;
	struct wn_table_map m;
	s_import(a, WN_IMPORT_JSON, table_lists, &r);
	wn_import_result_free(&r);
	table_opts(&o, &m);
	cr_assert_eq(s_import_o(a, &o, table_ok, &r), WN_OK, "%s", serr.msg);
	cr_expect_eq(r.sep, ';');
	cr_expect_eq(r.added, 2);
	cr_expect_eq(r.updated, 1, "11-02: sleep added; mood 6 against the diary's 5, kept");
	cr_expect_eq(r.unchanged, 0);
	cr_expect_eq(r.skipped, 1);
	cr_expect_eq(r.conflicts, 1);
	wn_import_result_free(&r);
	char *csv = csv_of(a, false);
	/* (the diary's stock symptoms are columns too: headache is the third) */
	cr_expect_not_null(strstr(csv, "\r\n2026-11-01,1,4,,,7.5,2,,,2,"), "%s", csv);
	cr_expect_not_null(strstr(csv, ",4000,,12.5,,0,\"Grüße, ok\"\r\n"), "%s", csv);
	cr_expect_not_null(strstr(csv, "\r\n2026-11-02,1,5,,,8,,"), "%s", csv);
	cr_expect_not_null(strstr(csv, "\r\n2026-11-03,0,,"), "%s", csv);
	cr_expect_not_null(strstr(csv, "\r\n2026-11-04,1,3,,,,1,,,1,"), "%s", csv);
	cr_expect_not_null(strstr(csv, ",0,semi; colon\r\n"), "%s", csv);
	free(csv);
	/* again: nothing changes */
	cr_assert_eq(s_import_o(a, &o, table_ok, &r), WN_OK, "%s", serr.msg);
	cr_expect_eq(r.added, 0);
	cr_expect_eq(r.updated, 0);
	cr_expect_eq(r.unchanged, 3);
	cr_expect_eq(r.conflicts, 1);
	wn_import_result_free(&r);
	wn_db_close(a);
}

static const char table_bad[] =
	"Date,Mood,Hours slept,Notes,Headache,Sertraline mg,Steps\n"
	"2026-11-01,4,,,,,\n"
	"2026-11-05,11,,,,,\n"
	"03/04/2026,5,,,,,\n"
	"2026-11-06,,,,4,,\n"
	"2026-11-07,,,,,,\n"
	"2026-11-02,5,,,,,\n";

Test(import_sheet, table_dry_run_tells_each_row_and_a_real_run_is_all_or_nothing)
{
	struct wn_db *a = s_open("a.db");
	struct wn_import_result r;
	struct wn_import_opts o;
	struct wn_table_map m;
	struct told t = { .n = 0 };
	s_import(a, WN_IMPORT_JSON, table_lists, &r);
	wn_import_result_free(&r);
	table_opts(&o, &m);
	o.dry_run = true;
	o.row = tell;
	o.row_ctx = &t;
	cr_assert_eq(s_import_o(a, &o, table_bad, &r), WN_OK, "%s", serr.msg);
	cr_assert_eq(t.n, 6);
	static const enum wn_import_outcome want[] = { WN_ROW_ADDED, WN_ROW_REFUSED,
		WN_ROW_REFUSED, WN_ROW_REFUSED, WN_ROW_SKIPPED, WN_ROW_UNCHANGED };
	for (size_t i = 0; i < 6; i++) {
		cr_expect_eq(t.line[i], (int)i + 2);
		cr_expect_eq(t.what[i], want[i], "line %d: %d", t.line[i], t.what[i]);
	}
	cr_expect_str_eq(t.why[1], "Mood (mood): \"11\" is not a whole number from 0 to 10");
	cr_expect_str_eq(t.why[2], "Date (date): \"03/04/2026\" could be 3 April or March 4");
	cr_expect_str_eq(t.why[3], "Headache (symptom headache): \"4\" is not a whole number"
	                 " from 0 to 3");
	cr_expect_eq(r.refused, 3);
	cr_expect_eq(r.added, 1);
	cr_expect_eq(r.unchanged, 1);
	cr_expect_eq(r.skipped, 1);
	wn_import_result_free(&r);
	/* without --dry-run: the first refused line stops it, nothing written */
	o.dry_run = false;
	o.row = NULL;
	cr_expect_eq(s_import_o(a, &o, table_bad, &r), WN_DATAERR);
	cr_expect_str_eq(serr.msg, "line 3: Mood (mood): \"11\" is not a whole number from 0 to 10");
	wn_import_result_free(&r);
	char *csv = csv_of(a, false);
	cr_expect_null(strstr(csv, "2026-11-01,1"), "nothing written: %s", csv);
	free(csv);
	/* with the dates said: 03/04/2026 is 3 April */
	o.dry_run = true;
	o.row = tell;
	t.n = 0;
	m.datefmt = WN_TD_DMY;
	cr_assert_eq(s_import_o(a, &o, table_bad, &r), WN_OK, "%s", serr.msg);
	cr_expect_eq(t.what[0], WN_ROW_ADDED, "YYYY-MM-DD is read whatever the format");
	cr_expect_eq(t.what[2], WN_ROW_ADDED, "3 April 2026");
	wn_import_result_free(&r);
	wn_db_close(a);
}

Test(import_sheet, table_needs_its_columns_and_names)
{
	struct wn_db *a = s_open("a.db");
	struct wn_import_result r;
	struct wn_import_opts o = { .format = WN_IMPORT_TABLE };
	struct wn_table_map m;
	struct wn_err err = { 0 };
	s_import(a, WN_IMPORT_JSON, table_lists, &r);
	wn_import_result_free(&r);
	cr_assert_eq(wn_table_map_parse(&m, "date=Datum,mood=Mood", &err), WN_OK);
	o.table = &m;
	cr_expect_eq(s_import_o(a, &o, "Date,Mood\n2026-11-01,3\n", &r), WN_DATAERR);
	cr_expect_str_eq(serr.msg, "line 1: the column \"Datum\" (--map date) is missing");
	wn_import_result_free(&r);
	cr_assert_eq(wn_table_map_parse(&m, "date=date,symptom:nausea2=Mood", &err), WN_OK);
	cr_expect_eq(s_import_o(a, &o, "Date,Mood\n2026-11-01,3\n", &r), WN_DATAERR);
	cr_expect_str_eq(serr.msg, "--map symptom:nausea2: no symptom \"nausea2\" in this diary");
	wn_import_result_free(&r);
	wn_db_close(a);
}
