-- Takes schema 6's parts away (a plan's dose times, split and which dose
-- is cut first; the switch link; src/db/schema.c), for the goldens that
-- make an older diary out of a new one.  tests/unit/schema_old.h holds the
-- same for C.
DROP TABLE plan_switch; ALTER TABLE plan DROP COLUMN dose_times;
ALTER TABLE plan DROP COLUMN dose_split; ALTER TABLE plan DROP COLUMN cut_first;
