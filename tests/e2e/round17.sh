#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The two plans of the 100-year bench diary, whose schedules and reviews
# are built at every start with prepared roundings (struct wn_rounder):
# sertraline 100 mg with tablets 50 mg /2 and a liquid 20 mg/ml, diazepam
# 10 mg with tablets 2 mg /4 and an oral solution 2 mg/5ml, 10% cuts.
# Worked out by hand: sertraline 60 -> 54 mg (2.7 mL) on 11-10, then 48.6
# rounds to 48 mg (2.4 mL; 50 mg of tablets is further); diazepam 9 ->
# 8.1 mg is 202.5 steps of 0.04 mg, a tie that goes up to 8.12 mg (20.3
# mL).  Sertraline's step 20 asks for 10.8 mg and gets 10 (the liquid's
# 2 mg steps); a 5 mg/ml suspension (0.5 mg steps) or a 10 mg/ml one (1
# mg) would give 11 mg, the plan's liquid by 0.01 ml 10.8 mg.
. "$(dirname "$0")/lib.sh"
e2e_setup
wean med add sertraline --unit mg --form "tablet 50 mg /2" \
	--form "liquid 20 mg/ml" >/dev/null || fail "med add sertraline"
wean med add diazepam --unit mg --form "tablet 2 mg /4" \
	--form "oral solution 2 mg/5ml" >/dev/null || fail "med add diazepam"
wean plan add sertraline --start 2026-05-26 --from-dose 100 --method percent \
	--step 10 --every 4w --floor 2 --accept-warnings >/dev/null || fail "plan sertraline"
wean plan add diazepam --start 2026-05-26 --from-dose 10 --method percent \
	--step 10 --every 6w --floor 0.5 --accept-warnings >/dev/null || fail "plan diazepam"
start 80 24
wait_for "Today"
wait_for "sertraline: day 16 at 54 mg, since 2026-11-10; next step 48 mg on 2026-12-08"
wait_for "diazepam: day 16 at 6.6 mg, since 2026-11-10; next step 5.96 mg on 2026-12-22"
wait_for "sertraline       not recorded · d logs the planned 54 mg"
wait_for "diazepam         not recorded · d logs the planned 6.6 mg"
keys q
wait_exit
# the hows of the schedule
s=$(wean plan show sertraline) || fail "plan show sertraline"
d=$(wean plan show diazepam) || fail "plan show diazepam"
step() { printf '%s\n' "$1" | grep -E "^ +$2  " | tr -s ' '; }
[ "$(step "$s" 0)" = " 0 2026-05-26 100 mg 100.0% - 85.4% 2 x 50 mg 28 not recorded" ] ||
	fail "sertraline step 0: $(step "$s" 0)"
step "$s" 1 | grep -q " 90 mg .* 4.5 mL of 20 mg/mL " || fail "step 1: $(step "$s" 1)"
step "$s" 6 | grep -q " 54 mg .* 2.7 mL of 20 mg/mL " || fail "step 6: $(step "$s" 6)"
step "$s" 13 | grep -q " 25 mg .* 1/2 x 50 mg$" || fail "step 13: $(step "$s" 13)"
step "$d" 1 | grep -q " 9 mg .* 4 x 2 mg + 1/2 x 2 mg " || fail "diazepam 1: $(step "$d" 1)"
step "$d" 2 | grep -q " 8.12 mg .* 20.3 mL of 0.4 mg/mL " || fail "diazepam 2: $(step "$d" 2)"
# the review's alternatives, the same at every step they are asked for
flat=$(printf '%s\n' "$s" | tr '\n' ' ' | tr -s ' ')
printf '%s' "$flat" | grep -q "Step 20 (2027-12-07): rounding to what the recorded forms can make cuts 16.7% of the dose (12 to 10 mg), where the plan entered in wean asks for 10% (to 10.8 mg); adding UK special-order suspension 5 mg/ml (11 mg) or UK special-order suspension 10 mg/ml (11 mg), or measuring liquid 20 mg/ml by 0.01 ml (10.8 mg), would allow a step closer to that." ||
	fail "step 20's finding: $flat"
printf '%s' "$flat" | grep -q "Step 23 (2028-02-29): rounding to what the recorded forms can make cuts 33.3% of the dose (6 to 4 mg), where the plan entered in wean asks for 10% (to 5.4 mg); adding UK special-order suspension 5 mg/ml (5.5 mg), or measuring liquid 20 mg/ml by 0.01 ml (5.4 mg), would allow" ||
	fail "step 23's finding: $flat"
