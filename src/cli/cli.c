/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli.c -- global options, the command table and argument parsing (the
 * help is generated in help.c, the shell completions in complete.c). */
#include "cli_int.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "core/suggest.h"
#include "core/text.h"
#include "core/records.h"
#include "db/med.h"
#include "db/symptoms.h"

/* Only commands that work are listed: --help and the shell completions are
 * generated from this and the commands' specs. */
static const struct wn_cli_command commands[] = {
	{ "checkin", wn_cmd_checkin, "create or update a day's check-in", &wn_cli_spec_checkin },
	{ "show", wn_cmd_show, "print one day", &wn_cli_spec_show },
	{ "log", wn_cmd_log, "one line per day", &wn_cli_spec_log },
	{ "question", wn_cmd_question, "list, answer, change or delete your questions for the"
	  " prescriber", &wn_cli_spec_question },
	{ "note", wn_cmd_note, "list, change or delete the quick notes of a day",
	  &wn_cli_spec_note },
	{ "day", wn_cmd_day, "delete a whole day's record (asks first, backs up first)",
	  &wn_cli_spec_day },
	{ "med", wn_cmd_med, "add, change or list medications", &wn_cli_spec_med },
	{ "plan", wn_cmd_plan, "taper plans: add one, show it, hold, resume or record going back"
	  " up", &wn_cli_spec_plan },
	{ "export", wn_cmd_export, "export the diary (csv, json) or the taper steps as a"
	  " calendar (ics)", &wn_cli_spec_export },
	{ "report", wn_cmd_report, "a report for your prescriber (Markdown, text or HTML)",
	  &wn_cli_spec_report },
	{ "import", wn_cmd_import, "import days from wean's json or csv export, Daylio or a spreadsheet",
	  &wn_cli_spec_import },
	{ "chart", wn_cmd_chart, "a trend chart of mood, sleep, burden, a symptom or dose:MED",
	  &wn_cli_spec_chart },
	{ "symptoms", wn_cmd_symptoms, "list, add, hide or show symptoms; mark one as pre-existing", &wn_cli_spec_symptoms },
	{ "remind", wn_cmd_remind, "print a nudge and exit 1 if today has no check-in",
	  &wn_cli_spec_remind },
	{ "check", wn_cmd_check, "check the diary's integrity and consistency", &wn_cli_spec_check },
	{ "backup", wn_cmd_backup, "copy the diary to a dated backup file, or to FILE",
	  &wn_cli_spec_backup },
	{ "restore", wn_cmd_restore, "replace the diary with a backup (the diary is kept as a"
	  " backup first)", &wn_cli_spec_restore },
	{ "demo", wn_cmd_demo, "open a generated demo diary (a temporary file)", &wn_cli_spec_demo },
	{ "encrypt", wn_cmd_encrypt, "encrypt the diary with a passphrase", &wn_cli_spec_encrypt },
	{ "decrypt", wn_cmd_decrypt, "make an encrypted diary plain again", &wn_cli_spec_decrypt },
	{ "passphrase", wn_cmd_passphrase, "change an encrypted diary's passphrase",
	  &wn_cli_spec_passphrase },
};
#define N_COMMANDS (sizeof commands / sizeof *commands)

const struct wn_cli_command *wn_cli_commands(size_t *n)
{
	*n = N_COMMANDS;
	return commands;
}

struct global {
	struct wn_config_overrides ov;
	bool help, version;
	const char *completions;      /* --completions SHELL (not in --help) */
	const char *passfile;         /* --passphrase-file FILE */
};

static int g_db(void *ctx, const char *a, struct wn_err *e) { (void)e; ((struct global *)ctx)->ov.db_path = a; return WN_OK; }
static int g_config(void *ctx, const char *a, struct wn_err *e) { (void)e; ((struct global *)ctx)->ov.config_path = a; return WN_OK; }
static int g_nocolor(void *ctx, const char *a, struct wn_err *e) { (void)a; (void)e; ((struct global *)ctx)->ov.no_color = true; return WN_OK; }
static int g_ascii(void *ctx, const char *a, struct wn_err *e) { (void)a; (void)e; ((struct global *)ctx)->ov.ascii = true; return WN_OK; }
static int g_help(void *ctx, const char *a, struct wn_err *e) { (void)a; (void)e; ((struct global *)ctx)->help = true; return WN_OK; }
static int g_passfile(void *ctx, const char *a, struct wn_err *e) { (void)e; ((struct global *)ctx)->passfile = a; return WN_OK; }
static int g_version(void *ctx, const char *a, struct wn_err *e) { (void)a; (void)e; ((struct global *)ctx)->version = true; return WN_OK; }

