#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# completions.sh WEAN -- the shell completions (`wean --completions SHELL`,
# generated from the option tables) against the help (generated from the
# same tables): every command of `wean --help`, every sub-command of
# `wean plan --help` and every option of `wean CMD [SUB] --help` is in
# each script.  bash's is run for real (complete -F, compgen): `wean chec`
# completes to check and checkin, and each command's options are exactly
# those of its help.  zsh's and fish's pass `zsh -n` and `fish -n`;
# fish's completes (complete -C) and zsh's _wean runs with compadd,
# _describe and _files stubbed.  A missing shell is installed when we may
# (tests/need.sh); only when it cannot be is its part skipped, with a SKIP
# line.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp/home" TZ=UTC LANG=C.UTF-8 LC_ALL=C.UTF-8 WEAN_DB="$tmp/none.db" \
       XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config"
unset WEAN_CONFIG
mkdir -p "$HOME"
fail=0
bad() { echo "FAIL completions: $*"; fail=$((fail + 1)); }
. "$(dirname "$0")/../need.sh"

for sh in bash zsh fish; do
	"$bin" --completions "$sh" > "$tmp/$sh" || bad "wean --completions $sh exited $?"
	[ -s "$tmp/$sh" ] || bad "wean --completions $sh printed nothing"
done
"$bin" --completions tcsh > /dev/null 2>&1
[ $? -eq 64 ] || bad "--completions tcsh should be a usage error (64)"

# --- what the help lists ----------------------------------------------------
opts_of() { "$@" --help | sed -n 's/^  --\([a-z0-9-]*\).*/\1/p'; }
cmds=$("$bin" --help | awk '/^Commands:/ { on = 1; next } /^$/ { on = 0 } on && /^  [a-z]/ { print $1 }')
[ "$(echo "$cmds" | wc -w)" -ge 10 ] || bad "wean --help lists too few commands: $cmds"
plan_subs=$("$bin" plan --help | sed -n 's/^\(Usage:\)\{0,1\} *wean plan \([a-z]*\).*/\2/p')
[ "$(echo "$plan_subs" | wc -w)" -ge 5 ] || bad "wean plan --help lists too few: $plan_subs"
# key|the help's options, one key per line: global, CMD, plan_SUB
{
	echo "global|$(opts_of "$bin" | tr '\n' ' ')"
	for c in $cmds; do echo "$c|$(opts_of "$bin" "$c" | tr '\n' ' ')"; done
	for s in $plan_subs; do echo "plan_$s|$(opts_of "$bin" plan "$s" | tr '\n' ' ')"; done
} > "$tmp/keys"
checked=$(grep -o -- ' ' "$tmp/keys" | wc -l)

# --- bash: run it -------------------------------------------------------------
bash_complete() {   # the words typed, the last one being completed
	bash --norc --noprofile -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		_wean; printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " "' _ "$tmp/bash" "$@"
}
bash --norc --noprofile -c '. "$1"; complete -p wean' _ "$tmp/bash" | grep -q -- '-F _wean wean' ||
	bad "bash: 'complete -p wean' does not name _wean"
got=$(bash_complete wean chec)
[ "$got" = "check checkin " ] && echo "bash: wean chec<TAB> -> $got" || bad "bash: wean chec<TAB> gave '$got'"
got=$(bash_complete wean "")
[ "$got" = "$(printf '%s\n' $cmds | sort | tr '\n' ' ')" ] || bad "bash: wean <TAB> gave '$got'"
got=$(bash_complete wean plan "")
[ "$got" = "$(printf '%s\n' $plan_subs | sort | tr '\n' ' ')" ] || bad "bash: wean plan <TAB> gave '$got'"
got=$(bash_complete wean symptoms h)
[ "$got" = "hide " ] || bad "bash: wean symptoms h<TAB> gave '$got'"
touch "$tmp/backup-one.db"
got=$(bash_complete wean restore "$tmp/backup-o")
[ "$got" = "$tmp/backup-one.db " ] || bad "bash: wean restore FILE<TAB> gave '$got'"
got=$(bash_complete wean --db "$tmp/x" plan hold sertraline --from 2026-01-01 --re)
[ "$got" = "--reason " ] || bad "bash: an option after values gave '$got'"
while IFS='|' read -r key want; do
	[ -n "$want" ] || continue          # `wean plan --help` lists sub-commands
	case $key in
	global) words=(wean --) ;;
	plan_*) words=(wean plan "${key#plan_}" --) ;;
	*) words=(wean "$key" --) ;;
	esac
	got=$(bash_complete "${words[@]}")
	exp=$(printf -- '--%s\n' $want | sort | tr '\n' ' ')
	[ "$got" = "$exp" ] || bad "bash: ${words[*]}<TAB> gave '$got', the help lists '$exp'"
done < "$tmp/keys"

# --- zsh and fish: every word in the script, syntax, fish for real -----------
while IFS='|' read -r key want; do
	for o in $want; do
		grep -q "^_wean_opts_$key=(" "$tmp/zsh" || { bad "zsh: no options of $key"; break; }
		sed -n "/^_wean_opts_$key=(/,/^)/p" "$tmp/zsh" | grep -q "^	'--$o:" ||
			bad "zsh: --$o of $key missing"
		grep -q "__wean_key_is $key' -l $o " "$tmp/fish" || bad "fish: --$o of $key missing"
	done
done < "$tmp/keys"
for c in $cmds; do
	grep -q "^	'$c:" "$tmp/zsh" || bad "zsh: command $c missing"
	grep -q "__wean_key_is global' -a $c " "$tmp/fish" || bad "fish: command $c missing"
done
if need "zsh --version" zsh; then
	zsh -n "$tmp/zsh" && echo "zsh: zsh -n passes" || bad "zsh -n failed"
	# run _wean with compadd, _describe and _files stubbed to print what
	# they are offered (zsh's completion system then filters by prefix)
	got=$(zsh -f -c '
		compadd() { shift $(( ${@[(i)--]} )); print -r -- "$*"; }
		_describe() { local a=${@[-1]}; print -r -- ${${(P)a}%%:*}; }
		_files() { print -r -- "<files>"; }
		source "$1" > /dev/null
		t() { words=("$@"); CURRENT=$#; _wean; }
		t wean plan ""; t wean plan hold x --; t wean --db x restore y; t wean export --format ""' \
		_ "$tmp/zsh" 2>&1 | tr '\n' '|')
	want="$(printf '%s ' $plan_subs | sed 's/ $//')|--from --reason --help|<files>|"
	[ "$got" = "$want" ] && echo "zsh: wean plan <TAB> -> $plan_subs" | tr '\n' ' ' && echo ||
		bad "zsh: completing gave '$got', wanted '$want'"
else
	echo "SKIP completions: zsh cannot be installed"
fi
if need "fish --version" fish; then
	fish -n "$tmp/fish" && echo "fish: fish -n passes" || bad "fish -n failed"
	got=$(fish --no-config -c 'source $argv[1]; complete -C "wean chec"; complete -C "wean plan hold x --re"' \
		"$tmp/fish" | cut -f1 | tr '\n' ' ')
	[ "$got" = "check checkin --reason " ] && echo "fish: wean chec<TAB> -> check checkin" ||
		bad "fish: completing gave '$got'"
else
	echo "SKIP completions: fish cannot be installed"
fi
echo "completions: $(echo "$cmds" | wc -w) commands, $checked options checked in bash, zsh and fish; $fail failed"
[ "$fail" -eq 0 ]
