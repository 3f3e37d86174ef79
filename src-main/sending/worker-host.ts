import type { Worker } from 'node:worker_threads';
import { type WorkerEntry, findWorkerEntry, startWorker } from '../worker-threads';
import type { FromWorker, ToWorker } from './protocol';

/** File name of the worker entry in the bundle (electron.vite.config.ts: `sendWorker`). */
export const BUNDLED_WORKER = 'sendWorker.js';

/**
 * Where the send worker's code is: `HERALD_SEND_WORKER` when set; `worker.ts` beside this module from
 * source; else `sendWorker.js` in out/main. Throws when none exists.
 */
export function resolveWorkerEntry(
  moduleUrl: string = import.meta.url,
  env: NodeJS.ProcessEnv = process.env,
): WorkerEntry {
  const spec = { sourceName: 'worker.ts', bundledName: BUNDLED_WORKER, envVar: 'HERALD_SEND_WORKER' };
  return findWorkerEntry({ ...spec, moduleUrl, what: 'send worker' }, env);
}

/**
 * The worker's V8 heap limits, MB. Sending allocates a lot of short-lived objects (HTTP requests and
 * answers); without a cap V8 grows the heap far beyond what is live (hundreds of MB over a 100,000
 * message campaign). What stays live is small: the quota map (~12 MB at 100,000 recipients), the
 * claimed rows and the live numbers. The worker starts at ~50 MB of RSS: nodemailer and html-to-text
 * load only when a campaign has email (channels/email/smtp.ts, compose.ts).
 */
// An 8 MB young generation (was 16) saves ~6 MB of RSS at the same throughput (bench:engine, A/B).
export const WORKER_HEAP_LIMITS = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 8 };

/** Starts the worker; tsx compiles inside it from source, so it gets more room there. */
function spawn(entry: WorkerEntry, dbFile: string): Worker {
  return startWorker(entry, { dbFile }, WORKER_HEAP_LIMITS, {
    ...WORKER_HEAP_LIMITS,
    maxOldGenerationSizeMb: 256,
  });
}

/**
 * Owns the send worker on the main thread: starts it on first use, forwards messages both ways, and
 * reports a worker that died (`onExit`) so its campaigns can be recovered. `close` asks the worker to
 * finish its in-flight sends and waits for it.
 */
export class SendWorkerHost {
  private worker: Worker | null = null;
  private closing: Promise<void> | null = null;
  private closed: (() => void) | null = null;

  constructor(
    private readonly dbFile: string,
    private readonly onMessage: (m: FromWorker) => void,
    private readonly onExit: (error: Error) => void,
  ) {}

  get running(): boolean {
    return this.worker !== null;
  }

  /** Sends a message, starting the worker if needed. */
  send(m: ToWorker): void {
    if (this.closing) return;
    if (!this.worker) this.worker = this.start();
    this.worker.postMessage(m);
  }

  private start(): Worker {
    const w = spawn(resolveWorkerEntry(), this.dbFile);
    w.on('message', (m: FromWorker) => {
      if (m.type === 'closed') this.closed?.();
      else this.onMessage(m);
    });
    let failure: Error | null = null;
    w.on('error', (e) => (failure = e));
    w.on('exit', (code) => {
      const mine = this.worker === w;
      if (mine) this.worker = null;
      this.closed?.();
      if (mine && !this.closing)
        this.onExit(failure ?? new Error(`The send worker exited with code ${code}.`));
    });
    return w;
  }

  /** Stops every run after in-flight sends are recorded, then ends the worker. */
  close(): Promise<void> {
    if (this.closing) return this.closing;
    const w = this.worker;
    this.closing = w
      ? new Promise<void>((resolve) => {
          this.closed = resolve;
          w.postMessage({ type: 'shutdown' } satisfies ToWorker);
        }).then(async () => {
          this.worker = null;
          await w.terminate();
        })
      : Promise.resolve();
    return this.closing;
  }
}
