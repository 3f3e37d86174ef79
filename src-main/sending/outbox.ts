import type { Channel, ChannelMode, OutboxState, SkipCode } from '../contract';
import type { Store } from '../store/db';
import type { AudienceInput } from './audience';
import { planAudience } from './plan-source';

/** What a contact gets on one channel: a queued row, or a skipped one with the reason. */
export interface PlannedRow {
  channel: Channel;
  address: string | null;
  state: Extract<OutboxState, 'queued' | 'skipped'>;
  skipReason: string | null;
  /** The reason as a code (qualification counts, lint); null when queued. */
  skipCode: SkipCode | null;
}

/**
 * The contact columns outbox planning reads (suppression reasons joined in; null = not suppressed).
 * `preferred_channel`: 'email' | 'whatsapp' | null (anything else counts as no preference).
 */
export interface AudienceRow {
  id: number;
  email: string | null;
  phone: string | null;
  email_consent: string | null;
  whatsapp_consent: string | null;
  preferred_channel?: string | null;
  email_suppressed: string | null;
  wa_suppressed: string | null;
}

/**
 * The suppression reasons of AudienceRow (`email_suppressed`, `wa_suppressed`) as SELECT columns for a
 * query over `contacts c`.
 */
export const SUPPRESSION_REASONS = `(SELECT reason FROM suppressions s WHERE s.channel = 'email' AND s.address = c.email) AS email_suppressed,
  (SELECT reason FROM suppressions s WHERE s.channel = 'whatsapp' AND s.address = c.phone) AS wa_suppressed`;

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const E164_RE = /^\+[1-9]\d{6,14}$/;
const NAMES: Record<Channel, { address: string; missing: string }> = {
  email: { address: 'email address', missing: 'No email address.' },
  whatsapp: { address: 'phone number', missing: 'No phone number.' },
};

/**
 * One contact on one channel: skipped with the reason when the address is missing or not valid
 * (E.164 for WhatsApp), on the suppression list, the contact declined that channel, or the address
 * is already queued in this campaign for another contact; else queued.
 */
export function planRow(
  channel: Channel,
  address: string | null,
  consent: string | null,
  suppressed: string | null,
  seen?: Set<string>,
): PlannedRow {
  // No per-call closures: this runs for every contact and channel of a 100,000-contact plan.
  if (!address) return skipped(channel, address, 'no_address', NAMES[channel].missing);
  const valid = channel === 'email' ? EMAIL_RE.test(address) : E164_RE.test(address);
  if (!valid) return skipped(channel, address, 'invalid_address', `Not a valid ${NAMES[channel].address}.`);
  if (suppressed !== null)
    return skipped(channel, address, 'suppressed', `On the suppression list: ${suppressed}`);
  if (consent === 'denied')
    return skipped(
      channel,
      address,
      'no_consent',
      `No consent: the contact declined ${channel === 'email' ? 'email' : 'WhatsApp'} messages.`,
    );
  if (seen) {
    if (seen.has(address))
      return skipped(
        channel,
        address,
        'duplicate',
        `Duplicate: this ${NAMES[channel].address} is already in the campaign.`,
      );
    seen.add(address);
  }
  return { channel, address, state: 'queued', skipReason: null, skipCode: null };
}

function skipped(
  channel: Channel,
  address: string | null,
  skipCode: SkipCode,
  skipReason: string,
): PlannedRow {
  return { channel, address, state: 'skipped', skipReason, skipCode };
}

/** The email row of a WhatsApp-first contact whose WhatsApp message failed for good. */
export function planFallbackEmail(
  email: string | null,
  consent: string | null,
  suppressed: string | null,
): PlannedRow {
  return planRow('email', email, consent, suppressed);
}

/** The row of the channel a `preferred` contact did not choose. */
function otherPreferred(channel: Channel, address: string | null): PlannedRow {
  const chosen = channel === 'email' ? 'WhatsApp' : 'email';
  return skipped(channel, address, 'other_channel_preferred', `The contact prefers ${chosen}.`);
}

