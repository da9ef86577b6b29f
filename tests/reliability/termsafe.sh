#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# termsafe.sh -- text that could attack or garble a terminal (SPEC section 8):
# escape sequences (ESC [ 2 J, OSC 52 clipboard, OSC 0 title, DCS, a device
# status request), other C0 and C1 controls, invalid UTF-8, bidi overrides,
# wide and combining characters, emoji, and very long text.
#
#  * Input: the command line refuses controls and invalid UTF-8 with one
#    clear line; accepts wide, combining and bidi text and stores it
#    byte-for-byte; refuses notes over the size limit (65536 bytes) --
#    on the command line, in an import and from $EDITOR in the TUI.
#  * Output: hostile text put straight into the diary (as another tool
#    could) is shown safely by show, log, med list, symptoms, plan show,
#    error messages and the TUI: not one control byte from it reaches the
#    terminal, lines are cut by display width, --ascii prints ASCII.
#    The TUI's raw output is captured with tmux pipe-pane and checked
#    byte by byte; the pane's title and tmux's clipboard stay untouched.
#
# usage: tests/reliability/termsafe.sh path/to/wean
WEAN=${1:?usage: termsafe.sh path/to/wean}
. "$(dirname "$0")/lib.sh"
rel_setup
echo "termsafe: $WEAN"
TC="$PY $REL_DIR/textcheck.py"
DB="$T/d/diary.db"
mkdir -p "$T/d"
export WEAN_DB="$DB"

hex() { printf '%s' "$1" | od -An -v -tx1 | tr -d ' \n'; }
sql() { printf '%s' "$1" | sqlite3 -batch -noheader "$DB"; }

# textcheck FILE WHAT [ARGS]: a case failure for each problem found.
textcheck() {
	f=$1 what=$2
	shift 2
	probs=$($TC "$@" "$f") || bad "$what: $(echo "$probs" | head -3 | tr '\n' ' ')"
}

ESC=$'\e' BEL=$'\a'
HOSTILE="A${ESC}[2J B${ESC}]52;c;SGVsbG8=${BEL} C"$'\xc2\x9b'"31m D${ESC}]0;PWNED${BEL} E${ESC}P+q544e${ESC}\\ F${ESC}[6n G"$'\x9b'" H"$'\xff\xfe'" I"$'\u202e'"rev"$'\u202c'" J 日本語 e"$'\u0301'" 👍🏽 K"$'\x01\x7f'"L"
SHORT="M${ESC}]0;PWNED${BEL}${ESC}[2J"      # fits a 64-byte name
NICE="Café 日本語 e"$'\u0301'" 👍🏽 "$'\u202e'"reversed"$'\u202c'" tab"$'\t'"end"$'\n'"second line"

case_begin "self-test: the checks catch the hostile text when it is printed raw"
printf '%s\n' "$HOSTILE" > "$T/raw.txt"
$TC "$T/raw.txt" > /dev/null && bad "textcheck passed raw hostile text"
$TC --tty "$T/raw.txt" > /dev/null && bad "textcheck --tty passed raw hostile text"
printf 'ok \342\224\200 \033[1mbold\033[0m\n' > "$T/raw.txt"
$TC --tty "$T/raw.txt" > /dev/null || bad "textcheck --tty refused plain curses output"
case_end

"$T/wean" med add sertraline --unit mg > /dev/null
"$T/wean" checkin --mood 5 --dose sertraline=50@08:00 > /dev/null

# ---- input is validated -----------------------------------------------------------

case_begin "checkin --note refuses escape sequences and controls (65), stores nothing"
snap "$DB"
for bad_note in "x${ESC}[2Jy" "x${ESC}]52;c;SGVsbG8=${BEL}" "x${ESC}]0;t${BEL}" $'x\x01y' \
	$'x\x7fy' $'x\xc2\x9b31m' $'x\rcarriage'; do
	run checkin --note "$bad_note"
	expect_rc 65
	expect_err_line "control character"
done
unchanged
case_end

case_begin "checkin --note refuses invalid UTF-8 (65), stores nothing"
for bad_note in $'x\xffy' $'x\xc3' $'x\xed\xa0\x80y' $'\xc0\xafx' $'x\x9by'; do
	run checkin --note "$bad_note"
	expect_rc 65
	expect_err_line "not valid UTF-8"
done
unchanged
case_end

