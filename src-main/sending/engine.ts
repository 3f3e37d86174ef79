import { AppError } from '../contract';
import type Database from 'better-sqlite3';
import { LiveStats } from './live';
import { openRunChannels } from './openers';
import { type AccessToken, OAuthError } from '../channels/email/oauth-tokens';
import type { FromWorker, LiveSnapshot, RunConfig, ToWorker } from './protocol';
import { QuotaManager } from './quota';
import { loadTemplateLibrary } from '../templates/wa-library';
import { prepareCampaign } from './render';
import { latestFailures } from './report';
import { CampaignRun, type RunStop } from './run';

/** Live snapshots per campaign at most every this many ms (≤ 10/s, DESIGN.md). */
export const LIVE_EVERY_MS = 100;

interface Active {
  run: CampaignRun | null;
  stats: LiveStats | null;
  stop: RunStop | null;
  done: Promise<void>;
  lastLive: number;
  liveTimer: NodeJS.Timeout | null;
}

/**
 * The send worker's side: runs campaigns on the worker's own database connection, owns the quota
 * manager every campaign shares, writes the statuses a run ends in (completed, paused by a PAUSE-class
 * error, stopped by a TEMPLATE-class error, paused while the network is away) and posts live
 * snapshots to the main thread.
 */
export class SendEngine {
  private readonly active = new Map<number, Active>();
  private readonly quota: QuotaManager;
  private readonly tokenRequests = new Map<
    number,
    { resolve: (t: AccessToken) => void; reject: (e: Error) => void }
  >();
  private nextRequest = 1;

  constructor(
    private readonly db: Database.Database,
    private readonly post: (m: FromWorker) => void,
  ) {
    this.quota = new QuotaManager(db);
  }

  /** Starts a run unless one is active for the campaign. */
  start(config: RunConfig): void {
    if (this.active.has(config.campaignId)) return;
    const a: Active = {
      run: null,
      stats: null,
      stop: null,
      done: Promise.resolve(),
      lastLive: 0,
      liveTimer: null,
    };
    this.active.set(config.campaignId, a);
    a.done = this.drive(config, a)
      .catch((e: unknown) => {
        this.post({ type: 'log', message: `campaign ${config.campaignId} failed`, error: String(e) });
        this.setStatus(
          config.campaignId,
          'paused',
          `Sending stopped on an unexpected error: ${errorText(e)}`,
        );
      })
      .finally(() => {
        if (a.liveTimer) clearTimeout(a.liveTimer);
        this.sendLive(config.campaignId, a);
        this.active.delete(config.campaignId);
        this.post({ type: 'ended', campaignId: config.campaignId });
      });
  }

  /** Asks a run to stop after its in-flight sends are recorded. */
  stop(campaignId: number, stop: RunStop): void {
    const a = this.active.get(campaignId);
    if (!a) return;
    a.stop ??= stop;
    a.run?.requestStop(stop);
  }

  /** The main thread changed outbox rows of a running campaign. */
  recount(campaignId: number): void {
    const a = this.active.get(campaignId);
    a?.stats?.recount();
    if (a) this.scheduleLive(campaignId, a);
  }

  /** The main thread's answer to an email access-token request. */
  tokenAnswer(m: Extract<ToWorker, { type: 'oauthToken' }>): void {
    const pending = this.tokenRequests.get(m.requestId);
    if (!pending) return;
    this.tokenRequests.delete(m.requestId);
    if (m.token) pending.resolve(m.token);
    else pending.reject(new OAuthError(m.error?.kind ?? 'network', m.error?.message ?? 'No access token.'));
  }

  /** Asks the main thread (which owns the keychain) for an email access token. */
  private requestToken(campaignId: number, renew: boolean): Promise<AccessToken> {
    const requestId = this.nextRequest++;
    return new Promise((resolve, reject) => {
      this.tokenRequests.set(requestId, { resolve, reject });
      this.post({ type: 'oauthToken', campaignId, requestId, renew });
    });
  }

  poke(campaignId: number): void {
    this.active.get(campaignId)?.run?.poke();
  }

  /** Stops every run and waits for them. */
  async shutdown(): Promise<void> {
    for (const id of this.active.keys()) this.stop(id, { kind: 'shutdown', reason: null });
    await Promise.all([...this.active.values()].map((a) => a.done));
  }

