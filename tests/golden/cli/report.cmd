# Issue 6: the report for the prescriber, over the demo diary, as Markdown,
# plain text and HTML.  Everything in it is dated by WEAN_TODAY.
wean demo --no-tui --keep "$TMPD/demo.db" > /dev/null
# The default: the last 90 days as Markdown, with the person's name.
wean --db "$TMPD/demo.db" report --name "Alex Example"
# Plain text from a date; --ascii keeps every byte ASCII.
wean --db "$TMPD/demo.db" --ascii report --format txt --from 2026-10-15 --to 2026-11-20
wean --db "$TMPD/demo.db" --ascii report --format text --from 2026-10-15 | LC_ALL=C grep -c '[^ -~]'
# Nothing wider than 80 columns in the Markdown of the whole diary.
wean --db "$TMPD/demo.db" report --from 2026-05-10 | awk 'length($0) > 80 { n++ } END { print n + 0, "lines over 80 columns" }'
# HTML of two weeks, whole.
wean --db "$TMPD/demo.db" report --format html --from 2026-11-12 --to 2026-11-25 --name "A. <Example>"
# HTML of 90 days to a file (format from the suffix): mode 0600, self-contained, balanced.
wean --db "$TMPD/demo.db" report -o "$TMPD/r.html"
stat -c '%a' "$TMPD/r.html"
/usr/bin/python3 - "$TMPD/r.html" <<'PY'
import html.parser, re, sys
text = open(sys.argv[1], encoding='utf-8').read()
void = {'meta', 'br', 'line', 'circle', 'rect', 'path', 'polyline'}
class Check(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.errors, self.h2, self.svg, self.remote = [], [], [], 0, []
    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            if k in ('src', 'href', 'xlink:href', 'srcset') or (v and re.search(r'url\(|https?:', v)):
                self.remote.append((tag, k, v))
        self.svg += tag == 'svg'
        if tag not in void:
            self.stack.append(tag)
    def handle_endtag(self, tag):
        if tag in void:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append('</%s> at %s' % (tag, self.getpos()))
        else:
            self.stack.pop()
    def handle_data(self, data):
        if self.stack and self.stack[-1] == 'h2':
            self.h2.append(data)
c = Check()
c.feed(text)
c.close()
print('doctype:', text.startswith('<!DOCTYPE html>'), 'balanced:', not c.errors and not c.stack, c.errors[:3], c.stack)
print('script:', '<script' in text.lower(), 'http(s):', bool(re.search(r'https?:', text)), 'remote:', c.remote, '@import:', '@import' in text)
print('@page:', '@page' in text, 'svg charts:', c.svg)
print('sections:', ' | '.join(c.h2))
PY
# The end of a report written to a file is remembered: --since-last starts after it.
sqlite3 "$TMPD/demo.db" "select value from meta where key = 'last_report_to'"
wean --db "$TMPD/demo.db" report --since-last
WEAN_TODAY=2026-11-28 wean --db "$TMPD/demo.db" report --since-last --format txt | sed -n '/^Period/p;/^Recorded on/p;/^No record on/p'
# A file is not replaced without --force.
wean --db "$TMPD/demo.db" report --format md -o "$TMPD/r.html"
wean --db "$TMPD/demo.db" report --format txt --to 2026-11-01 -o "$TMPD/r.html" --force
head -c 60 "$TMPD/r.html"; echo
# A report of an earlier period does not move "the last report" back.
sqlite3 "$TMPD/demo.db" "select value from meta where key = 'last_report_to'"
# An empty diary: a short report that says so.
wean symptoms show dizziness > /dev/null   # makes the diary
wean report --format txt --from 2026-11-01 --to 2026-11-07
# Issue 13: the plan review and the safety counts.  sertraline 100 mg kept
# on 50 mg tablets: its two warnings acknowledged (--accept-warnings), agreed
# with the prescriber (as recorded), one going back up reviewed too; four days
# with mood at 2 or below and the self-harm item, turned on, rated once.
export WEAN_DB="$TMPD/review.db"
wean med add sertraline --unit mg --form "tablet 50 mg" --form "liquid 20 mg/ml" > /dev/null
wean plan add sertraline --start 2026-10-01 --from-dose 100 --method percent --step 10 --every 4w --form tablet --agreed-with-prescriber 2026-09-28 --accept-warnings > /dev/null
wean plan reinstate sertraline --dose 100 --on 2026-11-10 --reason "zaps and crying" --accept-warnings > /dev/null
wean symptoms show "thoughts of harming yourself" > /dev/null
for d in $(seq 1 25); do
	mood=6; case $d in 3|11|12) mood=2;; 13) mood=1;; esac
	harm=0; [ "$d" = 12 ] && harm=1
	dose=100; [ "$d" -lt 10 ] && dose=50
	"$BIN" checkin --date "2026-11-$(printf %02d "$d")" --mood "$mood" --dose "sertraline=$dose" \
		--symptom "thoughts of harming yourself=$harm" > /dev/null
