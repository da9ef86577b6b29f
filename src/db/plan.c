/* plan.c -- taper plans, holds and reinstatements in the diary, and
 * planned vs taken.  SQL is fixed text with bound parameters, run on the
 * diary's own handle (wn_db_sqlite); the maths is taper.c's. */
#include "db/plan.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/text.h"

#define MAX_RANGE_DAYS 36600
#define SAME_DOSE 1e-6

/* ---- SQLite helpers ---------------------------------------------------------- */

static int sqlerr(sqlite3 *sql, int rc, const char *what, struct wn_err *err)
{
	const char *msg = sqlite3_errmsg(sql);
	switch (rc & 0xff) {
	case SQLITE_BUSY: case SQLITE_LOCKED:
		wn_err_set(err, WN_TEMPFAIL, "the diary is busy (another wean is writing); try again");
		wn_err_hint(err, "wait a moment, or finish in the other wean first");
		return WN_TEMPFAIL;
	case SQLITE_FULL:
		return wn_err_set(err, WN_IOERR, "the disk is full: could not %s (nothing was changed)", what);
	case SQLITE_READONLY: case SQLITE_CANTOPEN: case SQLITE_PERM: case SQLITE_AUTH:
		return wn_err_set(err, WN_CANTCREAT, "cannot %s: the diary is not writable (%s)", what, msg);
	case SQLITE_CONSTRAINT: case SQLITE_MISMATCH: case SQLITE_TOOBIG: case SQLITE_RANGE:
		return wn_err_set(err, WN_DATAERR, "cannot %s: %s", what, msg);
	case SQLITE_CORRUPT: case SQLITE_NOTADB:
		return wn_err_set(err, WN_DATAERR, "the diary is damaged (%s)", msg);
	case SQLITE_IOERR:
		return wn_err_set(err, WN_IOERR, "cannot %s: input/output error (%s)", what, msg);
	case SQLITE_NOMEM:
		return wn_err_set(err, WN_ERR, "cannot %s: out of memory", what);
	}
	return wn_err_set(err, WN_ERR, "cannot %s: %s", what, msg);
}

static int prep(sqlite3 *sql, const char *q, sqlite3_stmt **st,
                struct wn_err *err)
{
	int rc = sqlite3_prepare_v2(sql, q, -1, st, NULL);
	return rc == SQLITE_OK ? WN_OK : sqlerr(sql, rc, "prepare a query", err);
}

/* Steps a statement that returns no rows, then finalizes it. */
static int run(sqlite3 *sql, sqlite3_stmt *st, const char *what,
               struct wn_err *err)
{
	int rc = sqlite3_step(st);
	int s = rc == SQLITE_DONE || rc == SQLITE_ROW ? WN_OK : sqlerr(sql, rc, what, err);
	sqlite3_finalize(st);
	return s;
}

static void bind_date(sqlite3_stmt *st, int idx, wn_date d)
{
	char buf[WN_DATE_STRLEN];
	sqlite3_bind_text(st, idx, wn_date_format(d, buf), 10, SQLITE_TRANSIENT);
}

static wn_date col_date(sqlite3_stmt *st, int col)
{
	const char *s = (const char *)sqlite3_column_text(st, col);
	wn_date d;
	return s && wn_date_parse_iso(s, &d, NULL) == WN_OK ? d : WN_DATE_NONE;
}

static void bind_opt(sqlite3_stmt *st, int idx, double v)
{
	if (v > 0)
		sqlite3_bind_double(st, idx, v);
	else
		sqlite3_bind_null(st, idx);
}

static void bind_text_opt(sqlite3_stmt *st, int idx, const char *s)
{
	if (s && *s)
		sqlite3_bind_text(st, idx, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, idx);
}

/* One write = one transaction: our own, or a savepoint in the caller's. */
static int tx_enter(sqlite3 *sql, bool *own, struct wn_err *err)
{
	*own = sqlite3_get_autocommit(sql) != 0;
	int rc = sqlite3_exec(sql, *own ? "BEGIN IMMEDIATE" : "SAVEPOINT wn_plan",
	                      NULL, NULL, NULL);
	return rc == SQLITE_OK ? WN_OK : sqlerr(sql, rc, "start a change", err);
}

static int tx_leave(sqlite3 *sql, bool own, int st, struct wn_err *err)
{
	if (st == WN_OK) {
		int rc = sqlite3_exec(sql, own ? "COMMIT" : "RELEASE wn_plan",
		                      NULL, NULL, NULL);
		if (rc == SQLITE_OK)
			return WN_OK;
		st = sqlerr(sql, rc, "save the change", err);
	}
	if (own && !sqlite3_get_autocommit(sql))
		sqlite3_exec(sql, "ROLLBACK", NULL, NULL, NULL);
	else if (!own)
		sqlite3_exec(sql, "ROLLBACK TO wn_plan; RELEASE wn_plan", NULL, NULL, NULL);
	return st;
}

struct plan_ref {
	long id;
	wn_date start;
};

