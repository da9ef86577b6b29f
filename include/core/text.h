/* SPDX-License-Identifier: GPL-3.0-or-later */
/* text.h -- UTF-8 text: decoding, validation (names, labels, notes),
 * case folding, terminal-safe display, widths, truncation, cursor
 * movement, numbers as text.  Word wrap is core/wrap.h, "did you mean"
 * core/suggest.h, the string buffer core/buf.h.
 *
 * Pure and curses-free.  The module decodes UTF-8 itself (the one decoder
 * of core and db) and takes widths, case folding and normalisation from
 * utf8proc (widths follow its Unicode version), so nothing here depends on
 * the locale: callers may still setlocale() for curses.
 *
 * Decoding rule used everywhere: a well-formed UTF-8 sequence is one code
 * point; every byte that does not start one (stray continuation bytes,
 * truncated sequences, overlongs, surrogates, values above U+10FFFF, 0xF8..)
 * is one invalid unit of its own, one display column wide.
 *
 * Display rule (sanitizing): what reaches the terminal is valid UTF-8 with no
 * C0 or C1 control character, no DEL and no bidi embedding/override/isolate
 * (U+202A..U+202E, U+2066..U+2069).  Each of those, and each invalid byte,
 * becomes one visible replacement (U+FFFD, or '?' in ASCII mode); a tab
 * becomes a space; a newline is kept or becomes a space.  Every width below
 * is the width of that sanitized form, so width, fit, pad and wrap agree
 * with what sanitize prints.  wean's own rule beside utf8proc's widths:
 * control and bidi characters and invalid bytes take one column (the
 * replacement's).
 */
#ifndef WEAN_TEXT_H
#define WEAN_TEXT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/status.h"

#define WN_TEXT_NOTE_MAX 65536   /* bytes in a note */
#define WN_TEXT_NAME_MAX 64      /* bytes in a symptom/medication/metric name */
#define WN_TEXT_INVALID  (-1)    /* code point of an invalid byte */

/* Display flags (combine with |). */
enum wn_text_flag {
	WN_TEXT_KEEP_NL      = 1u << 0, /* keep '\n' (else it becomes ' ') */
	WN_TEXT_ASCII        = 1u << 1, /* printable ASCII only: transliterate */
	WN_TEXT_ALIGN_RIGHT  = 1u << 2, /* wn_text_pad: pad on the left */
	WN_TEXT_ALIGN_CENTER = 1u << 3, /* wn_text_pad: pad both sides */
};

/* ---- UTF-8 ----------------------------------------------------------- */

/* Decode the character at s[0..len).  Returns the bytes it takes (1..4;
 * 0 only when len is 0) and stores the code point, or WN_TEXT_INVALID for
 * an invalid byte (which then takes exactly 1 byte). */
size_t wn_text_decode(const char *s, size_t len, int32_t *cp);
/* Encode cp into out (no NUL added).  Returns 1..4, or 0 for a surrogate,
 * a negative value or one above U+10FFFF. */
size_t wn_text_encode(int32_t cp, char out[4]);
/* Strict UTF-8: no overlongs, no surrogates, nothing above U+10FFFF.
 * NUL bytes inside len are valid (U+0000). */
bool wn_text_valid_utf8(const char *s, size_t len);
/* Offset of the first invalid byte in s[0..len), or len if none. */
size_t wn_text_utf8_error(const char *s, size_t len);
/* The length of the longest prefix of s[0..len) of at most max bytes that
 * does not end inside a UTF-8 sequence (for cutting text to a buffer). */
size_t wn_text_prefix(const char *s, size_t len, size_t max);

/* ---- character classes and widths ------------------------------------ */

/* C0 (U+0000..U+001F, tab and newline included), DEL, C1 (U+0080..U+009F). */
bool wn_text_is_control(int32_t cp);
/* The above, or a bidi embedding, override or isolate (U+202A..U+202E,
 * U+2066..U+2069): replaced on display. */
bool wn_text_is_unsafe(int32_t cp);
/* Columns of one code point as displayed: utf8proc_charwidth() (0 for
 * combining marks, format and other zero-width characters, 2 for East Asian
 * wide/fullwidth and emoji, 1 otherwise), except WN_TEXT_INVALID and unsafe
 * characters, which are shown as a one-column replacement. */
