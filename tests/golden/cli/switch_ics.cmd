# The calendar file of doses through the day and of a switch (issue 19):
# each step of a plan taken as several doses says each dose; each stage of
# a switch is an event of its own naming the dose it replaces, the day's
# combined diazepam equivalent and the equivalence's source.  Read back by
# python3-icalendar and by khal; every line ends in CRLF and has at most
# 75 octets.
wean med add lorazepam --unit mg --form "tablet 1 mg /2" --form "tablet 0.5 mg /2" > /dev/null
wean plan add lorazepam --start 2026-11-03 --from-dose 3 --method percent --step 10 --every 2w --times 08:00,14:00,22:00 --split 1,1,1 --accept-warnings > /dev/null
wean med add alprazolam --unit mg --form "tablet 0.5 mg /2" > /dev/null
wean med add diazepam --unit mg --form "tablet 2 mg /2" --form "tablet 5 mg" > /dev/null
wean plan add alprazolam --start 2026-11-01 --from-dose 2 --method linear --step 0.25 --every 8w --times 08:00,14:00,22:00 --split 0.5,0.5,1 --accept-warnings > /dev/null
wean plan switch alprazolam --to diazepam --stage 2w --start 2026-12-01 --step 8 --every 2w --to-dose 2 --accept-warnings > /dev/null
wean export --format ics -o sw.ics
cat > ev.py <<'PY'
import icalendar, re, sys
c = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
uids = [str(e["UID"]) for e in c.walk("VEVENT")]
print(len(uids), "events, unique UIDs:", len(set(uids)) == len(uids))
for e in sorted(c.walk("VEVENT"), key=lambda e: (e.decoded("DTSTART"), str(e["UID"]))):
    uid = re.sub(r"-[0-9a-f]{8}@", "-TOKEN@", str(e["UID"]))
    s, d = str(e["SUMMARY"]), str(e["DESCRIPTION"])
    want = sys.argv[2:]
    if uid.startswith(tuple(want)) if want else "Switch stage" in s:
        print(e.decoded("DTSTART"), uid, e["SEQUENCE"], e["STATUS"])
        print(" ", s)
        print("\n".join("  | " + l for l in d.split("\n")))
PY
# lorazepam 1+1+1: the first steps, each dose (the largest cut first, on a tie the latest)
/usr/bin/python3 ev.py sw.ics wean-1-0- wean-1-1- wean-1-2- | grep -v '^  | Review\|^  | This schedule\|^  | $'
# the switch: a stage a dose, with what it replaces
/usr/bin/python3 ev.py sw.ics | sed 1d
# the alprazolam plan of the switch: its steps say its doses too
/usr/bin/python3 ev.py sw.ics wean-3-1- | grep -E '^2026|Doses'
LC_ALL=C awk '!/\r$/ { nocr++ } { sub(/\r$/, ""); if (length($0) > 75) long++ }
	END { print NR " lines, " nocr + 0 " without CRLF, " long + 0 " over 75 octets" }' sw.ics
# khal reads every event, the stages among them
mkdir -p cal
cat > khal.conf <<CONF
[calendars]
[[wean]]
path = $PWD/cal
type = calendar
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
[default]
default_calendar = wean
CONF
khal -c khal.conf import --batch sw.ics > khal.log 2>&1 && echo "khal import: ok" || cat khal.log
khal -c khal.conf list --format 'EV|{start-date}|{status}|{title}' 2026-11-01 120d 2> /dev/null | grep -c '^EV|'
khal -c khal.conf list --format 'EV|{start-date}|{title}' 2026-12-01 60d 2> /dev/null | grep 'Switch stage'
khal -c khal.conf printics sw.ics 2> /dev/null | grep -c 'Switch stage'
# the switch's dates only: the stages in them and nothing else of the switch
wean export --format ics --from 2026-12-15 --to 2026-12-15 -o one.ics
/usr/bin/python3 -c '
import icalendar, sys
for e in icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read()).walk("VEVENT"):
    print(e.decoded("DTSTART"), str(e["SUMMARY"]))' one.ics | sort
