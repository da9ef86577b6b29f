-- Takes schema 9's parts away (the days' sums and their trigger;
-- src/db/schema_v9.c), for the goldens that make an older diary out of a
-- new one.  tests/unit/schema_old.h holds the same for C.
DROP TRIGGER day_sum_apply; DROP TABLE day_sum;
