# Issue 15: an import never overwrites what the person wrote without a
# word.  A value the diary has otherwise is a conflict, listed one a line
# (date, field, the value kept, the file's) and kept unless --on-conflict
# says replace or append; the diary is backed up first whenever its days
# change.  Daylio entries of one date on rows apart make one day.
wean checkin --date 2026-03-04 --mood 5 --note 'my own words' --symptom nausea=2
cat > "$TMPD/f.json" <<'JSON'
{"format":"wean","schema_version":2,"days":[
{"date":"2026-03-04","checkin":{"mood":8,"note":"from the file","sleep":6},
 "ratings":{"nausea":1,"headache":3}},
{"date":"2026-03-05","checkin":{"mood":4}}]}
JSON
wean import "$TMPD/f.json"
wean show 2026-03-04
ls "$TMPD/backups"
# the file's values, after a second backup
wean import "$TMPD/f.json" --on-conflict replace
wean show 2026-03-04 | sed -n '2p;/Note/,$p'
# notes joined below a separator, numbers kept; a second run changes nothing
wean checkin --date 2026-03-04 --mood 5 --note 'my own words' > /dev/null
wean import "$TMPD/f.json" --on-conflict append
wean import "$TMPD/f.json" --on-conflict append
wean show 2026-03-04 | sed -n '/Note/,$p'
ls "$TMPD/backups"
# the backup holds the diary as it was before the first import
wean --db "$TMPD/backups/wean-2026-11-25.db" show 2026-03-04 | sed -n '2p;/Note/,$p'
wean import "$TMPD/f.json" --on-conflict sideways
# a dry run lists what would happen, writes nothing and backs nothing up
wean import "$TMPD/f.json" --on-conflict replace --dry-run
ls "$TMPD/backups" | wc -l
# Daylio: the 2026-03-06 entries are rows apart: one day, counted once
cat > "$TMPD/d.csv" <<'CSV'
full_date,date,weekday,time,mood,activities,note_title,note
2026-03-06,March 6,Friday,21:00,good,,,evening
2026-03-04,March 4,Wednesday,12:00,rad,,,from daylio
2026-03-06,March 6,Friday,08:00,bad,,,morning
CSV
wean import "$TMPD/d.csv" --format daylio
wean show 2026-03-06 | sed -n '2p;/Note\|Quick note/,$p'
