#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# faults.sh -- wean under faults (SPEC section 8): a diary locked by another
# program, a read-only file, directory or filesystem, a parent that is not a
# directory, a full disk (a small tmpfs, as root), truncated and damaged
# files, and exports and backups that cannot be written.  Each must give one
# clear line on stderr, a sysexits code, and leave the diary byte-for-byte
# untouched with nothing half-written beside it.
#
# Random bytes, another program's SQLite file, a newer schema and a missing
# diary are in tests/golden/cli/refuse.cmd; the 0600/0700 modes of a new
# diary under umask 000 there too.
#
# usage: tests/reliability/faults.sh path/to/wean
WEAN=${1:?usage: faults.sh path/to/wean}
. "$(dirname "$0")/lib.sh"
rel_setup
echo "faults: $WEAN"

# A diary with a few days in it, at $1.
mkdiary() {
	mkdir -p "$(dirname "$1")"
	"$T/wean" --db "$1" med add sertraline --unit mg > /dev/null &&
	"$T/wean" --db "$1" checkin --date 2026-11-20 --mood 4 --note "four" \
		--symptom dizziness=2 --dose sertraline=50@08:00 > /dev/null &&
	"$T/wean" --db "$1" checkin --mood 6 --note "six" > /dev/null ||
		{ echo "faults: cannot make a diary at $1"; exit 1; }
}

# ---- another program holds the lock ---------------------------------------------

# hold MODE DB: a python sqlite3 process takes the lock (MODE "write": BEGIN
# IMMEDIATE and an uncommitted change; "exclusive": locking_mode EXCLUSIVE,
# which shuts out readers too) until $T/release appears.
hold() {
	rm -f "$T/locked" "$T/release"
	"$PY" - "$1" "$2" "$T" <<-'EOF' &
	import os, sqlite3, sys, time
	mode, db, t = sys.argv[1:4]
	c = sqlite3.connect(db, isolation_level=None)
	if mode == "exclusive":
	    c.execute("PRAGMA locking_mode = EXCLUSIVE")
	c.execute("BEGIN IMMEDIATE")
	c.execute("UPDATE checkin SET mood = 0")
	c.execute("SELECT count(*) FROM checkin").fetchall()
	open(os.path.join(t, "locked"), "w").close()
	end = time.time() + 30
	while time.time() < end and not os.path.exists(os.path.join(t, "release")):
	    time.sleep(0.02)
	c.execute("ROLLBACK")
	EOF
	HOLDER=$!
	n=0
	until [ -f "$T/locked" ]; do
		n=$((n + 1))
		[ $n -gt 500 ] && { echo "faults: the lock holder did not start"; exit 1; }
		sleep 0.02
	done
}

release() {
	touch "$T/release"
	wait "$HOLDER"
}

# timed ARGS...: run, and set $ms to the milliseconds it took.
timed() {
	t0=$(date +%s%N)
	run "$@"
	ms=$(( ($(date +%s%N) - t0) / 1000000 ))
}

D="$T/lock/diary.db"
mkdiary "$D"
hold write "$D"
case_begin "locked by another program: a change waits, then exits 75"
snap "$D"
timed --db "$D" checkin --mood 2
expect_rc 75
expect_err_line "busy|locked"
[ "$ms" -ge 2000 ] || bad "gave up after $ms ms without waiting"
[ "$ms" -le 15000 ] || bad "waited $ms ms"
unchanged
case_end
case_begin "locked by another program: reading goes on (WAL)"
run --db "$D" show 2026-11-20
expect_rc 0
echo "$out" | grep -q "Mood        4/10" || bad "show: $out"
case_end
case_begin "locked by another program: a backup still works (it only reads)"
run --db "$D" backup "$T/lock/during.db"
expect_rc 0
[ "$("$T/wean" --db "$T/lock/during.db" check 2>&1)" = "ok: $T/lock/during.db passed the integrity and consistency checks" ] ||
	bad "the backup taken during the lock does not pass check"
