/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_date.c -- libFuzzer harness: date parsing, wn_date_parse_iso() and
 * wn_date_parse() (the CLI's DATE arguments: YYYY-MM-DD, today,
 * yesterday, -N).
 *
 * The input (up to its first NUL) is parsed with "today" pinned to
 * 2026-03-10 and again with today at the first and last representable
 * days.  Checked: a strict ISO parse formats back to exactly the input;
 * -N gives today - N with N <= 36500; every accepted ISO date lies in
 * years 1..9999; the calendar helpers (ymd, weekday, month start, adding
 * months, the month grid) stay consistent for each accepted date.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/date.h"
#include "fuzz_common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	wn_fuzz_init();
	return 0;
}

static void check_grid(wn_date d, int week_start)
{
	struct wn_month_grid g;
	int y, m, dd, in = 0;
	wn_date_month_grid(d, week_start, &g);
	wn_date_to_ymd(d, &y, &m, &dd);
	WN_FUZZ_CHECK(g.year == y && g.month == m, "grid %d-%d for %d-%d", g.year, g.month, y, m);
	WN_FUZZ_CHECK(g.rows >= 4 && g.rows <= 6, "grid rows %d", g.rows);
	WN_FUZZ_CHECK(wn_date_weekday(g.cell[0][0]) == week_start, "grid starts on %d",
	              wn_date_weekday(g.cell[0][0]));
	for (int r = 0; r < 6; r++)
		for (int k = 0; k < 7; k++)
			in += g.in_month[r][k];
	int dim = 28;
	while (dim < 31 && wn_date_valid(y, m, dim + 1))
		dim++;
	WN_FUZZ_CHECK(in == dim, "%d days in the grid", in);
}

/* The helpers on one accepted date inside years 1..9999. */
static void check_date(wn_date d, unsigned salt)
{
	int y, m, dd;
	char buf[WN_DATE_STRLEN];
	wn_date_to_ymd(d, &y, &m, &dd);
	WN_FUZZ_CHECK(wn_date_valid(y, m, dd), "%ld is %d-%d-%d", d, y, m, dd);
	WN_FUZZ_CHECK(wn_date_from_ymd(y, m, dd) == d, "ymd round trip of %ld", d);
	wn_date back;
	WN_FUZZ_CHECK(wn_date_parse_iso(wn_date_format(d, buf), &back, NULL) == WN_OK &&
	              back == d, "format/parse round trip of %s", buf);
	WN_FUZZ_CHECK(wn_date_weekday(d) >= 0 && wn_date_weekday(d) <= 6, "weekday");
	int months = (int)(salt % 241) - 120;
	wn_date am = wn_date_add_months(d, months);
	wn_date_to_ymd(am, &y, &m, &dd);
	WN_FUZZ_CHECK(wn_date_valid(y, m, dd), "add_months(%ld, %d) = %d-%d-%d", d, months,
	              y, m, dd);
	check_grid(d, (int)(salt % 7));
}

static bool in_range(wn_date d)
{
	return d >= wn_date_from_ymd(1, 1, 1) && d <= wn_date_from_ymd(9999, 12, 31);
}

static void parse_with(const char *s, wn_date today, unsigned salt)
{
	wn_date out = WN_DATE_NONE;
	struct wn_err err = { 0 };
	int rc = wn_date_parse(s, today, &out, &err);
	WN_FUZZ_CHECK(rc == WN_OK || rc == WN_DATAERR, "wn_date_parse returned %d", rc);
	if (rc != WN_OK) {
		WN_FUZZ_CHECK(err.msg[0] && !strchr(err.msg, '\n'), "bad message '%s'", err.msg);
		return;
	}
	if (s[0] == '-') {
		long n = strtol(s + 1, NULL, 10);
		WN_FUZZ_CHECK(n >= 0 && n <= 36500 && out == today - n, "'%s' gave %ld", s, out);
	} else if (strcasecmp(s, "today") == 0 || strcasecmp(s, "yesterday") == 0) {
		WN_FUZZ_CHECK(out == today - (s[0] == 'y' || s[0] == 'Y'), "'%s' gave %ld", s, out);
	} else {
		wn_date iso;
		WN_FUZZ_CHECK(wn_date_parse_iso(s, &iso, NULL) == WN_OK && iso == out,
		              "'%s' parsed but not as ISO", s);
	}
	if (in_range(out))
		check_date(out, salt);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	unsigned salt = 0;
	for (size_t i = 0; i < size; i++)
		salt = salt * 31u + data[i];

	wn_date iso = WN_DATE_NONE;
	struct wn_err err = { 0 };
	int rc = wn_date_parse_iso(s, &iso, &err);
	WN_FUZZ_CHECK(rc == WN_OK || rc == WN_DATAERR, "wn_date_parse_iso returned %d", rc);
	if (rc == WN_OK) {
		char buf[WN_DATE_STRLEN];
		WN_FUZZ_CHECK(strcmp(wn_date_format(iso, buf), s) == 0,
		              "'%s' parsed as %s", s, buf);
		WN_FUZZ_CHECK(in_range(iso), "'%s' out of range", s);
	} else {
		WN_FUZZ_CHECK(err.msg[0] && !strchr(err.msg, '\n'), "bad message '%s'", err.msg);
	}
	parse_with(s, wn_date_from_ymd(2026, 3, 10), salt);
	parse_with(s, wn_date_from_ymd(1, 1, 1), salt);
	parse_with(s, wn_date_from_ymd(9999, 12, 31), salt);
	free(s);
	return 0;
}
