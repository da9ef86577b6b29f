/* SPDX-License-Identifier: GPL-3.0-or-later */
/* chart.c (cli) -- `wean chart WHAT`: a trend chart on stdout, the taper's
 * steps marked, and below it what the series says about the taper
 * (insight.h): baseline against now, mean by days since each cut, and for
 * the burden its windows and waves; for a symptom whether it is new since
 * the taper; for a dose, planned against taken.  Loading, drawing and the
 * figures are chartview.h's, shared with the Charts screen. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/chart.h"
#include "db/chartdata.h"
#include "cli_int.h"
#include "db/series.h"
#include "db/db.h"
#include "core/text.h"
#include "core/wrap.h"

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
	{ "from", "DATE", c_from, "first day (default 90 days before --to, or the first record)" },
	{ "to", "DATE", c_to, "last day (default today)" },
	{ "all", NULL, c_all, "everything in the diary" },
	{ "width", "W", c_width, "columns, 40-1000 (default $COLUMNS or 80)" },
	{ "height", "H", c_height, "rows of the chart, 8-200 (default 20)" },
	{ "help", NULL, c_help, "show this help" },
	{ 0 }
};

#define CHART_ARGS "WHAT [--days N | --from DATE --to DATE | --all] [--width W] [--height H]"
const struct wn_cli_spec wn_cli_spec_chart = { .args = CHART_ARGS, .opts = chart_opts };

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
	int rc = wn_cli_db(c, false, &db, err);
	if (rc == WN_OK)
		rc = wn_chartdata_span(db, c->today, MAX_DAYS, &r->from, &r->to, err);
	return rc;
}

/* Without --days or --from: 90 days, or from the first record when the
 * diary is younger. */
static int default_from(struct wn_cli *c, struct range *r, struct wn_err *err)
{
	struct wn_db *db;
	int rc = wn_cli_db(c, false, &db, err);
	if (rc == WN_OK)
		rc = wn_chartdata_default_from(db, r->to, DEFAULT_DAYS, &r->from, err);
	return rc;
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
	if (rc == WN_OK && !a->days && !a->from)
		rc = default_from(c, r, err);
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

/* ---- output --------------------------------------------------------------------------- */

/* Prints s, transliterated to ASCII when needed. */
static void put(struct wn_cli *c, const char *s)
{
	if (!c->cfg.ascii) {
		fputs(s, c->out);
		return;
	}
	char *a = wn_text_to_ascii(s, strlen(s));
	fputs(a ? a : "?", c->out);
	free(a);
}

static int print_chart(struct wn_cli *c, const struct wn_chartview *cv,
                       const struct wn_chartview_size *sz, struct wn_err *err)
{
	struct wn_chart_buf b;
	char *text = NULL;
	wn_chart_buf_init(&b);
	int rc = wn_chartview_render(cv, sz, &b, err);
	if (rc == WN_OK)
		rc = wn_chart_text(&b, &text, err);
	if (rc == WN_OK)
		fputs(text, c->out);
	free(text);
	wn_chart_buf_free(&b);
	return rc;
}

#define WRAP_LINES 64

/* One line of the text, wrapped to width: continuation lines are
 * indented to where the first line's text begins after its label
 * ("Trend     ...") or by two. */
static void put_line_wrapped(struct wn_cli *c, const char *line, int width)
{
	size_t lead = strspn(line, " ");
	size_t label = lead + strcspn(line + lead, " ");
	size_t indent = label + strspn(line + label, " ");
	if (indent >= (size_t)width / 2 || indent > 12)
		indent = 2;
	struct wn_wrap_line l[1];
	size_t off = 0, total = strlen(line);
	if (total == 0)
		fputc('\n', c->out);
	for (int k = 0; off < total && k < WRAP_LINES; k++) {
		const char *rest = line + off;
		wn_wrap(rest, k ? width - (int)indent : width, l, 1);
		size_t len = l[0].len ? l[0].len : strlen(rest);
		size_t shown = len;
		while (shown && rest[shown - 1] == ' ')
			shown--;
		fprintf(c->out, "%*s%.*s\n", k ? (int)indent : 0, "", (int)shown, rest);
		off += len;
		off += strspn(line + off, " ");
	}
}

/* What the series says about the taper, below the chart, wrapped to the
 * chart's width. */
static int print_insight(struct wn_cli *c, const struct wn_chartview *cv, int width,
                         struct wn_err *err)
{
	struct wn_buf b;
	wn_buf_init(&b);
	int rc = wn_chartview_insight(cv, &b, err);
	if (rc == WN_OK) {
		put(c, "\n");
		for (char *line = b.s, *nl; line && *line; line = nl ? nl + 1 : NULL) {
			nl = strchr(line, '\n');
			if (nl)
				*nl = '\0';
			put_line_wrapped(c, line, width);
		}
	}
	wn_buf_free(&b);
	return rc;
}

/* ---- the command ------------------------------------------------------------------------ */

struct job {
	struct wn_db *db;
	struct wn_series_what w;
	struct range r;
	int width, height;
};

static int run_chart(struct wn_cli *c, const struct job *j, struct wn_err *err)
{
	struct wn_chartview cv;
	const struct wn_chartview_req q = { .what = &j->w, .from = j->r.from, .to = j->r.to,
	                                    .width = j->width };
	const struct wn_chartview_size sz = { j->width, j->height, c->cfg.ascii };
	int rc = wn_chartdata_load(j->db, &q, &cv, err);
	if (rc == WN_OK)
		rc = print_chart(c, &cv, &sz, err);
	if (rc == WN_OK)
		rc = print_insight(c, &cv, j->width, err);
	wn_chartview_free(&cv);
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
