import { open } from 'node:fs/promises';
import { AppError, type ImportIssue } from '../contract';
import { CsvRecordReader, type RawRecord } from './csv-stream';
import {
  SNIFF_BYTES,
  assertEncoding,
  assertLooksLikeText,
  detectDelimiter,
  detectEncoding,
  fileKind,
  sepLine,
} from './detect';
import { decodeBuffer, decodeFile } from './text-stream';

export type { RawRecord } from './csv-stream';

/** Longest value kept in a field (64 KiB of text); a longer one is reported and left empty. */
export const MAX_FIELD_CHARS = 64 * 1024;

/** What the user may override about how a file is read. */
export interface ReadOptions {
  encoding?: string;
  delimiter?: string;
  /** Worksheet name of an .xlsx file; the first sheet by default. */
  sheet?: string;
}

/** How a file is being read: guesses and the values in use (which differ when the user overrode one). */
export interface SourceInfo {
  kind: 'csv' | 'xlsx';
  encoding: string | null;
  detectedEncoding: string | null;
  delimiter: string | null;
  detectedDelimiter: string | null;
  sheets: string[];
  sheet: string | null;
}

/** An opened file: its header (unique names) and a stream of validated data records in batches. */
export interface OpenedSource {
  info: SourceInfo;
  headers: string[];
  /** Notes about the header (renamed duplicates, blank names), in the user's words. */
  warnings: string[];
  /** Data records, `fields` exactly as wide as `headers`. Problems go to the `onIssue` of `openSource`. */
  batches: AsyncGenerator<RawRecord[]>;
}

async function readHead(path: string): Promise<{ head: Buffer; complete: boolean; size: number }> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await fh.read(buf, 0, SNIFF_BYTES, 0);
    const { size } = await fh.stat();
    return { head: buf.subarray(0, bytesRead), complete: bytesRead >= size, size };
  } finally {
    await fh.close();
  }
}

/** Unique, non-blank header names: a blank one becomes `Column N`, a repeat `Name (2)`. */
export function uniqueHeaders(raw: readonly string[]): { headers: string[]; warnings: string[] } {
  const seen = new Set<string>();
  const warnings: string[] = [];
  const headers = raw.map((h, i) => {
    let name = h.replace(/^\uFEFF/, '').trim() || `Column ${i + 1}`;
    if (seen.has(name.toLowerCase())) {
      let n = 2;
      while (seen.has(`${name} (${n})`.toLowerCase())) n++;
      warnings.push(
        `The column name "${name}" appears more than once; column ${i + 1} is called "${name} (${n})".`,
      );
      name = `${name} (${n})`;
    }
    seen.add(name.toLowerCase());
    return name;
  });
  return { headers, warnings };
}

function ragged(line: number, fields: string[], width: number): ImportIssue {
  return {
    line,
    field: '(row)',
    code: 'ragged_row',
    message:
      `This row has ${fields.length} fields but the header has ${width}, so the row was not imported. ` +
      'Look for a missing or extra separator, or put a value that contains one in double quotes.',
    value: fields.join(' | ').slice(0, 200),
  };
}

/**
 * Checks one data record against the header: a record wider than the header is fine when the extra
 * fields are empty (trailing separators); any other width is a `ragged_row` (dropped). A field over
 * MAX_FIELD_CHARS is reported (`field_too_long`) and emptied, and U+FFFD in a UTF-8 file
 * (`invalid_utf8`) is reported; the row's other fields stay usable. Returns the record or null.
 */
function validate(
  rec: RawRecord,
  headers: string[],
  checkUtf8: boolean,
  onIssue: (i: ImportIssue) => void,
): RawRecord | null {
  const width = headers.length;
  const { fields, line } = rec;
  if (fields.length !== width) {
    if (fields.length < width || fields.slice(width).some((f) => f.trim() !== '')) {
      onIssue(ragged(line, fields, width));
      return null;
    }
    fields.length = width;
  }
  for (let i = 0; i < width; i++) {
    const f = fields[i] ?? '';
    if (f.length > MAX_FIELD_CHARS) {
      onIssue({
        line,
        field: headers[i] ?? `Column ${i + 1}`,
        code: 'field_too_long',
        message: `This value is ${Math.round(f.length / 1024)} KiB long; values over 64 KiB are left out. The row's other fields were imported.`,
        value: `${f.slice(0, 100)}…`,
      });
      fields[i] = '';
    } else if (checkUtf8 && f.includes('\uFFFD')) {
      onIssue({
        line,
        field: headers[i] ?? `Column ${i + 1}`,
        code: 'invalid_utf8',
        message:
          'This value has bytes that are not valid UTF-8 (shown as �). Choose the encoding the file was saved in, such as Windows-1252, and import again.',
        value: f.slice(0, 200),
      });
    }
  }
  return rec;
}

