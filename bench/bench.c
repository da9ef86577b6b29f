/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench.c -- the performance budgets of SPEC section 7 and issue 17,
 * measured so that the machine's load cannot flip a verdict.
 *
 *   bench --wean PATH --gen PATH --dir DIR --data DIR [--runs N]
 *         [--cg-runs N] [--out FILE] [--only GROUP,...]
 *   GROUP: tui (start and every step, in instructions), tuimem, csv,
 *          exports, import, chart, crypt (an encrypted diary: bench_crypt.c)
 *
 * Three kinds of figure, each with its minimum, median and maximum over
 * the runs (a figure against a reference: the ratio run by run, the two
 * run alternately, and its minimum, median and maximum):
 *
 *   instr  the TUI under callgrind (valgrind --tool=callgrind
 *          --dump-before=wget_wch) in a pseudo-terminal (forkpty, 80x24,
 *          TERM=xterm): callgrind writes its count each time the TUI asks
 *          for a key, so one run gives the start (to the first full
 *          frame) and the cost of each key that follows: each screen
 *          switch, range change and search.  A key is sent only when the
 *          TUI waits for one (the process asleep and its output drained),
 *          so every step is drawn whole.  Counts do not depend on the load.
 *   cpu    user + system time of a command, from wait4.  A command and
 *          its reference (sqlite3) run alternately.
 *   rss    peak memory, ru_maxrss from wait4: the largest of the runs.
 *
 * Budgets (SPEC section 7, issue 17): TUI start on 100 years <= 1.1x the
 * empty diary in instructions (10 years: 1.2x, SPEC); every screen
 * switch, range change and search on 100 years <= 1.5x the same on 10
 * years; CSV export <= 1x sqlite3 -csv of the same join and import <=
 * 0.6x sqlite3 .read of the diary's dump (CPU time, 10 and 100 years);
 * a chart of 10 years, loading included, under 5 ms; peak memory under 16
 * MB for every command on 100 years and for the TUI after every screen.
 *
 * Diaries come from the generator (bench/gen.c) and are cached in DIR,
 * named by its version; exports and dumps are made again by each run, by
 * the wean measured.  Children run in a pinned environment (TZ, LANG,
 * HOME and XDG_* under DIR, WEAN_TODAY = the diaries' last day,
 * WEAN_DATADIR = --data, the drug reference wherever the binary is); their
 * stderr goes to DIR/stderr.log.  Output: one table on stdout and in
 * FILE.  Exit status 0 when every budget is met, 1 when one is missed, 2
 * when something could not be measured.
 */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/chart.h"
#include "core/chartview.h"
#include "db/chartdata.h"
#include "db/db.h"
#include "db/series.h"

#include <sqlite3.h>   /* the peer: the same query through sqlite3 itself */

#define END_DATE "2026-06-30"
#define DAYS_10Y 3650
#define DAYS_100Y 36500
#define MAX_RUNS 101
#define MAX_ROWS 120
#define MB (1024.0 * 1024.0)
#define IDLE_TIMEOUT_S 900.0     /* a TUI step under callgrind, at most */
#define CHART_BATCH 20
#define SEARCH_WORD "dizzy"

/* ---- errors and small helpers -------------------------------------------- */

