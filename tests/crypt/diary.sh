#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# diary.sh WEAN -- an encrypted diary (issue 20): `wean encrypt`, every
# command and the TUI asking for the passphrase, and what must never
# happen:
#   - a canary typed in a note, a medication's name and a question's
#     answer is in no file beside the diary: the diary, its -wal and -shm,
#     backups, drafts -- searched during a TUI session (the note still a
#     draft, then saved), after it, and after a kill -9 loop;
#   - a wrong passphrase: exit 77 and the file byte for byte unchanged;
#   - a tampered page, two pages swapped, a page from another diary, a
#     cut file: exit 65 "the diary is damaged", never garbage;
#   - kill -9 while checking in (KILLS times, default 200): every check-in
#     that was acknowledged (exit 0) is there, `wean check` passes;
#   - $EDITOR is never handed the note of an encrypted diary (its file
#     would be plain on the disk): e and Ctrl-O keep it in wean's editor;
#   - `wean restore` of encrypted backups: the diary's own opens with its
#     key, one under another passphrase is refused (77) or opened with
#     --backup-passphrase-file, a plain one is refused into the encrypted
#     diary (64, unchanged), and a new diary made from one is encrypted;
#   - `wean passphrase` changes it; `wean decrypt` makes it plain again
#     with every day kept; encrypted backups stay encrypted.
# The key derivation is made cheap for the loop (WEAN_INSECURE_FAST_KDF=1,
# the cost is stored in the diary's header).  SEED picks the kill delays.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
SOCK="wean-crypt-$$"
trap 'tmux -L "$SOCK" kill-server 2>/dev/null; rm -rf "$tmp"' EXIT
export HOME="$tmp/home" TZ=UTC LANG=C.UTF-8 LC_ALL=C.UTF-8 WEAN_DB="$tmp/diary.db" \
       XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" WEAN_DATADIR="$here/../../data" \
       WEAN_TODAY=2026-03-01 WEAN_INSECURE_FAST_KDF=1
unset WEAN_CONFIG WEAN_PASSPHRASE_FILE
mkdir -p "$HOME"
KILLS=${KILLS:-200}
SEED=${SEED:-20261205}
echo "crypt-diary: seed $SEED, $KILLS kills"
RANDOM=$SEED
fail=0 checks=0
bad() { echo "FAIL crypt-diary: $*"; fail=$((fail + 1)); }
ok() { checks=$((checks + 1)); }
w() { "$bin" "$@" > "$tmp/out" 2>&1 || { bad "wean $* exited $?: $(cat "$tmp/out")"; }; }
CANARY="canaryQ7z"

