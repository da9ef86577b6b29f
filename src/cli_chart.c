/* cli_chart.c -- `wean chart WHAT`: a trend chart on stdout, the taper's
 * steps marked, and below it what the series says about the taper
 * (insight.h): baseline against now, mean by days since each cut, and for
 * the burden its windows and waves; for a symptom whether it is new since
 * the taper; for a dose, planned against taken. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "cli.h"
#include "insight.h"
#include "plan.h"
#include "series.h"
#include "storage.h"
#include "text.h"

#define DEFAULT_DAYS 90
#define DEFAULT_WIDTH 80
#define DEFAULT_HEIGHT 20
#define MAX_DAYS 36600L

struct chart_args {
	char what[256];
	size_t what_len;
	bool what_too_long;
	const char *days, *from, *to, *width, *height;
	bool all, help;
};

static int set_str(const char **slot, const char *a)
{
	*slot = a;
	return WN_OK;
}
static int c_days(void *x, const char *a, struct wn_err *e) { (void)e; return set_str(&((struct chart_args *)x)->days, a); }
static int c_from(void *x, const char *a, struct wn_err *e) { (void)e; return set_str(&((struct chart_args *)x)->from, a); }
static int c_to(void *x, const char *a, struct wn_err *e) { (void)e; return set_str(&((struct chart_args *)x)->to, a); }
static int c_width(void *x, const char *a, struct wn_err *e) { (void)e; return set_str(&((struct chart_args *)x)->width, a); }
static int c_height(void *x, const char *a, struct wn_err *e) { (void)e; return set_str(&((struct chart_args *)x)->height, a); }
static int c_all(void *x, const char *a, struct wn_err *e) { (void)a; (void)e; ((struct chart_args *)x)->all = true; return WN_OK; }
static int c_help(void *x, const char *a, struct wn_err *e) { (void)a; (void)e; ((struct chart_args *)x)->help = true; return WN_OK; }

static const struct wn_cli_opt chart_opts[] = {
	{ "days", "N", c_days, "the last N days (default 90)" },
	{ "from", "DATE", c_from, "first day (with --to; default 90 days before --to)" },
	{ "to", "DATE", c_to, "last day (default today)" },
	{ "all", NULL, c_all, "everything in the diary" },
	{ "width", "W", c_width, "columns, 40-1000 (default $COLUMNS or 80)" },
	{ "height", "H", c_height, "rows of the chart, 8-200 (default 20)" },
	{ "help", NULL, c_help, "show this help" },
	{ 0 }
};

#define CHART_ARGS "WHAT [--days N | --from DATE --to DATE | --all] [--width W] [--height H]"

/* Words of WHAT are joined with spaces: chart brain zaps == chart "brain zaps". */
static int c_word(void *x, const char *w, struct wn_err *e)
{
	(void)e;
	struct chart_args *a = x;
	size_t n = strlen(w);
	if (a->what_len + n + 2 > sizeof a->what) {
		a->what_too_long = true;
		return WN_OK;
	}
	if (a->what_len)
		a->what[a->what_len++] = ' ';
	memcpy(a->what + a->what_len, w, n + 1);
	a->what_len += n;
	return WN_OK;
}

