/* SPDX-License-Identifier: GPL-3.0-or-later */
/* backup.c (cli) -- `wean backup [FILE] [--force]`: a consistent copy of the
 * diary made with SQLite's online backup API (wn_db_backup_file), mode 0600;
 * and `wean restore BACKUP`, which puts one back (db/restore.h).
 *
 * Without FILE the copy goes to "<diary dir>/backups/wean-YYYY-MM-DD.db"
 * (the directory is made 0700); when that name is taken, "-2", "-3", ...
 * are added, so a second backup the same day (say, before and after an
 * import) keeps the first and needs no flag.  An explicit FILE that exists
 * is refused unless --force.
 *
 * wn_db_backup_file() stages the copy under a temporary name beside FILE
 * and publishes it with wn_file_publish(), which refuses an existing FILE
 * atomically (link) or replaces it in one rename (--force): a crash or a
 * full disk never leaves half a backup under FILE's name, and an old
 * backup stays whole until the new one is complete. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli_int.h"
#include "db/backups.h"
#include "db/crypt.h"
#include "db/db.h"
#include "db/restore.h"
#include "core/text.h"

#define BACKUP_ARGS "[FILE] [--force]"

/* backup's and restore's arguments: one file, named `what` in messages. */
struct backup_args {
	const char *command, *what;      /* "backup", "FILE" */
	const char *file;
	const char *passfile;            /* restore --backup-passphrase-file */
	bool force, help;
};

static int b_force(void *x, const char *a, struct wn_err *e) { (void)a; (void)e; ((struct backup_args *)x)->force = true; return WN_OK; }
static int b_help(void *x, const char *a, struct wn_err *e) { (void)a; (void)e; ((struct backup_args *)x)->help = true; return WN_OK; }

static int b_file(void *x, const char *w, struct wn_err *e)
{
	struct backup_args *a = x;
	if (a->file)
		return wn_err_set(e, WN_USAGE, "%s takes one %s (got '%.60s' too)", a->command,
		                  a->what, w);
	if (!*w)
		return wn_err_set(e, WN_USAGE, "%s: the %s name is empty", a->command, a->what);
	a->file = w;
	return WN_OK;
}

static const struct wn_cli_opt backup_opts[] = {
	{ "force", NULL, b_force, "replace FILE if it exists" },
	{ "help", NULL, b_help, "show this help" },
	{ 0 }
};
const struct wn_cli_spec wn_cli_spec_backup = { .args = BACKUP_ARGS, .opts = backup_opts,
                                                .files = true };

/* ---- where ------------------------------------------------------------------ */

static bool exists(const char *path)
{
	struct stat st;
	return lstat(path, &st) == 0;
}

static bool same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
	       sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* The diary's own files must never be the target: --force would rename
 * the copy over the live diary or its write-ahead log.  (One that does
 * not exist yet, a -journal, is refused by wn_db_backup_file.) */
static int refuse_own_files(struct wn_db *db, const char *file, struct wn_err *err)
{
	if (!exists(file) || !wn_db_owns_path(db, file))
		return WN_OK;
	char *safe = wn_text_sanitize(file, strlen(file), false);
	wn_err_set(err, WN_USAGE, "%.200s is %s; choose another backup file",
	           safe ? safe : "FILE", same_file(wn_db_path(db), file) ?
	           "the diary itself" : "one of the diary's own files");
	free(safe);
	return WN_USAGE;
}

/* The first free name of the day in the backups directory (db/backups.h). */
static int default_file(struct wn_cli *c, struct wn_db *db, char *out, size_t n,
                        struct wn_err *err)
{
	return wn_db_backup_name(wn_db_path(db), c->today, out, n, err);
}

/* The file to write: FILE as given (never the diary's own files, and not an
 * existing one without --force) or the first free default name. */
static int choose_target(struct wn_cli *c, struct wn_db *db, const struct backup_args *a,
                         char *buf, size_t n, struct wn_err *err)
{
	if (!a->file)
		return default_file(c, db, buf, n, err);
	int rc = refuse_own_files(db, a->file, err);
	if (rc != WN_OK)
		return rc;
	if ((size_t)snprintf(buf, n, "%s", a->file) >= n)
		return wn_err_set(err, WN_USAGE, "backup: the FILE name is too long");
	if (!a->force && exists(buf)) {
		char *safe = wn_text_sanitize(buf, strlen(buf), false);
		wn_err_set(err, WN_CANTCREAT, "%.200s already exists", safe ? safe : "FILE");
		wn_err_hint(err, "use --force to replace it, or choose another file");
		free(safe);
		return WN_CANTCREAT;
	}
	return WN_OK;
}

static void print_help(FILE *f)
{
	wn_cli_command_help(f, "backup", BACKUP_ARGS, backup_opts);
	fputs("\nWithout FILE: <diary dir>/" WN_BACKUP_DIR "/wean-YYYY-MM-DD.db (then -2, -3 ...\n"
	      "the same day).  The copy is private (mode 0600) and a wean diary itself:\n"
	      "'wean --db FILE check' checks it, 'wean --db FILE' opens it.\n", f);
}