case_end
release
case_begin "lock released: the same change goes through"
run --db "$D" checkin --mood 2
expect_rc 0
[ "$(sqlite3 "$D" "SELECT mood FROM checkin WHERE date = '2026-11-25'")" = 2 ] || bad "mood 2 not saved"
case_end

hold exclusive "$D"
case_begin "exclusive lock (readers shut out too): show waits, then exits 75"
snap "$D"
timed --db "$D" show today
expect_rc 75
expect_err_line "busy|locked"
[ "$ms" -ge 2000 ] || bad "gave up after $ms ms without waiting"
unchanged
case_end
release

# ---- read-only ------------------------------------------------------------------------

D="$T/ro/diary.db"
user_dir "$T/ro"
mkdiary "$D"
user_dir "$T/ro"
if can_drop || [ "$(id -u)" != 0 ]; then
	chmod 0400 "$D"
	case_begin "read-only file: a change is refused (73), the file untouched"
	snap "$D"
	as_user --db "$D" checkin --mood 1
	expect_rc 73
	expect_err_line "read-only|not writable"
	unchanged
	case_end
	case_begin "read-only file: reading it is refused the same way (73)"
	as_user --db "$D" show today
	expect_rc 73
	expect_err_line "read-only|not writable"
	unchanged
	case_end
	chmod 0600 "$D"
	chmod 0500 "$T/ro"
	case_begin "read-only directory: a change is refused (73), nothing left"
	snap "$D"
	as_user --db "$D" checkin --mood 1
	expect_rc 73
	expect_err_line "read-only|not writable|ermission denied"
	unchanged
	case_end
	case_begin "read-only directory: a new diary is refused (73), nothing made"
	snap "$T/ro/new.db"
	as_user --db "$T/ro/new.db" checkin --mood 1
	expect_rc 73
	expect_err_line "cannot create .*ermission denied"
	unchanged
	case_end
	chmod 0700 "$T/ro"
	user_dir "$T/rodir"
	chmod 0500 "$T/rodir"
	case_begin "read-only directory: export -o is refused (73), nothing left"
	snap "$D" "$T/rodir/out.csv"
	as_user --db "$D" export --format csv -o "$T/rodir/out.csv"
	expect_rc 73
	expect_err_line "cannot create .*ermission denied"
	unchanged
	case_end
	case_begin "read-only directory: report -o is refused (73), nothing left"
	snap "$D" "$T/rodir/r.md"
	as_user --db "$D" report -o "$T/rodir/r.md"
	expect_rc 73
	expect_err_line "cannot create .*ermission denied"
	unchanged
	case_end
	case_begin "read-only directory: backup is refused (73), nothing left"
	snap "$D" "$T/rodir/b.db"
	as_user --db "$D" backup "$T/rodir/b.db"
	expect_rc 73
	expect_err_line "cannot create .*ermission denied"
	unchanged
	case_end
else
	case_begin "read-only file and directory"
	skip "running as root without setpriv, and root ignores file modes"
fi

case_begin "read-only filesystem: a change is refused (73), the file untouched"
D="$T/rofs/diary.db"
mkdiary "$D"
if [ "$(id -u)" = 0 ] && mount --bind "$T/rofs" "$T/rofs" 2>/dev/null; then
	MOUNTS="$T/rofs $MOUNTS"
	if mount -o remount,ro,bind "$T/rofs" 2>/dev/null; then
		snap "$D"
		run --db "$D" checkin --mood 1
		expect_rc 73
		expect_err_line "read-only|not writable"
		unchanged
		case_end
	else
		skip "cannot remount a bind mount read-only here"
	fi
	umount "$T/rofs"
else
	skip "needs root to bind-mount a read-only filesystem"
fi

# ---- paths that are not what they should be ---------------------------------------------

