import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { type WorkerEntry, findWorkerEntry, startWorker } from '../worker-threads';
import { AppError, type ErrorCode } from '../contract';
import type { ShardResult } from './lint-collect';
import type { LintReply, LintRequest } from './lint-protocol';
import type { LintJob } from './lint-scan';

/** File name of the worker entry in the bundle (electron.vite.config.ts main input `lintWorker`). */
export const BUNDLED_LINT_WORKER = 'lintWorker.js';
/** Idle workers are stopped after this long, ms (their next start costs ~0.1 s from the bundle). */
export const LINT_IDLE_MS = 60_000;

/**
 * Where the lint worker's code is: `HERALD_LINT_WORKER` when set; `lint-worker.ts` beside this module
 * from source; else `lintWorker.js` in out/main. Throws when none exists.
 */
export function lintWorkerEntry(
  moduleUrl: string = import.meta.url,
  env: NodeJS.ProcessEnv = process.env,
): WorkerEntry {
  const spec = {
    sourceName: 'lint-worker.ts',
    bundledName: BUNDLED_LINT_WORKER,
    envVar: 'HERALD_LINT_WORKER',
  };
  return findWorkerEntry({ ...spec, moduleUrl, what: 'lint worker' }, env);
}

const spawn = (dbFile: string): Worker => startWorker(lintWorkerEntry(), { dbFile });

interface Pending {
  resolve(r: ShardResult): void;
  reject(e: Error): void;
  progress(checked: number): void;
}

/** One worker thread and the shard requests it has been given (it answers them in order). */
class LintThread {
  readonly worker: Worker;
  readonly pending = new Map<string, Pending>();
  dead = false;

  constructor(dbFile: string, onGone: (t: LintThread) => void) {
    this.worker = spawn(dbFile);
    this.worker.unref(); // a lint never keeps Herald running
    this.worker.on('message', (m: LintReply) => {
      const p = this.pending.get(m.lintId);
      if (!p) return;
      if (m.type === 'progress') return p.progress(m.checked);
      this.pending.delete(m.lintId);
      if (m.type === 'done') p.resolve(m.result);
      else p.reject(m.code ? new AppError(m.code as ErrorCode, m.message) : new Error(m.message));
    });
    const fail = (e: Error) => {
      if (this.dead) return;
      this.dead = true;
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
      onGone(this);
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`The lint worker stopped (exit code ${code}).`)));
  }
}

/**
 * The lint's worker threads (one per core, at most `size`), started on first use and stopped after
 * LINT_IDLE_MS without work. `run` gives each thread one id range of a job and resolves with every
 * range's result; a thread that dies rejects its ranges.
 */
export class LintWorkers {
  private threads: LintThread[] = [];
  private idle: NodeJS.Timeout | null = null;
  private busy = 0;
  private runs = 0;

  constructor(
    private readonly dbFile: string,
    private readonly size = Math.max(1, Math.min(2, availableParallelism())),
  ) {}

  /**
   * Starts the threads now if they are not running (the review step opens with a preview and a lint
   * follows: loading the worker's modules takes ~0.5 s that the lint then does not wait for).
   */
  warm(): void {
    this.spawn();
    if (this.busy === 0) this.idleSoon();
  }

  /** Threads a lint is split over (the number of shards to give `run`). */
  get parallelism(): number {
    return this.size;
  }

  /**
   * Runs `job` over the id ranges split at `boundaries` (ascending ids: range k is after boundary
   * k-1 up to boundary k), one range per thread; `progress` gets the recipients checked so far over
   * all ranges.
   */
  async run(
    job: Omit<LintJob, 'after' | 'upTo'>,
    boundaries: readonly number[],
    cancel: SharedArrayBuffer,
    progress: (checked: number) => void,
  ): Promise<ShardResult[]> {
    this.spawn();
    const threads = this.threads.slice(0, boundaries.length + 1);
    const counts = threads.map(() => 0);
    // Messages are matched by a run id of our own: a caller may reuse a lintId.
    const runId = `${job.lintId}#${++this.runs}`;
    this.busy += 1;
    try {
      return await Promise.all(
        threads.map(
          (t, shard) =>
            new Promise<ShardResult>((resolve, reject) => {
              t.pending.set(runId, {
                resolve,
                reject,
                progress: (checked) => {
                  counts[shard] = checked;
                  progress(counts.reduce((a, b) => a + b, 0));
                },
              });
              const request: LintRequest = {
                type: 'lint',
                job: {
                  ...job,
                  lintId: runId,
                  after: boundaries[shard - 1] ?? 0,
                  upTo: boundaries[shard] ?? null,
                },
                cancel,
              };
              t.worker.postMessage(request);
            }),
        ),
      );
    } finally {
      this.busy -= 1;
      if (this.busy === 0) this.idleSoon();
    }
  }

  private spawn(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    while (this.threads.length < this.size)
      this.threads.push(
        new LintThread(this.dbFile, (t) => (this.threads = this.threads.filter((x) => x !== t))),
      );
  }

  private idleSoon(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = setTimeout(() => void this.close(), LINT_IDLE_MS);
    this.idle.unref();
  }

  /** Stops the threads (a running lint's shards reject). */
  async close(): Promise<void> {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const threads = this.threads;
    this.threads = [];
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }
}
