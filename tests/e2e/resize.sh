#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Resizing to 20x6 and back while editing: a one-line notice, no crash,
# then the full screen with the edit intact.
. "$(dirname "$0")/lib.sh"
e2e_setup
start 80 24
wait_for "Symptoms"
keys n
wait_for "Esc when done"
type_text "before the resize"
wait_for "before the resize"
resize 20 6
wait_for "too small (20x6)"
[ "$(screen | grep -c .)" -eq 1 ] || fail "more than the one-line notice"
resize 80 24
wait_for "Symptoms"
wait_for "before the resize"
wait_for "Esc when done"
type_text ", after it"
wait_for "before the resize, after it"
keys Escape
wait_for "note · saved"
resize 40 12
wait_for "Note"
resize 80 24
keys q
wait_exit
[ "$(sql "SELECT note FROM checkin WHERE date = '2026-11-25';")" = \
  "before the resize, after it" ] || fail "note lost in the resize"
