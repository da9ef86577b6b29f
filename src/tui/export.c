/* ui_export.c -- the Export screen: a range (by default since the last
 * report, which the diary remembers, to today), a format (the prescriber
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

static struct xscreen {
	int cur, fmt;
	char from[32], to[32];
	char file[VALUE_MAX];
	bool file_edited;        /* the person typed a name: keep it */
	bool editing;
	struct wn_edit line;
	bool replace_armed;      /* the file exists; Enter again replaces it */
	char since[64];          /* where the default start came from */
	char written[VALUE_MAX + 64];
} X;

static void default_file(void)
{
	const char *home = getenv("HOME");
	char cwd[PATH_MAX];
	const char *dir = home && *home ? home : getcwd(cwd, sizeof cwd);
	const struct format *f = &formats[X.fmt];
	if (X.file_edited)
		return;
	snprintf(X.file, sizeof X.file, "%s/wean-%s-%s.%s", dir ? dir : ".", f->stem,
	         X.to, f->ext);
}

static void default_range(struct wn_ui *ui)
{
	wn_date next = WN_DATE_NONE, from;
	struct wn_err err = { 0 };
	char d[WN_DATE_STRLEN];
	wn_date_format(ui->today, X.to);
	/* wn_report_last gives the day after the last report's end */
	if (wn_report_last(ui->db, &next, &err) == WN_OK && next != WN_DATE_NONE &&
	    next <= ui->today) {
		from = next;
		snprintf(X.since, sizeof X.since, "the day after your last report (%s)",
		         wn_date_format(next - 1, d));
	} else {
		from = ui->today - (WN_REPORT_DEFAULT_DAYS - 1);
		snprintf(X.since, sizeof X.since, "the last %d days", WN_REPORT_DEFAULT_DAYS);
	}
	wn_date_format(from, X.from);
}

static int export_enter(struct wn_ui *ui, struct wn_err *err)
{
	(void)err;
	if (X.editing)
		return WN_OK;
	X.replace_armed = false;
	default_range(ui);
	default_file();
	return WN_OK;
}

/* ---- writing ------------------------------------------------------------------- */

