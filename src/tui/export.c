/* SPDX-License-Identifier: GPL-3.0-or-later */
/* export.c -- the Export screen: a range (by default since the last
 * report, which the diary remembers, or the last 90 days, never before
 * the diary's first record, to today), a format (the prescriber
 * report as HTML, Markdown or text; the data as CSV or JSON) and a file
 * name; Enter on "write" writes the file atomically, private (0600), and
 * shows where it went.  An existing file is replaced only after a second
 * Enter. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/export.h"
#include "core/fileio.h"
#include "db/report.h"
#include "report/report.h"
#include "db/db.h"
#include "core/text.h"
#include "tui.h"

enum { F_FROM, F_TO, F_FORMAT, F_FILE, F_WRITE, F_COUNT };
enum kind { K_REPORT, K_CSV, K_JSON };

static const struct format {
	const char *label;
	enum kind kind;
	int report;          /* enum wn_report_format for K_REPORT */
	const char *stem, *ext;
} formats[] = {
	{ "report for your prescriber, HTML (prints on A4 or Letter)", K_REPORT,
	  WN_REPORT_HTML, "report", "html" },
	{ "report for your prescriber, Markdown", K_REPORT, WN_REPORT_MD, "report", "md" },
	{ "report for your prescriber, plain text", K_REPORT, WN_REPORT_TXT, "report", "txt" },
	{ "your data, CSV: one row per day, for spreadsheets", K_CSV, 0, "diary", "csv" },
	{ "your data, JSON: everything, to keep or to move", K_JSON, 0, "diary", "json" },
};
#define N_FORMATS (sizeof formats / sizeof formats[0])

#define VALUE_MAX PATH_MAX
#define LABEL_W 10

/* The Export screen's state. */
struct exporter {
	int cur, fmt;
	char from[32], to[32];
	char file[VALUE_MAX];
	bool file_edited;        /* the person typed a name: keep it */
	bool editing;
	struct wn_edit line;
	bool replace_armed;      /* the file exists; Enter again replaces it */
	char since[64];          /* where the default start came from */
	char written[VALUE_MAX + 64];
};

/* What to write: the format and the range. */
struct job {
	const struct format *f;
	wn_date from, to;
};

static void default_file(struct exporter *x)
{
	const char *home = getenv("HOME");
	char cwd[PATH_MAX];
	const char *dir = home && *home ? home : getcwd(cwd, sizeof cwd);
	const struct format *f = &formats[x->fmt];
	if (x->file_edited)
		return;
	snprintf(x->file, sizeof x->file, "%s/wean-%s-%s.%s", dir ? dir : ".", f->stem,
	         x->to, f->ext);
}

/* The range's default: since the last report, else the last 90 days,
 * never before the first record (wn_report_default_from: the same rule
 * as `wean report`), to today. */
static void default_range(struct wn_ui *ui, struct exporter *x)
{
	struct wn_range_ask ask = { .to = ui->today, .days = WN_REPORT_DEFAULT_DAYS,
	                            .since_last = true };
	struct wn_range_default r;
	struct wn_err err = { 0 };
	char d[WN_DATE_STRLEN];
	wn_date_format(ui->today, x->to);
	if (wn_report_default_from(ui->db, &ask, &r, &err) != WN_OK) {
		wn_ui_msg_err(ui, "cannot read where the diary begins", &err);
		r = (struct wn_range_default){ .from = ui->today - (WN_REPORT_DEFAULT_DAYS - 1),
		                               .start = WN_RANGE_DAYS };
	}
	switch (r.start) {
	case WN_RANGE_SINCE_LAST:
		snprintf(x->since, sizeof x->since, "the day after your last report (%s)",
		         wn_date_format(r.last_to, d));
		break;
	case WN_RANGE_FIRST:
		snprintf(x->since, sizeof x->since, "the first day in your diary");
		break;
	case WN_RANGE_EMPTY:
		snprintf(x->since, sizeof x->since, "nothing is recorded yet");
		break;
	default:
		snprintf(x->since, sizeof x->since, "the last %d days", WN_REPORT_DEFAULT_DAYS);
	}
	wn_date_format(r.from, x->from);
}

static int export_enter(struct wn_ui *ui, void *state, struct wn_err *err)
{
	(void)err;
	struct exporter *x = state;
	if (x->editing)
		return WN_OK;
	x->replace_armed = false;
	default_range(ui, x);
	default_file(x);
	return WN_OK;
}

/* ---- writing ------------------------------------------------------------------- */

static int parse_range(const struct exporter *x, wn_date today, struct job *j,
                       struct wn_err *err)
{
	if (wn_date_parse(x->from, today, &j->from, NULL) != WN_OK)
		return wn_err_set(err, WN_USAGE, "from: '%.20s' is not a date", x->from);
	if (wn_date_parse(x->to, today, &j->to, NULL) != WN_OK)
		return wn_err_set(err, WN_USAGE, "to: '%.20s' is not a date", x->to);
	if (j->from > j->to)
		return wn_err_set(err, WN_USAGE, "the range starts after it ends");
	return WN_OK;
}

