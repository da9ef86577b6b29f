# Issue 15: an import goes through the rules the rest of wean keeps.  Each
# file below breaks one; each is refused (65) with its line, and the diary
# is left byte for byte as it was.
wean med add sertraline --unit mg > /dev/null
wean checkin --date 2026-11-01 --dose sertraline=50@08:00 > /dev/null
wean plan add sertraline --start 2026-10-01 --from-dose 50 --method percent --step 10 --every 2w > /dev/null
WEAN_TODAY=2026-11-10 wean symptoms hide nausea > /dev/null
sum() { sha256sum "$WEAN_DB" | cut -c1-16; }
before=$(sum)
try() {
	printf '%s\n' "$2" > "$TMPD/f.$1"
	wean import "$TMPD/f.$1" --format "$1"
	[ "$(sum)" = "$before" ] && echo "diary unchanged" || echo "DIARY CHANGED"
}
H='{"format":"wean","schema_version":2,'
try json "$H"'"medications":[{"name":"zop","unit":"mg"}],
"plans":[{"med":"zop","method":"percent","start_date":"2026-01-01","from_dose":50,"every_days":14}]}'
try json "$H"'"medications":[{"name":"zop","unit":"mg"}],
"plans":[{"med":"zop","method":"percent","start_date":"2026-01-01","from_dose":50,"step":150,"every_days":14}]}'
try json "$H"'"meta":{
"last_report_to":"2026-11-01, and then some more text that is no date"}}'
try json "$H"'"medications":[
{"name":"sertraline","unit":"mcg"}]}'
try json "$H"'"plans":[
{"med":"sertraline","method":"percent","start_date":"2026-11-01","from_dose":40,"step":10,"every_days":14}]}'
try json "$H"'"days":[
{"date":"2026-11-26","checkin":{"mood":3}}]}'
try json "$H"'"days":[
{"date":"2026-11-20","ratings":{"nausea":1}}]}'
try json "$H"'"medications":[{"name":"sertraline","archived":1,"archived_on":"2026-10-15"}]}'
try json "$H"'"days":[
{"date":"0001-01-01","checkin":{"mood":3}}]}'
try csv 'date,has_checkin,mood,anxiety,energy,sleep,burden,sertraline taken,flag,note
0001-01-01,1,3,,,,0,,0,'
try daylio 'full_date,date,weekday,time,mood,activities,note_title,note
2026-11-26,,,,good,,,'
wean check
