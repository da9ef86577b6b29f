/* SPDX-License-Identifier: GPL-3.0-or-later */
/* findings.c -- a plan review made ready for the screens; see
 * core/findings.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/findings.h"
#include "core/wrap.h"

#define MAX_LINES 160          /* wrapped lines of one sentence, at most */

/* ---- before saving ------------------------------------------------------- */

int wn_findings_spec(const struct wn_findings_plan *in, struct wn_plan_built *b,
                     struct wn_review *r, struct wn_err *err)
{
	memset(b, 0, sizeof *b);
	memset(r, 0, sizeof *r);
	int rc = wn_plan_from_spec(in->spec, in->forms, in->n_forms, &b->plan, err);
	if (rc == WN_OK)
		rc = wn_plan_built_make(b, in->med, err);
	if (rc == WN_OK)
		rc = wn_plan_review(b, in->med, r, err);
	return rc;
}

void wn_findings_question(const char *what, const struct wn_review *r, char *buf,
                          size_t n)
{
	if (r->n_warnings == 1)
		snprintf(buf, n, "%s with its warning? y/N", what);
	else
		snprintf(buf, n, "%s with its %d warnings? y/N", what, r->n_warnings);
}

/* ---- words ---------------------------------------------------------------- */

void wn_findings_counts(const struct wn_review *r, char *buf, size_t n)
{
	int c[3] = { 0, 0, 0 };
	static const char *const words[3] = { "note", "caution", "warning" };
	size_t k = 0;
	for (int i = 0; r && i < r->n_findings; i++)
		c[r->findings[i].level]++;
	buf[0] = '\0';
	for (int l = WN_REVIEW_WARNING; l >= WN_REVIEW_INFO && k < n; l--)
		if (c[l])
			k += (size_t)snprintf(buf + k, n - k, "%s%d %s%s", k ? ", " : "",
			                      c[l], words[l], c[l] == 1 ? "" : "s");
	if (!buf[0])
		snprintf(buf, n, "no findings");
}

const char *wn_findings_tag(enum wn_review_level l)
{
	static const char *const tags[] = {
		[WN_REVIEW_INFO] = "NOTE", [WN_REVIEW_CAUTION] = "CAUTION",
		[WN_REVIEW_WARNING] = "WARNING",
	};
	return l <= WN_REVIEW_WARNING ? tags[l] : "";
}

const struct wn_review_finding *wn_findings_on_step(const struct wn_review *r,
                                                    int step)
{
	const struct wn_review_finding *best = NULL;
	for (int i = 0; r && step >= 0 && i < r->n_findings; i++) {
		const struct wn_review_finding *f = &r->findings[i];
		bool on = f->step >= 0 && f->step <= step &&
		          step <= (f->step_to >= f->step ? f->step_to : f->step);
		if (on && (!best || f->level > best->level))
			best = f;
	}
	return best;
}

void wn_findings_ack(const struct wn_plan *p, const struct wn_review_finding *f,
                     char *buf, size_t n)
{
	const struct wn_plan_ack *a = wn_plan_acked(p, f);
	if (f->level != WN_REVIEW_WARNING)
		snprintf(buf, n, "%s", "");
	else if (a)
		snprintf(buf, n, "acknowledged on %.10s", a->acked);
	else
		snprintf(buf, n, "not acknowledged: it was not found when the plan was saved");
}

/* ---- rows ------------------------------------------------------------------ */

/* The findings' indices, warnings first, then cautions, then notes. */
static int *in_order(const struct wn_review *r)
{
	int *idx = malloc(sizeof *idx * (size_t)(r->n_findings ? r->n_findings : 1));
	int k = 0;
	for (int l = WN_REVIEW_WARNING; idx && l >= WN_REVIEW_INFO; l--)
		for (int i = 0; i < r->n_findings; i++)
			if ((int)r->findings[i].level == l)
				idx[k++] = i;
	return idx;
}

/* The whole sentence of f, with its sources and note as the fit asks. */
static void sentence(const struct wn_review_finding *f, const struct wn_findings_fit *fit,
                     char *buf, size_t n)
{
	char note[WN_REVIEW_NOTE] = "";
	int k = snprintf(buf, n, "%s", f->text);
	if (fit->src && f->src[0] && k >= 0 && (size_t)k < n)
		k += snprintf(buf + k, n - (size_t)k, " [%s]", f->src);
	if (fit->acked)
		wn_findings_ack(fit->acked, f, note, sizeof note);
	if (note[0] && k >= 0 && (size_t)k < n)
		snprintf(buf + k, n - (size_t)k, " (%s)", note);
}

static int text_cols(const struct wn_findings_fit *fit)
{
	int w = fit->cols - WN_FINDINGS_TAG_W;
	if (w > WN_FINDINGS_MAX_W)
		w = WN_FINDINGS_MAX_W;
	return w < 1 ? 1 : w;
}

static struct wn_findings_row *put_row(struct wn_findings_row *row, int finding,
                                       enum wn_review_level l, bool first)
{
	row->finding = finding;
	row->level = l;
	row->first = first;
	row->text[0] = '\0';
	return row;
}

/* The sentence's wrapped lines into rows (room for all of them). */
static int put_sentence(const char *s, int cols, const struct wn_review_finding *f,
                        int i, struct wn_findings_row *rows)
{
	struct wn_wrap_line lines[MAX_LINES];
	size_t n = wn_wrap(s, cols, lines, MAX_LINES);
	for (size_t k = 0; k < n && k < MAX_LINES; k++) {
		size_t len = lines[k].len;
		while (len > 0 && s[lines[k].off + len - 1] == ' ')
			len--;
		snprintf(put_row(&rows[k], i, f->level, k == 0)->text, WN_FINDINGS_ROW,
		         "%.*s", (int)len, s + lines[k].off);
	}
	return (int)(n < MAX_LINES ? n : MAX_LINES);
}

/* Finding i in the room left: its sentence or its few words. */
static int put_finding(const struct wn_review *r, int i, const struct wn_findings_fit *fit,
                       int room, struct wn_findings_row *rows)
{
	const struct wn_review_finding *f = &r->findings[i];
	char s[WN_REVIEW_TEXT + WN_REVIEW_SRC + WN_REVIEW_NOTE + 8];
	if (!fit->brief) {
		sentence(f, fit, s, sizeof s);
		int need = (int)wn_wrap(s, text_cols(fit), NULL, 0);
		if (need <= room && need <= MAX_LINES)
			return put_sentence(s, text_cols(fit), f, i, rows);
	}
	snprintf(put_row(rows, i, f->level, true)->text, WN_FINDINGS_ROW, "%.*s",
	         WN_FINDINGS_ROW - 1, f->brief[0] ? f->brief : f->text);
	return 1;
}

int wn_findings_layout(const struct wn_review *r, const struct wn_findings_fit *fit,
                       struct wn_findings_row *rows, int max)
{
	int *idx = in_order(r), used = 0, limit = fit->rows < max ? fit->rows : max;
	for (int k = 0; idx && k < r->n_findings && used < limit; k++) {
		int left = r->n_findings - k - 1, room = limit - used;
		if (!fit->brief && left > 0 && room == 1) {
			snprintf(put_row(&rows[used++], -1, WN_REVIEW_INFO, true)->text,
			         WN_FINDINGS_ROW, "... %d more not shown", left + 1);
			break;
		}
		int keep = left < room - 1 ? left : room - 1;
		used += put_finding(r, idx[k], fit, room - keep, &rows[used]);
	}
	free(idx);
	return used;
}
