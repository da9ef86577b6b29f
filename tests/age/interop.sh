#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# interop.sh WEAN -- encrypted exports and reports opened by the standard
# `age` tool (issue 20 item 3):
#   - a key made with age-keygen; `wean export --encrypt-to` (csv, json,
#     ics) and `wean report --encrypt-to` (html) decrypt with
#     `age -d -i key.txt` to exactly the plain output;
#   - two recipients: each key opens the file;
#   - --encrypt-passphrase with --encrypt-passphrase-file: `age -d` asked for the
#     passphrase in a terminal (a private tmux server) opens it;
#   - a canary in a note and a medication's name is in no encrypted file;
#   - refused: a bad recipient (64), a passphrase file others can read
#     (77), --encrypt-to with --encrypt-passphrase (64), binary output to
#     a terminal (64); nothing is written.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
SOCK="wean-age-$$"
trap 'tmux -L "$SOCK" kill-server 2>/dev/null; rm -rf "$tmp"' EXIT
export HOME="$tmp/home" TZ=UTC LANG=C.UTF-8 LC_ALL=C.UTF-8 WEAN_DB="$tmp/diary.db" \
       XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" WEAN_DATADIR="$here/../../data" \
       WEAN_TODAY=2026-03-01
unset WEAN_CONFIG WEAN_PASSPHRASE_FILE
mkdir -p "$HOME"
fail=0 checks=0
bad() { echo "FAIL age-interop: $*"; fail=$((fail + 1)); }
ok() { checks=$((checks + 1)); }

. "$here/../need.sh"
if ! need "command -v age && command -v age-keygen" age; then
	echo "SKIP age-interop: the age tool is not installed and cannot be"
	exit 0
fi

w() { "$bin" "$@" > "$tmp/out" 2>&1 || { cat "$tmp/out"; bad "wean $* exited $?"; }; }
CANARY="canary-5eb3c0"
w med add "sertraline" --form "tablet 1 mg"
w plan add sertraline --start 2026-01-05 --from-dose 35 --method linear --step 1 --every 1w --accept-warnings
w checkin --date 2026-02-27 --mood 6 --note "$CANARY felt foggy"
w checkin --date 2026-02-28 --mood 5 --anxiety 4 --note "second day"
age-keygen -o "$tmp/key.txt" 2> /dev/null
age-keygen -o "$tmp/key2.txt" 2> /dev/null
R1=$(sed -n 's/^# public key: //p' "$tmp/key.txt")
R2=$(sed -n 's/^# public key: //p' "$tmp/key2.txt")

# --- one recipient: each format decrypts to the plain output --------------------
for f in csv json ics; do
	"$bin" export --format "$f" > "$tmp/plain.$f" || bad "plain export $f"
	w export --format "$f" --encrypt-to "$R1" -o "$tmp/x.$f.age"
	if age -d -i "$tmp/key.txt" -o "$tmp/back.$f" "$tmp/x.$f.age" 2> "$tmp/err"; then
		cmp -s "$tmp/plain.$f" "$tmp/back.$f" && ok || bad "$f: age -d differs from the plain export"
	else
		bad "$f: age -d failed: $(cat "$tmp/err")"
	fi
	[ "$(stat -c %a "$tmp/x.$f.age")" = 600 ] && ok || bad "$f: mode $(stat -c %a "$tmp/x.$f.age")"
done
# to a pipe
"$bin" export --format csv --encrypt-to "$R1" | age -d -i "$tmp/key.txt" > "$tmp/piped.csv" 2>&1
cmp -s "$tmp/plain.csv" "$tmp/piped.csv" && ok || bad "csv through a pipe differs"

# --- the report ---------------------------------------------------------------------
"$bin" report --format html --from 2026-02-01 --to 2026-03-01 > "$tmp/plain.html" || bad "plain report"
w report --from 2026-02-01 --to 2026-03-01 --encrypt-to "$R1" -o "$tmp/r.html.age"
grep -q "encrypted report" "$tmp/out" && ok || bad "report: $(cat "$tmp/out")"
age -d -i "$tmp/key.txt" "$tmp/r.html.age" > "$tmp/back.html" 2> "$tmp/err" || bad "report: $(cat "$tmp/err")"
cmp -s "$tmp/plain.html" "$tmp/back.html" && ok || bad "report: age -d differs from the plain html report"

# --- two recipients -------------------------------------------------------------------
w export --format json --encrypt-to "$R1" --encrypt-to "$R2" -o "$tmp/two.age"
for k in key key2; do
	age -d -i "$tmp/$k.txt" "$tmp/two.age" 2> /dev/null | cmp -s - "$tmp/plain.json" && ok ||
		bad "two recipients: $k does not open the file"
done

