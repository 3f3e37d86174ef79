import { countNewlines } from './csv-stream';

/**
 * Cutting CSV text into segments of whole records without parsing it, so that parsing (papaparse,
 * field strings, validation) runs in the prepare threads instead of the import thread, which only
 * reads, cuts and writes.
 *
 * Why it is exact: a segment is cut only after a record that this scanner has read the way papaparse
 * reads a well-formed record (a field that starts with `"` runs to a `"` not doubled, which must be
 * followed by the delimiter or a line end; any other field runs to the next delimiter or line end,
 * quotes inside it being plain text). On such text papaparse ends its records at the same places, so
 * parsing each segment alone (CsvRecordReader, from its first line) gives exactly the records and
 * line numbers of parsing the whole file. Anything else (a closing quote followed by other text, a
 * quote never closed, a record longer than MAX_RECORD_CHARS) is "irregular": from the start of that
 * record on, the caller parses sequentially as before, with the reader's own recovery and messages.
 */

/** A run of whole records of the file, starting at file line `firstLine`. */
export interface CsvSegment {
  text: string;
  firstLine: number;
}

/** What a push or the end produced: whole segments, then possibly the text to parse sequentially. */
export interface SegmentsOut {
  segments: CsvSegment[];
  /** Set once: from this text (at `line`) on, the file must be parsed sequentially. */
  sequential: { text: string; line: number } | null;
}

/** Longest record the scanner waits for before handing the file to the sequential reader (1 MiB). */
export const MAX_RECORD_CHARS = 1024 * 1024;

/**
 * Most text in one segment (512 Ki characters): a segment is cut after this much even when it holds
 * fewer records than asked, so files with long rows (notes, addresses) keep each prepare thread's batch,
 * and its heap, small.
 */
export const MAX_SEGMENT_CHARS = 512 * 1024;

const QUOTE = 34;
const NEWLINE = 10;
const INCOMPLETE = -1;
const IRREGULAR = -2;

/**
 * Splits LF-normalised CSV text (pushed as it is decoded, after the header) into segments of about
 * `recordsPerSegment` records each.
 */
export class CsvSegmenter {
  private pending = '';
  private line: number;
  private done = false;
  private readonly delim: number;
  /**
   * The next delimiter at or after the scan position in the text being cut (-1: none left), or -2
   * when not looked up yet: a file with no delimiter at all (one column) would otherwise search to
   * the end of the text for every record.
   */
  private nextDelim = -2;

  constructor(
    private readonly delimiter: string,
    firstLine: number,
    private readonly recordsPerSegment: number,
  ) {
    if (delimiter.length !== 1)
      throw new Error(`CsvSegmenter: one-character delimiter expected, got "${delimiter}"`);
    this.delim = delimiter.charCodeAt(0);
    this.line = firstLine;
  }

  /** Appends `text`; returns the segments it completes. */
  push(text: string): SegmentsOut {
    if (this.done) throw new Error('CsvSegmenter: push after the sequential hand-over');
    this.pending += text;
    return this.cut(false);
  }

  /** At the end of the file: the last segment (or the hand-over). */
  end(): SegmentsOut {
    if (this.done) return { segments: [], sequential: null };
    // A final record without a line end reads like one with it; the extra blank line is skipped.
    if (this.pending !== '' && !this.pending.endsWith('\n')) this.pending += '\n';
    return this.cut(true);
  }

  /**
   * The end of the record starting at `p` (just past its line feed), INCOMPLETE when the text ends
   * first, IRREGULAR when it is not a record papaparse reads without complaint.
   */
  private record(text: string, p: number): number {
    let nl = text.indexOf('\n', p);
    for (;;) {
      if (text.charCodeAt(p) === QUOTE) {
        let q = p + 1;
        for (;;) {
          q = text.indexOf('"', q);
          if (q < 0 || q + 1 >= text.length) return INCOMPLETE;
          const next = text.charCodeAt(q + 1);
          if (next === QUOTE) {
            q += 2;
            continue;
          }
          if (next === NEWLINE) return q + 2;
          if (next !== this.delim) return IRREGULAR;
          p = q + 2;
          break;
        }
        if (nl >= 0 && nl < p) nl = text.indexOf('\n', p); // the quoted value held line feeds
      } else {
        if (nl < 0) return INCOMPLETE;
        let d = this.nextDelim;
        if (d === -2 || (d >= 0 && d < p)) d = this.nextDelim = text.indexOf(this.delimiter, p);
        if (d < 0 || d > nl) return nl + 1;
        p = d + 1;
      }
    }
  }

  private cut(final: boolean): SegmentsOut {
    const out: SegmentsOut = { segments: [], sequential: null };
    const text = this.pending;
    this.nextDelim = -2;
    let start = 0;
    let p = 0;
    let records = 0;
    const emit = (end: number) => {
      const segment = text.slice(start, end);
      out.segments.push({ text: segment, firstLine: this.line });
      this.line += countNewlines(segment, 0, segment.length);
      start = end;
      records = 0;
    };
    while (p < text.length) {
      const end = this.record(text, p);
      if (end === INCOMPLETE && !final && text.length - p <= MAX_RECORD_CHARS) break;
      if (end < 0) {
        // Irregular (or unfinished at the end of the file, or too long): the reader takes over here.
        if (p > start) emit(p);
        out.sequential = { text: text.slice(start), line: this.line };
        this.pending = '';
        this.done = true;
        return out;
      }
      p = end;
      if (++records >= this.recordsPerSegment || p - start >= MAX_SEGMENT_CHARS) emit(p);
    }
    // Fewer records than a segment wait for more text (they are scanned again then), unless it is the end.
    if (final && p > start) emit(p);
    this.pending = text.slice(start);
    return out;
  }
}
