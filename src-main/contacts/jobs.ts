import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import {
  AppError,
  type ColumnField,
  type ImportIssue,
  type ImportJobStatus,
  type ImportStartInput,
} from '../contract';
import type { Store } from '../store/db';
import type { EventBus } from '../transport/events';
import { importWriting } from './activity';
import { releaseIdleHeap } from './heap';
import type { ImportWorkerData, ImportWorkerMessage } from './import-worker';
import { emptyCounts } from './sink';
import type { Upload } from './uploads';
import { workerEntry } from './worker-url';
import { startWorker } from '../worker-threads';

interface Job {
  status: ImportJobStatus;
  worker: Worker;
  finished: Promise<ImportJobStatus>;
  /** Every problem of a dry run (the CLI prints them); empty for an import. */
  dryIssues: ImportIssue[];
}

/** What to start: the upload, the request, the default country and the fields (null: remembered or guessed). */
export interface JobSpec {
  upload: Upload;
  input: ImportStartInput;
  defaultCountry: string;
  fields: ColumnField[] | null;
}

/**
 * V8 heap limits of the import thread (MB). Without them V8 sizes a thread's young generation by the
 * machine's memory (up to 64 MB per semi-space) and lets the old generation fill with garbage, which
 * took the import's RSS past the 300 MB budget (issue 3). What stays live is small: one batch in
 * flight per prepare thread, the first problems, at most MAX_RECORDED_ISSUES problems of a dry run.
 * Running from TypeScript sources (tsx compiles inside the thread) needs more old space.
 */
// Young generation 16 MB: once parsing moved to the prepare threads (csv-segments.ts), the import
// thread is the pipeline's limit, and 16 MB instead of 8 cut its garbage-collection time by a third
// (1.3 → 0.8 s a million rows) for ~10–20 MB of peak RSS (bench:import: 250–272 MB of 300).
export const IMPORT_HEAP_LIMITS = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 16 };

/** Files smaller than this are normalised on the import thread itself: starting threads costs more. */
const POOL_MIN_BYTES = 4 * 1024 * 1024;

/** Most prepare threads: each costs ~20–30 MB, and past three the writer is the limit anyway. */
const MAX_PREPARE_THREADS = 3;

/**
 * Prepare threads for a file of `bytes`: HERALD_IMPORT_THREADS, else one per core besides the import
 * thread's own (which prepares its share, see PipelineHooks.prepareHere), at least one; none for small files.
 */
function threads(bytes: number): number {
  const env = process.env['HERALD_IMPORT_THREADS'];
  if (env !== undefined && /^\d+$/.test(env)) return Number(env);
  if (bytes < POOL_MIN_BYTES) return 0;
  return Math.min(MAX_PREPARE_THREADS, Math.max(1, availableParallelism() - 1));
}

/**
 * Import jobs, run OFF the thread that serves requests: each job is a worker thread (worker.ts,
 * role `import`) with its own better-sqlite3 connection to the same WAL database and a pool of
 * prepare threads. `start` returns at once with the job id; progress is pushed as `import:progress`
 * (throttled to ≤ 10/s per job, the final state always delivered); `cancel` stops the job between two
 * batch transactions. One import that writes runs at a time (AppError('conflict') otherwise); dry runs
 * may run beside it. Import records left `running` by a crash are marked failed at construction.
 */
