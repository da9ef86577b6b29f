# Issue 17 item 3: a chart of years is read from the charts' summary
# (schema 7), each column whole months, quarters or years, the mean of
# its days; no min-max; the figures say which days they cover.  Four
# years of check-ins and ratings written with sqlite3 (the summary's
# triggers follow them), a plan with cuts in the last year.
wean checkin --date 2022-11-01 --mood 5 > /dev/null
sqlite3 "$WEAN_DB" "WITH RECURSIVE d(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM d WHERE n < 1485)
 INSERT INTO checkin(date, mood, sleep) SELECT date('2022-11-01', '+' || n || ' days'),
  5 + n % 4 - (n / 365), 6 + (n % 5) * 0.5 FROM d WHERE n % 9 <> 4 AND n > 0;
 WITH RECURSIVE d(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM d WHERE n < 1485)
 INSERT INTO rating(date, symptom_id, value) SELECT date('2022-11-01', '+' || n || ' days'),
  s.id, (n / 200 + s.id + n % 3) % 4 FROM d, symptom s
  WHERE s.name IN ('insomnia', 'brain zaps', 'headache') AND n % 7 <> 3
  AND NOT (s.name = 'headache' AND n % 2 = 0);
 UPDATE symptom SET first_seen = (SELECT min(date) FROM rating r
  WHERE r.symptom_id = symptom.id AND r.value > 0)"
wean med add sertraline --unit mg > /dev/null
wean plan add sertraline --start 2026-01-05 --from-dose 100 --method percent --step 10 \
  --every 4w --round 5 --agreed-with-prescriber 2026-01-02 --accept-warnings > /dev/null
wean check
wean chart burden --all
wean chart mood --all --width 60 --height 12
wean --ascii chart "brain zaps" --from 2023-02-17 --to 2026-11-20 --width 50 --height 10 | head -12
# the same days by day: the year's chart (weekly means, a min-max)
wean chart burden --days 365 --height 10 | head -2
