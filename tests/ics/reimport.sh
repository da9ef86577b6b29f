#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# reimport.sh WEAN -- the ics export re-imported into calendar apps after
# the plan changes (issue 18): a diary with two tapers is exported, then
# one is held, resumed, goes back up on a step's day, and the other is
# replaced by a new plan, with an export after each change.
#   - python3-icalendar reads every export (tests/ics/check.py): UIDs
#     stable, SEQUENCE higher for every event that moved or was
#     cancelled, one event per UID, at most one dose a day per medication;
#   - khal imports each export in turn into one calendar (khal import
#     --batch) and must end with one event per UID ever exported, at most
#     one dose a day per medication, and no planned cut on a day the
#     person was holding.
# A tool that is missing is installed if we may (root, or sudo without a
# password); only when that fails is its part skipped, with a SKIP line.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp/home" TZ=UTC LANG=C.UTF-8 LC_ALL=C.UTF-8 WEAN_DB="$tmp/diary.db" \
       XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" WEAN_DATADIR="$here/../../data"
unset WEAN_CONFIG
mkdir -p "$HOME"
fail=0
bad() { echo "FAIL ics-reimport: $*"; fail=$((fail + 1)); }

. "$here/../need.sh"

w() { "$bin" "$@" > "$tmp/out" 2>&1 || { cat "$tmp/out"; bad "wean $* exited $?"; }; }
n=0
export_now() {
	n=$((n + 1))
	w export --format ics -o "$tmp/$n.ics"
	echo "export $n ($1): $(head -1 "$tmp/out")"
}

# --- the diary and its changes ---------------------------------------------------
export WEAN_TODAY=2026-03-01
w med add sertraline --form "tablet 1 mg"
w med add escitalopram --form "tablet 1 mg"
w plan add sertraline --start 2026-01-05 --from-dose 35 --method linear --step 1 --every 1w --accept-warnings
w plan add escitalopram --start 2026-01-07 --from-dose 10 --method linear --step 1 --every 2w --accept-warnings
export_now "two tapers"
w plan hold sertraline --from 2026-02-20 --reason "zaps"
export_now "sertraline on hold since 2026-02-20"
export WEAN_TODAY=2026-03-15
w plan resume sertraline --on 2026-03-15
export_now "resumed on 2026-03-15"
w plan reinstate sertraline --dose 31 --on 2026-03-18 --reason "dizzy" --accept-warnings
export_now "back up to 31 mg on a step's day"
w plan add escitalopram --start 2026-04-01 --from-dose 6 --method linear --step 0.5 --every 2w --accept-warnings
export_now "escitalopram's plan replaced from 2026-04-01"
files=$(seq -f "$tmp/%g.ics" 1 "$n")

# --- python3-icalendar -------------------------------------------------------------
if need "/usr/bin/python3 -c 'import icalendar'" python3-icalendar; then
	# shellcheck disable=SC2086
	/usr/bin/python3 "$here/check.py" $files | sed "s|$tmp/||" || bad "check.py found problems"
else
	echo "SKIP ics-reimport: python3-icalendar cannot be installed"
fi

# --- khal ----------------------------------------------------------------------------
if need "khal --version && /usr/bin/python3 -c 'import vobject'" khal python3-vobject; then
	mkdir -p "$tmp/cal"
	cat > "$tmp/khal.conf" <<CONF
[calendars]
[[wean]]
path = $tmp/cal
type = calendar
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
[default]
default_calendar = wean
CONF
	k() { khal -c "$tmp/khal.conf" "$@"; }
	for i in $(seq 1 "$n"); do
		k import --batch "$tmp/$i.ics" > "$tmp/khal.log" 2>&1 || { cat "$tmp/khal.log"; bad "khal import $i failed"; }
		uids=$(cat $(seq -f "$tmp/%g.ics" 1 "$i") | tr -d '\r' | sed -n 's/^UID://p' | sort -u | wc -l)
		k list --format 'EV|{start-date}|{status}|{uid}|{title}' 2025-12-01 1500d 2> /dev/null |
			grep '^EV|' > "$tmp/khal.list"
		held=$(grep -c '|CANCELLED |' "$tmp/khal.list")
		echo "khal after export $i: $(wc -l < "$tmp/khal.list") events ($held cancelled), $uids UIDs exported so far"
		[ "$(wc -l < "$tmp/khal.list")" -eq "$uids" ] || bad "khal holds $(wc -l < "$tmp/khal.list") events for $uids UIDs"
		# at most one dose a day per medication among the events in force
		twice=$(grep '|CONFIRMED |' "$tmp/khal.list" | sed 's/^EV|\([^|]*\)|[^|]*|[^|]*|.* mg \([a-z]*\).*/\1 \2/' |
			sort | uniq -d)
		[ -z "$twice" ] || bad "khal after export $i: two doses on one day: $twice"
		# no planned sertraline cut on a day the person was holding
		[ "$i" -ge 2 ] || continue
		last=2026-03-14
		[ "$i" -eq 2 ] && last=9999-12-31
		stale=$(grep '|CONFIRMED |.*Planned step: .* sertraline' "$tmp/khal.list" |
			awk -F'|' -v l="$last" '$2 >= "2026-02-20" && $2 <= l')
		[ -z "$stale" ] || bad "khal after export $i: a cut while on hold: $stale"
	done
	echo "khal: sertraline's first steps after the hold:"
	grep 'sertraline' "$tmp/khal.list" | awk -F'|' '$2 >= "2026-02-13" && $2 <= "2026-03-23"' |
		cut -d'|' -f2,3,5 | sed 's/^/  /'
else
	echo "SKIP ics-reimport: khal and python3-vobject cannot be installed"
fi
echo "ics-reimport: $n exports checked, $fail failed"
[ "$fail" -eq 0 ]
