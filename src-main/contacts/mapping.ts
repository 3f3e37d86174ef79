import { type ColumnField, CONTACT_FIELDS, attributeKey } from '../contract';

export { attributeKey } from '../contract';
import { fieldOfHeader, phoneRank } from './header-words';

/** What a column feeds: a contact field, a full name to split, a consent, tags, an attribute, or nothing. */
export type MappedField = ColumnField;

/**
 * One column's role. `key` is the attribute key for `attribute` and `company` columns (company is kept
 * as the attribute `company`), else the field name. `rank` orders several email or phone columns:
 * the row takes the first valid value in rank order (phones: WhatsApp, then mobile, then others).
 */
export interface ColumnPlan {
  index: number;
  header: string;
  field: MappedField;
  key: string;
  rank: number;
}

/** Fields at most one column may feed; a second column naming one becomes an attribute. */
const SINGLE: ReadonlySet<MappedField> = new Set<MappedField>([
  'first_name',
  'last_name',
  'full_name',
  'language',
  'company',
  'email_consent',
  'whatsapp_consent',
  'email_opt_out',
  'whatsapp_opt_out',
  'preferred_channel',
  'tags',
]);

/** Field names a template already uses; an attribute must not shadow them. */
const RESERVED = new Set<string>([...CONTACT_FIELDS, 'language', 'company']);

/** Case-, accent- and punctuation-insensitive form of a header: "E-Mail Adresse" → `emailadresse`. */
export function headerToken(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * Guesses every column's field from its header in English, German, French, Spanish and Portuguese,
 * and the exports of Google Contacts, Outlook, Mailchimp and HubSpot (see header-words.ts). Every
 * email-like and phone-like column is kept (ranked, see ColumnPlan); each other field goes to the first
 * column naming it; "Nombre"/"Nome" mean the first name when a last-name column exists, else the full
 * name. Everything else is an attribute.
 */
export function guessFields(headers: readonly string[]): MappedField[] {
  const tokens = headers.map(headerToken);
  const fields = tokens.map(fieldOfHeader);
  const hasLast = fields.includes('last_name');
  return fields.map((f, i) => {
    if (f !== 'first_or_full') return f ?? 'attribute';
    return hasLast || tokens.some((t, j) => j !== i && fields[j] === 'first_name')
      ? 'first_name'
      : 'full_name';
  });
}

/**
 * Builds the column plan from one field per column (a guess or the user's choice; missing entries are
 * attributes). A single-valued field named twice keeps its first column; the rest become attributes.
 * Attribute keys are unique and never shadow a contact field (a second "Phone" kept as attribute
 * becomes `phone_2`).
 */
export function planFromFields(headers: readonly string[], chosen: readonly MappedField[]): ColumnPlan[] {
  const taken = new Set<MappedField>();
  const tokens = headers.map(headerToken);
  const plan: ColumnPlan[] = headers.map((header, index) => {
    let field: MappedField = chosen[index] ?? 'attribute';
    if (SINGLE.has(field)) {
      if (taken.has(field)) field = 'attribute';
      else taken.add(field);
    }
    const rank = field === 'phone' ? (phoneRank(tokens[index] ?? '') ?? 3) * 1000 + index : index;
    return { index, header, field, key: field, rank };
  });
  const used = new Set<string>(RESERVED);
  for (const col of plan) {
    if (col.field === 'company') col.key = 'company';
    if (col.field !== 'attribute') continue;
    const base = attributeKey(col.header, col.index);
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base}_${n}`;
    used.add(key);
    col.key = key;
  }
  return plan;
}

/** `planFromFields(headers, guessFields(headers))`. */
export function planColumns(headers: readonly string[]): ColumnPlan[] {
  return planFromFields(headers, guessFields(headers));
}

/** Header → field for a plan (the import record's `mapping`). */
export function mappingOf(plan: readonly ColumnPlan[]): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const col of plan) if (!Object.hasOwn(mapping, col.header)) mapping[col.header] = col.field;
  return mapping;
}

/** Header → guessed field, keyed by the original header. */
export function guessMapping(headers: string[]): Record<string, string> {
  return mappingOf(planColumns(headers));
}
