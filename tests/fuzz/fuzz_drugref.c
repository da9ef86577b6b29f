/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_drugref.c -- libFuzzer harness: the drug reference read two ways,
 * whole (wn_drugref_open, through iniparser) and one drug at a time
 * (wn_drugref_open_only, its own pass over the bytes).
 *
 * The input is written to drugs.ini and read whole; then, for each section
 * name in it (and the name less its last byte, and a few fixed names), one
 * drug at a time.  Checked: when the whole read succeeds, so does every
 * one-drug read, and a lookup of the name gives the same status, message,
 * hint and bytes of struct wn_drug from both; when the whole read refuses
 * a line (or the file), every one-drug read refuses it with the same
 * status and message.  A section the one-drug read does not read may break
 * only the whole read.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/drugref.h"
#include "fuzz_common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_NAMES 24

static char ini_path[1200];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	wn_fuzz_init();
	snprintf(ini_path, sizeof ini_path, "%s", wn_fuzz_path("drugs.ini"));
	return 0;
}

/* The names to read: what follows '[' at the start of a line (after
 * blanks) up to ']', '\n' or 40 bytes, and each less its last byte. */
static size_t names_of(const uint8_t *data, size_t size, char names[][48])
{
	static const char *const fixed[] = { "sertraline", "", "sources", "class_x" };
	size_t n = 0;
	for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
		snprintf(names[n++], 48, "%s", fixed[i]);
	for (size_t i = 0; i < size && n + 2 <= MAX_NAMES; i++) {
		if (i > 0 && data[i - 1] != '\n')
			continue;
		size_t j = i;
		while (j < size && (data[j] == ' ' || data[j] == '\t'))
			j++;
		if (j >= size || data[j] != '[')
			continue;
		size_t l = 0;
		while (j + 1 + l < size && l < 40 && data[j + 1 + l] != ']' &&
		       data[j + 1 + l] != '\n' && data[j + 1 + l] != '\0')
			l++;
		memcpy(names[n], data + j + 1, l);
		names[n++][l] = '\0';
		snprintf(names[n], 48, "%.*s", l ? (int)l - 1 : 0, names[n - 1]);
		n++;
	}
	return n;
}

/* Does the message refuse a line or the whole file (checked before any
 * section is read)? */
static bool line_error(const char *msg)
{
	size_t l = strlen(ini_path);
	if (strncmp(msg, ini_path, l) != 0)
		return true;            /* cannot open, too large... */
	const char *p = msg + l + (msg[l] == ':'), *d = p;
	while (*d >= '0' && *d <= '9')
		d++;
	if (msg[l] == ':' && d > p)      /* "path:LINE: ..." exactly */
		return strcmp(d, ": line too long") == 0 ||
		       strcmp(d, ": not a [section], key = value or comment line") == 0;
	return strcmp(msg + l, ": not a text file") == 0;
}

static void same_lookup(const struct wn_drugref *whole, const struct wn_drugref *one,
                        const char *name)
{
	struct wn_drug a, b;
	struct wn_err ea = { 0 }, eb = { 0 };
	memset(&a, 0, sizeof a);
	memset(&b, 0, sizeof b);
	int ra = wn_drugref_lookup(whole, name, &a, &ea);
	int rb = wn_drugref_lookup(one, name, &b, &eb);
	WN_FUZZ_CHECK(ra == rb, "[%s]: lookup %d against %d", name, ra, rb);
	WN_FUZZ_CHECK(strcmp(ea.msg, eb.msg) == 0, "[%s]: '%s' against '%s'", name, ea.msg,
	              eb.msg);
	WN_FUZZ_CHECK(strcmp(ea.hint, eb.hint) == 0, "[%s]: hint '%s' against '%s'", name,
	              ea.hint, eb.hint);
	WN_FUZZ_CHECK(memcmp(&a, &b, sizeof a) == 0, "[%s]: not the same drug", name);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char names[MAX_NAMES][48];
	struct wn_drugref *whole = NULL;
	struct wn_err werr = { 0 };
	wn_fuzz_write_file(ini_path, data, size);
	int wrc = wn_drugref_open(ini_path, &whole, &werr);
	size_t n = names_of(data, size, names);
	for (size_t i = 0; i < n; i++) {
		struct wn_drugref *one = NULL;
		struct wn_err oerr = { 0 };
		int orc = wn_drugref_open_only(ini_path, names[i], &one, &oerr);
		if (wrc == WN_OK) {
			WN_FUZZ_CHECK(orc == WN_OK, "[%s]: the whole read opens, this gives %d: %s",
			              names[i], orc, oerr.msg);
			same_lookup(whole, one, names[i]);
		} else if (line_error(werr.msg)) {
			WN_FUZZ_CHECK(orc == wrc && strcmp(oerr.msg, werr.msg) == 0,
			              "[%s]: '%s' against '%s'", names[i], werr.msg, oerr.msg);
		}
		WN_FUZZ_CHECK((orc == WN_OK) == (one != NULL), "[%s]: a handle with %d", names[i], orc);
		wn_drugref_close(one);
	}
	wn_drugref_close(whole);
	return 0;
}
