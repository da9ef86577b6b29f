# Issue 18 item 3: export --format csv --for-spreadsheet (a UTF-8 BOM, the
# units in the header, decimal points) next to the plain CSV, which stays
# as it was; the import reads it back (the BOM, the header names with
# units, the formula guard) so export -> import -> export loses nothing,
# also when a spreadsheet saved it with semicolons or tabs (said in the
# summary); import FILE picks the format from its name and says which;
# JSON time stamps in ISO 8601 with T and Z, old exports still import.
cat > "$TMPD/lists.json" <<'JSON'
{"format":"wean","schema_version":2,
"symptoms":[{"name":"=zap"},{"name":"pain (left)"}],
"metrics":[{"name":"weight (kg)","min":0,"max":500}],
"medications":[{"name":"Sertralin","unit":"mg"}]}
JSON
cat > "$TMPD/days.json" <<'JSON'
{"format":"wean","schema_version":2,"days":[
{"date":"2026-11-01","checkin":{"mood":3,"sleep":7.25,"note":"=1+1, Grüße; ok",
 "created":"2026-11-01 08:00:00","updated":"2026-11-01T09:30:00Z"},
 "ratings":{"=zap":2,"pain (left)":1},"metrics":{"weight (kg)":71.5},
 "doses":[{"med":"Sertralin","amount":37.5}]},
{"date":"2026-11-03","checkin":{"mood":6,"flag":1,"note":"tab\there",
 "created":"2026-11-03 21:00:00","updated":"2026-11-03 21:00:00"}}]}
JSON
wean import "$TMPD/lists.json"
wean import "$TMPD/days.json"
wean export --format csv -o "$TMPD/plain.csv"
wean export --format csv --for-spreadsheet -o "$TMPD/sheet.csv"
head -c 3 "$TMPD/sheet.csv" | od -An -tx1
head -1 "$TMPD/sheet.csv" | tail -c +4 | tr ',' '\n' | grep -v '(0-3)$' | tr -d '\r'
head -1 "$TMPD/sheet.csv" | tr ',' '\n' | grep -c '(0-3)$'
sed -n 2p "$TMPD/sheet.csv" | cut -d, -f1-7
tail -n +2 "$TMPD/sheet.csv" | cmp - <(tail -n +2 "$TMPD/plain.csv") && echo "rows: the same as the plain CSV"
# Python's csv module (RFC 4180) reads it: utf-8-sig takes the BOM off
/usr/bin/python3 - "$TMPD/sheet.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8-sig')))
print(rows[0][:3], rows[1][rows[0].index('note')])
PY
# the round trip, as it is, with semicolons and with tabs
/usr/bin/python3 - "$TMPD/sheet.csv" "$TMPD/semi.csv" "$TMPD/tabs.tsv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8-sig')))
for path, sep in ((sys.argv[2], ';'), (sys.argv[3], '\t')):
    with open(path, 'w', newline='', encoding='utf-8-sig') as f:
        csv.writer(f, delimiter=sep).writerows(rows)
PY
for f in sheet.csv semi.csv tabs.tsv; do
	rm -f "$TMPD/b.db"
	wean --db "$TMPD/b.db" import "$TMPD/lists.json" > /dev/null
	wean --db "$TMPD/b.db" import "$TMPD/$f"
	wean --db "$TMPD/b.db" export --format csv -o "$TMPD/back.csv" --force > /dev/null
	cmp "$TMPD/plain.csv" "$TMPD/back.csv" && echo "$f: round trip identical"
done
# --for-spreadsheet is for csv; an extension wean does not know
wean export --format json --for-spreadsheet
cp "$TMPD/plain.csv" "$TMPD/plain.txt"
wean import "$TMPD/plain.txt"
wean import "$TMPD/plain.txt" --format csv --dry-run
# JSON: ISO 8601 time stamps, the old form read as before
wean export --format json | grep -o '"created":"[^"]*","updated":"[^"]*"'
wean export --format json -o "$TMPD/new.json"
rm -f "$TMPD/c.db"
wean --db "$TMPD/c.db" import "$TMPD/new.json"
wean --db "$TMPD/c.db" export --format json -o "$TMPD/again.json"
cmp "$TMPD/new.json" "$TMPD/again.json" && echo "json: round trip identical"
