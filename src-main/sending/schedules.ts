import type { Store } from '../store/db';

/** setTimeout's longest delay (2^31 − 1 ms, about 24.8 days); longer waits re-arm. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Scheduled starts while Herald is open. At start-up, a schedule whose time passed while Herald was
 * closed is not started silently: it is kept as "missed" for the user to start or unschedule.
 */
export class Schedules {
  private readonly timers = new Map<number, NodeJS.Timeout>();
  private readonly missedIds = new Set<number>();

  constructor(
    private readonly store: Store,
    private readonly onDue: (campaignId: number) => void,
  ) {}

  /** Arms every future schedule and remembers the missed ones. */
  recover(now = Date.now()): void {
    const rows = this.store.sqlite
      .prepare("SELECT id, scheduled_at AS at FROM campaigns WHERE status = 'scheduled'")
      .all() as { id: number; at: number | null }[];
    for (const r of rows) {
      if (r.at === null || r.at <= now) this.missedIds.add(r.id);
      else this.arm(r.id, r.at);
    }
  }

  /** Starts `campaignId` at `at` (ms since epoch). */
  arm(campaignId: number, at: number): void {
    this.clear(campaignId);
    const wait = Math.min(MAX_TIMER_MS, Math.max(0, at - Date.now()));
    const timer = setTimeout(() => {
      this.timers.delete(campaignId);
      if (Date.now() >= at) this.onDue(campaignId);
      else this.arm(campaignId, at);
    }, wait);
    timer.unref();
    this.timers.set(campaignId, timer);
  }

  clear(campaignId: number): void {
    const t = this.timers.get(campaignId);
    if (t) clearTimeout(t);
    this.timers.delete(campaignId);
    this.missedIds.delete(campaignId);
  }

  /** Ids of schedules missed while Herald was closed. */
  missed(): ReadonlySet<number> {
    return this.missedIds;
  }

  close(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
