import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewDraft, setContacts } from '../support/review-fixtures';
import { SendingRig } from '../support/sending-rig';

let rig: SendingRig;
beforeAll(async () => {
  // 447911123999 is not on WhatsApp (131026: undeliverable).
  rig = await SendingRig.start({ contacts: [], fake: { outcomes: { '447911123999': 131026 } } });
  setContacts(rig, [{ firstName: 'Ann', lastName: 'Lee', phone: '+447700900001', language: 'de' }]);
});
afterAll(async () => rig?.close());

const bodyValues = (components: unknown[]) =>
  (components as { type: string; parameters: { text?: string }[] }[])
    .find((c) => c.type === 'body')!
    .parameters.map((p) => p.text);

describe('review:testWhatsApp', () => {
  it("sends the contact's rendering to a national number read with the default country, and remembers it", async () => {
    const { whatsapp } = reviewDraft(rig, 'whatsapp');
    whatsapp!.languageFromContact = true;
    const r = await rig.call('review:testWhatsApp', {
      whatsapp: whatsapp!,
      contactId: 1,
      to: '07911 123123',
    });
    expect(r).toMatchObject({
      to: '+447911123123',
      contactName: 'Ann Lee',
      messageId: expect.stringMatching(/^wamid\./),
    });
    const sent = rig.fake.received.at(-1)!;
    expect(sent).toMatchObject({ waId: '447911123123', templateName: 'order_confirmation', language: 'de' });
    expect(bodyValues(sent.components)).toEqual(['Ann', 'SKB-1']);
    expect(await rig.call('review:testTargets', {})).toEqual({ email: '', whatsapp: '+447911123123' });
  });

  it('uses sample data without a contact', async () => {
    const { whatsapp } = reviewDraft(rig, 'whatsapp');
    const r = await rig.call('review:testWhatsApp', { whatsapp: whatsapp!, to: '+44 7911 123124' });
    expect(r.contactName).toBe('Alex Sample');
    expect(bodyValues(rig.fake.received.at(-1)!.components)).toEqual(['Alex', 'SKB-1']);
  });

  it("refuses what is not a phone number, and passes on Cloud API errors in the user's words", async () => {
    const { whatsapp } = reviewDraft(rig, 'whatsapp');
    const sent = rig.fake.received.length;
    const bad = await rig.app.dispatch('review:testWhatsApp', { whatsapp: whatsapp!, to: 'call me' });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: /not a valid WhatsApp number/ },
    });

    const refused = await rig.app.dispatch('review:testWhatsApp', {
      whatsapp: whatsapp!,
      to: '+447911123999',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'remote_error',
        message: /^Undeliverable: the number may not use WhatsApp/,
        details: { action: 'FAIL', code: '131026' },
      },
    });
    expect(rig.fake.received.length).toBe(sent);
    // A failed test does not replace the remembered number.
    expect((await rig.call('review:testTargets', {})).whatsapp).toBe('+447911123124');
  });

  it('refuses a message that breaks the parameter rules for this contact, before sending', async () => {
    const { whatsapp } = reviewDraft(rig, 'whatsapp', {
      parameters: { 'body.1': '{{ last_name }}\n{{ first_name }}', 'body.2': 'x', 'button.0.1': 'y' },
    });
    const r = await rig.app.dispatch('review:testWhatsApp', {
      whatsapp: whatsapp!,
      contactId: 1,
      to: '+447911123125',
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', message: /line break/ } });
  });
});

describe('review:testTargets', () => {
  it('saves and reads both targets', async () => {
    expect(
      await rig.call('review:saveTestTargets', { email: 'me@example.com', whatsapp: '+447911123200' }),
    ).toEqual({
      email: 'me@example.com',
      whatsapp: '+447911123200',
    });
    expect(await rig.call('review:testTargets', {})).toEqual({
      email: 'me@example.com',
      whatsapp: '+447911123200',
    });
  });
});