case_begin "names with escapes are refused: med, symptom, question, hold reason (65)"
run med add "$SHORT"
expect_rc 65
expect_err_line "control character"
run symptoms add "$SHORT"
expect_rc 65
expect_err_line "control character"
run checkin --question "why${ESC}[2J"
expect_rc 65
expect_err_line "control character"
run plan add sertraline --start 2026-10-01 --from-dose 50 --method percent --step 10 --every 2w
expect_rc 0
snap "$DB"
run plan hold sertraline --reason "tired${ESC}]0;PWNED${BEL}"
expect_rc 65
expect_err_line "control character"
unchanged
case_end

case_begin "unknown names echoed in errors are made safe"
for cmd in "checkin --symptom" "checkin --dose" "chart"; do
	arg="zz${ESC}]0;PWNED${BEL}${ESC}[2J"
	case $cmd in *symptom) arg="$arg=2" ;; *dose) arg="$arg=5" ;; esac
	# shellcheck disable=SC2086
	run $cmd "$arg"
	[ "$rc" = 65 ] || [ "$rc" = 64 ] || bad "$cmd: exit $rc"
	printf '%s' "$err" > "$T/err.txt"
	textcheck "$T/err.txt" "stderr of $cmd"
done
case_end

case_begin "wide, combining, emoji and bidi text is stored byte-for-byte"
run checkin --date 2026-11-23 --note "$NICE"
expect_rc 0
got=$(sqlite3 -batch -noheader "$DB" "SELECT hex(note) FROM checkin WHERE date = '2026-11-23'")
[ "$got" = "$(hex "$NICE" | tr a-f A-F)" ] || bad "stored note differs: $got"
case_end

case_begin "a note of exactly 65536 bytes is kept whole; 65537 is refused (65)"
max=$(printf 'é%.0s' $(seq 32768))
run checkin --date 2026-11-22 --note "$max"
expect_rc 0
n=$(sql "SELECT length(CAST(note AS BLOB)) FROM checkin WHERE date = '2026-11-22'")
[ "$n" = 65536 ] || bad "stored $n bytes"
[ "$(sql "SELECT note = CAST(X'$(hex "$max")' AS TEXT) FROM checkin WHERE date = '2026-11-22'")" = 1 ] ||
	bad "the stored note is not the one given"
snap "$DB"
run checkin --date 2026-11-21 --note "${max}x"
expect_rc 65
expect_err_line "too long|longer|65536"
run checkin --date 2026-11-21 --note "$(head -c 120000 /dev/zero | tr '\0' 'y')"
expect_rc 65
expect_err_line "too long|longer|65536"
unchanged
case_end

case_begin "1 MB of text in an import is refused whole (65), the diary untouched"
"$PY" -c "
import json, sys
days = [{'date': '2026-11-1%d' % d, 'checkin': {'mood': 4, 'note': 'fine'}} for d in range(5)]
days.append({'date': '2026-11-16', 'checkin': {'mood': 4, 'note': 'z' * 1048576}})
json.dump({'format': 'wean', 'schema_version': 1, 'days': days}, open(sys.argv[1], 'w'))
" "$T/huge.json"
run import "$T/huge.json"
expect_rc 65
expect_err_line "too long|long|65536"
"$PY" -c "
import json, sys
days = [{'date': '2026-11-15', 'checkin': {'mood': 4, 'note': 'x\u001b]0;PWNED\u0007'}}]
json.dump({'format': 'wean', 'schema_version': 1, 'days': days}, open(sys.argv[1], 'w'))
" "$T/esc.json"
run import "$T/esc.json"
expect_rc 65
expect_err_line "control"
unchanged
case_end

# ---- hostile text already in the diary is shown safely ----------------------------------
# Put there the way another tool could (sqlite3 ignores wean's checks):
# notes, quick notes, questions and a hold reason in the diary used from
# here on; medication and symptom names in a second one ($NAMES).

