import type { Channel, ChannelMode, OutboxState } from '../contract';
import type { Store } from '../store/db';

/** Audience selector, as in CampaignDraft. */
export interface Audience {
  importId?: number;
}

interface AudienceRow {
  id: number;
  email: string | null;
  phone: string | null;
}

/** Channels a mode sends on first; the fallback email of `whatsapp_then_email` is enqueued later. */
function plan(
  mode: ChannelMode,
  c: AudienceRow,
): { channel: Channel; address: string | null; state: OutboxState; skipReason: string | null }[] {
  const email = { channel: 'email' as const, address: c.email };
  const wa = { channel: 'whatsapp' as const, address: c.phone };
  const row = (r: { channel: Channel; address: string | null }, missing: string) =>
    r.address
      ? { ...r, state: 'queued' as const, skipReason: null }
      : { ...r, state: 'skipped' as const, skipReason: missing };
  switch (mode) {
    case 'email':
      return [row(email, 'No email address')];
    case 'whatsapp':
      return [row(wa, 'No phone number')];
    case 'both':
      return [row(email, 'No email address'), row(wa, 'No phone number')];
    case 'whatsapp_then_email':
      // Without a phone the fallback applies at once.
      return c.phone
        ? [row(wa, 'No phone number')]
        : [row(wa, 'No phone number'), row(email, 'No phone number and no email address')];
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
  const where = audience.importId !== undefined ? 'AND import_id = @importId' : '';
  const page = sqlite.prepare(
    `SELECT id, email, phone FROM contacts WHERE id > @after ${where} ORDER BY id LIMIT 1000`,
  );
  const insert = sqlite.prepare(
    `INSERT OR IGNORE INTO outbox (campaign_id, contact_id, channel, address, state, skip_reason, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const run = sqlite.transaction(() => {
    const now = Date.now();
    let after = 0;
    for (;;) {
      const rows = page.all({ after, importId: audience.importId }) as AudienceRow[];
      if (rows.length === 0) break;
      for (const c of rows) {
        for (const r of plan(mode, c))
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

/**
 * Crash recovery at start-up: rows left `sending` were in flight when the process died; they may or
 * may not have gone out, so they become `unknown` and are never re-sent without the user.
 * Returns the number of rows changed.
 */
export function markInFlightUnknown(store: Store): number {
  return store.sqlite
    .prepare(
      `UPDATE outbox SET state = 'unknown', error_message = 'Herald stopped while this message was being sent: it may or may not have been delivered.', updated_at = ? WHERE state = 'sending'`,
    )
    .run(Date.now()).changes;
}
