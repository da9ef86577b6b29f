# wean backup: a private, consistent copy made with SQLite's online backup API.
wean backup
wean checkin --date 2026-11-24 --mood 6 --note "before the backup"
wean med add sertraline --unit mg > /dev/null
wean checkin --date 2026-11-24 --dose sertraline=50@08:00
# the default: <diary dir>/backups/wean-DATE.db, directory 0700, file 0600,
# whatever the umask; a second backup the same day gets -2, never replaces
umask 000
wean backup
wean backup
stat -c '%a %n' "$TMPD/backups" "$TMPD/backups/"* | sed "s|$TMPD|TMP|"
ls -a "$TMPD/backups" | tr '\n' ' '; echo
# the copy is a wean diary in its own right, with the same days
wean --db "$TMPD/backups/wean-2026-11-25.db" check
"$BIN" --db "$TMPD/backups/wean-2026-11-25.db" show 2026-11-24 > "$TMPD/copy.txt"
"$BIN" show 2026-11-24 | cmp - "$TMPD/copy.txt" && echo "same day in the copy"
# an explicit FILE: written 0600; an existing FILE is refused untouched ...
wean backup "$TMPD/mine.db"
stat -c '%a' "$TMPD/mine.db"
wean checkin --date 2026-11-24 --mood 2
before=$(sha256sum < "$TMPD/mine.db")
wean backup "$TMPD/mine.db"
[ "$before" = "$(sha256sum < "$TMPD/mine.db")" ] && echo "mine.db untouched"
# ... unless --force, which replaces it in one rename
wean backup --force "$TMPD/mine.db"
stat -c '%a' "$TMPD/mine.db"
"$BIN" --db "$TMPD/mine.db" show 2026-11-24 | grep Mood
# the diary and its write-ahead log are never a target, even with --force
wean backup "$TMPD/diary.db" --force
wean backup "$TMPD/diary.db-wal" --force
"$BIN" show 2026-11-24 | grep Mood
# bad targets: a clear message, nothing left behind
wean backup "$TMPD/no/such/dir/b.db"
wean backup one.db two.db
wean backup --forse
ls -a "$TMPD" | grep -c 'tmp-' || true
# no diary yet: nothing to back up, nothing created
wean --db "$TMPD/none/diary.db" backup
ls "$TMPD/none" 2>&1 | sed "s|$TMPD|TMP|"
wean backup --help
