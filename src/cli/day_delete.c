/* SPDX-License-Identifier: GPL-3.0-or-later */
/* day_delete.c (cli) -- `wean day delete DATE [--yes]`: a whole day's
 * record deleted (db/day.h's wn_db_day_delete), after a y/N question on a
 * terminal and a backup of the diary (db/backups.h), whose path is said.
 * Without a terminal, --yes is needed (EX_USAGE otherwise). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli_int.h"
#include "core/records.h"
#include "core/suggest.h"
#include "core/text.h"
#include "core/vocab.h"
#include "db/backups.h"
#include "db/day.h"
#include "db/db.h"

struct dd_args {
	const char *sub, *date;
	bool yes, help;
};

static int dd_pos(void *x, const char *w, struct wn_err *e)
{
	struct dd_args *a = x;
	if (!a->sub)
		a->sub = w;
	else if (!a->date)
		a->date = w;
	else
		return wn_err_set(e, WN_USAGE, "day: unexpected argument '%.40s'", w);
	return WN_OK;
}
static int dd_yes(void *x, const char *a, struct wn_err *e) { (void)a; (void)e; ((struct dd_args *)x)->yes = true; return WN_OK; }
static int dd_help(void *x, const char *a, struct wn_err *e) { (void)a; (void)e; ((struct dd_args *)x)->help = true; return WN_OK; }

static const struct wn_cli_opt day_opts[] = {
	{ "yes", NULL, dd_yes, "delete without asking (needed without a terminal)" },
	{ "help", NULL, dd_help, "show this help" },
	{ 0 }
};
static const struct wn_cli_sub day_subs[] = {
	{ "delete", "delete DATE [--yes]", day_opts },
	{ 0 }
};
const struct wn_cli_spec wn_cli_spec_day = { .args = "delete DATE [--yes]", .opts = day_opts,
                                             .subs = day_subs };

static void help(FILE *f)
{
	wn_cli_subs_usage(f, "day", day_subs, day_opts);
	fputs("\ndelete removes DATE's record: the check-in (mood, anxiety, energy,\n"
	      "sleep, note, flag), the symptom ratings, the values, the doses and the\n"
	      "quick notes.  The questions asked that day stay ('wean question delete'\n"
	      "removes one), and so do the plans.  It asks first (y/N) and backs the\n"
	      "diary up first, into <diary dir>/" WN_BACKUP_DIR "/ ('wean restore' puts it\n"
	      "back).  Without a terminal it needs --yes.\n", f);
}

/* y/N on the terminal: true only for an answer starting with y. */
static bool ask(struct wn_cli *c, const char *date, const char *parts)
{
	char line[64];
	fprintf(c->out, "delete the record of %s (%s)? a backup is made first [y/N] ", date, parts);
	fflush(c->out);
	if (!fgets(line, sizeof line, stdin))
		return false;
	return line[0] == 'y' || line[0] == 'Y';
}

static int delete_day(struct wn_cli *c, struct wn_db *db, wn_date date, bool yes,
                      struct wn_err *err)
{
	struct wn_day d;
	char ds[WN_DATE_STRLEN], parts[160], path[WN_CONFIG_PATH_MAX + 32];
	int rc = wn_db_day_load(db, date, &d, err);
	if (rc != WN_OK)
		return rc;
	struct wn_vocab_facts facts;
	wn_vocab_facts_of_day(&d, &facts);
	wn_vocab_day_parts(&facts, parts, sizeof parts);
	wn_date_format(date, ds);
	wn_day_free(&d);
	if (!parts[0]) {
		fprintf(c->out, "%s has no record to delete\n", ds);
		return WN_OK;
	}
	if (!yes && !isatty(STDIN_FILENO)) {
		wn_err_set(err, WN_USAGE, "day delete: not asking without a terminal;"
		           " nothing was deleted");
		wn_err_hint(err, "add --yes to delete the record of %s", ds);
		return WN_USAGE;
	}
	if (!yes && !ask(c, ds, parts)) {
		fputs("nothing was deleted\n", c->out);
		return WN_OK;
	}
	if ((rc = wn_db_backup_name(wn_db_path(db), c->today, path, sizeof path, err)) != WN_OK ||
	    (rc = wn_db_backup_file(db, path, false, err)) != WN_OK)
		return rc;
	char *safe = wn_text_sanitize(path, strlen(path), false);
	fprintf(c->out, "backed up the diary to %s\n", safe ? safe : "?");
	free(safe);
	if ((rc = wn_db_day_delete(db, date, NULL, err)) != WN_OK)
		return rc;
	fprintf(c->out, "deleted the record of %s: %s\n", ds, parts);
	return WN_OK;
}

int wn_cmd_day(struct wn_cli *c, int argc, char **argv, struct wn_err *err)
{
	struct dd_args a = { 0 };
	struct wn_cli_parse p = { .opts = day_opts, .positional = dd_pos, .ctx = &a,
	                          .command = "day" };
	static const char *const subs[] = { "delete" };
	struct wn_db *db;
	wn_date date;
	int rc = wn_cli_parse_args(&p, argc, argv, err);
	if (rc == WN_OK && a.help) {
		help(c->out);
		return WN_OK;
	}
	if (rc != WN_OK)
		return rc;
	if (!a.sub || strcmp(a.sub, "delete") != 0) {
		if (!a.sub)
			return wn_err_set(err, WN_USAGE, "day needs a command: day delete DATE");
		wn_suggest_unknown(err, "day command", a.sub, subs, 1);
		err->code = WN_USAGE;
		return WN_USAGE;
	}
	if (!a.date)
		return wn_err_set(err, WN_USAGE, "day delete needs a DATE");
	if ((rc = wn_cli_parse_date(c, a.date, false, &date, err)) != WN_OK ||
	    (rc = wn_cli_db(c, false, &db, err)) != WN_OK)
		return rc;
	return delete_day(c, db, date, a.yes, err);
}
