#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Closing the terminal (the tmux window) while typing a note keeps the text
# as a draft; the next start offers it back and restores it.
. "$(dirname "$0")/lib.sh"
e2e_setup
start 80 24
wait_for "Symptoms"
keys n
wait_for "Esc when done"
type_text "half a thought about the café, 日本"
wait_for "half a thought about the café, 日本"
pid=$(wean_pid)
tm kill-window -t w
wait_pid_gone "$pid"
[ -n "$(sql "SELECT text FROM draft;")" ] || fail "no draft kept"
[ -z "$(sql "SELECT note FROM checkin WHERE note IS NOT NULL;")" ] ||
	fail "the unfinished note was saved as the note"

start 80 24
wait_for "was kept: restore it? y/n"
keys y
wait_for "half a thought about the café, 日本"
wait_for "Esc when done"
type_text " and more"
keys Escape
wait_for "note · saved"
keys q
wait_exit
[ "$(sql "SELECT note FROM checkin WHERE date = '2026-11-25';")" = \
  "half a thought about the café, 日本 and more" ] || fail "note not restored"
[ -z "$(sql "SELECT text FROM draft;")" ] || fail "the draft was not cleared"

# SIGTERM while typing: the same, and wean leaves cleanly (status 0).
start 80 24
wait_for "Symptoms"
keys n
wait_for "Esc when done"
type_text " — one more line"
wait_for "and more — one more line"
kill -TERM "$(wean_pid)"
wait_exit
[ "$(sql "SELECT text FROM draft;")" = \
  "half a thought about the café, 日本 and more — one more line" ] ||
	fail "no draft after SIGTERM"
