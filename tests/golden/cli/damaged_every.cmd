# Issue 15 item 2: a diary whose checkin table is damaged makes every
# command that reads it fail with the one message and exit 65 -- never
# exit 0 with the check-ins missing -- and every export format and report
# format writes no file.  `remind` answers from the date index, which is
# whole (no check-in today: exit 1, the truth); `med list` and the ics file
# read only undamaged tables until those are damaged too.
wean med add sertraline --unit mg --form "tablet 25 mg" > /dev/null
wean plan add sertraline --start 2026-10-01 --from-dose 100 --method linear \
	--step 25 --every 8w --accept-warnings > /dev/null
for d in 01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19 20; do
	wean checkin --date 2026-11-$d --mood 5 --dose sertraline=100 \
		--note "a note on day $d" > /dev/null
done
# a table's root page overwritten with bytes that are no page
damage() {
	sqlite3 "$WEAN_DB" "PRAGMA wal_checkpoint(TRUNCATE)" > /dev/null
	root=$(sqlite3 "$WEAN_DB" "SELECT rootpage FROM sqlite_schema WHERE name = '$1'")
	head -c 4096 /dev/zero | tr '\0' '\377' |
		dd of="$WEAN_DB" bs=4096 seek=$((root - 1)) conv=notrunc status=none
}
damage checkin
damaged() { "$BIN" "$@" 2>&1 | grep -c 'the diary is damaged'; echo "[exit ${PIPESTATUS[0]}]"; }
for fmt in csv json ics; do
	echo "export $fmt:"
	damaged export --format "$fmt" -o "$TMPD/out.$fmt"
	test -e "$TMPD/out.$fmt" && echo "out.$fmt was written"
	echo "export $fmt to stdout:"
	damaged export --format "$fmt"
done
for fmt in md text html; do
	echo "report $fmt:"
	damaged report --format "$fmt" -o "$TMPD/report.$fmt"
	test -e "$TMPD/report.$fmt" && echo "report.$fmt was written"
done
for args in "log" "show 2026-11-05" "chart mood" "chart dose:sertraline" \
	"remind" "checkin --date 2026-11-21 --mood 4"; do
	echo "$args:"
	# shellcheck disable=SC2086
	damaged $args
done
# the calendar file and the plan read the plan and dose tables
damage plan
damage dose
for args in "export --format ics" "plan show sertraline" "chart dose:sertraline" \
	"med list"; do
	echo "$args:"
	# shellcheck disable=SC2086
	damaged $args
done
echo "check:"
wean check 2>&1 | head -2
