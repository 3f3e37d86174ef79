import type Database from 'better-sqlite3';
import type { Channel, ChannelWait, QuotaView } from '../contract';
import type { Hold } from './holds';
import { TokenBucket } from './pacing';
import type { QuotaManager } from './quota';
import type { FinishedSend } from './recorder';
import type { ChannelSender, ClaimedRow } from './types';

/** Quiet time after a throughput error before the rate creeps back up, ms. */
export const RATE_RECOVER_AFTER_MS = 5_000;

/** One channel as a run uses it. */
export interface RunChannel {
  send: ChannelSender;
  /** Pacing, messages/s (`Infinity` = unpaced). */
  ratePerSec: number;
  concurrency: number;
  /** Whether the provider is reachable again (TCP connect), for network holds. */
  probe?: () => Promise<boolean>;
  /** Names the provider in messages ("the SMTP server 127.0.0.1:2525"). */
  label: string;
}

/** What one claim transaction did with the rows it was given. */
export interface Claimed {
  claimed: { row: ClaimedRow; reservation: FinishedSend['reservation'] }[];
  refused: ClaimedRow[];
  gone: ClaimedRow[];
}

/** A channel's state during one run. */
export interface ChannelState {
  channel: Channel;
  io: RunChannel;
  bucket: TokenBucket;
  queue: ClaimedRow[];
  /** Rows taken from the queue and not yet recorded (so a refill does not take them twice). */
  taken: Set<number>;
  inFlight: number;
  /** The channel's pump is running (it may still produce work, e.g. email fallbacks). */
  pumping: boolean;
  refilling: Promise<void> | null;
  hold: Hold | null;
  hadSuccess: boolean;
  repeated: number;
  /** When the provider last said "too fast" (ms), and when the rate last crept back up. */
  throttledAt: number;
  raisedAt: number;
}

/** A fresh channel state for a run. */
export function channelState(channel: Channel, io: RunChannel): ChannelState {
  return {
    channel,
    io,
    bucket: new TokenBucket(io.ratePerSec),
    queue: [],
    taken: new Set(),
    inFlight: 0,
    pumping: false,
    refilling: null,
    hold: null,
    hadSuccess: false,
    repeated: 0,
    throttledAt: 0,
    raisedAt: 0,
  };
}

/**
 * The claim of a batch, in ONE transaction, per row: a quota place, then `sending` (committed before
 * any network call). Rows after the first the quota refuses are refused too (they keep their order);
 * rows no longer `queued` are `gone`.
 */
export function batchClaimer(
  db: Database.Database,
  quota: QuotaManager | null,
): (rows: ClaimedRow[]) => Claimed {
  const markSending = db.prepare(
    "UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated_at = ? WHERE id = ? AND state = 'queued'",
  );
  const tx = db.transaction((rows: ClaimedRow[]) => {
    const now = Date.now();
    const out: Claimed = { claimed: [], refused: [], gone: [] };
    for (const row of rows) {
      if (out.refused.length > 0) {
        out.refused.push(row);
        continue;
      }
      const reservation = quota ? quota.reserve(row.channel, row.address) : null;
      if (reservation && !reservation.ok) {
        out.refused.push(row);
        continue;
      }
      if (markSending.run(now, row.id).changes === 0) {
        if (reservation?.fresh) quota!.release(row.channel, row.address, reservation.prevAt);
        out.gone.push(row);
        continue;
      }
      out.claimed.push({
        row,
        reservation: reservation ? { fresh: reservation.fresh, prevAt: reservation.prevAt } : null,
      });
    }
    return out;
  });
  return (rows) => tx.immediate(rows);
}

/**
 * After a throughput error the rate was cut (multiplicative decrease); once the provider has been
 * quiet for a while it creeps back up towards the configured rate (additive increase, as TCP does).
 */
export function recoverRate(c: ChannelState, now: number): void {
  const target = c.io.ratePerSec;
  if (c.bucket.rate >= target || now - c.throttledAt < RATE_RECOVER_AFTER_MS || now - c.raisedAt < 1_000)
    return;
  c.raisedAt = now;
  c.bucket.setRate(Math.min(target, c.bucket.rate + Math.max(1, target * 0.05)));
}

/** The channel's wait for the live view: its hold, or a provider-imposed pause longer than 1 s. */
export function channelWaits(c: ChannelState, now: number): ChannelWait[] {
  if (c.hold?.active) return [c.hold.wait];
  if (c.bucket.blockedUntilMs - now <= 1_000) return [];
  return [
    {
      channel: c.channel,
      kind: 'throttle',
      until: c.bucket.blockedUntilMs,
      message: `${c.io.label} asked Herald to slow down: sending continues by itself.`,
    },
  ];
}

/** The channel's quota and pacing for the live view (a dry run counts nothing). */
export function quotaView(c: ChannelState, quota: QuotaManager | null): QuotaView {
  return quota
    ? quota.view(c.channel, c.bucket.rate)
    : { cap: null, used: 0, remaining: null, freesAt: null, ratePerSec: null };
}
