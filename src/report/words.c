/* SPDX-License-Identifier: GPL-3.0-or-later */
/* words.c (report) -- the sentences of the prescriber report, shared by the
 * Markdown, text and HTML renderers (see report.h).  Each one is plain
 * text without markup, with any diary text in it raw: a renderer escapes
 * the whole sentence for its format. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report/report.h"
#include "core/plan.h"
#include "core/vocab.h"

bool wn_report_empty(const struct wn_report *r)
{
	if (r->n_recorded > 0 || r->m[WN_REPORT_M_BURDEN].days > 0 || r->n_notes > 0)
		return false;
	for (size_t i = 0; i < r->n_meds; i++)
		for (int k = 0; k < r->n_days; k++)
			if (isfinite(r->meds[i].taken_days[k]))
				return false;
	return true;
}

char *wn_report_fmt1(double v, char *buf, size_t n)
{
	if (!isfinite(v))
		snprintf(buf, n, "-");
	else
		snprintf(buf, n, "%.1f", fabs(v) < 0.05 ? 0.0 : v);
	return buf;
}

/* "in this range", or "since the diary began on DATE" when the range
 * starts before the diary: the days before it are not counted. */
static void counted_words(const struct wn_report *r, char *buf, size_t n)
{
	char a[WN_DATE_STRLEN];
	if (r->counted_from > r->from)
		snprintf(buf, n, "since the diary began on %s", wn_date_format(r->counted_from, a));
	else
		snprintf(buf, n, "in this range");
}

static void gaps_text(const struct wn_report *r, struct wn_buf *b)
{
	char a[WN_DATE_STRLEN], c[WN_DATE_STRLEN];
	if (r->n_gaps > 0 && r->n_gaps <= WN_REPORT_LIST_MAX && r->n_missing < r->n_counted) {
		wn_buf_adds(b, ": ");
		for (size_t i = 0; i < r->n_gaps; i++) {
			const struct wn_report_gap *g = &r->gaps[i];
			wn_buf_addf(b, "%s%s", i ? ", " : "", wn_date_format(g->from, a));
			if (g->to > g->from)
				wn_buf_addf(b, " to %s", wn_date_format(g->to, c));
		}
	} else if (r->n_gaps > WN_REPORT_LIST_MAX) {
		long longest = 0;
		for (size_t i = 0; i < r->n_gaps; i++)
			if (r->gaps[i].to - r->gaps[i].from + 1 > longest)
				longest = r->gaps[i].to - r->gaps[i].from + 1;
		wn_buf_addf(b, ", in %zu separate gaps; the longest lasted %ld %s", r->n_gaps,
		            longest, wn_report_plural(longest, "day", "days"));
	}
}

void wn_report_missing_text(const struct wn_report *r, struct wn_buf *b)
{
	char a[WN_DATE_STRLEN], span[64];
	const char *days = wn_report_plural(r->n_counted, "day", "days");
	if (r->n_counted == 0) {
		wn_buf_adds(b, "Nothing was recorded in this range");
		if (r->first_day != WN_DATE_NONE)
			wn_buf_addf(b, "; the diary begins on %s", wn_date_format(r->first_day, a));
		wn_buf_adds(b, ".");
		return;
	}
	counted_words(r, span, sizeof span);
	if (r->n_missing == 0 || r->n_recorded == 0) {
		wn_buf_addf(b, "%s %d %s %s.", r->n_missing ? "No record on any of the" :
		            "Recorded on every one of the", r->n_counted, days, span);
		return;
	}
	wn_buf_addf(b, "Recorded on %d of the %d %s %s; no record on %d (%.0f%%)",
	            r->n_recorded, r->n_counted, days, span, r->n_missing,
	            100.0 * r->n_missing / r->n_counted);
	gaps_text(r, b);
	wn_buf_adds(b, ".");
}

void wn_report_counted_note(const struct wn_report *r, struct wn_buf *b)
{
	char a[WN_DATE_STRLEN];
	if (r->counted_from > r->from && r->n_counted > 0)
		wn_buf_addf(b, "The days before the diary began on %s are not counted.",
		            wn_date_format(r->counted_from, a));
}

