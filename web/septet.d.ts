export interface SeptetError {
  /** Stable code, e.g. "utf16_unpaired_surrogate", "body_too_long". */
  code: string;
  message: string;
  /** JavaScript string index (UTF-16 code units) where the problem is. */
  index: number;
}

export interface Segment {
  begin: number;
  end: number;
  units: number;
  text: string;
}

export interface NonGsmCharacter {
  char: string;
  code_point: string;
  index: number;
}

export interface Analysis {
  encoding: 'gsm7' | 'ucs2';
  characters: number;
  units: number;
  parts: number;
  units_remaining: number;
  utf16_units: number;
  capacity: { single_part: number; per_part: number };
  segments: Segment[];
  non_gsm: NonGsmCharacter[];
  first_non_gsm?: { index: number; code_point: string };
  within_limits: boolean;
  /** Invalid text (a lone surrogate): the figures cover the text before `error.index`. */
  error: SeptetError | null;
  /** Over Sinch's 2000-character body cap or 255 parts. */
  limit: SeptetError | null;
  /** The national language tables used, when options.national allowed some and they helped. */
  national?: { locking: string; single_shift: string };
}

export interface AnalyzeOptions {
  /** UDH octets per concatenated part: 6 (8-bit reference, 153/67) or 7 (16-bit, 152/66). */
  udhOctets?: number;
  /** A route's capacities by name: 'default', 'ref16', 'us-toll-free', 'us-cellular'. */
  profile?: string;
  /** National language tables (TS 23.038 Annex A) to consider: 'none' (default), 'auto', or
   * codes such as ['tr', 'es']; the pair that sends the fewest parts is used. */
  national?: 'none' | 'auto' | string[];
  /** Keep grapheme clusters (emoji sequences, flags, combining marks) whole. */
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
  referenceSize?: 8 | 16;
  reference?: number;
  unpacked?: boolean;
  graphemeSafe?: boolean;
}

export interface Encoded {
  data_coding?: number;
  encoding?: 'gsm7' | 'ucs2';
  parts: EncodedPart[];
  error: SeptetError | null;
}

export interface Recipient {
  msisdn: string;
  values?: Record<string, string>;
}

export interface EstimateOptions extends AnalyzeOptions {
  defaults?: Record<string, string>;
  pricePerPart?: number;
  maxParts?: number;
  perRecipient?: boolean;
}

export interface Estimate {
  error?: SeptetError;
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
  cost: number | null;
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
  text: string;
  applied: boolean;
  replacements: Replacement[];
  before: { encoding: 'gsm7' | 'ucs2'; parts: number };
  after: { encoding: 'gsm7' | 'ucs2'; parts: number };
  error?: SeptetError;
}

export interface TransliterateOptions extends AnalyzeOptions {
  /** Leave the text alone unless replacing sends fewer parts. */
  onlyIfFewerParts?: boolean;
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
  estimate(template: string, recipients: Recipient[], options?: EstimateOptions): Estimate;
  /** Digits only, as Sinch echoes them, or null. */
  normaliseMsisdn(text: string): string | null;
}

export default function init(): Promise<Septet>;
