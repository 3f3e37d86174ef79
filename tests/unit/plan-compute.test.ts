import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RateTable } from '../../src-main/contract';
import { computePlan, planLimits, templateCategory } from '../../src-main/sending/plan';
import { lastWhatsAppAccount, rememberWhatsAppAccount } from '../../src-main/sending/plan-account';
import { countryFinder, estimateCost } from '../../src-main/sending/plan-cost';
import { quotaOutlook } from '../../src-main/sending/plan-quota';
import { DEFAULT_RATES, RATES_KEY, loadRates, saveRates } from '../../src-main/sending/plan-rates';
import { QUOTA_WINDOW_MS } from '../../src-main/sending/quota';
import { type TempStore, openTempStore } from '../fixtures/temp-store';
import { addContact } from '../support/plan-fixture';

const NOW = 1_800_000_000_000;
const H = 3_600_000;
let t: TempStore;

beforeEach(() => {
  t = openTempStore();
});
afterEach(() => t.dispose());

function used(channel: string, address: string, at: number) {
  t.store.sqlite
    .prepare('INSERT INTO quota_usage (channel, address, last_at) VALUES (?, ?, ?)')
    .run(channel, address, at);
}
const outlook = (addresses: string[], cap: number | null, ratePerSec = 1) =>
  quotaOutlook(t.store.sqlite, 'whatsapp', addresses, { cap, source: 'test', ratePerSec }, NOW);

describe('quota outlook', () => {
  beforeEach(() => {
    used('whatsapp', 'u1', NOW - 3 * H);
    used('whatsapp', 'u2', NOW - 2 * H);
    used('whatsapp', 'u3', NOW - 1 * H);
    used('whatsapp', 'old', NOW - 25 * H); // outside the window
    used('email', 'e1', NOW - H); // another channel
  });

  it('no cap: nobody waits; the duration is the pacing alone', () => {
    const o = quotaOutlook(
      t.store.sqlite,
      'whatsapp',
      Array(10).fill('x'),
      { cap: null, source: 's', ratePerSec: 5 },
      NOW,
    );
    expect(o).toEqual({
      quota: { cap: null, usedLast24h: 3, availableNow: null, waiting: 0, allSentBy: null, source: 's' },
      durationMs: 2000,
    });
  });

  it('cap reached: every new recipient waits for the oldest use to leave the window', () => {
    const o = outlook(['n1', 'n2'], 3);
    expect(o.quota).toMatchObject({ cap: 3, usedLast24h: 3, availableNow: 0, waiting: 2 });
    expect(o.quota.allSentBy).toBe(NOW - 2 * H + QUOTA_WINDOW_MS);
    expect(o.durationMs).toBe(22 * H + 1000);
  });

  it('partial window: the free places go now at the pace, the rest when places free', () => {
    const o = outlook(['n1', 'n2', 'n3', 'n4'], 5);
    expect(o.quota).toMatchObject({ availableNow: 2, waiting: 2, allSentBy: NOW + 22 * H });
  });

  it('a recipient already messaged in the window takes no new place (its own moves)', () => {
    expect(outlook(['u1'], 3).quota).toMatchObject({ waiting: 0, allSentBy: null });
    // u1 is sent again now, so its old place does not free at +21 h: the next new one waits for u2's.
    expect(outlook(['u1', 'n1'], 3).quota).toMatchObject({ waiting: 1, allSentBy: NOW + 22 * H });
  });

  it('a lowered cap below the usage: the first new recipient waits until usage drops under it', () => {
    expect(outlook(['n1'], 2).quota).toMatchObject({ availableNow: 0, waiting: 1, allSentBy: NOW + 22 * H });
  });

  it("the campaign's own sends count: beyond the cap the rest goes a window later", () => {
    t.store.sqlite.prepare('DELETE FROM quota_usage').run();
    const o = outlook(['a', 'b', 'c'], 2);
    expect(o.quota).toMatchObject({
      usedLast24h: 0,
      availableNow: 2,
      waiting: 1,
      allSentBy: NOW + QUOTA_WINDOW_MS,
    });
    expect(o.durationMs).toBe(QUOTA_WINDOW_MS + 1000);
  });
});

