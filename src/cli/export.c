/* SPDX-License-Identifier: GPL-3.0-or-later */
/* export.c (cli) -- `wean export --format ics`: every step and every
 * going back up of the taper plans as an all-day calendar event, each
 * under a UID that never changes (core/ics.h).  The text comes from
 * ics.c; the file is written atomically here (temporary file in the same
 * directory, fsync, then link or rename), mode 0600. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli_int.h"
#include "export_int.h"
#include "db/export.h"
#include "core/age.h"
#include "core/fileio.h"
#include "db/import.h"
#include "core/ics.h"
#include "core/csv.h"
#include "core/table.h"
#include "db/plan.h"
#include "db/db.h"
#include "core/suggest.h"
#include "core/text.h"
#include "core/plan.h"
#include "core/records.h"
#include "core/report_facts.h"
#include "db/med.h"

#define EXPORT_ARGS "--format ics|csv|json [--for-spreadsheet] [--from DATE] [--to DATE]" \
	" [-o FILE] [--force]"
#define MAX_ARGS 64

struct export_args {
	struct wn_cli *c;
	const char *format, *from, *to, *output;
	bool force, help, sheet;
	struct wn_cli_seal seal;
};

static int o_sheet(void *x, const char *a, struct wn_err *e) { (void)a; (void)e; ((struct export_args *)x)->sheet = true; return WN_OK; }
static int o_format(void *x, const char *a, struct wn_err *e) { (void)e; ((struct export_args *)x)->format = a; return WN_OK; }
static int o_from(void *x, const char *a, struct wn_err *e) { (void)e; ((struct export_args *)x)->from = a; return WN_OK; }
static int o_to(void *x, const char *a, struct wn_err *e) { (void)e; ((struct export_args *)x)->to = a; return WN_OK; }
static int o_output(void *x, const char *a, struct wn_err *e) { (void)e; ((struct export_args *)x)->output = a; return WN_OK; }
static int o_force(void *x, const char *a, struct wn_err *e) { (void)a; (void)e; ((struct export_args *)x)->force = true; return WN_OK; }
static int o_help(void *x, const char *a, struct wn_err *e) { (void)a; (void)e; ((struct export_args *)x)->help = true; return WN_OK; }
static int o_seal_to(void *x, const char *a, struct wn_err *e) { return wn_cli_seal_add_to(&((struct export_args *)x)->seal, a, e); }
static int o_seal_pass(void *x, const char *a, struct wn_err *e) { (void)a; (void)e; ((struct export_args *)x)->seal.passphrase = true; return WN_OK; }
static int o_seal_file(void *x, const char *a, struct wn_err *e) { (void)e; ((struct export_args *)x)->seal.passfile = a; return WN_OK; }

static const struct wn_cli_opt export_opts[] = {
	{ "format", "F", o_format, "ics (taper steps), csv (one row per day) or json (everything)" },
	{ "for-spreadsheet", NULL, o_sheet, "csv for LibreOffice or Excel: a byte-order mark,"
	  " units in the header" },
	{ "from", "DATE", o_from, "first day (default: csv, json the diary's first record;"
	  " ics every step)" },
	{ "to", "DATE", o_to, "last day (default: csv, json the diary's last record;"
	  " ics every step)" },
	{ "output", "FILE", o_output, "write to FILE (also -o FILE) instead of stdout" },
	{ "force", NULL, o_force, "replace FILE if it exists" },
	{ "encrypt-to", "RECIPIENT", o_seal_to, WN_CLI_SEAL_HELP_TO },
	{ "encrypt-passphrase", NULL, o_seal_pass, WN_CLI_SEAL_HELP_PASS },
	{ "encrypt-passphrase-file", "FILE", o_seal_file, WN_CLI_SEAL_HELP_FILE },
	{ "help", NULL, o_help, "show this help" },
	{ 0 }
};
const struct wn_cli_spec wn_cli_spec_export = { .args = EXPORT_ARGS, .opts = export_opts };

/* ---- output ------------------------------------------------------------------------ */

