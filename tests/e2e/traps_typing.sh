#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Trap (issue 16): words typed on Today without n ran as commands: "felt
# ok" flagged the day (f), opened the editor (e), moved the day (l) and
# the rest.  Now f asks y/N first, and that question takes no other key,
# so the words do nothing but show a hint; an unbound key says "n writes
# a note"; on the note line typing starts the note.
. "$(dirname "$0")/lib.sh"
e2e_setup
cat > "$T/editor.sh" <<-EOF
#!/bin/sh
touch "$T/editor.ran"
EOF
chmod +x "$T/editor.sh"
start 80 24 "EDITOR='$T/editor.sh'"
wait_for "Symptoms"
flagged() { [ "$(sql "select count(*) from checkin where flag = 1")" != 0 ]; }
type_text "felt ok"
wait_unless "y or n, please" '[ -e "$T/editor.ran" ]' "typing started the editor"
flagged && fail "typing flagged the day"
kill -0 "$(wean_pid)" 2>/dev/null || fail "typing quit wean"
keys Escape
wait_for "nothing changed"
screen | head -1 | grep -q "Today · Wed 25 November 2026" || fail "the day moved"
[ -e "$T/editor.ran" ] && fail "typing started the editor"
# an unbound letter only hints
keys b
wait_for "n writes a note"
[ "$(sql "select count(*) from checkin")" = 0 ] || fail "something was written"
# on the note line, typing starts the note with that character
keys n
wait_for "Esc when done"
keys Escape
wait_gone "Esc when done"
type_text "ok then"
wait_for "ok then"
wait_for "Esc when done"
keys Escape
wait_for "note · saved"
[ "$(sql "select note from checkin where date = '2026-11-25'")" = "ok then" ] ||
	fail "note: $(sql 'select note from checkin')"
keys q
wait_exit
