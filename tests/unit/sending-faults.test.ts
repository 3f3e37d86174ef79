import { afterEach, describe, expect, it } from 'vitest';
import { type FaultProxy, startFaultProxy } from '../support/fault-proxy';
import { startSmtpSink } from '../support/smtp-sink';
import { SendingRig, TOKEN, manyContacts } from '../support/sending-rig';

let rig: SendingRig;
let proxy: FaultProxy | null = null;
afterEach(async () => {
  await rig?.close();
  await proxy?.close();
  proxy = null;
});

/** A rig whose WhatsApp settings point at a fault proxy in front of the fake. */
async function withProxy(contacts: number, senderOptions = {}): Promise<FaultProxy> {
  rig = await SendingRig.start({
    contacts: manyContacts(contacts),
    fake: { account: { whatsapp_business_manager_messaging_limit: 'TIER_UNLIMITED' } },
    senderOptions: {
      whatsappRatePerSec: Infinity,
      emailRatePerSec: Infinity,
      whatsappTimeoutMs: 500,
      ...senderOptions,
    },
  });
  const p = await startFaultProxy(rig.fake.url);
  rig.waBaseUrl = p.url;
  await rig.saveSettings(TOKEN);
  return p;
}

function expectNoDuplicates(to: string[]): void {
  expect(new Set(to).size).toBe(to.length);
}

describe('provider faults', () => {
  it('retries 5xx, slows down on throttling bursts, and never resends after a timeout or a reset', async () => {
    proxy = await withProxy(40, { whatsappRatePerSec: 50 });
    proxy.inject({ kind: 'gateway' }, 2);
    proxy.inject({ kind: 'graph', code: 2, status: 500 }, 2);
    proxy.inject({ kind: 'graph', code: 130429, status: 400 }, 3);
    proxy.inject({ kind: 'hang' });
    proxy.inject({ kind: 'reset-before' });
    proxy.inject({ kind: 'reset-after' });
    const id = await rig.launch('whatsapp');
    const slowed = await rig.until(id, (p) => (p.quota.whatsapp?.ratePerSec ?? 50) < 50);
    expect(slowed.quota.whatsapp?.ratePerSec).toBeLessThan(50);
    const p = await rig.until(id, (x) => x.status === 'completed');

    expect(p.counts.whatsapp.unknown).toBe(3); // the hang and both resets: they may have gone out
    expect(p.counts.whatsapp.sent).toBe(37);
    expect(p.counts.whatsapp.failed).toBe(0);
    const received = rig.fake.received.map((m) => m.to);
    expectNoDuplicates(received);
    expect(received.length).toBe(38); // 37 sent + the one whose answer was lost
    const rows = (await rig.call('campaigns:recipients', { campaignId: id, limit: 100 })).rows;
    expect(rows.filter((r) => r.attempts >= 2).length).toBe(4); // the 5xx ones; throttling costs no attempt
    const unknown = rows.filter((r) => r.state === 'unknown');
    expect(unknown.every((r) => /resend or mark as sent/.test(r.errorMessage ?? ''))).toBe(true);
  });

  it('pauses when the token expires mid-campaign, and a new token resumes it', async () => {
    proxy = await withProxy(30);
    proxy.after(10, () => rig.fake.setAccessToken('new-token'));
    const id = await rig.launch('whatsapp');
    const paused = await rig.until(id, (p) => p.status === 'paused' && p.counts.whatsapp.sending === 0);
    expect(paused.statusReason).toMatch(/token/i);
    expect(paused.counts.whatsapp.sent).toBeGreaterThanOrEqual(10);
    expect(paused.counts.whatsapp.queued).toBeGreaterThan(0);

    await rig.saveSettings('new-token');
    await rig.call('campaigns:resume', { campaignId: id });
    const done = await rig.until(id, (p) => p.status === 'completed');
    expect(done.counts.whatsapp.sent).toBe(30);
    expectNoDuplicates(rig.fake.received.map((m) => m.to));
    expect(rig.fake.received.length).toBe(30);
  });

  it('stops with the reason when the template is paused mid-campaign', async () => {
    proxy = await withProxy(30);
    proxy.after(10, () => {
      for (const t of rig.templates) if (t.name === 'order_confirmation') t.status = 'PAUSED';
    });
    const id = await rig.launch('whatsapp');
    const stopped = await rig.until(id, (p) => p.status === 'stopped' && p.counts.whatsapp.sending === 0);
    expect(stopped.statusReason).toMatch(/paused/i);
    expect(stopped.counts.whatsapp.sent).toBeGreaterThanOrEqual(10);
    expect(stopped.counts.whatsapp.queued).toBe(30 - stopped.counts.whatsapp.sent);
    expectNoDuplicates(rig.fake.received.map((m) => m.to));
  });

  it('pauses itself when the network drops and resumes when it is back', async () => {
    proxy = await withProxy(60, { whatsappRatePerSec: 200 });
    const p = proxy;
    p.after(15, () => void p.down());
    const id = await rig.launch('whatsapp');
    const offline = await rig.until(id, (x) => x.status === 'paused');
    expect(offline.statusReason).toMatch(/cannot be reached.*resumes by itself/);
    expect(offline.waits.some((w) => w.kind === 'network' && w.channel === 'whatsapp')).toBe(true);
    await p.up();
    const done = await rig.until(id, (x) => x.status === 'completed');
    // On failure, say which state the missing rows took and why.
    const why = JSON.stringify({ counts: done.counts.whatsapp, recent: done.recentFailures });
    expect(done.counts.whatsapp.sent + done.counts.whatsapp.unknown, why).toBe(60);
    expectNoDuplicates(rig.fake.received.map((m) => m.to));
    expect(rig.fake.received.length).toBeGreaterThanOrEqual(done.counts.whatsapp.sent);
  });
});

describe('the SMTP server goes away and comes back', () => {
  it('waits for the server, then sends every email exactly once', async () => {
    rig = await SendingRig.start({ contacts: manyContacts(10) });
    const port = rig.sink.port;
    await rig.sink.close();
    const id = await rig.launch('email');
    const offline = await rig.until(id, (x) => x.status === 'paused' && x.counts.email.sending === 0);
    expect(offline.statusReason).toMatch(/SMTP server 127\.0\.0\.1:\d+ cannot be reached/);
    expect(offline.counts.email.queued).toBe(10);
    expect(offline.counts.email.failed).toBe(0);

    rig.sink = await startSmtpSink({ port });
    const done = await rig.until(id, (x) => x.status === 'completed');
    expect(done.counts.email.sent).toBe(10);
    const to = rig.sink.messages.map((m) => m.envelopeTo[0]!);
    expectNoDuplicates(to);
    expect(to.length).toBe(10);
  });
});
