import Papa from 'papaparse';
import { AppError, type ImportIssue } from '../contract';

/** One data record and the 1-based physical line of the file it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** A parsed CSV: header, the well-formed records, and the records that had to be dropped. */
export interface CsvTable {
  headers: string[];
  records: CsvRecord[];
  /** Data records read, dropped ones included. */
  rows: number;
  /** `ragged_row` and `bad_quotes` problems; those records are not in `records`. */
  issues: ImportIssue[];
}

/** How often `onProgress` is called while reading, in records. */
export const PROGRESS_EVERY_ROWS = 1000;

const EXPORT_HINT = 'In Excel use File › Save As › "CSV UTF-8 (Comma delimited)" and import that file.';

/** Throws AppError('bad_file') when `content` is binary or not UTF-8 text. */
function assertText(content: string): void {
  const sample = content.slice(0, 65_536);
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0x7f || c === 0xfffd) odd++;
  }
  if (sample.includes('\0') || odd / sample.length > 0.1) {
    throw new AppError(
      'bad_file',
      `This file is not a CSV text file (it looks like a binary file). ${EXPORT_HINT}`,
    );
  }
  // U+FFFD is what a UTF-8 decoder leaves for bytes it could not read: a Windows-1252 or Mac Roman export.
  const bad = content.indexOf('\uFFFD');
  if (bad >= 0) {
    const line = 1 + countNewlines(content, 0, bad);
    throw new AppError(
      'bad_file',
      `This file is not UTF-8 text: line ${line} has characters that could not be read (often accented letters). ${EXPORT_HINT}`,
    );
  }
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function badQuotes(line: number, fields: string[]): ImportIssue {
  return {
    line,
    field: '(row)',
    code: 'bad_quotes',
    message:
      'This row has a quote (") that is not closed or is followed by other text, so what follows was read ' +
      'as one field and the row was not imported. Close the quote, or remove it.',
    value: fields.join(',').slice(0, 200),
  };
}

/** A record wider than the header is fine when the extra fields are empty (trailing separators). */
function raggedRow(line: number, fields: string[], width: number): ImportIssue | null {
  if (
    fields.length === width ||
    (fields.length > width && fields.slice(width).every((f) => f.trim() === ''))
  ) {
    return null;
  }
  return {
    line,
    field: '(row)',
    code: 'ragged_row',
    message:
      `This row has ${fields.length} fields but the header has ${width}, so the row was not imported. ` +
      'Look for a missing or extra separator, or put a value that contains one in double quotes.',
    value: fields.join(',').slice(0, 200),
  };
}

/**
 * Reads CSV text (UTF-8 already decoded; a BOM is dropped) with papaparse, which detects the delimiter
 * (`,` `;` tab `|`). The first non-blank row is the header; blank rows (also `,,,`) are skipped. Line numbers count
 * physical lines, so a quoted field spanning lines moves the next record's line down.
 * Throws AppError('bad_file') for an empty, binary or non-UTF-8 file, or a header without data rows.
 */
export function readCsv(raw: string, onProgress?: (rowsRead: number) => void): CsvTable {
  const content = (raw.startsWith('\uFEFF') ? raw.slice(1) : raw).replace(/\r\n?/g, '\n');
  if (content.trim() === '') {
    throw new AppError(
      'bad_file',
      'The file is empty. Choose a CSV file with a header row and one contact per row.',
    );
  }
  assertText(content);

  // Papaparse guesses the delimiter from the first rows; blank lines must be skipped for a good guess,
  // but skipping them in the real pass would hide where each record starts.
  const { delimiter } = Papa.parse<string[]>(content, { preview: 10, skipEmptyLines: 'greedy' }).meta;
  const table: CsvTable = { headers: [], records: [], rows: 0, issues: [] };
  const state = { headerRead: false, headerProblem: '', line: 1, scanned: 0 };
  Papa.parse<string[]>(content, {
    delimiter,
    step: (result) => {
      const fields = result.data;
      // Every record, blank ones included, starts where the previous one ended (after its newline).
      const line = state.line;
      state.line += countNewlines(content, state.scanned, result.meta.cursor);
      state.scanned = result.meta.cursor;
      if (fields.every((f) => f.trim() === '')) return;
      const quoteError = result.errors.some((e) => e.type === 'Quotes');
      if (!state.headerRead) {
        state.headerRead = true;
        table.headers = fields.map((h) => h.trim());
        if (quoteError) state.headerProblem = `The header row (line ${line}) has a quote that is not closed.`;
        return;
      }
      table.rows++;
      if (onProgress && table.rows % PROGRESS_EVERY_ROWS === 0) onProgress(table.rows);
      const problem = quoteError ? badQuotes(line, fields) : raggedRow(line, fields, table.headers.length);
      if (problem) table.issues.push(problem);
      else table.records.push({ line, fields: fields.slice(0, table.headers.length) });
    },
  });
  if (state.headerProblem)
    throw new AppError('bad_file', `${state.headerProblem} Fix the column names and import again.`);
  if (table.rows === 0) throw new AppError('bad_file', 'The file has a header row but no contacts.');
  onProgress?.(table.rows);
  return table;
}
