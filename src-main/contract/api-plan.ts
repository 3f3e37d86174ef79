import { z } from 'zod';
import { Empty } from './common';
import { Audience, CampaignDraft } from './api-campaigns';
import { type Channel, ChannelMode } from './domain';

/** Why a contact does not qualify for a channel (the outbox's skip reasons, as codes). */
export const SkipCode = z.enum([
  'no_address',
  'invalid_address',
  'suppressed',
  'no_consent',
  'duplicate',
  /** `preferred` mode: the contact prefers the other channel. */
  'other_channel_preferred',
  /** `whatsapp_then_email`: the email goes only if WhatsApp fails for good. */
  'fallback_only',
]);
export type SkipCode = z.infer<typeof SkipCode>;

/** How many audience contacts a channel reaches, and why the others do not. */
export interface ChannelQualification {
  channel: Channel;
  /** Contacts that get a message on this channel (queued when the campaign starts). */
  qualified: number;
  /** Per reason, sorted by count (largest first); `label` is ready for the UI. */
  notQualified: { code: SkipCode; label: string; count: number }[];
}

/** What a channel's quota allows now and when the rest can go. */
export interface QuotaOutlook {
  /** Rolling 24 h cap of unique recipients; null = no cap known (email without a provider cap). */
  cap: number | null;
  /** Unique recipients in the last 24 h (persisted usage). */
  usedLast24h: number;
  /** Messages this campaign can send now; null = no cap. */
  availableNow: number | null;
  /** Recipients that must wait for the window to free. */
  waiting: number;
  /** When the last waiting recipient can go, ms since epoch; null when nobody waits. */
  allSentBy: number | null;
  /** Where the cap comes from, for the UI ("WhatsApp messaging limit 1K", "Gmail: 500/day"). */
  source: string;
}

/** One row of the WhatsApp cost estimate. `rate` per delivered template message, in the table's currency. */
export interface CostLine {
  /** ISO 3166-1 alpha-2 of the recipient's number, or `*` for the table's default rate. */
  country: string;
  category: WhatsAppCategory;
  messages: number;
  rate: number | null;
  cost: number | null;
}

/** The pre-send plan: per channel recipients, skips, quota, duration; the WhatsApp cost estimate. */
export interface SendPlan {
  /** Contacts the audience matches (before per-channel qualification). */
  audience: number;
  channels: (ChannelQualification & {
    quota: QuotaOutlook;
    /** Pacing used for the estimate, messages/s. */
    ratePerSec: number;
    /** Estimated sending time at that pace plus quota waits, ms. */
    durationMs: number;
  })[];
  /** `whatsapp_then_email`: contacts whose email would be sent if their WhatsApp message fails. */
  fallbackEmails: number | null;
  /** null when the campaign sends no WhatsApp. */
  cost: {
    currency: string;
    total: number;
    lines: CostLine[];
    /** Countries with recipients but no rate (nor a `*` default) in the table. */
    missingRates: string[];
  } | null;
  computedAt: number;
}

/** Meta's template categories, which price differently (whatsapp-cloud-api.md "Pricing"). */
export const WhatsAppCategory = z.enum(['MARKETING', 'UTILITY', 'AUTHENTICATION']);
export type WhatsAppCategory = z.infer<typeof WhatsAppCategory>;

const Rate = z.number().min(0).max(1000).nullable();

/**
 * The user's WhatsApp rate table: price per delivered template message by recipient country and
 * category (Meta prices per message since July 2025). `country` `*` is the default for countries
 * without a row.
 */
export const RateTable = z.object({
  currency: z
    .string()
    .trim()
    .regex(/^[A-Z]{3}$/, 'Use a three-letter currency code such as USD or EUR.'),
  rows: z
    .array(
      z.object({
        country: z.string().regex(/^([A-Z]{2}|\*)$/, 'Use a two-letter country code, or * for the default.'),
        MARKETING: Rate,
        UTILITY: Rate,
        AUTHENTICATION: Rate,
      }),
    )
    .max(300),
});
export type RateTable = z.infer<typeof RateTable>;

/** plan:* request schemas: the audience's live count, the pre-send plan and the rate table. */
export const planRequests = {
  /** How many contacts an audience matches (fast: for the live count while the audience is edited). */
  'plan:count': z.object({ audience: Audience }),
  /** Per-channel qualification only (the Channels step, before any content is written). */
  'plan:qualify': z.object({ channelMode: ChannelMode, audience: Audience }),
  /** The full pre-send plan for a draft (the Review step). */
  'plan:compute': z.object({ draft: CampaignDraft }),
  'plan:rates': Empty,
  'plan:saveRates': RateTable,
} as const;

/** Outputs of {@link planRequests}. */
export interface PlanOutputs {
  'plan:count': { contacts: number };
  'plan:qualify': { audience: number; channels: ChannelQualification[] };
  'plan:compute': SendPlan;
  'plan:rates': RateTable;
  'plan:saveRates': RateTable;
}