export class ImportJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly store: Store,
    private readonly events: EventBus,
  ) {
    store.sqlite
      .prepare(
        "UPDATE imports SET status = 'failed', error = 'Herald stopped during this import; the counts say what was written.' WHERE status = 'running'",
      )
      .run();
  }

  private resolveList(input: ImportStartInput): number | null {
    const { list } = input;
    if (!list) return null;
    const db = this.store.sqlite;
    if ('id' in list) {
      if (!db.prepare('SELECT 1 FROM lists WHERE id = ?').get(list.id))
        throw new AppError('not_found', 'That list no longer exists. Choose another list.');
      return list.id;
    }
    const byName = db.prepare<[string], { id: number }>('SELECT id FROM lists WHERE lower(name) = lower(?)');
    const found = byName.get(list.name);
    if (found || input.dryRun) return found?.id ?? null;
    return Number(db.prepare('INSERT INTO lists (name) VALUES (?)').run(list.name).lastInsertRowid);
  }

  /** Starts a job. Throws AppError('conflict') when another import is writing, ('not_found') for a missing list. */
  start(spec: JobSpec): ImportJobStatus {
    const { input, upload } = spec;
    if (
      !input.dryRun &&
      [...this.jobs.values()].some((j) => j.status.state === 'running' && !j.status.dryRun)
    )
      throw new AppError('conflict', 'Another import is running. Wait for it to finish, or cancel it.');
    const listId = this.resolveList(input);
    const jobId = randomBytes(8).toString('hex');
    const entry = workerEntry();
    const prepareThreads = threads(upload.size);
    // A large import adds threads to this process: first give back the heap this thread holds idle.
    if (prepareThreads > 0) releaseIdleHeap();
    const data: ImportWorkerData = {
      role: 'import',
      dbFile: this.store.sqlite.name,
      threads: prepareThreads,
      job: {
        path: upload.path,
        fileName: upload.fileName,
        totalBytes: upload.size,
        defaultCountry: spec.defaultCountry,
        listId,
        input: {
          read: input.read,
          fields: spec.fields,
          existing: input.existing,
          tags: input.tags,
          dryRun: input.dryRun,
        },
      },
    };
    const worker = startWorker(entry, data, IMPORT_HEAP_LIMITS, {
      ...IMPORT_HEAP_LIMITS,
      maxOldGenerationSizeMb: 256,
    });
    const status: ImportJobStatus = {
      jobId,
      fileName: upload.fileName,
      dryRun: input.dryRun,
      state: 'running',
      bytesRead: 0,
      totalBytes: upload.size,
      counts: emptyCounts(),
      result: null,
      error: null,
      startedAt: Date.now(),
      finishedAt: null,
    };
    const job: Job = { status, worker, dryIssues: [], finished: Promise.resolve(status) };
    job.finished = new Promise<ImportJobStatus>((resolve) => {
      if (!input.dryRun) importWriting(1);
      const end = (patch: Partial<ImportJobStatus>) => {
        if (status.state !== 'running') return;
        if (!input.dryRun) importWriting(-1);
        Object.assign(status, patch, { finishedAt: Date.now() });
        this.publish(job, true);
        resolve({ ...status });
      };
      worker.on('message', (m: ImportWorkerMessage) => {
        if (m.type === 'progress') {
          Object.assign(status, { bytesRead: m.bytesRead, counts: m.counts });
          this.publish(job, false);
        } else if (m.type === 'done') {
          job.dryIssues = m.outcome.dryIssues;
          const { result } = m.outcome;
          const counts = { ...emptyCounts(), ...result };
          end({ state: m.outcome.status, result, counts, bytesRead: status.totalBytes });
        } else end({ state: 'failed', error: m.error });
      });
      worker.on('error', (e) => end({ state: 'failed', error: { code: 'internal', message: e.message } }));
      worker.on('exit', () =>
        end({ state: 'failed', error: { code: 'internal', message: 'The import stopped unexpectedly.' } }),
      );
    });
    this.jobs.set(jobId, job);
    this.publish(job, false);
    return { ...status };
  }

  private publish(job: Job, final: boolean): void {
    const s = job.status;
    const payload = { ...s, rowsRead: s.counts.rows, done: s.state !== 'running' };
    const key = `import:${s.jobId}`;
    if (final) {
      this.events.flush(key);
      this.events.emit('import:progress', payload);
    } else this.events.throttled(key, 'import:progress', payload);
  }

  private find(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job) throw new AppError('not_found', 'This import job is unknown (Herald may have restarted).');
    return job;
  }

  status(jobId: string): ImportJobStatus {
    return { ...this.find(jobId).status };
  }

  /** Asks the job to stop after its current batch; returns its status (still `running` until it stops). */
  cancel(jobId: string): ImportJobStatus {
    const job = this.find(jobId);
    if (job.status.state === 'running') job.worker.postMessage({ type: 'cancel' });
    return { ...job.status };
  }

  /** Resolves with the final status once the job has ended. */
  wait(jobId: string): Promise<ImportJobStatus> {
    return this.find(jobId).finished;
  }

  /** Every problem of a finished dry run (up to MAX_RECORDED_ISSUES). */
  dryIssues(jobId: string): ImportIssue[] {
    return this.find(jobId).dryIssues;
  }

  /** Cancels running jobs and waits for their threads to end. */
  async close(): Promise<void> {
    const running = [...this.jobs.values()].filter((j) => j.status.state === 'running');
    for (const j of running) j.worker.postMessage({ type: 'cancel' });
    await Promise.all(running.map((j) => j.finished));
  }
}
