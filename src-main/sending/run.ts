import type Database from 'better-sqlite3';
import type { Channel, ChannelMode, ChannelWait, QuotaView } from '../contract';
import { Hold } from './holds';
import type { LiveStats } from './live';
import { THROTTLE_SLOWDOWN, decide } from './policy';
import { sleep } from './pacing';
import type { QuotaManager } from './quota';
import { type FinishedSend, Recorder } from './recorder';
import { type PreparedCampaign, renderChannel } from './render';
import { claimRows } from './claim';
import {
  type ChannelState,
  type Claimed,
  type RunChannel,
  batchClaimer,
  channelState,
  channelWaits,
  quotaView,
  recoverRate,
} from './run-channel';
import type { ClaimedRow, SendOutcome } from './types';

const FLUSH_EVERY_MS = 20;
const FLUSH_AT = 64;
const IDLE_MAX_MS = 1_000;

/** Why a run ended early. `shutdown`: the app is quitting; the campaign stays `running`. */
export type RunStop = { kind: 'pause' | 'stopped' | 'cancelled' | 'shutdown'; reason: string | null };
export type { RunChannel } from './run-channel';

/** What a run needs. `quota` null: a dry run (nothing counted). */
export interface RunDeps {
  db: Database.Database;
  campaignId: number;
  mode: ChannelMode;
  prepared: PreparedCampaign;
  channels: Partial<Record<Channel, RunChannel>>;
  quota: QuotaManager | null;
  stats: LiveStats;
  /** Something changed (results recorded, a wait began or ended). */
  onChange(): void;
  /** Every channel with work waits for the network (`reason`), or none does any more (null). */
  onOffline(reason: string | null): void;
}

/**
 * One campaign run in the send worker. Per channel a pump takes due `queued` rows under the channel's
 * token bucket and at most `concurrency` sends in flight; the rows it takes together get their quota
 * places and are marked `sending` in one transaction, committed before the network calls (a crash
 * leaves them `unknown`, never silently re-sent). Outcomes are decided by policy.ts and recorded in
 * batched transactions.
 */
export class CampaignRun {
  private readonly abort = new AbortController();
  private readonly ch = new Map<Channel, ChannelState>();
  private results: FinishedSend[] = [];
  private stop: RunStop | null = null;
  private readonly recorder: Recorder;
  private readonly anyQueued: Database.Statement;
  private readonly nextDue: Database.Statement;
  /**
   * In ONE transaction, per row: a quota place, then `sending` (committed before any network call).
   * Rows after the first the quota refuses are refused too; rows no longer `queued` are `gone`.
   */
  private readonly claimBatch: (rows: ClaimedRow[]) => Claimed;
  private offline = false;

  constructor(private readonly d: RunDeps) {
    for (const [channel, io] of Object.entries(d.channels) as [Channel, RunChannel][])
      this.ch.set(channel, channelState(channel, io));
    this.recorder = new Recorder(d.db, d.campaignId, d.quota, d.stats);
    this.anyQueued = d.db.prepare(
      "SELECT 1 FROM outbox WHERE campaign_id = ? AND channel = ? AND state = 'queued' LIMIT 1",
    );
    this.nextDue = d.db.prepare(
      "SELECT MIN(next_attempt_at) AS t FROM outbox WHERE campaign_id = ? AND channel = ? AND state = 'queued'",
    );
    this.claimBatch = batchClaimer(d.db, d.quota);
  }

  /** Ends the run after in-flight sends are recorded; the first reason wins. */
  requestStop(stop: RunStop): void {
    this.stop ??= stop;
    this.abort.abort(new Error(stop.kind));
  }

  /** Probes held channels now (the user pressed Resume while waiting for the network). */
  poke(): void {
    for (const c of this.ch.values()) c.hold?.poke();
  }

  /** Current waits per channel (quota, network, provider throttling), for progress. */
  waits(): ChannelWait[] {
    return [...this.ch.values()].flatMap((c) => channelWaits(c, Date.now()));
  }

  /** Quota and pacing per channel, for progress. */
  quotaViews(): Partial<Record<Channel, QuotaView>> {
    return Object.fromEntries([...this.ch.values()].map((c) => [c.channel, quotaView(c, this.d.quota)]));
  }