/* Where the text goes, a piece at a time: with -o a file, staged beside
 * it and published only when the whole text is written (core/fileio.h);
 * else the standard output.  To a file or a pipe the bytes go as they
 * are.  To a terminal the text is shown terminal-safe (CR LF read as a
 * line end, every other control character made visible): a note cannot
 * send escape sequences. */
struct sink {
	struct wn_cli *c;
	struct wn_file_stage file;
	bool to_file, tty;
	bool cr;                 /* a piece to the terminal ended in CR */
	struct wn_buf t, u;      /* the terminal's working text, reused */
	struct wn_age *age;      /* --encrypt-to, --encrypt-passphrase: sealed on the way */
};

/* Sealed bytes to the file or the standard output (an age sink). */
static int raw_write(void *ctx, const void *p, size_t n)
{
	struct sink *k = ctx;
	if (k->to_file)
		return wn_file_stage_write(&k->file, p, n, NULL) == WN_OK ? 0 : -1;
	return fwrite(p, 1, n, k->c->out) == n ? 0 : -1;
}

static int sink_open(struct sink *k, struct wn_cli *c, struct wn_db *db,
                     const struct export_args *a, struct wn_err *err)
{
	*k = (struct sink){ .c = c, .to_file = a->output != NULL, .file = { .fd = -1 } };
	wn_buf_init(&k->t);
	wn_buf_init(&k->u);
	int rc = WN_OK;
	if (k->to_file)
		rc = wn_db_output_open(db, a->output, a->force, &k->file, err);
	else
		k->tty = isatty(fileno(c->out));
	if (rc == WN_OK && wn_cli_seal_on(&a->seal)) {
		k->tty = false;         /* never a terminal: wn_cli_seal_check */
		rc = wn_cli_seal_open(&a->seal, &k->age,
		                      (struct wn_age_sink){ raw_write, k }, err);
	}
	return rc;
}

static int out_error(struct wn_err *err)
{
	return wn_err_set(err, WN_IOERR, "cannot write the output: %s", strerror(errno));
}

static int tty_write(struct sink *k, const char *s, size_t n, struct wn_err *err)
{
	wn_buf_reset(&k->t);
	wn_buf_reset(&k->u);
	if (k->cr && (n == 0 || s[0] != '\n'))
		wn_buf_addc(&k->t, '\r');
	k->cr = false;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\r' && i + 1 == n)
			k->cr = true;           /* its LF may begin the next piece */
		else if (!(s[i] == '\r' && s[i + 1] == '\n'))
			wn_buf_addc(&k->t, s[i]);
	}
	unsigned flags = WN_TEXT_KEEP_NL | (k->c->cfg.ascii ? WN_TEXT_ASCII : 0);
	if (k->t.failed || wn_text_sanitize_to(&k->u, k->t.s ? k->t.s : "", k->t.len,
	                                       flags) != WN_OK)
		return wn_err_set(err, WN_ERR, "out of memory");
	return fwrite(k->u.s ? k->u.s : "", 1, k->u.len, k->c->out) == k->u.len ? WN_OK :
	       out_error(err);
}

/* A piece of the text (struct wn_export_opts' flush). */
static int sink_write(void *ctx, const char *s, size_t n, struct wn_err *err)
{
	struct sink *k = ctx;
	if (k->age)
		return wn_age_write(k->age, s, n, err);
	if (k->to_file)
		return wn_file_stage_write(&k->file, s, n, err);
	if (k->tty)
		return tty_write(k, s, n, err);
	return fwrite(s, 1, n, k->c->out) == n ? WN_OK : out_error(err);
}

/* Ends the text: a file is published when rc is WN_OK (removed
 * otherwise); the standard output is flushed.  Returns the final status. */
