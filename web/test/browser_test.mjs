// A real browser: headless Chromium loads the calculator from a local static server with each
// body preset through the URL hash, and the figures in its DOM must equal `septet inspect --json`.
//   node web/test/browser_test.mjs OUTDIR SEPTET_CLI [SCREENSHOT.png]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { bodies, checker, loneSurrogateIndex } from './bodies.mjs';

const [outdir, cli, screenshot] = process.argv.slice(2);
const types = { '.html': 'text/html; charset=utf-8', '.mjs': 'text/javascript', '.js': 'text/javascript' };
const server = createServer((request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  try {
    const body = readFileSync(join(outdir, path === '/' ? 'index.html' : path));
    response.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
    response.end(body);
  } catch {
    response.writeHead(404);
    response.end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}/index.html`;
const profile = mkdtempSync(join(tmpdir(), 'septet-chromium-'));
const chromiumFlags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  `--user-data-dir=${profile}`, '--virtual-time-budget=10000'];

function chromium(args) {
  return new Promise((resolve, reject) => {
    import('node:child_process').then(({ execFile }) => {
      execFile('chromium', [...chromiumFlags, ...args], { maxBuffer: 64 << 20, timeout: 60000 },
        (error, stdout) => (error ? reject(error) : resolve(stdout)));
    });
  });
}

function hashFor(text) {
  if (loneSurrogateIndex(text) === -1) return `#text=${encodeURIComponent(text)}`;
  const units = [];
  for (let i = 0; i < text.length; i++) units.push(text.charCodeAt(i).toString(16));
  return `#utf16=${units.join(',')}`;
}

function field(dom, id) {
  const match = dom.match(new RegExp(`id="${id}"[^>]*>([^<]*)<`));
  return match ? match[1] : undefined;
}

// The element with this id is on the page and not hidden.
function shown(dom, id) {
  const match = dom.match(new RegExp(`<[a-z]+ id="${id}"([^>]*)>`));
  return Boolean(match) && !/\bhidden\b/.test(match[1]);
}

function textOf(dom, id) {
  const match = dom.match(new RegExp(`id="${id}"[^>]*>([\\s\\S]*?)</`));
  return match ? match[1].replace(/<[^>]*>/g, '') : undefined;
}

// The <li> items of the list with this id, as text.
function listItems(dom, id) {
  const match = dom.match(new RegExp(`<ul id="${id}"[^>]*>([\\s\\S]*?)</ul>`));
  return match ? [...match[1].matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1].replace(/<[^>]*>/g, '')) : [];
}

const { check, finish } = checker();

