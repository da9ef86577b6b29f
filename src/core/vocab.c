/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vocab.c (core) -- the one vocabulary of a day's status; see vocab.h. */
#include "core/vocab.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/text.h"

#define SAME_DOSE 1e-6

/* ---- recorded --------------------------------------------------------------- */

bool wn_vocab_recorded(const struct wn_vocab_facts *f)
{
	return f->checkin || f->ratings > 0 || f->metrics > 0 || f->doses > 0 ||
	       f->qnotes > 0 || f->questions > 0;
}

void wn_vocab_facts_of_day(const struct wn_day *d, struct wn_vocab_facts *f)
{
	*f = (struct wn_vocab_facts){
		.checkin = d->ci.exists, .ratings = (int)d->n_ratings,
		.metrics = (int)d->n_metrics, .doses = (int)d->n_doses,
		.qnotes = (int)d->n_qnotes, .questions = (int)d->n_questions,
	};
}

bool wn_vocab_summary_recorded(const struct wn_day_summary *s)
{
	/* n_other stands for a metric value, a quick note or a question */
	struct wn_vocab_facts f = { .checkin = s->has_checkin, .ratings = s->n_ratings,
	                            .doses = s->n_doses, .metrics = s->n_other };
	return wn_vocab_recorded(&f);
}

double wn_vocab_burden(int n_ratings, double sum)
{
	return n_ratings > 0 ? sum : NAN;
}

/* ---- a planned dose ------------------------------------------------------------ */

enum wn_dose_status wn_vocab_dose(double planned, double taken, int n_doses)
{
	if (isnan(planned))
		return WN_DOSE_NOT_PLANNED;
	if (n_doses <= 0)
		return planned > SAME_DOSE ? WN_DOSE_NOT_RECORDED : WN_DOSE_NOT_PLANNED;
	if (fabs(taken - planned) <= SAME_DOSE)
		return WN_DOSE_AS_PLANNED;
	return taken <= SAME_DOSE ? WN_DOSE_SKIPPED : WN_DOSE_DIFFERENT;
}

static const char *const words[WN_DOSE_N] = {
	[WN_DOSE_AS_PLANNED] = "as planned", [WN_DOSE_DIFFERENT] = "different",
	[WN_DOSE_SKIPPED] = "skipped", [WN_DOSE_NOT_RECORDED] = "not recorded",
	[WN_DOSE_NOT_PLANNED] = "not planned",
};

const char *wn_vocab_dose_word(enum wn_dose_status s)
{
	return (unsigned)s < WN_DOSE_N ? words[s] : "?";
}

enum wn_dose_status wn_vocab_dose_parse(const char *word)
{
	for (int s = 0; word && s < WN_DOSE_N; s++)
		if (strcmp(word, words[s]) == 0)
			return (enum wn_dose_status)s;
	return WN_DOSE_N;
}

const char *wn_vocab_dose_mark(enum wn_dose_status s)
{
	switch (s) {
	case WN_DOSE_DIFFERENT: return "~";
	case WN_DOSE_SKIPPED: return "s";
	case WN_DOSE_NOT_RECORDED: return "-";
	default: return "";
	}
}

bool wn_vocab_dose_deviates(enum wn_dose_status s)
{
	return s == WN_DOSE_DIFFERENT || s == WN_DOSE_SKIPPED;
}

bool wn_vocab_dose_recorded(enum wn_dose_status s)
{
	return s == WN_DOSE_AS_PLANNED || s == WN_DOSE_DIFFERENT || s == WN_DOSE_SKIPPED;
}

/* "90 mg", "90" without a unit. */
static void amount(double v, const char *unit, char *buf, size_t n)
{
	char num[32];
	wn_text_num(v, 3, num, sizeof num);
	snprintf(buf, n, "%s%s%s", num, unit && *unit ? " " : "", unit ? unit : "");
}

