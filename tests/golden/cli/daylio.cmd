# Daylio's export as the app writes it (issue 18 item 4): columns found by
# name, the older export without note_title, the oldest with year and date,
# tab-separated files with a BOM, CRLF and a CRLF inside a quoted note,
# 12-hour times; each entry's title, note and activities a quick note at
# its time; labels of one's own refused together (exit 65, nothing written)
# until --mood-map maps them.
wean import "$SRC/tests/data/daylio_custom.csv" --format daylio
wean log --from 2026-02-02 --to 2026-02-06 | tail -n +2
wean import "$SRC/tests/data/daylio_custom.csv" --format daylio --mood-map "super=8,müde=4"
wean import "$SRC/tests/data/daylio_custom.csv" --format daylio --mood-map "super=8,müde=4,最高=10"
wean log --from 2026-02-02 --to 2026-02-06
# a --mood-map that cannot be read, and one for the wrong format
wean import "$SRC/tests/data/daylio_custom.csv" --format daylio --mood-map "super=eight"
wean import "$SRC/tests/data/daylio_custom.csv" --format csv --mood-map "super=8"
# the older export (no note_title, 12-hour times) and the oldest (year and date)
wean import "$SRC/tests/data/daylio_old.csv" --format daylio
wean show 2026-02-12 | sed -n '1,2p;/Quick note/,$p'
wean import "$SRC/tests/data/daylio_year.csv" --format daylio
wean show 2026-02-10 | sed -n '1,2p;/Quick note/,$p'
wean show 2026-02-09 | sed -n '1,2p;/Quick note/,$p'
# tabs, a byte-order mark, a header in other case with spaces, CRLF
wean import "$SRC/tests/data/daylio_tabs.tsv" --format daylio
wean show 2026-02-08 | sed -n '1,2p;/Quick note/,$p'
wean show 2026-02-07 | sed -n '1,2p;/Quick note/,$p'
# the quick notes keep their minute in the JSON export
"$BIN" export --format json | grep -o '"minute":[0-9]*,"text":"[^"]*' | head -4
# importing the same file again adds nothing
wean import "$SRC/tests/data/daylio_tabs.tsv" --format daylio
