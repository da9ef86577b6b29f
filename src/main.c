/* main.c -- the entry point: locale, then the command line, which opens
 * the curses front end when no command is given. */
#include <locale.h>

#include "cli/cli.h"
#include "tui/ui.h"

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	const struct wn_cli_hooks hooks = { .run_tui = wn_ui_run };
	return wn_cli_main(argc, argv, &hooks);
}
