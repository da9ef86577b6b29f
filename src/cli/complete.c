/* SPDX-License-Identifier: GPL-3.0-or-later */
/* complete.c -- `wean --completions bash|zsh|fish`: the shell completion
 * scripts, generated from the command table and the option tables (as
 * the help is), so that they name every command, sub-command and option
 * the parsers take and nothing else.
 *
 * Each script holds the tables as data, keyed "global" (before the
 * command), "CMD" or "CMD_SUB", and one small function that finds the key
 * of the words typed so far (skipping the values of options that take
 * one) and offers: the value of an option (file names when its argument
 * is FILE or PATH, else nothing), an option, the command, the
 * sub-command, or file names for a command whose words are files. */
#include "cli_int.h"

#include <string.h>

/* Which options go into a list. */
enum pick { ALL, WITH_ARG, FILE_ARG };

static bool takes_file(const struct wn_cli_opt *o)
{
	return o->arg && (strcmp(o->arg, "FILE") == 0 || strcmp(o->arg, "PATH") == 0);
}

/* A key made of letters and '_' only (a shell variable's name). */
static void put_key(FILE *f, const char *cmd, const char *sub)
{
	const char *parts[2] = { cmd, sub };
	for (int k = 0; k < 2 && parts[k]; k++) {
		if (k)
			fputc('_', f);
		for (const char *p = parts[k]; *p; p++)
			fputc((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ? *p : '_', f);
	}
}

/* s in single quotes for bash, zsh and fish ('\'' for a quote; fish
 * also wants a backslash escaped inside quotes). */
static void put_quoted(FILE *f, const char *s, bool fish)
{
	fputc('\'', f);
	for (; *s; s++)
		if (*s == '\'')
			fputs(fish ? "\\'" : "'\\''", f);
		else if (fish && *s == '\\')
			fputs("\\\\", f);
		else
			fputc(*s, f);
	fputc('\'', f);
}

static void put_opts(FILE *f, const struct wn_cli_opt *o, enum pick pick)
{
	bool first = true;
	for (; o && o->name; o++)
		if (pick == ALL || (pick == WITH_ARG && o->arg) || (pick == FILE_ARG && takes_file(o))) {
			fprintf(f, "%s--%s", first ? "" : " ", o->name);
			first = false;
		}
}

/* Calls fn for "global" and then every command and sub-command. */
struct key_ctx {
	FILE *f;
	const char *cmd, *sub;
	const struct wn_cli_opt *opts;
	const struct wn_cli_command *command;
};

static void each_key(FILE *f, void (*fn)(struct key_ctx *k))
{
	size_t n;
	const struct wn_cli_command *cmd = wn_cli_commands(&n);
	struct key_ctx k = { .f = f, .cmd = NULL, .opts = wn_cli_global_opts };
	fn(&k);
	for (size_t i = 0; i < n; i++) {
		const struct wn_cli_spec *s = cmd[i].spec;
		k = (struct key_ctx){ .f = f, .cmd = cmd[i].name, .opts = s ? s->opts : NULL,
		                      .command = &cmd[i] };
		fn(&k);
		for (const struct wn_cli_sub *sub = s ? s->subs : NULL; sub && sub->name; sub++) {
			k.sub = sub->name;
			k.opts = sub->opts ? sub->opts : s->opts;
			fn(&k);
		}
	}
}

/* ---- bash ---------------------------------------------------------------------- */

/* The start of a variable of the key: bash "_wean_LIST_KEY=", zsh (an
 * associative array) "_wean_LIST[KEY]=".  With cmd_only the key leaves
 * out the sub-command. */
static void var_open(const struct key_ctx *k, bool zsh, const char *list, bool cmd_only)
{
	fprintf(k->f, zsh ? "_wean_%s[" : "_wean_%s_", list);
	if (k->cmd)
		put_key(k->f, k->cmd, cmd_only ? NULL : k->sub);
	else
		fputs("global", k->f);
	fputs(zsh ? "]=" : "=", k->f);
}

/* The option lists of the key (from pick first) and, for a command, its
 * sub-commands and whether its words are files. */
static void key_vars(const struct key_ctx *k, bool zsh, int first)
{
	static const char *const lists[] = { "opts", "args", "fargs" };
	for (int l = first; l < 3; l++) {
		var_open(k, zsh, lists[l], false);
		fputc('\'', k->f);
		put_opts(k->f, k->opts, (enum pick)l);
		fputs("'\n", k->f);
	}
	const struct wn_cli_spec *s = k->command ? k->command->spec : NULL;
	if (!k->cmd || k->sub || !s)
		return;
	if (s->subs) {
		var_open(k, zsh, "subs", true);
		fputc('\'', k->f);
		for (const struct wn_cli_sub *sub = s->subs; sub->name; sub++)
			fprintf(k->f, "%s%s", sub == s->subs ? "" : " ", sub->name);
		fputs("'\n", k->f);
	}
	if (s->files) {
		var_open(k, zsh, "files", true);
		fputs("1\n", k->f);
	}
}

static void bash_key(struct key_ctx *k)
{
	key_vars(k, false, 0);
}

static const char bash_fn[] =
	"_wean() {\n"
	"\tlocal cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
	"\tlocal cmd='' sub='' key=global i w v\n"
	"\tfor ((i = 1; i < COMP_CWORD; i++)); do\n"
	"\t\tw=${COMP_WORDS[i]}\n"
	"\t\tif [[ $w == -* ]]; then\n"
	"\t\t\tv=_wean_args_$key\n"
	"\t\t\t[[ $w != *=* && \" ${!v} \" == *\" $w \"* ]] && i=$((i + 1))\n"
	"\t\telif [[ -z $cmd ]]; then\n"
	"\t\t\tcmd=${w//[^a-z0-9]/_}\n"
	"\t\t\tkey=$cmd\n"
	"\t\telif [[ -z $sub ]]; then\n"
	"\t\t\tv=_wean_subs_$cmd\n"
	"\t\t\tif [[ -n ${!v} && \" ${!v} \" == *\" $w \"* ]]; then\n"
	"\t\t\t\tsub=$w\n"
	"\t\t\t\tkey=${cmd}_${w//[^a-z0-9]/_}\n"
	"\t\t\telse\n"
	"\t\t\t\tsub=' '\n"
	"\t\t\tfi\n"
	"\t\tfi\n"
	"\tdone\n"
	"\tCOMPREPLY=()\n"
	"\tv=_wean_args_$key\n"
	"\tif [[ $prev == -* && \" ${!v} \" == *\" $prev \"* ]]; then\n"
	"\t\tv=_wean_fargs_$key\n"
	"\t\t[[ \" ${!v} \" == *\" $prev \"* ]] && COMPREPLY=($(compgen -f -- \"$cur\"))\n"
	"\t\treturn 0\n"
	"\tfi\n"
	"\tif [[ $cur == -* ]]; then\n"
	"\t\tv=_wean_opts_$key\n"
	"\t\tCOMPREPLY=($(compgen -W \"${!v}\" -- \"$cur\"))\n"
	"\telif [[ -z $cmd ]]; then\n"
	"\t\tCOMPREPLY=($(compgen -W \"$_wean_commands\" -- \"$cur\"))\n"
	"\telse\n"
	"\t\tv=_wean_subs_$cmd\n"
	"\t\tif [[ -z $sub && -n ${!v} ]]; then\n"
	"\t\t\tCOMPREPLY=($(compgen -W \"${!v}\" -- \"$cur\"))\n"
	"\t\telse\n"
	"\t\t\tv=_wean_files_$cmd\n"
	"\t\t\t[[ -n ${!v} ]] && COMPREPLY=($(compgen -f -- \"$cur\"))\n"
	"\t\tfi\n"
	"\tfi\n"
	"\treturn 0\n"
	"}\n"
	"complete -o filenames -F _wean wean\n";

static void bash(FILE *f)
{
	size_t n;
	const struct wn_cli_command *cmd = wn_cli_commands(&n);
	fputs("# bash completion for wean -- generated by 'wean --completions bash'\n"
	      "# from wean's option tables; do not edit.\n", f);
	fputs("_wean_commands='", f);
	for (size_t i = 0; i < n; i++)
		fprintf(f, "%s%s", i ? " " : "", cmd[i].name);
	fputs("'\n", f);
	each_key(f, bash_key);
	fputs(bash_fn, f);
}

/* ---- zsh ----------------------------------------------------------------------- */

/* One "--name:description" (or "name:description") per line of an array. */
static void zsh_item(FILE *f, const char *dashes, const char *name, const char *help)
{
	char item[512];
	size_t at = (size_t)snprintf(item, sizeof item, "%s", dashes);
	for (const char *p = name; *p && at + 2 < sizeof item; p++) {
		if (*p == ':')
			item[at++] = '\\';
		item[at++] = *p;
	}
	snprintf(item + at, sizeof item - at, ":%s", help ? help : "");
	fputs("\t", f);
	put_quoted(f, item, false);
	fputc('\n', f);
}

static void zsh_key(struct key_ctx *k)
{
	fputs("_wean_opts_", k->f);      /* an array of items with their help */
	if (k->cmd)
		put_key(k->f, k->cmd, k->sub);
	else
		fputs("global", k->f);
	fputs("=(\n", k->f);
	for (const struct wn_cli_opt *o = k->opts; o && o->name; o++)
		zsh_item(k->f, "--", o->name, o->help);
	fputs(")\n", k->f);
	key_vars(k, true, 1);
}

static const char zsh_fn[] =
	"_wean() {\n"
	"\tlocal cmd='' sub='' key=global i w prev=${words[CURRENT-1]} cur=${words[CURRENT]}\n"
	"\tfor ((i = 2; i < CURRENT; i++)); do\n"
	"\t\tw=${words[i]}\n"
	"\t\tif [[ $w == -* ]]; then\n"
	"\t\t\t[[ $w != *=* && \" ${_wean_args[$key]} \" == *\" $w \"* ]] && i=$((i + 1))\n"
	"\t\telif [[ -z $cmd ]]; then\n"
	"\t\t\tcmd=${w//[^a-z0-9]/_}\n"
	"\t\t\tkey=$cmd\n"
	"\t\telif [[ -z $sub ]]; then\n"
	"\t\t\tif [[ -n ${_wean_subs[$cmd]} && \" ${_wean_subs[$cmd]} \" == *\" $w \"* ]]; then\n"
	"\t\t\t\tsub=$w\n"
	"\t\t\t\tkey=${cmd}_${w//[^a-z0-9]/_}\n"
	"\t\t\telse\n"
	"\t\t\t\tsub=' '\n"
	"\t\t\tfi\n"
	"\t\tfi\n"
	"\tdone\n"
	"\tif [[ $prev == -* && \" ${_wean_args[$key]} \" == *\" $prev \"* ]]; then\n"
	"\t\t[[ \" ${_wean_fargs[$key]} \" == *\" $prev \"* ]] && _files\n"
	"\t\treturn 0\n"
	"\tfi\n"
	"\tif [[ $cur == -* ]]; then\n"
	"\t\t(( ${+parameters[_wean_opts_$key]} )) && _describe -t options option _wean_opts_$key\n"
	"\telif [[ -z $cmd ]]; then\n"
	"\t\t_describe -t commands command _wean_commands\n"
	"\telif [[ -z $sub && -n ${_wean_subs[$cmd]} ]]; then\n"
	"\t\tcompadd -- ${=_wean_subs[$cmd]}\n"
	"\telif [[ -n ${_wean_files[$cmd]} ]]; then\n"
	"\t\t_files\n"
	"\tfi\n"
	"\treturn 0\n"
	"}\n"
	"\n"
	"_wean \"$@\"\n";

static void zsh(FILE *f)
{
	size_t n;
	const struct wn_cli_command *cmd = wn_cli_commands(&n);
	fputs("#compdef wean\n"
	      "# zsh completion for wean -- generated by 'wean --completions zsh'\n"
	      "# from wean's option tables; do not edit.\n"
	      "typeset -gA _wean_args _wean_fargs _wean_subs _wean_files\n"
	      "typeset -ga _wean_commands\n"
	      "_wean_commands=(\n", f);
	for (size_t i = 0; i < n; i++)
		zsh_item(f, "", cmd[i].name, cmd[i].summary);
	fputs(")\n", f);
	each_key(f, zsh_key);
	fputs(zsh_fn, f);
}

/* ---- fish ---------------------------------------------------------------------- */

static void fish_cond(FILE *f, const struct key_ctx *k)
{
	fputs("complete -c wean -n '__wean_key_is ", f);
	if (k->cmd)
		put_key(f, k->cmd, k->sub);
	else
		fputs("global", f);
	fputc('\'', f);
}

static void fish_key(struct key_ctx *k)
{
	for (const struct wn_cli_opt *o = k->opts; o && o->name; o++) {
		fish_cond(k->f, k);
		fprintf(k->f, " -l %s%s -d ", o->name, takes_file(o) ? " -r -F" : o->arg ? " -x" : "");
		put_quoted(k->f, o->help, true);
		fputc('\n', k->f);
	}
	const struct wn_cli_spec *s = k->command ? k->command->spec : NULL;
	if (!k->cmd || k->sub || !s)
		return;
	for (const struct wn_cli_sub *sub = s->subs; sub && sub->name; sub++) {
		fish_cond(k->f, k);
		fprintf(k->f, " -a %s -d ", sub->name);
		put_quoted(k->f, sub->args ? sub->args : s->args, true);
		fputc('\n', k->f);
	}
	if (s->files) {
		fish_cond(k->f, k);
		fputs(" -F\n", k->f);
	}
}

/* The lists __wean_key reads: which options take a value, which words
 * are sub-commands, per key. */
static void fish_lists(struct key_ctx *k)
{
	fputs("\t\tcase ", k->f);
	if (k->cmd)
		put_key(k->f, k->cmd, k->sub);
	else
		fputs("global", k->f);
	fputs("\n\t\t\tset args ", k->f);
	put_opts(k->f, k->opts, WITH_ARG);
	const struct wn_cli_spec *s = k->command ? k->command->spec : NULL;
	if (k->cmd && !k->sub && s && s->subs) {
		fputs("\n\t\t\tset subs", k->f);
		for (const struct wn_cli_sub *sub = s->subs; sub->name; sub++)
			fprintf(k->f, " %s", sub->name);
	}
	fputc('\n', k->f);
}

static const char fish_fn[] =
	"function __wean_key_is\n"
	"\tset -l words (commandline -opc)\n"
	"\tset -e words[1]\n"
	"\tset -l cmd ''\n"
	"\tset -l key global\n"
	"\tset -l skip 0\n"
	"\tset -l subbed 0\n"
	"\tfor w in $words\n"
	"\t\tif test $skip = 1\n"
	"\t\t\tset skip 0\n"
	"\t\telse if string match -q -- '-*' $w\n"
	"\t\t\tif not string match -q -- '*=*' $w; and contains -- $w (__wean_lists $key args)\n"
	"\t\t\t\tset skip 1\n"
	"\t\t\tend\n"
	"\t\telse if test -z \"$cmd\"\n"
	"\t\t\tset cmd (string replace -ra '[^a-z0-9]' _ -- $w)\n"
	"\t\t\tset key $cmd\n"
	"\t\telse if test $subbed = 0\n"
	"\t\t\tset subbed 1\n"
	"\t\t\tif contains -- $w (__wean_lists $cmd subs)\n"
	"\t\t\t\tset key $cmd\"_\"(string replace -ra '[^a-z0-9]' _ -- $w)\n"
	"\t\t\tend\n"
	"\t\tend\n"
	"\tend\n"
	"\ttest \"$key\" = \"$argv[1]\"\n"
	"end\n\n";

static void fish(FILE *f)
{
	size_t n;
	const struct wn_cli_command *cmd = wn_cli_commands(&n);
	fputs("# fish completion for wean -- generated by 'wean --completions fish'\n"
	      "# from wean's option tables; do not edit.\n"
	      "function __wean_lists\n"
	      "\tset -l args\n"
	      "\tset -l subs\n"
	      "\tswitch $argv[1]\n", f);
	each_key(f, fish_lists);
	fputs("\tend\n"
	      "\tswitch $argv[2]\n"
	      "\t\tcase args\n"
	      "\t\t\tprintf '%s\\n' $args\n"
	      "\t\tcase subs\n"
	      "\t\t\tprintf '%s\\n' $subs\n"
	      "\tend\n"
	      "end\n\n", f);
	fputs(fish_fn, f);
	fputs("complete -c wean -f\n", f);
	for (size_t i = 0; i < n; i++) {
		fprintf(f, "complete -c wean -n '__wean_key_is global' -a %s -d ", cmd[i].name);
		put_quoted(f, cmd[i].summary, true);
		fputc('\n', f);
	}
	each_key(f, fish_key);
}

int wn_cli_completions(FILE *f, const char *shell, struct wn_err *err)
{
	if (strcmp(shell, "bash") == 0)
		bash(f);
	else if (strcmp(shell, "zsh") == 0)
		zsh(f);
	else if (strcmp(shell, "fish") == 0)
		fish(f);
	else
		return wn_err_set(err, WN_USAGE, "--completions takes bash, zsh or fish (got '%.40s')",
		                  shell);
	return WN_OK;
}
