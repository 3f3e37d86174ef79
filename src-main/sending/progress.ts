import { type CampaignProgress, FINAL_STATES } from '../contract';
import type { Store } from '../store/db';
import { countOutbox, getCampaign } from './campaigns-repo';
import type { LiveSnapshot } from './protocol';
import { latestFailures } from './report';

/**
 * A campaign's progress. While it runs, the numbers come from the send worker's snapshot (its counts
 * move with every committed change, so they equal the outbox); otherwise they are read from the
 * outbox. The status is always read from the campaigns table, and once it says the run is over the
 * counts are read from the outbox too: the worker writes the final status before its last snapshot
 * arrives, and "completed" next to a stale count would be a lie.
 */
export function buildProgress(store: Store, campaignId: number, live: LiveSnapshot | null): CampaignProgress {
  const c = getCampaign(store, campaignId);
  const running = c.status === 'running' ? live : null;
  const counts = running?.counts ?? countOutbox(store, campaignId);
  let total = 0;
  let done = 0;
  for (const perState of Object.values(counts)) {
    for (const [state, n] of Object.entries(perState)) {
      total += n;
      if (FINAL_STATES.includes(state as never)) done += n;
    }
  }
  // A finished campaign sends nothing and waits for nothing, whatever its last snapshot said; its
  // throughput chart and quota stay (what happened, and what is left).
  const over = c.status === 'completed' || c.status === 'cancelled' || c.status === 'stopped';
  const current = over ? null : live;
  const rate = current?.ratePerSec ?? 0;
  const remaining = total - done;
  const waits = current?.waits ?? [];
  const waitingForQuota = waits.some((w) => w.kind === 'quota' || w.kind === 'network');
  let etaMs: number | null = null;
  if (remaining === 0) etaMs = 0;
  else if (c.status === 'running' && rate > 0 && !waitingForQuota)
    etaMs = Math.round((remaining / rate) * 1000);
  return {
    campaignId,
    status: c.status,
    statusReason: c.statusReason,
    counts,
    total,
    done,
    ratePerSec: rate,
    etaMs,
    throughput: live?.throughput ?? [],
    quota: live?.quota ?? {},
    waits,
    recentFailures: running?.recentFailures ?? latestFailures(store.sqlite, campaignId),
    dryRun: c.dryRun,
    scheduledAt: c.scheduledAt,
    at: Date.now(),
  };
}
