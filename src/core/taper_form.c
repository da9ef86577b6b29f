/* SPDX-License-Identifier: GPL-3.0-or-later */
/* taper_form.c -- dose forms: the compact form syntax read and written,
 * and a form's numbers checked; see core/taper_form.h.  Pure. */
#include "core/taper_form.h"
#include "core/text.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define FORM_TEXT_MAX 256
#define FORM_TOKENS 16

bool wn_taper_form_amount_ok(double mg)
{
	return isfinite(mg) && mg > 0 && mg <= WN_TAPER_MAX_DOSE;
}

int wn_taper_form_parts(const struct wn_form *f)
{
	int d = f->divisible;
	return f->kind == WN_TAPER_TABLET && (d == 2 || d == 4) ? d : 1;
}

struct toks {
	char buf[FORM_TEXT_MAX];
	char *t[FORM_TOKENS];
	int n;
};

static bool tokenize(const char *text, struct toks *tk)
{
	if (strlen(text) >= sizeof tk->buf)
		return false;
	strcpy(tk->buf, text);
	tk->n = 0;
	char *save = NULL;
	for (char *w = strtok_r(tk->buf, " \t", &save); w;
	     w = strtok_r(NULL, " \t", &save)) {
		if (tk->n == FORM_TOKENS)
			return false;
		tk->t[tk->n++] = w;
	}
	return tk->n > 0;
}

static bool starts_number(const char *s)
{
	return isdigit((unsigned char)s[0]) ||
	       (s[0] == '.' && isdigit((unsigned char)s[1]));
}

static bool word_in(const char *w, const char *const *list)
{
	for (; *list; list++)
		if (strcasecmp(w, *list) == 0)
			return true;
	return false;
}

static const char *const tablet_words[] = { "tablet", "tablets", "tab", "odt", NULL };
static const char *const capsule_words[] = { "capsule", "capsules", "cap", NULL };

/* Label words up to the amount; returns the amount's token index. */
static int parse_label(const struct toks *tk, struct wn_form *f, int *kind)
{
	int i = 0;
	size_t len = 0;
	*kind = WN_TAPER_OTHER;
	for (; i < tk->n && !starts_number(tk->t[i]); i++) {
		if (word_in(tk->t[i], tablet_words))
			*kind = WN_TAPER_TABLET;
		else if (word_in(tk->t[i], capsule_words))
			*kind = WN_TAPER_CAPSULE;
		int w = snprintf(f->label + len, sizeof f->label - len, "%s%s",
		                 i ? " " : "", tk->t[i]);
		if (w < 0 || (size_t)w >= sizeof f->label - len)
			return -1;
		len += (size_t)w;
	}
	return i;
}

/* "mg", "mg/ml", "mg/5ml" or "mg/5" followed by "ml".  Sets strength or
 * conc from amount `v`; advances *i past the unit. */
static bool parse_unit(const struct toks *tk, int *i, const char *unit,
                       double v, struct wn_form *f)
{
	if (strcasecmp(unit, "mg") == 0) {
		f->strength_mg = v;
		return true;
	}
	if (strncasecmp(unit, "mg/", 3) != 0)
		return false;
	const char *rest = unit + 3;
	double per = 1.0;
	if (starts_number(rest)) {
		char *end;
		per = strtod(rest, &end);
		rest = end;
		if (*rest == '\0' && *i < tk->n)
			rest = tk->t[(*i)++];
	}
	if (strcasecmp(rest, "ml") != 0 || !(per > 0))
		return false;
	f->conc_mg_per_ml = v / per;
	return true;
}

