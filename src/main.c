/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c -- the entry point: locale, then the command line, which opens
 * the curses front end when no command is given. */
#include <locale.h>
#include <malloc.h>

#include "cli/cli.h"
#include "tui/ui.h"

int main(int argc, char **argv)
{
	/* Freed memory at the top of the heap is given back to the kernel
	 * only past 1 MiB of slack: SQLite's statement journals (64 KiB) and
	 * page caches come and go with every statement, and giving each back
	 * cost a pair of brk calls (an import of 10 years of CSV: 4,483 of
	 * them, 0.2 s of system time).  Pages not touched are not resident. */
	mallopt(M_TOP_PAD, 1 << 20);
	setlocale(LC_ALL, "");
	/* numbers are read and written with a decimal point whatever the
	 * person's locale (a German one would make printf write "7,5" into
	 * the CSV export and strtod stop at "7.5"); text stays UTF-8 */
	setlocale(LC_NUMERIC, "C");
	const struct wn_cli_hooks hooks = { .run_tui = wn_ui_run };
	return wn_cli_main(argc, argv, &hooks);
}
