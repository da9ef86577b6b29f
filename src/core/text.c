/* text.c -- UTF-8 text: validation, terminal-safe display, widths, wrap,
 * cursor steps, string buffers and "did you mean" suggestions.
 *
 * No locale and no wcwidth: the decoder and the width tables below make
 * results the same in every environment.  The tables were derived from the
 * Unicode Character Database 14.0 (categories Mn, Me and Cf other than the
 * soft hyphen and the prepended concatenation marks, plus the Hangul jamo
 * vowels and finals, are zero-width; East_Asian_Width W and F, the CJK
 * ideograph planes, U+3248..U+324F and U+4DC0..U+4DFF are wide); unassigned
 * gaps inside a range take the range's width.  They agree with glibc 2.36's
 * wcwidth for every code point glibc assigns a width to.
 */
#include "core/text.h"

#include <limits.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct wn_range {
	uint32_t lo, hi;
};

static const struct wn_range zero_width[] = {
	{0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x05BF, 0x05BF},
	{0x05C1, 0x05C2}, {0x05C4, 0x05C5}, {0x05C7, 0x05C7}, {0x0610, 0x061A},
	{0x061C, 0x061C}, {0x064B, 0x065F}, {0x0670, 0x0670}, {0x06D6, 0x06DC},
	{0x06DF, 0x06E4}, {0x06E7, 0x06E8}, {0x06EA, 0x06ED}, {0x0711, 0x0711},
	{0x0730, 0x074A}, {0x07A6, 0x07B0}, {0x07EB, 0x07F3}, {0x07FD, 0x07FD},
	{0x0816, 0x0819}, {0x081B, 0x0823}, {0x0825, 0x0827}, {0x0829, 0x082D},
	{0x0859, 0x085B}, {0x0898, 0x089F}, {0x08CA, 0x08E1}, {0x08E3, 0x0902},
	{0x093A, 0x093A}, {0x093C, 0x093C}, {0x0941, 0x0948}, {0x094D, 0x094D},
	{0x0951, 0x0957}, {0x0962, 0x0963}, {0x0981, 0x0981}, {0x09BC, 0x09BC},
	{0x09C1, 0x09C4}, {0x09CD, 0x09CD}, {0x09E2, 0x09E3}, {0x09FE, 0x0A02},
	{0x0A3C, 0x0A3C}, {0x0A41, 0x0A51}, {0x0A70, 0x0A71}, {0x0A75, 0x0A75},
	{0x0A81, 0x0A82}, {0x0ABC, 0x0ABC}, {0x0AC1, 0x0AC8}, {0x0ACD, 0x0ACD},
	{0x0AE2, 0x0AE3}, {0x0AFA, 0x0B01}, {0x0B3C, 0x0B3C}, {0x0B3F, 0x0B3F},
	{0x0B41, 0x0B44}, {0x0B4D, 0x0B56}, {0x0B62, 0x0B63}, {0x0B82, 0x0B82},
	{0x0BC0, 0x0BC0}, {0x0BCD, 0x0BCD}, {0x0C00, 0x0C00}, {0x0C04, 0x0C04},
	{0x0C3C, 0x0C3C}, {0x0C3E, 0x0C40}, {0x0C46, 0x0C56}, {0x0C62, 0x0C63},
	{0x0C81, 0x0C81}, {0x0CBC, 0x0CBC}, {0x0CBF, 0x0CBF}, {0x0CC6, 0x0CC6},
	{0x0CCC, 0x0CCD}, {0x0CE2, 0x0CE3}, {0x0D00, 0x0D01}, {0x0D3B, 0x0D3C},
	{0x0D41, 0x0D44}, {0x0D4D, 0x0D4D}, {0x0D62, 0x0D63}, {0x0D81, 0x0D81},
	{0x0DCA, 0x0DCA}, {0x0DD2, 0x0DD6}, {0x0E31, 0x0E31}, {0x0E34, 0x0E3A},
	{0x0E47, 0x0E4E}, {0x0EB1, 0x0EB1}, {0x0EB4, 0x0EBC}, {0x0EC8, 0x0ECD},
	{0x0F18, 0x0F19}, {0x0F35, 0x0F35}, {0x0F37, 0x0F37}, {0x0F39, 0x0F39},
	{0x0F71, 0x0F7E}, {0x0F80, 0x0F84}, {0x0F86, 0x0F87}, {0x0F8D, 0x0FBC},
	{0x0FC6, 0x0FC6}, {0x102D, 0x1030}, {0x1032, 0x1037}, {0x1039, 0x103A},
	{0x103D, 0x103E}, {0x1058, 0x1059}, {0x105E, 0x1060}, {0x1071, 0x1074},
	{0x1082, 0x1082}, {0x1085, 0x1086}, {0x108D, 0x108D}, {0x109D, 0x109D},
	{0x1160, 0x11FF}, {0x135D, 0x135F}, {0x1712, 0x1714}, {0x1732, 0x1733},
	{0x1752, 0x1753}, {0x1772, 0x1773}, {0x17B4, 0x17B5}, {0x17B7, 0x17BD},
	{0x17C6, 0x17C6}, {0x17C9, 0x17D3}, {0x17DD, 0x17DD}, {0x180B, 0x180F},
	{0x1885, 0x1886}, {0x18A9, 0x18A9}, {0x1920, 0x1922}, {0x1927, 0x1928},
	{0x1932, 0x1932}, {0x1939, 0x193B}, {0x1A17, 0x1A18}, {0x1A1B, 0x1A1B},
	{0x1A56, 0x1A56}, {0x1A58, 0x1A60}, {0x1A62, 0x1A62}, {0x1A65, 0x1A6C},
	{0x1A73, 0x1A7F}, {0x1AB0, 0x1B03}, {0x1B34, 0x1B34}, {0x1B36, 0x1B3A},
	{0x1B3C, 0x1B3C}, {0x1B42, 0x1B42}, {0x1B6B, 0x1B73}, {0x1B80, 0x1B81},
	{0x1BA2, 0x1BA5}, {0x1BA8, 0x1BA9}, {0x1BAB, 0x1BAD}, {0x1BE6, 0x1BE6},
	{0x1BE8, 0x1BE9}, {0x1BED, 0x1BED}, {0x1BEF, 0x1BF1}, {0x1C2C, 0x1C33},
	{0x1C36, 0x1C37}, {0x1CD0, 0x1CD2}, {0x1CD4, 0x1CE0}, {0x1CE2, 0x1CE8},
	{0x1CED, 0x1CED}, {0x1CF4, 0x1CF4}, {0x1CF8, 0x1CF9}, {0x1DC0, 0x1DFF},
	{0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x206F}, {0x20D0, 0x20F0},
	{0x2CEF, 0x2CF1}, {0x2D7F, 0x2D7F}, {0x2DE0, 0x2DFF}, {0x302A, 0x302D},
	{0x3099, 0x309A}, {0xA66F, 0xA672}, {0xA674, 0xA67D}, {0xA69E, 0xA69F},
	{0xA6F0, 0xA6F1}, {0xA802, 0xA802}, {0xA806, 0xA806}, {0xA80B, 0xA80B},
	{0xA825, 0xA826}, {0xA82C, 0xA82C}, {0xA8C4, 0xA8C5}, {0xA8E0, 0xA8F1},
	{0xA8FF, 0xA8FF}, {0xA926, 0xA92D}, {0xA947, 0xA951}, {0xA980, 0xA982},
	{0xA9B3, 0xA9B3}, {0xA9B6, 0xA9B9}, {0xA9BC, 0xA9BD}, {0xA9E5, 0xA9E5},
	{0xAA29, 0xAA2E}, {0xAA31, 0xAA32}, {0xAA35, 0xAA36}, {0xAA43, 0xAA43},
	{0xAA4C, 0xAA4C}, {0xAA7C, 0xAA7C}, {0xAAB0, 0xAAB0}, {0xAAB2, 0xAAB4},
	{0xAAB7, 0xAAB8}, {0xAABE, 0xAABF}, {0xAAC1, 0xAAC1}, {0xAAEC, 0xAAED},
	{0xAAF6, 0xAAF6}, {0xABE5, 0xABE5}, {0xABE8, 0xABE8}, {0xABED, 0xABED},
	{0xD7B0, 0xD7FF}, {0xFB1E, 0xFB1E}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F},
	{0xFEFF, 0xFEFF}, {0xFFF9, 0xFFFB}, {0x101FD, 0x101FD}, {0x102E0, 0x102E0},
	{0x10376, 0x1037A}, {0x10A01, 0x10A0F}, {0x10A38, 0x10A3F},
	{0x10AE5, 0x10AE6}, {0x10D24, 0x10D27}, {0x10EAB, 0x10EAC},
	{0x10F46, 0x10F50}, {0x10F82, 0x10F85}, {0x11001, 0x11001},
	{0x11038, 0x11046}, {0x11070, 0x11070}, {0x11073, 0x11074},
	{0x1107F, 0x11081}, {0x110B3, 0x110B6}, {0x110B9, 0x110BA},
	{0x110C2, 0x110C2}, {0x11100, 0x11102}, {0x11127, 0x1112B},
	{0x1112D, 0x11134}, {0x11173, 0x11173}, {0x11180, 0x11181},
	{0x111B6, 0x111BE}, {0x111C9, 0x111CC}, {0x111CF, 0x111CF},
	{0x1122F, 0x11231}, {0x11234, 0x11234}, {0x11236, 0x11237},
	{0x1123E, 0x1123E}, {0x112DF, 0x112DF}, {0x112E3, 0x112EA},
	{0x11300, 0x11301}, {0x1133B, 0x1133C}, {0x11340, 0x11340},
	{0x11366, 0x11374}, {0x11438, 0x1143F}, {0x11442, 0x11444},
	{0x11446, 0x11446}, {0x1145E, 0x1145E}, {0x114B3, 0x114B8},
	{0x114BA, 0x114BA}, {0x114BF, 0x114C0}, {0x114C2, 0x114C3},
	{0x115B2, 0x115B5}, {0x115BC, 0x115BD}, {0x115BF, 0x115C0},
	{0x115DC, 0x115DD}, {0x11633, 0x1163A}, {0x1163D, 0x1163D},
	{0x1163F, 0x11640}, {0x116AB, 0x116AB}, {0x116AD, 0x116AD},
	{0x116B0, 0x116B5}, {0x116B7, 0x116B7}, {0x1171D, 0x1171F},
	{0x11722, 0x11725}, {0x11727, 0x1172B}, {0x1182F, 0x11837},
	{0x11839, 0x1183A}, {0x1193B, 0x1193C}, {0x1193E, 0x1193E},
	{0x11943, 0x11943}, {0x119D4, 0x119DB}, {0x119E0, 0x119E0},
	{0x11A01, 0x11A0A}, {0x11A33, 0x11A38}, {0x11A3B, 0x11A3E},
	{0x11A47, 0x11A47}, {0x11A51, 0x11A56}, {0x11A59, 0x11A5B},
	{0x11A8A, 0x11A96}, {0x11A98, 0x11A99}, {0x11C30, 0x11C3D},
	{0x11C3F, 0x11C3F}, {0x11C92, 0x11CA7}, {0x11CAA, 0x11CB0},
	{0x11CB2, 0x11CB3}, {0x11CB5, 0x11CB6}, {0x11D31, 0x11D45},
	{0x11D47, 0x11D47}, {0x11D90, 0x11D91}, {0x11D95, 0x11D95},
	{0x11D97, 0x11D97}, {0x11EF3, 0x11EF4}, {0x13430, 0x13438},
	{0x16AF0, 0x16AF4}, {0x16B30, 0x16B36}, {0x16F4F, 0x16F4F},
	{0x16F8F, 0x16F92}, {0x16FE4, 0x16FE4}, {0x1BC9D, 0x1BC9E},
	{0x1BCA0, 0x1CF46}, {0x1D167, 0x1D169}, {0x1D173, 0x1D182},
	{0x1D185, 0x1D18B}, {0x1D1AA, 0x1D1AD}, {0x1D242, 0x1D244},
	{0x1DA00, 0x1DA36}, {0x1DA3B, 0x1DA6C}, {0x1DA75, 0x1DA75},
	{0x1DA84, 0x1DA84}, {0x1DA9B, 0x1DAAF}, {0x1E000, 0x1E02A},
	{0x1E130, 0x1E136}, {0x1E2AE, 0x1E2AE}, {0x1E2EC, 0x1E2EF},
	{0x1E8D0, 0x1E8D6}, {0x1E944, 0x1E94A}, {0xE0001, 0xE01EF},
};
static const struct wn_range wide[] = {
	{0x1100, 0x115F}, {0x231A, 0x231B}, {0x2329, 0x232A}, {0x23E9, 0x23EC},
	{0x23F0, 0x23F0}, {0x23F3, 0x23F3}, {0x25FD, 0x25FE}, {0x2614, 0x2615},
	{0x2648, 0x2653}, {0x267F, 0x267F}, {0x2693, 0x2693}, {0x26A1, 0x26A1},
	{0x26AA, 0x26AB}, {0x26BD, 0x26BE}, {0x26C4, 0x26C5}, {0x26CE, 0x26CE},
	{0x26D4, 0x26D4}, {0x26EA, 0x26EA}, {0x26F2, 0x26F3}, {0x26F5, 0x26F5},
	{0x26FA, 0x26FA}, {0x26FD, 0x26FD}, {0x2705, 0x2705}, {0x270A, 0x270B},
	{0x2728, 0x2728}, {0x274C, 0x274C}, {0x274E, 0x274E}, {0x2753, 0x2755},
	{0x2757, 0x2757}, {0x2795, 0x2797}, {0x27B0, 0x27B0}, {0x27BF, 0x27BF},
	{0x2B1B, 0x2B1C}, {0x2B50, 0x2B50}, {0x2B55, 0x2B55}, {0x2E80, 0x3029},
	{0x302E, 0x303E}, {0x3041, 0x3096}, {0x309B, 0xA4C6}, {0xA960, 0xA97C},
	{0xAC00, 0xD7A3}, {0xF900, 0xFAFF}, {0xFE10, 0xFE19}, {0xFE30, 0xFE6B},
	{0xFF01, 0xFF60}, {0xFFE0, 0xFFE6}, {0x16FE0, 0x16FE3}, {0x16FF0, 0x1B2FB},
	{0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E},
	{0x1F191, 0x1F19A}, {0x1F200, 0x1F320}, {0x1F32D, 0x1F335},
	{0x1F337, 0x1F37C}, {0x1F37E, 0x1F393}, {0x1F3A0, 0x1F3CA},
	{0x1F3CF, 0x1F3D3}, {0x1F3E0, 0x1F3F0}, {0x1F3F4, 0x1F3F4},
	{0x1F3F8, 0x1F43E}, {0x1F440, 0x1F440}, {0x1F442, 0x1F4FC},
	{0x1F4FF, 0x1F53D}, {0x1F54B, 0x1F54E}, {0x1F550, 0x1F567},
	{0x1F57A, 0x1F57A}, {0x1F595, 0x1F596}, {0x1F5A4, 0x1F5A4},
	{0x1F5FB, 0x1F64F}, {0x1F680, 0x1F6C5}, {0x1F6CC, 0x1F6CC},
	{0x1F6D0, 0x1F6D2}, {0x1F6D5, 0x1F6DF}, {0x1F6EB, 0x1F6EC},
	{0x1F6F4, 0x1F6FC}, {0x1F7E0, 0x1F7F0}, {0x1F90C, 0x1F93A},
	{0x1F93C, 0x1F945}, {0x1F947, 0x1F9FF}, {0x1FA70, 0x1FAF6},
	{0x20000, 0x3FFFD},
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static bool in_ranges(const struct wn_range *r, size_t n, uint32_t cp)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cp < r[mid].lo)
			hi = mid;
		else if (cp > r[mid].hi)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

