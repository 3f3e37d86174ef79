import type Database from 'better-sqlite3';
import type { Channel } from '../contract';
import type { ClaimedRow } from './types';

/** Rows read per refill. */
export const CLAIM_BATCH = 500;

interface Raw {
  id: number;
  channel: Channel;
  address: string;
  attempts: number;
  cid: number;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  phone: string | null;
  attributes: string;
}

const statements = new WeakMap<Database.Database, Database.Statement>();

/**
 * The next due `queued` rows of one channel (oldest due first, then outbox order), with the contact
 * data rendering needs. Reading does not change them: a row is taken by marking it `sending`.
 */
export function claimRows(
  db: Database.Database,
  campaignId: number,
  channel: Channel,
  now: number,
  limit = CLAIM_BATCH,
): ClaimedRow[] {
  let stmt = statements.get(db);
  if (!stmt) {
    stmt = db.prepare(
      `SELECT o.id, o.channel, o.address, o.attempts, c.id AS cid, c.first_name, c.last_name, c.email, c.phone, c.attributes
       FROM outbox o JOIN contacts c ON c.id = o.contact_id
       WHERE o.campaign_id = ? AND o.channel = ? AND o.state = 'queued' AND o.next_attempt_at <= ?
       ORDER BY o.next_attempt_at, o.id LIMIT ?`,
    );
    statements.set(db, stmt);
  }
  return (stmt.all(campaignId, channel, now, limit) as Raw[]).map((r) => ({
    id: r.id,
    channel: r.channel,
    address: r.address,
    attempts: r.attempts,
    contact: {
      id: r.cid,
      firstName: r.first_name,
      lastName: r.last_name,
      email: r.email,
      phone: r.phone,
      attributes: JSON.parse(r.attributes) as Record<string, string>,
    },
  }));
}
