/* SPDX-License-Identifier: GPL-3.0-or-later */
/* day.c (cli) -- the day commands: checkin, show, log, remind. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli_int.h"
#include "db/db.h"
#include "core/symptoms.h"
#include "core/suggest.h"
#include "core/text.h"
#include "core/records.h"
#include "core/vocab.h"
#include "db/day.h"
#include "db/question.h"
#include "db/med.h"
#include "db/note.h"
#include "db/plan.h"
#include "db/symptoms.h"

#define MAX_ITEMS 64

/* ---- checkin ------------------------------------------------------------ */

struct checkin_args {
	struct wn_cli *c;
	const char *date;
	struct wn_checkin_patch patch;
	const char *symptom[MAX_ITEMS]; size_t n_symptom;
	const char *dose[MAX_ITEMS];    size_t n_dose;
	const char *metric[MAX_ITEMS];  size_t n_metric;
	const char *question[MAX_ITEMS]; size_t n_question;
	const char *skipped[MAX_ITEMS]; size_t n_skipped;
	bool help;
};

static int set_int_field(struct checkin_args *a, const char *arg, const char *what,
                         int *field, unsigned bit, struct wn_err *err)
{
	long v;
	int rc = wn_cli_parse_int(arg, what, 0, 10, &v, err);
	if (rc != WN_OK)
		return rc;
	*field = (int)v;
	a->patch.set |= bit;
	return WN_OK;
}

static int o_date(void *x, const char *arg, struct wn_err *e) { (void)e; ((struct checkin_args *)x)->date = arg; return WN_OK; }
static int o_mood(void *x, const char *arg, struct wn_err *e)
{ struct checkin_args *a = x; return set_int_field(a, arg, "mood", &a->patch.mood, WN_SET_MOOD, e); }
static int o_anxiety(void *x, const char *arg, struct wn_err *e)
{ struct checkin_args *a = x; return set_int_field(a, arg, "anxiety", &a->patch.anxiety, WN_SET_ANXIETY, e); }
static int o_energy(void *x, const char *arg, struct wn_err *e)
{ struct checkin_args *a = x; return set_int_field(a, arg, "energy", &a->patch.energy, WN_SET_ENERGY, e); }

static int o_sleep(void *x, const char *arg, struct wn_err *e)
{
	struct checkin_args *a = x;
	int rc = wn_cli_parse_num(arg, "sleep (hours)", 0, 24, &a->patch.sleep, e);
	if (rc == WN_OK)
		a->patch.set |= WN_SET_SLEEP;
	return rc;
}

static int o_note(void *x, const char *arg, struct wn_err *e)
{
	struct checkin_args *a = x;
	int rc = wn_text_check_note(arg, strlen(arg), WN_TEXT_NOTE_MAX, e);
	if (rc != WN_OK)
		return rc;
	a->patch.note = arg;
	a->patch.set |= WN_SET_NOTE;
	return WN_OK;
}

static int o_flag(void *x, const char *arg, struct wn_err *e)
{ (void)arg; (void)e; struct checkin_args *a = x; a->patch.flag = true; a->patch.set |= WN_SET_FLAG; return WN_OK; }
static int o_noflag(void *x, const char *arg, struct wn_err *e)
{ (void)arg; (void)e; struct checkin_args *a = x; a->patch.flag = false; a->patch.set |= WN_SET_FLAG; return WN_OK; }

static int push(const char **list, size_t *n, const char *arg, const char *what,
                struct wn_err *err)
{
	if (*n >= MAX_ITEMS)
		return wn_err_set(err, WN_USAGE, "too many --%s options (at most %d)", what, MAX_ITEMS);
	list[(*n)++] = arg;
	return WN_OK;
}

static int o_symptom(void *x, const char *arg, struct wn_err *e)
{ struct checkin_args *a = x; return push(a->symptom, &a->n_symptom, arg, "symptom", e); }
static int o_dose(void *x, const char *arg, struct wn_err *e)
{ struct checkin_args *a = x; return push(a->dose, &a->n_dose, arg, "dose", e); }
static int o_metric(void *x, const char *arg, struct wn_err *e)
{ struct checkin_args *a = x; return push(a->metric, &a->n_metric, arg, "metric", e); }
static int o_skipped(void *x, const char *arg, struct wn_err *e)
{ struct checkin_args *a = x; return push(a->skipped, &a->n_skipped, arg, "skipped", e); }
static int o_question(void *x, const char *arg, struct wn_err *e)
{
	struct checkin_args *a = x;
	int rc = wn_text_check_note(arg, strlen(arg), WN_QUESTION_MAX, e);
	return rc ? rc : push(a->question, &a->n_question, arg, "question", e);
}
static int o_help(void *x, const char *arg, struct wn_err *e)
{ (void)arg; (void)e; ((struct checkin_args *)x)->help = true; return WN_OK; }

