// Node: the ES module gives the same figures as the native `septet inspect --json`.
//   node web/test/module_test.mjs OUTDIR SEPTET_CLI
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { inspect } from 'node:util';
import { bodies, checker, loneSurrogateIndex } from './bodies.mjs';

const [outdir, cli] = process.argv.slice(2);
const { default: init } = await import(pathToFileURL(`${outdir}/septet.mjs`).href);
const septet = await init();
const { check, finish } = checker();

for (const [name, text] of Object.entries(bodies)) {
  const js = septet.analyze(text);
  if (loneSurrogateIndex(text) !== -1) {
    check(`${name}: error code`, js.error && js.error.code, 'utf16_unpaired_surrogate');
    check(`${name}: error index`, js.error && js.error.index, loneSurrogateIndex(text));
    continue;
  }
  let native;
  try {
    native = JSON.parse(execFileSync(cli, ['inspect', '--json'], { input: text }).toString());
  } catch (e) {
    native = JSON.parse(e.stdout.toString());  // exit 1: over a limit, figures still printed
  }
  for (const field of ['encoding', 'characters', 'units', 'parts', 'units_remaining']) {
    check(`${name}: ${field}`, js[field], native[field]);
  }
  check(`${name}: segments`, js.segments.map((s) => s.text), native.segments);
  check(`${name}: segment units`, js.segments.map((s) => s.units), native.segment_units);
  check(`${name}: non-GSM`, js.non_gsm.map((c) => c.code_point), native.non_gsm.map((c) => c.code_point));
  check(`${name}: within limits`, js.within_limits, native.within_limits);
  // Each part's characters as the analysis counts them (code points), and its capacity.
  check(`${name}: segment characters`, js.segments.map((s) => s.characters),
    native.segments.map((s) => [...s].length));
  check(`${name}: segment capacity`, js.segments.map((s) => s.capacity),
    native.segments.map(() => (native.parts === 1 ? native.capacity.single_part : native.capacity.per_part)));
  // In GSM 7-bit every character takes one septet but those sent after an escape, which take two.
  check(`${name}: extension characters`, js.extension.length,
    native.encoding === 'gsm7' ? native.units - native.characters : 0);
}
check('extension: which characters', septet.analyze('Hi \u20ac {ok} [x] ~|^\\').extension.map((c) => [c.index, c.char]),
  [[3, '\u20ac'], [5, '{'], [8, '}'], [10, '['], [12, ']'], [14, '~'], [15, '|'], [16, '^'], [17, '\\']]);
{
  // Under national tables, a character of the single-shift table takes two septets too.
  const text = '\u00C7i\u00E7ekler \u015Fimdi %50 indirimli! {x} \u20ac';
  const native = JSON.parse(execFileSync(cli, ['inspect', '--json', '--national', 'auto'], { input: text }).toString());
  const js = septet.analyze(text, { national: 'auto' });
  check('extension: national tables', [js.encoding, js.extension.length], ['gsm7', native.units - native.characters]);
}

// Printing a result shows every field: plain data, nothing behind a symbol or a getter.
{
  const a = septet.analyze('Hi \u20ac');
  const shown = inspect(a, { depth: 4 });
  const top = inspect(a, { depth: 0 });
  check('console.log shows the lists',
    ['segments', 'non_gsm', 'extension'].map((k) => new RegExp(`^  ${k}: \\[`, 'm').test(top)), [true, true, true]);
  check('console.log shows the parts', shown.includes("text: 'Hi \u20ac'"), true);
  check('console.log shows no symbol', shown.includes('Symbol('), false);
  check('keys list every field', Object.keys(a).includes('segments') && Object.keys(a).includes('non_gsm'), true);
  check('a copy keeps the lists', structuredClone(a).segments?.length, 1);
  check('spread keeps the lists', { ...septet.analyze('\u201cx\u201d') }.non_gsm?.length, 2);
}