done
# hold proposals kept by the screens (here written directly): one answered
# by a hold, one dismissed, one with no answer
sqlite3 "$WEAN_DB" "INSERT INTO hold_proposal(med_id, date, reason, state) VALUES
  (1, '2026-11-05', 'sleep under 5 h for 3 nights', 'shown'),
  (1, '2026-11-12', 'symptoms 1.2 a day, 0.7 above the 7 days before the cut on 2026-10-29', 'shown'),
  (1, '2026-11-20', 'sleep under 5 h for 3 nights', 'dismissed')"
wean plan hold sertraline --from 2026-11-13 --reason "as wean suggested" > /dev/null
wean plan resume sertraline --on 2026-11-15 > /dev/null
wean report --format txt --from 2026-11-01 --to 2026-11-25 | sed -n '/^Recorded on/,/^Measure/p;/^Plan review/,/^Charts/p'
# Markdown and HTML say the same; nowhere "prescriber chose", nowhere "Take:"
wean report --format md --from 2026-11-01 --to 2026-11-25 | grep -E '^Very low|^- \*\*WARNING|^Findings|\(as recorded\)'
wean report --format html --from 2026-11-01 --to 2026-11-25 | sed 's/<[^>]*>//g' |
	grep -oE '^(WARNING|CAUTION|NOTE)[^:]*:|^Very low mood.*|Agreed with the prescriber on [0-9-]+ \(as recorded\)'
wean report --format html --from 2026-11-01 --to 2026-11-25 | grep -ci 'prescriber chose\|Take:'
# the config's low_mood counts: at 1 or below, one day
printf '[safety]\nlow_mood = 1\n' > "$TMPD/low.ini"
wean --config "$TMPD/low.ini" report --format txt --from 2026-11-01 --to 2026-11-25 | grep -A1 '^Very low'
# neither happened: one calm line; with the item hidden again and not
# rated in the range, no line at all
wean report --format txt --from 2026-11-14 --to 2026-11-25 | grep -A1 '^Very low'
wean symptoms hide "thoughts of harming yourself" > /dev/null
sqlite3 "$WEAN_DB" "delete from rating where date >= '2026-11-14'"
wean report --format txt --from 2026-11-14 --to 2026-11-25 | grep -c 'Very low\|harming'
unset WEAN_DB
# Errors: one line each.
wean --db "$TMPD/demo.db" report --format pdf
wean --db "$TMPD/demo.db" report --from 2026-11-20 --to 2026-11-01
wean --db "$TMPD/demo.db" report --from 2026-02-30
wean --db "$TMPD/demo.db" report --width 10
wean --db "$TMPD/demo.db" report --since-last --from -3
wean --db "$TMPD/demo.db" report --name "$(printf 'a\033[31mb')"
wean --db "$TMPD/demo.db" report --fromm 2026-11-01
wean --db "$TMPD/demo.db" report -o ""
wean --db "$TMPD/nodiary.db" report
wean report --help
