import type { ImportIssue } from '../contract';
import type { RawRecord } from './csv-stream';

/** Longest value kept in a field (64 KiB of text); a longer one is reported and left empty. */
export const MAX_FIELD_CHARS = 64 * 1024;

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
export function validate(
  rec: RawRecord,
  headers: readonly string[],
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
