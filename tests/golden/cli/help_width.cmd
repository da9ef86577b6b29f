# Every line of `wean --help` and of each `wean CMD [SUB] --help` fits 80
# columns (option descriptions wrap with a hanging indent, usages between
# their bracketed groups); the commands and sub-commands come from the help
# itself, so a new one is checked too.  Lines over 80 are printed.
cmds=$("$BIN" --help | awk '/^Commands:/ { on = 1; next } /^$/ { on = 0 } on && /^  [a-z]/ { print $1 }')
subs=$("$BIN" plan --help | sed -n 's/^\(Usage:\)\{0,1\} *wean plan \([a-z]*\).*/\2/p')
n=0
check() {
	n=$((n + 1))
	"$BIN" "$@" --help > out.txt 2>&1 || echo "wean $* --help: exit $?"
	LC_ALL=C.UTF-8 awk -v what="wean $* --help" 'length($0) > 80 { print what ": " length($0) ": " $0 }' out.txt
}
check
for c in $cmds; do check "$c"; done
for s in $subs; do check plan "$s"; done
echo "$n help texts checked: $(echo $cmds | wc -w) commands, plan's $(echo $subs | wc -w) sub-commands"
# the wrapped lines keep their hanging indent
"$BIN" plan add --help | grep -A1 -- '--step N'
"$BIN" report --help | grep -A1 -- '--from DATE'