async function* csvBatches(
  path: string,
  encoding: string,
  delimiter: string,
  onIssue: (i: ImportIssue) => void,
  signal?: AbortSignal,
  progress?: { bytes: number },
): AsyncGenerator<{ records: RawRecord[]; badUtf8: boolean }> {
  let reader: CsvRecordReader | null = null;
  for await (let text of decodeFile(path, encoding, signal, progress)) {
    if (!reader) {
      const sep = sepLine(text);
      reader = new CsvRecordReader(delimiter, onIssue, sep ? 2 : 1);
      if (sep) text = text.slice(sep.length);
    }
    const badUtf8 = encoding === 'utf-8' && text.includes('\uFFFD');
    yield { records: reader.push(text), badUtf8 };
  }
  if (reader) yield { records: reader.end(), badUtf8: encoding === 'utf-8' };
}

/**
 * Opens an uploaded file for reading: detects an .xlsx workbook or text, the encoding (see
 * detectEncoding) and the delimiter (see detectDelimiter) unless `opts` overrides them, and reads the
 * header (the first non-blank record). Problems with single rows go to `onIssue`; the stream stops
 * early when `signal` aborts; `progress.bytes` follows the bytes read (for a workbook, its share of rows). Throws AppError('bad_file') for an empty, binary or unreadable file, a
 * file without a header, or a header row with a broken quote.
 */
export async function openSource(
  path: string,
  opts: ReadOptions,
  onIssue: (issue: ImportIssue) => void,
  signal?: AbortSignal,
  progress?: { bytes: number },
): Promise<OpenedSource> {
  const { head, complete, size } = await readHead(path);
  if (fileKind(head) === 'xlsx') {
    const { readWorkbook } = await import('./xlsx');
    const book = await readWorkbook(path, opts.sheet);
    const { headers, warnings } = uniqueHeaders(book.header);
    const info: SourceInfo = {
      kind: 'xlsx',
      encoding: null,
      detectedEncoding: null,
      delimiter: null,
      detectedDelimiter: null,
      sheets: book.sheets,
      sheet: book.sheet,
    };
    async function* batches(): AsyncGenerator<RawRecord[]> {
      for (let i = 0; i < book.records.length; i += 5000) {
        if (signal?.aborted) return;
        if (progress) progress.bytes = Math.round((size * i) / Math.max(1, book.records.length));
        const out: RawRecord[] = [];
        for (const r of book.records.slice(i, i + 5000)) {
          const ok = validate(r, headers, false, onIssue);
          if (ok) out.push(ok);
        }
        yield out;
      }
    }
    return { info, headers, warnings, batches: batches() };
  }

  const detected = detectEncoding(head, complete);
  const encoding = opts.encoding ?? detected.encoding;
  assertEncoding(encoding);
  const sample = decodeBuffer(head, encoding);
  assertLooksLikeText(sample);
  if (sample.trim() === '')
    throw new AppError(
      'bad_file',
      'The file is empty. Choose a file with a header row and one contact per row.',
    );
  const detectedDelimiter = detectDelimiter(sample);
  const delimiter = opts.delimiter ?? detectedDelimiter;
  const info: SourceInfo = {
    kind: 'csv',
    encoding,
    detectedEncoding: detected.encoding,
    delimiter,
    detectedDelimiter,
    sheets: [],
    sheet: null,
  };
  let headerFound = false;
  const early: ImportIssue[] = [];
  const route = (i: ImportIssue) => (headerFound ? onIssue(i) : early.push(i));
  const raw = csvBatches(path, encoding, delimiter, route, signal, progress);
  let header: RawRecord | undefined;
  let firstRecords: RawRecord[] = [];
  let firstBad = false;
  while (!header) {
    const next = await raw.next();
    if (next.done) break;
    [header, ...firstRecords] = next.value.records;
    firstBad = next.value.badUtf8;
    if (early.length > 0 && (!header || early[0]!.line < header.line)) {
      await raw.return(undefined);
      throw new AppError(
        'bad_file',
        `The header row (line ${early[0]!.line}) has a quote that is not closed. Fix the column names and import again.`,
      );
    }
  }
  if (!header) {
    throw new AppError(
      'bad_file',
      'The file is empty. Choose a file with a header row and one contact per row.',
    );
  }
  headerFound = true;
  early.forEach(onIssue);
  const { headers, warnings } = uniqueHeaders(header.fields);
  async function* batches(): AsyncGenerator<RawRecord[]> {
    const keep = (recs: RawRecord[], bad: boolean) =>
      recs.map((r) => validate(r, headers, bad, onIssue)).filter((r): r is RawRecord => r !== null);
    yield keep(firstRecords, firstBad);
    for await (const b of raw) yield keep(b.records, b.badUtf8);
  }
  return { info, headers, warnings, batches: batches() };
}
