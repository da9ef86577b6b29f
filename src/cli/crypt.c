/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crypt.c (cli) -- `wean encrypt`, `wean decrypt`, `wean passphrase`, and
 * the passphrase of an encrypted diary when any command opens it (the
 * global --passphrase-file, $WEAN_PASSPHRASE_FILE, or the terminal).  The
 * rewrite itself is db/crypt.c; the pages are sealed by db/cryptvfs.c. */
#include <stdio.h>
#include <string.h>

#include "cli_int.h"
#include "db/backups.h"
#include "db/crypt.h"
#include "db/db.h"

struct crypt_args {
	const char *newfile;
	bool help;
};

static int o_new(void *x, const char *a, struct wn_err *e) { (void)e; ((struct crypt_args *)x)->newfile = a; return WN_OK; }
static int o_help(void *x, const char *a, struct wn_err *e) { (void)a; (void)e; ((struct crypt_args *)x)->help = true; return WN_OK; }

static const struct wn_cli_opt new_opts[] = {
	{ "new-passphrase-file", "FILE", o_new, "read the new passphrase from FILE's first"
	  " line (mode 600) instead of asking twice" },
	{ "help", NULL, o_help, "show this help" },
	{ 0 }
};
static const struct wn_cli_opt help_opts[] = {
	{ "help", NULL, o_help, "show this help" },
	{ 0 }
};
const struct wn_cli_spec wn_cli_spec_encrypt = { .args = "[--new-passphrase-file FILE]",
                                                 .opts = new_opts };
const struct wn_cli_spec wn_cli_spec_passphrase = { .args = "[--new-passphrase-file FILE]",
                                                    .opts = new_opts };
const struct wn_cli_spec wn_cli_spec_decrypt = { .args = "", .opts = help_opts };

#define NO_RECOVERY "Nothing recovers a lost passphrase: if it is forgotten, nobody\n" \
	"can read the diary again, you included."

/* The passphrase of the diary being opened (wn_db_opts.passphrase). */
int wn_cli_diary_passphrase(void *ctx, const char *path, char *out, size_t cap,
                            struct wn_err *err)
{
	struct wn_cli *c = ctx;
	char prompt[300];
	if (c->pass_now) {
		if ((size_t)snprintf(out, cap, "%s", c->pass_now) >= cap)
			return wn_err_set(err, WN_USAGE, "the passphrase is too long");
		return WN_OK;
	}
	snprintf(prompt, sizeof prompt, "Passphrase for the diary %.200s: ", path);
	struct wn_cli_ask q = { .file = c->passfile, .env = "WEAN_PASSPHRASE_FILE",
	                        .opt = "--passphrase-file", .prompt = prompt };
	return wn_cli_passphrase(&q, out, cap, err);
}

static int parse(const char *cmd, const struct wn_cli_opt *opts, struct crypt_args *a,
                 int argc, char **argv, struct wn_err *err)
{
	struct wn_cli_parse p = { .command = cmd, .opts = opts, .ctx = a };
	return wn_cli_parse_args(&p, argc, argv, err);
}

static void usage(struct wn_cli *c, const char *cmd, const struct wn_cli_spec *spec,
                  const char *what)
{
	wn_cli_command_help(c->out, cmd, spec->args, spec->opts);
	if (what)
		fprintf(c->out, "\n%s\n", what);
}

static void count_backup(void *ctx, const char *path)
{
	(void)path;
	(*(int *)ctx)++;
}

/* Encrypt (or change the passphrase): the new one asked twice. */
static int rekey(struct wn_cli *c, const struct crypt_args *a, bool want_enc,
                 struct wn_err *err)
{
	struct wn_db *db;
	char pass[WN_CLI_PASS_MAX];
	c->alone = true;
	int rc = wn_cli_db(c, false, &db, err);
	if (rc != WN_OK)
		return rc;
	if (wn_db_encrypted(db) != !want_enc)
		return wn_err_set(err, WN_USAGE, want_enc ? "the diary is already encrypted;"
		                  " `wean passphrase` changes its passphrase" :
		                  "the diary is not encrypted; `wean encrypt` encrypts it");
	if (!a->newfile)
		fprintf(stderr, "%s\n", NO_RECOVERY);
	struct wn_cli_ask q = { .file = a->newfile, .opt = "--new-passphrase-file", .twice = true,
	                        .prompt = "New passphrase for the diary: " };
	rc = wn_cli_passphrase(&q, pass, sizeof pass, err);
	char path[4096];
	snprintf(path, sizeof path, "%s", wn_db_path(db));
	if (rc == WN_OK) {
		rc = wn_db_rewrite(&c->db, pass, err);
		c->db = NULL;
	}
	explicit_bzero(pass, sizeof pass);
	if (rc != WN_OK)
		return rc;
	fprintf(c->out, "%s %s: every page is sealed with the new passphrase.\n",
	        want_enc ? "encrypted" : "changed the passphrase of", path);
	fprintf(c->out, "%s\n", NO_RECOVERY);
	int n = 0;
	wn_db_backups_each(path, count_backup, &n);
	if (want_enc && n > 0)
		fprintf(c->out, "%d backup%s made before %s plain: remove %s or keep %s"
		        " somewhere safe (`wean backup` now makes encrypted ones).\n", n,
		        n == 1 ? "" : "s", n == 1 ? "is" : "are", n == 1 ? "it" : "them",
		        n == 1 ? "it" : "them");
	return WN_OK;
}

int wn_cmd_encrypt(struct wn_cli *c, int argc, char **argv, struct wn_err *err)
{
	struct crypt_args a = { 0 };
	int rc = parse("encrypt", new_opts, &a, argc, argv, err);
	if (rc == WN_OK && a.help)
		usage(c, "encrypt", &wn_cli_spec_encrypt, "Nothing recovers a lost passphrase: if it"
		      " is forgotten,\nnobody can read the diary again, you included.");
	return rc != WN_OK || a.help ? rc : rekey(c, &a, true, err);
}

int wn_cmd_passphrase(struct wn_cli *c, int argc, char **argv, struct wn_err *err)
{
	struct crypt_args a = { 0 };
	int rc = parse("passphrase", new_opts, &a, argc, argv, err);
	if (rc == WN_OK && a.help)
		usage(c, "passphrase", &wn_cli_spec_passphrase, NULL);
	return rc != WN_OK || a.help ? rc : rekey(c, &a, false, err);
}

int wn_cmd_decrypt(struct wn_cli *c, int argc, char **argv, struct wn_err *err)
{
	struct crypt_args a = { 0 };
	struct wn_db *db;
	int rc = parse("decrypt", help_opts, &a, argc, argv, err);
	if (rc != WN_OK)
		return rc;
	if (a.help) {
		usage(c, "decrypt", &wn_cli_spec_decrypt, NULL);
		return WN_OK;
	}
	c->alone = true;
	if ((rc = wn_cli_db(c, false, &db, err)) != WN_OK)
		return rc;
	if (!wn_db_encrypted(db))
		return wn_err_set(err, WN_USAGE, "the diary is not encrypted");
	char path[4096];
	snprintf(path, sizeof path, "%s", wn_db_path(db));
	rc = wn_db_rewrite(&c->db, NULL, err);
	c->db = NULL;
	if (rc == WN_OK)
		fprintf(c->out, "decrypted %s: it is plain again (readable only by you, mode 600)."
		        "  Encrypted backups stay encrypted.\n", path);
	return rc;
}
