# remind exits 1 with a nudge when today has no check-in; check reports health
wean remind
wean check
wean checkin --date yesterday --mood 5
wean remind
wean checkin --mood 6
wean remind
wean check
