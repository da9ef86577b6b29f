#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The Export screen: by default the last 90 days (or since the last report,
# which the diary remembers) to today, the HTML report, a file in $HOME;
# Enter on "write" writes it (0600, whole) and shows the path; Left/Right
# change the format and the file name follows; an existing file is only
# replaced after a second Enter; a bad date is named and nothing is
# written; the data formats (CSV, JSON) write what `wean export` writes.
. "$(dirname "$0")/lib.sh"
e2e_setup
DB="$T/demo.db"
"$WEAN" demo --no-tui --keep "$DB" >/dev/null || fail "demo"

start 80 24
wait_for "Symptoms"
keys F6
wait_for "Write your diary to a file"
wait_for "2026-08-28   the last 90 days"
out="$HOME/wean-report-2026-11-25.html"
wait_for "$out"
keys j j j j Enter
wait_for "written ("
wait_for "last written:"
[ -f "$out" ] || fail "no report at $out"
[ "$(stat -c %a "$out")" = 600 ] || fail "report mode $(stat -c %a "$out")"
grep -q "Tapering diary report" "$out" || fail "not the report"
grep -qi "<script" "$out" && fail "the report has a script"
tail -c 20 "$out" | grep -q "</html>" || fail "the report is not whole"
[ "$(sql "select value from meta where key = 'last_report_to'")" = 2026-11-25 ] ||
	fail "the report date was not remembered"
ls "$HOME" | grep -q "tmp" && fail "a temporary file was left: $(ls "$HOME")"
# again: the file exists, so Enter asks first and the second replaces it
before=$(stat -c %Y.%s "$out")
keys Enter
wait_for "that file exists: Enter again replaces it"
wait_for "[ replace the file ]"
keys Enter
wait_for "written ("
# Markdown: the name follows the format
keys k k Right
wait_for "report for your prescriber, Markdown"
wait_for "$HOME/wean-report-2026-11-25.md"
# CSV: the same bytes as `wean export --format csv` for the range
keys Right Right
wait_for "your data, CSV"
wait_for "$HOME/wean-diary-2026-11-25.csv"
keys j j Enter
wait_for "written ("
wean export --format csv --from 2026-08-28 --to 2026-11-25 > "$T/cli.csv" ||
	fail "wean export"
cmp -s "$T/cli.csv" "$HOME/wean-diary-2026-11-25.csv" ||
	fail "the screen's CSV differs from wean export's"
# a bad date: named, nothing written
keys k k k k Enter C-u
type_text "2026-02-30"
keys Enter
keys j j j j Enter
wait_for "from: '2026-02-30' is not a date"
keys q
wait_exit

# later: the range starts the day after the last report
start 80 24 WEAN_TODAY=2026-12-20
wait_for "Symptoms"
keys F6
wait_for "2026-11-26   the day after your last report (2026-11-25)"
wait_for "wean-report-2026-12-20.html"
keys q
wait_exit
