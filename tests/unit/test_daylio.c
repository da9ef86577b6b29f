/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for daylio.c: the mood map and --mood-map, days made of
 * several entries (one mood, a quick note per entry at its time), the
 * header found by name (any case, spaces, BOM, the older export without
 * note_title or with year and date), tabs, CRLF inside a quoted note,
 * 12-hour times, and malformed files (each message with its line; every
 * unknown label in one message). */
#include <criterion/criterion.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/daylio.h"

#define HEAD "full_date,date,weekday,time,mood,activities,note_title,note\n"

Test(daylio, the_shown_map_is_the_one_used)
{
	char map[] = WN_DAYLIO_MAP;
	int n = 0;
	for (char *tok = strtok(map, ","); tok; tok = strtok(NULL, ","), n++) {
		char *eq = strchr(tok, '=');
		cr_assert_not_null(eq, "%s", tok);
		*eq = '\0';
		cr_expect_eq(wn_daylio_mood(tok), atoi(eq + 1), "%s", tok);
	}
	cr_expect_eq(n, 5);
	cr_expect_eq(wn_daylio_mood("RAD"), 9);
	cr_expect_eq(wn_daylio_mood(" Meh "), 5);
	cr_expect_eq(wn_daylio_mood("super"), -1);
	cr_expect_eq(wn_daylio_mood(""), -1);
	struct wn_daylio_map m;
	char text[256];
	wn_daylio_map_init(&m);
	wn_daylio_map_text(&m, text, sizeof text);
	cr_expect_str_eq(text, WN_DAYLIO_MAP);
}

