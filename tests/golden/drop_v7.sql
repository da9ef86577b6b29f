-- Takes schema 7's parts away (the charts' summary, its queue and its
-- triggers; src/db/schema_v7.c), for the goldens that make an older diary
-- out of a new one.  tests/unit/schema_old.h holds the same for C.
DROP TRIGGER rating_sum_insert; DROP TRIGGER rating_sum_delete;
DROP TRIGGER rating_sum_update; DROP TRIGGER checkin_sum_insert;
DROP TRIGGER checkin_sum_delete; DROP TRIGGER checkin_sum_update;
DROP TRIGGER chart_sum_apply; DROP TRIGGER metric_sum_insert;
DROP TRIGGER metric_sum_delete; DROP TRIGGER metric_sum_update;
DROP TABLE chart_sum_delta; DROP TABLE chart_sum;