static int report(struct wn_ui *ui, const struct wn_report_opts *o, struct wn_buf *b,
                  struct wn_err *err)
{
	struct wn_report r;
	int rc = wn_report_gather(ui->db, o, &r, err);
	if (rc == WN_OK)
		rc = wn_report_write(&r, o, b, err);
	wn_report_free(&r);
	return rc;
}

/* The file being written, a piece at a time (struct wn_export_opts'
 * flush): staged beside it, published when all of it is written. */
struct staged {
	struct wn_file_stage st;
	size_t bytes;
};

static int stage_piece(void *ctx, const char *s, size_t n, struct wn_err *err)
{
	struct staged *f = ctx;
	f->bytes += n;
	return wn_file_stage_write(&f->st, s, n, err);
}

static int render(struct wn_ui *ui, const struct job *j, struct wn_buf *b,
                  struct staged *f, struct wn_err *err)
{
	struct wn_export_opts eo = { .from = j->from, .to = j->to,
	                             .flush = stage_piece, .flush_ctx = f };
	struct wn_report_opts ro = { .from = j->from, .to = j->to,
	                             .format = j->f->report,
	                             .ascii = ui->ascii_text, .low_mood = ui->cfg->low_mood };
	switch (j->f->kind) {
	case K_REPORT: {
		int rc = report(ui, &ro, b, err);
		return rc == WN_OK ? stage_piece(f, b->s ? b->s : "", b->len, err) : rc;
	}
	case K_CSV: return wn_export_csv(ui->db, &eo, b, err);
	case K_JSON: return wn_export_json(ui->db, &eo, b, err);
	}
	return wn_err_set(err, WN_ERR, "unknown format");
}

static void write_it(struct wn_ui *ui, struct exporter *x)
{
	struct wn_err err = { 0 };
	struct wn_buf b = { 0 };
	struct job j = { .f = &formats[x->fmt] };
	struct staged f = { .st = { .fd = -1 } };
	int rc = parse_range(x, ui->today, &j, &err);
	if (rc == WN_OK && !x->file[0])
		rc = wn_err_set(&err, WN_USAGE, "a file name, please");
	if (rc == WN_OK) {
		rc = wn_db_output_open(ui->db, x->file, x->replace_armed, &f.st, &err);
		if (rc == WN_OK)
			rc = render(ui, &j, &b, &f, &err);
		rc = wn_file_stage_close(&f.st, rc, &err);
	}
	if (rc == WN_CANTCREAT && !x->replace_armed && access(x->file, F_OK) == 0) {
		x->replace_armed = true;
		wn_ui_msg(ui, WN_R_NOTICE, "that file exists: Enter again replaces it,"
		          " or change the name");
	} else if (rc != WN_OK) {
		wn_ui_msg_err(ui, "not written", &err);
	} else {
		x->replace_armed = false;
		if (formats[x->fmt].kind == K_REPORT && wn_report_remember(ui->db, j.to, &err) != WN_OK)
			wn_ui_msg_err(ui, "written, but the report date was not remembered", &err);
		else
			wn_ui_msg(ui, WN_R_SAVED, "written (%zu KB, private to you)",
			          (f.bytes + 1023) / 1024);
		snprintf(x->written, sizeof x->written, "%s", x->file);
	}
	free(b.s);
}

/* ---- drawing ------------------------------------------------------------------- */

static const char *const labels[F_COUNT] = { "from", "to", "format", "file", "" };

static void draw_field(struct wn_ui *ui, struct exporter *x, int i, int y)
{
	int w = ui->cols - 3 - LABEL_W;
	char v[VALUE_MAX + 16];
	wn_ui_put(ui, WN_CELL(y, 1, 2, WN_R_FOCUS), i == x->cur ? ui->g->focus : "");
	wn_ui_put(ui, WN_CELL(y, 3, LABEL_W, WN_R_NORMAL), labels[i]);
	if (i == x->cur && x->editing) {
		wn_edit_draw(ui, &x->line, WN_BOX(y, 3 + LABEL_W, 1, w - 1));
		return;
	}
	switch (i) {
	case F_FROM:
		snprintf(v, sizeof v, "%s", x->from);
		wn_ui_put(ui, WN_CELL(y, 3 + LABEL_W, 12, WN_R_VALUE), v);
		wn_ui_put(ui, WN_CELL(y, 16 + LABEL_W, w - 13, WN_R_DIM), x->since);
		return;
	case F_TO: snprintf(v, sizeof v, "%s", x->to); break;
	case F_FORMAT: snprintf(v, sizeof v, "< %s >", formats[x->fmt].label); break;
	case F_FILE: snprintf(v, sizeof v, "%s", x->file); break;
	default: return;
	}
	wn_ui_put(ui, WN_CELL(y, 3 + LABEL_W, w, WN_R_VALUE), v);
}

