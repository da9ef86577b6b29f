/* SPDX-License-Identifier: GPL-3.0-or-later */
/* seal.c (cli) -- `--encrypt-to RECIPIENT` and `--encrypt-passphrase` for
 * `wean export` and `wean report`: the finished text sealed in the age v1
 * format (core/age.h) so that the standard `age` tool opens it, and the
 * passphrase read from the terminal without echo, or from a file that only
 * its owner can read (--encrypt-passphrase-file). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "cli_int.h"
#include "core/age.h"
#include "core/buf.h"
#include "db/db.h"

int wn_cli_seal_add_to(struct wn_cli_seal *s, const char *arg, struct wn_err *err)
{
	if (s->n_to == WN_CLI_SEAL_MAX_TO)
		return wn_err_set(err, WN_USAGE, "at most %d --encrypt-to recipients",
		                  WN_CLI_SEAL_MAX_TO);
	s->to[s->n_to++] = arg;
	return WN_OK;
}

bool wn_cli_seal_on(const struct wn_cli_seal *s)
{
	return s->n_to > 0 || s->passphrase;
}

/* ---- the passphrase ------------------------------------------------------------------ */

/* Strips a trailing LF (and CR) in place. */
static size_t chomp(char *s, size_t n)
{
	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r'))
		s[--n] = '\0';
	return n;
}

/* The first line of path, a file nobody else may read. */
static int pass_from_file(const char *path, char *out, size_t cap, struct wn_err *err)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return wn_err_set(err, WN_NOINPUT, "cannot read the passphrase file %s: %s", path,
		                  strerror(errno));
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return wn_err_set(err, WN_NOINPUT, "the passphrase file %s is not a regular file",
		                  path);
	}
	if (st.st_mode & (S_IRWXG | S_IRWXO)) {
		close(fd);
		return wn_err_set(err, WN_NOPERM, "the passphrase file %s can be read by others"
		                  " (mode %03o); chmod 600 it first", path,
		                  (unsigned)(st.st_mode & 0777));
	}
	ssize_t n = read(fd, out, cap - 1);
	close(fd);
	if (n < 0)
		return wn_err_set(err, WN_IOERR, "cannot read the passphrase file %s: %s", path,
		                  strerror(errno));
	out[n] = '\0';
	char *nl = strchr(out, '\n');
	if (nl)
		*nl = '\0';
	else if ((size_t)n == cap - 1)
		return wn_err_set(err, WN_DATAERR, "the passphrase in %s is longer than %zu"
		                  " characters", path, cap - 2);
	chomp(out, strlen(out));
	return WN_OK;
}

/* Asks on the terminal, without echo. */
static int ask(int fd, const char *prompt, char *out, size_t cap, struct wn_err *err)
{
	struct termios old, quiet;
	if (tcgetattr(fd, &old) != 0)
		return wn_err_set(err, WN_USAGE, "cannot ask for a passphrase without a terminal"
		                  " (use --passphrase-file FILE)");
	quiet = old;
	quiet.c_lflag &= (tcflag_t)~ECHO;
	quiet.c_lflag |= ECHONL;
	if (write(fd, prompt, strlen(prompt)) < 0 || tcsetattr(fd, TCSAFLUSH, &quiet) != 0)
		return wn_err_set(err, WN_IOERR, "cannot ask for a passphrase: %s", strerror(errno));
	size_t n = 0;
	int rc = WN_OK;
	for (;;) {
		char ch;
		ssize_t r = read(fd, &ch, 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0 || ch == '\n' || ch == '\r')
			break;
		if (n + 1 < cap)
			out[n++] = ch;
		else
			rc = WN_DATAERR;
	}
	out[n] = '\0';
	tcsetattr(fd, TCSAFLUSH, &old);
	if (rc != WN_OK)
		return wn_err_set(err, WN_DATAERR, "the passphrase is longer than %zu characters",
		                  cap - 1);
	return WN_OK;
}

static int pass_from_tty(const char *prompt, bool twice, const char *opt, char *out,
                         size_t cap, struct wn_err *err)
{
	char again[WN_CLI_PASS_MAX];
	int fd = open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return wn_err_set(err, WN_USAGE, "cannot ask for a passphrase without a terminal"
		                  " (use %s FILE)", opt);
	int rc = ask(fd, prompt, out, cap, err);
	if (rc == WN_OK && !*out)
		rc = wn_err_set(err, WN_USAGE, "an empty passphrase protects nothing; nothing"
		                " was changed");
	if (rc != WN_OK || !twice) {
		close(fd);
		return rc;
	}
	rc = ask(fd, "The same passphrase again: ", again, sizeof again, err);
	if (rc == WN_OK && strcmp(out, again) != 0)
		rc = wn_err_set(err, WN_USAGE, "the two passphrases differ; nothing was changed");
	explicit_bzero(again, sizeof again);
	close(fd);
	return rc;
}

