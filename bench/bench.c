/* bench.c -- the performance budgets of SPEC section 7 (issue #8).
 *
 *   bench --wean PATH --gen PATH --dir DIR [--runs N] [--out FILE]
 *         [--only tui|csv|json|chart|report]
 *
 * Every figure is the median of N runs (N >= 5, after one warm-up run;
 * 3N for the TUI starts, which take milliseconds),
 * measured alternately with its reference in the same run of this
 * program, so that both see the same machine:
 *
 *   TUI start       `wean --db FILE` in a pseudo-terminal (forkpty, 80x24,
 *                   TERM=xterm) from fork until the last row of the first
 *                   frame has arrived (the status bar's last hint, "quit"),
 *                   then "q" and reap; 10-year and 100-year diaries against
 *                   the empty one (SPEC), and the 100-year one against the
 *                   same medications and plans without any day (what
 *                   history alone costs).
 *   export csv      `wean export --format csv` of the 10-year diary against
 *                   `sqlite3 -csv` printing the same join (one row per day,
 *                   the same columns) from the same file.
 *   import json     `wean import` of the 10-year JSON export into an empty
 *                   diary; reference: sqlite3 loading the same diary from
 *                   its `.dump`.
 *   chart           wn_chart_line() + wn_chart_text() in process on 10
 *                   years of daily data (with dose overlay and step marks),
 *                   80x24 and 200x50, and 15 sparklines; reference: the
 *                   same 80x24 chart of 90 days.
 *   report          `wean report` over 3 months and 10 years (while the
 *                   command does not exist the rows say so).
 *   peak memory     ru_maxrss of each child (wait4), the largest of its
 *                   runs, for every command above.
 *
 * Diaries come from the generator (bench/gen.c) and are cached in DIR,
 * named by the generator's version; the JSON export and the SQL dump of
 * the 10-year diary are made again by each run.  Children's stderr goes
 * to DIR/stderr.log.  All children run in a pinned
 * environment: TZ, LANG, HOME, XDG_* under DIR, WEAN_TODAY = the
 * diaries' last day.  Output: one table on stdout and in FILE.
 * Exit status 0 when every figure is within its budget, 1 when one is
 * missed, 2 when something could not be measured.
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

#include "core/chart.h"
#include "core/chart_line.h"
#include "db/plan.h"
#include "db/series.h"
#include "db/db.h"
#include "core/plan.h"
#include "core/records.h"
#include "db/med.h"
#include "db/symptoms.h"

#include <sqlite3.h>   /* the peer: the same query through sqlite3 itself */

#define END_DATE "2026-06-30"
#define DAYS_10Y 3650
#define DAYS_100Y 36500
#define DAYS_3M 91
#define MAX_RUNS 101
#define MAX_ROWS 40
#define MB (1024.0 * 1024.0)
#define TUI_MARK "quit"
#define TUI_TIMEOUT_MS 20000
#define CHART_BATCH 50

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

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* ---- the options and the world the children see --------------------------- */

struct ctx {
	const char *wean, *gen, *dir, *out;
	const char *only;        /* run only this group of figures, or NULL */
	int runs;
	char *db_empty, *db_10y, *db_100y, *json_10y, *dump_10y, *scratch;
	char *db_plans;          /* the 100-year diary's plans, no day at all */
	char *first_10y;         /* first day of the 10-year diary */
	char *first_100y;        /* and of the 100-year one */
	bool have_report;
};

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
	unsetenv("NO_COLOR");
	unsetenv("WEAN_DB");
	unsetenv("WEAN_CONFIG");
	unsetenv("COLUMNS");
	unsetenv("LINES");
	free(home);
}

/* ---- running a child --------------------------------------------------------- */

struct sample {
	double sec;
	long rss_kb;             /* ru_maxrss of the child */
};

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