  /** Runs until every row is final or the run is stopped; resolves with the stop, or null when done. */
  async run(): Promise<RunStop | null> {
    const flusher = setInterval(() => this.flush(), FLUSH_EVERY_MS);
    try {
      await Promise.all([...this.ch.values()].map((c) => this.pump(c)));
    } finally {
      clearInterval(flusher);
      this.flush();
      for (const c of this.ch.values()) c.hold?.release();
    }
    return this.stop;
  }

  /**
   * One channel: waits for a token, takes as many more rows as tokens and free send slots allow, marks
   * them `sending` in one transaction, and starts their sends; at most `concurrency` are in flight.
   */
  private async pump(c: ChannelState): Promise<void> {
    const signal = this.abort.signal;
    const limit = Math.max(1, c.io.concurrency);
    const inFlight = new Set<Promise<void>>();
    c.pumping = true;
    try {
      while (!signal.aborted) {
        if (c.hold?.active) {
          await c.hold.released;
          continue;
        }
        // Unpaced, rows are taken when half the slots are free, so one commit covers several rows.
        const minBatch = Number.isFinite(c.bucket.rate) ? 1 : Math.max(1, Math.floor(limit / 2));
        if (inFlight.size > limit - minBatch) {
          await Promise.race(inFlight);
          continue;
        }
        const first = await this.next(c);
        if (first === 'done') return;
        if (first === null) {
          await Promise.race([this.idle(c), ...inFlight]);
          continue;
        }
        c.taken.add(first.id);
        try {
          await c.bucket.take(signal);
        } catch {
          this.putBack(c, [first]); // stopped while waiting for pacing: the row is still `queued`
          return;
        }
        const batch = [first];
        while (batch.length < limit - inFlight.size && c.queue.length > 0 && c.bucket.tryTake() === 0) {
          const r = c.queue.shift()!;
          c.taken.add(r.id);
          batch.push(r);
        }
        if (c.hold?.active) {
          this.putBack(c, batch);
          continue;
        }
        const { claimed, refused, gone } = this.claimBatch(batch);
        for (const r of gone) c.taken.delete(r.id);
        if (refused.length > 0) {
          this.putBack(c, refused);
          this.holdForQuota(c);
        }
        for (const { row, reservation } of claimed) {
          this.d.stats.move(c.channel, 'queued', 'sending');
          c.inFlight += 1;
          row.attempts += 1;
          const p: Promise<void> = this.send(c, row)
            .then((outcome) => {
              c.inFlight -= 1;
              this.finish(c, row, reservation, outcome);
            })
            .finally(() => inFlight.delete(p));
          inFlight.add(p);
        }
      }
    } finally {
      await Promise.all(inFlight);
      c.pumping = false;
    }
  }

  /** Rows taken but not sent go back to the front of the queue, in order. */
  private putBack(c: ChannelState, rows: ClaimedRow[]): void {
    for (const r of rows) c.taken.delete(r.id);
    c.queue.unshift(...rows);
  }

  private async send(c: ChannelState, row: ClaimedRow): Promise<SendOutcome> {
    const message = renderChannel(this.d.prepared, c.channel, row.contact);
    const problems = message[c.channel]?.problems ?? [];
    if (problems.length > 0)
      return { ok: false, action: 'FAIL', code: 'invalid_content', message: problems.join(' ') };
    try {
      return await c.io.send(row, message);
    } catch (e) {
      // A sender must not throw; if one does, the request may have left: never resend silently.
      return { ok: false, action: 'RETRY', code: 'internal', message: String(e), ambiguous: true };
    }
  }

  private finish(
    c: ChannelState,
    row: ClaimedRow,
    reservation: FinishedSend['reservation'],
    o: SendOutcome,
  ): void {
    const now = Date.now();
    const { row: decision, effect } = decide({
      channel: c.channel,
      attempts: row.attempts,
      outcome: o,
      fallbackToEmail: this.d.mode === 'whatsapp_then_email',
      channelHadSuccess: c.hadSuccess,
      repeatedFailures: c.repeated,
      now,
    });
    if (o.ok) {
      c.hadSuccess = true;
      c.repeated = 0;
      this.d.stats.accepted(c.channel);
      recoverRate(c, now);
    } else {
      if (decision.kind === 'failed' && decision.failure.action === 'FAIL') c.repeated += 1;
      if (decision.kind !== 'requeue' || !o.throttled)
        this.d.stats.failed({
          rowId: row.id,
          channel: c.channel,
          address: row.address,
          code: o.code,
          message: o.message,
          at: now,
        });
    }
    this.results.push({ row, reservation, decision, at: now });
    if (effect.slow) {
      c.throttledAt = now;
      if (Number.isFinite(c.bucket.rate)) c.bucket.setRate(Math.max(1, c.bucket.rate * THROTTLE_SLOWDOWN));
    }
    if (effect.blockMs) c.bucket.block(effect.blockMs);
    if (effect.offline && !o.ok) this.holdForNetwork(c, o.message);
    if (effect.stop) this.requestStop(effect.stop);
    if (this.results.length >= FLUSH_AT) this.flush();
  }

