import { afterEach, describe, expect, it } from 'vitest';
import { SendingRig, manyContacts } from '../support/sending-rig';

let rig: SendingRig;
afterEach(async () => rig?.close());

describe('plan:* through the app', () => {
  it('counts, qualifies and plans a draft as the outbox will hold it; keeps the rate table', async () => {
    rig = await SendingRig.start({
      contacts: [...manyContacts(5), { firstName: 'Mail', email: 'mail.only@example.com', phone: null }],
      smtp: { dailyCap: 3, ratePerSec: 2 },
    });
    expect(await rig.call('plan:count', { audience: {} })).toEqual({ contacts: 6 });
    expect(await rig.call('plan:count', { audience: { hasEmail: false } })).toEqual({ contacts: 0 });

    const draft = rig.draft('whatsapp_then_email');
    const q = await rig.call('plan:qualify', { channelMode: draft.channelMode, audience: draft.audience });
    expect(q.audience).toBe(6);
    expect(q.channels.map((c) => [c.channel, c.qualified])).toEqual([
      ['whatsapp', 5],
      ['email', 1],
    ]);

    expect(await rig.call('plan:rates', {})).toEqual({ currency: 'USD', rows: [] });
    const rates = await rig.call('plan:saveRates', {
      currency: 'EUR',
      rows: [
        { country: 'GB', MARKETING: null, UTILITY: 0.02, AUTHENTICATION: null },
        { country: '*', MARKETING: 0.1, UTILITY: 0.01, AUTHENTICATION: null },
      ],
    });
    expect(rates.rows.map((r) => r.country)).toEqual(['*', 'GB']);
    expect(await rig.call('plan:rates', {})).toEqual(rates);

    // Before any health check the WhatsApp cap is unknown and the plan says how to read it.
    const before = await rig.call('plan:compute', { draft });
    expect(before.channels[0]!.quota.cap).toBeNull();
    expect(before.channels[0]!.quota.source).toMatch(/Test connection/);
    await rig.call('settings:testWhatsApp', {});
    const plan = await rig.call('plan:compute', { draft });
    expect(plan.channels[0]!.quota).toMatchObject({ cap: 250, availableNow: 250, waiting: 0 });
    expect(plan.channels[1]!.quota).toMatchObject({ cap: 3, availableNow: 3, waiting: 0 });
    expect(plan.fallbackEmails).toBe(5);
    const template = (await rig.call('templates:list', {})).find((t) => t.id === rig.templateId)!;
    const rate = template.category === 'UTILITY' ? 0.02 : template.category === 'MARKETING' ? 0.1 : null;
    expect(plan.cost).toMatchObject({ currency: 'EUR', lines: [{ country: 'GB', messages: 5, rate }] });

    // What the plan counted is what the outbox holds once the campaign starts.
    const c = await rig.call('campaigns:create', draft);
    await rig.call('campaigns:start', { campaignId: c.id });
    const p = await rig.until(c.id, (x) => x.status === 'completed');
    expect(p.counts.whatsapp.sent).toBe(plan.channels[0]!.qualified);
    expect(p.counts.email.sent).toBe(plan.channels[1]!.qualified);
  });
});
