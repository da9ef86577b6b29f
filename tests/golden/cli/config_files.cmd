# A config path that is not a regular file is refused at once, never read
# (issue 15: --config /dev/zero used to spin at 100% CPU; a FIFO blocks).
mkfifo "$TMPD/fifo"
wean --config /dev/zero show
wean --config "$TMPD/fifo" show
wean --config "$TMPD" show
head -c 2000000 /dev/zero | tr '\0' 'a' > "$TMPD/big.ini"
wean --config "$TMPD/big.ini" show
# nothing was created by these refusals
ls "$TMPD" | grep -c diary.db || true
