# A title of wide characters keeps to --width: emoji take two columns, as
# core/text.h measures them, so no line of the chart is wider than 40.
wean symptoms add "🚀🚀🚀🚀 zaps"
wean checkin --date 2026-11-24 --symptom "🚀🚀🚀🚀 zaps=2"
wean chart "🚀🚀🚀🚀 zaps" --width 40 --height 8 --days 14
widest() { python3 -c 'import sys, unicodedata as u
w = lambda c: 0 if u.combining(c) else 2 if u.east_asian_width(c) in "WF" else 1
print("widest chart line:", max(sum(map(w, l.rstrip("\n"))) for l in sys.stdin))'; }
"$BIN" chart "🚀🚀🚀🚀 zaps" --width 40 --height 8 --days 14 | sed '/^$/q' | widest
"$BIN" --ascii chart "🚀🚀🚀🚀 zaps" --width 40 --height 8 --days 14 | sed '/^$/q' | widest
