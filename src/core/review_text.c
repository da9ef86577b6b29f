/* SPDX-License-Identifier: GPL-3.0-or-later */
/* review_text.c -- the plan review as text (command line, one-line
 * summary), the names of levels and kinds, and the one-form filter.
 * See core/review.h. */
#include "review_int.h"
#include "core/wrap.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define COLS 80
#define TAG_COLS 9             /* "WARNING  " */
#define MAX_LINES 64

const char *wn_review_level_name(enum wn_review_level l)
{
	static const char *const names[] = {
		[WN_REVIEW_INFO] = "info", [WN_REVIEW_CAUTION] = "caution",
		[WN_REVIEW_WARNING] = "warning",
	};
	return (unsigned)l < sizeof names / sizeof *names ? names[l] : "?";
}

const char *wn_review_kind_name(enum wn_review_kind k)
{
	static const char *const names[] = {
		[WN_REVIEW_ROUNDING_JUMP] = "rounding jump",
		[WN_REVIEW_ABSORBED] = "absorbed step",
		[WN_REVIEW_FINAL] = "final step",
		[WN_REVIEW_PACE] = "pace",
		[WN_REVIEW_FORM_SWITCH] = "form switch",
		[WN_REVIEW_OUTSIDE_FIT] = "outside the fitted range",
		[WN_REVIEW_NO_FORM] = "no form",
		[WN_REVIEW_UNDELIVERABLE] = "undeliverable dose",
		[WN_REVIEW_AFTER_REINSTATE] = "after going back up",
	};
	return (unsigned)k < sizeof names / sizeof *names ? names[k] : "?";
}

/* ---- wrapping ----------------------------------------------------------- */

/* Appends text (made ASCII) wrapped to COLS: the first line after `first`
 * (exactly `indent` columns wide), the others after `indent` blanks. */
static void add_wrapped(struct wn_buf *b, const char *first, int indent,
                        const char *text)
{
	char *a = wn_text_to_ascii(text, strlen(text));
	struct wn_wrap_line lines[MAX_LINES];
	if (!a) {
		b->failed = true;
		return;
	}
	size_t n = wn_wrap(a, COLS - indent, lines, MAX_LINES);
	n = n < MAX_LINES ? n : MAX_LINES;
	for (size_t i = 0; i < n; i++) {
		size_t len = lines[i].len;
		while (len && a[lines[i].off + len - 1] == ' ')
			len--;
		wn_buf_addf(b, "%-*s", indent, i ? "" : first);
		wn_buf_add(b, a + lines[i].off, len);
		wn_buf_addc(b, '\n');
	}
	free(a);
}

/* ---- the table of steps --------------------------------------------------- */

static void cell(struct wn_buf *b, const char *s, int cols)
{
	wn_text_pad(b, s, cols, WN_TEXT_ASCII);
	wn_buf_adds(b, "  ");
}

/* What the method asked at step i, in its own terms. */
static void asked_words(const struct wn_review *r, const struct wn_review_step *s,
                        char *buf, size_t n)
{
	char v[RV_NUM];
	switch (r->method) {
	case WN_TAPER_PERCENT:
	case WN_TAPER_OCCUPANCY:
		if (r->method == WN_TAPER_OCCUPANCY && isfinite(s->nominal_pts)) {
			snprintf(buf, n, "%s pts", rv_num(s->nominal_pts, 1, v));
			return;
		}
		snprintf(buf, n, "%s%%", rv_num(s->nominal_pct, 1, v));
		return;
	case WN_TAPER_LINEAR:
		snprintf(buf, n, "%s %s", rv_num(s->prev - s->nominal_dose, 4, v), r->unit);
		return;
	case WN_TAPER_CUSTOM:
		break;
	}
	snprintf(buf, n, "as listed");
}

static void step_row(struct wn_buf *b, const struct wn_review *r, int i)
{
	const struct wn_review_step *s = &r->steps[i];
	char t[64], d[WN_DATE_STRLEN], v[RV_NUM];
	wn_buf_addf(b, "%4d  ", i);
	cell(b, wn_date_format(s->date, d), 10);
	snprintf(t, sizeof t, "%s %s", rv_num(s->dose, 4, v), r->unit);
	cell(b, t, 10);
	if (i)
		asked_words(r, s, t, sizeof t);
	cell(b, i ? t : "-", 9);
	snprintf(t, sizeof t, "%s%%", rv_num(s->cut_pct, 1, v));
	cell(b, i ? t : "-", 7);
	cell(b, i && isfinite(s->cut_pts) ? rv_num(s->cut_pts, 1, v) : "-", 8);
	wn_text_fit(s->form_text[0] ? s->form_text : "-", 20, t, sizeof t, true);
	wn_buf_addf(b, "%s\n", t);
}

static void steps_table(struct wn_buf *b, const struct wn_review *r)
{
	wn_buf_adds(b, "\nstep  date        dose        asked      cut      points    form\n");
	for (int i = 0; i < r->n_steps; i++)
		step_row(b, r, i);
	wn_buf_adds(b, "asked = the cut the method asks for; cut = the cut after rounding, "
	            "% of the\ndose before; points = estimated occupancy points removed\n");
}

/* ---- the whole text ---------------------------------------------------------- */

