import type { ImportIssue } from '../contract';
import type { RawRecord } from './csv-stream';
import type { Candidate, PreparedRow } from './prepare';

/**
 * Compact forms of the batches that cross between the import thread and its prepare threads.
 *
 * Why: `postMessage` structured-clones its payload, and for an array of objects V8 writes and reads
 * every property name of every object; for 2,000 rows that was ~3 µs a row spent on the import thread
 * (the pipeline's serial stage) just to receive a prepared batch. Flat arrays of strings, numbers and
 * nulls clone at a fraction of that cost, and rebuilding the objects in JavaScript is cheap.
 */

/** Candidate fields in wire order, except `tags` (sent at the end of a row). */
const SCALARS = [
  'line',
  'firstName',
  'lastName',
  'email',
  'phone',
  'phoneType',
  'language',
  'emailConsent',
  'whatsappConsent',
  'preferredChannel',
  'attributes',
] as const satisfies readonly (keyof Candidate)[];

/** Fails to compile when Candidate gains a field that the wire form does not carry. */
type Unsent = Exclude<keyof Candidate, (typeof SCALARS)[number] | 'tags'>;
const everyFieldSent: [Unsent] extends [never] ? true : never = true;
void everyFieldSent;

/** A batch of records as `[line, fields, line, fields, …]`. */
export type PackedRecords = (number | string[])[];

/** Packs records for a prepare thread. */
export function packRecords(records: readonly RawRecord[]): PackedRecords {
  const out: PackedRecords = new Array<number | string[]>(records.length * 2);
  for (let i = 0; i < records.length; i++) {
    out[2 * i] = records[i]!.line;
    out[2 * i + 1] = records[i]!.fields;
  }
  return out;
}

/** Unpacks what packRecords made. */
export function unpackRecords(packed: PackedRecords): RawRecord[] {
  const out: RawRecord[] = new Array<RawRecord>(packed.length / 2);
  for (let i = 0; i < out.length; i++)
    out[i] = { line: packed[2 * i] as number, fields: packed[2 * i + 1] as string[] };
  return out;
}

type Cell = string | number | null | ImportIssue[] | string[];
/**
 * A batch of prepared rows, one after the other: flags (1 bad email, 2 bad phone, 4 has a candidate),
 * the issues or null; then for a candidate the SCALARS in order and the tags or null when none.
 */
export type PackedRows = Cell[];

/** Packs prepared rows for the import thread. */
export function packPrepared(rows: readonly PreparedRow[]): PackedRows {
  const out: PackedRows = [];
  for (const row of rows) {
    const c = row.candidate;
    out.push(
      (row.badEmail ? 1 : 0) | (row.badPhone ? 2 : 0) | (c ? 4 : 0),
      row.issues.length > 0 ? row.issues : null,
    );
    if (!c) continue;
    for (const key of SCALARS) out.push(c[key]);
    out.push(c.tags.length > 0 ? c.tags : null);
  }
  return out;
}

/** Unpacks what packPrepared made: rows equal (deep) to the ones packed. */
export function unpackPrepared(packed: PackedRows): PreparedRow[] {
  const rows: PreparedRow[] = [];
  let i = 0;
  while (i < packed.length) {
    const flags = packed[i++] as number;
    const issues = (packed[i++] as ImportIssue[] | null) ?? [];
    let candidate: Candidate | null = null;
    if (flags & 4) {
      // One object literal in SCALARS order: every candidate shares one hidden class.
      candidate = {
        line: packed[i] as number,
        firstName: packed[i + 1] as string | null,
        lastName: packed[i + 2] as string | null,
        email: packed[i + 3] as string | null,
        phone: packed[i + 4] as string | null,
        phoneType: packed[i + 5] as string | null,
        language: packed[i + 6] as string | null,
        emailConsent: packed[i + 7] as Candidate['emailConsent'],
        whatsappConsent: packed[i + 8] as Candidate['whatsappConsent'],
        preferredChannel: packed[i + 9] as Candidate['preferredChannel'],
        attributes: packed[i + 10] as string,
        tags: (packed[i + 11] as string[] | null) ?? [],
      };
      i += SCALARS.length + 1;
    }
    rows.push({ candidate, issues, badEmail: (flags & 1) !== 0, badPhone: (flags & 2) !== 0 });
  }
  return rows;
}
