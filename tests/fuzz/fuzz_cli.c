/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_cli.c -- libFuzzer harness: the command line, wn_cli_main().
 *
 * The input is split on NUL bytes into argv[1..] (argv[0] is "wean"; at
 * most MAX_ARGS words), so the global options, the command table and every
 * command's option table and value parsers are reached, including the
 * commands that write (checkin, med add, plan add, export -o, report -o,
 * import, backup, demo --keep ...).  wn_cli_main() never calls exit(): it returns a
 * sysexits status, which is checked.
 *
 * Confinement: an input with a word that starts with '/', contains "=/"
 * (--db=/x) or contains ".." is skipped, and while the CLI runs the working
 * directory is $HOME inside the harness's private temporary directory, so every path
 * the CLI can be given stays below it (the CLI expands no "~" or
 * variables in arguments); `demo` writes under $TMPDIR, also inside it.
 * Before every input the home directory and $TMPDIR are emptied and
 * refilled from memory: the fixture diary at the default location
 * ($HOME/.local/share/wean/wean.db), a config file at the default location
 * (two custom metrics), and three files to import (in.json, in.csv,
 * daylio.csv).  Every input therefore meets the same state.  stdout goes
 * to /dev/null; the error lines go to stderr (run with -close_fd_mask=2 to
 * silence them, as tests/fuzz/run.sh does).
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "db/export.h"
#include "fuzz_common.h"
#include "core/text.h"
#include "db/db.h"

#define MAX_ARGS 24

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char config_ini[] =
	"[display]\nweek_start = sunday\n"
	"[metrics]\nmetric1 = focus:0:10:higher\nmetric2 = pain:0:10:lower\n";

static const char daylio_csv[] =
	"full_date,date,weekday,time,mood,activities,note_title,note\n"
	"2026-03-04,March 4,Wednesday,21:40,good,family | walk,Evening,\"Long walk, \"\"zaps\"\"\"\n"
	"2026-03-04,March 4,Wednesday,08:05,meh,sleep early,,\"Woke at 4.\nAgain.\"\n"
	"2026-03-01,March 1,Sunday,12:00,awful,,,Cut to 37.5 mg today.\n";

static char home[1100], tmp[1100];
static int start_dir = -1;        /* libFuzzer's working directory */
static char *pristine_db, *json_text, *csv_text;
static size_t pristine_len, json_len, csv_len;

static void free_fixtures(void)
{
	free(pristine_db);
	free(json_text);
	free(csv_text);
}

/* The fixture diary's JSON and CSV exports, as files to import. */
static void make_exports(const char *path)
{
	struct wn_err err = { 0 };
	struct wn_db *db = NULL;
	struct wn_db_opts o = { .path = path };
	struct wn_buf j, c;
	wn_buf_init(&j);
	wn_buf_init(&c);
	struct wn_export_opts e = { .from = WN_DATE_NONE, .to = WN_DATE_NONE,
	                            .exported = "2026-03-10T00:00:00Z" };
	if (wn_db_open(&db, &o, &err) != WN_OK || wn_export_json(db, &e, &j, &err) != WN_OK ||
	    wn_export_csv(db, &e, &c, &err) != WN_OK) {
		fprintf(stderr, "wean fuzz: cannot export the fixture: %s\n", err.msg);
		abort();
	}
	wn_db_close(db);
	json_len = j.len;
	csv_len = c.len;
	json_text = wn_buf_detach(&j);
	csv_text = wn_buf_detach(&c);
	if (!json_text || !csv_text)
		abort();
}

