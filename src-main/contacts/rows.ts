import { z } from 'zod';
import type { Contact } from '../contract';
import type { RenderContact } from '../sending/render';

/** A `contacts` row as better-sqlite3 returns it (snake case, attributes as JSON text, times in ms). */
export interface ContactRow {
  id: number;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  phone: string | null;
  phone_type: string | null;
  language: string | null;
  attributes: string;
  import_id: number | null;
  created_at: number;
  updated_at: number;
}

/** A contact with what the campaign runner needs besides the UI fields. */
export interface ContactRecord extends Contact {
  language: string | null;
  /** libphonenumber-js type (MOBILE, FIXED_LINE, FIXED_LINE_OR_MOBILE, …) or null when unknown. */
  phoneType: string | null;
}

/** The column list every contact query selects, matching ContactRow. */
export const CONTACT_COLUMNS =
  'id, first_name, last_name, email, phone, phone_type, language, attributes, import_id, created_at, updated_at';

const Attributes = z.record(z.string(), z.string());

/** Parses the `attributes` JSON column; a value that is not a string map yields `{}` rather than a crash. */
export function parseAttributes(text: string): Record<string, string> {
  try {
    const parsed = Attributes.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** Maps a database row to the contract's contact shape plus language and phone type. */
export function toContactRecord(row: ContactRow): ContactRecord {
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    phone: row.phone,
    attributes: parseAttributes(row.attributes),
    createdAt: row.created_at,
    language: row.language,
    phoneType: row.phone_type,
  };
}

/** Maps a database row to the contract's Contact (what the contacts list shows). */
export function toContact(row: ContactRow): Contact {
  const { language: _language, phoneType: _phoneType, ...contact } = toContactRecord(row);
  return contact;
}

/** The fields a message is rendered from (sending/render.ts `RenderContact`), from a contacts row. */
export function toRenderContact(
  r: Pick<ContactRow, 'id' | 'first_name' | 'last_name' | 'email' | 'phone' | 'attributes'>,
): RenderContact {
  return {
    id: r.id,
    firstName: r.first_name,
    lastName: r.last_name,
    email: r.email,
    phone: r.phone,
    attributes: parseAttributes(r.attributes),
  };
}
