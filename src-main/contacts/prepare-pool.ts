import type { Worker } from 'node:worker_threads';
import type { ImportIssue } from '../contract';
import type { CsvSegment } from './csv-segments';
import type { PrepareFn } from './pipeline';
import type { PrepareContext, PreparedBatch } from './prepare-work';
import { type PackedRecords, type PackedRows, packRecords, unpackPrepared } from './wire';
import { type WorkerEntry, workerEntry } from './worker-url';
import { startWorker } from '../worker-threads';

/** Old-generation heap limit of a prepare thread (MB). */
export const PREPARE_HEAP_MB = Number(process.env['HERALD_PREPARE_HEAP_MB'] ?? 64);
const PREPARE_LIMITS = { maxOldGenerationSizeMb: PREPARE_HEAP_MB, maxYoungGenerationSizeMb: 8 };

/** A unit for a prepare worker: records (packed, see wire.ts) or a segment of CSV text. */
export interface PrepareRequest {
  id: number;
  work: { records: PackedRecords } | { segment: CsvSegment };
  ctx: PrepareContext;
}

/** A prepare worker's answer: the rows (packed, see wire.ts) and read problems, or the error that stopped it. */
export type PrepareReply =
  { id: number; rows: PackedRows; readIssues: ImportIssue[] } | { id: number; error: string };

/**
 * A pool of worker threads that normalise batches (`prepareRecord`: libphonenumber-js parsing is
 * the costly part, ~10 µs a number), so phone parsing runs on other cores while the import thread
 * reads and writes (and prepares what would otherwise keep it waiting, see `PipelineHooks.prepareHere`).
 * A batch goes to the thread holding the fewest; answers come back as promises, in any order.
 * `close` stops the threads.
 */
export class PreparePool {
  private readonly workers: { worker: Worker; pending: number }[] = [];
  private readonly waiting = new Map<
    number,
    { resolve: (r: PreparedBatch) => void; reject: (e: Error) => void }
  >();
  private seq = 0;

  constructor(size: number, entry: WorkerEntry = workerEntry()) {
    for (let i = 0; i < size; i++) {
      // A batch needs little heap; a small old generation makes V8 collect early instead of growing
      // the thread's memory with garbage (the import's RSS budget is 300 MB for the whole process).
      const w = startWorker(entry, { role: 'prepare' }, PREPARE_LIMITS);
      const slot = { worker: w, pending: 0 };
      w.on('message', (m: PrepareReply) => {
        slot.pending--;
        const p = this.waiting.get(m.id);
        if (!p) return;
        this.waiting.delete(m.id);
        if ('rows' in m) p.resolve({ rows: unpackPrepared(m.rows), readIssues: m.readIssues });
        else p.reject(new Error(m.error));
      });
      w.on('error', (e) => this.failAll(e));
      this.workers.push(slot);
    }
  }

  private failAll(e: Error): void {
    for (const p of this.waiting.values()) p.reject(e);
    this.waiting.clear();
  }

  /** Prepares `work` (prepareWork) in the least busy thread. Rejects when the thread fails. */
  readonly prepare: PrepareFn = (work, ctx) => {
    let slot = this.workers[0];
    for (const w of this.workers) if (slot && w.pending < slot.pending) slot = w;
    if (!slot) return Promise.reject(new Error('The prepare pool has no threads.'));
    const target = slot;
    return new Promise<PreparedBatch>((resolve, reject) => {
      const id = ++this.seq;
      this.waiting.set(id, { resolve, reject });
      const packed = 'records' in work ? { records: packRecords(work.records) } : work;
      const req: PrepareRequest = { id, work: packed, ctx };
      target.pending++;
      target.worker.postMessage(req);
    });
  };

  /** Terminates every worker; pending batches are rejected. */
  async close(): Promise<void> {
    this.failAll(new Error('The import stopped.'));
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
