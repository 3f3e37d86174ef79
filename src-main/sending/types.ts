import type { Channel } from '../contract';
import type { RenderContact, RenderedMessage } from './render';

/** What the runner does with a failed send (whatsapp-cloud-api.md, "Action classes"). */
export type FailureAction = 'RETRY' | 'PAUSE' | 'TEMPLATE' | 'FAIL';

/**
 * The outcome of one provider call. `throttled`: the provider's throughput limit was hit (slow the
 * channel). `ambiguous`: the request may have been accepted although no answer arrived; the row becomes
 * `unknown` instead of being retried, so nobody gets the message twice.
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
