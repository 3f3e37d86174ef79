import type Database from 'better-sqlite3';
import type { Channel, QuotaView } from '../contract';

/** The messaging-limit window: a moving 24 hours (whatsapp-cloud-api.md, "Throughput and limits"). */
export const QUOTA_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * Parses Meta's messaging-limit tier name into a cap of unique recipients per 24 h: `TIER_250` → 250,
 * `TIER_2K` → 2000, `TIER_100K` → 100000, `TIER_1M` → 1000000; `TIER_UNLIMITED` → null (no cap).
 * Only the name is parsed, so new steps of the ladder work without a code change. Returns undefined
 * for a name that is not of that form.
 */
export function tierCap(tier: string | null | undefined): number | null | undefined {
  if (!tier) return undefined;
  const t = tier.trim().toUpperCase();
  if (t === 'TIER_UNLIMITED' || t === 'UNLIMITED') return null;
  const m = /^TIER_(\d+(?:\.\d+)?)([KM]?)$/.exec(t);
  if (!m) return undefined;
  const unit = m[2] === 'K' ? 1_000 : m[2] === 'M' ? 1_000_000 : 1;
  return Math.round(Number(m[1]) * unit);
}

/** A reservation: `fresh` when the address was not yet counted in the window (`prevAt` its old time). */
export type Reservation = { ok: true; fresh: boolean; prevAt: number | null } | { ok: false; until: number };

interface ChannelUsage {
  cap: number | null;
  /** address → last send time (ms), only entries inside the window. */
  last: Map<string, number>;
  /**
   * (address, time) in time order as two parallel arrays (16 bytes an entry, where an object per
   * entry took ~64: this is the worker's biggest structure, one entry per recipient in 24 h);
   * entries whose time no longer matches `last` are stale.
   */
  addresses: string[];
  times: number[];
  head: number;
}

/**
 * The rolling 24 h cap of unique recipients per channel, shared by every campaign of the send
 * worker. A recipient already messaged inside the window does not count again. Usage is written to
 * `quota_usage` in the same transaction that marks the row `sending`, so a crash can only over-count
 * (never exceed the cap); a send that failed for sure gives its reservation back.
 */
export class QuotaManager {
  private readonly channels = new Map<Channel, ChannelUsage>();
  private readonly upsert: Database.Statement;
  private readonly remove: Database.Statement;

  /** `persist` false: a dry run's private copy that reads the real usage but writes nothing. */
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => number = Date.now,
    private readonly persist = true,
  ) {
    this.upsert = db.prepare(
      `INSERT INTO quota_usage (channel, address, last_at) VALUES (?, ?, ?)
       ON CONFLICT (channel, address) DO UPDATE SET last_at = MAX(last_at, excluded.last_at)`,
    );
    this.remove = db.prepare('UPDATE quota_usage SET last_at = ? WHERE channel = ? AND address = ?');
  }

  /** Sets a channel's cap (unique recipients per 24 h; null = none), loading its usage on first use. */
  setCap(channel: Channel, cap: number | null): void {
    this.usage(channel).cap = cap;
  }

  private usage(channel: Channel): ChannelUsage {
    let u = this.channels.get(channel);
    if (u) return u;
    const rows = this.db
      .prepare(
        'SELECT address, last_at AS at FROM quota_usage WHERE channel = ? AND last_at > ? ORDER BY last_at',
      )
      .all(channel, this.now() - QUOTA_WINDOW_MS) as { address: string; at: number }[];
    u = { cap: null, last: new Map(), addresses: [], times: [], head: 0 };
    for (const r of rows) {
      u.last.set(r.address, r.at);
      u.addresses.push(r.address);
      u.times.push(r.at);
    }
    this.channels.set(channel, u);
    return u;
  }

  /** Drops entries that left the window. */
  private expire(u: ChannelUsage, now: number): void {
    const edge = now - QUOTA_WINDOW_MS;
    while (u.head < u.times.length && u.times[u.head]! <= edge) {
      const address = u.addresses[u.head]!;
      if (u.last.get(address) === u.times[u.head]) u.last.delete(address);
      u.head++;
    }
    if (u.head > 4096 && u.head * 2 > u.times.length) {
      u.addresses = u.addresses.slice(u.head);
      u.times = u.times.slice(u.head);
      u.head = 0;
    }
  }

  private freesAt(u: ChannelUsage): number | null {
    for (let i = u.head; i < u.times.length; i++) {
      const at = u.times[i]!;
      if (u.last.get(u.addresses[i]!) === at) return at + QUOTA_WINDOW_MS;
    }
    return null;
  }

  /**
   * Counts `address` as messaged now, or refuses with the time the window frees a place (ms).
   * Call inside the transaction that marks the row `sending`; it writes the usage row.
   */
  reserve(channel: Channel, address: string): Reservation {
    const u = this.usage(channel);
    const now = this.now();
    this.expire(u, now);
    const prevAt = u.last.get(address) ?? null;
    if (prevAt === null && u.cap !== null && u.last.size >= u.cap)
      return { ok: false, until: this.freesAt(u) ?? now + QUOTA_WINDOW_MS };
    u.last.set(address, now);
    u.addresses.push(address);
    u.times.push(now);
    if (this.persist) this.upsert.run(channel, address, now);
    return { ok: true, fresh: prevAt === null, prevAt };
  }

  /** Gives back a reservation whose send surely did not go out (restores the previous time). */
  release(channel: Channel, address: string, prevAt: number | null): void {
    const u = this.usage(channel);
    if (prevAt === null) u.last.delete(address);
    else {
      u.last.set(address, prevAt);
      // Out of order is harmless: expiry only gets later.
      u.addresses.push(address);
      u.times.push(prevAt);
    }
    if (this.persist) this.remove.run(prevAt ?? 0, channel, address);
  }

  /** The channel's quota for the live view; `ratePerSec` is filled in by the caller. */
  view(channel: Channel, ratePerSec: number): QuotaView {
    const u = this.usage(channel);
    this.expire(u, this.now());
    return {
      cap: u.cap,
      used: u.last.size,
      remaining: u.cap === null ? null : Math.max(0, u.cap - u.last.size),
      freesAt: this.freesAt(u),
      ratePerSec: Number.isFinite(ratePerSec) ? ratePerSec : null,
    };
  }
}
