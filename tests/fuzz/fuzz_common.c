/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_common.c -- environment, temporary directory and fixture diary for
 * the libFuzzer harnesses (fuzz_common.h). */
#include "fuzz_common.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "db/demo.h"
#include "core/text.h"
#include "db/day.h"
#include "db/db.h"
#include "db/db_int.h"   /* the raw handle: is a transaction left open? */

static char tmpdir[1024];
static int report_fd = 2;     /* stderr as it was before libFuzzer's -close_fd_mask */
static char pathbuf[2048];

void wn_fuzz_fail(const char *file, int line, const char *cond,
                  const char *fmt, ...)
{
	va_list ap;
	dprintf(report_fd, "\n%s:%d: contract violated: %s\n  ", file, line, cond);
	va_start(ap, fmt);
	vdprintf(report_fd, fmt, ap);
	va_end(ap);
	dprintf(report_fd, "\n");
	abort();
}

bool wn_fuzz_no_controls(const char *s, size_t n, const char *allow)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 && !(c && strchr(allow, c))) || c == 0x7f)
			return false;
	}
	return true;
}

bool wn_fuzz_printable(const char *s, size_t n)
{
	if (!wn_text_valid_utf8(s, n))
		return false;
	for (size_t p = 0; p < n;) {
		int32_t cp;
		p += wn_text_decode(s + p, n - p, &cp);
		if (wn_text_is_unsafe(cp))
			return false;
	}
	return true;
}

static int rm_one(const char *p, const struct stat *sb, int flag, struct FTW *f)
{
	(void)sb;
	if (f->level == 0)
		return 0;                    /* keep the top directory */
	return flag == FTW_DP ? rmdir(p) : unlink(p);
}

void wn_fuzz_empty_dir(const char *dir)
{
	nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

static void remove_tmpdir(void)
{
	if (!tmpdir[0])
		return;
	if (chdir("/") != 0)
		return;
	wn_fuzz_empty_dir(tmpdir);
	rmdir(tmpdir);
}

static const char *temp_base(void)
{
	struct stat st;
	if (stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode) &&
	    access("/dev/shm", W_OK | X_OK) == 0)
		return "/dev/shm";           /* tmpfs: no disk writes per input */
	const char *t = getenv("TMPDIR");
	return t && t[0] == '/' ? t : "/tmp";
}

static void pin_env(void)
{
	static const char *const unset[] = {
		"WEAN_DB", "WEAN_CONFIG", "XDG_CONFIG_HOME", "XDG_DATA_HOME",
		"NO_COLOR", "COLUMNS", "LINES", "LC_ALL", "EDITOR", "VISUAL",
	};
	for (size_t i = 0; i < sizeof unset / sizeof *unset; i++)
		unsetenv(unset[i]);
	setenv("TZ", "UTC", 1);
	setenv("LANG", "C.UTF-8", 1);
	setenv("WEAN_TODAY", WN_FUZZ_TODAY, 1);
	tzset();
	setlocale(LC_ALL, "C.UTF-8");
}

const char *wn_fuzz_init(void)
{
	if (tmpdir[0])
		return tmpdir;
	pin_env();
	int fd = fcntl(2, F_DUPFD_CLOEXEC, 3);
	if (fd >= 0)
		report_fd = fd;
	int n = snprintf(tmpdir, sizeof tmpdir, "%s/wean-fuzz-XXXXXX", temp_base());
	if (n < 0 || (size_t)n >= sizeof tmpdir || !mkdtemp(tmpdir)) {
		fprintf(stderr, "wean fuzz: cannot make a temporary directory: %s\n",
		        strerror(errno));
		abort();
	}
	atexit(remove_tmpdir);
	char home[1100], tmp[1100];
	snprintf(home, sizeof home, "%s/home", tmpdir);
	snprintf(tmp, sizeof tmp, "%s/tmp", tmpdir);
	if (mkdir(home, 0700) != 0 || mkdir(tmp, 0700) != 0) {
		fprintf(stderr, "wean fuzz: cannot set up %s: %s\n", tmpdir, strerror(errno));
		abort();
	}
	setenv("HOME", home, 1);
	setenv("TMPDIR", tmp, 1);
	return tmpdir;
}

const char *wn_fuzz_path(const char *leaf)
{
	snprintf(pathbuf, sizeof pathbuf, "%s/%s", tmpdir, leaf);
	return pathbuf;
}

void wn_fuzz_write_file(const char *path, const void *data, size_t n)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	const char *p = data;
	while (fd >= 0 && n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		p += w;
		n -= (size_t)w;
	}
	if (fd < 0 || n > 0 || close(fd) != 0) {
		fprintf(stderr, "wean fuzz: cannot write %s: %s\n", path, strerror(errno));
		abort();
	}
}

char *wn_fuzz_read_file(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long size = -1;
	if (f && fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)size + 1)) &&
	    fread(buf, 1, (size_t)size, f) == (size_t)size) {
		fclose(f);
		buf[size] = '\0';
		*n = (size_t)size;
		return buf;
	}
	fprintf(stderr, "wean fuzz: cannot read %s\n", path);
	abort();
}