static int parse_amount(const struct toks *tk, int *i, struct wn_form *f,
                        const char *text, struct wn_err *err)
{
	char *end;
	double v = strtod(tk->t[*i], &end);
	const char *unit = end;
	(*i)++;
	if (*unit == '\0')
		unit = *i < tk->n ? tk->t[(*i)++] : "";
	if (!isfinite(v) || !parse_unit(tk, i, unit, v, f))
		return wn_err_set(err, WN_USAGE,
		                  "form '%.60s': give the amount as '25 mg' or '2 mg/ml'",
		                  text);
	if (!wn_taper_form_amount_ok(v))
		return wn_err_set(err, WN_USAGE,
		                  "form '%.60s': the amount must be above 0", text);
	return WN_OK;
}

/* A whole number of WN_TAPER_ML_STEP_MIN from WN_TAPER_ML_STEP_MIN to
 * WN_TAPER_ML_STEP_MAX mL? */
static bool ml_step_ok(double v)
{
	double m = v / WN_TAPER_ML_STEP_MIN;
	return isfinite(v) && v >= WN_TAPER_ML_STEP_MIN - 1e-12 &&
	       v <= WN_TAPER_ML_STEP_MAX + 1e-12 && fabs(m - round(m)) < 1e-6;
}

/* "by N ml" or "by Nml", *i at the "by"; moves *i to its last token.  The
 * step in mL, or 0 when the words after "by" are not one. */
static double parse_by(const struct toks *tk, int *i)
{
	if (*i + 1 >= tk->n || !starts_number(tk->t[*i + 1]))
		return 0;
	char *end;
	double v = strtod(tk->t[++*i], &end);
	const char *unit = end;
	if (*unit == '\0')
		unit = *i + 1 < tk->n ? tk->t[++*i] : "";
	return strcasecmp(unit, "ml") == 0 && ml_step_ok(v) ? v : 0;
}

double wn_taper_form_text_ml_step(const char *text)
{
	struct toks tk;
	double step = 0;
	if (!text || !tokenize(text, &tk))
		return WN_TAPER_ML_STEP;
	for (int i = 0; i < tk.n; i++)
		if (strcasecmp(tk.t[i], "by") == 0) {
			double v = parse_by(&tk, &i);
			step = v > 0 ? v : step;
		}
	return step > 0 ? step : WN_TAPER_ML_STEP;
}

double wn_taper_form_ml_step(const struct wn_form *f)
{
	return f->kind == WN_TAPER_LIQUID && f->ml_step > 0 ? f->ml_step : WN_TAPER_ML_STEP;
}

int wn_taper_form_ml_decimals(double ml_step)
{
	long m = lround(ml_step / WN_TAPER_ML_STEP_MIN);
	if (m <= 0)
		return 1;
	return m % 1000 == 0 ? 0 : m % 100 == 0 ? 1 : m % 10 == 0 ? 2 : 3;
}

static int parse_modifiers(const struct toks *tk, int i, struct wn_form *f,
                           const char *text, struct wn_err *err)
{
	static const char *const halves[] = { "/2", "halves", "half", "scored", NULL };
	static const char *const quarters[] = { "/4", "quarters", "quarter", NULL };
	static const char *const beads[] = { "beads", "bead", NULL };
	for (; i < tk->n; i++) {
		const char *w = tk->t[i];
		char *end;
		if (strcasecmp(w, "by") == 0) {
			f->ml_step = parse_by(tk, &i);
			if (f->ml_step == 0)
				return wn_err_set(err, WN_USAGE,
				                  "form '%.60s': say how finely it is measured as"
				                  " 'by 0.01 ml' (0.001 to 5 ml)", text);
		} else if (word_in(w, halves)) {
			f->divisible = 2;
		} else if (word_in(w, quarters)) {
			f->divisible = 4;
		} else if (starts_number(w) && i + 1 < tk->n &&
		           word_in(tk->t[i + 1], beads)) {
			long nb = strtol(w, &end, 10);
			if (*end || nb <= 0 || nb > 100000)
				return wn_err_set(err, WN_USAGE,
				                  "form '%.60s': bead count must be a whole number above 0",
				                  text);
			f->beads_per_capsule = (int)nb;
			i++;
		} else {
			return wn_err_set(err, WN_USAGE,
			                  "form '%.60s': unknown word '%.20s'", text, w);
		}
	}
	return WN_OK;
}

