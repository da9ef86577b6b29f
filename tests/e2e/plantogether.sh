#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Two plans at once on the Plan screen: an Ashton-style switch from
# alprazolam to diazepam is shown side by side, with the total as an
# approximate diazepam-equivalent range.
. "$(dirname "$0")/lib.sh"
e2e_setup
wean med add alprazolam --form "tablet 0.5 mg half" >/dev/null || fail "med add"
wean med add diazepam --form "tablet 2 mg half" --form "tablet 5 mg half" \
	>/dev/null || fail "med add diazepam"
wean plan add alprazolam --start 2026-10-01 --from-dose 2 --method custom \
	--steps 2026-10-15=1.5,2026-10-29=1,2026-11-12=0.5,2026-11-26=0 --accept-warnings \
	>/dev/null || fail "plan alprazolam"
wean plan add diazepam --start 2026-10-08 --from-dose 5 --method custom \
	--steps 2026-10-15=10,2026-10-29=15,2026-11-12=20,2027-01-07=18 \
	>/dev/null || fail "plan diazepam"
start 80 24
wait_for "Symptoms"
keys F3
wait_for "Plan: custom from 2 mg on 2026-10-01"
keys PgDn
wait_for "Together: the dose each plan sets from that day"
wait_for "as diazepam*"
s=$(screen)
echo "$s" | grep -q "2026-10-08 2 mg         5 mg         ~25-45 mg" ||
	fail "the row of 2026-10-08 is missing"
echo "$s" | grep -q "2027-01-07 0 mg         18 mg        ~18 mg" ||
	fail "the last row is missing"
echo "$s" | grep -q "approximate" || fail "the equivalent is not marked approximate"
keys q
wait_exit
