/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for issue 18 items 3 and 5 in core: the spreadsheet header
 * names with units and their reading back (csv.c), the separator and
 * byte-order mark found before a header, the ISO 8601 time stamps of the
 * JSON export read back as stored (valid.c), and a person's own
 * spreadsheet: the --map, its dates and its numbers (table.c). */
#include <criterion/criterion.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/csv.h"
#include "core/date.h"
#include "core/table.h"
#include "core/valid.h"

/* ---- spreadsheet headers ----------------------------------------------------- */

static char *head(const char *name, const char *unit)
{
	struct wn_buf b;
	wn_buf_init(&b);
	wn_csv_head_cell(&b, name, unit);
	cr_assert(!b.failed);
	return wn_buf_detach(&b);
}

Test(sheet, header_cells_carry_units_and_the_guard)
{
	char *s = head("sleep", wn_csv_fixed_unit("sleep"));
	cr_expect_str_eq(s, "sleep (h)");
	free(s);
	s = head("mood", wn_csv_fixed_unit("mood"));
	cr_expect_str_eq(s, "mood (0-10)");
	free(s);
	s = head("=zap", "0-3");
	cr_expect_str_eq(s, "'=zap (0-3)");
	free(s);
	s = head("a, b", "mg");
	cr_expect_str_eq(s, "\"a, b (mg)\"");
	free(s);
	s = head("note", wn_csv_fixed_unit("note"));
	cr_expect_str_eq(s, "note");
	free(s);
	cr_expect_null(wn_csv_fixed_unit("date"));
	cr_expect_str_eq(wn_csv_fixed_unit("recorded"), "1 = yes");
}

