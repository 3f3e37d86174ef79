import type { WhatsAppContent, WhatsAppPreview } from '../contract';
import type { Store } from '../store/db';
import { countAudience } from '../contacts/repo';
import { type AudienceInput, audienceClause } from '../sending/audience';
import { contactVariables } from './contact-variables';
import { getTemplate, loadTemplateLibrary } from './wa-library';
import { prepareWhatsApp, previewWhatsApp, renderWhatsApp } from './wa-render';

interface ContactRaw {
  id: number;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  phone: string | null;
  language: string | null;
  attributes: string;
}

/**
 * The WhatsApp message of the `offset`-th contact (by id) of the campaign's audience, rendered exactly as the sender will: language choice, values, header media, problems.
 * Throws AppError from prepareWhatsApp when the content cannot be sent at all.
 */
export function previewWhatsAppRecipient(
  store: Store,
  content: WhatsAppContent,
  audience: AudienceInput,
  offset: number,
): { total: number; recipient: WhatsAppPreview | null } {
  const template = getTemplate(store, content.templateId);
  const prepared = prepareWhatsApp(
    content,
    template,
    template ? loadTemplateLibrary(store.sqlite, template) : null,
  );
  const total = countAudience(store, audience);
  const { sql, params } = audienceClause(audience);
  const c = store.sqlite
    .prepare(
      `SELECT c.id, c.first_name, c.last_name, c.email, c.phone, c.language, c.attributes FROM contacts c
       WHERE ${sql} ORDER BY c.id LIMIT 1 OFFSET @offset`,
    )
    .get({ ...params, offset }) as ContactRaw | undefined;
  if (!c) return { total, recipient: null };
  let attributes: Record<string, string> = {};
  try {
    attributes = JSON.parse(c.attributes) as Record<string, string>;
  } catch {
    // A damaged attributes column previews as no attributes rather than failing the preview.
  }
  const vars = contactVariables({
    firstName: c.first_name,
    lastName: c.last_name,
    email: c.email,
    phone: c.phone,
    attributes,
  });
  const rendered = renderWhatsApp(prepared, vars, { language: c.language });
  const problems = [...rendered.problems];
  if (!c.phone) problems.unshift('No phone number: nothing is sent to this contact on WhatsApp.');
  const name = [c.first_name, c.last_name].filter(Boolean).join(' ') || c.phone || c.email || `#${c.id}`;
  return {
    total,
    recipient: {
      contactId: c.id,
      name,
      to: c.phone,
      ...previewWhatsApp(prepared, rendered),
      problems,
    },
  };
}