static const struct wn_cli_opt checkin_opts[] = {
	{ "date", "DATE", o_date, "the day (default today; never in the future)" },
	{ "mood", "N", o_mood, "mood 0-10 (10 = best)" },
	{ "anxiety", "N", o_anxiety, "anxiety 0-10 (10 = worst)" },
	{ "energy", "N", o_energy, "energy 0-10 (10 = most)" },
	{ "sleep", "HOURS", o_sleep, "hours slept, 0-24 (e.g. 7.5)" },
	{ "metric", "NAME=N", o_metric, "a custom metric from the config" },
	{ "symptom", "NAME=0..3", o_symptom, "rate a symptom: 0 none, 1 mild, 2 moderate, 3 severe" },
	{ "dose", "MED=AMOUNT[@HH:MM]", o_dose, "a dose taken (same med and time replaces)" },
	{ "skipped", "MED[@HH:MM]", o_skipped, "MED was not taken that day (replaces its doses);"
	  " with @HH:MM only that dose of a plan with doses through the day" },
	{ "note", "TEXT", o_note, "the day's note (replaces it)" },
	{ "flag", NULL, o_flag, "flag the day for your prescriber" },
	{ "no-flag", NULL, o_noflag, "remove the flag" },
	{ "question", "TEXT", o_question, "a question for your prescriber" },
	{ "help", NULL, o_help, "show this help" },
	{ 0 }
};
const struct wn_cli_spec wn_cli_spec_checkin = { .args = "[OPTIONS]", .opts = checkin_opts };

/* Splits "name=value" at the last '='.  name is trimmed into buf. */
static int split_pair(const char *arg, const char *what, char *name, size_t n,
                      const char **value, struct wn_err *err)
{
	const char *eq = strrchr(arg, '=');
	if (!eq || eq == arg || !eq[1])
		return wn_err_set(err, WN_USAGE, "--%s needs NAME=VALUE (got '%.60s')", what, arg);
	size_t len = (size_t)(eq - arg);
	while (len && arg[len - 1] == ' ')
		len--;
	while (len && *arg == ' ') {
		arg++;
		len--;
	}
	if (len == 0 || len >= n)
		return wn_err_set(err, WN_DATAERR, "--%s: the name is empty or too long", what);
	memcpy(name, arg, len);
	name[len] = '\0';
	*value = eq + 1;
	return WN_OK;
}

struct resolved {
	struct { long id; int value; } rating[MAX_ITEMS];
	struct wn_dose dose[MAX_ITEMS];
	struct wn_med skipped[MAX_ITEMS];
	int skip_minute[MAX_ITEMS];      /* -1: the whole day */
	struct { const char *name; double value; } metric[MAX_ITEMS];
};

static int resolve_symptoms(struct checkin_args *a, struct wn_db *db,
                            struct resolved *r, struct wn_err *err)
{
	for (size_t i = 0; i < a->n_symptom; i++) {
		char name[WN_NAME_MAX + 1];
		const char *val;
		long v;
		struct wn_symptom s;
		int rc = split_pair(a->symptom[i], "symptom", name, sizeof name, &val, err);
		if (rc != WN_OK)
			return rc;
		rc = wn_cli_find_symptom(db, name, &s, err);
		if (rc != WN_OK)
			return rc;
		char what[WN_NAME_MAX + 16];
		snprintf(what, sizeof what, "rating of %s", s.name);
		if ((rc = wn_cli_parse_int(val, what, 0, 3, &v, err)) != WN_OK)
			return rc;
		r->rating[i].id = s.id;
		r->rating[i].value = (int)v;
	}
	return WN_OK;
}

