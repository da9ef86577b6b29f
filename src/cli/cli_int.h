/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_int.h -- private to src/cli: the command table and what each
 * command takes, which the help (help.c) and the shell completions
 * (complete.c) are generated from, so that neither can drift from the
 * parsers.  Each command file defines its command's wn_cli_spec next to
 * its option tables. */
#ifndef WEAN_CLI_INT_H
#define WEAN_CLI_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "cli/cli.h"

/* A sub-command word (plan add, symptoms hide ...). */
struct wn_cli_sub {
	const char *name;
	const char *args;                 /* usage after "wean CMD"; NULL:
	                                     the command's */
	const struct wn_cli_opt *opts;    /* its options; NULL: the command's */
};

/* What a command takes. */
struct wn_cli_spec {
	const char *args;                 /* usage after "wean CMD" */
	const struct wn_cli_opt *opts;    /* ended by { 0 }; never NULL */
	const struct wn_cli_sub *subs;    /* NULL, or ended by { 0 } */
	bool files;                       /* its other words are file names */
};

struct wn_cli_command {
	const char *name;
	int (*fn)(struct wn_cli *c, int argc, char **argv, struct wn_err *err);
	const char *summary;              /* one line of `wean --help` */
	const struct wn_cli_spec *spec;
};

/* The command table (cli.c), in the order of `wean --help`. */
const struct wn_cli_command *wn_cli_commands(size_t *n);
/* The global options (cli.c). */
extern const struct wn_cli_opt wn_cli_global_opts[];

/* `wean --help` (help.c): every line at most WN_CLI_HELP_WIDTH columns. */
#define WN_CLI_HELP_WIDTH 80
void wn_cli_help(FILE *f);

/* The usage of a command's sub-commands, one "wean CMD ARGS" each, under
 * one "Usage:" (help.c). */
void wn_cli_subs_help(FILE *f, const char *command, const struct wn_cli_sub *subs);

/* The same usage lines and summary, then opts (the options all the
 * sub-commands share), for a command whose --help is one page. */
void wn_cli_subs_usage(FILE *f, const char *command, const struct wn_cli_sub *subs,
                       const struct wn_cli_opt *opts);

/* The completion script for shell "bash", "zsh" or "fish" (complete.c).
 * WN_USAGE naming the shells for another. */
int wn_cli_completions(FILE *f, const char *shell, struct wn_err *err);

/* The commands' specs (each in its command's file). */
extern const struct wn_cli_spec wn_cli_spec_checkin, wn_cli_spec_show, wn_cli_spec_log,
	wn_cli_spec_remind, wn_cli_spec_med, wn_cli_spec_symptoms, wn_cli_spec_check,
	wn_cli_spec_plan, wn_cli_spec_export, wn_cli_spec_import, wn_cli_spec_report,
	wn_cli_spec_chart, wn_cli_spec_backup, wn_cli_spec_restore, wn_cli_spec_demo,
	wn_cli_spec_question, wn_cli_spec_note, wn_cli_spec_day;

#endif
