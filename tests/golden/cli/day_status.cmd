# Issue 14 item 6: one fixture diary with every kind of day (no record,
# ratings only, a dose only, skipped, different, imported from Daylio
# without doses, flagged, a question only, a quick note only, a check-in
# without a dose), built by tests/data/day_status.sh; each surface of the
# command line shown, then read back by tests/data/day_status.py, which
# checks day by day that it says what tests/data/day_status.want says (the
# Calendar and the Journal: tests/e2e/day_status.sh).
sql() { sqlite3 "$WEAN_DB" "$1"; }
. "$SRC/tests/data/day_status.sh"
check() { /usr/bin/python3 "$SRC/tests/data/day_status.py" "$@"; }
days=$(seq -f '2026-03-%02g' 1 16)
# show, each day
for d in $days; do "$BIN" show "$d"; done > "$TMPD/show.txt"
sed -n '/^2026-03-0[5-9]/,/^2026-03-10/p' "$TMPD/show.txt"
check show "$TMPD/show.txt" | tail -1
# log
"$BIN" log --from 2026-03-01 --to 2026-03-16 | tee "$TMPD/log.txt"
check log "$TMPD/log.txt" | tail -1
# CSV
"$BIN" export --format csv --from 2026-03-01 --to 2026-03-16 > "$TMPD/d.csv"
check csv "$TMPD/d.csv"
# JSON: the days recorded, each planned medication's dose status
"$BIN" export --format json --from 2026-03-01 --to 2026-03-16 > "$TMPD/d.json"
grep -o '"date":"2026-03-[0-9]*"\|"dose_status":{[^}]*}' "$TMPD/d.json" | paste - - | head -3
check json "$TMPD/d.json" | tail -1
# the report (txt; md and html say the same words)
"$BIN" report --format txt --from 2026-03-01 --to 2026-03-16 > "$TMPD/r.txt"
sed -n '/^Current medications/,/^Measure/p;/^Step/,/^$/p;/^Doses: planned/,/^Days flagged/p' "$TMPD/r.txt"
check report "$TMPD/r.txt" | tail -2
grep -ci 'missed\|check-in' "$TMPD/r.txt"
