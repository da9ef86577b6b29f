/* SPDX-License-Identifier: GPL-3.0-or-later */
/* help.c -- `wean --help` and `wean COMMAND --help`, generated from the
 * command table and the option tables, every line at most
 * WN_CLI_HELP_WIDTH columns: a usage wraps between its bracketed groups,
 * a description wraps with a hanging indent under its own column. */
#include "cli_int.h"

#include <stdlib.h>
#include <string.h>

#include "core/wrap.h"

#define OPT_LEFT 26                 /* "--name ARG" column */
#define OPT_INDENT (2 + OPT_LEFT + 1)
#define CMD_INDENT 12               /* "  checkin   summary" */
#define USAGE_INDENT_MAX 40

/* s wrapped into the columns from indent to the help width.  The cursor
 * is at column col (before indent: it is padded to indent; else the text
 * starts on the next line); every line after the first starts with
 * indent spaces. */
static void put_wrapped(FILE *f, const char *s, int col, int indent)
{
	if (col >= indent && col > 0) {
		fputc('\n', f);
		col = 0;
	}
	fprintf(f, "%*s", indent - col, "");
	size_t n = wn_wrap(s, WN_CLI_HELP_WIDTH - indent, NULL, 0);
	struct wn_wrap_line *lines = malloc(n * sizeof *lines);
	if (!lines) {
		fprintf(f, "%s\n", s);     /* out of memory: unwrapped */
		return;
	}
	wn_wrap(s, WN_CLI_HELP_WIDTH - indent, lines, n);
	for (size_t i = 0; i < n; i++) {
		size_t len = lines[i].len;
		while (len && (s[lines[i].off + len - 1] == ' ' || s[lines[i].off + len - 1] == '\n'))
			len--;
		fprintf(f, "%*s%.*s\n", i ? indent : 0, "", (int)len, s + lines[i].off);
	}
	free(lines);
}

void wn_cli_put_line(FILE *f, const char *s, int indent)
{
	size_t lead = strspn(s, " ");
	int first = (int)lead;
	if (indent < first)
		indent = first;
	if (indent > WN_CLI_HELP_WIDTH / 2)
		indent = WN_CLI_HELP_WIDTH / 2;
	s += lead;
	size_t n = wn_wrap(s, WN_CLI_HELP_WIDTH - indent, NULL, 0);
	struct wn_wrap_line *lines = malloc((n ? n : 1) * sizeof *lines);
	if (!lines) {
		fprintf(f, "%*s%s\n", first, "", s);     /* out of memory: unwrapped */
		return;
	}
	n = wn_wrap(s, WN_CLI_HELP_WIDTH - indent, lines, n);
	for (size_t i = 0; i < n; i++) {
		size_t len = lines[i].len;
		while (len && (s[lines[i].off + len - 1] == ' ' || s[lines[i].off + len - 1] == '\n'))
			len--;
		fprintf(f, "%*s%.*s\n", i ? indent : first, "", (int)len, s + lines[i].off);
	}
	free(lines);
}

static void print_opts(FILE *f, const struct wn_cli_opt *o)
{
	for (; o && o->name; o++) {
		char left[96];
		int n = snprintf(left, sizeof left, "  --%s%s%s", o->name, o->arg ? " " : "",
		                 o->arg ? o->arg : "");
		fputs(left, f);
		put_wrapped(f, o->help, n, OPT_INDENT);
	}
}

/* The length of the next word of a usage: up to a space outside
 * brackets, so that "[--from DATE]" never breaks. */
static size_t usage_word(const char *s)
{
	int depth = 0;
	size_t i = 0;
	for (; s[i] && !(s[i] == ' ' && depth == 0); i++)
		if (s[i] == '[' || s[i] == '(')
			depth++;
		else if ((s[i] == ']' || s[i] == ')') && depth > 0)
			depth--;
	return i;
}

/* lead ("Usage: " or spaces), "wean COMMAND", then args wrapped under
 * the first of them. */
static void put_usage(FILE *f, const char *lead, const char *command, const char *args)
{
	int col = fprintf(f, "%swean%s%s", lead, *command ? " " : "", command);
	int indent = col + 1 <= USAGE_INDENT_MAX ? col + 1 : (int)strlen(lead) + 5;
	for (const char *p = args ? args : ""; *p;) {
		while (*p == ' ')
			p++;
		size_t len = usage_word(p);
		if (!len)
			break;
		if (col + 1 + (int)len > WN_CLI_HELP_WIDTH && col > indent) {
			fprintf(f, "\n%*s", indent - 1, "");
			col = indent - 1;
		}
		col += fprintf(f, " %.*s", (int)len, p);
		p += len;
	}
	fputc('\n', f);
}

static const char *summary_of(const char *command)
{
	size_t n;
	const struct wn_cli_command *cmd = wn_cli_commands(&n);
	for (size_t i = 0; i < n; i++)
		if (strcmp(cmd[i].name, command) == 0)
			return cmd[i].summary;
	return NULL;
}

/* After the usage lines: the command's summary, then its options. */
static void summary_and_opts(FILE *f, const char *command, const struct wn_cli_opt *opts)
{
	const char *summary = summary_of(command);
	if (summary)
		put_wrapped(f, summary, 0, 0);
	if (opts && opts->name) {
		fputs("\nOptions:\n", f);
		print_opts(f, opts);
	}
}

void wn_cli_command_help(FILE *f, const char *command, const char *args,
                         const struct wn_cli_opt *opts)
{
	put_usage(f, "Usage: ", command, args);
	summary_and_opts(f, command, opts);
}

void wn_cli_subs_usage(FILE *f, const char *command, const struct wn_cli_sub *subs,
                       const struct wn_cli_opt *opts)
{
	for (const struct wn_cli_sub *s = subs; s && s->name; s++)
		put_usage(f, s == subs ? "Usage: " : "       ", command, s->args);
	summary_and_opts(f, command, opts);
}

void wn_cli_subs_help(FILE *f, const char *command, const struct wn_cli_sub *subs)
{
	wn_cli_subs_usage(f, command, subs, NULL);
	fprintf(f, "\n'wean %s SUBCOMMAND --help' lists its options.\n", command);
}

void wn_cli_help(FILE *f)
{
	size_t n;
	const struct wn_cli_command *cmd = wn_cli_commands(&n);
	fputs("wean " WEAN_VERSION " - a private diary for tapering psychiatric drugs\n\n", f);
	put_usage(f, "Usage: ", "", "[--db PATH] [--config PATH] [--no-color] [--ascii] [COMMAND [ARGS]]");
	put_usage(f, "       ", "", "--help | --version");
	fputs("\nWith no command, wean opens today's check-in in the terminal.\n\n"
	      "Commands:\n", f);
	for (size_t i = 0; i < n; i++) {
		int col = fprintf(f, "  %-9s", cmd[i].name);
		put_wrapped(f, cmd[i].summary, col, CMD_INDENT);
	}
	fputs("\nOptions:\n", f);
	print_opts(f, wn_cli_global_opts);
	fputs("\nDATE is YYYY-MM-DD, today, yesterday or -N (N days ago).\n"
	      "'wean COMMAND --help' lists a command's options.\n\n"
	      "wean records what you take and shows the plan entered in it; it gives no\n"
	      "medical advice. Discuss any change to a taper with your prescriber.\n", f);
}
