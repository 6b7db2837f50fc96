// septet for JavaScript: the C++ core compiled to WebAssembly.
//   import init from './septet.mjs';
//   const septet = await init();
//   septet.analyze('Hi €') // {encoding: 'gsm7', characters: 4, units: 5, parts: 1, ...}
// Indices are JavaScript string indices (UTF-16 code units), so they can highlight the text.
import createSeptetWasm from './septet_wasm.mjs';

const FIELDS = 15;
const NONE = 0xffffffff;

function codePointLabel(cp) {
  return 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
}

export default async function init() {
  const wasm = await createSeptetWasm();
  let textPtr = 0;
  let textCapacity = 0;
  const fields = wasm._malloc(FIELDS * 4);

  // Copies the string's UTF-16 units into wasm memory, as they are (lone surrogates included).
  function put(text) {
    if (text.length + 1 > textCapacity) {
      if (textPtr) wasm._free(textPtr);
      textCapacity = Math.max(256, (text.length + 1) * 2);
      textPtr = wasm._malloc(textCapacity * 2);
    }
    const units = new Uint16Array(wasm.HEAPU16.buffer, textPtr, text.length);
    for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
    return textPtr;
  }

  function readU32(ptr, count) {
    return Array.from(new Uint32Array(wasm.HEAPU32.buffer, ptr, count));
  }

  function error(code, index) {
    return {
      code: wasm.UTF8ToString(wasm._septet_error_name(code)),
      message: wasm.UTF8ToString(wasm._septet_error_message(code)),
      index,
    };
  }

  function segments(text, ptr, udhOctets, grapheme) {
    const count = wasm._septet_segments(ptr, text.length, udhOctets, grapheme, 0, 0);
    if (count === 0) return [];
    const buffer = wasm._malloc(count * 12);
    try {
      wasm._septet_segments(ptr, text.length, udhOctets, grapheme, buffer, count);
      const raw = readU32(buffer, count * 3);
      const list = [];
      for (let i = 0; i < count; i++) {
        const [begin, end, units] = raw.slice(3 * i, 3 * i + 3);
        list.push({ begin, end, units, text: text.slice(begin, end) });
      }
      return list;
    } finally {
      wasm._free(buffer);
    }
  }

  function nonGsm(text, ptr) {
    const count = wasm._septet_non_gsm(ptr, text.length, 0, 0);
    if (count === 0) return [];
    const buffer = wasm._malloc(count * 8);
    try {
      wasm._septet_non_gsm(ptr, text.length, buffer, count);
      const raw = readU32(buffer, count * 2);
      const list = [];
      for (let i = 0; i < count; i++) {
        const index = raw[2 * i];
        const cp = raw[2 * i + 1];
        list.push({ char: String.fromCodePoint(cp), code_point: codePointLabel(cp), index });
      }
      return list;
    } finally {
      wasm._free(buffer);
    }
  }

  /**
   * Analyzes `text`: encoding, characters (code points), units (septets or UTF-16 units), parts,
   * units left in the last part, the parts themselves and the characters that forced UCS-2.
   * options: {udhOctets: 6 (8-bit reference) or 7 (16-bit), graphemeSafe: false}.
   */
  function analyze(text, options = {}) {
    const udhOctets = options.udhOctets ?? 6;
    const grapheme = options.graphemeSafe ? 1 : 0;
    const ptr = put(String(text));
    wasm._septet_analyze(ptr, text.length, udhOctets, grapheme, fields);
    const f = readU32(fields, FIELDS);
    const result = {
      encoding: f[2] === 0 ? 'gsm7' : 'ucs2',
      characters: f[3],
      units: f[4],
      parts: f[5],
      units_remaining: f[6],
      utf16_units: f[7],
      capacity: { single_part: f[11], per_part: f[12] },
      segments: [],
      non_gsm: [],
      within_limits: f[0] === 0 && f[13] === 0,
      error: null,
      limit: f[13] === 0 ? null : error(f[13], f[14]),
    };
    if (f[0] !== 0) {
      result.error = error(f[0], f[1]);
      return result;
    }
    result.segments = segments(text, ptr, udhOctets, grapheme);
    result.non_gsm = nonGsm(text, ptr);
    if (f[9] !== NONE) result.first_non_gsm = { index: f[9], code_point: codePointLabel(f[10]) };
    return result;
  }

  return { analyze };
}
