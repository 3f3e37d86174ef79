import type { OAuthTokens } from '../channels/email/oauth-tokens';
import { CloudApiClient } from '../channels/whatsapp/client';
import { CloudApiError, NETWORK_ERROR_CODE } from '../channels/whatsapp/errors';
import { WHATSAPP_DEFAULT_MPS } from '../channels/whatsapp/sender';
import { AppError, type Channel, type WhatsAppTemplate } from '../contract';
import type { SettingsService } from '../settings/service';
import type { CampaignRecord } from './campaigns-repo';
import { ACCOUNT_KEY } from './plan-account';
import type { RunConfig } from './protocol';
import { tierCap } from './quota';

/** Overrides for tests and benchmarks (messages/s, sends in flight, ms). A rate given here replaces the account's. */
export interface SenderOptions {
  /** Replaces the rate of the number's throughput level; `Infinity` = unpaced. */
  whatsappRatePerSec?: number;
  /** Replaces the SMTP settings' rate; `Infinity` = unpaced. */
  emailRatePerSec?: number;
  whatsappConcurrency?: number;
  /** Cloud API request timeout, ms (default the client's 15 s). */
  whatsappTimeoutMs?: number;
  allowSelfSignedSmtp?: boolean;
}

/** Messages/s of a throughput level: HIGH numbers are upgraded to 1,000 mps, others send 80 (whatsapp-cloud-api.md, "Throughput"). */
export function throughputRate(level: string | null): number {
  return level?.toUpperCase() === 'HIGH' ? 1_000 : WHATSAPP_DEFAULT_MPS;
}

/** A run's configuration for the worker, and the email sign-in tokens that stay on the main thread. */
export interface ResolvedRun {
  config: RunConfig;
  /** Modern email sign-in: answers the worker's `oauthToken` requests (keychain-backed). */
  tokens: OAuthTokens | null;
}

/** The Cloud API cannot be reached right now: the campaign waits and retries by itself. */
export class OfflineError extends Error {
  override name = 'OfflineError';
}

/**
 * Resolves, on the main thread, everything a run of `campaign` needs on `channels`: settings with
 * their secrets from the keychain, the email provider's daily cap, and for WhatsApp the account's
 * messaging limit and throughput level read from `GET /{phone-number-id}` (skipped in a dry run, which
 * touches no network). Email sign-in tokens are returned apart: they stay here. Throws AppError('not_configured') naming what to fix, AppError('remote_error')
 * for a Cloud API refusal, or OfflineError when the Cloud API cannot be reached.
 */
export async function resolveRunConfig(
  settings: SettingsService,
  campaign: CampaignRecord,
  template: WhatsAppTemplate | null,
  channels: ReadonlySet<Channel>,
  opts: SenderOptions = {},
): Promise<ResolvedRun> {
  let tokens: OAuthTokens | null = null;
  const config: RunConfig = {
    campaignId: campaign.id,
    mode: campaign.channelMode,
    dryRun: campaign.dryRun,
    draft: campaign.draft,
    template,
  };
  if (channels.has('email')) {
    const { oauth, ...smtp } = await settings.smtpConfig();
    tokens = oauth?.tokens ?? null;
    config.email = {
      smtp: { ...smtp, oauth: null },
      oauthClient: oauth?.client ?? null,
      ratePerSec: opts.emailRatePerSec ?? smtp.ratePerSec,
      dailyCap: smtp.dailyCap ?? null,
      ...(opts.allowSelfSignedSmtp === undefined ? {} : { allowSelfSigned: opts.allowSelfSignedSmtp }),
    };
  }
  if (channels.has('whatsapp')) {
    const wa = await settings.whatsappConfig();
    const client = { ...wa, ...(opts.whatsappTimeoutMs ? { timeoutMs: opts.whatsappTimeoutMs } : {}) };
    let dailyCap: number | null = null;
    let level: string | null = null;
    if (!campaign.dryRun) {
      const account = await readAccount(new CloudApiClient(client));
      dailyCap = tierCap(account.messagingLimit) ?? null;
      level = account.throughputLevel;
      // The pre-send plan reads the cap from here: keep it as fresh as the last account read.
      settings.write(ACCOUNT_KEY, {
        messagingLimit: account.messagingLimit,
        throughputLevel: account.throughputLevel,
        checkedAt: Date.now(),
      });
    }
    config.whatsapp = {
      config: client,
      ratePerSec: opts.whatsappRatePerSec ?? throughputRate(level),
      dailyCap,
      ...(opts.whatsappConcurrency === undefined ? {} : { concurrency: opts.whatsappConcurrency }),
    };
  }
  return { config, tokens };
}

async function readAccount(client: CloudApiClient) {
  try {
    return await client.getPhoneNumber();
  } catch (e) {
    if (!(e instanceof CloudApiError)) throw e;
    const c = e.classified;
    if (c.code === NETWORK_ERROR_CODE) throw new OfflineError(c.userMessage);
    throw new AppError(c.action === 'PAUSE' ? 'not_configured' : 'remote_error', c.userMessage);
  }
}
