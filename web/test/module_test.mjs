// Node: the ES module gives the same figures as the native `septet inspect --json`.
//   node web/test/module_test.mjs OUTDIR SEPTET_CLI
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
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
check('estimate: a lone ${ is literal text', [literal.error, literal.per_recipient[0].body], [undefined, 'Hi ${']);
check('estimate: ... with a warning', literal.warnings.map((w) => w.code), ['unterminated_placeholder']);
check('msisdn', septet.normaliseMsisdn('0046 70-123 45 67'), '46701234567');
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
