# Issue 15 item 9: a plan whose steps would fall after 9999-12-31 is
# refused (before: the ics file dated them in year 0000), and so is a
# resume that would push them there; the plan and its calendar stay whole.
wean med add sertraline --unit mg --form "tablet 50 mg /2" > /dev/null
wean plan add sertraline --start 9999-06-01 --from-dose 100 --method percent \
	--step 10 --every 8w --accept-warnings
wean plan show sertraline
wean plan add sertraline --start 9999-06-01 --from-dose 100 --method linear \
	--step 50 --every 4w > /dev/null
wean plan hold sertraline --from 9999-06-10
wean plan resume sertraline --on 9999-12-20
wean plan resume sertraline --on 9999-06-20
wean export --format ics | grep -a DTSTART