/* The active plan of med_id: its id and start day.  WN_NOINPUT if none. */
static int active_plan(sqlite3 *sql, long med_id, struct plan_ref *ref,
                       struct wn_err *err)
{
	sqlite3_stmt *st;
	int rc = prep(sql, "SELECT id, start_date FROM plan WHERE med_id = ?1"
	              " AND active = 1 ORDER BY id DESC LIMIT 1", &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, med_id);
	int s = sqlite3_step(st);
	if (s == SQLITE_ROW) {
		ref->id = (long)sqlite3_column_int64(st, 0);
		ref->start = col_date(st, 1);
		rc = WN_OK;
	} else if (s == SQLITE_DONE) {
		rc = wn_err_set(err, WN_NOINPUT, "this medication has no taper plan");
	} else {
		rc = sqlerr(sql, s, "read the plan", err);
	}
	sqlite3_finalize(st);
	return rc;
}

/* ---- adding --------------------------------------------------------------------- */

static void spec_params(const struct wn_plan_spec *s, struct wn_taper_params *p)
{
	wn_taper_params_init(p);
	p->method = s->method;
	p->start = s->start;
	p->from_dose = s->from_dose;
	p->step = s->step;
	p->every_days = s->every_days;
	p->round_q = s->round_q;
	p->floor_dose = s->floor_dose;
	p->to_dose = s->to_dose;
	p->custom = s->custom;
	p->n_custom = s->n_custom;
	p->emax = s->emax;
	p->ed50 = s->ed50;
}

static int check_spec(const struct wn_plan_spec *s, struct wn_err *err)
{
	if (!s)
		return wn_err_set(err, WN_USAGE, "no plan given");
	if (s->method == WN_TAPER_CUSTOM && s->n_custom > WN_PLAN_MAX_CUSTOM)
		return wn_err_set(err, WN_USAGE, "a custom plan has at most %d steps",
		                  WN_PLAN_MAX_CUSTOM);
	if (s->region && strlen(s->region) >= WN_PLAN_REGION)
		return wn_err_set(err, WN_USAGE, "region name too long");
	int rc = s->region && *s->region ? wn_text_check_name(s->region, NULL, 0, err) : WN_OK;
	if (rc != WN_OK)
		return rc;
	if (s->from_dose >= 100000 || s->floor_dose >= 100000 || s->to_dose >= 100000 ||
	    s->round_q >= 100000 || (s->method != WN_TAPER_CUSTOM && s->step >= 100000))
		return wn_err_set(err, WN_USAGE, "doses must be below 100000");
	struct wn_taper_params p;
	struct wn_schedule sch;
	spec_params(s, &p);
	p.max_steps = 2;        /* the checks run before any step is made */
	rc = wn_taper_build(&p, &sch, err);
	wn_taper_free(&sch);
	return rc;
}

static int retire_old(sqlite3 *sql, const struct wn_plan_spec *s,
                      struct wn_err *err)
{
	sqlite3_stmt *st;
	int rc = prep(sql, "UPDATE hold SET end_date = max(start_date, ?2)"
	              " WHERE end_date IS NULL AND plan_id IN"
	              " (SELECT id FROM plan WHERE med_id = ?1 AND active = 1)", &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, s->med_id);
	bind_date(st, 2, s->start);
	if ((rc = run(sql, st, "close the old plan's hold", err)) != WN_OK)
		return rc;
	rc = prep(sql, "UPDATE plan SET active = 0 WHERE med_id = ?1 AND active = 1",
	          &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, s->med_id);
	return run(sql, st, "retire the old plan", err);
}

static int insert_plan(sqlite3 *sql, const struct wn_plan_spec *s, long *id,
                       struct wn_err *err)
{
	sqlite3_stmt *st;
	int rc = prep(sql, "INSERT INTO plan(med_id, method, start_date, from_dose,"
	              " step, every_days, round_q, floor_dose, to_dose, region)"
	              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", &st, err);
	if (rc != WN_OK)
		return rc;
	bool custom = s->method == WN_TAPER_CUSTOM;
	sqlite3_bind_int64(st, 1, s->med_id);
	sqlite3_bind_text(st, 2, wn_taper_method_name(s->method), -1, SQLITE_STATIC);
	bind_date(st, 3, s->start);
	sqlite3_bind_double(st, 4, s->from_dose);
	bind_opt(st, 5, custom ? 0 : s->step);
	if (custom)
		sqlite3_bind_null(st, 6);
	else
		sqlite3_bind_int(st, 6, s->every_days);
	bind_opt(st, 7, s->round_q);
	sqlite3_bind_double(st, 8, s->floor_dose);
	sqlite3_bind_double(st, 9, s->to_dose);
	bind_text_opt(st, 10, s->region);
	rc = run(sql, st, "save the plan", err);
	if (rc == WN_OK)
		*id = (long)sqlite3_last_insert_rowid(sql);
	return rc;
}

static int insert_custom(sqlite3 *sql, long plan_id, const struct wn_plan_spec *s,
                         struct wn_err *err)
{
	sqlite3_stmt *st;
	int rc = prep(sql, "INSERT INTO plan_step_custom(plan_id, date, dose)"
	              " VALUES (?1, ?2, ?3)", &st, err);
	for (int i = 0; rc == WN_OK && i < s->n_custom; i++) {
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, plan_id);
		bind_date(st, 2, s->custom[i].date);
		sqlite3_bind_double(st, 3, s->custom[i].dose);
		int r = sqlite3_step(st);
		if (r != SQLITE_DONE)
			rc = sqlerr(sql, r, "save the plan's steps", err);
	}
	sqlite3_finalize(st);
	return rc;
}

