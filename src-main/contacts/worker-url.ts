import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Where the import worker's code is and how to start it. */
export interface WorkerEntry {
  url: URL;
  /** Node options for the worker (the tsx loader when running from TypeScript sources). */
  execArgv?: string[];
}

/** Name of the bundled worker entry (electron.vite.config.ts main input `importWorker`). */
export const BUNDLED_WORKER = 'importWorker.js';

/**
 * Finds the worker entry from this module's own URL, so it works in every way Herald runs:
 * - from sources (tsx: `npm run cli`, vitest): `worker.ts` beside this file, started with the tsx
 *   loader (`--import <tsx>` resolved from here, so the current directory does not matter);
 * - from the electron-vite bundle: `out/main/importWorker.js`, found beside the chunk holding this
 *   code or one folder up (chunks may live in a subfolder).
 * `HERALD_IMPORT_WORKER` (a path) overrides both: the benchmark runs the bundled worker from sources.
 * The base URL is held in a variable so that Vite does not rewrite the `new URL(…, import.meta.url)`
 * expression into an asset. Throws when no entry can be found, naming where it looked.
 */
export function workerEntry(): WorkerEntry {
  const override = process.env['HERALD_IMPORT_WORKER'];
  if (override) return { url: pathToFileURL(override) };
  const base = import.meta.url;
  if (base.endsWith('.ts')) {
    const tsx = pathToFileURL(createRequire(base).resolve('tsx')).href;
    const hasTsx = process.execArgv.some((a) => a.includes('tsx'));
    return {
      url: new URL('./worker.ts', base),
      execArgv: hasTsx ? process.execArgv : ['--import', tsx],
    };
  }
  const candidates = [`./${BUNDLED_WORKER}`, `../${BUNDLED_WORKER}`].map((p) => new URL(p, base));
  const found = candidates.find((u) => existsSync(fileURLToPath(u)));
  if (!found)
    throw new Error(
      `Import worker not found; looked for ${candidates.map((u) => fileURLToPath(u)).join(' and ')}`,
    );
  return { url: found };
}
