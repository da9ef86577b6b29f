#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that text wean printed is safe for a terminal (termsafe.sh).

usage: textcheck.py [--max-width N] [--ascii] FILE
           plain output (show, log, ...): strict UTF-8; no C0 control but
           newline, no DEL, no C1 control, no bidi override; with
           --max-width every line fits in N display columns; with --ascii
           printable ASCII only.
       textcheck.py --tty FILE
           the raw bytes a curses program sent to its terminal: strict
           UTF-8; no C1 control; no OSC, DCS, APC, PM or SOS string; no
           BEL; no device status request (ESC [ 6 n); no cursor-save/title
           tricks -- nothing but what curses itself emits.
Prints each problem and exits 1 if there is any.
"""
import re
import sys
import unicodedata

BIDI = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A))


def width(s):
    w = 0
    for c in s:
        if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me", "Cf"):
            continue
        w += 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1
    return w


def decode(data, problems):
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        problems.append("not valid UTF-8 at byte %d: %r" % (e.start, data[max(0, e.start - 8):e.start + 8]))
        return data.decode("utf-8", errors="replace")


def check_plain(data, max_width, ascii_only):
    problems = []
    text = decode(data, problems)
    for n, line in enumerate(text.split("\n"), 1):
        for c in line:
            o = ord(c)
            if o < 0x20 or o == 0x7F or 0x80 <= o <= 0x9F:
                problems.append("line %d: control character U+%04X" % (n, o))
                break
            if o in BIDI:
                problems.append("line %d: bidi control U+%04X" % (n, o))
                break
            if ascii_only and o > 0x7E:
                problems.append("line %d: non-ASCII U+%04X in --ascii output" % (n, o))
                break
        if max_width and width(line) > max_width:
            problems.append("line %d is %d columns wide (at most %d): %r"
                            % (n, width(line), max_width, line[:60]))
    return problems


TTY_BAD = [
    (re.compile(r"\x1b[\]PX^_]"), "an OSC/DCS/SOS/PM/APC string (ESC ] P X ^ _)"),
    (re.compile(r"\x07"), "BEL"),
    (re.compile(r"\x1b\[\??[0-9;]*n"), "a device status request (ESC [ n)"),
    (re.compile(r"\x1b\[[0-9;]*[tc]"), "a window or device attributes request"),
    (re.compile(r"[\x80-\x9f]"), "a C1 control character"),
    (re.compile(r"\x1b[^\[\]()*+=>78MDEHcPX^_\\NO]"), "an unusual escape"),
]


def check_tty(data, forbidden):
    problems = []
    text = decode(data, problems)
    for rx, what in TTY_BAD:
        m = rx.search(text)
        if m:
            problems.append("%s at char %d: %r" % (what, m.start(), text[max(0, m.start() - 20):m.start() + 20]))
    for f in forbidden:
        if f in text:
            problems.append("the note's own sequence %r reached the terminal" % f)
    return problems


def main():
    args = sys.argv[1:]
    max_width, ascii_only, tty, forbidden = 0, False, False, []
    while args and args[0].startswith("--"):
        a = args.pop(0)
        if a == "--max-width":
            max_width = int(args.pop(0))
        elif a == "--ascii":
            ascii_only = True
        elif a == "--tty":
            tty = True
        elif a == "--forbid":
            forbidden.append(args.pop(0).encode().decode("unicode_escape"))
        else:
            print(__doc__, file=sys.stderr)
            return 64
    with open(args[0], "rb") as f:
        data = f.read()
    problems = check_tty(data, forbidden) if tty else check_plain(data, max_width, ascii_only)
    for p in problems[:10]:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
