/**
 * The lint worker's entry (a worker_threads Worker; built as `out/main/lintWorker.js`, run from source
 * under tsx). It opens its own connection to the database named in `workerData` and lints one shard
 * of a draft's recipients per request, off the thread that serves UI requests. Progress goes out at
 * most every PROGRESS_MS; a set cancel flag ends the shard early with what was found so far.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../contract';
import { openStore } from '../store/db';
import type { LintReply, LintRequest } from './lint-protocol';
import { scanShard } from './lint-scan';

const port = parentPort;
if (!port) throw new Error('review/lint-worker.ts must run as a worker thread.');
const { dbFile } = workerData as { dbFile: string };
const store = openStore(dbFile);
const post = (m: LintReply) => port.postMessage(m);
/** Least time between two progress messages, ms (the main thread throttles to 10/s again). */
const PROGRESS_MS = 50;

port.on('message', (m: LintRequest) => {
  const { lintId } = m.job;
  const flag = new Int32Array(m.cancel);
  let last = 0;
  try {
    const result = scanShard(store, m.job, {
      cancelled: () => Atomics.load(flag, 0) !== 0,
      progress: (checked) => {
        const now = Date.now();
        if (now - last < PROGRESS_MS) return;
        last = now;
        post({ type: 'progress', lintId, checked });
      },
    });
    post({ type: 'done', lintId, result });
  } catch (e) {
    const code = e instanceof AppError ? e.code : undefined;
    post({
      type: 'error',
      lintId,
      message: e instanceof Error ? e.message : String(e),
      ...(code ? { code } : {}),
    });
  }
});