/* Runs argv to completion; the time from fork to reaping. */
static struct sample run(const struct ctx *c, char *const argv[], const char *out)
{
	struct sample s = { 0, 0 };
	double t0 = now();
	pid_t pid = fork();
	if (pid < 0)
		die("fork: %s", strerror(errno));
	if (pid == 0) {
		child_io(c, out);
		execv(argv[0], argv);
		_exit(127);
	}
	int status;
	struct rusage ru;
	if (wait4(pid, &status, 0, &ru) < 0)
		die("wait4: %s", strerror(errno));
	s.sec = now() - t0;
	s.rss_kb = ru.ru_maxrss;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		die("%s %s failed (status %d); see %s/stderr.log", argv[0],
		    argv[1] ? argv[1] : "", status, c->dir);
	return s;
}

/* ---- the TUI in a pseudo-terminal ------------------------------------------- */

/* Reads the pty until mark has arrived (true) or the time is up. */
static bool read_until(int fd, const char *mark, char *buf, size_t cap, size_t *len)
{
	double deadline = now() + TUI_TIMEOUT_MS / 1000.0;
	while (now() < deadline) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		int r = poll(&p, 1, 100);
		if (r <= 0)
			continue;
		ssize_t n = read(fd, buf + *len, cap - 1 - *len);
		if (n <= 0)
			return false;
		*len += (size_t)n;
		buf[*len] = '\0';
		if (strstr(buf, mark))
			return true;
		if (*len > cap / 2) {       /* keep the tail: the mark may straddle */
			memmove(buf, buf + *len - 64, 64);
			*len = 64;
		}
	}
	return false;
}

static void drain(int fd)
{
	char buf[4096];
	double deadline = now() + TUI_TIMEOUT_MS / 1000.0;
	while (now() < deadline) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		if (poll(&p, 1, 100) > 0 && read(fd, buf, sizeof buf) <= 0)
			return;
	}
}

static struct sample run_tui(const struct ctx *c, const char *db)
{
	struct winsize ws = { .ws_row = 24, .ws_col = 80 };
	struct sample s = { 0, 0 };
	int fd;
	double t0 = now();
	pid_t pid = forkpty(&fd, NULL, NULL, &ws);
	if (pid < 0)
		die("forkpty: %s", strerror(errno));
	if (pid == 0) {
		setenv("TERM", "xterm", 1);
		execl(c->wean, c->wean, "--db", db, (char *)NULL);
		_exit(127);
	}
	static char buf[1 << 16];
	size_t len = 0;
	bool ok = read_until(fd, TUI_MARK, buf, sizeof buf, &len);
	s.sec = now() - t0;
	if (ok && write(fd, "q", 1) != 1)
		ok = false;
	if (!ok)
		kill(pid, SIGKILL);
	drain(fd);
	int status;
	struct rusage ru;
	if (wait4(pid, &status, 0, &ru) < 0)
		die("wait4: %s", strerror(errno));
	close(fd);
	s.rss_kb = ru.ru_maxrss;
	if (!ok || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		die("the TUI on %s did not draw its first frame and quit (status %d)",
		    db, status);
	return s;
}

/* ---- one figure ---------------------------------------------------------------- */

enum unit { U_TIME, U_MEM };
enum budget { B_NONE, B_RATIO, B_UNDER };

struct row {
	const char *name;
	const char *refname;     /* NULL: no reference */
	enum unit unit;
	enum budget kind;
	double budget;           /* ratio, seconds or bytes */
	double value, ref;       /* NAN when not measured */
	const char *note;        /* instead of the figures, e.g. "n/a (...)" */
};

struct table {
	struct row r[MAX_ROWS];
	int n;
};

static struct row *add_row(struct table *t, struct row r)
{
	if (t->n == MAX_ROWS)
		die("too many rows");
	t->r[t->n] = r;
	return &t->r[t->n++];
}

/* A measurement: one callable run of the thing and of its reference. */
struct job {
	struct sample (*fn)(const struct ctx *c, const void *arg);
	const void *arg;
};

struct result {
	double med, ref_med;
	long peak_kb, ref_peak_kb;
};

/* Warm-up, then n runs alternating the job and its reference (if any). */
static struct result measure_n(const struct ctx *c, int n, struct job a,
                               const struct job *ref)
{
	double va[MAX_RUNS], vb[MAX_RUNS];
	struct result r = { NAN, NAN, 0, 0 };
	a.fn(c, a.arg);
	if (ref)
		ref->fn(c, ref->arg);
	for (int i = 0; i < n; i++) {
		struct sample s = a.fn(c, a.arg);
		va[i] = s.sec;
		r.peak_kb = s.rss_kb > r.peak_kb ? s.rss_kb : r.peak_kb;
		if (!ref)
			continue;
		s = ref->fn(c, ref->arg);
		vb[i] = s.sec;
		r.ref_peak_kb = s.rss_kb > r.ref_peak_kb ? s.rss_kb : r.ref_peak_kb;
	}
	r.med = median(va, n);
	if (ref)
		r.ref_med = median(vb, n);
	return r;
}

static struct result measure(const struct ctx *c, struct job a, const struct job *ref)
{
	return measure_n(c, c->runs, a, ref);
}

static void mem_row(struct table *t, const char *name, long kb)
{
	add_row(t, (struct row){ .name = name, .unit = U_MEM, .kind = B_UNDER,
	                         .budget = 16 * MB, .value = kb * 1024.0, .ref = NAN });
}

/* ---- the diaries ------------------------------------------------------------------ */

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
	unlink(tmp);
	double t0 = now();
	char *argv[] = { (char *)c->gen, n, END_DATE, tmp,
	                 plans_only ? "--plans-only" : NULL, NULL };
	run(c, argv, NULL);
	if (rename(tmp, path) != 0)
		die("rename %s: %s", tmp, strerror(errno));
	fprintf(stderr, "bench: generated %s (%ld days) in %.2f s\n", path, days,
	        now() - t0);
	free(tmp);
	free(n);
	return path;
}

