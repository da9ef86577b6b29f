/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests of the one-drug read (drugref_read.c, issue 17) against the
 * whole read through iniparser (drugref.c): for every drug of the shipped
 * file, as it is and rewritten (CRLF, blanks around every line, upper-case
 * names and keys), and for small odd or broken files (missing sections,
 * keys set twice, comments, quotes, CRLF, lines at and over the limit,
 * binary bytes, a NUL), wn_drugref_open_only and its lookups give what
 * wn_drugref_open and its lookups give: the same status, the same bytes of
 * struct wn_drug, the same message and hint. */
#include <criterion/criterion.h>

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/drugref.h"
#include "tmpdir.h"

#define PATH_N (PATH_MAX + 64)     /* dir + "/" + a file name */

static char dir[PATH_MAX];

static void setup(void)
{
	wn_test_mkdtemp(dir, sizeof dir, "drugread");
}

static void teardown(void)
{
	wn_test_rmtree(dir);
}

TestSuite(drugref_read, .init = setup, .fini = teardown);

/* n bytes of text into dir/name; the path into path[PATH_N]. */
static void put_file(const char *name, const char *text, size_t n, char *path)
{
	snprintf(path, PATH_N, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	cr_assert_not_null(f, "%s", path);
	cr_assert_eq(fwrite(text, 1, n, f), n);
	cr_assert_eq(fclose(f), 0);
}

static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f, "%s", path);
	char *buf = malloc(1 << 20);
	cr_assert_not_null(buf);
	*n = fread(buf, 1, (1 << 20) - 1, f);
	buf[*n] = '\0';
	fclose(f);
	return buf;
}

struct result {
	int rc;
	struct wn_drug d;
	struct wn_err err;
};

static void lookup(const struct wn_drugref *ref, const char *name, struct result *r)
{
	memset(r, 0, sizeof *r);
	r->rc = wn_drugref_lookup(ref, name, &r->d, &r->err);
}

static void expect_same(const struct result *whole, const struct result *one,
                        const char *what)
{
	cr_expect_eq(whole->rc, one->rc, "%s: status %d against %d (%s | %s)", what,
	             whole->rc, one->rc, whole->err.msg, one->err.msg);
	cr_expect_str_eq(whole->err.msg, one->err.msg, "%s: message", what);
	cr_expect_str_eq(whole->err.hint, one->err.hint, "%s: hint", what);
	cr_expect(memcmp(&whole->d, &one->d, sizeof whole->d) == 0, "%s: the same drug", what);
}

/* The whole read of path, and for each name a read of name alone: the
 * same opening status and message; when the whole read opens, the same
 * lookup of name (found or not, with the same hint).  Returns the whole
 * read's status. */
static int compare(const char *path, const char *const *names, size_t n_names)
{
	struct wn_drugref *whole = NULL;
	struct wn_err werr = { 0 };
	int wrc = wn_drugref_open(path, &whole, &werr);
	for (size_t i = 0; i < n_names; i++) {
		struct wn_drugref *one = NULL;
		struct wn_err oerr = { 0 };
		int orc = wn_drugref_open_only(path, names[i], &one, &oerr);
		cr_expect_eq(orc, wrc, "%s [%s]: open %d against %d (%s | %s)", path, names[i],
		             wrc, orc, werr.msg, oerr.msg);
		cr_expect_str_eq(oerr.msg, werr.msg, "%s [%s]", path, names[i]);
		if (wrc == WN_OK && orc == WN_OK) {
			struct result a, b;
			char what[PATH_N + 64];
			snprintf(what, sizeof what, "%s [%s]", path, names[i]);
			lookup(whole, names[i], &a);
			lookup(one, names[i], &b);
			expect_same(&a, &b, what);
		}
		wn_drugref_close(one);
	}
	wn_drugref_close(whole);
	return wrc;
}

/* ---- the shipped file ------------------------------------------------------------ */

#define MAX_NAMES 128

/* The drug sections of text (file order), lower case, each also with its
 * last letter dropped (a near miss: the hint), into names. */
static size_t drug_names(const char *text, char names[][48], size_t max)
{
	size_t n = 0;
	for (const char *p = text; p && *p && n + 2 <= max; p = strchr(p, '\n'), p = p ? p + 1 : p) {
		char sec[48];
		if (sscanf(p, " [%40[^]]", sec) != 1 || strcmp(sec, "sources") == 0 ||
		    strncmp(sec, "class_", 6) == 0)
			continue;
		for (char *c = sec; *c; c++)
			*c = (char)tolower((unsigned char)*c);
		snprintf(names[n++], 48, "%s", sec);
		snprintf(names[n++], 48, "%.*s", (int)strlen(sec) - 1, sec);
	}
	return n;
}

