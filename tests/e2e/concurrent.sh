#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Two weans on one diary (two sessions of one tmux server), and a wean with
# `wean checkin --note` or `wean import --replace` beside it: a note saved
# while another wean changed it keeps both texts, the other below a marked
# line, and the status line says so; each wean keeps a draft of its own,
# finishing drops only its own, and a draft is offered back only once its
# wean is gone.
. "$(dirname "$0")/lib.sh"
e2e_setup

# start_v: a second wean in session v of the same server.
start_v() {
	tm kill-session -t v 2>/dev/null
	tm new-session -d -s v -x 80 -y 30 \
		"env TERM=screen-256color '$WEAN' --db '$DB'" || fail "tmux did not start v"
}
keys_v() { tm send-keys -t v: "$@"; }
note_now() { sql "SELECT note FROM checkin WHERE date = '2026-11-25';" | normalise; }
# expect_both MINE THEIRS: the day's note is MINE, then THEIRS below the line.
expect_both() {
	want=$(printf '%s\n\n%s\n%s' "$1" \
		"--- kept from another wean, as it was at HH:MM ---" "$2")
	[ "$(note_now)" = "$want" ] || fail "the note is not both texts: $(note_now)"
}
# Wait until the diary holds n drafts (they are kept after a pause in typing).
wait_drafts() {
	end=$(( $(date +%s) + E2E_TIMEOUT ))
	until [ "$(sql "SELECT count(*) FROM draft;")" = "$1" ]; do
		[ "$(date +%s)" -ge "$end" ] && fail "expected $1 drafts, have $(sql "SELECT count(*) FROM draft;")"
		sleep 0.1
	done
}

# ---- two weans write the day's note at once -------------------------------
start 80 30
wait_for "Symptoms"
start_v
wait_for_in v "Symptoms"
keys n
wait_for "Esc when done"
keys_v n
wait_for_in v "Esc when done"
type_text "written in the first"
keys_v -l "written in the second"
wait_for "written in the first"
wait_for_in v "written in the second"
wait_drafts 2
keys_v Escape
wait_for_in v "note · saved"
[ "$(sql "SELECT text FROM draft;")" = "written in the first" ] ||
	fail "the second wean's finishing did not leave the first one's draft alone"
keys Escape
wait_for "note · saved; another wean changed it meanwhile: both are kept"
wait_for "--- kept from another wean, as it was at"
wait_for "written in the second"
expect_both "written in the first" "written in the second"
wait_drafts 0
keys_v q

# ---- the screen and `wean checkin --note` ---------------------------------
sql "UPDATE checkin SET note = NULL WHERE date = '2026-11-25';"
keys n
wait_for "Esc when done"
wait_gone "written in the second"
type_text "typed on the screen"
wait_for "typed on the screen"
[ "$(wean checkin --note "from the command line")" = \
  "saved the check-in for 2026-11-25" ] || fail "checkin --note did not save"
[ "$(note_now)" = "from the command line" ] || fail "checkin --note: $(note_now)"
keys Escape
wait_for "both are kept"
wait_for "from the command line"
expect_both "typed on the screen" "from the command line"

# ---- the screen and `wean import --replace` -------------------------------
sql "UPDATE checkin SET note = NULL WHERE date = '2026-11-25';"
keys n
wait_for "Esc when done"
wait_gone "from the command line"
type_text "typed during an import"
wait_for "typed during an import"
printf 'date,has_checkin,mood,anxiety,energy,sleep,burden,flag,note\r\n%s\r\n' \
	'2026-11-25,1,5,,,,0,0,from an import' > "$T/day.csv"
wean import "$T/day.csv" --format csv --replace >/dev/null || fail "the import failed"
keys Escape
wait_for "both are kept"
expect_both "typed during an import" "from an import"

# ---- a draft is offered back only once its wean is gone -------------------
sql "UPDATE checkin SET note = NULL WHERE date = '2026-11-25';"
keys n
wait_for "Esc when done"
type_text "kept by a wean that still runs"
wait_drafts 1
start_v
wait_for_in v "Symptoms"
tm capture-pane -p -t v: | grep -qF "restore it?" &&
	fail "a running wean's draft was offered to another"
keys_v q
pid=$(wean_pid)
kill -9 "$pid"
wait_pid_gone "$pid"
start_v
wait_for_in v "was kept: restore it? y/n"
keys_v y
wait_for_in v "kept by a wean that still runs"
keys_v Escape
wait_for_in v "note · saved"
[ "$(note_now)" = "kept by a wean that still runs" ] || fail "restored: $(note_now)"
wait_drafts 0
