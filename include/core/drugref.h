/* SPDX-License-Identifier: GPL-3.0-or-later */
/* drugref.h -- the drug reference shipped with wean (data/drugs.ini).
 *
 * Reference data only, not medical advice: half-lives, SERT occupancy
 * parameters, forms on the market, approximate diazepam equivalents and
 * the sources of each.  Values marked in `approximate` are secondary,
 * derived or uncertain.  Sections [class_NAME] give the published pace of
 * reduction for the drug classes they list; at open it is copied into
 * every drug of those classes (struct wn_drug_pace).
 *
 * Usage: wn_datafile_find("drugs.ini") -> wn_drugref_open() (or
 * wn_drugref_open_only() for one drug) -> lookups -> wn_drugref_close().
 * The handle owns everything; no global state.  What a handle holds is
 * read and checked at open, so lookups cannot fail on bad data later.  No output is ever printed.
 */
#ifndef WEAN_DRUGREF_H
#define WEAN_DRUGREF_H

#include <stdbool.h>
#include <stddef.h>

#include "core/status.h"
#include "core/taper.h"

#define WN_DRUG_NAME 32
#define WN_DRUG_MAX_FORMS 16
#define WN_DRUG_SRC_ID 8

#define WN_DRUG_MAX_EQUIV 4
#define WN_DRUG_PACE_TEXT 160
#define WN_DRUG_SRC_LIST 48

/* A form that is not bioequivalent to tablets (the form_equiv key):
 * 1 mg of `form` acts like about `factor` mg of the tablets.  A form
 * matches when its kind and its strength (or concentration) are equal;
 * the label does not matter. */
struct wn_drug_equiv {
	struct wn_form form;
	double factor;                  /* > 0 */
};

/* Published pace for a drug class, from a [class_NAME] section: the
 * fastest reduction its sources describe, and what stopping abruptly
 * can do.  Numbers sit at the fast end of their sources' ranges.  A drug
 * whose class no section lists has an all-zero pace (name ""). */
struct wn_drug_pace {
	char name[32];                  /* NAME of [class_NAME], "" = none */
	double max_cut_pct;             /* largest cut, in % of the dose,
	                                   within per_days; 0 = no such rule */
	int per_days;                   /* > 0 when max_cut_pct is */
	int min_taper_days;             /* days from the first cut to 0 at
	                                   least; 0 = no such rule */
	char pace_by[WN_DRUG_PACE_TEXT];   /* who gives the pace, in words */
	char pace_src[WN_DRUG_SRC_LIST];   /* source ids, space-separated */
	char stop_hazard[WN_DRUG_PACE_TEXT]; /* abrupt stop or rapid cut can
	                                      ...; "" when none is listed */
	char stop_hazard_by[WN_DRUG_PACE_TEXT];
	char stop_hazard_src[WN_DRUG_SRC_LIST];
	bool approximate;               /* the pace numbers are secondary */
};

/* One drug, copied out of the file (plain data, no pointers). */
struct wn_drug {
	char name[WN_DRUG_NAME];        /* lower-case, e.g. "sertraline" */
	char drug_class[48];            /* "SSRI", "benzodiazepine", ... */
	char half_life_h[24];           /* text as in the file ("27-32"), "" unknown */
	char metabolite_half_life_h[24];/* active metabolite, "" unknown */
	bool has_sert;                  /* Emax and ED50 known */
	double emax;                    /* % (may exceed 100: fit artefact) */
	double ed50;                    /* mg/day */
	double max_dose;                /* mg, highest dose of the fit; 0 unknown */
	char region[32];                /* brain region of emax/ed50 */
	char sert_alt[160];             /* other regions "region:emax/ed50 | ..." */
	struct wn_form forms[WN_DRUG_MAX_FORMS];
	int n_forms;
	double diazepam_equiv;          /* mg equal to 10 mg diazepam; the low
	                                   end of a range ("1-2" -> 1); 0 = none */
	double diazepam_equiv_hi;       /* high end (== diazepam_equiv if single) */
	char diazepam_equiv_text[16];   /* as in the file, "" when none */
	char diazepam_equiv_va[16];     /* VA/DoD column, text, "" when none */
	char approximate[160];          /* space-separated keys, e.g.
	                                   "half_life_h sert_emax_pct forms" */
	char src[160];                  /* "half_life_h:S11 sert:S3,S2 ..." */
	char note[400];                 /* short remarks, "" when none */
	struct wn_drug_equiv equiv[WN_DRUG_MAX_EQUIV]; /* form_equiv key */
	int n_equiv;
	struct wn_drug_pace pace;       /* of its class, see above */
};

struct wn_drugref;

/* Reads and checks the file at path.  Returns WN_OK and a handle in *out;
 * WN_NOINPUT when the file cannot be opened; WN_DATAERR when it is not a
 * valid drug reference ("path:section.key: problem" or "path:LINE: ...";
 * every source a drug cites in src must be listed in [sources]);
 * WN_ERR when out of memory.  *out is NULL on failure. */
int wn_drugref_open(const char *path, struct wn_drugref **out,
                    struct wn_err *err);
/* The same for one drug, at a quarter of the cost (a TUI start looks up
 * only the diary's medications): one pass over the file's bytes checks
 * its lines as above and takes, as iniparser would, only the keys of the
 * section [name] (any case, blanks ignored) and of the [class_NAME]
 * sections; [sources] and the citations are not read (the unit tests
 * check the shipped file whole).  A lookup of name gives what
 * wn_drugref_open's would; any other name is unknown, with the same "did
 * you mean" hint (every drug's name is kept).  Errors as above for the
 * lines and the sections read, but a file without name is not one (its
 * lookups fail). */
int wn_drugref_open_only(const char *path, const char *name, struct wn_drugref **out,
                         struct wn_err *err);
/* Frees the handle (NULL is fine). */
void wn_drugref_close(struct wn_drugref *ref);

/* Case-insensitive lookup (surrounding blanks ignored).  WN_OK and *out
 * filled; WN_NOINPUT "unknown drug" with a "did you mean" hint when a
 * close name exists. */
int wn_drugref_lookup(const struct wn_drugref *ref, const char *name,
                      struct wn_drug *out, struct wn_err *err);

/* Is `key` (e.g. "sert_emax_pct") listed in d->approximate? */
bool wn_drugref_is_approximate(const struct wn_drug *d, const char *key);

/* The source ids d->src gives for one key ("sert", "forms", "form_equiv"),
 * space-separated into buf ("S3 S2"); "" when it names none.  Returns the
 * number of ids written. */
int wn_drugref_src_of(const struct wn_drug *d, const char *key, char *buf,
                      size_t n);

/* Tablet-equivalent mg per mg of form f (form_equiv); 1 when d is NULL or
 * lists no factor for f. */
double wn_drugref_form_factor(const struct wn_drug *d, const struct wn_form *f);

#endif
