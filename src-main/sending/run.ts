import type { Channel, ChannelMode } from '../contract';
import type { Store } from '../store/db';
import { TokenBucket, backoffMs, sleep } from './pacing';
import { type PreparedCampaign, renderForContact } from './render';
import type { CampaignSenders, ClaimedRow, SendOutcome } from './types';

/** Attempts before a retryable failure becomes final. */
export const MAX_ATTEMPTS = 5;
const REFILL_BATCH = 200;
const FLUSH_EVERY_MS = 100;
const IDLE_POLL_MS = 250;

/** Why a run ended early; the runner turns it into the campaign's status. */
/** `shutdown`: the app is quitting; the campaign stays `running` and resumes at the next start. */
export type RunStop = { kind: 'pause' | 'stopped' | 'cancelled' | 'shutdown'; reason: string | null };

interface Result {
  row: ClaimedRow;
  outcome: SendOutcome;
}

/**
 * One campaign run: per channel, workers take due `queued` rows, mark each `sending` (committed before
 * the network call, so a crash leaves it `unknown`, never silently re-sent), send it under the channel's
 * token bucket, and hand the outcome to a flusher that records results in batched transactions.
 */
export class CampaignRun {
  private readonly abort = new AbortController();
  private readonly queues: Record<Channel, ClaimedRow[]> = { email: [], whatsapp: [] };
  private readonly refilling = new Map<Channel, Promise<void>>();
  private readonly inFlight = new Set<number>();
  private readonly activeWorkers: Record<Channel, number> = { email: 0, whatsapp: 0 };
  private results: Result[] = [];
  private readonly buckets: Record<Channel, TokenBucket>;
  private readonly sentAt: number[] = [];
  private stop: RunStop | null = null;
  private readonly markSending;
  private readonly claim;

  constructor(
    private readonly store: Store,
    readonly campaignId: number,
    private readonly mode: ChannelMode,
    private readonly prepared: PreparedCampaign,
    private readonly senders: CampaignSenders,
    private readonly onFlush: () => void,
  ) {
    this.buckets = {
      email: new TokenBucket(senders.ratePerSec.email),
      whatsapp: new TokenBucket(senders.ratePerSec.whatsapp),
    };
    this.markSending = store.sqlite.prepare(
      "UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated_at = ? WHERE id = ? AND state = 'queued'",
    );
    this.claim = store.sqlite.prepare(
      `SELECT o.id, o.channel, o.address, o.attempts, c.id AS cid, c.first_name, c.last_name, c.email, c.phone, c.attributes
       FROM outbox o JOIN contacts c ON c.id = o.contact_id
       WHERE o.campaign_id = ? AND o.channel = ? AND o.state = 'queued' AND o.next_attempt_at <= ?
       ORDER BY o.next_attempt_at, o.id LIMIT ?`,
    );
  }

  /** Messages accepted per second over the last 10 s. */
  ratePerSec(now = Date.now()): number {
    while (this.sentAt.length > 0 && this.sentAt[0]! < now - 10_000) this.sentAt.shift();
    return this.sentAt.length / 10;
  }

  /** Ends the run after in-flight sends complete; the first reason wins. */
  requestStop(stop: RunStop): void {
    this.stop ??= stop;
    this.abort.abort(new Error(stop.kind));
  }

  /** Runs until done or stopped; resolves with the stop reason, or null when every row is final. */
  async run(): Promise<RunStop | null> {
    const flusher = setInterval(() => this.flush(), FLUSH_EVERY_MS);
    try {
      const workers: Promise<void>[] = [];
      for (const channel of ['email', 'whatsapp'] as const) {
        if (!this.senders.senders[channel]) continue;
        for (let i = 0; i < this.senders.concurrency[channel]; i++) workers.push(this.worker(channel));
      }
      await Promise.all(workers);
    } finally {
      clearInterval(flusher);
      this.flush();
    }
    return this.stop;
  }

  private async worker(channel: Channel): Promise<void> {
    this.activeWorkers[channel] += 1;
    try {
      await this.work(channel);
    } finally {
      this.activeWorkers[channel] -= 1;
    }
  }

  private async work(channel: Channel): Promise<void> {
    const send = this.senders.senders[channel]!;
    while (!this.abort.signal.aborted) {
      const row = await this.next(channel);
      if (row === 'done') return;
      if (row === null) {
        await sleep(IDLE_POLL_MS, this.abort.signal).catch(() => undefined);
        continue;
      }
      try {
        await this.buckets[channel].take(this.abort.signal);
      } catch {
        return; // stopped while waiting for pacing: the row is still `queued`
      }
      if (this.markSending.run(Date.now(), row.id).changes === 0) continue;
      this.inFlight.add(row.id);
      row.attempts += 1;
      const message = renderForContact(this.prepared, row.contact);
      const problems = message[channel]?.problems ?? [];
      const outcome: SendOutcome =
        problems.length > 0
          ? { ok: false, action: 'FAIL', code: 'invalid_content', message: problems.join(' ') }
          : await send(row, message);
      this.inFlight.delete(row.id);
      this.results.push({ row, outcome });
      if (outcome.ok) this.sentAt.push(Date.now());
      else this.react(channel, outcome);
    }
  }

