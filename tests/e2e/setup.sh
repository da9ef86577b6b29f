#!/bin/sh
# First run on an empty diary: a short setup; Esc skips it.
. "$(dirname "$0")/lib.sh"
e2e_setup
sql "DELETE FROM meta WHERE key = 'setup_skipped'"
start 80 24
wait_for "medication name"
keys Escape
wait_for "setup skipped"
keys q
wait_exit
wean med list | grep -q sertraline && fail "skipping wrote"
# a skipped setup is not offered again
start 80 24
wait_for "Symptoms"
keys q
wait_exit
# the full setup, on a diary where it was not skipped
sql "DELETE FROM meta WHERE key = 'setup_skipped'"
start 80 24
wait_for "medication name"
type_text "sertraline"; keys Enter
wait_for "form"
type_text "tablet 50 mg /2"; keys Enter
wait_for "current daily dose"
type_text "50"; keys Enter
wait_for "a plan?"
type_text "10 28"; keys Enter
wait_for "sertraline added"
wait_for "sertraline: day 1 at 50 mg"
keys q
wait_exit
wean med list | grep -q sertraline || fail "no medication"
