/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report.c -- the prescriber report: its range, the facts gathered from
 * the diary (days, series, symptoms, flagged notes, questions), shared
 * number formatting, and rendering in the chosen format (see report.h).
 * Medications, plans and cuts are gathered in report_med.c. */
#include "db/report.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "report_int.h"
#include "core/text.h"
#include "db/safety.h"
#include "db/med.h"
#include "db/holdrule.h"
#include "db/series.h"
#include "db/day.h"
#include "db/db.h"
#include "core/vocab.h"
#include "db_int.h"

/* ---- since the last report ----------------------------------------------------- */

int wn_report_last(struct wn_db *db, wn_date *last_to, struct wn_err *err)
{
	char buf[32];
	wn_date d;
	*last_to = WN_DATE_NONE;
	struct wn_err e = { 0 };
	int rc = wn_db_meta_get(db, WN_REPORT_META_KEY, buf, sizeof buf, &e);
	if (rc == WN_OK && buf[0] && wn_date_parse_iso(buf, &d, NULL) == WN_OK)
		*last_to = d + 1;
	/* a value that is no date (too long, edited by hand) is no end */
	if (rc == WN_DATAERR)
		rc = WN_OK;
	else if (rc != WN_OK && err)
		*err = e;
	return rc;
}

int wn_report_remember(struct wn_db *db, wn_date to, struct wn_err *err)
{
	char buf[WN_DATE_STRLEN];
	wn_date next;
	int rc = wn_report_last(db, &next, err);
	if (rc != WN_OK || (next != WN_DATE_NONE && to < next))
		return rc;
	return wn_db_meta_set(db, WN_REPORT_META_KEY, wn_date_format(to, buf), err);
}

/* ---- the range ------------------------------------------------------------------- */

int wn_report_default_from(struct wn_db *db, const struct wn_range_ask *a,
                           struct wn_range_default *out, struct wn_err *err)
{
	struct wn_range_rule r = { .to = a->to, .since = WN_DATE_NONE, .days = a->days };
	wn_date last;
	*out = (struct wn_range_default){ .from = a->to, .start = WN_RANGE_EMPTY,
	                                  .last_to = WN_DATE_NONE };
	int rc = wn_db_date_span(db, &r.first, &last, err);
	if (rc == WN_OK && a->since_last)
		rc = wn_report_last(db, &r.since, err);
	if (rc != WN_OK)
		return rc;
	out->from = wn_report_range_from(&r, &out->start);
	if (out->start == WN_RANGE_SINCE_LAST)
		out->last_to = r.since - 1;
	return WN_OK;
}

int wn_report_range(struct wn_db *db, const struct wn_report_opts *o,
                    wn_date *from, wn_date *to, struct wn_err *err)
{
	char a[WN_DATE_STRLEN], b[WN_DATE_STRLEN];
	*to = o->to != WN_DATE_NONE ? o->to : wn_date_today();
	*from = o->from;
	if (*from == WN_DATE_NONE) {
		struct wn_range_ask ask = { .to = *to, .days = WN_REPORT_DEFAULT_DAYS };
		struct wn_range_default d;
		int rc = wn_report_default_from(db, &ask, &d, err);
		if (rc != WN_OK)
			return rc;
		*from = d.from;
	}
	if (*from > *to)
		return wn_err_set(err, WN_USAGE, "the report starts on %s, after its end on %s",
		                  wn_date_format(*from, a), wn_date_format(*to, b));
	if (*to - *from >= WN_REPORT_MAX_DAYS)
		return wn_err_set(err, WN_USAGE, "%s to %s is more than 100 years; "
		                  "choose a shorter range", wn_date_format(*from, a),
		                  wn_date_format(*to, b));
	return WN_OK;
}







/* ---- recorded days, gaps and flagged notes ------------------------------------------------ */

struct day_walk {
	struct wn_report *r;
	wn_date next;            /* first day not yet accounted for */
	size_t cap_gaps, cap_notes;
	bool failed;
};

static int add_gap(struct day_walk *w, wn_date from, wn_date to)
{
	struct wn_report *r = w->r;
	if (wn_buf_grow((void **)&r->gaps, &w->cap_gaps, r->n_gaps, sizeof *r->gaps))
		return -1;
	r->gaps[r->n_gaps++] = (struct wn_report_gap){ from, to };
	return 0;
}

/* A copy of at most WN_REPORT_NOTE_MAX bytes, cut on a character boundary. */
static char *note_copy(const char *s, bool *cut)
{
	size_t len = strlen(s);
	*cut = len > WN_REPORT_NOTE_MAX;
	if (*cut) {
		len = WN_REPORT_NOTE_MAX;
		while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
			len--;
	}
	char *p = malloc(len + 1);
	if (p) {
		memcpy(p, s, len);
		p[len] = '\0';
	}
	return p;
}