static int resolve_dose(struct checkin_args *a, struct wn_db *db, size_t i,
                        struct wn_dose *d, struct wn_err *err)
{
	char name[WN_NAME_MAX + 1], amount[64];
	const char *val;
	struct wn_med m;
	int rc = split_pair(a->dose[i], "dose", name, sizeof name, &val, err);
	if (rc != WN_OK)
		return rc;
	const char *at = strchr(val, '@');
	size_t alen = at ? (size_t)(at - val) : strlen(val);
	if (alen >= sizeof amount)
		return wn_err_set(err, WN_DATAERR, "--dose: amount too long");
	memcpy(amount, val, alen);
	amount[alen] = '\0';
	d->minute = -1;
	if (at && (rc = wn_cli_parse_time(at + 1, &d->minute, err)) != WN_OK)
		return rc;
	rc = wn_cli_find_med(db, name, &m, err);
	if (rc != WN_OK)
		return rc;
	char what[WN_NAME_MAX + 64];
	snprintf(what, sizeof what, "dose of %s (%s)", m.name, m.unit);
	if ((rc = wn_cli_parse_num(amount, what, 0, 99999, &d->amount, err)) != WN_OK)
		return rc;
	if (d->amount <= 0) {
		wn_err_set(err, WN_DATAERR, "%s must be more than 0 (got %s)", what, amount);
		wn_err_hint(err, "a dose not taken is recorded with --skipped %s", m.name);
		return WN_DATAERR;
	}
	d->med_id = m.id;
	return WN_OK;
}

/* --skipped MED[@HH:MM], each a known medication given once (once a
 * time), and not also with --dose for that day (or that time); the doses
 * are resolved first. */
static int resolve_skipped(struct checkin_args *a, struct wn_db *db, struct resolved *r,
                           struct wn_err *err)
{
	for (size_t i = 0; i < a->n_skipped; i++) {
		struct wn_med *m = &r->skipped[i];
		char name[WN_NAME_MAX + 1];
		const char *at = strchr(a->skipped[i], '@');
		size_t len = at ? (size_t)(at - a->skipped[i]) : strlen(a->skipped[i]);
		if (len == 0 || len >= sizeof name)
			return wn_err_set(err, WN_DATAERR, "--skipped: the name is empty or too long");
		memcpy(name, a->skipped[i], len);
		name[len] = '\0';
		int *min = &r->skip_minute[i], rc = WN_OK;
		*min = -1;
		if (at && (rc = wn_cli_parse_time(at + 1, min, err)) != WN_OK)
			return rc;
		if ((rc = wn_cli_find_med(db, name, m, err)) != WN_OK)
			return rc;
		for (size_t k = 0; k < a->n_dose; k++)
			if (r->dose[k].med_id == m->id && (*min < 0 || r->dose[k].minute == *min))
				return wn_err_set(err, WN_USAGE, "%s is given both --skipped and --dose;"
				                  " a %s is one or the other", m->name,
				                  *min < 0 ? "day's dose" : "dose");
		for (size_t k = 0; k < i; k++)
			if (r->skipped[k].id == m->id && (r->skip_minute[k] < 0 || *min < 0 ||
			                                  r->skip_minute[k] == *min))
				return wn_err_set(err, WN_USAGE, "--skipped %s is given twice", m->name);
	}
	return WN_OK;
}

static int resolve_metrics(struct checkin_args *a, struct resolved *r,
                           struct wn_err *err)
{
	const struct wn_config *cfg = &a->c->cfg;
	for (size_t i = 0; i < a->n_metric; i++) {
		char name[WN_NAME_MAX + 1];
		const char *val;
		int rc = split_pair(a->metric[i], "metric", name, sizeof name, &val, err);
		if (rc != WN_OK)
			return rc;
		int k = wn_config_find_metric(cfg, name);
		if (k < 0) {
			const char *cands[WN_MAX_METRICS];
			for (int j = 0; j < cfg->n_metrics; j++)
				cands[j] = cfg->metrics[j].name;
			wn_suggest_unknown(err, "metric", name, cands, (size_t)cfg->n_metrics);
			wn_err_hint(err, "custom metrics are set in the config, [metrics] metric1 = name:min:max:higher; built-ins have their own options (--mood ...)");
			return WN_DATAERR;
		}
		const struct wn_metric_def *m = &cfg->metrics[k];
		if ((rc = wn_cli_parse_num(val, m->name, m->min, m->max, &r->metric[i].value, err)) != WN_OK)
			return rc;
		r->metric[i].name = m->name;
	}
	return WN_OK;
}

/* The note as it was when the command began (owned, NULL for none): what
 * its save compares with, so that a note another wean saved meanwhile is
 * kept too (db/note.h). */