/* ---- UTF-8 ----------------------------------------------------------- */

/* Sequence length announced by a lead byte and its payload bits; 0 for a
 * byte that cannot start a well-formed sequence. */
static size_t lead_len(unsigned c, uint32_t *bits)
{
	if (c >= 0xC2 && c <= 0xDF) {
		*bits = c & 0x1F;
		return 2;
	}
	if (c >= 0xE0 && c <= 0xEF) {
		*bits = c & 0x0F;
		return 3;
	}
	if (c >= 0xF0 && c <= 0xF4) {
		*bits = c & 0x07;
		return 4;
	}
	return 0;
}

size_t wn_text_decode(const char *s, size_t len, int32_t *cp)
{
	static const uint32_t min[5] = { 0, 0, 0x80, 0x800, 0x10000 };
	const unsigned char *u = (const unsigned char *)s;
	uint32_t v = 0;

	*cp = WN_TEXT_INVALID;
	if (len == 0)
		return 0;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	size_t n = lead_len(u[0], &v);
	if (n == 0 || n > len)
		return 1;
	for (size_t i = 1; i < n; i++) {
		if ((u[i] & 0xC0) != 0x80)
			return 1;
		v = (v << 6) | (u[i] & 0x3F);
	}
	if (v < min[n] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 1;
	*cp = (int32_t)v;
	return n;
}

size_t wn_text_encode(int32_t cp, char out[4])
{
	uint32_t v = (uint32_t)cp;

	if (cp < 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	if (v < 0x80) {
		out[0] = (char)v;
		return 1;
	}
	if (v < 0x800) {
		out[0] = (char)(0xC0 | (v >> 6));
		out[1] = (char)(0x80 | (v & 0x3F));
		return 2;
	}
	if (v < 0x10000) {
		out[0] = (char)(0xE0 | (v >> 12));
		out[1] = (char)(0x80 | ((v >> 6) & 0x3F));
		out[2] = (char)(0x80 | (v & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (v >> 18));
	out[1] = (char)(0x80 | ((v >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((v >> 6) & 0x3F));
	out[3] = (char)(0x80 | (v & 0x3F));
	return 4;
}

size_t wn_text_utf8_error(const char *s, size_t len)
{
	size_t p = 0;

	while (p < len) {
		if ((unsigned char)s[p] < 0x80) {  /* fast path for ASCII */
			p++;
			continue;
		}
		int32_t cp;
		size_t n = wn_text_decode(s + p, len - p, &cp);
		if (cp == WN_TEXT_INVALID)
			return p;
		p += n;
	}
	return len;
}

bool wn_text_valid_utf8(const char *s, size_t len)
{
	return wn_text_utf8_error(s, len) == len;
}

/* ---- classes and widths ---------------------------------------------- */

bool wn_text_is_control(int32_t cp)
{
	return (cp >= 0 && cp < 0x20) || (cp >= 0x7F && cp <= 0x9F);
}

bool wn_text_is_bidi(int32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

bool wn_text_is_unsafe(int32_t cp)
{
	return wn_text_is_control(cp) || wn_text_is_bidi(cp);
}

int wn_text_cp_width(int32_t cp)
{
	if (cp < 0x300 || wn_text_is_unsafe(cp))
		return 1;  /* ASCII, Latin-1, invalid, or shown as a replacement */
	if (in_ranges(zero_width, NELEM(zero_width), (uint32_t)cp))
		return 0;
	if (in_ranges(wide, NELEM(wide), (uint32_t)cp))
		return 2;
	return 1;
}

static bool is_zero_width(int32_t cp)
{
	return cp >= 0 && wn_text_cp_width(cp) == 0;
}

/* ---- ASCII transliteration ------------------------------------------- */

struct translit {
	int32_t cp;
	const char *ascii;
};

/* Sorted by code point. */
static const struct translit translit_tab[] = {
	{0x00A0, " "}, {0x00A1, "!"}, {0x00A2, "c"}, {0x00A3, "GBP"},
	{0x00A9, "(c)"}, {0x00AB, "<<"}, {0x00AD, "-"}, {0x00AE, "(R)"},
	{0x00B0, "deg"}, {0x00B1, "+/-"}, {0x00B2, "2"}, {0x00B3, "3"},
	{0x00B5, "u"}, {0x00B7, "."}, {0x00B9, "1"}, {0x00BB, ">>"},
	{0x00BC, "1/4"}, {0x00BD, "1/2"}, {0x00BE, "3/4"}, {0x00BF, "?"},
	{0x0141, "L"}, {0x0142, "l"}, {0x0152, "OE"}, {0x0153, "oe"},
	{0x0160, "S"}, {0x0161, "s"}, {0x0178, "Y"}, {0x017D, "Z"},
	{0x017E, "z"}, {0x03BC, "u"},
	{0x2002, " "}, {0x2003, " "}, {0x2004, " "}, {0x2005, " "},
	{0x2006, " "}, {0x2007, " "}, {0x2008, " "}, {0x2009, " "},
	{0x200A, " "}, {0x2010, "-"}, {0x2011, "-"}, {0x2012, "-"},
	{0x2013, "-"}, {0x2014, "--"}, {0x2015, "--"}, {0x2018, "'"},
	{0x2019, "'"}, {0x201A, ","}, {0x201B, "'"}, {0x201C, "\""},
	{0x201D, "\""}, {0x201E, "\""}, {0x2022, "*"}, {0x2026, "..."},
	{0x202F, " "}, {0x2032, "'"}, {0x2033, "\""}, {0x2039, "<"},
	{0x203A, ">"}, {0x2044, "/"}, {0x205F, " "}, {0x20AC, "EUR"},
	{0x2122, "TM"}, {0x2190, "<-"}, {0x2191, "^"}, {0x2192, "->"},
	{0x2193, "v"}, {0x2212, "-"}, {0x2248, "~"}, {0x2260, "!="},
	{0x2264, "<="}, {0x2265, ">="}, {0x2500, "-"}, {0x2502, "|"},
	{0x3000, " "},
};

/* U+00C0..U+00FF, accents dropped. */
static const char *const latin1_letters[64] = {
	"A", "A", "A", "A", "A", "A", "AE", "C",
	"E", "E", "E", "E", "I", "I", "I", "I",
	"D", "N", "O", "O", "O", "O", "O", "x",
	"O", "U", "U", "U", "U", "Y", "TH", "ss",
	"a", "a", "a", "a", "a", "a", "ae", "c",
	"e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", "/",
	"o", "u", "u", "u", "u", "y", "th", "y",
};

/* ASCII for a safe non-ASCII code point: "" for zero-width ones. */
static const char *translit(int32_t cp)
{
	if (cp >= 0xC0 && cp <= 0xFF)
		return latin1_letters[cp - 0xC0];
	if (is_zero_width(cp))
		return "";
	size_t lo = 0, hi = NELEM(translit_tab);
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (translit_tab[mid].cp == cp)
			return translit_tab[mid].ascii;
		if (translit_tab[mid].cp < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return "?";
}

/* ---- display units --------------------------------------------------- */

/* One input character as displayed: the bytes to print (p may point into
 * the input or at a literal), their count and width, and the input taken. */
struct unit {
	const char *p;
	size_t n;
	int width;
	size_t used;
	int32_t cp;
};

static const char REPLACEMENT[] = "\xEF\xBF\xBD";  /* U+FFFD */

static void unit_lit(struct unit *u, const char *lit, int width)
{
	u->p = lit;
	u->n = strlen(lit);
	u->width = width;
}

static void unit_next(const char *s, size_t len, unsigned flags,
                      struct unit *u)
{
	u->used = wn_text_decode(s, len, &u->cp);
	u->p = s;
	u->n = u->used;
	u->width = 1;
	if (u->cp == '\n')
		unit_lit(u, (flags & WN_TEXT_KEEP_NL) ? "\n" : " ", 1);
	else if (u->cp == '\t')
		unit_lit(u, " ", 1);
	else if (u->cp == WN_TEXT_INVALID || wn_text_is_unsafe(u->cp))
		unit_lit(u, (flags & WN_TEXT_ASCII) ? "?" : REPLACEMENT, 1);
	else if (u->cp < 0x80)
		return;
	else if (flags & WN_TEXT_ASCII) {
		const char *t = translit(u->cp);
		unit_lit(u, t, (int)strlen(t));
	} else
		u->width = wn_text_cp_width(u->cp);
}

/* Measure one character: a unit and the zero-width units after it.  Only
 * p of the first unit is meaningful (the bytes need not be contiguous). */
static void cluster_next(const char *s, size_t len, unsigned flags,
                         struct unit *c)
{
	struct unit m;

	unit_next(s, len, flags, c);
	while (c->used < len) {
		unit_next(s + c->used, len - c->used, flags, &m);
		if (!is_zero_width(m.cp))
			break;
		c->used += m.used;
		c->n += m.n;
	}
}

int wn_text_width_n(const char *s, size_t len, unsigned flags)
{
	size_t pos = 0;
	long long w = 0;

	while (pos < len) {
		struct unit u;
		unit_next(s + pos, len - pos, flags, &u);
		w += u.width;
		pos += u.used;
	}
	return w > INT_MAX ? INT_MAX : (int)w;
}

int wn_text_width(const char *s)
{
	return s ? wn_text_width_n(s, strlen(s), 0) : 0;
}

/* ---- string buffer --------------------------------------------------- */

static char buf_empty[1];

void wn_buf_init(struct wn_buf *b)
{
	b->s = buf_empty;
	b->len = 0;
	b->cap = 0;
	b->failed = false;
}

void wn_buf_free(struct wn_buf *b)
{
	if (b->cap)
		free(b->s);
	wn_buf_init(b);
}

void wn_buf_reset(struct wn_buf *b)
{
	b->len = 0;
	b->failed = false;
	if (b->cap)
		b->s[0] = '\0';
	else
		b->s = buf_empty;
}

int wn_grow(void **arr, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return 0;
	size_t nc = *cap ? *cap * 2 : 16;
	if (nc > SIZE_MAX / size)
		return -1;
	void *p = realloc(*arr, nc * size);
	if (!p)
		return -1;
	*arr = p;
	*cap = nc;
	return 0;
}

/* Make room for extra more bytes plus the NUL. */
static int buf_grow(struct wn_buf *b, size_t extra)
{
	if (b->failed)
		return WN_ERR;
	if (b->cap && extra < b->cap - b->len)
		return WN_OK;
	if (extra > SIZE_MAX / 4 - b->len) {
		b->failed = true;
		return WN_ERR;
	}
	size_t need = b->len + extra + 1, cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap *= 2;
	char *p = realloc(b->cap ? b->s : NULL, cap);
	if (!p) {
		b->failed = true;
		return WN_ERR;
	}
	if (!b->cap)
		p[0] = '\0';
	b->s = p;
	b->cap = cap;
	return WN_OK;
}

int wn_buf_add(struct wn_buf *b, const char *s, size_t len)
{
	if (buf_grow(b, len) != WN_OK)
		return WN_ERR;
	if (len)
		memcpy(b->s + b->len, s, len);
	b->len += len;
	b->s[b->len] = '\0';
	return WN_OK;
}

int wn_buf_adds(struct wn_buf *b, const char *s)
{
	return wn_buf_add(b, s, strlen(s));
}

int wn_buf_addc(struct wn_buf *b, char c)
{
	return wn_buf_add(b, &c, 1);
}

int wn_buf_vaddf(struct wn_buf *b, const char *fmt, va_list ap)
{
	va_list ap2;

	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0 || buf_grow(b, (size_t)n) != WN_OK)
		return WN_ERR;
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	return WN_OK;
}

int wn_buf_addf(struct wn_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int rc = wn_buf_vaddf(b, fmt, ap);
	va_end(ap);
	return rc;
}

char *wn_buf_detach(struct wn_buf *b)
{
	char *s = NULL;

	if (!b->failed) {
		if (b->cap) {
			s = b->s;
			b->cap = 0;  /* so that wn_buf_free leaves it alone */
		} else {
			s = calloc(1, 1);
		}
	}
	wn_buf_free(b);
	return s;
}

static void buf_spaces(struct wn_buf *b, int n)
{
	static const char spaces[] = "                                ";

	while (n > 0) {
		int k = n < (int)sizeof spaces - 1 ? n : (int)sizeof spaces - 1;
		wn_buf_add(b, spaces, (size_t)k);
		n -= k;
	}
}

/* ---- sanitizing ------------------------------------------------------ */

int wn_text_sanitize_to(struct wn_buf *b, const char *s, size_t len,
                        unsigned flags)
{
	size_t pos = 0, run = 0;  /* s[run..pos) is printed as it is */

	while (pos < len) {
		struct unit u;
		unit_next(s + pos, len - pos, flags, &u);
		if (u.p != s + pos) {
			wn_buf_add(b, s + run, pos - run);
			wn_buf_add(b, u.p, u.n);
			run = pos + u.used;
		}
		pos += u.used;
	}
	wn_buf_add(b, s + run, pos - run);
	return b->failed ? WN_ERR : WN_OK;
}

char *wn_text_sanitize(const char *s, size_t len, bool keep_newlines)
{
	struct wn_buf b;

	wn_buf_init(&b);
	wn_text_sanitize_to(&b, s, len, keep_newlines ? WN_TEXT_KEEP_NL : 0);
	return wn_buf_detach(&b);
}

char *wn_text_to_ascii(const char *s, size_t len)
{
	struct wn_buf b;

	wn_buf_init(&b);
	wn_text_sanitize_to(&b, s, len, WN_TEXT_ASCII | WN_TEXT_KEEP_NL);
	return wn_buf_detach(&b);
}

/* ---- fitting to a width ---------------------------------------------- */

struct fit_req {
	const char *s;
	size_t len;
	int cols;
	size_t max_bytes;
	unsigned flags;      /* WN_TEXT_ASCII or 0 */
};

struct fit_plan {
	size_t end;          /* input printed: s[0..end) */
	size_t bytes;        /* bytes that makes, before the ellipsis */
	int width;           /* columns, ellipsis included */
	const char *ell;     /* ellipsis to append (ell_n bytes, ell_w cols) */
	size_t ell_n;
	int ell_w;
};

static void fit_ellipsis(const struct fit_req *rq, struct fit_plan *fp)
{
	bool ascii = rq->flags & WN_TEXT_ASCII;
	int w = ascii ? 3 : 1;

	if (w <= rq->cols && rq->max_bytes >= 3) {
		fp->ell = ascii ? "..." : "\xE2\x80\xA6";  /* U+2026 */
		fp->ell_n = 3;
		fp->ell_w = w;
		return;
	}
	size_t k = (size_t)rq->cols < rq->max_bytes ? (size_t)rq->cols
	                                            : rq->max_bytes;
	fp->ell = "...";
	fp->ell_n = k < 3 ? k : 3;
	fp->ell_w = (int)fp->ell_n;
}

static void fit_plan(const struct fit_req *rq, struct fit_plan *fp)
{
	size_t pos = 0, bytes = 0;
	int w = 0;

	memset(fp, 0, sizeof *fp);
	if (rq->cols <= 0 || rq->max_bytes == 0)
		return;
	fit_ellipsis(rq, fp);
	int cw = rq->cols - fp->ell_w;          /* room left for the text */
	size_t cb = rq->max_bytes - fp->ell_n;  /* when it is cut */
	while (pos < rq->len) {
		struct unit c;
		cluster_next(rq->s + pos, rq->len - pos, rq->flags, &c);
		if (w + c.width > rq->cols || bytes + c.n > rq->max_bytes) {
			fp->width += fp->ell_w;
			return;  /* cut: end, bytes, width hold the prefix */
		}
		w += c.width;
		bytes += c.n;
		pos += c.used;
		if (w <= cw && bytes <= cb) {
			fp->end = pos;
			fp->bytes = bytes;
			fp->width = w;
		}
	}
	fp->end = pos;
	fp->bytes = bytes;
	fp->width = w;
	fp->ell_n = 0;
	fp->ell_w = 0;
}

/* Write the plan's bytes to dst (room for bytes + ell_n); returns them. */
static size_t fit_emit(const struct fit_req *rq, const struct fit_plan *fp,
                       char *dst)
{
	size_t pos = 0, n = 0;

	while (pos < fp->end) {
		struct unit u;
		unit_next(rq->s + pos, rq->len - pos, rq->flags, &u);
		memcpy(dst + n, u.p, u.n);
		n += u.n;
		pos += u.used;
	}
	if (fp->ell_n)
		memcpy(dst + n, fp->ell, fp->ell_n);
	return n + fp->ell_n;
}

size_t wn_text_fit(const char *s, int cols, char *out, size_t outsz,
                   bool ascii)
{
	if (!out || outsz == 0)
		return 0;
	struct fit_req rq = {
		.s = s, .len = strlen(s), .cols = cols,
		.max_bytes = outsz - 1, .flags = ascii ? WN_TEXT_ASCII : 0,
	};
	struct fit_plan fp;
	fit_plan(&rq, &fp);
	out[fit_emit(&rq, &fp, out)] = '\0';
	return (size_t)fp.width;
}

int wn_text_pad(struct wn_buf *b, const char *s, int cols, unsigned flags)
{
	if (cols <= 0)
		return b->failed ? -1 : 0;
	struct fit_req rq = {
		.s = s, .len = strlen(s), .cols = cols,
		.max_bytes = SIZE_MAX / 2, .flags = flags & WN_TEXT_ASCII,
	};
	struct fit_plan fp;
	fit_plan(&rq, &fp);
	int gap = cols - fp.width, left = 0;
	if (flags & WN_TEXT_ALIGN_RIGHT)
		left = gap;
	else if (flags & WN_TEXT_ALIGN_CENTER)
		left = gap / 2;
	buf_spaces(b, left);
	if (buf_grow(b, fp.bytes + fp.ell_n) != WN_OK)
		return -1;
	b->len += fit_emit(&rq, &fp, b->s + b->len);
	b->s[b->len] = '\0';
	buf_spaces(b, gap - left);
	return b->failed ? -1 : cols;
}

/* ---- validation ------------------------------------------------------ */

int wn_text_check_note(const char *s, size_t len, size_t max_bytes,
                       struct wn_err *err)
{
	if (max_bytes == 0)
		max_bytes = WN_TEXT_NOTE_MAX;
	if (len > max_bytes) {
		wn_err_set(err, WN_DATAERR, "note is too long (%zu bytes; at most %zu)",
		           len, max_bytes);
		wn_err_hint(err, "shorten the note");
		return WN_DATAERR;
	}
	for (size_t p = 0; p < len;) {
		int32_t cp;
		size_t n = wn_text_decode(s + p, len - p, &cp);
		if (cp == WN_TEXT_INVALID)
			return wn_err_set(err, WN_DATAERR,
			                  "note is not valid UTF-8 (byte 0x%02X at offset %zu)",
			                  (unsigned char)s[p], p);
		if (cp == 0)
			return wn_err_set(err, WN_DATAERR,
			                  "note contains a NUL byte at offset %zu", p);
		if (wn_text_is_control(cp) && cp != '\n' && cp != '\t')
			return wn_err_set(err, WN_DATAERR,
			                  "note contains control character U+%04X at offset %zu",
			                  (unsigned)cp, p);
		p += n;
	}
	return WN_OK;
}

size_t wn_text_normalize_newlines(char *s, size_t len)
{
	size_t r = 0, w = 0;

	while (r < len) {
		if (s[r] == '\r') {
			s[w++] = '\n';
			r += (r + 1 < len && s[r + 1] == '\n') ? 2 : 1;
		} else {
			s[w++] = s[r++];
		}
	}
	s[w] = '\0';
	return w;
}

/* The characters of a trimmed name s[0..len) (base: offset in the input). */
static int check_name_chars(const char *s, size_t len, size_t base,
                            struct wn_err *err)
{
	int width = 0;

	for (size_t p = 0; p < len;) {
		int32_t cp;
		size_t n = wn_text_decode(s + p, len - p, &cp);
		if (cp == WN_TEXT_INVALID)
			return wn_err_set(err, WN_DATAERR,
			                  "name is not valid UTF-8 (byte 0x%02X at offset %zu)",
			                  (unsigned char)s[p], base + p);
		if (wn_text_is_unsafe(cp))
			return wn_err_set(err, WN_DATAERR,
			                  "name contains control character U+%04X",
			                  (unsigned)cp);
		width += wn_text_cp_width(cp);
		p += n;
	}
	if (width == 0)
		return wn_err_set(err, WN_DATAERR, "name has no visible characters");
	return WN_OK;
}

int wn_text_check_name(const char *s, char *out, size_t outsz,
                       struct wn_err *err)
{
	size_t a = 0, b = strlen(s);

	if (out && outsz)
		out[0] = '\0';
	while (a < b && s[a] == ' ')
		a++;
	while (b > a && s[b - 1] == ' ')
		b--;
	if (a == b)
		return wn_err_set(err, WN_DATAERR, "name is empty");
	size_t n = b - a, max = WN_TEXT_NAME_MAX;
	if (out && outsz <= max)
		max = outsz ? outsz - 1 : 0;
	if (n > max)
		return wn_err_set(err, WN_DATAERR,
		                  "name is too long (%zu bytes; at most %zu)", n, max);
	int rc = check_name_chars(s + a, n, a, err);
	if (rc != WN_OK || !out)
		return rc;
	memcpy(out, s + a, n);
	out[n] = '\0';
	return WN_OK;
}

/* ---- word wrap ------------------------------------------------------- */

struct wrap_ctx {
	const char *s;
	int cols;
	struct wn_text_line *lines;
	size_t max, n;
};

static void wrap_line(struct wrap_ctx *c, size_t off, size_t len, int width)
{
	if (c->n < c->max)
		c->lines[c->n] = (struct wn_text_line){ off, len, width };
	c->n++;
}

/* Wrap one paragraph s[start..end) (no '\n' inside). */
static void wrap_para(struct wrap_ctx *c, size_t start, size_t end)
{
	size_t ls = start, p = start, brk = start;  /* line start, break */
	int w = 0, bw = 0;                          /* widths to p, brk */

	while (p < end) {
		struct unit u;
		cluster_next(c->s + p, end - p, 0, &u);
		bool space = u.cp == ' ' || u.cp == '\t';
		if (space && w + u.width > c->cols) {  /* drop it, break */
			wrap_line(c, ls, p - ls, w);
			p += u.used;
			ls = brk = p;
			w = bw = 0;
		} else if (!space && w > 0 && w + u.width > c->cols) {
			if (brk > ls) {           /* after the last spaces */
				wrap_line(c, ls, brk - ls, bw);
				w -= bw;
			} else {                  /* hard, before this char */
				wrap_line(c, ls, p - ls, w);
				brk = p;
				w = 0;
			}
			ls = brk;
			bw = 0;
		} else {
			w += u.width;
			p += u.used;
			if (space) {
				brk = p;
				bw = w;
			}
		}
	}
	wrap_line(c, ls, end - ls, w);
}

size_t wn_text_wrap(const char *s, int cols, struct wn_text_line *lines,
                    size_t max_lines)
{
	struct wrap_ctx c = {
		.s = s, .cols = cols < 1 ? 1 : cols,
		.lines = lines, .max = lines ? max_lines : 0,
	};
	size_t len = strlen(s), pos = 0;

	for (;;) {
		const char *nl = memchr(s + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - s) : len;
		wrap_para(&c, pos, end);
		if (!nl)
			break;
		pos = end + 1;
	}
	return c.n;
}

struct wn_text_pos wn_text_wrap_locate(const char *s,
                                       const struct wn_text_line *lines,
                                       size_t n, size_t pos)
{
	struct wn_text_pos r = { 0, 0 };
	size_t lo = 0, hi = n;

	if (n == 0)
		return r;
	while (hi - lo > 1) {  /* last line with off <= pos */
		size_t mid = lo + (hi - lo) / 2;
		if (lines[mid].off <= pos)
			lo = mid;
		else
			hi = mid;
	}
	const struct wn_text_line *l = &lines[lo];
	size_t stop = pos < l->off + l->len ? pos : l->off + l->len;
	r.line = lo;
	if (stop > l->off)
		r.col = wn_text_width_n(s + l->off, stop - l->off, 0);
	return r;
}

size_t wn_text_wrap_offset(const char *s, const struct wn_text_line *lines,
                           size_t n, struct wn_text_pos at)
{
	if (n == 0)
		return 0;
	if (at.line >= n)
		return lines[n - 1].off + lines[n - 1].len;
	const struct wn_text_line *l = &lines[at.line];
	size_t p = l->off, end = l->off + l->len;
	int w = 0;
	while (p < end) {
		struct unit u;
		cluster_next(s + p, end - p, 0, &u);
		if (w + u.width > at.col)
			return p;
		w += u.width;
		p += u.used;
	}
	if (l->len > 0 && at.line + 1 < n && lines[at.line + 1].off == end)
		return wn_text_prev_char(s, end);  /* soft wrap: stay on it */
	return end;
}

/* ---- cursor steps ---------------------------------------------------- */

/* The code point ending at pos (> 0): its start, and the code point. */
static size_t step_back(const char *s, size_t pos, int32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;

	for (size_t k = 1; k <= 4 && k <= pos; k++) {
		size_t j = pos - k;
		if ((u[j] & 0xC0) == 0x80)
			continue;  /* continuation byte: look further back */
		if (wn_text_decode(s + j, k, cp) == k && *cp != WN_TEXT_INVALID)
			return j;
		break;
	}
	wn_text_decode(s + pos - 1, 1, cp);
	return pos - 1;
}

size_t wn_text_prev_char(const char *s, size_t pos)
{
	int32_t cp, base;

	if (pos == 0)
		return 0;
	size_t p = step_back(s, pos, &cp);
	while (p > 0 && is_zero_width(cp)) {
		size_t q = step_back(s, p, &base);
		if (base == '\n')
			break;
		p = q;
		cp = base;
	}
	return p;
}

size_t wn_text_next_char(const char *s, size_t pos)
{
	int32_t cp;

	if (s[pos] == '\0')
		return pos;
	size_t p = pos + wn_text_decode(s + pos, strnlen(s + pos, 4), &cp);
	if (cp == '\n')
		return p;
	while (s[p] != '\0') {
		size_t n = wn_text_decode(s + p, strnlen(s + p, 4), &cp);
		if (!is_zero_width(cp))
			break;
		p += n;
	}
	return p;
}

/* ---- "did you mean" -------------------------------------------------- */

#define DIST_MAX 256

/* Code points of s (at most DIST_MAX), ASCII lower-cased; an invalid byte
 * gets a value no code point has. */
static size_t fold_cps(const char *s, int32_t *out)
{
	size_t n = 0, p = 0, len = strlen(s);

	while (p < len && n < DIST_MAX) {
		int32_t cp;
		size_t k = wn_text_decode(s + p, len - p, &cp);
		if (cp == WN_TEXT_INVALID)
			cp = 0x110000 + (unsigned char)s[p];
		else if (cp >= 'A' && cp <= 'Z')
			cp += 'a' - 'A';
		out[n++] = cp;
		p += k;
	}
	return n;
}

static int min3(int a, int b, int c)
{
	int m = a < b ? a : b;
	return m < c ? m : c;
}

/* Optimal string alignment distance, three rolling rows. */
static int osa(const int32_t *x, size_t n, const int32_t *y, size_t m)
{
	int rows[3][DIST_MAX + 1];
	int *pp = rows[0], *p = rows[1], *c = rows[2];

	for (size_t j = 0; j <= m; j++)
		p[j] = (int)j;
	for (size_t i = 1; i <= n; i++) {
		c[0] = (int)i;
		for (size_t j = 1; j <= m; j++) {
			int v = min3(p[j] + 1, c[j - 1] + 1,
			             p[j - 1] + (x[i - 1] != y[j - 1]));
			if (i > 1 && j > 1 && x[i - 1] == y[j - 2] &&
			    x[i - 2] == y[j - 1] && pp[j - 2] + 1 < v)
				v = pp[j - 2] + 1;
			c[j] = v;
		}
		int *t = pp;
		pp = p;
		p = c;
		c = t;
	}
	return p[m];
}

int wn_text_distance(const char *a, const char *b)
{
	int32_t x[DIST_MAX], y[DIST_MAX];
	size_t n = fold_cps(a, x), m = fold_cps(b, y);

	return osa(x, n, y, m);
}

static char ascii_lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c + ('a' - 'A')) : c;
}

static bool contains_ci(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay; hay++) {
		size_t i = 0;
		while (i < n && hay[i] && ascii_lower(hay[i]) == ascii_lower(needle[i]))
			i++;
		if (i == n)
			return true;
	}
	return n == 0;
}

struct ranked {
	const char **out;
	int dist[WN_TEXT_SUGGEST_MAX];
	size_t k, max;
};

/* Insert cand after every entry with a distance <= d, if it ranks. */
static void rank_insert(struct ranked *r, const char *cand, int d)
{
	size_t at = r->k;

	while (at > 0 && r->dist[at - 1] > d)
		at--;
	if (at >= r->max)
		return;
	size_t last = r->k < r->max ? r->k : r->max - 1;
	for (size_t i = last; i > at; i--) {
		r->out[i] = r->out[i - 1];
		r->dist[i] = r->dist[i - 1];
	}
	r->out[at] = cand;
	r->dist[at] = d;
	if (r->k < r->max)
		r->k++;
}

size_t wn_text_suggest(const char *word, const char *const *cands, size_t n,
                       const char **out, size_t max_out)
{
	int32_t tmp[DIST_MAX];
	size_t wl = fold_cps(word, tmp);
	struct ranked r = { .out = out, .k = 0 };

	r.max = max_out < WN_TEXT_SUGGEST_MAX ? max_out : WN_TEXT_SUGGEST_MAX;
	if (wl == 0 || r.max == 0)
		return 0;
	int limit = wl / 3 > 2 ? (int)(wl / 3) : 2;
	for (size_t i = 0; i < n; i++) {
		if (!cands[i])
			continue;
		int d = wn_text_distance(word, cands[i]);
		bool close = d <= limit && (size_t)d < wl;
		if (close || (wl >= 3 && contains_ci(cands[i], word)))
			rank_insert(&r, cands[i], d);
	}
	return r.k;
}

int wn_text_unknown(struct wn_err *err, const char *kind, const char *name,
                   const char *const *cands, size_t n)
{
	const char *best[3];
	size_t nb = wn_text_suggest(name, cands, n, best, 3);
	char sugg[256] = "";
	for (size_t i = 0; i < nb; i++) {
		size_t l = strlen(sugg);
		snprintf(sugg + l, sizeof sugg - l, "%s'%s'", i ? ", " : "", best[i]);
	}
	char *safe = wn_text_sanitize(name, strlen(name), false);
	wn_err_set(err, WN_DATAERR, "unknown %s '%.60s'%s%s%s", kind, safe ? safe : "?",
	           nb ? " (did you mean " : "", sugg, nb ? "?)" : "");
	free(safe);
	return WN_DATAERR;
}

char *wn_text_num(double v, int decimals, char *buf, size_t n)
{
	if (!isfinite(v)) {
		snprintf(buf, n, "-");
		return buf;
	}
	if (fabs(v) < 0.5 * pow(10, -decimals))
		v = 0;                  /* no "-0" */
	snprintf(buf, n, "%.*f", decimals, v);
	char *dot = strchr(buf, '.');
	if (!dot)
		return buf;
	char *e = buf + strlen(buf) - 1;
	while (e > dot && *e == '0')
		*e-- = '\0';
	if (e == dot)
		*e = '\0';
	return buf;
}
