/**
 * Display names for how an imported file was read. Decoding itself happens in the main process
 * (BOM, UTF-16, strict UTF-8, chardet + iconv-lite); the renderer only shows the result and offers
 * overrides. Labels are WHATWG / iconv-lite names (https://encoding.spec.whatwg.org/).
 */
const ENCODING_NAMES: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE (Excel “Unicode Text”)',
  'utf-16be': 'UTF-16 BE',
  'windows-1252': 'Windows-1252 (Western European, Excel on Windows)',
  'iso-8859-1': 'ISO-8859-1 (Latin-1)',
  'iso-8859-15': 'ISO-8859-15 (Latin-9)',
  'windows-1250': 'Windows-1250 (Central European)',
  'iso-8859-2': 'ISO-8859-2 (Latin-2)',
  'windows-1251': 'Windows-1251 (Cyrillic)',
  'koi8-r': 'KOI8-R (Russian)',
  'windows-1254': 'Windows-1254 (Turkish)',
  macintosh: 'Mac Roman',
  shift_jis: 'Shift JIS (Japanese)',
  gb18030: 'GB18030 (Chinese)',
  big5: 'Big5 (Traditional Chinese)',
  'euc-kr': 'EUC-KR (Korean)',
};

/** Encodings offered as overrides, in menu order. */
export const ENCODING_CHOICES = Object.keys(ENCODING_NAMES);

/** A readable name for an encoding label ("windows-1252" → "Windows-1252 (Western European, …)"). */
export function encodingName(label: string | null): string {
  if (!label) return '—';
  return ENCODING_NAMES[label] ?? label.toUpperCase();
}

/** Delimiters offered as overrides, with their names. */
export const DELIMITER_CHOICES: { value: ',' | ';' | '\t' | '|'; label: string }[] = [
  { value: ',', label: 'Comma ( , )' },
  { value: ';', label: 'Semicolon ( ; )' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Pipe ( | )' },
];

/** A readable name for a delimiter. */
export function delimiterName(d: string | null): string {
  return DELIMITER_CHOICES.find((c) => c.value === d)?.label ?? d ?? '—';
}
