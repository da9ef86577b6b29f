# remind exits 1 with a nudge when today has no check-in; check reports health
wean remind
wean check
wean checkin --date yesterday --mood 5
wean remind
# checkin with nothing to record writes nothing (exit 64): no empty check-in
# that would silence remind; nor does it make a diary where there is none
wean checkin
wean checkin --date yesterday
wean remind
wean --db "$TMPD/none.db" checkin; test -e "$TMPD/none.db" && echo "a diary was made"
wean checkin --mood 6
wean remind
wean check
