CREATE EXTENSION IF NOT EXISTS septet;
-- Sinch's parameters: the recipient's own value (its key in any MSISDN form), else the default.
SELECT septet_render('Hi ${name}!', '{"name": {"+46 70 123 45 67": "Anna", "default": "there"}}',
                     '46701234567');
SELECT septet_render('Hi ${name}!', '{"name": {"+46701234567": "Anna", "default": "there"}}',
                     '+46709999999');
-- One recipient's row of values; without an msisdn only defaults and plain values apply.
SELECT septet_render('Hi ${name}, code ${code}', '{"name": "Bo", "code": {"default": "X1"}}');
-- Keys are case sensitive: ${Name} has no value and no default, so Sinch fails this recipient
-- alone (code 405): NULL, and septet_recipient says why and where.
SELECT septet_render('Hi ${Name}', '{"name": "Bo"}', '+46701234567') IS NULL AS failed;
SELECT * FROM septet_recipient('Hi ${Name}', '{"name": "Bo"}', '+46701234567');
SELECT * FROM septet_recipient('Hi ${name}', '{"name": "Bo"}', '+46701234567');
-- Not an MSISDN: that recipient fails, the query goes on.
SELECT * FROM septet_recipient('Hi ${name}', '{"name": "Bo"}', '0701234567');
-- Counting without building the text agrees with counting the text (82 euro signs, 164 septets:
-- 2 parts, no escape pair split); an emoji in a value makes that recipient's message UCS-2.
SELECT septet_parts('${a}${a}', '{"a": {"default": "€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€"}}') AS parts,
       septet_parts(septet_render('${a}${a}', '{"a": {"default": "€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€"}}')) AS of_text;
SELECT encoding, parts FROM septet_recipient('Party ${e}', '{"e": {"46701234567": "🎉", "default": ""}}', '46701234567');
SELECT encoding, parts FROM septet_recipient('Party ${e}', '{"e": {"46701234567": "🎉", "default": ""}}', '46709999999');
-- A campaign: 1000 recipients, every third without a value and without a default.
SELECT count(*) AS recipients,
       count(septet_parts('Hi ${name}, your code is ${code}', p, m)) AS sent,
       sum(septet_parts('Hi ${name}, your code is ${code}', p, m)) AS parts
FROM (SELECT '+4670' || (1000000 + i) AS m,
             CASE WHEN i % 3 = 0 THEN jsonb_build_object('code', ((i * 7919) % 100000)::text)
                  ELSE jsonb_build_object('name', repeat('n', i % 200), 'code', ((i * 7919) % 100000)::text) END AS p
      FROM generate_series(1, 1000) AS i) AS campaign;
-- Parameters that are not Sinch's shape are the caller's error.
SELECT septet_render('Hi ${a}', '["a"]');
SELECT septet_render('Hi ${a}', '{"a": 5}');
SELECT septet_render('Hi ${a}', '{"a": {"default": 5}}');
