import type Database from 'better-sqlite3';
import {
  type Channel,
  type FailureEntry,
  OutboxState,
  type StateCounts,
  type ThroughputPoint,
} from '../contract';

/** Seconds of per-second throughput kept for the chart. */
export const THROUGHPUT_WINDOW_S = 180;
/** The current rate is measured over this many seconds. */
export const RATE_WINDOW_S = 10;
/** Failures kept for the live view. */
export const RECENT_FAILURES = 10;

/** Zeroed counts for every state. */
export function zeroCounts(): StateCounts {
  return Object.fromEntries(OutboxState.options.map((s) => [s, 0])) as StateCounts;
}

/** Outbox counts per channel and state of one campaign (one indexed GROUP BY). */
export function countRows(db: Database.Database, campaignId: number): Record<Channel, StateCounts> {
  const counts: Record<Channel, StateCounts> = { email: zeroCounts(), whatsapp: zeroCounts() };
  const rows = db
    .prepare('SELECT channel, state, COUNT(*) AS n FROM outbox WHERE campaign_id = ? GROUP BY channel, state')
    .all(campaignId) as { channel: Channel; state: OutboxState; n: number }[];
  for (const r of rows) counts[r.channel][r.state] = r.n;
  return counts;
}

/**
 * The live numbers of one campaign run, kept in the send worker: outbox counts (read once, then moved
 * by every state change the run itself commits, so they equal the table without re-counting it),
 * accepted messages per second, and the latest failures.
 */
export class LiveStats {
  counts: Record<Channel, StateCounts>;
  private readonly seconds = new Map<number, ThroughputPoint>();
  private readonly failures: FailureEntry[] = [];
  private readonly startedAt: number;

  constructor(
    private readonly db: Database.Database,
    private readonly campaignId: number,
    private readonly now: () => number = Date.now,
  ) {
    this.counts = countRows(db, campaignId);
    this.startedAt = now();
  }

  /** Reads the counts from the table again (after the main thread changed rows). */
  recount(): void {
    this.counts = countRows(this.db, this.campaignId);
  }

  /** A row of `channel` went from one state to another (committed). */
  move(channel: Channel, from: OutboxState, to: OutboxState): void {
    this.counts[channel][from] -= 1;
    this.counts[channel][to] += 1;
  }

  /** A row was inserted (committed). */
  add(channel: Channel, state: OutboxState): void {
    this.counts[channel][state] += 1;
  }

  /** A provider accepted a message now. */
  accepted(channel: Channel): void {
    const t = Math.floor(this.now() / 1000) * 1000;
    let p = this.seconds.get(t);
    if (!p) {
      p = { t, email: 0, whatsapp: 0 };
      this.seconds.set(t, p);
      const edge = t - THROUGHPUT_WINDOW_S * 1000;
      for (const k of this.seconds.keys()) if (k <= edge) this.seconds.delete(k);
    }
    p[channel] += 1;
  }

  /** Remembers a failure for the live view (newest first). */
  failed(entry: FailureEntry): void {
    this.failures.unshift(entry);
    if (this.failures.length > RECENT_FAILURES) this.failures.length = RECENT_FAILURES;
  }

  /** Starts the list with earlier failures (read from the outbox, newest first). */
  seedFailures(entries: FailureEntry[]): void {
    this.failures.push(...entries.slice(0, RECENT_FAILURES - this.failures.length));
  }

  recentFailures(): FailureEntry[] {
    return [...this.failures];
  }

  /** Accepted messages/s over the last 10 s (or since the run started, when shorter). */
  ratePerSec(): number {
    const now = this.now();
    const from = Math.floor(now / 1000) * 1000 - (RATE_WINDOW_S - 1) * 1000;
    let n = 0;
    for (const p of this.seconds.values()) if (p.t >= from) n += p.email + p.whatsapp;
    const span = Math.min(RATE_WINDOW_S, Math.max(1, (now - this.startedAt) / 1000));
    return Math.round((n / span) * 10) / 10;
  }

  /** Per-second points of the last minutes, oldest first, with empty seconds filled in. */
  throughput(): ThroughputPoint[] {
    const now = Math.floor(this.now() / 1000) * 1000;
    const first = Math.max(Math.floor(this.startedAt / 1000) * 1000, now - (THROUGHPUT_WINDOW_S - 1) * 1000);
    const out: ThroughputPoint[] = [];
    for (let t = first; t <= now; t += 1000) out.push(this.seconds.get(t) ?? { t, email: 0, whatsapp: 0 });
    return out;
  }
}
