/**
 * The measured half of `npm run bench:engine` (tests/bench/engine.ts builds it and runs it with plain
 * node, so the figures are Herald's as it ships, not tsx's): a 100,000-recipient WhatsApp campaign against the fake Cloud API (its own
 * process, 0 ms latency) with pacing off, then 2,400 recipients at an 80 msg/s limit (30 s). The last
 * line reads `engine: <mps> msg/s unpaced, peak RSS <MB> MB; paced 80 msg/s achieved <mps>, max in any
 * 1 s window <n>`. Targets: ≥ 1,000 msg/s unpaced with peak RSS ≤ 250 MB (this process, send worker
 * included); paced within ±2 % of the limit and never above it in any 1 s window (counted at the fake).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type HeraldApp, createApp } from '../../src-main/app';
import type { CampaignProgress } from '../../src-main/contract';
import { MemoryCredentialStore } from '../../src-main/credentials/memory-store';
import type { SenderOptions } from '../../src-main/sending/senders';
import { openStore } from '../../src-main/store/db';

const UNPACED = Number(process.env['BENCH_RECIPIENTS'] ?? 100_000);
const PACED_RATE = 80;
const PACED_SECONDS = 30;
const PACED = PACED_RATE * PACED_SECONDS;

interface Stats {
  count: number;
  first: number;
  last: number;
  maxPerSecond: number;
}

const fake: ChildProcess = fork('tests/bench/engine-fake.ts', { execArgv: ['--import', 'tsx'] });
const ask = <T>(type: string): Promise<T> =>
  new Promise((resolve) => {
    const on = (m: { type: string }) => {
      if (m.type !== type && !(type === 'ready' && m.type === 'ready')) return;
      fake.off('message', on);
      resolve(m as T);
    };
    fake.on('message', on);
    if (type !== 'ready') fake.send({ type });
  });
const { url } = await ask<{ url: string }>('ready');
const memo = (label: string) => {
  if (!process.env['BENCH_DEBUG']) return;
  const m = process.memoryUsage();
  const mb = (n: number) => Math.round(n / 1048576);
  console.log(
    `${label}: rss ${mb(m.rss)} MB, heap ${mb(m.heapUsed)} MB, max rss ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
  );
};
memo('start');

const dir = mkdtempSync(join(tmpdir(), 'herald-bench-'));
const credentials = new MemoryCredentialStore();
const boot = (senderOptions: SenderOptions) =>
  createApp({
    dataDir: dir,
    migrationsDir: 'migrations',
    credentials,
    mode: 'browser',
    version: 'bench',
    senderOptions,
    log: () => undefined,
  });
async function call(app: HeraldApp, channel: string, input: unknown): Promise<unknown> {
  const r = await app.dispatch(channel as never, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value;
}

/** Contacts of two imports: 100,000 for the unpaced run, 2,400 for the paced one. */
function seed(): void {
  const store = openStore(join(dir, 'herald.db'));
  const db = store.sqlite;
  const imp = db.prepare('INSERT INTO imports (file_name) VALUES (?) RETURNING id');
  const ins = db.prepare(
    "INSERT INTO contacts (first_name, phone, import_id, attributes) VALUES (?, ?, ?, '{}')",
  );
  db.transaction(() => {
    for (const [n, offset] of [
      [UNPACED, 0],
      [PACED, 5_000_000],
    ] as const) {
      const { id } = imp.get(`bench-${n}.csv`) as { id: number };
      for (let i = 1; i <= n; i++) ins.run(`Name${i}`, `+4477${String(offset + i).padStart(8, '0')}`, id);
    }
  })();
  store.close();
}

async function run(app: HeraldApp, importId: number, templateId: number): Promise<number> {
  const c = (await call(app, 'campaigns:create', {
    name: `bench ${importId}`,
    channelMode: 'whatsapp',
    audience: { importId },
    whatsapp: {
      templateId,
      parameters: { 'body.1': '{{ first_name }}', 'body.2': 'B-1', 'button.0.1': 'X' },
    },
  })) as { id: number };
  const done = new Promise<void>((resolve, reject) => {
    app.events.subscribe((event, payload) => {
      const p = payload as CampaignProgress;
      if (event !== 'campaign:progress' || p.campaignId !== c.id) return;
      if (p.status === 'completed') resolve();
      else if (p.status !== 'running') reject(new Error(`campaign ${p.status}: ${p.statusReason}`));
    });
  });
  const t0 = performance.now();
  await call(app, 'campaigns:start', { campaignId: c.id });
  await done;
  return performance.now() - t0;
}

let app = await boot({ whatsappRatePerSec: Infinity });
await call(app, 'settings:saveWhatsApp', {
  phoneNumberId: '106540352242922',
  wabaId: '102290129340398',
  graphVersion: 'v24.0',
  baseUrl: url,
  accessToken: 'bench-token',
});
memo('booted');
seed();
memo('seeded');
await call(app, 'templates:sync', {});
const templates = (await call(app, 'templates:list', {})) as { id: number; name: string; language: string }[];
const templateId = templates.find((t) => t.name === 'order_confirmation' && t.language === 'en_US')!.id;

const unpacedMs = await run(app, 1, templateId);
memo('unpaced run');
const unpaced = await ask<Stats>('stats');
if (unpaced.count !== UNPACED) throw new Error(`the fake accepted ${unpaced.count} of ${UNPACED}`);
const mps = UNPACED / (unpacedMs / 1000);
const peakRssMb = process.resourceUsage().maxRSS / 1024;
console.log(`unpaced: ${UNPACED} messages in ${(unpacedMs / 1000).toFixed(1)} s`);
await app.close();

await ask('reset');
app = await boot({ whatsappRatePerSec: PACED_RATE });
await run(app, 2, templateId);
const paced = await ask<Stats>('stats');
await app.close();
const achieved = ((paced.count - 1) / (paced.last - paced.first)) * 1000;
console.log(
  `paced: ${paced.count} messages in ${((paced.last - paced.first) / 1000).toFixed(1)} s at the fake`,
);

fake.send({ type: 'close' });
rmSync(dir, { recursive: true, force: true });
console.log(
  `engine: ${Math.round(mps)} msg/s unpaced, peak RSS ${Math.round(peakRssMb)} MB; paced ${PACED_RATE} msg/s achieved ${achieved.toFixed(1)}, max in any 1 s window ${paced.maxPerSecond}`,
);
