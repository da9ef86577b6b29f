/* SPDX-License-Identifier: GPL-3.0-or-later */
/* note.c (cli) -- `wean note`: the quick notes of a day listed, changed
 * and deleted (db/day.h).  Quick notes are written on Today (t).  A note
 * is named by its day and time ("2026-11-24 08:05") or by its number
 * ("#12", shown by `note list` and `wean show`). */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli_int.h"
#include "core/records.h"
#include "core/suggest.h"
#include "core/text.h"
#include "db/day.h"
#include "db/db.h"

#define FIT_COLS 60               /* a note's first line in a message */

struct note_args {
	const char *sub, *word[3];
	size_t n_word;
	bool help;
};

static int n_pos(void *x, const char *w, struct wn_err *e)
{
	struct note_args *a = x;
	if (!a->sub)
		a->sub = w;
	else if (a->n_word < 3)
		a->word[a->n_word++] = w;
	else
		return wn_err_set(e, WN_USAGE, "note: unexpected argument '%.40s'"
		                  " (quote a text with spaces)", w);
	return WN_OK;
}
static int n_help(void *x, const char *a, struct wn_err *e) { (void)a; (void)e; ((struct note_args *)x)->help = true; return WN_OK; }

static const struct wn_cli_opt note_opts[] = {
	{ "help", NULL, n_help, "show this help" },
	{ 0 }
};
static const struct wn_cli_sub note_subs[] = {
	{ "list", "list [DATE]", note_opts },
	{ "edit", "edit DATE TIME TEXT | edit #ID TEXT", note_opts },
	{ "delete", "delete DATE TIME | delete #ID", note_opts },
	{ 0 }
};
const struct wn_cli_spec wn_cli_spec_note = {
	.args = "[list [DATE] | edit DATE TIME TEXT | delete DATE TIME]",
	.opts = note_opts, .subs = note_subs,
};

static void help(FILE *f)
{
	wn_cli_subs_usage(f, "note", note_subs, note_opts);
	fputs("\nlist       the quick notes of DATE (default today): number, time, text\n"
	      "edit       change the words of a quick note (its day and time stay)\n"
	      "delete     delete a quick note\n"
	      "\nA note is named by its DATE and TIME (HH:MM) or by its number (#ID, as\n"
	      "'note list' and 'wean show' print it).  Quick notes are written on\n"
	      "Today (t).  A TEXT that starts with '-' goes after '--'.\n", f);
}

/* "#12 2026-11-24 08:05 words of the note" (first line, fitted). */
static void say_note(struct wn_cli *c, const char *done, const struct wn_quicknote *q,
                     const char *text)
{
	char d[WN_DATE_STRLEN], t[16] = "--:--", first[256] = "";
	char *line = strndup(text, strcspn(text, "\n"));
	if (line)
		wn_text_fit(line, FIT_COLS, first, sizeof first, c->cfg.ascii);
	free(line);
	if (q->minute >= 0)
		snprintf(t, sizeof t, "%02d:%02d", q->minute / 60, q->minute % 60);
	fprintf(c->out, "%s#%ld  %s %s  %s\n", done, q->id, wn_date_format(q->date, d), t, first);
}

static int list(struct wn_cli *c, struct wn_db *db, const struct note_args *a,
                struct wn_err *err)
{
	wn_date date = c->today;
	struct wn_day d;
	char b[WN_DATE_STRLEN];
	int rc = a->n_word > 1 ? wn_err_set(err, WN_USAGE, "note list takes one DATE") : WN_OK;
	if (rc == WN_OK && a->n_word)
		rc = wn_cli_parse_date(c, a->word[0], false, &date, err);
	if (rc != WN_OK || (rc = wn_db_day_load(db, date, &d, err)) != WN_OK)
		return rc;
	if (!d.n_qnotes)
		fprintf(c->out, "no quick notes on %s\n", wn_date_format(date, b));
	for (size_t i = 0; i < d.n_qnotes; i++)
		say_note(c, "", &d.qnotes[i], d.qnotes[i].text);
	wn_day_free(&d);
	return WN_OK;
}

