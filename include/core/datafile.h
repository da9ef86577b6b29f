/* SPDX-License-Identifier: GPL-3.0-or-later */
/* datafile.h -- finding the data files wean ships (data/drugs.ini,
 * data/dess.ini), installed or in the source tree.  No output.
 */
#ifndef WEAN_DATAFILE_H
#define WEAN_DATAFILE_H

#include <stddef.h>

/* Finds the shipped data file called name ("drugs.ini"), the first
 * readable of: $WEAN_DATADIR/NAME, <dir of the executable>/../share/wean/NAME
 * (installed), <dir of the executable>/../data/NAME (an in-tree
 * build/wean), $WEAN_SRCDIR/data/NAME.  Returns WN_OK with the path in buf,
 * or WN_NOINPUT when there is none or the path does not fit in n bytes
 * (buf is then "" when n > 0). */
int wn_datafile_find(const char *name, char *buf, size_t n);

#endif
