import { desc, eq } from 'drizzle-orm';
import {
  AppError,
  type CampaignDraft,
  type CampaignStatus,
  type CampaignSummary,
  type Channel,
  type ChannelMode,
  type StateCounts,
} from '../contract';
import type { Store } from '../store/db';
import { campaigns } from '../store/schema';
import { countRows } from './live';

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
  scheduledAt: number | null;
  dryRun: boolean;
  /** The engine paused it itself (network lost) and resumes it. */
  autoResume: boolean;
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
    dryRun: row.dryRun === 1,
    autoResume: row.autoResume === 1,
  };
}

/** Inserts a draft campaign (a dry run when `dryRun`) and returns its id. */
export function insertCampaign(store: Store, draft: CampaignDraft, dryRun = false): number {
  return store.db
    .insert(campaigns)
    .values({
      name: draft.name,
      channelMode: draft.channelMode,
      draft,
      status: 'draft',
      createdAt: Date.now(),
      dryRun: dryRun ? 1 : 0,
    })
    .returning({ id: campaigns.id })
    .get().id;
}

/**
 * Sets status (and reason); stamps startedAt on first run and finishedAt on a final status; clears the
 * engine's auto-resume flag (the status is now the user's or the runner's decision).
 */
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
      `UPDATE campaigns SET status = ?, status_reason = ?, auto_resume = 0, started_at = COALESCE(started_at, CASE WHEN ? = 'running' THEN ? END),
       finished_at = CASE WHEN ? THEN ? ELSE NULL END WHERE id = ?`,
    )
    .run(status, reason, status, now, final ? 1 : 0, now, id);
}

/** Outbox counts per channel and state (one indexed GROUP BY). */
export function countOutbox(store: Store, campaignId: number): Record<Channel, StateCounts> {
  return countRows(store.sqlite, campaignId);
}

/** Replaces a campaign's frozen draft (adding the email of "Send the failed ones by email instead"). */
export function updateDraft(store: Store, id: number, draft: CampaignDraft): void {
  store.sqlite.prepare('UPDATE campaigns SET draft = ? WHERE id = ?').run(JSON.stringify(draft), id);
}

/** Sets the time a campaign is scheduled for (null: none). */
export function setSchedule(store: Store, id: number, at: number | null): void {
  store.sqlite.prepare('UPDATE campaigns SET scheduled_at = ? WHERE id = ?').run(at, id);
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
      scheduledAt: c.scheduledAt,
      dryRun: c.dryRun === 1,
      total: totals.get(c.id)?.total ?? 0,
      done: totals.get(c.id)?.done ?? 0,
    }));
}