static void die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("bench: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(2);
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double cpu_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *fmt(const char *f, ...)
{
	va_list ap;
	va_start(ap, f);
	int n = vsnprintf(NULL, 0, f, ap);
	va_end(ap);
	char *s = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (!s)
		die("out of memory");
	va_start(ap, f);
	vsnprintf(s, (size_t)n + 1, f, ap);
	va_end(ap);
	return s;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* Minimum, median and maximum of n values (NAN when n is 0). */
struct stat3 {
	double min, med, max;
};

static const struct stat3 NONE = { NAN, NAN, NAN };

static struct stat3 stats(const double *v, int n)
{
	double s[MAX_RUNS];
	if (n <= 0)
		return NONE;
	memcpy(s, v, (size_t)n * sizeof *s);
	qsort(s, (size_t)n, sizeof *s, cmp_double);
	double med = n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
	return (struct stat3){ s[0], med, s[n - 1] };
}

/* The ratios a[i] / b[i], run by run. */
static struct stat3 ratios(const double *a, const double *b, int n)
{
	double r[MAX_RUNS];
	for (int i = 0; i < n; i++)
		r[i] = a[i] / b[i];
	return stats(r, n);
}

/* ---- the options and the world the children see --------------------------- */

struct ctx {
	const char *wean, *gen, *dir, *out, *only;
	const char *data;        /* WEAN_DATADIR: drugs.ini, dess.ini */
	int runs, cg_runs;
	char *db_empty, *db_plans, *db_10y, *db_100y;
	char *json_10y, *json_100y, *csv_100y, *daylio_100y, *dump_10y, *dump_100y;
	char *scratch, *peer, *cgdir;
	char *first_10y, *first_100y;
};

static bool wanted(const struct ctx *c, const char *group)
{
	if (!c->only)
		return true;
	size_t n = strlen(group);
	for (const char *p = c->only; (p = strstr(p, group)) != NULL; p += n)
		if ((p == c->only || p[-1] == ',') && (p[n] == '\0' || p[n] == ','))
			return true;
	return false;
}

static void pin_env(const struct ctx *c)
{
	char *home = fmt("%s/home", c->dir);
	mkdir(home, 0700);
	setenv("HOME", home, 1);
	setenv("XDG_CONFIG_HOME", home, 1);
	setenv("XDG_DATA_HOME", home, 1);
	setenv("TZ", "UTC", 1);
	setenv("LANG", "C.UTF-8", 1);
	setenv("LC_ALL", "C.UTF-8", 1);
	setenv("WEAN_TODAY", END_DATE, 1);
	setenv("WEAN_DATADIR", c->data, 1);
	unsetenv("NO_COLOR");
	unsetenv("WEAN_DB");
	unsetenv("WEAN_CONFIG");
	unsetenv("COLUMNS");
	unsetenv("LINES");
	free(home);
}

/* ---- running a command ------------------------------------------------------- */

struct sample {
	double cpu;              /* user + system seconds of the child */
	long rss_kb;             /* ru_maxrss of the child */
};

static double tv_sec(struct timeval t)
{
	return (double)t.tv_sec + (double)t.tv_usec / 1e6;
}

/* In the child: stdin from /dev/null, stdout to out (NULL: /dev/null),
 * stderr to DIR/stderr.log. */
static void child_io(const struct ctx *c, const char *out)
{
	int in = open("/dev/null", O_RDONLY);
	int o = open(out ? out : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0600);
	char *log = fmt("%s/stderr.log", c->dir);
	int e = open(log, O_WRONLY | O_CREAT | O_APPEND, 0600);
	if (in < 0 || o < 0 || e < 0)
		_exit(126);
	dup2(in, 0);
	dup2(o, 1);
	dup2(e, 2);
}

static struct sample reap(pid_t pid, const char *what, const struct ctx *c)
{
	int status;
	struct rusage ru;
	if (wait4(pid, &status, 0, &ru) < 0)
		die("wait4: %s", strerror(errno));
	if (WIFSIGNALED(status))
		die("%s was killed by signal %d", what, WTERMSIG(status));
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		die("%s failed (exit %d); see %s/stderr.log", what, WEXITSTATUS(status), c->dir);
	return (struct sample){ tv_sec(ru.ru_utime) + tv_sec(ru.ru_stime), ru.ru_maxrss };
}

/* Where a command's standard output goes: a file (struct cmd's out, or
 * /dev/null), a pipe or a terminal (80x24) that the bench reads to the
 * end, as a person's `| less` or terminal would. */
enum out_to { TO_FILE, TO_PIPE, TO_TTY };

/* Reads fd until its end (EOF, or EIO: the terminal's other side closed). */
static void drain_all(int fd)
{
	char buf[65536];
	for (;;) {
		ssize_t n = read(fd, buf, sizeof buf);
		if (n > 0 || (n < 0 && errno == EINTR))
			continue;
		break;
	}
	close(fd);
}

/* Runs argv to its end. */
static struct sample run(const struct ctx *c, char *const argv[], const char *out,
                         enum out_to to)
{
	int fds[2] = { -1, -1 }, master = -1;
	struct winsize ws = { .ws_row = 24, .ws_col = 80 };
	if (to == TO_PIPE && pipe(fds) != 0)
		die("pipe: %s", strerror(errno));
	pid_t pid = to == TO_TTY ? forkpty(&master, NULL, NULL, &ws) : fork();
	if (pid < 0)
		die("fork: %s", strerror(errno));
	if (pid == 0) {
		/* the terminal kept open throughout: with no descriptor on it,
		 * the parent would read its end, and the child get a hangup */
		int tty = to == TO_TTY ? dup(1) : -1;
		child_io(c, out);
		if (to == TO_PIPE)
			dup2(fds[1], 1);
		if (to == TO_TTY) {
			if (tty < 0)
				_exit(126);
			dup2(tty, 1);
			setenv("TERM", "xterm", 1);
		}
		execv(argv[0], argv);
		_exit(127);
	}
	if (to == TO_PIPE) {
		close(fds[1]);
		drain_all(fds[0]);
	} else if (to == TO_TTY) {
		drain_all(master);
	}
	struct wn_buf w;
	wn_buf_init(&w);
	for (int i = 0; argv[i]; i++)
		wn_buf_addf(&w, "%s%s", i ? " " : "", argv[i]);
	wn_buf_addf(&w, " (to %s)", to == TO_PIPE ? "a pipe" : to == TO_TTY ? "a terminal" :
	            out ? out : "/dev/null");
	char *what = wn_buf_detach(&w);
	struct sample s = reap(pid, what ? what : argv[0], c);
	free(what);
	return s;
}

/* A command and how to prepare for it (not measured). */
struct cmd {
	char *argv[20];
	const char *out;         /* stdout file, NULL = /dev/null */
	enum out_to to;          /* or a pipe, or a terminal */
	const char *fresh;       /* this diary (or output file) removed before
	                            each run */
	const char *from;        /* ... and made anew as a copy of this one
	                            (NULL: none) */
};

static void remove_db(const char *path)
{
	static const char *const sfx[] = { "", "-wal", "-shm", "-journal", "-wean.lock" };
	for (size_t i = 0; i < sizeof sfx / sizeof *sfx; i++) {
		char *p = fmt("%s%s", path, sfx[i]);
		unlink(p);
		free(p);
	}
}

static void copy_file(const char *src, const char *dst)
{
	FILE *in = fopen(src, "rb"), *out = fopen(dst, "wb");
	if (!in || !out)
		die("cannot copy %s to %s", src, dst);
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		fwrite(buf, 1, n, out);
	fclose(in);
	if (fclose(out) != 0)
		die("cannot write %s", dst);
	chmod(dst, 0600);
}

static struct sample run_cmd(const struct ctx *c, const struct cmd *k)
{
	if (k->fresh) {
		remove_db(k->fresh);
		if (k->from)
			copy_file(k->from, k->fresh);
	}
	return run(c, k->argv, k->out, k->to);
}

/* ---- the rows of the table --------------------------------------------------------- */

enum unit { U_INSTR, U_CPU, U_MEM };
enum budget { B_NONE, B_RATIO, B_UNDER };

struct row {
	const char *name, *refname;
	enum unit unit;
	struct stat3 v, ref, ratio;
	enum budget kind;
	double budget;           /* a ratio, seconds or bytes */
	const char *note;        /* printed after a miss */
};

struct table {
	struct row r[MAX_ROWS];
	int n;
};

static void add_row(struct table *t, struct row r)
{
	if (t->n == MAX_ROWS)
		die("too many rows");
	t->r[t->n++] = r;
}

static void mem_row(struct table *t, const char *name, long kb, const char *note)
{
	double v = (double)kb * 1024.0;
	add_row(t, (struct row){ .name = name, .unit = U_MEM, .v = { v, v, v }, .ref = NONE,
	                         .ratio = NONE, .kind = B_UNDER, .budget = 16 * MB,
	                         .note = note });
}

/* n runs of a (and of its reference b, alternately) after a warm-up. */
struct pair {
	double a[MAX_RUNS], b[MAX_RUNS];
	long peak_a, peak_b;
	int n;
};

static void measure_cmds(const struct ctx *c, const struct cmd *a, const struct cmd *b,
                         struct pair *p)
{
	p->n = c->runs;
	p->peak_a = p->peak_b = 0;
	run_cmd(c, a);
	if (b)
		run_cmd(c, b);
	for (int i = 0; i < p->n; i++) {
		struct sample s = run_cmd(c, a);
		p->a[i] = s.cpu;
		p->peak_a = s.rss_kb > p->peak_a ? s.rss_kb : p->peak_a;
		if (!b)
			continue;
		s = run_cmd(c, b);
		p->b[i] = s.cpu;
		p->peak_b = s.rss_kb > p->peak_b ? s.rss_kb : p->peak_b;
	}
}

/* A command's CPU time (against b when given) and its peak memory. */
static void cmd_rows(const struct ctx *c, struct table *t, const char *name,
                     const struct cmd *a, const struct cmd *b, const char *refname,
                     double budget, const char *mem_note)
{
	struct pair p;
	measure_cmds(c, a, b, &p);
	struct row r = { .name = name, .unit = U_CPU, .v = stats(p.a, p.n), .ref = NONE,
	                 .ratio = NONE };
	if (b) {
		r.refname = refname;
		r.ref = stats(p.b, p.n);
		r.ratio = ratios(p.a, p.b, p.n);
		r.kind = B_RATIO;
		r.budget = budget;
	}
	add_row(t, r);
	mem_row(t, fmt("peak memory: %s", name), p.peak_a, mem_note);
}

/* The figures' notes: misses that are being fixed separately. */
#define NOTE_CHARTS "(charts: issue 17 item 3)"
#define NOTE_EXPORT "(streaming exports: issue 17 item 1)"

/* ---- the diaries and the files made from them ----------------------------------- */

static char *gen_version(const struct ctx *c)
{
	char *cmd = fmt("'%s' --version", c->gen);
	FILE *p = popen(cmd, "r");
	char v[32] = "";
	if (!p || !fgets(v, sizeof v, p) || pclose(p) != 0)
		die("cannot run %s --version", c->gen);
	free(cmd);
	v[strcspn(v, "\n")] = '\0';
	return fmt("%s", v);
}

/* The cached diary of `days` days, generated when missing; with
 * plans_only, its medications and plans without any day. */
static char *diary(const struct ctx *c, const char *ver, long days, const char *tag,
                   bool plans_only)
{
	char *path = fmt("%s/diary-g%s-%s.db", c->dir, ver, tag);
	if (access(path, F_OK) == 0)
		return path;
	char *tmp = fmt("%s.tmp", path), *n = fmt("%ld", days);
	remove_db(tmp);
	double t0 = now();
	char *argv[] = { (char *)c->gen, n, END_DATE, tmp,
	                 plans_only ? "--plans-only" : NULL, NULL };
	run(c, argv, NULL, TO_FILE);
	if (rename(tmp, path) != 0)
		die("rename %s: %s", tmp, strerror(errno));
	fprintf(stderr, "bench: generated %s (%ld days) in %.1f s\n", path, days, now() - t0);
	free(tmp);
	free(n);
	return path;
}

/* A file made by a command's stdout: made again by every run, so that it
 * always comes from the wean under test. */
static char *derived(const struct ctx *c, char *path, char *const argv[])
{
	char *tmp = fmt("%s.tmp", path);
	run(c, argv, tmp, TO_FILE);
	if (rename(tmp, path) != 0)
		die("rename %s: %s", tmp, strerror(errno));
	free(tmp);
	return path;
}

/* Daylio's CSV export of the 100-year diary's moods and notes, newest
 * first (as Daylio writes it): the mood label from wean's mood. */
static char *daylio_file(const struct ctx *c, const char *ver)
{
	static const char q[] = "SELECT date AS full_date, date, 'x' AS weekday,"
		" '20:00' AS time, CASE WHEN mood >= 9 THEN 'rad' WHEN mood >= 7 THEN 'good'"
		" WHEN mood >= 5 THEN 'meh' WHEN mood >= 3 THEN 'bad' ELSE 'awful' END AS mood,"
		" '' AS activities, '' AS note_title, ifnull(note, '') AS note"
		" FROM checkin WHERE mood IS NOT NULL ORDER BY date DESC";
	char *path = fmt("%s/diary-g%s-100y-daylio.csv", c->dir, ver);
	char *argv[] = { "/usr/bin/sqlite3", "-csv", "-header", c->db_100y, (char *)q, NULL };
	return derived(c, path, argv);
}

/* The JSON export and the .dump of a diary. */
static void exports_of(const struct ctx *c, const char *ver, const char *db, const char *tag,
                       char **json, char **dump)
{
	char *ej[] = { (char *)c->wean, "--db", (char *)db, "export", "--format", "json", NULL };
	*json = derived(c, fmt("%s/diary-g%s-%s.json", c->dir, ver, tag), ej);
	char *ed[] = { "/usr/bin/sqlite3", (char *)db, ".dump", NULL };
	*dump = derived(c, fmt("%s/diary-g%s-%s.sql", c->dir, ver, tag), ed);
}

static void prepare(struct ctx *c)
{
	char *ver = gen_version(c);
	c->db_empty = diary(c, ver, 0, "empty", false);
	c->db_plans = diary(c, ver, DAYS_100Y, "plans", true);
	c->db_10y = diary(c, ver, DAYS_10Y, "10y", false);
	c->db_100y = diary(c, ver, DAYS_100Y, "100y", false);
	exports_of(c, ver, c->db_10y, "10y", &c->json_10y, &c->dump_10y);
	exports_of(c, ver, c->db_100y, "100y", &c->json_100y, &c->dump_100y);
	char *ec[] = { (char *)c->wean, "--db", c->db_100y, "export", "--format", "csv", NULL };
	c->csv_100y = derived(c, fmt("%s/diary-g%s-100y.csv", c->dir, ver), ec);
	c->daylio_100y = daylio_file(c, ver);
	c->scratch = fmt("%s/scratch.db", c->dir);
	c->peer = fmt("%s/scratch-peer.db", c->dir);
	c->cgdir = fmt("%s/callgrind", c->dir);
	mkdir(c->cgdir, 0700);
	wn_date end;
	wn_date_parse_iso(END_DATE, &end, NULL);
	char d[WN_DATE_STRLEN];
	c->first_10y = fmt("%s", wn_date_format(end - DAYS_10Y + 1, d));
	c->first_100y = fmt("%s", wn_date_format(end - DAYS_100Y + 1, d));
	free(ver);
}

/* ---- the TUI in a pseudo-terminal ------------------------------------------- */

/* The keys of one visit to every screen, and the name of each step
 * reported (NULL: not reported, as the letters of the search). */
struct key {
	const char *bytes, *label;
};

static const struct key tour[] = {
	{ "\t", "switch to Calendar" },
	{ "\t", "switch to Plan" },
	{ "\t", "switch to Charts (last 3 months)" },
	{ "r", "Charts: range last year" },
	{ "r", "Charts: range all time" },
	{ "R", "Charts: range back to last year" },
	{ "\t", "switch to Journal" },
	{ "/", NULL }, { "d", NULL }, { "i", NULL }, { "z", NULL }, { "z", NULL }, { "y", NULL },
	{ "\r", "Journal: search \"" SEARCH_WORD "\"" },
	{ "n", "Journal: next match (n)" },
	{ "N", "Journal: previous match (N)" },
	{ "G", "Journal: the oldest day (G)" },
	{ "\t", "switch to Export" },
	{ "\033[Z", "back to Journal (search kept)" },
	{ "\t", NULL },
	{ "\t", "switch to Today" },
	{ "q", NULL },
};
#define N_KEYS ((int)(sizeof tour / sizeof *tour))

/* The process's state letter (R running, S asleep, Z ended), 0 if gone. */
static char proc_state(pid_t pid)
{
	char path[64], buf[512];
	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return 0;
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	char *p = strrchr(buf, ')');
	return p && p[1] == ' ' ? p[2] : 0;
}

/* Reads what the TUI writes for ms milliseconds; true if it wrote. */
static bool drain_for(int fd, int ms)
{
	char buf[65536];
	bool got = false;
	double end = now() + ms / 1000.0;
	for (double left = ms; left > 0; left = (end - now()) * 1000.0) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		if (poll(&p, 1, (int)left + 1) <= 0)
			continue;
		if (read(fd, buf, sizeof buf) <= 0)
			return got;
		got = true;
	}
	return got;
}

/* Waits until the TUI waits for a key: asleep, having written nothing,
 * at three looks in a row. */
static void wait_idle(pid_t pid, int fd)
{
	double deadline = now() + IDLE_TIMEOUT_S;
	int quiet = 0;
	while (quiet < 3) {
		if (now() > deadline)
			die("the TUI did not wait for a key within %.0f s", IDLE_TIMEOUT_S);
		bool wrote = drain_for(fd, 15);
		char s = proc_state(pid);
		if (s == 0 || s == 'Z')
			die("the TUI ended before its last key");
		quiet = !wrote && s == 'S' ? quiet + 1 : 0;
	}
}

/* Starts argv in an 80x24 pseudo-terminal; its master in *fd. */
static pid_t start_pty(char *const argv[], int *fd)
{
	struct winsize ws = { .ws_row = 24, .ws_col = 80 };
	pid_t pid = forkpty(fd, NULL, NULL, &ws);
	if (pid < 0)
		die("forkpty: %s", strerror(errno));
	if (pid == 0) {
		setenv("TERM", "xterm", 1);
		execv(argv[0], argv);
		_exit(127);
	}
	return pid;
}

/* The tour in the TUI started by argv: each key when the TUI waits. */
static struct sample tour_run(const struct ctx *c, char *const argv[], pid_t *pid_out)
{
	int fd;
	pid_t pid = start_pty(argv, &fd);
	for (int i = 0; i < N_KEYS; i++) {
		wait_idle(pid, fd);
		size_t n = strlen(tour[i].bytes);
		if (write(fd, tour[i].bytes, n) != (ssize_t)n)
			die("cannot type into the TUI: %s", strerror(errno));
	}
	char s;
	while ((s = proc_state(pid)) != 0 && s != 'Z')
		drain_for(fd, 50);
	struct sample r = reap(pid, "the TUI", c);
	close(fd);
	if (pid_out)
		*pid_out = pid;
	return r;
}

/* The count of a callgrind dump ("summary: N"), or -1. */
static double dump_count(const char *path)
{
	FILE *f = fopen(path, "r");
	char line[256];
	double v = -1;
	while (f && fgets(line, sizeof line, f))
		if (strncmp(line, "summary:", 8) == 0 || strncmp(line, "totals:", 7) == 0) {
			v = strtod(strchr(line, ':') + 1, NULL);
			break;
		}
	if (f)
		fclose(f);
	return v;
}

/* The tour under callgrind: step[0] the start, step[i] key i's cost.
 * false when the run has to be made again (an idle tick: the TUI waited
 * 1.5 s for a key, which made one dump more). */
static bool tour_callgrind(const struct ctx *c, const char *db, double *step)
{
	char *out = fmt("--callgrind-out-file=%s/tui.%%p", c->cgdir);
	char *log = fmt("--log-file=%s/valgrind.%%p.log", c->cgdir);
	char *argv[] = { "/usr/bin/valgrind", "--tool=callgrind", "--dump-before=wget_wch",
	                 out, log, (char *)c->wean, "--db", (char *)db, NULL };
	pid_t pid;
	tour_run(c, argv, &pid);
	bool ok = true;
	for (int i = 1; i <= N_KEYS + 1; i++) {
		char *p = i <= N_KEYS ? fmt("%s/tui.%d.%d", c->cgdir, (int)pid, i)
		                      : fmt("%s/tui.%d", c->cgdir, (int)pid);
		step[i - 1] = dump_count(p);
		ok = ok && step[i - 1] >= 0;
		unlink(p);
		free(p);
	}
	for (int i = N_KEYS + 1; i < N_KEYS + 100; i++) {
		char *p = fmt("%s/tui.%d.%d", c->cgdir, (int)pid, i);
		ok = ok && access(p, F_OK) != 0;
		unlink(p);
		free(p);
	}
	char *vlog = fmt("%s/valgrind.%d.log", c->cgdir, (int)pid);
	unlink(vlog);
	free(vlog);
	free(out);
	free(log);
	return ok;
}

/* The tour's counts on a diary, cg_runs times: v[run][step]. */
struct tour_counts {
	double v[MAX_RUNS][N_KEYS + 1];
	int n;
};

/* Empties the diary's plan cache (schema v8, db/plancache.h): the next
 * TUI start builds and reviews the plans as after a change to them. */
static void clear_plan_cache(const char *db)
{
	sqlite3 *h = NULL;
	char *msg = NULL;
	if (sqlite3_open(db, &h) != SQLITE_OK ||
	    sqlite3_exec(h, "DELETE FROM plan_cache", NULL, NULL, &msg) != SQLITE_OK)
		die("cannot empty the plan cache of %s: %s", db, msg ? msg : sqlite3_errmsg(h));
	sqlite3_close(h);
}

/* cold: the plan cache emptied before each run (the first start after a
 * plan changed); else as it is after the warm-up tour (every other day). */
static void tour_counts(const struct ctx *c, const char *db, bool cold, struct tour_counts *t)
{
	t->n = 0;
	for (int tries = 0; t->n < c->cg_runs; tries++) {
		if (tries > 3 * c->cg_runs)
			die("callgrind runs of the TUI on %s keep failing", db);
		if (cold)
			clear_plan_cache(db);
		if (tour_callgrind(c, db, t->v[t->n]))
			t->n++;
		else
			fprintf(stderr, "bench: a callgrind run of the TUI waited too long for a"
			        " key; run again\n");
	}
}

static struct stat3 step_stats(const struct tour_counts *t, int step, double *each)
{
	for (int r = 0; r < t->n; r++)
		each[r] = t->v[r][step];
	return stats(each, t->n);
}

/* A figure of instructions: diary a against b at one step (b NULL: a alone). */
static void instr_row(struct table *t, const char *name, const char *refname,
                      const struct tour_counts *a, const struct tour_counts *b, int step,
                      double budget, const char *note)
{
	double va[MAX_RUNS], vb[MAX_RUNS];
	struct row r = { .name = name, .refname = refname, .unit = U_INSTR,
	                 .v = step_stats(a, step, va), .ref = NONE, .ratio = NONE,
	                 .kind = budget > 0 ? B_RATIO : B_NONE, .budget = budget,
	                 .note = note };
	if (b) {
		r.ref = step_stats(b, step, vb);
		r.ratio = ratios(va, vb, a->n < b->n ? a->n : b->n);
	}
	add_row(t, r);
}

static void bench_tui(const struct ctx *c, struct table *t)
{
	static struct tour_counts empty, plans, y10, y100, cold;
	const char *dbs[] = { c->db_empty, c->db_plans, c->db_10y, c->db_100y };
	/* a warm-up tour on each (not measured): a diary of an older schema
	 * is upgraded, and the plans Today shows are kept in its plan cache,
	 * as on every day after the first */
	for (size_t i = 0; i < sizeof dbs / sizeof *dbs; i++) {
		char *argv[] = { (char *)c->wean, "--db", (char *)dbs[i], NULL };
		tour_run(c, argv, NULL);
	}
	tour_counts(c, c->db_empty, false, &empty);
	tour_counts(c, c->db_plans, false, &plans);
	tour_counts(c, c->db_10y, false, &y10);
	tour_counts(c, c->db_100y, false, &y100);
	tour_counts(c, c->db_100y, true, &cold);
	instr_row(t, "TUI start, empty diary", NULL, &empty, NULL, 0, 0, NULL);
	instr_row(t, "TUI start, 10 years / empty", "TUI start, empty diary", &y10, &empty,
	          0, 1.2, NULL);
	instr_row(t, "TUI start, 100 years / empty", "TUI start, empty diary", &y100, &empty,
	          0, 1.1, NULL);
	instr_row(t, "TUI start after a plan change, 100 y / empty",
	          "TUI start, empty diary", &cold, &empty, 0, 0, NULL);
	instr_row(t, "TUI start, 100 years / no days", "the same plans without days", &y100,
	          &plans, 0, 0, NULL);
	for (int k = 0; k < N_KEYS; k++) {
		if (!tour[k].label)
			continue;
		bool all = strstr(tour[k].label, "all time") != NULL;
		instr_row(t, fmt("%s, 100 y / 10 y", tour[k].label), "the same on 10 years",
		          &y100, &y10, k + 1, 1.5, all ? NOTE_CHARTS : NULL);
	}
}

/* Peak memory of the TUI after every screen, and the tour's CPU time. */
static void bench_tuimem(const struct ctx *c, struct table *t)
{
	const char *dbs[] = { c->db_empty, c->db_10y, c->db_100y };
	const char *names[] = { "empty diary", "10 years", "100 years" };
	for (int i = 0; i < 3; i++) {
		double cpu[MAX_RUNS];
		long peak = 0;
		char *argv[] = { (char *)c->wean, "--db", (char *)dbs[i], NULL };
		tour_run(c, argv, NULL);
		for (int r = 0; r < c->runs; r++) {
			struct sample s = tour_run(c, argv, NULL);
			cpu[r] = s.cpu;
			peak = s.rss_kb > peak ? s.rss_kb : peak;
		}
		add_row(t, (struct row){ .name = fmt("TUI, every screen and the search, %s",
		                                     names[i]), .unit = U_CPU,
		        .v = stats(cpu, c->runs), .ref = NONE, .ratio = NONE });
		mem_row(t, fmt("peak memory: TUI after every screen, %s", names[i]), peak,
		        NOTE_CHARTS);
	}
}

/* ---- the CSV reference: the same join in SQL ---------------------------------------- */

/* Appends, for each row (id, name) of q, the columns of tpl: "%1$ld" is
 * the id and "%2$s" the name quoted for SQL, e.g. as a column alias. */
static void add_columns(sqlite3 *db, FILE *f, const char *q, const char *tpl)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, q, -1, &st, NULL) != SQLITE_OK)
		die("cannot read the diary: %s", sqlite3_errmsg(db));
	while (sqlite3_step(st) == SQLITE_ROW) {
		long id = (long)sqlite3_column_int64(st, 0);
		char *name = sqlite3_mprintf("%w", sqlite3_column_text(st, 1));
		fprintf(f, tpl, id, name);
		sqlite3_free(name);
	}
	sqlite3_finalize(st);
}

