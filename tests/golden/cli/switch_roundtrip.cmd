# A switch goes through the JSON export and back (issue 19): the link of
# the diazepam plan to the alprazolam plan it replaces, with its table and
# stage length, is under "plan_switches"; imported into an empty diary,
# `plan show` of both medications is the same, byte for byte.
wean med add alprazolam --unit mg --form "tablet 0.5 mg /2" > /dev/null
wean med add diazepam --unit mg --form "tablet 2 mg /2" --form "tablet 5 mg" > /dev/null
wean plan add alprazolam --start 2026-11-01 --from-dose 2 --method linear --step 0.25 --every 8w --times 08:00,14:00,22:00 --split 0.5,0.5,1 --accept-warnings > /dev/null
wean plan switch alprazolam --to diazepam --stage 1w --table vadod --start 2026-12-01 --step 8 --every 2w --to-dose 2 --accept-warnings > /dev/null
wean export --format json -o "$TMPD/sw.json"
grep -A3 '^"plan_switches"' "$TMPD/sw.json" | sed 's/"created":"[^"]*"/"created":T/g; s/"from_created":"[^"]*"/"from_created":T/g'
wean --db "$TMPD/sw2.db" import "$TMPD/sw.json"
sqlite3 "$TMPD/sw2.db" "SELECT plan_id, from_plan, equiv_table, stage_days FROM plan_switch"
for m in alprazolam diazepam; do
	"$BIN" plan show $m > "$TMPD/a.txt" 2>&1
	"$BIN" --db "$TMPD/sw2.db" plan show $m > "$TMPD/b.txt" 2>&1
	cmp -s "$TMPD/a.txt" "$TMPD/b.txt" && echo "plan show $m: the same" || diff "$TMPD/a.txt" "$TMPD/b.txt"
done
grep -c '^switch: alprazolam to diazepam' "$TMPD/b.txt"
# export -> import -> export gives the same file
wean --db "$TMPD/sw2.db" export --format json -o "$TMPD/sw2.json"
diff <(sed 1d "$TMPD/sw.json" | grep -v '"exported"') <(sed 1d "$TMPD/sw2.json" | grep -v '"exported"') && echo "the same export"
# again: the plans are there, the switch is kept as it is
wean --db "$TMPD/sw2.db" import "$TMPD/sw.json"
sqlite3 "$TMPD/sw2.db" "SELECT count(*) FROM plan_switch; SELECT count(*) FROM plan"
# an export from before switches (no "plan_switches") still imports: the
# plans without their link
/usr/bin/python3 -c '
import json, sys
d = json.load(open(sys.argv[1])); d.pop("plan_switches")
json.dump(d, open(sys.argv[2], "w"))' "$TMPD/sw.json" "$TMPD/old.json"
wean --db "$TMPD/old.db" import "$TMPD/old.json"
sqlite3 "$TMPD/old.db" "SELECT count(*) FROM plan; SELECT count(*) FROM plan_switch"
wean --db "$TMPD/old.db" plan show diazepam | grep -c '^switch:'
# refusals, nothing imported: a plan the file does not have, a table
# wean does not know, a stage out of range, a switched-in plan the file
# does not have, a plan said to replace itself
edit() {
	/usr/bin/python3 -c '
import json, sys
d = json.load(open(sys.argv[1])); s = d["plan_switches"][0]
k, v = sys.argv[3], sys.argv[4]
s[k] = int(v) if v.isdigit() else v
json.dump(d, open(sys.argv[2], "w"), indent=0)' "$TMPD/sw.json" "$TMPD/bad.json" "$1" "$2"
	rm -f "$TMPD/bad.db"
	"$BIN" --db "$TMPD/bad.db" import "$TMPD/bad.json"
	echo "[exit $?]"
	sqlite3 "$TMPD/bad.db" "SELECT count(*) FROM plan_switch" 2>&1
}
edit from_start_date 2026-10-01
edit table nhs
edit stage_days 0
edit start_date 2026-12-05
edit med alprazolam
