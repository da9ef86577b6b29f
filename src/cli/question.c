/* SPDX-License-Identifier: GPL-3.0-or-later */
/* question.c (cli) -- `wean question`: the questions for the prescriber
 * listed, answered (again, to change the answer), made open again, changed
 * and deleted (db/question.h).  Questions are asked on Today or with
 * `wean checkin --question`. */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli_int.h"
#include "core/records.h"
#include "core/suggest.h"
#include "core/text.h"
#include "db/db.h"
#include "db/question.h"

#define QUESTION_ARGS "[list [--open] [--from DATE] [--to DATE] | answer ID TEXT |" \
	" edit ID TEXT | unanswer ID | delete ID]"
#define FIT_COLS 60               /* a question's first line in a message */

struct question_args {
	const char *sub, *id, *text, *from, *to;
	bool open, help;
};

static int q_pos(void *x, const char *w, struct wn_err *e)
{
	struct question_args *a = x;
	if (!a->sub)
		a->sub = w;
	else if (!a->id)
		a->id = w;
	else if (!a->text)
		a->text = w;
	else
		return wn_err_set(e, WN_USAGE, "question: unexpected argument '%.40s'"
		                  " (quote a text with spaces)", w);
	return WN_OK;
}
static int q_open(void *x, const char *a, struct wn_err *e) { (void)a; (void)e; ((struct question_args *)x)->open = true; return WN_OK; }
static int q_from(void *x, const char *a, struct wn_err *e) { (void)e; ((struct question_args *)x)->from = a; return WN_OK; }
static int q_to(void *x, const char *a, struct wn_err *e) { (void)e; ((struct question_args *)x)->to = a; return WN_OK; }
static int q_help(void *x, const char *a, struct wn_err *e) { (void)a; (void)e; ((struct question_args *)x)->help = true; return WN_OK; }

static const struct wn_cli_opt question_opts[] = {
	{ "open", NULL, q_open, "list: only the questions without an answer" },
	{ "from", "DATE", q_from, "list: the questions asked on or after DATE" },
	{ "to", "DATE", q_to, "list: the questions asked on or before DATE" },
	{ "help", NULL, q_help, "show this help" },
	{ 0 }
};

static const struct wn_cli_opt help_opts[] = {
	{ "help", NULL, q_help, "show this help" },
	{ 0 }
};

/* What each sub-command takes, for the shell completions (cli_int.h). */
static const struct wn_cli_sub spec_subs[] = {
	{ "list", "list [--open] [--from DATE] [--to DATE]", question_opts },
	{ "answer", "answer ID TEXT", help_opts },
	{ "edit", "edit ID TEXT", help_opts },
	{ "unanswer", "unanswer ID", help_opts },
	{ "delete", "delete ID", help_opts },
	{ 0 }
};

const struct wn_cli_spec wn_cli_spec_question = { .args = QUESTION_ARGS,
                                                  .opts = question_opts,
                                                  .subs = spec_subs };

static void help(FILE *f)
{
	wn_cli_subs_usage(f, "question", spec_subs, question_opts);
	fputs("\nlist       each question: its id, the day it was asked, its words, and\n"
	      "           its answer or \"(open)\"\n"
	      "answer     answer question ID (answering again replaces the answer)\n"
	      "edit       change the words of question ID\n"
	      "unanswer   make question ID open again (its answer is removed)\n"
	      "delete     delete question ID\n"
	      "\nQuestions are asked on Today (p) or with 'wean checkin --question TEXT'.\n"
	      "A TEXT that starts with '-' goes after '--'.  A report lists the questions\n"
	      "asked in its range, with their answers, and the open ones asked before.\n", f);
}

/* ---- the words of a question ---------------------------------------------------------- */

/* Text made safe for the terminal, each line after the first indented. */
static void print_text(struct wn_cli *c, const char *text)
{
	char *safe = c->cfg.ascii ? wn_text_to_ascii(text, strlen(text))
	                          : wn_text_sanitize(text, strlen(text), true);
	if (!safe)
		return;
	for (char *line = safe, *nl; line; line = nl ? nl + 1 : NULL) {
		nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		fprintf(c->out, "%s%s\n", line == safe ? "" : "    ", line);
	}
	free(safe);
}

static void print_question(struct wn_cli *c, const struct wn_question *q)
{
	char d[WN_DATE_STRLEN];
	fprintf(c->out, "#%ld  %s  ", q->id, wn_date_format(q->date, d));
	print_text(c, q->text);
	if (!q->answered) {
		fputs("    (open)\n", c->out);
		return;
	}
	fputs("    answer: ", c->out);
	print_text(c, q->answer ? q->answer : "");
}