TODAY=2026-11-25
NAMES="$T/names/diary.db"
mkdir -p "$T/names"
cp "$DB" "$NAMES"
sql "UPDATE checkin SET flag = 1, note = CAST(X'$(hex "$HOSTILE")' AS TEXT) WHERE date = '$TODAY';
     INSERT INTO checkin(date, mood, flag, note) VALUES ('2026-11-24', 3, 1, CAST(X'$(hex "$HOSTILE$HOSTILE$HOSTILE")' AS TEXT));
     INSERT INTO quicknote(date, minute, text) VALUES ('$TODAY', 600, CAST(X'$(hex "$HOSTILE")' AS TEXT));
     INSERT INTO question(date, text) VALUES ('$TODAY', CAST(X'$(hex "$HOSTILE")' AS TEXT));
     INSERT INTO hold(plan_id, start_date, reason) SELECT id, '2026-11-20', CAST(X'$(hex "$HOSTILE")' AS TEXT) FROM plan;" ||
	{ echo "termsafe: cannot plant the hostile text"; exit 1; }
sqlite3 "$NAMES" "UPDATE medication SET name = CAST(X'$(hex "$SHORT")' AS TEXT);
     UPDATE symptom SET name = CAST(X'$(hex "S${SHORT}")' AS TEXT) WHERE name = 'dizziness';
     INSERT INTO rating(date, symptom_id, value) SELECT '$TODAY', id, 3 FROM symptom WHERE name LIKE 'S%';" ||
	{ echo "termsafe: cannot plant the hostile names"; exit 1; }

# safe_output WHAT ARGS...: run, and check stdout and stderr.
safe_output() {
	what=$1
	shift
	run "$@"
	[ "$rc" -lt 64 ] || bad "exit $rc: $err"
	printf '%s' "$out" > "$T/o.txt"
	printf '%s' "$err" > "$T/e.txt"
	textcheck "$T/o.txt" "stdout"
	textcheck "$T/e.txt" "stderr"
}

for cmd in "show $TODAY" "show 2026-11-24" "plan show" "check" "report --format txt" \
	"report --format md" "report --format html"; do
	case_begin "wean $cmd: nothing of a hostile note reaches the terminal"
	# shellcheck disable=SC2086
	safe_output "$cmd" $cmd
	case $cmd in check) ;; *) echo "$out" | grep -q PWNED || bad "the hostile text is not shown at all" ;; esac
	case_end
done
for cmd in "log" "log --from 2026-11-20"; do
	case_begin "wean $cmd: notes made safe and cut to 80 columns"
	# shellcheck disable=SC2086
	safe_output "$cmd" $cmd
	textcheck "$T/o.txt" "log" --max-width 80
	case_end
done

case_begin "wean show: the hostile note is shown, made visible (U+FFFD for each control)"
run show "$TODAY"
echo "$out" | grep -qF "A�[2J B�]52;c;SGVsbG8=� C�31m D�]0;PWNED� E�P+q544e�\\ F�[6n G� H�� I�rev� J 日本語 e"$'\u0301'" 👍🏽 K��L" ||
	bad "the note is not shown as expected: $(echo "$out" | grep -a '^  A' | head -1)"
case_end

case_begin "wean --ascii: show and log print plain ASCII"
run --ascii show "$TODAY"
printf '%s' "$out" > "$T/o.txt"
textcheck "$T/o.txt" "show --ascii" --ascii
run --ascii log
printf '%s' "$out" > "$T/o.txt"
textcheck "$T/o.txt" "log --ascii" --ascii --max-width 80
case_end

for c in "show $TODAY" "med list" "symptoms" "plan show"; do
	case_begin "wean $c: nothing of a hostile name reaches the terminal"
	# (names with controls can only come from an outside edit: input
	# refuses them; names are read terminal-safe, src/storage.c)
	# shellcheck disable=SC2086
	safe_output "$c" --db "$NAMES" $c
	case_end
done

# On a terminal (a pty from script(1)), CSV and JSON are shown
# terminal-safe; to a file or a pipe they keep every byte (the round-trip
# tests check that).
for f in csv json; do
	case_begin "wean export --format $f on a terminal: no control byte from a note"
	script -qec "'$T/wean' export --format $f" /dev/null < /dev/null > "$T/o.raw" 2>&1 ||
		bad "exit $?"
	tr -d '\r' < "$T/o.raw" > "$T/o.txt"
	textcheck "$T/o.txt" "export $f"
	case_end
done

case_begin "a diary path with escapes: the error message is made safe"
run --db "$T/no${ESC}]0;PWNED${BEL}dir/x.db" show
expect_rc 66
printf '%s' "$err" > "$T/e.txt"
textcheck "$T/e.txt" "stderr"
case_end

