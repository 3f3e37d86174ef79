/**
 * `npm run bench:import [ROWS]`: builds Herald's app and import worker the way electron-vite does (SSR
 * bundles, the same dependencies bundled) and runs tests/bench/import-run.ts from that bundle with
 * plain node, so the rows/s and peak RSS are the shipped code's (not tsx's, nor a stale out/ build).
 * Last line: `import: <rows> rows in <s> s (<rows/s> rows/s), peak RSS <MB> MB, contacts:list p95 <ms> ms during import`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildNodeBundle } from '../support/build-send-worker';

const cache = join(process.cwd(), 'node_modules', '.cache');
mkdirSync(cache, { recursive: true });
const out = mkdtempSync(join(cache, 'herald-bench-'));
try {
  const worker = await buildNodeBundle('src-main/contacts/worker.ts', out, 'importWorker.js');
  const run = await buildNodeBundle('tests/bench/import-run.ts', out, 'import-run.js');
  execFileSync(process.execPath, [run, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, HERALD_IMPORT_WORKER: worker },
  });
} finally {
  rmSync(out, { recursive: true, force: true });
}
