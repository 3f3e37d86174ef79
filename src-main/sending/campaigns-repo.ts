import { desc, eq } from 'drizzle-orm';
import {
  AppError,
  type CampaignDraft,
  type CampaignStatus,
  type CampaignSummary,
  type Channel,
  type ChannelMode,
  OutboxState,
  type StateCounts,
} from '../contract';
import type { Store } from '../store/db';
import { campaigns } from '../store/schema';

/** A campaign row with its frozen draft. */
export interface CampaignRecord {
  id: number;
  name: string;
  channelMode: ChannelMode;
  status: CampaignStatus;
  statusReason: string | null;
  draft: CampaignDraft;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
}

/** Throws AppError('not_found') when the campaign does not exist. */
export function getCampaign(store: Store, id: number): CampaignRecord {
  const row = store.db.select().from(campaigns).where(eq(campaigns.id, id)).get();
  if (!row) throw new AppError('not_found', `Campaign ${id} does not exist.`);
  return {
    ...row,
    channelMode: row.channelMode as ChannelMode,
    status: row.status as CampaignStatus,
    draft: row.draft as CampaignDraft,
  };
}

/** Inserts a draft campaign and returns its id. */
export function insertCampaign(store: Store, draft: CampaignDraft): number {
  return store.db
    .insert(campaigns)
    .values({
      name: draft.name,
      channelMode: draft.channelMode,
      draft,
      status: 'draft',
      createdAt: Date.now(),
    })
    .returning({ id: campaigns.id })
    .get().id;
}

/** Sets status (and reason); stamps startedAt on first run and finishedAt on a final status. */
export function setCampaignStatus(
  store: Store,
  id: number,
  status: CampaignStatus,
  reason: string | null = null,
): void {
  const now = Date.now();
  const final = status === 'completed' || status === 'cancelled' || status === 'stopped';
  store.sqlite
    .prepare(
      `UPDATE campaigns SET status = ?, status_reason = ?, started_at = COALESCE(started_at, CASE WHEN ? = 'running' THEN ? END),
       finished_at = CASE WHEN ? THEN ? ELSE NULL END WHERE id = ?`,
    )
    .run(status, reason, status, now, final ? 1 : 0, now, id);
}

/** Zeroed counts for every state. */
export function emptyCounts(): StateCounts {
  return Object.fromEntries(OutboxState.options.map((s) => [s, 0])) as StateCounts;
}

/** Outbox counts per channel and state (one indexed GROUP BY). */
export function countOutbox(store: Store, campaignId: number): Record<Channel, StateCounts> {
  const counts: Record<Channel, StateCounts> = { email: emptyCounts(), whatsapp: emptyCounts() };
  const rows = store.sqlite
    .prepare('SELECT channel, state, COUNT(*) AS n FROM outbox WHERE campaign_id = ? GROUP BY channel, state')
    .all(campaignId) as { channel: Channel; state: keyof StateCounts; n: number }[];
  for (const r of rows) counts[r.channel][r.state] = r.n;
  return counts;
}

const FINAL_SQL = "('sent','delivered','read','failed','skipped','unknown')";

/** Campaigns newest first with total and final row counts. */
export function listCampaigns(store: Store): CampaignSummary[] {
  const totals = new Map(
    (
      store.sqlite
        .prepare(
          `SELECT campaign_id AS id, COUNT(*) AS total, SUM(state IN ${FINAL_SQL}) AS done FROM outbox GROUP BY campaign_id`,
        )
        .all() as { id: number; total: number; done: number }[]
    ).map((r) => [r.id, r]),
  );
  return store.db
    .select()
    .from(campaigns)
    .orderBy(desc(campaigns.id))
    .all()
    .map((c) => ({
      id: c.id,
      name: c.name,
      channelMode: c.channelMode as ChannelMode,
      status: c.status as CampaignStatus,
      createdAt: c.createdAt,
      startedAt: c.startedAt,
      finishedAt: c.finishedAt,
      total: totals.get(c.id)?.total ?? 0,
      done: totals.get(c.id)?.done ?? 0,
    }));
}