int wn_plan_add(struct wn_db *db, const struct wn_plan_spec *s, long *id_out,
                struct wn_err *err)
{
	int rc = check_spec(s, err);
	struct wn_med m;
	if (rc == WN_OK)
		rc = wn_db_med_get(db, s->med_id, &m, err);
	if (rc != WN_OK)
		return rc;
	sqlite3 *sql = wn_db_sqlite(db);
	bool own;
	long id = 0;
	if ((rc = tx_enter(sql, &own, err)) != WN_OK)
		return rc;
	rc = retire_old(sql, s, err);
	if (rc == WN_OK)
		rc = insert_plan(sql, s, &id, err);
	if (rc == WN_OK && s->method == WN_TAPER_CUSTOM)
		rc = insert_custom(sql, id, s, err);
	rc = tx_leave(sql, own, rc, err);
	if (rc == WN_OK && id_out)
		*id_out = id;
	return rc;
}

/* ---- the words of a plan ----------------------------------------------------- */

int wn_plan_parse_every(const char *s, const char *what, int *days, struct wn_err *err)
{
	size_t len = strlen(s);
	char num[32], *end;
	long mult = 1;
	if (len && (s[len - 1] == 'w' || s[len - 1] == 'W'))
		mult = 7;
	if (len && (mult == 7 || s[len - 1] == 'd' || s[len - 1] == 'D'))
		len--;
	if (len > 0 && len < sizeof num) {
		memcpy(num, s, len);
		num[len] = '\0';
	}
	long v = len > 0 && len < sizeof num ? strtol(num, &end, 10) : 0;
	if (len == 0 || len >= sizeof num || *end || v < 0 || v > 3650)
		return wn_err_set(err, WN_USAGE, "%s needs Nd or Nw, e.g. 14d or 4w (got '%.20s')",
		                  what, s);
	if (v < 1 || v * mult > 3650)
		return wn_err_set(err, WN_DATAERR, "%s must be from 1 day to 3650 days (got %.20s)",
		                  what, s);
	*days = (int)(v * mult);
	return WN_OK;
}

/* " 2026-02-01 = 40 " -> the point; blanks around either side allowed. */
static int parse_point(char *item, wn_date today, struct wn_taper_point *pt,
                       struct wn_err *err)
{
	char *eq = strchr(item, '='), *end;
	*eq = '\0';
	char *date = item + strspn(item, " ");
	for (char *e = date + strlen(date); e > date && e[-1] == ' ';)
		*--e = '\0';
	int rc = wn_date_parse(date, today, &pt->date, err);
	if (rc != WN_OK)
		return rc;
	const char *dose = eq + 1 + strspn(eq + 1, " ");
	pt->dose = strtod(dose, &end);
	if (end == dose || end[strspn(end, " ")] || isnan(pt->dose))
		return wn_err_set(err, WN_DATAERR, "a custom step's dose must be a number"
		                  " (got '%.40s')", dose);
	if (pt->dose < 0)
		return wn_err_set(err, WN_DATAERR, "a custom step's dose must be 0 or more"
		                  " (got %.40s)", dose);
	if (pt->dose >= 100000)
		return wn_err_set(err, WN_DATAERR, "a custom step's dose must be below 100000"
		                  " (got %.40s)", dose);
	return WN_OK;
}

int wn_plan_parse_steps(const char *s, const char *what, wn_date today,
                        struct wn_taper_point *pts, int *n, struct wn_err *err)
{
	*n = 0;
	while (*s) {
		size_t len = strcspn(s, ",");
		char item[64];
		bool blank = strspn(s, " ") >= len;
		if (!blank && (!memchr(s, '=', len) || len >= sizeof item || *n >= WN_PLAN_MAX_CUSTOM))
			return wn_err_set(err, WN_USAGE, "%s needs DATE=DOSE pairs separated by commas"
			                  " (at most %d)", what, WN_PLAN_MAX_CUSTOM);
		if (!blank) {
			memcpy(item, s, len);
			item[len] = '\0';
			int rc = parse_point(item, today, &pts[*n], err);
			if (rc != WN_OK)
				return rc;
			(*n)++;
		}
		s += len + (s[len] == ',');
	}
	if (*n == 0)
		return wn_err_set(err, WN_USAGE, "%s needs at least one DATE=DOSE", what);
	return WN_OK;
}

/* ---- loading ------------------------------------------------------------------------ */

