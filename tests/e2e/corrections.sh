#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 16 item 3: everything correctable from the TUI.  On Today, P
# marks the focused symptom as present before the taper (again: unmarks
# it); X deletes the day's record and the Calendar's X the selected
# day's, each asking y/N first and making a backup first, whose name the
# status line gives; questions stay.  `wean day delete` asks y/N on a
# terminal.
. "$(dirname "$0")/lib.sh"
e2e_setup
wean checkin --date 2026-11-24 --mood 4 --symptom headache=2 \
	--question "ask about zaps" >/dev/null || fail "checkin 24"
wean checkin --mood 6 --symptom dizziness=1 >/dev/null || fail "checkin 25"
wean checkin --date 2026-11-20 --mood 5 >/dev/null || fail "checkin 20"
pre() { sql "select preexisting from symptom where name = '$1'"; }
checkins() { sql "select count(*) from checkin where date = '$1'"; }

start 80 24
wait_for "Today · Wed 25 November 2026"
# P on a symptom: marked, said on the status line; P again: unmarked
keys j j
wait_for "brain zaps: not rated"
keys P
wait_for "brain zaps: present before the taper, not counted as a withdrawal sign"
[ "$(pre 'brain zaps')" = 1 ] || fail "P did not mark brain zaps"
keys j k
wait_for "brain zaps: not rated (present before the taper)"
keys P
wait_for "brain zaps: counted again"
[ "$(pre 'brain zaps')" = 0 ] || fail "P again did not unmark brain zaps"
# P elsewhere says what it does
keys k k
keys P
wait_for "P marks the focused symptom as present before the taper"
# a quick note: Enter changes its words (time kept), x deletes it after y
sqlite3 "$DB" "INSERT INTO quicknote(date, minute, text) VALUES
	('2026-11-25', 485, 'dizzy after lunch'), ('2026-11-25', 600, 'second one')"
