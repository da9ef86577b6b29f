# Issue 18 item 5: a person's own spreadsheet, saved as CSV, read with
# --format table --map: a German one (BOM, semicolons, DD.MM.YYYY, decimal
# commas), then an English one with slashed dates, ambiguous unless
# --date-format says.  --dry-run tells each line: added, changed, refused
# (and why), then the totals; without it, all or nothing.
cat > "$TMPD/lists.json" <<'JSON'
{"format":"wean","schema_version":2,"symptoms":[{"name":"Kopfschmerz"}],
"metrics":[{"name":"Schritte","min":0,"max":100000}],
"medications":[{"name":"Sertralin","unit":"mg"}]}
JSON
wean import "$TMPD/lists.json" > /dev/null
# a day already in the diary: its mood differs from the file's
wean checkin --date 2026-11-02 --mood 5 --note "from the diary" > /dev/null
M="date=Datum,mood=Stimmung,sleep=Schlaf (Std.),note=Notizen"
M="$M,symptom:Kopfschmerz=Kopfschmerz,dose:Sertralin=Sertralin mg,metric:Schritte=Schritte"
wean import "$SRC/tests/data/table_de.csv" --format table --map "$M" --dry-run
# without --dry-run the first refused line stops it; nothing written
wean import "$SRC/tests/data/table_de.csv" --format table --map "$M"
wean log --from 2026-11-01 --to 2026-11-06 | tail -n +2
# only the columns that read: the import goes through
M2="date=Datum,sleep=Schlaf (Std.),note=Notizen,dose:Sertralin=Sertralin mg"
wean import "$SRC/tests/data/table_de.csv" --format table --map "$M2"
wean show 2026-11-02 | sed -n '/Note/,$p'
wean export --format csv --from 2026-11-01 --to 2026-11-03 | cut -d, -f1,6 | tr -d '\r'
# slashed dates: ambiguous ones refused with the way out, then said
E="date=Date,mood=Mood,sleep=Hours slept,note=Notes,symptom:Kopfschmerz=Headache"
wean import "$SRC/tests/data/table_en.csv" --format table --map "$E" --dry-run
wean import "$SRC/tests/data/table_en.csv" --format table --map "$E" --date-format MM/DD/YYYY --dry-run
# a --map that cannot be used
wean import "$SRC/tests/data/table_en.csv" --format table
wean import "$SRC/tests/data/table_en.csv" --format table --map "mood=Mood"
wean import "$SRC/tests/data/table_en.csv" --format table --map "date=Date,mod=Mood"
wean import "$SRC/tests/data/table_en.csv" --format table --map "date=Datum"
wean import "$SRC/tests/data/table_en.csv" --format table --map "date=Date,symptom:Nausea2=Mood"
wean import "$SRC/tests/data/table_en.csv" --format table --map "$E" --date-format D/M/Y
wean import "$SRC/tests/data/table_en.csv" --map "$E"