static int read_plan_row(sqlite3_stmt *st, struct wn_plan *p, struct wn_err *err)
{
	struct wn_taper_params *t = &p->params;
	p->id = (long)sqlite3_column_int64(st, 0);
	const char *method = (const char *)sqlite3_column_text(st, 1);
	if (wn_taper_method_parse(method, &t->method, err) != WN_OK)
		return wn_err_set(err, WN_DATAERR, "plan %ld has an unknown method", p->id);
	t->start = col_date(st, 2);
	t->from_dose = sqlite3_column_double(st, 3);
	t->step = sqlite3_column_double(st, 4);
	t->every_days = sqlite3_column_int(st, 5);
	t->round_q = sqlite3_column_double(st, 6);
	t->floor_dose = sqlite3_column_double(st, 7);
	t->to_dose = sqlite3_column_double(st, 8);
	const char *region = (const char *)sqlite3_column_text(st, 9);
	const char *created = (const char *)sqlite3_column_text(st, 10);
	snprintf(p->region, sizeof p->region, "%s", region ? region : "");
	snprintf(p->created, sizeof p->created, "%s", created ? created : "");
	p->active = sqlite3_column_int(st, 11) != 0;
	return WN_OK;
}

static int load_row(sqlite3 *sql, long med_id, struct wn_plan *p,
                    struct wn_err *err)
{
	sqlite3_stmt *st;
	int rc = prep(sql, "SELECT id, method, start_date, from_dose, ifnull(step, 0),"
	              " ifnull(every_days, 0), ifnull(round_q, 0), ifnull(floor_dose, 0),"
	              " ifnull(to_dose, 0), ifnull(region, ''), created, active"
	              " FROM plan WHERE med_id = ?1 AND active = 1"
	              " ORDER BY id DESC LIMIT 1", &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, med_id);
	int s = sqlite3_step(st);
	if (s == SQLITE_ROW)
		rc = read_plan_row(st, p, err);
	else if (s == SQLITE_DONE)
		rc = wn_err_set(err, WN_NOINPUT, "this medication has no taper plan");
	else
		rc = sqlerr(sql, s, "read the plan", err);
	sqlite3_finalize(st);
	return rc;
}

/* The words of a stored label before its amount ("tablet 25 mg /2" ->
 * "tablet"): what taper.h calls a form's label. */
static void label_words(const char *stored, char *out, size_t n)
{
	size_t len = 0;
	const char *s = stored;
	while (*s) {
		while (*s == ' ')
			s++;
		if (!*s || (*s >= '0' && *s <= '9') || *s == '.')
			break;
		size_t w = strcspn(s, " ");
		if (len + (len > 0) + w >= n)
			break;
		if (len)
			out[len++] = ' ';
		memcpy(out + len, s, w);
		len += w;
		s += w;
	}
	out[len] = '\0';
}

static void convert_form(const struct wn_med_form *m, struct wn_form *f)
{
	memset(f, 0, sizeof *f);
	f->kind = (enum wn_taper_kind)m->kind;
	f->strength_mg = m->strength;
	f->divisible = m->divisible;
	f->conc_mg_per_ml = m->conc;
	f->beads_per_capsule = m->beads;
	label_words(m->label, f->label, sizeof f->label);
}

/* The medication's forms; any the taper would refuse are left out. */
static int load_forms(struct wn_db *db, struct wn_plan *p, struct wn_err *err)
{
	struct wn_med_form *mf;
	size_t n;
	int rc = wn_db_form_list(db, p->med_id, &mf, &n, err);
	if (rc != WN_OK)
		return rc;
	p->forms = n ? calloc(n, sizeof *p->forms) : NULL;
	if (n && !p->forms) {
		free(mf);
		return wn_err_set(err, WN_ERR, "out of memory");
	}
	for (size_t i = 0; i < n; i++) {
		if (mf[i].kind < WN_FORM_TABLET || mf[i].kind > WN_FORM_OTHER)
			continue;
		convert_form(&mf[i], &p->forms[p->n_forms]);
		if (wn_taper_form_check(&p->forms[p->n_forms], NULL) == WN_OK)
			p->n_forms++;
	}
	free(mf);
	return WN_OK;
}

int wn_plan_forms(struct wn_db *db, long med_id, struct wn_form **out, int *n,
                  struct wn_err *err)
{
	struct wn_plan p;
	memset(&p, 0, sizeof p);
	p.med_id = med_id;
	int rc = load_forms(db, &p, err);
	*out = rc == WN_OK ? p.forms : NULL;
	*n = rc == WN_OK ? p.n_forms : 0;
	if (rc != WN_OK)
		free(p.forms);
	return rc;
}

static int load_custom(sqlite3 *sql, struct wn_plan *p, struct wn_err *err)
{
	sqlite3_stmt *st;
	int rc = prep(sql, "SELECT date, dose FROM plan_step_custom WHERE plan_id = ?1"
	              " ORDER BY date LIMIT ?2", &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, p->id);
	sqlite3_bind_int(st, 2, WN_PLAN_MAX_CUSTOM);
	p->custom = calloc(WN_PLAN_MAX_CUSTOM, sizeof *p->custom);
	if (!p->custom) {
		sqlite3_finalize(st);
		return wn_err_set(err, WN_ERR, "out of memory");
	}
	int s;
	while ((s = sqlite3_step(st)) == SQLITE_ROW) {
		p->custom[p->n_custom].date = col_date(st, 0);
		p->custom[p->n_custom++].dose = sqlite3_column_double(st, 1);
	}
	rc = s == SQLITE_DONE ? WN_OK : sqlerr(sql, s, "read the plan's steps", err);
	sqlite3_finalize(st);
	return rc;
}

