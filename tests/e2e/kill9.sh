#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# kill -9 right after a change: the change is in the diary and the file
# passes PRAGMA integrity_check.
. "$(dirname "$0")/lib.sh"
e2e_setup
start 80 24
wait_for "Symptoms"
keys 4
wait_for "mood 4 · saved"
keys Left Down 3
wait_for "dizziness: severe · saved"
pid=$(wean_pid)
kill -9 "$pid"
wait_pid_gone "$pid"
[ "$(sql "PRAGMA integrity_check;")" = ok ] || fail "integrity_check failed"
[ "$(sql "SELECT mood FROM checkin WHERE date = '2026-11-25';")" = 4 ] ||
	fail "mood 4 is not in the diary"
[ "$(sql "SELECT r.value FROM rating r JOIN symptom s ON s.id = r.symptom_id
          WHERE r.date = '2026-11-25' AND s.name = 'dizziness';")" = 3 ] ||
	fail "dizziness 3 is not in the diary"
wean check >/dev/null || fail "wean check failed"

# A note being typed is kept as a draft after a short pause, so even a
# kill -9 loses at most the last moment of typing.
start 80 24
wait_for "Symptoms"
keys n
wait_for "Esc when done"
type_text "typed before the crash"
end=$(( $(date +%s) + E2E_TIMEOUT ))
until [ "$(sql "SELECT text FROM draft;")" = "typed before the crash" ]; do
	[ "$(date +%s)" -ge "$end" ] && fail "no draft after a pause"
	sleep 0.1
done
pid=$(wean_pid)
kill -9 "$pid"
wait_pid_gone "$pid"
start 80 24
wait_for "was kept: restore it? y/n"
keys y
wait_for "typed before the crash"
keys Escape
wait_for "note · saved"
keys q
wait_exit
[ "$(sql "PRAGMA integrity_check;")" = ok ] || fail "integrity_check failed"
