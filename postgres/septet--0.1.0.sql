-- septet: how an SMS body is sent (encoding, units, parts), where the recipient lists live.
\echo Use "CREATE EXTENSION septet" to load this file. \quit

CREATE TYPE septet_analysis AS (
  encoding text,                  -- 'gsm7' or 'ucs2'
  characters integer,             -- code points
  units integer,                  -- septets (an extension character 2) or UTF-16 units
  parts integer,                  -- 160/153 septets or 70/67 units a part
  units_remaining integer,        -- room left in the last part
  first_non_gsm_byte integer,     -- byte offset of the first character that forced UCS-2
  first_non_gsm_code_point integer,
  within_limits boolean           -- at most 2000 characters (Sinch's body cap)
);

CREATE FUNCTION septet_analyze(body text) RETURNS septet_analysis
  AS 'MODULE_PATHNAME', 'septet_analyze' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION septet_parts(body text) RETURNS integer
  AS 'MODULE_PATHNAME', 'septet_parts' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- Templates with Sinch's per-recipient parameters. `params` is Sinch's `parameters` object,
-- {"name": {"+46701234567": "Anna", "default": "there"}}, or one recipient's row of values,
-- {"name": "Anna"}; without an msisdn only defaults and plain values apply. A recipient Sinch
-- fails alone (a placeholder with no value and no default: code 405) gets NULL, never an error.
CREATE TYPE septet_recipient AS (
  encoding text,
  characters integer,
  units integer,
  parts integer,
  failure text,                   -- NULL when sent; unmatched_parameter, invalid_msisdn, ...
  failure_byte integer,           -- the placeholder's byte offset in the template (or the MSISDN's)
  code integer                    -- Sinch's delivery-report code for the failure (405)
);

CREATE FUNCTION septet_render(template text, params jsonb, msisdn text) RETURNS text
  AS 'MODULE_PATHNAME', 'septet_render' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION septet_render(template text, params jsonb) RETURNS text
  AS 'MODULE_PATHNAME', 'septet_render' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION septet_parts(template text, params jsonb, msisdn text) RETURNS integer
  AS 'MODULE_PATHNAME', 'septet_template_parts' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION septet_parts(template text, params jsonb) RETURNS integer
  AS 'MODULE_PATHNAME', 'septet_template_parts' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION septet_recipient(template text, params jsonb, msisdn text) RETURNS septet_recipient
  AS 'MODULE_PATHNAME', 'septet_recipient' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION septet_recipient(template text, params jsonb) RETURNS septet_recipient
  AS 'MODULE_PATHNAME', 'septet_recipient' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- A campaign's figures, as `septet estimate --json` names them: recipients, failed, parts,
-- parts_by_encoding, parts_per_recipient and failures.by_reason. Parallel: each worker counts
-- its rows and the states (bigint[] counters) are added.
CREATE FUNCTION septet_estimate_step(state bigint[], template text, msisdn text, params jsonb)
  RETURNS bigint[] AS 'MODULE_PATHNAME', 'septet_estimate_step'
  LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION septet_estimate_combine(a bigint[], b bigint[]) RETURNS bigint[]
  AS 'MODULE_PATHNAME', 'septet_estimate_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION septet_estimate_final(state bigint[]) RETURNS jsonb
  AS 'MODULE_PATHNAME', 'septet_estimate_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE AGGREGATE septet_estimate(template text, msisdn text, params jsonb) (
  SFUNC = septet_estimate_step,
  STYPE = bigint[],
  COMBINEFUNC = septet_estimate_combine,
  FINALFUNC = septet_estimate_final,
  PARALLEL = SAFE
);
