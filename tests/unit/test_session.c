/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_session.c -- core/session.h: a running wean's id, and telling a
 * wean that runs from one that is gone (exited, a zombie, a pid that now
 * belongs to another process, another boot, an id that is none). */
#include <criterion/criterion.h>

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/session.h"

/* A child that sends its id through a pipe, then waits to be killed. */
static pid_t child_with_id(char id[WN_SESSION_MAX])
{
	int fd[2];
	cr_assert_eq(pipe(fd), 0);
	pid_t pid = fork();
	cr_assert_geq(pid, 0);
	if (pid == 0) {
		char mine[WN_SESSION_MAX];
		wn_session_self(mine);
		ssize_t w = write(fd[1], mine, sizeof mine);
		(void)w;
		for (;;)
			pause();
	}
	close(fd[1]);
	cr_assert_eq(read(fd[0], id, WN_SESSION_MAX), WN_SESSION_MAX);
	close(fd[0]);
	return pid;
}

Test(session, this_process_runs)
{
	char id[WN_SESSION_MAX];
	wn_session_self(id);
	cr_expect(strspn(id, "0123456789abcdef.-") == strlen(id), "%s", id);
	cr_expect(wn_session_alive(id), "%s", id);
}

Test(session, a_wean_that_ended_is_gone_even_before_it_is_reaped)
{
	char id[WN_SESSION_MAX];
	pid_t pid = child_with_id(id);
	cr_expect(wn_session_alive(id), "the child runs: %s", id);
	kill(pid, SIGKILL);
	siginfo_t si;
	/* wait for it to end, but leave it a zombie */
	cr_assert_eq(waitid(P_PID, (id_t)pid, &si, WEXITED | WNOWAIT), 0);
	if (access("/proc/self/stat", R_OK) == 0)
		cr_expect_not(wn_session_alive(id), "a zombie is gone: %s", id);
	cr_assert_eq(waitpid(pid, NULL, 0), pid);
	cr_expect_not(wn_session_alive(id), "reaped: %s", id);
}

Test(session, the_same_pid_started_at_another_time_is_another_wean)
{
	char id[WN_SESSION_MAX], other[WN_SESSION_MAX + 16];
	long pid;
	unsigned long long start;
	char boot[16];
	wn_session_self(id);
	cr_assert_eq(sscanf(id, "%ld.%llu.%15s", &pid, &start, boot), 3);
	if (start == 0)
		return;   /* no /proc here: only the pid can be asked about */
	snprintf(other, sizeof other, "%ld.%llu.%s", pid, start + 1, boot);
	cr_expect_not(wn_session_alive(other), "%s", other);
	snprintf(other, sizeof other, "%ld.%llu.%s", pid, start,
	         strcmp(boot, "00000000") ? "00000000" : "11111111");
	cr_expect_not(wn_session_alive(other), "another boot: %s", other);
}

Test(session, ids_that_are_none_are_gone)
{
	static const char *const bad[] = {
		"", "old", "0.0.-", "-1.0.-", "12", "12.34", "12.34.-x y", NULL,
	};
	for (size_t i = 0; bad[i]; i++)
		cr_expect_not(wn_session_alive(bad[i]), "'%s'", bad[i]);
	cr_expect_not(wn_session_alive(NULL));
}
