import type { ContactFilter } from '../contract';

/** Escapes LIKE wildcards so a search for `50%` or `a_b` matches those characters literally. */
export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A SQL condition on `contacts c` and its named parameters. */
export interface Clause {
  sql: string;
  params: Record<string, string | number>;
}

function searchParts(search: string | undefined, params: Clause['params']): string | null {
  const term = search?.trim() ?? '';
  if (term === '') return null;
  const like = (col: string, p: string) => `${col} LIKE @${p} ESCAPE '\\'`;
  const parts = ['c.first_name', 'c.last_name', 'c.email', 'c.phone'].map((col) => like(col, 'pattern'));
  parts.push(like("(COALESCE(c.first_name, '') || ' ' || COALESCE(c.last_name, ''))", 'pattern'));
  params.pattern = `%${escapeLike(term)}%`;
  // "7911 123-456" should find +447911123456: compare digits only when the term looks like a phone.
  const digits = term.replace(/\D/g, '');
  if (digits.length >= 3 && /^[\d\s+().-]+$/.test(term)) {
    parts.push(like('c.phone', 'digits'));
    params.digits = `%${digits}%`;
  }
  return `(${parts.join(' OR ')})`;
}

const SUPPRESSED =
  "(EXISTS (SELECT 1 FROM suppressions s WHERE s.channel = 'email' AND s.address = c.email) OR " +
  "EXISTS (SELECT 1 FROM suppressions s WHERE s.channel = 'whatsapp' AND s.address = c.phone))";
/** A phone that is not a fixed line: fixed lines are unlikely to have WhatsApp. */
export const HAS_WHATSAPP = "(c.phone IS NOT NULL AND COALESCE(c.phone_type, '') <> 'FIXED_LINE')";

function consent(col: string, value: string | undefined): string | null {
  if (value === undefined) return null;
  return value === 'unknown' ? `${col} IS NULL` : `${col} = '${value === 'granted' ? 'granted' : 'denied'}'`;
}

/**
 * The SQL condition for an audience filter over `contacts c`: a case-insensitive (ASCII) substring of
 * first name, last name, "first last", email or phone (digits only for phone-like terms), list and tag
 * membership, import, consent per channel (granted, denied, unknown), has email, has a WhatsApp-capable
 * phone, and suppressed on either channel. `1` when the filter is empty.
 */
export function filterClause(filter: ContactFilter): Clause {
  const params: Clause['params'] = {};
  const parts: (string | null)[] = [searchParts(filter.search, params)];
  if (filter.listId !== undefined) {
    parts.push('c.id IN (SELECT contact_id FROM list_members WHERE list_id = @listId)');
    params.listId = filter.listId;
  }
  if (filter.tagId !== undefined) {
    parts.push('c.id IN (SELECT contact_id FROM contact_tags WHERE tag_id = @tagId)');
    params.tagId = filter.tagId;
  }
  if (filter.importId !== undefined) {
    parts.push('c.import_id = @importId');
    params.importId = filter.importId;
  }
  parts.push(
    consent('c.email_consent', filter.emailConsent),
    consent('c.whatsapp_consent', filter.whatsappConsent),
  );
  if (filter.hasEmail !== undefined) parts.push(`c.email IS ${filter.hasEmail ? 'NOT ' : ''}NULL`);
  if (filter.hasWhatsApp !== undefined) parts.push(filter.hasWhatsApp ? HAS_WHATSAPP : `NOT ${HAS_WHATSAPP}`);
  if (filter.suppressed !== undefined) parts.push(filter.suppressed ? SUPPRESSED : `NOT ${SUPPRESSED}`);
  const sql = parts.filter((p): p is string => p !== null).join(' AND ');
  return { sql: sql || '1', params };
}
