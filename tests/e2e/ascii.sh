#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# --ascii draws everything in plain ASCII (the person's own text aside).
. "$(dirname "$0")/lib.sh"
e2e_setup
wean checkin --mood 5 --symptom dizziness=2 >/dev/null || fail "checkin"
start 80 24 -- --ascii
wait_for "Symptoms"
wait_for ">mood"
screen > "$T/ascii.txt"
if LC_ALL=C grep -n '[^ -~]' "$T/ascii.txt"; then
	fail "non-ASCII characters on the screen"
fi
grep -qF "dizziness          [** ]" "$T/ascii.txt" || fail "marker missing"
grep -qF "tingling or num...   ." "$T/ascii.txt" || fail "ASCII ellipsis missing"
keys q
wait_exit