// One error model: a call with the wrong type or an unknown name throws (TypeError, RangeError,
// with a code); what the data gets wrong is `error`, in a result with all its fields.
function thrown(fn) {
  try {
    fn();
    return null;
  } catch (e) {
    return [e.constructor.name, e.code];
  }
}
check('analyze() throws', thrown(() => septet.analyze()), ['TypeError', 'invalid_argument']);
check('analyze(42) throws', thrown(() => septet.analyze(42)), ['TypeError', 'invalid_argument']);
check('options not an object', thrown(() => septet.analyze('x', 'ref16')), ['TypeError', 'invalid_argument']);
check('unknown profile', thrown(() => septet.analyze('x', { profile: 'nope' })), ['RangeError', 'invalid_option']);
check('unknown national language', thrown(() => septet.analyze('x', { national: ['xx'] })),
  ['RangeError', 'invalid_option']);
check('udh_octets the core refuses', thrown(() => septet.analyze('x', { udh_octets: 139 })),
  ['RangeError', 'invalid_option']);
check('udh_octets not a number', thrown(() => septet.analyze('x', { udh_octets: '7' })), ['TypeError', 'invalid_option']);
check('8-bit reference over 255', thrown(() => septet.encodeParts('x'.repeat(200), { reference: 300 })),
  ['RangeError', 'invalid_option']);
check('reference size 12', thrown(() => septet.encodeParts('x', { reference_size: 12 })), ['RangeError', 'invalid_option']);
check('transliterate() throws', thrown(() => septet.transliterate()), ['TypeError', 'invalid_argument']);
check('transliterate: unknown profile', thrown(() => septet.transliterate('x', { profile: 'nope' })),
  ['RangeError', 'invalid_option']);
check('estimate without recipients', thrown(() => septet.estimate('Hi')), ['TypeError', 'invalid_argument']);
check('estimate: unknown profile', thrown(() => septet.estimate('Hi', [], { profile: 'nope' })),
  ['RangeError', 'invalid_option']);
check('estimate: a negative price', thrown(() => septet.estimate('Hi', [], { price_per_part: -1 })),
  ['RangeError', 'invalid_option']);
check('parseMsisdn() throws', thrown(() => septet.parseMsisdn()), ['TypeError', 'invalid_argument']);
const keys = (o) => Object.keys(o).sort();
const good = {
  analyze: septet.analyze('ok'),
  encodeParts: septet.encodeParts('ok'),
  transliterate: septet.transliterate('ok'),
  estimate: septet.estimate('Hi ${name}', [{ msisdn: '+46701234567' }], { defaults: { name: 'A' }, price_per_part: 0.05 }),
  parseMsisdn: septet.parseMsisdn('+46701234567'),
};
const bad = {
  analyze: septet.analyze('a\ud800'),
  encodeParts: septet.encodeParts('a\ud800'),
  transliterate: septet.transliterate('a\ud800'),
  estimate: septet.estimate('x'.repeat(2001), [{ msisdn: '+46701234567' }], { price_per_part: 0.05 }),
  parseMsisdn: septet.parseMsisdn('+1'),
};
for (const fn of Object.keys(good)) {
  check(`${fn}: ok has error null`, good[fn].error, null);
  check(`${fn}: an error keeps every field`, keys(bad[fn]), keys(good[fn]));
  check(`${fn}: one error shape`, bad[fn].error && keys(bad[fn].error), ['code', 'index', 'message']);
}
check('estimate: a bad template counts nothing', [bad.estimate.error.code, bad.estimate.recipients,
  bad.estimate.parts, bad.estimate.cost_decimal], ['body_too_long', 0, 0, '0']);
check('transliterate: invalid text is left as it is', [bad.transliterate.text, bad.transliterate.error.index], ['a\ud800', 1]);

