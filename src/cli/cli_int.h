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
#include "core/buf.h"

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
/* An information line s (its own leading spaces kept) wrapped to
 * WN_CLI_HELP_WIDTH columns, the lines after the first indented by
 * indent spaces, each ending in '\n'. */
void wn_cli_put_line(FILE *f, const char *s, int indent);

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

/* ---- encrypted output (seal.c) ---------------------------------------- */

#define WN_CLI_SEAL_MAX_TO 8
#define WN_CLI_PASS_MAX 1024

/* What --encrypt-to (repeatable), --encrypt-passphrase and
 * --passphrase-file asked for. */
struct wn_cli_seal {
	const char *to[WN_CLI_SEAL_MAX_TO];
	int n_to;
	bool passphrase;
	const char *passfile;
};

int wn_cli_seal_add_to(struct wn_cli_seal *s, const char *arg, struct wn_err *err);
bool wn_cli_seal_on(const struct wn_cli_seal *s);

/* Before anything is read or written: the options go together, every
 * recipient is a valid age key, and binary output is not sent to a
 * terminal (to_file: -o FILE was given). */
int wn_cli_seal_check(struct wn_cli *c, const struct wn_cli_seal *s, bool to_file,
                      struct wn_err *err);

/* data sealed for the recipients, or with a passphrase (asked now, on the
 * terminal twice without echo, or read from the file), appended to out. */
int wn_cli_seal(const struct wn_cli_seal *s, const char *data, size_t len,
                struct wn_buf *out, struct wn_err *err);

/* Starts an age file for what s asks (recipients, or a passphrase asked
 * now) writing to sink. */
struct wn_age;
struct wn_age_sink;
int wn_cli_seal_open(const struct wn_cli_seal *s, struct wn_age **a, struct wn_age_sink sink,
                     struct wn_err *err);

/* data written sealed to path (atomically, 0600, as every output) or,
 * with path NULL, to c->out. */
struct wn_db;
int wn_cli_seal_output(struct wn_cli *c, struct wn_db *db, const struct wn_cli_seal *s,
                       const char *path, bool force, const char *data, size_t len,
                       struct wn_err *err);

/* The options' help lines, shared by export and report. */
#define WN_CLI_SEAL_HELP_TO "encrypt for an age public key (age1...; repeatable)"
#define WN_CLI_SEAL_HELP_PASS "encrypt with a passphrase (asked twice; age -d opens it)"
#define WN_CLI_SEAL_HELP_FILE "read that passphrase from FILE's first line (mode 600)"

/* Where a passphrase comes from: the first line of file (or of the file
 * named by the environment variable env), refused when others may read
 * it; without either, asked on the terminal with prompt, without echo
 * (twice: a new passphrase).  opt names the option in errors. */
struct wn_cli_ask {
	const char *file, *env, *opt, *prompt;
	bool twice;
};
int wn_cli_passphrase(const struct wn_cli_ask *q, char *out, size_t cap, struct wn_err *err);

/* The commands' specs (each in its command's file). */
extern const struct wn_cli_spec wn_cli_spec_checkin, wn_cli_spec_show, wn_cli_spec_log,
	wn_cli_spec_remind, wn_cli_spec_med, wn_cli_spec_symptoms, wn_cli_spec_check,
	wn_cli_spec_plan, wn_cli_spec_export, wn_cli_spec_import, wn_cli_spec_report,
	wn_cli_spec_chart, wn_cli_spec_backup, wn_cli_spec_restore, wn_cli_spec_demo,
	wn_cli_spec_question, wn_cli_spec_encrypt, wn_cli_spec_decrypt, wn_cli_spec_passphrase,
	wn_cli_spec_note, wn_cli_spec_day;

/* wean encrypt, decrypt, passphrase (crypt.c). */
int wn_cmd_encrypt(struct wn_cli *c, int argc, char **argv, struct wn_err *err);
int wn_cmd_decrypt(struct wn_cli *c, int argc, char **argv, struct wn_err *err);
int wn_cmd_passphrase(struct wn_cli *c, int argc, char **argv, struct wn_err *err);

/* `checkin --skipped MED@HH:MM` (day_skip.c): one dose of date skipped
 * at `minute`, replacing the doses recorded for that planned time (the
 * nearest of the active plan's dose times, core/today_doses.h; without
 * doses through the day, the one at that time). */
struct wn_db;
struct wn_med;
int wn_cli_skip_at(struct wn_db *db, wn_date date, const struct wn_med *m, int minute,
                   struct wn_err *err);

#endif
