#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# SIGQUIT while a note is being typed (kill -QUIT, or Ctrl-\ in the
# terminal) is a way to leave like SIGHUP and SIGTERM: wean keeps the text
# as a draft and exits 0, and the next start offers it back.
. "$(dirname "$0")/lib.sh"
e2e_setup
start 80 24
wait_for "Symptoms"
keys n
wait_for "Esc when done"
type_text "typed, then SIGQUIT"
wait_for "typed, then SIGQUIT"
kill -QUIT "$(wean_pid)"
wait_exit
[ "$(sql "SELECT text FROM draft;")" = "typed, then SIGQUIT" ] ||
	fail "no draft after SIGQUIT"
[ -z "$(sql "SELECT note FROM checkin WHERE note IS NOT NULL;")" ] ||
	fail "the unfinished note was saved as the note"

start 80 24
wait_for "was kept: restore it? y/n"
keys y
wait_for "typed, then SIGQUIT"
wait_for "Esc when done"
# Ctrl-\ from the keyboard: the same
type_text "; and Ctrl-\\"
wait_for "and Ctrl-"
keys 'C-\'
wait_exit
[ "$(sql "SELECT text FROM draft;")" = 'typed, then SIGQUIT; and Ctrl-\' ] ||
	fail "no draft after Ctrl-\\: $(sql "SELECT text FROM draft;")"
