// Node: MB/s and messages/s of septet (WebAssembly) and the npm peers over one mixed corpus.
//   node web/bench/bench.mjs path/to/septet.mjs   (run from a directory with the peers installed)
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const require = createRequire(resolve('package.json'));
const { SegmentedMessage } = require('sms-segments-calculator');
const splitSms = require('split-sms');
const { default: init } = await import(pathToFileURL(process.argv[2]).href);
const { makeCorpus } = await import(new URL('../../benchmarks/peers/corpus.mjs', import.meta.url).href);
const septet = await init();

// The corpus the native peer comparison uses too (benchmarks/peers/corpus.mjs).
const corpus = makeCorpus();
const bytes = corpus.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
// FNV-1a of the corpus printed one body per line: the native run reports the same number when it
// measured the same bytes (benchmarks/bench_data.hpp).
let fingerprint = 2166136261;
for (const byte of Buffer.from(corpus.join('\n') + '\n')) {
  fingerprint = Math.imul(fingerprint ^ byte, 16777619) >>> 0;
}

function measure(name, count) {
  let total = 0;
  for (const text of corpus) total += count(text);  // warm up, and a checksum
  let rounds = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < 1.5) {
    for (const text of corpus) count(text);
    rounds++;
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  }
  return { name, mbps: (bytes * rounds) / elapsed / 1e6, msgs: (corpus.length * rounds) / elapsed, total };
}

const results = [
  measure('septet (WebAssembly)', (text) => septet.analyze(text).parts),
  measure('split-sms', (text) => splitSms.split(text).parts.length),
  measure('sms-segments-calculator', (text) => new SegmentedMessage(text).segmentsCount),
];
if (process.argv[3] === '--json') {
  console.log(JSON.stringify({ node: process.version, bytes, messages: corpus.length, fingerprint,
    results }));
  process.exit(0);
}
const septetRate = results[0].mbps;
console.log('# septet in JavaScript against its peers\n');
console.log(`Node ${process.version}, ${corpus.length} generated bodies, ${(bytes / corpus.length).toFixed(0)} bytes on average, ` +
  'half GSM and half UCS-2. `bash web/bench/run.sh` reproduces it.\n');
console.log('| library | MB/s | messages/s | septet is | total parts |');
console.log('|---|---:|---:|---:|---:|');
for (const r of results) {
  console.log(`| ${r.name} | ${r.mbps.toFixed(1)} | ${Math.round(r.msgs)} | ` +
    `${r === results[0] ? '' : (septetRate / r.mbps).toFixed(1) + '× faster'} | ${r.total} |`);
}
const disagree = results.filter((r) => r.total !== results[0].total).map((r) => r.name);
console.log(disagree.length === 0
  ? '\nAll three count the same total of parts on this corpus.'
  : `\nTotal parts differ for ${disagree.join(', ')}: they count some characters or boundaries ` +
    'differently; septet matches its native CLI (tested).');