static int decide_kind(struct wn_form *f, int label_kind, const char *text,
                       struct wn_err *err)
{
	if (f->conc_mg_per_ml > 0) {
		f->kind = WN_TAPER_LIQUID;
		if (f->divisible != 1 || f->beads_per_capsule)
			return wn_err_set(err, WN_USAGE,
			                  "form '%.60s': a liquid cannot be split or hold beads",
			                  text);
		if (f->ml_step == 0)
			f->ml_step = WN_TAPER_ML_STEP;
		return WN_OK;
	}
	if (f->ml_step > 0)
		return wn_err_set(err, WN_USAGE,
		                  "form '%.60s': only a liquid is measured 'by N ml'", text);
	if (label_kind == WN_TAPER_TABLET && f->beads_per_capsule)
		return wn_err_set(err, WN_USAGE,
		                  "form '%.60s': only a capsule can hold beads", text);
	if (label_kind != WN_TAPER_TABLET && f->divisible != 1)
		return wn_err_set(err, WN_USAGE,
		                  "form '%.60s': only a tablet can be split (count beads instead)",
		                  text);
	if (f->beads_per_capsule)
		f->kind = WN_TAPER_BEADS;
	else
		f->kind = (enum wn_taper_kind)label_kind;
	return WN_OK;
}

int wn_taper_form_parse(const char *text, struct wn_form *out,
                        struct wn_err *err)
{
	struct toks tk;
	struct wn_form f = { .kind = WN_TAPER_OTHER, .divisible = 1 };
	int kind;
	if (!text || !tokenize(text, &tk))
		return wn_err_set(err, WN_USAGE, "form is empty or too long");
	int i = parse_label(&tk, &f, &kind);
	if (i < 0)
		return wn_err_set(err, WN_USAGE, "form '%.60s': name too long", text);
	if (i == 0)
		return wn_err_set(err, WN_USAGE,
		                  "form '%.60s' needs a kind first, such as tablet, capsule or liquid",
		                  text);
	if (i >= tk.n)
		return wn_err_set(err, WN_USAGE,
		                  "form '%.60s' needs an amount such as '25 mg' or '2 mg/ml'",
		                  text);
	int rc = parse_amount(&tk, &i, &f, text, err);
	if (rc == WN_OK)
		rc = parse_modifiers(&tk, i, &f, text, err);
	if (rc == WN_OK)
		rc = decide_kind(&f, kind, text, err);
	if (rc == WN_OK)
		rc = wn_taper_form_check(&f, err);
	if (rc == WN_OK && out)
		*out = f;
	return rc;
}

int wn_taper_form_check(const struct wn_form *f, struct wn_err *err)
{
	if (!f)
		return wn_err_set(err, WN_USAGE, "no form given");
	if (f->kind != WN_TAPER_LIQUID && f->ml_step != 0)
		return wn_err_set(err, WN_USAGE, "only a liquid is measured 'by N ml'");
	switch (f->kind) {
	case WN_TAPER_TABLET:
		if (f->divisible != 0 && f->divisible != 1 && f->divisible != 2 &&
		    f->divisible != 4)
			return wn_err_set(err, WN_USAGE,
			                  "a tablet splits into 1, 2 or 4 parts, not %d",
			                  f->divisible);
		/* fall through */
	case WN_TAPER_CAPSULE:
		if (!wn_taper_form_amount_ok(f->strength_mg))
			return wn_err_set(err, WN_USAGE, "tablet or capsule strength must be above 0 mg");
		return WN_OK;
	case WN_TAPER_LIQUID:
		if (!wn_taper_form_amount_ok(f->conc_mg_per_ml))
			return wn_err_set(err, WN_USAGE, "liquid concentration must be above 0 mg/ml");
		if (f->ml_step != 0 && !ml_step_ok(f->ml_step))
			return wn_err_set(err, WN_USAGE,
			                  "a liquid is measured by 0.001 to 5 ml, in steps of 0.001 ml");
		return WN_OK;
	case WN_TAPER_BEADS:
		if (!wn_taper_form_amount_ok(f->strength_mg) || f->beads_per_capsule <= 0 ||
		    f->beads_per_capsule > 100000)
			return wn_err_set(err, WN_USAGE,
			                  "a bead capsule needs a strength above 0 mg and a bead count above 0");
		return WN_OK;
	case WN_TAPER_OTHER:
		return WN_OK;
	}
	return wn_err_set(err, WN_USAGE, "unknown form kind %d", (int)f->kind);
}

