import { AppError, type CampaignProgress, FINAL_STATES } from '../contract';
import type { Store } from '../store/db';
import type { EventBus } from '../transport/events';
import { type CampaignRecord, countOutbox, getCampaign, setCampaignStatus } from './campaigns-repo';
import { markInFlightUnknown, materialiseOutbox } from './outbox';
import type { PreparedCampaign } from './render';
import { CampaignRun } from './run';
import type { CampaignSenders } from './types';

/** What the runner needs from the rest of the app. */
export interface RunnerDeps {
  store: Store;
  events: EventBus;
  /** Compiles the campaign's content; throws AppError when it cannot be sent as it is. */
  prepare(campaign: CampaignRecord): PreparedCampaign;
  /** Opens the channels a campaign needs; throws AppError('not_configured') naming what is missing. */
  openSenders(campaign: CampaignRecord): Promise<CampaignSenders>;
  log?(message: string, error?: unknown): void;
}

/**
 * Owns the running campaigns: start, pause, resume, cancel, crash recovery, and the live progress
 * events (throttled to ≤ 10/s per campaign). Every number in a progress event is read from the outbox.
 */
export class CampaignRunner {
  private closing = false;
  private readonly runs = new Map<number, { run: CampaignRun | null; done: Promise<void> }>();

  constructor(private readonly deps: RunnerDeps) {}

  /** True while any campaign is sending (for the power-save blocker and the quit prompt). */
  isSending(): boolean {
    return this.runs.size > 0;
  }

  /**
   * Start-up: rows left `sending` by a crash become `unknown`; campaigns that were running resume.
   * Returns the number of rows marked unknown.
   */
  recover(): number {
    const unknown = markInFlightUnknown(this.deps.store);
    const running = this.deps.store.sqlite
      .prepare("SELECT id FROM campaigns WHERE status = 'running'")
      .all() as { id: number }[];
    for (const { id } of running) this.launch(getCampaign(this.deps.store, id));
    return unknown;
  }

  /** Materialises the outbox (first start) and starts sending. */
  async start(campaignId: number): Promise<CampaignProgress> {
    const campaign = getCampaign(this.deps.store, campaignId);
    if (campaign.status !== 'draft')
      throw new AppError('conflict', `The campaign is already ${campaign.status}.`);
    this.deps.prepare(campaign); // refuse before writing anything
    materialiseOutbox(this.deps.store, campaignId, campaign.channelMode, campaign.draft.audience);
    setCampaignStatus(this.deps.store, campaignId, 'running');
    this.launch(getCampaign(this.deps.store, campaignId));
    return this.progress(campaignId);
  }

  async resume(campaignId: number): Promise<CampaignProgress> {
    const campaign = getCampaign(this.deps.store, campaignId);
    if (campaign.status !== 'paused')
      throw new AppError('conflict', `Only a paused campaign can resume; this one is ${campaign.status}.`);
    setCampaignStatus(this.deps.store, campaignId, 'running');
    this.launch(getCampaign(this.deps.store, campaignId));
    return this.progress(campaignId);
  }

  async pause(campaignId: number): Promise<CampaignProgress> {
    return this.halt(campaignId, 'paused', 'Paused by you. Resume to continue where it stopped.');
  }

  async cancel(campaignId: number): Promise<CampaignProgress> {
    return this.halt(
      campaignId,
      'cancelled',
      'Cancelled by you. Messages not yet sent stay queued and will not be sent.',
    );
  }

  private async halt(
    campaignId: number,
    status: 'paused' | 'cancelled',
    reason: string,
  ): Promise<CampaignProgress> {
    const campaign = getCampaign(this.deps.store, campaignId);
    const allowed = status === 'paused' ? ['running'] : ['running', 'paused', 'draft'];
    if (!allowed.includes(campaign.status))
      throw new AppError('conflict', `The campaign is ${campaign.status}.`);
    setCampaignStatus(this.deps.store, campaignId, status, reason);
    const active = this.runs.get(campaignId);
    if (active) {
      active.run?.requestStop({ kind: status === 'paused' ? 'pause' : 'cancelled', reason });
      await active.done;
    }
    return this.emit(campaignId, true);
  }