mkdiary "$T/p/diary.db"
echo "a plain file" > "$T/p/afile"
case_begin "a parent that is a file: a new diary is refused (73)"
snap "$T/p/afile"
run --db "$T/p/afile/diary.db" checkin --mood 3
expect_rc 73
expect_err_line "cannot create .*Not a directory"
unchanged
case_end
case_begin "the diary path is a directory: refused (65)"
mkdir -p "$T/p/adir"
snap "$T/p/adir/x"
run --db "$T/p/adir" checkin --mood 3
expect_rc 65
expect_err_line "not a wean diary|not a regular file"
unchanged
case_end
case_begin "export -o into a missing directory: refused (73), nothing made"
snap "$T/p/diary.db" "$T/p/none/x.csv"
run --db "$T/p/diary.db" export --format csv -o "$T/p/none/x.csv"
expect_rc 73
expect_err_line "cannot create .*No such file or directory"
unchanged
[ -e "$T/p/none" ] && bad "the missing directory was made"
case_end

# ---- damaged files ------------------------------------------------------------------------

C="$T/corrupt"
mkdiary "$C/base.db"
pages=$(( $(stat -c %s "$C/base.db") / 4096 ))

case_begin "truncated diary (half its pages gone): refused (65), untouched"
cp "$C/base.db" "$C/half.db"
truncate -s $(( pages / 2 * 4096 )) "$C/half.db"
snap "$C/half.db"
run --db "$C/half.db" show 2026-11-20
expect_rc 65
expect_err_line "damaged|not a wean diary"
run --db "$C/half.db" checkin --mood 1
expect_rc 65
expect_err_line "damaged|not a wean diary"
unchanged
case_end

case_begin "truncated diary (half a header): refused (65), untouched"
head -c 50 "$C/base.db" > "$C/stub.db"
snap "$C/stub.db"
run --db "$C/stub.db" checkin --mood 1
expect_rc 65
expect_err_line "not a wean diary"
unchanged
case_end

case_begin "SQLite's magic then garbage: refused (65), untouched"
{ printf 'SQLite format 3\000'; head -c 8176 /dev/urandom; } > "$C/magic.db"
snap "$C/magic.db"
run --db "$C/magic.db" checkin --mood 1
expect_rc 65
expect_err_line "not a wean diary|damaged"
unchanged
case_end

case_begin "a damaged page: check reports it (65); nothing crashes"
cp "$C/base.db" "$C/page.db"
root=$(sqlite3 "$C/page.db" "SELECT rootpage FROM sqlite_schema WHERE name = 'checkin'")
"$PY" - "$C/page.db" "$root" <<'EOF'
import random, sys
path, page = sys.argv[1], int(sys.argv[2])
r = random.Random(7)
with open(path, "r+b") as f:
    f.seek((page - 1) * 4096 + 8)
    f.write(bytes(r.randrange(256) for _ in range(4000)))
EOF
run --db "$C/page.db" check
expect_rc 65
echo "$out$err" | grep -Eq "integrity:|damaged" || bad "check did not report the damage: $out $err"
for cmd in "show 2026-11-20" "log" "export --format json" "checkin --mood 1"; do
	# shellcheck disable=SC2086
	run --db "$C/page.db" $cmd
	[ "$rc" -lt 128 ] || bad "'$cmd' crashed (exit $rc)"
	case $rc in 0|65|74) ;; *) bad "'$cmd' exit $rc" ;; esac
	[ "$rc" = 0 ] || expect_err_line "damaged|malformed"
done
case_end

# ---- a damaged table: every command words it the same ------------------------------------
#
# The checkin table's b-tree pages are overwritten (its root page and every
# page below it, found by walking the tree in the file), page 1 and the
# schema stay readable, so the diary opens and each command meets the damage
# when it reads the check-ins.  Each command exits 65 with the one message,
# naming the latest backup or saying there is none, and prints nothing that
# could pass for its output.

