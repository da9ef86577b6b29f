#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Must hold (issue 16): a full daily check-in -- mood, anxiety, sleep,
# three symptoms, the planned dose confirmed, a one-line note -- takes at
# most 25 keystrokes besides the note's text, every send-keys key
# counted; `wean show` then has it all.  And no run of bare digits on
# any screen changes the screen.
. "$(dirname "$0")/lib.sh"
e2e_setup
wean med add sertraline --unit mg >/dev/null || fail "med add"
wean plan add sertraline --start 2026-11-01 --from-dose 50 --method percent \
	--step 10 --every 3w --round 0.5 --accept-warnings >/dev/null || fail "plan add"

n=0
k() { keys "$@"; n=$((n + $#)); }

start 80 24
wait_for "Symptoms"
# a metric rated for good moves the focus on, as a symptom does
k 6;           wait_for "mood 6 · saved"
k 3;           wait_for "anxiety 3 · saved"
k Right;       k 7 . 5;  wait_for "sleep 7.5 h · saved"
k 2;           wait_for "moderate · saved"
k 1;           wait_for "mild · saved"
k 3;           wait_for "severe · saved"
k d;           wait_for "sertraline 45 mg at"
k n;           wait_for "Esc when done"
type_text "calmer after the walk"
k Escape;      wait_for "note · saved"
k q;           wait_exit
echo "keystrokes besides the note text: $n"
[ "$n" -le 25 ] || fail "the check-in took $n keystrokes (more than 25)"

out=$(wean show 2026-11-25) || fail "show failed"
echo "$out"
for want in "Mood        6/10" "Anxiety     3/10" "Sleep       7.5 h" \
	"2 moderate" "1 mild" "3 severe" "burden 6" "sertraline 45 mg" \
	"  calmer after the walk"; do
	echo "$out" | grep -qF -- "$want" || fail "show lacks: $want"
done
[ "$(sql "select count(*) from rating where date = '2026-11-25' and value > 0")" = 3 ] ||
	fail "not three symptoms rated"

# bare digits never change the screen, on any screen
title_is() {
	screen | head -1 | grep -q "^ *$1" || fail "after digits on $1: not $1"
}
start 80 24
wait_for "Symptoms"
for s in "F2 Calendar" "F3 Plan" "F4 Charts" "F5 Journal" "F6 Export" "F1 Today"; do
	key=${s%% *} name=${s#* }
	keys "$key"
	wait_for "$key $name"
	title_is "$name"
	keys 1 2 3 4 5 6 0 9
	keys 3 1 4 1 5 9 2 6
	keys g x       # a marker: once its hint shows, the digits were read
	wait_for "g then 1-6 switches screens"
	title_is "$name"
done
keys q
wait_exit
