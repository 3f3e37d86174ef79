import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/** A worker's code: a TypeScript source (tsx, vitest) or a file of the electron-vite bundle. */
export interface WorkerEntry {
  file: string;
  source: boolean;
}

/** How to find one worker: its source beside the caller, its bundled name, its override variable. */
export interface WorkerSpec {
  /** The caller's `import.meta.url` (sources and bundle files are looked up relative to it). */
  moduleUrl: string;
  /** The worker's source file beside the caller, e.g. `worker.ts`. */
  sourceName: string;
  /** The bundle's entry (electron.vite.config.ts main input), e.g. `sendWorker.js`. */
  bundledName: string;
  /** Environment variable naming a worker file that overrides both (tests of the bundle, benches). */
  envVar: string;
  /** The worker in the user's words, for the error ("send worker"). */
  what: string;
}

/**
 * Where a worker's code is: `env[envVar]` when set; `sourceName` beside the caller when it runs from
 * source; else `bundledName` in out/main (the caller may sit in out/main or out/main/chunks). Paths
 * are built from variables so the bundler leaves them alone. Throws when none exists.
 */
export function findWorkerEntry(spec: WorkerSpec, env: NodeJS.ProcessEnv = process.env): WorkerEntry {
  const given = env[spec.envVar];
  if (given) return { file: given, source: given.endsWith('.ts') };
  const candidates = spec.moduleUrl.endsWith('.ts')
    ? [{ rel: `./${spec.sourceName}`, source: true }]
    : [
        { rel: `./${spec.bundledName}`, source: false },
        { rel: `../${spec.bundledName}`, source: false },
      ];
  for (const c of candidates) {
    const file = fileURLToPath(new URL(c.rel, spec.moduleUrl));
    if (existsSync(file)) return { file, source: c.source };
  }
  throw new Error(
    `The ${spec.what} is missing (looked for ${candidates.map((c) => c.rel).join(', ')} next to ${spec.moduleUrl}).`,
  );
}

/**
 * Starts a worker thread on `entry`. From source, tsx's loader is registered inside the worker first,
 * and `sourceLimits` (tsx compiles in the worker: it needs more room) replace `limits`.
 */
export function startWorker(
  entry: WorkerEntry,
  workerData: unknown,
  limits?: ResourceLimits,
  sourceLimits: ResourceLimits | undefined = limits,
): Worker {
  if (!entry.source)
    return new Worker(entry.file, { workerData, ...(limits ? { resourceLimits: limits } : {}) });
  const tsxApi = createRequire(import.meta.url).resolve('tsx/esm/api');
  const boot = `require(${JSON.stringify(tsxApi)}).register();
import(${JSON.stringify(pathToFileURL(entry.file).href)}).catch((e) => { console.error(e); process.exit(1); });`;
  return new Worker(boot, {
    eval: true,
    workerData,
    ...(sourceLimits ? { resourceLimits: sourceLimits } : {}),
  });
}
