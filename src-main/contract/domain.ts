import { z } from 'zod';

/** A delivery channel. */
export const Channel = z.enum(['email', 'whatsapp']);
export type Channel = z.infer<typeof Channel>;

/**
 * How a campaign reaches each contact: one channel, both, WhatsApp first with email sent only when
 * the WhatsApp message fails permanently for that contact, or each contact's preferred channel
 * (`contacts.preferred_channel`; a contact without one gets WhatsApp when it qualifies, else email).
 */
export const ChannelMode = z.enum(['email', 'whatsapp', 'both', 'whatsapp_then_email', 'preferred']);
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
  'scheduled', // starts by itself at `scheduledAt` while Herald is open
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
  /** HEADER `format`: TEXT, IMAGE, VIDEO, DOCUMENT, LOCATION; null without a header. */
  headerFormat?: string | null;
  syncedAt: number;
}

/** One `{{n}}` / `{{name}}` in a template, with Meta's example value when present. */
export interface TemplatePlaceholder {
  key: string;
  component: 'header' | 'body' | 'button';
  name: string;
  buttonIndex?: number;
  example?: string;
  /** Set on the `header.media` placeholder of an IMAGE/VIDEO/DOCUMENT header. */
  media?: 'image' | 'video' | 'document';
  /**
   * Set on parameters Meta does not require (a QUICK_REPLY button's `button.<i>.payload`): left
   * unmapped or rendered empty, nothing is sent for it and it is never a missing value.
   */
  optional?: true;
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
  /** When a `scheduled` campaign starts, ms since epoch. */
  scheduledAt: number | null;
  /** A dry run: rendered and checked, nothing sent. */
  dryRun: boolean;
  total: number;
  done: number;
}

/** Messages accepted per channel in one second (`t`: start of the second, ms since epoch). */
export interface ThroughputPoint {
  t: number;
  email: number;
  whatsapp: number;
}

/**
 * A channel's rolling 24 h quota of unique recipients (whatsapp-cloud-api.md, "Messaging limit").
 * `cap` null: no cap known. `freesAt`: when the oldest counted recipient leaves the window (ms).
 */
export interface QuotaView {
  cap: number | null;
  used: number;
  remaining: number | null;
  freesAt: number | null;
  /** Pacing, messages/s (Infinity is sent as null: unpaced). */
  ratePerSec: number | null;
}

/** Why a channel is not sending right now, and until when (ms since epoch; null = until it is back). */
export interface ChannelWait {
  channel: Channel;
  kind: 'quota' | 'network' | 'throttle';
  until: number | null;
  message: string;
}

/** One recent failure, for the live view. */
export interface FailureEntry {
  rowId: number;
  channel: Channel;
  address: string;
  code: string | null;
  message: string;
  at: number;
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
  /** Per-second accepted messages of the last minutes (empty when not sending). */
  throughput: ThroughputPoint[];
  /** Quota per channel the campaign sends on (read at start; null when not sending). */
  quota: Partial<Record<Channel, QuotaView>>;
  /** Channels waiting (quota, network, provider throttling). */
  waits: ChannelWait[];
  /** The latest failures, newest first (at most 10). */
  recentFailures: FailureEntry[];
  dryRun: boolean;
  scheduledAt: number | null;
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
  /** Class of the last error: RETRY (retries ran out: "Retry failed" takes it), PAUSE, TEMPLATE, FAIL. */
  errorAction: string | null;
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
