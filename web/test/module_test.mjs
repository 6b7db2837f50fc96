// Node: the ES module gives the same figures as the native `septet inspect --json`.
//   node web/test/module_test.mjs OUTDIR SEPTET_CLI
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { bodies, loneSurrogateIndex } from './bodies.mjs';

const [outdir, cli] = process.argv.slice(2);
const { default: init } = await import(pathToFileURL(`${outdir}/septet.mjs`).href);
const septet = await init();
let failed = 0;
let passed = 0;

function check(name, got, want) {
  if (JSON.stringify(got) === JSON.stringify(want)) {
    passed++;
  } else {
    failed++;
    console.error(`FAIL ${name}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
  }
}

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
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
