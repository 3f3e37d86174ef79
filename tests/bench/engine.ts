/**
 * `npm run bench:engine`: builds Herald's app and send worker the way electron-vite does (SSR bundles,
 * dependencies external) and runs tests/bench/engine-run.ts from that bundle with plain node, so the
 * throughput and peak RSS are the shipped code's. Its last line is the figures line:
 * `engine: <mps> msg/s unpaced, peak RSS <MB> MB; paced 80 msg/s achieved <mps>, max in any 1 s window <n>`.
 * BENCH_RECIPIENTS overrides the 100,000 of the unpaced run.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildNodeBundle, buildSendWorker } from '../support/build-send-worker';

const cache = join(process.cwd(), 'node_modules', '.cache');
mkdirSync(cache, { recursive: true });
const out = mkdtempSync(join(cache, 'herald-bench-'));
try {
  const worker = await buildSendWorker(out);
  const run = await buildNodeBundle('tests/bench/engine-run.ts', out, 'engine-run.js');
  execFileSync(process.execPath, [run], {
    stdio: 'inherit',
    env: { ...process.env, HERALD_SEND_WORKER: worker },
  });
} finally {
  rmSync(out, { recursive: true, force: true });
}
