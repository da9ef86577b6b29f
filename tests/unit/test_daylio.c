/* Unit tests for daylio.c: mood labels, days made of several entries, the
 * preamble, and malformed files (each message with its line). */
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
	for (char *tok = strtok(map, " "); tok; tok = strtok(NULL, " "), n++) {
		char *eq = strchr(tok, '=');
		cr_assert_not_null(eq, "%s", tok);
		*eq = '\0';
		cr_expect_eq(wn_daylio_mood(tok), atoi(eq + 1), "%s", tok);
	}
	cr_expect_eq(n, 5);
	cr_expect_eq(wn_daylio_mood("RAD"), 9);
	cr_expect_eq(wn_daylio_mood("Meh"), 5);
	cr_expect_eq(wn_daylio_mood("super"), -1);
	cr_expect_eq(wn_daylio_mood(""), -1);
}

/* A file and the days it holds. */
struct want { const char *date; int mood, entries, line; const char *note; };
struct dcase {
	const char *name, *text;
	struct want days[3];
};

static const struct dcase day_cases[] = {
	{ .name = "one entry", .text = HEAD "2026-02-02,February 2,Monday,10:00,good,,,\n",
	  .days = { { "2026-02-02", 7, 1, 2, "" } } },
	{ .name = "entries of a day become one, oldest first",
	  .text = HEAD "2026-02-02,February 2,Monday,21:00,rad,walk | read,Evening,calm\n"
	          "2026-02-02,February 2,Monday,08:00,bad,,Morning,\"dizzy,\nzaps\"\n"
	          "2026-02-01,February 1,Sunday,12:00,awful,,,\n",
	  .days = { { "2026-02-02", 6, 2, 2, "Morning\ndizzy,\nzaps\nEvening\ncalm\n"
	              "activities: walk, read" },
	            { "2026-02-01", 1, 1, 5, "" } } },
	{ .name = "the mean is rounded, half up (7.5 is 8)",
	  .text = HEAD "2026-02-02,,,,rad,,,\n2026-02-02,,,,good,,,\n"
	          "2026-02-02,,,,good,,,\n2026-02-02,,,,good,,,\n",
	  .days = { { "2026-02-02", 8, 4, 2, "" } } },
	{ .name = "the mean is rounded (4.33 is 4)",
	  .text = HEAD "2026-02-02,,,,good,,,\n2026-02-02,,,,bad,,,\n2026-02-02,,,,bad,,,\n",
	  .days = { { "2026-02-02", 4, 3, 2, "" } } },
	{ .name = "byte-order mark, comments and blank lines",
	  .text = "\xEF\xBB\xBF# exported by Daylio\n# v2\n" HEAD "\n"
	          "2026-02-02,,,,good,,,x\r\n\r\n2026-02-01,,,,bad,,,\n",
	  .days = { { "2026-02-02", 7, 1, 5, "x" }, { "2026-02-01", 3, 1, 7, "" } } },
	{ .name = "columns in another order, and more of them",
	  .text = "note,mood,extra,full_date,date,weekday,time,activities,note_title\n"
	          "hello,rad,?,2026-02-02,,,,,\n",
	  .days = { { "2026-02-02", 9, 1, 2, "hello" } } },
	{ .name = "a day on rows apart is one day (was two, the second overwriting the first)",
	  .text = HEAD "2026-02-02,,,,good,,,late\n2026-02-01,,,,good,,,\n2026-02-02,,,,bad,,,early\n",
	  .days = { { "2026-02-02", 5, 2, 2, "early\nlate" }, { "2026-02-01", 7, 1, 3, "" } } },
	{ .name = "rows in no order come out newest date first",
	  .text = HEAD "2026-01-30,,,,rad,,,\n2026-02-01,,,,awful,,,\n2026-01-31,,,,meh,,,\n",
	  .days = { { "2026-02-01", 1, 1, 3, "" }, { "2026-01-31", 5, 1, 4, "" },
	            { "2026-01-30", 9, 1, 2, "" } } },
	{ .name = "a header only", .text = HEAD },
};

static void read_all(const struct dcase *c)
{
	struct wn_daylio d;
	struct wn_daylio_day day;
	struct wn_err err = { 0 };
	bool got = true;
	size_t n = 0;
	int rc = wn_daylio_open(&d, c->text, strlen(c->text), &err);
	cr_expect_eq(rc, WN_OK, "%s: %s", c->name, err.msg);
	while (rc == WN_OK && (rc = wn_daylio_next(&d, &day, &got, &err)) == WN_OK && got) {
		cr_assert_lt(n, 3, "%s: too many days", c->name);
		const struct want *w = &c->days[n++];
		cr_assert_not_null(w->date, "%s: day %zu unexpected", c->name, n);
		cr_expect_str_eq(day.date, w->date, "%s", c->name);
		cr_expect_eq(day.mood, w->mood, "%s: mood", c->name);
		cr_expect_eq(day.entries, w->entries, "%s: entries", c->name);
		cr_expect_eq(day.line, w->line, "%s: line", c->name);
		cr_expect_eq(day.note_len, strlen(w->note), "%s: note \"%.*s\"", c->name,
		             (int)day.note_len, day.note);
		cr_expect_eq(strncmp(day.note, w->note, day.note_len), 0, "%s", c->name);
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
		{ .name = "a short row", .text = HEAD "2026-02-02,x\n",
		  .msg = "line 2: 2 fields, expected 8" },
		{ .name = "an impossible date", .text = HEAD "2026-02-30,,,,good,,,\n",
		  .msg = "line 2: full_date: \"2026-02-30\" is not a real date YYYY-MM-DD" },
		{ .name = "not a date", .text = HEAD "yesterday,,,,good,,,\n",
		  .msg = "line 2: full_date: \"yesterday\" is not a real date YYYY-MM-DD" },
		{ .name = "an unknown label on a later row",
		  .text = HEAD "2026-02-02,,,,good,,,\n2026-02-01,,,,super,,,\n",
		  .msg = "line 3: mood: unknown label \"super\"",
		  .hint = "known labels: " WN_DAYLIO_MAP },
		{ .name = "a control character in a note",
		  .text = HEAD "2026-02-02,,,,good,,,ok\n2026-02-02,,,,good,,,bell\a\n",
		  .msg = "line 2: note: too long or holds a control character" },
		{ .name = "an unterminated quote", .text = HEAD "2026-02-02,,,,good,,,\"open\n",
		  .msg = "line 2: a quoted field is never closed" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct wn_daylio d;
		struct wn_daylio_day day;
		struct wn_err err = { 0 };
		bool got = true;
		const char *t = cases[i].text;
		int rc = wn_daylio_open(&d, t, strlen(t), &err);
		while (rc == WN_OK && (rc = wn_daylio_next(&d, &day, &got, &err)) == WN_OK && got)
			;
		cr_expect_eq(rc, WN_DATAERR, "%s: rc %d", cases[i].name, rc);
		cr_expect_str_eq(err.msg, cases[i].msg, "%s", cases[i].name);
		if (cases[i].hint)
			cr_expect_str_eq(err.hint, cases[i].hint, "%s", cases[i].name);
		wn_daylio_close(&d);
	}
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
	cr_assert_eq(wn_daylio_open(&d, t, strlen(t), &err), WN_OK);
	cr_expect_eq(wn_daylio_next(&d, &day, &got, &err), WN_DATAERR);
	cr_expect_str_eq(err.msg, "line 2: note: too long or holds a control character");
	wn_daylio_close(&d);
	free(t);
}
