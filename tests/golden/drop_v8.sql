-- Takes schema 8's part away (the plan cache; db/plancache.h), for the
-- goldens that make an older diary out of a new one.
-- tests/unit/schema_old.h holds the same for C.
DROP TABLE plan_cache;