# damage_table DB TABLE: garbage over every page of TABLE's b-tree, the
# first byte of each no page type; prints how many pages.
damage_table() {
	"$PY" - "$1" "$2" <<'EOF'
import random, sqlite3, struct, sys
path, table = sys.argv[1], sys.argv[2]
c = sqlite3.connect(path)
c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
root = c.execute("SELECT rootpage FROM sqlite_schema WHERE name = ?", (table,)).fetchone()[0]
size = c.execute("PRAGMA page_size").fetchone()[0]
c.close()
data = open(path, "rb").read()
pages, todo = [], [root]
while todo:                        # interior table pages (0x05) lead on
    p = todo.pop()
    pages.append(p)
    h = data[(p - 1) * size:p * size]
    if h[0] == 0x05:
        n = struct.unpack(">H", h[3:5])[0]
        todo.append(struct.unpack(">I", h[8:12])[0])
        for i in range(n):
            off = struct.unpack(">H", h[12 + 2 * i:14 + 2 * i])[0]
            todo.append(struct.unpack(">I", h[off:off + 4])[0])
r = random.Random(11)
with open(path, "r+b") as f:
    for p in pages:
        f.seek((p - 1) * size)
        f.write(bytes([0xff]) + bytes(r.randrange(256) for _ in range(size - 1)))
print(len(pages))
EOF
}

# A diary with most of a month of check-ins (the checkin table spans
# several pages).
mkmonth() {
	mkdiary "$1"
	long=$(head -c 400 /dev/zero | tr '\0' 'n')
	for d in $(seq -w 1 19); do
		"$T/wean" --db "$1" checkin --date "2026-11-$d" --mood 5 --note "day $d $long" \
			--symptom nausea=1 > /dev/null || { echo "faults: cannot fill $1"; exit 1; }
	done
}

DMG="$T/damaged"
mkmonth "$DMG/backup/diary.db"
"$T/wean" --db "$DMG/backup/diary.db" backup > /dev/null || { echo "faults: backup failed"; exit 1; }
mkmonth "$DMG/nobackup/diary.db"
for which in backup nobackup; do
	n=$(damage_table "$DMG/$which/diary.db" checkin)
	[ "${n:-0}" -ge 2 ] || { echo "faults: the checkin table has ${n:-no} page(s), expected several"; exit 1; }
done
damaged_msg="wean: the diary is damaged; \`wean check\` says where;"

# damaged_case WHICH STDOUT ARGS...: the command on the damaged diary WHICH
# ("backup": one backup taken before the damage, "nobackup": none) exits
# 65 with the one message; STDOUT says what it may print: "none",
# "header" (a table's header, no row) or "problems" (check's list of what
# is damaged, and no "ok").
damaged_case() {
	which=$1 allowed=$2
	shift 2
	D="$DMG/$which/diary.db"
	args="$*"
	case_begin "damaged checkin table, $which: ${args//$DMG\/$which\//}: exit 65, the one message"
	snap "$D" "$DMG/$which/out.x"
	run --db "$D" "$@"
	expect_rc 65
	want="$damaged_msg there is no backup of it yet"
	[ "$which" = backup ] &&
		want="$damaged_msg your latest backup is $DMG/backup/backups/wean-2026-11-25.db"
	[ "$err" = "$want" ] || bad "stderr: $err"
	case $allowed in
	none) [ -z "$out" ] || bad "stdout: $(printf '%s' "$out" | head -c 200)" ;;
	header) [ "$(printf '%s\n' "$out" | grep -c '^[0-9]')" = 0 ] ||
			bad "stdout has rows: $(printf '%s' "$out" | head -c 200)" ;;
	problems) printf '%s\n' "$out" | grep -q '^problem: integrity:' || bad "check lists no damage: $out"
		printf '%s\n' "$out" | grep -q '^ok' && bad "check says ok: $out" ;;
	esac
	unchanged
	case_end
}