/**
 * The rows a contact gets in a channel mode (the WhatsApp-first email is planned at once when WhatsApp
 * cannot be used). `preferred`: only the contact's preferred channel (the other is skipped with
 * `other_channel_preferred`); without a preference, WhatsApp when it qualifies, else email.
 * `seen` holds the addresses already queued in this campaign (duplicates are skipped).
 * The one planning rule: the outbox, the pre-send plan and the lint all call it.
 */
export function planContact(
  mode: ChannelMode,
  c: AudienceRow,
  seen: Record<Channel, Set<string>>,
): PlannedRow[] {
  switch (mode) {
    case 'email':
      return [emailRow(c, seen)];
    case 'whatsapp':
      return [whatsappRow(c, seen)];
    case 'both':
      return [emailRow(c, seen), whatsappRow(c, seen)];
    case 'whatsapp_then_email': {
      const first = whatsappRow(c, seen);
      return first.state === 'queued' ? [first] : [first, emailRow(c, seen)];
    }
    case 'preferred': {
      if (c.preferred_channel === 'email') return [emailRow(c, seen), otherPreferred('whatsapp', c.phone)];
      if (c.preferred_channel === 'whatsapp') return [whatsappRow(c, seen), otherPreferred('email', c.email)];
      const first = whatsappRow(c, seen);
      return first.state === 'queued' ? [first] : [first, emailRow(c, seen)];
    }
  }
}

function emailRow(c: AudienceRow, seen: Record<Channel, Set<string>>): PlannedRow {
  return planRow('email', c.email, c.email_consent, c.email_suppressed, seen.email);
}

function whatsappRow(c: AudienceRow, seen: Record<Channel, Set<string>>): PlannedRow {
  return planRow('whatsapp', c.phone, c.whatsapp_consent, c.wa_suppressed, seen.whatsapp);
}

/**
 * Writes the campaign's outbox in ONE transaction: one row per (contact, channel) of the audience
 * (see planAudience), `queued` or `skipped` with its reason. Idempotent: rows that exist are left
 * alone (unique index). Returns the number of rows in the outbox afterwards.
 */
export function materialiseOutbox(
  store: Store,
  campaignId: number,
  mode: ChannelMode,
  audience: AudienceInput,
): number {
  const { sqlite } = store;
  const insert = sqlite.prepare(
    `INSERT OR IGNORE INTO outbox (campaign_id, contact_id, channel, address, state, skip_reason, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const run = sqlite.transaction(() => {
    const now = Date.now();
    for (const page of planAudience(store, mode, audience))
      for (const { contact, rows } of page)
        for (const r of rows)
          insert.run(campaignId, contact.id, r.channel, r.address, r.state, r.skipReason, now);
    return (
      sqlite.prepare('SELECT COUNT(*) AS n FROM outbox WHERE campaign_id = ?').get(campaignId) as {
        n: number;
      }
    ).n;
  });
  return run.immediate();
}

/** The message rows left `sending` by a crash get. */
export const IN_FLIGHT_MESSAGE =
  'Herald stopped while this message was being sent: it may or may not have been delivered.';

/**
 * Crash recovery at start-up: rows left `sending` were in flight when the process died; they may or
 * may not have gone out, so they become `unknown` and are never re-sent without the user. Limited to
 * one campaign when `campaignId` is given (the send worker died). Returns the number of rows changed.
 */
export function markInFlightUnknown(store: Store, campaignId?: number): number {
  return store.sqlite
    .prepare(
      `UPDATE outbox SET state = 'unknown', error_message = ?, error_action = NULL, updated_at = ?
       WHERE state = 'sending' AND (? IS NULL OR campaign_id = ?)`,
    )
    .run(IN_FLIGHT_MESSAGE, Date.now(), campaignId ?? null, campaignId ?? null).changes;
}
