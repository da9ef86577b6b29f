/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ui.h -- the curses front end: the one entry point main.c needs.
 *
 * wn_ui_run() takes over the terminal, shows the Today screen of the open
 * diary and returns when the person leaves (q), or when the terminal goes
 * away (SIGHUP, SIGTERM, SIGINT, SIGQUIT): a note being typed is then kept as a
 * draft in the diary and offered back on the next start.
 *
 * Call order: setlocale(LC_ALL, "") first (main does), then wn_ui_run()
 * once.  The diary stays owned by the caller, which closes it afterwards;
 * cfg is only read.  Every change the person makes is written to the diary
 * the moment it is made, one transaction per action, so there is nothing
 * to save on return.
 *
 * Returns WN_OK, or
 *   WN_USAGE   stdin/stdout is not a terminal, or the terminal type is
 *              unknown (message says which);
 *   WN_ERR     the screen could not be set up (out of memory);
 * with the message in err.  The terminal is always restored before return.
 */
#ifndef WEAN_UI_H
#define WEAN_UI_H

#include "core/config.h"
#include "core/status.h"

struct wn_db;

int wn_ui_run(struct wn_db *db, const struct wn_config *cfg,
              struct wn_err *err);

#endif