static int note_before(struct checkin_args *a, struct wn_db *db, char **was,
                       struct wn_err *err)
{
	*was = NULL;
	if (!(a->patch.set & WN_SET_NOTE))
		return WN_OK;
	struct wn_day d;
	int rc = wn_db_day_load(db, a->patch.date, &d, err);
	if (rc == WN_OK) {
		*was = d.ci.note;
		d.ci.note = NULL;
		wn_day_free(&d);
	}
	return rc;
}

/* Everything in one transaction; *saved says what became of the note. */
static int write_checkin(struct checkin_args *a, struct wn_db *db,
                         const struct resolved *r, int *saved, struct wn_err *err)
{
	char *was;
	int rc = note_before(a, db, &was, err);
	if (rc != WN_OK || (rc = wn_db_begin(db, err)) != WN_OK) {
		free(was);
		return rc;
	}
	wn_date date = a->patch.date;
	struct wn_checkin_patch p = a->patch;
	p.set &= ~(unsigned)WN_SET_NOTE;
	struct wn_note_edit note = { .date = date, .was = was, .text = a->patch.note };
	/* the note first: its comparison reads when the check-in last changed */
	if (a->patch.set & WN_SET_NOTE)
		rc = wn_db_note_save(db, &note, saved, err);
	if (rc == WN_OK)
		rc = wn_db_checkin_update(db, &p, err);
	for (size_t i = 0; rc == WN_OK && i < a->n_symptom; i++)
		rc = wn_db_rating_set(db, date, r->rating[i].id, r->rating[i].value, err);
	for (size_t i = 0; rc == WN_OK && i < a->n_metric; i++)
		rc = wn_db_metric_set(db, date, r->metric[i].name, r->metric[i].value, err);
	for (size_t i = 0; rc == WN_OK && i < a->n_dose; i++)
		rc = wn_db_dose_add(db, &r->dose[i], NULL, err);
	for (size_t i = 0; rc == WN_OK && i < a->n_skipped; i++)
		rc = r->skip_minute[i] < 0 ? wn_db_dose_skip(db, date, r->skipped[i].id, NULL, err)
		                           : wn_cli_skip_at(db, date, &r->skipped[i], r->skip_minute[i], err);
	for (size_t i = 0; rc == WN_OK && i < a->n_question; i++)
		rc = wn_db_question_add(db, date, a->question[i], err);
	if (rc == WN_OK)
		rc = wn_db_commit(db, err);
	if (rc != WN_OK)
		wn_db_rollback(db);
	free(was);
	return rc;
}

/* `wean checkin` with nothing to record writes nothing and opens no diary:
 * an empty check-in would count as a day recorded and silence `remind`. */
static int something_to_record(const struct checkin_args *a, struct wn_err *err)
{
	if (a->patch.set || a->n_symptom || a->n_dose || a->n_metric || a->n_question ||
	    a->n_skipped)
		return WN_OK;
	wn_err_set(err, WN_USAGE, "nothing to record (e.g. --mood 6)");
	wn_err_hint(err, "see 'wean checkin --help'");
	return WN_USAGE;
}

int wn_cmd_checkin(struct wn_cli *c, int argc, char **argv, struct wn_err *err)
{
	struct checkin_args a = { .c = c };
	struct wn_cli_parse p = { .opts = checkin_opts, .ctx = &a, .command = "checkin" };
	int rc = wn_cli_parse_args(&p, argc, argv, err);
	if (rc != WN_OK || a.help) {
		if (a.help)
			wn_cli_command_help(c->out, "checkin", wn_cli_spec_checkin.args, checkin_opts);
		return rc;
	}
	a.patch.date = c->today;
	if (a.date && (rc = wn_cli_parse_date(c, a.date, true, &a.patch.date, err)) != WN_OK)
		return rc;
	if ((rc = something_to_record(&a, err)) != WN_OK)
		return rc;
	struct wn_db *db;
	if ((rc = wn_cli_db(c, true, &db, err)) != WN_OK)
		return rc;
	static struct resolved r;
	memset(&r, 0, sizeof r);
	if ((rc = resolve_symptoms(&a, db, &r, err)) != WN_OK ||
	    (rc = resolve_metrics(&a, &r, err)) != WN_OK)
		return rc;
	for (size_t i = 0; i < a.n_dose; i++) {
		if ((rc = resolve_dose(&a, db, i, &r.dose[i], err)) != WN_OK)
			return rc;
		r.dose[i].date = a.patch.date;
	}
	if ((rc = resolve_skipped(&a, db, &r, err)) != WN_OK)
		return rc;
	int saved = WN_NOTE_WRITTEN;
	if ((rc = write_checkin(&a, db, &r, &saved, err)) != WN_OK)
		return rc;
	char b[WN_DATE_STRLEN];
	fprintf(c->out, "saved the check-in for %s\n", wn_date_format(a.patch.date, b));
	if (saved == WN_NOTE_BOTH_KEPT)
		fprintf(c->out, "the note was changed in another wean meanwhile: both"
		        " are kept, that one below a line \"" WN_NOTE_KEPT_MARK " ...\"\n");
	return WN_OK;
}

