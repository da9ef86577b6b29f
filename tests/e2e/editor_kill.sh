#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The note in $EDITOR outlives its wean: the editor works on a private
# file beside the diary (<diary dir>/.wean-edit, 0700; the file 0600;
# nothing in $TMPDIR), and what the editor wrote is offered back at the
# next start when wean was killed (kill -9) or its terminal closed while
# the editor ran; the file is removed once it is offered.
. "$(dirname "$0")/lib.sh"
e2e_setup
mkdir -p "$T/tmp"

# editor TEXT: a fake $EDITOR that writes TEXT into its file, says where
# (and its own pid), then waits until it is killed or hung up.
editor() {
	cat > "$T/editor.sh" <<-EOF
	#!/bin/sh
	printf '%s\n' "$1" > "\$1"
	echo \$\$ > "$T/editor.pid"
	echo "\$1" > "$T/editor.path"
	trap 'exit 1' HUP TERM
	while :; do sleep 0.05; done
	EOF
	chmod +x "$T/editor.sh"
	rm -f "$T/editor.path" "$T/editor.pid"
}
wait_file() {
	end=$(( $(date +%s) + E2E_TIMEOUT ))
	until [ -s "$1" ]; do
		[ "$(date +%s)" -ge "$end" ] && fail "no $1"
		sleep 0.05
	done
}

# ---- kill -9 while the editor has written and waits -------------------------
editor "written in the editor, then wean was killed"
start 80 24 "EDITOR='$T/editor.sh'" "TMPDIR='$T/tmp'"
wait_for "Symptoms"
keys e
wait_for "y/N"
keys y
wait_file "$T/editor.path"
path=$(cat "$T/editor.path")
case $path in
"$T/.wean-edit/note-"*"-2026-11-25.txt") ;;
*) fail "the editor's file is not beside the diary: $path" ;;
esac
[ "$(stat -c %a "$T/.wean-edit")" = 700 ] || fail "the folder is not 0700"
[ "$(stat -c %a "$path")" = 600 ] || fail "the file is not 0600"
[ -z "$(ls -A "$T/tmp")" ] || fail "something was left in TMPDIR: $(ls -A "$T/tmp")"
pid=$(wean_pid)
kill -9 "$pid"
wait_pid_gone "$pid"
kill "$(cat "$T/editor.pid")"
[ -f "$path" ] || fail "the editor's file went with wean"
start 80 24
wait_for "was kept: restore it? y/n"
[ ! -e "$path" ] || fail "the file is still there once offered"
keys y
wait_for "written in the editor, then wean was killed"
keys Escape
wait_for "note · saved"
[ "$(sql "SELECT note FROM checkin WHERE date = '2026-11-25';")" = \
  "written in the editor, then wean was killed" ] || fail "the note was not restored"
[ -z "$(sql "SELECT text FROM draft;")" ] || fail "the draft was not cleared"
keys q
wait_exit

# ---- the terminal closes while the editor runs ------------------------------
editor "the editor's words, then the terminal closed"
start 80 24 "EDITOR='$T/editor.sh'"
wait_for "Symptoms"
keys e
wait_for "y/N"
keys y
wait_file "$T/editor.path"
pid=$(wean_pid)
tm kill-window -t w:
wait_pid_gone "$pid"
[ "$(sql "SELECT text FROM draft;")" = "the editor's words, then the terminal closed" ] ||
	fail "the editor's text was not kept as a draft: $(sql "SELECT text FROM draft;")"
start 80 24
wait_for "was kept: restore it? y/n"
keys y
wait_for "the editor's words, then the terminal closed"
wait_for "Esc when done"
[ -z "$(ls -A "$T/.wean-edit")" ] || fail "files left: $(ls -A "$T/.wean-edit")"

# ---- the editor used to the end: the file goes ------------------------------
keys Escape
wait_for "note · saved"
cat > "$T/editor.sh" <<-EOF
#!/bin/sh
printf 'done in the editor\n' > "\$1"
EOF
start 80 24 "EDITOR='$T/editor.sh'"
wait_for "Symptoms"
keys e
wait_for "y/N"
keys y
wait_for "note · saved"
wait_for "done in the editor"
[ -z "$(ls -A "$T/.wean-edit")" ] || fail "files left: $(ls -A "$T/.wean-edit")"
[ -z "$(sql "SELECT text FROM draft;")" ] || fail "a draft was left"

# ---- a file left that cannot be offered back stays, and wean says so --------
printf 'a bell \007 in it\n' > "$T/.wean-edit/note-1.1.--2026-11-24.txt"
start 80 24
wait_for "a note left for \$EDITOR stays in .wean-edit beside the diary: "
[ -f "$T/.wean-edit/note-1.1.--2026-11-24.txt" ] || fail "the file was removed"