static int add_note(struct day_walk *w, wn_date date, const char *text)
{
	struct wn_report *r = w->r;
	if (wn_buf_grow((void **)&r->notes, &w->cap_notes, r->n_notes, sizeof *r->notes))
		return -1;
	struct wn_report_note *n = &r->notes[r->n_notes];
	*n = (struct wn_report_note){ .date = date };
	if (text && *text && !(n->text = note_copy(text, &n->cut)))
		return -1;
	r->n_notes++;
	return 0;
}

/* A recorded day: the gap before it, its flagged note. */
static int walk_day(void *ctx, const struct wn_day_summary *s)
{
	struct day_walk *w = ctx;
	if (!wn_vocab_summary_recorded(s) || s->date < w->next)
		return 0;
	w->failed = (s->flag && add_note(w, s->date, s->note) != 0) ||
	            (s->date > w->next && add_gap(w, w->next, s->date - 1) != 0);
	w->r->n_recorded++;
	w->next = s->date + 1;
	return w->failed;
}

/* The days counted: from the diary's first record (or the range's start,
 * if later) to the end. */
static void counted_days(struct wn_report *r)
{
	bool none = r->first_day == WN_DATE_NONE || r->first_day > r->to;
	r->counted_from = none ? r->to + 1 : r->first_day > r->from ? r->first_day : r->from;
	r->n_counted = (int)(r->to - r->counted_from + 1);
}

/* Days with a record, the gaps between them and the flagged days. */
static int gather_days(struct wn_db *db, struct wn_report *r, struct wn_err *err)
{
	counted_days(r);
	struct day_walk w = { .r = r, .next = r->counted_from };
	int status = wn_db_each_day(db, r->from, r->to, walk_day, &w, err);
	if (status == WN_OK && !w.failed && w.next <= r->to && add_gap(&w, w.next, r->to) != 0)
		w.failed = true;
	if (status == WN_OK && w.failed)
		status = wn_err_set(err, WN_ERR, "out of memory");
	r->n_missing = r->n_counted - r->n_recorded;
	return status;
}

/* ---- questions ------------------------------------------------------------------------ */


void wn_report_bind_range(sqlite3_stmt *st, wn_date from, wn_date to)
{
	wn_db_bind_date(st, 1, from);
	wn_db_bind_date(st, 2, to);
}

/* The open questions asked before the range, the most recent ?3 of them
 * (then in date order); every one asked in the range; and what the first
 * query left out.  ?1, ?2 = the range. */
static const char q_older_open[] = "SELECT date, text, answered, answer FROM"
	" (SELECT id, date, text, answered, answer FROM question WHERE date < ?1"
	"  AND answered = 0 ORDER BY date DESC, id DESC LIMIT ?3) ORDER BY date, id";
static const char q_in_range[] = "SELECT date, text, answered, answer FROM question"
	" WHERE date BETWEEN ?1 AND ?2 ORDER BY date, id";
static const char q_older_left[] = "SELECT count(*), min(date), max(date) FROM"
	" (SELECT date FROM question WHERE date < ?1 AND answered = 0"
	"  ORDER BY date DESC, id DESC LIMIT -1 OFFSET ?3)";

static int read_question(struct wn_report *r, sqlite3_stmt *st, size_t *cap)
{
	if (wn_buf_grow((void **)&r->questions, cap, r->n_questions, sizeof *r->questions))
		return -1;
	struct wn_report_question *q = &r->questions[r->n_questions];
	*q = (struct wn_report_question){ .answered = sqlite3_column_int(st, 2) != 0 };
	q->date = wn_db_col_date(st, 0);
	r->n_questions++;
	if (wn_db_col_dup(st, 1, &q->text) != 0 || wn_db_col_dup(st, 3, &q->answer) != 0)
		return -1;
	return q->text ? 0 : -1;
}

/* The rows of one of the queries above into r->questions. */
static int read_questions(struct wn_db *db, struct wn_report *r, const char *sql,
                          size_t *cap, struct wn_err *err)
{
	sqlite3_stmt *st;
	int status = wn_db_prepare(db, sql, &st, err);
	if (status != WN_OK)
		return status;
	wn_report_bind_range(st, r->from, r->to);
	sqlite3_bind_int(st, 3, WN_REPORT_OLDER_OPEN);
	bool oom = false;
	while (!oom && wn_db_row(db, st, "read the questions", &status, err))
		oom = read_question(r, st, cap) != 0;
	sqlite3_finalize(st);
	return oom ? wn_err_set(err, WN_ERR, "out of memory") : status;
}

