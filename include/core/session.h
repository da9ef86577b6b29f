/* SPDX-License-Identifier: GPL-3.0-or-later */
/* session.h -- naming a running wean, so that what one of them keeps (a
 * draft of the note being typed, the file handed to $EDITOR) can be told
 * from what another keeps, and what was left by one that is gone can be
 * found and offered back.
 *
 * An id is "PID.START.BOOT": the process id, its start time in clock ticks
 * since boot (Linux /proc/PID/stat, 0 where there is no /proc) and the
 * first 8 hex digits of the boot id ("-" where unknown).  It holds only
 * [0-9a-f.-], so it may go into a file name.  No output, no files written.
 */
#ifndef WEAN_SESSION_H
#define WEAN_SESSION_H

#include <stdbool.h>

#define WN_SESSION_MAX 64          /* bytes in an id, with its NUL */

/* This process's id, into id (WN_SESSION_MAX bytes). */
void wn_session_self(char id[WN_SESSION_MAX]);

/* Is the wean that took this id still running?  False for an id that is
 * not one (malformed, pid 0 or less), from another boot, whose process is
 * gone or a zombie, or whose pid now belongs to a process started at
 * another time.  Without /proc only the pid can be asked about (a reused
 * pid then counts as running: what it kept waits, it is not lost). */
bool wn_session_alive(const char *id);

#endif
