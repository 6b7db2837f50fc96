// septet for JavaScript: the C++ core compiled to WebAssembly.
//   import init from './septet.mjs';
//   const septet = await init();
//   septet.analyze('Hi €') // {encoding: 'gsm7', characters: 4, units: 5, parts: 1, ...}
// Indices are JavaScript string indices (UTF-16 code units), so they can highlight the text.
import createSeptetWasm from './septet_wasm.mjs';

const FIELDS = 17;
const NONE = 0xffffffff;

function codePointLabel(cp) {
  return 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
}

export default async function init() {
  const wasm = await createSeptetWasm();
  let textPtr = 0;
  let textCapacity = 0;

  // Copies the string's UTF-16 units into wasm memory, as they are (lone surrogates included).
  function put(text) {
    if (text.length + 1 > textCapacity) {
      if (textPtr) wasm._free(textPtr);
      textCapacity = Math.max(256, (text.length + 1) * 2);
      textPtr = wasm._malloc(textCapacity * 2);
    }
    const heap = wasm.HEAPU16;  // read each time: memory growth replaces the view
    const base = textPtr >> 1;
    for (let i = 0; i < text.length; i++) heap[base + i] = text.charCodeAt(i);
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

  let record = wasm._malloc(1024 * 4);
  let recordCapacity = 1024;

  // Names from the core, so that they cannot drift: national languages and capacity profiles.
  const languages = [];
  for (let i = 0; i < 14; i++) languages.push(wasm.UTF8ToString(wasm._septet_national_name(i)));
  const profiles = {};
  for (let i = 0; i < wasm._septet_profile_count(); i++) {
    profiles[wasm.UTF8ToString(wasm._septet_profile_name(i))] = {
      udhOctets: wasm._septet_profile_udh_octets(i),
      maxUnitsPerPart: wasm._septet_profile_max_units_per_part(i),
    };
  }

  // options.national: 'none' (default), 'auto' (every language), or an array of codes ('tr', ...).
  function nationalMask(national) {
    if (national === undefined || national === 'none') return 0;
    const list = national === 'auto' ? languages.slice(1) : [].concat(national);
    let mask = 0;
    for (const code of list) {
      const i = languages.indexOf(code);
      if (i < 1) throw new RangeError(`unknown national language '${code}'`);
      mask |= 1 << i;
    }
    return mask;
  }

  // options.profile picks udhOctets and a per-part cap by name; explicit udhOctets still wins.
  function textOptions(options) {
    const profile = options.profile === undefined ? profiles.default : profiles[options.profile];
    if (!profile) throw new RangeError(`unknown profile '${options.profile}'`);
    return [options.udhOctets ?? profile.udhOctets, options.graphemeSafe ? 1 : 0, profile.maxUnitsPerPart];
  }

  // Bumped by every analyze call: the record buffer then holds that call's lists.
  let generation = 0;

  // Runs the core on `text` and leaves the whole record in the buffer; returns its u32 count.
  function analyzeInto(text, udhOctets, grapheme, cap, mask) {
    const ptr = put(text);
    let needed = wasm._septet_analyze_all(ptr, text.length, udhOctets, grapheme, cap, mask, record, recordCapacity);
    if (needed > recordCapacity) {
      wasm._free(record);
      recordCapacity = needed * 2;
      record = wasm._malloc(recordCapacity * 4);
      needed = wasm._septet_analyze_all(ptr, text.length, udhOctets, grapheme, cap, mask, record, recordCapacity);
    }
    generation++;
    return needed;
  }

  // The lists of an analysis, read when first asked for: counting alone stays cheap. While no
  // other call has reused the buffer they are read from it; after that the text is analyzed again.
  function listsOf(result) {
    const hidden = result[LISTS];
    if (hidden.lists === null) {
      const { text, args } = hidden;
      if (hidden.generation !== generation) analyzeInto(text, ...args);
      const base = (record >> 2) + FIELDS;
      const rest = wasm.HEAPU32;
      const segments = [];
      const partCount = rest[base];
      for (let i = 0, at = base + 1; i < partCount; i++, at += 3) {
        segments.push({ begin: rest[at], end: rest[at + 1], units: rest[at + 2],
          text: text.slice(rest[at], rest[at + 1]) });
      }
      const nonGsm = [];
      const start = base + 2 + 3 * partCount;
      for (let i = 0, at = start; i < rest[start - 1]; i++, at += 2) {
        const cp = rest[at + 1];
        nonGsm.push({ char: String.fromCodePoint(cp), code_point: codePointLabel(cp), index: rest[at] });
      }
      hidden.lists = { segments, nonGsm };
    }
    return hidden.lists;
  }

  const LISTS = Symbol('lists');
  // One prototype for every result: the getters cost nothing until read.
  const analysisPrototype = {
    get segments() { return listsOf(this).segments; },
    get non_gsm() { return listsOf(this).nonGsm; },
    toJSON() {
      const { [LISTS]: _, ...own } = this;
      return { ...own, segments: this.segments, non_gsm: this.non_gsm };
    },
  };

  /**
   * Analyzes `text`: encoding, characters (code points), units (septets or UTF-16 units), parts,
   * units left in the last part, the parts themselves and the characters that forced UCS-2.
   * options: {udhOctets: 6 (8-bit reference) or 7 (16-bit), graphemeSafe: false,
   * profile: 'default' | 'ref16' | 'us-toll-free' | 'us-cellular', national: 'none' | 'auto' |
   * ['tr', 'es', ...] (the national tables that send the fewest parts are used)}.
   */
  function analyze(text, options = {}) {
    text = String(text);
    const [udhOctets, grapheme, cap] = textOptions(options);
    const args = [udhOctets, grapheme, cap, nationalMask(options.national)];
    analyzeInto(text, ...args);
    const f = wasm.HEAPU32;
    const r = record >> 2;
    const result = Object.create(analysisPrototype);
    result.encoding = f[r + 2] === 0 ? 'gsm7' : 'ucs2';
    result.characters = f[r + 3];
    result.units = f[r + 4];
    result.parts = f[r + 5];
    result.units_remaining = f[r + 6];
    result.utf16_units = f[r + 7];
    result.capacity = { single_part: f[r + 11], per_part: f[r + 12] };
    result.within_limits = f[r] === 0 && f[r + 13] === 0;
    result.error = f[r] === 0 ? null : error(f[r], f[r + 1]);
    result.limit = f[r + 13] === 0 ? null : error(f[r + 13], f[r + 14]);
    if (f[r + 9] !== NONE) result.first_non_gsm = { index: f[r + 9], code_point: codePointLabel(f[r + 10]) };
    if (f[r + 15] !== 0 || f[r + 16] !== 0) {
      result.national = { locking: languages[f[r + 15]], single_shift: languages[f[r + 16]] };
    }
    result[LISTS] = { text, args, generation, lists: null };  // a symbol key: not in JSON or keys
    return result;
  }

  /**
   * Replaces look-alikes (curly quotes, dashes, NBSP, ...) by GSM characters, as the native
   * `septet inspect --transliterate`: {text, applied, replacements: [{index, char, code_point, to,
   * kind}], before: {encoding, parts}, after: {encoding, parts}}. options: {onlyIfFewerParts,
   * udhOctets, graphemeSafe, profile}. A lone surrogate gives {error}.
   */
  function transliterate(text, options = {}) {
    text = String(text);
    const [udhOctets, grapheme, cap] = textOptions(options);
    const ptr = put(text);
    const outText = wasm._malloc((text.length * 3 + 1) * 2);  // "…" becomes "...": 3 units at most
    const size = 9 + 7 * text.length;
    const out = wasm._malloc(size * 4);
    try {
      wasm._septet_transliterate(ptr, text.length, options.onlyIfFewerParts ? 1 : 0, udhOctets, grapheme,
        cap, outText, text.length * 3 + 1, out, size);
      const r = readU32(out, size);
      if (r[0] !== 0) return { error: error(r[0], r[1]) };
      const units = new Uint16Array(wasm.HEAPU16.buffer, outText, r[7]);
      let result = '';
      for (let i = 0; i < units.length; i += 4096) result += String.fromCharCode(...units.subarray(i, i + 4096));
      const replacements = [];
      for (let i = 0, at = 9; i < r[8]; i++, at += 7) {
        replacements.push({ index: r[at], char: String.fromCodePoint(r[at + 1]), code_point: codePointLabel(r[at + 1]),
          to: String.fromCodePoint(...r.slice(at + 4, at + 4 + r[at + 3])),
          kind: wasm.UTF8ToString(wasm._septet_look_alike_name(r[at + 2])) });
      }
      const encoding = (e) => (e === 0 ? 'gsm7' : 'ucs2');
      return { text: result, applied: r[2] === 1, replacements,
        before: { encoding: encoding(r[3]), parts: r[4] }, after: { encoding: encoding(r[5]), parts: r[6] } };
    } finally {
      wasm._free(outText);
      wasm._free(out);
    }
  }

  const RECORD = 7 + 160;
  const ERROR_BIT = 0x80000000;
  const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).toUpperCase().padStart(2, '0')).join('');

  /**
   * The parts as sent: UDH and user data in hex, TP-UDL, data coding, esm_class, and the text each
   * part carries. options: {referenceSize: 8 | 16, reference: 0, unpacked: false, graphemeSafe}.
   */
  function encodeParts(text, options = {}) {
    text = String(text);
    const ptr = put(text);
    const args = [ptr, text.length, options.referenceSize === 16 ? 1 : 0, options.reference ?? 0,
      options.unpacked ? 1 : 0, options.graphemeSafe ? 1 : 0];
    const probe = wasm._malloc(4);
    let count;
    try {
      count = wasm._septet_encode_parts(...args, probe, 0) >>> 0;
      if (count & ERROR_BIT) {
        wasm._septet_encode_parts(...args, probe, 1);
        return { error: error(count & ~ERROR_BIT, readU32(probe, 1)[0]), parts: [] };
      }
    } finally {
      wasm._free(probe);
    }
    const buffer = wasm._malloc(count * RECORD * 4);
    try {
      wasm._septet_encode_parts(...args, buffer, count);
      const raw = readU32(buffer, count * RECORD);
      const parts = [];
      for (let i = 0; i < count; i++) {
        const r = raw.slice(i * RECORD, (i + 1) * RECORD);
        const [udhSize, size, udl, dataCoding, esmClass, begin, end] = r;
        const bytes = r.slice(7, 7 + size);
        parts.push({ udh: hex(bytes.slice(0, udhSize)), ud: hex(bytes.slice(udhSize)), udl,
          data_coding: dataCoding, esm_class: esmClass, begin, end, text: text.slice(begin, end) });
      }
      return { data_coding: parts[0].data_coding, encoding: parts[0].data_coding === 8 ? 'ucs2' : 'gsm7',
        parts, error: null };
    } finally {
      wasm._free(buffer);
    }
  }

  const encoder = new TextEncoder();
  const decoder = new TextDecoder('utf-8', { fatal: true });

  function utf8Call(text, fn) {
    const bytes = encoder.encode(text);
    const ptr = wasm._malloc(bytes.length + 1);
    try {
      wasm.HEAPU8.set(bytes, ptr);
      return fn(ptr, bytes.length, bytes);
    } finally {
      wasm._free(ptr);
    }
  }

  function normaliseMsisdn(text) {
    return utf8Call(String(text), (ptr, size) => {
      const out = wasm._malloc(16);
      try {
        const n = wasm._septet_parse_msisdn(ptr, size, out) >>> 0;
        return n & ERROR_BIT ? null : wasm.UTF8ToString(out, n);
      } finally {
        wasm._free(out);
      }
    });
  }

  // The distinct `${key}` names of a template as Sinch's adapter reads it, or {error} (a JS
  // index) when it is malformed; `strict`: by the older guide's limits instead.
  function templateKeys(template, strict = false) {
    const rules = strict ? 1 : 0;
    return utf8Call(template, (ptr, size, bytes) => {
      const count = wasm._septet_template_placeholders(ptr, size, 0, 0, rules) >>> 0;
      const buffer = wasm._malloc(Math.max(1, count & ~ERROR_BIT) * 8);
      try {
        const again = wasm._septet_template_placeholders(ptr, size, buffer, count & ERROR_BIT ? 1 : count, rules) >>> 0;
        if (again & ERROR_BIT) {
          // The core reports a UTF-8 byte offset: turn it into a JS string index.
          const byteOffset = readU32(buffer, 1)[0];
          return { error: error(again & ~ERROR_BIT, decoder.decode(bytes.slice(0, byteOffset)).length) };
        }
        const ranges = readU32(buffer, count * 2);
        const keys = new Set();
        for (let i = 0; i < count; i++) keys.add(decoder.decode(bytes.slice(ranges[2 * i] + 2, ranges[2 * i + 1] - 1)));
        return { keys: [...keys] };
      } finally {
        wasm._free(buffer);
      }
    });
  }

  let bodyBuffer = wasm._malloc(4096);
  let bodyCapacity = 4096;

  // One recipient judged by the core's rule for a recipient (septet_evaluate_recipient): the
  // template, the MSISDN and each key with its value (undefined: none) go in as one UTF-8 block.
  function evaluateRecipient(template, msisdn, keys, values, args, maxParts) {
    const texts = [template, msisdn];
    const missing = [false, false];
    keys.forEach((key, i) => {
      texts.push(key, values[i] ?? '');
      missing.push(false, values[i] === undefined);
    });
    const encoded = texts.map((t) => encoder.encode(t));
    const strings = wasm._malloc(Math.max(1, encoded.reduce((n, e) => n + e.length, 0)));
    const layout = wasm._malloc(texts.length * 8);
    const out = wasm._malloc(12);
    try {
      let at = 0;
      encoded.forEach((bytes, i) => {
        wasm.HEAPU8.set(bytes, strings + at);
        wasm.HEAPU32[(layout >> 2) + 2 * i] = missing[i] ? NONE : at;
        wasm.HEAPU32[(layout >> 2) + 2 * i + 1] = bytes.length;
        at += bytes.length;
      });
      const call = () => wasm.UTF8ToString(wasm._septet_evaluate_recipient(strings, layout, keys.length, ...args,
        maxParts, out, bodyBuffer, bodyCapacity));
      let reason = call();
      let [parts, encoding, bodySize] = readU32(out, 3);
      if (bodySize > bodyCapacity) {
        wasm._free(bodyBuffer);
        bodyCapacity = bodySize * 2;
        bodyBuffer = wasm._malloc(bodyCapacity);
        reason = call();
        [parts, encoding, bodySize] = readU32(out, 3);
      }
      const body = decoder.decode(wasm.HEAPU8.slice(bodyBuffer, bodyBuffer + bodySize));
      return { reason, parts, encoding: encoding === 0 ? 'text' : 'unicode', body };
    } finally {
      wasm._free(strings);
      wasm._free(layout);
      wasm._free(out);
    }
  }

  /**
   * What sending `template` to `recipients` would take: [{msisdn, values: {key: value}}], values
   * falling back to options.defaults, as Sinch's `default`. A recipient without a value and
   * without a default fails alone (Sinch's 405), as does one over options.maxParts (411): the
   * core judges each recipient (septet::sinch::judge_recipient).
   * options: {defaults, pricePerPart, maxParts, udhOctets, graphemeSafe, perRecipient}.
   */
  function estimate(template, recipients, options = {}) {
    template = String(template);
    const checked = analyze(template, options);
    if (checked.error) return { error: checked.error };
    if (checked.limit && checked.limit.code === 'body_too_long') return { error: checked.limit };
    const parsed = templateKeys(template);
    if (parsed.error) return { error: parsed.error };
    // What the older guide refused and Sinch's documents allow: sent as written, with a warning.
    const strict = templateKeys(template, true);
    const warnings = strict.error ? [strict.error] : [];
    const args = [...textOptions(options), nationalMask(options.national)];
    const defaults = options.defaults ?? {};
    // Own properties only: "constructor" or "toString" must not find Object's.
    const own = (object, key) => (object && Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined);
    const totals = { recipients: 0, failed: 0, failures: [], warnings, parts: 0,
      parts_by_encoding: { text: 0, unicode: 0 }, cost: 0, per_recipient: [] };
    for (const recipient of recipients) {
      totals.recipients++;
      const values = parsed.keys.map((key) => {
        const value = own(recipient.values, key) ?? own(defaults, key);
        return value === undefined ? undefined : String(value);
      });
      const r = evaluateRecipient(template, String(recipient.msisdn), parsed.keys, values, args, options.maxParts ?? 0);
      if (r.reason !== 'ok') {
        totals.failed++;
        totals.failures.push({ msisdn: String(recipient.msisdn), reason: r.reason });
        continue;
      }
      totals.parts += r.parts;
      totals.parts_by_encoding[r.encoding] += r.parts;
      if (options.perRecipient) {
        totals.per_recipient.push({ msisdn: normaliseMsisdn(recipient.msisdn), body: r.body, parts: r.parts, encoding: r.encoding });
      }
    }
    totals.cost = options.pricePerPart === undefined ? null : totals.parts * options.pricePerPart;
    return totals;
  }

  return { analyze, encodeParts, estimate, normaliseMsisdn, transliterate,
    profiles: Object.keys(profiles), nationalLanguages: languages.slice(1) };
}
