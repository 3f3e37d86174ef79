import { type WorkerEntry, findWorkerEntry } from '../worker-threads';

export type { WorkerEntry } from '../worker-threads';

/** Name of the bundled worker entry (electron.vite.config.ts main input `importWorker`). */
export const BUNDLED_WORKER = 'importWorker.js';

/**
 * Where the import worker's code is (the import thread and the prepare threads run the same entry):
 * `HERALD_IMPORT_WORKER` when set (the benchmark runs the bundled worker); `worker.ts` beside this
 * module from source (tsx, vitest); else `importWorker.js` in out/main. Throws when none exists.
 */
export function workerEntry(): WorkerEntry {
  return findWorkerEntry({
    moduleUrl: import.meta.url,
    sourceName: 'worker.ts',
    bundledName: BUNDLED_WORKER,
    envVar: 'HERALD_IMPORT_WORKER',
    what: 'import worker',
  });
}
