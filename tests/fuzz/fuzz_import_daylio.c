/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_import_daylio.c -- libFuzzer harness: Daylio's CSV export (import --format daylio).
 *
 * The input is the file's text, imported as a dry run (rolled back) into a
 * fixture diary that already holds four days, so the merge paths run;
 * when the import succeeds it is repeated with --replace.  See
 * fuzz_common.h for the environment and the checks. */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_common.h"
#include "db/import.h"

WN_FUZZ_IMPORT_HARNESS(WN_IMPORT_DAYLIO)