int wn_text_cp_width(int32_t cp);
/* Display columns of a NUL-terminated string (newline counts 1, as in the
 * one-line form).  Never negative; saturates at INT_MAX. */
int wn_text_width(const char *s);
/* Same for s[0..len), measured as printed with `flags` (WN_TEXT_ASCII
 * changes widths: "—" is "--"). */
int wn_text_width_n(const char *s, size_t len, unsigned flags);
/* The character at s[0..len) in UTF-8 mode: one code point (or invalid
 * byte) with the zero-width code points after it (combining marks, ZWJ,
 * variation selectors).  Returns its bytes (0 only when len is 0) and
 * stores its display columns in *width. */
size_t wn_text_char(const char *s, size_t len, int *width);

/* ---- validation ------------------------------------------------------ */

/* What a piece of text may hold (every rule: valid UTF-8, no NUL). */
enum wn_text_kind {
	WN_TEXT_KIND_NAME,   /* a name, unit, group, setting key: one line,
	                        1..max bytes, no space at either end, no
	                        control, bidi control (embeddings, overrides,
	                        isolates) or invisible character (format
	                        characters other than the zero-width joiner and
	                        non-joiner, line and paragraph separators), and
	                        at least one visible column */
	WN_TEXT_KIND_LINE,   /* a label: one line, no control character */
	WN_TEXT_KIND_NOTE,   /* a note: newline and tab allowed, no other
	                        control character; bidi controls are allowed
	                        (neutralised on display) */
};

struct wn_text_rule {
	const char *what;        /* names the text in messages ("medication
	                            name", "note") */
	size_t max;              /* most bytes */
	enum wn_text_kind kind;
};

/* The one validator of names, labels and notes, for every layer: WN_OK,
 * or WN_DATAERR with a message naming r->what and the first problem --
 * empty (a name), longer than r->max bytes, not valid UTF-8 (the byte and
 * its offset), a NUL byte, a control, bidi control or invisible character
 * (the code point and its offset), a space at either end of a name, or a
 * name with nothing visible.  err may be NULL. */
int wn_text_check(const struct wn_text_rule *r, const char *s, size_t len,
                  struct wn_err *err);
/* A note as stored: wn_text_check with what "note", kind NOTE and max
 * max_bytes (0 means WN_TEXT_NOTE_MAX). */
int wn_text_check_note(const char *s, size_t len, size_t max_bytes,
                       struct wn_err *err);
/* Turn "\r\n" and lone "\r" into "\n" in place (text from $EDITOR or a
 * pasted file).  Returns the new length and writes a NUL there. s must have
 * room for len + 1 bytes. */
size_t wn_text_normalize_newlines(char *s, size_t len);
/* A symptom, medication or metric name as typed (NUL-terminated):
 * surrounding ASCII spaces are trimmed into out (outsz >= WN_TEXT_NAME_MAX
 * + 1 recommended); the rest is checked as a NAME of at most
 * WN_TEXT_NAME_MAX bytes (and what fits in out), offsets counted in s.
 * Returns WN_OK or WN_DATAERR (out is then ""); out may be NULL to check
 * only; err may be NULL. */
int wn_text_check_name(const char *s, char *out, size_t outsz,
                       struct wn_err *err);

/* ---- terminal-safe display ------------------------------------------- */

/* A malloc'd, NUL-terminated, terminal-safe copy of s[0..len) following the
 * display rule above (UTF-8 mode).  keep_newlines keeps '\n', otherwise
 * newlines become spaces.  Returns NULL only when out of memory; the caller
 * frees. */
char *wn_text_sanitize(const char *s, size_t len, bool keep_newlines);
/* Append the sanitized form of s[0..len) to b.  flags: WN_TEXT_KEEP_NL,
 * WN_TEXT_ASCII (then the output is printable ASCII plus, if kept, '\n':
 * common punctuation and Latin-1 letters are transliterated, "—" -> "--",
 * "“" -> '"', "…" -> "...", "é" -> "e"; combining marks are dropped; any
 * other non-ASCII character becomes '?').  Returns WN_OK or WN_ERR. */
