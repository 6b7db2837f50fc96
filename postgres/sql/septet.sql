CREATE EXTENSION septet;
-- GSM 7-bit: 160 septets in one part, 153 a part after; an extension character costs 2.
SELECT * FROM septet_analyze('Hello');
SELECT septet_parts(repeat('a', 160)), septet_parts(repeat('a', 161)), septet_parts(repeat('€', 80));
-- One character outside GSM makes the whole body UCS-2: 70 units, then 67; an emoji costs 2.
SELECT * FROM septet_analyze('Grüße 😀 from Zürich');
SELECT septet_parts(repeat('ж', 70)), septet_parts(repeat('ж', 71)), septet_parts(repeat('😀', 35));
-- Over 2000 characters: counted, flagged, never truncated.
SELECT parts, within_limits FROM septet_analyze(repeat('x', 2001));
-- NULL in, NULL out (STRICT); an empty body is one empty part.
SELECT septet_parts(NULL), (septet_analyze('')).parts;
-- A 10 MB body.
SELECT septet_parts(repeat('abcdefghij', 1000000));
-- Declared for parallel plans.
SELECT proname, provolatile, proparallel, proisstrict FROM pg_proc
  WHERE proname LIKE 'septet\_%' ORDER BY proname;
-- A database in another encoding: its text is converted to UTF-8 first.
CREATE DATABASE septet_latin1 ENCODING 'LATIN1' TEMPLATE template0 LC_COLLATE 'C' LC_CTYPE 'C';
\c septet_latin1
SET client_encoding = 'UTF8';
CREATE EXTENSION septet;
SELECT * FROM septet_analyze('Grüße, ¿qué tal? Ça va');
SELECT first_non_gsm_byte, first_non_gsm_code_point FROM septet_analyze('Grüße, ¿qué tal? Ça va? Très bien ± 5');
-- SQL_ASCII passes a client's bytes unchecked: bytes that are not UTF-8 are refused with
-- septet's error and byte offset, never read past or guessed at.
CREATE DATABASE septet_sql_ascii ENCODING 'SQL_ASCII' TEMPLATE template0 LC_COLLATE 'C' LC_CTYPE 'C';
\c septet_sql_ascii
CREATE EXTENSION septet;
SELECT septet_parts(convert_from('\x4869c328'::bytea, 'SQL_ASCII'));
SELECT * FROM septet_analyze(convert_from('\x48e282ac'::bytea, 'SQL_ASCII'));
SELECT septet_parts(convert_from('\x48e282ac'::bytea, 'SQL_ASCII'));
\c contrib_regression
DROP DATABASE septet_latin1;
DROP DATABASE septet_sql_ascii;
