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
check('estimate: failures', failing.failures.map((f) => f.reason),
  ['unmatched_parameter', 'invalid_msisdn', 'value_too_long']);
check('estimate: verbatim value', failing.per_recipient[0].body, 'Code ${x} $5');
check('estimate: bad template', septet.estimate('Hi ${', []).error.code, 'unterminated_placeholder');
check('msisdn', septet.normaliseMsisdn('0046 70-123 45 67'), '46701234567');
check('estimate: inherited names are not values',
  septet.estimate('Hi ${constructor}', [{ msisdn: '+46701234567' }]).failures.map((f) => f.reason),
  ['unmatched_parameter']);
check('estimate: template over 2000', septet.estimate('x'.repeat(2001), []).error.code, 'body_too_long');
check('estimate: error index is a JS index', septet.estimate('\u{1F600}\u00e9 ${', []).error.index, 4);

finish();
