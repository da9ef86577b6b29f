/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sqlq.c -- see sqlq.h. */
#include "sqlq.h"

#include <criterion/criterion.h>

#include "db/db_int.h"

long wn_test_long(sqlite3 *h, const char *sql)
{
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK, "%s: %s", sql,
	             sqlite3_errmsg(h));
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW, "%s", sql);
	long v = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

long wn_test_db_long(struct wn_db *db, const char *sql)
{
	return wn_test_long(wn_db_sqlite(db), sql);
}
