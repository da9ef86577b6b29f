#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 14 item 4: the day's questions for the prescriber are answered,
# answered again, opened again, reworded and deleted on Today, each saved
# the moment it is made; deleting asks y/N.  The keys show in the hints
# while a question has the focus, and in the help.
. "$(dirname "$0")/lib.sh"
e2e_setup
wean checkin --question "Can we hold the next cut?" \
	--question "Is a liquid form possible?" >/dev/null || fail "checkin"
q() { sql "select coalesce(answer, '(open)') || ' | ' || text from question where id = $1"; }

start 80 24
wait_for "? Can we hold the next cut?"
# down to the first question (no medication: the symptom grid has 5 rows)
keys j j j j j j j
wait_for "›? Can we hold the next cut?"
wait_for "open: a answers it, Enter changes its words, x deletes it"
wait_for "a answer  Enter edit  x delete"
# answer it
keys a
wait_for "Enter save  Esc cancel"
type_text "Hold two weeks."
keys Enter
wait_for "answer · saved"
wait_for "? Can we hold the next cut? · answer: Hold two weeks."
[ "$(q 1)" = "Hold two weeks. | Can we hold the next cut?" ] || fail "answer: $(q 1)"
# answer again: the prompt holds the answer, which is replaced
keys a
wait_for "answer: Hold two weeks."
keys C-u
type_text "Hold four weeks, then 5% cuts."
keys Enter
wait_for "· answer: Hold four weeks, then 5%"
[ "$(q 1)" = "Hold four weeks, then 5% cuts. | Can we hold the next cut?" ] ||
	fail "answer again: $(q 1)"
# emptied, the answer goes and the question is open again
keys a
wait_for "answer: Hold four weeks"
keys C-u Enter
wait_for "answer removed, the question is open again · saved"
[ "$(q 1)" = "(open) | Can we hold the next cut?" ] || fail "open again: $(q 1)"
[ "$(sql "select answered from question where id = 1")" = 0 ] || fail "still answered"
# Esc leaves an answer unsaved
keys a
wait_for "Enter save  Esc cancel"
type_text "not this"
keys Escape
wait_for "cancelled"
[ "$(q 1)" = "(open) | Can we hold the next cut?" ] || fail "Esc saved: $(q 1)"
# change the words of the second question
keys j
wait_for "›? Is a liquid form possible?"
keys Enter
wait_for "the question: Is a liquid form possible?"
keys BSpace
type_text " for me?"
keys Enter
wait_for "question changed · saved"
wait_for "›? Is a liquid form possible for me?"
[ "$(q 2)" = "(open) | Is a liquid form possible for me?" ] || fail "reword: $(q 2)"
# a question cannot be emptied: the prompt stays, Esc keeps it as it was
keys Enter C-u Enter
wait_for "a question needs words"
keys Escape
[ "$(q 2)" = "(open) | Is a liquid form possible for me?" ] || fail "emptied: $(q 2)"
# delete: asks first; n, Esc or Enter keep it; other keys answer nothing
keys x
wait_for 'delete the question "Is a liquid form possible for me?"? y/N'
keys q
wait_for "y or n, please"
[ "$(sql "select count(*) from question")" = 2 ] || fail "deleted on q"
keys n
wait_for "kept: the question is not deleted"
[ "$(sql "select count(*) from question")" = 2 ] || fail "deleted on n"
keys x
wait_for "? y/N"
keys y
wait_for "question deleted · saved"
wait_gone "Is a liquid form possible"
wait_for "questions: 1"
[ "$(sql "select count(*) from question")" = 1 ] || fail "not deleted"
# the focus is on the question that is left
wait_for "›? Can we hold the next cut?"
# the keys are in the help
keys '?'
wait_for "Today (the check-in)"
keys PgDn
wait_for "Today, on one of the day's questions for the prescriber"
wait_for "answer it (again: a new answer; empty: open again)"
keys Escape
wait_for "questions: 1"
keys q
wait_exit
# what Today saved is what the command line lists
wean question list > "$T/list.txt"
grep -q "^#1  2026-11-25  Can we hold the next cut?" "$T/list.txt" || fail "list: $(cat "$T/list.txt")"
grep -q "(open)" "$T/list.txt" || fail "list: $(cat "$T/list.txt")"

# An answer being typed when the terminal closes is kept, as a draft of
# the day's note, labelled, never lost.
start 80 24
wait_for "? Can we hold the next cut?"
keys j j j j j j j
wait_for "›? Can we hold the next cut?"
keys a
wait_for "Enter save  Esc cancel"
type_text "Ask about the liquid"
wait_for "answer: Ask about the liquid"
kill -TERM "$(wean_pid)"
wait_exit
[ "$(sql "SELECT text FROM draft;")" = "Answer: Ask about the liquid" ] ||
	fail "the answer was not kept: $(sql "SELECT text FROM draft;")"