Test(daylio, mood_map_adds_and_overrides_labels)
{
	struct wn_daylio_map m;
	struct wn_err err = { 0 };
	char text[256];
	wn_daylio_map_init(&m);
	cr_assert_eq(wn_daylio_map_parse(&m, " super = 8, MÜDE=4,Rad=10,", &err), WN_OK, "%s",
	             err.msg);
	wn_daylio_map_text(&m, text, sizeof text);
	cr_expect_str_eq(text, "rad=10,good=7,meh=5,bad=3,awful=1,super=8,MÜDE=4");
	cr_expect_eq(wn_daylio_map_find(&m, "müde", strlen("müde")), 4);
	cr_expect_eq(wn_daylio_map_find(&m, " SUPER\t", 7), 8);
	cr_expect_eq(wn_daylio_map_find(&m, "ok", 2), -1);
	static const struct { const char *spec, *msg; } bad[] = {
		{ "super", "--mood-map: \"super\" needs =N, a whole number from 0 to 10" },
		{ "super=11", "--mood-map: \"super=11\" needs =N, a whole number from 0 to 10" },
		{ "super=-1", "--mood-map: \"super=-1\" needs =N, a whole number from 0 to 10" },
		{ "super=7.5", "--mood-map: \"super=7.5\" needs =N, a whole number from 0 to 10" },
		{ "=3", "--mood-map: \"=3\": a label is 1 to 63 bytes of text without '=' or ','" },
		{ "a=b=3", "--mood-map: \"a=b=3\" needs =N, a whole number from 0 to 10" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		struct wn_daylio_map before = m;
		cr_expect_eq(wn_daylio_map_parse(&m, bad[i].spec, &err), WN_USAGE, "%s", bad[i].spec);
		cr_expect_str_eq(err.msg, bad[i].msg);
		cr_expect_eq(memcmp(&before, &m, sizeof m), 0, "%s: the map is unchanged", bad[i].spec);
	}
}

/* A file and the days it holds; notes as "MINUTE text|MINUTE text". */
struct want { const char *date; int mood, entries, line; const char *notes; };
struct dcase {
	const char *name, *text, *map;
	struct want days[3];
};

static const struct dcase day_cases[] = {
	{ .name = "one entry without text", .text = HEAD "2026-02-02,February 2,Monday,10:00,good,,,\n",
	  .days = { { "2026-02-02", 7, 1, 2, "" } } },
	{ .name = "entries of a day: one mood, a quick note each at its time, by time",
	  .text = HEAD "2026-02-02,February 2,Monday,21:00,rad,walk | read,Evening,calm\n"
	          "2026-02-02,February 2,Monday,08:00,bad,,Morning,\"dizzy,\nzaps\"\n"
	          "2026-02-01,February 1,Sunday,12:00,awful,,,\n",
	  .days = { { "2026-02-02", 6, 2, 2, "480 Morning\ndizzy,\nzaps\nmood: bad|"
	              "1260 Evening\ncalm\nactivities: walk, read\nmood: rad" },
	            { "2026-02-01", 1, 1, 5, "" } } },
	{ .name = "on a day of several entries one with no text keeps its mood",
	  .text = HEAD "2026-02-02,,,09:00,good,,,\n2026-02-02,,,08:00,meh,,,\n",
	  .days = { { "2026-02-02", 6, 2, 2, "480 mood: meh|540 mood: good" } } },
	{ .name = "the mean is rounded, half up (7.5 is 8)",
	  .text = HEAD "2026-02-02,,,,rad,,,\n2026-02-02,,,,good,,,\n"
	          "2026-02-02,,,,good,,,\n2026-02-02,,,,good,,,\n",
	  .days = { { "2026-02-02", 8, 4, 2, "-1 mood: good|-1 mood: good|-1 mood: good|"
	              "-1 mood: rad" } } },
	{ .name = "byte-order mark, comments, blank lines, CRLF and a CRLF inside a note",
	  .text = "\xEF\xBB\xBF# exported by Daylio\n# v2\n" HEAD "\n"
	          "2026-02-02,,,,good,,,\"x\r\ny\"\r\n\r\n2026-02-01,,,,bad,,,\n",
	  .days = { { "2026-02-02", 7, 1, 5, "-1 x\ny" }, { "2026-02-01", 3, 1, 8, "" } } },
	{ .name = "columns by name: another order, more of them, any case, spaces",
	  .text = " NOTE ,Mood,extra,Full_Date,date,weekday, time ,activities,note_title\n"
	          "hello,rad,?,2026-02-02,,,7:05 pm,,\n",
	  .days = { { "2026-02-02", 9, 1, 2, "1145 hello" } } },
	{ .name = "the older export: no note_title",
	  .text = "full_date,date,weekday,time,mood,activities,note\n"
	          "2018-05-18,18 May,Friday,11:54 pm,rad,\"clean | cook | music\",\"Went to a party\"\n",
	  .days = { { "2018-05-18", 9, 1, 2, "1434 Went to a party\nactivities: clean, cook,"
	              " music" } } },
	{ .name = "the oldest export: year and date",
	  .text = "year,date,weekday,time,mood,activities,note\n"
	          "2018,18 May,Friday,12:10 am,meh,\"cook | stressed \",\"\"\n"
	          "2018,May 16,Wednesday,12:00 p.m.,awful,\"\",\"Did nothing today.\"\n",
	  .days = { { "2018-05-18", 5, 1, 2, "10 activities: cook, stressed" },
	            { "2018-05-16", 1, 1, 3, "720 Did nothing today." } } },
	{ .name = "tab-separated",
	  .text = "full_date\tdate\tweekday\ttime\tmood\tactivities\tnote_title\tnote\n"
	          "2026-02-02\tFebruary 2\tMonday\t08:00\tgood\tfamily | walk\t\tcommas, kept\n",
	  .days = { { "2026-02-02", 7, 1, 2, "480 commas, kept\nactivities: family, walk" } } },
	{ .name = "labels of one's own, any case, with spaces around",
	  .map = "super=8,müde=2",
	  .text = HEAD "2026-02-02,,,,Super ,,,\n2026-02-01,,,, MÜDE,,,\n",
	  .days = { { "2026-02-02", 8, 1, 2, "" }, { "2026-02-01", 2, 1, 3, "" } } },
	{ .name = "a day on rows apart is one day (was two, the second overwriting the first)",
	  .text = HEAD "2026-02-02,,,20:00,good,,,late\n2026-02-01,,,,good,,,\n"
	          "2026-02-02,,,07:00,bad,,,early\n",
	  .days = { { "2026-02-02", 5, 2, 2, "420 early\nmood: bad|1200 late\nmood: good" },
	            { "2026-02-01", 7, 1, 3, "" } } },
	{ .name = "rows in no order come out newest date first",
	  .text = HEAD "2026-01-30,,,,rad,,,\n2026-02-01,,,,awful,,,\n2026-01-31,,,,meh,,,\n",
	  .days = { { "2026-02-01", 1, 1, 3, "" }, { "2026-01-31", 5, 1, 4, "" },
	            { "2026-01-30", 9, 1, 2, "" } } },
	{ .name = "a header only", .text = HEAD },
};

static void notes_text(const struct wn_daylio_day *day, char *out, size_t n)
{
	size_t at = 0;
	out[0] = '\0';
	for (size_t i = 0; i < day->n_notes && at < n; i++) {
		int k = snprintf(out + at, n - at, "%s%d %.*s", i ? "|" : "", day->notes[i].minute,
		                 (int)day->notes[i].len, day->notes[i].text);
		at += k > 0 ? (size_t)k : 0;
	}
}

static void read_all(const struct dcase *c)
{
	struct wn_daylio d;
	struct wn_daylio_day day;
	struct wn_daylio_map map;
	struct wn_err err = { 0 };
	bool got = true;
	size_t n = 0;
	wn_daylio_map_init(&map);
	cr_assert_eq(wn_daylio_map_parse(&map, c->map, &err), WN_OK, "%s", err.msg);
	int rc = wn_daylio_open(&d, c->text, strlen(c->text), c->map ? &map : NULL, &err);
	cr_expect_eq(rc, WN_OK, "%s: %s", c->name, err.msg);
	while (rc == WN_OK && (rc = wn_daylio_next(&d, &day, &got, &err)) == WN_OK && got) {
		cr_assert_lt(n, 3, "%s: too many days", c->name);
		const struct want *w = &c->days[n++];
		char notes[512];
		cr_assert_not_null(w->date, "%s: day %zu unexpected", c->name, n);
		cr_expect_str_eq(day.date, w->date, "%s", c->name);
		cr_expect_eq(day.mood, w->mood, "%s: mood", c->name);
		cr_expect_eq(day.entries, w->entries, "%s: entries", c->name);
		cr_expect_eq(day.line, w->line, "%s: line", c->name);
		notes_text(&day, notes, sizeof notes);
		cr_expect_str_eq(notes, w->notes, "%s: notes", c->name);
	}
	cr_expect_eq(rc, WN_OK, "%s: %s", c->name, err.msg);
	cr_expect(n == 3 || c->days[n].date == NULL, "%s: only %zu days", c->name, n);
	wn_daylio_close(&d);
}

Test(daylio, days_from_files)
{
	for (size_t i = 0; i < sizeof day_cases / sizeof *day_cases; i++)
		read_all(&day_cases[i]);
}

Test(daylio, malformed_files_name_the_line)
{
	static const struct { const char *name, *text, *msg, *hint; } cases[] = {
		{ .name = "empty", .text = "", .msg = "line 1: the file is empty" },
		{ .name = "comments only", .text = "# nothing\n", .msg = "line 1: the file is empty" },
		{ .name = "a missing column", .text = "full_date,date,weekday,time,activities\n",
		  .msg = "line 1: the column \"mood\" is missing" },
		{ .name = "no date column", .text = "date,weekday,time,mood\n",
		  .msg = "line 1: the column \"full_date\" is missing" },
		{ .name = "a short row", .text = HEAD "2026-02-02,x\n",
		  .msg = "line 2: 2 fields, expected 8" },
		{ .name = "an impossible date", .text = HEAD "2026-02-30,,,,good,,,\n",
		  .msg = "line 2: full_date: \"2026-02-30\" is not a real date YYYY-MM-DD" },
		{ .name = "not a date", .text = HEAD "yesterday,,,,good,,,\n",
		  .msg = "line 2: full_date: \"yesterday\" is not a real date YYYY-MM-DD" },
		{ .name = "an old date in another language",
		  .text = "year,date,weekday,time,mood,activities,note\n2018,18 Mai,,,good,,\n",
		  .msg = "line 2: date: \"18 Mai\" of 2018 is not a day wean can read (a day and an"
		         " English month, as \"18 May\")" },
		{ .name = "an old date that is no day",
		  .text = "year,date,weekday,time,mood,activities,note\n2018,30 February,,,good,,\n",
		  .msg = "line 2: date: \"30 February\" of 2018 is not a day wean can read (a day and"
		         " an English month, as \"18 May\")" },
		{ .name = "not a time", .text = HEAD "2026-02-02,,,25:00,good,,,\n",
		  .msg = "line 2: time: \"25:00\" is not a time of day (as 21:40 or 9:40 pm)" },
		{ .name = "not a 12-hour time", .text = HEAD "2026-02-02,,,13:00 pm,good,,,\n",
		  .msg = "line 2: time: \"13:00 pm\" is not a time of day (as 21:40 or 9:40 pm)" },
		{ .name = "every unknown label in one message, each once, with its first line",
		  .text = HEAD "2026-02-04,,,,good,,,\n2026-02-03,,,,super,,,\n"
		          "2026-02-02,,,,SUPER,,,\n2026-02-01,,,,müde ,,,\n",
		  .msg = "unknown Daylio moods \"super\", \"müde\" (lines 3, 5)",
		  .hint = "map them with --mood-map \"super=N,müde=N\", N from 0 (worst) to 10"
		          " (best)" },
		{ .name = "one unknown label",
		  .text = HEAD "2026-02-02,,,,good,,,\n2026-02-01,,,,ok but sleepy,,,\n",
		  .msg = "unknown Daylio mood \"ok but sleepy\" (line 3)",
		  .hint = "map them with --mood-map \"ok but sleepy=N\", N from 0 (worst) to 10"
		          " (best)" },
		{ .name = "a control character in a note",
		  .text = HEAD "2026-02-02,,,,good,,,ok\n2026-02-02,,,,good,,,bell\a\n",
		  .msg = "line 3: note: too long or holds a control character" },
		{ .name = "an unterminated quote", .text = HEAD "2026-02-02,,,,good,,,\"open\n",
		  .msg = "line 2: a quoted field is never closed" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct wn_daylio d;
		struct wn_daylio_day day;
		struct wn_err err = { 0 };
		bool got = true;
		const char *t = cases[i].text;
		int rc = wn_daylio_open(&d, t, strlen(t), NULL, &err);
		while (rc == WN_OK && (rc = wn_daylio_next(&d, &day, &got, &err)) == WN_OK && got)
			;
		cr_expect_eq(rc, WN_DATAERR, "%s: rc %d", cases[i].name, rc);
		cr_expect_str_eq(err.msg, cases[i].msg, "%s", cases[i].name);
		if (cases[i].hint)
			cr_expect_str_eq(err.hint, cases[i].hint, "%s", cases[i].name);
		wn_daylio_close(&d);
	}
}

Test(daylio, many_unknown_labels_are_cut_short)
{
	char t[2048];
	int n = snprintf(t, sizeof t, HEAD);
	for (int i = 0; i < 9; i++)
		n += snprintf(t + n, sizeof t - (size_t)n, "2026-02-%02d,,,,label%d,,,\n", i + 1, i);
	struct wn_daylio d;
	struct wn_err err = { 0 };
	cr_expect_eq(wn_daylio_open(&d, t, strlen(t), NULL, &err), WN_DATAERR);
	cr_expect_str_eq(err.msg, "unknown Daylio moods \"label0\", \"label1\", \"label2\", "
	                 "\"label3\", \"label4\", \"label5\" and more (lines 2, 3, 4, 5, 6, 7)");
	wn_daylio_close(&d);
}

Test(daylio, a_note_over_the_limit_is_refused)
{
	size_t big = WN_TEXT_NOTE_MAX + 1;
	char *t = malloc(big + 128);
	cr_assert_not_null(t);
	int n = snprintf(t, 128, HEAD "2026-02-02,,,,good,,,");
	memset(t + n, 'n', big);
	strcpy(t + n + big, "\n");
	struct wn_daylio d;
	struct wn_daylio_day day;
	struct wn_err err = { 0 };
	bool got;
	cr_assert_eq(wn_daylio_open(&d, t, strlen(t), NULL, &err), WN_OK);
	cr_expect_eq(wn_daylio_next(&d, &day, &got, &err), WN_DATAERR);
	cr_expect_str_eq(err.msg, "line 2: note: too long or holds a control character");
	wn_daylio_close(&d);
	free(t);
}
