#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Run the Criterion unit tests hermetically.
set -eu
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp/home" TZ=UTC LANG=C.UTF-8 LC_ALL=C.UTF-8 WEAN_TODAY=2026-11-25
export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" WEAN_TMP="$tmp"
export WEAN_SRCDIR="$(pwd)"
unset WEAN_DB WEAN_CONFIG NO_COLOR
mkdir -p "$HOME"
# A leak the sanitizer build finds is reported when a test's worker ends,
# after Criterion has counted the test as passed: it fails the run here.
out="$tmp/unit.out"
rc=0
"$bin" --jobs 2 ${CRITERION_ARGS:-} > "$out" 2>&1 || rc=$?
cat "$out"
if grep -q 'ERROR: LeakSanitizer' "$out"; then
	echo "unit: the sanitizer found leaks (above)" >&2
	exit 1
fi
exit "$rc"
