/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench_crypt.c -- the group "crypt" of bench.c (issue 20 item 5): what an
 * encrypted diary costs.  Included by bench.c, whose helpers it uses (run,
 * copy_file, start_pty, wait_idle, dump_count, add_row ...); not compiled
 * on its own.
 *
 * Two diaries made again by every run, so they always come from the wean
 * measured: the 10-year diary encrypted with `wean encrypt` (the default
 * key derivation, Argon2id 3 x 64 MiB) and a passphrase file, and that
 * encrypted copy decrypted with `wean decrypt` as the plain reference (so
 * both went through the same VACUUM INTO and differ only in the sealing).
 * Each is opened once before it is measured (the first open of a copy
 * written by VACUUM INTO switches it to WAL mode; a diary in use is
 * already in it).
 *
 * Figures, in callgrind instructions with the key derivation left out:
 * callgrind runs with --toggle-collect=crypto_pwhash --collect-atstart=yes,
 * so counting stops on entering libsodium's crypto_pwhash (Argon2id) and
 * starts again when it returns.  The key derivation is reported apart: a
 * run with --toggle-collect=crypto_pwhash alone counts only inside it.
 *   - `wean checkin --mood 5 --note ...` on a fresh copy of each diary,
 *     the whole process;
 *   - the TUI's start to its first full frame (--dump-before=wget_wch,
 *     dump 1, then q).
 * Budget: 1.5x the plain diary for each (issue 20 item 5).  Also, with
 * no budget: the CPU time of the same check-in with the key derivation
 * included, against the plain one. */

#define CRYPT_BUDGET 1.5
#define CRYPT_NOTE "crypt bench check-in"

struct crypt_ctx {
	char *enc, *plain, *pass, *scratch;
};

/* `wean --db db --passphrase-file pass ARGS...` to its end, quietly. */
static void crypt_wean(const struct ctx *c, const struct crypt_ctx *x, const char *db,
                       const char *a1, const char *a2, const char *a3)
{
	char *argv[] = { (char *)c->wean, "--db", (char *)db, "--passphrase-file", x->pass,
	                 (char *)a1, (char *)a2, (char *)a3, NULL };
	run(c, argv, NULL, TO_FILE);
}

static void crypt_prepare(const struct ctx *c, struct crypt_ctx *x)
{
	x->enc = fmt("%s/crypt-10y.db", c->dir);
	x->plain = fmt("%s/crypt-10y-plain.db", c->dir);
	x->pass = fmt("%s/crypt-pass", c->dir);
	x->scratch = fmt("%s/crypt-scratch.db", c->dir);
	FILE *f = fopen(x->pass, "w");
	if (!f || fputs("bench passphrase, not a secret\n", f) < 0 || fclose(f) != 0)
		die("cannot write %s", x->pass);
	chmod(x->pass, 0600);
	remove_db(x->enc);
	remove_db(x->plain);
	copy_file(c->db_10y, x->enc);
	/* the real key derivation: what a person's diary has */
	char *argv[] = { (char *)c->wean, "--db", x->enc, "encrypt", "--new-passphrase-file",
	                 x->pass, NULL };
	unsetenv("WEAN_INSECURE_FAST_KDF");
	run(c, argv, NULL, TO_FILE);
	copy_file(x->enc, x->plain);
	crypt_wean(c, x, x->plain, "decrypt", NULL, NULL);
	crypt_wean(c, x, x->enc, "log", "--from", END_DATE);
	crypt_wean(c, x, x->plain, "log", "--from", END_DATE);
}

/* The count of a callgrind run of `wean ARGS` on a fresh copy of db
 * (the key derivation left out, or alone when kdf_only). */
static double crypt_checkin_cg(const struct ctx *c, const struct crypt_ctx *x,
                               const char *db, bool kdf_only)
{
	remove_db(x->scratch);
	copy_file(db, x->scratch);
	char *out = fmt("--callgrind-out-file=%s/crypt.%%p", c->cgdir);
	char *log = fmt("--log-file=%s/crypt-valgrind.log", c->cgdir);
	char *argv[] = { "/usr/bin/valgrind", "--tool=callgrind", "--toggle-collect=crypto_pwhash",
	                 kdf_only ? "--collect-atstart=no" : "--collect-atstart=yes", out, log,
	                 (char *)c->wean, "--db", x->scratch, "--passphrase-file", x->pass,
	                 "checkin", "--mood", "5", "--note", CRYPT_NOTE, NULL };
	pid_t pid = fork();
	if (pid < 0)
		die("fork: %s", strerror(errno));
	if (pid == 0) {
		child_io(c, NULL);
		execv(argv[0], argv);
		_exit(127);
	}
	reap(pid, "wean checkin under callgrind", c);
	char *p = fmt("%s/crypt.%d", c->cgdir, (int)pid);
	double v = dump_count(p);
	if (v < 0)
		die("no callgrind count in %s", p);
	unlink(p);
	free(p);
	free(out);
	free(log);
	return v;
}

