# Issue 14 item 3: a report lists the questions asked in its range, with
# their answers, and the open questions asked before it -- the most recent
# five; the older ones are counted, not listed ("And 35 older open
# questions ...").  Before, every open question ever asked was listed.
# 40 open questions asked 100 to 139 days ago, one more answered:
for d in $(seq 100 139); do
	"$BIN" checkin --date "-$d" --question "Old question from $d days ago?" > /dev/null
done
wean checkin --date -140 --question "Answered long ago?" > /dev/null
wean question answer 41 "Yes." > /dev/null
# in the range (the last 30 days): one open, one answered on two lines
wean checkin --date 2026-11-10 --question "Is a liquid form possible?" > /dev/null
wean checkin --date 2026-11-20 --question "Slower steps after the hold?" > /dev/null
wean question answer 42 "$(printf 'Yes: 1 mg/ml.\nAsk the pharmacy for it.')" > /dev/null
wean report --format txt --from 2026-10-27 | sed -n '/^Questions for/,/^These data/p'
wean report --format md --from 2026-10-27 | sed -n '/^## Questions for/,/^*These data/p'
wean report --format html --from 2026-10-27 | sed -n '/<h2>Questions for/,/<\/section>/p'
# the questions listed: 5 older open + 2 in the range
wean report --format md --from 2026-10-27 | grep -c '^- 2026-'
# answering older ones brings the next ones in; one left out is said so
for id in $(seq 4 37); do "$BIN" question answer "$id" "Answered at the visit." > /dev/null; done
wean report --format txt --from 2026-10-27 | sed -n '/^Questions for/,/^These data/p'
# none left out: no such line
wean question answer 3 "Answered." > /dev/null
wean report --format txt --from 2026-10-27 | grep -c 'older open'
# a range with no questions and none open from before
wean question answer 38 x > /dev/null; wean question answer 39 x > /dev/null
wean question answer 40 x > /dev/null; wean question answer 1 x > /dev/null
wean question answer 2 x > /dev/null; wean question answer 43 x > /dev/null
wean report --format txt --from 2026-11-21 | sed -n '/^Questions for/,/^These data/p'