/* The note named by the words before the TEXT: "#ID", or DATE TIME.
 * *used: how many words that took. */
static int find_note(struct wn_cli *c, struct wn_db *db, const struct note_args *a,
                     long *id, size_t *used, struct wn_err *err)
{
	const char *w = a->word[0];
	if (w && w[0] == '#') {
		long v = 0;
		int rc = wn_cli_parse_int(w + 1, "quick note number", 1, 999999999999L, &v, err);
		*id = v;
		*used = 1;
		if (rc != WN_OK)
			wn_err_hint(err, "'wean note list DATE' shows the numbers");
		return rc == WN_OK ? WN_OK : WN_USAGE;
	}
	if (a->n_word < 2)
		return wn_err_set(err, WN_USAGE, "note %s needs a DATE and a TIME (or #ID)", a->sub);
	wn_date date;
	int minute, rc = wn_cli_parse_date(c, w, false, &date, err);
	if (rc == WN_OK)
		rc = wn_cli_parse_time(a->word[1], &minute, err);
	if (rc == WN_OK)
		rc = wn_db_quicknote_at(db, date, minute, id, err);
	*used = 2;
	return rc;
}

static int change(struct wn_cli *c, struct wn_db *db, const struct note_args *a,
                  bool edit, struct wn_err *err)
{
	struct wn_quicknote q = { 0 };
	size_t used = 0;
	long id = 0;
	int rc = find_note(c, db, a, &id, &used, err);
	const char *text = used < a->n_word ? a->word[used] : NULL;
	if (rc == WN_OK && edit && !text)
		rc = wn_err_set(err, WN_USAGE, "note edit needs a TEXT");
	if (rc == WN_OK && (edit ? used + 1 : used) < a->n_word)
		rc = wn_err_set(err, WN_USAGE, "note %s: unexpected argument '%.40s'", a->sub,
		                a->word[a->n_word - 1]);
	if (rc == WN_OK && edit && text[strspn(text, " \t\r\n")] == '\0')
		rc = wn_err_set(err, WN_DATAERR, "note edit: the text is empty; to remove the"
		                " note: wean note delete");
	if (rc == WN_OK && (rc = wn_db_begin(db, err)) == WN_OK) {
		rc = wn_db_quicknote_get(db, id, &q, err);
		if (rc == WN_OK)
			rc = edit ? wn_db_quicknote_edit(db, id, text, err) :
			            wn_db_quicknote_delete(db, id, err);
		if (rc == WN_OK)
			rc = wn_db_commit(db, err);
		else
			wn_db_rollback(db);
	}
	if (rc == WN_OK)
		say_note(c, edit ? "changed " : "deleted ", &q, edit ? text : q.text);
	free(q.text);
	return rc;
}

int wn_cmd_note(struct wn_cli *c, int argc, char **argv, struct wn_err *err)
{
	struct note_args a = { 0 };
	struct wn_cli_parse p = { .opts = note_opts, .positional = n_pos, .ctx = &a,
	                          .command = "note" };
	static const char *const subs[] = { "list", "edit", "delete" };
	struct wn_db *db;
	int rc = wn_cli_parse_args(&p, argc, argv, err);
	if (rc == WN_OK && a.help) {
		help(c->out);
		return WN_OK;
	}
	if (rc != WN_OK)
		return rc;
	if (!a.sub)
		a.sub = "list";
	int k = -1;
	for (int i = 0; i < 3; i++)
		if (strcmp(a.sub, subs[i]) == 0)
			k = i;
	if (k < 0) {
		wn_suggest_unknown(err, "note command", a.sub, subs, 3);
		err->code = WN_USAGE;
		return WN_USAGE;
	}
	if (k > 0 && a.n_word == 0)
		return wn_err_set(err, WN_USAGE, "note %s needs a DATE and a TIME (or #ID)%s", a.sub,
		                  k == 1 ? ", then a TEXT" : "");
	if ((rc = wn_cli_db(c, false, &db, err)) != WN_OK)
		return rc;
	return k == 0 ? list(c, db, &a, err) : change(c, db, &a, k == 1, err);
}