/* A file made by a command's stdout (the JSON export, the SQL dump):
 * made again by every run, so that it always comes from the wean under
 * test. */
static char *derived(const struct ctx *c, char *path, char *const argv[])
{
	char *tmp = fmt("%s.tmp", path);
	run(c, argv, tmp);
	if (rename(tmp, path) != 0)
		die("rename %s: %s", tmp, strerror(errno));
	free(tmp);
	return path;
}

static void prepare(struct ctx *c)
{
	char *ver = gen_version(c);
	c->db_empty = diary(c, ver, 0, "empty", false);
	c->db_plans = diary(c, ver, DAYS_100Y, "plans", true);
	c->db_10y = diary(c, ver, DAYS_10Y, "10y", false);
	c->db_100y = diary(c, ver, DAYS_100Y, "100y", false);
	char *json = fmt("%s/diary-g%s-10y.json", c->dir, ver);
	char *ej[] = { (char *)c->wean, "--db", c->db_10y, "export", "--format",
	               "json", NULL };
	c->json_10y = derived(c, json, ej);
	char *dump = fmt("%s/diary-g%s-10y.sql", c->dir, ver);
	char *ed[] = { "/usr/bin/sqlite3", c->db_10y, ".dump", NULL };
	c->dump_10y = derived(c, dump, ed);
	c->scratch = fmt("%s/scratch.db", c->dir);
	wn_date end;
	wn_date_parse_iso(END_DATE, &end, NULL);
	char d[WN_DATE_STRLEN];
	c->first_10y = fmt("%s", wn_date_format(end - DAYS_10Y + 1, d));
	c->first_100y = fmt("%s", wn_date_format(end - DAYS_100Y + 1, d));
	char *help[] = { (char *)c->wean, "report", "--help", NULL };
	pid_t pid = fork();
	if (pid == 0) {
		child_io(c, NULL);
		execv(help[0], help);
		_exit(127);
	}
	int status;
	c->have_report = pid > 0 && waitpid(pid, &status, 0) == pid &&
	                 WIFEXITED(status) && WEXITSTATUS(status) == 0;
	free(ver);
}

/* ---- the figures: TUI ----------------------------------------------------------- */

static struct sample job_tui(const struct ctx *c, const void *db)
{
	return run_tui(c, db);
}

