import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src-main/store/db';
import { SendingRig, type SeedContact, manyContacts } from '../support/sending-rig';

let rig: SendingRig;
afterEach(async () => rig?.close());

const MIXED: SeedContact[] = [
  ...manyContacts(6),
  { firstName: 'Only', email: 'only.email@example.com', phone: null },
  { firstName: 'Phone', email: null, phone: '+447700900123' },
];

describe('a campaign on both channels', () => {
  it('sends one personalised message per contact and channel, and records every final state', async () => {
    rig = await SendingRig.start({ contacts: MIXED });
    const id = await rig.launch('both');
    const p = await rig.until(id, (x) => x.status === 'completed');

    expect(p.counts.email.sent).toBe(7);
    expect(p.counts.whatsapp.sent).toBe(7);
    expect(p.counts.email.skipped + p.counts.whatsapp.skipped).toBe(2);
    expect(p.done).toBe(p.total);
    const emails = MIXED.filter((c) => c.email).map((c) => c.email);
    expect(rig.sink.messages.map((m) => m.envelopeTo[0]).sort()).toEqual(emails.sort());
    const first = rig.sink.messages.find((m) => m.envelopeTo[0] === 'user1@example.com')!;
    expect(first.subject).toBe('Hello Name1');
    const phones = MIXED.filter((c) => c.phone).map((c) => c.phone!.slice(1));
    expect(rig.fake.received.map((m) => m.to.replace(/^\+/, '')).sort()).toEqual(phones.sort());

    const recipients = await rig.call('campaigns:recipients', { campaignId: id, limit: 500 });
    const wa = recipients.rows.filter((r) => r.channel === 'whatsapp' && r.state === 'sent');
    expect(wa.every((r) => r.providerMessageId?.startsWith('wamid.'))).toBe(true);
    const skipped = recipients.rows.filter((r) => r.state === 'skipped');
    expect(skipped.map((r) => r.skipReason).sort()).toEqual(['No email address.', 'No phone number.']);
  });
});

describe('WhatsApp first, email as fallback', () => {
  it('sends the email only to contacts whose WhatsApp message failed permanently', async () => {
    const contacts = manyContacts(5);
    const target = contacts[2]!;
    rig = await SendingRig.start({
      contacts: [...contacts, { firstName: 'Mail', email: 'no.phone@example.com', phone: null }],
      fake: { outcomes: { [target.phone!.slice(1)]: 131026 } },
    });
    const id = await rig.launch('whatsapp_then_email');
    const p = await rig.until(id, (x) => x.status === 'completed');
    expect(p.counts.whatsapp.failed).toBe(1);
    expect(p.counts.whatsapp.sent).toBe(4);
    expect(rig.sink.messages.map((m) => m.envelopeTo[0]).sort()).toEqual(
      [target.email, 'no.phone@example.com'].sort(),
    );
    const failed = (await rig.call('campaigns:recipients', { campaignId: id, state: 'failed', limit: 10 }))
      .rows[0]!;
    expect(failed.errorCode).toBe('131026');
    expect(failed.errorAction).toBe('FAIL');
  });
});

describe('faults', () => {
  it('pauses on an expired token and resumes after a new one is saved', async () => {
    rig = await SendingRig.start();
    rig.fake.setAccessToken('rotated-token');
    const c = await rig.call('campaigns:create', rig.draft('whatsapp'));
    await rig.call('campaigns:start', { campaignId: c.id });
    const p = await rig.until(c.id, (x) => x.status === 'paused');
    expect(p.statusReason).toMatch(/token/i);
    expect(p.counts.whatsapp.sent).toBe(0);
    expect(p.counts.whatsapp.queued).toBe(20);

    await rig.saveSettings('rotated-token');
    await rig.call('campaigns:resume', { campaignId: c.id });
    const q = await rig.until(c.id, (x) => x.status === 'completed');
    expect(q.counts.whatsapp.sent).toBe(20);
    expect(rig.fake.received.length).toBe(20);
  });

  it('marks rows left `sending` by a crash as unknown and never re-sends them', async () => {
    rig = await SendingRig.start();
    const c = await rig.call('campaigns:create', rig.draft('email'));
    await rig.app.close();
    // A crash mid-send: the outbox exists, the campaign is running and one row was in flight.
    const store = openStore(join(rig.dir, 'herald.db'));
    store.sqlite.prepare("UPDATE campaigns SET status = 'running' WHERE id = ?").run(c.id);
    store.sqlite
      .prepare(
        "INSERT INTO outbox (campaign_id, contact_id, channel, address, state) SELECT ?, id, 'email', email, 'queued' FROM contacts",
      )
      .run(c.id);
    const inflight = store.sqlite
      .prepare('SELECT id, address FROM outbox WHERE campaign_id = ? ORDER BY id LIMIT 1')
      .get(c.id) as { id: number; address: string };
    store.sqlite.prepare("UPDATE outbox SET state = 'sending', attempts = 1 WHERE id = ?").run(inflight.id);
    store.close();

    await rig.boot();
    const p = await rig.until(c.id, (x) => x.status === 'completed');
    expect(p.counts.email.unknown).toBe(1);
    expect(p.counts.email.sent).toBe(19);
    expect(rig.sink.messages.map((m) => m.envelopeTo[0])).not.toContain(inflight.address);
    const unknown = (await rig.call('campaigns:recipients', { campaignId: c.id, state: 'unknown', limit: 5 }))
      .rows;
    expect(unknown[0]?.errorMessage).toMatch(/may or may not have been delivered/);
  });
});