static void must(int rc, const struct wn_err *err, const char *what)
{
	if (rc == WN_OK)
		return;
	fprintf(stderr, "wean fuzz: cannot %s: %s\n", what, err->msg);
	abort();
}

void wn_fuzz_make_diary(const char *path)
{
	struct wn_err err = { 0 };
	struct wn_db *db = NULL;
	struct wn_db_opts o = { .path = path, .create = true };
	wn_date today;
	must(wn_date_parse_iso(WN_FUZZ_TODAY, &today, &err), &err, "parse today");
	must(wn_db_open(&db, &o, &err), &err, "create the fixture diary");
	struct wn_demo_opts d = { .today = today, .days = 4 };
	must(wn_demo_write(db, &d, NULL, &err), &err, "write the demo diary");
	must(wn_db_metric_set(db, today, "focus", 7, &err), &err, "add a metric");
	must(wn_db_metric_set(db, today, "pain", 2, &err), &err, "add a metric");
	wn_db_close(db);
}

static struct wn_db *import_db;

static void close_import_db(void)
{
	wn_db_close(import_db);
	import_db = NULL;
}

static void check_import(int rc, const struct wn_err *err, bool replace)
{
	WN_FUZZ_CHECK(rc == WN_OK || rc == WN_DATAERR,
	              "import%s returned %d: %s", replace ? " --replace" : "", rc, err->msg);
	WN_FUZZ_CHECK(sqlite3_get_autocommit(wn_db_sqlite(import_db)),
	              "a transaction was left open (rc %d)", rc);
	if (rc == WN_OK)
		return;
	size_t len = strlen(err->msg);
	WN_FUZZ_CHECK(len > 0, "an error without a message (rc %d)", rc);
	WN_FUZZ_CHECK(wn_fuzz_printable(err->msg, len),
	              "unsafe character in the message: %s", err->msg);
	WN_FUZZ_CHECK(wn_fuzz_printable(err->hint, strlen(err->hint)),
	              "unsafe character in the hint: %s", err->hint);
}

/* A table's row told in a dry run: a line, a date that is one or none. */
static void told_row(void *ctx, const struct wn_import_row *r)
{
	(void)ctx;
	WN_FUZZ_CHECK(r->line > 0, "a row on line %d", r->line);
	WN_FUZZ_CHECK(r->date[0] == '\0' || strlen(r->date) == 10, "a row's date %s", r->date);
	WN_FUZZ_CHECK(r->what != WN_ROW_REFUSED || (r->why && r->why[0]), "refused, no reason");
}

void wn_fuzz_import(enum wn_import_format format, const uint8_t *data, size_t n)
{
	static struct wn_table_map map;
	if (format == WN_IMPORT_TABLE && map.n == 0) {
		struct wn_err err = { 0 };
		must(wn_table_map_parse(&map, "date=date,mood=mood,anxiety=anxiety,energy=energy,"
		                        "sleep=sleep,flag=flag,note=note,symptom:headache=headache,"
		                        "metric:focus=focus", &err), &err, "the table's map");
	}
	if (!import_db) {
		struct wn_err err = { 0 };
		struct wn_db_opts o = { .path = wn_fuzz_path("import.db"), .create = false };
		wn_fuzz_make_diary(o.path);
		must(wn_db_open(&import_db, &o, &err), &err, "open the fixture diary");
		atexit(close_import_db);
	}
	static const enum wn_import_rule rules[] = { WN_IMPORT_KEEP, WN_IMPORT_APPEND,
	                                            WN_IMPORT_REPLACE };
	for (int pass = 0; pass < 3; pass++) {
		bool replace = pass == 2;
		struct wn_import_opts o = { .format = format, .replace = replace,
		                            .on_conflict = rules[pass], .dry_run = true,
		                            .table = &map, .row = pass == 0 ? told_row : NULL };
		struct wn_import_result res;
		struct wn_err err = { 0 };
		int rc = wn_import_text(import_db, &o, (const char *)data, n, &res, &err);
		WN_FUZZ_CHECK(res.n_listed <= res.conflicts && res.n_listed <= WN_IMPORT_MAX_LISTED,
		              "%zu conflicts listed of %zu", res.n_listed, res.conflicts);
		for (size_t k = 0; k < res.n_listed; k++) {
			const struct wn_import_conflict *c = &res.listed[k];
			WN_FUZZ_CHECK(wn_fuzz_printable(c->field, strlen(c->field)) &&
			              wn_fuzz_printable(c->diary, strlen(c->diary)) &&
			              wn_fuzz_printable(c->file, strlen(c->file)),
			              "unsafe character in a conflict: %s", c->field);
		}
		wn_import_result_free(&res);
		check_import(rc, &err, replace);
		if (rc != WN_OK)
			break;
	}
}