/* One row per day from..to with the columns of export.h, in its order:
 * recorded (a probe of each table), the check-in, the burden, each
 * symptom, each metric, each medication's planned dose (here the starting
 * dose of its active plan from the plan's start: the same lookup, without
 * the taper maths), taken dose and status (here a word for a day with a
 * dose: the same lookup, without the vocabulary), flag and note.  Of the
 * forms tried (a GROUP BY pivot of the ratings joined to the calendar,
 * ORDER BY ... LIMIT 1 for the plan), these correlated index probes were
 * the fastest. */
static char *csv_sql(const char *db_path, const char *first)
{
	sqlite3 *db;
	if (sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		die("cannot open %s", db_path);
	char *sql = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&sql, &len);
	fprintf(f, "WITH RECURSIVE cal(d) AS (SELECT '%s' UNION ALL"
	        " SELECT date(d, '+1 day') FROM cal WHERE d < '%s')"
	        " SELECT cal.d AS date, (c.date IS NOT NULL"
	        "  OR EXISTS (SELECT 1 FROM rating WHERE date = cal.d)"
	        "  OR EXISTS (SELECT 1 FROM metric_value WHERE date = cal.d)"
	        "  OR EXISTS (SELECT 1 FROM dose WHERE date = cal.d)"
	        "  OR EXISTS (SELECT 1 FROM quicknote WHERE date = cal.d)"
	        "  OR EXISTS (SELECT 1 FROM question WHERE date = cal.d)) AS recorded,"
	        " c.mood, c.anxiety, c.energy, c.sleep,"
	        " (SELECT sum(value) FROM rating WHERE date = cal.d) AS burden",
	        first, END_DATE);
	add_columns(db, f, "SELECT id, name FROM symptom ORDER BY sort, name",
	            ", (SELECT value FROM rating WHERE date = cal.d AND symptom_id = %1$ld)"
	            " AS \"%2$s\"");
	add_columns(db, f, "SELECT id, name FROM metric_def ORDER BY name",
	            ", (SELECT value FROM metric_value WHERE date = cal.d AND metric_id = %1$ld)"
	            " AS \"%2$s\"");
	add_columns(db, f, "SELECT id, name FROM medication ORDER BY name",
	            ", (SELECT from_dose FROM plan WHERE med_id = %1$ld AND active = 1"
	            " AND start_date <= cal.d) AS \"%2$s planned\""
	            ", (SELECT sum(amount) FROM dose WHERE date = cal.d AND med_id = %1$ld)"
	            " AS \"%2$s taken\""
	            ", (SELECT CASE WHEN count(*) THEN 'as planned' END FROM dose"
	            " WHERE date = cal.d AND med_id = %1$ld) AS \"%2$s status\"");
	fputs(", ifnull(c.flag, 0) AS flag, c.note"
	      " FROM cal LEFT JOIN checkin c ON c.date = cal.d ORDER BY cal.d", f);
	fclose(f);
	sqlite3_close(db);
	return sql;
}

