# Names match in every script: case folds ("Сертралин" is "сертралин",
# final sigma, ß), accents compare composed or not; invisible and bidi
# characters are refused; a name never comes back twice.
wean med add Сертралин --unit mg
wean med add сертралин --unit mg
wean med add СЕРТРАЛИН --unit mL
wean med add "$(printf 'Сертра\342\200\213лин')" --unit mg
wean med add "$(printf '\342\200\256Сертралин')" --unit mg
wean med list
wean checkin --date 2026-11-24 --dose сертралин=50
wean checkin --date 2026-11-24 --dose СЕРТРАЛИН=25@08:00
wean symptoms add "Головокружение" --group neurological
wean symptoms add "ГОЛОВОКРУЖЕНИЕ"
wean symptoms add "ΖΆΛΗ"
wean symptoms add "Schweißausbrüche" --group body
wean symptoms add "$(printf 'naus\303\251e')" --group gut
wean checkin --date 2026-11-24 --symptom "головокружение=2" --symptom "ζάλη=1" --symptom "SCHWEISSAUSBRÜCHE=3"
wean checkin --date 2026-11-24 --symptom "$(printf 'NAUSE\314\201E')=1"
wean checkin --date 2026-11-24 --symptom "головокружени=2"
sqlite3 "$WEAN_DB" "select s.name||' = '||r.value from rating r join symptom s on s.id = r.symptom_id order by s.name"
sqlite3 "$WEAN_DB" "select m.name||' '||d.amount||' '||ifnull(d.minute, '-') from dose d join medication m on m.id = d.med_id order by d.amount"
