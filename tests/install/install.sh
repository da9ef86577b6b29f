#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# install.sh BUILD -- `make install DESTDIR=$tmp PREFIX=/usr` puts the
# binary, the man page, the data files, config.example.ini and README.md
# (share/doc/wean) and the bash, zsh and fish completions where each
# belongs, with the right modes; the installed wean runs and finds its
# data files; `make uninstall` with the same DESTDIR and PREFIX removes
# every file again.
set -u
src=$(cd "$(dirname "$0")/../.." && pwd)
b=${1:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL install: $*"; fail=$((fail + 1)); }
mk() { ${MAKE:-make} --no-print-directory -C "$src" B="$b" DESTDIR="$tmp/root" PREFIX=/usr "$@"; }

mk install > "$tmp/log" 2>&1 || { cat "$tmp/log"; bad "make install failed"; exit 1; }
cat > "$tmp/want" <<'LIST'
755 usr/bin/wean
644 usr/share/bash-completion/completions/wean
644 usr/share/doc/wean/README.md
644 usr/share/doc/wean/config.example.ini
644 usr/share/fish/vendor_completions.d/wean.fish
644 usr/share/man/man1/wean.1
644 usr/share/wean/config.example.ini
644 usr/share/wean/dess.ini
644 usr/share/wean/drugs.ini
644 usr/share/zsh/site-functions/_wean
LIST
(cd "$tmp/root" && find . -type f -printf '%m %P\n' | sort) > "$tmp/got"
sort -o "$tmp/want" "$tmp/want"
diff -u "$tmp/want" "$tmp/got" > "$tmp/diff" && echo "install: $(wc -l < "$tmp/got") files where they belong" ||
	{ cat "$tmp/diff"; bad "the installed tree differs"; }
cmp -s "$src/README.md" "$tmp/root/usr/share/doc/wean/README.md" || bad "README.md differs"
for sh in bash:usr/share/bash-completion/completions/wean zsh:usr/share/zsh/site-functions/_wean \
          fish:usr/share/fish/vendor_completions.d/wean.fish; do
	"$src/$b/wean" --completions "${sh%%:*}" | cmp -s - "$tmp/root/${sh#*:}" ||
		bad "${sh#*:} is not what 'wean --completions ${sh%%:*}' prints"
done
# the installed binary runs and finds drugs.ini beside it (../share/wean)
(
	export HOME="$tmp/home" WEAN_DB="$tmp/d.db" WEAN_TODAY=2026-11-25 TZ=UTC
	unset WEAN_DATADIR WEAN_SRCDIR WEAN_CONFIG
	cd "$tmp" && "$tmp/root/usr/bin/wean" med add sertraline | grep -q 'class: SSRI'
) || bad "the installed wean does not run or does not find share/wean/drugs.ini"
mk uninstall > "$tmp/log" 2>&1 || { cat "$tmp/log"; bad "make uninstall failed"; }
left=$(cd "$tmp/root" && find . -type f | wc -l)
[ "$left" -eq 0 ] && echo "uninstall: every file removed" || bad "$left files left after uninstall"
[ "$fail" -eq 0 ]