/* How many older open questions were left out, and when they were asked. */
static int count_older(struct wn_db *db, struct wn_report *r, struct wn_err *err)
{
	sqlite3_stmt *st;
	int status = wn_db_prepare(db, q_older_left, &st, err);
	if (status != WN_OK)
		return status;
	wn_report_bind_range(st, r->from, r->to);
	sqlite3_bind_int(st, 3, WN_REPORT_OLDER_OPEN);
	if (wn_db_row(db, st, "read the questions", &status, err)) {
		r->older_omitted = (size_t)sqlite3_column_int64(st, 0);
		r->older_omitted_from = wn_db_col_date(st, 1);
		r->older_omitted_to = wn_db_col_date(st, 2);
	}
	sqlite3_finalize(st);
	return status;
}

static int gather_questions(struct wn_db *db, struct wn_report *r, struct wn_err *err)
{
	size_t cap = 0;
	r->older_omitted_from = r->older_omitted_to = WN_DATE_NONE;
	int rc = read_questions(db, r, q_older_open, &cap, err);
	if (rc == WN_OK)
		rc = read_questions(db, r, q_in_range, &cap, err);
	if (rc == WN_OK)
		rc = count_older(db, r, err);
	return rc;
}

/* ---- measures: burden, mood, anxiety, sleep ----------------------------------------------- */

static const struct {
	const char *name, *unit;
	enum wn_series_kind kind;
	bool better;
} measure_defs[WN_REPORT_N_MEASURES] = {
	[WN_REPORT_M_BURDEN] = { "Symptom burden", "sum of 0-3 ratings", WN_SERIES_BURDEN, false },
	[WN_REPORT_M_MOOD] = { "Mood", "0-10", WN_SERIES_MOOD, true },
	[WN_REPORT_M_ANXIETY] = { "Anxiety", "0-10", WN_SERIES_ANXIETY, false },
	[WN_REPORT_M_SLEEP] = { "Sleep", "hours", WN_SERIES_SLEEP, true },
};

static int load_series(struct wn_db *db, enum wn_series_kind kind, long id,
                       const struct wn_insight_series *s, struct wn_err *err)
{
	struct wn_series_what w = { .kind = kind, .id = id };
	struct wn_series_req q = { .what = &w, .from = s->start,
	                           .to = s->start + (wn_date)s->n - 1 };
	return wn_series_load(db, &q, (double *)s->v, err);
}

/* One measure over the span s; its range part is copied into m->v. */
static int gather_measure(struct wn_db *db, struct wn_report *r, int k,
                          const struct wn_insight_series *s, struct wn_err *err)
{
	struct wn_report_measure *m = &r->m[k];
	m->name = measure_defs[k].name;
	m->unit = measure_defs[k].unit;
	m->higher_is_better = measure_defs[k].better;
	m->v = malloc((size_t)r->n_days * sizeof *m->v);
	if (!m->v)
		return wn_err_set(err, WN_ERR, "out of memory");
	int rc = load_series(db, measure_defs[k].kind, 0, s, err);
	if (rc != WN_OK)
		return rc;
	memcpy(m->v, s->v + (r->from - s->start), (size_t)r->n_days * sizeof *m->v);
	m->mean = wn_insight_mean(s, r->from, r->to, &m->days);
	wn_date first = r->first_cut;
	wn_insight_baseline(s, &first, first == WN_DATE_NONE ? 0 : 1, &m->base);
	if (k == WN_REPORT_M_BURDEN)
		wn_report_cut_means(r, s);
	return WN_OK;
}

static int gather_measures(struct wn_db *db, struct wn_report *r, struct wn_report_span *sp,
                           struct wn_err *err)
{
	wn_date lo = r->from;
	if (r->first_cut != WN_DATE_NONE && r->first_cut - WN_INSIGHT_BASELINE_DAYS < lo)
		lo = r->first_cut - WN_INSIGHT_BASELINE_DAYS;
	if (r->to - 2 * WN_INSIGHT_RECENT_DAYS + 1 < lo)
		lo = r->to - 2 * WN_INSIGHT_RECENT_DAYS + 1;
	if (r->to - lo >= WN_SERIES_MAX_DAYS)
		lo = r->to - WN_SERIES_MAX_DAYS + 1;
	sp->lo = lo;
	sp->n = (size_t)(r->to - lo + 1);
	sp->burden = malloc(sp->n * sizeof *sp->burden);
	double *v = malloc(sp->n * sizeof *v);
	int rc = sp->burden && v ? WN_OK : wn_err_set(err, WN_ERR, "out of memory");
	for (int k = 0; rc == WN_OK && k < WN_REPORT_N_MEASURES; k++) {
		struct wn_insight_series s = { .start = lo, .n = sp->n,
		                               .v = k == WN_REPORT_M_BURDEN ? sp->burden : v };
		rc = gather_measure(db, r, k, &s, err);
	}
	free(v);
	return rc;
}

