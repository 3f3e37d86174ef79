import type { Channel, ChannelMode, OutboxState, SkipCode } from '../contract';
import type { Store } from '../store/db';

/** Audience selector, as in CampaignDraft. */
export interface Audience {
  importId?: number;
}

/** What a contact gets on one channel: a queued row, or a skipped one with the reason. */
export interface PlannedRow {
  channel: Channel;
  address: string | null;
  state: Extract<OutboxState, 'queued' | 'skipped'>;
  skipReason: string | null;
  /** The reason as a code (qualification counts, lint); null when queued. */
  skipCode: SkipCode | null;
}

/** The contact columns outbox planning reads (suppression reasons joined in; null = not suppressed). */
export interface AudienceRow {
  id: number;
  email: string | null;
  phone: string | null;
  email_consent: string | null;
  whatsapp_consent: string | null;
  email_suppressed: string | null;
  wa_suppressed: string | null;
}

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
  const skip = (skipCode: SkipCode, skipReason: string): PlannedRow => ({
    channel,
    address,
    state: 'skipped',
    skipReason,
    skipCode,
  });
  if (!address) return skip('no_address', NAMES[channel].missing);
  const valid = channel === 'email' ? EMAIL_RE.test(address) : E164_RE.test(address);
  if (!valid) return skip('invalid_address', `Not a valid ${NAMES[channel].address}.`);
  if (suppressed !== null) return skip('suppressed', `On the suppression list: ${suppressed}`);
  if (consent === 'denied')
    return skip(
      'no_consent',
      `No consent: the contact declined ${channel === 'email' ? 'email' : 'WhatsApp'} messages.`,
    );
  if (seen) {
    if (seen.has(address))
      return skip('duplicate', `Duplicate: this ${NAMES[channel].address} is already in the campaign.`);
    seen.add(address);
  }
  return { channel, address, state: 'queued', skipReason: null, skipCode: null };
}

/** The email row of a WhatsApp-first contact whose WhatsApp message failed for good. */
export function planFallbackEmail(
  email: string | null,
  consent: string | null,
  suppressed: string | null,
): PlannedRow {
  return planRow('email', email, consent, suppressed);
}

/**
 * The rows a contact gets in a channel mode (the WhatsApp-first email is planned at once when WhatsApp
 * cannot be used). `seen` holds the addresses already queued in this campaign (duplicates are skipped).
 * The one planning rule: the outbox, the pre-send plan and the lint all call it.
 */
export function planContact(
  mode: ChannelMode,
  c: AudienceRow,
  seen: Record<Channel, Set<string>>,
): PlannedRow[] {
  const email = () => planRow('email', c.email, c.email_consent, c.email_suppressed, seen.email);
  const wa = () => planRow('whatsapp', c.phone, c.whatsapp_consent, c.wa_suppressed, seen.whatsapp);
  switch (mode) {
    case 'email':
      return [email()];
    case 'whatsapp':
      return [wa()];
    case 'both':
      return [email(), wa()];
    case 'whatsapp_then_email': {
      const first = wa();
      return first.state === 'queued' ? [first] : [first, email()];
    }
    case 'preferred': {
      // Until contacts carry a preferred channel: WhatsApp when it qualifies, else email.
      const first = wa();
      return first.state === 'queued' ? [first] : [first, email()];
    }
  }
}

/**
 * Writes the campaign's outbox in ONE transaction: one row per (contact, channel), `queued` or
 * `skipped` with its reason. Idempotent: rows that exist are left alone (unique index). Returns the
 * number of rows in the outbox afterwards.
 */
export function materialiseOutbox(
  store: Store,
  campaignId: number,
  mode: ChannelMode,
  audience: Audience,
): number {
  const { sqlite } = store;
  const where = audience.importId !== undefined ? 'AND c.import_id = @importId' : '';
  const page = sqlite.prepare(
    `SELECT c.id, c.email, c.phone, c.email_consent, c.whatsapp_consent,
            (SELECT reason FROM suppressions s WHERE s.channel = 'email' AND s.address = c.email) AS email_suppressed,
            (SELECT reason FROM suppressions s WHERE s.channel = 'whatsapp' AND s.address = c.phone) AS wa_suppressed
     FROM contacts c WHERE c.id > @after ${where} ORDER BY c.id LIMIT 2000`,
  );
  const insert = sqlite.prepare(
    `INSERT OR IGNORE INTO outbox (campaign_id, contact_id, channel, address, state, skip_reason, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const run = sqlite.transaction(() => {
    const now = Date.now();
    const seen: Record<Channel, Set<string>> = { email: new Set(), whatsapp: new Set() };
    let after = 0;
    for (;;) {
      const rows = page.all({ after, importId: audience.importId }) as AudienceRow[];
      if (rows.length === 0) break;
      for (const c of rows) {
        for (const r of planContact(mode, c, seen))
          insert.run(campaignId, c.id, r.channel, r.address, r.state, r.skipReason, now);
      }
      after = rows[rows.length - 1]!.id;
    }
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
