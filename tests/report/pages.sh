#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# pages.sh WEAN -- the HTML report printed (issue 18 item 8): the 90-day
# report of the demo diary (wean demo, 200 days to a pinned today) is
# printed with headless Chromium on A4 and on Letter.  The report sets no
# paper size (it prints on whatever the printer has), so each run adds
# one line of CSS, @page{size:A4} or @page{size:letter}, to a copy.  For
# each, pdfinfo must count 2 pages of that size and pdftotext must find
# on every page the footer "page N of 2" and, on page 2 too, the name and
# the range; in the text, every month whose first day is in the range
# labelled on the charts (at least three times: burden, mood, sleep).
# A missing tool is installed if we may (tests/need.sh); only when that
# fails is the test skipped, with a SKIP line.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp/home" TZ=UTC LANG=C.UTF-8 LC_ALL=C.UTF-8 WEAN_TODAY=2026-12-05 \
       XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" WEAN_DATADIR="$here/../../data"
unset WEAN_CONFIG WEAN_DB
mkdir -p "$HOME"
fail=0
bad() { echo "FAIL report-pages: $*"; fail=$((fail + 1)); }

. "$here/../need.sh"
if ! need "command -v chromium" chromium; then
	echo "SKIP report-pages: chromium not installed (and cannot be installed here)"
	exit 0
fi
if ! need "command -v pdfinfo && command -v pdftotext" poppler-utils; then
	echo "SKIP report-pages: poppler-utils not installed (and cannot be installed here)"
	exit 0
fi

name="Alex Example"
from=2026-09-07 to=2026-12-05
"$bin" demo --days 200 --keep "$tmp/demo.db" --no-tui > /dev/null || { bad "wean demo failed"; exit 1; }
"$bin" --db "$tmp/demo.db" report --format html --name "$name" -o "$tmp/r.html" > /dev/null ||
	{ bad "wean report failed"; exit 1; }
grep -q "Period:</b> $from to $to (90 days)" "$tmp/r.html" || bad "the report is not of $from to $to"

headings="Current medications|The period at a glance|Taper history:|Plan review:|Charts|\
Symptom burden|Mood \(|Sleep \(|Main symptoms|Doses: planned|Days flagged|Questions for"
# The months starting in the range: Oct, Nov, Dec (and the leading Sep).
months="Sep Oct Nov Dec"

# --no-pdf-header-footer: the footer is the report's own, not Chromium's.
# (About 15 s each, mostly Chromium starting; two at once is slower.)
for paper in A4 letter; do
	f="$tmp/$paper"
	sed "s|</style>|@page{size:$paper}\n</style>|" "$tmp/r.html" > "$f.html"
	timeout 120 chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
		--no-first-run --disable-extensions --disable-background-networking \
		--user-data-dir="$f.profile" --print-to-pdf="$f.pdf" "$f.html" > "$f.log" 2>&1
	if [ ! -s "$f.pdf" ]; then
		cat "$f.log"
		bad "$paper: chromium printed nothing"
		continue
	fi
	pages=$(pdfinfo "$f.pdf" | sed -n 's/^Pages: *//p')
	size=$(pdfinfo "$f.pdf" | sed -n 's/^Page size: *//p')
	echo "report-pages: $paper: $pages pages, $size"
	[ "$pages" = 2 ] || bad "$paper: $pages pages, not 2"
	case "$paper:$size" in
	A4:*"(A4)"* | letter:*"(letter)"*) ;;
	*) bad "$paper: printed on $size" ;;
	esac
	for p in 1 2; do
		pdftotext -layout -f "$p" -l "$p" "$f.pdf" "$f.$p.txt"
		grep -q "page $p of 2" "$f.$p.txt" || bad "$paper: no 'page $p of 2' on page $p"
		grep -q "$name, $from to $to" "$f.$p.txt" || bad "$paper: no name and range on page $p"
	done
	# no heading alone at the foot of page 1: the last two lines above the
	# footer are no section heading
	tail=$(grep -v "page 1 of 2" "$f.1.txt" | grep -v '^[[:space:]]*$' | tail -2 | sed 's/^ *//')
	if printf '%s\n' "$tail" | grep -Eq "^($headings)"; then
		bad "$paper: page 1 ends with a heading: $tail"
	fi
	grep -q "Tapering diary report" "$f.1.txt" || bad "$paper: page 1 has no title"
	grep -q "Questions for the prescriber" "$f.2.txt" || bad "$paper: page 2 has no questions"
	grep -q "not a medical record" "$f.2.txt" || bad "$paper: the closing line is not on page 2"
	pdftotext -raw "$f.pdf" "$f.txt"
	for m in $months; do
		n=$(grep -cw "$m" "$f.txt")
		[ "$n" -ge 3 ] || bad "$paper: the month label $m is on the charts $n times, not 3"
	done
done
echo "report-pages: A4 and Letter checked, $fail failed"
[ "$fail" -eq 0 ]
