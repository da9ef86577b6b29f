/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report.c (cli) -- `wean report`: the prescriber report (report.h) as
 * Markdown, plain text or HTML, on stdout or written atomically (mode 0600)
 * to a file.  A report written to a file is remembered as "the last
 * report", so that --since-last can start the next one the day after. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "cli_int.h"
#include "core/fileio.h"
#include "db/report.h"
#include "report/report.h"
#include "db/db.h"
#include "core/text.h"

#define REPORT_ARGS "[--from DATE] [--to DATE] [--format md|txt|html] [--name NAME] [-o FILE] [--force]"
#define MAX_ARGS 64
#define NAME_MAX_BYTES 200

struct report_args {
	const char *from, *to, *format, *name, *output, *width;
	bool force, since_last, help;
	struct wn_cli_seal seal;
};

static int o_from(void *x, const char *a, struct wn_err *e) { (void)e; ((struct report_args *)x)->from = a; return WN_OK; }
static int o_to(void *x, const char *a, struct wn_err *e) { (void)e; ((struct report_args *)x)->to = a; return WN_OK; }
static int o_format(void *x, const char *a, struct wn_err *e) { (void)e; ((struct report_args *)x)->format = a; return WN_OK; }
static int o_name(void *x, const char *a, struct wn_err *e) { (void)e; ((struct report_args *)x)->name = a; return WN_OK; }
static int o_output(void *x, const char *a, struct wn_err *e) { (void)e; ((struct report_args *)x)->output = a; return WN_OK; }
static int o_width(void *x, const char *a, struct wn_err *e) { (void)e; ((struct report_args *)x)->width = a; return WN_OK; }
static int o_force(void *x, const char *a, struct wn_err *e) { (void)a; (void)e; ((struct report_args *)x)->force = true; return WN_OK; }
static int o_since(void *x, const char *a, struct wn_err *e) { (void)a; (void)e; ((struct report_args *)x)->since_last = true; return WN_OK; }
static int o_help(void *x, const char *a, struct wn_err *e) { (void)a; (void)e; ((struct report_args *)x)->help = true; return WN_OK; }
static int o_seal_to(void *x, const char *a, struct wn_err *e) { return wn_cli_seal_add_to(&((struct report_args *)x)->seal, a, e); }
static int o_seal_pass(void *x, const char *a, struct wn_err *e) { (void)a; (void)e; ((struct report_args *)x)->seal.passphrase = true; return WN_OK; }
static int o_seal_file(void *x, const char *a, struct wn_err *e) { (void)e; ((struct report_args *)x)->seal.passfile = a; return WN_OK; }

static const struct wn_cli_opt report_opts[] = {
	{ "from", "DATE", o_from, "first day (default: 90 days before --to, or the diary's first record)" },
	{ "to", "DATE", o_to, "last day (default today)" },
	{ "since-last", NULL, o_since, "from the day after the last report written to a file" },
	{ "format", "F", o_format, "md, txt or html (default: the -o file's suffix, else md)" },
	{ "name", "NAME", o_name, "your name, shown at the top (optional)" },
	{ "width", "W", o_width, "text width of md and txt, 60-200 (default 80)" },
	{ "output", "FILE", o_output, "write to FILE (also -o FILE) instead of stdout" },
	{ "force", NULL, o_force, "replace FILE if it exists" },
	{ "encrypt-to", "RECIPIENT", o_seal_to, WN_CLI_SEAL_HELP_TO },
	{ "encrypt-passphrase", NULL, o_seal_pass, WN_CLI_SEAL_HELP_PASS },
	{ "encrypt-passphrase-file", "FILE", o_seal_file, WN_CLI_SEAL_HELP_FILE },
	{ "help", NULL, o_help, "show this help" },
	{ 0 }
};
const struct wn_cli_spec wn_cli_spec_report = { .args = REPORT_ARGS, .opts = report_opts };

