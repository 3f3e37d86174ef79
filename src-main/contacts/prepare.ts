import type { ImportIssue, PreferredChannel } from '../contract';
import { type Consent, consentFromCell } from './consent';
import type { RawRecord } from './csv-stream';
import type { ColumnPlan } from './mapping';
import { isNormaliseError, normaliseEmail, normalisePhone } from './normalise';
import { parsePreferredChannel } from './preferred';

/** A contact read from one row, normalised; not yet deduplicated or written. Structured-clone safe. */
export interface Candidate {
  line: number;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  phoneType: string | null;
  language: string | null;
  emailConsent: Consent | null;
  whatsappConsent: Consent | null;
  preferredChannel: PreferredChannel | null;
  tags: string[];
  /**
   * The row's named attributes (company and every column kept as an attribute) as JSON object text, as
   * stored in `contacts.attributes`: made once here, so the import thread never parses or re-encodes it.
   */
  attributes: string;
}

/** One row after normalisation: the candidate (null when it has no valid channel) and its problems. */
export interface PreparedRow {
  candidate: Candidate | null;
  issues: ImportIssue[];
  /** A non-empty email (phone) value was present but none was valid. */
  badEmail: boolean;
  badPhone: boolean;
}

/** Google Contacts puts several values in one cell separated by ` ::: `. */
const MULTI = ' ::: ';

/** Splits "Ana María López" into first word and the rest, for files with a single name column. */
function splitName(full: string): [string | null, string | null] {
  const [first = '', ...rest] = full.split(/\s+/);
  return [first || null, rest.join(' ') || null];
}

/** The phone columns of a plan in rank order, worked out once per plan rather than once per row. */
const phoneColumns = new WeakMap<readonly ColumnPlan[], ColumnPlan[]>();
function phonesOf(plan: readonly ColumnPlan[]): ColumnPlan[] {
  let phones = phoneColumns.get(plan);
  if (!phones) {
    phones = plan.filter((p) => p.field === 'phone').sort((a, b) => a.rank - b.rank);
    phoneColumns.set(plan, phones);
  }
  return phones;
}

function values(raw: string): string[] {
  return raw.includes(MULTI) ? raw.split(MULTI).map((v) => v.trim()) : [raw];
}

/** Tag names in a cell: separated by ` ::: `, `,` or `;`; Google's system labels (`* myContacts`) are left out. */
export function tagNames(raw: string): string[] {
  return raw
    .split(/ ::: |[,;]/)
    .map((t) => t.trim().replace(/^"|"$/g, ''))
    .filter((t) => t !== '' && !t.startsWith('* '))
    .map((t) => t.slice(0, 100));
}

/**
 * Normalises one data row with the column plan: names (a full name is split when there is no first or
 * last name), the first valid email and the first valid phone over the mapped columns in rank order
 * and every ` ::: ` value in a cell (phones to E.164 with `defaultCountry`, libphonenumber-js `max`),
 * consent (yes/no in five languages; opt-out columns inverted), tags, and attributes. A row with
 * neither a valid email nor a valid phone has no candidate; its invalid value, or a `no_channel`
 * issue, is reported once. An invalid value beside a valid channel is reported once, the row kept.
 */
export function prepareRecord(
  rec: RawRecord,
  plan: readonly ColumnPlan[],
  defaultCountry: string,
): PreparedRow {
  const c: Candidate = {
    line: rec.line,
    firstName: null,
    lastName: null,
    email: null,
    phone: null,
    phoneType: null,
    language: null,
    emailConsent: null,
    whatsappConsent: null,
    preferredChannel: null,
    tags: [],
    attributes: '{}',
  };
  const attributes: Record<string, string> = {};
  let hasAttributes = false;
  const issues: ImportIssue[] = [];
  let fullName = '';
  let emailError: ImportIssue | null = null;
  let phoneError: ImportIssue | null = null;
  for (const col of plan) {
    const value = (rec.fields[col.index] ?? '').trim();
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
      case 'email':
        if (c.email) break;
        for (const v of values(value)) {
          const email = normaliseEmail(v);
          if (!isNormaliseError(email)) {
            c.email = email;
            break;
          }
          emailError ??= {
            line: rec.line,
            field: col.header,
            code: 'invalid_email',
            message: email.error,
            value: v,
          };
        }
        break;
      case 'phone':
        break; // below, in rank order
      case 'email_consent':
      case 'whatsapp_consent':
      case 'email_opt_out':
      case 'whatsapp_opt_out': {
        const consent = consentFromCell(value, col.field.endsWith('opt_out'));
        const key = col.field.startsWith('email') ? 'emailConsent' : 'whatsappConsent';
        if (consent === undefined) {
          issues.push({
            line: rec.line,
            field: col.header,
            code: 'invalid_consent',
            message:
              'This is not a yes/no answer (yes, no, true, false, 1, 0, ja, sí, sim, oui…), so no consent was recorded.',
            value,
          });
        } else if (consent !== null && c[key] !== 'denied') c[key] = consent;
        break;
      }
      case 'preferred_channel': {
        const preferred = parsePreferredChannel(value);
        if (preferred === undefined)
          issues.push({
            line: rec.line,
            field: col.header,
            code: 'invalid_preferred_channel',
            message: 'This is not a channel (email or WhatsApp), so no preferred channel was recorded.',
            value,
          });
        else c.preferredChannel = preferred;
        break;
      }
      case 'tags':
        c.tags = tagNames(value);
        break;
      case 'company':
      case 'attribute':
        attributes[col.key] = value;
        hasAttributes = true;
        break;
      case 'ignore':
        break;
    }
  }
  for (const col of phonesOf(plan)) {
    const cell = (rec.fields[col.index] ?? '').trim();
    if (cell === '') continue;
    for (const v of values(cell)) {
      if (v === '') continue;
      const phone = normalisePhone(v, defaultCountry);
      if (!isNormaliseError(phone)) {
        c.phone = phone.e164;
        c.phoneType = phone.type;
        break;
      }
      phoneError ??= {
        line: rec.line,
        field: col.header,
        code: 'invalid_phone',
        message: phone.error,
        value: v,
      };
    }
    if (c.phone) break;
  }
  if (hasAttributes) c.attributes = JSON.stringify(attributes);
  if (!c.firstName && !c.lastName && fullName) [c.firstName, c.lastName] = splitName(fullName);
  const badEmail = !c.email && emailError !== null;
  const badPhone = !c.phone && phoneError !== null;
  const bad: ImportIssue[] = [];
  if (badEmail && emailError) bad.push(emailError);
  if (badPhone && phoneError) bad.push(phoneError);
  if (!c.email && !c.phone) {
    for (const issue of bad) issue.message += ' The row has no other email or phone, so it was not imported.';
    if (bad.length === 0) {
      bad.push({
        line: rec.line,
        field: '(row)',
        code: 'no_channel',
        message:
          'This row has no email address and no phone number, so it was not imported. Add one, or delete the row.',
      });
    }
    return { candidate: null, issues: [...bad, ...issues], badEmail, badPhone };
  }
  return { candidate: c, issues: issues.length === 0 ? bad : [...bad, ...issues], badEmail, badPhone };
}