  private holdForQuota(c: ChannelState): void {
    if (c.hold?.active || !this.d.quota) return;
    const view = this.d.quota.view(c.channel, c.bucket.rate);
    const until = view.freesAt ?? Date.now() + 60_000;
    const what = c.channel === 'whatsapp' ? 'WhatsApp' : 'email';
    c.hold = new Hold(
      {
        channel: c.channel,
        kind: 'quota',
        until,
        message: `The 24-hour limit of ${view.cap ?? 0} ${what} recipients is reached: waiting for quota until ${new Date(until).toLocaleString()}. Sending resumes by itself.`,
      },
      this.abort.signal,
    );
    void c.hold.released.then(() => this.d.onChange());
    this.d.onChange();
  }

  private holdForNetwork(c: ChannelState, message: string): void {
    if (c.hold?.active) return;
    const hold = new Hold(
      {
        channel: c.channel,
        kind: 'network',
        until: null,
        message: `${c.io.label} cannot be reached (${message}). Sending resumes by itself when it is back.`,
      },
      this.abort.signal,
      c.io.probe,
    );
    c.hold = hold;
    void hold.released.then(() => this.updateOffline());
    this.updateOffline();
  }

  /** Offline = every channel that still has work waits for the network. */
  private updateOffline(): void {
    const busy = [...this.ch.values()].filter((c) => c.pumping);
    const held = busy.filter((c) => c.hold?.active && c.hold.wait.kind === 'network');
    const offline = busy.length > 0 && held.length === busy.length && !this.abort.signal.aborted;
    if (offline !== this.offline) {
      this.offline = offline;
      this.d.onOffline(offline ? held.map((c) => c.hold!.wait.message).join(' ') : null);
    }
    this.d.onChange();
  }

  /** Next row of a channel; null when none is due yet (or sends are still in flight); 'done' when nothing is left. */
  private async next(c: ChannelState): Promise<ClaimedRow | null | 'done'> {
    if (c.queue.length === 0) {
      c.refilling ??= this.refill(c).finally(() => (c.refilling = null));
      await c.refilling;
    }
    const row = c.queue.shift();
    if (row) return row;
    return this.hasWork(c) ? null : 'done';
  }

  private async refill(c: ChannelState): Promise<void> {
    this.flush(); // rows just retried, or enqueued by a fallback, become visible
    const rows = claimRows(this.d.db, this.d.campaignId, c.channel, Date.now());
    for (const r of rows) if (!c.taken.has(r.id)) c.queue.push(r);
  }

  private hasWork(c: ChannelState): boolean {
    if (c.inFlight > 0 || c.taken.size > 0 || this.results.length > 0) return true;
    // WhatsApp failures may still enqueue fallback emails.
    const wa = this.ch.get('whatsapp');
    if (c.channel === 'email' && this.d.mode === 'whatsapp_then_email' && wa?.pumping) return true;
    return this.anyQueued.get(this.d.campaignId, c.channel) !== undefined;
  }

  private async idle(c: ChannelState): Promise<void> {
    const due = (this.nextDue.get(this.d.campaignId, c.channel) as { t: number | null }).t;
    const wait = due === null ? 50 : Math.min(IDLE_MAX_MS, Math.max(5, due - Date.now()));
    await sleep(wait, this.abort.signal).catch(() => undefined);
  }

  /** Records buffered outcomes in one transaction. */
  flush(): void {
    if (this.results.length === 0) return;
    const batch = this.results;
    this.results = [];
    this.recorder.record(batch);
    for (const f of batch) this.ch.get(f.row.channel)?.taken.delete(f.row.id);
    this.d.onChange();
  }
}