static void export_draw(struct wn_ui *ui, void *state)
{
	struct exporter *x = state;
	int y = ui->body_top, w = ui->cols - 2;
	wn_ui_put(ui, WN_CELL(y++, 1, w, WN_R_HEADING),
	          "Write your diary to a file: a report for your prescriber, or your data.");
	y++;
	for (int i = 0; i < F_WRITE; i++)
		draw_field(ui, x, i, y++);
	wn_ui_put(ui, WN_CELL(y, 1, 2, WN_R_FOCUS), x->cur == F_WRITE ? ui->g->focus : "");
	wn_ui_put(ui, WN_CELL(y, 3, w - 3, x->cur == F_WRITE ? WN_R_FOCUS : WN_R_NORMAL),
	          x->replace_armed ? "[ replace the file ]" : "[ write the file ]");
	y += 2;
	wn_edit_draw_text(ui, "Enter edits the line under the marker; Left and Right change"
	                  " the format. Files are written whole or not at all, readable"
	                  " only by you.", WN_BOX(y, 1, 2, w));
	y += 3;
	if (x->written[0]) {
		wn_ui_put(ui, WN_CELL(y++, 1, w, WN_R_HEADING), "last written:");
		wn_ui_put(ui, WN_CELL(y, 3, w - 2, WN_R_SAVED), x->written);
	}
}

/* ---- keys ----------------------------------------------------------------------- */

static char *field_value(struct exporter *x, int i)
{
	return i == F_FROM ? x->from : i == F_TO ? x->to : i == F_FILE ? x->file : NULL;
}

static size_t field_size(const struct exporter *x, int i)
{
	return i == F_FILE ? sizeof x->file : sizeof x->from;
}

static void start_edit(struct wn_ui *ui, struct exporter *x)
{
	char *v = field_value(x, x->cur);
	if (!v)
		return;
	if (wn_edit_init(&x->line, v, field_size(x, x->cur) - 1, false) != WN_OK) {
		wn_ui_msg(ui, WN_R_ERROR, "out of memory");
		return;
	}
	x->editing = true;
}

static void change_format(struct exporter *x, int dir)
{
	x->fmt = (x->fmt + dir + (int)N_FORMATS) % (int)N_FORMATS;
	x->replace_armed = false;
	default_file(x);
}

static bool export_action(struct wn_ui *ui, void *state, int action, int arg)
{
	(void)arg;
	struct exporter *x = state;
	switch (action) {
	case WN_A_UP: x->cur = x->cur > 0 ? x->cur - 1 : 0; return true;
	case WN_A_DOWN: x->cur = x->cur < F_WRITE ? x->cur + 1 : F_WRITE; return true;
	case WN_A_LEFT: change_format(x, -1); return true;
	case WN_A_RIGHT: change_format(x, 1); return true;
	case WN_A_ENTER:
		if (x->cur == F_WRITE)
			write_it(ui, x);
		else if (x->cur == F_FORMAT)
			change_format(x, 1);
		else
			start_edit(ui, x);
		return true;
	default:
		return false;
	}
}

static void finish_edit(struct exporter *x)
{
	const char *s = x->line.s + strspn(x->line.s, " ");
	char *v = field_value(x, x->cur);
	snprintf(v, field_size(x, x->cur), "%s", s);
	if (x->cur == F_FILE)
		x->file_edited = s[0] != '\0';
	if (x->cur == F_FILE && !s[0])
		default_file(x);
	if (x->cur == F_TO)
		default_file(x);
	x->replace_armed = false;
	if (x->cur == F_FROM)
		snprintf(x->since, sizeof x->since, "%s", "");
}

static void export_text(struct wn_ui *ui, void *state, const struct wn_input *in)
{
	struct exporter *x = state;
	int arg;
	const struct wn_binding *b = wn_ui_lookup(WN_SC_PROMPT, in, &arg);
	if (b && (b->action == WN_A_TEXT_DONE || b->action == WN_A_TEXT_CANCEL)) {
		if (b->action == WN_A_TEXT_DONE)
			finish_edit(x);
		wn_edit_free(&x->line);
		x->editing = false;
		return;
	}
	wn_edit_key(&x->line, in, ui->cols);
}

static unsigned export_scope(struct wn_ui *ui, void *state)
{
	(void)ui;
	const struct exporter *x = state;
	return x->editing ? WN_SC_PROMPT : WN_SC_EXPORT;
}

static void export_fini(struct wn_ui *ui, void *state)
{
	(void)ui;
	struct exporter *x = state;
	if (x->editing)
		wn_edit_free(&x->line);
	memset(x, 0, sizeof *x);
}

const struct wn_screen wn_screen_export = {
	.name = "Export",
	.number = 6,
	.scope = WN_SC_EXPORT,
	.state_size = sizeof(struct exporter),
	.enter = export_enter,
	.draw = export_draw,
	.action = export_action,
	.scope_now = export_scope,
	.text_input = export_text,
	.fini = export_fini,
};
