import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src-main/store/db';
import { SendingRig, manyContacts } from '../support/sending-rig';
import { startSmtpSink } from '../support/smtp-sink';

let rig: SendingRig;
afterEach(async () => rig?.close());

function sql(run: (db: ReturnType<typeof openStore>['sqlite']) => void): void {
  const store = openStore(join(rig.dir, 'herald.db'));
  try {
    run(store.sqlite);
  } finally {
    store.close();
  }
}

describe('outbox, suppression and the report', () => {
  it('skips with reasons, suppresses 131050, retries what may be retried, and exports CSV', async () => {
    const contacts = manyContacts(8);
    contacts[5]!.whatsappConsent = 'denied';
    rig = await SendingRig.start({
      contacts,
      fake: { outcomes: { [contacts[6]!.phone!.slice(1)]: 131050, [contacts[7]!.phone!.slice(1)]: 131026 } },
    });
    sql((db) =>
      db
        .prepare(
          "INSERT INTO suppressions (channel, address, reason, source) VALUES ('email', ?, 'Unsubscribed', 'user')",
        )
        .run(contacts[4]!.email),
    );
    const id = await rig.launch('both');
    const p = await rig.until(id, (x) => x.status === 'completed');
    expect(p.counts.email).toMatchObject({ sent: 7, skipped: 1 });
    expect(p.counts.whatsapp).toMatchObject({ sent: 5, skipped: 1, failed: 2 });
    expect(p.recentFailures.map((f) => f.code).sort()).toEqual(['131026', '131050']);

    const rows = (await rig.call('campaigns:recipients', { campaignId: id, limit: 100 })).rows;
    const skipped = rows.filter((r) => r.state === 'skipped').map((r) => r.skipReason);
    expect(skipped.sort()).toEqual([
      'No consent: the contact declined WhatsApp messages.',
      'On the suppression list: Unsubscribed',
    ]);
    sql((db) => {
      const s = db
        .prepare("SELECT source FROM suppressions WHERE channel = 'whatsapp' AND address = ?")
        .get(contacts[6]!.phone);
      expect(s).toEqual({ source: 'campaign' });
    });
    const found = await rig.call('campaigns:recipients', { campaignId: id, search: 'name7', limit: 10 });
    expect(found.rows.map((r) => r.channel).sort()).toEqual(['email', 'whatsapp']);

    // Chosen set: the 131050 number is suppressed now and stays failed; the other is sent again.
    const failed = rows.filter((r) => r.state === 'failed');
    const chosen = await rig.call('campaigns:retryFailed', {
      campaignId: id,
      rowIds: failed.map((r) => r.id),
    });
    expect(chosen).toMatchObject({ changed: 1, skipped: 1 });
    await rig.until(id, (x) => x.status === 'completed' && x.counts.whatsapp.failed === 2);
    expect(rig.fake.rejected.filter((r) => r.code === 131026).length).toBe(2);

    // "Retryable only" takes failures whose retries ran out (class RETRY), not FAIL ones.
    const target = failed.find((r) => r.errorCode === '131026')!;
    sql((db) =>
      db
        .prepare("UPDATE outbox SET error_action = 'RETRY', error_code = '131000' WHERE id = ?")
        .run(target.id),
    );
    const retryable = await rig.call('campaigns:retryFailed', { campaignId: id });
    expect(retryable).toMatchObject({ changed: 1, skipped: 0 });
    await rig.until(id, (x) => x.status === 'completed' && x.counts.whatsapp.queued === 0);

    const csv = await rig.call('campaigns:exportCsv', { campaignId: id, channel: 'whatsapp' });
    expect(csv.rows).toBe(8);
    expect(csv.fileName).toMatch(/\.csv$/);
    const line = csv.csv.split('\r\n').find((l) => l.includes('447700000001'))!;
    expect(line).toContain(",'+447700000001,"); // phone numbers cannot run as formulas
  });

  it('sends the failed WhatsApp ones by email, resolves unknown rows, cancels, and dry-runs', async () => {
    const contacts = manyContacts(5);
    rig = await SendingRig.start({
      contacts,
      fake: { outcomes: { [contacts[1]!.phone!.slice(1)]: 131026 } },
    });
    const id = await rig.launch('whatsapp');
    await rig.until(id, (x) => x.status === 'completed' && x.counts.whatsapp.failed === 1);
    const r = await rig.call('campaigns:emailInstead', { campaignId: id });
    expect(r).toMatchObject({ changed: 1, skipped: 0 });
    const p = await rig.until(id, (x) => x.status === 'completed' && x.counts.email.sent === 1);
    expect(p.counts.email.queued).toBe(0);
    expect(rig.sink.messages.map((m) => m.envelopeTo[0])).toEqual([contacts[1]!.email]);

    // Rows a crash left unknown: the user marks one as sent and resends another.
    const rows = (
      await rig.call('campaigns:recipients', {
        campaignId: id,
        channel: 'whatsapp',
        state: 'sent',
        limit: 10,
      })
    ).rows;
    sql((db) =>
      db.prepare("UPDATE outbox SET state = 'unknown' WHERE id IN (?, ?)").run(rows[0]!.id, rows[1]!.id),
    );
    const marked = await rig.call('campaigns:resolveUnknown', {
      campaignId: id,
      action: 'mark_sent',
      rowIds: [rows[0]!.id],
    });
    expect(marked.changed).toBe(1);
    expect(marked.progress.counts.whatsapp.unknown).toBe(1);
    const before = rig.fake.received.length;
    await rig.call('campaigns:resolveUnknown', { campaignId: id, action: 'resend' });
    await rig.until(
      id,
      (x) => x.status === 'completed' && x.counts.whatsapp.unknown === 0 && x.counts.whatsapp.queued === 0,
    );
    expect(rig.fake.received.length).toBe(before + 1);

    // Dry run: the full report, nothing on the network.
    const sent = rig.fake.received.length + rig.sink.messages.length;
    const dry = await rig.call('campaigns:dryRun', { campaignId: id });
    const done = await rig.until(dry.campaignId, (x) => x.status === 'completed');
    expect(done.dryRun).toBe(true);
    expect(done.counts.whatsapp.sent).toBe(5);
    expect(rig.fake.received.length + rig.sink.messages.length).toBe(sent);
    const report = await rig.call('campaigns:recipients', { campaignId: dry.campaignId, limit: 10 });
    expect(report.rows.every((x) => x.providerMessageId === 'dry-run')).toBe(true);

    // Cancel while it waits for the SMTP server: what was not sent is skipped, with the reason.
    const port = rig.sink.port;
    await rig.sink.close();
    const c = await rig.call('campaigns:create', rig.draft('email', 'To cancel'));
    await rig.call('campaigns:start', { campaignId: c.id });
    await rig.until(c.id, (x) => x.status === 'paused' && x.counts.email.sending === 0);
    const cancelled = await rig.call('campaigns:cancel', { campaignId: c.id });
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.counts.email).toMatchObject({ queued: 0, skipped: 5 });
    expect(cancelled.done).toBe(cancelled.total);
    const why = await rig.call('campaigns:recipients', { campaignId: c.id, limit: 1 });
    expect(why.rows[0]!.skipReason).toMatch(/cancelled/);
    rig.sink = await startSmtpSink({ port });
  });
});