int wn_text_sanitize_to(struct wn_buf *b, const char *s, size_t len,
                        unsigned flags);
/* wn_text_sanitize_to with WN_TEXT_ASCII | WN_TEXT_KEEP_NL, as a malloc'd
 * string (NULL when out of memory; the caller frees). */
char *wn_text_to_ascii(const char *s, size_t len);

/* Write into out (always NUL-terminated when outsz > 0) the sanitized
 * one-line form of s cut to at most cols columns and outsz - 1 bytes.
 * When anything is cut it ends with an ellipsis ("…", or "..." when ascii,
 * which also transliterates as WN_TEXT_ASCII does); when even the ellipsis
 * does not fit, as many '.' as fit.  Never splits a character or separates
 * a combining mark from its base.  Returns the columns written.
 * (Five parameters, kept as specified for its callers.) */
size_t wn_text_fit(const char *s, int cols, char *out, size_t outsz,
                   bool ascii);
/* Append s to b as exactly max(cols, 0) columns: cut as wn_text_fit does
 * when wider, else padded with spaces -- after the text by default, before
 * it with WN_TEXT_ALIGN_RIGHT, on both sides (extra space on the right)
 * with WN_TEXT_ALIGN_CENTER.  WN_TEXT_ASCII as for sanitize.  Returns the
 * columns appended, or -1 when out of memory. */
int wn_text_pad(struct wn_buf *b, const char *s, int cols, unsigned flags);

/* ---- cursor movement (the note editor) ------------------------------ */

/* Cursor steps in a NUL-terminated string, by whole characters: a
 * character is one code point (or invalid byte) together with the
 * zero-width code points after it (combining marks, ZWJ, variation
 * selectors), so backspace removes "e" + U+0301 in one go and never leaves
 * half a multi-byte sequence.  pos must be a character boundary.
 * prev_char returns 0 at 0; next_char returns pos at the terminating NUL. */
size_t wn_text_prev_char(const char *s, size_t pos);
size_t wn_text_next_char(const char *s, size_t pos);

/* ---- case folding ------------------------------------------------------ */

/* The code points of the NUL-terminated s case-folded as Unicode folds
 * case for comparisons ("Σ" and "ς" -> "σ", "ß" -> "ss"; Turkish dotless
 * "ı" stays itself) and normalised to NFC ("e" + U+0301 -> "é"), into
 * out: at most max of them, as many whole characters of s as fit.  An
 * invalid byte becomes 0x110000 + its value (no code point has it).
 * Stores the count in *n and returns the bytes of s folded (strlen(s)
 * when all of it fitted). */
size_t wn_text_fold(const char *s, int32_t *out, size_t max, size_t *n);
/* Do two names match as wean matches names (symptoms, medications): equal
 * once folded.  Strings too long to fold (over 4 * WN_TEXT_NAME_MAX code
 * points folded) match only when byte for byte equal. */
bool wn_text_same_name(const char *a, const char *b);

/* ---- numbers --------------------------------------------------------- */

/* v with up to `decimals` decimals and no trailing zeros ("37.5", "25",
 * "0.125"), "-" when not finite, never "-0"; returns buf. */
char *wn_text_num(double v, int decimals, char *buf, size_t n);

/* "%ld" of v written at the end of buf, without printf; returns where
 * it starts in buf. */
#define WN_TEXT_LONG 24
const char *wn_text_long(long v, char buf[WN_TEXT_LONG]);

/* How a step changes the dose before it, for a table's "cut" column:
 * "10.0%" (a cut), "up 50.0%" (a rise), "up from 0" (a dose that starts
 * at nothing), "0.0%" (the same dose), "-" when either is not finite;
 * returns buf. */
char *wn_text_step_change(double prev, double dose, char *buf, size_t n);

/* A percentage with `decimals` decimals and "%", or "-" when v is not
 * finite (e.g. the share of a starting dose of 0); returns buf. */
char *wn_text_pct(double v, int decimals, char *buf, size_t n);

#endif
