/**
 * The send worker's entry (a worker_threads Worker; built as `out/main/sendWorker.js`, run from source
 * under tsx). It opens its own better-sqlite3 connection to the database named in `workerData` and
 * runs campaigns off the thread that serves UI requests. It never loads the keychain: the main thread
 * resolves secrets and passes them in each RunConfig.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { SendEngine } from './engine';
import type { FromWorker, ToWorker } from './protocol';

const port = parentPort;
if (!port) throw new Error('sending/worker.ts must run as a worker thread.');
const { dbFile } = workerData as { dbFile: string };
// Raw better-sqlite3 with the pragmas of store/db.ts: the worker needs no ORM, and loading drizzle
// would slow the worker's start.
const db = new Database(dbFile, { timeout: 5000 });
db.pragma('journal_mode = WAL');
db.pragma('foreign_keys = ON');
db.pragma('synchronous = NORMAL');
const post = (m: FromWorker) => port.postMessage(m);
const engine = new SendEngine(db, post);

port.on('message', (m: ToWorker) => {
  switch (m.type) {
    case 'run':
      return engine.start(m.config);
    case 'stop':
      return engine.stop(m.campaignId, m.stop);
    case 'recount':
      return engine.recount(m.campaignId);
    case 'poke':
      return engine.poke(m.campaignId);
    case 'oauthToken':
      return engine.tokenAnswer(m);
    case 'shutdown':
      void engine.shutdown().finally(() => {
        db.close();
        post({ type: 'closed' });
      });
  }
});
post({ type: 'ready' });