static int split_holds(struct wn_plan *p, struct wn_err *err)
{
	p->holds = p->n_events ? calloc(p->n_events, sizeof *p->holds) : NULL;
	if (p->n_events && !p->holds)
		return wn_err_set(err, WN_ERR, "out of memory");
	for (size_t i = 0; i < p->n_events; i++)
		if (p->events[i].kind == WN_PLAN_HOLD)
			p->holds[p->n_holds++] = (struct wn_hold){ p->events[i].start,
			                                           p->events[i].end };
	return WN_OK;
}

int wn_plan_load(struct wn_db *db, long med_id, struct wn_plan *out,
                 struct wn_err *err)
{
	memset(out, 0, sizeof *out);
	wn_taper_params_init(&out->params);
	out->med_id = med_id;
	sqlite3 *sql = wn_db_sqlite(db);
	int rc = load_row(sql, med_id, out, err);
	if (rc == WN_OK)
		rc = load_forms(db, out, err);
	if (rc == WN_OK && out->params.method == WN_TAPER_CUSTOM)
		rc = load_custom(sql, out, err);
	if (rc == WN_OK)
		rc = wn_plan_events(db, out->id, &out->events, &out->n_events, err);
	if (rc == WN_OK)
		rc = split_holds(out, err);
	struct wn_taper_params *t = &out->params;
	t->forms = out->forms;
	t->n_forms = out->n_forms;
	t->custom = out->custom;
	t->n_custom = out->n_custom;
	t->holds = out->holds;
	t->n_holds = out->n_holds;
	return rc;
}

void wn_plan_free(struct wn_plan *p)
{
	if (!p)
		return;
	free(p->forms);
	free(p->custom);
	free(p->holds);
	wn_plan_events_free(p->events, p->n_events);
	memset(p, 0, sizeof *p);
	wn_taper_params_init(&p->params);
}

/* ---- events ------------------------------------------------------------------------------ */

static int read_event(sqlite3_stmt *st, struct wn_plan_event *e)
{
	const char *kind = (const char *)sqlite3_column_text(st, 1);
	const char *reason = (const char *)sqlite3_column_text(st, 5);
	e->id = (long)sqlite3_column_int64(st, 0);
	e->kind = kind && strcmp(kind, "reinstate") == 0 ? WN_PLAN_REINSTATE : WN_PLAN_HOLD;
	e->start = col_date(st, 2);
	e->end = col_date(st, 3);
	e->dose = sqlite3_column_double(st, 4);
	e->reason = reason ? strdup(reason) : NULL;
	return reason && !e->reason ? -1 : 0;
}

static int grow_events(struct wn_plan_event **ev, size_t n, size_t *cap)
{
	if (n < *cap)
		return 0;
	size_t nc = *cap ? *cap * 2 : 8;
	struct wn_plan_event *p = realloc(*ev, nc * sizeof *p);
	if (!p)
		return -1;
	*ev = p;
	*cap = nc;
	return 0;
}

int wn_plan_events(struct wn_db *db, long plan_id, struct wn_plan_event **out,
                   size_t *n, struct wn_err *err)
{
	sqlite3 *sql = wn_db_sqlite(db);
	sqlite3_stmt *st;
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	int rc = prep(sql, "SELECT id, kind, start_date, end_date, ifnull(dose, 0), reason"
	              " FROM hold WHERE plan_id = ?1 ORDER BY start_date, id", &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, plan_id);
	int s;
	while ((s = sqlite3_step(st)) == SQLITE_ROW) {
		if (grow_events(out, *n, &cap) != 0 || read_event(st, &(*out)[*n]) != 0) {
			sqlite3_finalize(st);
			return wn_err_set(err, WN_ERR, "out of memory");
		}
		(*n)++;
	}
	rc = s == SQLITE_DONE ? WN_OK : sqlerr(sql, s, "read the holds", err);
	sqlite3_finalize(st);
	return rc;
}

void wn_plan_events_free(struct wn_plan_event *ev, size_t n)
{
	for (size_t i = 0; ev && i < n; i++)
		free(ev[i].reason);
	free(ev);
}

/* ---- SERT parameters ------------------------------------------------------------------- */

/* Finds "name:emax/ed50" in an "a:1/2 | b:3/4" list. */
static bool alt_lookup(const char *alt, const char *name, double *emax,
                       double *ed50)
{
	const char *p = alt;
	size_t len = strlen(name);
	while (*p) {
		while (*p == ' ' || *p == '|')
			p++;
		const char *colon = strchr(p, ':');
		size_t item = strcspn(p, "|");
		if (!colon || (size_t)(colon - p) > item)
			break;
		double e, d;
		if ((size_t)(colon - p) == len && strncasecmp(p, name, len) == 0 &&
		    sscanf(colon + 1, "%lf/%lf", &e, &d) == 2 && e > 0 && d > 0) {
			*emax = e;
			*ed50 = d;
			return true;
		}
		p += item;
	}
	return false;
}

