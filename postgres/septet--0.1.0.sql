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