  private async drive(config: RunConfig, a: Active): Promise<void> {
    const { campaignId } = config;
    let prepared;
    try {
      const t = config.template;
      prepared = prepareCampaign(config.draft, t, t ? loadTemplateLibrary(this.db, t) : null);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return this.setStatus(campaignId, 'stopped', e.message);
    }
    let opened;
    try {
      opened = openRunChannels(config, prepared, (renew) => this.requestToken(campaignId, renew));
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return this.setStatus(campaignId, 'paused', e.message);
    }
    const quota = config.dryRun ? new QuotaManager(this.db, Date.now, false) : this.quota;
    if (config.email) quota.setCap('email', config.dryRun ? null : config.email.dailyCap);
    if (config.whatsapp) quota.setCap('whatsapp', config.dryRun ? null : config.whatsapp.dailyCap);
    a.stats = new LiveStats(this.db, campaignId);
    a.stats.seedFailures(latestFailures(this.db, campaignId));
    const left = this.db.prepare(
      "SELECT 1 FROM outbox WHERE campaign_id = ? AND state IN ('queued', 'sending') LIMIT 1",
    );
    try {
      for (;;) {
        if (a.stop) return;
        const run = new CampaignRun({
          db: this.db,
          campaignId,
          mode: config.mode,
          prepared,
          channels: opened.channels,
          quota,
          stats: a.stats,
          onChange: () => this.scheduleLive(campaignId, a),
          onOffline: (reason) => this.offline(campaignId, a, reason),
        });
        a.run = run;
        if (a.stop) run.requestStop(a.stop);
        this.scheduleLive(campaignId, a);
        const stop = await run.run();
        if (stop) {
          if (stop.kind === 'pause') this.setStatus(campaignId, 'paused', stop.reason);
          if (stop.kind === 'stopped') this.setStatus(campaignId, 'stopped', stop.reason);
          return;
        }
        if (!left.get(campaignId)) break;
        a.stats.recount();
      }
      this.setStatus(campaignId, 'completed', null);
    } finally {
      opened.close();
    }
  }

  /** Writes a status the run ended in, unless the user changed it meanwhile (pause, cancel). */
  private setStatus(
    campaignId: number,
    status: 'paused' | 'stopped' | 'completed',
    reason: string | null,
  ): void {
    const now = Date.now();
    this.db
      .prepare(
        `UPDATE campaigns SET status = ?, status_reason = ?, auto_resume = 0,
         finished_at = CASE WHEN ? IN ('completed', 'stopped') THEN ? ELSE finished_at END
         WHERE id = ? AND (status = 'running' OR (status = 'paused' AND auto_resume = 1))`,
      )
      .run(status, reason, status, now, campaignId);
  }

  /** Every channel with work waits for the network: the campaign shows paused and resumes by itself. */
  private offline(campaignId: number, a: Active, reason: string | null): void {
    const db = this.db;
    if (reason !== null)
      db.prepare(
        "UPDATE campaigns SET status = 'paused', status_reason = ?, auto_resume = 1 WHERE id = ? AND status = 'running'",
      ).run(reason, campaignId);
    else
      db.prepare(
        "UPDATE campaigns SET status = 'running', status_reason = NULL, auto_resume = 0 WHERE id = ? AND status = 'paused' AND auto_resume = 1",
      ).run(campaignId);
    if (a.liveTimer) clearTimeout(a.liveTimer);
    this.sendLive(campaignId, a); // the wait is in the snapshot that goes with the new status
    this.post({ type: 'status', campaignId });
  }

  private scheduleLive(campaignId: number, a: Active): void {
    if (a.liveTimer) return;
    const wait = a.lastLive + LIVE_EVERY_MS - Date.now();
    if (wait <= 0) return this.sendLive(campaignId, a);
    a.liveTimer = setTimeout(() => this.sendLive(campaignId, a), wait);
  }

  private sendLive(campaignId: number, a: Active): void {
    a.liveTimer = null;
    a.lastLive = Date.now();
    if (!a.stats) return;
    const live: LiveSnapshot = {
      campaignId,
      counts: a.stats.counts,
      ratePerSec: a.stats.ratePerSec(),
      throughput: a.stats.throughput(),
      quota: a.run?.quotaViews() ?? {},
      waits: a.run?.waits() ?? [],
      recentFailures: a.stats.recentFailures(),
      at: a.lastLive,
    };
    this.post({ type: 'live', live });
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
