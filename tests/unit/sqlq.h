/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sqlq.h -- a number out of a diary, for the unit tests that look into
 * the file with SQL (counts, sums, a version). */
#ifndef WEAN_TEST_SQLQ_H
#define WEAN_TEST_SQLQ_H

#include <sqlite3.h>

struct wn_db;

/* The first column of the first row of sql on h; the test fails when sql
 * does not prepare or gives no row. */
long wn_test_long(sqlite3 *h, const char *sql);
/* The same on the open diary db. */
long wn_test_db_long(struct wn_db *db, const char *sql);

#endif