static int no_tui(struct wn_db *db, const struct wn_config *cfg, struct wn_err *err)
{
	(void)cfg;
	(void)err;
	WN_FUZZ_CHECK(db != NULL, "run_tui without a diary");
	return WN_OK;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	wn_fuzz_init();
	snprintf(home, sizeof home, "%s", getenv("HOME"));
	snprintf(tmp, sizeof tmp, "%s", getenv("TMPDIR"));
	char path[1200];
	snprintf(path, sizeof path, "%s", wn_fuzz_path("pristine.db"));
	wn_fuzz_make_diary(path);
	pristine_db = wn_fuzz_read_file(path, &pristine_len);
	make_exports(path);
	unlink(path);
	atexit(free_fixtures);
	if (!freopen("/dev/null", "w", stdout) || !freopen("/dev/null", "r", stdin)) {
		fprintf(stderr, "wean fuzz: cannot redirect stdin/stdout\n");
		abort();
	}
	if ((start_dir = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		abort();
	return 0;
}

static void mkdirs(const char *rel)
{
	char p[1200];
	snprintf(p, sizeof p, "%s", rel);
	for (char *s = strchr(p, '/'); s; s = strchr(s + 1, '/')) {
		*s = '\0';
		mkdir(p, 0700);
		*s = '/';
	}
	mkdir(p, 0700);
}

/* Same state before every input; paths relative to the working directory
 * $HOME. */
static void reset_home(void)
{
	wn_fuzz_empty_dir(home);
	wn_fuzz_empty_dir(tmp);
	mkdirs(".local/share/wean");
	mkdirs(".config/wean");
	wn_fuzz_write_file(".local/share/wean/wean.db", pristine_db, pristine_len);
	wn_fuzz_write_file(".config/wean/config.ini", config_ini, sizeof config_ini - 1);
	wn_fuzz_write_file("in.json", json_text, json_len);
	wn_fuzz_write_file("in.csv", csv_text, csv_len);
	wn_fuzz_write_file("daylio.csv", daylio_csv, sizeof daylio_csv - 1);
}

/* Could the word name a file outside the working directory?  An absolute
 * path ("/x", "--db=/x"), or one going up (".."). */
static bool leaves_cwd(const char *w)
{
	return w[0] == '/' || strstr(w, "=/") || strstr(w, "..");
}

/* `demo --days N` writes N days: the most, 40000, takes 8 s at -O2 and
 * about a minute under the sanitizers, a timeout for libFuzzer rather than
 * a bug.  Such inputs are skipped above 400 days. */
static bool big_demo(char **argv, int argc)
{
	bool demo = false, big = false;
	for (int i = 1; i < argc; i++) {
		const char *v = NULL;
		demo = demo || strcmp(argv[i], "demo") == 0;
		if (strcmp(argv[i], "--days") == 0 && i + 1 < argc)
			v = argv[i + 1];
		else if (strncmp(argv[i], "--days=", 7) == 0)
			v = argv[i] + 7;
		big = big || (v && strtol(v, NULL, 10) > 400);
	}
	return demo && big;
}

/* argv from the input: words separated by NUL; NULL (skip the input) when
 * there are too many or one could leave the working directory. */
static char *split_args(const uint8_t *data, size_t size, char **argv, int *argc)
{
	char *buf = malloc(size + 1);
	if (!buf)
		return NULL;
	memcpy(buf, data, size);
	buf[size] = '\0';
	int n = 0;
	argv[n++] = "wean";
	for (size_t i = 0; size > 0 && i <= size; n++) {
		if (n > MAX_ARGS) {
			free(buf);
			return NULL;
		}
		argv[n] = buf + i;
		i += strlen(buf + i) + 1;
		if (leaves_cwd(argv[n])) {
			free(buf);
			return NULL;
		}
	}
	argv[n] = NULL;
	*argc = n;
	return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *argv[MAX_ARGS + 2];
	int argc;
	char *buf = split_args(data, size, argv, &argc);
	if (buf && big_demo(argv, argc)) {
		free(buf);
		buf = NULL;
	}
	if (!buf)
		return -1;               /* not added to the corpus */
	if (chdir(home) != 0)
		abort();
	reset_home();
	static const struct wn_cli_hooks hooks = { .run_tui = no_tui };
	int rc = wn_cli_main(argc, argv, &hooks);
	if (fchdir(start_dir) != 0)
		abort();
	/* no WN_TEMPFAIL: nothing else holds the diary */
	WN_FUZZ_CHECK(rc == WN_OK || rc == WN_ERR || rc == WN_USAGE || rc == WN_DATAERR ||
	              rc == WN_NOINPUT || rc == WN_CANTCREAT || rc == WN_IOERR,
	              "wn_cli_main returned %d", rc);
	free(buf);
	return 0;
}
