/* taper.c -- taper schedules, dose rounding and the occupancy model.
 *
 * Pure computation: no I/O, no SQL, no curses.  See taper.h for the rules.
 */
#include "core/taper.h"
#include "core/text.h"
#include "core/records.h"

#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define ZERO 1e-7              /* mg: doses closer than this are equal */
#define RES 1e5                /* tablet grid resolution: 1e-5 mg */
#define GRID_MAX 200000L       /* largest tablet grid before the fallback */
#define MAX_UNITS 96
#define MAX_FORMS 32
#define MAX_STEPS_LIMIT 10000
#define MAX_EVERY_DAYS 3650
#define MAX_DOSE 1e6
#define MIN_QUANTUM 0.0001       /* mg */
#define DATE_LIMIT 100000000L  /* |day number| of any sane date */
#define FORM_TEXT_MAX 256
#define FORM_TOKENS 16

/* ---- small helpers ------------------------------------------------------ */

static double snap(double x)
{
	return round(x * 1e6) / 1e6;
}

static void set_text(char *dst, size_t n, const char *src)
{
	if (dst && n)
		snprintf(dst, n, "%s", src);
}

static bool date_ok(wn_date d)
{
	return d > -DATE_LIMIT && d < DATE_LIMIT;
}

static bool amount_ok(double v)
{
	return isfinite(v) && v > 0 && v <= MAX_DOSE;
}

static int norm_div(int d)
{
	return d == 2 || d == 4 ? d : 1;
}

