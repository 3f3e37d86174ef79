import {
  AppError,
  type CampaignProgress,
  type CampaignSummary,
  type Channel,
  type WhatsAppTemplate,
} from '../contract';
import type { Store } from '../store/db';
import type { EventBus } from '../transport/events';
import {
  type CampaignRecord,
  getCampaign,
  insertCampaign,
  listCampaigns,
  setCampaignStatus,
  setSchedule,
} from './campaigns-repo';
import { markInFlightUnknown, materialiseOutbox } from './outbox';
import { buildProgress } from './progress';
import type { FromWorker, LiveSnapshot } from './protocol';
import { Schedules } from './schedules';
import { OfflineError, type ResolvedRun } from './senders';
import { SendWorkerHost } from './worker-host';

/** What the runner needs from the rest of the app. */
export interface RunnerDeps {
  store: Store;
  events: EventBus;
  /** The SQLite file the send worker opens. */
  dbFile: string;
  /** Compiles the campaign's content (the check before anything is written); throws AppError saying what to fix. */
  prepare(campaign: CampaignRecord): unknown;
  /** The synced WhatsApp template a campaign uses (null when it sends none). */
  template(campaign: CampaignRecord): WhatsAppTemplate | null;
  /** Resolves settings, secrets and account limits on this thread; throws AppError or OfflineError. */
  resolve(
    campaign: CampaignRecord,
    template: WhatsAppTemplate | null,
    channels: Set<Channel>,
  ): Promise<ResolvedRun>;
  log?(message: string, error?: unknown): void;
}

interface Active {
  live: LiveSnapshot | null;
  /** Email sign-in tokens the worker asks for (modern sign-in only). */
  tokens: ResolvedRun['tokens'];
  ended: Promise<void>;
  end: () => void;
}

const OFFLINE_RETRY_MS = [2_000, 5_000, 15_000, 30_000, 60_000];

/**
 * The main thread's side of sending: controls (start, schedule, dry run, pause, resume, cancel), crash
 * recovery, and live progress events (throttled to ≤ 10/s per campaign). The sending itself runs in
 * the send worker (worker.ts), so a 100,000-recipient campaign never blocks UI requests.
 */
export class CampaignRunner {
  private closing = false;
  private readonly active = new Map<number, Active>();
  private readonly host: SendWorkerHost;
  private readonly schedules: Schedules;
  private readonly offlineTries = new Map<number, number>();

  constructor(private readonly deps: RunnerDeps) {
    this.host = new SendWorkerHost(
      deps.dbFile,
      (m) => this.onWorker(m),
      (e) => this.onWorkerExit(e),
    );
    this.schedules = new Schedules(deps.store, (id) => this.startScheduled(id));
  }

  /** True while any campaign is sending (for the power-save blocker and the quit prompt). */
  isSending(): boolean {
    return this.active.size > 0;
  }

  /**
   * Start-up: rows left `sending` by a crash become `unknown`; running campaigns (and those the engine
   * paused while offline) resume; schedules are armed, and those missed while Herald was closed are kept
   * for the user to decide. Returns the number of rows marked unknown.
   */
  recover(): number {
    const unknown = markInFlightUnknown(this.deps.store);
    const running = this.deps.store.sqlite
      .prepare("SELECT id FROM campaigns WHERE status = 'running' OR (status = 'paused' AND auto_resume = 1)")
      .all() as { id: number }[];
    for (const { id } of running) this.launch(id);
    this.schedules.recover();
    return unknown;
  }

  /** Materialises the outbox (first start) and starts sending. */
  async start(campaignId: number): Promise<CampaignProgress> {
    const campaign = getCampaign(this.deps.store, campaignId);
    if (campaign.status !== 'draft' && campaign.status !== 'scheduled')
      throw new AppError('conflict', `The campaign is already ${campaign.status}.`);
    this.deps.prepare(campaign); // refuse before writing anything
    materialiseOutbox(this.deps.store, campaignId, campaign.channelMode, campaign.draft.audience);
    this.schedules.clear(campaignId);
    setCampaignStatus(this.deps.store, campaignId, 'running');
    this.launch(campaignId);
    return this.emit(campaignId, true);
  }

