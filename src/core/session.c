/* SPDX-License-Identifier: GPL-3.0-or-later */
/* session.c -- the id of a running wean and whether it still runs; see
 * core/session.h. */
#include "core/session.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

/* The state letter and start time of process pid from /proc/PID/stat;
 * false when it cannot be read (no such process, or no /proc). */
static bool proc_stat(long pid, char *state, unsigned long long *start)
{
	char path[64], buf[1024];
	snprintf(path, sizeof path, "/proc/%ld/stat", pid);
	FILE *f = fopen(path, "re");
	if (!f)
		return false;
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	/* "PID (COMM) S ...": COMM may hold spaces and parentheses */
	const char *p = strrchr(buf, ')');
	if (!p || sscanf(p + 1, " %c", state) != 1)
		return false;
	for (int field = 3; field < 22; field++) {   /* starttime is field 22 */
		p = strchr(p + 1, ' ');
		if (!p)
			return false;
	}
	char *end;
	*start = strtoull(p + 1, &end, 10);
	return end != p + 1;
}

/* The first 8 hex digits of this boot's id, or "-". */
static void boot_id(char out[9])
{
	char buf[40] = "";
	FILE *f = fopen("/proc/sys/kernel/random/boot_id", "re");
	size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
	if (f)
		fclose(f);
	buf[n] = '\0';
	if (n < 8 || strspn(buf, "0123456789abcdef") < 8) {
		strcpy(out, "-");
		return;
	}
	memcpy(out, buf, 8);
	out[8] = '\0';
}

void wn_session_self(char id[WN_SESSION_MAX])
{
	long pid = (long)getpid();
	char state, boot[9];
	unsigned long long start = 0;
	if (!proc_stat(pid, &state, &start))
		start = 0;
	boot_id(boot);
	snprintf(id, WN_SESSION_MAX, "%ld.%llu.%s", pid, start, boot);
}

bool wn_session_alive(const char *id)
{
	long pid;
	unsigned long long start;
	char boot[16], now[9];
	int used = 0;
	if (!id || sscanf(id, "%ld.%llu.%15[0-9a-f-]%n", &pid, &start, boot,
	                  &used) != 3 || id[used] != '\0' || pid <= 0)
		return false;
	boot_id(now);
	if (strcmp(boot, now) != 0)
		return false;
	if (kill((pid_t)pid, 0) != 0 && errno != EPERM)
		return false;
	char state;
	unsigned long long started;
	if (!proc_stat(pid, &state, &started))
		return start == 0;     /* no /proc: the pid is all there is */
	return started == start && state != 'Z' && state != 'X';
}