static long count_lines(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		die("cannot read %s", path);
	long n = 0;
	int ch, prev = '\n';
	bool quoted = false;
	while ((ch = fgetc(f)) != EOF) {
		if (ch == '"')
			quoted = !quoted;
		if (ch == '\n' && !quoted)
			n++;
		prev = ch;
	}
	fclose(f);
	return prev == '\n' ? n : n + 1;
}

/* export --format csv of a diary against sqlite3 -csv of the same join. */
static void csv_pair(const struct ctx *c, struct table *t, const char *db, const char *first,
                     long days, const char *tag)
{
	char *sql = csv_sql(db, first);
	struct cmd w = { .argv = { (char *)c->wean, "--db", (char *)db, "export", "--format",
	                   "csv", "--from", (char *)first, "--to", END_DATE, NULL } };
	struct cmd s = { .argv = { "/usr/bin/sqlite3", "-csv", "-header", (char *)db, sql,
	                   NULL } };
	/* Both give a header and one record per day (checked, not timed). */
	char *a = fmt("%s/check-wean.csv", c->dir), *b = fmt("%s/check-sqlite.csv", c->dir);
	w.out = a;
	s.out = b;
	run_cmd(c, &w);
	run_cmd(c, &s);
	long la = count_lines(a), lb = count_lines(b);
	if (la != days + 1 || lb != days + 1)
		die("CSV records: wean %ld, sqlite3 %ld, expected %ld", la, lb, days + 1);
	w.out = s.out = NULL;
	cmd_rows(c, t, fmt("export --format csv, %s", tag), &w, &s,
	         "sqlite3 -csv, the same join", 1.0, NOTE_EXPORT);
	free(a);
	free(b);
	free(sql);
}

