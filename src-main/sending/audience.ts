import type { Audience } from '../contract';
import { type Clause, filterClause } from '../contacts/filter';

/** Columns an attribute condition may name that live in `contacts` itself rather than in `attributes`. */
const COLUMN_KEYS: Record<string, string> = {
  language: 'c.language',
  first_name: 'c.first_name',
  last_name: 'c.last_name',
  email: 'c.email',
  phone: 'c.phone',
};

function ids(values: readonly number[]): string {
  // Ids are validated integers (zod `Id`), so inlining them is safe and keeps the statement cacheable per shape.
  return values.map((v) => String(Math.trunc(v))).join(',');
}

/**
 * The SQL condition on `contacts c` for a campaign audience (see `Audience` in the contract): every
 * given group must hold; lists and tags match ANY of the chosen ones; exclusions remove contacts.
 * Attribute text comparisons ignore case (ASCII). The suppression list is not applied here: it is a
 * per-channel skip with a reason (outbox planning), so the report can say why.
 */
export function audienceClause(audience: Audience): Clause {
  const base = filterClause({
    importId: audience.importId,
    emailConsent: audience.emailConsent,
    whatsappConsent: audience.whatsappConsent,
    hasEmail: audience.hasEmail,
    hasWhatsApp: audience.hasWhatsApp,
  });
  const params = { ...base.params };
  const parts = base.sql === '1' ? [] : [base.sql];
  if (audience.listIds.length > 0)
    parts.push(`c.id IN (SELECT contact_id FROM list_members WHERE list_id IN (${ids(audience.listIds)}))`);
  if (audience.tagIds.length > 0)
    parts.push(`c.id IN (SELECT contact_id FROM contact_tags WHERE tag_id IN (${ids(audience.tagIds)}))`);
  if (audience.languages.length > 0) {
    // "en" matches "en-GB" too: people pick a language, imports carry regional tags.
    const langs = audience.languages.map((l, i) => {
      params[`lang${i}`] = l.toLowerCase();
      return `(lower(c.language) = @lang${i} OR lower(c.language) LIKE @lang${i} || '-%')`;
    });
    parts.push(`(${langs.join(' OR ')})`);
  }
  audience.attributes.forEach((cond, i) => {
    const column = COLUMN_KEYS[cond.key] ?? `json_extract(c.attributes, @attrPath${i})`;
    if (!COLUMN_KEYS[cond.key]) params[`attrPath${i}`] = `$."${cond.key.replace(/["\\]/g, '')}"`;
    const value = `COALESCE(${column}, '')`;
    params[`attrValue${i}`] = cond.value.toLowerCase();
    switch (cond.op) {
      case 'equals':
        parts.push(`lower(${value}) = @attrValue${i}`);
        break;
      case 'not_equals':
        parts.push(`lower(${value}) <> @attrValue${i}`);
        break;
      case 'contains':
        parts.push(`instr(lower(${value}), @attrValue${i}) > 0`);
        break;
      case 'is_empty':
        parts.push(`trim(${value}) = ''`);
        break;
      case 'is_not_empty':
        parts.push(`trim(${value}) <> ''`);
        break;
    }
  });
  if (audience.excludeListIds.length > 0)
    parts.push(
      `c.id NOT IN (SELECT contact_id FROM list_members WHERE list_id IN (${ids(audience.excludeListIds)}))`,
    );
  if (audience.excludeTagIds.length > 0)
    parts.push(
      `c.id NOT IN (SELECT contact_id FROM contact_tags WHERE tag_id IN (${ids(audience.excludeTagIds)}))`,
    );
  if (audience.excludeContactIds.length > 0) {
    params.excludeIds = JSON.stringify(audience.excludeContactIds);
    parts.push('c.id NOT IN (SELECT value FROM json_each(@excludeIds))');
  }
  return { sql: parts.length > 0 ? parts.join(' AND ') : '1', params };
}
