import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignDraft, RecipientPreview } from '../../src-main/contract';
import { toRenderContact } from '../../src-main/contacts/rows';
import { prepareDraft } from '../../src-main/sending/prepare';
import { renderChannel } from '../../src-main/sending/render';
import { openStore } from '../../src-main/store/db';
import { bindUnsubscribe } from '../../src-main/templates/email-unsubscribe';
import { previewWhatsApp } from '../../src-main/templates/wa-render';
import { type ReviewContact, reviewDraft, setContacts } from '../support/review-fixtures';
import { SendingRig } from '../support/sending-rig';

let rig: SendingRig;
beforeAll(async () => {
  rig = await SendingRig.start({ contacts: [] });
});
afterAll(async () => rig?.close());

const NAMES = ['Ann', 'Bob', 'Cat', 'Dan', 'Eve', 'Fay', 'Gus', 'Hal', 'Ivy', 'Jo', 'Kim', 'Annika'];
const CONTACTS: ReviewContact[] = NAMES.map((n, i) => ({
  firstName: i === 3 ? null : n,
  lastName: 'Smith',
  email: `${n.toLowerCase()}@example.com`,
  phone: i === 4 ? null : `+4477009000${String(i + 10)}`,
  whatsappConsent: 'granted',
  language: i === 5 ? 'de' : null,
  attributes: { city: i % 2 ? 'Leeds' : 'York' },
}));

/** What the campaign runner renders for contact `id` (sending/run.ts: renderChannel per row). */
function runnerRendering(draft: CampaignDraft, id: number) {
  const store = openStore(join(rig.dir, 'herald.db'));
  try {
    const prepared = prepareDraft(store, draft);
    const row = store.sqlite
      .prepare('SELECT id, first_name, last_name, email, phone, attributes FROM contacts WHERE id = ?')
      .get(id) as Parameters<typeof toRenderContact>[0];
    const contact = toRenderContact(row);
    const email = renderChannel(prepared, 'email', contact).email!;
    const wa = renderChannel(prepared, 'whatsapp', contact).whatsapp;
    return { email, whatsapp: wa && previewWhatsApp(prepared.whatsapp!, wa) };
  } finally {
    store.close();
  }
}

const MAILTO = 'mailto:news@example.com?subject=unsubscribe';

function expectAsRunner(draft: CampaignDraft, p: RecipientPreview): void {
  const runner = runnerRendering(draft, p.contactId);
  expect(p.email).toMatchObject({
    subject: runner.email.subject,
    html: bindUnsubscribe(runner.email.html, MAILTO),
  });
  if (runner.whatsapp) expect(p.whatsapp).toMatchObject({ ...runner.whatsapp, headerMedia: null });
  else expect(p.whatsapp).toBeNull();
}

describe('review:preview', () => {
  let draft: CampaignDraft;
  beforeAll(() => {
    setContacts(rig, CONTACTS);
    draft = reviewDraft(rig, 'both', {
      subject: 'News for {{ city }}, {{ first_name | default: "friend" }}',
      html: '<p>Dear {{ first_name }} from {{ city }}: <a href="{{ unsubscribe_url }}">unsubscribe</a></p>',
      parameters: {
        'body.1': '{{ first_name | default: "there" }}',
        'body.2': '{{ city }}',
        'button.0.1': 'SB-1',
      },
    });
    draft.whatsapp!.languageFromContact = true;
  });

  it('renders recipients by offset exactly as the runner, with From and the sender headers', async () => {
    const first = await rig.call('review:preview', { draft, offset: 0, limit: 3 });
    expect(first.total).toBe(12);
    expect(first.offset).toBe(0);
    expect(first.recipients.map((r) => r.contactId)).toEqual([1, 2, 3]);
    for (const r of first.recipients) expectAsRunner(draft, r);
    expect(first.recipients[0]).toMatchObject({
      name: 'Ann Smith',
      email: {
        to: 'ann@example.com',
        subject: 'News for York, Ann',
        from: 'Herald Test <news@example.com>',
        headers: [{ name: 'List-Unsubscribe', value: `<${MAILTO}>` }],
      },
      whatsapp: { to: '+447700900010', body: 'Hi Ann, your order York has shipped.' },
      problems: [],
    });
    expect(first.recipients[0]!.email!.html).toContain(`href="${MAILTO}"`);

    const last = await rig.call('review:preview', { draft, offset: 11 });
    expect(last.recipients.map((r) => r.contactId)).toEqual([12]);
    expectAsRunner(draft, last.recipients[0]!);
    // Contact 6 speaks German: the German translation, as the runner picks it.
    const de = await rig.call('review:preview', { draft, offset: 5 });
    expect(de.recipients[0]!.whatsapp).toMatchObject({
      language: 'de',
      body: expect.stringMatching(/^Hallo Fay/),
    });
    expectAsRunner(draft, de.recipients[0]!);
  });

  it('says why a channel skips a recipient and what the lint finds in its rendering', async () => {
    const p = await rig.call('review:preview', { draft, contactIds: [5, 4] });
    expect(p.offset).toBe(4);
    expect(p.recipients.map((r) => r.contactId)).toEqual([5, 4]);
    expect(p.recipients[0]).toMatchObject({
      whatsapp: null,
      problems: ['WhatsApp skipped: No phone number.'],
    });
    expect(p.recipients[1]!.problems).toEqual(['Empty value with no default: {{ first_name }} (email body)']);
    expectAsRunner(draft, p.recipients[1]!);
  });

  it('steps through the recipients matching a search, and sees contacts change', async () => {
    const s = await rig.call('review:preview', { draft, search: 'ann', offset: 1 });
    expect(s.total).toBe(2);
    expect(s.recipients.map((r) => r.name)).toEqual(['Annika Smith']);
    expectAsRunner(draft, s.recipients[0]!);
    expect((await rig.call('review:preview', { draft, search: 'nobody' })).total).toBe(0);

    setContacts(rig, [...CONTACTS, { firstName: 'Anne', email: 'anne@example.com' }]);
    const again = await rig.call('review:preview', { draft, search: 'ann', offset: 2 });
    expect(again.total).toBe(3);
    expect(again.recipients[0]).toMatchObject({ contactId: 13, name: 'Anne', whatsapp: null });
  });

  it('follows the audience of the draft', async () => {
    const only = { ...draft, audience: { ...draft.audience, excludeContactIds: [1, 2] } };
    const p = await rig.call('review:preview', { draft: only, offset: 0 });
    expect(p.total).toBe(11);
    expect(p.recipients[0]!.contactId).toBe(3);
  });
});