// One naming convention: options are snake_case like every result key; the camelCase names of
// septet 0.1 still work, and giving both with different values is a mistake.
check('udh_octets', septet.analyze('x'.repeat(305), { udh_octets: 7 }).capacity.per_part, 152);
check('udhOctets (former name)', septet.analyze('x'.repeat(305), { udhOctets: 7 }).capacity.per_part, 152);
check('both names differ', thrown(() => septet.analyze('x', { udh_octets: 7, udhOctets: 6 })), ['TypeError', 'invalid_option']);
const family = 'a'.repeat(130) + '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
check('grapheme_safe', septet.analyze(family, { grapheme_safe: true }).segments.map((s) => s.end),
  septet.analyze(family, { graphemeSafe: true }).segments.map((s) => s.end));
check('grapheme_safe changes the cut', septet.analyze(family, { grapheme_safe: true }).segments[1].end,
  septet.analyze(family).segments[1].end - 3);
check('reference_size, reference', septet.encodeParts('x'.repeat(200), { reference_size: 16, reference: 513 }).parts[0].udh,
  '0608040201' + '0201');
check('only_if_fewer_parts', septet.transliterate('It\u2019s \u{1F382}', { only_if_fewer_parts: true }).applied, false);
const snake = septet.estimate('Hi ${name} ${code}', [{ msisdn: '+46701234567', values: { code: 'x'.repeat(160) } }],
  { defaults: { name: 'there' }, price_per_part: '0.05', max_parts: 1, per_recipient: true });
check('estimate: max_parts', snake.failures.map((f) => f.reason), ['exceeded_parts_limit']);
check('estimate: per_recipient', septet.estimate('Hi', [{ msisdn: '+46701234567' }], { per_recipient: true })
  .per_recipient.length, 1);
// Every key of every result is snake_case and listed in septet.d.ts.
const types = readFileSync(new URL('../septet.d.ts', import.meta.url), 'utf8');
const seen = new Set();
(function walk(value) {
  if (Array.isArray(value)) value.forEach(walk);
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      seen.add(key);
      walk(v);
    }
  }
})([Object.values(good), Object.values(bad), snake, septet.analyze('Caf\u00e9 \u00C7 \u{1F600}', { national: 'auto' }),
  septet.transliterate('\u201cx\u201d'), septet.cost(3, 0.05)]);
const loose = [...seen].filter((key) => !/^[a-z0-9]+(_[a-z0-9]+)*$/.test(key) && !/^[+0-9]/.test(key));
check('result keys are snake_case', loose, []);
check('result keys are in septet.d.ts', [...seen].filter((key) => !/^[+0-9]/.test(key) &&
  !new RegExp(`(^|[\\s{;])${key}\\??:`, 'm').test(types)), []);

// Money is exact: integer micro-units and a decimal string; the number is their nearest double.
{
  const three = septet.estimate('Hi', [1, 2, 3].map((i) => ({ msisdn: `+4670123456${i}` })), { price_per_part: 0.05 });
  check('cost 3 x 0.05', [three.cost, three.cost_micros, three.cost_decimal], [0.15, 150000, '0.15']);
  const many = septet.cost(1000001, '0.0075');
  check('cost: a million parts at 0.0075', [many.cost_micros, many.cost_decimal], [7500007500, '7500.0075']);
  check('cost: a number price', septet.cost(7, 0.1).cost_decimal, '0.7');
  check('cost: nothing', septet.cost(0, '0.05'), { cost: 0, cost_micros: 0, cost_decimal: '0' });
  check('cost: unpriced estimate', [good.estimate.cost, septet.estimate('Hi', []).cost_micros], [0.05, null]);
}
// encodeParts: the same hex, TP-UDL and data coding as `septet encode --json`.
for (const [name, text] of Object.entries(bodies)) {
  if (loneSurrogateIndex(text) !== -1) continue;
  for (const args of [[], ['--udh-ref', '16', '--ref', '513'], ['--unpacked']]) {
    let native;
    try {
      native = JSON.parse(execFileSync(cli, ['encode', '--json', ...args], { input: text }).toString());
    } catch (e) {
      native = JSON.parse(e.stdout.toString());
    }
    const js = septet.encodeParts(text, { referenceSize: args.includes('16') ? 16 : 8,
      reference: args.includes('513') ? 513 : 0, unpacked: args.includes('--unpacked') });
    if (native.error) {
      check(`${name} ${args}: encode error`, js.error && js.error.code, native.error.code);
      continue;
    }
    check(`${name} ${args}: data coding`, js.data_coding, native.data_coding);
    check(`${name} ${args}: parts`, js.parts.map((p) => [p.udh, p.ud, p.udl, p.esm_class]),
      native.parts.map((p) => [p.udh, p.ud, p.udl, p.esm_class]));
  }
}

