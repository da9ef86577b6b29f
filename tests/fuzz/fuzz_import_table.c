/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_import_table.c -- libFuzzer harness: a spreadsheet of one's own
 * (import --format table).
 *
 * The input is the file's text, read with a map of every check-in field,
 * a symptom and a metric of the fixture diary (fuzz_common.c), imported as
 * a dry run told row by row (rolled back) into a diary that already holds
 * four days, so the merge paths run; when the import succeeds it is
 * repeated with --replace.  See
 * fuzz_common.h for the environment and the checks. */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_common.h"
#include "db/import.h"

WN_FUZZ_IMPORT_HARNESS(WN_IMPORT_TABLE)