  /** Schedules a draft to start by itself at `at` (ms since epoch) while Herald is open. */
  schedule(campaignId: number, at: number): CampaignProgress {
    const campaign = getCampaign(this.deps.store, campaignId);
    if (campaign.status !== 'draft' && campaign.status !== 'scheduled')
      throw new AppError('conflict', `Only a draft can be scheduled; this campaign is ${campaign.status}.`);
    if (at <= Date.now())
      throw new AppError('invalid_input', 'Pick a time in the future, or start the campaign now.');
    this.deps.prepare(campaign);
    setSchedule(this.deps.store, campaignId, at);
    setCampaignStatus(this.deps.store, campaignId, 'scheduled');
    this.schedules.arm(campaignId, at);
    return this.emit(campaignId, true);
  }

  /** A scheduled campaign goes back to draft. */
  unschedule(campaignId: number): CampaignProgress {
    const campaign = getCampaign(this.deps.store, campaignId);
    if (campaign.status !== 'scheduled')
      throw new AppError('conflict', `The campaign is ${campaign.status}, not scheduled.`);
    this.schedules.clear(campaignId);
    setSchedule(this.deps.store, campaignId, null);
    setCampaignStatus(this.deps.store, campaignId, 'draft');
    return this.emit(campaignId, true);
  }

  /** Scheduled campaigns whose time passed while Herald was closed. */
  missedSchedules(): CampaignSummary[] {
    const missed = this.schedules.missed();
    return listCampaigns(this.deps.store).filter((c) => c.status === 'scheduled' && missed.has(c.id));
  }

  /** Copies a campaign's draft into a dry run and starts it (nothing goes to the network). */
  async dryRun(campaignId: number): Promise<CampaignProgress> {
    const source = getCampaign(this.deps.store, campaignId);
    this.deps.prepare(source);
    const id = insertCampaign(this.deps.store, { ...source.draft, name: `${source.name} (dry run)` }, true);
    return this.start(id);
  }

  async resume(campaignId: number): Promise<CampaignProgress> {
    const campaign = getCampaign(this.deps.store, campaignId);
    if (campaign.status !== 'paused' && campaign.status !== 'stopped')
      throw new AppError('conflict', `Only a paused campaign can resume; this one is ${campaign.status}.`);
    const a = this.active.get(campaignId);
    if (a && campaign.autoResume) {
      // Waiting for the network: probe now; the engine marks it running once the provider answers.
      this.host.send({ type: 'poke', campaignId });
      return this.emit(campaignId, true);
    }
    if (a) await a.ended; // the run that paused is still recording its last sends
    setCampaignStatus(this.deps.store, campaignId, 'running');
    this.launch(campaignId);
    return this.emit(campaignId, true);
  }

  async pause(campaignId: number): Promise<CampaignProgress> {
    const campaign = getCampaign(this.deps.store, campaignId);
    if (campaign.status !== 'running' && !(campaign.status === 'paused' && campaign.autoResume))
      throw new AppError('conflict', `The campaign is ${campaign.status}.`);
    const reason = 'Paused by you. Resume to continue where it stopped.';
    // Shown as paused only once the sends in flight are recorded, so "paused" never moves; and not
    // over a run that completed meanwhile.
    await this.stopRun(campaignId, { kind: 'pause', reason });
    this.deps.store.sqlite
      .prepare(
        `UPDATE campaigns SET status = 'paused', status_reason = ?, auto_resume = 0
         WHERE id = ? AND (status = 'running' OR (status = 'paused' AND auto_resume = 1))`,
      )
      .run(reason, campaignId);
    return this.emit(campaignId, true);
  }

  async cancel(campaignId: number): Promise<CampaignProgress> {
    const campaign = getCampaign(this.deps.store, campaignId);
    if (campaign.status === 'completed' || campaign.status === 'cancelled')
      throw new AppError('conflict', `The campaign is ${campaign.status}.`);
    const reason = 'Cancelled by you. Messages not yet sent were not sent.';
    this.schedules.clear(campaignId);
    setCampaignStatus(this.deps.store, campaignId, 'cancelled', reason);
    await this.stopRun(campaignId, { kind: 'cancelled', reason });
    this.deps.store.sqlite
      .prepare(
        "UPDATE outbox SET state = 'skipped', skip_reason = 'Not sent: the campaign was cancelled.', updated_at = ? WHERE campaign_id = ? AND state = 'queued'",
      )
      .run(Date.now(), campaignId);
    return this.emit(campaignId, true);
  }