static void bench_csv(const struct ctx *c, struct table *t)
{
	csv_pair(c, t, c->db_10y, c->first_10y, DAYS_10Y, "10 years");
	csv_pair(c, t, c->db_100y, c->first_100y, DAYS_100Y, "100 years");
}

/* The exports of 100 years to a pipe, a terminal and a file (-o): each
 * streams, so its memory does not grow with what it writes. */
static void bench_outputs(const struct ctx *c, struct table *t)
{
	static const struct { const char *fmt; enum out_to to; bool file; const char *where; } o[] = {
		{ "csv", TO_PIPE, false, "pipe" }, { "csv", TO_TTY, false, "terminal" },
		{ "csv", TO_FILE, true, "-o file" },
		{ "json", TO_PIPE, false, "pipe" }, { "json", TO_TTY, false, "terminal" },
		{ "json", TO_FILE, true, "-o file" },
		{ "ics", TO_TTY, false, "terminal" },
	};
	char *file = fmt("%s/export-out.tmp", c->dir);
	for (size_t i = 0; i < sizeof o / sizeof *o; i++) {
		struct cmd k = { .argv = { (char *)c->wean, "--db", c->db_100y, "export",
		                           "--format", (char *)o[i].fmt }, .to = o[i].to };
		if (o[i].file) {
			k.argv[6] = "-o";
			k.argv[7] = file;
			k.fresh = file;
		}
		cmd_rows(c, t, fmt("export %s, 100 years, to %s", o[i].fmt, o[i].where),
		         &k, NULL, NULL, 0, NOTE_EXPORT);
	}
	remove_db(file);
	free(file);
}