void wn_report_questions_more_text(const struct wn_report *r, struct wn_buf *b)
{
	char a[WN_DATE_STRLEN], c[WN_DATE_STRLEN];
	size_t n = r->older_omitted;
	if (n == 0)
		return;
	wn_buf_addf(b, "And %zu older open %s, asked ", n,
	            wn_report_plural((long)n, "question", "questions"));
	if (r->older_omitted_from == r->older_omitted_to)
		wn_buf_addf(b, "on %s", wn_date_format(r->older_omitted_from, a));
	else
		wn_buf_addf(b, "from %s to %s", wn_date_format(r->older_omitted_from, a),
		            wn_date_format(r->older_omitted_to, c));
	wn_buf_addf(b, ", %s not listed here.", n == 1 ? "is" : "are");
}

static void planned_part(const struct wn_report *r, const struct wn_report_med *m,
                         struct wn_buf *b)
{
	char a[64], c[64], d1[WN_DATE_STRLEN], d2[WN_DATE_STRLEN];
	const char *u = m->med.unit;
	if (!m->has_plan) {
		wn_buf_adds(b, "no taper plan");
		return;
	}
	if (!isfinite(m->planned)) {
		wn_buf_addf(b, "the plan starts on %s at %s", wn_date_format(m->plan_start, d1),
		            wn_report_dose(m->start_dose, u, a, sizeof a));
		return;
	}
	char at[128];
	wn_buf_addf(b, "planned %s on %s", wn_report_dose(m->planned, u, a, sizeof a),
	            wn_date_format(r->to, d1));
	if (!(m->start_dose > 0))
		wn_buf_addf(b, ", up from %s at the plan's start (%s)",
		            wn_report_dose(m->start_dose, u, c, sizeof c), wn_date_format(m->plan_start, d2));
	else if (m->pct_reduced >= 0.5)
		wn_buf_addf(b, ", %.0f%% below the starting dose of %s (%s)", m->pct_reduced,
		            wn_report_dose(m->start_dose, u, c, sizeof c), wn_date_format(m->plan_start, d2));
	else if (m->pct_reduced <= -0.5)
		wn_buf_addf(b, ", %.0f%% above the starting dose of %s (%s)", -m->pct_reduced,
		            wn_report_dose(m->start_dose, u, c, sizeof c), wn_date_format(m->plan_start, d2));
	else
		wn_buf_addf(b, ", the starting dose (since %s)", wn_date_format(m->plan_start, d2));
	wn_vocab_at_dose(r->to, m->step_since, m->planned, u, at, sizeof at);
	wn_buf_addf(b, "; %s", at);
}

void wn_report_med_text(const struct wn_report *r, const struct wn_report_med *m,
                        struct wn_buf *b)
{
	char a[64], d1[WN_DATE_STRLEN], plan[200];
	planned_part(r, m, b);
	if (m->last_date != WN_DATE_NONE)
		wn_buf_addf(b, ". Last taken: %s on %s",
		            wn_report_dose(m->last_taken, m->med.unit, a, sizeof a),
		            wn_date_format(m->last_date, d1));
	else
		wn_buf_adds(b, ". No dose recorded");
	if (m->hold_since != WN_DATE_NONE)
		wn_buf_addf(b, ". On hold since %s", wn_date_format(m->hold_since, d1));
	else if (m->next_date != WN_DATE_NONE)
		wn_buf_addf(b, ". Next step: %s on %s",
		            wn_report_dose(m->next_dose, m->med.unit, a, sizeof a),
		            wn_date_format(m->next_date, d1));
	if (m->has_plan) {
		wn_report_plan_text(m, plan, sizeof plan);
		wn_buf_addf(b, ". Plan: %s", plan);
	}
	wn_buf_adds(b, ".");
}

