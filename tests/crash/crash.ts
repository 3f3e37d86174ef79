/**
 * `npm run test:crash`: a 5,000-recipient campaign on both channels against the fake Cloud API and the
 * SMTP sink, in a child process killed with SIGKILL at 10 random moments and restarted each time.
 * Passes when nobody received the same message twice (counted at the fake and the sink), every outbox
 * row is final, and the `unknown` rows are exactly the rows that were in flight (`sending`) at a kill.
 * CRASH_SEED=<n> repeats a run. Exit code 0 = pass.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src-main/app';
import { MemoryCredentialStore } from '../../src-main/credentials/memory-store';
import { openStore } from '../../src-main/store/db';
import { startFakeCloudApi } from '../support/fake-cloud-api/server';
import { DEFAULT_TEMPLATES } from '../support/fake-cloud-api/templates';
import { seedContacts, manyContacts } from '../support/sending-rig';
import { startSmtpSink } from '../support/smtp-sink';
import { prng } from '../support/prng';

const RECIPIENTS = 5_000;
const KILLS = 10;
const TOKEN = 'crash-token';
const seed = Number(process.env['CRASH_SEED'] ?? Date.now() % 1_000_000);

const random = prng(seed);
const started = Date.now();
const fail = (message: string): never => {
  console.error(`crash test FAILED (seed ${seed}): ${message}`);
  process.exit(1);
};

const fake = await startFakeCloudApi({
  accessToken: TOKEN,
  phoneNumberId: '106540352242922',
  wabaId: '102290129340398',
  templates: structuredClone(DEFAULT_TEMPLATES),
  throughputPerSec: 1_000_000,
  account: { whatsapp_business_manager_messaging_limit: 'TIER_UNLIMITED' },
  ...({ pairRate: false } as object),
});
const sink = await startSmtpSink();
const dir = mkdtempSync(join(tmpdir(), 'herald-crash-'));
const dbFile = join(dir, 'herald.db');

// Set-up in this process: settings, contacts, templates, and the campaign as a draft.
{
  const credentials = new MemoryCredentialStore();
  const app = await createApp({
    dataDir: dir,
    migrationsDir: 'migrations',
    credentials,
    mode: 'browser',
    version: 'crash',
  });
  const call = async (channel: string, input: unknown) => {
    const r = await app.dispatch(channel as never, input);
    if (!r.ok) fail(`${channel}: ${r.error.message}`);
    return (r as { value: unknown }).value;
  };
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
    fromName: 'Crash',
    fromAddress: 'news@example.com',
    poolSize: 5,
  });
  seedContacts(dbFile, manyContacts(RECIPIENTS));
  await call('templates:sync', {});
  const templates = (await call('templates:list', {})) as { id: number; name: string; language: string }[];
  const t = templates.find((x) => x.name === 'order_confirmation' && x.language === 'en_US')!;
  await call('campaigns:create', {
    name: 'Crash',
    channelMode: 'both',
    audience: {},
    email: { subject: 'Hello {{ first_name }}', html: '<p>Hi {{ first_name }}</p>' },
    whatsapp: {
      templateId: t.id,
      parameters: { 'body.1': '{{ first_name }}', 'body.2': 'X', 'button.0.1': 'Y' },
    },
  });
  await app.close();
}

const received = () => fake.received.length + sink.messages.length;
const total = RECIPIENTS * 2;
const thresholds = Array.from({ length: KILLS }, () => Math.floor(random() * total * 0.95)).sort(
  (a, b) => a - b,
);
const inFlightAtKills = new Set<number>();

function startChild(): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'tests/crash/child.ts', dir, TOKEN], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}
const exited = (c: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    c.exitCode !== null ? resolve(c.exitCode) : c.once('exit', (code) => resolve(code)),
  );

for (const [i, at] of thresholds.entries()) {
  const child = startChild();
  const code = await new Promise<number | null | 'kill'>((resolve) => {
    const timer = setInterval(() => {
      if (received() < at) return;
      clearInterval(timer);
      child.kill('SIGKILL');
      resolve('kill');
    }, 5);
    child.once('exit', (c) => {
      clearInterval(timer);
      resolve(c);
    });
  });
  await exited(child);
  if (code !== 'kill') fail(`the child exited with ${code} before kill ${i + 1} (threshold ${at})`);
  const store = openStore(dbFile);
  for (const r of store.sqlite.prepare("SELECT id FROM outbox WHERE state = 'sending'").all() as {
    id: number;
  }[])
    inFlightAtKills.add(r.id);
  store.close();
  console.log(
    `kill ${i + 1}/${KILLS} after ${received()} messages (threshold ${at}) at ${Math.round((Date.now() - started) / 100) / 10} s`,
  );
}
const last = startChild();
const code = await exited(last);
if (code !== 0) fail(`the last run exited with ${code}`);

// Verdict.
const store = openStore(dbFile);
const rows = store.sqlite.prepare('SELECT id, channel, address, state FROM outbox').all() as {
  id: number;
  channel: string;
  address: string;
  state: string;
}[];
store.close();
const dupes = (list: string[]) => list.length - new Set(list).size;
const waDupes = dupes(fake.received.map((m) => m.to.replace(/^\+/, '')));
const mailDupes = dupes(sink.messages.map((m) => m.envelopeTo[0]!));
if (waDupes > 0 || mailDupes > 0) fail(`duplicates: ${waDupes} WhatsApp, ${mailDupes} email`);
if (rows.length !== total) fail(`${rows.length} outbox rows, expected ${total}`);
const notFinal = rows.filter((r) => r.state === 'queued' || r.state === 'sending');
if (notFinal.length > 0) fail(`${notFinal.length} rows not final`);
const unknown = rows.filter((r) => r.state === 'unknown').map((r) => r.id);
const stray = unknown.filter((id) => !inFlightAtKills.has(id));
if (stray.length > 0) fail(`${stray.length} unknown rows were not in flight at a kill`);
if (unknown.length !== inFlightAtKills.size)
  fail(`${inFlightAtKills.size} rows in flight at kills, ${unknown.length} unknown`);
const sent = rows.filter((r) => r.state === 'sent');
const got = new Set([
  ...fake.received.map((m) => `whatsapp:+${m.to.replace(/^\+/, '')}`),
  ...sink.messages.map((m) => `email:${m.envelopeTo[0]}`),
]);
const missing = sent.filter((r) => !got.has(`${r.channel}:${r.address}`));
if (missing.length > 0) fail(`${missing.length} rows recorded sent that no provider received`);
if (sent.length + unknown.length !== total)
  fail(`${sent.length} sent + ${unknown.length} unknown ≠ ${total}`);

await fake.close();
await sink.close();
rmSync(dir, { recursive: true, force: true });
console.log(
  `crash test passed (seed ${seed}): ${KILLS} kills, ${total} messages, ${sent.length} sent, ${unknown.length} unknown (all in flight at a kill), no duplicates, ${Math.round((Date.now() - started) / 1000)} s`,
);
process.exit(0);
