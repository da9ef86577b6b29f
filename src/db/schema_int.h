/* SPDX-License-Identifier: GPL-3.0-or-later */
/* schema_int.h -- private to schema.c and check.c: the schema of this
 * version, for `wean check` to compare a diary with. */
#ifndef WEAN_SCHEMA_INT_H
#define WEAN_SCHEMA_INT_H

#include <sqlite3.h>

/* Runs every migration's SQL (the tables and indexes, not the rows they
 * seed) on sql, an empty database: SQLITE_OK or SQLite's code. */
int wn_db_schema_create(sqlite3 *sql);

/* Version 7 (schema_v7.c): the charts' summary, its view and triggers
 * (NULL-terminated); the SQL that fills it from the records; the query
 * of `wean check` that yields one line when it differs from them. */
extern const char *const wn_db_schema_v7[];
extern const char wn_db_chart_sum_fill[];
extern const char wn_db_chart_sum_check[];

#endif
