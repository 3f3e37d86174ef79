import type { z } from 'zod';
import type { Audience } from '../contract';
import { type Clause, filterClause } from '../contacts/filter';

/** An audience as given (omitted groups are empty): `{}` is every contact, `{ importId }` one import's. */
export type AudienceInput = z.input<typeof Audience>;

/** Columns an attribute condition may name that live in `contacts` itself rather than in `attributes`. */
const COLUMN_KEYS: Record<string, string> = {
  language: 'c.language',
  first_name: 'c.first_name',
  last_name: 'c.last_name',
  email: 'c.email',
  phone: 'c.phone',
  preferred_channel: 'c.preferred_channel',
};

/** A language tag such as `en`, `en-GB`, `pt_BR`, `zh-Hant-TW` (letters, then alphanumeric subtags). */
const LANGUAGE_TAG = /^[A-Za-z]{1,8}([-_][A-Za-z0-9]{1,8})*$/;

function ids(values: readonly number[]): string {
  // Ids are validated integers (zod `Id`), so inlining them is safe and keeps the statement cacheable per shape.
  return values.map((v) => String(Math.trunc(v))).join(',');
}

/**
 * The SQL condition on `contacts c` for a campaign audience (see `Audience` in the contract): every
 * given group must hold; lists and tags match ANY of the chosen ones; exclusions remove contacts.
 * Attribute text comparisons ignore case in every script (`unicode_lower`, store/db.ts). The suppression list is not applied here: it is a
 * per-channel skip with a reason (outbox planning), so the report can say why.
 */
export function audienceClause(input: AudienceInput): Clause {
  const audience: Audience = {
    ...input,
    listIds: input.listIds ?? [],
    tagIds: input.tagIds ?? [],
    languages: input.languages ?? [],
    attributes: (input.attributes ?? []).map((a) => ({ ...a, value: a.value ?? '' })),
    excludeListIds: input.excludeListIds ?? [],
    excludeTagIds: input.excludeTagIds ?? [],
    excludeContactIds: input.excludeContactIds ?? [],
  };
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
    // "en" matches "en-GB" and "en_US" too: people pick a language, imports carry regional tags (BCP 47
    // dashes or POSIX underscores). LIKE ignores ASCII case and is the cheapest test per row; in a
    // tag-shaped choice (letters and digits between separators) `_` stands for either separator.
    // Anything else is compared as a whole, ignoring case.
    const langs = audience.languages.map((l, i) => {
      if (!LANGUAGE_TAG.test(l)) {
        params[`lang${i}`] = l;
        return `c.language = @lang${i} COLLATE NOCASE`;
      }
      params[`lang${i}`] = l.replace(/[-_]/g, '_');
      params[`langRegion${i}`] = `${params[`lang${i}`]}_%`;
      params[`langSep${i}`] = l.length + 1;
      return (
        `(c.language LIKE @lang${i} OR (c.language LIKE @langRegion${i}` +
        ` AND substr(c.language, @langSep${i}, 1) IN ('-', '_')))`
      );
    });
    parts.push(`(${langs.join(' OR ')})`);
  }
  audience.attributes.forEach((cond, i) => {
    const known = Object.hasOwn(COLUMN_KEYS, cond.key) ? COLUMN_KEYS[cond.key] : undefined;
    const column = known ?? `json_extract(c.attributes, @attrPath${i})`;
    if (!known) params[`attrPath${i}`] = `$."${cond.key.replace(/["\\]/g, '')}"`;
    const value = `COALESCE(${column}, '')`;
    params[`attrValue${i}`] = cond.value.toLowerCase();
    switch (cond.op) {
      case 'equals':
        parts.push(`unicode_lower(${value}) = @attrValue${i}`);
        break;
      case 'not_equals':
        parts.push(`unicode_lower(${value}) <> @attrValue${i}`);
        break;
      case 'contains':
        parts.push(`instr(unicode_lower(${value}), @attrValue${i}) > 0`);
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
