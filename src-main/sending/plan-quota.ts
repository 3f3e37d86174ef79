import type Database from 'better-sqlite3';
import type { Channel, QuotaOutlook } from '../contract';
import { QUOTA_WINDOW_MS } from './quota';

/** A channel's limits as the runner applies them: the rolling 24 h cap and the pacing. */
export interface ChannelLimits {
  /** Unique recipients per rolling 24 h; null = no cap known. */
  cap: number | null;
  /** Where the cap comes from, for the UI. */
  source: string;
  /** Pacing, messages/s (`Infinity` = unpaced). */
  ratePerSec: number;
}

/** What the quota allows and how long sending takes, for one channel. */
export interface ChannelOutlook {
  quota: QuotaOutlook;
  /** From the start until the last message goes, pacing and quota waits included, ms. */
  durationMs: number;
}

/** A place in the window: free from `at` (ms); `dead` once its address was messaged again (it moved). */
interface Slot {
  at: number;
  dead: boolean;
}

/**
 * Projects a channel's send of `addresses` (in outbox order) starting at `now` against the rolling
 * 24 h cap the way QuotaManager and the claim do: the persisted usage of the last 24 h (`quota_usage`)
 * holds places that free 24 h after their send; an address already messaged inside the window takes no
 * new place (its place moves to the new send); a new address takes the earliest free place; sends are
 * paced at `ratePerSec`, in order (a refused row holds back the rows after it, as the claim does).
 * Per slot, the time a place frees is kept in a queue that stays sorted because send times only grow.
 */
export function quotaOutlook(
  db: Database.Database,
  channel: Channel,
  addresses: readonly string[],
  limits: ChannelLimits,
  now: number,
): ChannelOutlook {
  const usage = db
    .prepare<[string, number], { address: string; at: number }>(
      'SELECT address, last_at AS at FROM quota_usage WHERE channel = ? AND last_at > ? ORDER BY last_at',
    )
    .all(channel, now - QUOTA_WINDOW_MS);
  const gap = Number.isFinite(limits.ratePerSec) && limits.ratePerSec > 0 ? 1000 / limits.ratePerSec : 0;
  const cap = limits.cap;
  const used = usage.length;
  if (cap === null) {
    const quota = {
      cap,
      usedLast24h: used,
      availableNow: null,
      waiting: 0,
      allSentBy: null,
      source: limits.source,
    };
    return { quota, durationMs: Math.round(addresses.length * gap) };
  }
  // Each address's current place; the queue holds the places in the order they free.
  const live = new Map<string, Slot>();
  const slots: Slot[] = [];
  for (let i = used; i < cap; i++) slots.push({ at: now, dead: false });
  usage.forEach((u, i) => {
    const slot = { at: u.at + QUOTA_WINDOW_MS, dead: false };
    live.set(u.address, slot);
    if (i >= used - cap) slots.push(slot); // beyond the cap, the oldest free first and are gone
  });
  let head = 0;
  const availableNow = Math.max(0, cap - used);
  let fresh = 0;
  let last = now - gap;
  for (const address of addresses) {
    const own = live.get(address);
    let earliest = now;
    if (own && own.at > last + gap) {
      own.dead = true; // messaged inside the window: no new place, its place moves to this send
    } else {
      while (head < slots.length && slots[head]!.dead) head++;
      if (head >= slots.length) break; // a cap of 0: nothing can go
      earliest = slots[head++]!.at;
      fresh++;
    }
    const at = Math.max(last + gap, earliest);
    const slot = { at: at + QUOTA_WINDOW_MS, dead: false };
    live.set(address, slot);
    slots.push(slot);
    last = at;
  }
  const waiting = Math.max(0, fresh - availableNow);
  const quota: QuotaOutlook = {
    cap,
    usedLast24h: used,
    availableNow,
    waiting,
    allSentBy: waiting > 0 ? Math.round(last) : null,
    source: limits.source,
  };
  return { quota, durationMs: addresses.length === 0 ? 0 : Math.max(0, Math.round(last + gap - now)) };
}
