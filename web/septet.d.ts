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
}

export interface AnalyzeOptions {
  /** UDH octets per concatenated part: 6 (8-bit reference, 153/67) or 7 (16-bit, 152/66). */
  udhOctets?: number;
  /** Keep grapheme clusters (emoji sequences, flags, combining marks) whole. */
  graphemeSafe?: boolean;
}

export interface Septet {
  analyze(text: string, options?: AnalyzeOptions): Analysis;
}

export default function init(): Promise<Septet>;
