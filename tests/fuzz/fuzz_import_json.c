/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_import_json.c -- libFuzzer harness: wean's JSON export (import --format json).
 *
 * The input is the file's text, imported as a dry run (rolled back) into a
 * fixture diary that already holds four days, so the merge paths run;
 * when the import succeeds it is repeated with --replace.  See
 * fuzz_common.h for the environment and the checks. */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_common.h"
#include "db/import.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	wn_fuzz_init();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	wn_fuzz_import(WN_IMPORT_JSON, data, size);
	return 0;
}
