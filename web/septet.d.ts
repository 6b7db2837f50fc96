/**
 * septet for JavaScript: the C++ core compiled to WebAssembly.
 *
 * Naming: every key of every options object and of every result is snake_case, as in
 * `septet inspect --json`, `septet estimate --json` and the C++ names; the module's members
 * (analyze, encodeParts, nationalLanguages) are JavaScript identifiers. The camelCase option
 * names of septet 0.1 (udhOctets, graphemeSafe, referenceSize, pricePerPart, maxParts,
 * perRecipient, onlyIfFewerParts) are still read; giving both names with different values throws.
 *
 * Errors: a result always has every field listed here. What the data gets wrong (text that is
 * not valid UTF-16, a template Sinch would refuse, a body over a limit, a number that is no
 * MSISDN) is `error`: null, or a {@link SeptetError}, the same shape everywhere. A wrong call
 * throws, and nothing else does: a TypeError for an argument of the wrong type (`analyze()`,
 * `analyze(42)`, options that are not an object), a RangeError for a value outside its set (an
 * unknown profile or national language, `reference_size: 12`, a reference over 255 with 8-bit
 * references, a negative price, options the core refuses such as `udh_octets: 139`). Both carry
 * `code`: 'invalid_argument' or 'invalid_option'.
 *
 * Indices are JavaScript string indices (UTF-16 code units), so they can highlight the text.
 */

export interface SeptetError {
  /** Stable code, e.g. "utf16_unpaired_surrogate", "body_too_long" (septet::errc names). */
  code: string;
  /** English description. */
  message: string;
  /** JavaScript string index (UTF-16 code units) where the problem is. */
  index: number;
}

/** What a wrong call throws: a TypeError or a RangeError with this code. */
export interface SeptetUsageError extends Error {
  code: 'invalid_argument' | 'invalid_option';
}

export interface Segment {
  /** JavaScript string indices of the part's text: [begin, end). */
  begin: number;
  end: number;
  /** Septets (an extension character counts 2) or UTF-16 units (an astral character counts 2). */
  units: number;
  /** Characters (code points), as Analysis.characters counts them. */
  characters: number;
  /** Units this part can hold: capacity.single_part for a message of one part, else per_part. */
  capacity: number;
  text: string;
}

export interface Character {
  /** The character itself. */
  char: string;
  /** "U+20AC". */
  code_point: string;
  /** JavaScript string index. */
  index: number;
}

export interface Analysis {
  encoding: 'gsm7' | 'ucs2';
  /** Code points. */
  characters: number;
  /** Septets (GSM 7-bit) or UTF-16 units (UCS-2). */
  units: number;
  parts: number;
  units_remaining: number;
  utf16_units: number;
  capacity: { single_part: number; per_part: number };
  /** The parts, each with its units against its capacity. */
  segments: Segment[];
  /** The characters GSM 03.38 lacks, which force the whole message to UCS-2, in text order. */
  non_gsm: Character[];
  /**
   * In GSM 7-bit, the characters sent as escape + septet (the extension table, or the national
   * single-shift table in use): 2 septets each. Empty for UCS-2, where they take one unit.
   */
  extension: Character[];
  first_non_gsm: { index: number; code_point: string } | null;
  /** The national language tables used, when options.national allowed some and they helped. */
  national: { locking: string; single_shift: string } | null;
  within_limits: boolean;
  /** Invalid text (a lone surrogate): the figures cover the text before `error.index`. */
  error: SeptetError | null;
  /** Over Sinch's 2000-character body cap or 255 parts. */
  limit: SeptetError | null;
}

export interface AnalyzeOptions {
  /** UDH octets per concatenated part: 6 (8-bit reference, 153/67) or 7 (16-bit, 152/66). */
  udh_octets?: number;
  /** A route's capacities by name: 'default', 'ref16', 'us-toll-free', 'us-cellular'. */
  profile?: string;
  /** National language tables (TS 23.038 Annex A) to consider: 'none' (default), 'auto', or
   * codes such as ['tr', 'es']; the pair that sends the fewest parts is used. */
  national?: 'none' | 'auto' | string[];
  /** Keep grapheme clusters (emoji sequences, flags, combining marks) whole. */
  grapheme_safe?: boolean;
  /** @deprecated septet 0.1's name of udh_octets. */
  udhOctets?: number;
  /** @deprecated septet 0.1's name of grapheme_safe. */
  graphemeSafe?: boolean;
}

export interface EncodedPart {
  /** User data header in hex, empty for a single part. */
  udh: string;
  /** User data in hex: packed septets (or one per octet when unpacked), or UTF-16BE. */
  ud: string;
  /** TP-UDL: septets (UDH included) for GSM 7-bit, octets for UCS-2. */
  udl: number;
  data_coding: number;
  esm_class: number;
  begin: number;
  end: number;
  text: string;
}