static void compare_every_drug(const char *path, const char *text)
{
	char names[MAX_NAMES][48];
	const char *ptr[MAX_NAMES];
	size_t n = drug_names(text, names, MAX_NAMES);
	for (size_t i = 0; i < n; i++)
		ptr[i] = names[i];
	cr_assert_gt(n, 60, "%zu names", n);
	cr_expect_eq(compare(path, ptr, n), WN_OK);
}

static void shipped(char *path)
{
	const char *src = getenv("WEAN_SRCDIR");
	snprintf(path, PATH_N, "%s/data/drugs.ini", src && *src ? src : ".");
}

Test(drugref_read, every_shipped_drug_and_its_near_miss)
{
	char path[PATH_N];
	size_t n;
	shipped(path);
	char *text = slurp(path, &n);
	compare_every_drug(path, text);
	/* names with blanks and capitals, other names, and the sections that are
	 * no drugs */
	const char *odd[] = { "  SERTRALINE\t", "Diazepam ", "vitamin d", "", "sources",
	                      "class_benzodiazepine", "xanax", "lorazepan", "zz" };
	cr_expect_eq(compare(path, odd, sizeof odd / sizeof *odd), WN_OK);
	free(text);
}

/* The shipped file with every line rewritten by fn, read both ways. */
static void rewritten(const char *name, void (*fn)(const char *line, size_t n, FILE *out))
{
	char src[PATH_N], path[PATH_N];
	size_t n;
	shipped(src);
	char *text = slurp(src, &n);
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	cr_assert_not_null(f);
	for (const char *p = text; *p;) {
		size_t l = strcspn(p, "\n");
		fn(p, l, f);
		p += l + (p[l] == '\n');
	}
	cr_assert_eq(fclose(f), 0);
	char *again = slurp(path, &n);
	compare_every_drug(path, again);
	free(again);
	free(text);
}

static void crlf(const char *line, size_t n, FILE *out)
{
	fprintf(out, "%.*s\r\n", (int)n, line);
}

static void blanks(const char *line, size_t n, FILE *out)
{
	fprintf(out, " \t%.*s \v\r\n", (int)n, line);
}

/* Section names and keys in capitals (values as they are). */
static void capitals(const char *line, size_t n, FILE *out)
{
	const char *eq = memchr(line, '=', n);
	size_t upto = line[0] == '[' ? n : line[0] == ';' || !eq ? 0 : (size_t)(eq - line);
	for (size_t i = 0; i < n; i++)
		fputc(i < upto ? toupper((unsigned char)line[i]) : line[i], out);
	fputc('\n', out);
}

Test(drugref_read, the_shipped_file_with_crlf) { rewritten("crlf.ini", crlf); }
Test(drugref_read, the_shipped_file_with_blanks_around_lines) { rewritten("blanks.ini", blanks); }
Test(drugref_read, the_shipped_file_in_capitals) { rewritten("caps.ini", capitals); }

/* ---- small files ------------------------------------------------------------------- */

/* A class section and a drug that make a valid file (citing S1). */
#define CLASS_AD "[class_antidepressant]\nclasses = SSRI | SNRI\npace_max_cut_pct = 50\n" \
	"pace_per_days = 7\npace_by = someone\npace_src = S1\n"
#define OTHER "[other]\nclass = benzodiazepine\ndiazepam_equiv_mg = 1-2\n"
#define SOURCES "[sources]\nS1 = A source\nS2 = Another\n"

struct file_case {
	const char *what;
	const char *text;
	size_t len;                     /* 0: strlen(text) */
	int rc;                         /* of the whole read */
	const char *msg;                /* the start of its message after the
	                                   path, or NULL */
	const char *only;               /* when it fails: the one name whose
	                                   read fails so too, NULL = every
	                                   name, "-" = none (no drugs) */
};

/* The names read in each case: drugs, near misses (their hints), names the
 * file lacks, the sections that are no drugs. */
static const char *const case_names[] = { "testdrug", "TestDrug ", "other", "testdrg",
                                          "othr", "missing", "", "sources",
                                          "class_antidepressant", "testdrug:notf",
                                          "drugc" };