static void help(FILE *f)
{
	wn_cli_command_help(f, "report", REPORT_ARGS, report_opts);
	fputs("\nOne document for a visit to your prescriber: your medications and doses,\n"
	      "the taper as planned and as taken with its holds, the plan's review (each\n"
	      "warning acknowledged or not), charts of symptom burden, mood and sleep,\n"
	      "the burden after each cut, your main symptoms, how many days have no\n"
	      "record, the days with very low mood ([safety] low_mood) and with the\n"
	      "optional item 'thoughts of harming yourself' rated, your flagged days and\n"
	      "your questions.  The HTML file is self-contained and prints on A4 or\n"
	      "Letter.  A report written with -o is remembered for --since-last.\n", f);
}

static int parse(struct report_args *a, int argc, char **argv, struct wn_err *err)
{
	char *args[MAX_ARGS];
	static char long_o[] = "--output";
	if (argc > MAX_ARGS)
		return wn_err_set(err, WN_USAGE, "report: too many arguments");
	for (int i = 0; i < argc; i++)
		args[i] = strcmp(argv[i], "-o") == 0 ? long_o : argv[i];
	struct wn_cli_parse p = { .opts = report_opts, .ctx = a, .command = "report" };
	int rc = wn_cli_parse_args(&p, argc, args, err);
	if (rc == WN_OK && a->output && !*a->output)
		rc = wn_err_set(err, WN_USAGE, "report: -o needs a file name");
	if (rc == WN_OK && a->since_last && a->from)
		rc = wn_err_set(err, WN_USAGE, "report: --since-last goes without --from");
	if (rc == WN_OK && a->name &&
	    (wn_text_check_note(a->name, strlen(a->name), NAME_MAX_BYTES, NULL) != WN_OK ||
	     strchr(a->name, '\n') || strchr(a->name, '\t')))
		rc = wn_err_set(err, WN_USAGE, "report: --name takes one line of text, at most "
		                "%d bytes, without control characters", NAME_MAX_BYTES);
	return rc;
}

/* --format, else the output file's suffix, else Markdown. */
static int pick_format(const struct report_args *a, int *format, struct wn_err *err)
{
	*format = WN_REPORT_MD;
	if (a->format) {
		int rc = wn_report_parse_format(a->format, format, err);
		if (rc != WN_OK)
			wn_err_hint(err, "use --format md, txt or html");
		return rc;
	}
	const char *dot = a->output ? strrchr(a->output, '.') : NULL;
	/* report.html.age: the suffix before the encryption's */
	if (dot && strcasecmp(dot, ".age") == 0 && wn_cli_seal_on(&a->seal)) {
		const char *d = dot;
		for (dot = NULL; d > a->output && d[-1] != '/'; d--)
			if (d[-1] == '.') {
				dot = d - 1;
				break;
			}
	}
	if (dot && !strchr(dot, '/')) {
		size_t n = strcspn(dot + 1, ".");
		char suffix[16];
		snprintf(suffix, sizeof suffix, "%.*s", (int)(n < 15 ? n : 15), dot + 1);
		if (strcasecmp(suffix, "htm") == 0)
			*format = WN_REPORT_HTML;
		else
			wn_report_parse_format(suffix, format, NULL);
		return WN_OK;
	}
	return WN_OK;
}

/* A usage error "report: [OPT: ]message". */
static int as_usage(int rc, const char *opt, struct wn_err *err)
{
	if (rc == WN_OK)
		return WN_OK;
	char msg[WN_ERR_MSG];
	snprintf(msg, sizeof msg, "%s", err->msg);
	return wn_err_set(err, WN_USAGE, "report: %s%s%s", opt ? opt : "", opt ? ": " : "", msg);
}

