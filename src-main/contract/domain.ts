import { z } from 'zod';

/** A delivery channel. */
export const Channel = z.enum(['email', 'whatsapp']);
export type Channel = z.infer<typeof Channel>;

/**
 * How a campaign reaches each contact: one channel, both, or WhatsApp first with email
 * sent only when the WhatsApp message fails permanently for that contact.
 */
export const ChannelMode = z.enum(['email', 'whatsapp', 'both', 'whatsapp_then_email']);
export type ChannelMode = z.infer<typeof ChannelMode>;

/** Outbox row states. `unknown`: was in flight during a crash; never re-sent without the user. */
export const OutboxState = z.enum([
  'queued',
  'sending',
  'sent',
  'delivered',
  'read',
  'failed',
  'skipped',
  'unknown',
]);
export type OutboxState = z.infer<typeof OutboxState>;
export const FINAL_STATES: readonly OutboxState[] = [
  'sent',
  'delivered',
  'read',
  'failed',
  'skipped',
  'unknown',
];

/** Campaign lifecycle. */
export const CampaignStatus = z.enum([
  'draft',
  'running',
  'paused', // by the user, or by a PAUSE-class error (see `pauseReason`)
  'stopped', // a TEMPLATE-class error ended it
  'cancelled',
  'completed',
]);
export type CampaignStatus = z.infer<typeof CampaignStatus>;

/** ISO 3166-1 alpha-2 country code, upper case (default country for national phone numbers). */
export const CountryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'Use a two-letter country code such as GB, US or DE.');

/** A contact as the UI sees it. `phone` is E.164 (`+4915112345678`). Times are ms since epoch. */
export interface Contact {
  id: number;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  attributes: Record<string, string>;
  createdAt: number;
}

/** The contact fields a template may reference, besides imported attributes. */
export const CONTACT_FIELDS = ['first_name', 'last_name', 'full_name', 'email', 'phone'] as const;

/** Meta's template categories and statuses (whatsapp-cloud-api.md, "Templates"). */
export interface WhatsAppTemplate {
  id: number;
  metaId: string;
  name: string;
  language: string;
  status: string;
  category: string;
  parameterFormat: 'POSITIONAL' | 'NAMED';
  /** Placeholders in send order; key is `header.1`, `body.2`, `body.first_name`, `button.0.1`. */
  placeholders: TemplatePlaceholder[];
  /** Header text, body text, footer text and buttons for previews. */
  header: string | null;
  body: string;
  footer: string | null;
  buttons: { type: string; text: string; url?: string }[];
  syncedAt: number;
}

/** One `{{n}}` / `{{name}}` in a template, with Meta's example value when present. */
export interface TemplatePlaceholder {
  key: string;
  component: 'header' | 'body' | 'button';
  name: string;
  buttonIndex?: number;
  example?: string;
}

/** Counts of outbox rows per state for one channel. */
export type StateCounts = Record<OutboxState, number>;

/** A campaign in a list. */
export interface CampaignSummary {
  id: number;
  name: string;
  channelMode: ChannelMode;
  status: CampaignStatus;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  total: number;
  done: number;
}

/** Live progress of a running campaign (also the `campaign:progress` event payload). */
export interface CampaignProgress {
  campaignId: number;
  status: CampaignStatus;
  /** Why it paused or stopped, in words saying what to fix. */
  statusReason: string | null;
  counts: Record<Channel, StateCounts>;
  total: number;
  /** Rows in a final state. */
  done: number;
  /** Messages accepted by the providers per second over the last 10 s. */
  ratePerSec: number;
  /** Estimated ms until every row is final; null when unknown (nothing sent yet, or paused). */
  etaMs: number | null;
  at: number;
}

/** One outbox row in the per-recipient result table. */
export interface RecipientRow {
  id: number;
  contactId: number;
  name: string;
  channel: Channel;
  address: string;
  state: OutboxState;
  attempts: number;
  providerMessageId: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  skipReason: string | null;
  updatedAt: number;
}

/** A problem with one CSV row (1-based physical line number in the file). */
export interface ImportIssue {
  line: number;
  field: string;
  code: string;
  message: string;
  value?: string;
}

/** What an import did. */
export interface ImportSummary {
  importId: number;
  fileName: string;
  rows: number;
  valid: number;
  imported: number;
  updated: number;
  duplicates: number;
  invalidPhone: number;
  invalidEmail: number;
  noChannel: number;
  /** Column → field the importer mapped it to (`first_name`, `email`, … or `attribute`). */
  mapping: Record<string, string>;
  issues: ImportIssue[];
}