/* "question #3 answered (asked 2026-11-08: Would smaller cuts ...)", with
 * the first line of text. */
static void say_done(struct wn_cli *c, const struct wn_question *q, const char *text,
                     const char *done)
{
	char d[WN_DATE_STRLEN], first[256];
	char *line = strndup(text, strcspn(text, "\n"));
	first[0] = '\0';
	if (line)
		wn_text_fit(line, FIT_COLS, first, sizeof first, c->cfg.ascii);
	free(line);
	fprintf(c->out, "question #%ld %s (asked %s: %s)\n", q->id, done,
	        wn_date_format(q->date, d), first);
}

/* ---- list ------------------------------------------------------------------------- */

static void print_none(struct wn_cli *c, const struct wn_question_filter *f)
{
	char a[WN_DATE_STRLEN], b[WN_DATE_STRLEN];
	fprintf(c->out, "no %squestions", f->open_only ? "open " : "");
	if (f->from != WN_DATE_NONE)
		fprintf(c->out, " from %s", wn_date_format(f->from, a));
	if (f->to != WN_DATE_NONE)
		fprintf(c->out, " to %s", wn_date_format(f->to, b));
	fputs(f->open_only || f->from != WN_DATE_NONE || f->to != WN_DATE_NONE ? "\n" :
	      "; ask one on Today (p) or with 'wean checkin --question TEXT'\n", c->out);
}

static int list(struct wn_cli *c, struct wn_db *db, const struct question_args *a,
                struct wn_err *err)
{
	struct wn_question_filter f = { .from = WN_DATE_NONE, .to = WN_DATE_NONE,
	                                .open_only = a->open };
	struct wn_question *q = NULL;
	size_t n = 0;
	int rc = WN_OK;
	if (a->from && (rc = wn_cli_parse_date(c, a->from, false, &f.from, err)) != WN_OK)
		return rc;
	if (a->to && (rc = wn_cli_parse_date(c, a->to, false, &f.to, err)) != WN_OK)
		return rc;
	if (f.from != WN_DATE_NONE && f.to != WN_DATE_NONE && f.from > f.to)
		return wn_err_set(err, WN_USAGE, "question list: --from is after --to");
	rc = wn_db_question_list(db, &f, &q, &n, err);
	if (rc == WN_OK && n == 0)
		print_none(c, &f);
	for (size_t i = 0; rc == WN_OK && i < n; i++)
		print_question(c, &q[i]);
	wn_db_question_free_list(q, n);
	return rc;
}

/* ---- answer, edit, unanswer, delete ------------------------------------------------- */

enum sub { S_LIST, S_ANSWER, S_EDIT, S_UNANSWER, S_DELETE, S_COUNT };

static const struct sub_def {
	const char *name;
	bool id, text;           /* takes an ID, a TEXT */
	const char *what;        /* the TEXT is a ... */
} subs[S_COUNT] = {
	[S_LIST] = { "list", false, false, NULL },
	[S_ANSWER] = { "answer", true, true, "answer" },
	[S_EDIT] = { "edit", true, true, "question" },
	[S_UNANSWER] = { "unanswer", true, false, NULL },
	[S_DELETE] = { "delete", true, false, NULL },
};

/* The text typed: what the diary may keep, at most WN_QUESTION_MAX bytes. */
static int check_typed(enum sub s, const char *text, const char *id, struct wn_err *err)
{
	const char *what = subs[s].what;
	struct wn_text_rule r = { .what = what, .max = WN_QUESTION_MAX,
	                          .kind = WN_TEXT_KIND_NOTE };
	if (text[strspn(text, " \t\r\n")] == '\0') {
		wn_err_set(err, WN_DATAERR, "question %s: the %s is empty", subs[s].name, what);
		if (s == S_ANSWER)
			wn_err_hint(err, "to make the question open again: wean question unanswer %s", id);
		return WN_DATAERR;
	}
	return wn_text_check(&r, text, strlen(text), err);
}

static int parse_id(enum sub s, const char *w, long *id, struct wn_err *err)
{
	char *end;
	long v = w[0] >= '0' && w[0] <= '9' ? strtol(w, &end, 10) : 0;
	if (v <= 0 || *end || strlen(w) > 18) {
		wn_err_set(err, WN_USAGE, "question %s: '%.40s' is not a question id", subs[s].name, w);
		wn_err_hint(err, "'wean question list' shows the ids");
		return WN_USAGE;
	}
	*id = v;
	return WN_OK;
}