  /** Stops every run after its in-flight sends are recorded; running campaigns resume at the next start. */
  async shutdown(): Promise<void> {
    this.closing = true;
    const active = [...this.runs.values()];
    for (const a of active) a.run?.requestStop({ kind: 'shutdown', reason: null });
    await Promise.all(active.map((a) => a.done));
  }

  /** Current progress, read from the outbox. */
  progress(campaignId: number): CampaignProgress {
    const c = getCampaign(this.deps.store, campaignId);
    const counts = countOutbox(this.deps.store, campaignId);
    let total = 0;
    let done = 0;
    for (const perState of Object.values(counts)) {
      for (const [state, n] of Object.entries(perState)) {
        total += n;
        if (FINAL_STATES.includes(state as never)) done += n;
      }
    }
    const rate = this.runs.get(campaignId)?.run?.ratePerSec() ?? 0;
    const remaining = total - done;
    return {
      campaignId,
      status: c.status,
      statusReason: c.statusReason,
      counts,
      total,
      done,
      ratePerSec: rate,
      etaMs:
        c.status === 'running' && rate > 0
          ? Math.round((remaining / rate) * 1000)
          : remaining === 0
            ? 0
            : null,
      at: Date.now(),
    };
  }

  private emit(campaignId: number, now = false): CampaignProgress {
    const p = this.progress(campaignId);
    const key = `campaign:${campaignId}`;
    this.deps.events.throttled(key, 'campaign:progress', p);
    if (now) this.deps.events.flush(key);
    return p;
  }

  private launch(campaign: CampaignRecord): void {
    if (this.closing || this.runs.has(campaign.id)) return;
    const done = this.drive(campaign).catch((e: unknown) => {
      this.deps.log?.(`campaign ${campaign.id} failed`, e);
      setCampaignStatus(
        this.deps.store,
        campaign.id,
        'paused',
        `Sending stopped on an unexpected error: ${e instanceof Error ? e.message : String(e)}`,
      );
    });
    const entry: { run: CampaignRun | null; done: Promise<void> } = { run: null, done };
    this.runs.set(campaign.id, entry);
    void done.finally(() => {
      this.runs.delete(campaign.id);
      this.emit(campaign.id, true);
    });
  }

  /** Runs until every row is final or the run is stopped; sets the resulting status. */
  private async drive(campaign: CampaignRecord): Promise<void> {
    let prepared: PreparedCampaign;
    let senders: CampaignSenders;
    try {
      prepared = this.deps.prepare(campaign);
      senders = await this.deps.openSenders(campaign);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      setCampaignStatus(
        this.deps.store,
        campaign.id,
        e.code === 'not_configured' ? 'paused' : 'stopped',
        e.message,
      );
      return;
    }
    try {
      for (;;) {
        if (this.closing || getCampaign(this.deps.store, campaign.id).status !== 'running') return; // paused, cancelled or quitting
        const run = new CampaignRun(
          this.deps.store,
          campaign.id,
          campaign.channelMode,
          prepared,
          senders,
          () => this.emit(campaign.id),
        );
        this.runs.get(campaign.id)!.run = run;
        this.emit(campaign.id, true);
        const stop = await run.run();
        if (stop) {
          if (stop.kind === 'pause' || stop.kind === 'stopped')
            setCampaignStatus(
              this.deps.store,
              campaign.id,
              stop.kind === 'pause' ? 'paused' : 'stopped',
              stop.reason,
            );
          return;
        }
        const left = this.deps.store.sqlite
          .prepare("SELECT 1 FROM outbox WHERE campaign_id = ? AND state IN ('queued','sending') LIMIT 1")
          .get(campaign.id);
        if (!left) break;
      }
      setCampaignStatus(this.deps.store, campaign.id, 'completed');
    } finally {
      senders.close();
    }
  }
}
