import Papa from 'papaparse';
import type { ImportIssue } from '../contract';

/** One CSV record and the 1-based physical line of the file it starts on. */
export interface RawRecord {
  line: number;
  fields: string[];
}

/**
 * Longest record that may still be incomplete (4 Mi characters). A record growing beyond it is a quote
 * that is never closed: it is reported and reading resumes on the next line, so memory stays bounded.
 */
export const MAX_PENDING_CHARS = 4 * 1024 * 1024;

/** Line feeds in `text` from index `from` up to (not including) `to`. */
export function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function quoteCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) n++;
  return n;
}

function badQuotes(line: number, snippet: string, runaway: boolean): ImportIssue {
  return {
    line,
    field: '(row)',
    code: 'bad_quotes',
    message: runaway
      ? 'This row opens a quote (") that is never closed, so the rest of the file would be read as one value. ' +
        'The line was skipped and reading went on with the next line. Close the quote, or remove it.'
      : 'This row has a quote (") that is not closed or is followed by other text, so the line was not ' +
        'imported. Close the quote, or remove it.',
    value: snippet.slice(0, 200),
  };
}

/**
 * Incremental CSV reader over papaparse's core `Parser` (RFC 4180 quoting: delimiters, doubled quotes
 * and newlines inside quotes). Feed it LF-normalised text with `push` as it arrives and call `end` once;
 * each returns the records completed so far. Blank records (also `,,,`) are skipped but counted in the
 * line numbers. A record with a broken quote is reported through `onIssue` (`bad_quotes`, at its first
 * line) and reading resumes at the following physical line, so the good rows after it still import.
 */
export class CsvRecordReader {
  private pending = '';
  private pendingLine: number;
  /** The pending text holds an odd number of quotes: a quoted value is still open. */
  private openQuote = false;

  /** `firstLine`: the file line the first pushed character is on (2 after an Excel `sep=` line). */
  constructor(
    private readonly delimiter: string,
    private readonly onIssue: (issue: ImportIssue) => void,
    firstLine = 1,
  ) {
    this.pendingLine = firstLine;
  }

  /** Appends `text` and returns the records it completes. */
  push(text: string): RawRecord[] {
    this.pending += text;
    // Inside an open quote nothing completes until a quote arrives: skip re-parsing the pending text.
    if (this.openQuote && quoteCount(text) % 2 === 0 && this.pending.length <= MAX_PENDING_CHARS) return [];
    const out = this.drain(false);
    this.openQuote = quoteCount(this.pending) % 2 === 1;
    return out;
  }

  /**
   * Stops reading here: returns the text not yet made into records (it starts at a record boundary)
   * and the file line it starts on. The reader is spent afterwards.
   */
  detach(): { text: string; line: number } {
    const rest = { text: this.pending, line: this.pendingLine };
    this.pending = '';
    return rest;
  }

  /** Returns the last records; the reader is spent afterwards. */
  end(): RawRecord[] {
    return this.drain(true);
  }

  private drain(final: boolean): RawRecord[] {
    const out: RawRecord[] = [];
    const text = this.pending;
    let base = 0;
    let line = this.pendingLine;
    for (;;) {
      let cursor = base;
      let restart = -1;
      const parser = new Papa.Parser({
        delimiter: this.delimiter,
        newline: '\n',
        quoteChar: '"',
        step: (r: Papa.ParseStepResult<string[]>) => {
          if (restart >= 0) return;
          // papaparse's cursor already counts from `base` (the baseIndex passed to parse below).
          const end = r.meta.cursor;
          const fields = (r.data as unknown as string[][])[0] ?? [];
          if (r.errors.some((e) => e.type === 'Quotes')) {
            const nl = text.indexOf('\n', cursor);
            this.onIssue(badQuotes(line, text.slice(cursor, nl < 0 ? undefined : nl), false));
            restart = nl < 0 ? text.length : nl + 1;
            line++;
            parser.abort();
            return;
          }
          const startLine = line;
          line += countNewlines(text, cursor, end);
          cursor = end;
          if (!fields.every((f) => f === '' || f.trim() === '')) out.push({ line: startLine, fields });
        },
      });
      parser.parse(base === 0 ? text : text.slice(base), base, !final);
      if (restart >= 0) {
        base = restart;
        continue;
      }
      const rest = text.length - cursor;
      if (!final && rest > MAX_PENDING_CHARS) {
        const nl = text.indexOf('\n', cursor);
        this.onIssue(badQuotes(line, text.slice(cursor, cursor + 200), true));
        base = nl < 0 ? text.length : nl + 1;
        line++;
        continue;
      }
      this.pending = final ? '' : text.slice(cursor);
      this.pendingLine = line;
      return out;
    }
  }
}