/* ---- show ---------------------------------------------------------------- */

static const char *const level_names[4] = { "none", "mild", "moderate", "severe" };

static void print_int_metric(FILE *f, const char *label, int v, const char *scale)
{
	if (v == WN_UNSET)
		fprintf(f, "%-12s-\n", label);
	else
		fprintf(f, "%-12s%d%s\n", label, v, scale);
}

static void print_text_block(FILE *f, const char *text, bool ascii)
{
	char *safe = ascii ? wn_text_to_ascii(text, strlen(text))
	                   : wn_text_sanitize(text, strlen(text), true);
	if (!safe)
		return;
	for (char *line = safe, *nl; line; line = nl ? nl + 1 : NULL) {
		nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		fprintf(f, "  %s\n", line);
	}
	free(safe);
}

static void show_ratings(struct wn_cli *c, struct wn_db *db, const struct wn_day *d)
{
	struct wn_symptom *syms = NULL;
	size_t n = 0;
	struct wn_err e = { 0 };
	int burden = 0;
	for (size_t i = 0; i < d->n_ratings; i++)
		burden += d->ratings[i].value;
	fprintf(c->out, "%-12s", "Symptoms");
	if (!d->n_ratings) {
		fputs("-\n", c->out);
		return;
	}
	fprintf(c->out, "burden %d\n", burden);
	if (wn_db_symptom_list(db, true, &syms, &n, &e) != WN_OK)
		return;
	for (size_t k = 0; k < n; k++)
		for (size_t i = 0; i < d->n_ratings; i++)
			if (d->ratings[i].symptom_id == syms[k].id) {
				int v = d->ratings[i].value;
				fprintf(c->out, "  %-30s %d %s\n", syms[k].name, v,
				        level_names[v & 3]);
			}
	free(syms);
}

static void fmt_minute(int minute, char *buf, size_t n)
{
	if (minute < 0)
		snprintf(buf, n, "--:--");
	else
		snprintf(buf, n, "%02d:%02d", minute / 60 % 24, minute % 60);
}

static void show_doses(struct wn_cli *c, struct wn_db *db, const struct wn_day *d)
{
	if (!d->n_doses) {
		fprintf(c->out, "%-12s-\n", "Doses");
		return;
	}
	fputs("Doses\n", c->out);
	for (size_t i = 0; i < d->n_doses; i++) {
		struct wn_med m;
		struct wn_err e = { 0 };
		char t[8];
		if (wn_db_med_get(db, d->doses[i].med_id, &m, &e) != WN_OK)
			snprintf(m.name, sizeof m.name, "medication #%ld", d->doses[i].med_id), m.unit[0] = '\0';
		fmt_minute(d->doses[i].minute, t, sizeof t);
		if (d->doses[i].amount > 0)
			fprintf(c->out, "  %s  %s %g %s\n", t, m.name, d->doses[i].amount, m.unit);
		else
			fprintf(c->out, "  %s  %s skipped (not taken)\n", t, m.name);
	}
}

/* Each planned medication's dose of the day, in core/vocab.h's words:
 * "Dose status sertraline: 37.5 mg, lower than planned (50 mg)". */
static int show_status(struct wn_cli *c, struct wn_db *db, wn_date date, struct wn_err *err)
{
	struct wn_plan_meds pm;
	int rc = wn_db_plan_meds(db, date, date, &pm, err);
	int shown = 0;
	for (size_t i = 0; rc == WN_OK && i < pm.n; i++) {
		const struct wn_plan_day *p = wn_plan_meds_day(&pm, i, date);
		char words[192], a[32];
		if (isnan(p->planned))
			continue;
		struct wn_vocab_dose_in in = { .status = p->status, .planned = p->planned,
		                               .taken = p->n_doses ? p->taken : NAN,
		                               .unit = pm.med[i].unit };
		if (date > c->today)
			snprintf(words, sizeof words, "planned %s %s",
			         wn_text_num(p->planned, 3, a, sizeof a), pm.med[i].unit);
		else
			wn_vocab_dose_detail(&in, words, sizeof words);
		fprintf(c->out, "%-12s%s: %s\n", shown++ ? "" : "Dose status", pm.med[i].name,
		        words);
	}
	if (rc == WN_OK)
		wn_plan_meds_free(&pm);
	return rc;
}