// estimate: Sinch's documented dry-run example, per-recipient failures, verbatim values.
const example = septet.estimate('Hello ${name}!', [
  { msisdn: '+12017777777', values: { name: 'John' } },
  { msisdn: '+12018888888' },
  { msisdn: '+12019999999' },
], { defaults: { name: 'there' }, perRecipient: true, pricePerPart: 0.5 });
check('estimate: example parts', [example.recipients, example.parts, example.cost], [3, 3, 1.5]);
check('estimate: example bodies', example.per_recipient.map((r) => r.body),
  ['Hello John!', 'Hello there!', 'Hello there!']);
const failing = septet.estimate('Code ${code}', [
  { msisdn: '+46701234567', values: { code: '${x} $5' } },
  { msisdn: '+46701234568' },
  { msisdn: '+1' },
  { msisdn: '+46701234569', values: { code: 'x'.repeat(161) } },
], { perRecipient: true });
// A value over 160 characters is sent: only Sinch's older guide limited values.
check('estimate: failures', failing.failures.map((f) => f.reason),
  ['unmatched_parameter', 'invalid_msisdn']);
check('estimate: a long value is sent', failing.per_recipient[1].parts, 2);
check('estimate: verbatim value', failing.per_recipient[0].body, 'Code ${x} $5');
const literal = septet.estimate('Hi ${', [{ msisdn: '+46701234567' }], { perRecipient: true });
check('estimate: a lone ${ is literal text', [literal.error, literal.per_recipient[0].body], [null, 'Hi ${']);
check('estimate: ... with a warning', literal.warnings.map((w) => w.code), ['unterminated_placeholder']);
check('msisdn', septet.normaliseMsisdn('0046 70-123 45 67'), '46701234567');
// A body longer than the module's first buffer: each recipient is still counted once, by the
// core's campaign (the totals come from it), and the body comes back whole.
const longValue = '\u00e9'.repeat(3000);  // 6000 bytes of UTF-8, one GSM character each
const long = septet.estimate('Dear ${name}', [
  { msisdn: '+46701234567', values: { name: longValue } },
  { msisdn: '+46701234568', values: { name: 'Bo' } },
  { msisdn: 'nope' },
], { perRecipient: true });
check('estimate: a long body counted once', [long.recipients, long.failed, long.parts,
  long.parts_by_encoding.text], [3, 1, septet.analyze(`Dear ${longValue}`).parts + 1,
  septet.analyze(`Dear ${longValue}`).parts + 1]);
check('estimate: the long body whole', long.per_recipient[0].body, `Dear ${longValue}`);
// An estimate started from a recipient's getter, inside another, counts apart.
let inner = null;
const outer = septet.estimate('Hi ${name}', [
  { msisdn: '+46701234567',
    get values() {
      inner = septet.estimate('x'.repeat(200), [{ msisdn: '+46701234568' }]);
      return { name: 'A' };
    } },
  { msisdn: '+46701234569', values: { name: 'B' } },
]);
check('estimate: one inside another counts apart', [outer.recipients, outer.parts, inner.recipients,
  inner.parts], [2, 2, 1, 2]);
