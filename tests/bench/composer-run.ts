/**
 * The measured half of the composer benchmark (tests/bench/composer.ts builds and runs it). Seeds
 * 100,000 contacts (names, companies and cities that repeat as real lists do, 2 % without a first
 * name, 5 % without a phone, a few suppressed) and a synced WhatsApp template, then through the
 * dispatcher: the first `review:preview` (cold: compiles the draft, reads the audience) = "review
 * opens"; 300 steps mixing random offsets (the last one included), jumps to random contact ids and
 * searches by name with a step inside the results; and one `review:lint` of every recipient with a
 * typical email (subject + HTML body with 3 variables) and the `order_confirmation` template (the
 * lint threads were started by the first preview, as in the app); then, for information, the same
 * lint in a fresh app whose threads start inside the request.
 * Targets: opens ≤ 1 s, every step ≤ 100 ms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src-main/app';
import type { RemoteTemplate } from '../../src-main/channels/whatsapp/types';
import {
  CampaignDraft,
  type RequestChannel,
  type RequestInput,
  type RequestOutput,
} from '../../src-main/contract';
import { MemoryCredentialStore } from '../../src-main/credentials/memory-store';
import { openStore } from '../../src-main/store/db';
import { listTemplates, storeTemplates } from '../../src-main/templates/wa-library';
import { DEFAULT_TEMPLATES } from '../support/fake-cloud-api/templates';

const N = Number(process.env['BENCH_CONTACTS'] ?? 100_000);
const STEPS = 300;

// A deterministic generator: the same data every run.
let seed = 42;
const rand = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const FIRST = Array.from(
  { length: 800 },
  (_, i) => `${pick(['Ann', 'Ben', 'Cara', 'Dev', 'Ela', 'Finn', 'Gia', 'Hugo'])}${i}`,
);
const LAST = Array.from({ length: 3000 }, (_, i) => `Surname${i}`);
const COMPANY = Array.from({ length: 8000 }, (_, i) => `Company ${i} Ltd`);
const CITY = Array.from({ length: 400 }, (_, i) => `City${i}`);

const dir = mkdtempSync(join(tmpdir(), 'herald-bench-composer-'));
/** The app over the bench's data folder (opened twice: warm, then cold for the lint). */
const openApp = () =>
  createApp({
    dataDir: dir,
    migrationsDir: 'migrations',
    credentials: new MemoryCredentialStore(),
    mode: 'browser',
    version: 'bench',
    log: () => undefined,
  });
const app = await openApp();
const call = async <C extends RequestChannel>(c: C, input: RequestInput<C>): Promise<RequestOutput<C>> => {
  const r = await app.dispatch(c, input);
  if (!r.ok) throw new Error(`${c}: ${r.error.message}`);
  return r.value as RequestOutput<C>;
};