static int sink_close(struct sink *k, int rc, struct wn_err *err)
{
	if (rc == WN_OK && k->tty && k->cr)
		rc = tty_write(k, "", 0, err);     /* a CR at the very end, shown */
	if (k->age && rc == WN_OK)
		rc = wn_age_close(k->age, err);    /* the last chunk, sealed */
	else if (k->age)
		wn_age_abandon(k->age);
	k->age = NULL;
	if (k->to_file)
		rc = wn_file_stage_close(&k->file, rc, err);
	else if (rc == WN_OK && fflush(k->c->out) != 0)
		rc = out_error(err);
	wn_buf_free(&k->t);
	wn_buf_free(&k->u);
	return rc;
}


/* ---- the command -------------------------------------------------------------------------- */

static int check_format(const char *f, struct wn_err *err)
{
	static const char *const formats[] = { "ics", "csv", "json" };
	if (!f) {
		wn_err_set(err, WN_USAGE, "export needs --format ics");
		wn_err_hint(err, "e.g. 'wean export --format ics -o taper.ics'");
		return WN_USAGE;
	}
	if (strcmp(f, "ics") == 0)
		return WN_OK;
	if (strcmp(f, "csv") == 0 || strcmp(f, "json") == 0)
		return WN_OK;
	wn_suggest_unknown(err, "format", f, formats, 3);
	err->code = WN_USAGE;
	return WN_USAGE;
}

/* DTSTAMP: the time now, or midnight of WEAN_TODAY when it is set, so that
 * tests and demos give the same file. */
static void stamp(const struct wn_cli *c, char out[WN_ICS_STAMP])
{
	const char *fixed = getenv("WEAN_TODAY");
	if (fixed && *fixed && !wn_date_today_env_error()) {
		wn_ics_stamp(c->today, 0, out);
		return;
	}
	time_t t = time(NULL);
	long long days = (long long)t / 86400, secs = (long long)t % 86400;
	wn_ics_stamp((wn_date)days, (long)secs, out);
}

static void say_written(struct wn_cli *c, const struct wn_cli_ics_events *e, const char *file)
{
	fprintf(c->out, "wrote %zu taper step%s", e->steps, e->steps == 1 ? "" : "s");
	if (e->reinstated)
		fprintf(c->out, " and %zu reinstated dose%s", e->reinstated,
		        e->reinstated == 1 ? "" : "s");
	if (e->stages)
		fprintf(c->out, " and %zu stage%s of a switch", e->stages, e->stages == 1 ? "" : "s");
	fprintf(c->out, " to %s\n", file);
	if (e->held)
		fprintf(c->out, "%zu later step%s on hold %s no date yet: cancelled in the file"
		        " until the taper resumes\n", e->held, e->held == 1 ? "" : "s",
		        e->held == 1 ? "has" : "have");
	if (e->gone)
		fprintf(c->out, "%zu event%s no longer planned (a plan replaced, or going back up"
		        " that day): cancelled in the file\n", e->gone, e->gone == 1 ? " is" : "s are");
	if (e->broken)
		fprintf(c->out, "%zu earlier plan%s no longer build%s and %s not in the file\n",
		        e->broken, e->broken == 1 ? "" : "s", e->broken == 1 ? "s" : "",
		        e->broken == 1 ? "is" : "are");
}

static int emit(struct wn_cli *c, struct wn_db *db, const struct export_args *a,
                const struct wn_cli_ics_events *e, struct wn_err *err)
{
	char dtstamp[WN_ICS_STAMP];
	stamp(c, dtstamp);
	struct wn_ics_calendar cal = { .prodid = "-//wean//wean " WEAN_VERSION "//EN",
	                               .name = "wean taper plan", .dtstamp = dtstamp,
	                               .events = e->ev, .n_events = e->n };
	struct wn_buf b;
	struct sink k;
	wn_buf_init(&b);
	int rc = sink_open(&k, c, db, a, err);
	if (rc == WN_OK)
		rc = wn_ics_format(&b, &cal, err);
	if (rc == WN_OK)
		rc = sink_write(&k, b.s ? b.s : "", b.len, err);
	rc = sink_close(&k, rc, err);
	if (rc == WN_OK && a->output)
		say_written(c, e, a->output);
	wn_buf_free(&b);
	return rc;
}