int wn_cmd_backup(struct wn_cli *c, int argc, char **argv, struct wn_err *err)
{
	struct backup_args a = { .command = "backup", .what = "FILE" };
	struct wn_cli_parse p = { .opts = backup_opts, .positional = b_file, .ctx = &a,
	                          .command = "backup" };
	int rc = wn_cli_parse_args(&p, argc, argv, err);
	if (rc == WN_OK && a.help)
		print_help(c->out);
	if (rc != WN_OK || a.help)
		return rc;
	struct wn_db *db;
	char path[WN_CONFIG_PATH_MAX + 32];
	if ((rc = wn_cli_db(c, false, &db, err)) != WN_OK ||
	    (rc = choose_target(c, db, &a, path, sizeof path, err)) != WN_OK ||
	    (rc = wn_db_backup_file(db, path, a.force && a.file, err)) != WN_OK)
		return rc;
	char *safe = wn_text_sanitize(path, strlen(path), false);
	fprintf(c->out, "backed up the diary to %s\n", safe ? safe : path);
	free(safe);
	return WN_OK;
}

/* ---- restore ------------------------------------------------------------------ */

static int b_passfile(void *x, const char *a, struct wn_err *e) { (void)e; ((struct backup_args *)x)->passfile = a; return WN_OK; }

static const struct wn_cli_opt restore_opts[] = {
	{ "backup-passphrase-file", "FILE", b_passfile, "an encrypted backup's passphrase from"
	  " FILE's first line (mode 600), when it is not the diary's" },
	{ "help", NULL, b_help, "show this help" },
	{ 0 }
};
const struct wn_cli_spec wn_cli_spec_restore = { .args = "BACKUP", .opts = restore_opts,
                                                 .files = true };

static void print_restore_help(FILE *f)
{
	wn_cli_command_help(f, "restore", wn_cli_spec_restore.args, restore_opts);
	fputs("\nBACKUP must be a wean diary that passes SQLite's integrity check (a file\n"
	      "'wean backup' wrote: <diary dir>/" WN_BACKUP_DIR "/wean-YYYY-MM-DD.db).  The diary\n"
	      "is first kept as it is, as a new backup beside the others; then the\n"
	      "backup is copied into it with SQLite's online backup API and checked.\n"
	      "Close every other wean first: restore refuses while one has the diary\n"
	      "open.  An encrypted backup is opened with the diary's key when it is\n"
	      "one of the diary's own (nothing asked), else with its passphrase (asked,\n"
	      "or --backup-passphrase-file, --passphrase-file, $WEAN_PASSPHRASE_FILE);\n"
	      "an encrypted diary stays encrypted and takes no plain backup.  Exit 66:\n"
	      "no such backup; 65: not a wean diary, or damaged; 75: another wean has\n"
	      "the diary open; 77: a wrong passphrase.\n", f);
}

static void put_path(FILE *f, const char *what, const char *path)
{
	char *safe = wn_text_sanitize(path, strlen(path), false);
	fprintf(f, "%s%s", what, safe ? safe : "?");
	free(safe);
}

static void print_restored(struct wn_cli *c, const char *from, const struct wn_restore *r)
{
	char day[WN_DATE_STRLEN];
	if (r->keep)
		put_path(c->out, "kept the diary as it was in ", r->keep);
	put_path(c->out, r->keep ? "\nrestored the diary from " : "restored the diary from ", from);
	put_path(c->out, r->keep ? " into " : " into a new diary at ", wn_db_path(c->db));
	if (r->checkins > 0)
		fprintf(c->out, ": %ld check-in%s, the latest on %s\n", r->checkins,
		        r->checkins == 1 ? "" : "s", wn_date_format(r->last, day));
	else
		fputs(": no check-ins\n", c->out);
	if (r->from_version < WN_SCHEMA_VERSION)
		fprintf(c->out, "the backup had schema %ld: the diary was upgraded to schema %d\n",
		        r->from_version, WN_SCHEMA_VERSION);
	fputs("the diary passes SQLite's integrity check\n", c->out);
	if (wn_db_file_encrypted(from) && !wn_db_encrypted(c->db))
		fputs("the backup was encrypted and the diary is not: it is plain now, as it"
		      " was\n(`wean encrypt` seals it)\n", c->out);
	else if (wn_db_encrypted(c->db))
		fputs(r->keep ? "the diary stays encrypted under its passphrase\n" :
		      "the new diary is encrypted under the backup's passphrase\n", c->out);
}

/* Opens the diary alone (made when missing), keeps it under the day's
 * next backup name when it was there before, and restores into it. */
