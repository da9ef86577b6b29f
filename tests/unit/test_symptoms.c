/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for the symptom catalogue. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/symptoms.h"

static const char *srcdir(void)
{
	const char *s = getenv("WEAN_SRCDIR");
	return s && *s ? s : ".";
}

Test(symptoms, builtin_list_is_grouped_and_unique)
{
	size_t n, ng;
	const struct wn_symptom_def *b = wn_symptoms_builtin(&n);
	const char *const *g = wn_symptoms_groups(&ng);
	cr_expect(n >= 12 && n <= 20, "about 15 built-ins, got %zu", n);
	for (size_t i = 0; i < n; i++) {
		bool known = false;
		for (size_t k = 0; k < ng; k++)
			known |= strcmp(b[i].group, g[k]) == 0;
		cr_expect(known, "%s has a known group", b[i].name);
		for (size_t j = i + 1; j < n; j++)
			cr_expect_str_neq(b[i].name, b[j].name);
	}
	/* the four-symptom SRI screen is covered */
	const char *core[] = { "dizziness", "brain zaps", "irritability", "anxiety or agitation" };
	for (size_t k = 0; k < 4; k++) {
		bool found = false;
		for (size_t i = 0; i < n; i++)
			found |= strcmp(b[i].name, core[k]) == 0;
		cr_expect(found, "%s", core[k]);
	}
}

Test(symptoms, dess_file_has_43_items)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/data/dess.ini", srcdir());
	struct wn_symptom_def *d;
	size_t n;
	struct wn_err err = { 0 };
	cr_assert_eq(wn_symptoms_load_dess(path, &d, &n, &err), WN_OK, "%s", err.msg);
	cr_expect_eq(n, 43);
	cr_expect_str_eq(d[0].name, "nervousness or anxiety");
	cr_expect_str_eq(d[28].name, "dizziness, light-headedness, vertigo");
	cr_expect_str_eq(d[42].name, "unusual smell or taste");
	cr_expect_str_eq(d[34].group, "gut");
	wn_symptoms_free_defs(d, n);
}

Test(symptoms, dess_missing_and_broken_files)
{
	struct wn_symptom_def *d;
	size_t n;
	struct wn_err err = { 0 };
	cr_expect_eq(wn_symptoms_load_dess("/nonexistent/dess.ini", &d, &n, &err), WN_NOINPUT);
	char path[] = "/tmp/wean-dess-XXXXXX";
	int fd = mkstemp(path);
	cr_assert(fd >= 0);
	FILE *f = fdopen(fd, "w");
	fputs("[dess]\nitem_count = 2\nitem01 = a\n", f);
	fclose(f);
	cr_expect_eq(wn_symptoms_load_dess(path, &d, &n, &err), WN_DATAERR);
	cr_expect(strstr(err.msg, "item02") != NULL, "%s", err.msg);
	cr_expect_null(d);
	unlink(path);
}