# ---- the TUI -------------------------------------------------------------------------------

tm() { tmux -L "termsafe$$" -f "$T/tmux.conf" "$@"; }
cat > "$T/tmux.conf" <<EOF
set -g default-terminal screen-256color
set -g status off
set -g escape-time 0
set -g remain-on-exit on
set -g history-limit 0
set -g exit-empty off
set -g set-clipboard on
set -g allow-rename on
set -g set-titles on
EOF
export TMUX_TMPDIR="$T"
unset TMUX

# tui_run NAME [ENV=...]: start wean in tmux with its raw output recorded.
tui_run() {
	name=$1
	shift
	rm -f "$T/go" "$T/raw.$name" "$T/exit.status"
	tm kill-session -t w 2>/dev/null
	tm new-session -d -s w -x 80 -y 24 \
		"while [ ! -f '$T/go' ]; do sleep 0.01; done; env TERM=screen-256color $* '$T/wean' ${WEAN_ARGS:-} --db '${TUI_DB:-$DB}'; echo \$? > '$T/exit.status'" ||
		{ bad "tmux did not start"; return 1; }
	tm pipe-pane -t w -o "cat > '$T/raw.$name'"
	touch "$T/go"
}

wait_screen() {
	end=$(( $(date +%s) + 15 ))
	until tm capture-pane -p -t w | grep -qF -- "$1"; do
		[ "$(date +%s)" -ge "$end" ] && { bad "timed out waiting for '$1'"; tm capture-pane -p -t w | sed 's/^/        | /'; return 1; }
		sleep 0.05
	done
}

wait_title() {
	end=$(( $(date +%s) + 15 ))
	until tm capture-pane -p -t w | head -1 | grep -q "^ $1"; do
		[ "$(date +%s)" -ge "$end" ] && { bad "timed out waiting for the $1 screen"; return 1; }
		sleep 0.05
	done
}

wait_gone() {
	end=$(( $(date +%s) + 15 ))
	while tm capture-pane -p -t w | grep -qF -- "$1"; do
		[ "$(date +%s)" -ge "$end" ] && { bad "timed out waiting for '$1' to go"; return 1; }
		sleep 0.05
	done
}

wait_done() {
	end=$(( $(date +%s) + 15 ))
	until [ -s "$T/exit.status" ]; do
		[ "$(date +%s)" -ge "$end" ] && { bad "wean did not exit"; return 1; }
		sleep 0.05
	done
	[ "$(cat "$T/exit.status")" = 0 ] || bad "wean exited $(cat "$T/exit.status")"
	sleep 0.2       # let pipe-pane's cat write the last bytes
}

# tui_check NAME: the raw bytes, the title and the clipboard.
tui_check() {
	[ "$(stat -c %s "$T/raw.$1" 2>/dev/null || echo 0)" -gt 1000 ] ||
		bad "the raw output was not recorded"
	grep -q "Symptoms" "$T/raw.$1" || bad "the raw output lacks the screen"
	textcheck "$T/raw.$1" "TUI output" --tty --forbid '\x1b]52' --forbid '\x1b]0;PWNED' \
		--forbid 'A\x1b[2J' --forbid '\x1b[6n' --forbid '\x1bP+q'
	title=$(tm display-message -p -t w '#{pane_title}')
	case $title in *PWNED*) bad "the pane title was changed to '$title'" ;; esac
	[ -z "$(tm list-buffers 2>/dev/null)" ] || bad "the clipboard (OSC 52) was written: $(tm list-buffers)"
}

