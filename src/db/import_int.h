/* SPDX-License-Identifier: GPL-3.0-or-later */
/* import_int.h -- private to the importer: import.c (the entry, the two
 * passes and the backup), import_day.c (a day: its date, merging each
 * value with the diary's, the conflicts and the counts), import_csv.c
 * (wean CSV and Daylio) and import_json.c (wean JSON).  Statements come
 * from the db's one cache (wn_db_stmt) and errors from the one mapper
 * (wn_db_sqlerr); a value the diary refuses is reported with the file's
 * line. */
#ifndef WEAN_IMPORT_INT_H
#define WEAN_IMPORT_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "db_int.h"
#include "core/reader.h"
#include "db/import.h"

#define WN_IMP_NAME_CACHE 128


/* A symptom, metric or medication found by name, with what the rules
 * need of it. */
enum wn_imp_kind { WN_IMP_SYMPTOM, WN_IMP_METRIC, WN_IMP_MED };
struct wn_imp_name {
	int kind;
	char *name;                    /* as looked for (owned) */
	size_t len;
	long id;                       /* -1: none */
	wn_date since;                 /* hidden (symptom) or archived (med)
	                                  on, else WN_DATE_NONE */
	double min, max;               /* metric: its range, NAN = open */
	char unit[16];                 /* med: its unit */
	char shown[48];                /* the diary's spelling, for messages */
};

/* One import in progress. */
struct wn_imp {
	struct wn_db *db;
	const struct wn_import_opts *o;
	struct wn_import_result *res;
	struct wn_err *err;
	int line;                      /* of the record being written */
	wn_date today;
	bool may_change;               /* the backup is taken (or not wanted) */
	bool want_backup;              /* a day the diary had was changed
	                                  before the backup: the pass is rolled
	                                  back, the backup taken, the import
	                                  run again */
	size_t cap_listed;             /* of res->listed */
	unsigned char *seen;           /* dates given, a bit per day of the
	                                  window (core/valid.h) */
	struct wn_imp_day {            /* the day being written */
		char date[WN_DATE_STRLEN];
		wn_date d;
		bool had;              /* it had records before the import */
		bool changed;
	} day;
	struct wn_imp_name names[WN_IMP_NAME_CACHE];
	size_t n_names;
};

/* A typed value for one column: type is SQLITE_INTEGER, SQLITE_FLOAT,
 * SQLITE_TEXT (s[0..len), not owned) or SQLITE_NULL (a zeroed struct,
 * type 0, is taken as SQLITE_NULL too). */
struct wn_imp_val { int type; double num; const char *s; size_t len; };

/* ---- statements (import.c) ------------------------------------------------ */

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
/* The cached statement q with v[0..n) bound, stepped once: WN_OK with
 * *st on its first row (the caller reads it, then resets *st), or *st
 * NULL when there is no row; or the mapped error. */
int wn_imp_first(struct wn_imp *m, const char *q, const struct wn_imp_val *v,
                 size_t n, sqlite3_stmt **st);
/* The message of err (set by a rule in core) as "line N: WHERE: MESSAGE",
 * with the code WN_DATAERR; returns WN_DATAERR. */
int wn_imp_refuse(struct wn_imp *m, const char *where, const struct wn_err *why);

/* The symptom, metric or medication named name[0..len) (matched as wean
 * matches names, and kept for the next lookups): WN_OK with *out filled
 * (out->id -1 when there is none; out->name NULL), or the mapped error. */
int wn_imp_name(struct wn_imp *m, enum wn_imp_kind kind, const char *name,
                size_t len, struct wn_imp_name *out);
/* Forgets the names looked up (after a list's row was written). */
void wn_imp_names_forget(struct wn_imp *m);

/* ---- days (import_day.c) ---------------------------------------------------- */

/* Starts the day date (YYYY-MM-DD, checked real) of the record at m->line:
 * refuses a date outside core/valid.h's window or given twice in the file
 * ("line N: FIELD: ..."); notes whether the diary had records that day
 * and, with opts->replace, empties it. */
int wn_imp_day_begin(struct wn_imp *m, const char *date, const char *field);
/* Ends it: counts it as added, updated or unchanged. */
void wn_imp_day_end(struct wn_imp *m);

/* What the file gives of a day's check-in (mood, anxiety, energy, sleep,
 * flag, note: SQLITE_NULL when it gives none) and, for a check-in that is
 * new, its times (SQLITE_NULL: now). */
enum { WN_IMP_CI_N = 6 };
struct wn_imp_checkin {
	struct wn_imp_val v[WN_IMP_CI_N];
	struct wn_imp_val created, updated;
};
/* Writes the check-in of the current day, merged as import.h says (the
 * row is made when there is none). */
