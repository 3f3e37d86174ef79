import { AppError, type ImportSummary } from '../contract';
import type { Store } from '../store/db';
import { readCsv } from './csv';
import { mappingOf, planColumns } from './mapping';
import { prepareContacts } from './prepare';
import { writeImport } from './write';

/** What to import: the file's name (for the import history), its UTF-8 text, and the default country. */
export interface ImportInput {
  fileName: string;
  content: string;
  /** ISO 3166-1 alpha-2 country for phone numbers written without a country code. */
  defaultCountry: string;
}

/**
 * Imports a CSV of contacts: reads it (see `readCsv`), guesses the columns (see `planColumns`),
 * normalises and deduplicates the rows (see `prepareContacts`) and writes them in one transaction
 * (see `writeImport`). `onProgress` gets the number of data records read so far, every 1000 and at the end.
 * Throws AppError('bad_file') for an empty, binary or non-UTF-8 file, a header without rows, or a file
 * with no email or phone column; nothing is written then.
 */
export function importCsv(
  store: Store,
  input: ImportInput,
  onProgress?: (rowsRead: number) => void,
): ImportSummary {
  const table = readCsv(input.content, onProgress);
  const plan = planColumns(table.headers);
  if (!plan.some((c) => c.field === 'email' || c.field === 'phone')) {
    const found = table.headers.map((h) => `"${h}"`).join(', ');
    const firstRowIsData = table.headers.some((h) => h.includes('@') || /^\+?[\d\s()-]{7,}$/.test(h));
    throw new AppError(
      'bad_file',
      firstRowIsData
        ? `The first row looks like a contact, not column names (found ${found}). Add a header row such as "First Name,Last Name,Email,Phone" and import again.`
        : `No column looks like an email or a phone number. Found columns: ${found}. Name the email column "Email" or the phone column "Phone" and import again.`,
    );
  }
  const prepared = prepareContacts(table.records, plan, input.defaultCountry);
  const mapping = mappingOf(plan);
  return writeImport(
    store,
    { fileName: input.fileName, rows: table.rows, mapping, readIssues: table.issues },
    prepared,
  );
}
