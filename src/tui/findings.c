/* SPDX-License-Identifier: GPL-3.0-or-later */
/* findings.c -- a plan review on the screens; see findings.h. */
#include <stdlib.h>

#include "findings.h"

int wn_ui_findings_role(enum wn_review_level l)
{
	return l == WN_REVIEW_WARNING ? WN_R_NOTICE :
	       l == WN_REVIEW_CAUTION ? WN_R_HEADING : WN_R_DIM;
}

int wn_ui_findings_draw(struct wn_ui *ui, const struct wn_review *r,
                        struct wn_box box, bool brief)
{
	if (box.h < 1 || box.w < 1 || r->n_findings == 0)
		return 0;
	struct wn_findings_row *rows = malloc(sizeof *rows * (size_t)box.h);
	struct wn_findings_fit fit = { .cols = box.w, .rows = box.h, .brief = brief };
	int n = rows ? wn_findings_layout(r, &fit, rows, box.h) : 0;
	for (int i = 0; i < n; i++) {
		const struct wn_findings_row *row = &rows[i];
		int x = box.x;
		if (row->finding >= 0 && row->first)
			wn_ui_put(ui, WN_CELL(box.y + i, x, WN_FINDINGS_TAG_W - 1,
			                      wn_ui_findings_role(row->level)),
			          wn_findings_tag(row->level));
		if (row->finding >= 0)
			x += WN_FINDINGS_TAG_W;
		wn_ui_put(ui, WN_CELL(box.y + i, x, box.x + box.w - x,
		                      row->finding >= 0 ? WN_R_NORMAL : WN_R_DIM), row->text);
	}
	free(rows);
	return n;
}

void wn_ui_ask_draw(struct wn_ui *ui, const char *question)
{
	ui->msg_row_taken = true;
	wn_ui_put_pad(ui, WN_CELL(ui->rows - 2, 1, ui->cols - 2, WN_R_NOTICE), question);
}

int wn_ui_ask_answer(const struct wn_input *in)
{
	int arg;
	const struct wn_binding *b = wn_ui_lookup(WN_SC_ASK, in, &arg);
	if (b)
		return b->action == WN_A_TEXT_DONE;
	if (in->kind == WN_K_CHAR && (in->ch == 27 || in->ch == '\r' || in->ch == '\n'))
		return 0;
	if (in->kind == WN_K_FN && in->ch == KEY_ENTER)
		return 0;
	return -1;
}

bool wn_ui_ask_yes(const struct wn_input *in)
{
	int arg;
	const struct wn_binding *b = wn_ui_lookup(WN_SC_ASK, in, &arg);
	return b && b->action == WN_A_TEXT_DONE;
}