static void bench_tui(const struct ctx *c, struct table *t)
{
	/* A start takes milliseconds and wobbles with the machine: three
	 * times the runs (the median stays robust, the total stays short). */
	int n = 3 * c->runs < MAX_RUNS ? 3 * c->runs : MAX_RUNS;
	struct job empty = { job_tui, c->db_empty }, plans = { job_tui, c->db_plans };
	struct result r10 = measure_n(c, n, (struct job){ job_tui, c->db_10y }, &empty);
	struct result r100 = measure_n(c, n, (struct job){ job_tui, c->db_100y }, &empty);
	struct result rh = measure_n(c, n, (struct job){ job_tui, c->db_100y }, &plans);
	add_row(t, (struct row){ .name = "TUI start, 10-year diary",
	        .refname = "TUI start, empty diary", .kind = B_RATIO, .budget = 1.2,
	        .value = r10.med, .ref = r10.ref_med });
	add_row(t, (struct row){ .name = "TUI start, 100-year diary",
	        .refname = "TUI start, empty diary", .kind = B_RATIO, .budget = 1.2,
	        .value = r100.med, .ref = r100.ref_med });
	add_row(t, (struct row){ .name = "TUI start, 100 years vs no history",
	        .refname = "TUI start, the same plans without days", .kind = B_RATIO,
	        .budget = 1.2, .value = rh.med, .ref = rh.ref_med });
	mem_row(t, "peak memory: TUI, empty diary", r10.ref_peak_kb);
	mem_row(t, "peak memory: TUI, 10-year diary", r10.peak_kb);
	mem_row(t, "peak memory: TUI, 100-year diary", r100.peak_kb);
}

/* ---- the figures: commands --------------------------------------------------------- */

struct cmd {
	char *argv[16];
	const char *out;          /* stdout file, NULL = /dev/null */
	const char *fresh;        /* delete this diary (and -wal, -shm) first */
};

static void remove_db(const char *path)
{
	const char *sfx[] = { "", "-wal", "-shm", "-journal" };
	for (size_t i = 0; i < 4; i++) {
		char *p = fmt("%s%s", path, sfx[i]);
		unlink(p);
		free(p);
	}
}

/* Copies the empty diary to dst (not timed). */
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

static struct sample job_cmd(const struct ctx *c, const void *arg)
{
	const struct cmd *k = arg;
	if (k->fresh)
		remove_db(k->fresh);
	return run(c, k->argv, k->out);
}

/* The import runs into a fresh copy of the empty diary. */
static struct sample job_import(const struct ctx *c, const void *arg)
{
	const struct cmd *k = arg;
	remove_db(k->fresh);
	copy_file(c->db_empty, k->fresh);
	return run(c, k->argv, k->out);
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
 * dose: the same lookup, without the vocabulary), flag and note.  Of the forms tried (a GROUP BY pivot of the ratings joined to
 * the calendar, ORDER BY ... LIMIT 1 for the plan), these correlated
 * index probes were the fastest. */
