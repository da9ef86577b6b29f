/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ini.h -- the one way wean reads an INI file with iniparser (the config
 * file, the drug reference, the DESS list): nothing iniparser says reaches
 * stderr; its complaints become one message in a struct wn_err.
 *
 * Not thread-safe: iniparser's error callback is process-wide, so
 * wn_ini_load() sets it for the length of the call and then puts back
 * iniparser's default (stderr) callback.
 */
#ifndef WEAN_INI_H
#define WEAN_INI_H

#include <iniparser.h>

#include "core/status.h"

#define WN_INI_MAX_BYTES (1024 * 1024)

/* Loads the INI file at path; what names it in messages ("config file").
 * Returns WN_OK with the dictionary in *out (the caller frees it with
 * iniparser_freedict), or, with *out NULL and a message:
 *   WN_NOINPUT  the file cannot be opened ("cannot open WHAT PATH"), or
 *               is not a regular file (a device such as /dev/zero, a
 *               FIFO, a directory: never read);
 *   WN_DATAERR  larger than WN_INI_MAX_BYTES;
 *   WN_DATAERR  a line iniparser refuses ("WHAT PATH, line N: not a
 *               [section], key = value or comment", or "... line too
 *               long": over 1023 bytes);
 *   WN_ERR      out of memory. */
int wn_ini_load(const char *path, const char *what, dictionary **out,
                struct wn_err *err);

#endif
