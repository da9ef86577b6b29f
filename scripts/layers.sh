#!/bin/sh
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
# the including file's own folder.  <iniparser.h> and <utf8proc.h> belong
# to core.  <sqlite3.h> is included only by src/db/ files, never by a
# public header, and outside src/db no code line names SQLite's API
# (sqlite3_...).  Prints one
# line per violation, "FILE:LINE: LAYER may not include X (...)", and
# exits 1 when there is any; 0 and nothing on stdout otherwise.
set -eu
root=${1:-.}
cd "$root"

allowed() {
	case $1 in
	core)   echo "core" ;;
	db)     echo "core db" ;;
	report) echo "core report" ;;
	cli)    echo "core db report cli" ;;
	tui)    echo "core db report tui" ;;
	main)   echo "core cli tui" ;;
	*)      echo "" ;;
	esac
}

# <header> -> the only layer that may include it ("" = any layer).
system_owner() {
	case $1 in
	sqlite3.h|sqlite3ext.h) echo db ;;
	curses.h|ncurses.h|ncursesw/*|term.h|panel.h|menu.h|form.h) echo tui ;;
	iniparser.h|dictionary.h|utf8proc.h) echo core ;;
	*) echo "" ;;
	esac
}

layer_of() {
	case $1 in
	src/main.c) echo main ;;
	src/*/*|include/*/*) p=${1#*/}; echo "${p%%/*}" ;;
	*) echo "?" ;;
	esac
}

bad=0
out=$(mktemp)
trap 'rm -f "$out"' EXIT

files=$(find src include -type f \( -name '*.c' -o -name '*.h' \) | sort)
for f in $files; do
	layer=$(layer_of "$f")
	if [ "$layer" = "?" ]; then
		echo "$f: not in a layer (put it in src/<layer>/ or include/<layer>/)" >>"$out"
		continue
	fi
	ok=$(allowed "$layer")
	if [ -z "$ok" ]; then
		echo "$f: unknown layer '$layer' (core db report cli tui)" >>"$out"
		continue
	fi
	dir=$(dirname "$f")
	grep -n '^[[:space:]]*#[[:space:]]*include' "$f" | while IFS= read -r line; do
		n=${line%%:*}
		inc=$(printf '%s\n' "$line" | sed -n 's/.*#[[:space:]]*include[[:space:]]*\([<"][^>"]*[>"]\).*/\1/p')
		name=$(printf '%s\n' "$inc" | sed 's/^[<"]//; s/[>"]$//')
		case $inc in
		\<*)
			owner=$(system_owner "$name")
			if [ -n "$owner" ] && [ "$owner" != "$layer" ]; then
				echo "$f:$n: $layer may not include <$name> (only $owner/ may)"
			elif [ "$owner" = db ] && [ "${f#src/db/}" = "$f" ]; then
				echo "$f:$n: only src/db/ may include <$name> (public headers hide SQLite)"
			fi ;;
		\"*/*)
			want=${name%%/*}
			case " $ok " in
			*" $want "*) ;;
			*) echo "$f:$n: $layer may not include \"$name\" ($layer may include: $ok)" ;;
			esac ;;
		\"*)
			[ -f "$dir/$name" ] ||
				echo "$f:$n: \"$name\" is not a private header of $dir (public headers are included as \"LAYER/NAME.h\")" ;;
		esac
	done >>"$out"
	if [ "${f#src/db/}" = "$f" ]; then
		grep -n '\bsqlite3\(_[a-z0-9_]*\)\?\b[[:space:]]*[*(]' "$f" |
			grep -v '^[0-9]*:[[:space:]]*\(/\*\|\*\|//\)' |
			sed "s|^\([0-9]*\):.*|$f:\1: SQLite's API is used outside src/db|" >>"$out" || true
	fi
done

if [ -s "$out" ]; then
	cat "$out"
	echo "layers: $(wc -l <"$out") violation(s); the rules are in docs/architecture.md" >&2
	exit 1
fi
exit 0
