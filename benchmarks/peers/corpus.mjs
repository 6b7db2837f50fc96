// The mixed corpus every peer comparison runs on: 500 bodies, half GSM (some extension
// characters), half UCS-2 (emoji, CJK, Cyrillic, Arabic, curly quotes), 40..900 characters,
// from a fixed seed. `node corpus.mjs` prints it, one body per line (no body holds a newline).
export function makeCorpus() {
  let seed = 20261123;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const gsmWords = ['Your', 'code', 'is', '4711', 'order', 'shipped', 'today', 'Reply', 'STOP',
    '{ref}', '[1/2]', '~50%', 'EUR\u20ac', 'caf\u00e9', '\u00c5sa', 'ma\u00f1ana'];
  const otherWords = ['\u{1F600}', '\u{1F389}\u{1F38A}', '\u4f60\u597d', '\u4e16\u754c',
    '\u041f\u0440\u0438\u0432\u0435\u0442', '\u0645\u0631\u062d\u0628\u0627', '\u201cok\u201d',
    'na\u00efve', 'stra\u00dfe', '\u{1F44D}\u{1F3FD}'];
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
  return corpus;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(makeCorpus().join('\n') + '\n');
}
