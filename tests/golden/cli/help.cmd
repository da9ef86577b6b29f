# --help lists every command that exists; --version; errors for unknown ones
wean --help
wean --version
wean chekin
wean --bogus
wean checkin --help
wean log --help
wean show --nope
