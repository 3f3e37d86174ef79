import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type HeraldApp, createApp } from '../../src-main/app';
import type { CampaignProgress, RequestChannel, RequestInput, RequestOutput } from '../../src-main/contract';
import { MemoryCredentialStore } from '../../src-main/credentials/memory-store';
import { openStore } from '../../src-main/store/db';
import { DEFAULT_TEMPLATES } from '../support/fake-cloud-api/templates';
import { type FakeCloudApi, startFakeCloudApi } from '../support/fake-cloud-api/server';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink';

const TOKEN = 'test-token';
let dir: string;
let app: HeraldApp;
let fake: FakeCloudApi;
let sink: SmtpSink;

async function call<C extends RequestChannel>(channel: C, input: RequestInput<C>): Promise<RequestOutput<C>> {
  const r = await app.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`);
  return r.value as RequestOutput<C>;
}

function until(pred: (p: CampaignProgress) => boolean, campaignId: number): Promise<CampaignProgress> {
  return new Promise((resolve) => {
    const unsubscribe = app.events.subscribe((event, payload) => {
      if (event !== 'campaign:progress') return;
      const p = payload as CampaignProgress;
      if (p.campaignId === campaignId && pred(p)) {
        unsubscribe();
        resolve(p);
      }
    });
  });
}

async function boot(
  outcomes: Record<string, number> = {},
  credentials = new MemoryCredentialStore(),
): Promise<void> {
  fake = await startFakeCloudApi({
    accessToken: TOKEN,
    phoneNumberId: '106540352242922',
    wabaId: '102290129340398',
    templates: DEFAULT_TEMPLATES,
    outcomes,
  });
  sink = await startSmtpSink();
  app = await createApp({
    dataDir: dir,
    migrationsDir: 'migrations',
    credentials,
    mode: 'browser',
    version: 'test',
    senderOptions: { whatsappRatePerSec: 1000, emailRatePerSec: 1000 },
  });
  await call('settings:saveWhatsApp', {
    phoneNumberId: '106540352242922',
    wabaId: '102290129340398',
    graphVersion: 'v24.0',
    baseUrl: fake.url,
    accessToken: TOKEN,
  });
  await call('settings:saveSmtp', {
    host: '127.0.0.1',
    port: sink.port,
    security: 'none',
    user: '',
    fromName: 'Herald Test',
    fromAddress: 'news@example.com',
  });
  await call('contacts:import', {
    fileName: 'contacts.csv',
    content: readFileSync('tests/fixtures/contacts.csv', 'utf8'),
  });
  await call('templates:sync', {});
}

async function draft(channelMode: 'email' | 'whatsapp' | 'both' | 'whatsapp_then_email') {
  const t = (await call('templates:list', {})).find(
    (x) => x.name === 'order_confirmation' && x.language === 'en_US',
  );
  if (!t) throw new Error('template not synced');
  const parameters = Object.fromEntries(
    t.placeholders.map((p) => [
      p.key,
      p.key === 'body.1' ? '{{ first_name | default: "there" }}' : 'SKB-{{ phone | slice: -4, 4 }}',
    ]),
  );
  return {
    name: `Spring ${channelMode}`,
    channelMode,
    audience: {},
    email: {
      subject: 'Hello {{ first_name | default: "there" }}',
      html: '<p>Dear {{ full_name }}, your code is <b>{{ email }}</b>.</p>',
    },
    whatsapp: { templateId: t.id, parameters },
  };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'herald-flow-'));
});
afterEach(async () => {
  await app?.close();
  await fake?.close();
  await sink?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a campaign on both channels', () => {
  it('sends one personalised message per contact and channel, and records every final state', async () => {
    await boot();
    const contacts = await call('contacts:list', { limit: 500 });
    const withEmail = contacts.rows.filter((c) => c.email);
    const withPhone = contacts.rows.filter((c) => c.phone);
    const campaign = await call('campaigns:create', await draft('both'));
    const finished = until((p) => p.status === 'completed', campaign.id);
    await call('campaigns:start', { campaignId: campaign.id });
    const p = await finished;

    expect(p.counts.email.sent).toBe(withEmail.length);
    expect(p.counts.whatsapp.sent).toBe(withPhone.length);
    expect(p.done).toBe(p.total);
    expect(sink.messages.map((m) => m.envelopeTo[0]).sort()).toEqual(withEmail.map((c) => c.email).sort());
    for (const c of withEmail) {
      const mail = sink.messages.find((m) => m.envelopeTo[0] === c.email)!;
      expect(mail.subject).toBe(`Hello ${c.firstName ?? 'there'}`);
      expect(mail.html).toContain(c.email!);
    }
    expect(fake.received.map((m) => `+${m.to.replace(/^\+/, '')}`).sort()).toEqual(
      withPhone.map((c) => c.phone).sort(),
    );
    const recipients = await call('campaigns:recipients', { campaignId: campaign.id, limit: 500 });
    const wa = recipients.rows.filter((r) => r.channel === 'whatsapp' && r.state === 'sent');
    expect(wa.every((r) => r.providerMessageId?.startsWith('wamid.'))).toBe(true);
    const skipped = recipients.rows.filter((r) => r.state === 'skipped');
    expect(skipped.every((r) => r.skipReason)).toBe(true);
  });
});

describe('WhatsApp first, email as fallback', () => {
  it('sends the email only to contacts whose WhatsApp message failed permanently', async () => {
    const content = readFileSync('tests/fixtures/contacts.csv', 'utf8');
    void content;
    // Find a contact that has both channels and make its number "not on WhatsApp" (131026).
    const probeDir = mkdtempSync(join(tmpdir(), 'herald-probe-'));
    const probe = await createApp({
      dataDir: probeDir,
      migrationsDir: 'migrations',
      credentials: new MemoryCredentialStore(),
      mode: 'browser',
      version: 't',
    });
    await probe.dispatch('contacts:import', { fileName: 'c.csv', content });
    const listed = await probe.dispatch('contacts:list', { limit: 500 });
    await probe.close();
    rmSync(probeDir, { recursive: true, force: true });
    if (!listed.ok) throw new Error('list failed');
    const both = (listed.value as RequestOutput<'contacts:list'>).rows.filter((c) => c.email && c.phone);
    const target = both[0]!;
    await boot({ [target.phone!.replace('+', '')]: 131026 });

    const campaign = await call('campaigns:create', await draft('whatsapp_then_email'));
    const finished = until((p) => p.status === 'completed', campaign.id);
    await call('campaigns:start', { campaignId: campaign.id });
    const p = await finished;
    expect(p.counts.whatsapp.failed).toBe(1);
    expect(sink.messages.map((m) => m.envelopeTo[0])).toContain(target.email);
    const contacts = await call('contacts:list', { limit: 500 });
    const emailOnly = contacts.rows.filter((c) => c.email && !c.phone).map((c) => c.email);
    expect(sink.messages.map((m) => m.envelopeTo[0]).sort()).toEqual([target.email, ...emailOnly].sort());
    const failed = (
      await call('campaigns:recipients', { campaignId: campaign.id, state: 'failed', limit: 10 })
    ).rows[0]!;
    expect(failed.errorCode).toBe('131026');
  });
});

describe('faults', () => {
  it('pauses on an expired token and resumes after a new one is saved', async () => {
    await boot();
    fake.setAccessToken('rotated-token');
    const campaign = await call('campaigns:create', await draft('whatsapp'));
    const paused = until((p) => p.status === 'paused', campaign.id);
    await call('campaigns:start', { campaignId: campaign.id });
    const p = await paused;
    expect(p.statusReason).toMatch(/token/i);
    expect(p.counts.whatsapp.sent).toBe(0);
    expect(p.counts.whatsapp.queued).toBeGreaterThan(0);

    await call('settings:saveWhatsApp', {
      phoneNumberId: '106540352242922',
      wabaId: '102290129340398',
      graphVersion: 'v24.0',
      baseUrl: fake.url,
      accessToken: 'rotated-token',
    });
    const done = until((x) => x.status === 'completed', campaign.id);
    await call('campaigns:resume', { campaignId: campaign.id });
    const q = await done;
    expect(q.counts.whatsapp.sent).toBe(fake.received.length);
    expect(q.counts.whatsapp.queued).toBe(0);
  });

  it('marks rows left `sending` by a crash as unknown and never re-sends them', async () => {
    await boot();
    const campaign = await call('campaigns:create', await draft('email'));
    await app.close();
    // Simulate a crash mid-send: the outbox exists and one row was in flight.
    const store = openStore(join(dir, 'herald.db'));
    store.sqlite.prepare("UPDATE campaigns SET status = 'running' WHERE id = ?").run(campaign.id);
    store.sqlite
      .prepare(
        "INSERT INTO outbox (campaign_id, contact_id, channel, address, state) SELECT ?, id, 'email', email, 'queued' FROM contacts WHERE email IS NOT NULL",
      )
      .run(campaign.id);
    const inflight = store.sqlite
      .prepare('SELECT id, address FROM outbox WHERE campaign_id = ? ORDER BY id LIMIT 1')
      .get(campaign.id) as { id: number; address: string };
    store.sqlite.prepare("UPDATE outbox SET state = 'sending', attempts = 1 WHERE id = ?").run(inflight.id);
    const queued = (
      store.sqlite
        .prepare("SELECT COUNT(*) AS n FROM outbox WHERE campaign_id = ? AND state = 'queued'")
        .get(campaign.id) as { n: number }
    ).n;
    store.close();

    app = await createApp({
      dataDir: dir,
      migrationsDir: 'migrations',
      credentials: new MemoryCredentialStore(),
      mode: 'browser',
      version: 'test',
    });
    // The restarted app has no SMTP password store entries but SMTP needs none here; wait for completion.
    const done = until((p) => p.status === 'completed', campaign.id);
    const p = await Promise.race([
      done,
      call('campaigns:progress', { campaignId: campaign.id }).then((x) =>
        x.status === 'completed' ? x : done,
      ),
    ]);
    expect(p.counts.email.unknown).toBe(1);
    expect(p.counts.email.sent).toBe(queued);
    expect(sink.messages.map((m) => m.envelopeTo[0])).not.toContain(inflight.address);
  });
});
