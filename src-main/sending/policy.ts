import { findRule } from '../channels/whatsapp/error-table';
import type { Channel } from '../contract';
import { backoffMs } from './pacing';
import type { OutcomeHints, SendOutcome } from './types';

/** Attempts before a retryable failure becomes final, unless the error says otherwise. */
export const MAX_ATTEMPTS = 5;
/** Exponential backoff: first delay (ms) and cap (ms). */
export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_CAP_MS = 5 * 60_000;
/** A throughput error (130429) blocks the channel this long and cuts its rate by this factor. */
export const THROTTLE_BLOCK_MS = 1_000;
export const THROTTLE_SLOWDOWN = 0.8;
/** FAIL codes flagged `escalateIfRepeated` (135000) stop the campaign after this many in a row. */
export const ESCALATE_AFTER = 3;

/** A failed outcome. */
export type Failure = Extract<SendOutcome, { ok: false }>;

/** What happens to the row. `refund`: the attempt does not count (not the recipient's fault). */
export type RowDecision =
  | { kind: 'sent'; providerMessageId: string }
  | { kind: 'unknown'; failure: Failure }
  | { kind: 'requeue'; at: number; refund: boolean; failure: Failure }
  | {
      kind: 'failed';
      failure: Failure;
      /** WhatsApp-first mode: queue the email for this contact. */
      fallback: boolean;
      /** Add the address to the suppression list (131050). */
      suppress: boolean;
    };

/** What happens to the channel or the run. */
export interface RunEffect {
  stop?: { kind: 'pause' | 'stopped'; reason: string };
  /** Slow the channel's pacing (throughput reached). */
  slow?: boolean;
  /** Hand out no tokens on the channel for this long, ms. */
  blockMs?: number;
  /** The provider cannot be reached: hold the channel and probe until it is back. */
  offline?: boolean;
}

/** The row and run state a decision depends on. */
export interface DecisionInput {
  channel: Channel;
  /** Attempts including the one that just ended. */
  attempts: number;
  outcome: SendOutcome;
  /** The campaign sends email after a WhatsApp row fails for good. */
  fallbackToEmail: boolean;
  /** The channel has accepted at least one message in this run (TEMPLATE codes that may be one recipient's value). */
  channelHadSuccess: boolean;
  /** Consecutive `escalateIfRepeated` failures on this channel (no success between) before this one. */
  repeatedFailures: number;
  now: number;
  random?: () => number;
}

const EMAIL_UNREACHABLE = new Set([
  'ECONNECTION',
  'ECONNREFUSED',
  'EDNS',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ESOCKET',
  'ETIMEDOUT',
]);

/**
 * The hints of a failure: the channel's own when it gave them, else for WhatsApp the client's error
 * table (whatsapp-cloud-api.md, "Errors") looked up by code.
 */
export function hintsOf(channel: Channel, o: Failure): OutcomeHints {
  if (o.hints) return o.hints;
  if (channel !== 'whatsapp') return {};
  const code = Number(o.code);
  return (Number.isInteger(code) ? findRule(code)?.hints : undefined) ?? {};
}

/**
 * Whether the request never reached the provider: WhatsApp code -1 without "may have been accepted"
 * (connection refused, DNS), or an SMTP connection-level error.
 */
export function isUnreachable(channel: Channel, o: Failure): boolean {
  if (o.unreachable !== undefined) return o.unreachable;
  if (o.ambiguous || o.action !== 'RETRY') return false;
  if (channel === 'whatsapp') return o.code === '-1' && !hintsOf(channel, o).mayHaveBeenAccepted;
  return EMAIL_UNREACHABLE.has(o.code);
}

/** Delay before the next attempt of a RETRY, ms: the error's own backoff, else exponential with jitter. */
export function retryDelayMs(attempts: number, h: OutcomeHints, random: () => number = Math.random): number {
  let delay: number;
  if (h.backoffBaseMs !== undefined) {
    const ceiling = Math.min(BACKOFF_CAP_MS, h.backoffBaseMs * (h.backoffFactor ?? 2) ** (attempts - 1));
    delay = Math.round(ceiling * (0.9 + random() * 0.2)); // ±10 % so retries do not align
  } else {
    delay = backoffMs(attempts, BACKOFF_BASE_MS, BACKOFF_CAP_MS, random);
  }
  return Math.max(delay, h.minDelayMs ?? 0);
}

/**
 * Decides a row's next state and the run's reaction from one outcome (whatsapp-cloud-api.md,
 * "Errors"; DESIGN.md, "Sending"):
 * - ambiguous → `unknown` (never re-sent silently);
 * - unreachable → requeued without counting the attempt, channel held until the network is back;
 * - PAUSE → requeued (attempt refunded), campaign paused with the fix-it message;
 * - TEMPLATE → requeued, campaign stopped; unless it may be one recipient's value and others got through,
 *   then that row fails;
 * - RETRY → requeued after backoff (131056: that recipient only, 4^n s; 130429: the channel slows;
 *   channel/account/app scope: the channel waits), failed when attempts run out;
 * - FAIL → failed; WhatsApp-first queues the email; 131050 suppresses the number; a FAIL that keeps
 *   repeating (135000) stops the campaign.
 */
export function decide(input: DecisionInput): { row: RowDecision; effect: RunEffect } {
  const { outcome: o, channel, now } = input;
  const random = input.random ?? Math.random;
  if (o.ok) return { row: { kind: 'sent', providerMessageId: o.providerMessageId }, effect: {} };
  const h = hintsOf(channel, o);
  if (o.ambiguous) return { row: { kind: 'unknown', failure: o }, effect: {} };
  if (isUnreachable(channel, o))
    return { row: { kind: 'requeue', at: now, refund: true, failure: o }, effect: { offline: true } };
  const requeueNow = { kind: 'requeue' as const, at: now, refund: true, failure: o };
  const failed = (extra: Partial<RowDecision & { kind: 'failed' }> = {}): RowDecision => ({
    kind: 'failed',
    failure: o,
    fallback: input.fallbackToEmail && channel === 'whatsapp',
    suppress: false,
    ...extra,
  });
  switch (o.action) {
    case 'PAUSE':
      return { row: requeueNow, effect: { stop: { kind: 'pause', reason: o.message } } };
    case 'TEMPLATE':
      if (h.mayBeRecipientSpecific && input.channelHadSuccess) return { row: failed(), effect: {} };
      return { row: requeueNow, effect: { stop: { kind: 'stopped', reason: o.message } } };
    case 'RETRY': {
      if (o.throttled)
        return {
          row: { kind: 'requeue', at: now, refund: true, failure: o },
          effect: { slow: true, blockMs: THROTTLE_BLOCK_MS },
        };
      const max = h.maxAttempts ?? MAX_ATTEMPTS;
      if (input.attempts >= max) return { row: failed(), effect: {} };
      const delay = retryDelayMs(input.attempts, h, random);
      const scope = h.retryScope ?? 'message';
      const channelWide = scope === 'channel' || scope === 'account' || scope === 'app';
      return {
        row: { kind: 'requeue', at: now + delay, refund: false, failure: o },
        effect: channelWide ? { blockMs: delay } : {},
      };
    }
    case 'FAIL': {
      const effect: RunEffect =
        h.escalateIfRepeated && input.repeatedFailures + 1 >= ESCALATE_AFTER
          ? { stop: { kind: 'stopped', reason: `${o.message} It happened for every recipient so far.` } }
          : {};
      return { row: failed({ suppress: h.suppressMarketing === true }), effect };
    }
  }
}