static char *csv_sql(const struct ctx *c)
{
	sqlite3 *db;
	if (sqlite3_open_v2(c->db_10y, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		die("cannot open %s", c->db_10y);
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
	        c->first_10y, END_DATE);
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

static void bench_csv(const struct ctx *c, struct table *t)
{
	char *sql = csv_sql(c);
	struct cmd w = { .argv = { (char *)c->wean, "--db", c->db_10y, "export", "--format",
	                   "csv", "--from", c->first_10y, "--to", END_DATE, NULL } };
	struct cmd s = { .argv = { "/usr/bin/sqlite3", "-csv", "-header", c->db_10y, sql, NULL } };
	/* Both give a header and one record per day (checked, not timed). */
	char *a = fmt("%s/check-wean.csv", c->dir), *b = fmt("%s/check-sqlite.csv", c->dir);
	w.out = a;
	s.out = b;
	job_cmd(c, &w);
	job_cmd(c, &s);
	long la = count_lines(a), lb = count_lines(b);
	if (la != DAYS_10Y + 1 || lb != DAYS_10Y + 1)
		die("CSV records: wean %ld, sqlite3 %ld, expected %d", la, lb, DAYS_10Y + 1);
	w.out = s.out = NULL;
	struct job ref = { job_cmd, &s };
	struct result r = measure(c, (struct job){ job_cmd, &w }, &ref);
	add_row(t, (struct row){ .name = "export --format csv, 10 years",
	        .refname = "sqlite3 -csv, the same join", .kind = B_RATIO,
	        .budget = 2.0, .value = r.med, .ref = r.ref_med });
	mem_row(t, "peak memory: export csv, 10 years", r.peak_kb);
	w.argv[2] = c->db_100y;
	w.argv[7] = c->first_100y;
	job_cmd(c, &w);
	struct result r100 = measure(c, (struct job){ job_cmd, &w }, NULL);
	add_row(t, (struct row){ .name = "export --format csv, 100 years",
	        .kind = B_NONE, .value = r100.med, .ref = NAN });
	mem_row(t, "peak memory: export csv, 100 years", r100.peak_kb);
	free(a);
	free(b);
	free(sql);
}

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

static void bench_json(const struct ctx *c, struct table *t)
{
	struct cmd e = { .argv = { (char *)c->wean, "--db", c->db_10y, "export", "--format",
	                   "json", NULL } };
	struct result re = measure(c, (struct job){ job_cmd, &e }, NULL);
	add_row(t, (struct row){ .name = "export --format json, 10 years",
	        .kind = B_NONE, .value = re.med, .ref = NAN });
	mem_row(t, "peak memory: export json, 10 years", re.peak_kb);
	struct cmd w = { .argv = { (char *)c->wean, "--db", c->scratch, "import", c->json_10y,
	                   "--format", "json", NULL }, .fresh = c->scratch };
	char *peer = fmt("%s/scratch-peer.db", c->dir);
	char *read = fmt(".read %s", c->dump_10y);
	struct cmd s = { .argv = { "/usr/bin/sqlite3", peer, read, NULL }, .fresh = peer };
	struct job ref = { job_cmd, &s };
	job_import(c, &w);      /* the import is complete (checked, not timed) */
	long got = count_rows(c->scratch), want = count_rows(c->db_10y);
	if (got != want)
		die("the import wrote %ld check-ins and ratings, the diary has %ld", got, want);
	struct result r = measure(c, (struct job){ job_import, &w }, &ref);
	add_row(t, (struct row){ .name = "import json, 10 years",
	        .refname = "sqlite3 .read of the diary's .dump", .kind = B_UNDER,
	        .budget = 1.0, .value = r.med, .ref = r.ref_med });
	mem_row(t, "peak memory: import json, 10 years", r.peak_kb);
	remove_db(c->scratch);
	remove_db(peer);
	free(peer);
	free(read);
}

static void bench_cli_chart(const struct ctx *c, struct table *t)
{
	struct cmd w = { .argv = { (char *)c->wean, "--db", c->db_10y, "chart", "burden",
	                   "--from", c->first_10y, "--to", END_DATE, "--width", "80",
	                   NULL } };
	struct result r = measure(c, (struct job){ job_cmd, &w }, NULL);
	add_row(t, (struct row){ .name = "wean chart burden, 10 years",
	        .kind = B_NONE, .value = r.med, .ref = NAN });
	mem_row(t, "peak memory: chart, 10 years", r.peak_kb);
}

static void bench_report(const struct ctx *c, struct table *t)
{
	if (!c->have_report) {
		const char *na = "n/a (report not built)";
		add_row(t, (struct row){ .name = "report md, 10 years", .note = na });
		add_row(t, (struct row){ .name = "peak memory: report, 10 years", .note = na });
		return;
	}
	wn_date end;
	wn_date_parse_iso(END_DATE, &end, NULL);
	char from3[WN_DATE_STRLEN];
	wn_date_format(end - DAYS_3M + 1, from3);
	struct cmd r3 = { .argv = { (char *)c->wean, "--db", c->db_10y, "report", "--from",
	                    from3, "--to", END_DATE, "--format", "md", NULL } };
	struct cmd r10 = r3, h10 = r3;
	r10.argv[5] = h10.argv[5] = c->first_10y;
	h10.argv[9] = "html";
	struct job ref = { job_cmd, &r3 };
	struct result a = measure(c, (struct job){ job_cmd, &r10 }, &ref);
	struct result h = measure(c, (struct job){ job_cmd, &h10 }, NULL);
	add_row(t, (struct row){ .name = "report md, 3 months", .kind = B_NONE,
	        .value = a.ref_med, .ref = NAN });
	add_row(t, (struct row){ .name = "report md, 10 years",
	        .refname = "report md, 3 months", .kind = B_NONE,
	        .value = a.med, .ref = a.ref_med });
	add_row(t, (struct row){ .name = "report html, 10 years", .kind = B_NONE,
	        .value = h.med, .ref = NAN });
	mem_row(t, "peak memory: report md, 3 months", a.ref_peak_kb);
	mem_row(t, "peak memory: report md, 10 years", a.peak_kb);
	mem_row(t, "peak memory: report html, 10 years", h.peak_kb);
}

/* ---- the figures: charts in process ------------------------------------------------ */

#define N_SPARK 15

struct chartdata {
	wn_date start;
	size_t n;
	double *burden, *dose, *sym[N_SPARK];
	size_t n_sym;
	wn_date *steps;
	size_t n_steps;
	struct wn_chart_buf buf;
};

struct chartjob {
	struct chartdata *d;
	size_t days;             /* the last `days` days */
	int width, height;
	bool sparklines;
};

static double *load_series(struct wn_db *db, const char *what, wn_date from,
                           wn_date to)
{
	struct wn_err err = { 0 };
	struct wn_series_what w;
	double *v = malloc((size_t)(to - from + 1) * sizeof *v);
	struct wn_series_names names = { db, NULL };
	if (!v || wn_series_parse_what(&names, what, &w, &err) != WN_OK)
		die("series %s: %s", what, err.msg);
	struct wn_series_req r = { &w, from, to };
	if (wn_series_load(db, &r, v, &err) != WN_OK)
		die("series %s: %s", what, err.msg);
	return v;
}

/* The active plan's dated steps after its start, within the range. */
static void load_steps(struct wn_db *db, struct chartdata *d)
{
	struct wn_err err = { 0 };
	struct wn_med m;
	struct wn_plan p;
	struct wn_schedule s;
	if (wn_db_med_find(db, "sertraline", &m, &err) != WN_OK ||
	    wn_db_plan_load(db, m.id, &p, &err) != WN_OK ||
	    wn_plan_build(&p, NULL, &s, &err) != WN_OK)
		die("plan: %s", err.msg);
	d->steps = calloc((size_t)s.n + 1, sizeof *d->steps);
	for (int k = 1; d->steps && k < s.n_dated; k++)
		if (s.steps[k].date >= d->start && s.steps[k].date < d->start + (wn_date)d->n)
			d->steps[d->n_steps++] = s.steps[k].date;
	wn_taper_free(&s);
	wn_plan_free(&p);
}

static void chart_load(const struct ctx *c, struct chartdata *d, double *load_sec)
{
	struct wn_err err = { 0 };
	struct wn_db *db;
	struct wn_db_opts o = { .path = c->db_10y };
	if (wn_db_open(&db, &o, &err) != WN_OK)
		die("%s", err.msg);
	wn_date end;
	wn_date_parse_iso(END_DATE, &end, NULL);
	d->start = end - DAYS_10Y + 1;
	d->n = DAYS_10Y;
	double t0 = now();
	d->burden = load_series(db, "burden", d->start, end);
	*load_sec = now() - t0;
	d->dose = load_series(db, "dose:sertraline", d->start, end);
	struct wn_symptom *sy;
	if (wn_db_symptom_list(db, false, &sy, &d->n_sym, &err) != WN_OK)
		die("%s", err.msg);
	d->n_sym = d->n_sym < N_SPARK ? d->n_sym : N_SPARK;
	for (size_t i = 0; i < d->n_sym; i++)
		d->sym[i] = load_series(db, sy[i].name, d->start, end);
	free(sy);
	load_steps(db, d);
	wn_db_close(db);
	wn_chart_buf_init(&d->buf);
}

static void render_one(const struct chartjob *j)
{
	struct chartdata *d = j->d;
	struct wn_err err = { 0 };
	size_t skip = d->n - j->days;
	struct wn_chart_series ov = { d->start + (wn_date)skip, j->days, d->dose + skip,
	                              0, 0, "mg", "dose" };
	struct wn_chart_series s = { d->start + (wn_date)skip, j->days, d->burden + skip,
	                             NAN, NAN, NULL, NULL };
	struct wn_chart_opts o = { .width = j->width, .height = j->height,
	                           .moving_average = true, .title = "Burden",
	                           .overlay = &ov, .steps = d->steps,
	                           .nsteps = d->n_steps };
	char *text = NULL;
	int rc = WN_OK;
	if (!j->sparklines) {
		rc = wn_chart_line(&d->buf, &s, &o, &err);
	} else {
		o.width = 60;
		for (size_t i = 0; rc == WN_OK && i < d->n_sym; i++) {
			s = (struct wn_chart_series){ d->start, d->n, d->sym[i], 0, 3, NULL, NULL };
			rc = wn_chart_sparkline(&d->buf, &s, &o, &err);
		}
	}
	if (rc == WN_OK)
		rc = wn_chart_text(&d->buf, &text, &err);
	if (rc != WN_OK)
		die("chart: %s", err.msg);
	free(text);
}

static struct sample job_chart(const struct ctx *c, const void *arg)
{
	(void)c;
	double t0 = now();
	for (int i = 0; i < CHART_BATCH; i++)
		render_one(arg);
	return (struct sample){ (now() - t0) / CHART_BATCH, 0 };
}

static void chart_free(struct chartdata *d)
{
	free(d->burden);
	free(d->dose);
	for (size_t i = 0; i < d->n_sym; i++)
		free(d->sym[i]);
	free(d->steps);
	wn_chart_buf_free(&d->buf);
}

static void bench_chart(const struct ctx *c, struct table *t)
{
	struct chartdata d = { 0 };
	double load;
	chart_load(c, &d, &load);
	struct chartjob j80 = { &d, DAYS_10Y, 80, 24, false };
	struct chartjob j3m = { &d, DAYS_3M, 80, 24, false };
	struct chartjob j200 = { &d, DAYS_10Y, 200, 50, false };
	struct chartjob jsp = { &d, DAYS_10Y, 60, 1, true };
	struct job ref = { job_chart, &j3m };
	struct result a = measure(c, (struct job){ job_chart, &j80 }, &ref);
	struct result b = measure(c, (struct job){ job_chart, &j200 }, NULL);
	struct result s = measure(c, (struct job){ job_chart, &jsp }, NULL);
	add_row(t, (struct row){ .name = "chart 10 years 80x24 (in process)",
	        .refname = "the same chart of 90 days", .kind = B_UNDER,
	        .budget = 0.005, .value = a.med, .ref = a.ref_med });
	add_row(t, (struct row){ .name = "chart 10 years 200x50 (in process)",
	        .kind = B_UNDER, .budget = 0.005, .value = b.med, .ref = NAN });
	add_row(t, (struct row){ .name = "15 sparklines of 10 years (in process)",
	        .kind = B_UNDER, .budget = 0.005, .value = s.med, .ref = NAN });
	add_row(t, (struct row){ .name = "series load, burden 10 years (once)",
	        .kind = B_NONE, .value = load, .ref = NAN });
	chart_free(&d);
}

/* ---- the table ------------------------------------------------------------------------ */

static void put_value(FILE *f, enum unit u, double v)
{
	char s[32];
	if (isnan(v))
		snprintf(s, sizeof s, "-");
	else if (u == U_MEM)
		snprintf(s, sizeof s, "%.1f MB", v / MB);
	else if (v < 0.001)
		snprintf(s, sizeof s, "%.3f ms", v * 1e3);
	else if (v < 1)
		snprintf(s, sizeof s, "%.1f ms", v * 1e3);
	else
		snprintf(s, sizeof s, "%.2f s", v);
	fprintf(f, " %10s", s);
}

static void put_budget(FILE *f, const struct row *r)
{
	char s[32] = "-";
	if (r->kind == B_RATIO)
		snprintf(s, sizeof s, "<= %.1fx", r->budget);
	else if (r->kind == B_UNDER && r->unit == U_MEM)
		snprintf(s, sizeof s, "< %.0f MB", r->budget / MB);
	else if (r->kind == B_UNDER && r->budget >= 1)
		snprintf(s, sizeof s, "< %.0f s", r->budget);
	else if (r->kind == B_UNDER)
		snprintf(s, sizeof s, "< %.0f ms", r->budget * 1e3);
	fprintf(f, " %9s", s);
}

/* 1 = within budget, 0 = missed, -1 = no budget. */
static int verdict(const struct row *r)
{
	if (r->note || r->kind == B_NONE)
		return -1;
	if (r->kind == B_RATIO)
		return r->value / r->ref <= r->budget;
	return r->value < r->budget;
}

static void put_row(FILE *f, const struct row *r)
{
	fprintf(f, "%-42s", r->name);
	if (r->note) {
		fprintf(f, " %s\n", r->note);
		return;
	}
	put_value(f, r->unit, r->value);
	put_value(f, r->unit, r->ref);
	if (isnan(r->ref))
		fprintf(f, " %7s", "-");
	else
		fprintf(f, " %6.2fx", r->value / r->ref);
	put_budget(f, r);
	int v = verdict(r);
	fprintf(f, "  %s\n", v < 0 ? "-" : v ? "PASS" : "MISS");
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
	fprintf(f, "machine: %ld CPUs, %s, Debian %s, Linux %s\n",
	        sysconf(_SC_NPROCESSORS_ONLN), cpu, deb, u.release);
}

static int put_table(const struct ctx *c, const struct table *t, FILE *f)
{
	time_t now_t = time(NULL);
	char when[32];
	strftime(when, sizeof when, "%Y-%m-%d %H:%M UTC", gmtime(&now_t));
	fprintf(f, "wean benchmarks (SPEC section 7), %s\n", when);
	put_machine(f);
	fprintf(f, "median of %d runs (TUI: %d) after a warm-up; each reference measured"
	        " alternately in the same run\n\n", c->runs,
	        3 * c->runs < MAX_RUNS ? 3 * c->runs : MAX_RUNS);
	fprintf(f, "%-42s %10s %10s %7s %9s  %s\n", "figure", "median",
	        "reference", "ratio", "budget", "result");
	int worst = 0;
	for (int i = 0; i < t->n; i++) {
		put_row(f, &t->r[i]);
		if (verdict(&t->r[i]) == 0)
			worst = 1;
	}
	fputs("\nreferences:\n", f);
	for (int i = 0; i < t->n; i++)
		if (t->r[i].refname && !t->r[i].note)
			fprintf(f, "  %-40s %s\n", t->r[i].name, t->r[i].refname);
	fprintf(f, "\nmemory rows: the largest ru_maxrss of the runs.  Budgets"
	        " without a reference are absolute.\n%s\n",
	        worst ? "RESULT: a budget is missed" : "RESULT: every budget is met");
	return worst;
}

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
		else if (strcmp(a, "--only") == 0)
			c->only = v;
		else
			die("unknown option %s", a);
		i++;
	}
	if (!c->wean || !c->gen || !c->dir)
		die("usage: bench --wean PATH --gen PATH --dir DIR [--runs N] [--out FILE]"
		    " [--only tui|csv|json|chart|report]");
	if (c->runs < 5 || c->runs > MAX_RUNS)
		die("--runs must be 5..%d", MAX_RUNS);
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
	struct ctx c = { .runs = 7 };
	parse_args(argc, argv, &c);
	mkdir(c.dir, 0700);
	c.wean = absolute(c.wean);
	c.gen = absolute(c.gen);
	c.dir = absolute(c.dir);
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
		{ "tui", bench_tui }, { "csv", bench_csv }, { "json", bench_json },
		{ "chart", bench_chart }, { "chart", bench_cli_chart },
		{ "report", bench_report },
	};
	for (size_t i = 0; i < sizeof groups / sizeof *groups; i++)
		if (!c.only || strcmp(c.only, groups[i].name) == 0)
			groups[i].fn(&c, &t);
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	int worst = put_table(&c, &t, f);
	fprintf(f, "(whole benchmark: %.1f s)\n", now() - t0);
	fclose(f);
	fputs(text, stdout);
	if (c.out) {
		FILE *o = fopen(c.out, "w");
		if (!o || fputs(text, o) < 0 || fclose(o) != 0)
			die("cannot write %s", c.out);
	}
	free(text);
	return worst;
}