keys h l
wait_for "08:05 dizzy after lunch"
qn() { sql "select group_concat(strftime('%H:%M', minute * 60, 'unixepoch') || ' ' || text, '; ')
	from quicknote where date = '2026-11-25'"; }
# down to the first quick note, one j at a time (the focus is shown by ›)
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
	screen | grep -qF "›08:05 dizzy after lunch" && break
	before=$(screen)
	keys j
	end=$(( $(date +%s) + E2E_TIMEOUT ))
	while [ "$(screen)" = "$before" ] && [ "$(date +%s)" -lt "$end" ]; do
		sleep 0.05
	done
done
wait_for "›08:05 dizzy after lunch"
wait_for "quick note: Enter changes its words, x deletes it"
keys Enter
wait_for "the quick note: dizzy after lunch"
keys C-u
type_text "dizzy before lunch"
keys Enter
wait_for "quick note changed"
[ "$(qn)" = "08:05 dizzy before lunch; 10:00 second one" ] || fail "edit: $(qn)"
keys x
wait_for 'delete the quick note "dizzy before lunch"? y/N'
keys n
wait_for "kept: nothing deleted"
keys x
wait_for 'delete the quick note "dizzy before lunch"? y/N'
keys y
wait_for "quick note deleted"
[ "$(qn)" = "10:00 second one" ] || fail "delete: $(qn)"
wait_for "›10:00 second one"
# X on yesterday: asks; n keeps everything
keys h
wait_for "Tue 24 November 2026"
keys X
wait_for "delete the record of 2026-11-24? a backup is made first y/N"
wait_for "y yes  n no"
keys n
wait_for "kept: nothing deleted"
[ "$(checkins 2026-11-24)" = 1 ] || fail "n deleted the day"
[ ! -e "$T/backups" ] || fail "a backup was made for a no"
# y: a backup first, then the day's record goes; its question stays
keys X
wait_for "delete the record of 2026-11-24?"
keys y
wait_for "deleted the record of 2026-11-24; backup: backups/wean-2026-11-25.db"
[ "$(checkins 2026-11-24)" = 0 ] || fail "y kept the check-in"
[ "$(sql "select count(*) from rating where date = '2026-11-24'")" = 0 ] ||
	fail "y kept the rating"
[ "$(sql "select count(*) from question where date = '2026-11-24'")" = 1 ] ||
	fail "the question went with the day"
[ -s "$T/backups/wean-2026-11-25.db" ] || fail "no backup"
[ "$(sqlite3 "$T/backups/wean-2026-11-25.db" \
	"select mood from checkin where date = '2026-11-24'")" = 4 ] ||
	fail "the backup does not hold the day"
# a day with nothing to delete says so
keys h
wait_for "Mon 23 November 2026"
keys X
wait_for "2026-11-23 has no record to delete"
# the Calendar (F2): X deletes the selected day (today) after y
keys F2
wait_for "Calendar"
keys X
wait_for "delete the record of 2026-11-25? a backup is made first y/N"
keys y
wait_for "deleted the record of 2026-11-25; backup: backups/wean-2026-11-25-2.db"
[ "$(checkins 2026-11-25)" = 0 ] || fail "the Calendar's X kept today"
[ -s "$T/backups/wean-2026-11-25-2.db" ] || fail "no second backup"
# the help lists both keys
keys '?'
wait_for "Help: the keys"
# page down until the corrections are on screen (polling, as wait_for does)
for i in 1 2 3 4 5 6 7 8; do
	before=$(screen)
	echo "$before" | grep -qF "mark the focused symptom present" && break
	keys NPage
	end=$(( $(date +%s) + E2E_TIMEOUT ))
	while [ "$(screen)" = "$before" ] && [ "$(date +%s)" -lt "$end" ]; do
		sleep 0.05
	done
done
wait_for "P                   mark the focused symptom present before the taper"
wait_for "X                   delete the day's record (asks y/N; backup first)"
keys q
keys q
wait_exit
# the command line asks y/N on a terminal: n deletes nothing, y deletes
start 80 24 -- day delete 2026-11-20
wait_for "delete the record of 2026-11-20 (the check-in)? a backup is made first [y/N]"
keys n Enter
wait_for "nothing was deleted"
wait_exit
[ "$(checkins 2026-11-20)" = 1 ] || fail "n on the command line deleted the day"
start 80 24 -- day delete 2026-11-20
wait_for "[y/N]"
keys y Enter
wait_for "deleted the record of 2026-11-20: the check-in"
wait_for "backed up the diary to"
wait_exit
[ "$(checkins 2026-11-20)" = 0 ] || fail "y on the command line kept the day"

# The Plan screen (F3): E changes the medication shown, pre-filled; a form
# its plan rounds to stays (the message says which plan); M of a name
# that exists points to E.
wean med add sertraline --form "tablet 50 mg half" --form "liquid 20 mg/ml" \
	>/dev/null || fail "med add"
wean plan add sertraline --start 2026-11-01 --from-dose 50 --method percent \
	--step 10 --every 4w --form tablet --accept-warnings >/dev/null || fail "plan add"
forms() { sql "select group_concat(label, '; ') from med_form order by id"; }
start 80 24
wait_for "Today"
keys F3
wait_for "E change med"
keys E
wait_for "Change sertraline"
wait_for "forms    tablet 50 mg half; liquid 20 mg/ml"
wait_for "[ save the changes ]"
# the tablet taken out: refused, nothing written, the form stays open
keys Down Down C-u
type_text "liquid 20 mg/ml"
keys Down Enter
wait_for "not saved: sertraline's plan from 2026-11-01 rounds to its form 'tablet'"
[ "$(forms)" = "tablet 50 mg half; liquid 20 mg/ml" ] || fail "refused, yet: $(forms)"
# the liquid out, a capsule in: saved in one step
keys Up C-u
type_text "tablet 50 mg half; capsule 25 mg"
keys Down Enter
wait_for "changed sertraline"
[ "$(forms)" = "tablet 50 mg half; capsule 25 mg" ] || fail "E saved: $(forms)"
# Esc changes nothing
keys E
wait_for "Change sertraline"
keys Down C-u
type_text "mcg"
keys Escape
wait_for "nothing changed"
[ "$(sql "select unit from medication")" = mg ] || fail "Esc changed the unit"
# M with the name of one that exists
keys M
wait_for "Add a medication"
type_text "Sertraline"
keys Down Down Down Enter
wait_for "sertraline already exists: E on the Plan screen (or wean med edit) changes it"
keys Escape
keys q
wait_exit
exit 0
