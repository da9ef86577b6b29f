/* SPDX-License-Identifier: GPL-3.0-or-later */
/* med.c (core) -- units and forms of a medication; see core/med.h. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/med.h"
#include "core/taper.h"
#include "core/suggest.h"
#include "core/text.h"
#include "core/records.h"

const char *const wn_med_units[] = { "mg", "mcg", "mL", "g", "drops", "units" };
const size_t wn_med_n_units = sizeof wn_med_units / sizeof wn_med_units[0];

int wn_med_unit_check(const char *u, char *out, size_t n, struct wn_err *err)
{
	for (size_t i = 0; i < wn_med_n_units; i++)
		if (strcasecmp(u, wn_med_units[i]) == 0) {
			snprintf(out, n, "%s", wn_med_units[i]);
			return WN_OK;
		}
	wn_suggest_unknown(err, "unit", u, wn_med_units, wn_med_n_units);
	wn_err_hint(err, "wean knows mg, mcg, mL, g, drops and units");
	return WN_DATAERR;
}

/* ---- forms ------------------------------------------------------------------ */

/* Appends one word of a form to out with the medication's unit spelled
 * "mg", the word the form parser knows: "mcg" -> "mg", "mcg/ml" ->
 * "mg/ml", "25mcg" -> "25mg".  Amounts stay in the medication's unit. */
static void unit_word(struct wn_buf *out, const char *w, size_t len, const char *unit)
{
	size_t ul = strlen(unit), lead = 0;
	while (lead < len && ((w[lead] >= '0' && w[lead] <= '9') || w[lead] == '.'))
		lead++;
	bool is_unit = len - lead >= ul && strncasecmp(w + lead, unit, ul) == 0 &&
	               (len - lead == ul || w[lead + ul] == '/');
	if (!is_unit) {
		wn_buf_add(out, w, len);
		return;
	}
	wn_buf_add(out, w, lead);
	wn_buf_adds(out, "mg");
	wn_buf_add(out, w + lead + ul, len - lead - ul);
}

/* The words after "by" are a volume in mL ("by 0.01 ml"), never the
 * medication's unit, and stay as they are. */
static void unit_as_mg(const char *text, const char *unit, char *out, size_t n)
{
	struct wn_buf b;
	bool volume = false;
	wn_buf_init(&b);
	for (const char *p = text; *p;) {
		p += strspn(p, " \t");
		size_t w = strcspn(p, " \t");
		if (w && b.len)
			wn_buf_addc(&b, ' ');
		if (volume)
			wn_buf_add(&b, p, w);
		else
			unit_word(&b, p, w, unit);
		volume = volume || (w == 2 && strncasecmp(p, "by", 2) == 0);
		p += w;
	}
	snprintf(out, n, "%s", b.failed || !b.s ? "" : b.s);
	wn_buf_free(&b);
}

/* The form text as typed, cut to fit the label without splitting a
 * UTF-8 character. */
static void copy_label(char *dst, size_t n, const char *text)
{
	size_t len = wn_text_prefix(text, strlen(text), n - 1);
	memcpy(dst, text, len);
	dst[len] = '\0';
}

/* Parses a --form text with wn_taper_form_parse(); amounts are in the
 * medication's unit. */
int wn_med_form_parse(const char *text, const char *unit, struct wn_med_form *f,
                      struct wn_err *err)
{
	char buf[256];
	struct wn_form tf;
	if (strcasecmp(unit, "mg") == 0)
		snprintf(buf, sizeof buf, "%s", text);
	else
		unit_as_mg(text, unit, buf, sizeof buf);
	if (wn_taper_form_parse(buf, &tf, err) != WN_OK) {
		err->code = WN_DATAERR;
		wn_err_hint(err, WN_MED_FORM_HINT);
		return WN_DATAERR;
	}
	memset(f, 0, sizeof *f);
	f->kind = (int)tf.kind;
	f->strength = tf.strength_mg;
	f->divisible = tf.divisible ? tf.divisible : 1;
	f->conc = tf.conc_mg_per_ml;
	f->beads = tf.beads_per_capsule;
	copy_label(f->label, sizeof f->label, text);
	if (tf.kind == WN_TAPER_LIQUID &&   /* the step lives in the text kept */
	    fabs(wn_taper_form_text_ml_step(f->label) - tf.ml_step) > 1e-9) {
		wn_err_set(err, WN_DATAERR, "form '%.60s': too long to keep 'by ... ml'"
		           " (at most %zu bytes)", text, sizeof f->label - 1);
		wn_err_hint(err, WN_MED_FORM_HINT);
		return WN_DATAERR;
	}
	return WN_OK;
}

const char *wn_med_form_by_ml(const struct wn_med_form *f, char *buf, size_t n)
{
	char num[32];
	double ml = wn_taper_form_text_ml_step(f->label);
	if (n)
		buf[0] = '\0';
	if (f->kind != WN_FORM_LIQUID || fabs(ml - WN_TAPER_ML_STEP) <= 1e-9)
		return "";
	snprintf(buf, n, " by %s mL", wn_text_num(ml, 3, num, sizeof num));
	return buf;
}

void wn_med_form_format(const struct wn_med_form *f, const char *unit, char *buf,
                        size_t n)
{
	char step[48];
	switch (f->kind) {
	case WN_FORM_OTHER:
		snprintf(buf, n, "%s", f->label);
		break;
	case WN_FORM_LIQUID:
		snprintf(buf, n, "liquid %g %s/mL%s", f->conc, unit,
		         wn_med_form_by_ml(f, step, sizeof step));
		break;
	case WN_FORM_BEADS:
		snprintf(buf, n, "capsule %g %s, %d beads", f->strength, unit, f->beads);
		break;
	default:
		snprintf(buf, n, "%s %g %s%s", f->kind == WN_FORM_CAPSULE ? "capsule" : "tablet",
		         f->strength, unit,
		         f->divisible == 4 ? ", quarters" : f->divisible == 2 ? ", halves" : "");
	}
}

/* ---- a form by name ------------------------------------------------------------ */

static bool kind_word(int kind, const char *w, size_t len)
{
	static const char *const words[] = {
		[WN_FORM_TABLET] = "tablet", [WN_FORM_CAPSULE] = "capsule",
		[WN_FORM_LIQUID] = "liquid", [WN_FORM_BEADS] = "capsule",
	};
	if (kind < WN_FORM_TABLET || kind > WN_FORM_BEADS || !words[kind])
		return false;
	size_t k = strlen(words[kind]);
	return (len == k || (len == k + 1 && (w[k] == 's' || w[k] == 'S'))) &&
	       strncasecmp(w, words[kind], k) == 0;
}

static bool same_text(const char *a, const char *w, size_t len)
{
	return strlen(a) == len && strncasecmp(a, w, len) == 0;
}

bool wn_med_form_named(const struct wn_med_form *f, const char *unit, const char *w)
{
	char text[160];
	w += strspn(w, " \t");
	size_t len = strlen(w);
	while (len && (w[len - 1] == ' ' || w[len - 1] == '\t'))
		len--;
	if (len == 0)
		return false;
	wn_med_form_format(f, unit, text, sizeof text);
	return same_text(f->label, w, len) || same_text(text, w, len) ||
	       kind_word(f->kind, w, len);
}