check('estimate: inherited names are not values',
  septet.estimate('Hi ${constructor}', [{ msisdn: '+46701234567' }]).failures.map((f) => f.reason),
  ['unmatched_parameter']);
check('estimate: template over 2000', septet.estimate('x'.repeat(2001), []).error.code, 'body_too_long');
check('estimate: warning index is a JS index', septet.estimate('\u{1F600}\u00e9 ${', []).warnings[0].index, 4);

// transliterate, national tables and profiles: the same answers as the native CLI.
const nativeInspect = (args, text) => {
  try {
    return JSON.parse(execFileSync(cli, ['inspect', '--json', ...args], { input: text }).toString());
  } catch (e) {
    return JSON.parse(e.stdout.toString());
  }
};
const curly = 'a'.repeat(150) + '\u2019s \u201cok\u201d \u2026';
const t = septet.transliterate(curly);
const tNative = nativeInspect(['--transliterate'], curly);
check('transliterate: text', t.text, tNative.segments.join(''));
check('transliterate: parts', [t.before.parts, t.after.parts, t.applied],
  [tNative.transliteration.before.parts, tNative.transliteration.after.parts, true]);
check('transliterate: replacements', t.replacements.map((r) => [r.index, r.code_point, r.to, r.kind]),
  tNative.transliteration.replacements.map((r) => [r.utf16_index, r.code_point, r.to, r.kind]));
const emoji = 'It\u2019s \u{1F382}';
check('transliterate: only if fewer parts', septet.transliterate(emoji, { onlyIfFewerParts: true }).text, emoji);
check('transliterate: lone surrogate', septet.transliterate('a\ud800').error.code, 'utf16_unpaired_surrogate');
for (const [text, national] of [['\u00C7i\u00E7ekler \u015Fimdi %50 indirimli!', 'auto'],
  ['\u00BFQu\u00E9 tal? acci\u00F3n m\u00E1s r\u00E1pida', 'es'],
  ['Aten\u00E7\u00E3o: promo\u00E7\u00E3o v\u00E1lida', 'auto']]) {
  const js = septet.analyze(text, { national: national === 'auto' ? 'auto' : [national] });
  const native = nativeInspect(['--national', national], text);
  check(`national ${national}: figures`, [js.encoding, js.units, js.parts, js.units_remaining],
    [native.encoding, native.units, native.parts, native.units_remaining]);
  check(`national ${national}: tables`, js.national, { locking: native.national.locking,
    single_shift: native.national.single_shift });
}
// Mixed pairs: any allowed locking table with any allowed single-shift table, named per IE.
for (const [text, national, expected] of [
  ['\u0986\u099C\u0987 \u0995\u09BF\u09A8\u09C1\u09A8\u0964 50% \u099B\u09BE\u09A1\u09BC\u0964', 'auto',
    { locking: 'bn', single_shift: 'gu' }],
  ['\u0130stanbul \u015Fubemizde promo\u00E7\u00E3o: voc\u00EA ganha', 'tr,pt', { locking: 'tr', single_shift: 'pt' }]]) {
  const js = septet.analyze(text, { national: national === 'auto' ? 'auto' : national.split(',') });
  const native = nativeInspect(['--national', national], text);
  check(`mixed pair ${national}: tables`, js.national, expected);
  check(`mixed pair ${national}: as the CLI`, [js.encoding, js.units, js.parts, native.national],
    ['gsm7', native.units, native.parts, { ...expected, udh_octets: 6 }]);
}
for (const profile of septet.profiles) {
  const text = 'x'.repeat(305);
  const js = septet.analyze(text, { profile });
  const native = nativeInspect(['--profile', profile], text);
  check(`profile ${profile}`, [js.parts, js.capacity], [native.parts, native.capacity]);
}

finish();