/* ---- csv and json --------------------------------------------------------------------- */

static int export_data(struct wn_cli *c, const struct export_args *a, const struct wn_cli_ics_events *e,
                       struct wn_err *err)
{
	struct wn_db *db;
	struct wn_export_opts o = { .from = a->from ? e->from : WN_DATE_NONE,
	                            .to = a->to ? e->to : WN_DATE_NONE,
	                            .spreadsheet = a->sheet };
	char stamp[32];
	const char *fixed = getenv("WEAN_TODAY");
	if (fixed && *fixed && !wn_date_today_env_error()) {
		char d[WN_DATE_STRLEN];
		snprintf(stamp, sizeof stamp, "%sT00:00:00Z", wn_date_format(c->today, d));
		o.exported = stamp;
	}
	int rc = wn_cli_db(c, false, &db, err);
	if (rc != WN_OK)
		return rc;
	/* streamed: a piece at a time to the file or the standard output */
	struct wn_buf b;
	struct sink k;
	wn_buf_init(&b);
	o.flush = sink_write;
	o.flush_ctx = &k;
	bool csv = strcmp(a->format, "csv") == 0;
	rc = sink_open(&k, c, db, a, err);
	if (rc == WN_OK)
		rc = csv ? wn_export_csv(db, &o, &b, err) : wn_export_json(db, &o, &b, err);
	rc = sink_close(&k, rc, err);
	if (rc == WN_OK && a->output)
		fprintf(c->out, "wrote %zu day%s to %s\n", o.n_days, o.n_days == 1 ? "" : "s",
		        a->output);
	wn_buf_free(&b);
	return rc;
}

/* ---- wean import ----------------------------------------------------------------------- */

#define IMPORT_ARGS "FILE [--format json|csv|daylio|table] [--map FIELD=COLUMN,...]" \
	" [--date-format F] [--mood-map LABEL=N,...] [--on-conflict R] [--replace] [--dry-run]"

struct import_args {
	const char *file, *format, *rule, *moods, *map, *datefmt;
	bool replace, dry_run, help;
};

static int i_format(void *x, const char *a, struct wn_err *e) { (void)e; ((struct import_args *)x)->format = a; return WN_OK; }
static int i_rule(void *x, const char *a, struct wn_err *e) { (void)e; ((struct import_args *)x)->rule = a; return WN_OK; }
static int i_moods(void *x, const char *a, struct wn_err *e) { (void)e; ((struct import_args *)x)->moods = a; return WN_OK; }
static int i_map(void *x, const char *a, struct wn_err *e) { (void)e; ((struct import_args *)x)->map = a; return WN_OK; }
static int i_datefmt(void *x, const char *a, struct wn_err *e) { (void)e; ((struct import_args *)x)->datefmt = a; return WN_OK; }
static int i_replace(void *x, const char *a, struct wn_err *e) { (void)a; (void)e; ((struct import_args *)x)->replace = true; return WN_OK; }
static int i_dry(void *x, const char *a, struct wn_err *e) { (void)a; (void)e; ((struct import_args *)x)->dry_run = true; return WN_OK; }
static int i_help(void *x, const char *a, struct wn_err *e) { (void)a; (void)e; ((struct import_args *)x)->help = true; return WN_OK; }
static int i_file(void *x, const char *w, struct wn_err *e)
{
	struct import_args *a = x;
	if (a->file)
		return wn_err_set(e, WN_USAGE, "import takes one FILE");
	a->file = w;
	return WN_OK;
}