static void run_case(const struct file_case *c, int i)
{
	char path[PATH_N], name[32];
	snprintf(name, sizeof name, "case%d.ini", i);
	put_file(name, c->text, c->len ? c->len : strlen(c->text), path);
	const char *const *names = case_names;
	size_t n = sizeof case_names / sizeof *case_names;
	if (c->rc != WN_OK && c->only) {
		names = &c->only;
		n = strcmp(c->only, "-") != 0;
	}
	struct wn_drugref *whole = NULL;
	struct wn_err err = { 0 };
	cr_expect_eq(wn_drugref_open(path, &whole, &err), c->rc, "%s: %s", c->what, err.msg);
	wn_drugref_close(whole);
	if (c->msg) {
		size_t l = strlen(path);
		cr_expect(strncmp(err.msg, path, l) == 0 &&
		          strncmp(err.msg + l, c->msg, strlen(c->msg)) == 0, "%s: '%s'", c->what,
		          err.msg);
	}
	compare(path, names, n);
}

static const char long_ok[] =
	"[testdrug]\nclass = SSRI\nnote = "
	"0123456789012345678901234567890123456789012345678901234567890123456789012345678901"
	"2345678901234567890123456789012345678901234567890123456789012345678901234567890123"
	"4567890123456789012345678901234567890123456789012345678901234567890123456789012345"
	"67890123456789012345678901234567890123456789012345678901234\n"
	"; a comment of 1000 bytes follows\n";