describe('WhatsApp cost', () => {
  it('finds the country of a number, shared calling codes included', () => {
    const country = countryFinder();
    expect(country('+447700900123')).toBe('GB');
    expect(country('+447911123456')).toBe('GG');
    expect(country('+14155550123')).toBe('US');
    expect(country('+16135550123')).toBe('CA');
    expect(country('+4915123456789')).toBe('DE');
    expect(country('+77011234567')).toBe('KZ');
    expect(country('+79161234567')).toBe('RU');
    expect(country('+999123456')).toBe('*');
  });

  const table: RateTable = {
    currency: 'EUR',
    rows: [
      { country: '*', MARKETING: 0.05, UTILITY: null, AUTHENTICATION: 0.01 },
      { country: 'DE', MARKETING: 0.1, UTILITY: null, AUTHENTICATION: null },
    ],
  };
  const numbers = ['+4915123456789', '+4915123456788', '+447700900123'];

  it('prices each country from its row, else the * row', () => {
    expect(estimateCost(numbers, 'MARKETING', table)).toEqual({
      currency: 'EUR',
      total: 0.25,
      lines: [
        { country: 'DE', category: 'MARKETING', messages: 2, rate: 0.1, cost: 0.2 },
        { country: 'GB', category: 'MARKETING', messages: 1, rate: 0.05, cost: 0.05 },
      ],
      missingRates: [],
    });
    // DE has no AUTHENTICATION rate of its own: the default applies.
    expect(estimateCost(numbers, 'AUTHENTICATION', table).total).toBe(0.03);
  });

  it('lists the countries without any rate and leaves them out of the total', () => {
    const utility = estimateCost(numbers, 'UTILITY', table);
    expect(utility.total).toBe(0);
    expect(utility.missingRates).toEqual(['DE', 'GB']);
    expect(estimateCost(numbers, 'MARKETING', DEFAULT_RATES).missingRates).toEqual(['DE', 'GB']);
  });
});

describe('rate table', () => {
  it('starts empty in USD (no invented prices)', () => {
    expect(loadRates(t.store)).toEqual({ currency: 'USD', rows: [] });
  });

  it('round-trips, normalised: one row per country, * first, then alphabetical', () => {
    const row = (country: string, m: number | null) => ({
      country,
      MARKETING: m,
      UTILITY: null,
      AUTHENTICATION: null,
    });
    const saved = saveRates(t.store, {
      currency: 'EUR',
      rows: [row('FR', 1), row('*', 2), row('DE', 3), row('FR', 4)],
    });
    expect(saved.rows.map((r) => [r.country, r.MARKETING])).toEqual([
      ['*', 2],
      ['DE', 3],
      ['FR', 4],
    ]);
    expect(loadRates(t.store)).toEqual(saved);
  });

  it('the contract refuses bad codes; a damaged stored table reads as the default', () => {
    expect(RateTable.safeParse({ currency: 'usd', rows: [] }).success).toBe(false);
    expect(
      RateTable.safeParse({
        currency: 'USD',
        rows: [{ country: 'fr', MARKETING: 1, UTILITY: null, AUTHENTICATION: null }],
      }).success,
    ).toBe(false);
    t.store.sqlite
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?)')
      .run(RATES_KEY, '{"currency":1}');
    expect(loadRates(t.store)).toEqual(DEFAULT_RATES);
  });
});