static int usage(struct wn_err *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int usage(struct wn_err *err, const char *fmt, ...)
{
	char msg[WN_ERR_MSG];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	wn_err_set(err, WN_USAGE, "%s", msg);
	wn_err_hint(err, "see 'wean chart --help'");
	return WN_USAGE;
}

/* ---- range and size -------------------------------------------------------- */

struct range { wn_date from, to; };

static int as_usage(int rc, struct wn_err *err, const char *opt)
{
	if (rc == WN_OK)
		return WN_OK;
	char msg[WN_ERR_MSG];
	snprintf(msg, sizeof msg, "%s", err->msg);
	return usage(err, "chart: %s: %s", opt, msg);
}

struct bounds { const char *opt; long lo, hi; };

static int parse_size(const char *s, const struct bounds *b, long *out,
                      struct wn_err *err)
{
	int rc = wn_cli_parse_int(s, b->opt, b->lo, b->hi, out, err);
	if (rc == WN_OK)
		return WN_OK;
	char msg[WN_ERR_MSG];
	snprintf(msg, sizeof msg, "%s", err->msg);
	return usage(err, "chart: %s", msg);
}

static int all_range(struct wn_cli *c, struct range *r, struct wn_err *err)
{
	struct wn_db *db;
	wn_date first, last;
	int rc = wn_cli_db(c, false, &db, err);
	if (rc == WN_OK)
		rc = wn_db_date_span(db, &first, &last, err);
	if (rc != WN_OK)
		return rc;
	r->to = last != WN_DATE_NONE && last > c->today ? last : c->today;
	r->from = first != WN_DATE_NONE ? first : r->to;
	if (r->to - r->from >= MAX_DAYS)
		r->from = r->to - MAX_DAYS + 1;
	return WN_OK;
}

static int resolve_range(struct wn_cli *c, const struct chart_args *a,
                         struct range *r, struct wn_err *err)
{
	long days = DEFAULT_DAYS;
	int rc = WN_OK;
	if (a->days && (a->from || a->to || a->all))
		return usage(err, "chart: --days goes with neither --from/--to nor --all");
	if (a->all && (a->from || a->to))
		return usage(err, "chart: --all goes with neither --from nor --to");
	if (a->all)
		return all_range(c, r, err);
	if (a->days)
		rc = parse_size(a->days, &(struct bounds){ "--days", 1, MAX_DAYS }, &days, err);
	r->to = c->today;
	if (rc == WN_OK && a->to)
		rc = as_usage(wn_cli_parse_date(c, a->to, false, &r->to, err), err, "--to");
	r->from = r->to - days + 1;
	if (rc == WN_OK && a->from)
		rc = as_usage(wn_cli_parse_date(c, a->from, false, &r->from, err), err,
		              "--from");
	if (rc != WN_OK)
		return rc;
	char f[WN_DATE_STRLEN], t[WN_DATE_STRLEN];
	if (r->from > r->to)
		return usage(err, "chart: the range starts on %s, after its end on %s",
		             wn_date_format(r->from, f), wn_date_format(r->to, t));
	if (r->to - r->from >= MAX_DAYS)
		return usage(err, "chart: %s to %s is more than 100 years; choose a shorter range",
		             wn_date_format(r->from, f), wn_date_format(r->to, t));
	return WN_OK;
}

static long env_columns(void)
{
	const char *s = getenv("COLUMNS");
	char *end;
	long v = s && *s ? strtol(s, &end, 10) : 0;
	if (!s || !*s || *end || v < WN_CHART_MIN_WIDTH || v > WN_CHART_MAX_WIDTH)
		return DEFAULT_WIDTH;
	return v;
}

static int resolve_size(const struct chart_args *a, int *w, int *h, struct wn_err *err)
{
	long width = env_columns(), height = DEFAULT_HEIGHT;
	int rc = WN_OK;
	if (a->width)
		rc = parse_size(a->width, &(struct bounds){ "--width", WN_CHART_MIN_WIDTH,
		                                            WN_CHART_MAX_WIDTH }, &width, err);
	if (rc == WN_OK && a->height)
		rc = parse_size(a->height, &(struct bounds){ "--height", WN_CHART_MIN_HEIGHT,
		                                             WN_CHART_MAX_HEIGHT }, &height, err);
	*w = (int)width;
	*h = (int)height;
	return rc;
}

/* ---- the taper: cuts and the planned dose ------------------------------------- */

struct cut {
	wn_date date;
	double dose;
	char unit[16];
	char med[WN_NAME_MAX + 1];
};

struct taper {
	struct cut *cuts;            /* every plan's dated steps after the start */
	size_t n_cuts, cap;
	size_t n_plans;
	bool have_overlay;           /* the first plan, kept for the overlay */
	struct wn_plan plan;
	struct wn_schedule sched;
	struct wn_med med;
};

static void taper_free(struct taper *t)
{
	free(t->cuts);
	if (t->have_overlay) {
		wn_taper_free(&t->sched);
		wn_plan_free(&t->plan);
	}
}

static int add_cut(struct taper *t, const struct wn_med *m, const struct wn_taper_step *s)
{
	if (t->n_cuts == t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 32;
		struct cut *c = realloc(t->cuts, cap * sizeof *c);
		if (!c)
			return WN_ERR;
		t->cuts = c;
		t->cap = cap;
	}
	struct cut *c = &t->cuts[t->n_cuts++];
	c->date = s->date;
	c->dose = s->dose;
	snprintf(c->unit, sizeof c->unit, "%s", m->unit);
	snprintf(c->med, sizeof c->med, "%s", m->name);
	return WN_OK;
}

/* Loads one medication's plan; keeps the first one for the overlay. */
static int add_plan(struct wn_db *db, const struct wn_med *m, struct taper *t,
                    struct wn_err *err)
{
	struct wn_plan p;
	struct wn_schedule s = { 0 };
	struct wn_drug drug;
	int rc = wn_plan_load(db, m->id, &p, err);
	bool has_drug = rc == WN_OK && wn_plan_drug(m, &drug, NULL) == WN_OK;
	if (rc == WN_OK)
		rc = wn_plan_build(&p, has_drug ? &drug : NULL, &s, err);
	for (int k = 1; rc == WN_OK && k < s.n_dated; k++)
		if (add_cut(t, m, &s.steps[k]) != WN_OK)
			rc = wn_err_set(err, WN_ERR, "out of memory");
	if (rc == WN_OK && !t->have_overlay) {
		t->have_overlay = true;
		t->plan = p;
		t->sched = s;
		t->med = *m;
		t->n_plans++;
		return WN_OK;
	}
	t->n_plans += rc == WN_OK;
	wn_taper_free(&s);
	wn_plan_free(&p);
	return rc == WN_NOINPUT ? WN_OK : rc;
}

static int cmp_cut(const void *a, const void *b)
{
	const struct cut *x = a, *y = b;
	return (x->date > y->date) - (x->date < y->date);
}

/* The plans that matter for w: a dose chart uses its medication's only. */
static int load_taper(struct wn_db *db, const struct wn_series_what *w,
                      struct taper *t, struct wn_err *err)
{
	struct wn_med *meds = NULL;
	size_t n = 0;
	memset(t, 0, sizeof *t);
	int rc = wn_db_med_list(db, &meds, &n, err);
	for (size_t i = 0; rc == WN_OK && i < n; i++)
		if (w->kind != WN_SERIES_DOSE || meds[i].id == w->id)
			rc = add_plan(db, &meds[i], t, err);
	free(meds);
	if (t->n_cuts > 1)
		qsort(t->cuts, t->n_cuts, sizeof *t->cuts, cmp_cut);
	return rc;
}

/* Dates of the cuts on or before `to`, sorted, without repeats. */
static size_t cut_dates(const struct taper *t, wn_date to, wn_date *out)
{
	size_t n = 0;
	for (size_t i = 0; i < t->n_cuts; i++)
		if (t->cuts[i].date <= to && (n == 0 || out[n - 1] != t->cuts[i].date))
			out[n++] = t->cuts[i].date;
	return n;
}

/* ---- output helpers --------------------------------------------------------------- */

struct out {
	struct wn_cli *c;
	bool ascii;
};

/* Prints s, transliterated to ASCII when needed. */
static void put(const struct out *o, const char *s)
{
	if (!o->ascii) {
		fputs(s, o->c->out);
		return;
	}
	char *a = wn_text_to_ascii(s, strlen(s));
	fputs(a ? a : "?", o->c->out);
	free(a);
}

static char *num(double v, char *buf, size_t n)
{
	if (!isfinite(v))
		snprintf(buf, n, "-");
	else
		snprintf(buf, n, "%.1f", v);
	return buf;
}

static char *signed_num(double v, char *buf, size_t n)
{
	if (!isfinite(v))
		snprintf(buf, n, "-");
	else
		snprintf(buf, n, "%+.1f", fabs(v) < 0.05 ? 0.0 : v);
	return buf;
}

static char *dose_text(double v, const char *unit, char *buf, size_t n)
{
	char d[32];
	snprintf(d, sizeof d, "%.3f", v);
	char *e = d + strlen(d) - 1;
	while (*e == '0')
		*e-- = '\0';
	if (*e == '.')
		*e = '\0';
	snprintf(buf, n, "%s %s", d, unit);
	return buf;
}


/* ---- what the series says ------------------------------------------------------------ */

struct view {
	struct out o;
	struct wn_db *db;
	const struct wn_series_what *w;
	struct range r;
	const double *v;                    /* the chart's days */
	const struct taper *t;
	const wn_date *cuts;                /* on or before r.to */
	size_t n_cuts;
	struct wn_insight_series ins;       /* from before the first cut to r.to */
};

static void outf(const struct view *vw, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void outf(const struct view *vw, const char *fmt, ...)
{
	struct wn_buf b;
	va_list ap;
	wn_buf_init(&b);
	va_start(ap, fmt);
	wn_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	if (b.s)
		put(&vw->o, b.s);
	wn_buf_free(&b);
}

static double steady_for(const struct wn_series_what *w)
{
	return w->hi > w->lo ? (w->hi - w->lo) / 20 : 1.0;
}

static const char *judge(const struct wn_series_what *w, int direction)
{
	if (direction == 0 || w->kind == WN_SERIES_METRIC)
		return "";
	return (direction > 0) == w->higher_is_better ? " (better)" : " (worse)";
}

static void print_baseline(const struct view *vw)
{
	struct wn_insight_baseline b;
	char x[32], y[32], d[WN_DATE_STRLEN], e[WN_DATE_STRLEN];
	wn_insight_baseline(&vw->ins, vw->cuts, vw->n_cuts, &b);
	if (vw->n_cuts == 0)
		outf(vw, "Baseline      -  none: no taper step yet\n");
	else
		outf(vw, "Baseline  %5s  %d days before the first cut on %s (%d with data)\n",
		     num(b.baseline, x, sizeof x), WN_INSIGHT_BASELINE_DAYS,
		     wn_date_format(b.first_cut, d), b.baseline_days);
	outf(vw, "Now       %5s  %d days to %s (%d with data)", num(b.now, x, sizeof x),
	     WN_INSIGHT_RECENT_DAYS, wn_date_format(vw->r.to, e), b.now_days);
	if (isfinite(b.change))
		outf(vw, "; %s on the baseline", signed_num(b.change, y, sizeof y));
	outf(vw, "\n");
}

static void print_trend(const struct view *vw)
{
	struct wn_insight_trend t;
	char a[32], b[32], c[32];
	wn_insight_trend(&vw->ins, steady_for(vw->w), &t);
	if (!isfinite(t.change)) {
		outf(vw, "Trend     not enough days with data in the last four weeks\n");
		return;
	}
	const char *dir = t.direction > 0 ? "rising" : t.direction < 0 ? "falling" : "steady";
	outf(vw, "Trend     %s%s: last 14 days %s, the 14 before %s (%s)\n",
	     dir, judge(vw->w, t.direction), num(t.recent, a, sizeof a),
	     num(t.before, b, sizeof b), signed_num(t.change, c, sizeof c));
}

static const struct cut *cut_at(const struct taper *t, wn_date d)
{
	for (size_t i = 0; i < t->n_cuts; i++)
		if (t->cuts[i].date == d)
			return &t->cuts[i];
	return NULL;
}

static void print_step_row(const struct view *vw, const struct wn_insight_step *s)
{
	char d[WN_DATE_STRLEN], dose[48], m[WN_INSIGHT_BUCKETS][16];
	const struct cut *c = cut_at(vw->t, s->cut);
	dose_text(c ? c->dose : NAN, c ? c->unit : "", dose, sizeof dose);
	for (int k = 0; k < WN_INSIGHT_BUCKETS; k++)
		num(s->mean[k], m[k], sizeof m[k]);
	outf(vw, "  %s  %-9s %5s %5s %5s %5s", wn_date_format(s->cut, d), dose,
	     m[0], m[1], m[2], m[3]);
	bool low = vw->w->higher_is_better;
	if (isfinite(s->peak))
		outf(vw, "   %g on day %d", low ? s->low : s->peak, low ? s->low_day : s->peak_day);
	if (vw->t->n_plans > 1 && c)
		outf(vw, "  %s", c->med);
	outf(vw, "\n");
}

static int print_steps(const struct view *vw, struct wn_err *err)
{
	if (vw->n_cuts == 0)
		return WN_OK;
	struct wn_insight_step *st = calloc(vw->n_cuts, sizeof *st);
	if (!st)
		return wn_err_set(err, WN_ERR, "out of memory");
	wn_insight_steps(&vw->ins, vw->cuts, vw->n_cuts, st);
	outf(vw, "\nMean by days since each cut (day 0 = the cut; - = no data yet)\n");
	outf(vw, "  cut         dose        0-3   4-7  8-14 15-28   %s\n",
	     vw->w->higher_is_better ? "lowest" : "highest");
	for (size_t i = 0; i < vw->n_cuts; i++)
		print_step_row(vw, &st[i]);
	free(st);
	return WN_OK;
}

static void print_runs(const struct view *vw, const struct wn_insight_waves *w)
{
	char a[32], b[32];
	outf(vw, "  %d wave%s", w->n_waves, w->n_waves == 1 ? "" : "s");
	if (w->n_waves)
		outf(vw, ", longest %d day%s, mean %s", w->longest_wave,
		     w->longest_wave == 1 ? "" : "s", num(w->mean_wave, a, sizeof a));
	outf(vw, "; %d window%s", w->n_windows, w->n_windows == 1 ? "" : "s");
	if (w->n_windows)
		outf(vw, ", longest %d day%s, mean %s", w->longest_window,
		     w->longest_window == 1 ? "" : "s", num(w->mean_window, b, sizeof b));
	outf(vw, "\n");
	if (w->n_runs) {
		const struct wn_insight_run *last = &w->runs[w->n_runs - 1];
		char d[WN_DATE_STRLEN];
		outf(vw, "  latest: a %s of %d day%s from %s\n", last->wave ? "wave" : "window",
		     last->len, last->len == 1 ? "" : "s", wn_date_format(last->start, d));
	}
}

/* Windows and waves over the days charted (burden only). */
static int print_waves(const struct view *vw, struct wn_err *err)
{
	struct wn_insight_waves w;
	struct wn_insight_series s = { .start = vw->r.from,
	                               .n = (size_t)(vw->r.to - vw->r.from + 1), .v = vw->v };
	char m[32], th[32];
	if (wn_insight_waves(&s, &w, err) != WN_OK)
		return WN_ERR;
	outf(vw, "\nWindows and waves in these %zu days", s.n);
	if (!isfinite(w.threshold))
		outf(vw, ": fewer than %d days with data\n", WN_INSIGHT_MIN_DAYS);
	else {
		outf(vw, " (a bad day has a burden above %s:\nthe median %s plus the larger "
		     "of %g and half the standard deviation)\n", num(w.threshold, th, sizeof th),
		     num(w.median, m, sizeof m), WN_INSIGHT_WAVE_MARGIN);
		print_runs(vw, &w);
	}
	wn_insight_waves_free(&w);
	return WN_OK;
}

static int print_onset(const struct view *vw, struct wn_err *err)
{
	struct wn_symptom s;
	int rc = wn_db_symptom_find(vw->db, vw->w->name, &s, err);
	if (rc != WN_OK)
		return rc;
	wn_date cut = vw->t->n_cuts ? vw->t->cuts[0].date : WN_DATE_NONE;
	enum wn_onset o = wn_insight_onset(s.first_seen, cut, s.preexisting);
	char a[WN_DATE_STRLEN], b[WN_DATE_STRLEN];
	outf(vw, "Onset     %s", wn_insight_onset_name(o));
	if (s.preexisting)
		outf(vw, " (marked so)");
	else if (o == WN_ONSET_NEW)
		outf(vw, ": first on %s, day %ld after the first cut",
		     wn_date_format(s.first_seen, a), s.first_seen - cut);
	else if (o == WN_ONSET_PRE)
		outf(vw, ": first on %s, before the first cut (%s)",
		     wn_date_format(s.first_seen, a), wn_date_format(cut, b));
	else if (o == WN_ONSET_NOCUT)
		outf(vw, ": first on %s", wn_date_format(s.first_seen, a));
	outf(vw, "\n");
	return WN_OK;
}

/* ---- dose: planned against taken ------------------------------------------------------ */

static void print_deviation(const struct view *vw, const struct wn_plan_day *d)
{
	char day[WN_DATE_STRLEN], p[48], t[48];
	const char *unit = vw->w->unit;
	if (d->pv == WN_PV_MISSED)
		outf(vw, "  %s  missed (planned %s)\n", wn_date_format(d->date, day),
		     dose_text(d->planned, unit, p, sizeof p));
	else
		outf(vw, "  %s  took %s, planned %s\n", wn_date_format(d->date, day),
		     dose_text(d->taken, unit, t, sizeof t), dose_text(d->planned, unit, p, sizeof p));
}

static void print_pv(const struct view *vw, const struct wn_plan_day *days, size_t n)
{
	int count[WN_PV_NOPLAN + 1] = { 0 };
	for (size_t i = 0; i < n; i++)
		count[days[i].pv]++;
	int dev = count[WN_PV_MISSED] + count[WN_PV_EXTRA] + count[WN_PV_DIFFERENT];
	outf(vw, "Planned against taken: %d day%s as planned, %d deviation%s, %d day%s "
	     "without a record", count[WN_PV_OK], count[WN_PV_OK] == 1 ? "" : "s",
	     dev, dev == 1 ? "" : "s", count[WN_PV_NODATA], count[WN_PV_NODATA] == 1 ? "" : "s");
	if (count[WN_PV_NOPLAN])
		outf(vw, ", %d before the plan", count[WN_PV_NOPLAN]);
	outf(vw, "\n");
	int shown = 0;
	for (size_t i = 0; i < n && shown < 10; i++)
		if (days[i].pv == WN_PV_MISSED || days[i].pv == WN_PV_EXTRA ||
		    days[i].pv == WN_PV_DIFFERENT) {
			print_deviation(vw, &days[i]);
			shown++;
		}
	if (dev > shown)
		outf(vw, "  and %d more\n", dev - shown);
}

static int print_dose(const struct view *vw, struct wn_err *err)
{
	if (!vw->t->have_overlay) {
		outf(vw, "No taper plan for %s.\n", vw->w->name);
		return WN_OK;
	}
	size_t n = (size_t)(vw->r.to - vw->r.from + 1);
	struct wn_plan_day *days = malloc(n * sizeof *days);
	if (!days)
		return wn_err_set(err, WN_ERR, "out of memory");
	struct wn_plan_range pr = { .plan = &vw->t->plan, .sched = &vw->t->sched,
	                            .from = vw->r.from, .to = vw->r.to };
	int rc = wn_plan_days(vw->db, &pr, days, err);
	if (rc == WN_OK)
		print_pv(vw, days, n);
	free(days);
	return rc;
}

static int print_insight(const struct view *vw, struct wn_err *err)
{
	outf(vw, "\n");
	if (vw->w->kind == WN_SERIES_DOSE)
		return print_dose(vw, err);
	int rc = WN_OK;
	if (vw->w->kind == WN_SERIES_SYMPTOM)
		rc = print_onset(vw, err);
	if (rc != WN_OK)
		return rc;
	print_baseline(vw);
	print_trend(vw);
	rc = print_steps(vw, err);
	if (rc == WN_OK && vw->w->kind == WN_SERIES_BURDEN)
		rc = print_waves(vw, err);
	return rc;
}

/* ---- the chart ------------------------------------------------------------------------- */

struct draw {
	const struct wn_series_what *w;
	struct range r;
	const double *v;
	const struct taper *t;
	int width, height;
	bool ascii;
};

/* The planned dose of the overlay plan, day by day (NAN outside it). */
static double *planned_days(const struct taper *t, struct range r)
{
	size_t n = (size_t)(r.to - r.from + 1);
	double *p = malloc(n * sizeof *p);
	for (size_t i = 0; p && i < n; i++)
		p[i] = wn_plan_planned_on(&t->plan, &t->sched, r.from + (wn_date)i);
	return p;
}

static int render(struct wn_cli *c, const struct draw *d, struct wn_err *err)
{
	char title[WN_NAME_MAX + 8];
	wn_date *steps = malloc((d->t->n_cuts + 1) * sizeof *steps);
	bool overlay = d->w->kind == WN_SERIES_BURDEN && d->t->have_overlay;
	double *planned = overlay ? planned_days(d->t, d->r) : NULL;
	if (!steps || (overlay && !planned)) {
		free(steps);
		free(planned);
		return wn_err_set(err, WN_ERR, "out of memory");
	}
	struct wn_chart_series s = { .start = d->r.from, .n = (size_t)(d->r.to - d->r.from + 1),
	                             .v = d->v, .lo = d->w->lo, .hi = d->w->hi, .unit = d->w->unit };
	struct wn_chart_series ov = { .start = d->r.from, .n = s.n, .v = planned,
	                              .unit = d->t->med.unit, .name = d->t->med.name };
	struct wn_chart_opts o = {
		.width = d->width, .height = d->height, .ascii = d->ascii,
		.moving_average = d->w->kind != WN_SERIES_DOSE,
		.title = wn_series_title(d->w, title, sizeof title),
		.overlay = overlay ? &ov : NULL,
		.steps = steps, .nsteps = cut_dates(d->t, d->r.to, steps),
	};
	struct wn_chart_buf b;
	char *text = NULL;
	wn_chart_buf_init(&b);
	int rc = wn_chart_line(&b, &s, &o, err);
	if (rc == WN_OK)
		rc = wn_chart_text(&b, &text, err);
	if (rc == WN_OK)
		fputs(text, c->out);
	free(text);
	wn_chart_buf_free(&b);
	free(steps);
	free(planned);
	return rc;
}

/* ---- the command ------------------------------------------------------------------------ */

static int load(struct wn_db *db, const struct wn_series_req *q, double **out,
                struct wn_err *err)
{
	*out = malloc((size_t)(q->to - q->from + 1) * sizeof **out);
	if (!*out)
		return wn_err_set(err, WN_ERR, "out of memory");
	return wn_series_load(db, q, *out, err);
}

/* The insight series reaches back to the baseline before the first cut. */
static int insight_range(struct view *vw, double **own, struct wn_err *err)
{
	struct range r = vw->r;
	if (vw->n_cuts && vw->cuts[0] - WN_INSIGHT_BASELINE_DAYS < r.from)
		r.from = vw->cuts[0] - WN_INSIGHT_BASELINE_DAYS;
	if (r.to - r.from >= WN_SERIES_MAX_DAYS)
		r.from = r.to - WN_SERIES_MAX_DAYS + 1;
	*own = NULL;
	vw->ins = (struct wn_insight_series){ .start = r.from,
	                                      .n = (size_t)(r.to - r.from + 1), .v = vw->v };
	if (r.from == vw->r.from)
		return WN_OK;
	const struct wn_series_req q = { .what = vw->w, .from = r.from, .to = r.to };
	int rc = load(vw->db, &q, own, err);
	vw->ins.v = *own;
	return rc;
}

struct job {
	struct wn_db *db;
	struct wn_series_what w;
	struct range r;
	int width, height;
};

static int run_chart(struct wn_cli *c, const struct job *j, struct wn_err *err)
{
	double *v = NULL, *longer = NULL;
	struct taper t;
	wn_date *cuts = NULL;
	const struct wn_series_req q = { .what = &j->w, .from = j->r.from, .to = j->r.to };
	int rc = load(j->db, &q, &v, err);
	if (rc == WN_OK)
		rc = load_taper(j->db, &j->w, &t, err);
	else
		memset(&t, 0, sizeof t);
	if (rc == WN_OK && !(cuts = malloc((t.n_cuts + 1) * sizeof *cuts)))
		rc = wn_err_set(err, WN_ERR, "out of memory");
	struct view vw = { .o = { c, c->cfg.ascii }, .db = j->db, .w = &j->w, .r = j->r,
	                   .v = v, .t = &t, .cuts = cuts };
	if (rc == WN_OK) {
		vw.n_cuts = cut_dates(&t, j->r.to, cuts);
		rc = insight_range(&vw, &longer, err);
	}
	struct draw d = { .w = &j->w, .r = j->r, .v = v, .t = &t, .width = j->width,
	                  .height = j->height, .ascii = c->cfg.ascii };
	if (rc == WN_OK)
		rc = render(c, &d, err);
	if (rc == WN_OK)
		rc = print_insight(&vw, err);
	free(longer);
	free(cuts);
	free(v);
	taper_free(&t);
	return rc;
}

int wn_cmd_chart(struct wn_cli *c, int argc, char **argv, struct wn_err *err)
{
	struct chart_args a = { .what_len = 0 };
	struct wn_cli_parse p = { .opts = chart_opts, .positional = c_word, .ctx = &a,
	                          .command = "chart" };
	struct job j = { 0 };
	int rc = wn_cli_parse_args(&p, argc, argv, err);
	if (rc != WN_OK || a.help) {
		if (a.help)
			wn_cli_command_help(c->out, "chart", CHART_ARGS, chart_opts);
		return rc;
	}
	if (a.what_too_long)
		return usage(err, "chart: the name of the series is too long");
	if (!a.what_len)
		return usage(err, "chart: say what to chart: mood, anxiety, energy, sleep, "
		             "burden, a symptom, a custom metric or dose:MED");
	if ((rc = resolve_size(&a, &j.width, &j.height, err)) != WN_OK ||
	    (rc = resolve_range(c, &a, &j.r, err)) != WN_OK ||
	    (rc = wn_cli_db(c, false, &j.db, err)) != WN_OK ||
	    (rc = wn_series_parse_what(&(struct wn_series_names){ j.db, &c->cfg },
	                               a.what, &j.w, err)) != WN_OK)
		return rc;
	return run_chart(c, &j, err);
}
