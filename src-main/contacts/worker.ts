/**
 * Entry of Herald's import worker threads (bundled as out/main/importWorker.js; see worker-url.ts).
 * One file serves both roles so the bundle needs a single extra input; each role loads only its own
 * code (dynamic import), so a prepare thread starts without the database and file readers:
 * - `import`: runs one import job off the thread that serves requests (import-worker.ts);
 * - `prepare`: normalises batches of rows for the import thread (prepare-serve.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ImportWorkerData } from './import-worker';

const data = workerData as ImportWorkerData | { role: 'prepare' };
const port = parentPort;
if (!port) throw new Error('worker.ts must run as a worker thread');

if (data.role === 'prepare') {
  const { servePrepare } = await import('./prepare-serve');
  servePrepare(port);
} else {
  const { runImportWorker } = await import('./import-worker');
  await runImportWorker(data, port);
}