static void counts_line(struct wn_buf *b, const struct wn_review *r)
{
	int notes = r->n_findings - r->n_warnings - r->n_cautions;
	if (r->n_findings == 0) {
		wn_buf_adds(b, "\nNo findings.\n");
		return;
	}
	wn_buf_addf(b, "\nFindings: %d warning%s, %d caution%s, %d note%s\n",
	            r->n_warnings, r->n_warnings == 1 ? "" : "s", r->n_cautions,
	            r->n_cautions == 1 ? "" : "s", notes, notes == 1 ? "" : "s");
}

static void finding_lines(struct wn_buf *b, const struct wn_review_finding *f,
                          const char *note)
{
	static const char *const tags[] = {
		[WN_REVIEW_INFO] = "NOTE", [WN_REVIEW_CAUTION] = "CAUTION",
		[WN_REVIEW_WARNING] = "WARNING",
	};
	char text[WN_REVIEW_TEXT + WN_REVIEW_SRC + 16];
	snprintf(text, sizeof text, "%s", f->text);
	if (f->src[0])
		rv_addf(text, sizeof text, " [%s]", f->src);
	if (note && *note)
		rv_addf(text, sizeof text, " (%s)", note);
	add_wrapped(b, tags[f->level], TAG_COLS, text);
}

int wn_review_text(const struct wn_review *r, bool with_steps, struct wn_buf *b)
{
	return wn_review_text_noted(r, &(struct wn_review_notes){ .with_steps = with_steps }, b);
}

int wn_review_text_noted(const struct wn_review *r, const struct wn_review_notes *o,
                         struct wn_buf *b)
{
	bool with_steps = o->with_steps;
	char occ[200];
	wn_buf_adds(b, "Review of the plan entered in wean (reference only, not advice)\n");
	if (r->sert.emax > 0) {
		rv_occ_words(&r->sert, occ, sizeof occ);
		char line[260];
		snprintf(line, sizeof line, "Estimated occupancy = Emax x dose / (ED50 + dose): "
		         "%s.", occ);
		add_wrapped(b, "", 0, line);
	}
	if (with_steps)
		steps_table(b, r);
	counts_line(b, r);
	for (int i = 0; i < r->n_findings; i++) {
		char note[WN_REVIEW_NOTE] = "";
		if (o->note)
			o->note(o->ctx, &r->findings[i], note, sizeof note);
		finding_lines(b, &r->findings[i], note);
	}
	wn_buf_adds(b, "Discuss every change with your prescriber.\n");
	return b->failed ? WN_ERR : WN_OK;
}

void wn_review_summary(const struct wn_review *r, char *buf, size_t n)
{
	const struct wn_review_finding *f = NULL;
	if (!buf || n == 0)
		return;
	buf[0] = '\0';
	for (int i = 0; r && i < r->n_findings && !f; i++)
		if (r->findings[i].level == r->worst)
			f = &r->findings[i];
	if (!f)
		return;
	int count = r->worst == WN_REVIEW_WARNING ? r->n_warnings : r->n_cautions;
	if (r->worst == WN_REVIEW_INFO)
		snprintf(buf, n, "%s", f->brief);
	else
		snprintf(buf, n, "%d %s%s: %s", count, wn_review_level_name(r->worst),
		         count == 1 ? "" : "s", f->brief);
}

/* ---- one form ------------------------------------------------------------------ */

static bool kind_named(enum wn_taper_kind k, const char *w)
{
	static const char *const words[][3] = {
		[WN_TAPER_TABLET] = { "tablet", "tablets", NULL },
		[WN_TAPER_CAPSULE] = { "capsule", "capsules", NULL },
		[WN_TAPER_LIQUID] = { "liquid", "liquids", NULL },
		[WN_TAPER_BEADS] = { "capsule", "capsules", NULL },
		[WN_TAPER_OTHER] = { NULL },
	};
	for (int i = 0; (unsigned)k <= WN_TAPER_OTHER && words[k][i]; i++)
		if (strcasecmp(words[k][i], w) == 0)
			return true;
	return false;
}

static bool names_form(const struct wn_form *f, const char *w)
{
	char text[WN_FORM_LABEL + 64];
	if (f->label[0] && strcasecmp(f->label, w) == 0)
		return true;
	wn_taper_form_format(f, text, sizeof text);
	return strcasecmp(text, w) == 0 || kind_named(f->kind, w);
}

static int none_named(const struct wn_form *forms, int n, const char *w,
                      struct wn_err *err)
{
	char list[256] = "", t[WN_FORM_LABEL + 64];
	for (int i = 0; i < n; i++) {
		wn_taper_form_format(&forms[i], t, sizeof t);
		rv_addf(list, sizeof list, "%s%s", i ? ", " : "", t);
	}
	wn_err_set(err, WN_DATAERR, "no recorded form is '%.60s'", w);
	wn_err_hint(err, "%s", n ? list : "no forms are recorded");
	return WN_DATAERR;
}

int wn_review_form_only(struct wn_form *forms, int *n, const char *label,
                        struct wn_err *err)
{
	char w[WN_FORM_LABEL + 64];
	const char *s = label ? label + strspn(label, " \t") : "";
	size_t len = strlen(s);
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len == 0 || len >= sizeof w)
		return wn_err_set(err, WN_USAGE, "give a form such as 'tablet' or 'liquid'");
	memcpy(w, s, len);
	w[len] = '\0';
	int kept = 0;
	for (int i = 0; i < *n; i++)
		kept += names_form(&forms[i], w);
	if (kept == 0)
		return none_named(forms, *n, w, err);
	kept = 0;
	for (int i = 0; i < *n; i++)
		if (names_form(&forms[i], w))
			forms[kept++] = forms[i];
	*n = kept;
	return WN_OK;
}