# no file of the diary holds the canary (or SQLite's plain header)
clean() {  # WHEN
	local f
	for f in "$tmp"/diary.db* "$tmp"/backups/* "$tmp"/.wean-edit/* "$tmp"/*-bak.db \
	         "$tmp"/fresh/*; do
		[ -f "$f" ] || continue
		if grep -aq -e "$CANARY" -e "SQLite format 3" "$f"; then
			bad "$1: plain text in $(basename "$f")"
		else
			ok
		fi
	done
}

printf 'correct horse\n' > "$tmp/pass"
printf 'wrong horse\n' > "$tmp/wrong"
printf 'battery staple\n' > "$tmp/pass2"
chmod 600 "$tmp/pass" "$tmp/wrong" "$tmp/pass2"

w med add "sertraline$CANARY" --form "tablet 1 mg"
w checkin --date 2026-02-27 --mood 6 --note "$CANARY felt foggy"
w checkin --date 2026-02-27 --question "$CANARY is the dizziness from the cut?"
w backup
w encrypt --new-passphrase-file "$tmp/pass"
grep -q "backup made before" "$tmp/out" && ok || bad "encrypt did not name the plain backup: $(cat "$tmp/out")"
rm -rf "$tmp/backups"                      # the plain one, as the message says
head -c 21 "$WEAN_DB" | grep -q "wean encrypted diary" && ok || bad "no encrypted header"
clean "after encrypt"

export WEAN_PASSPHRASE_FILE="$tmp/pass"
w log
grep -q "$CANARY felt foggy" "$tmp/out" && ok || bad "log after encrypt: $(cat "$tmp/out")"
w backup
clean "after an encrypted backup"

# --- a wrong passphrase: 77, nothing changed ----------------------------------------
sum=$(sha256sum "$WEAN_DB" | cut -d' ' -f1)
"$bin" --passphrase-file "$tmp/wrong" checkin --mood 3 > "$tmp/out" 2>&1
rc=$?
[ "$rc" = 77 ] && ok || bad "wrong passphrase: exit $rc"
grep -q "wrong passphrase" "$tmp/out" && ok || bad "wrong passphrase: $(cat "$tmp/out")"
[ "$(sha256sum "$WEAN_DB" | cut -d' ' -f1)" = "$sum" ] && ok || bad "a wrong passphrase changed the file"
# no passphrase and no terminal
env -u WEAN_PASSPHRASE_FILE "$bin" log < /dev/null > "$tmp/out" 2>&1 && bad "opened without a passphrase" || ok

# --- the TUI: asked on the terminal, a note typed, drafts sealed -----------------------
printf 'set -g exit-empty off\nset -g remain-on-exit on\nset -g status off\n' > "$tmp/tmux.conf"
tm() { tmux -L "$SOCK" -f "$tmp/tmux.conf" "$@"; }
wait_for() {
	for _ in $(seq 1 300); do tm capture-pane -p 2> /dev/null | grep -q -- "$1" && return 0; sleep 0.1; done
	bad "never saw '$1' on the screen: $(tm capture-pane -p 2> /dev/null | grep . | tail -3)"
	return 1
}
# an editor that would write the canary into the note's file, and say so
printf '#!/bin/sh\ntouch "%s/editor.ran"\necho "%s from the editor" >> "$1"\n' "$tmp" "$CANARY" > "$tmp/editor.sh"
chmod +x "$tmp/editor.sh"
if command -v tmux > /dev/null; then
	# its start retried: a busy machine has been seen to lose one
	for _ in 1 2 3; do
		tm new-session -d -x 80 -y 24 "env -u WEAN_PASSPHRASE_FILE EDITOR='$tmp/editor.sh' '$bin'; echo \"exit=\$?\" > '$tmp/tui.status'; sleep 30" && break
		tm kill-server 2> /dev/null
		sleep 1
	done
	wait_for "Passphrase for the diary"
	tm send-keys "correct horse" Enter
	wait_for "Symptoms"
	tm capture-pane -p 2> /dev/null | grep -q "correct horse" && bad "the passphrase was echoed" || ok
	tm send-keys n
	wait_for "Esc when done"
	tm send-keys "$CANARY typed in the TUI"
	wait_for "typed in the TUI"               # the draft is saved as it is typed
	clean "during the TUI (a draft)"
	# $EDITOR is set, but its file would hold the note in plain text: the
	# note goes on in wean's own editor (Ctrl-O there, e on Today)
	tm send-keys C-o
	wait_for "the diary is encrypted: no plain file"
	tm send-keys Escape
	wait_for "note · saved"
	tm send-keys e
	wait_for "the diary is encrypted: no plain file"
	tm capture-pane -p 2> /dev/null | grep -q "Esc when done" && ok || bad "e did not open wean's editor"
	clean "with \$EDITOR set"
	[ -e "$tmp/editor.ran" ] && bad "\$EDITOR was started for an encrypted diary" || ok
	[ -n "$(ls -A "$tmp/.wean-edit" 2> /dev/null)" ] && bad "a file for \$EDITOR was made" || ok
	tm send-keys Escape                    # unchanged: the editor closes
	for _ in $(seq 1 300); do tm capture-pane -p 2> /dev/null | grep -q "Esc when done" || break; sleep 0.1; done
	tm send-keys q
	for _ in $(seq 1 300); do [ -s "$tmp/tui.status" ] && break; sleep 0.1; done
	grep -q "exit=0" "$tmp/tui.status" 2> /dev/null && ok || bad "the TUI: $(cat "$tmp/tui.status" 2> /dev/null)"
	w show 2026-03-01
	grep -q "$CANARY typed in the TUI" "$tmp/out" && ok || bad "the TUI's note: $(cat "$tmp/out")"
	clean "after the TUI"
else
	echo "SKIP crypt-diary: tmux missing, the TUI is not checked"
fi

# --- kill -9 while checking in -------------------------------------------------------
# the kill delays span 0 to the time of one check-in here (a sanitizer
# build or a busy machine is slower): some kills land in the key
# derivation, some in the write, some after the acknowledgement
t0=$(date +%s%N)
w checkin --date 2019-12-31 --mood 5
span=$(( ($(date +%s%N) - t0) / 1000000 ))
[ "$span" -ge 30 ] || span=30
echo "crypt-diary: one check-in takes $span ms; kill delays 0-$span ms"
acked="" kills=0 i=0
while [ "$kills" -lt "$KILLS" ] && [ "$i" -lt $((KILLS * 8)) ]; do
	i=$((i + 1))
	d=$(date -u -d "2020-01-01 + $i days" +%F)
	"$bin" checkin --date "$d" --mood $((i % 11)) --note "$CANARY $i" > /dev/null 2>&1 &
	pid=$!
	ms=$((RANDOM % span))
	sleep "$((ms / 1000)).$(printf '%03d' $((ms % 1000)))"
	kill -9 "$pid" 2> /dev/null
	wait "$pid" 2> /dev/null
	case $? in
	0) acked="$acked $d" ;;
	137) kills=$((kills + 1)) ;;
	esac
done
[ "$kills" -ge "$KILLS" ] && ok || bad "only $kills kills landed in $i runs"
[ -n "$acked" ] && ok || bad "no check-in was acknowledged: the loss check saw nothing"
n=0
w log --from 2020-01-01 --to 2026-01-01
for d in $acked; do
	n=$((n + 1))
	grep -q "^$d" "$tmp/out" || bad "acknowledged check-in $d lost"
done
echo "crypt-diary: $i runs, $kills SIGKILLs, $n check-ins acknowledged"
w check
clean "after the kill loop"

# --- damage: 65, never garbage ---------------------------------------------------------
cp "$WEAN_DB" "$tmp/good.db"
damage() {  # WHAT then a command that damages $tmp/bad.db
	local what=$1
	shift
	cp "$tmp/good.db" "$tmp/bad.db"
	rm -f "$tmp/bad.db-wal" "$tmp/bad.db-shm"
	"$@"
	"$bin" --db "$tmp/bad.db" check > "$tmp/out" 2>&1
	local rc=$?
	[ "$rc" = 65 ] && grep -q "damaged" "$tmp/out" && ok || bad "$what: exit $rc: $(head -3 "$tmp/out")"
	grep -aq "$CANARY" "$tmp/out" && bad "$what: text shown from a damaged diary"
}
flip() { printf '\x01' | dd of="$tmp/bad.db" bs=1 seek=$((4096 + 4096 * 2 + 300)) conv=notrunc 2> /dev/null; }
swap() {
	dd if="$tmp/good.db" of="$tmp/bad.db" bs=4096 skip=3 seek=2 count=1 conv=notrunc 2> /dev/null
	dd if="$tmp/good.db" of="$tmp/bad.db" bs=4096 skip=2 seek=3 count=1 conv=notrunc 2> /dev/null
}
flip_first() { printf '\x01' | dd of="$tmp/bad.db" bs=1 seek=$((4096 + 50)) conv=notrunc 2> /dev/null; }
cut_file() { truncate -s $(( $(stat -c %s "$tmp/good.db") / 2 )) "$tmp/bad.db"; }
damage "a byte changed in page 3" flip
damage "pages 2 and 3 swapped" swap
damage "page 1 changed" flip_first
damage "the file cut in half" cut_file
# a page from another diary with the same passphrase
w --db "$tmp/other.db" checkin --mood 5 --note "other diary"
env -u WEAN_PASSPHRASE_FILE "$bin" --db "$tmp/other.db" encrypt --new-passphrase-file "$tmp/pass" > /dev/null 2>&1 || bad "encrypt other"
foreign() { dd if="$tmp/other.db" of="$tmp/bad.db" bs=4096 skip=2 seek=2 count=1 conv=notrunc 2> /dev/null; }
damage "a page from another diary" foreign
trunc_hdr() { truncate -s 1000 "$tmp/bad.db"; }
cp "$tmp/good.db" "$tmp/bad.db"; trunc_hdr
"$bin" --db "$tmp/bad.db" log > "$tmp/out" 2>&1
rc=$?
[ "$rc" = 65 ] && ok || bad "a cut header: exit $rc: $(cat "$tmp/out")"

# --- restore of encrypted backups ---------------------------------------------------------
w backup "$tmp/enc-bak.db"
grep -aq "SQLite format 3" "$tmp/enc-bak.db" && bad "the named backup is plain" || ok
# a plain backup into the encrypted diary: refused, the diary unchanged
"$bin" --db "$tmp/plainsrc.db" checkin --mood 2 --note "plain diary" > /dev/null 2>&1
"$bin" --db "$tmp/plainsrc.db" backup "$tmp/plain.db" > /dev/null 2>&1
sum=$(sha256sum "$WEAN_DB" | cut -d' ' -f1)
"$bin" restore "$tmp/plain.db" > "$tmp/out" 2>&1
rc=$?
[ "$rc" = 64 ] && grep -q "plain backup and the diary is encrypted" "$tmp/out" && ok ||
	bad "a plain backup into the encrypted diary: exit $rc: $(cat "$tmp/out")"
[ "$(sha256sum "$WEAN_DB" | cut -d' ' -f1)" = "$sum" ] && ok || bad "the refused restore changed the diary"
# the diary's own backup: its key, nothing asked (no terminal, no file)
w checkin --date 2026-02-20 --mood 1 --note "after the backup"
env -u WEAN_PASSPHRASE_FILE "$bin" --passphrase-file "$tmp/pass" restore "$tmp/enc-bak.db" < /dev/null > "$tmp/out" 2>&1 &&
	grep -q "stays encrypted" "$tmp/out" && ok || bad "restore of its own backup: $(cat "$tmp/out")"
w show 2026-02-20
grep -q "after the backup" "$tmp/out" && bad "the restore kept a day made after the backup" || ok
head -c 21 "$WEAN_DB" | grep -q "wean encrypted diary" && ok || bad "the restored diary is not encrypted"
w check
clean "after a restore"
# a backup under another passphrase: 77 and unchanged, or its own passphrase given
w --db "$tmp/third.db" checkin --date 2026-01-05 --mood 8 --note "third diary"
env -u WEAN_PASSPHRASE_FILE "$bin" --db "$tmp/third.db" encrypt --new-passphrase-file "$tmp/pass2" > /dev/null 2>&1 || bad "encrypt third"
env -u WEAN_PASSPHRASE_FILE "$bin" --db "$tmp/third.db" --passphrase-file "$tmp/pass2" backup "$tmp/third-bak.db" > /dev/null 2>&1 || bad "backup third"
sum=$(sha256sum "$WEAN_DB" | cut -d' ' -f1)
"$bin" restore "$tmp/third-bak.db" < /dev/null > "$tmp/out" 2>&1
rc=$?
[ "$rc" = 77 ] && grep -q "wrong passphrase for the backup" "$tmp/out" && ok ||
	bad "another passphrase's backup: exit $rc: $(cat "$tmp/out")"
[ "$(sha256sum "$WEAN_DB" | cut -d' ' -f1)" = "$sum" ] && ok || bad "the refused restore changed the diary"
w restore "$tmp/third-bak.db" --backup-passphrase-file "$tmp/pass2"
w show 2026-01-05
grep -q "third diary" "$tmp/out" && ok || bad "restore with the backup's passphrase: $(cat "$tmp/out")"
clean "after restoring another passphrase's backup"
w restore "$tmp/enc-bak.db"                # back to the diary of the tests above
# no diary yet: the new one is encrypted from its first byte
w --db "$tmp/fresh/new.db" restore "$tmp/enc-bak.db"
grep -q "encrypted under the backup's passphrase" "$tmp/out" && ok || bad "restore into a new diary: $(cat "$tmp/out")"
head -c 21 "$tmp/fresh/new.db" | grep -q "wean encrypted diary" && ok || bad "the new diary is not encrypted"
w --db "$tmp/fresh/new.db" show 2026-03-01
grep -q "$CANARY typed in the TUI" "$tmp/out" && ok || bad "the new diary: $(cat "$tmp/out")"
clean "after a restore into a new diary"

# --- passphrase, decrypt -----------------------------------------------------------------
w passphrase --new-passphrase-file "$tmp/pass2"
"$bin" log > /dev/null 2>&1 && bad "the old passphrase still opens it" || ok
export WEAN_PASSPHRASE_FILE="$tmp/pass2"
w decrypt
head -c 15 "$WEAN_DB" | grep -q "SQLite format 3" && ok || bad "decrypt: not plain"
unset WEAN_PASSPHRASE_FILE
w log --from 2020-01-01
for d in $acked; do grep -q "^$d" "$tmp/out" || bad "decrypt lost $d"; done
grep -q "$CANARY typed in the TUI" "$tmp/out" && ok || bad "decrypt lost the TUI's note"
w check
for f in "$tmp"/backups/*; do
	grep -aq "SQLite format 3" "$f" && bad "backup $(basename "$f") became plain" || ok
done

echo "crypt-diary: $checks checks, $fail failures"
[ "$fail" = 0 ]