static const struct wn_cli_opt import_opts[] = {
	{ "format", "F", i_format, "json, csv (wean's exports), daylio or table (your own"
	  " spreadsheet); default: by FILE's name, .json, .csv or .tsv" },
	{ "map", "FIELD=COLUMN,...", i_map, "table: which column gives what: date, mood,"
	  " anxiety, energy, sleep, flag, note, symptom:NAME, metric:NAME, dose:MED" },
	{ "date-format", "F", i_datefmt, "table: the dates as YYYY-MM-DD, DD.MM.YYYY,"
	  " DD/MM/YYYY or MM/DD/YYYY (default: any of them that is unambiguous)" },
	{ "mood-map", "LABEL=N,...", i_moods, "daylio: the mood (0-10) of each of your labels,"
	  " besides the stock " WN_IMPORT_DAYLIO_MAP },
	{ "on-conflict", "R", i_rule, "a value the diary has otherwise: keep (default), replace,"
	  " or append (notes)" },
	{ "replace", NULL, i_replace, "a day already in the diary is replaced as a whole" },
	{ "dry-run", NULL, i_dry, "check the file and count, write nothing" },
	{ "help", NULL, i_help, "show this help" },
	{ 0 }
};
const struct wn_cli_spec wn_cli_spec_import = { .args = IMPORT_ARGS, .opts = import_opts,
                                                .files = true };

/* Before days already in the diary change: a backup as `wean backup`
 * makes it (backups/wean-DATE.db beside the diary), which says where. */
static int import_backup(void *ctx, struct wn_err *err)
{
	return wn_cmd_backup(ctx, 0, NULL, err);
}

static void print_conflict(FILE *f, const struct wn_import_conflict *k)
{
	if (k->action == WN_IMPORT_KEPT)
		fprintf(f, "  %s %s: kept %s (the file has %s)\n", k->date, k->field, k->diary,
		        k->file);
	else if (k->action == WN_IMPORT_REPLACED)
		fprintf(f, "  %s %s: now %s (the diary had %s)\n", k->date, k->field, k->file,
		        k->diary);
	else
		fprintf(f, "  %s %s: the file's %s joined below %s\n", k->date, k->field, k->file,
		        k->diary);
}

/* A table's row in a dry run: what would become of it. */
static void print_row(void *ctx, const struct wn_import_row *r)
{
	static const char *const what[] = { [WN_ROW_ADDED] = "would be added",
		[WN_ROW_UPDATED] = "would be changed", [WN_ROW_UNCHANGED] = "unchanged",
		[WN_ROW_SKIPPED] = "skipped (no value)", [WN_ROW_REFUSED] = "refused" };
	struct wn_cli *c = ctx;
	char why[512];
	fprintf(c->out, "line %d: ", r->line);
	if (r->date[0])
		fprintf(c->out, "%s ", r->date);
	fputs(what[r->what], c->out);
	if (r->what == WN_ROW_REFUSED) {
		wn_text_fit(r->why, 200, why, sizeof why, false);
		fprintf(c->out, ": %s", why);
		if (r->hint && r->hint[0]) {
			wn_text_fit(r->hint, 200, why, sizeof why, false);
			fprintf(c->out, " (%s)", why);
		}
	} else if (r->conflicts) {
		fprintf(c->out, " (%zu conflict%s, below)", r->conflicts, r->conflicts == 1 ? "" : "s");
	}
	fputc('\n', c->out);
}

