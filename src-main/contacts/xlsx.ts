import readXlsxFile from 'read-excel-file/node';
import { AppError } from '../contract';
import type { RawRecord } from './csv-stream';

/** One worksheet of a workbook as text: header, data records (line = Excel row number) and sheet names. */
export interface Workbook {
  sheets: string[];
  sheet: string;
  header: string[];
  records: RawRecord[];
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/**
 * Reads an .xlsx workbook with read-excel-file (https://gitlab.com/catamphetamine/read-excel-file):
 * the chosen sheet, or the first one. Numbers keep the digits Excel stored (no float rounding, so phone
 * numbers survive), dates become ISO dates. The library reads the whole sheet into memory: workbooks are
 * bounded by Excel's 1,048,576 rows, unlike CSV which is streamed. Blank rows are skipped; the first
 * non-blank row is the header. Throws AppError('bad_file') for a damaged workbook, a missing sheet or
 * a sheet without rows.
 */
export async function readWorkbook(path: string, sheet?: string): Promise<Workbook> {
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    sheets = (await readXlsxFile(path, { parseNumber: (s: string) => s, trim: false })) as {
      sheet: string;
      data: unknown[][];
    }[];
  } catch (e) {
    throw new AppError(
      'bad_file',
      `This file could not be read as an Excel workbook (.xlsx): ${e instanceof Error ? e.message : String(e)}. Open it in Excel and save it again, or save it as CSV UTF-8.`,
    );
  }
  const names = sheets.map((s) => s.sheet);
  const chosen = sheet === undefined ? sheets[0] : sheets.find((s) => s.sheet === sheet);
  if (!chosen) {
    throw new AppError(
      'bad_file',
      sheet === undefined
        ? 'The workbook has no worksheets.'
        : `The workbook has no sheet called "${sheet}". Its sheets: ${names.join(', ')}.`,
    );
  }
  const rows = chosen.data.map((row, i) => ({ line: i + 1, fields: row.map(cellText) }));
  const nonBlank = rows.filter((r) => r.fields.some((f) => f.trim() !== ''));
  const [header, ...records] = nonBlank;
  if (!header) throw new AppError('bad_file', `The sheet "${chosen.sheet}" is empty.`);
  // read-excel-file pads every row to the sheet's width; trailing empty columns are not real columns.
  let width = header.fields.length;
  while (width > 0 && header.fields[width - 1]?.trim() === '') width--;
  for (const r of records) while (r.fields.length < width) r.fields.push('');
  return { sheets: names, sheet: chosen.sheet, header: header.fields.slice(0, width), records };
}
