/* SPDX-License-Identifier: GPL-3.0-or-later */
/* schema_int.h -- private to schema.c and check.c: the schema of this
 * version, for `wean check` to compare a diary with. */
#ifndef WEAN_SCHEMA_INT_H
#define WEAN_SCHEMA_INT_H

#include <stddef.h>
#include <sqlite3.h>

struct wn_db;
struct wn_err;

/* Runs every migration's SQL (the tables and indexes, not the rows they
 * seed) on sql, an empty database: SQLITE_OK or SQLite's code. */
int wn_db_schema_create(sqlite3 *sql);

/* Version 5 (schema_index.c): the journal's search index, its tables and
 * triggers (NULL-terminated), and the index built from the texts a diary
 * has when it reaches version 5. */
extern const char *const wn_db_schema_v5[];
int wn_db_fill_journal_index(struct wn_db *db, struct wn_err *err);

/* Version 7 (schema_v7.c): the charts' summary, its queue and triggers
 * (NULL-terminated). */
extern const char *const wn_db_schema_v7[];
/* A query of the rows chart_sum must hold, computed from the records (the
 * tests compare; it sorts every rating in memory). */
extern const char wn_db_chart_sum_calc[];

/* Version 9 (schema_v9.c): each day's ratings added up, day_sum, and its
 * one trigger (NULL-terminated); wn_db_sums_fill writes it. */
extern const char *const wn_db_schema_v9[];

/* Version 10 (schema_v10.c): the triggers that empty the plan cache when
 * anything a plan is computed from changes (NULL-terminated). */
extern const char *const wn_db_schema_v10[];

/* The summary computed from the records in one pass over each table in
 * key order (chartsum_calc.c; memory follows the summary, not the
 * records): fill writes it (what was there goes); verify compares it
 * with what is stored and puts one line for `wean check` in line (len
 * bytes), "" when they agree.  WN_OK, WN_ERR out of memory, or a
 * storage error. */
struct wn_db;
struct wn_err;
int wn_db_chart_sum_fill(struct wn_db *db, struct wn_err *err);
/* The same, with day_sum (schema_v9.c) written from the same pass over
 * the ratings: what an import's end (wn_db_index_write) and the migration
 * to version 9 write. */
int wn_db_sums_fill(struct wn_db *db, struct wn_err *err);
int wn_db_chart_sum_verify(struct wn_db *db, char *line, size_t len, struct wn_err *err);

#endif
