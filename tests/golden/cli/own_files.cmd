# No output may replace the diary or one of SQLite's files beside it
# (issue 15): by name, by another spelling and by identity (a hard link).
wean checkin --mood 5 > /dev/null
ln "$WEAN_DB" "$TMPD/hard.db"
for p in diary.db-journal ./diary.db-wal "$TMPD/diary.db" diary.db-shm; do wean backup "$p"; done
wean backup "$TMPD/hard.db" --force
sqlite3 "$WEAN_DB" "pragma integrity_check; select mood from checkin"
ls "$TMPD" | grep -c journal || true
# exports and reports: the diary, its -wal, a hard link to it (issue 15:
# export --format csv -o DIARY --force replaced the live diary)
wean export --format csv -o "$WEAN_DB" --force
wean export --format json -o diary.db-wal --force
wean report -o "$TMPD/hard.db" --force
wean export --format ics -o ./diary.db --force
sqlite3 "$WEAN_DB" "pragma integrity_check; select mood from checkin"
# a FIFO, a device, /dev/stdout: never replaced by a plain file
mkfifo "$TMPD/fifo"
wean export --format csv -o "$TMPD/fifo" --force
wean report -o /dev/null --force
[ -p "$TMPD/fifo" ] && echo "the FIFO is still a FIFO"
# a stored 'last report' that is no date no longer fails every report -o
sqlite3 "$WEAN_DB" "insert or replace into meta values ('last_report_to', '$(printf 'x%.0s' $(seq 1 100))')"
wean report -o "$TMPD/visit.md"