export interface EncodeOptions {
  /** Concatenation reference of 8 (default) or 16 bits. */
  reference_size?: 8 | 16;
  /** 0..255, or 0..65535 with 16-bit references. */
  reference?: number;
  unpacked?: boolean;
  grapheme_safe?: boolean;
  /** @deprecated septet 0.1's name of reference_size. */
  referenceSize?: 8 | 16;
  /** @deprecated septet 0.1's name of grapheme_safe. */
  graphemeSafe?: boolean;
}

export interface Encoded {
  /** null with `error`. */
  encoding: 'gsm7' | 'ucs2' | null;
  /** null with `error`. */
  data_coding: number | null;
  /** Empty with `error`. */
  parts: EncodedPart[];
  error: SeptetError | null;
}

export interface Recipient {
  /** A string; a number is read as its digits. */
  msisdn: string | number;
  /** Values are read with String(): numbers are fine. */
  values?: Record<string, string | number>;
}

export interface EstimateOptions extends AnalyzeOptions {
  /** Sinch's `parameters.<key>.default`. */
  defaults?: Record<string, string | number>;
  /** A number (rounded to micro-units, as the CLI's --prices) or a decimal string ('0.0075'). */
  price_per_part?: number | string;
  /** Sinch's max_number_of_message_parts, 0..255 (0: none): more fails the recipient (411). */
  max_parts?: number;
  /** Fill per_recipient. */
  per_recipient?: boolean;
  /** @deprecated septet 0.1's name of price_per_part. */
  pricePerPart?: number | string;
  /** @deprecated septet 0.1's name of max_parts. */
  maxParts?: number;
  /** @deprecated septet 0.1's name of per_recipient. */
  perRecipient?: boolean;
}

/** Money in integer micro-units (millionths), so that sums are exact. */
export interface Cost {
  /** The nearest double of the exact amount: 0.15, never 0.15000000000000002. */
  cost: number;
  /** The exact amount in micro-units: add these. */
  cost_micros: number;
  /** The exact amount as a decimal string: '0.15'. */
  cost_decimal: string;
}

export interface Estimate {
  /** A template Sinch would refuse: then nothing is counted (every number 0, every list empty). */
  error: SeptetError | null;
  recipients: number;
  failed: number;
  failures: { msisdn: string; reason: string }[];
  /**
   * What Sinch's older guide refused in the template and its current documents allow (a "${"
   * that opens no placeholder, a key over 16 characters): sent as written.
   */
  warnings: SeptetError[];
  parts: number;
  parts_by_encoding: { text: number; unicode: number };
  /** Without options.price_per_part, cost, cost_micros and cost_decimal are null. */
  cost: number | null;
  cost_micros: number | null;
  cost_decimal: string | null;
  /** Filled with options.per_recipient. */
  per_recipient: { msisdn: string; body: string; parts: number; encoding: 'text' | 'unicode' }[];
}

export interface Replacement {
  /** JavaScript string index of the replaced character. */
  index: number;
  char: string;
  code_point: string;
  /** What it becomes ('' when deleted). */
  to: string;
  kind: 'quote' | 'dash' | 'ellipsis' | 'space' | 'invisible' | 'latin' | 'greek' | 'full_width';
}

export interface Transliteration {
  /** The new text; with `error`, the text as given. */
  text: string;
  applied: boolean;
  replacements: Replacement[];
  before: { encoding: 'gsm7' | 'ucs2'; parts: number };
  after: { encoding: 'gsm7' | 'ucs2'; parts: number };
  error: SeptetError | null;
}

export interface TransliterateOptions extends AnalyzeOptions {
  /** Leave the text alone unless replacing sends fewer parts. */
  only_if_fewer_parts?: boolean;
  /** @deprecated septet 0.1's name of only_if_fewer_parts. */
  onlyIfFewerParts?: boolean;
}

export interface ParsedMsisdn {
  /** Digits only, as Sinch echoes them; null with `error`. */
  msisdn: string | null;
  error: SeptetError | null;
}

export interface Septet {
  /** Look-alikes to GSM (docs/transliteration.md), with every replacement reported. */
  transliterate(text: string, options?: TransliterateOptions): Transliteration;
  /** Profile names analyze() takes. */
  profiles: string[];
  /** National language codes analyze() takes: 'tr', 'es', 'pt', 'bn', ... 'ur'. */
  nationalLanguages: string[];
  analyze(text: string, options?: AnalyzeOptions): Analysis;
  encodeParts(text: string, options?: EncodeOptions): Encoded;
  estimate(template: string, recipients: Iterable<Recipient>, options?: EstimateOptions): Estimate;
  /** The cost of `parts` at `price_per_part` (a number or a decimal string), exact. */
  cost(parts: number, price_per_part: number | string): Cost;
  parseMsisdn(text: string): ParsedMsisdn;
  /** parseMsisdn(text).msisdn: digits only, as Sinch echoes them, or null. */
  normaliseMsisdn(text: string | number): string | null;
}

export default function init(): Promise<Septet>;
