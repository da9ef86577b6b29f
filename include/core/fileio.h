/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fileio.h -- writing files so that a crash never leaves half of one.
 *
 * Every file wean writes for the person (exports, reports, backups) goes
 * through here: a temporary file beside the target, mode 0600 whatever the
 * umask, fsync, then published under its name (atomically refusing an
 * existing file unless force), then the directory is synced.
 */
#ifndef WEAN_FILEIO_H
#define WEAN_FILEIO_H

#include <stdbool.h>
#include <stddef.h>

#include "core/status.h"

/* Creates "PATH.tmp-XXXXXX" with mode 0600; *tmp receives its malloc'd
 * name and the open descriptor is returned through *fd. */
int wn_file_tmp_create(const char *path, char **tmp, int *fd, struct wn_err *err);

/* Writes len bytes to fd, retrying short writes and EINTR; -1 on error
 * (errno set). */
int wn_file_write_all(int fd, const char *s, size_t len);

/* Moves the finished, synced tmp to path.  Without force an existing path
 * is refused (WN_CANTCREAT, with a hint about --force) and tmp is left for
 * the caller to remove. */
int wn_file_publish(const char *tmp, const char *path, bool force, struct wn_err *err);

/* fsync the file, or with dir_of the directory that holds it. */
void wn_file_sync(const char *path, bool dir_of);

/* Ends a staged write: when rc is WN_OK, publishes tmp as path
 * (wn_file_publish), syncs its directory and removes the stale
 * temporary files of earlier writes to path (wn_file_sweep_tmp with
 * base = path's name); otherwise, or when that fails, removes tmp.
 * Frees tmp; returns the final status. */
int wn_file_finish(char *tmp, const char *path, bool force, int rc, struct wn_err *err);

/* A temporary file this old, left by a write that was killed, is stale. */
#define WN_FILE_STALE_SECONDS 600

/* Removes the stale temporary files in dir ("" for the working folder,
 * otherwise ending in '/'): regular files named "NAME.tmp-XXXXXX" (with
 * base non-NULL, NAME is base), owned by this user and not modified for
 * max_age seconds.  Nothing is touched in a folder others may write to
 * (/tmp: their files are not ours to judge).  warn, when not NULL, is told
 * of each file that could not be removed (errno e). */
void wn_file_sweep_tmp(const char *dir, const char *base, long max_age,
                       void (*warn)(void *ctx, const char *path, int e), void *ctx);

/* The whole sequence for a buffer in memory: data -> path, mode 0600.
 * A path that exists and is not a regular file (a FIFO, a device,
 * /dev/stdout) is refused (WN_CANTCREAT), force or not. */
int wn_file_write_atomic(const char *path, const char *data, size_t len,
                         bool force, struct wn_err *err);

/* ---- a file written a piece at a time ------------------------------------ */

/* The same atomic write for text made in pieces (a streamed export): open
 * checks path (not a regular file: refused, force or not; an existing
 * file without force: refused) and creates the temporary file; write
 * appends to it; close syncs it and, when rc is WN_OK, publishes it as
 * wn_file_finish does, else removes it.  Nothing appears under path
 * until close succeeds.  close always releases s and returns the final
 * status (rc itself when it is not WN_OK). */
struct wn_file_stage {
	const char *path;        /* borrowed */
	char *tmp;
	int fd;
	bool force;
};

int wn_file_stage_open(struct wn_file_stage *s, const char *path, bool force,
                       struct wn_err *err);
int wn_file_stage_write(struct wn_file_stage *s, const char *data, size_t len,
                        struct wn_err *err);
int wn_file_stage_close(struct wn_file_stage *s, int rc, struct wn_err *err);

/* ---- reading a file to import -------------------------------------------- */

/* Opens path to be read (a file wean imports), refusing one over max bytes
 * before reading any of it: WN_OK with *fd open on a file that can seek
 * (the caller closes it).  A regular file is opened as it is; any other
 * input (a pipe, /dev/stdin) is copied into an unnamed private file in
 * $TMPDIR (or /tmp) as it is read, and refused as soon as it passes max
 * bytes.  WN_NOINPUT "cannot read PATH: ..." when it cannot be opened;
 * WN_IOERR for a directory or a failed read; WN_DATAERR "PATH is larger
 * than N MiB (M MiB); nothing was read" (a pipe: "PATH holds more than N
 * MiB; nothing was imported"). */
int wn_file_open_input(const char *path, unsigned long long max, int *fd,
                       struct wn_err *err);

#endif