/* "striatum, caudate, ..." from the drug's region and its sert_alt. */
static void region_names(const struct wn_drug *d, char *buf, size_t n)
{
	size_t len = (size_t)snprintf(buf, n, "%s", d->region);
	for (const char *p = d->sert_alt; *p && len < n;) {
		while (*p == ' ' || *p == '|')
			p++;
		size_t w = strcspn(p, ":|");
		if (w && len < n)
			len += (size_t)snprintf(buf + len, n - len, ", %.*s", (int)w, p);
		p += strcspn(p, "|");
	}
}

int wn_plan_sert(const struct wn_drug *d, const char *region, double *emax,
                 double *ed50, struct wn_err *err)
{
	if (!d || !d->has_sert) {
		wn_err_set(err, WN_DATAERR, "no occupancy parameters (Emax, ED50) for %s",
		           d && d->name[0] ? d->name : "this drug");
		wn_err_hint(err, "use --method percent instead");
		return WN_DATAERR;
	}
	if (!region || !*region || strcasecmp(region, d->region) == 0) {
		*emax = d->emax;
		*ed50 = d->ed50;
		return WN_OK;
	}
	if (alt_lookup(d->sert_alt, region, emax, ed50))
		return WN_OK;
	char names[256];
	region_names(d, names, sizeof names);
	return wn_err_set(err, WN_DATAERR, "no occupancy parameters for the region '%.40s' of %s (known: %s)",
	                  region, d->name, names);
}

/* The drug reference, read once per process (parsing drugs.ini costs
 * more than a whole TUI start); read again when a different file is
 * found (the tests point WEAN_DATADIR elsewhere). */
static struct {
	char path[4096];
	struct wn_drugref *ref;
} drugs;

static int drugref(struct wn_drugref **ref, struct wn_err *err)
{
	char path[4096];
	if (wn_drugref_find_file(path, sizeof path) != WN_OK)
		return wn_err_set(err, WN_NOINPUT, "the drug reference (drugs.ini) is not installed");
	if (drugs.ref && strcmp(path, drugs.path) == 0) {
		*ref = drugs.ref;
		return WN_OK;
	}
	wn_drugref_close(drugs.ref);
	drugs.ref = NULL;
	int rc = wn_drugref_open(path, &drugs.ref, err);
	if (rc != WN_OK)
		return rc;
	snprintf(drugs.path, sizeof drugs.path, "%s", path);
	*ref = drugs.ref;
	return WN_OK;
}

int wn_plan_drug(const struct wn_med *m, struct wn_drug *out,
                 struct wn_err *err)
{
	struct wn_drugref *ref;
	int rc = drugref(&ref, err);
	return rc != WN_OK ? rc :
	       wn_drugref_lookup(ref, m->drug_key[0] ? m->drug_key : m->name, out, err);
}

int wn_plan_build(const struct wn_plan *p, const struct wn_drug *drug,
                  struct wn_schedule *out, struct wn_err *err)
{
	struct wn_taper_params t = p->params;
	if (drug && drug->has_sert &&
	    wn_plan_sert(drug, p->region, &t.emax, &t.ed50, NULL) != WN_OK)
		t.emax = t.ed50 = 0;
	return wn_taper_build(&t, out, err);
}

void wn_plan_unit_text(const char *text, const char *unit, char *out, size_t n)
{
	size_t len = 0, ul = strlen(unit);
	bool same = strcmp(unit, "mg") == 0;
	if (n == 0)
		return;
	for (const char *p = text; *p && len + 1 < n;) {
		bool word = !same && strncmp(p, "mg", 2) == 0 &&
		            (p == text || p[-1] == ' ' || (p[-1] >= '0' && p[-1] <= '9')) &&
		            (p[2] == '\0' || p[2] == ' ' || p[2] == '/' || p[2] == ',');
		if (word && len + ul + 1 < n) {
			memcpy(out + len, unit, ul);
			len += ul;
			p += 2;
		} else if (word) {
			break;
		} else {
			out[len++] = *p++;
		}
	}
	out[len] = '\0';
}

/* ---- holds -------------------------------------------------------------------------------- */

static int check_reason(const char *reason, struct wn_err *err)
{
	if (!reason || !*reason)
		return WN_OK;
	return wn_text_check_note(reason, strlen(reason), WN_PLAN_REASON_MAX, err);
}

struct hold_state {
	long open_id;          /* the open hold, 0 when none */
	wn_date open_start;    /* its first day */
	wn_date last_end;      /* latest end of a closed hold, or WN_DATE_NONE */
};

