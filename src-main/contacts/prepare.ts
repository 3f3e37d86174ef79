import type { ImportIssue } from '../contract';
import type { CsvRecord } from './csv';
import type { ColumnPlan } from './mapping';
import { isNormaliseError, normaliseEmail, normalisePhone } from './normalise';

/** A contact read from the file, normalised and deduplicated within the file; not yet in the database. */
export interface Candidate {
  /** Line of the row that created it. */
  line: number;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  phoneType: string | null;
  language: string | null;
  attributes: Record<string, string>;
}

/** The contacts a file yields, the problems found and their counts (see ImportSummary). */
export interface Prepared {
  candidates: Candidate[];
  issues: ImportIssue[];
  duplicates: number;
  invalidPhone: number;
  invalidEmail: number;
  noChannel: number;
}

/** The fields of a candidate that a later row, or the file for a stored contact, may fill when empty. */
export type Fillable = Pick<Candidate, 'firstName' | 'lastName' | 'language' | 'attributes'>;

/** Copies `from`'s names, language and attributes into `into` where `into` has nothing; true if anything changed. */
export function fillEmpty(into: Fillable, from: Fillable): boolean {
  let changed = false;
  for (const k of ['firstName', 'lastName', 'language'] as const) {
    if (into[k] || !from[k]) continue;
    into[k] = from[k];
    changed = true;
  }
  for (const [key, value] of Object.entries(from.attributes)) {
    if (into.attributes[key] || !value) continue;
    into.attributes[key] = value;
    changed = true;
  }
  return changed;
}

/** Splits "Ana María López" into first word and the rest, for files with a single name column. */
function splitName(full: string): [string | null, string | null] {
  const [first = '', ...rest] = full.split(/\s+/);
  return [first || null, rest.join(' ') || null];
}

function readRow(record: CsvRecord, plan: ColumnPlan[], defaultCountry: string, issues: ImportIssue[]) {
  const c: Candidate = {
    line: record.line,
    firstName: null,
    lastName: null,
    email: null,
    phone: null,
    phoneType: null,
    language: null,
    attributes: {},
  };
  let fullName = '';
  const bad = { email: false, phone: false };
  for (const col of plan) {
    const value = (record.fields[col.index] ?? '').trim();
    if (value === '') continue;
    switch (col.field) {
      case 'first_name':
        c.firstName = value;
        break;
      case 'last_name':
        c.lastName = value;
        break;
      case 'full_name':
        fullName = value;
        break;
      case 'language':
        c.language = value;
        break;
      case 'email': {
        const email = normaliseEmail(value);
        if (isNormaliseError(email)) {
          bad.email = true;
          issues.push({
            line: c.line,
            field: col.header,
            code: 'invalid_email',
            message: email.error,
            value,
          });
        } else c.email = email;
        break;
      }
      case 'phone': {
        const phone = normalisePhone(value, defaultCountry);
        if (isNormaliseError(phone)) {
          bad.phone = true;
          issues.push({
            line: c.line,
            field: col.header,
            code: 'invalid_phone',
            message: phone.error,
            value,
          });
        } else [c.phone, c.phoneType] = [phone.e164, phone.type];
        break;
      }
      case 'attribute':
        c.attributes[col.key] = value;
        break;
    }
  }
  if (!c.firstName && !c.lastName && fullName) [c.firstName, c.lastName] = splitName(fullName);
  return { candidate: c, bad };
}

function duplicateIssue(
  c: Candidate,
  plan: ColumnPlan[],
  sameEmail?: Candidate,
  samePhone?: Candidate,
): ImportIssue {
  const header = (field: string) => plan.find((p) => p.field === field)?.header ?? field;
  const first = (sameEmail ?? samePhone) as Candidate;
  let why: string;
  if (sameEmail && samePhone && sameEmail !== samePhone) {
    why = `the same email as line ${sameEmail.line} and the same phone number as line ${samePhone.line}`;
  } else {
    why = `the same ${[sameEmail && 'email', samePhone && 'phone number'].filter(Boolean).join(' and ')} as line ${first.line}`;
  }
  return {
    line: c.line,
    field: header(sameEmail ? 'email' : 'phone'),
    code: 'duplicate',
    message:
      `Duplicate: this row has ${why}. It was merged into the contact of line ${first.line} (only that ` +
      "contact's empty fields were filled). If they are different people, give each its own email and phone.",
    value: (sameEmail ? c.email : c.phone) ?? undefined,
  };
}

/**
 * Normalises every record and merges rows that share an E.164 phone or a lower-cased email with the
 * first row that has it: that row's empty fields are filled, the later row is counted in `duplicates`
 * and reported. A row without a valid email or phone is dropped and counted in `noChannel`; its invalid
 * value is reported once (an `invalid_*` issue saying the row was skipped), or a `no_channel` issue when
 * both were empty. `invalidPhone`/`invalidEmail` count every rejected value, kept rows included.
 */
export function prepareContacts(records: CsvRecord[], plan: ColumnPlan[], defaultCountry: string): Prepared {
  const out: Prepared = {
    candidates: [],
    issues: [],
    duplicates: 0,
    invalidPhone: 0,
    invalidEmail: 0,
    noChannel: 0,
  };
  const byEmail = new Map<string, Candidate>();
  const byPhone = new Map<string, Candidate>();
  for (const record of records) {
    const rowIssues: ImportIssue[] = [];
    const { candidate: c, bad } = readRow(record, plan, defaultCountry, rowIssues);
    if (bad.email) out.invalidEmail++;
    if (bad.phone) out.invalidPhone++;
    if (!c.email && !c.phone) {
      out.noChannel++;
      for (const issue of rowIssues) {
        issue.message += ' The row has no other email or phone, so it was not imported.';
      }
      if (rowIssues.length === 0) {
        rowIssues.push({
          line: c.line,
          field: '(row)',
          code: 'no_channel',
          message:
            'This row has no email address and no phone number, so it was not imported. Add one, or delete the row.',
        });
      }
      out.issues.push(...rowIssues);
      continue;
    }
    out.issues.push(...rowIssues);
    const sameEmail = c.email ? byEmail.get(c.email) : undefined;
    const samePhone = c.phone ? byPhone.get(c.phone) : undefined;
    const first = sameEmail ?? samePhone;
    if (!first) {
      out.candidates.push(c);
      if (c.email) byEmail.set(c.email, c);
      if (c.phone) byPhone.set(c.phone, c);
      continue;
    }
    out.duplicates++;
    fillEmpty(first, c);
    // An address the first row lacks is free to take: had another row claimed it, it would have matched.
    if (!first.email && c.email && !sameEmail) {
      first.email = c.email;
      byEmail.set(c.email, first);
    }
    if (!first.phone && c.phone && !samePhone) {
      first.phone = c.phone;
      first.phoneType = c.phoneType;
      byPhone.set(c.phone, first);
    }
    out.issues.push(duplicateIssue(c, plan, sameEmail, samePhone));
  }
  return out;
}
