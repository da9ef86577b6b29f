# Every line of `wean --help` and of each `wean CMD [SUB] --help` fits 80
# columns (option descriptions wrap with a hanging indent, usages between
# their bracketed groups), and each one works (exit 0, a usage);
# the commands come from the help itself and the sub-commands from the
# completions (made from the same tables), so a new one is checked too.
# Lines over 80 are printed.
cmds=$("$BIN" --help | awk '/^Commands:/ { on = 1; next } /^$/ { on = 0 } on && /^  [a-z]/ { print $1 }')
n=0 nsubs=0
check() {
	n=$((n + 1))
	"$BIN" "$@" --help > out.txt 2>&1 || echo "wean $* --help: exit $?"
	grep -q "^Usage: wean" out.txt || echo "wean $* --help: no usage"
	LC_ALL=C.UTF-8 awk -v what="wean $* --help" 'length($0) > 80 { print what ": " length($0) ": " $0 }' out.txt
}
check
for c in $cmds; do
	check "$c"
	subs=$("$BIN" --completions bash | sed -n "s/^_wean_subs_$c='\(.*\)'$/\1/p")
	for s in $subs; do check "$c" "$s"; nsubs=$((nsubs + 1)); done
done
echo "$n help texts checked: $(echo $cmds | wc -w) commands, $nsubs sub-commands"
# what `med add` says of each medication in the drug reference fits too
export WEAN_DB="$TMPD/drugs.db"
for d in $(sed -n 's/^\[\([a-z][a-z-]*\)\]$/\1/p' "$SRC/data/drugs.ini"); do
	"$BIN" med add "$d"
done > meds.txt 2>&1 || echo "med add: exit $?"
echo "med add: $(grep -c '^added ' meds.txt) medications added"
LC_ALL=C.UTF-8 awk 'length($0) > 80 { print "med add: " length($0) ": " $0 }' meds.txt
grep -B1 -A1 -- '^    ' meds.txt | head -3
# the wrapped lines keep their hanging indent
"$BIN" plan add --help | grep -A1 -- '--step N'
"$BIN" report --help | grep -A1 -- '--from DATE'
