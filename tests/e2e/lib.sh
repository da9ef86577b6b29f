# SPDX-License-Identifier: GPL-3.0-or-later
# lib.sh -- helpers for the screen tests; sourced by tests/e2e/*.sh.
#
# Each test runs the real binary ($WEAN) in a detached tmux session on a
# private socket, with a pinned environment and terminal size, drives it
# with send-keys and reads it back with capture-pane.  Waits poll the
# screen with a timeout; nothing sleeps for long.
#
# Provides: e2e_setup, start W H [ARGS...], screen, screen_attr, keys,
# type_text, wait_for TEXT, wait_for_in SESSION TEXT, wait_gone TEXT, wait_exit, wean_pid,
# resize W H, wean ARGS (the CLI), sql QUERY, fail MSG, check_screen NAME,
# check_fits WHAT, keys_changing KEY...

set -u

: "${WEAN:?WEAN must name the binary}"
E2E_DIR=$(cd "$(dirname "$0")" && pwd)
E2E_TIMEOUT=${E2E_TIMEOUT:-15}

fail() {
	echo "FAIL: $*" >&2
	if [ -n "${SOCK:-}" ] && tm has-session -t w 2>/dev/null; then
		echo "--- screen ---" >&2
		screen >&2
		echo "--------------" >&2
	fi
	exit 1
}

tm() { tmux -L "$SOCK" -f "$T/tmux.conf" "$@"; }

cleanup() {
	[ -n "${SOCK:-}" ] && tmux -L "$SOCK" kill-server 2>/dev/null
	[ -n "${T:-}" ] && rm -rf "$T"
	return 0
}

# A private, pinned world under a temporary directory.
e2e_setup() {
	T=$(mktemp -d "${TMPDIR:-/tmp}/wean-e2e.XXXXXX")
	trap cleanup EXIT
	trap 'exit 1' HUP INT TERM
	SOCK="weantest-${E2E_RUN:-$$}-$(basename "$0" .sh)"
	export TMUX_TMPDIR="$T"
	unset TMUX NO_COLOR WEAN_DB WEAN_CONFIG VISUAL EDITOR
	export HOME="$T/home" TZ=UTC LANG=C.UTF-8 LC_ALL=C.UTF-8
	export WEAN_TODAY=2026-11-25 TERM=screen-256color
	# the shipped data files, wherever the binary was built (make B=...)
	export WEAN_DATADIR="$E2E_DIR/../../data"
	export XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config"
	mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
	DB="$T/wean.db"
	# A diary whose first-run setup was skipped, so each test starts on
	# Today; tests/e2e/setup.sh clears the mark to test the setup itself.
	"$WEAN" --db "$DB" symptoms show dizziness >/dev/null ||
		fail "cannot create the test diary"
	sqlite3 "$DB" "INSERT INTO meta(key, value) VALUES ('setup_skipped', '1')" ||
		fail "cannot mark the setup as skipped"
	cat > "$T/tmux.conf" <<-EOF
	set -g default-terminal screen-256color
	set -g status off
	set -g escape-time 0
	set -g remain-on-exit on
	set -g history-limit 0
	set -g exit-empty off
	EOF
}

