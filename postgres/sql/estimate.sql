CREATE EXTENSION IF NOT EXISTS septet;
-- 3000 recipients: every fifth without a name and without a default (405), one number that is
-- not an MSISDN, names from 0 to 199 characters, every seventh with an emoji (UCS-2).
CREATE TABLE campaign AS
SELECT CASE WHEN i = 17 THEN '+4670x' ELSE '+4670' || (1000000 + i) END AS msisdn,
       CASE WHEN i % 5 = 0 THEN NULL
            ELSE repeat('n', i % 200) || CASE WHEN i % 7 = 0 THEN '🎉' ELSE '' END END AS name
FROM generate_series(1, 3000) AS i;
SELECT jsonb_pretty(septet_estimate('Hi ${name}, your code is ready.', msisdn,
                                    jsonb_build_object('name', name)))
FROM campaign;
-- The aggregate agrees with the per-recipient functions.
SELECT count(*) AS recipients, count(p) AS sent, sum(p) AS parts
FROM (SELECT septet_parts('Hi ${name}, your code is ready.', jsonb_build_object('name', name),
                          msisdn) AS p FROM campaign) AS each;
-- With two parallel workers: a partial aggregate per worker, combined: the same figures as
-- without them (the same text as the serial run just below).
SET max_parallel_workers_per_gather = 0;
SELECT septet_estimate('Hi ${name}, your code is ready.', msisdn, jsonb_build_object('name', name))
FROM campaign;
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
ALTER TABLE campaign SET (parallel_workers = 2);
EXPLAIN (COSTS OFF)
SELECT septet_estimate('Hi ${name}, your code is ready.', msisdn, jsonb_build_object('name', name))
FROM campaign;
SELECT septet_estimate('Hi ${name}, your code is ready.', msisdn, jsonb_build_object('name', name))
FROM campaign;
RESET ALL;
-- No rows, NULL rows left out; a template over Sinch's 2000 characters refuses the batch.
SELECT septet_estimate('Hi', msisdn, '{}') FROM campaign WHERE false;
SELECT septet_estimate('Hi', NULL, '{}');
SELECT septet_estimate(repeat('x', 2001), '+46701234567', '{}');
DROP TABLE campaign;