static int hold_state(sqlite3 *sql, long plan_id, struct hold_state *hs,
                      struct wn_err *err)
{
	sqlite3_stmt *st;
	int rc = prep(sql, "SELECT (SELECT id FROM hold WHERE plan_id = ?1 AND kind = 'hold'"
	              "  AND end_date IS NULL ORDER BY id DESC LIMIT 1),"
	              " (SELECT start_date FROM hold WHERE plan_id = ?1 AND kind = 'hold'"
	              "  AND end_date IS NULL ORDER BY id DESC LIMIT 1),"
	              " (SELECT max(end_date) FROM hold WHERE plan_id = ?1 AND kind = 'hold')",
	              &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, plan_id);
	int s = sqlite3_step(st);
	if (s == SQLITE_ROW) {
		hs->open_id = (long)sqlite3_column_int64(st, 0);
		hs->open_start = col_date(st, 1);
		hs->last_end = col_date(st, 2);
	}
	rc = s == SQLITE_ROW ? WN_OK : sqlerr(sql, s, "read the holds", err);
	sqlite3_finalize(st);
	return rc;
}

static int hold_refusal(wn_date from, wn_date start, const struct hold_state *hs,
                        struct wn_err *err)
{
	char b[WN_DATE_STRLEN];
	if (hs->open_id) {
		wn_err_set(err, WN_DATAERR, "already on hold since %s", wn_date_format(hs->open_start, b));
		wn_err_hint(err, "resume it first");
		return WN_DATAERR;
	}
	if (from < start)
		return wn_err_set(err, WN_DATAERR, "the plan starts on %s; a hold cannot start before it",
		                  wn_date_format(start, b));
	if (hs->last_end != WN_DATE_NONE && from < hs->last_end)
		return wn_err_set(err, WN_DATAERR, "the last hold ended on %s; a new hold cannot start before that",
		                  wn_date_format(hs->last_end, b));
	return WN_OK;
}

static int insert_hold(sqlite3 *sql, long plan_id, wn_date from,
                       const char *reason, struct wn_err *err)
{
	sqlite3_stmt *st;
	int rc = prep(sql, "INSERT INTO hold(plan_id, start_date, reason, kind)"
	              " VALUES (?1, ?2, ?3, 'hold')", &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, plan_id);
	bind_date(st, 2, from);
	bind_text_opt(st, 3, reason);
	return run(sql, st, "save the hold", err);
}

int wn_plan_hold(struct wn_db *db, long med_id, wn_date from,
                 const char *reason, struct wn_err *err)
{
	int rc = check_reason(reason, err);
	if (rc != WN_OK)
		return rc;
	sqlite3 *sql = wn_db_sqlite(db);
	bool own;
	struct plan_ref plan;
	struct hold_state hs = { 0, WN_DATE_NONE, WN_DATE_NONE };
	if ((rc = tx_enter(sql, &own, err)) != WN_OK)
		return rc;
	rc = active_plan(sql, med_id, &plan, err);
	if (rc == WN_OK)
		rc = hold_state(sql, plan.id, &hs, err);
	if (rc == WN_OK)
		rc = hold_refusal(from, plan.start, &hs, err);
	if (rc == WN_OK)
		rc = insert_hold(sql, plan.id, from, reason, err);
	return tx_leave(sql, own, rc, err);
}

static int close_hold(sqlite3 *sql, long hold_id, wn_date on, struct wn_err *err)
{
	sqlite3_stmt *st;
	int rc = prep(sql, "UPDATE hold SET end_date = ?2 WHERE id = ?1", &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, hold_id);
	bind_date(st, 2, on);
	return run(sql, st, "end the hold", err);
}

int wn_plan_resume(struct wn_db *db, long med_id, wn_date on,
                   struct wn_err *err)
{
	sqlite3 *sql = wn_db_sqlite(db);
	bool own;
	struct plan_ref plan;
	struct hold_state hs = { 0, WN_DATE_NONE, WN_DATE_NONE };
	char b[WN_DATE_STRLEN];
	int rc = tx_enter(sql, &own, err);
	if (rc != WN_OK)
		return rc;
	rc = active_plan(sql, med_id, &plan, err);
	if (rc == WN_OK)
		rc = hold_state(sql, plan.id, &hs, err);
	if (rc == WN_OK && !hs.open_id)
		rc = wn_err_set(err, WN_DATAERR, "the plan is not on hold; there is nothing to resume");
	else if (rc == WN_OK && on <= hs.open_start)
		rc = wn_err_set(err, WN_DATAERR, "the hold started on %s; resume on a later day",
		                wn_date_format(hs.open_start, b));
	if (rc == WN_OK)
		rc = close_hold(sql, hs.open_id, on, err);
	return tx_leave(sql, own, rc, err);
}

static int insert_reinstate(sqlite3 *sql, long plan_id,
                            const struct wn_plan_reinstate *r, struct wn_err *err)
{
	sqlite3_stmt *st;
	int rc = prep(sql, "INSERT INTO hold(plan_id, start_date, end_date, reason, kind, dose)"
	              " VALUES (?1, ?2, ?2, ?3, 'reinstate', ?4)", &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, plan_id);
	bind_date(st, 2, r->on);
	bind_text_opt(st, 3, r->reason);
	sqlite3_bind_double(st, 4, r->dose);
	return run(sql, st, "save the reinstatement", err);
}

