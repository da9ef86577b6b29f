#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/fuzz/run.sh -- run the libFuzzer harnesses built by mk/fuzz.mk.
#
#   run.sh fuzz    DIR SECONDS NAME...   fuzz each harness DIR/fuzz_NAME for
#       SECONDS on DIR/corpus-NAME, a working copy seeded from
#       tests/fuzz/corpus/NAME and tests/fuzz/crashes/NAME (the repository's
#       corpus is never written); findings go to DIR/artifacts-NAME/
#   run.sh regress DIR 0 NAME...         run each harness once over
#       tests/fuzz/corpus/NAME and tests/fuzz/crashes/NAME (-runs=0: no
#       fuzzing)
#
# One line per harness: executions, speed, and whether it crashed; the full
# libFuzzer log is DIR/NAME.log (its tail is printed after a crash).  Exit
# status 1 when any harness crashed (a sanitizer report, a timeout of 10 s
# on one input, a broken check), else 0.
set -u

mode=$1 dir=$(cd "$2" && pwd) secs=$3
shift 3
here=$(cd "$(dirname "$0")" && pwd)    # absolute: the CLI harness changes directory
failed=0

stat_of() {   # stat_of LOG KEY -> the value of libFuzzer's "stat::KEY: N"
	sed -n "s/^stat::$2: *//p" "$1" | tail -n 1
}

report() {    # report NAME RC LOG
	name=$1 rc=$2 log=$3
	execs=$(stat_of "$log" number_of_executed_units)
	speed=$(stat_of "$log" average_exec_per_sec)
	rss=$(stat_of "$log" peak_rss_mb)
	if [ "$rc" -eq 0 ]; then
		printf '  FUZZ    %-14s %s executions (%s/s, peak %s MB), no crash\n' \
			"$name" "${execs:-?}" "${speed:-?}" "${rss:-?}"
		return
	fi
	printf '  FUZZ    %-14s CRASH after %s executions (exit %s); log: %s\n' \
		"$name" "${execs:-?}" "$rc" "$log"
	grep -E 'ERROR|contract violated|^  [^ ]|SUMMARY|Test unit written|^    #[0-7] ' "$log" |
		grep -v 'in fuzzer::' | head -n 24 | sed 's/^/          /'
	failed=1
}

regress() {   # regress BIN LOG ARTIFACTS DIR... -> the harness's exit status
	bin=$1 log=$2 art=$3
	shift 3
	mkdir -p "$art"
	"$bin" -runs=0 -timeout=10 -close_fd_mask=2 -print_final_stats=1 \
		-artifact_prefix="$art/" "$@" >"$log" 2>&1
}

seed=${WEAN_SEED:-20261205}

for name in "$@"; do
	bin=$dir/fuzz_$name
	log=$dir/$name.log
	corpus=$here/corpus/$name
	crashes=$here/crashes/$name
	if [ ! -x "$bin" ]; then
		echo "fuzz: $bin is missing (make fuzz-build)" >&2
		exit 1
	fi
	if [ "$mode" = regress ]; then
		if [ -d "$crashes" ]; then
			regress "$bin" "$log" "$dir/artifacts-$name" "$corpus" "$crashes"
		else
			regress "$bin" "$log" "$dir/artifacts-$name" "$corpus"
		fi
		report "$name" $? "$log"
		continue
	fi
	work=$dir/corpus-$name
	mkdir -p "$work" "$dir/artifacts-$name"
	cp "$corpus"/* "$work"/ 2>/dev/null
	[ -d "$crashes" ] && cp "$crashes"/* "$work"/ 2>/dev/null
	# a fixed, printed seed: WEAN_SEED=N repeats a run
	echo "  FUZZ    $name: seed $seed (repeat with WEAN_SEED=$seed)"
	"$bin" -seed="$seed" -max_total_time="$secs" -timeout=10 -close_fd_mask=2 \
		-print_final_stats=1 -artifact_prefix="$dir/artifacts-$name/" "$work" >"$log" 2>&1
	report "$name" $? "$log"
done
exit $failed