static int restore_into(struct wn_cli *c, const char *from, struct wn_restore_src *src,
                        bool existed, struct wn_err *err)
{
	char keep[WN_CONFIG_PATH_MAX + 32];
	struct wn_restore r = { 0 };
	struct wn_db *db;
	c->alone = true;
	int rc = wn_cli_db(c, true, &db, err);
	if (rc == WN_OK && existed && (rc = default_file(c, db, keep, sizeof keep, err)) == WN_OK)
		r.keep = keep;
	if (rc == WN_OK)
		rc = wn_db_restore(db, src, &r, err);
	if (rc == WN_OK)
		print_restored(c, from, &r);
	else if (rc == WN_DATAERR && existed && !err->hint[0])   /* the diary, damaged */
		wn_err_hint(err, "to restore in its place, move it aside first (mv %.200s %.200s.old)",
		            c->cfg.db_path, c->cfg.db_path);
	return rc;
}

/* An encrypted backup's passphrase: --backup-passphrase-file, else where
 * the diary's comes from (--passphrase-file, $WEAN_PASSPHRASE_FILE, the
 * terminal), asked naming the backup. */
struct backup_pass {
	struct wn_cli *c;
	const char *file;
	char *keep;                      /* the passphrase kept here (NULL: not) */
	size_t cap;
};

static int backup_passphrase(void *ctx, const char *path, char *out, size_t cap,
                             struct wn_err *err)
{
	const struct backup_pass *b = ctx;
	char prompt[300];
	snprintf(prompt, sizeof prompt, "Passphrase for the backup %.200s: ", path);
	struct wn_cli_ask q = { .file = b->file ? b->file : b->c->passfile,
	                        .env = b->file ? NULL : "WEAN_PASSPHRASE_FILE",
	                        .opt = b->file ? "--backup-passphrase-file" : "--passphrase-file",
	                        .prompt = prompt };
	int rc = wn_cli_passphrase(&q, out, cap, err);
	if (rc == WN_OK && b->keep && (size_t)snprintf(b->keep, b->cap, "%s", out) >= b->cap)
		rc = wn_err_set(err, WN_USAGE, "the passphrase is too long");
	return rc;
}

/* An encrypted backup's key for the file layer, before it is checked.
 * An existing diary is opened first (alone, as the restore needs it):
 * a backup of its own opens with its key, nothing asked again. */
static int unlock_backup(struct wn_cli *c, const struct backup_args *a, bool existed,
                         char *keep, size_t cap, struct wn_err *err)
{
	struct wn_db *db = NULL;
	/* no diary yet: the one made from the backup takes its passphrase */
	struct backup_pass b = { .c = c, .file = a->passfile, .keep = existed ? NULL : keep,
	                         .cap = cap };
	struct wn_db_opts o = { .passphrase = backup_passphrase, .pass_ctx = &b };
	if (!wn_db_file_encrypted(a->file))
		return WN_OK;
	c->alone = true;
	int rc = existed ? wn_cli_db(c, false, &db, err) : WN_OK;
	if (rc != WN_OK)
		return rc;
	rc = wn_db_unlock_backup(db, a->file, &o, err);
	if (rc == WN_NOPERM && !a->passfile)
		wn_err_hint(err, "a backup made before `wean passphrase` has the passphrase of"
		            " then: give it with --backup-passphrase-file FILE");
	return rc;
}

int wn_cmd_restore(struct wn_cli *c, int argc, char **argv, struct wn_err *err)
{
	struct backup_args a = { .command = "restore", .what = "BACKUP" };
	struct wn_cli_parse p = { .opts = restore_opts, .positional = b_file, .ctx = &a,
	                          .command = "restore" };
	int rc = wn_cli_parse_args(&p, argc, argv, err);
	if (rc == WN_OK && a.help)
		print_restore_help(c->out);
	if (rc != WN_OK || a.help)
		return rc;
	if (!a.file) {
		wn_err_set(err, WN_USAGE, "restore: name the BACKUP to restore");
		wn_err_hint(err, "your backups are in the " WN_BACKUP_DIR " folder beside the diary;"
		            " see 'wean restore --help'");
		return WN_USAGE;
	}
	struct stat st;
	bool existed = stat(c->cfg.db_path, &st) == 0;
	struct wn_restore_src *src = NULL;
	char pass[WN_CLI_PASS_MAX] = "";
	rc = unlock_backup(c, &a, existed, pass, sizeof pass, err);
	if (rc == WN_OK)
		rc = wn_db_restore_open(a.file, &src, err);
	/* an encrypted backup and no diary: the new diary is encrypted from
	 * its first byte, under the backup's passphrase (never a plain copy) */
	if (rc == WN_OK && !existed && wn_db_file_encrypted(a.file)) {
		rc = wn_db_create_encrypted_like(c->cfg.db_path, a.file, err);
		c->pass_now = pass;
	}
	if (rc == WN_OK)
		rc = restore_into(c, a.file, src, existed, err);
	wn_db_restore_close(src);
	c->pass_now = NULL;
	explicit_bzero(pass, sizeof pass);
	return rc;
}