describe('scheduled start', () => {
  it('starts by itself while open, and asks about a schedule missed while closed', async () => {
    rig = await SendingRig.start({ contacts: manyContacts(3) });
    const soon = await rig.call('campaigns:create', rig.draft('email', 'Soon'));
    const scheduled = await rig.call('campaigns:schedule', { campaignId: soon.id, at: Date.now() + 800 });
    expect(scheduled.status).toBe('scheduled');
    const p = await rig.until(soon.id, (x) => x.status === 'completed');
    expect(p.counts.email.sent).toBe(3);

    const later = await rig.call('campaigns:create', rig.draft('email', 'Later'));
    await rig.call('campaigns:schedule', { campaignId: later.id, at: Date.now() + 3_600_000 });
    await rig.app.close();
    sql((db) =>
      db.prepare('UPDATE campaigns SET scheduled_at = ? WHERE id = ?').run(Date.now() - 60_000, later.id),
    );
    await rig.boot();
    const missed = await rig.call('campaigns:missedSchedules', {});
    expect(missed.map((m) => m.id)).toEqual([later.id]);
    expect((await rig.call('campaigns:progress', { campaignId: later.id })).status).toBe('scheduled');
    expect(rig.sink.messages.length).toBe(3);
    const back = await rig.call('campaigns:unschedule', { campaignId: later.id });
    expect(back.status).toBe('draft');
    expect(await rig.call('campaigns:missedSchedules', {})).toEqual([]);
  });
});