const struct wn_cli_opt wn_cli_global_opts[] = {
	{ "db", "PATH", g_db, "diary file (also WEAN_DB; default $XDG_DATA_HOME/wean/wean.db)" },
	{ "config", "PATH", g_config, "config file (also WEAN_CONFIG; default $XDG_CONFIG_HOME/wean/config.ini)" },
	{ "no-color", NULL, g_nocolor, "no colour (also NO_COLOR)" },
	{ "ascii", NULL, g_ascii, "draw with plain ASCII only" },
	{ "passphrase-file", "FILE", g_passfile, "an encrypted diary's passphrase, from FILE's"
	  " first line (also WEAN_PASSPHRASE_FILE; default: asked)" },
	{ "help", NULL, g_help, "show this help" },
	{ "version", NULL, g_version, "show the version" },
	{ 0 }
};

/* ---- argument parsing -------------------------------------------------- */

static const struct wn_cli_opt *find_opt(const struct wn_cli_opt *opts,
                                         const char *name, size_t len)
{
	for (const struct wn_cli_opt *o = opts; o->name; o++)
		if (strlen(o->name) == len && strncmp(o->name, name, len) == 0)
			return o;
	return NULL;
}

static int unknown_option(const struct wn_cli_parse *p, const char *word,
                          struct wn_err *err)
{
	const char *cands[64];
	size_t n = 0;
	for (const struct wn_cli_opt *o = p->opts; o && o->name && n < 64; o++)
		cands[n++] = o->name;
	const char *best[3];
	const char *w = word;
	while (*w == '-')
		w++;
	size_t nb = wn_suggest(w, cands, n, best, 3);
	bool global = strcmp(p->command, "wean") == 0;
	wn_err_set(err, WN_USAGE, "%s%sunknown option '%.60s'%s%s%s",
	           global ? "" : p->command, global ? "" : ": ", word,
	           nb ? " (did you mean --" : "", nb ? best[0] : "", nb ? "?)" : "");
	if (global)
		wn_err_hint(err, "see 'wean --help'");
	else
		wn_err_hint(err, "see 'wean %s --help'", p->command);
	return WN_USAGE;
}

static int apply_opt(const struct wn_cli_parse *p, int argc, char **argv,
                     int *i, struct wn_err *err)
{
	const char *word = argv[*i] + 2;
	const char *eq = strchr(word, '=');
	size_t len = eq ? (size_t)(eq - word) : strlen(word);
	const struct wn_cli_opt *o = find_opt(p->opts, word, len);
	if (!o)
		return unknown_option(p, argv[*i], err);
	const char *arg = NULL;
	if (o->arg) {
		if (eq)
			arg = eq + 1;
		else if (*i + 1 < argc)
			arg = argv[++*i];
		else {
			wn_err_set(err, WN_USAGE, "%s: --%s needs a value (%s)",
			           p->command, o->name, o->arg);
			wn_err_hint(err, "see 'wean %s --help'", p->command);
			return WN_USAGE;
		}
	} else if (eq) {
		return wn_err_set(err, WN_USAGE, "%s: --%s takes no value",
		                  p->command, o->name);
	}
	return o->fn(p->ctx, arg, err);
}

int wn_cli_parse_args(const struct wn_cli_parse *p, int argc, char **argv,
                      struct wn_err *err)
{
	bool only_positional = false;
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		int rc;
		if (!only_positional && strcmp(a, "--") == 0) {
			only_positional = true;
			continue;
		}
		if (!only_positional && a[0] == '-' && a[1] == '-' && a[2])
			rc = apply_opt(p, argc, argv, &i, err);
		else if (!only_positional && a[0] == '-' && a[1] && !(a[1] >= '0' && a[1] <= '9'))
			rc = unknown_option(p, a, err);
		else if (p->positional)
			rc = p->positional(p->ctx, a, err);
		else {
			wn_err_set(err, WN_USAGE, "%s: unexpected argument '%.60s'",
			           p->command, a);
			wn_err_hint(err, "see 'wean %s --help'", p->command);
			rc = WN_USAGE;
		}
		if (rc != WN_OK)
			return rc;
	}
	return WN_OK;
}

/* ---- value parsing ----------------------------------------------------- */

int wn_cli_parse_num(const char *s, const char *what, double min, double max,
                     double *out, struct wn_err *err)
{
	char *end;
	errno = 0;
	double v = s && *s ? strtod(s, &end) : NAN;
	if (!s || !*s || *end || errno || !isfinite(v) || strchr(s, 'x') || strchr(s, 'X'))
		return wn_err_set(err, WN_DATAERR, "%s must be a number from %g to %g (got '%.40s')",
		                  what, min, max, s ? s : "");
	if (v < min || v > max)
		return wn_err_set(err, WN_DATAERR, "%s must be from %g to %g (got %.40s)",
		                  what, min, max, s);
	*out = v;
	return WN_OK;
}