static void print_result(struct wn_cli *c, const struct wn_import_opts *o,
                         const struct wn_import_result *r)
{
	static const char *const how[] = {
		[WN_IMPORT_KEEP] = "the diary's values kept; --on-conflict replace takes the file's",
		[WN_IMPORT_REPLACE] = "the file's values taken",
		[WN_IMPORT_APPEND] = "notes joined, the diary's other values kept",
	};
	if (o->format == WN_IMPORT_DAYLIO) {
		char map[WN_DAYLIO_MAP_MAX * (WN_DAYLIO_LABEL_MAX + 4)];
		wn_daylio_map_text(o->daylio_map, map, sizeof map);
		fprintf(c->out, "Daylio moods mapped: %s\n", map);
	}
	if (r->sep && r->sep != ',')
		fprintf(c->out, "columns separated by %s\n", wn_csv_sep_name(r->sep));
	fprintf(c->out, "%sadded %zu day%s, updated %zu, unchanged %zu, skipped %zu",
	        o->dry_run ? "dry run, nothing written: " : "", r->added, r->added == 1 ? "" : "s",
	        r->updated, r->unchanged, r->skipped);
	if (o->format == WN_IMPORT_TABLE && o->dry_run)
		fprintf(c->out, ", refused %zu line%s", r->refused, r->refused == 1 ? "" : "s");
	fputc('\n', c->out);
	if (r->refused)
		fputs("(an import without --dry-run stops at the first refused line and writes"
		      " nothing)\n", c->out);
	if (r->conflicts)
		fprintf(c->out, "%zu conflict%s (%s):\n", r->conflicts, r->conflicts == 1 ? "" : "s",
		        how[o->on_conflict]);
	for (size_t i = 0; i < r->n_listed; i++)
		print_conflict(c->out, &r->listed[i]);
	if (r->conflicts > r->n_listed)
		fprintf(c->out, "  ... and %zu more\n", r->conflicts - r->n_listed);
}

static void import_help(FILE *f)
{
	wn_cli_command_help(f, "import", IMPORT_ARGS, import_opts);
	fputs("\nThe import is one transaction: all of it or nothing, checked by the rules\n"
	      "wean keeps everywhere (no day after today, no rating of a hidden symptom,\n"
	      "no unit change under recorded doses, plans that build ...).  A day already\n"
	      "in the diary is merged value by value: what the diary lacks is added, and\n"
	      "a value the diary has otherwise is a conflict, listed one a line and kept\n"
	      "unless --on-conflict says replace (the file's) or append (notes joined\n"
	      "below \"" WN_IMPORT_SEPARATOR "\"); --replace replaces whole days.  Before days\n"
	      "already in the diary change, it is backed up as 'wean backup' does.\n\n"
	      "Daylio: the columns are found by name (the older export without\n"
	      "note_title, and tab-separated files, too).  A day's mood is the mean of\n"
	      "its entries' moods, each label mapped to a number from 0 to 10:\n"
	      WN_IMPORT_DAYLIO_MAP " unless --mood-map says otherwise\n"
	      "(--mood-map \"super=8,tired=4\" for labels of your own; an unknown label\n"
	      "stops the import and names them all).  Each entry's title, note and\n"
	      "activities become a quick note at the entry's time.\n\n"
	      "Without --format the name says: .json wean JSON, .csv and .tsv wean CSV\n"
	      "(also 'export --for-spreadsheet': a byte-order mark, units in the header,\n"
	      "commas, semicolons or tabs between the columns).\n\n"
	      "Your own spreadsheet, saved as CSV: --format table --map names its\n"
	      "columns, e.g. --map \"date=Date,mood=Mood,sleep=Hours slept,note=Notes,\n"
	      "symptom:headache=Headache,dose:sertraline=Sertraline mg\" (the symptoms and\n"
	      "medications must be in the diary).  Numbers may have a decimal comma.\n"
	      "--dry-run shows line by line what would be added, changed or refused.\n", f);
}

/* The format FILE's name gives: .json, .csv, .tsv (any case); a name
 * without an extension (a pipe, /dev/stdin) is JSON, as before there was
 * a choice.  WN_USAGE for another extension. */
