# Everything correctable from the command line (issue 16 item 3): a
# medication's forms, unit and name; quick notes; the mark of a symptom
# present before the taper; a whole day's record.
wean med add sertraline --form "tablet 50 mg half" --form "liquid 20 mg/ml" > /dev/null
wean med add Sertraline
# --- med edit: add and remove forms in one step, named as med list shows them
wean med edit sertraline --add-form "capsule 25 mg" --remove-form "liquid 20 mg/mL"
wean med list
# a form a plan rounds to stays, and the message says which plan
wean plan add sertraline --start 2026-11-01 --from-dose 50 --method percent --step 10 \
	--every 4w --form tablet --accept-warnings > /dev/null
wean med edit sertraline --remove-form tablet
# ... unless another form of that kind comes in the same command
wean med edit sertraline --remove-form "tablet 50 mg half" --add-form "tablet 25 mg"
# the last form of a medication with a plan stays
wean med edit sertraline --remove-form capsule
wean med edit sertraline --remove-form tablet
wean med list
# names that are not one form; bad input: nothing changes
wean med edit sertraline --remove-form pill
wean med add paroxetine --form "tablet 20 mg" --form "tablet 10 mg" > /dev/null
wean med edit paroxetine --remove-form tablets
wean med edit paroxetine --add-form "100 mg tablets"
wean med edit paroxetine --unit kg
wean med edit paroxetine --rename sertraline
wean med edit paroxetine
wean med edit
wean med edit nosuch --unit mg
wean med add fluoxetine --remove-form tablet
wean med list --unit mg
# a unit and a name corrected: recorded amounts keep their numbers
wean checkin --date 2026-11-24 --dose paroxetine=20@08:00 > /dev/null
wean med edit paroxetine --unit mcg --rename Paxil
wean med list
wean show 2026-11-24 | grep -A1 Doses
# a plan on every form: its medication's last form stays
wean med add fluoxetine --form "capsule 20 mg" > /dev/null
wean plan add fluoxetine --start 2026-11-01 --from-dose 20 --method linear --step 5 \
	--every 4w --accept-warnings > /dev/null
wean med edit fluoxetine --remove-form capsule
wean med edit fluoxetine --remove-form capsule --add-form "liquid 4 mg/ml"
# --- quick notes: listed with their numbers, changed and deleted
sqlite3 "$TMPD/diary.db" "INSERT INTO quicknote(date, minute, text) VALUES
	('2026-11-24', 485, 'dizzy after lunch'), ('2026-11-24', 600, 'one'),
	('2026-11-24', 600, 'two'), ('2026-11-25', 700, 'today''s')"
wean note list 2026-11-24
wean note
wean note edit 2026-11-24 08:05 "dizzy before lunch"
wean show 2026-11-24 | grep -A1 "Quick note 08"
wean note edit 2026-11-24 10:00 "which one?"
wean note delete "#3"
wean note delete 2026-11-24 10:00
wean note list yesterday
wean note delete 2026-11-24 10:00
wean note edit 2026-11-24 08:05 "   "
wean note edit 2026-11-24 8am "words"
wean note edit "#x" words
wean note edit "#99" words
wean note edit 2026-11-24
wean note delete 2026-11-24 08:05 extra
wean note remove 1
# --- symptoms present before the taper
wean symptoms preexisting headache
wean symptoms list | sed -n '1p;/^headache/p'
wean symptoms preexisting headache --off
wean symptoms list | grep '^headache'
wean symptoms preexisting
wean symptoms preexisting migraine
wean symptoms hide headache --off
# --- a whole day's record: asks on a terminal, needs --yes without one
wean checkin --date 2026-11-24 --mood 4 --symptom dizziness=2 --question "ask about zaps" > /dev/null
wean day delete 2026-11-24 < /dev/null
wean show 2026-11-24 | grep -c .
wean day delete 2026-11-24 --yes
ls "$TMPD/backups"
wean show 2026-11-24
wean question list
wean symptoms list | grep '^dizziness'
# the backup holds the day
"$BIN" --db "$TMPD/backups/wean-2026-11-25.db" show 2026-11-24 | grep Mood
wean day delete 2026-11-24 --yes
wean day delete 2026-11-23 --yes
wean day delete
wean day delete tomorrow-ish --yes
wean day remove 2026-11-24
wean day
wean --db "$TMPD/none.db" day delete 2026-11-24 --yes
# --- help
wean med --help
wean note --help
wean day --help
wean symptoms --help