int wn_cli_parse_int(const char *s, const char *what, long min, long max,
                     long *out, struct wn_err *err)
{
	char *end;
	errno = 0;
	long v = s && *s ? strtol(s, &end, 10) : 0;
	if (!s || !*s || *end || errno)
		return wn_err_set(err, WN_DATAERR, "%s must be a whole number from %ld to %ld (got '%.40s')",
		                  what, min, max, s ? s : "");
	if (v < min || v > max)
		return wn_err_set(err, WN_DATAERR, "%s must be from %ld to %ld (got %.40s)",
		                  what, min, max, s);
	*out = v;
	return WN_OK;
}

int wn_cli_parse_date(const struct wn_cli *c, const char *s, bool no_future,
                      wn_date *out, struct wn_err *err)
{
	int rc = wn_date_parse(s, c->today, out, err);
	if (rc != WN_OK)
		return rc;
	if (no_future && *out > c->today) {
		char b[WN_DATE_STRLEN], t[WN_DATE_STRLEN];
		wn_err_set(err, WN_DATAERR, "%s is in the future (today is %s); a check-in is for today or earlier",
		           wn_date_format(*out, b), wn_date_format(c->today, t));
		return WN_DATAERR;
	}
	return WN_OK;
}

int wn_cli_parse_time(const char *s, int *minute, struct wn_err *err)
{
	int h, m;
	char extra;
	if (strlen(s) != 5 || sscanf(s, "%2d:%2d%c", &h, &m, &extra) != 2 ||
	    s[2] != ':' || h < 0 || h > 23 || m < 0 || m > 59)
		return wn_err_set(err, WN_DATAERR, "'%.20s' is not a time of day (expected HH:MM, 00:00 to 23:59)", s);
	*minute = h * 60 + m;
	return WN_OK;
}

/* Medications and symptoms by name, with "did you mean" on a miss. */
int wn_cli_find_med(struct wn_db *db, const char *name, struct wn_med *m,
                    struct wn_err *err)
{
	int rc = wn_db_med_find(db, name, m, err);
	if (rc != WN_NOINPUT)
		return rc;
	struct wn_med *all;
	size_t n;
	if (wn_db_med_list(db, &all, &n, err) != WN_OK)
		return err->code;
	const char **cands = calloc(n + 1, sizeof *cands);
	for (size_t i = 0; cands && i < n; i++)
		cands[i] = all[i].name;
	wn_suggest_unknown(err, "medication", name, cands, cands ? n : 0);
	wn_err_hint(err, n ? "'wean med list' shows yours" : "add it first with 'wean med add NAME --unit mg'");
	free(cands);
	free(all);
	return WN_DATAERR;
}

int wn_cli_find_symptom(struct wn_db *db, const char *name, struct wn_symptom *s,
                        struct wn_err *err)
{
	int rc = wn_db_symptom_find(db, name, s, err);
	if (rc != WN_NOINPUT)
		return rc;
	struct wn_symptom *all;
	size_t n;
	if (wn_db_symptom_list(db, true, &all, &n, err) != WN_OK)
		return err->code;
	const char **cands = calloc(n + 1, sizeof *cands);
	for (size_t i = 0; cands && i < n; i++)
		cands[i] = all[i].name;
	wn_suggest_unknown(err, "symptom", name, cands, cands ? n : 0);
	wn_err_hint(err, "'wean symptoms' lists them; 'wean symptoms add NAME' adds one");
	free(cands);
	free(all);
	return WN_DATAERR;
}

/* ---- the diary ---------------------------------------------------------- */

static void put_safe(const char *s);

/* What opening the diary did on the side ("it is now private"). */
static void open_notice(void *ctx, const char *line)
{
	(void)ctx;
	fputs("wean: ", stderr);
	put_safe(line);
	fputc('\n', stderr);
}

int wn_cli_db(struct wn_cli *c, bool create, struct wn_db **db,
              struct wn_err *err)
{
	if (!c->db) {
		struct wn_db_opts o = { .path = c->cfg.db_path, .create = create,
		                        .alone = c->alone, .notice = open_notice,
		                        .passphrase = wn_cli_diary_passphrase, .pass_ctx = c,
		                        .key_cache_minutes = c->cfg.key_cache_minutes };
		int rc = wn_db_open(&c->db, &o, err);
		if (rc == WN_NOINPUT)
			wn_err_hint(err, "run 'wean' to start a diary, or pass --db PATH");
		if (rc != WN_OK)
			return rc;
		if ((rc = wn_cli_prepare_db(c, c->db, err)) != WN_OK)
			return rc;
	}
	*db = c->db;
	return WN_OK;
}

