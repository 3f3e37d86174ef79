import type { Store } from '../store/db';
import type { ImportIssue, ImportSummary } from '../contract';
import { type Candidate, type Prepared, fillEmpty } from './prepare';
import { CONTACT_COLUMNS, type ContactRow, parseAttributes } from './rows';

/** Most issues kept in the summary and the `imports` row; the counts stay exact beyond it. */
export const MAX_ISSUES = 10_000;

const NOW_MS = "CAST(unixepoch('subsec') * 1000 AS INTEGER)";

/** What `writeImport` needs besides the prepared contacts. */
export interface ImportMeta {
  fileName: string;
  rows: number;
  mapping: Record<string, string>;
  /** Problems found while reading the file (ragged rows, bad quotes). */
  readIssues: ImportIssue[];
}

function statements(store: Store) {
  const db = store.sqlite;
  return {
    insertImport: db.prepare<[string]>('INSERT INTO imports (file_name) VALUES (?)'),
    byEmail: db.prepare<[string], ContactRow>(`SELECT ${CONTACT_COLUMNS} FROM contacts WHERE email = ?`),
    byPhone: db.prepare<[string], ContactRow>(`SELECT ${CONTACT_COLUMNS} FROM contacts WHERE phone = ?`),
    insertContact: db.prepare(
      `INSERT INTO contacts (first_name, last_name, email, phone, phone_type, language, attributes, import_id)
       VALUES (@firstName, @lastName, @email, @phone, @phoneType, @language, @attributes, @importId)`,
    ),
    updateContact: db.prepare(
      `UPDATE contacts SET first_name = @firstName, last_name = @lastName, email = @email, phone = @phone,
         phone_type = @phoneType, language = @language, attributes = @attributes, updated_at = ${NOW_MS}
       WHERE id = @id`,
    ),
    finishImport: db.prepare(
      `UPDATE imports SET rows = @rows, imported = @imported, updated = @updated, duplicates = @duplicates,
         invalid_phone = @invalidPhone, invalid_email = @invalidEmail, no_channel = @noChannel, issues = @issues
       WHERE id = @id`,
    ),
  };
}

/**
 * Fills a stored contact's empty fields from `c`; never clears or overwrites a value. The phone is
 * filled only when no other stored contact has it (`phoneTaken`). Returns true when the row changed.
 */
function mergeInto(
  st: ReturnType<typeof statements>,
  row: ContactRow,
  c: Candidate,
  phoneTaken: boolean,
): boolean {
  const into = {
    firstName: row.first_name,
    lastName: row.last_name,
    language: row.language,
    attributes: parseAttributes(row.attributes),
  };
  const before = JSON.stringify([row.email, row.phone, row.phone_type]);
  let changed = fillEmpty(into, c);
  let { email, phone, phone_type: phoneType } = row;
  if (!email) email = c.email;
  if (!phone && !phoneTaken) phone = c.phone;
  if (phone && phone === c.phone && !phoneType) phoneType = c.phoneType;
  changed ||= JSON.stringify([email, phone, phoneType]) !== before;
  if (changed) {
    st.updateContact.run({
      ...into,
      email,
      phone,
      phoneType,
      attributes: JSON.stringify(into.attributes),
      id: row.id,
    });
  }
  return changed;
}

/**
 * Writes one import in a single synchronous better-sqlite3 transaction: an `imports` row, every new
 * contact (with that `import_id`), the empty fields of stored contacts that share an email or phone
 * (DB matches are neither imported nor duplicates), then the counts and issues on the `imports` row.
 * A row whose email belongs to one stored contact and phone to another updates the email's contact and
 * gets a `conflict` issue. Throws SqliteError on I/O failure; nothing is written then.
 */
export function writeImport(store: Store, meta: ImportMeta, prepared: Prepared): ImportSummary {
  const st = statements(store);
  return store.sqlite.transaction((): ImportSummary => {
    const importId = Number(st.insertImport.run(meta.fileName).lastInsertRowid);
    const conflicts: ImportIssue[] = [];
    let imported = 0;
    let updated = 0;
    for (const c of prepared.candidates) {
      const byEmail = c.email ? st.byEmail.get(c.email) : undefined;
      const byPhone = c.phone ? st.byPhone.get(c.phone) : undefined;
      const existing = byEmail ?? byPhone;
      if (!existing) {
        const { line: _line, attributes, ...fields } = c;
        st.insertContact.run({ ...fields, attributes: JSON.stringify(attributes), importId });
        imported++;
        continue;
      }
      const phoneTaken = byPhone !== undefined && byPhone.id !== existing.id;
      if (mergeInto(st, existing, c, phoneTaken)) updated++;
      if (phoneTaken) {
        conflicts.push({
          line: c.line,
          field: '(row)',
          code: 'conflict',
          message:
            `The email ${c.email} belongs to one saved contact and the phone number ${c.phone} to another. ` +
            'Only the contact with this email was updated. Check which of the two is right.',
          value: `${c.email} / ${c.phone}`,
        });
      }
    }
    const issues = [...meta.readIssues, ...prepared.issues, ...conflicts]
      .sort((a, b) => a.line - b.line)
      .slice(0, MAX_ISSUES);
    const summary: ImportSummary = {
      importId,
      fileName: meta.fileName,
      rows: meta.rows,
      valid: prepared.candidates.length,
      imported,
      updated,
      duplicates: prepared.duplicates,
      invalidPhone: prepared.invalidPhone,
      invalidEmail: prepared.invalidEmail,
      noChannel: prepared.noChannel,
      mapping: meta.mapping,
      issues,
    };
    const { rows, duplicates, invalidPhone, invalidEmail, noChannel } = summary;
    const counts = { rows, imported, updated, duplicates, invalidPhone, invalidEmail, noChannel };
    st.finishImport.run({ ...counts, id: importId, issues: JSON.stringify(issues) });
    return summary;
  })();
}