/* Every other export and the report over 100 years, the chart of all of
 * it, and check. */
static void bench_exports(const struct ctx *c, struct table *t)
{
	/* FIRST: the 100-year diary's first day */
	static const struct { const char *name, *args[8]; const char *note; } e[] = {
		{ "export --format json, 100 years", { "export", "--format", "json" }, NOTE_EXPORT },
		{ "export --format ics, 100 years", { "export", "--format", "ics" }, NULL },
		{ "report --format md, 100 years", { "report", "--format", "md", "--from", "FIRST" },
		  NOTE_EXPORT },
		{ "report --format html, 100 years", { "report", "--format", "html", "--from",
		  "FIRST" }, NOTE_EXPORT },
		{ "chart burden --all, 100 years", { "chart", "burden", "--all" }, NULL },
		{ "check, 100 years", { "check" }, NULL },
	};
	for (size_t i = 0; i < sizeof e / sizeof *e; i++) {
		struct cmd k = { .argv = { (char *)c->wean, "--db", c->db_100y } };
		for (int j = 0; e[i].args[j]; j++)
			k.argv[3 + j] = strcmp(e[i].args[j], "FIRST") == 0 ? c->first_100y
			                                                   : (char *)e[i].args[j];
		cmd_rows(c, t, e[i].name, &k, NULL, NULL, 0, e[i].note);
	}
	bench_outputs(c, t);
}

/* ---- the imports ---------------------------------------------------------------------- */

/* Check-ins and ratings in a diary. */
static long count_rows(const char *path)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	long n = -1;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, "SELECT (SELECT count(*) FROM checkin) +"
	                       " (SELECT count(*) FROM rating)", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			n = (long)sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	sqlite3_close(db);
	return n;
}

/* import of a diary's JSON export into a copy of the empty diary,
 * against sqlite3 loading the same diary from its .dump. */
static void import_pair(const struct ctx *c, struct table *t, const char *json,
                        const char *dump, const char *source, const char *tag)
{
	struct cmd w = { .argv = { (char *)c->wean, "--db", c->scratch, "import", (char *)json,
	                   "--format", "json", NULL }, .fresh = c->scratch, .from = c->db_empty };
	char *read = fmt(".read %s", dump);
	struct cmd s = { .argv = { "/usr/bin/sqlite3", c->peer, read, NULL }, .fresh = c->peer };
	run_cmd(c, &w);            /* the import is complete (checked, not timed) */
	long got = count_rows(c->scratch), want = count_rows(source);
	if (got != want)
		die("the import wrote %ld check-ins and ratings, the diary has %ld", got, want);
	cmd_rows(c, t, fmt("import json, %s", tag), &w, &s, "sqlite3 .read of the diary's"
	         " .dump", 0.6, NULL);
	remove_db(c->peer);
	free(read);
}

static void bench_import(const struct ctx *c, struct table *t)
{
	import_pair(c, t, c->json_10y, c->dump_10y, c->db_10y, "10 years");
	import_pair(c, t, c->json_100y, c->dump_100y, c->db_100y, "100 years");
	/* wean's CSV names the medications: into the diary that has them */
	struct cmd v = { .argv = { (char *)c->wean, "--db", c->scratch, "import", c->csv_100y,
	                   "--format", "csv", NULL }, .fresh = c->scratch, .from = c->db_plans };
	cmd_rows(c, t, "import csv, 100 years", &v, NULL, NULL, 0, NULL);
	struct cmd d = { .argv = { (char *)c->wean, "--db", c->scratch, "import", c->daylio_100y,
	                   "--format", "daylio", NULL }, .fresh = c->scratch, .from = c->db_empty };
	cmd_rows(c, t, "import daylio, 100 years", &d, NULL, NULL, 0, NULL);
	remove_db(c->scratch);
}

/* ---- the chart in process, loading included ----------------------------------------- */

struct chartjob {
	struct wn_db *db;
	struct wn_series_what what;
	wn_date from, to;
	bool load;               /* read the series each time (else once) */
	struct wn_chartview cv;
	struct wn_chart_buf buf;
	struct wn_buf text;
};

