#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The help screen is built from the key table, then lists every mark with
# its meaning, and shows the crisis line from the config and the
# no-medical-advice line; Esc goes back.
. "$(dirname "$0")/lib.sh"
e2e_setup
mkdir -p "$XDG_CONFIG_HOME/wean"
cat > "$XDG_CONFIG_HOME/wean/config.ini" <<-INI
[help]
crisis_line = In a crisis call 116 123 (test line), any time.
INI
start 80 24
wait_for "Symptoms"
keys '?'
wait_for "In a crisis call 116 123 (test line), any time."
wait_for "wean gives no medical advice"
wait_for "discussion with your"
wait_for "log the planned (or else the usual) dose"
wait_for "Today (the check-in)"
wait_for "record the focused medication's dose as skipped"
# after the keys, every mark with its one meaning (core/vocab.h)
# (page by page to the end, where the more-below arrow goes: long
# descriptions wrap, so the pages are not counted)
screen > "$T/pages.txt"
pages=0
while screen | grep -q '↓$'; do
	keys_changing PgDn
	screen >> "$T/pages.txt"
	pages=$((pages + 1))
	[ "$pages" -le 30 ] || fail "the help has no end"
done
for want in "Marks (one meaning each, on every screen and in wean log)" \
	"flagged for the prescriber (Calendar, Journal, log)" \
	"no record: nothing was entered that day"; do
	grep -qF "$want" "$T/pages.txt" || fail "the help lacks: $want"
done
keys Escape
wait_for "Symptoms"
keys q
wait_exit
# Without a config: the built-in crisis line.
rm "$XDG_CONFIG_HOME/wean/config.ini"
start 80 24
wait_for "Symptoms"
keys '?'
wait_for "UK: Samaritans 116 123 (free, any time)"
keys q
wait_for "Symptoms"
keys q
wait_exit
