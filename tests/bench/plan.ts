/**
 * Pre-send plan benchmark: seeds 100,000 contacts (tests/support/plan-fixture.ts) in a temp SQLite
 * file and times plan:count, plan:qualify and plan:compute the way the handlers run them (best of 5,
 * after one warm-up). Run: `node --import tsx tests/bench/plan.ts` (BENCH_CONTACTS overrides 100,000).
 * Last line: `plan: count <ms> ms, qualify <ms> ms, compute <ms> ms at <n> contacts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { countAudience } from '../../src-main/contacts/repo';
import { computePlan, planLimits } from '../../src-main/sending/plan';
import { qualifyAudience } from '../../src-main/sending/plan-qualify';
import { openPlanStore, seedAudience } from '../support/plan-fixture';

const n = Number(process.env.BENCH_CONTACTS ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'herald-plan-bench-'));
const store = openPlanStore(join(dir, 'herald.db'));
try {
  const seeded = seedAudience(store, n, 2_000);
  const audiences = {
    all: {},
    lists: { listIds: seeded.lists, excludeTagIds: seeded.tags, languages: ['en'] },
    attrs: { attributes: [{ key: 'city', op: 'equals' as const, value: 'paris' }], hasWhatsApp: true },
  };
  const best = (f: () => unknown) => {
    f();
    let min = Infinity;
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      f();
      min = Math.min(min, performance.now() - t);
    }
    return Math.round(min);
  };
  const inputs = {
    limits: planLimits(
      { messagingLimit: 'TIER_10K', throughputLevel: 'STANDARD', checkedAt: Date.now() },
      { provider: 'gmail' as const, dailyCap: 500, ratePerSec: 5 },
    ),
    rates: {
      currency: 'USD',
      rows: [{ country: '*', MARKETING: 0.05, UTILITY: 0.01, AUTHENTICATION: 0.01 }],
    },
    category: 'MARKETING' as const,
    now: Date.now(),
  };
  const counts = Object.entries(audiences).map(([k, a]) => {
    const ms = best(() => countAudience(store, a));
    console.log(`count ${k}: ${countAudience(store, a)} contacts in ${ms} ms`);
    return ms;
  });
  const qualify = best(() => qualifyAudience(store, 'whatsapp_then_email', audiences.all));
  console.log(`qualify all (whatsapp_then_email): ${qualify} ms`);
  const qualifyLists = best(() => qualifyAudience(store, 'both', audiences.lists));
  console.log(`qualify lists (both): ${qualifyLists} ms`);
  const draft = { channelMode: 'whatsapp_then_email' as const, audience: audiences.all };
  const compute = best(() => computePlan(store, draft, inputs));
  const plan = computePlan(store, draft, inputs);
  console.log(JSON.stringify({ ...plan, cost: { ...plan.cost, lines: plan.cost?.lines.slice(0, 3) } }));
  console.log(
    `plan: count ${Math.max(...counts)} ms, qualify ${qualify} ms, compute ${compute} ms at ${n} contacts`,
  );
} finally {
  store.close();
  rmSync(dir, { recursive: true, force: true });
}