static const struct file_case cases[] = {
	{ .what = "quotes, comments after values, empty values, keys set twice",
	  .text = "; a comment\n# another\n[TestDrug]\nCLASS = SSRI ; the class\n"
	          "half_life_h = \"24-36 ; quoted\"\nmetabolite_half_life_h = ''\n"
	          "note = 'single # kept' and after\napproximate =\nsrc = half_life_h:S1\n"
	          "forms = tablet 10 mg | tablet 20 mg\n"
	          "forms = tablet 5 mg | tablet 20 mg # the later one counts\n"
	          "sert_region = \"\" ; empty\nsert_alt = ;nothing\n"
	          "\n" OTHER CLASS_AD SOURCES },
	{ .what = "unterminated quotes, a lone quote, \"\" and '' in the middle",
	  .text = "[testdrug]\nclass = \"SSRI\nnote = \"\nsert_region = '\nsert_alt = \"\"x\n"
	          "half_life_h = ''\n" OTHER CLASS_AD SOURCES },
	{ .what = "a section read twice, its key replaced in the second",
	  .text = "[testdrug]\nclass = SSRI\nnote = first\n" OTHER "[ TESTDRUG ]\n"
	          "note = second\n" CLASS_AD SOURCES "[testdrug]\nhalf_life_h = 3\n" },
	{ .what = "CRLF everywhere, tabs, vertical tabs and form feeds around",
	  .text = "\t[testdrug]\t\r\n\vclass\t=\tSSRI\f\r\n note = a\tb \r\n\r\n"
	          "[other]\r\nclass = benzodiazepine\r\n" CLASS_AD SOURCES },
	{ .what = "keys before any section, an empty section name",
	  .text = "class = SSRI\nnote = before\n[ ]\nhalf_life_h = 4\n" OTHER CLASS_AD SOURCES },
	{ .what = "binary bytes in values, keys and another section's name",
	  .text = "[testdrug]\nclass = SSRI \xc3\xa9\xff\nnote = \x80\x81\x01 x\n"
	          "[caf\xc3\xa9]\nclass = x\n\xfe\xfe = \xfd\n" OTHER CLASS_AD SOURCES },
	{ .what = "a line of 1000 bytes", .text = long_ok },
	{ .what = "a section whose name has ':' hides a key",
	  .text = "[testdrug]\nclass = SSRI\nnote = hidden\n[testdrug:note]\nx = 1\n"
	          OTHER CLASS_AD SOURCES },
	{ .what = "a [sources:ID] section (no value, no crash)",
	  .text = "[testdrug]\nclass = SSRI\nsrc = forms:S1\n" CLASS_AD SOURCES "[sources:s3]\n" },
	{ .what = "only other drugs", .text = OTHER CLASS_AD SOURCES },
	{ .what = "two names as near, not in order (the hint is the last in order)",
	  .text = "[drugd]\nclass = x\n[drugb]\nclass = x\n[testdrug]\nclass = SSRI\n" },
	{ .what = "an empty file", .text = "", .rc = WN_DATAERR, .msg = ": no drugs", .only = "-" },
	{ .what = "the class hidden by [testdrug:class]",
	  .text = "[testdrug]\nclass = SSRI\n[testdrug:class]\n" CLASS_AD SOURCES,
	  .rc = WN_DATAERR, .msg = ":testdrug.class: missing", .only = "testdrug" },
	{ .what = "a NUL byte", .text = "[testdrug]\nclass = SSRI\nnote = a\0b\n" OTHER,
	  .len = 42, .rc = WN_DATAERR, .msg = ": not a text file" },
	{ .what = "a line over 1000 bytes in another section",
	  .text = OTHER "note = " "0123456789012345678901234567890123456789012345678901234567890123"
	          "4567890123456789012345678901234567890123456789012345678901234567890123456789"
	          "0123456789012345678901234567890123456789012345678901234567890123456789012345"
	          "6789012345678901234567890123456789012345678901234567890123456789012345678901"
	          "2345678901234567890123456789012345678901234567890123456789012345678901234567"
	          "8901234567890123456789012345678901234567890123456789012345678901234567890123"
	          "4567890123456789012345678901234567890123456789012345678901234567890123456789"
	          "0123456789012345678901234567890123456789012345678901234567890123456789012345"
	          "6789012345678901234567890123456789012345678901234567890123456789012345678901"
	          "2345678901234567890123456789012345678901234567890123456789012345678901234567"
	          "8901234567890123456789012345678901234567890123456789012345678901234567890123"
	          "4567890123456789012345678901234567890123456789012345678901234567890123456789"
	          "0123456789012345678901234567890123456789012345678901234567890123456789012345"
	          "6789012345678901234567890123456789\n[testdrug]\nclass = SSRI\n",
	  .rc = WN_DATAERR, .msg = ":4: line too long" },
	{ .what = "a continuation line", .text = "[testdrug]\nclass = SSRI \\\n" OTHER,
	  .rc = WN_DATAERR, .msg = ":2: not a [section]" },
	{ .what = "a line without '='", .text = OTHER "\n[testdrug]\nclass SSRI\n",
	  .rc = WN_DATAERR, .msg = ":6: not a [section]" },
	{ .what = "an unclosed section", .text = OTHER "[testdrug\nclass = SSRI\n",
	  .rc = WN_DATAERR, .msg = ":4: not a [section]" },
	{ .what = "an empty section name", .text = "[]\n" OTHER,
	  .rc = WN_DATAERR, .msg = ":1: not a [section]" },
	{ .what = "a key with no name", .text = "[testdrug]\n = SSRI\n",
	  .rc = WN_DATAERR, .msg = ":2: not a [section]" },
	{ .what = "the drug without a class", .text = "[testdrug]\nnote = x\n" OTHER,
	  .rc = WN_DATAERR, .msg = ":testdrug.class: missing", .only = "testdrug" },
	{ .what = "a bad number in the drug",
	  .text = "[testdrug]\nclass = SSRI\nsert_emax_pct = 8x\n" OTHER,
	  .rc = WN_DATAERR, .msg = ":testdrug.sert_emax_pct: not a positive number", .only = "testdrug" },
	{ .what = "Emax without ED50", .text = "[testdrug]\nclass = SSRI\nsert_emax_pct = 80\n",
	  .rc = WN_DATAERR, .msg = ":testdrug.sert_ed50_mg: Emax and ED50 go together", .only = "testdrug" },
	{ .what = "a bad form", .text = "[testdrug]\nclass = SSRI\nforms = tablet ten mg\n",
	  .rc = WN_DATAERR, .msg = ":testdrug.forms: ", .only = "testdrug" },
	{ .what = "a bad factor",
	  .text = "[testdrug]\nclass = SSRI\nform_equiv = oral drops 40 mg/ml:-1\n",
	  .rc = WN_DATAERR, .msg = ":testdrug.form_equiv: the factor is not", .only = "testdrug" },
	{ .what = "a bad range", .text = "[testdrug]\nclass = SSRI\ndiazepam_equiv_mg = 2-1\n",
	  .rc = WN_DATAERR, .msg = ":testdrug.diazepam_equiv_mg: not a positive number or range", .only = "testdrug" },
	{ .what = "a value too long for its field",
	  .text = "[testdrug]\nclass = 0123456789012345678901234567890123456789012345678\n",
	  .rc = WN_DATAERR, .msg = ":testdrug.class: value too long", .only = "testdrug" },
	{ .what = "a drug name too long",
	  .text = "[testdrug]\nclass = SSRI\n[testdrugtestdrugtestdrugtestdrugx]\nclass = SSRI\n",
	  .rc = WN_DATAERR, .msg = ":testdrugtestdrugtestdrugtestdrugx: section name too long",
	  .only = "testdrugtestdrugtestdrugtestdrugx" },
	{ .what = "a class section first, with a pace over 100 %",
	  .text = "[class_x]\nclasses = SSRI\npace_max_cut_pct = 150\npace_per_days = 7\n"
	          "pace_by = x\n[testdrug]\nclass = SSRI\n",
	  .rc = WN_DATAERR, .msg = ":class_x.pace_max_cut_pct: must be at most 100" },
	{ .what = "a class section without classes",
	  .text = "[class_y]\npace_by = x\n[testdrug]\nclass = SSRI\n",
	  .rc = WN_DATAERR, .msg = ":class_y.classes: missing" },
	{ .what = "a class section with a bad name", .text = "[class_]\nclasses = x\n" OTHER,
	  .rc = WN_DATAERR, .msg = ":class_: bad class section name" },
	{ .what = "nine class sections",
	  .text = "[class_1]\nclasses = a\n[class_2]\nclasses = b\n[class_3]\nclasses = c\n"
	          "[class_4]\nclasses = d\n[class_5]\nclasses = e\n[class_6]\nclasses = f\n"
	          "[class_7]\nclasses = g\n[class_8]\nclasses = h\n[class_9]\nclasses = i\n" OTHER,
	  .rc = WN_DATAERR, .msg = ":class_9: too many class sections" },
};

