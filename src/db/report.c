/* report.c -- the prescriber report: its range, the facts gathered from
 * the diary (days, series, symptoms, flagged notes, questions), shared
 * number formatting, and rendering in the chosen format (see report.h).
 * Medications, plans and cuts are gathered in report_med.c. */
#include "report/report.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../report/report_int.h"
#include "db/series.h"

/* ---- formats --------------------------------------------------------------- */

static const struct { const char *word; int format; } format_words[] = {
	{ "md", WN_REPORT_MD }, { "markdown", WN_REPORT_MD },
	{ "txt", WN_REPORT_TXT }, { "text", WN_REPORT_TXT },
	{ "html", WN_REPORT_HTML },
};

int wn_report_parse_format(const char *s, int *format, struct wn_err *err)
{
	for (size_t i = 0; s && i < sizeof format_words / sizeof *format_words; i++)
		if (strcasecmp(s, format_words[i].word) == 0) {
			*format = format_words[i].format;
			return WN_OK;
		}
	wn_err_set(err, WN_USAGE, "unknown report format '%.40s'", s ? s : "");
	wn_err_hint(err, "use md (Markdown), txt (plain text) or html");
	return WN_USAGE;
}

const char *wn_report_suffix(int format)
{
	return format == WN_REPORT_MD ? "md" : format == WN_REPORT_HTML ? "html" : "txt";
}

/* ---- since the last report ----------------------------------------------------- */