static int options(struct wn_cli *c, struct wn_db *db, const struct report_args *a,
                   struct wn_report_opts *o, struct wn_err *err)
{
	long width = WN_REPORT_DEFAULT_WIDTH;
	*o = (struct wn_report_opts){ .from = WN_DATE_NONE, .to = WN_DATE_NONE,
	                              .name = a->name, .ascii = c->cfg.ascii,
	                              .low_mood = c->cfg.low_mood };
	int rc = pick_format(a, &o->format, err);
	if (rc == WN_OK && a->width)
		rc = as_usage(wn_cli_parse_int(a->width, "--width", WN_REPORT_MIN_WIDTH,
		                               WN_REPORT_MAX_WIDTH, &width, err), NULL, err);
	o->width = (int)width;
	if (rc == WN_OK && a->from)
		rc = as_usage(wn_cli_parse_date(c, a->from, false, &o->from, err), "--from", err);
	if (rc == WN_OK && a->to)
		rc = as_usage(wn_cli_parse_date(c, a->to, false, &o->to, err), "--to", err);
	if (rc == WN_OK && a->since_last)
		rc = wn_report_last(db, &o->from, err);
	return rc;
}

static int write_out(struct wn_cli *c, struct wn_db *db, const struct report_args *a,
                     const struct wn_report_opts *o, struct wn_err *err)
{
	wn_date from, to;
	char f[WN_DATE_STRLEN], t[WN_DATE_STRLEN];
	int rc = wn_report_range(db, o, &from, &to, err);
	struct wn_buf b;
	wn_buf_init(&b);
	struct wn_report r = { 0 };
	if (rc == WN_OK)
		rc = wn_report_gather(db, o, &r, err);
	if (rc == WN_OK)
		rc = wn_report_write(&r, o, &b, err);
	wn_report_free(&r);
	if (rc == WN_OK && wn_cli_seal_on(&a->seal)) {
		rc = wn_cli_seal_output(c, db, &a->seal, a->output, a->force, b.s, b.len, err);
		if (rc == WN_OK && a->output)
			fprintf(c->out, "wrote the encrypted report for %s to %s to %s\n",
			        wn_date_format(from, f), wn_date_format(to, t), a->output);
	} else if (rc == WN_OK && a->output) {
		rc = wn_db_write_output(db, a->output, b.s, b.len, a->force, err);
		struct wn_err e = { 0 };
		/* the file is written: not remembering its end is only a warning */
		if (rc == WN_OK && wn_report_remember(db, to, &e) != WN_OK)
			fprintf(stderr, "wean: the report is written, but its end could not be"
			        " remembered for --since-last: %s\n", e.msg);
		if (rc == WN_OK)
			fprintf(c->out, "wrote the report for %s to %s (%ld %s, %s) to %s\n",
			        wn_date_format(from, f), wn_date_format(to, t), (long)(to - from + 1),
			        wn_report_plural(to - from + 1, "day", "days"),
			        wn_report_suffix(o->format), a->output);
	} else if (rc == WN_OK && fwrite(b.s, 1, b.len, c->out) != b.len) {
		rc = wn_err_set(err, WN_IOERR, "cannot write the report: %s", strerror(errno));
	}
	wn_buf_free(&b);
	return rc;
}

int wn_cmd_report(struct wn_cli *c, int argc, char **argv, struct wn_err *err)
{
	struct report_args a = { 0 };
	struct wn_report_opts o;
	struct wn_db *db;
	int rc = parse(&a, argc, argv, err);
	if (rc == WN_OK && a.help) {
		help(c->out);
		return WN_OK;
	}
	if (rc == WN_OK)
		rc = wn_cli_seal_check(c, &a.seal, a.output != NULL, err);
	if (rc == WN_OK)
		rc = wn_cli_db(c, false, &db, err);
	if (rc == WN_OK)
		rc = options(c, db, &a, &o, err);
	if (rc == WN_OK && a.since_last && o.from != WN_DATE_NONE &&
	    o.from > (o.to != WN_DATE_NONE ? o.to : c->today)) {
		char d[WN_DATE_STRLEN];
		return wn_err_set(err, WN_USAGE, "report: the last report already covers up to %s",
		                  wn_date_format(o.from - 1, d));
	}
	return rc == WN_OK ? write_out(c, db, &a, &o, err) : rc;
}
