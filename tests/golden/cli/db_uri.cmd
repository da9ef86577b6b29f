# --db is always a file name, never an SQLite URI (issue 15): "file:x"
# is a file called "file:x" here, and another program's database is
# left exactly as it was (not switched to WAL).
sqlite3 other.db "create table t(x); insert into t values (1);"
sqlite3 other.db "pragma journal_mode"
wean --db "file:other.db?mode=rwc" show
wean --db "file:other.db" checkin --mood 5
sqlite3 other.db "pragma journal_mode; select count(*) from t"
ls | sort
# a diary whose schema version was reset to 0 by another tool: refused
# with a clear message (it used to exit 1 with "table meta already exists")
wean --db v0.db checkin --mood 5 > /dev/null
sqlite3 v0.db "pragma user_version = 0"
wean --db v0.db show