static void show_extras(struct wn_cli *c, const struct wn_day *d)
{
	for (size_t i = 0; i < d->n_metrics; i++)
		fprintf(c->out, "%-12s%g\n", d->metrics[i].name, d->metrics[i].value);
	if (d->ci.flag)
		fputs("Flagged for the prescriber\n", c->out);
	if (d->ci.note && *d->ci.note) {
		fputs("Note\n", c->out);
		print_text_block(c->out, d->ci.note, c->cfg.ascii);
	}
	for (size_t i = 0; i < d->n_qnotes; i++) {
		char t[8];
		fmt_minute(d->qnotes[i].minute, t, sizeof t);
		fprintf(c->out, "Quick note %s  #%ld\n", t, d->qnotes[i].id);
		print_text_block(c->out, d->qnotes[i].text, c->cfg.ascii);
	}
	for (size_t i = 0; i < d->n_questions; i++) {
		fprintf(c->out, "Question for the prescriber%s\n",
		        d->questions[i].answered ? " (answered)" : "");
		print_text_block(c->out, d->questions[i].text, c->cfg.ascii);
		if (d->questions[i].answered && d->questions[i].answer) {
			fputs("Answer\n", c->out);
			print_text_block(c->out, d->questions[i].answer, c->cfg.ascii);
		}
	}
}

static int show_day(struct wn_cli *c, struct wn_db *db, wn_date date,
                    struct wn_err *err)
{
	struct wn_day d;
	int rc = wn_db_day_load(db, date, &d, err);
	if (rc != WN_OK)
		return rc;
	char b[WN_DATE_STRLEN];
	fprintf(c->out, "%s %s\n", wn_date_format(date, b),
	        wn_date_weekday_name(wn_date_weekday(date)));
	struct wn_vocab_facts facts;
	wn_vocab_facts_of_day(&d, &facts);
	if (!wn_vocab_recorded(&facts)) {
		fputs("no record for this day\n", c->out);
		wn_day_free(&d);
		return show_status(c, db, date, err);
	}
	print_int_metric(c->out, "Mood", d.ci.mood, "/10");
	print_int_metric(c->out, "Anxiety", d.ci.anxiety, "/10");
	print_int_metric(c->out, "Energy", d.ci.energy, "/10");
	if (isnan(d.ci.sleep))
		fprintf(c->out, "%-12s-\n", "Sleep");
	else
		fprintf(c->out, "%-12s%g h\n", "Sleep", d.ci.sleep);
	show_ratings(c, db, &d);
	show_doses(c, db, &d);
	rc = show_status(c, db, date, err);
	if (rc == WN_OK)
		show_extras(c, &d);
	wn_day_free(&d);
	return rc;
}

struct show_args { struct wn_cli *c; const char *date; bool help; };

static int show_pos(void *x, const char *w, struct wn_err *e)
{
	struct show_args *a = x;
	if (a->date)
		return wn_err_set(e, WN_USAGE, "show: one date only (got '%.40s' too)", w);
	a->date = w;
	return WN_OK;
}
static int show_help(void *x, const char *arg, struct wn_err *e)
{ (void)arg; (void)e; ((struct show_args *)x)->help = true; return WN_OK; }

static const struct wn_cli_opt show_opts[] = {
	{ "help", NULL, show_help, "show this help" },
	{ 0 }
};
const struct wn_cli_spec wn_cli_spec_show = { .args = "[DATE]", .opts = show_opts };

int wn_cmd_show(struct wn_cli *c, int argc, char **argv, struct wn_err *err)
{
	struct show_args a = { .c = c };
	struct wn_cli_parse p = { .opts = show_opts, .positional = show_pos,
	                          .ctx = &a, .command = "show" };
	int rc = wn_cli_parse_args(&p, argc, argv, err);
	if (rc != WN_OK || a.help) {
		if (a.help)
			wn_cli_command_help(c->out, "show", wn_cli_spec_show.args, show_opts);
		return rc;
	}
	wn_date date = c->today;
	if (a.date && (rc = wn_cli_parse_date(c, a.date, false, &date, err)) != WN_OK)
		return rc;
	struct wn_db *db;
	if ((rc = wn_cli_db(c, false, &db, err)) != WN_OK)
		return rc;
	return show_day(c, db, date, err);
}