int wn_imp_checkin(struct wn_imp *m, const struct wn_imp_checkin *c);
/* A rating (symptom s) or a metric value (metric s) of the current day,
 * checked against the symptom's hidden date or the metric's range
 * ("line N: WHERE: ...") and merged. */
int wn_imp_value(struct wn_imp *m, const struct wn_imp_name *s, double v,
                 const char *where);
/* A dose of the current day at minute (-1: no time), checked against the
 * medication's archive date, merged by its slot. */
int wn_imp_dose(struct wn_imp *m, const struct wn_imp_name *med, int minute,
                const struct wn_imp_val *amount, const struct wn_imp_val *created,
                const char *where);
/* A CSV "taken" total of the current day (0: skipped, a dose recorded as
 * not taken: core/vocab.h), merged with the sum of the day's doses of
 * med; the file's total replaces the day's doses of med. */
int wn_imp_taken(struct wn_imp *m, const struct wn_imp_name *med, double total,
                 const char *where);
/* Runs q (inserting a quick note or a question unless it is there) with
 * v[0..n) bound; a row added is a change of the day. */
int wn_imp_add_entry(struct wn_imp *m, const char *q, const struct wn_imp_val *v,
                     size_t n, const char *what);

/* ---- wean JSON: fields (import_json.c) and lists (import_lists.c) --------------------- */

struct wn_json;

/* A field of an object: its kind, its range (numbers: min..max, or
 * min up to but not max when open; text: bytes, min > 0 for not empty), and
 * whether null or absence is allowed.  TEXT is a note (core/text.h's
 * NOTE), LINE a label, NAME a name, UNIT a unit core/med.h knows (given
 * back in its spelling), DATE a real date, STAMP a time as stored. */
enum wn_imp_fk { WN_F_INT, WN_F_REAL, WN_F_TEXT, WN_F_LINE, WN_F_NAME, WN_F_UNIT,
                 WN_F_DATE, WN_F_STAMP };
struct wn_imp_fs {
	const char *key;
	enum wn_imp_fk k;
	double min, max;
	bool nullable, required, open;
};
/* Reads n fields of object o (named where in messages) into vals[]
 * (SQLITE_NULL when null or absent); present[] (may be NULL) tells which
 * keys were there.  WN_DATAERR "line N: WHERE.KEY: ..." for the first
 * field that breaks its spec. */
int wn_imp_fields(struct wn_imp *m, const struct wn_json *o, const char *where,
                  const struct wn_imp_fs *f, size_t n, struct wn_imp_val *vals,
                  bool *present);

/* One element of the lists "symptoms", "metrics", "medications",
 * "plans", "hold_proposals", named where ("plans[2]") in messages. */
int wn_imp_json_symptom(struct wn_imp *m, const struct wn_json *o, const char *where);
int wn_imp_json_metric(struct wn_imp *m, const struct wn_json *o, const char *where);
int wn_imp_json_med(struct wn_imp *m, const struct wn_json *o, const char *where);
int wn_imp_json_plan(struct wn_imp *m, const struct wn_json *o, const char *where);
int wn_imp_json_proposal(struct wn_imp *m, const struct wn_json *o, const char *where);
/* One element of "plan_switches" (import_switch.c): the link of a plan
 * switched in to the plan it replaces, both already in the diary. */
int wn_imp_json_switch(struct wn_imp *m, const struct wn_json *o, const char *where);

/* ---- formats ---------------------------------------------------------------------- */

/* Each reads the whole text through the reader (core/reader.h), from its
 * start, a window at a time. */
int wn_imp_json(struct wn_imp *m, struct wn_reader *text);     /* import_json.c */
int wn_imp_csv(struct wn_imp *m, struct wn_reader *text);      /* import_csv.c */
int wn_imp_daylio(struct wn_imp *m, struct wn_reader *text);   /* import_csv.c */
int wn_imp_table(struct wn_imp *m, struct wn_reader *text);    /* import_table.c */

/* A delimited file's start, for wean CSV and one's own table: c opened on
 * text from its first byte, its separator sniffed (said in m's result)
 * and the header line read into h; a file with no line is a DATAERR.
 * (import_csv.c) */
struct wn_csv_reader;
struct wn_csv_record;
int wn_imp_csv_header(struct wn_imp *m, struct wn_csv_reader *c, struct wn_reader *text,
                      struct wn_csv_record *h);

/* parts[0..k) one after another into out (n bytes, cut to fit): the
 * names of fields in messages, made for every value of a file (snprintf
 * took 8% of an import). */
void wn_imp_join(char *out, size_t n, const char *const *parts, size_t k);

/* Is s[0..len) a real date YYYY-MM-DD? */
bool wn_imp_valid_date(const char *s, size_t len);

#endif
