/* symptoms.c -- the built-in withdrawal symptom list and the DESS loader.
 *
 * The built-in list follows SPEC section 4 and the four-symptom SRI
 * withdrawal screen (dizziness, brain zaps, irritability/agitation,
 * anxiety; domain README 3.2, source S23), grouped by body system. */
#include "core/symptoms.h"

#include <iniparser.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

int wn_symptoms_load_dess(const char *path, struct wn_symptom_def **out,
                          size_t *n, struct wn_err *err)
{
	*out = NULL;
	*n = 0;
	if (access(path, R_OK) != 0)
		return wn_err_set(err, WN_NOINPUT, "cannot read %s", path);
	dictionary *d = iniparser_load(path);
	if (!d)
		return wn_err_set(err, WN_DATAERR, "%s: not a readable INI file", path);
	int count = iniparser_getint(d, "dess:item_count", 0);
	if (count < 1 || count > 100) {
		iniparser_freedict(d);
		return wn_err_set(err, WN_DATAERR, "%s: dess.item_count missing or out of range", path);
	}
	struct wn_symptom_def *defs = calloc((size_t)count, sizeof *defs);
	if (!defs) {
		iniparser_freedict(d);
		return wn_err_set(err, WN_ERR, "out of memory");
	}
	for (int i = 0; i < count; i++) {
		char key[32], gkey[32];
		snprintf(key, sizeof key, "dess:item%02d", i + 1);
		snprintf(gkey, sizeof gkey, "dess:group%02d", i + 1);
		const char *name = iniparser_getstring(d, key, NULL);
		const char *grp = iniparser_getstring(d, gkey, "other");
		if (!name || !*name || strlen(name) > 64) {
			iniparser_freedict(d);
			wn_symptoms_free_defs(defs, (size_t)count);
			return wn_err_set(err, WN_DATAERR, "%s: dess.item%02d missing or too long", path, i + 1);
		}
		defs[i].name = strdup(name);
		defs[i].group = strdup(grp);
	}
	iniparser_freedict(d);
	*out = defs;
	*n = (size_t)count;
	return WN_OK;
}

static int try_path(char *buf, size_t n, const char *dir, const char *sub,
                    const char *name)
{
	if (!dir || !*dir)
		return WN_NOINPUT;
	int w = snprintf(buf, n, "%s%s/%s", dir, sub, name);
	if (w < 0 || (size_t)w >= n)
		return WN_NOINPUT;
	return access(buf, R_OK) == 0 ? WN_OK : WN_NOINPUT;
}

int wn_datafile_find(const char *name, char *buf, size_t n)
{
	if (try_path(buf, n, getenv("WEAN_DATADIR"), "", name) == WN_OK)
		return WN_OK;
	char exe[PATH_MAX];
	ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (len > 0) {
		exe[len] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			if (try_path(buf, n, exe, "/../share/wean", name) == WN_OK ||
			    try_path(buf, n, exe, "/../data", name) == WN_OK)
				return WN_OK;
		}
	}
#ifdef WEAN_DATADIR
	if (try_path(buf, n, WEAN_DATADIR, "", name) == WN_OK)
		return WN_OK;
#endif
	if (try_path(buf, n, getenv("WEAN_SRCDIR"), "/data", name) == WN_OK)
		return WN_OK;
	buf[0] = '\0';
	return WN_NOINPUT;
}
