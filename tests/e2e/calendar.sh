#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The Calendar: step days, a hold, a dose different from the plan ("~"),
# one skipped ("s"), a flagged day ("!"), days with no record ("?") and
# today are each marked with core/vocab.h's marks, with colour and with
# NO_COLOR=1; the day line says the day in the same words; Enter opens
# the selected day in Today.
. "$(dirname "$0")/lib.sh"
e2e_setup
wean med add sertraline --unit mg >/dev/null || fail "med add"
wean plan add sertraline --start 2026-11-01 --from-dose 50 --method percent \
	--step 10 --every 1w --round 0.5 --accept-warnings >/dev/null || fail "plan add"
for d in 01 02 03 04 05 06 07 08 09 11 12 13; do
	dose=45
	[ "$d" -lt 8 ] && dose=50
	wean checkin --date 2026-11-$d --mood 6 --dose sertraline=$dose \
		--symptom "brain zaps=1" >/dev/null || fail "checkin $d"
done
# a deviation on the 10th: 40 mg instead of the planned 45
wean checkin --date 2026-11-10 --mood 6 --dose sertraline=40 --note "ran out" \
	>/dev/null || fail "deviation"
# the 12th: skipped; the 13th flagged
wean checkin --date 2026-11-12 --skipped sertraline >/dev/null || fail "skip"
wean checkin --date 2026-11-13 --flag >/dev/null || fail "flag"
# the 14th to the 17th: nothing recorded (no record)
wean plan hold sertraline --from 2026-11-18 --reason "zaps got worse" \
	>/dev/null || fail "hold"
wean checkin --date 2026-11-20 --mood 5 >/dev/null || fail "checkin 20"

for nc in "" NO_COLOR=1; do
	start 80 24 $nc
	wait_for "Today"
	keys F2
	wait_for "November 2026"
	# the whole grid and its legend drawn (slow under the sanitizers)
	wait_for "[25]"
	wait_for "?no record .:+#"
	s=$(screen)
	echo "$s" | grep -q "\[25\]" || fail "today not bracketed ($nc)"
	echo "$s" | grep -q " 8 \*" || fail "step day 8 not marked ($nc)"
	echo "$s" | grep -q "10 ~ " || fail "different dose not marked ($nc)"
	echo "$s" | grep -q "12 s " || fail "skipped dose not marked ($nc)"
	echo "$s" | grep -q "13 ! " || fail "flagged day not marked ($nc)"
	echo "$s" | grep -q "14 ?" || fail "no record not marked ($nc)"
	echo "$s" | grep -q "19 H" || fail "hold not marked ($nc)"
	echo "$s" | grep -q "! " && ! echo "$s" | grep -q "10 !" ||
		fail "! means flagged only ($nc)"
	echo "$s" | grep -q "\*step %review Hhold !flagged ~differs s skipped -not recorded" ||
		fail "legend missing ($nc)"
	# select the 10th: from the 25th, up two weeks, left one day
	keys k k Left
	wait_for "2026-11-10 Tue: recorded · sertraline 40 mg, lower than planned (45 mg)"
	wait_for "note: ran out"
	keys Enter
	wait_for "Tue 10 November 2026"
	wait_for "ran out"
	keys q
	wait_exit
done