  private react(channel: Channel, o: Extract<SendOutcome, { ok: false }>): void {
    if (o.throttled) {
      const b = this.buckets[channel];
      b.block(1000);
      if (Number.isFinite(b.rate)) b.setRate(Math.max(1, b.rate * 0.8));
    }
    if (o.action === 'PAUSE') this.requestStop({ kind: 'pause', reason: o.message });
    if (o.action === 'TEMPLATE') this.requestStop({ kind: 'stopped', reason: o.message });
  }

  /** Next row for a channel; null when none is due yet; 'done' when the channel has nothing left. */
  private async next(channel: Channel): Promise<ClaimedRow | null | 'done'> {
    const queue = this.queues[channel];
    if (queue.length === 0) {
      const pending = this.refilling.get(channel) ?? this.refill(channel);
      this.refilling.set(channel, pending);
      await pending;
      this.refilling.delete(channel);
    }
    const row = queue.shift();
    if (row) return row;
    return this.hasWork(channel) ? null : 'done';
  }

  private async refill(channel: Channel): Promise<void> {
    this.flush(); // so rows just retried or enqueued by a fallback are visible
    type Raw = {
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
    };
    const rows = this.claim.all(this.campaignId, channel, Date.now(), REFILL_BATCH) as Raw[];
    for (const r of rows) {
      if (this.inFlight.has(r.id)) continue;
      this.queues[channel].push({
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
      });
    }
  }

  private hasWork(channel: Channel): boolean {
    if (this.inFlight.size > 0 || this.results.length > 0) return true;
    // WhatsApp failures may still enqueue fallback emails.
    if (channel === 'email' && this.mode === 'whatsapp_then_email' && this.activeWorkers.whatsapp > 0)
      return true;
    const q = this.store.sqlite
      .prepare("SELECT 1 FROM outbox WHERE campaign_id = ? AND channel = ? AND state = 'queued' LIMIT 1")
      .get(this.campaignId, channel);
    return q !== undefined;
  }

  /** Records buffered outcomes in one transaction, enqueuing email fallbacks. */
  flush(): void {
    if (this.results.length === 0) return;
    const batch = this.results;
    this.results = [];
    const db = this.store.sqlite;
    const sent = db.prepare(
      "UPDATE outbox SET state = 'sent', provider_message_id = ?, error_code = NULL, error_message = NULL, updated_at = ? WHERE id = ?",
    );
    const failed = db.prepare(
      "UPDATE outbox SET state = 'failed', error_code = ?, error_message = ?, updated_at = ? WHERE id = ?",
    );
    const unknown = db.prepare(
      "UPDATE outbox SET state = 'unknown', error_code = ?, error_message = ?, updated_at = ? WHERE id = ?",
    );
    const retry = db.prepare(
      "UPDATE outbox SET state = 'queued', next_attempt_at = ?, attempts = attempts - ?, error_code = ?, error_message = ?, updated_at = ? WHERE id = ?",
    );
    const fallback = db.prepare(
      "INSERT OR IGNORE INTO outbox (campaign_id, contact_id, channel, address, state, updated_at) VALUES (?, ?, 'email', ?, 'queued', ?)",
    );
    db.transaction(() => {
      const now = Date.now();
      for (const { row, outcome: o } of batch) {
        if (o.ok) sent.run(o.providerMessageId, now, row.id);
        else if (o.ambiguous)
          unknown.run(
            o.code,
            `${o.message} It may have been delivered: resend or mark as sent from the report.`,
            now,
            row.id,
          );
        else if (o.action === 'PAUSE') retry.run(now, 1, o.code, o.message, now, row.id);
        else if (o.action === 'RETRY' && row.attempts < MAX_ATTEMPTS)
          retry.run(now + backoffMs(row.attempts), 0, o.code, o.message, now, row.id);
        else {
          failed.run(o.code, o.message, now, row.id);
          if (
            this.mode === 'whatsapp_then_email' &&
            row.channel === 'whatsapp' &&
            o.action === 'FAIL' &&
            row.contact.email
          ) {
            fallback.run(this.campaignId, row.contact.id, row.contact.email, now);
          }
        }
      }
    })();
    this.onFlush();
  }
}
