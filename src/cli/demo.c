/* SPDX-License-Identifier: GPL-3.0-or-later */
/* demo.c (cli) -- `wean demo`: write the demo diary (demo.h) into a new
 * temporary file and open it in the TUI.  The person's own diary is never
 * opened. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli_int.h"
#include "db/demo.h"
#include "db/db.h"

struct demo_args {
	long days;
	const char *keep;
	bool no_tui, help;
	struct wn_demo_summary sum;   /* what was written */
};

static int d_days(void *x, const char *a, struct wn_err *e)
{
	struct demo_args *d = x;
	int rc = wn_cli_parse_int(a, "demo: --days", 1, WN_DEMO_MAX_DAYS, &d->days, e);
	if (rc != WN_OK)
		e->code = WN_USAGE;
	return rc != WN_OK ? WN_USAGE : WN_OK;
}
static int d_keep(void *x, const char *a, struct wn_err *e)
{
	if (!*a)
		return wn_err_set(e, WN_USAGE, "demo: --keep needs a file name");
	((struct demo_args *)x)->keep = a;
	return WN_OK;
}
static int d_notui(void *x, const char *a, struct wn_err *e) { (void)a; (void)e; ((struct demo_args *)x)->no_tui = true; return WN_OK; }
static int d_help(void *x, const char *a, struct wn_err *e) { (void)a; (void)e; ((struct demo_args *)x)->help = true; return WN_OK; }

static const struct wn_cli_opt demo_opts[] = {
	{ "days", "N", d_days, "days of diary, ending today (default 200)" },
	{ "keep", "FILE", d_keep, "write the demo diary to FILE (a new file) and keep it" },
	{ "no-tui", NULL, d_notui, "do not open it; print where it is and what it holds" },
	{ "help", NULL, d_help, "show this help" },
	{ 0 }
};
const struct wn_cli_spec wn_cli_spec_demo = { .args = "[--days N] [--keep FILE] [--no-tui]",
                                              .opts = demo_opts };

/* ---- files --------------------------------------------------------------- */

static void remove_diary(const char *path)
{
	static const char *const ext[] = { "", "-wal", "-shm", "-journal" };
	char buf[WN_CONFIG_PATH_MAX + 16];
	for (size_t i = 0; i < sizeof ext / sizeof *ext; i++) {
		snprintf(buf, sizeof buf, "%s%s", path, ext[i]);
		unlink(buf);
	}
}

/* A new empty file (0600) under $TMPDIR or /tmp; its name in buf. */
static int make_temp(char *buf, size_t n, struct wn_err *err)
{
	const char *dir = getenv("TMPDIR");
	if (!dir || !*dir)
		dir = "/tmp";
	if ((size_t)snprintf(buf, n, "%s/wean-demo-XXXXXX", dir) >= n)
		return wn_err_set(err, WN_CANTCREAT, "the temporary directory's name is too long");
	int fd = mkstemp(buf);
	if (fd < 0)
		return wn_err_set(err, WN_CANTCREAT, "cannot create a temporary file in %s: %s",
		                  dir, strerror(errno));
	int rc = fchmod(fd, 0600) == 0 ? WN_OK :
		wn_err_set(err, WN_CANTCREAT, "cannot set the mode of %s: %s", buf,
		           strerror(errno));
	close(fd);
	if (rc != WN_OK)
		unlink(buf);
	return rc;
}

static int open_diary(const char *path, struct wn_db **db, struct wn_err *err)
{
	struct wn_db_opts o = { .path = path, .create = true };
	return wn_db_open(db, &o, err);
}

/* ---- the command ------------------------------------------------------------ */

static void print_summary(FILE *f, const char *path, const struct wn_demo_summary *s,
                          bool kept)
{
	char a[WN_DATE_STRLEN], b[WN_DATE_STRLEN], p[WN_DATE_STRLEN];
	fprintf(f, "Demo diary: %s\n", path);
	fprintf(f, "  %ld days, %s to %s: %d check-ins, %d days without a record, %d notes\n",
	        (long)(s->last - s->first + 1), wn_date_format(s->first, a),
	        wn_date_format(s->last, b), s->checkins, s->missing, s->notes);
	fprintf(f, "  sertraline from 100 mg, cutting 10%% every 4 weeks since %s: %d cuts so far,\n"
	        "  %g mg today, one hold of %d days\n", wn_date_format(s->plan_start, p),
	        s->cuts, s->dose_now, s->hold_days);
	fprintf(f, "Open it with: wean --db %s\n", path);
	if (!kept)
		fputs("It is a temporary file: delete it when you are done.\n", f);
}

static int generate(struct wn_cli *c, struct demo_args *a, const char *tmp,
                    struct wn_err *err)
{
	struct wn_db *db = NULL;
	const struct wn_demo_opts o = { .today = c->today, .days = (int)a->days };
	int rc = open_diary(tmp, &db, err);
	if (rc == WN_OK)
		rc = wn_cli_prepare_db(c, db, err);
	if (rc == WN_OK)
		rc = wn_demo_write(db, &o, &a->sum, err);
	if (rc == WN_OK && a->keep)
		rc = wn_db_backup_to(db, a->keep, err);
	wn_db_close(db);
	return rc;
}

static int show(struct wn_cli *c, const char *path, struct wn_err *err)
{
	struct wn_db *db = NULL;
	int rc = open_diary(path, &db, err);
	if (rc == WN_OK) {
		struct wn_config cfg = c->cfg;
		snprintf(cfg.db_path, sizeof cfg.db_path, "%s", path);
		cfg.demo = true;
		rc = c->hooks->run_tui(db, &cfg, err);
	}
	wn_db_close(db);
	return rc;
}

static bool can_show(const struct wn_cli *c, const struct demo_args *a)
{
	return !a->no_tui && c->hooks && c->hooks->run_tui &&
	       isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
}

static int check_keep(const char *keep, struct wn_err *err)
{
	struct stat st;
	if (!keep || lstat(keep, &st) != 0)
		return WN_OK;
	wn_err_set(err, WN_CANTCREAT, "%s already exists; the demo never overwrites a file", keep);
	wn_err_hint(err, "choose a new file name for --keep");
	return WN_CANTCREAT;
}

int wn_cmd_demo(struct wn_cli *c, int argc, char **argv, struct wn_err *err)
{
	struct demo_args a = { .days = WN_DEMO_DEFAULT_DAYS };
	struct wn_cli_parse p = { .opts = demo_opts, .ctx = &a, .command = "demo" };
	int rc = wn_cli_parse_args(&p, argc, argv, err);
	if (rc != WN_OK || a.help) {
		if (a.help)
			wn_cli_command_help(c->out, "demo", wn_cli_spec_demo.args, demo_opts);
		return rc;
	}
	char tmp[WN_CONFIG_PATH_MAX];
	if ((rc = check_keep(a.keep, err)) != WN_OK || (rc = make_temp(tmp, sizeof tmp, err)) != WN_OK)
		return rc;
	rc = generate(c, &a, tmp, err);
	if (rc != WN_OK || a.keep)
		remove_diary(tmp);      /* failed, or copied to the kept file */
	if (rc != WN_OK)
		return rc;
	const char *path = a.keep ? a.keep : tmp;
	if (!can_show(c, &a)) {
		print_summary(c->out, path, &a.sum, a.keep != NULL);
		return WN_OK;
	}
	rc = show(c, path, err);
	if (!a.keep)
		remove_diary(tmp);
	return rc;
}