Test(sheet, header_base_cuts_one_unit_at_the_end)
{
	static const struct { const char *in; size_t want; } cases[] = {
		{ "sleep (h)", 5 }, { "sertraline taken (mg)", 16 }, { "pain (left) (0-3)", 11 },
		{ "sleep", 5 }, { "(h)", 3 }, { "x(h)", 4 }, { "a )", 3 }, { "", 0 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		cr_expect_eq(wn_csv_head_base(cases[i].in, strlen(cases[i].in)), cases[i].want,
		             "%s", cases[i].in);
}

static char sniff(const char *text, const char **rest)
{
	struct wn_csv_reader c;
	wn_csv_open(&c, text, strlen(text));
	char sep = wn_csv_sniff(&c);
	*rest = c.r->s + c.r->pos;
	struct wn_csv_record r = { 0 };
	struct wn_err err = { 0 };
	bool got;
	cr_assert_eq(wn_csv_next(&c, &r, &got, &err), WN_OK, "%s", err.msg);
	cr_expect(got);
	cr_expect_eq(r.n, 3, "%s: %zu fields", text, r.n);
	wn_csv_record_free(&r);
	wn_csv_close(&c);
	return sep;
}

Test(sheet, sniff_skips_a_bom_and_finds_the_separator)
{
	const char *rest;
	cr_expect_eq(sniff("a,b,c\r\n1,2,3\r\n", &rest), ',');
	cr_expect_eq(sniff(WN_CSV_BOM "a,b,c\r\n", &rest), ',');
	cr_expect_eq(rest[0], 'a', "the mark is skipped");
	cr_expect_eq(sniff(WN_CSV_BOM "a;b;c\n1,5;2;3\n", &rest), ';');
	cr_expect_eq(sniff("a\tb\tc\n", &rest), '\t');
	/* separators inside quotes do not count */
	cr_expect_eq(sniff("\"x;y;z\",b,c\n", &rest), ',');
	cr_expect_eq(sniff("\"x,y,z\";b;c\n", &rest), ';');
	cr_expect_str_eq(wn_csv_sep_name(';'), "semicolons");
	cr_expect_str_eq(wn_csv_sep_name('\t'), "tabs");
	cr_expect_str_eq(wn_csv_sep_name(','), "commas");
}

/* ---- ISO 8601 time stamps ------------------------------------------------------ */

Test(sheet, iso_stamps_read_back_as_stored)
{
	char s[32] = "2026-11-25T08:30:05Z";
	cr_expect_eq(wn_valid_stamp_from_iso(s, strlen(s)), 19);
	cr_expect_str_eq(s, "2026-11-25 08:30:05");
	cr_expect(wn_valid_stamp(s, 19));
	char old[32] = "2026-11-25 08:30:05";
	cr_expect_eq(wn_valid_stamp_from_iso(old, 19), 19);
	cr_expect_str_eq(old, "2026-11-25 08:30:05");
	char bad[32] = "2026-02-30T08:30:05Z";
	cr_expect_eq(wn_valid_stamp_from_iso(bad, 20), 20, "not a real date: left as it is");
	cr_expect_str_eq(bad, "2026-02-30T08:30:05Z");
	char zone[32] = "2026-11-25T08:30:05+01";
	cr_expect_eq(wn_valid_stamp_from_iso(zone, strlen(zone)), strlen(zone));
}

/* ---- the map ------------------------------------------------------------------- */

Test(table, map_parses_fields_and_names)
{
	struct wn_table_map m;
	struct wn_err err = { 0 };
	cr_assert_eq(wn_table_map_parse(&m, "date=Date, mood = Mood ,sleep=Hours slept,"
	                                "note=Notes,symptom:headache=Headache,"
	                                "dose:sertraline=Sertraline mg", &err), WN_OK, "%s",
	             err.msg);
	cr_assert_eq(m.n, 6);
	cr_expect_eq(m.col[0].field, WN_TF_DATE);
	cr_expect_str_eq(m.col[1].head, "Mood");
	cr_expect_str_eq(m.col[2].head, "Hours slept");
	cr_expect_eq(m.col[4].field, WN_TF_SYMPTOM);
	cr_expect_str_eq(m.col[4].name, "headache");
	cr_expect_eq(m.col[5].field, WN_TF_DOSE);
	cr_expect_str_eq(m.col[5].name, "sertraline");
	cr_expect_str_eq(m.col[5].head, "Sertraline mg");
	cr_expect_eq(m.datefmt, WN_TD_AUTO);
	char name[80];
	wn_table_col_name(&m.col[4], name, sizeof name);
	cr_expect_str_eq(name, "symptom headache");
}

Test(table, map_refuses_what_it_cannot_use)
{
	static const struct { const char *spec, *msg; } bad[] = {
		{ "mood=Mood", "--map: no date=COLUMN" },
		{ "date=Date,mod=Mood", "--map: unknown field 'mod'" },
		{ "date=Date,symptom=Headache", "--map: symptom needs a name, as symptom:NAME" },
		{ "date=Date,mood:x=Mood", "--map: mood takes no name" },
		{ "date=Date,mood", "--map: 'mood' is not FIELD=COLUMN" },
		{ "date=Date,mood=", "--map: a column is empty" },
		{ "date=Date,mood=A,mood=B", "--map: 'mood' is given twice" },
		{ "date=Date,symptom:a=A,symptom:A=B", "--map: 'symptom A' is given twice" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		struct wn_table_map m;
		struct wn_err err = { 0 };
		cr_expect_eq(wn_table_map_parse(&m, bad[i].spec, &err), WN_USAGE, "%s", bad[i].spec);
		cr_expect_str_eq(err.msg, bad[i].msg);
	}
}

/* ---- dates and numbers --------------------------------------------------------- */

static wn_date ymd(int y, int m, int d) { return wn_date_from_ymd(y, m, d); }

Test(table, dates_in_the_common_forms)
{
	static const struct { const char *s; enum wn_table_datefmt f; int y, m, d; } ok[] = {
		{ "2026-11-03", WN_TD_AUTO, 2026, 11, 3 }, { " 03.11.2026 ", WN_TD_AUTO, 2026, 11, 3 },
		{ "3.11.2026", WN_TD_AUTO, 2026, 11, 3 }, { "25/11/2026", WN_TD_AUTO, 2026, 11, 25 },
		{ "11/25/2026", WN_TD_AUTO, 2026, 11, 25 }, { "05/05/2026", WN_TD_AUTO, 2026, 5, 5 },
		{ "03/11/2026", WN_TD_DMY, 2026, 11, 3 }, { "03/11/2026", WN_TD_MDY, 2026, 3, 11 },
		{ "2026-11-03", WN_TD_YMD, 2026, 11, 3 }, { "03.11.2026", WN_TD_DMY_DOT, 2026, 11, 3 },
		{ "2026-11-03", WN_TD_MDY, 2026, 11, 3 },
	};
	for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
		wn_date d;
		struct wn_err err = { 0 };
		cr_expect_eq(wn_table_date(ok[i].s, strlen(ok[i].s), ok[i].f, &d, &err), WN_OK,
		             "%s: %s", ok[i].s, err.msg);
		cr_expect_eq(d, ymd(ok[i].y, ok[i].m, ok[i].d), "%s", ok[i].s);
	}
}

Test(table, ambiguous_or_wrong_dates_are_refused)
{
	static const struct { const char *s; enum wn_table_datefmt f; const char *msg; } bad[] = {
		{ "03/11/2026", WN_TD_AUTO, "\"03/11/2026\" could be 3 November or March 11" },
		{ "31.02.2026", WN_TD_AUTO, "\"31.02.2026\" is not a real date YYYY-MM-DD,"
		  " DD.MM.YYYY, DD/MM/YYYY or MM/DD/YYYY" },
		{ "13/13/2026", WN_TD_AUTO, NULL }, { "03.11.2026", WN_TD_DMY, NULL },
		{ "25/11/2026", WN_TD_MDY, NULL }, { "11/03/26", WN_TD_AUTO, NULL },
		{ "yesterday", WN_TD_AUTO, NULL }, { "", WN_TD_AUTO, NULL },
		{ "2026-11-03x", WN_TD_AUTO, NULL }, { "20261-1-3", WN_TD_AUTO, NULL },
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		wn_date d;
		struct wn_err err = { 0 };
		cr_expect_eq(wn_table_date(bad[i].s, strlen(bad[i].s), bad[i].f, &d, &err),
		             WN_DATAERR, "%s", bad[i].s);
		if (bad[i].msg)
			cr_expect_str_eq(err.msg, bad[i].msg);
	}
	struct wn_err err = { 0 };
	wn_date d;
	wn_table_date("03/11/2026", 10, WN_TD_AUTO, &d, &err);
	cr_expect_not_null(strstr(err.hint, "--date-format"), "%s", err.hint);
	enum wn_table_datefmt f;
	cr_expect(wn_table_datefmt_parse("dd.mm.yyyy", &f) && f == WN_TD_DMY_DOT);
	cr_expect(wn_table_datefmt_parse("MM/DD/YYYY", &f) && f == WN_TD_MDY);
	cr_expect(!wn_table_datefmt_parse("D/M/Y", &f));
}

Test(table, numbers_with_a_point_or_a_comma)
{
	static const struct { const char *s; double want; } ok[] = {
		{ "7.5", 7.5 }, { "7,5", 7.5 }, { " 8 ", 8 }, { "12,25", 12.25 }, { "-3", -3 },
		{ "0", 0 },
	};
	for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
		double x;
		cr_expect(wn_table_number(ok[i].s, strlen(ok[i].s), &x), "%s", ok[i].s);
		cr_expect_float_eq(x, ok[i].want, 1e-9, "%s", ok[i].s);
	}
	static const char *const bad[] = { "1,000.5", "1,2,3", "abc", "7.5h", "1e3", "nan",
	                                   "inf", "--1", "3-" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		double x;
		cr_expect(!wn_table_number(bad[i], strlen(bad[i]), &x), "%s", bad[i]);
	}
	double x = 0;
	cr_expect(wn_table_number("  ", 2, &x) && isnan(x), "empty: NAN");
}
