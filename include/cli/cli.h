/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli.h -- the scriptable command line (SPEC section 3).  No curses.
 *
 * wn_cli_main() parses the global options, loads the config, and runs one
 * command from the command table, printing plain text to stdout and
 * one-line errors ("wean: ...") to stderr.  It returns a sysexits code.
 * With no command it calls hooks->run_tui (main.c passes the curses front
 * end), so this module never links against the UI.
 */
#ifndef WEAN_CLI_H
#define WEAN_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "core/config.h"
#include "core/date.h"
#include "core/status.h"
#include "core/records.h"

struct wn_db;
struct wn_med;
struct wn_symptom;

struct wn_cli_hooks {
	/* Opens the TUI on an open diary; returns a wn_status. */
	int (*run_tui)(struct wn_db *db, const struct wn_config *cfg,
	               struct wn_err *err);
};

int wn_cli_main(int argc, char **argv, const struct wn_cli_hooks *hooks);

/* ---- shared by the command files (cli_*.c) ------------------------------ */

struct wn_cli {
	struct wn_config cfg;
	struct wn_db *db;         /* opened lazily by wn_cli_db() */
	wn_date today;
	FILE *out;
	const struct wn_cli_hooks *hooks;
	bool alone;               /* wn_cli_db opens the diary only while no
	                             other wean has it open (restore) */
	const char *passfile;     /* --passphrase-file: an encrypted diary's */
	const char *pass_now;     /* a passphrase given just now for the diary
	                             being made (restore of an encrypted
	                             backup into a new diary), or NULL */
};

/* An encrypted diary's passphrase (wn_db_opts.passphrase; ctx is the
 * struct wn_cli): pass_now when set, --passphrase-file,
 * $WEAN_PASSPHRASE_FILE, or asked on the terminal without echo. */
int wn_cli_diary_passphrase(void *ctx, const char *path, char *out, size_t cap,
                            struct wn_err *err);

/* Opens the diary on first use.  create: make it if missing (commands that
 * write); otherwise a missing diary is WN_NOINPUT with a hint. */
int wn_cli_db(struct wn_cli *c, bool create, struct wn_db **db,
              struct wn_err *err);

/* A medication or symptom by name (any case); an unknown name is
 * WN_DATAERR naming the closest known ones. */
int wn_cli_find_med(struct wn_db *db, const char *name, struct wn_med *m,
                    struct wn_err *err);
int wn_cli_find_symptom(struct wn_db *db, const char *name, struct wn_symptom *s,
                        struct wn_err *err);

/* Brings an opened diary in line with the config (adds the DESS items
 * when [symptoms] dess = true).  Called by wn_cli_db() after opening. */
int wn_cli_prepare_db(struct wn_cli *c, struct wn_db *db, struct wn_err *err);

/* An option of a command: --name [ARG].  The handler receives the
 * argument (NULL for flags) and the command's own context. */
struct wn_cli_opt {
	const char *name;         /* without the leading dashes */
	const char *arg;          /* e.g. "DATE"; NULL for a flag */
	int (*fn)(void *ctx, const char *arg, struct wn_err *err);
	const char *help;
};

/* Parses argv[0..argc) against opts: "--name ARG", "--name=ARG", flags.
 * Positional words go to positional(ctx, word) (NULL = none allowed).
 * Errors are WN_USAGE with the closest option suggested. */
struct wn_cli_parse {
	const struct wn_cli_opt *opts;
	int (*positional)(void *ctx, const char *word, struct wn_err *err);
	void *ctx;
	const char *command;      /* for messages, e.g. "checkin" */
};
int wn_cli_parse_args(const struct wn_cli_parse *p, int argc, char **argv,
                      struct wn_err *err);

/* Strict number parsing for options: whole string, finite, in [min, max].
 * what names the field in the message ("mood"). */
int wn_cli_parse_int(const char *s, const char *what, long min, long max,
                     long *out, struct wn_err *err);
int wn_cli_parse_num(const char *s, const char *what, double min, double max,
                     double *out, struct wn_err *err);
/* A date argument: parsed and, when no_future, not after today. */
int wn_cli_parse_date(const struct wn_cli *c, const char *s, bool no_future,
                      wn_date *out, struct wn_err *err);
/* "HH:MM" -> minutes after midnight. */
int wn_cli_parse_time(const char *s, int *minute, struct wn_err *err);


/* "Usage: wean COMMAND ARGS" and the option table, for COMMAND --help. */
void wn_cli_command_help(FILE *f, const char *command, const char *args,
                         const struct wn_cli_opt *opts);

/* Commands (argv starts after the command word). */
int wn_cmd_checkin(struct wn_cli *c, int argc, char **argv, struct wn_err *err);
int wn_cmd_show(struct wn_cli *c, int argc, char **argv, struct wn_err *err);
int wn_cmd_log(struct wn_cli *c, int argc, char **argv, struct wn_err *err);
int wn_cmd_question(struct wn_cli *c, int argc, char **argv, struct wn_err *err);
int wn_cmd_remind(struct wn_cli *c, int argc, char **argv, struct wn_err *err);
int wn_cmd_med(struct wn_cli *c, int argc, char **argv, struct wn_err *err);
int wn_cmd_symptoms(struct wn_cli *c, int argc, char **argv, struct wn_err *err);
int wn_cmd_check(struct wn_cli *c, int argc, char **argv, struct wn_err *err);
int wn_cmd_plan(struct wn_cli *c, int argc, char **argv, struct wn_err *err);
int wn_cmd_export(struct wn_cli *c, int argc, char **argv, struct wn_err *err);
int wn_cmd_report(struct wn_cli *c, int argc, char **argv, struct wn_err *err);
int wn_cmd_import(struct wn_cli *c, int argc, char **argv, struct wn_err *err);
int wn_cmd_chart(struct wn_cli *c, int argc, char **argv, struct wn_err *err);
int wn_cmd_demo(struct wn_cli *c, int argc, char **argv, struct wn_err *err);
int wn_cmd_backup(struct wn_cli *c, int argc, char **argv, struct wn_err *err);
int wn_cmd_restore(struct wn_cli *c, int argc, char **argv, struct wn_err *err);
int wn_cmd_note(struct wn_cli *c, int argc, char **argv, struct wn_err *err);
int wn_cmd_day(struct wn_cli *c, int argc, char **argv, struct wn_err *err);

#endif
