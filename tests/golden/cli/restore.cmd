# wean restore BACKUP (issue 15): the backup is checked first, the diary is
# kept as a backup, then the backup is copied into it with SQLite's online
# backup API.  Exit 66 no backup, 65 not a wean diary or damaged, 0 done.
wean checkin --date 2026-11-20 --mood 4 --note "before the backup" > /dev/null
wean backup > /dev/null
wean checkin --date 2026-11-20 --mood 9 --note "after the backup" > /dev/null
wean checkin --date 2026-11-22 --mood 2 > /dev/null
"$BIN" export --format json | grep -v '"exported"' > "$TMPD/now.json"
"$BIN" --db "$TMPD/backups/wean-2026-11-25.db" export --format json | grep -v '"exported"' > "$TMPD/then.json"
wean restore "$TMPD/backups/wean-2026-11-25.db"
# the diary reads exactly as the backup; what it was is the new backup
"$BIN" export --format json | grep -v '"exported"' | cmp - "$TMPD/then.json" && echo "the diary reads as the backup"
"$BIN" --db "$TMPD/backups/wean-2026-11-25-2.db" export --format json | grep -v '"exported"' |
	cmp - "$TMPD/now.json" && echo "the kept copy reads as the diary did"
stat -c '%a %n' "$TMPD/backups/"* | sed "s|$TMPD|TMP|"
ls -A "$TMPD" | tr '\n' ' '; echo
wean check
# refused before anything is touched: nothing kept, the diary as it was
before=$(sha256sum < "$WEAN_DB")
wean restore "$TMPD/nothere.db"
printf 'not a diary\n' > "$TMPD/notes.txt"
wean restore "$TMPD/notes.txt"
sqlite3 "$TMPD/other.db" "CREATE TABLE contacts(name TEXT); INSERT INTO contacts VALUES ('x')"
wean restore "$TMPD/other.db"
cp "$TMPD/backups/wean-2026-11-25.db" "$TMPD/newer.db"
sqlite3 "$TMPD/newer.db" "PRAGMA user_version = 99"
wean restore "$TMPD/newer.db"
cp "$TMPD/backups/wean-2026-11-25.db" "$TMPD/damaged.db"
root=$(sqlite3 "$TMPD/damaged.db" "SELECT rootpage FROM sqlite_schema WHERE name = 'checkin'")
printf '\377%.0s' $(seq 4096) | dd of="$TMPD/damaged.db" bs=4096 seek=$((root - 1)) conv=notrunc status=none
wean restore "$TMPD/damaged.db"
: > "$TMPD/empty.db"
wean restore "$TMPD/empty.db"
wean restore "$TMPD"
wean restore "$WEAN_DB"
wean restore
wean restore a.db b.db
[ "$before" = "$(sha256sum < "$WEAN_DB")" ] && echo "the diary is untouched"
ls "$TMPD/backups" | tr '\n' ' '; echo
# a backup of an older schema is upgraded as opening does
cp "$TMPD/backups/wean-2026-11-25.db" "$TMPD/v1.db"
sqlite3 "$TMPD/v1.db" "DROP TABLE plan_ack; DROP TABLE hold_proposal;
  ALTER TABLE plan DROP COLUMN form_label; ALTER TABLE plan DROP COLUMN agreed_on;
  DELETE FROM symptom WHERE name = 'thoughts of harming yourself'; PRAGMA user_version = 1;
  $(cat "$SRC/tests/golden/drop_v10.sql" "$SRC/tests/golden/drop_v9.sql" "$SRC/tests/golden/drop_v8.sql" "$SRC/tests/golden/drop_v7.sql" "$SRC/tests/golden/drop_v6.sql" "$SRC/tests/golden/drop_v5.sql")"
wean restore "$TMPD/v1.db"
sqlite3 "$WEAN_DB" "PRAGMA user_version; PRAGMA journal_mode"
# no diary yet: the backup becomes it (nothing to keep)
wean --db "$TMPD/fresh/diary.db" restore "$TMPD/v1.db"
"$BIN" --db "$TMPD/fresh/diary.db" show 2026-11-20 | grep Note
ls -A "$TMPD/fresh" | tr '\n' ' '; echo
# the lock file, there while a wean has the diary open, is one of its
# own files: no backup or export replaces it (and the last wean out
# removes it)
wean backup "$TMPD/diary.db-wean.lock" --force
wean export --format csv -o "$TMPD/diary.db-wean.lock" --force
ls -A "$TMPD" | grep -c lock
wean restore --help