static int parse_range(struct wn_ui *ui, wn_date *from, wn_date *to, struct wn_err *err)
{
	if (wn_date_parse(X.from, ui->today, from, NULL) != WN_OK)
		return wn_err_set(err, WN_USAGE, "from: '%.20s' is not a date", X.from);
	if (wn_date_parse(X.to, ui->today, to, NULL) != WN_OK)
		return wn_err_set(err, WN_USAGE, "to: '%.20s' is not a date", X.to);
	if (*from > *to)
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

static int render(struct wn_ui *ui, wn_date from, wn_date to, struct wn_buf *b,
                  struct wn_err *err)
{
	const struct format *f = &formats[X.fmt];
	struct wn_export_opts eo = { .from = from, .to = to };
	struct wn_report_opts ro = { .from = from, .to = to, .format = f->report,
	                             .ascii = ui->ascii_text };
	switch (f->kind) {
	case K_REPORT: return report(ui, &ro, b, err);
	case K_CSV: return wn_export_csv(ui->db, &eo, b, err);
	case K_JSON: return wn_export_json(ui->db, &eo, b, err);
	}
	return wn_err_set(err, WN_ERR, "unknown format");
}

static void write_it(struct wn_ui *ui)
{
	struct wn_err err = { 0 };
	struct wn_buf b = { 0 };
	wn_date from, to;
	int rc = parse_range(ui, &from, &to, &err);
	if (rc == WN_OK && !X.file[0])
		rc = wn_err_set(&err, WN_USAGE, "a file name, please");
	if (rc == WN_OK)
		rc = render(ui, from, to, &b, &err);
	if (rc == WN_OK)
		rc = wn_file_write_atomic(X.file, b.s ? b.s : "", b.len, X.replace_armed, &err);
	if (rc == WN_CANTCREAT && !X.replace_armed && access(X.file, F_OK) == 0) {
		X.replace_armed = true;
		wn_ui_msg(ui, WN_R_NOTICE, "that file exists: Enter again replaces it,"
		          " or change the name");
	} else if (rc != WN_OK) {
		wn_ui_msg_err(ui, "not written", &err);
	} else {
		X.replace_armed = false;
		if (formats[X.fmt].kind == K_REPORT && wn_report_remember(ui->db, to, &err) != WN_OK)
			wn_ui_msg_err(ui, "written, but the report date was not remembered", &err);
		else
			wn_ui_msg(ui, WN_R_SAVED, "written (%zu KB, private to you)",
			          (b.len + 1023) / 1024);
		snprintf(X.written, sizeof X.written, "%s", X.file);
	}
	free(b.s);
}

/* ---- drawing ------------------------------------------------------------------- */

static const char *const labels[F_COUNT] = { "from", "to", "format", "file", "" };

static void draw_field(struct wn_ui *ui, int i, int y)
{
	int w = ui->cols - 3 - LABEL_W;
	char v[VALUE_MAX + 16];
	wn_ui_put(ui, WN_CELL(y, 1, 2, WN_R_FOCUS), i == X.cur ? ui->g->focus : "");
	wn_ui_put(ui, WN_CELL(y, 3, LABEL_W, WN_R_NORMAL), labels[i]);
	if (i == X.cur && X.editing) {
		wn_edit_draw(ui, &X.line, WN_BOX(y, 3 + LABEL_W, 1, w - 1));
		return;
	}
	switch (i) {
	case F_FROM:
		snprintf(v, sizeof v, "%s", X.from);
		wn_ui_put(ui, WN_CELL(y, 3 + LABEL_W, 12, WN_R_VALUE), v);
		wn_ui_put(ui, WN_CELL(y, 16 + LABEL_W, w - 13, WN_R_DIM), X.since);
		return;
	case F_TO: snprintf(v, sizeof v, "%s", X.to); break;
	case F_FORMAT: snprintf(v, sizeof v, "< %s >", formats[X.fmt].label); break;
	case F_FILE: snprintf(v, sizeof v, "%s", X.file); break;
	default: return;
	}
	wn_ui_put(ui, WN_CELL(y, 3 + LABEL_W, w, WN_R_VALUE), v);
}

static void export_draw(struct wn_ui *ui)
{
	int y = ui->body_top, w = ui->cols - 2;
	wn_ui_put(ui, WN_CELL(y++, 1, w, WN_R_HEADING),
	          "Write your diary to a file: a report for your prescriber, or your data.");
	y++;
	for (int i = 0; i < F_WRITE; i++)
		draw_field(ui, i, y++);
	wn_ui_put(ui, WN_CELL(y, 1, 2, WN_R_FOCUS), X.cur == F_WRITE ? ui->g->focus : "");
	wn_ui_put(ui, WN_CELL(y, 3, w - 3, X.cur == F_WRITE ? WN_R_FOCUS : WN_R_NORMAL),
	          X.replace_armed ? "[ replace the file ]" : "[ write the file ]");
	y += 2;
	wn_edit_draw_text(ui, "Enter edits the line under the marker; Left and Right change"
	                  " the format. Files are written whole or not at all, readable"
	                  " only by you.", WN_BOX(y, 1, 2, w));
	y += 3;
	if (X.written[0]) {
		wn_ui_put(ui, WN_CELL(y++, 1, w, WN_R_HEADING), "last written:");
		wn_ui_put(ui, WN_CELL(y, 3, w - 2, WN_R_SAVED), X.written);
	}
}

/* ---- keys ----------------------------------------------------------------------- */

static char *field_value(int i)
{
	return i == F_FROM ? X.from : i == F_TO ? X.to : i == F_FILE ? X.file : NULL;
}

static size_t field_size(int i)
{
	return i == F_FILE ? sizeof X.file : sizeof X.from;
}

static void start_edit(struct wn_ui *ui)
{
	char *v = field_value(X.cur);
	if (!v)
		return;
	if (wn_edit_init(&X.line, v, field_size(X.cur) - 1, false) != WN_OK) {
		wn_ui_msg(ui, WN_R_ERROR, "out of memory");
		return;
	}
	X.editing = true;
}

static void change_format(int dir)
{
	X.fmt = (X.fmt + dir + (int)N_FORMATS) % (int)N_FORMATS;
	X.replace_armed = false;
	default_file();
}

static bool export_action(struct wn_ui *ui, int action, int arg)
{
	(void)arg;
	switch (action) {
	case WN_A_UP: X.cur = X.cur > 0 ? X.cur - 1 : 0; return true;
	case WN_A_DOWN: X.cur = X.cur < F_WRITE ? X.cur + 1 : F_WRITE; return true;
	case WN_A_LEFT: change_format(-1); return true;
	case WN_A_RIGHT: change_format(1); return true;
	case WN_A_ENTER:
		if (X.cur == F_WRITE)
			write_it(ui);
		else if (X.cur == F_FORMAT)
			change_format(1);
		else
			start_edit(ui);
		return true;
	default:
		return false;
	}
}

static void finish_edit(void)
{
	const char *s = X.line.s + strspn(X.line.s, " ");
	char *v = field_value(X.cur);
	snprintf(v, field_size(X.cur), "%s", s);
	if (X.cur == F_FILE)
		X.file_edited = s[0] != '\0';
	if (X.cur == F_FILE && !s[0])
		default_file();
	if (X.cur == F_TO)
		default_file();
	X.replace_armed = false;
	if (X.cur == F_FROM)
		snprintf(X.since, sizeof X.since, "%s", "");
}

static void export_text(struct wn_ui *ui, const struct wn_input *in)
{
	int arg;
	const struct wn_binding *b = wn_ui_lookup(WN_SC_PROMPT, in, &arg);
	if (b && (b->action == WN_A_TEXT_DONE || b->action == WN_A_TEXT_CANCEL)) {
		if (b->action == WN_A_TEXT_DONE)
			finish_edit();
		wn_edit_free(&X.line);
		X.editing = false;
		return;
	}
	wn_edit_key(&X.line, in, ui->cols);
}

static unsigned export_scope(struct wn_ui *ui)
{
	(void)ui;
	return X.editing ? WN_SC_PROMPT : WN_SC_EXPORT;
}

static void export_fini(struct wn_ui *ui)
{
	(void)ui;
	if (X.editing)
		wn_edit_free(&X.line);
	memset(&X, 0, sizeof X);
}

const struct wn_screen wn_screen_export = {
	.name = "Export",
	.number = 6,
	.scope = WN_SC_EXPORT,
	.enter = export_enter,
	.draw = export_draw,
	.action = export_action,
	.scope_now = export_scope,
	.text_input = export_text,
	.fini = export_fini,
};