/* ---- log ----------------------------------------------------------------- */

struct log_args {
	struct wn_cli *c;
	const char *from, *to;
	bool help;
	wn_date next;          /* next date to print (fills the gaps) */
	struct wn_plan_meds pm;   /* the planned medications: a column each */
};

#define LOG_MED_W 10           /* columns of a medication, at most */
#define LOG_WIDTH 80           /* a line of the log, at most */
#define LOG_FIXED 43           /* date, weekday, the five numbers, the flag */

static int lo_from(void *x, const char *a, struct wn_err *e) { (void)e; ((struct log_args *)x)->from = a; return WN_OK; }
static int lo_to(void *x, const char *a, struct wn_err *e) { (void)e; ((struct log_args *)x)->to = a; return WN_OK; }
static int lo_help(void *x, const char *a, struct wn_err *e) { (void)a; (void)e; ((struct log_args *)x)->help = true; return WN_OK; }

static const struct wn_cli_opt log_opts[] = {
	{ "from", "DATE", lo_from, "first day (default 13 days before --to)" },
	{ "to", "DATE", lo_to, "last day (default today)" },
	{ "help", NULL, lo_help, "show this help" },
	{ 0 }
};
const struct wn_cli_spec wn_cli_spec_log = { .args = "[--from DATE] [--to DATE]",
                                             .opts = log_opts };

static void log_cell_int(char *buf, size_t n, int v)
{
	if (v == WN_UNSET)
		snprintf(buf, n, "-");
	else
		snprintf(buf, n, "%d", v);
}

static void log_missing(struct log_args *a, wn_date upto)
{
	char b[WN_DATE_STRLEN];
	for (; a->next < upto; a->next++)
		fprintf(a->c->out, "%s %s  (no record)\n", wn_date_format(a->next, b),
		        wn_date_weekday_name(wn_date_weekday(a->next)));
}

/* A column per planned medication: its dose of the day as core/vocab.h
 * writes it in a cell ("100", "90 ~", "0 s", "-"). */
static void log_doses(const struct log_args *a, wn_date day, struct wn_buf *b)
{
	for (size_t i = 0; i < a->pm.n; i++) {
		const struct wn_plan_day *p = wn_plan_meds_day(&a->pm, i, day);
		struct wn_vocab_dose_in in = { .status = p->status, .planned = p->planned,
		                               .taken = p->n_doses ? p->taken : NAN, .unit = "" };
		char cell[48];
		wn_vocab_dose_cell(&in, cell, sizeof cell);
		wn_buf_adds(b, "  ");
		wn_text_pad(b, cell, LOG_MED_W, a->c->cfg.ascii ? WN_TEXT_ASCII : 0);
	}
}

/* Prints b without its trailing blanks, then a newline. */
static void log_put(const struct log_args *a, struct wn_buf *b)
{
	size_t n = b->s ? b->len : 0;
	while (n > 0 && b->s[n - 1] == ' ')
		n--;
	fprintf(a->c->out, "%.*s\n", (int)n, b->s ? b->s : "");
	wn_buf_free(b);
}

static int log_line(void *ctx, const struct wn_day_summary *s)
{
	struct log_args *a = ctx;
	char b[WN_DATE_STRLEN], mood[4], anx[4], en[4], sl[8], burd[12], note[256] = "";
	log_missing(a, s->date);
	a->next = s->date + 1;
	log_cell_int(mood, sizeof mood, s->mood);
	log_cell_int(anx, sizeof anx, s->anxiety);
	log_cell_int(en, sizeof en, s->energy);
	if (isnan(s->sleep))
		snprintf(sl, sizeof sl, "-");
	else
		snprintf(sl, sizeof sl, "%.1f", s->sleep);
	double burden = wn_vocab_burden(s->n_ratings, s->burden);
	if (isnan(burden))
		snprintf(burd, sizeof burd, "-");
	else
		snprintf(burd, sizeof burd, "%.0f", burden);
	/* the note gets what the columns before it leave of LOG_WIDTH */
	int room = LOG_WIDTH - LOG_FIXED - (int)a->pm.n * (LOG_MED_W + 2);
	if (s->note && room >= 4) {
		size_t len = strcspn(s->note, "\n");
		char *first = strndup(s->note, len);
		if (first)
			wn_text_fit(first, room, note, sizeof note, a->c->cfg.ascii);
		free(first);
	}
	struct wn_buf line;
	wn_buf_init(&line);
	wn_buf_addf(&line, "%s %s %4s %4s %4s %5s %4s", wn_date_format(s->date, b),
	            wn_date_weekday_name(wn_date_weekday(s->date)), mood, anx, en, sl, burd);
	log_doses(a, s->date, &line);
	wn_buf_addf(&line, " %s %s", s->flag ? "!" : " ", note);
	log_put(a, &line);
	return 0;
}

