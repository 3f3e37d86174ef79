import { readSetting, writeSetting } from '../settings/kv';
import type { Store } from '../store/db';

/** The `settings` key holding the WhatsApp number's limits as last read from Meta. */
export const ACCOUNT_KEY = 'whatsapp.account';

/** The number's messaging limit and throughput level as `GET /{phone-number-id}` last reported them. */
export interface WhatsAppAccountFacts {
  /** `TIER_250`, `TIER_2K`, … `TIER_UNLIMITED`, or null when Meta did not report one. */
  messagingLimit: string | null;
  /** STANDARD | HIGH, or null. */
  throughputLevel: string | null;
  /** When they were read, ms since epoch. */
  checkedAt: number;
}

/** Keeps the facts of a health check (Test connection, or a campaign's pre-flight read) for the pre-send plan. */
export function rememberWhatsAppAccount(
  store: Store,
  info: { messagingLimit: string | null; throughputLevel: string | null },
  at = Date.now(),
): void {
  const facts: WhatsAppAccountFacts = {
    messagingLimit: info.messagingLimit,
    throughputLevel: info.throughputLevel,
    checkedAt: at,
  };
  writeSetting(store, ACCOUNT_KEY, facts, at);
}

/** The facts of the last health check, or null when the number was never checked. */
export function lastWhatsAppAccount(store: Store): WhatsAppAccountFacts | null {
  const v = readSetting(store, ACCOUNT_KEY) as Partial<WhatsAppAccountFacts> | undefined;
  if (!v || typeof v !== 'object') return null;
  return {
    messagingLimit: typeof v.messagingLimit === 'string' ? v.messagingLimit : null,
    throughputLevel: typeof v.throughputLevel === 'string' ? v.throughputLevel : null,
    checkedAt: typeof v.checkedAt === 'number' ? v.checkedAt : 0,
  };
}
