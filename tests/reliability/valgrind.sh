#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# valgrind.sh -- the unit tests and the wean binary under valgrind's
# memcheck (SPEC section 8): no memory error and no definitely or
# indirectly lost block, in any process.
#
# usage: tests/reliability/valgrind.sh path/to/wean path/to/unit-tests
#   VALGRIND_PARTS="unit cli tui"  the parts to run (default all three)
#   VALGRIND_SUITES="text config ..." the unit suites (default below;
#                                   "all" = every suite, `make valgrind-full`)
#
# Criterion runs every test in a worker process of its own (a re-executed
# copy of the test binary), so valgrind follows children
# (--trace-children=yes) and writes one log per process; each log must end
# with "ERROR SUMMARY: 0 errors" (leaks of the kinds definite and indirect
# count as errors).  --jobs 2 keeps two workers busy on two cores.
#
# Valgrind costs about 1.5 s of CPU to start each process, whatever the
# test does, so the whole unit suite (300 processes) takes 5 minutes or
# more on two cores: too long for every CI run.  By default the suites of
# the modules that parse untrusted input or own the most memory run
# (text, config, json, csv, daylio, import, export, ics, fileio, cli:
# about 110 processes);
# storage and the rest are exercised in one process per command by the
# command line part, and all of them by `make valgrind-full`.
#
# The command line part runs wean on a fresh diary through the commands
# the golden tests use -- check-in, show, log, medications, plans, charts,
# exports, import, report, backup, check, and the refusals -- each under
# valgrind with the same options; the TUI part opens the diary in tmux,
# makes a change, moves through the screens and quits.
set -u
WEAN=${1:?usage: valgrind.sh path/to/wean path/to/unit-tests}
UNIT=${2:?usage: valgrind.sh path/to/wean path/to/unit-tests}
case $WEAN in /*) ;; *) WEAN=$(pwd)/$WEAN ;; esac
case $UNIT in /*) ;; *) UNIT=$(pwd)/$UNIT ;; esac
SRC=$(cd "$(dirname "$0")/../.." && pwd)
PARTS=${VALGRIND_PARTS:-unit cli tui}
SUITES=${VALGRIND_SUITES:-text config json csv daylio import export ics fileio cli}

if ! command -v valgrind > /dev/null 2>&1; then
	echo "valgrind: FAIL: valgrind is not installed; 'make deps' installs it" >&2
	exit 1
fi

T=$(mktemp -d "${TMPDIR:-/tmp}/wean-valgrind.XXXXXX")
SOCK="weanvg$$"
cleanup() {
	tmux -L "$SOCK" kill-server 2> /dev/null
	rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM

unset WEAN_DB WEAN_CONFIG NO_COLOR VISUAL EDITOR TMUX
export HOME="$T/home" TZ=UTC LANG=C.UTF-8 LC_ALL=C.UTF-8 WEAN_TODAY=2026-11-25
export XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config" WEAN_TMP="$T"
export WEAN_SRCDIR="$SRC" WEAN_DATADIR="$SRC/data" TMUX_TMPDIR="$T"
mkdir -p "$HOME" "$T/logs"

VG="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect
    --show-leak-kinds=definite,indirect --num-callers=30 --read-inline-info=no"

# The verdict over a set of logs: prints the bad ones, returns 1 if any.
verdict() {
	bad=0 n=0
	for log in "$@"; do
		[ -s "$log" ] || { n=$((n + 1)); continue; }   # -q: silent when clean
		n=$((n + 1))
		if grep -qE "ERROR SUMMARY: [1-9]|definitely lost: [1-9]|indirectly lost: [1-9]|Invalid|uninitialised|Mismatched|overlap" "$log" ||
		   grep -q "^==[0-9]*== [A-Z]" "$log"; then
			bad=$((bad + 1))
			echo "--- $log"
			head -60 "$log"
		fi
	done
	VERDICT_N=$n VERDICT_BAD=$bad
	[ "$bad" = 0 ]
}

fail=0
start=$(date +%s)

# ---- self-test: a leak and a bad read are caught ----------------------------------
if command -v cc > /dev/null 2>&1; then
	printf '%s\n' '#include <stdlib.h>' '#include <string.h>' \
		'int main(void) { char *p = malloc(16); char *q = malloc(8);' \
		'  strcpy(p, "leak"); q[0] = p[17]; p = NULL; return q[0] == 1; }' > "$T/leak.c"
	if cc -g -O0 -o "$T/leak" "$T/leak.c" 2> /dev/null; then
		# shellcheck disable=SC2086
		$VG --log-file="$T/selftest.log" "$T/leak" > /dev/null 2>&1
		rc=$?
		if [ $rc != 99 ] || verdict "$T/selftest.log" > /dev/null; then
			echo "valgrind: the self-test's leak and invalid read were not caught (exit $rc)"
			fail=1
		fi
	fi
fi

# ---- unit tests ---------------------------------------------------------------
if [[ " $PARTS " == *" unit "* ]]; then
	t0=$(date +%s)
	filter=()
	[ "$SUITES" = all ] || filter=(--filter "@($(echo $SUITES | tr ' ' '|'))/*")
	echo "valgrind: unit suites: $SUITES"
	# shellcheck disable=SC2086
	(cd "$SRC" && $VG --trace-children=yes --log-file="$T/logs/unit.%p.log" \
		"$UNIT" --jobs 2 --ascii "${filter[@]}") > "$T/unit.out" 2>&1
	rc=$?
	synth=$(grep "Synthesis" "$T/unit.out")
	echo "valgrind: unit tests: $synth"
	if [ $rc != 0 ] || ! echo "$synth" | grep -q "Failing: 0 | Crashing: 0"; then
		echo "valgrind: the unit tests failed under valgrind (exit $rc)"
		grep -v "^\[----\] Warning" "$T/unit.out" | grep -E "FAIL|Crash|exit|signal|\[FAIL\]" | head -30
		fail=1
	fi
	if verdict "$T"/logs/unit.*.log; then
		echo "valgrind: unit tests: $VERDICT_N processes, 0 errors, 0 definite/indirect leaks ($(( $(date +%s) - t0 )) s)"
	else
		echo "valgrind: unit tests: $VERDICT_BAD of $VERDICT_N processes with errors or leaks"
		fail=1
	fi
fi

# ---- the command line -----------------------------------------------------------------
DB="$T/diary.db"
n_cli=0
vw() {
	n_cli=$((n_cli + 1))
	# shellcheck disable=SC2086
	$VG --log-file="$T/logs/cli.$n_cli.log" "$WEAN" --db "$DB" "$@" > "$T/cli.out" 2>&1
	rc=$?
	if [ $rc = 99 ]; then
		echo "valgrind: 'wean $*' had memory errors"
		fail=1
	fi
	echo "$rc $*" >> "$T/cli.rcs"
}

if [[ " $PARTS " == *" cli "* ]]; then
	t0=$(date +%s)
	"$WEAN" --db "$T/j/diary.db" med add sertraline > /dev/null 2>&1   # makes $T/j
	"$WEAN" --db "$T/j/diary.db" checkin --date 2026-11-01 --mood 4 --note "from json" \
		--symptom nausea=2 --dose sertraline=50@08:00 > /dev/null
	"$WEAN" --db "$T/j/diary.db" export --format json -o "$T/in.json" > /dev/null
	vw --help
	vw med add sertraline --unit mg --form "tablet 50 mg half"
	vw checkin --date 2026-11-24 --mood 6 --anxiety 3 --sleep 7.5 --symptom dizziness=2 \
		--symptom "brain zaps=1" --dose sertraline=50@08:00 --note "a note é 日本" --flag \
		--question "hold?"
	vw checkin --mood 5
	vw plan add sertraline --start 2026-09-01 --from-dose 50 --method percent --step 10 --every 2w \
		--accept-warnings
	vw plan hold sertraline --from 2026-11-20 --reason "tired"
	vw plan show
	vw show 2026-11-24
	vw log --from 2026-11-01
	vw chart mood --days 30
	vw chart dose:sertraline --days 90
	vw symptoms add "jaw clenching" --group body
	vw symptoms
	vw export --format csv -o "$T/out.csv"
	vw export --format ics -o "$T/out.ics"
	vw import "$T/in.json"
	vw report --format html -o "$T/r.html"
	vw report --format txt
	vw backup "$T/b.db"
	vw check
	vw remind
	vw checkin --mood 11                       # refused: out of range
	vw checkin --symptom dizzyness=2           # refused: did you mean
	vw --db "$T/in.json" show                  # refused: not a diary
	if verdict "$T"/logs/cli.*.log; then
		echo "valgrind: command line: $n_cli runs of wean, 0 errors, 0 definite/indirect leaks ($(( $(date +%s) - t0 )) s)"
	else
		echo "valgrind: command line: $VERDICT_BAD of $VERDICT_N runs with errors or leaks"
		fail=1
	fi
	# every command did what it should (exit 0, or the refusal's code)
	want="0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 65 65 65"
	got=$(cut -d' ' -f1 "$T/cli.rcs" | tr '\n' ' ' | sed 's/ $//')
	[ "$got" = "$want" ] || { echo "valgrind: exit codes $got, expected $want"; fail=1; }
fi

# ---- the TUI ----------------------------------------------------------------------------
if [[ " $PARTS " == *" tui "* ]]; then
	if command -v tmux > /dev/null 2>&1; then
		t0=$(date +%s)
		[ -f "$DB" ] || "$WEAN" --db "$DB" checkin --mood 5 > /dev/null
		printf 'set -g status off\nset -g escape-time 0\nset -g remain-on-exit on\n' > "$T/tmux.conf"
		tm() { tmux -L "$SOCK" -f "$T/tmux.conf" "$@"; }
		# shellcheck disable=SC2086
		tm new-session -d -s w -x 80 -y 24 \
			"env TERM=screen-256color $(echo $VG) --log-file='$T/logs/tui.log' '$WEAN' --db '$DB'; echo \$? > '$T/tui.status'"
		wait_for() {
			end=$(( $(date +%s) + 60 ))
			until tm capture-pane -p -t w | grep -qF -- "$1"; do
				if [ "$(date +%s)" -ge "$end" ]; then
					echo "valgrind: TUI: timed out waiting for '$1'"
					tm capture-pane -p -t w
					fail=1
					return 1
				fi
				sleep 0.2
			done
		}
		wait_gone() {          # until the first line no longer shows $1
			end=$(( $(date +%s) + 60 ))
			while tm capture-pane -p -t w | head -1 | grep -qF -- "$1"; do
				[ "$(date +%s)" -ge "$end" ] && return 1
				sleep 0.2
			done
		}
		if wait_for "Symptoms"; then
			tm send-keys -t w 7
			wait_for "mood 7 · saved"
			tm send-keys -t w Tab
			wait_for "~differs"
			tm send-keys -t w Tab
			wait_for "Medications"
			tm send-keys -t w Tab '?'
			wait_for "Help"
			tm send-keys -t w Escape
			wait_gone "Help"
			tm send-keys -t w q
		fi
		end=$(( $(date +%s) + 60 ))
		until [ -s "$T/tui.status" ] || [ "$(date +%s)" -ge "$end" ]; do sleep 0.2; done
		st=$(cat "$T/tui.status" 2> /dev/null)
		if [ "$st" != 0 ]; then
			echo "valgrind: TUI: wean exited '${st:-not at all}'"
			tm capture-pane -p -t w 2> /dev/null
			fail=1
		elif verdict "$T/logs/tui.log"; then
			echo "valgrind: TUI: 0 errors, 0 definite/indirect leaks ($(( $(date +%s) - t0 )) s)"
		else
			echo "valgrind: TUI: errors or leaks"
			fail=1
		fi
	else
		echo "valgrind: TUI: SKIP: tmux is not installed"
	fi
fi

echo "valgrind: $([ $fail = 0 ] && echo ok || echo FAILED) in $(( $(date +%s) - start )) s"
exit $fail
