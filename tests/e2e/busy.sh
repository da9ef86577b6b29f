#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Two weans on one diary both work; while another program holds the write
# lock, a change is refused with a clear message (no crash, nothing
# corrupted), and goes through once the lock is gone.
. "$(dirname "$0")/lib.sh"
e2e_setup
start 80 24
wait_for "Symptoms"
# a second wean, in a second session, on the same diary
tm new-session -d -s w2 -x 80 -y 24 \
	"env TERM=screen-256color '$WEAN' --db '$DB'" || fail "second session"
wait_for_in w2 "Symptoms"
tm send-keys -t w2 8
# (w2's message is read before the first wean writes: a change made by
# another program makes w2 read the day again, which may replace it)
wait_for_in w2 "mood 8 · saved"
keys Down 2
wait_for "dizziness: moderate · saved"
tm send-keys -t w2 q

# another program holds the write lock until the test has seen wean give
# up on it (a condition, not a time: a slow machine must not let the
# lock go before wean's own 3-second wait is over)
printf '%s\n' "BEGIN IMMEDIATE;" "UPDATE checkin SET mood = mood;" \
	".shell touch '$T/locked'" \
	".shell n=0; while [ ! -f '$T/release' ] && [ \$n -lt 1200 ]; do sleep 0.05; n=\$((n+1)); done" \
	"COMMIT;" |
	sqlite3 "$DB" > "$T/lock.out" 2>&1 &
lock=$!
n=0
until [ -f "$T/locked" ]; do
	n=$((n + 1)); [ $n -gt 200 ] && fail "sqlite3 did not take the lock"
	sleep 0.05
done
keys 3
wait_for "the diary is busy"
touch "$T/release"
wait "$lock"
keys 3
wait_for "brain zaps: severe · saved"
keys q
wait_exit
[ "$(sql "PRAGMA integrity_check;")" = ok ] || fail "integrity_check failed"
[ "$(sql "SELECT mood FROM checkin WHERE date = '2026-11-25';")" = 8 ] ||
	fail "the second wean's mood is not in the diary"
