#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 18 items 3 and 5 seen on screen: a spreadsheet of one's own
# (BOM, semicolons, DD.MM.YYYY, decimal commas, a note with a semicolon
# and non-ASCII text) imported with --format table --map shows in the
# Journal as typed: the mood, the sleep with a decimal point, the note;
# the export for spreadsheets then reads back into a second diary as the
# same plain CSV.
. "$(dirname "$0")/lib.sh"
e2e_setup
wean med add sertraline --unit mg >/dev/null || fail "med add"
printf '\357\273\277Datum;Stimmung;Schlaf;Notizen;Kopfschmerzen;Sertralin\r\n' > "$T/mine.csv"
printf '23.11.2026;4;6,5;"Kopfweh; fr\303\274h ins Bett";2;50\r\n' >> "$T/mine.csv"
printf '24.11.2026;7;8;ruhiger Tag;0;50\r\n' >> "$T/mine.csv"
M="date=Datum,mood=Stimmung,sleep=Schlaf,note=Notizen,symptom:headache=Kopfschmerzen"
M="$M,dose:sertraline=Sertralin"
out=$(wean import "$T/mine.csv" --format table --map "$M" --dry-run) || fail "dry run"
echo "$out" | grep -q "line 2: 2026-11-23 would be added" || fail "dry run: $out"
[ "$(sql "select count(*) from checkin")" = 0 ] || fail "the dry run wrote"
wean import "$T/mine.csv" --format table --map "$M" >/dev/null || fail "import"

start 80 24
wait_for "Today"
keys F5
wait_for "date           mood  anx sleep burden      dose"
wait_for "2026-11-24 Tue"
keys j
wait_for "Mon 23 November 2026"
wait_for "Kopfweh; früh ins Bett"
screen | grep "2026-11-23 Mon" | grep -q "6.5" || fail "the sleep is not 6.5 on the list"
keys q
wait_exit

wean export --format csv -o "$T/plain.csv" >/dev/null || fail "export"
wean export --format csv --for-spreadsheet -o "$T/sheet.csv" >/dev/null || fail "export sheet"
DB2="$T/two.db"
"$WEAN" --db "$DB2" med add sertraline --unit mg >/dev/null || fail "med add 2"
"$WEAN" --db "$DB2" import "$T/sheet.csv" | grep -q "reading .*sheet.csv as wean CSV" ||
	fail "the import did not say the format"
"$WEAN" --db "$DB2" export --format csv -o "$T/back.csv" >/dev/null || fail "export 2"
cmp -s "$T/plain.csv" "$T/back.csv" || fail "the round trip changed the CSV"
echo "ok"
