# Issue 14 item 4: wean question lists, answers (again), opens again,
# changes and deletes the questions for the prescriber; bad input is one
# line and a sysexits code, and changes nothing.
wean question
wean checkin --date 2026-11-02 --question "Can we hold the next cut?" > /dev/null
wean checkin --date 2026-11-10 --question "Is a liquid form possible?" \
	--question "$(printf 'Brain zaps at night:\nwithdrawal or something else?')" > /dev/null
wean checkin --date 2026-11-20 --question "Slower steps?" > /dev/null
wean question list
# answer, and answer again to change the answer
wean question answer 2 "Yes: 1 mg/ml, from the pharmacy."
wean question answer 1 "Hold for two weeks."
wean question answer 1 "$(printf 'Hold for four weeks,\nthen 5%% cuts.')"
# open again; change the words; delete
wean question unanswer 2
wean question unanswer 2
wean question edit 4 "Slower steps after the hold?"
wean question delete 3
wean question list
wean question list --open
wean question list --from 2026-11-05
wean question list --open --from 2026-11-01 --to 2026-11-19
wean question list --from 2026-11-21
# the day shows them too
wean show 2026-11-02
# a text that starts with '-' goes after --
wean question answer 4 -- "-5% each month."
wean question list --from 2026-11-20
# a question kept with control characters (written past the checks) is
# shown terminal-safe, and in ASCII with --ascii
sqlite3 "$WEAN_DB" "UPDATE question SET text = 'Red ' || char(27) || '[31mzaps' || char(7) || ' – really?' WHERE id = 2"
wean question list --from 2026-11-10 --to 2026-11-10
wean --ascii question list --from 2026-11-10 --to 2026-11-10
# Bad input: one line each, nothing changed.
wean question answer 9 "Maybe."
wean question edit 99 "Maybe?"
wean question delete 99
wean question unanswer 99
wean question answer 1 ""
wean question answer 1 "   "
wean question edit 1 ""
wean question answer one "Maybe."
wean question delete -3
wean question delete 1.5
wean question edit 1 "$(printf 'bad \377 byte')"
wean question edit 1 "$(printf 'a bell\a')"
wean question answer 1 "$(head -c 4097 /dev/zero | tr '\0' a)"
wean question edit 1 "$(head -c 4096 /dev/zero | tr '\0' a)" | cut -c1-50
wean question edit 1 "Can we hold the next cut?" > /dev/null
wean question answer 1
wean question delete
wean question delete 1 2
wean question edit 1 one two
wean question answer 1 --open "x"
wean question dlete 1
wean question list --from 2026-11-20 --to 2026-11-01
wean question list --from 2026-02-30
wean question list --bogus
wean question list
wean --db "$TMPD/nodiary.db" question list
wean question --help
