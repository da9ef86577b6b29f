# No output may replace the diary or one of SQLite's files beside it
# (issue 15): by name, by another spelling and by identity (a hard link).
wean checkin --mood 5 > /dev/null
ln "$WEAN_DB" "$TMPD/hard.db"
for p in diary.db-journal ./diary.db-wal "$TMPD/diary.db" diary.db-shm; do wean backup "$p"; done
wean backup "$TMPD/hard.db" --force
sqlite3 "$WEAN_DB" "pragma integrity_check; select mood from checkin"
ls "$TMPD" | grep -c journal || true