# start W H [ENV=VALUE...] [-- ARGS...]: run wean in a WxH terminal.
start() {
	w=$1 h=$2
	shift 2
	envs=""
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do
		envs="$envs $1"
		shift
	done
	[ $# -gt 0 ] && shift
	args=""
	for a in "$@"; do args="$args '$a'"; done
	tm kill-session -t w 2>/dev/null
	rm -f "$T/exit.status"
	tm new-session -d -s w -x "$w" -y "$h" \
		"env TERM=screen-256color $envs '$WEAN' --db '$DB' $args;
		 echo \$? > '$T/exit.status'" || fail "tmux did not start"
}

# Panes are named "SESSION:" (the session's current window): a bare "w"
# would also match a window whose name starts with w ("wean", named after
# its command) in the newest session, when a test runs several.
screen() { tm capture-pane -p -t w:; }
# With attributes (SGR escape sequences).
screen_attr() { tm capture-pane -p -e -t w:; }
keys() { tm send-keys -t w: "$@"; }
type_text() { tm send-keys -t w: -l "$1"; }
# The wean process (a child of the pane's shell).
wean_pid() {
	ps -o pid= --ppid "$(tm display-message -p -t w: '#{pane_pid}')" | tr -d ' '
}

wait_for() { wait_for_in w "$1"; }

# wait_for_in SESSION TEXT: the same in another tmux session.
wait_for_in() {
	end=$(( $(date +%s) + E2E_TIMEOUT ))
	while :; do
		if tm capture-pane -p -t "$1:" | grep -qF -- "$2"; then return 0; fi
		if [ "$(date +%s)" -ge "$end" ]; then
			[ "$1" = w ] || tm capture-pane -p -t "$1:" >&2
			fail "timed out waiting in $1 for: $2"
		fi
		sleep 0.05
	done
}

wait_gone() {
	end=$(( $(date +%s) + E2E_TIMEOUT ))
	while :; do
		if ! screen | grep -qF -- "$1"; then return 0; fi
		[ "$(date +%s)" -ge "$end" ] && fail "timed out waiting for '$1' to go"
		sleep 0.05
	done
}

# keys_changing KEY...: send the keys, then wait until the screen changes.
keys_changing() {
	before=$(screen)
	keys "$@"
	end=$(( $(date +%s) + E2E_TIMEOUT ))
	while [ "$(screen)" = "$before" ]; do
		[ "$(date +%s)" -ge "$end" ] && fail "the screen did not change after: $*"
		sleep 0.05
	done
}

# check_fits WHAT: the screen fits 80 columns and no row of prose is cut
# where it should wrap: fails on a line wider than 80 columns, or on one
# that ends in a word cut with an ellipsis ("befo…" or "befo...").  A
# cell of a grid cut mid-row ("tingling or numbn…   ·") is not prose, nor
# the last cell of a row of a dated table (the Plan's steps, the Journal).
check_fits() {
	screen > "$T/fits.txt"
	widest=$(wc -L < "$T/fits.txt")
	[ "$widest" -le 80 ] || fail "$1: a line of $widest columns"
	if grep -vE '^[ ›>]*[0-9]{4}-[0-9]{2}-[0-9]{2} ' "$T/fits.txt" |
	   grep -nE '[[:alpha:]](…|\.\.\.) *$' >&2; then
		fail "$1: a line cut where it should wrap"
	fi
	return 0
}

# Wait until wean has left, and check that it exited with status 0.
wait_exit() {
	end=$(( $(date +%s) + E2E_TIMEOUT ))
	while [ ! -s "$T/exit.status" ]; do
		[ "$(date +%s)" -ge "$end" ] && fail "wean did not exit"
		sleep 0.05
	done
	st=$(cat "$T/exit.status")
	[ "$st" = 0 ] || fail "wean exited with status $st"
}

# Wait for a process to be gone.
wait_pid_gone() {
	end=$(( $(date +%s) + E2E_TIMEOUT ))
	while kill -0 "$1" 2>/dev/null &&
	      [ "$(ps -o stat= -p "$1" 2>/dev/null | cut -c1)" != Z ]; do
		[ "$(date +%s)" -ge "$end" ] && fail "process $1 did not end"
		sleep 0.05
	done
}

resize() { tm resize-window -t w: -x "$1" -y "$2"; }

wean() { "$WEAN" --db "$DB" "$@"; }
sql() { sqlite3 -batch -noheader -cmd '.timeout 5000' "$DB" "$1"; }

# Normalise a capture: no trailing blanks, no trailing empty lines, and
# clock times (which follow the real clock) as HH:MM.
normalise() {
	sed -e 's/[[:space:]]*$//' \
	    -e 's/\([0-9][0-9]\):\([0-9][0-9]\)/HH:MM/g' |
	awk '{ a[NR] = $0 } $0 != "" { last = NR } END { for (i = 1; i <= last; i++) print a[i] }'
}

# Compare the screen with tests/e2e/expected/NAME.txt (UPDATE_EXPECTED=1
# rewrites it instead).
check_screen() {
	exp="$E2E_DIR/expected/$1.txt"
	screen | normalise > "$T/$1.got"
	if [ "${UPDATE_EXPECTED:-0}" = 1 ]; then
		cp "$T/$1.got" "$exp"
		return 0
	fi
	[ -f "$exp" ] || fail "no expected screen $exp (run with UPDATE_EXPECTED=1)"
	if ! diff -u "$exp" "$T/$1.got" >&2; then
		fail "screen $1 differs from $exp"
	fi
}

# wait_unless TEXT CHECK MSG: wait for TEXT on the screen, failing with MSG
# as soon as the shell command CHECK succeeds (a trap sprung: something
# was written or started that should not be) -- so a test of a trap fails
# for the trap itself, not for a missing message.
wait_unless() {
	end=$(( $(date +%s) + E2E_TIMEOUT ))
	while :; do
		if eval "$2"; then fail "$3"; fi
		if screen | grep -qF -- "$1"; then eval "$2" && fail "$3"; return 0; fi
		[ "$(date +%s)" -ge "$end" ] && fail "timed out waiting for: $1"
		sleep 0.05
	done
}

# Issue 19's fixtures, made through the CLI.
# lorazepam_plan [PLAN ADD OPTIONS...]: lorazepam (1 mg and 0.5 mg tablets
# that halve), 3 mg as 1 + 1 + 1 at 08:00, 14:00 and 22:00, 10% every 2
# weeks from 2026-11-03 (step 1, 2.75 mg, on 2026-11-25: 1 + 1 + 0.75).
lorazepam_plan() {
	wean med add lorazepam --unit mg --form "tablet 1 mg /2" --form "tablet 0.5 mg /2" \
		> /dev/null || fail "med add lorazepam"
	wean plan add lorazepam --start 2026-11-03 --from-dose 3 --method percent --step 10 \
		--every 2w --times 08:00,14:00,22:00 --split 1,1,1 "$@" --accept-warnings \
		> /dev/null || fail "plan add lorazepam"
}

# alprazolam_switch STAGE [PLAN SWITCH OPTIONS...]: alprazolam 2 mg as
# 0.5 + 0.5 + 1 (0.5 mg tablets that halve) from 2026-11-01, switched to
# diazepam (2 mg tablets that halve, 5 mg tablets, a 0.4 mg/ml liquid) a
# dose every STAGE (1w or 2w) from 2026-12-01, Ashton unless the options
# say otherwise, then 8% every 2 weeks to 2 mg.
alprazolam_switch() {
	stage=$1
	shift
	wean med add alprazolam --unit mg --form "tablet 0.5 mg /2" > /dev/null ||
		fail "med add alprazolam"
	wean med add diazepam --unit mg --form "tablet 2 mg /2" --form "tablet 5 mg" \
		--form "liquid 0.4 mg/ml" > /dev/null || fail "med add diazepam"
	wean plan add alprazolam --start 2026-11-01 --from-dose 2 --method linear --step 0.25 \
		--every 8w --times 08:00,14:00,22:00 --split 0.5,0.5,1 --accept-warnings \
		> /dev/null || fail "plan alprazolam"
	wean plan switch alprazolam --to diazepam --stage "$stage" --start 2026-12-01 \
		--step 8 --every 2w --to-dose 2 "$@" > /dev/null || fail "plan switch"
}
