# Issue 5: the demo diary and charts of it, with the insight figures.
# The demo is written to a kept file; it never overwrites one.
wean demo --no-tui --keep "$TMPD/demo.db"
stat -c '%a' "$TMPD/demo.db"
wean demo --no-tui --keep "$TMPD/demo.db"
# Without --keep and without a terminal the temporary file is kept and named.
mkdir "$TMPD/t"
TMPDIR="$TMPD/t" wean demo --no-tui --days 30 | sed 's/wean-demo-[A-Za-z0-9]*/wean-demo-XXXXXX/'
ls "$TMPD/t" | sed 's/wean-demo-[A-Za-z0-9]*/wean-demo-XXXXXX/' | sort -u
# The same day gives the same diary (timestamps aside).
TMPDIR="$TMPD/t" wean demo --no-tui --keep "$TMPD/again.db" > /dev/null
rows() { sqlite3 "$1" "select date, mood, anxiety, energy, sleep, note, flag from checkin;
	select date, symptom_id, value from rating; select date, minute, amount from dose;
	select date, text from quicknote; select date, text, answer from question;
	select start_date, end_date, reason from hold"; }
diff <(rows "$TMPD/demo.db") <(rows "$TMPD/again.db") && echo "the two demo diaries are the same"
wean --db "$TMPD/demo.db" check
# The rise after each cut, with the steps marked and the dose overlaid.
wean --db "$TMPD/demo.db" chart burden --days 90
# The steps of the taper, and planned against taken.
wean --db "$TMPD/demo.db" chart dose:sertraline --days 180
wean --db "$TMPD/demo.db" chart mood --days 14 --width 40 --height 8
wean --db "$TMPD/demo.db" chart "brain zaps"
wean --db "$TMPD/demo.db" chart fatigue --days 60 --width 60 --height 10
wean --db "$TMPD/demo.db" --ascii chart sleep
# A locale that is not UTF-8 draws in ASCII too.
LC_ALL=C LANG=C wean --db "$TMPD/demo.db" chart anxiety --from 2026-11-01 --to 2026-11-25 --height 8
COLUMNS=120 wean --db "$TMPD/demo.db" chart energy --from 2026-10-26 --height 10
# Names: case, spaces, several words.
wean --db "$TMPD/demo.db" chart BRAIN ZAPS --days 14 --width 40 --height 8 | sed -n 1p
wean --db "$TMPD/demo.db" chart "dose sertraline" --days 14 --width 40 --height 8 | sed -n 1p
# Errors: one line, a usage error (64) or an unknown name (65).
wean --db "$TMPD/demo.db" chart
wean --db "$TMPD/demo.db" chart moood
wean --db "$TMPD/demo.db" chart brain zap
wean --db "$TMPD/demo.db" chart dose:sertralin
wean --db "$TMPD/demo.db" chart mood --width 39
wean --db "$TMPD/demo.db" chart mood --width 1001
wean --db "$TMPD/demo.db" chart mood --height 7
wean --db "$TMPD/demo.db" chart mood --width wide
wean --db "$TMPD/demo.db" chart mood --days 30 --from 2026-10-01
wean --db "$TMPD/demo.db" chart mood --days 0
wean --db "$TMPD/demo.db" chart mood --from 2026-02-30
wean --db "$TMPD/demo.db" chart mood --from 2026-11-20 --to 2026-11-01
wean --db "$TMPD/demo.db" chart mood --to someday
wean --db "$TMPD/demo.db" chart mood --wdith 50
wean demo --days 0 --no-tui
wean demo --keep "" --no-tui
# No diary yet: nothing is created.
wean chart mood
ls "$TMPD"/diary.db 2>&1 | sed 's/.*diary.db.*/no diary.db/'
# Issue 16 item 5: the default range of a young diary starts at its first
# record (2026-11-15: 11 days, not 90), the axis dates start there.
wean checkin --date 2026-11-15 --mood 3 >/dev/null
wean checkin --date 2026-11-20 --mood 5 >/dev/null
wean checkin --date 2026-11-25 --mood 7 >/dev/null
wean chart mood --width 60 --height 10
# --days is kept as given, even before the first record.
wean chart mood --days 30 --width 60 --height 8 | sed -n 8p
# The dose at 80x20 on the demo over 90 days: a step line, the planned
# dose under it, the axis fitted to the taper (the 74 -> 66 mg step on
# 2026-10-16 and 66 -> 60 on 2026-11-13 each several rows apart), one
# column per two days.
wean --db "$TMPD/demo.db" chart dose:sertraline
wean --db "$TMPD/demo.db" --ascii chart dose:sertraline --width 60 --height 12
# --width 60: no line of the chart or of the text under it is wider.
wean --db "$TMPD/demo.db" chart burden --width 60 | wc -L