int wn_plan_reinstate(struct wn_db *db, const struct wn_plan_reinstate *r,
                      struct wn_err *err)
{
	if (!r || !isfinite(r->dose) || r->dose <= 0 || r->dose >= 100000)
		return wn_err_set(err, WN_DATAERR, "a reinstated dose must be above 0 and below 100000");
	int rc = check_reason(r->reason, err);
	if (rc != WN_OK)
		return rc;
	sqlite3 *sql = wn_db_sqlite(db);
	bool own;
	struct plan_ref plan;
	char b[WN_DATE_STRLEN];
	if ((rc = tx_enter(sql, &own, err)) != WN_OK)
		return rc;
	rc = active_plan(sql, r->med_id, &plan, err);
	if (rc == WN_OK && r->on < plan.start)
		rc = wn_err_set(err, WN_DATAERR, "the plan starts on %s; a reinstatement cannot come before it",
		                wn_date_format(plan.start, b));
	if (rc == WN_OK)
		rc = insert_reinstate(sql, plan.id, r, err);
	return tx_leave(sql, own, rc, err);
}

/* ---- planned vs taken ------------------------------------------------------------------ */

const char *wn_plan_pv_name(enum wn_pv v)
{
	static const char *const names[] = {
		[WN_PV_OK] = "ok", [WN_PV_MISSED] = "missed", [WN_PV_EXTRA] = "extra",
		[WN_PV_DIFFERENT] = "different", [WN_PV_NODATA] = "no data",
		[WN_PV_NOPLAN] = "no plan",
	};
	return (unsigned)v < sizeof names / sizeof *names ? names[v] : "?";
}

enum wn_pv wn_plan_classify(double planned, double taken, bool has_record)
{
	if (isnan(planned))
		return WN_PV_NOPLAN;
	if (!has_record)
		return WN_PV_NODATA;
	if (fabs(taken - planned) <= SAME_DOSE)
		return WN_PV_OK;
	if (taken <= SAME_DOSE)
		return WN_PV_MISSED;
	return taken > planned ? WN_PV_EXTRA : WN_PV_DIFFERENT;
}

double wn_plan_planned_on(const struct wn_plan *p, const struct wn_schedule *s,
                          wn_date day)
{
	int i = wn_taper_step_at(s, day);
	if (i < 0)
		return NAN;
	double dose = s->steps[i].dose;
	for (size_t k = 0; p && k < p->n_events; k++) {
		const struct wn_plan_event *e = &p->events[k];
		if (e->kind == WN_PLAN_REINSTATE && e->start <= day &&
		    e->start >= s->steps[i].date)
			dose = e->dose;
	}
	return dose;
}

static void days_init(const struct wn_plan_range *r, struct wn_plan_day *out)
{
	for (wn_date d = r->from; d <= r->to; d++) {
		struct wn_plan_day *x = &out[d - r->from];
		memset(x, 0, sizeof *x);
		x->date = d;
		x->planned = r->sched ? wn_plan_planned_on(r->plan, r->sched, d) : NAN;
	}
}

/* Two index-ordered scans, no sort: a row per check-in, then a row per
 * day with doses; the loop adds up the rows of a date. */
static const char days_sql[] =
	"SELECT date, 0.0, 0, 0, 1 FROM checkin WHERE date BETWEEN ?2 AND ?3"
	" UNION ALL SELECT date, sum(CASE WHEN med_id = ?1 THEN amount ELSE 0 END),"
	"  sum(med_id = ?1), count(*), 0 FROM dose WHERE date BETWEEN ?2 AND ?3"
	"  GROUP BY date";

int wn_plan_days(struct wn_db *db, const struct wn_plan_range *r,
                 struct wn_plan_day *out, struct wn_err *err)
{
	if (!r || r->to < r->from || r->to - r->from >= MAX_RANGE_DAYS)
		return wn_err_set(err, WN_USAGE, "a range of 1 to %d days, please", MAX_RANGE_DAYS);
	days_init(r, out);
	sqlite3 *sql = wn_db_sqlite(db);
	sqlite3_stmt *st;
	int rc = prep(sql, days_sql, &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, r->plan ? r->plan->med_id : r->med_id);
	bind_date(st, 2, r->from);
	bind_date(st, 3, r->to);
	int s;
	while ((s = sqlite3_step(st)) == SQLITE_ROW) {
		wn_date d = col_date(st, 0);
		if (d < r->from || d > r->to)
			continue;
		struct wn_plan_day *x = &out[d - r->from];
		x->taken += sqlite3_column_double(st, 1);
		x->n_doses += sqlite3_column_int(st, 2);
		x->any_dose = x->any_dose || sqlite3_column_int(st, 3) > 0;
		x->has_checkin = x->has_checkin || sqlite3_column_int(st, 4) > 0;
	}
	rc = s == SQLITE_DONE ? WN_OK : sqlerr(sql, s, "read the doses", err);
	sqlite3_finalize(st);
	for (wn_date d = r->from; d <= r->to; d++) {
		struct wn_plan_day *x = &out[d - r->from];
		x->pv = wn_plan_classify(x->planned, x->taken, x->has_checkin || x->any_dose);
	}
	return rc;
}
