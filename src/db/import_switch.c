/* SPDX-License-Identifier: GPL-3.0-or-later */
/* import_switch.c -- the "plan_switches" list of wean's JSON export
 * (import.h): the link between the plan of a drug switched in and the
 * plan it replaces (schema v6's plan_switch, issue 19).  Each side is
 * named as the plans are in the file (medication, start date, created,
 * active): the plans come first ("plans"), so both are in the diary by
 * then.  A plan that already has a switch keeps it, as a plan already in
 * the diary is kept as it is; a link whose plans cannot be found, or
 * whose switch does not rebuild, is refused with the file's line. */
#include "import_int.h"

#include <stdio.h>
#include <string.h>

#include "core/json.h"
#include "core/switch.h"
#include "db/plan.h"

#define FLAG01(k) { k, WN_F_INT, 0, 1, false, false, false }
#define STAMP(k) { k, WN_F_STAMP, 0, 19, false, false, false }

static const struct wn_imp_fs sw_fs[] = {
	{ "med", WN_F_NAME, 1, WN_NAME_MAX, false, true, false },
	{ "start_date", WN_F_DATE, 0, 10, false, true, false }, STAMP("created"),
	FLAG01("active"),
	{ "from_med", WN_F_NAME, 1, WN_NAME_MAX, false, true, false },
	{ "from_start_date", WN_F_DATE, 0, 10, false, true, false }, STAMP("from_created"),
	FLAG01("from_active"),
	{ "table", WN_F_LINE, 1, 7, false, true, false },
	{ "stage_days", WN_F_INT, 1, 365, false, true, false },
};
#define SW_FS (sizeof sw_fs / sizeof *sw_fs)

/* The plan named by medication, start date, created (NULL: any) and
 * active (NULL: 1), the latest such. */
static const char q_find[] =
	"SELECT id FROM plan WHERE med_id = ?1 AND start_date = ?2"
	" AND (?3 IS NULL OR created = ?3) AND active = ifnull(?4, 1) ORDER BY id DESC LIMIT 1";
static const char q_link[] =
	"INSERT INTO plan_switch(plan_id, from_plan, equiv_table, stage_days)"
	" VALUES (?1, ?2, ?3, ?4) ON CONFLICT (plan_id) DO NOTHING";

/* The id of the plan v[0..4) names (*id -1 when there is none). */
static int find_plan(struct wn_imp *m, const struct wn_imp_val *v, long *id)
{
	struct wn_imp_name med;
	sqlite3_stmt *st;
	*id = -1;
	int rc = wn_imp_name(m, WN_IMP_MED, v[0].s, v[0].len, &med);
	if (rc != WN_OK || med.id < 0)
		return rc;
	struct wn_imp_val p[4] = { { .type = SQLITE_INTEGER, .num = (double)med.id },
	                           v[1], v[2], v[3] };
	rc = wn_imp_first(m, q_find, p, 4, &st);
	if (rc == WN_OK && st) {
		*id = (long)sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
	}
	return rc;
}

static int no_plan(struct wn_imp *m, const struct wn_imp_val *v, const char *where,
                   const char *side)
{
	wn_err_set(m->err, WN_DATAERR, "line %d: %s: no plan of \"%.*s\" from %.10s (the plan %s)",
	           m->line, where, (int)v[0].len, v[0].s, v[1].s, side);
	wn_err_hint(m->err, "list the plan under \"plans\" in the file");
	return WN_DATAERR;
}

/* The link as `plan show` will rebuild it: refused when it does not. */
static int link_builds(struct wn_imp *m, long plan_id, const char *where)
{
	struct wn_db_switch_view sv;
	struct wn_err why = { 0 };
	int rc = wn_db_plan_switch_view(m->db, plan_id, &sv, &why);
	if (rc == WN_USAGE || rc == WN_DATAERR || rc == WN_NOINPUT)
		return wn_imp_refuse(m, where, &why);
	if (rc != WN_OK && m->err)
		*m->err = why;
	return rc;
}

int wn_imp_json_switch(struct wn_imp *m, const struct wn_json *o, const char *where)
{
	struct wn_imp_val v[SW_FS];
	enum wn_switch_table t;
	struct wn_err why = { 0 };
	long to = -1, from = -1;
	int rc = wn_imp_fields(m, o, where, sw_fs, SW_FS, v, NULL);
	if (rc != WN_OK)
		return rc;
	char table[8];
	snprintf(table, sizeof table, "%.*s", (int)v[8].len, v[8].s);
	if (wn_switch_table_parse(table, &t, &why) != WN_OK)
		return wn_err_set(m->err, WN_DATAERR, "line %d: %s.table: expected \"ashton\" or"
		                  " \"vadod\", not \"%s\"", m->line, where, table);
	rc = find_plan(m, v, &to);
	if (rc == WN_OK && to < 0)
		return no_plan(m, v, where, "switched in");
	if (rc == WN_OK)
		rc = find_plan(m, v + 4, &from);
	if (rc == WN_OK && from < 0)
		return no_plan(m, v + 4, where, "replaced");
	if (rc == WN_OK && from == to)
		return wn_err_set(m->err, WN_DATAERR, "line %d: %s: a plan cannot replace itself",
		                  m->line, where);
	struct wn_imp_val p[4] = { { .type = SQLITE_INTEGER, .num = (double)to },
	                           { .type = SQLITE_INTEGER, .num = (double)from },
	                           { .type = SQLITE_TEXT, .s = wn_switch_table_name(t),
	                             .len = strlen(wn_switch_table_name(t)) }, v[9] };
	sqlite3 *sql = wn_db_sqlite(m->db);
	long before = sqlite3_total_changes(sql);
	if (rc == WN_OK)
		rc = wn_imp_bind_run(m, q_link, p, 4, where);
	if (rc != WN_OK || sqlite3_total_changes(sql) == before)
		return rc;                    /* the plan has its switch: kept */
	return link_builds(m, to, where);
}
