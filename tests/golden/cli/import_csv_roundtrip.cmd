# Issue 15: wean's CSV export -> import -> export gives the same bytes, also
# with names and notes that start with = + - @ or an apostrophe (the
# formula guard is taken off every cell read back, the header's too).
# Issue 14: with a plan, a dose recorded as skipped (taken 0) and a day of
# ratings only (recorded, no check-in, burden 0): the columns "recorded" and
# "<med> status" read back the same.
cat > "$TMPD/lists.json" <<'JSON'
{"format":"wean","schema_version":2,
"symptoms":[{"name":"=zap"},{"name":"+tingle"},{"name":"-dizzy"},{"name":"@night"},
 {"name":"'quoted"}],
"metrics":[{"name":"-swing","min":-10,"max":10}],
"medications":[{"name":"=med","unit":"mg"}]}
JSON
cat > "$TMPD/days.json" <<'JSON'
{"format":"wean","schema_version":2,"days":[
{"date":"2026-11-01","checkin":{"mood":3,"note":"=1+1"},"ratings":{"=zap":2,"-dizzy":1},
 "metrics":{"-swing":-3.5},"doses":[{"med":"=med","amount":12.5}]},
{"date":"2026-11-02","doses":[{"med":"=med","amount":0}]},
{"date":"2026-11-03","checkin":{"note":"'=guarded by hand\nand @ a second line"},
 "ratings":{"+tingle":2,"@night":3,"'quoted":1}},
{"date":"2026-11-04","ratings":{"=zap":0}}]}
JSON
PLAN="--start 2026-10-30 --from-dose 12.5 --method linear --step 2.5 --every 4w --accept-warnings"
wean import "$TMPD/lists.json"
wean plan add =med $PLAN > /dev/null
wean import "$TMPD/days.json"
wean export --format csv -o "$TMPD/a.csv"
head -1 "$TMPD/a.csv" | tr ',' '\n' | grep "^'"
/usr/bin/python3 - "$TMPD/a.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))
keep = [rows[0].index(c) for c in ('date', 'recorded', 'burden', "'=med taken", "'=med status")]
for r in rows:
    print(','.join(r[i] for i in keep))
PY
wean --db "$TMPD/b.db" import "$TMPD/lists.json"
wean --db "$TMPD/b.db" plan add =med $PLAN > /dev/null
wean --db "$TMPD/b.db" import "$TMPD/a.csv" --format csv
wean --db "$TMPD/b.db" export --format csv -o "$TMPD/b.csv"
cmp "$TMPD/a.csv" "$TMPD/b.csv" && echo "round trip: identical"
wean --db "$TMPD/b.db" show 2026-11-03 | sed -n '/Note/,$p'
wean --db "$TMPD/b.db" show 2026-11-02 | sed -n '/Doses/,$p'
sqlite3 "$TMPD/b.db" "SELECT date FROM checkin ORDER BY date"