/* What a range change of the Charts screen does for its chart: the
 * series read, the chart drawn (80x20), its figures written. */
static void chart_once(struct chartjob *j)
{
	struct wn_err err = { 0 };
	if (j->load || (!j->cv.v && !j->cv.by_month)) {      /* not read yet */
		wn_chartview_free(&j->cv);
		struct wn_chartview_req q = { .what = &j->what, .from = j->from, .to = j->to,
		                              .width = 80 };
		if (wn_chartdata_load(j->db, &q, &j->cv, &err) != WN_OK)
			die("chart: %s", err.msg);
	}
	struct wn_chartview_size sz = { 80, 20, false };
	wn_buf_reset(&j->text);
	if (wn_chartview_render(&j->cv, &sz, &j->buf, &err) != WN_OK ||
	    wn_chartview_insight(&j->cv, &j->text, &err) != WN_OK)
		die("chart: %s", err.msg);
}

/* CPU seconds of one chart, the mean of a batch, runs times. */
static struct stat3 chart_runs(const struct ctx *c, struct chartjob *j, double *each)
{
	chart_once(j);
	for (int r = 0; r < c->runs; r++) {
		double t0 = cpu_now();
		for (int i = 0; i < CHART_BATCH; i++)
			chart_once(j);
		each[r] = (cpu_now() - t0) / CHART_BATCH;
	}
	return stats(each, c->runs);
}

/* Burden over the last `days` days of the diary at path. */
static void chart_open(const char *path, long days, struct chartjob *j)
{
	struct wn_err err = { 0 };
	struct wn_db_opts o = { .path = path };
	*j = (struct chartjob){ .load = true };
	if (wn_db_open(&j->db, &o, &err) != WN_OK)
		die("%s", err.msg);
	struct wn_series_names names = { j->db, NULL };
	if (wn_series_parse_what(&names, "burden", &j->what, &err) != WN_OK)
		die("series burden: %s", err.msg);
	wn_date_parse_iso(END_DATE, &j->to, NULL);
	j->from = j->to - days + 1;
	wn_chart_buf_init(&j->buf);
	wn_buf_init(&j->text);
}

static void chart_close(struct chartjob *j)
{
	wn_chartview_free(&j->cv);
	wn_chart_buf_free(&j->buf);
	wn_buf_free(&j->text);
	wn_db_close(j->db);
}

static void bench_chart(const struct ctx *c, struct table *t)
{
	static struct chartjob y10, y100;
	double a[MAX_RUNS], b[MAX_RUNS];
	chart_open(c->db_10y, DAYS_10Y, &y10);
	chart_open(c->db_100y, DAYS_100Y, &y100);
	struct stat3 s10 = chart_runs(c, &y10, a), s100 = chart_runs(c, &y100, b);
	add_row(t, (struct row){ .name = "chart burden 10 years, loading included",
	        .unit = U_CPU, .v = s10, .ref = NONE, .ratio = NONE, .kind = B_UNDER,
	        .budget = 0.005, .note = NOTE_CHARTS });
	add_row(t, (struct row){ .name = "chart burden all 100 years, loading included",
	        .refname = "the same of 10 years", .unit = U_CPU, .v = s100, .ref = s10,
	        .ratio = ratios(b, a, c->runs), .kind = B_RATIO, .budget = 1.5,
	        .note = NOTE_CHARTS });
	y10.load = false;
	add_row(t, (struct row){ .name = "chart burden 10 years, drawing only",
	        .unit = U_CPU, .v = chart_runs(c, &y10, a), .ref = NONE, .ratio = NONE,
	        .kind = B_UNDER, .budget = 0.005 });
	chart_close(&y10);
	chart_close(&y100);
}

/* ---- the table ------------------------------------------------------------------------ */

static void put_value(FILE *f, enum unit u, double v)
{
	char s[32];
	if (isnan(v))
		snprintf(s, sizeof s, "-");
	else if (u == U_MEM)
		snprintf(s, sizeof s, "%.1f MB", v / MB);
	else if (u == U_INSTR)
		snprintf(s, sizeof s, "%.2f M", v / 1e6);
	else if (v < 0.001)
		snprintf(s, sizeof s, "%.3f ms", v * 1e3);
	else if (v < 1)
		snprintf(s, sizeof s, "%.1f ms", v * 1e3);
	else
		snprintf(s, sizeof s, "%.2f s", v);
	fprintf(f, " %10s", s);
}

/* A value in the unit the median of its row is shown in (no unit). */
static void scaled(char *buf, size_t n, enum unit u, double v, double med)
{
	if (u == U_INSTR)
		snprintf(buf, n, "%.2f", v / 1e6);
	else if (med >= 1)
		snprintf(buf, n, "%.2f", v);
	else if (med < 0.001)
		snprintf(buf, n, "%.3f", v * 1e3);
	else
		snprintf(buf, n, "%.1f", v * 1e3);
}

/* "min-max" of a figure, in its median's unit, or of a ratio. */
static void put_spread(FILE *f, enum unit u, struct stat3 s, bool ratio)
{
	char buf[48], lo[20], hi[20];
	if (isnan(s.min) || (!ratio && u == U_MEM)) {
		snprintf(buf, sizeof buf, "-");
	} else if (ratio) {
		snprintf(buf, sizeof buf, "%.2f-%.2f", s.min, s.max);
	} else {
		scaled(lo, sizeof lo, u, s.min, s.med);
		scaled(hi, sizeof hi, u, s.max, s.med);
		snprintf(buf, sizeof buf, "%s-%s", lo, hi);
	}
	fprintf(f, " %13s", buf);
}

static void put_budget(FILE *f, const struct row *r)
{
	char s[32] = "-";
	if (r->kind == B_RATIO)
		snprintf(s, sizeof s, "<= %.1fx", r->budget);
	else if (r->kind == B_UNDER && r->unit == U_MEM)
		snprintf(s, sizeof s, "< %.0f MB", r->budget / MB);
	else if (r->kind == B_UNDER)
		snprintf(s, sizeof s, "< %.0f ms", r->budget * 1e3);
	fprintf(f, " %9s", s);
}

/* 1 = within budget, 0 = missed, -1 = no budget.  Memory: the largest
 * run; ratios and times: the median. */
static int verdict(const struct row *r)
{
	if (r->kind == B_NONE)
		return -1;
	if (r->kind == B_RATIO)
		return r->ratio.med <= r->budget;
	return (r->unit == U_MEM ? r->v.max : r->v.med) < r->budget;
}

static const char *how(enum unit u)
{
	return u == U_INSTR ? "instr" : u == U_CPU ? "cpu" : "rss";
}

