import type { ImportIssue } from '../contract';
import { CsvRecordReader, type RawRecord } from './csv-stream';
import { type CsvSegment, CsvSegmenter, type SegmentsOut } from './csv-segments';
import { sepLine } from './detect';
import { decodeFile } from './text-stream';

/** Text first handed to the reader while it looks for the header (doubled for each further piece). */
const HEADER_PIECE_CHARS = 4096;

/** Records parsed on this thread (`checkUtf8`: look for U+FFFD in their fields), or a segment left unparsed. */
export type CsvItem = { records: RawRecord[]; checkUtf8: boolean } | { segment: CsvSegment };

/**
 * Streams a CSV file (decodeFile) as items in file order. Records are parsed here (CsvRecordReader)
 * until the first one, the header, has been read (with the rest of the piece it came in); then, when
 * `segmentRecords` is given, the rest of the file comes as segments of about that many records for the
 * prepare threads to parse (see csv-segments.ts), falling back to parsing here for good from the first
 * irregular record on. Problems met parsing here go to `onIssue`.
 */
export async function* csvItems(
  path: string,
  encoding: string,
  delimiter: string,
  onIssue: (i: ImportIssue) => void,
  segmentRecords: number | null,
  signal?: AbortSignal,
  progress?: { bytes: number },
): AsyncGenerator<CsvItem> {
  const utf8 = encoding === 'utf-8';
  let reader: CsvRecordReader | null = null;
  let segmenter: CsvSegmenter | null = null;
  let segmented = false;
  let pieceChars = HEADER_PIECE_CHARS;
  // Every field of a UTF-8 file is checked for U+FFFD (validate): a record can straddle two read
  // chunks, so the chunk that completes it says nothing about its bytes.
  const records = (recs: RawRecord[]): CsvItem => ({ records: recs, checkUtf8: utf8 });
  /** The segments of `out`, then, on a hand-over, the records the new reader makes of the rest. */
  function* take(out: SegmentsOut): Generator<CsvItem> {
    for (const segment of out.segments) yield { segment };
    if (!out.sequential) return;
    segmenter = null;
    reader = new CsvRecordReader(delimiter, onIssue, out.sequential.line);
    yield records(reader.push(out.sequential.text));
  }
  for await (let text of decodeFile(path, encoding, signal, progress)) {
    if (segmenter) {
      yield* take((segmenter as CsvSegmenter).push(text));
      continue;
    }
    if (!reader) {
      const sep = sepLine(text);
      reader = new CsvRecordReader(delimiter, onIssue, sep ? 2 : 1);
      if (sep) text = text.slice(sep.length);
    }
    if (segmentRecords === null || segmented || delimiter.length !== 1) {
      yield records((reader as CsvRecordReader).push(text));
      continue;
    }
    // Parse only as far as the header (the first record), a piece at a time (each twice the last, so
    // a header of megabytes is not parsed again for every 4 KiB); segment the rest.
    for (let at = 0; at < text.length && !segmented;) {
      const piece = text.slice(at, at + pieceChars);
      at += piece.length;
      pieceChars *= 2;
      const recs = (reader as CsvRecordReader).push(piece);
      if (recs.length === 0) continue;
      yield records(recs);
      segmented = true;
      const rest = (reader as CsvRecordReader).detach();
      reader = null;
      segmenter = new CsvSegmenter(delimiter, rest.line, segmentRecords);
      yield* take(segmenter.push(rest.text + text.slice(at)));
    }
  }
  if (segmenter) yield* take((segmenter as CsvSegmenter).end());
  if (reader) yield records((reader as CsvRecordReader).end());
}
