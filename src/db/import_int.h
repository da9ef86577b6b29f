/* import_int.h -- private to the importer: import.c (the entry, the
 * writing shared by every format, wean CSV and Daylio) and import_json.c
 * (wean JSON).  Statements come from the db's one cache (wn_db_stmt) and
 * errors from the one mapper (wn_db_sqlerr); a value the diary refuses
 * is reported with the file's line. */
#ifndef WEAN_IMPORT_INT_H
#define WEAN_IMPORT_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "db_int.h"
#include "db/import.h"

#define WN_IMP_NAME_CACHE 128

/* One import in progress. */
struct wn_imp {
	struct wn_db *db;
	const struct wn_import_opts *o;
	struct wn_import_result *res;
	struct wn_err *err;
	int line;                      /* of the record being written */
	struct wn_imp_name {           /* names already looked up */
		int kind;
		char *name;
		size_t len;
		long id;
	} names[WN_IMP_NAME_CACHE];
	size_t n_names;
};

/* A typed value for one column: type is SQLITE_INTEGER, SQLITE_FLOAT,
 * SQLITE_TEXT (s[0..len), not owned) or SQLITE_NULL. */
struct wn_imp_val { int type; double num; const char *s; size_t len; };

/* A cached statement for q (a static string's address): WN_OK or the
 * mapped error. */
int wn_imp_stmt(struct wn_imp *m, const char *q, sqlite3_stmt **st);
/* Binds v as parameter i of st. */
void wn_imp_bind(sqlite3_stmt *st, int i, const struct wn_imp_val *v);
/* Runs st to its end and resets it: WN_OK or the mapped error ("cannot
 * import WHAT: ...", with "line N: " before it when the diary refused a
 * value). */
int wn_imp_run(struct wn_imp *m, sqlite3_stmt *st, const char *what);
/* The cached statement q with v[0..n) bound to ?1..?n, run. */
int wn_imp_bind_run(struct wn_imp *m, const char *q, const struct wn_imp_val *v,
                    size_t n, const char *what);

/* The id of a symptom, metric or medication by name (any case): WN_OK
 * with *id, or -1 when there is none; or the mapped error.  Ids found
 * are kept: within an import a name's row is only updated in place. */
enum wn_imp_kind { WN_IMP_SYMPTOM, WN_IMP_METRIC, WN_IMP_MED };
int wn_imp_name_id(struct wn_imp *m, enum wn_imp_kind kind, const char *name,
                   size_t len, long *id);

/* Counts the day (YYYY-MM-DD) as added or updated and, with replace,
 * empties it first. */
int wn_imp_day_begin(struct wn_imp *m, const char *date);
/* Sets the rating (symptom id) or metric value of a day. */
int wn_imp_set_value(struct wn_imp *m, const char *date, bool rating, long id,
                     const struct wn_imp_val *v);
/* Is s[0..len) a real date YYYY-MM-DD? */
bool wn_imp_valid_date(const char *s, size_t len);

/* wean's JSON export (import_json.c). */
int wn_imp_json(struct wn_imp *m, const char *text, size_t len);

#endif