/* ---- form syntax ------------------------------------------------------------- */

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
	if (!amount_ok(v))
		return wn_err_set(err, WN_USAGE,
		                  "form '%.60s': the amount must be above 0", text);
	return WN_OK;
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
		if (word_in(w, halves)) {
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
		return WN_OK;
	}
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
	switch (f->kind) {
	case WN_TAPER_TABLET:
		if (f->divisible != 0 && f->divisible != 1 && f->divisible != 2 &&
		    f->divisible != 4)
			return wn_err_set(err, WN_USAGE,
			                  "a tablet splits into 1, 2 or 4 parts, not %d",
			                  f->divisible);
		/* fall through */
	case WN_TAPER_CAPSULE:
		if (!amount_ok(f->strength_mg))
			return wn_err_set(err, WN_USAGE, "tablet or capsule strength must be above 0 mg");
		return WN_OK;
	case WN_TAPER_LIQUID:
		if (!amount_ok(f->conc_mg_per_ml))
			return wn_err_set(err, WN_USAGE, "liquid concentration must be above 0 mg/ml");
		return WN_OK;
	case WN_TAPER_BEADS:
		if (!amount_ok(f->strength_mg) || f->beads_per_capsule <= 0 ||
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

/* Would parsing the label alone give this kind back? */
static bool label_says_kind(const struct wn_form *f)
{
	struct toks tk;
	struct wn_form tmp = { .kind = WN_TAPER_OTHER };
	int kind;
	if (!f->label[0] || !tokenize(f->label, &tk))
		return false;
	if (parse_label(&tk, &tmp, &kind) != tk.n)
		return false;
	if (f->kind == WN_TAPER_LIQUID)
		return true;
	if (f->kind == WN_TAPER_BEADS)
		return kind == WN_TAPER_CAPSULE;
	return kind == (int)f->kind;
}

void wn_taper_form_format(const struct wn_form *f, char *buf, size_t n)
{
	char name[WN_FORM_LABEL + 16], amount[32], extra[32] = "";
	if (label_says_kind(f))
		snprintf(name, sizeof name, "%s", f->label);
	else
		snprintf(name, sizeof name, "%s%s%s", f->label,
		         f->label[0] ? " " : "", kind_word(f->kind));
	bool liquid = f->kind == WN_TAPER_LIQUID;
	wn_text_num(liquid ? f->conc_mg_per_ml : f->strength_mg, 5, amount, sizeof amount);
	if (f->kind == WN_TAPER_TABLET && norm_div(f->divisible) > 1)
		snprintf(extra, sizeof extra, " /%d", norm_div(f->divisible));
	else if (f->kind == WN_TAPER_BEADS)
		snprintf(extra, sizeof extra, " %d beads", f->beads_per_capsule);
	snprintf(buf, n, "%s %s %s%s", name, amount, liquid ? "mg/ml" : "mg", extra);
}

/* ---- rounding --------------------------------------------------------------- */

enum rmode { NEAREST, BELOW };

struct pick {
	double dose;
	char how[WN_TAPER_HOW];
};

/* One piece a tablet/capsule dose can be made of. */
struct unit {
	long m;          /* size in grid units of 1/RES mg (later: of g) */
	int form;        /* index into forms */
	int quarters;    /* 4 whole, 2 half, 1 quarter */
	int cost;        /* whole 10, split 11: prefer fewer and whole pieces */
};

static int unit_cmp(const void *a, const void *b)
{
	const struct unit *x = a, *y = b;
	if (x->m != y->m)
		return x->m < y->m ? 1 : -1;
	return x->form - y->form;
}

static int collect_units(const struct wn_form *forms, int n, struct unit *u)
{
	int k = 0;
	for (int i = 0; i < n; i++) {
		const struct wn_form *f = &forms[i];
		if ((f->kind != WN_TAPER_TABLET && f->kind != WN_TAPER_CAPSULE) ||
		    !amount_ok(f->strength_mg))
			continue;
		int div = f->kind == WN_TAPER_TABLET ? norm_div(f->divisible) : 1;
		for (int parts = 1; parts <= div && k < MAX_UNITS; parts *= 2) {
			long m = lround(f->strength_mg * RES / parts);
			if (m > 0)
				u[k++] = (struct unit){ m, i, 4 / parts,
				                        parts == 1 ? 10 : 11 };
		}
	}
	qsort(u, (size_t)k, sizeof *u, unit_cmp);
	return k;
}

static long gcd_l(long a, long b)
{
	while (b) {
		long t = a % b;
		a = b;
		b = t;
	}
	return a;
}

/* Per-form pieces, in quarters of a tablet/capsule. */
struct combo {
	long q[MAX_FORMS];
};

static void add_term(char *how, size_t n, const char *term)
{
	size_t len = strlen(how);
	if (len + strlen(term) + 4 >= n) {
		if (len + 4 < n)
			strcat(how, " ...");
		return;
	}
	if (len)
		strcat(how, " + ");
	strcat(how, term);
}

static void combo_how(const struct wn_form *forms, const struct unit *u, int nu,
                      const struct combo *c, char *how, size_t n)
{
	static const char *const frac[] = { "", "1/4", "1/2", "3/4" };
	bool seen[MAX_FORMS] = { false };
	how[0] = '\0';
	for (int j = 0; j < nu; j++) {   /* units are sorted largest first */
		int fi = u[j].form;
		if (seen[fi] || c->q[fi] == 0)
			continue;
		seen[fi] = true;
		char s[32], term[80];
		const char *cap = forms[fi].kind == WN_TAPER_CAPSULE ? " capsule" : "";
		wn_text_num(forms[fi].strength_mg, 5, s, sizeof s);
		if (c->q[fi] / 4) {
			snprintf(term, sizeof term, "%ld x %s mg%s", c->q[fi] / 4, s, cap);
			add_term(how, n, term);
		}
		if (c->q[fi] % 4) {
			snprintf(term, sizeof term, "%s x %s mg%s", frac[c->q[fi] % 4], s, cap);
			add_term(how, n, term);
		}
	}
	if (!how[0])
		set_text(how, n, "none");
}

/* Chooses grid index for `dose` among reachable points (cost != INT_MAX). */
static long grid_choose(const int *cost, long top, double g_mg, double dose,
                        enum rmode mode)
{
	long best = 0;
	if (mode == BELOW) {
		for (long i = top; i > 0; i--)
			if (cost[i] != INT_MAX && i * g_mg < dose - ZERO)
				return i;
		return 0;
	}
	double bd = dose;
	for (long i = 1; i <= top; i++) {
		double diff = fabs(i * g_mg - dose);
		if (cost[i] != INT_MAX && diff <= bd + ZERO) {
			best = i;
			bd = diff;
		}
	}
	return best;
}

/* Dynamic programme over multiples of g: fewest (whole) pieces. */
static bool grid_fill(const struct unit *u, int nu, long top, int *cost,
                      signed char *pick)
{
	cost[0] = 0;
	for (long i = 1; i <= top; i++) {
		int best = INT_MAX;
		for (int j = 0; j < nu; j++) {
			if (u[j].m > i || cost[i - u[j].m] == INT_MAX)
				continue;
			int c = cost[i - u[j].m] + u[j].cost;
			if (c < best) {
				best = c;
				pick[i] = (signed char)j;
			}
		}
		cost[i] = best;
	}
	return true;
}

static bool tablets_grid(const struct wn_form *forms, struct unit *u, int nu,
                         double dose, enum rmode mode, struct pick *out)
{
	long g = u[0].m;
	for (int j = 1; j < nu; j++)
		g = gcd_l(g, u[j].m);
	double g_mg = g / RES;
	long top = (long)ceil(dose / g_mg) + (mode == NEAREST ? u[nu - 1].m / g : 0);
	if (top > GRID_MAX)
		return false;
	for (int j = 0; j < nu; j++)
		u[j].m /= g;
	int *cost = malloc((size_t)(top + 1) * sizeof *cost);
	signed char *pick = malloc((size_t)(top + 1));
	bool ok = cost && pick && grid_fill(u, nu, top, cost, pick);
	if (ok) {
		long i = grid_choose(cost, top, g_mg, dose, mode);
		struct combo c = { { 0 } };
		out->dose = snap(i * g_mg);
		for (; i > 0; i -= u[pick[i]].m)
			c.q[u[pick[i]].form] += u[pick[i]].quarters;
		combo_how(forms, u, nu, &c, out->how, sizeof out->how);
	}
	for (int j = 0; j < nu; j++)
		u[j].m *= g;
	free(cost);
	free(pick);
	return ok;
}

static long count_for(double dose, double size, enum rmode mode)
{
	double x = dose / size;
	if (!(x < 1e15))            /* absurd sizes: keep the cast defined */
		x = 1e15;
	long c = mode == NEAREST ? (long)floor(x + 0.5 + 1e-9)
	                         : (long)ceil(x - 1e-9) - 1;
	return c < 0 ? 0 : c;
}

/* Too fine a grid: multiples of the smallest piece, always deliverable. */
static void tablets_fallback(const struct wn_form *forms, const struct unit *u,
                             int nu, double dose, enum rmode mode,
                             struct pick *out)
{
	const struct unit *s = &u[nu - 1];
	long c = count_for(dose, s->m / RES, mode);
	struct combo cb = { { 0 } };
	cb.q[s->form] = c * s->quarters;
	out->dose = snap(c * (s->m / RES));
	combo_how(forms, u, nu, &cb, out->how, sizeof out->how);
}

static bool tablets_pick(const struct wn_form *forms, int n, double dose,
                         enum rmode mode, struct pick *out)
{
	struct unit u[MAX_UNITS];
	int nu = collect_units(forms, n, u);
	if (nu == 0)
		return false;
	if (!tablets_grid(forms, u, nu, dose, mode, out))
		tablets_fallback(forms, u, nu, dose, mode, out);
	return true;
}

static void liquid_pick(const struct wn_form *f, double dose, enum rmode mode,
                        struct pick *out)
{
	long c = count_for(dose, f->conc_mg_per_ml / 10.0, mode);
	char conc[32];
	out->dose = snap(c * f->conc_mg_per_ml / 10.0);
	wn_text_num(f->conc_mg_per_ml, 5, conc, sizeof conc);
	if (c == 0)
		set_text(out->how, sizeof out->how, "none");
	else
		snprintf(out->how, sizeof out->how, "%.1f mL of %s mg/mL",
		         c / 10.0, conc);
}

static void beads_pick(const struct wn_form *f, double dose, enum rmode mode,
                       struct pick *out)
{
	long b = f->beads_per_capsule;
	long c = count_for(dose, f->strength_mg / b, mode);
	char s[32], term[128];
	out->dose = snap(c * f->strength_mg / b);
	out->how[0] = '\0';
	wn_text_num(f->strength_mg, 5, s, sizeof s);
	if (c / b) {
		snprintf(term, sizeof term, "%ld x %s mg capsule", c / b, s);
		add_term(out->how, sizeof out->how, term);
	}
	if (c % b) {
		snprintf(term, sizeof term, "%ld beads of a %ld-bead %s mg capsule",
		         c % b, b, s);
		add_term(out->how, sizeof out->how, term);
	}
	if (c == 0)
		set_text(out->how, sizeof out->how, "none");
}

static void quantum_pick(double q, double dose, enum rmode mode,
                         struct pick *out)
{
	long c = count_for(dose, q, mode);
	out->dose = snap(c * q);
	set_text(out->how, sizeof out->how, c ? "" : "none");
}

/* Keeps the better of best and cand; *any tells whether best is set. */
static void consider(struct pick *best, const struct pick *cand, bool *any,
                     double dose, enum rmode mode)
{
	bool take;
	if (!*any)
		take = true;
	else if (mode == BELOW)
		take = cand->dose > best->dose + ZERO;
	else {
		double dc = fabs(cand->dose - dose), db = fabs(best->dose - dose);
		take = dc < db - ZERO ||
		       (dc <= db + ZERO && cand->dose > best->dose + ZERO);
	}
	if (take)
		*best = *cand;
	*any = true;
}

static void forms_pick(const struct wn_form *forms, int n, double dose,
                       enum rmode mode, struct pick *best)
{
	struct pick cand;
	bool any = false;
	n = n > MAX_FORMS ? MAX_FORMS : n;
	if (forms && tablets_pick(forms, n, dose, mode, &cand))
		consider(best, &cand, &any, dose, mode);
	for (int i = 0; forms && i < n; i++) {
		const struct wn_form *f = &forms[i];
		if (f->kind == WN_TAPER_LIQUID && amount_ok(f->conc_mg_per_ml))
			liquid_pick(f, dose, mode, &cand);
		else if (f->kind == WN_TAPER_BEADS && amount_ok(f->strength_mg) &&
		         f->beads_per_capsule > 0)
			beads_pick(f, dose, mode, &cand);
		else
			continue;
		consider(best, &cand, &any, dose, mode);
	}
	if (!any)
		quantum_pick(WN_TAPER_DEFAULT_QUANTUM, dose, mode, best);
}

static double do_round(const struct wn_rounding *r, double dose,
                       enum rmode mode, char *how, size_t n)
{
	struct pick p = { 0, "" };
	if (!isfinite(dose) || dose <= ZERO) {
		set_text(how, n, "none");
		return 0;
	}
	const struct wn_form *forms = r ? r->forms : NULL;
	int nf = r && r->forms ? r->n_forms : 0;
	if (r && isfinite(r->quantum) && r->quantum > 0) {
		quantum_pick(r->quantum, dose, mode, &p);
		if (p.dose > ZERO) {    /* describe it when the forms make it exactly */
			struct pick f = { 0, "" };
			forms_pick(forms, nf, p.dose, NEAREST, &f);
			set_text(p.how, sizeof p.how,
			         fabs(f.dose - p.dose) <= 1e-6 ? f.how : "");
		}
	} else {
		forms_pick(forms, nf, dose, mode, &p);
	}
	set_text(how, n, p.how);
	return p.dose;
}

double wn_taper_round(const struct wn_rounding *r, double dose, char *how,
                      size_t n)
{
	return do_round(r, dose, NEAREST, how, n);
}

double wn_taper_round_below(const struct wn_rounding *r, double dose,
                            char *how, size_t n)
{
	return do_round(r, dose, BELOW, how, n);
}

/* how for a dose that is not rounded: the forms' recipe when exact. */
static void describe(const struct wn_rounding *r, double dose, char *how,
                     size_t n)
{
	struct wn_rounding bare = *r;
	bare.quantum = 0;
	if (dose <= ZERO) {
		set_text(how, n, "none");
		return;
	}
	double got = wn_taper_round(&bare, dose, how, n);
	if (fabs(got - dose) > 1e-6)
		set_text(how, n, "");
}

/* ---- occupancy ------------------------------------------------------------------ */

double wn_taper_occupancy(double dose_mg, double emax, double ed50)
{
	if (!(emax > 0) || !(ed50 > 0) || !isfinite(emax) || !isfinite(ed50) ||
	    isnan(dose_mg))
		return NAN;
	if (dose_mg <= 0)
		return 0;
	if (isinf(dose_mg))
		return emax > 100 ? 100 : emax;
	double occ = emax * dose_mg / (ed50 + dose_mg);
	return occ > 100 ? 100 : occ;
}

double wn_taper_dose_for_occupancy(double occ, double emax, double ed50)
{
	if (!(emax > 0) || !(ed50 > 0) || !isfinite(emax) || !isfinite(ed50) ||
	    isnan(occ))
		return NAN;
	if (occ <= 0)
		return 0;
	if (occ >= emax)
		return NAN;
	return ed50 * occ / (emax - occ);
}

/* ---- methods ------------------------------------------------------------------------ */

static const char *const method_names[] = {
	[WN_TAPER_PERCENT] = "percent",
	[WN_TAPER_OCCUPANCY] = "occupancy",
	[WN_TAPER_LINEAR] = "linear",
	[WN_TAPER_CUSTOM] = "custom",
};

const char *wn_taper_method_name(enum wn_taper_method m)
{
	if ((unsigned)m < sizeof method_names / sizeof method_names[0])
		return method_names[m];
	return "unknown";
}

int wn_taper_method_parse(const char *s, enum wn_taper_method *out,
                          struct wn_err *err)
{
	for (unsigned i = 0; s && i < sizeof method_names / sizeof method_names[0]; i++) {
		if (strcasecmp(s, method_names[i]) == 0) {
			if (out)
				*out = (enum wn_taper_method)i;
			return WN_OK;
		}
	}
	wn_err_set(err, WN_USAGE, "unknown taper method '%.40s'", s ? s : "");
	wn_err_hint(err, "use percent, occupancy, linear or custom");
	return WN_USAGE;
}

void wn_taper_params_init(struct wn_taper_params *p)
{
	memset(p, 0, sizeof *p);
	p->method = WN_TAPER_PERCENT;
	p->start = WN_DATE_NONE;
	p->max_steps = WN_TAPER_MAX_STEPS;
}

/* ---- validation ---------------------------------------------------------------------- */

static bool nonneg(double v)
{
	return isfinite(v) && v >= 0 && v <= MAX_DOSE;
}

static int check_doses(const struct wn_taper_params *p, struct wn_err *err)
{
	if (!amount_ok(p->from_dose))
		return wn_err_set(err, WN_USAGE, "starting dose must be above 0 mg");
	if (!nonneg(p->round_q) || (p->round_q > 0 && p->round_q < MIN_QUANTUM))
		return wn_err_set(err, WN_USAGE,
		                  "rounding must be 0 (let the forms decide) or at least %g mg",
		                  MIN_QUANTUM);
	if (!nonneg(p->floor_dose))
		return wn_err_set(err, WN_USAGE, "floor must be 0 (none) or a positive dose");
	if (p->floor_dose >= p->from_dose)
		return wn_err_set(err, WN_USAGE, "floor must be below the starting dose");
	if (!nonneg(p->to_dose))
		return wn_err_set(err, WN_USAGE, "target dose must be 0 or more");
	if (p->to_dose >= p->from_dose)
		return wn_err_set(err, WN_USAGE,
		                  "target dose must be below the starting dose");
	return WN_OK;
}

static int check_lists(const struct wn_taper_params *p, struct wn_err *err)
{
	if (p->n_forms < 0 || p->n_forms > MAX_FORMS || (p->n_forms && !p->forms))
		return wn_err_set(err, WN_USAGE, "between 0 and %d forms, please",
		                  MAX_FORMS);
	for (int i = 0; i < p->n_forms; i++) {
		int rc = wn_taper_form_check(&p->forms[i], err);
		if (rc)
			return rc;
	}
	if (p->n_holds < 0 || (p->n_holds && !p->holds))
		return wn_err_set(err, WN_USAGE, "bad list of holds");
	if (p->max_steps < 0 || p->max_steps > MAX_STEPS_LIMIT)
		return wn_err_set(err, WN_USAGE, "at most %d steps, please",
		                  MAX_STEPS_LIMIT);
	return WN_OK;
}

static int check_custom(const struct wn_taper_params *p, struct wn_err *err)
{
	if (p->n_custom <= 0 || !p->custom)
		return wn_err_set(err, WN_DATAERR,
		                  "a custom plan needs at least one (date, dose) step");
	wn_date prev = p->start;
	for (int i = 0; i < p->n_custom; i++) {
		const struct wn_taper_point *c = &p->custom[i];
		if (!date_ok(c->date) || c->date <= prev)
			return wn_err_set(err, WN_DATAERR,
			                  "custom step %d: dates must increase, after the start date",
			                  i + 1);
		if (!nonneg(c->dose))
			return wn_err_set(err, WN_DATAERR,
			                  "custom step %d: dose must be 0 or more", i + 1);
		prev = c->date;
	}
	return WN_OK;
}

static int check_step(const struct wn_taper_params *p, struct wn_err *err)
{
	double s = p->step;
	switch (p->method) {
	case WN_TAPER_PERCENT:
		if (!(s > 0 && s < 100))
			return wn_err_set(err, WN_USAGE,
			                  "step must be above 0 and below 100 (percent of the current dose)");
		return WN_OK;
	case WN_TAPER_OCCUPANCY:
		if (!(p->emax > 0 && p->ed50 > 0 && isfinite(p->emax) && isfinite(p->ed50))) {
			wn_err_set(err, WN_DATAERR,
			           "no occupancy parameters (Emax, ED50) for this drug");
			wn_err_hint(err, "use --method percent instead");
			return WN_DATAERR;
		}
		if (!(s > 0 && s <= 100))
			return wn_err_set(err, WN_USAGE,
			                  "step must be above 0 and at most 100 occupancy points");
		return WN_OK;
	case WN_TAPER_LINEAR:
		if (!amount_ok(s))
			return wn_err_set(err, WN_USAGE, "step must be above 0 mg");
		return WN_OK;
	case WN_TAPER_CUSTOM:
		return check_custom(p, err);
	}
	return wn_err_set(err, WN_USAGE, "unknown taper method %d", (int)p->method);
}

static int check_params(const struct wn_taper_params *p, struct wn_err *err)
{
	if (!p)
		return wn_err_set(err, WN_USAGE, "no taper parameters");
	if (p->start == WN_DATE_NONE || !date_ok(p->start))
		return wn_err_set(err, WN_USAGE, "the plan needs a start date");
	int rc = check_doses(p, err);
	if (rc == WN_OK)
		rc = check_lists(p, err);
	if (rc == WN_OK)
		rc = check_step(p, err);
	if (rc == WN_OK && p->method != WN_TAPER_CUSTOM &&
	    (p->every_days <= 0 || p->every_days > MAX_EVERY_DAYS))
		rc = wn_err_set(err, WN_USAGE,
		                "days between steps must be between 1 and %d",
		                MAX_EVERY_DAYS);
	return rc;
}

static int hold_cmp(const void *a, const void *b)
{
	const struct wn_hold *x = a, *y = b;
	return (x->start > y->start) - (x->start < y->start);
}

/* Sorted copy of the holds in *out (malloc'd, NULL when none). */
static int sorted_holds(const struct wn_taper_params *p, struct wn_hold **out,
                        struct wn_err *err)
{
	*out = NULL;
	if (p->n_holds == 0)
		return WN_OK;
	struct wn_hold *h = malloc((size_t)p->n_holds * sizeof *h);
	if (!h)
		return wn_err_set(err, WN_ERR, "out of memory");
	memcpy(h, p->holds, (size_t)p->n_holds * sizeof *h);
	qsort(h, (size_t)p->n_holds, sizeof *h, hold_cmp);
	for (int i = 0; i < p->n_holds; i++) {
		bool open = h[i].end == WN_DATE_NONE;
		const char *bad = NULL;
		if (!date_ok(h[i].start) || (!open && !date_ok(h[i].end)))
			bad = "a hold has no valid start date";
		else if (!open && h[i].end <= h[i].start)
			bad = "a hold must end after it starts";
		else if (i > 0 && h[i - 1].end == WN_DATE_NONE)
			bad = "only the last hold can still be open";
		else if (i > 0 && h[i].start < h[i - 1].end)
			bad = "holds overlap";
		if (bad) {
			free(h);
			return wn_err_set(err, WN_DATAERR, "%s", bad);
		}
	}
	*out = h;
	return WN_OK;
}

/* ---- building -------------------------------------------------------------------------- */

struct builder {
	const struct wn_taper_params *p;
	struct wn_rounding r;
	struct wn_schedule *out;
	int cap;
	bool has_occ;
	double occ0;
};

static void add_step(struct builder *b, wn_date date, double dose,
                     const char *how, bool warn)
{
	struct wn_schedule *s = b->out;
	struct wn_taper_step *st = &s->steps[s->n];
	double prev = s->n ? s->steps[s->n - 1].dose : dose;
	st->date = st->base_date = date;
	st->dose = dose;
	st->pct_of_start = dose / b->p->from_dose * 100.0;
	st->pct_cut = s->n && prev > 0 ? (prev - dose) / prev * 100.0 : 0;
	st->occupancy = b->has_occ ? wn_taper_occupancy(dose, b->p->emax, b->p->ed50)
	                           : NAN;
	set_text(st->how, sizeof st->how, how);
	st->warn_rounding = warn;
	s->n++;
	s->n_dated = s->n;
}

static double target_dose(const struct builder *b, int k, double cur)
{
	const struct wn_taper_params *p = b->p;
	double occ;
	switch (p->method) {
	case WN_TAPER_PERCENT:
		return cur * (1.0 - p->step / 100.0);
	case WN_TAPER_OCCUPANCY:
		occ = b->occ0 - k * p->step;
		return occ <= 0 ? 0 : wn_taper_dose_for_occupancy(occ, p->emax, p->ed50);
	case WN_TAPER_LINEAR:
		return cur - p->step;
	case WN_TAPER_CUSTOM:
		break;
	}
	return 0;
}

/* Did rounding move the step by more than half its intended size?  In
 * occupancy points when the drug has parameters, else in mg. */
static bool rounding_warn(const struct builder *b, int k, double prev,
                          double want, double got)
{
	const struct wn_taper_params *p = b->p;
	if (p->method == WN_TAPER_OCCUPANCY) {
		double occ = b->occ0 - k * p->step;
		occ = occ < 0 ? 0 : occ;
		return fabs(wn_taper_occupancy(got, p->emax, p->ed50) - occ) >
		       p->step / 2 + 1e-9;
	}
	if (b->has_occ) {
		prev = wn_taper_occupancy(prev, p->emax, p->ed50);
		want = wn_taper_occupancy(want, p->emax, p->ed50);
		got = wn_taper_occupancy(got, p->emax, p->ed50);
	}
	return fabs(got - want) > (prev - want) / 2 + 1e-9;
}

struct next {
	double dose;
	char how[WN_TAPER_HOW];
	bool warn;
};

/* Step k from the current dose; returns true when it ends the schedule. */
static bool next_step(const struct builder *b, int k, double cur,
                      struct next *nx)
{
	const struct wn_taper_params *p = b->p;
	double want = target_dose(b, k, cur);
	nx->warn = false;
	if (!(want > ZERO)) {
		nx->dose = 0;
	} else {
		nx->dose = wn_taper_round(&b->r, want, nx->how, sizeof nx->how);
		if (nx->dose >= cur - ZERO)   /* a step must cut */
			nx->dose = wn_taper_round_below(&b->r, cur, nx->how,
			                                sizeof nx->how);
		nx->warn = rounding_warn(b, k, cur, want, nx->dose);
	}
	if (nx->dose > ZERO && nx->dose < p->floor_dose - ZERO) {
		nx->dose = 0;
		nx->warn = false;
	}
	if (p->to_dose > 0 && nx->dose <= p->to_dose + ZERO) {
		nx->dose = p->to_dose;
		nx->warn = false;
		describe(&b->r, nx->dose, nx->how, sizeof nx->how);
		return true;
	}
	if (nx->dose <= ZERO)
		set_text(nx->how, sizeof nx->how, "none");
	return nx->dose <= ZERO;
}

static void gen_computed(struct builder *b)
{
	const struct wn_taper_params *p = b->p;
	char how[WN_TAPER_HOW];
	describe(&b->r, p->from_dose, how, sizeof how);
	add_step(b, p->start, p->from_dose, how, false);
	double cur = p->from_dose;
	for (int k = 1; b->out->n < b->cap; k++) {
		struct next nx;
		bool end = next_step(b, k, cur, &nx);
		add_step(b, p->start + (wn_date)k * p->every_days, nx.dose, nx.how,
		         nx.warn);
		if (end)
			return;
		cur = nx.dose;
	}
	b->out->truncated = true;
}

static void gen_custom(struct builder *b)
{
	const struct wn_taper_params *p = b->p;
	char how[WN_TAPER_HOW];
	describe(&b->r, p->from_dose, how, sizeof how);
	add_step(b, p->start, p->from_dose, how, false);
	int i = 0;
	for (; i < p->n_custom && b->out->n < b->cap; i++) {
		describe(&b->r, p->custom[i].dose, how, sizeof how);
		add_step(b, p->custom[i].date, p->custom[i].dose, how, false);
	}
	b->out->truncated = i < p->n_custom;
}

static void apply_hold(struct wn_schedule *s, const struct wn_hold *h)
{
	bool open = h->end == WN_DATE_NONE;
	if (open)
		s->hold_since = h->start;
	for (int i = 1; i < s->n_dated; i++) {
		if (s->steps[i].date < h->start)
			continue;
		if (!open) {
			s->steps[i].date += h->end - h->start;
			continue;
		}
		for (int j = i; j < s->n; j++)
			s->steps[j].date = WN_DATE_NONE;
		s->n_dated = i;
		return;
	}
}

int wn_taper_build(const struct wn_taper_params *p, struct wn_schedule *out,
                   struct wn_err *err)
{
	if (!out)
		return wn_err_set(err, WN_USAGE, "no schedule to fill");
	memset(out, 0, sizeof *out);
	out->hold_since = WN_DATE_NONE;
	int rc = check_params(p, err);
	struct wn_hold *holds = NULL;
	if (rc == WN_OK)
		rc = sorted_holds(p, &holds, err);
	if (rc != WN_OK)
		return rc;
	struct builder b = {
		.p = p, .out = out,
		.r = { .quantum = p->round_q, .forms = p->forms, .n_forms = p->n_forms },
		.cap = p->max_steps ? p->max_steps : WN_TAPER_MAX_STEPS,
		.has_occ = p->emax > 0 && p->ed50 > 0,
	};
	b.occ0 = b.has_occ ? wn_taper_occupancy(p->from_dose, p->emax, p->ed50) : NAN;
	out->steps = calloc((size_t)b.cap, sizeof *out->steps);
	if (!out->steps) {
		free(holds);
		return wn_err_set(err, WN_ERR, "out of memory");
	}
	if (p->method == WN_TAPER_CUSTOM)
		gen_custom(&b);
	else
		gen_computed(&b);
	for (int i = 0; i < p->n_holds; i++)
		apply_hold(out, &holds[i]);
	free(holds);
	return WN_OK;
}

void wn_taper_free(struct wn_schedule *s)
{
	if (!s)
		return;
	free(s->steps);
	memset(s, 0, sizeof *s);
	s->hold_since = WN_DATE_NONE;
}

/* ---- reading a schedule ------------------------------------------------------------------- */

int wn_taper_step_at(const struct wn_schedule *s, wn_date day)
{
	if (!s || !s->steps || s->n_dated <= 0 || day < s->steps[0].date)
		return -1;
	int lo = 0, hi = s->n_dated - 1;   /* steps[lo].date <= day */
	while (lo < hi) {
		int mid = lo + (hi - lo + 1) / 2;
		if (s->steps[mid].date <= day)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo;
}

double wn_taper_dose_on(const struct wn_schedule *s, wn_date day)
{
	int i = wn_taper_step_at(s, day);
	return i < 0 ? NAN : s->steps[i].dose;
}

int wn_taper_next_step(const struct wn_schedule *s, wn_date day)
{
	if (!s || !s->steps)
		return -1;
	int i = wn_taper_step_at(s, day) + 1;
	return i < s->n_dated ? i : -1;
}

bool wn_taper_on_hold(const struct wn_schedule *s, wn_date day)
{
	return s && s->hold_since != WN_DATE_NONE && day >= s->hold_since;
}
