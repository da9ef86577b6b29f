/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tmpdir.h -- private temporary directories for the unit tests.
 *
 * Each suite that needs files makes its own directory under $WEAN_TMP (set
 * by tests/run-unit.sh), else $TMPDIR, else /tmp, and removes it with all
 * it holds when the suite's test ends.  A directory that cannot be made
 * fails the test: a test without it would write somewhere it must not. */
#ifndef WEAN_TEST_TMPDIR_H
#define WEAN_TEST_TMPDIR_H

#include <stddef.h>

/* "<base>/wean-TAG-XXXXXX" made (0700) into dir[0..n). */
void wn_test_mkdtemp(char *dir, size_t n, const char *tag);

/* dir and everything below it removed (links not followed); quiet when
 * it is already gone. */
void wn_test_rmtree(const char *dir);

#endif