static int by_name(const char *file, enum wn_import_format *out)
{
	static const struct { const char *ext; enum wn_import_format f; } exts[] = {
		{ ".json", WN_IMPORT_JSON }, { ".csv", WN_IMPORT_CSV }, { ".tsv", WN_IMPORT_CSV },
	};
	size_t n = strlen(file);
	const char *base = strrchr(file, '/');
	base = base ? base + 1 : file;
	if (!strchr(base + (*base == '.'), '.')) {   /* no extension: /dev/stdin */
		*out = WN_IMPORT_JSON;
		return WN_OK;
	}
	for (size_t i = 0; i < sizeof exts / sizeof *exts; i++) {
		size_t k = strlen(exts[i].ext);
		if (n > k && strcasecmp(file + n - k, exts[i].ext) == 0) {
			*out = exts[i].f;
			return WN_OK;
		}
	}
	return WN_USAGE;
}

static int by_name_err(const char *file, struct wn_err *err)
{
	const char *base = strrchr(file, '/');
	return wn_err_set(err, WN_USAGE, "cannot tell the format of %.60s from its name:"
	                  " give --format json, csv, daylio or table", base ? base + 1 : file);
}

/* The options into o, the Daylio labels into moods and the table's map
 * into map (o points at them). */
static int import_opts_of(const struct import_args *a, struct wn_import_opts *o,
                          struct wn_daylio_map *moods, struct wn_table_map *map,
                          struct wn_err *err)
{
	wn_daylio_map_init(moods);
	o->daylio_map = moods;
	if (!a->file)
		return wn_err_set(err, WN_USAGE, "import needs a FILE");
	if (a->format && !wn_import_format_parse(a->format, &o->format))
		return wn_err_set(err, WN_USAGE, "unknown --format %.40s (json, csv, daylio or"
		                  " table)", a->format);
	if (!a->format && by_name(a->file, &o->format) != WN_OK)
		return by_name_err(a->file, err);
	if ((a->map || a->datefmt) && o->format != WN_IMPORT_TABLE)
		return wn_err_set(err, WN_USAGE, "%s is for --format table",
		                  a->map ? "--map" : "--date-format");
	if (o->format == WN_IMPORT_TABLE && !a->map) {
		wn_err_set(err, WN_USAGE, "--format table needs --map FIELD=COLUMN,...");
		wn_err_hint(err, "e.g. --map \"date=Date,mood=Mood,sleep=Hours slept\"");
		return WN_USAGE;
	}
	if (a->map) {
		int rc = wn_table_map_parse(map, a->map, err);
		if (rc != WN_OK)
			return rc;
		o->table = map;
	}
	if (a->datefmt && !wn_table_datefmt_parse(a->datefmt, &map->datefmt))
		return wn_err_set(err, WN_USAGE, "unknown --date-format %.40s (YYYY-MM-DD,"
		                  " DD.MM.YYYY, DD/MM/YYYY or MM/DD/YYYY)", a->datefmt);
	if (a->rule && !wn_import_rule_parse(a->rule, &o->on_conflict))
		return wn_err_set(err, WN_USAGE, "unknown --on-conflict %.40s (keep, replace or"
		                  " append)", a->rule);
	if (a->moods && o->format != WN_IMPORT_DAYLIO)
		return wn_err_set(err, WN_USAGE, "--mood-map is for --format daylio");
	return a->moods ? wn_daylio_map_parse(moods, a->moods, err) : WN_OK;
}