if command -v tmux > /dev/null 2>&1; then
	case_begin "TUI: the hostile note, quick note, question and names are drawn safely"
	if tui_run today; then
		wait_screen "Symptoms" && wait_screen "A�[2J B"
		tm capture-pane -p -t w > "$T/screen.txt"
		grep -q "PWNED" "$T/screen.txt" || bad "the note is not on the screen"
		tail -1 "$T/screen.txt" | grep -q "q quit" || bad "the key line is not at the bottom: $(tail -1 "$T/screen.txt")"
		[ "$(wc -l < "$T/screen.txt")" -le 24 ] || bad "more than 24 lines"
		tm send-keys -t w '['          # the day with the note three times
		wait_screen "Tue 24 November"
		# every screen once (Tab goes round them all and back to the day)
		visited=0
		until [ $visited -ge 12 ] || tm capture-pane -p -t w | head -1 | grep -q "^ Tue 24 November" && [ $visited -gt 0 ]; do
			title=$(tm capture-pane -p -t w | head -1)
			tm send-keys -t w Tab
			visited=$((visited + 1))
			end=$(( $(date +%s) + 15 ))
			while [ "$(tm capture-pane -p -t w | head -1)" = "$title" ] && [ "$(date +%s)" -lt "$end" ]; do
				sleep 0.05
			done
		done
		[ $visited -ge 3 ] && [ $visited -lt 12 ] || bad "Tab went through $visited screens"
		tm send-keys -t w '?'
		wait_screen "Help: the keys"
		tm send-keys -t w Escape
		wait_gone "Help: the keys"
		tm send-keys -t w q
		wait_done
		tui_check today
	fi
	case_end

	case_begin "TUI: the same with --ascii and NO_COLOR"
	if WEAN_ARGS=--ascii tui_run ascii NO_COLOR=1; then
		wait_screen "Symptoms" && wait_screen "Note -----" && wait_screen "E�P+q544e"
		tm send-keys -t w q
		wait_done
		tui_check ascii
	fi
	case_end

	case_begin "TUI: hostile medication and symptom names are drawn safely"
	if TUI_DB=$NAMES tui_run names; then
		wait_screen "SM�]0;PWNED��[2J"
		wait_screen "M�]0;PWNED��[2J  50 mg"
		tm send-keys -t w Tab
		wait_title Calendar
		tm send-keys -t w Tab
		wait_title Plan
		tm send-keys -t w q
		wait_done
		tui_check names
	fi
	case_end

	case_begin "TUI: 1 MB of text from \$EDITOR is refused; the note is unchanged"
	before=$(sql "SELECT hex(note) FROM checkin WHERE date = '$TODAY'")
	cat > "$T/editor.sh" <<-'EOF'
	#!/bin/sh
	head -c 1048576 /dev/zero | tr '\0' 'w' > "$1"
	EOF
	chmod +x "$T/editor.sh"
	if tui_run editor1 "EDITOR='$T/editor.sh'"; then
		wait_screen "Symptoms"
		tm send-keys -t w e
		wait_screen "y/N"
		tm send-keys -t w y
		wait_screen "too long"
		tm send-keys -t w q
		wait_done
		tui_check editor1
	fi
	[ "$(sql "SELECT hex(note) FROM checkin WHERE date = '$TODAY'")" = "$before" ] ||
		bad "the note changed"
	case_end

	case_begin "TUI: escape sequences from \$EDITOR are refused; the note is unchanged"
	cat > "$T/editor.sh" <<-'EOF'
	#!/bin/sh
	printf 'fine\033]52;c;SGVsbG8=\007\033[2J\n' > "$1"
	EOF
	if tui_run editor2 "EDITOR='$T/editor.sh'"; then
		wait_screen "Symptoms"
		tm send-keys -t w e
		wait_screen "y/N"
		tm send-keys -t w y
		wait_screen "control character"
		tm send-keys -t w q
		wait_done
		tui_check editor2
	fi
	[ "$(sql "SELECT hex(note) FROM checkin WHERE date = '$TODAY'")" = "$before" ] ||
		bad "the note changed"
	case_end

	case_begin "TUI: a wide, combining, bidi note typed in is stored byte-for-byte"
	sql "DELETE FROM checkin WHERE date = '2026-11-20'"
	typed="Café 日本語 e"$'\u0301'" 👍🏽 "$'\u202e'"rev"$'\u202c'" end"
	if tui_run typed; then
		wait_screen "Symptoms"
		tm send-keys -t w '[' '[' '[' '[' '['
		wait_screen "Fri 20 November"
		tm send-keys -t w n
		wait_screen "Esc when done"
		tm send-keys -t w -l "$typed"
		tm send-keys -t w Escape
		wait_screen "note · saved"
		tm send-keys -t w q
		wait_done
		tui_check typed
	fi
	got=$(sql "SELECT hex(note) FROM checkin WHERE date = '2026-11-20'")
	[ "$got" = "$(hex "$typed" | tr a-f A-F)" ] || bad "stored $got"
	case_end
	tm kill-server 2>/dev/null
else
	case_begin "TUI"
	skip "tmux is not installed"
fi

summary termsafe