/* ---- hold proposals ------------------------------------------------------------------------ */

static int gather_proposals(struct wn_db *db, struct wn_report *r, struct wn_err *err)
{
	struct wn_proposal *p;
	size_t n;
	int rc = wn_db_proposals(db, r->from, r->to, &p, &n, err);
	if (rc == WN_OK && n && !(r->proposals = calloc(n, sizeof *r->proposals)))
		rc = wn_err_set(err, WN_ERR, "out of memory");
	for (size_t i = 0; rc == WN_OK && i < n; i++) {
		struct wn_report_proposal *q = &r->proposals[r->n_proposals++];
		struct wn_med m;
		q->date = p[i].date;
		q->state = (int)p[i].state;
		snprintf(q->why, sizeof q->why, "%s", p[i].why);
		rc = wn_db_med_get(db, p[i].med_id, &m, err);
		snprintf(q->med, sizeof q->med, "%s", rc == WN_OK ? m.name : "?");
	}
	free(p);
	return rc;
}

/* ---- the safety counts ---------------------------------------------------------------------- */

/* The optional self-harm item is in use: shown, or rated in the range. */
static const char q_item_used[] =
	"SELECT EXISTS (SELECT 1 FROM symptom WHERE name = ?3 AND hidden = 0)"
	" OR EXISTS (SELECT 1 FROM rating r JOIN symptom s ON s.id = r.symptom_id"
	"  WHERE s.name = ?3 AND r.date BETWEEN ?1 AND ?2)";

static int item_in_use(struct wn_db *db, struct wn_report *r, struct wn_err *err)
{
	sqlite3_stmt *st;
	int status = wn_db_prepare(db, q_item_used, &st, err);
	if (status != WN_OK)
		return status;
	wn_report_bind_range(st, r->from, r->to);
	sqlite3_bind_text(st, 3, WN_SAFETY_SELF_HARM, -1, SQLITE_STATIC);
	if (wn_db_row(db, st, "read the optional items", &status, err))
		r->safety.item_in_use = sqlite3_column_int(st, 0) != 0;
	sqlite3_finalize(st);
	return status;
}

/* Days with very low mood and with the self-harm item rated; the mood
 * measure (its days) is gathered already. */
static int gather_safety(struct wn_db *db, const struct wn_report_opts *o,
                         struct wn_report *r, struct wn_err *err)
{
	struct wn_report_safety *sf = &r->safety;
	struct wn_safety_counts c;
	sf->low_mood = o->low_mood >= 0 && o->low_mood <= 10 ? o->low_mood : WN_SAFETY_LOW_MOOD;
	sf->mood_days = r->m[WN_REPORT_M_MOOD].days;
	int rc = wn_db_safety_counts(db, r->from, r->to, sf->low_mood, &c, err);
	if (rc != WN_OK)
		return rc;
	sf->low_mood_days = c.low_mood_days;
	sf->item_days = c.item_days;
	return item_in_use(db, r, err);
}

/* ---- the whole report ------------------------------------------------------------------------ */

int wn_report_gather(struct wn_db *db, const struct wn_report_opts *o,
                     struct wn_report *r, struct wn_err *err)
{
	wn_date last;
	memset(r, 0, sizeof *r);
	r->first_cut = r->first_day = WN_DATE_NONE;
	r->older_omitted_from = r->older_omitted_to = WN_DATE_NONE;
	int rc = wn_report_range(db, o, &r->from, &r->to, err);
	if (rc != WN_OK)
		return rc;
	r->produced = wn_date_today();
	r->n_days = (int)(r->to - r->from + 1);
	if (o->name && *o->name && !(r->name = strdup(o->name)))
		return wn_err_set(err, WN_ERR, "out of memory");
	rc = wn_db_date_span(db, &r->first_day, &last, err);
	if (rc == WN_OK)
		rc = gather_days(db, r, err);
	if (rc == WN_OK)
		rc = wn_report_gather_meds(db, r, err);
	struct wn_report_span sp = { 0 };
	if (rc == WN_OK)
		rc = gather_measures(db, r, &sp, err);
	if (rc == WN_OK)
		rc = gather_safety(db, o, r, err);
	if (rc == WN_OK)
		rc = wn_report_gather_symptoms(db, r, &sp, err);
	free(sp.burden);
	if (rc == WN_OK)
		rc = gather_questions(db, r, err);
	if (rc == WN_OK)
		rc = gather_proposals(db, r, err);
	return rc;
}


