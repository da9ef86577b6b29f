/* SPDX-License-Identifier: GPL-3.0-or-later */
/* symptoms.h -- the symptom catalogue: built-in withdrawal symptoms and
 * the 43-item DESS checklist.  Pure data, no storage, no curses.
 *
 * The built-in list (about 15 common withdrawal symptoms grouped by body
 * system) is compiled in; the DESS list is read from data/dess.ini, which
 * ships with wean and names its sources.  The diary (storage) seeds the
 * built-ins into every new database and adds DESS items when the user
 * switches the catalogue on.
 */
#ifndef WEAN_SYMPTOMS_H
#define WEAN_SYMPTOMS_H

#include <stddef.h>
#include "core/status.h"

enum wn_symptom_source {
	WN_SYM_BUILTIN = 0,
	WN_SYM_DESS = 1,
	WN_SYM_CUSTOM = 2,
};

struct wn_symptom_def {
	const char *name;   /* lower-case display name, e.g. "brain zaps" */
	const char *group;  /* body system, e.g. "neurological" */
};

/* The built-in list, in display order.  *n receives the count. */
const struct wn_symptom_def *wn_symptoms_builtin(size_t *n);

/* Group names used by the built-ins, for `symptoms add --group`. */
const char *const *wn_symptoms_groups(size_t *n);

/* Load the DESS item list from an INI file (section [dess], keys
 * item01..item43, group01..group43).  On success *out is a malloc'd array
 * of *n entries whose strings are malloc'd too; free with
 * wn_symptoms_free_defs().  WN_NOINPUT if the file cannot be opened,
 * WN_DATAERR if it is malformed, WN_ERR out of memory (core/ini.h: nothing
 * is printed).  The file is found with core/datafile.h. */
int wn_symptoms_load_dess(const char *path, struct wn_symptom_def **out,
                          size_t *n, struct wn_err *err);
void wn_symptoms_free_defs(struct wn_symptom_def *defs, size_t n);

#endif