/* The TUI's start (dump 1: to its first wait for a key) under callgrind,
 * the key derivation left out; then q. */
static double crypt_tui_cg(const struct ctx *c, const struct crypt_ctx *x, const char *db)
{
	char *out = fmt("--callgrind-out-file=%s/crypt-tui.%%p", c->cgdir);
	char *log = fmt("--log-file=%s/crypt-tui-valgrind.log", c->cgdir);
	char *argv[] = { "/usr/bin/valgrind", "--tool=callgrind", "--dump-before=wget_wch",
	                 "--toggle-collect=crypto_pwhash", "--collect-atstart=yes", out, log,
	                 (char *)c->wean, "--db", (char *)db, "--passphrase-file", x->pass, NULL };
	int fd;
	pid_t pid = start_pty(argv, &fd);
	wait_idle(pid, fd);
	if (write(fd, "q", 1) != 1)
		die("cannot type into the TUI: %s", strerror(errno));
	char s;
	while ((s = proc_state(pid)) != 0 && s != 'Z')
		drain_for(fd, 50);
	reap(pid, "the TUI under callgrind", c);
	close(fd);
	char *p = fmt("%s/crypt-tui.%d.1", c->cgdir, (int)pid);
	double v = dump_count(p);
	if (v < 0)
		die("no callgrind count in %s", p);
	/* the dumps after the start: q and the end */
	for (int i = 1; i < 100; i++) {
		char *q = fmt("%s/crypt-tui.%d.%d", c->cgdir, (int)pid, i);
		unlink(q);
		free(q);
	}
	free(p);
	p = fmt("%s/crypt-tui.%d", c->cgdir, (int)pid);
	unlink(p);
	free(p);
	free(out);
	free(log);
	return v;
}

static void crypt_ratio_row(struct table *t, const char *name, const char *refname,
                            const double *a, const double *b, int n, double budget)
{
	add_row(t, (struct row){ .name = name, .refname = refname, .unit = U_INSTR,
	                         .v = stats(a, n), .ref = stats(b, n), .ratio = ratios(a, b, n),
	                         .kind = budget > 0 ? B_RATIO : B_NONE, .budget = budget });
}

static void bench_crypt(const struct ctx *c, struct table *t)
{
	struct crypt_ctx x;
	double enc[MAX_RUNS], plain[MAX_RUNS], kdf[MAX_RUNS];
	int n = c->cg_runs;
	crypt_prepare(c, &x);
	for (int i = 0; i < n; i++) {
		enc[i] = crypt_checkin_cg(c, &x, x.enc, false);
		plain[i] = crypt_checkin_cg(c, &x, x.plain, false);
		kdf[i] = crypt_checkin_cg(c, &x, x.enc, true);
	}
	crypt_ratio_row(t, "checkin, encrypted 10 years / plain (no KDF)",
	                "checkin on the same diary, plain", enc, plain, n, CRYPT_BUDGET);
	for (int i = 0; i < n; i++) {
		enc[i] = crypt_tui_cg(c, &x, x.enc);
		plain[i] = crypt_tui_cg(c, &x, x.plain);
	}
	crypt_ratio_row(t, "TUI start, encrypted 10 years / plain (no KDF)",
	                "TUI start on the same diary, plain", enc, plain, n, CRYPT_BUDGET);
	add_row(t, (struct row){ .name = "key derivation (Argon2id 3 x 64 MiB), each open",
	                         .unit = U_INSTR, .v = stats(kdf, n), .ref = NONE,
	                         .ratio = NONE });
	/* the time a person waits: the key derivation included */
	struct cmd a = { .argv = { (char *)c->wean, "--db", x.scratch, "--passphrase-file",
	                           x.pass, "checkin", "--mood", "5", "--note", CRYPT_NOTE },
	                 .fresh = x.scratch, .from = x.enc };
	struct cmd b = a;
	b.from = x.plain;
	struct pair p;
	measure_cmds(c, &a, &b, &p);
	add_row(t, (struct row){ .name = "checkin, encrypted 10 years, KDF included",
	                         .refname = "checkin on the same diary, plain", .unit = U_CPU,
	                         .v = stats(p.a, p.n), .ref = stats(p.b, p.n),
	                         .ratio = ratios(p.a, p.b, p.n) });
	remove_db(x.scratch);
}