void wn_report_event_text(const struct wn_report *r, const struct wn_report_med *m,
                          const struct wn_plan_event *e, struct wn_buf *b)
{
	char a[WN_DATE_STRLEN], c[WN_DATE_STRLEN], n[64];
	if (e->kind == WN_PLAN_REINSTATE)
		wn_buf_addf(b, "Went back up to %s on %s",
		            wn_report_dose(e->dose, m->med.unit, n, sizeof n), wn_date_format(e->start, a));
	else if (e->end == WN_DATE_NONE)
		wn_buf_addf(b, "On hold since %s (still on hold on %s)", wn_date_format(e->start, a),
		            wn_date_format(r->to, c));
	else
		wn_buf_addf(b, "Held from %s to %s (%ld %s)", wn_date_format(e->start, a),
		            wn_date_format(e->end, c), (long)(e->end - e->start),
		            wn_report_plural(e->end - e->start, "day", "days"));
	if (e->reason && *e->reason)
		wn_buf_addf(b, ": %s", e->reason);
	else
		wn_buf_adds(b, ".");
}

static int count_deviations(const struct wn_report_med *m)
{
	return m->dose[WN_DOSE_DIFFERENT] + m->dose[WN_DOSE_SKIPPED];
}

enum wn_dose_status wn_report_day_dose(const struct wn_report_med *m, int i)
{
	double tk = m->taken_days[i];
	return wn_vocab_dose(m->planned_days[i], tk, isfinite(tk) ? 1 : 0);
}

bool wn_report_deviation_text(const struct wn_report *r, const struct wn_report_med *m,
                              struct wn_buf *b)
{
	char a[WN_DATE_STRLEN], t[160];
	int total = count_deviations(m), shown = 0;
	if (total == 0 || total > WN_REPORT_LIST_MAX)
		return false;
	wn_buf_addf(b, "%s, %s not as planned: ", m->med.name,
	            wn_report_plural(total, "the day", "the days"));
	for (int i = 0; i < r->n_days; i++) {
		struct wn_vocab_dose_in in = { .status = wn_report_day_dose(m, i),
		                               .planned = m->planned_days[i],
		                               .taken = m->taken_days[i], .unit = m->med.unit };
		if (!wn_vocab_dose_deviates(in.status))
			continue;
		wn_vocab_dose_detail(&in, t, sizeof t);
		wn_buf_addf(b, "%s%s %s", shown++ ? "; " : "", wn_date_format(r->from + i, a), t);
	}
	wn_buf_adds(b, ".");
	return true;
}

void wn_report_baseline_text(const struct wn_report *r, struct wn_buf *b)
{
	char a[WN_DATE_STRLEN];
	if (r->first_cut != WN_DATE_NONE)
		wn_buf_addf(b, "Before taper: mean of the %d days before the first cut on %s. ",
		            WN_INSIGHT_BASELINE_DAYS, wn_date_format(r->first_cut, a));
	else
		wn_buf_adds(b, "No taper step has been taken yet, so there is no before-taper "
		            "figure. ");
	wn_buf_addf(b, "Last 14 days: the %d days to %s. Period: all days with data in the "
	            "range. Burden is the sum of the day's symptom ratings (each 0-3): higher "
	            "is worse, as for anxiety; for mood and sleep higher is better.",
	            WN_INSIGHT_RECENT_DAYS, wn_date_format(r->to, a));
}

void wn_report_figures_text(const struct wn_report *r, wn_date day, struct wn_buf *b)
{
	static const struct { int k; const char *name, *unit; } f[] = {
		{ WN_REPORT_M_BURDEN, "burden", "" }, { WN_REPORT_M_MOOD, "mood", "" },
		{ WN_REPORT_M_SLEEP, "sleep", " h" },
	};
	char x[32];
	const char *sep = "";
	if (day < r->from || day > r->to)
		return;
	for (size_t j = 0; j < sizeof f / sizeof *f; j++) {
		double v = r->m[f[j].k].v[day - r->from];
		if (!isfinite(v))
			continue;
		wn_buf_addf(b, "%s%s %s%s", sep, f[j].name, wn_text_num(v, 3, x, sizeof x), f[j].unit);
		sep = ", ";
	}
}

