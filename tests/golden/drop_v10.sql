-- Takes schema 10's parts away (the triggers that empty the plan cache,
-- and the cache with its medication; src/db/schema_v10.c): the cache as
-- schema 8 made it, for the goldens that make an older diary out of a
-- new one (IF EXISTS: a test may have dropped a table, its triggers with
-- it).  tests/unit/schema_old.h holds the same for C.
DROP TRIGGER IF EXISTS plan_cache_plan_i; DROP TRIGGER IF EXISTS plan_cache_plan_u; DROP TRIGGER IF EXISTS plan_cache_plan_d;
DROP TRIGGER IF EXISTS plan_cache_hold_i; DROP TRIGGER IF EXISTS plan_cache_hold_u; DROP TRIGGER IF EXISTS plan_cache_hold_d;
DROP TRIGGER IF EXISTS plan_cache_plan_step_custom_i; DROP TRIGGER IF EXISTS plan_cache_plan_step_custom_u;
DROP TRIGGER IF EXISTS plan_cache_plan_step_custom_d;
DROP TRIGGER IF EXISTS plan_cache_plan_ack_i; DROP TRIGGER IF EXISTS plan_cache_plan_ack_u; DROP TRIGGER IF EXISTS plan_cache_plan_ack_d;
DROP TRIGGER IF EXISTS plan_cache_med_form_i; DROP TRIGGER IF EXISTS plan_cache_med_form_u; DROP TRIGGER IF EXISTS plan_cache_med_form_d;
DROP TRIGGER IF EXISTS plan_cache_plan_switch_i; DROP TRIGGER IF EXISTS plan_cache_plan_switch_u;
DROP TRIGGER IF EXISTS plan_cache_plan_switch_d;
DROP TRIGGER IF EXISTS plan_cache_medication_u;
DROP TABLE plan_cache;
CREATE TABLE plan_cache (plan_id INTEGER PRIMARY KEY REFERENCES plan(id) ON DELETE CASCADE,
 key BLOB NOT NULL, data BLOB NOT NULL) STRICT;
