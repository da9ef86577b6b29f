/* SPDX-License-Identifier: GPL-3.0-or-later */
/* drugref_int.h -- private to drugref*.c: the handle, and the checks and
 * parsers that the whole read (drugref.c, through iniparser) and the
 * one-drug read (drugref_read.c, one pass over the bytes) share, so both
 * give the same values and the same messages.  See core/drugref.h. */
#ifndef WEAN_CORE_DRUGREF_INT_H
#define WEAN_CORE_DRUGREF_INT_H

#include <ctype.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "core/drugref.h"

#define DR_MAX_FILE (1024L * 1024L)
#define DR_MAX_LINE 1000            /* bytes of a line, without its '\n' */
#define DR_MAX_CLASSES 8
#define DR_CLASS_PREFIX "class_"
#define DR_SOURCES "sources"

struct dr_source {
	char id[WN_DRUG_SRC_ID];
	char *text;
};

/* A [class_NAME] section: the classes it lists and their pace. */
struct dr_class {
	char classes[200];              /* "SSRI | SNRI | ..." */
	struct wn_drug_pace pace;
};

struct wn_drugref {
	struct wn_drug *drugs;
	size_t n_drugs;
	char (*names)[WN_DRUG_NAME];    /* wn_drugref_open_only: every drug
	                                   section's name, for suggestions */
	size_t n_names;
	struct dr_source *sources;
	size_t n_sources;
	size_t n_classes;
	struct dr_class classes[DR_MAX_CLASSES];   /* last: zeroed as parsed */
};

/* One section being parsed: where its values come from (get gives the
 * value of a key of section sec, NULL when absent) and what messages
 * name ("path:sec.key: problem"). */
struct dr_ctx {
	const char *path;
	const char *sec;
	const char *(*get)(const struct dr_ctx *c, const char *key);
	const void *src;                /* get's data */
	struct wn_err *err;
};

/* isspace() as iniparser applies it, without a call for the printable
 * ASCII bytes, which POSIX keeps out of the space class in every locale. */
static inline bool dr_blank(unsigned char c)
{
	return (c <= ' ' || c >= 0x7f) && isspace(c);
}

/* What a line of the file is, as iniparser 4.1 would take it. */
enum dr_line {
	DR_LINE_SKIP,                   /* empty or a comment */
	DR_LINE_SECTION,                /* [name] */
	DR_LINE_PAIR,                   /* key = value */
	DR_LINE_BAD                     /* anything else (a continuation too) */
};

/* The whole file into *buf (NUL-terminated, the caller frees it). */
int dr_read_all(const char *path, char **buf, size_t *len, struct wn_err *err);
/* The kind of the line [*ps, *pe); for a section or a pair, [*ps, *pe) is
 * trimmed of blanks in place.  Inline: both reads run it on every line. */
static inline enum dr_line dr_line_kind(const char **ps, const char **pe)
{
	const char *s = *ps, *e = *pe;
	while (s < e && dr_blank((unsigned char)*s))
		s++;
	if (s == e || *s == ';' || *s == '#')
		return DR_LINE_SKIP;
	while (dr_blank((unsigned char)e[-1]))
		e--;                     /* stops at *s, which is not blank */
	*ps = s;
	*pe = e;
	if (e[-1] == '\\')
		return DR_LINE_BAD;      /* continuation lines are not used */
	if (*s == '[')
		return e - s > 2 && e[-1] == ']' && s[1] != ']' ? DR_LINE_SECTION : DR_LINE_BAD;
	const char *eq = memchr(s, '=', (size_t)(e - s));
	return eq && eq > s ? DR_LINE_PAIR : DR_LINE_BAD;
}
/* WN_DATAERR "path: not a text file" when buf holds a NUL byte. */
int dr_check_text(const char *buf, size_t len, const char *path,
                  struct wn_err *err);
/* WN_DATAERR for line number `line` of path: longer than DR_MAX_LINE
 * (too_long) or of kind DR_LINE_BAD. */
int dr_bad_line(const char *path, int line, bool too_long, struct wn_err *err);
/* A drug section into *d (zeroed first); a class section appended to
 * ref->classes. */
int dr_parse_drug(const struct dr_ctx *c, struct wn_drug *d);
int dr_parse_class(const struct dr_ctx *c, struct wn_drugref *ref);
/* "path:sec.key: what" (WN_DATAERR). */
int dr_bad_value(const struct dr_ctx *c, const char *key, const char *what);
/* Gives every drug the pace of the first class section listing its class. */
void dr_attach_paces(struct wn_drugref *ref);
/* qsort's order of drugs: by name (strcmp). */
int dr_drug_cmp(const void *a, const void *b);

#endif
