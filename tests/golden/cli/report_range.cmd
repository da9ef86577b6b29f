# Issue 14 item 3: a report's or export's default range starts no earlier
# than the diary's first record, and only the days of the diary's life
# count as days recorded or not.  A diary 20 days old
# (today 2026-11-25): its first record is a check-in with a question on
# 2026-11-06, then check-ins on six days.
wean checkin --date 2026-11-06 --question "Is the dizziness from the cut?" > /dev/null
for d in 08 10 15 20 24 25; do
	wean checkin --date "2026-11-$d" --mood 5 > /dev/null
done
# The default report covers the 20 days, not 90.
wean report --format txt | sed -n '/^Period/p;/^Recorded on/,/^$/p'
# The same when written to a file.
wean report -o "$TMPD/r.md"
# A range from before the diary: the days before it are not missing.
wean report --format txt --from 2026-09-01 | sed -n '/^Period/p;/^Recorded on/,/^$/p'
wean report --format md --from 2026-09-01 | grep -A1 '^Recorded on'
wean report --format html --from 2026-09-01 | sed 's/<[^>]*>//g' | grep '^Recorded on'
# A range before the diary began: nothing was recorded in it.
wean report --format txt --from 2026-10-01 --to 2026-10-31 | sed -n '/^Period/p;/recorded in this range/p'
# Exports: by default from the first record to the last.
wean export --format csv | head -2 | cut -c1-40
wean export --format csv | tail -n 2 | cut -c1-12
wean export --format csv -o "$TMPD/d.csv"
# an end before the diary began: that day alone, nothing in it
wean export --format csv --to 2026-10-01 | tail -n +2 | cut -c1-20
# The table of doses counts the days the same way: a plan in force since
# 2026-09-01, doses taken on the six days with a check-in after the first.
wean med add sertraline --unit mg --form "tablet 25 mg half" > /dev/null
wean plan add sertraline --start 2026-09-01 --from-dose 50 --method percent --step 10 --every 16w --round 12.5 --accept-warnings > /dev/null
for d in 08 10 15 20 24 25; do
	wean checkin --date "2026-11-$d" --dose "sertraline=50@08:00" > /dev/null
done
wean report --format txt --from 2026-09-01 | sed -n '/^Doses: planned/,/^$/p;/^| sertraline\|^sertraline/p;/not counted/p'
wean report --format md --from 2026-09-01 | grep -E '^\| sertraline|not counted'
wean report --format html --from 2026-09-01 | grep -E 'not counted' | sed 's/<[^>]*>//g'
# from the diary's first record: no such line
wean report --format txt | grep -c 'not counted'