  /**
   * After a report action changed rows: a running campaign re-reads its counts; a finished one with
   * rows queued again starts sending them. A paused campaign sends them when resumed.
   */
  afterReportAction(campaignId: number): CampaignProgress {
    const c = getCampaign(this.deps.store, campaignId);
    const a = this.active.get(campaignId);
    if (a) {
      a.live = null; // its counts predate the change: read the outbox until the worker re-counts
      this.host.send({ type: 'recount', campaignId });
    }
    if (['completed', 'stopped', 'cancelled'].includes(c.status) && this.hasQueued(campaignId)) {
      setCampaignStatus(this.deps.store, campaignId, 'running');
      if (!a) this.launch(campaignId); // else the run is ending: 'ended' starts a new one
    }
    return this.emit(campaignId, true);
  }

  /** Stops every run after its in-flight sends are recorded; running campaigns resume at the next start. */
  async shutdown(): Promise<void> {
    this.closing = true;
    this.schedules.close();
    await this.host.close();
    for (const a of this.active.values()) a.end();
    this.active.clear();
  }

  /** Current progress (live numbers from the worker while sending, else from the outbox). */
  progress(campaignId: number): CampaignProgress {
    return buildProgress(this.deps.store, campaignId, this.active.get(campaignId)?.live ?? null);
  }

  private emit(campaignId: number, now = false): CampaignProgress {
    const p = this.progress(campaignId);
    const key = `campaign:${campaignId}`;
    this.deps.events.throttled(key, 'campaign:progress', p);
    if (now) this.deps.events.flush(key);
    return p;
  }

  private hasQueued(campaignId: number): boolean {
    return (
      this.deps.store.sqlite
        .prepare("SELECT 1 FROM outbox WHERE campaign_id = ? AND state = 'queued' LIMIT 1")
        .get(campaignId) !== undefined
    );
  }

  /** Channels with queued rows (and email after WhatsApp in WhatsApp-first mode). */
  private channelsToOpen(c: CampaignRecord): Set<Channel> {
    const rows = this.deps.store.sqlite
      .prepare("SELECT DISTINCT channel FROM outbox WHERE campaign_id = ? AND state IN ('queued', 'sending')")
      .all(c.id) as { channel: Channel }[];
    const set = new Set(rows.map((r) => r.channel));
    if (c.channelMode === 'whatsapp_then_email' && set.has('whatsapp')) set.add('email');
    return set;
  }

  private async stopRun(
    campaignId: number,
    stop: { kind: 'pause' | 'cancelled'; reason: string },
  ): Promise<void> {
    const a = this.active.get(campaignId);
    if (!a) return;
    this.host.send({ type: 'stop', campaignId, stop });
    await a.ended;
  }

  /** Resolves the run's settings here and hands the run to the send worker. */
  private launch(campaignId: number): void {
    if (this.closing || this.active.has(campaignId)) return;
    let end!: () => void;
    const entry: Active = {
      live: null,
      tokens: null,
      ended: new Promise((r) => (end = r)),
      end: () => end(),
    };
    this.active.set(campaignId, entry);
    const finish = () => {
      this.active.delete(campaignId);
      entry.end();
    };
    void (async () => {
      const campaign = getCampaign(this.deps.store, campaignId);
      const template = this.deps.template(campaign);
      const { config, tokens } = await this.deps.resolve(campaign, template, this.channelsToOpen(campaign));
      entry.tokens = tokens;
      const now = getCampaign(this.deps.store, campaignId);
      if (this.closing || (now.status !== 'running' && !now.autoResume)) return finish();
      if (now.autoResume) setCampaignStatus(this.deps.store, campaignId, 'running');
      this.host.send({ type: 'run', config });
    })().catch((e: unknown) => {
      finish();
      this.launchFailed(campaignId, e);
      this.emit(campaignId, true);
    });
  }

