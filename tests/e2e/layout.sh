#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The Today screen at 80x24, 120x40 and 200x60 matches the expected screens
# (trailing blanks and clock times normalised).
. "$(dirname "$0")/lib.sh"
e2e_setup
wean med add sertraline --unit mg >/dev/null || fail "med add"
wean checkin --date 2026-11-24 --dose sertraline=25@08:00 >/dev/null || fail "checkin"
wean checkin --mood 5 --anxiety 7 --sleep 6.5 --symptom dizziness=1 \
	--symptom "brain zaps=2" --symptom insomnia=3 --symptom nausea=0 \
	--note "A quiet day. Walked to the shops — slowly." >/dev/null ||
	fail "checkin today"
for size in 80x24 120x40 200x60; do
	start "${size%x*}" "${size#*x}"
	wait_for "Symptoms"
	wait_for "A quiet day"
	check_screen "today-$size"
	keys q
	wait_exit
done