const char *wn_report_onset_text(const struct wn_report_symptom *s)
{
	if (s->marked_pre)
		return "marked pre-existing";
	return s->onset == WN_ONSET_NEW ? "new since taper" : wn_insight_onset_name(s->onset);
}

/* ---- safety counts ---------------------------------------------------------- */

bool wn_report_safety_text(const struct wn_report *r, struct wn_buf *b)
{
	const struct wn_report_safety *s = &r->safety;
	char lim[16];
	if (!s->item_in_use && s->low_mood_days == 0)
		return false;
	snprintf(lim, sizeof lim, s->low_mood > 0 ? "%d or below" : "%d", s->low_mood);
	if (s->mood_days == 0)
		wn_buf_adds(b, "No mood was recorded in this period.");
	else if (s->low_mood_days == 0)
		wn_buf_addf(b, "Very low mood (%s): none of the %d %s with a mood recorded.",
		            lim, s->mood_days, wn_report_plural(s->mood_days, "day", "days"));
	else
		wn_buf_addf(b, "Very low mood (%s): %d of the %d %s with a mood recorded.", lim,
		            s->low_mood_days, s->mood_days,
		            wn_report_plural(s->mood_days, "day", "days"));
	if (!s->item_in_use)
		wn_buf_adds(b, " The optional item 'thoughts of harming yourself' is not in use.");
	else if (s->item_days == 0)
		wn_buf_adds(b, " 'Thoughts of harming yourself': not rated above 0.");
	else
		wn_buf_addf(b, " 'Thoughts of harming yourself' rated above 0 on %d %s.",
		            s->item_days, wn_report_plural(s->item_days, "day", "days"));
	return true;
}

bool wn_report_proposals_text(const struct wn_report *r, struct wn_buf *b)
{
	static const char *const fate[] = { "no answer recorded", "held", "dismissed" };
	char d[WN_DATE_STRLEN];
	if (r->n_proposals == 0)
		return false;
	wn_buf_addf(b, "wean's hold rules suggested considering a hold %zu %s: ",
	            r->n_proposals, wn_report_plural((long)r->n_proposals, "time", "times"));
	for (size_t i = 0; i < r->n_proposals; i++) {
		const struct wn_report_proposal *p = &r->proposals[i];
		wn_buf_addf(b, "%s%s (%s): %s, %s", i ? "; " : "", wn_date_format(p->date, d),
		            p->med, p->why, fate[p->state >= 0 && p->state < 3 ? p->state : 0]);
	}
	wn_buf_adds(b, ".");
	return true;
}

/* ---- the plan review ------------------------------------------------------- */

static bool any_source(const struct wn_report_med *m)
{
	for (size_t i = 0; i < m->n_reviews; i++) {
		if (m->reviews[i].sert.src[0])
			return true;
		for (size_t k = 0; k < m->reviews[i].n_findings; k++)
			if (m->reviews[i].findings[k].f.src[0])
				return true;
	}
	return false;
}

static bool has_hold(const struct wn_report_med *m)
{
	for (size_t i = 0; i < m->n_events; i++)
		if (m->events[i].kind == WN_PLAN_HOLD)
			return true;
	return false;
}

static void sert_words(const struct wn_review_sert *s, struct wn_buf *b)
{
	char e[32], d[32];
	const char *sep = " (";
	wn_buf_addf(b, " Estimated occupancy = Emax x dose / (ED50 + dose), with Emax %s%%, "
	            "ED50 %s mg", wn_text_num(s->emax, 2, e, sizeof e),
	            wn_text_num(s->ed50, 2, d, sizeof d));
	if (s->region[0]) {
		wn_buf_addf(b, "%s%s", sep, s->region);
		sep = "; ";
	}
	if (s->src[0]) {
		wn_buf_addf(b, "%ssources %s", sep, s->src);
		sep = "; ";
	}
	if (s->approximate) {
		wn_buf_addf(b, "%sapproximate", sep);
		sep = "; ";
	}
	wn_buf_adds(b, sep[0] == ';' ? ")." : ".");
}

