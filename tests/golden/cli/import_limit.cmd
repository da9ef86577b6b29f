# Issue 17: an import reads its file a window at a time (its memory does
# not grow with the file), and a file over the limit (256 MiB) is refused
# before a byte of it is read (a sparse file here: no disk, no time), and
# before the diary is opened: no diary is made.
truncate -s 257M "$TMPD/big.json"
wean import "$TMPD/big.json"
wean import "$TMPD/big.json" --format csv --dry-run
ls "$TMPD" | grep -c 'diary.db' || true
# what cannot be read at all
mkdir "$TMPD/folder"
wean import "$TMPD/folder"
wean import "$TMPD/missing.json"
# a pipe cannot say its size: it is read into a private copy (so it can
# be read twice), then imported like a file
wean checkin --date 2026-11-20 --mood 6 --note "Сертралин, café" > /dev/null
"$BIN" export --format json > "$TMPD/e.json"
cat "$TMPD/e.json" | wean --db "$TMPD/other.db" import /dev/stdin
wean --db "$TMPD/other.db" show 2026-11-20 | tail -2
ls "$TMPD" | grep -c 'wean-import' || true
