# The taper steps as an RFC 5545 calendar (issue 4): a strict parser reads
# it back, every line ends in CRLF and has at most 75 octets; the file is
# written atomically with mode 0600 and never overwritten without --force.
# Issue 18: a UID per step that no hold changes (its 8-hex token comes from
# the plan's creation time, shown here as TOKEN), SEQUENCE raised when a
# hold moves a step, STATUS CANCELLED for steps on hold, of a replaced plan
# or replaced by going back up the same day; going back up is an event.
wean med add sertraline --unit mg --form "tablet 25 mg half" --form "tablet 50 mg" > /dev/null
wean plan add sertraline --start 2026-01-05 --from-dose 50 --method percent --step 10 --every 4w --round 0.5 --accept-warnings > /dev/null
wean plan hold sertraline --from 2026-03-02 --reason "dizzy" > /dev/null
wean plan resume sertraline --on 2026-03-16 > /dev/null
# going back up on 2026-04-20: the step after it cuts from 50 mg (a warning,
# acknowledged), and its event says so
wean plan reinstate sertraline --dose 50 --on 2026-04-20 --reason "zaps" --accept-warnings > /dev/null
# a name with characters TEXT must escape, and multi-byte ones to fold
wean med add 'Zäpfchen; test, back\slash — 日本語のくすり' > /dev/null
wean plan add 'Zäpfchen; test, back\slash — 日本語のくすり' --start 2026-12-01 --from-dose 4 --method linear --step 1 --every 1w > /dev/null
umask 022
wean export --format ics -o plan.ics
stat -c '%a' plan.ics
ls -a | grep -c tmp
/usr/bin/python3 -c 'import icalendar,sys; c=icalendar.Calendar.from_ical(open(sys.argv[1],"rb").read()); print(len(c.walk("VEVENT")))' plan.ics
/usr/bin/python3 -c '
import icalendar, sys
c = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
print(c["VERSION"], c["PRODID"], c["CALSCALE"])
uids = [str(e["UID"]) for e in c.walk("VEVENT")]
print("unique UIDs:", len(set(uids)) == len(uids))
for e in c.walk("VEVENT"):
    if str(e["UID"]).startswith("wean-2-1-"):
        print(e.decoded("DTSTART"), e.decoded("DTEND"), e["DTSTAMP"].to_ical().decode())
        print(str(e["SUMMARY"]))
        print(str(e["DESCRIPTION"]))
' plan.ics
LC_ALL=C awk '!/\r$/ { nocr++ } { sub(/\r$/, ""); if (length($0) > max) max = length($0); if (length($0) > 75) long++ }
	END { print NR " lines, " nocr + 0 " without CRLF, " long + 0 " over 75 octets, longest " max }' plan.ics
# folded lines never split a UTF-8 character: every physical line is valid UTF-8
LC_ALL=C tr -d '\r' < plan.ics | iconv -f UTF-8 -t UTF-8 > /dev/null && echo "each line valid UTF-8"
while IFS= read -r line; do printf '%s' "$line" | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1 || echo "broken: $line"; done < plan.ics
# escaped and folded as written in the file
grep -m1 -A1 '^SUMMARY:Planned step: 4 mg Z' plan.ics | sed 's/\r$/<CR>/'
# the steps between two dates, on stdout (CR shown as <CR>): the first step
# says how to take it; the steps after the hold moved by 14 days
tok() { sed 's/-[0-9a-f]\{8\}@wean\.local/-TOKEN@wean.local/'; }
"$BIN" export --format ics --to 2026-01-05 | sed -n '/^BEGIN:VEVENT/,/^END:VEVENT/p' | sed 's/\r$/<CR>/' | tok
"$BIN" export --format ics --from 2026-03-10 --to 2026-04-13 | sed 's/\r$/<CR>/' | tok
# the event of the step after going back up: no "Take:", the review's
# findings for that step, each warning acknowledged or not
/usr/bin/python3 -c '
import icalendar, sys
c = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
for e in c.walk("VEVENT"):
    if str(e["UID"]).startswith("wean-1-4-"):
        print(e.decoded("DTSTART"), str(e["SUMMARY"]))
        print(str(e["DESCRIPTION"]))
' plan.ics
grep -c 'Take:' plan.ics
# refusals: existing file, formats not available yet, bad range, no steps
wean export --format ics -o plan.ics
wean export --format ics -o plan.ics --force
stat -c '%a' plan.ics
wean export --format csv
wean export --format json -o x.json
wean export --format pdf
wean export
wean export --format ics --from 2026-05-01 --to 2026-04-01
wean export --format ics --from 2031-01-01
wean export --format ics -o "$TMPD/no/such/dir/plan.ics"
ls x.json 2>&1
ls -a | grep -c tmp
# steps frozen by an open hold have no date yet: cancelled under their UID
# (at the date they had), and said so
wean plan hold 'Zäpfchen; test, back\slash — 日本語のくすり' --from 2026-12-10 > /dev/null
wean export --format ics -o held.ics
/usr/bin/python3 -c 'import icalendar,sys; c=icalendar.Calendar.from_ical(open(sys.argv[1],"rb").read()); print(len(c.walk("VEVENT")))' held.ics
# each event: UID (token as TOKEN), SEQUENCE, STATUS, day, SUMMARY
cat > events.py <<'PY'
import icalendar, re, sys
c = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
want = sys.argv[2:]
for e in c.walk("VEVENT"):
    uid = re.sub(r"-[0-9a-f]{8}@", "-TOKEN@", str(e["UID"]))
    if any(uid.startswith(w) for w in want):
        print(uid, e["SEQUENCE"], e["STATUS"], e.decoded("DTSTART"), str(e["SUMMARY"]))
PY
/usr/bin/python3 events.py held.ics wean-2- wean-1-r
/usr/bin/python3 -c '
import icalendar, sys
c = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
for e in c.walk("VEVENT"):
    if str(e["UID"]).startswith("wean-2-3-"):
        print(str(e["DESCRIPTION"]))
    if str(e["UID"]).startswith("wean-1-r"):
        print(str(e["DESCRIPTION"]))
' held.ics
# every UID of the first file is in the second, and the other way round
/usr/bin/python3 -c '
import icalendar, sys
u = [sorted(str(e["UID"]) for e in icalendar.Calendar.from_ical(open(f, "rb").read()).walk("VEVENT")) for f in sys.argv[1:]]
print("same UIDs after the hold:", u[0] == u[1], len(u[0]))
' plan.ics held.ics
# resumed: the frozen steps come back, moved by the hold (SEQUENCE 2)
wean plan resume 'Zäpfchen; test, back\slash — 日本語のくすり' --on 2026-12-20 > /dev/null
wean export --format ics -o resumed.ics
/usr/bin/python3 events.py resumed.ics wean-2-
# going back up on the day of a step: that step is replaced by it
wean plan reinstate 'Zäpfchen; test, back\slash — 日本語のくすり' --dose 4 --on 2026-12-08 --accept-warnings > /dev/null
# a new plan from 2026-12-28 replaces the old one from that day on
wean plan add 'Zäpfchen; test, back\slash — 日本語のくすり' --start 2026-12-28 --from-dose 3 --method linear --step 1 --every 2w > /dev/null
wean export --format ics -o replaced.ics
/usr/bin/python3 events.py replaced.ics wean-2- wean-3-
/usr/bin/python3 -c '
import icalendar, sys
c = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
for e in c.walk("VEVENT"):
    if str(e["UID"]).startswith(("wean-2-1-", "wean-2-3-")):
        print(str(e["DESCRIPTION"]).split("\n")[0])
' replaced.ics
