/* SPDX-License-Identifier: GPL-3.0-or-later */
/* xdg.h -- where wean keeps its files by default: the XDG base
 * directories, from the environment (HOME, XDG_CONFIG_HOME, XDG_DATA_HOME).
 * No output, no files touched.
 */
#ifndef WEAN_XDG_H
#define WEAN_XDG_H

#include <stddef.h>

#include "core/status.h"

/* Default paths per XDG: $XDG_CONFIG_HOME/wean/config.ini (default
 * ~/.config/wean/config.ini) and $XDG_DATA_HOME/wean/wean.db (default
 * ~/.local/share/wean/wean.db).  An XDG variable that is empty or not an
 * absolute path is ignored, as the XDG spec says.  Returns WN_OK, or
 * WN_USAGE when HOME is needed but unset or empty, or the path does not
 * fit in n bytes (buf is then "").  The diary's error has a hint (--db or
 * WEAN_DB). */
int wn_xdg_config_file(char *buf, size_t n, struct wn_err *err);
int wn_xdg_diary_file(char *buf, size_t n, struct wn_err *err);

#endif