int wn_report_last(struct wn_db *db, wn_date *last_to, struct wn_err *err)
{
	char buf[32];
	wn_date d;
	*last_to = WN_DATE_NONE;
	int rc = wn_db_meta_get(db, WN_REPORT_META_KEY, buf, sizeof buf, err);
	if (rc == WN_OK && buf[0] && wn_date_parse_iso(buf, &d, NULL) == WN_OK)
		*last_to = d + 1;
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

int wn_report_range(struct wn_db *db, const struct wn_report_opts *o,
                    wn_date *from, wn_date *to, struct wn_err *err)
{
	char a[WN_DATE_STRLEN], b[WN_DATE_STRLEN];
	*to = o->to != WN_DATE_NONE ? o->to : wn_date_today();
	*from = o->from;
	if (*from == WN_DATE_NONE) {
		wn_date first, last;
		int rc = wn_db_date_span(db, &first, &last, err);
		if (rc != WN_OK)
			return rc;
		*from = *to - (WN_REPORT_DEFAULT_DAYS - 1);
		if (first != WN_DATE_NONE && first > *from)
			*from = first < *to ? first : *to;
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

/* ---- small shared helpers ----------------------------------------------------------- */

int wn_report_grow(void **arr, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return 0;
	size_t nc = *cap ? *cap * 2 : 16;
	void *p = realloc(*arr, nc * size);
	if (!p)
		return -1;
	*arr = p;
	*cap = nc;
	return 0;
}

char *wn_report_dose(double v, const char *unit, char *buf, size_t n)
{
	char d[48];
	if (!isfinite(v))
		snprintf(buf, n, "-");
	else
		snprintf(buf, n, "%s %s", wn_text_num(v, 3, d, sizeof d), unit ? unit : "");
	return buf;
}

const char *wn_report_plural(long n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static void every_text(int days, char *buf, size_t n)
{
	if (days % 7 == 0)
		snprintf(buf, n, days == 7 ? "every week" : "every %d weeks", days / 7);
	else
		snprintf(buf, n, days == 1 ? "every day" : "every %d days", days);
}

void wn_report_plan_text(const struct wn_report_med *m, char *buf, size_t n)
{
	char every[32], s[32];
	every_text(m->every_days, every, sizeof every);
	wn_text_num(m->step, 3, s, sizeof s);
	switch (m->method) {
	case WN_TAPER_PERCENT:
		snprintf(buf, n, "cut %s%% of the current dose %s", s, every);
		break;
	case WN_TAPER_OCCUPANCY:
		snprintf(buf, n, "equal steps of %s points of estimated SERT occupancy %s",
		         s, every);
		break;
	case WN_TAPER_LINEAR:
		snprintf(buf, n, "cut %s %s %s", s, m->med.unit, every);
		break;
	default:
		snprintf(buf, n, "the person's own list of dates and doses");
	}
}

void wn_report_trend_text(const struct wn_insight_trend *t, char *buf, size_t n)
{
	if (!isfinite(t->change))
		snprintf(buf, n, "not enough data");
	else if (t->direction == 0)
		snprintf(buf, n, "steady");
	else
		snprintf(buf, n, "%s (%+.1f)", t->direction > 0 ? "rising" : "falling", t->change);
}

/* ---- check-ins, gaps and flagged notes ------------------------------------------------ */

struct day_walk {
	struct wn_report *r;
	wn_date next;            /* first day not yet accounted for */
	size_t cap_gaps, cap_notes;
	bool failed;
};

static int add_gap(struct day_walk *w, wn_date from, wn_date to)
{
	struct wn_report *r = w->r;
	if (wn_report_grow((void **)&r->gaps, &w->cap_gaps, r->n_gaps, sizeof *r->gaps))
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
	if (wn_report_grow((void **)&r->notes, &w->cap_notes, r->n_notes, sizeof *r->notes))
		return -1;
	struct wn_report_note *n = &r->notes[r->n_notes];
	*n = (struct wn_report_note){ .date = date };
	if (text && *text && !(n->text = note_copy(text, &n->cut)))
		return -1;
	r->n_notes++;
	return 0;
}

static int check_day(struct day_walk *w, sqlite3_stmt *st)
{
	wn_date date;
	const char *d = (const char *)sqlite3_column_text(st, 0);
	if (!d || wn_date_parse_iso(d, &date, NULL) != WN_OK || date < w->next)
		return 0;                  /* not a date: the check command reports it */
	if (sqlite3_column_int(st, 1) &&
	    add_note(w, date, (const char *)sqlite3_column_text(st, 2)) != 0)
		return -1;
	w->r->n_checkins++;
	if (date > w->next && add_gap(w, w->next, date - 1) != 0)
		return -1;
	w->next = date + 1;
	return 0;
}

static const char q_checkins[] = "SELECT date, flag, note FROM checkin"
	" WHERE date BETWEEN ?1 AND ?2 ORDER BY date";

/* Days with a check-in, the gaps between them and the flagged days. */
static int gather_days(struct wn_db *db, struct wn_report *r, struct wn_err *err)
{
	struct day_walk w = { .r = r, .next = r->from };
	sqlite3_stmt *st;
	int rc, status = WN_OK;
	if (sqlite3_prepare_v2(wn_db_sqlite(db), q_checkins, -1, &st, NULL) != SQLITE_OK)
		return wn_report_sqlfail(db, err);
	wn_report_bind_range(st, r->from, r->to);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && !w.failed)
		w.failed = check_day(&w, st) != 0;
	if (!w.failed && rc != SQLITE_DONE)
		status = wn_report_sqlfail(db, err);
	sqlite3_finalize(st);
	if (status == WN_OK && !w.failed && w.next <= r->to && add_gap(&w, w.next, r->to) != 0)
		w.failed = true;
	if (status == WN_OK && w.failed)
		status = wn_err_set(err, WN_ERR, "out of memory");
	r->n_missing = r->n_days - r->n_checkins;
	return status;
}

/* ---- questions ------------------------------------------------------------------------ */

int wn_report_sqlfail(struct wn_db *db, struct wn_err *err)
{
	sqlite3 *sql = wn_db_sqlite(db);
	int rc = sqlite3_errcode(sql) & 0xff;
	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		return wn_err_set(err, WN_TEMPFAIL,
		                  "the diary is busy (another wean is writing); try again");
	if (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB)
		return wn_err_set(err, WN_DATAERR, "the diary is damaged (%s)", sqlite3_errmsg(sql));
	return wn_err_set(err, WN_IOERR, "cannot read the diary: %s", sqlite3_errmsg(sql));
}

void wn_report_bind_range(sqlite3_stmt *st, wn_date from, wn_date to)
{
	char a[WN_DATE_STRLEN], b[WN_DATE_STRLEN];
	sqlite3_bind_text(st, 1, wn_date_format(from, a), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, wn_date_format(to, b), -1, SQLITE_TRANSIENT);
}

static char *col_dup(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	return t ? strdup((const char *)t) : NULL;
}

/* Written in the range, and open ones from before it. */
static const char q_questions[] = "SELECT date, text, answered, answer FROM question"
	" WHERE date <= ?2 AND (date >= ?1 OR answered = 0) ORDER BY date, id";

static int read_question(struct wn_report *r, sqlite3_stmt *st, size_t *cap)
{
	if (wn_report_grow((void **)&r->questions, cap, r->n_questions, sizeof *r->questions))
		return -1;
	struct wn_report_question *q = &r->questions[r->n_questions];
	*q = (struct wn_report_question){ .answered = sqlite3_column_int(st, 2) != 0 };
	const char *d = (const char *)sqlite3_column_text(st, 0);
	if (!d || wn_date_parse_iso(d, &q->date, NULL) != WN_OK)
		q->date = WN_DATE_NONE;
	q->text = col_dup(st, 1);
	q->answer = col_dup(st, 3);
	r->n_questions++;
	return q->text ? 0 : -1;
}

static int gather_questions(struct wn_db *db, struct wn_report *r, struct wn_err *err)
{
	sqlite3_stmt *st;
	char a[WN_DATE_STRLEN], b[WN_DATE_STRLEN];
	size_t cap = 0;
	if (sqlite3_prepare_v2(wn_db_sqlite(db), q_questions, -1, &st, NULL) != SQLITE_OK)
		return wn_report_sqlfail(db, err);
	sqlite3_bind_text(st, 1, wn_date_format(r->from, a), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, wn_date_format(r->to, b), -1, SQLITE_TRANSIENT);
	int rc, status = WN_OK;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && status == WN_OK)
		if (read_question(r, st, &cap) != 0)
			status = wn_err_set(err, WN_ERR, "out of memory");
	if (status == WN_OK && rc != SQLITE_DONE)
		status = wn_report_sqlfail(db, err);
	sqlite3_finalize(st);
	return status;
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

/* ---- the whole report ------------------------------------------------------------------------ */

int wn_report_gather(struct wn_db *db, const struct wn_report_opts *o,
                     struct wn_report *r, struct wn_err *err)
{
	wn_date last;
	memset(r, 0, sizeof *r);
	r->first_cut = r->first_day = WN_DATE_NONE;
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
		rc = wn_report_gather_symptoms(db, r, &sp, err);
	free(sp.burden);
	if (rc == WN_OK)
		rc = gather_questions(db, r, err);
	return rc;
}

void wn_report_free(struct wn_report *r)
{
	free(r->name);
	free(r->gaps);
	wn_report_meds_free(r);
	for (int k = 0; k < WN_REPORT_N_MEASURES; k++)
		free(r->m[k].v);
	for (size_t i = 0; i < r->n_symptoms; i++)
		free(r->symptoms[i].v);
	free(r->symptoms);
	for (size_t i = 0; i < r->n_notes; i++)
		free(r->notes[i].text);
	free(r->notes);
	for (size_t i = 0; i < r->n_questions; i++) {
		free(r->questions[i].text);
		free(r->questions[i].answer);
	}
	free(r->questions);
	memset(r, 0, sizeof *r);
}

int wn_report_render(struct wn_db *db, const struct wn_report_opts *o,
                     struct wn_buf *out, struct wn_err *err)
{
	if (o->format != WN_REPORT_MD && o->format != WN_REPORT_TXT &&
	    o->format != WN_REPORT_HTML)
		return wn_err_set(err, WN_USAGE, "unknown report format");
	struct wn_report r;
	int rc = wn_report_gather(db, o, &r, err);
	if (rc == WN_OK)
		rc = o->format == WN_REPORT_HTML ? wn_report_html(&r, o, out, err)
		                                 : wn_report_text(&r, o, out, err);
	wn_report_free(&r);
	return rc;
}