static const char *kind_word(enum wn_taper_kind k)
{
	switch (k) {
	case WN_TAPER_TABLET: return "tablet";
	case WN_TAPER_CAPSULE:
	case WN_TAPER_BEADS: return "capsule";
	case WN_TAPER_LIQUID: return "liquid";
	case WN_TAPER_OTHER: break;
	}
	return "form";
}

/* Would parsing the label alone give this kind back?  (As tokenize and
 * parse_label would read it, without copying it: more than FORM_TOKENS
 * words or a word that starts a number, and it would not.) */
static bool label_says_kind(const struct wn_form *f)
{
	int kind = WN_TAPER_OTHER, words = 0;
	for (const char *w = f->label; *(w += strspn(w, " \t"));) {
		size_t len = strcspn(w, " \t");
		if (++words > FORM_TOKENS || starts_number(w))
			return false;
		char word[WN_FORM_LABEL];
		memcpy(word, w, len);
		word[len] = '\0';
		if (word_in(word, tablet_words))
			kind = WN_TAPER_TABLET;
		else if (word_in(word, capsule_words))
			kind = WN_TAPER_CAPSULE;
		w += len;
	}
	if (words == 0)
		return false;
	if (f->kind == WN_TAPER_LIQUID)
		return true;
	if (f->kind == WN_TAPER_BEADS)
		return kind == WN_TAPER_CAPSULE;
	return kind == (int)f->kind;
}

/* Appends s to buf[0..n) holding *len bytes, cutting as snprintf would. */
static void put(char *buf, size_t n, size_t *len, const char *s)
{
	while (*s && *len + 1 < n)
		buf[(*len)++] = *s++;
	buf[*len] = '\0';
}

static void put_int(char *buf, size_t n, size_t *len, int v)
{
	char t[WN_TEXT_LONG];
	put(buf, n, len, wn_text_long(v, t));
}

void wn_taper_form_format(const struct wn_form *f, char *buf, size_t n)
{
	char amount[32], step[32];
	size_t len = 0;
	bool liquid = f->kind == WN_TAPER_LIQUID;
	if (!buf || n == 0)
		return;
	put(buf, n, &len, f->label);
	if (!label_says_kind(f)) {
		put(buf, n, &len, f->label[0] ? " " : "");
		put(buf, n, &len, kind_word(f->kind));
	}
	wn_text_num(liquid ? f->conc_mg_per_ml : f->strength_mg, 5, amount, sizeof amount);
	put(buf, n, &len, " ");
	put(buf, n, &len, amount);
	put(buf, n, &len, liquid ? " mg/ml" : " mg");
	if (wn_taper_form_parts(f) > 1) {
		put(buf, n, &len, " /");
		put_int(buf, n, &len, wn_taper_form_parts(f));
	} else if (f->kind == WN_TAPER_BEADS) {
		put(buf, n, &len, " ");
		put_int(buf, n, &len, f->beads_per_capsule);
		put(buf, n, &len, " beads");
	} else if (liquid && fabs(wn_taper_form_ml_step(f) - WN_TAPER_ML_STEP) > 1e-9) {
		put(buf, n, &len, " by ");
		put(buf, n, &len, wn_text_num(wn_taper_form_ml_step(f), 3, step, sizeof step));
		put(buf, n, &len, " ml");
	}
}