int wn_cmd_import(struct wn_cli *c, int argc, char **argv, struct wn_err *err)
{
	struct import_args a = { 0 };
	struct wn_cli_parse p = { .opts = import_opts, .positional = i_file, .ctx = &a,
	                          .command = "import" };
	int rc = wn_cli_parse_args(&p, argc, argv, err);
	if (rc == WN_OK && a.help) {
		import_help(c->out);
		return WN_OK;
	}
	struct wn_import_opts o = { .format = WN_IMPORT_JSON, .replace = a.replace,
	                            .dry_run = a.dry_run, .backup = import_backup,
	                            .backup_ctx = c };
	struct wn_daylio_map moods;
	struct wn_table_map *map = calloc(1, sizeof *map);
	if (rc == WN_OK && !map)
		rc = wn_err_set(err, WN_ERR, "out of memory");
	if (rc == WN_OK)
		rc = import_opts_of(&a, &o, &moods, map, err);
	if (rc == WN_OK && o.format == WN_IMPORT_TABLE && o.dry_run) {
		o.row = print_row;
		o.row_ctx = c;
	}
	struct wn_db *db;
	struct wn_import_result r = { 0 };
	int fd = -1;
	/* opened (and a file too large refused) before the diary is */
	if (rc == WN_OK)
		rc = wn_file_open_input(a.file, WN_IMPORT_MAX_BYTES, &fd, err);
	if (rc == WN_OK && !a.format)
		fprintf(c->out, "reading %s as %s\n", a.file, o.format == WN_IMPORT_JSON ?
		        "wean JSON" : "wean CSV");
	if (rc == WN_OK && (rc = wn_cli_db(c, true, &db, err)) == WN_OK)
		rc = wn_import_fd(db, &o, fd, &r, err);
	if (fd >= 0)
		close(fd);
	if (rc == WN_OK)
		print_result(c, &o, &r);
	wn_import_result_free(&r);
	free(map);
	return rc;
}

static int parse(struct export_args *a, int argc, char **argv, struct wn_err *err)
{
	char *args[MAX_ARGS];
	static char long_o[] = "--output";
	if (argc > MAX_ARGS)
		return wn_err_set(err, WN_USAGE, "export: too many arguments");
	for (int i = 0; i < argc; i++)
		args[i] = strcmp(argv[i], "-o") == 0 ? long_o : argv[i];
	struct wn_cli_parse p = { .opts = export_opts, .ctx = a, .command = "export" };
	int rc = wn_cli_parse_args(&p, argc, args, err);
	if (rc == WN_OK && a->help)
		wn_cli_command_help(a->c->out, "export", EXPORT_ARGS, export_opts);
	if (rc == WN_OK && !a->help)
		rc = check_format(a->format, err);
	if (rc == WN_OK && !a->help && a->sheet && strcmp(a->format, "csv") != 0)
		rc = wn_err_set(err, WN_USAGE, "--for-spreadsheet is for --format csv");
	if (rc == WN_OK && a->output && !*a->output)
		rc = wn_err_set(err, WN_USAGE, "-o needs a file name");
	return rc;
}

int wn_cmd_export(struct wn_cli *c, int argc, char **argv, struct wn_err *err)
{
	struct export_args a = { .c = c };
	struct wn_cli_ics_events e = { .from = WN_DATE_NONE + 1, .to = -WN_DATE_NONE };
	struct wn_db *db;
	char b1[WN_DATE_STRLEN], b2[WN_DATE_STRLEN];
	int rc = parse(&a, argc, argv, err);
	if (rc != WN_OK || a.help)
		return rc;
	if ((rc = wn_cli_seal_check(c, &a.seal, a.output != NULL, err)) != WN_OK)
		return rc;
	if (a.from && (rc = wn_cli_parse_date(c, a.from, false, &e.from, err)) != WN_OK)
		return rc;
	if (a.to && (rc = wn_cli_parse_date(c, a.to, false, &e.to, err)) != WN_OK)
		return rc;
	if (e.from > e.to)
		return wn_err_set(err, WN_USAGE, "--from %s is after --to %s",
		                  wn_date_format(e.from, b1), wn_date_format(e.to, b2));
	if (strcmp(a.format, "ics") != 0)
		return export_data(c, &a, &e, err);
	if ((rc = wn_cli_db(c, false, &db, err)) == WN_OK &&
	    (rc = wn_cli_ics_collect(db, &e, err)) == WN_OK)
		rc = emit(c, db, &a, &e, err);
	wn_cli_ics_events_free(&e);
	return rc;
}