/* ---- main ---------------------------------------------------------------- */

/* A message can quote a path, a name or a value as given: nothing of it
 * may reach the terminal as a control sequence. */
static void put_safe(const char *s)
{
	char *safe = wn_text_sanitize(s, strlen(s), false);
	fputs(safe ? safe : "?", stderr);
	free(safe);
}

static void print_err(const struct wn_err *err)
{
	fputs("wean: ", stderr);
	put_safe(err->msg[0] ? err->msg : wn_status_text(err->code));
	if (err->hint[0]) {
		fputs("; ", stderr);
		put_safe(err->hint);
	}
	fputc('\n', stderr);
}

static void warn_line(void *ctx, const char *line)
{
	(void)ctx;
	fputs("wean: warning: ", stderr);
	put_safe(line);
	fputc('\n', stderr);
}

static int parse_globals(int argc, char **argv, struct global *g, int *first,
                         struct wn_err *err)
{
	struct wn_cli_parse p = { .opts = wn_cli_global_opts, .ctx = g, .command = "wean" };
	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)
			g->help = true;
		else if (strcmp(argv[i], "--completions") == 0 && i + 1 < argc)
			g->completions = argv[++i];
		else if (strcmp(argv[i], "-V") == 0 || strcmp(argv[i], "--version") == 0)
			g->version = true;
		else if (argv[i][1] != '-' || apply_opt(&p, argc, argv, &i, err) != WN_OK) {
			if (argv[i][1] != '-')
				unknown_option(&p, argv[i], err);
			wn_err_hint(err, "see 'wean --help'");
			return WN_USAGE;
		}
	}
	*first = i;
	return WN_OK;
}

static const struct wn_cli_command *find_command(const char *name, struct wn_err *err)
{
	const char *cands[N_COMMANDS];
	for (size_t i = 0; i < N_COMMANDS; i++) {
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
		cands[i] = commands[i].name;
	}
	wn_suggest_unknown(err, "command", name, cands, N_COMMANDS);
	err->code = WN_USAGE;
	wn_err_hint(err, "see 'wean --help'");
	return NULL;
}

static int run(struct wn_cli *c, int argc, char **argv, struct wn_err *err)
{
	struct global g = { 0 };
	int first;
	int rc = parse_globals(argc, argv, &g, &first, err);
	if (rc != WN_OK)
		return rc;
	if (g.help) {
		wn_cli_help(stdout);
		return WN_OK;
	}
	if (g.completions)
		return wn_cli_completions(stdout, g.completions, err);
	if (g.version) {
		puts("wean " WEAN_VERSION "\n"
		     "Copyright (C) 2026 the wean authors.  License GPL-3.0-or-later:\n"
		     "GNU GPL version 3 or later <https://www.gnu.org/licenses/gpl.html>.\n"
		     "This is free software: you may change and pass it on.  There is NO\n"
		     "WARRANTY, to the extent permitted by law.  wean gives no medical advice.");
		return WN_OK;
	}
	const char *today_err = wn_date_today_env_error();
	if (today_err)
		warn_line(NULL, today_err);
	c->today = wn_date_today();
	c->passfile = g.passfile;
	rc = wn_config_load(&c->cfg, &g.ov, warn_line, NULL, err);
	if (rc != WN_OK)
		return rc;
	if (first >= argc) {
		struct wn_db *db;
		if (!c->hooks || !c->hooks->run_tui)
			return wn_err_set(err, WN_USAGE, "no command given");
		rc = wn_cli_db(c, true, &db, err);
		return rc ? rc : c->hooks->run_tui(db, &c->cfg, err);
	}
	const struct wn_cli_command *cmd = find_command(argv[first], err);
	if (!cmd)
		return WN_USAGE;
	return cmd->fn(c, argc - first - 1, argv + first + 1, err);
}

int wn_cli_main(int argc, char **argv, const struct wn_cli_hooks *hooks)
{
	struct wn_cli c = { .out = stdout, .hooks = hooks };
	struct wn_err err = { 0 };
	int rc = run(&c, argc, argv, &err);
	if (c.db)
		wn_db_close(c.db);
	if (fflush(stdout) != 0 && rc == WN_OK)
		rc = wn_err_set(&err, WN_IOERR, "cannot write the output: %s", strerror(errno));
	if (rc != WN_OK && rc != WN_ERR)
		print_err(&err);
	else if (rc == WN_ERR && err.msg[0])
		print_err(&err);
	return rc;
}
