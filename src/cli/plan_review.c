/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plan_review.c -- the plan review on the command line: before a plan is
 * saved (the second yes) and in `wean plan show`. */
#include <stdio.h>

#include "cli/cli.h"
#include "core/review.h"
#include "core/text.h"
#include "plan_int.h"

static int print_buf(struct wn_cli *c, struct wn_buf *b, struct wn_err *err)
{
	int rc = b->failed ? wn_err_set(err, WN_ERR, "out of memory") : WN_OK;
	if (rc == WN_OK && b->len)
		fwrite(b->s, 1, b->len, c->out);
	wn_buf_free(b);
	return rc;
}

int wn_cli_plan_second_yes(struct wn_cli *c, const struct wn_review *r, bool accept,
                           struct wn_err *err)
{
	struct wn_buf b;
	wn_buf_init(&b);
	if (r->n_findings)
		wn_review_text(r, false, &b);
	int rc = print_buf(c, &b, err);
	if (rc != WN_OK || r->n_warnings == 0 || accept)
		return rc;
	wn_err_set(err, WN_DATAERR, "the review found %d warning%s; nothing was saved",
	           r->n_warnings, r->n_warnings == 1 ? "" : "s");
	wn_err_hint(err, "read them with your prescriber; to save the plan as it is, "
	            "run the same command with --accept-warnings");
	return WN_DATAERR;
}

/* "acknowledged on DATE" for a warning the person said yes to. */
static void ack_note(void *ctx, const struct wn_review_finding *f, char *buf, size_t n)
{
	const struct wn_plan *p = ctx;
	const struct wn_plan_ack *a = wn_plan_acked(p, f);
	if (f->level != WN_REVIEW_WARNING)
		return;
	if (a)
		snprintf(buf, n, "acknowledged on %.10s", a->acked);
	else
		snprintf(buf, n, "not acknowledged: it was not found when the plan was saved");
}

static void plan_words(struct wn_cli *c, const struct wn_plan *p)
{
	char d[WN_DATE_STRLEN];
	if (p->agreed_on != WN_DATE_NONE)
		fprintf(c->out, "You recorded agreeing this plan with your prescriber on %s.\n",
		        wn_date_format(p->agreed_on, d));
	if (p->form_label[0] && !p->form_missing)
		fprintf(c->out, "Kept on one form: %s.\n", p->form_label);
	else if (p->form_label[0])
		fprintf(c->out, "The plan was kept on the form '%s', which is no longer recorded:"
		        " every recorded form is used.\n", p->form_label);
}

/* Each going back up: the step that follows it, reviewed. */
static int reinstate_reviews(const struct wn_plan_built *b, const struct wn_med *m,
                             const struct wn_review_notes *o, struct wn_buf *buf,
                             struct wn_err *err)
{
	int rc = WN_OK;
	for (size_t i = 0; rc == WN_OK && i < b->plan.n_events; i++) {
		const struct wn_plan_event *e = &b->plan.events[i];
		struct wn_review r;
		if (e->kind != WN_PLAN_REINSTATE)
			continue;
		rc = wn_plan_review_reinstate(b, m, e->start, e->dose, &r, err);
		if (rc == WN_OK && r.n_findings) {
			wn_buf_adds(buf, "\n");
			wn_review_text_noted(&r, o, buf);
		}
		wn_review_free(&r);
	}
	return rc;
}

int wn_cli_plan_review_show(struct wn_cli *c, const struct wn_plan_built *b,
                            const struct wn_med *m, struct wn_err *err)
{
	struct wn_review r;
	int rc = wn_plan_review(b, m, &r, err);
	if (rc != WN_OK)
		return rc;
	struct wn_buf buf;
	wn_buf_init(&buf);
	plan_words(c, &b->plan);
	struct wn_review_notes o = { .note = ack_note, .ctx = (void *)&b->plan };
	wn_review_text_noted(&r, &o, &buf);
	wn_review_free(&r);
	rc = reinstate_reviews(b, m, &o, &buf, err);
	int prc = print_buf(c, &buf, err);
	return rc != WN_OK ? rc : prc;
}
