import type {
  CampaignDraft,
  Channel,
  ChannelMode,
  ChannelWait,
  FailureEntry,
  QuotaView,
  StateCounts,
  ThroughputPoint,
  WhatsAppTemplate,
} from '../contract';
import type { OAuthClientConfig } from '../channels/email/oauth-providers';
import type { AccessToken, OAuthErrorKind } from '../channels/email/oauth-tokens';
import type { SmtpConfig } from '../settings/smtp';
import type { WhatsAppConfig } from '../settings/whatsapp';
import type { RunStop } from './run';

/**
 * Email as a run sends it: settings with the password (resolved on the main thread), pacing, cap. With
 * modern sign-in only the app registration travels; access tokens are asked of the main thread (which
 * owns the keychain) through `oauthToken` messages.
 */
export interface EmailRunConfig {
  smtp: Omit<SmtpConfig, 'oauth'> & { oauth: null };
  oauthClient: OAuthClientConfig | null;
  /** Pacing, messages/s (`Infinity` = unpaced). */
  ratePerSec: number;
  /** Unique recipients per rolling 24 h; null = no cap. */
  dailyCap: number | null;
  allowSelfSigned?: boolean;
}

/** WhatsApp as a run sends it: client settings with the token, pacing from the throughput level, cap from the messaging limit. */
export interface WhatsAppRunConfig {
  config: WhatsAppConfig & { timeoutMs?: number };
  ratePerSec: number;
  concurrency?: number;
  dailyCap: number | null;
}

/**
 * Everything the send worker needs to run one campaign. Secrets and settings are resolved on the main
 * thread (the keychain is never loaded in the worker) and passed in by structured clone.
 */
export interface RunConfig {
  campaignId: number;
  mode: ChannelMode;
  dryRun: boolean;
  draft: CampaignDraft;
  template: WhatsAppTemplate | null;
  email?: EmailRunConfig;
  whatsapp?: WhatsAppRunConfig;
}

/** Messages from the main thread to the send worker. */
export type ToWorker =
  | { type: 'run'; config: RunConfig }
  | { type: 'stop'; campaignId: number; stop: RunStop }
  | { type: 'recount'; campaignId: number }
  | { type: 'poke'; campaignId: number }
  | {
      type: 'oauthToken';
      requestId: number;
      token?: AccessToken;
      error?: { kind: OAuthErrorKind; message: string };
    }
  | { type: 'shutdown' };

/** The live part of a campaign's progress, measured in the worker. */
export interface LiveSnapshot {
  campaignId: number;
  counts: Record<Channel, StateCounts>;
  ratePerSec: number;
  throughput: ThroughputPoint[];
  quota: Partial<Record<Channel, QuotaView>>;
  waits: ChannelWait[];
  recentFailures: FailureEntry[];
  at: number;
}

/** Messages from the send worker. `ended`: the run is over and the campaign's status is written. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'live'; live: LiveSnapshot }
  | { type: 'status'; campaignId: number }
  | { type: 'ended'; campaignId: number }
  | { type: 'log'; message: string; error?: string }
  | { type: 'oauthToken'; campaignId: number; requestId: number; renew: boolean }
  | { type: 'closed' };
