// Node: MB/s and messages/s of septet (WebAssembly) and the npm peers over one mixed corpus.
//   node web/bench/bench.mjs path/to/septet.mjs   (run from a directory with the peers installed)
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const require = createRequire(resolve('package.json'));
const { SegmentedMessage } = require('sms-segments-calculator');
const splitSms = require('split-sms');
const { default: init } = await import(pathToFileURL(process.argv[2]).href);
const septet = await init();

// A reproducible mixed corpus: half GSM (some extension characters), half UCS-2 (emoji, CJK,
// Cyrillic, Arabic, curly quotes), bodies of 40..900 characters.
let seed = 20261123;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const gsmWords = ['Your', 'code', 'is', '4711', 'order', 'shipped', 'today', 'Reply', 'STOP',
  '{ref}', '[1/2]', '~50%', 'EUR\u20ac', 'caf\u00e9', '\u00c5sa', 'ma\u00f1ana'];
const otherWords = ['\u{1F600}', '\u{1F389}\u{1F38A}', '\u4f60\u597d', '\u4e16\u754c', '\u041f\u0440\u0438\u0432\u0435\u0442',
  '\u0645\u0631\u062d\u0628\u0627', '\u201cok\u201d', 'na\u00efve', 'stra\u00dfe', '\u{1F44D}\u{1F3FD}'];
const corpus = [];
for (let i = 0; i < 500; i++) {
  const words = [];
  const target = 40 + Math.floor(random() * 860);
  let length = 0;
  while (length < target) {
    const pool = i % 2 === 0 || random() < 0.7 ? gsmWords : otherWords;
    const word = pool[Math.floor(random() * pool.length)];
    words.push(word);
    length += word.length + 1;
  }
  corpus.push(words.join(' '));
}
const bytes = corpus.reduce((sum, text) => sum + Buffer.byteLength(text), 0);

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
