/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_common.h -- shared by the libFuzzer harnesses in tests/fuzz.
 *
 * Every harness calls wn_fuzz_init() from LLVMFuzzerInitialize.  It pins the
 * environment the way the test suites do (TZ=UTC, LANG=C.UTF-8,
 * WEAN_TODAY=2026-03-10; WEAN_DB, WEAN_CONFIG, XDG_*, NO_COLOR and COLUMNS
 * unset), creates one private temporary directory for the whole process
 * (mkdtemp under /dev/shm when it is a writable directory, else $TMPDIR,
 * else /tmp), points HOME and TMPDIR inside it (HOME=<dir>/home,
 * TMPDIR=<dir>/tmp), and removes it again at exit.  The working directory
 * is left alone (libFuzzer reads its corpus and writes its findings
 * relative to it).  Nothing a harness does writes outside that directory.
 */
#ifndef WEAN_FUZZ_COMMON_H
#define WEAN_FUZZ_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "db/import.h"
#include "db/db.h"

#define WN_FUZZ_TODAY "2026-03-10"

/* Set up the environment and the temporary directory (once; later calls
 * do nothing).  Returns the directory's absolute path.  Aborts when the
 * directory cannot be made: a harness without it must not run. */
const char *wn_fuzz_init(void);

/* "<temp dir>/<leaf>" in a static buffer (one per call site is not
 * needed: callers copy it or use it before the next call). */
const char *wn_fuzz_path(const char *leaf);

/* Write data[0..n) to path (created or truncated, 0600).  Aborts on a
 * write error, which would make the run meaningless. */
void wn_fuzz_write_file(const char *path, const void *data, size_t n);

/* Read a whole file into a malloc'd buffer; *n gets its size.  Aborts on
 * an error. */
char *wn_fuzz_read_file(const char *path, size_t *n);

/* Remove everything under dir (files, links, directories), keeping dir. */
void wn_fuzz_empty_dir(const char *dir);

/* Create the fixture diary at path: the demo diary of 4 days ending on
 * WN_FUZZ_TODAY (medication "sertraline", the built-in symptoms) plus the
 * custom metrics "focus" and "pain" with a value on the last day.  The
 * file is checkpointed and closed, so it is a single self-contained file
 * without -wal or -shm. */
void wn_fuzz_make_diary(const char *path);

/* The importer harnesses: import data[0..n) as format into the fixture
 * diary (made on the first call under the temporary directory and kept
 * open) as a dry run, which rolls back, so every input meets the same
 * diary; when that succeeds, once more with --on-conflict append and once
 * with whole days replaced.  Checks the import contract: WN_OK or
 * WN_DATAERR only, a message that is safe to print (wn_fuzz_printable),
 * no transaction left open, no more conflicts listed than counted. */
void wn_fuzz_import(enum wn_import_format format, const uint8_t *data, size_t n);

/* The whole of an importer's harness: libFuzzer's two entry points, the
 * input imported as format by wn_fuzz_import(). */
#define WN_FUZZ_IMPORT_HARNESS(format) \
	int LLVMFuzzerInitialize(int *argc, char ***argv); \
	int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size); \
	int LLVMFuzzerInitialize(int *argc, char ***argv) \
	{ \
		(void)argc; \
		(void)argv; \
		wn_fuzz_init(); \
		return 0; \
	} \
	int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) \
	{ \
		wn_fuzz_import((format), data, size); \
		return 0; \
	}

/* Abort (a crash for libFuzzer) with a message when cond is false: the
 * harnesses check documented contracts this way. */
#define WN_FUZZ_CHECK(cond, ...) \
	do { if (!(cond)) wn_fuzz_fail(__FILE__, __LINE__, #cond, __VA_ARGS__); } while (0)
void wn_fuzz_fail(const char *file, int line, const char *cond,
                  const char *fmt, ...)
	__attribute__((noreturn, format(printf, 4, 5)));

/* Could s[0..n) be printed to a terminal as it is: valid UTF-8 without
 * any code point text.h calls unsafe (C0 and C1 controls, DEL, bidi
 * controls)? */
bool wn_fuzz_printable(const char *s, size_t n);

/* Is s[0..n) free of bytes a terminal would act on: C0 controls other
 * than those allowed in `allow` (e.g. "\n"), and DEL?  (C1 controls are
 * two-byte UTF-8 sequences and are checked by callers that need to.) */
bool wn_fuzz_no_controls(const char *s, size_t n, const char *allow);

#endif
