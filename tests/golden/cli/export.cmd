# Issue 6: export as CSV and JSON, import of wean JSON / CSV and Daylio.
wean checkin --date 2026-11-20 --mood 6 --sleep 7.5 --note '=1+1'
wean checkin --date 2026-11-22 --mood 4 --note 'commas, "quotes"
a second line	and a tab, emoji 😀, שלום'
wean export --format csv --from 2026-11-19 --to 2026-11-23 -o "$TMPD/d.csv"
stat -c '%a' "$TMPD/d.csv"
# A strict RFC 4180 reader: one row per day, the same columns in each.
/usr/bin/python3 - "$TMPD/d.csv" <<'PY'
import csv, sys
with open(sys.argv[1], newline='', encoding='utf-8') as f:
    data = f.read()
assert data.endswith('\r\n')
rows = list(csv.reader(data.splitlines(keepends=True), strict=True))
print(len(rows) - 1, 'rows,', len(rows[0]), 'columns each:', {len(r) for r in rows} == {len(rows[0])})
print(rows[0][:7], '...', rows[0][-4:])
for r in rows[1:]:
    print(r[0], r[1], r[2], repr(r[-1]))
PY
# No overwrite without --force.
wean export --format csv -o "$TMPD/d.csv"
wean export --format csv --from 2026-11-22 --to 2026-11-22 -o "$TMPD/d.csv" --force
# JSON: export, import into an empty diary, export again: the same bytes.
wean export --format json -o "$TMPD/a.json"
wean --db "$TMPD/b.db" import "$TMPD/a.json"
wean --db "$TMPD/b.db" export --format json -o "$TMPD/b.json"
cmp "$TMPD/a.json" "$TMPD/b.json" && echo "round trip: identical"
sed -n '/"days"/,$p' "$TMPD/a.json" | sed 's/"created":"[^"]*","updated":"[^"]*"/(times)/' | cut -c1-200
# Errors name the line; nothing is written.
printf '{"format":"wean","schema_version":1,\n"days":[\n{"date":"2026-02-30"}]}\n' > "$TMPD/bad.json"
wean --db "$TMPD/b.db" import "$TMPD/bad.json"
head -c 100 "$TMPD/a.json" > "$TMPD/cut.json"
tail -c 30 "$TMPD/cut.json"; echo
wean --db "$TMPD/b.db" import "$TMPD/cut.json"
printf 'date,mood\n' > "$TMPD/bad.csv"
wean --db "$TMPD/b.db" import "$TMPD/bad.csv" --format csv
wean --db "$TMPD/b.db" import "$TMPD/a.json" --format xml
wean --db "$TMPD/b.db" import
# Daylio, with the mood mapping shown; then again as a dry run.
wean --db "$TMPD/b.db" import "$SRC/tests/data/daylio_sample.csv" --format daylio
wean --db "$TMPD/b.db" import "$SRC/tests/data/daylio_sample.csv" --format daylio --dry-run
wean --db "$TMPD/b.db" show 2026-03-04 | sed -n '/Quick note/,$p'
wean import --help