int wn_cli_passphrase(const struct wn_cli_ask *q, char *out, size_t cap, struct wn_err *err)
{
	const char *file = q->file;
	const char *env = q->env ? getenv(q->env) : NULL;
	int rc;
	if (!file && env && *env)
		file = env;
	rc = file ? pass_from_file(file, out, cap, err) :
	     pass_from_tty(q->prompt, q->twice, q->opt, out, cap, err);
	if (rc == WN_OK && !*out)
		rc = wn_err_set(err, WN_USAGE, "the passphrase in %s is empty; nothing was changed",
		                file ? file : "the terminal");
	return rc;
}

/* ---- sealing ---------------------------------------------------------------------------- */

static int to_buf(void *ctx, const void *p, size_t n)
{
	return wn_buf_add(ctx, p, n) == WN_OK ? 0 : (errno = ENOMEM, -1);
}

int wn_cli_seal_check(struct wn_cli *c, const struct wn_cli_seal *s, bool to_file,
                      struct wn_err *err)
{
	unsigned char pk[WN_AGE_KEY_BYTES];
	if (s->n_to > 0 && s->passphrase)
		return wn_err_set(err, WN_USAGE, "--encrypt-to and --encrypt-passphrase do not go"
		                  " together (age allows a passphrase only on its own)");
	if (s->passfile && !s->passphrase)
		return wn_err_set(err, WN_USAGE, "--encrypt-passphrase-file goes with"
		                  " --encrypt-passphrase");
	for (int i = 0; i < s->n_to; i++)
		if (wn_age_parse_recipient(s->to[i], pk, err) != WN_OK)
			return WN_USAGE;
	if (wn_cli_seal_on(s) && !to_file && isatty(fileno(c->out)))
		return wn_err_set(err, WN_USAGE, "an encrypted file is binary: give -o FILE or"
		                  " send it to a pipe");
	if (wn_cli_seal_on(s) && wn_age_init() != 0)
		return wn_err_set(err, WN_ERR, "cannot start the encryption library");
	return WN_OK;
}

int wn_cli_seal_open(const struct wn_cli_seal *s, struct wn_age **a, struct wn_age_sink sink,
                     struct wn_err *err)
{
	int rc;
	*a = NULL;
	if (s->n_to > 0) {
		unsigned char pks[WN_CLI_SEAL_MAX_TO][WN_AGE_KEY_BYTES];
		for (int i = 0; i < s->n_to; i++)
			if (wn_age_parse_recipient(s->to[i], pks[i], err) != WN_OK)
				return WN_USAGE;
		return wn_age_open_x25519(a, (const unsigned char (*)[WN_AGE_KEY_BYTES])pks,
		                          (size_t)s->n_to, sink, err);
	}
	char pass[WN_CLI_PASS_MAX];
	struct wn_cli_ask q = { .file = s->passfile, .opt = "--encrypt-passphrase-file",
	                        .prompt = "Passphrase for the encrypted file: ", .twice = true };
	rc = wn_cli_passphrase(&q, pass, sizeof pass, err);
	if (rc == WN_OK)
		rc = wn_age_open_scrypt(a, pass, strlen(pass), WN_AGE_SCRYPT_LOG2N, sink, err);
	explicit_bzero(pass, sizeof pass);
	return rc;
}

int wn_cli_seal(const struct wn_cli_seal *s, const char *data, size_t len,
                struct wn_buf *out, struct wn_err *err)
{
	struct wn_age *a = NULL;
	struct wn_age_sink sink = { to_buf, out };
	int rc = wn_cli_seal_open(s, &a, sink, err);
	if (rc == WN_OK)
		rc = wn_age_write(a, data, len, err);
	if (rc == WN_OK)
		rc = wn_age_close(a, err);
	else
		wn_age_abandon(a);
	return rc;
}

int wn_cli_seal_output(struct wn_cli *c, struct wn_db *db, const struct wn_cli_seal *s,
                       const char *path, bool force, const char *data, size_t len,
                       struct wn_err *err)
{
	struct wn_buf b;
	wn_buf_init(&b);
	int rc = wn_cli_seal(s, data, len, &b, err);
	if (rc == WN_OK && b.failed)
		rc = wn_err_set(err, WN_ERR, "out of memory");
	if (rc == WN_OK && path)
		rc = wn_db_write_output(db, path, b.s, b.len, force, err);
	else if (rc == WN_OK && fwrite(b.s, 1, b.len, c->out) != b.len)
		rc = wn_err_set(err, WN_IOERR, "cannot write the output: %s", strerror(errno));
	wn_buf_free(&b);
	return rc;
}
