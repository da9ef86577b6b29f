# --db is always a file name, never an SQLite URI (issue 15): "file:x"
# is a file called "file:x" here, and another program's database is
# left exactly as it was (not switched to WAL).
sqlite3 other.db "create table t(x); insert into t values (1);"
sqlite3 other.db "pragma journal_mode"
wean --db "file:other.db?mode=rwc" show
wean --db "file:other.db" checkin --mood 5
sqlite3 other.db "pragma journal_mode; select count(*) from t"
ls | sort