static void log_header(const struct log_args *a)
{
	struct wn_buf b;
	wn_buf_init(&b);
	wn_buf_addf(&b, "%-14s %4s %4s %4s %5s %4s", "date", "mood", "anx", "enrg", "sleep",
	            "burd");
	for (size_t i = 0; i < a->pm.n; i++) {
		wn_buf_adds(&b, "  ");
		wn_text_pad(&b, a->pm.med[i].name, LOG_MED_W, a->c->cfg.ascii ? WN_TEXT_ASCII : 0);
	}
	wn_buf_adds(&b, "   note");
	log_put(a, &b);
}

int wn_cmd_log(struct wn_cli *c, int argc, char **argv, struct wn_err *err)
{
	struct log_args a = { .c = c };
	struct wn_cli_parse p = { .opts = log_opts, .ctx = &a, .command = "log" };
	int rc = wn_cli_parse_args(&p, argc, argv, err);
	if (rc != WN_OK || a.help) {
		if (a.help)
			wn_cli_command_help(c->out, "log", wn_cli_spec_log.args, log_opts);
		return rc;
	}
	wn_date from, to = c->today;
	if (a.to && (rc = wn_cli_parse_date(c, a.to, false, &to, err)) != WN_OK)
		return rc;
	from = to - 13;
	if (a.from && (rc = wn_cli_parse_date(c, a.from, false, &from, err)) != WN_OK)
		return rc;
	if (from > to)
		return wn_err_set(err, WN_USAGE, "log: --from is after --to");
	struct wn_db *db;
	if ((rc = wn_cli_db(c, false, &db, err)) != WN_OK ||
	    (rc = wn_db_plan_meds(db, from, to, &a.pm, err)) != WN_OK)
		return rc;
	log_header(&a);
	a.next = from;
	rc = wn_db_each_day(db, from, to, log_line, &a, err);
	if (rc == WN_OK)
		log_missing(&a, to + 1);
	wn_plan_meds_free(&a.pm);
	return rc;
}

/* ---- remind --------------------------------------------------------------- */

static int re_help(void *x, const char *a, struct wn_err *e) { (void)a; (void)e; *(bool *)x = true; return WN_OK; }

static const struct wn_cli_opt remind_opts[] = {
	{ "help", NULL, re_help, "show this help" },
	{ 0 }
};
const struct wn_cli_spec wn_cli_spec_remind = { .args = "", .opts = remind_opts };

int wn_cmd_remind(struct wn_cli *c, int argc, char **argv, struct wn_err *err)
{
	bool help = false;
	struct wn_cli_parse p = { .opts = remind_opts, .ctx = &help, .command = "remind" };
	int rc = wn_cli_parse_args(&p, argc, argv, err);
	if (rc != WN_OK || help) {
		if (help)
			wn_cli_command_help(c->out, "remind", wn_cli_spec_remind.args, remind_opts);
		return rc;
	}
	struct wn_db *db;
	char b[WN_DATE_STRLEN];
	rc = wn_cli_db(c, false, &db, err);
	if (rc == WN_NOINPUT) {
		wn_err_clear(err);
		fprintf(c->out, "wean: no diary yet - run 'wean' to make your first check-in\n");
		return WN_ERR;
	}
	if (rc != WN_OK)
		return rc;
	struct wn_day d;
	if ((rc = wn_db_day_load(db, c->today, &d, err)) != WN_OK)
		return rc;
	bool done = d.ci.exists;
	wn_day_free(&d);
	if (done)
		return WN_OK;
	fprintf(c->out, "wean: no check-in yet today (%s) - run 'wean' when you have a minute\n",
	        wn_date_format(c->today, b));
	return WN_ERR;
}