void wn_vocab_dose_cell(const struct wn_vocab_dose_in *d, char *buf, size_t n)
{
	char a[64];
	bool has = wn_vocab_dose_recorded(d->status) ||
	           (d->status == WN_DOSE_NOT_PLANNED && isfinite(d->taken));
	if (!has) {
		snprintf(buf, n, "-");
		return;
	}
	const char *mark = wn_vocab_dose_mark(d->status);
	amount(d->taken, d->unit, a, sizeof a);
	snprintf(buf, n, "%s%s%s", a, *mark ? " " : "", mark);
}

void wn_vocab_dose_detail(const struct wn_vocab_dose_in *d, char *buf, size_t n)
{
	char t[64], p[64];
	amount(d->taken, d->unit, t, sizeof t);
	amount(d->planned, d->unit, p, sizeof p);
	switch (d->status) {
	case WN_DOSE_AS_PLANNED:
		snprintf(buf, n, "%s, as planned", t);
		break;
	case WN_DOSE_DIFFERENT:
		snprintf(buf, n, "%s, %s than planned (%s)", t,
		         d->taken > d->planned ? "higher" : "lower", p);
		break;
	case WN_DOSE_SKIPPED:
		snprintf(buf, n, "skipped (planned %s)", p);
		break;
	case WN_DOSE_NOT_RECORDED:
		snprintf(buf, n, "not recorded (planned %s)", p);
		break;
	default:
		if (isfinite(d->taken))
			snprintf(buf, n, "%s (nothing planned)", t);
		else
			snprintf(buf, n, "nothing planned");
	}
}

void wn_vocab_counts_text(const int count[WN_DOSE_N], char *buf, size_t n)
{
	size_t len = 0;
	if (n == 0)
		return;
	buf[0] = '\0';
	for (int s = 0; s < WN_DOSE_NOT_PLANNED && len < n; s++)
		if (count[s] > 0)
			len += (size_t)snprintf(buf + len, n - len, "%s%d %s", len ? ", " : "",
			                        count[s], words[s]);
}

/* ---- the time at a dose -------------------------------------------------------- */

void wn_vocab_at_dose(wn_date day, wn_date since, double dose, const char *unit,
                      char *buf, size_t n)
{
	char a[64], d[WN_DATE_STRLEN];
	amount(dose, unit, a, sizeof a);
	snprintf(buf, n, "day %ld at %s, since %s", (long)(day - since + 1), a,
	         wn_date_format(since, d));
}

/* ---- marks ----------------------------------------------------------------------- */

static const struct wn_vocab_mark marks[] = {
	{ "!", "flagged for the prescriber", "Calendar, Journal, log" },
	{ "~", "a dose different from the plan (higher or lower)",
	  "Calendar, Journal, log" },
	{ "s", "a dose skipped: recorded as not taken", "Calendar, Journal, log" },
	{ "-", "not recorded (a value, or a planned dose)",
	  "Calendar, Journal, log, show" },
	{ "?", "no record: nothing was entered that day", "Calendar, Journal, log" },
	{ "Q", "a question for the prescriber was written that day", "Journal" },
	{ "*", "a taper step", "Calendar" },
	{ "%", "the plan review has a finding on that step", "Calendar" },
	{ "H", "the taper is on hold", "Calendar" },
	{ "[ ]", "today", "Calendar" },
	{ ". : + #", "symptom burden 1-4, 5-9, 10-19, 20 or more (without colour)",
	  "Calendar" },
};

const struct wn_vocab_mark *wn_vocab_marks(size_t *n)
{
	*n = sizeof marks / sizeof *marks;
	return marks;
}

void wn_vocab_day_parts(const struct wn_vocab_facts *f, char *buf, size_t n)
{
	const struct { int count; const char *one, *many; } part[] = {
		{ f->ratings, "symptom rating", "symptom ratings" },
		{ f->metrics, "value", "values" },
		{ f->doses, "dose", "doses" },
		{ f->qnotes, "quick note", "quick notes" },
	};
	size_t len = (size_t)snprintf(buf, n, "%s", f->checkin ? "the check-in" : "");
	for (size_t i = 0; i < sizeof part / sizeof *part && len < n; i++)
		if (part[i].count > 0)
			len += (size_t)snprintf(buf + len, n - len, "%s%d %s", len ? ", " : "",
			                        part[i].count, part[i].count == 1 ? part[i].one :
			                        part[i].many);
}
