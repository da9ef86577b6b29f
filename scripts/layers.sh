#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# layers.sh ROOT -- check that the source tree keeps its layers
# (docs/architecture.md).  Every file under ROOT/src and ROOT/include
# belongs to the layer named by its first folder (src/main.c is "main"):
#
#   core    may include  core
#   db      may include  core db             the only layer with SQLite
#   report  may include  core report
#   cli     may include  core db report cli
#   tui     may include  core db report tui  the only layer with curses
#   main    may include  core cli tui
#
# An include without a folder ("db_int.h") must name a private header in
# the including file's own folder.  <iniparser.h>, <utf8proc.h> and <sodium.h> belong
# to core.  <sqlite3.h> is included only by src/db/ files, never by a
# public header, and outside src/db no code line names SQLite's API
# (sqlite3_...).  Prints one line per violation, "FILE:LINE: ...", and
# exits 1 when there is any; 0 and nothing on stdout otherwise.
set -eu
cd "${1:-.}"
files=$(find src include -type f \( -name '*.c' -o -name '*.h' \) | sort)
[ -n "$files" ] || { echo "layers: no sources under $(pwd)" >&2; exit 1; }
# shellcheck disable=SC2086
out=$(awk '
BEGIN {
	allowed["core"] = " core "; allowed["db"] = " core db "
	allowed["report"] = " core report "; allowed["cli"] = " core db report cli "
	allowed["tui"] = " core db report tui "; allowed["main"] = " core cli tui "
	owner["sqlite3.h"] = "db"; owner["sqlite3ext.h"] = "db"
	owner["curses.h"] = "tui"; owner["ncurses.h"] = "tui"; owner["term.h"] = "tui"
	owner["panel.h"] = "tui"; owner["menu.h"] = "tui"; owner["form.h"] = "tui"
	owner["iniparser.h"] = "core"; owner["dictionary.h"] = "core"; owner["utf8proc.h"] = "core"; owner["sodium.h"] = "core"
}
FNR == 1 {
	f = FILENAME; dir = f; sub(/\/[^\/]*$/, "", dir)
	if (f == "src/main.c") layer = "main"
	else { n = split(f, p, "/"); layer = (n >= 3) ? p[2] : "?" }
	if (!(layer in allowed)) print f ": not in a layer (core db report cli tui)"
	in_db = (f ~ /^src\/db\//)
}
/^[ \t]*#[ \t]*include/ {
	line = $0
	if (match(line, /<[^>]*>/)) {
		name = substr(line, RSTART + 1, RLENGTH - 2)
		o = (name in owner) ? owner[name] : ""
		if (name ~ /^ncursesw\//) o = "tui"
		if (o != "" && o != layer)
			print f ":" FNR ": " layer " may not include <" name "> (only " o "/ may)"
		else if (o == "db" && !in_db)
			print f ":" FNR ": only src/db/ may include <" name "> (public headers hide SQLite)"
	} else if (match(line, /"[^"]*"/)) {
		name = substr(line, RSTART + 1, RLENGTH - 2)
		if (name ~ /\//) {
			want = name; sub(/\/.*/, "", want)
			if (index(allowed[layer], " " want " ") == 0)
				print f ":" FNR ": " layer " may not include \"" name "\" (" layer " may include:" allowed[layer] ")"
		} else if (!((dir "/" name) in exists)) {
			cmd = "test -f \"" dir "/" name "\""
			if (system(cmd) == 0) exists[dir "/" name] = 1
			else print f ":" FNR ": \"" name "\" is not a private header of " dir " (public headers are included as \"LAYER/NAME.h\")"
		}
	}
	next
}
!in_db && /sqlite3(_[a-z0-9_]*)?[ \t]*[*(]/ && !/^[ \t]*(\/\*|\*|\/\/)/ {
	print f ":" FNR ": SQLite'"'"'s API is used outside src/db"
}
' $files)
if [ -n "$out" ]; then
	printf '%s\n' "$out"
	echo "layers: $(printf '%s\n' "$out" | wc -l) violation(s); the rules are in docs/architecture.md" >&2
	exit 1
fi
exit 0