static void put_row(FILE *f, const struct row *r)
{
	fprintf(f, "%-52s %-5s", r->name, how(r->unit));
	put_value(f, r->unit, r->v.med);
	put_spread(f, r->unit, r->v, false);
	put_value(f, r->unit, r->ref.med);
	if (isnan(r->ratio.med))
		fprintf(f, " %7s %13s", "-", "");
	else {
		fprintf(f, " %6.2fx", r->ratio.med);
		put_spread(f, r->unit, r->ratio, true);
	}
	put_budget(f, r);
	int v = verdict(r);
	fprintf(f, "  %s%s%s\n", v < 0 ? "-" : v ? "PASS" : "MISS", r->note && v == 0 ? " " : "",
	        r->note && v == 0 ? r->note : "");
}

static void put_machine(FILE *f)
{
	char cpu[128] = "unknown", line[256], deb[64] = "unknown";
	FILE *p = fopen("/proc/cpuinfo", "r");
	while (p && fgets(line, sizeof line, p))
		if (strncmp(line, "model name", 10) == 0 && strchr(line, ':')) {
			snprintf(cpu, sizeof cpu, "%s", strchr(line, ':') + 2);
			cpu[strcspn(cpu, "\n")] = '\0';
			break;
		}
	if (p)
		fclose(p);
	p = fopen("/etc/debian_version", "r");
	if (p && fgets(deb, sizeof deb, p))
		deb[strcspn(deb, "\n")] = '\0';
	if (p)
		fclose(p);
	struct utsname u;
	uname(&u);
	double load[3] = { 0 };
	if (getloadavg(load, 3) < 0)
		load[0] = load[1] = load[2] = NAN;
	fprintf(f, "machine: %ld CPUs, %s, Debian %s, Linux %s, load %.1f %.1f %.1f\n",
	        sysconf(_SC_NPROCESSORS_ONLN), cpu, deb, u.release, load[0], load[1], load[2]);
}

static int put_table(const struct ctx *c, const struct table *t, FILE *f)
{
	time_t now_t = time(NULL);
	char when[32];
	strftime(when, sizeof when, "%Y-%m-%d %H:%M UTC", gmtime(&now_t));
	fprintf(f, "wean benchmarks (SPEC section 7, issue 17), %s\n", when);
	put_machine(f);
	fprintf(f, "instr: callgrind instruction counts, %d runs each; cpu: user+system"
	        " time, %d runs after a warm-up; rss: the largest ru_maxrss\n"
	        "min-max: in the median's unit\n\n", c->cg_runs, c->runs);
	fprintf(f, "%-52s %-5s %10s %13s %10s %7s %13s %9s  %s\n", "figure", "how", "median",
	        "min-max", "reference", "ratio", "min-max", "budget", "result");
	int missed = 0;
	for (int i = 0; i < t->n; i++) {
		put_row(f, &t->r[i]);
		missed += verdict(&t->r[i]) == 0;
	}
	fputs("\nreferences:\n", f);
	for (int i = 0; i < t->n; i++)
		if (t->r[i].refname)
			fprintf(f, "  %-52s %s\n", t->r[i].name, t->r[i].refname);
	fprintf(f, "\nratios: run by run, a figure and its reference measured alternately;"
	        " a verdict takes the median ratio\n(memory: the largest run).\n");
	if (missed)
		fprintf(f, "RESULT: %d budget%s missed\n", missed, missed == 1 ? "" : "s");
	else
		fprintf(f, "RESULT: every budget is met\n");
	return missed ? 1 : 0;
}

/* the group "crypt": an encrypted diary against the same diary plain */
#include "bench_crypt.c"

/* ---- main --------------------------------------------------------------------------- */

static void parse_args(int argc, char **argv, struct ctx *c)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (!v)
			die("%s needs a value", a);
		if (strcmp(a, "--wean") == 0)
			c->wean = v;
		else if (strcmp(a, "--gen") == 0)
			c->gen = v;
		else if (strcmp(a, "--dir") == 0)
			c->dir = v;
		else if (strcmp(a, "--out") == 0)
			c->out = v;
		else if (strcmp(a, "--runs") == 0)
			c->runs = atoi(v);
		else if (strcmp(a, "--cg-runs") == 0)
			c->cg_runs = atoi(v);
		else if (strcmp(a, "--only") == 0)
			c->only = v;
		else if (strcmp(a, "--data") == 0)
			c->data = v;
		else
			die("unknown option %s", a);
		i++;
	}
	if (!c->wean || !c->gen || !c->dir || !c->data)
		die("usage: bench --wean PATH --gen PATH --dir DIR --data DIR [--runs N]"
		    " [--cg-runs N] [--out FILE] [--only tui,tuimem,csv,exports,import,chart,crypt]");
	if (c->runs < 3 || c->runs > MAX_RUNS)
		die("--runs must be 3..%d", MAX_RUNS);
	if (c->cg_runs < 1 || c->cg_runs > MAX_RUNS)
		die("--cg-runs must be 1..%d", MAX_RUNS);
}

/* Absolute paths, so children find them whatever their directory. */
static const char *absolute(const char *p)
{
	char *r = realpath(p, NULL);
	if (!r)
		die("%s: %s", p, strerror(errno));
	return r;
}

int main(int argc, char **argv)
{
	struct ctx c = { .runs = 5, .cg_runs = 2 };
	parse_args(argc, argv, &c);
	mkdir(c.dir, 0700);
	c.wean = absolute(c.wean);
	c.gen = absolute(c.gen);
	c.dir = absolute(c.dir);
	c.data = absolute(c.data);
	if (access("/usr/bin/valgrind", X_OK) != 0 || access("/usr/bin/sqlite3", X_OK) != 0)
		die("needs /usr/bin/valgrind and /usr/bin/sqlite3 (apt-get install valgrind"
		    " sqlite3)");
	pin_env(&c);
	char *log = fmt("%s/stderr.log", c.dir);
	int fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd >= 0)
		close(fd);
	free(log);
	double t0 = now();
	prepare(&c);
	static struct table t;
	static const struct {
		const char *name;
		void (*fn)(const struct ctx *c, struct table *t);
	} groups[] = {
		{ "tui", bench_tui }, { "tuimem", bench_tuimem }, { "csv", bench_csv },
		{ "exports", bench_exports }, { "import", bench_import }, { "chart", bench_chart },
		{ "crypt", bench_crypt },
	};
	for (size_t i = 0; i < sizeof groups / sizeof *groups; i++)
		if (wanted(&c, groups[i].name)) {
			fprintf(stderr, "bench: %s (%.0f s so far)\n", groups[i].name, now() - t0);
			groups[i].fn(&c, &t);
		}
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	int missed = put_table(&c, &t, f);
	fprintf(f, "(whole benchmark: %.0f s)\n", now() - t0);
	fclose(f);
	fputs(text, stdout);
	if (c.out) {
		FILE *o = fopen(c.out, "w");
		if (!o || fputs(text, o) < 0 || fclose(o) != 0)
			die("cannot write %s", c.out);
	}
	free(text);
	return missed;
}
