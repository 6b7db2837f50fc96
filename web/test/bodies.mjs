// The bodies both web tests check against the native CLI.
const zhe = '\u0436';
export const bodies = {
  gsm: 'Your code is 4711. Reply STOP to opt out.',
  euro: 'Hi \u20ac',
  extension_at_boundary: 'a'.repeat(152) + ']' + 'b'.repeat(20),
  extension_fits: 'a'.repeat(151) + '{' + 'b'.repeat(20),
  emoji_at_boundary: zhe.repeat(66) + '\u{1F600}' + zhe.repeat(5),
  emoji_fits: zhe.repeat(65) + '\u{1F600}' + zhe.repeat(5),
  mixed: 'Caf\u00e9 \u201cquoted\u201d \u{1F389} |pipe| \u0394',
  long: 'Lorem ipsum dolor sit amet, '.repeat(80),
  crlf: 'line one\r\nline two',
  lone_surrogate: 'abc\ud83d!',
};

/** Index of the first unpaired surrogate in `text`, or -1. */
export function loneSurrogateIndex(text) {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) return i;
  }
  return -1;
}

/** check(name, got, want) compares as JSON; finish() prints "N passed, N failed" and exits. */
export function checker() {
  let passed = 0;
  let failed = 0;
  return {
    check(name, got, want) {
      if (JSON.stringify(got) === JSON.stringify(want)) {
        passed++;
      } else {
        failed++;
        console.error(`FAIL ${name}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
      }
    },
    finish() {
      console.log(`${passed} passed, ${failed} failed`);
      process.exit(failed === 0 ? 0 : 1);
    },
  };
}
