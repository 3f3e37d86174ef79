/**
 * The composer benchmark (`node --import tsx tests/bench/composer.ts`; the lead's `bench:composer`):
 * builds the lint worker and tests/bench/composer-run.ts the way electron-vite builds the main process
 * (SSR bundles, dependencies external) and runs the latter with plain node, so the figures are the
 * shipped code's, not tsx's. Its last line is the figures line:
 * `composer: review opens in <ms> ms, step p95 <ms> ms (max <ms> ms) over <n> steps, lint <n> recipients in <s> s`.
 * BENCH_CONTACTS overrides the 100,000 contacts.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildNodeBundle } from '../support/build-send-worker';

const cache = join(process.cwd(), 'node_modules', '.cache');
mkdirSync(cache, { recursive: true });
const out = mkdtempSync(join(cache, 'herald-bench-composer-'));
try {
  const worker = await buildNodeBundle('src-main/review/lint-worker.ts', out, 'lintWorker.js');
  const run = await buildNodeBundle('tests/bench/composer-run.ts', out, 'composer-run.js');
  execFileSync(process.execPath, [run], {
    stdio: 'inherit',
    env: { ...process.env, HERALD_LINT_WORKER: worker },
  });
} finally {
  rmSync(out, { recursive: true, force: true });
}