for which in backup nobackup; do
	damaged_case $which none export --format csv
	damaged_case $which none export --format json
	damaged_case $which none export --format csv -o "$DMG/$which/out.x"
	damaged_case $which none show 2026-11-10
	damaged_case $which header log
	damaged_case $which none report
	damaged_case $which none report -o "$DMG/$which/out.x"
	damaged_case $which none chart mood
	damaged_case $which problems check
done

case_begin "a torn write-ahead log is ignored; the diary opens whole"
cp "$C/base.db" "$C/wal.db"
head -c 8192 /dev/urandom > "$C/wal.db-wal"
sum=$(sha256sum < "$C/wal.db")
run --db "$C/wal.db" show 2026-11-20
expect_rc 0
echo "$out" | grep -q "four" || bad "the day's note is gone: $out"
[ "$sum" = "$(sha256sum < "$C/wal.db")" ] || bad "the diary changed"
run --db "$C/wal.db" check
expect_rc 0
case_end

case_begin "an empty file becomes a new private diary"
: > "$C/empty.db"
chmod 0644 "$C/empty.db"
run --db "$C/empty.db" checkin --mood 5
expect_rc 0
[ "$(stat -c %a "$C/empty.db")" = 600 ] || bad "mode $(stat -c %a "$C/empty.db")"
run --db "$C/empty.db" check
expect_rc 0
case_end

# ---- a full disk ----------------------------------------------------------------------------

F="$T/full"
if mount_small "$F" 1m; then
	big=$(head -c 60000 /dev/zero | tr '\0' 'x')
	mkdiary "$F/diary.db"
	mkdir "$F/out"

	case_begin "full disk, a little room left: a change is refused (74), untouched"
	fill_disk "$F" 48
	snap "$F/diary.db"
	run --db "$F/diary.db" checkin --date -3 --mood 4 --note "$big"
	expect_rc 74
	expect_err_line "disk is full"
	unchanged
	case_end

	case_begin "full disk: an import is all or nothing (74), untouched"
	"$PY" -c "