Test(drugref_read, small_odd_and_broken_files)
{
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		run_case(&cases[i], (int)i);
}

/* Where the two reads differ by design: a broken section that the one-drug
 * read does not read, and the citations, which only the whole read checks. */
Test(drugref_read, what_only_the_whole_read_checks)
{
	char path[PATH_N];
	struct wn_drugref *one = NULL;
	struct wn_err err = { 0 };
	struct wn_drug d;
	put_file("other-broken.ini", "[testdrug]\nclass = SSRI\n[other]\nnote = no class\n"
	         "[third]\nclass = x\nsrc = forms:S9\n", 76, path);
	cr_expect_eq(wn_drugref_open(path, &one, &err), WN_DATAERR);
	cr_expect_null(one);
	cr_assert_eq(wn_drugref_open_only(path, "testdrug", &one, &err), WN_OK, "%s", err.msg);
	cr_expect_eq(wn_drugref_lookup(one, "testdrug", &d, &err), WN_OK);
	cr_expect_str_eq(d.drug_class, "SSRI");
	wn_drugref_close(one);
	cr_expect_eq(wn_drugref_open_only(path, "other", &one, &err), WN_DATAERR);
	cr_expect(strstr(err.msg, ":other.class: missing") != NULL, "%s", err.msg);
	cr_expect_eq(wn_drugref_open_only(path, "third", &one, &err), WN_OK, "%s", err.msg);
	wn_drugref_close(one);
}

/* The reads that cannot start. */
Test(drugref_read, no_file)
{
	char path[PATH_N];
	snprintf(path, sizeof path, "%s/absent.ini", dir);
	const char *names[] = { "testdrug" };
	cr_expect_eq(compare(path, names, 1), WN_NOINPUT);
	cr_expect_eq(compare(dir, names, 1), WN_IOERR);     /* a directory */
}

/* A file of 1 MB (comments, then one drug) is read; a byte more is refused
 * before any line is looked at, by both reads. */
Test(drugref_read, a_file_at_and_over_the_size_limit)
{
	const size_t max = 1024 * 1024;
	const char tail[] = "[testdrug]\nclass = SSRI\n";
	char *text = malloc(max + 2);
	cr_assert_not_null(text);
	for (size_t i = 0; i < max + 1; i++)
		text[i] = i % 100 == 99 ? '\n' : i % 100 == 0 ? ';' : 'x';
	memcpy(text + max - strlen(tail), tail, strlen(tail));
	text[max - strlen(tail) - 1] = '\n';
	char path[PATH_N];
	const char *names[] = { "testdrug", "testdrg", "other" };
	put_file("max.ini", text, max, path);
	cr_expect_eq(compare(path, names, 3), WN_OK);
	text[max - 1] = ' ';
	text[max] = '\n';
	put_file("over.ini", text, max + 1, path);
	cr_expect_eq(compare(path, names, 3), WN_DATAERR);
	struct wn_drugref *one = NULL;
	struct wn_err err = { 0 };
	cr_expect_eq(wn_drugref_open_only(path, "testdrug", &one, &err), WN_DATAERR);
	cr_expect(strstr(err.msg, "is too large") != NULL, "%s", err.msg);
	free(text);
}
