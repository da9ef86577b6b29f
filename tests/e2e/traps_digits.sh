#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Trap (issue 16): digits did two jobs.  On Export (F6), 1 used to open
# Today and 2 then saved "mood 2".  Now a bare digit never switches a
# screen: off Today it only says how to switch (F1-F6, g then a digit),
# and nothing is written.  g then a digit and Alt-digit do switch.
. "$(dirname "$0")/lib.sh"
e2e_setup
title_is() {
	screen | head -1 | grep -q "^ *$1" || fail "the screen is not $1"
}
start 80 24
wait_for "Symptoms"
keys F6
wait_for "Export"
title_is Export
wrote() { [ "$(sql "select count(*) from checkin")" != 0 ]; }
left() { ! screen | head -1 | grep -q "^ *Export"; }
keys 1
wait_unless "digits rate on Today" left "1 on Export opened another screen"
title_is Export
keys 2
wait_unless "digits rate on Today" wrote "2 after 1 on Export saved a mood"
title_is Export
# the header names the function keys, never bare digits
screen | head -1 | grep -q "F1 " || fail "the header does not show F1"
screen | head -1 | grep -Eq " [1-6] " && fail "the header shows a bare digit"
# g then a digit, and Alt-digit, switch; g then anything else does nothing
keys g 2
wait_for "November 2026"
title_is Calendar
keys g x
wait_for "g then 1-6 switches screens"
title_is Calendar
keys M-1
wait_for "Symptoms"
title_is Today
keys q
wait_exit
[ "$(sql "select count(*) from checkin")" = 0 ] || fail "something was written"
# the demo says so on screen
start 80 24 -- demo
wait_for "DEMO Today"
keys F2
wait_for "DEMO Calendar"
keys q
wait_exit
