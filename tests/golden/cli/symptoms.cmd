# the symptom catalogue: built-ins, custom symptoms, hide and show, DESS
wean symptoms
wean symptoms add "ear ringing" --group senses
wean symptoms add "Ear Ringing"
wean symptoms add "jaw clenching" --group musles
wean symptoms hide "brain fog"
wean symptoms show "brain fogg"
wean checkin --date 2026-11-24 --symptom "ear ringing=2"
wean symptoms list
mkdir -p "$XDG_CONFIG_HOME/wean"
printf '[symptoms]\ndess = true\nhidden = nausea, headache\n' > "$XDG_CONFIG_HOME/wean/config.ini"
wean symptoms | head -5
wean symptoms | grep -c DESS
wean symptoms | grep nausea
wean checkin --date 2026-11-24 --symptom "blurred vision=1"
