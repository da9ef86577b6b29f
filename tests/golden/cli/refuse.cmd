# Files that are not a wean diary are refused and left byte-for-byte untouched.
d=$TMPD/files; mkdir -p "$d"
head -c 4096 /dev/urandom > "$d/random.db"
sqlite3 "$d/other.db" "create table contacts(name text); insert into contacts values('x');"
wean --db "$d/new.db" checkin --mood 5 > /dev/null
sqlite3 "$d/new.db" "pragma user_version=99;"
for f in random other new; do
	before=$(sha256sum < "$d/$f.db"); files_before=$(ls "$d" | wc -l)
	"$BIN" --db "$d/$f.db" show today >/dev/null 2>"$TMPD/err.txt"; echo "$f: exit $?"
	sed "s|$d|DIR|" "$TMPD/err.txt"
	"$BIN" --db "$d/$f.db" checkin --mood 3 >/dev/null 2>&1; echo "$f: checkin exit $?"
	after=$(sha256sum < "$d/$f.db"); files_after=$(ls "$d" | wc -l)
	[ "$before" = "$after" ] && echo "$f: unchanged" || echo "$f: CHANGED"
	[ "$files_before" = "$files_after" ] && echo "$f: no new files" || echo "$f: NEW FILES"
done
# a missing diary for a read command: a clear message, nothing created
wean --db "$d/none/diary.db" show today
ls "$d/none" 2>&1 | sed "s|$d|DIR|"
# permissions: 0700 directory, 0600 file, whatever the umask
umask 000
wean --db "$d/perm/sub/diary.db" checkin --mood 5
stat -c '%a %n' "$d/perm/sub" "$d/perm/sub/diary.db" | sed "s|$d|DIR|"
ls -a "$d/perm/sub" | sort | tr '\n' ' '; echo
stat -c '%a %n' "$d/perm/sub/"* | sed "s|$d|DIR|"
