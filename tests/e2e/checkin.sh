#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A first check-in from a fresh diary, by keyboard only: mood, sleep, two
# symptoms, the usual dose and a two-line UTF-8 note, in at most about 30
# keystrokes plus the note text; then reopen and compare with the CLI.
. "$(dirname "$0")/lib.sh"
e2e_setup
wean med add sertraline --unit mg >/dev/null || fail "med add"
wean checkin --date 2026-11-24 --dose sertraline=50@08:00 >/dev/null ||
	fail "checkin on an earlier day"

n=0
k() { keys "$@"; n=$((n + $#)); }

start 80 24
wait_for "Symptoms"
wait_for "d logs the usual 50 mg"
k 6;                 wait_for "mood 6 · saved"
k Right Right;       k 7 . 5;  wait_for "sleep 7.5 h · saved"
k 2;                 wait_for "moderate · saved"
k 1;                 wait_for "mild · saved"
k d;                 wait_for "sertraline 50 mg at"
k n;                 wait_for "Esc when done"
type_text "Slept badly — the café was loud"
k Enter
type_text "日本 tea helped é"
wait_for "日本 tea helped é"
k Escape;            wait_for "note · saved"
k q;                 wait_exit
[ "$n" -le 30 ] || fail "took $n keystrokes (more than 30)"
echo "keystrokes besides the note text: $n"

# The diary agrees.
out=$(wean show 2026-11-25) || fail "show failed"
echo "$out"
for want in "Mood        6/10" "Sleep       7.5 h" "irritability" "moderate" \
	"low mood or crying" "mild" "sertraline 50 mg" \
	"  Slept badly — the café was loud" "  日本 tea helped é"; do
	echo "$out" | grep -qF -- "$want" || fail "show lacks: $want"
done

# Reopened, the screen shows it all.
start 80 24
wait_for "6/10"
wait_for "7.5 h"
wait_for "irritability       [** ]"
wait_for "low mood or crying [*  ]"
wait_for "50 mg at"
wait_for "Slept badly — the café was loud"
wait_for "日本 tea helped é"
keys q
wait_exit
