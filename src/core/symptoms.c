/* SPDX-License-Identifier: GPL-3.0-or-later */
/* symptoms.c -- the built-in withdrawal symptom list and the DESS loader.
 *
 * The built-in list follows SPEC section 4 and the four-symptom SRI
 * withdrawal screen (dizziness, brain zaps, irritability/agitation,
 * anxiety; domain README 3.2, source S23), grouped by body system. */
#include "core/symptoms.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/ini.h"

static const struct wn_symptom_def builtin[] = {
	{ .name = "dizziness",                 .group = "neurological" },
	{ .name = "brain zaps",                .group = "neurological" },
	{ .name = "headache",                  .group = "neurological" },
	{ .name = "tingling or numbness",      .group = "neurological" },
	{ .name = "nausea",                    .group = "gut" },
	{ .name = "insomnia",                  .group = "sleep" },
	{ .name = "vivid dreams",              .group = "sleep" },
	{ .name = "fatigue",                   .group = "body" },
	{ .name = "sweating",                  .group = "body" },
	{ .name = "flu-like aches",            .group = "body" },
	{ .name = "irritability",              .group = "mood" },
	{ .name = "low mood or crying",        .group = "mood" },
	{ .name = "anxiety or agitation",      .group = "mood" },
	{ .name = "inner restlessness",        .group = "movement" },
	{ .name = "brain fog",                 .group = "cognitive" },
};

static const char *const groups[] = {
	"neurological", "gut", "sleep", "body", "mood", "movement",
	"cognitive", "autonomic", "senses", "other",
};

const struct wn_symptom_def *wn_symptoms_builtin(size_t *n)
{
	*n = sizeof builtin / sizeof *builtin;
	return builtin;
}

const char *const *wn_symptoms_groups(size_t *n)
{
	*n = sizeof groups / sizeof *groups;
	return groups;
}

void wn_symptoms_free_defs(struct wn_symptom_def *defs, size_t n)
{
	if (!defs)
		return;
	for (size_t i = 0; i < n; i++) {
		free((char *)defs[i].name);
		free((char *)defs[i].group);
	}
	free(defs);
}

/* Copies item i of [dess] (and its group) out of d into defs[i]. */
static int take_item(dictionary *d, int i, struct wn_symptom_def *def,
                     const char *path, struct wn_err *err)
{
	char key[32], gkey[32];
	snprintf(key, sizeof key, "dess:item%02d", i + 1);
	snprintf(gkey, sizeof gkey, "dess:group%02d", i + 1);
	const char *name = iniparser_getstring(d, key, NULL);
	const char *grp = iniparser_getstring(d, gkey, "other");
	if (!name || !*name || strlen(name) > 64)
		return wn_err_set(err, WN_DATAERR, "%s: dess.item%02d missing or too long",
		                  path, i + 1);
	def->name = strdup(name);
	def->group = strdup(grp);
	if (!def->name || !def->group)
		return wn_err_set(err, WN_ERR, "out of memory");
	return WN_OK;
}

int wn_symptoms_load_dess(const char *path, struct wn_symptom_def **out,
                          size_t *n, struct wn_err *err)
{
	dictionary *d;
	*out = NULL;
	*n = 0;
	int rc = wn_ini_load(path, "DESS list", &d, err);
	if (rc != WN_OK)
		return rc;
	int count = iniparser_getint(d, "dess:item_count", 0);
	struct wn_symptom_def *defs = NULL;
	if (count < 1 || count > 100)
		rc = wn_err_set(err, WN_DATAERR, "%s: dess.item_count missing or out of range", path);
	else if (!(defs = calloc((size_t)count, sizeof *defs)))
		rc = wn_err_set(err, WN_ERR, "out of memory");
	for (int i = 0; rc == WN_OK && i < count; i++)
		rc = take_item(d, i, &defs[i], path, err);
	iniparser_freedict(d);
	if (rc != WN_OK) {
		wn_symptoms_free_defs(defs, defs ? (size_t)count : 0);
		return rc;
	}
	*out = defs;
	*n = (size_t)count;
	return WN_OK;
}
