import chardet from 'chardet';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { AppError } from '../contract';

/** Bytes read from the start of a file to guess its kind, encoding and delimiter (1 MiB). */
export const SNIFF_BYTES = 1024 * 1024;

/** Delimiters Herald detects and accepts: comma, semicolon (European Excel), tab, pipe. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * Encodings the user may choose (WHATWG / iconv-lite labels). The detector only ever proposes
 * UTF-8, UTF-16 (with a BOM or an unmistakable NUL pattern) or what chardet names.
 */
export const ENCODINGS = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'windows-1252',
  'iso-8859-1',
  'iso-8859-15',
  'windows-1250',
  'iso-8859-2',
  'windows-1251',
  'koi8-r',
  'windows-1254',
  'macintosh',
  'shift_jis',
  'gb18030',
  'big5',
  'euc-kr',
] as const;

const EXPORT_HINT =
  'Save it from Excel or your address book as "CSV UTF-8 (Comma delimited)" or as an Excel workbook (.xlsx) and import that file.';

/** What a file is, judged from its first bytes. */
export type FileKind = 'text' | 'xlsx';

/** The guessed encoding and how it was found (`bom`, `utf8`, `utf16`, `chardet`, `fallback`). */
export interface EncodingGuess {
  encoding: string;
  reason: 'bom' | 'utf8' | 'utf16' | 'chardet' | 'fallback';
}

const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x1f, 0x8b], what: 'a compressed (gzip) file' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Excel 97–2003 workbook (.xls)' },
];

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/**
 * Decides whether `head` (the first bytes of a file) is an Excel workbook (a ZIP: `PK\x03\x04`) or text.
 * Throws AppError('bad_file') for an empty file or a recognisable non-text format (PDF, images, .xls…).
 */
export function fileKind(head: Uint8Array): FileKind {
  if (head.length === 0)
    throw new AppError(
      'bad_file',
      'The file is empty. Choose a file with a header row and one contact per row.',
    );
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'xlsx';
  const sig = SIGNATURES.find((s) => startsWith(head, s.bytes));
  if (sig) throw new AppError('bad_file', `This is ${sig.what}, not a CSV text file. ${EXPORT_HINT}`);
  return 'text';
}

/** True when `bytes` is valid UTF-8, ignoring a multi-byte sequence cut off at the end of a sample. */
function isUtf8(bytes: Uint8Array, complete: boolean): boolean {
  let end = bytes.length;
  if (!complete) {
    // Step back over a trailing sequence the sample may have cut (at most 3 continuation bytes).
    let i = end - 1;
    while (i >= 0 && i > end - 4 && ((bytes[i] ?? 0) & 0xc0) === 0x80) i--;
    if (i >= 0 && (bytes[i] ?? 0) >= 0xc0) end = i;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/** UTF-16 without a BOM: most ASCII text then has a NUL in every other byte. */
function utf16Pattern(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.6 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.6 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Western single-byte names chardet reports that Windows-1252 decodes best (it is their superset). */
const WESTERN = new Set(['ISO-8859-1', 'ISO-8859-15', 'windows-1252', 'ISO-8859-9']);

/**
 * Guesses the text encoding of `sample` (the file's first bytes; `complete` when it is the whole file):
 * a BOM (UTF-8, UTF-16 LE/BE), then strict UTF-8, then UTF-16 without BOM, then chardet
 * (https://github.com/runk/node-chardet): Western Latin results become Windows-1252 (a superset of
 * ISO-8859-1 that Excel on Windows writes), another encoding is taken when chardet is ≥ 50 % sure and
 * iconv-lite can decode it, else Windows-1252, which maps every byte.
 */
export function detectEncoding(sample: Uint8Array, complete: boolean): EncodingGuess {
  if (startsWith(sample, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', reason: 'bom' };
  if (startsWith(sample, [0xff, 0xfe])) return { encoding: 'utf-16le', reason: 'bom' };
  if (startsWith(sample, [0xfe, 0xff])) return { encoding: 'utf-16be', reason: 'bom' };
  const utf16 = utf16Pattern(sample);
  if (utf16) return { encoding: utf16, reason: 'utf16' };
  if (isUtf8(sample, complete)) return { encoding: 'utf-8', reason: 'utf8' };
  const [best] = chardet.analyse(sample);
  if (best && WESTERN.has(best.name)) return { encoding: 'windows-1252', reason: 'chardet' };
  const name = best?.name.toLowerCase();
  if (best && name && best.confidence >= 50 && !name.startsWith('utf') && iconv.encodingExists(name))
    return { encoding: name, reason: 'chardet' };
  return { encoding: 'windows-1252', reason: 'fallback' };
}

/** Throws AppError('bad_file') when `encoding` is not one iconv-lite can decode. */
export function assertEncoding(encoding: string): void {
  if (!iconv.encodingExists(encoding))
    throw new AppError(
      'bad_file',
      `Unknown text encoding "${encoding}". Choose one such as UTF-8 or Windows-1252.`,
    );
}

/**
 * Throws AppError('bad_file') when decoded text looks binary: NUL characters, or more than 10 % of the
 * first 64 Ki characters are control characters other than tab and line breaks.
 */
export function assertLooksLikeText(text: string): void {
  const sample = text.slice(0, 65_536);
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0x7f) odd++;
  }
  if (sample.includes('\0') || odd / Math.max(1, sample.length) > 0.1)
    throw new AppError(
      'bad_file',
      `This file is not a CSV text file (it looks like a binary file). ${EXPORT_HINT}`,
    );
}

/** Excel's `sep=;` first line, which names the delimiter and is not part of the data. */
export function sepLine(text: string): { delimiter: string; length: number } | null {
  const m = /^sep=(.)[ \t]*(\r\n|\n|\r|$)/i.exec(text);
  return m ? { delimiter: m[1] ?? ',', length: m[0].length } : null;
}

/**
 * Guesses the delimiter of decoded text (its first rows): Excel's `sep=` line when present, else
 * papaparse's guess among `,` `;` TAB `|` (the delimiter giving the most consistent field count).
 */
export function detectDelimiter(text: string): string {
  const sep = sepLine(text);
  if (sep) return sep.delimiter;
  const guess = Papa.parse<string[]>(text.slice(0, 256 * 1024), {
    preview: 50,
    skipEmptyLines: 'greedy',
    delimitersToGuess: [...DELIMITERS],
  }).meta.delimiter;
  return (DELIMITERS as readonly string[]).includes(guess) ? guess : ',';
}