# --- no plain text in any encrypted file ------------------------------------------------
for f in "$tmp"/*.age; do
	if grep -aq -e "$CANARY" -e sertraline "$f"; then bad "plain text in $(basename "$f")"; else ok; fi
done

# --- refusals ---------------------------------------------------------------------------
expect() {  # CODE WHAT ARGS...
	local code=$1 what=$2
	shift 2
	"$bin" "$@" > "$tmp/out" 2>&1
	local rc=$?
	[ "$rc" = "$code" ] && ok || bad "$what: exit $rc, not $code ($(cat "$tmp/out"))"
	[ "$(wc -l < "$tmp/out")" -le 1 ] && ok || bad "$what: more than one line: $(cat "$tmp/out")"
}
expect 64 "bad recipient" export --format csv --encrypt-to age1notakey -o "$tmp/bad1.age"
printf 'pass word\n' > "$tmp/pf"
chmod 644 "$tmp/pf"
expect 77 "readable passphrase file" export --format csv --encrypt-passphrase --encrypt-passphrase-file "$tmp/pf" -o "$tmp/bad2.age"
expect 64 "both kinds" export --format csv --encrypt-to "$R1" --encrypt-passphrase -o "$tmp/bad3.age"
expect 64 "passphrase file alone" export --format csv --encrypt-passphrase-file "$tmp/pf" -o "$tmp/bad4.age"
for n in 1 2 3 4; do [ -e "$tmp/bad$n.age" ] && bad "bad$n.age was written"; done

# --- a passphrase: age asks for it in a terminal ------------------------------------------
chmod 600 "$tmp/pf"
w export --format csv --encrypt-passphrase --encrypt-passphrase-file "$tmp/pf" -o "$tmp/p.age"
head -2 "$tmp/p.age" | grep -q '^-> scrypt ' && ok || bad "no scrypt stanza"
# a private tmux server; its start is retried (a busy machine has been
# seen to lose one: "server exited unexpectedly")
printf 'set -g exit-empty off\nset -g remain-on-exit on\nset -g status off\n' > "$tmp/tmux.conf"
tm_start() {
	for _ in 1 2 3; do
		tmux -L "$SOCK" -f "$tmp/tmux.conf" new-session -d -x 80 -y 24 "$1" && return 0
		tmux -L "$SOCK" kill-server 2> /dev/null
		sleep 1
	done
	bad "tmux did not start"
	return 1
}
if command -v tmux > /dev/null; then
	tm_start "age -d -o '$tmp/p.csv' '$tmp/p.age'; echo \"exit=\$?\" > '$tmp/p.status'; sleep 30"
	for _ in $(seq 1 300); do
		tmux -L "$SOCK" capture-pane -p 2> /dev/null | grep -qi passphrase && break
		sleep 0.1
	done
	tmux -L "$SOCK" send-keys "pass word" Enter
	for _ in $(seq 1 600); do [ -s "$tmp/p.status" ] && break; sleep 0.1; done
	grep -q "exit=0" "$tmp/p.status" 2> /dev/null && cmp -s "$tmp/p.csv" "$tmp/plain.csv" && ok ||
		bad "age -d with the passphrase: $(cat "$tmp/p.status" 2> /dev/null) $(tmux -L "$SOCK" capture-pane -p 2> /dev/null | grep . | tail -3)"
	# wean itself refuses binary output to a terminal, and asks twice without echo
	tmux -L "$SOCK" kill-server 2> /dev/null
	tm_start "'$bin' export --format csv --encrypt-to '$R1'; echo \"exit=\$?\" > '$tmp/t.status'; sleep 30"
	for _ in $(seq 1 300); do [ -s "$tmp/t.status" ] && break; sleep 0.1; done
	grep -q "exit=64" "$tmp/t.status" 2> /dev/null && ok || bad "binary output to a terminal: $(cat "$tmp/t.status" 2> /dev/null)"
	tmux -L "$SOCK" kill-server 2> /dev/null
	tm_start "'$bin' export --format csv --encrypt-passphrase -o '$tmp/asked.age'; echo \"exit=\$?\" > '$tmp/a.status'; sleep 30"
	for _ in $(seq 1 300); do tmux -L "$SOCK" capture-pane -p 2> /dev/null | grep -q "Passphrase for" && break; sleep 0.1; done
	tmux -L "$SOCK" send-keys "other words" Enter
	for _ in $(seq 1 300); do tmux -L "$SOCK" capture-pane -p 2> /dev/null | grep -q "same passphrase again" && break; sleep 0.1; done
	tmux -L "$SOCK" send-keys "other words" Enter
	for _ in $(seq 1 600); do [ -s "$tmp/a.status" ] && break; sleep 0.1; done
	tmux -L "$SOCK" capture-pane -p 2> /dev/null | grep -q "other words" && bad "the passphrase was echoed" || ok
	printf 'other words\n' > "$tmp/pf2"
	chmod 600 "$tmp/pf2"
	grep -q "exit=0" "$tmp/a.status" 2> /dev/null && ok || bad "asked passphrase: $(cat "$tmp/a.status" 2> /dev/null)"
	tmux -L "$SOCK" kill-server 2> /dev/null
	tm_start "age -d -o '$tmp/asked.csv' '$tmp/asked.age'; echo \"exit=\$?\" > '$tmp/b.status'; sleep 30"
	for _ in $(seq 1 300); do tmux -L "$SOCK" capture-pane -p 2> /dev/null | grep -qi passphrase && break; sleep 0.1; done
	tmux -L "$SOCK" send-keys "other words" Enter
	for _ in $(seq 1 600); do [ -s "$tmp/b.status" ] && break; sleep 0.1; done
	cmp -s "$tmp/asked.csv" "$tmp/plain.csv" && ok || bad "the asked passphrase does not open the file"
else
	echo "SKIP age-interop: tmux missing, the passphrase is not checked with age"
fi

echo "age-interop: $checks checks, $fail failures"
[ "$fail" = 0 ]
