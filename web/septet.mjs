// septet for JavaScript: the C++ core compiled to WebAssembly.
//   import init from './septet.mjs';
//   const septet = await init();
//   septet.analyze('Hi €') // {encoding: 'gsm7', characters: 4, units: 5, parts: 1, ...}
// Indices are JavaScript string indices (UTF-16 code units), so they can highlight the text.
//
// One naming convention: every key going in (options) and coming out (results) is snake_case,
// as in `septet inspect --json`, the SQL functions and the C++ names; the module's own members are
// JavaScript identifiers (encodeParts, nationalLanguages), as Stripe's SDK does it. The camelCase
// option names of septet 0.1 (udhOctets, graphemeSafe, ...) are still read.
//
// One error model: a result always has every field its type lists, and `error` is null or
// {code, message, index}, the same shape everywhere, for what the data gets wrong (invalid text, a
// malformed template, over a limit). A wrong call throws: a TypeError for an argument of the
// wrong type (analyze() without a string), a RangeError for a value outside its set (an unknown
// profile or national language, a reference over 255 for 8-bit references, options the core
// calls invalid); both carry `code`. Nothing else throws.
import createSeptetWasm from './septet_wasm.mjs';

const FIELDS = 17;
const NONE = 0xffffffff;
const MICROS = 1000000;

function codePointLabel(cp) {
  return 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
}

function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `'${value}'` : typeof value === 'object' ? 'an object' : String(value);
}

function usageError(Type, fn, message, code) {
  const e = new Type(`septet.${fn}: ${message}`);
  e.code = code;
  return e;
}

function textArgument(fn, name, text) {
  if (typeof text !== 'string') {
    throw usageError(TypeError, fn, `${name} must be a string, not ${describe(text)}`, 'invalid_argument');
  }
  return text;
}

// The options object, or {} when none was given.
function optionsArgument(fn, options) {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw usageError(TypeError, fn, `options must be an object, not ${describe(options)}`, 'invalid_argument');
  }
  return options;
}

// Reads options[name], or its septet 0.1 camelCase name; undefined when neither is given.
// Unknown keys are ignored, as Web IDL dictionaries ignore them.
function option(fn, options, name, old, type) {
  const value = options[name];
  const former = old === undefined ? undefined : options[old];
  if (value !== undefined && former !== undefined && value !== former) {
    throw usageError(TypeError, fn, `options.${name} and options.${old} (its former name) differ`, 'invalid_option');
  }
  const given = value ?? former;
  if (given !== undefined && type !== undefined && typeof given !== type) {
    throw usageError(TypeError, fn, `options.${name} must be a ${type}, not ${describe(given)}`, 'invalid_option');
  }
  return given;
}

function integerOption(fn, options, name, old, min, max) {
  const value = option(fn, options, name, old, 'number');
  if (value !== undefined && !(Number.isInteger(value) && value >= min && value <= max)) {
    throw usageError(RangeError, fn, `options.${name} must be an integer from ${min} to ${max}, not ${value}`,
      'invalid_option');
  }
  return value;
}

// A price as integer micro-units (millionths), so that totals add exactly: a number is rounded
// to the nearest micro-unit as the CLI's --prices does, a decimal string ('0.0075') is read exactly.
function priceMicros(fn, price) {
  if (typeof price === 'number') {
    if (Number.isFinite(price) && price >= 0 && Number.isSafeInteger(Math.round(price * MICROS))) {
      return Math.round(price * MICROS);
    }
  } else if (typeof price === 'string') {
    const match = /^(\d+)(?:\.(\d{0,6})(\d*))?$/.exec(price.trim());
    if (match) {
      const whole = Number(match[1]);
      const fraction = Number((match[2] ?? '').padEnd(6, '0'));
      const roundUp = (match[3] ?? '') !== '' && match[3][0] >= '5' ? 1 : 0;
      const micros = whole * MICROS + fraction + roundUp;
      if (Number.isSafeInteger(micros)) return micros;
    }
  } else {
    throw usageError(TypeError, fn, `a price must be a number or a decimal string, not ${describe(price)}`,
      'invalid_option');
  }
  throw usageError(RangeError, fn, `a price must be a non-negative decimal, not ${describe(price)}`, 'invalid_option');
}