/* One change to question id, in one transaction with reading it first. */
static int change(struct wn_cli *c, struct wn_db *db, enum sub s, long id, const char *text,
                  struct wn_err *err)
{
	struct wn_question q = { .id = id };
	int rc = wn_db_begin(db, err);
	if (rc != WN_OK)
		return rc;
	rc = wn_db_question_get(db, id, &q, err);
	bool was_answered = rc == WN_OK && q.answered;
	if (rc == WN_OK && s == S_ANSWER)
		rc = wn_db_question_answer(db, id, text, err);
	else if (rc == WN_OK && s == S_UNANSWER && was_answered)
		rc = wn_db_question_answer(db, id, NULL, err);
	else if (rc == WN_OK && s == S_EDIT)
		rc = wn_db_question_edit(db, id, text, err);
	else if (rc == WN_OK && s == S_DELETE)
		rc = wn_db_question_delete(db, id, err);
	if (rc == WN_OK)
		rc = wn_db_commit(db, err);
	else
		wn_db_rollback(db);
	if (rc == WN_OK) {
		static const char *const done[S_COUNT] = {
			[S_ANSWER] = "answered", [S_EDIT] = "changed", [S_DELETE] = "deleted",
			[S_UNANSWER] = "is open again",
		};
		say_done(c, &q, s == S_EDIT ? text : q.text,
		         s == S_ANSWER && was_answered ? "has a new answer" :
		         s == S_UNANSWER && !was_answered ? "was open already" : done[s]);
	}
	wn_db_question_clear(&q);
	return rc;
}

/* ---- the command -------------------------------------------------------------------- */

static int pick_sub(const struct question_args *a, enum sub *s, struct wn_err *err)
{
	const char *name = a->sub ? a->sub : "list";
	const char *names[S_COUNT];
	for (int i = 0; i < S_COUNT; i++) {
		names[i] = subs[i].name;
		if (strcmp(name, names[i]) == 0) {
			*s = (enum sub)i;
			return WN_OK;
		}
	}
	wn_suggest_unknown(err, "question command", name, names, S_COUNT);
	err->code = WN_USAGE;
	return WN_USAGE;
}

/* The words after the subcommand, as it wants them. */
static int check_args(const struct question_args *a, enum sub s, struct wn_err *err)
{
	const struct sub_def *d = &subs[s];
	if (s != S_LIST && (a->open || a->from || a->to))
		return wn_err_set(err, WN_USAGE, "question %s: --open, --from and --to are for"
		                  " 'question list'", d->name);
	if (d->id && !a->id)
		return wn_err_set(err, WN_USAGE, "question %s needs an ID%s", d->name,
		                  d->text ? " and a TEXT" : "");
	if (d->text && !a->text)
		return wn_err_set(err, WN_USAGE, "question %s needs a TEXT after the ID", d->name);
	if (!d->id && a->id)
		return wn_err_set(err, WN_USAGE, "question %s: unexpected argument '%.40s'",
		                  d->name, a->id);
	if (!d->text && a->text)
		return wn_err_set(err, WN_USAGE, "question %s takes no TEXT (got '%.40s')",
		                  d->name, a->text);
	return WN_OK;
}

int wn_cmd_question(struct wn_cli *c, int argc, char **argv, struct wn_err *err)
{
	struct question_args a = { 0 };
	struct wn_cli_parse p = { .opts = question_opts, .positional = q_pos, .ctx = &a,
	                          .command = "question" };
	enum sub s = S_LIST;
	long id = 0;
	struct wn_db *db;
	int rc = wn_cli_parse_args(&p, argc, argv, err);
	if (rc == WN_OK && a.help) {
		help(c->out);
		return WN_OK;
	}
	if (rc == WN_OK)
		rc = pick_sub(&a, &s, err);
	if (rc == WN_OK)
		rc = check_args(&a, s, err);
	if (rc == WN_OK && subs[s].id)
		rc = parse_id(s, a.id, &id, err);
	if (rc == WN_OK && subs[s].text)
		rc = check_typed(s, a.text, a.id, err);
	if (rc == WN_OK)
		rc = wn_cli_db(c, false, &db, err);
	if (rc != WN_OK)
		return rc;
	return s == S_LIST ? list(c, db, &a, err) : change(c, db, s, id, a.text, err);
}
