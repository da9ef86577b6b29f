/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests of wn_drugref_open_only (issue 17: a TUI start reads only the
 * drugs its diary names): for every drug of the shipped file, and for
 * small files with quoted values and comments, the one-drug read gives
 * exactly what the whole read gives. */
#include <criterion/criterion.h>

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/drugref.h"

static void shipped(char *buf, size_t n)
{
	const char *src = getenv("WEAN_SRCDIR");
	snprintf(buf, n, "%s/data/drugs.ini", src && *src ? src : ".");
}

/* name, looked up in a whole read and in a read of name only of path: the
 * same status and, when found, the same bytes. */
static void same_drug(const char *path, const struct wn_drugref *whole, const char *name)
{
	struct wn_drugref *one = NULL;
	struct wn_err err = { 0 };
	cr_assert_eq(wn_drugref_open_only(path, name, &one, &err), WN_OK, "%s", err.msg);
	struct wn_drug a, b;
	memset(&a, 0, sizeof a);
	memset(&b, 0, sizeof b);
	int ra = wn_drugref_lookup(whole, name, &a, NULL);
	int rb = wn_drugref_lookup(one, name, &b, NULL);
	cr_expect_eq(ra, rb, "%s: %d against %d", name, ra, rb);
	cr_expect(memcmp(&a, &b, sizeof a) == 0, "%s: the same drug", name);
	wn_drugref_close(one);
}

Test(drugref_only, every_shipped_drug_as_the_whole_read_gives_it)
{
	char path[PATH_MAX], line[1200];
	struct wn_drugref *whole = NULL;
	struct wn_err err = { 0 };
	shipped(path, sizeof path);
	cr_assert_eq(wn_drugref_open(path, &whole, &err), WN_OK, "%s", err.msg);
	FILE *f = fopen(path, "r");
	cr_assert_not_null(f);
	int drugs = 0;
	while (fgets(line, sizeof line, f)) {
		char name[64];
		if (sscanf(line, "[%63[^]]", name) != 1 || strcmp(name, "sources") == 0 ||
		    strncmp(name, "class_", 6) == 0)
			continue;
		same_drug(path, whole, name);
		drugs++;
	}
	fclose(f);
	cr_expect_gt(drugs, 30, "%d drugs", drugs);
	/* any case, blanks around */
	same_drug(path, whole, "  Sertraline ");
	wn_drugref_close(whole);
}

Test(drugref_only, other_names_are_unknown_with_the_same_hint)
{
	char path[PATH_MAX];
	struct wn_drugref *one = NULL;
	struct wn_err err = { 0 };
	shipped(path, sizeof path);
	cr_assert_eq(wn_drugref_open_only(path, "sertraline", &one, &err), WN_OK, "%s", err.msg);
	cr_expect_eq(wn_drugref_lookup(one, "diazepam", NULL, &err), WN_NOINPUT);
	cr_expect_eq(wn_drugref_lookup(one, "sertralin", NULL, &err), WN_NOINPUT);
	cr_expect_str_eq(err.msg, "'sertralin' is not in the drug reference");
	cr_expect_str_eq(err.hint, "did you mean 'sertraline'?");
	cr_expect_eq(wn_drugref_lookup(one, "diazepan", NULL, &err), WN_NOINPUT);
	cr_expect_str_eq(err.hint, "did you mean 'diazepam'?");
	wn_drugref_close(one);
	/* a name the file does not have: a handle whose lookups fail */
	cr_assert_eq(wn_drugref_open_only(path, "vitamin d", &one, &err), WN_OK, "%s", err.msg);
	cr_expect_eq(wn_drugref_lookup(one, "vitamin d", NULL, NULL), WN_NOINPUT);
	wn_drugref_close(one);
}

/* A small file that uses quotes, comments after values, empty values,
 * upper-case keys and sections, and a drug whose key is set twice. */
static const char small[] =
	"; a comment\n"
	"[Testdrug]\n"
	"CLASS = SSRI ; the class\n"
	"half_life_h = \"24-36 ; quoted\"\n"
	"metabolite_half_life_h = ''\n"
	"note = 'single quoted # kept'\n"
	"src = half_life_h:S1\n"
	"approximate =\n"
	"forms = tablet 10 mg | tablet 20 mg\n"
	"forms = tablet 5 mg | tablet 20 mg # the later one counts\n"
	"\n"
	"[other]\n"
	"class = benzodiazepine\n"
	"diazepam_equiv_mg = 1-2\n"
	"[class_antidepressant]\n"
	"classes = SSRI\n"
	"pace_max_cut_pct = 50\n"
	"pace_per_days = 7\n"
	"pace_by = someone\n"
	"pace_src = S1\n"
	"[sources]\n"
	"S1 = A source\n";

Test(drugref_only, a_small_file_read_both_ways)
{
	const char *base = getenv("TMPDIR");
	char path[PATH_MAX];
	snprintf(path, sizeof path, "%s/wean-drugonly-%ld.ini", base && *base ? base : "/tmp",
	         (long)getpid());
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f, "%s", strerror(errno));
	fputs(small, f);
	fclose(f);
	struct wn_drugref *whole = NULL;
	struct wn_err err = { 0 };
	cr_assert_eq(wn_drugref_open(path, &whole, &err), WN_OK, "%s", err.msg);
	same_drug(path, whole, "testdrug");
	same_drug(path, whole, "OTHER");
	struct wn_drug d;
	cr_assert_eq(wn_drugref_lookup(whole, "testdrug", &d, NULL), WN_OK);
	cr_expect_str_eq(d.half_life_h, "24-36 ; quoted");
	cr_expect_str_eq(d.note, "single quoted # kept");
	cr_expect_eq(d.n_forms, 2);
	cr_expect_eq(d.pace.max_cut_pct, 50);
	wn_drugref_close(whole);
	unlink(path);
}
