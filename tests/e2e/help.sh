#!/bin/sh
# The help screen is built from the key table and shows the crisis line
# from the config and the no-medical-advice line; Esc goes back.
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
