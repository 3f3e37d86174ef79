import { presetFor } from '../channels/email/presets';
import {
  AppError,
  type Channel,
  type ChannelMode,
  type RateTable,
  type SendPlan,
  type SmtpProvider,
  WhatsAppCategory,
} from '../contract';
import type { Store } from '../store/db';
import type { AudienceInput } from './audience';
import type { WhatsAppAccountFacts } from './plan-account';
import { estimateCost } from './plan-cost';
import { type ChannelLimits, quotaOutlook } from './plan-quota';
import { tallyAudience } from './plan-qualify';
import { tierCap } from './quota';
import { type SenderOptions, throughputRate } from './senders';

/** Everything besides the audience that the plan depends on. */
export interface PlanInputs {
  limits: Record<Channel, ChannelLimits>;
  rates: RateTable;
  /** The WhatsApp template's category; null when the mode sends no WhatsApp. */
  category: WhatsAppCategory | null;
  /** The plan's "now", ms since epoch (the quota window ends here). */
  now: number;
}

const count = (n: number) => n.toLocaleString('en-US');

/**
 * The caps and pacing the runner would use (see resolveRunConfig): WhatsApp's cap from the messaging
 * limit of the last health check (tierCap) and its pace from the throughput level (80 msg/s, 1,000 for
 * HIGH), email's cap and pace from the SMTP settings; `overrides` (tests, benchmarks) replace the paces.
 */
export function planLimits(
  account: WhatsAppAccountFacts | null,
  smtp: { provider: SmtpProvider; dailyCap: number | null; ratePerSec: number },
  overrides: SenderOptions = {},
): Record<Channel, ChannelLimits> {
  const tier = tierCap(account?.messagingLimit);
  const checked = account ? ` (checked ${new Date(account.checkedAt).toISOString().slice(0, 10)})` : '';
  const waSource = !account
    ? 'Messaging limit not read yet: use Test connection in Settings → WhatsApp'
    : tier === undefined
      ? `Messaging limit not reported by Meta${checked}`
      : tier === null
        ? `WhatsApp messaging limit: unlimited${checked}`
        : `WhatsApp messaging limit: ${count(tier)} recipients per 24 h${checked}`;
  const preset = presetFor(smtp.provider);
  const emailSource =
    smtp.dailyCap === null
      ? 'No daily cap set in Settings → Email'
      : smtp.provider !== 'custom' && preset.dailyCap === smtp.dailyCap
        ? `${preset.label}: ${count(smtp.dailyCap)} recipients per day`
        : `Daily cap in Settings → Email: ${count(smtp.dailyCap)} recipients per 24 h`;
  return {
    whatsapp: {
      cap: tier ?? null,
      source: waSource,
      ratePerSec: overrides.whatsappRatePerSec ?? throughputRate(account?.throughputLevel ?? null),
    },
    email: {
      cap: smtp.dailyCap,
      source: emailSource,
      ratePerSec: overrides.emailRatePerSec ?? smtp.ratePerSec,
    },
  };
}

/** Meta's legacy category names as the current ones (TRANSACTIONAL became UTILITY, OTP AUTHENTICATION). */
const LEGACY: Record<string, WhatsAppCategory> = { TRANSACTIONAL: 'UTILITY', OTP: 'AUTHENTICATION' };

/**
 * The category of a library template (`wa_templates.category`). Throws AppError('not_found') when the
 * template is no longer in the library, ('invalid_input') for a category Meta does not price.
 */
export function templateCategory(store: Store, templateId: number): WhatsAppCategory {
  const row = store.sqlite.prepare('SELECT category FROM wa_templates WHERE id = ?').get(templateId) as
    { category: string } | undefined;
  if (!row)
    throw new AppError(
      'not_found',
      'The chosen WhatsApp template is no longer in the library: pick it again.',
    );
  const name = row.category.toUpperCase();
  const parsed = WhatsAppCategory.safeParse(LEGACY[name] ?? name);
  if (!parsed.success)
    throw new AppError('invalid_input', `The template's category ${row.category} has no price category.`);
  return parsed.data;
}

/**
 * The pre-send plan of a draft: one pass of the planning rule over the audience (the outbox's own
 * source), then per channel the quota outlook and duration at the runner's pace, the WhatsApp-first
 * fallback emails, and the WhatsApp cost estimate. Reads only. A channel paced at `Infinity` (tests,
 * benchmarks) reports `ratePerSec` 0 (JSON has no Infinity) and a pacing time of 0.
 */
export function computePlan(
  store: Store,
  draft: { channelMode: ChannelMode; audience: AudienceInput },
  inputs: PlanInputs,
): SendPlan {
  const tally = tallyAudience(store, draft.channelMode, draft.audience, true);
  const channels = tally.channels().map((q) => {
    const limits = inputs.limits[q.channel];
    const outlook = quotaOutlook(store.sqlite, q.channel, tally.addresses[q.channel], limits, inputs.now);
    const ratePerSec = Number.isFinite(limits.ratePerSec) ? limits.ratePerSec : 0;
    return { ...q, quota: outlook.quota, ratePerSec, durationMs: outlook.durationMs };
  });
  const sendsWhatsApp = channels.some((c) => c.channel === 'whatsapp');
  return {
    audience: tally.audience,
    channels,
    fallbackEmails: draft.channelMode === 'whatsapp_then_email' ? tally.fallbackEmails : null,
    cost:
      sendsWhatsApp && inputs.category
        ? estimateCost(tally.addresses.whatsapp, inputs.category, inputs.rates)
        : null,
    computedAt: inputs.now,
  };
}