const store = openStore(join(dir, 'herald.db'));
const insert = store.sqlite.prepare(
  `INSERT INTO contacts (first_name, last_name, email, phone, email_consent, whatsapp_consent, language, attributes)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
);
store.sqlite.transaction(() => {
  for (let i = 0; i < N; i++) {
    insert.run(
      rand() < 0.02 ? null : pick(FIRST),
      pick(LAST),
      `person${i}@example.com`,
      rand() < 0.05 ? null : `+4479${String(10_000_000 + i).padStart(8, '0')}`,
      rand() < 0.01 ? 'denied' : 'granted',
      rand() < 0.3 ? null : 'granted',
      rand() < 0.1 ? 'de' : 'en',
      JSON.stringify({ company: pick(COMPANY), city: pick(CITY) }),
    );
  }
  const sup = store.sqlite.prepare(
    "INSERT INTO suppressions (channel, address, reason) VALUES ('email', ?, 'Unsubscribed')",
  );
  for (let i = 0; i < N; i += 997) sup.run(`person${i}@example.com`);
})();
storeTemplates(store, DEFAULT_TEMPLATES as RemoteTemplate[]);
const template = listTemplates(store).find((t) => t.name === 'order_confirmation' && t.language === 'en_US')!;
store.close();
await call('settings:saveSmtp', {
  host: 'smtp.example.com',
  port: 587,
  security: 'starttls',
  user: 'news@example.com',
  fromName: 'Example News',
  fromAddress: 'news@example.com',
});

const html = `<!doctype html><html><head><style>body{font-family:sans-serif}@media (max-width:600px){.c{padding:8px}}</style></head>
<body><div class="c"><h1>Hello {{ first_name | default: "there" }},</h1>
<p>As a valued contact at {{ company }}, you are invited to our spring event in {{ city }}.</p>
${'<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.</p>\n'.repeat(8)}
<p>See you in {{ city }}!</p><p><a href="{{ unsubscribe_url }}">Unsubscribe</a></p></div></body></html>`;
const draft = CampaignDraft.parse({
  name: 'Spring event',
  channelMode: 'both',
  email: { subject: '{{ first_name | default: "Hello" }}, see you in {{ city }}', html },
  whatsapp: {
    templateId: template.id,
    languageFromContact: true,
    parameters: {
      'body.1': '{{ first_name | default: "there" }}',
      'body.2': '{{ city }}',
      'button.0.1': 'SB-1',
    },
  },
});

const timed = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const v = await f();
  return [v, performance.now() - t0];
};

const [opened, openMs] = await timed(() => call('review:preview', { draft, offset: 0, limit: 1 }));
if (opened.total !== N || opened.recipients.length !== 1)
  throw new Error('review did not open on the audience');

const steps: number[] = [];
const slow: string[] = [];
const kinds = { offset: 0, jump: 0, search: 0 };
for (let s = 0; s < STEPS; s++) {
  const r = rand();
  if (s === 0 || r < 0.4) {
    kinds.offset += 1;
    const offset = s === 0 ? N - 1 : Math.floor(rand() * N);
    const [p, ms] = await timed(() => call('review:preview', { draft, offset }));
    if (p.recipients.length !== 1) throw new Error(`no recipient at offset ${offset}`);
    steps.push(ms);
    slow.push(`${ms.toFixed(1)} offset#${s}`);
  } else if (r < 0.7) {
    kinds.jump += 1;
    const id = 1 + Math.floor(rand() * N);
    const [p, ms] = await timed(() => call('review:preview', { draft, contactIds: [id] }));
    if (p.recipients[0]?.contactId !== id) throw new Error(`contact ${id} not previewed`);
    steps.push(ms);
    slow.push(`${ms.toFixed(1)} jump#${s}`);
  } else {
    kinds.search += 1;
    const search = pick(FIRST).slice(0, 4 + Math.floor(rand() * 3));
    const [p, ms] = await timed(() => call('review:preview', { draft, search, offset: 0 }));
    steps.push(ms);
    slow.push(`${ms.toFixed(1)} search#${s}`);
    if (p.total > 1) {
      const [, next] = await timed(() => call('review:preview', { draft, search, offset: p.total - 1 }));
      steps.push(next);
      slow.push(`${next.toFixed(1)} search-step#${s}`);
    }
  }
}
steps.sort((a, b) => a - b);
const p95 = steps[Math.min(steps.length - 1, Math.ceil(steps.length * 0.95) - 1)]!;
const max = steps[steps.length - 1]!;

if (process.env['BENCH_DEBUG'])
  console.log(
    slow
      .sort((a, b) => parseFloat(b) - parseFloat(a))
      .slice(0, 12)
      .join('\n'),
  );
const cpu0 = process.cpuUsage();
const [report, lintMs] = await timed(() => call('review:lint', { draft, lintId: 'bench' }));
const cpu = process.cpuUsage(cpu0);
console.log(`lint CPU time, all threads: ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s`);
console.log(
  `steps: ${kinds.offset} offsets, ${kinds.jump} id jumps, ${kinds.search} searches; median ${steps[Math.floor(steps.length / 2)]!.toFixed(1)} ms`,
);
console.log(
  `lint: ${report.problems.map((p) => `${p.code}/${p.channel ?? '-'}${p.subject ? `/${p.subject}` : ''} ${p.count}`).join(', ')}; blocking recipients ${report.blockingRecipients}`,
);
await app.close();
// The same lint in a fresh app, with no preview first: the worker threads start inside the request.
const cold = await openApp();
const coldStart = performance.now();
const coldLint = await cold.dispatch('review:lint', { draft, lintId: 'cold' });
if (!coldLint.ok) throw new Error(coldLint.error.message);
console.log(`lint with cold worker threads: ${((performance.now() - coldStart) / 1000).toFixed(2)} s`);
await cold.close();
rmSync(dir, { recursive: true, force: true });
console.log(
  `composer: review opens in ${Math.round(openMs)} ms, step p95 ${p95.toFixed(1)} ms (max ${max.toFixed(1)} ms) over ${steps.length} steps, lint ${report.checked} recipients in ${(lintMs / 1000).toFixed(2)} s`,
);
