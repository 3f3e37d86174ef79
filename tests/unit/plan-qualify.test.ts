import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, ChannelMode, CampaignDraft } from '../../src-main/contract';
import { insertCampaign } from '../../src-main/sending/campaigns-repo';
import { type AudienceRow, materialiseOutbox, planContact } from '../../src-main/sending/outbox';
import { qualifyAudience, skipLabel } from '../../src-main/sending/plan-qualify';
import { type TempStore, openTempStore } from '../fixtures/temp-store';
import { addContact, suppress } from '../support/plan-fixture';

let t: TempStore;

beforeEach(() => {
  t = openTempStore();
  const s = t.store;
  const ok = { email_consent: 'granted', whatsapp_consent: 'granted' } as const;
  addContact(s, { first_name: 'a', email: 'a@example.com', phone: '+447700900001', ...ok });
  addContact(s, { first_name: 'b', email: 'b@example.com' });
  addContact(s, { first_name: 'c', phone: '+447700900003' });
  addContact(s, { first_name: 'd', email: 'not-an-email', phone: '12345' });
  addContact(s, { first_name: 'e', email: 'e@example.com', phone: '+447700900005' });
  suppress(s, 'email', 'e@example.com', 'Bounced');
  suppress(s, 'whatsapp', '+447700900005', 'Stopped marketing');
  addContact(s, {
    first_name: 'f',
    email: 'f@example.com',
    phone: '+447700900006',
    email_consent: 'denied',
    whatsapp_consent: 'denied',
  });
  addContact(s, {
    first_name: 'g',
    email: 'g@example.com',
    phone: '+447700900007',
    preferred_channel: 'email',
  });
  addContact(s, {
    first_name: 'h',
    email: 'h@example.com',
    phone: '+447700900008',
    preferred_channel: 'whatsapp',
  });
  addContact(s, { first_name: 'i', email: 'i@example.com', preferred_channel: 'whatsapp' });
});
afterEach(() => t.dispose());

type Counts = Record<string, number>;
/** Per channel: `queued` and each skip code with its count. */
function qualify(mode: ChannelMode): Partial<Record<Channel, Counts>> {
  const q = qualifyAudience(t.store, mode, {});
  expect(q.audience).toBe(9);
  return Object.fromEntries(
    q.channels.map((c) => [
      c.channel,
      { queued: c.qualified, ...Object.fromEntries(c.notQualified.map((n) => [n.code, n.count])) },
    ]),
  );
}

const EMAIL = { queued: 5, no_address: 1, invalid_address: 1, suppressed: 1, no_consent: 1 };
const WHATSAPP = { queued: 4, no_address: 2, invalid_address: 1, suppressed: 1, no_consent: 1 };

describe('plan:qualify', () => {
  it('email only and WhatsApp only: each reason counted once per contact', () => {
    expect(qualify('email')).toEqual({ email: EMAIL });
    expect(qualify('whatsapp')).toEqual({ whatsapp: WHATSAPP });
  });

  it('both channels: each channel on its own', () => {
    expect(qualify('both')).toEqual({ whatsapp: WHATSAPP, email: EMAIL });
  });

  it('WhatsApp first: the email of a contact queued on WhatsApp is a fallback only', () => {
    expect(qualify('whatsapp_then_email')).toEqual({
      whatsapp: WHATSAPP,
      email: { queued: 2, fallback_only: 4, invalid_address: 1, suppressed: 1, no_consent: 1 },
    });
  });

  it("preferred: only the contact's channel; without one WhatsApp when it qualifies, else email", () => {
    expect(qualify('preferred')).toEqual({
      whatsapp: {
        queued: 3,
        no_address: 2,
        invalid_address: 1,
        suppressed: 1,
        no_consent: 1,
        other_channel_preferred: 1,
      },
      email: { queued: 2, invalid_address: 1, suppressed: 1, no_consent: 1, other_channel_preferred: 2 },
    });
  });

  it('reasons are sorted largest first and carry UI labels', () => {
    const [wa] = qualifyAudience(t.store, 'whatsapp', {}).channels;
    expect(wa!.notQualified[0]).toEqual({ code: 'no_address', label: 'No phone number', count: 2 });
    expect(skipLabel('no_address', 'email')).toBe('No email address');
    expect(skipLabel('no_consent', 'whatsapp')).toBe('No consent (declined WhatsApp)');
    expect(skipLabel('fallback_only', 'email')).toMatch(/WhatsApp fails/);
  });

  it.each(['email', 'whatsapp', 'both', 'whatsapp_then_email', 'preferred'] as const)(
    'the plan equals what the outbox holds (%s)',
    (mode) => {
      const draft = {
        name: 'x',
        channelMode: mode,
        audience: {},
        email: { subject: 's', html: 'b' },
        whatsapp: { templateId: 1, parameters: {} },
      } as unknown as CampaignDraft;
      const id = insertCampaign(t.store, draft);
      materialiseOutbox(t.store, id, mode, {});
      const rows = t.store.sqlite
        .prepare(
          'SELECT channel, state, COUNT(*) AS n FROM outbox WHERE campaign_id = ? GROUP BY channel, state',
        )
        .all(id) as { channel: Channel; state: string; n: number }[];
      for (const c of qualifyAudience(t.store, mode, {}).channels) {
        const of = (state: string) => rows.find((r) => r.channel === c.channel && r.state === state)?.n ?? 0;
        expect(of('queued')).toBe(c.qualified);
        const planned = c.notQualified.filter((n) => n.code !== 'fallback_only');
        expect(of('skipped')).toBe(planned.reduce((sum, n) => sum + n.count, 0));
      }
    },
  );
});

describe('planContact', () => {
  const row = (id: number, over: Partial<AudienceRow>): AudienceRow => ({
    id,
    email: 'same@example.com',
    phone: '+447700900001',
    email_consent: null,
    whatsapp_consent: null,
    email_suppressed: null,
    wa_suppressed: null,
    ...over,
  });

  it('skips an address already queued in the campaign as a duplicate', () => {
    const seen = { email: new Set<string>(), whatsapp: new Set<string>() };
    expect(planContact('both', row(1, {}), seen).map((r) => r.state)).toEqual(['queued', 'queued']);
    const second = planContact('both', row(2, { phone: '+447700900002' }), seen);
    expect(second.map((r) => r.skipCode)).toEqual(['duplicate', null]);
  });

  it('preferred: the other channel is skipped with its own reason, with its address kept', () => {
    const seen = { email: new Set<string>(), whatsapp: new Set<string>() };
    const rows = planContact('preferred', row(1, { preferred_channel: 'email' }), seen);
    expect(rows.map((r) => [r.channel, r.state, r.skipCode, r.address])).toEqual([
      ['email', 'queued', null, 'same@example.com'],
      ['whatsapp', 'skipped', 'other_channel_preferred', '+447700900001'],
    ]);
    expect(rows[1]!.skipReason).toBe('The contact prefers email.');
    // A preference that is not a channel counts as none.
    const odd = planContact(
      'preferred',
      row(2, { email: 'x@example.com', phone: '+447700900009', preferred_channel: 'fax' }),
      seen,
    );
    expect(odd.map((r) => r.channel)).toEqual(['whatsapp']);
  });
});
