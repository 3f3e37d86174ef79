import { open } from 'node:fs/promises';
import { AppError, type ImportIssue } from '../contract';
import { csvItems } from './csv-items';
import type { CsvSegment } from './csv-segments';
import type { RawRecord } from './csv-stream';
import {
  SNIFF_BYTES,
  assertEncoding,
  assertLooksLikeText,
  detectDelimiter,
  detectEncoding,
  fileKind,
} from './detect';
import { validate } from './records';
import { decodeBuffer } from './text-stream';

export type { RawRecord } from './csv-stream';

export { MAX_FIELD_CHARS } from './records';

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

/** Validated data records, or a segment of CSV text still to be parsed and validated (prepareWork). */
export type SourceItem = { records: RawRecord[] } | { segment: CsvSegment };

/** An opened file whose data come as SourceItems (see openSegmentedSource). */
export interface SegmentedSource extends Omit<OpenedSource, 'batches'> {
  items: AsyncGenerator<SourceItem>;
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
  const { items, ...rest } = await openSegmentedSource(path, opts, onIssue, null, signal, progress);
  async function* batches(): AsyncGenerator<RawRecord[]> {
    for await (const item of items) if ('records' in item) yield item.records;
  }
  return { ...rest, batches: batches() };
}

/**
 * Opens a file like openSource; with `segmentRecords`, a CSV file's data after the first chunk come as
 * segments of about that many records (csv-items.ts) that are parsed and validated by prepareWork in
 * the prepare threads, so the import thread does not parse them. Closing `items` early stops reading.
 */
export async function openSegmentedSource(
  path: string,
  opts: ReadOptions,
  onIssue: (issue: ImportIssue) => void,
  segmentRecords: number | null,
  signal?: AbortSignal,
  progress?: { bytes: number },
): Promise<SegmentedSource> {
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
    async function* items(): AsyncGenerator<SourceItem> {
      for (let i = 0; i < book.records.length; i += 5000) {
        if (signal?.aborted) return;
        if (progress) progress.bytes = Math.round((size * i) / Math.max(1, book.records.length));
        const out: RawRecord[] = [];
        for (const r of book.records.slice(i, i + 5000)) {
          const ok = validate(r, headers, false, onIssue);
          if (ok) out.push(ok);
        }
        yield { records: out };
      }
    }
    return { info, headers, warnings, items: items() };
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
  const raw = csvItems(path, encoding, delimiter, route, segmentRecords, signal, progress);
  let header: RawRecord | undefined;
  let firstRecords: RawRecord[] = [];
  let firstCheck = false;
  while (!header) {
    const next = await raw.next();
    if (next.done) break;
    // Items are records until the header has been read (csvItems).
    if (!('records' in next.value)) throw new Error('openSource: a segment before the header');
    [header, ...firstRecords] = next.value.records;
    firstCheck = next.value.checkUtf8;
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
  async function* items(): AsyncGenerator<SourceItem> {
    const keep = (recs: RawRecord[], checkUtf8: boolean) =>
      recs.map((r) => validate(r, headers, checkUtf8, onIssue)).filter((r): r is RawRecord => r !== null);
    yield { records: keep(firstRecords, firstCheck) };
    for await (const b of raw) yield 'records' in b ? { records: keep(b.records, b.checkUtf8) } : b;
  }
  return { info, headers, warnings, items: items() };
}
