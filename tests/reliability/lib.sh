# SPDX-License-Identifier: GPL-3.0-or-later
# lib.sh -- helpers for the reliability tests (faults.sh, termsafe.sh);
# sourced, needs bash.
#
# Each test runs the real binary ($WEAN) in a pinned environment under a
# temporary directory ($T), one case at a time:
#
#   case_begin NAME             start a case (failures inside are counted once)
#   run ARGS...                 run wean; sets $rc, $out (stdout), $err (stderr)
#   as_user ARGS...             the same, as an unprivileged user when root
#   expect_rc CODE              the exit status
#   expect_err_line REGEX       stderr is one line "wean: ..." matching REGEX
#   snap PATH... / unchanged    sha256 of files and listing of their
#                               directories before / after: byte-for-byte
#                               untouched, and nothing new left beside them
#   no_esc TEXT_FILE            no ESC (or other C0/C1 control) byte in it
#   known_bug TEXT              the case shows a reported bug (XFAIL)
#   case_end / skip REASON      close the case (ok / FAIL / SKIP)
#   summary NAME                "NAME: N passed, N failed, N skipped"

set -u

: "${WEAN:?WEAN must name the binary}"
case $WEAN in /*) ;; *) WEAN=$(pwd)/$WEAN ;; esac
REL_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
NOBODY_UID=65534

rel_setup() {
	T=$(mktemp -d "${TMPDIR:-/tmp}/wean-rel.XXXXXX")
	chmod 755 "$T"
	trap rel_cleanup EXIT
	trap 'exit 1' HUP INT TERM
	unset NO_COLOR WEAN_DB WEAN_CONFIG VISUAL EDITOR TMUX
	export HOME="$T/home" TZ=UTC LANG=C.UTF-8 LC_ALL=C.UTF-8
	export WEAN_TODAY=2026-11-25 XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config"
	mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
	# a copy any user may run (the build directory may be private)
	cp "$WEAN" "$T/wean" && chmod 755 "$T/wean"
	PASS=0 FAILED=0 SKIPPED=0 XFAIL=0 XPASS=0 CASE="" CASE_BAD=0 KNOWN=""
	MOUNTS=""
}

rel_cleanup() {
	for m in $MOUNTS; do umount "$m" 2>/dev/null; done
	chmod -R u+rwX "$T" 2>/dev/null
	rm -rf "$T"
	return 0
}

case_begin() { CASE=$1; CASE_BAD=0; KNOWN=""; }

bad() {
	[ "$CASE_BAD" = 0 ] && echo "  $([ -n "$KNOWN" ] && echo XFAIL || echo FAIL)  $CASE"
	CASE_BAD=1
	echo "        $*"
}

case_end() {
	if [ -n "$KNOWN" ]; then
		known_end
	elif [ "$CASE_BAD" = 0 ]; then
		PASS=$((PASS + 1))
		echo "  ok    $CASE"
	else
		FAILED=$((FAILED + 1))
	fi
	CASE="" KNOWN=""
}

# known_bug TEXT: this case asserts what wean should do but does not yet
# (a bug reported to the owner of the code).  Its failure is shown as
# XFAIL and does not fail the suite; if it passes, XPASS asks to remove the
# mark.  Must follow case_begin.
known_bug() { KNOWN=$1; }

known_end() {
	if [ "$CASE_BAD" = 0 ]; then
		XPASS=$((XPASS + 1))
		echo "  XPASS $CASE (marked as a known bug: $KNOWN -- remove the mark)"
	else
		XFAIL=$((XFAIL + 1))
		echo "  XFAIL (known bug: $KNOWN)"
	fi
}

skip() {
	SKIPPED=$((SKIPPED + 1))
	echo "  SKIP  $CASE: $*"
	CASE=""
}

summary() {
	echo "$1: $PASS passed, $FAILED failed, $SKIPPED skipped, $XFAIL known bugs$([ "$XPASS" -gt 0 ] && echo ", $XPASS known bugs now pass")"
	[ "$FAILED" -eq 0 ]
}

# run ARGS...: wean with its output captured.
run() {
	"$T/wean" "$@" > "$T/out" 2> "$T/err"
	rc=$?
	out=$(cat "$T/out")
	err=$(cat "$T/err")
}

# Can this process drop to another user?  (root with setpriv)
can_drop() { [ "$(id -u)" = 0 ] && command -v setpriv > /dev/null 2>&1; }

# as_user ARGS...: as root, run wean as 'nobody' so that file modes count
# (root ignores them); otherwise as ourselves.
as_user() {
	if [ "$(id -u)" = 0 ]; then
		setpriv --reuid=$NOBODY_UID --regid=$NOBODY_UID --clear-groups \
			env HOME="$HOME" "$T/wean" "$@" > "$T/out" 2> "$T/err"
	else
		"$T/wean" "$@" > "$T/out" 2> "$T/err"
	fi
	rc=$?
	out=$(cat "$T/out")
	err=$(cat "$T/err")
}

# A directory the test user owns (nobody when root).
user_dir() {
	mkdir -p "$1"
	[ "$(id -u)" = 0 ] && chown -R $NOBODY_UID:$NOBODY_UID "$1"
	return 0
}

expect_rc() {
	[ "$rc" = "$1" ] || bad "exit $rc, expected $1 (stderr: $err)"
}

# One line on stderr, "wean: " first, matching the extended regex.
expect_err_line() {
	n=$(printf '%s' "$err" | grep -c '')
	[ "$n" = 1 ] || bad "stderr has $n lines, expected one: $err"
	case $err in "wean: "*) ;; *) bad "stderr does not start with 'wean: ': $err" ;; esac
	printf '%s' "$err" | grep -Eq -- "$1" || bad "stderr does not match /$1/: $err"
	printf '%s' "$err" | LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" &&
		bad "stderr holds a control character"
	return 0
}

# snap PATH...: remember the files' hashes and their directories' listings.
snap() {
	SNAP_PATHS="$*"
	SNAP=$(snap_state "$@")
}

snap_state() {
	for p in "$@"; do
		if [ -f "$p" ]; then sha256sum < "$p" | cut -c1-64; else echo "absent $p"; fi
		ls -A "$(dirname "$p")" 2>/dev/null | sed 's/^/  /'
	done
}

# The snapped files are byte-for-byte the same and nothing was added or
# removed beside them (no temporary, -wal, -shm or journal file left).
unchanged() {
	# shellcheck disable=SC2086
	now=$(snap_state $SNAP_PATHS)
	[ "$now" = "$SNAP" ] || bad "files changed: $(diff <(echo "$SNAP") <(echo "$now") | grep '^[<>]' | tr '\n' ' ')"
}

# no_esc FILE: not one ESC, other C0 control (but tab and newline) or C1
# control (as UTF-8: C2 80..9F) reached the terminal.
no_esc() {
	if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$1"; then
		bad "control bytes in $2: $(LC_ALL=C grep -o "$(printf '[\001-\010\013-\037\177].\{0,8\}')" "$1" | head -3 | od -c | head -3 | tr -s ' ')"
	fi
	if LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$1"; then
		bad "C1 control characters in $2"
	fi
}

# A tmpfs of the given size at DIR (root only); returns 1 when impossible.
mount_small() {
	[ "$(id -u)" = 0 ] || return 1
	mkdir -p "$1"
	mount -t tmpfs -o "size=$2,mode=0755" tmpfs "$1" 2>/dev/null || return 1
	MOUNTS="$1 $MOUNTS"
}

# Fill the filesystem holding DIR, leaving about KB kilobytes free.
fill_disk() {
	dd if=/dev/zero of="$1/filler" bs=1k 2>/dev/null
	if [ "$2" -gt 0 ]; then
		size=$(stat -c %s "$1/filler")
		truncate -s $((size - $2 * 1024)) "$1/filler"
	fi
	sync
}
