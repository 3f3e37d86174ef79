import type { CampaignDraft, Contact, RecipientPreview, WhatsAppTemplate } from '../contract';
import { type PreparedEmail, type RenderedEmail, prepareEmail, renderEmail } from '../templates/email-render';
import { contactVariables } from '../templates/liquid';
import type { TemplateLibrary } from '../templates/wa-library';
import {
  type PreparedWhatsApp,
  type RenderedWhatsApp,
  prepareWhatsApp,
  previewWhatsApp,
  renderWhatsApp,
} from '../templates/wa-render';

/** The contact fields rendering needs. */
export type RenderContact = Pick<Contact, 'id' | 'firstName' | 'lastName' | 'email' | 'phone' | 'attributes'>;

/** A campaign's content compiled once, rendered per recipient. */
export interface PreparedCampaign {
  draft: CampaignDraft;
  email: PreparedEmail | null;
  whatsapp: PreparedWhatsApp | null;
}

/** One recipient's messages per channel; a channel with problems is not sent. */
export interface RenderedMessage {
  email: RenderedEmail | null;
  whatsapp: RenderedWhatsApp | null;
}

/** Compiles the draft's content; throws AppError saying which part to fix. */
export function prepareCampaign(
  draft: CampaignDraft,
  template: WhatsAppTemplate | null,
  library: TemplateLibrary | null = null,
): PreparedCampaign {
  return {
    draft,
    email: draft.email ? prepareEmail(draft.email) : null,
    whatsapp: draft.whatsapp ? prepareWhatsApp(draft.whatsapp, template, library) : null,
  };
}

/** Renders one recipient. Never throws for a recipient's data: problems come back per channel. */
export function renderForContact(prepared: PreparedCampaign, contact: RenderContact): RenderedMessage {
  const vars = contactVariables(contact);
  return {
    email: prepared.email ? renderEmail(prepared.email, vars) : null,
    whatsapp: prepared.whatsapp ? renderWhatsApp(prepared.whatsapp, vars) : null,
  };
}

/** Renders only what one channel sends (the runner's hot path: a row is one channel). */
export function renderChannel(
  prepared: PreparedCampaign,
  channel: 'email' | 'whatsapp',
  contact: RenderContact,
): RenderedMessage {
  const vars = contactVariables(contact);
  return channel === 'email'
    ? { email: prepared.email ? renderEmail(prepared.email, vars) : null, whatsapp: null }
    : { email: null, whatsapp: prepared.whatsapp ? renderWhatsApp(prepared.whatsapp, vars) : null };
}

/** The preview of one recipient, rendered exactly as the runner will send it. */
export function previewForContact(prepared: PreparedCampaign, contact: RenderContact): RecipientPreview {
  const r = renderForContact(prepared, contact);
  const mode = prepared.draft.channelMode;
  const problems = [...(r.email?.problems ?? []), ...(r.whatsapp?.problems ?? [])];
  const name =
    [contact.firstName, contact.lastName].filter(Boolean).join(' ') ||
    contact.email ||
    contact.phone ||
    `#${contact.id}`;
  if ((mode === 'email' || mode === 'both') && !contact.email)
    problems.push('No email address: the email will be skipped.');
  if (mode !== 'email' && !contact.phone)
    problems.push('No phone number: the WhatsApp message will be skipped.');
  return {
    contactId: contact.id,
    name,
    email:
      r.email && contact.email ? { to: contact.email, subject: r.email.subject, html: r.email.html } : null,
    whatsapp:
      prepared.whatsapp && r.whatsapp && contact.phone
        ? { to: contact.phone, ...previewWhatsApp(prepared.whatsapp, r.whatsapp) }
        : null,
    problems,
  };
}
