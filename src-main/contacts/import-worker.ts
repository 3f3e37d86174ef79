import { type MessagePort, parentPort } from 'node:worker_threads';
import { AppError, type AppErrorShape, type ImportCounts } from '../contract';
import Database from 'better-sqlite3';
import { type PipelineJob, type PipelineOutcome, runPipeline } from './pipeline';
import { PreparePool } from './prepare-pool';
import { prepareWork } from './prepare-work';
import { installRegExpCache } from './regexp-cache';

/** What the import thread is started with (`workerData`). */
export interface ImportWorkerData {
  role: 'import';
  /** The herald.db file; the thread opens its own connection (WAL lets the app read meanwhile). */
  dbFile: string;
  job: PipelineJob;
  /** Prepare worker threads to start (0: normalise on the import thread itself). */
  threads: number;
}

/** Messages from the import thread. */
export type ImportWorkerMessage =
  | { type: 'progress'; bytesRead: number; counts: ImportCounts }
  | { type: 'done'; outcome: PipelineOutcome }
  | { type: 'failed'; error: AppErrorShape };

/** Messages to the import thread. */
export type ImportWorkerCommand = { type: 'cancel' };

/** Least time between two progress messages (ms); the event bus throttles again to ≤ 10/s. */
const PROGRESS_EVERY_MS = 100;

/**
 * Body of the import thread: opens the database, starts the prepare pool, runs the pipeline and
 * reports progress, then the outcome or the error, to the parent. A `cancel` command stops it
 * between batches.
 */
export async function runImportWorker(
  data: ImportWorkerData,
  port: MessagePort = parentPort!,
): Promise<void> {
  const ctl = new AbortController();
  port.on('message', (m: ImportWorkerCommand) => {
    if (m.type === 'cancel') ctl.abort();
  });
  const post = (m: ImportWorkerMessage) => port.postMessage(m);
  // A raw connection with openStore's pragmas: the drizzle schema is not needed here, and loading it
  // costs a thread about 150 MB.
  const db = new Database(data.dbFile, { timeout: 5000 });
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  // Bulk writing: a bigger page cache keeps the email/phone index pages hot (16 MiB: 32 gained no
  // measurable speed in bench:import and cost ~20 MB of the 300 MB budget), and fewer WAL
  // checkpoints during the run (one at the end) avoid copying the same pages again and again.
  db.pragma('cache_size = -16384');
  db.pragma('wal_autocheckpoint = 10000');
  // The multi-row INSERTs (insert-chunks.ts) keep a statement journal to back out a chunk that hits a
  // constraint: in memory it costs ~4 µs a row less than in a temporary file. Not for a dry run, whose
  // scratch database (ATTACH '') would then be held in memory too.
  if (!data.job.input.dryRun) db.pragma('temp_store = MEMORY');
  // This thread prepares batches too (all of them without a pool, its share with one): share
  // libphonenumber's regular expressions as the prepare threads do. Never done on the request thread.
  installRegExpCache();
  const pool = data.threads > 0 ? new PreparePool(data.threads) : null;
  let last = 0;
  try {
    const outcome = await runPipeline(db, data.job, {
      signal: ctl.signal,
      inFlight: Math.max(4, data.threads * 2),
      prepare: pool ? pool.prepare : async (work, ctx) => prepareWork(work, ctx),
      ...(pool ? { prepareHere: prepareWork } : {}),
      onProgress: ({ bytesRead, counts }) => {
        const now = Date.now();
        if (now - last < PROGRESS_EVERY_MS) return;
        last = now;
        post({ type: 'progress', bytesRead, counts: { ...counts } });
      },
    });
    post({ type: 'done', outcome });
  } catch (e) {
    const error: AppErrorShape =
      e instanceof AppError
        ? { code: e.code, message: e.message }
        : { code: 'internal', message: `The import failed: ${e instanceof Error ? e.message : String(e)}` };
    post({ type: 'failed', error });
  } finally {
    await pool?.close();
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // The app may hold a read transaction; SQLite checkpoints later by itself.
    }
    db.close();
    port.close();
  }
}
