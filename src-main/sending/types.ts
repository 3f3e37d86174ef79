import type { Channel } from '../contract';
import type { RenderContact, RenderedMessage } from './render';

/** What the runner does with a failed send (whatsapp-cloud-api.md, "Action classes"). */
export type FailureAction = 'RETRY' | 'PAUSE' | 'TEMPLATE' | 'FAIL';

/**
 * Finer retry advice a channel may attach to a failure (the WhatsApp client's ErrorHints extend it,
 * filled from whatsapp-cloud-api.md "Errors"). Absent fields fall back to the engine's defaults
 * (sending/policy.ts).
 */
export interface OutcomeHints {
  /** RETRY: whose pacing backs off (channel, account and app block the whole channel). */
  retryScope?: 'message' | 'recipient' | 'channel' | 'account' | 'app';
  /** RETRY: attempts in total before the row fails. */
  maxAttempts?: number;
  /** RETRY: wait at least this long, ms. */
  minDelayMs?: number;
  /** RETRY: backoff `backoffBaseMs * backoffFactor^(attempt-1)` ms (131056: 4^n s). */
  backoffBaseMs?: number;
  backoffFactor?: number;
  /** TEMPLATE: may be one recipient's value; FAIL only that row when others succeed. */
  mayBeRecipientSpecific?: boolean;
  /** FAIL: means the content is wrong when it repeats across recipients. */
  escalateIfRepeated?: boolean;
  /** FAIL: candidate for the email fallback. */
  emailFallback?: boolean;
  /** FAIL: add the address to the suppression list (131050). */
  suppressMarketing?: boolean;
  /** FAIL: do not send to this address again for this long, ms (131049). */
  noResendForMs?: number;
  /** The request may have been accepted although no answer arrived. */
  mayHaveBeenAccepted?: boolean;
}

/**
 * The outcome of one provider call. `throttled`: the provider's throughput limit was hit (slow the
 * channel). `ambiguous`: the request may have been accepted although no answer arrived; the row becomes
 * `unknown` instead of being retried, so nobody gets the message twice. `unreachable`: the request
 * never reached the provider (connection refused, DNS): the channel waits for the network.
 */
export type SendOutcome =
  | { ok: true; providerMessageId: string }
  | {
      ok: false;
      action: FailureAction;
      code: string;
      message: string;
      throttled?: boolean;
      ambiguous?: boolean;
      unreachable?: boolean;
      hints?: OutcomeHints;
    };

/** An outbox row claimed for sending, with the contact data rendering needs. */
export interface ClaimedRow {
  id: number;
  channel: Channel;
  address: string;
  attempts: number;
  contact: RenderContact;
}

/** Sends one rendered message on one channel. Never throws: failures are outcomes. */
export type ChannelSender = (row: ClaimedRow, message: RenderedMessage) => Promise<SendOutcome>;

/** The senders of one campaign run, and how fast each may go (messages/s, `Infinity` = unpaced). */
export interface CampaignSenders {
  senders: Partial<Record<Channel, ChannelSender>>;
  ratePerSec: Record<Channel, number>;
  concurrency: Record<Channel, number>;
  close(): void;
}

/** A provider opened for one campaign run. */
export interface OpenedChannel {
  send: ChannelSender;
  /** Pacing, messages/s. */
  ratePerSec: number;
  /** Sends in flight at once. */
  concurrency: number;
  close(): void;
}