import json, sys
days = [{'date': '2025-03-%02d' % d, 'checkin': {'mood': 5, 'note': 'y' * 30000}} for d in range(1, 29)]
json.dump({'format': 'wean', 'schema_version': 1, 'days': days}, open(sys.argv[1], 'w'))
" "$T/big.json"
	run --db "$F/diary.db" import "$T/big.json"
	expect_rc 74
	expect_err_line "disk is full"
	unchanged
	case_end

	# exports and backups of a diary elsewhere onto the full disk
	rm -f "$F/filler"
	fill_disk "$F" 0
	D="$T/fullsrc/diary.db"
	mkdiary "$D"
	for fmt in csv json ics; do
		case_begin "full disk: export --format $fmt -o is refused (74), nothing left"
		[ $fmt = ics ] && "$T/wean" --db "$D" plan add sertraline --start 2026-10-01 \
			--from-dose 50 --method percent --step 10 --every 2w > /dev/null
		snap "$D" "$F/out/x.$fmt"
		run --db "$D" export --format $fmt -o "$F/out/x.$fmt"
		expect_rc 74
		expect_err_line "No space left"
		unchanged
		case_end
	done
	case_begin "full disk: report -o is refused (74), nothing left"
	snap "$D" "$F/out/r.html"
	run --db "$D" report -o "$F/out/r.html"
	expect_rc 74
	expect_err_line "No space left"
	unchanged
	case_end
	case_begin "full disk: backup is refused (74), nothing left"
	snap "$D" "$F/out/b.db"
	run --db "$D" backup "$F/out/b.db"
	expect_rc 74
	expect_err_line "No space left|disk is full"
	unchanged
	case_end

	# Opening needs a -shm: on a disk without one free byte SQLite's
	# "disk I/O error" used to be all wean said (issue 15).
	# restore: room to open the diary and keep it, none for the copy:
	# the copy is one write transaction, rolled back whole
	case_begin "full disk: restore is refused (74), the diary untouched, kept first"
	rm -f "$F/filler"
	mkdiary "$T/bigsrc/diary.db"
	"$T/wean" --db "$T/bigsrc/diary.db" import "$T/big.json" > /dev/null &&
		"$T/wean" --db "$T/bigsrc/diary.db" backup "$T/bigsrc/b.db" > /dev/null ||
		bad "cannot make the big backup"
	fill_disk "$F" $(( $(stat -c %s "$F/diary.db") / 1024 + 200 ))
	sum=$(sha256sum < "$F/diary.db")
	run --db "$F/diary.db" restore "$T/bigsrc/b.db"
	expect_rc 74
	expect_err_line "^wean: the disk is full: could not restore the backup \(nothing was changed\)$"
	[ "$sum" = "$(sha256sum < "$F/diary.db")" ] || bad "the diary changed"
	left=$(ls -A "$F" | tr '\n' ' ')
	[ "$left" = "backups diary.db filler out " ] || bad "files left beside the diary: $left"
	rm -f "$F/filler"
	for f in diary.db backups/wean-2026-11-25.db; do
		"$T/wean" --db "$F/$f" export --format json | grep -v '"exported"' > "$T/full-$(basename "$f").json"
	done
	cmp -s "$T/full-diary.db.json" "$T/full-wean-2026-11-25.db.json" || bad "the diary was not kept first"
	grep -q '"four"' "$T/full-diary.db.json" || bad "the day is gone"
	rm -rf "$F/backups"
	fill_disk "$F" 0
	case_end

	case_begin "full disk, not one byte left: a change is refused (74), untouched; fine once there is room"
	sum=$(sha256sum < "$F/diary.db")
	run --db "$F/diary.db" checkin --date -3 --mood 4
	expect_rc 74
	expect_err_line "^wean: the disk is full: could not open the diary \(nothing was changed\)$"
	[ "$sum" = "$(sha256sum < "$F/diary.db")" ] || bad "the diary changed"
	mv "$F/filler" "$T/filler.keep" 2>/dev/null || rm -f "$F/filler"
	run --db "$F/diary.db" show 2026-11-20
	expect_rc 0
	echo "$out" | grep -q "four" || bad "the day is gone: $out"
	run --db "$F/diary.db" check
	expect_rc 0
	[ "$sum" = "$(sha256sum < "$F/diary.db")" ] || bad "the diary changed"
	left=$(ls -A "$F" | tr '\n' ' ')
	[ "$left" = "diary.db out " ] || bad "files left beside the diary: $left"
	case_end

	case_begin "full disk, not one byte left: nothing left beside the diary, reading still answers (0 or 74)"
	rm -f "$T/filler.keep"
	fill_disk "$F" 0
	snap "$F/diary.db"
	run --db "$F/diary.db" checkin --date -3 --mood 4
	expect_rc 74
	unchanged
	run --db "$F/diary.db" show 2026-11-20
	case $rc in
	0) echo "$out" | grep -q "four" || bad "show: the day is gone: $out" ;;
	74) expect_err_line "the disk is full" ;;
	*) bad "show while the disk is full: exit $rc: $err" ;;
	esac
	rm -f "$F/filler" "$F/diary.db-wal" "$F/diary.db-shm"
	case_end
	umount "$F" && MOUNTS=${MOUNTS#"$F "}
else
	case_begin "full disk"
	if [ "$(id -u)" != 0 ]; then
		skip "needs root to mount a small tmpfs"
	else
		skip "cannot mount a tmpfs here"
	fi
fi

# ---- exports and backups are private whatever the umask -----------------------------------

D="$T/modes/diary.db"
mkdiary "$D"
"$T/wean" --db "$D" plan add sertraline --start 2026-10-01 --from-dose 50 \
	--method percent --step 10 --every 2w > /dev/null
case_begin "umask 000: csv, json and ics exports, the report and backups are 0600"
(
	umask 000
	"$T/wean" --db "$D" export --format csv -o "$T/modes/a.csv" &&
	"$T/wean" --db "$D" export --format json -o "$T/modes/a.json" &&
	"$T/wean" --db "$D" export --format ics -o "$T/modes/a.ics" &&
	"$T/wean" --db "$D" report -o "$T/modes/a.html" &&
	"$T/wean" --db "$D" backup "$T/modes/a.db" &&
	"$T/wean" --db "$D" backup
) > /dev/null || bad "an export or backup failed"
for f in a.csv a.json a.ics a.html a.db backups/wean-2026-11-25.db; do
	m=$(stat -c %a "$T/modes/$f" 2>/dev/null)
	[ "$m" = 600 ] || bad "$f has mode $m"
done
m=$(stat -c %a "$T/modes/backups")
[ "$m" = 700 ] || bad "backups/ has mode $m"
case_end

# ---- one wean at a time for a restore; what the next start tidies --------------------------
#
# Every wean holds a shared lock on "<diary>-wean.lock" while it has the
# diary open; restore and the tidying of stale temporary files need it
# alone.  The other wean here is the real thing: the TUI in tmux.

R="$T/restore"
mkdiary "$R/diary.db"
"$T/wean" --db "$R/diary.db" backup "$R/before.db" > /dev/null || bad "backup failed"
"$T/wean" --db "$R/diary.db" export --format json | grep -v '"exported"' > "$R/before.json"
"$T/wean" --db "$R/diary.db" checkin --date 2026-11-20 --mood 9 --note "changed after the backup" \
	--symptom dizziness=0 > /dev/null
"$T/wean" --db "$R/diary.db" checkin --date 2026-11-22 --mood 3 > /dev/null

tm() { tmux -L "faults$$" -f /dev/null "$@"; }
export TMUX_TMPDIR="$T"
trap 'tm kill-server 2>/dev/null; rel_cleanup' EXIT
# the TUI on $1 (exec'd, so the pane's pid is wean's), on Today
tui_start() {
	tm kill-server 2>/dev/null
	tm new-session -d -x 80 -y 24 "exec env TERM=screen-256color '$T/wean' --db '$1'" ||
		{ bad "tmux did not start"; return 1; }
	end=$(( $(date +%s) + 15 ))
	until tm capture-pane -p | grep -q "Symptoms"; do
		[ "$(date +%s)" -ge "$end" ] && { bad "the TUI did not show Today"; return 1; }
		sleep 0.05
	done
}
# kill -9 the TUI and wait until it is gone
tui_kill() {
	pid=$(tm list-panes -F '#{pane_pid}')
	kill -9 "$pid"
	while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
	tm kill-server 2>/dev/null
}

# stale temporary files, as killed backups and exports leave them, and
# one too young to judge (another wean may be writing it)
plant() {
	mkdir -p -m 0700 "$R/backups"
	for f in "$R/diary.db.bak-v1.tmp-Ab12Cd" "$R/out.csv.tmp-XyZ789" \
	         "$R/backups/wean-2026-11-24.db.tmp-q1W2e3"; do
		head -c 4096 /dev/zero > "$f"
		touch -d '-2 hours' "$f"
	done
	: > "$R/young.db.tmp-AAAAAA"
}
stale_left() { (cd "$R" && ls -d ./*.tmp-* backups/*.tmp-* 2>/dev/null | tr '\n' ' '); }

if command -v tmux > /dev/null 2>&1; then
	tui_start "$R/diary.db"
	case_begin "restore while another wean has the diary open: refused (75), nothing changed, no backup made"
	snap "$R/diary.db" "$R/backups/wean-2026-11-25.db"
	run --db "$R/diary.db" restore "$R/before.db"
	expect_rc 75
	expect_err_line "^wean: another wean has the diary open; nothing was changed"
	unchanged
	case_end
	case_begin "stale temporary files stay while another wean has the diary open"
	plant
	run --db "$R/diary.db" show 2026-11-20
	expect_rc 0
	[ -z "$err" ] || bad "stderr: $err"
	[ "$(stale_left)" = "./diary.db.bak-v1.tmp-Ab12Cd ./out.csv.tmp-XyZ789 ./young.db.tmp-AAAAAA backups/wean-2026-11-24.db.tmp-q1W2e3 " ] ||
		bad "left: $(stale_left)"
	case_end
	tui_kill
	case_begin "stale temporary files are removed at the next start, silently (the young one stays)"
	[ -e "$R/diary.db-wean.lock" ] || bad "the killed wean's lock file is not there to test with"
	run --db "$R/diary.db" show 2026-11-20
	expect_rc 0
	[ -z "$err" ] || bad "stderr: $err"
	[ "$(stale_left)" = "./young.db.tmp-AAAAAA " ] || bad "left: $(stale_left)"
	rm -f "$R/young.db.tmp-AAAAAA"
	case_end
	case_begin "a wean killed with -9 keeps no lock: restore goes through, the diary reads as the backup"
	run --db "$R/diary.db" restore "$R/before.db"
	expect_rc 0
	[ "$(printf '%s\n' "$out" | head -1)" = "kept the diary as it was in $R/backups/wean-2026-11-25.db" ] ||
		bad "stdout: $out"
	"$T/wean" --db "$R/diary.db" export --format json | grep -v '"exported"' > "$R/after.json"
	cmp -s "$R/before.json" "$R/after.json" || bad "the restored diary differs: $(diff "$R/before.json" "$R/after.json" | head -5)"
	"$T/wean" --db "$R/backups/wean-2026-11-25.db" show 2026-11-20 | grep -q "changed after the backup" ||
		bad "the kept diary lacks the later change"
	run --db "$R/diary.db" check
	expect_rc 0
	[ -z "$err" ] || bad "check: $out"
	ls -A "$R" | grep -Eq 'wean\.lock|-wal|-shm' && bad "left beside the diary: $(ls -A "$R" | tr '\n' ' ')"
	case_end
	tm kill-server 2>/dev/null
else
	case_begin "restore while another wean has the diary open"
	skip "tmux is not installed"
fi

# ---- whose the diary is, and who may read it -------------------------------------------------

D="$T/perm/diary.db"
mkdiary "$D"
case_begin "a diary readable by others is made private at the next start, said once"
chmod 0666 "$D"
run --db "$D" show 2026-11-20
expect_rc 0
expect_err_line "^wean: the diary was readable by others; it is now private \(0600\)$"
[ "$(stat -c %a "$D")" = 600 ] || bad "mode $(stat -c %a "$D")"
run --db "$D" show 2026-11-20
[ -z "$err" ] || bad "said again: $err"
case_end
case_begin "check reports a backup and a backups folder that others may read (65)"
"$T/wean" --db "$D" backup > /dev/null
chmod 0644 "$T/perm/backups/wean-2026-11-25.db"
chmod 0755 "$T/perm/backups"
run --db "$D" check
expect_rc 65
[ "$out" = "problem: $T/perm/backups is not private: mode 755, others may use it (wean keeps it 700)
problem: $T/perm/backups/wean-2026-11-25.db is not private: mode 644, others may use it (wean keeps it 600)" ] ||
	bad "stdout: $out"
case_end
if can_drop; then
	case_begin "a diary that belongs to another user is refused (77), untouched"
	chmod 0644 "$D"
	snap "$D"
	as_user --db "$D" show 2026-11-20
	expect_rc 77
	expect_err_line "^wean: $D belongs to another user \(uid 0\)"
	as_user --db "$D" checkin --mood 1
	expect_rc 77
	unchanged
	chmod 0600 "$D"
	case_end
else
	case_begin "a diary that belongs to another user"
	skip "needs root with setpriv to run as another user"
fi

summary faults
