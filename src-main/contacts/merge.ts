import type { ExistingPolicy } from '../contract';
import { mergeConsent } from './consent';
import type { Candidate } from './prepare';
import { parseAttributes } from './rows';

/** The stored columns an import may change. */
export interface StoredContact {
  id: number;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  phone: string | null;
  phone_type: string | null;
  language: string | null;
  email_consent: string | null;
  whatsapp_consent: string | null;
  preferred_channel: string | null;
  attributes: string;
  import_id: number | null;
}

/** Columns to select for StoredContact. */
export const STORED_COLUMNS =
  'id, first_name, last_name, email, phone, phone_type, language, email_consent, whatsapp_consent, preferred_channel, attributes, import_id';

/** New values for a stored contact (all columns an import writes). */
export type ContactPatch = Omit<StoredContact, 'import_id'>;

/**
 * Merges a file's candidate into a stored contact. `fill` (also used for duplicates inside the file)
 * fills empty fields only; `overwrite` replaces names, language, attributes and, when no other contact
 * has it (`phoneTaken`), the phone with the file's non-empty values. The email is only ever filled when
 * empty. Consent follows `mergeConsent` (never cleared, a denial never becomes consent). Returns the
 * new row, or null when nothing changes (or `policy` is `skip`).
 */
export function mergeContact(
  row: StoredContact,
  c: Candidate,
  policy: ExistingPolicy,
  phoneTaken: boolean,
): ContactPatch | null {
  if (policy === 'skip') return null;
  const over = policy === 'overwrite';
  const pick = (stored: string | null, file: string | null) => (over ? (file ?? stored) : (stored ?? file));
  const attrs = parseAttributes(row.attributes);
  let attrsChanged = false;
  for (const [k, v] of Object.entries(parseAttributes(c.attributes))) {
    if (v === '' || attrs[k] === v || (!over && attrs[k])) continue;
    attrs[k] = v;
    attrsChanged = true;
  }
  let phone = row.phone;
  let phoneType = row.phone_type;
  if (c.phone && !phoneTaken && (over || !phone) && c.phone !== phone)
    [phone, phoneType] = [c.phone, c.phoneType];
  if (phone && phone === c.phone && !phoneType) phoneType = c.phoneType;
  const next: ContactPatch = {
    id: row.id,
    first_name: pick(row.first_name, c.firstName),
    last_name: pick(row.last_name, c.lastName),
    email: row.email ?? c.email,
    phone,
    phone_type: phoneType,
    language: pick(row.language, c.language),
    email_consent: mergeConsent(row.email_consent, c.emailConsent),
    whatsapp_consent: mergeConsent(row.whatsapp_consent, c.whatsappConsent),
    preferred_channel: pick(row.preferred_channel, c.preferredChannel),
    attributes: attrsChanged ? JSON.stringify(attrs) : row.attributes,
  };
  const changed = (Object.keys(next) as (keyof ContactPatch)[]).some((k) => next[k] !== row[k]);
  return changed ? next : null;
}