// The exact decimal of an integer count of micro-units: 150000 -> '0.15'.
function decimalOf(micros) {
  const digits = String(micros).padStart(7, '0');
  const fraction = digits.slice(-6).replace(/0+$/, '');
  return fraction === '' ? digits.slice(0, -6) : `${digits.slice(0, -6)}.${fraction}`;
}

// {cost, cost_micros, cost_decimal} of `parts` at `price` (a number or a decimal string).
function costOf(fn, parts, price) {
  if (!Number.isSafeInteger(parts) || parts < 0) {
    throw usageError(RangeError, fn, `parts must be a non-negative integer, not ${describe(parts)}`, 'invalid_argument');
  }
  const total = BigInt(parts) * BigInt(priceMicros(fn, price));
  if (total > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw usageError(RangeError, fn, 'the cost is over 2^53 micro-units', 'invalid_argument');
  }
  const micros = Number(total);
  // micros / 1e6 is the double nearest the exact decimal, so it prints as that decimal: 0.15.
  return { cost: micros / MICROS, cost_micros: micros, cost_decimal: decimalOf(micros) };
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

  const codeName = (code) => wasm.UTF8ToString(wasm._septet_error_name(code));

  // The one error shape: {code, message, index}. An error the core puts in its usage category
  // (an option out of range) is the caller's: it is thrown as a RangeError instead.
  function error(fn, code, index) {
    const message = wasm.UTF8ToString(wasm._septet_error_message(code));
    if (wasm._septet_error_is_usage(code)) throw usageError(RangeError, fn, `the core says: ${message}`, codeName(code));
    return { code: codeName(code), message, index };
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
  function nationalMask(fn, options) {
    const national = options.national;
    if (national === undefined || national === 'none') return 0;
    if (typeof national !== 'string' && !Array.isArray(national)) {
      throw usageError(TypeError, fn, `options.national must be 'none', 'auto' or an array of codes, not ${
        describe(national)}`, 'invalid_option');
    }
    const list = national === 'auto' ? languages.slice(1) : [].concat(national);  // 'tr': as ['tr']
    let mask = 0;
    for (const code of list) {
      const i = languages.indexOf(code);
      if (i < 1) {
        throw usageError(RangeError, fn, `unknown national language ${describe(code)} (one of ${
          languages.slice(1).join(', ')})`, 'invalid_option');
      }
      mask |= 1 << i;
    }
    return mask;
  }

  // [udh_octets, grapheme, per-part cap, national mask] for the core. options.profile picks
  // udh_octets and a per-part cap by name; an explicit udh_octets still wins.
  function textOptions(fn, options) {
    const name = option(fn, options, 'profile', undefined, 'string');
    const profile = name === undefined ? profiles.default : Object.hasOwn(profiles, name) ? profiles[name] : null;
    if (!profile) {
      throw usageError(RangeError, fn, `unknown profile ${describe(name)} (one of ${Object.keys(profiles).join(', ')})`,
        'invalid_option');
    }
    const udhOctets = integerOption(fn, options, 'udh_octets', 'udhOctets', 0, 255);
    const grapheme = option(fn, options, 'grapheme_safe', 'graphemeSafe', 'boolean');
    return [udhOctets ?? profile.udhOctets, grapheme ? 1 : 0, profile.maxUnitsPerPart, nationalMask(fn, options)];
  }

  // Runs the core on `text` and leaves the whole record in the buffer; returns its u32 count.
  function analyzeInto(text, args) {
    const ptr = put(text);
    let needed = wasm._septet_analyze_all(ptr, text.length, ...args, record, recordCapacity);
    if (needed > recordCapacity) {
      wasm._free(record);
      recordCapacity = needed * 2;
      record = wasm._malloc(recordCapacity * 4);
      needed = wasm._septet_analyze_all(ptr, text.length, ...args, record, recordCapacity);
    }
    return needed;
  }

  // The char and 'U+XXXX' strings of code points seen before: a text repeats its characters.
  const names = new Map();
  function nameOf(cp) {
    let name = names.get(cp);
    if (name === undefined) {
      if (names.size >= 4096) names.clear();
      name = [String.fromCodePoint(cp), codePointLabel(cp)];
      names.set(cp, name);
    }
    return name;
  }

  // {char, code_point, index} of the characters listed at `at` (a count, then index/code point
  // pairs); returns the list and where the record goes on.
  function characterList(f, at) {
    const list = [];
    const end = at + 1 + 2 * f[at];
    for (let i = at + 1; i < end; i += 2) {
      const [char, label] = nameOf(f[i + 1]);
      list.push({ char, code_point: label, index: f[i] });
    }
    return [list, end];
  }

  /**
   * Analyzes `text`: encoding, characters (code points), units (septets or UTF-16 units), parts,
   * units left in the last part, each part with its fill, the characters that forced UCS-2 and
   * those that take two septets. options: {udh_octets: 6 (8-bit reference) or 7 (16-bit),
   * grapheme_safe: false, profile: 'default' | 'ref16' | 'us-toll-free' | 'us-cellular',
   * national: 'none' | 'auto' | ['tr', 'es', ...] (the tables that send the fewest parts are used)}.
   */
  function analyze(text, options) {
    text = textArgument('analyze', 'text', text);
    const args = textOptions('analyze', optionsArgument('analyze', options));
    analyzeInto(text, args);
    const f = wasm.HEAPU32;
    const r = record >> 2;
    const err = f[r] === 0 ? null : error('analyze', f[r], f[r + 1]);
    const parts = f[r + 5];
    const capacity = { single_part: f[r + 11], per_part: f[r + 12] };
    const partCapacity = parts === 1 ? capacity.single_part : capacity.per_part;
    const segments = [];
    let at = r + FIELDS;
    const segmentEnd = at + 1 + 4 * f[at];
    for (at++; at < segmentEnd; at += 4) {
      segments.push({ begin: f[at], end: f[at + 1], units: f[at + 2], characters: f[at + 3], capacity: partCapacity,
        text: text.slice(f[at], f[at + 1]) });
    }
    const [nonGsm, extensionAt] = characterList(f, at);
    const [extension] = characterList(f, extensionAt);
    return {
      encoding: f[r + 2] === 0 ? 'gsm7' : 'ucs2',
      characters: f[r + 3],
      units: f[r + 4],
      parts,
      units_remaining: f[r + 6],
      utf16_units: f[r + 7],
      capacity,
      segments,
      non_gsm: nonGsm,
      extension,
      first_non_gsm: f[r + 9] === NONE ? null : { index: f[r + 9], code_point: codePointLabel(f[r + 10]) },
      national: f[r + 15] === 0 && f[r + 16] === 0 ? null
        : { locking: languages[f[r + 15]], single_shift: languages[f[r + 16]] },
      within_limits: f[r] === 0 && f[r + 13] === 0,
      error: err,
      limit: f[r + 13] === 0 ? null : error('analyze', f[r + 13], f[r + 14]),
    };
  }

  const encodingName = (e) => (e === 0 ? 'gsm7' : 'ucs2');

  /**
   * Replaces look-alikes (curly quotes, dashes, NBSP, ...) by GSM characters, as the native
   * `septet inspect --transliterate`: {text, applied, replacements: [{index, char, code_point, to,
   * kind}], before: {encoding, parts}, after: {encoding, parts}, error}. options:
   * {only_if_fewer_parts, udh_octets, grapheme_safe, profile}. Invalid text (a lone surrogate) is
   * left as it is, with `error`.
   */
  function transliterate(text, options) {
    text = textArgument('transliterate', 'text', text);
    options = optionsArgument('transliterate', options);
    const onlyIfFewer = option('transliterate', options, 'only_if_fewer_parts', 'onlyIfFewerParts', 'boolean');
    const [udhOctets, grapheme, cap] = textOptions('transliterate', options);
    const ptr = put(text);
    const outText = wasm._malloc((text.length * 3 + 1) * 2);  // "…" becomes "...": 3 units at most
    const size = 9 + 7 * text.length;
    const out = wasm._malloc(size * 4);
    try {
      wasm._septet_transliterate(ptr, text.length, onlyIfFewer ? 1 : 0, udhOctets, grapheme,
        cap, outText, text.length * 3 + 1, out, size);
      const r = readU32(out, size);
      if (r[0] !== 0) {
        const err = error('transliterate', r[0], r[1]);
        const unchanged = analyze(text, options);  // the figures of the text before the error
        const figures = { encoding: unchanged.encoding, parts: unchanged.parts };
        return { text, applied: false, replacements: [], before: figures, after: { ...figures }, error: err };
      }
      const units = new Uint16Array(wasm.HEAPU16.buffer, outText, r[7]);
      let result = '';
      for (let i = 0; i < units.length; i += 4096) result += String.fromCharCode(...units.subarray(i, i + 4096));
      const replacements = [];
      for (let i = 0, at = 9; i < r[8]; i++, at += 7) {
        replacements.push({ index: r[at], char: String.fromCodePoint(r[at + 1]), code_point: codePointLabel(r[at + 1]),
          to: String.fromCodePoint(...r.slice(at + 4, at + 4 + r[at + 3])),
          kind: wasm.UTF8ToString(wasm._septet_look_alike_name(r[at + 2])) });
      }
      return { text: result, applied: r[2] === 1, replacements,
        before: { encoding: encodingName(r[3]), parts: r[4] }, after: { encoding: encodingName(r[5]), parts: r[6] },
        error: null };
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
   * part carries. options: {reference_size: 8 | 16, reference: 0 (0..255 or 0..65535),
   * unpacked: false, grapheme_safe: false}. Text that cannot be sent gives no parts and `error`.
   */
  function encodeParts(text, options) {
    text = textArgument('encodeParts', 'text', text);
    options = optionsArgument('encodeParts', options);
    const referenceSize = option('encodeParts', options, 'reference_size', 'referenceSize', 'number') ?? 8;
    if (referenceSize !== 8 && referenceSize !== 16) {
      throw usageError(RangeError, 'encodeParts', `options.reference_size must be 8 or 16, not ${referenceSize}`,
        'invalid_option');
    }
    const reference = integerOption('encodeParts', options, 'reference', undefined, 0,
      referenceSize === 16 ? 0xffff : 0xff) ?? 0;
    const unpacked = option('encodeParts', options, 'unpacked', undefined, 'boolean');
    const grapheme = option('encodeParts', options, 'grapheme_safe', 'graphemeSafe', 'boolean');
    const ptr = put(text);
    const args = [ptr, text.length, referenceSize === 16 ? 1 : 0, reference, unpacked ? 1 : 0, grapheme ? 1 : 0];
    const probe = wasm._malloc(4);
    let count;
    try {
      count = wasm._septet_encode_parts(...args, probe, 0) >>> 0;
      if (count & ERROR_BIT) {
        wasm._septet_encode_parts(...args, probe, 1);
        const err = error('encodeParts', count & ~ERROR_BIT, readU32(probe, 1)[0]);
        return { encoding: null, data_coding: null, parts: [], error: err };
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
      return { encoding: parts[0].data_coding === 8 ? 'ucs2' : 'gsm7', data_coding: parts[0].data_coding,
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

  /** {msisdn: digits only, as Sinch echoes them, or null; error: null or {code, message, index}}. */
  function parseMsisdn(text) {
    text = textArgument('parseMsisdn', 'text', text);
    return utf8Call(text, (ptr, size) => {
      const out = wasm._malloc(16);
      try {
        const n = wasm._septet_parse_msisdn(ptr, size, out) >>> 0;
        if (n & ERROR_BIT) return { msisdn: null, error: error('parseMsisdn', n & ~ERROR_BIT, 0) };
        return { msisdn: wasm.UTF8ToString(out, n), error: null };
      } finally {
        wasm._free(out);
      }
    });
  }

  /** parseMsisdn(text).msisdn: the digits, or null. */
  function normaliseMsisdn(text) {
    return parseMsisdn(typeof text === 'number' ? String(text) : text).msisdn;
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
          return { error: error('estimate', again & ~ERROR_BIT, decoder.decode(bytes.slice(0, byteOffset)).length) };
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

  // One recipient added to the campaign begun by septet_estimate_begin (the core's
  // campaign_estimate, which counts it): the MSISDN and each key with its value (undefined: none)
  // go in as one UTF-8 block.
  function addRecipient(campaign, msisdn, keys, values) {
    const texts = [msisdn];
    const missing = [false];
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
      const call = () => wasm.UTF8ToString(wasm._septet_estimate_add(campaign, strings, layout, keys.length, out,
        bodyBuffer, bodyCapacity));
      let reason = call();
      let [parts, encoding, bodySize] = readU32(out, 3);
      if (reason === 'output_too_small') {  // nothing counted: again with room for the body
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
   * without a default fails alone (Sinch's 405), as does one over options.max_parts (411): the
   * core judges each recipient (septet::sinch::judge_recipient). A template Sinch would refuse
   * gives `error` and counts nothing. options: {defaults, price_per_part (a number or a decimal
   * string), max_parts, per_recipient} and analyze's.
   */
  function estimate(template, recipients, options) {
    template = textArgument('estimate', 'template', template);
    if (recipients === null || typeof recipients !== 'object' || typeof recipients[Symbol.iterator] !== 'function') {
      throw usageError(TypeError, 'estimate', `recipients must be an array, not ${describe(recipients)}`,
        'invalid_argument');
    }
    options = optionsArgument('estimate', options);
    const args = textOptions('estimate', options);
    const price = option('estimate', options, 'price_per_part', 'pricePerPart');
    const priced = price !== undefined;
    if (priced) priceMicros('estimate', price);  // checked before any work
    const maxParts = integerOption('estimate', options, 'max_parts', 'maxParts', 0, 255) ?? 0;
    const perRecipient = option('estimate', options, 'per_recipient', 'perRecipient', 'boolean');
    const defaults = option('estimate', options, 'defaults', undefined, 'object') ?? {};
    const money = (parts) => (priced ? costOf('estimate', parts, price)
      : { cost: null, cost_micros: null, cost_decimal: null });
    const totals = { recipients: 0, failed: 0, failures: [], warnings: [], parts: 0,
      parts_by_encoding: { text: 0, unicode: 0 }, ...money(0), per_recipient: [], error: null };

    const checked = analyze(template, options);
    const parsed = templateKeys(template);
    const refused = checked.error ?? (checked.limit && checked.limit.code === 'body_too_long' ? checked.limit : null)
      ?? parsed.error;
    if (refused) return { ...totals, error: refused };
    const { keys } = parsed;
    // What the older guide refused and Sinch's documents allow: sent as written, with a warning.
    const strict = templateKeys(template, true);
    if (strict.error) totals.warnings.push(strict.error);
    // Own properties only: "constructor" or "toString" must not find Object's.
    const own = (object, key) => (object && Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined);
    const [campaign, code, offset] = utf8Call(template, (ptr, size) => {
      const failure = wasm._malloc(8);
      try {
        return [wasm._septet_estimate_begin(ptr, size, ...args, maxParts, failure), ...readU32(failure, 2)];
      } finally {
        wasm._free(failure);
      }
    });
    if (!campaign) return { ...totals, error: error('estimate', code, offset) };
    const out = wasm._malloc(16);
    try {
      for (const recipient of recipients) {
        if (recipient === null || typeof recipient !== 'object') {
          throw usageError(TypeError, 'estimate', `a recipient must be an object {msisdn, values}, not ${
            describe(recipient)}`, 'invalid_argument');
        }
        const values = keys.map((key) => {
          const value = own(recipient.values, key) ?? own(defaults, key);
          return value === undefined ? undefined : String(value);
        });
        const msisdn = String(recipient.msisdn);
        const r = addRecipient(campaign, msisdn, keys, values);
        if (r.reason !== 'ok') {
          totals.failures.push({ msisdn, reason: r.reason });
        } else if (perRecipient) {
          totals.per_recipient.push({ msisdn: normaliseMsisdn(msisdn), body: r.body, parts: r.parts, encoding: r.encoding });
        }
      }
      // The counts are the core's (campaign_totals), as C++ callers and `septet estimate` get them.
      wasm._septet_estimate_totals(campaign, out);
      [totals.recipients, totals.failed, totals.parts_by_encoding.text, totals.parts_by_encoding.unicode] =
        readU32(out, 4);
    } finally {
      wasm._free(out);
      wasm._septet_estimate_end(campaign);
    }
    totals.parts = totals.parts_by_encoding.text + totals.parts_by_encoding.unicode;
    return { ...totals, ...money(totals.parts) };
  }

  /**
   * {cost, cost_micros, cost_decimal} of `parts` at `price_per_part` (a number, rounded to
   * micro-units, or a decimal string such as '0.0075'): integer micro-units, so totals are exact.
   */
  function cost(parts, price_per_part) {
    return costOf('cost', parts, price_per_part);
  }

  return { analyze, encodeParts, estimate, cost, parseMsisdn, normaliseMsisdn, transliterate,
    profiles: Object.keys(profiles), nationalLanguages: languages.slice(1) };
}
