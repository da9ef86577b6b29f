#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# With NO_COLOR=1 nothing is coloured, and every state is still told apart:
# the focus (reverse video and a marker), each symptom level (its own
# marker), the flag, an empty value.
. "$(dirname "$0")/lib.sh"
e2e_setup
wean checkin --mood 3 --symptom dizziness=0 --symptom "brain zaps=1" \
	--symptom headache=2 --symptom "tingling or numbness=3" --flag >/dev/null ||
	fail "checkin"
start 80 24 NO_COLOR=1
wait_for "Symptoms"
raw=$(screen_attr)
echo "$raw" | grep -q "$(printf '\033')\[[0-9;]*3[0-7]m" && fail "colour used"
echo "$raw" | grep -q "38;5;" && fail "256-colour used"
echo "$raw" | grep -q "$(printf '\033')\[7m" || fail "no reverse video for the focus"
s=$(screen)
for want in "›mood" "3/10" "anxiety  –" "dizziness          [   ]" \
	"brain zaps         [*  ]" "headache           [** ]" \
	"tingling or numbn… [***]" "nausea               ·" \
	"[x] flagged for prescriber"; do
	echo "$s" | grep -qF -- "$want" || fail "missing: $want"
done
keys f
wait_for "remove the flag from 2026-11-25? y/N"
keys y
wait_for "[ ] flag for prescriber"
keys q
wait_exit