void wn_report_review_intro(const struct wn_report_med *m, struct wn_buf *b)
{
	char d[WN_DATE_STRLEN];
	wn_buf_adds(b, "wean reviews the plan entered in it step by step, for reference only, "
	            "not as advice.");
	if (m->n_reviews && m->reviews[0].sert.emax > 0)
		sert_words(&m->reviews[0].sert, b);
	if (m->form_label[0] && !m->form_missing)
		wn_buf_addf(b, " Kept on one form: %s.", m->form_label);
	else if (m->form_label[0])
		wn_buf_addf(b, " The plan was kept on the form '%s', which is no longer recorded: "
		            "every recorded form is used.", m->form_label);
	if (m->agreed_on != WN_DATE_NONE)
		wn_buf_addf(b, " Agreed with the prescriber on %s (as recorded).",
		            wn_date_format(m->agreed_on, d));
	if (any_source(m))
		wn_buf_adds(b, " Ids in brackets name the sources listed in wean's drug reference "
		            "(drugs.ini).");
	if (has_hold(m))
		wn_buf_adds(b, " Its step dates are those the plan gave before holds moved them.");
}

void wn_report_review_counts(const struct wn_report_review *v, struct wn_buf *b)
{
	if (v->n_findings == 0) {
		wn_buf_adds(b, "No findings.");
		return;
	}
	wn_buf_addf(b, "Findings: %d %s, %d %s, %d %s.", v->n_warnings,
	            wn_report_plural(v->n_warnings, "warning", "warnings"), v->n_cautions,
	            wn_report_plural(v->n_cautions, "caution", "cautions"), v->n_notes,
	            wn_report_plural(v->n_notes, "note", "notes"));
}

void wn_report_finding_lead(const struct wn_report_finding *f, char *buf, size_t n)
{
	static const char *const tags[] = {
		[WN_REVIEW_INFO] = "NOTE", [WN_REVIEW_CAUTION] = "CAUTION",
		[WN_REVIEW_WARNING] = "WARNING",
	};
	const char *tag = (unsigned)f->f.level <= WN_REVIEW_WARNING ? tags[f->f.level] : "?";
	if (f->f.level != WN_REVIEW_WARNING)
		snprintf(buf, n, "%s:", tag);
	else if (f->acked)
		snprintf(buf, n, "%s, acknowledged on %s:", tag, f->acked_on);
	else
		snprintf(buf, n, "%s, not acknowledged:", tag);
}

void wn_report_finding_text(const struct wn_report_finding *f, struct wn_buf *b)
{
	wn_buf_adds(b, f->f.text);
	if (f->f.src[0])
		wn_buf_addf(b, " [%s]", f->f.src);
}

/* ---- formats and small words ------------------------------------------------ */

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

void wn_report_plan_text(const struct wn_report_med *m, char *buf, size_t n)
{
	char every[32], s[32];
	wn_plan_every_text(m->every_days, false, every, sizeof every);
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

int wn_report_write(const struct wn_report *r, const struct wn_report_opts *o,
                    struct wn_buf *out, struct wn_err *err)
{
	if (o->format == WN_REPORT_HTML)
		return wn_report_html(r, o, out, err);
	if (o->format == WN_REPORT_MD || o->format == WN_REPORT_TXT)
		return wn_report_text(r, o, out, err);
	return wn_err_set(err, WN_USAGE, "unknown report format");
}

void wn_report_switch_note(const struct wn_report_med *m, char *buf, size_t n)
{
	char d[WN_DATE_STRLEN];
	buf[0] = '\0';
	if (!m->has_plan || !m->has_switch)
		return;
	if (strcmp(m->med.name, m->switch_from) == 0)
		snprintf(buf, n, " Its drops are doses %s replaces one at a time (the switch"
		         " below), not cuts: the day's combined equivalent stays level.",
		         m->switch_to);
	else if (strcmp(m->med.name, m->switch_to) == 0)
		snprintf(buf, n, " Its rises are %s taking the place of %s's doses one at a"
		         " time (the switch below); its taper starts on %s.", m->switch_to,
		         m->switch_from, wn_date_format(m->switch_taper_from, d));
}
