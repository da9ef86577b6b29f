#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Trap (issue 16): e left for $EDITOR at once, and with EDITOR and VISUAL
# unset it started vi.  Now e asks y/N first (n: no editor), and with
# neither set the note opens in wean's own editor: vi never starts.
. "$(dirname "$0")/lib.sh"
e2e_setup
cat > "$T/editor.sh" <<-EOF
#!/bin/sh
touch "$T/editor.ran"
printf 'from the editor\n' > "\$1"
EOF
chmod +x "$T/editor.sh"
start 80 24 "EDITOR='$T/editor.sh'"
wait_for "Symptoms"
wait_for "n writes here, e opens \$EDITOR"
keys e
wait_unless "y/N" '[ -e "$T/editor.ran" ]' "e started the editor without asking"
wait_for "leave wean to write the note in"
keys n
wait_for "nothing changed"
[ -e "$T/editor.ran" ] && fail "n started the editor"
keys e
wait_for "y/N"
keys y
wait_for "from the editor"
[ -e "$T/editor.ran" ] || fail "y did not start the editor"
keys q
wait_exit
# neither VISUAL nor EDITOR (lib.sh unsets both): wean's own editor
start 80 24
wait_for "Symptoms"
outside() {
	case $(tm display-message -p -t w: '#{pane_current_command}') in
	vi|vim|nvim|nano|ex|view) return 0 ;;
	esac
	ps -o comm= --ppid "$(wean_pid)" | grep -q .
}
keys e
wait_unless "Esc when done" outside "e started an outside editor"
ps -o comm= --ppid "$(wean_pid)" | grep -q . && fail "wean started a child"
wait_for "no \$VISUAL or \$EDITOR set"
type_text " written here"
keys Escape
wait_for "note · saved"
[ "$(sql "select note from checkin where date = '2026-11-25'")" = \
  "from the editor written here" ] || fail "note: $(sql 'select note from checkin')"
keys q
wait_exit
# the empty note's hint says what e does with neither set (issue 20)
start 80 24 "WEAN_TODAY=2026-11-24"
wait_for "n or e writes here, in wean's own editor"
screen | grep -q 'opens \$EDITOR' && fail "the hint names an \$EDITOR that is not set"
keys q
wait_exit