describe('limits and the plan', () => {
  const smtp = { provider: 'gmail' as const, dailyCap: 500, ratePerSec: 2 };

  it('takes the caps and paces the runner would use', () => {
    const none = planLimits(null, { provider: 'custom', dailyCap: null, ratePerSec: 5 });
    expect(none.whatsapp).toMatchObject({ cap: null, ratePerSec: 80 });
    expect(none.whatsapp.source).toMatch(/Test connection/);
    expect(none.email).toMatchObject({ cap: null, ratePerSec: 5 });
    const checked = planLimits({ messagingLimit: 'TIER_1K', throughputLevel: 'HIGH', checkedAt: NOW }, smtp);
    expect(checked.whatsapp).toMatchObject({ cap: 1000, ratePerSec: 1000 });
    expect(checked.email).toEqual({
      cap: 500,
      ratePerSec: 2,
      source: 'Gmail (personal): 500 recipients per day',
    });
    expect(planLimits(null, smtp, { whatsappRatePerSec: 10, emailRatePerSec: 1 }).email.ratePerSec).toBe(1);
  });

  it('remembers the last health check of the number', () => {
    expect(lastWhatsAppAccount(t.store)).toBeNull();
    rememberWhatsAppAccount(t.store, { messagingLimit: 'TIER_250', throughputLevel: 'STANDARD' }, NOW);
    expect(lastWhatsAppAccount(t.store)).toEqual({
      messagingLimit: 'TIER_250',
      throughputLevel: 'STANDARD',
      checkedAt: NOW,
    });
  });

  it('reads the template category (legacy names mapped), refusing a template that is gone', () => {
    const id = Number(
      t.store.sqlite
        .prepare(
          "INSERT INTO wa_templates (meta_id, name, language, status, category, components) VALUES ('1','t','en','APPROVED','TRANSACTIONAL','[]')",
        )
        .run().lastInsertRowid,
    );
    expect(templateCategory(t.store, id)).toBe('UTILITY');
    expect(() => templateCategory(t.store, id + 1)).toThrow(/no longer in the library/);
  });

  it('computes the whole plan: qualification, quota, duration, fallback emails and cost', () => {
    addContact(t.store, { email: 'a@example.com', phone: '+447700900001' });
    addContact(t.store, { email: 'b@example.com', phone: '+4915123456789' });
    addContact(t.store, { phone: '+4915123456788' });
    addContact(t.store, { email: 'd@example.com' });
    used('whatsapp', '+447700900001', NOW - H);
    used('whatsapp', 'someone', NOW - 2 * H);
    const inputs = {
      limits: planLimits({ messagingLimit: 'TIER_250', throughputLevel: null, checkedAt: NOW }, smtp),
      rates: {
        currency: 'USD',
        rows: [{ country: 'DE', MARKETING: 0.1, UTILITY: null, AUTHENTICATION: null }],
      },
      category: 'MARKETING' as const,
      now: NOW,
    };
    const plan = computePlan(t.store, { channelMode: 'whatsapp_then_email', audience: {} }, inputs);
    expect(plan.audience).toBe(4);
    expect(plan.fallbackEmails).toBe(2);
    const [wa, email] = plan.channels;
    expect(wa).toMatchObject({ channel: 'whatsapp', qualified: 3, ratePerSec: 80 });
    expect(wa!.quota).toMatchObject({ cap: 250, usedLast24h: 2, availableNow: 248, waiting: 0 });
    expect(wa!.durationMs).toBe(38); // 3 messages at 80/s
    expect(email).toMatchObject({ channel: 'email', qualified: 1, ratePerSec: 2, durationMs: 500 });
    expect(plan.cost).toMatchObject({ total: 0.2, missingRates: ['GB'] });
    expect(plan.computedAt).toBe(NOW);
    const emailOnly = computePlan(
      t.store,
      { channelMode: 'email', audience: {} },
      { ...inputs, category: null },
    );
    expect(emailOnly.cost).toBeNull();
    expect(emailOnly.fallbackEmails).toBeNull();
    expect(emailOnly.channels.map((c) => c.channel)).toEqual(['email']);
  });
});
