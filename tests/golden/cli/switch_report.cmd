# The report's "Doses through the day and switching" section in every
# format (issue 19): alprazolam 2 mg as 0.5 + 0.5 + 1, switched to
# diazepam a dose every 2 weeks by the Ashton column; the Markdown and
# HTML reports say what the text report says (the words, the source, the
# stages), the HTML's stages a real table kept whole on a printed page.
wean med add alprazolam --unit mg --form "tablet 0.5 mg /2" > /dev/null
wean med add diazepam --unit mg --form "tablet 2 mg /2" --form "tablet 5 mg" > /dev/null
wean plan add alprazolam --start 2026-11-01 --from-dose 2 --method linear --step 0.25 --every 8w --times 08:00,14:00,22:00 --split 0.5,0.5,1 --accept-warnings > /dev/null
wean plan switch alprazolam --to diazepam --stage 2w --start 2026-12-01 --step 8 --every 2w --to-dose 2 --accept-warnings > /dev/null
wean report --format md --from 2026-11-20 --to 2026-12-20 | sed -n '/^## Doses through the day/,/^and wean gives no medical advice/p'
wean report --format html --from 2026-11-20 --to 2026-12-20 -o r.html
sed -n '/<h2>Doses through the day/,/<\/section>/p' r.html
grep -c 'table.switch{width:auto;break-inside:avoid' r.html
# the same words in the three formats (markup and line breaks aside)
words() { tr '\n' ' ' | sed 's/<[^>]*>//g; s/\*\*//g; s/&#39;/'"'"'/g; s/  */ /g'; }
t=$("$BIN" report --format txt --from 2026-11-20 --to 2026-12-20 | sed -n '/^Switch from/,/^$/p' | words)
h=$(grep '^<p>Switch from' r.html | words)
[ "$t" = "$h" ] && echo "txt and html: the same switch sentence" || { echo "txt: $t"; echo "html: $h"; }
# a plan with one dose a day and no switch: no section in any format
wean --db "$TMPD/one.db" med add sertraline --unit mg --form "tablet 25 mg" > /dev/null
wean --db "$TMPD/one.db" plan add sertraline --start 2026-11-01 --from-dose 50 --method linear --step 25 --every 4w > /dev/null
for f in txt md html; do "$BIN" --db "$TMPD/one.db" report --format $f --from 2026-11-01 --to 2026-11-25 -o "$TMPD/one.$f" > /dev/null; grep -c -i 'doses through the day' "$TMPD/one.$f"; done
