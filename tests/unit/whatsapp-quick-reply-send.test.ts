import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CampaignDraft } from '../../src-main/contract';
import { lint, setContacts } from '../support/review-fixtures';
import { SendingRig } from '../support/sending-rig';

// A whole app against the fake Cloud API: lint, review preview and a campaign run of
// coupon_expiration_reminder (URL button 0, QUICK_REPLY "Unsubscribe" at index 1).
let rig: SendingRig;
let couponId = 0;
beforeAll(async () => {
  rig = await SendingRig.start({ contacts: [] });
  setContacts(rig, [
    { firstName: 'Ann', phone: '+447700900001', whatsappConsent: 'granted', attributes: { crm_id: 'CRM-1' } },
    { firstName: 'Bo', phone: '+447700900002', whatsappConsent: 'granted', attributes: { crm_id: 'CRM-2' } },
    { firstName: 'Cy', phone: '+447700900003', whatsappConsent: 'granted', attributes: { crm_id: '' } },
  ]);
  const t = (await rig.call('templates:list', {})).find(
    (x) => x.name === 'coupon_expiration_reminder' && x.language === 'en',
  );
  if (!t) throw new Error('coupon_expiration_reminder not synced');
  couponId = t.id;
});
afterAll(async () => rig?.close());

/** A WhatsApp-only draft of the coupon template; `payload` maps the quick reply's payload when given. */
function draft(name: string, payload?: string): CampaignDraft {
  return CampaignDraft.parse({
    name,
    channelMode: 'whatsapp',
    audience: {},
    whatsapp: {
      templateId: couponId,
      parameters: {
        'header.1': '{{ first_name }}',
        'body.1': 'SPRING',
        'body.2': '3',
        'button.0.1': 'SB-1',
        ...(payload === undefined ? {} : { 'button.1.payload': payload }),
      },
    },
  });
}

type Button = { type: string; sub_type?: string; index?: string | number; parameters?: unknown[] };

/** The button components each recipient (wa_id) of `templateName` got from message `from` on. */
function buttonsByRecipient(from: number): Record<string, Button[]> {
  const out: Record<string, Button[]> = {};
  for (const m of rig.fake.received.slice(from)) {
    out[m.waId] = (m.components as Button[]).filter((c) => c.type === 'button');
  }
  return out;
}

async function run(d: CampaignDraft): Promise<Record<string, Button[]>> {
  const from = rig.fake.received.length;
  const c = await rig.call('campaigns:create', d);
  await rig.call('campaigns:start', { campaignId: c.id });
  const p = await rig.until(c.id, (x) => x.status === 'completed');
  expect(p.counts.whatsapp.sent).toBe(3);
  return buttonsByRecipient(from);
}

const URL_BUTTON = {
  type: 'button',
  sub_type: 'url',
  index: '0',
  parameters: [{ type: 'text', text: 'SB-1' }],
};

describe('quick-reply payloads end to end', () => {
  it('lints and previews an unmapped or empty payload without any problem', async () => {
    for (const d of [draft('Unmapped'), draft('Column', '{{ crm_id }}')]) {
      const report = await lint(rig, d);
      expect(report.checked).toBe(3);
      expect(report.blockingRecipients).toBe(0);
      expect(report.problems).toEqual([]);
      const preview = await rig.call('review:preview', { draft: d, offset: 0, limit: 3 });
      expect(preview.recipients.map((r) => r.problems)).toEqual([[], [], []]);
    }
  });

  it('sends each recipient its own payload at the quick reply index, and none when it renders empty', async () => {
    const got = await run(draft('Mapped', '{{ crm_id }}'));
    const quickReply = (payload: string) => ({
      type: 'button',
      sub_type: 'quick_reply',
      index: '1',
      parameters: [{ type: 'payload', payload }],
    });
    expect(got).toEqual({
      '447700900001': [URL_BUTTON, quickReply('CRM-1')],
      '447700900002': [URL_BUTTON, quickReply('CRM-2')],
      '447700900003': [URL_BUTTON],
    });
  });

  it('sends no payload at all when the quick reply is not mapped', async () => {
    const got = await run(draft('Unmapped send'));
    expect(got).toEqual({
      '447700900001': [URL_BUTTON],
      '447700900002': [URL_BUTTON],
      '447700900003': [URL_BUTTON],
    });
  });
});