try {
  for (const [name, text] of Object.entries(bodies)) {
    const dom = await chromium(['--dump-dom', base + hashFor(text)]);
    check(`${name}: page ready`, /data-ready="true"/.test(dom), true);
    if (loneSurrogateIndex(text) !== -1) {
      const error = dom.match(/<p id="error"[^>]*>([^<]*)</);
      check(`${name}: error shown`, Boolean(error) && !/<p id="error"[^>]*hidden/.test(dom), true);
      check(`${name}: error names the index`,
        Boolean(error) && error[1].includes(`index ${loneSurrogateIndex(text)}`) &&
        error[1].includes('utf16_unpaired_surrogate'), true);
      continue;
    }
    let native;
    try {
      native = JSON.parse(execFileSync(cli, ['inspect', '--json'], { input: text }).toString());
    } catch (e) {
      native = JSON.parse(e.stdout.toString());
    }
    check(`${name}: encoding`, field(dom, 'encoding'), native.encoding);
    check(`${name}: characters`, field(dom, 'characters'), String(native.characters));
    check(`${name}: units`, field(dom, 'units'), String(native.units));
    check(`${name}: parts`, field(dom, 'parts'), String(native.parts));
    check(`${name}: remaining`, field(dom, 'remaining'), String(native.units_remaining));
    const list = dom.match(/<ol id="segments"[^>]*>([\s\S]*?)<\/ol>/);
    const parts = list ? list[1] : '';
    check(`${name}: parts listed`, (parts.match(/<div class="part">/g) || []).length, native.parts);
    check(`${name}: non-GSM marked`, (parts.match(/<mark /g) || []).length, native.non_gsm.length);
    // In GSM 7-bit, every character but those sent after an escape takes one septet: each of
    // those is marked as costing 2, in the part and in a list above the parts.
    const escaped = native.encoding === 'gsm7' ? native.units - native.characters : 0;
    check(`${name}: extension characters marked 2`,
      (parts.match(/<span class="ch ext two"[^>]*>[^<]+<span class="cost"[^>]*>2<\/span>/g) || []).length, escaped);
    check(`${name}: extension characters listed`, shown(dom, 'extension-box') ? textOf(dom, 'extension-heading') : '',
      escaped === 0 ? '' : `${escaped} ${escaped === 1 ? 'character takes' : 'characters take'} 2 septets each ` +
        '(escape + character):');
    // The characters that forced UCS-2, listed on the page, not only in a tooltip.
    const forced = [...new Set(native.non_gsm.map((c) => c.code_point))];
    check(`${name}: forcing characters listed`,
      shown(dom, 'forced-box') ? listItems(dom, 'forced').map((li) => li.match(/U\+[0-9A-F]+/)[0]) : [], forced);
    // Each part's fill against its capacity.
    const capacity = native.parts === 1 ? native.capacity.single_part : native.capacity.per_part;
    check(`${name}: part fill`, [...parts.matchAll(/<meter min="0" max="(\d+)" value="(\d+)"/g)]
      .map((m) => [Number(m[2]), Number(m[1])]), native.segment_units.map((u) => [u, capacity]));
    check(`${name}: part fill in words`, [...parts.matchAll(/<span class="fill">([^<]*)</g)].map((m) => m[1]),
      native.segment_units.map((u) => `${u} of ${capacity} ${native.encoding === 'gsm7' ? 'septets' : 'UTF-16 units'}`));
    // Part labels count characters as the Characters card does (code points, from 1).
    let first = 1;
    const ranges = native.segments.map((segment) => {
      const count = [...segment].length;
      const range = `${count} ${count === 1 ? 'character' : 'characters'} (${first}\u2013${first + count - 1})`;
      first += count;
      return range;
    });
    check(`${name}: part labels count characters`,
      [...parts.matchAll(/Part \d+ of \d+: ([^,]*),/g)].map((m) => m[1]), ranges);
    const ends = [...parts.matchAll(/Part \d+ of \d+: [^(]*\(\d+\u2013(\d+)\)/g)].map((m) => m[1]);
    check(`${name}: the last label ends at the Characters card`, ends.at(-1), field(dom, 'characters'));
  }
  // The transliteration suggestion, and national tables chosen through the hash.
  {
    const text = 'a'.repeat(150) + '\u2019s \u201cok\u201d';
    const dom = await chromium(['--dump-dom', base + hashFor(text)]);
    const suggestion = dom.match(/<span id="suggestion">([^<]*)</);
    check('suggestion shown', Boolean(suggestion) && !/<p id="suggestion-box"[^>]*hidden/.test(dom), true);
    check('suggestion text', suggestion && suggestion[1].startsWith(
      'Replace 3 characters to go from 3 UCS-2 parts to 1 GSM part'), true);
    const turkish = '\u00C7i\u00E7ekler \u015Fimdi %50 indirimli!';
    const national = await chromium(['--dump-dom', base + hashFor(turkish) + '&national=auto']);
    const native = JSON.parse(execFileSync(cli, ['inspect', '--json', '--national', 'auto'], { input: turkish }).toString());
    check('national: encoding', field(national, 'encoding'), native.encoding);
    check('national: units', field(national, 'units'), String(native.units));
    check('national: tables named', /locking shift tr/.test(national), true);
  }
  if (screenshot) {
    // docs/calculator.png (UCS-2: the characters that forced it, the transliteration offer) and
    // docs/calculator-gsm.png (GSM 7-bit: the extension characters that take 2 septets).
    await chromium([`--screenshot=${screenshot}`, '--window-size=1000,1040',
      base + hashFor('Caf\u00e9 \u201cquoted\u201d |pipe| \u0394 ' + 'Thanks! '.repeat(12) + '[ok]')]);
    await chromium([`--screenshot=${screenshot.replace(/\.png$/, '-gsm.png')}`, '--window-size=1000,1040',
      base + hashFor('Your order {A-12} ships today: 20\u20ac off with code [SAVE]~ ' + 'Reply STOP to opt out. '.repeat(6))]);
  }
} finally {
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
finish();