  private launchFailed(campaignId: number, e: unknown): void {
    const { store } = this.deps;
    if (e instanceof OfflineError) {
      store.sqlite
        .prepare(
          "UPDATE campaigns SET status = 'paused', status_reason = ?, auto_resume = 1 WHERE id = ? AND status IN ('running', 'paused')",
        )
        .run(`${e.message} Sending resumes by itself when it is back.`, campaignId);
      const tries = this.offlineTries.get(campaignId) ?? 0;
      this.offlineTries.set(campaignId, tries + 1);
      const wait = OFFLINE_RETRY_MS[Math.min(tries, OFFLINE_RETRY_MS.length - 1)]!;
      setTimeout(() => {
        if (getCampaign(store, campaignId).autoResume) this.launch(campaignId);
      }, wait).unref();
      return;
    }
    this.offlineTries.delete(campaignId);
    if (!(e instanceof AppError)) this.deps.log?.(`campaign ${campaignId} could not start`, e);
    const message = e instanceof Error ? e.message : String(e);
    setCampaignStatus(store, campaignId, 'paused', message);
  }

  private startScheduled(campaignId: number): void {
    this.start(campaignId).catch((e: unknown) => {
      const message = e instanceof Error ? e.message : String(e);
      setCampaignStatus(this.deps.store, campaignId, 'draft', `The scheduled start failed: ${message}`);
      this.emit(campaignId, true);
    });
  }

  private onWorker(m: FromWorker): void {
    switch (m.type) {
      case 'live': {
        const a = this.active.get(m.live.campaignId);
        if (!a) return;
        a.live = m.live;
        this.offlineTries.delete(m.live.campaignId);
        this.emit(m.live.campaignId);
        return;
      }
      case 'status':
        this.emit(m.campaignId, true);
        return;
      case 'ended': {
        const a = this.active.get(m.campaignId);
        this.active.delete(m.campaignId);
        a?.end();
        // Rows queued again by a report action while the run was finishing: send them too.
        const status = getCampaign(this.deps.store, m.campaignId).status;
        if ((status === 'completed' || status === 'running') && this.hasQueued(m.campaignId)) {
          setCampaignStatus(this.deps.store, m.campaignId, 'running');
          this.launch(m.campaignId);
        }
        this.emit(m.campaignId, true);
        return;
      }
      case 'log':
        this.deps.log?.(m.message, m.error);
        return;
      case 'oauthToken':
        this.answerToken(m.campaignId, m.requestId, m.renew);
        return;
      case 'ready':
      case 'closed':
        return;
    }
  }

  /** Fetches (refreshing when asked) an email access token for the worker; errors go back by kind. */
  private answerToken(campaignId: number, requestId: number, renew: boolean): void {
    const tokens = this.active.get(campaignId)?.tokens;
    const fail = (kind: 'not_signed_in' | 'network', message: string) =>
      this.host.send({ type: 'oauthToken', requestId, error: { kind, message } });
    if (!tokens)
      return fail('not_signed_in', 'Email sign-in is not set up: sign in again in Settings → Email.');
    tokens.accessToken(renew).then(
      (token) => this.host.send({ type: 'oauthToken', requestId, token }),
      (e: unknown) => {
        const kind = (e as { kind?: unknown }).kind;
        const message = e instanceof Error ? e.message : String(e);
        if (typeof kind === 'string')
          this.host.send({ type: 'oauthToken', requestId, error: { kind: kind as 'network', message } });
        else fail('network', message);
      },
    );
  }

  /** The worker died: its in-flight rows may or may not have gone out, so they become `unknown`. */
  private onWorkerExit(error: Error): void {
    this.deps.log?.('the send worker stopped', error);
    for (const [id, a] of [...this.active]) {
      markInFlightUnknown(this.deps.store, id);
      setCampaignStatus(
        this.deps.store,
        id,
        'paused',
        `Sending stopped unexpectedly (${error.message}). Resume to continue.`,
      );
      this.active.delete(id);
      a.end();
      this.emit(id, true);
    }
  }
}
